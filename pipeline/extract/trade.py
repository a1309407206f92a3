"""Trade figures: values, volumes and changes of trade between countries or blocs.

Each amount (money or tonnes) and each percentage change in a sentence is tied to the
nearest topic word before it. Only a trade word ("exports", "turnover", "trade") makes it
a trade figure; the word decides the flow. Countries come from the stretch of the
sentence that belongs to that trade word, by their prepositions (`roles`). Periods,
kind (actual / target / forecast) and commodity are read from the same stretch."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline import fiscal, tables
from pipeline.amounts import Amount, Change, resolve_currency
from pipeline.dates import NUMBER_WORDS, PeriodMention, find_periods
from pipeline.periods import a_year_before, solar_months, solar_year_of, the_same_period_in, years_later
from pipeline.places import BLOCS, PlaceMention, country_code
from pipeline.wordscan import Caseless, last_match, whole_word_starts
from pipeline.extract.context import THE_BLOC, DocContext, SentenceView, base_row
from pipeline.extract.roles import assign_roles
from pipeline.extract import vocab

# Topic words. The nearest one before a number decides what the number is about.
_TRADE_TOPIC = Caseless(
    r"\b(?P<export>exports?(?!-import)(?!\s+(?:development\s+|credit\s+|promotion\s+)?(?:bank|agency|fund|guarantee|insurance)\b)|exported|exporting|exporter|shipments?|shipped|supplies|supplied|supplying|sold|sells|selling|"
    r"deliveries|delivered|delivers|delivering|sales(?=\s+(?:of\s+(?:[\w-]+\s+){1,3})?to\b)"
    r"|sell(?=\s+(?:at\s+least\s+|up\s+to\s+|about\s+|some\s+)?(?:US)?[\d$][^.;]{0,60}?\sto\s)"      # "hopes to sell 30,000 tonnes of red meat to Iran"
    r"|supply(?=\s+(?:at\s+least\s+|up\s+to\s+|about\s+|some\s+)?(?:US)?[\d$]|\s+to\s"      # "aimed to supply up to 1.5 million tonnes", "wheat supply to Iran"
    r"|\s+of\s+(?:[\w-]+\s+){1,4}?to\s)"      # "the supply of Iranian fresh fruit to Kazakhstan"
    r"|(?:sent|send|sending|dispatched)(?=\s+(?:about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+|up\s+to\s+)?(?:US)?[\d$])"      # "sent 95,000 tonnes of wheat to", "to send up to 500,000 tonnes"
    r"|ship(?=\s+(?:about\s+|some\s+|nearly\s+|over\s+|up\s+to\s+)?[\d$](?:(?!\s(?:through|via)\s)[^.;]){0,60}?\sto\s))\b"      # "aimed to ship 150,000 tonnes of apples to" (not "through Iranian ports")
    r"|(?<!export-)\b(?P<import>imports?|imported|importing|importer|purchases|purchased|bought|buys|buy(?=\s+(?:at\s+least\s+|up\s+to\s+|about\s+|some\s+)?[\d$])"
    r"|(?:take|takes|took)(?=\s+(?:at\s+least\s+|up\s+to\s+|about\s+|some\s+|nearly\s+|around\s+)?[\d$]))\b"     # "Iran will take up to 1.5 million tonnes"
    r"|\b(?P<total>trade(?!\s+(?:union|unions|mission|missions|representative|representation|office|house|center|centre|fair|show|delegation|zone|route|routes|corridor|port|ports|hub|districts?|and\s+economic\s+mission))|"
    r"turnover|commerce|trade\s+exchanges?|commercial\s+exchanges?|exchange\s+of\s+goods|commodity\s+exchange|"
    r"(?:traded|exchanged)(?=\s+(?:goods\b|products\b|commodities\b|(?:US)?\$|USD\b|\d))|"
    r"(?:(?<=goods\s)|(?<=products\s))exchanged(?=\s+between\b))\b")      # "the volume of goods exchanged between the two countries"
_NOT_TRADE_TOPIC = Caseless(
    r"\b(world\s+trade\s+organi[sz]ation|gdp|gross\s+domestic\s+product|inflation|output|production|produced|harvests?|harvested|"
    r"investments?|invested|investing|investors?|loans?|credit|credits|grants?|budget|population|tourists?|tourism|"
    r"passengers?(?!\s+(cars?|vehicles))|revenues?|surplus|deficit|trade\s+balance|balance\s+of\s+trade|profits?|reserves|debt|capital|salar(y|ies)|wages|unemployment|"
    r"(agreements?|contracts?|deals?|documents?|memorand(a|ums?)|projects?|mous?)\s+(worth|valued|totall?ing|with\s+a\s+(total\s+)?value)|"
    r"cost|costs|financing|funds?|transit(?!\s+(?:country|countries|state|nation|partner|hub))|cargo|freight|traffic|reserves|stakes?|shares|equity|acquisitions?|acquired|"
    r"remittances|money\s+transfers|domestic\s+(?:[\w-]+\s+)?(?:purchases|sales|procurement|market)|"     # "domestic wheat purchases from farmers"
    r"average\s+([\w-]+\s+)?(value|price|cost)s?|containers?\s+(shipments|traffic|volumes?)|owes|owed|owing|arrears|"
    # "the duty-free limit on border trade": the trade word belongs to the limit
    r"(limits?|quotas?|thresholds?|ceilings?|allowances?)(\s+(on|for)\s+([\w-]+\s+){0,2}(trade|exports?|imports?))?|"
    # "which are not counted as trade": what follows is said not to be trade
    r"not\s+(counted|included|considered|classed|treated|recorded)\s+(as|in)\s+(\w+\s+)?(trade|exports?|imports?)|"
    # "intra-ECOWAS trade", "the bloc's total trade": trade within a bloc, not between two countries
    r"intra-[\w-]+\s+(trade|exports?|imports?)|the\s+bloc'?s\s+(\w+\s+)?trade|"
    # "Mutual trade between the EAEU member states": within a bloc
    r"(trade|turnover)\s+(between|among)\s+(the\s+)?[\w-]+\s+member\s+(states|countries)(?!\s+and\b))\b")
# "the Ministry of Trade and Integration said on Thursday, an increase of 46 percent": a trade word
# in a ministry's name is no topic (nor does the name end the topic before it, as a non-trade topic would)
# ("Ministry of Industry, Mine and Trade"; not "the Ministry of Agriculture, trade between ..." nor "the
# Ministry of Economy forecasts that trade will ...")
_MINISTRY_OF_TRADE = re.compile(r"\b(?:[Mm]inistry|[Mm]inister|[Mm]inistries)\s+of\s+"
                                r"(?:(?:[A-Z][\w-]*,?\s+(?:and\s+)?){0,3}?(?:Trade|Commerce)|trade|commerce)(?:\s+and\s+[A-Z][\w-]*)?\b")
# Where a _NOT_TRADE_TOPIC match can start in the lower-cased text: each of its alternatives
# begins at \b with one of these words, whole (followed by \s+, "-" in "intra-", "'" in "the
# bloc's", or the closing \b). Searched as _TRADE_TOPIC_AT is (see there).
_NOT_TRADE_TOPIC_WORDS = frozenset("""
world gdp gross inflation output production produced harvest harvests harvested investment investments invested investing investor investors
loan loans credit credits grant grants budget population tourist tourists tourism passenger passengers revenue revenues
surplus deficit trade balance profit profits reserves debt capital salary salaries wages unemployment
agreement agreements contract contracts deal deals document documents memoranda memorandum memorandums project projects
mou mous cost costs financing fund funds transit cargo freight traffic stake stakes shares equity acquisition acquisitions
acquired remittances money domestic average container containers owes owed owing arrears limit limits quota quotas
threshold thresholds ceiling ceilings allowance allowances not intra the turnover
""".split())
_NOT_TRADE_TOPIC_AT = whole_word_starts(_NOT_TRADE_TOPIC_WORDS)
# "Uzbekistan's total foreign trade": one country's trade with the world, unless it says with whom
# ("foreign trade with Oman") or whose ("the two countries' foreign trade")
# (not "foreign trade with Iran", "the foreign trade turnover of Uzbekistan with the Russian Federation")
_WORLD_TRADE = re.compile(r"\b((total|overall)\s+)?(foreign|external)\s+trade(\s+turnover)?\b"
                          r"(?!\s+(of\s+(the\s+)?[\w-]+(\s+[\w-]+)?\s+)?(with|between)\b)",
                          re.IGNORECASE)
# words that stand for the other country of a figure ("exports to the kingdom", "bilateral")
# ("to its Central Asian neighbor": one neighbour; "to its neighbours" are many)
_PARTNER_WORD = re.compile(r"\b((to|with|from|into)\s+the\s+(country|kingdom|republic|emirate|neighbou?r(ing)?(\s+country)?|"
                           r"other\s+side)|(to|with|from|into)\s+(its|their)\s+(?:[A-Z][\w-]*\s+){0,2}neighbou?r(?!s)|"
                           r"bilateral|mutual|each\s+other|both\s+countries|two\s+countries)\b", re.IGNORECASE)
_TWO_OF_THEM = re.compile(r"\b(two|both)\s+(?:(?-i:[A-Z][\w-]+)\s+)?(neighbou?rs|nations|sides|countries|states|partners)\b",
                          re.IGNORECASE)      # "the two Caspian neighbours"
_WORLD_TRADE_HINT = re.compile(r"foreign|external", re.IGNORECASE)     # a cheap test before the full pattern
_THE_TWO = re.compile(r"\bthe\s+two\s+(?:governments|countries|sides|nations|states)\b", re.IGNORECASE)
_PAIR_BEFORE = re.compile(r"\b(two\s+countries|both\s+countries|two\s+sides|bilateral|mutual)['’]?\s*$", re.IGNORECASE)
# "have spoken of $3 billion", "talked of reaching": a sum aimed at
_SPOKEN_OF = r"(?:spoken|spoke|talked|speaks?|talks?)\s+of(?:\s+reaching)?"
_FORECAST = Caseless(
    r"\b(expected|forecasts?|forecasted|projected|predicted|likely|anticipated|estimated)\s+(to|that)\b"
    r"|\b(will|would|could|may|might|can)\s+(likely\s+|probably\s+)?(reach|exceed|hit|surpass|amount|total|grow|rise|increase|climb|top|approach|near|come\s+to|stand\s+at|"
    r"(?:fall|drop|decline|shrink|slip|return|recover|rebound)(?:\s+back)?\s+to|"     # "turnover could fall back to about $500 million"
    r"buy|import|export|purchase|sell|supply|ship|"
    r"stabili[sz]e|end(\s+the\s+year)?\s+(at|above|below|around))\b"     # "trade would likely end at around $330 million"
    # "Our baseline forecast is for trade to grow by a further 10 percent, to around $720 million" (before
    # "forecast" alone, which would end the match at the noun)
    r"|\b(forecasts?|projections?|outlook|expectations?)\s+(is|was|are|were)\s+(for|that)\b[^.;]{0,80}?\bto\s+"
    r"(reach|exceed|hit|total|grow|rise|increase|top|surpass|climb|fall|drop|decline)\b"
    r"|\bis\s+set\s+to\s+(reach|exceed|hit)\b"
    r"|\b(see|sees|saw)\s+(?:[\w-]+\s+){0,2}?(it|them|trade|turnover|exports|imports)\s+(reaching|hitting|exceeding|topping|rising\s+to)\b"
    # "exports could double to $300 million" (not "the sides could double trade": a goal), "could help lift trade to"
    r"|\b(could|may|might|can|would|will)\s+(double|triple|treble)(?=\s+(?:to|by|in|within|over|again)\b)"
    r"|\b(could|may|might|would)\s+help\s+(lift|raise|boost|increase|bring|push|take)\b"
    r"|(?<!than\s)\b(expects?|expected|predicts?|predicted|forecasts?|projects?|anticipates?|estimates?)\b[^.;]{0,80}\bto\s+(reach|exceed|hit|total|grow|rise|increase|top|surpass|"
    r"climb|stabili[sz]e|remain|stay|recover|return|settle)\b"
    # "Mongolia expects coal exports to China of 80-85 million tonnes this year"
    r"|(?<!as\s)(?<!than\s)(?<!had\s)\b(expects?|forecasts?|projects?|predicts?|anticipates?)\b[^.;]{0,80}$"
    r"|\b(forecasting|projecting|predicting|anticipating)\b[^.;]{0,60}$"      # "..., forecasting turnover of $700 million this year"
    # (last: where "forecast" starts a longer cue, "experts forecast bilateral trade to reach", that one is the match)
    r"|\bforecast\b")
_TARGET = Caseless(
    r"\b(targets?|targeted|goals?|aims?|aimed|aiming|objectives?|road\s?maps?|plans?|planned|planning|intends?|"
    r"intended|seeks?|seeking|strive|striving|wants?|wanted|agreed|would\s+like)\s+(to|at|for|of)\b"
    # "I would like our turnover to exceed ..."
    r"|\b(would\s+like|wants?|wanted|hopes?|hoped|hoping)\b[^.;]{0,60}\bto\s+(reach|exceed|hit|top|surpass|double|export|import|sell|ship|supply)\b"
    # "Erdogan said he hoped trade would reach $10 billion" (a forecast's "would reach" inside it)
    r"|\b(hopes?|hoped|hoping)\b[^.;]{0,60}\b(will|would)\s+(reach|exceed|hit|top|surpass|double)\b"
    r"|\bwork(s|ed|ing)?\s+towards?\b"
    rf"|\b{_SPOKEN_OF}\s+$"      # "ministers have spoken of reaching $3 billion"
    r"|\bshould\s+(reach|exceed|hit|top|surpass|double|grow|rise|increase|climb)\b"
    r"|\b(eye|eyes|eyeing)\b"      # headlines: "leaders eye $10bn trade"
    r"|\b(target|targeting|goal|objective)\b"
    r"|\broad\s?map\b"
    r"|\bset\s+(a\s+|the\s+|new\s+)?(goals?|targets?)\b"
    r"|\b(to|help|helps|helping|will)\s+(increase|raise|boost|bring|double|triple|lift|expand|grow|take|reach|push|restore)\b"
    r"(?<!take(?=\s+(?:(?:up\s+to|at\s+least|about|some|nearly|around)\s+)*(?:[\d$]|$)))"     # (not "will take up to 1.5 million tonnes": a buyer's)
    r"|\b(can|could|should|must)\s+be\s+(raised|increased|brought|boosted|lifted|doubled|tripled|expanded|taken)\s+to\b"
    r"|\b(can|could|should|must)\s+(raise|increase|bring|boost|lift|double|triple|expand|take)\b"     # "the sides could raise annual trade to"
    r"|\bbring(s|ing)?\b.{0,60}\bup\s+to\b"
    # (not "opportunities for increasing trade, which in 2015 amounted to": the relative clause's verb)
    r"|\b(raising|increasing|boosting|lifting|bringing|expanding|taking|pushing)\b(?:(?!,\s*which\b)[^.;]){0,60}\bto\s*$"
    r"|\bby\s+(the\s+end\s+of\s+)?(20\d\d)\b")
# "in the same period of the previous year": the period told before, a year back
_OF_THE_YEAR_BEFORE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?(?:previous|last|prior|preceding)\s+year\b|\s+a\s+year\s+(?:earlier|ago|before)\b",
                                 re.IGNORECASE)
# "9 percent more than in the same period of last year": the base of a change, not the figure's period
_COMPARED_BEFORE = re.compile(r"\b(than|compared\s+(to|with)|against|versus|from|over)\s*$", re.IGNORECASE)
# "During this period, ..." refers back to the period of the previous figure.
_SAME_PERIOD = re.compile(r"\b(during|in|over|for)\s+(this|that|the\s+same|the\s+said|the)\s+"
                          r"(((?-i:[a-z][\w-]*)\s+)?period|(fiscal|financial)\s+year|year|([\w-]+\s+)?months|month|quarter|half)\b", re.IGNORECASE)
# "The figure decreased by 9.4 percent": a change that belongs to the previous figure.
_ANAPHORIC_SUBJECT = re.compile(
    r"^\s*(the|this|that|these|its|their)\s+((trade\s+)?(figures?|amounts?|numbers?|indicators?|volumes?|values?|"
    r"sums?|totals?|turnover)\b)|^\s*(it|its|this|they|their)\b",
    re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_VOLUME_AND_VALUE = re.compile(r"\b(volume|weight|tonnage)\b.{0,20}\b(value|worth)\b|\b(value|worth)\b.{0,20}\b(volume|weight|tonnage)\b",
                               re.IGNORECASE)
_PAIR_TOTAL = re.compile(r"\s*(?:the\s+)?(?:total|overall)\s+(?:trade|turnover)\s+(?:thus|therefore|then)\b", re.IGNORECASE)
_SINGLE_COUNTRY_TOTAL = re.compile(r"\b(?<!ministry\sof\s)(?<!minister\sof\s)(?<!state\sfor\s)(foreign|external|overall|total|global)\s+([\w-]+\s+)?"
                                   r"(trade|turnover)\b(?!\s+(minister|ministry|secretariat|secretary|agency|department|committee|"
                                   r"council|office|service|bank|organi[sz]ation|cent(re|er)|promotion|development|policy)\b)",
                                   re.IGNORECASE)


@dataclass
class _Topic:
    flow: str
    start: int
    end: int
    commodity: str | None = None     # the goods a back-reference ("Their value") carries


# A figure in a sentence that names no period at all, stated within this many sentences
# after a dated actual figure, is read as being about that figure's period: articles give
# the total with its year, then the exports and imports "of the total" without repeating it;
# a digest states "January-October" once, then paragraph after paragraph of figures.
_CARRY_PERIOD_SENTENCES = 8
# Likewise the countries: "Exports to EAEU countries totalled $4.2 billion, while imports
# reached $9 billion" after "Kazakhstan's trade with the EAEU ...": the side a figure leaves
# unsaid is the one the figure just before it named.
_CARRY_SIDES_SENTENCES = 2
# "most of which", "the bulk of it": a part of a figure
_MOST_OF = r"(?:most|much|the\s+bulk|the\s+majority|half|part)"
# Trade of one country with the whole world is not a relation between countries.
_WORLD_SCOPE = re.compile(
    r"\b(all\s+(other\s+)?(countries|destinations|markets|partners|trading\s+partners|nations)|"
    r"(the\s+)?rest\s+of\s+the\s+world|the\s+world\b(?!\s+(trade|bank))|globally|worldwide|world\s+markets?|"
    r"global\s+([\w-]+\s+)?trade|"
    # "$5 billion, most of which went to China" (not "$222 million, most of which was wheat": goods)
    rf"{_MOST_OF}\s+of\s+which(?!\s+(?:was|were|is|are|consisted|comprised)\s+"
    r"(?!(?:shipped|sent|exported|sold|destined|bound|delivered|imported|bought|purchased|supplied)\b)[a-z])|"
    r"non-[\w-]+\s+(countries|states|members|partners|nations))\b",
    re.IGNORECASE)
# "India's overall merchandise exports", "Kazakhstan's foreign trade": one country's trade with
# everyone, unless the stretch names whom it is with ("total exports to Iran").
_ONE_COUNTRY_SCOPE = re.compile(r"\b(foreign|external|overall|global|total)\s+([\w-]+\s+)?(trade|exports|imports)\b",
                                re.IGNORECASE)
_RESTATED = re.compile(r"\s*\(\s*(?:or\s+|i\.e\.\s+|equivalent\s+to\s+)?")
# "27.4 billion tenge, or about $148 million": the same figure again in another currency, kept as
# a row of its own (unlike the bracketed form), with the change told of either
_OR_RESTATED = re.compile(r"\s*,\s*or\s+")
_COUNTED_THINGS = re.compile(r"\d[\d,.]*\s*(million\s+|thousand\s+)?(head|units|vehicles|cars|trucks|passengers|containers|"
                             r"wagons|flights|visitors|tourists)\b", re.IGNORECASE)
_BILATERAL = re.compile(r"\b(bilateral|mutual|two-way)\s+(trade|turnover|commerce)\b|\btrade\s+between\s+the\s+two\b",
                        re.IGNORECASE)
_CAUSE = re.compile(r"\b(because|due\s+to|owing\s+to|driven\s+by|thanks\s+to|led\s+by|on\s+the\s+back\s+of|attributed\s+to|"
                    # "dropped to $161 million as wheat shipments slowed"
                    r"as\s+(?:[\w-]+\s+){0,3}?(?:shipments|sales|supplies|deliveries|exports|imports|purchases)\s+(?:had\s+|have\s+)?"
                    r"(?:slowed|fell|declined|dropped|slumped|rose|grew|increased|recovered|picked\s+up)|"
                    r"on\s+(higher|lower|stronger|weaker|increased|reduced|rising|falling)|"
                    r"(buoyed|boosted|supported|helped|lifted|fuell?ed|pushed|dragged)\s+(up\s+|down\s+)?by|"
                    # "could raise trade to $1 billion by increasing supplies of Kazakh grain": the means, not the goods
                    r"by\s+(increasing|expanding|boosting|raising|diversifying|adding))\b", re.IGNORECASE)
# "A tonne of Kazakh barley landed at Anzali sells for around 110 million rials": a price
_PRICE_OF_ONE = re.compile(r"\b(?:a|one|each)\s+(?:tonne|ton|kilogram|kg|barrel|head|litre|liter)\s+of\b[^.;]{0,80}?"
                           r"\b(?:sells?|sold|costs?|priced|fetch(?:es|ed)?|goes)\b(?:\s+for|\s+at)?[^.;\d]{0,20}$", re.IGNORECASE)
# "$230 per tonne": a price, not a trade value
_PRICE = re.compile(r"^\s*(per|a|an)\s+(tonne|ton|barrel|kilogram|kg|unit|cubic\s+met(re|er)|litre|liter|head)\b",
                    re.IGNORECASE)


def extract_trade_figures(doc: DocContext) -> list[dict]:
    rows: list[dict] = []
    told: list[tuple[tuple | None, int]] = []     # periods stated so far, with their sentence (None: unknown)
    last_sides: tuple | None = None
    last_sides_at = -10
    prev_rows: list[dict] = []
    recent_rows: list[tuple[int, list[dict]]] = []     # (sentence, rows) of the last few sentences that had any
    scope_at = -10       # the last sentence without figures that may set the period of those after it
    told_of: dict | None = None    # the trade a sentence without figures told of ("Trade collapsed after ...")
    ranking: tuple[str, str, int] | None = None    # the country whose partners were ranked, the flow, and where
    for i, s in enumerate(doc.sentences):
        owner = _partner_owner(s.text, s.countries) if _RANKED_HINT.search(s.text) else None
        if owner is not None:
            ranking = (owner.code, _ranked_flow(s.text, owner), i)
        elif s.amounts and (group := _TRADE_WITH_GROUP.search(s.text)):
            # "Iran's trade with the five Central Asian republics reached $1.36 billion. Uzbekistan was the
            # top partner with $431 million, followed by ...": the group's members ranked as its partners
            named = [m for m in s.countries if m.end <= group.start()]
            if len(named) == 1 and named[0].end == group.start():
                ranking = (named[0].code, tables.grid_flow(group["flow"]), i)
        if not s.amounts and not s.changes:
            prev_rows = []
            told_of = _TRADE_TOLD_OF if _may_tell_trade(s) and any(
                t.flow == "total" for t in _topics(s.text)) else None
            if _may_set_scope(s):
                scope_at = i
            if (last_sides and i - last_sides_at <= _CARRY_SIDES_SENTENCES and len(doc.main_pair) == 2
                    and set(last_sides) != set(doc.main_pair) and _THE_TWO.search(s.text)):
                # "Iran's trade with Turkmenistan was worth $1.1 billion. The two countries' commission met ...
                # Officials agreed to lift annual trade to $3 billion": back to the article's two
                last_sides, last_sides_at = tuple(doc.main_pair), i
            continue
        topics = _topics(s.text)
        target_only = not topics and bool(s.amounts) and len(doc.main_pair) == 2
        if target_only:
            topics = _target_topic(s)
            target_only = bool(topics)     # (else a back-reference below may give the figure its topic)
        rank = _ranking_in(s, owner, ranking, i)
        if rank and s.amounts and not any(t.flow != "none" and t.start < s.amounts[0].start for t in topics):
            # "Brazil ranked second with $3.1 billion": the ranking is of trade partners
            cue = _PARTNER_OF.search(s.text) or _RANK_PLACE.search(s.text)
            topics = sorted(topics + [_Topic(rank[1], cue.start(), cue.end())], key=lambda t: t.start)
        whole_rows = prev_rows or (recent_rows[-1][1] if recent_rows and i - recent_rows[-1][0] <= 2
                                   and "accounted" in s.text and _PART_OF_WHOLE.search(s.text) else [])
        if (whole_rows or told_of) and (s.amounts or _change_of_own_period(s, whole_rows)):
            # (a change alone, "The figure fell 9%", is attached below instead)
            # "Trade collapsed in 2022. In 2024 it recovered to $41.5 million": the trade told of before
            # ("Trade reached $6.2 billion. <a sentence on the agreement> Russia accounted for $4.9
            # billion of the total": the whole may be told a sentence further back)
            topics = _with_anaphors(s.text, topics, whole_rows[-1] if whole_rows else told_of)
        told_of = None
        own_periods = [p for p in s.periods if _states_period(p) and not _bracket_label(s.text, p)]   # "down from the same period of 2023" states none
        if scope_at > (told[-1][1] if told else -10) and i - scope_at <= _CARRY_PERIOD_SENTENCES and (
                not own_periods or _SAME_PERIOD.search(s.text)):
            # its periods are read only now, when this sentence needs one (few sentences do)
            scope = _scope_period(doc.sentences[scope_at], doc.published)
            if scope:
                told.append((scope, scope_at))
            scope_at = -10
        last_period, last_period_at = _period_told(told, s.text)
        if "same" in s.text or "said" in s.text:
            last_period = _same_period_told_apart(doc, i, last_period_at) or last_period
        carry = last_period if i - last_period_at <= _CARRY_PERIOD_SENTENCES and not own_periods else None
        if i and not own_periods and _PART_OPENING.match(s.text):
            # "2.9 million tonnes of cargo were carried in January-November. Of this, exports to Iran
            # amounted to 1.5 million tonnes": the part is of the whole's period, whatever the whole was
            carry = _the_one_period(doc.sentences[i - 1]) or carry
        sides = last_sides if i - last_sides_at <= _CARRY_SIDES_SENTENCES else None
        subject = _pronoun_subject(doc.sentences[i - 1], s) if i and s.text.lstrip().startswith("It") else None
        if subject is None and last_sides and i - last_sides_at <= _LIST_REACH and _LIST_OPENING.match(s.text):
            subject = _list_subject(s, last_sides[0])
        if subject is None and (the := _THE_REGION.search(s.text)) and (region := doc.last_place(i, "region")):
            # "the province's total non-oil exports", "the province intends to raise its exports": the one named before
            subject = PlaceMention(region.code, the.start(), the.end(), the.group(), "name")
        if subject is None and (the := THE_BLOC.search(s.text)) and (bloc := doc.last_place(i, "bloc")):
            # "Iran's trade with the union's members rose 16%": the bloc named before
            subject = PlaceMention(bloc.code, the.start(), the.end(), the.group(), "name")
        sent_rows = _rows_for_sentence(doc, s, topics, last_period, carry, sides, subject, rank)
        recent_rows = [(j, r) for j, r in recent_rows if i - j <= _SHARE_OUT_SENTENCES]
        if (recent_rows or s.amounts and _BUYER_OF_WHOSE.search(s.text)) and (
                shares := _share_out_rows(doc, s, topics, [r for _, rs in recent_rows for r in rs], carry)):
            sent_rows = shares
        if recent_rows and i - recent_rows[-1][0] <= 2 and not _ALL_GOODS.search(s.text):
            _goods_told_before(sent_rows, recent_rows[-1][1])
        if target_only:
            for r in sent_rows:
                r["rule"] = _TARGET_NAMED
        if not sent_rows and not s.amounts:
            _attach_back_reference(s, prev_rows)
        # the latest period the sentence states carries on: "rose to $314m in 2022-23 from $262m in
        # 2021-22. Exports accounted for $113m of the total" is 2022-23
        dated = [r for r in sent_rows if r["period_start"] is not None and r["kind"] == "actual"]
        if "alone" in s.text and _ALONE_PERIOD.search(s.text):
            pass                   # "In April alone, ...": a part, not the period of what follows
        elif dated:
            latest = max(dated, key=lambda r: r["period_end"] or r["period_start"])
            told.append(((latest["period_start"], latest["period_end"]), i))
        elif (scope := _scope_period(s, doc.published)) is not None and not (
                doc.published and scope[1] >= doc.published
                and any(r["kind"] != "actual" and (r["period_start"], r["period_end"]) == scope for r in sent_rows)):
            # (not a forecast's own year: "is projected to exceed $700 million in 2026"; but "announced in 2008
            # that they wanted to lift trade to $10 billion. That year, ..." is 2008)
            told.append((scope, i))    # a figure not taken ("purchases totaled ... in 2023", world trade): its period
        elif own_periods and any(r["kind"] == "actual" for r in sent_rows):
            # "In January-March ..." with no year known: "in the quarter" is no earlier period (a target's
            # horizon, "to $1.5 billion by 2028", is none either)
            told.append((None, i))
        for r in sent_rows:
            if r["rule"] != "trade.share_out":      # (other buyers of the goods are no sides of what follows)
                last_sides, last_sides_at = (r["reporter"], r["partner"]), i
        if sent_rows:
            recent_rows.append((i, sent_rows))
        rows += sent_rows
        prev_rows = sent_rows
    rows += _grid_rows(doc)
    headline = _headline_period(doc)
    if headline:
        for r in rows:
            if r["period_start"] is None and r["period_end"] is None and r["kind"] == "actual":
                # "Uzbekistan's economy grows 6% in 2023 ... China remained its largest partner with
                # $13.7 billion": a figure with no period of its own is of the period the headline names
                r["period_start"], r["period_end"] = headline
    # a target named again without a word for trade ("Our presidents have set a goal of $3 billion.
    # Is it realistic?") is the one stated with it
    rows = [r for r in rows if r["rule"] != _TARGET_NAMED or not any(
        o["rule"] != _TARGET_NAMED and o["kind"] == "target" and (o["value"], o["unit"]) == (r["value"], r["unit"])
        for o in rows)]
    return _dedupe(rows)


_TARGET_NAMED = "trade.target_named"
_A_SHARE = re.compile(r"\bshare\b|\baccount(?:ed|s|ing)?\s+for\b", re.IGNORECASE)     # "Russia alone accounted for $3.2 billion of that"

# "Kazakhstan exported 118,400 tonnes of sunflower oil to Iran ... China remained the largest buyer,
# taking 205,000 tonnes, followed by Uzbekistan with 96,700 tonnes": the same goods shared out
# among other buyers (or suppliers), each figure right after its country
_SHARE_OUT_SENTENCES = 3
_OF_BEFORE = re.compile(r"\bof\s+$")
_BUYING = r"took|taking|takes|absorbed|absorbing|bought|buying"
_SUPPLYING = r"supplied|supplying|provided|providing"
_BUYERS = re.compile(rf"\b(?:{_BUYING})\b|\b(?:buyers?|destinations?|customers?|importers?)\b", re.IGNORECASE)
_SUPPLIERS = re.compile(rf"\b(?:{_SUPPLYING})\b|\b(?:suppliers?|sources?|exporters?)\b", re.IGNORECASE)
# between a country and its figure: "..., which took", "remained the largest buyer, taking", "with"
_SHARE_GAP = re.compile(rf"(?:\s*,)?\s+(?:(?:which|that|who)\s+)?(?:[\w-]+,?\s+){{0,10}}?(?:{_BUYING}|{_SUPPLYING}|with|at)?\s*|\s+",
                        re.IGNORECASE)


_BUYER_OF_WHOSE = re.compile(r"\b(?:buyers?|importers?|customers?)\s+of\s+(?P<who>[A-Z][\w-]+)\s+[a-z]")


def _share_out_rows(doc: DocContext, s: SentenceView, topics: list[_Topic], before: list[dict], carry) -> list[dict]:
    """Rows for a sentence that shares goods told just before (`before`: the rows of the last few
    sentences, latest last) out among other countries: each
    figure's country is the counterpart of the side that stays (the exporter for buyers, the
    importer for suppliers), with the goods and period of the figure told before. A sentence
    that opens with a trade word of its own ("Iran exported $1.29 billion ... one of the top
    destinations") tells its own trade."""
    if not s.amounts:
        return []
    buyers, suppliers = _BUYERS.search(s.text), _SUPPLIERS.search(s.text)
    if bool(buyers) == bool(suppliers):
        return []
    cues = [m.span() for m in (_BUYERS if buyers else _SUPPLIERS).finditer(s.text)]
    if any(not any(a <= t.start < b for a, b in cues) for t in topics if t.flow != "none" and t.start < s.amounts[0].start):
        return []
    out, since = [], 0
    goods = vocab.find_commodity(s.text)      # "the top market for Kazakh flour, having bought 1.9 million tonnes of it"
    for a in s.amounts:
        told = next((r for r in reversed(before) if r["flow"] in ("export", "import") and r["kind"] == "actual"
                     and (r["unit"] == "t") == (a.unit == "t")), None)
        if told is None and buyers and goods and (whose := _BUYER_OF_WHOSE.search(s.text, 0, a.start)):
            # "Uzbekistan remained the largest buyer of Kazakh flour, taking 164,000 tonnes": the
            # goods' country sells them, whatever was told before
            code = next((m.code for m in s.countries if m.start == whose.start("who")), None)
            own = next((p for p in s.periods if _states_period(p) and p.start_date), None)
            told = {"flow": "export", "reporter": code, "partner": None, "commodity": goods,
                    "period_start": own.start_date if own else None, "period_end": own.end_date if own else None} if code else None
        if told is None:
            return []
        exporter, importer = ((told["reporter"], told["partner"]) if told["flow"] == "export"
                              else (told["partner"], told["reporter"]))
        # ("Afghanistan remained the largest buyer of Kazakh flour, with ...": the goods' side is no buyer)
        named = [m for m in s.countries if since <= m.start and m.end <= a.start
                 and not (m.kind == "demonym" and m.code in (exporter, importer))]
        if not named or not _SHARE_GAP.fullmatch(s.text, named[-1].end, a.start):
            return []
        stays = exporter if buyers else importer
        if named[-1].code in (exporter, importer) or stays is None:
            return []
        if buyers and any(m.kind == "demonym" and m.code != exporter and _OF_BEFORE.search(s.text, max(0, m.start - 4), m.start)
                          for m in s.countries):
            return []     # "Uzbekistan bought $310 million worth of Iranian goods": other goods than those told
        flow = "export" if buyers else "import"
        unit = resolve_currency(a.unit, (stays, named[-1].code, *doc.main_pair))
        period = (told["period_start"], told["period_end"]) if told["period_start"] else carry or (None, None)
        # "Afghanistan still bought 1.3 million tonnes of Kazakh flour last year, down 18% from 2018": its own change
        upto = next((b.start for b in s.amounts if b.start > a.start), len(s.text))
        own = [c for c in s.changes if a.end <= c.start < upto and not _is_aim(c)]
        out.append(_row(doc, s, flow, stays, named[-1].code, a.value, unit, period, "actual",
                        own[0].pct if len(own) == 1 else None, goods or told["commodity"], a.approximate, "trade.share_out"))
        since = a.end
    return out


def _target_topic(s: SentenceView) -> list[_Topic]:
    """In an article about two countries, a target with no word for trade or anything else
    ("A long-standing target of $30 billion has still not been reached", "The $1 billion target
    set in 2018") is the pair's trade target."""
    a = s.amounts[0]
    cue = (_TARGET_OF_BEFORE.search(s.text, 0, a.start) or _TARGET_AFTER.match(s.text, a.end)
           or (_AIMED_AT_FIGURE.search(s.text, max(0, a.start - 60), a.start) if a.unit != "t" else None))
    return [_Topic("total", cue.start(), cue.end())] if cue else []


_TARGET_OF_BEFORE = re.compile(r"\b(?:target|goal)\s+of\s+$", re.IGNORECASE)
# a sum aimed at or expected with no other word for what it is: "we are aiming for at least $3 billion",
# "ministers have spoken of reaching $3 billion", "we expect to reach $1 billion", "our forecast for this
# year is around $500 million", "I expect the full-year result to be close to $600 million", "The
# ministry's forecast for the whole of 2026 is $450 million"
_AIMED_AT_FIGURE = re.compile(rf"\b(?:{_SPOKEN_OF}|aim(?:s|ed|ing)?\s+(?:for|at)"
                              r"|expects?\s+to\s+reach|forecast\s+for\s+(?:this|next|the)\s+(?:whole\s+(?:of\s+)?)?(?:year|[\w-]+\s+year|(?:19|20)\d\d)\s+is"
                              # "Our goal is to reach $2 billion in the next five years"
                              r"|(?:goal|aim|target|task)\s+is(?:\s+to\s+(?:reach|hit|achieve))?"
                              r"|expects?\s+(?:the|this\s+year's)\s+(?:full-year|annual|year-end)\s+(?:result|figure|total)\s+to\s+be)\s+$",
                              re.IGNORECASE)
_TARGET_AFTER = re.compile(r"\s+(?:(?:annual|bilateral|trade|turnover)\s+){0,2}(?:target|goal)\b", re.IGNORECASE)


def _headline_period(doc: DocContext) -> tuple | None:
    """The one period the headline states, if it states exactly one (of at most a year)."""
    stated = [p for s in doc.headline for p in s.periods
              if _states_period(p) and p.kind != "horizon" and p.start_date]
    if len({(p.start_date, p.end_date) for p in stated}) != 1:
        return None
    p = stated[0]
    return (p.start_date, p.end_date) if (p.end_date - p.start_date).days <= 366 else None


def _period_told(told: list[tuple[tuple | None, int]], text: str) -> tuple[tuple | None, int]:
    """The latest period told before, and where: of a length the sentence names if it names one
    ("in the nine months" after a figure for last year and one for January-September: the
    second), the latest otherwise. (None, at) when the latest such period is unknown."""
    n = _months_named(text)
    for period, at in reversed(told[-4:]):
        if n is None or period is None or _months_between(period) == n:
            return period, at
    return (told[-1] if told else (None, -10))


def _same_period_told_apart(doc: DocContext, i: int, last_period_at: int) -> tuple | None:
    """"the same period" told after a period that no trade figure took: "Investment reached $38 million
    in January-June 2022, while mutual trade over the same period grew 47 percent"; "Aktau handled 1.3
    million tonnes of cargo in January-July. Kazakhstan exported 480,000 tonnes to Iran in the same
    seven months" (of the length named, if one is)."""
    s = doc.sentences[i]
    same = _SAME_TOLD.search(s.text)
    if same is None:
        return None
    n = _months_named(s.text)
    fits = [(p.start_date, p.end_date) for p in s.periods if p.end <= same.start() and _states_period(p)
            and p.kind != "horizon" and p.start_date and (n is None or _months_between((p.start_date, p.end_date)) == n)]
    if fits:
        return fits[-1]
    if i and last_period_at < i - 1:
        before = _the_one_period(doc.sentences[i - 1])
        if before and (n is None or _months_between(before) == n) and not _to_come(before, doc.sentences[i - 1].text, doc.published):
            return before
    return None


_SAME_TOLD = re.compile(r"\b(?:during|in|over|for)\s+(?:the\s+same|the\s+said)\s+(?:[\w-]+\s+)?(?:period|months|quarter|half)\b",
                        re.IGNORECASE)
_N_MONTHS = re.compile(r"\bthe\s+(?:same\s+)?(?P<n>\w+)[\s-]months?\b|\bthe\s+(?:same\s+)?(?P<q>quarter|half)\b", re.IGNORECASE)


def _months_named(text: str) -> int | None:
    """"in the nine months", "over the same 10 months", "the seven-month period", "in the quarter": how many."""
    m = _N_MONTHS.search(text) if "month" in text or "quarter" in text or "half" in text else None
    if m is None:
        return None
    if m["q"]:
        return 3 if m["q"].lower() == "quarter" else 6
    word = m["n"].lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _months_between(period: tuple) -> int | None:
    start, end = period
    if start is None or end is None:
        return None
    # by days, not calendar months: the first nine Solar Hijri months (March 21-December 21) span
    # ten Gregorian months
    return round(((end - start).days + 1) / 30.44)


# "from 1.2 million tonnes a year earlier" with no period before it in the sentence: a comparison
_UNRESOLVED_BACK_REFERENCE = re.compile(r"\b(earlier|ago|before|previous|prior)\b", re.IGNORECASE)


# "... in Dey alone": a part of a period told before
_ALONE_AFTER = re.compile(r"\s+alone\b")
# ("In the month of Azar (November 22-December 21) alone")
_ALONE_PERIOD = re.compile(r"\b(?i:in|during|for)\s+(?:the\s+month\s+of\s+)?[A-Z][a-z]+\s+(?:\d{4}\s+)?(?:\([^()]{0,40}\)\s+)?alone\b")


def _states_period(p: PeriodMention) -> bool:
    """The period is the figure's own, not a comparison base."""
    return not p.is_comparison_base and not (
        p.kind == "relative" and p.start_date is None and _UNRESOLVED_BACK_REFERENCE.search(p.surface))


_DIGIT = re.compile(r"\d")
# every word _TRADE_TOPIC can start with (tests/test_extract_trade.py keeps the two in step)
_TRADE_WORDS = frozenset("""
export exports exported exporting exporter shipment shipments shipped supply supplies supplied supplying sold sells selling
deliveries delivered delivers delivering sales sent send sending dispatched ship import imports imported importing importer purchases purchased bought
buys buy sell trade turnover commerce commercial exchange commodity
""".split())
# Every word a _TRADE_TOPIC match can start with: _TRADE_WORDS and "traded", "exchanged", "take(s)", "took" (which
# need goods or a figure after them, so they are no figure-sentence prefilter words). Every
# alternative begins at \b with one of these words, whole: a first word is followed by \s+ or by
# the alternative's closing \b. A sentence without any of them tells no trade.
_TOPIC_START_WORDS = _TRADE_WORDS | {"traded", "exchanged", "take", "takes", "took"}
_TRADE_TOPIC_AT = whole_word_starts(_TOPIC_START_WORDS)


def _may_tell_trade(s: SentenceView) -> bool:
    return not (s.text.isascii() and _TOPIC_START_WORDS.isdisjoint(s.words))


def _may_set_scope(s: SentenceView) -> bool:
    """Cheap tests first: a digit (a period with none, "last year", is left alone) and a trade word."""
    return _may_tell_trade(s) and bool(_DIGIT.search(s.text))


_PART_OPENING = re.compile(r"\s*(?:of\s+(?:this|that|these|which|the\s+total|the\s+(?:latter|former)|it)\b)", re.IGNORECASE)


def _the_one_period(s: SentenceView) -> tuple | None:
    stated = [p for p in s.periods if _states_period(p) and p.kind != "horizon" and p.start_date]
    return (stated[0].start_date, stated[0].end_date) if len(stated) == 1 else None


def _scope_period(s: SentenceView, published=None) -> tuple | None:
    """The period a sentence without figures sets for the figures after it: "The committee has
    published foreign trade data for the first ten months of 2024. Below are the main indicators"."""
    if not _may_set_scope(s) or not _TRADE_TOPIC.search(s.text):
        return None
    period = _the_one_period(s)      # (of several periods, which one the figures below take is not said)
    if period is None or (period[1] - period[0]).days > 366:
        return None          # "a roadmap for trade cooperation for 2024-2026": a plan's years, not the data's
    return None if _to_come(period, s.text, published) else period


def _to_come(period: tuple, text: str, published) -> bool:
    """A period that starts after publication, told with no year ("is expected to visit Tehran next
    month"): no data's period yet (but a table titled "JANUARY-JUNE 2024" names its year)."""
    return published is not None and period[0] > published and not _HAS_YEAR.search(text)


# "In the first quarter, the figure reached $71.8 million": the flow of the figure told just before
# "Mutual trade amounted to $174.6 million in 2023. In the first seven months of 2024 it reached $112 million"
_TRADE_TOLD_OF = {"flow": "total", "commodity": None}
# ("Kazakhstan's share of that was $290 million", "The share of Kazakhstan in this amount": a part of it)
_ANAPHOR = re.compile(r"\b(the|this|that)\s+(figure|indicator)\b|\bshare\s+(?:of\s+(?:[\w-]+\s+){1,2}?)?(?:of|in)\s+(?:that|this|it)(?:\s+(?:amount|sum|figure|total|volume))?\b|\bof\s+(that|this|the)\s+(amount|sum|total(?!\s+(?:trade|turnover|exports?|imports?)))\b|\b(?P<worth>(?:their|its)\s+(?:value|worth)|the\s+value\s+of\s+(?:those|these|the|such)\s+"
                      r"(?:shipments|supplies|deliveries|exports|imports|purchases)|(?:the|these|those)\s+(?:shipments|supplies|deliveries)"
                      r"\s+(?:were\s+(?:worth|valued)|earned|fetched|brought\s+in)"
                      # "Iran imported 780,000 tonnes of wheat ... The grain was valued at about $221 million"
                      rf"|(?:the|these|those)\s+(?:{vocab.GOODS_TERMS})\s+(?:was|were)\s+(?:worth|valued))\b"
                      r"|\b(?P<it_to>(?:bring|raise|increase|take|lift|boost|push)\s+it\s+(?:up\s+)?to)\b"     # "our goal is to bring it to 1.5 million tonnes"
                      # ("It" alone: "It fell 11.4 percent to ..." has its change right after)
                      r"|\b[Ii]t(?=\s+(?:has\s+|had\s+)?(?:reached|stood|amounted|totall?ed|rose|grew|increased|fell|"
                      r"decreased|declined|dropped|came|hit|exceeded|surpassed|jumped|climbed|recovered|rebounded)\b"
                      # "In 2019 it was just $534 million" (not "It was the first visit")
                      r"|\s+was\s+(?:just|only|about|around|nearly|almost|roughly|still|down\s+to|up\s+to|back\s+to)?\s*(?:US)?[$€£\d])"
                      # "By weight, they amounted to 310,000 tonnes", "By weight, those shipments came to ...": the same goods in another measure
                      r"|(?P<measure>\b(?:by|in)\s+(?:weight|volume|value|tonnage)(?:\s+terms)?\s*,\s*(?:they|these|those)(?:\s+(?:shipments|supplies|deliveries|exports|imports|goods|sales))?\s+"
                      r"(?:amounted|reached|totall?ed|came|stood|were)\b)",
                      re.IGNORECASE)


# goods that open a sentence and are a part of the trade told before: "Wheat accounted for ..."
_GOODS_SUBJECT = re.compile(r"\s*[A-Z][\w-]*(?:\s+[\w-]+){0,2}?\s+(?:alone\s+)?accounted\s+for\b")
# one country's goods as a part: "Chinese goods accounted for", "Kazakh grain alone accounted for"
_GOODS_PART = re.compile(r"^\s*(?P<who>[A-Z][\w-]+)\s+(?:(?!alone\b|trade\b|turnover\b)[a-z][\w-]*\s+){1,2}"
                         r"(?:alone\s+)?accounted\s+for\b")


# "Italy has been the main beneficiary. Its trade with Algeria reached ...": the country the
# sentence before opened with
_PRONOUN_OPENING = re.compile(r"\s*(It|Its)\b")


# "Trade with Kyrgyzstan ...", "By comparison, turnover with Turkmenistan ...": no owner named
_LIST_OPENING = re.compile(r"(?:(?:By|For|In)\s+comparison,\s*|Meanwhile,\s*)?(?:Trade|trade|Turnover|turnover)\s+with\b")


# how many sentences back a list of partners ("For comparison, turnover with China stood at ...
# and with Russia at ...") finds the country whose figures were told before
_LIST_REACH = 4


def _list_subject(s: SentenceView, reporter: str) -> PlaceMention | None:
    """"Trade with Kyrgyzstan reached $1.9 billion, with Belarus – $1.2 billion": a list of the
    partners of the country the figures before were reported by (its opening word stands for it)."""
    partners = [m for m in s.countries if s.text[max(0, m.start - 5):m.start].lower() == "with "]
    if len(partners) < 2 or reporter in {m.code for m in s.countries}:
        return None
    opening = s.text.split()[0]
    return PlaceMention(reporter, 0, len(opening), opening, "demonym")


def _pronoun_subject(prev: SentenceView, s: SentenceView) -> PlaceMention | None:
    """A sentence opening "It"/"Its" after one whose subject is a country: that country, as a
    mention of the pronoun ("Its" as a possessive, which owns the flow)."""
    m = _PRONOUN_OPENING.match(s.text)
    if not m or not prev.countries:
        return None
    first = prev.countries[0]
    if first.kind != "name" or not re.fullmatch(r"\s*(the\s+)?", prev.text[:first.start], re.IGNORECASE):
        return None
    return PlaceMention(first.code, m.start(1), m.end(1), m.group(1), "demonym" if m.group(1) == "Its" else "name")


_TOPIC_OPENS = re.compile(r"\s*(?:the\s+)?$", re.IGNORECASE)     # the clause opens with its flow: ", while sales to ..."
_MAY_HAPPEN = re.compile(r"\b(?:can|could|will|would|should|may|might|must|expects?|expected|hopes?|aims?|plans?)\b", re.IGNORECASE)


def _change_of_own_period(s: SentenceView, prev_rows: list[dict]) -> bool:
    """"Trade fell to $546 million in 2016. In the first half of 2017 it recovered by 18 percent": a
    change of the trade told before, for a period of its own, is a figure of its own."""
    if not s.changes or not prev_rows or _MAY_HAPPEN.search(s.text, 0, s.changes[0].start):
        return False     # (not "this figure can easily be doubled next year")
    told = (prev_rows[-1]["period_start"], prev_rows[-1]["period_end"])
    return any(_states_period(p) and p.start_date is not None and (p.start_date, p.end_date) != told
               for p in s.periods)


def _with_anaphors(text: str, topics: list[_Topic], prev: dict) -> list[_Topic]:
    """Only before the sentence's own trade words: "exports made up most of the figure" is exports.
    "Coal exports totalled 69 million tonnes. Their value reached $7.4 billion": the value of
    the same goods."""
    found = []
    for m in _ANAPHOR.finditer(text):
        told_here = [t for t in topics if t.flow != "none" and t.start <= m.start()]
        if told_here and m.group("it_to"):
            # "trade totaled $2.6 billion, and the two countries aim to raise it to $5 billion": the trade of this sentence
            found.append(_Topic(told_here[-1].flow, m.start(), m.end(), told_here[-1].commodity))
        elif not told_here:
            # "Chinese goods accounted for $3.7 billion of the total": a part that is one side's goods is its exports
            part = _GOODS_PART.match(text, 0, m.start())
            flow = "export" if part and country_code(part["who"]) else prev["flow"]
            found.append(_Topic(flow, m.start(), m.end(), prev["commodity"] if m.group("worth") or m.group("measure") else None))
    goods = _GOODS_SUBJECT.match(text) if not found and not any(t.flow != "none" for t in topics) else None
    if goods and vocab.find_commodity(goods.group()):
        # "Wheat accounted for 1.27 million tonnes worth $198 million": the goods of the trade told before
        found.append(_Topic(prev["flow"], goods.start(), goods.end(), None))
    if not found:
        return topics
    # "the value of those shipments": the trade word inside the back-reference is part of it
    topics = [t for t in topics if not any(a.start <= t.start < a.end for a in found)]
    return sorted(topics + found, key=lambda t: t.start)


_CARRIED_BEFORE = re.compile(r"\b(?:transit|cargo|freight)\s+$", re.IGNORECASE)


def _topics(text: str) -> list[_Topic]:
    """Trade and non-trade topic words in order; adjacent trade words of one flow merge."""
    found: list[_Topic] = []
    for m in _NOT_TRADE_TOPIC.finditer_at(text, _NOT_TRADE_TOPIC_AT):
        found.append(_Topic("none", m.start(), m.end()))
    for m in _WORLD_TRADE.finditer(text) if _WORLD_TRADE_HINT.search(text) else ():
        if not _PAIR_BEFORE.search(text, 0, m.start()):
            found.append(_Topic("none", m.start(), m.end()))
    not_trade = list(found)
    if "inist" in text:
        not_trade += [_Topic("none", m.start(), m.end()) for m in _MINISTRY_OF_TRADE.finditer(text)]
    for m in _TRADE_TOPIC.finditer_at(text, _TRADE_TOPIC_AT):
        if any(t.start <= m.start() < t.end for t in not_trade):
            continue        # a trade word inside a non-trade phrase ("not counted as trade", "foreign trade")
        if _CARRIED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue        # "transit shipments through Iran": goods carried across, not traded with it
        flow = next(k for k in ("export", "import", "total") if m.group(k))
        found.append(_Topic(flow, m.start(), m.end()))
    found.sort(key=lambda t: t.start)
    merged: list[_Topic] = []
    for t in found:
        if merged and merged[-1].flow == t.flow and t.start - merged[-1].end <= 2:
            merged[-1].end = t.end
        else:
            merged.append(t)
    return merged


# between a volume and its value: " of wheat worth ", " valued at "
_WORTH_BETWEEN = re.compile(r"\s+(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:worth|valued\s+at)\s+")


_LABELLED_FIGURE = re.compile(r"\s*:\s")
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\s[^,;]*,")
# between a figure and the flow it names: "$322 million in Kazakh exports", "$190 million of imports"
_FLOW_OF_FIGURE = re.compile(r"\s+(?:in|of)\s+(?:[A-Z][\w-]*\s+)?(?:(?:annual|bilateral|mutual|two-way|yearly)\s+)?")   # "a target of $2 billion in annual trade"


def _topic_for(text: str, topics: list[_Topic], start: int, end: int) -> _Topic | None:
    """The topic a number at [start, end) is about: the nearest topic word before it,
    else a trade word just after it ("$3 billion in bilateral trade")."""
    after = [t for t in topics if t.start >= end and t.start - end <= 30]
    if after and after[0].flow != "none" and _FLOW_OF_FIGURE.fullmatch(text, end, after[0].start):
        return after[0]       # "..., including $322 million in Kazakh exports": the figure names its own flow
    if _LABELLED_FIGURE.match(text, end):
        # a fact box's line "$52 million: the value of Iranian tiles exported to Kazakhstan in 2023"
        told = next((t for t in topics if t.start >= end), None)
        if told is not None and told.flow != "none":
            return told
    before = [t for t in topics if t.end <= start]
    if len(before) >= 2:
        # "Iran's exports to Turkmenistan, which is its first trade partner in the region, were ...":
        # a word in an aside about a country is not the figure's topic
        aside = _RELATIVE_ASIDE.search(text, before[-2].end, start)
        if aside is not None and aside.start() <= before[-1].start and before[-1].end <= aside.end():
            return before[-2]
    if before:
        return before[-1]
    return after[0] if after else None


# "In total, ...", "overall": a figure for all goods
_ALL_GOODS = re.compile(r"\b(?:total|totals|overall|in\s+all|all\s+goods|combined)\b", re.IGNORECASE)


def _goods_told_before(rows: list[dict], before: list[dict]) -> None:
    """A tonnage that names no goods is of the goods the same two countries' figure just before
    named: "Kazakhstan could export up to 1.5 million tonnes of grain to Iran. In July-September,
    shipments to Iran totalled 310,000 tonnes" (of grain)."""
    if any(r["unit"] != "t" for r in rows):
        return        # (a value beside the tonnage, "318,000 tonnes of goods worth $196 million": all goods)
    for r in rows:
        if r["commodity"] is None:
            told = next((b for b in reversed(before) if b["commodity"] and not b["commodity"].startswith("non-")
                         and {b["reporter"], b["partner"]} == {r["reporter"], r["partner"]}), None)
            if told is not None:
                r["commodity"] = told["commodity"]


def _rows_for_sentence(doc: DocContext, s: SentenceView, topics: list[_Topic], last_period, carry,
                       sides, subject: PlaceMention | None = None, rank: tuple[str, str] | None = None) -> list[dict]:
    text = s.text
    groups: dict[int, tuple[_Topic, list[Amount], list[Change]]] = {}
    amounts = s.amounts
    for k, a in enumerate(amounts):
        t = _topic_for(text, topics, a.start, a.end)
        if t is None and k + 1 < len(amounts) and _WORTH_BETWEEN.fullmatch(text, a.end, amounts[k + 1].start):
            # "486.3 thousand tons of wheat worth $128.4 million were shipped": the value's topic
            t = _topic_for(text, topics, amounts[k + 1].start, amounts[k + 1].end)
        if t is None or t.flow == "none":
            continue
        groups.setdefault(t.start, (t, [], []))[1].append(a)
    for c in s.changes:
        t = _topic_for(text, topics, c.start, c.end)
        if t is None or t.flow == "none":
            continue
        groups.setdefault(t.start, (t, [], []))[2].append(c)
    if not groups:
        return []
    ordered = [groups[k] for k in sorted(groups)]
    rows: list[dict] = []
    for gi, (topic, amts, chgs) in enumerate(ordered):
        prev_end = max((x.end for x in ordered[gi - 1][1] + ordered[gi - 1][2]), default=0) if gi else 0
        win_start = min(prev_end, topic.start)
        group_subject, carried = subject, False
        win_end = ordered[gi + 1][0].start if gi + 1 < len(ordered) else len(text)
        if gi == 0:      # "Egyptian exports to Jordan ..., while Jordan's exports to Egypt amounted to $142m"
            before = [t for t in topics if t.end <= topic.start]
            brk = last_match(_NEXT_CLAUSE, text[before[-1].end:topic.start]) if before else None
            said = last_match(_SAID_THAT, text[:topic.start]) if not before else None
            if brk:
                win_start = before[-1].end + brk[1]
            elif said and any(said[1] <= m.start for m in s.countries if m.end <= topic.start):
                # "Speaking to Iran Daily, X said that Iranian exporters sent ...": the sides are the reported clause's
                win_start = said[1]
            elif (not before and (semi := text.rfind(";", 0, topic.start)) >= 0
                  and any(m.start > semi for m in s.countries)):
                # "Iran is Armenia's fourth largest partner after Russia, China and the UAE; the
                # country's trade with Russia reached $7.3 billion": the figure's own clause, when
                # it names a country ("...; its exports to its neighbour" is about the one before)
                win_start = semi + 1
            rel = last_match(_WITH_WHICH, text[win_start:topic.start])
            if rel:
                # "Russia came second after China, with which the turnover of Uzbekistan made up
                # $13.7 billion": the relative clause and the country it is about
                at = win_start + rel[0]
                named = [m for m in s.countries if m.end <= at]
                if named and not text[named[-1].end:at].strip():
                    win_start = named[-1].start
                    owner = _partner_owner(text, named[:-1])
                    if owner and not any(m.start > at for m in s.countries):
                        # "Russia is Kazakhstan's second partner after China, with which trade
                        # reached $43.8 billion": China's trade with the country whose partner it is
                        group_subject = PlaceMention(owner.code, at, at + 1, owner.surface, owner.kind)
        else:            # "exported $386 million to Azerbaijan, while imports from Azerbaijan ...": not its destination
            brk = last_match(_NEXT_CLAUSE, text[win_start:topic.start])
            if brk:
                win_start += brk[1]
            elif _AND_VERB_BEFORE.search(text, win_start, topic.start) and _VERB_TOPIC.fullmatch(text, topic.start, topic.end):
                # "Iran exported $218 million worth of goods to Kazakhstan and imported $357 million": the
                # same subject; the first verb's destination is no side of the second
                win_start = topic.start
            named = {m.code for m in s.countries if win_start <= m.start < win_end}
            if (brk and group_subject is None and rows and rows[-1]["flow"] == topic.flow and topic.flow in ("export", "import")
                    and len(named) == 1 and rows[-1]["reporter"] not in named and _TOPIC_OPENS.match(text, win_start, topic.start)):
                # "Iran's exports to Uzbekistan came to $254 million, while sales to Turkmenistan were worth
                # $612 million": the second flow has the first one's owner
                group_subject, carried = PlaceMention(rows[-1]["reporter"], topic.start, topic.start, "", "demonym"), True
        group = _group_rows(doc, s, topic, amts, chgs, win_start, win_end, last_period, carry, sides, group_subject,
                            rank[0] if rank and topic.flow == rank[1] else None)
        if group and carried:
            for r in group:      # (its goods too: "Iran's non-oil exports to Russia ..., while exports to Turkmenistan ...")
                r["commodity"] = r["commodity"] or rows[-1]["commodity"]
        if group and rows and not _ALL_GOODS.search(text):
            # "wheat exports reached 450,000 tonnes, and the target is to supply 1 million tonnes": of wheat
            # (not "Kazakh grain shipments to Iran ..., while Iranian exports to Kazakhstan ...": other goods)
            _goods_told_before(group, [r for r in rows if (r["flow"], r["reporter"]) == (group[0]["flow"], group[0]["reporter"])])
        if group:
            sides = (group[-1]["reporter"], group[-1]["partner"])
        dated = [r for r in group if r["period_start"] is not None and r["kind"] == "actual"]
        if dated:      # "... in 1401 reached $286 million, while imports stood at $19 million": the same period
            carry = (dated[-1]["period_start"], dated[-1]["period_end"])
            last_period = carry     # ("..., while its trade with Kazakhstan over the same twelve months ...")
        if dated and rows:
            # "exports reached $2.1 billion while imports stood at $1.8 billion in the January-September
            # period": a period told after the last figure dates the undated figures before it too
            last_amount = max((x.end for x in (*s.amounts, *s.changes)), default=len(s.text))
            if any(p.start >= last_amount and _states_period(p) for p in s.periods):
                for r in rows:
                    if r["period_start"] is None and r["period_end"] is None and r["kind"] == "actual":
                        r["period_start"], r["period_end"] = dated[-1]["period_start"], dated[-1]["period_end"]
        rows += group
    return rows


def _partner_owner(text: str, mentions: list[PlaceMention]) -> PlaceMention | None:
    """Of `mentions`, the country whose partners the sentence ranks ("Kazakhstan's second-largest
    trading partner"), if one."""
    return next((m for m in mentions if _PARTNER_OF.match(text, m.end)), None)


# "'s second-largest trading partner", "'s main partners"
_PARTNER_OF = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:partners?|(?P<export>export\s+(?:markets?|destinations?)|buyers?)"
                         r"|(?P<import>suppliers?|import\s+(?:sources?|partners?)))\b", re.IGNORECASE)
