"""razdel's tokens, found without razdel's per-atom objects.

razdel splits a text into atoms (a run of Cyrillic letters, of Latin letters, of
digits, one punctuation mark, one other character) with its ``ATOM`` regex, then
decides at every boundary between two atoms whether they join into one token.
Its rules (dash, underscore, float, fraction, punct, other, yahoo) only ever
join atoms that touch: a space always splits.  razdel still builds a record and
a split object with cached properties for every boundary, spaces included, and
that costs more than all the rest of an analysis.

Here the same regex and the same rules, imported from razdel, run over plain
tuples, and only boundaries without a space are looked at.  The result is
razdel's, token for token: ``tests/test_tokenizer.py`` holds the two equal on
the test texts, on the UD sample and on generated text full of the characters
the rules look at.
"""

from __future__ import annotations

from collections.abc import Iterator

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, SMILE

PUNCT, INT, OTHER = "PUNCT", "INT", "OTHER"
_ATTACH = (OTHER, "RU", "LAT")  # what the «other» rule glues to an OTHER atom: «ΔP», «mβж»

Atom = tuple[int, int, str, str]  # start, stop, type, text


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of every token razdel.tokenize would give, in order.

    >>> t = "Рост на 2,5%, т.е. вдвое ;(( — yahoo!"
    >>> [t[a:b] for a, b in token_spans(t)]
    ['Рост', 'на', '2,5', '%', ',', 'т', '.', 'е', '.', 'вдвое', ';((', '—', 'yahoo!']
    """
    return list(iter_token_spans(text))


def iter_token_spans(text: str) -> Iterator[tuple[int, int]]:
    """``token_spans`` one at a time: the atoms stream through a window of four (the rules look two
    atoms back and one ahead), so a long text never holds a list of them, nor of its tokens."""
    atoms = ((m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text))
    prev = next(atoms, None)
    if prev is None:
        return
    before = None  # the atom before prev
    cur = next(atoms, None)
    start = prev[0]
    buffer = prev[3]  # the token so far: the punct rule looks at it («;((»)
    while cur is not None:
        after = next(atoms, None)
        if prev[1] == cur[0] and _joins(before, prev, cur, after, buffer):
            buffer += cur[3]
        else:
            yield start, prev[1]
            start, buffer = cur[0], cur[3]
        before, prev, cur = prev, cur, after
    yield start, prev[1]


def _joins(left2: Atom | None, left1: Atom, right1: Atom, right2: Atom | None, buffer: str) -> bool:
    """razdel's rules, in razdel's order, for the boundary between two touching atoms."""
    left, right = left1[3], right1[3]
    # dash, underscore, float, fraction: the mark is one atom, the rule looks past it
    for marks, kinds in ((DASHES, None), ("_", None), (".,", INT), ("/\\", INT)):
        if left in marks:
            a, b = left2, right1
        elif right in marks:
            a, b = left1, right2
        else:
            continue
        if a is None or b is None:
            continue
        if kinds is None:
            if a[2] != PUNCT and b[2] != PUNCT:
                return True
        elif a[2] == kinds and b[2] == kinds:
            return True
    ltype, rtype = left1[2], right1[2]
    if ltype == PUNCT and rtype == PUNCT:
        if SMILE.match(buffer + right):
            return True
        if left in ENDINGS and right in ENDINGS:
            return True
        if left + right in ("--", "**"):
            return True
    if ltype == OTHER and rtype in _ATTACH or ltype in _ATTACH and rtype == OTHER:
        return True
    return left.lower() == "yahoo" and right == "!"
