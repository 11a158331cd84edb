"""Counterterrorism operations: the acting state is their perpetrator."""

import pytest


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-06-12": facts_of("event", text, published)


def test_police_killing_militants_is_an_operation_of_the_state_they_serve(events):
    [event] = events(
        "Police on Sunday killed seven militants in a hideout near Quetta, Pakistan, officials said."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Pakistan"
    assert event["claimed_by"] is None
    assert event["date"] == "2024-06-09"


def test_a_state_detaining_a_group_commander(events):
    [event] = events("Turkish authorities detained a senior ISIS commander in Ankara on Monday.")
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Turkey"
    assert event["location"] == "Ankara"


def test_passive_with_forces_as_agent(events):
    [event] = events("Four ISKP fighters were killed by Taliban forces in Herat on Tuesday.")
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Taliban"


def test_the_speaker_of_an_announcement_is_not_the_actor(events):
    [event] = events(
        "The Pentagon said on Friday that an ISKP planner was killed in a Taliban raid in Kunar."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Taliban"


def test_gunmen_killing_civilians_stay_an_attack(events):
    [event] = events("Gunmen killed nine villagers in Herat on Monday.")
    assert event["type"] == "attack"


def test_an_operation_counts_the_militants_it_killed(events):
    [event] = events("Police on Saturday killed nine militants in a hideout in Quetta.")
    assert event["killed"]["min"] == 9


def test_forces_named_for_both_of_two_joined_verbs(events):
    [event] = events(
        "Two ISKP militants were killed and one captured in a night raid in Jalalabad by Taliban special forces on Sunday."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Taliban"
    assert event["killed"]["min"] == 2


def test_the_toll_of_the_attack_an_operation_answers_is_not_its_own(events):
    [operation] = [
        e
        for e in events(
            "Pakistani forces on Monday detained an ISKP commander linked to a bombing that killed 40 people in Quetta."
        )
        if e["type"] == "counterterrorism_operation"
    ]
    assert operation["killed"] is None


def test_suspects_rounded_up_by_a_states_authorities(events):
    [event] = events(
        "Iranian authorities rounded up dozens of suspects tied to ISIS in sweeps across "
        "Tehran, the interior minister said on Monday."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Iran"
    # Only the day it was announced is stated: the month is what the text supports.
    assert event["date"] == "2024-06"


def test_suspects_detained_with_no_doer_named_are_the_states_arrest(events):
    [event] = events(
        "In raids carried out in Ankara on Tuesday, 63 suspects were detained, the ministry said."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Turkey"


def test_a_suspect_giving_himself_up_to_police(events):
    [event] = events("In Lyon, France, the suspect turned himself in to police on Sunday.")
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "France"
    assert event["date"] == "2024-06-09"


def test_the_country_of_an_official_who_speaks_for_it(events):
    found = events(
        "An ISIS cell was active near Istanbul and Ankara, Turkish media said. "
        "A senior Iranian security official said on Monday the country had captured a "
        "commander of an ISIS offshoot."
    )
    [event] = [e for e in found if e["type"] == "counterterrorism_operation"]
    assert event["perpetrator"] == "Iran"
    # An arrest with no place named happened on the acting state's own soil.
    assert event["country"] == "Iran"


def test_an_operation_conducted_by_a_states_agency(events):
    [event] = events(
        "Russia's security service has conducted an operation in Dagestan, capturing a "
        "senior ISIS recruiter, state media reported on Monday."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Russia"


def test_militants_killed_in_a_gun_battle_with_the_forces(events):
    [event] = events(
        "At least 12 suspected ISIS militants were killed in a gun battle with "
        "counter-terrorism police in Quetta on May 30."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Pakistan"
    assert event["location"] == "Quetta"
    assert event["date"] == "2024-05-30"
    assert event["killed"]["min"] == 12


def test_operations_of_two_states_stay_apart(events):
    found = events(
        "Turkish police arrested an ISIS financier in Istanbul on Monday. "
        "Separately, Iranian forces detained an ISIS recruiter on Monday, officials said."
    )
    assert sorted(e["perpetrator"] for e in found) == ["Iran", "Turkey"]


def test_an_arrest_over_an_attack_leaves_the_attack_its_place_and_toll(events):
    found = events(
        "A suspect has been arrested in a shooting on Monday night in Quetta that killed "
        "six people and wounded nine others, police said Tuesday."
    )
    [attack] = [e for e in found if e["type"] == "attack"]
    [arrest] = [e for e in found if e["type"] == "counterterrorism_operation"]
    assert attack["location"] == "Quetta"
    assert attack["killed"]["min"] == 6
    assert arrest["perpetrator"] == "Pakistan"
    assert arrest["killed"] is None


def test_taken_into_custody_with_no_doer_named(events):
    [event] = events("A teenager was taken into custody in Hamburg, Germany, on Monday.")
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Germany"
    assert event["date"] == "2024-06-10"


def test_the_date_of_what_ties_a_suspect_to_a_bombing_is_not_the_arrests(events):
    [event] = events(
        "Officials said Iran recently acted on a foreign tip and detained a senior "
        "ISIS leader tied to the market bombing in Zahedan in 2019."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["date"] is None
    assert event["location"] is None
    assert event["country"] == "Iran"


def test_a_joint_operation_goes_where_the_tip_placed_the_militants(events):
    [event] = events(
        "The joint operation was carried out after the police and the intelligence services "
        "received information on armed militants hiding in Bara village in "
        "Peshawar on Monday, officials said."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Pakistan"
    # The village is a spot inside the town, as a venue is.
    assert event["location"] == "Peshawar"
    assert event["date"] == "2024-06-10"


def test_militants_firing_back_during_the_operation_are_part_of_it(events):
    found = events(
        "Police raided a hideout in Quetta on Monday. The gunmen opened fire on the "
        "police in Quetta, and one of them blew himself up during the raid, officials said."
    )
    assert [e["type"] for e in found] == ["counterterrorism_operation"]


def test_a_named_military_operation_of_a_state(events):
    found = events(
        "Hours after India's Operation Tiger targeting 7 militant camps in Pakistan, the "
        "Pakistani army suffered another loss as 12 soldiers were killed by the TTP."
    )
    [event] = [e for e in found if e["type"] == "counterterrorism_operation"]
    assert event["perpetrator"] == "India"
    assert event["country"] == "Pakistan"
    # The soldiers were killed by a group: their toll is not the operation's.
    assert event["killed"] is None


def test_one_of_several_killed_in_an_operation_gives_the_operations_toll(events):
    [event] = events(
        "Rahimi was one of six people, including a suicide bomber, killed in an "
        "intelligence-based operation in Quetta, the military said on Thursday."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["killed"]["min"] == 6


def test_the_count_of_militants_named_by_their_group(events):
    [event] = events(
        "Four Islamic State group militants have been killed and two arrested in a night "
        "raid in Herat by Taliban forces on Sunday, an official said."
    )
    assert event["killed"]["min"] == 4


def test_arrests_of_one_state_with_neither_place_nor_date_are_one_event(events):
    found = events(
        "Two suspects have been detained, Turkish police said. "
        "The gunmen who stormed the hall have been captured, the minister wrote."
    )
    assert [e["perpetrator"] for e in found if e["type"] == "counterterrorism_operation"] == [
        "Turkey"
    ]


def test_an_operation_beside_an_attack_leaves_it_the_toll(events):
    found = events(
        "The two men were caught late on Sunday in a joint operation by police, hours "
        "after the shooting in Quetta left one person dead."
    )
    [attack] = [e for e in found if e["type"] == "attack"]
    assert attack["killed"]["min"] == 1
