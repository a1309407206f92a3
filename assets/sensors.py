"""Sensor: a run when files are added to, changed in or removed from the seeds folder."""

import hashlib
import os
from pathlib import Path

import dagster as dg

from assets.jobs import materialize_all
from pipeline.config import Settings


def seeds_fingerprint(seeds_dir: Path) -> str:
    """Hash of every entry's path, size and modification time: changes when any file does.
    Cheap (one stat per file, no reading), so it can run every tick."""
    h = hashlib.sha256()
    if not seeds_dir.is_dir():
        return "missing"
    for root, dirs, files in os.walk(seeds_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            h.update(f"{path.relative_to(seeds_dir)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:20]


def next_cursor(cursor: str | None, fingerprint: str) -> tuple[str, str] | None:
    """(new cursor, run key) when the folder's fingerprint differs from the last one requested;
    None when it does not.

    The cursor is "<n>:<fingerprint>", n counting run requests. The run key carries n, so a
    folder that returns to an earlier state (an article added, then deleted) gets a new run:
    a key made of the fingerprint alone would repeat, and Dagster skips a repeated key. The
    same tick evaluated twice still yields one key, so a state is never processed twice."""
    count, _, last = (cursor or "").rpartition(":")
    if fingerprint == last:
        return None
    n = int(count) + 1 if count.isdigit() else 1
    return f"{n}:{fingerprint}", f"seeds-{n}-{fingerprint}"


@dg.sensor(job=materialize_all, minimum_interval_seconds=15, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Requests a run when files in SEEDS_DIR are added, changed or removed.")
def seeds_changed(context: dg.SensorEvaluationContext):
    fingerprint = seeds_fingerprint(Settings.from_env().seeds_dir)
    step = next_cursor(context.cursor, fingerprint)
    if step is None:
        return dg.SkipReason("seeds folder unchanged since the last run request")
    cursor, run_key = step
    context.update_cursor(cursor)
    return dg.RunRequest(run_key=run_key)
