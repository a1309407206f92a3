"""Periods of time in one English sentence, with exact character offsets.

Use `pipeline.dates.find_periods` (the same function). Every period has an inclusive start and
end date, or None/None when it cannot be resolved without guessing.

Rules for expressions that need the publication date P (all None when P is unknown):
- "this year", "the current year": the whole calendar year of P (Jan 1 to Dec 31), not the
  year to date: a figure "this year" may also be a plan for the rest of the year;
  "last year" / "next year": the calendar year before / after P's.
- "the past/last N months|years" (and "the past year", "the past 12 months"): a rolling window
  that ends on P and starts N months/years earlier plus one day (P = 2023-11-15, "the past 10
  months" -> 2023-01-16..2023-11-15). "the last 3 months of 2022" is Oct-Dec 2022 instead.
- "this/last/next month": the calendar month of P / before / after it.
- A period without a year ("in the first quarter", "the first half", "from January to
  September", "in March") takes P's year; "in March" alone follows the yearless-date rule of
  pipeline.dates (a month starting more than 62 days after P is last year's), and so is a range
  of months whose last month does ("July-December" published in February). "the first N
  months" without a year (or of the current year) is None when it would end after P: a
  year-to-date figure cannot cover months that have not happened yet.
- "the previous year", "a year earlier": the year before the last explicit year stated before
  it in the sentence, else None (the reference is outside the sentence). "a year earlier" after
  a period of months or a fiscal year is that period one year back ("in July-December 2023,
  down from 1.04 million tons a year earlier": July-December 2022).
- "the same period of 2021" / "the same period last year": the nearest earlier period in the
  sentence moved to that year (one year back for "last year"); None if there is none. Always a
  comparison base.
- "by 2030", "by the end of 2025", "until 2030": kind "horizon", the whole target year;
  "the next five years": kind "horizon", P+1 day to P + 5 years.
- "since 2015": kind "range", 2015-01-01 to P (end None without P); "since the beginning of the
  year" / "since the start of 2024": the same, from January 1 of P's year / of that year.
- "the 2023/24 marketing year" (crop, grain, harvest year; grain season): July 2023 to June 2024,
  or the months glossed after it ("(September-August)"); a season alone is unknown.
- Solar Hijri years need a calendar word ("the Iranian year 1401", "the fiscal year 1401",
  "1401 SH") or a Gregorian gloss ("1401 (March 2022-March 2023)"); a bare "1401" is not a year.
  Solar Hijri year Y runs from Nowruz of Y to the day before Nowruz of Y+1 (table in
  pipeline/data/nowruz.txt); months 1-6 have 31 days, 7-11 have 30, month 12 the rest.
  "the current Iranian year" is the Solar Hijri year containing P.
- "fiscal year 2022", "FY2022", "FY23", "the 2022-23 fiscal year", "in 2023-24": kind "fiscal"
  with None dates (fiscal years differ by country: pipeline/fiscal.py dates them for a known
  country) and fiscal_end_year, the year it ends in; with its months stated ("fiscal year
  2022-23 (April-March)") it is dated here.
- Decades ("the 1990s"), "recent years", two-digit years: not periods.

is_comparison_base is True for a period that is the base of a comparison: "compared to/with
2019", "than (in) 2019", "against/versus 2019", "up from $300 million in 2019", "year-on-year
from 2019", "over/from/on 2019" (years and whole-year relatives only), "the same period ...".
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from typing import NamedTuple

from pipeline import dates as _d

# --------------------------------------------------------------------------- Solar Hijri calendar


def _load_nowruz(path) -> dict[int, dt.date]:
    table = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split()
        if line:
            table[int(line[0])] = dt.date.fromisoformat(line[1])
    return table


NOWRUZ: dict[int, dt.date] = _load_nowruz(_d.DATA_DIR / "nowruz.txt")
_SOLAR_MONTH_START = [0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336]   # day offsets from Nowruz


def solar_months(year: int, first: int, last: int) -> tuple[dt.date, dt.date] | None:
    """First day of Solar Hijri month `first` to last day of month `last` of `year` (1..12)."""
    if year not in NOWRUZ or year + 1 not in NOWRUZ or not 1 <= first <= last <= 12:
        return None
    nowruz = NOWRUZ[year]
    start = nowruz + dt.timedelta(days=_SOLAR_MONTH_START[first - 1])
    if last == 12:
        end = NOWRUZ[year + 1] - dt.timedelta(days=1)
    else:
        end = nowruz + dt.timedelta(days=_SOLAR_MONTH_START[last] - 1)
    return start, end


def solar_date(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of Solar Hijri `day` `month` `year` ("15 Shahrivar 1403" -> 2024-09-05)."""
    span = solar_months(year, month, month) if 1 <= day <= 31 else None
    if span is None or span[0] + dt.timedelta(days=day - 1) > span[1]:
        return None
    return span[0] + dt.timedelta(days=day - 1)


def solar_year_of(day: dt.date) -> int | None:
    """The Solar Hijri year that contains a Gregorian date."""
    y = day.year - 621
    if y in NOWRUZ and day >= NOWRUZ[y]:
        return y
    return y - 1 if y - 1 in NOWRUZ else None


# A Solar Hijri year ends in March of the Gregorian year this many years after it (1402 ends in March 2024)
SOLAR_YEAR_OFFSET = 622


def a_year_before(span: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date] | None:
    """"The same period of the previous year": Solar Hijri months (a span from a month's start to
    a month's end: "Farvardin-Aban 1402", "Mehr") move to the same months of the solar year
    before, other spans by one calendar year."""
    start, end = span
    year = solar_year_of(start)
    first = next((m for m in range(1, 13) if (solar_months(year, m, m) or (None,))[0] == start), None) if year else None
    for last in range(first or 13, 13):
        months = solar_months(year, first, last)
        if months is None:
            break
        if months[1] == end:
            return solar_months(year - 1, first, last)
    return _shift_years(span, -1)


def years_later(span: tuple[dt.date, dt.date], n: int) -> tuple[dt.date, dt.date] | None:
    """"Two years later", "the following year" after a whole year told before: that year moved on
    `n` years (a Solar Hijri year to the Solar Hijri year `n` on); None for a part of a year."""
    year = solar_year_of(span[0])
    if year is not None and solar_months(year, 1, 12) == span:
        return solar_months(year + n, 1, 12)
    if (span[0].month, span[0].day, span[1].month, span[1].day) == (1, 1, 12, 31) and span[0].year == span[1].year:
        return _shift_years(span, n)
    return None


def the_same_period_in(span: tuple[dt.date, dt.date], year: int) -> tuple[dt.date, dt.date] | None:
    """"In the same quarter of 2021" after the third quarter of 2022: the span moved to `year`.
    None for Solar Hijri months, whose Gregorian year says nothing of which solar year is meant."""
    if a_year_before(span) != _shift_years(span, -1):
        return None
    return _shift_years(span, year - span[0].year)


# --------------------------------------------------------------------------- Gregorian helpers

def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(y1: int, m1: int, y2: int, m2: int) -> tuple[dt.date, dt.date] | None:
    if not (_d.MIN_YEAR <= y1 <= _d.MAX_YEAR and _d.MIN_YEAR <= y2 <= _d.MAX_YEAR) or (y1, m1) > (y2, m2):
        return None
    return dt.date(y1, m1, 1), _month_end(y2, m2)


