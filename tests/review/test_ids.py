"""Stable ids: the same events keep their ids after a new article and a rebuild."""

from __future__ import annotations

from briefgen.analysis import load
from briefgen.analysis.ids import make_id, resolve
from briefgen.extract import extract
from briefgen.ingest import ingest_paths

from .conftest import NEW_ARTICLE


def test_ids_survive_a_new_article_and_a_rebuild(config, store_copy, tmp_path):
    before = load(config, store_copy, extract(config, store_copy).pipeline)
    ids = {e.id for e in before.events}
    fact_ids = {f.uid for f in before.facts}
    assert len(ids) == len(before.events) and all(i.startswith("E-") for i in ids)
    assert len(fact_ids) == len(before.facts)

    (tmp_path / "herat.md").write_text(NEW_ARTICLE, encoding="utf-8")
    ingest_paths([tmp_path / "herat.md"], store_copy)
    after = load(config, store_copy, extract(config, store_copy, rebuild=True).pipeline)
    assert len(after.events) == len(before.events) + 1
    assert ids < {e.id for e in after.events}
    assert fact_ids < {f.uid for f in after.facts}


def test_an_event_is_found_by_any_of_its_reports(config, example_store):
    from briefgen.extract import pipeline_version

    events = load(config, example_store, pipeline_version(config)).events
    merged = max(events, key=lambda e: len(e.reports))
    for report in merged.reports:
        assert resolve(events, report.fact.uid or "") is merged
    assert resolve(events, "E-0000000000") is None


def test_an_id_hashes_the_article_kind_and_span():
    assert make_id("event", "abc", 10, 40) == make_id("event", "abc", 10, 40)
    assert make_id("event", "abc", 10, 40) != make_id("event", "abc", 10, 41)
    assert make_id("quote", "abc", 10, 40).startswith("Q-")
    assert make_id("event", "abc", 10, 40, 1) != make_id("event", "abc", 10, 40)
