"""People: officials named with their office, and the events they took part in.

A person is a run of capitalised words next to an office title: before it ("Kazakh
Foreign Minister Mukhtar Tleuberdi", "President of Iran Masoud Pezeshkian") or after it,
set off by a comma ("Ali Akbar Joukar, the Iranian ambassador to Kazakhstan"). The
country is the one the office phrase names ("Kazakh", "of Iran", "Iran's"). Later
mentions by surname ("President Tokayev", "Tokayev said") are the same person, and a
person named in an event's sentence took part in that event."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import places
from pipeline.extract.context import DocContext, SentenceView, base_row

_DATA = Path(__file__).resolve().parent.parent / "data"


def _words(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


_TITLES = sorted(_words("role_titles.txt"), key=len, reverse=True)
_TITLE_WORDS = {w.lower() for t in _TITLES for w in re.split(r"[\s-]+", t)}
_OFFICE_WORDS = {w.lower() for w in _words("office_words.txt")} | _TITLE_WORDS
_CONNECTORS = {"of", "for", "and", "the", "to", "in", "on", "at", "&"}
_TITLE = re.compile(r"\b(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in _TITLES) + r")\b")
_TITLE_ANY_CASE = re.compile(_TITLE.pattern, re.IGNORECASE)
# Every person is found next to a title (or after "counterpart"), and a title's first word
# stands as a whole word in the text: a sentence with none of them names no one, and is
# not tokenised. (Lower-cased comparison is case-insensitive matching for ASCII text only.)
_TITLE_FIRST_WORDS = frozenset(re.match(r"\w+", t).group(0).lower() for t in _TITLES)
# More exactly, every word of some title stands whole in the text (a title's words are set off by
# its own spaces, hyphens and dots, and by \b at its ends): "President" alone is no "Vice President"
_TITLE_WORD_SETS = tuple(frozenset(re.findall(r"\w+", t.lower())) for t in _TITLES)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "sheikh", "madam", "mr.", "mrs.", "ms.", "dr."}
_PARTICLES = {"bin", "ibn", "al", "el", "de", "van", "von", "ul", "ud", "da"}
# Capitalised words that begin sentences or name things, never a person's name.
_NOT_NAMES = {"the", "this", "that", "these", "he", "she", "it", "they", "we", "his", "her", "their", "in", "on",
              "at", "during", "after", "before", "according", "also", "meanwhile", "earlier", "later", "today",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "news", "agency", "said", "says", "noted", "stressed", "added", "told"}
_MAX_NAME_WORDS = 4


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return _POSSESSIVE.sub("", self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class _Mention:
    name: str
    role: str | None
    country: str | None


@dataclass
class _Person:
    name: str
    role: str | None
    country: str | None
    sentence: SentenceView
    keys: set[str] = field(default_factory=set)


def extract_people(doc: DocContext, events: list[dict]) -> list[dict]:
    """One row per person named with an office in the document, with the events they took part in."""
    people: list[_Person] = []
    for s in doc.sentences:
        for mention in find_people(s):
            person = _same_person(people, mention.name)
            if person is None:
                people.append(_Person(mention.name, mention.role, mention.country, s, _keys(mention.name)))
                continue
            if len(mention.name) > len(person.name):
                person.name = mention.name
                person.keys |= _keys(mention.name)
            person.role = person.role or mention.role
            person.country = person.country or mention.country
    rows = []
    for p in people:
        mentioned = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(p.keys, key=len, reverse=True))
                               + r")\b")
        event_ids = [e["event_id"] for e in events if mentioned.search(e["evidence"])]
        rows.append({**base_row(doc, p.sentence, "people.office"), "name": p.name, "role": p.role,
                     "country": p.country, "event_ids": event_ids or None})
    return rows


def find_people(s: SentenceView) -> list[_Mention]:
    """People named next to an office title in one sentence."""
    if s.text.isascii() and "counterpart" not in s.text and not _names_a_title(s.words):
        return []
    tokens = [_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(s.text)]
    place_at = {}
    if s.places:
        starts = [t.start for t in tokens]
        for p in s.places:          # the tokens a place covers (places and tokens are both in text order)
            for i in range(bisect.bisect_left(starts, p.start), len(tokens)):
                if tokens[i].start >= p.end:
                    break
                place_at[tokens[i].start] = p
    found: dict[str, _Mention] = {}
    for m in _TITLE.finditer(s.text):
        mention = _title_then_name(s, tokens, place_at, m)
        if mention and mention.name not in found:
            found[mention.name] = mention
    for mention in _name_then_title(s, tokens, place_at):
        found.setdefault(mention.name, mention)
    for m in _COUNTERPART.finditer(s.text):
        mention = _counterpart(s, tokens, place_at, m, list(found.values()))
        if mention:
            found.setdefault(mention.name, mention)
    return list(found.values())


def _names_a_title(words: frozenset[str]) -> bool:
    """Whether every word of some title is among the sentence's (lower-cased) words."""
    return not _TITLE_FIRST_WORDS.isdisjoint(words) and any(title <= words for title in _TITLE_WORD_SETS)


