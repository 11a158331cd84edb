"""Corrections: values checked like config, atomic writes, and merge, split, note
and reject applied on every read (library functions, on a copy of the example store)."""

from __future__ import annotations

import os

import pytest

from briefgen.actors import ActorIndex
from briefgen.analysis import load
from briefgen.errors import UsageError
from briefgen.extract import pipeline_version
from briefgen.models import Count, PartialDate
from briefgen.review import file
from briefgen.review.commands import Request, check_corrections, correct, list_corrections
from briefgen.review.file import Correction
from briefgen.review.values import parse


@pytest.fixture()
def actors(config):
    return ActorIndex.from_config(config.actors)


@pytest.fixture()
def project_config(config, tmp_path):
    review = config.review.model_copy(update={"corrections": str(tmp_path / "corrections.yaml")})
    return config.model_copy(update={"review": review})


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("21", Count(21, 21)),
        ("at least 21", Count(21, None)),
        ("21+", Count(21, None)),
        ("about 170", Count(170, 170, True)),
        ("up to 30", Count(None, 30)),
        ("12-15", Count(12, 15)),
        ("1,200", Count(1200, 1200)),
        ("unknown", None),
    ],
)
def test_tolls_keep_their_hedges(actors, text, count):
    assert parse("killed", text, actors) == count


@pytest.mark.parametrize(
    ("field", "value", "fix"),
    [
        ("killed", "abc", 'killed="at least 21"'),
        ("date", "2024-02-30", "impossible date; give YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date", "last Tuesday", "not a date"),
        ("perpetrator", "Islamic Stat", "closest: Islamic State"),
        ("type", "riot", "expected one of attack, foiled_plot"),
        ("country", "Atlantis", "not a country"),
    ],
)
def test_a_wrong_value_names_the_fix(actors, field, value, fix):
    with pytest.raises(UsageError, match=fix.replace("(", r"\(").replace("+", r"\+")):
        parse(field, value, actors)


def test_values_are_normalised(actors):
    assert parse("perpetrator", "ISKP", actors) == "IS-K"
    assert parse("date", "2024-03", actors) == PartialDate(2024, 3)
    assert parse("country", "afghanistan", actors) == "Afghanistan"


def test_a_refused_correction_writes_nothing(project_config, store_copy):
    pipeline = pipeline_version(project_config)
    some = load(project_config, store_copy, pipeline).events[0].id
    for request in (
        Request(some, ("killed=abc",)),
        Request(some, ("killed=3", "perpetrator=Nobody Known")),
        Request("E-0000000000", ("killed=3",)),
        Request(
            None,
            ("type=attack",),
            add=True,
            article="009-kandahar-bank-bombing.txt",
            evidence="words the article does not have",
        ),
    ):
        with pytest.raises(UsageError):
            correct(project_config, store_copy, pipeline, request)
    assert not file.read(project_config.path(project_config.review.corrections))
    assert not (project_config.base_dir / project_config.review.corrections).exists()


def test_a_crash_while_writing_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "corrections.yaml"
    old = Correction("E-1", "killed", "4", "a", "t", "3")
    file.write(path, [old])
    before = path.read_text()

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        file.append(path, [Correction("E-2", "note", "x", "a", "t")])
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["corrections.yaml"]


def test_merge_split_note_and_reject_apply_on_every_read(project_config, store_copy):
    pipeline = pipeline_version(project_config)
    events = load(project_config, store_copy, pipeline).events
    big = max(events, key=lambda e: len({r.article.id for r in e.reports}))
    other = next(e for e in events if e is not big and e.event.type == big.event.type)
    article = big.sources()[-1].article.origin

    correct(project_config, store_copy, pipeline, Request(big.id, merge=other.id, by="T"))
    merged = load(project_config, store_copy, pipeline).events
    assert len(merged) == len(events) - 1

    correct(project_config, store_copy, pipeline, Request(big.id, split=article, by="T"))
    correct(project_config, store_copy, pipeline, Request(big.id, note="Checked.", reject="test"))
    after = load(project_config, store_copy, pipeline)
    assert len(after.events) == len(events)
    [alone] = [e for e in after.events if {r.article.origin for r in e.reports} == {article}]
    kept = next(e for e in after.events if e.id == big.id)
    assert kept.notes == ["Checked."] and kept.rejected == "test"
    assert [c.field for c in list_corrections(project_config)] == [
        "merge",
        "split",
        "reject",
        "note",
    ]
    assert check_corrections(project_config, store_copy, pipeline) == []
    assert alone.id != big.id


def test_the_earliest_source_split_off_and_merged_back(project_config, store_copy):
    """The split-off event takes a new id, which a later merge can name."""
    pipeline = pipeline_version(project_config)
    events = load(project_config, store_copy, pipeline).events
    big = max(events, key=lambda e: len({r.article.id for r in e.reports}))
    first = big.sources()[0].article.origin
    correct(project_config, store_copy, pipeline, Request(big.id, split=first, by="T"))
    split = load(project_config, store_copy, pipeline).events
    [alone] = [e for e in split if {r.article.origin for r in e.reports} == {first}]
    assert alone.id != big.id and any(e.id == big.id for e in split)
    correct(project_config, store_copy, pipeline, Request(big.id, merge=alone.id, by="T"))
    after = load(project_config, store_copy, pipeline).events
    assert len(after) == len(events)
    assert check_corrections(project_config, store_copy, pipeline) == []


def test_a_quote_can_be_rejected(project_config, store_copy):
    from briefgen.briefs import BriefData

    pipeline = pipeline_version(project_config)
    quote = next(f for f in load(project_config, store_copy, pipeline).facts if f.kind == "quote")
    correct(project_config, store_copy, pipeline, Request(quote.uid, reject="misattributed"))
    with pytest.raises(UsageError, match="only --reject and --note"):
        correct(project_config, store_copy, pipeline, Request(quote.uid, ("killed=3",)))
    analysis = load(project_config, store_copy, pipeline)
    assert quote.uid not in {f.uid for f in BriefData(analysis).facts}
    from briefgen.analysis.facts_table import select

    [row] = [r for r in select(analysis) if r["id"] == quote.uid]
    assert row["rejected"] == "misattributed"
