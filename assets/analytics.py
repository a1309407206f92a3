"""Analytics group: answers built from the fact tables, and a chart of trade over time."""

import base64
import os

import dagster as dg

from assets.ingest import POOL
from assets.metadata import OWNERS, spec_metadata, table_metadata
from assets.resources import WarehouseResource
from pipeline import analytics, charts, schemas, warehouse as wh

GROUP = "analytics"
FACT_DEPS = ["documents", *schemas.FACT_TABLES]


@dg.multi_asset(
    name="build_analytics",
    group_name=GROUP,
    pool=POOL,
    specs=[dg.AssetSpec(table, deps=FACT_DEPS, description=model.__doc__, owners=OWNERS, kinds={"duckdb", "sql"},
                        metadata=spec_metadata(table)) for table, model in schemas.ANALYTIC_TABLES.items()],
    check_specs=[dg.AssetCheckSpec(name=f"{table}_valid", asset=table,
                                   description="The table as built passes its pandera model.")
                 for table in schemas.ANALYTIC_TABLES],
)
def build_analytics(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.connect() as con:
        refresh = analytics.refresh(con)
        context.log.info(f"analytic tables refreshed ({refresh.mode}: {refresh.changed_docs} changed documents, "
                         f"{refresh.keys} keys): {refresh.rows}")
        for table in schemas.ANALYTIC_TABLES:
            yield dg.MaterializeResult(asset_key=table, metadata=table_metadata(
                con, table, refresh=refresh.mode, changed_documents=refresh.changed_docs))
            passed, details = analytics.validate(con, table, refreshed_only=refresh.mode != "full")
            yield dg.AssetCheckResult(asset_key=table, check_name=f"{table}_valid", passed=passed, metadata=details)


@dg.asset(
    # after the publish: the chart is a picture of the published tables, and drawing it never
    # delays the facts reaching analysts
    deps=["trade_timeline", "published_warehouse"], group_name=GROUP, pool=POOL, owners=OWNERS, kinds={"python", "matplotlib"},
    description="PNG chart of total trade in US dollars over time per country pair (actuals as lines, targets "
                "and forecasts as markers, conflicting reports marked), written next to the warehouse file.",
)
def trade_chart(warehouse: WarehouseResource) -> dg.MaterializeResult:
    settings = warehouse.settings()
    with warehouse.connect() as con:
        frame = wh.read_frame(con, charts.TRADE_CHART_SQL)
    png = charts.trade_chart(frame)
    path = settings.warehouse_path.parent / "trade_timeline.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(png)
    os.replace(tmp, path)   # a viewer never sees half a PNG
    image = base64.b64encode(png).decode()
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(path)),
        "pairs": frame["pair"].n_unique() if frame.height else 0,
        "points": frame.height,
        "chart": dg.MetadataValue.md(f"![trade over time](data:image/png;base64,{image})"),
    })
