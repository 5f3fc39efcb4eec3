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

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, SMILE

PUNCT, INT, OTHER = "PUNCT", "INT", "OTHER"
_LETTERS = ("RU", "LAT")
_ATTACH = (OTHER, "RU", "LAT")  # what the «other» rule glues to an OTHER atom: «ΔP», «mβж»

Atom = tuple[int, int, str, str]  # start, stop, type, text


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of every token razdel.tokenize would give, in order.

    >>> t = "Рост на 2,5%, т.е. вдвое ;(( — yahoo!"
    >>> [t[a:b] for a, b in token_spans(t)]
    ['Рост', 'на', '2,5', '%', ',', 'т', '.', 'е', '.', 'вдвое', ';((', '—', 'yahoo!']
    """
    atoms: list[Atom] = [(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    out: list[tuple[int, int]] = []
    if not atoms:
        return out
    start = atoms[0][0]
    buffer = atoms[0][3]  # the token so far: the punct rule looks at it («:-)»)
    prev = atoms[0]
    for i in range(1, len(atoms)):
        atom = atoms[i]
        if prev[1] == atom[0] and _joins(atoms, i, buffer):
            buffer += atom[3]
        else:
            out.append((start, prev[1]))
            start, buffer = atom[0], atom[3]
        prev = atom
    out.append((start, prev[1]))
    return out


def _joins(atoms: list[Atom], i: int, buffer: str) -> bool:
    """razdel's rules, in razdel's order, for the boundary before atom ``i`` (no space there)."""
    left1, right1 = atoms[i - 1], atoms[i]
    left, right = left1[3], right1[3]
    # dash, underscore, float, fraction: the mark is one atom, the rule looks past it
    for marks, kinds in ((DASHES, None), ("_", None), (".,", INT), ("/\\", INT)):
        if left in marks:
            a = atoms[i - 2] if i >= 2 else None
            b = right1
        elif right in marks:
            a = left1
            b = atoms[i + 1] if i + 1 < len(atoms) else None
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
