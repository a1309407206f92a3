"""The one resource: where the seeds are and which warehouse file to write."""

from contextlib import contextmanager
from typing import Iterator

import dagster as dg
import duckdb

from pipeline import stages
from pipeline.config import Settings


class WarehouseResource(dg.ConfigurableResource):
    """Paths come from SEEDS_DIR / WAREHOUSE_PATH (see pipeline.config) unless set here."""

    seeds_dir: str = ""
    warehouse_path: str = ""

    def settings(self) -> Settings:
        env = Settings.from_env()
        return Settings.from_env({
            "SEEDS_DIR": self.seeds_dir or str(env.seeds_dir),
            "WAREHOUSE_PATH": self.warehouse_path or str(env.warehouse_path),
            "MAX_SEED_BYTES": str(env.max_seed_bytes),
        })

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The pipeline's working file, held only for the duration of one step."""
        con = stages.open_work(self.settings())
        try:
            yield con
        finally:
            con.close()
