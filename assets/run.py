"""Headless run: materialise every asset into the warehouse and say what was written.

    python -m assets.run        (what `make run` does)

Runs are recorded in the project's Dagster instance (DAGSTER_HOME), so they show in the UI."""

import os
import sys
from contextlib import contextmanager

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
    with _instance_setup_turn(os.environ["DAGSTER_HOME"]):
        instance = dg.DagsterInstance.get()
        _release_dead_runs(instance)
    with instance:
        # the console shows warnings (bad seed files) and errors; the full log is in the UI
        result = job.execute_in_process(instance=instance, raise_on_error=False,
                                        tags={OWNER_TAG: _process_identity()},
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


@contextmanager
def _instance_setup_turn(dagster_home: str):
    """One process at a time opens the instance and tidies its runs. Two processes opening a new
    DAGSTER_HOME at once both create its SQLite tables, and one fails ("table runs already exists");
    two `make run`s started together on a fresh checkout did exactly that. The lock (lockf) goes
    with its process, however that ends."""
    import fcntl

    fd = os.open(os.path.join(dagster_home, ".instance-setup.lock"), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# A run executes inside this process. If the process dies without cleaning up (SIGKILL, OOM killer,
# power loss), Dagster still records the run as STARTED and its step keeps the one slot of the
# "duckdb_warehouse" pool, so every later run waits for that slot forever. Each run is therefore
# tagged with the process that executes it, and the next run marks runs whose process is gone as
# failed and frees their slots. Runs executed elsewhere (the UI's run launcher) are left to Dagster.
OWNER_TAG = "relations/process"


def _proc_stat(pid: int) -> list[bytes] | None:
    """Fields of /proc/<pid>/stat after the command name (Linux); None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()
    except FileNotFoundError:
        if os.path.isdir("/proc/self"):
            raise ProcessLookupError(pid) from None
        return None


def _process_identity(pid: int | None = None) -> str:
    """host|pid|start time (clock ticks since boot): a pid reused by a later process does not match."""
    import socket
    pid = os.getpid() if pid is None else pid
    fields = _proc_stat(pid)
    return f"{socket.gethostname()}|{pid}|{fields[19].decode() if fields else '-'}"


def _process_gone(identity: str) -> bool:
    """True when the tagged process certainly no longer runs (same host; pid gone, a zombie or reused)."""
    import socket
    try:
        host, pid, started = identity.rsplit("|", 2)
        if host != socket.gethostname():
            return False                        # another machine's process: cannot tell
        os.kill(int(pid), 0)
        fields = _proc_stat(int(pid))
    except ProcessLookupError:
        return True
    except (ValueError, OSError):
        return False
    return fields is not None and (fields[0] in (b"Z", b"X") or fields[19].decode() != started)


def _release_dead_runs(instance) -> None:
    import dagster as dg
    from dagster._core.storage.dagster_run import FINISHED_STATUSES, NOT_FINISHED_STATUSES

    for run in instance.get_runs(dg.RunsFilter(statuses=list(NOT_FINISHED_STATUSES))):
        owner = run.tags.get(OWNER_TAG)
        if owner and _process_gone(owner):
            instance.report_run_failed(run, message=f"the process that executed this run ({owner}) ended without "
                                                    f"finishing it (killed); marked failed by the next run")
            print(f"run {run.run_id} was killed before it finished; marked it failed", file=sys.stderr)
            instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
    storage = instance.event_log_storage
    if getattr(storage, "supports_global_concurrency_limits", False):
        holders = storage.get_concurrency_run_ids()
        finished = instance.get_runs(dg.RunsFilter(run_ids=list(holders), statuses=list(FINISHED_STATUSES))) \
            if holders else []
        for run in finished:                    # a finished run never needs a slot
            storage.free_concurrency_slots_for_run(run.run_id)


if __name__ == "__main__":
    sys.exit(main())
