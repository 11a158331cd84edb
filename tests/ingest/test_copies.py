"""Near-duplicate articles at ingest: syndicated copies, originals, and a story told
twice inside one page. The articles are invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.ingest.copies import COPY_CONTAINMENT, find_repeat, shingles, similarity
from briefgen.ingest.corpus import ingest_paths
from briefgen.store import Store

STORY = """JALALABAD, May 2 (Kabul Ledger) - A suicide bomber blew himself up outside a provincial \
council building in the eastern Afghan city of Jalalabad on Thursday morning, killing at least 12 \
people and wounding 30 others, a spokesman for the provincial police said.

The explosion struck as council members arrived for a meeting on the distribution of flood relief, \
and several of the dead were guards who had stopped the bomber at the gate, witnesses told reporters \
at the scene.

Doctors at the regional hospital said they had received dozens of wounded people, many of them with \
burns and shrapnel injuries, and appealed for blood donations as relatives gathered outside the wards.

No group immediately claimed responsibility for the bombing. The Islamic State's Khorasan branch has \
carried out a string of attacks on Taliban officials in Nangarhar province, of which Jalalabad is the \
capital, over the past two years.

"The enemies of peace have once again shed the blood of innocent people," the provincial governor \
said in a statement, promising that those responsible would be found and punished."""

# The same story syndicated: a new opening line and a credit at the end.
COPY = (
    STORY.replace(
        "JALALABAD, May 2 (Kabul Ledger) - A suicide bomber",
        "JALALABAD (Levant Dispatch) - A suicide attacker",
    )
    + "\n\nThis report was distributed by Kabul Ledger and republished under a content-sharing agreement."
)

# Another outlet on the same bombing, in its own words.
DISTINCT = """KABUL (Meridian Newswire) - Twelve people died when an attacker detonated explosives at the \
gate of a council office in Jalalabad, Afghan officials said, as Taliban authorities promised to hunt \
down whoever organised the strike.

Police in Nangarhar said guards had challenged the man before he set off his vest. Hospital staff \
reported about thirty injured, some critically, and asked residents to give blood.

The eastern province has long been a stronghold of the Islamic State affiliate, which the Taliban have \
fought since returning to power in 2021. There was no claim of responsibility by Thursday evening, and \
residents said security had been tightened at government buildings across the city."""

# The page prints the story, then a reworded retelling of it (as seed 003 does).
RETOLD = """A suicide bomber blew himself up on Thursday outside a provincial council building in \
Jalalabad, the eastern Afghan city, killing at least 12 people and wounding 30 others, said a \
spokesman for the provincial police.

Several of the dead were guards who had stopped the bomber at the gate, witnesses said; the explosion \
struck as council members arrived for a meeting on the distribution of flood relief.

The regional hospital said it had received dozens of wounded people, many of them with burns and \
shrapnel injuries, and appealed for blood donations.

No group immediately claimed responsibility for the bombing, though the Islamic State's Khorasan \
branch has carried out a string of attacks on Taliban officials in Nangarhar province over the past \
two years."""


def write(folder: Path, name: str, text: str, published: str, outlet: str) -> Path:
    path = folder / name
    path.write_text(
        f'---\ntitle: "{name}"\nsource: "{outlet}"\npublished: {published}\n---\n{text}\n'
    )
    return path


@pytest.fixture()
def store(fresh_store):
    return fresh_store


def by_origin(store: Store) -> dict:
    return {a.origin: a for a in store.articles()}


def test_measured_similarities_fall_on_either_side_of_the_threshold():
    assert similarity(shingles(STORY), shingles(COPY)) > 0.8
    assert similarity(shingles(STORY), shingles(DISTINCT)) < 0.1 < COPY_CONTAINMENT
    assert similarity(shingles(STORY), shingles(RETOLD)) > COPY_CONTAINMENT


def test_a_syndicated_copy_is_kept_and_marked_a_copy_of_the_original(tmp_path, store):
    write(tmp_path, "a-original.md", STORY, "2024-05-02", "Kabul Ledger")
    write(tmp_path, "b-copy.md", COPY, "2024-05-02", "Levant Dispatch")
    write(tmp_path, "c-distinct.md", DISTINCT, "2024-05-02", "Meridian Newswire")
    report = ingest_paths([tmp_path], store)
    articles = by_origin(store)
    assert len(articles) == 3  # the copy is kept
    assert articles["b-copy.md"].copy_of == articles["a-original.md"].id
    assert articles["a-original.md"].copy_of is None
    assert articles["c-distinct.md"].copy_of is None  # same event, own words: independent
    notes = [note for where, note in report.notes if where.endswith("b-copy.md")]
    assert notes and notes[0].startswith("near-copy of a-original.md")


