"""Money amounts, tonnages and percentage changes in one sentence, with offsets.

Where are money amounts parsed? Here: `find_amounts`. Currency words and symbols are
data (pipeline/data/currencies.csv); scale words come from `pipeline.numbers`."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pycountry

from pipeline import places
from pipeline.wordscan import Caseless, matches_at_starts
from pipeline.numbers import APPROXIMATE, SCALES, SPACE_GROUPED, digits_value, parse_number

_DATA = Path(__file__).resolve().parent / "data"
_DIGIT = re.compile(r"\d")


def _currencies() -> dict[str, str]:
    with open(_DATA / "currencies.csv", encoding="utf-8") as fh:
        return {row["surface"]: row["code"] for row in csv.DictReader(fh)}


def _iso_codes() -> dict[str, str]:
    """Every ISO 4217 code as written before a figure ("MAD 96.4 billion", "THB 5 billion"), from
    pycountry; not the X- codes (gold, SDRs, test codes). Before a number only, and as written:
    several are English words ("TOP 10 EXPORTERS"), which are left out."""
    return {c.alpha_3: c.alpha_3 for c in pycountry.currencies
            if not c.alpha_3.startswith("X") and c.alpha_3 not in _CODES_THAT_ARE_WORDS}


_CODES_THAT_ARE_WORDS = frozenset("ALL TOP CUP MOP BOB SOS PEN COP BAM".split())


_CSV_CURRENCY = _currencies()
_CURRENCY = {**_iso_codes(), **_CSV_CURRENCY}


def resolve_currency(unit: str | None, countries) -> str | None:
    """A currency name several countries use ("manat": AZN or TMT; csv code "AZN|TMT") is the one
    of the first of `countries` (ISO alpha-3) that issues it: an ISO 4217 code begins with its
    country's alpha-2 code. None when none of them does: the figure's unit is unknown."""
    if unit is None or "|" not in unit:
        return unit
    codes = unit.split("|")
    for code3 in countries:
        country = pycountry.countries.get(alpha_3=code3) if code3 else None
        if country is not None:
            match = next((c for c in codes if c[:2] == country.alpha_2 or code3 in _SHARED_CURRENCY.get(c, ())), None)
            if match:
                return match
    return None


# Currencies of a monetary union, whose codes do not begin with a member's alpha-2 code
_SHARED_CURRENCY = {"XOF": frozenset("BEN BFA CIV GNB MLI NER SEN TGO".split()),       # West African CFA franc
                    "XAF": frozenset("CMR CAF TCD COG GNQ GAB".split())}               # Central African CFA franc
# Regex alternations of every currency as written (also used by pipeline.tables for table headers)
CURRENCY_PATTERN = "|".join(re.escape(c) for c in sorted(_CSV_CURRENCY, key=len, reverse=True))
# Written before a figure: the csv's signs and codes, and any three capitals right before a number,
# kept only if it is an ISO 4217 code (one pattern instead of 150 alternatives: the alternation is
# tried at every character of every sentence).
PREFIX_CURRENCY_PATTERN = "|".join(re.escape(c) for c in sorted(_CSV_CURRENCY, key=len, reverse=True) if not c[0].islower())
_ISO_PREFIX_CUR = r"\b[A-Z]{3}(?=\s?\d)"
_PREFIX_CUR = f"{PREFIX_CURRENCY_PATTERN}|{_ISO_PREFIX_CUR}"
# "1,250.5", "1 250" (see numbers.SPACE_GROUPED), "1 600,2" and "269,4" (a decimal comma: never
# two digits or fewer after a thousands comma), "1250.5"
_NUM = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{SPACE_GROUPED}(?:[.,]\d+)?|\d+,\d{{1,2}}(?![\d,])|\d+(?:\.\d+)?"
# any case: "$10.8B" and "$1.2 Billion" in headlines ("$10.8 b" was read as $10.8 before)
_SCALE = r"(?i:thousand|thsd|thous|million|billion|trillion|crore|lakh|mln|mn|bln|bn|trln|tn|m|b|k)"
_TONNES = r"(?:metric\s+)?(?:tonnes|tons|tonne|ton|t)|(?-i:MT)\b"       # "612,000 MT": metric tons
_QUAL = rf"(?:(?P<qual>{APPROXIMATE})\s+)?"
_QUAL_WORDS = 1 + max(len(q.split(r"\s+")) for q in APPROXIMATE.split("|"))   # "in excess of" and the space after

# "$1.9 billion", "US$500 million", "USD 500 mln", "$1-1.5 billion", "€300m"
_PREFIXED = re.compile(
    rf"{_QUAL}(?P<cur>{_PREFIX_CUR})\s?(?P<n1>{_NUM})(?:[\s-]?(?P<s1>{_SCALE})\b)?"
    rf"(?:\s?(?:-|–)\s?(?:(?P=cur)\s?)?(?P<n2>{_NUM}))?(?:\s?(?P<s2>{_SCALE})\b)?(?!\s*%)")
# "1.5 billion dollars", "500 million tenge", "2.4 million tons"
_SUFFIXED = re.compile(
    rf"{_QUAL}(?P<n1>{_NUM})(?:\s?(?:-|–|to)\s?(?P<n2>{_NUM}))?(?:\s?(?P<s2>{_SCALE})\b"
    rf"(?:\s+(?P<n3>\d{{1,3}})\s+(?P<s3>million|thousand)\b)?)?\s+"       # "2 billion 163 million US dollars"
    rf"(?:(?P<dem>(?-i:[A-Z][a-z]+))\s+(?=(?:{CURRENCY_PATTERN})\b))?"        # "38 billion Djiboutian francs"
    rf"(?:(?P<cur>{CURRENCY_PATTERN})|(?P<ton>{_TONNES})|(?P<kg>kilogrammes|kilogramme|kilograms|kilogram|kgs|kg))\b", re.IGNORECASE)
# Where a _SUFFIXED match can start in lower-cased ASCII text (searched there instead of trying
# _SUFFIXED at every character): a qualifier followed by white space and a digit (no \b before it:
# "turnover 5 million tonnes" matches with "over"), or a digit that begins a run of digits. A digit
# inside a run can begin a match only through the thousands-comma number (n1 ends where the run,
# or its decimals, ends, so the plain and decimal-comma numbers from the run's first digit reach
# every end and every rest of the match it can reach; a space-grouped one never follows a digit):
# where at most three digits lie between it and a comma and a digit ("12345,678 tonnes" is
# "345,678 tonnes"). Every alternative begins with a plain character, so `re` skips to them.
_SUFFIXED_START = re.compile("|".join(
    [rf"{d}(?<![0-9]{d})|{d}[0-9]{{0,2}},[0-9]" for d in range(10)]
    + [rf"(?:{q})\s+[0-9]" for q in APPROXIMATE.split("|")]))
_BETWEEN_RANGE = re.compile(r"between\s*$", re.IGNORECASE)
# "two billion dollars", "half a million tonnes": a number in words before a scale word
_WORD_AMOUNT = re.compile(
    rf"{_QUAL}(?P<n1>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    rf"a\s+hundred|hundreds\s+of|a|half\s+a)(?P<half>\s+and\s+a\s+half)?\s+(?P<s1>million|billion|trillion)"
    # "two billion three hundred million dollars"
    rf"(?:\s+(?P<n2>one|two|three|four|five|six|seven|eight|nine)\s+hundred\s+(?P<s2>million|thousand))?"
    rf"\s+(?:(?P<cur>{CURRENCY_PATTERN})|(?P<ton>{_TONNES}))\b",
    re.IGNORECASE)
# A word amount needs a scale word right after white space and a word that ends in a letter (every
# number word of _WORD_AMOUNT, "and a half" too, does): most "billion"s follow digits ("$2 billion").
# (the literal first: it rules out most sentences at once; the pattern scans every letter)
_SCALE_WORD = re.compile(r"illion", re.IGNORECASE)
_WORD_SCALE = re.compile(r"[^\W\d_]\s+(?:m|b|tr)illion", re.IGNORECASE)


def _may_have_word_amount(text: str) -> bool:
    return _SCALE_WORD.search(text) is not None and _WORD_SCALE.search(text) is not None


# Cheap necessary conditions, checked before the patterns above (which are tried at every
# character): a prefixed amount needs a prefix currency as written; a suffixed one needs a
# currency word or a tonnage word after white space (compared lower-cased, which is what
# case-insensitive matching is for ASCII text; other text is always searched).
# (searched apart: one alternative that starts at any capital slows the search for all the others)
# and its number: a prefix currency is followed by at most one white space, then a digit (without it
# every capital P, K, R or N, the pula's, kwacha's, rand's and naira's signs, sent a sentence to _PREFIXED)
_ANY_PREFIX_CUR = re.compile(rf"(?:{PREFIX_CURRENCY_PATTERN})(?=\s?\d)")
_ANY_ISO_PREFIX = re.compile(_ISO_PREFIX_CUR)
_ANY_SUFFIX_UNIT_LOWER = re.compile(r"\s(?:" + "|".join(re.escape(c.lower()) for c in sorted(_CSV_CURRENCY, key=len, reverse=True)
                                                          if not (len(c) == 1 and c.isalpha()))   # never after a number
                                   + r")(?![a-z])|\s(?:ton|t\b|mt\b|kilogra|kg)")     # " franc" is no currency in " france"


def currency_code(surface: str) -> str | None:
    """The ISO 4217 code (or "A|B" for a name several countries use) of a currency as written."""
    return _CURRENCY.get(surface) or _CURRENCY.get(surface.lower()) or next(
        (code for s, code in _CURRENCY.items() if s.lower() == surface.lower()), None)


def _lower_ascii(text: str) -> str | None:
    """The text lower-cased when it is ASCII, else None (prefilters then do not apply)."""
    return text.lower() if text.isascii() else None


def _back_words(text: str, at: int, words: int) -> int:
    """Where a match that reaches `at` through at most `words` white-space separated words
    before it (a qualifier such as "in excess of", a verb and "by") can start at the earliest:
    `words` times back over white space, then over the word before it. Scanning from there
    finds what scanning from the start finds (nothing can match earlier), at a fraction of
    the cost: these patterns begin with optional words, so the regex engine tries every character."""
    j = at
    for _ in range(words):
        while j > 0 and text[j - 1].isspace():
            j -= 1
        while j > 0 and not text[j - 1].isspace():
            j -= 1
    return j


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str
    start: int
    end: int
    surface: str
    approximate: bool
    qualifier: str | None
    high: float | None


def _value(num: str, scale: str | None) -> float:
    v = digits_value(num)
    return v * SCALES[scale.lower()] if scale else v


def find_amounts(text: str) -> list[Amount]:
    if not _DIGIT.search(text):
        return _word_amounts(text) if _may_have_word_amount(text) else []
    low = _lower_ascii(text)
    scans = []                     # the matches of each pattern, from where one can start at the earliest
    found_at = [m.start() for m in (_ANY_PREFIX_CUR.search(text), _ANY_ISO_PREFIX.search(text)) if m is not None]
    if found_at:            # a prefixed amount: [qualifier] currency number
        scans.append(_PREFIXED.finditer(text, _back_words(text, min(found_at), _QUAL_WORDS)))
    if low is None or _ANY_SUFFIX_UNIT_LOWER.search(low):    # [qualifier] number ... currency or tonnes
        scan_from = _back_words(text, _DIGIT.search(text).start(), _QUAL_WORDS)
        scans.append(_SUFFIXED.finditer(text, scan_from) if low is None
                     else matches_at_starts(_SUFFIXED, text, _SUFFIXED_START, low, scan_from))
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for matches in scans:
        for m in matches:
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if m.start("n1") > 0 and text[m.start("n1") - 1].isalnum() and not m.group("cur"):
                continue
            scale2 = m.group("s2")
            scale1 = m.groupdict().get("s1") or (scale2 if m.group("n2") else None) or scale2
            if m.groupdict().get("ton") or m.groupdict().get("kg"):
                unit = "t"
            else:
                cur = m.group("cur")
                unit = currency_code(cur)
                if unit is None:
                    continue
                dem = m.groupdict().get("dem")
                if dem and f"{dem} {cur}" in _CURRENCY:     # "Belarusian rubles": a currency of its own
                    unit = _CURRENCY[f"{dem} {cur}"]
                elif dem and "|" in unit:                    # "Djiboutian francs": the demonym's country's
                    unit = resolve_currency(unit, (places.country_code(dem),)) or unit
            if len(m.group("cur") or "") == 1 and m.group("cur").isalpha() and not (
                    (m.start("cur") == 0 or not text[m.start("cur") - 1].isalnum())
                    and m.end("cur") == m.start("n1") and scale1):
                continue       # "R38.2bn", "N612 billion": a one-letter symbol only right before a number and a scale
            if m.group("n2") and not m.groupdict().get("s1") and scale2:
                scale1 = scale2
            low = _value(m.group("n1"), scale1)
            if m.groupdict().get("n3"):
                if m.group("n2") or SCALES[scale1.lower()] <= SCALES[m.group("s3").lower()]:
                    continue       # "2 billion 163 million": a smaller part only after a larger scale
                low += _value(m.group("n3"), m.group("s3"))
            high = _value(m.group("n2"), scale2 or scale1) if m.group("n2") else None
            if m.groupdict().get("kg"):          # "26 million kilograms of tea": tonnes are the unit of record
                low, high = low / 1000, (high / 1000 if high is not None else None)
            qual = m.group("qual")
            start = m.start()
            if high is not None and high < low:
                # "fell in 2024 to 85 billion CFA francs": not a range but a year, then the figure
                low, high, start, qual = high, None, m.start("n2"), None
            found.append(Amount(low, unit, start, m.end(), text[start:m.end()], bool(qual),
                                _qualifier(qual), high))
            taken.append((m.start(), m.end()))
    if _may_have_word_amount(text):
        found += [a for a in _word_amounts(text) if not any(a.start < e and s < a.end for s, e in taken)]
    # "between $2 billion and $3 billion": one range
    found.sort(key=lambda a: a.start)
    merged: list[Amount] = []
    for a in found:
        if (merged and merged[-1].unit == a.unit and merged[-1].high is None
                and re.fullmatch(r"\s*and\s*", text[merged[-1].end:a.start])
                and _BETWEEN_RANGE.search(text[:merged[-1].start])):
            p = merged.pop()
            a = Amount(p.value, p.unit, p.start, a.end, text[p.start:a.end], p.approximate, p.qualifier, a.value)
        merged.append(a)
    return merged


# A sum said without its currency, as people speak once the currency is clear: "Of that, our exports
# were 228 million", "we agreed to reach one billion by 2028" (only before a small word or the end, not
# "20 million people")
_UNITLESS = re.compile(
    rf"{_QUAL}(?<![\w$€£¥.,])(?P<n1>\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a|half\s+a)"
    r"\s+(?P<s1>million|billion)\b(?!\s*(?:and|or|to|-|–)\s*(?:[\d$€£]|(?:one|two|three|four|five|ten)\b))"   # (not a range's first end)
    r"(?=\s*(?:[,.;:)!?\"”’]|$|(?:of|in|by|for|last|this|that|a|and|or|from|to|at|"
    r"over|during|between|year|annually|per|each|worth)\b))",
    re.IGNORECASE)


def unitless_amounts(text: str) -> list[Amount]:
    """Sums in `text` said without a currency, their unit left empty: the caller knows which
    currency was told before."""
    out = []
    for m in _UNITLESS.finditer(text):
        raw = m.group("n1")
        n = digits_value(raw) if raw[0].isdigit() else _words_value(raw.lower())
        if n is None:
            continue
        qual = m.group("qual")
        out.append(Amount(n * SCALES[m.group("s1").lower()], "", m.start(), m.end(), m.group(0), bool(qual),
                          _qualifier(qual), None))
    return out


def _words_value(words: str) -> float | None:
    """The number a sum's lower-cased number words say: "half a" 0.5, "a" 1, "twelve" 12."""
    return 0.5 if words.startswith("half") else 1.0 if words in ("a", "hundreds of") else parse_number(words)


