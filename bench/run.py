"""Performance and scale benchmark: run on demand, never as a unit test.

    python -m bench.run [--sizes 1000,10000,100000] [--out bench/results.json]

What it measures (bench/README.md has the targets and how to read the results):

1. corpora of N synthetic ~3 KB articles (bench/generate.py), cached in bench/.corpora/;
2. extraction throughput in this process, no Dagster: split_sentences + extract_document
   per document, on a sample (docs/s and MB/s);
3. a general-purpose baseline on the same documents: dateparser's search_dates plus a
   money regex, and the ratio of the two throughputs;
4. for every size, `make run` (python -m assets.run) in a subprocess on a fresh warehouse
   with EXTRACT_WORKERS=2: wall time, peak memory of the whole process tree, the time of
   each Dagster step, and a second run on unchanged seeds;
5. on the largest warehouse: one new file added, then a run; the time from the run's start
   until that file's facts can be read from the published warehouse;
6. the README's example queries on the largest warehouse;
7. a table on stdout and every number in JSON (--out).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import generate

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CORPORA = BENCH / ".corpora"          # cached corpora (gitignored)
WORK = BENCH / ".work"                # warehouses, Dagster homes, seed folders of runs (gitignored)

TARGETS = {
    "extraction_docs_per_s": 1000,     # per process, 3 KB articles
    "e2e_100k_s": 300,                 # 100k documents end to end, 2 worker processes
    "peak_memory_mb": 2048,            # peak memory of the run's process tree
    "incremental_visible_s": 10,       # one new file in a 100k warehouse: visible after the run starts
}
TARGET_SIZE = 100_000                  # the size the end-to-end and incremental targets are stated for

# The code a run measures is a copy taken when it starts: others may be editing the project
# meanwhile, and a changed extractor would make the next run extract everything again.
CODE_PARTS = ("pipeline", "assets", "dagster-instance.yaml", "pyproject.toml")
CODE = ROOT          # set to the snapshot by snapshot_code()

FACT_TABLES = ("trade_figures", "company_counts", "agreements", "events", "people")


def snapshot_code(dest: Path) -> Path:
    """Copy the project's code into dest and make this process import it from there."""
    global CODE
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in CODE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copyfile(src, dest / part)
    loaded = [m for m in sys.modules if m == "pipeline" or m.startswith(("pipeline.", "assets"))]
    if loaded:
        raise RuntimeError(f"snapshot_code must run before the project is imported (loaded: {loaded[:3]})")
    sys.path.insert(0, str(dest))
    CODE = dest
    return dest


# ---------------------------------------------------------------------------------------------
# 1. Corpora
# ---------------------------------------------------------------------------------------------

def _generator_fingerprint() -> str:
    return hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:16]


def article_path(root: Path, i: int) -> Path:
    """Where bench.generate writes article i (sub-folders of 1,000)."""
    return root / f"{i // 1000:04d}" / f"article_{i:07d}.txt"


def ensure_corpus(count: int, seed: int, log=print) -> Path:
    """A cached folder holding at least articles 0..count-1 of this seed.

    Article i does not depend on the corpus size, so one folder serves every size: a corpus
    of N articles is its first N files. It only grows; a change to generate.py starts it over."""
    root = CORPORA / f"seed{seed}"
    marker = root / ".corpus.json"
    fp = _generator_fingerprint()
    have = 0
    if marker.exists():
        meta = json.loads(marker.read_text())
        if meta.get("generator") == fp and meta.get("seed") == seed:
            have = int(meta.get("count", 0))
        else:
            log(f"corpus {root}: bench/generate.py changed, generating again")
            shutil.rmtree(root)
    if have >= count:
        return root
    log(f"generating articles {have:,}..{count - 1:,} into {root} ...")
    t0 = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)      # an interrupted generation is not taken as complete
    generate.generate(root, count - have, seed=seed, start=have)
    marker.write_text(json.dumps({"seed": seed, "count": count, "generator": fp}))
    log(f"  {count - have:,} articles in {time.perf_counter() - t0:.1f} s")
    return root


