"""Dates in one English sentence, with exact character offsets.

`find_dates` finds day-level dates ("April 7, 2021", "7 April", "on Monday", "yesterday")
and resolves them against the article's publication date when, and only when, one is known.
`find_periods` (implemented in pipeline/periods.py) finds spans of time ("the first 10 months
of 2022", "Q3 2022", "the Iranian year 1401"). `find_published_date` reads a dateline or byline
at the top of an article.

Nothing here guesses: what cannot be resolved is returned with a None date. Calendar words
live in pipeline/data/calendar_names.txt; regexes are compiled at import, and calls do no I/O.

Rules for expressions that need the publication date P:
- a yearless date ("April 7") is the latest date with that month and day that is not more than
  62 days after P (62 days ahead = an announced event); "December 30" in an article of
  2024-01-03 is 2023-12-30, "January 5" in an article of 2023-12-20 is 2024-01-05;
- "Monday" / "on Monday" is the latest Monday on or before P; "last/past Monday" the latest one
  strictly before P; "next/coming/this coming Monday" the first one strictly after P; "this
  Monday" is P only when P is a Monday, otherwise None (it can mean either direction);
- "yesterday", "today", "tomorrow" are P-1, P, P+1; "this morning", "this afternoon", "this evening" are P.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pipeline import places

DATA_DIR = Path(__file__).with_name("data")

# A yearless date up to this far after publication is an announced event of the same year.
FUTURE_WINDOW = dt.timedelta(days=62)
MIN_YEAR, MAX_YEAR = 1900, 2099


@dataclass(frozen=True)
class DateMention:
    date: dt.date | None   # resolved calendar date, or None when it cannot be resolved
    start: int
    end: int
    surface: str           # text[start:end] == surface
    kind: str              # "absolute", "yearless", "weekday" or "relative"
    last_day: int | None = None    # the span's last day: 30 for "April 27 to 30", "7-9 April"


@dataclass(frozen=True)
class PeriodMention:
    start_date: dt.date | None   # inclusive
    end_date: dt.date | None     # inclusive
    start: int
    end: int
    surface: str
    kind: str   # "year", "month", "months_to_date", "quarter", "half", "range", "solar_year",
                # "relative", "fiscal", "horizon"
    is_comparison_base: bool = False   # "compared to 2019", "than in 2019", "up from $1m in 2019"
    fiscal_end_year: int | None = None  # kind "fiscal" without dates: the calendar year it ends in
    fiscal_months: tuple[int, int] | None = None  # "the first half of FY24": months 1..6 of that fiscal year


# --------------------------------------------------------------------------- calendar words

def _load_calendar_names(path: Path) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        kind, number, *names = line
        for name in names:
            table.setdefault(kind, {})[name.lower()] = int(number)
    return table


CALENDAR_NAMES = _load_calendar_names(DATA_DIR / "calendar_names.txt")
MONTHS: dict[str, int] = CALENDAR_NAMES["month"]            # "january", "jan", "sept" -> month
WEEKDAYS: dict[str, int] = CALENDAR_NAMES["weekday"]        # "monday" -> 0
PERSIAN_MONTHS: dict[str, int] = CALENDAR_NAMES["persian_month"]
NUMBER_WORDS: dict[str, int] = CALENDAR_NAMES["number"]
ORDINALS: dict[str, int] = CALENDAR_NAMES["ordinal"]
_FULL_MONTH_NAMES = {name for name in MONTHS if len(name) > 3 and name != "sept"} | {"may"}


def _alternation(words) -> str:
    return "(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")"


def _cased(names) -> list[str]:
    """Title and UPPER spellings only: lower-case "may" and "march" are a verb, and a month
    written in lower case is rare enough in news copy to leave out."""
    return [v for n in names for v in (n.title(), n.upper())]


_MONTH_ABBREVIATIONS = [n for n in MONTHS if n not in _FULL_MONTH_NAMES]
# Each of these is a list of literal words, so a scan skips ahead in C to candidate letters.
# "March", "Mar.", "SEPT", "Sept."; the dot belongs to abbreviations only ("7 April." ends a sentence).
MONTH_RX = _alternation(_cased(MONTHS) + [a + r"\." for a in _cased(_MONTH_ABBREVIATIONS)]) + r"(?![A-Za-z])"
FULL_MONTH_RX = _alternation(_cased(_FULL_MONTH_NAMES)) + r"(?![A-Za-z])"
PERSIAN_MONTH_RX = _alternation(_cased(PERSIAN_MONTHS)) + r"(?![A-Za-z])"
YEAR_RX = r"(?:19|20)\d\d(?!\d)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?"
_DASH = r"\s*[-–—]\s*"
# between the two days of a span: "7-9 April", "April 27 to 30", "from 15 to 18 April", "May 27 and 28"
# (not "April 27 and 30 percent", "on 3 and 4 million tonnes": a number of something)
_DAY_TO_DAY = rf"(?:{_DASH}|\s+(?:to|and|until|till)\s+(?=\d+(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per\s|[-–]?\s*(?:million|billion|thousand|tonnes?|tons?|companies|firms|documents|agreements|people)\b))))"


def month_number(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").lower())


def _day_number(s: str) -> int:
    return int(s.rstrip("stndrh"))


# --------------------------------------------------------------------------- calendar dates

# Month first: "April 7, 2021", "Apr. 7 2021", "April 7-9, 2021", "April 7", "April 7th".
_CAL_MONTH_FIRST = re.compile(
    # ("July, 17, 2024": a comma after the month only with a year after the day)
    rf"(?P<m>{MONTH_RX})(?:,(?=\s+\d{{1,2}},\s+{YEAR_RX}))?\s+(?P<d>{_DAY})(?:{_DAY_TO_DAY}(?P<d2>{_DAY}))?(?:(?:\s*,\s*|\s+|/)(?P<y>{YEAR_RX}))?"    # "October 9/2024"
    r"(?(y)|\b(?!\s*,?\s*\d|[.,]\d))")
# Digit first: "2021-04-07", "07.04.2021", "27/01/2023", "7 April 2021", "7-9 April", "7th of April".
_CAL_DIGIT_FIRST = re.compile(
    r"(?P<a>\d(?<![\w$€£.,/\-–—#№+]\d)(?<!\d:\d)\d{0,3})(?!\d)(?:"      # ("3:30, March 6", "GMT+5, March 3": no day)
    r"(?P<iso_s>[-/.])(?P<iso_m>\d\d?)(?P=iso_s)(?P<iso_d>\d\d?)(?!\d)(?![.,/]\d)"
    r"|\.\s(?P<ymd_m>\d\d?)\.\s(?P<ymd_d>\d\d?)\.(?!\d)"            # "2024. 02. 21." (Hungarian, Korean)
    rf"|(?P<num_s>[./-])(?P<num_b>\d\d?)(?P=num_s)(?P<num_y>{YEAR_RX})(?![.,/]\d)"
    rf"|(?:st|nd|rd|th)?(?:{_DAY_TO_DAY}(?P<d2>{_DAY}))?,?\s+(?:of\s+)?(?P<m>{MONTH_RX})(?:,?\s+(?P<y>{YEAR_RX}))?)")   # "15, September 2024"


class CalendarAtom(NamedTuple):
    """A day-level date as written: `year` is None for "April 7"; `last_day` is set for
    "April 7-9"; `ambiguous` for "04/07/2021" (month and day order unknown)."""
    start: int
    end: int
    year: int | None
    month: int
    day: int
    last_day: int | None = None
    ambiguous: bool = False


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _month_first_atom(m: re.Match) -> CalendarAtom | None:
    mo, d = month_number(m["m"]), _day_number(m["d"])
    last = _day_number(m["d2"]) if m["d2"] else None
    y = int(m["y"]) if m["y"] else None
    return _checked_atom(m.start(), m.end(), y, mo, d, last)


def _digit_first_atom(m: re.Match) -> CalendarAtom | None:
    a = m["a"]
    if m["iso_s"] or m["ymd_m"]:
        if len(a) != 4 or not a.startswith(("19", "20")):
            return None
        month, day = (m["iso_m"], m["iso_d"]) if m["iso_s"] else (m["ymd_m"], m["ymd_d"])
        return _checked_atom(m.start(), m.end(), int(a), int(month), int(day), None)
    if len(a) > 2:
        return None
    if m["num_s"]:                             # 27.01.2023 and 27-01-2023 put the day first
        return _numeric_atom(m.start(), m.end(), int(m["num_y"]), int(a), int(m["num_b"]), m["num_s"] in ".-")
    last = _day_number(m["d2"]) if m["d2"] else None
    return _checked_atom(m.start(), m.end(), int(m["y"]) if m["y"] else None, month_number(m["m"]), int(a), last)


def _numeric_atom(start, end, y: int, x: int, b: int, day_first: bool) -> CalendarAtom | None:
    """A date written x/b/y: day first when `day_first` or x cannot be a month (27/01/2023), month
    first when b cannot be one (01/27/2023), else either way (04/07/2021: ambiguous, holding the
    day-first reading)."""
    if day_first or x > 12:
        d, mo, amb = x, b, False
    elif b > 12:
        d, mo, amb = b, x, False
    else:
        d, mo, amb = x, b, x != b
    atom = _checked_atom(start, end, y, mo, d, None)
    return atom._replace(ambiguous=amb) if atom else None


def _checked_atom(start, end, y, mo, d, last) -> CalendarAtom | None:
    if not 1 <= mo <= 12 or (last is not None and last <= d):
        return None
    check_year = y if y is not None else 2000          # a leap year: "February 29" may be valid
    if not _valid(check_year, mo, d) or (last is not None and not _valid(check_year, mo, last)):
        return None
    return CalendarAtom(start, end, y, mo, d, last)


_atoms_cache: tuple[str, list] = ("", [])


def calendar_atoms(text: str) -> list[CalendarAtom]:
    """Every day-level calendar date written in `text` (no weekdays, no relative words)."""
    global _atoms_cache
    cached_text, cached = _atoms_cache
    if cached_text is text:          # find_dates and find_periods on the same sentence
        return cached
    found: list[CalendarAtom] = []
    for m in _CAL_MONTH_FIRST.finditer(text):
        s = m.start()
        if s and text[s - 1].isalnum():
            continue
        atom = _month_first_atom(m)
        if atom:
            found.append(atom)
    for m in _CAL_DIGIT_FIRST.finditer(text):      # the look-behind keeps "$20 May", "1.5 May" out
        atom = _digit_first_atom(m)
        if atom:
            found.append(atom)
    if len(found) > 1:
        found.sort(key=lambda a: (a.start, -a.end))
        kept: list[CalendarAtom] = []
        for a in found:
            if not kept or a.start >= kept[-1].end:
                kept.append(a)
        found = kept
    _atoms_cache = (text, found)
    return found


def resolve_yearless(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """The latest date with this month and day not more than FUTURE_WINDOW after `published`."""
    if published is None:
        return None
    limit = published + FUTURE_WINDOW
    for year in (published.year + 1, published.year, published.year - 1):
        if _valid(year, month, day):
            d = dt.date(year, month, day)
            if d <= limit:
                return d
    return None


# A connector between two dates that makes them one range.
_RANGE_CONNECTOR = re.compile(r"\s*,?\s*(?:(?P<and>and)|to|until|till|through|thru|[-–—])\s*$")
_RANGE_OPENER = re.compile(r"(?:\b(?P<between>[Bb]etween)|\b[Ff]rom)\s+$")


class CalendarRange(NamedTuple):
    start: int            # offset of "between"/"from" when present, else of the first date
    end: int
    first: CalendarAtom
    last: CalendarAtom


def calendar_ranges(text: str, atoms: list[CalendarAtom]) -> list[CalendarRange]:
    """Pairs of dates written as one span: "between March 20, 2020, and February 18, 2021",
    "from March 20 to April 5, 2021", "March 20, 2020 - February 18, 2021"."""
    out = []
    for a, b in zip(atoms, atoms[1:]):
        if b.start - a.end > 12:
            continue
        conn = _RANGE_CONNECTOR.match(text, a.end, b.start)
        if conn is None:
            continue
        opener = _RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
        if conn["and"] and not (opener and opener["between"]):
            continue                       # "on April 7 and April 9": two dates
        out.append(CalendarRange(opener.start() if opener else a.start, b.end, a, b))
    return out


def range_dates(r: CalendarRange, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a range; a yearless first date takes the year of the second."""
    first, last = r.first, r.last
    if last.ambiguous or first.ambiguous:
        return None, None
    if last.year is not None:
        end = dt.date(last.year, last.month, last.last_day or last.day)
    else:
        end = resolve_yearless(last.month, last.last_day or last.day, published)
    if end is None:
        return None, None
    if first.year is not None:
        start = dt.date(first.year, first.month, first.day)
    else:
        year = end.year if (first.month, first.day) <= (end.month, end.day) else end.year - 1
        start = dt.date(year, first.month, first.day) if _valid(year, first.month, first.day) else None
    if start is None or start > end:
        return None, None
    return start, end


