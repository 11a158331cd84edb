"""Dates for events of undated articles, from dated reports of the same events."""

import datetime as dt

from briefgen.analysis import analyse
from briefgen.analysis.corroborate import corroborated_dates
from briefgen.analysis.merge import merge_events
from briefgen.models import Article, Event, Fact, PartialDate


def article(key, published):
    return Article(id=key, origin=f"{key}.txt", title=key, text="", source=key, published=published)


def fact(number, key, event):
    return Fact(
        id=number, kind="event", article_id=key, sentence="", start=0, end=0, data=event.to_dict()
    )


ARTICLES = {"dated": article("dated", dt.date(2024, 5, 4)), "undated": article("undated", None)}


def test_an_undated_report_takes_the_date_of_a_dated_one(config):
    facts = [
        fact(
            1, "dated", Event("attack", PartialDate(2024, 5, 3), "Quetta", "Pakistan", killed=None)
        ),
        fact(2, "undated", Event("attack", None, "Quetta", "Pakistan")),
    ]
    found = corroborated_dates(merge_events(facts, ARTICLES))
    assert found == {2: (PartialDate(2024, 5, 3), "corroborated by dated.txt")}
    updated = analyse(config, list(ARTICLES.values()), facts).facts
    assert updated[1].data["corroborated_date"] == "2024-05-03"
    assert updated[1].data["date_basis"].startswith("corroborated")
    assert facts[1].data["date"] is None  # the stored facts are not changed


def test_the_corroborated_year_resolves_a_yearless_date():
    facts = [
        fact(1, "dated", Event("attack", PartialDate(2024, 5, 3), "Quetta", "Pakistan")),
        fact(2, "undated", Event("attack", None, "Quetta", "Pakistan")),
        fact(3, "undated", Event("attack", None, "Lahore", "Pakistan", date_text="April 2")),
    ]
    found = corroborated_dates(merge_events(facts, ARTICLES))
    assert found[3][0] == PartialDate(2024, 4, 2)


def test_nothing_is_invented_without_corroboration():
    facts = [fact(3, "undated", Event("attack", None, "Lahore", "Pakistan", date_text="April 2"))]
    assert corroborated_dates(merge_events(facts, ARTICLES)) == {}


def test_the_facts_contract_keeps_the_texts_date_and_puts_the_lent_one_beside_it(config):
    facts = [
        fact(1, "dated", Event("attack", PartialDate(2024, 5, 3), "Quetta", "Pakistan")),
        fact(2, "undated", Event("attack", None, "Quetta", "Pakistan")),
    ]
    analysis = analyse(config, list(ARTICLES.values()), facts)
    updated = analysis.facts
    assert updated[1].data["date"] is None
    assert updated[1].data["corroborated_date"] == "2024-05-03"
    assert updated[1].data["date_basis"] == "corroborated by dated.txt"
    # Merged events and briefs date the report by the lent date.
    [event] = analysis.events
    assert event.event.date == PartialDate(2024, 5, 3)
