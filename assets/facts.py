"""Facts group: the contract tables, validated with pandera before they are written.

Extraction runs once per document for all fact tables (they share the document's context),
so the fact tables are one multi-asset; each table is its own asset with its own checks."""

import dagster as dg

from assets.ingest import POOL
from assets.metadata import OWNERS, spec_metadata, table_metadata
from assets.resources import WarehouseResource
from pipeline import quality, schemas, stages

GROUP = "facts"
CHECK_DESCRIPTIONS = {
    "valid": "Every extracted row passed the table's pandera schema (failures are in `rejects`).",
    "no_duplicates": "No fact appears twice for one document.",
    "evidence_matches_source": "Every row's evidence is the text at its offsets in its document.",
    "dates_plausible": "No fact is dated after its article was published (announced events: a year at most).",
}


@dg.asset(
    deps=["raw_documents", "sentences"], group_name=GROUP, pool=POOL, owners=OWNERS, kinds={"duckdb"},
    description=schemas.Document.__doc__ + " Title, publication date, outlet and URL.",
    metadata=spec_metadata("documents"),
)
def documents(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.connect() as con:
        stages.build_documents(con)
        return dg.MaterializeResult(metadata=table_metadata(con, "documents"))


def _check_specs() -> list[dg.AssetCheckSpec]:
    # each run checks the rows of the documents it extracted: the others have not changed since
    # the run that wrote them checked them
    return [dg.AssetCheckSpec(name=f"{table}_{check}", asset=table,
                              description=CHECK_DESCRIPTIONS[check] + " Checked on the documents each run extracts.")
            for table in schemas.FACT_TABLES for check in quality.CHECKS]


@dg.multi_asset(
    name="extract_facts",
    group_name=GROUP,
    pool=POOL,
    specs=[dg.AssetSpec(table, deps=["documents", "sentences"], description=model.__doc__, owners=OWNERS, kinds={"duckdb", "pandera"},
                        metadata=spec_metadata(table)) for table, model in schemas.FACT_TABLES.items()]
    + [dg.AssetSpec("rejects", deps=["documents", "sentences"], description=schemas.Reject.__doc__, owners=OWNERS, kinds={"duckdb"},
                    metadata=spec_metadata("rejects"))],
    check_specs=_check_specs(),
)
def extract_facts(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.connect() as con:
        result = stages.extract(con)
        context.log.info(f"extracted {result.processed} documents, dropped facts of {result.deleted}; "
                         f"rows written {result.rows}; rejected {result.rejected}")
        if result.failed:
            context.log.warning(f"extraction failed on {result.failed} documents: their reasons are in `rejects`")
        for table in schemas.FACT_TABLES:
            yield dg.MaterializeResult(asset_key=table, metadata=table_metadata(
                con, table, rows_written=result.rows.get(table, 0), rows_rejected=result.rejected.get(table, 0)))
            for check, fn in quality.CHECKS.items():
                passed, details = fn(con, table, result.doc_ids)
                yield dg.AssetCheckResult(asset_key=table, check_name=f"{table}_{check}", passed=passed,
                                          metadata={**details, "documents_checked": len(result.doc_ids)})
        yield dg.MaterializeResult(asset_key="rejects", metadata=table_metadata(con, "rejects"))
