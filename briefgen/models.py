"""The plain data that flows between stages: articles, facts, events, quotes.

Everything here is a dataclass that turns into JSON-ready dicts and back, so the
store, the extraction workers and the templates all speak the same shapes.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, get_args

# What a fact is about; `Fact.data` holds the kind's own fields.
FactKind = Literal["event", "quote", "person", "statistic", "mention"]
FACT_KINDS: tuple[str, ...] = get_args(FactKind)
PRECISIONS = ("year", "month", "day")  # coarsest first
# The rules' version, in the extraction cache key and the brief's method note.
# Bump when a rule changes what extraction returns.
EXTRACTOR_VERSION = "briefgen.facts.v1"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to year, month or day precision ("2021", "2024-03", "2024-03-21")."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Validates the calendar (raises ValueError on 2024-02-30).
        dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def rank(self) -> int:
        """1 for a year, 2 for a month, 3 for a day: the more precise, the higher."""
        return 3 if self.day is not None else 2 if self.month is not None else 1

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    __str__ = iso

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """Read the ISO forms that `iso()` writes; None for None or empty."""
        if not text:
            return None
        parts = [int(p) for p in str(text).split("-")]
        return cls(*parts)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def first_day(self) -> dt.date:
        return self._first

    @functools.cached_property
    def _first(self) -> dt.date:  # merging compares dates pairwise: build each once
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """True when any day this date may stand for lies in [start, end]."""
        return self.first_day() <= end and self.last_day() >= start


def precision_rank(date: PartialDate | None) -> int:
    """`PartialDate.rank`, and 0 for no date at all."""
    return date.rank if date else 0


def dates_agree(a: PartialDate | None, b: PartialDate | None, slack: int = 1) -> bool:
    """The one date-agreement rule: two dates agree at the coarser of their precisions
    ("March 2024" agrees with "22 March 2024"); two days agree within `slack` days.
    A missing date agrees with anything."""
    if a is None or b is None:
        return True
    if a.day is not None and b.day is not None:
        return abs((a.first_day() - b.first_day()).days) <= slack
    cut = min(a.rank, b.rank)
    return (a.year, a.month, a.day)[:cut] == (b.year, b.month, b.day)[:cut]


@dataclass(frozen=True)
class Count:
    """A stated number with its hedge: "at least 21" -> min 21, max None."""

    min: int | None
    max: int | None = None
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "approx": self.approx}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Count | None:
        if not data:
            return None
        return cls(data.get("min"), data.get("max"), bool(data.get("approx")))

    def describe(self) -> str:
        """The figure as an analyst would write it in a brief."""
        if self.min is None and self.max is None:
            return "unknown"
        if self.max is None:
            return f"at least {self.min:,}"
        if self.min is None:
            return f"up to {self.max:,}"
        if self.min == self.max:
            return f"about {self.min:,}" if self.approx else f"{self.min:,}"
        return f"{self.min:,}–{self.max:,}"


@dataclass
class Article:
    """One ingested article; `id` is the hash of its normalised text."""

    id: str
    origin: str  # source file name, or the `id` of a JSON Lines row
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    date_note: str | None = None  # how the date was found, or why it is missing
    path: str | None = None
    format: str = "text"
    ingested_at: str | None = None
    copy_of: str | None = None  # id of the original when this is a near-copy


@dataclass
class Event:
    type: str  # attack | foiled_plot | counterterrorism_operation
    date: PartialDate | None = None
    location: str | None = None
    country: str | None = None
    perpetrator: str | None = None
    claimed_by: str | None = None
    attack_type: str | None = None
    target: str | None = None
    venue: str | None = None  # a named site ("Crocus City Hall"), when the text names one
    date_text: str | None = None  # "March 22" in an undated article: a date lacking its year
    killed: Count | None = None
    wounded: Count | None = None
    historical: bool = False  # mentioned as background, not news of the article's period

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}  # all plain values
        data["date"] = self.date.iso() if self.date else None
        data["killed"] = self.killed.to_dict() if self.killed else None
        data["wounded"] = self.wounded.to_dict() if self.wounded else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        values = dict(data)
        values["date"] = PartialDate.parse(values.get("date"))
        values["killed"] = Count.from_dict(values.get("killed"))
        values["wounded"] = Count.from_dict(values.get("wounded"))
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in values.items() if k in known})


@dataclass
class Quote:
    speaker: str
    text: str
    affiliation: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Fact:
    """One thing an article states, with where it states it.

    `kind` is a FactKind. `data` holds the kind's own fields: Event.to_dict() for an
    event, Quote.to_dict() for a quote, name/role/affiliation for a person,
    value/count/unit for a statistic, actors/places for a mention.
    """

    kind: FactKind
    article_id: str
    sentence: str
    start: int  # character span of the sentence in the article text
    end: int
    data: dict[str, Any] = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    id: int | None = None  # the store's row number; changes with every extraction
    uid: str | None = None  # the stable id analysts cite (see analysis/ids.py)
    _event: Event | None = field(default=None, init=False, repr=False, compare=False)

    def event(self) -> Event:
        """The event an `event` fact states, parsed once."""
        if self._event is None:
            self._event = Event.from_dict(self.data)
        return self._event
