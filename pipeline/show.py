"""Quick look without Dagster or a warehouse: the facts found in one article, as text tables.

    python -m pipeline show seeds/FILE.txt [--table trade_figures] [--no-evidence]
"""
from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline import schemas
from pipeline.documents import describe
from pipeline.extract import extract_document
from pipeline.read import IngestError, read_seed_file
from pipeline.text import split_sentences

# Bookkeeping columns that say nothing to a reader looking at one article.
_HIDDEN = {"doc_id", "evidence_start", "evidence_end", "event_id"}


def facts_of_file(path: Path) -> tuple[dict, dict[str, pl.DataFrame]]:
    """(document row, fact frames per table) for one file. Raises ValueError for a file that cannot be read."""
    path = Path(path)
    raw = read_seed_file(path.resolve(), path.resolve().parent)
    if isinstance(raw, IngestError):
        raise ValueError(f"{path}: {raw.error_kind}: {raw.reason}")
    doc = describe(raw)
    sentences = split_sentences(doc["text"], doc["title"])
    rows = extract_document(doc["doc_id"], sentences, doc["published_date"])
    return doc, {table: schemas.frame_from_rows(schemas.FACT_TABLES[table], rows[table]) for table in rows}


def render(doc: dict, frames: dict[str, pl.DataFrame], evidence: bool = True) -> str:
    out = [f"file:       {doc['source_file']}",
           f"title:      {doc['title']}",
           f"published:  {doc['published_date']} ({doc['published_date_source'] or 'not stated'})",
           f"doc_id:     {doc['doc_id']}", ""]
    for table, frame in frames.items():
        out.append(f"== {table}: {frame.height} row(s)")
        if frame.height == 0:
            out.append("")
            continue
        cols = [c for c in frame.columns if c not in _HIDDEN and (evidence or c != "evidence")]
        with pl.Config(tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=400, tbl_width_chars=250,
                       tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True, fmt_float="full"):
            out.append(str(frame.select(cols)))
        out.append("")
    return "\n".join(out)
