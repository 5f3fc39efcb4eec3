"""Numbers as amounts: range, scale word and unit after the number; sign, preposition and
qualifier before it («более чем на 70», «минус 15», «в 2,5 раза»); then the change it states
(«вырос на 65%»), a unit the clause names before it, and whether a percent has a base."""

from __future__ import annotations

import re
from decimal import Decimal

from .. import morph, regexes
from .chars import MINUS_SIGNS, SPACES
from .scan import (
    _DASH_NUM,
    _SENTENCE_BREAK,
    _WORD,
    HEAD_PREPOSITIONS,
    RANGE_FROM,
    RANGE_TO,
    RATIO_PREPOSITIONS,
    _abbreviation_end,
    _Draft,
    _Head,
    _number_at,
    _Scan,
    _Unit,
    _Word,
    _word,
)
from .units import _counted_noun, _read_unit

_WORD_RE = regexes.compile(_WORD)
_EQUIVALENT = regexes.compile(rf"[{SPACES}]+в[{SPACES}]+([^\W\d_]+)[{SPACES}]+эквивалент", re.I)
# everything up to the last clause (sentence) break: one match, not a list of every break, per number
_LAST_CLAUSE_BREAK = regexes.compile(r".*[.!?;:,()«»\"“”\n]", re.S)  # not dashes: «доля рынка — 65 %»
_LAST_SENTENCE_BREAK = regexes.compile(rf".*{_SENTENCE_BREAK.pattern}", re.S)


def _read_amount(scan: _Scan, s: int, e: int, value: Decimal, lo: int, lone: str | None = None) -> _Draft | None:
    """A number as an amount: range, scale word, unit, then what stands before it."""
    head = _read_head(scan, s, lo)
    draft = _Draft(s, e, value, "count")
    _read_range(scan, draft, head)
    _read_scale(scan, draft)
    unit = _read_unit(scan, draft.end, ratio=head.prep in RATIO_PREPOSITIONS)
    if lone is not None and not _lone_word_counts(scan, lone, draft, unit):
        return None
    if unit is not None:
        draft.end, draft.unit = unit.end, unit.unit
        draft.kind = "range" if draft.low is not None and unit.kind != "ratio" else unit.kind
        if unit.factor < 0:  # «15 градусов мороза»
            head = head._replace(sign=-1)
        if draft.low is None:
            _read_smaller_unit(scan, draft)
    elif symbol := _currency_before(scan, head.start, lo):
        draft.unit, draft.kind = symbol[1], "money"
        head = head._replace(start=symbol[0])
    return _finish_amount(scan, draft, lo, head)


def _read_smaller_unit(scan: _Scan, draft: _Draft) -> None:
    """«5 метров 6 сантиметров» = 5,06 метра: a measure in two units, the smaller right after, is one figure."""
    smaller = scan.lex.compound_measures.get(draft.unit or "")
    rest = smaller and _number_at(scan, draft.end)
    unit = rest and _read_unit(scan, rest[0], ratio=False)
    per = unit and smaller.get(unit.unit or "")
    if per and 0 <= rest[1] < per:
        draft.end, draft.value = unit.end, round(draft.value + rest[1] / per, 4)
        if draft.mantissa is not None:
            draft.mantissa = draft.value / draft.scale


def _read_range(scan: _Scan, draft: _Draft, head: _Head) -> None:
    """«94–95», «1,2–1,3», «от 5 до 10», «от пяти до десяти»: the high end of a range."""
    text = scan.text
    if head.prep == RANGE_FROM:
        word = scan.word_at(draft.end)
        if word and word.low == RANGE_TO:
            high = _number_at(scan, word.end)
            if high and high[1] > draft.value:
                draft.end, draft.kind, draft.low, draft.high = high[0], "range", draft.value, high[1]
            return
    m = _DASH_NUM.match(text, draft.end, scan.end)
    if m is None:
        return
    high = _number_at(scan, m.end())
    if high and high[1] > draft.value and not scan.skipped(m.end()):
        draft.end, draft.kind, draft.low, draft.high = high[0], "range", draft.value, high[1]


