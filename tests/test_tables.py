"""Plain-text tables whose header (or caption) states the unit of the bare figures below it:
label-and-figure tables and grids of several figure columns (tables written for the tests)."""
import pytest

from pipeline.tables import find_grids, header_unit, row_amounts, row_changes, table_rows
from pipeline.text import split_sentences
from tests.extract_helpers import extract


@pytest.mark.parametrize("header, unit, scale, pct_column", [
    ("RM billion     y-o-y", "MYR", 1e9, True),
    ("CHAD-NIGER TRADE, JANUARY-JUNE 2024 (USD million)", "USD", 1e6, False),
    ("Goods              thousand tonnes", "t", 1e3, False),
    ("Value, million tenge      Change, %", "KZT", 1e6, True),
    ("Partner     | Trade ($m) | y/y", "USD", 1e6, False),     # a sign and a short scale
    ("Exports, t", "t", 1, False),                            # tonnes as they are
])
def test_a_header_states_the_unit(header, unit, scale, pct_column):
    u = header_unit(header)
    assert (u.unit, u.scale, u.pct_column) == (unit, scale, pct_column)


@pytest.mark.parametrize("line", ["Exports reached USD 40 million in 2023.", "Total trade    56.8", "In millions of people"])
def test_a_line_with_figures_or_no_unit_is_no_header(line):
    assert header_unit(line) is None


def test_rows_take_the_unit_of_the_header_until_the_table_ends():
    lines = ["CHAD-NIGER TRADE, 2023 (USD million)", "Indicator        Value    Change, %",
             "Trade turnover    78.3    +12.5", "Exports to Niger   4.2     -8.0",
             "Source: National Statistics Office", "Exports to Niger   9.9     -1.0"]
    rows = table_rows(lines)
    assert sorted(rows) == [2, 3]
    assert [(a.value, a.unit) for a in row_amounts(lines[3], rows[3])] == [(4.2e6, "USD")]
    assert [c.pct for c in row_changes(lines[3], rows[3])] == [-8.0]


def test_a_table_under_a_title_gives_the_rows_of_the_pair():
    text = ("Chad, Niger trade up\n\nNDJAMENA, July 16 (ATP) - Trade between Chad and Niger rose in the first half, "
            "the statistics office said on Tuesday.\n\nCHAD-NIGER TRADE, JANUARY-JUNE 2024 (USD million)\n\n"
            "  Indicator                   Value    Change, %\n  Trade turnover               78.3      +12.5\n"
            "  Exports to Niger              4.2       -8.0\n  Imports from Niger           74.1      +13.4\n\n"
            "Source: National Statistics Office\n")
    rows = extract(text, table="trade_figures")
    got = [(r["flow"], *((r["reporter"], r["partner"]) if r["flow"] != "total" else sorted((r["reporter"], r["partner"]))),
            r["value"], r["change_pct"], r["period_start"].isoformat()) for r in rows if r["value"]]
    assert got == [("total", "NER", "TCD", 7.83e7, 12.5, "2024-01-01"), ("export", "TCD", "NER", 4.2e6, -8.0, "2024-01-01"),
                   ("import", "TCD", "NER", 7.41e7, 13.4, "2024-01-01")]


def _trade(text, published=None):
    import datetime as dt
    rows = extract(text, published=published or dt.date(2024, 8, 20), table="trade_figures")
    return [(r["flow"], r["reporter"], r["partner"], r["value"], r["unit"], str(r["period_start"]), str(r["period_end"]),
             r["change_pct"]) for r in rows if r["rule"] == "trade.table_grid"]


def test_a_grid_with_a_country_in_each_row_gives_each_flow_of_each_country():
    text = ("Ghana's trade with neighbours\n\nPublished: 20.08.2024\n\n"
            "The statistics service has published trade data for January-June 2024. "
            "The table shows Ghana's trade with its neighbours, in USD million.\n\n"
            "Country | Turnover | Exports | Imports\nTogo | 412.5 | 300.1 | 112.4\nBurkina Faso | 1,020 | — | 55\n\n"
            "Trade with Togo grew on higher cocoa prices, the service said.\n")
    assert _trade(text) == [
        ("total", "GHA", "TGO", 412.5e6, "USD", "2024-01-01", "2024-06-30", None),
        ("export", "GHA", "TGO", 300.1e6, "USD", "2024-01-01", "2024-06-30", None),
        ("import", "GHA", "TGO", 112.4e6, "USD", "2024-01-01", "2024-06-30", None),
        ("total", "GHA", "BFA", 1020e6, "USD", "2024-01-01", "2024-06-30", None),
        ("import", "GHA", "BFA", 55e6, "USD", "2024-01-01", "2024-06-30", None)]


