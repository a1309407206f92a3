"""The analytic tables: answers built from the fact tables in SQL.

Each table's columns are its pandera model in pipeline.schemas (the DDL and COMMENTs come
from there); the SELECTs here fill them. Every row of an analytic table depends only on the
facts with the same key (a pair of countries, or a person), so after a run that changed a few
documents only the keys those documents touch, before and after, are rebuilt (`refresh`);
a first build, a change of these SELECTs, or a run that changed many documents rebuilds all."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import duckdb
import pandera.polars as pa

from pipeline import schemas, warehouse

# Two reports of one figure that differ by more than this are a conflict, not rounding
# ("$1.2 billion" and "$1.23 billion" agree; "$1.2 billion" and "$1.5 billion" do not).
CONFLICT_SPREAD_PCT = 2.0

# Trade figures with a direction-aware pair: for exports and imports, a = where the goods
# come from and b = where they go, so "Iran's exports to Kazakhstan" and "Kazakhstan's
# imports from Iran" land on the same pair; for totals the pair is sorted.
_TRADE_PAIRS = """
    SELECT t.*, d.source_file, d.published_date,
           CASE t.flow WHEN 'export' THEN t.reporter WHEN 'import' THEN t.partner
                       ELSE coalesce(least(t.reporter, t.partner), t.reporter, t.partner) END AS country_a,
           CASE t.flow WHEN 'export' THEN t.partner WHEN 'import' THEN t.reporter
                       ELSE CASE WHEN t.reporter IS NULL OR t.partner IS NULL THEN NULL
                                 ELSE greatest(t.reporter, t.partner) END END AS country_b
    FROM @trade_figures t JOIN @documents d USING (doc_id)"""


def _readable(col: str) -> str:
    """SQL for a value as a reader writes it: 1.2 bn, 450 m, 12,500."""
    return (f"CASE WHEN {col} >= 1e9 THEN printf('%.4g bn', {col} / 1e9) "
            f"WHEN {col} >= 1e6 THEN printf('%.4g m', {col} / 1e6) ELSE printf('%,.0f', {col}) END")


def _pairs(countries: str, first: str, none: str) -> str:
    """SQL: the country pairs a row stands for, as a list of {a, b} structs: each pair of its
    distinct countries once with a < b; with one distinct country, (`first`, NULL); with none and
    `none` true, (NULL, NULL); else no pair. `countries` must be sorted and distinct.

    A list expression unnested in the SELECT list: the same rows as a LATERAL join of the list with
    itself, which DuckDB runs row by row (seconds per 100k rows)."""
    pair = "STRUCT(a VARCHAR, b VARCHAR)"
    return (f"CASE WHEN len({countries}) >= 2 THEN flatten(list_transform({countries}, lambda x: "
            f"list_transform(list_filter({countries}, lambda y: x < y), lambda y: {{'a': x, 'b': y}}::{pair})))"
            f" WHEN len({countries}) = 1 THEN [{{'a': {first}, 'b': NULL}}::{pair}]"
            f" WHEN {none} THEN [{{'a': NULL, 'b': NULL}}::{pair}]"
            f" ELSE []::{pair}[] END")


def _with_pairs(table: str, column: str) -> str:
    """Every row of a fact table with a list of countries, once per pair of them (see _pairs):
    all its columns plus country_a and country_b."""
    distinct = f"list_sort(list_distinct(coalesce({column}, [])))"
    pairs = _pairs(distinct, f"{column}[1]", f"len(coalesce({column}, [])) = 0")
    return (f"SELECT * EXCLUDE (_pair), struct_extract(_pair, 'a') AS country_a, struct_extract(_pair, 'b') AS "
            f"country_b FROM (SELECT *, unnest({pairs}) AS _pair FROM {table})")


_SQL = {
    "trade_timeline": f"""
        WITH t AS ({_TRADE_PAIRS}),
        keyed AS (
            -- a figure without a period cannot be matched with another article's: keep it apart
            SELECT *, CASE WHEN period_start IS NULL AND period_end IS NULL
                           THEN doc_id || ':' || coalesce(CAST(value AS VARCHAR), CAST(change_pct AS VARCHAR))
                           ELSE '' END AS undated_key
            FROM t)
        SELECT country_a, country_b, flow, commodity, kind, unit, period_start, period_end,
               median(value) AS value, min(value) AS value_min, max(value) AS value_max,
               CASE WHEN min(value) > 0 THEN (max(value) - min(value)) / min(value) * 100 END AS spread_pct,
               coalesce((max(value) - min(value)) / nullif(min(value), 0) * 100 > {CONFLICT_SPREAD_PCT}, false) AS conflict,
               median(change_pct) AS change_pct,
               count(DISTINCT doc_id)::INTEGER AS report_count,
               list(DISTINCT {{'doc_id': doc_id, 'source_file': source_file, 'published_date': published_date,
                               'value': value}}
                    ORDER BY {{'doc_id': doc_id, 'source_file': source_file, 'published_date': published_date,
                               'value': value}}) AS sources,
               arg_min(evidence, (coalesce(published_date, DATE '9999-12-31'), source_file, evidence_start)) AS evidence
        FROM keyed
        GROUP BY country_a, country_b, flow, commodity, kind, unit, period_start, period_end, undated_key
        ORDER BY country_a, country_b, period_start NULLS LAST, flow, kind""",

    "relations_timeline": """
        WITH trade AS ({trade_pairs}),
        agreement_pairs AS ({agreement_pairs}),
        event_pairs AS ({event_pairs}),
        facts AS (
            SELECT least(country_a, coalesce(country_b, country_a)) AS country_a,
                   CASE WHEN country_b IS NOT NULL THEN greatest(country_a, country_b) END AS country_b,
                   coalesce(period_start, period_end, published_date) AS date_start,
                   coalesce(period_end, period_start, published_date) AS date_end,
                   CASE WHEN period_start IS NOT NULL OR period_end IS NOT NULL THEN 'period'
                        WHEN published_date IS NOT NULL THEN 'published' END AS date_basis,
                   'trade_figure' AS fact_type,
                   concat_ws(' ', flow, CASE WHEN flow = 'total' THEN concat_ws('-', country_a, country_b)
                                             ELSE concat_ws('->', country_a, country_b) END,
                             commodity, {value}, unit,
                             CASE WHEN change_pct IS NOT NULL THEN printf('%+g%%', change_pct) END,
                             '(' || kind || ')') AS summary,
                   evidence, doc_id, source_file, published_date, evidence_start
            FROM trade
            UNION ALL
            SELECT p.country_a, p.country_b, coalesce(p.signed_date, d.published_date), coalesce(p.signed_date, d.published_date),
                   CASE WHEN p.signed_date IS NOT NULL THEN 'signed' WHEN d.published_date IS NOT NULL THEN 'published' END,
                   'agreement',
                   concat_ws(' ', p.status, coalesce(CAST(p.agreement_count AS VARCHAR), 'some'), p.agreement_type,
                             array_to_string(p.parties, '-'),
                             CASE WHEN p.value IS NOT NULL THEN 'worth ' || {agreement_value} || ' ' || p.unit END),
                   p.evidence, p.doc_id, d.source_file, d.published_date, p.evidence_start
            FROM agreement_pairs p JOIN @documents d USING (doc_id)
            UNION ALL
            SELECT p.country_a, p.country_b, coalesce(p.event_date, d.published_date), coalesce(p.event_date, d.published_date),
                   CASE WHEN p.event_date IS NOT NULL THEN 'event' WHEN d.published_date IS NOT NULL THEN 'published' END,
                   'event', concat_ws(' ', p.event_type, 'in ' || p.location, array_to_string(p.countries, '-')),
                   p.evidence, p.doc_id, d.source_file, d.published_date, p.evidence_start
            FROM event_pairs p JOIN @documents d USING (doc_id)
            UNION ALL
            SELECT least(c.company_country, coalesce(c.host_country, c.company_country)),
                   CASE WHEN c.host_country IS NOT NULL AND c.company_country IS NOT NULL
                        THEN greatest(c.company_country, c.host_country) END,
                   d.published_date, d.published_date, CASE WHEN d.published_date IS NOT NULL THEN 'published' END,
                   'company_count',
                   concat_ws(' ', CASE WHEN c.approximate THEN 'about' END, CAST(c.company_count AS VARCHAR),
                             c.company_country, 'companies in', c.host_country),
                   c.evidence, c.doc_id, d.source_file, d.published_date, c.evidence_start
            FROM @company_counts c JOIN @documents d USING (doc_id))
        SELECT * EXCLUDE (evidence_start) FROM facts
        ORDER BY country_a NULLS LAST, country_b NULLS LAST, date_start NULLS LAST, source_file, evidence_start,
                 fact_type""".format(trade_pairs=_TRADE_PAIRS, value=_readable("value"), agreement_value=_readable("p.value"),
                             agreement_pairs=_with_pairs("@agreements", "parties"),
                             event_pairs=_with_pairs("@events", "countries")),

    "agreements_summary": """
        WITH pairs AS (
            SELECT a.*, d.source_file, d.published_date,
                   list_sort(list_distinct(coalesce(a.parties, []))) AS ps
            FROM @agreements a JOIN @documents d USING (doc_id)),
        -- one signing reported by several articles: same parties, type, status, count and date
        signings AS (
            SELECT ps, agreement_type, status,
                   coalesce(signed_date, published_date) AS on_date,
                   max(agreement_count) AS agreement_count, bool_or(agreement_count IS NULL) AS count_missing,
                   max(CASE WHEN unit = 'USD' THEN value END) AS value_usd,
                   list(DISTINCT source_file) AS source_files
            FROM pairs
            GROUP BY ps, agreement_type, status, coalesce(signed_date, published_date), agreement_count,
                     CASE WHEN signed_date IS NULL THEN doc_id END),
        by_pair AS (
            SELECT * EXCLUDE (_pair), struct_extract(_pair, 'a') AS country_a, struct_extract(_pair, 'b') AS country_b
            FROM (SELECT *, unnest({pairs}) AS _pair FROM signings))
        SELECT country_a, country_b, year(on_date)::INTEGER AS year, status, agreement_type,
               sum(coalesce(agreement_count, 1))::INTEGER AS agreements, bool_or(count_missing) AS count_is_minimum,
               sum(value_usd) AS value_usd,
               len(list_distinct(flatten(list(source_files))))::INTEGER AS report_count,
               list_sort(list_distinct(flatten(list(source_files)))) AS source_files,
               min(on_date) AS first_date, max(on_date) AS last_date
        FROM by_pair
        GROUP BY country_a, country_b, year(on_date), status, agreement_type
        ORDER BY country_a NULLS LAST, country_b NULLS LAST, year NULLS LAST, status, agreement_type""".format(
        pairs=_pairs("ps", "ps[1]", "len(ps) = 0")),

    "company_presence": """
        WITH c AS (
            SELECT c.*, d.source_file, d.published_date FROM @company_counts c JOIN @documents d USING (doc_id))
        SELECT company_country, host_country,
               arg_max(company_count, ordering)::INTEGER AS latest_count,
               arg_max(approximate, ordering) AS latest_approximate,
               arg_max(published_date, ordering) AS as_of,
               arg_max(source_file, ordering) AS latest_source_file,
               arg_max(evidence, ordering) AS latest_evidence,
               count(DISTINCT doc_id)::INTEGER AS report_count,
               list({'as_of': published_date, 'company_count': company_count, 'approximate': approximate,
                     'source_file': source_file} ORDER BY published_date NULLS FIRST, source_file, company_count) AS history
        FROM (SELECT *, (coalesce(published_date, DATE '0001-01-01'), source_file, evidence_start) AS ordering FROM c)
        GROUP BY company_country, host_country
        ORDER BY company_country NULLS LAST, host_country NULLS LAST""",

    "people_directory": """
        WITH p AS (
            SELECT p.*, d.source_file, d.published_date FROM @people p JOIN @documents d USING (doc_id)),
        took_part AS (
            SELECT p.name, p.country, e.event_type, e.event_date, e.location, p.source_file
            FROM p, unnest(coalesce(p.event_ids, [])) AS u(event_id) JOIN @events e ON e.event_id = u.event_id)
        SELECT p.name, p.country,
               list_sort(list_distinct(list(p.role))) AS roles,
               count(DISTINCT p.doc_id)::INTEGER AS document_count,
               (SELECT list({'event_type': t.event_type, 'event_date': t.event_date, 'location': t.location,
                             'source_file': t.source_file} ORDER BY t.event_date NULLS LAST, t.source_file, t.event_type, t.location NULLS FIRST)
                FROM took_part t WHERE t.name = p.name AND t.country IS NOT DISTINCT FROM p.country) AS events,
               min(p.published_date) AS first_seen, max(p.published_date) AS last_seen
        FROM p
        GROUP BY p.name, p.country
        ORDER BY p.name, p.country NULLS LAST""",
}


_SOURCES = ("trade_figures", "company_counts", "agreements", "events", "people", "documents")


def _select(table: str, docs: str | None = None) -> str:
    """The SELECT that fills `table`, over every document's facts, or (docs: the name of a table
    of doc_ids) over those documents' facts only."""
    sql = _SQL[table]
    for source in _SOURCES:
        sql = sql.replace(f"@{source}", source if docs is None else
                          f"(SELECT * FROM {source} WHERE doc_id IN (SELECT doc_id FROM {docs}))")
    return sql


