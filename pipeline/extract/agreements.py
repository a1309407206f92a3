"""Agreements: memoranda, agreements, deals, contracts, protocols, roadmaps, documents.

A sentence reports an agreement when it names one and says where it stands: signed
(signed, inked, concluded, reached), planned (expected or scheduled to be signed) or
proposed (called for, offered, under discussion). A later "the memorandum ..." that
only describes an agreement already reported is the same agreement, not a new row."""
from __future__ import annotations

import re

from pipeline.amounts import resolve_currency
from pipeline.dates import MONTH_RX
from pipeline.extract.context import (THE_BEFORE, THE_BLOC, DocContext, SentenceView, base_row, in_dateline,
                                      is_question)
from pipeline.numbers import parse_number

_TYPES = [  # (pattern, agreement_type); the first match in a sentence names the type
    (r"memorand(?:um|a|ums)\s+of\s+understanding|mous?\b|memorand(?:um|a|ums)(?:\s+of\s+(?:cooperation|intent))?",
     "memorandum of understanding"),
    (r"road\s?maps?", "roadmap"),
    (r"protocols?", "protocol"),
    (r"contracts?", "contract"),
    (r"treat(?:y|ies)", "treaty"),
    (r"conventions?(?!\s+(?:centre|center|hall|palace|complex))", "convention"),
    (r"mutual\s+recognition\s+arrangements?", "arrangement"),   # not a "gas swap arrangement"
    (r"accords?", "accord"),
    (r"(?:joint\s+)?declarations?", "declaration"),
    (r"joint\s+statements?", "joint statement"),
    (r"(?:joint\s+)?communiqu[eé](?!s)", "communique"),     # (not "more slowly than its communiqués suggest")
    (r"action\s+plans?", "action plan"),
    (r"letters?\s+of\s+intent", "letter of intent"),
    # "a plan of consultations between the foreign ministries", "an executive programme for 2024-2026"
    (r"plans?\s+of\s+(?:action|consultations)|(?:cooperation|consultation)\s+plans?", "plan"),
    (r"executive\s+program(?:me)?s?|cooperation\s+program(?:me)?s?|program(?:me)?s?(?=\s+(?:of|on)\s+(?:[\w-]+\s+){0,2}cooperation\b"
     r"|\s+for\s+(?:19|20)\d\d)", "programme"),
    (r"agreements?", "agreement"),
    (r"deals?", "deal"),
    (r"(?:cooperation\s+)?documents?", "document"),
    (r"(?:legal\s+)?instruments?", "instrument"),
]
_NOUN = re.compile(r"\b(?P<noun>" + "|".join(p for p, _ in _TYPES) + r")\b", re.IGNORECASE)
# the words an agreement noun can start with: a sentence with none of them is not searched
_NOUN_WORDS = frozenset("""
memorandum memoranda memorandums mou mous road roadmap roadmaps protocol protocols contract contracts treaty treaties
accord accords joint declaration declarations action agreement instrument instruments agreements deal deals cooperation document documents letter letters
convention conventions mutual plan plans program programs programme programmes executive consultation
communique communiques communiqué communiqués
""".split())
_TYPE_OF = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), t) for p, t in _TYPES]

_PLANNED = re.compile(
    r"\b(expected|expect|expects|hope|hopes|hoped|hoping|scheduled|set|due|slated|planned|planning|plan|plans|going|prepared|poised|"
    r"intend|intends|intended)\s+to\s+"
    r"(be\s+)?(sign|signed|ink|inked|conclude|concluded|result\s+in\s+the\s+(signing|conclusion))"
    r"|\b(expected|scheduled|set|due|slated)\s+to\s+(be\s+)?finali[sz]ed?\b"      # (not "hopes to finalise" a draft)
    r"|\bwill\s+(be\s+)?(sign|signed|ink|inked|conclude|concluded)\b|\bwould\s+(be\s+)?(sign|signed|conclude|concluded)\b"
    r"|\bwould\s+result\s+in\s+the\s+(signing|conclusion)\b|\bare\s+to\s+(be\s+)?sign|\bis\s+to\s+(be\s+)?sign"
    r"|\b(could|may|might|should|can)\s+be\s+(signed|concluded|inked)\b"
    r"|\bto\s+be\s+signed\b|\bupcoming\s+signing\b|\b(ready|prepared?|preparing)\s+for\s+signing\b|"
    r"\bfor\s+signing\s+(during|at)\b|\bfinali[sz]ing\b|\bagreed\s+to\s+(sign|conclude)\b"
    # a government approving a text ahead of its signing: "has approved a draft agreement with Iran",
    # "approved the text of a memorandum ... and authorised the minister to sign it"
    r"|\bapprov(?:ed|es|ing)\s+(?:the\s+|a\s+)?(?:draft|text\s+of)\b(?!\s+(?:law|bill|decree|resolution))|\bauthori[sz](?:ed|es|ing)\s+(?:[\w-]+\s+){1,8}?to\s+sign\b",
    re.IGNORECASE)
