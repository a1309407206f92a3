"""Which role a country plays in a stretch of text: exporter, destination, partner, speaker.

Shared by the trade, company and agreement extractors. Works on place mentions found in
one sentence; offsets are relative to that sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.places import PlaceMention

# A demonym or name followed by one of these is a person's or body's title ("Kazakh Foreign
# Minister", "Iranian ambassador"): who speaks, not a party to the figure.
_TITLE_AFTER = re.compile(
    r"^\s*(('s|’s)\s+)?((first|deputy|vice|prime|foreign|economy|trade|finance|agriculture|energy|industry|"
    r"transport|culture|interior|defen[cs]e|acting|former|then|new|outgoing|chief|senior|top|head|"
    r"permanent|special|high-ranking|official)\s+)*(president|minister|ministers|ministry|pm|premier|"
    r"ambassador|envoy|embassy|consul|consulate|spokesman|spokeswoman|spokesperson|official|officials|"
    r"counterpart|leader|leadership|delegation|side|government|parliament|speaker|senator|diplomat|"
    r"head|chairman|chair|deputy|president's|mp|lawmakers?|authorities|administration|"
    r"officials|cabinet|chamber|customs|statistics|statistical|bureau|committee|agency|news|media|press)\b",
    re.IGNORECASE)


# "Brazil bought ...", "Poland imported ...": the country is the subject of a trade verb
_SUBJECT_OF_TRADE_VERB = re.compile(      # used with match(text, pos): no "^", which would never match there
    r"\s+((?:also|still|only|then|already|reportedly|again|meanwhile)\s+)?(has\s+|have\s+|had\s+)?"
    r"(imported|exported|bought|purchased|sold|shipped|supplied|imports|exports|buys|sells|"
    r"ships|supplies)\b", re.IGNORECASE)
# "... of Ukrainian grain", "bought Argentine wheat": a demonym naming where goods come from
_GOODS_ORIGIN_BEFORE = re.compile(r"\b(of|bought|buys|imported|imports|purchased|importing|buying)\s+$", re.IGNORECASE)
# "according to Russia's agricultural watchdog": the source of the figure, not where goods go
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(the\s+)?$")
# a pair that names a thing: "the EAEU-Iran free trade agreement", "the Kazakhstan-Iran railway"
_NAMES_A_THING = re.compile(r"\s+(?:(?:free|preferential)[\s-]+trade\s+|interim\s+|transit\s+|rail(?:way)?\s+|gas\s+|oil\s+)?"
                            r"(?:agreement|treaty|accord|pact|deal|railway|railroad|corridor|pipeline|border|route|ferry|bridge)\b",
                            re.IGNORECASE)
_SUPPLIED_BEFORE = re.compile(r"\b(supplied|supplies|supply|supplying|provided|provides|providing)\s+(the\s+)?$")
_WITH_AFTER = re.compile(r"\s+with\b")
# (not "Philippine rice imports from Vietnam"); "Kazakh wheat made up the bulk of Iran's purchases": goods of one side bought by the other
_GOODS_IMPORTS_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}(?:imports\b(?!\s+from\b)"
                                  r"|(?:made\s+up|accounted\s+for|dominated)\s+(?:[\w-]+\s+){0,4}?[A-Z][\w-]*['’]s\s+(?:purchases|imports)\b)")
# "sold Iran goods worth $281 million": the buyer right after the verb
_SOLD_TO_BEFORE = re.compile(r"\b(sold|sells|sell|selling)\s+(the\s+)?$")
_FLOW_WORD_AFTER = re.compile(r"\s+(exports?|imports?|trade|turnover|companies|firms|side|officials?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Roles:
    owner: list[str]        # "Iran's exports", "Kazakh exports", subject "Iran exported"
    origin: list[str]       # "from Kazakhstan"
    dest: list[str]         # "to Kazakhstan"
    partner: list[str]      # "with Kazakhstan"
    pair: list[str]         # "between X and Y", "X-Y trade", "X and Y's trade"
    speakers: list[str]     # "Kazakh Foreign Minister", "According to Iranian customs"
    others: list[str]       # mentioned without a telling preposition
    transit: list[str] = field(default_factory=list)   # "trucks travelling via Turkmenistan": a route, no party


def _unique(codes: list[str]) -> list[str]:
    seen: list[str] = []
    for c in codes:
        if c not in seen:
            seen.append(c)
    return seen


def is_speaker(text: str, m: PlaceMention) -> bool:
    return m.kind in ("demonym", "name") and bool(_TITLE_AFTER.match(text[m.end:m.end + 60]))


# "..., with Iranian fruit, vegetables and building materials the main items": goods, not a partner
_GOODS_AFTER_WITH = re.compile(r"\s+(?:[a-z][\w-]*,?\s+){0,6}?(?:the\s+)?(?:main|largest|biggest|leading|top)\s+"
                               r"(?:items?|goods|products|exports?|imports?|categor(?:y|ies))\b")


# a possessive describing the country named just before: "Turkmenistan, Iran's neighbour"
# ("Pakistan, Afghanistan's largest partner": a partner is the one the possessor trades with, so a side)
_APPOSITIVE_OWNER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:neighbou?r|ally|rival|gateway|outlet)\b")


def assign_roles(text: str, mentions: list[PlaceMention]) -> Roles:
    """Roles of the countries mentioned in `text` (mentions' offsets index `text`)."""
    owner, origin, dest, partner, pair, speakers, others, transit = [], [], [], [], [], [], [], []
    named: list[str] = []       # the pair of "the EAEU-Iran free trade agreement", "the Iran-Turkey railway"
    ms = sorted(mentions, key=lambda m: m.start)
    paired: set[int] = set()
    described: dict[int, int] = {}     # a country told by a possessive before it -> where the possessor starts
    for i, m in enumerate(ms):
        if i in paired:
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt and (desc := _APPOSITIVE_OWNER.match(text, m.end)) and re.fullmatch(r"\s*", text[desc.end():nxt.start]):
            # "trade with Kazakhstan's neighbour Turkmenistan": the possessor describes the country after it
            described[i + 1] = m.start
            continue
        told_at = described.get(i, m.start)      # (a described country's words before start at its possessor)
        before = text[max(0, told_at - 40):told_at].lower()
        between = text[m.end:nxt.start] if nxt else ""
        after = text[m.end:m.end + 4]
        # "Iran-Kazakhstan", "Kazakh-Iranian"; "between Iran and Kazakhstan"; "Iran and Kazakhstan's"
        # (not inside a longer name: "the Lamu Port-South Sudan-Ethiopia corridor")
        if nxt and (re.fullmatch(r"\s*[-–—/]\s*", between) and (m.start == 0 or text[m.start - 1] not in "-–—") or (
                re.fullmatch(r"\s*(and|&)\s*(the\s+)?", between)
                and (re.search(r"\bbetween\s+(the\s+)?$", before) or re.match(r"\s*('s|’s)", text[nxt.end:])
                     or re.search(r"\b(of|by)\s+(the\s+)?$", before)))):
            members = [m.code, nxt.code]
            paired.add(i + 1)
            # a third member: "Kazakhstan-Turkmenistan-Iran"
            j = i + 2
            while j < len(ms) and re.fullmatch(r"\s*[-–—/]\s*|\s*,?\s*(and\s+)?", text[ms[j - 1].end:ms[j].start]):
                members.append(ms[j].code)
                paired.add(j)
                j += 1
            (named if _NAMES_A_THING.match(text, ms[j - 1].end) else pair).extend(members)
            continue
        if is_speaker(text, m) or _ACCORDING_TO.search(before):
            speakers.append(m.code)
        elif _SUBJECT_OF_TRADE_VERB.match(text, m.end):
            owner.insert(0, m.code)
        elif (m.kind == "demonym" and _GOODS_ORIGIN_BEFORE.search(text[max(0, m.start - 12):m.start])
              and not _FLOW_WORD_AFTER.match(text, m.end)) or (m.kind == "demonym" and _GOODS_IMPORTS_AFTER.match(text, m.end)):
            origin.append(m.code)       # (also "Kazakh wheat imports via Sarakhs": the goods' origin, not the importer)
        elif re.search(r"\b(via|through|across)\s+(the\s+)?$", before) or (
                i > 0 and transit and ms[i - 1].code == transit[-1]
                and re.fullmatch(r"\s*(,|and|or|,\s*and)\s*", text[ms[i - 1].end:m.start])):
            transit.append(m.code)      # "via Turkmenistan and Uzbekistan"
        elif _SUPPLIED_BEFORE.search(before) and _WITH_AFTER.match(text, m.end) or _SOLD_TO_BEFORE.search(before):
            dest.append(m.code)         # "Kazakhstan supplied Iran with 900,000 tonnes of grain", "sold Iran goods worth"
        elif re.search(r"\b(to|into|for)\s+(the\s+)?((neighbou?ring|fellow|landlocked)\s+)?$", before):   # "to neighbouring Iraq"
            dest.append(m.code)
        elif re.search(r"\bfrom\s+(the\s+)?((neighbou?ring|fellow|landlocked)\s+)?$", before):
            origin.append(m.code)
        elif re.search(r"\b(with|and)\s+(the\s+)?((neighbou?ring|fellow|landlocked)\s+"
                       r"|(\w+\s+)?(member\s+states|members|countries)\s+of\s+(the\s+)?)?$", before) and not (
                m.kind == "demonym" and _GOODS_AFTER_WITH.match(text, m.end) and re.search(r"\bwith\s+$", before)):
            partner.append(m.code)      # "with the five members of the EAEU" (not "..., with Iranian fruit the main items")
        elif i > 0 and _APPOSITIVE_OWNER.match(text, m.end) and re.fullmatch(r",\s*", text[ms[i - 1].end:m.start]):
            continue       # "Trade with Turkmenistan, Iran's neighbour, ...": a description, no role in the trade
        elif after.startswith(("'s", "’s")) or m.kind == "demonym":
            owner.append(m.code)
        else:
            others.append(m.code)
    if owner or origin or dest or partner:
        transit += named    # "trade with Iran ... once the EAEU-Iran free trade agreement ...": a name, no sides
    else:
        pair += named       # "trade under the EAEU-Iran free trade agreement": the agreement's sides
    return Roles(_unique(owner), _unique(origin), _unique(dest), _unique(partner), _unique(pair),
                 _unique(speakers), _unique(others), _unique(transit))