def _qualifier(qual: str | None) -> str | None:
    """A sum's qualifier as stored: "more than", "about" (lower case, single spaces)."""
    return " ".join(qual.lower().split()) if qual else None


def _word_amounts(text: str) -> list[Amount]:
    out = []
    for m in _WORD_AMOUNT.finditer(text):
        words = m.group("n1").lower()
        n = _words_value(words)
        unit = "t" if m.group("ton") else _CURRENCY.get(m.group("cur")) or _CURRENCY.get(m.group("cur").lower())
        if n is None or unit is None or words == "hundreds of":
            continue
        qual = m.group("qual")
        value = (n + (0.5 if m.group("half") else 0)) * SCALES[m.group("s1").lower()]
        if m.group("n2"):
            value += parse_number(m.group("n2").lower()) * 100 * SCALES[m.group("s2").lower()]
        out.append(Amount(value, unit, m.start(), m.end(), m.group(0), bool(qual), _qualifier(qual), None))
    return out


@dataclass(frozen=True)
class Change:
    pct: float | None
    ratio: float | None
    start: int
    end: int
    surface: str


_UP = (r"increased|increase|increases|increasing|rose|risen|rise|rises|rising|grew|grown|grow|grows|growing|growth|up|"
       r"climbed|climb|jumped|jump|surged|surge|soared|gained|gain|expanded|added|higher|boosted|advanced|"
       r"surging|soaring|jumping|climbing|expanding|recovered|rebounded")      # "In 2017 it recovered by 18 percent"
