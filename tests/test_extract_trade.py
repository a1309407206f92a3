"""Trade figure rules, each on a sentence written for the test, published 2023-11-15."""
import datetime as dt

import pytest

from pipeline.extract import extract_document
from pipeline.text import split_sentences
from tests.conftest import PUBLISHED
from tests.extract_helpers import extract

D = dt.date


def trade(text, **kw):
    return extract(text, table="trade_figures", **kw)


@pytest.mark.parametrize("text, flow, reporter, partner, value, unit, start, end, kind, change", [
    ("Kazakhstan-Uzbekistan trade turnover reached $4.2 billion in 2022.",
     "total", "KAZ", "UZB", 4.2e9, "USD", D(2022, 1, 1), D(2022, 12, 31), "actual", None),
    ("Turkmenistan's exports to Iran rose by 12% to $310 million in the first half of 2023.",
     "export", "TKM", "IRN", 310e6, "USD", D(2023, 1, 1), D(2023, 6, 30), "actual", 12.0),
    ("Imports from China to Kazakhstan fell by 4% to $1.2bn in Q3 2022.",
     "import", "KAZ", "CHN", 1.2e9, "USD", D(2022, 7, 1), D(2022, 9, 30), "actual", -4.0),
    ("The two sides aim to bring bilateral trade between Uzbekistan and Turkey up to $5 billion by 2030.",
     "total", "UZB", "TUR", 5e9, "USD", D(2030, 1, 1), D(2030, 12, 31), "target", None),
    ("Trade between Russia and Azerbaijan is expected to reach $4 billion this year.",
     "total", "RUS", "AZE", 4e9, "USD", D(2023, 1, 1), D(2023, 12, 31), "forecast", None),
    ("Kazakh exports to Iran amounted to 500 million tenge in January-September 2023.",
     "export", "KAZ", "IRN", 500e6, "KZT", D(2023, 1, 1), D(2023, 9, 30), "actual", None),
])
def test_one_figure(text, flow, reporter, partner, value, unit, start, end, kind, change):
    rows = trade(text)
    assert len(rows) == 1, rows
    r = rows[0]
    got = (r["flow"], r["value"], r["unit"], r["period_start"], r["period_end"], r["kind"], r["change_pct"])
    assert got == (flow, pytest.approx(value), unit, start, end, kind, change)
    if flow == "total":
        assert {r["reporter"], r["partner"]} == {reporter, partner}
    else:
        assert (r["reporter"], r["partner"]) == (reporter, partner)
    assert r["evidence"] == text and r["rule"].startswith("trade.")


def test_two_flows_in_one_sentence_and_period_carried_from_previous():
    text = ("Uzbekistan-Tajikistan trade in the first nine months of 2023 reached $600 million. "
            "During this period, Uzbekistan's exports to Tajikistan increased by 20% to $450 million "
            "and imports from Tajikistan to Uzbekistan decreased by 5% to $150 million.")
    rows = trade(text)
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["change_pct"]) for r in rows] == [
        ("total", "UZB", "TJK", 600e6, None),
        ("export", "UZB", "TJK", 450e6, 20.0),
        ("import", "UZB", "TJK", 150e6, -5.0),
    ]
    assert {(r["period_start"], r["period_end"]) for r in rows} == {(D(2023, 1, 1), D(2023, 9, 30))}


def test_change_only_figure_has_no_value():
    rows = trade("Officials said trade between Kyrgyzstan and Tajikistan has grown by 35% compared to last year.")
    assert len(rows) == 1
    assert rows[0]["value"] is None and rows[0]["change_pct"] == 35.0 and rows[0]["flow"] == "total"


def test_the_figure_sentence_attaches_its_change_to_the_previous_figure():
    rows = trade("Iran's trade with the EAEU amounted to $2.1 billion in 2021. The figure rose by 8 percent.")
    assert len(rows) == 1
    assert (rows[0]["partner"], rows[0]["change_pct"]) == ("EAEU", 8.0)


def test_volume_and_value_respectively():
    rows = trade("Kazakhstan exported 1.2 million tonnes of wheat worth $300 million to Uzbekistan in 2022. "
                 "Its volume and value increased by 10 percent and 6 percent, respectively.")
    by_unit = {r["unit"]: r for r in rows}
    assert by_unit["t"]["value"] == 1.2e6 and by_unit["t"]["change_pct"] == 10.0
    assert by_unit["USD"]["value"] == 300e6 and by_unit["USD"]["change_pct"] == 6.0
    assert by_unit["t"]["commodity"] == "wheat"


@pytest.mark.parametrize("text", [
    # other economic figures: output, investment, deals, market shares
    "Kazakhstan's GDP reached $260 billion in 2022.",
    "Chinese investment in Uzbekistan reached $10 billion.",
    "The sides signed 12 agreements worth $3.7 billion.",
    "A 30% share of the market belongs to Turkish firms.",
    # one country's trade with the world, and prices
    "Pakistan's exports to all destinations reached $31 billion in 2023.",
    "Globally, Japan's exports fell 3 percent to $717 billion in 2023.",
    "Egypt's overall merchandise exports rose to $35 billion last year.",
    "The average export price of Russian wheat fell to $230 per tonne.",
    # shares of one country's total, remittances, debts, a bank's name
    "Peru accounted for 8% of Chile's total foreign trade, which reached $190 billion in 2022.",
    "Remittances from Chile to Peru, which are not counted as trade, reached $2.1 billion in 2022.",
    "Peru's debt to the Export-Import Bank of Chile stands at about $1 billion.",
    "Chile and Peru met. Mercosur accounted for 31.5 percent of Chile's foreign trade in 2023, and the country's total "
    "trade turnover reached $2.3 billion.",
    "Chile and Peru met. The average customs value of imported passenger cars rose by 6.8% in 2023.",
    "Chile and Peru met. Chile's trade with non-EU countries reached $49.9 billion in 2023.",
    "Chile's minister met Peru's minister, as Peru still owes Chile an estimated $11 million for electricity imports.",
    # one country's exports, a port's cargo, trade within a bloc
    "Chile and Peru met. For comparison, Chile's total non-copper exports in 2023 reached $32.5 billion.",
    "Chile and Peru met. The Valparaiso Sea Trade Port handled 7.1 million tons of cargo in 2023.",
    "Chile and Peru met. Mutual trade between the Mercosur member states in 2023 exceeded $90 billion.",
    "Chad and Niger met. Intra-ECOWAS trade accounts for less than 10 percent of the bloc's total trade, estimated at $208 billion.",
    "Chile and Peru met. Chile's domestic copper purchases from small miners fell to 1.2 million tonnes in 2023.",
])
def test_figures_that_are_not_bilateral_trade(text):
    assert trade(text) == []


def test_same_figure_stated_twice_is_one_row():
    text = ("Trade between Iran and Turkmenistan reached $1.1 billion in 2022, officials said. "
            "Iran-Turkmenistan trade stood at $1.1 billion in 2022.")
    assert len(trade(text)) == 1


def test_non_oil_commodity():
    rows = trade("Non-oil trade between Iran and Turkmenistan amounted to $700 million in 2022.")
    assert rows[0]["commodity"] == "non-oil goods"


def _facts(rows):
    return [(r["flow"], r["reporter"], r["partner"], r["value"], r["period_start"], r["period_end"]) for r in rows]


def test_period_and_countries_carried_to_the_next_figures():
    text = ("Georgia's trade with Armenia amounted to $950 million in 2023, the statistics office said. "
            "Georgian exports to Armenia accounted for $610 million of the total, while imports reached $340 million.")
    y = (D(2023, 1, 1), D(2023, 12, 31))
    assert _facts(trade(text)) == [("total", "GEO", "ARM", 950e6, *y), ("export", "GEO", "ARM", 610e6, *y),
                                   ("import", "GEO", "ARM", 340e6, *y)]


def test_period_carries_over_a_few_sentences_of_a_digest():
    # a digest states its period once, then paragraph after paragraph of figures without it
    text = ("Trade between Egypt and Jordan reached $900 million in January-October 2022. "
            "Jordan accounted for 3 percent of Egypt's trade. The ministers discussed transport. Ports were modernised. "
            "Egyptian exports to Jordan stood at $500 million.")
    assert _facts(trade(text))[1] == ("export", "EGY", "JOR", 500e6, D(2022, 1, 1), D(2022, 10, 31))


def test_period_is_not_carried_far_or_over_a_stated_one():
    far = ("Trade between Egypt and Jordan reached $900 million in 2022. "
           + " ".join(f"The ministers discussed item {n} of the agenda." for n in range(1, 10))
           + " Egyptian exports to Jordan stood at $500 million.")
    assert _facts(trade(far))[1] == ("export", "EGY", "JOR", 500e6, None, None)
    stated = ("Trade between Egypt and Jordan reached $900 million in 2022. "
              "Egyptian exports to Jordan stood at $500 million in 2021.")
    assert _facts(trade(stated))[1] == ("export", "EGY", "JOR", 500e6, D(2021, 1, 1), D(2021, 12, 31))


def test_trade_with_a_third_country_keeps_the_subject():
    text = "Mongolia's trade with China totalled $12 billion in 2023, while trade with Russia reached $2.3 billion."
    assert [(r["reporter"], r["partner"]) for r in trade(text)] == [("MNG", "CHN"), ("MNG", "RUS")]


@pytest.mark.parametrize("text, kind", [
    ("Trade between Qatar and Oman increased 1.8 times in 2022 to reach $580 million.", "actual"),
    ("The leaders discussed bringing the volume of trade between Qatar and Oman up to $2 billion.", "target"),
    ("Analysts expect trade between Qatar and Oman to reach $1.2 billion this year.", "forecast"),
    ("The envoy said trade between Qatar and Oman would likely end the year at around $1.2 billion.", "forecast"),
])
def test_kind_from_the_words(text, kind):
    assert [r["kind"] for r in trade(text)] == [kind]


@pytest.mark.parametrize("text, commodity", [
    ("Polish agricultural exports to Hungary reached $1.1 billion in 2023.", "agricultural"),
    ("Hungary's imports of Polish fuels and lubricants reached $300 million in 2023.", "fuels and lubricants"),
    ("Polish textile exports to Hungary amounted to $90 million in 2023.", "textile"),
])
def test_commodity_before_or_after_the_flow(text, commodity):
    assert [r["commodity"] for r in trade(text)] == [commodity]


@pytest.mark.parametrize("text, flow, reporter, partner", [
    ("Brazil bought 1.9 million tonnes of Argentine wheat in 2023.", "import", "BRA", "ARG"),
    ("Poland imported about 2.5 million tonnes of Ukrainian grain last year.", "import", "POL", "UKR"),
    ("Sudan exported 120,000 tonnes of sesame to Egypt in 2022.", "export", "SDN", "EGY"),
])
def test_subject_of_a_trade_verb_and_origin_of_goods(text, flow, reporter, partner):
    assert [(r["flow"], r["reporter"], r["partner"]) for r in trade(text)] == [(flow, reporter, partner)]


@pytest.mark.parametrize("text, value, unit", [
    ("Kenya's exports to Tanzania rose 18 percent to KSh 64.2 billion in 2022.", 64.2e9, "KES"),
    ("Ghana's exports to Nigeria fell to GH¢1.9 billion in 2022.", 1.9e9, "GHS"),
    ("Zimbabwe imported goods worth R38.2bn from South Africa in 2023.", 38.2e9, "ZAR"),
    ("India's exports to Bangladesh earned about ₹9,800 crore in 2023.", 9.8e10, "INR"),
    ("Canadian exports to Mexico totalled C$9.8 billion in 2022.", 9.8e9, "CAD"),
    ("Imports from Argentina to Brazil rose 9.5% to US$2.7 billion in 2023.", 2.7e9, "USD"),
    ("Kenya's exports to Ethiopia fell 11.4 per cent to Sh12.6 billion in 2023.", 12.6e9, "KES"),
    ("Japan's exports to Mongolia were ¥68.2 billion in 2023.", 68.2e9, "JPY"),
])
def test_currencies_and_no_country_from_a_currency_sign(text, value, unit):
    """(a sign several countries use is the figure's country's: "Sh" in Kenya, "¥" in Japan)"""
    rows = trade(text)
    assert [(r["value"], r["unit"]) for r in rows] == [(pytest.approx(value), unit)]
    assert "USA" not in (rows[0]["reporter"], rows[0]["partner"])


@pytest.mark.parametrize("text, kind", [
    ("The leaders agreed to work towards raising trade between Chile and Peru to $10 billion.", "target"),
    ("Trade between Chile and Peru should stand at $10 billion by 2030.", "target"),
    ("Trade between Chile and Peru had grown to $4 billion by 2019.", "actual"),
    ("I would like trade between Chile and Peru to exceed $6 billion.", "target"),
    ("Chilean exports to Peru could climb to $4bn next year.", "forecast"),
    ("Analysts expect trade between Chile and Peru to stabilise at around $5 billion this year.", "forecast"),
    ("Chile expects copper exports to Peru of 80-85 million tonnes this year.", "forecast"),
    ("Chile and Peru agreed to work towards a turnover of US$5 billion.", "target"),
    ("Trade between Chile and Peru rose to $5 billion in 2023, more than had been expected.", "actual"),
])
def test_target_from_raising_to_or_a_future_year(text, kind):
    assert [r["kind"] for r in trade(text)] == [kind]


def test_by_a_year_is_a_target_when_the_publication_date_is_unknown():
    rows = extract("Trade between Chile and Peru should stand at $10 billion by 2030.", published=None,
                   table="trade_figures")
    assert [r["kind"] for r in rows] == ["target"]


@pytest.mark.parametrize("text, commodity", [
    ("Sudan exported 120,000 tonnes of sesame to Egypt in 2022.", "sesame"),
    ("Philippine banana shipments to Japan fell by 4% to 610,000 tonnes in 2022.", "banana"),
    ("Bilateral merchandise exports from Chile to Peru reached $2.9 billion in 2023.", None),
    ("Peru's total exports to Chile reached $1.8 billion in 2023.", None),
    ("Egypt imported 52,000 tonnes of Sudanese onions in 2023.", "onions"),
    ("Japanese imports of Peruvian avocados were valued at 9.4 billion yen in 2023.", "avocados"),
    ("Sales of Chilean cherries to China generated US$2.1 billion in 2023.", "cherries"),
    ("Trade between Chile and Peru reached $4 billion in 2023. Trade in energy resources accounted for "
     "$900 million of the total.", "energy resources"),
    ("Exports of goods from Chile to Peru reached $2.9 billion in 2023.", None),
    ("Chile and Peru met. The Central Bank put exports to Peru at CLP 2.1 trillion for 2023.", None),
    ("Seafood exports from Chile to Peru rose 30 per cent to 65,000 tonnes in 2023.", "seafood"),
    ("Chilean exports to Peru rose 30 per cent to $2 billion in 2023.", None),
    ("Chile and Peru agreed to raise trade to $6 billion and to negotiate an agreement on trade in services.", None),
    ("Chilean salmon sales to Peru earned 36 billion pesos in 2024.", "salmon"),
    # goods of a later clause are not the figure's own
    ("Trade between Chile and Peru rose to $4.1 billion in 2023, even as shipments of copper from Antofagasta slowed.", None),
    ("Chile-Peru trade reached $4 billion in 2023, official data showed, as the trade pact boosted shipments of wine.", None),
])
def test_goods_not_in_the_word_list(text, commodity):
    assert [r["commodity"] for r in trade(text)][-1:] == [commodity]


@pytest.mark.parametrize("value_sentence", ["Their value reached $19 billion.",
                                            "The value of those shipments was about $19 billion.",
                                            "The shipments were worth about $19 billion."])
def test_the_value_of_goods_told_before_keeps_the_goods(value_sentence):
    rows = trade("Copper exports from Chile to China totalled 2.1 million tonnes in 2023. " + value_sentence)
    assert [(r["flow"], r["value"], r["unit"], r["commodity"], r["period_end"]) for r in rows] == [
        ("export", 2.1e6, "t", "copper", D(2023, 12, 31)), ("export", 19e9, "USD", "copper", D(2023, 12, 31))]


