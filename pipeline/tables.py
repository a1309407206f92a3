"""Plain-text tables: a line that states the unit ("RM billion", "(USD million)",
"thousand tonnes"), then rows of a label and bare figures ("Exports to Indonesia   24.3   +6.1%");
and grids of several figure columns under headings ("Country | Turnover | Exports | Imports",
then "Iran | 87.6 | 61.2 | 26.4").

The figures of such a row carry no unit of their own, so `find_amounts` reads none; the
unit comes from the table's header (or the caption above it), which is why this works on a
document's lines in order rather than on one sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.amounts import PREFIX_CURRENCY_PATTERN, CURRENCY_PATTERN, Amount, Change, currency_code
from pipeline.numbers import SCALES

_SCALE = r"trillion|billion|million|thousand|trln|bln|mln|thsd|bn|mn"
# "RM billion", "(USD million)", "US$ mln", "million tenge", "thousand tonnes"
# ("$m", "€bn": a sign and a short scale; "Exports, t", "(tonnes)": tonnes as they are)
_UNIT = re.compile(rf"(?:^|(?<=[\s(,]))(?:(?P<cur>{PREFIX_CURRENCY_PATTERN}|[A-Z]{{3}})\s?(?P<scale>{_SCALE}|(?<=[$€£¥])(?:m|bn|b))"
                   rf"|(?P<scale2>{_SCALE})\s+(?:of\s+)?(?:(?P<ton>tonnes|tons|metric\s+tons|t)|(?P<cur2>{CURRENCY_PATTERN}))"
                   rf"|(?:(?<=,\s)|(?<=\())(?P<ton1>tonnes|tons|t)(?=\s*(?:\)|\||$)))\b",
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
    unit = _unit_of(m) if m else None
    return TableUnit(unit.unit, unit.scale, bool(_PCT_COLUMN.search(text))) if unit else None


def _unit_of(m: re.Match) -> TableUnit | None:
    """The unit a _UNIT match states, None when its currency is no currency ("the million")."""
    if m.group("ton1"):
        return TableUnit("t", 1.0, False)
    scale = SCALES[(m.group("scale") or m.group("scale2")).lower()]
    unit = "t" if m.group("ton") else currency_code(m.group("cur") or m.group("cur2"))
    return TableUnit(unit, scale, False) if unit else None


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


# --------------------------------------------------------------------------- grids
# cells apart by a bar, a tab or two or more spaces ("| Iran | 87.6 |": outer bars too)
_CELL_GAP = re.compile(r"\s*\|\s*|\s*\t\s*|\s{2,}")
_RULE_LINE = re.compile(r"^[\s|:+=-]*-{3,}[\s|:+=-]*$")       # "|---|---|": a markdown table's rule
_BARE_FIGURE = re.compile(r"(?P<sign>[+\-−–])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<pct>%)?")
_NO_FIGURE = frozenset({"-", "—", "–", "n/a", "na", "..", "…", "x", "*"})
# "Turnover", "Trade turnover, $ mln", "Exports", "Imports (USD m)", "Total trade"
_FLOW_HEADING = re.compile(r"(?:(?:total|mutual|bilateral|foreign)\s+)?(?:trade(?:\s+turnover)?|turnover)\b|total\b"
                           r"|(?P<export>exports?)\b|(?P<import>imports?)\b", re.IGNORECASE)
_HEADING_SIDE = re.compile(r"\s+(?:to|from|with)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*$")
_YEAR_HEADING = re.compile(r"(?P<year>(?:19|20)\d\d)\s*\*?")     # "2023", "2024*" (preliminary)
_CHANGE_HEADING = re.compile(r"(?:change|growth|y-?o-?y|y/y|%)\b|%|\(%\)", re.IGNORECASE)


@dataclass(frozen=True)
class GridColumn:
    flow: str | None           # "total", "export" or "import" when the heading names one
    year: int | None           # when the heading is a year
    is_change: bool            # a percentage change of the figure column before it
    unit: TableUnit | None     # a unit the heading states ("Exports, $ mln")


@dataclass(frozen=True)
class GridCell:
    column: int                # index into Grid.columns
    value: float
    start: int                 # offsets in the row's line
    end: int


@dataclass(frozen=True)
class GridRow:
    line: int
    label: str
    label_end: int
    cells: tuple[GridCell, ...]


@dataclass(frozen=True)
class Grid:
    header: int                # line of the headings
    columns: tuple[GridColumn, ...]   # the headings after the label column
    unit: TableUnit | None     # the unit the headings line states as a whole
    rows: tuple[GridRow, ...]


def grid_flow(text: str) -> str | None:
    """The flow a heading or a row label names: "Exports" is export, "Turnover" total."""
    # ("Exports to Iran", "Imports from Iran": the flow; the side is the caption's or the article's)
    m = _FLOW_HEADING.fullmatch(_HEADING_SIDE.sub("", text.split(",")[0].split("(")[0].strip()))
    if m is None:
        return None
    return "export" if m["export"] else "import" if m["import"] else "total"


def grid_year(text: str) -> int | None:
    m = _YEAR_HEADING.fullmatch(text.strip())
    return int(m["year"]) if m else None


def _cells(text: str) -> list[tuple[str, int, int]]:
    """The cells of a line: (text, start, end), outer bars dropped."""
    cells, at = [], 0
    for gap in _CELL_GAP.finditer(text):
        if gap.start() > at or cells:
            cells.append((text[at:gap.start()], at, gap.start()))
        at = gap.end()
    if at < len(text):
        cells.append((text[at:], at, len(text)))
    while cells and not cells[-1][0].strip():
        cells.pop()
    return cells


def _column(heading: str) -> GridColumn | None:
    flow, year = grid_flow(heading), grid_year(heading)
    if flow is None and year is None and not _CHANGE_HEADING.search(heading):
        return None
    unit = header_unit(heading) if flow else None
    return GridColumn(flow, year, flow is None and year is None, unit)


def _grid_row(text: str, line: int, width: int) -> GridRow | None:
    """A row of `width` cells: a label, then bare figures or blanks ("—"), at least one figure."""
    cells = _cells(text)
    if len(cells) != width + 1 or not cells[0][0].strip():
        return None
    found = []
    for k, (cell, start, _end) in enumerate(cells[1:]):
        if cell.strip().lower() in _NO_FIGURE:
            continue
        m = _BARE_FIGURE.fullmatch(cell)
        if m is None:
            return None
        value = float(m["num"].replace(",", "")) * (-1 if m["sign"] and m["sign"] != "+" else 1)
        found.append(GridCell(k, value, start, start + len(cell)))
    if not found:
        return None
    label = cells[0]
    return GridRow(line, label[0].strip(), label[2], tuple(found))


def find_grids(lines: list[str]) -> list[Grid]:
    """Tables of two or more figure columns: a headings line (a label heading, then flows or
    years: "Country | Turnover | Exports | Imports", "Indicator   2023   2024   Change, %"), then
    rows with a bare figure (or a blank) under each heading. Columns named neither as a flow, a
    year nor a change make the line no grid: "Year | Passengers | Flights" is not trade."""
    grids: list[Grid] = []
    i = 0
    while i < len(lines):
        head = _cells(lines[i]) if ("|" in lines[i] or "\t" in lines[i] or "  " in lines[i].strip()) else []
        columns = [_column(c[0]) for c in head[1:]] if len(head) >= 3 else []
        if (not columns or None in columns or not any(c.flow or c.year for c in columns)
                or _DIGIT.search(_YEAR.sub("", lines[i]))):
            i += 1
            continue
        rows, j = [], i + 1
        while j < len(lines):
            if _RULE_LINE.match(lines[j]):
                j += 1
                continue
            row = _grid_row(lines[j], j, len(columns))
            if row is None:
                break
            rows.append(row)
            j += 1
        if rows:
            grids.append(Grid(i, tuple(columns), header_unit(lines[i]), tuple(rows)))
            i = j
        else:
            i += 1
    return grids


def caption_unit(text: str) -> TableUnit | None:
    """The unit a caption over a table states ("Below are the figures ..., in USD million")."""
    return next((u for m in _UNIT.finditer(text) if (u := _unit_of(m))), None)
