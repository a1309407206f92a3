"""A run killed with SIGKILL at any moment leaves the published warehouse as it was, and the next run
finishes the work: real `python -m assets.run` processes, a real Dagster instance (temporary
DAGSTER_HOME with the project's dagster-instance.yaml), real DuckDB files, no mocking.

The corpus is generated here from templates: a base set (already published before the killed runs)
and a next set (some files removed, some changed, many added) that takes a few seconds to process,
so that a kill can land inside each step. Kill points are found by watching what a run really does:
the step events Dagster writes to its run database, the working file and its WAL growing, the
copy back to the working file that follows the publish rename."""
from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT
from tests.synthetic_articles import CITIES, COUNTRIES, OUTLETS, TOPICS, WEEKDAYS

pytestmark = pytest.mark.slow

RUN_TIMEOUT_S = 90          # a run that takes longer is stuck (e.g. waiting for a pool slot a dead run holds)
WH_NAME = "relations.duckdb"
CODE: Path = PROJECT        # the code the runs execute; see snapshot_code()


def snapshot_code(target: Path) -> Path:
    """A copy of the project's code, taken once: every run of this module (the reference runs and the
    runs under test) executes the same code, so their results compare even while the tree is edited."""
    for part in ("pipeline", "assets"):
        shutil.copytree(PROJECT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(PROJECT / "dagster-instance.yaml", target / "dagster-instance.yaml")
    return target

# ---------------------------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------------------------

# the word lists of tests/synthetic_articles.py, in more article styles and sentence shapes


def article(rng: random.Random, i: int) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(360))
    year = rng.randint(2015, 2022)
    pool = [
        f"Trade between {a} and {b} reached ${rng.randint(11, 990)} million in {year}, the ministry said.",
        f"{a}'s exports to {b} rose by {rng.randint(2, 40)} percent to ${rng.randint(2, 90) / 10} billion in {year}.",
        f"Officials of {a} and {b} discussed {rng.choice(TOPICS)} at a meeting in {rng.choice(CITIES)} "
        f"on {rng.choice(WEEKDAYS)}.",
        f"The two countries signed {rng.randint(2, 9)} memoranda of understanding on {rng.choice(TOPICS)}.",
        f"More than {rng.randint(20, 400)} companies from {a} operate in {b}, the chamber of commerce said.",
        f"The foreign ministers of {a} and {b} held a phone call to discuss {rng.choice(TOPICS)}.",
        f"A business forum of {a} and {b} will be held in {rng.choice(CITIES)} next month.",
        f"Experts said {rng.choice(TOPICS)} remains a priority for investors in {a}.",
        f"The sides agreed to prepare a programme of joint projects on {rng.choice(TOPICS)}.",
        f"Delegates also visited a {rng.choice(['factory', 'port', 'university', 'dry port'])} "
        f"near {rng.choice(CITIES)}.",
    ]
    body = rng.sample(pool, rng.randint(4, len(pool)))
    title = f"{a} and {b} {rng.choice(['review', 'expand', 'discuss', 'strengthen'])} ties ({i})"
    style = i % 3
    if style == 0:      # front matter
        head = (f"---\ntitle: \"{title}\"\noutlet: {rng.choice(OUTLETS)}\n"
                f"published_date: {day.isoformat()}\nurl: https://example.org/news/{i}\n---\n\n")
        return head + "\n\n".join(body) + "\n"
    if style == 1:      # headline and dateline
        return f"{title}\n\n{rng.choice(CITIES).upper()}, {day:%B} {day.day}, {day.year} - " + "\n\n".join(body) + "\n"
    return f"{title}\n\nPublished: {day:%d %B %Y}\n\n" + "\n\n".join(body) + "\n"     # byline date


