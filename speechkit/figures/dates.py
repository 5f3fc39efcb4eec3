"""Dates and years a text states: «27 марта 2013 года», «30 августа», «с 1 по 10 мая», «в январе 2024
года», «2023 годом», «к 2030», «2023–2024 годах», «90-е годы», 27.03.2013; and a page's own date
stamps («7 апреля 2025 года 14:15»), which date the text but are no figures."""

from __future__ import annotations

import re
from decimal import Decimal

from .. import regexes
from .chars import CLOSING_QUOTES, DASHES, SPACES
from .scan import _DASH_NUM, _DIGITS_AT, _abbreviation_end, _decimal, _Draft, _letter_follows, _number_at, _Scan, _Word
from .units import _read_unit

LIST_ITEM_STARTS = "\n(,;"  # what may stand before an item of an inline list
_LABEL_DASH = regexes.compile(rf"[{SPACES}]+[{DASHES}][{SPACES}]+")  # «2021 – 1,2 процента»
_DAY_LINK = regexes.compile(rf"[{SPACES}]*(?:по|до|и|или|,|[{DASHES}])[{SPACES}]*(?=\d)")  # с 1 по 10 мая
_TIME_AFTER = regexes.compile(rf"[{SPACES},]*(?:в[{SPACES}]+)?\d{{1,2}}:\d{{2}}(?!\d)")  # 7 апреля 2025 года 14:15


def _read_numeric_date(scan: _Scan, s: int, e: int) -> _Draft | None:
    # 27.03.2013, 2013-03-27
    written = scan.text[s:e]
    if "-" in written:
        year, month, day = (int(x) for x in written.split("-"))
    else:
        day, month, year = (int(x) for x in written.split("."))
    if scan.skipped(s) or not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return _Draft(s, e, f"{year:04d}-{month:02d}-{day:02d}", "date")


def _read_date(scan: _Scan, s: int, e: int, value: Decimal) -> _Draft | None:
    """«27 марта 2013 года», «30 августа» — a day and a month, maybe a year."""
    if value != value.to_integral_value() or not 1 <= value <= 31:
        return None
    month = scan.word_at(e)
    if month is None or month.low not in scan.lex.month_genitives:
        return _read_first_day(scan, s, e, value)
    day, mon = int(value), scan.lex.month_genitives[month.low]
    year = _year_after(scan, month.end)
    if year is None:
        return _Draft(s, month.end, "", "date", month_day=(mon, day))
    y, end = year
    draft = _Draft(s, end, f"{y:04d}-{mon:02d}-{day:02d}", "date")
    if _is_page_date(scan, s, end):
        scan.stamps.append((s, y, mon))
        draft.flags += ("page_date",)
    return draft


def _read_first_day(scan: _Scan, s: int, e: int, value: Decimal) -> _Draft | None:
    """The first day of «с 1 по 10 мая», «5–7 июня», «5 и 6 июня»: a date in the month named after."""
    link = _DAY_LINK.match(scan.text, e, scan.end)
    day = link and _DIGITS_AT.match(scan.text, link.end(), scan.end)
    month = day and scan.word_at(day.end(1))
    if not month or month.low not in scan.lex.month_genitives or not 1 <= int(_decimal(day.group(1))) <= 31:
        return None
    return _Draft(s, e, "", "date", month_day=(scan.lex.month_genitives[month.low], int(value)))


def _year_after(scan: _Scan, pos: int) -> tuple[int, int] | None:
    """The year that completes a date: «2013 года», «2024 г.», «2024»."""
    m = _DIGITS_AT.match(scan.text, pos, scan.end)
    if not m or not re.fullmatch(r"\d{4}", m.group(1)) or _letter_follows(scan, m.end(1)):
        return None
    year, end = int(m.group(1)), m.end(1)
    word = scan.word_at(end)
    if word and word.low in scan.lex.year_words:
        return year, _year_word_end(scan, word)
    return (year, end) if 1900 <= year <= 2100 else None


def _year_word_end(scan: _Scan, word: _Word) -> int:
    # «2024 г.» keeps its dot, «2024 год.» does not
    return _abbreviation_end(scan, word.end) if word.low in scan.lex.year_abbreviations else word.end