# "was discussed, but nothing has been signed yet", "has not yet been signed", "no document has been signed",
# "no agreement has been reached yet"
_NOT_YET_SIGNED = re.compile(r"\b(?:nothing|not|never|no\s+(?:[\w-]+\s+){0,3}?(?:has|have|had|was|were))\s+(?:(?:has|have|had|was|were|is|are)\s+)?(?:yet\s+)?(?:been\s+)?"
                             r"(?:signed|inked|concluded|reached)\b|\byet\s+to\s+be\s+(?:signed|inked|concluded)\b", re.IGNORECASE)
# ("is under discussion and could be concluded before the end of the year": discussed, not yet planned)
_STILL_DISCUSSED = re.compile(r"\bstill\s+(?:under\s+(?:discussion|negotiation)|being\s+(?:discussed|negotiated))\b"
                              r"|\b(?:is|are|remains?)\s+under\s+(?:discussion|negotiation)\b", re.IGNORECASE)
_PROPOSED = re.compile(
    r"\b(propos(e|ed|es|ing|al)|called\s+for|calls\s+for|call\s+for|calling\s+for|offer(ed|s)?|suggest(ed|s)?|"
    r"under\s+discussion|discuss(ed|ing)?|negotiat(e|ed|ing|ions?)|drafts?|drafting|draw\s+up|drawing\s+up|"
    r"need\s+to\s+sign|ready\s+to\s+(?:sign|conclude)|consider(ing|ed)?|working\s+on|work\s+on|work(ing)?\s+out|talks\s+on|could\s+sign|may\s+sign|might\s+sign|"
    r"urged|would\s+like\s+to\s+sign|wants?\s+to\s+sign|wanted\s+to\s+sign|prepare|preparing|explore|exploring|initiat(ed|ive)|finali[sz]e|"
    r"(press|presses|pressed|push|pushes|pushed)\s+for)\b",
    re.IGNORECASE)
_SIGNED = re.compile(
    r"\b(signed|inked|concluded|reached|sealed|struck|clinched|(?<!to\sbe\s)finali[sz]ed|ratified|signing\s+ceremony|"
    r"have\s+signed|had\s+signed|existing|previously|achievements?|implement(ed|ing|ation)|in\s+force|"
    r"entered\s+into\s+force|agreed\s+on|agreed\s+upon|exchanged|adopted|put\s+their\s+(?:names|signatures)\s+to|"
    r"(witnessed|watched|attended|oversaw|marked|followed|welcomed)\s+(by\s+)?the\s+(signing|exchange)|"
    # "..., with the two sides signing 11 cooperation documents"
    r"(sides|parties|countries|ministers|leaders|presidents|delegations)\s+signing|"
    # "the two leaders watched their ministers sign 11 agreements"
    r"(watched|witnessed|saw)\s+(\w+\s+){1,3}sign|"
    # "... ended on Friday with the signing", "The session ended in Tehran on October 11, 2016 with the signing of nine documents"
    r"(ended|concluded|closed|culminated|wrapped\s+up)\s+([^.;]{0,50}?\s)?with\s+the\s+signing|"
    # "The visit produced a package of 28 agreements", "the session yielded 9 cooperation documents"
    r"(produced|yielded)\s+(a\s+(package|set|total)\s+of\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|a|an)(?=\s+(?:(?!(?:the|under|of|in|with|for|on)\s)[\w-]+\s+){0,4}?(?:agreements?|documents?|memorand\w+|contracts?|deals?|protocols?|mous?)\b))\b",
    re.IGNORECASE)
_SIGNING_ACT = re.compile(r"\b(sign|signs|signed|signing|ink|inked|conclude|concluded|conclusion|reached|sealed|"
                          r"struck|clinched|finali[sz]ed|ratified)\b", re.IGNORECASE)