# relations_timeline has one row per fact, so it is refreshed by document. The other tables
# aggregate over documents: their rows are refreshed by key, a pair of countries in either
# order (one country or none where a row names fewer) or a person; the same expression
# over every table, so keys compare.
_PAIR_KEY = "array_to_string(list_sort(list_filter([{a}, {b}], x -> x IS NOT NULL)), '-')"
_ROW_KEY = {
    "trade_timeline": _PAIR_KEY.format(a="country_a", b="country_b"),
    "agreements_summary": _PAIR_KEY.format(a="country_a", b="country_b"),
    "company_presence": _PAIR_KEY.format(a="company_country", b="host_country"),
    "people_directory": "name || '|' || coalesce(country, '')",
}
_BY_DOCUMENT = "relations_timeline"
# The keys each document contributes to, read once relations_timeline is up to date for it: that
# table states every trade figure, company count, agreement and event of a document by pair (the
# pairs the other tables group on); people holds the persons.
_DOC_KEYS = """
    SELECT DISTINCT doc_id, {pair_key} AS key FROM relations_timeline WHERE doc_id IN (SELECT doc_id FROM {docs})
    UNION
    SELECT DISTINCT doc_id, {person_key} AS key FROM people WHERE doc_id IN (SELECT doc_id FROM {docs})"""
