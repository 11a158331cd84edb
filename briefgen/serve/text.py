"""Article text cut into pieces for the review pages: an excerpt around a source's
evidence sentence, and the whole text with every extracted fact marked.

Pieces are plain strings; the templates escape them (autoescape), so an article's
`<script>` is shown as text, never run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.models import Fact

AROUND = 240  # characters of context each side of an evidence sentence


@dataclass
class Piece:
    text: str
    facts: list[Fact] = field(default_factory=list)  # the facts whose span covers it
    evidence: bool = False  # the sentence an excerpt is cut around

    @property
    def marked(self) -> bool:
        return self.evidence or bool(self.facts)


def excerpt(text: str, start: int, end: int, around: int = AROUND) -> list[Piece]:
    """The sentence [start, end) marked, with up to `around` characters each side,
    cut at a space so no word is split; an ellipsis says where text was left out."""
    first = max(0, start - around)
    last = min(len(text), end + around)
    if first > 0:
        space = text.find(" ", first, start)
        first = space + 1 if space >= 0 else first
    if last < len(text):
        space = text.rfind(" ", end, last)
        last = space if space >= 0 else last
    before = ("…" if first > 0 else "") + text[first:start]
    after = text[end:last] + ("…" if last < len(text) else "")
    return [Piece(before), Piece(text[start:end], evidence=True), Piece(after)]


def marked_text(text: str, facts: list[Fact]) -> list[Piece]:
    """The whole text in pieces at every fact boundary; each piece lists the facts
    that cover it (facts of one sentence overlap, so a piece may have several)."""
    spans = [f for f in facts if 0 <= f.start < f.end <= len(text)]
    cuts = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans)})
    pieces = []
    for first, last in zip(cuts, cuts[1:], strict=False):
        covering = [f for f in spans if f.start <= first and last <= f.end]
        pieces.append(Piece(text[first:last], covering))
    return pieces