def add_months(day: dt.date, n: int) -> dt.date:
    """`day` moved n calendar months (the day clipped to the month's length)."""
    y, m = divmod(day.month - 1 + n, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _rolling(published: dt.date, months: int) -> tuple[dt.date, dt.date]:
    return add_months(published, -months) + dt.timedelta(days=1), published


def _shift_years(span: tuple[dt.date, dt.date], n: int) -> tuple[dt.date, dt.date] | None:
    start, end = span
    try:
        new_start = start.replace(year=start.year + n)
    except ValueError:                 # Feb 29
        new_start = dt.date(start.year + n, 2, 28)
    if end == _month_end(end.year, end.month):
        new_end = _month_end(end.year + n, end.month)
    else:
        try:
            new_end = end.replace(year=end.year + n)
        except ValueError:
            new_end = dt.date(end.year + n, 2, 28)
    return new_start, new_end


# --------------------------------------------------------------------------- patterns
#
# Speed (these run on every sentence): a period always holds a hint word (a year-like number,
# a month name, year/month/quarter/half), so only the text up to 50 characters before a hint
# is searched. There, a start finder jumps from separator to separator (a space, a bracket, a
# dash) in C and stops where a construct's first word follows; a construct never starts with
# an optional word ("the", "from", "between" are looked up behind it afterwards). At such a
# place one regex, branching on the first character, says which construct (variant) starts
# there, and that variant's own regex, with its groups, parses it.

def _words(words) -> str:
    return _d._alternation([w for word in words for w in (word, word.title())])


_Y = r"(?:19|20)\d\d(?!\d)(?![.,]\d)(?!['’]?s\b)"
_SY = r"1[34]\d\d(?!\d)(?![.,]\d)"
_N = r"(?:\d{1,2}(?!\d)|" + _words(_d.NUMBER_WORDS)[3:-1] + r")"
_MON = _d.MONTH_RX
_DASH = r"\s*[-–—]\s*"
_SOLAR_WORD = r"(?:Iranian|Persian|[Ss]olar(?:\s+[Hh]ijri)?|[Hh]ijri(?:\s+[Ss]olar|\s+[Ss]hamsi)?|Shamsi)"
# An optional Gregorian gloss after a solar year: "(March 2022-March 2023)", "(started March 21)"
_GLOSS = rf"(?:\s*\((?=[^()]{{0,60}}?(?:{_MON}|{_Y}))[^()]{{1,60}}\))?"


def _year_ref(p: str) -> str:
    """The year a part-of-year period belongs to: "2022", "the Iranian year 1401", "this year"..."""
    return (
        rf"(?:(?P<{p}_sol>(?:[Tt]he\s+)?(?:(?P<{p}_solrel>current|present|last|previous|past|next|coming)\s+)?"
        rf"{_SOLAR_WORD}\s+(?:calendar\s+|fiscal\s+)?year(?:\s+(?:of\s+)?(?P<{p}_soly>{_SY}))?)"
        rf"|(?:[Tt]he\s+)?(?:(?:Iranian|Persian)\s+)?fiscal\s+year\s+(?:of\s+)?(?P<{p}_fy>{_SY})"
        rf"|(?P<{p}_sy>{_SY})\s+(?:SH|AP|[Ss]olar\s+[Hh]ijri|[Ss]olar|Shamsi)\b"
        rf"|(?:[Tt]he\s+year\s+)?(?P<{p}_y>{_Y})"
        rf"|(?P<{p}_bsy>1[34]\d\d)(?!\d)(?![,.]\d)"     # "the first six months of 1403": a Solar Hijri year, bare
        rf"|(?P<{p}_rel>[Tt]his\s+year|[Ll]ast\s+year|[Nn]ext\s+year"
        rf"|[Tt]he\s+(?:current|present|previous|past|last|next|coming|same)\s+year|[Tt]he\s+year)\b)")


def _both(*words: str) -> list[str]:
    return [v for w in words for v in (w, w.title())]


# First words of constructs. Each entry is a literal first character followed by a regex.
_MONTH_WORDS = _d._cased(_d.MONTHS)
_FULL_MONTH_WORDS = _d._cased(_d._FULL_MONTH_NAMES)
_PERSIAN_MONTH_WORDS = _d._cased(_d.PERSIAN_MONTHS)
_NUMBER_WORDS = _both(*_d.NUMBER_WORDS) + [rf"{i}\d?(?!\d)" for i in range(1, 10)]
_YEAR_WORDS = ["19", "20"]            # + _YEAR_REST
_YEAR_REST = r"\d\d(?!\d)(?![.,]\d)(?!['’]?s\b)"
_SOLAR_YEAR_WORDS = ["13", "14"]      # + _SOLAR_YEAR_REST
_SOLAR_YEAR_REST = r"\d\d(?!\d)(?![.,]\d)"
_SOLAR_WORDS = ["Iranian", "Persian", "Solar", "solar", "Hijri", "hijri", "Shamsi"]
_SOLAR_WORD_REST = r"(?:\s+(?:[Hh]ijri|[Ss]olar|[Ss]hamsi))?"
_MONTH_END = r"(?![A-Za-z])\.?"


class _Variant(NamedTuple):
    name: str               # construct, which picks the handler
    group: str | None       # group name for the first word in the construct's own regex
    words: list[str]        # possible first words (literal first character)
    rest: str               # regex after the first word


# In order of preference where two constructs start at the same place.
_VARIANTS: list[_Variant] = [
    # same period of 2021 / same period last year  ("the" is looked up behind)
    _Variant("SAME", None, ["same"],
             rf"\s+(?:period|time|(?:{_N}\s+)?months?|quarter|half)(?:\s+(?:of|in|during|for))?\s+"
             rf"(?:(?P<sm_y>{_Y})(?:{_DASH}(?P<sm_y2>{_Y}))?"
             rf"|(?P<sm_rel>(?:last|the\s+previous|the\s+preceding|the\s+past|the\s+last)\s+year|a\s+year\s+(?:earlier|ago|before)"
             rf"|(?P<sm_sol>(?:the\s+)?(?:last|previous|past|preceding)\s+{_SOLAR_WORD}\s+(?:calendar\s+)?year))\b)"),
    # first 10 months of 2022 / first month of 2023 / 10 months of 2022 / last 3 months of 2022
    _Variant("MTD", None, _both("first"),
             rf"\s+(?:(?P<mt_n>{_N})\s+months|month|(?P<mt_q>two|three)\s+quarters)\s+(?:of|in)\s+{_year_ref('mt')}{_GLOSS}"),
    _Variant("MTD", "mt_n2", _NUMBER_WORDS, rf"\s+months\s+(?:of|in)\s+{_year_ref('mt')}{_GLOSS}"),
    # "the past ten months of the current Iranian year": the year to date
    _Variant("MTD", None, _both("past"), rf"\s+(?P<mt_n>{_N})\s+months\s+(?:of|in)\s+{_year_ref('mt')}{_GLOSS}"),
    _Variant("MTD", None, _both("last", "final"), rf"\s+(?P<mt_ln>{_N})\s+months\s+(?:of|in)\s+{_year_ref('mt')}{_GLOSS}"),
    # first 10 months (no year)
    _Variant("MTDNY", None, _both("first"), rf"\s+(?:(?P<mn_n>{_N})\s+months|(?P<mn_q>two|three)\s+quarters)\b(?!\s+of\b)"),
    # first half of 2023 / second half
    _Variant("HALF", "hf_o", _both("first", "second") + ["1st", "2nd"],
             rf"[\s-]+half\b(?:\s+(?:of\s+)?{_year_ref('hf')}{_GLOSS}|(?!\s+of\b))"),
    # third quarter of 2022 / first quarter
    _Variant("QTR", "qt_o", _both(*_d.ORDINALS, "last", "final") + ["1st", "2nd", "3rd", "4th"],
             rf"[\s-]+quarter\b(?:\s+(?:of\s+)?{_year_ref('qt')}{_GLOSS}|(?!\s+of\b))"),
    # H1 2023 / 1H 2023 / Q3 2022 / 3Q 2022 / Q1-Q3 2023
    _Variant("HQ", None, ["H"], rf"(?P<hq_h>[12])(?:(?:\s+of\s+|\s*[-/]?\s*)(?P<hq_y>{_Y})|(?![\w-]))"),
    _Variant("HQ", "hq_h2", ["1H", "2H"], rf"(?:\s+of\s+|\s*[-/]?\s*)(?P<hq_y>{_Y})"),
    _Variant("HQ", None, ["Q"], rf"(?P<hq_q>[1-4])(?:{_DASH}Q(?P<hq_qb>[1-4]))?(?:(?:\s+of\s+|\s*[-/]?\s*)(?P<hq_y>{_Y})|(?![\w-]))"),
    _Variant("HQ", "hq_q2", ["1Q", "2Q", "3Q", "4Q"], rf"(?:\s+of\s+|\s*[-/]?\s*)(?P<hq_y>{_Y})"),
    # 1401 (March 2022-March 2023)
    _Variant("SG", None, _SOLAR_YEAR_WORDS,
             rf"{_SOLAR_YEAR_REST}\s*\(\s*(?:{_MON}\s*)?(?P<sg_g1>{_Y})\s*(?:[-–—/]|to)\s*(?:{_MON}\s*)?(?P<sg_g2>{_Y})\s*\)"),
    # Iranian year ending March 20, 2023; the Iranian year that ended in March 2024
    _Variant("SOLEND", None, _SOLAR_WORDS,
             rf"{_SOLAR_WORD_REST}\s+(?:calendar\s+|fiscal\s+)?year\s+(?:that\s+)?(?:ending|ended|ends|to|through|until)"
             rf"\s+(?:on\s+|in\s+)?(?:March|MARCH|Mar\.?)(?:\s+(?:19|20|21)(?:st|th)?(?!\d))?(?:,?\s+(?P<se_y>{_Y}))?"),
    # Iranian year 1401 / Iranian year (current, last... looked up behind) / fiscal year 1401 / 1401 SH
    _Variant("SOL", None, _SOLAR_WORDS,
             rf"{_SOLAR_WORD_REST}\s+(?P<so_cal>calendar\s+|fiscal\s+)?year(?:,?\s+(?:of\s+)?(?P<so_soly>{_SY}))?{_GLOSS}"),
    _Variant("SOL", None, ["fiscal"], rf"\s+year\s+(?:of\s+)?(?P<so_fy>{_SY}){_GLOSS}"),
    _Variant("SOL", "so_sy", _SOLAR_YEAR_WORDS,
             rf"{_SOLAR_YEAR_REST}\s+(?:SH|AP|[Ss]olar\s+[Hh]ijri|[Ss]olar|Shamsi)\b{_GLOSS}"),
    # "in 1399": a Solar Hijri year alone, after in/during/for (checked in _handle)
    _Variant("SOLB", None, _SOLAR_YEAR_WORDS,
             rf"{_SOLAR_YEAR_REST}(?!\s*(?:%|percent|per\s+cent|tonnes?|tons?|t\b|units|companies|firms|people|km|hours|GMT))"),
    # Mehr 1402 / Farvardin-Mehr 1402 / Farvardin through Dey 1397
    _Variant("PM", "pm_m", _PERSIAN_MONTH_WORDS,
             rf"(?![A-Za-z])(?:(?:{_DASH}|\s+(?:to|through|till|until)\s+)(?P<pm_m2>{_d.PERSIAN_MONTH_RX}))?(?:\s+(?:of\s+)?(?P<pm_y>{_SY}))?"),
    # fiscal year 2022 / FY2022 / fiscal 2022 (boundaries differ by country)
    # the fiscal year to June 2023, the 12 months ended September 2023: twelve months ending with that month
    _Variant("YTO", None, _both("fiscal", "financial", "budget", "calendar"),
             rf"\s+year\s+(?:to|ending|ended|that\s+ended)\s+(?:in\s+|on\s+)?(?P<yto_m>{_MON})(?:\s+(?P<yto_d>\d{{1,2}})(?!\d))?(?:,?\s+(?P<yto_y>{_Y}))?"),
    _Variant("YTO", None, ["year"], rf"\s+(?:to|ending|ended|that\s+ended)\s+(?:in\s+)?(?P<yto_m3>{_MON})(?:\s+(?P<yto_d3>\d{{1,2}})(?!\d),?)?\s+(?P<yto_y3>{_Y})"),
    # the four quarters to the end of Q2 2024: the twelve months ending with that quarter
    _Variant("YTO", None, _both("four"), rf"\s+quarters\s+(?:to|ending)\s+(?:the\s+end\s+of\s+)?Q(?P<yto_q>[1-4])\s+(?P<yto_qy>{_Y})"),
    # the ten months to January 19, the four months to July 21 (2024): months ending on that day
    _Variant("NTO", "nto_n", _NUMBER_WORDS,
             rf"\s+months\s+(?:to|ending|ended|through)\s+(?:on\s+)?(?P<nto_m>{_MON})\s+(?P<nto_d>\d{{1,2}})(?!\d)(?:,?\s+(?P<nto_y>{_Y}))?"),
    _Variant("YTO", None, ["12"] + _both("twelve"),
             rf"\s+months\s+(?:to|ending|ended|through)\s+(?:in\s+)?(?P<yto_m2>{_MON})\s+(?P<yto_y2>{_Y})"),
    _Variant("FIS", None, _both("fiscal", "financial", "budget"),
             rf"\s+year(?:\s+(?:of\s+)?{_Y}(?:\s*[-–/]\s*(?:{_Y}|\d\d(?!\d)))?)?"),
    _Variant("FIS", None, ["FY"], rf"\s?(?:{_Y}|\d\d(?!\d))(?:\s*[-–/]\s*(?:{_Y}|\d\d(?!\d)))?"),
    _Variant("FIS", None, _both("fiscal"), rf"\s+{_Y}(?:\s*[-–/]\s*(?:{_Y}|\d\d(?!\d)))?"),
    # the 2022-23 fiscal year, the 2023/24 Ethiopian fiscal year
    _Variant("FIS", None, _YEAR_WORDS,
             rf"{_YEAR_REST}\s*[-–/]\s*(?:{_Y}|\d\d(?!\d))\s+(?:[A-Z][a-z]+\s+)?(?:fiscal|financial|budget)\s+year"),
    # the 2023/24 marketing year, the 2024-25 grain season: a harvest year, July to June unless glossed
    # (a season alone stays unknown: cocoa's starts in October, cotton's in August)
    _Variant("MKY", None, _YEAR_WORDS,
             rf"{_YEAR_REST}\s*[-–/]\s*(?:{_Y}|\d\d(?!\d))\s+(?:(?:marketing|crop|grain|harvest)\s+year"
             rf"|(?:grain|wheat|marketing|agricultural)\s+season|(?P<mky_season>season))\b"),
    # (a season alone is a grain season in a sentence about grain: _GRAIN)
    # the July–June 2023/24 season, April-March 2022/23: a split year whose months are named first
    _Variant("MSY", "ms_m1", _MONTH_WORDS,
             rf"{_MONTH_END}{_DASH}(?P<ms_m2>{_MON})\s+(?P<ms_y>{_Y})\s*[-–/]\s*(?P<ms_y2>{_Y}|\d\d(?!\d))"),
    # January-September 2023 / January to September 2023 / March 2022-March 2023 / January and September
    _Variant("MR", "mr_m1", _MONTH_WORDS,
             rf"{_MONTH_END}(?:\s+(?P<mr_y1>{_Y}))?(?P<mr_sep>{_DASH}|\s*/\s*|\s+(?:to|through|thru|till|until|and)\s+)"
             rf"(?P<mr_m2>{_MON})(?:,?\s+(?:period\s+)?(?:of\s+)?(?P<mr_y2>{_Y})|\s+(?:period\s+)?of\s+(?P<mr_rel>this|last|the\s+current|the\s+previous|the\s+past)\s+year"
             # "July-December of fiscal year 2024-25", "April-November of the current fiscal year 2023-24"
             rf"|\s+of\s+(?:the\s+)?(?:current\s+|last\s+|previous\s+)?(?:fiscal|financial)\s+year\s+(?P<mr_fy>{_Y})\s*[-–/]\s*(?:{_Y}|\d\d(?!\d)))?(?!\s*\d)"),
    # 2019-2020 / 2019 to 2021 / 2019 and 2021 (after "between")
    _Variant("YR", None, _YEAR_WORDS,
             rf"{_YEAR_REST}(?P<yr_sep>{_DASH}|\s+(?:to|through|till|until|and)\s+)(?P<yr_b>{_Y})"),
    # by 2030 / by the end of 2025 / until 2030 / by the end of this year
    _Variant("HZ", None, _both("by", "until", "till"),
             rf"\s+(?:the\s+(?:end|close)\s+of\s+)?(?:(?:the\s+year\s+)?(?P<hz_y>{_Y})"
             r"|(?P<hz_rel>this\s+year|the\s+current\s+year|next\s+year|the\s+next\s+year|the\s+coming\s+year|the\s+year)\b)"),
    # next five years
    _Variant("HZN", None, _both("next", "coming", "upcoming"), rf"\s+(?P<hn_n>{_N})\s+years\b"),
    # past 10 months / last 11 months / past year / last year / previous year
    _Variant("RL", "rl_w", _both("past", "last", "previous", "preceding"),
             rf"\s+(?:(?P<rl_n>{_N})\s+(?P<rl_u>months|years)|(?P<rl_y>year|twelve\s+months))\b"),
    # since the beginning of the year / since the start of 2024: the year to date
    _Variant("YTD", None, _both("since"),
             rf"\s+the\s+(?:beginning|start)\s+of\s+(?:(?:the|this)\s+(?:calendar\s+)?year\b|(?P<yd_y>{_Y}))"),
    # this year / next year / current year / a year earlier / the year before
    _Variant("RY", "ry_w", _both("this", "next", "current", "present", "coming", "prior"), r"\s+year\b"),
    # "full-year turnover", "the full-year result" (no year named after it): this year
    _Variant("RY", "ry_full", _both("full"), r"-year\b(?!\s+(?:19|20)\d\d)"),
    _Variant("RY", "ry_ago", ["year"], r"\s+(?:earlier|before)\b(?!\s+last)"),     # a year earlier, the year before
    # last month / this month / the past month
    # ("the last month of the year, Esfand": one of the year's months, not the month before publication)
    _Variant("RM", "rm_w", _both("last", "this", "next", "current", "previous", "past", "coming"), r"\s+month\b(?!\s+of\b)"),
    # March 2021 / March of 2021
    _Variant("MO", "mo_m", _MONTH_WORDS, rf"{_MONTH_END},?\s+(?:of\s+)?(?P<mo_y>{_Y})"),
    # (in) March
    _Variant("YM", "ym_m", _FULL_MONTH_WORDS, r"(?![A-Za-z])(?!\s*,?\s*\d)"),
    # 2020 / the year 2020
    _Variant("YE", None, _YEAR_WORDS, _YEAR_REST),
]
_GROUP = re.compile(r"\(\?P<\w+>")


def _build_finder():
    """One regex for all constructs, branching on the first character so that the engine
    rejects a position after one comparison per branch; plus the parser of each variant."""
    parsers: dict[str, tuple[str, re.Pattern]] = {}
    by_char: dict[str, list[str]] = {}
    for i, v in enumerate(_VARIANTS):
        key = f"{v.name}_{i}"
        first = _d._alternation(v.words)
        parsers[key] = (v.name, re.compile((f"(?P<{v.group}>{first})" if v.group else first) + v.rest))
        rest = _GROUP.sub("(?:", v.rest)
        tails: dict[str, list[str]] = {}
        for w in v.words:
            tails.setdefault(w[0], []).append(w[1:])
        for c, ts in tails.items():
            alt = "(?:" + "|".join(sorted(set(ts), key=len, reverse=True)) + ")"
            by_char.setdefault(c, []).append(f"(?P<{key}_{ord(c)}>{alt}{rest})")
    body = "|".join(re.escape(c) + "(?:" + "|".join(items) + ")" for c, items in by_char.items())
    return parsers, body


_PARSE, _ANY_CONSTRUCT = _build_finder()
_FIND_AT = re.compile(f"(?:{_ANY_CONSTRUCT})")      # which construct starts here, if any


_SEPARATORS = "\\s([{\"'“‘«/\\-–—,;:"


def _build_start_finder() -> tuple[re.Pattern, re.Pattern]:
    """Where a construct may start: after a separator (or at offset 0), one of the constructs'
    first words."""
    tails: dict[str, set[str]] = {}
    for v in _VARIANTS:
        for w in v.words:
            if w.isalpha() and len(w) > 1:
                w += "(?![A-Za-z])"
            elif w in ("H", "Q"):
                w += r"(?=\d)"
            elif w in _YEAR_WORDS or w in _SOLAR_YEAR_WORDS:
                w += r"(?=\d\d(?!\d))"
            tails.setdefault(w[0], set()).add(w[1:])
    body = "|".join(re.escape(c) + "(?:" + "|".join(sorted(ts, key=len, reverse=True)) + ")" for c, ts in tails.items())
    return re.compile(f"[{_SEPARATORS}](?:{body})"), re.compile(f"(?:{body})")


_START, _START_AT_0 = _build_start_finder()
_YEAR_ONLY = next(k for k, (name, _) in _PARSE.items() if name == "YE")

# A sentence without any of these has no period: most sentences stop here.
# Every alternative begins with a plain letter or digit, so that `re` skips ahead to the characters
# that can begin one instead of trying the whole alternation at every character (four times faster):
# "Q1" and "H2" after no word character is r"\b[QH][1-4]\b" written with its \b after the letter,
# and "(?:in|during|for|over) Mehr" is spelled out word by word, in the same order.
_HINT = re.compile("|".join(
    ["year", "Year", "YEAR", "month", "Month", "MONTH", "quarter", "Quarter", "QUARTER", "half", "Half", "HALF",
     r"19\d\d", r"20\d\d", r"13\d\d", r"14\d\d", r"FY\s?\d", r"Q(?<!\wQ)[1-4]\b", r"H(?<!\wH)[1-4]\b"]
    + _d._cased(_d.MONTHS)
    + [rf"{m}[-–]" for m in _PERSIAN_MONTH_WORDS]     # "Farvardin-Ordibehesht" with no year
    + [rf"{w} {m}\b" for m in _PERSIAN_MONTH_WORDS for w in ("in", "during", "for", "over")]))     # "exports in Mehr"

# Looked up behind a construct.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_THE_YEAR_BEFORE = re.compile(r"\b[Tt]he\s+year\s+(?:of\s+)?$")
_A_YEAR_BEFORE = re.compile(r"\b(?:[Aa]|[Tt]he)\s+$")
_FROM_BEFORE = re.compile(r"\b(?:(?P<between>[Bb]etween)|[Ff]rom)\s+(?:the\s+years\s+)?$")
_SOLAR_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?(?:\b(?P<rel>current|present|last|previous|past|next|coming)\s+)?$")
_FISCAL_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?(?:\b(?:current|this|last|previous|next|coming)\s+)?$")
# "the first half of", "the third quarter of", "H1 ", "Q3 " before a fiscal year
_FISCAL_PART_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?(?:\b(?P<ord>first|second|third|fourth)\s+(?P<unit>half|quarter)\s+of\s+(?:the\s+)?"
                                 r"|\bfirst\s+(?P<nm>\d{1,2}|[a-z]+)\s+months\s+of\s+(?:the\s+)?"     # "the first nine months of"
                                 r"|\b(?P<hq>[HQ])(?P<n>[1-4])\s+)$")
_ALONE_AFTER = re.compile(r"\s+alone\b")
_MONTH_ALONE_BEFORE = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?:(?:early|late)\s+|mid-?\s*)?$")