def test_sales_to_a_country_are_exports_but_sales_alone_are_not_trade():
    assert [(r["flow"], r["reporter"], r["partner"]) for r in trade(
        "Sales of Chilean wine to China reached $300 million in 2023.")] == [("export", "CHL", "CHN")]
    assert trade("Retail sales in Chile rose 4% to $80 billion in 2023, the Chilean statistics office said.") == []


def test_surplus_is_no_trade_figure_and_passenger_cars_are_goods():
    text = ("Mongolia's trade with Japan grew. Imports from Japan, mainly passenger cars, accounted for US$371.3 million "
            "of the total, leaving Japan with a trade surplus of US$300 million.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in trade(text)] == [
        ("import", "MNG", "JPN", 371.3e6)]


def test_possessive_foreign_trade_is_not_a_speaker():
    text = "Mongolia's foreign trade turnover with Japan amounted to US$412.6 million in 2023."
    assert [(r["reporter"], r["partner"]) for r in trade(text)] == [("MNG", "JPN")]


@pytest.mark.parametrize("text, start, end", [
    # India counts April-March, Bangladesh July-June: the reporting country's fiscal year dates the figure
    ("India's exports to Nepal reached $8.2 billion in FY2022-23.", D(2022, 4, 1), D(2023, 3, 31)),
    ("Bangladesh's imports from Bhutan stood at $60 million in FY22.", D(2021, 7, 1), D(2022, 6, 30)),
    ("Chile's exports to Peru were $2.1 billion in fiscal 2022.", None, None),     # a calendar-year country: not guessed
    # Ethiopia's starts on July 8; a demonym may stand inside the name
    ("Ethiopia's exports to Kenya earned $90 million in the 2021/22 Ethiopian fiscal year.", D(2021, 7, 8), D(2022, 7, 7)),
])
def test_fiscal_years_are_dated_by_the_reporting_country(text, start, end):
    (row,) = trade(text)
    assert (row["period_start"], row["period_end"]) == (start, end)


def test_deliveries_are_exports_and_a_manat_is_the_reporting_countrys():
    [row] = trade("Azerbaijan's deliveries of cement to Georgia totalled 41.5 million manat in 2022.")
    assert (row["flow"], row["reporter"], row["partner"], row["value"], row["unit"]) == (
        "export", "AZE", "GEO", 41.5e6, "AZN")


def test_the_source_of_a_figure_is_not_where_the_goods_went():
    [row] = trade("Chile imported 20 thousand tons of Peruvian onions in 2022, according to Peru's customs office.")
    assert (row["flow"], row["reporter"], row["partner"], row["value"]) == ("import", "CHL", "PER", 2e4)


def test_the_two_countries_foreign_trade_is_bilateral():
    [row] = trade("The two countries' foreign trade turnover reached $1.2 billion in 2022, Chilean and Peruvian officials said.")
    assert (row["flow"], {row["reporter"], row["partner"]}, row["value"]) == ("total", {"CHL", "PER"}, 1.2e9)


def test_a_countrys_own_exports_with_no_partner_are_its_exports_to_everyone():
    text = ("Chilean and Peruvian ministers met in Lima on Monday. "
            "Chile's exports hit a record $98 billion in 2022, according to the central bank.")
    assert trade(text) == []


def test_exports_after_a_bilateral_figure_are_to_the_same_partner():
    text = "Trade between Chile and Peru reached $4 billion in 2022. Chile's exports amounted to $2.5 billion."
    rows = trade(text)
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("total", "CHL", "PER", 4e9), ("export", "CHL", "PER", 2.5e9)]


def test_the_next_sentence_takes_the_latest_period_not_the_comparison_base():
    text = ("Trade between Chile and Peru rose to $4 billion in 2022 from $3 billion in 2021. "
            "Chile's exports accounted for $2.5 billion of the total.")
    rows = trade(text)
    assert [(r["value"], r["period_start"]) for r in rows] == [
        (4e9, D(2022, 1, 1)), (3e9, D(2021, 1, 1)), (2.5e9, D(2022, 1, 1))]


def test_the_figure_in_the_next_sentence_is_the_same_flow_in_its_own_period():
    text = ("In 2022, trade between Chile and Peru amounted to $4 billion. "
            "In the first quarter of 2023, the figure reached $1.1 billion.")
    rows = trade(text)
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        ("total", "CHL", "PER", 4e9, D(2022, 1, 1), D(2022, 12, 31)),
        ("total", "CHL", "PER", 1.1e9, D(2023, 1, 1), D(2023, 3, 31))]


@pytest.mark.parametrize("text, unit", [
    ("Turkish exports to Georgia reached 21.4 billion lira in 2022.", "TRY"),
    ("South Korea's exports to Kyrgyzstan reached 45 billion won in 2022.", "KRW"),
    ("Pakistan's imports from Nepal were worth 3 billion rupees in 2022.", "PKR"),
])
def test_a_currency_name_is_the_one_of_the_figures_countries(text, unit):
    [row] = trade(text)
    assert row["unit"] == unit


def test_a_limit_or_quota_is_not_trade():
    assert trade("Chile and Peru raised the duty-free limit on border trade to 600 soles a month in 2022.") == []
    assert trade("Peru set its export quota for Chilean wheat at 2 million tonnes for 2023.") == []


@pytest.mark.parametrize("text", [
    "Chile's imports from Peru reached $2 billion in 2022. Copper alone accounted for $900 million of the imports.",
    "Chile's imports from Peru reached $2 billion in 2022. Peruvian cars accounted for $18 million of Chile's imports.",
    "Peru exported fresh and dried fruit worth $48 million to Chile in 2022.",
    "Chile's exports to Peru reached $2 billion in 2022. Copper ores and concentrates remained the main export item, "
    "at $900 million.",
    "Lentils remain Peru's main export item to Chile, with about 4,600 tonnes shipped last year.",
])
def test_goods_singled_out_are_a_commodity(text):
    assert trade(text)[-1]["commodity"] is not None


def test_countries_on_the_route_are_not_the_sides():
    text = ("Chile and Peru held talks in Lima on Monday. The sides agreed to bring annual trade to $6 billion "
            "and to simplify procedures for trucks travelling via Bolivia and Ecuador.")
    [row] = trade(text)
    assert ({row["reporter"], row["partner"]}, row["kind"]) == ({"CHL", "PER"}, "target")


def test_a_period_after_the_number_with_its_preposition_is_its_own():
    rows = trade("Trade between Chile and Peru stood at $52 million in January-November 2023, "
                 "up from $37 million for the whole of 2022.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (52e6, D(2023, 1, 1), D(2023, 11, 30)), (37e6, D(2022, 1, 1), D(2022, 12, 31))]


def test_one_countrys_total_turnover_is_not_bilateral():
    assert trade("Chile and Peru held talks. Chile's total import-export turnover in 2022 was $190 billion.") == []


def test_a_change_in_the_next_clause_with_its_own_period_is_its_own_fact():
    rows = trade('"Trade between Chad and Niger last year was about $710 million, and in the first half of this year '
                 'it grew by 18 percent," the minister said.')
    assert [(r["value"], r["period_start"], r["period_end"], r["change_pct"]) for r in rows] == [
        (710e6, D(2022, 1, 1), D(2022, 12, 31), None), (None, D(2023, 1, 1), D(2023, 6, 30), 18.0)]


def test_a_change_in_the_same_clause_stays_with_its_figure():
    rows = trade("Trade between Chad and Niger rose 12% to $5 billion in 2022, and exports reached $2 billion.")
    assert [(r["flow"], r["value"], r["change_pct"]) for r in rows] == [("total", 5e9, 12.0), ("export", 2e9, None)]


def test_part_of_a_countrys_fiscal_year():
    rows = trade("Trade between India and Nepal reached $6 billion in Q3 FY2023.")   # India: April to March
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2022, 10, 1), D(2022, 12, 31))]


@pytest.mark.parametrize("text", [
    "Trade between Chile and Peru fell 4% to $2.2 billion in 2023, mainly because of lower purchases of Peruvian "
    "copper concentrate.",
    "Trade between Chile and Peru fell 4% to $2.2 billion in 2023, which the minister attributed to weaker copper sales.",
    "Trade between Chile and Peru would end the year at $2.2 billion because Chilean copper sales had slowed.",
    "Chilean exports to Peru dropped to $161 million in 2023 as copper shipments slowed.",
])
def test_goods_named_as_the_cause_do_not_limit_the_figure(text):
    assert [r["commodity"] for r in trade(text)] == [None]


def test_a_comparison_base_does_not_stop_the_period_carrying_on():
    rows = trade("Chad's trade with Niger reached $2 billion in January–October 2023. Chad imported 38,600 tonnes of "
                 "flour from Niger, down by a fifth from the same period of 2022.")
    assert [(r["period_start"], r["period_end"]) for r in rows][-1] == (D(2023, 1, 1), D(2023, 10, 31))


def test_the_same_fiscal_year_or_months_refer_back():
    rows = trade("Chile's exports to Peru reached $2 billion in 2023. Imports from Peru, mostly copper ore, stood at "
                 "$1 billion during the same fiscal year.")
    assert [(r["period_start"], r["period_end"]) for r in rows][-1] == (D(2023, 1, 1), D(2023, 12, 31))


def test_imports_into_a_country_are_its_imports_of_the_named_goods():
    rows = trade("Chilean grain imports into Peru collapsed to just 19,000 tonnes in 2023.")
    assert [(r["flow"], r["reporter"], r["partner"]) for r in rows] == [("import", "PER", "CHL")]


def test_a_figure_restated_in_another_currency_in_brackets_is_one_fact():
    rows = trade("Chile's exports to Peru in 2023 were worth 1.6 trillion pesos (around $1.8 billion), mainly copper.")
    assert [(r["value"], r["unit"]) for r in rows] == [(1.6e12, "CLP")]


@pytest.mark.parametrize("text", [
    "Chile and Peru met. Live cattle shipments to Peru fell by a fifth to about 380,000 head in 2023.",
    "Chile and Peru met. Peru's copper imports reached 9 million tonnes, and global copper trade is estimated at 40 million tonnes.",
])
def test_counts_of_things_and_global_trade_are_no_bilateral_figures(text):
    assert [r["value"] for r in trade(text) if r["value"] == 40e6 or r["value"] is None] == []


def test_exports_most_of_which_went_to_a_country_are_exports_to_everyone():
    assert trade("Chile's copper exports reached 5 million tonnes in 2023, most of which went to China.") == []


def test_the_subject_of_a_trade_verb_past_an_adverb_is_its_side():
    rows = trade("Peru also exported 350,000 tonnes of rice to Chile in 2023 as Chilean mills sought cheaper supplies.")
    assert [(r["flow"], r["reporter"], r["partner"]) for r in rows] == [("export", "PER", "CHL")]


def test_the_subject_of_a_later_clause_does_not_turn_a_figure_around():
    rows = trade("Chile and Peru met. Imports from Peru rose by over 60 percent to $92 million in 2023 as Peru shipped "
                 "more grapes, and Peru posted a surplus with Chile.")
    assert [(r["flow"], r["reporter"], r["partner"]) for r in rows] == [("import", "CHL", "PER")]


def test_the_second_of_two_flows_joined_by_while_keeps_its_own_sides():
    rows = trade("Chile and Peru met. Chilean exports to Peru made up the bulk of the figure, while Peru's exports to "
                 "Chile, mainly zinc, amounted to $142 million in 2023.")
    assert [(r["flow"], r["reporter"], r["partner"]) for r in rows] == [("export", "PER", "CHL")]


def test_bilateral_trade_is_the_articles_pair_whatever_country_a_name_contains():
    rows = trade("Kenya and Ethiopia met. Bilateral trade is projected to hit $3 billion by 2026 once the Lamu "
                 "Port-South Sudan-Ethiopia Transport corridor is complete.")
    assert [{r["reporter"], r["partner"]} for r in rows] == [{"KEN", "ETH"}]     # a total's order is free


def test_a_sentence_without_figures_sets_the_period_of_the_figures_below_it():
    rows = trade("The statistics office released foreign trade data for the first nine months of 2023. "
                 "Below are the main figures.\n\n"
                 "• Trade between Chile and Peru: $2.1 billion, up 4% compared with January–September 2022.\n"
                 "• Exports to Peru: $1.3 billion (+6%).")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (2.1e9, dt.date(2023, 1, 1), dt.date(2023, 9, 30)), (1.3e9, dt.date(2023, 1, 1), dt.date(2023, 9, 30))]


def test_a_sentence_whose_only_trade_word_is_traded_sets_the_period_below_it():
    rows = trade("In January-June 2024 Chile and Peru traded goods as shown below. Exports to Peru were $100 million.",
                 published=dt.date(2024, 8, 1))
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (1e8, dt.date(2024, 1, 1), dt.date(2024, 6, 30))]


def test_goods_of_a_part_told_with_of_which_are_the_parts_only():
    rows = trade("Chilean exports to Peru reached $240 million in 2022, of which copper made up $190 million.")
    assert [(r["value"], r["commodity"]) for r in rows] == [(240e6, None), (190e6, "copper")]


@pytest.mark.parametrize("text, value, start, end", [
    # "Of this, ...": the part is of the whole's period, whatever the whole was
    ("Chile and Peru met. 2.9 million tonnes of cargo were carried on the line in January-November 2023. "
     "Of this, exports from Chile to Peru amounted to 1.5 million tonnes.", 1.5e6, dt.date(2023, 1, 1), dt.date(2023, 11, 30)),
    # "the same period" in the sentence, after a figure that is no trade
    ("Chile and Peru met. Chilean investment in Peru reached $38 million in January-June 2023, while mutual "
     "trade over the same period grew 47 percent to $256 million.", 256e6, dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
    # "the same seven months" in the sentence after
    ("Chile and Peru met. The port handled 1.3 million tonnes of cargo bound for Peru in January-July. "
     "Chile exported 480,000 tonnes of copper to Peru in the same seven months, the ministry said.",
     480e3, dt.date(2023, 1, 1), dt.date(2023, 7, 31)),
])
def test_a_period_told_before_for_a_figure_that_is_no_trade_is_the_period_of_the_part_or_the_same_period(
        text, value, start, end):
    assert [(r["value"], r["period_start"], r["period_end"]) for r in trade(text)] == [(value, start, end)]


def test_a_country_in_a_clause_urging_after_the_figure_is_no_side():
    rows = trade("Chile and Peru met. Chile's trade with Bolivia rose 30 percent to $480 million in 2022, the minister "
                 "said, urging exporters not to neglect the larger Peruvian market.")
    assert [(r["reporter"], r["partner"]) for r in rows] == [("CHL", "BOL")]


@pytest.mark.parametrize("text", [
    "Experts forecast bilateral trade between Chile and Peru to reach around $600 million this year.",
    "Officials expected trade between Chile and Peru to return to the $2 billion mark this year.",
])
def test_a_forecast_cue_before_the_trade_it_forecasts(text):
    assert [r["kind"] for r in trade(text)] == ["forecast"]


def test_each_figure_of_a_list_goes_to_the_country_told_right_after_it():
    rows = trade("Chile exported $487 million worth of goods to Peru, $214 million to Bolivia and $176 million to "
                 "Ecuador in 2022.")
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("CHL", "PER", 487e6), ("CHL", "BOL", 214e6), ("CHL", "ECU", 176e6)]


def test_a_digest_line_labelled_with_goods_is_limited_to_them():
    rows = trade("Chile and Peru met.\n\n• Copper: exports to Peru reached $310 million in 2023.")
    assert [(r["flow"], r["commodity"]) for r in rows] == [("export", "copper")]


def test_it_after_a_trade_figure_is_that_trade():
    rows = trade("Trade between Chile and Peru amounted to $2.2 billion in 2022. In the first half of 2023 it "
                 "reached $1.2 billion, up 8 percent.")
    assert [(r["flow"], r["value"], r["period_end"], r["change_pct"]) for r in rows] == [
        ("total", 2.2e9, dt.date(2022, 12, 31), None), ("total", 1.2e9, dt.date(2023, 6, 30), 8.0)]