_RANKED_HINT = re.compile(r"artner|xport\s+(?:market|destination)|uyer|upplier|mport\s+(?:source|partner)")


def _ranked_flow(text: str, owner: PlaceMention) -> str:
    """The flow a ranking of `owner`'s partners is about: "Kenya's largest export market" is
    Kenya's exports, "its main supplier" its imports, "its largest partner" the trade of both."""
    m = _PARTNER_OF.match(text, owner.end)
    return "export" if m["export"] else "import" if m["import"] else "total"


# "X's trade with the five Central Asian republics": a country's trade with a group it does not name one by one
_TRADE_WITH_GROUP = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?P<flow>trade|turnover|exports|imports)\s+(?:with|to|from)\s+(?:the|its)\s+"
                               r"(?:[\w-]+\s+){0,3}(?:countries|republics|states|nations|neighbou?rs)\b", re.IGNORECASE)
# a place in a ranking: "China came second with ...", "and Kazakhstan third", "followed by Brazil"
_RANK_PLACE = re.compile(r"\b(?:came|ranked|ranks|ranking|was|is|placed|comes|stood)\s+(?:in\s+)?(?:second|third|fourth|fifth|next)\b"
                         r"|\b(?:was|is|remained)\s+(?:the\s+)?(?:top|largest|biggest|leading|main)\s+(?:trad(?:e|ing)\s+)?partner\b"
                         r"|\b(?:in|at|took)\s+(?:the\s+)?(?:second|third|fourth|fifth)\s+(?:place|position|spot)\b"
                         r"|\bfollowed\s+by\b", re.IGNORECASE)
