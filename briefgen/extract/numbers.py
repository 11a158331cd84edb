"""Casualty counts from sentences: "killing at least 21 people and wounding 50".

`find_casualties(sentence)` finds the killed and wounded figures a sentence
states, counting victims only; each figure is read by `counts.parse_count`.

Conventions (the project's gold standard):

* A toll split by group ("some 170 Afghans and 13 US soldiers") is summed; the
  sum is approximate if any part is, and open above if any part is.
* Attackers (gunmen, bombers, militants...) are not victims; counts of things
  ("190 suicide bombings", "two weeks"), years, ages and times are not counts.
* "No one was killed" / "no casualties" state zero -> Count(0, 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefgen.dates import MONTHS
from briefgen.extract.counts import COUNT_ANON_RE, COUNT_PATTERN, count_from_match
from briefgen.models import Count

# --------------------------------------------------------------------------
# Who was counted
# --------------------------------------------------------------------------

# Perpetrators: never victims.
_ATTACKERS = set(
    "attacker attackers gunman gunmen bomber bombers militant militants insurgent insurgents "
    "terrorist terrorists assailant assailants jihadist jihadists extremist extremists "
    "fighter fighters rebel rebels hijacker hijackers kidnapper kidnappers perpetrator "
    "perpetrators suspect suspects shooter shooters raider raiders combatants jihadis "
    "insurgency".split()
)
# Counted things that are not people.
_THINGS = set(
    "bombing bombings attack attacks blast blasts explosion explosions incident incidents "
    "week weeks day days month months year years hour hours minute minutes second seconds "
    "time times percent per cent car cars vehicle vehicles house houses home homes building "
    "buildings shop shops village villages district districts province provinces rocket "
    "rockets missile missiles mortar mortars shell shells drone drones bomb bombs ied ieds km "
    "kilometres kilometers miles metres meters rounds dollars am pm a.m. p.m. o'clock "
    "operations raids strikes airstrikes cases countries cities towns animals cattle horses "
    "mosques churches schools hospitals checkpoints posts occasions decades centuries plots "
    "shootings killings murders deaths injuries fatalities casualties lives".split()
)
_PEOPLE = set(
    "people persons person civilian civilians soldier soldiers troops police policeman "
    "policemen policewoman personnel children child women woman men man boys boy girls girl "
    "staff crew guests pilgrims fans kids babies infants victims victim family relatives "
    "others them whom those these youths nationals citizens members worshippers worshipers "
    "passengers students residents guards officers workers villagers bystanders journalists "
    "tourists".split()
)
# Words that end a noun chain ("21 in Kabul", "13 and wounded 50").
_STOP = (
    r"and|or|but|in|on|at|by|near|from|with|after|before|during|when|while|as|"
    r"including|who|which|that|were|was|are|is|have|has|had|been|be|being|got|"
    r"reportedly|also|later|killed|dead|died|wounded|injured|hurt|slain|the|a|an|"
    r"to|for|since|across|inside|outside|last|this|said|according|lost|perished|"
    r"shot|gunned|murdered|massacred|executed|beheaded|maimed|left|leaving|"
    r"injuring|wounding|killing|among|of"
)
# A word, or an abbreviation such as "U.S." (its final dot kept).
_CHAIN_WORD = (
    rf"(?!(?:{_STOP})\b)[A-Za-z](?:[A-Za-z'’]|\.(?=[A-Za-z]))*(?:(?<=\.[A-Za-z])\.)?(?![A-Za-z'’])"
)
# One counted group: "at least 21 people", "13 American soldiers", "five of them".
ITEM_RE = (
    rf"(?:{COUNT_ANON_RE})"
    r"(?:\s+of(?:\s+(?:them|whom|those|these|the\s+[A-Za-z]+))?)?"
    rf"(?:\s+{_CHAIN_WORD}){{0,3}}"
)
_ITEM = re.compile(ITEM_RE)

_KILL_WORDS = (
    r"killed|dead|died|slain|murdered|massacred|executed|beheaded|perished|martyred|shot\s+dead"
    r"|gunned\s+down|lost\s+their\s+lives"
)
_WOUND_WORDS = r"wounded|injured|hurt|maimed|hospitali[sz]ed"
_AUX = r"(?:\s+(?:were|was|are|is|have|has|had|been|being|got|also|reportedly|later|all|confirmed|reported))*"


def _list_re(other: str) -> str:
    """Groups joined by "and"/","; a group followed by the other kind's verb
    ("killed 21 people and 50 wounded") is left out of the list."""
    stop_other = rf"(?!(?:\s+{_CHAIN_WORD}){{0,3}}{_AUX}\s+(?:{other})\b)"
    return (
        rf"(?P<list>{ITEM_RE}{stop_other}"
        rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+){ITEM_RE}{stop_other})*)"
    )


# Patterns that open with the count are slow to try at every position; they
# are only tried in the 200 characters before each occurrence of their verb.
_ANCHORS: dict[int, re.Pattern[str]] = {}  # by id(): hashing a Pattern is slow


def _anchor(pattern: re.Pattern[str], verbs: str) -> re.Pattern[str]:
    _ANCHORS[id(pattern)] = re.compile(rf"\b(?:{verbs})\b")
    return pattern


# Passive patterns: their list may start with the object of an active verb
# ("killed 21 people and 50 were wounded"); _list_count drops that group.
_PASSIVE: set[int] = set()  # ids of the passive patterns
_ACTIVE_VERB = re.compile(
    r"(?:kill|wound|injur|maim|slay|slew|murder|massacr|martyr|execut|behead|left|leav)\w*$"
)


def _patterns(verbs: str, active: str, other: str) -> list[re.Pattern[str]]:
    lst = _list_re(other)
    # passive / bare: "21 people were killed", "at least 60 dead",
    # "21 people, most of them civilians, were killed"
    # "three people including two children were killed" counts the three
    passive = re.compile(
        rf"{lst}(?:\s*,[^,]{{1,60}},|\s+including\s+[^,.;]{{1,50}}?)?{_AUX}\s+(?:{verbs})\b"
    )
    _PASSIVE.add(id(passive))
    _anchor(passive, verbs)
    return [
        # active: "killing at least 21 people", "a bombing that killed 13"
        re.compile(rf"\b(?:{active})\s+(?:(?:himself|herself|themselves)\s+and\s+)?{lst}"),
        passive,
    ]


_KILL_PATTERNS = [
    # toll: "the death toll rose to 137", "raising the toll to 95", "a toll of 95"
    re.compile(
        r"\b(?:death\s+|fatality\s+)?toll\b(?:\s+[\w']+){0,4}?\s+(?:to|at|of|reached|hit|is|was)\s+"
        + _list_re(_WOUND_WORDS),
    ),
    # "the death toll from the bombing at the mosque ... has risen to 100": a revised toll
    re.compile(
        r"\b(?:death\s+|fatality\s+)?toll\b[^.;]{0,200}?\b(?:rose|risen|climbed|jumped|increased|mounted|reached)\s+(?:to\s+)?"
        + _list_re(_WOUND_WORDS),
    ),
    # "the number of dead rose to 40"
    re.compile(
        r"\bnumber\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed|those\s+killed)\b(?:\s+[\w']+){0,3}?\s+(?:to|at|is|was)\s+"
        + _list_re(_WOUND_WORDS),
    ),
    # "claimed the lives of at least 133 people", "took the lives of 5"
    re.compile(
        r"\b(?:claim\w*|t[ao]ok|taking|cost\w*)\s+the\s+lives\s+of\s+" + _list_re(_WOUND_WORDS)
    ),
    # "claimed 21 lives", "cost 5 lives"
    re.compile(r"\b(?:claim\w*|t[ao]ok|taking|cost\w*)\s+(?P<list>" + ITEM_RE + r")\s+lives\b"),
    # "caused 21 deaths", "21 fatalities"
    _anchor(
        re.compile(r"(?P<list>" + ITEM_RE + r")\s+(?:deaths|fatalities)\b"), "deaths|fatalities"
    ),
    # "left at least 21 dead", "leaving 13 people killed"
    re.compile(r"\b(?:left|leav\w+)\s+" + _list_re(_WOUND_WORDS) + r"\s+(?:dead|killed)\b"),
    *_patterns(
        _KILL_WORDS,
        r"kill(?:ed|ing|s)?|sl(?:ew|aying)|murder(?:ed|ing)|massacr(?:ed|ing)|shot\s+dead|"
        r"gunned\s+down|executed|executing|behead(?:ed|ing)|martyr(?:ed|ing)",
        _WOUND_WORDS,
    ),
]
_WOUND_PATTERNS = [
    # "the number of injured rose to 50"
    re.compile(
        r"\bnumber\s+of\s+(?:the\s+)?(?:injured|wounded|injuries|people\s+injured|people\s+wounded)\b(?:\s+[\w']+){0,3}?\s+(?:to|at|is|was)\s+"
        + _list_re(_KILL_WORDS),
    ),
    # "caused 50 injuries"
    _anchor(re.compile(r"(?P<list>" + ITEM_RE + r")\s+injuries\b"), "injuries"),
    # "left 21 dead and 50 injured" is caught by the bare pattern below.
    *_patterns(_WOUND_WORDS, r"wound(?:ed|ing|s)?|injur(?:ed|ing|es)|maim(?:ed|ing)", _KILL_WORDS),
]
# Explicit zero: "no one was killed", "there were no casualties".
_ZERO_KILLED = re.compile(
    r"\b(?:no\s*(?:one|body)|none)\s+(?:\w+\s+){0,2}?(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|hurt\s+or\s+killed)\b|\bno\s+(?:deaths|fatalities|casualties)\b"
)
# A single named victim: "a policeman was killed", "an officer was wounded".
_SINGLE = (
    r"\b(?:a|an)\s+(?:[A-Za-z-]+\s+){0,2}?(?:person|civilian|soldier|policeman|policewoman|"
    r"police\s+officer|officer|child|boy|girl|woman|man|student|worshipp?er|guard|"
    r"journalist|tourist|resident|passenger|pilgrim|worker|villager|bystander|teacher|"
    r"doctor|nurse|driver|farmer|shopkeeper|member\s+of\s+[\w\s]{1,30}?)"
    r"\s+(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?"
)
_SINGLE_KILLED = re.compile(_SINGLE + r"(?:killed|shot\s+dead|slain|murdered|beheaded)\b")
_SINGLE_WOUNDED = re.compile(_SINGLE + r"(?:wounded|injured|hurt)\b")
_ZERO_WOUNDED = re.compile(
    r"\b(?:no\s*(?:one|body)|none)\s+(?:\w+\s+){0,2}?(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:injured|wounded|hurt)\b|\bno\s+(?:injuries|casualties)\b"
)

_MONTHS = frozenset(MONTHS)
# A number right after these is a date, an age, an identifier... not a count.
_NOT_COUNT_BEFORE = _MONTHS | {
    "no",
    "no.",
    "number",
    "route",
    "flight",
    "resolution",
    "article",
    "page",
    "aged",
    "age",
    "ages",
    "highway",
    "road",
    "sector",
    "block",
    "phase",
    "chapter",
    "unit",
    "brigade",
    "battalion",
    "platoon",
    "division",
    "corps",
}


def _item_count(item: str, before: str) -> Count | None:
    """The Count of one group ("at least 21 people"), or None when it is not a
    count of victims; `before` is the sentence text preceding the group."""
    count_m = COUNT_PATTERN.match(item)
    if not count_m:
        return None
    # "one of nine people killed": the nine are the toll, the one is a victim singled out.
    whole = re.match(r"\s+of\s+", item[count_m.end() :])
    if whole and COUNT_PATTERN.match(item[count_m.end() + whole.end() :]):
        return _item_count(item[count_m.end() + whole.end() :], before)
    words = before.split()
    prev = words[-1].lower().strip(",(") if words else ""
    if prev in _NOT_COUNT_BEFORE:
        return None  # "on March 21 killed", "aged 25", "no one was killed"
    if len(words) >= 2 and prev == "the" and words[-2].lower() == "of":
        return None  # "of the 30 passengers, 12 were killed": 30 is the total
    head = None
    for word in re.findall(r"[a-z][a-z'’.]*", item[count_m.end() :].lower()):
        word = word.rstrip(".")
        if word in _ATTACKERS or word in _THINGS:
            return None  # "four gunmen", "190 suicide bombings", "two weeks"
        if word in _PEOPLE:
            head = word
            break
    if head is None and re.fullmatch(r"(?:1[89]|20)\d\d", count_m.group(0).strip()):
        return None  # a bare year ("in 2014 killed")
    return count_from_match(count_m)


def _sum(counts: list[Count]) -> Count | None:
    """Sum a toll split by group; open above or approximate if any part is."""
    if not counts:
        return None
    if len(counts) == 1:
        return counts[0]
    if any(c.min is None for c in counts):
        return None
    low = sum(c.min for c in counts)  # type: ignore[misc]
    high = None if any(c.max is None for c in counts) else sum(c.max for c in counts)  # type: ignore[misc]
    return Count(low, high, any(c.approx for c in counts))


def _list_count(m: re.Match[str], text: str) -> Count | None:
    """Count of a matched list of groups, attackers and things left out."""
    start, span = m.start("list"), m.group("list")
    parts = []
    skip_first = id(m.re) in _PASSIVE and bool(_ACTIVE_VERB.search(text[:start].rstrip()))
    for index, item in enumerate(_ITEM.finditer(span)):
        if index == 0 and skip_first:
            continue  # "killed 21 people and 50 were wounded": 21 is killed's
        if index > 0 and re.search(r"\bof\s+(?:them|whom|those|these)\b", item.group(0)):
            continue  # "21 people, 5 of them children": a subset, not a new group
        if item.group(0).strip():
            count = _item_count(item.group(0), text[: start + item.start()])
            if count is not None:
                parts.append(count)
    return _sum(parts)


def _matches(pattern: re.Pattern[str], text: str) -> Any:
    anchor = _ANCHORS.get(id(pattern))
    if anchor is None:
        yield from pattern.finditer(text)
        return
    for verb in anchor.finditer(text):
        yield from pattern.finditer(text, max(0, verb.start() - 200), verb.end())


def _first(patterns: list[re.Pattern[str]], text: str) -> Count | None:
    """The first pattern (in priority order) that yields a count wins;
    within a pattern, the leftmost match."""
    for pattern in patterns:
        for m in _matches(pattern, text):
            count = _list_count(m, text)
            if count is not None:
                return count
    return None


# Any casualty word at all; a quick test before the costly patterns.
_KEYWORDS = re.compile(
    r"kill|dead|died|death|slain|slew|slay|murder|massacr|martyr|execut|behead|perish|"
    r"shot|gunned|lives|toll|fatalit|wound|injur|hurt|maim|hospitali|casualt",
)


@dataclass(frozen=True)
class Casualties:
    """Victims a sentence states: killed and wounded, each None when unstated."""

    killed: Count | None = None
    wounded: Count | None = None


def find_casualties(sentence: str) -> Casualties:
    """Killed and wounded victims stated in one sentence."""
    if not isinstance(sentence, str) or not sentence.strip():
        return Casualties()
    return _casualties(sentence)


@lru_cache(maxsize=2048)  # several rules ask about the same sentence
def _casualties(sentence: str) -> Casualties:
    # Lower case: the patterns are written in lower case, and matching without
    # re.IGNORECASE is several times faster in CPython's engine.
    text = " ".join(sentence.lower().replace("\u2013", "-").split())[:2000]
    if not _KEYWORDS.search(text):
        return Casualties()  # most sentences: no need to run the patterns
    killed = _first(_KILL_PATTERNS, text)
    wounded = _first(_WOUND_PATTERNS, text)
    if killed is None and _SINGLE_KILLED.search(text):
        killed = Count(1, 1)
    if wounded is None and _SINGLE_WOUNDED.search(text):
        wounded = Count(1, 1)
    if killed is None and _ZERO_KILLED.search(text):
        killed = Count(0, 0)
    if wounded is None and _ZERO_WOUNDED.search(text):
        wounded = Count(0, 0)
    return Casualties(killed, wounded)
