"""Normalisation for matching (never for offsets), paragraphs and page boilerplate.

Scraped Russian text hides soft hyphens, zero-width spaces, stress marks and
Latin look-alike letters inside Cyrillic words (``СOР29``).  We analyse a
normalised copy and map every offset back, so that spans always point into
the text as read.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Span

# Removed for matching: soft hyphen, zero-width space/joiners, word joiner, BOM,
# combining stress marks (á, а́), variation selectors.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301\u0300\u030b\ufe0e\ufe0f"
# Same-length substitutions: exotic spaces become a plain space.
SPACES = "\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
# Combining marks that make one letter with the letter before them (NFD text).
COMBINING_LETTERS = {("и", "\u0306"): "й", ("И", "\u0306"): "Й", ("е", "\u0308"): "ё", ("Е", "\u0308"): "Ё"}

LATIN_TO_CYRILLIC = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
CYRILLIC_TO_LATIN = str.maketrans("АаВСсЕеНКМОоРрТХху", "AaBCcEeHKMOoPpTXxy")

_SPECIAL = re.compile(f"[{INVISIBLE}{SPACES}\u0306\u0308]")
_MIXED = re.compile(r"[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё]")
_WORD = re.compile(r"[^\W\d_]+(?:[-\d]+[^\W\d_]*)*")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised copy of a text and the way back to the original offsets.

    ``removed`` lists, for every deleted character, the normalised position it
    was deleted before; the original offset of a normalised position ``i`` is
    ``i`` plus the number of deletions at or before ``i``.
    """

    source: str
    text: str
    removed: tuple[int, ...] = ()

    def to_source(self, i: int) -> int:
        """Original offset of the character at normalised position ``i``."""
        if not self.removed:
            return i
        return i + bisect.bisect_right(self.removed, i)

    def end_to_source(self, end: int) -> int:
        """Original offset just past the character at normalised ``end - 1``."""
        if not self.removed or end == 0:
            return end
        e = self.to_source(end - 1) + 1
        # «окно́», «и» + U+0306: combining marks belong to the letter before them
        while e < len(self.source) and "\u0300" <= self.source[e] <= "\u036f":
            e += 1
        return e

    def span(self, start: int, end: int) -> Span:
        """A span of the original text from normalised offsets."""
        s, e = self.to_source(start), self.end_to_source(end)
        return Span(s, e, self.source[s:e])


def normalize(text: str) -> Normalized:
    """Normalise for matching, keeping a map back to the original offsets.

    >>> n = normalize("Ка\u0301спий")
    >>> n.text, n.span(0, len(n.text)).text == "Ка\u0301спий"
    ('Каспий', True)
    """
    out = text
    removed: list[int] = []
    if _SPECIAL.search(text):
        chars: list[str] = []
        for ch in text:
            if ch in SPACES:
                chars.append(" ")
            elif ch in "\u0306\u0308" and chars and (chars[-1], ch) in COMBINING_LETTERS:
                chars[-1] = COMBINING_LETTERS[(chars[-1], ch)]
                removed.append(len(chars))
            elif ch in INVISIBLE:
                removed.append(len(chars))
            else:
                chars.append(ch)
        out = "".join(chars)
    if _MIXED.search(out):
        out = _WORD.sub(_unmix, out)
    return Normalized(text, out, tuple(removed))


def _unmix(match: re.Match[str]) -> str:
    # «СOР29» with a Latin O: a word in one script with look-alikes of the other
    word = match.group(0)
    cyr = sum(1 for ch in word if "А" <= ch <= "я" or ch in "Ёё")
    lat = sum(1 for ch in word if "A" <= ch <= "z" and ch.isalpha())
    if not cyr or not lat:
        return word
    table = LATIN_TO_CYRILLIC if cyr >= lat else CYRILLIC_TO_LATIN
    return word.translate(table)


def norm_word(word: str) -> str:
    """Key for comparing words and lemmas: lower case, ё as е.

    >>> norm_word("Ёлка")
    'елка'
    """
    return word.lower().replace("ё", "е")


def merge_spans(spans) -> list[tuple[int, int]]:
    """(start, end) pairs merged where they overlap or touch: sorted and disjoint, ends sorted too.

    >>> merge_spans([(5, 9), (0, 3), (2, 4), (9, 10)])
    [(0, 4), (5, 10)]
    """
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def inside(i: int, spans: list[Span]) -> bool:
    """Whether offset ``i`` falls in one of ``spans`` (sorted and disjoint), by bisection.

    >>> inside(5, [Span(0, 3, "abc"), Span(4, 9, "efghi")]), inside(3, [Span(0, 3, "abc")])
    (True, False)
    """
    k = bisect.bisect_right(spans, i, key=lambda s: s.start) - 1
    return k >= 0 and i < spans[k].end


_PARA = re.compile(r"[^\r\n]+")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Non-blank lines, trimmed: the paragraphs of scraped or typed text."""
    end = len(text) if end is None else end
    out = []
    for m in _PARA.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Span(s, e, text[s:e]))
    return out
