"""Event rules, one construction per test, on sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-03-25": facts_of("event", text, published)


def test_attack_with_place_date_claim_and_toll(events):
    [event] = events(
        "On Thursday, a suicide bomber struck a market in Jalalabad, Afghanistan, killing at least 14 people "
        "and wounding dozens, in an attack claimed by ISKP."
    )
    assert event["type"] == "attack"
    assert (event["location"], event["country"]) == ("Jalalabad", "Afghanistan")
    assert event["date"] == "2024-03-21"
    assert event["claimed_by"] == event["perpetrator"] == "IS-K"
    assert event["attack_type"] == "suicide bombing"
    assert event["killed"] == {"min": 14, "max": None, "approx": False}
    assert event["wounded"] == {"min": 12, "max": None, "approx": True}


def test_attribution_is_not_a_claim(events):
    [event] = events(
        "Officials said the bombing in Herat on March 3 was carried out by the Islamic State Khorasan Province."
    )
    assert event["perpetrator"] == "IS-K"
    assert event["claimed_by"] is None


def test_suspicion_attributes_nothing(events):
    facts = events(
        "Suspicion fell on the Taliban after an explosion at a hotel in Kabul on Monday that killed six guests."
    )
    [event] = facts
    assert event["perpetrator"] is None
    assert event["location"] == "Kabul"


def test_one_event_per_article_however_often_repeated(events):
    facts = events(
        "A bomb exploded outside a mosque in Kunduz on March 20, killing 11 worshippers.\n"
        "The Kunduz bombing was the third this month.\n"
        "Residents said the March 20 attack had shaken the city."
    )
    assert len(facts) == 1
    assert facts[0]["killed"]["min"] == 11


def test_two_events_in_one_sentence_keep_their_places(events):
    facts = events(
        "Militants attacked a checkpoint in Khost, as well as attacked a police station in Paktia, officials said."
    )
    places = sorted(f["location"] for f in facts)
    assert places == ["Khost", "Paktia"]


def test_generic_talk_is_not_an_event(events):
    assert (
        events(
            "The group has escalated its attacks and retains the capability to strike targets in Europe."
        )
        == []
    )
    assert (
        events("Analysts fear the group could attack a stadium in Paris during the tournament.")
        == []
    )
    assert events("It was the deadliest attack in Russia since 2004.") == []


def test_anaphora_without_anchor_is_dropped(events):
    assert (
        events(
            "This attack shows how fragile the security situation has become under Taliban rule."
        )
        == []
    )


def test_statistic_is_not_an_event(nlp):
    doc = nlp.make_doc(
        "More than 190 suicide bombings have been attributed to the group since 2015, UN data show."
    )
    doc._.published = "2024-03-25"
    facts = nlp(doc)._.facts
    assert [f for f in facts if f["kind"] == "event"] == []
    [stat] = [f for f in facts if f["kind"] == "statistic"]
    assert stat["data"]["count"]["min"] == 190 and "bombings" in stat["data"]["unit"]


def test_foiled_plot_with_its_owner(events):
    [event] = events(
        "German police said they had foiled an IS-K plot to attack a synagogue in Berlin."
    )
    assert event["type"] == "foiled_plot"
    assert event["perpetrator"] == "IS-K"
    assert (event["location"], event["country"]) == ("Berlin", "Germany")
    assert event["killed"] is None


def test_generic_plots_are_not_a_plot(events):
    assert (
        events("A string of attacks and thwarted plots in Europe have been linked to the group.")
        == []
    )


def test_counterterrorism_operation_by_governing_group(events):
    [event] = events(
        "Taliban forces killed three IS-K commanders in a raid in Nangarhar province on Sunday, a spokesman said."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "Taliban"
    assert event["location"] == "Nangarhar"


def test_drone_strike_is_counterterrorism(events):
    [event] = events(
        "Al Qaeda leader Ayman al-Zawahiri was killed by a US drone strike in Kabul in July 2022."
    )
    assert event["type"] == "counterterrorism_operation"
    assert event["perpetrator"] == "United States"
    assert event["attack_type"] == "drone strike"
    assert (event["location"], event["date"]) == ("Kabul", "2022-07")


def test_split_toll_is_summed_and_attackers_are_not_victims(events):
    [event] = events(
        "The 2021 bombing at Kabul airport killed some 170 Afghans and 13 American soldiers; the bomber also died."
    )
    assert event["killed"] == {"min": 183, "max": 183, "approx": True}
    assert event["date"] == "2021"


def test_dateline_is_not_the_event_place(events):
    [event] = events(
        "ISTANBUL, March 24 (Wire) - Gunmen opened fire on worshippers at a church in Izmir on Sunday, killing two people."
    )
    assert event["location"] == "Izmir"


def test_group_anaphor_takes_the_group_named_before(events):
    facts = events(
        "ISIS-K has been weakened by Taliban raids this year.\n"
        "The group attacked a Sufi shrine in Baghlan on Thursday, killing nine people."
    )
    [event] = facts
    assert event["perpetrator"] == "IS-K"


def test_undated_article_gets_no_invented_date(events):
    [event] = events("A suicide bombing in Kandahar on March 21 killed 21 people.", published=None)
    assert event["date"] is None
    [event] = events(
        "A suicide bombing in Kandahar on March 21, 2024 killed 21 people.", published=None
    )
    assert event["date"] == "2024-03-21"


def test_attackers_and_a_toll_make_an_event_without_an_event_word(events):
    [event] = events(
        "Gunmen burst into a wedding hall in Peshawar on Saturday evening, firing into the crowd and killing at least 9 people."
    )
    assert event["type"] == "attack"
    assert event["location"] == "Peshawar"
    assert event["killed"]["min"] == 9
    assert event["date"] == "2024-03-23"


def test_blame_by_a_party_is_no_attribution_and_a_denied_claim_is_no_claim(events):
    # One party's blame is its view, not the fact the gold convention records.
    [event] = events(
        "US officials blamed ISKP for the twin suicide bombings in Kerman on January 3."
    )
    assert event["perpetrator"] is None and event["claimed_by"] is None
    [event] = events("ISKP was responsible for the twin suicide bombings in Kerman on January 3.")
    assert event["perpetrator"] == "IS-K"
    [event] = events(
        "A car bomb exploded in Quetta on Monday, killing five people. No group claimed responsibility."
    )
    assert event["claimed_by"] is None


def test_line_without_full_stop_but_with_past_auxiliary_is_running_text(facts_of):
    text = (
        "Gunmen attack shrine in Herat\n\n"
        "At least five people were killed in an attack on a shrine in Herat on Sunday, "
        "local media reported\n\n"
        "Police sealed off the area."
    )
    [event] = facts_of("event", text, "2024-06-10")
    assert (event["location"], event["date"]) == ("Herat", "2024-06-09")
    assert event["killed"]["min"] == 5
