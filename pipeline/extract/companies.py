"""Company counts: how many companies of one country operate in, or take part in, another.

A count ("approximately 700", "six", "a dozen") directly before a company noun, with
at most a few adjectives between ("Iranian", "large", "domestic"); or "the number of
X companies ... reached N"."""
from __future__ import annotations

import re

from pipeline import places
from pipeline.extract.context import THE_BEFORE, DocContext, SentenceView, base_row
from pipeline.numbers import find_counts

_COMPANY_NOUN = (r"(companies|company|firms?|enterprises?|businesses|producers|manufacturers|exporters|importers|"
                 r"holdings|joint\s+ventures|ventures|corporations|subsidiaries|legal\s+entities|suppliers|"
                 r"contractors|exhibitors|startups|start-ups|banks|traders|steelmakers|carmakers|automakers|drugmakers|"
                 r"forwarders|operators|retailers|wholesalers|distributors|airlines|shipping\s+lines|travel\s+agencies|mills|"
                 r"processors|processing\s+plants)")
# Adjectives allowed between a count and the noun; a demonym is any capitalised word.
_BETWEEN = r"(?:\s+(?:[A-Z][\w-]*\s+and\s+[A-Z][\w-]*|[A-Z][\w-]*|large|big|major|leading|small|medium-sized|small\s+and\s+medium-sized|domestic|local|" \
           r"foreign|national|private|state-owned|state|industrial|trading|manufacturing|mining|agricultural|" \
           r"construction|logistics|transport|pharmaceutical|food|technology|tech|new|active|registered|" \
           r"joint|international|top|well-known|other|more)){0,4}"
# ... and one more word of any kind just before the noun: "30 Kazakh grain traders"
# ("15 Iranian shipping and forwarding companies": two such words)
# (not "400 company representatives": people, counted by the company word before them)
# ("40 Kazakh oilfield service companies", "30 Kazakh crushers and traders": up to two such words, or one and the noun)
# (not "140 B2B meetings with companies": a word like "with" ends the count's phrase)
_NOT_A_MODIFIER = r"(?!(?:of|and|or|with|from|for|in|to|at|by|on|the|a|an)\b)"
_COUNT_THEN_NOUN = re.compile(rf"^{_BETWEEN}(?:\s+{_NOT_A_MODIFIER}[a-z][a-z-]+(?:\s+and\s+[a-z][a-z-]+)?){{0,2}}"
                              rf"(?:\s+{_NOT_A_MODIFIER}[a-z][a-z-]+\s+and)?\s+{_COMPANY_NOUN}\b"
                              r"(?!\s+(?:representatives|executives|officials|heads|leaders|employees|workers|delegates|managers|owners)\b)")
# ("the total of Iranian-owned companies ... to about 180"; not "a total of 90 Iranian companies", counted there)
_NUMBER_OF = re.compile(rf"\b(?:number|(?<!\ba\s)total)\s+of\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?){_COMPANY_NOUN}\b(?P<rest>[^.;]{{0,100}}?)"
                        r"\b(reached|is|was|stands?\s+at|stood\s+at|(?P<over>exceeds?|exceeded|surpassed|topped)|totals?|totaled|totalled|"
                        r"amounts?\s+to|rose\s+to|grew\s+to|increased\s+to|to|from)\s*$",
                        re.IGNORECASE)