# --------------------------------------------------------------------------- weekdays, relative days

# ("held talks in Astana this morning": the day the story was published)
_REL_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1, "this morning": 0, "this afternoon": 0, "this evening": 0}
_DAY_WORD = re.compile(_alternation(_cased(list(WEEKDAYS) + list(_REL_OFFSET)) + list(_REL_OFFSET)
                                    + [w[0].upper() + w[1:] for w in _REL_OFFSET]))
_WEEKDAY_MODIFIER = re.compile(r"(?:\b(?:[Tt]his\s+coming|[Tt]his\s+past|[Nn]ext|[Ll]ast|[Pp]ast|[Cc]oming|[Tt]his))\s+$")
_DATE_AFTER_WEEKDAY = re.compile(r"[\s,(]*")


def resolve_weekday(weekday: int, modifier: str | None, published: dt.date | None) -> dt.date | None:
    """The date a weekday name refers to, seen from the publication date (rules: module doc)."""
    if published is None:
        return None
    mod = " ".join(modifier.lower().split()) if modifier else ""
    back = (published.weekday() - weekday) % 7          # days back to the latest such day, 0..6
    if mod in ("next", "coming", "this coming"):
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if mod in ("last", "past", "this past"):
        return published - dt.timedelta(days=back or 7)
    if mod == "this":
        return published if back == 0 else None
    return published - dt.timedelta(days=back)


