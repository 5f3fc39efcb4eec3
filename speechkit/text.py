"""Normalisation for matching (never for offsets), paragraphs and page boilerplate.

Scraped Russian text hides soft hyphens, zero-width spaces, stress marks and
Latin look-alike letters inside Cyrillic words (``СOР29``).  We analyse a
normalised copy and map every offset back, so that spans always point into
the text as read.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import filterfalse

from . import regexes
from .model import Span, Tokens

# the end of an outlet's site name («Tengrinews.kz», «24.kg», «Лента.ру», «NEWSru.com»): an outlet named so
# publishes and asks, it does not speak
# a site's domain written in capitals after the dot of its name («URA.RU», «E1.RU»): no sentence ends there
CAPITAL_DOMAIN = r"(?:RU|KZ|UZ|KG|TJ|BY|UA|AZ|AM|GE|MD|COM|NET|ORG|INFO)(?!\w)"
SITE_SUFFIX = r"\.(?i:ru|ру|kz|uz|kg|tj|by|ua|az|am|ge|md|com|net|org|info|рф)(?![\w.])"

# the prepositions a noun phrase can open with («в соцсетях», «по словам»)
PREPOSITIONS = frozenset("в во на с со по для о об обо у к ко из за при от до после перед через над под между "
                         "среди без про вместо около".split())

# Removed for matching: soft hyphen, zero-width space/joiners, word joiner, BOM,
# combining stress marks (á, а́), variation selectors.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0301\u0300\u030b\ufe0e\ufe0f"
# Where a run of marks that belong to the letter before can begin: a combining mark or a removed one.
MARKS_AFTER = frozenset(map(chr, range(0x300, 0x370))) | frozenset(INVISIBLE)
# Same-length substitutions: exotic spaces become a plain space.
SPACES = "\u00a0\u202f\u2009\u2007\u2008\u200a\u2002\u2003\u2004\u2005\u2006\u3000"
# Combining marks that make one letter with the letter before them (NFD text).
COMBINING_LETTERS = {("и", "\u0306"): "й", ("И", "\u0306"): "Й", ("е", "\u0308"): "ё", ("Е", "\u0308"): "Ё"}

LATIN_TO_CYRILLIC = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
CYRILLIC_TO_LATIN = str.maketrans("АаВСсЕеНКМОоРрТХху", "AaBCcEeHKMOoPpTXxy")

_SPECIAL = regexes.compile(f"[{INVISIBLE}{SPACES}\u0306\u0308]")
_MIXED = regexes.compile(r"[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё]")
_LATIN_LETTER = regexes.compile(r"[A-Za-z]")
_CYRILLIC_LETTER = regexes.compile(r"[А-Яа-яЁё]")
_WORD = regexes.compile(r"[^\W\d_]+(?:[-\d]+[^\W\d_]*)*")
# a wire's dateline: a place in capitals opening a paragraph, then a dash or a date («БИШКЕК —», «АЛМАТЫ, 5 марта»)
_DATELINE = regexes.compile(r"[А-ЯЁ]{3,}(?:[ -][А-ЯЁ]{2,})*[ \t]*(?:[—–]|-[ \t]|,[ \t]*\d)")


def dateline_end(text: str, pos: int) -> int | None:
    """Where a dateline that opens the paragraph at ``pos`` ends, or None: «БИШКЕК — Министр …» (the place in
    capitals is no one's name)."""
    if pos and text[pos - 1] != "\n":
        return None
    m = _DATELINE.match(text, pos)
    return m.end() if m else None


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
        return with_marks(self.source, self.to_source(end - 1) + 1)

    def span(self, start: int, end: int) -> Span:
        """A span of the original text from normalised offsets."""
        s, e = self.to_source(start), self.end_to_source(end)
        return Span(s, e, self.source[s:e])


def with_marks(source: str, e: int) -> int:
    """``e`` moved past the combining marks that belong to the letter before it.

    «окно́», «и» + U+0306: a combining mark is part of its letter, also when a removed
    invisible character stands between them («что» + soft hyphen + stress).

    >>> with_marks("окно\u0301 ", 4), with_marks("что\u00ad\u0301", 3), with_marks("что\u00ad", 3)
    (5, 5, 3)
    """
    j = e
    while j < len(source) and ("\u0300" <= source[j] <= "\u036f" or source[j] in INVISIBLE):
        j += 1
        if "\u0300" <= source[j - 1] <= "\u036f":
            e = j
    return e


def normalize(text: str) -> Normalized:
    """Normalise for matching, keeping a map back to the original offsets.

    >>> n = normalize("Ка\u0301спий")
    >>> n.text, n.span(0, len(n.text)).text == "Ка\u0301спий"
    ('Каспий', True)
    """
    out = text
    removed: list[int] = []
    if _SPECIAL.search(text):
        out = _clean(text, removed)
    if _MIXED.search(out):
        out = _unmixed(out)
    return Normalized(text, out, tuple(removed))


def _unmixed(text: str) -> str:
    """The text with each word written in two scripts made one (``_unmix``); the words left alone are not
    copied one by one (``re.sub`` would hold a piece for each word of a 10 MB text), only the stretches
    between the words changed."""
    parts: list[str] = []
    prev = 0
    latin, cyrillic = _LATIN_LETTER.search, _CYRILLIC_LETTER.search
    for m in _WORD.finditer(text):
        word = m.group(0)
        if latin(word) is None or cyrillic(word) is None:
            continue  # a word in one script (most of them): nothing to make one, and no call to _unmix
        new = _unmix(word)
        if new != word:
            parts += (text[prev : m.start()], new)
            prev = m.end()
    if not parts:
        return text
    parts.append(text[prev:])
    return "".join(parts)


def _clean(text: str, removed: list[int]) -> str:
    """Spaces unified, invisible marks dropped (their places noted in ``removed``), NFD letters joined.

    Only the special characters are looked at one by one; the stretches between them are copied whole.
    """
    parts: list[str] = []
    n_out = 0  # length of the output so far
    last = ""  # its last character: a combining mark joins the letter before it
    prev = 0
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i > prev:
            parts.append(text[prev:i])
            n_out += i - prev
            last = text[i - 1]
        ch = text[i]
        prev = i + 1
        if ch in SPACES:
            parts.append(" ")
            n_out += 1
            last = " "
        elif n_out and (last, ch) in COMBINING_LETTERS:
            last = COMBINING_LETTERS[(last, ch)]
            parts[-1] = parts[-1][:-1] + last
            removed.append(n_out)
        elif ch in INVISIBLE:
            removed.append(n_out)
        else:
            parts.append(ch)
            n_out += 1
            last = ch
    parts.append(text[prev:])
    return "".join(parts)


def _unmix(word: str) -> str:
    # «СOР29» with a Latin O: a word in one script with look-alikes of the other
    cyr = sum(1 for ch in word if "А" <= ch <= "я" or ch in "Ёё")
    lat = sum(1 for ch in word if "A" <= ch <= "z" and ch.isalpha())
    if not cyr or not lat:
        return word
    table = LATIN_TO_CYRILLIC if cyr >= lat else CYRILLIC_TO_LATIN
    return word.translate(table)


LOWER_WORD = regexes.compile(r"(?<![\w-])([а-яё]+)(?![\w-])")  # a whole word in lower-case Cyrillic
_WORD_BEFORE = regexes.compile(r"([А-ЯЁа-яё]+)[ \t]+$")
_WORD_AFTER = regexes.compile(r"[ \t]+([А-ЯЁа-яё]+)")


def word_before(text: str, pos: int, reach: int = 40) -> str | None:
    """The Cyrillic word that ends right before ``pos`` (spaces or tabs between), read within ``reach``
    characters: «деревни» before «Кастри»; None after a mark, a line break or a Latin word."""
    m = _WORD_BEFORE.search(text, max(0, pos - reach), pos)
    return m.group(1) if m else None


def word_after(text: str, pos: int, reach: int = 40) -> str | None:
    """The Cyrillic word that starts right after ``pos`` (spaces or tabs between): «области» after «Таласской»."""
    m = _WORD_AFTER.match(text, pos, pos + reach)
    return m.group(1) if m else None


def norm_word(word: str) -> str:
    """Key for comparing words and lemmas: lower case, ё as е.

    >>> norm_word("Ёлка")
    'елка'
    """
    return word.lower().replace("ё", "е")


def has_letters(s: str, n: int = 1) -> bool:
    """Whether ``s`` holds at least ``n`` letters; stops at the ``n``-th, so a paragraph costs a few characters.

    >>> has_letters("— 5 %"), has_letters("Да.", 3), has_letters("Да.", 2)
    (False, False, True)
    """
    if n == 1 and s.isalpha():
        return True
    for ch in s:
        if ch.isalpha():
            n -= 1
            if not n:
                return True
    return False


def count_words(s: str) -> int:
    """Words holding a letter, split at white space: what a theme's share of the text counts.

    >>> count_words("Рост — 5 %, т.е. вдвое.")
    3
    """
    words = s.split()
    rest = list(filterfalse(str.isalpha, words))  # (most words are letters only: counted without a Python call)
    return len(words) - len(rest) + sum(1 for w in rest if any(map(str.isalpha, w)))


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
    if not spans:
        return False
    k = bisect.bisect_right(spans, i, key=lambda s: s.start) - 1
    return k >= 0 and i < spans[k].end


def outside(items: list, spans: list[Span]) -> list:
    """The items (sorted by ``start``) that do not start inside one of ``spans`` (sorted, disjoint).

    One walk along both lists instead of a bisection per item: tokens are many.

    >>> [t.start for t in outside([Span(0, 1, "a"), Span(4, 5, "b"), Span(9, 10, "c")], [Span(3, 6, "xyz")])]
    [0, 9]
    """
    if isinstance(items, Tokens):  # a long text's columns: the kept ones as columns too
        return items.take(_outside_columns(items.starts, spans)) if spans and items else items
    if not spans or not items:
        return list(items)
    out = []
    # the walk starts at the first span that ends after the first item: a segment's few tokens
    # against a whole text's spans cost what the segment holds, not what the text holds
    k, n = bisect.bisect_right(spans, items[0].start, key=lambda sp: sp.end), len(spans)
    for it in items:
        s = it.start
        while k < n and spans[k].end <= s:
            k += 1
        if k == n or s < spans[k].start:
            out.append(it)
    return out


def _outside_columns(starts, spans: list[Span]) -> list[tuple[int, int]]:
    """``outside`` on a column of start offsets: the runs ``(a, b)`` of indices kept, found by a
    bisection per span (a walk over a million tokens, and a list of a million kept indices, was
    the peak of a long text's memory)."""
    runs, a = [], 0
    last = starts[-1]
    # only the spans that reach the tokens: a segment's few tokens against a whole text's page
    # furniture cost what the segment holds (every span for every segment grew with the square)
    for k in range(bisect.bisect_right(spans, starts[0], key=lambda sp: sp.end), len(spans)):
        sp = spans[k]
        if sp.start > last:
            break
        lo = bisect.bisect_left(starts, sp.start, a)
        hi = bisect.bisect_left(starts, sp.end, lo)
        if hi > lo:
            if lo > a:
                runs.append((a, lo))
            a = hi
    if a < len(starts):
        runs.append((a, len(starts)))
    return runs


# where an author's sentence ends, for attribution: . ! ? … before a capital, with or without a space
# (scraped text glues sentences: «базы.А в постпредстве»), never after a capital alone (initials: «В.Путин»,
# «Путин В. В.»; an abbreviation of capitals ends one: «тарифов ЖКХ. Глава региона …»);
# a scraped related-news block's marks and time stamps end one too («…Вчера 16:51■В телефоне …»,
# «Вчера 17:16В ходе осмотра …»)
#
# Written as one regex (``(?<![^\w][А-ЯЁA-Z])(?<!^[А-ЯЁA-Z])[.!?…]+…|\n|■|(?<=\d\d:\d\d)(?=[А-ЯЁ])``) it begins with assertions, so
# the engine tries it at every character; here the marks are one pattern that begins with a character
# class (the engine skips to candidates: 2.4 times faster) and the time stamps another that begins with «:».
_BREAK_MARKS = regexes.compile(r"[\n■.!?…](?:(?<=[\n■])|(?<![^\w][А-ЯЁA-Z].)(?<!^[А-ЯЁA-Z].)(?!(?<=\w\.)" + CAPITAL_DOMAIN
                               + r")[.!?…]*[\"»”]?\s*(?=[«\"„(]?[А-ЯЁA-Z]))")  # (not «E1.RU»)
_CLOCK_BREAK = regexes.compile(r":(?<=\d\d:)\d\d(?=[А-ЯЁ])")  # the break is the empty span after the time


def sentence_breaks(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    r"""``(start, end)`` of each sentence break in ``text[lo:hi]``, in text order (a time stamp's is empty).

    >>> t = "Вчера 16:51■В телефоне. «Да», — сказал В.Путин.\nВчера 17:16В ходе"
    >>> [t[a:b] for a, b in sentence_breaks(t)], [t[a - 5 : a + 2] for a, b in sentence_breaks(t) if a == b]
    (['■', '. ', '.\n', ''], ['17:16В '])
    """
    hi = len(text) if hi is None else hi
    marks = [(m.start(), m.end()) for m in _BREAK_MARKS.finditer(text, lo, hi)]
    if text.find(":", max(0, lo - 3), hi) < 0:
        return marks
    # a time stamp may begin before ``lo``: only its break, right after it, must fall inside
    clocks = [(m.end(), m.end()) for m in _CLOCK_BREAK.finditer(text, max(0, lo - 3), hi) if m.end() >= lo]
    return sorted(marks + clocks) if clocks else marks


_PARA = regexes.compile(r"[^\r\n]+")


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
