"""Score extracted facts against a gold file (schema briefgen-gold/1).

Per article: an extracted event matches a gold event when the type is the same,
the place agrees (same location after folding; or the same country where
either side names no place finer than a country; no criterion where the gold
names no place), and the dates agree at the coarser precision (one day of
slack between full dates; a side without a date sets no criterion). Each gold
event matches at most one extracted event, best first. A quote matches when the
speaker agrees (full name or surname) and the gold snippet lies in the quote.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from briefgen import errors
from briefgen.config import Config
from briefgen.errors import UsageError
from briefgen.evaluate.rules import (
    FIELDS,
    dates_agree,
    field_right,
    match_events,
    quote_matches,
)


def load_gold(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise errors.no_gold_file(path)
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:  # one line: file, line and the parser's complaint
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise UsageError(
            f"{path}{line}: invalid YAML: {getattr(exc, 'problem', None) or exc}; fix the gold file"
        ) from None
    if not isinstance(gold, dict) or gold.get("schema") != "briefgen-gold/1":
        raise errors.bad_gold_file(path)
    return gold


def run(config: Config, gold_path: Path, corpus: Path, *, misses: bool = False) -> dict[str, Any]:
    from briefgen.analysis.facts_table import list_facts
    from briefgen.extract import extract
    from briefgen.ingest import ingest_paths
    from briefgen.store import Store

    gold = load_gold(gold_path)
    if not corpus.is_dir():
        raise errors.no_corpus_folder(corpus)
    with tempfile.TemporaryDirectory(prefix="briefgen-eval-") as folder:
        with Store(Path(folder) / "eval.sqlite") as store:
            ingest_paths([corpus], store)
            report = extract(config, store)
            rows = list_facts(
                config, store, report.pipeline, kinds=["event", "quote", "statistic", "mention"]
            )
    return score(gold, rows, misses=misses)


def score(
    gold: dict[str, Any], rows: list[dict[str, Any]], *, misses: bool = False
) -> dict[str, Any]:
    """The figures; with `misses`, each article also carries where it differs from the gold."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    totals: defaultdict[str, int] = defaultdict(int)
    articles = []
    for entry in gold.get("articles", []):
        name = entry["file"]
        facts = by_article.get(name, [])
        extracted = [f["event"] for f in facts if f["kind"] == "event"]
        gold_events = entry.get("events") or []
        pairs = match_events(gold_events, extracted)
        totals["events_gold"] += len(gold_events)
        totals["events_extracted"] += len(extracted)
        totals["events_matched"] += len(pairs)
        for g, e in pairs:
            for field in FIELDS:
                totals[f"right_{field}"] += field_right(field, g, e)
        quotes = [f["quote"] for f in facts if f["kind"] == "quote"]
        gold_quotes = entry.get("quotes") or []
        found_quotes = sum(1 for q in gold_quotes if any(quote_matches(q, x) for x in quotes))
        totals["quotes_gold"] += len(gold_quotes)
        totals["quotes_found"] += found_quotes
        topics = {t for f in facts for t in f["topics"]}
        gold_topics = set(entry.get("topics") or [])
        totals["topics_predicted"] += len(topics)
        totals["topics_gold"] += len(gold_topics)
        totals["topics_right"] += len(topics & gold_topics)
        articles.append(
            {
                "file": name,
                "events": {
                    "gold": len(gold_events),
                    "extracted": len(extracted),
                    "matched": len(pairs),
                },
                "quotes": {"gold": len(gold_quotes), "found": found_quotes},
                "topics": {"gold": sorted(gold_topics), "predicted": sorted(topics)},
            }
        )
        if misses:
            from briefgen.evaluate.misses import article_misses

            articles[-1]["misses"] = article_misses(entry, facts, pairs)
    matched = totals["events_matched"]
    precision = _ratio(matched, totals["events_extracted"])
    recall = _ratio(matched, totals["events_gold"])
    return {
        "events": {
            "gold": totals["events_gold"],
            "extracted": totals["events_extracted"],
            "matched": matched,
            "precision": precision,
            "recall": recall,
            "f1": _ratio(2 * precision * recall, precision + recall),
        },
        "matched_fields": {field: _ratio(totals[f"right_{field}"], matched) for field in FIELDS},
        "quotes": {
            "gold": totals["quotes_gold"],
            "found": totals["quotes_found"],
            "recall": _ratio(totals["quotes_found"], totals["quotes_gold"]),
        },
        "topics": {
            "precision": _ratio(totals["topics_right"], totals["topics_predicted"]),
            "recall": _ratio(totals["topics_right"], totals["topics_gold"]),
        },
        "articles": articles,
    }


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 3) if whole else 0.0


def formatted(scores: dict[str, Any], form: str) -> str:
    if form == "json":
        return json.dumps(scores, indent=1, default=str) + "\n"
    if form != "text":
        raise errors.bad_format(form, ["text", "json"])
    e, q, t, m = scores["events"], scores["quotes"], scores["topics"], scores["matched_fields"]
    lines = [
        f"events    precision {e['precision']:.3f}  recall {e['recall']:.3f}  f1 {e['f1']:.3f}  "
        f"({e['matched']} matched of {e['gold']} gold, {e['extracted']} extracted)",
        "matched   " + "  ".join(f"{k} {v:.3f}" for k, v in m.items()),
        f"quotes    recall {q['recall']:.3f}  ({q['found']} of {q['gold']})",
        f"topics    precision {t['precision']:.3f}  recall {t['recall']:.3f}",
        "",
    ]
    for a in scores["articles"]:
        lines.append(
            f"  {a['file']}: events {a['events']['matched']}/{a['events']['gold']} gold, "
            f"{a['events']['extracted']} extracted; quotes {a['quotes']['found']}/{a['quotes']['gold']}; "
            f"topics {','.join(a['topics']['predicted']) or '-'} (gold {','.join(a['topics']['gold']) or '-'})"
        )
    if any("misses" in a for a in scores["articles"]):
        from briefgen.evaluate.misses import formatted as misses_formatted

        lines += ["", misses_formatted(scores)]
    return "\n".join(lines) + "\n"


__all__ = [
    "dates_agree",
    "field_right",
    "load_gold",
    "match_events",
    "quote_matches",
    "run",
    "score",
]
