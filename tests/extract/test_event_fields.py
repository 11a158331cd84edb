"""Fields of events found: the claimant's branch, tolls told apart from the trigger."""

import pytest

from briefgen.extract.numbers import find_casualties


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-06-12": facts_of("event", text, published)


def test_group_named_inside_the_claiming_subject_is_the_claimant(events):
    facts = events(
        "Gunmen attacked a wedding party in Herat on Monday, killing 11 guests, an ISIS "
        "attack according to local officials.\n\n"
        "In a message that evening, the ISKP jihadist group claimed responsibility for the attack."
    )
    [event] = facts
    assert event["claimed_by"] == "IS-K"


def test_branch_named_with_the_event_city_refines_the_parent_claim(events):
    facts = events(
        "ISIS claimed responsibility for a bombing at a bus station in Quetta that killed "
        "nine passengers on Monday.\n\n"
        "The group said two ISKP fighters planted the explosives at the station in Quetta."
    )
    [event] = facts
    assert (event["claimed_by"], event["perpetrator"]) == ("IS-K", "IS-K")


def test_parent_claim_stays_when_the_branch_is_named_with_another_city(events):
    facts = events(
        "ISIS claimed responsibility for a bombing at a bus station in Quetta that killed "
        "nine passengers on Monday.\n\n"
        "ISKP has long recruited fighters in Herat."
    )
    [event] = facts
    assert event["claimed_by"] == "Islamic State"


def test_one_of_n_people_killed_counts_the_n():
    assert (
        find_casualties(
            "Rahimi was one of seven people, including a guard, killed in the raid."
        ).killed.min
        == 7
    )
    assert find_casualties("Five of them were killed.").killed.min == 5


def test_toll_in_a_sentence_about_the_latest_attack_joins_it(events):
    facts = events(
        "A bombing targeted a police van in the city of Kunduz on June 10, officials said.\n\n"
        "At least six people, including a boy, were killed in the latest attack."
    )
    [event] = facts
    assert event["location"] == "Kunduz"
    assert event["killed"]["min"] == 6


def test_lower_disputed_figure_does_not_replace_the_open_toll(events):
    facts = events(
        "A suicide bomber struck a mosque in Kunduz on Friday, killing at least 23 people, "
        "doctors said.\n\n"
        "Local officials said that only eight people were killed in the blast."
    )
    [event] = facts
    assert event["killed"]["min"] == 23


def test_first_stated_toll_stands_against_a_later_lower_one(events):
    facts = events(
        "More than 50 worshippers were killed in a suicide attack on a mosque in Quetta.\n\n"
        "A reporter wrote that the bombing in Quetta has claimed 48 lives so far."
    )
    [event] = facts
    assert event["killed"]["min"] == 50


def test_toll_of_the_verb_that_governs_an_anaphoric_attack(events):
    facts = events(
        "IS-K claimed responsibility for the attack on the Lotus concert hall in Minsk.\n\n"
        "In that attack, more than 90 people were killed as three gunmen stormed the hall."
    )
    [event] = facts
    assert event["killed"]["min"] == 90


def test_claim_later_denied_names_no_perpetrator(events):
    facts = events(
        "A suicide bomber killed 31 people at a market in Quetta on Monday.\n\n"
        "The TTP claimed responsibility for the bombing but later denied involvement in a "
        "message to reporters."
    )
    [event] = facts
    assert (event["claimed_by"], event["perpetrator"]) == ("TTP", None)


def test_claim_by_a_splinter_faction_is_not_the_parent_group(events):
    facts = events(
        "A suicide bomber killed 31 people at a market in Quetta on Monday.\n\n"
        "The TTP kept its distance from the bombing, but one of its breakaway factions "
        "claimed responsibility."
    )
    [event] = facts
    assert event["claimed_by"] is None


def test_group_telling_its_own_deed_claims_it(events):
    facts = events(
        "Islamic State says a suicide bomber struck a Sufi shrine in Sehwan on Friday, "
        "killing 40 pilgrims."
    )
    [event] = facts
    assert (event["claimed_by"], event["perpetrator"]) == ("Islamic State", "Islamic State")


def test_group_telling_of_another_party_deed_claims_nothing(events):
    facts = events(
        "Islamic State says a US drone struck a house in Sehwan on Friday, killing 4 civilians."
    )
    assert all(e["claimed_by"] is None for e in facts)


def test_country_that_owns_or_names_a_thing_is_not_where_events_are(events):
    facts = events(
        "Six people, including five foreign engineers, were killed in a suicide attack on "
        "their bus in Chilas, police said.\n\n"
        "The engineers worked for the China Energy Group, and China's embassy and China's "
        "foreign ministry demanded an inquiry.\n\n"
        "The dam is one of many projects Beijing funds in Pakistan."
    )
    [event] = facts
    assert event["country"] == "Pakistan"


def test_province_told_with_its_city_joins_the_city_event(events):
    facts = events(
        "At least 30 people were killed in Pakistan's Sindh province on Friday by a suicide "
        "bomber who targeted a wedding.\n\n"
        "In northern Sindh, officials said the bomber detonated his vest as guests gathered "
        "in Sukkur."
    )
    [event] = facts
    assert (event["location"], event["date"]) == ("Sukkur", "2024-06-07")
    assert event["killed"]["min"] == 30