def write_corpus(base: Path, nxt: Path, n_base: int = 200, n_new: int = 700) -> None:
    """base: n_base articles. nxt: base minus 10 removed, 10 changed, n_new added."""
    rng = random.Random(20231115)
    names = [f"{['asia', 'gulf', 'europe'][i % 3]}/{i:05d} article.txt" for i in range(n_base + n_new)]
    for i in range(n_base):
        text = article(rng, i)
        for root in (base, nxt):
            (root / names[i]).parent.mkdir(parents=True, exist_ok=True)
            (root / names[i]).write_text(text, encoding="utf-8")
    for i in range(10):
        (nxt / names[i]).unlink()                                       # removed
        (nxt / names[10 + i]).write_text(article(rng, 10_000 + i), encoding="utf-8")   # changed
    for i in range(n_base, n_base + n_new):
        (nxt / names[i]).parent.mkdir(parents=True, exist_ok=True)
        (nxt / names[i]).write_text(article(rng, i), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------

class Run:
    """`python -m assets.run` in its own process group, with its own DAGSTER_HOME."""

    def __init__(self, seeds: Path, warehouse_dir: Path, dagster_home: Path, log: Path):
        dagster_home.mkdir(parents=True, exist_ok=True)
        if not (dagster_home / "dagster.yaml").exists():
            shutil.copyfile(CODE / "dagster-instance.yaml", dagster_home / "dagster.yaml")
        self.dagster_home = dagster_home
        self.runs_dir = dagster_home / "history" / "runs"
        self.known_dbs = set(self.runs_dir.glob("*.db")) if self.runs_dir.exists() else set()
        env = {**os.environ, "SEEDS_DIR": str(seeds), "WAREHOUSE_PATH": str(warehouse_dir / WH_NAME),
               "DAGSTER_HOME": str(dagster_home), "PYTHONUNBUFFERED": "1"}
        env.pop("MAX_SEED_BYTES", None)
        self.log = log
        self._out = open(log, "wb")
        self.started = time.monotonic()
        self.proc = subprocess.Popen([sys.executable, "-m", "assets.run"], cwd=CODE, env=env,
                                     stdout=self._out, stderr=subprocess.STDOUT, start_new_session=True)

    def steps_started(self) -> set[str]:
        """Steps of this run that have started, from the run's own event database."""
        if not self.runs_dir.exists():
            return set()
        found: set[str] = set()
        for db in set(self.runs_dir.glob("*.db")) - self.known_dbs - {self.runs_dir / "index.db"}:
            try:
                con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
                try:
                    found |= {r[0] for r in con.execute(
                        "SELECT step_key FROM event_logs WHERE dagster_event_type = 'STEP_START'")}
                finally:
                    con.close()
            except sqlite3.Error:
                pass                    # being created or written: look again
        return found

    def wait_for(self, condition, what: str, poll_s: float = 0.01) -> None:
        """Poll until condition() holds; fail if the run ends or stalls first."""
        while not condition():
            if self.proc.poll() is not None:
                pytest.fail(f"run ended (exit {self.proc.returncode}) before {what}:\n{self.output()}")
            if time.monotonic() - self.started > RUN_TIMEOUT_S:
                self.kill()
                pytest.fail(f"run did not reach {what} within {RUN_TIMEOUT_S} s:\n{self.output()}")
            time.sleep(poll_s)

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self._out.close()
        assert self.proc.returncode == -signal.SIGKILL or self.proc.returncode is not None

    def finish(self) -> str:
        try:
            self.proc.wait(timeout=max(1.0, RUN_TIMEOUT_S - (time.monotonic() - self.started)))
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"run hung for {RUN_TIMEOUT_S} s (killed):\n{self.output()}")
        self._out.close()
        out = self.output()
        assert self.proc.returncode == 0, out
        return out

    def output(self) -> str:
        return self.log.read_text(errors="replace")


# ---------------------------------------------------------------------------------------------
# Snapshots
# ---------------------------------------------------------------------------------------------

