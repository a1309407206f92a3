"""The pipeline's steps over the working warehouse, each incremental and idempotent.

ingest -> sentences -> documents -> facts -> publish. Each step compares what the
warehouse holds with what its input now is (by content hash and extractor version),
does only the missing work, deletes what no longer has a source, and writes in one
transaction. The Dagster assets call these; so can any other orchestrator."""
from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
from dataclasses import dataclass, field
from operator import itemgetter

import duckdb
import pandera.polars as pa
import polars as pl

from pipeline import parallel, schemas, warehouse
from pipeline.config import Settings
from pipeline.extract import extractor_version
from pipeline.parallel import EngineSettings
from pipeline.read import IngestError as IngestErrorRecord, iter_seeds
from pipeline.text import Sentence

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)      # source files new or changed since the last run
    removed: list[str] = field(default_factory=list)    # source files gone (or changed: old version)
    unchanged: int = 0
    errors: list[dict] = field(default_factory=list)


def ingest(settings: Settings, con: duckdb.DuckDBPyConnection, engine: EngineSettings | None = None) -> IngestResult:
    """Bring raw_documents and ingest_errors in line with the seeds folder.

    Streams: new documents are written in batches of BATCH_DOCS, so memory does not grow
    with the corpus. A file whose path, size, times and inode are those recorded when it
    was last read (`_seed_files`) is not read again: its content hash is taken from there.
    A crash part-way leaves the batches written so far in the working file only (never in
    the published one); the next run carries on from them.

    This process reads the files; describing them (title, publication date) runs on local
    worker processes when there are many (EXTRACT_WORKERS; never on a Dask cluster, whose
    workers may run other code)."""
    if not settings.seeds_dir.is_dir():
        raise FileNotFoundError(f"seeds folder {settings.seeds_dir} does not exist; create it or set SEEDS_DIR")
    _ensure_seed_file_table(con)
    stored = dict(con.execute("SELECT doc_id, source_file FROM raw_documents").fetchall())
    recorded = {r[0]: (r[1], r[2]) for r in con.execute("SELECT source_file, stat_key, doc_id FROM _seed_files").fetchall()}
    stat_keys: dict[str, str] = {}

    def known(rel: str, st) -> _KnownFile | None:
        key = _stat_key(st)
        stat_keys[rel] = key
        hit = recorded.get(rel)
        if hit is not None and hit[0] == key and stored.get(hit[1]) == rel:
            return _KnownFile(rel, hit[1])
        return None

    error_rows: list[dict] = []
    current: dict[str, str] = {}            # doc_id -> source_file, every readable non-duplicate file
    files: list[tuple[str, str, str]] = []  # (source_file, stat_key, doc_id) of every file read or known
    result = IngestResult()

    def new_documents():
        """The documents to write, in folder order; the bookkeeping of every file as it goes."""
        for d in iter_seeds(settings.seeds_dir, settings.max_seed_bytes, known):
            if isinstance(d, IngestErrorRecord):
                error_rows.append({"source_file": d.source_file, "error_kind": d.error_kind, "reason": d.reason})
                continue
            if d.source_file in stat_keys:
                files.append((d.source_file, stat_keys[d.source_file], d.doc_id))
            if d.doc_id in current:
                error_rows.append({"source_file": d.source_file, "error_kind": "duplicate_content",
                                   "reason": f"same content as {current[d.doc_id]}; its facts are recorded once, "
                                             f"under that file"})
                continue
            current[d.doc_id] = d.source_file
            if stored.get(d.doc_id) == d.source_file:
                result.unchanged += 1
                continue
            result.added.append(d.source_file)
            yield d

    engine = engine or EngineSettings.from_env()
    local = EngineSettings(workers=engine.workers, scheduler_address=None, chunk_docs=engine.chunk_docs)
    documents = new_documents()
    # a pool only pays when there are many new files: look ahead that far before choosing
    head = list(itertools.islice(documents, parallel.MIN_DOCS_FOR_POOL))
    n_hint = len(head) if len(head) < parallel.MIN_DOCS_FOR_POOL else None

    def work():
        for batch in parallel.chunks(itertools.chain(head, documents), BATCH_DOCS):
            yield from parallel.chunks(batch, engine.chunk_docs)

    rows: list[dict] = []
    with parallel.engine(local, n_hint) as run:
        for described in run(parallel.describe_chunk, work()):
            rows += described
            if len(rows) >= BATCH_DOCS:
                _write_raw_batch(con, rows, stored)
                rows = []
    if rows:
        _write_raw_batch(con, rows, stored)
    gone = [doc_id for doc_id, path in stored.items() if current.get(doc_id) != path]
    result.removed = sorted(stored[i] for i in gone)
    result.added.sort()
    result.errors = sorted(error_rows, key=lambda r: r["source_file"])
    with warehouse.transaction(con):
        # a renamed file's old row went with its batch; what is left of `gone` has no file now
        warehouse.delete_documents(con, "raw_documents", [i for i in gone if i not in current])
        warehouse.replace_all(con, "ingest_errors", schemas.frame_from_rows(schemas.IngestError, result.errors))
        con.execute("DELETE FROM _seed_files")
        if files:
            _insert_rows(con, "_seed_files", ["source_file", "stat_key", "doc_id"], files)
    for e in result.errors:
        log.warning("seed file %s not ingested (%s): %s", e["source_file"], e["error_kind"], e["reason"])
    return result


