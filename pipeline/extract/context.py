"""What every extractor needs to know about one document: its fact-bearing sentences,
publication date, the pair of countries the article is about, and per-sentence
annotations (places, dates, periods, amounts, changes), each computed once."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline import amounts, dates, periods, places, tables
from pipeline.text import Sentence


class cached_property:  # noqa: N801 (named as the functools one it replaces)
    """functools.cached_property without its per-instance lock (Python 3.11 takes an RLock on
    every first access: about 6% of extraction time, for sentences no other thread sees). After
    the first access the value sits in the instance's __dict__ and this descriptor is not called."""

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


_WORD = re.compile(r"\w+")
_SPOKEN_REACH = 3      # sentences back a sum said without its currency looks for one
# what may close a sentence after its "?" ("... a new regional meeting?" he asked.)
_CLOSING_QUOTES = "\"'”’) "
# "the" (or "these", "those") just before a noun: one told before ("The documents were signed by ...")
THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
# "the union", "the bloc", "the five union members", "member states of the union": a bloc named
# before in the article (lower case: "the Union State" is a name of its own)
THE_BLOC = re.compile(r"\b(?:[Tt]he\s+(?:(?:five|six|\d)\s+)?(?:union|bloc)(?:['’]s\s+members|\s+members)?"
                      r"|member\s+states\s+of\s+the\s+(?:union|bloc))\b")


@dataclass
class SentenceView:
    """One body sentence and its annotations, computed on first use."""

    sentence: Sentence
    published: dt.date | None
    table: tables.TableUnit | None = None     # the unit of a table row's bare figures, from its header
    iranian_years: bool = False      # the document dates things in the Iranian calendar
    previous: "SentenceView | None" = None    # the body sentence before, where a sum's currency may be told

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property
    def words(self) -> frozenset[str]:
        """The sentence's lower-cased runs of word characters: the extractors' prefilters test
        these before running slow patterns (meaningful for ASCII text, see text.isascii())."""
        return frozenset(_WORD.findall(self.text.lower()))

    @cached_property
    def places(self) -> list[places.PlaceMention]:
        return places.find_places(self.text)

    @cached_property
    def countries(self) -> list[places.PlaceMention]:
        return [m for m in self.places if m.kind in places.COUNTRY_KINDS]

    @cached_property
    def cities(self) -> list[places.PlaceMention]:
        return [m for m in self.places if m.kind in places.CITY_KINDS]

    @cached_property
    def dates(self) -> list[dates.DateMention]:
        return dates.find_dates(self.text, self.published)

    @cached_property
    def periods(self) -> list[dates.PeriodMention]:
        found = dates.find_periods(self.text, self.published)
        return periods.in_iranian_years(found, self.published) if self.iranian_years and found else found

    @cached_property
    def stated_amounts(self) -> list[amounts.Amount]:
        """The sums told with their unit."""
        return amounts.find_amounts(self.text)

    @cached_property
    def amounts(self) -> list[amounts.Amount]:
        found = self.stated_amounts
        if not found and self.table is not None:
            return tables.row_amounts(self.text, self.table)      # a table row's bare figures
        if "million" not in self.text and "billion" not in self.text:
            return found
        # a sum said without its currency: in the one of the sum told before it, here or in the sentences before
        unsaid = [a for a in amounts.unitless_amounts(self.text) if not any(a.start < f.end and f.start < a.end for f in found)]
        if not unsaid:
            return found
        told_before = self._currency_told_before()
        units = [next((f.unit for f in reversed(found) if f.end <= a.start and f.unit != "t"), told_before) for a in unsaid]
        unsaid = [dataclasses.replace(a, unit=u) for a, u in zip(unsaid, units) if u]
        return sorted(found + unsaid, key=lambda a: a.start)

    def _currency_told_before(self) -> str | None:
        """The currency of the last sum stated with one in the _SPOKEN_REACH sentences before."""
        view = self.previous
        for _ in range(_SPOKEN_REACH):
            if view is None:
                return None
            unit = next((a.unit for a in reversed(view.stated_amounts) if a.unit != "t"), None)
            if unit:
                return unit
            view = view.previous
        return None

    @cached_property
    def changes(self) -> list[amounts.Change]:
        found = amounts.find_changes(self.text)
        if found or self.table is None:
            return found
        return tables.row_changes(self.text, self.table)


