"""Score a warehouse's fact tables against hand-annotated gold facts.

Follows the scoring rules of the table contract, so users can measure extraction on
articles they annotate themselves:
- a row matches a gold fact of the same file when its evidence contains one of the
  fact's quotes (case, quote marks, dashes and spacing normalised) and, for trade
  figures, the value agrees within 0.5% (or, with no value, the change agrees); for
  company counts, the count agrees;
- every other row is an extra (a second row for a matched fact included), except rows
  that match a fact marked "required": false, or a fact marked "allow_split";
- a matched fact is exact when every scored field agrees ("*" in gold: not scored; a
  list: any of these); exports and imports are compared by the direction the goods
  travel, totals by the unordered pair; commodity by present or absent.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

_FIELDS = {
    "trade_figures": ["flow", "countries", "unit", "period_start", "period_end", "kind", "change_pct", "commodity"],
    "company_counts": ["company_country", "host_country", "approximate"],
    "agreements": ["status", "signed_date", "parties", "agreement_count"],
    "events": ["event_type", "event_date", "location"],
}
_COLUMNS = {
    "trade_figures": ["flow", "reporter", "partner", "value", "unit", "period_start", "period_end", "kind",
                      "change_pct", "commodity"],
    "company_counts": ["company_count", "company_country", "host_country", "approximate"],
    "agreements": ["agreement_type", "status", "signed_date", "parties", "agreement_count"],
    "events": ["event_type", "event_date", "location"],
}
_CODE_ALIASES = {"EEU": "EAEU"}
_TEXT_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                            "\u2014": "-", "\u00a0": " "})


def fold(text: str | None) -> str:
    """Text as compared for quotes: quote marks, dashes, case and spacing normalised."""
    return " ".join((text or "").translate(_TEXT_FOLD).lower().split())


def _canon(v):
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return _CODE_ALIASES.get(v.strip().upper(), v.strip())
    if isinstance(v, (list, tuple)):
        return sorted(_canon(x) for x in v)
    return v


def agrees(gold, got, name: str) -> bool:
    if gold == "*":
        return True
    if isinstance(gold, list) and name not in ("parties", "countries"):
        return any(agrees(g, got, name) for g in gold)
    got = _canon(got)
    if gold is None:
        return got in (None, "", [])
    if got is None:
        return False
    if isinstance(gold, bool):
        return bool(got) is gold
    if isinstance(gold, (int, float)):
        try:
            number = float(got)
        except (TypeError, ValueError):
            return False
        return abs(number - gold) <= 0.05 if name == "change_pct" else math.isclose(number, gold, rel_tol=0.005)
    if isinstance(gold, list):
        return sorted(_canon(g) for g in gold) == got
    return fold(str(gold)).replace("-", " ") == fold(str(got)).replace("-", " ")


def _direction(flow, reporter, partner) -> list:
    sides = [_canon(reporter), _canon(partner)]
    if flow == "total":
        return sorted(sides, key=str)
    return sides if flow == "export" else sides[::-1]


def _field_right(gold: dict, row: dict, name: str) -> bool:
    if name == "countries":
        if gold.get("flow") == "*":
            return True
        want = _direction(gold.get("flow"), gold.get("reporter"), gold.get("partner"))
        got = _direction(row.get("flow"), row.get("reporter"), row.get("partner"))
        if gold.get("flow") == "total":
            return all(w in got for w in want if w != "*")
        return all(w == "*" or w == g for w, g in zip(want, got))
    if name == "flow" and gold.get("flow") in ("export", "import"):
        return row.get("flow") in ("export", "import")
    if name == "commodity":
        return (gold.get("commodity") is None) == (row.get("commodity") in (None, ""))
    return name not in gold or agrees(gold[name], row.get(name), name)


def _matches(table: str, gold: dict, row: dict) -> bool:
    evidence = fold(row.get("evidence"))
    if not any(fold(q) in evidence for q in gold["quotes"]):
        return False
    if table == "trade_figures":
        if gold.get("value") is not None:
            return "value" not in gold or agrees(gold["value"], row.get("value"), "value")
        return "change_pct" not in gold or agrees(gold["change_pct"], row.get("change_pct"), "change_pct")
    if table == "company_counts" and "company_count" in gold:
        return agrees(gold["company_count"], row.get("company_count"), "company_count")
    return True


@dataclass
class TableScore:
    gold: int = 0
    found: int = 0
    exact: int = 0
    extra: int = 0
    field_right: dict[str, list[int]] = field(default_factory=dict)
    missed: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)

    @property
    def exact_f1(self) -> float:
        return f1(self.exact, self.extra + self.found - self.exact, self.gold - self.exact)


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score_table(table: str, gold_docs: list[dict], rows_by_file: dict[str, list[dict]]) -> TableScore:
    result = TableScore(field_right={f: [0, 0] for f in _FIELDS[table]})
    for doc in gold_docs:
        facts = doc.get(table, [])
        taken: dict[int, dict] = {}
        for row in rows_by_file.get(doc["file"], []):
            hit = next((i for i, g in enumerate(facts) if g.get("required", True) and i not in taken
                        and _matches(table, g, row)), None)
            if hit is not None:
                taken[hit] = row
                continue
            optional = any(not g.get("required", True) and _matches(table, g, row) for g in facts)
            split_ok = any(g.get("allow_split") and _matches(table, g, row) for g in facts)
            if optional or split_ok:
                continue
            result.extra += 1
            result.extras.append({"file": doc["file"], "evidence": (row.get("evidence") or "")[:160],
                                  **{c: _canon(row.get(c)) for c in _COLUMNS[table]}})
        for i, g in enumerate(facts):
            if not g.get("required", True):
                continue
            result.gold += 1
            row = taken.get(i)
            if row is None:
                result.missed.append({"file": doc["file"], "quote": g["quotes"][0]})
                continue
            result.found += 1
            wrong_fields = []
            for name in _FIELDS[table]:
                ok = _field_right(g, row, name)
                result.field_right[name][0] += ok
                result.field_right[name][1] += 1
                if not ok:
                    wrong_fields.append(name)
            if wrong_fields:
                result.wrong.append({"file": doc["file"], "quote": g["quotes"][0], "fields": wrong_fields,
                                     "got": {c: _canon(row.get(c)) for c in _COLUMNS[table]}})
            else:
                result.exact += 1
    return result


def _file_name(path: str) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def evaluate(warehouse: Path, gold_path: Path) -> dict:
    """The full report: per table scores, published_date accuracy, overall figures."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    docs = gold["documents"]
    files = {d["file"] for d in docs}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        published = {_file_name(f): d for f, d in con.execute("SELECT source_file, published_date FROM documents").fetchall()}
        tables = {}
        for table, cols in _COLUMNS.items():
            rows_by_file: dict[str, list[dict]] = {}
            cur = con.execute(f"SELECT d.source_file, t.evidence, {', '.join('t.' + c for c in cols)} "
                              f"FROM {table} t JOIN documents d USING (doc_id)")
            names = [c[0] for c in cur.description]
            for values in cur.fetchall():
                row = dict(zip(names, values))
                name = _file_name(row["source_file"])
                if name in files:
                    rows_by_file.setdefault(name, []).append(row)
            tables[table] = score_table(table, docs, rows_by_file)
    finally:
        con.close()
    dates_right = [d["file"] for d in docs if d["file"] in published
                   and agrees(d["published_date"], published[d["file"]], "published_date")]
    tp = sum(t.found for t in tables.values())
    ex = sum(t.exact for t in tables.values())
    fp = sum(t.extra for t in tables.values())
    fn = sum(t.gold - t.found for t in tables.values())
    return {
        "tables": tables,
        "published_date": {"right": len(dates_right), "of": len(docs),
                           "wrong": [d["file"] for d in docs if d["file"] not in dates_right]},
        "overall": {"precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None,
                    "f1": f1(tp, fp, fn), "exact_f1": f1(ex, fp + tp - ex, fn + tp - ex)},
    }