# "the memorandum envisages ...", "this agreement": a mention of an agreement already told.
# ("announced that an agreement ...": "that" before "a/an" is a conjunction)
_DEFINITE = re.compile(r"\b(the|this|that|these|those|said|such)\s+((?!an?\s)\w+\s+){0,2}$", re.IGNORECASE)
# "in agreement with", "by agreement": consensus, not a document.
_NOT_A_DOCUMENT = re.compile(r"\b(in|by|reached\s+an?)\s+agreement\s+(with|that|on\s+the\s+need)\b"
                             r"|\b(if|unless|until)\s+(no|a|an|the)\s+(deal|agreement)\b"       # "if no deal is reached"
                             r"|\b(visa|travel|identity|shipping|customs|tender|bidding)\s+documents?\b"
                             # "the implementation of the agreements reached at the highest level": understandings
                             r"|\bagreements\s+reached\s+(at|during|by|between|in\s+the\s+course)\b"
                             r"|\bof\s+(the\s+)?(earlier|previous|prior|past)\s+agreements\b",     # "the implementation of earlier agreements"
                             re.IGNORECASE)
_COUNT_BEFORE = re.compile(
    r"(?:(?i:around|about|some|nearly|over|more\s+than|up\s+to)\s+)?(?<![\w-])(?P<num>\d[\d,]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozen|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"twenty-\w+|thirty-\w+|forty-\w+|fifty-\w+|a\s+single|an?))"
    r"\s+(?:(?:new|more|other|further|separate|bilateral|trilateral|intergovernmental|interstate|interagency|"
    r"interdepartmental|commercial|cooperation|investment|trade|economic|important|major|key|joint|export|import|"
    r"supply|purchase|sales|framework|partnership|loan|credit|"
    r"[a-z]+(?:al|ary|ic|ive|ous)|[a-z]+-[a-z]+|"
    r"[a-z]+ed|[A-Z][\w-]*|and|,)\s*){0,4}$")


def extract_agreements(doc: DocContext) -> list[dict]:
    rows: list[dict] = []
    listing: dict | None = None     # the row of "the following documents were signed:", while its items follow
    for i, s in enumerate(doc.sentences):
        if listing is not None:
            item = _list_item(s.text)
            if item is not None:
                # "1. Declaration on Allied Relations between ...": one document of the list
                rows.append({**base_row(doc, s, "agreements.list_item"), "agreement_type": _type_of(item),
                             "status": listing["status"], "signed_date": listing["signed_date"],
                             "parties": _parties(doc, s) or listing["parties"], "agreement_count": 1,
                             "value": None, "unit": None})
                listing["items"] = listing.get("items", 0) + 1
                continue
            listing = _end_list(rows, listing)
        if (rows and rows[-1]["evidence_start"] == doc.sentences[i - 1].sentence.start and (more := _FURTHER_N.match(s.text))
                and (status := _status(s.text)) and status != rows[-1]["status"]):
            # "Three agreements had been signed with Iran. A further two are being negotiated": more of that kind
            told = rows[-1]
            rows.append({**base_row(doc, s, "agreements.further"), "agreement_type": told["agreement_type"],
                         "status": status, "signed_date": None, "parties": told["parties"],
                         "agreement_count": int(parse_number((more["n"] or more["n2"]).lower()) or 1), "value": None, "unit": None})
            continue
        if s.text.isascii() and _NOUN_WORDS.isdisjoint(s.words) or is_question(s.text):
            continue     # (a question reports none: "Were any documents signed?")
        m = _first_agreement_noun(s.text, rows, s.countries)
        if m is None:
            _update_the_one_told(doc, i, rows)
            continue
        status = _status(s.text)
        if status is None:
            continue
        noun = m.group("noun")
        before = s.text[:m.start()]
        if _NO_BEFORE.search(before) or _NOBODY_SIGNS.search(before):
            continue     # "but no agreement on financing was reached": there is none
        count = _count(before, noun)
        if count == 1:      # "signed a memorandum on ... and a contract for ...": two documents
            more = list(_AND_ANOTHER.finditer(s.text, m.end(), _clause_end(s.text, m.end())))
            if more and "and" in more[-1].group().split():      # (", a three-way deal": the same one again)
                # "... and a letter of intent", "... and four memoranda": one more, four more
                count += sum(1 if x["n"].lower() in ("a", "an") else int(parse_number(x["n"]) or 1) for x in more)
        signed_date = _signed_date(s, m.start(), doc.sentences[:i]) if status == "signed" else None
        parties = _parties(doc, s)
        if not s.countries and _DEFINITE.search(before):
            # "the founding documents of the joint venture will be signed by the end of the year": the
            # parties of the one told before, not the article's two countries
            told = _told_before(rows, _type_of(noun))
            parties = told["parties"] if told is not None and told["parties"] else parties
        owner_with = _owner_and_partner(s, m)
        if owner_with:
            parties = owner_with
        named = {c.code for c in s.countries}
        if named and THE_BLOC.search(s.text) and (bloc := doc.last_place(i, "bloc")) and bloc.code not in named:
            # "duties on goods traded between Iran and the bloc": the bloc named before is a party
            parties = sorted(named | {bloc.code})
        value, unit = _worth(s, m.end(), (*(parties or ()), *doc.main_pair))
        rows.append({**base_row(doc, s, "agreements.noun_with_status"), "agreement_type": _type_of(noun),
                     "status": status, "signed_date": signed_date, "parties": parties,
                     "agreement_count": count, "value": value, "unit": unit})
        if s.text.rstrip().endswith(":") and (count != 1 or "following" in s.text):    # a list follows
            listing = {"status": status, "signed_date": signed_date, "parties": parties,
                       "agreement_count": count, "row": rows[-1]}
    if listing is not None:
        _end_list(rows, listing)
    return _dedupe(rows)


