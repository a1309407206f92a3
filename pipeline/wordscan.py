"""Running a slow regex only where a match can start.

A large alternation (trigger phrases, count words) is tried by `re` at every character of the
text. Where every match must begin at a word from a known set, trying the pattern only at such
words finds the same matches for a fraction of the cost."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def matches_at_words(pattern: re.Pattern, text: str, words: re.Pattern,
                     may_start: Callable[[str], bool]) -> Iterator[re.Match]:
    """What pattern.finditer(text) yields, trying pattern.match only at the start of each match of
    `words` for which may_start(word) is true, and never inside a match already found."""
    pos = 0
    for w in words.finditer(text):
        at = w.start()
        if at < pos or not may_start(w.group(0)):
            continue
        m = pattern.match(text, at)
        if m is not None:
            pos = m.end()
            yield m


def matches_at_starts(pattern: re.Pattern, text: str, starts: re.Pattern, scanned: str,
                      pos: int = 0) -> Iterator[re.Match]:
    """What pattern.finditer(text, pos) yields, trying pattern.match only where `starts` matches
    `scanned` (the text or a copy of it of the same length, such as the lower-cased ASCII text).
    Every position where a match of `pattern` can start must be one where `starts` matches, and
    `pattern` must never match the empty string: then each search for the next start skips the
    positions that cannot match (`re` tries pattern's optional words at every character, while
    `starts` can be a case-sensitive alternation of plain letters, which `re` skips through)."""
    while True:
        s = starts.search(scanned, pos)
        if s is None:
            return
        m = pattern.match(text, s.start())
        if m is None:
            pos = s.start() + 1
        else:
            pos = m.end()
            yield m


def whole_word_starts(words: frozenset[str]) -> re.Pattern:
    """Where one of `words` (lower-case) stands as a whole word, for searching lower-cased text:
    one group per first letter, each beginning with its plain letter ("m(?<!\\wm)(?:eet|et)(?!\\w)"),
    so that `re` skips to the letters that can begin one instead of trying every word at every
    character. The `starts` pattern of matches_at_starts for a pattern whose matches each begin
    with one of `words`."""
    return re.compile("|".join(
        rf"{c}(?<!\w{c})(?:{'|'.join(sorted(w[1:] for w in words if w[0] == c))})(?!\w)"
        for c in sorted({w[0] for w in words})))


class Caseless:
    """A case-insensitive pattern searched faster. `re` compares case-insensitively character by
    character, two to three times slower than plain matching; on ASCII text, a case-sensitive
    copy of the pattern with its letters lower-cased, run over the lower-cased text, finds the
    same matches at the same positions (group texts come back lower-cased). Other text uses the
    case-insensitive pattern. Patterns must not rely on case (no [A-Z] classes, no (?-i:...))."""

    def __init__(self, pattern: str):
        self.any_case = re.compile(pattern, re.IGNORECASE)
        self.lower_case = re.compile(_lower_literals(pattern))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        end = len(text) if endpos is None else endpos
        if text.isascii():
            return self.lower_case.finditer(text.lower(), pos, end)
        return self.any_case.finditer(text, pos, end)

    def finditer_at(self, text: str, starts: re.Pattern) -> Iterator[re.Match]:
        """What finditer(text) yields, on ASCII text trying the pattern only where `starts` matches
        the lower-cased text (see matches_at_starts: every match must begin where `starts` does);
        other text is searched as finditer does."""
        if text.isascii():
            low = text.lower()
            return matches_at_starts(self.lower_case, low, starts, low)
        return self.any_case.finditer(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self._pick(text, "search", pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self._pick(text, "match", pos, endpos)

    def _pick(self, text: str, method: str, pos: int, endpos: int | None) -> re.Match | None:
        end = len(text) if endpos is None else endpos
        if text.isascii():
            return getattr(self.lower_case, method)(text.lower(), pos, end)
        return getattr(self.any_case, method)(text, pos, end)


def _lower_literals(pattern: str) -> str:
    """The pattern with its literal letters lower-cased, escapes ("\\S", "\\B") and group names kept."""
    if re.search(r"\[[^\]]*A-Z|\(\?-i", pattern):
        raise ValueError("a pattern that relies on case cannot be searched lower-cased")
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:j + 1])
            i = j + 1
        else:
            out.append(ch.lower())
            i += 1
    return "".join(out)


def last_match(pattern: re.Pattern | Caseless, text: str) -> tuple[int, int] | None:
    """The span of the last of pattern.finditer(text), None when there is none."""
    span = None
    for m in pattern.finditer(text):
        span = m.span()
    return span
