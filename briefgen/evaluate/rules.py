"""The scoring rules of the gold schema: when an extracted event or quote matches a
gold one, and when a matched event's field is right (see ../shared/eval/README.md)."""

from __future__ import annotations

import re
from typing import Any

from briefgen.models import PartialDate
from briefgen.models import dates_agree as partial_dates_agree
from briefgen.places import get_gazetteer

FIELDS = ("perpetrator", "claimed_by", "date", "killed.min")


def simplify(text: Any) -> str:
    """Lower case, punctuation and spacing folded away: how names are compared."""
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower().replace("’", "'")).strip()


def place_agrees(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    if not gold.get("location") and not gold.get("country"):
        return True
    if gold.get("location") and found.get("location"):
        return same_location(gold["location"], found["location"])
    return bool(gold.get("country")) and simplify(gold.get("country")) == simplify(
        found.get("country")
    )


def same_location(gold: Any, found: Any) -> bool:
    """Same name after case and alias folding: two spellings the gazetteer reads as one
    place ("Mazar-i-Sharif", "Mazar-e Sharif") agree."""
    if simplify(gold) == simplify(found):
        return True
    gazetteer = get_gazetteer()
    one, other = gazetteer.resolve(str(gold)), gazetteer.resolve(str(found))
    return one is not None and one == other


def dates_agree(gold: Any, found: Any) -> bool:
    """Gold and extracted dates as ISO text, by the base rule (one day of slack)."""
    return partial_dates_agree(_date(gold), _date(found), slack=1)


def _date(value: Any) -> PartialDate | None:
    if value in (None, ""):
        return None
    return PartialDate.parse(str(value))


def match_events(
    gold: list[dict[str, Any]], found: list[dict[str, Any]]
) -> list[tuple[dict, dict]]:
    """Best-first one-to-one matching of gold to extracted events."""
    candidates = []
    for i, g in enumerate(gold):
        for j, e in enumerate(found):
            if (g.get("kind") or g.get("type")) != e.get("type"):
                continue
            if place_agrees(g, e) and dates_agree(g.get("date"), e.get("date")):
                quality = sum(field_right(f, g, e) for f in FIELDS) + (
                    bool(g.get("location"))
                    and bool(e.get("location"))
                    and same_location(g["location"], e["location"])
                )
                candidates.append((-quality, i, j))
    pairs, used_gold, used_found = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            pairs.append((gold[i], found[j]))
    return pairs


def field_right(field: str, gold: dict[str, Any], found: dict[str, Any]) -> bool:
    if field == "killed.min":
        return ((gold.get("killed") or {}).get("min")) == ((found.get("killed") or {}).get("min"))
    if field == "date":
        g, e = _date(gold.get("date")), _date(found.get("date"))
        if g is None:
            return e is None
        if e is None:
            return False
        cut = g.rank
        return (g.year, g.month, g.day)[:cut] == (e.year, e.month, e.day)[:cut] and e.rank >= cut
    return gold.get(field) == found.get(field)


def quote_matches(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    g_name, f_name = simplify(gold.get("speaker")), simplify(found.get("speaker"))
    if not g_name or not f_name:
        return False
    speaker = g_name == f_name or g_name.split()[-1] == f_name.split()[-1]
    snippet = " ".join(str(gold.get("snippet", "")).split())
    text = " ".join(str(found.get("text", "")).split())
    return speaker and snippet in text
