"""What `briefgen eval --misses` shows: per article, where extraction and the gold differ.

Each missed gold event is set beside the nearest extracted event, each extra
extracted event beside the nearest gold event, each matched event with a wrong
scored field beside its gold, and each missed quote is listed; every side
carries its evidence sentence, so a reader sees which construction failed.
"""

from __future__ import annotations

from typing import Any

from briefgen.evaluate.rules import (
    FIELDS,
    dates_agree,
    field_right,
    place_agrees,
    quote_matches,
    simplify,
)

SHOWN = (
    "type",
    "date",
    "location",
    "country",
    "perpetrator",
    "claimed_by",
    "attack_type",
    "killed",
)


def article_misses(
    entry: dict[str, Any], facts: list[dict[str, Any]], pairs: list[tuple[dict, dict]]
) -> dict[str, Any]:
    """The differences for one gold article; `pairs` are its matched (gold, extracted) events."""
    events = [f for f in facts if f["kind"] == "event"]
    found = [dict(f["event"], evidence=f.get("evidence")) for f in events]
    gold = [_gold_event(g) for g in entry.get("events") or []]
    matched_gold = {id(g) for g, _ in pairs}
    matched_found = {id(e) for _, e in pairs}
    by_id = {id(f["event"]): i for i, f in enumerate(events)}
    gold_raw = entry.get("events") or []
    missed = [
        {
            "gold": g,
            "nearest": _nearest(
                g,
                [found[i] for i, f in enumerate(events) if id(f["event"]) not in matched_found]
                or found,
            ),
        }
        for raw, g in zip(gold_raw, gold, strict=False)
        if id(raw) not in matched_gold
    ]
    extra = [
        {"extracted": found[i], "nearest": _nearest(found[i], gold)}
        for i, f in enumerate(events)
        if id(f["event"]) not in matched_found
    ]
    wrong = []
    for g_raw, e in pairs:
        bad = [field for field in FIELDS if not field_right(field, g_raw, e)]
        if bad:
            wrong.append(
                {"fields": bad, "gold": _gold_event(g_raw), "extracted": found[by_id[id(e)]]}
            )
    quotes = [f["quote"] for f in facts if f["kind"] == "quote"]
    missed_quotes = [
        q for q in entry.get("quotes") or [] if not any(quote_matches(q, x) for x in quotes)
    ]
    return {"missed": missed, "extra": extra, "wrong_fields": wrong, "missed_quotes": missed_quotes}


def _gold_event(g: dict[str, Any]) -> dict[str, Any]:
    return dict(
        g, type=g.get("kind") or g.get("type"), date=str(g["date"]) if g.get("date") else None
    )


def _nearest(event: dict[str, Any], others: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The counterpart that agrees on most: kind, place, date, then the scored fields."""
    if not others:
        return None

    def closeness(other: dict[str, Any]) -> tuple[int, ...]:
        return (
            event.get("type") == other.get("type"),
            place_agrees(event, other) and place_agrees(other, event),
            bool(
                event.get("date")
                and other.get("date")
                and dates_agree(event.get("date"), other.get("date"))
            ),
            simplify(event.get("location")) == simplify(other.get("location")),
            sum(field_right(f, event, other) for f in FIELDS),
        )

    return max(others, key=closeness)


def formatted(scores: dict[str, Any]) -> str:
    lines: list[str] = []
    for article in scores["articles"]:
        diff = article.get("misses")
        if not diff or not any(diff.values()):
            continue
        lines.append(f"== {article['file']}")
        for item in diff["missed"]:
            lines += ["  MISSED  " + _line(item["gold"]), "    near  " + _line(item["nearest"])]
        for item in diff["extra"]:
            lines += [
                "  EXTRA   " + _line(item["extracted"]),
                "    near  " + _line(item["nearest"]),
            ]
        for item in diff["wrong_fields"]:
            lines += [
                f"  WRONG {','.join(item['fields'])}",
                "    gold  " + _line(item["gold"]),
                "    got   " + _line(item["extracted"]),
            ]
        for quote in diff["missed_quotes"]:
            lines.append(f"  QUOTE   {quote.get('speaker')}: \u201c{quote.get('snippet')}\u201d")
    return "\n".join(lines) + "\n" if lines else ""


def _line(event: dict[str, Any] | None) -> str:
    if event is None:
        return "(none)"
    parts = []
    for name in SHOWN:
        value = event.get(name)
        if name == "killed":
            value = (value or {}).get("min")
        parts.append(f"{name}={value}" if name != "type" else str(value))
    evidence = " ".join(str(event.get("evidence") or "").split())
    return " ".join(parts) + f"\n          | {evidence[:220]}"
