"""What every reader of figures works on: one call's text and lexicon (``_Scan``), a figure being
read (``_Draft``), words, units and heads as records, and the small readings they all share —
a plain number at a position («94–95», «от пяти до десяти»), a number in words («двадцать пять»),
where an abbreviation ends («77 тыс. квартир»)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from .. import regexes
from .chars import DASHES, GROUP_SPACES, HYPHENS, SPACES
from .numbers_toml import Lexicon

# Prepositions of the number phrase itself: «в 2,5 раза», «от 5 до 10», «на 65%», «два с половиной».
RATIO_PREPOSITIONS = ("в", "во")
HEAD_PREPOSITIONS = ("в", "во", "от", "на")
RANGE_FROM, RANGE_TO = "от", "до"
HALF = ("с", ("половиной", "половиною"))

_NUM = rf"\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORD = r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*"
_DIGITS_AT = regexes.compile(rf"[{SPACES}]*({_NUM})")
_WORD_AT = regexes.compile(rf"[{SPACES}]*({_WORD})")
_DASH_NUM = regexes.compile(rf"[{SPACES}]?[{DASHES}][{SPACES}]?(?=[\d\w])")  # 94–95, два-три
_NEXT_CHAR = regexes.compile(rf"[{SPACES}]*(\S)")
_SENTENCE_BREAK = regexes.compile(r"[.!?\n]")


# ---------------------------------------------------------------- records


@dataclass(slots=True)  # one per number read: 100,000 of them on a page of digits
class _Draft:
    """A figure while it is being read; frozen into a ``Figure`` at the end."""

    start: int
    end: int
    value: Decimal | int | str
    kind: str
    unit: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    change: str | None = None
    scale: int = 1  # the multiplier of its scale word: 10**6 for «55 миллионов»
    mantissa: Decimal | None = None  # the number before the scale word: 55
    flags: tuple[str, ...] = ()  # a tuple: most drafts have none, and share the one empty tuple
    month_day: tuple[int, int] | None = None  # a date still waiting for its year


class _Spelled(NamedTuple):
    """A number in words: «двадцать пять», «две трети»."""

    end: int
    value: Decimal
    lone: str | None  # the word, when the number is one word («один», «семью»)
    fraction: bool  # «две трети» is a share, not a count


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower case, ё as е: the key for every look-up


def _word(start: int, end: int, text: str) -> _Word:
    return _Word(start, end, text, text.lower().replace("ё", "е"))


# _Unit and _Head are made for every number read: tuples, not dataclasses (a frozen dataclass costs
# several times as much to make)
class _Unit(NamedTuple):
    end: int
    unit: str | None
    kind: str
    factor: int = 1  # «15 градусов мороза» turns the value negative


class _Head(NamedTuple):
    """What stands before a number: «более чем на», «в», «от», «минус»."""

    start: int  # where the number (with its sign) starts
    sign: int = 0  # +1 «плюс 5», -1 «минус 15», 0 when unsigned
    prep: str | None = None
    prep_start: int | None = None
    qualifier: str | None = None
    qualifier_start: int | None = None


@dataclass
class _Scan:
    """One call's text, bounds and lexicon, and dates met on the way."""

    text: str
    start: int
    end: int
    lex: Lexicon
    skip_starts: list[int]
    skip_ends: list[int]
    stamps: list[tuple[int, int, int]] = field(default_factory=list)  # (pos, year, month) of page dates

    def skipped(self, pos: int) -> bool:
        i = bisect.bisect_right(self.skip_starts, pos) - 1
        return i >= 0 and pos < self.skip_ends[i]

    def word_at(self, pos: int) -> _Word | None:
        m = _WORD_AT.match(self.text, pos, self.end)
        return _word(m.start(1), m.end(1), m.group(1)) if m else None

    def word_before(self, pos: int, lo: int) -> _Word | None:
        """The word that ends right before ``pos`` (spaces between allowed), within 60 characters.

        A walk back over letters: a regex anchored at the end would try every start in the window.
        """
        text, base = self.text, max(lo, pos - 60)
        i = pos
        while i > base and text[i - 1] in SPACES:
            i -= 1
        j = i
        while True:
            while j > base and _is_letter(text[j - 1]):
                j -= 1
            if j - 1 > base and text[j - 1] in HYPHENS and _is_letter(text[j - 2]) and j < i:
                j -= 1  # «двух-трёх»: a hyphen between letters
                continue
            break
        if j == i:
            return None
        return _word(j, i, text[j:i])


def _is_letter(ch: str) -> bool:
    """``[^\\W\\d_]``: a word character that is not a digit or the underscore."""
    return ch.isalnum() and not ch.isdecimal()


# ---------------------------------------------------------------- readings every reader shares


_GROUP_SPACE = regexes.compile(rf"[{GROUP_SPACES}]")


def _decimal(digits: str) -> Decimal:
    # «3 000 000», «1,5», «1.5»; most numbers are digits alone
    if digits.isdecimal():
        return Decimal(digits)
    return Decimal(_GROUP_SPACE.sub("", digits).replace(",", "."))


def _letter_follows(scan: _Scan, pos: int) -> bool:
    return pos < scan.end and (scan.text[pos].isalpha() or scan.text[pos] in HYPHENS)


def _abbreviation_end(scan: _Scan, end: int) -> int:
    """Where an abbreviation ends: with its dot in «77 тыс. квартир», «300 тыс. руб. в месяц»,
    without the dot that ends the sentence in «в 2019 г. В Москве» or «выдан на $5 млн.»."""
    if not scan.text.startswith(".", end):
        return end
    nxt = _NEXT_CHAR.match(scan.text, end + 1, scan.end)
    return end + 1 if nxt and not nxt.group(1).isupper() else end


def _number_at(scan: _Scan, pos: int) -> tuple[int, Decimal] | None:
    """A plain number right at ``pos`` (digits or words), for the high end of a range."""
    m = _DIGITS_AT.match(scan.text, pos, scan.end)
    if m:
        return None if _letter_follows(scan, m.end(1)) else (m.end(1), _decimal(m.group(1)))
    word = scan.word_at(pos)
    if word and scan.lex.words.get(word.low, ("",))[0] == "cardinals":
        spelled = _words_value(scan, word)
        return spelled.end, spelled.value
    return None


def _words_value(scan: _Scan, first: _Word) -> _Spelled:
    """«двадцать пять», «сто сорок», «два с половиной», «две трети»."""
    lex = scan.lex
    total, end, word, count = Decimal(0), first.end, first, 0
    while word is not None:
        category, value = lex.words.get(word.low, ("", Decimal(0)))
        if category == "cardinals" and (count == 0 or _extends(total, value)):
            total, end, count = total + value, word.end, count + 1
        elif category == "fractions" and count:
            return _Spelled(word.end, round(total / value, 4), None, True)
        elif word.low == HALF[0] and count and (half := scan.word_at(word.end)) and half.low in HALF[1]:
            total, end = total + Decimal("0.5"), half.end
            break
        else:
            break
        word = scan.word_at(end)
    return _Spelled(end, total, first.low if count == 1 else None, False)


def _extends(total: Decimal, value: Decimal) -> bool:
    # «сто» + «двадцать» + «пять»: each word fills a lower place than the ones before
    if value != value.to_integral_value() or value >= total:
        return False
    return total % (10 ** len(str(int(value)))) == 0
