"""Headless run: materialise every asset into the warehouse and say what was written.

    python -m assets.run        (what `make run` does)

Runs are recorded in the project's Dagster instance (DAGSTER_HOME), so they show in the UI."""

import os
import sys

from pipeline.config import PROJECT_ROOT


def main() -> int:
    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home"))
    os.makedirs(os.environ["DAGSTER_HOME"], exist_ok=True)
    import dagster as dg
    import duckdb

    from assets.definitions import defs
    from pipeline import schemas, warehouse
    from pipeline.config import Settings

    settings = Settings.from_env()
    print(f"seeds:     {settings.seeds_dir}")
    job = defs.resolve_job_def("materialize_all")
    with dg.DagsterInstance.get() as instance:
        # the console shows warnings (bad seed files) and errors; the full log is in the UI
        result = job.execute_in_process(instance=instance, raise_on_error=False,
                                        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}})
    if not result.success:
        for event in result.all_events:
            if event.is_failure:
                print(event.message, file=sys.stderr)
        print("run failed; the published warehouse was left as it was", file=sys.stderr)
        return 1
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        tables = ["documents", *schemas.FACT_TABLES, "ingest_errors", "rejects", *schemas.ANALYTIC_TABLES]
        counts = warehouse.row_counts(con, tables)
    finally:
        con.close()
    print(f"warehouse: {settings.warehouse_path}")
    for table in tables:
        print(f"  {table:<20} {counts[table]:>7} rows")
    if counts["ingest_errors"]:
        print(f"{counts['ingest_errors']} seed file(s) could not be read: SELECT * FROM ingest_errors")
    print(f"run {result.run_id} succeeded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
