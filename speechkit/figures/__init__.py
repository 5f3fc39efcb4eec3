"""Figures a speech states: numbers in digits and words, with unit, qualifier and kind.

razdel splits ``3 000 000`` into three tokens and ``65`` from ``%``, so figures are
read on character spans: one regex pass finds number cores (digit runs and words),
and each core is read outward a few words at most — sign, qualifier and «в»/«от»
to the left; range, scale word and counted noun to the right.  Every look is
bounded, so the scan is linear in the text.  A second pass fills what a speaker
leaves out: the unit of «Из 55 миллионов 43 миллиона», the scale of «около 51»
after «свыше 50 миллиардов», the year of «9 мая» from the text's own dates.

>>> [(f.text, f.value, f.unit, f.kind) for f in find_figures("вырос на 65%, или почти 3 млн тонн")]
[('65%', 65, '%', 'percent'), ('почти 3 млн тонн', 3000000, 'тонна', 'quantity')]

Modules, each reading one kind of thing: ``numbers_toml`` (the lexicon and its cached forms),
``scan`` (the records and readings every reader shares), ``digits``, ``dates`` (and years),
``amounts`` (ranges, scales, what stands before a number), ``units``, ``words`` (numbers in
words), ``context`` (units, scales and years borrowed from the rest of the text).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from .. import regexes
from ..model import Figure
from .chars import DASHES, SPACES
from .context import _fill_from_context, _fill_years
from .dates import _read_numeric_date
from .digits import _read_digits
from .numbers_toml import LEMMA_CATEGORIES, Lexicon, lexicon
from .scan import _NUM, _WORD, _Draft, _Scan, _word
from .words import ROMAN_STARTS, _read_word

__all__ = ["find_figures", "read_figures", "figure_of", "lexicon", "Lexicon", "LEMMA_CATEGORIES"]

_CORE_DATES = (
    r"(?P<ddate>(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)"  # 27.03.2013
    r"|(?<![\d.-])\d{4}-\d{2}-\d{2}(?![\d-]))"  # 2013-03-27
)
_LETTER, _JOIN = r"[^\W\d_]", "[-\u2010\u2011]"  # a word's letter; the hyphens that join its parts (scan._WORD)


@functools.lru_cache(maxsize=8)
def _core(starts: frozenset[str]) -> re.Pattern[str]:
    """The next number core: a date, a digit run, or a word that may begin a figure (a Roman numeral's
    capital, or first three characters, in lower case with «ё» as «е», among ``starts``: ``Lexicon.starts``;
    a shorter key is the whole word), in the group named for its kind.

    Most words of a text are no number: the words before a core are passed by inside the regex engine,
    each whole (possessively: nothing is tried again), not one match at a time in Python. A match with no
    core group is the text's tail, with no core in it."""
    trie: dict = {}
    for key in starts:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict, depth: int) -> str:
        alts = []
        for ch, child in sorted(node.items()):
            if ch == "":  # a key ends here: with its three characters, or where the word ends
                alts.append("" if depth >= 3 else f"(?!{_LETTER}|{_JOIN}{_LETTER})")
            else:
                alts.append(("[еЕёЁ]" if ch == "е" else re.escape(ch)) + branch(child, depth + 1))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    candidate = f"[{ROMAN_STARTS}]" + (f"|(?i:{branch(trie, 0)})" if trie else "")
    other = rf"(?!{candidate})(?>{_WORD})|[^\w]|_"  # a word that begins no figure, or a character of no word
    return regexes.compile(rf"(?:{other})*+(?:{_CORE_DATES}|(?P<num>{_NUM})|(?P<word>{_WORD}))?")

# Digit strings that are not figures: links, times of day, phones, list
# numbering, names in quotes («36,6»), numbered items (№ 5), long ids.  Every
# branch begins with a digit or a rare character, not an assertion, so that the
# regex engine skips to candidates; lookbehinds come after the first digit
# («\d(?<!\d\d)» is a digit with no digit before it). A numbered line at the
# very start of the text is checked apart (_LIST_AT_START).
_NOT_FIGURES = regexes.compile(
    r"(?:https?://|www\.)\S+"
    r"|\d(?<!\d\d)\d?:\d{2}(?::\d{2})?(?!\d)"  # 14:15
    r"|(?:\+\d{1,3}|8(?<!\d8))[ \-]?\(\d{3,5}\)[ \-]?\d{1,3}(?:[ \-]?\d{2,3}){1,3}(?!\d)"  # 8 (7172) 55-55-55
    r"|(?:\+7|8(?<!\d8))[ \-]?\d{3}[ \-]?\d{3}[ \-]?\d{2}[ \-]?\d{2}(?!\d)"  # 8 800 555 35 35
    r"|\d(?<![\d\-]\d)\d{1,2}(?:-\d{2}){2}(?![\d\-])"  # 244-55-66
    r"|\n[ \t]*\d{1,3}[.)](?=[ \t])"  # a numbered line: «1. »
    rf"|[«\"“„][{SPACES}]*\d[\d.,+/{DASHES}{SPACES}]*[»\"”“]"  # «36,6», «5+1»
    rf"|№[{SPACES}]*\d\S*"
    r"|\d{10,}"
)
_LIST_AT_START = regexes.compile(r"[ \t]*\d{1,3}[.)](?=[ \t])")


