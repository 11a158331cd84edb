"""Every section of the weekly and the actor brief renders from the example corpus,
with what an analyst expects in it."""

from __future__ import annotations

import datetime as dt
import re

import lxml.html
import pytest

from briefgen.render.output import render_html


def sections_of(html: str) -> dict[str, lxml.html.HtmlElement]:
    tree = lxml.html.fromstring(html)
    return {s.get("id"): s for s in tree.xpath("//main/section")}


def text(element) -> str:
    # Pieces joined by spaces, so "<dt>Issued</dt><dd>…" reads "Issued …".
    return " ".join(" ".join(element.itertext()).split())


@pytest.fixture(scope="module")
def weekly(config, make_weekly):
    context = make_weekly()
    return context, render_html(config, context)


@pytest.fixture(scope="module")
def actor(config, make_actor):
    context = make_actor()
    return context, render_html(config, context)


@pytest.mark.parametrize("brief", ["weekly", "actor"])
def test_every_configured_section_renders_in_order_with_a_body(brief, config, weekly, actor):
    _, html = weekly if brief == "weekly" else actor
    found = sections_of(html)
    assert list(found) == [s.id for s in config.briefs[brief].sections]
    for section in config.briefs[brief].sections:
        element = found[section.id]
        assert element.xpath("./h2")[0].text_content() == section.title
        body = text(element)[len(section.title) :].strip()
        assert body, f"section {section.id} is empty"


def test_cover_states_period_issue_date_cut_off_and_marking(weekly, config):
    context, html = weekly
    cover = text(lxml.html.fromstring(html).xpath("//header[@class='cover']")[0])
    assert config.briefs["weekly"].marking in cover
    assert "2024-W12 (18 Mar – 24 Mar 2024)" in cover
    assert f"Issued {dt.date.today().isoformat()}" in cover
    # The cut-off is the newest article the period could draw on.
    assert "Data cut-off 2024-03-24" in cover
    assert context["cut_off"] == "2024-03-24"


def test_sections_expected_to_have_content_on_the_example_corpus(weekly, actor):
    weekly_sections = sections_of(weekly[1])
    for name in (
        "key-points",
        "since-last-period",
        "external-attacks",
        "timeline",
        "charts",
        "quotes",
        "sources",
        "method",
    ):
        assert not weekly_sections[name].xpath(".//*[@class='empty']"), name
    actor_sections = sections_of(actor[1])
    for name in ("profile", "events", "relations", "timeline-chart", "quotes", "sources"):
        assert not actor_sections[name].xpath(".//*[@class='empty']"), name


def test_key_points_follow_the_stated_rule(weekly, config):
    context, html = weekly
    section = next(s for s in context["sections"] if s["id"] == "key-points")
    [declared] = [s for s in config.briefs["weekly"].sections if s.id == "key-points"]
    limit = declared.select.limit
    assert 0 < len(section["events"]) <= limit
    severities = [e["severity"] for e in section["events"]]
    assert severities == sorted(severities, reverse=True)
    assert "Ranked by severity" in text(sections_of(html)["key-points"])
    assert "Key points" in text(
        sections_of(html)["method"]
    )  # the rule is stated in the method note


def test_since_last_period_compares_with_previous_period_and_four_period_average(weekly):
    context, html = weekly
    section = next(s for s in context["sections"] if s["id"] == "since-last-period")
    labels = [row["label"] for row in section["rows"]]
    assert labels == ["Attacks", "Killed (lowest figure reported)"]
    body = text(sections_of(html)["since-last-period"])
    assert "Previous period" in body and "Average of the 4 periods before" in body
    assert "11 Mar – 17 Mar 2024" in body


def test_timeline_keeps_dates_precision_hedges_and_source_counts(weekly):
    context, html = weekly
    period = context["period"]
    events = next(s for s in context["sections"] if s["id"] == "timeline")["events"]
    assert events
    for event in events:
        # Only this period's events; no date the reporting did not give.
        if event["date"] and event["precision"] == "day":
            assert period["start"] <= event["date"] <= period["end"]
        if not event["date"]:
            assert event["date_label"].startswith("date not stated")
    header = [text(th) for th in sections_of(html)["timeline"].xpath(".//thead//th")]
    assert header == [
        "Date",
        "Event",
        "Place",
        "Perpetrator",
        "Claim",
        "Killed",
        "Wounded",
        "Sources",
    ]
    body = text(sections_of(html)["timeline"])
    assert re.search(r"(at least|about) \d+", body), "hedged figures keep their hedge"


