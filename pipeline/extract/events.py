"""Events: meetings, visits, calls, conferences, forums, summits, press conferences.

A trigger word or phrase names the event and its type. Plural mentions ("specialized
meetings") are not one event, and a later "the meeting" / "this visit" refers back to
an event already reported, so an article's events are each one row."""
from __future__ import annotations

import datetime as dt
import re

from pipeline import places
from pipeline.dates import MONTH_RX
from pipeline.extract import people
from pipeline.extract.context import DocContext, SentenceView, base_row, in_dateline, is_question
from pipeline.wordscan import last_match, matches_at_starts, whole_word_starts

# An opening: "The opening ceremony was held on Monday in Kaskelen", "The mill was inaugurated",
# "opened a representative office in Almaty on Saturday" (told as news, not recalled: "when it opened
# a cooperation office in 1994", "the railway, which was inaugurated in December 2014")
_OPENINGS = (r"(?:opening|inauguration|inaugural|ground-?breaking|launch)\s+ceremony|(?<!which\s)(?<!that\s)(?:was|were)\s+inaugurated|"
             r"inaugurated\s+(?:a|an|the)|opened\s+(?:a|an|its|the)\s+(?:new\s+|first\s+)?(?:[\w-]+\s+){0,2}"
             r"(?:office|branch|trade\s+house|plant|factory|mill|yard|consulate|terminal)"
             r"(?=[^.;]{0,60}?\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this\s+week|today|yesterday)\b)")
# Order matters: the first pattern that matches at a position wins (longest forms first).
_TRIGGERS: list[tuple[str, str]] = [
    # "said at a briefing in Astana", "briefed reporters in Astana on Tuesday"
    ("press_conference", r"(joint\s+)?(press|news)\s+conference|press\s+briefing|(spoke|talked)\s+to\s+the\s+press(?=\s+(?:in|on|at|after)\s)|(?<=\ba\s)briefing(?=\s+(?:in|on|at)\s)|"
                         r"briefed\s+(?:reporters|journalists|the\s+press|the\s+media)(?=\s+(?:in|on|at)\s)"),
    ("call", r"(tele)?phone\s+(call|conversation|talks?)|held\s+([\w-]+\s+)?talks\s+(by|over\s+the|on\s+the)\s+(tele)?phone|telephone\s+conversation|video\s+call|"
             r"(held\s+([\w-]+\s+)?talks|spoke|talked|conferred|discussed\s+[^.;]{0,80}?)\s+by\s+video\s*-?link|"      # "discussed ... with the Iranian minister by video link"
             r"(spok(e|en)|talked|talk|speak|conferred)\s+(by|over\s+the|on\s+the)\s+(tele)?phone|spok(e|en)\s+with\s+[^.;]{0,60}?\s+(by|over\s+the|on\s+the)\s+(tele)?phone|held\s+a\s+(tele)?phone|phoned|called\s+his\s+\w+\s+counterpart|"
             r"(discussed|talked\s+about|conferred\s+on)\s+[^.;]{0,80}?\s+(by|over\s+the|on\s+the)\s+(tele)?phone"),
    # ("the Conference on Interaction and Confidence-Building Measures in Asia": CICA, a body)
    ("conference", r"video\s*-?conference|videoconference|online\s+conference|conference(?!\s+on\s+Interaction\b)"),
    ("forum", r"forum"),
    # "the SCO heads of state council convened", "The SCO Council of Heads of State met in Dushanbe"
    ("summit", r"summit|heads\s+of\s+state\s+council|council\s+of\s+(the\s+)?heads\s+of\s+state"),
    ("signing", r"signing\s+ceremony"),
    ("meeting", r"(commission|committee|council)\s+(meeting|session)|"
                r"(cooperation|business|interstate|intergovernmental)\s+(council|commission)"
                r"(?=\s+(in|on|held|was\s+held|took\s+place|met|convened)\b)|"
                # "The 20th Iran-Oman Joint Economic Commission concluded in Muscat" (not "the Eurasian Economic Commission in Moscow said")
                r"(joint|economic)\s+(council|commission|committee)(?=\s+(concluded|ended|opened|closed|met|convened|was\s+held|took\s+place)\b)|"
                # "The Kazakh-Chinese commission held its 15th session in Bishkek", "the Joint Committee convened"
                r"(commission|committee|council)\s+(convened|(held|will\s+hold)\s+its\s+([\w-]+\s+){0,2}(session|meeting|sitting))|"     # "will hold its next plenary session in Shymkent"
                r"(received|hosted)\s+(a|an|the)\s+([\w-]+\s+){0,3}delegation|"
                # "received Sadvakasova on Thursday": one capitalised name, then when or where
                r"received\s+(?-i:[A-Z][\w'’-]+)(?=\s+(?:on\s+\w+day|in\s+(?-i:[A-Z])|at\s+the|yesterday|today)\b)|"
                r"received\s+(?:(?:today|yesterday|on\s+\w+day)\s+)?"
                r"(?-i:(?:(?:Dr|Mr|Mrs|Ms|H\.\s?E)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)|(was|were|been)\s+(also\s+|later\s+|then\s+|warmly\s+)?received\s+(?:(?:today|yesterday|on\s+\w+day)\s+)?by|"
                r"(meeting|session|sitting)\s+of\s+(the|their)\s+([\w–'’-]+\s+){0,6}(commission|committee|council)|"     # ("of the two countries' commission")
                r"(commission|committee|council)['’]s\s+([\w-]+\s+){0,3}(session|meeting|sitting)|"
                r"met(\s+with)?|meeting|held\s+(?!(?:tele)?phone\b)([\w-]+\s+){0,2}talks|holds?\s+talks|talks\s+(with|between)|negotiations\s+(with|between)|"
                # "he said after talks in Bishkek on Monday with ...", "at the end of talks in Tashkent", "during talks at the
                # Presidential Complex"
                r"(?:(?<=after\s)|(?<=at\s)|(?<=during\s)|(?<=end\sof\s))talks\s+(?=in\s+(?-i:[A-Z])|on\s+\w+day\b|at\s+the\b)|"
                r"talks\s+(?=(?:took\s+place|were\s+held)\b)|"      # "The fourth round of the Syria talks took place in Astana"
                # "Talks in narrow and expanded formats were held at the state residence"
                r"talks\s+(?=in\s+(?:a\s+)?(?:narrow|restricted|expanded|extended|one-on-one|tete-a-tete)\b[^.;]{0,40}?\s(?:took\s+place|were\s+held)\b)|"
                # "The Supreme Eurasian Economic Council, bringing together the leaders ..., was held in Sochi"
                r"(?-i:Council)(?=,?[^.;]{0,80}?\s(?:was|were)\s+held\b)|"
                r"round\s+of\s+(talks|consultations|negotiations)|consultations\s+(with|between)|meet|"
                r"held\s+([\w-]+\s+){0,2}consultations|"
                # "received the new Iranian ambassador" (not "received the ambassador's credentials")
                r"(received|hosted)\s+(the|a|an|(?-i:[A-Z][\w-]+)['’]s)\s+([\w'’-]+\s+){0,3}(ambassador|envoy|minister|deputy\s+minister|governor|chairman|"
                r"president|head\s+of\s+the\s+[\w-]+\s+delegation)\b(?!['’])|"
                r"(hosted|received)\s+(his|her|their)\s+([\w'’-]+\s+){0,2}counterparts?|"     # "hosted his Turkmen counterpart"
                r"(business\s+)?round\s*-?table|"
                # "called on the Prime Minister": a courtesy meeting ("called on Iran to ..." is no event)
                # ("called on Pakistan's Federal Minister for Commerce", "called on Saudi Minister of Investment")
                r"called\s+on\s+(the\s+)?(?-i:(?:[A-Z][\w-]+(?:['’]s)?\s+){0,2}(President|Prime|Minister|King|Emir|Crown|Speaker|"
                r"Chairman|Governor|Vice|Sheikh|Federal|Deputy))"),
    ("visit", r"(official|state|working|two-day|three-day|first|upcoming|recent)\s+visit|visit(ed|s)?|visiting(?!\s+(?:fellow|professor|scholar|researcher|lecturer|card|hours)\b)(?!\s+(?:[A-Z][a-z]+\s+)?(?:President|Prime|Premier|Vice|Minister|Deputy|Foreign|[Dd]elegation|officials?|[Hh]ead|[Ll]eader|King|Emir|Crown|Chancellor|Speaker))|(?<!round\s)(?<!round-)trip|"
              r"tour(?!\s+(?:operators?|companies|agenc(?:y|ies)|guides?|packages?)\b)|arrived\s+in|welcomed\s+in|travell?ed\s+to|flew\s+to|at\s+the\s+head\s+of\s+(a|an|the)\s+([\w-]+\s+){0,2}delegation|"
              r"heads?\s+(a|an|the)\s+([\w-]+\s+){0,2}delegation|"
              # "led a delegation to Astrakhan" (not "leading the delegation to the summit": the summit is the event)
              r"(headed|heading|led|leading)\s+(a|an|the)\s+([\w-]+\s+){0,2}delegation(?=\s+to\b)"
              r"(?!\s+to\s+the\s+([\w-]+\s+){0,3}(summit|forum|meeting|session|conference|talks)\b)|"
              r"(?<!['’]s\s)(?-i:(trade|business|economic|investment)\s+mission)"),     # lower case: not "the Russian Trade Mission" ("Iran's trade mission in Almaty": an office)
    ("other", r"(?:exhibition|exposition|expo)(?!\s+(?:cent(?:er|re)|halls?|complex|grounds?|pavilion|area|space|stands?|booths?)\b)|trade\s+fair|fair|(attended|held|hosted)\s+(a|an|the)\s+(?!signing\b)([\w-]+\s+){0,2}(ceremony|reception)|"
              + _OPENINGS),
]
_TRIGGER = re.compile("|".join(rf"(?P<{t}>\b(?:{p})\b)" for t, p in _TRIGGERS), re.IGNORECASE)
# Every trigger contains one of these as a whole word; a sentence with none of them has no
# event, and the trigger regex (slow: tried at every character) is not run on it. Keep in
# step with _TRIGGERS (tests/test_extract_facts.py checks the prefilter finds what the full
# pattern finds, on the seeds, the devset and a sentence for each newer trigger form).
_ANCHORS = frozenset("""
conference videoconference briefing briefed phone telephone phoned video counterpart forum summit ceremony reception
meeting session sitting met meet talks negotiations consultations visit visited visiting visits trip tour link
arrived welcomed delegation exhibition exposition expo fair council commission received mission called travelled
traveled flew roundtable round table hosted convened press inaugurated opened
""".split())
_WORD = re.compile(r"\w+")