_RANK_SENTENCES = 2
_AFTER_WORD = re.compile(r"\bafter\s+$", re.IGNORECASE)


def _ranking_in(s: SentenceView, owner: PlaceMention | None, ranking: tuple[str, str, int] | None,
                i: int) -> tuple[str, str] | None:
    """(the country whose partners the sentence ranks, the flow) if it ranks them: named in it
    ("Peru's main trade partners were Chile ($5 billion), Brazil ...") or in a sentence just
    before it ("Russia remained Tajikistan's largest trading partner. China came second with ...")."""
    if owner is not None:
        # (not "..., confirming Italy as Tunisia's leading supplier" after the figures)
        return (owner.code, _ranked_flow(s.text, owner)) if s.amounts and owner.start < s.amounts[0].start else None
    if ranking is not None and i - ranking[2] <= _RANK_SENTENCES and _RANK_PLACE.search(s.text):
        return ranking[0], ranking[1]
    return None


def _ranked_partner(s: SentenceView, owner: str, a: Amount, since: int) -> str | None:
    """In a ranking of `owner`'s partners, the partner a figure belongs to: the country named
    nearest before it, after the figure before it. In "second-largest partner after China, and
    trade between the two reached ..." China is only what it is compared with ("third, after
    China with $7.1 billion" is China's figure)."""
    named = [m.code for m in s.countries if since <= m.start and m.end <= a.start and m.code != owner
             and not (_AFTER_WORD.search(s.text, max(0, m.start - 7), m.start)
                      and _NEXT_CLAUSE.search(s.text, m.end, a.start))]
    return named[-1] if named else None


