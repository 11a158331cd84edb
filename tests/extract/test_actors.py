"""Alias folding: the gazetteer wins over the statistical NER, case and possessives fold."""

import pytest

from briefgen.actors import ActorIndex, normalise_alias


@pytest.fixture(scope="module")
def actors_in(nlp):
    def run(text):
        doc = nlp(text)
        return [f["actors"] for f in doc._.facts if f["kind"] == "mention"]

    return run


@pytest.mark.parametrize(
    "alias",
    [
        "ISIS-K",
        "ISKP",
        "IS-KP",
        "ISIS-Khorasan",
        "Islamic State Khorasan Province",
        "Islamic State-Khorasan",
        "Islamic State of Khorasan Province",
        "Wilayat Khurasan",
        "islamic state khorasan province",
    ],
)
def test_isk_aliases_fold_to_one_name(actors_in, alias):
    assert actors_in(f"Officials blamed {alias} for the unrest.") == [["IS-K"]]


def test_possessive_and_parent_group(actors_in):
    assert actors_in("IS-K's leaders met Daesh envoys.") == [["IS-K", "Islamic State"]]


def test_short_acronyms_match_only_as_written(actors_in):
    assert actors_in("It is what it is, and us too.") == []
    assert actors_in("IS claimed it and the US condemned it.") == [
        ["Islamic State", "United States"]
    ]


def test_branch_words_name_the_branch(actors_in):
    facts = actors_in("ISIS-K is growing.\nThe ISIS affiliate struck again, analysts said.")
    assert facts[1] == ["IS-K"]


def test_article_declared_alias(actors_in):
    facts = actors_in(
        "The Islamic State Khorasan Province is gaining ground.\n"
        "Also referred to as Daesh, the group challenges the Taliban.\n"
        "Daesh fighters attacked a convoy."
    )
    assert facts[-1] == ["IS-K"]


def test_index_resolves_any_alias(config):
    index = ActorIndex.from_config(config.actors)
    assert index.resolve("ISKP") == "IS-K"
    assert index.resolve("the Islamic Emirate") == "Taliban"
    assert index.resolve("Pakistani Taliban") == "TTP"
    assert index.resolve("Hezbollah") is None
    assert normalise_alias("IS-K's") == normalise_alias("IS-K")


def test_hard_wrapped_lines_do_not_break_sentences(nlp):
    text = (
        "Officials in the eastern province said on Monday that a suicide bomber had struck\n"
        "a crowded market in Jalalabad, killing at least 12 people and wounding 30 others.\n"
        "Short headline\n"
        "The Taliban said ISIS-K was behind it."
    )
    doc = nlp(text)
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0].endswith("wounding 30 others.")
    assert sentences[1] == "Short headline"