# A bare year is a period after these words (or after an opening bracket or a comma)...
_YEAR_AFTER_WORDS = frozenset(
    "in for during of throughout since from to until till than over against versus vs and or with within between "
    "after before year early late mid end beginning start on full-year whole-year calendar whole entire".split())
# ...or before these ("2022 exports"), but never after a currency sign or "No." ...
_YEAR_BEFORE_NOUNS = re.compile(
    r"\s+(?:trade|exports?|imports?|figures?|numbers|turnover|budget|levels?|volumes?|data|statistics|results?|census|"
    r"elections?|season|calendar\s+year|agreement|deal|plan|target|summit|visit|forum)\b", re.IGNORECASE)
# "2020-21", "2019/2020": a fiscal year or a season whose months are not stated.
_SPLIT_YEAR_AFTER = re.compile(r"(?:\s*[-–—]\s*\d\d(?!\d)|/\d)")
_SPLIT_YEAR = re.compile(r"(?:[-–—]|/)(?:\d\d|(?:19|20)\d\d)(?!\d)(?!\s*(?:%|percent|per\s*cent)\b)")
_NOT_YEAR_AFTER_WORDS = frozenset("no nos number usd eur kzt irr tenge rial rials dollar dollars".split())
# ...and never when a unit follows: "2000 tons", "2020 percent".
_UNIT_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s*cent\b|[-–]?\s*(?:million|billion|thousand|trillion|mln|bln|bn|tons?|tonnes?|metric|"
    r"barrels?|cubic|km|kilomet\w*|met(?:er|re)s?|hectares?|companies|firms|enterprises|people|persons|tourists|"
    r"students|trucks|wagons|containers|units|cars|vehicles|flights|projects|items|products|dollars|euros|tenge|"
    r"rials?|manat|rubles?|roubles?|MW|megawatts?|kilograms?|kg)\b)", re.IGNORECASE)