# --------------------------------------------------------------------------- find_dates

_DIGIT = re.compile(r"\d")


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Day-level dates in one sentence, in text order (see the module doc for the rules)."""
    has_digit = _DIGIT.search(text) is not None
    has_day_word = ("day" in text or "DAY" in text or "orrow" in text or "ORROW" in text
                    or "his morning" in text or "his afternoon" in text or "his evening" in text)
    if not has_digit and not has_day_word:
        return []
    out: list[DateMention] = []
    if has_digit:
        atoms = calendar_atoms(text)
        inherited: dict[int, dt.date | None] = {}
        if len(atoms) > 1:
            for r in calendar_ranges(text, atoms):
                if r.first.year is None and r.last.year is not None:
                    inherited[r.first.start] = range_dates(r, published)[0]
        for a in atoms:
            if a.ambiguous:
                date = None
            elif a.year is not None:
                date = dt.date(a.year, a.month, a.day)
            elif a.start in inherited:
                date = inherited[a.start]
            else:       # "15 to 17 January": the year of the span's last day, as "17 January" alone would have
                last = resolve_yearless(a.month, a.last_day or a.day, published)
                date = last.replace(day=a.day) if last else None
            out.append(DateMention(date, a.start, a.end, text[a.start:a.end],
                                   "absolute" if a.year is not None else "yearless", a.last_day))
    if has_day_word:
        rel = _day_words(text, published, out)
        if rel:
            out = sorted(out + rel, key=lambda d: d.start)
    return out


def _day_words(text: str, published: dt.date | None, dates: list[DateMention]) -> list[DateMention]:
    found = []
    for m in _DAY_WORD.finditer(text):
        s, e = m.span()
        if (s and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
            continue                                   # "Sundays", "todays"
        word = m.group().lower()
        if word in _REL_OFFSET:
            date = published + dt.timedelta(days=_REL_OFFSET[word]) if published else None
            found.append(DateMention(date, s, e, m.group(), "relative"))
            continue
        after = _DATE_AFTER_WEEKDAY.match(text, e).end()
        if any(d.start == after for d in dates):
            continue                                   # "Monday, April 7, 2021": the date says it
        mod = _WEEKDAY_MODIFIER.search(text, max(0, s - 16), s)
        if mod:
            s = mod.start()
        date = resolve_weekday(WEEKDAYS[word], mod.group() if mod else None, published)
        found.append(DateMention(date, s, e, text[s:e], "weekday"))
    return found


def find_periods(text: str, published: dt.date | None) -> list[PeriodMention]:
    """Spans of time in one sentence; see pipeline/periods.py."""
    return _periods.find_periods(text, published)


# --------------------------------------------------------------------------- publication date

_HEAD_CHARS = 1500    # the publication date is stated at the top of an article...
_HEAD_LINES = 15
_LINE_HEAD = 120      # ...and near the start of its line
_NAME = r"[A-Z][\w.'’-]*"
_WEEKDAY_ANY = _alternation(_cased(list(WEEKDAYS) + [w[:3] for w in WEEKDAYS])) + r"\b\.?,?\s*"
_ZONE_OFFSET = r"(?:[+-]\d{1,2}(?::?\d\d)?)?"      # "GMT+3:30", "UTC-5"
# What may stand before the date on a publication line.
_PUB_LABEL = re.compile(
    r"\s*(?:(?:[Ff]irst\s+|(?:[Ii]nterview|[Aa]rticle|[Ss]tory|[Rr]eport)\s+)?[Pp]ublished|PUBLISHED|[Pp]osted|POSTED|[Dd]ate\s+of\s+[Pp]ublication|[Dd]ate|DATE|[Pp]ublication\s+[Dd]ate|[Pp]ublish(?:ing)?\s+[Dd]ate|[Pp]ublish(?:ed)?\s+[Tt]ime|[Pp]ublication\s+[Tt]ime|[Pp]ublish(?=\s*:)|[Ss]ent(?=\s*:)|[A-Z][a-z]+\s+date\s*(?=:)|(?:[Pp]ress\s+release|[Rr]elease|[Bb]ulletin|[Cc]ommuniqu[eé])\s+(?:No\.?\s*[\w./-]+\s+)?(?:of|dated)|[Rr]eleased|[Ii]ssued|(?:[Ii]ssue\s+)?[Dd]ated|[Bb]roadcast|[Aa]ired"
    r"|(?:[Rr]esearch|[Mm]arket|[Aa]nalyst|[Pp]olicy)\s+(?:note|brief|report|update)\s*,"      # "Research note, 2 June 2025"
    # "Business feed, 26.01.2026", "Morning digest, 5 March 2024": a dated issue of a feed or newsletter
    r"|(?:[A-Z][a-z]+\s+)?(?:feed|digest|roundup|briefing|edition|newsletter|bulletin)\s*,"
    r"|[Pp]ress\s+(?:service|office|cent(?:re|er))\s*,|[Tt]ime(?=\s*:)"      # "Press service, 24 September 2019", "Time: 10:15 / 12 October 2017"
    # a page's machine-readable stamp kept in the text: "<meta> datePublished: 2021-12-09T08:30",
    # '"datePublished": "2021-12-09"', '<meta property="article:published_time" content="2021-12-09'
    r"""|<time\b[^>]*>"""      # '<time datetime="2024-01-16T09:30:00+05:00">16.01.2024</time>': a page's time element kept in the text
    r"""|(?:<meta\b[^>]*?>?\s*)?["']?(?:datePublished|article:published_time|published_time|publishDate|pubdate)["']?"""
    r"""(?:\s+content\s*=)?\s*[:=]?\s*["']?)"""
    rf"(?:\s+(?:[Oo]n|[Aa]t|ON|AT))?\s*[:\-–]?\s*(?:{_WEEKDAY_ANY})?"
    rf"(?:\d{{1,2}}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{{2,4}}{_ZONE_OFFSET}\s*)?[,|/]?\s*)?")   # "Published: 09:45 PM, 21 Aug 2023", "4:12 AM GMT+3:30, June 14, 2024"
