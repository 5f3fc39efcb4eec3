"""Regular expressions compiled once per machine, not once per process.

CPython compiles a pattern in pure Python (``re._parser``, ``re._compiler``) at every start:
speechkit's 150-odd patterns, most of them built from word lists, cost 45-50 ms of CPU, a sixth of a
cold ``speechkit themes`` on a page.  What that compiler hands the C regex engine is a list of
integers that depends only on the pattern, its flags and the interpreter, so ``compile`` keeps those
lists in the cache folder (``speechkit/cache.py``) and gives them straight to the engine on the next
start, as Python keeps bytecode in ``__pycache__``.

An entry is trusted only as far as it is proven: it is written only after the pattern built from it
compared equal to ``re.compile``'s own (``Pattern.__eq__`` compares the compiled code), the file is
named for the exact interpreter build and the engine's version (``_sre.MAGIC``), it carries a
checksum, and the engine checks any code it is given.  On any doubt (no cache, a damaged file, an
interpreter whose internals differ) the pattern is compiled as ``re.compile`` does: the Pattern is the
same object either way, only its cost differs.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib

try:  # CPython's own compiler and engine; another interpreter simply compiles every time
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - not CPython
    _sre = None

MAX_ENTRIES = 4000  # far above the ~200 speechkit compiles; a file grown past it keeps this run's only
MAX_FILE = 8 * 2**20
# an entry no run used in this many saves goes: a pattern an upgrade or an edited word list replaced would
# otherwise stay for good, and every start would load it (a year of upgrades: 14 MB of memory, 25 ms)
MAX_AGE = 10

_table: dict | None = None  # (pattern, flags) -> arguments of _sre.compile after the pattern
_age: dict = {}  # (pattern, flags) -> how many saves ago a run last used it
_used: set = set()
_fresh = 0


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the compiled code an earlier run kept when there is some."""
    flags = int(flags)
    table = _table if _table is not None else _load()
    key = (pattern, flags)
    args = table.get(key)
    if args is not None:
        try:
            compiled = _sre.compile(pattern, *args)
        except Exception:  # noqa: BLE001 - code this engine refuses: compile it afresh
            del table[key]
        else:
            _used.add(key)
            return compiled
    compiled = re.compile(pattern, flags)
    if _sre is not None and isinstance(pattern, str) and not flags & re.DEBUG:
        _remember(table, key, compiled)
    return compiled


def _remember(table: dict, key: tuple, compiled: re.Pattern) -> None:
    """Keep the code of ``compiled`` when rebuilding it from that code gives an equal Pattern."""
    global _fresh
    pattern, flags = key
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        args = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _sre.compile(pattern, *args) != compiled:
            return
    except Exception:  # noqa: BLE001 - internals not as this module knows them: no entry
        return
    table[key] = args
    _used.add(key)
    _fresh += 1


def _path():
    from .cache import cache_dir

    folder = cache_dir()
    if folder is None or _sre is None:
        return None
    build = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|{_sre.MAXGROUPS}|aged"
    return folder / f"regexes-{zlib.crc32(build.encode('utf-8')):08x}.bin"


def _load() -> dict:
    global _table, _age
    _table, _age = {}, {}
    path = _path()
    if path is None:
        return _table
    atexit.register(_save, path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return _table
    try:
        data = os.read(fd, MAX_FILE + 1)
    except OSError:
        data = b""
    finally:
        os.close(fd)
    crc, body = data[:4], data[4:]
    if len(data) <= MAX_FILE and crc == zlib.crc32(body).to_bytes(4, "big"):
        try:
            kept = marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            kept = None
        if isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], dict) and isinstance(kept[1], dict):
            _table, _age = kept
    return _table


def _save(path) -> None:
    """At exit, when this run compiled something new: the table, atomically replaced."""
    if not _fresh or _table is None:
        return
    age = {key: 0 if key in _used else _age.get(key, 0) + 1 for key in _table}
    table = {key: args for key, args in _table.items() if age[key] <= MAX_AGE}
    if len(table) > MAX_ENTRIES:
        table = {key: args for key, args in table.items() if key in _used}
    try:
        import tempfile

        body = marshal.dumps((table, {key: age[key] for key in table}))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regexes-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # a read-only home: no cache, same patterns


def trie(words: set[str]) -> str:
    """A regex matching exactly the (non-empty) ``words``, as a trie.

    >>> trie({"ab", "ac", "a", "d"})
    '(?:a(?:b|c)?|d)'
    """
    heads: dict[str, set[str]] = {}
    for w in words:
        heads.setdefault(w[0], set()).add(w[1:])
    parts = []
    for ch in sorted(heads):
        longer = heads[ch] - {""}
        tail = trie(longer) if longer else ""
        if longer and "" in heads[ch]:
            tail = (tail if len({w[0] for w in longer}) > 1 else f"(?:{tail})") + "?"  # already a group, or not
        parts.append(re.escape(ch) + tail)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
