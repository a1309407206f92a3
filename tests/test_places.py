"""Countries in names, long forms, demonyms, capitals (old and new names), blocs and hyphenated pairs."""
import pytest

from pipeline.places import country_code, find_cities, find_countries


def codes(text):
    return [m.code for m in find_countries(text)]


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan and Uzbekistan agreed.", ["KAZ", "UZB"]),
    ("The Islamic Republic of Iran and Turkmenistan agreed.", ["IRN", "TKM"]),
    ("Kazakh, Kazakhstani, Uzbek, Turkmen and Chinese firms.", ["KAZ", "KAZ", "UZB", "TKM", "CHN"]),
    ("Iran-Kazakhstan trade grew.", ["IRN", "KAZ"]),
    ("The Kazakh-Iranian commission met.", ["KAZ", "IRN"]),
    ("Russia's exports to the EAEU grew.", ["RUS", "EAEU"]),
    ("Trade with the Eurasian Economic Union grew.", ["EAEU"]),
    ("Kyrgyzstan and Tajikistan signed a deal.", ["KGZ", "TJK"]),
    # "Korea" alone is the South in the news, as "Korean" is; the North is always named so
    ("Korea's exports to Chile and North Korea's trade with Peru.", ["KOR", "CHL", "PRK", "PER"]),
    # "the Islamic Republic" alone is Iran in the news; a longer name wins
    ("Shipments to the Islamic Republic and to the Islamic Republic of Pakistan.", ["IRN", "PAK"]),
])
def test_countries(text, expected):
    assert codes(text) == expected


def test_turkmen_does_not_match_inside_turkmenistan():
    assert codes("Turkmenistan") == ["TKM"]


@pytest.mark.parametrize("text", [
    "The Persian Gulf and the Caspian Sea are busy.",
    "Prices are in US dollars.",
    "We ate turkey for dinner.",
])
def test_not_countries(text):
    assert codes(text) == []


@pytest.mark.parametrize("city, code", [
    ("Astana", "KAZ"), ("Nur-Sultan", "KAZ"), ("Tehran", "IRN"), ("Tashkent", "UZB"), ("Ashgabat", "TKM"),
])
def test_capitals_old_and_new_names(city, code):
    [m] = find_cities(f"The delegation arrived in {city} on Monday.")
    assert (m.surface, m.code) == (city, code)


def test_country_code_lookup():
    assert country_code("Kazakhstan") == "KAZ"
    assert country_code("Atlantis") is None


def test_a_route_named_after_a_country_is_not_that_country():
    found = [(m.code, m.surface) for m in find_countries("Chile and Peru back the Trans-Andean tunnel and the Trans-Afghan Railway.")]
    assert found == [("CHL", "Chile"), ("PER", "Peru")]


@pytest.mark.parametrize("text, expected", [
    ("Talks were held in Lima and Bogota.", [("Lima", "PER", "capital"), ("Bogota", "COL", "capital")]),
    ("The fair in Guangzhou drew buyers from Rasht.", [("Guangzhou", "CHN", "city"), ("Rasht", "IRN", "city")]),
])
def test_world_capitals_and_big_cities_come_from_the_generated_list(text, expected):
    assert [(m.surface, m.code, m.kind) for m in find_cities(text)] == expected


def test_a_name_written_by_hand_wins_over_the_generated_city_list():
    from pipeline.places import find_places
    assert [(m.code, m.kind) for m in find_places("Golestan exported more.")] == [("IRN", "region")]   # (a city too)
    assert [(m.code, m.kind) for m in find_places("Talks in Astana.")] == [("KAZ", "capital")]


def test_every_generated_city_has_a_country_code():
    import csv

    import pycountry

    from pipeline.places import _DATA
    with open(_DATA / "world_cities.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 1000
    assert all(pycountry.countries.get(alpha_3=r["code"]) and r["kind"] in ("capital", "city") for r in rows)
