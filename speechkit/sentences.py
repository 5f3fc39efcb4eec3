"""Sentences: razdel's splitter, plus glued paragraphs, with a cap on a sentence that never ends.

razdel joins the parts of a sentence one delimiter at a time, and each join copies the sentence
so far: a stretch of text that never reaches a sentence break but holds many delimiters (closing
quotes, «;», brackets, dots before a small letter) costs time quadratic in its length — 10,000
nested «…» took 16 s. No real sentence runs to thousands of words, so a stretch without a likely
sentence break longer than ``LONGEST`` characters is cut before razdel sees it: at the last line
break in its second half, else at the last space, else where the cap falls. Text whose breaks come
at least every ``LONGEST`` characters reaches razdel whole, exactly as before.
"""

from __future__ import annotations

import itertools
import re

from .model import Span

LONGEST = 20_000  # characters: a "sentence" past this is a list, a table or a broken page

# a likely sentence break: an ending, closing quotes or brackets, spaces, then a capital, a digit or
# an opening quote or dash (razdel decides; this only says where a sentence can end)
_BREAK = re.compile(r"[.!?…][»\"”)\]]*\s+(?=[«\"„(\[—–-]?\s*[A-ZА-ЯЁ0-9])")

# «экономики.Вторая задача»: paragraphs glued by a scraper without a space
_GLUED = re.compile(r"(?<=[а-яё]{2}[.!?])(?=[А-ЯЁ][а-яё])")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` (razdel, plus glued-paragraph splits).

    >>> [s.text for s in sentences("Порт вырос. «Мы рады», — сказал он.")]
    ['Порт вырос.', '«Мы рады», — сказал он.']
    """
    from razdel import sentenize

    end = len(text) if end is None else end
    out: list[Span] = []
    for a, b in _pieces(text, start, end):
        for s in sentenize(text[a:b]):
            if not s.text.strip():
                continue  # razdel gives one empty sentence for an empty or blank text
            s0, s1 = a + s.start, a + s.stop
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
