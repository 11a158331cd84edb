"""Attacks an article tells in passing, beside or before the event it is about."""

import pytest


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-06-12": facts_of("event", text, published)


def attacks(facts):
    return [f for f in facts if f["type"] == "attack"]


def test_an_attack_someone_is_believed_to_have_orchestrated_happened(events):
    [event] = events(
        "Officials confirmed that Karim Aziz, who leads a faction based in Syria, is believed "
        "to have orchestrated the May 4, 2019, attack that killed 11 soldiers and 40 civilians."
    )
    assert (event["type"], event["date"]) == ("attack", "2019-05-04")
    assert event["killed"]["min"] == 51


def test_attackers_killing_beside_generic_talk_of_attacks(events):
    [event] = events(
        "In June 2019, IS-K gunmen killed more than 70 people at a Kabul wedding hall, and "
        "the group has staged many deadly attacks across the region since 2020."
    )
    assert (event["location"], event["date"], event["perpetrator"]) == ("Kabul", "2019-06", "IS-K")
    assert event["killed"]["min"] == 70


def test_a_great_city_is_read_as_itself_where_other_countries_are_named(events):
    facts = events(
        "Pakistan and Afghanistan face the group at home. In October 2002, gunmen killed "
        "more than 120 people at a Moscow theatre."
    )
    assert [(f["location"], f["country"]) for f in facts] == [("Moscow", "Russia")]


def test_a_city_read_first_as_its_state_still_counts_in_a_list_of_attacks(events):
    facts = events(
        "In 2016, militants from the region took part in deadly attacks in New York, Paris "
        "and Brussels."
    )
    assert sorted(f["location"] for f in facts) == ["Brussels", "New York", "Paris"]


def test_victims_killed_somewhere_on_a_day_are_an_attack(events):
    [event] = events(
        "On May 3rd, 2019 two German, one Danish, and one Irish hiker were killed in "
        "northern Kyrgyzstan.",
        None,
    )
    assert (event["type"], event["date"], event["country"]) == (
        "attack",
        "2019-05-03",
        "Kyrgyzstan",
    )
    assert event["killed"]["min"] == 4  # the counted list summed


def test_a_named_victim_shot_and_killed_in_a_village_of_a_district(events):
    [event] = events(
        "In a separate incident, Sergeant Ali Raza was shot and killed while traveling to "
        "work in Jani Khel, Kohat, authorities said."
    )
    assert (event["type"], event["location"]) == ("attack", "Kohat")


@pytest.mark.parametrize(
    "text",
    [
        "Five militants were killed in Bajaur on Monday.",
        "Three insurgents were killed by security forces in Zhob on Sunday.",
    ],
)
def test_militants_killed_are_not_an_attack(events, text):
    assert attacks(events(text)) == []


def test_a_killing_told_as_a_time_reference_is_not_another_event(events):
    facts = events(
        "A bomb killed two policemen in Chaman on Monday, a day after four people were "
        "shot dead in the town."
    )
    assert len(facts) == 1


def test_the_latest_atrocity_is_a_new_event_with_its_place(events):
    [event] = events(
        "The latest atrocity claimed by the Pakistani Taliban killed at least 23 people on "
        "Monday, including a police chief at a checkpoint in Quetta."
    )
    assert (event["location"], event["claimed_by"]) == ("Quetta", "TTP")
    assert event["killed"]["min"] == 23


def test_what_an_attack_followed_are_earlier_events_of_their_own(events):
    facts = events(
        "The latest atrocity claimed by the Pakistani Taliban killed at least 23 people on "
        "Monday at a checkpoint in Quetta. It followed the slaughter of dozens of Hazara "
        "pilgrims at a shrine last month, and a suicide attack that killed more than 50 "
        "people as voters queued in May."
    )
    assert len(facts) == 3
    assert sorted((f["killed"] or {}).get("min") or 0 for f in facts) == [0, 23, 50]


def test_an_attack_that_resulted_in_a_massacre_is_one_event(events):
    [event] = events(
        "In 2019, a bombing aimed at students in the same district resulted in the massacre "
        "of over 60 people."
    )
    assert event["date"] == "2019"
    assert event["killed"]["min"] == 60


def test_an_assassination_named_as_an_example_of_what_a_group_can_do(events):
    [event] = events(
        "The group's capability to carry out operations, such as the assassination of "
        "Deputy Governor Abdul Wali Safi, worries officials in Kabul."
    )
    assert (event["type"], event["attack_type"]) == ("attack", "assassination")


def test_capability_talk_without_a_case_is_no_event(events):
    assert events("The group keeps the capability to carry out assassinations in Kabul.") == []


def test_attacks_on_two_kinds_of_site_in_one_city_and_month_stay_apart(events):
    facts = events(
        "The group claimed a March attack on a Lahore hotel that left four Turkish guests "
        "wounded. In the same month, the group attacked the Iranian consulate in Lahore."
    )
    assert [f["date"] for f in facts] == ["2024-03", "2024-03"]
    assert facts[1]["location"] == "Lahore"


def test_the_same_year_is_that_of_the_event_told_before(events):
    facts = events(
        "A bombing at a market in Quetta killed nine people in 2019. In the same year, "
        "gunmen stormed a hotel in Karachi and killed five guards."
    )
    assert [(f["location"], f["date"]) for f in facts] == [("Quetta", "2019"), ("Karachi", "2019")]


def test_sentences_run_together_without_a_space_are_split(nlp):
    doc = nlp("Police said little about the raid.Officials in 2019.Later the U.S. Army spoke.")
    assert [s.text for s in doc.sents] == [
        "Police said little about the raid.",
        "Officials in 2019.",
        "Later the U.S. Army spoke.",
    ]


def test_dates_of_sentences_glued_together_are_read(events):
    facts = events(
        "Police in Lahore arrested a commander of the group in March 2024.Officials said he "
        "orchestrated the May 4, 2019, bombing that killed 12 people in Herat."
    )
    assert [(f["type"], f["date"]) for f in facts] == [
        ("counterterrorism_operation", "2024-03"),
        ("attack", "2019-05-04"),
    ]


def test_victims_killed_when_missiles_hit_somewhere_is_not_an_attack(events):
    facts = events(
        "Local officials said at least six villagers were killed when shells hit a market "
        "near Mosul."
    )
    assert attacks(facts) == []


def test_the_group_of_who_orchestrated_an_attack_did_it(events):
    [event] = events(
        "Officials said that Karim Aziz, a leader of an ISIS faction in Syria, orchestrated "
        "the May 4, 2019, attack that killed 11 soldiers."
    )
    assert event["perpetrator"] == "Islamic State"


def test_an_organiser_only_believed_to_have_acted_names_no_doer(events):
    [event] = events(
        "Officials said that Karim Aziz, a leader of an ISIS faction in Syria, is believed to "
        "have orchestrated the May 4, 2019, attack that killed 11 soldiers."
    )
    assert event["perpetrator"] is None


def test_the_group_whose_capability_an_example_shows_did_it(events):
    facts = events(
        "The report names ISKP as the gravest threat to the region. The group's capability "
        "to carry out operations, such as the assassination of Deputy Governor Abdul Wali "
        "Safi, worries officials."
    )
    assert [f["perpetrator"] for f in attacks(facts)] == ["IS-K"]