# "A further two are being negotiated", "Another three are to be signed", "Two more are under discussion"
_FURTHER_N = re.compile(r"\W*(?:(?:A\s+further|Another)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
                        r"|(?P<n2>Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d{1,2})\s+more)\s+(?:are|were|will|would|could|should|remain|have)\b")
# "but no agreement", "no matter how many memoranda are signed": there is none
_NO_BEFORE = re.compile(r"\bno\s+$|\bno\s+matter\s+how\s+many\s+$", re.IGNORECASE)
# "nobody will sign long-term contracts": a signing that will not happen
_NOBODY_SIGNS = re.compile(r"\b(?:nobody|no\s+one|no\s+company|no\s+bank)\s+(?:will|would|is\s+going\s+to|wants\s+to)\s+sign\b",
                           re.IGNORECASE)
_SIGNED_RIGHT_AFTER = re.compile(r"\s*,?\s*(?:was|had\s+been|has\s+been)?\s*(?:signed|inked)\b", re.IGNORECASE)


def _update_the_one_told(doc: DocContext, i: int, rows: list[dict]) -> None:
    """What a sentence adds to the document told before, when it names it again ("the agreement"):
    its signing day, when that telling had none ("The agreement was signed in St. Petersburg on
    December 25, 2023"), or its plan ("The agreement is expected to be signed ...")."""
    if not rows:
        return      # nothing told before (checked first: most sentences come before any agreement row)
    s = doc.sentences[i]
    m = _NOUN.search(s.text)
    if m is None or not _DEFINITE.search(s.text[:m.start()]):
        return
    told = _told_before(rows, _type_of(m.group("noun")))
    if told is None or told["agreement_count"] != 1:
        return
    status = _status(s.text)
    if status == "signed" and told["status"] == "signed" and _SIGNED_RIGHT_AFTER.match(s.text, m.end()):
        # (not "The framework agreement for the railway was signed ...": a document of its own)
        if told["signed_date"] is None:
            told["signed_date"] = _signed_date(s, m.start(), doc.sentences[:i])
    elif status == "planned" and told["status"] == "proposed" and _IS_AFTER.match(s.text, m.end()):
        # "... to discuss a transport agreement. The agreement is expected to be signed during the
        # visit": what was discussed is planned now
        told["status"] = "planned"


_IS_AFTER = re.compile(r"\s+(?:is|are|will|would|could|should|may)\b")


def _told_before(rows: list[dict], agreement_type: str) -> dict | None:
    """The last agreement row a later "the agreement" / "the documents" can refer to."""
    return next((r for r in reversed(rows) if agreement_type in (r["agreement_type"], "document")), None)


def _end_list(rows: list[dict], listing: dict) -> None:
    """After a list's last item: a lead-in that did not count the items ("the following
    documents were signed:") counts them."""
    if listing.get("items") and listing["agreement_count"] is None:
        listing["row"]["agreement_count"] = listing["items"]


# an item of a list of documents: "iv. Agreement on Cooperation in the field of Tourism;", "1) a memorandum ...;",
# "- Memorandum of Understanding between ...": a document's name opens it
# (in a list of signed documents a programme or plan is one too)
_LIST_ITEM = re.compile(r"\s*(?:[-–•·*]\s*|\(?(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s*)?(?:[A-Z][\w-]*\s+){0,3}?(?P<noun>" + "|".join(p for p, _ in _TYPES)
                        + r"|program(?:me)?s?|plans?|concepts?|strateg(?:y|ies)|(?:agreed\s+)?minutes)\b", re.IGNORECASE)


def _list_item(text: str) -> str | None:
    """The document noun of a list item, or None when the sentence is no item."""
    m = _LIST_ITEM.match(text)
    return m.group("noun") if m and len(text) <= 400 else None


# "... and a contract", ", an action plan": one more document in the same list
_AND_ANOTHER = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<n>an?|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                          r"(?:[\w-]+\s+){0,3}?(?:" + "|".join(p for p, _ in _TYPES) + r")\b",
                          re.IGNORECASE)


