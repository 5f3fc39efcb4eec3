"""Extractive summaries: the sentences most central to the text, kept in text order.

Sentences are ranked by TextRank (Mihalcea & Tarau 2004): a graph whose edges
weigh the content lemmas two sentences share, ``|Li ∩ Lj| / (ln|Li| + ln|Lj|)``,
and PageRank over it by a small power iteration.  The graph is a few hundred
nodes at most, so a dict-based iteration is as quick as networkx and spares
the import (~0.15 s).  A sentence of the speaker's own words (a quote or a
transcript turn) weighs ``SPEECH_BOOST`` times its centrality, so the summary
quotes the speaker rather than the reporter's framing.  Near-duplicates are
dropped and the chosen sentences return in text order.
"""

from __future__ import annotations


import bisect
import itertools
import math
import operator
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from . import regexes
from .keywords import content_forms
from .model import Figure, Segment, Span, SummarySentence, Token, token_fields, token_starts
from .text import has_letters

MIN_WORDS = 6  # shorter sentences («Наша сила в единстве.») are not summary material
MAX_GRAPH = 300  # sentences in the graph: the ones with most content words
DAMPING = 0.85
ITERATIONS = 100
TOLERANCE = 1e-8
SPEECH_BOOST = 2.0  # quote and turn sentences: the speaker's own words
SPEECH_KINDS = frozenset({"quote", "turn"})
FIGURE_BOOST = 1.3  # summarize_by_theme: a sentence with a number in digits
NEAR_DUPLICATE = 0.7  # share of a sentence's content lemmas in a chosen one that makes it a repeat
OPEN_QUOTES = "«„“"
CLOSE_QUOTES = "»“”"
STRAIGHT_QUOTES = "\"'"
TRAILING = ",;:—–-"  # «…состязаниях», – сказал»: what a quote clipped at its end leaves behind


@dataclass(slots=True)
class _Candidate:
    """One sentence (or line of one) that may enter the summary."""

    start: int
    end: int
    lemmas: tuple[str, ...]  # its content lemmas, distinct and sorted (a tuple: a tenth of a frozenset's
    words: int               # bytes, for every sentence of a long text)
    segment: Segment | None
    figure: bool
    score: float = 0.0


