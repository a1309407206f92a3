"""The tables of the warehouse, defined once.

Each pandera model is the single source of truth for a table: its columns, types,
nullability, allowed values and descriptions. The DuckDB DDL and COMMENTs
(`pipeline.warehouse`) and the Dagster column metadata (`assets`) are generated
from these classes, never copied by hand.
"""
from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl

FLOWS = ("total", "export", "import")
KINDS = ("actual", "target", "forecast")
STATUSES = ("signed", "planned", "proposed")
EVENT_TYPES = ("meeting", "visit", "call", "conference", "forum", "summit", "press_conference", "signing", "other")
PLACE_CODE = r"^[A-Z]{2,8}$"          # ISO 3166-1 alpha-3, or a bloc acronym such as EAEU, EU or MERCOSUR
EARLIEST_DATE = dt.date(1950, 1, 1)   # older dates in relations news are almost surely misreadings
LATEST_DATE = dt.date(2100, 12, 31)


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True     # an unexpected column is a bug, not data
        coerce = True


class RawDocument(_Strict):
    """One row per readable seed file: its decoded text and what the file says about itself."""

    doc_id: str = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16},
                           description="First 16 hex digits of the SHA-256 of the file's bytes")
    source_file: str = pa.Field(unique=True, description="Path of the seed file, relative to the seeds folder")
    text: str = pa.Field(description="Decoded article text, front matter removed; offsets in other tables index it")
    title: str = pa.Field(nullable=True, description="Headline from front matter or the first headline-like line")
    outlet: str = pa.Field(nullable=True, description="Publishing outlet from front matter, NULL if not given")
    url: str = pa.Field(nullable=True, description="Source URL from front matter, NULL if not given")
    published_date: dt.date = pa.Field(nullable=True, description="Publication date (front matter, else dateline or byline); never a file time")
    published_date_source: str = pa.Field(nullable=True, isin=["front_matter", "text"],
                                          description="Where published_date came from")
    encoding: str = pa.Field(description="Character encoding the file was decoded from")
    size_bytes: pl.Int64 = pa.Field(ge=1, description="File size in bytes")


class Sentence(_Strict):
    """The sentences of each document with character offsets; chrome lines are kept but flagged."""

    doc_id: str = pa.Field(description="Document the sentence belongs to")
    sentence_idx: pl.Int32 = pa.Field(ge=0, description="0-based position of the sentence in the document")
    start_char: pl.Int32 = pa.Field(ge=0, description="Offset of the first character in documents' text")
    end_char: pl.Int32 = pa.Field(ge=1, description="Offset one past the last character")
    text: str = pa.Field(description="The sentence as it stands in the source")
    section: str = pa.Field(isin=["title", "body", "chrome"],
                            description="title: the headline; body: article text; chrome: page furniture that states no facts")
    repeat_of: pl.Int32 = pa.Field(nullable=True, description="sentence_idx of an earlier sentence this one repeats (a repeated lede); facts come from the first")


class Document(_Strict):
    """Contract table: one row per article."""

    doc_id: str = pa.Field(unique=True, description="Content hash of the seed file (16 hex digits)")
    source_file: str = pa.Field(unique=True, description="Path of the seed file relative to the seeds folder")
    title: str = pa.Field(nullable=True, description="Headline, NULL if none")
    published_date: dt.date = pa.Field(nullable=True, description="Publication date; NULL where neither metadata nor text states it")
    outlet: str = pa.Field(nullable=True, description="Publishing outlet, NULL if unknown")
    url: str = pa.Field(nullable=True, description="Source URL, NULL if unknown")
    sentence_count: pl.Int32 = pa.Field(ge=0, description="Number of non-chrome sentences")


class _Fact(_Strict):
    doc_id: str = pa.Field(description="Document the fact was read from")
    evidence: str = pa.Field(str_length={"min_value": 1}, description="The whole sentence the fact is stated in, as in the source")
    evidence_start: pl.Int32 = pa.Field(ge=0, description="Offset of the evidence sentence in the document text")
    evidence_end: pl.Int32 = pa.Field(ge=1, description="Offset one past the end of the evidence sentence")
    rule: str = pa.Field(description="Name of the extraction rule that produced the row")

    @pa.dataframe_check(description="evidence offsets span the evidence")
    def evidence_span_matches(cls, data) -> pl.LazyFrame:
        lf = data.lazyframe
        return lf.select((pl.col("evidence_end") - pl.col("evidence_start")) == pl.col("evidence").str.len_chars())


