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


@dg.sensor(job=materialize_all, minimum_interval_seconds=15, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Requests a run when files in SEEDS_DIR are added, changed or removed.")
def seeds_changed(context: dg.SensorEvaluationContext):
    fingerprint = seeds_fingerprint(Settings.from_env().seeds_dir)
    if fingerprint == context.cursor:
        return dg.SkipReason("seeds folder unchanged since the last run request")
    context.update_cursor(fingerprint)
    # the run key makes a second request for the same folder state a no-op
    return dg.RunRequest(run_key=f"seeds-{fingerprint}")