_CLAUSE_END = re.compile(r";|,\s*(?:which|while|whereas|but|as)\b")


def _clause_end(text: str, start: int) -> int:
    """Where the clause of a noun at `start` ends: a semicolon, or ", which"/", while" (not a
    list's comma), else the sentence's end."""
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


def _first_agreement_noun(text: str, rows: list[dict], mentions=()) -> re.Match | None:
    """The first agreement noun that is a document and not one already reported ("The memorandum
    envisages ...", "The contract was concluded between ..."); past such a back-reference, the
    next noun of the sentence ("Apart from the border treaty, the sides signed 11 more documents").
    A definite mention "between" parties no agreement told before had (`mentions`: the sentence's
    countries) is a document of its own ("the Senate also ratified the free trade agreement
    between the Eurasian Economic Union ... and Iran")."""
    for m in _NOUN.finditer(text):
        window = text[max(0, m.start() - 20):m.end() + 25]
        if _NOT_A_DOCUMENT.search(window):
            continue
        if rows and not _between_new_parties(text, m, mentions, rows) and _DEFINITE.search(text[:m.start()]) and (
                not _SIGNING_ACT.search(text) or m.group("noun").lower() == "document"     # "The document was signed in Tehran by ..."
                or m.group("noun").lower() == "documents" and THE_BEFORE.search(text, 0, m.start())     # "The documents were signed by ..." (not "the 11 documents")
                or any(r["agreement_type"] == _type_of(m.group("noun")) for r in rows)):
            continue
        return m
    return None


def _between_new_parties(text: str, m: re.Match, mentions, rows: list[dict]) -> bool:
    """The noun, after a signing act ("also ratified the agreement"), is followed by "between ..."
    naming a country no agreement told before had."""
    between = _BETWEEN_AFTER.match(text, m.end())
    if not between or not _SIGNING_ACT.search(text, 0, m.start()):
        return False      # (not "to discuss the operation of the free trade agreement between Iran and the EAEU")
    told = {c for r in rows for c in (r["parties"] or ())}
    return any(c.code not in told for c in mentions if between.end() <= c.end <= between.end() + 100)


_BETWEEN_AFTER = re.compile(r"\s+between\s+(?:the\s+)?[A-Z]")


def _type_of(noun: str) -> str:
    noun = " ".join(noun.split())
    for pattern, t in _TYPE_OF:
        if pattern.match(noun):
            return t
    return noun.lower()


_IN_PROGRESS = re.compile(r"\b(is|are)\s+(still\s+)?being\s+(finali[sz]ed|negotiated|prepared|drafted|discussed|worked\s+out)\b"
                          r"|\bunder\s+negotiation\b", re.IGNORECASE)


# "17 May 2018 – Iran and the EAEU sign an interim agreement": an entry of a timeline, told in the present
_TIMELINE_ENTRY = re.compile(r"^\W*(?:\d{1,2}\s+)?(?:" + MONTH_RX + r")\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\s*[–—:-]\s+")
_SIGN_PRESENT = re.compile(r"\bsigns?\b")


def _status(text: str) -> str | None:
    if _TIMELINE_ENTRY.match(text) and _SIGN_PRESENT.search(text):
        return "signed"
    if _STILL_DISCUSSED.search(text):
        return "proposed"       # "was still under discussion and may be signed during the next visit"
    if _PLANNED.search(text):
        return "planned"
    if _IN_PROGRESS.search(text):
        return "proposed"       # "A free trade agreement, under negotiation since 2006, is being finalised"
    signed = _SIGNED.search(text) and not _NOT_YET_SIGNED.search(text)
    proposed = _PROPOSED.search(text)
    if signed and not (proposed and re.search(r"\b(need|ready|could|may|might|would\s+like)\s+to\s+sign\b", text, re.I)):
        return "signed"
    if proposed:
        return "proposed"
    return None


def _count(before: str, noun: str) -> int | None:
    head = noun.lower().split(" of ")[0]      # "plan of consultations" is one plan
    plural = head.endswith(("s", "memoranda"))
    m = _COUNT_BEFORE.search(before[-80:])
    if m:
        word = " ".join(m.group("num").lower().split())
        if re.fullmatch(r"(19|20)\d\d", word):
            return None if plural else 1        # "the 2023-2025 Action Plan": a year, not a count
        if word in ("a", "an", "a single"):
            return None if plural else 1
        n = parse_number(word)
        if n is not None and n >= 1 and n == int(n) and n < 10000:
            return int(n)
    return None if plural else 1


