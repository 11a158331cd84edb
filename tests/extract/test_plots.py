"""Foiled plots told without a word of foiling, and the arrests that stopped them."""

import pytest


@pytest.fixture(scope="module")
def events(facts_of):
    return lambda text, published="2024-06-14": facts_of("event", text, published)


def test_a_planned_attack_that_got_a_festival_cancelled(events):
    [event] = events(
        "The two-day music festival in Hamburg was cancelled after police confirmed a "
        "planned attack on the main stage, the organisers said."
    )
    assert event["type"] == "foiled_plot"
    assert event["location"] == "Hamburg"


def test_the_plan_told_in_an_article_about_a_trial(events):
    found = events(
        "Five suspected ISIS members went on trial in Munich on Tuesday. "
        "Prosecutors say the men made plans against synagogues in Germany."
    )
    [plot] = [e for e in found if e["type"] == "foiled_plot"]
    assert plot["country"] == "Germany"


def test_a_plan_talked_of_in_an_article_with_no_stopped_plot_is_not_one(events):
    found = events("Analysts say the group made plans against churches in France for years.")
    assert [e for e in found if e["type"] == "foiled_plot"] == []


def test_the_arrests_that_stopped_a_plot_fold_into_it_and_date_it(events):
    found = events(
        "A 17-year-old was arrested on Thursday in connection with a foiled plot to attack "
        "a concert in Hamburg, Germany. The main suspect planned to strike the crowd on "
        "Saturday. He was taken into custody on Tuesday, police said."
    )
    assert [e["type"] for e in found] == ["foiled_plot"]
    # Stopped with the first arrest, not on the day the plotters aimed at.
    assert found[0]["date"] == "2024-06-11"
    assert found[0]["location"] == "Hamburg"


def test_arrests_in_another_country_still_stopped_the_plot(events):
    found = events(
        "German police arrested two men suspected of plotting an attack on a stadium in "
        "Vienna, Austria. The men were detained in Munich, Germany, on Tuesday, "
        "prosecutors said."
    )
    assert [e["type"] for e in found] == ["foiled_plot"]
    assert found[0]["location"] == "Vienna"
