"""The review desk's state: one brief and period over the store, read through the
same functions as the command line (analysis `load`, `make_brief`, the review
commands), so a page never shows or writes anything the CLI would not.

Every operation holds one lock: two tabs' requests run one after the other, and a
correction is checked against the event's version and written in one step.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen import analysis as analysis_stage
from briefgen.actors import ActorIndex
from briefgen.analysis import Analysis, MergedEvent
from briefgen.analysis.events_table import row
from briefgen.config import Config
from briefgen.errors import UsageError
from briefgen.models import Article
from briefgen.periods import Period, choose_period
from briefgen.render import BriefRequest, make_brief
from briefgen.serve.text import excerpt, marked_text
from briefgen.store import Store

STATES = ("corrected", "uncorrected", "rejected", "added")


@dataclass
class Filters:
    topic: str = ""
    actor: str = ""
    kind: str = ""
    state: str = ""


@dataclass
class Listing:
    events: list[dict[str, Any]]
    total: int  # events of the period before filtering
    problems: dict[str, str] = field(default_factory=dict)  # filter -> message
    orphans: list[str] = field(default_factory=list)  # as `briefgen corrections check` says


class Stale(Exception):
    """The event changed since the page showed it (another tab, or the CLI)."""


class Desk:
    def __init__(
        self,
        config: Config,
        store_path: Path,
        pipeline: str,
        brief: str = "weekly",
        week: str | None = None,
    ):
        self.config = config
        self.store_path = store_path
        self.pipeline = pipeline
        self.brief = brief
        self.week = week
        self.lock = threading.RLock()
        self._cached: tuple[tuple, Analysis] | None = None
        self._preview: tuple[tuple, str] | None = None
        self._period: tuple[tuple, Period] | None = None
        self._scratch = Path(tempfile.mkdtemp(prefix="briefgen-preview-"))

    def open_store(self) -> Store:
        return Store(self.store_path)

    def close(self) -> None:
        shutil.rmtree(self._scratch, ignore_errors=True)

    # -- reading ----------------------------------------------------------------

    def watched_files(self) -> list[Path]:
        """Files whose change changes what the desk shows: the corrections and the
        judgments of this brief and period, whoever writes them."""
        return [self.corrections_path(), *self.judgments_paths()]

    def corrections_path(self) -> Path:
        from briefgen.review.commands import corrections_path

        return corrections_path(self.config)

    def judgments_paths(self) -> list[Path]:
        return [self.judgments_path()] if self.judgments_enabled() else []

    # -- key judgments ------------------------------------------------------------

    def judgments_enabled(self) -> bool:
        from briefgen.review.judgments import has_judgments

        return has_judgments(self.config.briefs[self.brief])

    def require_judgments(self) -> None:
        if not self.judgments_enabled():
            raise UsageError(
                f"brief {self.brief} has no key_judgments section; declare one in config.yaml"
            )

    def judgments_name(self) -> str:
        """The judgments file as config names it, e.g. judgments/weekly-2024-03-18.md."""
        from briefgen.review.judgments import judgments_name

        return judgments_name(self.config, self.brief, self.period())

    def judgments_path(self) -> Path:
        return self.config.path(self.judgments_name())

    def judgments_text(self) -> str:
        path = self.judgments_path()
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    def check_judgments(self, text: str) -> list[str]:
        """`briefgen check` on text not saved yet: the same function, run on a draft
        in the desk's scratch folder, its messages naming the real file."""
        from briefgen.review.judgments import check

        self.require_judgments()
        with self.lock:
            draft = self._scratch / "judgments-draft.md"
            draft.write_text(text, encoding="utf-8")
            review = self.config.review.model_copy(update={"judgments": str(draft)})
            config = self.config.model_copy(update={"review": review})
            problems = check(config, self.analysis(), self.brief, self.period())
            return [p.replace(str(draft), self.judgments_name(), 1) for p in problems]

    def save_judgments(self, text: str) -> list[str]:
        """Write the judgments file (its place from config, never from the browser)
        in one step; return what the check flags, as `briefgen brief` would warn."""
        from briefgen.render.output import atomic_write

        self.require_judgments()
        with self.lock:
            atomic_write(self.judgments_path(), text)
            return self.check_judgments(text)

    def _store_stamp(self) -> tuple[object, int]:
        with self.open_store() as store:
            return store.newest_ingest(), store.article_count()

    def _stamp(self) -> tuple:
        stamps: list[tuple[object, ...]] = [self._store_stamp()]
        for path in self.watched_files():
            try:
                info = path.stat()
                stamps.append((str(path), info.st_mtime_ns, info.st_size))
            except FileNotFoundError:
                stamps.append((str(path), None, None))
        return tuple(stamps)

    def analysis(self) -> Analysis:
        with self.lock:
            stamp = self._stamp()
            if self._cached is None or self._cached[0] != stamp:
                with self.open_store() as store:
                    self._cached = (stamp, analysis_stage.load(self.config, store, self.pipeline))
            return self._cached[1]

    def period(self) -> Period:
        """The brief's period, as `briefgen brief` chooses it (it depends on the
        articles only, so it is kept until the store changes)."""
        with self.lock:
            stamp = self._store_stamp()
            if self._period is None or self._period[0] != stamp:
                with self.open_store() as store:
                    chosen = choose_period(store.articles(), self.week, None, None)
                self._period = (stamp, chosen)
            return self._period[1]

    def in_period(self, item: MergedEvent, period: Period) -> bool:
        """An event of the period by the brief's own rule (`Period.holds_event`); events
        its articles only mention in passing are the brief's Background, corrected with
        `briefgen correct`."""
        return period.holds_event(item.event.date, item.first_reported)

    def listing(self, filters: Filters) -> Listing:
        from briefgen.review.commands import describe

        with self.lock:
            loaded, period = self.analysis(), self.period()
            chosen = [e for e in loaded.events if self.in_period(e, period)]
            total, problems = len(chosen), {}
            if filters.actor:
                actor = ActorIndex.from_config(self.config.actors).resolve(filters.actor)
                if actor is None:
                    problems["actor"] = f"no actor {filters.actor!r} in config (any alias works)"
                else:
                    chosen = [e for e in chosen if e.involves(actor)]
            views = [self.view(e) for e in chosen]
            if filters.topic:
                views = [v for v in views if filters.topic in v["topics"]]
            if filters.kind:
                views = [v for v in views if v["type"] == filters.kind]
            if filters.state:
                views = [v for v in views if filters.state in v["states"]]
            orphans = [f"{describe(o.correction)}: {o.reason}" for o in loaded.review.orphans]
            return Listing(views, total, problems, orphans)

    def event(self, event_id: str) -> dict[str, Any] | None:
        from briefgen.analysis.ids import resolve

        with self.lock:
            found = resolve(self.analysis().events, event_id)
            return self.view(found) if found else None

    def view(self, item: MergedEvent) -> dict[str, Any]:
        """An event as the pages show it: its `briefgen events` JSON row, plus its
        version, topics, review states, field values and each source's excerpt."""
        from briefgen.review.values import FIELDS, current

        data = row(item)
        data["version"] = version(data)
        data["topics"] = sorted({t for r in item.reports for t in r.fact.topics})
        states = [s for s in ("rejected", "added") if data.get(s)]
        states.append("corrected" if data.get("corrected") else "uncorrected")
        data["states"] = states
        data["fields"] = [(name, current(item.event, name)) for name in FIELDS]
        data["excerpts"] = [
            {
                "article_id": r.article.id,
                "origin": r.article.origin,
                "title": r.article.title,
                "outlet": r.article.source,
                "published": r.article.published.isoformat() if r.article.published else None,
                "fact": r.fact.uid,
                "reliability": source["reliability"],
                "pieces": excerpt(r.article.text, r.fact.start, r.fact.end),
            }
            # The JSON row lists the same sources, in the same order, with their grades.
            for r, source in zip(item.sources(), data["sources"], strict=True)
        ]
        return data

    def article(self, article_id: str) -> tuple[Article, list[dict[str, Any]]] | None:
        """An article and its whole text in pieces: each marked piece names the kinds
        of fact it holds, the event it reports (if any), and carries the anchor of
        the fact it starts."""
        with self.lock:
            loaded = self.analysis()
            found = loaded.articles.get(article_id)
            if found is None:
                return None
            facts = [f for f in loaded.facts if f.article_id == article_id]
            event_of = {
                r.fact.uid: e.id
                for e in loaded.events
                for r in e.reports
                if r.article.id == article_id and r.fact.uid
            }
            pieces, anchored = [], set()
            for piece in marked_text(found.text, facts):
                uids = [f.uid for f in piece.facts if f.uid]
                anchor = next((u for u in uids if u not in anchored), None)
                anchored.update(uids)
                pieces.append(
                    {
                        "text": piece.text,
                        "marked": piece.marked,
                        "kinds": sorted({f.kind for f in piece.facts}),
                        "event": next((event_of[u] for u in uids if u in event_of), None),
                        "anchor": anchor,
                    }
                )
            return found, pieces

    # -- the brief ----------------------------------------------------------------

    def request(self, formats: list[str], out_dir: Path | None) -> BriefRequest:
        return BriefRequest(name=self.brief, week=self.week, formats=formats, out_dir=out_dir)

    def preview(self) -> str:
        """The brief's HTML as `briefgen brief` renders it, again after every change."""
        with self.lock:
            stamp = self._stamp()
            if self._preview is None or self._preview[0] != stamp:
                with self.open_store() as store:
                    result = make_brief(
                        self.config, store, self.pipeline, self.request(["html"], self._scratch)
                    )
                self._preview = (stamp, result.paths[0].read_text(encoding="utf-8"))
            return self._preview[1]

    def publish(self) -> list[Path]:
        """Write the PDF and HTML to the configured output folder (never one the
        browser names)."""
        with self.lock, self.open_store() as store:
            result = make_brief(
                self.config, store, self.pipeline, self.request(["pdf", "html"], None)
            )
            return result.paths


def version(data: dict[str, Any]) -> str:
    """A short hash of everything `briefgen events` says about an event: any change
    to it, from this page, another tab or the CLI, changes the version."""
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