@dataclass
class DocContext:
    doc_id: str
    published: dt.date | None
    sentences: list[SentenceView] = field(default_factory=list)
    headline: list[SentenceView] = field(default_factory=list)
    grids: list[tables.Grid] = field(default_factory=list)    # line numbers: Sentence.idx

    @classmethod
    def build(cls, doc_id: str, sentences: list[Sentence], published: dt.date | None) -> "DocContext":
        lines = [s.text for s in sentences]
        grids = tables.find_grids(lines)
        in_grid = {r.line for g in grids for r in g.rows}
        table_rows = {i: u for i, u in tables.table_rows(lines).items() if i not in in_grid}
        iranian_years = periods.tells_iranian_calendar(lines)
        body = [SentenceView(s, published, table_rows.get(i), iranian_years) for i, s in enumerate(sentences)
                if s.section == "body" and s.repeat_of is None]
        for before, view in zip(body, body[1:]):
            view.previous = before
        headline = [SentenceView(s, published) for s in sentences if s.section == "title"]
        return cls(doc_id, published, body, headline, grids)

    def last_place(self, i: int, kind: str) -> places.PlaceMention | None:
        """The last place of `kind` ("region", "bloc") named in sentences 0..i: what "the province"
        or "the bloc" in sentence i refers to."""
        for s in reversed(self.sentences[:i + 1]):
            found = next((m for m in reversed(s.places) if m.kind == kind), None)
            if found is not None:
                return found
        return None

    @cached_property
    def ranked_countries(self) -> tuple[str, ...]:
        """Countries the article names, most mentioned first (ties: countries before blocs, then
        first named first); a bloc's mentions count half, as a bloc is more often context than a party."""
        counts: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        blocs: set[str] = set()
        city_counts: Counter[str] = Counter()
        for i, s in enumerate(self.sentences):
            for m in s.countries:
                counts[m.code] += 1
                first_seen.setdefault(m.code, i)
                if m.kind == "bloc":
                    blocs.add(m.code)
            city_counts.update((m.code, m.surface) for m in s.cities)
        # a city the article keeps returning to counts half for its country, once the country itself
        # is named: a regional story ("Kostanay region's trade with Iran") names its city far more
        # often than its country (a city named once is where something happened, not the story's side)
        for (code, _), n in city_counts.items():
            if code in counts and n >= 2:
                counts[code] += n / 2
        # a bloc counts half: named often ("Kazakhstan-EU trade", nine times) it is still a side
        # ahead of a country named twice, yet context beside two countries named as often
        return tuple(sorted(counts, key=lambda c: (-counts[c] / (2 if c in blocs else 1), c in blocs, first_seen[c])))

    @cached_property
    def main_pair(self) -> tuple[str, ...]:
        """The two countries the article is most about (by mentions), fewer if it names fewer;
        a bloc only where fewer than two countries are named ("the EU and Kazakhstan")."""
        return self.ranked_countries[:2]

    def other_side(self, code: str | None) -> str | None:
        """The country of the main pair that is not `code` (None if unknown)."""
        pair = self.main_pair
        if len(pair) < 2:
            return None
        if code == pair[0]:
            return pair[1]
        if code == pair[1]:
            return pair[0]
        return None


def is_question(text: str) -> bool:
    """A sentence that asks rather than reports ("Q: Will Iran host a new regional meeting?")."""
    return text.rstrip(_CLOSING_QUOTES).endswith("?")


def base_row(doc: DocContext, s: SentenceView, rule: str) -> dict:
    """The columns every fact row shares: where it was read and by which rule."""
    return {"doc_id": doc.doc_id, "evidence": s.text, "evidence_start": s.sentence.start,
            "evidence_end": s.sentence.end, "rule": rule}


# "SAMARKAND, 23 August 2023 (UzA) –", "TEHRAN, Mar. 5 (MNA) -", "Astana. 21 May 2025. INTERFAX-KAZAKHSTAN –":
# a place, the date, a source, a dash
_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},?\s*$")
_DATELINE_AFTER = re.compile(r"^,?\s*(\([^()]{1,40}\)\s*)?[-–—]|^\.\s*[A-Z][\w.-]*(\s+[A-Z][\w.-]*){0,2}\s*[-–—]")


def in_dateline(text: str, d) -> bool:
    """The date mention `d` is the dateline's: it dates the report, not what the sentence tells."""
    return bool(_DATELINE_BEFORE.match(text[:d.start]) and _DATELINE_AFTER.match(text[d.end:d.end + 50]))
