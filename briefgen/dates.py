"""Dates in text: month and weekday names, and the one way to read a date phrase.

`resolve_date` reads a phrase of an article against its publication date;
`parse_given_date` reads the date a file or feed states for itself. Both use the
same rules and the same dateparser fallback.

Resolve a date phrase ("on March 21", "last month") to a PartialDate.

`resolve_date(phrase, published)` takes the text of a DATE entity (or a little
more, "on March 21") and the article's publication date, and returns a date as
precise as the text allows, or None.

Rules:

* Never invent: a phrase without a year needs the publication date; without
  one, "March 21", "in March" and every relative phrase give None.
* A year-less day or month is the latest one not after publication.
* Never after publication (or after today when there is none): future -> None.
* Windows: a relative phrase stands for a span of days. "yesterday" and
  "N days ago" are one day; "this week" is Monday..publication; "last week" is
  the previous Monday..Sunday; "N weeks ago" is the Monday..Sunday week holding
  publication - 7N days; "the weekend" is the latest Saturday..Sunday; "N years
  ago" is that anniversary +/- 60 days. The result is the finest precision
  (day, month, year) holding the whole span: a week that straddles two months
  is given as its year, one that straddles a new year as None.
* A span between two dates ("between 2019 and 2021") gives None.
* Hedged or vague spans give None: "recently", "in recent months", "a few days
  ago", "almost three years ago", "N months ago", "the 1990s".
* `dateparser` is the fallback for forms the rules do not know, and only when
  the phrase names a month or a year; its period (day/month/year) gives the
  precision.

Results are cached; the rule path costs some tens of microseconds a call.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from briefgen.models import PartialDate

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
# Number words up to nineteen; extraction's counts read them too.
UNIT_WORDS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
# "three weeks ago", "a year ago": a relative phrase counts to twelve at most.
NUMBER_WORDS = {"a": 1, "an": 1, **{w: n for w, n in UNIT_WORDS.items() if 1 <= n <= 12}}
_M = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Leading words that only place the date more loosely ("at the end of July
# 2022" -> July 2022); "last week of" is a qualifier, "last week" is not.
_QUALIFIER = re.compile(
    r"^(?:on|in|during|since|from|at|by|of|as\s+of|the|"
    r"(?:first|second|third|fourth|last)\s+(?:week|half|days?|weekend)\s+of|"
    r"early|late|earlier|mid|middle|end|beginning|start|first|second|half|"
    r"spring|summer|autumn|fall|winter|night|morning|evening|afternoon|"
    r"dawn|daybreak|midnight|noon)\b[\s,-]*|^mid-"
)
# Trailing times and zones: "at 10:30 a.m. local time", "17:27 IST".
_TIME = re.compile(
    r"[\s,]*(?:at\s+)?(?:around\s+|about\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*(?:local\s+time|[a-z]{2,4}))?$"
)
_PART_OF_DAY = re.compile(r"\s+(?:night|morning|evening|afternoon|noon)$")
# Vague, hedged or future: no honest date.
_VAGUE = re.compile(
    r"\b(?:almost|nearly|roughly|some|approximately|few|several|many|recent|recently|"
    r"(?<!this\s)past|previous|previously|coming|next|tomorrow|later|upcoming|"
    r"\d+0s|decades?|centur(?:y|ies))\b"
)
# "around March 21": the day is loose, the month holds; relative -> None.
_ABOUT = re.compile(r"^(?:around|about|circa|c\.|roughly|approximately)\s+")

_ISO = re.compile(rf"^{_Y}-(?P<mnum>[01]?\d)(?:-(?P<day>[0-3]?\d))?(?:t[\d:.+z-]*)?$")
_NUMERIC = re.compile(r"^(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<year>(?:19|20)\d\d)$")
_ABSOLUTE = [
    re.compile(
        rf"^{_M}\s+{_D}(?:\s*-\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?(?:,?\s+{_Y})?$"
    ),  # March 21(-22)(, 2024)
    re.compile(
        rf"^{_D}(?:\s*-\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?$"
    ),  # 21(-22) March (2024)
    re.compile(rf"^{_M}(?:,?\s+(?:of\s+)?{_Y})?$"),  # March (2024)
    re.compile(rf"^{_Y}$"),  # 2024
]
_REL_YEAR_SUFFIX = re.compile(r"(?:,?\s+(?:of\s+)?(?P<rel>this|last)\s+year)$")
_AGO = re.compile(r"^(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week|month|year)s?\s+ago$")


def _window(first: dt.date, last: dt.date) -> PartialDate | None:
    """The finest PartialDate holding every day of [first, last]."""
    if first == last:
        return PartialDate.from_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    if first.year == last.year:
        return PartialDate(first.year)
    return None


def _latest_day(month: int, day: int, pub: dt.date) -> PartialDate | None:
    """The latest month/day not after publication (Feb 29 looks back years)."""
    for year in range(pub.year, pub.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= pub:
            return PartialDate.from_date(candidate)
    return None


def _relative(text: str, pub: dt.date) -> PartialDate | None | bool:
    """Rules for phrases relative to publication; False when none applies."""
    day = dt.timedelta(days=1)
    if text in (
        "today",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "earlier today",
    ):
        return PartialDate.from_date(pub)
    if text in (
        "yesterday",
        "last night",
        "yesterday morning",
        "yesterday afternoon",
        "yesterday evening",
    ):
        return PartialDate.from_date(pub - day)
    if text in ("the day before yesterday", "day before yesterday"):
        return PartialDate.from_date(pub - 2 * day)
    if text in ("this week", "earlier this week"):
        return _window(pub - pub.weekday() * day, pub)
    if text == "last week":
        monday = pub - (pub.weekday() + 7) * day
        return _window(monday, monday + 6 * day)
    if text in ("this weekend", "the weekend", "last weekend", "over the weekend", "weekend"):
        if text == "this weekend" and pub.weekday() < 5:
            return None  # a weekend still to come
        sunday = pub - ((pub.weekday() + 1) % 7) * day
        if text == "last weekend" and pub.weekday() >= 5:
            sunday -= 7 * day  # on a weekend, "last weekend" is the one before
        saturday = sunday - day
        return _window(saturday, min(sunday, pub))
    if text in ("this month", "earlier this month"):
        return PartialDate(pub.year, pub.month)
    if text == "last month":
        first = pub.replace(day=1) - day
        return PartialDate(first.year, first.month)
    if text in ("this year", "earlier this year"):
        return PartialDate(pub.year)
    if text == "last year":
        return PartialDate(pub.year - 1)
    m = re.fullmatch(r"last\s+(?P<month>[a-z]+)\.?", text)
    if m and m.group("month") in MONTHS:
        # "last March": the latest March before the month of the report.
        month = MONTHS[m.group("month")]
        return PartialDate(pub.year if month < pub.month else pub.year - 1, month)
    m = re.fullmatch(rf"(?:(?P<last>last|this\s+past|this)\s+)?(?P<wd>{_WD})", text)
    if m:
        delta = (pub.weekday() - WEEKDAYS[m.group("wd").rstrip(".")]) % 7
        if m.group("last") and m.group("last") != "this" and delta == 0:
            delta = 7  # "last Thursday" said on a Thursday is a week back
        return PartialDate.from_date(pub - delta * day)
    m = _AGO.fullmatch(text)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS.get(m.group("n"))
        if n is None:
            return None
        unit = m.group("unit")
        if unit == "day":
            return PartialDate.from_date(pub - n * day)
        if unit == "week":
            monday = pub - (7 * n + pub.weekday()) * day
            return _window(monday, monday + 6 * day)
        if unit == "year":
            try:
                anniversary = pub.replace(year=pub.year - n)
            except ValueError:  # Feb 29
                anniversary = pub.replace(year=pub.year - n, day=28)
            return _window(anniversary - 60 * day, anniversary + 60 * day)
        return None  # "N months ago": +/- weeks, no honest month
    return False


@lru_cache(maxsize=64)
def _parser(pub: dt.date | None) -> Any:
    """A dateparser parser per publication date (building one is slow)."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