def _group_rows(doc, s: SentenceView, topic: _Topic, amts: list[Amount], chgs: list[Change],
                win_start: int, win_end: int, last_period, carry, prev_sides,
                subject: PlaceMention | None = None, rank_owner: str | None = None) -> list[dict]:
    text = s.text
    window = text[win_start:win_end]
    first_at = min((x.start for x in amts + chgs), default=win_end) - win_start
    if any(not (m.group().lower().endswith("of which") and m.start() < first_at) for m in _WORLD_SCOPE.finditer(window)):
        return []     # (not "exports to Kazakhstan, most of which travel by road, amounted to ...": told before the figure)
    # "..., with two-way trade of $205 billion in 2024, and Korean firms have moved ...": a country
    # in a clause after the last figure is not one of its sides
    last_figure = max((x.end for x in amts + chgs), default=win_start)
    brk = _NEXT_CLAUSE.search(text, last_figure, win_end) or (
        _FOLLOWED_BY.search(text, last_figure, win_end) if "followed" in text else None)
    sides_end = brk.start() if brk else win_end
    # a province or region before the figure trades as its country ("Golestan province exported $86 million
    # to Kazakhstan"; not "48,500 tonnes, most of them from orchards in Gilan")
    first_figure = min((x.start for x in amts + chgs), default=win_end)
    regions = [PlaceMention(m.code, m.start, m.end, m.surface, "name") for m in s.places
               if m.kind == "region" and m.end <= first_figure]
    mentions = sorted((m for m in ([subject] if subject else []) + s.countries + regions
                       if win_start <= m.start and m.end <= sides_end), key=lambda m: m.start)
    shifted = [type(m)(m.code, m.start - win_start, m.end - win_start, m.surface, m.kind) for m in mentions]
    reporter, partner = _sides(doc, topic.flow, window, shifted, prev_sides, s.table is not None)
    ranked = rank_owner and amts and _ranked_partner(s, rank_owner, amts[0], win_start)
    if ranked:
        reporter, partner = rank_owner, ranked
    if reporter is None or partner is None:
        return []          # a figure whose two sides are not both known is no relation between countries
    # "..., mainly because of lower purchases of oil products": why, not what (but "driven by natural
    # gas, imports of which amounted to ...": the goods of the figure after it)
    cause = _CAUSE.search(window, max(0, topic.start - win_start))
    # "rose to R376bn in 2023, even as shipments of coal began to slow": goods of a later clause are not its own
    later = _LATER_CLAUSE.search(text, last_figure, win_end)
    goods_end = min(cause.start() if cause else len(window), later.start() - win_start if later else len(window))
    commodity = topic.commodity or vocab.find_commodity(window[:goods_end])
    # "exports reached $240 million, of which agricultural goods made up $190 million": the goods
    # named for the part are the part's, not the whole's
    part = _PART_AFTER.search(text, amts[0].end, amts[-1].start) if len(amts) > 1 and commodity else None
    whole_commodity = (topic.commodity or vocab.find_commodity(text[win_start:part.start()])) if part else commodity
    changes_left = list(chgs)
    measures = {c: _measures(text, c) for c in chgs}
    rows = []
    periods = [p for p in s.periods if win_start <= p.start and p.end <= win_end
               and not _WHEN_SAID.search(text, win_start, p.start)]
    prev_amount_end = win_start
    own_clause: list[Change] = []
    # "1.6 trillion soums (around $124 million)": the same figure in another currency; "$78 per
    # barrel": a price. Neither is a figure of the trade (a change beside a price is the trade's own)
    prices = [a for a in s.amounts if _PRICE.match(text[a.end:])]
    amts = [a for a in amts if a not in prices and not _PRICE_OF_ONE.search(text, 0, a.start) and not any(
        _RESTATED.fullmatch(text, b.end, a.start) for b in s.amounts if b.end <= a.start and b.unit != a.unit)
        # "averaged $245 per tonne, compared with $212 a year earlier": the base of a price is one too
        and not (any(b.end <= a.start and b.unit == a.unit for b in prices) and _BASE_OR_AGAINST_BEFORE.search(text, 0, a.start))]
    each_to_own = _own_destinations(s, amts, reporter) if topic.flow in ("export", "import") and len(amts) > 1 else {}
    row_of: dict[Amount, dict] = {}
    for a in amts:
        # a qualifier is part of the amount, yet may end the words that make it a target ("bring ... up to")
        clause = _clause_start(text, win_start, min(topic.start, a.start), prev_amount_end)
        kind = _kind(text[clause:a.start] + (f" {a.qualifier} " if a.qualifier else ""), text[a.end:], doc.published)
        if kind != "actual" and _BASE_BEFORE.search(text, 0, a.start) and _own_period(a, periods, text, horizons=False):
            kind = "actual"      # "to bring trade to $10 billion by 2030, up from $4.4 billion last year": the base is a result
        elif kind == "actual" and rows and rows[-1]["kind"] != "actual" and _AND_TO_BETWEEN.fullmatch(text, prev_amount_end, a.start):
            kind = rows[-1]["kind"]     # "to raise turnover to $1 billion within three years and to $3 billion in the longer term"
        sides = (reporter, partner)
        if ranked and rows:
            sides = (rank_owner, _ranked_partner(s, rank_owner, a, prev_amount_end) or partner)
        elif topic.flow == "total" and rows:
            # "trade with Uzbekistan reached $650 million, and with Turkey $820 million": the country
            # named between the two figures is the second one's partner
            between = {m.code for m in s.countries if prev_amount_end <= m.start and m.end <= a.start}
            if len(between) == 1 and not between & {reporter, partner}:
                keep = next((c for c in (reporter, partner) if c in doc.main_pair), reporter)
                sides = (keep, between.pop())
        elif topic.flow in ("export", "import") and each_to_own:
            sides = (reporter, each_to_own[a])
        prev_amount_end = a.end
        # "a 9% rise in weight and a 15% growth in value": each change to the figure it measures
        change = _nearest([c for c in changes_left if measures[c] in (None, a.unit == "t")
                           and not (_is_aim(c) and (a.end <= c.start or kind == "actual"))], a)
        if change is not None and measures[change] is None and any(a.start < b.start and b.end <= change.start and not (
                a.unit == "t" and _VOLUME.search(text, b.end, change.end)) for b in amts):
            change = None     # "318,000 tonnes worth $196 million, a 4.5% decrease": the value's change
        if change is not None and _in_own_clause(text, a, change, periods):
            own_clause.append(change)
            change = None
        if change is not None:
            changes_left.remove(change)
        period = _period_for(a, amts, periods, kind, text, last_period, (reporter, partner), doc.published)
        if period is _SKIP:
            continue
        if period == (None, None) and kind == "actual" and carry:
            period = carry
        unit = resolve_currency(a.unit, (*sides, *doc.main_pair))
        if unit is None:
            continue          # "manat" in an article about neither Azerbaijan nor Turkmenistan
        # "aim to triple trade to $1.5 billion": the aim's figure is the target, with no change of its own
        pct = change.pct if change is not None and not _is_aim(change) else None
        rows.append(_row(doc, s, topic.flow, *sides, a.value, unit, period, kind, pct,
                         _goods_after(text, a, whole_commodity if part and a.end <= part.start() else commodity)
                         if len(amts) > 1 else commodity or vocab.goods_right_before(text, a.start), a.approximate, "trade.amount"))
        row_of[a] = rows[-1]
    for b, a in zip(amts, amts[1:]):
        if b in row_of and a in row_of and b.unit != a.unit and _OR_RESTATED.fullmatch(text, b.end, a.start):
            pct = row_of[b]["change_pct"] if row_of[b]["change_pct"] is not None else row_of[a]["change_pct"]
            row_of[b]["change_pct"] = row_of[a]["change_pct"] = pct
    if not amts and _COUNTED_THINGS.search(window):
        return rows        # "cattle shipments fell by a fifth to 380,000 head": a count, not a trade value
    for c in changes_left if not amts else [c for c in changes_left if c in own_clause or _is_aim(c)
                                            or _in_own_clause(text, amts[-1], c, periods)]:
        kind = _kind(text[win_start:c.start])
        if kind == "actual" and _is_aim(c):
            kind = "target"      # "hope to double exports": an aim, unless "expected to double" makes it a forecast
        period = _period_for(c, [], periods, kind, text, last_period, (reporter, partner), doc.published)
        if period is _SKIP or period == (None, None):
            period = carry if kind == "actual" and carry else (None, None)
        rows.append(_row(doc, s, topic.flow, reporter, partner, None, None, period, kind, c.pct,
                         commodity, False, "trade.change_only"))
    return rows