def _word_before(text: str, s: int) -> tuple[str, str, int]:
    """What stands just before offset s: (the last word, lower case, without trailing dots or
    hyphens, or ""; the punctuation mark there instead of a word, or ""; where it starts)."""
    lo = max(0, s - 30)
    tail = text[lo:s].rstrip()
    if not tail:
        return "", "", s
    if not (tail[-1].isalnum() or tail[-1] in ".-"):
        return "", tail[-1], lo + len(tail) - 1
    cut = max(tail.rfind(" "), tail.rfind("\n"), tail.rfind("\t"))
    word = tail[cut + 1:]
    opened = len(word) - len(word.lstrip(_OPENING_MARKS))      # '"For 2026 we expect ...': the word within the quote
    return word[opened:].rstrip(".-").lower(), "", lo + cut + 1 + opened


_OPENING_MARKS = "\"'“‘«(["


# Comparison bases: a keyword, then optionally an amount and "in", right before the period.
_AMOUNT = (r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|over\s+)?[$€£]?\s?\d[\d.,]*\s*(?:%|percent|per\s*cent)?\s*"
           r"(?:(?:million|billion|thousand|trillion|mln|bln|bn)\s*)?(?:(?:US\s*)?(?:dollars|euros|tons|tonnes|USD|EUR)\s*)?")
_COMPARE_KEYWORD = re.compile(_d._alternation(_both("compared", "comparison", "relative", "than", "against", "versus", "vs", "year", "from",
                                                      "twice", "times")))
_COMPARE_AT = re.compile(
    r"(?:compared\s+(?:to|with)|comparison\s+(?:to|with)|relative\s+to|than|against|versus|vs\.?)"
    rf"(?:\s+{_AMOUNT})?(?:\s*(?:in|during|for|of|that\s+of|those\s+of|(?:the\s+)?(?:same\s+)?(?:period|levels?)\s+(?:of|in)))?\s+$"
    r"|year[- ]on[- ]year\s+(?:from|over|against|compared\s+(?:to|with))?\s*$"
    rf"|from\s+{_AMOUNT}(?:in|during|for|of)\s+$"
    # "twice the volume of the same period in 1397", "1.8 times the value of 2022"
    r"|(?:twice|times)\s+(?:the|its)\s+(?:volume|amount|value|level|figure|total)\s+(?:(?:of|in|for)\s+)?"
    r"(?:the\s+(?:same\s+)?period\s+(?:of|in)\s+)?$", re.IGNORECASE)
