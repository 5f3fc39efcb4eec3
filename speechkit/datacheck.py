"""Checking data files as they are loaded: a broken one is a LexiconError naming the file and line.

A user's ``--data-dir`` copy of a data file is as trusted as the user's typing: every file is
checked for the shape the code relies on (tables and their value types, columns, sections)
before anything is built from it, so a mistake is exit 5 with the place to fix, never a
KeyError, a NaN in the JSON or a pattern that matches everywhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from . import regexes
from .datafiles import user_file
from .errors import LexiconError

MAX_NESTING = 100  # deeper arrays or tables are refused before tomllib's recursion gives out


def source_of(name: str) -> str:
    """How messages name a data file: the user's copy when there is one, else the packaged file."""
    path = user_file(name)
    return str(path) if path is not None else f"speechkit/data/{name}"


def error(source: str, line: int | None, message: str) -> LexiconError:
    return LexiconError(f"{source}: line {line}: {message}" if line else f"{source}: {message}")


# ---------------------------------------------------------------- TOML
def load_toml(raw: str, source: str) -> dict:
    """Parse TOML (through the derived-table cache); a broken file names its line."""
    from .cache import parse_toml

    deep = deepest_line(raw)
    if deep is not None:  # tomllib recurses once per level: 50,000 «[» would exhaust the stack
        raise error(source, deep, f"not valid TOML here: arrays or tables nested more than {MAX_NESTING} deep")
    try:
        return parse_toml(raw)
    except ValueError as exc:  # tomllib.TOMLDecodeError: «Invalid value (at line 4, column 10)»
        raise LexiconError(f"{source}: not valid TOML: {exc}") from None
    except RecursionError:
        raise LexiconError(f"{source}: not valid TOML: nested too deeply") from None


def deepest_line(raw: str, limit: int = MAX_NESTING) -> int | None:
    """The line where brackets outside strings and comments first nest deeper than ``limit``, or None.

    >>> deepest_line("a = " + "[" * 3 + "1" + "]" * 3, limit=2)
    1
    >>> deepest_line('a = "[[[[["', limit=2) is None
    True
    """
    if raw.count("[") + raw.count("{") <= limit:
        return None
    depth = 0
    line = 1
    quote = ""
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\n":
            line += 1
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if raw.startswith(quote, i):
                i += len(quote)
                quote = ""
                continue
        elif ch == "#":
            j = raw.find("\n", i)
            i = n if j < 0 else j
            continue
        elif ch in "\"'":
            quote = ch * 3 if raw.startswith(ch * 3, i) else ch
            i += len(quote)
            continue
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None


def key_line(raw: str, key: str, table: str | None = None) -> int | None:
    """The line where ``key`` is written (after the ``[table]`` header when given), or None.

    >>> key_line('[a]\\n"x" = 1\\n[b]\\n"x" = 2\\n', "x", "b")
    4
    """
    start = 0
    if table is not None:
        header = re.search(rf"(?m)^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\][ \t]*(?:#.*)?$", raw)
        if header is None:
            return None
        start = header.end()
    quoted = re.escape(key)
    bare = rf"|{quoted}" if re.fullmatch(r"[A-Za-z0-9_-]+", key) else ""
    m = regexes.compile(rf"(?m)^[ \t]*(?:\"{quoted}\"|'{quoted}'{bare})[ \t]*=").search(raw, start)
    return raw.count("\n", 0, m.start()) + 1 if m else None