class TradeFigure(_Fact):
    """Contract table: trade values, volumes and changes between countries or blocs."""

    flow: str = pa.Field(isin=list(FLOWS), description="total (turnover), export or import")
    reporter: str = pa.Field(nullable=True, str_matches=PLACE_CODE, description="For export: the exporter; for import: the importer; for total: one side")
    partner: str = pa.Field(nullable=True, str_matches=PLACE_CODE, description="The other side of the flow")
    value: float = pa.Field(nullable=True, ge=0, description="Value in base units (USD, not millions); NULL where only a change is stated")
    unit: str = pa.Field(nullable=True, str_matches=r"^([A-Z]{3}|t)$", description="ISO 4217 currency code, or t for tonnes")
    period_start: dt.date = pa.Field(nullable=True, ge=EARLIEST_DATE, le=LATEST_DATE, description="First day of the period (inclusive)")
    period_end: dt.date = pa.Field(nullable=True, ge=EARLIEST_DATE, le=LATEST_DATE, description="Last day of the period (inclusive)")
    kind: str = pa.Field(isin=list(KINDS), description="actual, target or forecast")
    change_pct: float = pa.Field(nullable=True, description="Signed percentage change stated with the figure")
    commodity: str = pa.Field(nullable=True, description="What the figure is limited to (wheat, non-oil goods); NULL for all goods")
    approximate: bool = pa.Field(description="The source qualifies the value (about, nearly, over)")

    @pa.dataframe_check(description="a row states a value or a change")
    def value_or_change(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("value").is_not_null() | pl.col("change_pct").is_not_null())

    @pa.dataframe_check(description="period_start is not after period_end")
    def period_ordered(cls, data) -> pl.LazyFrame:
        lf = data.lazyframe
        return lf.select(pl.col("period_start").is_null() | pl.col("period_end").is_null()
                         | (pl.col("period_start") <= pl.col("period_end")))


class CompanyCount(_Fact):
    """Contract table: how many companies of one country operate in or take part in another."""

    company_count: pl.Int32 = pa.Field(gt=0, description="Number of companies")
    company_country: str = pa.Field(nullable=True, str_matches=PLACE_CODE, description="Whose companies")
    host_country: str = pa.Field(nullable=True, str_matches=PLACE_CODE, description="Where they operate or take part")
    approximate: bool = pa.Field(description="The count is qualified: approximately, over, about")


class Agreement(_Fact):
    """Contract table: agreements, memoranda, roadmaps and contracts, signed or to be signed."""

    agreement_type: str = pa.Field(description="memorandum of understanding, agreement, deal, document, roadmap, contract, ...")
    status: str = pa.Field(isin=list(STATUSES), description="signed, planned (expected to be signed) or proposed")
    signed_date: dt.date = pa.Field(nullable=True, ge=EARLIEST_DATE, le=LATEST_DATE, description="Date of signing where the text dates it")
    parties: pl.List(pl.Utf8) = pa.Field(nullable=True, description="Country or bloc codes of the parties")
    agreement_count: pl.Int32 = pa.Field(nullable=True, gt=0, description="How many agreements the sentence reports; NULL where it says only \"agreements\"")
    value: float = pa.Field(nullable=True, ge=0, description="Stated worth of the agreements in base units, NULL if none")
    unit: str = pa.Field(nullable=True, description="Currency of value")


class Event(_Fact):
    """Contract table: meetings, visits, calls, forums, conferences and summits."""

    event_id: str = pa.Field(unique=True, description="Identifier of the event (document id and its position), referenced by people.event_ids")
    event_type: str = pa.Field(isin=list(EVENT_TYPES), description="meeting, visit, call, conference, forum, summit, press_conference, signing or other")
    event_date: dt.date = pa.Field(nullable=True, ge=EARLIEST_DATE, le=LATEST_DATE, description="Date of the event where the text allows it; never a guess")
    location: str = pa.Field(nullable=True, description="City as written, NULL if none")
    countries: pl.List(pl.Utf8) = pa.Field(nullable=True, description="Countries named in the evidence sentence")


class Person(_Fact):
    """People named with their office in an article, and the events of that article they took part in."""

    name: str = pa.Field(str_length={"min_value": 2}, description="Name as written at its fullest in the article (\"Mukhtar Tleuberdi\")")
    role: str = pa.Field(nullable=True, description="Office as written, without the country (\"Foreign Minister\", \"Minister of Trade and Integration\")")
    country: str = pa.Field(nullable=True, str_matches=PLACE_CODE, description="Country whose office it is (\"Kazakh\", \"of Iran\"), NULL if the text does not say")
    event_ids: pl.List(pl.Utf8) = pa.Field(nullable=True, description="events.event_id of the events of this article the person is named in")