def format_report(report: dict, verbose: bool = False) -> str:
    lines = [f"{'table':16} {'gold':>5} {'found':>6} {'exact':>6} {'extra':>6} {'exactF1':>8}"]
    for table, t in report["tables"].items():
        lines.append(f"{table:16} {t.gold:>5} {t.found:>6} {t.exact:>6} {t.extra:>6} {t.exact_f1:>8.3f}")
        weak = {f: r / n for f, (r, n) in t.field_right.items() if n and r < n}
        if weak:
            lines.append(" " * 17 + "fields below 1.0: " + ", ".join(f"{f}={v:.2f}" for f, v in weak.items()))
        if verbose:
            lines += [f"    missed  {m['file']}: {m['quote']}" for m in t.missed]
            lines += [f"    extra   {e['file']}: {e['evidence'][:100]}" for e in t.extras]
            lines += [f"    wrong   {w['file']}: {w['quote'][:60]} {w['fields']} got {w['got']}" for w in t.wrong]
    p = report["published_date"]
    lines.append(f"{'documents':16} published_date right for {p['right']}/{p['of']}")
    o = report["overall"]
    fmt = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
    lines.append(f"overall P={fmt(o['precision'])} R={fmt(o['recall'])} F1={o['f1']:.3f} exact_F1={o['exact_f1']:.3f}")
    return "\n".join(lines)