def check_entry_key(key: Any, raw: str, source: str, table: str) -> None:
    """A key has letters or digits: an empty or blank one matches every word or none."""
    if not isinstance(key, str) or not key.strip():
        raise error(source, key_line(raw, key, table) if isinstance(key, str) else None,
                    f"[{table}] has an empty key {key!r}: write the word or phrase it stands for")


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# ---------------------------------------------------------------- schemas
# table -> what it holds: "num" (a finite number), "str", "list" (a list of strings), or a dict
# of its keys with their own kinds; "table:KIND" is a table of any keys whose values are KIND.
NUMBERS_SCHEMA: dict[str, Any] = {
    **{t: "table:num" for t in ("cardinals", "collectives", "collective_adverbs", "fractions", "ordinals",
                                "multipliers", "scales", "scale_abbreviations", "compound_prefixes", "months",
                                "signs")},
    **{t: "table:str" for t in ("unit_abbreviations", "unit_phrases", "rate_units", "currencies", "currency_forms",
                                "currency_adjectives", "currency_abbreviations", "currency_equivalents",
                                "qualifiers_after", "qualifiers")},
    "compound_suffixes": "table:suffix",
    "digit_endings": {"ordinal": "list", "cardinal": "list"},
    "years": {k: "list" for k in ("singular", "plural", "abbreviations", "prepositions", "centuries")},
    "units": {k: "list" for k in ("percent", "duration", "quantity")},
    "currency_codes": {"iso": "list"},
    "change": {"increase": "list", "decrease": "list"},
    "context": {"reach_verbs": "list", "count_nouns": "list"},
    "temperature": {"nouns": "list", "symbols": "list", "tails": "table:num"},
    "percent": {"nouns": "list", "base_words": "list", "base_prepositions": "list"},
    "times": {"forms": "list", "unit": "str"},
    "people": {"unit": "str"},
    "exclusions": {k: "list" for k in ("ordinal_titles", "idioms", "one_counts", "numbered_nouns", "times_of_day")},
}

_KIND_NAMES = {"num": "a number", "str": "a string", "list": "a list of strings", "suffix": 'a table with "kind"'}


def check_schema(data: dict, schema: dict[str, Any], raw: str, source: str, prefix: str = "") -> None:
    """Every table of ``schema`` is in ``data`` and holds what the schema says."""
    for name, kind in schema.items():
        table = f"{prefix}{name}"
        if name not in data:
            raise error(source, None, f"the [{table}] table is missing" if isinstance(kind, dict) or
                        kind.startswith("table:") else f"[{prefix.rstrip('.')}] has no {name!r}")
        value = data[name]
        if isinstance(kind, dict):
            if not isinstance(value, dict):
                raise error(source, key_line(raw, name), f"{table} must be a table")
            check_schema(value, kind, raw, source, f"{table}.")
        elif kind.startswith("table:"):
            if not isinstance(value, dict):
                raise error(source, key_line(raw, name), f"{table} must be a table")
            for key, item in value.items():
                check_entry_key(key, raw, source, table)
                _check_value(item, kind[6:], raw, source, table, key)
        else:
            _check_value(value, kind, raw, source, prefix.rstrip("."), name)


def _check_value(value: Any, kind: str, raw: str, source: str, table: str, key: str) -> None:
    ok = {
        "num": lambda v: is_number(v),
        "str": lambda v: isinstance(v, str) and v.strip() != "",
        "list": lambda v: isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v),
        "suffix": lambda v: isinstance(v, dict) and isinstance(v.get("kind"), str)
        and isinstance(v.get("unit", ""), str),
    }[kind](value)
    if not ok:
        raise error(source, key_line(raw, key, table or None),
                    f"[{table}] {key!r} must be {_KIND_NAMES[kind]}, not {value!r}"[:300])


# ---------------------------------------------------------------- tab-separated files
def tsv_rows(raw: str, source: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each row; ``#`` lines and blank lines are skipped.

    >>> list(tsv_rows("# c\\nг.\\tгод\\n", "x.tsv", ("form", "lemma")))
    [(2, ['г.', 'год'])]
    """
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(columns) or not all(f.strip() for f in fields):
            raise error(source, n, f"expected {len(columns)} tab-separated fields ({', '.join(columns)}), "
                                   f"got {line[:80]!r}")
        yield n, fields


def frequency(value: str, source: str, line: int) -> float:
    """A per-million frequency: a finite number, not negative («nan» would make the JSON invalid)."""
    try:
        f = float(value)
    except ValueError:
        f = math.nan
    if not math.isfinite(f) or f < 0:
        raise error(source, line, f"the frequency must be a number of 0 or more, not {value!r}")
    return f
