"""Keyword in context by lemma: every form of the query's words, with its segment's theme and speaker.

The query is lemmatised word by word and a hit is a run of consecutive words
of the text whose lemmas are the query's («искусственный интеллект» finds
«искусственного интеллекта»; words separated by punctuation do not match).
The page tail (boilerplate) is never searched.

``related=True`` also takes the words derived from a query word: lemmas that
contain its *stem*, the lemma less one final vowel, «й» or «ь».  A stem of
``MIN_INNER_STEM`` letters or more may stand anywhere in the lemma (каспий →
каспи-: каспийский, транскаспийский, прикаспийский); a shorter stem only at its
start (порт → портовый, not транспорт); a stem under ``MIN_STEM`` letters
takes nothing more than the lemma itself.

``find_regex_hits`` takes a regular expression instead, matched over the
words as written (case-insensitively, whole words only: «каспи\\w*» finds
Каспия and Каспийского, not транскаспийский).  ``sort_hits`` orders hits by
the words to their left (nearest first) or right, as concordancers do.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import morph, regexes
from .errors import UsageError
from .model import Analysis, Segment, Token
from .text import norm_word

MIN_STEM = 3  # «вод-» (вода) still finds водный; «ум-» (ум) would find умный, умение …
MIN_INNER_STEM = 5  # «каспи-» may be inside транскаспийский; «порт-» may not be inside транспорт
ENDINGS = "аеёиоуыэюяйь"
_SPACE = regexes.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of the query: ``text == source[start:end]``, with its context."""

    start: int
    end: int
    text: str
    left: str
    right: str
    segment: int | None
    theme: str | None
    speaker: str | None


@dataclass(frozen=True, slots=True)
class QueryWord:
    """What one word of the query matches: its lemma keys and, if related, its stem."""

    form: str
    lemmas: frozenset[str]
    stem: str | None = None

    def matches(self, key: str) -> bool:
        if key in self.lemmas:
            return True
        if self.stem is None:
            return False
        return self.stem in key if len(self.stem) >= MIN_INNER_STEM else key.startswith(self.stem)


def stem(lemma: str) -> str:
    """The lemma less one final vowel, «й» or «ь»: what derived words share.

    >>> stem("каспий"), stem("вода"), stem("климат")
    ('каспи', 'вод', 'климат')
    """
    key = norm_word(lemma)
    return key[:-1] if len(key) > 1 and key[-1] in ENDINGS else key


def parse_query(query: str, *, related: bool = False) -> list[QueryWord]:
    """The query's words with the lemma keys each may take (tokenizer's and context-free lemma).

    >>> [sorted(w.lemmas) for w in parse_query("Каспия")]
    [['каспий']]
    """
    words = [t for t in morph.tokenize(query) if _is_word(t)]
    if not words:
        raise UsageError(f"the query {query!r} has no words; give a word such as «каспий»")
    out = []
    for t in words:
        keys = frozenset({norm_word(t.lemma), norm_word(morph.lemma(t.text))})
        st = None
        if related:
            s = stem(morph.lemma(t.text))
            st = s if len(s) >= MIN_STEM else None
        out.append(QueryWord(t.text, keys, st))
    return out


def _is_word(tok: Token) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def _excluded(a: Analysis) -> list[tuple[int, int]]:
    spans = [(b.start, b.end) for b in a.source.boilerplate]
    if a.source.boilerplate_start is not None:
        spans.append((a.source.boilerplate_start, len(a.text)))
    return spans


def context(text: str, start: int, end: int, width: int, *, limit: int | None = None) -> tuple[str, str]:
    """``width`` characters left and right of ``text[start:end]``, white space runs as one space.

    >>> context("Мы  строим\\nпорт в Актау.", 11, 15, 8)
    (' строим ', ' в Актау')
    """
    limit = len(text) if limit is None else limit
    # take more than needed: collapsing white space shortens the context
    left = _SPACE.sub(" ", text[max(0, start - 4 * width) : start])[-width:] if width else ""
    right = _SPACE.sub(" ", text[end : min(limit, end + 4 * width)])[:width] if width else ""
    return left, right