# Every trigger starts with one of these words (its first run of word characters), so a
# match can only start at such a word.
_FIRST_WORDS = frozenset("""
joint press news telephone phone video spoke spoken held phoned called videoconference online conference forum summit
signing commission committee council meeting session sitting met hold holds talks negotiations round consultations meet
official state working two three first upcoming recent visit visited visiting visits trip tour arrived welcomed
at heads head exhibition exposition expo trade cooperation business interstate intergovernmental received attended
hosted was were been economic investment fair called travelled traveled flew roundtable discussed talked conferred
headed heading led leading briefing briefed opening inauguration inaugural groundbreaking ground launch inaugurated opened
""".split())
# Where a trigger can start in the lower-cased ASCII text: one of _FIRST_WORDS as a whole word
# (one search; trying every word of the text in Python cost more than the matching).
_FIRST_WORD_AT = whole_word_starts(_FIRST_WORDS)


def _trigger_matches(text: str, words: frozenset[str] | None = None):
    """What _TRIGGER.finditer(text) yields, trying the regex only where a trigger can start.
    `words`: the text's lower-cased words (SentenceView.words), computed here when not given.
    Non-ASCII text is always searched: case-insensitive matching is not plain lower-casing."""
    if not text.isascii():
        yield from _TRIGGER.finditer(text)
        return
    if _ANCHORS.isdisjoint(words if words is not None else _WORD.findall(text.lower())):
        return
    yield from matches_at_starts(_TRIGGER, text, _FIRST_WORD_AT, text.lower())


_PLURAL = re.compile(r"^(meetings|visits|calls|conferences|forums|fora|summits|trips|tours|talks|sessions|exhibitions)$",
                     re.IGNORECASE)
