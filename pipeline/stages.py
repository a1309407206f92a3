"""The pipeline's steps over the working warehouse, each incremental and idempotent.

ingest -> sentences -> documents -> facts -> publish. Each step compares what the
warehouse holds with what its input now is (by content hash and extractor version),
does only the missing work, deletes what no longer has a source, and writes in one
transaction. The Dagster assets call these; so can any other orchestrator."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

import duckdb
import pandera.polars as pa
import polars as pl

from pipeline import schemas, warehouse
from pipeline.config import Settings
from pipeline.documents import describe
from pipeline.extract import extract_document, extractor_version
from pipeline.read import scan_seeds
from pipeline.text import Sentence, split_sentences

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)      # source files new or changed since the last run
    removed: list[str] = field(default_factory=list)    # source files gone (or changed: old version)
    unchanged: int = 0
    errors: list[dict] = field(default_factory=list)


def ingest(settings: Settings, con: duckdb.DuckDBPyConnection) -> IngestResult:
    """Bring raw_documents and ingest_errors in line with the seeds folder."""
    if not settings.seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder {settings.seeds_dir} does not exist; create it or set SEEDS_DIR")
    docs, errors = scan_seeds(settings.seeds_dir, settings.max_seed_bytes)
    error_rows = [{"source_file": e.source_file, "error_kind": e.error_kind, "reason": e.reason} for e in errors]
    current: dict[str, object] = {}
    first_file_of: dict[str, str] = {}
    for d in docs:
        if d.doc_id in first_file_of:
            error_rows.append({"source_file": d.source_file, "error_kind": "duplicate_content",
                               "reason": f"same content as {first_file_of[d.doc_id]}; its facts are recorded once, "
                                         f"under that file"})
            continue
        first_file_of[d.doc_id] = d.source_file
        current[d.doc_id] = d
    stored = dict(con.execute("SELECT doc_id, source_file FROM raw_documents").fetchall())
    result = IngestResult()
    gone = [doc_id for doc_id, path in stored.items()
            if doc_id not in current or current[doc_id].source_file != path]
    new = [d for doc_id, d in current.items() if doc_id not in stored or stored[doc_id] != d.source_file]
    result.removed = sorted(stored[i] for i in gone)
    result.added = sorted(d.source_file for d in new)
    result.unchanged = len(current) - len(new)
    result.errors = sorted(error_rows, key=lambda r: r["source_file"])
    frame = schemas.frame_from_rows(schemas.RawDocument, [describe(d) for d in new])
    with warehouse.transaction(con):
        warehouse.delete_documents(con, "raw_documents", gone)
        warehouse.insert_frame(con, "raw_documents", frame)
        warehouse.replace_all(con, "ingest_errors",
                              schemas.frame_from_rows(schemas.IngestError, result.errors))
    for e in result.errors:
        log.warning("seed file %s not ingested (%s): %s", e["source_file"], e["error_kind"], e["reason"])
    return result


@dataclass
class StepResult:
    processed: int = 0
    deleted: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def split(con: duckdb.DuckDBPyConnection) -> StepResult:
    """Sentences for every document that has none yet; none for documents that are gone."""
    have = warehouse.doc_ids(con, "sentences")
    docs = dict(con.execute("SELECT doc_id, title FROM raw_documents").fetchall())
    todo = [d for d in docs if d not in have]
    gone = [d for d in have if d not in docs]
    rows = []
    for doc_id, text, title in _texts(con, todo):
        for s in split_sentences(text, title):
            rows.append({"doc_id": doc_id, "sentence_idx": s.idx, "start_char": s.start, "end_char": s.end,
                         "text": s.text, "section": s.section, "repeat_of": s.repeat_of})
    with warehouse.transaction(con):
        warehouse.delete_documents(con, "sentences", gone)
        warehouse.insert_frame(con, "sentences", schemas.frame_from_rows(schemas.Sentence, rows))
    return StepResult(processed=len(todo), deleted=len(gone), rows={"sentences": len(rows)})


def _texts(con, doc_ids: list[str]):
    if not doc_ids:
        return []
    return con.execute("SELECT doc_id, text, title FROM raw_documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))"
                       " ORDER BY source_file", [doc_ids]).fetchall()


def build_documents(con: duckdb.DuckDBPyConnection) -> StepResult:
    """The contract's documents table, derived from raw_documents and sentences."""
    cols = ", ".join(schemas.polars_schema(schemas.Document))
    with warehouse.transaction(con):
        con.execute("DELETE FROM documents")
        con.execute(f"""
            INSERT INTO documents ({cols})
            SELECT r.doc_id, r.source_file, r.title, r.published_date, r.outlet, r.url,
                   coalesce((SELECT count(*) FROM sentences s WHERE s.doc_id = r.doc_id AND s.section = 'body'), 0)
            FROM raw_documents r ORDER BY r.source_file""")
    n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    return StepResult(processed=n, rows={"documents": n})