class IngestError(_Strict):
    """Seed files that could not be read, and why; every other file was processed."""

    source_file: str = pa.Field(description="Path of the seed file relative to the seeds folder")
    error_kind: str = pa.Field(description="empty, binary, too_large, undecodable, symlink_outside, unreadable, not_a_file, duplicate_content")
    reason: str = pa.Field(description="What is wrong and what to do about it")


class Reject(_Strict):
    """Extracted rows that failed validation, and documents the extractors raised an error on,
    with the reason; never silently dropped."""

    table_name: str = pa.Field(description="Table the row was meant for ('(all)': the document's extraction failed)")
    doc_id: str = pa.Field(nullable=True, description="Document the row came from")
    evidence: str = pa.Field(nullable=True, description="Evidence sentence of the row")
    reason: str = pa.Field(description="Which check failed, on which column")
    row_json: str = pa.Field(description="The rejected row as JSON")


class ExtractionLog(_Strict):
    """Bookkeeping: which documents have been extracted by which version of the extractor."""

    doc_id: str = pa.Field(unique=True, description="Document extracted")
    extractor_version: str = pa.Field(description="Fingerprint of the extraction code and data that produced its facts")


# --- Analytic tables: answers built from the fact tables (pipeline.analytics fills them) ---

_PAIR_A = "First country of the pair: for total and agreement/event rows the pair is in alphabetical order; for export and import it is the country the goods come from"
_PAIR_B = "Second country of the pair: for export and import, the country the goods go to; NULL when the text names one side only"
_SOURCE = pl.Struct({"doc_id": pl.Utf8, "source_file": pl.Utf8, "published_date": pl.Date, "value": pl.Float64})


class TradeTimeline(_Strict):
    """One row per country pair, flow, commodity, kind and period: every article's figure for it, with the spread when they disagree."""

    country_a: str = pa.Field(nullable=True, description=_PAIR_A)
    country_b: str = pa.Field(nullable=True, description=_PAIR_B)
    flow: str = pa.Field(isin=list(FLOWS), description="total (turnover), export or import, as reported")
    commodity: str = pa.Field(nullable=True, description="What the figure is limited to; NULL for all goods")
    kind: str = pa.Field(isin=list(KINDS), description="actual, target or forecast: never mixed in one row")
    unit: str = pa.Field(nullable=True, description="Currency code or t (tonnes); NULL where only a change is stated")
    period_start: dt.date = pa.Field(nullable=True, description="First day of the period (figures without a period are never merged across articles)")
    period_end: dt.date = pa.Field(nullable=True, description="Last day of the period (inclusive)")
    value: float = pa.Field(nullable=True, description="The figure: the median of the articles' values")
    value_min: float = pa.Field(nullable=True, description="Smallest value reported")
    value_max: float = pa.Field(nullable=True, description="Largest value reported")
    spread_pct: float = pa.Field(nullable=True, ge=0, description="(value_max - value_min) / value_min, in percent")
    conflict: bool = pa.Field(description="Sources disagree by more than rounding (spread over 2 percent)")
    change_pct: float = pa.Field(nullable=True, description="Signed percentage change (median of the articles that state one)")
    report_count: pl.Int32 = pa.Field(ge=1, description="How many articles report this figure")
    sources: pl.List(_SOURCE) = pa.Field(description="Each reporting article: doc_id, source_file, published_date and the value it gives")
    evidence: str = pa.Field(description="The sentence of the earliest-published report")


class RelationsTimeline(_Strict):
    """Every dated fact about a country pair in one chronology: trade figures, agreements, events and company counts, with evidence and source."""

    country_a: str = pa.Field(nullable=True, description="First country of the pair (alphabetical)")
    country_b: str = pa.Field(nullable=True, description="Second country of the pair (alphabetical); NULL when the fact names one country only")
    date_start: dt.date = pa.Field(nullable=True, description="When the fact starts: the period start, signing date, event date, or else the article's publication date")
    date_end: dt.date = pa.Field(nullable=True, description="When it ends (the period end; same as date_start for one-day facts)")
    date_basis: str = pa.Field(nullable=True, isin=["period", "signed", "event", "published"],
                               description="What the dates are: the figure's period, the signing, the event, or the article's publication (the fact itself is undated)")
    fact_type: str = pa.Field(isin=["trade_figure", "agreement", "event", "company_count"], description="Which fact table the row comes from")
    summary: str = pa.Field(description="The fact in a few words (\"export IRN->KAZ 1.2 bn USD (actual)\")")
    evidence: str = pa.Field(description="The sentence the fact is stated in")
    doc_id: str = pa.Field(description="Document the fact was read from")
    source_file: str = pa.Field(description="Seed file of that document")
    published_date: dt.date = pa.Field(nullable=True, description="Publication date of that document")


