"""The candidate lookup of merging: never leaves out an event whose date agrees."""

from __future__ import annotations

import itertools

from briefgen.analysis.candidates import CandidateIndex
from briefgen.models import Event, PartialDate, dates_agree

DATES = [
    None,
    PartialDate(2023),
    PartialDate(2024),
    PartialDate(2024, 2),
    PartialDate(2024, 3),
    PartialDate(2024, 2, 29),
    PartialDate(2024, 3, 1),
    PartialDate(2024, 3, 2),
    PartialDate(2024, 3, 31),
    PartialDate(2024, 4, 1),
    PartialDate(2023, 12, 31),
    PartialDate(2024, 1, 1),
]


def test_every_event_whose_date_agrees_is_a_candidate() -> None:
    index = CandidateIndex(slack_days=1)
    for number, date in enumerate(DATES):
        index.file(number, Event("attack", date=date, country="Pakistan"))
    for date in DATES:
        found = set(index.candidates(Event("attack", date=date, country="Pakistan")))
        agreeing = {n for n, other in enumerate(DATES) if dates_agree(other, date, 1)}
        assert agreeing <= found, date


def test_a_day_looks_past_the_end_of_its_month_but_not_further() -> None:
    index = CandidateIndex(slack_days=1)
    index.file(0, Event("attack", date=PartialDate(2024, 3, 31), country="Iraq"))
    index.file(1, Event("attack", date=PartialDate(2024, 1, 10), country="Iraq"))
    assert index.candidates(Event("attack", date=PartialDate(2024, 4, 1), country="Iraq")) == [0]


def test_other_types_and_countries_are_left_out_unless_the_report_names_none() -> None:
    index = CandidateIndex(slack_days=1)
    day = PartialDate(2024, 5, 6)
    index.file(0, Event("attack", date=day, country="Iraq"))
    index.file(1, Event("attack", date=day, country="Syria"))
    index.file(2, Event("foiled_plot", date=day, country="Iraq"))
    index.file(3, Event("attack", date=day, country=None))
    assert index.candidates(Event("attack", date=day, country="Iraq")) == [0, 3]
    assert index.candidates(Event("attack", date=day, country=None)) == [0, 1, 3]
    sited = Event("attack", date=day, country="Iraq", venue="the old bridge")
    assert index.candidates(sited) == [0, 1, 3]


def test_an_event_filed_again_after_its_date_changed_is_found_by_the_new_date() -> None:
    index = CandidateIndex(slack_days=1)
    index.file(0, Event("attack", date=None, country="Mali"))
    index.file(0, Event("attack", date=PartialDate(2024, 7, 9), country="Mali"))
    for date in (PartialDate(2024, 7, 10), PartialDate(2024, 7), PartialDate(2024)):
        assert index.candidates(Event("attack", date=date, country="Mali")) == [0]


def test_filing_order_is_kept() -> None:
    index = CandidateIndex(slack_days=1)
    days = [PartialDate(2024, 6, d) for d in (3, 2, 4)]
    for number, day in zip(itertools.count(), days, strict=False):
        index.file(number, Event("attack", date=day, country="Niger"))
    assert index.candidates(Event("attack", date=PartialDate(2024, 6, 3), country="Niger")) == [
        0,
        1,
        2,
    ]
