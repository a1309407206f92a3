"""The analytic tables, built by the real pipeline from articles written for the test:
one figure reported by several outlets is one row with its sources, disagreement is flagged,
mirror statistics (exports of one side, imports of the other) meet on one pair."""
import duckdb
import pytest

from pipeline import schemas
from tests.conftest import run_pipeline

pytestmark = pytest.mark.slow

ARTICLES = {
    "a-first.txt": """---
published_date: 2024-02-01
outlet: Test Wire
---
Uzbekistan and Turkmenistan expand trade

Trade between Uzbekistan and Turkmenistan reached $1.2 billion in 2023, the statistics agency said.
Uzbekistan's exports to Turkmenistan amounted to $700 million in 2023.
About 120 Uzbek companies operate in Turkmenistan.
Uzbekistan and Turkmenistan signed five memoranda of understanding on January 30, 2024.
""",
    "b-second.txt": """---
published_date: 2024-03-10
outlet: Second Daily
---
Turkmen-Uzbek trade keeps growing

Trade turnover between Turkmenistan and Uzbekistan stood at $1.21 billion in 2023.
Turkmenistan's imports from Uzbekistan were $700 million in 2023.
Around 150 Uzbek companies are now active in Turkmenistan.
Uzbek Foreign Minister Bakhtiyor Saidov met Turkmen Foreign Minister Rashid Meredov in Ashgabat on March 8, 2024.
""",
    "c-third.txt": """---
published_date: 2024-04-01
---
A third view on Turkmen-Uzbek trade

Bilateral trade between Uzbekistan and Turkmenistan amounted to $1.5 billion in 2023.
""",
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("analytics")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    run_pipeline(seeds, root / "w.duckdb")
    con = duckdb.connect(str(root / "w.duckdb"), read_only=True)
    yield con
    con.close()


def test_one_figure_from_three_articles_is_one_row_with_a_conflict(warehouse):
    rows = warehouse.execute("""
        SELECT country_a, country_b, report_count, value_min, value_max, conflict, len(sources)
        FROM trade_timeline WHERE flow = 'total' AND period_start = DATE '2023-01-01'""").fetchall()
    assert rows == [("TKM", "UZB", 3, 1.2e9, 1.5e9, True, 3)]


def test_exports_and_mirror_imports_share_the_direction_of_the_goods(warehouse):
    # one row per flow as reported, but both on the pair (where the goods come from, where they go)
    rows = warehouse.execute("""
        SELECT flow, country_a, country_b, list_transform(sources, lambda s: s.source_file)
        FROM trade_timeline WHERE value = 7e8 ORDER BY flow""").fetchall()
    assert rows == [("export", "UZB", "TKM", ["a-first.txt"]), ("import", "UZB", "TKM", ["b-second.txt"])]


def test_company_presence_keeps_the_latest_count_and_the_history(warehouse):
    row = warehouse.execute("""
        SELECT latest_count, latest_approximate, as_of, report_count,
               list_transform(history, lambda h: h.company_count)
        FROM company_presence WHERE company_country = 'UZB' AND host_country = 'TKM'""").fetchone()
    assert row == (150, True, __import__("datetime").date(2024, 3, 10), 2, [120, 150])


def test_agreements_summary_counts_the_signing(warehouse):
    row = warehouse.execute("""
        SELECT agreements, count_is_minimum, year, source_files FROM agreements_summary
        WHERE country_a = 'TKM' AND country_b = 'UZB' AND status = 'signed'""").fetchone()
    assert row == (5, False, 2024, ["a-first.txt"])


def test_relations_timeline_is_one_chronology_of_every_fact_type(warehouse):
    rows = warehouse.execute("""
        SELECT fact_type, date_start FROM relations_timeline
        WHERE country_a = 'TKM' AND country_b = 'UZB' ORDER BY date_start, fact_type""").fetchall()
    assert {t for t, _ in rows} == {"trade_figure", "agreement", "event", "company_count"}
    assert [d for _, d in rows] == sorted(d for _, d in rows)


def test_people_directory_lists_the_meeting(warehouse):
    rows = warehouse.execute("""
        SELECT name, country, list_transform(events, lambda e: e.event_type) FROM people_directory ORDER BY name""").fetchall()
    assert rows == [("Bakhtiyor Saidov", "UZB", ["meeting"]), ("Rashid Meredov", "TKM", ["meeting"])]


def test_every_analytic_table_and_column_has_a_comment(warehouse):
    for table, model in schemas.ANALYTIC_TABLES.items():
        comment = warehouse.execute("SELECT comment FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()[0]
        assert comment == " ".join(model.__doc__.split())
        cols = dict(warehouse.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?",
                                      [table]).fetchall())
        assert list(cols) == list(schemas.polars_schema(model))
        assert all(cols.values()), table


def test_a_run_after_changes_refreshes_only_what_changed_and_equals_a_fresh_build(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / "d-other-pair.txt").write_text(
        "Kyrgyz-Tajik trade\n\nTrade between Kyrgyzstan and Tajikistan reached $90 million in 2023.\n"
        "Kyrgyz Prime Minister Adylbek Kasymaliev met Tajik Prime Minister Kokhir Rasulzoda in Bishkek.\n",
        encoding="utf-8")
    run_pipeline(seeds, tmp_path / "w.duckdb")
    # one article edited, one removed, one added (a pair already there), one pair left alone
    second = seeds / "b-second.txt"
    second.write_text(second.read_text(encoding="utf-8").replace("$1.21 billion", "$1.25 billion"), encoding="utf-8")
    (seeds / "c-third.txt").unlink()
    (seeds / "e-new.txt").write_text(
        "---\npublished_date: 2024-05-02\n---\nMore Uzbek firms in Turkmenistan\n\n"
        "About 200 Uzbek companies operate in Turkmenistan.\n"
        "Uzbek Foreign Minister Bakhtiyor Saidov visited Ashgabat on April 30, 2024.\n", encoding="utf-8")
    result = run_pipeline(seeds, tmp_path / "w.duckdb")
    modes = {m.metadata["refresh"].value for m in result.asset_materializations_for_node("build_analytics")}
    assert modes == {"changed"}
    run_pipeline(seeds, tmp_path / "fresh.duckdb")          # a new warehouse: built whole

    def tables(path):
        con = duckdb.connect(str(path), read_only=True)
        try:
            return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in schemas.ANALYTIC_TABLES}
        finally:
            con.close()

    refreshed, fresh = tables(tmp_path / "w.duckdb"), tables(tmp_path / "fresh.duckdb")
    for table in schemas.ANALYTIC_TABLES:
        assert refreshed[table] == fresh[table], table
    assert any(r[0] == "KGZ" for r in fresh["relations_timeline"])       # the untouched pair is still there
    assert not any("1.5 bn" in str(r) for r in fresh["relations_timeline"])   # the removed article's figure is gone

    again = run_pipeline(seeds, tmp_path / "w.duckdb")
    assert {m.metadata["refresh"].value for m in again.asset_materializations_for_node("build_analytics")} == {"none"}
