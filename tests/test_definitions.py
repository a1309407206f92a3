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


def test_sensor_requests_a_new_run_when_the_folder_returns_to_an_earlier_state(tmp_path, monkeypatch):
    import dagster as dg

    monkeypatch.setenv("SEEDS_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("Kazakhstan and Iran signed a memorandum.", encoding="utf-8")
    sensor = defs.resolve_sensor_def("seeds_changed")

    def tick(cursor):
        context = dg.build_sensor_context(cursor=cursor)
        result = sensor.evaluate_tick(context)
        keys = [r.run_key for r in result.run_requests or []]
        return result.cursor, keys

    c1, keys1 = tick(None)
    assert len(keys1) == 1
    assert tick(c1) == (c1, [])                    # nothing changed: no request
    (tmp_path / "b.txt").write_text("Trade grew.", encoding="utf-8")
    c2, keys2 = tick(c1)
    (tmp_path / "b.txt").unlink()                   # back to the first state
    c3, keys3 = tick(c2)
    assert len(keys2) == len(keys3) == 1
    assert len({keys1[0], keys2[0], keys3[0]}) == 3   # a repeated key would be skipped by Dagster
    assert c3.rpartition(":")[2] == c1.rpartition(":")[2]
    assert tick(c3) == (c3, [])
    # a cursor written by the earlier sensor (the fingerprint alone) is understood
    assert tick(c1.rpartition(":")[2]) == (c1.rpartition(":")[2], [])