# A document's inputs to the analytic tables: its facts (by extractor version) and the columns of
# `documents` the SELECTs read.
_DOC_INPUTS = """
    SELECT d.doc_id, md5(concat_ws('|', d.source_file, CAST(d.published_date AS VARCHAR), e.extractor_version)) AS inputs
    FROM documents d LEFT JOIN extraction_log e USING (doc_id)"""
# Past this share of changed documents (and this many), rebuilding everything reads less than
# refreshing key by key.
FULL_REBUILD_SHARE = 0.2
FULL_REBUILD_MIN_DOCS = 500


def _doc_keys(docs: str) -> str:
    return _DOC_KEYS.format(pair_key=_PAIR_KEY.format(a="country_a", b="country_b"),
                            person_key=_ROW_KEY["people_directory"], docs=docs)


def _version() -> str:
    """Fingerprint of the SELECTs and the table definitions: when it changes, rebuild all."""
    text = "\n".join(_SQL[t] for t in schemas.ANALYTIC_TABLES) + _DOC_KEYS + _DOC_INPUTS + warehouse.schema_fingerprint()
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class Refresh:
    mode: str           # "full", "changed" (the rows changed documents touch, before and after) or "none"
    changed_docs: int = 0
    keys: int = 0                              # keys rebuilt ("changed" mode)
    rows: dict[str, int] = field(default_factory=dict)    # rows per table after the refresh