def _is_page_date(scan: _Scan, s: int, e: int) -> bool:
    """A page's own date stamp, not a date the speech states.

    «7 апреля 2025 года 14:15» (a time follows) and a related-links listing
    «…битвы» 29 апреля 2025 года Международный форум…» (a title on each side).
    """
    if _TIME_AFTER.match(scan.text, e, scan.end):
        return True
    before = scan.text[max(scan.start, s - 3) : s].rstrip(SPACES)
    after = scan.word_at(e)
    return bool(before) and before[-1] in CLOSING_QUOTES and after is not None and after.text[:1].isupper()


def _read_year(scan: _Scan, s: int, e: int, value: Decimal, lo: int) -> _Draft | None:
    """«2023 годом», «2024 г.», «к 2030», «2023–2024 годах»."""
    if value != value.to_integral_value() or not 1000 <= value <= 2100:
        return None
    if draft := _read_year_word(scan, s, e, value, decade=False):
        return draft
    if not 1900 <= value <= 2100 or e - s != 4:
        return None
    if draft := _read_year_range(scan, s, e, int(value)):
        return draft
    if _heads_list_item(scan, s, e, value):
        return _Draft(s, e, int(value), "year")
    before = scan.word_before(s, lo)
    if before and before.low in scan.lex.year_prepositions and _read_unit(scan, e, ratio=False) is None:
        return _Draft(s, e, int(value), "year")
    return None


def _heads_list_item(scan: _Scan, s: int, e: int, value: Decimal) -> bool:
    """A year heading an item of a list, a dash and its figure: «(2021 – 1,2 процента, 2022 – …)».

    The item starts the text, a line or a bracket, or follows a comma or a semicolon; a larger number
    after the dash makes a range instead («2000 – 3000 рублей»).
    """
    m = _LABEL_DASH.match(scan.text, e, scan.end)
    after = m and _number_at(scan, m.end())
    if not after or after[1] >= value:
        return False
    i = s
    while i > scan.start and scan.text[i - 1] in SPACES:
        i -= 1
    return i == scan.start or scan.text[i - 1] in LIST_ITEM_STARTS


def _read_year_word(scan: _Scan, s: int, e: int, value: Decimal, decade: bool) -> _Draft | None:
    """A number and a form of «год»: «2023 годом»; «90-е годы» is a decade."""
    word = scan.word_at(e)
    if word is None or word.low not in scan.lex.year_words:
        return None
    if decade and word.low in scan.lex.plural_year_words:
        year = int(value) + 1900 if value < 100 else int(value)
        return _Draft(s, _year_word_end(scan, word), year, "year", flags=("decade",))
    if not 1000 <= value <= 2100:
        return None
    return _Draft(s, _year_word_end(scan, word), int(value), "year")


def _read_year_range(scan: _Scan, s: int, e: int, low: int) -> _Draft | None:
    # «2023-2024», «2023–2024 годах»
    m = _DASH_NUM.match(scan.text, e, scan.end)
    high = m and _DIGITS_AT.match(scan.text, m.end(), scan.end)
    if not high or not re.fullmatch(r"\d{4}", high.group(1)) or not low < int(high.group(1)) <= 2100:
        return None
    end = high.end(1)
    word = scan.word_at(end)
    if word and word.low in scan.lex.year_words:
        end = _year_word_end(scan, word)
    return _Draft(s, end, low, "range", low=Decimal(low), high=Decimal(high.group(1)), flags=("years",))


def _read_month_year(scan: _Scan, month: _Word) -> _Draft | None:
    # «в январе 2024 года» → 2024-01; a month alone («в сентябре») is not a figure
    year = _year_after(scan, month.end)
    if year is None or not 1000 <= year[0] <= 2100:
        return None
    mon = int(scan.lex.words[month.low][1])
    draft = _Draft(month.start, year[1], f"{year[0]:04d}-{mon:02d}", "date")
    if _TIME_AFTER.match(scan.text, draft.end, scan.end):  # «…СКО16 апреля 2024 15:34»
        scan.stamps.append((draft.start, year[0], mon))
        draft.flags += ("page_date",)
    return draft
