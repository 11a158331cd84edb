"""Graded sources: outlet reliability A-F from config, event credibility 1-6 from
corroboration, where a copy never corroborates."""

from __future__ import annotations

import datetime as dt

from briefgen.analysis.events import MergedEvent, Report
from briefgen.analysis.grades import event_grade, reliability
from briefgen.models import Article, Event, Fact

GRADES = {"Harbour Gazette": "B", "quaynews.example": "C", "Rumour Mill": "E"}


def article(name, outlet=None, url=None, copy_of=None):
    return Article(
        id=name,
        origin=f"{name}.md",
        title=name,
        text="x",
        source=outlet,
        url=url,
        published=dt.date(2024, 5, 2),
        copy_of=copy_of,
    )


def event(*articles, conflicts=()):
    reports = [Report(Fact("event", a.id, "s", 0, 1), a, Event("attack")) for a in articles]
    return MergedEvent("E-x", Event("attack"), reports, list(conflicts))


def test_an_outlet_is_graded_by_name_or_domain_else_f():
    assert reliability(article("a", "harbour gazette"), GRADES) == "B"
    assert reliability(article("b", None, "https://www.quaynews.example/x"), GRADES) == "C"
    assert reliability(article("c", "Unknown Times"), GRADES) == "F"
    assert reliability(article("d", "Harbour Gazette"), {}) == "F"


def test_credibility_follows_corroboration():
    gazette, quay = article("a", "Harbour Gazette"), article("b", url="https://quaynews.example/")
    rumour, unknown = article("c", "Rumour Mill"), article("d", "Unknown Times")
    arts = {a.id: a for a in (gazette, quay, rumour, unknown)}
    assert event_grade(event(gazette, quay), arts, GRADES) == ("B", 1)
    assert event_grade(event(rumour, unknown), arts, GRADES) == ("E", 2)
    assert event_grade(event(gazette, quay, conflicts=["perpetrator"]), arts, GRADES) == ("B", 2)
    assert event_grade(event(gazette), arts, GRADES) == ("B", 3)
    assert event_grade(event(gazette, quay, conflicts=["date"]), arts, GRADES) == ("B", 4)
    assert event_grade(event(unknown), arts, GRADES) == ("F", 6)


def test_a_copy_never_corroborates():
    gazette = article("a", "Harbour Gazette")
    copy = article("b", "Quay Reprints", copy_of="a")
    arts = {a.id: a for a in (gazette, copy)}
    assert event_grade(event(gazette, copy), arts, GRADES) == ("B", 3)


def test_events_carry_grade_and_sources_their_reliability(config, example_store):
    from briefgen.analysis import load
    from briefgen.analysis.events_table import row
    from briefgen.extract import pipeline_version

    analysis = load(config, example_store, pipeline_version(config))
    rows = [row(e, analysis.articles, config.sources) for e in analysis.events]
    moscow = next(r for r in rows if r["location"] == "Moscow" and r["type"] == "attack")
    assert moscow["grade"] == "B1" and moscow["reliability"] == "B" and moscow["credibility"] == 1
    assert {s["reliability"] for s in moscow["sources"]} >= {"B", "C"}
