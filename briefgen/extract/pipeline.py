"""Build the spaCy pipeline from config and run it over pending articles.

Results are cached per article and pipeline version: the version hashes the
spaCy pipeline, our components' versions and the config they read, so changing
an alias re-extracts and re-rendering after a template edit runs no NLP.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefgen import errors
from briefgen.config import Config
from briefgen.extract import chunking, workers
from briefgen.models import EXTRACTOR_VERSION, Article, Fact
from briefgen.store import Store

COMPONENTS = ("briefgen_paragraphs", "briefgen_actors", "briefgen_facts")


@dataclass
class ExtractReport:
    articles: int = 0
    facts: int = 0
    errors: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (article id, error)
    seconds: float = 0.0
    pipeline: str = ""


def component_settings(config: Config) -> dict:
    return {
        "actors": {name: actor.model_dump() for name, actor in config.actors.items()},
        "topics": {
            name: topic.model_dump(exclude_none=True) for name, topic in config.topics.items()
        },
    }


def pipeline_version(config: Config) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        model = f"{config.nlp.pipeline}=={version(config.nlp.pipeline.replace('_', '-'))}"
    except PackageNotFoundError:
        model = config.nlp.pipeline
    key = json.dumps(
        [
            EXTRACTOR_VERSION,
            _rules_digest(),
            model,
            sorted(config.nlp.disable),
            component_settings(config),
        ],
        sort_keys=True,
    )
    return hashlib.sha256(key.encode()).hexdigest()[:12]


# The shared vocabulary the rules read, besides the rules themselves.
RULE_MODULES = ("actors.py", "dates.py", "models.py", "places.py")


@functools.lru_cache(maxsize=1)
def _rules_digest() -> str:
    """Hash of the extraction rules' source, so a changed rule is never served from cache."""
    from pathlib import Path

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(here.glob("*.py")) + [here.parent / name for name in RULE_MODULES]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_nlp(config: Config):
    import spacy

    import briefgen.extract.actors  # noqa: F401  (registers the factories)
    import briefgen.extract.attributes
    import briefgen.extract.components  # noqa: F401
    import briefgen.extract.joined_places  # noqa: F401
    from briefgen.extract.joined_sentences import split_joined_sentences

    try:
        nlp = spacy.load(config.nlp.pipeline, disable=config.nlp.disable)
    except OSError:
        raise errors.pipeline_missing(config.nlp.pipeline) from None
    for name in config.nlp.disable:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if (
        "parser" not in nlp.pipe_names
        and "senter" in nlp.disabled
        and "senter" not in config.nlp.disable
    ):
        nlp.enable_pipe("senter")  # without the parser, sentences come from the (faster) senter
    split_joined_sentences(nlp)
    if "attribute_ruler" in nlp.pipe_names:
        patterns = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
        if briefgen.extract.attributes.supported(patterns):  # the same annotation, cheaper
            nlp.replace_pipe(
                "attribute_ruler", "briefgen_attributes", config={"patterns": patterns}
            )
    settings = component_settings(config)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("briefgen_paragraphs", before=first)
    before = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("briefgen_actors", before=before, config={"actors": settings["actors"]})
    nlp.add_pipe("briefgen_joined_places", before=before)
    nlp.add_pipe("briefgen_facts", config=settings)
    nlp.max_length = max(nlp.max_length, config.nlp.max_chars + 1)
    return nlp


PAGE = 500  # article ids read from the store at a time: texts are loaded page by page
# Facts of an article still being extracted that are written to the store ahead of
# its end (about a tenth of a megabyte of text's worth): memory holds no more.
PART_FACTS = 2_000


def extract(
    config: Config,
    store: Store,
    *,
    processes: int | None = None,
    rebuild: bool = False,
    progress: Callable[[float, int], None] | None = None,
) -> ExtractReport:
    """Extract facts from every article that has none for this pipeline version.

    Articles go through spaCy in batches sized by tokens (`nlp.batch_tokens` for each
    process, at most `nlp.batch_size` articles), so peak memory follows the batch and
    not the length of the articles; a long article is parsed as a stream of chunks.
    Each batch after a process's first runs inside one `nlp.memory_zone()`, which frees
    the strings it added (the first one's stay, see `workers.parsed`),
    and is saved in one transaction: a run killed half-way loses at most the batches
    it was working on. A long article's facts are written part by part as its chunks
    come (`Store.save_partial`) and the article is marked extracted with its last
    chunk: memory stays flat however long it is, and a run killed inside it does it
    again. `progress` gets the articles done, with the part done of the one under way.
    With several processes, workers forked once parse the batches and send back facts
    (see `workers`).
    """
    import time

    started = time.perf_counter()
    version = pipeline_version(config)
    report = ExtractReport(pipeline=version)
    if rebuild:
        store.forget_extractions()
    pending = store.pending(version)
    if not pending:
        return report
    if progress:
        progress(0, len(pending))  # the total shows while the pipeline loads
    nlp = build_nlp(config)
    n_process = max(1, processes or config.nlp.processes)
    if n_process > 1:
        _warm_up(nlp)
    units = _units(_paged(store, pending), config.nlp.max_chars)
    # Several processes get half-size batches: the last ones then leave one worker idle
    # for half as long while the other finishes.
    parts = 2 if n_process > 1 else 1
    batches = iter(lambda: _next_batch(units, config, parts), [])
    open_facts: dict[str, list[Fact]] = {}  # articles whose last chunk is still to come
    written: dict[str, int] = {}  # facts of open articles already in the store
    for batch in workers.parsed(nlp, batches, n_process):
        finished = _collect(batch, report.errors, open_facts)
        for article_id, facts in open_facts.items():
            if len(facts) >= PART_FACTS:
                store.save_partial(version, article_id, facts, first=article_id not in written)
                written[article_id] = written.get(article_id, 0) + len(facts)
                report.facts += len(facts)
                facts.clear()
        report.facts += store.save_extractions(version, finished, written)
        for article_id in finished:
            written.pop(article_id, None)
        report.articles += len(finished)
        if progress:
            progress(report.articles + _part_done(batch[-1][0]), len(pending))
    report.seconds = time.perf_counter() - started
    return report


