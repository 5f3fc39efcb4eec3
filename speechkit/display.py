"""How values read in tables (and the report): one number format, one empty cell, one theme label.

JSON, JSON lines, CSV and TSV carry the plain values (numbers as numbers,
``null`` for nothing, theme ids); what a person reads goes through here.  No
rich, no I/O: the report may use it as well as the terminal tables.
"""

from __future__ import annotations

NARROW_NBSP = "\u202f"  # between groups of digits and before «%»: never a line break


def number(x: float | int | str | None, digits: int | None = None) -> str:
    """A value the Russian way: digits grouped by three from 10 000 up, a decimal comma.

    ``digits`` fixes the decimals (statistics: «12,9»); without it a value shows
    as many as it has.  Strings (dates, «--05-01») pass as they are; None is empty.

    >>> number(3000000), number(1.5), number(2023), number(50e9), number(None), number(-12.94, 1)
    ('3\\u202f000\\u202f000', '1,5', '2023', '50\\u202f000\\u202f000\\u202f000', '', '-12,9')
    """
    if x is None:
        return ""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if digits is not None:
        s = f"{x:,.{digits}f}" if abs(x) >= 10_000 else f"{x:.{digits}f}"
    else:
        if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
            x = int(x)
        s = f"{x:,}" if abs(x) >= 10_000 else str(x)  # «2023», «1500», but «30 000»
    return s.replace(",", NARROW_NBSP).replace(".", ",")


def percent(share: float | None) -> str:
    """A share of 1 as a whole percentage: «27 %», «<1 %» for a trace, empty for None.

    >>> percent(0.27), percent(0.004), percent(0.0), percent(None)
    ('27\\u202f%', '<1\\u202f%', '0\\u202f%', '')
    """
    if share is None:
        return ""
    if 0 < share < 0.005:
        return f"<1{NARROW_NBSP}%"
    return f"{share * 100:.0f}{NARROW_NBSP}%"


def points(difference: float) -> str:
    """A difference of two shares in percentage points: «+12 pp», «−3 pp», «0».

    >>> points(0.12), points(-0.031), points(0.001)
    ('+12 pp', '−3 pp', '0')
    """
    n = round(difference * 100)
    if not n:
        return "0"
    return f"{'+' if n > 0 else '−'}{abs(n)} pp"


def cell(value: object) -> str:
    """Nothing (None: narrative has no speaker, a figure no unit) is an empty cell, in every table.

    >>> cell(None), cell("Касым-Жомарт Токаев")
    ('', 'Касым-Жомарт Токаев')
    """
    return "" if value is None else str(value)


def theme_label(theme: str | None, labels: dict[str, str] | None = None) -> str:
    """The short label of a theme id for a table (``labels`` from ``themes.short_labels``), else the id.

    >>> theme_label("transport", {"transport": "Транспорт"}), theme_label("ports"), theme_label(None)
    ('Транспорт', 'ports', '')
    """
    if theme is None:
        return ""
    return (labels or {}).get(theme, theme)
