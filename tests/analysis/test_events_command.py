"""`briefgen events`: the merged events of a store, as a table or JSON (the contract),
on a store filled with hand-made facts so no spaCy runs."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.models import Article, Count, Event, Fact, PartialDate
from briefgen.store import Store

runner = CliRunner()

EVENT_FIELDS = {
    "id",
    "type",
    "date",
    "precision",
    "location",
    "country",
    "perpetrator",
    "claimed_by",
    "attack_type",
    "killed",
    "wounded",
    "sources",
    "independent_sources",
    "conflicts",
    # graded sources and the analyst's review
    "grade",
    "reliability",
    "credibility",
    "corrected",
    "rejected",
    "rejected_reason",
    "added",
    "notes",
}


def article(name, published, outlet, copy_of=None):
    return Article(
        id=name,
        origin=f"{name}.md",
        title=f"Report {name}",
        text=f"Text of {name}.",
        source=outlet,
        published=dt.date.fromisoformat(published),
        copy_of=copy_of,
    )


def fact(source, sentence, actors=(), **fields):
    event = Event(**{"type": "attack", **fields})
    return Fact(
        kind="event",
        article_id=source.id,
        sentence=sentence,
        start=0,
        end=len(sentence),
        data=event.to_dict(),
        actors=list(actors),
    )


@pytest.fixture()
def project(tmp_path, root, monkeypatch):
    # A fixed pipeline version: the stored facts count as extracted, so no spaCy runs
    # (and an edit of the extractor's code during the test changes nothing).
    from briefgen.config import load
    from briefgen.extract import pipeline

    monkeypatch.setattr(pipeline, "pipeline_version", lambda config: "test-pipeline")
    pipeline_version = pipeline.pipeline_version
    folder = tmp_path
    shutil.copy(root / "config.yaml", folder / "config.yaml")
    config = load(folder / "config.yaml")
    a = article("a", "2024-05-02", "Kabul Ledger")
    b = article("b", "2024-05-03", "Meridian Newswire")
    c = article("c", "2024-05-03", "Levant Dispatch", copy_of="b")
    d = article("d", "2024-06-10", "Steppe Times")
    day = PartialDate(2024, 5, 2)
    facts = {
        "a": [
            fact(
                a,
                "A bomber killed at least 12 in Jalalabad.",
                date=day,
                location="Jalalabad",
                country="Afghanistan",
                killed=Count(12),
                wounded=Count(30, 30),
            )
        ],
        "b": [
            fact(
                b,
                "The toll rose to 19, and IS-K was blamed.",
                ["IS-K"],
                date=day,
                location="Jalalabad",
                country="Afghanistan",
                perpetrator="IS-K",
                killed=Count(19, 19),
            )
        ],
        "c": [
            fact(
                c,
                "The toll rose to 19, and IS-K was blamed.",
                ["IS-K"],
                date=day,
                location="Jalalabad",
                country="Afghanistan",
                perpetrator="IS-K",
                killed=Count(19, 19),
            )
        ],
        "d": [
            fact(
                d,
                "Police foiled a plot in Stockholm in June 2024.",
                date=PartialDate(2024, 6),
                location="Stockholm",
                country="Sweden",
                type="foiled_plot",
            )
        ],
    }
    with Store(folder / "store.sqlite") as store:
        store.add_articles([a, b, c, d])
        store.save_extractions(pipeline_version(config), facts)
    return folder


def events(project, *args):
    result = runner.invoke(
        app,
        [
            "--config",
            str(project / "config.yaml"),
            "--store",
            str(project / "store.sqlite"),
            "events",
            *args,
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result


def test_json_has_exactly_the_contract_fields(project):
    rows = json.loads(events(project, "--format", "json").stdout)
    assert len(rows) == 2
    for row in rows:
        assert set(row) == EVENT_FIELDS
        for source in row["sources"]:
            assert set(source) == {
                "article",
                "title",
                "outlet",
                "published",
                "evidence",
                "reliability",
            }
        for name in ("killed", "wounded"):
            if row[name]:
                assert set(row[name]) == {"min", "max", "approx", "by_source"}
                for entry in row[name]["by_source"]:
                    assert set(entry) == {"article", "figure"}


def test_json_merges_reports_and_keeps_every_figure(project):
    rows = json.loads(events(project, "--format", "json").stdout)
    bombing = next(r for r in rows if r["type"] == "attack")
    assert (bombing["date"], bombing["precision"]) == ("2024-05-02", "day")
    assert (bombing["location"], bombing["country"], bombing["perpetrator"]) == (
        "Jalalabad",
        "Afghanistan",
        "IS-K",
    )
    assert [s["article"] for s in bombing["sources"]] == ["a.md", "b.md", "c.md"]
    assert bombing["sources"][0]["evidence"] == "A bomber killed at least 12 in Jalalabad."
    assert bombing["independent_sources"] == 2  # c is a copy of b
    assert (bombing["killed"]["min"], bombing["killed"]["max"]) == (12, 19)
    assert [e["article"] for e in bombing["killed"]["by_source"]] == ["a.md", "b.md", "c.md"]
    assert bombing["killed"]["by_source"][0]["figure"] == {"min": 12, "max": None, "approx": False}
    assert bombing["conflicts"] == []  # 12 then 19 the next day: a revision
    plot = next(r for r in rows if r["type"] == "foiled_plot")
    assert (plot["date"], plot["precision"], plot["killed"]) == ("2024-06", "month", None)


def test_since_until_and_actor_filter(project):
    june = json.loads(events(project, "--format", "json", "--since", "2024-06-01").stdout)
    assert [r["type"] for r in june] == ["foiled_plot"]
    may = json.loads(events(project, "--format", "json", "--until", "2024-05-31").stdout)
    assert [r["type"] for r in may] == ["attack"]
    isk = json.loads(events(project, "--format", "json", "--actor", "ISKP").stdout)  # an alias
    assert [r["type"] for r in isk] == ["attack"]


def test_table_lists_one_line_per_event_and_the_counts(project):
    out = events(project).stdout.splitlines()
    assert len(out) == 3
    assert "Jalalabad" in out[0] and "12-19" in out[0] and "2/3" in out[0]
    assert out[-1].startswith("2 events merged from 4 mentions")


def test_unknown_actor_is_a_usage_error(project):
    result = runner.invoke(
        app,
        [
            "--config",
            str(project / "config.yaml"),
            "--store",
            str(project / "store.sqlite"),
            "events",
            "--actor",
            "Nobody At All",
        ],
    )
    assert result.exit_code == 2
