"""Two speeches (or two groups of speeches) side by side: themes, distinctive words, figures, speakers.

Each side is one or more analysed texts, pooled:

* theme shares: the share of the side's words in segments of each theme (the
  shares of its texts weighted by their words), and the difference B − A;
* distinctive words: log-likelihood G2 of each lemma in A against B
  (``distinctive``); speech verbs and the speakers' own names left out;
* figures stated on one side only, compared by ``(value, unit, kind)``: «65%»
  and «65 процентов» are one figure, «65%» and «65 тонн» are two;
* speakers of quotes and turns, with how many segments each holds per side.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .keyness import log_likelihood
from .keywords import is_word, tally
from .model import Analysis, Figure, Token
from .pipeline import body_tokens
from .text import count_words, norm_word

TOP = 15


G2_WEAK = 3.84  # p < 0.05: the least a distinctive word's G2 reaches


@dataclass(frozen=True, slots=True)
class Contrast:
    """A lemma or term that sets text A apart from text B (``side`` "a") or B from A ("b")."""

    lemma: str
    side: str
    count_a: int
    count_b: int
    per_million_a: float
    per_million_b: float
    keyness: float  # signed G2, A against B: positive means overused in A
    log_ratio: float  # log2 of A's relative frequency over B's, 0.5 added to a zero count
    pos: str | None = None
    forms: list[str] = field(default_factory=list)


def distinctive(
    a_tokens: list[Token],
    b_tokens: list[Token],
    *,
    pos: set[str] | None = None,
    exclude: set[str] | frozenset[str] = frozenset(),
    top: int | None = 30,
    ngrams: int = 1,
    min_count: int = 2,
    min_g2: float = G2_WEAK,
) -> list[Contrast]:
    """What distinguishes two texts: log-likelihood of each lemma in A against B.

    Returns up to ``top`` lemmas of A (``side="a"``, most distinctive first),
    then up to ``top`` of B; a lemma qualifies when it occurs ``min_count``
    times on its side and its G2 reaches ``min_g2`` (3.84: p < 0.05).

    >>> from speechkit.morph import tokenize
    >>> a = tokenize("Порт принимает контейнеры. Порт растёт. Контейнеры идут в порт.")
    >>> b = tokenize("Климат меняется. Климат теплеет, и жара растёт. Климат влияет на урожай.")
    >>> [(c.lemma, c.side) for c in distinctive(a, b, min_g2=0)]
    [('порт', 'a'), ('контейнер', 'a'), ('климат', 'b')]
    """
    ta, _, _ = tally(a_tokens, (), pos, exclude, ngrams)
    tb, _, _ = tally(b_tokens, (), pos, exclude, ngrams)
    ca = sum(1 for t in a_tokens if is_word(t))
    cb = sum(1 for t in b_tokens if is_word(t))
    sides: dict[str, list[Contrast]] = {"a": [], "b": []}
    for k in ta.keys() | tb.keys():
        x, y = ta.get(k), tb.get(k)
        na, nb = (x.count if x else 0), (y.count if y else 0)
        g2 = log_likelihood(na, ca, nb, cb)
        side = "a" if g2 >= 0 and (na / ca if ca else 0) > 0 else "b"
        if (na if side == "a" else nb) < min_count or abs(g2) < min_g2:
            continue
        ratio = math.log2(((na or 0.5) / ca if ca else 1.0) / ((nb or 0.5) / cb if cb else 1.0))
        t = x or y
        forms = list(dict.fromkeys([*(x.forms if x else ()), *(y.forms if y else ())]))
        pos_counts = Counter(x.pos if x else {}) + Counter(y.pos if y else {})
        sides[side].append(
            Contrast(
                lemma=t.display,
                side=side,
                count_a=na,
                count_b=nb,
                per_million_a=round(na / ca * 1e6, 1) if ca else 0.0,
                per_million_b=round(nb / cb * 1e6, 1) if cb else 0.0,
                keyness=round(g2, 3),
                log_ratio=round(ratio, 3),
                pos=pos_counts.most_common(1)[0][0] if pos_counts else None,
                forms=forms,
            )
        )
    out = []
    for side in ("a", "b"):
        ranked = sorted(sides[side], key=lambda c: (-abs(c.keyness), c.lemma))
        out.extend(ranked if top is None else ranked[:top])
    return out


@dataclass(frozen=True, slots=True)
class Side:
    """One side of the comparison: its documents pooled."""

    label: str
    documents: list[str]
    words: int
    shares: dict[str, float]  # theme id -> share of the side's words
    speakers: dict[str, int]  # speaker -> quote and turn segments


@dataclass(frozen=True, slots=True)
class ThemeShare:
    """A theme's share of words on each side; ``difference`` is B − A."""

    id: str
    label: str
    share_a: float
    share_b: float
    difference: float


@dataclass(frozen=True, slots=True)
class OnlyFigure:
    """A figure one side states and the other does not."""

    side: str
    doc: str
    text: str
    start: int
    end: int
    value: float | int | str | None
    unit: str | None
    kind: str
    qualifier: str | None
    theme: str | None
    speaker: str | None
    low: float | int | None = None
    high: float | int | None = None


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    name: str
    a: int
    b: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything ``speechkit compare`` reports."""

    a: Side
    b: Side
    themes: list[ThemeShare]
    keywords_a: list[Contrast]
    keywords_b: list[Contrast]
    figures_a: list[OnlyFigure]
    figures_b: list[OnlyFigure]
    shared_figures: int
    speakers: list[SpeakerCount] = field(default_factory=list)


# ---------------------------------------------------------------- pieces
def segment_words(a: Analysis) -> int:
    """The words in the text's segments: what its theme shares are shares of."""
    return sum(count_words(s.text) for s in a.segments)


