"""What a speaker leaves out, filled from the rest of the text: the unit and scale of a bare number
(«Из 55 миллионов 43 миллиона»), the year of «9 мая» (the text's dates, else its title or lead)."""

from __future__ import annotations

import bisect
from decimal import Decimal

from .chars import SPACES
from .scan import _SENTENCE_BREAK, _Draft, _Scan

LEAD_CHARS = 600  # how far into a text its lead may reach: a title and a paragraph of two or three sentences
# Kinds whose unit a bare number may borrow from its neighbour («100, есть компоновка 103 кресла»).
BORROWING_KINDS = {"count", "quantity", "money", "percent", "duration", "temperature"}


def _fill_from_context(scan: _Scan, drafts: list[_Draft]) -> None:
    """Units and scales a speaker leaves out, taken from neighbouring figures.

    - «Из 55 миллионов 43 миллиона»: a scaled count borrows the unit of the last
      figure with the same scale word (пассажир);
    - «100, есть компоновка 103 кресла»: a bare number borrows from the next
      figure in its sentence;
    - «свыше 50 миллиардов … где-то 50 с небольшим, около 51»: a bare number
      close after a scaled one of similar size takes its scale and unit.
    """
    last_by_scale: dict[int, _Draft] = {}
    for i, draft in enumerate(drafts):
        if draft.kind == "count" and draft.unit is None:
            if draft.scale > 1 and draft.scale in last_by_scale:
                _borrow(draft, last_by_scale[draft.scale], "unit_from_context")
            elif draft.scale == 1:
                _borrow_bare(scan, drafts, i)
        if draft.unit is not None and draft.scale > 1 and draft.kind in BORROWING_KINDS:
            last_by_scale[draft.scale] = draft


def _borrow(draft: _Draft, source: _Draft, flag: str) -> None:
    draft.unit, draft.kind = source.unit, source.kind
    draft.flags += (flag,)


def _borrow_bare(scan: _Scan, drafts: list[_Draft], i: int) -> None:
    draft = drafts[i]
    nxt = drafts[i + 1] if i + 1 < len(drafts) else None
    if (
        nxt is not None
        and nxt.unit is not None
        and nxt.scale == 1
        and nxt.kind in BORROWING_KINDS
        and nxt.start - draft.end <= 60
        and not _SENTENCE_BREAK.search(scan.text, draft.end, nxt.start)
    ):
        _borrow(draft, nxt, "unit_from_context")
        return
    prev = drafts[i - 1] if i else None
    if (
        prev is not None
        and prev.scale > 1
        and prev.mantissa
        and prev.kind in BORROWING_KINDS
        and draft.start - prev.end <= 250
        and "\n" not in scan.text[prev.end : draft.start]
        and Decimal("0.5") <= draft.value / prev.mantissa <= 2
    ):
        draft.mantissa, draft.scale = draft.value, prev.scale
        draft.value = draft.value * prev.scale
        _borrow(draft, prev, "scale_from_context")


def _fill_years(scan: _Scan, drafts: list[_Draft]) -> None:
    """The year of «9 мая» from the text's dates: the same month, else the nearest dated mention.

    «24 января» takes 2011 from «в начале января 2011 года» (flag ``year_from_context``); with no
    full date in the text, the year the title or lead states («В начале 2015 года …», flag
    ``year_from_lead``); else the date stays ``--MM-DD`` (ISO 8601 without a year).
    """
    dated = sorted(scan.stamps + [_date_mention(d) for d in drafts if d.kind == "date" and d.month_day is None])
    by_month: dict[int, list[tuple[int, int, int]]] = {}
    for mention in dated:
        by_month.setdefault(mention[2], []).append(mention)
    lead = None
    for draft in drafts:
        if draft.month_day is None:
            continue
        month, day = draft.month_day
        year = _nearest_year(by_month.get(month, []), draft.start) or _nearest_year(dated, draft.start)
        flag = "year_from_context"
        if year is None:
            lead = _lead_year(scan, drafts) if lead is None else lead
            year, flag = lead or None, "year_from_lead"
        draft.value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        if year:
            draft.flags += (flag,)


def _lead_year(scan: _Scan, drafts: list[_Draft]) -> int:
    """The first year the title or the lead states as a time, not a target («к 2030 году»); 0 when none.

    The lead is the first paragraph after the title, up to LEAD_CHARS from the start.
    """
    end = scan.start
    for _ in range(2):  # the title line, then the first paragraph
        while end < scan.end and scan.text[end] in SPACES + "\r\n":
            end += 1
        line_end = scan.text.find("\n", end, scan.end)
        end = scan.end if line_end < 0 else line_end
    end = min(end, scan.start + LEAD_CHARS)
    for draft in drafts:
        if draft.start >= end:
            break
        if draft.kind != "year" or draft.flags:  # «90-е годы» is a decade
            continue
        before = scan.word_before(draft.start, scan.start)
        if before is None or before.low not in scan.lex.year_targets:
            return int(draft.value)
    return 0


def _date_mention(draft: _Draft) -> tuple[int, int, int]:
    year, month = str(draft.value).split("-")[:2]
    return draft.start, int(year), int(month)


def _nearest_year(mentions: list[tuple[int, int, int]], pos: int) -> int | None:
    if not mentions:
        return None
    i = bisect.bisect_left(mentions, (pos,))
    return min(mentions[max(0, i - 1) : i + 1], key=lambda m: abs(m[0] - pos))[1]