_DOWN = (r"decreased|decrease|decreases|decreasing|declined|decline|declines|fell|fallen|fall|falls|dropped|drop|"
         r"slipped|slip|slips|eased|edged\s+down|slowed|"
         r"drops|down|shrank|shrunk|contracted|contraction|slumped|plunged|lower|less|reduced|reduction|slid|dipped|"
         r"plummeted|tumbled|falling|dropping|declining|sliding|plunging|shrinking|slumping")
# "six percent", "twenty-five per cent": news style spells out small percentages
_WORD_PCT = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|"
             r"eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|a\s+hundred|one\s+hundred)")
_PCT = rf"(?P<num>{_NUM}|(?<![\w-]){_WORD_PCT})\s?(?:-\s?)?(?:%|percent|per\s+cent|pct|(?<=\d)pc)(?![\w])"     # "8pc": Pakistani style; "38.6 pct": wires
_SPELLED_PCT = re.compile(rf"\b{_WORD_PCT}\s?(?:-\s?)?(?:percent|per\s+cent)\b", re.IGNORECASE)
# "by 17 percent and 4 percent", "up 31 percent in volume and 12 percent in value"
_LIST_TAIL = (rf"(?P<more>(?:\s+(?:in|by)\s+(?:volume|value|weight|tonnage|quantity))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
              rf"(?:{_NUM})\s?(?:%|percent|per\s+cent)(?![\w]))*")