# "By Jane Doe, 3 June 2023", "Author: Jane Doe / 3 June 2023", "By Jane Doe in Business on 13 March 2024",
# "Posted by Jane Doe on September 30, 2019"
# ("by Anna Hovsepyan  12:48, 21 February 2024", "By Rauf Mammadli (09/25/2024 issue of ...)")
_PUB_BYLINE = re.compile(rf"\s*(?:[Bb]y|BY|[Ww]ritten\s+by|[Pp]osted\s+by|(?:[Aa]uthor|AUTHOR|[Rr]eporter)\s*:)\s+{_NAME}(?:\s+{_NAME}){{0,4}}"
                         rf"(?:\s+in\s+{_NAME}(?:\s+{_NAME})?)?"
                         # "By Saule Temirkhanova, AgroEurasia correspondent, 3 September 2024"
                         rf"(?:\s*,\s*(?:{_NAME}\s+){{0,2}}(?:[a-z]+\s+){{0,2}}(?:correspondent|reporter|editor|writer|analyst))?"
                         rf"\s*(?:[|,•·–—/(-]\s*)?(?:on\s+)?(?:{_WEEKDAY_ANY})?"
                         r"(?:\d{1,2}:\d\d\s*,?\s*)?")
# "Ilkhom Nazarov in Tashkent May 22, 2024": a reporter's name and where they filed from, no "By"
_PUB_FILED_FROM = re.compile(rf"\s*{_NAME}\s+{_NAME}(?:\s+{_NAME})?\s+in\s+{_NAME}(?:\s+{_NAME})?\s*,?\s*")
_PUB_BARE = re.compile(rf"\s*\[?(?:{_WEEKDAY_ANY})?")     # "[12 May 2025 19:47]"
# "16:42 / 26.04.2024": a time stamp, then the date
_PUB_STAMP = re.compile(r"\s*\d{1,2}:\d\d\s*[/|,•·–—-]?\s*")
_NOT_A_PLACE = r"(?!(?:On|In|At|Since|From|Until|Before|After|During|The|As|Last|Updated|Modified|Copyright)\b)"
_PUB_DATELINE = re.compile(
    rf"\s*{_NOT_A_PLACE}{_NAME}(?:\s+{_NAME}){{0,2}}(?:\s*,\s*{_NAME}(?:\s+{_NAME}){{0,2}})?"
    rf"\s*(?:,|\.|[-–—]|:\s*{_WEEKDAY_ANY}|\(\w[^()]{{0,30}}\)\s*(?:--|[-–—,])?)?\s*"     # "Tashkent, Uzbekistan (UzDaily.com) -- October 24, 2023"
    # "Riyadh, 14 Rabi' al-Awwal 1446 AH, 17 September 2024 —": a Hijri date before the Gregorian one
    r"(?:\d{1,2}\s+[A-Z][\w'’ -]{2,24}?\s+1[34]\d\d\s*(?:AH|A\.H\.|H)\s*,\s*)?")