# a fact box's line "Twelve: the number of Iranian construction companies now working in Kazakhstan"
_COUNT_LABEL = re.compile(rf"\s*:\s+the\s+number\s+of\s+(?:[\w-]+\s+){{0,3}}?{_COMPANY_NOUN}\b", re.IGNORECASE)
# "Uzbek businesses registered in the UAE number about 700"; a digest line "Enterprises with
# Russian capital operating in Kyrgyzstan: 1,213"
_NOUN_NUMBER = re.compile(rf"\b{_COMPANY_NOUN}\b(?P<rest>[^.;,:]{{0,60}}?)(?:\bnumber(?:ed)?\s*|:\s*)$", re.IGNORECASE)
# compiled once, anchored at a word start (the bare alternation was tried at every character)
_HAS_COMPANY_NOUN = re.compile(rf"\b{_COMPANY_NOUN}\b", re.IGNORECASE)
# the last word of every company noun (tests/test_extract_facts.py keeps the two in step): a
# sentence with none of them, most sentences, is not searched
_COMPANY_WORDS = frozenset("""
companies company firm firms enterprise enterprises businesses producers manufacturers exporters importers holdings
ventures corporations subsidiaries entities suppliers contractors exhibitors startups ups banks traders
steelmakers carmakers automakers drugmakers forwarders operators retailers wholesalers distributors
airlines lines agencies mills processors plants
""".split())
# the company noun left out after a count of companies: "... and about 5,300 with Chinese participation"
_ELIDED_NOUN = re.compile(r"^\s+with\s+(?:the\s+)?(?:participation\s+of\s+)?[A-Z][\w-]+\s+(?:capital|participation|investment|ownership)\b")
# "..., and nine Iranian ones in Kazakhstan": the noun of the count told before in the sentence
_ONES = re.compile(r"^\s+[A-Z][\w-]*\s+ones\b")
# "Around 120 Iranian and 35 Kazakh firms": the noun of the second count is the first one's too
_SHARED_NOUN = re.compile(rf"^\s+(?P<dem>[A-Z][\w-]*)\s+and\s+(?:(?:about|around|some|over|nearly|almost)\s+)?\d[\d,]*\s+[A-Z][\w-]*"
                          rf"(?:\s+[a-z][a-z-]+)?\s+{_COMPANY_NOUN}\b")
# a part of the companies counted before: "389 of which were operating", "only 412 of them are actually operating"
# ("37 of them have their own offices in Almaty", "five of them in the past three months": a part
# by where or since when it is present; not "a dozen of them employ 1,000 people": a part by size)
_OF_THEM = re.compile(r"^\s+of\s+(?:which|them|these|those)\s+(?:(?:are|were|is|was|have|has|had)\s+)?"
                      r"(?:(?:actually|still|currently|now|really|already|also)\s+)?"
                      r"(?:operating|operational|active|working|functioning|in\s+operation|in\s+the\s+(?:past|last)|"
                      r"(?:their\s+own\s+|own\s+)?(?:offices?|branch(?:es)?|representative\s+offices?|plants?|factories)|"
                      r"opened|set\s+up|registered|established|"
                      # "Twelve of them are engaged in food processing": a part by trade
                      r"engaged\s+in|involved\s+in|speciali[sz]e\s+in|speciali[sz]ing\s+in)\b", re.IGNORECASE)
# ... "of which around 3,100 are currently operating", "of which 17 are food producers": told number second
_OF_WHICH_BEFORE = re.compile(r"\bof\s+(?:which|them|these|those),?\s+(?:only\s+|just\s+)?$", re.IGNORECASE)     # "Of these, 79 are joint ventures"
# "more than 250 companies, including about 90 from Iran": a part of the companies counted
# before, by where they come from (the whole, from many countries, is no one country's count)
_INCLUDING_BEFORE = re.compile(rf"\b{_COMPANY_NOUN},?\s+including\s+$", re.IGNORECASE)
_FROM_A_COUNTRY = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?$", re.IGNORECASE)
# "has grown to 612, according to the ministry, which counted 548 a year ago": the count of the
# same companies at an earlier time, by the one who counts them
# (not "up from three in 2020": a count told in passing, which annotators leave out as often as not)
_EARLIER_BEFORE = re.compile(r"\b(?:counted|registered|recorded|listed)\s+$", re.IGNORECASE)
_EARLIER_AFTER = re.compile(r"\s+(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d+)\s+"
                            r"(?:years?|decades?)\s+(?:ago|earlier|before)|in\s+(?:19|20)\d\d\b|last\s+year\b"
                            r"|at\s+the\s+(?:start|beginning|end)\s+of\b)", re.IGNORECASE)