# ---------------------------------------------------------------- pieces of text
def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop outer whitespace, an unpaired outer quote mark and a dangling comma or dash."""
    while True:
        s, e = start, end
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING):
            end -= 1
        piece = text[start:end]
        # «Мы приложим все усилия…: the quote opens here and closes sentences later
        if piece and piece[0] in OPEN_QUOTES and not any(c in piece for c in CLOSE_QUOTES):
            start += 1
        elif piece and piece[-1] in CLOSE_QUOTES and not any(c in piece for c in OPEN_QUOTES):
            end -= 1
        elif piece and piece[0] in STRAIGHT_QUOTES and piece.count(piece[0]) == 1:
            start += 1
        elif piece and piece[-1] in STRAIGHT_QUOTES and piece.count(piece[-1]) == 1:
            end -= 1
        if (s, e) == (start, end):
            return start, end


class _Segments:
    """The segment that holds most of a stretch of text."""

    def __init__(self, segments: Sequence[Segment]):
        self.items = sorted(segments, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.items]
        self.longest = max((s.end - s.start for s in self.items), default=0)

    def best(self, start: int, end: int) -> Segment | None:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        best, overlap = None, 0
        for seg in self.items[lo:hi]:
            o = min(end, seg.end) - max(start, seg.start)
            if o > overlap:
                best, overlap = seg, o
        return best


def _line_breaks(text: str, start: int, stop: int) -> list[int]:
    """Positions of the line breaks in ``text[start:stop]``."""
    out = []
    i = text.find("\n", start, stop)
    while i >= 0:
        out.append(i)
        i = text.find("\n", i + 1, stop)
    return out


def _pieces(text: str, sentences: Sequence[Span], segs: _Segments, end: int | None) -> list[tuple[int, int]]:
    """Sentence stretches before ``end``, split at line breaks, clipped at the end of a quote."""
    out = []
    for sent in sentences:
        if end is not None and sent.start >= end:
            continue
        stop = sent.end if end is None else min(sent.end, end)
        cut = sent.start
        # a headline has no full stop: razdel glues it to the next paragraph
        for line_end in [*_line_breaks(text, sent.start, stop), stop]:
            s, e = _trim(text, cut, line_end)
            cut = line_end + 1
            if s >= e:
                continue
            seg = segs.best(s, e)
            # «…Центральной Азии», — подчеркнул Глава государства.  → the speaker's words only
            if seg is not None and seg.kind in SPEECH_KINDS and seg.start <= s < seg.end < e:
                s, e = _trim(text, s, seg.end)
            if s < e:
                out.append((s, e))
    return out


def _candidates(text, sentences, tokens, segments, end) -> list[_Candidate]:
    segs = _Segments(segments)
    starts = token_starts(tokens)
    out = []
    for s, e in _pieces(text, sentences, segs, end):
        words = 0
        keys: set[str] = set()
        # the columns of the piece's tokens, not a record each (a long text has a million)
        for word, lemma, pos in token_fields(tokens[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]):
            if has_letters(word):  # (a token without a letter is no content word either)
                words += 1
                if (found := content_forms(word, lemma, pos)) is not None:
                    keys.add(found[0])
        if words < 2:
            continue
        lemmas = tuple(sorted(keys))
        figure = _FIGURE.search(text, s, e) is not None
        out.append(_Candidate(s, e, lemmas, words, segs.best(s, e), figure))
    return out


# ---------------------------------------------------------------- ranking
def _textrank(nodes: list[_Candidate]) -> list[float]:
    """PageRank over the lemma-overlap graph of the nodes, by power iteration."""
    n = len(nodes)
    if n == 0:
        return []
    postings: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(nodes):
        for lem in c.lemmas:  # sorted: a set's order changes with the process's string hashing, and the
            postings[lem].append(i)  # sums below would too, in their last bits, and ties with them
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for ids in postings.values():
        idf = math.log((n + 1) / len(ids))  # a lemma in every sentence links nothing
        for pair in itertools.combinations(ids, 2):  # (ids[x], ids[y]) for x < y, in that order
            shared[pair] += idf
    size = [math.log(max(len(c.lemmas), 2)) for c in nodes]
    edges: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for (i, j), k in shared.items():
        w = k / (size[i] + size[j])
        edges[i].append((j, w))
        edges[j].append((i, w))
    out_weight = [sum(w for _, w in e) for e in edges]
    rank = [1.0 / n] * n
    # the same sums in the same order as a loop over every node: only the test moves out
    sinks = [i for i in range(n) if not out_weight[i]]
    linked = [(i, out_weight[i], edges[i]) for i in range(n) if out_weight[i]]
    for _ in range(ITERATIONS):
        dangling = sum(map(rank.__getitem__, sinks))
        base = (1 - DAMPING) / n + DAMPING * dangling / n
        new = [base] * n
        for i, out, links in linked:
            share = DAMPING * rank[i] / out
            for j, w in links:
                new[j] += share * w
        delta = sum(map(abs, map(operator.sub, new, rank)))
        rank = new
        if delta < TOLERANCE:
            break
    return [r * n for r in rank]  # 1.0 = an average sentence


def _graph(cands: list[_Candidate]) -> list[_Candidate]:
    """The candidates that enter a TextRank graph: at most ``MAX_GRAPH``, those with most content words.

    The graph costs the square of its size; every graph (the whole text's, each theme's) is capped.
    """
    if len(cands) <= MAX_GRAPH:
        return cands
    return sorted(cands, key=lambda c: (-len(c.lemmas), c.start))[:MAX_GRAPH]


def rank_sentences(text, sentences, tokens, segments, end) -> list[_Candidate]:
    """All candidate sentences, the graph's ones scored (the short ones keep 0).

    What ``summarize`` and ``summarize_by_theme`` both start from: pass it to them as ``ranked``
    and the text is ranked once for both.
    """
    cands = _candidates(text, sentences, tokens, segments, end)
    long_enough = _graph([c for c in cands if c.words >= MIN_WORDS])
    for c, r in zip(long_enough, _textrank(long_enough)):
        speech = c.segment is not None and c.segment.kind in SPEECH_KINDS
        c.score = r * (SPEECH_BOOST if speech else 1.0)
    return cands


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of the smaller lemma set found in the other: a headline inside its lead is 1."""
    return len(set(a).intersection(b)) / min(len(a), len(b)) if a and b else 0.0


def _choose(cands: list[_Candidate], n: int, weight=lambda c: c.score) -> list[_Candidate]:
    """The ``n`` best by ``weight`` that repeat no better one, in text order.

    A first pass takes at most one sentence per segment, so a speech on seven
    themes is not summed up from one quote; a second pass fills what is left.
    """
    ranked = sorted(cands, key=lambda c: (-weight(c), -c.words, c.start))
    chosen: list[_Candidate] = []
    for spread in (True, False):
        used = {c.segment.index for c in chosen if c.segment is not None}
        for c in ranked:
            if len(chosen) == n:
                break
            if c in chosen or (spread and c.segment is not None and c.segment.index in used):
                continue
            if all(_overlap(c.lemmas, d.lemmas) < NEAR_DUPLICATE for d in chosen):
                chosen.append(c)
                if c.segment is not None:
                    used.add(c.segment.index)
    return sorted(chosen, key=lambda c: c.start)


