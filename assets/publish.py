"""Publish group: the analysts' warehouse file, replaced atomically after the facts are written."""

import dagster as dg
import duckdb

from assets.ingest import POOL
from assets.metadata import OWNERS
from assets.resources import WarehouseResource
from pipeline import schemas, stages, warehouse as wh


@dg.asset(
    deps=["documents", "ingest_errors", *schemas.FACT_TABLES, "rejects", *schemas.ANALYTIC_TABLES],
    group_name="publish", pool=POOL,
    owners=OWNERS, kinds={"duckdb"},
    description="The warehouse file analysts query (WAREHOUSE_PATH). The pipeline writes a private working "
                "file and renames it into place when done (then copies it back for the next run), so open SQL "
                "sessions are never blocked and never see a half-written run.",
)
def published_warehouse(warehouse: WarehouseResource) -> dg.MaterializeResult:
    settings = warehouse.settings()
    stages.publish(settings)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        counts = wh.row_counts(con, ["documents", *schemas.FACT_TABLES, "ingest_errors", "rejects",
                                     *schemas.ANALYTIC_TABLES])
    finally:
        con.close()
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(settings.warehouse_path)),
                                          **{f"rows/{t}": n for t, n in counts.items()}})
