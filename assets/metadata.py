"""Dagster metadata generated from the pandera models and the warehouse: column schemas,
row counts and previews."""

import dagster as dg
import duckdb

from pipeline import schemas, warehouse

OWNERS = ["team:data-engineering"]
PREVIEW_ROWS = 5


def column_schema(model: type) -> dg.TableSchema:
    cols = []
    for name, col in model.to_schema().columns.items():
        cols.append(dg.TableColumn(
            name=name, type=warehouse.duckdb_type(col.dtype.type), description=col.description,
            constraints=dg.TableColumnConstraints(nullable=col.nullable, unique=bool(col.unique))))
    return dg.TableSchema(columns=cols)


def spec_metadata(table: str) -> dict:
    """Static metadata for an asset that is a warehouse table: shown in the Columns tab."""
    return {"dagster/column_schema": column_schema(schemas.TABLES[table]), "dagster/table_name": table}


def table_metadata(con: duckdb.DuckDBPyConnection, table: str, **extra) -> dict:
    """Row count and a markdown preview of the first rows, for one materialisation."""
    n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    cols = [c for c in schemas.polars_schema(schemas.TABLES[table]) if c not in ("text",)]
    preview = warehouse.read_frame(con, f"SELECT {', '.join(cols)} FROM {table} LIMIT {PREVIEW_ROWS}")
    return {"dagster/row_count": n, "preview": dg.MetadataValue.md(_markdown(preview)), **extra}


def _markdown(frame) -> str:
    if frame.height == 0:
        return "_no rows_"
    head = "| " + " | ".join(frame.columns) + " |"
    sep = "|" + "---|" * len(frame.columns)
    lines = [head, sep]
    for row in frame.iter_rows():
        cells = [_cell(v) for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(v) -> str:
    s = "" if v is None else str(v)
    s = s.replace("|", "\\|").replace("\n", " ")
    return s if len(s) <= 80 else s[:77] + "..."
