"""Near-duplicate articles: syndicated copies, and a story told twice inside one page.

A copy is kept in the store and marked `copy_of` its original (the earliest
published; on a tie or without dates, the first ingested), so that it never
counts as an independent source of an event.

Method: texts become sets of 5-word shingles (case folded, punctuation
dropped). MinHash signatures (datasketch, 128 permutations) go into an LSH index
kept in the store (64 bands of 2 rows): two articles whose shingle Jaccard is
0.2 become candidates with probability 0.93, at 0.3 with 0.997, at 0.02 (two
distinct reports of one event) with 0.025. Each candidate is then checked
exactly on the texts: it is a copy when the share of the shorter text's
shingles found in the longer one (containment) is at least COPY_CONTAINMENT.
Containment, not Jaccard, so that a copy cut short or with a paragraph added
still counts.

Thresholds, measured on the example corpus and the shared seed articles:

    pair (5-word shingles)                          Jaccard   containment
    014 vs 013, a syndicated copy                     0.92       0.98
    seed 003, its story and the same story retold     0.21       0.45
    distinct articles on one event (the highest)      0.02       0.05

COPY_CONTAINMENT = 0.3 lies between a retold story (0.45) and distinct reports
(0.05), six times above the highest distinct pair.

A story told twice inside one page (seed 003 prints the article, then a
reworded version of it) is found by the split point between lines where the
Jaccard of the two parts peaks, then the same containment test. Such an article
stays one article and one source; the repeat is recorded so that readers of the
store can tell (the analysis counts sources by article, so it counts once).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from briefgen.models import Article
from briefgen.store import Store

SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
BANDS, ROWS = 64, 2  # LSH: BANDS * ROWS == PERMUTATIONS
COPY_CONTAINMENT = 0.3
# Below this many shingles containment is noisy (a short text sharing one quote):
# short texts must match on Jaccard instead.
MIN_SHINGLES = 50
# A repeat inside one page: each telling at least this many shingles.
MIN_REPEAT_SHINGLES = 100

_WORD = re.compile(r"\w+")


@dataclass
class Finding:
    """What indexing found about one article, for the ingest report."""

    article: Article
    kind: str  # "copy" (of `other`), "original" (of `other`, stored before it), "repeat"
    similarity: float
    other: Article | None = None
    start: int | None = None  # for a repeat: where the second telling starts

    def note(self) -> str:
        if self.kind == "copy" and self.other:
            return (
                f"near-copy of {self.other.origin} (containment {self.similarity:.2f}); "
                "kept, not counted as an independent source"
            )
        if self.kind == "original" and self.other:
            return (
                f"published before its near-copy {self.other.origin} (containment "
                f"{self.similarity:.2f}); now the original"
            )
        return (
            f"the story is told twice in this page (second telling from character {self.start}, "
            f"containment {self.similarity:.2f}); it counts once"
        )


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str) -> set[str]:
    tokens = words(text)
    if len(tokens) < SHINGLE:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def similarity(a: set[str], b: set[str]) -> float:
    """Containment of the shorter text in the longer; Jaccard when one is short."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    if min(len(a), len(b)) < MIN_SHINGLES:
        return shared / len(a | b)
    return shared / min(len(a), len(b))


def band_keys(found: set[str]) -> list[str]:
    from datasketch import MinHash

    # CRC-32 as the base hash: stable across runs and twice as fast as the default SHA-1.
    signature = MinHash(num_perm=PERMUTATIONS, hashfunc=zlib.crc32)
    signature.update_batch([s.encode("utf-8") for s in sorted(found)])
    values = signature.hashvalues
    return [
        f"{band}:{hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for band in range(BANDS)
    ]


@lru_cache(maxsize=1)
def scheme() -> str:
    """Name of the index settings and the datasketch version (whose hash functions
    make the signatures), so that a change of either re-indexes the store. Read
    from the package metadata: importing datasketch costs a second (SciPy)."""
    from importlib.metadata import version

    return f"w{SHINGLE}-p{PERMUTATIONS}-b{BANDS}x{ROWS}-crc32-datasketch{version('datasketch')}"


