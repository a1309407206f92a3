"""Plain-text tables whose header states the unit of the bare figures below it (tables written for the tests)."""
import pytest

from pipeline.tables import header_unit, row_amounts, row_changes, table_rows
from tests.extract_helpers import extract


@pytest.mark.parametrize("header, unit, scale, pct_column", [
    ("RM billion     y-o-y", "MYR", 1e9, True),
    ("CHAD-NIGER TRADE, JANUARY-JUNE 2024 (USD million)", "USD", 1e6, False),
    ("Goods              thousand tonnes", "t", 1e3, False),
    ("Value, million tenge      Change, %", "KZT", 1e6, True),
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
