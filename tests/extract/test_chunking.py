"""Long articles are parsed as bounded chunks cut at paragraph ends, with exact offsets."""

from __future__ import annotations

import datetime as dt

from briefgen.extract import chunking
from tests.conftest import text_article

NOW = dt.datetime(2024, 3, 25, tzinfo=dt.UTC)
PARAGRAPH = (
    "Officials in the northern district said the road to the dam reopened after repairs. "
    "Traders brought grain and fuel from the valley, and the bus service resumed."
)


def test_chunks_cover_the_text_once_at_paragraph_ends():
    text = "\n\n".join(f"{i}. {PARAGRAPH}" for i in range(60))
    pieces = list(chunking.split(text, 1_000, context=300))
    assert len(pieces) > 5
    # The chunks' own parts, in order, are the text itself: offsets are exact.
    assert "".join(p.text[p.own : p.own_end] for p in pieces) == text
    for piece in pieces:
        assert text[piece.offset : piece.offset + len(piece.text)] == piece.text
        assert piece.own_end - piece.own <= 1_000
        assert len(piece.text) <= 1_000 + 2 * 300
        own = piece.text[piece.own : piece.own_end]
        assert own[0].isdigit()  # each own part starts a paragraph
    assert pieces[0].own == 0 and pieces[-1].own_end == len(pieces[-1].text)
    # Context on each side is whole paragraphs here.
    assert all(p.own > 0 and p.text[0].isdigit() for p in pieces[1:])


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_sentence_end():
    text = " ".join([PARAGRAPH] * 40)
    pieces = list(chunking.split(text, 2_000, context=200))
    own = [p.text[p.own : p.own_end] for p in pieces]
    assert "".join(own) == text
    assert all(part.rstrip().endswith(".") for part in own[:-1])


def test_a_short_text_is_one_chunk():
    [piece] = chunking.split(PARAGRAPH, 2_000)
    assert (piece.offset, piece.own, piece.own_end, piece.text) == (0, 0, len(PARAGRAPH), PARAGRAPH)


def test_an_event_told_across_a_chunk_cut_is_found_whole(config, fresh_store):
    """The attack ends one chunk and its claim opens the next: the claim still joins it,
    and the event is stored once, at its own sentence."""
    from briefgen.extract.pipeline import extract, pipeline_version

    filler = "\n\n".join(f"{PARAGRAPH} Note {i}." for i in range(10))
    attack = "A suicide bomber killed 14 people at a mosque in Kunduz on Friday, police said."
    claim = "ISKP claimed responsibility for the bombing in a statement."
    text = f"{filler}\n\n{attack}\n\n{claim}\n\n{filler}"
    limit = text.index(claim) + 40  # the first cut falls between the two paragraphs
    small = config.model_copy(update={"nlp": config.nlp.model_copy(update={"max_chars": limit})})
    first = next(chunking.split(text, limit))
    assert first.offset + first.own_end == text.index(claim)
    article = text_article(text)
    fresh_store.add_articles([article])
    extract(small, fresh_store)
    events = [f for f in fresh_store.facts(pipeline_version(small)) if f.kind == "event"]
    assert len(events) == 1
    [event] = events
    assert text[event.start : event.end].strip() == attack
    assert event.data["claimed_by"] == "IS-K"
    assert event.data["location"] == "Kunduz"


def test_two_worker_processes_store_the_same_facts_as_one(tmp_path, config):
    """Workers forked once send back facts; a long article's chunks may be parsed by
    different workers and still assemble in order."""
    from briefgen.extract.pipeline import extract, pipeline_version
    from briefgen.ingest import ingest_paths
    from briefgen.store import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, place in enumerate(["Kunduz", "Herat", "Kabul", "Ghazni", "Quetta", "Zahedan"]):
        (corpus / f"short-{i}.txt").write_text(
            f"Gunmen attacked a police post in {place} on {i + 4} March 2024, killing "
            f"{i + 2} officers, officials said.\n\n{PARAGRAPH}\n",
            encoding="utf-8",
        )
    places = ["Kunduz", "Herat", "Kabul", "Ghazni"]
    long_text = "\n\n".join(
        f"{PARAGRAPH}\n\nA suicide bomber killed {i + 3} people at a market in "
        f"{places[i % 4]} on {i % 20 + 1} March 2024, police said."
        for i in range(30)
    )
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    small = config.model_copy(
        update={"nlp": config.nlp.model_copy(update={"max_chars": 2_000, "batch_size": 2})}
    )
    facts = []
    for processes in (1, 2):
        with Store(tmp_path / f"j{processes}.sqlite") as store:
            ingest_paths([corpus, tmp_path / "long.txt"], store, now=NOW)
            [long_id] = [a.id for a in store.articles() if a.origin.endswith("long.txt")]
            report = extract(small, store, processes=processes)
            assert report.errors == []
            facts.append(
                sorted(
                    (f.article_id, f.kind, f.start, f.end, f.sentence)
                    for f in store.facts(pipeline_version(small))
                )
            )
    assert facts[0] and facts[0] == facts[1]
    assert any(f[0] == long_id and f[2] > 4_000 for f in facts[0])  # from a late chunk


def test_a_long_articles_facts_go_to_the_store_part_by_part(tmp_path, config, monkeypatch):
    """Written ahead of the article's end, the parts make the same facts as one write,
    and the progress moves inside the article."""
    from briefgen.extract import pipeline
    from briefgen.ingest import ingest_paths
    from briefgen.store import Store

    long_text = "\n\n".join(
        f"{PARAGRAPH}\n\nGunmen killed {i + 2} guards at a depot in Herat on "
        f"{i % 20 + 1} March 2024, officials said."
        for i in range(24)
    )
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    small = config.model_copy(
        update={"nlp": config.nlp.model_copy(update={"max_chars": 1_500, "batch_size": 2})}
    )
    stored, shown = [], []
    for part in (10_000, 1):
        monkeypatch.setattr(pipeline, "PART_FACTS", part)
        with Store(tmp_path / f"part-{part}.sqlite") as store:
            ingest_paths([tmp_path / "long.txt"], store, now=NOW)
            report = pipeline.extract(small, store, progress=lambda done, total: shown.append(done))
            facts = store.facts(pipeline.pipeline_version(small))
            stored.append(sorted((f.kind, f.start, f.end, f.sentence) for f in facts))
            assert report.facts == len(facts) and report.articles == 1
    assert stored[0] and stored[0] == stored[1]
    inside = [done for done in shown if 0 < done < 1]
    assert inside and inside == sorted(inside)
