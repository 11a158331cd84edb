"""The package's attribute ruler, applied with array operations instead of the Matcher.

English pipelines map each fine-grained tag to its coarse part of speech and morphology
with an `attribute_ruler` of about 180 one- and two-token patterns (a tag, a word, a
dependency label). spaCy's Matcher tries every pattern at every token, which cost as
much as the parser on our articles. The patterns only compare a token's own
attributes, so each one is a comparison of whole columns of `doc.to_array`; the matches
are applied in the ruler's order (a later pattern wins), and the result is the same
annotation, token for token, that the stock component writes: `build_nlp` swaps it in
only when every pattern uses what this module understands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}  # what a pattern tests
WRITE = {"POS": POS, "TAG": TAG, "DEP": DEP, "LEMMA": LEMMA, "MORPH": MORPH}  # what it sets
PREDICATES = {"IN", "NOT_IN", "REGEX"}


def supported(patterns: list[dict[str, Any]]) -> bool:
    """Whether every pattern tests and sets only attributes this module handles."""
    for entry in patterns:
        if set(entry["attrs"]) - set(WRITE):
            return False
        for pattern in entry["patterns"]:
            for spec in pattern:
                for key, value in spec.items():
                    if key not in READ:
                        return False
                    if isinstance(value, dict) and (len(value) != 1 or set(value) - PREDICATES):
                        return False
    return True


class _Test:
    """One condition on one attribute: equal to, in or not in a set of values, or a regex."""

    def __init__(self, column: int, value: Any):
        self.column, self.regex, self.negate = column, None, False
        if isinstance(value, dict):
            (op, arg), *_ = value.items()
            if op == "REGEX":
                self.regex = re.compile(arg)
                return
            self.negate = op == "NOT_IN"
            self.ids = frozenset(get_string_id(v) for v in arg)
        else:
            self.ids = frozenset([int(value) if isinstance(value, bool) else get_string_id(value)])

    def holds(self, key: tuple[int, ...], strings) -> bool:
        value = key[self.column]
        if self.regex is not None:
            return bool(self.regex.search(strings[value]))
        return (value in self.ids) != self.negate


class ArrayAttributeRuler:
    """What the rules of one token set is cached by the token's attributes (its tag,
    word, label and whether it is a space); the few rules of two tokens are checked
    only where one of their tests holds."""

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]):
        self.writes: list[dict[int, int]] = []  # rule -> {column of WRITE: value}
        # One-token patterns, filed under the tags or words they require (else under None).
        self.single: dict[tuple[int, int | None] | None, list[tuple[int, list[_Test]]]] = {}
        self.multi: list[tuple[int, list[list[_Test]], int, tuple[int, _Test | None]]] = []
        for rule, entry in enumerate(patterns):
            values = {}
            for name, value in entry["attrs"].items():
                # The stock ruler sets a morphology with Token.set_morph, which normalises it.
                morph = name == "MORPH"
                values[list(WRITE).index(name)] = (
                    nlp.vocab.morphology.add(value) if morph else nlp.vocab.strings.add(value)
                )
            self.writes.append(values)
            index = entry.get("index", 0)
            for pattern in entry["patterns"]:
                tests = [
                    [_Test(list(READ).index(k), v) for k, v in spec.items()] for spec in pattern
                ]
                if len(tests) == 1 and index in (0, -1):
                    anchor = _anchor(tests[0])
                    for value in anchor.ids if anchor else [None]:
                        where = (anchor.column, value) if anchor else None
                        self.single.setdefault(where, []).append((rule, tests[0]))
                else:
                    anchored = [(k, a) for k, spec in enumerate(tests) if (a := _anchor(spec))]
                    offset, anchor = min(
                        anchored,
                        key=lambda found: found[1].column != 1,  # a word is the rarest
                        default=(0, None),
                    )
                    self.multi.append((rule, tests, index, (offset, anchor)))
        self.cache: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}

    def _lookup(self, key: tuple[int, ...], strings) -> tuple:
        """(rules matched, (column, value) pairs they set) for a token's attributes."""
        found = self.cache.get(key)
        if found is None:
            candidates = [
                *self.single.get(None, []),
                *(
                    c
                    for column in range(len(key))
                    for c in self.single.get((column, key[column]), [])
                ),
            ]
            rules = tuple(
                sorted({r for r, tests in candidates if all(t.holds(key, strings) for t in tests)})
            )
            found = (rules, self._writes(rules))
            if len(self.cache) > CACHE_SIZE:
                self.cache.clear()
            self.cache[key] = found
        return found

    def _writes(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        out: dict[int, int] = {}
        for rule in rules:  # in the ruler's order: a later rule wins
            out.update(self.writes[rule])
        return tuple(out.items())

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        array = doc.to_array(list(READ.values()))
        keys = list(map(tuple, array.tolist()))
        found = [self._lookup(key, strings) for key in keys]
        # Every rule matches against the attributes as they were, before any is applied.
        for rule, tests, index, (offset, anchor) in self.multi:
            width = len(tests)
            starts: Iterable[int] = range(len(keys) - width + 1)
            if anchor is not None:
                hits = numpy.flatnonzero(numpy.isin(array[:, anchor.column], list(anchor.ids)))
                starts = [int(i) - offset for i in hits if 0 <= i - offset <= len(keys) - width]
            for start in starts:
                if all(
                    t.holds(keys[start + k], strings) for k, spec in enumerate(tests) for t in spec
                ):
                    at = start + (index if index >= 0 else width + index)
                    rules = tuple(sorted({*found[at][0], rule}))
                    found[at] = (rules, self._writes(rules))
        if not any(writes for _, writes in found):
            return doc
        values = doc.to_array(list(WRITE.values())).tolist()
        used: set[int] = set()
        for row, (_, writes) in zip(values, found, strict=True):
            for column, value in writes:
                row[column] = value
                used.add(column)
        columns = sorted(used)
        written = numpy.array([[row[c] for c in columns] for row in values], dtype="uint64")
        doc.from_array([list(WRITE.values())[c] for c in columns], written)  # type: ignore[arg-type]
        return doc


def _anchor(tests: list[_Test]) -> _Test | None:
    """A test that requires one of a few values (of a word rather than a tag), if any."""
    plain = [t for t in tests if t.regex is None and not t.negate]
    return min(plain, key=lambda t: (t.column != 1, len(t.ids)), default=None)


CACHE_SIZE = 200_000  # token keys (tag, word, label, space) remembered


@Language.factory("briefgen_attributes", default_config={"patterns": []})
def make_attribute_ruler(
    nlp: Language, name: str, patterns: list[dict[str, Any]]
) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp, patterns)
