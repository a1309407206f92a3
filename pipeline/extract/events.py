"""Events: meetings, visits, calls, conferences, forums, summits, press conferences.

A trigger word or phrase names the event and its type. Plural mentions ("specialized
meetings") are not one event, and a later "the meeting" / "this visit" refers back to
an event already reported, so an article's events are each one row."""
from __future__ import annotations

import re

from pipeline.extract.context import DocContext, SentenceView, base_row

# Order matters: the first pattern that matches at a position wins (longest forms first).
_TRIGGERS: list[tuple[str, str]] = [
    ("press_conference", r"(joint\s+)?(press|news)\s+conference|press\s+briefing"),
    ("call", r"(tele)?phone\s+(call|conversation|talks)|telephone\s+conversation|video\s+call|"
             r"spoke\s+(by|over\s+the|on\s+the)\s+(tele)?phone|held\s+a\s+(tele)?phone|phoned|called\s+his\s+\w+\s+counterpart"),
    ("conference", r"video\s*-?conference|videoconference|online\s+conference|conference"),
    ("forum", r"forum"),
    ("summit", r"summit"),
    ("signing", r"signing\s+ceremony"),
    ("meeting", r"(commission|committee|council)\s+(meeting|session)|"
                r"(meeting|session|sitting)\s+of\s+the\s+([\w-]+\s+){0,6}(commission|committee|council)|"
                r"met(\s+with)?|meeting|held\s+talks|hold\s+talks|talks\s+(with|between)|negotiations\s+(with|between)|"
                r"round\s+of\s+(talks|consultations)|consultations\s+(with|between)|meet"),
    ("visit", r"(official|state|working|two-day|three-day|first|upcoming|recent)\s+visit|visit(ed|ing|s)?|trip|"
              r"tour|arrived\s+in|welcomed\s+in|at\s+the\s+head\s+of\s+(a|an|the)\s+([\w-]+\s+){0,2}delegation|"
              r"heads?\s+(a|an|the)\s+([\w-]+\s+){0,2}delegation"),
    ("other", r"exhibition|expo|trade\s+fair"),
]
_TRIGGER = re.compile("|".join(rf"(?P<{t}>\b(?:{p})\b)" for t, p in _TRIGGERS), re.IGNORECASE)
# Every trigger contains one of these as a whole word; a sentence with none of them has no
# event, and the trigger regex (slow: tried at every character) is not run on it. Keep in
# step with _TRIGGERS (tests/test_extract_facts.py checks each trigger has an anchor).
_ANCHORS = frozenset("""
conference videoconference briefing phone telephone phoned video counterpart forum summit ceremony
meeting session sitting met meet talks negotiations consultations visit visited visiting visits trip tour
arrived welcomed delegation exhibition expo fair
""".split())
_WORD = re.compile(r"\w+")


# Every trigger starts with one of these words (its first run of word characters), so a
# match can only start at such a word.
_FIRST_WORDS = frozenset("""
joint press news telephone phone video spoke held phoned called videoconference online conference forum summit
signing commission committee council meeting session sitting met hold talks negotiations round consultations meet
official state working two three first upcoming recent visit visited visiting visits trip tour arrived welcomed
at heads head exhibition expo trade
""".split())


def _may_have_trigger(text: str) -> bool:
    """False only when no trigger can match (ASCII text; other text is always searched, as
    case-insensitive matching of non-ASCII letters is not plain lower-casing)."""
    return not text.isascii() or not _ANCHORS.isdisjoint(_WORD.findall(text.lower()))


def _trigger_matches(text: str):
    """What _TRIGGER.finditer(text) yields, trying the regex only where a trigger can start."""
    if not text.isascii():
        yield from _TRIGGER.finditer(text)
        return
    if _ANCHORS.isdisjoint(_WORD.findall(text.lower())):
        return
    pos = 0
    for w in _WORD.finditer(text):
        at = w.start()
        if at < pos or w.group(0).lower() not in _FIRST_WORDS:
            continue
        m = _TRIGGER.match(text, at)
        if m is not None:
            pos = m.end()
            yield m
_PLURAL = re.compile(r"^(meetings|visits|calls|conferences|forums|fora|summits|trips|tours|talks|sessions|exhibitions)$",
                     re.IGNORECASE)
_DEFINITE = re.compile(r"\b(the|this|that|his|her|its|their)\s+([\w-]+\s+){0,1}$", re.IGNORECASE)
_INDEFINITE_LEAD = re.compile(r"\b(a|an)\s+([\w-]+\s+){0,3}$", re.IGNORECASE)
# "meeting the demand", "meet the needs": the verb in its other sense
_NOT_EVENT_AFTER = re.compile(r"^\s+(the\s+)?(needs?|demands?|requirements?|targets?|goals?|expectations|standards?|"
                              r"criteria|deadline|obligations?|interests|challenges?|conditions)\b", re.IGNORECASE)
_LOCATION_PREP = re.compile(r"\b(in|at|to|from)\s+(the\s+)?((capital|city|port)\s+(city\s+)?(of\s+)?)?$", re.IGNORECASE)


def extract_events(doc: DocContext) -> list[dict]:
    rows: list[dict] = []
    for s in doc.sentences:
        types_here: set[str] = set()
        for m in _trigger_matches(s.text):
            event_type = m.lastgroup
            surface = m.group(0)
            if event_type in types_here or _PLURAL.match(surface) or _NOT_EVENT_AFTER.match(s.text[m.end():]):
                continue
            if event_type == "meeting" and surface.lower() in ("meeting", "meet") and not _meeting_noun_ok(s.text, m):
                continue
            types_here.add(event_type)
            event_date = _date_near(s, m.start())
            location = _location(s)
            if _same_event(rows, event_type, location, event_date) is not None:
                continue   # the same event told again
            if _DEFINITE.search(s.text[:m.start()]) and _any_of_type(rows, event_type) and event_date is None:
                continue   # "the meeting", "this visit": refers back
            rows.append({**base_row(doc, s, f"events.{event_type}"), "event_id": f"{doc.doc_id}-{len(rows) + 1}",
                         "event_type": event_type,
                         "event_date": event_date, "location": location,
                         "countries": sorted({c.code for c in s.countries}) or None})
    return rows


def _meeting_noun_ok(text: str, m: re.Match) -> bool:
    """'meeting' as a noun: 'a meeting', 'the meeting', 'meeting with'; 'meet' needs a person after it."""
    before = text[:m.start()]
    after = text[m.end():m.end() + 20]
    if m.group(0).lower() == "meet":
        return bool(re.match(r"\s+(with\s+)?([A-Z]|his|her|their|the\s+[A-Z]|the\s+(president|prime|foreign|minister))", after))
    return bool(_DEFINITE.search(before) or _INDEFINITE_LEAD.search(before)
                or re.match(r"\s+(with|of|between|in|on)\b", after)
                or re.search(r"\b(official|bilateral|trilateral|joint|first|second|third|regular|extended|"
                             r"expanded|separate|annual)\s+$", before, re.IGNORECASE))


def _date_near(s: SentenceView, at: int):
    resolved = [d for d in s.dates if d.date is not None]
    if not resolved:
        return None
    return min(resolved, key=lambda d: abs(d.start - at)).date


def _location(s: SentenceView) -> str | None:
    """The first city named after in/at/to ("in Tehran", "in the capital city of Nur-Sultan")."""
    for c in s.cities:
        if _LOCATION_PREP.search(s.text[max(0, c.start - 30):c.start]):
            return c.surface
    return None


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