def test_timeline_lists_differing_tolls_under_their_row_each_with_its_source(weekly):
    context, html = weekly
    events = next(s for s in context["sections"] if s["id"] == "timeline")["events"]
    table = sections_of(html)["timeline"].xpath(".//table")[0]
    rows = table.xpath("./tbody/tr")
    disputed = [e for e in events if any(e[k] and e[k]["disputed"] for k in ("killed", "wounded"))]
    assert disputed, "the example week has tolls its sources disagree on"
    lines = [row for row in rows if row.get("class") == "differ-line"]
    assert len(lines) == len(disputed)
    for line in lines:
        event_row = line.getprevious()
        assert event_row.get("class") == "differs"
        assert any(text(cell).endswith("*") for cell in event_row.xpath("./td"))
        cell = line.xpath("./td")[0]
        assert cell.get("colspan") == "8"
        assert text(cell).startswith("* Reports differ.")
    for event, line in zip(disputed, lines, strict=True):
        cited = {
            int(a.get("href").removeprefix("#src-")) for a in line.xpath(".//a[@class='cite']")
        }
        for key, label in (("killed", "Killed"), ("wounded", "Wounded")):
            fig = event[key]
            if fig and fig["disputed"]:
                assert f"{label}:" in text(line)
                # Every source that states a figure is cited, as a working link
                # (or inside a run such as [3]–[6], whose ends are the links).
                for row in fig["by_source"]:
                    assert row["source"] in cited or min(cited) < row["source"] < max(cited)


def test_timeline_is_in_date_order(weekly):
    from briefgen.models import PartialDate

    context, _ = weekly
    events = next(s for s in context["sections"] if s["id"] == "timeline")["events"]
    days = [PartialDate.parse(e["date"]).first_day() for e in events if e["date"]]
    assert days == sorted(days)


def test_claims_are_kept_apart_from_attributions(weekly):
    context, html = weekly
    for section in context["sections"]:
        if section["template"] != "topic":
            continue
        for event in section["claims"]:
            assert event["claimed_by"]
        for event in section["attributions"]:
            assert event["perpetrator"] and event["perpetrator"] != event["claimed_by"]
    body = text(sections_of(html)["external-attacks"])
    assert "Claims of responsibility." in body


def test_charts_are_inline_svg(weekly, actor):
    for _, html in (weekly, actor):
        charts = lxml.html.fromstring(html).xpath("//figure[@class='chart']//svg")
        assert charts and all(chart.xpath(".//rect") for chart in charts)
    weekly_chart = sections_of(weekly[1])["charts"]
    assert "Events per day" in text(weekly_chart)


def test_quotes_name_speaker_and_are_not_repeated(weekly, actor):
    for context, _ in (weekly, actor):
        quotes = [f for s in context["sections"] if s["template"] == "quotes" for f in s["facts"]]
        assert quotes
        assert all(q["data"]["speaker"] for q in quotes)
        said = [(q["data"]["speaker"], " ".join(q["data"]["text"].split())) for q in quotes]
        assert len(said) == len(set(said)), "a syndicated quote is shown once, citing every copy"


def test_background_lists_earlier_events_only(weekly):
    context, _ = weekly
    background = next(s for s in context["sections"] if s["id"] == "background")["events"]
    for event in background:
        assert event["date"] and event["date"] < context["period"]["start"]


def test_every_citation_points_into_the_sources_annex(weekly, actor):
    for context, html in (weekly, actor):
        tree = lxml.html.fromstring(html)
        cited = {a.get("href")[len("#src-") :] for a in tree.xpath("//a[@class='cite']")}
        listed = {li.get("id")[len("src-") :] for li in tree.xpath("//ol[@class='sources']/li")}
        assert cited and cited <= listed
        assert [s["n"] for s in context["sources"]] == list(range(1, len(context["sources"]) + 1))
        for entry in context["sources"]:
            assert entry["title"] and entry["outlet"] and entry["published"]
        assert any(entry["url"] for entry in context["sources"])


def test_undated_articles_are_listed_apart_and_never_given_a_date(config, make_weekly):
    from briefgen.models import Article

    undated = Article(
        id="undated-1",
        origin="note.txt",
        title="A report with no date",
        text="...",
        source="Somewhere Post",
        date_note="no date in the text or its metadata",
    )
    context = make_weekly(extra_articles=[undated])
    html = render_html(config, context)
    body = text(sections_of(html)["undated"])
    assert "A report with no date" in body and "no date in the text or its metadata" in body
    entry = next(s for s in context["sources"] if s["title"] == "A report with no date")
    assert entry["published"] == "undated"


def test_actor_profile_and_roles(actor, config):
    context, html = actor
    assert context["brief"]["title"] == "Actor Brief: IS-K"
    profile = next(s for s in context["sections"] if s["id"] == "profile")["profile"]
    assert profile["name"] == "IS-K" and "ISKP" in profile["aliases"]
    assert profile["first_seen"] <= profile["last_seen"]
    events = next(s for s in context["sections"] if s["id"] == "events")["events"]
    assert events and all(e["roles"] for e in events)
    assert any("perpetrator" in e["roles"] for e in events)
    relations = next(s for s in context["sections"] if s["id"] == "relations")["relations"]
    assert relations and all(r["actor"] != "IS-K" and r["count"] > 0 for r in relations)
    assert "all articles in the store" in text(lxml.html.fromstring(html).xpath("//header")[0])