# "met ... on Tuesday to review the implementation of the cooperation program": an agreement in
# force, not signed on the sentence's date
_IN_FORCE = re.compile(r"\b(existing|implementation\s+of|in\s+force|(?:entered|came|comes|enters)\s+into\s+(?:force|effect)|took\s+effect|takes\s+effect)\b",
                       re.IGNORECASE)
# "..., which should take effect on January 1": when it applies, not when it was signed
_TAKES_EFFECT_ON = re.compile(r"\b(?:take|takes|took|taking)\s+effect\s+(?:on|from|as\s+of)\s+$"
                              r"|\b(?:come|comes|came|enter|enters|entered)\s+into\s+(?:force|effect)\s+(?:on|from|as\s+of)\s+$"
                              r"|\beffective\s+(?:on|from|as\s+of)\s+$", re.IGNORECASE)
_REPORTED_ON = re.compile(r"\b(?:said|says|announced|reported|stated|told\s+(?:reporters|journalists))\s+(?:on\s+)?$"
                          r"|\bsaid\s+in\s+(?:a|its|their)\s+(?:[\w-]+\s+)?(?:statement|release|report)\s+(?:on\s+)?$")   # "said in a statement on Friday"
# "The two ministers signed a cooperation programme ... on the same day": the day told before
_SIGNED_IN_A_MONTH_OR_YEAR = re.compile(
    r"\b(?:signed|inked|concluded)\s+(?:(?:last|this|earlier\s+this|late\s+last|early\s+last)\s+(?:month|year)\b|"
    r"in\s+(?:(?:early|late|mid-?)\s*)?(?:" + MONTH_RX + r"(?:\s+\d{4})?|\d{4}\b)(?!\s+\d))")
_SAME_DAY = re.compile(r"\b(?:on|during)\s+the\s+same\s+day\b", re.IGNORECASE)


def _signed_date(s: SentenceView, noun_at: int, before: list[SentenceView]):
    """The date nearest the agreement's noun; "on the same day" is the last date told before."""
    # (not the report's date: the dateline's, or "..., the press service said on Wednesday")
    entry = _TIMELINE_ENTRY.match(s.text)      # (an entry's own date opens it: no dateline)
    resolved = [d for d in s.dates if d.date is not None and (entry or not in_dateline(s.text, d))
                and not _REPORTED_ON.search(s.text, max(0, d.start - 30), d.start)
                and not _TAKES_EFFECT_ON.search(s.text, max(0, d.start - 40), d.start)]
    if not resolved and _SAME_DAY.search(s.text):
        return next((d.date for e in reversed(before) for d in reversed(e.dates) if d.date is not None), None)
    if not resolved or (_IN_FORCE.search(s.text) and not _SIGNING_ACT.search(s.text)):
        return None
    if _SIGNED_IN_A_MONTH_OR_YEAR.search(s.text, noun_at):
        return None     # "the agreement signed last month by ..., said on Monday": no day of signing is told
    # "Senators today ratified the agreement ..., signed in Astana on October 9, 2023": the day told as its signing's
    told = [d for d in resolved if _SIGNED_ON_BEFORE.search(s.text, max(0, d.start - 50), d.start)]
    return min(told or resolved, key=lambda d: abs(d.start - noun_at)).date


_SIGNED_ON_BEFORE = re.compile(r"\bsigned\s+(?:in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+)?on\s+$")


# "the three heads of state signed", "a trilateral agreement": as many parties as that
_N_PARTIES = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(heads\s+of\s+state|leaders|presidents|"
    r"(foreign\s+)?ministers|countries|nations|states|sides|parties|delegations|governments)\b"
    r"|\b(?P<k>bilateral|trilateral|tripartite|three-way|quadrilateral|four-way)\b", re.IGNORECASE)
_KIND_PARTIES = {"bilateral": 2, "trilateral": 3, "tripartite": 3, "three-way": 3, "quadrilateral": 4, "four-way": 4}


# The Caspian Sea's five littoral states, the parties of its convention ("the Convention on the Legal
# Status of the Caspian Sea") and of what "the littoral states" agree
_CASPIAN_STATES = ["AZE", "IRN", "KAZ", "RUS", "TKM"]
_CASPIAN_PARTIES = re.compile(r"\b(?:Convention\s+on\s+the\s+Legal\s+Status\s+of\s+the\s+Caspian|Caspian\s+(?:Sea\s+)?[Cc]onvention|"
                              r"(?:five\s+)?(?:Caspian\s+)?littoral\s+(?:states|countries|nations)|five\s+Caspian\s+(?:states|countries|nations))\b")