def _ensure_bookkeeping(con: duckdb.DuckDBPyConnection) -> None:
    # internal tables: what each document fed into the analytic tables at the last refresh
    con.execute("CREATE TABLE IF NOT EXISTS _analytics_inputs (doc_id VARCHAR PRIMARY KEY, inputs VARCHAR)")
    con.execute("CREATE TABLE IF NOT EXISTS _analytics_keys (doc_id VARCHAR, key VARCHAR)")


def refresh(con: duckdb.DuckDBPyConnection, *, full: bool = False) -> Refresh:
    """Bring every analytic table up to date with the fact tables, in one transaction."""
    _ensure_bookkeeping(con)
    version = _version()
    row = con.execute("SELECT value FROM _meta WHERE key = 'analytics_version'").fetchone()
    with warehouse.transaction(con):
        con.execute(f"CREATE OR REPLACE TEMP TABLE _changed AS SELECT DISTINCT doc_id FROM ("
                    f"(SELECT doc_id, inputs FROM ({_DOC_INPUTS}) EXCEPT SELECT doc_id, inputs FROM _analytics_inputs) "
                    f"UNION ALL (SELECT doc_id, inputs FROM _analytics_inputs EXCEPT SELECT doc_id, inputs FROM ({_DOC_INPUTS})))")
        changed = con.execute("SELECT count(*) FROM _changed").fetchone()[0]
        total = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        if full or row is None or row[0] != version or changed > max(FULL_REBUILD_MIN_DOCS, FULL_REBUILD_SHARE * total):
            result = _rebuild_all(con, changed)
            con.execute("INSERT OR REPLACE INTO _meta VALUES ('analytics_version', ?)", [version])
        elif changed == 0:
            con.execute("CREATE OR REPLACE TEMP TABLE _refreshed_docs (doc_id VARCHAR)")
            con.execute("CREATE OR REPLACE TEMP TABLE _refreshed_keys (key VARCHAR)")
            result = Refresh("none")
        else:
            result = _rebuild_changed(con, changed)
        result.rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in schemas.ANALYTIC_TABLES}
    return result


