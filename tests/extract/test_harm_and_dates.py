"""Harm told by its instrument, and dates that belong to the report, not the event."""

import datetime as dt

import pytest

from briefgen.dates import resolve_date


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-06-12": facts_of("event", text, published)


def test_instrument_as_subject_of_a_harm_verb(events):
    [event] = events("A car bomb in Ghazni killed 12 people on Monday.")
    assert (event["type"], event["location"], event["date"]) == ("attack", "Ghazni", "2024-06-10")
    assert event["killed"]["min"] == 12


def test_attacker_as_agent_of_a_passive_toll(events):
    [event] = events("At least 30 people were killed in Herat on Friday by a suicide bomber.")
    assert (event["location"], event["date"], event["attack_type"]) == (
        "Herat",
        "2024-06-07",
        "suicide bombing",
    )


def test_the_day_officials_spoke_is_not_the_day_of_the_attack(events):
    [event] = events(
        "Gunmen attacked a bus near Jalalabad, killing four passengers, officials said on Tuesday."
    )
    assert event["date"] is None


def test_a_since_date_is_a_reference_point(events):
    [event] = events(
        "A bombing in Kandahar killed 20 people, the deadliest attack there since 2019."
    )
    assert event["date"] is None


def test_an_operation_known_from_its_announcement_takes_that_month(events):
    [event] = events(
        "Pakistan announced on Monday that its forces had arrested an ISKP commander in Peshawar."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["date"] == "2024-06"


def test_last_month_name_is_the_latest_such_month_before_the_report():
    assert str(resolve_date("last March", dt.date(2023, 2, 1))) == "2022-03"
    assert str(resolve_date("last March", dt.date(2023, 5, 1))) == "2023-03"


def test_plural_attacks_listed_in_several_cities_are_one_attack_each(events):
    facts = events(
        "In 2019, militants from the region took part in deadly attacks in Stockholm, Istanbul and Brussels."
    )
    assert sorted(e["location"] for e in facts) == ["Brussels", "Istanbul", "Stockholm"]
    assert {e["date"] for e in facts} == {"2019"}


def test_plural_attacks_told_with_their_toll_are_one_incident(events):
    facts = events("The March 3, 2004, attacks that killed nearly 200 people shook Madrid.")
    assert [e["killed"]["min"] for e in facts] == [200]


def test_plural_attacks_without_toll_or_places_are_talk(events):
    assert events("Its attacks have grown bolder over the years.") == []


def test_undated_page_resolves_a_weekday_to_the_full_date_it_states(facts_of):
    text = (
        "Police stand at a market in Kunduz on March 8, 2024.\n\n"
        "A bomb killed 12 shoppers at the market in Kunduz on Friday, officials said."
    )
    [event] = facts_of("event", text, None)
    assert event["date"] == "2024-03-08"  # a Friday
    text = text.replace("on Friday", "on Tuesday")
    [event] = facts_of("event", text, None)
    assert event["date"] is None  # no stated day is a Tuesday


def test_listed_victims_are_the_toll_and_a_single_one_is_not(facts_of):
    [event] = facts_of(
        "event",
        "The district chief and his bodyguard were killed in a car bombing in Kunduz on Monday.",
    )
    assert event["killed"] == {"min": 2, "max": None, "approx": False}
    [event] = facts_of(
        "event", "The district chief was killed in a car bombing in Kunduz on Monday."
    )
    assert event["killed"] is None


def test_place_and_date_of_the_harm_verb_are_its_subject_events(facts_of):
    [event] = facts_of(
        "event",
        "On April 9, two blasts killed at least four people and injured 23 others in "
        "Jalalabad, the capital of the province, hospital staff said.",
        "2024-05-02",
    )
    assert (event["location"], event["date"]) == ("Jalalabad", "2024-04-09")


def test_toll_of_an_event_told_as_a_time_reference_is_not_the_events(facts_of):
    [event] = facts_of(
        "event",
        "A bomb struck a police truck in the city of Khost on April 10, reporters said, a day "
        "after at least four people were killed in a string of blasts nearby.",
        "2024-05-02",
    )
    assert event["date"] == "2024-04-10"
    assert event["killed"] is None


def test_reference_point_after_since_does_not_date_an_operation(facts_of):
    [event] = facts_of(
        "event",
        "The army killed the group's leader in a strike in Kandahar, officials said, the "
        "biggest blow to the group since its founder was killed in 2011.",
    )
    assert event["location"] == "Kandahar"
    assert event["date"] is None