def _own_destinations(s: SentenceView, amts: list[Amount], reporter: str) -> dict:
    """"Iran exported $487 million worth of goods to Russia, $214 million to Armenia and $176 million to
    Kazakhstan": each figure's own destination (or origin, "from"), when every figure names one."""
    own = {}
    for a, after in zip(amts, [b.start for b in amts[1:]] + [len(s.text)]):
        to = next((c for c in s.countries if a.end <= c.start < after and c.code != reporter
                   and _TO_OWN_COUNTRY.fullmatch(s.text, a.end, c.start)), None)
        if to is None:
            return {}
        own[a] = to.code
    return own if len(set(own.values())) == len(own) else {}


_TO_OWN_COUNTRY = re.compile(r"\s+(?:worth\s+of\s+(?:[\w-]+\s+){0,2})?(?:to|from)\s+(?:the\s+)?")
_PART_AFTER = re.compile(r",\s*(?:of\s+which|of\s+this|of\s+that|including)\b", re.IGNORECASE)
# "95,000 tonnes of wheat and 12,000 tonnes of barley": the goods named right after each figure
_OF_GOODS_AFTER = re.compile(r"\s+of\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}")


def _goods_after(text: str, a: Amount, commodity: str | None) -> str | None:
    """The goods named right after a figure, or right before it ("wheat – 297,000 tonnes"), else
    those of its group (find_commodity reads the word after "tonnes of" as goods, known to its
    list or not)."""
    m = _OF_GOODS_AFTER.match(text, a.end)
    return ((vocab.find_commodity(f"tonnes{m.group()}") if m and a.unit == "t" else None)
            or vocab.goods_right_before(text, a.start) or commodity)


