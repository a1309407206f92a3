"""`python -m pipeline show FILE`: the facts of one article without Dagster or a warehouse."""
import subprocess
import sys

from tests.conftest import PROJECT


def show(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", "show", *map(str, args)],
                          capture_output=True, text=True, cwd=PROJECT, timeout=120)


def test_shows_each_fact_table_with_evidence(tmp_path):
    article = tmp_path / "kz-cn.txt"
    article.write_text("ASTANA, May 3, 2024 (Test Wire) - Trade between Kazakhstan and China reached "
                       "$41 billion in 2023, the ministry said.\n", encoding="utf-8")
    out = show(article)
    assert out.returncode == 0, out.stderr
    assert "published:  2024-05-03 (text)" in out.stdout
    assert "== trade_figures: 1 row(s)" in out.stdout
    assert "41000000000" in out.stdout and "reached $41 billion in 2023" in out.stdout
    assert "== events: 0 row(s)" in out.stdout


def test_one_table_without_evidence(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("About 40 Turkish companies operate in Uzbekistan.\n", encoding="utf-8")
    out = show(article, "--table", "company_counts", "--no-evidence")
    assert out.returncode == 0, out.stderr
    assert "company_counts: 1 row(s)" in out.stdout and "trade_figures" not in out.stdout
    assert "operate in Uzbekistan" not in out.stdout


def test_unreadable_file_and_unknown_table_are_clear_errors(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    out = show(binary)
    assert out.returncode == 1 and "binary" in out.stderr
    out = show(binary, "--table", "trades")
    assert out.returncode == 2 and "no fact table trades" in out.stderr
    out = show(tmp_path / "missing.txt")
    assert out.returncode == 2 and "is not a file" in out.stderr
