"""The records speechkit reports: plain frozen dataclasses, JSON-serialisable.

Every record that points into the text carries ``start``/``end`` character
offsets into the text *as read* (after decoding, before any normalisation),
and where it has ``text`` it holds ``source[start:end] == text``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A razdel token with its lemma and part of speech (OpenCorpora tag name)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str | None


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
    tokens: list[Token] = field(default_factory=list)
    keywords: list[Any] = field(default_factory=list)
    summary: list[Any] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    # theme id -> its summary sentences (Options.summary_by_theme); None: not computed
    summary_by_theme: dict[str, list[SummarySentence]] | None = None


def to_dict(obj: Any) -> Any:
    """Turn a record (or list/dict of records) into JSON-ready plain data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj
