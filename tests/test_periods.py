"""The one rule for what belongs in a period, and the cut-off a brief reads to."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen import errors
from briefgen.models import PartialDate
from briefgen.periods import LATEST, Period, cut_off, parse_as_of, week_period

WEEK = week_period("2024-W12")  # Mon 18 – Sun 24 March 2024
DAY = dt.date


def test_a_day_counts_only_inside_the_period():
    assert WEEK.holds_event(PartialDate(2024, 3, 20), DAY(2024, 3, 20))
    assert not WEEK.holds_event(PartialDate(2024, 3, 15), DAY(2024, 3, 20))


def test_a_year_never_counts_in_a_week_even_when_first_reported_in_it():
    assert not WEEK.holds_event(PartialDate(2024), DAY(2024, 3, 20))


def test_a_month_counts_when_the_reporting_says_it_is_new():
    # First reported in the period: no report before it, and none gave a day.
    assert WEEK.holds_event(PartialDate(2024, 3), DAY(2024, 3, 19))
    # Reported before the period: old news, whatever this week's articles say.
    assert not WEEK.holds_event(PartialDate(2024, 3), DAY(2024, 3, 5))
    # Another month: never this week's.
    assert not WEEK.holds_event(PartialDate(2024, 2), DAY(2024, 3, 19))


def test_a_coarse_date_wholly_inside_a_longer_period_counts():
    month = Period(DAY(2024, 3, 1), DAY(2024, 3, 31), "March 2024", "dates given")
    assert month.holds_event(PartialDate(2024, 3), DAY(2024, 2, 20))
    assert not month.holds_event(PartialDate(2024), DAY(2024, 3, 2))


def test_an_undated_event_counts_on_the_day_first_reported():
    assert WEEK.holds_event(None, DAY(2024, 3, 24))
    assert not WEEK.holds_event(None, DAY(2024, 3, 25))
    assert not WEEK.holds_event(None, None)


def test_the_cut_off_is_the_period_end_unless_as_of_moves_it():
    assert cut_off(WEEK, None) == DAY(2024, 3, 24)
    assert cut_off(WEEK, DAY(2024, 3, 30)) == DAY(2024, 3, 30)
    assert cut_off(WEEK, LATEST) is None  # every article
    assert cut_off(None, None) is None  # a brief with no period reads everything


def test_as_of_accepts_a_day_or_latest_and_names_the_fix_otherwise():
    assert parse_as_of("2024-03-30") == DAY(2024, 3, 30)
    assert parse_as_of("latest") == LATEST
    assert parse_as_of(None) is None
    with pytest.raises(errors.UsageError, match="latest"):
        parse_as_of("last week")