def _read_scale(scan: _Scan, draft: _Draft) -> None:
    """«3 млн», «33,5 тысячи», «77 тыс.», «2 миллиона 300 тысяч»."""
    scale = _scale_at(scan, draft.end)
    if scale is None:
        return
    draft.end, draft.scale, draft.mantissa = scale[0], scale[1], draft.value
    draft.value = draft.value * scale[1]
    if draft.low is not None:
        draft.low, draft.high = draft.low * scale[1], draft.high * scale[1]
        return
    rest = _number_at(scan, draft.end)
    smaller = rest and _scale_at(scan, rest[0])
    if smaller and smaller[1] < scale[1]:
        draft.end, draft.value = smaller[0], draft.value + rest[1] * smaller[1]


def _scale_at(scan: _Scan, pos: int) -> tuple[int, int] | None:
    word = scan.word_at(pos)
    if word is None:
        return None
    category, value = scan.lex.words.get(word.low, ("", 0))
    if category == "scales":
        return word.end, int(value)
    if word.low in scan.lex.scale_abbreviations:
        return _abbreviation_end(scan, word.end), scan.lex.scale_abbreviations[word.low]
    return None


def _lone_word_counts(scan: _Scan, lone: str, draft: _Draft, unit: _Unit | None) -> bool:
    """Whether a single number word is a figure here.

    «один» counts only measures: «одного часа», «одного раза», «один миллион»;
    otherwise it is pronominal or idiomatic: «ещё один показатель», «одно
    Отечество», «на один инцидент», «один из первых».  A homograph needs its
    counted noun: «семью днями», not «перевезти семью».
    """
    if lone in scan.lex.one_forms:
        if draft.scale > 1:
            return True
        return unit is not None and (unit.kind != "count" or unit.unit in scan.lex.one_counts)
    if lone in scan.lex.homographs:
        return unit is not None or draft.scale > 1
    return True


def _currency_before(scan: _Scan, s: int, lo: int) -> tuple[int, str] | None:
    """(symbol start, ISO code) of a currency sign before the number: «$5 млн», «€ 10»."""
    i = s - 1
    if i > lo and scan.text[i] in SPACES:
        i -= 1
    ch = scan.text[i] if i >= lo else ""
    if ch and not ch.isalnum() and ch in scan.lex.currency_abbreviations:
        return i, scan.lex.currency_abbreviations[ch]
    return None


# ---------------------------------------------------------------- what stands before


def _read_head(scan: _Scan, s: int, lo: int) -> _Head:
    """Sign, preposition and qualifier before a number: «более чем на 70», «в 2,5», «минус 15»."""
    text = scan.text
    start, sign = s, 0
    if s - 1 >= lo and text[s - 1] in MINUS_SIGNS + "+" and (s - 1 == lo or not text[s - 2].isalnum()):
        start, sign = s - 1, (1 if text[s - 1] == "+" else -1)
    word = scan.word_before(start, lo)
    if word and word.low in scan.lex.signs:
        start, sign, word = word.start, scan.lex.signs[word.low], scan.word_before(word.start, lo)
    prep = prep_start = None
    if word and word.low in HEAD_PREPOSITIONS:
        prep, prep_start = word.low, word.start
        word = scan.word_before(word.start, lo)
    qualifier = _qualifier_ending(scan, word, lo)
    if qualifier is None:
        return _Head(start, sign, prep, prep_start)
    return _Head(start, sign, prep, prep_start, qualifier[0], qualifier[1])


def _qualifier_ending(scan: _Scan, word: _Word | None, lo: int) -> tuple[str, int] | None:
    """«не менее», «более чем», «около» ending with ``word``; «доходила до» is no hedge."""
    if word is None:
        return None
    before = scan.word_before(word.start, lo)
    if before and f"{before.low} {word.low}" in scan.lex.qualifiers:
        return scan.lex.qualifiers[f"{before.low} {word.low}"], before.start
    if word.low not in scan.lex.qualifiers:
        return None
    if word.low == RANGE_TO and before and before.low.startswith(scan.lex.reach_verbs):
        return None
    if word.low == RANGE_TO and scan.text[max(scan.start, word.start - 3) : word.start].rstrip(SPACES)[-1:].isdigit():
        return None  # «вырос с 3500 до 4200 тенге»: a target, not a hedge
    return scan.lex.qualifiers[word.low], word.start


