"""Money amounts, tonnages and changes in the forms news writes them (sentences written for the tests)."""
import pytest

from pipeline.amounts import find_amounts, find_changes


def amounts(text):
    return [(a.value, a.unit, a.approximate) for a in find_amounts(text)]


@pytest.mark.parametrize("text, value, unit", [
    ("Turnover reached $1.2bn last year.", 1.2e9, "USD"),
    ("Exports stood at $10.8B in 2024.", 10.8e9, "USD"),    # a headline's capital scale
    ("A $1.2 Billion Deal", 1.2e9, "USD"),
    ("Exports hit US$500 million.", 5e8, "USD"),
    ("Trade stood at USD 500 mln.", 5e8, "USD"),
    ("It came to 1.5 billion dollars.", 1.5e9, "USD"),
    ("They aim to reach two billion dollars in trade.", 2e9, "USD"),
    ("Shipments came to half a million tonnes.", 5e5, "t"),
    ("The figure was $ 3.5 billion.", 3.5e9, "USD"),
    ("Imports totalled €300 million.", 3e8, "EUR"),
    ("Sales amounted to 500 million tenge.", 5e8, "KZT"),
    ("The budget is KZT 2.1 trillion.", 2.1e12, "KZT"),
    ("Trade was $364,700,000 in total.", 3.647e8, "USD"),
    ("Shipments reached 1.2 million tonnes.", 1.2e6, "t"),
    ("Exports were 300 thousand tons of flour.", 3e5, "t"),
    ("They sold 45,000 t of grain.", 4.5e4, "t"),
    ("Buyers took 26 million kilograms of tea.", 2.6e4, "t"),            # kilograms are recorded in tonnes
    ("Trade grew to RM1.57 billion.", 1.57e9, "MYR"),
    ("Trade came to BD 14.6 million.", 1.46e7, "BHD"),
    ("They sold 12 tonnes of tea.", 12, "t"),
    ("Exports came to RO 412 million.", 4.12e8, "OMR"),
    ("Trade totalled 148.6 billion baht.", 1.486e11, "THB"),
    ("Exports reached MAD 96.4 billion.", 9.64e10, "MAD"),             # any ISO 4217 code before a figure
    ("Trade came to PLN 12 billion.", 1.2e10, "PLN"),
    ("Exports rose to 3.1 billion zlotys.", 3.1e9, "PLN"),
    ("Trade should come close to four and a half billion dollars.", 4.5e9, "USD"),
    ("Trade reached JD560 million.", 5.6e8, "JOD"), ("Trade stood at ₦1.9-trillion.", 1.9e12, "NGN"),
    ("Peru sold S/ 450 million worth of grapes.", 4.5e8, "PEN"), ("Imports were ₮1.31 trillion.", 1.31e12, "MNT"),
    ("Exports were worth GH₵2.3 billion.", 2.3e9, "GHS"), ("Exports were S$24.7 billion.", 2.47e10, "SGD"),
    ("Exports totalled 11.4 billion Moldovan lei.", 1.14e10, "MDL"),
    ("Exports amounted to two billion three hundred million dollars.", 2.3e9, "USD"),
    ("Exports rose to 38 billion Djiboutian francs.", 3.8e10, "DJF"),     # a demonym picks the country's franc
    ("Exports reached 5 billion Rwandan francs.", 5e9, "RWF"),
    ("Rice imports reached a record 3.55 million MT.", 3.55e6, "t"), ("Shipments totaled 612,000 MT.", 6.12e5, "t"),
    ("Exports grew to P82.6 billion.", 8.26e10, "PHP"),
    ("Imports were worth 96.4 million Belarusian rubles.", 9.64e7, "BYN"), ("Exports reached 5 billion rubles.", 5e9, "RUB"),
    # translated from Russian: the larger scale, then the rest
    ("Turnover amounted to 3 billion 418 million US dollars.", 3.418e9, "USD"),
    ("Exports made up 2 million 650 thousand tonnes.", 2.65e6, "t"),
    # digits grouped by spaces (plain, no-break, thin) and a decimal comma, as translated copy writes them
    ("Trade reached 1 600,2 million dollars.", 1.6002e9, "USD"), ("Exports were 12\u00a0500 tonnes.", 12500, "t"),
    ("Imports reached 269,4 million dollars.", 2.694e8, "USD"), ("Exports were $1,4 billion.", 1.4e9, "USD"),
    ("Shipments reached 4\u202f500\u202f000 tonnes.", 4.5e6, "t"),
    ("In 2023 120 million dollars were paid.", 1.2e8, "USD"),       # a year before a figure is no thousands group
    # symbols of national press: ngultrum, Rwandan franc, birr, Kenyan shilling, manat, tenge
    ("Imports were valued at Nu 980 million.", 9.8e8, "BTN"), ("Exports totalled Rwf41 billion.", 4.1e10, "RWF"),
    ("Exports reached Br 3.2 billion.", 3.2e9, "ETB"), ("Sales reached Kshs 2bn.", 2e9, "KES"),
    ("Exports reached ₼1.2 billion.", 1.2e9, "AZN"), ("Imports reached ₸500 billion.", 5e11, "KZT"),
])
def test_money_and_tonnage_forms(text, value, unit):
    [(v, u, _)] = amounts(text)
    assert u == unit
    assert v == pytest.approx(value)


