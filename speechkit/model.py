"""The records speechkit reports: plain frozen dataclasses, JSON-serialisable (``Token`` is slotted but
not frozen: see its docstring).

Every record that points into the text carries ``start``/``end`` character
offsets into the text *as read* (after decoding, before any normalisation),
and where it has ``text`` it holds ``source[start:end] == text``.
"""

from __future__ import annotations

import dataclasses
import functools
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source text."""

    start: int
    end: int
    text: str


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A razdel token with its lemma and part of speech (OpenCorpora tag name).

    Not frozen, unlike the other records: a text makes one per token, and a frozen record costs
    about 3.5 times as much to make (each field set through ``object.__setattr__``: 1.05 µs against
    0.29 µs here, ``bench``-measured); that was a third of lemmatizing. Treat it as read-only: it
    hashes and compares by value, as before.
    """

    start: int
    end: int
    text: str
    lemma: str
    pos: str | None


class Tokens(Sequence):
    """The tokens of a long text, kept as columns and made into ``Token`` records when read.

    A list of ``Token`` objects costs about 250 bytes a token (the record, its text, two integers);
    a 10 MB transcript has a million tokens. Here the offsets are two arrays and the lemma and part
    of speech are shared strings: 32 bytes a token. It reads as the list would (index, slice, iterate,
    ``len``, ``==``): ``tokens[i]`` is ``Token(start, end, source[start:end], lemma, pos)``. A slice
    is a ``Tokens`` too. ``morph.tokenize`` gives one for a text of more than ``COMPACT_FROM`` tokens.

    >>> t = Tokens("Рост на 5%", array("q", [0, 5, 8, 9]), array("q", [4, 7, 9, 10]),
    ...            ["рост", "на", "5", "%"], ["NOUN", "PREP", None, None])
    >>> t[0], [k.text for k in t[1:]], len(t), t == list(t)
    (Token(start=0, end=4, text='Рост', lemma='рост', pos='NOUN'), ['на', '5', '%'], 4, True)
    """

    __slots__ = ("source", "starts", "ends", "lemmas", "pos")

    def __init__(self, source: str, starts: array, ends: array, lemmas: list[str], pos: list[str | None]) -> None:
        self.source, self.starts, self.ends, self.lemmas, self.pos = source, starts, ends, lemmas, pos

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Tokens(self.source, self.starts[i], self.ends[i], self.lemmas[i], self.pos[i])
        s, e = self.starts[i], self.ends[i]
        return Token(s, e, self.source[s:e], self.lemmas[i], self.pos[i])

    def __iter__(self):
        texts = map(self.source.__getitem__, map(slice, self.starts, self.ends))
        return map(Token, self.starts, self.ends, texts, self.lemmas, self.pos)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # as a list's

    def __repr__(self) -> str:
        return f"Tokens({len(self)} tokens)"

    def __reduce__(self):
        return Tokens, (self.source, self.starts, self.ends, self.lemmas, self.pos)

    def take(self, runs: list[tuple[int, int]]) -> Tokens:
        """The tokens of the index runs ``[a, b)`` (ascending, disjoint), as columns; all of them are
        this ``Tokens`` itself, not a copy."""
        if runs == [(0, len(self))]:
            return self
        starts, ends, lemmas, pos = array(self.starts.typecode), array(self.ends.typecode), [], []
        for a, b in runs:
            starts.extend(self.starts[a:b])
            ends.extend(self.ends[a:b])
            lemmas.extend(self.lemmas[a:b])
            pos.extend(self.pos[a:b])
        return Tokens(self.source, starts, ends, lemmas, pos)


def offset_array(text_length: int) -> array:
    """An empty column for character offsets into a text of ``text_length`` characters: 4 bytes an
    offset (8 past 4 G characters), not 8 — a million tokens hold two such columns."""
    return array("I" if text_length < 1 << 32 else "q")


def token_texts(tokens: Sequence[Token]) -> Iterable[str]:
    """The tokens' texts: sliced from a ``Tokens``' source (no record made for each), or a list's."""
    if isinstance(tokens, Tokens):
        return map(tokens.source.__getitem__, map(slice, tokens.starts, tokens.ends))
    return (t.text for t in tokens)


def token_fields(tokens: Sequence[Token]) -> Iterable[tuple[str, str, str | None]]:
    """``(text, lemma, pos)`` of each token, read off the columns of a ``Tokens`` without a record each
    (a pass over a million tokens made a million ``Token`` objects to read three fields of each)."""
    if isinstance(tokens, Tokens):
        return zip(token_texts(tokens), tokens.lemmas, tokens.pos)
    return ((t.text, t.lemma, t.pos) for t in tokens)