def test_a_year_before_to_and_a_figure_is_no_range():
    rows = trade("Chilean exports to Peru fell by a quarter in 2023 to 900 million dollars.")
    assert [(r["value"], r["period_start"], r["change_pct"]) for r in rows] == [(9e8, dt.date(2023, 1, 1), -25.0)]


def test_the_destination_of_one_flow_is_not_the_origin_of_the_next():
    rows = trade("Chile and Peru met. Chile exported goods worth $386 million to Peru in 2023, while imports "
                 "from Peru stood at $41 million.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("export", "CHL", "PER", 386e6), ("import", "CHL", "PER", 41e6)]


@pytest.mark.parametrize("text, sides", [
    ("Chile and Peru met. Brazil has gained most from the dispute. Its trade with Peru reached $4.1 billion in 2022.",
     {"BRA", "PER"}),
    ("Chile and Peru met. Brazil looms over the talks. It remains Peru's largest partner, with two-way trade of "
     "$9 billion in 2022.", {"BRA", "PER"}),
])
def test_it_and_its_opening_a_sentence_are_the_country_the_sentence_before_opened_with(text, sides):
    assert [{r["reporter"], r["partner"]} for r in trade(text)] == [sides]


def test_a_country_in_a_clause_after_the_figure_is_not_a_side():
    rows = trade("Chile and Peru met. Peru's trade with Brazil reached $9 billion in 2022, and Chilean firms "
                 "have opened plants there.")
    assert [{r["reporter"], r["partner"]} for r in rows] == [{"PER", "BRA"}]


def test_three_countries_in_a_name_are_not_the_two_sides_of_bilateral_trade():
    rows = trade("Chile and Peru agreed to speed up the Chile-Bolivia-Peru rail link and to raise bilateral trade "
                 "to $5 billion.")
    assert [{r["reporter"], r["partner"]} for r in rows] == [{"CHL", "PER"}]


def test_during_the_year_is_the_period_told_before():
    rows = trade("Chile's exports to Peru reached $2.1 billion in 2022. Copper sales to Peru alone generated "
                 "$900 million during the year.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (2.1e9, D(2022, 1, 1), D(2022, 12, 31)), (9e8, D(2022, 1, 1), D(2022, 12, 31))]


def test_the_years_of_a_plan_are_not_the_period_of_later_figures():
    rows = trade("Chile and Peru signed a roadmap for trade cooperation for 2024-2026. In the quarter, Chile's exports "
                 "to Peru reached $500 million.")
    assert [(r["value"], r["period_start"]) for r in rows] == [(5e8, None)]


def test_the_period_of_a_figure_not_taken_is_the_same_period_after_it():
    rows = trade("Chile and Peru met. Chile has become a big buyer of Peruvian fishmeal: purchases totaled $80 million "
                 "in the first 11 months of 2022. Chilean wine exports to Peru, meanwhile, amounted to 30,000 tonnes "
                 "over the same period.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows if r["unit"] == "t"] == [
        (3e4, D(2022, 1, 1), D(2022, 11, 30))]


def test_foreign_trade_of_one_country_with_another_is_bilateral():
    rows = trade("The foreign trade turnover of Chile with the Republic of Peru in January–September 2023 amounted to "
                 "USD 2,247.6 mln.")
    assert [({r["reporter"], r["partner"]}, r["value"]) for r in rows] == [({"CHL", "PER"}, 2.2476e9)]


def test_thousands_abbreviated_and_goods_before_of_which():
    rows = trade("Chile and Peru met. Chile's main exports to Peru were fruit, of which 61.8 thsd tonnes were "
                 "delivered in 2023.")
    assert [(r["value"], r["unit"], r["commodity"]) for r in rows] == [(61800.0, "t", "fruit")]
    rows = trade("Chile and Peru met. The fall was driven by natural gas, imports of which from Peru amounted to "
                 "$345 million in 2023.")
    assert [(r["flow"], r["value"], r["commodity"]) for r in rows] == [("import", 345e6, "natural gas")]


def test_a_destination_after_an_adjective_is_the_destination():
    rows = trade("Chile's exports to neighbouring Peru reached $2.1 billion in 2022.")
    assert [(r["flow"], r["reporter"], r["partner"]) for r in rows] == [("export", "CHL", "PER")]


def test_pct_is_percent_and_a_higher_supply_named_as_the_cause_is_no_commodity():
    rows = trade("Chile and Peru met. Trade between Chile and Peru reached $389.4 million in January-August 2023, "
                 "up 38.6 pct year-on-year, while Chilean exports rose to $200 million on higher shipments of copper.")
    assert [(r["value"], r["change_pct"], r["commodity"]) for r in rows] == [(3.894e8, 38.6, None), (2e8, None, None)]


@pytest.mark.parametrize("text, commodity", [
    ("Chilean farmers exported kidney beans worth $13 million to Peru in 2023.", "kidney beans"),
    ("Supplies of Chilean walnuts to Peru totalled 8,700 tons in 2023.", "walnuts"),
    ("Chile signed deals worth $13 million and exported goods worth $20 million to Peru in 2023.", None),
])
def test_goods_sold_worth_a_sum(text, commodity):
    assert [r["commodity"] for r in trade(text) if r["value"] in (13e6, 8700.0, 20e6) and r["unit"] != "x"][-1:] == [commodity]


def test_a_ranking_after_the_figure_names_no_side_and_a_named_period_is_not_the_same_period():
    rows = trade("Chile and Peru met. Chile's exports to Peru reached $5 billion in 2022. China remained Peru's largest "
                 "trading partner over the period with turnover of USD 7.9 bn, followed by Chile and Brazil. In the "
                 "January-February period, bilateral trade totalled 4.6 billion dollars.")
    assert [({r["reporter"], r["partner"]}, r["period_start"]) for r in rows] == [
        ({"CHL", "PER"}, D(2022, 1, 1)), ({"PER", "CHN"}, D(2022, 1, 1)), ({"CHL", "PER"}, D(2023, 1, 1))]


def test_a_year_earlier_with_nothing_before_it_is_a_comparison_and_the_period_carries():
    rows = trade("Chile and Peru met. Chilean exports to Peru fell 28 percent to $1.6 billion in January-July 2023. "
                 "Wheat exports to Peru dropped to 41,000 tonnes in the seven months from 1.2 million tonnes a year "
                 "earlier. Chile's total trade with Peru rose 5.2% to $10.9 billion over the same period, buoyed by "
                 "exports of machinery.")
    assert [(r["value"], r["period_end"], r["commodity"]) for r in rows if r["value"] != 1.2e6] == [
        (1.6e9, D(2023, 7, 31), None), (41000.0, D(2023, 7, 31), "wheat"), (1.09e10, D(2023, 7, 31), None)]


@pytest.mark.parametrize("text, commodity", [
    ("Chile's agrifood exports to Peru increased 17% to 3.4 million t in 2023.", "agrifood"),
    ("Chile's record exports to Peru reached $3 billion in 2023.", None),
])
def test_goods_after_a_possessive(text, commodity):
    assert [r["commodity"] for r in trade(text)] == [commodity]


def test_total_trade_between_the_two_neighbours_is_bilateral():
    rows = trade("Chile and Peru met. Total trade between the two neighbours stood at about $19.9 billion in 2023.")
    assert [({r["reporter"], r["partner"]}, r["value"]) for r in rows] == [({"CHL", "PER"}, 1.99e10)]


def test_a_period_labelling_a_figure_in_brackets_is_not_the_period_of_the_figure_outside():
    rows = trade("Chile and Peru met. Chile exported goods worth 29.4 billion pesos to Peru from January to April 2023. "
                 "Total trade between the two countries thus amounted to $5.7 billion (January to April 2022: "
                 "$5.6 billion).")
    assert [(r["value"], r["period_start"]) for r in rows if r["unit"] == "USD"] == [
        (5.7e9, D(2023, 1, 1)), (5.6e9, D(2022, 1, 1))]


def test_a_part_alone_does_not_set_the_period_told_after_it():
    rows = trade("Chile and Peru met. Chile's exports to Peru amounted to $3.2 billion in January-April 2023. "
                 "In April alone, exports to Peru rose to $0.9 billion. Imports of bananas from Peru reached "
                 "118 thousand tons in the period.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (3.2e9, D(2023, 1, 1), D(2023, 4, 30)), (9e8, D(2023, 4, 1), D(2023, 4, 30)),
        (118000.0, D(2023, 1, 1), D(2023, 4, 30))]


@pytest.mark.parametrize("text, sides", [
    ("Chile's exports to Peru reached $2 billion in 2022. For comparison, trade with the neighbouring Bolivia came "
     "to $38 million in 2022.", {"CHL", "BOL"}),
    ("Chile and Peru met. Bilateral trade between the two countries stood at about $1.1 billion in 2022, "
     "according to Mercosur data.", {"CHL", "PER"}),
    ("Ghana and Togo met. Ghana's exports to Cote d'Ivoire rose 9 percent to $29 million in 2022.", {"GHA", "CIV"}),
    # a clause after a semicolon that names a country is the figure's own
    ("Chile and Peru met. Chile sells copper. Peru is Chile's third partner after China, Brazil and the US; "
     "the country's trade with Brazil reached $4.1 billion in 2023.", {"CHL", "BRA"}),
    ("Chile and Peru met. Chile also trades more with Bolivia; its exports to its neighbour were $80 million "
     "in 2022.", {"CHL", "BOL"}),
    # a relative clause about the country just named, with the one whose partner it is
    ("Chile and Peru met. Peru kept second place after Brazil, with which the turnover of Chile made up "
     "$9.2 billion in 2023.", {"CHL", "BRA"}),
    ("Chile and Peru met. Peru remains Chile's second-largest trading partner after Brazil, with which trade "
     "reached $43.8 billion in 2024.", {"CHL", "BRA"}),
    ("Chile and Peru met. Bolivia, Peru's other major partner, traded goods worth $1.67 billion with the "
     "republic last year.", {"PER", "BOL"}),
])
def test_more_sides(text, sides):
    assert [{r["reporter"], r["partner"]} for r in trade(text)][-1:] == [sides]


def test_the_year_ending_a_month():
    rows = trade("Chile and Peru met. Peru's exports to Chile reached $412.7 million in the year ending January 2023.")
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2022, 2, 1), D(2023, 1, 31))]


def test_months_of_a_split_fiscal_year():
    rows = trade("In April-November of the current fiscal year 2022-23, India's exports to Nepal fell 13 percent "
                 "to $1.03 billion.")
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2022, 4, 1), D(2022, 11, 30))]


@pytest.mark.parametrize("text, commodity", [
    ("Chile exported goods worth $3 billion to Peru in 2023, with metallurgical products making up $1.1 billion "
     "of that amount.", "metallurgical products"),
    ("Chile exported 410,000 tons of commodities worth $198 million to Peru in 2023.", None),
])
def test_goods_making_up_part_of_a_figure_and_commodities_in_general(text, commodity):
    assert [r["commodity"] for r in trade(text)][-1] == commodity


@pytest.mark.parametrize("phrase", [
    "exports", "export", "exported", "exporting", "exporter", "shipment", "shipments", "shipped", "supplies", "supplied",
    "supplying", "sold", "sells", "selling", "sales to", "deliveries", "delivered", "delivers", "delivering", "imports",
    "import", "imported", "importing", "importer", "purchases", "purchased", "bought", "buys", "trade", "turnover",
    "commerce", "trade exchange", "commercial exchanges", "exchange of goods", "commodity exchange",
    "sent 95,000 tonnes", "dispatched $4 million", "buy at least 1.5 million", "traded goods", "exchanged $5 million",
])
def test_every_trade_word_passes_the_scope_prefilter(phrase):
    from pipeline.extract import trade as trade_module
    assert trade_module._TRADE_TOPIC.match(phrase)
    assert phrase.split()[0] in trade_module._TOPIC_START_WORDS


def test_a_world_trade_figure_sets_the_period_of_the_bilateral_figures_after_it():
    rows = trade("Chile and Peru met. The foreign trade turnover of Chile in January-December 2023 amounted to "
                 "$65.9 billion. Peru accounted for 17.5% of the total, with trade turnover with Peru reaching "
                 "$11.5 billion.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (1.15e10, D(2023, 1, 1), D(2023, 12, 31))]


def test_the_nine_months_is_the_nine_month_period_told_before_not_a_later_year():
    rows = trade("Chile and Peru met. Trade between Chile and Peru reached $2.4 billion in January-September 2023. "
                 "Peru accounted for 18% of Chile's total foreign trade of $134 billion last year. Chile supplied "
                 "about 2 million tons of copper to Peru in the nine months.")
    assert [(r["value"], r["period_end"]) for r in rows] == [(2.4e9, D(2023, 9, 30)), (2e6, D(2023, 9, 30))]


def test_a_second_partner_named_between_two_figures_is_the_second_figures_partner():
    rows = trade("Chile and Peru met. Chile's trade with Peru reached $650 million in 2023, and with Bolivia "
                 "820 million dollars.")
    assert [({r["reporter"], r["partner"]}, r["value"]) for r in rows] == [({"CHL", "PER"}, 6.5e8), ({"CHL", "BOL"}, 8.2e8)]


@pytest.mark.parametrize("text, changes", [
    # the change after "X tonnes worth $Y" is the value's ...
    ("Chile shipped 210,000 tonnes of copper worth $1.9 billion to Peru in 2023, a 6.5 percent decrease.",
     [(2.1e5, None), (1.9e9, -6.5)]),
    # ... unless it says it is the volume's
    ("Chile shipped 210,000 tonnes of copper worth $1.9 billion to Peru in 2023, with volumes up 2.1 times.",
     [(2.1e5, 110.0), (1.9e9, None)]),
    # a tonnage after the change, in a clause of its own, takes nothing from it
    ("Chile exported 30,000 tonnes of fruit to Peru in 2023, which is 9 percent less than in 2022; grapes alone "
     "made up 12,000 tonnes.", [(3e4, -9.0), (1.2e4, None)]),
    # a change that says what it measures
    ("Chile exported 1.25 million tons of goods worth $353 million to Peru in 2023, registering a 9% rise in "
     "weight and a 15% growth in value year-on-year.", [(1.25e6, 9.0), (3.53e8, 15.0)]),
    ("Chile's exports to Peru reached 7.2 million tons valued at $2.4 billion in 2023, up 8 percent in value.",
     [(7.2e6, None), (2.4e9, 8.0)]),
])
def test_a_change_after_a_volume_and_its_value_is_the_nearer_figures(text, changes):
    assert [(r["value"], r["change_pct"]) for r in trade(text)] == changes


def test_a_change_beside_a_price_is_the_trades_own():
    rows = trade("Chile and Peru met. In 2023, trade between Chile and Peru slipped by 6 percent, largely because copper "
                 "averaged $8,500 per tonne.")
    assert [(r["value"], r["change_pct"]) for r in rows] == [(None, -6.0)]


def test_a_ministers_title_is_no_scope_and_our_trade_with_a_country_is_bilateral():
    rows = trade('Chile and Peru met. "Our trade with Chile reached US$4.3 billion in 2023," Peru\'s Foreign Trade '
                 'Minister Ana Rojas said.')
    assert [({r["reporter"], r["partner"]}, r["value"]) for r in rows] == [({"CHL", "PER"}, 4.3e9)]


def test_a_label_before_a_colon_tells_the_kind_of_the_figure_after_it():
    rows = trade("Chile and Peru met.\n\nKey figures\n- Goal set by the two presidents: $10 billion in annual trade by 2030\n")
    assert [(r["kind"], r["value"], r["period_start"]) for r in rows] == [("target", 1e10, D(2030, 1, 1))]


def test_help_raise_trade_to_a_figure_is_a_target_and_a_country_singled_out_is_no_commodity():
    rows = trade("Chile and Peru met. Officials hope the border markets will help raise Chile-Peru trade to $5 billion "
                 "within three years. Chile's trade with Bolivia alone reached $1.36 billion in 2023.")
    assert [(r["kind"], r["commodity"]) for r in rows] == [("target", None), ("actual", None)]


def test_without_a_publication_date_a_yearless_period_takes_the_year_of_the_period_before():
    rows = trade("Chile's trade with Peru reached $11.9 billion in the first ten months of 2024. Chile exported "
                 "6.2 million tons of copper to Peru in January-October. Chile's exports to Peru reached $3 billion "
                 "last year.", published=None)
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (1.19e10, D(2024, 1, 1), D(2024, 10, 31)), (6.2e6, D(2024, 1, 1), D(2024, 10, 31)), (3e9, None, None)]


@pytest.mark.parametrize("text", [
    "Chile and Peru trade little. Trade collapsed after the border clashes of 2022. In 2024 it recovered to "
    "41.5 million US dollars, Peruvian customs data show.",
    "Chile and Peru trade little. A decade ago, bilateral turnover was barely half of today's level. In 2024 the "
    "figure climbed to $41.5 million.",
])
def test_it_or_the_figure_after_a_sentence_about_trade_without_figures_is_that_trade(text):
    assert [(r["flow"], {r["reporter"], r["partner"]}, r["value"]) for r in trade(text)] == [("total", {"CHL", "PER"}, 4.15e7)]


def test_trade_that_should_reach_a_figure_is_a_target():
    rows = trade("Chile and Peru met. Officials say annual trade should reach $500 million within three years.")
    assert [r["kind"] for r in rows] == ["target"]


def test_a_year_told_by_a_when_clause_is_the_period_of_its_figure():
    rows = trade("Chile and Peru met. It is a far cry from 2015, when the two neighbours traded goods worth just "
                 "$245 million.")
    assert [(r["value"], r["period_start"]) for r in rows] == [(2.45e8, D(2015, 1, 1))]


def test_aims_in_headlines_and_doubling_are_targets_and_the_last_financial_year_is_the_countrys():
    rows = trade("Chile, Peru eye $5bn trade\n\nChile aims to double trade with Peru by 2030. \"Australia bought "
                 "A$93 billion of Chilean goods in the last financial year,\" the minister said.", published=D(2024, 9, 3))
    got = [(r["kind"], r["value"], r["change_pct"], r["period_start"]) for r in rows]
    assert got == [("target", 5e9, None, None), ("target", None, 100.0, D(2030, 1, 1)),
                   ("actual", 9.3e10, None, D(2023, 7, 1))]


def test_a_figure_after_adding_that_has_its_own_sides_and_traded_is_trade():
    rows = trade("Chile and Peru met. Chile exported goods worth $620 million to Peru in 2023, the minister said, adding "
                 "that imports from Peru were valued at $1.28 billion. In 2022, the two countries traded $2.1 billion "
                 "worth of goods.")
    assert [(r["flow"], r["value"]) for r in rows] == [("export", 6.2e8), ("import", 1.28e9), ("total", 2.1e9)]
    assert rows[1]["reporter"] == "CHL" and rows[1]["partner"] == "PER"


def test_a_minister_of_state_for_foreign_trade_is_a_title():
    rows = trade('Chile and Peru met. "Our target is to raise non-oil trade to $3 billion," Chile\'s Minister of State '
                 'for Foreign Trade Ana Rojas said.')
    assert [(r["kind"], r["value"]) for r in rows] == [("target", 3e9)]


def _sides_values(rows):
    return [(r["reporter"], r["partner"], r["value"]) for r in rows]


@pytest.mark.parametrize("text, expected", [
    # the ranking and its figures in one sentence
    ("Trade between Peru and Chile grew. Chile was Peru's largest trade partner in 2023 with $5 billion, "
     "followed by Brazil with $3.1 billion and Bolivia with $1.2 billion.",
     [("PER", "CHL", 5e9), ("PER", "BRA", 3.1e9), ("PER", "BOL", 1.2e9)]),
    ("Peru's main trading partners in 2023 were Chile ($5 billion), Brazil ($3.1 billion) and Bolivia ($1.2 billion).",
     [("PER", "CHL", 5e9), ("PER", "BRA", 3.1e9), ("PER", "BOL", 1.2e9)]),
    # the places told in the sentences after it, without a trade word
    ("Chile remained Peru's largest trading partner in January-August 2024, with a turnover of $1.02 billion. "
     "Brazil came second with a turnover of $960 million, up 21 percent, and Bolivia third with $690 million.",
     [("PER", "CHL", 1.02e9), ("PER", "BRA", 960e6), ("PER", "BOL", 690e6)]),
    ("Chile remained Peru's top trading partner in 2023 ($5 billion). In second place was Brazil with $3.1 billion, "
     "while Ecuador ranked third at $1.2 billion.",
     [("PER", "CHL", 5e9), ("PER", "BRA", 3.1e9), ("PER", "ECU", 1.2e9)]),
    # the country it is ranked after: the figure's own when the figure follows it, else only a comparison
    ("Peru's trade with Chile reached $2.3 billion in 2023. Chile thus ranked third among Peru's trading partners, "
     "after Brazil with $7.1 billion.",
     [("PER", "CHL", 2.3e9), ("PER", "BRA", 7.1e9)]),
    ("Chile remains Peru's second-largest trading partner after Brazil, and trade between the two is expected to "
     "exceed $27 billion in 2024.",
     [("PER", "CHL", 27e9)]),
])
def test_a_ranking_of_one_countrys_partners_gives_each_figure_to_the_partner_named_before_it(text, expected):
    assert sorted(_sides_values(trade(text))) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # export markets and suppliers: the ranked country's exports and imports
    ("Peru remained Chile's largest export market in 2023, buying goods worth $118.6 million, 15.8 percent more "
     "than in 2022.", [("export", "CHL", "PER", 118.6e6)]),
    ("Brazil was Chile's main supplier in 2023 with $2 billion, followed by Peru with $1 billion.",
     [("import", "CHL", "BRA", 2e9), ("import", "CHL", "PER", 1e9)]),
    # a ranking told after the figures ranks nothing before it
    ("Chilean exports to Peru grew to $4 billion in 2022, while Chile imported Peruvian goods worth $3.9 billion, "
     "confirming Chile as Peru's leading supplier.", [("export", "CHL", "PER", 4e9), ("import", "CHL", "PER", 3.9e9)]),
])
def test_a_ranking_of_export_markets_or_suppliers_is_of_that_flow(text, expected):
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in trade(text)] == expected


def test_a_figure_with_no_period_takes_the_one_period_of_the_headline():
    def rows(headline):
        return extract_document("t" * 16, split_sentences(headline + "\n\nChile's economy grew 2 percent, the "
                                                          "statistics office said. Trade with Peru reached $5 billion."),
                                PUBLISHED)["trade_figures"]
    [row] = rows("Chile's economy grows 2% in 2023")
    assert (row["period_start"], row["period_end"]) == (D(2023, 1, 1), D(2023, 12, 31))
    [row] = rows("Chile: trade in 2023 and in the first half of 2024")      # two periods: which one is not said
    assert (row["period_start"], row["period_end"]) == (None, None)


@pytest.mark.parametrize("text, period", [
    # the fiscal year the publication date (2023-11-15) falls in, and a part of it
    ("India's exports to Chile reached $1 billion in the current fiscal year.", (D(2023, 4, 1), D(2024, 3, 31))),
    ("India's exports to Chile reached $1 billion in the first nine months of the current fiscal year.",
     (D(2023, 4, 1), D(2023, 12, 31))),
    ("India's exports to Chile reached $1 billion in the first half of this fiscal year.", (D(2023, 4, 1), D(2023, 9, 30))),
    # Nepal's fiscal year starts in mid-July and is named in its own calendar, 57 years ahead
    ("Nepal's exports to India reached Rs17 billion in the fiscal year 2079/80.", (D(2022, 7, 16), D(2023, 7, 15))),
])
def test_fiscal_years_told_against_the_publication_date_or_in_a_national_calendar(text, period):
    [row] = trade(text)
    assert (row["period_start"], row["period_end"]) == period


def test_an_aim_to_double_trade_after_a_figure_is_a_target_of_its_own():
    rows = trade("Trade between Chile and Peru reached $2.57 billion in 2023 and the leaders agreed to double "
                 "bilateral trade within five years.")
    assert [(r["value"], r["kind"], r["change_pct"]) for r in rows] == [(2.57e9, "actual", None), (None, "target", 100.0)]
    # ...but "to double trade to $2 billion" is one target, the figure it brings trade to, with no change of its own
    rows = trade("Chile and Peru are neighbours. The presidents wanted to double bilateral trade to $2 billion by 2030.")
    assert [(r["value"], r["kind"], r["change_pct"]) for r in rows] == [(2e9, "target", None)]


def test_an_aim_to_change_ones_own_exports_is_a_target_without_a_value():
    rows = trade('Chilean Trade Minister Ana Vidal visited Lima. "This year we want to increase our exports to Peru '
                 'by at least 30 percent," she said.')
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["kind"], r["change_pct"]) for r in rows] == [
        ("export", "CHL", "PER", None, "target", 30.0)]
    rows = trade('Chilean Trade Minister Ana Vidal visited Lima. "Our goal is to double our exports to Peru within '
                 'three years," Vidal said.')
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["kind"], r["change_pct"]) for r in rows] == [
        ("export", "CHL", "PER", None, "target", 100.0)]


def test_a_part_of_a_whole_is_the_wholes_reporters_trade_with_the_country_named_before_it():
    rows = trade("Chile's trade with the Mercosur countries climbed to $1.5 billion in 2022. Brazil alone accounted "
                 "for $820 million of that amount, while Peru's share was small.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("total", "CHL", "MERCOSUR", 1.5e9), ("total", "CHL", "BRA", 8.2e8)]
    rows = trade("Chile and Peru signed a deal. Peruvian copper accounted for $18 million of Chile's imports in 2022.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [("import", "CHL", "PER", 1.8e7)]
    # the exports of the part's country are its own
    rows = trade("Peru's trade with Chile reached $900 million in 2022. Chilean exports accounted for $500 million "
                 "of the total.")
    assert [(r["flow"], r["reporter"], r["partner"]) for r in rows][1:] == [("export", "CHL", "PER")]
    # goods singled out of the total keep its sides; one side's goods are its exports
    rows = trade("Chile's petrochemical exports to Peru reached 214,000 tonnes in 2022. Polyethylene accounted for "
                 "96,000 tonnes of the total and methanol for 58,000 tonnes.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["commodity"] is not None) for r in rows][1:] == [
        ("export", "CHL", "PER", 96000, True), ("export", "CHL", "PER", 58000, True)]
    rows = trade("Chile's trade with Peru reached 520,000 tonnes in 2022. Peruvian grain accounted for 410,000 tonnes "
                 "of the total.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows][1:] == [("export", "PER", "CHL", 410000)]
    # a part told as one side's flow is that flow ("with Peruvian fruit ... the main items" names goods, no partner)
    rows = trade("Trade between Chile and Peru reached $214 million in 2022. Peru's exports accounted for $79 million "
                 "of the total, with Peruvian fruit, vegetables and building materials the main items.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows][1:] == [("export", "PER", "CHL", 7.9e7)]
    # parts told after "Of that amount," and goods that open a sentence ("Wheat accounted for ...")
    rows = trade("Chile's trade with Mercosur reached $2.7 billion in 2017. Of that amount, Brazil accounted for "
                 "$782.4 million and Argentina for about $1.7 billion.")
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows][1:] == [("CHL", "BRA", 7.824e8), ("CHL", "ARG", 1.7e9)]
    rows = trade("Chile's exports of agricultural products to Peru reached $312.6 million in 2017. Wheat accounted for "
                 "1.27 million tonnes worth $198 million, making Peru the third largest buyer after Bolivia.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["commodity"]) for r in rows][1:] == [
        ("export", "CHL", "PER", 1.27e6, "wheat"), ("export", "CHL", "PER", 1.98e8, "wheat")]
    # a province is no country: the part keeps the sides it had
    rows = trade("Chile's exports to Peru reached $90 million in 2022. Antofagasta alone accounted for $20 million "
                 "of the exports.")
    assert [(r["reporter"], r["partner"]) for r in rows][:1] == [("CHL", "PER")]


def test_goods_shared_out_among_other_buyers_or_suppliers_keep_the_side_that_stays():
    rows = trade("Chile exported 118,400 tonnes of copper to Peru in January-September 2023. Brazil remained the "
                 "largest buyer, taking 205,000 tonnes, followed by Bolivia with 96,700 tonnes.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["commodity"], r["period_end"]) for r in rows][1:] == [
        ("export", "CHL", "BRA", 205000, "copper", D(2023, 9, 30)), ("export", "CHL", "BOL", 96700, "copper", D(2023, 9, 30))]
    rows = trade("Peru bought 1.3 million tonnes of Chilean wheat in 2022. Argentina supplied 2.6 million tonnes and "
                 "Bolivia 95,000 tonnes.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows][1:] == [
        ("import", "PER", "ARG", 2.6e6), ("import", "PER", "BOL", 95000)]
    # the goods' own side is no buyer, and goods named in the sentence are its goods
    rows = trade("Chile exported 300,000 tonnes of wheat to Peru in January-September 2022. Bolivia remained by far "
                 "the largest buyer of Chilean grain, with 1.3 million tonnes of flour over the nine months.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["commodity"]) for r in rows][1:] == [
        ("export", "CHL", "BOL", 1.3e6, "flour")]
    # a sentence with a trade word of its own tells its own trade
    rows = trade("Peru bought 1.3 million tonnes of Chilean wheat in 2022. Peru exported $1.2 billion of goods to "
                 "Bolivia, one of the top destinations for Peruvian products.")
    assert [(r["flow"], r["reporter"], r["partner"]) for r in rows][1:] == [("export", "PER", "BOL")]


def test_its_trade_in_a_later_clause_is_the_trade_of_the_clause_befores_owner():
    # (in an article about Peru and Bolivia: "its" is still Chile)
    rows = trade("Peru and Bolivia signed a rail deal. Peruvian and Bolivian officials met in Lima. Chile's trade with "
                 "Bolivia reached $582 million in 2023, while its turnover with Peru stood at $268 million.")
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows] == [("CHL", "BOL", 5.82e8), ("CHL", "PER", 2.68e8)]


def test_a_list_of_partners_after_by_comparison_is_the_reporters_and_a_citing_clause_names_no_side():
    rows = trade("Chile's trade with Peru reached $512 million in 2023. By comparison, turnover with Bolivia reached "
                 "$641 million and with Ecuador $705 million.")
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows][1:] == [("CHL", "BOL", 6.41e8), ("CHL", "ECU", 7.05e8)]
    rows = trade("Chile expects turnover with Peru to exceed $600 million in 2024, citing the free trade agreement "
                 "with Mercosur.")
    assert [{r["reporter"], r["partner"]} for r in rows] == [{"CHL", "PER"}]


def test_a_forecast_for_a_year_and_one_by_a_later_year_keep_their_own_periods():
    rows = trade("We forecast Chile–Peru trade at $450 million in 2024 and see it reaching $1 billion by 2028.")
    assert [(r["value"], r["kind"], r["period_end"]) for r in rows] == [
        (4.5e8, "forecast", D(2024, 12, 31)), (1e9, "forecast", D(2028, 12, 31))]


def test_the_shipments_earned_keeps_the_goods_and_a_consequence_clause_names_no_side():
    rows = trade("Chile exported 1.1 million tonnes of copper to Peru in 2022. The shipments earned about $262 million.")
    assert [(r["flow"], r["value"], r["commodity"]) for r in rows] == [("export", 1.1e6, "copper"),
                                                                      ("export", 2.62e8, "copper")]
    rows = trade("Chile's trade with Peru rose 32% to $3.5 billion in 2022, cementing Peru's position as Chile's "
                 "second-largest partner after Bolivia.")
    assert [{r["reporter"], r["partner"]} for r in rows] == [{"CHL", "PER"}]


def test_changes_in_volume_and_in_value_go_to_the_tonnage_and_the_value():
    rows = trade("Peru imported 640,000 tonnes of barley worth $139 million from Chile in 2023, up 31 percent in volume "
                 "and 12 percent in value on the same period a year earlier.")
    assert [(r["unit"], r["change_pct"]) for r in rows] == [("t", 31.0), ("USD", 12.0)]


def test_a_second_verb_with_its_own_period_is_its_own_change():
    rows = trade("Chile's trade with Peru reached $553 million last year and grew by a further 9% in the first five "
                 "months of 2023.")
    assert [(r["value"], r["change_pct"], r["period_start"], r["period_end"]) for r in rows] == [
        (5.53e8, None, D(2022, 1, 1), D(2022, 12, 31)), (None, 9.0, D(2023, 1, 1), D(2023, 5, 31))]


def test_a_transit_country_named_beside_the_trade_does_not_hide_it():
    rows = trade("Chile's trade with Peru, the main transit country on that route, rose to $412 million in 2022.")
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows] == [("CHL", "PER", 4.12e8)]


def test_two_countries_exchanging_goods_is_their_trade():
    rows = trade("Chile and Peru exchanged 1.46 million tonnes of goods worth $412 million in 2022.")
    assert [(r["flow"], r["value"], r["unit"]) for r in rows] == [("total", 1.46e6, "t"), ("total", 4.12e8, "USD")]


def test_the_same_month_a_year_earlier_is_that_solar_month_a_solar_year_back():
    rows = trade("Iran's exports to Chile reached $17.8 million in Mehr 1402. In the same month a year earlier, "
                 "imports from Chile had stood at $21.7 million.")
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2023, 9, 23), D(2023, 10, 22)),
                                                                    (D(2022, 9, 23), D(2022, 10, 22))]


def test_a_part_of_a_period_told_in_a_later_clause_does_not_date_the_figure():
    rows = trade("Chile's exports to Peru reached $30 million in the first ten months of 2023. Peru imported 684,500 "
                 "tonnes of Chilean wheat during the same ten months, and 23 trains crossed the border in May alone.")
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2023, 1, 1), D(2023, 10, 31))] * 2


def test_a_period_told_after_the_last_figure_dates_the_figures_before_it():
    rows = trade("Chile's exports to Peru reached $2.1 billion while its imports from Peru stood at $1.8 billion in "
                 "the January-September period of 2023.")
    assert [(r["flow"], r["period_start"], r["period_end"]) for r in rows] == [
        ("export", D(2023, 1, 1), D(2023, 9, 30)), ("import", D(2023, 1, 1), D(2023, 9, 30))]


def test_sales_to_its_neighbour_a_share_of_that_amount_and_the_total_thus():
    rows = trade("Chile's trade with Peru fell in 2023. Chile sold 612,000 tons of non-oil commodities, valued at "
                 "$143.5 million, to its Andean neighbor. Imports from Peru declined by 11% to $205 million. "
                 "Total trade thus stood at $348.5 million. Agricultural products accounted for $98 million of that amount.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["commodity"]) for r in rows] == [
        ("export", "CHL", "PER", 612000, "non-oil goods"), ("export", "CHL", "PER", 143.5e6, "non-oil goods"),
        ("import", "CHL", "PER", 205e6, None), ("total", "CHL", "PER", 348.5e6, None),
        ("total", "CHL", "PER", 98e6, "agricultural products")]
    # many neighbours are no one partner
    assert trade("Chile's trade with Peru fell in 2023. Chile sold copper worth $5 million to its neighbours.") == []


@pytest.mark.parametrize("text, period", [
    # a harvest year runs July to June unless its months are given
    ("Chile exported 1.3 million tonnes of wheat to Peru in the 2022/23 marketing year.", (D(2022, 7, 1), D(2023, 6, 30))),
    ("Chile sold 2 million tonnes of wheat to Peru in the 2023-24 grain season.", (D(2023, 7, 1), D(2024, 6, 30))),
    ("Chile exported 1.3 million tonnes of wheat to Peru in the 2022/23 marketing year (September-August).",
     (D(2022, 9, 1), D(2023, 8, 31))),
    # a season alone, in a sentence about grain, is the grain's
    ("Chile exported 1.1 million tonnes of wheat to Peru in the 2022/23 season.", (D(2022, 7, 1), D(2023, 6, 30))),
    ("Chile shipped 1.9 million tonnes of grain to Peru in the 2024/25 agricultural season.", (D(2024, 7, 1), D(2025, 6, 30))),
    ("Chilean cherry exports to Peru reached 41,000 tonnes in the 2023-24 season.", (None, None)),
    # the month it begins in, told after it
    ("Since the start of the 2022/23 marketing year on September 1, Chile has exported 1.4 million tonnes of wheat "
     "to Peru.", (D(2022, 9, 1), D(2023, 8, 31))),
    ("In the 2021/22 marketing year, which began in August, Chile exported 0.9 million tonnes of barley to Peru.",
     (D(2021, 8, 1), D(2022, 7, 31))),
    # a bare split year is a marketing year only after one is told
    ("Chile exported 0.6 million tonnes of copper to Peru in 2014/15.", (None, None)),
])
def test_a_marketing_year_or_season(text, period):
    [row] = trade(text)
    assert (row["period_start"], row["period_end"]) == period


def test_a_bare_split_year_after_a_marketing_year_is_one_too():
    rows = trade("During the 2015/16 marketing year, Chile exported 540,000 tonnes of wheat to Peru, compared with "
                 "1.3 million tonnes in 2014/15.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (540000, D(2015, 7, 1), D(2016, 6, 30)), (1.3e6, D(2014, 7, 1), D(2015, 6, 30))]


def test_the_supply_of_goods_to_a_country_is_an_export_of_their_origin():
    rows = trade("Chile and Peru held talks. In 2022 Chile shipped 210 thousand tonnes of barley to Peru, whereas the "
                 "supply of Peruvian fresh fruit to Chile increased to 97 thousand tonnes.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("export", "CHL", "PER", 210000), ("export", "PER", "CHL", 97000)]


def test_a_pair_that_names_an_agreement_is_no_side_of_the_figure():
    [row] = trade("Chilean officials expect trade with Peru to surpass $600 million in 2024 once the "
                  "Mercosur-Peru free trade agreement comes into force.")
    assert {row["reporter"], row["partner"]} == {"CHL", "PER"}
    # ...but trade under the agreement is trade between its sides
    [row] = trade("Trade under the Chile-Peru free trade agreement reached $600 million in 2023.")
    assert {row["reporter"], row["partner"]} == {"CHL", "PER"}


def test_a_mode_of_transport_is_no_commodity():
    [row] = trade("In January-April 2023, Chilean rail exports to Peru reached 402,000 tons.")
    assert (row["flow"], row["reporter"], row["commodity"]) == ("export", "CHL", None)


def test_trade_with_the_members_of_a_bloc_is_trade_with_the_bloc():
    [row] = trade("Chile's trade with the five members of the Eurasian Economic Union reached $1.43 billion in 2023, "
                  "with Russia accounting for more than two-thirds of the total.")
    assert (row["reporter"], row["partner"]) == ("CHL", "EAEU")


def test_a_volume_worth_a_value_and_a_comparison_figure_with_its_own_period():
    rows = trade("Chile's exports to Peru reached $240 million in January-October 2023. Over the ten months, 486.3 "
                 "thousand tons of wheat worth $128.4 million were shipped to Peru, compared with 301.7 thousand tons "
                 "in January-October 2022.")
    assert [(r["value"], r["unit"], r["period_start"], r["period_end"]) for r in rows[1:]] == [
        (486300, "t", D(2023, 1, 1), D(2023, 10, 31)), (128.4e6, "USD", D(2023, 1, 1), D(2023, 10, 31)),
        (301700, "t", D(2022, 1, 1), D(2022, 10, 31))]


def test_a_comparison_base_told_with_a_change_is_no_figures_period():
    rows = trade("Chile and Peru met. The two countries' trade in the first five months of 2023 reached 410,000 tons "
                 "worth $149 million, down 21 percent in value from the same period of the previous year.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (410000, D(2023, 1, 1), D(2023, 5, 31)), (149e6, D(2023, 1, 1), D(2023, 5, 31))]


def test_the_two_neighbours_with_an_adjective_are_the_pair():
    rows = trade("Chile's exports to Peru reached $300 million in 2022. Total trade between the two Andean neighbours "
                 "thus amounted to $477 million.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows][1] == ("total", "CHL", "PER", 477e6)


@pytest.mark.parametrize("text, value", [
    ("Chile and Peru are neighbours. A long-standing target of $30 billion, first set in 2019, has not been reached.", 30e9),
    ("Chile and Peru are neighbours. The $1 billion target set during the 2018 visit was reached only in 2022.", 1e9),
    ("Chile and Peru are neighbours. Boric has often spoken of a $5 billion trade target.", 5e9),
])
def test_a_target_with_no_word_for_trade_is_the_pairs(text, value):
    [row] = trade(text)
    assert (row["flow"], row["reporter"], row["partner"], row["value"], row["kind"]) == ("total", "CHL", "PER", value, "target")


def test_a_target_named_again_without_trade_is_the_one_told_with_it():
    assert trade("Chile and Peru are neighbours. A target of $30 billion in investment was set.") == []
    rows = trade("Chile and Peru are neighbours. Our presidents have set a goal of $3 billion. Is it realistic? "
                 "Yes. Our leaders agreed to bring trade to $3 billion in the coming years.")
    assert [(r["value"], r["kind"]) for r in rows] == [(3e9, "target")]
    assert "bring trade" in rows[0]["evidence"]


def test_since_after_a_record_is_no_period():
    [row] = trade("In December alone, Chilean exports to Peru reached USD 31.6 million, the highest monthly figure since 2018.")
    assert (row["period_start"], row["period_end"]) == (D(2023, 12, 1), D(2023, 12, 31))
    [row] = trade("Chilean exports to Peru have grown since 2018 to USD 31.6 million.")
    assert (row["period_start"], row["period_end"]) == (D(2018, 1, 1), D(2023, 11, 15))


def test_a_city_the_article_keeps_returning_to_counts_for_its_country():
    # a regional story names its city more often than its country; the transit country is no side
    text = ("A delegation from Iran held talks with the akim of Pavlodar region in Pavlodar on Thursday. "
            "The sides discussed rail freight through Turkmenistan. "
            "Pavlodar region's trade with Iran reached $20 million in 2024, the Pavlodar statistics department said. "
            "Kazakhstan ships most of its grain to Iran through Turkmenistan.")
    assert [sorted((r["reporter"], r["partner"])) for r in trade(text)] == [["IRN", "KAZ"]]


def test_the_current_fiscal_year_of_iran_is_its_solar_year_unless_a_side_has_its_own():
    # published 2023-11-15: Iran's year 1402 began on 21 March 2023
    rows = trade("Iran's trade with Georgia reached $98 million during the first seven months of the current fiscal year.")
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2023, 3, 21), D(2023, 10, 22))]
    rows = trade("Iran's trade with India reached $98 million during the first seven months of the current fiscal year.")
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2023, 4, 1), D(2023, 10, 31))]   # India's


@pytest.mark.parametrize("first, same, expected", [
    ("in January-July 2023", "in the same period of the previous year", (D(2022, 1, 1), D(2022, 7, 31))),
    # Solar Hijri months move to the same months of the solar year before (1401 began on 21 March 2022)
    ("during the first seven months of the Iranian year 1402", "in the same seven months of the previous year",
     (D(2022, 3, 21), D(2022, 10, 22))),
])
def test_the_same_period_of_the_previous_year_in_a_later_sentence(first, same, expected):
    rows = trade(f"Trade between Iran and Chile reached $498 million {first}. Two-way trade had amounted to $537 million "
                 f"{same}.")
    assert (rows[-1]["period_start"], rows[-1]["period_end"]) == expected


def test_the_same_period_as_the_base_of_a_change_is_not_the_figures_period():
    rows = trade("Trade between Chile and Peru reached $498 million in January-July 2023. Chilean exports to Peru reached "
                 "$212 million, 1.4 times more than in the same period of last year.")
    assert (rows[-1]["period_start"], rows[-1]["period_end"]) == (D(2023, 1, 1), D(2023, 7, 31))


def test_a_list_of_partners_without_its_subject_is_the_reporter_told_before():
    rows = trade("Chile's trade with Peru reached $2 billion in 2024. Trade with Bolivia reached $1.9 billion (+4.4%), "
                 "with Ecuador – $1.2 billion (-5.1%), with Paraguay – $156.7 million.")
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows][1:] == [
        ("CHL", "BOL", 1.9e9), ("CHL", "ECU", 1.2e9), ("CHL", "PRY", 156.7e6)]


def test_supplied_a_country_with_goods_is_an_export_to_it():
    rows = trade("In 2022 Chile supplied Peru with about 900,000 tonnes of copper ore.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [("export", "CHL", "PER", 9e5)]


@pytest.mark.parametrize("text, expected", [
    # "it" is the trade of this sentence, after its change
    ("Chile and Peru discussed trade. In the first half of 2023 bilateral trade grew by 8.9 percent, and the presidents "
     "instructed their governments to bring it to $1 billion.", [("total", None, "actual"), ("total", 1e9, "target")]),
    # "it" after this sentence's own total, not the exports told before
    ("Chilean exports to Peru rose to $1.1 billion in 2023. Bilateral trade totaled $2.6 billion in 2023, and the two "
     "countries aim to raise it to $5 billion.", [("export", 1.1e9, "actual"), ("total", 2.6e9, "actual"),
                                                  ("total", 5e9, "target")]),
])
def test_bring_it_to_is_a_target_of_the_trade_just_told(text, expected):
    assert [(r["flow"], r["value"], r["kind"]) for r in trade(text)] == expected


def test_a_base_figure_with_its_own_period_is_a_result_of_that_period():
    rows = trade("Chile and Peru met. The new target is to bring trade to $10 billion by 2030, up from $4.4 billion "
                 "last year.")
    assert [(r["value"], r["kind"], r["period_start"]) for r in rows] == [
        (10e9, "target", D(2030, 1, 1)), (4.4e9, "actual", D(2022, 1, 1))]
    # "a year earlier" in a later sentence: the period told before, a year back
    rows = trade("Chilean copper exports to Peru reached 900,000 tonnes in January-September 2023. Shipments fell to "
                 "800,000 tonnes, down from 1.2 million tonnes a year earlier.")
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows][-1] == (1.2e6, D(2022, 1, 1), D(2022, 9, 30))


def test_a_figure_followed_by_its_flow_takes_that_flow():
    rows = trade("Trade between Chile and Peru reached $512 million in 2021, including $322 million in exports "
                 "and $190 million of imports.")
    assert [(r["flow"], r["reporter"], r["value"]) for r in rows] == [
        ("total", "CHL", 512e6), ("export", "CHL", 322e6), ("import", "CHL", 190e6)]
    rows = trade("Trade between Chile and Peru reached $512 million in 2021, including $190 million in Peruvian exports.")
    assert [(r["flow"], r["reporter"], r["value"]) for r in rows] == [("total", "CHL", 512e6), ("export", "PER", 190e6)]


def test_a_targets_horizon_is_no_period_the_next_figures_refer_to():
    rows = trade("In January-September 2025, trade between Chile and Peru totaled $1.1 billion. The parties intend to "
                 "increase mutual trade to $1.5 billion by 2028. Chile shipped 126,000 tonnes of copper to Peru in the "
                 "nine months.", published=D(2025, 11, 21))
    assert [(r["kind"], r["period_start"], r["period_end"]) for r in rows] == [
        ("actual", D(2025, 1, 1), D(2025, 9, 30)), ("target", D(2028, 1, 1), D(2028, 12, 31)),
        ("actual", D(2025, 1, 1), D(2025, 9, 30))]