def seed_folder(corpus: Path, count: int, dest: Path) -> tuple[int, int]:
    """A seeds folder with the first `count` articles of the corpus, as hard links (copies
    when the two folders are on different file systems). Returns (files, bytes)."""
    total = 0
    linked = True
    for i in range(count):
        src = article_path(corpus, i)
        dst = article_path(dest, i)
        if i % 1000 == 0:
            dst.parent.mkdir(parents=True, exist_ok=True)
        if linked:
            try:
                os.link(src, dst)
            except OSError:
                linked = False
        if not linked:
            shutil.copyfile(src, dst)
        total += src.stat().st_size
    return count, total


# ---------------------------------------------------------------------------------------------
# 2-3. Extraction throughput, ours and the baseline
# ---------------------------------------------------------------------------------------------

def load_sample(corpus: Path, n: int) -> tuple[list[dict], float]:
    """The first n articles, read and described as the ingest step does (not timed here)."""
    from pipeline.documents import describe
    from pipeline.read import read_seed_file

    docs = []
    t0 = time.perf_counter()
    for i in range(n):
        raw = read_seed_file(article_path(corpus, i), corpus)
        docs.append(describe(raw))
    elapsed = time.perf_counter() - t0
    return docs, elapsed


def measure_extraction(docs: list[dict]) -> dict:
    from pipeline.extract import extract_document
    from pipeline.text import split_sentences

    n_bytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    # warm-up: first calls compile regexes and load word lists
    for d in docs[:20]:
        extract_document(d["doc_id"], split_sentences(d["text"], d["title"]), d["published_date"])
    t_split = t_extract = 0.0
    facts = 0
    for d in docs:
        t0 = time.perf_counter()
        sentences = split_sentences(d["text"], d["title"])
        t1 = time.perf_counter()
        rows = extract_document(d["doc_id"], sentences, d["published_date"])
        t2 = time.perf_counter()
        t_split += t1 - t0
        t_extract += t2 - t1
        facts += sum(len(r) for r in rows.values())
    total = t_split + t_extract
    return {
        "docs": len(docs), "mb": n_bytes / 1e6, "seconds": total,
        "docs_per_s": len(docs) / total, "mb_per_s": n_bytes / 1e6 / total,
        "split_seconds": t_split, "extract_seconds": t_extract,
        "split_docs_per_s": len(docs) / t_split, "extract_docs_per_s": len(docs) / t_extract,
        "facts": facts, "facts_per_doc": facts / len(docs),
    }


# A general-purpose money pattern: currency sign or code with a number and an optional scale word.
MONEY = re.compile(
    r"(?:(?:US)?\$|€|£|¥|\b(?:USD|EUR|GBP|RUB|CNY)\s?)\s?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:thousand|million|billion|trillion|mln|bln|bn|mn|m|k)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:thousand|million|billion|trillion)?\s?(?:dollars|euros|USD|EUR)\b",
    re.IGNORECASE)


def measure_baseline(docs: list[dict]) -> dict:
    """dateparser.search.search_dates (English only: with every language it is some 20x
    slower still) plus the money regex, over each whole text."""
    import dateparser
    from dateparser.search import search_dates

    n_bytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    for d in docs[:3]:                  # warm-up: dateparser loads its language data lazily
        search_dates(d["text"], languages=["en"])
    dates = money = 0
    t0 = time.perf_counter()
    for d in docs:
        found = search_dates(d["text"], languages=["en"])
        dates += len(found or [])
        money += len(MONEY.findall(d["text"]))
    elapsed = time.perf_counter() - t0
    return {
        "extractor": f"dateparser {dateparser.__version__} search_dates(languages=['en']) + money regex",
        "docs": len(docs), "mb": n_bytes / 1e6, "seconds": elapsed,
        "docs_per_s": len(docs) / elapsed, "mb_per_s": n_bytes / 1e6 / elapsed,
        "dates_found": dates, "money_found": money,
    }


