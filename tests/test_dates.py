"""Day-level dates and publication dates: each case states the input and the exact expected
values, with a frozen publication date (Wednesday 2023-11-15 unless a case says otherwise)."""
import datetime as dt

import pytest

from pipeline.dates import DateMention, find_dates, find_published_date, resolve_weekday, resolve_yearless

D = dt.date
P = D(2023, 11, 15)          # a Wednesday


def _check_offsets(text: str, mentions: list[DateMention]) -> None:
    for m in mentions:
        assert text[m.start:m.end] == m.surface


# (text, published, [(surface, date, kind), ...])
DATE_CASES = [
    # absolute dates in the usual spellings
    ("The memorandum was signed in Nur-Sultan on April 7, 2021.", P, [("April 7, 2021", D(2021, 4, 7), "absolute")]),
    ("It was signed on 7 April 2021 in Nur-Sultan.", P, [("7 April 2021", D(2021, 4, 7), "absolute")]),
    ("It was signed on 2021-04-07 in Nur-Sultan.", P, [("2021-04-07", D(2021, 4, 7), "absolute")]),
    ("It was signed on Apr. 7, 2021 in Nur-Sultan.", P, [("Apr. 7, 2021", D(2021, 4, 7), "absolute")]),
    ("It was signed on Sept. 5 2022.", P, [("Sept. 5 2022", D(2022, 9, 5), "absolute")]),
    ("The forum opened on the 7th of April, 2021.", P, [("7th of April, 2021", D(2021, 4, 7), "absolute")]),
    ("The deal (dated 27.01.2023) was published.", P, [("27.01.2023", D(2023, 1, 27), "absolute")]),
    ("The deal dated 27/01/2023 was published.", P, [("27/01/2023", D(2023, 1, 27), "absolute")]),
    ("The deal dated 04/07/2021 was published.", P, [("04/07/2021", None, "absolute")]),   # April 7 or July 4
    ("On MAY 5, 2021 the sides met.", P, [("MAY 5, 2021", D(2021, 5, 5), "absolute")]),
    ("The talks on April 7-9, 2021 ended.", P, [("April 7-9, 2021", D(2021, 4, 7), "absolute")]),
    # a span of days written with words: its first day
    ("The expo was held from April 27 to 30, 2021.", P, [("April 27 to 30, 2021", D(2021, 4, 27), "absolute")]),
    ("The session was held on May 27 and 28, 2021.", P, [("May 27 and 28, 2021", D(2021, 5, 27), "absolute")]),
    ("The fair runs from 15 to 18 April 2021.", P, [("15 to 18 April 2021", D(2021, 4, 15), "absolute")]),
    ("Exports rose on April 27 and 30 percent of them were grain.", P, [("April 27", D(2023, 4, 27), "yearless")]),
    # yearless dates take the year from the publication date
    ("The plane landed in Aktau on April 1.", D(2021, 4, 8), [("April 1", D(2021, 4, 1), "yearless")]),
    ("The sides met on March 20.", P, [("March 20", D(2023, 3, 20), "yearless")]),
    ("The sides met on 20 March.", P, [("20 March", D(2023, 3, 20), "yearless")]),
    ("The December 30 meeting was cordial.", D(2024, 1, 3), [("December 30", D(2023, 12, 30), "yearless")]),
    ("The ministers will meet on January 5.", D(2023, 12, 20), [("January 5", D(2024, 1, 5), "yearless")]),
    ("The summit is due on May 20.", D(2021, 4, 8), [("May 20", D(2021, 5, 20), "yearless")]),      # 42 days ahead
    ("The summit was held on June 20.", D(2021, 4, 8), [("June 20", D(2020, 6, 20), "yearless")]),  # 73 days ahead
    ("The sides met on March 20.", None, [("March 20", None, "yearless")]),
    ("From March 20 to April 5, 2021 trade grew.", P,
     [("March 20", D(2021, 3, 20), "yearless"), ("April 5, 2021", D(2021, 4, 5), "absolute")]),
    ("From December 20 to January 5, 2021 trade grew.", P,
     [("December 20", D(2020, 12, 20), "yearless"), ("January 5, 2021", D(2021, 1, 5), "absolute")]),
    ("February 29 was a leap day.", D(2024, 5, 1), [("February 29", D(2024, 2, 29), "yearless")]),
    ("February 29 was a leap day.", P, [("February 29", None, "yearless")]),   # no such day within reach
    # weekdays: the latest one on or before P; next/last move strictly after/before P
    ("The ministers met on Monday in Tehran.", P, [("Monday", D(2023, 11, 13), "weekday")]),
    ("The ministers met on Wednesday in Tehran.", P, [("Wednesday", D(2023, 11, 15), "weekday")]),
    ("The ministers met last Monday.", P, [("last Monday", D(2023, 11, 13), "weekday")]),
    ("The ministers met last Wednesday.", P, [("last Wednesday", D(2023, 11, 8), "weekday")]),
    ("The ministers will meet next Monday.", P, [("next Monday", D(2023, 11, 20), "weekday")]),
    ("The ministers will meet next Wednesday.", P, [("next Wednesday", D(2023, 11, 22), "weekday")]),
    ("The ministers will meet this coming Friday.", P, [("this coming Friday", D(2023, 11, 17), "weekday")]),
    ("The ministers meet this Monday.", P, [("this Monday", None, "weekday")]),
    ("The ministers met on Monday in Tehran.", None, [("Monday", None, "weekday")]),
    ("The ministers met on Monday, April 7, 2021 in Tehran.", P, [("April 7, 2021", D(2021, 4, 7), "absolute")]),
    # relative days
    ("The foreign ministers spoke by phone yesterday.", P, [("yesterday", D(2023, 11, 14), "relative")]),
    ("Today the foreign ministers spoke by phone.", P, [("Today", D(2023, 11, 15), "relative")]),
    ("The delegation arrives tomorrow.", P, [("tomorrow", D(2023, 11, 16), "relative")]),
    ("The delegation arrives tomorrow.", None, [("tomorrow", None, "relative")]),
    ("The ministers met in Lima this morning.", P, [("this morning", D(2023, 11, 15), "relative")]),
    ("This afternoon the ministers met in Lima.", P, [("This afternoon", D(2023, 11, 15), "relative")]),
    # not dates
    ("Iran may 5 times increase its exports.", P, []),
    ("Flights run on Mondays and Fridays.", P, []),
    ("The talks began at 10:30, March 6, 2021.", P, [("March 6, 2021", D(2021, 3, 6), "absolute")]),   # minutes, no day
    ("Trade reached $20 May figures.", P, []),
    ("Trade reached $450 million in 2020.", P, []),                # a year is a period
    ("Trade rose in April 2021.", P, []),                          # a month is a period
    ("He said the two countries are ready to expand cooperation.", P, []),
    ("The ministers met on February 30, 2021.", P, []),             # no such day
]