def _sides(doc: DocContext, flow: str, window: str, mentions, prev: tuple | None = None,
           in_table: bool = False) -> tuple[str | None, str | None]:
    """(reporter, partner) per the contract: exporter for exports, importer for imports.

    `prev` is the (reporter, partner) of the figure stated just before, which supplies a side
    the text leaves unsaid; failing that, the other country of the article's main pair."""
    part = _PART_OF_WHOLE.search(window) if "accounted" in window else None
    if part:
        sides = _part_of_whole_sides(part, mentions, prev, flow)
        if sides:
            return sides
    roles = assign_roles(window, mentions)
    if flow == "total":
        if len(doc.main_pair) == 2 and _BILATERAL.search(window) and (
                # "Bilateral trade is projected to hit $3bn once the Lamu Port-South Sudan-Ethiopia corridor is
                # complete": the two countries of the article; a country merely named is no side
                not (roles.pair or roles.owner or roles.partner or roles.dest or roles.origin)
                and not set(roles.others) <= set(doc.main_pair)
                # "Kazakh officials want bilateral trade to reach $2 billion, while Iranian experts ...": the
                # article's two countries, whoever of them speaks (not the figure told before's other side)
                or set(roles.pair + roles.owner + roles.partner + roles.others + roles.dest + roles.origin
                       + roles.speakers) == set(doc.main_pair)):
            return doc.main_pair[0], doc.main_pair[1]
        if len(roles.pair) >= 3 and len(doc.main_pair) == 2 and set(doc.main_pair) <= set(roles.pair):
            # "the Uzbekistan-Afghanistan-Pakistan railway": three countries in a name are no two sides
            return doc.main_pair[0], doc.main_pair[1]
        parties = roles.pair or (roles.owner + roles.partner + roles.others + roles.dest + roles.origin)
        parties = list(dict.fromkeys(parties))
        if len(parties) >= 2:
            return parties[0], parties[1]
        if len(parties) == 1:
            p = parties[0]
            if _one_countrys_total(window) and p not in roles.partner:     # (not "our trade with Chile")
                return p, None
            speakers = set(roles.speakers) - {p}
            if roles.partner == [p] and len(speakers) == 1 and _SPEAKER_OPENS.match(window):
                # "Iranian officials have set a goal of doubling trade with the EAEU": the speakers' trade
                return speakers.pop(), p
            if prev and p in prev:
                return p, _other(prev, p)
            if prev and _A_SHARE.search(window) and any(c in BLOCS for c in prev) and not all(c in BLOCS for c in prev):
                # "Iran's trade with the EAEU reached $4.3 billion. Kazakhstan's share of that was about $290
                # million": a member's part of the bloc's trade, with the bloc's partner
                return p, next(c for c in prev if c not in BLOCS)
            if prev and roles.partner == [p] and p not in prev:     # "..., while trade with Belarus ..."
                if _ITS_FLOW.search(window):
                    return prev[0], p        # "Kazakhstan's trade with Turkmenistan ..., while its turnover with Iran ..."
                return next((c for c in prev if c in doc.main_pair and c != p), prev[0]), p
            if len(doc.main_pair) == 2 and p not in doc.main_pair and _THE_COUNTRYS.search(window):
                return doc.main_pair[0], p     # "the country's trade with Russia": the country the article is about
            return p, doc.other_side(p)
        if _one_countrys_total(window) and not in_table and not (prev and (_PAIR_TOTAL.match(window) or not mentions)):
            # "the country's total trade turnover reached $2.3 billion": its trade with everyone (but
            # "Total trade   56.8" under "MALAYSIA-INDONESIA TRADE" is the table's pair, and so are
            # "Total trade thus stood at ..." after the pair's exports and imports and "In 2023 total
            # trade came to $356.9 million" naming no country after the pair's figure)
            return None, None
        if prev and not ((_BILATERAL.search(window) or _THE_TWO.search(window)) and len(doc.main_pair) == 2):
            return prev        # (but "bilateral trade", "the two governments intend to bring trade to" after a third country's figure is the article's pair)
        pair = doc.main_pair
        if len(pair) == 2 and (not roles.speakers or set(roles.speakers) <= set(pair) or _BILATERAL.search(window)):
            return pair[0], pair[1]
        return None, None
    # a country named again without a telling word ("leaving Japan with ...") is no new side
    others = [c for c in roles.others if c not in roles.owner + roles.origin + roles.dest + roles.partner + roles.pair]

    def ends(owner: list[str]) -> tuple[str | None, str | None]:
        """(exporter, importer), taking `owner` as the countries whose flow it is."""
        if flow == "export":
            return (_first(owner, roles.origin, roles.pair[:1], others),
                    _first(roles.dest, roles.partner, roles.pair[1:2]))
        if roles.dest and owner and not roles.origin and roles.dest[0] not in owner:
            return owner[0], roles.dest[0]     # "Ukrainian grain imports into Poland": goods of the first, bought by the second
        return _first(roles.origin, roles.partner, roles.pair[1:2]), _first(owner, roles.dest, roles.pair[:1], others)

    exporter, importer = ends(roles.owner)
    if _ONE_COUNTRY_SCOPE.search(window) and not (roles.dest or roles.origin or roles.partner or roles.pair):
        return None, None
    if (roles.owner and not (roles.dest or roles.origin or roles.partner or roles.pair)
            and not (prev and roles.owner[0] in prev) and not _PARTNER_WORD.search(window)):
        return None, None   # "Türkiye's exports hit a record $255.8 billion": its exports to everyone
    if exporter is None and importer is None:
        return prev if prev else (None, None)
    if exporter == importer and roles.owner:
        # "Imports from Uganda rose ... as Uganda shipped more milk": the subject of a later clause is no owner
        exporter, importer = ends([])
    if exporter == importer:
        return None, None
    if prev and (exporter is None or importer is None) and (exporter or importer) in prev:
        known = exporter or importer
        exporter, importer = (known, _other(prev, known)) if exporter else (_other(prev, known), known)
    exporter = exporter or doc.other_side(importer)
    importer = importer or doc.other_side(exporter)
    return (exporter, importer) if flow == "export" else (importer, exporter)


_FLOW_WORD = re.compile(r"\b(?:exports?|imports?|trade|turnover|shipments|sales|supplies|deliveries)\b", re.IGNORECASE)
# "Russia alone accounted for $820 million of that amount", "Uzbek cars accounted for $18 million of
# Azerbaijan's imports": a part of a whole, told before or owned by the country named after it
_PART_OF_WHOLE = re.compile(
    r"\baccounted\s+for\s+[^,;]{1,40}?\s+of\s+(?:(?:that|this|the|those|these)\s+(?:total\s+)?"
    r"(?:amount|figure|sum|total|turnover|trade|imports|exports|volume|value)|(?P<owner>[\w-]+['’]s\s+"
    r"(?:total\s+)?(?:imports|exports|trade|turnover)))\b"
    # "Of that amount, Kazakhstan accounted for $782.4 million and Russia for about $1.7 billion"
    r"|(?P<lead>^\s*of\s+(?:that|this|the)\s+(?:amount|figure|sum|total),\s+[^,;]{1,40}?(?=\baccounted\s+for\b))", re.IGNORECASE)


def _part_of_whole_sides(part: re.Match, mentions, prev: tuple | None, flow: str) -> tuple[str, str] | None:
    """(reporter, partner): the country named before the verb is the whole owner's counterpart;
    the owner is the one named after it, else the reporter of the figure told before. Exports of
    the part's goods ("Chinese goods accounted for $3.7 billion of the total") are its own."""
    verb = part.end() if part.group("lead") else part.start()     # where "accounted for" is
    before = [m for m in mentions if m.end <= verb]
    if not before:
        return None      # "Sistan and Baluchestan alone accounted for ...": a province, not a country
    whole = [m.code for m in mentions if part.group("owner") and m.start >= part.start("owner")]
    counterpart = before[-1]
    # ("Iran's trade with the EAEU reached $6.2 billion. Russia accounted for $4.9 billion of the
    # total": the bloc's member trades with the bloc's counterpart)
    bloc_whole = prev and any(c in BLOCS for c in prev) and counterpart.code not in BLOCS
    owner = whole[0] if whole else next((c for c in prev if c not in BLOCS), None) if bloc_whole else prev[0] if prev else None
    if not owner or owner == counterpart.code or _FLOW_WORD.search(part.string, counterpart.end, verb):
        return None      # (but "Iran's exports accounted for $79 million of the total": the flow's own sides)
    return (counterpart.code, owner) if flow == "export" and counterpart.kind == "demonym" else (owner, counterpart.code)


