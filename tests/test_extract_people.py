"""People named with their office, their country, and the events they took part in (sentences written for the tests)."""
import pytest

from tests.extract_helpers import extract


def people(text):
    return [(r["name"], r["role"], r["country"]) for r in extract(text, table="people")]


@pytest.mark.parametrize("text, expected", [
    ("Uzbek Foreign Minister Bakhtiyor Saidov arrived in Ashgabat.",
     [("Bakhtiyor Saidov", "Foreign Minister", "UZB")]),
    ("President of Turkmenistan Serdar Berdimuhamedov received the delegation.",
     [("Serdar Berdimuhamedov", "President", "TKM")]),
    ("China's Minister of Commerce and Industry Li Wenhao opened the expo.",
     [("Li Wenhao", "Minister of Commerce and Industry", "CHN")]),
    ("Farid Mammadov, the Azerbaijani ambassador to Turkey, praised the project.",
     [("Farid Mammadov", "ambassador to Turkey", "AZE")]),
    ("Deputy Prime Minister of Kyrgyzstan Daniyar Amangeldiev chaired the session.",
     [("Daniyar Amangeldiev", "Deputy Prime Minister", "KGZ")]),
    ("Minister of Industry, Mine and Trade of Iran Hossein Karimi signed the protocol.",
     [("Hossein Karimi", "Minister of Industry, Mine and Trade", "IRN")]),
    ("Chairman of the Board Arman Suleimenov did not comment.",
     [("Arman Suleimenov", "Chairman of the Board", None)]),
])
def test_person_with_office(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text", [
    "The President said trade would grow.",                       # office, no name
    "The Ministry of Trade and Integration published the data.",  # an organisation
    "Trade between Kazakhstan and China rose, Minister said.",
    "Tashkent, Samarkand and Bukhara will host the fair.",        # places in a list
])
def test_no_person(text):
    assert people(text) == []


def test_surname_later_is_the_same_person_and_links_events():
    rows = extract("Tajik Foreign Minister Sirojiddin Muhriddin will visit Tashkent next week. "
                   "Muhriddin held talks with Uzbek Prime Minister Abdulla Aripov on Monday.", table=None)
    by_name = {p["name"]: p for p in rows["people"]}
    assert set(by_name) == {"Sirojiddin Muhriddin", "Abdulla Aripov"}
    events = {e["event_id"]: e["event_type"] for e in rows["events"]}
    assert sorted(events[i] for i in by_name["Sirojiddin Muhriddin"]["event_ids"]) == ["meeting", "visit"]
    assert [events[i] for i in by_name["Abdulla Aripov"]["event_ids"]] == ["meeting"]


def test_city_that_is_a_first_name():
    assert people("Kazakhstan's First President Nursultan Nazarbayev opened the forum in Astana.") == [
        ("Nursultan Nazarbayev", "First President", "KAZ")]


def test_every_person_keeps_evidence_and_rule():
    [row] = extract("Turkish Trade Minister Omer Bolat met business leaders in Baku.", table="people")
    assert row["rule"] == "people.office"
    assert "Omer Bolat" in row["evidence"]


def test_counterpart_holds_the_same_office_for_the_other_country():
    assert people("Uzbek President Shavkat Mirziyoyev and his Tajik counterpart Emomali Rahmon spoke by phone.") == [
        ("Shavkat Mirziyoyev", "President", "UZB"), ("Emomali Rahmon", "President", "TJK")]
