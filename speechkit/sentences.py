"""Sentences: razdel's splitter run on offsets, plus glued paragraphs, with a cap on a sentence that
never ends.

``razdel_spans`` gives razdel's sentences exactly, with razdel's own regexes and rules, but without its
per-delimiter objects and without gluing the sentence so far by string concatenation (which made a
stretch with many delimiters and no sentence break quadratic: 10,000 nested «…» took 16 s).

No real sentence runs to thousands of words, and every later stage reads sentences whole, so a stretch
without a likely sentence break longer than ``LONGEST`` characters is cut before the splitter sees it:
at the last line break in its second half, else at the last space, else where the cap falls. Text whose
breaks come at least every ``LONGEST`` characters is split whole.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from collections.abc import Iterator


from . import regexes
from .model import Span

LONGEST = 20_000  # characters: a "sentence" past this is a list, a table or a broken page

# a likely sentence break: an ending, closing quotes or brackets, spaces, then a capital, a digit or
# an opening quote or dash (razdel decides; this only says where a sentence can end)
_BREAK = regexes.compile(r"[.!?…][»\"”)\]]*\s+(?=[«\"„(\[—–-]?\s*[A-ZА-ЯЁ0-9])")

_WINDOW = 10  # characters razdel's rules see on each side of a delimiter

# «экономики.Вторая задача»: paragraphs glued by a scraper without a space
_GLUED = regexes.compile(r"(?<=[а-яё]{2}[.!?])(?=[А-ЯЁ][а-яё])")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` (razdel, plus glued-paragraph splits).

    >>> [s.text for s in sentences("Порт вырос. «Мы рады», — сказал он.")]
    ['Порт вырос.', '«Мы рады», — сказал он.']
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    for a, b in _pieces(text, start, end):
        for s0, s1 in razdel_spans(text, a, b):
            cut = s0
            for m in _GLUED.finditer(text, s0, s1):
                out.append(Span(cut, m.start(), text[cut : m.start()]))
                cut = m.start()
            out.append(Span(cut, s1, text[cut:s1]))
    return out


def _pieces(text: str, start: int, end: int, longest: int = LONGEST):
    """``(a, b)`` stretches of ``text[start:end]`` for razdel: the whole, unless some stretch without a
    likely sentence break runs past ``longest`` characters; such a stretch is cut into pieces of at most
    ``longest``."""
    if end - start <= longest:
        yield start, end
        return
    a = start  # the start of the piece being gathered
    last = start  # the last likely break seen
    for stop in itertools.chain((m.end() for m in _BREAK.finditer(text, start, end)), (end,)):
        while stop - last > longest:
            cut = _cut(text, last, last + longest)
            yield a, cut
            a = last = cut
        last = stop
    yield a, end


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a piece in ``text[lo:hi]``: after its last line break in the second half, else after
    its last space there, else at ``hi``."""
    mid = (lo + hi) // 2
    for sep in ("\n", " "):
        i = text.rfind(sep, mid, hi)
        if i >= 0:
            return i + 1
    return hi


# ---------------------------------------------------------------- razdel's splitter, without its objects


