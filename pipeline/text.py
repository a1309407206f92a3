"""From article text to sentences with character offsets.

Marks page chrome (related-headline lists, "Last update:" lines, logos, share/subscribe
lines, bylines), finds the headline, splits paragraphs into sentences without breaking
on abbreviations or decimals, and links a repeated sentence (a lede printed twice) to
its first occurrence so that a fact stated twice becomes one row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.dates import MONTHS, WEEKDAYS

# A line that starts a list of other articles' headlines; what follows states no facts.
_RELATED_MARKER = re.compile(
    r"^\s*(read\s+more|read\s+also|related(\s+(news|articles?|stories|posts|content|coverage|reading|links?|materials?|publications?|items?|headlines))?|see\s+also|also\s+read|"
    r"more\s+on\s+this(\s+topic)?|you\s+m(?:ay|ight)\s+also\s+(?:like|be\s+interested\s+in)|recommended(\s+for\s+you)?|most\s+(read|viewed|popular)|"
    r"latest(\s+news)?|more\s+(news|stories)|more\s+in\s+[\w&]+(\s+[\w&]+)?|also\s+in\s+(the\s+|this\s+)?(section|category)|other\s+news|in\s+other\s+news|top\s+stories|popular(\s+news)?|trending|"
    r"editor'?s\s+picks?|more\s+from\s+[\w ]{1,30}|read\s+next|what\s+to\s+read\s+next|"
    r"previous\s+(digests?|issues?|editions?|reports?|stories)|earlier\s+(reports?|stories|coverage))\s*[:.\-–—]?\s*$"
    # "Leia também / Read also": the marker beside its translation
    r"|^[^/|\n]{1,30}\s*[/|]\s*(read\s+(also|more|next)|related(\s+news)?|see\s+also)\s*:?\s*$",
    re.IGNORECASE)
# "Related: Kyrgyzstan's trade reached ... | Airline adds flights": a related list on one line
_RELATED_LINE = re.compile(r"^\s*(related|read\s+(also|more|next)|see\s+also|also\s+read)\s*:\s*\S", re.IGNORECASE)
_CHROME_LINE = re.compile(
    r"^\s*(last\s+(update|updated|modified)|updated|modified)\b\s*[:\-–]?.*$"           # update stamps, never dates of the article
    r"|^.{0,60}\blogo\s*$"                                                               # "Newsroom logo"
    r"|^\s*(share(\s+this(\s+article|\s+story)?)?|print|e-?mail|tweet|advertisement|subscribe\b.*|follow\s+us\b.*|"
    r"sign\s+up\b.*|tags?\s*:.*|keywords?\s*:.*|source\s*:.*|(photo|image|picture|pictured|caption)\s*(credit|gallery)?\s*:.*|(photo|video)\s+(gallery|report)\b.*|"
    r"[\[(]?(photo|picture|image)\s+caption\s*:.*|[\[(](photo|picture|image)\s*(:|[\])]).*|(corrected|correction|clarification|editor'?s\s+note)\b.{0,40}:.*|"
    r"copyright\b.*|©.*|all\s+rights\s+reserved.*|click\s+here\b.*|comments?\s*\(?\d*\)?)\s*$",
    re.IGNORECASE)
# "Home | Politics | Economy | Sport", "Home / Business / China": a navigation menu (three or more short items between bars, bullets or spaced slashes)
_MENU_LINE = re.compile(r"^\s*[^|•·»\n]{1,30}((\s*[|•·»]\s*|\s+/\s+)[^|•·»/\n]{1,30}){2,}\s*[|•·»]?\s*$"
                        # "ASIA-PLUS | Economy", "Economy | Domestic Economy": two short items, no figures
                        r"|^\s*[A-Z][^|\d\n]{0,20}\s+\|\s+[A-Z][^|\d\n]{0,20}$"
                        # "Home   Politics   Economy   Sport": items set apart by runs of spaces
                        r"|^\s*[^\s.!?]+( [^\s.!?]+)?(\s{3,}[^\s.!?]+( [^\s.!?]+)?){2,}\s*$"
                        # "Home  News  Business  Opinion": four or more single words two spaces apart
                        r"|^\s*[^\s.!?]+(\s{2,}[^\s.!?]+){3,}\s*$")
# Every menu line holds a separator ("|", "•", "·", "»", "/") or two white spaces in a row: other
# lines (most: paragraphs of text) are not matched against the alternation, which backtracks on each
_MENU_HINT = re.compile(r"[|•·»/]|\s\s")
# "Trade turnover | $1.03 billion | +21.4%": a row of a table, not a menu
_TABLE_ROW = re.compile(r"\d\s?%|[$€£¥₽]\s?\d|\d\s?(mln|bln|million|billion|bn|tonnes|tons)\b"
                        # "Iran | 87.6 | 61.2 | 26.4": two or more cells of bare figures
                        r"|(?:\|\s*(?:[+\-−–]?\d[\d,.]*|[—–-])\s*(?=\||$)){2,}")
# "Main > Economy > Kazakhstan and Russia sign ...": a breadcrumb trail
_BREADCRUMB = re.compile(r"^\s*[^>»›\n]{1,40}(\s+[>»›]\s+[^>»›\n]{1,40}){0,3}\s+[>»›]\s+\S"
                         # "Home / Economy": short capitalised items between spaced slashes, nothing else
                         r"|^\s*[A-Z][^/\n]{0,24}(\s+/\s+[A-Z][^/\n]{0,24}){1,4}\s*$")
# every breadcrumb holds one of these (a line without is not matched against the pattern)
_BREADCRUMB_HINT = re.compile(r"[>»›/]")
# "- Kazakhstan-Kyrgyzstan trade up 9%", "• Almaty hosts ...": a listed headline (no closing full stop)
_LISTED_HEADLINE = re.compile(r"^\s*[-–•·*▪►▸→➤›»]\s+\S.{0,150}(?<![.!?…])$")
# "By Jane Doe April 8, 2021" / "By Jane Doe | Mar 3, 2022": author lines are metadata, not facts.
# "Key figures", "AT A GLANCE", "Fast facts": a box of the story's own figures, not a related list
_LIST_INTRO = re.compile(r"^(key\s+(figures|facts|numbers|data)|at\s+a\s+glance|fast\s+facts|facts\s+and\s+figures|"
                         r"in\s+numbers|by\s+the\s+numbers)\s*[:.\-–—]?$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*[Bb]y\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\b(\s*[|,•·–-]?\s*.{0,40})?$")
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’)]»"

_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st mt jr sr gen col lt capt cmdr adm gov sen rep pres amb hon rev sgt maj messrs
inc ltd co corp bros dept univ assn est approx no nos vol fig vs etc al e.g i.e u.s u.k u.n u.a.e
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
rs tk kshs
""".split())     # the last line: currency signs written with a dot before a figure ("Rs. 8.6 billion")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s+)")
_DATELINE_MARK = re.compile(r"[-–—:]")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}(,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(,\s*\d{4})?)?\s*"
                       r"(\([^()]{1,40}\))?\s*[-–—:]+\s*")


