"""Two `python -m assets.run` processes at once, on one Dagster instance (DAGSTER_HOME with the
project's dagster-instance.yaml, as the Makefile sets it up), one seeds folder and one warehouse:
both finish, neither trips over a lock, the warehouse is what one run builds, and no published
file ever mixes the work of two runs.

Steps that write the warehouse share the Dagster pool "duckdb_warehouse" (one slot). For runs
executed in-process (`execute_in_process`, which is what assets/run.py does) the pool limits
*steps*, not runs: `max_concurrent_runs` applies only to runs queued for the daemon. Two runs
therefore alternate step by step on the one working file, and the first to reach its publish step
used to copy a working file holding part of the other run's work (raw_documents and sentences of
files it never saw, without their documents and facts). WarehouseResource now holds a per-warehouse
run lock for the whole run, so the second run waits for the first to finish; these tests check that.

A second collision came first: two processes opening a new DAGSTER_HOME at once both created its
SQLite tables and one exited 1 ("sqlite3.OperationalError: table runs already exists", about every
other try). assets/run.py now opens the instance one process at a time; the first test starts
both runs on a fresh DAGSTER_HOME.

Real processes, a real Dagster instance on disk, real DuckDB files; nothing is mocked."""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import schemas
from tests.conftest import PROJECT
from tests.synthetic_articles import corpus

pytestmark = pytest.mark.slow

RUN_TIMEOUT_S = 120
WH_NAME = "relations.duckdb"
TABLES = ["documents", *schemas.FACT_TABLES, "ingest_errors", "rejects", *schemas.ANALYTIC_TABLES]


