"""Collocates: the words found near a word more often than chance, ranked by log-Dice, MI or t-score.

Around each occurrence of the node lemma, the ``window`` words on either side are counted
(words: tokens with a letter; punctuation is skipped, a window never crosses a sentence's
end or reaches into the page tail).  With

* ``f_nc``: how often collocate *c* stands within the window of node *n*,
* ``f_n``, ``f_c``: how often the node and the collocate occur in the corpus,
* ``N``: the corpus's size in words,

the measures are those of Sketch Engine (Rychlý 2008; Kilgarriff et al. 2014)::

    logDice  = 14 + log2(2·f_nc / (f_n + f_c))         at most 14; independent of N
    MI       = log2(f_nc · N / (f_n · f_c))            surprise: favours rare words
    t-score  = (f_nc − f_n · f_c / N) / √f_nc          confidence: favours frequent words

log-Dice is the default: it does not grow with the corpus and is not dominated by hapaxes
(MI) or by function words (t-score).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import UsageError
from .model import Span, Token
from .text import has_letters, norm_word, outside

MEASURES = ("logdice", "mi", "tscore")


def log_dice(f_nc: float, f_n: float, f_c: float) -> float:
    """14 + log2(2·f_nc / (f_n + f_c)).

    >>> round(log_dice(4, 10, 6), 3)
    13.0
    """
    return 14 + math.log2(2 * f_nc / (f_n + f_c))


def mutual_information(f_nc: float, f_n: float, f_c: float, n: float) -> float:
    """log2(f_nc · N / (f_n · f_c)).

    >>> round(mutual_information(4, 10, 6, 1000), 3)
    6.059
    """
    return math.log2(f_nc * n / (f_n * f_c))


def t_score(f_nc: float, f_n: float, f_c: float, n: float) -> float:
    """(f_nc − f_n·f_c/N) / √f_nc.

    >>> round(t_score(4, 10, 6, 1000), 3)
    1.97
    """
    return (f_nc - f_n * f_c / n) / math.sqrt(f_nc)


@dataclass(slots=True)
class Counts:
    """What one document (or a corpus, once merged) adds up to."""

    node: int = 0  # occurrences of the node
    near: Counter = field(default_factory=Counter)  # collocate -> co-occurrences
    left: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    frequency: Counter = field(default_factory=Counter)  # lemma -> occurrences (files only; a database has them)
    words: int = 0

    def merge(self, other: "Counts") -> None:
        self.node += other.node
        self.near.update(other.near)
        self.left.update(other.left)
        self.right.update(other.right)
        self.frequency.update(other.frequency)
        self.words += other.words


@dataclass(frozen=True, slots=True)
class Collocate:
    """A word of the node's company, with its counts and all three scores."""

    lemma: str
    cooccurrences: int  # f_nc
    left: int
    right: int
    frequency: int  # f_c
    logdice: float
    mi: float
    tscore: float


def node_keys(word: str) -> frozenset[str]:
    """The lemma keys a node word stands for: its lemma in context and out of it («коридоров» → коридор)."""
    from .kwic import parse_query

    words = parse_query(word)
    if len(words) != 1:
        raise UsageError(f"collocates takes one word, not {word!r}")
    return words[0].lemmas


def is_collocate(tok: Token) -> bool:
    """A content word: what counts as a collocate unless function words are asked for."""
    from .keywords import content_forms

    return content_forms(tok.text, tok.lemma, tok.pos) is not None


def count(tokens: list[Token], sentences: list[Span], skip: list[Span], nodes: frozenset[str], window: int, *,
          all_words: bool = False, frequencies: bool = True) -> Counts:
    """Co-occurrences around the node in one document; with ``frequencies`` its lemma counts too."""
    out = Counts()
    words = [t for t in outside(tokens, skip) if has_letters(t.text)]
    keys = [norm_word(t.lemma) for t in words]
    out.words = len(words)
    if frequencies:
        out.frequency.update(keys)
    if not any(k in nodes for k in keys):
        return out
    ok = [k not in nodes and (all_words or is_collocate(t)) for t, k in zip(words, keys)]
    sentence_of = _sentence_numbers(words, sentences)
    for i, k in enumerate(keys):
        if k not in nodes:
            continue
        out.node += 1
        s = sentence_of[i]
        for j in range(max(0, i - window), min(len(words), i + window + 1)):
            if j == i or not ok[j] or sentence_of[j] != s:
                continue
            c = keys[j]
            out.near[c] += 1
            (out.left if j < i else out.right)[c] += 1
    return out


def _sentence_numbers(words: list[Token], sentences: list[Span]) -> list[int]:
    """For each word, the number of the sentence it starts in (-1 between sentences)."""
    out = []
    k = 0
    for t in words:
        while k < len(sentences) and sentences[k].end <= t.start:
            k += 1
        out.append(k if k < len(sentences) and sentences[k].start <= t.start else -1 - k)
    return out


def rank(counts: Counts, frequency: Callable[[Iterable[str]], dict[str, int]], node_frequency: int, words: int,
         *, measure: str = "logdice", min_freq: int = 2, top: int | None = 30) -> list[Collocate]:
    """The collocates that co-occur ``min_freq`` times or more, best first by ``measure``."""
    if measure not in MEASURES:
        raise UsageError(f"--measure takes {', '.join(MEASURES)}, not {measure!r}")
    wanted = [c for c, n in counts.near.items() if n >= min_freq]
    freq = frequency(wanted)
    out = []
    for c in wanted:
        f_nc, f_c = counts.near[c], max(freq.get(c, 0), counts.near[c])
        out.append(Collocate(c, f_nc, counts.left[c], counts.right[c], f_c,
                             round(log_dice(f_nc, node_frequency, f_c), 3),
                             round(mutual_information(f_nc, node_frequency, f_c, words), 3),
                             round(t_score(f_nc, node_frequency, f_c, words), 3)))
    out.sort(key=lambda c: (-getattr(c, measure), -c.cooccurrences, c.lemma))
    return out if top is None else out[:top]
