"""Table-driven tests for the offline place resolver (phrases written for these tests)."""

from __future__ import annotations

import pytest

from briefgen.places import Gazetteer, Place, get_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


RESOLVE = [
    # (name as NER gives it, location, country, kind)
    ("Kandahar", "Kandahar", "Afghanistan", "city"),
    ("Kandahar province", "Kandahar", "Afghanistan", "province"),
    ("the province of Kandahar", "Kandahar", "Afghanistan", "province"),
    ("Kandahar city", "Kandahar", "Afghanistan", "city"),
    ("Moscow", "Moscow", "Russia", "city"),
    ("Kerman", "Kerman", "Iran", "city"),
    ("Kerman Province", "Kerman", "Iran", "province"),
    ("Kabul", "Kabul", "Afghanistan", "city"),
    ("Kabul's", "Kabul", "Afghanistan", "city"),
    ("Kabul’s", "Kabul", "Afghanistan", "city"),
    ("KABUL", "Kabul", "Afghanistan", "city"),
    ("kabul", "Kabul", "Afghanistan", "city"),
    ("Istanbul", "Istanbul", "Turkey", "city"),
    ("Krasnogorsk", "Krasnogorsk", "Russia", "city"),
    ("Tehran", "Tehran", "Iran", "city"),
    ("Teheran", "Tehran", "Iran", "city"),
    ("Jalalabad", "Jalalabad", "Afghanistan", "city"),
    ("Nangarhar", "Nangarhar", "Afghanistan", "province"),
    ("Helmand", "Helmand", "Afghanistan", "province"),
    ("Kunar", "Kunar", "Afghanistan", "province"),
    ("Paktia", "Paktia", "Afghanistan", "province"),
    ("Herat", "Herat", "Afghanistan", "city"),
    ("Mazar-i-Sharif", "Mazar-e Sharif", "Afghanistan", "city"),
    ("Peshawar", "Peshawar", "Pakistan", "city"),
    ("Quetta", "Quetta", "Pakistan", "city"),
    ("Balochistan", "Balochistan", "Pakistan", "province"),
    ("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "Pakistan", "province"),
    ("Punjab", "Punjab", "Pakistan", "province"),
    ("Dagestan", "Dagestan", "Russia", "province"),
    ("Chechnya", "Chechnya", "Russia", "province"),
    ("Raqqa", "Ar Raqqah", "Syria", "city"),
    ("Irbil", "Erbil", "Iraq", "city"),
    ("Mosul", "Mosul", "Iraq", "city"),
    ("Kiev", "Kyiv", "Ukraine", "city"),
    ("Stockholm", "Stockholm", "Sweden", "city"),
    ("Paris", "Paris", "France", "city"),
    ("Washington", "Washington", "United States", "city"),
    ("Texas", "Texas", "United States", "province"),
    ("Florida", "Florida", "United States", "province"),
    ("Iran", "Iran", "Iran", "country"),
    ("Iran, Islamic Republic of", "Iran", "Iran", "country"),
    ("the United States", "United States", "United States", "country"),
    ("United States of America", "United States", "United States", "country"),
    ("U.S.", "United States", "United States", "country"),
    ("US", "United States", "United States", "country"),
    ("USA", "United States", "United States", "country"),
    ("Russia", "Russia", "Russia", "country"),
    ("Russian Federation", "Russia", "Russia", "country"),
    ("Afghanistan", "Afghanistan", "Afghanistan", "country"),
    ("Pakistan", "Pakistan", "Pakistan", "country"),
    ("Syria", "Syria", "Syria", "country"),
    ("Türkiye", "Turkey", "Turkey", "country"),
    ("Turkey", "Turkey", "Turkey", "country"),
    ("South Korea", "South Korea", "South Korea", "country"),
    ("the Netherlands", "Netherlands", "Netherlands", "country"),
    ("UK", "United Kingdom", "United Kingdom", "country"),
    ("Jordan", "Jordan", "Jordan", "country"),
    ("Lebanon", "Lebanon", "Lebanon", "country"),
    ("Georgia", "Georgia", "Georgia", "country"),
    ("Europe", "Europe", None, "region"),
    ("Middle East", "Middle East", None, "region"),
    ("Khorasan", "Khorasan", None, "region"),
    ("Kabul airport", "Kabul", "Afghanistan", "city"),
]


@pytest.mark.parametrize(("name", "location", "country", "kind"), RESOLVE)
def test_resolve(gaz: Gazetteer, name: str, location: str, country: str | None, kind: str) -> None:
    assert gaz.resolve(name) == Place(location, country, kind)


NOT_PLACES = [
    "Mir",
    "Khan",
    "Mujahid",
    "Taliban",
    "Islamic",
    "State",
    "Islamic State",
    "March",
    "Monday",
    "May",
    "Hamas",
    "Ahmad",
    "Ali",
    "Hassan",
    "Police",
    "Airport",
    "Afghan",
    "Afghans",
    "Russian",
    "Iranian",
    "us",
    "Us",
    "the",
    "",
    "   ",
    "Crocus City Hall",
    "Zabihullah Mujahid",
    "Москва",
    "ISK",
    "IS-K",
]


@pytest.mark.parametrize("name", NOT_PLACES)
def test_not_a_place(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name) is None


FIND = [
    # (phrase, location, country, kind)
    ("a concert hall in the Moscow suburbs", "Moscow", "Russia", "city"),
    ("the province of Kandahar", "Kandahar", "Afghanistan", "province"),
    ("in Kandahar province", "Kandahar", "Afghanistan", "province"),
    ("outside Kabul airport", "Kabul", "Afghanistan", "city"),
    ("Kabul’s diplomatic district", "Kabul", "Afghanistan", "city"),
    ("Kerman, Iran", "Kerman", "Iran", "city"),
    ("a cemetery in Kerman in southeastern Iran", "Kerman", "Iran", "city"),
    ("northern Afghanistan", "Afghanistan", "Afghanistan", "country"),
    ("a mosque in Jalalabad, the capital of Nangarhar", "Jalalabad", "Afghanistan", "city"),
    ("a market in Nangarhar province", "Nangarhar", "Afghanistan", "province"),
    ("Krasnogorsk, just outside Moscow", "Krasnogorsk", "Russia", "city"),
    ("Moscow, Idaho", "Moscow", "United States", "city"),
    ("Paris, Texas", "Paris", "United States", "city"),
    ("Punjab, India", "Punjab", "India", "province"),
    ("Hyderabad, Pakistan", "Hyderabad", "Pakistan", "city"),
    ("Police said the blast in Peshawar", "Peshawar", "Pakistan", "city"),
    ("March 22 attack near Moscow.", "Moscow", "Russia", "city"),
    ("across Europe", "Europe", None, "region"),
    ("a checkpoint in the U.S. state of Texas", "Texas", "United States", "province"),
    ("Taliban fighters in Herat", "Herat", "Afghanistan", "city"),
    ("the Islamic State Khorasan Province", "Khorasan", None, "region"),
]


@pytest.mark.parametrize(("phrase", "location", "country", "kind"), FIND)
def test_find(gaz: Gazetteer, phrase: str, location: str, country: str | None, kind: str) -> None:
    assert gaz.find(phrase) == Place(location, country, kind)


@pytest.mark.parametrize(
    "phrase",
    [
        "Monday",
        "the Taliban said on Monday",
        "Islamic State claimed it",
        "an Afghan official",
        "Mujahid told reporters",
        "no place here",
        "",
    ],
)
def test_find_nothing(gaz: Gazetteer, phrase: str) -> None:
    assert gaz.find(phrase) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Kandahar", "Afghanistan"),
        ("Kerman", "Iran"),
        ("Moscow", "Russia"),
        ("Kabul", "Afghanistan"),
        ("Europe", None),
        ("Taliban", None),
    ],
)
def test_country_of(gaz: Gazetteer, name: str, country: str | None) -> None:
    assert gaz.country_of(name) == country


def test_place_is_frozen_and_cached() -> None:
    assert get_gazetteer() is get_gazetteer()
    with pytest.raises(AttributeError):
        Place("Kabul", "Afghanistan", "city").name = "x"  # type: ignore[misc]


def test_linking_vowel_spellings_are_one_place():
    g = get_gazetteer()
    assert g.resolve("Pul-i-Khumri") == g.resolve("Pul-e Khumri") is not None


def test_gazetteer_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    from briefgen import places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places.get_gazetteer.cache_clear()
    try:
        built = places.get_gazetteer()
        (cached,) = (tmp_path / "briefgen").glob("gazetteer-*.pickle")
        places.get_gazetteer.cache_clear()
        read = places.get_gazetteer()
        assert read is not built
        assert read.__dict__ == built.__dict__
        assert read.resolve("Mazar-i-Sharif's") == built.resolve("Mazar-i-Sharif's")
        # A damaged cache is built anew and replaced.
        cached.write_bytes(b"not a pickle")
        places.get_gazetteer.cache_clear()
        assert places.get_gazetteer().resolve("Kandahar") == built.resolve("Kandahar")
        assert cached.read_bytes() != b"not a pickle"
    finally:
        places.get_gazetteer.cache_clear()