# Touches the rules' lazy data (place gazetteer, date parser) once in this process, so
# that the worker processes forked from it inherit it instead of loading it again.
WARM_UP = (
    "KABUL, Afghanistan - A suicide bomber killed at least 12 people at a market in Kabul on "
    'Tuesday, 5 March 2024, officials said. "We will find them," said a police spokesman.\n\n'
    "IS-K claimed the attack, its third since last month."
)


def _warm_up(nlp) -> None:
    with nlp.memory_zone():
        doc = nlp.make_doc(WARM_UP)
        doc._.published = "2024-03-06"
        nlp(doc)


def _paged(store: Store, ids: list[str]) -> Iterator[Article]:
    for i in range(0, len(ids), PAGE):
        yield from store.articles(ids[i : i + PAGE])


def _units(articles: Iterator[Article], limit: int) -> Iterator[tuple[str, dict]]:
    """(text, context) of each chunk of each article, in order: what spaCy parses.

    The context travels with the text into the worker processes: the article, where the
    chunk starts in it, which part of it is its own (the rest is context), whether it is
    the article's last chunk, and the publication date the rules resolve dates against.
    """
    for article in articles:
        published = article.published.isoformat() if article.published else None
        pieces = chunking.split(article.text, limit)
        piece = next(pieces)
        for following in (*pieces, None):
            yield (
                piece.text,
                {
                    "article": article.id,
                    "offset": piece.offset,
                    "own": piece.own,
                    "own_end": piece.own_end,
                    "last": following is None,
                    "length": len(article.text),
                    "published": published,
                },
            )
            if following is not None:
                piece = following


def _part_done(context: dict) -> float:
    """How much of an article is done after this chunk, short of done (0 for the last)."""
    if context["last"]:
        return 0.0
    return (context["offset"] + context["own_end"]) / max(1, context["length"])


def _next_batch(units: Iterator[tuple[str, dict]], config: Config, parts: int = 1) -> list:
    """(text, context) pairs of the next batch, up to the token budget (divided by
    `parts`): whole short articles, or chunks of a long one (which may go on in the
    next batch)."""
    budget = max(1, config.nlp.batch_tokens // parts)
    most = max(1, config.nlp.batch_size // parts)
    docs: list = []
    tokens = 0
    for text, context in units:
        # Texts, not docs: the worker processes tokenise, and the component reads the
        # publication date from the context spaCy hands along with each text.
        docs.append((text, context))
        tokens += len(text.split()) * 5 // 4  # spaCy splits off punctuation too
        if tokens >= budget or len(docs) >= most:
            break
    return docs


def _collect(
    batch: list[workers.Parsed],
    errors: list[tuple[str, str]],
    open_facts: dict[str, list[Fact]],
) -> dict[str, list[Fact]]:
    """Facts of the articles whose last chunk is in this batch, by article id (an article
    without facts maps to []); facts of articles still open stay in `open_facts`, rule
    errors are added to `errors`."""
    finished: dict[str, list[Fact]] = {}
    for context, found, error in batch:
        article_id, offset = context["article"], context["offset"]
        facts = open_facts.setdefault(article_id, [])
        if error:
            errors.append((article_id, error))
        for fact in found:
            if not context["own"] <= fact["start"] < context["own_end"]:
                continue  # found in the context around the chunk: a neighbour has it
            facts.append(
                Fact(
                    kind=fact["kind"],
                    article_id=article_id,
                    sentence=fact["sentence"],
                    start=fact["start"] + offset,
                    end=fact["end"] + offset,
                    data=fact["data"],
                    topics=fact["topics"],
                    actors=fact["actors"],
                )
            )
        if context["last"]:
            finished[article_id] = open_facts.pop(article_id)
    return finished
