"""The sensor under a real `dagster dev` (webserver + daemon): dropping an article into the seeds
folder publishes its document and facts, deleting it removes them again.

The published warehouse is read the way an analyst reads it: read-only, one connection per look."""
import datetime as dt
import os
import time

import duckdb
import pytest

from tests.dagster_dev import running_dagster_dev

pytestmark = pytest.mark.slow

TIMEOUT_S = 120
ARTICLE_NAME = "uzbekistan_turkmenistan_trade.txt"
ARTICLE = """Uzbekistan and Turkmenistan look to lift trade

ASHGABAT, May 14, 2024 - Trade turnover between Uzbekistan and Turkmenistan reached $1.1 billion in 2023, \
the two governments said on Tuesday.

Officials of both countries discussed new rail and road links along the Amu Darya and a joint trading house \
near the border.
"""


def read_published(path, fn):
    """fn(con) on a fresh read-only connection to the published warehouse; None while there is none."""
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None         # replaced at this very moment: look again
    try:
        return fn(con)
    finally:
        con.close()


def tables_with_doc_id(con) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_columns() WHERE column_name = 'doc_id' AND data_type = 'VARCHAR' "
        "AND NOT internal ORDER BY table_name").fetchall()]


def article_state(con, doc_id: str | None = None) -> dict:
    """The article's document row and, per table with a doc_id column, how many of its rows there are."""
    docs = con.execute("SELECT doc_id, published_date FROM documents WHERE source_file = ?",
                       [ARTICLE_NAME]).fetchall()
    doc_id = doc_id or (docs[0][0] if docs else None)
    rows = {}
    if doc_id:
        for table in tables_with_doc_id(con):
            n = con.execute(f'SELECT count(*) FROM "{table}" WHERE doc_id = ?', [doc_id]).fetchone()[0]
            if n:
                rows[table] = n
    trade = con.execute("""
        SELECT t.flow, t.reporter, t.partner, t.value, t.unit, t.period_start, t.period_end, t.evidence
        FROM trade_figures t JOIN documents d USING (doc_id) WHERE d.source_file = ?""", [ARTICLE_NAME]).fetchall()
    return {"documents": docs, "doc_id": doc_id, "rows": rows, "trade": trade}


def wait_for(dev, what: str, probe, done, timeout: float = TIMEOUT_S):
    """Poll probe() every second until done(value); fail with the last value and the log's tail."""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = probe()
        if value is not None and done(value):
            return value
        time.sleep(1)
    pytest.fail(f"{what}: not seen within {timeout:.0f} s; last seen {value!r}\n{dev.log_tail()}")


def test_sensor_publishes_a_new_article_and_drops_a_deleted_one(tmp_path, seeds_copy):
    n_seeds = sum(1 for p in seeds_copy.rglob("*") if p.is_file() and not p.name.startswith("."))
    with running_dagster_dev(tmp_path, seeds_copy) as dev:
        wh = dev.warehouse_path
        t0 = time.monotonic()

        # the sensor's first tick requests a run on the seeds as they are
        baseline = wait_for(dev, "first publish of the seeds",
                            lambda: read_published(wh, lambda con: con.execute(
                                "SELECT count(*) FROM documents").fetchone()[0]),
                            lambda n: n >= 1)
        assert baseline == n_seeds
        first_publish = time.monotonic() - t0

        # a new article: written beside the folder, then renamed in, so no run sees half a file
        staged = tmp_path / ARTICLE_NAME
        staged.write_text(ARTICLE, encoding="utf-8")
        t1 = time.monotonic()
        os.replace(staged, seeds_copy / ARTICLE_NAME)
        state = wait_for(dev, f"document and trade figure of {ARTICLE_NAME}",
                         lambda: read_published(wh, article_state),
                         lambda s: s["documents"] and s["trade"])
        added = time.monotonic() - t1
        assert state["documents"][0][1] == dt.date(2024, 5, 14)
        flow, reporter, partner, value, unit, start, end, evidence = state["trade"][0]
        assert len(state["trade"]) == 1, state["trade"]
        assert (flow, {reporter, partner}, value, unit) == ("total", {"UZB", "TKM"}, 1.1e9, "USD")
        assert (start, end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
        assert "$1.1 billion" in evidence
        doc_id = state["doc_id"]
        assert state["rows"].get("trade_figures") == 1 and state["rows"].get("documents") == 1, state

        # deleted: its document and every row carrying its doc_id leave the published warehouse
        t2 = time.monotonic()
        (seeds_copy / ARTICLE_NAME).unlink()

        gone = wait_for(dev, f"removal of {ARTICLE_NAME}", lambda: read_published(wh, lambda con: article_state(con, doc_id)),
                        lambda s: not s["documents"] and not s["rows"] and not s["trade"])
        removed = time.monotonic() - t2
        assert gone["rows"] == {}
        assert read_published(wh, lambda con: con.execute("SELECT count(*) FROM documents").fetchone()[0]) == n_seeds

        # every run came from the sensor and succeeded (wait for the last one to be recorded as done)
        runs = wait_for(dev, "all runs finished", dev.runs,
                        lambda rs: all(r["status"] in ("SUCCESS", "FAILURE", "CANCELED") for r in rs), timeout=60)
        assert len(runs) >= 3, runs
        assert all(r["status"] == "SUCCESS" for r in runs), runs
        assert all(r["tags"].get("dagster/sensor_name") == "seeds_changed" for r in runs), runs
        print(f"first publish {first_publish:.0f} s, article published {added:.0f} s after it was added, "
              f"gone {removed:.0f} s after it was deleted; {len(runs)} sensor runs")