def test_date_and_place_of_the_verb_an_explosion_did(events):
    facts = events(
        "Residents heard gunfire near the bazaar late at night.\n\n"
        "The explosion rocked a mosque in Kabul on Monday evening."
    )
    [event] = facts
    assert (event["location"], event["date"]) == ("Kabul", "2024-06-10")


def test_date_set_before_an_operation_claim_is_the_operation_day(events):
    facts = events(
        "On May 28, police claimed to have killed a commander of the Islamic State group in a "
        "raid in Quetta."
    )
    [event] = facts
    assert event["type"] == "counterterrorism_operation"
    assert event["date"] == "2024-05-28"


def test_today_in_a_quote_said_on_a_weekday_is_that_weekday(events):
    facts = events(
        '"Our forces carried out a strike today against a senior ISKP commander in Kunar '
        'province," army spokesman Omar Baig said on Monday.',
        published="2024-06-12",
    )
    [event] = facts
    assert event["date"] == "2024-06-10"


def test_today_in_a_post_signed_with_its_date(nlp):
    from briefgen.extract.statement_dates import statement_day

    doc = nlp(
        "ISKP claimed the bombing at the Ali mosque in Quetta today that killed 31 people.\n"
        "— A Reporter (@areporter) May 3, 2023\n\n"
        "Officials said today that the mosque would reopen."
    )
    first, second = [e for e in doc.ents if e.text == "today"]
    assert statement_day(first, None).iso() == "2023-05-03"
    assert statement_day(second, None) is None  # the article's own "today"


def test_event_dated_a_week_before_the_main_event(events):
    facts = events(
        "A suicide bomber killed 20 worshippers at a mosque in Kunduz on Friday.\n\n"
        "The Friday bombing came a week after another attack on a shrine in Herat that "
        "killed 12 pilgrims."
    )
    dates = {e["location"]: e["date"] for e in facts}
    assert dates == {"Kunduz": "2024-06-07", "Herat": "2024-05-31"}


def test_event_dated_two_days_before_the_bombing(events):
    facts = events(
        "A suicide bomber killed 20 worshippers at a mosque in Kunduz on Friday.\n\n"
        "Two days before the bombing, gunmen attacked a bank in Kabul, killing three guards."
    )
    dates = {e["location"]: e["date"] for e in facts}
    assert dates == {"Kunduz": "2024-06-07", "Kabul": "2024-06-05"}


def test_latest_atrocity_with_its_place_and_an_earlier_bombing_it_followed(events):
    facts = events(
        "The latest atrocity claimed by ISKP killed at least 14 people on Monday, including a "
        "judge at a courthouse in Kabul.\n\n"
        "It followed the slaughter of worshippers at a shrine last month, and a suicide attack "
        "that killed more than 60 people in June."
    )
    kabul = [e for e in facts if e["location"] == "Kabul"]
    assert [(e["claimed_by"], e["killed"]["min"]) for e in kabul] == [("IS-K", 14)]
    assert any(e["killed"] and e["killed"]["min"] == 60 for e in facts if e not in kabul)


def test_city_that_owns_a_neighbourhood_is_the_place(events):
    facts = events(
        "On Friday, Kabul's Karte Seh neighbourhood was rocked by a bombing at a school.\n\n"
        "At least 12 pupils died in the atrocity, officials said."
    )
    [event] = facts
    assert (event["location"], event["killed"]["min"]) == ("Kabul", 12)


def test_claim_in_the_lead_covers_the_events_of_its_day(events):
    facts = events(
        "At least 20 people were killed in bombings in two cities on Monday, attacks claimed "
        "by the Islamic State group.\n\n"
        "On Monday, 14 people were killed in a blast at a market in Kandahar, police said.\n\n"
        "In a separate blast in the city of Kunduz, six people were killed on Monday.\n\n"
        "On Tuesday, a bombing at a bus station in Kabul killed two people."
    )
    claims = {e["location"]: e["claimed_by"] for e in facts}
    assert claims == {"Kandahar": "Islamic State", "Kunduz": "Islamic State", "Kabul": None}


def test_attack_planned_by_a_named_group_leader_is_the_group_doing(events):
    facts = events(
        "Police arrested ISKP commander Rafiq Durrani at a house in Quetta on Sunday.\n\n"
        "Durrani, a former teacher, helped coordinate the 2019 bombing of a bus station in Kabul "
        "that killed 24 people."
    )
    kabul = [e for e in facts if e["location"] == "Kabul"]
    assert [e["perpetrator"] for e in kabul] == ["IS-K"]


def test_suspected_planner_attributes_nothing(events):
    facts = events(
        "Police arrested ISKP commander Rafiq Durrani at a house in Quetta on Sunday.\n\n"
        "Durrani allegedly coordinated the 2019 bombing of a bus station in Kabul "
        "that killed 24 people."
    )
    kabul = [e for e in facts if e["location"] == "Kabul"]
    assert [e["perpetrator"] for e in kabul] == [None]


def test_officials_assessment_does_not_turn_the_parent_claim_into_the_branch(events):
    facts = events(
        "Islamic State claimed responsibility for a bombing at a bus station in Quetta that "
        "killed nine passengers on Monday.\n\n"
        "Officials in Quetta concluded that ISKP was behind the bombing."
    )
    [event] = facts
    assert event["claimed_by"] == "Islamic State"
