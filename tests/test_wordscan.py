"""The faster ways of running a large regex find what the plain regex finds."""
import re

import pytest

from pipeline.wordscan import Caseless

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
