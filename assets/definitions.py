"""The one Definitions object: assets, checks, job, sensor, schedule and resources."""

import dagster as dg

from assets import analytics, facts, ingest, publish
from assets.jobs import materialize_all
from assets.resources import WarehouseResource
from assets.schedules import daily_refresh
from assets.sensors import seeds_changed

defs = dg.Definitions(
    assets=[ingest.ingest_seeds, ingest.sentences, facts.documents, facts.extract_facts,
            analytics.build_analytics, analytics.trade_chart, publish.published_warehouse],
    jobs=[materialize_all],
    sensors=[seeds_changed],
    schedules=[daily_refresh],
    resources={"warehouse": WarehouseResource()},
    # steps share one DuckDB file and run one at a time anyway; in-process saves seconds per run
    executor=dg.in_process_executor,
)
