"""Countries, blocs and cities in English text, as ISO 3166-1 alpha-3 codes (blocs by acronym).

pycountry supplies every country's names; pipeline/data/country_aliases.csv adds the
short forms, long forms, demonyms and blocs news uses, pipeline/data/cities.csv the
capitals (old and new names) and major cities, pipeline/data/world_cities.csv (generated from
GeoNames by make_world_cities.py) every other capital and big city, and pipeline/data/regions.csv provinces and
regions (kind "region": the trade extractor reads one as its country's side). A dictionary keyed by each name's first
word finds them (see _matches)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pycountry

_DATA = Path(__file__).resolve().parent / "data"
# Words that look like a place but name something else.
_NOT_PLACES = ("Persian Gulf", "Indian Ocean", "Caspian Sea", "Arabian Sea", "Black Sea", "Turkish Stream",
               "Chinese New Year", "French fries", "Georgia State", "New Mexico", "Indian Ocean", "American dollar",
               "US dollar", "US dollars", "U.S. dollar", "U.S. dollars", "Jordan River")
_CASELESS_KINDS = ()   # every surface matches with its own capitalisation: "turkey" the bird is not TUR


@dataclass(frozen=True)
class PlaceMention:
    code: str
    start: int
    end: int
    surface: str
    kind: str        # name, demonym, bloc, capital, city, region


def _load() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                table.setdefault(value, (c.alpha_3, "name"))
    with open(_DATA / "country_aliases.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["surface"]] = (row["code"], row["kind"])
    with open(_DATA / "cities.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[row["city"]] = (row["code"], row["kind"])
    with open(_DATA / "regions.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            table.setdefault(row["region"], (row["code"], "region"))      # a city's name stays the city's
            for word in ("province", "Province", "region", "Region", "oblast", "Oblast"):
                table[f"{row['region']} {word}"] = (row["code"], "region")
    with open(_DATA / "world_cities.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):      # (generated: every name written by hand above wins)
            table.setdefault(row["city"], (row["code"], row["kind"]))
    # ambiguous alone: "Congo", "Guinea" (which one?) — leave them out ("Korea" alone is South Korea in the
    # news, as "Korean" is: the North is always named so; country_aliases.csv says it)
    for ambiguous in ("Congo", "Guinea"):
        table.pop(ambiguous, None)
    return table


_SURFACES = _load()
BLOCS = frozenset(code for code, kind in _SURFACES.values() if kind == "bloc")
_BY_CODE_NAME: dict[str, str] = {}
_CAPITAL: dict[str, str] = {}       # the first capital cities.csv lists for a country: its current name
for _s, (_code, _kind) in _SURFACES.items():
    if _kind == "name":
        _BY_CODE_NAME.setdefault(_code, _s)
    elif _kind == "capital":
        _CAPITAL.setdefault(_code, _s)


# Matching. Every surface (and every not-a-place phrase) matches only where no word
# character precedes it and none follows it; at one position the longest surface wins, and
# a match consumes its text. A surface's first run of word characters (its key: "Saudi" for
# "Saudi Arabia", "Nur" for "Nur-Sultan", "U" for "U.S.") must then be the whole run of word
# characters at the match position, so instead of one regex with hundreds of alternatives
# tried at every character, a cheap regex finds the word starts whose run is a key and a
# dictionary gives the few surfaces to try there, longest first. A leading "the " is
# skipped ("the United States" -> "United States"), as the surfaces never include it
# except for a few official names ("the State of Palestine") tried when nothing follows.
_WORD_RUN = re.compile(r"\w+")


def _buckets() -> dict[str, tuple[str, ...]]:
    by_key: dict[str, list[str]] = {}
    for w in sorted(list(_SURFACES) + list(_NOT_PLACES), key=len, reverse=True):
        key = _WORD_RUN.match(w)
        if key is None:
            raise ValueError(f"place surface {w!r} must start with a letter or digit")
        bucket = by_key.setdefault(key.group(0), [])
        if w not in bucket:
            bucket.append(w)
    return {k: tuple(v) for k, v in by_key.items()}


_BUCKETS = _buckets()
_THE = re.compile(r"the\s+")
# word starts whose run can be a key: any word starting with a character that begins a
# capitalised key, and the lower-case keys (and "the") as whole words
_LOWER_KEYS = sorted({k for k in _BUCKETS if k[0].islower()} | {"the"}, key=len, reverse=True)
# (each alternative written to begin with its plain character, "K(?<!\wK)\w*" for "(?<!\w)K\w*", in
# the same order, so that `re` skips to the characters that can begin one instead of trying the
# lookbehind and the alternation at every character)
_CANDIDATE = re.compile("|".join(
    [re.escape(c) + r"(?<!\w" + re.escape(c) + r")\w*" for c in sorted({k[0] for k in _BUCKETS if not k[0].islower()})]
    + [re.escape(k[0]) + r"(?<!\w" + re.escape(k[0]) + ")" + re.escape(k[1:]) + r"(?!\w)" for k in _LOWER_KEYS]))
_NOT_PLACE_SET = set(_NOT_PLACES)


def _surface_at(text: str, at: int, key: str) -> str | None:
    """The longest surface starting at `at` whose word run is `key`, not followed by a word character."""
    bucket = _BUCKETS.get(key)
    if bucket is None:
        return None
    n = len(text)
    for w in bucket:
        end = at + len(w)
        if text.startswith(w, at) and (end >= n or not (text[end].isalnum() or text[end] == "_")):
            return w
    return None


def _matches(text: str):
    r"""(start, surface) of every match, left to right, as one big alternation
    `(?<!\w)(?:the\s+)?(surface|...)(?!\w)`, longest first, would find them."""
    pos = 0
    for m in _CANDIDATE.finditer(text):
        at = m.start()
        if at < pos:
            continue
        word = m.group(0)
        if word == "the":
            the = _THE.match(text, at)
            if the is not None:
                nxt = _WORD_RUN.match(text, the.end())
                if nxt is not None:
                    hit = _surface_at(text, the.end(), nxt.group(0))
                    if hit:
                        pos = the.end() + len(hit)
                        yield the.end(), hit
                        continue
        hit = _surface_at(text, at, word)
        if hit:
            pos = at + len(hit)
            yield at, hit


# "US$", "C$", "U.S. dollars": a currency, not the country
_CURRENCY_AFTER = re.compile(r"\$|\s*dollars?\b", re.IGNORECASE)


# "Trans-Afghan Railway", "Pan-Arab", "Trans-Caspian": part of a route's or movement's name
# ("non-EAEU countries": every country but those)
_NAME_PREFIX_BEFORE = re.compile(r"\b(?:Trans|Pan|trans|pan|non|Non)-$")


def find_places(text: str) -> list[PlaceMention]:
    out = []
    for start, surface in _matches(text):
        if surface in _NOT_PLACE_SET or _CURRENCY_AFTER.match(text, start + len(surface)):
            continue
        if start >= 4 and text[start - 1] == "-" and _NAME_PREFIX_BEFORE.search(text, max(0, start - 7), start):
            continue
        code, kind = _SURFACES[surface]
        out.append(PlaceMention(code, start, start + len(surface), surface, kind))
    return out


COUNTRY_KINDS = frozenset({"name", "demonym", "bloc"})
CITY_KINDS = frozenset({"capital", "city"})


def find_countries(text: str) -> list[PlaceMention]:
    return [m for m in find_places(text) if m.kind in COUNTRY_KINDS]


def find_cities(text: str) -> list[PlaceMention]:
    return [m for m in find_places(text) if m.kind in CITY_KINDS]


def country_code(name: str) -> str | None:
    hit = _SURFACES.get(name.strip())
    return hit[0] if hit else None


def country_name(code: str) -> str | None:
    return _BY_CODE_NAME.get(code)


def capital_of(code: str) -> str | None:
    """The capital of a country by its current name ("KAZ" -> "Astana"), if the city list has it."""
    return _CAPITAL.get(code)


def _load_seats() -> dict[str, str]:
    """Seat of government -> country code (data/seats.csv)."""
    with open(_DATA / "seats.csv", encoding="utf-8") as fh:
        return {r["seat"]: r["code"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))}


_SEAT_CODE = _load_seats()
_SEAT_AT = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?P<seat>" + "|".join(re.escape(n) for n in sorted(_SEAT_CODE, key=len, reverse=True))
                      + r")\b")


def seat_capital(text: str) -> str | None:
    """The capital of the first seat of government told as a place ("talks at the Akorda" ->
    "Astana", "in the Kremlin" -> "Moscow")."""
    m = _SEAT_AT.search(text)
    return capital_of(_SEAT_CODE[m["seat"]]) if m else None
