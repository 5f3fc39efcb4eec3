"""A document's date: from a metadata field, from its file name, or from the dateline of its text.

A corpus needs one date per document to be charted over time.  Where it comes from is kept
with it, because the three sources are not equally sure:

* ``field``: the value of a JSON-lines field (``--date-field``), as the feed gives it;
* ``name``: a date written in the file's name or folder (``2024-07-06-tokayev.txt``,
  ``2024/07/06/speech.txt``, ``20240706.txt``);
* ``dateline``: a full date in the opening lines of the text, where news agencies and
  official sites print it (``29 апреля 2025 года 17:40 Волгоград``, ``06.07.2024``).

Dates are ISO strings (``2024-07-06``); a date without a day or a year is not taken.
"""

from __future__ import annotations

import datetime as dt
import re

from . import regexes

DATELINE_CHARS = 500  # the opening of the text where a dateline stands

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
# «6 июля 2024», «29 апреля 2025 года», «1 мая 2024 г.»: the genitive forms of the month names
_MONTH = r"(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_RU_DATE = regexes.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})(?:\s*(?:года|г\.))?", re.I)
_NUM_DATE = regexes.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)")
_ISO_DATE = regexes.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_TIME = regexes.compile(r"\s*,?\s*(?:в\s+)?\d{1,2}:\d{2}\b")
# in a path: 2024-07-06, 2024_07_06, 2024.07.06, 2024/07/06, or 20240706 standing alone
_PATH_DATE = regexes.compile(r"(?<!\d)((?:19|20)\d{2})([-_./])(\d{2})\2(\d{2})(?!\d)|(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")