def test_the_earliest_published_is_the_original_even_when_ingested_last(tmp_path, store):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    write(first, "late.md", STORY, "2024-05-03", "Kabul Ledger")
    write(
        first,
        "late-copy.md",
        COPY.replace("credit", "credit line"),
        "2024-05-04",
        "Levant Dispatch",
    )
    ingest_paths([first], store)
    # An earlier version of the same story, ingested afterwards.
    write(
        second,
        "early.md",
        STORY.replace("on Thursday morning", "on Thursday"),
        "2024-05-02",
        "Wire",
    )
    report = ingest_paths([second], store)
    articles = by_origin(store)
    original = articles["early.md"].id
    assert articles["early.md"].copy_of is None
    assert articles["late.md"].copy_of == original
    assert articles["late-copy.md"].copy_of == original  # copies follow their original
    assert any("now the original" in note for _, note in report.notes)


def test_undated_copies_keep_the_first_ingested_as_original(tmp_path, store):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(COPY)
    ingest_paths([tmp_path], store)
    articles = by_origin(store)
    assert articles["b.txt"].copy_of == articles["a.txt"].id


def test_ingesting_again_finds_nothing_new(tmp_path, store):
    write(tmp_path, "a.md", STORY, "2024-05-02", "Kabul Ledger")
    write(tmp_path, "b.md", COPY, "2024-05-02", "Levant Dispatch")
    ingest_paths([tmp_path], store)
    again = ingest_paths([tmp_path], store)
    assert not [n for _, n in again.notes if "copy" in n]
    assert by_origin(store)["b.md"].copy_of is not None


def test_a_story_told_twice_in_one_page_is_found_and_stays_one_article(tmp_path, store):
    page = STORY + "\n\nADVERTISEMENT\n\n" + RETOLD
    start = find_repeat(page)
    assert start is not None
    assert page[start[0] :].startswith("A suicide bomber blew himself up on Thursday")
    assert start[1] >= COPY_CONTAINMENT
    write(tmp_path, "page.md", page, "2024-05-02", "Kabul Ledger")
    report = ingest_paths([tmp_path], store)
    assert store.article_count() == 1
    (article,) = store.articles()
    assert article.copy_of is None
    assert store.repeat_start(article.id) == start[0]
    assert any("told twice" in note for _, note in report.notes)


def test_distinct_articles_and_plain_pages_have_no_repeat():
    assert find_repeat(STORY) is None
    assert find_repeat(STORY + "\n\n" + DISTINCT) is None


def test_articles_stored_before_the_index_are_indexed_on_the_next_ingest(tmp_path):
    import datetime as dt

    from briefgen.ingest.corpus import to_article
    from briefgen.ingest.readers import READERS

    path = write(tmp_path, "a.md", STORY, "2024-05-02", "Kabul Ledger")
    copy = write(tmp_path, "b.md", COPY, "2024-05-02", "Levant Dispatch")
    now = dt.datetime.now(dt.UTC)
    with Store(tmp_path / "store.sqlite") as store:
        # As an older briefgen stored them: no index rows.
        store.add_articles(
            [to_article(raw, now) for p in (path, copy) for raw in READERS[".md"](p)]
        )
        assert all(a.copy_of is None for a in store.articles())
        ingest_paths([tmp_path / "nothing-new"], store)  # any ingest run indexes what is pending
        assert by_origin(store)["b.md"].copy_of == by_origin(store)["a.md"].id


def test_a_copy_of_a_copy_stored_by_an_earlier_run(tmp_path):
    """Its original was stored before this run and is not among the candidates' texts."""
    import datetime as dt

    from briefgen.ingest.corpus import ingest_paths
    from briefgen.store import Store

    body = " ".join(
        f"word{i} follows word{i + 1} in a sentence about event number {i}." for i in range(60)
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "original.md").write_text(
        f"---\ntitle: O\npublished: 2024-01-01\n---\n{body}\n"
    )
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "copy.md").write_text(
        f"---\ntitle: C\npublished: 2024-01-02\n---\n{body} Extra line.\n"
    )
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "copy2.md").write_text(
        f"---\ntitle: D\npublished: 2024-01-03\n---\n{body} Another line.\n"
    )
    now = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    with Store(tmp_path / "s.sqlite") as store:
        for folder in ("a", "b", "c"):
            ingest_paths([tmp_path / folder], store, now=now)
        articles = {a.origin: a for a in store.articles()}
    assert articles["copy2.md"].copy_of == articles["original.md"].id
    assert articles["copy.md"].copy_of == articles["original.md"].id