# "increased by 26.5%", "up 12 percent", "fell 4%", "grown by 40%"
_PCT_QUALIFIER = (r"(?:a\s+further\s+|another\s+|some\s+|about\s+|nearly\s+|almost\s+|over\s+|around\s+|more\s+than\s+|at\s+least\s+|"
                  r"roughly\s+|approximately\s+|close\s+to\s+|of\s+|only\s+|just\s+|a\s+mere\s+|merely\s+|barely\s+)")
# (not "made up nearly 60 percent of that amount": a share)
_VERB_PCT = Caseless(rf"\b(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)(?P<verb>{_UP}|{_DOWN})(?:(?:\s+(?:(?:last|this)\s+year|in\s+(?:19|20)\d\d)\s*,?|\s*,"   # "slipped last year, by 6 percent", "also increased, by 35%"
                    rf"|\s+(?:(?:less|more|much|even|far)\s+)?(?:[a-z]+ly|further|again)\s*,"     # "fell less steeply, by 9.8%", "dropped further, by 31 percent"
                    # "dropped further in the first nine months of this year, by 31 percent"
                    rf"|\s+(?:further\s+)?(?:in|during|over)\s+(?:the\s+)?(?:[\w-]+\s+){{0,6}}?(?:(?:this|last)\s+year|(?:19|20)\d\d)\s*,)(?=\s+by\b))?\s+"
                    rf"(?:by\s+)?{_PCT_QUALIFIER}?{_PCT}{_LIST_TAIL}")
