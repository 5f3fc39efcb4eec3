"""Multi-word terms: «изменения климата» → изменение климата, «дну Каспийского моря» → дно каспийского моря.

A term is a head phrase ``ADJ* NOUN`` (any case) followed by genitive phrases ``ADJ* NOUN``, each
adjective agreeing with its noun in case, number and gender; people's names are never part of one.
``read_term`` reads a window of words (as ``keywords`` counts them) and gives the term's normal form:
the head in the nominative, the genitives as they stand.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .text import norm_word

ADJECTIVAL = frozenset({"ADJF", "PRTF"})
GENITIVE = frozenset({"gent", "gen2"})
PERSON = frozenset({"Name", "Surn", "Patr"})  # grammemes of a person's name: never part of a term
MINOR_ROLE = 0.15  # a noun/adjective reading with less of pymorphy3's weight is ignored in terms


@dataclass(frozen=True, slots=True)
class _Reading:
    role: str  # "ADJ" | "NOUN"
    case: str | None
    number: str | None
    gender: str | None
    parse: object


Word = tuple[str, str, str | None]  # lower-case form, lemma key, POS of the token


@functools.lru_cache(maxsize=100_000)
def _readings(word: Word) -> tuple[_Reading, ...]:
    """The noun and adjective readings of a token that fit the lemma the tokenizer chose."""
    from .morph import parses

    form, lemma, pos = word
    found = []
    for p in parses(form):
        t = p.tag
        if t.POS == "NOUN":
            role = "NOUN"
        elif t.POS in ADJECTIVAL and "Apro" not in t:
            role = "ADJ"
        else:
            continue
        if PERSON & t.grammemes:
            continue  # «Касым-Жомарт Токаев»: people are not terms
        fits = norm_word(p.normal_form) == lemma or (role == "ADJ" and pos in ADJECTIVAL)  # «важнейший»
        # plain strings: pymorphy3 tag attributes refuse comparison with unknown grammemes
        found.append((fits, _Reading(role, _str(t.case), _str(t.number), _str(t.gender), p)))
    # «Токаев» read as genitive plural of «токай»: a reading off the token's lemma is no reading
    out = [r for fits, r in found if fits]
    # «учёных» is a noun 80% of the time: a role with under 15% of the weight is dropped
    weight = {role: sum(r.parse.score for r in out if r.role == role) for role in ("ADJ", "NOUN")}
    total = sum(weight.values()) or 1.0
    out = [r for r in out if weight[r.role] / total >= MINOR_ROLE]
    if any(r.role == "ADJ" for r in out):
        # «Каспийского» is an adjective, not the place name «Каспийский» in the genitive
        out = [r for r in out if r.role == "ADJ" or "Geox" not in r.parse.tag]
    return tuple(out)


def _str(grammeme) -> str | None:
    return None if grammeme is None else str(grammeme)


def _agree(adj: _Reading, noun: _Reading) -> bool:
    if adj.case != noun.case or adj.number != noun.number:
        return False
    return noun.number == "plur" or noun.gender in (None, "ms-f") or adj.gender == noun.gender


def _phrase(words: Sequence[Word], genitive: bool) -> list[tuple[_Reading, ...]] | None:
    """Agreeing readings of ``ADJ* NOUN`` (all genitive if asked), one tuple per choice, best first."""
    *adjs, head = words
    found = []
    for n in _readings(head):
        if n.role != "NOUN" or (genitive and n.case not in GENITIVE):
            continue
        chosen = []
        for w in adjs:
            a = next((r for r in _readings(w) if r.role == "ADJ" and _agree(r, n)), None)
            if a is None:
                break
            chosen.append(a)
        else:
            found.append((*chosen, n))
    return found or None


def _normal_head(readings: tuple[_Reading, ...]) -> list[str]:
    """``ADJ* NOUN`` in the nominative: «Каспийского моря» → каспийское море."""
    *adjs, noun = readings
    p = noun.parse
    if "Pltm" in p.tag:  # «водные ресурсы» stay plural only when the noun has no singular
        want = {"plur", "nomn"}
    else:
        want = {noun.gender if noun.gender in ("masc", "femn", "neut") else "masc", "sing", "nomn"}
    out = []
    for a in adjs:
        f = a.parse.inflect(want)
        out.append(f.word if f is not None else a.parse.normal_form)
    out.append(p.normal_form)
    return out


@functools.lru_cache(maxsize=100_000)
def read_term(words: tuple[Word, ...]) -> tuple[str, str] | None:
    """The normal form and pattern of a word window that is a term, or None.

    A term is a head phrase ``ADJ* NOUN`` (any case) followed by genitive phrases
    ``ADJ* NOUN``; the head goes to the nominative, the genitives stay as they are:
    «изменения климата» → изменение климата, «дну Каспийского моря» → дно каспийского моря.
    """
    n = len(words)
    for cuts in _splits(words):
        bounds = (0, *cuts, n)
        head = _phrase(words[: bounds[1]], genitive=False)
        if head is None:
            continue
        pattern = ["ADJ"] * (bounds[1] - 1) + ["NOUN"]
        for lo, hi in zip(bounds[1:], bounds[2:]):
            if _phrase(words[lo:hi], genitive=True) is None:
                break
            pattern += ["ADJ.gen"] * (hi - lo - 1) + ["NOUN.gen"]
        else:
            tail = [form for form, _, _ in words[bounds[1] :]]
            return " ".join(_normal_head(head[0]) + tail), " ".join(pattern)
    return None


def _can_be_noun(word: Word) -> bool:
    return any(r.role == "NOUN" for r in _readings(word))


def _splits(words: tuple[Word, ...]) -> list[tuple[int, ...]]:
    """Ways to cut a window into phrases that each end in a noun, fewest cuts first.

    >>> _splits((("вопрос", "вопрос", "NOUN"), ("изменения", "изменение", "NOUN"), ("климата", "климат", "NOUN")))
    [(), (1,), (2,), (1, 2)]
    """
    n = len(words)
    if not n or not _can_be_noun(words[-1]):
        return []
    inner = [i + 1 for i in range(n - 1) if _can_be_noun(words[i])]
    return [c for k in range(len(inner) + 1) for c in itertools.combinations(inner, k)]
