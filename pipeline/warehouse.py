"""DuckDB side of the pipeline: DDL and comments generated from the pandera models,
transactional replace-by-document writes, and atomic publishing of the analysts' file.

The pipeline writes only its private working file (Settings.work_path). Analysts open
the published file, which is replaced in one rename after a run, so a reader never
blocks the pipeline (DuckDB allows one writer per file, and a reader holds a lock)
and never sees a half-written run.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import duckdb
import polars as pl

from pipeline import schemas

_DUCKDB_TYPES = {
    pl.String: "VARCHAR", pl.Float64: "DOUBLE", pl.Int64: "BIGINT", pl.Int32: "INTEGER",
    pl.Boolean: "BOOLEAN", pl.Date: "DATE", pl.Datetime: "TIMESTAMP",
}


def duckdb_type(dtype: pl.DataType) -> str:
    if isinstance(dtype, pl.List):
        return duckdb_type(dtype.inner) + "[]"
    if isinstance(dtype, pl.Struct):
        return "STRUCT(" + ", ".join(f"{f.name} {duckdb_type(f.dtype)}" for f in dtype.fields) + ")"
    for pl_type, sql in _DUCKDB_TYPES.items():
        if dtype == pl_type:
            return sql
    raise TypeError(f"no DuckDB type for polars dtype {dtype}")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def table_ddl(name: str, model: type) -> list[str]:
    """CREATE TABLE plus COMMENT statements for one model (COMMENT takes no parameters in DuckDB)."""
    schema = model.to_schema()
    cols = []
    for col_name, col in schema.columns.items():
        null = "" if col.nullable else " NOT NULL"
        cols.append(f"{col_name} {duckdb_type(col.dtype.type)}{null}")
    stmts = [f"CREATE TABLE IF NOT EXISTS {name} (\n  " + ",\n  ".join(cols) + "\n)"]
    doc = " ".join((model.__doc__ or "").split())
    if doc:
        stmts.append(f"COMMENT ON TABLE {name} IS {_quote(doc)}")
    for col_name, col in schema.columns.items():
        if col.description:
            stmts.append(f"COMMENT ON COLUMN {name}.{col_name} IS {_quote(col.description)}")
    return stmts


def schema_fingerprint() -> str:
    ddl = "\n".join(s for name, model in schemas.TABLES.items() for s in table_ddl(name, model))
    return hashlib.sha256(ddl.encode()).hexdigest()[:16]


def connect(path: Path, *, retries: int = 50, wait_s: float = 0.2) -> duckdb.DuckDBPyConnection:
    """Open the working file for writing, waiting briefly if another writer holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(retries):
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or attempt == retries - 1:
                raise
            time.sleep(wait_s)
    raise AssertionError("unreachable")


# Errors DuckDB raises for a file it cannot use as a database (cut short, overwritten, a WAL
# that does not replay), as opposed to a lock held by another process or a permission problem.
_BROKEN_FILE = re.compile(r"not a valid DuckDB database|corrupt|could not read enough bytes|checksum|"
                          r"replaying WAL", re.IGNORECASE)
log = logging.getLogger(__name__)