# a verb and its percentage around the trade it changes: "to increase our exports to Kazakhstan by
# at least 30 percent", "cut imports from Russia by 10%"
_VERB_TRADE_PCT = Caseless(rf"\b(?P<verb>{_UP}|raise|lift|boost|expand|{_DOWN})\s+(?:(?:the|its|their|our|bilateral|mutual|annual|two-way)\s+)*"
                           rf"(?:trade|turnover|exports|imports)(?:\s+(?:to|from|with)\s+(?:the\s+)?\w+)?\s+(?P<by>by\s+"
                           rf"{_PCT_QUALIFIER}?{_PCT})")
# "a 15% increase", "a 20-percent rise", "15 percent growth"
_PCT_NOUN = Caseless(rf"{_PCT}\s+(?:year-on-year\s+|annual\s+)?(?P<verb>{_UP}|{_DOWN}|more(?=\s+than\b|\s*[,;.)]|\s*$"
                       # "which is 14.6% more compared to the same period of last year"
                       rf"|\s+(?:as\s+)?(?:compared|in\s+comparison)\b)"
                       # "6.3% below the same period last year", "12% above its 2022 level"
                       rf"|(?:below|above)(?=\s+(?:the\s+(?:same|previous|preceding|prior|year-earlier|year-ago)|"
                       rf"(?:its|their)\s+(?:(?:19|20)\d\d\s+)?level|last|a\s+year|(?:19|20)\d\d)\b))\b")
