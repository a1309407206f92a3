"""The Dagster definitions load, and their shape is what the README and users rely on."""
from assets.definitions import defs
from pipeline import quality, schemas

EXPECTED_ASSETS = {"raw_documents", "ingest_errors", "sentences", "documents", "trade_figures", "company_counts",
                   "agreements", "events", "people", "rejects", "trade_timeline", "relations_timeline",
                   "agreements_summary", "company_presence", "people_directory", "trade_chart", "published_warehouse"}


def test_definitions_load_with_expected_assets():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert keys == EXPECTED_ASSETS


def test_every_asset_has_description_group_and_every_table_its_column_schema():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        assert node.group_name in {"ingest", "facts", "analytics", "publish"}, key
        name = key.to_user_string()
        if name in schemas.TABLES:
            cols = [c.name for c in node.metadata["dagster/column_schema"].columns]
            assert cols == list(schemas.polars_schema(schemas.TABLES[name])), name


def test_each_fact_table_has_its_checks():
    graph = defs.resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    for table in schemas.FACT_TABLES:
        for check in quality.CHECKS:
            assert (table, f"{table}_{check}") in checks


def test_sensor_schedule_and_job():
    assert defs.resolve_sensor_def("seeds_changed").default_status.value == "RUNNING"
    assert defs.resolve_schedule_def("daily_refresh").cron_schedule == "0 3 * * *"
    assert defs.resolve_job_def("materialize_all") is not None


def test_readme_data_dictionary_is_current():
    from pipeline.dictionary import data_dictionary
    from tests.conftest import PROJECT
    assert data_dictionary().strip() in (PROJECT / "README.md").read_text(encoding="utf-8")