# ---------------------------------------------------------------------------------------------
# 4-5. End-to-end runs in a subprocess
# ---------------------------------------------------------------------------------------------

class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak_sum = 0              # bytes: the sum over the tree at its highest sample
        self.peak_single = 0           # bytes: the biggest single process seen
        self.peak_procs = 0
        self.samples = 0
        try:
            import psutil
            self._psutil = psutil
            self._root = psutil.Process(pid)
        except ImportError:
            self._psutil = None

    def sample(self) -> None:
        rss = self._sample_psutil() if self._psutil else self._sample_proc()
        if not rss:
            return
        self.samples += 1
        self.peak_sum = max(self.peak_sum, sum(rss))
        self.peak_single = max(self.peak_single, max(rss))
        self.peak_procs = max(self.peak_procs, len(rss))

    def _sample_psutil(self) -> list[int]:
        ps = self._psutil
        out = []
        try:
            procs = [self._root] + self._root.children(recursive=True)
        except ps.Error:
            return out
        for p in procs:
            try:
                out.append(p.memory_info().rss)
            except ps.Error:
                pass
        return out

    def _sample_proc(self) -> list[int]:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        page = os.sysconf("SC_PAGE_SIZE")
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            pid = int(entry)
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21]) * page
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            if pid in rss:
                out.append(rss[pid])
            todo += children.get(pid, [])
        return out


def make_env(workdir: Path, seeds: Path, workers: int) -> dict[str, str]:
    home = workdir / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CODE / "dagster-instance.yaml", home / "dagster.yaml")   # what the Makefile does
    env = dict(os.environ)
    env.pop("DASK_SCHEDULER_ADDRESS", None)     # local processes, whatever the shell says
    env.pop("PYTHONPATH", None)                 # the code snapshot (the working directory) is imported
    env.update({"SEEDS_DIR": str(seeds), "WAREHOUSE_PATH": str(workdir / "warehouse" / "relations.duckdb"),
                "DAGSTER_HOME": str(home), "EXTRACT_WORKERS": str(workers), "PYTHONUNBUFFERED": "1"})
    return env


def run_pipeline(env: dict[str, str], timeout_s: float, poll=None, interval_s: float = 0.1) -> dict:
    """`python -m assets.run` in a subprocess: wall time, peak memory, output.

    `poll(elapsed)` is called between memory samples; it may return a value, and the first
    value other than None is kept with the elapsed time (used to see when facts appear)."""
    out_f = tempfile.TemporaryFile(mode="w+")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assets.run"], cwd=CODE, env=env, stdout=out_f,
                            stderr=subprocess.STDOUT)
    mem = TreeMemory(proc.pid)
    seen = None
    while proc.poll() is None:
        mem.sample()
        if poll is not None and seen is None:
            got = poll()
            if got is not None:
                seen = (time.perf_counter() - t0, got)
        if time.perf_counter() - t0 > timeout_s:
            proc.kill()
            proc.wait()
            break
        time.sleep(interval_s)
    wall = time.perf_counter() - t0
    if poll is not None and seen is None:
        got = poll()
        if got is not None:
            seen = (time.perf_counter() - t0, got)
    out_f.seek(0)
    output = out_f.read()
    out_f.close()
    m = re.search(r"run (\S+) succeeded", output)
    return {
        "returncode": proc.returncode, "wall_s": wall,
        "peak_rss_tree_mb": mem.peak_sum / 2**20, "peak_rss_single_mb": mem.peak_single / 2**20,
        "peak_processes": mem.peak_procs, "memory_samples": mem.samples,
        "run_id": m.group(1) if m else None, "output_tail": output[-3000:] if not m else None,
        "seen": seen,
    }