def test_a_grid_of_years_gives_each_years_figures_of_the_captions_pair():
    text = ("Chile and Peru: ten years of trade\n\nLIMA, March 3, 2025 (Andina) - Chile's trade with Peru has grown "
            "steadily over the past decade, the ministry said on Monday.\n\n"
            "| Year | Exports ($ mln) | Imports ($ mln) |\n|---|---|---|\n| 2023 | 1,204.5 | 810 |\n| 2024 | 1,350 | 902.3 |\n")
    assert _trade(text) == [
        ("export", "CHL", "PER", 1204.5e6, "USD", "2023-01-01", "2023-12-31", None),
        ("import", "CHL", "PER", 810e6, "USD", "2023-01-01", "2023-12-31", None),
        ("export", "CHL", "PER", 1350e6, "USD", "2024-01-01", "2024-12-31", None),
        ("import", "CHL", "PER", 902.3e6, "USD", "2024-01-01", "2024-12-31", None)]


def test_a_grid_with_years_as_columns_and_a_change_column():
    text = ("Norway-Iceland trade, NOK million\n\nTrade between Norway and Iceland rose last year, "
            "Statistics Norway said in its annual review of Norwegian trade with Iceland.\n\n"
            "Indicator     2022     2023     Change, %\nTurnover      4,210    4,630    +10.0\n"
            "Exports       2,900    3,010    +3.8\n")
    got = _trade(text)
    assert ("total", "NOR", "ISL", 4210e6, "NOK", "2022-01-01", "2022-12-31", None) in got
    assert ("total", "NOR", "ISL", 4630e6, "NOK", "2023-01-01", "2023-12-31", 10.0) in got
    assert ("export", "NOR", "ISL", 3010e6, "NOK", "2023-01-01", "2023-12-31", 3.8) in got
    assert len(got) == 4


@pytest.mark.parametrize("lines", [
    ["Year | Passengers | Flights", "2023 | 120,000 | 1,400"],          # columns that are no trade flows
    ["Home | Exports | Imports | Contacts", "About us | Jobs | Help | Press"],   # a menu: no figures below
    ["Country | Turnover | Exports", "Togo | $412.5 million | 300.1"],  # a figure with a unit of its own: a sentence's
])
def test_no_grid(lines):
    assert find_grids(lines) == []


def test_a_grid_row_is_text_not_a_menu():
    text = ("Ghana and Togo trade\n\nGhana's trade with Togo grew in the first half, the service said.\n\n"
            "Country | Turnover | Exports\nTogo | 412.5 | 300.1\nBurkina Faso | 1,020 | —\nHome | News | Sport\n")
    sections = {s.text: s.section for s in split_sentences(text)}
    assert sections["Togo | 412.5 | 300.1"] == sections["Burkina Faso | 1,020 | —"] == "body"
    assert sections["Home | News | Sport"] == "chrome"


def test_headings_naming_the_partner_and_rows_labelled_with_goods():
    text = ("Chile sells more grain to Peru\n\nLIMA, October 24, 2025 - Chile's farm exports to Peru rose in the first "
            "nine months, the ministry said.\n\nChile-Peru agricultural trade, January–September 2025\n"
            "Product          | Exports to Peru, t | Exports to Peru, $m | Change in value\n"
            "Wheat            | 402,000    | 98.3        | -21%\n"
            "Other goods      | 1,000      | 2.5         | +3%\n")
    assert [(flow, r, p, v, u, s, c) for flow, r, p, v, u, s, _e, c in _trade(text)] == [
        ("export", "CHL", "PER", 402e3, "t", "2025-01-01", None), ("export", "CHL", "PER", 98.3e6, "USD", "2025-01-01", -21.0)]
    assert [r["commodity"] for r in extract(text, table="trade_figures") if r["rule"] == "trade.table_grid"] == ["wheat", "wheat"]
