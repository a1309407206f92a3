"""Plain-text tables: a line that states the unit ("RM billion", "(USD million)",
"thousand tonnes"), then rows of a label and bare figures ("Exports to Indonesia   24.3   +6.1%").

The figures of such a row carry no unit of their own, so `find_amounts` reads none; the
unit comes from the table's header, which is why this works on a document's lines in order
rather than on one sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.amounts import PREFIX_CURRENCY_PATTERN, CURRENCY_PATTERN, Amount, Change, currency_code
from pipeline.numbers import SCALES

_SCALE = r"trillion|billion|million|thousand|trln|bln|mln|thsd|bn|mn"
# "RM billion", "(USD million)", "US$ mln", "million tenge", "thousand tonnes"
_UNIT = re.compile(rf"(?:^|(?<=[\s(,]))(?:(?P<cur>{PREFIX_CURRENCY_PATTERN}|[A-Z]{{3}})\s?(?P<scale>{_SCALE})"
                   rf"|(?P<scale2>{_SCALE})\s+(?:of\s+)?(?:(?P<ton>tonnes|tons|metric\s+tons|t)|(?P<cur2>{CURRENCY_PATTERN})))\b",
                   re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DIGIT = re.compile(r"\d")
# column headings: words apart by two or more spaces or a tab ("Indicator    Value    Change, %")
_COLUMNS = re.compile(r"\S(?:\s{2,}|\t)\S")
# a column that holds percentage changes: "y-o-y", "Change, %", "growth"
_PCT_COLUMN = re.compile(r"%|\by-?o-?y\b|\bchange\b|\bgrowth\b", re.IGNORECASE)
# "Exports to Indonesia            24.3     +6.1%": a label, two or more spaces (or a tab), the figure
_ROW = re.compile(r"^\s*[•▪*-]?\s*(?P<label>[^\W\d][^\d%]*?)(?:\s{2,}|\t)\s*"
                  r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d%])"
                  r"(?:\s+(?P<chg>[+\-−–]?\d+(?:\.\d+)?)\s*%?)?\s*$")


@dataclass(frozen=True)
class TableUnit:
    unit: str            # ISO 4217 code (or "A|B"), or "t"
    scale: float
    pct_column: bool     # the column after the figure is a percentage change


def header_unit(text: str) -> TableUnit | None:
    """The unit a header line states, if it is a header: no figure but a year."""
    if _DIGIT.search(_YEAR.sub("", text)):
        return None
    m = _UNIT.search(text)
    if m is None:
        return None
    scale = SCALES[(m.group("scale") or m.group("scale2")).lower()]
    unit = "t" if m.group("ton") else currency_code(m.group("cur") or m.group("cur2"))
    if unit is None:
        return None
    return TableUnit(unit, scale, bool(_PCT_COLUMN.search(text)))


def table_rows(lines: list[str]) -> dict[int, TableUnit]:
    """For lines in document order: index -> the unit of each table row under a unit header.
    A header's unit holds over the rows after it and over column headings without figures
    ("Indicator   Value   Change, %"); anything else ("Source: ...", a paragraph) ends the table."""
    rows: dict[int, TableUnit] = {}
    current: TableUnit | None = None
    for i, text in enumerate(lines):
        if current is not None and _ROW.match(text):
            rows[i] = current
            continue
        unit = header_unit(text) if ("illion" in text or "mln" in text or "bn" in text or "thousand" in text
                                     or "bln" in text or "mn" in text) else None
        if unit is not None:
            current = unit
        elif current is not None and _COLUMNS.search(text.strip()) and not _DIGIT.search(_YEAR.sub("", text)):
            if _PCT_COLUMN.search(text) and not current.pct_column:
                current = TableUnit(current.unit, current.scale, True)
        else:
            current = None
    return rows


def row_amounts(text: str, unit: TableUnit) -> list[Amount]:
    m = _ROW.match(text)
    if m is None:
        return []
    value = float(m.group("num").replace(",", "")) * unit.scale
    return [Amount(value, unit.unit, m.start("num"), m.end("num"), m.group("num"), False, None, None)]


def row_changes(text: str, unit: TableUnit) -> list[Change]:
    """The signed figure after the value when the table has a percentage-change column."""
    m = _ROW.match(text)
    if m is None or not m.group("chg") or not (unit.pct_column or text.rstrip().endswith("%")):
        return []
    raw = m.group("chg")
    pct = float(raw.lstrip("+-−–")) * (-1 if raw[0] in "-−–" else 1)
    return [Change(pct, None, m.start("chg"), m.end(), text[m.start("chg"):m.end()].strip())]