@dataclass(frozen=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str
    section: str            # "title", "body" or "chrome"
    repeat_of: int | None   # idx of an earlier identical sentence


def chrome_lines(lines: list[str]) -> set[int]:
    """Indices of lines that are page furniture rather than article text."""
    chrome: set[int] = set()
    listed: list[int] = []
    last_paragraph = -1
    in_related = False
    introduced = False      # the list under "At a glance:" / "Key figures:" is the story's own
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        is_listed = bool(_LISTED_HEADLINE.match(stripped))
        introduced = (introduced and is_listed) or (not is_listed and (stripped.endswith(":") or bool(_LIST_INTRO.match(stripped))))
        if _RELATED_MARKER.match(stripped):
            in_related = True
            chrome.add(i)
            continue
        if in_related:
            # a related-headline list runs until text that reads like a paragraph again
            if _looks_like_paragraph(stripped):
                in_related = False
            else:
                chrome.add(i)
                continue
        if is_listed and not introduced:
            listed.append(i)
        elif _looks_like_paragraph(stripped):
            last_paragraph = i
        if _CHROME_LINE.match(stripped) or _RELATED_LINE.match(stripped) or _BYLINE.match(stripped) or (
                _MENU_HINT.search(stripped) and _MENU_LINE.match(stripped) and not _TABLE_ROW.search(stripped)) or (
                _BREADCRUMB_HINT.search(stripped) and _BREADCRUMB.match(stripped)):
            chrome.add(i)
    # listed headlines after the last paragraph are other articles; a list inside the story is its text
    chrome.update(i for i in listed if i > last_paragraph)
    masthead = _masthead(lines, chrome)
    if masthead is not None:
        chrome.add(masthead)
    return chrome


_MASTHEAD_MAX_WORDS = 6


def _masthead(lines: list[str], chrome: set[int]) -> int | None:
    """The site's name above its menu: "Silk Road Herald" / "Home | Business | World" / the headline.
    A short first line, then page furniture, then a longer line that reads like a headline: the
    first is the outlet's name, not the story's headline."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    one_word = {i for i in content if len(lines[i].split()) == 1}      # "ECONOMY": a section label
    content = [i for i in content if i not in one_word or i != content[0]]
    if len(content) < 2 or content[0] in chrome:
        return None
    first = content[0]
    head = lines[first].strip()
    if not _looks_like_headline(head) or len(head.split()) > _MASTHEAD_MAX_WORDS:
        return None
    k = 1
    while k < len(content) and (content[k] in chrome or content[k] in one_word):
        k += 1
    if k == 1 or k >= len(content):
        return None                     # no furniture between them, or nothing after it
    nxt = lines[content[k]].strip()
    if _looks_like_headline(nxt) and len(nxt.split()) > len(head.split()):
        return first
    return None


def _looks_like_paragraph(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in _TERMINAL and len(line.split()) >= 12


def _looks_like_headline(line: str) -> bool:
    return 2 <= len(line.split()) <= 24 and line.rstrip()[-1:] not in _TERMINAL + ":;,"


def split_sentences(text: str, title: str | None = None) -> list[Sentence]:
    """Sentences of a document with offsets into `text`.

    `title` is a headline known from metadata; when absent, the first line is taken as
    the headline if it reads like one (short, no closing full stop)."""
    return list(_iter_sentences(text, title))


def _iter_sentences(text: str, title: str | None):
    """split_sentences, one sentence at a time (find_title stops at the first)."""
    lines = text.split("\n")
    chrome = chrome_lines(lines)
    n_out = 0
    seen: dict[str, int] = {}
    title_key = _normalise(title) if title else None
    first_content = True
    pos = 0
    for i, line in enumerate(lines):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        if i in chrome:
            spans = [(line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip()))]
            section = "chrome"
        elif first_content and title_key is None and len(line.split()) == 1 and line.strip()[-1:] not in _TERMINAL:
            # a section label above the headline ("Economy", "World"): page furniture
            spans = [(line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip()))]
            section = "chrome"
        else:
            is_title = (title_key is not None and _normalise(line) == title_key) or (
                title_key is None and first_content and _looks_like_headline(line.strip())
                and _has_more_text(lines, i))
            first_content = False
            if is_title:
                spans = [(line_start + len(line) - len(line.lstrip()), line_start + len(line.rstrip()))]
                section = "title"
                if title_key is None:
                    title_key = _normalise(line)
            else:
                spans = [(line_start + s, line_start + e) for s, e in _split_line(line)]
                section = "body"
        for s, e in spans:
            sent_text = text[s:e]
            if not any(ch.isalnum() for ch in sent_text):
                continue           # a stray "/" or "***" left between sentences
            # (a dateline needs a dash or colon near the start: most sentences skip the pattern)
            key = (_normalise(_DATELINE.sub("", sent_text, count=1))
                   if section == "body" and _DATELINE_MARK.search(sent_text, 0, 128) else _normalise(sent_text))
            repeat = seen.get(key) if section != "chrome" else None
            if repeat is None and section != "chrome" and key:
                seen[key] = n_out
            yield Sentence(n_out, s, e, sent_text, section, repeat)
            n_out += 1


def _has_more_text(lines: list[str], i: int) -> bool:
    return any(line.strip() for line in lines[i + 1:])


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph line."""
    spans: list[tuple[int, int]] = []
    start = len(line) - len(line.lstrip())
    for m in _SENTENCE_END.finditer(line):
        end = m.end()
        if end <= start or not _is_boundary(line, m.start(), end):
            continue
        # "1. Declaration on ...", "iv. Agreement on ...": an item's number is no sentence
        if spans or line[m.start()] != "." or not _ENUMERATOR.fullmatch(line, 0, m.start()):
            spans.append((start, end))
        start = end + (len(line[end:]) - len(line[end:].lstrip()))
    tail_end = len(line.rstrip())
    if start < tail_end:
        spans.append((start, tail_end))
    return spans


def _is_boundary(line: str, punct_at: int, end: int) -> bool:
    rest = line[end:].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    if nxt.islower():
        return False               # "the U.S. economy", "approx. five"
    if line[punct_at] == ".":
        token = _token_before(line, punct_at).lower()
        if token in _ABBREVIATIONS:
            return False
        if len(token) == 1 and token.isalpha() and line[punct_at - 1].isupper():
            return False           # an initial: "Mukhtar B. Tleuberdi"
        if re.fullmatch(r"(\w\.)+\w", token):
            return False           # "U.S", "e.g" handled above; other dotted acronyms
    return nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘(["


# the number of a list item at the start of a line: "1", "12", "iv", "B"
_ENUMERATOR = re.compile(r"\s*(?:\d{1,2}|[ivx]{1,5}|[IVX]{1,5}|[a-zA-Z])")


def _token_before(line: str, at: int) -> str:
    r"""The run of word characters and dots that ends at `at` ("U.S", "Mr", "e.g"): what
    `re.search(r"[\w.]+$", line[:at])` finds, without rescanning the line (which made long
    paragraphs quadratic); \w is str.isalnum() or "_"."""
    j = at
    while j > 0:
        ch = line[j - 1]
        if not (ch.isalnum() or ch == "_" or ch == "."):
            break
        j -= 1
    return line[j:at]


def _normalise(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.lower().split()).strip(" .")


# Metadata lines between a masthead and a story ("Sources: National Statistics Office",
# "Interview by Jane Doe", "Press Service"): never the headline.
_METADATA_LABEL = re.compile(
    r"^\s*(sources?|date|published|posted|updated|edited|author|authors|photo|credit|reporting\s+by|"
    r"interview\s+by|written\s+by|reported\s+by|staff\s+(reporter|writer|correspondent)|press\s+(service|office|release))\b",
    re.IGNORECASE)
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"am", "pm", "at", "on", "gmt", "utc", "cet", "cest", "bst", "est"}
_TITLE_SCAN_LINES = 20
_TITLE_MAX_WORDS = 18
_HEADLINE_MIN_WORDS = 6


def _is_date_line(line: str) -> bool:
    """"14.02.2024, 11:42", "Bishkek, 22 March 2024", "March 3, 2024 9:14 AM GMT+3 · Updated
    March 4, 2024": a date stamp (at most two words besides the date), not a headline."""
    words = re.findall(r"[A-Za-z]+", re.sub(r"\b(GMT|UTC)[+-]\d+", " ", line))
    rest = [w for w in words if w.lower().rstrip(".") not in _DATE_WORDS]
    return bool(re.search(r"\d", line)) and len(rest) <= 2


def find_title(text: str) -> str | None:
    """The headline of an article without metadata, or None.

    The longest line that reads like a headline above the first paragraph: the site's name,
    a tagline, a date stamp or a "Press Service" line above the story are shorter or are not
    headline-like; a line of the story itself ends the search. A line of more than
    _TITLE_MAX_WORDS words is a standfirst or caption, a line split by bars ("Source:
    Xinhua | 2024-01-23") is furniture and a line in capitals is a masthead ("MINISTRY OF
    TRADE OF THE REPUBLIC OF ..."): each is taken only when nothing else is."""
    lines = text.split("\n", _TITLE_SCAN_LINES)[:_TITLE_SCAN_LINES]
    chrome = chrome_lines(lines)
    candidates: dict[int, str] = {}
    previous: dict[int, int] = {}        # line -> the non-blank line above it
    last = -1
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        previous[i], last = last, i
        if i in chrome:
            continue
        if _looks_like_paragraph(stripped) or stripped[-1:] in _TERMINAL and len(stripped.split()) >= 8:
            break
        if (_looks_like_headline(stripped) and not _is_date_line(stripped) and not _METADATA_LABEL.match(stripped)
                and not _DATELINE_ONLY.match(stripped) and not _BYLINE_INSIDE.search(stripped)):
            candidates[i] = stripped
    preferred = ({i: c for i, c in candidates.items()
                  if "|" not in c and len(_DASH_SEPARATOR.findall(c)) < 2     # "TRADE WIRE — Economy — Briefs"
                  and len(c.split()) <= _TITLE_MAX_WORDS and not c.isupper()}    # "MINISTRY OF TRADE OF ..."
                 or candidates)
    if not preferred:
        return None
    best = max(preferred, key=lambda i: len(preferred[i].split()))
    above = previous.get(best, -1)
    if above in preferred and len(preferred[above].split()) >= _HEADLINE_MIN_WORDS:
        best = above     # a headline, then a longer standfirst without a full stop under it
    return preferred[best]


_DASH_SEPARATOR = re.compile(r"\s[—–-]\s")
# "BAKU, June 5. By Leyla Huseynova – CaspiNews": a dateline and byline on one line
_BYLINE_INSIDE = re.compile(r"\b[Bb]y\s+[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+){0,2}\s*([|–—]|$)")
# "ASTANA --", "DOHA, Oct 4 (QNA) -": a dateline on a line of its own
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}(\([^()]{1,40}\))?\s*[-–—]+\s*$")
