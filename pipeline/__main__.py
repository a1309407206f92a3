"""Command line.

    python -m pipeline evaluate WAREHOUSE GOLD.json [--verbose] [--min-f1 X]
    python -m pipeline dictionary
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
    args = parser.parse_args(argv)

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
