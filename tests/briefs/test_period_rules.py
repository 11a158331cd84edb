"""What a weekly brief holds, on articles written for these tests: the coarse-date
rule, the cut-off (`--as-of`) and the topic scope of a topic brief."""

from __future__ import annotations

import datetime as dt
from typing import Any

import lxml.html

from briefgen.analysis import analyse
from briefgen.briefs import BriefData, build_context
from briefgen.models import Article, Count, Event, Fact, PartialDate
from briefgen.periods import LATEST, cut_off, week_period
from briefgen.render import BriefRequest, make_brief

WEEK = week_period("2024-W12")  # Mon 18 – Sun 24 March 2024


def article(name: str, published: str) -> Article:
    return Article(
        id=name,
        origin=f"{name}.md",
        title=f"Report {name}",
        text="",
        source=f"Outlet {name}",
        published=dt.date.fromisoformat(published),
    )


def event(source: Article, date: PartialDate | None, place: str, topics=(), **fields) -> Fact:
    data = Event(type="attack", date=date, location=place, country="Afghanistan", **fields)
    return Fact(
        kind="event",
        article_id=source.id,
        sentence=f"{source.id} tells of an attack in {place}.",
        start=0,
        end=1,
        data=data.to_dict(),
        topics=list(topics),
    )


def weekly(config, articles: list[Article], facts: list[Fact]) -> dict[str, dict[str, Any]]:
    """The W12 weekly's sections by id, read to the period's end as `briefgen brief` does."""
    data = BriefData(analyse(config, articles, facts, as_of=cut_off(WEEK, None)))
    context = build_context(config, "weekly", data, period=WEEK, issued=dt.date(2024, 3, 25))
    return {s["id"]: s for s in context["sections"]}


def text(tree, part: str) -> str:
    """The words of the cover or of one section, spaced."""
    path = "//header[@class='cover']" if part == "cover" else f"//section[@id='{part}']"
    return " ".join(" ".join(tree.xpath(path)[0].itertext()).split())


def places(section: dict[str, Any]) -> list[str]:
    return [e["location"] for e in section["events"]]


def period_places(sections: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Where each section that counts the period's events puts them."""
    return {
        "key points": places(sections["key-points"]),
        "topic": places(sections["isk-vs-taliban"]),
        "timeline": places(sections["timeline"]),
    }


def test_an_event_known_only_to_the_year_is_background_not_this_weeks(config):
    # "Earlier this year", told in this week's article, next to this week's own attack.
    news = article("news", "2024-03-21")
    facts = [
        event(news, PartialDate(2024, 3, 21), "Kandahar", ["isk_vs_taliban"], killed=Count(4)),
        event(news, PartialDate(2024), "Herat", ["isk_vs_taliban"], killed=Count(30)),
    ]
    sections = weekly(config, [news], facts)
    assert period_places(sections) == {
        "key points": ["Kandahar"],
        "topic": ["Kandahar"],
        "timeline": ["Kandahar"],
    }
    attacks, killed = sections["since-last-period"]["rows"]
    assert (attacks["now"], killed["now"]) == (1, 4)
    assert sum(day["value"] for day in sections["charts"]["series"]) == 1
    [old] = sections["background"]["events"]
    assert (old["location"], old["date_label"]) == ("Herat", "2024")


def test_an_event_known_only_to_the_month_counts_when_the_reporting_says_it_is_new(config):
    early = article("early", "2024-03-05")
    news = article("news", "2024-03-20")
    facts = [
        # First told this week, and nobody gives its day: this week's news.
        event(news, PartialDate(2024, 3), "Jalalabad", ["isk_vs_taliban"]),
        # Told on 5 March already: this week's article only recalls it.
        event(early, PartialDate(2024, 3), "Kunduz", ["isk_vs_taliban"]),
        event(news, PartialDate(2024, 3), "Kunduz", ["isk_vs_taliban"]),
    ]
    sections = weekly(config, [early, news], facts)
    assert period_places(sections) == {
        "key points": ["Jalalabad"],
        "topic": ["Jalalabad"],
        "timeline": ["Jalalabad"],
    }
    assert places(sections["background"]) == ["Kunduz"]
    assert sections["background"]["events"][0]["date_label"] == "Mar 2024"


def test_a_topic_brief_keeps_to_the_events_its_sections_select(config):
    news = article("news", "2024-03-21")
    facts = [
        event(news, PartialDate(2024, 3, 21), "Kandahar", ["isk_vs_taliban"], killed=Count(4)),
        # No configured topic selects these: another state's strike, another group's attack.
        event(news, PartialDate(2024, 3, 20), "Khost", killed=Count(8)),
        event(news, PartialDate(2024, 3, 19), "Kunar", killed=Count(2)),
    ]
    sections = weekly(config, [news], facts)
    assert period_places(sections)["key points"] == ["Kandahar"]
    assert places(sections["timeline"]) == ["Kandahar"]
    assert sections["since-last-period"]["rows"][0]["now"] == 1
    assert sum(day["value"] for day in sections["charts"]["series"]) == 1
    for name in ("timeline", "charts", "since-last-period"):
        assert sections[name]["outside_topics"] == 2, name


def test_a_past_week_reads_as_it_did_at_its_cut_off_unless_as_of_says_otherwise(
    config, fresh_store, tmp_path
):
    first = article("first", "2024-03-22")
    later = article("later", "2024-03-27")  # after the week: a revised toll
    fresh_store.add_articles([first, later])
    facts = {
        "first": [
            event(first, PartialDate(2024, 3, 22), "Kabul", ["isk_vs_taliban"], killed=Count(6))
        ],
        "later": [
            event(later, PartialDate(2024, 3, 22), "Kabul", ["isk_vs_taliban"], killed=Count(41))
        ],
    }
    fresh_store.save_extractions("test", facts)

    def render(as_of: dt.date | None) -> tuple[str, str, str]:
        out = tmp_path / str(as_of)
        request = BriefRequest("weekly", week="2024-W12", formats=["html"], out_dir=out)
        request.as_of = as_of
        [path] = make_brief(config, fresh_store, "test", request).paths
        tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
        return text(tree, "cover"), text(tree, "timeline"), text(tree, "method")

    cover, timeline, method = render(None)
    assert "Data cut-off 2024-03-24 (the period's end" in cover
    # The method note states the cut-off and the coarse-date rule.
    assert "uses only articles published by 2024-03-24" in method
    assert "One known only to a year never counts in a week" in method
    assert "1 later article left out" in cover
    assert " 6 " in timeline and "41" not in timeline

    cover, timeline, _ = render(LATEST)
    assert "--as-of latest" in cover and "41" in timeline

    cover, timeline, _ = render(dt.date(2024, 3, 30))
    assert "Data cut-off 2024-03-30 (set with --as-of" in cover and "41" in timeline