# "about 100 Kazakh and 300 Iranian companies": the second count is as approximate as the first
_APPROXIMATE_PAIR_BEFORE = re.compile(r"\b(?:about|around|some|over|nearly|almost|approximately|roughly|more\s+than)\s+"
                                      r"\d[\d,]*\s+[A-Z][\w-]*\s+and\s+$")
# "Kazakhstan is home to more than 4,600 companies": the host
_HOME_TO = re.compile(r"\s+(?:is|was|remains|has\s+become)\s+(?:now\s+)?(?:home\s+to|host\s+to)\b", re.IGNORECASE)
_HOST_PREP = re.compile(r"\b(in|into|on|to|at|across|throughout)\s+(the\s+)?$", re.IGNORECASE)
_MANY_COUNTRIES = re.compile(r"\s+from\s+(over\s+|more\s+than\s+|some\s+|about\s+)?[\w,]+\s+(countries|nations|states)\b",
                             re.IGNORECASE)
_BOTH_COUNTRIES = re.compile(r"\s+(from|of)\s+(both|the\s+two)\s+(countries|sides|nations)\b", re.IGNORECASE)
# "200 German and Kazakh companies" (not "Tajik-Chinese joint ventures", whose foreign side is known)
_TWO_NATIONALITIES = re.compile(r"\b[A-Z][\w-]+\s+and\s+[A-Z][\w-]+\s")
# "took part in the Iran Exclusive Exhibition", "in the Russia–Iran business forum": a name, not the host
_NAMED_EVENT_AFTER = re.compile(r"(?:\s*[-–]\s*[A-Z][\w-]*)?\s+(?:[A-Za-z][\w-]*\s+){0,3}?"
                                r"(?:exhibition|expo|fair|forum|show|summit|festival|week|session|conference|"
                                r"meeting|council|dialogue|round\s*table)s?\b", re.IGNORECASE)
# "exhibited at the "Made in Pakistan" expo": a country inside a quoted name is no host
_QUOTED = re.compile(r'"[^"]{1,80}"|“[^”]{1,80}”')
# taking part in an event: its place is the host
# "took part in a forum held at the Kazakh Chamber of Entrepreneurs": a venue of that country
_AT_A_VENUE = re.compile(r"\bat\s+the\s+$")
_TAKES_PART = re.compile(r"\b(?:(?:took|take|takes|taking)\s+part|(?:was|were|is|are)\s+represented\s+by|attend(?:ed|ing|s)?|participat\w*|brought\s+together|for\s+the\s+event|"
                         r"bringing\s+together|brings?\s+together|gathered|exhibit(?:ed|ing|s)?|showcas\w*|"
                         r"forum|expo|exhibition|fair|trade\s+mission|business\s+mission)\b", re.IGNORECASE)
_NATIONALITY_NOUN = re.compile(rf"(?:-owned|-run|-based|-funded)?\s+(?:[\w-]+\s+){{0,2}}?{_COMPANY_NOUN}\s*", re.IGNORECASE)
_IN_THE_COUNTRY = re.compile(r"\bin\s+the\s+(?:country|republic)\b", re.IGNORECASE)
_DOMESTIC = re.compile(r"\b(domestic|local|national)\b", re.IGNORECASE)