@pytest.mark.parametrize("text,published,expected", DATE_CASES)
def test_find_dates(text, published, expected):
    found = find_dates(text, published)
    _check_offsets(text, found)
    assert [(m.surface, m.date, m.kind) for m in found] == expected


def test_find_dates_offsets():
    text = "Zarif and Tleuberdi signed it on April 7, 2021, and met again on Monday."
    found = find_dates(text, D(2021, 4, 8))
    assert [(m.start, m.end) for m in found] == [(33, 46), (65, 71)]
    assert found[1].date == D(2021, 4, 5)


@pytest.mark.parametrize("month,day,published,expected", [
    (4, 7, D(2021, 4, 8), D(2021, 4, 7)),
    (12, 30, D(2024, 1, 3), D(2023, 12, 30)),
    (1, 5, D(2023, 12, 20), D(2024, 1, 5)),
    (1, 16, D(2023, 11, 15), D(2024, 1, 16)),     # 62 days ahead: still upcoming
    (1, 17, D(2023, 11, 15), D(2023, 1, 17)),     # 63 days ahead: last January
    (4, 7, None, None),
])
def test_resolve_yearless(month, day, published, expected):
    assert resolve_yearless(month, day, published) == expected


@pytest.mark.parametrize("weekday,modifier,expected", [
    (0, None, D(2023, 11, 13)), (2, None, D(2023, 11, 15)), (3, None, D(2023, 11, 9)),
    (2, "last", D(2023, 11, 8)), (3, "last", D(2023, 11, 9)), (1, "past", D(2023, 11, 14)),
    (2, "next", D(2023, 11, 22)), (3, "next", D(2023, 11, 16)), (0, "coming", D(2023, 11, 20)),
    (2, "this", D(2023, 11, 15)), (0, "this", None),
])
def test_resolve_weekday(weekday, modifier, expected):
    assert resolve_weekday(weekday, modifier, P) == expected


