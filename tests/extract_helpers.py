"""Run the extractors on a short text written in a test."""
from pipeline.extract import extract_document
from pipeline.text import split_sentences

from tests.conftest import PUBLISHED


def extract(text: str, published=PUBLISHED, table: str | None = None):
    rows = extract_document("t" * 16, split_sentences("Test Headline Here\n\n" + text), published)
    return rows[table] if table else rows
