"""Places the gazetteer lacks, victims' nationality, datelines; claims in the group's words."""

import pytest


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-06-12": facts_of("event", text, published)


def test_a_town_the_gazetteer_lacks_is_taken_as_written_with_its_sentences_country(events):
    [event] = events("A bomb killed four people in Zarghunabad, Pakistan, on Monday.")
    assert (event["location"], event["country"]) == ("Zarghunabad", "Pakistan")


def test_the_victims_nationality_is_not_the_place(events):
    facts = events(
        "Three Japanese engineers were killed in an attack on their convoy in Pakistan on Monday.\n\n"
        "The Japanese engineers worked for a Japanese contractor on a dam."
    )
    assert facts[0]["country"] == "Pakistan"


def test_a_colon_dateline_and_a_leading_date_line_are_where_and_when_it_was_filed():
    from briefgen.extract.document import DATELINE

    assert DATELINE.search("QUETTA: A bomb went off at a market.").group(0) == "QUETTA: "
    assert (
        DATELINE.search("date 2024-05-02 QUETTA: A bomb went off.").group(0)
        == "date 2024-05-02 QUETTA: "
    )
    assert DATELINE.search("date 2024-05-02 A bomb went off.").group(0) == "date 2024-05-02 "
    assert DATELINE.search("Officials said: a bomb went off.") is None


def test_a_group_saying_it_was_responsible_is_a_claim(events):
    [event] = events("ISKP said it was responsible for the bombing of a bus in Kabul on Monday.")
    assert event["claimed_by"] == "IS-K"


def test_officials_saying_a_group_was_responsible_is_no_claim(events):
    [event] = events(
        "Officials said ISKP was responsible for the bombing of a bus in Kabul on Monday."
    )
    assert event["claimed_by"] is None


def test_claimed_to_have_killed_reports_a_done_operation(events):
    [event] = events(
        "Security forces claimed to have killed an ISKP commander in a raid in Quetta on Sunday."
    )
    assert event["type"] == "counterterrorism_operation"


def test_an_earlier_years_event_does_not_join_the_news_event(events):
    facts = events(
        "A suicide bomber killed six people at a checkpoint in Kunduz, police said.\n\n"
        "A blast on a minibus killed 13 people in 2021."
    )
    assert sorted(str(e["date"]) for e in facts) == ["2021", "None"]


def test_an_earlier_event_named_in_passing_takes_no_group_from_sentences_before(events):
    facts = events(
        "ISKP claimed a bombing at a shrine in Herat on Monday that killed nine people.\n\n"
        "In April last year, a judge was killed in a bomb attack in Kunduz."
    )
    earlier = next(e for e in facts if e["location"] == "Kunduz")
    assert earlier["perpetrator"] is None


def test_the_mastermind_of_an_attack_belongs_to_the_group_named_before(events):
    facts = events(
        "The Taliban have killed several ISKP commanders this year.\n\n"
        "One of them was the mastermind of a bombing at a wedding hall in Kabul in 2022 that killed 30 guests."
    )
    bombing = next(e for e in facts if e["type"] == "attack")
    assert bombing["perpetrator"] == "IS-K"


def test_a_state_owning_an_attack_is_its_place(events):
    [event] = events(
        "A gunman opened fire at a rally in Karachi on Monday in Pakistan's worst attack this year."
    )
    assert event["perpetrator"] is None


def test_where_a_statement_was_made_is_not_the_place(events):
    [event] = events(
        "A US drone strike killed an ISKP commander on Monday, officials said in Washington."
    )
    assert event["location"] is None


def test_the_speakers_own_country_still_places_the_event(events):
    [event] = events(
        "France's interior ministry said that two ISKP plots to attack churches had been foiled."
    )
    assert event["country"] == "France"


def test_a_group_claiming_the_attack_itself(events):
    [event] = events("ISKP claimed the bombing at a market in Herat on Monday.")
    assert event["claimed_by"] == "IS-K"


def test_an_attack_claimed_by_a_hyphenated_name(events):
    [event] = events(
        "Gunmen fired on a mosque in Kunduz on Friday in another ISIS-claimed attack that killed nine worshippers."
    )
    assert event["claimed_by"] == "Islamic State"


def test_an_attack_that_claimed_lives_is_no_claim(events):
    [event] = events(
        "ISKP fighters carried out an attack in Kabul on Monday that claimed the lives of 12 people."
    )
    assert event["claimed_by"] is None


def test_the_branch_claim_refines_the_parent_claim(events):
    facts = events(
        "The Islamic State claimed responsibility for a bombing at a mosque in Herat on Monday that killed 20 people.\n\n"
        "The ISKP also claimed responsibility for the bombing in Herat in a second statement."
    )
    [event] = facts
    assert event["claimed_by"] == event["perpetrator"] == "IS-K"


def test_the_group_that_claimed_is_the_one_the_text_was_about(events):
    facts = events(
        "ISKP fighters stormed a checkpoint in Herat on Monday, killing four guards.\n\n"
        "The group claimed responsibility for a similar attack in Kandahar in March, a city dear to the Taliban."
    )
    kandahar = next(e for e in facts if e["location"] == "Kandahar")
    assert kandahar["claimed_by"] == "IS-K"


def test_it_followed_an_attack_names_no_doer(events):
    facts = events(
        "The Taliban said security was improving.\n\n"
        "It followed a suicide bombing in Kabul in May 2023 that killed 30 people."
    )
    assert [e["perpetrator"] for e in facts] == [None]


def test_group_named_elsewhere_in_the_sentence_is_not_the_doer(facts_of):
    [event] = facts_of(
        "event",
        "Officials condemned an attack on a Sikh temple in Jalalabad on Saturday that killed "
        "three people, as ISKP stepped up its campaign against minorities.",
    )
    assert event["perpetrator"] is None
    [event] = facts_of(
        "event",
        "The raid came weeks after the ISKP's bombing of a bus in Jalalabad that killed nine.",
    )
    assert event["perpetrator"] == "IS-K"  # the group owns the event noun


def test_hyphen_joined_place_name_is_one_place(facts_of):
    [event] = facts_of(
        "event",
        "Nine worshippers were killed in a blast at a mosque in the northern city of "
        "Mazar-i-Sharif on Monday, a spokesman in Balkh said.",
    )
    assert (event["location"], event["country"]) == ("Mazar-e Sharif", "Afghanistan")


def test_place_inside_another_event_phrase_is_that_events(nlp):
    from briefgen.extract.slots import _of_other_event

    doc = nlp("Police arrested the planner of the Quetta market bombing on Monday.")
    quetta, arrested = next(t for t in doc if t.text == "Quetta"), doc[1]
    assert _of_other_event(quetta, arrested)
    doc = nlp("Three militants were killed and one arrested in a raid in Quetta on Monday.")
    quetta, killed = next(t for t in doc if t.text == "Quetta"), doc[4]
    assert not _of_other_event(quetta, killed)


def test_group_in_the_subject_of_the_deed_is_the_doer(facts_of):
    [event] = facts_of(
        "event",
        "Last May, an ISKP gunman attacked a shrine in Herat killing 11 in the city's "
        "deadliest attack in years.",
    )
    assert event["perpetrator"] == "IS-K"
