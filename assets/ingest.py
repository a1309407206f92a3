"""Ingest group: seed files into raw_documents (and ingest_errors), then sentences."""

import dagster as dg

from assets.metadata import OWNERS, spec_metadata, table_metadata
from assets.resources import WarehouseResource
from pipeline import stages

POOL = "duckdb_warehouse"   # one writer at a time, across runs (see dagster.yaml)
GROUP = "ingest"


@dg.multi_asset(
    name="ingest_seeds",
    group_name=GROUP,
    pool=POOL,
    specs=[
        dg.AssetSpec("raw_documents", description="One row per readable seed file: decoded text, title, outlet, "
                     "publication date (front matter, else dateline or byline). Incremental by content hash.",
                     owners=OWNERS, kinds={"duckdb", "python"}, metadata=spec_metadata("raw_documents")),
        dg.AssetSpec("ingest_errors", description="Seed files that could not be read (empty, binary, too large, "
                     "undecodable, symlink out of the seeds folder, unreadable, duplicate) and why.",
                     owners=OWNERS, kinds={"duckdb"}, metadata=spec_metadata("ingest_errors")),
    ],
)
def ingest_seeds(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    settings = warehouse.settings()
    with warehouse.connect() as con:
        result = stages.ingest(settings, con)
        for e in result.errors:
            context.log.warning(f"not ingested: {e['source_file']} ({e['error_kind']}): {e['reason']}")
        context.log.info(f"seeds {settings.seeds_dir}: {len(result.added)} new or changed, "
                         f"{len(result.removed)} removed, {result.unchanged} unchanged, {len(result.errors)} errors")
        yield dg.MaterializeResult(asset_key="raw_documents", metadata=table_metadata(
            con, "raw_documents", seeds_dir=str(settings.seeds_dir), added=len(result.added),
            removed=len(result.removed), unchanged=result.unchanged))
        yield dg.MaterializeResult(asset_key="ingest_errors", metadata=table_metadata(con, "ingest_errors"))


@dg.asset(
    deps=["raw_documents"], group_name=GROUP, pool=POOL, owners=OWNERS, kinds={"duckdb", "python"},
    description="Sentences of every document with character offsets; page chrome (related headlines, "
                "update stamps, logos, bylines) is kept but flagged, and repeated sentences point to the first.",
    metadata=spec_metadata("sentences"),
)
def sentences(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        result = stages.split(con)
        return dg.MaterializeResult(metadata=table_metadata(
            con, "sentences", documents_split=result.processed, documents_dropped=result.deleted))