def _parties(doc: DocContext, s: SentenceView) -> list[str] | None:
    if "Caspian" in s.text or "littoral" in s.text:
        if _CASPIAN_PARTIES.search(s.text):
            return list(_CASPIAN_STATES)
    codes: list[str] = []
    for m in s.countries:
        if _VENUE_AFTER.match(s.text, m.end) and _VENUE_BEFORE.search(s.text, max(0, m.start - 40), m.start):
            continue     # "to be signed at the next ECOWAS summit": where, not who
        if _ROUTE_BEFORE.search(s.text, max(0, m.start - 30), m.start):
            continue     # "a memorandum on gas supplies via Azerbaijan": a route, no party
        if m.code not in codes:
            codes.append(m.code)
    if len(codes) > 2 and any(m.kind == "bloc" for m in s.countries):
        # "the Eurasian Economic Union, of which Kazakhstan is a member, ...": the member is said to
        # belong to the bloc, it is no party of its own
        members = {m.code for m in s.countries if m.kind != "bloc" and _TOLD_AS_MEMBER.match(s.text, m.end)}
        cover = _MEMBERS_AFTER.search(s.text)
        if cover and any(m.kind == "bloc" and m.end <= cover.start() for m in s.countries):
            # "a free trade agreement with the Eurasian Economic Union, which would cover Kazakhstan along
            # with Russia, ...": the bloc's members, no parties of their own
            members |= {m.code for m in s.countries if m.kind != "bloc" and m.start >= cover.end()}
        codes = [c for c in codes if c not in members]
    n = _stated_party_count(s.text)
    with_pair = {*codes, *doc.main_pair}
    if n is not None and n > max(len(codes), 2) and len(doc.main_pair) == 2 and len(with_pair) == n:
        return sorted(with_pair)     # "the two sides discussed a trilateral swap agreement with Russia"
    if n is not None and n > max(len(codes), 2) and len(doc.ranked_countries) >= n:
        # the sentence counts the parties without naming them all: the article's n most named
        named = codes + [c for c in doc.ranked_countries if c not in codes]
        return sorted(named[:n])
    if len(doc.main_pair) == 2 and (two := _BETWEEN_THE_TWO.search(s.text)) and not any(
            m.start < two.start() and m.code not in doc.main_pair for m in s.countries):
        # "a preferential trade agreement between the two countries, an idea the Kyrgyz side was ready to consider
        # once consultations with its partners in the Eurasian Economic Union ...": the article's two
        return sorted(doc.main_pair)
    between = _BETWEEN_TWO.search(s.text)
    if between:          # "a free trade agreement between Pakistan and the GCC": those two, whoever else is named
        named = [m.code for m in s.countries if between.start() <= m.start < between.end()]
        if len(set(named)) == 2:
            return sorted(set(named))
        capitals = {m.code for m in s.cities if m.kind == "capital" and between.start() <= m.start < between.end()}
        if not named and len(capitals) == 2:
            return sorted(capitals)      # "an agreement between Tehran and Astana": the two governments
    if len(codes) >= 2:
        return sorted(codes)
    pair = list(doc.main_pair)
    if len(codes) == 1 and codes[0] in pair and len(pair) == 2:
        return sorted(pair)
    if len(codes) == 1 and len(pair) == 2 and _JOINTLY_WITH.search(s.text):
        return sorted({*pair, codes[0]})   # "the parties agreed ... jointly with Uzbekistan": a third party
    if not codes and len(pair) == 2:
        return sorted(pair)
    return sorted(codes) or None


_VENUE_AFTER = re.compile(r"[\s-]+(summit|forum|meeting|session|conference|expo|exhibition|fair)\b", re.IGNORECASE)
_VENUE_BEFORE = re.compile(r"\b(at|during|on\s+the\s+sidelines\s+of|before|ahead\s+of)\s+(the|a|an)\s+"
                           r"((next|upcoming|forthcoming|annual|\d+(st|nd|rd|th))\s+)?$", re.IGNORECASE)
_BETWEEN_TWO = re.compile(r"\bbetween\s+(the\s+)?[A-Z][\w'’. -]{1,40}?\s+and\s+(the\s+)?[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+){0,3}")
# ("a memorandum on power exchange signed by the two energy ministries")
_BETWEEN_THE_TWO = re.compile(r"\b(?:agreement|deal|treaty|memorandum|accord)\b(?:\s+(?:on|for)\s+[\w-]+(?:\s+[\w-]+)?)?"
                              r"\s+(?:between|signed\s+by)\s+the\s+two\s+(?:[a-z]+\s+)?"
                              r"(?:countries|nations|states|sides|governments|ministries|ministers|presidents|leaders)\b",
                              re.IGNORECASE)
