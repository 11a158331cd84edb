"""Parse batches here or in worker processes, and hand back compact facts, never Docs.

With `-j N`, N worker processes are forked once, after the pipeline is loaded and
its lazy data warmed up, so they share it instead of loading it again. Each worker
parses a whole batch inside its own `nlp.memory_zone()` (its string store cannot
grow) and returns only what the run keeps: each chunk's context, fact dicts and rule
error, a few kilobytes where a serialised Doc is hundreds. The main process feeds
batches and writes to the store while the workers parse: a few batches are kept in
flight, so the writer never stalls them and memory stays bounded by the batch.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

# (context passed with the text, fact dicts, rule error or None) for one chunk
Parsed = tuple[dict[str, Any], list[dict[str, Any]], str | None]

# Batches queued for each worker beyond the one it parses: enough that a worker
# never waits for the main process, few enough to keep memory flat.
AHEAD = 2

_NLP: Any = None  # the pipeline the forked workers inherit


def parse(nlp, batch: list[tuple[str, dict]], zone: bool = True) -> list[Parsed]:
    """Facts of one batch of (text, context) pairs, inside one memory zone."""
    with nlp.memory_zone() if zone else contextlib.nullcontext():
        return [
            (context, doc._.facts or [], doc._.error)
            for doc, context in nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        ]


_WARM = False  # whether this process has parsed its first batch


def _parse_here(batch: list[tuple[str, dict]]) -> list[Parsed]:
    """A worker's parse: its first batch outside a memory zone (see `parsed`)."""
    global _WARM
    zone, _WARM = _WARM, True
    return parse(_NLP, batch, zone=zone)


def parsed(nlp, batches: Iterable[list], processes: int) -> Iterator[list[Parsed]]:
    """The parse of each batch, in order; with processes > 1, from forked workers.

    A process parses its first batch outside a memory zone: its words stay in the
    vocabulary and the tokenizer's cache, which every later batch reuses. A zone drops
    what it added, so without this each batch would build the lexemes of even the
    commonest words again (a sixth of the time). It costs the string store about one
    batch's new words, once per process. Workers each do this with their own first
    batch, so no batch is parsed here while they wait.
    """
    batches = iter(batches)
    if processes <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        first = True
        for batch in batches:
            yield parse(nlp, batch, zone=not first)
            first = False
        return
    global _NLP, _WARM
    _NLP, _WARM = nlp, False
    try:
        # fork: the workers inherit the loaded pipeline; spawn would load it again.
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            pending: deque = deque()
            for batch in batches:
                pending.append(pool.apply_async(_parse_here, (batch,)))
                if len(pending) >= processes * AHEAD:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
    finally:
        _NLP = None
