"""Merging event mentions across articles, on hand-made facts (no spaCy).

The articles are invented: a bombing in Jalalabad reported with a rising toll, a
copy of one report, a same-day disagreement, and events that must stay apart.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from briefgen.analysis.merge import (
    DAY_SLACK,
    NEARBY_KM,
    UNDATED_WINDOW_DAYS,
    merge_events,
    places_agree,
    same_event,
)
from briefgen.geo import distance_km
from briefgen.models import Article, Count, Event, Fact, PartialDate, dates_agree

PARENTS = {"IS-K": "Islamic State", "Islamic State": None, "Taliban": None}
_ids = itertools.count(1)


def article(
    name: str, published: str | None, outlet: str = "Outlet", copy_of: str | None = None
) -> Article:
    return Article(
        id=name,
        origin=f"{name}.md",
        title=f"Title of {name}",
        text="",
        source=outlet,
        published=dt.date.fromisoformat(published) if published else None,
        copy_of=copy_of,
    )


def mention(source: Article, sentence: str = "", **fields) -> Fact:
    fields.setdefault("type", "attack")
    for name in ("killed", "wounded"):
        if isinstance(fields.get(name), int):
            fields[name] = Count(fields[name], fields[name])
    if isinstance(fields.get("date"), str):
        fields["date"] = PartialDate.parse(fields["date"])
    event = Event(**fields)
    return Fact(
        kind="event",
        article_id=source.id,
        sentence=sentence or f"{source.id} says.",
        start=0,
        end=1,
        data=event.to_dict(),
        id=next(_ids),
    )


def merge(*pairs: tuple[Article, Fact]):
    articles = {a.id: a for a, _ in pairs}
    return merge_events([f for _, f in pairs], articles, parents=PARENTS)


def jalalabad(source: Article, **fields) -> tuple[Article, Fact]:
    base = dict(
        date="2024-05-02",
        location="Jalalabad",
        country="Afghanistan",
        attack_type="suicide bombing",
    )
    base.update(fields)
    return source, mention(source, **base)


# -- one event, several reports -------------------------------------------------


def test_reports_of_one_bombing_merge_with_every_figure_kept_as_revisions():
    a = article("a", "2024-05-02", "Kabul Ledger")
    b = article("b", "2024-05-03", "Meridian")
    c = article("c", "2024-05-05", "Steppe Times")
    events = merge(
        jalalabad(a, killed=Count(12, None)),  # "at least 12"
        jalalabad(b, killed=31, perpetrator="IS-K"),
        jalalabad(c, killed=40, claimed_by="Islamic State"),
    )
    assert len(events) == 1
    event = events[0]
    assert {r.article.id for r in event.reports} == {"a", "b", "c"}
    assert event.independent_sources == 3
    killed = event.figure_summary("killed")
    assert (killed.min, killed.max) == (12, 40)  # a range, never an average
    assert [(r.report.article.id, r.number, r.revises) for r in killed.by_source] == [
        ("a", 12, False),
        ("b", 31, True),
        ("c", 40, True),
    ]
    assert killed.revised and not killed.conflict
    assert "killed" not in event.conflicts  # a toll revised day by day is no conflict
    assert event.event.killed == Count(40, 40)  # the newest report's figure
    assert event.event.perpetrator == "IS-K" and event.event.claimed_by == "Islamic State"
    assert "perpetrator" not in event.conflicts


def test_figures_of_the_same_day_that_differ_are_a_conflict():
    a = article("a", "2024-05-02", "Kabul Ledger")
    b = article("b", "2024-05-02", "Meridian")
    (event,) = merge(
        jalalabad(a, killed=21, wounded=50), jalalabad(b, killed=Count(3, 3), wounded=12)
    )
    assert event.conflicts == ["killed", "wounded"]
    summary = event.figure_summary("killed")
    assert summary.conflict and (summary.min, summary.max) == (3, 21)
    assert event.event.killed == Count(3, 3)  # counts and charts use the lowest of the newest day


def test_same_number_with_a_different_hedge_is_no_dispute():
    a = article("a", "2024-05-02")
    b = article("b", "2024-05-03")
    (event,) = merge(jalalabad(a, killed=Count(21, None)), jalalabad(b, killed=21))
    summary = event.figure_summary("killed")
    assert not summary.disputed and not summary.conflict and not summary.revised
    assert (summary.min, summary.max) == (21, 21)


def test_a_copy_is_a_report_but_not_an_independent_source():
    a = article("a", "2024-05-02", "Volga Courier")
    copy = article("copy", "2024-05-02", "Levant Dispatch", copy_of="a")
    b = article("b", "2024-05-03", "Meridian")
    (event,) = merge(jalalabad(a, killed=30), jalalabad(copy, killed=30), jalalabad(b, killed=30))
    assert len(event.sources()) == 3
    assert event.independent_sources == 2
    assert event.severity() == pytest.approx(30 + 5 * 2 + 3)  # five points per independent source


def test_a_story_told_twice_in_one_article_is_one_source():
    a = article("a", "2024-05-02")
    b = article("b", "2024-05-02")
    events = merge(
        jalalabad(a, killed=30),
        jalalabad(a, killed=30, location=None),  # retold, vaguer
        jalalabad(b, killed=30),
    )
    assert len(events) == 1
    assert len(events[0].reports) == 3
    assert len(events[0].sources()) == 2 and events[0].independent_sources == 2
    assert len(events[0].figure_summary("killed").by_source) == 2  # one figure per article


# -- the rule, part by part -----------------------------------------------------


def test_dates_agree_at_the_coarser_precision_with_one_day_of_slack():
    day = PartialDate(2024, 3, 22)
    assert dates_agree(day, PartialDate(2024, 3))
    assert dates_agree(day, PartialDate(2024))
    assert dates_agree(day, PartialDate(2024, 3, 22 + DAY_SLACK))
    assert not dates_agree(day, PartialDate(2024, 3, 22 + DAY_SLACK + 1))
    assert not dates_agree(day, PartialDate(2024, 4))
    assert not dates_agree(day, PartialDate(2024, 3, 23), slack=0)
    assert dates_agree(None, day)


def test_one_day_of_slack_between_outlets_but_not_within_one_article():
    a = article("a", "2024-05-03")
    b = article("b", "2024-05-03")
    assert len(merge(jalalabad(a), jalalabad(b, date="2024-05-03"))) == 1
    assert len(merge(jalalabad(a), jalalabad(a, date="2024-05-03"))) == 2


def test_places_nearby_or_only_a_country_on_one_side():
    moscow = Event("attack", location="Moscow", country="Russia")
    krasnogorsk = Event("attack", location="Krasnogorsk", country="Russia")
    russia = Event("attack", country="Russia")
    assert distance_km("Moscow", "Russia", "Krasnogorsk", "Russia") < NEARBY_KM
    assert places_agree(moscow, krasnogorsk)
    assert places_agree(moscow, russia)
    assert not places_agree(moscow, Event("attack", location="Kaluga", country="Russia"))
    assert not places_agree(russia, Event("attack", country="Iran"))
    assert not places_agree(Event("attack"), russia)  # nothing to compare


def test_country_only_report_joins_the_city_report():
    a = article("a", "2024-05-02")
    b = article("b", "2024-05-03")
    (event,) = merge(jalalabad(a, killed=20), jalalabad(b, location=None, killed=25))
    assert event.event.location == "Jalalabad" and event.independent_sources == 2


def test_different_cities_or_kinds_stay_apart():
    a = article("a", "2024-05-02")
    b = article("b", "2024-05-02")
    c = article("c", "2024-05-02")
    events = merge(
        jalalabad(a),
        jalalabad(b, location="Kandahar"),
        jalalabad(c, type="foiled_plot"),
    )
    assert len(events) == 3


def test_parent_and_affiliate_agree_but_rival_groups_do_not():
    isk = Event("attack", PartialDate(2024, 5, 2), "Jalalabad", "Afghanistan", perpetrator="IS-K")
    claim = Event(
        "attack", PartialDate(2024, 5, 2), country="Afghanistan", claimed_by="Islamic State"
    )
    rival = Event("attack", PartialDate(2024, 5, 2), country="Afghanistan", perpetrator="Taliban")
    assert same_event(isk, claim, PARENTS)
    assert not same_event(isk, rival, PARENTS)
    assert not same_event(isk, claim, {})  # without the configured parent they are strangers


def test_same_day_and_place_with_rival_perpetrators_merge_as_a_conflict():
    a = article("a", "2024-05-02", "Kabul Ledger")
    b = article("b", "2024-05-02", "Meridian")
    (event,) = merge(jalalabad(a, perpetrator="IS-K"), jalalabad(b, perpetrator="Taliban"))
    assert "perpetrator" in event.conflicts


def test_claims_that_contradict_are_a_conflict():
    a = article("a", "2024-05-02")
    b = article("b", "2024-05-03")
    (event,) = merge(jalalabad(a, claimed_by="Islamic State"), jalalabad(b, claimed_by="Taliban"))
    assert "claimed_by" in event.conflicts


def test_a_report_cannot_tell_of_a_later_event():
    warning = article("warning", "2024-04-20")  # warns of an attack in Jalalabad, undated
    a = article("a", "2024-05-02")
    events = merge(jalalabad(a), jalalabad(warning, date=None))
    assert len(events) == 2


def test_undated_mention_joins_recent_news_only():
    a = article("a", "2024-05-02")
    soon = article("soon", "2024-05-10")
    late = article(
        "late", (dt.date(2024, 5, 2) + dt.timedelta(days=UNDATED_WINDOW_DAYS + 5)).isoformat()
    )
    events = merge(jalalabad(a), jalalabad(soon, date=None), jalalabad(late, date=None))
    assert sorted(len(e.reports) for e in events) == [1, 2]


def test_a_vague_mention_does_not_chain_two_events():
    first = article("first", "2024-05-02")
    second = article("second", "2024-05-20")
    vague = article("vague", "2024-05-21")
    events = merge(
        jalalabad(first),
        jalalabad(second, date="2024-05-20"),
        jalalabad(vague, date="2024-05"),
    )
    assert len(events) == 2
    joined = next(e for e in events if len(e.reports) == 2)
    assert {r.article.id for r in joined.reports} == {"second", "vague"}  # the closer one


def test_a_vague_mention_with_nothing_concrete_stays_alone():
    a = article("a", "2024-05-02")
    b = article("b", "2024-05-03")
    # b names neither a date nor a place finer than the country: nothing ties it to a.
    events = merge(jalalabad(a), jalalabad(b, date=None, location=None))
    assert len(events) == 2


def test_order_follows_the_timeline_and_ids_do_not():
    a = article("a", "2024-05-02")
    b = article("b", "2024-06-02")
    events = merge(jalalabad(b, date="2024-06-01"), jalalabad(a))
    assert [e.when() for e in events] == [dt.date(2024, 5, 2), dt.date(2024, 6, 1)]
    # An id comes from the event's earliest report, not from its place in the list.
    later = merge(jalalabad(a))
    assert later[0].id == events[0].id and events[0].id.startswith("E-")
    assert events[1].id != events[0].id


def test_the_method_note_states_the_thresholds_in_force(root):
    from briefgen.ingest.copies import COPY_CONTAINMENT

    note = (root / "templates" / "sections" / "method.html.j2").read_text()
    assert f"within {NEARBY_KM:g} km" in note
    assert f"the {UNDATED_WINDOW_DAYS} days before" in note
    assert f"at least {COPY_CONTAINMENT:.0%} of the shorter text" in note
    assert "one day of slack" in note and DAY_SLACK == 1


def test_a_named_site_joins_a_report_that_names_no_city():
    import datetime as dt

    from briefgen.models import Article, Event, Fact, PartialDate

    def article(key, day):
        return Article(
            id=key,
            origin=f"{key}.md",
            title=key,
            text="",
            source=key,
            published=dt.date(2024, 5, day),
        )

    def fact(key, event):
        return Fact(kind="event", article_id=key, sentence="", start=0, end=0, data=event.to_dict())

    articles = {"a": article("a", 4), "b": article("b", 6)}
    first = Event("attack", PartialDate(2024, 5, 3), "Lahore", "Pakistan", venue="Grand Arena Hall")
    later = Event("attack", None, None, None, perpetrator="TTP", venue="Grand Arena Hall")
    merged = merge_events([fact("a", first), fact("b", later)], articles)
    assert len(merged) == 1 and merged[0].independent_sources == 2


def test_one_articles_attacks_on_different_targets_stay_two():
    import datetime as dt

    from briefgen.models import Article, Event, Fact

    page = Article(
        id="p", origin="p.md", title="p", text="", source="P", published=dt.date(2023, 1, 3)
    )
    hotel = Event("attack", None, None, "Afghanistan", perpetrator="IS-K", target="the Grand Hotel")
    envoy = Event(
        "attack",
        None,
        None,
        "Afghanistan",
        perpetrator="IS-K",
        target="an envoy",
        attack_type="assassination",
    )
    vague = Event("attack", None, None, "Afghanistan", perpetrator="IS-K")
    facts = [
        Fact(id=i, kind="event", article_id="p", sentence="", start=0, end=0, data=e.to_dict())
        for i, e in enumerate([hotel, envoy, vague], start=1)
    ]
    merged = merge_events(facts, {"p": page})
    assert len(merged) == 2  # the vague mention joins one of them; hotel and envoy stay apart