# What may follow the date on a line that is otherwise only a date or a dateline.
_PUB_AFTER = re.compile(
    r"\s{3,}\S"                                                # "Ashgabat, 25.04.2024          Views: 1 204": another column
    r"|[,.]\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s*(?:[-–—]{1,2}|:)"   # "Riyadh, October 20, 2024, SPA --", "Astana. 21 May 2025. INTERFAX-KAZAKHSTAN –"
    r"|[,.]\s*/[A-Z][\w .-]{1,30}/"                          # "MOSCOW, December 7, 2023. /TASS-Express/."
    r"|\s*(?:$"
    r"|(?:[,.|•·–—-]\s*|at\s+|T|\[)?\d{1,2}[:.]\d\d(?!\d)"     # a time ("T09:15": ISO 8601; "10.15 GMT"; "[17:22]"; "2024.10.21. 17:05")
    r"|\.\s*$"                                                  # "Bogota, July 16, 2024."
    rf"|\s+(?:GMT|UTC){_ZONE_OFFSET}\s*$"                        # "February 11, 2020 GMT"
    r"|\(\s*[^()]{1,40}\)\s*(?:[-–—:|/.]|$|,\s*\d{1,2}[:.]\d\d(?!\d))"    # (MNA) –, (TBH)., "Farvardin 25, 1405 (April 14, 2026), 18:50"
    r"|[-–—|:/•·]"                                             # a separator
    r"|by\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s*$)")      # "November 20, 2024 by Camila Rojas"