# (article text, expected date or None, expected surface)
PUBLISHED_CASES = [
    ("TEHRAN, Mar. 5 (MNA) – Iran and Kazakhstan signed a deal.", None, None),
    ("TEHRAN, Mar. 5, 2023 (MNA) – Iran and Kazakhstan signed a deal.", D(2023, 3, 5), "Mar. 5, 2023"),
    ("Nur-Sultan, Apr 7, 2021 (EFE)\nIran and Kazakhstan signed a deal.", D(2021, 4, 7), "Apr 7, 2021"),
    ("ASTANA – 12 October 2022 – Iran and Kazakhstan signed a deal.", D(2022, 10, 12), "12 October 2022"),
    ("Iran Seeks to Deepen Ties with Kazakhstan\n\nBy Orkhan Jalilov April 8, 2021\n\nText.", D(2021, 4, 8), "April 8, 2021"),
    ("Headline\nBy Jane Doe | March 3, 2022\nText.", D(2022, 3, 3), "March 3, 2022"),
    ("Headline\nPublished: 2023-01-27\nText.", D(2023, 1, 27), "2023-01-27"),
    ("Headline\nInterview published: 9 Dec 2023\nInterview by Ana Rojas\nText.", D(2023, 12, 9), "9 Dec 2023"),
    ('Site\n<time datetime="2024-01-16T09:30:00+05:00">16.01.2024</time>\nHeadline\nText.', D(2024, 1, 16), "16.01.2024"),
    ("Headline\nPublished on 27 January 2023\nText.", D(2023, 1, 27), "27 January 2023"),
    ("Headline\nPosted: Jan 27, 2023 10:15\nText.", D(2023, 1, 27), "Jan 27, 2023"),
    ("Headline\nDate: 27.01.2023\nText.", D(2023, 1, 27), "27.01.2023"),
    ("Headline\n27/01/2023 14:05\nText.", D(2023, 1, 27), "27/01/2023"),
    ("Headline\nApril 8, 2021\nText.", D(2021, 4, 8), "April 8, 2021"),
    ("Headline\n08.04.2021\nText.", D(2021, 4, 8), "08.04.2021"),
    ("Headline\nThursday, April 8, 2021\nText.", D(2021, 4, 8), "April 8, 2021"),
    ("Headline\n01/02/2023\nText.", None, None),                          # day and month order unknown
    ("Last update: March 1, 2024 01:47\n\nNewsroom logo\n\nBy Orkhan Jalilov April 8, 2021\n\nText.",
     D(2021, 4, 8), "April 8, 2021"),
    ("Last update: March 1, 2024 01:47\nHeadline\nText.", None, None),
    ("Headline\nUpdated: March 1, 2024\nText.", None, None),
    ("Headline\nLast modified March 1, 2024\nText.", None, None),
    ("Headline\nCopyright 2024 Newsroom\nText.", None, None),
    ("Headline\nPublished: March 3, 2022 | Updated: March 4, 2022\nText.", D(2022, 3, 3), "March 3, 2022"),
    ("Headline\nThe memorandum was signed on April 7, 2021 in Nur-Sultan.\nText.", None, None),
    ("On May 20, 2020, the presidents spoke by phone.", None, None),
    ("Headline\n" + "Body text of the article goes on here.\n" * 15 + "April 8, 2021\n", None, None),   # too far down
    ("Headline\nDate: 27.01.2023\nPosted: Jan 30, 2023\n", D(2023, 1, 27), "27.01.2023"),            # the first one
    ("March 3, 2022", D(2022, 3, 3), "March 3, 2022"),                  # a front-matter value
    ("Headline\nBy Jane Doe / 12 March 2024\nText.", D(2024, 3, 12), "12 March 2024"),
    ("Headline\nBy Jane Doe, Lima Daily correspondent, 3 September 2024\nText.", D(2024, 9, 3), "3 September 2024"),
    ("Headline\nResearch note, 2 June 2025\nText.", D(2025, 6, 2), "2 June 2025"),
    ("Chad news\nBusiness feed, 26.01.2026\n\nStories are listed newest first.", D(2026, 1, 26), "26.01.2026"),
    ("Weekly wrap\nMorning digest, 5 March 2024\nText.", D(2024, 3, 5), "5 March 2024"),
    ("Radio Lima\nEvening news roundup\nBroadcast on 8 September 2015, 19:00\nText.", D(2015, 9, 8), "8 September 2015"),
    ("Ministry of Trade\nPress centre > News\nHeadline\nPress service, 24 September 2019\nText.", D(2019, 9, 24), "24 September 2019"),
    ("Headline\nPosted by Ana Quispe on September 30, 2019\nText.", D(2019, 9, 30), "September 30, 2019"),
    ("Headline\nTime: 10:15  /  12 October 2017\nText.", D(2017, 10, 12), "12 October 2017"),
    ("Headline\n\nLIMA, December 7, 2023. /Andina-Express/. The president of Peru met ...", D(2023, 12, 7), "December 7, 2023"),
    ("Headline\n\nLima, Peru, September 20. 2023\nBy Ana Quispe\nText.", D(2023, 9, 20), "September 20. 2023"),
    ("Headline\nLima, Peru (LimaDaily.com) -- October 24, 2023 - 11:05\nText.", D(2023, 10, 24), "October 24, 2023"),
    ("Menu | News\nDate of publication: 21 February 2024, 14:05\nText.", D(2024, 2, 21), "21 February 2024"),
    ("Headline\n2025-01-09T16:40 CET\nText.", D(2025, 1, 9), "2025-01-09"),                  # ISO 8601 stamp
    ("Headline\n2025. 03. 07. 11:05\nText.", D(2025, 3, 7), "2025. 03. 07."),                # year. month. day.
    ("Headline\nStaff | Published: 09:45 PM, 4 Jun 2025 | Last update: 5 Jun 2025\nText.", D(2025, 6, 4), "4 Jun 2025"),
    ("Headline\nRIGA, 3 May 2025 (LETA). The ministers met.\nText.", D(2025, 5, 3), "3 May 2025"),
    ("Headline\nTue 6 May 2025 10.15 BST\nText.", D(2025, 5, 6), "6 May 2025"),
    ("Headline\nPosted On: 04 MAR 2025 2:10PM by the press office\nText.", D(2025, 3, 4), "04 MAR 2025"),
    ("Headline\nSunday, 12 Mehr 1403 | Print\nText.", D(2024, 10, 3), "12 Mehr 1403"),          # Solar Hijri
    ("Headline\nPublish date: 1402/12/29 | 18:05\nText.", D(2024, 3, 19), "1402/12/29"),       # the year's last day
    ("Headline\nPublished: 2 Farvardin 1403 - 21 March 2024, 09:00\nText.", D(2024, 3, 21), "2 Farvardin 1403"),
    ("Headline\n14.05.2025 [09:12]\nText.", D(2025, 5, 14), "14.05.2025"),
    ("Headline\nLIMA, May 14, 2025.\nText.", D(2025, 5, 14), "May 14, 2025"),
    ("Ref. No. 12.00.0000.118      Date: 14/05/2025\nText.", D(2025, 5, 14), "14/05/2025"),
    ("Jane Doe   |14.05.2025 - Update : 15.05.2025\nText.", D(2025, 5, 14), "14.05.2025"),
    ("Headline\nSource: Xinhua| 2024-09-03 21:14:08|Editor: desk\nText.", D(2024, 9, 3), "2024-09-03"),
    ("Headline\nDate: 17-07-2024\nText.", D(2024, 7, 17), "17-07-2024"),
    ("Headline\nPress release No. 231 of 12 June 2024\nText.", D(2024, 6, 12), "12 June 2024"),
    ("Headline\nRegistration date: 2024.05.15 | Department: Trade\nText.", D(2024, 5, 15), "2024.05.15"),
    ("example.com/economy/2023/11/28/trade-beyond-oil\nHeadline\nText.", D(2023, 11, 28), "2023/11/28"),   # the address
    # at the foot, a line that says what its date is
    ("Headline\n" + "Body text of the article goes on here.\n" * 15 + "Published: 05.03.2025 14:20\n",
     D(2025, 3, 5), "05.03.2025"),
    ("Headline\n" + "Body text of the article goes on here.\n" * 15
     + "First published in print in Steppe Review, issue 9/2024, on 3 September 2024.\n", D(2024, 9, 3), "3 September 2024"),
    ("Headline\n" + "Body text of the article goes on here.\n" * 15 + "Updated: 05.03.2025 14:20\n", None, None),
    # at the foot, a date line alone under a sign-off: an office, or a place
    ("Headline\n" + "Body text of the article goes on here.\n" * 15 + "Press Service Department\n05.03.2025\n\nShare",
     D(2025, 3, 5), "05.03.2025"),
    ("Headline\n" + "Body text of the article goes on here.\n" * 15 + "Bishkek\n15 July 2024\n\nRelated\n- Other story",
     D(2024, 7, 15), "15 July 2024"),
    # ...not under a sentence, nor one of several (the dates of related stories)
    ("Headline\n" + "Body text of the article goes on here.\n" * 15 + "15 July 2024\n", None, None),
    ("Headline\n" + "Body text of the article goes on here.\n" * 12 + "Related\nChile, Peru sign deal\n15 July 2024\n"
     "Ministry of Trade reports growth\n12 July 2024\n", None, None),
    ("Headline\nPRESS RELEASE\nDated: 26-10-2023\nText.", D(2023, 10, 26), "26-10-2023"),      # not read as "Date"
    ("Headline\nLima, October 9/2024 (Andina) – The ministers met.\n", D(2024, 10, 9), "October 9/2024"),
    ("Headline\nDesk | Publish : 26 Nov 2023, 07:45 PM   Update : 26 Nov 2023, 09:10 PM\nText.", D(2023, 11, 26), "26 Nov 2023"),
    ("Headline\nNews Service | Sunday 15, September 2024 - 18:42\nText.", D(2024, 9, 15), "15, September 2024"),
    ("Headline\nBy JANE DOE | Published 4:12 AM EDT, June 14, 2024\nText.", D(2024, 6, 14), "June 14, 2024"),
    ("Headline\n[12 May 2025 19:47]\nText.", D(2025, 5, 12), "12 May 2025"),
    ("Headline\nBy JANE DOE\nPublished 9:14 AM GMT+3:30, March 6, 2024\nText.", D(2024, 3, 6), "March 6, 2024"),
    ("Headline\nBy JANE DOE\nFebruary 11, 2020 GMT\nText.", D(2020, 2, 11), "February 11, 2020"),
    ("Headline\nPublished 6:41 PM GMT+5, March 3, 2026\nText.", D(2026, 3, 3), "March 3, 2026"),
    ("Newsletter\nSent: Monday, 21 October 2024\nFrom: desk\nText.", D(2024, 10, 21), "21 October 2024"),
    # a ticker's date is another story's; the labelled line is this one's
    ("BREAKING | 04.03.2024 | Trade tops $4 bln\nHeadline\nPublished: 5 March 2024, 10:42\nText.", D(2024, 3, 5),
     "5 March 2024"),
    ("Headline\nby Ana Ruiz  12:48, 21 February 2024\nText.", D(2024, 2, 21), "21 February 2024"),
    ("Headline\nBy Ana Ruiz (09/25/2024 issue of the Analyst)\nText.", D(2024, 9, 25), "09/25/2024"),
    ("Headline\nLima, 25.04.2024          Views: 1 204\nText.", D(2024, 4, 25), "25.04.2024"),
    ("Headline\n2024.10.21. 17:05\nText.", D(2024, 10, 21), "2024.10.21"),
    ("LIMA, October 20, 2024, Andina -- The forum was held.", D(2024, 10, 20), "October 20, 2024"),
    ("Headline\nLima: Tuesday, 29 October 2024\nText.", D(2024, 10, 29), "29 October 2024"),
    ("Headline\nPhoto: 21 March 2024\nText.", None, None),
    ("Headline\nJuly, 17, 2024 - 14:25\nText.", D(2024, 7, 17), "July, 17, 2024"),
    ("Headline\nStaff | Azar 2, 1403\nText.", D(2024, 11, 22), "Azar 2, 1403"),
    ("Headline\nNews ID: 85421963\n1403-11-26 10:42\nText.", D(2025, 2, 14), "1403-11-26"),
    ("Headline\nPublish time: 1398/10/05 - 13:17\nText.", D(2019, 12, 26), "1398/10/05"),
    ("Headline\n۱۴۰۳/۰۶/۲۰ - 08:45\nText.", D(2024, 9, 10), "۱۴۰۳/۰۶/۲۰"),
    ("Headline\nLima. 21 May 2025. ANDINA – The company said.", D(2025, 5, 21), "21 May 2025"),
    ("Headline\nFirst published on 19 May 2024\nLast modified: 20 May 2024, 08:12\nText.", D(2024, 5, 19), "19 May 2024"),
    ("Headline\n14/08/24 15:30, Lima — Wire\nText.", D(2024, 8, 14), "14/08/24"),
    ("Headline\nText of the release.\n\nPUTRAJAYA\n21 August 2024\n\nShare: Facebook\n\n© 2024 Office.", D(2024, 8, 21),
     "21 August 2024"),
    ("Headline\nMaria Quispe Rojas in Lima May 22, 2024\nText.", D(2024, 5, 22), "May 22, 2024"),  # where the reporter filed from
    ("Headline\nRiyadh, 14 Rabi' al-Awwal 1446 AH, 17 September 2024 — The ministers met.\n", D(2024, 9, 17),
     "17 September 2024"),
    ("Headline\n\nFarvardin 25, 1405 (April 14, 2026), 18:50\nCode: 231107\n\nText.", D(2026, 4, 14), "Farvardin 25, 1405"),
    ("GRAIN MONITOR\nIssue 212 | Issue dated 14 October 2021\nPrices | Trade\n\nText.", D(2021, 10, 14), "14 October 2021"),
    # a page's machine-readable stamp kept in the scraped text
    ("Review\n\n<meta> datePublished: 2021-12-09T08:30:00+05:00\n\nHeadline\nText.", D(2021, 12, 9), "2021-12-09"),
    ('Headline\n"datePublished": "2022-03-01T10:00:00Z",\nText.', D(2022, 3, 1), "2022-03-01"),
    ('Headline\n<meta property="article:published_time" content="2023-05-04T09:00:00+00:00">\nText.', D(2023, 5, 4),
     "2023-05-04"),
]


