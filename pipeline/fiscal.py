"""Fiscal years by country: the dates of "FY23", "the 2022-23 fiscal year", "in 2023-24".

The text names the year but not its months, and those differ by country (India April-March,
Pakistan July-June, the United States October-September). The table in
pipeline/data/fiscal_years.txt gives the start month of the countries that do not count the
calendar year; a fiscal year is dated only when one of the figure's countries is listed."""
from __future__ import annotations

import datetime as dt

from pipeline import dates
from pipeline.periods import SOLAR_YEAR_OFFSET, add_months, solar_months

_TABLE = dates.DATA_DIR / "fiscal_years.txt"


def _load() -> dict[str, tuple[int, int]]:
    table = {}
    for raw in _TABLE.read_text(encoding="utf-8").splitlines():
        parts = raw.split("#", 1)[0].split()
        if parts:
            table[parts[0]] = (int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
    return table


START: dict[str, tuple[int, int]] = _load()     # country -> (month, day) its fiscal year starts on
# Nepal names its fiscal years in Bikram Sambat, 57 years ahead of the Gregorian year its fiscal
# year ends in (2079/80 ends in July 2023); no Gregorian fiscal year a text reports is that late.
_BIKRAM_SAMBAT_YEARS_AHEAD = 57
_LAST_GREGORIAN_YEAR = 2060
# Iran and Afghanistan count their fiscal year as the Solar Hijri year
_SOLAR_FISCAL = frozenset({"IRN", "AFG"})


def fiscal_year_dates(end_year: int, countries, months: tuple[int, int] | None = None) -> tuple[dt.date, dt.date] | None:
    """First and last day of the fiscal year ending in `end_year` of the first of `countries`
    (ISO alpha-3 codes, the reporting side first) whose fiscal year is not the calendar year;
    with `months` (first, last; 1 is the fiscal year's first month), of that part of it."""
    for code in countries:
        start = START.get(code) if code else None
        if start:
            if code == "NPL" and end_year > _LAST_GREGORIAN_YEAR:
                end_year -= _BIKRAM_SAMBAT_YEARS_AHEAD     # "fiscal year 2079/80": Nepal's own calendar
            first, last = months or (1, 12)
            year_start = dt.date(end_year - 1, *start)
            return add_months(year_start, first - 1), add_months(year_start, last) - dt.timedelta(days=1)
    return None


def solar_fiscal_year_dates(end_year: int, countries, months: tuple[int, int] | None = None) -> tuple[dt.date, dt.date] | None:
    """"The current fiscal year" of Iran or Afghanistan: the Solar Hijri year ending in March of
    `end_year` (or `months` of it), when one of `countries` counts that year. Only for a fiscal
    year told against the publication date: a named "fiscal year 2023-24" is another country's."""
    if any(code in _SOLAR_FISCAL for code in countries):
        return solar_months(end_year - SOLAR_YEAR_OFFSET, *(months or (1, 12)))
    return None