# Documents per write: the pipeline holds one batch's texts and sentences at a time.
BATCH_DOCS = 2000


@dataclass(frozen=True)
class _KnownFile:
    source_file: str
    doc_id: str


def _stat_key(st) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def _ensure_seed_file_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS _seed_files (source_file VARCHAR, stat_key VARCHAR, doc_id VARCHAR)")
    con.execute("COMMENT ON TABLE _seed_files IS 'Bookkeeping: size, times and inode of each seed file when it "
                "was last read, and its content hash, so unchanged files are not read again'")


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list[tuple]) -> None:
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    con.register("_rows", frame.to_arrow())
    try:
        con.execute(f"INSERT INTO {table} SELECT {', '.join(columns)} FROM _rows")
    finally:
        con.unregister("_rows")


def _write_raw_batch(con: duckdb.DuckDBPyConnection, rows: list[dict], stored: dict[str, str]) -> None:
    """Insert one batch of new or moved documents, described (a moved file's old row goes first)."""
    frame = schemas.frame_from_rows(schemas.RawDocument, rows)
    with warehouse.transaction(con):
        warehouse.delete_documents(con, "raw_documents", [r["doc_id"] for r in rows if r["doc_id"] in stored])
        warehouse.insert_frame(con, "raw_documents", frame)


@dataclass
class StepResult:
    processed: int = 0
    deleted: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def split(con: duckdb.DuckDBPyConnection, engine: EngineSettings | None = None) -> StepResult:
    """Sentences for every document that has none yet; none for documents that are gone.

    In batches of BATCH_DOCS documents, each written in its own transaction (a document has
    all its sentences or none); the splitting runs on the parallel engine (pipeline.parallel)."""
    have = warehouse.doc_ids(con, "sentences")
    docs = dict(con.execute("SELECT doc_id, title FROM raw_documents").fetchall())
    todo = [d for d in docs if d not in have]
    gone = [d for d in have if d not in docs]
    with warehouse.transaction(con):
        warehouse.delete_documents(con, "sentences", gone)
    engine = engine or EngineSettings.from_env()
    n_rows = 0

    def work():
        for batch in parallel.chunks(todo, BATCH_DOCS):
            yield from parallel.chunks(_texts(con, batch), engine.chunk_docs)

    columns = _no_sentences()
    with parallel.engine(engine, len(todo)) as run:
        for chunk in run(parallel.split_chunk_columns, work()):
            for name, values in chunk.items():
                columns[name] += values
            if len(columns["doc_id"]) >= BATCH_DOCS * 40:
                n_rows += _write_sentences(con, columns)
                columns = _no_sentences()
    n_rows += _write_sentences(con, columns)
    return StepResult(processed=len(todo), deleted=len(gone), rows={"sentences": n_rows})


