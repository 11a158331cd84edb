"""A merged event as the brief shows it: the range with who reported what, revisions,
same-day conflicts, disagreements on the perpetrator, and independent sources."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.analysis import analyse
from briefgen.briefs import BriefData
from briefgen.models import Article, Count, Event, Fact, PartialDate


def article(name, published, outlet, copy_of=None):
    return Article(
        id=name,
        origin=f"{name}.md",
        title=name,
        text="",
        source=outlet,
        published=dt.date.fromisoformat(published),
        copy_of=copy_of,
    )


def fact(source, **fields):
    event = Event(
        **{
            "type": "attack",
            "date": PartialDate(2024, 3, 22),
            "location": "Moscow",
            "country": "Russia",
            **fields,
        }
    )
    return Fact(
        kind="event",
        article_id=source.id,
        sentence=f"{source.id} reports.",
        start=0,
        end=1,
        data=event.to_dict(),
    )


@pytest.fixture()
def view(config):
    a = article("a", "2024-03-22", "Eurasia Briefing")
    b = article("b", "2024-03-23", "Meridian Newswire")
    c = article("c", "2024-03-23", "Caspian Wire")
    d = article("d", "2024-03-24", "Volga Courier")
    e = article("e", "2024-03-24", "Levant Dispatch", copy_of="d")
    facts = [
        fact(a, killed=Count(60), claimed_by="Islamic State"),
        fact(b, killed=Count(115), location="Krasnogorsk", perpetrator="IS-K"),
        fact(c, killed=Count(133, 133), perpetrator="Ukraine"),
        fact(d, killed=Count(137, 137)),
        fact(e, killed=Count(137, 137)),
    ]
    data = BriefData(analyse(config, [a, b, c, d, e], facts))
    assert len(data.events) == 1
    return data.event_view(data.events[0])


def test_figure_keeps_every_source_with_revisions_and_the_range(view):
    killed = view["killed"]
    assert killed["text"] == "137"  # the newest report's figure
    assert (
        killed["range"] == "at least 60 (Eurasia Briefing, 22 Mar) to 137 (Volga Courier, 24 Mar)"
    )
    assert [(r["outlet"], r["text"], r["revises"]) for r in killed["by_source"]] == [
        ("Eurasia Briefing", "at least 60", False),
        ("Meridian Newswire", "at least 115", True),
        ("Caspian Wire", "133", True),
        ("Volga Courier", "137", True),
        ("Levant Dispatch", "137", False),  # the same day's revision, repeated
    ]
    assert killed["by_source"][-1]["is_copy"] and not killed["by_source"][-2]["is_copy"]
    assert killed["disputed"] and killed["revised"]
    assert killed["conflict"]  # 115 and 133 on the same day


def test_sources_and_disagreements(view):
    assert view["independent_sources"] == 4 and len(view["sources"]) == 5
    assert view["conflicts"] == ["perpetrator", "killed"]
    (who,) = view["disagreements"]
    assert who["label"] == "the perpetrator"
    assert {v["value"] for v in who["versions"]} == {"IS-K", "Ukraine"}


def test_event_summary_renders_range_revisions_and_disagreement(config, view):
    from briefgen.render.environment import make_environment, search_path

    env = make_environment(search_path(config))
    html = env.from_string('{% import "macros.html.j2" as m %}{{ m.event_summary(e) }}').render(
        e=view
    )
    assert "reported at least 60 (Eurasia Briefing, 22 Mar) to 137 (Volga Courier, 24 Mar)" in html
    assert "revised to 133, Caspian Wire, 23 Mar" in html
    assert "reports of the same day disagree" in html
    assert "Sources disagree on the perpetrator" in html
    assert "4 independent sources (5 reports, copies counted once)" in html
    assert "average" not in html


def test_many_reports_of_one_figure_show_where_it_changed(config):
    outlets = [article(f"r{i:02d}", f"2024-03-{22 + i // 8:02d}", f"Outlet {i}") for i in range(24)]
    tolls = [40] * 3 + [60] * 9 + [133] * 10 + [137] * 2
    facts = [fact(a, killed=Count(n, n)) for a, n in zip(outlets, tolls, strict=False)]
    data = BriefData(analyse(config, outlets, facts))
    view = data.event_view(data.events[0])
    killed = view["killed"]
    assert killed["range"].startswith("40 (Outlet 0, 22 Mar) to 137")
    shown = [r["text"] for r in killed["by_source"]]
    assert shown[0] == "40" and "60" in shown and "133" in shown and shown[-1] == "137"
    assert len(shown) <= 8 and killed["omitted"] == 24 - len(shown)
    assert len(view["sources"]) + view["more_sources"] == 24


def test_an_events_sources_are_numbered_in_the_order_they_reported(config):
    # Not in the order of a set of ids, which changes from run to run.
    outlets = [
        article(name, f"2024-03-{day}", f"Outlet {name}")
        for name, day in (("zulu", 22), ("mike", 23), ("alpha", 24), ("kilo", 25))
    ]
    data = BriefData(analyse(config, outlets, [fact(a) for a in outlets]))
    view = data.event_view(data.events[0])
    assert data.sources == {"zulu": 1, "mike": 2, "alpha": 3}
    assert view["sources"] == [1, 2, 3] and view["more_sources"] == 1