def _record(text: str, c: _Candidate) -> SummarySentence:
    seg = c.segment
    return SummarySentence(
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        segment=seg.index if seg else None,
        theme=seg.theme if seg else None,
        speaker=seg.speaker if seg else None,
        score=round(c.score, 4),
    )


# ---------------------------------------------------------------- public
def summarize(
    text: str,
    sentences: list[Span],
    tokens: list[Token],
    segments: list[Segment],
    *,
    n: int = 4,
    end: int | None = None,
    ranked: list[_Candidate] | None = None,
) -> list[SummarySentence]:
    """The ``n`` most central sentences before ``end`` (boilerplate), in text order.

    Sentences of fewer than ``MIN_WORDS`` words enter only when there are not
    ``n`` longer ones.  Offsets are exact: ``text[s.start:s.end] == s.text``.

    >>> from speechkit.morph import tokenize
    >>> from speechkit.sentences import sentences
    >>> t = ("Порт Актау принимает суда. Погода была тёплой. "
    ...      "Порт Актау нарастит перевалку контейнеров. Контейнеры идут через порт Актау на запад.")
    >>> [s.text for s in summarize(t, sentences(t), tokenize(t), [], n=2)]
    ['Порт Актау нарастит перевалку контейнеров.', 'Контейнеры идут через порт Актау на запад.']
    """
    if n <= 0:
        return []
    cands = ranked if ranked is not None else rank_sentences(text, sentences, tokens, segments, end)
    pool = [c for c in cands if c.words >= MIN_WORDS]
    if len(pool) < n:
        pool = cands
    return [_record(text, c) for c in _choose(pool, n)]


# a number standing on its own or with a unit («65%», «1,5 градуса»), not a code glued to letters («СОР29»)
_FIGURE = regexes.compile(r"(?<![^\W\d_])\d[\d\s,.]*(?:%|\s?[а-яё])|\b(?:вдвое|втрое|полтора|полторы)\b")


def summarize_by_theme(
    text: str,
    sentences: list[Span],
    tokens: list[Token],
    segments: list[Segment],
    *,
    per_theme: int = 1,
    end: int | None = None,
    ranked: list[_Candidate] | None = None,
) -> dict[str, list[SummarySentence]]:
    """The ``per_theme`` most central sentences of each theme's segments, themes in text order.

    A sentence belongs to the theme of the segment holding most of it.  Sentences
    are ranked by TextRank over the theme's own sentences (the most typical of
    the theme, not of the speech); one that states a figure in digits is
    preferred (``FIGURE_BOOST``), and the speaker's own sentences (quotes, turns)
    are taken over the reporter's when the theme has any.  ``score`` stays the sentence's weight in the
    whole speech.  Every theme of a
    segment before ``end`` gets an entry.  ``ranked``: the whole text's ranking, if already made
    (``rank_sentences``).
    """
    cands = ranked if ranked is not None else rank_sentences(text, sentences, tokens, segments, end)
    themes: dict[str, list[_Candidate]] = {}
    for seg in sorted(segments, key=lambda s: s.start):
        if seg.theme and (end is None or seg.start < end):
            themes.setdefault(seg.theme, [])
    for c in cands:
        if c.segment is not None and c.segment.theme in themes:
            themes[c.segment.theme].append(c)
    out = {}
    for theme, members in themes.items():
        pool = _graph([c for c in members if c.words >= MIN_WORDS] or members)
        # central to the theme's own passages, not to the whole speech
        local = dict(zip((c.start for c in pool), _textrank(pool)))
        # the speaker's own words first, then a sentence with a figure, as in the whole-speech summary
        speech = [c for c in pool if c.segment is not None and c.segment.kind in ("quote", "turn")]
        pool = speech or pool
        chosen = _choose(pool, per_theme, weight=lambda c: local[c.start] * (FIGURE_BOOST if c.figure else 1.0))
        out[theme] = [_record(text, c) for c in chosen]
    return out


# what a fact-checker reads first: amounts with a unit before bare counts, years and ordinals last
FIGURE_WEIGHT = {"money": 6, "quantity": 5, "percent": 5, "temperature": 5, "ratio": 4, "range": 4,
                 "count": 3, "duration": 2, "date": 1, "year": 1, "ordinal": 0}


def key_figures(figures: list[Figure]) -> dict[str, Figure]:
    """Per theme, the figure its passages lean on: the weightiest kind, in the speaker's own words first."""
    best: dict[str, tuple[tuple[int, int], Figure]] = {}
    for f in figures:
        if not f.theme:
            continue
        rank = (FIGURE_WEIGHT.get(f.kind, 1) + (2 if "outside_quote" not in f.flags else 0) + (1 if f.unit else 0),
                -f.start)
        if f.theme not in best or rank > best[f.theme][0]:
            best[f.theme] = (rank, f)
    return {tid: f for tid, (_, f) in best.items()}
