"""FIELD=VALUE of a correction, checked as config is: a wrong value is refused with
a message that names the fix, before anything is written.

A value is kept in the corrections file as text an analyst reads ("at least 21",
"2024-03", "IS-K") and parsed again, by the same rules, each time it is applied.
"""

from __future__ import annotations

import re
from typing import Any

from briefgen.actors import ActorIndex
from briefgen.errors import UsageError
from briefgen.models import Count, Event, PartialDate
from briefgen.places import get_gazetteer

EVENT_TYPES = ("attack", "foiled_plot", "counterterrorism_operation")
TEXT_FIELDS = ("location", "attack_type", "target", "venue")
ACTOR_FIELDS = ("perpetrator", "claimed_by")
COUNT_FIELDS = ("killed", "wounded")
FIELDS = ("type", "date", "country", *TEXT_FIELDS, *ACTOR_FIELDS, *COUNT_FIELDS)
CLEAR = ("", "none", "unknown", "not stated")

_NUMBER = r"(\d[\d,]*)"
_COUNT_FORMS = [
    (re.compile(rf"(?:at least|more than|over|no fewer than)\s+{_NUMBER}|{_NUMBER}\+"), "min"),
    (re.compile(rf"(?:up to|at most|fewer than|no more than)\s+{_NUMBER}"), "max"),
    (re.compile(rf"(?:about|around|some|roughly|approximately|nearly|~)\s*{_NUMBER}"), "approx"),
    (re.compile(rf"{_NUMBER}\s*(?:-|–|to)\s*{_NUMBER}"), "range"),
    (re.compile(_NUMBER), "exact"),
]


def split_assignment(text: str) -> tuple[str, str]:
    """`killed=at least 21` -> ("killed", "at least 21")."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise UsageError(f'{text!r}: expected FIELD=VALUE, e.g. killed="at least 21"')
    if name not in FIELDS:
        raise UsageError(f"unknown field {name!r}; fields you can correct: {', '.join(FIELDS)}")
    return name, value.strip()


def normalise(name: str, value: str, actors: ActorIndex) -> str:
    """The value as the corrections file keeps it; UsageError naming the fix."""
    return to_text(name, parse(name, value, actors))


def parse(name: str, value: str, actors: ActorIndex) -> Any:
    """The typed value of a field (None clears it)."""
    text = " ".join(str(value).split())
    if name not in FIELDS:
        raise UsageError(f"unknown field {name!r}; fields you can correct: {', '.join(FIELDS)}")
    if text.casefold() in CLEAR and name != "type":
        return None
    if name == "type":
        if text not in EVENT_TYPES:
            raise UsageError(f"type={text!r}: expected one of {', '.join(EVENT_TYPES)}")
        return text
    if name == "date":
        return _date(text)
    if name in COUNT_FIELDS:
        return _count(name, text)
    if name in ACTOR_FIELDS:
        return actors.require(text)  # names the closest actors, else the known ones
    if name == "country":
        place = get_gazetteer().resolve(text)
        if place is None or place.kind != "country":
            raise UsageError(f"country={text!r}: not a country briefgen knows; check its spelling")
        return place.name
    return text


def to_text(name: str, value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, Count):
        return value.describe().replace(",", "")
    if isinstance(value, PartialDate):
        return value.iso()
    return str(value)


def current(event: Event, name: str) -> str:
    """An event's value of a field, as the corrections file writes values."""
    return to_text(name, getattr(event, name))


def event_from(fields: dict[str, str], actors: ActorIndex) -> Event:
    """A new event from FIELD=VALUE texts; it needs a type."""
    if "type" not in fields:
        raise UsageError(f"an added event needs type=...; one of {', '.join(EVENT_TYPES)}")
    return Event(**{k: parse(k, v, actors) for k, v in fields.items()})


def _date(text: str) -> PartialDate:
    fix = "give YYYY, YYYY-MM or YYYY-MM-DD, e.g. date=2024-03-22"
    if not re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", text):
        raise UsageError(f"date={text!r}: not a date; {fix}")
    try:
        date = PartialDate.parse(text)
    except ValueError:
        raise UsageError(f"date={text!r}: impossible date; {fix}") from None
    assert date is not None
    return date


def _count(name: str, text: str) -> Count:
    folded = text.casefold()
    for pattern, form in _COUNT_FORMS:
        match = pattern.fullmatch(folded)
        if match:
            numbers = [int(g.replace(",", "")) for g in match.groups() if g]
            if form == "min":
                return Count(numbers[0], None)
            if form == "max":
                return Count(None, numbers[0])
            if form == "approx":
                return Count(numbers[0], numbers[0], True)
            if form == "range" and numbers[0] <= numbers[1]:
                return Count(numbers[0], numbers[1])
            if form == "exact":
                return Count(numbers[0], numbers[0])
    raise UsageError(
        f"{name}={text!r}: expected a number with an optional hedge, e.g. {name}=21, "
        f'{name}="at least 21", {name}="about 170" or {name}=12-15'
    )