# ---------------------------------------------------------------- entry point


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """The figures stated in ``text[start:end]``, in text order.

    ``end`` is where page boilerplate begins; offsets are into ``text`` and
    ``text[f.start:f.end] == f.text`` always.  ``segment``, ``theme``,
    ``speaker`` and ``sentence`` are left for the pipeline.  Flags:
    ``no_unit`` (a count with no counted noun), ``percent_no_base`` (nothing in
    the sentence says what the percent is of), ``unit_from_context``,
    ``scale_from_context``, ``year_from_context`` (filled from neighbouring
    figures or dates), ``year_from_lead`` (a date's year inferred from the year
    the title or lead states), ``decade`` («90-е годы»), ``years`` (a range of years).
    Page date stamps («7 апреля 2025 года 14:15») are not returned.
    """
    return [figure_of(k, d, text) for k, d in enumerate(read_figures(text, start, end))]


def read_figures(text: str, start: int = 0, end: int | None = None) -> Iterator[_Draft]:
    """The figures of ``find_figures`` as they are read, one at a time, before they are made records
    (``figure_of``): a caller that places each one (the pipeline: its segment, speaker, sentence) makes
    one record of it, not two."""
    end = len(text) if end is None else min(end, len(text))
    starts, ends = _skip_spans(text, start, end)
    scan = _Scan(text, start, end, lexicon(), starts, ends)
    drafts: list[_Draft] = []
    pos = start
    for m in _core(scan.lex.starts).finditer(text, start, end):
        kind = m.lastgroup
        if kind is None:
            continue  # the tail: words that begin no figure
        s, e = m.span(kind)
        if s < pos:
            continue
        draft = _read_core(scan, kind, s, e, pos)
        if draft is None:
            continue
        pos = draft.end
        if "page_date" not in draft.flags:
            drafts.append(draft)
    _fill_from_context(scan, drafts)
    _fill_years(scan, drafts)
    for k, d in enumerate(drafts):
        drafts[k] = None  # each draft is let go as its figure is made: the two lists are never whole at once
        if _plausible(d):
            yield d


MAX_DIGITS = 24  # a quantity of 10^24 or more is no figure a text states, but a run of digits


def _plausible(draft: _Draft) -> bool:
    """«1 000 000 … 000» over 5,000 digits is not a figure (and no JSON reader takes such an int)."""
    return all(not isinstance(v, Decimal) or v.adjusted() < MAX_DIGITS for v in (draft.value, draft.low, draft.high))


def _skip_spans(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Merged spans of digit strings that are not figures, for bisect look-ups."""
    starts: list[int] = []
    ends: list[int] = []
    at_line_start = start == 0 or text[start - 1] == "\n"  # where «^» matched in the multi-line regex
    first = _LIST_AT_START.match(text, start, end) if at_line_start else None
    for m in itertools.chain([first] if first else [], _NOT_FIGURES.finditer(text, start, end)):
        if ends and m.start() <= ends[-1]:
            ends[-1] = max(ends[-1], m.end())
        else:
            starts.append(m.start())
            ends.append(m.end())
    return starts, ends


def _read_core(scan: _Scan, kind: str, s: int, e: int, lo: int) -> _Draft | None:
    if kind == "num":
        return _read_digits(scan, s, e, lo)
    if kind == "word":
        return _read_word(scan, _word(s, e, scan.text[s:e]), lo)
    return _read_numeric_date(scan, s, e)


# ---------------------------------------------------------------- output


# flags come from a few names: each combination is one tuple that all its figures share (a page of
# 100,000 bare digits kept 100,000 copies of ("no_unit",))
_FLAG_SETS: dict[tuple[str, ...], tuple[str, ...]] = {}


def flag_set(flags) -> tuple[str, ...]:
    """``flags`` as the one shared tuple of its combination."""
    flags = tuple(flags)
    return _FLAG_SETS.setdefault(flags, flags)


def figure_of(index: int, draft: _Draft, text: str, more_flags: tuple[str, ...] = (), **placed) -> Figure:
    """The record of a figure ``read_figures`` gave; ``placed``: the fields find_figures leaves empty
    (segment, theme, speaker, speaker_id, sentence), ``more_flags`` after its own."""
    flags = list(draft.flags)
    if draft.unit is None and draft.kind in ("count", "range") and "years" not in flags:
        flags.append("no_unit")
    return Figure(
        index=index,
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        value=_plain(draft.value),
        unit=draft.unit,
        kind=draft.kind,
        qualifier=draft.qualifier,
        low=_plain(draft.low) if draft.low is not None else None,
        high=_plain(draft.high) if draft.high is not None else None,
        change=draft.change,
        flags=flag_set(flags + list(more_flags) if more_flags else flags),
        **placed,
    )


def _plain(value: Decimal | int | str) -> int | float | str:
    """int where integral, float otherwise; dates stay strings."""
    if not isinstance(value, Decimal):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)