def step_times(dagster_home: Path, run_id: str | None) -> dict[str, float]:
    """Seconds per Dagster step of a run, from the instance's event log (a subprocess, so
    this process does not import Dagster)."""
    if not run_id:
        return {}
    code = r"""
import json, sys
import dagster as dg
from dagster import DagsterEventType as E
with dg.DagsterInstance.get() as instance:
    start, out = {}, {}
    for rec in instance.all_logs(sys.argv[1]):
        ev = rec.dagster_event
        if ev is None or not ev.step_key:
            continue
        if ev.event_type == E.STEP_START:
            start[ev.step_key] = rec.timestamp
        elif ev.event_type in (E.STEP_SUCCESS, E.STEP_FAILURE) and ev.step_key in start:
            out[ev.step_key] = rec.timestamp - start[ev.step_key]
print(json.dumps(out))
"""
    env = dict(os.environ, DAGSTER_HOME=str(dagster_home))
    res = subprocess.run([sys.executable, "-c", code, run_id], cwd=CODE, env=env, capture_output=True, text=True)
    try:
        return json.loads(res.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": res.stderr[-500:]}


def warehouse_counts(path: Path) -> dict[str, int]:
    import duckdb
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", *FACT_TABLES, "rejects", "ingest_errors")}
    finally:
        con.close()


def end_to_end(size: int, corpus: Path, workdir: Path, workers: int, timeout_s: float, log=print) -> dict:
    seeds = workdir / "seeds"
    t0 = time.perf_counter()
    files, n_bytes = seed_folder(corpus, size, seeds)
    log(f"  seeds folder: {files:,} files, {n_bytes / 1e6:.1f} MB ({time.perf_counter() - t0:.1f} s to link)")
    env = make_env(workdir, seeds, workers)
    first = run_pipeline(env, timeout_s)
    result = {"docs": files, "mb": n_bytes / 1e6, "workers": workers, "env": {
        k: env[k] for k in ("SEEDS_DIR", "WAREHOUSE_PATH", "DAGSTER_HOME", "EXTRACT_WORKERS")}}
    result["first_run"] = _summarise(first, env)
    log(f"  first run: {first['wall_s']:.1f} s, peak tree RSS {first['peak_rss_tree_mb']:.0f} MB "
        f"(rc {first['returncode']})")
    if first["returncode"] != 0:
        log(first["output_tail"] or "")
        return result
    wh = Path(env["WAREHOUSE_PATH"])
    result["warehouse_mb"] = wh.stat().st_size / 1e6
    result["counts"] = warehouse_counts(wh)
    again = run_pipeline(env, timeout_s)
    result["unchanged_rerun"] = _summarise(again, env)
    log(f"  rerun on unchanged seeds: {again['wall_s']:.1f} s, peak tree RSS {again['peak_rss_tree_mb']:.0f} MB")
    return result


def _summarise(run: dict, env: dict) -> dict:
    out = {k: v for k, v in run.items() if k not in ("seen",) and v is not None}
    out["steps_s"] = step_times(Path(env["DAGSTER_HOME"]), run.get("run_id"))
    return out


def incremental(size: int, workdir: Path, seed: int, workers: int, timeout_s: float, log=print) -> dict:
    """Add one new article to a seeds folder whose warehouse holds `size` documents, run, and
    time until the new file's document and facts can be read from the published warehouse."""
    import duckdb

    env = make_env(workdir, workdir / "seeds", workers)
    published = Path(env["WAREHOUSE_PATH"])
    rel = "incoming/new_article.txt"
    new = workdir / "seeds" / rel
    new.parent.mkdir(parents=True, exist_ok=True)
    new.write_text(generate.article(seed, size + 123_457), encoding="utf-8")   # an article no corpus holds
    before = published.stat()
    state = {"key": (before.st_ino, before.st_mtime_ns), "rename_s": None}
    t_start = time.perf_counter()

    def poll():
        try:
            st = published.stat()
        except FileNotFoundError:
            return None
        key = (st.st_ino, st.st_mtime_ns)
        if key == state["key"]:
            return None
        state["key"] = key
        if state["rename_s"] is None:
            state["rename_s"] = time.perf_counter() - t_start
        try:
            con = duckdb.connect(str(published), read_only=True)
        except duckdb.Error:
            return None
        try:
            doc = con.execute("SELECT doc_id FROM documents WHERE source_file = ?", [rel]).fetchone()
            if doc is None:
                return None
            facts = {t: con.execute(f"SELECT count(*) FROM {t} WHERE doc_id = ?", [doc[0]]).fetchone()[0]
                     for t in FACT_TABLES}
            return facts if sum(facts.values()) else None
        finally:
            con.close()

    run = run_pipeline(env, timeout_s, poll=poll, interval_s=0.02)
    seen = run.get("seen")
    out = {"warehouse_docs": size, "added_file": rel, **_summarise(run, env),
           "published_replaced_after_s": state["rename_s"],
           "facts_visible_after_s": seen[0] if seen else None, "new_facts": seen[1] if seen else None}
    log(f"  one new file: facts visible after {out['facts_visible_after_s'] or float('nan'):.1f} s, "
        f"run took {run['wall_s']:.1f} s")
    return out


# ---------------------------------------------------------------------------------------------
# 6. README example queries
# ---------------------------------------------------------------------------------------------

def readme_queries(readme: Path = ROOT / "README.md") -> list[dict]:
    text = readme.read_text(encoding="utf-8")
    m = re.search(r"<!-- example-queries:start -->(.*?)<!-- example-queries:end -->", text, re.S)
    if not m:
        raise SystemExit("README.md has no <!-- example-queries:start --> ... :end --> block")
    out = []
    block = m.group(1)
    for q in re.finditer(r"```sql\s*\n(.*?)```", block, re.S):
        before = [ln.strip() for ln in block[:q.start()].splitlines() if ln.strip() and not ln.startswith("```")]
        out.append({"question": before[-1] if before else "", "sql": q.group(1).strip()})
    return out


def time_queries(warehouse: Path, repeat: int = 5) -> list[dict]:
    import duckdb

    results = []
    for q in readme_queries():
        con = duckdb.connect(str(warehouse), read_only=True)   # a fresh connection: the first run is cold
        try:
            t0 = time.perf_counter()
            rows = con.execute(q["sql"]).fetchall()
            cold = time.perf_counter() - t0
            warm = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                con.execute(q["sql"]).fetchall()
                warm.append(time.perf_counter() - t0)
        finally:
            con.close()
        results.append({"question": q["question"], "rows": len(rows), "cold_s": cold,
                        "warm_median_s": statistics.median(warm), "sql": q["sql"]})
    return results


# ---------------------------------------------------------------------------------------------
# 7. Report
# ---------------------------------------------------------------------------------------------

def _fmt(v, spec: str = ".1f") -> str:
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return format(v, spec)


def targets(results: dict) -> list[dict]:
    out = []
    ex = results.get("extraction")
    if ex:
        out.append({"target": "extraction >= 1,000 docs/s per process", "measured": f"{ex['docs_per_s']:.0f} docs/s",
                    "met": ex["docs_per_s"] >= TARGETS["extraction_docs_per_s"]})
    e2e = results.get("end_to_end", {})
    big = e2e.get(str(TARGET_SIZE))
    if big and "first_run" in big:
        wall = big["first_run"]["wall_s"]
        out.append({"target": "100k docs end to end <= 300 s (2 processes)", "measured": f"{wall:.0f} s",
                    "met": big["first_run"]["returncode"] == 0 and wall <= TARGETS["e2e_100k_s"]})
    elif e2e:
        done = sorted((int(k), v["first_run"]["wall_s"]) for k, v in e2e.items()
                      if v.get("first_run", {}).get("returncode") == 0)
        if len(done) >= 2:      # the slope of the two largest sizes leaves out the fixed start-up cost
            (n1, w1), (n2, w2) = done[-2:]
            proj, how = w2 + (w2 - w1) / (n2 - n1) * (TARGET_SIZE - n2), f"from {n1:,} and {n2:,}"
        elif done:
            (n2, w2), = done
            proj, how = w2 / n2 * TARGET_SIZE, f"from {n2:,}, start-up included"
        if done:
            out.append({"target": "100k docs end to end <= 300 s (2 processes)",
                        "measured": f"~{proj:.0f} s projected {how}", "met": None})
    peaks = [(int(k), max(v["first_run"]["peak_rss_tree_mb"], v.get("unchanged_rerun", {}).get("peak_rss_tree_mb", 0)))
             for k, v in e2e.items() if "first_run" in v]
    inc = results.get("incremental")
    if inc:
        peaks.append((inc["warehouse_docs"], inc["peak_rss_tree_mb"]))
    if peaks:
        worst = max(p for _, p in peaks)
        out.append({"target": "peak memory <= 2 GB (process tree, any run)", "measured": f"{worst:.0f} MB",
                    "met": worst <= TARGETS["peak_memory_mb"]})
    if inc:
        v = inc.get("facts_visible_after_s")
        out.append({"target": f"one new file into a {inc['warehouse_docs'] // 1000}k warehouse visible <= 10 s",
                    "measured": "never" if v is None else f"{v:.1f} s",
                    "met": (v is not None and v <= TARGETS["incremental_visible_s"])
                    if inc["warehouse_docs"] >= TARGET_SIZE else None})
    return out


def print_report(results: dict) -> None:
    ex, bl = results.get("extraction"), results.get("baseline")
    print()
    if ex:
        print(f"Extraction in one process, no Dagster ({ex['docs']:,} docs, {ex['mb']:.1f} MB):")
        print(f"  this pipeline   {ex['docs_per_s']:8.0f} docs/s  {ex['mb_per_s']:6.2f} MB/s   "
              f"(split {ex['split_docs_per_s']:.0f} docs/s, extract {ex['extract_docs_per_s']:.0f} docs/s; "
              f"{ex['facts_per_doc']:.1f} facts/doc)")
    if bl:
        print(f"  baseline        {bl['docs_per_s']:8.0f} docs/s  {bl['mb_per_s']:6.2f} MB/s   ({bl['extractor']}, "
              f"{bl['docs']:,} docs)")
        if ex:
            print(f"  ratio           {ex['docs_per_s'] / bl['docs_per_s']:8.1f} x faster than the baseline")
    e2e = results.get("end_to_end", {})
    if e2e:
        sizes = sorted(e2e, key=int)
        print()
        print("End to end (python -m assets.run, EXTRACT_WORKERS=%s):" % results["config"]["workers"])
        rows = [
            ("articles", lambda r: f"{r['docs']:,}"),
            ("corpus MB", lambda r: _fmt(r["mb"])),
            ("first run s", lambda r: _fmt(r["first_run"]["wall_s"])),
            ("  docs/s", lambda r: _fmt(r["docs"] / r["first_run"]["wall_s"], ".0f")),
            ("  ms/doc", lambda r: _fmt(r["first_run"]["wall_s"] / r["docs"] * 1000, ".2f")),
            ("  peak RSS tree MB", lambda r: _fmt(r["first_run"]["peak_rss_tree_mb"], ".0f")),
            ("  peak RSS 1 proc MB", lambda r: _fmt(r["first_run"]["peak_rss_single_mb"], ".0f")),
        ]
        steps = sorted({s for k in sizes for s in e2e[k].get("first_run", {}).get("steps_s", {})
                        if not s.startswith("error")})
        rows += [(f"  step {s}", (lambda s: lambda r: _fmt(r["first_run"].get("steps_s", {}).get(s)))(s))
                 for s in steps]
        rows += [
            ("unchanged rerun s", lambda r: _fmt(r.get("unchanged_rerun", {}).get("wall_s"))),
            ("  peak RSS tree MB", lambda r: _fmt(r.get("unchanged_rerun", {}).get("peak_rss_tree_mb"), ".0f")),
            ("warehouse MB", lambda r: _fmt(r.get("warehouse_mb"), ".0f")),
            ("facts", lambda r: f"{sum(r['counts'][t] for t in FACT_TABLES):,}" if "counts" in r else "-"),
        ]
        width = 28
        print("  " + "".ljust(width) + "".join(f"{int(s):>14,}" for s in sizes))
        for label, fn in rows:
            cells = []
            for s in sizes:
                try:
                    cells.append(fn(e2e[s]))
                except (KeyError, TypeError, ZeroDivisionError):
                    cells.append("-")
            print("  " + label.ljust(width) + "".join(f"{c:>14}" for c in cells))
    inc = results.get("incremental")
    if inc:
        print()
        print(f"One new file into a {inc['warehouse_docs']:,}-document warehouse:")
        print(f"  facts visible in the published warehouse after {_fmt(inc['facts_visible_after_s'])} s "
              f"(file replaced after {_fmt(inc['published_replaced_after_s'])} s; run {inc['wall_s']:.1f} s; "
              f"peak RSS tree {inc['peak_rss_tree_mb']:.0f} MB)")
        if inc.get("steps_s"):
            print("  steps: " + ", ".join(f"{k} {v:.1f} s" for k, v in inc["steps_s"].items()
                                          if isinstance(v, (int, float))))
    qs = results.get("queries")
    if qs:
        print()
        print(f"README example queries on the {results['queries_warehouse_docs']:,}-document warehouse:")
        for q in qs:
            print(f"  {q['cold_s'] * 1000:8.1f} ms cold {q['warm_median_s'] * 1000:8.1f} ms warm "
                  f"{q['rows']:>8,} rows  {q['question'][:70]}")
    ts = results.get("targets")
    if ts:
        print()
        print("Targets:")
        for t in ts:
            mark = {True: "met", False: "MISSED", None: "n/a"}[t["met"]]
            print(f"  {mark:<7} {t['target']:<55} {t['measured']}")


# ---------------------------------------------------------------------------------------------

def _git_commit() -> str | None:
    try:
        sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pipeline", "assets"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return sha + ("+dirty" if dirty else "")
    except OSError:
        return None


def machine() -> dict:
    mem = None
    try:
        with open("/proc/meminfo") as fh:
            mem = int(fh.readline().split()[1]) / 2**20
    except OSError:
        pass
    try:
        from pipeline.extract import extractor_version
        version = extractor_version()
    except Exception:       # noqa: BLE001 - the report still says what it can
        version = None
    return {"cpus": os.cpu_count(), "memory_gb": mem, "python": platform.python_version(),
            "platform": platform.platform(), "git": _git_commit(), "extractor_version": version,
            "code": "snapshot of the working tree at the start" if CODE != ROOT else "working tree"}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Throughput, scale and latency benchmark (see bench/README.md).")
    p.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes, comma-separated (1k, 10k, 100k work)")
    p.add_argument("--out", type=Path, default=BENCH / "results.json", help="JSON results file")
    p.add_argument("--sample", type=int, default=2000, help="documents for the in-process extraction throughput")
    p.add_argument("--baseline-sample", type=int, default=None,
                   help="documents for the dateparser baseline (default: the same as --sample)")
    p.add_argument("--workers", type=int, default=2, help="EXTRACT_WORKERS of the end-to-end runs")
    p.add_argument("--seed", type=int, default=7, help="corpus seed")
    p.add_argument("--timeout", type=float, default=3600, help="seconds before a pipeline run is killed")
    p.add_argument("--skip", default="", help="comma-separated parts to leave out: extraction, baseline, e2e, "
                                              "incremental, queries")
    p.add_argument("--keep", action="store_true", help="keep the warehouses and seed folders under bench/.work/")
    p.add_argument("--no-snapshot", action="store_true",
                   help="run the project's files as they are, not a copy taken at the start")
    args = p.parse_args(argv)
    sizes = sorted({generate.parse_size(s) for s in args.sizes.split(",") if s.strip()})
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    log = lambda msg: print(msg, flush=True)   # noqa: E731
    WORK.mkdir(parents=True, exist_ok=True)
    snapshot = None
    if not args.no_snapshot:
        snapshot = snapshot_code(Path(tempfile.mkdtemp(prefix="code-", dir=WORK)))

    results: dict = {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                     "config": {"sizes": sizes, "sample": args.sample, "workers": args.workers, "seed": args.seed},
                     "targets_defined": TARGETS}
    corpus = ensure_corpus(max(sizes), args.seed, log)

    sample_n = min(args.sample, max(sizes))
    if not {"extraction", "baseline"} <= skip:
        log(f"reading {sample_n:,} sample articles ...")
        docs, read_s = load_sample(corpus, sample_n)
        results["ingest_read_describe"] = {"docs": len(docs), "seconds": read_s, "docs_per_s": len(docs) / read_s}
        if "extraction" not in skip:
            log("extraction throughput (split + extract, one process) ...")
            results["extraction"] = measure_extraction(docs)
            log(f"  {results['extraction']['docs_per_s']:.0f} docs/s")
        if "baseline" not in skip:
            n = min(args.baseline_sample or sample_n, len(docs))
            log(f"baseline (dateparser + money regex) on {n:,} documents ...")
            try:
                results["baseline"] = measure_baseline(docs[:n])
                log(f"  {results['baseline']['docs_per_s']:.0f} docs/s")
            except ImportError:
                log("  dateparser is not installed: pip install -e '.[bench]' (or dateparser==1.5.0)")
        if "extraction" in results and "baseline" in results:
            results["speedup_vs_baseline"] = results["extraction"]["docs_per_s"] / results["baseline"]["docs_per_s"]
        del docs

    workdirs: dict[int, Path] = {}
    try:
        if "e2e" not in skip:
            results["end_to_end"] = {}
            for size in sizes:
                log(f"end to end, {size:,} articles ...")
                workdirs[size] = Path(tempfile.mkdtemp(prefix=f"n{size}-", dir=WORK))
                results["end_to_end"][str(size)] = end_to_end(size, corpus, workdirs[size], args.workers,
                                                              args.timeout, log)
                _write(args.out, results)
                # only the largest warehouse is needed later
                if size != max(sizes) and not args.keep:
                    shutil.rmtree(workdirs.pop(size), ignore_errors=True)
            largest = max(sizes)
            ok = results["end_to_end"][str(largest)].get("first_run", {}).get("returncode") == 0
            if ok and "queries" not in skip:
                log(f"README example queries on the {largest:,} warehouse ...")
                results["queries"] = time_queries(workdirs[largest] / "warehouse" / "relations.duckdb")
                results["queries_warehouse_docs"] = largest
            if ok and "incremental" not in skip:
                log(f"one new file into the {largest:,} warehouse ...")
                results["incremental"] = incremental(largest, workdirs[largest], args.seed, args.workers,
                                                     args.timeout, log)
    finally:
        if not args.keep:
            for d in [*workdirs.values(), snapshot]:
                if d is not None:
                    shutil.rmtree(d, ignore_errors=True)
    results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    results["targets"] = targets(results)
    _write(args.out, results)
    print_report(results)
    print(f"\nresults written to {args.out}")
    return 0


def _write(path: Path, results: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(results, indent=2, default=str) + "\n")
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