@dataclass
class ExtractResult(StepResult):
    rejected: dict[str, int] = field(default_factory=dict)


def extract(con: duckdb.DuckDBPyConnection) -> ExtractResult:
    """Facts for documents not yet extracted by this extractor version; validated rows are
    written, failing rows go to `rejects` with the reason. One transaction for all tables."""
    version = extractor_version()
    done = dict(con.execute("SELECT doc_id, extractor_version FROM extraction_log").fetchall())
    docs = {r[0]: r[1] for r in con.execute("SELECT doc_id, published_date FROM documents").fetchall()}
    todo = [d for d in docs if done.get(d) != version]
    gone = [d for d in done if d not in docs]
    stale = [d for d in todo if d in done] + gone
    rows: dict[str, list[dict]] = {t: [] for t in schemas.FACT_TABLES}
    for doc_id, sentences in _sentences(con, todo):
        for table, table_rows in extract_document(doc_id, sentences, docs[doc_id]).items():
            rows[table] += table_rows
    result = ExtractResult(processed=len(todo), deleted=len(gone))
    with warehouse.transaction(con):
        for table in schemas.FACT_TABLES:
            warehouse.delete_documents(con, table, stale)
        warehouse.delete_documents(con, "rejects", stale)
        warehouse.delete_documents(con, "extraction_log", stale)
        for table, table_rows in rows.items():
            valid, rejects = validate(table, table_rows)
            result.rows[table] = warehouse.insert_frame(con, table, valid)
            result.rejected[table] = warehouse.insert_frame(con, "rejects", rejects)
        warehouse.insert_frame(con, "extraction_log", schemas.frame_from_rows(
            schemas.ExtractionLog, [{"doc_id": d, "extractor_version": version} for d in todo]))
    return result


def _sentences(con, doc_ids: list[str]):
    if not doc_ids:
        return
    frame = warehouse.read_frame(con, """
        SELECT doc_id, sentence_idx, start_char, end_char, text, section, repeat_of FROM sentences
        WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, sentence_idx""", [doc_ids])
    for (doc_id,), part in frame.group_by("doc_id", maintain_order=True):
        yield doc_id, [Sentence(r["sentence_idx"], r["start_char"], r["end_char"], r["text"], r["section"],
                                r["repeat_of"]) for r in part.iter_rows(named=True)]


def validate(table: str, rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid rows, rejects) for one fact table, checked against its pandera model."""
    model = schemas.FACT_TABLES[table]
    frame = schemas.frame_from_rows(model, rows)
    try:
        return model.validate(frame, lazy=True), schemas.empty_frame(schemas.Reject)
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
    bad: dict[int, list[str]] = {}
    for f in failures.iter_rows(named=True):
        idx = f["index"]
        reason = f"{f['column'] or 'row'}: {f['check']} failed (value {f['failure_case']!r})"
        if idx is None:   # a failure of the table as a whole: reject nothing silently, keep all rows out
            bad.update({i: bad.get(i, []) + [reason] for i in range(frame.height)})
        else:
            bad.setdefault(int(idx), []).append(reason)
    keep = [i for i in range(frame.height) if i not in bad]
    rejects = [{"table_name": table, "doc_id": rows[i].get("doc_id"), "evidence": rows[i].get("evidence"),
                "reason": "; ".join(reasons), "row_json": json.dumps(rows[i], default=str, sort_keys=True)}
               for i, reasons in sorted(bad.items())]
    return frame[keep], schemas.frame_from_rows(schemas.Reject, rejects)


def publish(settings: Settings) -> None:
    warehouse.publish(settings.work_path, settings.warehouse_path)


def open_work(settings: Settings) -> duckdb.DuckDBPyConnection:
    con = warehouse.connect(settings.work_path)
    warehouse.ensure_schema(con)
    return con