@pytest.mark.parametrize("text, approximate", [
    ("Trade reached nearly $2 billion.", True),
    ("Trade reached about $2 billion.", True),
    ("Trade reached over $2 billion.", True),
    ("Trade reached $2 billion.", False),
])
def test_approximation_keeps_the_value(text, approximate):
    assert amounts(text) == [(2e9, "USD", approximate)]


def test_range_keeps_low_and_high():
    [a] = find_amounts("The two sides expect $1-1.5 billion in trade.")
    assert (a.value, a.high, a.unit) == (pytest.approx(1e9), pytest.approx(1.5e9), "USD")


def test_from_to_gives_two_amounts():
    assert [v for v, _, _ in amounts("Trade rose from $197.8 million to $364.7 million.")] == [
        pytest.approx(1.978e8), pytest.approx(3.647e8)]


def test_numbers_that_are_not_money():
    assert amounts("The 2023 forum had 300 participants from 12 countries.") == []


def test_double_taxation_is_no_change():
    assert find_changes("The two sides want to avoid double taxation and to double-check figures.") == []


def test_a_price_above_the_market_is_no_change():
    assert find_changes("Gas was sold 5% above the market.") == []


def test_a_year_before_a_figure_is_not_its_larger_part():
    assert amounts("Exports in 2024 812 million dollars.") == [(8.12e8, "USD", False)]


@pytest.mark.parametrize("text, pct, ratio", [
    ("Trade was up 12 percent.", 12, None),
    ("That was an increase of 1.8 times.", 80, 1.8),
    ("That is a 15% increase.", 15, None),
    ("Exports fell by 4%.", -4, None),
    ("Imports dropped 37 percent.", -37, None),
    ("Turnover decreased by 37.2 per cent.", -37.2, None),
    ("Trade increased by 1.8 times.", 80, 1.8),   # a ratio is also a change: +80 percent
    ("Trade doubled.", 100, 2.0),
    ("Turnover decreased by a quarter.", -25, None),
    ("Exports grew by a third.", 33.33, None),
    ("Imports fell by half.", -50, None),
    ("Trade came to $292 million, which is 1.5 times more than in 2022.", 50, 1.5),
    ("Turnover increased another 1.4 times.", 40, 1.4),
    ("Trade came to $2.1 billion, 6.3% below the same period last year.", -6.3, None),
    ("Exports were 12 percent above their 2022 level.", 12, None),
    ("Imports reached 40 million tonnes, 1.5 times the volume of the previous year.", 50, 1.5),
    ("The ministers agreed to work to double bilateral trade.", 100, 2.0),
    ("Chad bought 2 million tonnes of rice, twice the amount of the year before.", 100, 2.0),
    ("Exports were two times less than in 2021.", -50, 0.5),
    ("Shipments were up six percent to $1.2 billion.", 6, None),
    ("Imports fell by twenty-five per cent.", -25, None),
    ("Turnover slipped by 6 percent year on year.", -6, None),
    ("Exports rose by at least 8 percent.", 8, None),
    ("Chile wants to increase its exports to Peru by 30 percent.", 30, None),
    ("The plan is to raise bilateral trade by about 15%.", 15, None),
    ("We want to double our exports.", 100, 2.0),
    ("Trade fell to $51 million, a drop of roughly 42 percent.", -42, None),
    ("Exports rose by approximately 7%.", 7, None),
    ("Trade slipped last year, by 6 percent.", -6, None),
    ("Barley exports also increased, by 35%.", 35, None),
    ("Trade hit a record $13.9 billion in 2023, surging 55 percent year on year.", 55, None),
    ("Exports, falling 5 percent, were the lowest in a decade.", -5, None),
    ("Trade grew to $461.5 million, which is 31 percent more, thanks to gas.", 31, None),
    ("Exports to Peru dropped further in the first nine months of this year, by 31 percent, the agency said.", -31, None),
    ("Chile's trade with Peru grew by only 2 percent in the first quarter.", 2, None),
    ("Imports of Peruvian goods fell less steeply, by 9.8%, to $52 million.", -9.8, None),
    ("In the first quarter, bilateral trade dropped further, by 31 percent.", -31, None),
    # translated styles: "more compared to", a decimal comma, "exceeding ... by"
    ("Turnover reached 98.4 mln dollars, which is 11.2% more compared to the same period of last year.", 11.2, None),
    ("Trade in fish reached 14,3 mln dollars, which is 1,6 times more than in the same period of last year.", 60, 1.6),
    ("Turnover amounted to 76,4 mln dollars, exceeding the result of the same period of 2022 by 9 percent.", 9, None),
])
def test_changes_take_their_sign_from_the_words(text, pct, ratio):
    [c] = find_changes(text)
    assert (c.pct, c.ratio) == (pytest.approx(pct) if pct is not None else None,
                                pytest.approx(ratio) if ratio is not None else None)