def _no_sentences() -> dict[str, list]:
    return {name: [] for name in parallel.SENTENCE_COLUMNS}


def _write_sentences(con: duckdb.DuckDBPyConnection, columns: dict[str, list]) -> int:
    if not columns["doc_id"]:
        return 0
    schema = schemas.polars_schema(schemas.Sentence)
    try:
        frame = pl.DataFrame({name: columns[name] for name in schema}, schema=schema)
    except Exception:       # noqa: BLE001 - a value polars will not take column-wise: let the row-wise build decide
        names = list(columns)
        frame = schemas.frame_from_rows(schemas.Sentence, [dict(zip(names, row)) for row in zip(*columns.values())])
    with warehouse.transaction(con):
        return warehouse.insert_frame(con, "sentences", frame)


def _texts(con, doc_ids: list[str]):
    if not doc_ids:
        return []
    # rowid first, then the text: DuckDB then reads only the row groups holding the batch (new documents
    # are appended together), where a filter on doc_id alone decompresses every document's text.
    return con.execute("SELECT doc_id, text, title FROM raw_documents WHERE rowid IN "
                       "(SELECT rowid FROM raw_documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[])))"
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
    failed: int = 0                  # documents the extractors raised an error on (each one row in `rejects`)
    doc_ids: list[str] = field(default_factory=list)      # the documents extracted by this run


def extract(con: duckdb.DuckDBPyConnection, engine: EngineSettings | None = None) -> ExtractResult:
    """Facts for documents not yet extracted by this extractor version; validated rows are
    written, failing rows go to `rejects` with the reason.

    Extraction runs on the parallel engine (local processes or a Dask cluster, see
    pipeline.parallel); this process is the single writer. Facts are written in batches of
    BATCH_DOCS documents, each batch's facts, rejects and extraction_log rows in one
    transaction, so a document is either fully extracted or not at all, and a run that
    stops part-way is carried on by the next."""
    version = extractor_version()
    done = dict(con.execute("SELECT doc_id, extractor_version FROM extraction_log").fetchall())
    docs = {r[0]: r[1] for r in con.execute("SELECT doc_id, published_date FROM documents").fetchall()}
    todo = sorted(d for d in docs if done.get(d) != version)
    gone = [d for d in done if d not in docs]
    stale = [d for d in todo if d in done] + gone
    result = ExtractResult(processed=len(todo), deleted=len(gone), doc_ids=todo)
    result.rows = {t: 0 for t in schemas.FACT_TABLES}
    result.rejected = {t: 0 for t in schemas.FACT_TABLES}
    with warehouse.transaction(con):
        for table in schemas.FACT_TABLES:
            warehouse.delete_documents(con, table, stale)
        warehouse.delete_documents(con, "rejects", stale)
        warehouse.delete_documents(con, "extraction_log", stale)
    engine = engine or EngineSettings.from_env()

    def work():
        # one query per FETCH_DOCS documents (each reads through the whole sentences table), handed
        # out in the same batches of BATCH_DOCS as before
        for group in parallel.chunks(todo, FETCH_DOCS):
            fetched = _sentences(con, group)
            pending = next(fetched, None)
            for batch in parallel.chunks(group, BATCH_DOCS):
                wanted = set(batch)
                items = []
                while pending is not None and pending[0] in wanted:
                    items.append((pending[0], pending[1], docs[pending[0]]))
                    pending = next(fetched, None)
                yield from parallel.chunks(items, engine.chunk_docs)

    rows: dict[str, list[dict]] = {t: [] for t in schemas.FACT_TABLES}
    extracted: list[str] = []
    failed: list[dict] = []
    with parallel.engine(engine, len(todo)) as run:
        for worker_version, results in run(parallel.extract_chunk, work()):
            parallel.check_worker_version(worker_version, version)
            for doc_id, doc_rows in results:
                if isinstance(doc_rows, parallel.ExtractionFailure):
                    # the document's facts are missing, and `rejects` says why; the run goes on
                    failed.append({"table_name": "(all)", "doc_id": doc_id, "evidence": None,
                                   "reason": doc_rows.reason, "row_json": "{}"})
                else:
                    for table, table_rows in doc_rows.items():
                        rows[table] += table_rows
                extracted.append(doc_id)
            if len(extracted) >= BATCH_DOCS:
                _write_facts(con, rows, extracted, version, result, failed)
                rows = {t: [] for t in schemas.FACT_TABLES}
                extracted, failed = [], []
    _write_facts(con, rows, extracted, version, result, failed)
    return result


def _write_facts(con: duckdb.DuckDBPyConnection, rows: dict[str, list[dict]], doc_ids: list[str], version: str,
                 result: ExtractResult, failed: list[dict] = ()) -> None:
    """One batch: validated facts, rejects (and documents extraction failed on) and the
    extraction log, in one transaction."""
    if not doc_ids:
        return
    checked = {table: validate(table, table_rows) for table, table_rows in rows.items()}
    with warehouse.transaction(con):
        if failed:
            result.failed += warehouse.insert_frame(con, "rejects", schemas.frame_from_rows(schemas.Reject, list(failed)))
        for table, (valid, rejects) in checked.items():
            result.rows[table] += warehouse.insert_frame(con, table, valid)
            result.rejected[table] += warehouse.insert_frame(con, "rejects", rejects)
        warehouse.insert_frame(con, "extraction_log", _frame(
            schemas.ExtractionLog, [{"doc_id": d, "extractor_version": version} for d in doc_ids]))


# Documents whose sentences are read in one query: a query reads through the whole sentences table
# whatever the number of documents it asks for, so fewer, larger queries; the result stays in Arrow form
# (about 4 MB per 1,000 documents) and becomes Python objects a slice at a time.
FETCH_DOCS = 5 * BATCH_DOCS
_ROWS_PER_SLICE = 50_000


def _sentences(con, doc_ids: list[str]):
    """(doc_id, its sentences) for every document of doc_ids that has sentences, in doc_id order."""
    if not doc_ids:
        return
    table = con.execute("""
        SELECT doc_id, sentence_idx, start_char, end_char, text, section, repeat_of FROM sentences
        WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, sentence_idx""", [doc_ids]).to_arrow_table()

    def rows():
        for part in table.to_batches(max_chunksize=_ROWS_PER_SLICE):
            yield from zip(*(column.to_pylist() for column in part.columns))

    for doc_id, part in itertools.groupby(rows(), key=itemgetter(0)):
        yield doc_id, [Sentence(r[1], r[2], r[3], r[4], r[5], r[6]) for r in part]


def validate(table: str, rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid rows, rejects) for one fact table, checked against its pandera model."""
    model = schemas.FACT_TABLES[table]
    frame = _frame(model, rows)
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


def _frame(model: type, rows: list[dict]) -> pl.DataFrame:
    """schemas.frame_from_rows built column by column: the same frame in about half the time.

    Column-wise and row-wise construction treat a few odd values differently: row-wise polars
    refuses a string or datetime in a Date column and reads a string in a List column as NULL,
    while column-wise it would parse or split them; column-wise it refuses mixed types that
    row-wise casts. Rows holding such values go through frame_from_rows itself, so the frame
    (or the error) is always the one frame_from_rows gives."""
    schema = schemas.polars_schema(model)
    columns = {name: [r.get(name) for r in rows] for name in schema}
    for name, dtype in schema.items():
        if dtype == pl.Date:
            if any(v is not None and type(v) is not dt.date for v in columns[name]):
                return schemas.frame_from_rows(model, rows)
        elif isinstance(dtype, pl.List):
            if any(v is not None and type(v) not in (list, tuple) for v in columns[name]):
                return schemas.frame_from_rows(model, rows)
    try:
        return pl.DataFrame(columns, schema=schema)
    except Exception:       # noqa: BLE001 - polars raises several kinds; the row-wise build decides
        return schemas.frame_from_rows(model, rows)


def publish(settings: Settings) -> None:
    warehouse.publish(settings.work_path, settings.warehouse_path)


def open_work(settings: Settings) -> duckdb.DuckDBPyConnection:
    return warehouse.open_working(settings.work_path, settings.warehouse_path)