# "Iranian President X and his Kazakh counterpart Y": Y holds the same office for the other country
_COUNTERPART = re.compile(r"\b(?:his|her|their|the)\s+(?:(?P<country>[A-Z][\w'’-]+)\s+)?counterparts?\s+")


def _counterpart(s: SentenceView, tokens: list[_Token], place_at: dict, m: re.Match,
                 earlier: list[_Mention]) -> _Mention | None:
    i = next((k for k, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
    name = _name_at(tokens, i, place_at, allow_single=False)
    if name is None:
        return None
    country = None
    if m.group("country"):
        p = place_at.get(m.start("country"))
        country = p.code if p is not None and p.kind in places.COUNTRY_KINDS and p.kind != "bloc" else None
    before = [e for e in earlier if e.role and s.text.find(e.name) < m.start()]
    return _Mention(name, before[-1].role if before else None, country)


def _title_then_name(s: SentenceView, tokens: list[_Token], place_at: dict, m: re.Match) -> _Mention | None:
    """'Kazakh Foreign Minister Mukhtar Tleuberdi', 'Minister of Industry, Mine and Trade Reza Fatemi Amin'."""
    i = next((k for k, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
    first = next(k for k, t in enumerate(tokens) if t.start >= m.start())
    while first > 0 and (tokens[first - 1].start in place_at
                         or tokens[first - 1].bare.lower() in _OFFICE_WORDS - _CONNECTORS and tokens[first - 1].capitalised):
        first -= 1
    while i < len(tokens) and _continues_office(tokens, i, place_at):
        i += 1
    while i > first and tokens[i - 1].text.lower() in _CONNECTORS | {","}:
        i -= 1    # "Minister of ... and" — a trailing connector belongs to the name's sentence, not the office
    name = _name_at(tokens, i, place_at, allow_single=True)
    if name is None:
        return None
    role_tokens = tokens[first:i]
    return _Mention(name, _role_text(s, role_tokens, place_at), _country_of(role_tokens, place_at))


def _continues_office(tokens: list[_Token], i: int, place_at: dict) -> bool:
    t = tokens[i]
    if t.start in place_at:   # "President of Kazakhstan", "Ambassador to Iran"; not "President Nursultan ..."
        return i > 0 and tokens[i - 1].text.lower() in _CONNECTORS
    if t.text == ",":
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is not None and nxt.capitalised and nxt.bare.lower() in _OFFICE_WORDS - _CONNECTORS
    word = t.bare.lower()
    if word in _CONNECTORS:
        return True
    if word in _OFFICE_WORDS and t.capitalised:
        return True
    # an organisation's own name inside the office: "Chairman of KazMunayGas", "CEO of QazaqGaz"
    return t.capitalised and any(c.isupper() for c in t.text[1:]) and i > 0 and tokens[i - 1].text.lower() == "of"


def _name_then_title(s: SentenceView, tokens: list[_Token], place_at: dict) -> list[_Mention]:
    """'Ali Akbar Joukar, the Iranian ambassador to Kazakhstan,' — a name, a comma, an office."""
    out = []
    for k, t in enumerate(tokens):
        if t.text != "," or k == 0:
            continue
        j = k + 1
        if j < len(tokens) and tokens[j].text.lower() in ("the", "a"):
            j += 1
        first_role = j
        while j < len(tokens) and (tokens[j].start in place_at or tokens[j].bare.lower() in _OFFICE_WORDS - _CONNECTORS):
            if _TITLE_ANY_CASE.fullmatch(tokens[j].bare):
                break
            j += 1
        if j >= len(tokens) or not _TITLE_ANY_CASE.match(s.text, tokens[j].start):
            continue
        end = j + 1
        while end < len(tokens) and tokens[end].text != "," and _continues_office_lower(tokens, end, place_at):
            end += 1
        start = _name_start_before(tokens, k, place_at)
        if start is None:
            continue
        name = " ".join(t.bare for t in tokens[start:k] if t.bare.lower() not in _HONORIFICS)
        role_tokens = tokens[first_role:end]
        out.append(_Mention(name, _role_text(s, role_tokens, place_at), _country_of(role_tokens, place_at)))
    return out


def _continues_office_lower(tokens: list[_Token], i: int, place_at: dict) -> bool:
    t = tokens[i]
    return t.start in place_at or t.bare.lower() in _OFFICE_WORDS


def _name_start_before(tokens: list[_Token], comma: int, place_at: dict) -> int | None:
    """Index of the first word of a 2-4 word capitalised name ending just before `comma`."""
    start = comma
    while start > 0 and comma - start < _MAX_NAME_WORDS and _name_word(tokens[start - 1], place_at):
        start -= 1
    words = [t for t in tokens[start:comma] if t.bare.lower() not in _HONORIFICS]
    if len(words) < 2:
        return None
    if start > 0 and tokens[start - 1].capitalised and tokens[start - 1].bare.lower() not in _NOT_NAMES | _HONORIFICS:
        return None   # part of a longer capitalised run (an organisation), not a name
    return start


def _name_at(tokens: list[_Token], i: int, place_at: dict, allow_single: bool) -> str | None:
    """A capitalised name of up to four words starting at token i ('Mr.' and particles allowed)."""
    while i < len(tokens) and tokens[i].bare.lower().rstrip(".") in _HONORIFICS:
        i += 2 if i + 1 < len(tokens) and tokens[i + 1].text == "." else 1
    words: list[_Token] = []
    j = i
    while j < len(tokens) and len(words) < _MAX_NAME_WORDS:
        t = tokens[j]
        if _name_word(t, place_at) or _city_as_name(tokens, j, place_at):
            words.append(t)
        elif t.text.lower() in _PARTICLES and words and j + 1 < len(tokens) and _name_word(tokens[j + 1], place_at):
            words.append(t)
        else:
            break
        if t.bare != t.text:   # possessive ends the name: "Tokayev's visit"
            j += 1
            break
        j += 1
    if not words or (len(words) == 1 and not allow_single):
        return None
    if j < len(tokens) and tokens[j].capitalised and tokens[j].text not in (",", ".") and len(words) == _MAX_NAME_WORDS:
        return None   # a longer capitalised run: an organisation or a title, not a name
    return " ".join(t.bare for t in words)


def _city_as_name(tokens: list[_Token], j: int, place_at: dict) -> bool:
    """A city's name that is a first name here ('Nursultan Nazarbayev'): a name word follows it."""
    p = place_at.get(tokens[j].start)
    return (p is not None and p.kind in places.CITY_KINDS and j + 1 < len(tokens)
            and _name_word(tokens[j + 1], place_at))


def _name_word(t: _Token, place_at: dict) -> bool:
    if not t.capitalised or t.start in place_at:
        return False
    word = t.bare.lower()
    if word in _OFFICE_WORDS or word in _NOT_NAMES or word in _HONORIFICS:
        return False
    # all capitals is an acronym (MFA, KAZAKH INVEST), not a name
    return not (len(t.bare) > 1 and t.bare.isupper())


def _role_text(s: SentenceView, role_tokens: list[_Token], place_at: dict) -> str | None:
    """The office as written, without the country ('Kazakh Foreign Minister' -> 'Foreign Minister')."""
    toks = list(role_tokens)
    while toks and (toks[0].start in place_at or toks[0].text.lower() in ("the", "a")):
        toks.pop(0)
    # a trailing "of Kazakhstan" says whose office; the country column keeps it
    while len(toks) >= 2 and toks[-1].start in place_at and toks[-2].text.lower() in ("of", "the"):
        toks = toks[:-2] if toks[-2].text.lower() == "of" else toks[:-1]
    while toks and toks[-1].text.lower() in _CONNECTORS | {","}:
        toks.pop()
    if not toks:
        return None
    return s.text[toks[0].start:toks[-1].end]


def _country_of(role_tokens: list[_Token], place_at: dict) -> str | None:
    for t in role_tokens:
        p = place_at.get(t.start)
        if p is not None and p.kind in places.COUNTRY_KINDS and p.kind != "bloc":
            return p.code
    return None


def _keys(name: str) -> set[str]:
    """How later sentences refer to the person: the full name and the surname."""
    words = name.split()
    return {name, words[-1]} if len(words) > 1 else {name}


def _same_person(people: list[_Person], name: str) -> _Person | None:
    surname = name.split()[-1]
    for p in people:
        if name in p.keys or surname in p.keys or surname == p.name.split()[-1]:
            return p
    return None
