"""The extractor fingerprint follows the code that turns sentences into facts, and only that
code: an edit there re-extracts every document, an edit to the warehouse code does not."""
import shutil
from pathlib import Path

from pipeline.extract import _imported_modules, extractor_version

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"


def names(files) -> set[str]:
    return {f.parent.name + "/" + f.name for f in files}


def test_fingerprint_covers_extraction_code_and_what_it_imports_only(tmp_path):
    copy = tmp_path / "pipeline"
    shutil.copytree(PIPELINE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    found = names(_imported_modules(copy / "extract"))
    assert {"extract/trade.py", "pipeline/amounts.py", "pipeline/periods.py", "pipeline/places.py"} <= found
    assert not {"pipeline/warehouse.py", "pipeline/analytics.py", "pipeline/stages.py"} & found

    # a module the extraction code starts to import joins the fingerprint
    (copy / "extract" / "vocab.py").write_text(
        (copy / "extract" / "vocab.py").read_text(encoding="utf-8") + "\nfrom pipeline import quality  # noqa\n",
        encoding="utf-8")
    assert "pipeline/quality.py" in names(_imported_modules(copy / "extract"))


def test_fingerprint_is_stable():
    extractor_version.cache_clear()
    first = extractor_version()
    extractor_version.cache_clear()
    assert extractor_version() == first and len(first) == 16
