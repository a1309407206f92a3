"""Countries, blocs and cities in English text, as ISO 3166-1 alpha-3 codes (blocs by acronym).

pycountry supplies every country's names; pipeline/data/country_aliases.csv adds the
short forms, long forms, demonyms and blocs news uses, and pipeline/data/cities.csv the
capitals (old and new names) and major cities. One compiled regex finds them all."""
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
    kind: str        # name, demonym, bloc, capital, city


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
    # ambiguous alone: "Korea", "Congo", "Guinea" (which one?) — leave them out
    for ambiguous in ("Korea", "Congo", "Guinea"):
        table.pop(ambiguous, None)
    return table


_SURFACES = _load()
_BY_CODE_NAME: dict[str, str] = {}
for _s, (_code, _kind) in _SURFACES.items():
    if _kind == "name":
        _BY_CODE_NAME.setdefault(_code, _s)


def _pattern() -> re.Pattern:
    words = sorted(list(_SURFACES) + list(_NOT_PLACES), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    # no letter before; after: not a letter (so "Turkmen" does not match inside "Turkmenistan"),
    # possessives allowed ("Iran's"); hyphens allowed ("Iran-Kazakhstan", "Kazakh-Iranian")
    return re.compile(rf"(?<![\w])(?:the\s+)?({alternation})(?![\w])")


_PLACE = _pattern()
_NOT_PLACE_SET = set(_NOT_PLACES)


def find_places(text: str) -> list[PlaceMention]:
    out = []
    for m in _PLACE.finditer(text):
        surface = m.group(1)
        if surface in _NOT_PLACE_SET:
            continue
        code, kind = _SURFACES[surface]
        out.append(PlaceMention(code, m.start(1), m.end(1), surface, kind))
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