class AgreementsSummary(_Strict):
    """Agreements per country pair, year, status and type; a signing reported by several articles counts once."""

    country_a: str = pa.Field(nullable=True, description="First party (alphabetical)")
    country_b: str = pa.Field(nullable=True, description="Second party (alphabetical); NULL when one party is named")
    year: pl.Int32 = pa.Field(nullable=True, description="Year of signing, else of the reporting article's publication")
    status: str = pa.Field(isin=list(STATUSES), description="signed, planned or proposed")
    agreement_type: str = pa.Field(description="memorandum of understanding, agreement, roadmap, contract, ...")
    agreements: pl.Int32 = pa.Field(ge=1, description="How many agreements (a mention without a number counts as one)")
    count_is_minimum: bool = pa.Field(description="Some mention gave no number (\"signed agreements\"), so the real count may be higher")
    value_usd: float = pa.Field(nullable=True, description="Sum of stated worth in US dollars, NULL if none stated in USD")
    report_count: pl.Int32 = pa.Field(ge=1, description="Articles reporting these agreements")
    source_files: pl.List(pl.Utf8) = pa.Field(description="Those articles' seed files")
    first_date: dt.date = pa.Field(nullable=True, description="Earliest signing (or report) date")
    last_date: dt.date = pa.Field(nullable=True, description="Latest signing (or report) date")


_COUNT_REPORT = pl.Struct({"as_of": pl.Date, "company_count": pl.Int32, "approximate": pl.Boolean, "source_file": pl.Utf8})


class CompanyPresence(_Strict):
    """Companies of one country in another: the latest reported count, with the history of counts."""

    company_country: str = pa.Field(nullable=True, description="Whose companies")
    host_country: str = pa.Field(nullable=True, description="Where they operate or take part")
    latest_count: pl.Int32 = pa.Field(gt=0, description="Count in the most recently published report")
    latest_approximate: bool = pa.Field(description="That count is qualified (about, over)")
    as_of: dt.date = pa.Field(nullable=True, description="Publication date of that report")
    latest_source_file: str = pa.Field(description="Seed file of that report")
    latest_evidence: str = pa.Field(description="Sentence of that report")
    report_count: pl.Int32 = pa.Field(ge=1, description="How many articles give a count")
    history: pl.List(_COUNT_REPORT) = pa.Field(description="Every report, oldest first: as_of, company_count, approximate, source_file")


_EVENT_REF = pl.Struct({"event_type": pl.Utf8, "event_date": pl.Date, "location": pl.Utf8, "source_file": pl.Utf8})


class PeopleDirectory(_Strict):
    """One row per person (name and country) across all articles: offices held and the events taken part in."""

    name: str = pa.Field(description="Name as written at its fullest")
    country: str = pa.Field(nullable=True, description="Country whose office the person holds")
    roles: pl.List(pl.Utf8) = pa.Field(nullable=True, description="Offices the articles give the person")
    document_count: pl.Int32 = pa.Field(ge=1, description="Articles naming the person with an office")
    events: pl.List(_EVENT_REF) = pa.Field(nullable=True, description="Events the person took part in: type, date, location, source_file")
    first_seen: dt.date = pa.Field(nullable=True, description="Earliest publication date of those articles")
    last_seen: dt.date = pa.Field(nullable=True, description="Latest publication date of those articles")


ANALYTIC_TABLES: dict[str, type[_Strict]] = {
    "trade_timeline": TradeTimeline,
    "relations_timeline": RelationsTimeline,
    "agreements_summary": AgreementsSummary,
    "company_presence": CompanyPresence,
    "people_directory": PeopleDirectory,
}

FACT_TABLES: dict[str, type[_Fact]] = {
    "trade_figures": TradeFigure,
    "company_counts": CompanyCount,
    "agreements": Agreement,
    "events": Event,
    "people": Person,
}

TABLES: dict[str, type[_Strict]] = {
    "raw_documents": RawDocument,
    "sentences": Sentence,
    "documents": Document,
    **FACT_TABLES,
    "ingest_errors": IngestError,
    "rejects": Reject,
    "extraction_log": ExtractionLog,
    **ANALYTIC_TABLES,
}


def polars_schema(model: type[_Strict]) -> pl.Schema:
    """Column names and polars dtypes of a model, in declaration order."""
    return pl.Schema({name: col.dtype.type for name, col in model.to_schema().columns.items()})


def empty_frame(model: type[_Strict]) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(model))


def frame_from_rows(model: type[_Strict], rows: list[dict]) -> pl.DataFrame:
    """Rows (dicts) to a frame with the model's columns and dtypes; missing keys become NULL."""
    schema = polars_schema(model)
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema, orient="row")
