"""Where cities lie, for telling whether two reports name places near each other.

Merging events needs the cities' points and nothing else of the gazetteer
(briefgen/places.py): they have a cache file of their own, read in a fifth of the
gazetteer's time, so a brief that extracts nothing never reads the gazetteer.
"""

from __future__ import annotations

import functools
import math

from briefgen.builtin import read_cached, write_cached
from briefgen.places import cache_path, get_gazetteer

Points = dict[str, list[tuple[int, float, float, str]]]


def coordinates(name: str, country: str | None) -> tuple[float, float] | None:
    """Latitude and longitude of the most populous city of that name (in that
    country, when one is given); None for anything but a city."""
    for _, lat, lon, city_country in city_points().get(name.casefold(), []):
        if country is None or city_country == country:
            return lat, lon
    return None


@functools.lru_cache(maxsize=4096)  # merging asks of the same few places again and again
def distance_km(a: str, a_country: str | None, b: str, b_country: str | None) -> float | None:
    """Great-circle distance between two named cities, or None when either is
    not a city in the gazetteer (provinces and regions have no single point)."""
    first, second = coordinates(a, a_country), coordinates(b, b_country)
    if first is None or second is None:
        return None
    (lat1, lon1), (lat2, lon2) = first, second
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@functools.lru_cache(maxsize=1)
def city_points() -> Points:
    """The cities' points alone, for distances: merging events needs nothing else of
    the gazetteer, and this part of its cache reads in a fifth of the time."""
    if get_gazetteer.cache_info().currsize:  # read already in this process
        return get_gazetteer()._points
    path = cache_path().with_suffix(".points.pickle")
    points = read_cached(path)
    if isinstance(points, dict):
        return points
    points = get_gazetteer()._points
    write_cached(path, points)
    return points
