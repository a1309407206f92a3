"""Command line.

    python -m pipeline evaluate WAREHOUSE GOLD.json [--verbose] [--min-f1 X]
    python -m pipeline dictionary
    python -m pipeline show FILE [--table TABLE] [--no-evidence]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline")
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="score a warehouse against a gold file of annotated facts")
    ev.add_argument("warehouse", type=Path)
    ev.add_argument("gold", type=Path)
    ev.add_argument("--verbose", "-v", action="store_true", help="list missed, extra and wrong facts")
    ev.add_argument("--min-f1", type=float, help="exit with status 1 if the overall exact F1 is below this")
    sub.add_parser("dictionary", help="print the data dictionary (markdown) generated from the schemas")
    sh = sub.add_parser("show", help="print the facts found in one article, with evidence (no Dagster, no warehouse)")
    sh.add_argument("file", type=Path)
    sh.add_argument("--table", action="append", help="only this fact table (repeatable)")
    sh.add_argument("--no-evidence", action="store_true", help="leave out the evidence column")
    args = parser.parse_args(argv)

    if args.command == "show":
        from pipeline import schemas
        from pipeline.show import facts_of_file, render
        unknown = set(args.table or []) - set(schemas.FACT_TABLES)
        if unknown:
            print(f"error: no fact table {', '.join(sorted(unknown))}; choose from {', '.join(schemas.FACT_TABLES)}",
                  file=sys.stderr)
            return 2
        if not args.file.is_file():
            print(f"error: {args.file} is not a file", file=sys.stderr)
            return 2
        try:
            doc, frames = facts_of_file(args.file)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if args.table:
            frames = {t: frames[t] for t in args.table}
        print(render(doc, frames, evidence=not args.no_evidence))
        return 0

    if args.command == "dictionary":
        from pipeline.dictionary import data_dictionary
        print(data_dictionary())
        return 0

    if args.command == "evaluate":
        from pipeline.evaluate import evaluate, format_report
        for path in (args.warehouse, args.gold):
            if not path.exists():
                print(f"error: {path} does not exist", file=sys.stderr)
                return 2
        report = evaluate(args.warehouse, args.gold)
        print(format_report(report, verbose=args.verbose))
        if args.min_f1 is not None and report["overall"]["exact_f1"] < args.min_f1:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
