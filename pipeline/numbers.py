"""Numbers written in digits or words, and counts of things ("approximately 700", "six")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.wordscan import matches_at_words

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "k": 1e3, "thsd": 1e3, "thous": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trln": 1e12, "crore": 1e7, "lakh": 1e5}
NUMBER_WORDS = "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True))
APPROXIMATE = (r"approximately|about|around|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|up\s+to|some|"
               r"roughly|at\s+least|close\s+to|an\s+estimated|exceeding|in\s+excess\s+of|upwards\s+of")


# Digits grouped by spaces ("1 250", "4 500 000"; no-break and thin spaces too): thousands in much
# European and translated copy. Never right after a digit or separator ("in 2023 120 firms" is no 23,120).
GROUP_SPACES = " \u00a0\u2009\u202f"
SPACE_GROUPED = rf"(?<![\d.,])\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+(?!\d)"
_SPACE_GROUPED = re.compile(SPACE_GROUPED)
_NO_GROUP_SPACES = str.maketrans("", "", GROUP_SPACES)
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def digits_value(raw: str) -> float:
    """'1,250.5' -> 1250.5, '1 250' -> 1250, and a decimal comma: '269,4' -> 269.4, '1 600,2' -> 1600.2."""
    raw = raw.translate(_NO_GROUP_SPACES)
    if "," in raw and not _THOUSANDS_COMMA.fullmatch(raw):
        return float(raw.replace(",", "."))
    return float(raw.replace(",", ""))


def parse_number(surface: str) -> float | None:
    """'1,234.5' -> 1234.5, 'six' -> 6, 'a dozen' -> 12, 'twenty-five' -> 25, '1.2 million' -> 1.2e6."""
    if surface[:1].isdigit() and _SPACE_GROUPED.fullmatch(surface):
        return digits_value(surface)
    s = " ".join(surface.lower().replace("-", " ").split())
    if not s:
        return None
    if s in ("a dozen", "dozen", "one dozen"):
        return 12.0
    if s in ("a hundred", "one hundred"):
        return 100.0
    if s == "a thousand":
        return 1000.0
    parts = s.split()
    if parts[:2] == ["a", "hundred"]:        # "a hundred and twenty"
        parts[0] = "one"
    scale = 1.0
    if len(parts) >= 2 and parts[-1] in SCALES:
        scale = SCALES[parts[-1]]
        parts = parts[:-1]
    if len(parts) == 2 and parts[0] == "half" and parts[1] == "a":
        return 0.5 * scale
    if len(parts) == 1 and re.fullmatch(r"\d[\d,]*(\.\d+)?", parts[0]):
        return float(parts[0].replace(",", "")) * scale
    total = 0
    for p in parts:
        if p in _UNITS:
            total += _UNITS[p]
        elif p in _TENS:
            total += _TENS[p]
        elif p == "hundred":
            total = (total or 1) * 100
        elif p == "dozen" and total:          # "two dozen"
            total *= 12
        elif p == "and":
            continue
        else:
            return None
    return float(total) * scale


@dataclass(frozen=True)
class Count:
    value: int
    start: int
    end: int
    surface: str
    approximate: bool


_COUNT = re.compile(
    rf"(?:(?P<approx>{APPROXIMATE})\s+)?"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|{SPACE_GROUPED}|\d+|a\s+dozen|dozen|"
    # "two thousand", "a thousand"; "one hundred and fifteen", "two hundred", "a hundred and twenty"
    rf"(?:a|{NUMBER_WORDS})\s+thousand|(?:a|{NUMBER_WORDS})\s+hundred(?:(?:\s+and)?\s+(?:{NUMBER_WORDS})(?:[-\s](?:{NUMBER_WORDS}))?)?|"
    rf"(?:{NUMBER_WORDS})(?:[-\s](?:{NUMBER_WORDS}|dozen))?)\b"
    r"(?P<plus>\+)?(?![\d.,]*\d)(?!\s*(?:%|percent|per\s+cent|st\b|nd\b|rd\b|th\b))",
    re.IGNORECASE)
_MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"


# Where a count can start: a digit, a number word, "a"/"dozen", or the first word of a qualifier.
_COUNT_FIRST_WORDS = frozenset([*_UNITS, *_TENS, "a", "dozen"]
                               + [alt.split("\\s+")[0] for alt in APPROXIMATE.split("|")])
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d[\d,.]*")     # "RM3,950": "RM", then "3,950" (not "950")


def _count_matches(text: str):
    """What _COUNT.finditer(text) yields, trying the pattern only where a count can start (the
    alternation, tried at every character, made this the dearest call of company extraction)."""
    return matches_at_words(_COUNT, text, _WORD_OR_NUMBER,
                            lambda word: word[0].isdigit() or word.lower() in _COUNT_FIRST_WORDS)


def find_counts(text: str) -> list[Count]:
    out = []
    for m in _count_matches(text):
        num = m.group("num")
        if m.start("num") > 0 and text[m.start("num") - 1].isalnum():
            continue   # inside a word: "someone", "A380"
        value = parse_number(num)
        if value is None or value != int(value) or value <= 0:
            continue
        before = text[max(0, m.start() - 12):m.start()]
        after = text[m.end():m.end() + 12]
        if num.isdigit() and 1900 <= int(num) <= 2100 and "," not in num:
            continue   # a year
        if re.search(r"[$€£¥]\s*$", before) or re.search(_MONTHS + r"\s*$", before) or re.match(r"\s*" + _MONTHS, after):
            continue   # money or a date
        if re.match(r"\s*(million|billion|trillion|mln|bn|thousand)\b", after, re.IGNORECASE) or re.match(r"\.\d", after):
            continue
        approximate = bool(m.group("approx") or m.group("plus"))
        out.append(Count(int(value), m.start(), m.end(), m.group(0), approximate))
    return out