_US_TIME_ZONE = re.compile(r"[,\s]*(?:\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*)?\(?(?:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT)\b")
# Countries that write the month first ("11/05/2024" is November 5); elsewhere the day comes first.
MONTH_FIRST_COUNTRIES = frozenset({"USA", "PHL", "FSM", "MHL", "PLW"})
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(?:19|20)\d\d(?![\d/])")


def has_ambiguous_numeric_date(text: str) -> bool:
    """A numeric date that reads either way ("05/11/2024") is in `text`."""
    return any(int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2)
               for m in _NUMERIC_DATE.finditer(text))


def numeric_date_order(text: str, countries: list[str]) -> bool | None:
    """Whether numeric dates in `text` put the day first: True, False, or None when nothing
    tells. A numeric date elsewhere in the text that reads one way only ("13/12/2024") decides;
    else the article's countries (most named first): an article about countries that all write
    the day first was most likely dated that way too."""
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    named = countries[:2]
    if named and not MONTH_FIRST_COUNTRIES.intersection(named):
        return True
    return None


_SOLAR_HINT = re.compile(r"\b1[34]\d\d\b")
_SKIP_LINE = re.compile(r"\b(?:last\s+)?(?:update[ds]?|modified|edited)\b|\bcopyright\b|©|\(c\)\s*\d", re.IGNORECASE)
# a news ticker ("BREAKING | 04.03.2024 | Kazakhstan-Uzbekistan trade tops ..."): other stories' dates
_TICKER = re.compile(r"^\W*(?:BREAKING|[Bb]reaking(?:\s+[Nn]ews)?|JUST\s+IN|[Jj]ust\s+[Ii]n|LATEST|TRENDING|[Tt]rending|TICKER|[Tt]icker)\b")
# Tried in order at the start of the line and after each separator in it.
_PUB_PREFIXES = ((_PUB_LABEL, False), (_PUB_BYLINE, False), (_PUB_STAMP, False), (_PUB_BARE, True), (_PUB_DATELINE, True),
                 (_PUB_FILED_FROM, True))
# "By Jane Doe - Published 29/10/2024"; "Memo No. 26.00.124      Date: 22/09/2024"
_PUB_SEGMENT = re.compile(r"\s*[|•·]\s*|\s[-–—]\s|\s{3,}")