# "growth of 15%", "a decline of 4 percent"
# "$255.0 billion, +5.6% y/y", "(−4.5%)": a signed percentage in a table-like line
# a small number with a decimal point or a decimal comma: "(+64,2%)", "1,4 times more"
_DECIMAL = r"\d+(?:\.\d+|,\d{1,2}(?![\d,]))?"
_SIGNED_PCT = re.compile(rf"(?:(?<![\w.%])\+|(?<=[(,]\s)[−–-]|(?<=\()[−–-])\s?(?P<num>{_DECIMAL})\s?(?:%|percent|per\s+cent)"
                         rf"|(?<![\w.%])[−–-]\s?(?P<num2>{_DECIMAL})\s?%\s*(?=y/y|yoy|y-o-y|year[- ]on[- ]year)",
                         re.IGNORECASE)
# "exceeding the result of the same period of last year by 12 percent": a rise over an earlier period
_EXCEEDING_PCT = Caseless(rf"\b(?:exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?)\s+(?=[^.;]{{0,60}}?\b(?:year|period|(?:19|20)\d\d)\b)"
                          rf"(?:[\w-]+\s+){{1,9}}?by\s+{_PCT_QUALIFIER}?{_PCT}")
_NOUN_OF_PCT = Caseless(rf"\b(?P<verb>growth|increase|rise|decline|decrease|drop|fall|reduction)\s+of\s+{_PCT_QUALIFIER}?{_PCT}")
_RATIO = Caseless(rf"\b(?P<verb>{_UP}|{_DOWN})\s+(?:by\s+|of\s+)?(?:another\s+|a\s+further\s+)?(?P<num>{_NUM})(?:\s*-?\s*fold|\s+times)\b"
                    rf"|\b(?P<num2>two|three|four|five|{_DECIMAL})-?fold\s+(?P<verb2>{_UP}|{_DOWN})\b"
                    # "1.5 times more than in 2022" (+50%), "two times less than" (to half)
                    rf"|\b(?P<num3>two|three|four|five|{_DECIMAL})\s+times\s+(?P<verb3>more|higher|larger|greater|less|lower|smaller)\s+than\b"
                    # "1.8 times the volume of the previous year", "twice the amount of the year before"
                    rf"|\b(?:(?P<num4>two|three|four|five|{_DECIMAL})\s+times|(?P<twice>twice))\s+(?:the|its)\s+"
                    rf"(?:volume|amount|value|level|figure|total)\s+(?=(?:of|in|for|a)\b[^.;]{{0,30}}\b(?:year|period|before|earlier)\b)")
