"""Periods and the Solar Hijri calendar: each case states the input and the exact expected
values, with a frozen publication date (2023-11-15 unless a case says otherwise)."""
import datetime as dt

import pytest

from pipeline.dates import find_periods
from pipeline.periods import (NOWRUZ, a_year_before, in_iranian_years, solar_months, solar_year_of, tells_iranian_calendar,
                              the_same_period_in, years_later)

D = dt.date
P = D(2023, 11, 15)


def _check(text, published, expected):
    found = find_periods(text, published)
    for m in found:
        assert text[m.start:m.end] == m.surface
    got = [(m.surface, m.start_date, m.end_date, m.kind, m.is_comparison_base) for m in found]
    assert got == expected


# (text, published, [(surface, start_date, end_date, kind, is_comparison_base), ...])
YEAR_CASES = [
    ("Bilateral trade reached $340 million in 2020.", P, [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("The target for 2020 was not met.", P, [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("Trade shrank during 2020 because of the pandemic.", P, [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("Trade shrank in the year 2020.", P, [("the year 2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("The embassy opened in 2007.", P, [("2007", D(2007, 1, 1), D(2007, 12, 31), "year", False)]),
    ("He reminded that in the whole 2020 trade was low.", P, [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("For the entire 2021, exports fell.", P, [("2021", D(2021, 1, 1), D(2021, 12, 31), "year", False)]),
    ("In 2020, trade fell.", P, [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("Iran's 2022 exports to Kazakhstan grew.", P, [("2022", D(2022, 1, 1), D(2022, 12, 31), "year", False)]),
    ("Trade amounted to $237 million in 2020 and decreased by 37.2 percent compared to 2019.", P,
     [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False), ("2019", D(2019, 1, 1), D(2019, 12, 31), "year", True)]),
    ("Exports were higher than in 2019.", P, [("2019", D(2019, 1, 1), D(2019, 12, 31), "year", True)]),
    ("Exports grew 12 percent against 2018.", P, [("2018", D(2018, 1, 1), D(2018, 12, 31), "year", True)]),
    ("Exports grew 12 percent versus 2017.", P, [("2017", D(2017, 1, 1), D(2017, 12, 31), "year", True)]),
    ("Exports grew 12 percent over 2016.", P, [("2016", D(2016, 1, 1), D(2016, 12, 31), "year", True)]),
    ("Exports grew 12 percent year-on-year from 2019.", P, [("2019", D(2019, 1, 1), D(2019, 12, 31), "year", True)]),
    ("Exports rose from $300 million in 2015 to $500 million in 2016.", P,
     [("2015", D(2015, 1, 1), D(2015, 12, 31), "year", True), ("2016", D(2016, 1, 1), D(2016, 12, 31), "year", False)]),
    ("Imports from Kazakhstan in 2020 fell.", P, [("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("The memorandum was signed on April 7, 2021.", P, []),          # a year inside a date
    ("The memorandum was signed on 7 April 2021.", P, []),
    ("Some 2000 companies and 2020 tons, $2020 and 2,020 people.", P, []),
    ("Trade grew by 2020 percent, a record.", P, []),
    ("Trade has grown since the 1990s and in recent years.", P, []),
    ("The 2020-21 season and the 2019/2020 budget.", P, []),           # months unknown
    ("Exports reached 1401 tons in the Persian Gulf.", P, []),
]

PART_OF_YEAR_CASES = [
    ("Iran-Kazakhstan trade volume in the first 10 months of 2022 reached $450 million.", P,
     [("the first 10 months of 2022", D(2022, 1, 1), D(2022, 10, 31), "months_to_date", False)]),
    ("Trade in the first ten months of 2022 grew.", P,
     [("the first ten months of 2022", D(2022, 1, 1), D(2022, 10, 31), "months_to_date", False)]),
    ("Trade in nine months of 2023 grew.", P,
     [("nine months of 2023", D(2023, 1, 1), D(2023, 9, 30), "months_to_date", False)]),
    ("Trade in the first three quarters of 2022 grew.", P,
     [("the first three quarters of 2022", D(2022, 1, 1), D(2022, 9, 30), "months_to_date", False)]),
    ("Trade was worth $18 billion in the four quarters to the end of Q2 2023.", P,
     [("the four quarters to the end of Q2 2023", D(2022, 7, 1), D(2023, 6, 30), "range", False)]),
    ("In the calendar year to March 20, 2023, trade grew.", P,
     [("the calendar year to March 20, 2023", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the first nine months of 2023 grew.", P,
     [("the first nine months of 2023", D(2023, 1, 1), D(2023, 9, 30), "months_to_date", False)]),
    ("Trade in the first month of 2023 grew.", P,
     [("the first month of 2023", D(2023, 1, 1), D(2023, 1, 31), "months_to_date", False)]),
    ("Trade in the first 10 months of this year grew.", P,
     [("the first 10 months of this year", D(2023, 1, 1), D(2023, 10, 31), "months_to_date", False)]),
    ("Trade in the first 10 months grew.", P,
     [("the first 10 months", D(2023, 1, 1), D(2023, 10, 31), "months_to_date", False)]),
    ("Trade in the first 10 months grew.", D(2023, 5, 1),
     [("the first 10 months", None, None, "months_to_date", False)]),        # would end after publication
    ("Trade in the last three months of 2022 grew.", P,
     [("the last three months of 2022", D(2022, 10, 1), D(2022, 12, 31), "range", False)]),
    ("Exports in the first half of 2023 rose.", P, [("the first half of 2023", D(2023, 1, 1), D(2023, 6, 30), "half", False)]),
    ("Exports in H1 2023 rose.", P, [("H1 2023", D(2023, 1, 1), D(2023, 6, 30), "half", False)]),
    ("Exports in 1H 2023 rose.", P, [("1H 2023", D(2023, 1, 1), D(2023, 6, 30), "half", False)]),
    ("Exports in first-half 2023 rose.", P, [("first-half 2023", D(2023, 1, 1), D(2023, 6, 30), "half", False)]),
    ("Exports in the second half of 2023 rose.", P, [("the second half of 2023", D(2023, 7, 1), D(2023, 12, 31), "half", False)]),
    ("Exports in H2 2023 rose.", P, [("H2 2023", D(2023, 7, 1), D(2023, 12, 31), "half", False)]),
    ("Exports in the second half will rise.", P, [("the second half", D(2023, 7, 1), D(2023, 12, 31), "half", False)]),
    ("In the first half of the 20th century trade was small.", P, []),
    ("Exports in Q3 2022 rose.", P, [("Q3 2022", D(2022, 7, 1), D(2022, 9, 30), "quarter", False)]),
    ("Exports in 3Q 2022 rose.", P, [("3Q 2022", D(2022, 7, 1), D(2022, 9, 30), "quarter", False)]),
    ("Exports in the third quarter of 2022 rose.", P,
     [("the third quarter of 2022", D(2022, 7, 1), D(2022, 9, 30), "quarter", False)]),
    ("Exports in Q1-Q3 2023 rose.", P, [("Q1-Q3 2023", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Exports in the first quarter rose.", P, [("the first quarter", D(2023, 1, 1), D(2023, 3, 31), "quarter", False)]),
    ("Exports in the first quarter rose.", None, [("the first quarter", None, None, "quarter", False)]),
    ("Exports in the last quarter rose.", P, [("the last quarter", None, None, "quarter", False)]),
    ("Exports in the last quarter of 2022 rose.", P,
     [("the last quarter of 2022", D(2022, 10, 1), D(2022, 12, 31), "quarter", False)]),
    ("Exports in the first quarter of next year will rise.", P,
     [("the first quarter of next year", D(2024, 1, 1), D(2024, 3, 31), "quarter", False)]),
]

MONTH_AND_RANGE_CASES = [
    ("Trade rose in January-September 2023.", P, [("January-September 2023", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Trade rose in January–September 2023.", P, [("January–September 2023", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Trade rose in January through September 2023.", P,
     [("January through September 2023", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Trade rose from January to September 2023.", P,
     [("from January to September 2023", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Trade rose between January and September 2023.", P,
     [("between January and September 2023", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Trade rose in Jan-Sep 2023.", P, [("Jan-Sep 2023", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Trade rose from December 2022 to February 2023.", P,
     [("from December 2022 to February 2023", D(2022, 12, 1), D(2023, 2, 28), "range", False)]),
    ("Trade rose from January to September.", P, [("from January to September", D(2023, 1, 1), D(2023, 9, 30), "range", False)]),
    ("Trade rose from January to September.", None, [("from January to September", None, None, "range", False)]),
    # a range of months starting more than 62 days after publication is last year's, as for "in March"
    ("Trade fell in July-December.", D(2025, 2, 3), [("July-December", D(2024, 7, 1), D(2024, 12, 31), "range", False)]),
    ("Trade fell in October-December.", P, [("October-December", D(2023, 10, 1), D(2023, 12, 31), "range", False)]),
    ("Trade rose in March and April 2021.", P, [("April 2021", D(2021, 4, 1), D(2021, 4, 30), "month", False)]),
    ("Trade rose in January 2023.", P, [("January 2023", D(2023, 1, 1), D(2023, 1, 31), "month", False)]),
    ("Trade rose in March 2021.", P, [("March 2021", D(2021, 3, 1), D(2021, 3, 31), "month", False)]),
    ("Trade rose in February of 2024.", P, [("February of 2024", D(2024, 2, 1), D(2024, 2, 29), "month", False)]),
    ("Trade rose in March.", P, [("March", D(2023, 3, 1), D(2023, 3, 31), "month", False)]),
    ("The forum will be held in January.", P, [("January", D(2024, 1, 1), D(2024, 1, 31), "month", False)]),
    ("The forum will be held in mid-December.", P, [("December", D(2023, 12, 1), D(2023, 12, 31), "month", False)]),
    ("May God bless the talks.", P, []),
    ("Trade in 2019-2020 grew.", P, [("2019-2020", D(2019, 1, 1), D(2020, 12, 31), "range", False)]),
    ("Trade in 2019–2020 grew.", P, [("2019–2020", D(2019, 1, 1), D(2020, 12, 31), "range", False)]),
    ("Trade from 2019 to 2021 grew.", P, [("from 2019 to 2021", D(2019, 1, 1), D(2021, 12, 31), "range", False)]),
    ("Trade between 2019 and 2021 grew.", P, [("between 2019 and 2021", D(2019, 1, 1), D(2021, 12, 31), "range", False)]),
    ("Trade in 2019 and 2020 grew.", P,
     [("2019", D(2019, 1, 1), D(2019, 12, 31), "year", False), ("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False)]),
    ("Trade has grown since 2015.", P, [("since 2015", D(2015, 1, 1), P, "range", False)]),
    ("Trade has grown since 2015.", None, [("since 2015", None, None, "range", False)]),
    ("Exports have doubled since the beginning of the year.", P,
     [("since the beginning of the year", D(2023, 1, 1), P, "range", False)]),
    ("Since the start of 2022, exports have doubled.", P, [("Since the start of 2022", D(2022, 1, 1), P, "range", False)]),
    ("Trade amounted to $1.9 billion in the period between March 20, 2020, and February 18, 2021.", P,
     [("between March 20, 2020, and February 18, 2021", D(2020, 3, 20), D(2021, 2, 18), "range", False)]),
    ("Trade amounted to $1.9 billion from March 20, 2020 to February 18, 2021.", P,
     [("from March 20, 2020 to February 18, 2021", D(2020, 3, 20), D(2021, 2, 18), "range", False)]),
    ("Trade grew from March 20 to April 5, 2021.", P,
     [("from March 20 to April 5, 2021", D(2021, 3, 20), D(2021, 4, 5), "range", False)]),
    ("The forum ran on April 7-9, 2021.", P, [("April 7-9, 2021", D(2021, 4, 7), D(2021, 4, 9), "range", False)]),
    ("The figure decreased by 9.4 percent compared to the same period in 2019-2020.", P,
     [("the same period in 2019-2020", None, None, "relative", True)]),
]

RELATIVE_CASES = [
    ("Trade doubled last year.", P, [("last year", D(2022, 1, 1), D(2022, 12, 31), "relative", False)]),
    ("Trade doubled this year.", P, [("this year", D(2023, 1, 1), D(2023, 12, 31), "relative", False)]),
    ("We expect full-year turnover to reach $1 billion.", P, [("full-year", D(2023, 1, 1), D(2023, 12, 31), "relative", False)]),
    ("The full-year 2022 figures are out.", P, [("2022", D(2022, 1, 1), D(2022, 12, 31), "year", False)]),
    ("Trade doubled in the current year.", P, [("the current year", D(2023, 1, 1), D(2023, 12, 31), "relative", False)]),
    ("Trade will double next year.", P, [("next year", D(2024, 1, 1), D(2024, 12, 31), "relative", False)]),
    ("Trade doubled last year.", None, [("last year", None, None, "relative", False)]),
    # months of "this year" reported in the last month: this year's, not unknown
    ("Trade grew in the first seven months of this year.", D(2023, 7, 18),
     [("the first seven months of this year", D(2023, 1, 1), D(2023, 7, 31), "months_to_date", False)]),
    ("Trade grew in the first ten months of this year.", D(2023, 7, 18),
     [("the first ten months of this year", None, None, "months_to_date", False)]),
    ("Trade grew 5% on last year.", P, [("last year", D(2022, 1, 1), D(2022, 12, 31), "relative", True)]),
    ("Trade grew in the past 10 months.", P, [("the past 10 months", D(2023, 1, 16), P, "relative", False)]),
    ("Trade grew over the past ten months.", P, [("the past ten months", D(2023, 1, 16), P, "relative", False)]),
    ("Iran exported goods worth $933 million over the past 11 months.", D(2021, 4, 8),
     [("the past 11 months", D(2020, 5, 9), D(2021, 4, 8), "relative", False)]),
    ("Trade grew in the last 11 months.", P, [("the last 11 months", D(2022, 12, 16), P, "relative", False)]),
    ("Trade grew over the past year.", P, [("the past year", D(2022, 11, 16), P, "relative", False)]),
    ("Trade grew over the past two years.", P, [("the past two years", D(2021, 11, 16), P, "relative", False)]),
    ("Trade grew in the past 10 months.", None, [("the past 10 months", None, None, "relative", False)]),
    ("Earlier this month, the first flight landed.", P, [("this month", D(2023, 11, 1), D(2023, 11, 30), "relative", False)]),
    ("Last month, the first flight landed.", P, [("Last month", D(2023, 10, 1), D(2023, 10, 31), "relative", False)]),
    ("In the last month of the year, trade was $61 million.", P, []),      # one of a year's months, not the month before
    ("Over the past ten months, trade has grown by 40% compared to the previous year.", P,
     [("the past ten months", D(2023, 1, 16), P, "relative", False), ("the previous year", None, None, "relative", True)]),
    ("Trade reached $1m in 2021, up 5% from the previous year.", P,
     [("2021", D(2021, 1, 1), D(2021, 12, 31), "year", False),
      ("the previous year", D(2020, 1, 1), D(2020, 12, 31), "relative", True)]),
    ("Trade in 2021 was 5% higher than a year earlier.", P,
     [("2021", D(2021, 1, 1), D(2021, 12, 31), "year", False),
      ("a year earlier", D(2020, 1, 1), D(2020, 12, 31), "relative", True)]),
    ("In the first 10 months of 2022 trade rose 5% compared with the same period last year.", P,
     [("the first 10 months of 2022", D(2022, 1, 1), D(2022, 10, 31), "months_to_date", False),
      ("the same period last year", D(2021, 1, 1), D(2021, 10, 31), "relative", True)]),
    ("In Q3 2022 trade rose 5% from the same period of 2020.", P,
     [("Q3 2022", D(2022, 7, 1), D(2022, 9, 30), "quarter", False),
      ("the same period of 2020", D(2020, 7, 1), D(2020, 9, 30), "relative", True)]),
    ("Trade rose 5% compared with the same period last year.", P,
     [("the same period last year", None, None, "relative", True)]),
]

HORIZON_CASES = [
    ("They aim to raise trade to $3 billion by 2030.", P, [("by 2030", D(2030, 1, 1), D(2030, 12, 31), "horizon", False)]),
    ("They aim to raise trade to $3 billion by the end of 2025.", P,
     [("by the end of 2025", D(2025, 1, 1), D(2025, 12, 31), "horizon", False)]),
    ("The programme runs until 2030.", P, [("until 2030", D(2030, 1, 1), D(2030, 12, 31), "horizon", False)]),
    ("They aim to finish by the end of this year.", P,
     [("by the end of this year", D(2023, 1, 1), D(2023, 12, 31), "horizon", False)]),
    ("They aim to finish by the end of this year.", None, [("by the end of this year", None, None, "horizon", False)]),
    ("Trade should triple in the next five years.", P,
     [("the next five years", D(2023, 11, 16), D(2028, 11, 15), "horizon", False)]),
    ("Exports increased by 2000 tons.", P, []),
]

SOLAR_CASES = [
    # the year that ended in a March: the Iranian year that ended then (not a day read from its year)
    ("Trade in the Iranian year that ended in March 2024 rose.", P,
     [("the Iranian year that ended in March 2024", D(2023, 3, 21), D(2024, 3, 19), "solar_year", False)]),
    ("Trade in the Iranian year ending March 2023 rose.", P,
     [("the Iranian year ending March 2023", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the Iranian year 1401 rose.", P, [("the Iranian year 1401", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the Iranian calendar year 1401 rose.", P,
     [("the Iranian calendar year 1401", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the Persian year 1401 rose.", P, [("the Persian year 1401", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the Iranian year 1399 rose.", P, [("the Iranian year 1399", D(2020, 3, 20), D(2021, 3, 20), "solar_year", False)]),
    ("Trade in 1401 (March 2022-March 2023) rose.", P,
     [("1401 (March 2022-March 2023)", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the Iranian year 1401 (March 2022-March 2023) rose.", P,
     [("the Iranian year 1401 (March 2022-March 2023)", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the fiscal year 1401 rose.", P, [("the fiscal year 1401", D(2022, 3, 21), D(2023, 3, 20), "fiscal", False)]),
    ("Trade in 1401 SH rose.", P, [("1401 SH", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    # a Solar Hijri month alone after "in" is the latest one ended by publication (P is 2023-11-15:
    # Mehr 1402 ended on 2023-10-22, Dey 1401 on 2023-01-20); "Mehr" is also a news agency
    ("Exports in Mehr rose.", P, [("Mehr", D(2023, 9, 23), D(2023, 10, 22), "month", False)]),
    # an undated "last Iranian year" takes its year from its gloss; "the year to March 20" is Iran's year
    ("Exports reached 182,000 tons in the last Iranian year (March 20, 2012-March 20, 2013).", None,
     [("the last Iranian year (March 20, 2012-March 20, 2013)", D(2012, 3, 20), D(2013, 3, 20), "solar_year", False)]),
    ("Exports stood at $516 million in the year to March 20, 2013.", None,
     [("the year to March 20, 2013", D(2012, 3, 20), D(2013, 3, 20), "solar_year", False)]),
    # the year a multiple is told against is a comparison base
    ("Kiwi exports reached 41,700 tonnes, twice the volume of the same period in 1397.", P,
     [("1397", D(2018, 3, 21), D(2019, 3, 20), "solar_year", True)]),
    ("Exports in Dey fell.", P, [("Dey", D(2022, 12, 22), D(2023, 1, 20), "month", False)]),
    ("The figures were published in Mehr News Agency.", P, []),
    ("An official told Mehr the figures.", P, []),
    # a Solar Hijri year alone after in/during/for/over is the year; elsewhere, or before a unit, a number
    ("Trade in 1401 rose.", P, [("1401", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Iran's customs put trade in 1399 at $436 million.", P, [("1399", D(2020, 3, 20), D(2021, 3, 20), "solar_year", False)]),
    ("Exports reached 1401 tonnes.", P, []),
    ("Exports grew in 1401 tonnes terms.", P, []),
    ("Iran's exports in the last Iranian year, 1398, fell.", P,
     [("the last Iranian year, 1398", D(2019, 3, 21), D(2020, 3, 19), "solar_year", False)]),
    ("Exports in Farvardin through Dey 1397 rose.", P,
     [("Farvardin through Dey 1397", D(2018, 3, 21), D(2019, 1, 20), "range", False)]),
    ("Trade in the current Iranian year rose.", P,
     [("the current Iranian year", D(2023, 3, 21), D(2024, 3, 19), "solar_year", False)]),
    ("Trade in the last Iranian year rose.", P,
     [("the last Iranian year", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in the current Iranian year rose.", None, [("the current Iranian year", None, None, "solar_year", False)]),
    ("Exports in the first 7 months of the current Iranian year (started March 21) rose 12 percent.", P,
     [("the first 7 months of the current Iranian year (started March 21)", D(2023, 3, 21), D(2023, 10, 22),
       "months_to_date", False)]),
    ("Exports in the first seven months of the Iranian year 1402 rose.", P,
     [("the first seven months of the Iranian year 1402", D(2023, 3, 21), D(2023, 10, 22), "months_to_date", False)]),
    ("Exports in the first 7 months of the current Iranian year rose 5% compared with the same period last year.", P,
     [("the first 7 months of the current Iranian year", D(2023, 3, 21), D(2023, 10, 22), "months_to_date", False),
      ("the same period last year", D(2022, 3, 21), D(2022, 10, 22), "relative", True)]),
    # a bare year of 13xx/14xx after a part of a year: no Gregorian year of trade news, so Solar Hijri
    ("Exports in the first 7 months of 1401 rose.", P,
     [("the first 7 months of 1401", D(2022, 3, 21), D(2022, 10, 22), "months_to_date", False)]),
    ("Exports in Mehr 1402 rose.", P, [("Mehr 1402", D(2023, 9, 23), D(2023, 10, 22), "month", False)]),
    ("Exports in Farvardin-Mehr 1402 rose.", P, [("Farvardin-Mehr 1402", D(2023, 3, 21), D(2023, 10, 22), "range", False)]),
    # months with no year: the latest such months ended by publication; a month name alone is no period
    ("Exports in Farvardin-Ordibehesht rose.", D(2024, 6, 10),
     [("Farvardin-Ordibehesht", D(2024, 3, 20), D(2024, 5, 20), "range", False)]),
    ("Exports in Farvardin-Khordad rose.", D(2024, 6, 10), [("Farvardin-Khordad", D(2023, 3, 21), D(2023, 6, 21), "range", False)]),
    ("Mehr News Agency reported the talks.", P, []),
    ("Exports in the Iranian year ending March 20, 2023 rose.", P,
     [("the Iranian year ending March 20, 2023", D(2022, 3, 21), D(2023, 3, 20), "solar_year", False)]),
    ("Trade in fiscal year 2022 and FY2023 rose.", P,
     [("fiscal year 2022", None, None, "fiscal", False), ("FY2023", None, None, "fiscal", False)]),
    # the months stated after the fiscal year date it
    ("Trade in fiscal year 2019-20 (July-June) fell.", P,
     [("fiscal year 2019-20 (July-June)", D(2019, 7, 1), D(2020, 6, 30), "fiscal", False)]),
    ("Trade in the 2018-19 fiscal year rose.", P, [("the 2018-19 fiscal year", None, None, "fiscal", False)]),
    ("Exports in 2020-21 rose.", P, [("2020-21", None, None, "fiscal", False)]),
    ("Exports in FY21 and FY 2022 rose.", P, [("FY21", None, None, "fiscal", False), ("FY 2022", None, None, "fiscal", False)]),
    # a quarter or half with no year is of the publication year, like "the third quarter"
    ("In Q3 alone, turnover reached $2.6 billion.", P, [("Q3", D(2023, 7, 1), D(2023, 9, 30), "quarter", False)]),
    ("Exports in H1 rose, but Q7 cars did not.", P, [("H1", D(2023, 1, 1), D(2023, 6, 30), "half", False)]),
    ("Wheat output of 2020-21 percent is no period.", P, []),
]


@pytest.mark.parametrize("text, expected", [
    ("Chile bought 612 thousand tons in July-December 2023, down from 1.04 million tons a year earlier.",
     ("a year earlier", D(2022, 7, 1), D(2022, 12, 31))),
    ("Trade reached $5m in 2021, up from $4m a year earlier.", ("a year earlier", D(2020, 1, 1), D(2020, 12, 31))),
    ("Exports rose in the first quarter of 2023 from a year earlier.", ("a year earlier", D(2022, 1, 1), D(2022, 3, 31))),
])
def test_a_year_earlier_is_the_period_before_it_moved_back_a_year(text, expected):
    found = find_periods(text, P)
    assert (found[-1].surface, found[-1].start_date, found[-1].end_date) == expected


@pytest.mark.parametrize("text, end_year", [
    ("Exports in FY2019-20 rose.", 2020), ("Exports in FY21 rose.", 2021), ("Exports in the 2018/19 financial year rose.", 2019),
    ("Exports in 2020-21 rose.", 2021), ("Exports in fiscal 2017 rose.", 2017), ("Exports in FY2019-22 rose.", None),
])
def test_fiscal_years_keep_the_year_they_end_in(text, end_year):
    (found,) = find_periods(text, P)
    assert (found.kind, found.fiscal_end_year) == ("fiscal", end_year)


@pytest.mark.parametrize("text, end_year, months", [
    ("Exports in the first half of FY24 rose.", 2024, (1, 6)), ("Exports in Q3 FY2023 rose.", 2023, (7, 9)),
    ("Exports in the fourth quarter of fiscal 2022 rose.", 2022, (10, 12)), ("Exports in FY24 rose.", 2024, None),
])
def test_part_of_a_fiscal_year(text, end_year, months):
    (found,) = find_periods(text, P)
    assert (found.kind, found.fiscal_end_year, found.fiscal_months) == ("fiscal", end_year, months)


@pytest.mark.parametrize("text, start, end", [
    # a year to a month: the twelve months ending with it
    ("Trade in the fiscal year to June 2023 was $1.5 billion.", D(2022, 7, 1), D(2023, 6, 30)),
    ("Trade in the financial year ended March 2023 rose.", D(2022, 4, 1), D(2023, 3, 31)),
    ("Exports in the 12 months to September 2023 rose.", D(2022, 10, 1), D(2023, 9, 30)),
    ("Exports in the fiscal year ended June 30, 2023 rose.", D(2022, 7, 1), D(2023, 6, 30)),
    ("Exports in the financial year ended March 31 rose.", D(2022, 4, 1), D(2023, 3, 31)),    # P = 2023-11-15
    # months of this or last year: one period
    ("Trade reached $2 billion in January–July of this year.", D(2023, 1, 1), D(2023, 7, 31)),
    ("Trade fell from January to March of last year.", D(2022, 1, 1), D(2022, 3, 31)),
    # a full or calendar year, a month alone
    ("Trade should top $840 billion for full-year 2024.", D(2024, 1, 1), D(2024, 12, 31)),
    ("June alone: two-way trade of $71.5 billion.", D(2023, 6, 1), D(2023, 6, 30)),
    ("Shipments fell in calendar 2022.", D(2022, 1, 1), D(2022, 12, 31)),
    # a gloss of days dates the period it follows
    ("In the first month of the current year (March 21–April 20), trade fell 6%.", D(2023, 3, 21), D(2023, 4, 20)),
    # a split year whose months are named first
    ("In the July–June 2022/23 season, Chile shipped 1.2 million tonnes of wheat.", D(2022, 7, 1), D(2023, 6, 30)),
    # a year that ended on March 20 is Iran's (1401 here), told without its year or with a comma after it
    ("In the fiscal year that ended on March 20, Iran exported $90 million.", D(2022, 3, 21), D(2023, 3, 20)),
    ("In the first five months of 1402, the figure stood at $29.7 million.", D(2023, 3, 21), D(2023, 8, 22)),
    # months to a day: whole months, or whole Solar Hijri months where the day ends one (P = 2023-11-15)
    ("Exports in the nine months to September 30 rose.", D(2023, 1, 1), D(2023, 9, 30)),
    ("Exports in the three months to May 15, 2023 rose.", D(2023, 2, 16), D(2023, 5, 15)),
    ("Trade in the seven months to October 22 reached $1 billion.", D(2023, 3, 21), D(2023, 10, 22)),
    # a gloss of the days the period is: "(March 20 to August 21, 2024)"
    ("Trade in the first five months of the current year (March 20 to August 21, 2023) reached $185 million.",
     D(2023, 3, 20), D(2023, 8, 21)),
])
def test_one_period_and_its_dates(text, start, end):
    (found,) = find_periods(text, P)
    assert (found.start_date, found.end_date) == (start, end)


@pytest.mark.parametrize("text,published,expected", YEAR_CASES)
def test_years(text, published, expected):
    _check(text, published, expected)


@pytest.mark.parametrize("text,published,expected", PART_OF_YEAR_CASES)
def test_parts_of_years(text, published, expected):
    _check(text, published, expected)


@pytest.mark.parametrize("text,published,expected", MONTH_AND_RANGE_CASES)
def test_months_and_ranges(text, published, expected):
    _check(text, published, expected)


@pytest.mark.parametrize("text,published,expected", RELATIVE_CASES)
def test_relative(text, published, expected):
    _check(text, published, expected)


@pytest.mark.parametrize("text,published,expected", HORIZON_CASES)
def test_horizons(text, published, expected):
    _check(text, published, expected)


@pytest.mark.parametrize("text,published,expected", SOLAR_CASES)
def test_solar_hijri(text, published, expected):
    _check(text, published, expected)


def test_period_offsets():
    text = "Trade in the first 10 months of 2022 reached $450 million, up from $300 million in 2021."
    found = find_periods(text, P)
    assert [(m.start, m.end, m.is_comparison_base) for m in found] == [(9, 36, False), (83, 87, True)]


@pytest.mark.parametrize("year,first,last,expected", [
    (1401, 1, 12, (D(2022, 3, 21), D(2023, 3, 20))),
    (1399, 1, 12, (D(2020, 3, 20), D(2021, 3, 20))),      # 1399 is a leap year
    (1402, 1, 7, (D(2023, 3, 21), D(2023, 10, 22))),
    (1402, 7, 7, (D(2023, 9, 23), D(2023, 10, 22))),
    (1402, 12, 12, (D(2024, 2, 20), D(2024, 3, 19))),
    (1403, 12, 12, (D(2025, 2, 19), D(2025, 3, 20))),     # 1403 is a leap year: Esfand has 30 days
    (1500, 1, 12, None),                                   # outside the table: not converted
])
def test_solar_months(year, first, last, expected):
    assert solar_months(year, first, last) == expected


@pytest.mark.parametrize("day,expected", [
    (D(2022, 3, 20), 1400), (D(2022, 3, 21), 1401), (D(2023, 3, 20), 1401), (D(2020, 3, 20), 1399),
    (D(2020, 3, 19), 1398), (D(2024, 3, 20), 1403),
])
def test_solar_year_of(day, expected):
    assert solar_year_of(day) == expected


@pytest.mark.parametrize("span,expected", [
    (solar_months(1403, 1, 8), solar_months(1402, 1, 8)),        # Farvardin-Aban: the same months a year back
    (solar_months(1403, 7, 7), solar_months(1402, 7, 7)),        # Mehr alone
    (solar_months(1403, 7, 9), solar_months(1402, 7, 9)),
    ((D(2024, 1, 1), D(2024, 3, 31)), (D(2023, 1, 1), D(2023, 3, 31))),
])
def test_a_year_before_moves_solar_months_to_the_same_solar_months(span, expected):
    assert a_year_before(span) == expected


def test_the_same_period_in_another_year_moves_gregorian_spans_only():
    assert the_same_period_in((D(2022, 7, 1), D(2022, 9, 30)), 2021) == (D(2021, 7, 1), D(2021, 9, 30))
    assert the_same_period_in((D(2024, 1, 1), D(2024, 2, 29)), 2023) == (D(2023, 1, 1), D(2023, 2, 28))
    assert the_same_period_in(solar_months(1403, 1, 6), 2023) is None     # which solar year "2023" means is not said


def test_nowruz_table():
    assert min(NOWRUZ) <= 1380 and max(NOWRUZ) >= 1430
    assert all(d.month == 3 and d.day in (20, 21) for d in NOWRUZ.values())
    assert all(NOWRUZ[y].year == y + 621 for y in NOWRUZ)


@pytest.mark.parametrize("texts, expected", [
    (["1398/09/12", "Trade grew."], True),
    (["Exports in the eight months to Aban 30 rose."], True),
    (["Trade in the last Iranian year reached $1 billion."], False),     # a year named, not the document's dates
    (["Azar Mammadova met the minister in Baku on Monday."], False),      # a name, not a month
    (["Trade grew 5 percent last year."], False),
])
def test_a_document_dated_in_the_iranian_calendar(texts, expected):
    assert tells_iranian_calendar(texts) is expected


def test_periods_told_from_the_publication_date_alone_move_to_iranian_years():
    published = D(2019, 12, 3)
    found = find_periods("Exports rose in the first eight months of this year, in 2018 and in January-March.", published)
    moved = in_iranian_years(found, published)
    assert [(p.surface, p.start_date, p.end_date) for p in moved] == [
        ("the first eight months of this year", D(2019, 3, 21), D(2019, 11, 21)),
        ("2018", D(2018, 1, 1), D(2018, 12, 31)), ("January-March", D(2019, 1, 1), D(2019, 3, 31))]


def test_years_later_moves_a_whole_year_on():
    assert years_later((D(2008, 1, 1), D(2008, 12, 31)), 2) == (D(2010, 1, 1), D(2010, 12, 31))
    assert years_later(solar_months(1398, 1, 12), 1) == solar_months(1399, 1, 12)
    assert years_later((D(2008, 1, 1), D(2008, 6, 30)), 1) is None