def extract_company_counts(doc: DocContext) -> list[dict]:
    rows: list[dict] = []
    for i, s in enumerate(doc.sentences):
        since = doc.sentences[max(0, i - 1)].sentence.start     # a count told in this sentence or the one before
        if (s.text.isascii() and _COMPANY_WORDS.isdisjoint(s.words) or not _HAS_COMPANY_NOUN.search(s.text)) and not (
                _counted_since(rows, since) and (" of them" in s.text or " of which" in s.text)):
            continue
        for c in find_counts(s.text):
            tail = s.text[c.end:]
            m = _COUNT_THEN_NOUN.match(tail)
            rule = "companies.count_noun"
            noun_end = c.end + m.end() if m else None
            elided = _ELIDED_NOUN.match(tail) if m is None and rows and rows[-1]["evidence"] == s.text else None
            if elided:       # "4,600 companies with Turkish capital and about 5,300 with Chinese participation"
                m, rule, noun_end = elided, "companies.elided_noun", c.end + elided.end()
            if _counted_since(rows, since) and (m is None and _OF_THEM.match(tail) or _OF_WHICH_BEFORE.search(s.text, 0, c.start)):
                # "614 legal entities with Iranian participation ..., 389 of which were operating"
                rows.append(_count_row(doc, s, "companies.of_them", c, rows[-1]["company_country"], rows[-1]["host_country"]))
                continue
            same_sentence = rows[-1] if rows and rows[-1]["evidence"] == s.text else None
            if m is None and same_sentence and _EARLIER_BEFORE.search(s.text, max(0, c.start - 24), c.start) and _EARLIER_AFTER.match(tail):
                rows.append(_count_row(doc, s, "companies.earlier_count", c, same_sentence["company_country"],
                                       same_sentence["host_country"]))
                continue
            if m is None and _INCLUDING_BEFORE.search(s.text, max(0, c.start - 40), c.start):
                part_of = next((p for p in s.countries if p.start > c.end and _FROM_A_COUNTRY.fullmatch(s.text, c.end, p.start)), None)
                if part_of is not None:
                    host = same_sentence["host_country"] if same_sentence else (
                        _event_place_before(doc, s) or doc.other_side(part_of.code))
                    if same_sentence and same_sentence["company_country"] == part_of.code:
                        rows.pop()      # the whole was read as the part's own
                    rows.append(_count_row(doc, s, "companies.including_part", c, part_of.code, host))
                    continue
            over = False
            if m is None and (shared := _SHARED_NOUN.match(tail)):
                m, rule, noun_end = shared, "companies.shared_noun", c.end + shared.end("dem")
            if m is None and same_sentence and (ones := _ONES.match(tail)):
                # "Fifteen Kazakh trucking companies ... in Iran, and nine Iranian ones in Kazakhstan"
                m, rule, noun_end = ones, "companies.ones", c.end + ones.end()
            if m is None and (label := _COUNT_LABEL.match(tail)):
                # "Twelve: the number of Iranian construction companies now working in Kazakhstan"
                m, rule, noun_end = label, "companies.count_label", c.end + label.end()
            if m is None:
                head = s.text[:c.start]
                n = _NUMBER_OF.search(head) or _NOUN_NUMBER.search(head)
                if n is None:
                    continue
                rule, noun_end = "companies.number_of", n.start("rest")
                over = n.groupdict().get("over") is not None      # "the number ... has exceeded 600": more than 600
            if noun_end is None or _MANY_COUNTRIES.match(s.text, noun_end) and not _BOTH_COUNTRIES.match(s.text, noun_end):
                continue            # "1,000 exhibitors from 30 countries": no one country's companies
            span_start = min(c.start, noun_end)
            if _BOTH_COUNTRIES.match(s.text, noun_end) or _TWO_NATIONALITIES.search(s.text, c.end, noun_end) and len(
                    {m.code for m in s.countries if c.end <= m.start and m.end <= noun_end}) >= 2:
                # "90 companies from both countries", "200 German and Kazakh companies": no one
                # country's; hosted where the sentence is set
                company = None
                host = (_last_city_country(doc, i, i) or next((m.code for m in _host_mentions(s)), None)
                        or _last_city_country(doc, 0, i))
            elif THE_BEFORE.search(s.text, max(0, c.start - 8), c.start) and not _nationality_named(s, c.end, noun_end):
                continue    # "the three operators announced": the companies named before, no one country's count
            else:
                # (a count of companies at an event told just before: "some 100 Iranian companies took
                # part in the event. The Kazakh side was represented by 62 companies": the same event)
                at_event = rows[-1] if (_counted_since(rows, since) and rows[-1]["evidence"] != s.text
                                        and _TAKES_PART.search(rows[-1]["evidence"])) else None
                company, host = _countries(doc, s, span_start, noun_end, c.end, at_event)
                if company is None and host is None:
                    continue
            paired = rule == "companies.count_noun" and _APPROXIMATE_PAIR_BEFORE.search(s.text, max(0, c.start - 60), c.start) is not None
            rows.append(_count_row(doc, s, rule, c, company, host, c.approximate or over or paired))
    return _dedupe(rows)