# a sentence whose subject is a country's speakers: "Iranian officials have set a goal of ...",
# "Chile's trade ministry expects ..."
_SPEAKER_OPENS = re.compile(r"\W*(?:the\s+)?[A-Z][\w-]+(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:officials|ministers?|ministry|government|"
                            r"authorities|diplomats?|ambassador|delegation|side)\b")
_ITS_FLOW = re.compile(r"\bits\s+(?:[\w-]+\s+)?(?:trade|turnover|exports|imports)\b", re.IGNORECASE)


def _one_countrys_total(window: str) -> bool:
    """"Kazakhstan's total trade turnover", with no word for a partner ("with the kingdom",
    "between the two neighbours"): one country's trade with everyone."""
    return bool(_SINGLE_COUNTRY_TOTAL.search(window)) and not (_PARTNER_WORD.search(window) or _TWO_OF_THEM.search(window))


def _other(pair: tuple, code: str) -> str | None:
    return pair[1] if pair[0] == code else pair[0]


def _first(*lists: list[str]) -> str | None:
    for lst in lists:
        if lst:
            return lst[0]
    return None


# "..., the statistics bureau said earlier this month": when the figure was told, not its period
_WHEN_SAID = re.compile(r"\b(?:said|says|reported|announced|disclosed|told\s+\w+)\s+(?:earlier\s+|late\s+)?$", re.IGNORECASE)
# "down from 1.2 million tonnes a year earlier": an earlier value's own period, told against the one before
_A_YEAR_EARLIER = re.compile(r"a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|preceding)\s+year", re.IGNORECASE)
# "up from $300 million", "compared with $1.2 billion" (and "against", in _period_for): an earlier value
_BASE_WORDS = r"\b(?:up|down)\s+from\s*$|\bcompared\s+(?:to|with)\s*$"
_BASE_BEFORE = re.compile(_BASE_WORDS, re.IGNORECASE)
_BASE_OR_AGAINST_BEFORE = re.compile(_BASE_WORDS + r"|\bagainst\s*$", re.IGNORECASE)
# "will rise to $4 billion ..., from $2.7 billion in 2018": an earlier value, a figure of the period told with it
_COMMA_FROM_BEFORE = re.compile(r",\s*from\s+(?:well\s+)?$")
# "increased 1.8 times to reach $580 million": a change that happened, not an aim
_REACHED = re.compile(r"\b(increased|grew|grown|rose|risen|jumped|climbed|surged|expanded|soared|went\s+up|doubled|tripled)\b"
                      r"(?:[^.;]|\.\d){0,60}\bto\s+reach\s*$", re.IGNORECASE)


# "by 2030", "by the end of 2025" (the year: group 1)
_BY_YEAR = re.compile(r"by\s+(?:the\s+end\s+of\s+)?(20\d\d)\b", re.IGNORECASE)
_HAD_AFTER = re.compile(r"[\s,]*(?:[\w-]+\s+){0,3}had\b", re.IGNORECASE)     # "by 2020 it had shrunk": told as past
_AND_TO_BETWEEN = re.compile(r"[^.;$]{0,40}?\b(?:and|or)\s+(?:then\s+|eventually\s+|later\s+)?to\s*", re.IGNORECASE)
# "... to $150 billion by 2030": a goal for a year
_BY_YEAR_AFTER = re.compile(r"\s+" + _BY_YEAR.pattern, re.IGNORECASE)


# Where the clause of a figure starts: "..., noting that exports grew 2.5-fold to $61 million"
# takes no target from "the ministry wanted to ..." before it.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:noting|adding|saying|stressing|while|whereas|but)\b"
                           r"|\b(?:noted|said|added|stressed|noting|adding|saying)\s+that\b", re.IGNORECASE)


def _clause_start(text: str, win_start: int, topic_start: int, prev_amount_end: int) -> int:
    """Where the words that tell a figure's kind begin: after the figure before it in the group
    ("expected to reach $40 billion ... a new target of $80 billion"), and after the last clause
    break before its topic word."""
    start = max(win_start, prev_amount_end)
    for m in _CLAUSE_BREAK.finditer(text, start, topic_start):
        if m.group() == ":" and m.start() <= 60 and not _DIGIT.search(text, 0, m.start()) and ":" not in text[:m.start()]:
            continue     # "Goal set by the two presidents: $10 billion": a label, the subject of what follows
        start = m.end()
    return start


# "hope to double exports this year, after they fell to $172 million in 2019": what happened, after the aim
_AFTER_IT_HAPPENED = re.compile(r",\s*after\s+(?:they|it|which|(?:the\s+)?(?:trade|turnover|exports|imports|shipments|sales))\s+"
                                r"(?:had\s+)?(?:fell|fallen|rose|risen|dropped|declined|grew|grown|increased|decreased|"
                                r"slumped|plunged|reached|totall?ed|amounted|came|stood)\b", re.IGNORECASE)


def _kind(before: str, after: str = "", published=None) -> str:
    happened = last_match(_AFTER_IT_HAPPENED, before)
    if happened is not None:
        before = before[happened[0]:]
    if _REACHED.search(before):
        return "actual"
    forecast = last_match(_FORECAST, before)
    target = last_match(_TARGET, before)
    if target is not None and (past := _BY_YEAR.fullmatch(before, *target)) and (
            published is not None and int(past.group(1)) < published.year or _HAD_AFTER.match(before, target[1])):
        target = None      # "by 2017 it had shrunk to roughly $500 million", written later: what happened by then
    if forecast is not None or target is not None:
        # the cue nearest the figure; "expected to reach" is one forecast cue, not a target's "to reach"
        if target is None or (forecast is not None and target[0] < forecast[1] and not (target[0] < forecast[0] and target[1] >= forecast[1])):
            return "forecast"
        return "target"
    if _TARGET_AFTER.match(after):
        return "target"    # "a $5 billion trade target"
    by_year = _BY_YEAR_AFTER.match(after)
    if by_year and (published is None or int(by_year.group(1)) > published.year):
        return "target"    # "... $150 billion by 2030" written in 2024; "by 2023" written later is a result
    return "actual"


# "..., with turnover of USD 7.9 bn, followed by Russia, Kazakhstan and Türkiye": a ranking, no sides
_LATER_CLAUSE = re.compile(r",\s*(?:even\s+)?as\b|,\s*(?:while|whereas|but|although|though)\b|;"
                           # "$121.8 million, most of which were re-exported cars": what it was made of, not its goods
                           rf"|,\s*(?:mostly|mainly|chiefly|{_MOST_OF}\s+of\s+(?:which|it|them))\b"
                           r"|\s(?:if|unless)\s"      # "could exceed $350 million if the planned supplies of grain are carried out"
                           # "..., with German imports of Kazakh crude oil accounting for the bulk of it"
                           r"|,\s*with\s+[^,;]{0,80}?\baccounting\s+for\s+(?:the\s+bulk|most|much|the\s+majority|the\s+lion['’]s\s+share)\b")
_FOLLOWED_BY = re.compile(r",\s*followed\s+by\b", re.IGNORECASE)
# ", and in the first half of this year it grew by 18 percent": a clause of its own
# (a reason after the figure: "fell to 275,000 tonnes because of lower Iranian state purchases")
_NEXT_CLAUSE = re.compile(r",\s*a\s+(?:figure|level|sum|result)\s+(?:that|which)\b|"      # "..., a figure that would still fall short of the levels seen before US sanctions"
                          r",\s*which\s+(?:was|is|marks|marked|represents|represented)\s+the\s+(?:\w+\s+){0,2}(?:level|figure|value|result)\b|"   # "..., which was the lowest level in ten years"
                          r",\s*(and|while|but|whereas|although|though|citing|making|cementing|reflecting|underscoring|highlighting|replacing|"
                          r"urging|calling\s+(?:on|for)|warning)\b|;|,\s*(?:[\w.]+\s+){0,4}?(?:adding|noting|saying|stressing)\s+that\b"
                          r"|\s(?:because\s+of|due\s+to|owing\s+to|thanks\s+to|amid)\s|,\s*(?:provided\s+(?:that\s+)?|as\s+long\s+as\s|unless\s|if\s)"
                          # "..., as Iranian state buyers turned to Russian supplies": why, in a clause of its own
                          r"|,\s*as\s+(?!well\b|much\b|part\b|a\s+result\b)(?:[\w-]+\s+){1,4}?(?:[a-z]+ed|held|bought|sought|began|cut|fell|rose|grew)\b"
                          # "... amounted to $414 million and in January-April of this year it increased by 23 percent"
                          r"|\s+and\s+(?:that\s+)?(?:in|during)\s+(?=(?:the\s+)?(?:first|second|third|same|last|past|(?:19|20)\d\d|"
                          r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b)")
_SAID_THAT = re.compile(r"\b(?:said|says|noted|stressed|added|told\s+[\w\s]{1,30}?)\s+that\b", re.IGNORECASE)
# "the country's trade with Russia": the country the article is most about
_THE_COUNTRYS = re.compile(r"\bthe\s+(?:country|republic|kingdom)['’]s\b", re.IGNORECASE)
# "the province's exports", "the region's trade with Iran": the province or region named before
_THE_REGION = re.compile(r"\b[Tt]he\s+(?:province|region|oblast)(?:['’]s)?(?=\s)")
# "... to Kazakhstan and imported $357 million": a second verb with no subject of its own
_AND_VERB_BEFORE = re.compile(r"\sand\s+(?:also\s+)?$")
_VERB_TOPIC = re.compile(r"(?:imported|exported|bought|purchased|sold|shipped|supplied)", re.IGNORECASE)
# "..., with which", "..., with whom": a relative clause about the country just named
_WITH_WHICH = re.compile(r",\s*with\s+wh(?:ich|om)\b", re.IGNORECASE)


_AND_VERB = re.compile(r"\s+(?:and|but)\s+(?:then\s+|has\s+|have\s+|had\s+)?(?:grew|grown|rose|risen|increased|climbed|jumped|fell|fallen|"
                       r"dropped|declined|decreased)\b")     # ("... in 2013 but has dropped by a quarter in January-September")


def _in_own_clause(text: str, a: Amount, c: Change, periods: list[PeriodMention]) -> bool:
    """A change after the amount, past a clause break, whose clause states its own period:
    "turnover last year was $710 million, and in the first half of this year it grew by 18
    percent" is two facts, not a change of the $710 million."""
    if c.start < a.end:
        return False
    brk = _NEXT_CLAUSE.search(text, a.end, c.start)
    if brk is not None and any(brk.end() <= p.start and p.end <= c.start for p in periods):
        return True
    # "grew by 42 percent in 2021 to $1.1 billion, and rose by another 14 percent in January-April
    # this year": the clause's period right after its change, not one told before
    if brk is not None and any(0 <= p.start - c.end <= 8 and _states_period(p) and all((o.start_date, o.end_date) != (p.start_date, p.end_date)
                                                               for o in periods if o.end <= c.start) for p in periods):
        return True
    # "reached $553 million last year and grew by a further 9% in the first five months of 2025":
    # a second verb whose change is told with a period of its own, after one told with the amount
    verb = _AND_VERB.search(text, a.end, c.end)
    return verb is not None and any(a.end <= p.start and p.end <= verb.start() for p in periods) and any(
        0 <= p.start - c.end <= 8 for p in periods)


def _nearest(changes: list[Change], a: Amount) -> Change | None:
    if not changes:
        return None
    return min(changes, key=lambda c: _gap(c, a))


# "... worth $126 million, with volumes up 2.3 times": a change of the tonnage
_VOLUME = re.compile(r"\bvolumes?\b", re.IGNORECASE)


def _measures(text: str, c: Change) -> bool | None:
    """True for a change of the weight ("a 9% rise in weight"), False for one of the value
    ("up 8 percent in value"), None when it does not say."""
    m = _MEASURE.match(text, c.end)
    return None if m is None else bool(m.group("weight"))


# "... in weight", "... by value", "... in dollar terms"
_MEASURE = re.compile(r"\s*(?:in|by)\s+(?:(?P<weight>weight|volume|tonnage|quantity|physical\s+terms)|value|"
                      r"(?:dollar|monetary|value)\s+terms)\b", re.IGNORECASE)


def _is_aim(c: Change) -> bool:
    """"agreed to double bilateral trade": an aim, the change of the figure it brings trade to ("to
    double trade to $2 billion"), never that of a figure before it ("reached $2.57 billion, and they
    agreed to double bilateral trade")."""
    return c.surface.lower() in ("double", "triple")


def _gap(c: Change, a: Amount) -> int:
    return min(abs(c.end - a.start), abs(a.end - c.start))


_SKIP = object()