_DEFINITE = re.compile(r"\b(the|this|that|his|her|its|their)\s+([\w-]+\s+){0,1}$", re.IGNORECASE)
_INDEFINITE_LEAD = re.compile(r"\b(a|an)\s+([\w-]+\s+){0,3}$", re.IGNORECASE)
# "meeting the demand", "meet the needs": the verb in its other sense
_NOT_EVENT_AFTER = re.compile(r"^\s+(the\s+)?(needs?|demands?|requirements?|targets?|goals?|expectations|standards?|"
                              r"criteria|deadline|obligations?|interests|challenges?|conditions)\b"
                              r"|^\s+(?:in|at)\s+the\s+airport\b", re.IGNORECASE)     # "was met at the airport by": a welcome
# ("in the Kazakh port city of Aktau", "to the Russian city of Astrakhan", "in the northern port of Anzali")
_LOCATION_PREP = re.compile(r"\b(in|at|to|from|visited|visiting|visit)\s+(the\s+)?"
                            r"(((?-i:[A-Z][\w-]+\s+)|(?:north|south|east|west)(?:ern|-eastern|-western)?\s+|central\s+){0,2}"
                            r"(capital|city|port|town)\s+(city\s+)?(of\s+)?)?$", re.IGNORECASE)


# "the second meeting of the council", "the previous meeting", "a separate meeting": another occasion, not the one told before
_ANOTHER_OCCASION = re.compile(r"\b(?:(the|its|their)\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                               r"tenth|\d+(st|nd|rd|th)|next|previous|last|upcoming)|(a\s+)?separate|another|also(?:\s+(?:held|had)\s+an?)?"
                               r"|(?:follows|followed|came\s+after|comes\s+after)\s+an?)\s+([\w-]+\s+)?$",   # "The visit follows a meeting ..."
                               re.IGNORECASE)
# "some 40,000 Qatari nationals visited", "the number of tourists from Kazakhstan visiting":
# people counted as travellers, a statistic rather than an official visit
_TRAVELLERS_BEFORE = re.compile(r"\b(tourists|nationals|citizens|visitors|travell?ers|pilgrims|holidaymakers|"
                                r"passengers|residents)\b(\s+(?!and\b|but\b)[\w,-]+){0,4}\s+(have\s+|had\s+)?$"
                                # "about 1.4 million Australians visited Bali"
                                r"|\d[\d,.]*\s*(million|thousand)?\s+(?-i:[A-Z][a-z]+s)\s+(have\s+|had\s+)?$",
                                re.IGNORECASE)
# "The 17th session": a numbered one, which may be the one told before without its number
_NUMBERED = re.compile(r"\b(?:the|its|their)\s+\d+(?:st|nd|rd|th)\s+([\w-]+\s+)?$", re.IGNORECASE)
# "It was the first face-to-face meeting ...", "This was his second visit ...": what the event told before was
_DESCRIBES_IT = re.compile(r"^\W*(it|this|that)\s+(was|is|marked|will\s+be)\s+(the|their|his|her)\s+(first|second|third|"
                           r"fourth|fifth|\d+(st|nd|rd|th))\s+([\w-]+\s+){0,2}$", re.IGNORECASE)