def _rebuild_all(con: duckdb.DuckDBPyConnection, changed: int) -> Refresh:
    for table in schemas.ANALYTIC_TABLES:
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} BY NAME {_select(table)}")
    con.execute("DELETE FROM _analytics_inputs")
    con.execute(f"INSERT INTO _analytics_inputs {_DOC_INPUTS}")
    con.execute("CREATE OR REPLACE TEMP TABLE _refreshed_docs AS SELECT doc_id FROM documents")
    con.execute("DELETE FROM _analytics_keys")
    con.execute(f"INSERT INTO _analytics_keys {_doc_keys('_refreshed_docs')}")
    con.execute("CREATE OR REPLACE TEMP TABLE _refreshed_keys AS SELECT DISTINCT key FROM _analytics_keys")
    return Refresh("full", changed_docs=changed)


def _rebuild_changed(con: duckdb.DuckDBPyConnection, changed: int) -> Refresh:
    con.execute("CREATE OR REPLACE TEMP TABLE _refreshed_docs AS SELECT doc_id FROM _changed")
    con.execute(f"DELETE FROM {_BY_DOCUMENT} WHERE doc_id IN (SELECT doc_id FROM _changed)")
    con.execute(f"INSERT INTO {_BY_DOCUMENT} BY NAME {_select(_BY_DOCUMENT, '_changed')}")
    # the keys the changed documents touched at the last refresh, and touch now
    con.execute("CREATE OR REPLACE TEMP TABLE _refreshed_keys AS "
                "SELECT key FROM _analytics_keys WHERE doc_id IN (SELECT doc_id FROM _changed)")
    con.execute("DELETE FROM _analytics_keys WHERE doc_id IN (SELECT doc_id FROM _changed)")
    con.execute(f"INSERT INTO _analytics_keys {_doc_keys('_changed')}")
    con.execute("INSERT INTO _refreshed_keys SELECT key FROM _analytics_keys WHERE doc_id IN (SELECT doc_id FROM _changed) "
                "EXCEPT SELECT key FROM _refreshed_keys")
    con.execute("DELETE FROM _analytics_inputs WHERE doc_id IN (SELECT doc_id FROM _changed)")
    con.execute(f"INSERT INTO _analytics_inputs SELECT * FROM ({_DOC_INPUTS}) WHERE doc_id IN (SELECT doc_id FROM _changed)")
    # every fact with a touched key is in a document that has that key
    con.execute("CREATE OR REPLACE TEMP TABLE _key_docs AS SELECT DISTINCT doc_id FROM _analytics_keys "
                "WHERE key IN (SELECT key FROM _refreshed_keys)")
    for table, key in _ROW_KEY.items():
        touched = f"{key} IN (SELECT key FROM _refreshed_keys)"
        con.execute(f"DELETE FROM {table} WHERE {touched}")
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM ({_select(table, '_key_docs')}) WHERE {touched}")
    keys = con.execute("SELECT count(*) FROM _refreshed_keys").fetchone()[0]
    return Refresh("changed", changed_docs=changed, keys=keys)


def validate(con: duckdb.DuckDBPyConnection, table: str, *, refreshed_only: bool = False) -> tuple[bool, dict]:
    """The table as built against its pandera model: (passed, details). `refreshed_only`: only the
    rows the last `refresh` on this connection rebuilt (the others passed before)."""
    where = ""
    if refreshed_only:
        where = (" WHERE doc_id IN (SELECT doc_id FROM _refreshed_docs)" if table == _BY_DOCUMENT
                 else f" WHERE {_ROW_KEY[table]} IN (SELECT key FROM _refreshed_keys)")
    frame = warehouse.read_frame(con, f"SELECT * FROM {table}{where}")
    try:
        schemas.ANALYTIC_TABLES[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        return False, {"failures": cases.height, "sample": str(cases.head(5))}
    return True, {"rows": frame.height}