def _fallback(text: str, pub: dt.date | None) -> PartialDate | None:
    """dateparser, for forms the rules miss; only with a month or a year."""
    has_year = re.search(r"\b(?:19|20)\d\d\b", text) is not None
    has_month = any(re.search(rf"\b{m}\b", text) for m in MONTHS if len(m) > 3 or m == "may")
    if not (has_year or (has_month and pub is not None)):
        return None
    try:
        data = _parser(pub).get_date_data(text)
    except Exception:  # dateparser raises on odd input; a miss is a None
        return None
    if data is None or data.date_obj is None:
        return None
    value, period = data.date_obj.date(), data.period
    if pub is None and str(value.year) not in text:
        return None  # the year came from today's date: invented
    if period == "day":
        return PartialDate.from_date(value)
    if period == "month":
        return PartialDate(value.year, value.month)
    if period == "year":
        return PartialDate(value.year)
    return None


def _normalise(phrase: str) -> str:
    text = " ".join(phrase.lower().replace("\u2013", "-").replace("\u2014", "-").split())
    text = text.strip(" .,;:()[]\"'")
    text = re.sub(r"['’]s$", "", text)  # "March 14's attack": the day's possessive
    text = re.sub(r"\blast night\b", "yesterday", text)  # the night before publication
    previous = None
    while previous != text:
        previous = text
        text = _QUALIFIER.sub("", text).strip(" ,")
        text = _TIME.sub("", text).strip(" ,")
        text = _PART_OF_DAY.sub("", text).strip(" ,")
        # a weekday before a date: "thursday, march 21"
        text = re.sub(rf"^{_WD},?\s+(?=\d|{_M})", "", text)
    return text


