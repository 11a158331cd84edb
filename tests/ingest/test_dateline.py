"""Tests for briefgen.ingest.dateline.find_published on texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.ingest.dateline import find_published

NOW = dt.datetime(2025, 3, 10, 12, 0)


@pytest.mark.parametrize(
    "text, expected, note_word",
    [
        (
            " date 2024-03-22 On March 21, a bomb went off near the market.",
            "2024-03-22",
            "date field",
        ),
        ("date: 2024-03-22\nA bomb went off.", "2024-03-22", "date"),
        (
            "Market blast kills five\nUpdated January 3rd, 2023 at 17:27 IST\nBody text.",
            "2023-01-03",
            "keyword",
        ),
        ("Title: Blast in the city\nPublished: 12 March 2024\nBody text.", "2024-03-12", "keyword"),
        ("Posted on March 5, 2024 by Staff\nBody.", "2024-03-05", "keyword"),
        ("Last updated: 2 Feb 2024 09:15 GMT\nBody.", "2024-02-02", "keyword"),
        ("KABUL, March 21, 2024 - A suicide bomber struck a crowd.", "2024-03-21", "city"),
        ("KABUL, 21 March 2024 — Gunmen attacked a checkpoint.", "2024-03-21", "city"),
        ("Kabul (Reuters), 21 March 2024 — Gunmen attacked.", "2024-03-21", "city"),
        ("NEW DELHI, Jan. 4, 2023: Police said...", "2023-01-04", "city"),
        (
            "Today: 10 March 2025\nHeadline about an attack\n29 April 2023\nBody text.",
            "2023-04-29",
            "date line",
        ),
        ("Headline\nBy Jane Doe | 29 April 2023\nBody", "2023-04-29", "date line"),
        ("Monday, 21 March 2022 10:45 GMT\nBody", "2022-03-21", "date line"),
        ("Headline\n2023-11-30\nBody", "2023-11-30", "date line"),
        ("Headline\n30/11/2023\nBody", "2023-11-30", "date line"),
        (
            "Current date: 9 March 2025\nHeadline\nPublished 1 March 2025\nBody",
            "2025-03-01",
            "keyword",
        ),
        ("Published: 10 March 2025\nBody", "2025-03-10", "keyword"),  # same day as now
    ],
)
def test_found(text: str, expected: str, note_word: str) -> None:
    found, note = find_published(text, NOW)
    assert found == dt.date.fromisoformat(expected)
    assert note_word in note


@pytest.mark.parametrize(
    "text",
    [
        "Today: 10 March 2025\nHeadline here\nBody without any date.",
        "Last updated on site: 9 March 2025\nHeadline\nBody.",
        "Current date: 9 March 2025\nHeadline\nBody.",
        "Title: Attack on 21 March 2024\nThe police said an attack on 21 March 2024 killed five people in the town centre.",
        "Attack on 21 March 2024 kills five in the old market square",
        "Headline\nThe bombing, which took place on 21 March 2024 near the main mosque, was claimed by no group.",
        "a\nb\nc\nd\ne\nf\ng\nh\n29 April 2023",  # below the first eight lines
        "Posted on 03/04/2024\nBody",  # day/month order unknown
        "KABUL, March 21 - no year here",
        "Published: 31 February 2024\nBody",
        "",
        "\n\n\n",
    ],
)
def test_not_found(text: str) -> None:
    found, note = find_published(text, NOW)
    assert found is None
    assert note


def test_future_rejected() -> None:
    found, note = find_published("Published: 12 March 2026\nBody", NOW)
    assert found is None
    assert "after" in note and "rejected" in note


def test_future_skipped_for_later_line() -> None:
    found, note = find_published("Published: 12 March 2026\nUpdated 2 March 2025\nBody", NOW)
    assert found == dt.date(2025, 3, 2)


def test_no_dateline_note() -> None:
    assert find_published("Just a headline\nAnd a body.", NOW) == (
        None,
        "no dateline found in the first lines",
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1)))
def test_never_raises(text: str, now: dt.datetime) -> None:
    found, note = find_published(text, now)
    assert isinstance(note, str) and note
    assert found is None or found <= now.date()


_LINES = st.sampled_from(
    [
        "Today: 10 March 2025",
        "date 2024-03-22 body",
        "KABUL, March 21, 2024 - text",
        "Title: x",
        "Published: 12 March 2024",
        "29 April 2023",
        "Some body text.",
        "",
        "Updated January 3rd, 2023",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=12).map("\n".join))
def test_line_soup(text: str) -> None:
    found, note = find_published(text, NOW)
    assert found is None or found <= NOW.date()