_ROUTE_BEFORE = re.compile(r"\b(via|through|across|transiting)\s+(the\s+)?(territory\s+of\s+)?$", re.IGNORECASE)
_MEMBERS_AFTER = re.compile(r",\s*which\s+(?:would\s+|will\s+)?(?:also\s+)?(?:cover|covers|include|includes|comprise|comprises|"
                            r"unites|groups|brings\s+together)\b"
                            r"|\bmember(?:s|\s+states)\s*:", re.IGNORECASE)     # "the five EAEU members: Russia, Kazakhstan, ..."
_TOLD_AS_MEMBER = re.compile(r"\s+is\s+(also\s+)?a\s+(founding\s+|full\s+)?member\b", re.IGNORECASE)
_JOINTLY_WITH = re.compile(r"\b(jointly|together)\s+with\b|\bwith\s+the\s+participation\s+of\b", re.IGNORECASE)


def _owner_and_partner(s: SentenceView, noun: re.Match) -> list[str] | None:
    """"the Eurasian Economic Union's free trade agreement with Iran": the owner and the partner,
    whatever other countries the sentence names ("Trade between Iran and Kazakhstan is picking up after ...")."""
    owner = next((c for c in s.countries if c.end <= noun.start()
                  and _OWNS.fullmatch(s.text, c.end, noun.start())), None)
    partner = next((c for c in s.countries if c.start >= noun.end()
                    and _WITH.fullmatch(s.text, noun.end(), c.start)), None)
    if owner is None or partner is None or owner.code == partner.code:
        return None
    return sorted({owner.code, partner.code})


_OWNS = re.compile(r"['’]s?\s+([\w-]+\s+){0,4}")
_WITH = re.compile(r"\s+with\s+(the\s+)?")


def _stated_party_count(text: str) -> int | None:
    """The most parties a count in `text` states ("the two sides discussed a trilateral agreement": three)."""
    counts = [_KIND_PARTIES[m.group("k").lower()] if m.group("k") else parse_number(m.group("n").lower())
              for m in _N_PARTIES.finditer(text)]
    counts = [int(n) for n in counts if n is not None]
    return max(counts) if counts else None


def _worth(s: SentenceView, after: int, countries=()) -> tuple[float | None, str | None]:
    for a in s.amounts:
        gap = s.text[after:a.start]
        if 0 <= a.start - after <= 60 and re.search(r"\b(worth|valued\s+at|totall?ing|with\s+a\s+(total\s+)?value\s+of|for)\b", gap):
            unit = resolve_currency(a.unit, countries)
            return (a.value, unit) if unit else (None, None)
    return None, None


_GENERIC_TYPES = frozenset({"document", "agreement", "instrument"})


def _may_be_one(type_a: str, type_b: str) -> bool:
    """Two mentions signed the same day may be one signing unless they name different kinds of
    document ("a final protocol" and "four memoranda" signed on Monday are five)."""
    return type_a == type_b or type_a in _GENERIC_TYPES or type_b in _GENERIC_TYPES


_BULLET = re.compile(r"\s*[-–•·*]\s")


def _dedupe(rows: list[dict]) -> list[dict]:
    """A memorandum named again, or signed on the same day by the same parties, is one agreement."""
    out: list[dict] = []
    for r in rows:
        if r["rule"] == "agreements.list_item":
            out.append(r)          # the items of a list are different documents by the list's making
            continue
        same = next((o for o in out if o["status"] == r["status"] == "signed" and r["signed_date"] is not None
                     and o["signed_date"] == r["signed_date"] and o["parties"] == r["parties"]
                     and _may_be_one(o["agreement_type"], r["agreement_type"])), None)
        if same is None:
            same = next((o for o in out if o["agreement_type"] == r["agreement_type"] and o["status"] == r["status"]
                         and o["parties"] == r["parties"] and o["signed_date"] == r["signed_date"]
                         and o["agreement_count"] == r["agreement_count"] and o["value"] == r["value"]
                         and (o["agreement_count"] == 1 or _BULLET.match(r["evidence"]))), None)
            # ("The two sides signed nine memoranda ..." and a summary box's "- Nine MoUs signed": one signing)
        if same is None:
            out.append(r)
    # "talks ..., which were followed by the signing of the documents. The two sides signed a total of
    # eleven documents": the uncounted mention is the counted signing
    counted = [o for o in out if o["status"] == "signed" and o["agreement_count"] not in (None, 1)]
    return [r for r in out if not (
        r["agreement_count"] is None and r["status"] == "signed" and r["rule"] != "agreements.list_item"
        and any(o["agreement_type"] == r["agreement_type"] and o["parties"] == r["parties"]
                and None in (o["signed_date"], r["signed_date"]) for o in counted))]
