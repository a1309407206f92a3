"""Run a pure function of one document over many documents: in this process, on a pool of
local processes, or on a Dask cluster.

Splitting sentences and extracting facts are pure functions of one document, so they
parallelise; the warehouse keeps a single writer: results come back, in input order, to
the one process that writes them. Which engine runs the work is a setting:

- `DASK_SCHEDULER_ADDRESS` (e.g. `tcp://scheduler:8786`): the documents go to that Dask
  cluster's workers (`dask.distributed.Client`). The workers need this project's code and
  dependencies (the same image or `pip install -r requirements.txt` plus the project on
  their path); a worker running other extraction code is refused (the extractor
  fingerprint travels with every result).
- else `EXTRACT_WORKERS` local processes (default: the machine's CPU count); 1 means no
  pool, everything in this process. Small jobs (a few documents) never start a pool.

Work is sent in chunks of `EXTRACT_CHUNK_DOCS` documents (default 100), with a bounded
number of chunks in flight, so memory stays flat however many documents there are."""
from __future__ import annotations

import multiprocessing
import os
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

DEFAULT_CHUNK_DOCS = 100
# Below this many documents a pool costs more to start than it saves.
MIN_DOCS_FOR_POOL = 200


class ParallelConfigError(ValueError):
    """A parallelism setting from the environment that cannot work; the message says which."""


@dataclass(frozen=True)
class EngineSettings:
    workers: int                     # local processes (1: this process)
    scheduler_address: str | None    # Dask scheduler; overrides workers
    chunk_docs: int = DEFAULT_CHUNK_DOCS

    @property
    def engine(self) -> str:
        if self.scheduler_address:
            return "dask"
        return "processes" if self.workers > 1 else "serial"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "EngineSettings":
        env = os.environ if environ is None else environ
        workers = _positive_int(env, "EXTRACT_WORKERS", os.cpu_count() or 1)
        chunk = _positive_int(env, "EXTRACT_CHUNK_DOCS", DEFAULT_CHUNK_DOCS)
        address = (env.get("DASK_SCHEDULER_ADDRESS") or "").strip() or None
        return cls(workers=workers, scheduler_address=address, chunk_docs=chunk)


def _positive_int(env, name: str, default: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ParallelConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise ParallelConfigError(f"{name} must be at least 1, got {value}")
    return value


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last one shorter); an iterator is consumed as the chunks are."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@contextmanager
def engine(settings: EngineSettings | None = None, n_docs: int | None = None):
    """A `map(fn, chunks)` that runs `fn` on every chunk and yields the results in input
    order. `fn` must be a module-level function (it is pickled by name)."""
    settings = settings or EngineSettings.from_env()
    if settings.engine == "dask":
        with _dask_map(settings) as fn:
            yield fn
    elif settings.engine == "processes" and (n_docs is None or n_docs >= MIN_DOCS_FOR_POOL):
        with _process_map(settings) as fn:
            yield fn
    else:
        yield _serial_map


def _serial_map(fn: Callable[[list], Any], chunk_iter: Iterable[list]) -> Iterator[Any]:
    for chunk in chunk_iter:
        yield fn(chunk)


def _in_order(submit: Callable[[list], Any], result_of: Callable[[Any], Any], chunk_iter: Iterable[list],
              in_flight: int) -> Iterator[Any]:
    """Submit chunks, keeping at most `in_flight` outstanding, and yield results in order."""
    pending: deque = deque()
    for chunk in chunk_iter:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield result_of(pending.popleft())
    while pending:
        yield result_of(pending.popleft())


_PRELOAD = ["pipeline.extract", "pipeline.text", "pipeline.parallel"]


