"""The README's data dictionary, generated from the pandera models (`python -m pipeline dictionary`)."""
from __future__ import annotations

from pipeline import schemas, warehouse

PUBLIC_TABLES = ["documents", "trade_figures", "company_counts", "agreements", "events", "people",
                 *schemas.ANALYTIC_TABLES, "ingest_errors", "rejects"]


def data_dictionary() -> str:
    out = []
    for name in PUBLIC_TABLES:
        model = schemas.TABLES[name]
        out.append(f"#### `{name}`\n\n{' '.join((model.__doc__ or '').split())}\n\n"
                   "| column | type | null | description |\n|---|---|---|---|")
        for col_name, col in model.to_schema().columns.items():
            out.append(f"| `{col_name}` | {warehouse.duckdb_type(col.dtype.type)} | "
                       f"{'yes' if col.nullable else 'no'} | {col.description or ''} |")
        out.append("")
    return "\n".join(out)
