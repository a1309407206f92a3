"""Word lists the extractors share, loaded once from pipeline/data."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.places import country_code

_DATA = Path(__file__).resolve().parent.parent / "data"


def _terms(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


_COMMODITIES = sorted(_terms("commodities.txt"), key=len, reverse=True)
_C = "|".join(re.escape(t) for t in _COMMODITIES)
GOODS_TERMS = _C      # the goods terms as a regex alternation
_FLOW = r"(exports?|imports?|trade|shipments?|supplies|supply(?=\s+to\b)|sales|purchases|deliveries|turnover)"
# A commodity tied to the flow: "wheat exports", "exports of wheat", "tonnes of wheat",
# "$20 million worth of fruit", "exported 500,000 tonnes of grain", "non-oil trade".
_COMMODITY = re.compile(
    rf"\b(?P<a>{_C})\s+{_FLOW}\b"
    rf"|\b{_FLOW}\s+(of|in)\s+(?:\w+\s+){{0,2}}?(?P<b>{_C})\b"
    # "the largest buyer of Kazakh grain" (not "exporters of food" or "the dominant supplier of fuel",
    # which describe a party)
    rf"|\b(?:largest|biggest|main|top|leading|second-largest)\s+(?:buyer|importer|purchaser)s?\s+of\s+(?:\w+\s+){{0,1}}?(?P<j>{_C})\b"
    rf"|\b(tons?|tonnes?|t|kg|kilograms?|worth)\s+of\s+(?:\w+\s+){{0,2}}?(?P<c>{_C})\b"
    rf"|\b(exported|imported|shipped|supplied|sold|bought|purchased)\s+(?P<d>{_C})\b"
    rf"|\bnon-(?P<e>oil|energy|commodity|raw[- ]material)\s+(goods|trade|exports?|imports?|products|commodities|sector)\b"
    # "Cotton alone accounted for $195 million", "Uzbek cars accounted for", "dried fruit worth $48 million",
    # "Grain dominated Kazakh deliveries, with 1.05 million tonnes"
    rf"|\b(?P<f>{_C})\s+(?:alone\s+)?(?:accounted\s+for|made\s+up|worth|dominated)\b"
    # "fruit and vegetables, of which 612.8 thousand tonnes worth $498.7 million were delivered"
    # "natural gas, imports of which from Azerbaijan amounted to $345 million"
    rf"|\b(?P<i>{_C}),?\s+(?:(?:exports|imports|shipments|supplies|deliveries|sales|purchases)\s+)?of\s+which\b"
    # a digest line labelled with its goods: "Clothing and textiles: exports to Russia reached ..."
    rf"|^\W*(?P<h>{_C})\b[^:.]{{0,30}}:(?=.*\b(?:export|import|ship|suppl|sold|sale|purchas|bought|deliver|trade|turnover))",
    re.IGNORECASE)
# goods named right before a figure of a list: "including wheat $158.5 million", "wheat – 297,000
# tonnes", "wheat (412,300 tonnes)", "Barley: 61,000 tonnes"
_GOODS_RIGHT_BEFORE = re.compile(rf"\b(?P<g>{_C})\s*(?:[–—:-]\s*|\(\s*)?$", re.IGNORECASE)


def goods_right_before(text: str, at: int) -> str | None:
    """Known goods named right before position `at` (where a figure starts), else None."""
    m = _GOODS_RIGHT_BEFORE.search(text, max(0, at - 40), at)
    return m["g"].lower() if m else None


_KNOWN_GOODS = re.compile(rf"(?:{_C})(?:\s+(?:seeds?|products|grain|oil))?", re.IGNORECASE)


def goods_label(label: str) -> str | None:
    """Goods a table row is labelled with ("Wheat", "Sunflower seeds"), when the word list knows them."""
    text = " ".join(label.split())
    return text.lower() if _KNOWN_GOODS.fullmatch(text) else None


_TERM_FIRST_WORDS = frozenset(re.match(r"[\w-]+", t).group(0).lower() for t in _COMMODITIES)
_WORD = re.compile(r"[\w-]+")
# "Machinery and equipment alone accounted for ...": goods singled out from a total
_ALONE = re.compile(r"\b(?P<g>[a-z][a-z-]+)\s+alone\s+(?:accounted|made|reached|exceeded|amounted|totall?ed|were|was|"
                    r"stood|came|rose|grew|fell)\b", re.IGNORECASE)


# Words before a flow word, or after "tonnes of", that do not limit it to some goods.
_NOT_GOODS = frozenset("""
total overall bilateral mutual merchandise annual monthly quarterly yearly its their his her the of and record combined
direct goods product products trade foreign external world global national these those such our whose re in from to
with main key major largest biggest top further additional new higher lower domestic official average first latest
recent current all other more less own traditional two-way cargo freight non-oil non-energy non-commodity export import
country's nation's region's that this which what so as at by for on a an also only some about nearly over
fiscal calendar financial
put puts said says saw see sees expects expected reported estimated recorded boosted cut cuts set sets will would could
may might has have had is was are were both bilateral european asian african american arab gulf western eastern
northern southern regional central
record strong weak rising falling declining growing booming seasonal nominal real net sluggish robust commodities
rail railway road truck sea maritime air river seaborne overland transit
""".split())
# the word before a flow word only after a demonym or name ("Philippine banana shipments"); after
# "tonnes of" or "imports of", past a demonym ("tonnes of Moroccan tomatoes", "imports of
# Philippine bananas"); a sentence that opens "Trade in energy resources"
_GENERIC = re.compile(r"(?:\b[A-Z][\w-]*(?:'s|’s)?\s+(?P<a>[a-z][a-z-]+)\s+(?:exports|imports|shipments|supplies|deliveries|sales(?=\s+to\b))"
                      r"|(?:tons?|tonnes?|kg|kilograms?|(?i:exports|imports|sales|shipments|purchases|supplies|deliveries))\s+of\s+(?:[A-Z][\w-]*\s+)?"
                      r"(?P<b>[a-z][a-z-]+)"
                      r"|^\s*Trade\s+in\s+(?P<c>[a-z][a-z-]+(?:\s+(?:resources|products|goods|equipment))?)"
                      # "with metallurgical products making up $1.1 billion of that"
                      r"|\b(?P<e>[a-z][a-z-]+\s+products)\s+(?:making\s+up|accounting\s+for|accounted\s+for|made\s+up)"
                      # "exported kidney beans worth"
                      r"|\b(?:exported|imported|shipped|supplied|sold|bought)\s+(?P<d>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
                      r"\s+worth)\b")


# things "worth" a sum that are no goods: "signed deals worth $2 billion"
_NOT_WORTH_GOODS = frozenset("deals deal contracts contract agreements agreement projects project investments investment "
                             "documents memoranda loans loan".split())
# "Copper ores and concentrates remained the main export item, at $118 million": goods named
# as the subject of "the main export item"
_MAIN_ITEM = re.compile(r"^\W*(?P<g>[A-Z][a-z-]+(?:,?\s+(?:and\s+)?[a-z-]+){0,4}?)\s+(?:remained|remains|remain|was|were|is|are)\s+"
                        r"(?:the\s+|its\s+|their\s+|[A-Z][\w-]*(?:'s|’s)\s+)?(?:(?:single|main|largest|biggest|leading|top|"
                        r"principal|key|second-largest)\s+)+(?:[A-Z][a-z]+\s+)?(?:export|import)\s+(?:items?|products?|"
                        r"commodit(?:y|ies)|goods)\b")
# "Seafood exports to China rose ...": goods opening the sentence
_OPENING_GOODS = re.compile(r"^\s*(?P<w>[A-Z][a-z]+)\s+(?:exports|imports|shipments|sales|supplies|deliveries)\b")


def find_commodity(text: str) -> str | None:
    """What a trade figure in `text` is limited to, or None for trade in all goods.

    Known goods (data/commodities.txt) first; else any lower-case word before a flow word or
    after "tonnes of" that is not a word of scope ("sesame exports", "tonnes of sesame")."""
    # the big alternation is tried at every character: only where a term's first word is in the text
    low = text.lower()
    m = _COMMODITY.search(text) if "non-" in low or not _TERM_FIRST_WORDS.isdisjoint(_WORD.findall(low)) else None
    if not m:
        for g in _GENERIC.finditer(text):
            word = g.group("a") or g.group("b") or g.group("c") or g.group("d") or g.group("e")
            if word.split()[0] not in _NOT_GOODS and word.split()[-1] not in _NOT_WORTH_GOODS:
                return word
        opening = _OPENING_GOODS.match(text)
        if opening and opening["w"].lower() not in _NOT_GOODS and country_code(opening["w"]) is None:
            return opening["w"].lower()
        for g in _ALONE.finditer(text):
            word = g.group("g").lower()
            if word not in _NOT_GOODS and not re.fullmatch(_FLOW, word) and not country_code(g.group("g")):   # "trade with Russia alone"
                return word
        main_item = _MAIN_ITEM.match(text)
        if main_item and main_item["g"].split()[0].lower() not in _NOT_GOODS and not country_code(main_item["g"].split()[0]):
            return main_item["g"].lower()
        return None
    if m.group("j"):      # a buyer's goods yield to goods named at the figure ("..., with 1.3 million tonnes of flour")
        m = _COMMODITY.search(text, m.end()) or m
    if m.group("e"):
        return f"non-{m.group('e').lower()} goods"
    term = next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d"), m.group("f"), m.group("h"), m.group("i"),
                            m.group("j")) if g)
    return term if term.isupper() else term.lower()