_MULTIPLY = re.compile(r"\b(?P<word>doubled|tripled|trebled|quadrupled|halved)\b"
                       # an aim: "agreed to work to double bilateral trade", "aims to double trade with China"
                       r"|(?<=\bto\s)(?P<aim>double|triple)(?=\s+(?:the\s+|their\s+|its\s+|our\s+|bilateral\s+|mutual\s+|"
                       r"annual\s+|two-way\s+)*(?:trade|turnover|exports|imports)\b)", re.IGNORECASE)
_MULTIPLY_RATIO = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_WORD_NUM = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0}
# "decreased by a quarter", "grew by a third", "fell by half"; "a third more than a year earlier"
_FRACTION = Caseless(rf"\b(?P<verb>{_UP}|{_DOWN})\s+by\s+(?:(?:about|nearly|almost|more\s+than|over|some|at\s+least|roughly)\s+)?"
                       r"(?P<frac>a\s+quarter|a\s+third|a\s+fifth|a\s+half|half|two[\s-]thirds|three[\s-]quarters)\b"
                       r"|\b(?P<frac2>a\s+quarter|a\s+third|a\s+fifth|two[\s-]thirds|three[\s-]quarters)\s+"
                       # (against an earlier time only: not "real trade could be a third higher than the official figure")
                       r"(?P<than>more|higher|larger|bigger|less|lower|smaller)\s+than(?=\s+(?:a\s+year\s+(?:earlier|ago|before)|"
                       r"(?:in|during)\s|last\s+year|(?:the\s+)?(?:previous|prior|preceding|same|year\s+before)\b|(?:19|20)\d\d\b))")
_FRACTION_PCT = {"a quarter": 25.0, "a third": round(100 / 3, 2), "a fifth": 20.0, "a half": 50.0, "half": 50.0,
                 "two thirds": round(200 / 3, 2), "three quarters": 75.0}


def _pct_number(raw: str) -> float:
    return digits_value(raw) if raw[0].isdigit() else parse_number(" ".join(raw.lower().split()))


def _sign(verb: str) -> int:
    return -1 if re.fullmatch(_DOWN + "|smaller|below", verb, re.IGNORECASE) else 1


# Every _MULTIPLY match holds one of these as written lower-cased ("doubled", "to double")
_MULTIPLY_STEMS = ("doubl", "tripl", "trebled", "quadrupled", "halved")


def _may_multiply(text: str, low: str | None) -> bool:
    """_MULTIPLY.search(text) is not None, tested first on the lower-cased ASCII text (the
    pattern's case-insensitive \b alternation is tried at every character)."""
    if low is not None and not any(stem in low for stem in _MULTIPLY_STEMS):
        return False
    return _MULTIPLY.search(text) is not None


_COMMA_BY = re.compile(r",\s+by\s+(?:[a-z]+\s+){0,2}$")