def pooled_shares(docs: Sequence[Analysis]) -> dict[str, float]:
    """Theme shares of several texts as one: each text's shares weighted by its words.

    >>> pooled_shares([])
    {}
    """
    words: Counter = Counter()
    total = 0
    for a in docs:
        n = segment_words(a)
        total += n
        for t in a.themes:
            words[t.id] += t.share * n
    return {tid: round(w / total, 4) for tid, w in words.items()} if total else {}


def figure_key(f: Figure) -> tuple:
    """What makes two figures the same: value (numbers as floats, ranges as bounds), unit, kind.

    >>> from speechkit.model import Figure
    >>> figure_key(Figure(0, "65%", 0, 3, 65, "%", "percent")) == figure_key(Figure(0, "65 процентов", 0, 12, 65.0, "%", "percent"))
    True
    """
    def num(x):
        return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else x

    value = (num(f.low), num(f.high)) if f.low is not None or f.high is not None else num(f.value)
    return value, f.unit, f.kind


def _speakers(docs: Sequence[Analysis]) -> Counter:
    return Counter(s.speaker for a in docs for s in a.segments if s.speaker and s.kind != "narrative")


def _excluded(docs: Sequence[Analysis]) -> frozenset[str]:
    from .quotes import speech_verbs

    out = set(speech_verbs())
    for name in _speakers(docs):
        out |= {norm_word(w) for w in name.split()}
    return frozenset(out)


def _only(side: str, docs: Sequence[Analysis], other: set[tuple]) -> list[OnlyFigure]:
    out, seen = [], set()
    for a in docs:
        for f in sorted(a.figures, key=lambda f: f.start):
            key = figure_key(f)
            if key in other or key in seen:
                continue
            seen.add(key)
            out.append(OnlyFigure(side, a.source.name, f.text, f.start, f.end, f.value, f.unit, f.kind,
                                  f.qualifier, f.theme, f.speaker, f.low, f.high))
    return out


def _side(label: str, docs: Sequence[Analysis]) -> Side:
    words = sum(1 for a in docs for t in body_tokens(a) if is_word(t))
    return Side(label, [a.source.name for a in docs], words, pooled_shares(docs), dict(_speakers(docs).most_common()))


# ---------------------------------------------------------------- public
def compare(a: Analysis | Sequence[Analysis], b: Analysis | Sequence[Analysis], *, top: int = TOP,
            labels: tuple[str, str] = ("A", "B"), theme_labels: dict[str, str] | None = None,
            min_g2: float = G2_WEAK) -> Comparison:
    """Compare side A with side B (an Analysis or several, pooled).

    A distinctive word occurs at least twice on its side with G2 ≥ ``min_g2``
    (3.84: p < 0.05); ``top`` of them per side, strongest first.

    >>> from speechkit.pipeline import Options, analyze
    >>> o = Options(summary=False)
    >>> x = analyze("Порт Актау принимает контейнеры. Порт растёт на 65%.", o)
    >>> y = analyze("Климат теплеет. Климат меняется, жара растёт на 65%.", o)
    >>> c = compare(x, y, min_g2=0)
    >>> [k.lemma for k in c.keywords_a], [k.lemma for k in c.keywords_b], c.shared_figures
    (['порт'], ['климат'], 1)
    """
    docs_a = [a] if isinstance(a, Analysis) else list(a)
    docs_b = [b] if isinstance(b, Analysis) else list(b)
    side_a, side_b = _side(labels[0], docs_a), _side(labels[1], docs_b)
    names = dict(theme_labels or {})
    for d in (*docs_a, *docs_b):
        for t in d.themes:
            names.setdefault(t.id, t.label)
    themes = []
    for tid in dict.fromkeys([*side_a.shares, *side_b.shares]):
        sa, sb = side_a.shares.get(tid, 0.0), side_b.shares.get(tid, 0.0)
        themes.append(ThemeShare(tid, names.get(tid, tid), sa, sb, round(sb - sa, 4)))
    themes.sort(key=lambda t: (-abs(t.difference), -(t.share_a + t.share_b), t.id))

    exclude = _excluded([*docs_a, *docs_b])
    tokens_a = [t for d in docs_a for t in body_tokens(d)]
    tokens_b = [t for d in docs_b for t in body_tokens(d)]
    contrasts = distinctive(tokens_a, tokens_b, exclude=exclude, top=top, min_g2=min_g2)

    keys_a = {figure_key(f) for d in docs_a for f in d.figures}
    keys_b = {figure_key(f) for d in docs_b for f in d.figures}
    speakers = [SpeakerCount(n, side_a.speakers.get(n, 0), side_b.speakers.get(n, 0))
                for n in dict.fromkeys([*side_a.speakers, *side_b.speakers])]
    speakers.sort(key=lambda s: (-(s.a + s.b), s.name))
    return Comparison(
        a=side_a, b=side_b, themes=themes,
        keywords_a=[c for c in contrasts if c.side == "a"],
        keywords_b=[c for c in contrasts if c.side == "b"],
        figures_a=_only("a", docs_a, keys_b), figures_b=_only("b", docs_b, keys_a),
        shared_figures=len(keys_a & keys_b), speakers=speakers,
    )
