import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
SEEDS_GOLD = PROJECT / "tests" / "data" / "gold" / "seeds.json"
SHARED_SCORER = PROJECT.parent / "shared" / "eval" / "score.py"
PUBLISHED = dt.date(2023, 11, 15)   # the fixed "publication date" of unit-test sentences


def run_pipeline(seeds_dir: Path, warehouse_path: Path):
    """Materialise every asset of the project's Definitions in-process, like `make run`."""
    import dagster as dg

    from assets.definitions import defs

    old = {k: os.environ.get(k) for k in ("SEEDS_DIR", "WAREHOUSE_PATH")}
    os.environ["SEEDS_DIR"] = str(seeds_dir)
    os.environ["WAREHOUSE_PATH"] = str(warehouse_path)
    try:
        job = defs.resolve_job_def("materialize_all")
        with dg.DagsterInstance.ephemeral() as instance:
            return job.execute_in_process(instance=instance, raise_on_error=True)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target