# "During his visit, ...", "On the sidelines of the forum, ...": an event named as the setting of another
_SETTING = re.compile(r"(?:^|[,;]\s*)(?:during|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of|as\s+part\s+of)\s+"
                      r"(?:his|her|their|its|the|this)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# ("preparations for the next session of the two countries' intergovernmental commission in a phone call")
_PREPARATION = re.compile(r"\b(preparations?\s+for|prepar(e|ing)\s+for|ahead\s+of|in\s+the\s+run-up\s+to|organi[sz](?:ation|ing)\s+of)\s+(the|a|an|his|her|their)\s+"
                          r"(?:(?!(?:in|during|by|at|on|over|via)\s)[\w'’-]+\s+){0,8}$", re.IGNORECASE)   # ("... for the visit in a phone call": the call is no part of it)
# "after the meeting", "following the talks": a later sentence about an event told before
_AFTER_IT = re.compile(r"\b(after|following|ahead\s+of|before)\s+(the|this|that|his|her|their)\s+(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)
_NAMED_FAIR = re.compile(r"(?:\b[A-Z][\w-]*|\b(?:trade|international|industrial|agricultural|annual|book))\s+$")
# "on the same day": the date of the event told just before
# ("later in the day": the day of the event told before; "earlier in the day", "earlier today":
# the day the story was published)
# ("held talks with the prime minister shortly after his arrival": on the day of the arrival told before)
_SAME_DAY = re.compile(r"\b(on\s+)?the\s+same\s+day\b|\blater\s+(in\s+the|that)\s+day\b"
                       r"|\b(?:shortly|soon|immediately|right)\s+(?:after|upon)\s+(?:his|her|their)\s+arrival\b"
                       r"|\b(?P<story>earlier\s+(in\s+the|that)\s+day|earlier\s+today)\b", re.IGNORECASE)
_DAY_APART = re.compile(r"\s*(?:(?:a|one)\s+day\s+(?:(?P<back>earlier|before)|later|after)|the\s+(?:(?P<back2>day\s+before|previous\s+day)|"
                        r"next\s+day|following\s+day|day\s+after))\b", re.IGNORECASE)
# "runs until April 24", "since May 1": a date that bounds an event, not the day it happened
_BOUND_BEFORE = re.compile(r"\b(until|till|through|since|before|after|by|from)\s+$", re.IGNORECASE)


def extract_events(doc: DocContext) -> list[dict]:
    rows: list[dict] = []
    settings: set[str] = set()     # events named only as where another took place ("on the sidelines of the summit")
    for s in doc.sentences:
        types_here: set[str] = set()
        told_again: set[str] = set()     # types of events a summary line told that the sentence reports in full
        # a question reports no event ("Q: Will Iran host a new regional meeting?"), nor does a label
        # ("Video conference.") or an entry of a calendar ("Astana Economic Forum — 21-22 May")
        matches = list(_trigger_matches(s.text, s.words))
        if matches and (is_question(s.text) or len(_WORD.findall(s.text)) <= 2 or _CALENDAR_ENTRY.match(s.text)):
            matches = []
        for m in matches:
            event_type = m.lastgroup
            surface = m.group(0)
            if event_type in types_here or _PLURAL.match(surface) or _NOT_EVENT_AFTER.match(s.text[m.end():]):
                continue
            if (s.text.startswith(" after ", m.end()) and s.text.startswith(surface, m.end() + 7)
                    or s.text.endswith(f"{surface} after ", 0, m.start())):
                continue   # "the hopes voiced at summit after summit": many, no one event
            if event_type in _VISIT_OR_MEETING and (types_here | told_again) & _VISIT_OR_MEETING and not _BODYS_MEETING.search(surface):
                # "visited Aktau port on Tuesday and met the port's management": the talks are the visit's
                # (also when the visit was told before: "paid a state visit ..., holding talks with ...")
                # (not "on a working visit to attend the 19th meeting of the commission")
                continue
            if event_type == "other" and _OPENING.match(s.text, m.start()) and any(
                    o.lastgroup in _GATHERINGS_OR_OTHER and o is not m for o in matches):
                continue   # "The forum was inaugurated on Tuesday", "inaugurated the Iran Expo": the gathering's own opening
            if event_type == "other" and _PERMANENT.search(s.text[:m.start()]):
                continue   # "a permanent exhibition of Iranian goods": a showroom, not an event
            if surface.lower() == "fair" and not _NAMED_FAIR.search(s.text[:m.start()]):
                continue   # "a fair price": only a named fair ("the AgroExpo Central Asia fair") is an event
            if len(matches) > 1 and _PREPARATION.search(s.text[:m.start()]) and not _TOLD_TO_COME.match(s.text, m.end()):
                continue   # "discussed the preparations for the visit in a phone call": the call is the event
                # (not "held ahead of the summit of ..., which opens in Baku on Tuesday": told as an event of its own)
            if len(matches) > 1 and _SETTING.search(s.text[:m.start()]):
                continue   # "During his visit, X met Y": the visit is the setting; the meeting is the news
            if _DURING_THAT.search(s.text, max(0, m.start() - 30), m.start()):
                continue   # "During that trip we signed an agreement": the trip told before
            if types_here and _BY_MEANS.search(s.text, max(0, m.start() - 12), m.start()):
                continue   # "held a meeting via video conference": how the meeting was held
            if _CONGRATULATED_ON.search(s.text, max(0, m.start() - 160), m.start()):
                continue   # "congratulated him on the successful holding of the Astana Forum": an event only praised
            if (len(matches) > 1 and m is matches[0] and (after := _AFTER_IT.search(s.text, 0, m.start()))
                    and not _WORD.search(s.text, 0, after.start())):
                continue   # "Before the signing ceremony, the delegations held a meeting": the meeting is the news
            if surface[0].isupper() and _WITHIN_BODY.search(s.text, max(0, m.start() - 160), m.start()):
                continue   # "cooperation within the SCO and the Conference on Interaction ...": an organisation
            if event_type in _GATHERINGS_OR_OTHER and "visit" in types_here and _PURPOSE.search(s.text[:m.start()]):
                continue   # "arrived in Astana on Wednesday for the summit": the arrival is the news; the summit is told apart
            if types_here & _GATHERINGS and event_type in _GATHERINGS and (
                    surface[0].isupper() and _OF_THE.search(s.text[:m.start()])
                    or surface[0].islower() and _THE.search(s.text[:m.start()])
                    and not _AHEAD_OF_THE.search(s.text, max(0, m.start() - 30), m.start())):
                # "The sixth summit of the Conference on Interaction ... (CICA) ..., pressing to turn the forum
                # into ...": the body's name and the body again, not events of their own
                continue
            if surface.lower().startswith(("talks", "negotiations")) and _IN_TALKS.search(s.text[:m.start()]):
                continue   # "the company is in talks with two feed mills": negotiating, no one event
            if _PROTOCOL_OF.search(s.text[:m.start()]):
                continue   # "signed the protocol of the 18th meeting": the meeting's document, not a meeting of its own
            if _ANY_OCCASION.search(s.text[:m.start()]):
                continue   # "Every meeting between Iranian and Kazakh officials ends with ...": no one event
            if event_type == "meeting" and surface.lower() in ("meeting", "meet") and not _meeting_noun_ok(s.text, m):
                continue
            if _BODYS_SESSION.match(surface) and not _OPENS_SENTENCE.match(s.text[:m.start()]):
                continue   # "co-chaired the commission's 17th session": the meeting told before, unless the sentence opens with it
            if surface.lower() == "met" and _CONDITION_MET.search(s.text, max(0, m.start() - 10), m.start()):
                continue   # "Neither condition is met today": satisfied, no meeting
            if surface[0].isupper() and (_POST_AT_BODY.search(s.text, max(0, m.start() - 80), m.start())
                                         or _THINK_TANK_BEFORE.search(s.text, max(0, m.start() - 30), m.start())):
                continue   # "X is a non-resident fellow at the Eurasia Policy Forum": an institution's name
            if event_type == "meeting" and surface.lower() == "met" and any(
                    o.lastgroup == "summit" and 0 <= m.start() - o.end() <= 1 for o in matches):
                continue   # "The SCO Council of Heads of State met in Dushanbe": the summit met
            met_at = _MET_AT_EVENT.match(s.text, m.end()) if surface.lower() == "met" else None
            if met_at and not (met_at["sidelines"] and _any_of_type(rows, met_at["event"].lower())):
                # "leaders met at the first China-Central Asia summit": the summit is the event (but "met on
                # the sidelines of the summit" told before is a meeting of its own)
                continue
            if _SIGNING_TO_COME_AT.search(s.text, max(0, m.start() - 80), m.start()):
                continue   # "expected to be signed during the visit of the president later this year": when, no event yet
            if event_type == "visit" and _TRAVELLERS_BEFORE.search(s.text[max(0, m.start() - 80):m.start()]):
                continue   # "40,000 tourists visited Iran": travel statistics, not a visit of officials
            if surface.lower().endswith("mission") and _SOURCE_BEFORE.search(s.text, max(0, m.start() - 40), m.start()):
                continue   # "according to the Kazakh trade mission": the office that told it
            event_date = _date_near(s, m.start())
            same_day = _SAME_DAY.search(s.text) if event_date is None else None
            if same_day and same_day["story"]:
                event_date = doc.published
            elif same_day:
                event_date = next((r["event_date"] for r in reversed(rows) if r["event_date"]), None)
            elif event_date is None and (shift := _DAY_APART.match(s.text, 0, m.start())):
                # "A day earlier, the minister was received by ...", "The next day": a day from the event told before
                told = next((r["event_date"] for r in reversed(rows) if r["event_date"]), None)
                event_date = told and told + dt.timedelta(days=-1 if shift["back"] or shift["back2"] else 1)
            if (event_date is None and event_type in _GATHERINGS_OR_OTHER
                    and _INVITED_TO.search(s.text, max(0, m.start() - 160), m.start())):
                continue   # "invited Iranian business circles to take part in the Astana International Forum": not yet held
            location = _location(s, m)
            told = next((r for r in reversed(rows) if r["event_date"]), None) if event_date is None else None
            if told and _BARE_SIDELINES.match(s.text, m.end()):
                # "A separate meeting ... was held on the sidelines": at the event told before, on its day
                event_date, location = told["event_date"], location or told["location"]
            if (event_date is None and location is None or types_here) and _NEXT_BEFORE.search(s.text[:m.start()]):
                # "no date has been set for the next meeting": no event yet ("spoke by phone on Monday and agreed
                # to hold the next meeting of the commission": the call's day is not the meeting's)
                continue
            if _DESCRIBES_IT.search(s.text[:m.start()]) and _any_of_type(rows, event_type):
                continue   # "It was the first face-to-face meeting between the two presidents since ...": the one told before
            distinct = _ANOTHER_OCCASION.search(s.text[:m.start()]) is not None
            same = None if distinct else _same_event(rows, event_type, location, event_date)
            if distinct and (location or event_date) and _NUMBERED.search(s.text[:m.start()]) and _OPENS_SENTENCE.match(s.text[:m.start()]):
                # "officials said on the sidelines of a joint commission meeting ... The 17th session of the
                # commission was held in Tehran on June 16": the setting's own report, not another session
                same = next((r for r in reversed(rows) if r["event_id"] in settings and r["event_type"] == event_type
                             and r["event_date"] is None), None)
            # (a summary line, "Kazakh and Iranian Foreign Ministers hold telephone conversation", is the
            # event the first full telling reports, whoever that names)
            if same is not None and (not _someone_new(s, same, doc, location) or (
                    _summary_line(same) and not types_here and not _SIDELINES_OF.search(s.text[:m.start()]))):
                if same["event_id"] in settings and _OPENS_SENTENCE.match(s.text[:m.start()]) and (
                        location or _own_date(s, m)):
                    # "X met Y on the sidelines of the SCO summit. The summit opened in Astana on Wednesday ...":
                    # the summit's own report is the later sentence
                    settings.discard(same["event_id"])
                    same.update({**base_row(doc, s, same["rule"]), "event_date": event_date or same["event_date"],
                                 "location": location or same["location"],
                                 "countries": sorted({c.code for c in s.countries}) or same["countries"]})
                elif (same["event_date"] is None or event_date is not None) and _retells(s.text[:m.start()], same):
                    # told first in a summary line (a standfirst, a subheading): the full telling is the report
                    same.update({**base_row(doc, s, same["rule"]), "event_date": event_date,
                                 "location": same["location"] or location,
                                 "countries": sorted({c.code for c in s.countries}) or same["countries"]})
                    told_again.add(event_type)
                elif (not types_here and _DEFINITE.search(s.text[:m.start()]) and _OPENS_SENTENCE.match(s.text[:m.start()])
                      and _TOOK_PLACE_AFTER.match(s.text, m.end())):
                    # "X received a delegation ... The meeting took place in Aktau on April 16.": when and where
                    same["event_date"] = same["event_date"] or event_date
                    same["location"] = same["location"] or location
                elif (same["event_date"] is None and event_date is not None and event_type != "visit"
                      and _THE_ONE_TOLD.search(s.text, 0, m.start()) and _own_date(s, m)):
                    # "Ahead of this month's business forum, ... The forum will take place in Almaty on 22
                    # April", "X held talks with Y ... The ministers met on Monday": told first without its
                    # day, which a later telling gives (not a visit's: its later legs are other days); that
                    # telling is the report
                    same.update({**base_row(doc, s, same["rule"]), "event_date": event_date,
                                 "location": same["location"] or location})
                continue   # the same event told again
            if (same is None and not distinct and not types_here and location and event_date
                    and _DEFINITE.search(s.text[:m.start()]) and _OPENS_SENTENCE.match(s.text[:m.start()])
                    and _TOOK_PLACE_AFTER.match(s.text, m.end())
                    and (hinted := next((r for r in reversed(rows) if r["event_type"] == event_type), None))
                    and hinted["location"] is None):
                # "experts told a round table in the capital ... The round table was held at the institute in
                # Astana on Tuesday": where and when the first telling only hinted at (its day was the
                # dateline's); this telling is the report
                hinted.update({**base_row(doc, s, hinted["rule"]), "event_date": event_date, "location": location})
                continue
            if (not distinct and (_DEFINITE.search(s.text[:m.start()]) or _ATTENDED_THE.match(surface)) and _any_of_type(rows, event_type)
                    and not _own_date(s, m)):
                continue   # "the meeting", "this visit": refers back (a later trigger may still be new)
            types_here.add(event_type)
            event_id = f"{doc.doc_id}-{len(rows) + 1}"
            if _SIDELINES_OF.search(s.text[:m.start()]):
                if types_here - {event_type}:
                    # "X met Y on Wednesday on the sidelines of the sixth CICA summit in Astana": the meeting is
                    # the news; the summit is only where it took place (its own report, if any, comes apart)
                    continue
                settings.add(event_id)
            rows.append({**base_row(doc, s, f"events.{event_type}"), "event_id": event_id,
                         "event_type": event_type,
                         "event_date": event_date, "location": location,
                         "countries": sorted({c.code for c in s.countries}) or None})
    if doc.published is not None and sum(1 for s in doc.sentences if _LIVE_ENTRY.match(s.text)) >= _LIVE_ENTRIES:
        # a live blog ("09:15 — The prime minister has landed ..."): what it tells without a day
        # happened on the day it was published (not what is to come or was long ago)
        for r in rows:
            if r["event_date"] is None and not _NOT_TODAY.search(r["evidence"]):
                r["event_date"] = doc.published
    return rows


_LIVE_ENTRIES = 3
_LIVE_ENTRY = re.compile(r"\s*(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[—–-]|\|)\s")
_NOT_TODAY = re.compile(r"\b(?:will|would|could|shall|next|upcoming|planned|expected|due|last|previous|ago|earlier\s+this|"
                        r"(?:19|20)\d\d|(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December))\b")


_INVITED_TO = re.compile(r"\binvit(?:ed|es|ing)\s+[^.;]{0,80}?\bto\s+(?:(?:take\s+part|participate)\s+in\s+|attend\s+)?"
                         r"(?:the|a|an|this|next)\s+(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# "The ministers met on Monday", "the Iran-Kazakhstan business forum will take place": a definite telling
_THE_ONE_TOLD = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_TOOK_PLACE_AFTER = re.compile(r"\s+(?:took\s+place|was\s+held|were\s+held)\b", re.IGNORECASE)
_BY_MEANS = re.compile(r"\b(?:via|by|through|over)\s+(?:a\s+)?$", re.IGNORECASE)
_CONGRATULATED_ON = re.compile(r"\bcongratulat\w*\s+[^.;]{0,60}?\bon\s+(?:the\s+)?(?:[\w'’-]+['’]s?\s+)?(?:successful\s+)?"
                               r"(?:holding|organi[sz]ation|hosting|conduct)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,6}$",
                               re.IGNORECASE)     # ("on the UAE's hosting of a major international water conference")
# "who attended the ceremony": the ceremony told before
_ATTENDED_THE = re.compile(r"(?:attended|held|hosted)\s+the\b", re.IGNORECASE)
_DURING_THAT = re.compile(r"\b(?:during|after|since|on|from|at)\s+that\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_CALENDAR_ENTRY = re.compile(rf"^\W*[^.;:]{{1,60}}?\s[—–]\s*(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+)?{MONTH_RX}[^.;]{{0,12}}\.?\s*$")
_WITHIN_BODY = re.compile(r"\b(?:within|in\s+the\s+framework\s+of|members?\s+of|membership\s+(?:of|in))\s+the\s+"
                          r"(?:[A-Z][\w-]*\s+|of\s+|for\s+|and\s+|\([A-Z]+\)\s+){0,10}?(?:and\s+the\s+)?$")
# "the Astana Policy Forum", "the Valdai Discussion Club": a think tank's name
_THINK_TANK_BEFORE = re.compile(r"\b(?-i:Policy|Research|Expert|Analytical|Discussion)\s+$")
_CONDITION_MET = re.compile(r"\b(?:is|are|be|been|being)\s+$", re.IGNORECASE)
_POST_AT_BODY = re.compile(r"\b(?:fellow|researcher|director|analyst|expert|founder|editor|member)\s+(?:at|of|with)\s+the\s+"
                           r"(?:[A-Z][\w-]*\s+){1,4}$")
_SIGNING_TO_COME_AT = re.compile(r"\b(?:to|will|would|could|may|should)\s+be\s+(?:signed|inked|concluded)\s+(?:during|at|on\s+the\s+sidelines\s+of)"
                                 r"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)     # ("during the Turkmen leader's forthcoming visit")
# "arrived ... for the summit", "to attend the forum": what a visit was for
_PURPOSE = re.compile(r"\b(for|to\s+attend|to\s+take\s+part\s+in|to\s+participate\s+in)\s+(the|a|an)\s+([\w-]+\s+){0,3}$",
                      re.IGNORECASE)
# "met ... on the sidelines of the 15th Economic Cooperation Organization (ECO) summit"
_SIDELINES_OF = re.compile(r"\bon\s+(?:the\s+)?(sidelines|margins?)\s+of\s+(the\s+)?([\w'’()-]+\s+){0,8}$", re.IGNORECASE)
# "held on the sidelines, at which ...": of the event told before, which goes unnamed
_BARE_SIDELINES = re.compile(r"[^.;]{0,80}?\bon\s+the\s+(?:sidelines|margins?)\b(?!\s+of\b)", re.IGNORECASE)
_GATHERINGS = frozenset({"summit", "conference", "forum"})
_GATHERINGS_OR_OTHER = _GATHERINGS | {"other"}      # gatherings, and exhibitions, fairs, ceremonies
_VISIT_OR_MEETING = frozenset({"visit", "meeting"})
_BODYS_MEETING = re.compile(r"\b(?:meeting|session|sitting|commission|committee|council)\b", re.IGNORECASE)
_OF_THE = re.compile(r"\bof\s+the\s+$")
_TOLD_TO_COME = re.compile(r"[^.;]{0,80}?,\s+(?:which|that)\s+(?:opens|will\s+open|will\s+be\s+held|is\s+to\s+be\s+held|takes\s+place|"
                           r"will\s+take\s+place|is\s+scheduled)\b", re.IGNORECASE)
_AHEAD_OF_THE = re.compile(r"\b(?:ahead\s+of|before|on\s+the\s+eve\s+of|after)\s+the\s+$", re.IGNORECASE)     # another gathering
_THE = re.compile(r"\bthe\s+$")
# ("signed a Plan of Consultations between the foreign ministries for 2019-2021": a document too)
_PROTOCOL_OF = re.compile(r"\b(protocol|plan)\s+of\s+((the|its|their)\s+)?([\w'’-]+\s+){0,3}$", re.IGNORECASE)
_OPENING = re.compile(_OPENINGS, re.IGNORECASE)     # (the trigger's own pattern: is this trigger an opening?)
_PERMANENT = re.compile(r"\bpermanent\s+$", re.IGNORECASE)
_IN_TALKS = re.compile(r"\b(is|are|was|were|been|be|remains?|remained)\s+(still\s+|already\s+|now\s+|also\s+)?in\s+$"
                       # "blame the slow pace of talks with Turkmenistan": negotiating as it goes on
                       r"|\b(pace|progress)\s+(of|in)\s+(the\s+)?$|\b(ongoing|stalled|protracted|long-running)\s+$", re.IGNORECASE)
# "every meeting", "each visit": any occasion, not one
_ANY_OCCASION = re.compile(r"\b(every|each|any)\s+$", re.IGNORECASE)
_MET_AT_EVENT = re.compile(r"\s+(at|(?P<sidelines>on\s+the\s+sidelines\s+of))\s+(the|a|an)\s+([\w'’-]+\s+){0,5}"
                           r"(?P<event>summit|forum|conference)\b",
                           re.IGNORECASE)
_BODYS_SESSION = re.compile(r"(commission|committee|council)['’]s\b", re.IGNORECASE)
_OPENS_SENTENCE = re.compile(r"^\s*(?:(?-i:[A-Z][A-Z .,-]+)\s[–—-]\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)   # (after a dateline "ASTANA –")
_NEXT_BEFORE = re.compile(r"\b(next|upcoming|future|previous|prior)\s+([\w-]+\s+){0,2}$", re.IGNORECASE)


_WHO_MEETS = re.compile(r"\b(?:commission|committee|council|working\s+group|ministers|leaders|presidents|chiefs|heads|sides|"
                        r"delegations|counterparts)\b[^.;]{0,40}$", re.IGNORECASE)


def _meeting_noun_ok(text: str, m: re.Match) -> bool:
    """'meeting' as a noun: 'a meeting', 'the meeting', 'meeting with'; 'meet' needs a person after it."""
    before = text[:m.start()]
    after = text[m.end():m.end() + 20]
    if m.group(0).lower() == "meet":
        # (or a body or officials meeting in a place: "the commission is due to meet in Tehran in September")
        return bool(re.match(r"\s+(with\s+)?([A-Z]|his|her|their|the\s+[A-Z]|the\s+(president|prime|foreign|minister))", after)
                    or re.match(r"\s+(again\s+)?in\s+[A-Z]", after) and _WHO_MEETS.search(before, max(0, m.start() - 80)))
    return bool(_DEFINITE.search(before) or _INDEFINITE_LEAD.search(before)
                or re.match(r"\s+(with|of|between|in|on)\b", after)
                or re.match(r"\s+(his|her|their)\s+[\w-]+\s+(counterpart|[A-Z])", after + text[m.end() + 20:m.end() + 60])
                or re.search(r"\b(official|bilateral|trilateral|joint|first|second|third|regular|extended|"
                             r"expanded|separate|annual)\s+$", before, re.IGNORECASE))


def _summary_line(earlier: dict) -> bool:
    """The earlier event was told only in a line with no closing full stop: a headline, a subheading."""
    return earlier["evidence"].rstrip()[-1:] not in ".!?\"”"


def _retells(before: str, earlier: dict) -> bool:
    """The event told again in full, after a summary line that named it; not "the meeting ..." or
    "after the talks ...", which only refer back to it."""
    return _summary_line(earlier) and not _DEFINITE.search(before) and not _AFTER_IT.search(before)


def _own_date(s: SentenceView, m: re.Match) -> bool:
    """A date stated with the trigger: "the forum on Tuesday", "Tuesday's meeting"; unlike
    "Today's agreements ...," he told the forum", which refers back to a forum told before."""
    return any(d.date is not None and (0 <= d.start - m.end() <= 60 or 0 <= m.start() - d.end <= 12) for d in s.dates)


def _date_near(s: SentenceView, at: int):
    # (but "from April 27 to 30": the days the event ran, dated by its first)
    resolved = [d for d in s.dates if d.date is not None and (
        d.last_day is not None or not _BOUND_BEFORE.search(s.text[max(0, d.start - 10):d.start]))]
    if not resolved:
        return None
    # "SAMARKAND, 23 August 2023 (UzA) – ... was held on Tuesday": the dateline dates the report;
    # another date in the sentence dates the event
    told = [d for d in resolved if not in_dateline(s.text, d)] or resolved
    d = min(told, key=lambda d: abs(d.start - at))
    if d.kind == "weekday" and d.surface[:1].isupper() and d.date < s.published and _ahead(s.text, d.start, at):
        # "the summit that opens in Astana on Thursday", published on a Wednesday: the coming Thursday
        return d.date + dt.timedelta(days=7)
    return d.date


def _ahead(text: str, at: int, trigger_at: int) -> bool:
    """The clause around a weekday at `at` tells of what is to come ("will meet", "is due to open",
    "opens"; "On Thursday, X is due to speak at the forum", the cue before the event's word)."""
    before = text[max(0, at - 80):at]
    future = last_match(_FUTURE, before)
    if future is not None and not _PAST_OR_BREAK.search(before, future[1]):
        return True
    after = text[at:trigger_at]
    future = _FUTURE.search(after)
    return future is not None and not _PAST_OR_BREAK.search(after, 0, future.start())


_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due|scheduled|set|slated|expected)\s+to|(?:is|are)\s+to|"
                     r"opens|starts|begins|kicks\s+off|takes\s+place)\b")
_PAST_OR_BREAK = re.compile(r"[.;]|\b(?:said|says|was|were|had|has|have)\b")



# A place name the city list does not know, after the trigger: "held talks in Khujand", "met in
# Cholpon-Ata on Tuesday", "met Minister X in Putrajaya", "talks in Phnom Penh". Up to three
# capitalised words (hyphens and apostrophes allowed) that are no country, month or weekday,
# and not the start of a longer name ("in Ak Orda Palace"); checked in _location.
_CITY_NAME = (r"(?P<city>(?P<prefix>(Port|Saint|St\.|San|Santa|New|Nizhny|Novi|Sharm\s+El)\s+)?"
              r"[A-Z][^\W\d_A-Z]+(?:['’-][A-Za-z][^\W\d_A-Z]+)*(?:\s+[A-Z][^\W\d_A-Z]+){0,3})(?=\s+[a-z]|[,.;]|\s*$)")
_UNKNOWN_CITY = re.compile(r"[^.;]{0,90}?\b(in|at)\s+(?:the\s+(?:(?:[A-Z][\w-]+|(?:north|south|east|west)(?:ern)?|central|border|coastal)\s+){0,2}"
                           r"(?:city|town|port|capital|station|village)\s+(?:city\s+)?of\s+)?" + _CITY_NAME)     # "at the Iranian border station of Inche-Burun"
_VISITED_CITY = re.compile(r"\s+" + _CITY_NAME)          # "visited Port Sudan"
_NOT_CITY = frozenset("""
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Parliament Congress Government Moscow's
President Minister Prime Deputy Foreign Ministry Palace House Hall Centre Center Hotel Office Council Commission
Forum Summit Session Meeting Conference Embassy Consulate State National International Joint Business Trade
The This That Central Asia Europe Africa America Caucasus Gulf Middle East Eurasia Caspian
""".split())


# "met in Hairatan", "visit to Colombo", "held in Mexico City": a place named right after the trigger
_PLACE_RIGHT_AFTER = re.compile(r"\s+(in|at|to)\s+" + _CITY_NAME)
_CITY_STATES = frozenset({"Djibouti", "Kuwait", "Singapore", "Luxembourg", "Monaco", "Panama", "Guatemala", "San Marino"})
_ARRIVED_IN = re.compile(r"\b(arrived|arrives|arriving|held|met|meet|meeting|talks|visit|visited|visiting)\s+(in|at)\s+$",
                         re.IGNORECASE)


_DEMONYM_CAPITAL = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:(?:in|at|to)\s+)?the\s+([A-Z][\w-]+)\s+capital\b(?!['’])")
_HOSTED_AFTER = re.compile(r"\s+(?:also\s+|on\s+\w+day\s+)?(?:hosted|hosts)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,8}$")


def _location(s: SentenceView, trigger: re.Match) -> str | None:
    """The place right after the trigger ("met in Hairatan", "visit to Colombo"); else the first
    city named after in/at/to ("in Tehran", "in the capital city of Nur-Sultan", "visited Baku");
    else a capitalised name after the trigger ("talks in Khujand")."""
    capital = _DEMONYM_CAPITAL.match(s.text, trigger.end())
    if capital:             # "was held in the Tajik capital": its capital city
        country = next((p for p in s.countries if p.start == capital.start(1)), None)
        city = places.capital_of(country.code) if country is not None else None
        if city:
            return city
    for c in s.cities:      # "Kazan hosted the 5th Interregional Forum", "Dushanbe also hosted the exhibition"
        if c.end <= trigger.start() and _HOSTED_AFTER.match(s.text, c.end, trigger.start()):
            return c.surface
    right_after = _PLACE_RIGHT_AFTER.match(s.text, trigger.end())
    if right_after and _NOT_CITY.isdisjoint(right_after.group("city").split()) and (
            right_after.group(1).lower() != "to" or trigger.lastgroup == "visit"):
        city = right_after.group("city")
        at = right_after.start("city")
        country = next((p for p in s.places if p.start == at), None)
        if country is None or country.kind in ("capital", "city") or country.surface in _CITY_STATES or (
                city.endswith(" City") and country.end < right_after.end("city")):
            return city
    # (not a town told as the place of what was discussed: "at which the parties discussed the launch
    # of a distribution center in the Iranian port of Bandar Abbas")
    told_in = [c for c in s.cities if _LOCATION_PREP.search(s.text[max(0, c.start - 50):c.start])
               and not (c.start > trigger.end() and _TOPIC_BEFORE_PLACE.search(s.text, trigger.end(), c.start))]
    if told_in:
        # "Iran's trade attaché in Almaty said at a meeting with exporters in Sari on Saturday": the town
        # told after the trigger, even one the list does not know (but not "at Qasr Al Watan", a venue)
        after = [c for c in told_in if c.start >= trigger.end()]
        unknown = _unknown_city(s, trigger)
        if (unknown and unknown.re is _UNKNOWN_CITY and unknown.group(1) == "in"
                and not _REGION_AFTER.match(s.text, unknown.end("city"))      # ("in Chui region")
                and (not after or unknown.start("city") < after[0].start)):
            return unknown.group("city")
        return (after or told_in)[0].surface
    for p in s.places:     # "arrived in Djibouti": a country whose capital bears its name
        if p.surface in _CITY_STATES and _ARRIVED_IN.search(s.text[max(0, p.start - 30):p.start]):
            return p.surface
    m = _unknown_city(s, trigger)
    if m:
        return m.group("city")
    # "held talks in the Kremlin", "received ... at the Akorda": the seat's capital
    return places.seat_capital(s.text)


_TOPIC_BEFORE_PLACE = re.compile(r"\b(?:discuss(?:ed|ing)?|launch(?:ing)?|construction|building|opening|establish(?:ing|ment)?|"
                                r"creation|creating)\s+(?:of\s+)?(?:a|an|the)\b")
_REGION_AFTER = re.compile(r"\s+(?:region|province|oblast|district|county)\b", re.IGNORECASE)


def _unknown_city(s: SentenceView, trigger: re.Match) -> re.Match | None:
    """A capitalised place name after the trigger that the city list does not know ("talks in Khujand")."""
    m = _UNKNOWN_CITY.match(s.text, trigger.end())
    if m is None and trigger.group(0).lower().endswith(" in"):      # "arrived in Cape Town on 2 December"
        m = _VISITED_CITY.match(s.text, trigger.end())
    elif m is None and trigger.group(0).lower() in ("visited", "visiting", "visit", "visits"):
        m = _VISITED_CITY.match(s.text, trigger.end())
        if m is not None and not m.group("prefix"):
            m = None        # "visited Putin": only a town-like name ("Port Sudan") without in/at
    if m and _NOT_CITY.isdisjoint(m.group("city").split()):
        at = m.start("city")
        # "Port Sudan" names a town though "Sudan" is a country
        if m.group("prefix") or not any(p.start <= at < p.end for p in s.places) or (
                m.group("city").endswith(" City") and not any(p.start <= at and m.end("city") <= p.end for p in s.places)):
            return m       # (a country's name then "City": "Mexico City", "Kuwait City")
    return None


# "was received by the Kazakh president", "met the Prime Minister": a head of state or government in the talks
_HEAD_TITLE = re.compile(r"\b(?:received\s+by|met(?:\s+with)?|talks\s+with|hosted\s+by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"     # ("by Iran's First Vice President")
                         r"(?:president|prime\s+minister|premier|king|emir|sultan|supreme\s+leader|chancellor)\b", re.IGNORECASE)


def _someone_new(s: SentenceView, earlier: dict, doc: DocContext, location: str | None) -> bool:
    """The sentence names an official the earlier event's sentence does not: "X held talks with Y.
    Later, X was received by President Z" is another meeting. Not so when the earlier sentence named
    no one and both name the same place: "met his counterpart in Tehran" told again as "met his
    counterpart Y in Tehran" only adds the name."""
    if not any(m.name.split()[-1] not in earlier["evidence"] for m in people.find_people(s)):
        # "Later on Wednesday, the minister was received by the Kazakh president": a head named by title
        lower = earlier["evidence"].lower()
        return any(t.group().split()[-1].lower() not in lower for t in _HEAD_TITLE.finditer(s.text))
    if location and location == earlier["location"]:
        earlier_view = next((v for v in doc.sentences if v.sentence.start == earlier["evidence_start"]), None)
        return earlier_view is not None and bool(people.find_people(earlier_view))
    return True


def _any_of_type(rows: list[dict], event_type: str) -> bool:
    return any(r["event_type"] == event_type for r in rows)


def _same_event(rows: list[dict], event_type: str, location, event_date) -> dict | None:
    """An earlier event this mention can be: same type, and no conflicting place or date."""
    for r in rows:
        if r["event_type"] != event_type:
            continue
        if location and r["location"] and location != r["location"]:
            continue
        if event_date and r["event_date"] and event_date != r["event_date"]:
            continue
        return r
    return None