def _finish_amount(scan: _Scan, draft: _Draft, lo: int, head: _Head | None = None) -> _Draft:
    """Attach the head, sign, change and post-posed «около того»; set the surface start."""
    head = head or _read_head(scan, draft.start, lo)
    start = head.start
    if draft.kind == "ratio" and head.prep in RATIO_PREPOSITIONS:
        start = head.prep_start
    elif draft.kind == "range" and head.prep == RANGE_FROM:
        start = head.prep_start
    if head.qualifier is not None:
        draft.qualifier, start = head.qualifier, head.qualifier_start
    elif draft.low is None and (m := scan.lex.qualifiers_after.match(scan.text, draft.end, scan.end)):
        draft.qualifier, draft.end = m.group(1).lower(), m.end()
    if head.sign < 0:
        draft.value = -draft.value
        draft.mantissa = -draft.mantissa if draft.mantissa is not None else None
    draft.start = start
    draft.change = _change(scan, draft, head, lo)
    if draft.unit is None and draft.kind == "count":
        _read_elided_unit(scan, draft, lo)
    if draft.kind == "count" and draft.unit is None and (m := _EQUIVALENT.match(scan.text, draft.end, scan.end)):
        if (code := scan.lex.currency_equivalents.get(m.group(1).lower())) is not None:
            draft.unit, draft.kind = code, "money"  # «свыше 50 миллиардов в долларовом эквиваленте»
    if draft.unit == "%" and not _percent_has_base(scan, draft, lo):
        draft.flags += ("percent_no_base",)
    return draft


def _change(scan: _Scan, draft: _Draft, head: _Head, lo: int) -> str | None:
    """«вырос на 65%», «сократился на 10%», «плюс 5 миллионов» → increase / decrease."""
    if head.sign and draft.kind != "temperature":
        return "increase" if head.sign > 0 else "decrease"
    for word in reversed(_clause_words(scan, draft.start, lo, 4)):
        if word.low.startswith(scan.lex.increase):
            return "increase"
        if word.low.startswith(scan.lex.decrease):
            return "decrease"
    return None


def _clause_words(scan: _Scan, pos: int, lo: int, limit: int) -> list[_Word]:
    """Up to ``limit`` words before ``pos`` in the same clause."""
    base = max(lo, pos - 80)
    chunk = scan.text[base:pos]
    cut = m.end() if (m := _LAST_CLAUSE_BREAK.match(chunk)) else 0
    words = list(_WORD_RE.finditer(chunk, cut))[-limit:]
    return [_word(base + m.start(), base + m.end(), m.group()) for m in words]


def _read_elided_unit(scan: _Scan, draft: _Draft, lo: int) -> None:
    """«нарастить число перевозимых контейнеров до 300 тысяч» → unit контейнер."""
    base = max(lo, draft.start - 150)
    chunk = scan.text[base : draft.start]
    cut = m.end() if (m := _LAST_SENTENCE_BREAK.match(chunk)) else 0
    nouns = list(scan.lex.count_nouns.finditer(chunk, cut))
    if not nouns:
        return
    found = _counted_noun(scan, base + nouns[-1].end())
    if found and found[0] <= draft.start:
        draft.unit = found[1]
        draft.kind = scan.lex.unit_kinds.get(found[1], "count")
        draft.flags += ("unit_from_context",)


def _percent_has_base(scan: _Scan, draft: _Draft, lo: int) -> bool:
    """Whether the sentence names what the percent is of: «60 процентов маршрутов»,
    «75,5 % акционерного капитала», «13 процентов к 2023 году», «вырос на 65%», «доля рынка 42 процента»."""
    if draft.change is not None:
        return True
    after = scan.word_at(draft.end)
    if after and after.low in scan.lex.percent_base_prepositions:
        return True
    if after and _genitive_noun_phrase(scan, after):
        return True
    return any(w.low in scan.lex.percent_base_words for w in _clause_words(scan, draft.start, lo, 6))


def _genitive_noun_phrase(scan: _Scan, word: _Word) -> bool:
    """Whether a noun in the genitive starts at ``word``, past adjectives in the genitive: «акционерного капитала»."""
    for _ in range(4):
        best = morph.parses(word.low)[0]
        if best.tag.case != "gent":
            return False
        if best.tag.POS == "NOUN":
            return True
        if best.tag.POS not in ("ADJF", "PRTF"):
            return False
        word = scan.word_at(word.end)
        if word is None:
            return False
    return False
