"""Tests for briefgen.dates.resolve_date on phrases written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.dates import resolve_date
from briefgen.models import PartialDate

PUB = dt.date(2024, 3, 22)  # a Friday


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # day precision
        ("March 21", "2024-03-21"),
        ("21 March", "2024-03-21"),
        ("on March 21", "2024-03-21"),
        ("On 21st March", "2024-03-21"),
        ("Mar. 21", "2024-03-21"),
        ("March 22", "2024-03-22"),
        ("March 25", "2023-03-25"),  # latest March 25 not after publication
        ("December 25", "2023-12-25"),
        ("Feb 29", "2024-02-29"),
        ("March 21, 2024", "2024-03-21"),
        ("2024-03-21", "2024-03-21"),
        ("January 3rd, 2023", "2023-01-03"),
        ("21st of March 2024", "2024-03-21"),
        ("Thursday, March 21", "2024-03-21"),
        ("the night of March 20", "2024-03-20"),
        ("March 21 at 10:30 a.m. local time", "2024-03-21"),
        ("21/03/2024", "2024-03-21"),
        ("yesterday", "2024-03-21"),
        ("last night", "2024-03-21"),
        ("today", "2024-03-22"),
        ("2 days ago", "2024-03-20"),
        ("three days ago", "2024-03-19"),
        ("on Thursday", "2024-03-21"),
        ("Thursday night", "2024-03-21"),
        ("Friday", "2024-03-22"),
        ("last Friday", "2024-03-15"),
        ("on Saturday", "2024-03-16"),
        ("this past Tuesday", "2024-03-19"),
        ("March 19's", "2024-03-19"),  # "March 19's raid": the day, possessive
        ("19 March’s", "2024-03-19"),
        # month precision
        ("March 2024", "2024-03"),
        ("in March", "2024-03"),
        ("April", "2023-04"),
        ("mid-March", "2024-03"),
        ("at the end of July 2022", "2022-07"),
        ("the first week of March", "2024-03"),
        ("March last year", "2023-03"),
        ("March 20-21, 2024", "2024-03"),
        ("around March 21", "2024-03"),
        ("earlier this month", "2024-03"),
        ("this month", "2024-03"),
        ("last month", "2024-02"),
        ("last week", "2024-03"),  # Mon 11 - Sun 17 March
        ("a week ago", "2024-03"),
        ("two weeks ago", "2024-03"),  # Mon 4 - Sun 10 March
        ("this week", "2024-03"),
        ("over the weekend", "2024-03"),
        # year precision
        ("2021", "2021"),
        ("in 2021", "2021"),
        ("since 2019", "2019"),
        ("early 2023", "2023"),
        ("spring 2023", "2023"),
        ("last year", "2023"),
        ("late last year", "2023"),
        ("this year", "2024"),
        ("earlier this year", "2024"),
        ("three years ago", "2021"),
        ("three weeks ago", "2024"),  # Mon 26 Feb - Sun 3 Mar straddles two months
    ],
)
def test_resolve_with_publication(phrase: str, expected: str) -> None:
    assert resolve_date(phrase, PUB) == PartialDate.parse(expected)


@pytest.mark.parametrize(
    "phrase",
    [
        "recently",
        "in recent months",
        "almost three years ago",
        "a few days ago",
        "two months ago",
        "the 1990s",
        "decades ago",
        "tomorrow",
        "next week",
        "later this month",
        "this weekend",  # PUB is a Friday: the weekend is ahead
        "about a week ago",
        "March 2025",
        "April 2024",
        "2030",
        "the coming days",
        "03/04/2024",  # day/month order unknown
        "February 30, 2024",
        "the end of the year",
        "",
        "   ",
        "the day",
        "Monday next",
        "in the past few weeks",
        "between 2019 and 2021",  # a span of years, not one date
        "between March 3 and 9",
    ],
)
def test_resolve_none_with_publication(phrase: str) -> None:
    assert resolve_date(phrase, PUB) is None


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("March 21, 2024", "2024-03-21"),
        ("2024-03-21", "2024-03-21"),
        ("March 2024", "2024-03"),
        ("in 2021", "2021"),
        ("at the end of July 2022", "2022-07"),
    ],
)
def test_resolve_without_publication(phrase: str, expected: str) -> None:
    assert resolve_date(phrase, None) == PartialDate.parse(expected)


@pytest.mark.parametrize(
    "phrase",
    [
        "March 21",
        "on March 21",
        "in March",
        "last week",
        "yesterday",
        "on Thursday",
        "this month",
        "last year",
        "March last year",
        "two weeks ago",
        "today",
        "2999",
    ],
)
def test_resolve_without_publication_never_invents(phrase: str) -> None:
    assert resolve_date(phrase, None) is None


@pytest.mark.parametrize(
    "published, phrase, expected",
    [
        (dt.date(2024, 1, 3), "last week", "2023-12"),  # Mon 25 - Sun 31 Dec
        (dt.date(2024, 1, 10), "last week", "2024-01"),  # Mon 1 - Sun 7 Jan
        (dt.date(2025, 1, 8), "last week", None),  # Mon 30 Dec 2024 - Sun 5 Jan 2025
        (dt.date(2024, 3, 4), "last week", "2024"),  # Mon 26 Feb - Sun 3 Mar
        (dt.date(2024, 1, 2), "last week", "2023-12"),  # Mon 25 - Sun 31 Dec
        (dt.date(2024, 1, 15), "last month", "2023-12"),
        (dt.date(2024, 1, 15), "in December", "2023-12"),
        (dt.date(2024, 2, 28), "February 29", "2020-02-29"),
        (dt.date(2024, 3, 24), "this weekend", "2024-03"),  # a Sunday
        (dt.date(2024, 3, 24), "on Sunday", "2024-03-24"),
        (dt.date(2024, 3, 24), "last Sunday", "2024-03-17"),
    ],
)
def test_resolve_edges(published: dt.date, phrase: str, expected: str | None) -> None:
    assert resolve_date(phrase, published) == PartialDate.parse(expected)


def test_accepts_datetime_publication() -> None:
    assert resolve_date("yesterday", dt.datetime(2024, 3, 22, 17, 0)) == PartialDate(2024, 3, 21)


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=80), st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
)
def test_resolve_never_raises(phrase: str, published: dt.date | None) -> None:
    result = resolve_date(phrase, published)
    assert result is None or isinstance(result, PartialDate)
    if result is not None and published is not None:
        assert result.first_day() <= published


_PARTS = st.sampled_from(
    [
        "on",
        "in",
        "March",
        "21",
        "21st",
        "2024",
        "last",
        "week",
        "ago",
        "two",
        "Thursday",
        "the",
        "end",
        "of",
        "this",
        "month",
        "year",
        ",",
        "-",
        "at",
        "10:30",
        "yesterday",
        "mid-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_PARTS, max_size=8).map(" ".join), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
)
def test_resolve_word_soup(phrase: str, published: dt.date) -> None:
    result = resolve_date(phrase, published)
    assert result is None or result.first_day() <= published