def _period_for(item, amts: list[Amount], periods: list[PeriodMention], kind: str, text: str, last_period,
                countries: tuple = (), published=None):
    """(start, end) of the period a number refers to; _SKIP for a comparison base amount.
    `countries`: the figure's (reporter, partner), whose fiscal year dates "FY23"."""
    def span(p: PeriodMention):
        if p.start_date is None and p.fiscal_end_year is not None:
            return fiscal.fiscal_year_dates(p.fiscal_end_year, countries, p.fiscal_months) or (None, None)
        if p.kind == "fiscal" and p.start_date is None and published:
            told = _fiscal_year_told(p, countries, published)
            if told:
                return told
        ahead = (kind == "actual" and p.kind in ("quarter", "half") and published and p.start_date
                 and p.start_date > published and not _HAS_YEAR.search(p.surface))
        if p.start_date is None and last_period and last_period[0] and _OF_THE_YEAR.search(p.surface):
            # "in the first eleven months of the year" after "in 1398": a part of the year told before
            year = _year_named(last_period)
            again = find_periods(_OF_THE_YEAR.sub(f"of {year}", p.surface), published) if year else None
            if again and again[0].start_date:
                return (again[0].start_date, again[0].end_date)
        if (p.start_date is None and published is None or ahead) and last_period and last_period[1] and not _RELATIVE.search(p.surface):
            # no publication date, or a part of a year that has not begun ("In the fourth quarter alone,
            # turnover reached ..." in a March report): "in January-October" after "the first ten months
            # of 2024" is read against the period told before
            again = find_periods(p.surface, last_period[1])
            if again and again[0].start_date:
                return (again[0].start_date, again[0].end_date)
        return (p.start_date, p.end_date)

    horizons = [p for p in periods if p.kind == "horizon"]
    plain = [p for p in periods if p.kind != "horizon" or (
        # "by 2017 it had shrunk to $500 million", written later: the year it had come to that
        kind == "actual" and p.end_date is not None and (
            published is not None and p.end_date < published or _HAD_AFTER.match(text, p.end)))]
    if kind != "actual" and horizons:
        own = _own_period(item, plain, text) if len(amts) >= 2 else None
        if own is not None and own.start_date is not None:
            return span(own)     # "forecast trade at $450 million in 2025 and see it reaching $1 billion by 2028"
        if len(amts) >= 2:
            # "in the next three years we expect to reach $1 billion, and our forecast for this year is
            # around $500 million": each figure's nearest period, a horizon or not
            p = min(horizons + [q for q in plain if q.start_date and _states_period(q)], key=lambda p: _distance(p, item, text))
        else:
            p = min(horizons, key=lambda p: abs(p.start - item.end))
        return span(p)
    if len(amts) >= 2 and len(plain) >= 2:
        # a comparison base told with a change, away from any figure ("... worth $149 million, down 21
        # percent from the same period of the previous year"), is no figure's period
        own = [p for p in plain if not p.is_comparison_base
               or any(0 <= p.start - a.end <= 12 or 0 <= a.start - p.end <= 3 for a in amts)]   # "... of 2023 ($686.5 million)"
        p = min(own or plain, key=lambda p: _distance(p, item, text))
        return span(p)
    stated = [p for p in plain if _states_period(p) and not _bracketed_comparison(text, item, p)]
    stated = [p for p in stated if not any(_glosses(text, p, q) for q in stated)]
    if len(amts) >= 2 and isinstance(item, Amount) and _BASE_OR_AGAINST_BEFORE.search(text, 0, item.start):
        own = _own_period(item, plain, text)
        if own is not None and own.start_date is None and last_period and last_period[0] and _A_YEAR_EARLIER.fullmatch(own.surface):
            return a_year_before(last_period) or (None, None)    # "down from 1.2 million tonnes a year earlier"
        if own is not None:      # "compared with 301.7 thousand tons in January-October 2022": a figure of its period
            return span(own)
        return _SKIP   # "up from $300 million": an earlier value without its own period
    if len(amts) >= 2 and isinstance(item, Amount) and _COMMA_FROM_BEFORE.search(text, max(0, item.start - 16), item.start):
        own = _own_period(item, plain, text)
        if own is not None:
            return span(own)
    # "... during the same ten months, and 23 trains crossed the border in Dey alone": a part told in a later clause
    stated = [p for p in stated if not (p.start > item.end and _ALONE_AFTER.match(text, p.end)
                                        and _NEXT_CLAUSE.search(text, item.end, p.start))]
    same = _SAME_PERIOD.search(text) if last_period else None
    if same and all(same.start() <= p.start and p.end <= same.end() for p in stated):
        if _OF_THE_YEAR_BEFORE.match(text, same.end()) and last_period[0] and not _COMPARED_BEFORE.search(text, 0, same.start()):
            return a_year_before(last_period) or (None, None)    # "in the same period of the previous year"
        year = _OF_A_YEAR.match(text, same.end())
        if year and last_period[0]:
            return the_same_period_in(last_period, int(year.group(1))) or (None, None)    # "in the same quarter of 2021"
        return last_period       # "during the same fiscal year": the period told before
    if stated:
        p = min(stated, key=lambda p: _distance(p, item, text))
        later = _YEARS_LATER.search(text, p.end, item.start) if p.end <= item.start and "year" in text else None
        if later:      # "In 2010 trade stood at $1.37 billion; five years later it was $621 million"
            return years_later(span(p), _years_counted(later)) or (None, None)
        return span(p)
    later = _YEARS_LATER.search(text, 0, item.start) if last_period and last_period[0] and "year" in text else None
    if later:      # "In 2008 trade peaked at $2.1 billion. Two years later, turnover had slipped to $1.37 billion"
        return years_later(last_period, _years_counted(later)) or (None, None)
    return (None, None)


def _glosses(text: str, p: PeriodMention, q: PeriodMention) -> bool:
    """q, in brackets right after p and within it, tells p's months exactly: "in the first eight
    months of the 2020/21 marketing year (September 2020 - April 2021)"."""
    return (q.start > p.end and p.start_date is not None and q.start_date is not None
            and _OPEN_BRACKET.fullmatch(text, p.end, q.start) is not None
            and p.start_date <= q.start_date and q.end_date <= p.end_date and (q.start_date, q.end_date) != (p.start_date, p.end_date))


_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _years_counted(later: re.Match) -> int:
    return 1 if later.group("one") else NUMBER_WORDS.get(later.group("n").lower()) or int(later.group("n"))


_OF_THE_YEAR = re.compile(r"\bof\s+the\s+year$")
# a year counted on from the one told before
_YEARS_LATER = re.compile(r"\b(?:(?P<one>(?:the\s+)?(?:following|next)\s+year|a\s+year\s+later)|(?P<n>two|three|four|five|six|seven|"
                          r"eight|nine|ten|\d)\s+years\s+later)\b", re.IGNORECASE)
_OF_A_YEAR = re.compile(r"\s+(?:of|in)\s+((?:19|20)\d\d)\b")


def _year_named(period: tuple) -> str | None:
    """How to name the year a period told before lies in: "the Iranian year 1398" for a Solar Hijri
    one (Nowruz to Nowruz), "2019" for a calendar one; None for a fiscal year of another kind."""
    start, end = period
    solar = solar_year_of(start)
    if solar is not None and solar_months(solar, 1, 1)[0] == start and (end is None or solar_year_of(end) == solar):
        return f"the Iranian year {solar}"
    if start.month == 1 and start.day == 1 and (end is None or end.year == start.year):
        return str(start.year)
    return None


def _fiscal_year_told(p: PeriodMention, countries: tuple, published) -> tuple | None:
    """A fiscal year named against the publication date, of the figure's country (with its part,
    "the first nine months of", if named): "the last financial year" is the latest one ended by
    publication, "the current fiscal year" the one publication falls in."""
    if _LAST_FISCAL.search(p.surface):
        end_years, holds = (published.year, published.year - 1), lambda span: span[1] < published
    elif _CURRENT_FISCAL.search(p.surface):
        end_years, holds = (published.year, published.year + 1), lambda span: span[0] <= published <= span[1]
    else:
        return None
    for dates_of in (fiscal.fiscal_year_dates, fiscal.solar_fiscal_year_dates):   # a listed country's first
        for end_year in end_years:
            whole = dates_of(end_year, countries)
            if whole and holds(whole):
                return dates_of(end_year, countries, p.fiscal_months)
    return None


_HAS_YEAR = re.compile(r"\b(?:1[34]|19|20)\d\d\b")
_CURRENT_FISCAL = re.compile(r"\b(current|this)\s+(fiscal|financial)\s+year\b", re.IGNORECASE)
_LAST_FISCAL = re.compile(r"\b(last|previous|past|preceding)\s+(fiscal|financial)\s+year\b", re.IGNORECASE)
# periods told against the publication date, which no earlier period stands in for
_RELATIVE = re.compile(r"\b(last|this|current|next|past|previous|preceding|coming|ago|recent|year-to-date)\b", re.IGNORECASE)


def _bracket_label(text: str, p: PeriodMention) -> bool:
    """"57.3 billion euros (January to April 2023: 56.9 billion euros)": a period labelling the
    figure in brackets after it, a comparison for the figure outside them."""
    return text[:p.start].rstrip().endswith("(") and text[p.end:p.end + 3].lstrip().startswith(":")


def _bracketed_comparison(text: str, item, p: PeriodMention) -> bool:
    return _bracket_label(text, p) and not (p.end <= item.start and ")" not in text[p.end:item.start])


# "$37 million for the whole of 2022", "$1.2 billion in 2023": a period the number's own preposition takes
# ("up from $4.4 billion last year": a relative period needs no preposition)
_OWN_PERIOD_BETWEEN = re.compile(r"\s*(?:(?:in|for|during|over|throughout)(?:\s+the\s+(?:whole|full|entire)\s+of)?\s*)?")


def _own_period(item, periods: list[PeriodMention], text: str, horizons: bool = True) -> PeriodMention | None:
    """The period told right after a figure ("$4.4 billion last year", "$1.2 billion in 2023")."""
    return next((p for p in periods if p.start >= item.end and _OWN_PERIOD_BETWEEN.fullmatch(text, item.end, p.start)
                 and (horizons or p.kind != "horizon")), None)


def _distance(p: PeriodMention, item, text: str) -> int:
    if p.start >= item.end:
        if _OWN_PERIOD_BETWEEN.fullmatch(text, item.end, p.start):
            return 0
        brk = _NEXT_CLAUSE.search(text, item.end, p.end)     # (to its end: a break may look ahead at the period)
        if brk is not None and brk.start() < p.start:
            return p.start - item.end + 100    # the next clause's period ("..., and in H1 it grew")
        return p.start - item.end
    return item.start - p.end + 5   # a period after the number is likelier its own ("$1m in 2020")


def _row(doc, s, flow, reporter, partner, value, unit, period, kind, change_pct, commodity, approximate, rule) -> dict:
    return {**base_row(doc, s, rule), "flow": flow, "reporter": reporter, "partner": partner, "value": value,
            "unit": unit, "period_start": period[0], "period_end": period[1], "kind": kind,
            "change_pct": change_pct, "commodity": commodity, "approximate": approximate}


# --------------------------------------------------------------------------- grids
_CAPTION_SENTENCES = 4     # how far above a grid its caption (unit, period, sides) may stand


def _grid_rows(doc: DocContext) -> list[dict]:
    """Rows of the grids in the document ("Country | Turnover | Exports | Imports", then
    "Iran | 87.6 | 61.2 | 26.4"): each figure's flow from its column heading (or its row label:
    "Exports | 300 | 412" under years), its period from a year heading or label, else the one
    period the caption above states; the unit from the headings or the caption. A row labelled
    with a country is that country's figures with the side the caption names (or the article's
    other side); other rows are the caption's (or the article's) pair."""
    rows: list[dict] = []
    at = {s.sentence.idx: k for k, s in enumerate(doc.sentences)}
    for grid in doc.grids:
        above = [s for s in doc.sentences if grid.header - _CAPTION_SENTENCES <= s.sentence.idx < grid.header]
        unit = grid.unit or next((u for s in reversed(above) if (u := tables.caption_unit(s.text))), None)
        period = next((p for s in reversed(above) if (p := _the_one_period(s))), None) or _headline_period(doc)
        caption_flow = next((t.flow for s in reversed(above) for t in _topics(s.text) if t.flow != "none"), None)
        named = [m.code for s in above for m in s.countries]
        views = [doc.sentences[at[r.line]] if r.line in at else None for r in grid.rows]
        labelled = [next((m.code for m in v.countries if m.end <= r.label_end), None) if v else None
                    for v, r in zip(views, grid.rows)]
        own = next((c for c in named + list(doc.main_pair) if c not in labelled), None)
        pair = tuple(dict.fromkeys(named))[:2] if len(set(named)) >= 2 else doc.main_pair
        for s, r, country in zip(views, grid.rows, labelled):
            if s is None:
                continue
            year = tables.grid_year(r.label)
            goods = None
            if country:
                sides = (own, country)
            elif year is not None or tables.grid_flow(r.label):
                sides = pair
            elif goods := vocab.goods_label(r.label):
                sides = pair     # "Wheat | 402,000 | 98.3 | -21%": the pair's trade in those goods
            else:
                continue      # "Total | 2,130 | ...", "Other countries | ...": no pair of countries
            if len(sides) < 2 or None in sides or sides[0] == sides[1]:
                continue
            cells = {c.column: c for c in r.cells}
            for c in r.cells:
                column = grid.columns[c.column]
                flow = column.flow or tables.grid_flow(r.label) or caption_flow
                cell_unit = column.unit or unit
                if column.is_change or flow is None or cell_unit is None:
                    continue
                year_of = column.year or year
                when = (dt.date(year_of, 1, 1), dt.date(year_of, 12, 31)) if year_of else (period or (None, None))
                change = cells.get(c.column + 1)
                pct = change.value if change and grid.columns[c.column + 1].is_change else None
                currency = resolve_currency(cell_unit.unit, (*sides, *doc.main_pair))
                if currency is None:
                    continue
                rows.append(_row(doc, s, flow, *sides, c.value * cell_unit.scale, currency, when, "actual", pct,
                                 goods, False, "trade.table_grid"))
    return rows


def _attach_back_reference(s: SentenceView, prev_rows: list[dict]) -> None:
    """A change stated about the previous sentence's figures ("The figure decreased by 9.4
    percent"; "Its volume and value decreased by 17 and 4 percent, respectively")."""
    if not prev_rows or not _ANAPHORIC_SUBJECT.search(s.text):
        return
    changes = s.changes
    open_rows = [r for r in prev_rows if r["change_pct"] is None and r["value"] is not None]
    if not open_rows:
        return
    if len(changes) >= 2 and _RESPECTIVELY.search(s.text):
        if _VOLUME_AND_VALUE.search(s.text):
            order = ("t", "money") if re.search(r"\b(volume|weight|tonnage)\b.{0,20}\b(value|worth)\b", s.text, re.I) \
                else ("money", "t")
            for want, c in zip(order, changes):
                match = [r for r in open_rows if (r["unit"] == "t") == (want == "t")]
                if match:
                    match[0]["change_pct"] = c.pct
            return
        for r, c in zip(open_rows, changes):
            r["change_pct"] = c.pct
        return
    if len(changes) == 1 and len(open_rows) == 1:
        open_rows[0]["change_pct"] = changes[0].pct


def _dedupe(rows: list[dict]) -> list[dict]:
    """One row per fact: the same figure stated twice in an article is one row."""
    seen: set[tuple] = set()
    out = []
    for r in rows:
        sides = (tuple(sorted(filter(None, (r["reporter"], r["partner"])))) if r["flow"] == "total"
                 else (r["reporter"], r["partner"]))
        value = None if r["value"] is None else round(r["value"], 2)
        key = (r["flow"], sides, value, r["unit"], r["kind"], r["period_start"], r["period_end"],
               r["change_pct"] if value is None else None, r["commodity"])
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out
