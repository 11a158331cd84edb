"""Distances between cities, from the cities' points alone."""

from __future__ import annotations


def test_distances_read_the_cities_points_alone_once_cached(tmp_path, monkeypatch):
    from briefgen import geo, places

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    forget = (places.get_gazetteer, geo.city_points, geo.distance_km)
    for cached in forget:
        cached.cache_clear()
    try:
        kabul_to_charikar = geo.distance_km("Kabul", "Afghanistan", "Charikar", "Afghanistan")
        assert kabul_to_charikar is not None and 40 < kabul_to_charikar < 70
        assert len(list((tmp_path / "briefgen").glob("gazetteer-*.points.pickle"))) == 1
        # Another process: the points file answers without building or reading the gazetteer.
        for cached in forget:
            cached.cache_clear()
        again = geo.distance_km("Kabul", "Afghanistan", "Charikar", "Afghanistan")
        assert again == kabul_to_charikar
        assert places.get_gazetteer.cache_info().currsize == 0
        assert geo.distance_km("Kabul", "Afghanistan", "Nangarhar", "Afghanistan") is None
    finally:
        for cached in forget:
            cached.cache_clear()


def test_cities_spelled_with_accents_in_the_gazetteer_have_their_points():
    from briefgen.geo import coordinates, distance_km

    # Events name "Jalalabad", where the gazetteer's source writes "Jalālābād".
    assert coordinates("Jalalabad", "Afghanistan") is not None
    assert coordinates("Mazar-e Sharif", "Afghanistan") is not None
    kandahar_to_herat = distance_km("Kandahar", "Afghanistan", "Herat", "Afghanistan")
    assert kandahar_to_herat is not None and 400 < kandahar_to_herat < 600
