"""The development set (tests/data/devset): written passages with gold facts, run through the
whole pipeline and scored like the seeds. The floors are the figures the README reports."""
import json
import subprocess
import sys

import pytest

from pipeline.evaluate import evaluate, fold
from tests.conftest import PROJECT, SHARED_SCORER, run_pipeline

pytestmark = pytest.mark.slow
DEVSET = PROJECT / "tests" / "data" / "devset"
GOLD = DEVSET / "gold.json"
FACT_TABLES = ("trade_figures", "company_counts", "agreements", "events")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("devset") / "relations.duckdb"
    assert run_pipeline(DEVSET / "articles", path).success
    return path


def test_gold_covers_every_article_and_quotes_come_from_them():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    files = {p.name for p in (DEVSET / "articles").glob("*.txt")}
    assert len(files) >= 40
    assert {d["file"] for d in gold["documents"]} == files
    for doc in gold["documents"]:
        text = fold((DEVSET / "articles" / doc["file"]).read_text(encoding="utf-8"))
        for table in FACT_TABLES:
            for fact in doc[table]:
                assert fact["quotes"], (doc["file"], table)
                for quote in fact["quotes"]:
                    assert fold(quote) in text, (doc["file"], quote)


def test_devset_score(warehouse):
    report = evaluate(warehouse, GOLD)
    overall = report["overall"]
    print(json.dumps(overall))
    assert overall["precision"] >= 0.90
    assert overall["exact_f1"] >= 0.83
    assert report["published_date"]["right"] >= 46


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/eval/score.py is not beside this clone")
def test_shared_scorer_gives_the_same_devset_figure(warehouse):
    out = subprocess.run([sys.executable, str(SHARED_SCORER), str(warehouse), str(GOLD)],
                         capture_output=True, text=True, check=True).stdout
    theirs = float(out.strip().splitlines()[-1].split("exact_F1=")[1])
    assert theirs == pytest.approx(evaluate(warehouse, GOLD)["overall"]["exact_f1"], abs=5e-4)
