"""razdel's tokens, found without razdel's per-atom objects.

razdel splits a text into atoms (a run of Cyrillic letters, of Latin letters, of
digits, one punctuation mark, one other character) with its ``ATOM`` regex, then
decides at every boundary between two atoms whether they join into one token.
Its rules (dash, underscore, float, fraction, punct, other, yahoo) only ever
join atoms that touch: a space always splits.  razdel still builds a record and
a split object with cached properties for every boundary, spaces included, and
that costs more than all the rest of an analysis.

Here the same regex and the same rules, imported from razdel, run over plain
tuples, and only boundaries without a space are looked at.  Most runs of
non-spaces are a plain word, maybe with one closing mark, a number or a
single mark; those are tokens as they stand, and only the other runs are read
atom by atom.  The result is
razdel's, token for token: ``tests/test_tokenizer.py`` holds the two equal on
the test texts, on the UD sample and on generated text full of the characters
the rules look at.
"""

from __future__ import annotations

from collections.abc import Iterator

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, SMILE

from . import regexes

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


# A run of letters of one script, with at most one closing mark, between spaces: the token is the word and
# the mark is one, whatever stands around (no rule joins a word to «,» «.» «»» …: the dash, underscore and
# «yahoo!» rules are why «-», «_» and, after Latin, «!» are not in the class). Most of a text's tokens are
# such words; a number or one mark alone is one atom; anything else is read atom by atom. The letters are those ATOM's
# case-blind [а-яё] and [a-z] match (İ ı ſ K among them), written out: a case-blind class costs a third more.
_PLAIN = regexes.compile(
    r"(?:[А-ЯЁа-яё\u1c80-\u1c86]+(?P<ru>[,.;:!?…»”’\"')\]}])?"
    r"|[A-Za-z\u0130\u0131\u017f\u212a]+(?P<lat>[,.;:?…»”’\"')\]}])?)(?=\s|\Z)"
    r"|(?:\d+|\S)(?=\s|\Z)"  # a number, a dash: one atom
    r"|(?P<run>\S+)"
)


def iter_token_spans(text: str) -> Iterator[tuple[int, int]]:
    """``token_spans`` one at a time, a run of non-spaces at a time: a plain word (``_PLAIN``) is its token
    and its mark's; any other run is read atom by atom (``_run_spans``), so a long text never holds a list
    of its atoms, nor of its tokens."""
    prev_end = None  # where the run before ended: its last atom is the one before this run's first
    for m in _PLAIN.finditer(text):
        kind = m.lastgroup
        if kind is None:
            yield m.span()
        elif kind == "run":
            yield from _run_spans(text, m.start(), m.end(), prev_end)
        else:
            s, e = m.span()
            yield s, e - 1
            yield e - 1, e
        prev_end = m.end()


def _run_spans(text: str, lo: int, hi: int, prev_end: int | None) -> Iterator[tuple[int, int]]:
    """The tokens of the run of non-spaces ``text[lo:hi]``: razdel's rules at every boundary of its atoms,
    which look two atoms back and one ahead, across the spaces around the run (only at those atoms' types)."""
    before = _outside_atom(text, prev_end - 1) if prev_end is not None else None
    atoms = [(a.start(), a.end(), a.lastgroup, a.group()) for a in ATOM.finditer(text, lo, hi)]
    nxt = ATOM.search(text, hi)
    atoms.append((nxt.start(), nxt.end(), nxt.lastgroup, "") if nxt is not None else None)
    prev = atoms[0]
    start, buffer = prev[0], prev[3]  # the token so far: the punct rule looks at it («;((»)
    for k in range(1, len(atoms) - 1):
        cur = atoms[k]
        if prev[1] == cur[0] and _joins(before, prev, cur, atoms[k + 1], buffer):
            buffer += cur[3]
        else:
            yield start, prev[1]
            start, buffer = cur[0], cur[3]
        before, prev = prev, cur
    yield start, prev[1]


def _outside_atom(text: str, at: int) -> Atom:
    """The atom ending at ``at`` outside the run being read, by its type (all the rules look at there)."""
    m = ATOM.match(text, at)
    return (m.start(), m.end(), m.lastgroup, "")


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