def find_changes(text: str) -> list[Change]:
    has_fraction = ((" by " in text or " than " in text) and any(w in text for w in ("quarter", "third", "fifth", "half"))
                    and _FRACTION.search(text) is not None)
    digit = _DIGIT.search(text)
    spelled_pct = digit is None and ("percent" in text or "per cent" in text)
    low = _lower_ascii(text)
    if digit is None and not spelled_pct and not _may_multiply(text, low) and not has_fraction:
        return []
    # percentages need "%" or "per cent"/"percent" after a number, and at most three words
    # before the number ("increased by more than", "growth of about"); ratios "fold" or
    # "times"; multiples their verb
    has_pct = (digit is not None or spelled_pct) and (low is None or "%" in low or "cent" in low or "pc" in low)
    # a percentage stands at most four words after its verb: search from four words before the
    # first digit, or from the start where one is spelled out
    pct_from = 0
    if has_pct and digit is not None and not _SPELLED_PCT.search(text):
        # (", by 31 percent": the verb may stand before a period told in between, a dozen words back)
        pct_from = _back_words(text, digit.start(), 12 if _COMMA_BY.search(text, max(0, digit.start() - 24), digit.start()) else 4)
    has_ratio = low is None or "fold" in low or "times" in low or "twice" in low
    has_multiple = low is None or any(w in low for w in _MULTIPLY_RATIO) or "to double" in low or "to triple" in low
    out: list[Change] = []
    taken: list[tuple[int, int]] = []

    def add(start, end, pct, ratio):
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        out.append(Change(pct, ratio, start, end, text[start:end]))

    for m in _VERB_PCT.finditer(text, pct_from) if has_pct else ():
        sign = _sign(m.group("verb"))
        # the first percentage, then each one of a list ("by 17 percent and 4 percent")
        first_end = m.end() if not m.group("more") else m.start("more")
        add(m.start(), first_end, sign * _pct_number(m.group("num")), None)
        if m.group("more"):
            for extra in re.finditer(_NUM, m.group("more")):
                s = m.start("more") + extra.start()
                e = m.start("more") + extra.end()
                tail = re.match(r"\s?(%|percent|per\s+cent)", text[e:])
                add(s, e + (tail.end() if tail else 0), sign * digits_value(extra.group(0)), None)
    for m in _SIGNED_PCT.finditer(text) if has_pct and ("+" in text or "-" in text or "−" in text) else ():
        num = m.group("num") or m.group("num2")
        add(m.start(), m.end(), (1 if m.group(0).lstrip()[0] == "+" else -1) * digits_value(num), None)
    for m in _VERB_TRADE_PCT.finditer(text) if has_pct and " by " in text else ():
        # the change starts at "by": the trade between the verb and it is the figure's topic
        add(m.start("by"), m.end(), _sign(m.group("verb")) * _pct_number(m.group("num")), None)
    for m in _EXCEEDING_PCT.finditer(text) if has_pct and ("exceed" in text or "surpass" in text) else ():
        add(m.start(), m.end(), _pct_number(m.group("num")), None)
    for pattern in (_PCT_NOUN, _NOUN_OF_PCT) if has_pct else ():
        for m in pattern.finditer(text, pct_from):
            add(m.start(), m.end(), _sign(m.group("verb")) * _pct_number(m.group("num")), None)
    for m in _RATIO.finditer(text) if has_ratio else ():
        verb = m.group("verb") or m.group("verb2") or m.group("verb3") or "up"
        raw = m.group("num") or m.group("num2") or m.group("num3") or m.group("num4") or "two"
        ratio = _WORD_NUM.get(raw.lower()) or digits_value(raw)
        if _sign(verb) < 0 and ratio > 1:
            ratio = 1 / ratio      # "decreased 2 times": to half
        add(m.start(), m.end(), round((ratio - 1) * 100, 6), ratio)
    for m in _MULTIPLY.finditer(text) if has_multiple else ():
        ratio = _MULTIPLY_RATIO[(m.group("word") or m.group("aim") + "d").lower()]
        add(m.start(), m.end(), round((ratio - 1) * 100, 6), ratio)
    for m in _FRACTION.finditer(text) if has_fraction else ():
        frac = " ".join((m.group("frac") or m.group("frac2")).lower().replace("-", " ").split())
        sign = _sign(m.group("verb")) if m.group("verb") else -1 if m.group("than").lower() in ("less", "lower", "smaller") else 1
        add(m.start(), m.end(), sign * _FRACTION_PCT[frac], None)
    out.sort(key=lambda c: c.start)
    return out
