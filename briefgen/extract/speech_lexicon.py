"""The words quote rules read: speech verbs, official bodies, unnamed sources, honorifics."""

from __future__ import annotations

import re

# Speech verbs by lemma; their -s, -ed and -ing forms count too ("tweets", "stating").
SPEECH_LEMMAS = {
    "say",
    "tell",
    "add",
    "state",
    "note",
    "warn",
    "write",
    "explain",
    "observe",
    "insist",
    "argue",
    "announce",
    "declare",
    "remark",
    "comment",
    "assert",
    "express",
    "urge",
    "continue",
    "stress",
    "conclude",
    "acknowledge",
    "caution",
    "emphasise",
    "emphasize",
    "vow",
    "describe",
    "tweet",
    "quote",
    "recall",
    "recount",
    "reply",
    "accord",
}
# Verbs that are speech in the past tense only ("continued", but not "will continue to fight").
IRREGULAR = {"said", "told", "wrote", "written", "according", "continued", "called"}
# A source the text will not name: "he said on condition of anonymity".
UNNAMED = re.compile(
    r"\b(?:anonymity|not authori[sz]ed to (?:speak|talk|comment))\b", re.IGNORECASE
)
PRONOUNS = {"he", "she", "they", "it"}
DETERMINERS = {"the", "a", "an"}
# Head nouns of an official body that can speak for itself ("the Foreign Ministry said").
BODY_HEADS = {
    "police",
    "office",
    "ministry",
    "embassy",
    "consulate",
    "council",
    "court",
    "prosecutor",
    "prosecutors",
    "department",
    "directorate",
    "agency",
    "service",
    "command",
    "government",
    "commission",
    "mission",
    "team",
    "panel",
    "committee",
    "army",
    "military",
    "forces",
    "authority",
    "authorities",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "presidency",
    "secretariat",
}
# People a text leaves unnamed even when it names their employer.
UNNAMED_HEADS = {
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "officer",
    "officers",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "member",
    "members",
    "analyst",
    "analysts",
}
# What "the statement added" refers back to: the body or person quoted just before.
STATEMENT_NOUNS = {"statement", "communique", "communiqué", "release", "post", "letter", "report"}
# "the monitoring team for the UN Security Council" reads as "UN Security Council monitoring team".
BODY_OF = re.compile(r"^(?:the\s+)?(.+?)\s+(?:for|of)\s+(?:the\s+)(.+)$", re.IGNORECASE)
BODY_OF_NOUNS = {
    "team",
    "office",
    "panel",
    "committee",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mission",
}
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "capt",
    "gen",
    "col",
    "maj",
    "lt",
    "sgt",
    "sheikh",
    "mullah",
}
LOOK_BACK = 3  # sentences searched for what "the statement" refers to
PERSON_LOOK_BACK = 6  # and for whom "he said" refers to, when no quote came before