@contextmanager
def _process_map(settings: EngineSettings):
    # forkserver: workers start from a clean, single-threaded server process that has
    # imported the extractor once, never from this (multi-threaded: DuckDB, Dagster) process.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    pool = ProcessPoolExecutor(max_workers=settings.workers, mp_context=ctx)
    # Enough chunks queued that the workers stay busy while this process writes a batch of results
    # (it does not submit meanwhile); the queue holds documents, not results, so memory stays small.
    in_flight = 4 * settings.workers + 1
    try:
        def run(fn, chunk_iter):
            return _in_order(lambda c: pool.submit(fn, c), Future.result, chunk_iter, in_flight)
        yield run
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _dask_map(settings: EngineSettings):
    from dask.distributed import Client

    client = Client(settings.scheduler_address, set_as_default=False)
    try:
        n_workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))

        def run(fn, chunk_iter):
            return _in_order(lambda c: client.submit(fn, c, pure=False), lambda f: f.result(), chunk_iter,
                             2 * n_workers + 1)
        yield run
    finally:
        client.close()


# ----------------------------------------------------------------------------------------
# The work: module-level functions, so local processes and Dask workers can run them.
# ----------------------------------------------------------------------------------------

def describe_chunk(docs: list) -> list[dict]:
    """[RawDocument] -> [its raw_documents row] (pipeline.documents.describe)."""
    from pipeline.documents import describe

    return [describe(d) for d in docs]


def split_chunk(items: list[tuple[str, str, str | None]]) -> list[tuple[str, list]]:
    """[(doc_id, text, title)] -> [(doc_id, sentences)]."""
    from pipeline.text import split_sentences

    return [(doc_id, split_sentences(text, title)) for doc_id, text, title in items]


SENTENCE_COLUMNS = ("doc_id", "sentence_idx", "start_char", "end_char", "text", "section", "repeat_of")


def split_chunk_columns(items: list[tuple[str, str, str | None]]) -> dict[str, list]:
    """split_chunk as the sentences table's columns (SENTENCE_COLUMNS: one list per column,
    documents in input order). Lists of plain values cross process boundaries several times
    faster than Sentence objects, which the writer would only take apart again."""
    from pipeline.text import split_sentences

    columns: dict[str, list] = {name: [] for name in SENTENCE_COLUMNS}
    doc_ids, idxs, starts, ends, texts, sections, repeats = columns.values()
    for doc_id, text, title in items:
        for s in split_sentences(text, title):
            doc_ids.append(doc_id)
            idxs.append(s.idx)
            starts.append(s.start)
            ends.append(s.end)
            texts.append(s.text)
            sections.append(s.section)
            repeats.append(s.repeat_of)
    return columns


@dataclass(frozen=True)
class ExtractionFailure:
    """A document the extractors raised an error on: the reason, kept for `rejects`."""
    reason: str


def extract_chunk(items: list[tuple]) -> tuple[str, list[tuple[str, dict[str, list[dict]] | ExtractionFailure]]]:
    """[(doc_id, sentences, published)] -> (extractor version, [(doc_id, rows per table, or the
    failure)]).

    The version lets the writer refuse results computed by other code (a cluster worker
    with an older copy of the project)."""
    from pipeline.extract import extractor_version

    return extractor_version(), [(doc_id, _extract_one(doc_id, sentences, published))
                                 for doc_id, sentences, published in items]


def _extract_one(doc_id: str, sentences, published) -> dict[str, list[dict]] | ExtractionFailure:
    from pipeline.extract import extract_document

    try:
        return extract_document(doc_id, sentences, published)
    except Exception as exc:       # noqa: BLE001 - a rule failing on one document must not stop the others
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return ExtractionFailure(f"extraction failed: {type(exc).__name__}: {exc} "
                                 f"(at {Path(frame.filename).name}:{frame.lineno})")


class WorkerVersionError(RuntimeError):
    """A worker ran different extraction code than the process that writes the warehouse."""


def check_worker_version(worker: str, expected: str) -> None:
    if worker != expected:
        raise WorkerVersionError(f"a worker extracted with code version {worker}, this process has {expected}; "
                                 f"deploy the same version of the project to every worker")


def extract_documents(items: Sequence[tuple], settings: EngineSettings | None = None,
                      expected_version: str | None = None) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """(doc_id, rows per table) for every (doc_id, sentences, published), in input order."""
    settings = settings or EngineSettings.from_env()
    with engine(settings, len(items)) as run:
        for version, results in run(extract_chunk, chunks(items, settings.chunk_docs)):
            if expected_version is not None:
                check_worker_version(version, expected_version)
            yield from results
