"""The job that materialises everything: used by `make run`, the sensor and the schedule."""

import dagster as dg

materialize_all = dg.define_asset_job(
    "materialize_all", selection=dg.AssetSelection.all(),
    description="Ingest the seeds folder, extract and validate the facts, publish the warehouse.")
