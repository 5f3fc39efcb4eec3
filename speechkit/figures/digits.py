"""A run of digits and what is glued to it: «5-е», «16-летняя», «3-х стран», «10км»; and the digits
that are no figure — codes («G20», «СОР29»), numbered items («статья 15»), times of day («в 10 утра»)."""

from __future__ import annotations

import re
from decimal import Decimal

from .. import morph, regexes
from .amounts import _finish_amount, _read_amount
from .chars import HYPHENS
from .dates import _read_date, _read_year, _read_year_word
from .scan import RATIO_PREPOSITIONS, _decimal, _Draft, _Scan

ID_MARKS = "/@_#\\"  # digits touching these are paths, addresses, handles
_SUFFIX = regexes.compile(rf"[{HYPHENS}]([^\W\d_]+)")  # 5-е, 16-летняя


def _read_digits(scan: _Scan, s: int, e: int, lo: int) -> _Draft | None:
    """A digit run and what surrounds it."""
    if scan.skipped(s) or _is_code(scan, s, e) or _is_identifier(scan, s, lo):
        return None
    value = _decimal(scan.text[s:e])
    if _is_time_of_day(scan, s, e, value, lo):
        return None
    if m := _SUFFIX.match(scan.text, e, scan.end):
        return _read_suffixed(scan, s, m, value, lo)
    return _read_date(scan, s, e, value) or _read_year(scan, s, e, value, lo) or _read_amount(scan, s, e, value, lo)


def _is_code(scan: _Scan, s: int, e: int) -> bool:
    """Digits inside a name or code: «СОР29», «G20», «Tele2», «Россия-24», «3G», «ТОП-3»."""
    text = scan.text
    before = text[s - 1] if s > scan.start else ""
    after = text[e] if e < scan.end else ""
    if (before and before in ID_MARKS) or (after and after in ID_MARKS):  # kremlin.ru/d/76642, ivan1990@mail.ru
        return True
    if before.isalpha() and not _is_glued_word(_letters_before(text, s - 1)):
        return True
    if before and before in HYPHENS and s - 2 >= scan.start and text[s - 2].isalpha():
        return True
    if after.isalpha():
        return not _glued_unit(scan, _letters_after(text, e, scan.end))
    return False


def _is_identifier(scan: _Scan, s: int, lo: int) -> bool:
    # «Статья 15 Конституции», «в пункте 3»: a number that names an item
    before = scan.word_before(s, lo)
    return before is not None and morph.lemma(before.text) in scan.lex.numbered_nouns


def _is_time_of_day(scan: _Scan, s: int, e: int, value: Decimal, lo: int) -> bool:
    # «в 10 утра», «в 3 дня»; «3 дня» alone is a span of days
    word = scan.word_at(e)
    if word is None or word.low not in scan.lex.times_of_day or not 0 <= value <= 24:
        return False
    before = scan.word_before(s, lo)
    return word.low != "дня" or (before is not None and before.low in RATIO_PREPOSITIONS)


def _letters_before(text: str, i: int) -> str:
    j = i
    while j > 0 and i - j < 30 and text[j - 1].isalpha():
        j -= 1
    return text[j : i + 1]


def _letters_after(text: str, i: int, end: int) -> str:
    j = i
    while j < end and j - i < 30 and text[j].isalpha():
        j += 1
    return text[i:j]


def _is_glued_word(letters: str) -> bool:
    # «пресс-службы Акорды16 апреля»: a scraper glued a lower-case word to the number
    return len(letters) >= 4 and letters[-1].islower() and all("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters)


def _glued_unit(scan: _Scan, letters: str) -> bool:
    # «16апреля», «10км», «5млн»
    low = letters.lower()
    lex = scan.lex
    return (
        low in lex.month_genitives
        or low in lex.unit_abbreviations
        or low in lex.currency_abbreviations
        or low in lex.currency_forms
        or lex.words.get(low, ("",))[0] == "scales"
        or low in lex.scale_abbreviations
        or low in lex.year_words
    )


def _read_suffixed(scan: _Scan, s: int, m: re.Match[str], value: Decimal, lo: int) -> _Draft | None:
    """«5-е», «16-летняя», «80-процентная», «2024-м году», «90-е годы», «3-х стран»."""
    suffix = m.group(1).lower()
    e = m.end()
    for stem, (kind, unit) in scan.lex.compound_suffixes.items():
        if suffix.startswith(stem):
            return _finish_amount(scan, _Draft(s, e, value, kind, unit), lo)
    if suffix in ("е", "х") and (decade := _read_year_word(scan, s, e, value, decade=True)):
        return decade
    if suffix in scan.lex.cardinal_endings and (suffix != "х" or 2 <= value <= 4):  # «3-х стран», «5-ти лет»
        return _read_amount(scan, s, e, value, lo)
    if suffix in scan.lex.ordinal_endings:  # «5-е», «2024-м году», «1-го сентября»
        return (
            _read_year_word(scan, s, e, value, decade=False)
            or _read_date(scan, s, e, value)
            or _Draft(s, e, value, "ordinal")
        )
    return None
