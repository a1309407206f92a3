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
