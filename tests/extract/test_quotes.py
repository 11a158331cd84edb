"""Quote attribution on sentences written for these tests."""

import pytest

from briefgen.extract.quotes import quote_spans


@pytest.fixture(scope="module")
def quotes(facts_of):
    return lambda text: facts_of("quote", text)


def test_speaker_with_role_and_affiliation(quotes):
    [quote] = quotes(
        "Lena Ortiz, a senior analyst with the Centre for Conflict Studies, told reporters that "
        '"the group has rebuilt its networks across the region."'
    )
    assert quote["speaker"] == "Lena Ortiz"
    assert quote["affiliation"] == "Centre for Conflict Studies"
    assert quote["text"] == "the group has rebuilt its networks across the region."


def test_quote_split_around_said(quotes):
    found = quotes(
        '"We will not allow our soil to be used against others," said Zabihullah Mujahid, the Taliban spokesman. '
        '"Anyone who does so will be punished," he said.'
    )
    assert [q["speaker"] for q in found] == ["Zabihullah Mujahid", "Zabihullah Mujahid"]


def test_surname_expands_to_the_full_name(quotes):
    found = quotes(
        "Omar Haidari, a researcher at the Kabul Policy Institute, said the attacks were planned abroad.\n"
        'Haidari told the BBC that "the network relies on couriers more than on phones."'
    )
    assert found[-1]["speaker"] == "Omar Haidari"


def test_according_to(quotes):
    [quote] = quotes(
        'According to Daniel Reyes, a former envoy, "the talks have stalled for a year now."'
    )
    assert quote["speaker"] == "Daniel Reyes"


def test_speaker_named_after_an_unclosed_quote(quotes):
    [quote] = quotes(
        "\u201cThe threat is contained inside the country. In past years things were different, Ahmad Zia, the "
        "deputy minister, told the Herald."
    )
    assert quote["speaker"] == "Ahmad Zia"
    assert quote["text"] == "The threat is contained inside the country."


def test_official_body_as_speaker(quotes):
    [quote] = quotes(
        'The monitoring team of the UN Security Council said in a report that "the group remains the most '
        'serious threat in the region."'
    )
    assert quote["speaker"] == "UN Security Council monitoring team"


def test_titles_and_scare_quotes_are_not_quotes(quotes):
    assert quotes('She spoke on "Face the Nation" about the "caliphate".') == []


def test_marks_pair_whatever_their_direction():
    spans = quote_spans("He said \u201cthe border is closed to all traffic now\u201c and left.")
    assert [s.text for s in spans] == ["the border is closed to all traffic now"]


def test_people_keep_role_and_affiliation(nlp):
    doc = nlp(
        "Interior Minister Sami Okafor visited the site.\n"
        "Priya Natarajan, a security expert with the Institute for Regional Studies, said the group had regrouped."
    )
    people = {f["data"]["name"]: f["data"] for f in doc._.facts if f["kind"] == "person"}
    assert people["Sami Okafor"]["role"] == "Interior Minister"
    assert people["Priya Natarajan"]["affiliation"] == "Institute for Regional Studies"
    assert "security expert" in people["Priya Natarajan"]["role"]


def test_speaker_named_where_a_long_quote_closes(quotes):
    [quote] = quotes(
        "\u201cWe will rebuild the bridge. We will reopen the road. Nobody will stop us,\u201d Governor Amina "
        "Rahimi had said at the ceremony."
    )
    assert quote["speaker"] == "Amina Rahimi"
    assert (
        quote["text"].startswith("We will rebuild the bridge.")
        and "Nobody will stop us" in quote["text"]
    )


def test_speaker_before_a_colon_in_the_paragraph_above(quotes):
    [quote] = quotes(
        "The Interior Ministry said in a statement:\n\n"
        "\u201cThe suspects were planning to attack a crowded market in the capital.\u201d"
    )
    assert quote["speaker"] == "Interior Ministry"


def test_possessive_subject_names_the_office(quotes):
    [quote] = quotes(
        'President Daniel Okoro\'s office said: "The president will not travel to the border region this week."'
    )
    assert quote["speaker"] == "President Daniel Okoro's office"


def test_police_force_as_speaker(quotes):
    [quote] = quotes(
        'The Karachi police said in a statement that "the two men were carrying explosives and forged papers."'
    )
    assert quote["speaker"] == "Karachi police"


def test_office_named_again_in_lower_case(quotes):
    [quote] = quotes(
        "The Federal Prosecutor's Office in Bern charged the man on Monday.\n\n"
        '"He had sworn loyalty to the group online," the prosecutor\'s office said.'
    )
    assert quote["speaker"] == "Federal Prosecutor's Office"
    [quote] = quotes(
        "The Ministry of Interior condemned the attack.\n"
        'In a statement, the ministry said "the perpetrators will be brought to justice soon."'
    )
    assert quote["speaker"] == "Ministry of Interior"


def test_the_statement_refers_to_the_embassy_named_before(quotes):
    [quote] = quotes(
        "The Canadian Embassy in Tashkent condemned the bombing.\nThe mission sent its condolences to the families.\n"
        "\u201cWe stand with the families of the victims and demand justice,\u201d the statement said."
    )
    assert quote["speaker"] == "Canadian Embassy in Tashkent"


def test_security_council_as_speaker(quotes):
    [quote] = quotes(
        'The UN Security Council said the attack was "a grave violation of international law and order".'
    )
    assert quote["speaker"] == "UN Security Council"


