"""Long articles as a stream of bounded chunks, cut at paragraph ends.

A report-length text parsed as one spaCy Doc costs memory in proportion to its
length, and the document-level rules (merging mentions, pairing quotes with
speakers) work on one Doc at a time. Cut into chunks of about 5,000
characters, each chunk is a Doc of bounded size and the article costs the sum
of its chunks: linear time, flat memory.

Cuts fall at paragraph ends, so the sentences of one event stay together. A
chunk is also parsed with some context on each side: the paragraph before its
start ("The group said ..." still reaches the group named just before the cut)
and the paragraph after its end (a claim stated after the cut still joins the
attack before it). Facts found in the context belong to the neighbouring chunk
and are dropped, so each sentence's facts come from exactly one chunk. Offsets
are into the original text, so evidence spans stay exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
# Fallbacks for a paragraph longer than a chunk: a line break, a sentence end, a space.
BREAKS = (re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])[\"'”’)]*\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Chunk:
    offset: int  # where `text` starts in the article
    own: int  # where, in `text`, the chunk's own part starts (before it: context)
    own_end: int  # where, in `text`, the chunk's own part ends (after it: context)
    text: str


# The size of the chunks of a text longer than the limit: about what a long news
# article is. A chunk's events are merged like one article's (the same place and
# day, a toll stated twice): in bigger chunks, separate incidents of a report told
# far apart would fold into one.
CHUNK_CHARS = 5_000
# Context on each side of a chunk: one paragraph, at most this long. It is parsed
# twice (as context, then in its own chunk), so it stays a small part of a chunk.
CONTEXT_CHARS = 1_000


def split(text: str, limit: int, context: int | None = None) -> Iterator[Chunk]:
    """The text whole up to `limit` characters; beyond, chunks of at most CHUNK_CHARS
    (or `limit` if smaller), plus a paragraph of up to `context` characters on each
    side (CONTEXT_CHARS, at most a fifth of a chunk).

    One pass over the text: each cut is searched for in a window of one chunk.
    """
    if len(text) > limit:
        limit = min(limit, CHUNK_CHARS)
    context = min(limit // 5, CONTEXT_CHARS) if context is None else context
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, limit)
        yield _chunk(text, start, cut, context)
        start = cut
    yield _chunk(text, start, len(text), context)


def _cut(text: str, start: int, limit: int) -> int:
    """The last paragraph end (else line, sentence or word break) in the next `limit`
    characters, but not in their first half; at worst a hard cut."""
    floor = start + limit // 2
    for pattern in (PARAGRAPH_END, *BREAKS):
        best = None
        for match in pattern.finditer(text, floor, start + limit):
            best = match.end()
        if best is not None and best > floor:
            return best
    return start + limit


def _chunk(text: str, start: int, end: int, context: int) -> Chunk:
    begin = _context_start(text, start, context) if start and context > 0 else start
    after = _context_end(text, end, context) if end < len(text) and context > 0 else end
    return Chunk(begin, start - begin, end - begin, text[begin:after])


def _context_start(text: str, cut: int, context: int) -> int:
    """Where the context before `cut` begins: the start of the last paragraph before
    it when that is short enough, else the first sentence start in reach."""
    floor = max(0, cut - context)
    starts = [m.end() for m in PARAGRAPH_END.finditer(text, floor, cut) if m.end() < cut]
    if starts:
        return starts[-1]
    for match in BREAKS[1].finditer(text, floor, cut):
        if match.end() < cut:
            return match.end()
    return cut  # no boundary in reach: no context rather than half a sentence


def _context_end(text: str, cut: int, context: int) -> int:
    """Where the context after `cut` ends: the end of the paragraph after it when that
    is short enough, else the last sentence end in reach."""
    found = PARAGRAPH_END.search(text, cut, cut + context)
    if found:
        return found.start()
    if len(text) - cut <= context:
        return len(text)
    last = cut
    for match in BREAKS[1].finditer(text, cut, cut + context):
        last = match.end()
    return last
