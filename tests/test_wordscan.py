"""The faster ways of running a large regex find what the plain regex finds."""
import re

import pytest

from pipeline.wordscan import Caseless, whole_word_starts

PATTERN = r"\b(?P<flow>exports?|imports?)\s+(?:of\s+)?(?P<goods>[\w-]+)(?=\s+to\b)|\bUS\$\s?\d+|\bnon-\w+\S*"
TEXTS = ["Chilean EXPORTS of copper to Peru and Imports of WINE to Chile", "US$ 5 and us$6", "Non-Oil trade; non-oil, NON-OIL",
         "Türkiye's Exports of hazelnuts to Iran", "nothing here", ""]


@pytest.mark.parametrize("text", TEXTS)
def test_caseless_finds_what_the_case_insensitive_regex_finds(text):
    plain = re.compile(PATTERN, re.IGNORECASE)
    fast = Caseless(PATTERN)
    assert [(m.span(), m.group(0).lower()) for m in fast.finditer(text)] == [
        (m.span(), m.group(0).lower()) for m in plain.finditer(text)]
    assert [(m.span() if m else None) for m in (fast.search(text, 3), fast.match(text))] == [
        (m.span() if m else None) for m in (plain.search(text, 3), plain.match(text))]


def test_a_pattern_that_relies_on_case_is_refused():
    with pytest.raises(ValueError):
        Caseless(r"[A-Z]\w+ exports")


def test_whole_word_starts_finds_each_word_whole_and_nothing_else():
    starts = whole_word_starts(frozenset({"met", "meet", "talks", "visit"}))
    text = "they met; meeting metal talks-visit revisit visits meet"
    assert [m.group() for m in starts.finditer(text)] == ["met", "talks", "visit", "meet"]


@pytest.mark.parametrize("text", ["Exports of wheat to Iran; imports of oil to Iran.", "EXPORTS OF GRAIN TO Peru",
                                  "re-exports of tea to Chile and exports of tea to Peru", "no flow here", ""])
def test_finditer_at_yields_what_finditer_yields(text):
    pattern = Caseless(r"\b(?P<flow>exports?|imports?)\s+of\s+(?P<goods>[\w-]+)(?=\s+to\b)")
    starts = whole_word_starts(frozenset({"export", "exports", "import", "imports"}))
    assert [(m.span(), m.span("goods")) for m in pattern.finditer_at(text, starts)] == [
        (m.span(), m.span("goods")) for m in re.finditer(pattern.any_case.pattern, text, re.IGNORECASE)]


def test_last_match_is_the_span_of_the_last_match_or_none():
    from pipeline.wordscan import last_match
    assert last_match(re.compile(r"\bwill\b"), "it will rise and will fall") == (17, 21)
    assert last_match(re.compile(r"\bwill\b"), "it rose") is None
