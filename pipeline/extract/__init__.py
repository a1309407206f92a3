"""Extraction: one document's sentences in, rows for every fact table out.

Pure: no files, no database. `extract_document` is what the pipeline, the CLI and the
tests call; each fact type has its own module."""
from __future__ import annotations

import ast
import datetime as dt
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Callable

from pipeline.extract.agreements import extract_agreements
from pipeline.extract.companies import extract_company_counts
from pipeline.extract.context import DocContext
from pipeline.extract.events import extract_events
from pipeline.extract.people import extract_people
from pipeline.extract.trade import extract_trade_figures
from pipeline.text import Sentence

EXTRACTORS: dict[str, Callable[[DocContext], list[dict]]] = {
    "trade_figures": extract_trade_figures,
    "company_counts": extract_company_counts,
    "agreements": extract_agreements,
    "events": extract_events,
}


def extract_document(doc_id: str, sentences: list[Sentence], published: dt.date | None) -> dict[str, list[dict]]:
    """Rows per fact table for one document."""
    doc = DocContext.build(doc_id, sentences, published)
    rows = {table: extractor(doc) for table, extractor in EXTRACTORS.items()}
    rows["people"] = extract_people(doc, rows["events"])   # people link to the events they are named in
    return rows


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Fingerprint of the code and word lists that turn text into facts. When it changes,
    every document is extracted again, so no table mixes facts of two extractor versions.

    The code is this package and every pipeline module it imports, followed statically
    (an edit to the warehouse or analytics code does not mean re-extracting everything)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(_imported_modules(Path(__file__).resolve().parent) | set((root / "data").rglob("*"))):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _imported_modules(package: Path) -> set[Path]:
    """The files of the package (pipeline/extract) and of the pipeline modules they import, transitively."""
    root = package.parent

    def files_of(module: str) -> list[Path]:
        base = root.parent.joinpath(*module.split("."))
        if base.is_dir():
            return [base / "__init__.py"]       # "from pipeline import dates" names pipeline.dates too
        return [base.with_suffix(".py")] if base.with_suffix(".py").is_file() else []

    seen: set[Path] = set()
    todo = sorted(package.rglob("*.py"))
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            todo += [f for n in names if n == "pipeline" or n.startswith("pipeline.") for f in files_of(n)]
    return seen