def find_hits(a: Analysis, query: str | list[QueryWord], *, width: int = 40,
              related: bool = False) -> list[Hit]:
    """Every occurrence of the query's lemmas in the analysed text, outside the page tail.

    >>> from speechkit.pipeline import Options, analyze
    >>> a = analyze("Порт на Каспии растёт. Каспий мелеет.", Options(keywords=False, summary=False))
    >>> [h.text for h in find_hits(a, "каспий")]
    ['Каспии', 'Каспий']
    """
    if width < 0:
        raise UsageError(f"--width must be 0 or more, not {width}")
    words = parse_query(query, related=related) if isinstance(query, str) else query
    skip = _excluded(a)
    limit = a.source.boilerplate_start
    toks = [t for t in a.tokens if _is_word(t) and not any(s <= t.start < e for s, e in skip)]
    seg_starts = [s.start for s in a.segments]
    n = len(words)
    hits = []
    i = 0
    while i + n <= len(toks):
        run = toks[i : i + n]
        if all(w.matches(norm_word(t.lemma)) for w, t in zip(words, run)) and _adjacent(a.text, run):
            start, end = run[0].start, run[-1].end
            seg = _segment_at(a.segments, seg_starts, start)
            left, right = context(a.text, start, end, width, limit=limit)
            hits.append(Hit(start, end, a.text[start:end], left, right, seg.index if seg else None,
                            seg.theme if seg else None, seg.speaker if seg else None))
            i += n
        else:
            i += 1
    return hits


def _adjacent(text: str, run: list[Token]) -> bool:
    # «искусственный интеллект» matches across a line break, «интеллект. Искусственный» does not
    return all(not text[x.end : y.start].strip() for x, y in zip(run, run[1:]))


def _segment_at(segments: list[Segment], starts: list[int], pos: int) -> Segment | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and segments[i].start <= pos < segments[i].end:
        return segments[i]
    return None


def compile_regex(query: str) -> re.Pattern:
    """The user's regular expression, anchored to whole words, case-insensitive.

    >>> bool(compile_regex(r"каспи\\w*").search("в Каспийском море")), bool(compile_regex("каспи").search("Каспия"))
    (True, False)
    """
    if not query.strip():
        raise UsageError("the --regex query is empty")
    try:
        return regexes.compile(rf"(?<!\w)(?:{query})(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise UsageError(f"--regex {query!r} is not a valid regular expression: {exc}") from None


def find_regex_hits(a: Analysis, pattern: re.Pattern, *, width: int = 40) -> list[Hit]:
    """Every match of ``pattern`` in the analysed text, outside the page tail and inline boilerplate.

    >>> from speechkit.pipeline import Options, analyze
    >>> a = analyze("Порт на Каспии растёт. Каспийский регион.", Options(keywords=False, summary=False))
    >>> [h.text for h in find_regex_hits(a, compile_regex(r"каспи\\w*"))]
    ['Каспии', 'Каспийский']
    """
    skip = _excluded(a)
    limit = a.source.boilerplate_start
    seg_starts = [s.start for s in a.segments]
    hits = []
    for m in pattern.finditer(a.text, 0, len(a.text) if limit is None else limit):
        start, end = m.span()
        if start == end or any(s < end and start < e for s, e in skip):
            continue
        seg = _segment_at(a.segments, seg_starts, start)
        left, right = context(a.text, start, end, width, limit=limit)
        hits.append(Hit(start, end, a.text[start:end], left, right, seg.index if seg else None,
                        seg.theme if seg else None, seg.speaker if seg else None))
    return hits


SORTS = ("text", "left", "right", "hit")
_WORD = regexes.compile(r"\w+(?:-\w+)*")


def _words(text: str) -> list[str]:
    return [norm_word(w) for w in _WORD.findall(text)]


def sort_key(how: str):
    """The key that orders concordance lines: by the words left of the hit (nearest first), right of it, or the hit.

    >>> k = sort_key("left")
    >>> k({"left": "в порту Актау ", "text": "вырос", "right": ""}) < k({"left": "и Курык ", "text": "вырос", "right": ""})
    True
    """
    if how == "left":
        return lambda h: (_words(h["left"])[::-1], _words(h["text"]))
    if how == "right":
        return lambda h: (_words(h["right"]), _words(h["text"]))
    if how == "hit":
        return lambda h: (_words(h["text"]), _words(h["right"]))
    raise UsageError(f"--sort takes one of {', '.join(SORTS)}, not {how!r}")
