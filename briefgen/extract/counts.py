"""One number phrase with its hedge: "at least 21", "some 170", "dozens", "10 to 15".

`parse_count(phrase)` reads it into a `Count`. Conventions (the project's gold standard):

* "at least / more than / over N" -> min N, max None, approx False.
* "some / about / nearly / up to N" -> min = max = N, approx True.
* "N to M" / "between N and M" / "N-M" -> min N, max M.
* Vague plurals take the conservative figure, as ACLED does for "dozens" (12):
  one unit of the word, open above. "tens" 10, "dozens" 12, "scores" 20,
  "hundreds" 100, "thousands" 1000, "tens of thousands" 10000 ->
  min = that, max None, approx True. "a dozen" is 12, approx True.
* "several", "many", "a few", "a number of" are not numbers -> None.
"""

from __future__ import annotations

import re

from briefgen.dates import UNIT_WORDS
from briefgen.models import Count

_UNITS = UNIT_WORDS
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
COUNT_PATTERN = re.compile(COUNT_RE)
# The same without group names, to repeat inside the sentence patterns.
COUNT_ANON_RE = re.sub(r"\(\?P<\w+>", "(?:", COUNT_RE)


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


def count_from_match(m: re.Match[str]) -> Count | None:
    """Build a Count from a `COUNT_PATTERN` match (groups as named in COUNT_RE)."""
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
    m = COUNT_PATTERN.match(text)
    if not m or not m.group(0):
        return None
    rest = text[m.end() :]
    if rest and not re.match(r"\s|[.,;:!?)]|$", rest):
        return None
    return count_from_match(m)