def test_short_fragment_when_the_speaker_is_named_in_the_sentence(quotes):
    [quote] = quotes(
        'Defence Minister Karim Saleh said the bombing was "carefully planned" by foreign agents.'
    )
    assert (quote["speaker"], quote["text"]) == ("Karim Saleh", "carefully planned")
    assert quotes('Police described it as a "lone wolf" attack.') == []


def test_quote_running_over_two_paragraphs(quotes):
    found = quotes(
        "\u201cThe first convoy left at dawn and reached the valley by noon.\n\n"
        "\u201cThe second convoy was stopped at the bridge and turned back,\u201d said Farid Noori, a local official."
    )
    assert [q["speaker"] for q in found] == ["Farid Noori", "Farid Noori"]
    assert found[0]["text"] == "The first convoy left at dawn and reached the valley by noon."


def test_honorific_and_initial_fold_to_one_speaker(quotes):
    [quote] = quotes(
        "Foreign Minister R Mehta condemned the attack.\n\n"
        '"This was a cowardly act against innocent worshippers," Mr Mehta said.'
    )
    assert quote["speaker"] == "R Mehta"
    [quote] = quotes(
        'Sayed Ahmad Karimi runs the clinic.\n\n"We treated forty people before midnight," Karimi told reporters.'
    )
    assert quote["speaker"] == "Sayed Ahmad Karimi"


def test_pronoun_refers_to_the_person_named_as_subject_before(quotes):
    [quote] = quotes(
        "Nadia Sultani, a teacher, was in the courtyard when the blast hit.\nThe windows shattered.\n"
        "\u201cI could not hear anything for minutes afterwards,\u201d she said."
    )
    assert quote["speaker"] == "Nadia Sultani"


def test_speaker_inverted_after_the_verb(quotes):
    [quote] = quotes('"Nobody was left inside the hall," added 40-year-old Jamal Haidar.')
    assert quote["speaker"] == "Jamal Haidar"


def test_speaker_of_the_clause_a_participle_hangs_on(quotes):
    [quote] = quotes(
        'Governor Bilal Qureshi condemned the attack, saying "the murderers will face the full force of the law."'
    )
    assert quote["speaker"] == "Bilal Qureshi"


def test_unnamed_sources_and_militant_statements_are_not_quotes(quotes):
    assert (
        quotes('"The suspects were known to us," an official said on condition of anonymity.') == []
    )
    assert (
        quotes(
            'In a statement, the Islamic State said "its fighters had struck the checkpoint at dawn."'
        )
        == []
    )


def test_ascii_marks_doubled_apostrophes_and_guillemets(quotes):
    [quote] = quotes(
        "It wasn''t clear who fired first. \"We heard shooting for an hour,\" said Omar Faizi."
    )
    assert (quote["speaker"], quote["text"]) == ("Omar Faizi", "We heard shooting for an hour,")
    [quote] = quotes(
        "Minister Paul Ndiaye said: \u00abWe will never give in to the threats of these groups.\u00bb"
    )
    assert quote["speaker"] == "Paul Ndiaye"


def test_single_marks_and_doubled_apostrophes_as_quote_marks(quotes):
    [quote] = quotes(
        "Defence Minister Karim Saleh said the bombing was \u2018carefully planned\u2019 by the cell's leaders."
    )
    assert (quote["speaker"], quote["text"]) == ("Karim Saleh", "carefully planned")
    [quote] = quotes("It wasn''t clear. ''We heard shooting for an hour,'' said Omar Faizi.")
    assert (quote["speaker"], quote["text"]) == ("Omar Faizi", "We heard shooting for an hour,")


def test_apostrophes_inside_words_open_no_quote():
    assert (
        quote_spans("The fighters' weapons and the Taliban's \u2018new tactics\u2019 were shown.")[
            0
        ].text
        == "new tactics"
    )
    assert (
        quote_spans("It wasn''t clear and they didn\u2019t say who the rebels\u2019 leaders were.")
        == []
    )


def test_quote_broken_by_page_furniture(quotes):
    found = quotes(
        "\u201cWe will rebuild every school in the district.\n\nAdvertisement\n\n"
        "And we will do it before the winter,\u201d Governor Amina Rahimi said. "
        "Later she added: \u201cThe money has already arrived from the capital.\u201d"
    )
    assert [(q["speaker"], q["text"]) for q in found] == [
        ("Amina Rahimi", "We will rebuild every school in the district."),
        ("Amina Rahimi", "And we will do it before the winter,"),
        ("Amina Rahimi", "The money has already arrived from the capital."),
    ]


def test_an_unnamed_official_of_a_named_body_is_no_speaker(quotes):
    assert (
        quotes('"We are watching the border very closely," a Foreign Ministry official said.') == []
    )


def test_a_speakers_shorter_names_fold_into_the_longest_one():
    from briefgen.extract.speakers import fold_names

    names = ["Omar", "Lina Omar", "Said Lina Omar", "Voss", "Dara Voss", "Kell", "Omar Kell"]
    assert fold_names(names) == {
        "Omar": "Said Lina Omar",
        "Lina Omar": "Said Lina Omar",
        "Said Lina Omar": "Said Lina Omar",
        "Voss": "Dara Voss",
        "Dara Voss": "Dara Voss",
        "Kell": "Omar Kell",
        "Omar Kell": "Omar Kell",
    }
