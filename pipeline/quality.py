"""Data-quality checks over the warehouse tables, as SQL. Each returns (passed, details).

Each check looks at the rows of some documents (`docs`: the ones a run extracted; the others
were checked by the run that wrote them and have not changed since) or, with docs None, at
every row."""
from __future__ import annotations

from typing import Sequence

import duckdb

from pipeline import schemas

# Columns that identify a fact; two rows of one document equal on these are one fact told twice.
FACT_KEYS = {
    "trade_figures": ("flow", "reporter", "partner", "value", "unit", "period_start", "period_end", "kind",
                      "change_pct", "commodity"),
    "company_counts": ("company_count", "company_country", "host_country"),
    "agreements": ("agreement_type", "status", "signed_date", "parties", "agreement_count", "evidence"),
    "events": ("event_type", "event_date", "location", "evidence"),
    "people": ("name",),
}


def _scope(docs: Sequence[str] | None, alias: str = "") -> tuple[str, list]:
    """SQL condition and parameters limiting a check to some documents' rows (None: every row)."""
    if docs is None:
        return "TRUE", []
    return f"{alias}doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(docs)]


def rejected_rows(con: duckdb.DuckDBPyConnection, table: str, docs: Sequence[str] | None = None) -> tuple[bool, dict]:
    where, params = _scope(docs)
    n, sample = con.execute(
        f"SELECT count(*), list(reason ORDER BY doc_id)[1:3] FROM rejects WHERE table_name = ? AND {where}",
        [table, *params]).fetchone()
    return n == 0, {"rejected_rows": n, "sample_reasons": "\n".join(sample or [])}


def duplicate_facts(con: duckdb.DuckDBPyConnection, table: str, docs: Sequence[str] | None = None) -> tuple[bool, dict]:
    keys = ", ".join(("doc_id",) + FACT_KEYS[table])
    where, params = _scope(docs)
    n = con.execute(f"SELECT coalesce(sum(c - 1), 0) FROM (SELECT count(*) AS c FROM {table} WHERE {where} "
                    f"GROUP BY {keys} HAVING count(*) > 1)", params).fetchone()[0]
    return n == 0, {"duplicate_rows": int(n)}


def evidence_matches_source(con: duckdb.DuckDBPyConnection, table: str,
                            docs: Sequence[str] | None = None) -> tuple[bool, dict]:
    """Every row's evidence is the text at its offsets in its document, and is not chrome."""
    where, params = _scope(docs, "f.")
    n = con.execute(f"""
        SELECT count(*) FROM {table} f JOIN raw_documents r USING (doc_id)
        WHERE {where} AND (f.evidence IS NULL OR f.evidence = ''
           OR substring(r.text, f.evidence_start + 1, f.evidence_end - f.evidence_start) <> f.evidence)""",
                    params).fetchone()[0]
    orphans = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
    return n == 0 and orphans == 0, {"rows_with_bad_evidence": n, "rows_without_document": orphans}


def dates_plausible(con: duckdb.DuckDBPyConnection, table: str, docs: Sequence[str] | None = None) -> tuple[bool, dict]:
    """Facts are not dated after their article was published (an announced event: not more than a year after)."""
    col = {"trade_figures": "period_start", "agreements": "signed_date", "events": "event_date"}.get(table)
    if col is None:
        return True, {"rows_after_publication": 0}
    limit = {"trade_figures": "d.published_date AND f.kind = 'actual'",
             "agreements": "d.published_date AND f.status = 'signed'",
             "events": "d.published_date + INTERVAL 366 DAY"}[table]
    where, params = _scope(docs, "f.")
    n = con.execute(f"""
        SELECT count(*) FROM {table} f JOIN documents d USING (doc_id)
        WHERE {where} AND d.published_date IS NOT NULL AND f.{col} > {limit}""", params).fetchone()[0]
    return n == 0, {"rows_after_publication": n}


CHECKS = {
    "valid": rejected_rows,
    "no_duplicates": duplicate_facts,
    "evidence_matches_source": evidence_matches_source,
    "dates_plausible": dates_plausible,
}
TABLES = tuple(schemas.FACT_TABLES)
