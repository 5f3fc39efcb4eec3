"""An on-disk memo for tables derived from data files.

Expanding ``numbers.toml`` into every inflected form asks pymorphy3 for a few
thousand parses (20 ms, a tenth of a whole ``speechkit themes`` run), and
tomllib, pure Python, takes 5-10 ms a lexicon.  The results depend only on the
file's text, the dictionary's version and speechkit's own code, so they are kept
as JSON in ``$SPEECHKIT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/speechkit`` or
``~/.cache/speechkit``), named by a checksum of all three; each entry holds its
full key and is used only on an exact match, so a changed data file simply gets
a new entry.  ``SPEECHKIT_CACHE_DIR=off`` turns it off.  A cache that cannot be
read or written is ignored, and an entry that is damaged, of the wrong shape, too big or not
a regular file is computed again: the table is computed as if there were none.
"""

from __future__ import annotations

import json
import os
import stat
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


MAX_ENTRY = 16 * 2**20  # bytes: the biggest table is 60 KB; a bigger file is not ours


def memo(name: str, key: str, compute: Callable[[], Any], check: Callable[[Any], bool] | None = None) -> Any:
    """``compute()``, or its JSON from an earlier run with the same ``key``.

    The file name carries a checksum of the key; the entry holds the key itself and is used only
    when it matches, so two keys with one checksum cost a recomputation, never a wrong table.
    (zlib, not hashlib: hashlib's OpenSSL start-up alone is 2 ms.)

    An entry is trusted no more than the files it derives from: only a regular file of at most
    ``MAX_ENTRY`` bytes is read (a FIFO or a link to /dev/zero is passed by), its value must match
    the checksum written with it and pass ``check``; on any doubt the table is computed again and
    the entry rewritten.
    """
    folder = cache_dir()
    if folder is None:
        return compute()
    path = folder / f"{name}-{zlib.crc32(key.encode('utf-8')):08x}-{len(key)}.json"
    found = _read_entry(path, key)
    if found is not None:
        try:
            if check is None or check(found[0]):
                return found[0]
        except Exception:  # noqa: BLE001 - a check that trips over a strange value: doubt
            pass
    value = compute()
    _write_entry(folder, name, path, key, value)
    return value


def _read_entry(path: Path, key: str) -> tuple[Any] | None:
    """(value,) of a sound entry for ``key``, or None: missing, not a regular file, too big, damaged."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None  # none yet, unreadable, or a symbolic link (never followed)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY:
            return None
        data = os.read(fd, MAX_ENTRY + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    head, sep, body = data.partition(b"\n")
    try:
        header = json.loads(head)
        if not sep or not isinstance(header, dict) or header.get("key") != key \
                or header.get("crc") != zlib.crc32(body) or header.get("size") != len(body):
            return None
        return (json.loads(body),)
    except (ValueError, RecursionError):
        return None


def _write_entry(folder: Path, name: str, path: Path, key: str, value: Any) -> None:
    try:
        body = json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
        header = json.dumps({"key": key, "crc": zlib.crc32(body), "size": len(body)}, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        return  # not plain JSON data: nothing kept, same result
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(header.encode("utf-8") + b"\n" + body)
        os.replace(tmp, path)  # atomic: a parallel run reads the whole file or none; a FIFO there is replaced
    except OSError:
        pass  # a read-only home: no cache, same result


def parse_toml(text: str) -> dict:
    """``tomllib.loads`` remembered by the text's hash: tomllib is pure Python, 5-10 ms a lexicon.

    A text that does not parse raises as ever (nothing is kept for it); tables of
    strings, numbers, lists and tables come back from JSON unchanged.
    """
    def parse() -> dict:
        import tomllib  # only on a miss: its import compiles a dozen regexes

        return tomllib.loads(text)

    return memo("toml", text, parse, check=lambda value: isinstance(value, dict))
