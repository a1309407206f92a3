"""The working file and the published file: publish renames, copies back, and a lost working file is
restored from the published one. Real DuckDB files in a temporary folder."""
from __future__ import annotations

import duckdb

from pipeline import warehouse


def _rows(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT doc_id FROM probe ORDER BY 1").fetchall()
    finally:
        con.close()


def _write_doc(con, doc_id: str) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS probe (doc_id VARCHAR)")
    con.execute("INSERT INTO probe VALUES (?)", [doc_id])


def test_publish_makes_both_files_hold_the_run_and_keeps_readers_on_their_snapshot(tmp_path):
    work, published = tmp_path / ".work" / "w.duckdb", tmp_path / "w.duckdb"
    con = warehouse.open_working(work, published)
    _write_doc(con, "a")
    con.close()
    warehouse.publish(work, published)
    reader = duckdb.connect(str(published), read_only=True)      # an analyst's open session
    con = warehouse.open_working(work, published)
    _write_doc(con, "b")
    con.close()
    warehouse.publish(work, published)
    assert reader.execute("SELECT doc_id FROM probe").fetchall() == [("a",)]
    reader.close()
    assert _rows(published) == [("a",), ("b",)]
    assert _rows(work) == [("a",), ("b",)]
    assert [p.name for p in tmp_path.rglob("*.tmp")] == []


def test_a_lost_working_file_is_restored_from_the_published_one(tmp_path, caplog):
    work, published = tmp_path / ".work" / "w.duckdb", tmp_path / "w.duckdb"
    con = warehouse.open_working(work, published)
    _write_doc(con, "a")
    con.close()
    warehouse.publish(work, published)
    work.unlink()                      # as after a run killed between the rename and the copy back
    con = warehouse.open_working(work, published)
    try:
        assert con.execute("SELECT doc_id FROM probe").fetchall() == [("a",)]
    finally:
        con.close()
    assert "restoring it from the published warehouse" in caplog.text


def test_without_a_published_file_the_working_file_starts_empty(tmp_path):
    work = tmp_path / ".work" / "w.duckdb"
    con = warehouse.open_working(work, tmp_path / "missing.duckdb")
    try:
        assert con.execute("SELECT count(*) FROM raw_documents").fetchone() == (0,)
    finally:
        con.close()