def iso(year: int | str, month: int | str, day: int | str) -> str | None:
    """An ISO date, or None when the parts make no date.

    >>> iso(2024, 7, 6), iso("2024", "02", "30")
    ('2024-07-06', None)
    """
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_date(value: object) -> str | None:
    """A metadata value read as a date: ISO, ``06.07.2024``, ``6 июля 2024`` or a Unix time.

    >>> parse_date("2024-07-06T10:00:00Z"), parse_date("06.07.2024"), parse_date("6 июля 2024 г.")
    ('2024-07-06', '2024-07-06', '2024-07-06')
    >>> parse_date(1720224000), parse_date("вчера"), parse_date("2024-07")
    ('2024-07-06', None, None)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        if not 0 <= value < 1e11:  # seconds since 1970, up to the year 5138
            return None
        return dt.datetime.fromtimestamp(value, dt.timezone.utc).date().isoformat()
    s = str(value).strip()
    m = _ISO_DATE.match(s)
    if m:
        return iso(*m.groups())
    m = _NUM_DATE.match(s)
    if m:
        return iso(m.group(3), m.group(2), m.group(1))
    m = _RU_DATE.match(s)
    if m:
        return iso(m.group(3), _month(m.group(2)), m.group(1))
    return None


def _month(word: str) -> int:
    low = word.lower()
    return next(n for stem, n in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])) if low.startswith(stem))


def date_from_name(name: str) -> str | None:
    """A date written in a file's path: ``speeches/2024-07-06-shusha.txt``, ``2024/07/06/x.txt``.

    >>> date_from_name("speeches/2024-07-06-shusha.txt"), date_from_name("feed/2024/07/06/a.txt")
    ('2024-07-06', '2024-07-06')
    >>> date_from_name("akorda_20240706.txt"), date_from_name("speech-12345678.txt")
    ('2024-07-06', None)
    """
    path = name.replace("\\", "/")
    found = None
    for m in _PATH_DATE.finditer(path):  # the last one: the file's own name is more specific than its folder
        if m.group(1):
            found = iso(m.group(1), m.group(3), m.group(4)) or found
        else:
            found = iso(m.group(5), m.group(6), m.group(7)) or found
    if found:
        return found
    m = re.search(r"(?<!\d)((?:19|20)\d{2})/(\d{2})/(\d{2})(?=/)", path)  # 2024/07/06/speech.txt
    return iso(*m.groups()) if m else None


def dateline(text: str) -> str | None:
    """The date a news text is dated with: a full date in its opening that starts a line or has a time.

    Kremlin transcripts print «29 апреля 2025 года 17:40 Волгоград» after the headline; agencies
    start a paragraph with the date.  A date inside a sentence of the lead («по итогам 5 марта
    2024 года …») is an event, not the dateline, and is not taken.

    >>> dateline("Встреча с Президентом Белоруссии. 29 апреля 2025 года 17:40 Волгоград В.Путин: …")
    '2025-04-29'
    >>> dateline("Заголовок\\n\\n06.07.2024\\nТекст новости."), dateline("Соглашение от 5 марта 2024 года вступит в силу.")
    ('2024-07-06', None)
    """
    head = text[:DATELINE_CHARS]
    best: tuple[int, str] | None = None
    for pattern, order in ((_RU_DATE, "dmy"), (_NUM_DATE, "dmy"), (_ISO_DATE, "ymd")):
        for m in pattern.finditer(head):
            d, mo, y = (m.group(1), m.group(2), m.group(3)) if order == "dmy" else (m.group(3), m.group(2), m.group(1))
            if not mo.isdigit():
                mo = str(_month(mo))
            date = iso(y, mo, d)
            if date is None:
                continue
            line_start = head.rfind("\n", 0, m.start()) + 1
            starts_line = not head[line_start : m.start()].strip(" \t\u00a0")
            timed = _TIME.match(head, m.end()) is not None
            if (starts_line or timed) and (best is None or m.start() < best[0]):
                best = (m.start(), date)
    return best[1] if best else None


def document_date(name: str, text: str, meta: dict | None = None, field: str | None = "date",
                  ) -> tuple[str | None, str | None]:
    """``(date, source)``: the field's value if it reads as a date, else the file name's, else the dateline.

    >>> document_date("<stdin>:1", "Текст.", {"published": "2024-07-06"}, "published")
    ('2024-07-06', 'field')
    >>> document_date("2023-01-02.txt", "06.07.2024\\nТекст.")
    ('2023-01-02', 'name')
    >>> document_date("a.txt", "06.07.2024\\nТекст."), document_date("a.txt", "Текст.")
    (('2024-07-06', 'dateline'), (None, None))
    """
    if meta and field and field in meta:
        date = parse_date(meta[field])
        if date:
            return date, "field"
    date = date_from_name(name)
    if date:
        return date, "name"
    date = dateline(text)
    if date:
        return date, "dateline"
    return None, None


def bucket(date: str, by: str) -> str:
    """The period a date falls in: ``day`` 2024-07-06, ``week`` 2024-W27 (ISO), ``month`` 2024-07, ``year`` 2024.

    >>> [bucket("2024-07-06", b) for b in ("day", "week", "month", "year")]
    ['2024-07-06', '2024-W27', '2024-07', '2024']
    """
    if by == "day":
        return date[:10]
    if by == "month":
        return date[:7]
    if by == "year":
        return date[:4]
    if by == "week":
        y, w, _ = dt.date.fromisoformat(date[:10]).isocalendar()
        return f"{y}-W{w:02d}"
    raise ValueError(f"bucket by {by!r}")


def buckets_between(first: str, last: str, by: str) -> list[str]:
    """Every period from the one of ``first`` to the one of ``last``, gaps included.

    >>> buckets_between("2024-11-20", "2025-02-01", "month")
    ['2024-11', '2024-12', '2025-01', '2025-02']
    >>> buckets_between("2024-12-30", "2025-01-13", "week")
    ['2025-W01', '2025-W02', '2025-W03']
    """
    a, b = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
    out: list[str] = []
    if by == "year":
        return [str(y) for y in range(a.year, b.year + 1)]
    if by == "month":
        y, m = a.year, a.month
        while (y, m) <= (b.year, b.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    step = dt.timedelta(days=1 if by == "day" else 7)
    d = a if by == "day" else a - dt.timedelta(days=a.weekday())  # the week's Monday
    while d <= b:
        out.append(bucket(d.isoformat(), by))
        d += step
    return out


def period_start(value: str, *, end: bool = False) -> str:
    """``--since``/``--until`` values: ``2024``, ``2024-01`` or ``2024-01-15`` → the first (or last) day.

    >>> period_start("2024-01"), period_start("2024", end=True), period_start("2024-02", end=True)
    ('2024-01-01', '2024-12-31', '2024-02-29')
    """
    from .errors import UsageError

    s = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
    if not m:
        date = parse_date(s)
        if date is None:
            raise UsageError(f"{value!r} is not a date; give 2024, 2024-01 or 2024-01-15")
        return date
    y, mo, d = m.groups()
    if d:
        date = iso(y, mo, d)
    elif mo:
        if not 1 <= int(mo) <= 12:
            date = None
        elif end:
            nxt = dt.date(int(y) + (int(mo) == 12), int(mo) % 12 + 1, 1)
            date = (nxt - dt.timedelta(days=1)).isoformat()
        else:
            date = iso(y, mo, 1)
    else:
        date = iso(y, 12, 31) if end else iso(y, 1, 1)
    if date is None:
        raise UsageError(f"{value!r} is not a date; give 2024, 2024-01 or 2024-01-15")
    return date