@pytest.mark.parametrize("text, pct", [
    ("Imports from Chad: $255.0 million, +5.6% y/y.", 5.6), ("Exports: $1.2bn (-4.5%).", -4.5),
    ("Exports: $1.2bn, −3.1% y/y", -3.1), ("Exports saw a 5-6% rise", 6.0),
    ("Imports from Chad – 42,5 mln dollars (+64,2%).", 64.2), ("Exports totalled 89,4 mln dollars (-3,6%).", -3.6),
])
def test_a_signed_percentage_in_a_table_line_is_a_change(text, pct):
    """(and "8pc", as Pakistani papers write it)"""
    assert [c.pct for c in find_changes("Exports fell 8pc to $1.06 billion.")] == [-8.0]
    assert [c.pct for c in find_changes(text)] == [pct]


@pytest.mark.parametrize("text", ["In 2023 all exports rose.", "THE TOP 10 EXPORTERS OF 2023", "SOS 5 times", "In 2023 mad rush"])
def test_codes_that_are_english_words_are_not_money(text):
    assert amounts(text) == []


@pytest.mark.parametrize("countries, unit", [
    (("CIV", "GHA"), "XOF"), (("CMR",), "XAF"),     # CFA francs: codes of a monetary union
    (("AZE", "GEO"), "AZN"), (("GEO", "TKM"), "TMT"), (("CHL", "PER"), None), (("IRQ",), "IQD"), (("JOR",), "JOD"),
])
def test_a_currency_name_several_countries_use_is_the_figures_countrys(countries, unit):
    from pipeline.amounts import resolve_currency
    text = ("Exports reached 41.5 million manat." if unit in ("AZN", "TMT", None) else "Exports reached 85 billion CFA francs."
            if unit in ("XOF", "XAF") else "Exports reached 9 billion dinars.")
    [a] = find_amounts(text)
    assert resolve_currency(a.unit, countries) == unit
    assert resolve_currency("USD", countries) == "USD"


def test_a_currency_sign_with_a_dot_does_not_end_the_sentence():
    from pipeline.text import split_sentences
    [s] = [s for s in split_sentences("Headline\n\nTea exports earned Rs. 8.6 billion in 2024.") if s.section == "body"]
    assert [(a.value, a.unit) for a in find_amounts(s.text)] == [(8.6e9, "INR|PKR|LKR|NPR")]


def test_a_decimal_comma_in_a_change_and_a_ratio():
    assert [(c.pct, c.ratio) for c in find_changes("Exports grew by 12,3% and imports rose 1,8 times.")] == [
        (12.3, None), (80.0, 1.8)]


def test_every_currency_in_the_word_list_is_an_iso_4217_code():
    import csv
    from pathlib import Path

    import pycountry
    path = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "currencies.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    bad = [(r["surface"], c) for r in rows for c in r["code"].split("|") if pycountry.currencies.get(alpha_3=c) is None]
    assert rows and bad == []
    assert {r["position"] for r in rows} <= {"symbol", "word", "code"}