def snapshot(db: Path) -> dict[str, list[str]]:
    """Every table of a warehouse file: its columns and its rows as a sorted multiset."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1").fetchall()]
        snap = {}
        for t in tables:
            cols = con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                               "ORDER BY column_index", [t]).fetchall()
            snap[t] = [repr(cols)] + sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))
        return snap
    finally:
        con.close()


def stray_copies(warehouse_dir: Path) -> list[str]:
    return sorted(p.name for p in warehouse_dir.iterdir() if p.name.endswith(".tmp"))


def work_size(warehouse_dir: Path) -> int:
    total = 0
    for name in (WH_NAME, WH_NAME + ".wal"):
        try:
            total += (warehouse_dir / ".work" / name).stat().st_size
        except FileNotFoundError:
            pass
    return total


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Seeds (base, next), the base state (published + working file after a run on base), and the
    snapshots of a clean run on base and on next."""
    global CODE
    root = tmp_path_factory.mktemp("crash")
    CODE = snapshot_code(root / "code")
    base, nxt = root / "seeds_base", root / "seeds_next"
    write_corpus(base, nxt)
    state, reference = root / "state", root / "reference"
    runs = [Run(base, state, root / "home_state", root / "state.log"),
            Run(nxt, reference, root / "home_reference", root / "reference.log")]
    for r in runs:
        r.finish()
    return {"root": root, "base": base, "next": nxt, "state": state,
            "before": snapshot(state / WH_NAME), "clean_next": snapshot(reference / WH_NAME)}


def fresh_copy(corpus, name: str) -> Path:
    """A copy of the base state (published file and working file) to run on."""
    target = corpus["root"] / name
    shutil.copytree(corpus["state"], target)
    return target


def assert_published_unchanged(corpus, wh: Path, when: str) -> None:
    assert snapshot(wh / WH_NAME) == corpus["before"], f"published warehouse changed by a run killed {when}"


# ---------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------

def test_reference_runs_differ(corpus):
    """The killed runs have real work to do: the next seeds give a different warehouse."""
    before, after = corpus["before"], corpus["clean_next"]
    assert before != after
    assert len(after["documents"]) - 1 == 890 and len(before["documents"]) - 1 == 200


def test_killed_at_each_step_then_next_run_completes(corpus):
    """Five runs in a row on the same warehouse, each killed at a later point, then one that finishes.
    After every kill the published file is exactly as before; the finishing run equals a clean run."""
    wh = fresh_copy(corpus, "chain")
    home = corpus["root"] / "home_chain"
    work_file = wh / ".work" / WH_NAME

    def start(i):
        return Run(corpus["next"], wh, home, corpus["root"] / f"chain{i}.log")

    # 1. While Python and Dagster start (fixed delay).
    run = start(1)
    time.sleep(1.0)
    run.kill()
    assert_published_unchanged(corpus, wh, "during start-up")

    # 2. While the seeds are read (the ingest step has started).
    run = start(2)
    run.wait_for(lambda: "ingest_seeds" in run.steps_started(), "ingest")
    time.sleep(0.05)
    run.kill()
    assert_published_unchanged(corpus, wh, "during ingest")

    # 3. In the middle of extraction (pure computation, nothing written yet).
    run = start(3)
    run.wait_for(lambda: "extract_facts" in run.steps_started(), "extraction")
    time.sleep(0.5)
    assert run.proc.poll() is None
    run.kill()
    assert_published_unchanged(corpus, wh, "during extraction")

    # 4. While the extracted facts are written to the working file (its file or WAL grows).
    run = start(4)
    run.wait_for(lambda: "extract_facts" in run.steps_started(), "extraction")
    size = work_size(wh)
    run.wait_for(lambda: work_size(wh) != size, "the write of the facts", poll_s=0.0005)
    run.kill()
    assert_published_unchanged(corpus, wh, "while writing the working file")
    con = duckdb.connect(str(work_file), read_only=True)     # the working file itself re-opens
    con.execute("SELECT count(*) FROM raw_documents").fetchone()
    con.close()

    # 5. As publishing starts (checkpoint of the working file).
    run = start(5)
    run.wait_for(lambda: "published_warehouse" in run.steps_started(), "publish", poll_s=0.002)
    run.kill()
    assert_published_unchanged(corpus, wh, "as publishing started")

    # The next run: not blocked by the killed runs' Dagster records, and its result is a clean run's.
    out = start(6).finish()
    assert "marked it failed" in out, out
    assert snapshot(wh / WH_NAME) == corpus["clean_next"]
    assert snapshot(work_file) == corpus["clean_next"]
    assert stray_copies(wh) == []


