"""The one resource: where the seeds are and which warehouse file to write."""

import errno
import fcntl
import os
import time
from contextlib import contextmanager
from typing import Iterator

import dagster as dg
import duckdb

from pipeline import stages
from pipeline.config import Settings

RUN_LOCK_POLL_S = 0.5


class WarehouseResource(dg.ConfigurableResource):
    """Paths come from SEEDS_DIR / WAREHOUSE_PATH (see pipeline.config) unless set here.

    One run at a time per warehouse: the resource holds the warehouse's run lock from the start
    of a run to its end (with the in-process executor it is set up once per run). The pool
    "duckdb_warehouse" only keeps two *steps* from writing at once; without the lock, two runs
    (say `make run` during a sensor run) alternate step by step on the one working file, and
    the first to publish copies part of the other's work."""

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
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator["WarehouseResource"]:
        with exclusive_run(self.settings(), context.log):
            with super().yield_for_execution(context) as resource:
                yield resource

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The pipeline's working file, held only for the duration of one step."""
        con = stages.open_work(self.settings())
        try:
            yield con
        finally:
            con.close()


@contextmanager
def exclusive_run(settings: Settings, log=None) -> Iterator[None]:
    """Hold the warehouse's run lock (`.work/<name>.run-lock`), waiting while another run holds it.

    A POSIX record lock (lockf): the kernel drops it when its process ends, however it ends, so a
    killed run never blocks the next one, and processes forked by the run do not inherit it."""
    path = settings.work_path.with_name(settings.work_path.name + ".run-lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        waiting_since = None
        while True:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    raise
            if waiting_since is None:
                waiting_since = time.monotonic()
                if log is not None:
                    log.info(f"another run is writing {settings.warehouse_path}; this run starts when it ends")
            time.sleep(RUN_LOCK_POLL_S)
        if waiting_since is not None and log is not None:
            log.info(f"waited {time.monotonic() - waiting_since:.1f} s for the other run to finish")
        yield
    finally:
        os.close(fd)                # releases the lock
