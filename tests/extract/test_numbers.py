"""Tests for briefgen.extract.numbers on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.counts import parse_count
from briefgen.extract.numbers import Casualties, find_casualties
from briefgen.models import Count


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("21", Count(21, 21)),
        ("1,300", Count(1300, 1300)),
        ("12,500 people", Count(12500, 12500)),
        ("twenty-one", Count(21, 21)),
        ("Twenty one", Count(21, 21)),
        ("five", Count(5, 5)),
        ("one", Count(1, 1)),
        ("a dozen", Count(12, 12, True)),
        ("half a dozen", Count(6, 6, True)),
        ("two dozen", Count(24, 24)),
        ("hundred", Count(100, 100)),
        ("a hundred", Count(100, 100)),
        ("two hundred and fifty", Count(250, 250)),
        ("three thousand", Count(3000, 3000)),
        ("1.5 million", Count(1_500_000, 1_500_000)),
        ("at least 21", Count(21, None)),
        ("At least one", Count(1, None)),
        ("more than 1,300", Count(1300, None)),
        ("over a hundred", Count(100, None)),
        ("upwards of 40", Count(40, None)),
        ("no fewer than 9", Count(9, None)),
        ("21 or more", Count(21, None)),
        ("some 170", Count(170, 170, True)),
        ("about 30", Count(30, 30, True)),
        ("around 30", Count(30, 30, True)),
        ("roughly 30", Count(30, 30, True)),
        ("approximately 30", Count(30, 30, True)),
        ("an estimated 2,000", Count(2000, 2000, True)),
        ("nearly 100", Count(100, 100, True)),
        ("almost 100", Count(100, 100, True)),
        ("close to 100", Count(100, 100, True)),
        ("as many as 60", Count(60, 60, True)),
        ("up to 30", Count(30, 30, True)),
        ("40 or so", Count(40, 40, True)),
        ("fewer than 10", Count(None, 9)),
        ("tens", Count(10, None, True)),
        ("dozens", Count(12, None, True)),
        ("scores", Count(20, None, True)),
        ("hundreds", Count(100, None, True)),
        ("thousands", Count(1000, None, True)),
        ("tens of thousands", Count(10_000, None, True)),
        ("hundreds of thousands", Count(100_000, None, True)),
        ("dozens of people", Count(12, None, True)),
        ("10 to 15", Count(10, 15)),
        ("10-15", Count(10, 15)),
        ("between 10 and 15", Count(10, 15)),
        ("between ten and fifteen", Count(10, 15)),
        ("some 10 to 15", Count(10, 15, True)),
    ],
)
def test_parse_count(phrase: str, expected: Count) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "several",
        "many",
        "a number of",
        "a few",
        "numerous",
        "",
        "   ",
        "people",
        "2024-03-21",
        "25-year-old",
        "10:30",
        "15%",
        "the",
        "15 to 10",
    ],
)
def test_parse_count_none(phrase: str) -> None:
    assert parse_count(phrase) is None


@pytest.mark.parametrize(
    "sentence, killed, wounded",
    [
        # active verbs
        (
            "The gunmen opened fire, killing at least 21 people and wounding 50.",
            Count(21, None),
            Count(50, 50),
        ),
        ("It was the second bombing this month that killed 13.", Count(13, 13), None),
        ("A car bomb killed nine soldiers near the border.", Count(9, 9), None),
        ("The attack killed 13 and wounded more than 100 others.", Count(13, 13), Count(100, None)),
        (
            "The explosion at 10 am killed two worshippers and injured dozens.",
            Count(2, 2),
            Count(12, None, True),
        ),
        (
            "Insurgents killed some 170 Afghans and 13 American soldiers that summer.",
            Count(183, 183, True),
            None,
        ),
        ("Insurgents killed some 170 Afghans and 13 U.S. soldiers.", Count(183, 183, True), None),
        ("The bomber blew himself up, killing himself and 12 others.", Count(12, 12), None),
        ("The assault killed 21 people, including five children.", Count(21, 21), None),
        ("The raid killed five guards, two of them officers.", Count(5, 5), None),
        ("Rockets hit the camp, wounding 50 people, 20 of them critically.", None, Count(50, 50)),
        ("The fire killed 10-15 people.", Count(10, 15), None),
        ("The ambush killed nearly two dozen police officers.", Count(24, 24, True), None),
        ("The attack killed 21 people and 50 were wounded.", Count(21, 21), Count(50, 50)),
        ("Militants wounded 50 and 21 people were killed.", Count(21, 21), Count(50, 50)),
        ("Militants killed 3 attackers and 10 civilians", Count(10, 10), None),
        # left ... dead
        ("The blast left at least 21 dead and several injured.", Count(21, None), None),
        ("The shelling left 4 people dead and 11 injured.", Count(4, 4), Count(11, 11)),
        # lives and tolls
        ("The siege claimed the lives of at least 133 people.", Count(133, None), None),
        ("The fighting has cost 40 lives.", Count(40, 40), None),
        ("The death toll rose to 137 on Sunday.", Count(137, 137), None),
        ("Another body was recovered, raising the toll to 95.", Count(95, 95), None),
        ("The toll rose from 21 to 40 overnight.", Count(40, 40), None),
        ("Rescuers said the death toll had climbed to more than 60.", Count(60, None), None),
        ("The number of injured rose to 200.", None, Count(200, 200)),
        ("The bombing caused 21 deaths.", Count(21, 21), None),
        # passive and bare
        ("Officials said 21 people were killed.", Count(21, 21), None),
        ("At least 60 dead after the market bombing.", Count(60, None), None),
        ("More than 100 injured in the blast.", None, Count(100, None)),
        ("One person was killed in the attack.", Count(1, 1), None),
        ("Twenty-one civilians and four soldiers were killed.", Count(25, 25), None),
        ("21 people, most of them civilians, were killed.", Count(21, 21), None),
        ("Dozens of people were injured.", None, Count(12, None, True)),
        ("13 U.S. soldiers were killed.", Count(13, 13), None),
        ("About 30 people were reportedly wounded.", None, Count(30, 30, True)),
        ("Five people died and 30 were hurt.", Count(5, 5), Count(30, 30)),
        ("At least eight people were killed at 9:30 am.", Count(8, None), None),
        ("A policeman was killed in the crossfire.", Count(1, 1), None),
        (
            "A member of the security forces was killed and two civilians were wounded.",
            Count(1, 1),
            Count(2, 2),
        ),
        ("2000 people were killed in the flooding.", Count(2000, 2000), None),
        ("An attack on March 21 killed 13 people.", Count(13, 13), None),
        ("Three people including two children were killed.", Count(3, 3), None),
        ("Of the 30 passengers, 12 were killed.", Count(12, 12), None),
        ("The attack killed 1 Afghan and 2 Americans and injured 4.", Count(3, 3), Count(4, 4)),
        ("The group claimed 21 people were killed.", Count(21, 21), None),
        ("THE BLAST KILLED 21 PEOPLE.", Count(21, 21), None),
        # zeros
        ("No one was killed but 5 were injured.", Count(0, 0), Count(5, 5)),
        ("No casualties were reported.", Count(0, 0), Count(0, 0)),
    ],
)
def test_find_casualties(sentence: str, killed: Count | None, wounded: Count | None) -> None:
    assert find_casualties(sentence) == Casualties(killed, wounded)


@pytest.mark.parametrize(
    "sentence",
    [
        # attackers are not victims
        "Four gunmen were killed by the police.",
        "The bomber died in the explosion.",
        "Two attackers were shot dead.",
        "Security forces killed three militants in the raid.",
        "Two suspected insurgents were killed.",
        "An attacker was killed.",
        "One of the attackers was killed.",
        # vague
        "The strike killed several senior leaders.",
        "Many people were killed.",
        "A number of people were wounded.",
        # other numbers
        "The group has carried out 190 suicide bombings since 2014.",
        "A 25-year-old man was killed.",
        "Two weeks ago, police arrested a suspect.",
        "He was killed 21 years ago.",
        "The 2014 killings shocked the country.",
        "In 2015 killed and wounded were not counted.",
        "The meeting on 21 March was cancelled.",
        "Police set up 12 checkpoints on Route 5.",
        "The attack happened at 10:30 on 2024-03-21.",
        "",
        "No numbers here at all.",
    ],
)
def test_find_casualties_nothing(sentence: str) -> None:
    assert find_casualties(sentence) == Casualties(None, None)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_count_never_raises(text: str) -> None:
    result = parse_count(text)
    assert result is None or isinstance(result, Count)


_WORDS = st.sampled_from(
    [
        "killed",
        "wounded",
        "at",
        "least",
        "21",
        "people",
        "and",
        "were",
        "dead",
        "some",
        "dozens",
        "of",
        "gunmen",
        "1,300",
        "the",
        "toll",
        "rose",
        "to",
        "twenty-one",
        ",",
        "-",
        "2024",
        "injured",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=30).map(" ".join)))
def test_find_casualties_never_raises(text: str) -> None:
    result = find_casualties(text)
    assert isinstance(result, Casualties)
    for count in (result.killed, result.wounded):
        assert count is None or isinstance(count, Count)