@lru_cache(maxsize=8192)
def _resolve(phrase: str, pub: dt.date | None) -> PartialDate | None:
    text = _normalise(phrase)
    m = _ABOUT.match(text)
    if m:  # "around March 21" -> March; "about a week ago" -> None
        rest = text[m.end() :]
        if pub is not None and _relative(rest, pub) is not False:
            return None
        found = _resolve(rest, pub)
        if found is not None and found.day is not None:
            return PartialDate(found.year, found.month)
        return found
    if not text or len(text) > 60:
        return None
    if _VAGUE.search(text):
        return None  # vague, hedged or future
    if text.startswith("between "):
        return None  # "between 2019 and 2021": a span, not one date
    if pub is not None:
        relative = _relative(text, pub)
        if relative is not False:
            return relative if isinstance(relative, PartialDate) else None
    relative_year = None
    m = _REL_YEAR_SUFFIX.search(text)
    if m:  # "march last year"
        if pub is None:
            return None
        relative_year = pub.year - (m.group("rel") == "last")
        text = text[: m.start()].strip()
    m = _ISO.fullmatch(text)
    if m:
        return PartialDate(
            int(m.group("year")),
            int(m.group("mnum")),
            int(m.group("day")) if m.group("day") else None,
        )
    m = _NUMERIC.fullmatch(text)
    if m:
        a, b = int(m.group("a")), int(m.group("b"))
        if a <= 12 and b <= 12 and a != b:
            return None  # 03/04/2024: day-month order unknown
        first, second = (a, b) if a > 12 else (b, a)
        return PartialDate(int(m.group("year")), second, first)
    for pattern in _ABSOLUTE:
        m = pattern.fullmatch(text)
        if not m:
            continue
        groups = m.groupdict()
        year: int | None = int(groups["year"]) if groups.get("year") else relative_year
        month: int | None = MONTHS[groups["mon"]] if groups.get("mon") else None
        day: int | None = int(groups["day"]) if groups.get("day") else None
        if groups.get("day2"):
            day = None  # "March 20-21": a span inside the month
        if year is not None:
            return PartialDate(year, month, day)
        if pub is None:
            return None  # no year, nothing to resolve against
        assert month is not None  # every pattern without a year names a month
        if day is not None:
            return _latest_day(month, day, pub)
        return PartialDate(pub.year if month <= pub.month else pub.year - 1, month)
    if re.search(r"\b(?:this|last|ago|week|weekend|month|year|days?|yesterday|today)\b", text):
        return None  # a relative phrase the rules do not take
    return _fallback(text, pub)


def resolve_date(phrase: str, published: dt.date | None) -> PartialDate | None:
    """A date phrase as precise as the text allows, or None (see module doc)."""
    if not isinstance(phrase, str) or not phrase.strip():
        return None
    if isinstance(published, dt.datetime):
        published = published.date()
    try:
        result = _resolve(phrase, published)
    except ValueError:  # an impossible date such as "February 30, 2024"
        return None
    bound = published or dt.date.today()
    if result is None or result.first_day() > bound:
        return None  # never after publication
    return result


def parse_given_date(value: object) -> dt.date | None:
    """A publication date as front matter, meta tags or JSON give it: a date, a
    datetime or text with day, month and year; None for anything less."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = _fallback(text.lower(), None)
    return found.first_day() if found is not None and found.precision == "day" else None