def test_a_country_in_the_reason_after_a_figure_is_no_side_of_it():
    rows = trade("320,000 tonnes of Chilean barley were shipped to Peruvian buyers in 2023. Wheat deliveries fell to "
                 "275,000 tonnes because of lower Peruvian state purchases.")
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows] == [("CHL", "PER", 320000.0), ("CHL", "PER", 275000.0)]


def test_a_province_or_region_trades_as_its_country():
    rows = trade("Golestan province exported $86 million worth of goods to Kazakhstan in 2021. In return, traders in "
                 "Golestan imported 290,000 tonnes of Kazakh wheat. The province intends to raise its exports to "
                 "Kazakhstan to $150 million in 2022. Kiwifruit shipments to Kazakhstan alone came to 48,500 tonnes, "
                 "most of them from orchards in Mangystau region.", published=D(2022, 5, 17))
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("export", "IRN", "KAZ", 86e6), ("import", "IRN", "KAZ", 290000.0), ("export", "IRN", "KAZ", 150e6),
        ("export", "IRN", "KAZ", 48500.0)]


@pytest.mark.parametrize("text", [
    "Chile and Peru held talks. In 2024 Chile sold Peru goods worth $281 million.",
    "Chile and Peru held talks. In 2024 we sold Peru goods worth $281 million, the Chilean minister said.",
])
def test_the_buyer_right_after_sold_is_the_destination(text):
    [row] = trade(text)
    assert (row["flow"], row["reporter"], row["partner"]) == ("export", "CHL", "PER")


def test_a_demonym_before_goods_imports_is_where_the_goods_come_from():
    [row] = trade("Chile and Peru held talks. Peruvian copper imports via Arica totaled 210,000 tonnes in 2023.")
    assert (row["flow"], row["reporter"], row["partner"]) == ("import", "CHL", "PER")
    [row] = trade("Chile and Peru held talks. Chilean copper imports from Peru totaled 210,000 tonnes in 2023.")
    assert (row["flow"], row["reporter"], row["partner"]) == ("import", "CHL", "PER")


def test_a_tonnage_naming_no_goods_is_of_the_goods_of_the_figure_before():
    rows = trade("Chile could export up to 1.5 million tonnes of wheat to Peru in 2023. In January-March, shipments to "
                 "Peru totalled 310,000 tonnes. Bolivia remained the largest buyer of Chilean wheat with 1.1 million "
                 "tonnes over the same months.")
    assert [(r["partner"], r["commodity"]) for r in rows] == [("PER", "wheat"), ("PER", "wheat"), ("BOL", "wheat")]
    # a value beside the tonnage, or non-oil goods before it: all goods
    rows = trade("Chile exported 1.2 million tonnes of wheat to Peru in 2023. Chile also shipped 318,000 tonnes of goods "
                 "worth $196 million to Peru in 2023.")
    assert [r["commodity"] for r in rows] == ["wheat", None, None]
    rows = trade("Chile's non-oil exports to Peru reached $2 billion in 2023. Imports from Peru reached 540,000 tonnes.")
    assert [r["commodity"] for r in rows] == ["non-oil goods", None]


def test_when_a_figure_was_said_is_not_its_period():
    rows = trade("Chilean exports to Peru reached $389 million in 2025, while imports from Peru totaled $128 million, "
                 "the statistics bureau said earlier this month.", published=D(2026, 1, 22))
    assert [(r["flow"], r["period_start"], r["period_end"]) for r in rows] == [
        ("export", D(2025, 1, 1), D(2025, 12, 31)), ("import", D(2025, 1, 1), D(2025, 12, 31))]


def test_the_same_months_in_a_later_clause_are_those_of_the_figure_before():
    rows = trade("Peru's trade with Bolivia came to $700 million last year. Chile's trade with Bolivia reached $1.52 "
                 "billion in the fiscal year ended March 31, 2024, while its trade with Peru over the same twelve "
                 "months was reported at $455 million.", published=D(2025, 3, 5))
    assert [(r["partner"], r["period_start"]) for r in rows][1:] == [("BOL", D(2023, 4, 1)), ("PER", D(2023, 4, 1))]


def test_what_happened_after_an_aim_is_an_actual_figure_and_the_aim_a_target():
    rows = trade("Peruvian officials said they hope to double exports to Chile this year, after they fell to $172 "
                 "million in 2019.", published=D(2020, 2, 11))
    assert [(r["kind"], r["value"], r["change_pct"]) for r in rows] == [
        ("actual", 172e6, None), ("target", None, 100.0)]
    [row] = trade("The ambassador said Peru hoped to export goods worth $500 million to Chile annually by 2025.",
                  published=D(2022, 2, 11))
    assert row["kind"] == "target"


def test_the_year_of_the_numbers_before_a_colon_dates_the_figures_after_it():
    rows = trade("Yet the 2024 numbers were softer: Chilean exports to Peru stood at $396 million and imports from "
                 "Peru at $116 million.", published=D(2025, 7, 9))
    assert [r["period_start"] for r in rows] == [D(2024, 1, 1), D(2024, 1, 1)]


def test_the_same_goods_in_another_measure_and_each_figures_own_goods():
    rows = trade("Chile's non-oil exports to Peru reached $142 million in the first seven months of 2024. By weight, "
                 "they amounted to 310,000 tonnes, a rise of 9 percent. Chile sent 95,000 tonnes of wheat and 12,000 "
                 "tonnes of barley to Peru in August.", published=D(2024, 10, 30))
    assert [(r["flow"], r["value"], r["unit"], r["change_pct"], r["commodity"], r["period_end"]) for r in rows] == [
        ("export", 142e6, "USD", None, "non-oil goods", D(2024, 7, 31)),
        ("export", 310000.0, "t", 9.0, "non-oil goods", D(2024, 7, 31)),
        ("export", 95000.0, "t", None, "wheat", D(2024, 8, 31)), ("export", 12000.0, "t", None, "barley", D(2024, 8, 31))]


def test_a_condition_and_the_words_before_said_that_name_no_side():
    [row] = trade("Chile and Peru met. The ministry expects exports of grain to Peru to reach 600,000 tonnes in 2025, "
                  "provided that rail capacity at the Bolivian border keeps pace.", published=D(2024, 10, 30))
    assert (row["reporter"], row["partner"], row["kind"]) == ("CHL", "PER", "forecast")
    [row] = trade("Chile and Peru met. Speaking to Peru Daily, the chamber's head said that Chilean exporters sent "
                  "210,000 tonnes of goods to Peru over the ten-month period.", published=D(2024, 10, 30))
    assert (row["flow"], row["reporter"], row["partner"]) == ("export", "CHL", "PER")


def test_targeting_a_figure_is_a_target():
    rows = trade("Chile and Peru met. Santiago and Lima are targeting $1 billion in bilateral trade by 2027, she said.",
                 published=D(2024, 10, 30))
    assert [(r["kind"], r["value"]) for r in rows] == [("target", 1e9)]


def test_could_raise_trade_to_is_a_target_whose_means_name_no_goods_and_will_come_to_a_forecast():
    rows = trade("Chile and Peru met. The sides could raise annual trade to $1 billion by increasing supplies of "
                 "Chilean grain and copper. Trade for the whole of 2025 will come to about $560 million.",
                 published=D(2025, 12, 30))
    assert [(r["kind"], r["value"], r["commodity"]) for r in rows] == [("target", 1e9, None), ("forecast", 560e6, None)]


def test_a_figure_in_annual_trade_is_trade_and_and_to_a_second_figure_keeps_the_aim():
    rows = trade("Chile and Peru met. Boric said Chile was ready to increase purchases of Peruvian fish, adding that "
                 "the two countries should set a target of $2 billion in annual trade within five years. The aim is to "
                 "raise turnover to $1 billion within three years and to $3 billion in the longer term.")
    assert [(r["flow"], r["kind"], r["value"], r["commodity"]) for r in rows] == [
        ("total", "target", 2e9, None), ("total", "target", 1e9, None), ("total", "target", 3e9, None)]


def test_goods_after_although_are_not_the_figures_and_by_at_least_a_quarter():
    rows = trade("Chile and Peru met. Official data show the two countries' trade fell by 8 percent last year, although "
                 "Chilean wheat deliveries to Peru remained strong. The two sides expect turnover to grow by at least a "
                 "quarter this year.", published=D(2023, 6, 13))
    assert [(r["kind"], r["change_pct"], r["commodity"]) for r in rows] == [("actual", -8.0, None), ("forecast", 25.0, None)]


def test_a_quarter_that_has_not_begun_is_of_the_year_told_before():
    rows = trade("Trade between Chile and Peru reached $400 million in 2024. In the fourth quarter alone, bilateral "
                 "turnover reached $97.3 million. Chilean barley exports to Peru also increased, by 35%.",
                 published=D(2025, 3, 11))
    assert (rows[1]["period_start"], rows[1]["period_end"]) == (D(2024, 10, 1), D(2024, 12, 31))
    assert (rows[2]["commodity"], rows[2]["change_pct"]) == ("barley", 35.0)


def test_by_a_year_already_past_is_what_had_happened_by_then():
    rows = trade("Trade between Chile and Peru peaked at $1.2 billion in 2012, but by 2017 it had shrunk to roughly "
                 "$500 million. The two sides aim to raise it to $2 billion by 2027.", published=D(2024, 3, 11))
    assert [(r["kind"], r["value"], r["period_start"]) for r in rows] == [
        ("actual", 1.2e9, D(2012, 1, 1)), ("actual", 5e8, D(2017, 1, 1)), ("target", 2e9, D(2027, 1, 1))]


def test_most_of_which_names_what_a_figure_was_made_of_not_its_scope_or_goods():
    rows = trade("Chile's exports to Peru reached $96 million in 2024. Imports from Peru amounted to $222 million, most "
                 "of which was wheat and sunflower oil. Exports from Peru to Bolivia reached $121.8 million, most of "
                 "which were re-exported cars.", published=D(2025, 2, 1))
    assert [(r["flow"], r["value"], r["commodity"]) for r in rows] == [
        ("export", 96e6, None), ("import", 222e6, None), ("export", 121.8e6, None)]
    # "most of which went to China": the figure is one country's trade with everyone
    assert trade("Chile and Peru met. Chilean copper exports reached $5 billion, most of which went to China.") == []


def test_buy_slowed_and_by_a_year_told_as_past_in_an_undated_article():
    rows = trade("Chile and Peru met. The minister said Peru would buy at least 1.5 million tonnes of Chilean wheat "
                 "during the year. In July-September, grain shipments to Peru slowed by 17 percent year on year. Trade "
                 "peaked at $1.2 billion in 2012, but by 2020 it had shrunk to $248.6 million.", published=None)
    assert [(r["flow"], r["kind"], r["value"], r["change_pct"]) for r in rows] == [
        ("import", "forecast", 1.5e6, None), ("export", "actual", None, -17.0), ("total", "actual", 1.2e9, None),
        ("total", "actual", 248.6e6, None)]
    assert rows[-1]["period_start"] == D(2020, 1, 1)


def test_a_forecast_that_is_for_trade_to_grow_and_could_fall_back_to_are_forecasts():
    rows = trade("Chile and Peru met. Our baseline forecast is for trade to grow by a further 10 percent in 2026, to "
                 "around $720 million. In a weaker scenario, turnover could fall back to about $500 million this year.",
                 published=D(2026, 1, 20))
    assert [(r["kind"], r["value"]) for r in rows] == [("forecast", 720e6), ("forecast", 500e6)]


def test_the_union_or_the_bloc_is_the_bloc_named_before():
    rows = trade("Chile and Peru met. Chile signed a trade deal with Mercosur in 2022. Chile's trade with the bloc's "
                 "members rose 16% to $4.3 billion in 2023, while its trade with the union as a whole was $5 billion "
                 "in 2024.", published=D(2025, 3, 1))
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows] == [("CHL", "MERCOSUR", 4.3e9),
                                                                         ("CHL", "MERCOSUR", 5e9)]


@pytest.mark.parametrize("sentence, kind, value", [
    ("Chilean ministers have repeatedly spoken of reaching $3 billion.", "target", 3e9),
    ("Our presidents have spoken of $3 billion a year.", "target", 3e9),
    ("We are aiming for at least $3 billion in the medium term.", "target", 3e9),
    ("In the next three years we expect to reach $1 billion.", "forecast", 1e9),
    ("I expect the full-year result to be close to $600 million.", "forecast", 600e6),
])
def test_a_sum_aimed_at_or_expected_with_no_other_word_is_the_pairs_trade(sentence, kind, value):
    rows = trade(f"Chile and Peru held talks on trade. {sentence}")
    assert [(r["flow"], sorted((r["reporter"], r["partner"])), r["kind"], r["value"]) for r in rows] == [
        ("total", ["CHL", "PER"], kind, value)]
    # a sum aimed at for something else is no trade
    assert trade("Chile and Peru held talks on trade. The company is aiming for $3 billion in revenue.") == []


def test_each_expected_figure_takes_its_nearest_period():
    rows = trade("Chile and Peru held talks on trade. Realistically, in the next three years we expect to reach "
                 "$1 billion, and our ministry's forecast for this year is around $500 million.", published=D(2025, 3, 1))
    assert [(r["value"], r["kind"], r["period_start"], r["period_end"]) for r in rows] == [
        (1e9, "forecast", D(2025, 3, 2), D(2028, 3, 1)), (500e6, "forecast", D(2025, 1, 1), D(2025, 12, 31))]


def test_to_supply_a_figure_is_an_export_and_takes_the_goods_told_before_it_in_the_sentence():
    rows = trade("Chile and Peru held talks. Chile aimed to supply up to 1.5 million tonnes of grain to Peru annually.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["kind"], r["commodity"]) for r in rows] == [
        ("export", "CHL", "PER", 1.5e6, "target", "grain")]
    rows = trade("Chile and Peru held talks. Chilean wheat exports to Peru in the eight months reached 450,000 tonnes, "
                 "and the target is to supply 1 million tonnes annually.")
    assert [(r["value"], r["kind"], r["commodity"]) for r in rows] == [(450e3, "actual", "wheat"), (1e6, "target", "wheat")]
    rows = trade("Chile and Peru held talks. Shipments of Chilean wheat to Peru reached 240,000 tonnes in 2024, while "
                 "Peruvian exports to Chile amounted to just 38,000 tonnes.")
    assert [(r["reporter"], r["value"], r["commodity"]) for r in rows] == [("CHL", 240e3, "wheat"), ("PER", 38e3, None)]


def test_a_members_share_of_a_blocs_trade_is_its_own_trade_with_the_partner():
    rows = trade("Chile and Mercosur. In 2018 trade between the Mercosur member states and Chile amounted to 2.7 billion "
                 "US dollars. The share of Brazil in this amount was 516 million US dollars. Chile's trade with Mercosur "
                 "members reached $4.3 billion in the first seven months of 2025. Argentina's share of that was about "
                 "$290 million.")
    assert [(sorted((r["reporter"], r["partner"])), r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (["CHL", "MERCOSUR"], 2.7e9, D(2018, 1, 1), D(2018, 12, 31)), (["BRA", "CHL"], 516e6, D(2018, 1, 1), D(2018, 12, 31)),
        (["CHL", "MERCOSUR"], 4.3e9, D(2025, 1, 1), D(2025, 7, 31)), (["ARG", "CHL"], 290e6, D(2025, 1, 1), D(2025, 7, 31))]


def test_a_country_in_a_figure_that_clause_and_a_year_opened_with_over_are_no_side_and_no_base():
    rows = trade("Chile and Peru ties. Analysts at the Lima Chamber of Commerce expect full-year trade with Chile to approach "
                 "$500 million, a figure that would still fall short of the levels seen before the 2018 US sanctions. "
                 "Over 2021 as a whole, trade rose 39 percent to $331 million.", published=D(2022, 3, 1))
    assert [(sorted((r["reporter"], r["partner"])), r["value"], r["kind"], r["period_start"], r["change_pct"]) for r in rows] == [
        (["CHL", "PER"], 500e6, "forecast", D(2022, 1, 1), None), (["CHL", "PER"], 331e6, "actual", D(2021, 1, 1), 39.0)]


def test_a_figure_labelled_in_a_fact_box_takes_the_flow_its_label_names():
    rows = trade("Chile and Peru: key numbers\n\n$52 million: the value of Chilean tiles, ceramics and glassware exported to Peru in 2023.\n")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["period_start"]) for r in rows] == [
        ("export", "CHL", "PER", 52e6, D(2023, 1, 1))]