# a change stated against a period: "an increase of 19.8% on January-October 2017", "up 4% from the first
# half of 2022" (the period is the base, not the figure's own)
_CHANGE_ON = re.compile(r"\d\s*(?:%|percent|per\s*cent)\s+(?P<on>(?:on|from)\s+(?:the\s+)?)?$", re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(_Y)


# --------------------------------------------------------------------------- candidates

class _Cand(NamedTuple):
    start: int
    end: int
    span: tuple[dt.date, dt.date] | None
    kind: str
    recipe: tuple | None = None      # how to move the period to another year ("the same period ...")
    comparison: bool = False
    whole_year: bool = False         # a year or a relative calendar year ("over 2019", "on last year")
    same_period: re.Match | None = None
    fiscal_end: int | None = None    # a fiscal year whose months the text does not state: the year it ends in
    year_back: bool = False          # "a year earlier": the period stated before it, one year back
    fiscal_months: tuple[int, int] | None = None   # "the first half of FY24": months 1..6 of it


def _fiscal_part_months(part: re.Match) -> tuple[int, int] | None:
    if part["nm"]:
        n = int(part["nm"]) if part["nm"].isdigit() else _d.NUMBER_WORDS.get(part["nm"].lower())
        return (1, n) if n and n < 12 else None
    if part["hq"]:
        n, size = int(part["n"]), 6 if part["hq"] == "H" else 3
    else:
        n, size = _d.ORDINALS[part["ord"].lower()], 6 if part["unit"] == "half" else 3
    if n * size > 12:
        return None
    return n * size - size + 1, n * size


def _months_to_day(m: re.Match, s: int, e: int, published: dt.date | None) -> _Cand | None:
    """"the ten months to January 19": the months that end on that day (the latest such day not after
    publication when no year is given). A day that ends a Solar Hijri month, as many of Iran's
    figures do, counts whole solar months ("the ten months to January 19, 2025" are Farvardin to Dey
    1403: 2024-03-20..2025-01-19)."""
    n, month, day = _number(_g(m, "nto_n")), _d.month_number(_g(m, "nto_m")), int(_g(m, "nto_d"))
    if not 1 <= n <= 12:
        return None
    try:
        if _g(m, "nto_y"):
            end = dt.date(int(_g(m, "nto_y")), month, day)
        elif published is not None:
            end = dt.date(published.year, month, day)
            if end > published:
                end = dt.date(published.year - 1, month, day)
        else:
            return _Cand(s, e, None, "range")
    except ValueError:       # no such day
        return None
    year = solar_year_of(end)
    if year is not None:
        ends = [k for k in range(1, 13) if (solar_months(year, k, k) or (None, None))[1] == end]
        if ends and ends[0] == n:
            return _Cand(s, e, solar_months(year, 1, n), "range")
    return _Cand(s, e, (_months_back(end, n), end), "range")


def _months_back(end: dt.date, n: int) -> dt.date:
    """The first day of the `n` months ending on `end`: the first of a month when `end` closes its
    month (the nine months to September 30 start on January 1), else the day after the same day
    `n` months before."""
    year, month = divmod(end.year * 12 + end.month - 1 - n, 12)
    if end.day == calendar.monthrange(end.year, end.month)[1]:
        return dt.date(year, month + 1, 1) + dt.timedelta(days=calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, min(end.day, calendar.monthrange(year, month + 1)[1])) + dt.timedelta(days=1)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _d.NUMBER_WORDS[word.lower()]


def _back(rx: re.Pattern, text: str, s: int, reach: int = 24) -> re.Match | None:
    """A match of `rx` (ending in $) that ends right where a construct starts."""
    return rx.search(text, max(0, s - reach), s)


def _year_spec(m: re.Match, p: str, text: str, published: dt.date | None):
    """("greg"|"solar", year or None, derived_from_published) for a year reference, or None
    when the group did not take part (a period with no year)."""
    if m[f"{p}_sol"] is not None:
        if m[f"{p}_soly"]:
            return "solar", int(m[f"{p}_soly"]), False
        return "solar", _relative_solar_year(m[f"{p}_solrel"], published), True
    if m[f"{p}_fy"]:
        return "solar", int(m[f"{p}_fy"]), False
    if m[f"{p}_sy"] or m[f"{p}_bsy"]:
        return "solar", int(m[f"{p}_sy"] or m[f"{p}_bsy"]), False
    if m[f"{p}_y"]:
        return "greg", int(m[f"{p}_y"]), False
    rel = m[f"{p}_rel"]
    if rel is None:
        return None
    rel = " ".join(rel.lower().split())
    if rel == "the same year":
        years = _EXPLICIT_YEAR.findall(text, 0, m.start())
        return "greg", (int(years[-1]) if years else None), False
    if published is None:
        return "greg", None, True
    if rel in ("last year", "the previous year", "the past year", "the last year"):
        return "greg", published.year - 1, True
    if rel in ("next year", "the next year", "the coming year"):
        return "greg", published.year + 1, True
    return "greg", published.year, True


def _relative_solar_year(rel: str | None, published: dt.date | None) -> int | None:
    """"the current/last/next Iranian year" (no word: the current one) seen from P."""
    if published is None:
        return None
    base = solar_year_of(published)
    if base is None:
        return None
    rel = (rel or "current").lower()
    if rel in ("last", "previous", "past"):
        return base - 1
    if rel in ("next", "coming"):
        return base + 1
    return base


def _year_part(spec, published, first: int, last: int):
    """Months first..last (1-based) of the year in `spec`; for a period with no year stated,
    of P's year. Returns (span, recipe)."""
    if spec is None:
        spec = ("greg", published.year if published else None, True)
    cal, year, _ = spec
    if year is None:
        return None, None
    if cal == "solar":
        span = solar_months(year, first, last)
        return span, (("solar", year, first, last) if span else None)
    span = _months(year, first, year, last)
    return span, (("greg",) if span else None)


# the Gregorian year a glossed Solar Hijri year ends in: "(March 2022-March 2023)", "(March 20, 2012-March 20, 2013)"
_GLOSS_END_YEAR = re.compile(rf"\([^()]*?[-–]\s*(?:{_MON})\s+(?:\d{{1,2}},?\s+)?(?P<y>{_Y})\s*\)$")
_DAY_GLOSS = re.compile(rf"\((?P<m1>{_MON})\s+(?P<d1>\d{{1,2}})\s*(?:[–-]|to)\s*(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})"
                        rf"(?:,?\s*(?P<y>{_Y}))?\)$")


def _day_gloss(surface: str, span, published: dt.date | None):
    """The days a gloss states: "(March 20–April 19)" after a period of another calendar's
    reckoning is what the period is, in the year of the period (or of P, or the gloss's own)."""
    g = _DAY_GLOSS.search(surface)
    if g is None:
        return None
    year = int(g["y"]) if g["y"] else (span[0].year if span else published.year if published else None)
    if year is None:
        return None
    m1, m2 = _d.month_number(g["m1"]), _d.month_number(g["m2"])
    try:
        start = dt.date(year, m1, int(g["d1"]))
        end = dt.date(year + (m2 < m1), m2, int(g["d2"]))
    except ValueError:
        return None
    return (start, end) if start < end else None


def _g(m: re.Match, group: str) -> str | None:
    """A group of a variant's match; None where that variant has no such group."""
    return m[group] if group in m.re.groupindex else None


_BARE_SOLAR_BEFORE = re.compile(r"\b(?:in|during|for|over)\s+$", re.IGNORECASE)
_AGENCY_AFTER = re.compile(r"\s*(?:News|Agency|news\s+agency|\((?:MNA|Mehr)\))", re.IGNORECASE)


def _solar_year_cand(s: int, e: int, year: int | None, kind: str = "solar_year") -> _Cand:
    """A whole Solar Hijri year (unknown when `year` is None or outside the Nowruz table)."""
    span = solar_months(year, 1, 12) if year is not None else None
    return _Cand(s, e, span, kind, ("solar", year, 1, 12) if span else None)


def _handle(name: str, m: re.Match, text: str, P: dt.date | None) -> _Cand | None:
    """A candidate for construct `name` parsed by `m`, or None if it is not a period after all."""
    s, e = m.start(), m.end()

    if name == "SAME":
        the = _back(_THE_BEFORE, text, s, 8)
        return _Cand(the.start() if the else s, e, None, "relative", None, True, False, m)

    if name in ("MTD", "MTDNY"):
        the = _back(_THE_BEFORE, text, s, 8)
        s = the.start() if the else s
        quarters = _g(m, "mn_q") or _g(m, "mt_q")     # "the first three quarters": nine months
        if name == "MTDNY":
            spec, n, last_n = None, 3 * _number(quarters) if quarters else _number(_g(m, "mn_n")), None
        else:
            spec = _year_spec(m, "mt", text, P)
            count = _g(m, "mt_n") or _g(m, "mt_n2")
            n = 3 * _number(quarters) if quarters else _number(count) if count else 1
            last_n = _number(_g(m, "mt_ln")) if _g(m, "mt_ln") else None
        if last_n is not None:
            if not 1 <= last_n <= 12:
                return None
            span, recipe = _year_part(spec, P, 13 - last_n, 12)
            return _Cand(s, e, span, "range", recipe)
        if not 1 <= n <= 12:
            return None
        span, recipe = _year_part(spec, P, 1, n)
        glossed = _day_gloss(m.group(), span, P)
        if glossed:                           # "the first month of the current year (March 20–April 19)"
            return _Cand(s, e, glossed, "range", None)
        if span and P and span[1] > P and (spec is None or spec[2] and span[1] > add_months(P, 1)):
            span, recipe = None, None         # year to date cannot end after publication (for "this year", a month after)
        return _Cand(s, e, span, "months_to_date", recipe)

    if name in ("HALF", "QTR"):
        the = _back(_THE_BEFORE, text, s, 8)
        s = the.start() if the else s
        if name == "HALF":
            h = _d.ORDINALS[_g(m, "hf_o").lower()]
            span, recipe = _year_part(_year_spec(m, "hf", text, P), P, 6 * h - 5, 6 * h)
            return _Cand(s, e, span, "half", recipe)
        word = _g(m, "qt_o").lower()
        q = 4 if word in ("last", "final") else _d.ORDINALS[word]
        spec = _year_spec(m, "qt", text, P)
        if spec is None and q == 4 and word in ("last", "final"):
            return _Cand(s, e, None, "quarter")   # "in the last quarter": the fourth, or the one before?
        span, recipe = _year_part(spec, P, 3 * q - 2, 3 * q)
        return _Cand(s, e, span, "quarter", recipe)

    if name == "HQ":                             # "Q3" with no year: of P's year, like "the third quarter"
        spec = ("greg", int(_g(m, "hq_y")), False) if _g(m, "hq_y") else None
        if _g(m, "hq_h") or _g(m, "hq_h2"):
            h = int((_g(m, "hq_h") or _g(m, "hq_h2"))[0])
            span, recipe = _year_part(spec, P, 6 * h - 5, 6 * h)
            return _Cand(s, e, span, "half", recipe)
        q1 = int((_g(m, "hq_q") or _g(m, "hq_q2"))[0])
        q2 = int(_g(m, "hq_qb")) if _g(m, "hq_qb") else q1
        if q2 < q1:
            return None
        span, recipe = _year_part(spec, P, 3 * q1 - 2, 3 * q2)
        return _Cand(s, e, span, "quarter" if q1 == q2 else "range", recipe)

    if name == "SG":
        y, g1, g2 = int(m.group()[:4]), int(_g(m, "sg_g1")), int(_g(m, "sg_g2"))
        if g1 != y + 621 or g2 != g1 + 1:
            return None
        return _solar_year_cand(s, e, y)

    if name == "SOLEND":
        the = _back(_THE_BEFORE, text, s, 8)
        s = the.start() if the else s
        if _g(m, "se_y"):
            end_year = int(_g(m, "se_y"))
        else:
            march = _d.resolve_yearless(3, 20, P)
            if march is None:
                return _Cand(s, e, None, "solar_year")
            end_year = march.year
        return _solar_year_cand(s, e, end_year - SOLAR_YEAR_OFFSET)

    if name == "SOL":
        fiscal = bool(_g(m, "so_fy")) or (_g(m, "so_cal") or "").startswith("fiscal")
        year = _g(m, "so_soly") or _g(m, "so_fy") or (m.group()[:4] if _g(m, "so_sy") else None)
        behind = _back(_SOLAR_BEFORE, text, s)
        if behind.group():
            s = behind.start()
        year = int(year) if year else _relative_solar_year(behind["rel"], P)
        if year is None and (gloss := _GLOSS_END_YEAR.search(m.group())):
            year = int(gloss["y"]) - SOLAR_YEAR_OFFSET     # "the last Iranian year (March 20, 2012-March 20, 2013)", undated
        return _solar_year_cand(s, e, year, "fiscal" if fiscal else "solar_year")

    if name == "SOLB":
        if not _back(_BARE_SOLAR_BEFORE, text, s, 12):
            return None
        return _solar_year_cand(s, e, int(m.group()[:4]))

    if name == "PM":
        m1 = _d.PERSIAN_MONTHS[_g(m, "pm_m").lower()]
        m2 = _d.PERSIAN_MONTHS[_g(m, "pm_m2").lower()] if _g(m, "pm_m2") else m1
        if _g(m, "pm_y"):
            y = int(_g(m, "pm_y"))
        elif (m2 > m1 or (_back(_BARE_SOLAR_BEFORE, text, s, 12) and not _AGENCY_AFTER.match(text, e))) and (
                y := _relative_solar_year(None, P)) is not None:
            # "in Farvardin-Ordibehesht", "exports in Mehr": the latest such months ended by
            # publication (but "Mehr" alone is also a news agency: "told Mehr", "in Mehr News")
            if (solar_months(y, m1, m2) or (None, P))[1] > P:
                y -= 1
        else:
            return None
        span = solar_months(y, m1, m2)
        return _Cand(s, e, span, "month" if m1 == m2 else "range", ("solar", y, m1, m2) if span else None)

    if name == "YTO":
        the = _back(_THE_BEFORE, text, s, 8)
        if _g(m, "yto_q"):
            month = 3 * int(_g(m, "yto_q"))
        else:
            month = _d.month_number(_g(m, "yto_m") or _g(m, "yto_m2") or _g(m, "yto_m3"))
        if _g(m, "yto_y") or _g(m, "yto_y2") or _g(m, "yto_y3") or _g(m, "yto_qy"):
            year = int(_g(m, "yto_y") or _g(m, "yto_y2") or _g(m, "yto_y3") or _g(m, "yto_qy"))
        elif P is not None:                    # "the financial year ended March 31": the last such end before P
            year = P.year if (month, calendar.monthrange(P.year, month)[1]) <= (P.month, P.day) else P.year - 1
        else:
            return _Cand(s, e, None, "range")
        day = _g(m, "yto_d") or _g(m, "yto_d3")
        day = int(day) if day else None
        if month == 3 and day in (19, 20, 21):      # "the fiscal year that ended on March 20": Iran's year
            return _solar_year_cand(the.start() if the else s, e, year - SOLAR_YEAR_OFFSET)
        if day and day < calendar.monthrange(year, month)[1]:
            # "the calendar year to March 20, 2023": the twelve months to that day
            end = dt.date(year, month, day)
            return _Cand(the.start() if the else s, e, (_months_back(end, 12), end), "range")
        return _Cand(the.start() if the else s, e, _months(year - (month < 12), month % 12 + 1, year, month), "range")

    if name == "NTO":
        return _months_to_day(m, s, e, P)

    if name == "FIS":
        behind = _back(_FISCAL_BEFORE, text, s)
        s = behind.start() if behind.group() else s
        end_year = _fiscal_end_year(m.group())
        part = _back(_FISCAL_PART_BEFORE, text, s, 30)
        months = _fiscal_part_months(part) if part else None
        if months:                             # "the first half of FY24", "Q3 FY2023", "the first nine months of the current fiscal year"
            return _Cand(part.start(), e, None, "fiscal", fiscal_end=end_year, fiscal_months=months)
        gloss = _FISCAL_MONTHS.match(text, e)
        if gloss and end_year and _months_of_year(gloss):      # "fiscal year 2022-23 (April-March)"
            return _Cand(s, gloss.end(), _year_of_months(end_year, *_months_of_year(gloss)), "fiscal")
        return _Cand(s, e, None, "fiscal", fiscal_end=end_year)

    if name == "MKY":
        if _g(m, "mky_season") and not _GRAIN.search(text):
            return None           # "the 2023-24 season" of cherries or cocoa: its months are the crop's
        end_year = _fiscal_end_year(m.group())
        gloss = _FISCAL_MONTHS.match(text, e)
        months = _months_of_year(gloss) if gloss else (7, 6)
        start = None if gloss else _SEASON_START.match(text, e)
        if start:                              # "the 2022/23 marketing year on September 1": September to August
            first = _d.month_number(start.group("m"))
            months, e = (first, (first + 10) % 12 + 1), start.end()
        if end_year is None or months is None:
            return None
        return _Cand(s, gloss.end() if gloss else e, _year_of_months(end_year, *months), "range")

    if name == "MSY":
        m1, m2, y1 = _d.month_number(_g(m, "ms_m1")), _d.month_number(_g(m, "ms_m2")), int(_g(m, "ms_y"))
        if m1 <= m2 or int(_g(m, "ms_y2")) % 100 != (y1 + 1) % 100:
            return None           # "January-June 2023/24" or "2023/25": no one year across two
        return _Cand(s, e, _months(y1, m1, y1 + 1, m2), "range")

    if name == "MR":
        opener = _back(_FROM_BEFORE, text, s, 12)
        if _g(m, "mr_sep").strip() == "and" and not (opener and opener["between"]):
            return None                            # "in March and April 2021": two periods
        s = opener.start() if opener else s
        m1, m2 = _d.month_number(_g(m, "mr_m1")), _d.month_number(_g(m, "mr_m2"))
        y1 = int(_g(m, "mr_y1")) if _g(m, "mr_y1") else None
        y2 = int(_g(m, "mr_y2")) if _g(m, "mr_y2") else None
        if _g(m, "mr_fy") and m1 <= m2:        # months of a split fiscal year: its first year's from April on
            y2 = int(_g(m, "mr_fy")) + (m1 < 4)
        if _g(m, "mr_rel"):                    # "January–July of this year", "... of last year"
            if P is None:
                return _Cand(s, e, None, "range")
            y2 = P.year - (_g(m, "mr_rel").split()[-1].lower() in ("last", "previous", "past"))
        if y1 is not None and y2 is None:
            return None
        if y2 is None:
            if P is None:
                return _Cand(s, e, None, "range")
            y2 = P.year
            if m1 <= m2 and dt.date(y2, m2, 1) - P > _d.FUTURE_WINDOW:
                y2 -= 1                            # "July-December" in February: last year's, not months to come
        if y1 is None:
            y1 = y2 if m1 <= m2 else y2 - 1
        if (y1, m1) >= (y2, m2):
            return None
        return _Cand(s, e, _months(y1, m1, y2, m2), "range", ("greg",) if y1 == y2 else None)

    if name == "YR":
        opener = _back(_FROM_BEFORE, text, s, 22)
        if _g(m, "yr_sep").strip() == "and" and not (opener and opener["between"]):
            return None
        a, b = int(m.group()[:4]), int(_g(m, "yr_b"))
        if not a < b <= a + 30 or _UNIT_AFTER.match(text, e):
            return None
        s = opener.start() if opener else s
        return _Cand(s, e, (dt.date(a, 1, 1), dt.date(b, 12, 31)), "range", None, False, True)

    if name == "HZ":
        if _g(m, "hz_y"):
            if _UNIT_AFTER.match(text, e):
                return None
            y = int(_g(m, "hz_y"))
        elif P is None:
            return _Cand(s, e, None, "horizon")
        else:
            y = P.year + (1 if ("next" in _g(m, "hz_rel") or "coming" in _g(m, "hz_rel")) else 0)
        return _Cand(s, e, (dt.date(y, 1, 1), dt.date(y, 12, 31)), "horizon")

    if name == "HZN":
        the = _back(_THE_BEFORE, text, s, 8)
        s = the.start() if the else s
        n = _number(_g(m, "hn_n"))
        if not 1 <= n <= 50:
            return None
        span = (P + dt.timedelta(days=1), add_months(P, 12 * n)) if P else None
        return _Cand(s, e, span, "horizon")

    if name == "RL":
        the = _back(_THE_BEFORE, text, s, 8)
        word = _g(m, "rl_w").lower()
        if _g(m, "rl_y") == "year" and word in ("previous", "preceding"):
            return _previous_year(the.start() if the else s, e, text)
        if _g(m, "rl_y") == "year" and word == "last" and not the:
            if P is None:
                return _Cand(s, e, None, "relative", None, False, True)
            y = P.year - 1
            return _Cand(s, e, (dt.date(y, 1, 1), dt.date(y, 12, 31)), "relative", ("greg",), False, True)
        s = the.start() if the else s
        if _g(m, "rl_n"):
            months = _number(_g(m, "rl_n")) * (12 if _g(m, "rl_u") == "years" else 1)
            if not 1 <= months <= 600:
                return None
        else:
            months = 12
        return _Cand(s, e, _rolling(P, months) if P else None, "relative")

    if name == "YTD":
        y = int(_g(m, "yd_y")) if _g(m, "yd_y") else P.year if P else None
        span = (dt.date(y, 1, 1), P) if P and y and P.year >= y else None
        return _Cand(s, e, span, "range")

    if name == "RY":
        if _g(m, "ry_ago"):                          # a year earlier, the year before
            article = _back(_A_YEAR_BEFORE, text, s, 8)
            return _previous_year(article.start(), e, text)._replace(year_back=True) if article else None
        the = _back(_THE_BEFORE, text, s, 8)
        s = the.start() if the else s
        word = (_g(m, "ry_w") or "this").lower()      # ("full-year": this one)
        if word == "prior":
            return _previous_year(s, e, text)
        if P is None:
            return _Cand(s, e, None, "relative", None, False, True)
        y = P.year + (1 if word in ("next", "coming") else 0)
        return _Cand(s, e, (dt.date(y, 1, 1), dt.date(y, 12, 31)), "relative", ("greg",), False, True)

    if name == "RM":
        the = _back(_THE_BEFORE, text, s, 8)
        word = _g(m, "rm_w").lower()
        s = the.start() if the else s
        if P is None:
            return _Cand(s, e, None, "relative")
        if word == "past" or (word == "last" and the):
            return _Cand(s, e, _rolling(P, 1), "relative")
        shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(word, 0)
        first = add_months(P.replace(day=1), shift)
        return _Cand(s, e, (first, _month_end(first.year, first.month)), "relative", ("greg",))

    if name == "MO":
        y, mo = int(_g(m, "mo_y")), _d.month_number(_g(m, "mo_m"))
        if _UNIT_AFTER.match(text, e):
            return None
        return _Cand(s, e, _months(y, mo, y, mo), "month", ("greg",))

    if name == "YM":
        if not _back(_MONTH_ALONE_BEFORE, text, s, 20) and not _ALONE_AFTER.match(text, e):
            return None                          # a month alone is a period only after in/during, or "June alone"
        mo = _d.month_number(_g(m, "ym_m"))
        first = _d.resolve_yearless(mo, 1, P)
        span = (first, _month_end(first.year, mo)) if first else None
        return _Cand(s, e, span, "month", ("greg",) if span else None)

    if name == "YE":
        y = int(m.group()[:4])
        if _UNIT_AFTER.match(text, e):
            return None
        split = _SPLIT_YEAR.match(text, e)
        if split:                                    # "in 2023-24": a fiscal year whose months are not stated
            end_year = _fiscal_end_year(text[s:split.end()])
            word, _, _ = _word_before(text, s)
            if end_year and word in ("in", "during", "for", "of", "throughout"):
                if _MARKETING_YEAR.search(text, 0, s):
                    # "During the 2015/16 marketing year, ... compared with 1.1 million tonnes in 2014/15": one too
                    return _Cand(s, split.end(), _year_of_months(end_year, 7, 6), "range")
                return _Cand(s, split.end(), None, "fiscal", fiscal_end=end_year)
            return None
        if _SPLIT_YEAR_AFTER.match(text, e):
            return None
        if s >= 2 and text[s - 1] in "/-–—" and text[s - 2].isdigit():
            return None                              # the second half of "2019/2020"
        the_year = _back(_THE_YEAR_BEFORE, text, s, 16)
        if the_year:                                 # "the year 2020"
            s = the_year.start()
        else:
            word, mark, word_at = _word_before(text, s)
            if (mark and mark in "$€£#№") or word in _NOT_YEAR_AFTER_WORDS:
                return None
            if not (word in _YEAR_AFTER_WORDS or (mark and mark in "([,;:–—") or s == 0
                    or _YEAR_BEFORE_NOUNS.match(text, e)):
                return None
            if word == "since":
                # "the highest monthly figure since 2018": the yardstick of a record, not a period
                record = _RECORD_BEFORE.search(text, max(0, word_at - 50), word_at)
                return _Cand(word_at, e, (dt.date(y, 1, 1), P) if P and P.year >= y else None, "range",
                             comparison=record is not None)
        return _Cand(s, e, (dt.date(y, 1, 1), dt.date(y, 12, 31)), "year", ("greg",), False, True)
    raise AssertionError(name)


_RECORD_BEFORE = re.compile(r"\b(?:highest|lowest|biggest|largest|smallest|best|worst|strongest|weakest|fastest|"
                            r"slowest|first\s+time|record)\b[^.;]{0,45}$", re.IGNORECASE)


def _previous_year(s: int, e: int, text: str) -> _Cand:
    """"the previous year", "a year earlier": the year before the last year stated before it."""
    years = _EXPLICIT_YEAR.findall(text, 0, s)
    if not years:
        return _Cand(s, e, None, "relative", None, False, True)
    y = int(years[-1]) - 1
    return _Cand(s, e, (dt.date(y, 1, 1), dt.date(y, 12, 31)), "relative", ("greg",), False, True)


def _year_back(c: _Cand, earlier: list[_Cand]) -> _Cand:
    """"$1.04 million tons a year earlier" after "in July-December 2023": July-December 2022.
    Without an earlier period of months, the year before the last year stated (c as built)."""
    ref = next((p for p in reversed(earlier) if not p.comparison and (p.recipe or p.fiscal_end)), None)
    if ref is None:
        return c
    if ref.fiscal_end:
        return c._replace(span=None, kind="fiscal", fiscal_end=ref.fiscal_end - 1)
    if ref.recipe[0] == "solar" and len(ref.recipe) == 4:
        _, year, first, last = ref.recipe
        return c._replace(span=solar_months(year - 1, first, last))
    if ref.recipe[0] == "greg" and ref.span and ref.span[0].year == ref.span[1].year:
        return c._replace(span=_shift_years(ref.span, -1))
    return c


def _overlaps_badly(s: int, e: int, atoms) -> bool:
    """True if the span cuts into or lies inside a day-level date ("April 2021" in "7 April 2021")."""
    for a in atoms:
        if a.start < e and s < a.end and not (s <= a.start and a.end <= e):
            return True
    return False


def _same_period_span(m: re.Match, earlier: list[_Cand]):
    """"the same period of 2021 / last year": the nearest earlier stated period, moved."""
    if m["sm_y2"]:
        return None
    ref = next((p for p in reversed(earlier) if not p.comparison and p.span and p.recipe), None)
    if ref is None:
        return None
    if ref.recipe[0] == "solar":
        if m["sm_y"]:
            return None
        _, year, first, last = ref.recipe
        return solar_months(year - 1, first, last)
    if m["sm_sol"]:
        return None
    start, end = ref.span
    if start.year != end.year:
        return None
    delta = (int(m["sm_y"]) - start.year) if m["sm_y"] else -1
    return _shift_years(ref.span, delta) if delta else None


def _is_comparison_base(c: _Cand, text: str) -> bool:
    if c.comparison:
        return True
    lo = max(0, c.start - 60)
    change = _CHANGE_ON.search(text, lo, c.start)
    if change and (change["on"] or text.startswith("from ", c.start)):     # (a candidate may hold its "from")
        return True
    for k in _COMPARE_KEYWORD.finditer(text, lo, c.start):
        if (k.start() == 0 or not text[k.start() - 1].isalnum()) and _COMPARE_AT.match(text, k.start(), c.start):
            return True
    if c.whole_year and text[c.start - 1:c.start].isspace() and not _WHEN_AFTER.match(text, c.end):
        # "up 5% over 2019" (but "a far cry from 2015, when the two traded $245 million": its time;
        # "Over 2021 as a whole, trade rose ...": the time the sentence opens with)
        word, _, at = _word_before(text, c.start)
        if word == "over" and (not text[:at].strip() or text[:at].rstrip()[-1] in ",;:" or _AS_A_WHOLE.match(text, c.end)):
            return False
        return word in ("over", "from", "on")
    return False


_WHEN_AFTER = re.compile(r",?\s+when\b")
_AS_A_WHOLE = re.compile(r"\s+as\s+a\s+whole\b", re.IGNORECASE)
_REACH_BACK = 50       # a construct starts at most this far before its first hint word


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text where a period can start: every construct holds a hint word."""
    spans: list[tuple[int, int]] = []
    for h in _HINT.finditer(text):
        lo, hi = max(0, h.start() - _REACH_BACK), h.end()
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _scan(text: str, published: dt.date | None, atoms, windows) -> list[_Cand]:
    cands: list[_Cand] = []
    done = 0                                   # text before this is taken by a candidate
    for lo, hi in windows:
        starts = [m.start() + 1 for m in _START.finditer(text, max(lo - 1, done), min(len(text), hi + 12))]
        if lo == 0 and _START_AT_0.match(text):
            starts.insert(0, 0)
        for s in starts:
            if s < done or s > hi:
                continue
            m = _FIND_AT.match(text, s)
            if m is None:
                continue
            group = m.lastgroup
            name, parser = _PARSE[group.rsplit("_", 1)[0]]
            if atoms and _overlaps_badly(s, m.end(), atoms):
                continue
            c = _handle(name, parser.match(text, s), text, published)
            if c is None and name == "YR":            # "2019 and 2020": two years
                c = _handle("YE", _PARSE[_YEAR_ONLY][1].match(text, s), text, published)
            if c is not None:
                cands.append(c)
                done = c.end
    return cands


_GRAIN = re.compile(r"\b(?:grain|wheat|barley|flour|maize|corn)\b", re.IGNORECASE)
_MARKETING_YEAR = re.compile(r"\b(?:marketing|crop|harvest)\s+year\b", re.IGNORECASE)


# A document that dates things in the Solar Hijri calendar: a stamp "1398/09/12", a Persian month with
# a day or year ("Aban 30", "15 Mehr 1402", "Farvardin-Aban"). (Not one that names "the Iranian year
# 1401" once: across the written sets, such articles mean the Gregorian year by "last year" as often.)
_IRANIAN_CALENDAR = re.compile(
    rf"\b1[34]\d\d/\d\d?/\d\d?\b"
    rf"|\b(?:{_d._alternation(_d._cased(_d.PERSIAN_MONTHS))})(?:\s+\d{{1,2}}\b|,?\s+1[34]\d\d\b|\s*[-–]\s*[A-Z])"
    rf"|\b\d{{1,2}}\s+(?:{_d._alternation(_d._cased(_d.PERSIAN_MONTHS))})\b")
# A period told against the publication date alone: "this year", "last year", "the first half",
# "the first eight months of the current year" (no year or month of its own)
_TOLD_FROM_P = re.compile(rf"{_Y}|{_SY}|\b(?:{_MON})\b|\bcalendar\b|[Gg]regorian", re.IGNORECASE)


def tells_iranian_calendar(texts: list[str]) -> bool:
    """Whether a document dates things in the Iranian calendar: then its "this year", "last year"
    and parts of them are Iranian years, as Iranian outlets write them."""
    return any(_IRANIAN_CALENDAR.search(t) for t in texts)


def in_iranian_years(found: list[_d.PeriodMention], published: dt.date | None) -> list[_d.PeriodMention]:
    """`found` with each whole-month period told against the publication date alone moved to the
    same months of the Solar Hijri year ("the first eight months of this year", published in
    December 2019: Farvardin to Aban 1398, 2019-03-21..2019-11-21)."""
    if published is None or (base := solar_year_of(published)) is None:
        return found
    out = []
    for p in found:
        start, end = p.start_date, p.end_date
        if (start is not None and end is not None and start.day == 1 and end == _month_end(end.year, end.month)
                and start.year == end.year and abs(start.year - published.year) <= 1 and p.kind != "horizon"
                and not _TOLD_FROM_P.search(p.surface)):
            moved = solar_months(base + start.year - published.year, start.month, end.month)
            if moved is not None:
                p = dataclasses.replace(p, start_date=moved[0], end_date=moved[1])
        out.append(p)
    return out


def find_periods(text: str, published: dt.date | None) -> list[_d.PeriodMention]:
    """Periods in one sentence, in text order (rules: module doc)."""
    windows = _windows(text)
    if not windows:
        return []
    atoms = _d.calendar_atoms(text) if _d._DIGIT.search(text) else []
    cands = _scan(text, published, atoms, windows)
    if len(atoms) >= 2:
        for r in _d.calendar_ranges(text, atoms):
            start, end = _d.range_dates(r, published)
            span = (start, end) if start else None
            cands.append(_Cand(r.start, r.end, span, "range", ("greg",) if span and start.year == end.year else None))
    for a in atoms:       # "April 7-9, 2021" is a range of days too
        if a.last_day is not None:
            first = dt.date(a.year, a.month, a.day) if a.year else _d.resolve_yearless(a.month, a.day, published)
            span = (first, first.replace(day=a.last_day)) if first else None
            cands.append(_Cand(a.start, a.end, span, "range", ("greg",) if span else None))
    if not cands:
        return []
    cands = _drop_overlaps(cands)
    out = []
    done: list[_Cand] = []
    for c in cands:
        if c.same_period is not None:
            c = c._replace(span=_same_period_span(c.same_period, done))
        elif c.year_back:
            c = _year_back(c, done)
        done.append(c)
        start_date, end_date = c.span if c.span else (None, None)
        out.append(_d.PeriodMention(start_date, end_date, c.start, c.end, text[c.start:c.end], c.kind,
                                    _is_comparison_base(c, text), c.fiscal_end, c.fiscal_months))
    return out


_FISCAL_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d|\d\d)(?!\d)(?:\s*[-–/]\s*((?:19|20)\d\d|\d\d)(?!\d))?")
# "(April-March)", "(July–June)": the months of a fiscal year, stated after it
_FISCAL_MONTHS = re.compile(rf"\s*\(\s*({_MON}){_DASH}({_MON})\s*\)")
# the month a season begins in, told after it: "the 2022/23 marketing year on September 1", "..., which began in August"
_SEASON_START = re.compile(rf",?\s+(?:(?:which|that)\s+)?(?:(?:began|begins|started|starts|starting)\s+)?(?:on|in)\s+"
                           rf"(?P<m>{_MON})(?:\s+1(?:st)?)?\b(?!\s*\d)")


def _months_of_year(gloss: re.Match) -> tuple[int, int] | None:
    """The first and last month a gloss names ("(April-March)"), if they make a year of twelve months."""
    m1, m2 = _d.month_number(gloss.group(1)), _d.month_number(gloss.group(2))
    return (m1, m2) if m1 == m2 % 12 + 1 else None


def _year_of_months(end_year: int, m1: int, m2: int) -> tuple[dt.date, dt.date] | None:
    """The twelve months m1..m2 that end in `end_year` (April-March 2023: 2022-04-01..2023-03-31)."""
    return _months(end_year - (m1 > m2), m1, end_year, m2)


def _fiscal_end_year(surface: str) -> int | None:
    """The calendar year a fiscal year ends in: "FY2022-23", "2022/23" -> 2023; "FY23", "fiscal
    year 2023" -> 2023 (a single year names the year the fiscal year ends in)."""
    m = _FISCAL_YEARS.search(surface)
    if m is None:
        return None
    first = int(m.group(1)) if len(m.group(1)) == 4 else 2000 + int(m.group(1))
    if m.group(2) is None:
        return first
    second = int(m.group(2)) if len(m.group(2)) == 4 else first // 100 * 100 + int(m.group(2))
    return second if second == first + 1 else None


def _drop_overlaps(cands: list[_Cand]) -> list[_Cand]:
    if len(cands) < 2:
        return cands
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
