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
