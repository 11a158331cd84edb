"""Casualty counts from sentences: "killing at least 21 people and wounding 50".

Two public functions:

* `parse_count(phrase)` reads one number phrase with its hedge ("at least 21",
  "some 170", "dozens", "10 to 15") into a `Count`.
* `find_casualties(sentence)` finds the killed and wounded figures a sentence
  states, counting victims only.

Conventions (the project's gold standard):

* "at least / more than / over N" -> min N, max None, approx False.
* "some / about / nearly / up to N" -> min = max = N, approx True.
* "N to M" / "between N and M" / "N-M" -> min N, max M.
* Vague plurals take the conservative figure, as ACLED does for "dozens" (12):
  one unit of the word, open above. "tens" 10, "dozens" 12, "scores" 20,
  "hundreds" 100, "thousands" 1000, "tens of thousands" 10000 ->
  min = that, max None, approx True. "a dozen" is 12, approx True.
* "several", "many", "a few", "a number of" are not numbers -> None.
* A toll split by group ("some 170 Afghans and 13 US soldiers") is summed; the
  sum is approximate if any part is, and open above if any part is.
* Attackers (gunmen, bombers, militants...) are not victims; counts of things
  ("190 suicide bombings", "two weeks"), years, ages and times are not counts.
* "No one was killed" / "no casualties" state zero -> Count(0, 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefgen.dates import MONTHS
from briefgen.models import Count

# --------------------------------------------------------------------------
# Number words
# --------------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals -> the conservative figure (see module docstring).
_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}

_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "dozen", "score"], key=len, reverse=True))
# "twenty-one", "two hundred and fifty", "a dozen", "half a dozen", "a hundred"
_WORDS_RE = rf"(?:half\s+a\s+dozen|(?:an?\s+)?(?:{_WORD})(?:(?:\s+and\s+|[\s-])(?:{_WORD}))*)"
# "1,300", "21", "1.5 million", "2 thousand"
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:hundred|thousand|million))?"
# "tens of thousands", "dozens", "hundreds"
_VAGUE_RE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|tens|dozens|scores|hundreds|thousands)"
)
# A single number: not glued to other digits, dates, times, ages or percentages.
_NUM_TAIL = rf"(?:{_DIGITS_RE}|{_WORDS_RE})(?![\w%:/]|[.,]\d|-[a-z]|-\d+[-/])"
_NUM = rf"(?<![\w.,:/$£€#-]){_NUM_TAIL}"

_HEDGE_MIN = (
    r"at\s+least|more\s+than|over|upwards\s+of|no\s+fewer\s+than|no\s+less\s+than|"
    r"not\s+less\s+than|in\s+excess\s+of|a\s+minimum\s+of|a\s+total\s+of\s+at\s+least"
)
_HEDGE_APPROX = (
    r"some|about|around|roughly|approximately|an\s+estimated|estimated|nearly|"
    r"almost|close\s+to|as\s+many\s+as|up\s+to|approx\.?|an\s+approximate|a\s+reported"
)
_HEDGE_MAX = r"fewer\s+than|less\s+than|under"

# A hedged number phrase; the groups tell parse_count which form it is.
# The words a count can start with; a cheap lookahead that rules out most
# positions before the full pattern is tried (find_casualties speed).
_FIRST_WORDS = sorted(
    {
        "at",
        "more",
        "over",
        "upwards",
        "no",
        "not",
        "in",
        "a",
        "an",
        "some",
        "about",
        "around",
        "roughly",
        "approximately",
        "approx",
        "estimated",
        "nearly",
        "almost",
        "close",
        "as",
        "up",
        "fewer",
        "less",
        "under",
        "between",
        "half",
        "tens",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        *_UNITS,
        *_TENS,
        *_SCALES,
        "dozen",
        "score",
    },
    key=len,
    reverse=True,
)
COUNT_RE = (
    r"(?<![\w'’-])(?=\d|(?:" + "|".join(_FIRST_WORDS) + r")\b)"
    r"(?:(?P<hmin>" + _HEDGE_MIN + r")\s+|(?P<happrox>" + _HEDGE_APPROX + r")\s+|"
    r"(?P<hmax>" + _HEDGE_MAX + r")\s+)?"
    r"(?:between\s+(?P<lo>" + _NUM + r")\s+and\s+(?P<hi>" + _NUM + r")"  # between 10 and 15
    r"|(?P<lo2>" + _NUM + r")\s*(?:-|–|—|to)\s*(?P<hi2>" + _NUM_TAIL + r")"  # 10 to 15 / 10-15
    r"|(?P<vague>" + _VAGUE_RE + r")(?![\w-])"  # dozens
    r"|(?P<num>" + _NUM + r"))"  # 21
    r"(?P<suffix>\s+or\s+more|\s*-?plus\b|\+|\s+or\s+so\b)?"
)
_COUNT = re.compile(COUNT_RE)
# The same without group names, to repeat inside the sentence patterns.
_COUNT_ANON = re.sub(r"\(\?P<\w+>", "(?:", COUNT_RE)


def _word_value(text: str) -> int | None:
    """Value of a number in words or digits: "two hundred and fifty" -> 250."""
    text = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        value = float(text)
        return int(value) if value.is_integer() else None
    if text.startswith("half a dozen"):
        return 6
    total: float = 0
    current: float = 0
    seen = False
    for token in re.split(r"[\s-]+", text):
        if token in ("a", "an"):
            current = max(current, 1)
        elif token == "and":
            continue
        elif token in _UNITS:
            current += _UNITS[token]
            seen = True
        elif token in _TENS:
            current += _TENS[token]
            seen = True
        elif token in ("dozen", "score"):
            current = max(current, 1) * (12 if token == "dozen" else 20)
            seen = True
        elif token in _SCALES:
            scale = _SCALES[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
            seen = True
        elif re.fullmatch(r"\d+(?:\.\d+)?", token):
            current = float(token)  # "1.5 million"
            seen = True
        else:
            return None
    value = total + current
    return int(value) if seen and float(value).is_integer() else None


def _vague_value(text: str) -> int:
    words = text.lower().split()
    value = _VAGUE[words[0]]
    if len(words) > 1:  # "tens of thousands" -> 10 * 1000
        value *= 1000 if words[-1] == "thousands" else 1_000_000
    return value


def _count_from_match(m: re.Match[str]) -> Count | None:
    """Build a Count from a `_COUNT` match (groups as named in COUNT_RE)."""
    suffix = (m.group("suffix") or "").strip().lower()
    approx = bool(m.group("happrox")) or suffix == "or so"
    if m.group("vague"):
        return Count(_vague_value(m.group("vague")), None, True)
    lo_text = m.group("lo") or m.group("lo2")
    if lo_text:
        lo, hi = _word_value(lo_text), _word_value(m.group("hi") or m.group("hi2"))
        if lo is None or hi is None or hi < lo:
            return None
        return Count(lo, hi, approx)
    value = _word_value(m.group("num"))
    if value is None:
        return None
    raw = m.group("num").lower()
    if raw.startswith(("a ", "an ", "half")) and ("dozen" in raw or "score" in raw):
        approx = True  # "a dozen" is a loose figure
    if m.group("hmin") or suffix in ("or more", "plus", "-plus", "+"):
        return Count(value, None, False)
    if m.group("hmax"):  # "fewer than 10" -> up to 9
        return Count(None, max(value - 1, 0), False)
    return Count(value, value, approx)


def parse_count(phrase: str) -> Count | None:
    """Read a number phrase with its hedge; trailing nouns are allowed.

    >>> parse_count("at least 21")
    Count(min=21, max=None, approx=False)
    """
    if not isinstance(phrase, str):
        return None
    text = " ".join(phrase.lower().replace("\u2013", "-").split())
    m = _COUNT.match(text)
    if not m or not m.group(0):
        return None
    rest = text[m.end() :]
    if rest and not re.match(r"\s|[.,;:!?)]|$", rest):
        return None
    return _count_from_match(m)


# --------------------------------------------------------------------------
# Who was counted
# --------------------------------------------------------------------------

# Perpetrators: never victims.
_ATTACKERS = {
    "attacker",
    "attackers",
    "gunman",
    "gunmen",
    "bomber",
    "bombers",
    "militant",
    "militants",
    "insurgent",
    "insurgents",
    "terrorist",
    "terrorists",
    "assailant",
    "assailants",
    "jihadist",
    "jihadists",
    "extremist",
    "extremists",
    "fighter",
    "fighters",
    "rebel",
    "rebels",
    "hijacker",
    "hijackers",
    "kidnapper",
    "kidnappers",
    "perpetrator",
    "perpetrators",
    "suspect",
    "suspects",
    "shooter",
    "shooters",
    "raider",
    "raiders",
    "combatants",
    "jihadis",
    "insurgency",
}
# Counted things that are not people.
_THINGS = {
    "bombing",
    "bombings",
    "attack",
    "attacks",
    "blast",
    "blasts",
    "explosion",
    "explosions",
    "incident",
    "incidents",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "time",
    "times",
    "percent",
    "per",
    "cent",
    "car",
    "cars",
    "vehicle",
    "vehicles",
    "house",
    "houses",
    "home",
    "homes",
    "building",
    "buildings",
    "shop",
    "shops",
    "village",
    "villages",
    "district",
    "districts",
    "province",
    "provinces",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "mortar",
    "mortars",
    "shell",
    "shells",
    "drone",
    "drones",
    "bomb",
    "bombs",
    "ied",
    "ieds",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "rounds",
    "dollars",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "o'clock",
    "operations",
    "raids",
    "strikes",
    "airstrikes",
    "cases",
    "countries",
    "cities",
    "towns",
    "animals",
    "cattle",
    "horses",
    "mosques",
    "churches",
    "schools",
    "hospitals",
    "checkpoints",
    "posts",
    "occasions",
    "decades",
    "centuries",
    "plots",
    "shootings",
    "killings",
    "murders",
    "deaths",
    "injuries",
    "fatalities",
    "casualties",
    "lives",
}
_PEOPLE = {
    "people",
    "persons",
    "person",
    "civilian",
    "civilians",
    "soldier",
    "soldiers",
    "troops",
    "police",
    "policeman",
    "policemen",
    "policewoman",
    "personnel",
    "children",
    "child",
    "women",
    "woman",
    "men",
    "man",
    "boys",
    "boy",
    "girls",
    "girl",
    "staff",
    "crew",
    "guests",
    "pilgrims",
    "fans",
    "kids",
    "babies",
    "infants",
    "victims",
    "victim",
    "family",
    "relatives",
    "others",
    "them",
    "whom",
    "those",
    "these",
    "youths",
    "nationals",
    "citizens",
    "members",
    "worshippers",
    "worshipers",
    "passengers",
    "students",
    "residents",
    "guards",
    "officers",
    "workers",
    "villagers",
    "bystanders",
    "journalists",
    "tourists",
}
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
    rf"(?:{_COUNT_ANON})"
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
    count_m = _COUNT.match(item)
    if not count_m:
        return None
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
    return _count_from_match(count_m)


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