def test_killed_while_the_working_copy_is_restored(corpus):
    """Publish renames the working file into place and then copies it back as the next working file.
    Killed during that copy: the published file is the complete new one, and the next run removes the
    unfinished copy, restores the working file from the published one (no re-extraction) and publishes."""
    wh = fresh_copy(corpus, "publish")
    home = corpus["root"] / "home_publish"
    tmp_name = re.compile(r"\." + re.escape(WH_NAME) + r"\.\d+\.tmp")

    def copy_exists() -> bool:
        with os.scandir(wh / ".work") as it:
            return any(tmp_name.fullmatch(e.name) for e in it)

    run = Run(corpus["next"], wh, home, corpus["root"] / "publish1.log")
    run.wait_for(lambda: "published_warehouse" in run.steps_started(), "publish", poll_s=0.002)
    run.wait_for(copy_exists, "the copy back to the working file", poll_s=0)
    run.kill()
    assert snapshot(wh / WH_NAME) == corpus["clean_next"], "the published file is not the finished run's"
    assert stray_copies(wh / ".work"), "the kill did not land inside the copy"
    out = Run(corpus["next"], wh, home, corpus["root"] / "publish2.log").finish()
    assert "marked it failed" in out, out
    assert "restoring it from the published warehouse" in out, out
    assert snapshot(wh / WH_NAME) == corpus["clean_next"]
    assert snapshot(wh / ".work" / WH_NAME) == corpus["clean_next"]
    assert stray_copies(wh) == [] and stray_copies(wh / ".work") == [], "the killed run's unfinished copy was left behind"


@pytest.mark.parametrize("damage", ["main_file_cut_in_half", "wal_corrupted", "wal_cut_mid_entry"])
def test_half_written_working_file_is_recovered(corpus, damage):
    """A working file left half-written (cut short, or a damaged WAL) does not break the next run: it is
    re-opened or rebuilt from the seeds, and the result equals a clean run."""
    wh = fresh_copy(corpus, f"damaged_{damage}")
    work_file = wh / ".work" / WH_NAME
    if damage == "main_file_cut_in_half":
        with open(work_file, "r+b") as fh:
            fh.truncate(work_file.stat().st_size // 2)
    else:
        # A committed transaction that is still only in the WAL: forget some documents and errors.
        con = duckdb.connect(str(work_file))
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("SET checkpoint_threshold = '1GB'")
        con.execute("DELETE FROM raw_documents WHERE source_file LIKE 'gulf/%'")
        con.execute("INSERT INTO ingest_errors VALUES ('ghost.txt', 'empty', 'left over')")
        con.close()
        wal = work_file.with_name(WH_NAME + ".wal")
        size = wal.stat().st_size
        assert size > 200
        with open(wal, "r+b") as fh:
            if damage == "wal_corrupted":
                fh.seek(size // 3)
                chunk = fh.read(64)
                fh.seek(size // 3)
                fh.write(bytes(b ^ 0x5A for b in chunk))
            else:
                fh.truncate(size - 7)
    out = Run(corpus["base"], wh, corpus["root"] / f"home_{damage}", corpus["root"] / f"{damage}.log").finish()
    assert snapshot(wh / WH_NAME) == corpus["before"], out
    assert snapshot(work_file) == corpus["before"]