def token_starts(tokens: Sequence[Token]) -> Sequence[int]:
    """The tokens' start offsets, for bisection: a ``Tokens``' own column, or a list."""
    return tokens.starts if isinstance(tokens, Tokens) else [t.start for t in tokens]


@dataclass(frozen=True, slots=True)
class Segment:
    """A direct quote, a transcript turn, a quoted fragment or a narrative paragraph of the author.

    A fragment («назвал встречу «хорошей»») lies inside a narrative segment's span: its words are
    someone's, the sentence is the author's; it is never counted as narrative words twice.
    ``speaker`` is the canonical name of ``speaker_id`` in ``Analysis.speakers``; narrative by the
    author has neither.
    """

    index: int
    kind: str  # "quote" | "turn" | "fragment" | "narrative"
    start: int
    end: int
    text: str
    speaker: str | None
    attribution: Span | None = None
    theme: str | None = None
    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    speaker_id: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the text states, normalised: value, unit, qualifier, kind."""

    index: int
    text: str
    start: int
    end: int
    value: float | int | str | None
    unit: str | None
    kind: str
    qualifier: str | None = None
    low: float | int | None = None
    high: float | int | None = None
    change: str | None = None  # "increase" | "decrease"
    segment: int | None = None
    theme: str | None = None
    speaker: str | None = None
    sentence: Span | None = None
    flags: tuple[str, ...] = ()
    speaker_id: str | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A participant of the text: a person, an organisation, a group or an anonymous source.

    ``id`` is unique within one document (``s1``, ``s2`` … in order of first mention); across a
    corpus, participants are merged by ``name`` (canonical, nominative: «Касым-Жомарт Токаев»,
    «МИД Германии», «пресс-служба Акорды»).
    """

    id: str
    name: str
    kind: str  # "person" | "organisation" | "group" | "anonymous"
    gender: str | None = None  # "masc" | "femn" when morphology tells it
    roles: list[str] = field(default_factory=list)  # as the text states them: «Президент Казахстана»
    mentions: list[Span] = field(default_factory=list)
    segments: list[int] = field(default_factory=list)  # indexes of the quotes, turns, fragments attributed
    words: int = 0  # words quoted from this speaker


@dataclass(frozen=True, slots=True)
class ThemeSummary:
    """One theme over the whole speech."""

    id: str
    label: str
    segments: int
    share: float
    top_lemmas: list[str]


@dataclass(frozen=True, slots=True)
class Keyword:
    """A lemma (or a multi-word term) with its counts and keyness against general Russian."""

    lemma: str
    count: int
    share: float  # count / number of counted words in the text
    keyness: float | None = None  # log-likelihood (G2) against the reference corpus
    log_ratio: float | None = None  # effect size: log2 of relative frequency here / reference
    conservative_log_ratio: float | None = None  # the log ratio's lower confidence bound: --rank keyness sorts by it
    ref_per_million: float | None = None  # frequency of the lemma in the reference list
    pos: str | None = None
    themes: dict[str, int] = field(default_factory=dict)  # theme id -> count in segments of it
    forms: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence chosen for the extractive summary."""

    start: int
    end: int
    text: str
    segment: int | None
    theme: str | None
    speaker: str | None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class QuotedName:
    """A «…» stretch that is a name, title or term inside the author's sentence, not speech."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where the text came from and how it was read."""

    name: str
    chars: int
    encoding: str
    boilerplate_start: int | None
    boilerplate: list[Span] = field(default_factory=list)
    language_warning: str | None = None
    warnings: tuple[str, ...] = ()  # what reading the text repaired, then the language warning


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything speechkit found in one text."""

    source: SourceInfo
    text: str
    segments: list[Segment]
    themes: list[ThemeSummary]
    figures: list[Figure]
    quoted_names: list[QuotedName]
    sentences: list[Span]
    tokens: Sequence[Token] = field(default_factory=list)  # a list, or Tokens for a long text
    keywords: list[Any] = field(default_factory=list)
    summary: list[Any] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    # theme id -> its summary sentences (Options.summary_by_theme); None: not computed
    summary_by_theme: dict[str, list[SummarySentence]] | None = None


SCALARS = (str, int, float, bool, type(None))  # values that are their own plain data (and hold no span)


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass, read once per class (``dataclasses.fields`` builds them each call)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def to_dict(obj: Any) -> Any:
    """Turn a record (or list/dict of records) into JSON-ready plain data."""
    if isinstance(obj, SCALARS):
        return obj
    if hasattr(type(obj), "__dataclass_fields__") and not isinstance(obj, type):
        return {name: to_dict(getattr(obj, name)) for name in field_names(type(obj))}
    if isinstance(obj, (list, tuple, Tokens)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj
