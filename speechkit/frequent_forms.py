"""The readings of Russian's most frequent word forms, kept in the derived-table cache.

A process meets every word form of its first text for the first time: the seed's 780 forms ask
pymorphy3 for 0.05 s of parses, a ninth of a cold ``speechkit themes``. Most forms of any text
are among the few thousand most frequent of Russian (``data/frequent_forms.txt``), so their
readings (``morph.parsed_readings``) are kept in the derived-table cache (``speechkit.cache``) as
one table, keyed by the list, the dictionary's version and the code that reads a form, and read
back instead of parsed: a form costs a few microseconds instead of a parse.

The table is built by the first run that finds none (every listed form parsed once, about 0.3 s)
and never while the cache is off, where it could not be kept. Each form's code is decoded only
when the form is met; a code that does not decode is no reading, and the form is parsed as if it
were not listed.
"""

from __future__ import annotations

import os
import zlib
from typing import TYPE_CHECKING

from .cache import cache_dir, code_stamp, memo
from .datafiles import read_text

if TYPE_CHECKING:  # pragma: no cover
    from .morph import Reading

_table: tuple[list, dict[str, str]] | None = None  # (tags, form → code), once loaded
_tags: dict[int, tuple] = {}  # a tag's number → its decoded fields, as met


def readings(low: str) -> list[Reading] | None:
    """The readings of a listed lower-cased form, as ``morph.parsed_readings`` gives them, or None."""
    tags, codes = _table if _table is not None else _load()
    code = codes.get(low)
    if code is None:
        return None
    try:
        return _decode(low, code, tags)
    except (ValueError, IndexError, TypeError, AttributeError):
        return None  # a damaged code: parsed afresh


def forms() -> list[str]:
    """``data/frequent_forms.txt``: lower-case word forms, most frequent first."""
    return [w for w in (line.strip() for line in read_text("frequent_forms.txt").splitlines())
            if w and not w.startswith("#")]


def clear() -> None:
    """Forget the loaded table (tests that change the cache or the list)."""
    global _table
    _table = None
    _tags.clear()


def _load() -> tuple[list, dict[str, str]]:
    global _table
    _table = ([], {})
    if cache_dir() is None:
        return _table  # nowhere to keep it: parsing the whole list would cost more than it saves
    from . import morph

    listed = read_text("frequent_forms.txt")
    here = os.path.dirname(os.path.abspath(__file__))
    code = code_stamp(*(os.path.join(here, f) for f in ("morph.py", "frequent_forms.py")))
    key = "\n".join([morph.dictionary_version(), code, f"{zlib.crc32(listed.encode('utf-8')):08x}:{len(listed)}"])
    value = memo("forms", key, _build, check=_sound)
    _table = (value["tags"], value["forms"])
    return _table


def _sound(value) -> bool:
    return isinstance(value, dict) and isinstance(value.get("tags"), list) \
        and all(isinstance(t, str) for t in value["tags"]) and isinstance(value.get("forms"), dict)


def _build() -> dict:
    """Every listed form's readings, as codes: ``lemma,tag,known,score`` per reading, joined by «;»; the
    lemma as the number of the form's last letters it drops and what it adds («лучших» → «2ий»)."""
    from . import morph

    tag_ids: dict[str, int] = {}
    codes: dict[str, str] = {}
    fixed = morph.overrides()
    for form in forms():
        if form in fixed or not morph.WORD_RE.search(form):
            continue  # read by entry() before any parse
        parts = []
        for r in morph.parsed_readings(form):
            keep = len(os.path.commonprefix([form, r.lemma]))
            tag = "|".join([r.pos or "", r.case or "", r.number or "", r.gender or "", " ".join(sorted(r.grammemes))])
            tid = tag_ids.setdefault(tag, len(tag_ids))
            parts.append(f"{len(form) - keep}{r.lemma[keep:]},{tid},{int(r.known)},{r.score!r}")
        codes[form] = ";".join(parts)
    return {"tags": list(tag_ids), "forms": codes}


def _tag(tags: list[str], number: int) -> tuple:
    """(pos, case, number, gender, grammemes) of the tag numbered ``number``."""
    got = _tags.get(number)
    if got is None:
        pos, case, num, gender, grammemes = tags[number].split("|")
        got = _tags[number] = (pos or None, case or None, num or None, gender or None, frozenset(grammemes.split()))
    return got


def _decode(form: str, code: str, tags: list[str]) -> list[Reading]:
    from .morph import Reading

    out = []
    for part in code.split(";"):
        lemma, tag, known, score = part.split(",")
        k = 2 if lemma[1:2].isdigit() else 1  # the letters the form drops: «0», «2ий», «11»
        drop = int(lemma[:k])
        if drop > len(form):
            raise ValueError(code)
        chance = float(score)
        if not 0.0 <= chance <= 1.0:  # (nor NaN)
            raise ValueError(code)
        fields = (form[: len(form) - drop] + lemma[k:], *_tag(tags, int(tag)), known == "1", chance)
        out.append(tuple.__new__(Reading, fields))
    return out
