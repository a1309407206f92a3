"""pipeline/parallel.py runs splitting and extraction in this process, on local processes, or on a
Dask cluster. All three must give the same rows, in the same order, and a full Dagster run on a
Dask cluster must build the same warehouse as a serial run. A Dask worker that runs other
extraction code (an older copy of the project) is refused with WorkerVersionError, and nothing it
computed is written.

Real components only: a `dask.distributed.LocalCluster` of two worker processes on loopback, a
`dask worker` process started from a modified copy of the project, the forkserver process pool,
real DuckDB files and in-process Dagster runs (tests.conftest.run_pipeline)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import parallel, schemas, stages
from pipeline.config import Settings
from pipeline.documents import describe
from pipeline.extract import extractor_version
from pipeline.parallel import EngineSettings, WorkerVersionError
from pipeline.read import scan_seeds
from tests.conftest import PROJECT, SEEDS, run_pipeline
from tests.synthetic_articles import corpus

pytestmark = [
    pytest.mark.slow,
    # With dashboard_address=None a scheduler still serves /health and /metrics, on 127.0.0.1:8787 when free;
    # the second scheduler of this module then takes another port and says so.
    pytest.mark.filterwarnings("ignore:Port 8787 is already in use"),
]

N_ARTICLES = 240            # with the 5 seeds: over parallel.MIN_DOCS_FOR_POOL, so the process pool starts
CHUNK = 7                   # many small chunks: ordering and the in-flight bound are exercised


def _worker_pid(chunk: list) -> tuple[int, int]:
    """Module-level (picklable by name): which process ran this chunk, and its size."""
    return os.getpid(), len(chunk)


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("engine") / "seeds"
    shutil.copytree(SEEDS, target)
    for i, art in enumerate(corpus(N_ARTICLES, seed=99)):
        (target / "written" / f"{i:03d} article.txt").parent.mkdir(exist_ok=True)
        (target / "written" / f"{i:03d} article.txt").write_text(art.text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def documents(seeds_dir) -> list[dict]:
    docs, errors = scan_seeds(seeds_dir)
    assert errors == [] and len(docs) == N_ARTICLES + 5
    return [describe(d) for d in docs]


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import Client, LocalCluster

    extractor_version()          # this process's fingerprint, taken before the workers start
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                      host="127.0.0.1", silence_logs=40) as c:
        with Client(c) as client:
            client.wait_for_workers(2, timeout=60)
            worker_pids = set(client.run(os.getpid).values())
        yield {"address": c.scheduler_address, "worker_pids": worker_pids, "cluster": c}


def engines(cluster_info) -> dict[str, EngineSettings]:
    return {"serial": EngineSettings(workers=1, scheduler_address=None, chunk_docs=CHUNK),
            "processes": EngineSettings(workers=2, scheduler_address=None, chunk_docs=CHUNK),
            "dask": EngineSettings(workers=1, scheduler_address=cluster_info["address"], chunk_docs=CHUNK)}


def test_each_engine_runs_where_it_says(cluster):
    me = os.getpid()
    items = list(range(N_ARTICLES))
    seen = {}
    for name, settings in engines(cluster).items():
        with parallel.engine(settings, len(items)) as run:
            results = list(run(_worker_pid, parallel.chunks(items, CHUNK)))
        assert [n for _, n in results] == [len(c) for c in parallel.chunks(items, CHUNK)]   # in input order
        seen[name] = {pid for pid, _ in results}
    assert seen["serial"] == {me}
    assert me not in seen["processes"]
    assert seen["dask"] <= cluster["worker_pids"] and me not in seen["dask"]
    # a small job never starts a pool
    with parallel.engine(engines(cluster)["processes"], parallel.MIN_DOCS_FOR_POOL - 1) as run:
        assert {pid for pid, _ in run(_worker_pid, parallel.chunks(items[:20], CHUNK))} == {me}


def test_three_engines_give_identical_sentences_and_facts(cluster, documents):
    version = extractor_version()
    texts = [(d["doc_id"], d["text"], d["title"]) for d in documents]
    out = {}
    for name, settings in engines(cluster).items():
        started = time.perf_counter()
        with parallel.engine(settings, len(texts)) as run:
            sentences = [pair for chunk in run(parallel.split_chunk, parallel.chunks(texts, CHUNK)) for pair in chunk]
        published = {d["doc_id"]: d["published_date"] for d in documents}
        items = [(doc_id, sents, published[doc_id]) for doc_id, sents in sentences]
        facts = list(parallel.extract_documents(items, settings, expected_version=version))
        out[name] = (sentences, facts, time.perf_counter() - started)
    serial_sentences, serial_facts, _ = out["serial"]
    assert [doc_id for doc_id, _ in serial_sentences] == [d["doc_id"] for d in documents]
    assert sum(len(rows["trade_figures"]) for _, rows in serial_facts) > 150      # the comparison is not vacuous
    for name in ("processes", "dask"):
        sentences, facts, _ = out[name]
        assert sentences == serial_sentences, name
        assert facts == serial_facts, name
    print("\n" + ", ".join(f"{n}: {t:.2f} s" for n, (_, _, t) in out.items()))


def snapshot(path: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [*schemas.TABLES]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}
    finally:
        con.close()


def test_full_run_on_dask_builds_the_same_warehouse_as_a_serial_run(cluster, seeds_dir, tmp_path, monkeypatch):
    from dask.distributed import Client, get_task_stream

    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    monkeypatch.setenv("EXTRACT_CHUNK_DOCS", str(CHUNK))
    monkeypatch.setenv("EXTRACT_WORKERS", "1")
    assert run_pipeline(seeds_dir, tmp_path / "serial" / "relations.duckdb").success
    monkeypatch.setenv("EXTRACT_WORKERS", "2")
    assert run_pipeline(seeds_dir, tmp_path / "processes" / "relations.duckdb").success
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster["address"])
    with Client(cluster["address"]) as client, get_task_stream(client=client) as stream:
        assert run_pipeline(seeds_dir, tmp_path / "dask" / "relations.duckdb").success
    ran = {t["key"][0] if isinstance(t["key"], tuple) else t["key"] for t in stream.data}
    assert any(k.startswith("split_chunk") for k in ran) and any(k.startswith("extract_chunk") for k in ran), ran
    expected_chunks = -(-(N_ARTICLES + 5) // CHUNK)
    assert sum(1 for t in stream.data if str(t["key"]).startswith("extract_chunk")) == expected_chunks

    serial = snapshot(tmp_path / "serial" / "relations.duckdb")
    assert len(serial["trade_figures"]) > 150 and len(serial["documents"]) == N_ARTICLES + 5
    for engine in ("processes", "dask"):
        other = snapshot(tmp_path / engine / "relations.duckdb")
        differing = [t for t in serial if serial[t] != other[t]]
        assert not differing, (engine, differing)


# -------------------------------------------------------------------------------------------------
# A worker with other extraction code is refused
# -------------------------------------------------------------------------------------------------

def _start_worker(address: str, code: Path, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DASK_SCHEDULER_ADDRESS")}
    env["PYTHONPATH"] = str(code)
    with open(log, "wb") as out:                 # the child keeps its own copy of the descriptor
        return subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                 "--no-nanny", "--no-dashboard", "--host", "127.0.0.1", "--name", "old-code"],
                                cwd=code, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


@pytest.fixture
def old_code_cluster(tmp_path):
    """A scheduler whose only worker runs a copy of the project with one extractor file changed."""
    from dask.distributed import Client, LocalCluster

    code = tmp_path / "old_code"
    shutil.copytree(PROJECT / "pipeline", code / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    with open(code / "pipeline" / "extract" / "trade.py", "a", encoding="utf-8") as fh:
        fh.write("\n# an older deployment of the extractor\n")
    with LocalCluster(n_workers=0, processes=True, dashboard_address=None, host="127.0.0.1",
                      silence_logs=40) as c:
        proc = _start_worker(c.scheduler_address, code, tmp_path / "worker.log")
        try:
            with Client(c) as client:
                try:
                    client.wait_for_workers(1, timeout=60)
                except Exception:
                    pytest.fail("the old-code worker did not join:\n" + (tmp_path / "worker.log").read_text())
                where = client.run(lambda: __import__("pipeline").__file__)
                version = client.run(lambda: __import__("pipeline.extract", fromlist=["_"]).extractor_version())
            assert [Path(f).parent.parent for f in where.values()] == [code]
            yield {"address": c.scheduler_address, "worker_version": next(iter(version.values()))}
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()


def test_worker_with_other_extractor_version_is_refused(old_code_cluster, documents):
    mine = extractor_version()
    assert old_code_cluster["worker_version"] != mine
    settings = EngineSettings(workers=1, scheduler_address=old_code_cluster["address"], chunk_docs=CHUNK)
    from pipeline.text import split_sentences
    items = [(d["doc_id"], split_sentences(d["text"], d["title"]), d["published_date"]) for d in documents[:20]]
    with pytest.raises(WorkerVersionError) as info:
        list(parallel.extract_documents(items, settings, expected_version=mine))
    assert old_code_cluster["worker_version"] in str(info.value) and mine in str(info.value)


def test_stage_writes_nothing_from_a_worker_with_other_code(old_code_cluster, seeds_dir, tmp_path):
    """stages.extract on the old-code cluster: refused, and the warehouse keeps no fact of it."""
    settings = Settings(seeds_dir=seeds_dir, warehouse_path=tmp_path / "wh" / "relations.duckdb")
    serial = EngineSettings(workers=1, scheduler_address=None, chunk_docs=CHUNK)
    con = stages.open_work(settings)
    try:
        stages.ingest(settings, con)
        stages.split(con, serial)
        stages.build_documents(con)
        dask = EngineSettings(workers=1, scheduler_address=old_code_cluster["address"], chunk_docs=CHUNK)
        with pytest.raises(WorkerVersionError):
            stages.extract(con, dask)
        for table in [*schemas.FACT_TABLES, "rejects", "extraction_log"]:
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
        # the same stage on this process's code then does the work
        result = stages.extract(con, serial)
        assert result.processed == N_ARTICLES + 5 and result.rows["trade_figures"] > 150
        versions = {r[0] for r in con.execute("SELECT DISTINCT extractor_version FROM extraction_log").fetchall()}
        assert versions == {extractor_version()}
    finally:
        con.close()