def find_published_date(text: str, day_first: bool | None = None) -> tuple[dt.date, int, int] | None:
    """Publication date stated by a dateline, byline, label or date line at the top of an
    article: (date, start, end) of the date inside `text`, or None. Update stamps and
    copyright lines are never read, and a date needs its year. A numeric date that reads
    either way ("05/11/2024") is read day first or month first as `day_first` says (see
    numeric_date_order), and not at all when it is None."""
    head_lines = _lines(text, 0, _HEAD_CHARS)[:_HEAD_LINES]
    for line_start, line in head_lines:
        found = _published_on_line(line, day_first)
        if found:
            date, s, e = found
            return date, line_start + s, line_start + e
    # no date line at the top: a date in the page's address ("example.com/economy/2023/11/28/..."),
    # then a date line at the foot ("Published: 05.03.2025 14:20", "First published ... on 3 September 2024")
    for line_start, line in head_lines:
        url = _URL_DATE.search(line)
        if url and _valid(int(url["y"]), int(url["m"]), int(url["d"])):
            return dt.date(int(url["y"]), int(url["m"]), int(url["d"])), line_start + url.start("y"), line_start + url.end("d")
    foot = _lines(text, max(0, len(text) - _FOOT_CHARS), len(text))[-_FOOT_LINES:]
    signed = _signed_date_line(foot, day_first)
    for line_start, line in reversed(foot):
        # a footer line says what its date is ("Published:", a weekday, a time); a bare date at the foot
        # may be anything, unless it is the one under a sign-off ("Tashkent / 15 July 2024")
        found = _published_on_line(line, day_first) if _FOOT_HINT.search(line) or line == signed else None
        first = None if found else _FIRST_PUBLISHED.search(line)
        if first:
            atom = next((a for a in calendar_atoms(line[first.end():]) if a.year and not a.ambiguous and not a.last_day), None)
            if atom:
                found = dt.date(atom.year, atom.month, atom.day), first.end() + atom.start, first.end() + atom.end
        if found:
            date, s, e = found
            return date, line_start + s, line_start + e
    return None


_FOOT_CHARS = 1200
_FOOT_LINES = 8
_URL_DATE = re.compile(r"(?:https?://|www\.|\b[\w-]+(?:\.[\w-]+)+/)\S*?/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d\d)[/-](?P<d>\d\d)(?=[/-]|\b)")
_FOOT_HINT = re.compile(rf"\b(?:[Pp]ublished|PUBLISHED|[Pp]osted|[Dd]ate|[Rr]eleased|[Ii]ssued)\b|\d{{1,2}}:\d\d|{_WEEKDAY_ANY}")
_FIRST_PUBLISHED = re.compile(r"\b[Ff]irst\s+published\b[^\n]{0,100}?\bon\s+")


# The last lines of a release: "Ministry of Foreign Affairs of ...", "Press Service Department", a city
_SIGN_OFF = re.compile(r"\b(?:Ministry|Department|Service|Office|Embassy|Consulate|Secretariat|Administration|Chamber|"
                       r"Committee|Agency|Bureau|Mission|Press)\b")


def _signed_date_line(foot: list[tuple[int, str]], day_first: bool | None) -> str | None:
    """The one line of the foot that is only a date, if the line above it signs the release off
    (an office's name, or a place alone): "Press Service Department / 05.03.2024". Several
    date lines (a list of related stories) sign off nothing."""
    bare = [i for i, (_, line) in enumerate(foot) if _only_a_date(line.strip())]
    if len(bare) != 1 or bare[0] == 0:
        return None
    above = foot[bare[0] - 1][1].strip()
    place = places.find_places(above)
    if above[-1:] in ".!?\"”" or not (_SIGN_OFF.search(above) or (len(place) == 1 and place[0].surface == above)
                                       or _PLACE_IN_CAPITALS.fullmatch(above)):     # "PUTRAJAYA"
        return None
    return foot[bare[0]][1]


_PLACE_IN_CAPITALS = re.compile(r"[A-Z][A-Z'’-]{2,}(?:\s+[A-Z][A-Z'’-]+){0,2}")


def _only_a_date(line: str) -> bool:
    atoms = calendar_atoms(line)
    return len(atoms) == 1 and atoms[0].start == 0 and not line[atoms[0].end:].strip(" .")


def _lines(text: str, begin: int, end: int) -> list[tuple[int, str]]:
    """(offset, line) of the non-blank lines of text[begin:end] (the first one whole only if begin starts it)."""
    out = []
    pos = begin
    for line in text[begin:end].split("\n"):
        if line and not line.isspace():
            out.append((pos, line))
        pos += len(line) + 1
    return out


# "۱۴۰۳/۰۶/۲۰ - 08:45": Persian and Arabic-Indic digits, one character for one (offsets hold)
_EASTERN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _published_on_line(line: str, day_first: bool | None) -> tuple[dt.date, int, int] | None:
    line = line[:_LINE_HEAD].translate(_EASTERN_DIGITS)
    if not _DIGIT.search(line) or _TICKER.match(line):
        return None
    line = _DAY_DOT_YEAR.sub(r"\1,\2", line)     # "Baku, Azerbaijan, September 20. 2023" (same length: offsets hold)
    cut = _SKIP_LINE.search(line)
    if cut:
        if not line[:cut.start()].strip(" \t|•·,;:-–—("):
            return None                   # "Last update: March 1, 2024 01:47"
        line = line[:cut.start()]         # "Published: ... | Updated: ..."
    return _published_in_line(line, day_first)


