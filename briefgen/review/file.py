"""The corrections file: YAML a team reviews as a diff, written atomically.

Each entry has the `id` of an event or quote, the `field` it changes (an event
field, or one of the actions below), the extractor's value (`from`), the new
value (`to`), who made it (`by`) and when (`at`, UTC). Actions: `reject` (to: the
reason), `note` (to: the note), `merge` (to: the other event's id), `split` (to:
the article taken out), `add` (to: the new event's fields; with `article` and
`evidence`).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import UsageError

ACTIONS = ("reject", "note", "merge", "split", "add")
HEADER = """\
# Analyst corrections, applied by briefgen every time events are read (briefs,
# `briefgen events`, `briefgen facts`), so they survive re-extraction.
# Written by `briefgen correct`; `briefgen corrections check` lists entries whose
# id no longer matches anything. Each entry: id, field, from (the extractor's
# value), to (the analyst's), by, at (UTC).
"""


@dataclass
class Correction:
    id: str
    field: str
    to: Any
    by: str
    at: str
    from_: Any = None
    article: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "field": self.field}
        if self.field not in ("reject", "note", "merge", "split", "add"):
            data["from"] = self.from_
        if self.article is not None:
            data["article"] = self.article
        if self.evidence is not None:
            data["evidence"] = self.evidence
        data.update({"to": self.to, "by": self.by, "at": self.at})
        return data


def read(path: Path) -> list[Correction]:
    """Every correction in the file; none when there is no file."""
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise UsageError(
            f"{path}{line}: invalid YAML ({getattr(exc, 'problem', exc)}); fix the file or "
            "restore it from version control"
        ) from None
    entries = data.get("corrections") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f"{path}: expected a list under 'corrections:'")
    found = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("field"):
            raise UsageError(f"{path}: entry {number} needs an id and a field")
        found.append(
            Correction(
                id=str(entry["id"]),
                field=str(entry["field"]),
                to=entry.get("to"),
                by=str(entry.get("by") or ""),
                at=str(entry.get("at") or ""),
                from_=entry.get("from"),
                article=entry.get("article"),
                evidence=entry.get("evidence"),
            )
        )
    return found


def write(path: Path, corrections: list[Correction]) -> None:
    """Replace the file in one step: a crash leaves the old file or the new, never half."""
    body = yaml.safe_dump(
        {"corrections": [c.to_dict() for c in corrections]},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".corrections-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(HEADER + body)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def append(path: Path, new: list[Correction]) -> None:
    write(path, read(path) + new)
