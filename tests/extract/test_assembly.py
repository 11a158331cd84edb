"""Document-level assembly: the mentions of one real event make one event."""

import pytest

from briefgen.extract.numbers import find_casualties


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-06-12": facts_of("event", text, published)


def test_lead_that_names_only_the_country_joins_the_detailed_event(events):
    facts = events(
        "More than a dozen villagers were killed in an attack in Afghanistan.\n\n"
        "Gunmen attacked a wedding party in Herat on Monday, killing 15 people, police said.\n\n"
        "The ISKP claimed responsibility for the attack in a statement."
    )
    [event] = facts
    assert (event["location"], event["date"]) == ("Herat", "2024-06-10")
    assert event["killed"]["min"] == 15  # the exact figure beats "more than a dozen"
    assert event["claimed_by"] == "IS-K"


def test_revised_toll_replaces_the_first_figure_and_keeps_the_event_date(events):
    facts = events(
        "A bomb exploded at a bus station in Quetta on Monday, killing nine passengers.\n\n"
        "The death toll from the bombing rose to 14 on Wednesday, hospital staff said."
    )
    [event] = facts
    assert event["date"] == "2024-06-10"
    assert event["killed"]["min"] == 14


def test_events_in_different_places_stay_apart(events):
    facts = events(
        "A suicide bomber struck a mosque in Kunduz on Friday, killing 20 worshippers.\n\n"
        "A week earlier, gunmen attacked a shrine in Herat, killing six pilgrims."
    )
    assert sorted(e["location"] for e in facts) == ["Herat", "Kunduz"]


def test_martyring_is_a_toll_verb():
    assert find_casualties("The bomber blew himself up, martyring 31 worshippers.").killed.min == 31


def test_claim_goes_to_the_branch_named_beside_the_parent(events):
    [event] = events(
        "A bombing at a market in Jalalabad on Sunday killed five people; it was claimed by the "
        "Islamic State's regional affiliate, the ISKP."
    )
    assert event["claimed_by"] == "IS-K"


def test_a_toll_in_a_sentence_pointing_back_belongs_to_the_event(events):
    facts = events(
        "A suicide bomber struck a shrine in Mazar-i-Sharif on Thursday.\n\n"
        "Hospital staff said 22 people had been killed in the attack."
    )
    [event] = facts
    assert event["killed"]["min"] == 22


def test_a_statement_date_is_not_the_attack_date(events):
    facts = events(
        "Gunmen attacked a mosque in Herat on Monday, killing five worshippers.\n\n"
        "The foreign ministry condemned the attack in a Wednesday statement."
    )
    [event] = facts
    assert event["date"] == "2024-06-10"


def test_revised_toll_with_words_between_toll_and_figure():
    text = "The death toll from the bombing at the crowded market in the old city has risen to 31, police said."
    assert find_casualties(text).killed.min == 31


def test_accounts_without_a_place_and_with_the_same_date_fold(events):
    facts = events(
        "A US drone strike in August 2022 killed the leader of Al Qaeda.\n\n"
        "The strike in August 2022 was the biggest blow to the group in a decade."
    )
    assert len(facts) == 1