def find_repeat(text: str) -> tuple[int, float] | None:
    """Where a page tells its story a second time: (character offset, containment).

    Tries every line break as the split; the union of the two parts' shingles is
    the page's, so Jaccard peaks where the overlap does. Counts move line by line,
    so the search is linear in the text.
    """
    lines = text.split("\n")
    if len(lines) < 2:
        return None
    tokens: list[str] = []
    line_of: list[int] = []
    starts: list[int] = []
    offset = 0
    for number, line in enumerate(lines):
        starts.append(offset)
        found = words(line)
        tokens += found
        line_of += [number] * len(found)
        offset += len(line) + 1
    grams = [
        (" ".join(tokens[i : i + SHINGLE]), line_of[i]) for i in range(len(tokens) - SHINGLE + 1)
    ]
    if len(grams) < 2 * MIN_REPEAT_SHINGLES:
        return None
    total = len({g for g, _ in grams})
    before: Counter[str] = Counter()
    after: Counter[str] = Counter(g for g, _ in grams)
    shared = 0
    best: tuple[float, int, float] | None = None
    position = 0
    for split in range(1, len(lines)):
        # Move the shingles that start on line split-1 from the second part to the first.
        while position < len(grams) and grams[position][1] < split:
            gram = grams[position][0]
            if before[gram] == 0 and after[gram] >= 2:
                shared += 1
            elif before[gram] >= 1 and after[gram] == 1:
                shared -= 1
            before[gram] += 1
            after[gram] -= 1
            if after[gram] == 0:
                del after[gram]
            position += 1
        first, second = len(before), len(after)
        if min(first, second) < MIN_REPEAT_SHINGLES:
            continue
        jaccard = shared / total
        # On a tie the later split: lines that neither telling repeats (a banner, an
        # advertisement) stay with the first, so the second starts where it repeats.
        if best is None or jaccard >= best[0]:
            best = (jaccard, split, shared / min(first, second))
    if best is None or best[2] < COPY_CONTAINMENT:
        return None
    return starts[best[1]], round(best[2], 3)


def _earlier(a: Article, b: Article) -> bool:
    """True when a is the better original than b: published earlier. On a tie, or
    when a date is missing, the one ingested first (b is assumed to be it)."""
    return a.published is not None and (b.published is None or a.published < b.published)


def index_pending(store: Store) -> list[Finding]:
    """Index every article not yet indexed (in ingest order): find its copies and
    repeats, mark them in the store in one transaction, and say what was found."""
    name = scheme()
    pending = store.unindexed_articles(name)
    if not pending:
        return []
    findings: list[Finding] = []
    known: dict[str, Article] = {}
    texts: dict[str, set[str]] = {}
    batch_bands: dict[str, list[str]] = {}
    rerooted: dict[str, str] = {}  # old original -> new original, within this run
    bands: list[tuple[str, str]] = []
    copies: list[tuple[str, str, float]] = []
    repeats: list[tuple[str, int, float]] = []

    def root(article_id: str) -> str:
        found = known[article_id].copy_of or article_id
        while found in rerooted:
            found = rerooted[found]
        return found

    for article in pending:
        found = shingles(article.text)
        keys = band_keys(found) if found else []
        candidates = set(store.band_matches(name, keys))
        candidates |= {other for key in keys for other in batch_bands.get(key, [])}
        candidates.discard(article.id)
        missing = [c for c in candidates if c not in known]
        for stored in store.articles(missing):
            known[stored.id] = stored
        best: tuple[float, str] | None = None
        for other in sorted(candidates):
            if other not in known:
                continue
            if other not in texts:
                texts[other] = shingles(known[other].text)
            score = similarity(found, texts[other])
            if score >= COPY_CONTAINMENT and (best is None or score > best[0]):
                best = (score, other)
        known[article.id] = article
        texts[article.id] = found
        for key in keys:
            batch_bands.setdefault(key, []).append(article.id)
            bands.append((article.id, key))
        if best:
            score, other = best
            original_id = root(other)
            if original_id not in known:  # an original stored by an earlier run
                known.update((a.id, a) for a in store.articles([original_id]))
            original = known.get(original_id, known[other])
            if _earlier(article, original):
                rerooted[original.id] = article.id
                copies.append((original.id, article.id, round(score, 3)))
                findings.append(Finding(article, "original", score, original))
                article.copy_of = None
            else:
                copies.append((article.id, original.id, round(score, 3)))
                article.copy_of = original.id
                findings.append(Finding(article, "copy", score, original))
        repeat = find_repeat(article.text)
        if repeat:
            repeats.append((article.id, *repeat))
            findings.append(Finding(article, "repeat", repeat[1], start=repeat[0]))
    store.save_near_duplicates(name, [a.id for a in pending], bands, copies, repeats)
    return findings


__all__ = ["COPY_CONTAINMENT", "Finding", "find_repeat", "index_pending", "shingles", "similarity"]