def razdel_spans(text: str, a: int = 0, b: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, stop) of each non-blank sentence ``razdel.sentenize(text[a:b])`` gives, as offsets into
    ``text``.

    razdel finds every delimiter (an ending, «;», a quote, a closing bracket, a smiley), makes a split
    object with cached properties for each, and glues the sentence so far by string concatenation.
    Here the same regexes and the same rules, imported from razdel, look at the same ten-character
    windows; the sentence so far is an offset. ``tests/test_sentences.py`` holds the two equal.

    >>> t = "Рост 2,5 млн т. в год. «Да!» — сказал он. Т.е. всё"
    >>> [t[x:y] for x, y in razdel_spans(t)]
    ['Рост 2,5 млн т. в год.', '«Да!» — сказал он.', 'Т.е. всё']
    """
    b = len(text) if b is None else b
    cut = a  # where the sentence being gathered begins
    for m in _delimiter().finditer(text, a, b):
        start, stop = m.span()
        if not _joins(text, a, b, start, stop, m.group(1), cut):
            yield from _stripped(text, cut, stop)
            cut = stop
    yield from _stripped(text, cut, b)


def _stripped(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """``text[start:stop]`` less its spaces at both ends (razdel's ``post``), if anything is left."""
    chunk = text[start:stop]
    body = chunk.lstrip()
    if body:
        start += len(chunk) - len(body)
        yield start, start + len(body.rstrip())


def _joins(text: str, a: int, b: int, start: int, stop: int, delimiter: str, cut: int) -> bool:
    """razdel's sentence rules, in razdel's order: whether the delimiter ``text[start:stop]`` is inside
    a sentence. Each rule either joins or passes; no rule splits."""
    rs = _razdel()
    left = text[max(a, start - _WINDOW) : start]
    right = text[stop : min(b, stop + _WINDOW)]
    m = rs.FIRST_TOKEN.match(right)
    right_token = m.group(1) if m else None
    m = rs.LAST_TOKEN.search(left)
    left_token = m.group(1) if m else None
    if not left_token or not right_token:  # empty_side
        return True
    if not rs.SPACE_PREFIX.match(right):  # no_space_prefix
        return True
    if rs.is_lower_alpha(right_token):  # lower_right
        return True
    if right_token not in rs.GENERIC_QUOTES and (  # delimiter_right
            right_token in rs.DELIMITERS or rs.SMILE_PREFIX.match(right)):
        return True
    if delimiter == ".":
        if _sokr_left(left, left_token, right_token):
            return True
        if (left_token.lower(), right_token.lower()) in rs.PAIR_SOKRS:  # inside_pair_sokr
            return True
        if left_token.isupper() and len(left_token) == 1 or left_token.lower() in rs.INITIALS:  # initials_left
            return True
    if delimiter in rs.BULLET_BOUNDS and start - cut <= rs.BULLET_SIZE and all(  # list_item
            rs.is_bullet(t) for t in rs.TOKEN.findall(text, cut, start)):
        return True
    if delimiter in rs.QUOTES:  # close_quote: a closing quote after no ending, or a «"» after a space
        if delimiter in rs.CLOSE_QUOTES or delimiter in rs.GENERIC_QUOTES and not rs.SPACE_SUFFIX.search(left):
            if left_token not in rs.ENDINGS:  # close_bound
                return True
        elif delimiter in rs.GENERIC_QUOTES:
            return True
    if delimiter in rs.CLOSE_BRACKETS and left_token not in rs.ENDINGS:  # close_bracket
        return True
    if right_token in rs.DASHES:  # dash_right
        m = rs.WORD.search(right)
        if m and rs.is_lower_alpha(m.group(1)):
            return True
    return False


def _sokr_left(left: str, left_token: str, right_token: str) -> bool:
    rs = _razdel()
    m = rs.PAIR_SOKR.search(left)
    if m:
        pair = m.group(1).lower(), m.group(2).lower()
        if pair in rs.HEAD_PAIR_SOKRS:
            return True
        if pair in rs.PAIR_SOKRS:
            return bool(rs.is_sokr(right_token))
    low = left_token.lower()
    return low in rs.HEAD_SOKRS or low in rs.SOKRS and bool(rs.is_sokr(right_token))


@functools.cache
def _razdel():
    """razdel's sentence module (its regexes, abbreviations and rule helpers), imported when first needed:
    importing speechkit does not import razdel."""
    return importlib.import_module("razdel.segmenters.sentenize")


@functools.cache
def _delimiter() -> re.Pattern[str]:
    """What razdel splits at: an ending, «;», a quote, a closing bracket, a smiley."""
    return regexes.compile(_razdel().DELIMITER)
