"""analyze(text) -> Analysis: the whole dissection of one text, pure and without I/O.

The work happens on a normalised copy of the text (soft hyphens, stress marks
and zero-width characters removed, look-alike letters unified); every span is
mapped back at the end so that offsets point into the text as given.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from . import morph, regexes
from .boilerplate import find_boilerplate
from .model import (Analysis, Figure, QuotedName, Segment, SourceInfo, Span, Speaker, ThemeSummary, Token, Tokens,
                    SCALARS, field_names, offset_array, token_starts)
from .names import surname_key
from .quotes import find_quotes
from .segments import build as build_segments
from .segments import subtract, trim
from .sentences import sentences as split_sentences
from .text import MARKS_AFTER, Normalized, count_words, has_letters, inside, merge_spans, normalize, norm_word, outside, with_marks
from .themes import Lexicon, load_lexicon, score_tokens, top_entries
from .turns import Turn, find_turns

LEAD_IN_WORDS = 25  # a short narrative paragraph right before a quote introduces it
SHORT_REPLY_WORDS = 3  # a turn of fewer words ("Поздравляю.", "Конечно.") has no topic of its own


@dataclass(frozen=True)
class Options:
    """What to analyse and with which data.

    Segments, speakers and themes are always found; the other parts only when asked, so that each
    command computes what it prints (``speechkit themes`` never looks for figures).
    """

    lexicon: str | None = None  # path of a user's themes TOML
    keep_boilerplate: bool = False
    figures: bool = True
    keywords: bool = True  # the full keyword list (every lemma), as the library's Analysis.keywords
    summary: bool = True
    summary_sentences: int = 4
    summary_by_theme: bool = False  # Analysis.summary_by_theme: one sentence per theme, ranked with the summary
    # Analysis.sentences; figures (their sentence) and summaries split the text into sentences whatever this says
    sentences: bool = True
    tokens: bool = True  # Analysis.tokens (mapped back to the source); every stage reads them whatever this says


def analyze(text: str, options: Options | None = None, *, name: str = "<text>",
            encoding: str = "utf-8", warnings: Sequence[str] = ()) -> Analysis:
    """Dissect one text: segments with speakers and themes, figures, keywords, summary.

    ``warnings`` are what reading the text had to repair (``Document.warnings``); they are kept in
    ``source.warnings`` and ``Analysis.warnings`` with the language warning.
    """
    options = options or Options()
    lexicon = load_lexicon(options.lexicon)
    norm = normalize(text)
    t = norm.text
    tail, boiler = find_boilerplate(t)
    end = len(t) if options.keep_boilerplate or tail is None else tail
    skip = [] if options.keep_boilerplate else [b for b in boiler if b.start < end]

    tokens = morph.tokenize(t)
    wants_sentences = options.sentences or options.figures or options.summary or options.summary_by_theme
    sentences = _outside(t, split_sentences(t, 0, end), skip) if wants_sentences else []
    turns = find_turns(t, 0, end)
    quotes, names = find_quotes(t, 0, end, skip=skip)
    if turns:  # a quote inside a turn is the turn's; one running into a turn (unclosed «) is no quote
        starts = [tr.start for tr in turns]
        quotes = [q for q in quotes if not _overlaps(q.start, q.end, turns, starts)]
    segments, names, speakers = build_segments(t, end, turns, quotes, names, skip)
    segments, matched = _score(segments, tokens, lexicon, skip)
    figures = _figures(t, end, segments, sentences, skip) if options.figures else []
    themes = _theme_summary(segments, matched, lexicon)
    k = bisect.bisect_left(token_starts(tokens), end)
    body = outside(tokens if k == len(tokens) else tokens[:k], skip)  # (a long text's columns: no copy when whole)
    keywords = _keywords(body, segments, speakers) if options.keywords else []
    summary, by_theme = _summary(t, sentences, body, segments, options, end)
    if not options.sentences:  # split for figures and summaries only: no copy of the text kept, none remapped
        sentences = []
    del body  # a long text's body is a second set of columns: gone before the remap makes a third
    boiler_spans = [norm.span(b.start, b.end) for b in boiler] if not options.keep_boilerplate else []
    language = _language_warning(tokens)
    all_warnings = (*warnings, language) if language else tuple(warnings)
    source = SourceInfo(name, len(text), encoding,
                        None if (tail is None or options.keep_boilerplate) else norm.to_source(tail),
                        boiler_spans, language, all_warnings)
    analysis = Analysis(
        source=source, text=text, segments=segments, themes=themes, figures=figures,
        quoted_names=[QuotedName(n.start, n.end, n.text) for n in names],
        sentences=sentences, tokens=tokens if options.tokens else [], keywords=keywords, summary=summary,
        warnings=list(all_warnings), speakers=speakers,
        summary_by_theme=by_theme,
    )
    # look-alike letters are replaced in place: the offsets hold, but texts must come from the source
    return _remap_analysis(analysis, norm) if norm.text != text else analysis


def body_tokens(a: Analysis) -> list[Token]:
    """The tokens of the analysed text: page tail and inline boilerplate left out (their spans cover both)."""
    return outside(a.tokens, a.source.boilerplate)


def _overlaps(start: int, end: int, turns: list[Turn], starts: list[int]) -> bool:
    """Whether start:end shares a character with one of the turns (sorted and disjoint)."""
    k = bisect.bisect_right(starts, start) - 1
    return (k >= 0 and start < turns[k].end) or (k + 1 < len(turns) and turns[k + 1].start < end)


def _outside(t: str, sentences: list[Span], skip: list[Span]) -> list[Span]:
    """Sentences with inline page furniture cut out («Фото пресс-службы АкордыТокаев прибыл …»)."""
    if not skip:
        return sentences
    taken = merge_spans((b.start, b.end) for b in skip)
    out = []
    k = 0  # both lists are in text order: walk them together
    for sent in sentences:
        while k < len(taken) and taken[k][1] <= sent.start:
            k += 1
        j = k
        while j < len(taken) and taken[j][0] < sent.end:
            j += 1
        near = taken[k:j]
        if not near:
            out.append(sent)
            continue
        for a, b in subtract(sent.start, sent.end, near):
            a, b = trim(t, a, b)
            if has_letters(t[a:b], 3):
                out.append(Span(a, b, t[a:b]))
    return out


# ---------------------------------------------------------------- themes
def _segment_tokens(seg: Segment, tokens: list[Token], starts: list[int], skip: list[Span]) -> list[Token]:
    """The tokens that start in the segment, less its attribution and any page furniture."""
    i = bisect.bisect_left(starts, seg.start)
    out = tokens[i : bisect.bisect_left(starts, seg.end, i)]
    attr = seg.attribution
    if attr:
        out = [tk for tk in out if not attr.start <= tk.start < attr.end]
    return outside(out, skip) if skip else out


def _score(segments: list[Segment], tokens: list[Token], lexicon: Lexicon,
           skip: list[Span]) -> tuple[list[Segment], list[Counter]]:
    """Each segment with its theme, scores and evidence, and the entries it matched (for the summary)."""
    starts = token_starts(tokens)
    out: list[Segment] = []
    matched: list[Counter] = []
    for seg in segments:
        sc = score_tokens(_segment_tokens(seg, tokens, starts, skip), lexicon)
        theme = sc.best
        # «Сколько там кресел?» — a short reply in a dialogue goes on with the topic of the turn it answers
        if theme is None and seg.kind == "turn" and out and out[-1].kind == "turn" and sc.words >= SHORT_REPLY_WORDS:
            theme = out[-1].theme
        out.append(dataclasses.replace(seg, theme=theme, scores=sc.scores, evidence=sc.evidence))
        matched.append(sc.matched)
    return out, matched


def _theme_summary(segments: list[Segment], matched_by_segment: list[Counter],
                   lexicon: Lexicon) -> list[ThemeSummary]:
    """Per theme: segments, share of the words, top lemmas; lead-ins count with their quote."""
    segments = [s for s in segments if s.kind != "fragment"]  # a fragment's words are its narrative's
    words_of = {s.index: count_words(s.text) for s in segments}
    total = sum(words_of.values()) or 1
    theme_of = {s.index: s.theme for s in segments}
    for k, seg in enumerate(segments[:-1]):
        nxt = segments[k + 1]
        if seg.kind == "narrative" and nxt.kind == "quote" and words_of[seg.index] <= LEAD_IN_WORDS:
            theme_of[seg.index] = nxt.theme or seg.theme
    out = []
    for tid, theme in lexicon.themes.items():
        members = [s for s in segments if s.theme == tid]
        share_words = sum(words_of[s.index] for s in segments if theme_of[s.index] == tid)
        if not members and not share_words:
            continue
        matched: Counter = Counter()
        for s in members:
            matched += matched_by_segment[s.index]
        out.append(ThemeSummary(tid, theme.label, len(members), round(share_words / total, 4),
                                top_entries(matched, tid)))
    out.sort(key=lambda th: -th.share)
    return out


# ---------------------------------------------------------------- figures
def _figures(t: str, end: int, segments: list[Segment], sentences: list[Span], skip: list[Span]) -> list[Figure]:
    from .figures import figure_of, read_figures

    base = [s for s in segments if s.kind != "fragment"]  # disjoint, in text order
    fragments = [s for s in segments if s.kind == "fragment"]  # inside narrative, disjoint too
    base_starts, frag_starts = [s.start for s in base], [s.start for s in fragments]
    sent_starts = [s.start for s in sentences]

    def containing(items, starts, i):
        k = bisect.bisect_right(starts, i) - 1
        return items[k] if k >= 0 and items[k].start <= i < items[k].end else None

    out, windows = [], {}
    for d in read_figures(t, 0, end):
        if inside(d.start, skip) or inside(d.end - 1, skip):  # a figure never reaches into page furniture
            continue
        # «Объем кредита составлял «около 2 млрд рублей»»: a figure in a fragment is its speaker's
        seg = containing(fragments, frag_starts, d.start) or containing(base, base_starts, d.start)
        sent = containing(sentences, sent_starts, d.start)
        # one record per figure, placed as it is made (a page of digits has a figure every two characters)
        out.append(figure_of(
            len(out), d, t, ("outside_quote",) if seg is None or seg.kind == "narrative" else (),
            segment=seg.index if seg else None, theme=seg.theme if seg else None,
            speaker=seg.speaker if seg else None, speaker_id=seg.speaker_id if seg else None,
            sentence=_around(t, sent, d.start, d.end, windows)))
    return out


SENTENCE_CONTEXT = 400  # characters of a longer sentence kept around a figure (a text without full stops)


def _around(t: str, sent: Span | None, start: int, end: int, shared: dict[tuple[int, int], Span]) -> Span | None:
    """The figure's sentence, or ``SENTENCE_CONTEXT`` characters of it around the figure, cut at spaces.

    Each figure repeats its sentence: 12,500 figures in one sentence of 25 KB would repeat it whole
    12,500 times (300 MB of JSON); clipped, each repeats a line's worth.  The windows of a long
    sentence stand on a grid (a step of a quarter window): the figures that begin in one step share
    one window, kept once in ``shared``, so 50,000 figures on one line hold 500 windows, not 50,000.

    >>> t = "Рост " + "1 " * 500 + "процентов."
    >>> shared = {}
    >>> s = _around(t, Span(0, len(t), t), 505, 506, shared)
    >>> s.end - s.start <= SENTENCE_CONTEXT, t[s.start:s.end] == s.text, s.start <= 505 < 506 <= s.end
    (True, True, True)
    >>> _around(t, Span(0, len(t), t), 507, 508, shared) is s, len(shared)
    (True, 1)
    """
    if sent is None or sent.end - sent.start <= SENTENCE_CONTEXT:
        return sent
    step = SENTENCE_CONTEXT // 4
    if end - start > step:  # a figure longer than a step (a run of digits): a window of its own
        return _centred(t, sent, start, end)
    cell = sent.start + (start - sent.start) // step * step  # the figure begins in [cell, cell + step)
    window = shared.get((sent.start, cell))
    if window is None:
        lo, hi = cell - 3 * step // 2, cell + 5 * step // 2  # the figure ends before cell + 2 steps
        if lo < sent.start:
            lo, hi = sent.start, hi + sent.start - lo
        if hi > sent.end:
            lo, hi = max(sent.start, lo - (hi - sent.end)), sent.end
        if lo > sent.start:  # whole words: from the first space on, and up to the last
            k = t.find(" ", lo, cell)
            lo = k + 1 if k >= 0 else lo
        if hi < sent.end:
            k = t.rfind(" ", cell + 2 * step, hi)
            hi = k if k >= 0 else hi
        window = shared[(sent.start, cell)] = Span(lo, hi, t[lo:hi])
    return window


def _centred(t: str, sent: Span, start: int, end: int) -> Span:
    """``SENTENCE_CONTEXT`` characters of the sentence around one figure, cut at spaces."""
    room = max(0, SENTENCE_CONTEXT - (end - start))
    a = max(sent.start, start - room // 2)
    b = min(sent.end, end + room - (start - a))  # what the left side did not use goes to the right
    a = max(sent.start, min(a, start - (room - (b - end))))
    if a > sent.start:  # whole words: from the first space on
        k = t.find(" ", a, start)
        a = k + 1 if k >= 0 else a
    if b < sent.end:
        k = t.rfind(" ", end, b)
        b = k if k >= 0 else b
    return Span(a, b, t[a:b])


# ---------------------------------------------------------------- keywords, summary
def _keywords(tokens: list[Token], segments: list[Segment], speakers: list[Speaker]):
    from .keywords import count_keywords

    groups = [(s.theme, s.start, s.end) for s in segments if s.theme and s.kind != "fragment"]
    people = [sp for sp in speakers if sp.kind == "person"]
    exclude = {surname_key(sp.name.split()[-1]) for sp in people}
    exclude |= {norm_word(w) for sp in people for w in sp.name.split()}
    return count_keywords(tokens, groups=groups, exclude=exclude, top=None)


def _summary(t, sentences, tokens, segments, options: Options, end: int):
    """The summary and the summary by theme, as asked: one ranking of the sentences serves both."""
    if not (options.summary or options.summary_by_theme):
        return [], None
    from .summary import rank_sentences, summarize, summarize_by_theme

    ranked = rank_sentences(t, sentences, tokens, segments, end)
    summary = summarize(t, sentences, tokens, segments, n=options.summary_sentences, end=end,
                        ranked=ranked) if options.summary else []
    by_theme = summarize_by_theme(t, sentences, tokens, segments, end=end,
                                  ranked=ranked) if options.summary_by_theme else None
    return summary, by_theme


KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"  # Cyrillic letters Russian does not use
# a word holding one of these letters: its first one and the rest of the word (words are letters only, joined
# by spaces), so one match per such word
_KAZAKH_WORD = regexes.compile(f"[{KAZAKH_LETTERS}][^ ]*")
_CYRILLIC_WORD = regexes.compile("[а-яА-ЯёЁ][^ ]*")


def _language_warning(tokens: list[Token]) -> str | None:
    """A warning when the text is not Russian; the analysis still runs."""
    words = list(filter(str.isalpha, map(attrgetter("text"), tokens[:3000])))  # a sample decides the language
    if len(words) < 5:
        return None
    joined = " ".join(words)  # one scan of the sample, not a search a word
    cyr = len(_CYRILLIC_WORD.findall(joined))
    kazakh = len(_KAZAKH_WORD.findall(joined))
    if cyr / len(words) < 0.5:
        return "the text does not look Russian (few Cyrillic words); results may be poor"
    if kazakh / len(words) > 0.1:
        return "the text looks Kazakh rather than Russian; results may be poor"
    return None


# ---------------------------------------------------------------- offsets back
def _remap_tokens(tokens: Sequence[Token], norm: Normalized) -> Sequence[Token]:
    """Tokens are most of the records: one walk along the sorted removals, not a bisection each.

    A token keeps its object when neither its offsets nor its text change; columns (``Tokens``)
    get new offset columns in place and keep their lemmas.
    """
    src = norm.source
    if isinstance(tokens, Tokens):  # in place: the old columns go as the new ones come
        starts, ends = offset_array(len(src)), offset_array(len(src))
        for s, e in _source_offsets(zip(tokens.starts, tokens.ends), norm):
            starts.append(s)
            ends.append(e)
        tokens.source, tokens.starts, tokens.ends = src, starts, ends
        return tokens
    out = []
    for t, (s, e) in zip(tokens, _source_offsets(((t.start, t.end) for t in tokens), norm)):
        text = src[s:e]
        out.append(t if (s == t.start and e == t.end and text == t.text) else Token(s, e, text, t.lemma, t.pos))
    return out


def _source_offsets(offsets, norm: Normalized):
    """(start, end) in the source of each (start, end) in the normalised text, in text order."""
    src, removed = norm.source, norm.removed
    n_removed, n_src = len(removed), len(src)
    k = j = 0  # removals at or before the token's first / last character
    for a, b in offsets:
        while k < n_removed and removed[k] <= a:
            k += 1
        if j < k:
            j = k
        while j < n_removed and removed[j] < b:
            j += 1
        s, e = a + k, b + j
        if e < s:
            e = s
        if n_removed and e < n_src and src[e] in MARKS_AFTER:  # «окно́»: as Normalized.end_to_source
            e = with_marks(src, e)
        yield s, e


def _remap_span(sp: Span, norm: Normalized) -> Span:
    s, e = norm.to_source(sp.start), norm.end_to_source(sp.end)
    e = max(s, e)
    return Span(s, e, norm.source[s:e])


_PLAIN = (*SCALARS, Decimal)  # values that hold no span


def _remap_analysis(a: Analysis, norm: Normalized) -> Analysis:
    """The analysis with every span mapped back to the source.

    Its lists are its own (analyze made them): each is mapped in place, record by record, so that
    a long text's old records go as their mapped copies come — a mapped copy of the whole analysis
    beside the old one was the peak of a 10 MB text's memory.
    """
    seen: set[int] = set()
    # a figure's sentence is the sentence's own Span, or a window that figures share: mapped once
    # each, they stay shared (mapped apiece, 35,000 figures of a 10 MB text held 35,000 copies)
    spans: dict[tuple[int, int], Span] = {}
    for name in field_names(Analysis):
        v = getattr(a, name)
        if name in ("text", "source", "tokens") or not isinstance(v, list) or id(v) in seen:
            continue
        seen.add(id(v))
        for i, x in enumerate(v):
            if not isinstance(x, _PLAIN):
                v[i] = _remap(x, norm, spans)
    return dataclasses.replace(a, tokens=_remap_tokens(a.tokens, norm),
                               summary_by_theme=_remap(a.summary_by_theme, norm, spans))


def _remap(obj, norm: Normalized, spans: dict[tuple[int, int], Span]):
    """Map every span of a record from normalised offsets back to the source.

    Only spans are touched: a record with no span in it (a keyword, a dict of scores) is returned as it is.
    A plain ``Span`` is mapped once per place: ``spans`` holds the mapped ones by their offsets.
    """
    if isinstance(obj, _PLAIN):
        return obj
    if type(obj) is Span:
        key = (obj.start, obj.end)
        mapped = spans.get(key)
        if mapped is None:
            mapped = spans[key] = _remap_span(obj, norm)
        return mapped
    if isinstance(obj, list):
        return [_remap(x, norm, spans) for x in obj] if any(not isinstance(x, _PLAIN) for x in obj) else obj
    if isinstance(obj, dict):
        if all(isinstance(v, _PLAIN) for v in obj.values()):
            return obj
        return {k: _remap(v, norm, spans) for k, v in obj.items()}
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    names = field_names(type(obj))
    changes = {}
    for name in names:
        v = getattr(obj, name)
        if isinstance(v, (list, dict)) or (not isinstance(v, _PLAIN) and dataclasses.is_dataclass(v)):
            mapped = _remap(v, norm, spans)
            if mapped is not v:
                changes[name] = mapped
    if "start" in names and "end" in names:
        s, e = norm.to_source(obj.start), norm.end_to_source(obj.end)
        e = max(s, e)  # an empty span right after a removed mark
        changes["start"], changes["end"] = s, e
        if "text" in names:
            changes["text"] = norm.source[s:e]
    return dataclasses.replace(obj, **changes) if changes else obj