def _count_row(doc: DocContext, s: SentenceView, rule: str, c, company: str | None, host: str | None,
               approximate: bool | None = None) -> dict:
    return {**base_row(doc, s, rule), "company_count": c.value, "company_country": company, "host_country": host,
            "approximate": c.approximate if approximate is None else approximate}


_FROM_BEFORE = re.compile(r"^\s+(?:from|of|with)\s+(?:the\s+)?$", re.IGNORECASE)


def _nationality_named(s: SentenceView, count_end: int, noun_end: int) -> bool:
    """Whose companies a count names: a nationality in its phrase ("the 40 Iranian firms") or a
    country after it ("the 40 companies from Iran")."""
    return any(count_end <= m.start and m.end <= noun_end
               or noun_end <= m.start and _FROM_BEFORE.match(s.text[noun_end:m.start]) for m in s.countries)


def _counted_since(rows: list[dict], since: int) -> bool:
    """A count of companies was read at or after offset `since`."""
    return bool(rows) and rows[-1]["evidence_start"] >= since


def _last_city_country(doc: DocContext, first: int, last: int) -> str | None:
    """The country of the last city named in sentences first..last: where a forum "of companies
    from both countries" is held ("A business forum was held in Ashgabat. More than 120 companies ...")."""
    for s in reversed(doc.sentences[first:last + 1]):
        if s.cities:
            return s.cities[-1].code
    return None


def _places_outside_quotes(s: SentenceView) -> list:
    """Countries, cities and regions of the sentence ("operate in Mangystau region"), except inside
    quoted names ("the "Made in Pakistan" expo")."""
    quoted = [q.span() for q in _QUOTED.finditer(s.text)]
    return [m for m in s.countries + s.cities + [p for p in s.places if p.kind == "region"]
            if not any(qs < m.start < qe for qs, qe in quoted)]


def _host_mentions(s: SentenceView, mentions: list | None = None) -> list:
    """Of `mentions` (default: _places_outside_quotes), those after "in", "to", "across" ...
    ("operate in Uzbekistan", "a fair in Tashkent"); a country naming an event is not one
    ("the Russia-Iran business forum"), a city is ("the Tbilisi Build Expo" is in Tbilisi)."""
    text = s.text
    return [m for m in (_places_outside_quotes(s) if mentions is None else mentions)
            if _HOST_PREP.search(text[max(0, m.start - 12):m.start])
            and not (m.kind in places.COUNTRY_KINDS and _NAMED_EVENT_AFTER.match(text, m.end))]


def _countries(doc: DocContext, s: SentenceView, start: int, noun_end: int, count_end: int, at_event: dict | None = None):
    """(company_country, host_country) around a company phrase at [start, noun_end).

    Companies taking part in a forum, fair or mission are hosted where it is held, even at
    home ("75 Kazakh firms" at a forum in Almaty are hosted by Kazakhstan). `at_event` is a
    count of companies at an event told just before: its host is the event's."""
    text = s.text
    takes_part = bool(_TAKES_PART.search(text))
    mentions = _places_outside_quotes(s)
    own = [m for m in s.countries if count_end <= m.start and m.end <= noun_end]
    # "companies from Turkey", "firms with Chinese capital"
    after = [m for m in mentions if noun_end <= m.start <= noun_end + 40]
    company = own[0].code if own else None
    if company is None:
        # "25 Gilan-based firms", "30 Kostanay agricultural companies": a province's or region's country
        # (not a city's: "two Mashhad food companies and a Kostanay flour mill agreed to ...", parties to a deal)
        company = next((m.code for m in s.places if m.kind == "region" and count_end <= m.start and m.end <= noun_end), None)
    host = None
    host_mentions = _host_mentions(s, mentions)
    for m in after:
        gap = text[noun_end:m.start].lower()
        if company is None and re.search(r"\b(from|of|with)\s+(the\s+)?$", gap) and "in " not in gap:
            company = m.code
        elif host is None and m in host_mentions:
            host = m.code
    if host is None:
        home = next((m for m in mentions if m.end <= start and _HOME_TO.match(text, m.end)), None)
        host = home.code if home is not None and home.code != company else None
    if host is None:
        # at home only where a city says so: "... a forum in Almaty" (not "operate in Uzbekistan, and
        # 70 companies from Uzbekistan took part in the fair")
        hosts = [m for m in mentions if m in host_mentions and (m.code != company or takes_part and (
                 m.kind not in places.COUNTRY_KINDS or _AT_A_VENUE.search(text, max(0, m.start - 8), m.start)))]
        if hosts:
            host = min(hosts, key=lambda m: abs(m.start - noun_end)).code
    if company is None:
        # "..., while Chinese-owned businesses number about 3,200": the nationality right before the noun
        lead = [m for m in s.countries if m.end <= start and _NATIONALITY_NOUN.fullmatch(text, m.end, start)]
        company = lead[-1].code if lead else None
    if company is None:
        phrase = text[start:noun_end]
        others = [m.code for m in s.countries if m.code != host]
        if _DOMESTIC.search(phrase) or not others:
            company = doc.other_side(host) if host else None
        if company is None and others:
            company = others[0]
    if host is None and takes_part and not host_mentions:
        # "Over 80 Iranian firms took part in the B2B sessions" after "The forum opened in Tehran on
        # Monday": where the event told just before is held
        host = _event_place_before(doc, s) or (at_event["host_country"] if at_event else None)
    if host is None and company is not None and len(doc.main_pair) == 2 and _IN_THE_COUNTRY.search(text):
        # "the largest foreign business community in the country": the country the article is most about
        host = doc.main_pair[0] if doc.main_pair[0] != company else doc.main_pair[1]
    if host is None and company is not None:
        host = doc.other_side(company)
    if company is not None and company == host and len({m.code for m in own}) == 2:
        # "24 joint Kazakh-Iranian enterprises operate in Mangystau region": the side from abroad
        company = next(m.code for m in own if m.code != host)
    if company is not None and company == host and not takes_part:
        return None, None
    return company, host


_EVENT_WORD = re.compile(r"\b(?:forum|expo|exhibition|fair|conference|show|week)s?\b", re.IGNORECASE)
_EVENT_PLACE_SENTENCES = 3


def _event_place_before(doc: DocContext, s: SentenceView) -> str | None:
    """The country of the city where a forum, fair or exhibition told in the last few sentences is held."""
    at = next((k for k, v in enumerate(doc.sentences) if v is s), None)
    if at is None:
        return None
    for v in reversed(doc.sentences[max(0, at - _EVENT_PLACE_SENTENCES):at]):
        if _EVENT_WORD.search(v.text):
            cities = [c for c in v.cities if _HOST_PREP.search(v.text[max(0, c.start - 12):c.start])]
            if cities:
                return cities[0].code
    return None


def _dedupe(rows: list[dict]) -> list[dict]:
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r["company_count"], r["company_country"], r["host_country"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