def snapshot_code(target: Path) -> Path:
    """The project's code as it is now: every run of a test executes the same code, even while the
    working tree is edited."""
    for part in ("pipeline", "assets"):
        shutil.copytree(PROJECT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(PROJECT / "dagster-instance.yaml", target / "dagster-instance.yaml")
    return target


def write_articles(seeds: Path, start: int, stop: int, seed: int = 31) -> None:
    seeds.mkdir(parents=True, exist_ok=True)
    for i, art in enumerate(corpus(stop, seed=seed)[start:], start):
        (seeds / f"{i:05d} article.txt").write_text(art.text, encoding="utf-8")


class Run:
    def __init__(self, code: Path, seeds: Path, warehouse: Path, home: Path, log: Path):
        home.mkdir(parents=True, exist_ok=True)
        if not (home / "dagster.yaml").exists():
            shutil.copyfile(code / "dagster-instance.yaml", home / "dagster.yaml")      # what `make run` does
        env = {**os.environ, "SEEDS_DIR": str(seeds), "WAREHOUSE_PATH": str(warehouse), "DAGSTER_HOME": str(home),
               "PYTHONUNBUFFERED": "1"}
        for k in ("MAX_SEED_BYTES", "DASK_SCHEDULER_ADDRESS", "PYTHONPATH"):
            env.pop(k, None)
        self.log, self._out = log, open(log, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "assets.run"], cwd=code, env=env, stdout=self._out,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.started = time.monotonic()

    def done(self) -> bool:
        return self.proc.poll() is not None

    def finish(self) -> str:
        try:
            self.proc.wait(timeout=max(1.0, RUN_TIMEOUT_S - (time.monotonic() - self.started)))
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
            self.proc.wait()
        self._out.close()
        out = self.log.read_text(errors="replace")
        assert self.proc.returncode == 0, out
        return out


def step_spans(home: Path, succeeded: set[str] | None = None) -> dict[str, list[tuple[str, float, float]]]:
    """run_id -> [(step, start, end)] from the instance's run event databases; the steps that
    succeeded (in any run) are added to `succeeded`."""
    succeeded = set() if succeeded is None else succeeded
    spans: dict[str, dict[str, list[float]]] = {}
    for db in glob.glob(str(home / "history" / "runs" / "*.db")):
        if db.endswith("index.db"):
            continue
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            for run_id, step, kind, ts in con.execute(
                    "SELECT run_id, step_key, dagster_event_type, timestamp FROM event_logs "
                    "WHERE dagster_event_type IN ('STEP_START', 'STEP_SUCCESS', 'STEP_FAILURE')"):
                t = dt.datetime.fromisoformat(ts).timestamp()
                spans.setdefault(run_id, {}).setdefault(step, []).append(t)
                if kind == "STEP_SUCCESS":
                    succeeded.add(step)
        finally:
            con.close()
    return {run: sorted((step, min(ts), max(ts)) for step, ts in steps.items()) for run, steps in spans.items()}


def run_messages(home: Path, needle: str) -> dict[str, list[str]]:
    """run_id -> log messages of that run containing `needle`."""
    found: dict[str, list[str]] = {}
    for db in glob.glob(str(home / "history" / "runs" / "*.db")):
        if db.endswith("index.db"):
            continue
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            for run_id, event in con.execute("SELECT run_id, event FROM event_logs WHERE event LIKE ?",
                                             [f"%{needle}%"]):
                found.setdefault(run_id, []).append(json.loads(event).get("user_message", ""))
        finally:
            con.close()
    return found


def snapshot(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
                for t in schemas.TABLES if t != "raw_documents"} | {
            "raw_documents": sorted(map(repr, con.execute(
                "SELECT doc_id, source_file, title, published_date FROM raw_documents").fetchall()))}
    finally:
        con.close()


def printed_counts(out: str) -> dict[str, int]:
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^  (\w+)\s+(\d+) rows$", out, re.MULTILINE)}


INVARIANTS = {
    "raw_documents": "SELECT count(*) FROM raw_documents",
    "documents": "SELECT count(*) FROM documents",
    "extracted": "SELECT count(*) FROM extraction_log",
    "split": "SELECT count(DISTINCT doc_id) FROM sentences",
    "trade_figures": "SELECT count(*) FROM trade_figures",
    "timeline_trade_rows": "SELECT count(*) FROM relations_timeline WHERE fact_type = 'trade_figure'",
    "trade_timeline_reports": "SELECT coalesce(sum(len(sources)), 0) FROM trade_timeline",
}


def published_state(path: Path) -> dict[str, int] | None:
    try:
        con = duckdb.connect(str(path), read_only=True)
    except (duckdb.Error, FileNotFoundError):
        return None
    try:
        return {k: con.execute(q).fetchone()[0] for k, q in INVARIANTS.items()}
    finally:
        con.close()


def consistent(state: dict[str, int]) -> bool:
    """One run's work: every read document split, described and extracted; every trade figure in the analytics."""
    return (state["raw_documents"] == state["documents"] == state["extracted"] == state["split"]
            and state["trade_figures"] == state["timeline_trade_rows"] == state["trade_timeline_reports"])


@pytest.fixture(scope="module")
def code(tmp_path_factory) -> Path:
    return snapshot_code(tmp_path_factory.mktemp("code"))


def test_two_runs_started_together(code, tmp_path):
    seeds = tmp_path / "seeds"
    write_articles(seeds, 0, 500)
    ref = Run(code, seeds, tmp_path / "ref" / WH_NAME, tmp_path / "ref_home", tmp_path / "ref.log")
    ref_out = ref.finish()
    reference = snapshot(tmp_path / "ref" / WH_NAME)

    home, wh = tmp_path / "home", tmp_path / "wh" / WH_NAME
    runs = [Run(code, seeds, wh, home, tmp_path / f"run{i}.log") for i in range(2)]
    outs = [r.finish() for r in runs]
    for out in outs:
        assert not re.search(r"lock|traceback|\berror\b|failed", out, re.IGNORECASE), out
        assert printed_counts(out) == printed_counts(ref_out)
    assert printed_counts(ref_out)["documents"] == 500
    assert snapshot(wh) == reference

    spans = step_spans(home)
    assert len(spans) == 2 and all(len(s) == 7 for s in spans.values()), spans
    steps = sorted((start, end, run) for run, s in spans.items() for _, start, end in s)
    for (s1, e1, r1), (s2, e2, r2) in zip(steps, steps[1:]):
        assert e1 <= s2, f"steps of runs {r1} and {r2} overlapped"           # the pool: one writing step at a time
    first, second = sorted(spans.values(), key=lambda s: min(t for _, t, _ in s))
    assert max(e for _, _, e in first) <= min(s for _, s, _ in second), \
        "the two runs' steps alternated: the pool serialises steps, not runs"
    waited = run_messages(home, "another run is writing")
    assert len(waited) == 1, waited                 # the runs overlapped, and one of them waited for the other


def test_a_run_never_publishes_part_of_another_runs_work(code, tmp_path):
    """Run A starts; once A has read the seeds, 400 articles are added and run B starts. Every
    warehouse published meanwhile is the work of one run, and the last one holds every article."""
    seeds, home, wh = tmp_path / "seeds", tmp_path / "home", tmp_path / "wh" / WH_NAME
    n_base, n_new = 1500, 400
    write_articles(seeds, 0, n_base)
    a = Run(code, seeds, wh, home, tmp_path / "a.log")
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while True:
        done: set[str] = set()
        try:
            step_spans(home, done)
        except sqlite3.Error:
            pass                                    # a run database being created: look again
        if "ingest_seeds" in done:
            break
        assert not a.done(), a.log.read_text()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    write_articles(seeds, n_base, n_base + n_new)
    b = Run(code, seeds, wh, home, tmp_path / "b.log")

    seen: list[dict[str, int]] = []
    last = None
    while not (a.done() and b.done()):
        assert time.monotonic() < deadline, "runs did not finish"
        try:
            ident = wh.stat().st_ino
        except FileNotFoundError:
            ident = None
        if ident is not None and ident != last:
            state = published_state(wh)
            if state is not None:
                seen.append(state)
                last = ident
        time.sleep(0.01)
    a.finish(), b.finish()
    seen.append(published_state(wh))
    mixed = [s for s in seen if not consistent(s)]
    assert not mixed, f"a published warehouse mixed two runs' work: {mixed}"
    assert seen[-1]["documents"] == n_base + n_new
