"""An on-disk memo for tables derived from data files.

Expanding ``numbers.toml`` into every inflected form asks pymorphy3 for a few
thousand parses (20 ms, a tenth of a whole ``speechkit themes`` run), and
tomllib, pure Python, takes 5-10 ms a lexicon.  The results depend only on the
file's text, the dictionary's version and speechkit's own code, so they are kept
as JSON in ``$SPEECHKIT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/speechkit`` or
``~/.cache/speechkit``), named by a checksum of all three; each entry holds its
full key and is used only on an exact match, so a changed data file simply gets
a new entry.  ``SPEECHKIT_CACHE_DIR=off`` turns it off.  A cache that cannot be
read or written is ignored: the table is computed as if there were none.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV = "SPEECHKIT_CACHE_DIR"


def cache_dir() -> Path | None:
    setting = os.environ.get(ENV)
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "speechkit"


def code_stamp(*files: str) -> str:
    """Size and modification time of source files: an edited rule invalidates what it derived."""
    parts = []
    for f in files:
        try:
            st = os.stat(f)
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("?")
    return ",".join(parts)


def memo(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, or its JSON from an earlier run with the same ``key``.

    The file name carries a checksum of the key; the entry holds the key itself and is used only
    when it matches, so two keys with one checksum cost a recomputation, never a wrong table.
    (zlib, not hashlib: hashlib's OpenSSL start-up alone is 2 ms.)
    """
    folder = cache_dir()
    if folder is None:
        return compute()
    path = folder / f"{name}-{zlib.crc32(key.encode('utf-8')):08x}-{len(key)}.json"
    try:
        with open(path, encoding="utf-8") as fh:
            entry = json.load(fh)
        if entry["key"] == key:
            return entry["value"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # none yet, or unreadable: compute it
    value = compute()
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "value": value}, fh, ensure_ascii=False)
        os.replace(tmp, path)  # atomic: a parallel run reads the whole file or none
    except OSError:
        pass  # a read-only home: no cache, same result
    return value


def parse_toml(text: str) -> dict:
    """``tomllib.loads`` remembered by the text's hash: tomllib is pure Python, 5-10 ms a lexicon.

    A text that does not parse raises as ever (nothing is kept for it); tables of
    strings, numbers, lists and tables come back from JSON unchanged.
    """
    def parse() -> dict:
        import tomllib  # only on a miss: its import compiles a dozen regexes

        return tomllib.loads(text)

    return memo("toml", text, parse)