def test_what_one_tonne_sells_for_is_a_price():
    rows = trade("Chile and Peru met. A tonne of Chilean feed barley landed at Callao currently sells for around 900 soles, "
                 "traders said. Chilean barley exports to Peru reached 200,000 tonnes.")
    assert [(r["value"], r["unit"]) for r in rows] == [(200e3, "t")]


def test_a_second_verb_with_no_subject_of_its_own_has_the_first_verbs_subject():
    rows = trade("Chile exported $218 million worth of goods to Peru and imported $357 million.")
    assert [(r["flow"], r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("export", "CHL", "PER", 218e6), ("import", "CHL", "PER", 357e6)]


def test_members_of_a_group_ranked_after_a_countrys_trade_with_the_group_are_its_partners():
    rows = trade("Chile's trade with the five Andean countries reached $1.36 billion in 2024. Peru was the top partner "
                 "with $431 million, followed by Bolivia with $402 million and Ecuador with $386 million.")
    assert [(r["reporter"], r["partner"], r["value"], r["period_start"]) for r in rows if r["value"] < 1e9] == [
        ("CHL", "PER", 431e6, D(2024, 1, 1)), ("CHL", "BOL", 402e6, D(2024, 1, 1)), ("CHL", "ECU", 386e6, D(2024, 1, 1))]


def test_the_n_month_period_is_the_period_of_that_many_months_told_before_solar_hijri_months_too():
    # nine Solar Hijri months (March 21-December 21) span ten Gregorian ones; the month "alone" is a part
    rows = trade("Chile's trade with Peru rose to $385 million in the first nine months of the Solar Hijri year 1402. In the "
                 "month of Azar (November 22-December 21) alone, trade between the two came to $52 million. Chile's "
                 "trade with Bolivia reached $2.9 billion in the nine-month period.", published=D(2024, 1, 14))
    assert [(r["partner"], r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        ("PER", 385e6, D(2023, 3, 21), D(2023, 12, 21)), ("PER", 52e6, D(2023, 11, 22), D(2023, 12, 21)),
        ("BOL", 2.9e9, D(2023, 3, 21), D(2023, 12, 21))]


def test_to_restore_trade_to_a_figure_is_a_target():
    rows = trade("The Chilean delegation said it hoped to restore turnover with Peru to at least $1 billion within three years.")
    assert [(r["kind"], r["value"]) for r in rows] == [("target", 1e9)]


def test_a_period_in_a_clause_after_the_figure_is_not_its_period():
    rows = trade("He recalled that in the whole 2020 the trade turnover with Peru was $389.6 million, which was the lowest "
                 "level in the last ten years. Chile's trade with Peru in 2023 amounted to $414 million and in "
                 "January-April of this year it increased by 23 percent.", published=D(2024, 7, 4))
    assert [(r["value"], r["change_pct"], r["period_start"], r["period_end"]) for r in rows] == [
        (389.6e6, None, D(2020, 1, 1), D(2020, 12, 31)), (414e6, None, D(2023, 1, 1), D(2023, 12, 31)),
        (None, 23.0, D(2024, 1, 1), D(2024, 4, 30))]


@pytest.mark.parametrize("text, kind", [
    ("Chilean President Boric said he hoped the volume of trade with Peru would reach $10 billion in the medium term.", "target"),
    ("Officials forecast that trade between Chile and Peru will reach about $13 billion within five years.", "forecast"),
    ("If these issues are solved, trade between Chile and Peru can reach one billion dollars in 2026.", "forecast"),
    # what could happen to trade, not what someone means to do with it
    ("An analyst believes the Chile-Peru agreement could help lift two-way trade to $1 billion within five years.", "forecast"),
    ("He thinks Chile's exports to Peru could double to $300 million within three years.", "forecast"),
    ("Our baseline scenario sees Chilean-Peruvian turnover reaching $600 million in 2027.", "forecast"),
    ("He expected shipments from Chile to Peru to settle at about 2 million tonnes a year.", "forecast"),
    ("The sides could raise annual trade between Chile and Peru to $2 billion.", "target"),
    ("A Lima bank raised its outlook for Chile's trade with Peru, forecasting turnover of $700 million this year.", "forecast"),
])
def test_a_hope_or_a_plan_is_a_target_and_what_could_happen_to_trade_a_forecast(text, kind):
    assert [r["kind"] for r in trade(text, published=D(2024, 7, 4))] == [kind]


def test_a_word_in_an_aside_about_the_partner_is_not_the_figures_topic():
    rows = trade("Chile's exports to Bolivia, which is the first trade partner of Chile in the region, were $462 million in "
                 "2020. Chile's trade with Peru, which shares the border with the republic, grew in 2024 by 8 percent. "
                 "Chile's fruit exports to Peru, most of which travel by road, amounted to $78 million in 2023.",
                 published=D(2025, 1, 10))
    assert [(r["flow"], r["partner"], r["value"], r["change_pct"]) for r in rows] == [
        ("export", "BOL", 462e6, None), ("total", "PER", None, 8.0), ("export", "PER", 78e6, None)]


def test_a_supply_to_and_goods_exchanged_between_are_trade_and_what_makes_up_the_bulk_is_no_commodity():
    rows = trade("Chile's wheat supply to Peru in 2025 was about 1.9 million tons. The volume of goods exchanged between "
                 "Chile and Bolivia in 2025 was 730,000 tons. Trade between Chile and Ecuador amounted to 3.7 billion "
                 "euros in 2023, with Ecuadorian imports of Chilean copper accounting for the bulk of it.",
                 published=D(2026, 1, 10))
    assert [(r["flow"], r["partner"], r["value"], r["commodity"]) for r in rows] == [
        ("export", "PER", 1.9e6, "wheat"), ("total", "BOL", 730e3, None), ("total", "ECU", 3.7e9, None)]
    assert trade("Four memoranda worth $41 million were exchanged between Chilean and Peruvian companies.") == []


def test_a_relative_clauses_amounted_to_is_no_target_and_a_condition_names_no_goods():
    rows = trade("The sides noted new opportunities for increasing trade between Chile and Peru, which in 2015 amounted to "
                 "$650 million. Chilean exports to Peru in 2025 could exceed $350 million if the planned supplies of grain "
                 "are carried out in full.", published=D(2016, 3, 1))
    assert [(r["value"], r["kind"], r["commodity"]) for r in rows] == [(650e6, "actual", None), (350e6, "forecast", None)]


def test_a_buyer_that_takes_or_a_seller_that_hopes_to_sell_tells_trade_and_a_later_buyer_shares_out_the_goods():
    rows = trade("Chile's ministry forecasts that Peru will take up to 1.5 million tonnes of Chilean wheat in 2026. That "
                 "would make Peru the second-largest destination for Chilean wheat. Peru bought 1.12 million tonnes in "
                 "July-December 2025, up 74 percent year on year. Bolivia took 890,000 tonnes of Chilean wheat over the "
                 "same six months. Chile hopes to sell 30,000 tonnes of red meat to Peru annually.",
                 published=D(2026, 2, 10))
    assert [(r["flow"], r["reporter"], r["partner"], r["value"], r["kind"], r["period_start"]) for r in rows] == [
        ("import", "PER", "CHL", 1.5e6, "forecast", D(2026, 1, 1)),
        ("import", "PER", "CHL", 1.12e6, "actual", D(2025, 7, 1)),
        ("export", "CHL", "BOL", 890e3, "actual", D(2025, 7, 1)),
        ("export", "CHL", "PER", 30e3, "target", None)]
    # (the goods told two sentences before, with a value figure between them)
    rows = trade("Chile shipped 612,000 tonnes of wheat to Peru in 2023. In value terms, wheat deliveries to Peru earned "
                 "Chilean exporters $171.4 million. Bolivia remained the largest buyer of Chilean wheat last year, taking "
                 "3.1 million tonnes. Ecuador bought $310 million worth of Argentine goods.", published=D(2024, 3, 5))
    assert [(r["reporter"], r["partner"], r["value"]) for r in rows] == [
        ("CHL", "PER", 612e3), ("CHL", "PER", 171.4e6), ("CHL", "BOL", 3.1e6), ("ECU", "ARG", 310e6)]
    assert trade("The grain surplus problem of Chile and Peru: where to sell 12 million tonnes") == []


def test_it_with_its_change_and_a_change_of_the_trade_told_before_for_a_period_of_its_own():
    rows = trade("Trade between Chile and Peru reached $493 million in 2022. In January-April 2023, however, it fell 11.4 "
                 "percent year on year to $121 million. In the first half of 2023 it recovered by 18 percent, but most of "
                 "that came from metals. We believe this figure can easily be doubled next year, he said.",
                 published=D(2023, 9, 1))
    assert [(r["value"], r["period_start"], r["period_end"], r["change_pct"]) for r in rows] == [
        (493e6, D(2022, 1, 1), D(2022, 12, 31), None), (121e6, D(2023, 1, 1), D(2023, 4, 30), -11.4),
        (None, D(2023, 1, 1), D(2023, 6, 30), 18.0)]


def test_a_country_in_a_clause_after_although_is_no_side():
    rows = trade("Peru and Chile signed a rail deal. Officials in Lima expect trade with Chile to reach $25 billion this "
                 "year, although economists warn that sanctions on re-exports to Bolivia could slow growth.",
                 published=D(2025, 5, 1))
    assert [(sorted((r["reporter"], r["partner"])), r["kind"]) for r in rows] == [(["CHL", "PER"], "forecast")]


def test_to_send_is_trade_and_a_change_in_a_later_clause_with_its_own_period_is_a_figure_of_its_own():
    rows = trade("Chile's minister told reporters that Chile intends to send up to 500,000 tonnes of grain to Peru along the "
                 "new railway next year.", published=D(2014, 12, 5))
    assert [(r["flow"], r["value"], r["kind"], r["period_start"]) for r in rows] == [("export", 500e3, "target", D(2015, 1, 1))]
    rows = trade("Chilean-Peruvian trade turnover grew by 42 percent in 2021 to $1.1 billion, the minister said, and rose by "
                 "another 14 percent in January-April this year.", published=D(2022, 5, 10))
    assert [(r["value"], r["period_start"], r["period_end"], r["change_pct"]) for r in rows] == [
        (1.1e9, D(2021, 1, 1), D(2021, 12, 31), 42.0), (None, D(2022, 1, 1), D(2022, 4, 30), 14.0)]


def test_a_part_of_the_year_told_before_and_the_past_months_of_the_current_iranian_year():
    rows = trade("Iran's exports to Chile fell to $210 million in the Iranian year 1398 (March 2019-March 2020). Iranian "
                 "exports to Chile had nonetheless grown in the first eleven months of the year, to $190 million. Chile's "
                 "exports to Peru fell to $110 million in 2019. Chilean exports had grown in the first eleven months of the "
                 "year, to $90 million.", published=D(2020, 4, 6))
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (210e6, D(2019, 3, 21), D(2020, 3, 19)), (190e6, D(2019, 3, 21), D(2020, 2, 19)),
        (110e6, D(2019, 1, 1), D(2019, 12, 31)), (90e6, D(2019, 1, 1), D(2019, 11, 30))]
    rows = trade("Iran had imported 2.3 million tonnes of Chilean wheat in the past ten months of the current Iranian year.",
                 published=D(2024, 3, 6))
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2023, 3, 21), D(2024, 1, 20))]


@pytest.mark.parametrize("text", [
    "The Export Development Bank of Peru has opened a 50 million euro credit line for Chilean companies that buy Peruvian "
    "machinery.",
    "Chile and Peru trade. Officials said average monthly rent for a small showroom in Lima's trade districts is about $1,200.",
])
def test_an_export_bank_and_a_trade_district_tell_no_trade(text):
    assert trade(text) == []


def test_a_second_flow_after_while_has_the_first_ones_owner():
    rows = trade("Peru's copper exports to Bolivia came to $254 million over the seven months, he said, while sales to "
                 "Ecuador were worth $612 million. Peru's exports to Chile were worth $41 million, while exports from "
                 "Bolivia to Chile reached $23 million.", published=D(2024, 10, 6))
    assert [(r["reporter"], r["partner"], r["value"], r["commodity"]) for r in rows] == [
        ("PER", "BOL", 254e6, "copper"), ("PER", "ECU", 612e6, "copper"), ("PER", "CHL", 41e6, None),
        ("BOL", "CHL", 23e6, None)]


def test_a_figure_restated_in_another_currency_after_or_shares_its_change():
    rows = trade("Chile's trade with Peru for January-March 2015 came to 27.4 billion pesos, or about $148 million at the "
                 "average rate of the period, which is 31.5% less than a year earlier.", published=D(2015, 4, 16))
    assert [(r["value"], r["unit"], r["change_pct"]) for r in rows] == [(27.4e9, "CLP", -31.5), (148e6, "USD", -31.5)]


def test_a_base_after_comma_from_has_its_own_period():
    rows = trade("Chile's trade with Peru will rise to $4 billion in the first full year of the agreement, from about "
                 "$2.7 billion in 2018.", published=D(2019, 10, 23))
    assert [(r["value"], r["kind"], r["period_start"]) for r in rows] == [(4e9, "forecast", None), (2.7e9, "actual", D(2018, 1, 1))]


@pytest.mark.parametrize("text, kind", [
    ("Analysts estimate that if the talks succeed, Chile's trade with Peru could recover to $1 billion in 2016.", "forecast"),
    ("At the time, officials of Chile and Peru spoke of reaching $3 billion in annual trade within a few years.", "target"),
    ("Analysts estimate that Chile's turnover with Peru could approach $600 million by the end of 2016.", "forecast"),
])
def test_could_recover_to_is_a_forecast_and_spoke_of_reaching_a_target(text, kind):
    assert [r["kind"] for r in trade(text, published=D(2015, 10, 1))] == [kind]


def test_the_same_quarter_of_another_year_moves_the_quarter_told_before():
    rows = trade("In the third quarter, Chile exported 412,000 tonnes of wheat to Peru. In the same quarter of 2021, "
                 "exports barely reached 190,000 tonnes.", published=D(2022, 10, 20))
    assert [(r["value"], r["period_start"], r["period_end"]) for r in rows] == [
        (412e3, D(2022, 7, 1), D(2022, 9, 30)), (190e3, D(2021, 7, 1), D(2021, 9, 30))]


def test_bilateral_trade_with_only_the_articles_countries_speaking_is_the_articles_pair():
    rows = trade("Chile's exports to Peru reached $212 million. Chile's trade with Mercosur members was $5.9 billion. "
                 "Peruvian officials want bilateral trade to reach $2 billion by 2030, while Chilean experts consider $1 "
                 "billion a realistic target.", published=D(2025, 3, 5))
    assert [tuple(sorted((r["reporter"], r["partner"]))) for r in rows[2:]] == [("CHL", "PER"), ("CHL", "PER")]


def test_a_year_opening_a_quote_dates_the_figure():
    rows = trade('"For 2026 we expect turnover between Chile and Peru of at least $650 million," the minister said.',
                 published=D(2026, 1, 22))
    assert [(r["kind"], r["period_start"]) for r in rows] == [("forecast", D(2026, 1, 1))]


def test_a_trade_ministrys_name_is_no_topic_of_the_change_after_it():
    rows = trade("Trade turnover between Chile and Peru amounted to $547.3 million last year, the Ministry of Trade and "
                 "Integration said on Thursday, an increase of 46.1 percent compared with 2024.", published=D(2026, 1, 22))
    assert [(r["value"], r["change_pct"]) for r in rows] == [(547.3e6, 46.1)]