@pytest.mark.parametrize("text,expected,surface", PUBLISHED_CASES)
def test_find_published_date(text, expected, surface):
    found = find_published_date(text)
    if expected is None:
        assert found is None
        return
    date, start, end = found
    assert date == expected
    assert text[start:end] == surface


def _published(text):
    from pipeline.documents import describe
    from pipeline.read import RawDocument
    raw = RawDocument(doc_id="0" * 16, source_file="a.txt", text=text, front_matter={}, encoding="utf-8",
                      size_bytes=len(text), modified_ns=0)
    return describe(raw)["published_date"]


@pytest.mark.parametrize("text, expected", [
    # two countries that write the day first
    ("Karachi Courier\nBy Staff Reporter | 05/11/2024\n\nPakistan and Saudi Arabia signed a deal. Pakistan gains.",
     dt.date(2024, 11, 5)),
    # a US time zone after it
    ("Wire\nPosted 03/04/2025 6:45 PM ET\n\nCanada and the United States met in Ottawa. Canada said so.",
     dt.date(2025, 3, 4)),
    # another numeric date in the article reads one way only
    ("Posted: 11/12/2024\nLast updated 13/12/2024\n\nThe United States and Mexico met. The United States said so.",
     dt.date(2024, 12, 11)),
    # nothing tells: an article about the United States
    ("Posted: 11/12/2024\n\nThe United States and Mexico met in Washington. The United States said so.", None),
    ("By Yasmine Alaoui - Published 29/10/2024 at 11:05\n\nRABAT - France and Morocco signed 22 agreements.",
     dt.date(2024, 10, 29)),
    ("Chile and China trade climbs\n\nNovember 20, 2024 by Camila Rojas\n\nSANTIAGO - Chile's exports rose.",
     dt.date(2024, 11, 20)),
])
def test_a_numeric_date_that_reads_either_way_is_read_as_its_writers_would(text, expected):
    assert _published(text) == expected