def open_working(path: Path, published: Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open the working file with every table in place.

    A missing working file is restored from the published one when there is one (a run killed
    between the publish rename and the copy back; see publish), so the next run stays incremental.
    A working file that is damaged (left half-written by a crash or a full disk) is moved aside to
    `<name>.broken` and rebuilt empty: everything in it is derived from the seeds, so the run that
    follows redoes the work."""
    if published is not None and not path.exists() and published.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        log.warning("no working file %s; restoring it from the published warehouse %s", path, published)
        _copy_atomically(published, path)
    try:
        con = connect(path)
        try:
            ensure_schema(con)
        except BaseException:
            con.close()
            raise
        return con
    except duckdb.Error as exc:
        if "lock" in str(exc).lower() or not _BROKEN_FILE.search(str(exc)):
            raise
        aside = path.with_name(path.name + ".broken")
        log.warning("working file %s cannot be opened (%s); moved it to %s and rebuilding it from the seeds",
                    path, exc, aside)
        os.replace(path, aside)
        wal = path.with_name(path.name + ".wal")          # a WAL left behind would be replayed into the new file
        if wal.exists():
            os.replace(wal, aside.with_name(aside.name + ".wal"))
        con = connect(path)
        ensure_schema(con)
        return con


def ensure_schema(con: duckdb.DuckDBPyConnection) -> bool:
    """Create every table; when the table definitions changed since the file was made, rebuild
    them (everything in the warehouse is derived from the seeds, so nothing is lost).
    Returns True when the tables were (re)created empty."""
    fingerprint = schema_fingerprint()
    con.execute("CREATE TABLE IF NOT EXISTS _meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    row = con.execute("SELECT value FROM _meta WHERE key = 'schema_fingerprint'").fetchone()
    if row and row[0] == fingerprint:
        return False
    with transaction(con):
        for name in schemas.TABLES:
            con.execute(f"DROP TABLE IF EXISTS {name} CASCADE")
        for name, model in schemas.TABLES.items():
            for stmt in table_ddl(name, model):
                con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO _meta VALUES ('schema_fingerprint', ?)", [fingerprint])
    return True


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def delete_documents(con: duckdb.DuckDBPyConnection, table: str, doc_ids: Sequence[str]) -> int:
    if not doc_ids:
        return 0
    n = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                    [list(doc_ids)]).fetchone()[0]
    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(doc_ids)])
    return n


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Append a frame whose columns are exactly the table's (by name, in the model's order)."""
    if frame.height == 0:
        return 0
    con.register("_incoming", frame.to_arrow())
    try:
        cols = ", ".join(frame.columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming")
    finally:
        con.unregister("_incoming")
    return frame.height


def replace_all(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    con.execute(f"DELETE FROM {table}")
    return insert_frame(con, table, frame)


def read_frame(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None) -> pl.DataFrame:
    return pl.from_arrow(con.execute(sql, params or []).to_arrow_table())


def doc_ids(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute(f"SELECT DISTINCT doc_id FROM {table}").fetchall()}


def row_counts(con: duckdb.DuckDBPyConnection, tables: Sequence[str]) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def publish(work_path: Path, published_path: Path) -> Path:
    """Rename the finished working file into place, then copy it back as the next working file.

    os.replace is atomic on POSIX: a reader that has the old file open keeps reading the
    old snapshot, the next connection sees the new one, and a crash leaves either the
    old file or the new one, never a mix. Renaming (rather than copying the whole file
    first) makes the facts visible at once; the copy back, which takes seconds on a large
    warehouse, happens after they are visible. A run killed before the copy back ends
    finds no working file and restores it from the published one (open_working)."""
    con = duckdb.connect(str(work_path))
    try:
        con.execute("CHECKPOINT")   # fold the WAL into the file: the published file stands alone
    finally:
        con.close()
    published_path.parent.mkdir(parents=True, exist_ok=True)
    _fsync(work_path)
    try:
        os.replace(work_path, published_path)
    except OSError as exc:
        if exc.errno != errno.EXDEV:             # the working folder is on another file system
            raise
        _copy_atomically(work_path, published_path)
        return published_path
    _copy_atomically(published_path, work_path)
    return published_path


def _copy_atomically(source: Path, dest: Path) -> None:
    """Copy to a temporary name beside `dest`, flush it to disk and rename it into place, so
    `dest` is always either the old file or a complete copy."""
    _remove_stale_copies(dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, tmp)
        _fsync(tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _remove_stale_copies(dest: Path) -> None:
    """Delete unfinished copies (`.<name>.<pid>.tmp`) left beside `dest` by a publish that was killed:
    each is a whole warehouse. A copy whose process still runs (another pipeline publishing) is left alone."""
    pattern = re.compile(r"\." + re.escape(dest.name) + r"\.(\d+)\.tmp")
    for entry in dest.parent.iterdir():
        m = pattern.fullmatch(entry.name)
        if not m:
            continue
        pid = int(m.group(1))
        if pid != os.getpid():
            try:
                os.kill(pid, 0)
                continue                                    # that process is still running
            except ProcessLookupError:
                pass
            except OSError:
                continue
        entry.unlink(missing_ok=True)