def test_and_that_in_a_later_period_is_a_change_of_its_own():
    rows = trade("The minister said trade between Chile and Peru had reached $469 million in 2023 and that in the first "
                 "seven months of this year it rose by a further 27 percent.", published=D(2024, 8, 20))
    assert [(r["value"], r["period_end"], r["change_pct"]) for r in rows] == [
        (469e6, D(2023, 12, 31), None), (None, D(2024, 7, 31), 27.0)]


def test_made_up_a_share_is_no_change_and_sending_tonnes_is_an_export():
    rows = trade("Chile's grain exports to Peru reached 2 million tonnes. Chilean wheat made up nearly 60 percent of that "
                 "amount. Later in the year Chilean farmers were sending 540,000 tonnes of fresh produce to Peru.",
                 published=D(2024, 1, 10))
    assert [(r["value"], r["change_pct"], r["commodity"]) for r in rows] == [(2e6, None, "grain"), (540e3, None, "fresh produce")]


def test_the_two_governments_aim_is_the_articles_pair_and_had_grown_to_reach_is_a_result():
    rows = trade("Chile's trade with Peru had grown by 22.4 percent to reach $575.6 million in 2024. Chile shipped 1.9 "
                 "million tonnes of grain to Bolivia last year. The minister said the two governments intend to bring "
                 "trade to $1 billion by 2027.", published=D(2025, 3, 1))
    assert [(r["reporter"], r["partner"], r["kind"]) for r in rows] == [
        ("CHL", "PER", "actual"), ("CHL", "BOL", "actual"), ("CHL", "PER", "target")]


def test_a_year_counted_on_from_the_one_told_before():
    rows = trade("Trade between Chile and Peru peaked at $2.1 billion in 2008. Two years later, with the crisis still "
                 "weighing on prices, turnover had slipped to $1.37 billion. In 2011 trade stood at $1.5 billion; five "
                 "years later it was less than half that, at $621 million.", published=D(2024, 5, 1))
    assert [(r["value"], r["period_start"]) for r in rows] == [
        (2.1e9, D(2008, 1, 1)), (1.37e9, D(2010, 1, 1)), (1.5e9, D(2011, 1, 1)), (621e6, D(2016, 1, 1))]


def test_it_was_and_total_trade_naming_no_country_are_the_trade_told_before():
    rows = trade("Trade between Chile and Peru reached $2 billion in 2010. In 2019 it was just $534 million. In 2023 "
                 "total trade came to $356.9 million, a decrease of 6 percent from 2022. Chile's total trade reached $90 "
                 "billion in 2023.", published=D(2024, 5, 1))
    assert [(r["reporter"], r["partner"], r["value"], r["period_start"], r["change_pct"]) for r in rows] == [
        ("CHL", "PER", 2e9, D(2010, 1, 1), None), ("CHL", "PER", 534e6, D(2019, 1, 1), None),
        ("CHL", "PER", 356.9e6, D(2023, 1, 1), -6.0)]


def test_relative_years_in_an_article_dated_in_the_iranian_calendar_are_iranian_years():
    text = ("1398/09/12\n\nExporters in Khorasan Razavi province sold goods worth $96 million to Peru during the first "
            "eight months of this year. The province hopes to reach exports of $200 million to Peru next year.")
    rows = trade(text, published=D(2019, 12, 3))
    assert [(r["period_start"], r["period_end"]) for r in rows] == [
        (D(2019, 3, 21), D(2019, 11, 21)), (D(2020, 3, 20), D(2021, 3, 20))]
    rows = trade(text.replace("1398/09/12", "3 December 2019"), published=D(2019, 12, 3))
    assert [(r["period_start"], r["period_end"]) for r in rows] == [
        (D(2019, 1, 1), D(2019, 8, 31)), (D(2020, 1, 1), D(2020, 12, 31))]


def test_a_sum_said_without_its_currency_is_in_the_currency_told_just_before():
    rows = trade("Minister: For January to September our turnover with Peru was 344.8 million dollars. Of that, Chile's "
                 "exports were 228 million. Chile's trade with the bloc reached 2.1 billion dollars, and Peru accounted "
                 "for 510 million of it.", published=D(2022, 11, 24))
    assert [(r["value"], r["unit"]) for r in rows] == [
        (344.8e6, "USD"), (228e6, "USD"), (2.1e9, "USD"), (510e6, "USD")]
    # no currency told before, or a count of something else: no sum
    assert trade("Of that, Chile's exports to Peru were 228 million in 2022.") == []
    assert trade("Chile's exports to Peru were 344.8 million dollars in 2022. Peru has 34 million people.")[1:] == []
    # the first end of a range takes no currency from a sentence before
    rows = trade("Chilean copper sold at $9,200 per tonne. Chilean exports to Peru reached between 9 billion and 10 billion "
                 "euros last year.", published=D(2022, 11, 24))
    assert [r["unit"] for r in rows] == ["EUR"]


def test_a_change_stated_on_an_earlier_period_leaves_the_figure_its_own():
    for base in ("an increase of 19.8% on January-October 2017", "up 19.8% from January-October 2017"):
        [row] = trade(f"In January-October 2018, Chile's trade turnover with Peru was $431.6 million, {base}.",
                      published=D(2018, 12, 18))
        assert (row["period_start"], row["period_end"], row["change_pct"]) == (D(2018, 1, 1), D(2018, 10, 31), 19.8)


def test_a_members_part_of_trade_with_a_bloc_told_a_sentence_back():
    rows = trade("Trade between Mercosur and Chile reached $6.2 billion in 2025, up 14 percent. The agreement, signed in "
                 "Lima in December 2023, abolished duties on almost 90 percent of goods. Brazil accounted for $4.9 "
                 "billion of the total and Argentina for $690 million.", published=D(2026, 2, 15))
    assert [({r["reporter"], r["partner"]}, r["value"]) for r in rows[1:]] == [({"CHL", "BRA"}, 4.9e9), ({"CHL", "ARG"}, 690e6)]
    rows = trade("Chile's total non-oil trade with Mercosur reached $4.1 billion in 2023. Brazil alone accounted for "
                 "$3.2 billion of that non-oil trade.", published=D(2024, 1, 10))
    assert {rows[1]["reporter"], rows[1]["partner"]} == {"CHL", "BRA"}


@pytest.mark.parametrize("text, goods", [
    ("Chile's top export commodities to Peru in January-June 2023 included wheat – 297,000 tonnes – and barley – "
     "61,000 tonnes.", ["wheat", "barley"]),
    ("Chile's exports to Peru were $352 million, including wheat $158.5 million and ferrous metals $96.3 million.",
     [None, "wheat", "ferrous metals"]),
    ("Chile's main export items to Peru were wheat (412,300 tonnes), barley and rolled steel.", ["wheat"]),
    ("Grain dominated Chilean deliveries, with 1.05 million tonnes shipped to Peru in January-September 2021.", ["grain"]),
])
def test_goods_named_right_before_a_figure(text, goods):
    assert [r["commodity"] for r in trade(text, published=D(2023, 8, 1))] == goods


def test_a_list_of_partners_after_a_ranking_and_a_neighbour_described():
    rows = trade("Chile's trade turnover with Peru totalled $412.6 million in 2024. The figures leave Peru in 31st place "
                 "among Chile's trading partners. The bureau's tables show how far the pair trails Chile's main "
                 "partners. For comparison, turnover with China stood at $43.8 billion and with Brazil at $27.8 billion. "
                 "Trade with Bolivia, Peru's neighbour and the main land route for Chilean grain heading north, "
                 "amounted to $592 million.", published=D(2025, 3, 12))
    assert [{r["reporter"], r["partner"]} for r in rows[1:]] == [{"CHL", "CHN"}, {"CHL", "BRA"}, {"CHL", "BOL"}]


@pytest.mark.parametrize("sentence, value, kind", [
    ("The ministry's forecast for the whole of 2026 is $450 million.", 450e6, "forecast"),
    ("Our goal is to reach $2 billion in the next five years.", 2e9, "target"),
])
def test_an_aim_or_forecast_of_a_sum_with_no_word_for_trade(sentence, value, kind):
    rows = trade(f"Chile's trade with Peru fell to $300 million in 2025. {sentence}", published=D(2025, 12, 20))
    assert [(r["value"], r["kind"]) for r in rows[1:]] == [(value, kind)]


def test_the_goods_told_before_valued_and_a_ship_verb_and_a_buyer_of_a_countrys_goods():
    rows = trade("Peru imported 780,000 tonnes of wheat from Chile in the first half of 2023. The grain was valued at "
                 "about $221 million.", published=D(2023, 9, 1))
    assert [(r["flow"], r["value"], r["commodity"]) for r in rows] == [("import", 780e3, "wheat"), ("import", 221e6, "wheat")]
    [row] = trade("An association of Peruvian exporters said it aimed to ship 150,000 tonnes of apples to Chile in 2019.",
                  published=D(2018, 6, 1))
    assert (row["flow"], row["reporter"], row["partner"], row["kind"]) == ("export", "PER", "CHL", "target")
    [row] = trade("Bolivia remained the largest buyer of Chilean flour, taking 164,000 tonnes in April 2023.",
                  published=D(2023, 5, 20))
    assert (row["reporter"], row["partner"], row["commodity"], row["period_start"]) == ("CHL", "BOL", "flour", D(2023, 4, 1))


def test_a_clause_of_why_names_no_side_and_a_price_base_is_no_figure():
    rows = trade("Chilean wheat exports to Peru fell to 212,000 tonnes worth $49.8 million in 2021, as Peruvian state "
                 "buyers turned to Argentine supplies.", published=D(2022, 1, 20))
    assert [(r["reporter"], r["partner"]) for r in rows] == [("CHL", "PER"), ("CHL", "PER")]
    assert trade("Prices for Chilean milling wheat delivered to Peruvian ports averaged $245 per tonne, compared with "
                 "$212 a year earlier.", published=D(2021, 6, 1)) == []


def test_speakers_own_the_trade_they_aim_at_with_a_partner():
    rows = trade("Chile exported 1 million tonnes of wheat to Peru in 2023. Peruvian officials have set a goal of "
                 "doubling trade with Mercosur to more than $6 billion within three years.", published=D(2024, 3, 1))
    assert (rows[1]["reporter"], rows[1]["partner"], rows[1]["kind"]) == ("PER", "MERCOSUR", "target")


def test_the_same_period_is_no_time_to_come():
    rows = trade("Trade between Peru and Chile amounted to $520 million in 2025. Bilateral trade is projected to exceed "
                 "$700 million in 2026. A Chilean minister is expected to visit Lima next month. In the same period, "
                 "Chile's trade with China reached $43.8 billion.", published=D(2026, 1, 15))
    assert (rows[-1]["value"], rows[-1]["period_start"], rows[-1]["period_end"]) == (43.8e9, D(2025, 1, 1), D(2025, 12, 31))


def test_a_gloss_in_brackets_gives_the_months_and_a_later_but_clause_its_own_change():
    rows = trade("Chile shipped 1.02 million tonnes of wheat to Peru in the first eight months of the 2020/21 marketing "
                 "year (September 2020 - April 2021).", published=D(2021, 6, 1))
    assert (rows[0]["period_start"], rows[0]["period_end"]) == (D(2020, 9, 1), D(2021, 4, 30))
    rows = trade("Trade between Chile and Peru totalled $1.7 billion in 2013 but has dropped by a quarter in "
                 "January-September this year.", published=D(2014, 11, 1))
    assert [(r["value"], r["change_pct"], r["period_end"]) for r in rows] == [
        (1.7e9, None, D(2013, 12, 31)), (None, -25.0, D(2014, 9, 30))]


def test_a_calendar_year_told_after_its_number_and_the_same_twelve_months_after_it():
    rows = trade("Chile delivered 820,000 tonnes of copper to Peru by sea in the 2017 calendar year, the association "
                 "said. Peru bought Chilean fruit worth $41 million over the same twelve months.", published=D(2018, 3, 1))
    assert [(r["period_start"], r["period_end"]) for r in rows] == [(D(2017, 1, 1), D(2017, 12, 31))] * 2


def test_an_aims_figure_has_no_change_and_a_target_may_stand_alone():
    rows = trade("Chile and Peru aim to triple bilateral trade to $1.5 billion within three years, the minister said.")
    assert [(r["value"], r["kind"], r["change_pct"]) for r in rows] == [(1.5e9, "target", None)]
    rows = trade("Trade between Chile and Peru reached $538 million in 2025, up 17.4 percent. The government's target "
                 "is $1 billion by 2028.", published=D(2026, 1, 20))
    assert [(r["value"], r["kind"], {r["reporter"], r["partner"]}) for r in rows[1:]] == [(1e9, "target", {"CHL", "PER"})]


def test_transit_shipments_are_no_trade():
    rows = trade("Trade between Chile and Peru reached $538 million in 2025. The minister said Chile also hoped to "
                 "increase transit shipments through Peru to 2.5 million tonnes a year.", published=D(2026, 1, 20))
    assert [r["value"] for r in rows] == [538e6]


def test_goods_counted_in_kilograms_and_those_shipments_by_weight():
    [row] = trade("Chile imported 28 million kg of Peruvian tea in January-September 2023, the tea board said.")
    assert (row["value"], row["unit"], row["commodity"]) == (28000, "t", "tea")
    rows = trade("Chile's non-oil exports to Peru amounted to $10 billion in 2022, according to customs. By weight, "
                 "those shipments came to 27.4 million tonnes, up 9 percent on the previous year.", published=D(2023, 5, 1))
    assert [(r["unit"], r["commodity"], r["change_pct"]) for r in rows] == [("USD", "non-oil goods", None),
                                                                         ("t", "non-oil goods", 9.0)]


def test_a_fraction_more_than_an_earlier_time_is_a_change_and_a_buyers_own_change():
    [row] = trade("Turnover between Chile and Peru for January-July came to $317 million, a third more than a year "
                  "earlier.", published=D(2021, 9, 20))
    assert row["change_pct"] == pytest.approx(33.33)
    assert trade("Chile's trade with Peru could be a third higher than the official figure.") == []
    rows = trade("Chile's copper exports to Peru grew to 180,000 tonnes in 2019, the union said. Bolivia still bought "
                 "1.3 million tonnes of Chilean copper last year, down 18% from 2018, the union said.", published=D(2020, 1, 28))
    assert [(r["partner"], r["change_pct"]) for r in rows] == [("PER", None), ("BOL", -18.0)]


def test_a_neighbour_told_by_its_possessor_and_goods_that_made_up_a_sides_purchases():
    rows = trade("Chile's trade with Peru rose 12 percent in 2025. Chile's trade with Peru's neighbour Bolivia, meanwhile, "
                 "fell 8 percent in 2025, according to customs.", published=D(2026, 1, 28))
    assert [{r["reporter"], r["partner"]} for r in rows] == [{"CHL", "PER"}, {"CHL", "BOL"}]
    rows = trade("Chile's trade with Peru reached $480 million in January-September 2023. Peruvian copper made up the "
                 "bulk of Chile's purchases, with 610,000 tonnes shipped by sea and by rail since January.",
                 published=D(2023, 10, 28))
    assert (rows[1]["flow"], rows[1]["reporter"], rows[1]["partner"]) == ("import", "CHL", "PER")


def test_the_two_countries_told_again_bring_back_the_articles_pair():
    rows = trade("Chile's trade with Peru reached $480 million in 2023, Peruvian customs said. By comparison, Chile's trade with Bolivia was "
                 "worth $1.1 billion. The two countries' joint commission met in Lima on Monday. Officials agreed to "
                 "draft a roadmap aimed at lifting annual trade to $3 billion.", published=D(2023, 10, 28))
    assert {rows[-1]["reporter"], rows[-1]["partner"]} == {"CHL", "PER"}


def test_a_harvest_is_no_trade():
    rows = trade("Chile's exports of grain to Peru rose to 2 million tonnes in 2023. The Chilean side informed its partner "
                 "that this year's grain harvest is expected to exceed 20 million tonnes. Chile harvested 26.7 million "
                 "tonnes of grain last year, the minister noted.", published=D(2024, 3, 1))
    assert [r["value"] for r in rows] == [2e6]