_DAY_DOT_YEAR = re.compile(rf"({MONTH_RX}\s+\d{{1,2}})\.(\s+(?:19|20)\d\d\b)")
# An Iranian outlet's date line: "15 Shahrivar 1403", "1403/08/15" (year, month, day)
_SOLAR_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{PERSIAN_MONTH_RX})\s+(?P<y>1[34]\d\d)\b")
# "1403/11/26", "1403-11-26 10:42" (Iranian sites stamp pages so)
_SOLAR_NUMERIC = re.compile(r"(?<![\d/.-])(?P<y>1[34]\d\d)(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/-])")
_SOLAR_MONTH_DAY = re.compile(rf"\b(?P<m>{PERSIAN_MONTH_RX})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>1[34]\d\d)\b")     # "Azar 2, 1403"


def _solar_atoms(line: str) -> list[CalendarAtom]:
    """Solar Hijri dates in `line` as Gregorian atoms."""
    atoms = []
    for rx in (_SOLAR_DAY_MONTH, _SOLAR_NUMERIC, _SOLAR_MONTH_DAY):
        for m in rx.finditer(line):
            month = int(m["m"]) if m["m"].isdigit() else PERSIAN_MONTHS[m["m"].lower()]
            day = _periods.solar_date(int(m["y"]), month, int(m["d"]))
            if day is not None:
                atoms.append(CalendarAtom(m.start(), m.end(), day.year, day.month, day.day))
    return atoms


# "14/08/24 15:30, Bishkek": a two-digit year, only on a stamp with its time
_SHORT_YEAR_STAMP = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d\d)(?=\s+\d{1,2}:\d\d(?!\d))")


def _short_year_atoms(line: str) -> list[CalendarAtom]:
    atoms = (_numeric_atom(m.start(), m.end(), 2000 + int(m["y"]), int(m["a"]), int(m["b"]), False)
             for m in _SHORT_YEAR_STAMP.finditer(line))
    return [a for a in atoms if a is not None]


def _published_in_line(line: str, day_first: bool | None = None) -> tuple[dt.date, int, int] | None:
    atoms = calendar_atoms(line)
    if not atoms and ":" in line:
        atoms = _short_year_atoms(line)
    if _SOLAR_HINT.search(line):
        atoms = sorted(atoms + _solar_atoms(line))
    for a in atoms:
        if a.year is None or a.last_day is not None or not 1990 <= a.year <= MAX_YEAR:
            continue
        if a.ambiguous:
            if day_first is None and _US_TIME_ZONE.match(line, a.end):
                day_first = False         # "03/04/2025 6:45 PM ET"
            if day_first is None:
                continue
            # an ambiguous atom holds the day-first reading
            date = dt.date(a.year, a.month, a.day) if day_first else dt.date(a.year, a.day, a.month)
        else:
            date = dt.date(a.year, a.month, a.day)
        # the line, or a part of it after a separator ("Staff Report | Published August 9, 2023")
        for begin in [0, *(m.end() for m in _PUB_SEGMENT.finditer(line, 0, a.start))]:
            for prefix, needs_end in _PUB_PREFIXES:
                if prefix.fullmatch(line, begin, a.start) is None:     # ("Dated: ", not just "Date")
                    continue
                if not needs_end or _PUB_AFTER.match(line, a.end):
                    return date, a.start, a.end
    return None



from pipeline import periods as _periods  # noqa: E402  (periods builds on the helpers above)


if __name__ == "__main__":   # a rough speed check: python -m pipeline.dates
    import time
    published = dt.date(2023, 11, 15)
    # One sentence in four names a date or a period, as in the seed articles.
    sample = [
        "Iran-Kazakhstan trade volume in the first 10 months of 2022 reached $450 million.",
        "He said the two countries are ready to expand cooperation in energy, transit and agriculture.",
        "The Iranian deputy foreign minister pointed to the familiar cultural realm of the two countries.",
        "Bagheri noted the prerequisite for this issue is to define joint projects for Iranian businesspeople.",
        "The memorandum was signed in Nur-Sultan on April 7, 2021, and talks resume on Monday.",
        "Iran, as the southern gateway to the Persian Gulf, can establish an active transport corridor.",
        "Iran exported 2.4 million tons of goods worth $933 million to EEU countries.",
        "Mokhber and Smailov were to hold a meeting to discuss issues of mutual interest.",
    ]
    for label, sentences in (("typical mix", sample), ("date-heavy", [sample[0], sample[4]])):
        n = 20000
        t0 = time.perf_counter()
        for i in range(n):
            s = sentences[i % len(sentences)]
            find_dates(s, published)
            find_periods(s, published)
        per = (time.perf_counter() - t0) / n
        mb_s = sum(map(len, sentences)) / len(sentences) / per / 1e6
        print(f"find_dates + find_periods, {label}: {per * 1e6:.1f} µs per sentence (~{mb_s:.1f} MB/s)")
