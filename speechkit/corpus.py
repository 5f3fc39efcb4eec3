"""Many documents: files, folders, globs, stdin and JSON-lines, streamed and in parallel.

Documents are read lazily and analysed in a bounded window, so a 1 GB
JSON-lines input (a file or stdin) streams through in constant memory and
results come out in input order as soon as they are ready.  A document that
cannot be read or analysed becomes a ``Failed`` record and the run goes on.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import signal
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from .errors import EmptyTextError, ExitCode, InputError, SpeechkitError, UsageError
from .source import (Document, max_bytes, read_bytes, read_limited, read_path, read_seed, replaced_positions,
                     replaced_warning, require_text, size_text)


@dataclass(frozen=True, slots=True)
class Failed:
    """A document that could not be read or analysed; the run goes on.

    ``document`` is set when the text was read but is empty (for an empty
    report); ``detail`` holds the traceback of an unexpected error (for --debug).
    """

    name: str
    message: str
    exit_code: ExitCode
    document: Document | None = None
    detail: str | None = None


def stdin_kind(stdin=None) -> str:
    """"terminal", "closed", "memory" for an in-memory stream (tests), else "pipe" (a pipe, file, /dev/null).

    Only a terminal means "no input given": then the bundled seed is analysed.
    An empty pipe or /dev/null (cron, CI) is an empty text, never the seed.
    """
    stdin = stdin or sys.stdin
    if stdin is None or getattr(stdin, "closed", False):
        return "closed"
    try:
        fd = stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return "memory"
    try:
        if os.isatty(fd):
            return "terminal"
        os.fstat(fd)
    except OSError:
        return "closed"
    return "pipe"


def _stdin_binary() -> BinaryIO:
    try:
        return _FdReader(sys.stdin.fileno())  # type: ignore[return-value]
    except (AttributeError, OSError, ValueError):  # an in-memory stream (a test)
        buf = getattr(sys.stdin, "buffer", None)
        return buf if buf is not None else _Encoded(sys.stdin)


class _FdReader:
    """Bytes read straight from a file descriptor, with a buffer of its own.

    Not ``sys.stdin.buffer``: that one has a lock, and a reader thread waiting on a
    quiet pipe would hold it while Ctrl-C shuts the interpreter down, which then
    aborts ("could not acquire lock for <stdin> at interpreter shutdown").
    """

    CHUNK = 1 << 16

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buf = bytearray()
        self.pos = 0  # where the unread bytes of buf begin
        self.eof = False

    def _fill(self) -> bool:
        """Read once more; False at the end of the input. Each byte is moved at most once or twice."""
        chunk = b"" if self.eof else os.read(self.fd, self.CHUNK)
        self.eof = not chunk
        if self.pos and self.pos * 2 >= len(self.buf):
            del self.buf[:self.pos]
            self.pos = 0
        self.buf += chunk
        return bool(chunk)

    def _take(self, n: int) -> bytes:
        """The next ``n`` unread bytes (fewer at the end)."""
        out = bytes(self.buf[self.pos:self.pos + n])
        self.pos += len(out)
        return out

    def read(self, n: int = -1) -> bytes:
        while (n < 0 or len(self.buf) - self.pos < n) and self._fill():
            pass
        return self._take(len(self.buf) - self.pos if n < 0 else n)

    def readline(self, n: int = -1) -> bytes:
        searched = 0  # unread bytes already searched for a newline
        while True:
            end = self.buf.find(b"\n", self.pos + searched)
            if end >= 0:
                size = end + 1 - self.pos
                return self._take(size if n < 0 else min(size, n))
            searched = len(self.buf) - self.pos
            if 0 <= n <= searched or not self._fill():
                return self._take(searched if n < 0 else n)


class _Encoded:
    """A text stream seen as bytes (a test may replace sys.stdin by a StringIO)."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def read(self, n: int = -1) -> bytes:
        return self.stream.read(n).encode("utf-8")

    def readline(self, n: int = -1) -> bytes:
        return self.stream.readline(n).encode("utf-8")


def _expand(inputs: list[str], glob: str) -> Iterator[str | Failed]:
    for item in inputs:
        p = Path(item)
        if item != "-" and p.is_dir():
            found = walk_folder(p, glob)
            if not found:
                try:
                    empty = not any(p.iterdir())
                except OSError as exc:  # an unreadable folder
                    yield Failed(item, f"{p}: cannot list this folder ({exc.strerror or exc})", ExitCode.INPUT)
                    continue
                what = ("is an empty folder" if empty else
                        f"is a folder with no files matching {glob!r} (--glob chooses others)")
                yield Failed(item, f"{p}: {what}", ExitCode.INPUT)
                continue
            yield from found
        else:
            yield item


def walk_folder(folder: Path, glob: str) -> list[str | Failed]:
    """The files under ``folder`` whose path matches ``glob`` (as ``Path.rglob``), in path order.

    Nothing is skipped without a word: a subfolder that cannot be listed, a symbolic link that
    leads back to a folder above it (or in a circle of links) and a broken link that matches the
    pattern each come back as a ``Failed`` record in its place. Links to folders elsewhere are
    followed; a folder reached twice is read once.
    """
    pattern = glob
    while pattern.startswith("**/"):  # rglob is recursive already
        pattern = pattern[3:]
    found: list[tuple[str, str | Failed]] = []
    seen: set[tuple[int, int]] = set()

    def problem(path: str, why: str) -> None:
        found.append((path, Failed(path, f"{path}: {why}", ExitCode.INPUT)))

    def visit(d: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            st = d.stat()
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problem(str(d), f"cannot list this folder ({exc.strerror or exc})")
            return
        here = (st.st_dev, st.st_ino)
        seen.add(here)
        ancestors = ancestors | {here}
        for e in entries:
            path = Path(e.path)
            try:
                is_dir = e.is_dir()
                is_file = not is_dir and e.is_file()
            except OSError as exc:
                problem(e.path, "a symbolic link in a loop" if exc.errno == errno.ELOOP
                        else f"cannot read ({exc.strerror or exc})")
                continue
            if is_dir:
                if e.is_symlink():
                    try:
                        target = os.stat(e.path)
                    except OSError as exc:
                        problem(e.path, f"cannot list this folder ({exc.strerror or exc})")
                        continue
                    key = (target.st_dev, target.st_ino)
                    if key in ancestors:
                        problem(e.path, f"a symbolic link back to {os.path.realpath(e.path)}, a folder it is in "
                                        "(a loop); not followed")
                        continue
                    if key in seen:
                        continue  # a second way into a folder already read
                visit(path, ancestors)
            elif PurePath(os.path.relpath(e.path, folder)).match(pattern):
                if is_file:
                    found.append((e.path, e.path))
                elif e.is_symlink():
                    try:
                        os.stat(e.path)
                    except OSError as exc:
                        why = ("a symbolic link in a loop" if exc.errno == errno.ELOOP
                               else f"a broken symbolic link ({exc.strerror or exc})")
                        problem(e.path, why)

    visit(folder, frozenset())
    found.sort(key=lambda item: item[0])
    return [item for _, item in found]


def iter_documents(inputs: list[str], *, glob: str = "*.txt", jsonl: bool = False,
                   text_field: str = "text", id_field: str | None = None) -> Iterator[Document | Failed]:
    """Every input document, or a Failed record for one that cannot be read.

    JSON-lines input, from files or stdin, is read one line at a time.
    """
    if not inputs:
        yield from _from_stdin(jsonl, text_field, id_field, default_seed=True)
        return
    for name in _expand(inputs, glob):
        if isinstance(name, Failed):
            yield name
        elif name == "-":
            yield from _from_stdin(jsonl, text_field, id_field, default_seed=False)
        elif jsonl:
            yield from _jsonl_file(name, text_field, id_field)
        else:
            yield _guard(lambda n=name: require_text(read_path(n)), name)


def _from_stdin(jsonl: bool, text_field: str, id_field: str | None, default_seed: bool) -> Iterator[Document | Failed]:
    kind = stdin_kind()
    if kind == "terminal" and default_seed:
        yield read_seed()  # `speechkit themes` typed at a prompt: the README's first command
        return
    if kind == "closed":
        yield Failed("<stdin>", "<stdin>: standard input is closed; give a file", ExitCode.INPUT)
        return
    stream = _stdin_binary()  # an explicit "-" at a terminal reads what is typed, up to Ctrl-D
    if jsonl:
        yield from _jsonl_lines(_decoded(_lines(stream, "<stdin>")), "<stdin>", text_field, id_field)
        return
    try:
        data = read_limited(stream, "<stdin>")
    except InputError as exc:
        yield Failed("<stdin>", str(exc), exc.exit_code)
        return
    yield _guard(lambda: require_text(read_bytes(data, "<stdin>")), "<stdin>")


class _TooLong:
    """A JSON line longer than ``--max-bytes``: where reading that input stopped."""

    def __init__(self, limit: int) -> None:
        self.limit = limit


def _lines(stream, name: str, limit: int | None = None) -> Iterator[bytes | _TooLong]:
    """The stream's lines, none longer than ``limit`` bytes (``max_bytes()``).

    A longer line ends the input: where the next one begins is beyond what may be read (a stream
    from /dev/zero has no next line at all).
    """
    limit = max_bytes() if limit is None else limit
    readline = getattr(stream, "readline", None)
    lines = iter(lambda: readline(limit + 1), b"") if readline else iter(stream)  # a stream that only iterates
    for line in lines:
        if len(line) > limit and not (len(line) == limit + 1 and line.endswith(b"\n")):
            yield _TooLong(limit)
            return
        yield line


def _decoded(lines: Iterable[bytes | _TooLong]) -> Iterator[tuple[str, int] | _TooLong]:
    """(line, bytes replaced): JSON lines are UTF-8 (a BOM on the first line is dropped); bad bytes become U+FFFD."""
    for n, line in enumerate(lines):
        if isinstance(line, _TooLong):
            yield line
            return
        if n == 0 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            yield line.decode("utf-8"), 0
        except UnicodeDecodeError:
            text = line.decode("utf-8", "replace")
            yield text, len(replaced_positions(text, line))


def _guard(fn: Callable[[], Document], name: str) -> Document | Failed:
    try:
        return fn()
    except EmptyTextError as exc:
        return Failed(name, str(exc), exc.exit_code, document=exc.document)
    except SpeechkitError as exc:
        return Failed(name, str(exc), exc.exit_code)


def _jsonl_file(name: str, text_field: str, id_field: str | None) -> Iterator[Document | Failed]:
    try:
        if Path(name).is_dir():
            raise IsADirectoryError
        fh = open(name, "rb")  # split on b"\n" only: JSON may hold a raw U+2028 that splitlines() breaks on
    except FileNotFoundError:
        yield Failed(name, f"{name}: no such file", ExitCode.INPUT)
        return
    except IsADirectoryError:
        yield Failed(name, f"{name}: is a directory, not a file", ExitCode.INPUT)
        return
    except PermissionError:
        yield Failed(name, f"{name}: permission denied", ExitCode.INPUT)
        return
    except OSError as exc:
        yield Failed(name, f"{name}: cannot read ({exc.strerror or exc})", ExitCode.INPUT)
        return
    with fh:
        yield from _jsonl_lines(_decoded(_lines(fh, name)), name, text_field, id_field)


def _jsonl_lines(lines: Iterable[tuple[str, int] | _TooLong], name: str, text_field: str,
                 id_field: str | None) -> Iterator[Document | Failed]:
    seen = False
    for n, item in enumerate(lines, 1):
        doc_id = f"{name}:{n}"
        if isinstance(item, _TooLong):
            yield Failed(doc_id, f"{doc_id}: a line of more than {size_text(item.limit)}, the most read from one "
                                 f"input (speechkit --max-bytes SIZE raises it); the rest of {name} is not read",
                         ExitCode.INPUT)
            return
        line, bad = item
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            why = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield Failed(doc_id, f"{doc_id}: not valid JSON ({why})", ExitCode.INPUT)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get(text_field), str):
            yield Failed(doc_id, f"{doc_id}: no string field {text_field!r}", ExitCode.INPUT)
            continue
        if id_field and obj.get(id_field) is not None:
            doc_id = str(obj[id_field])
        meta = {k: v for k, v in obj.items() if k != text_field}
        text = obj[text_field]
        warnings = (_line_warning(bad, text),) if bad else ()
        doc = Document(doc_id, text, "utf-8", meta, warnings)
        yield _guard(lambda d=doc: require_text(d), doc_id)
    if not seen:
        yield Failed(name, f"{name}: empty, not one JSON line", ExitCode.EMPTY)


def count_documents(inputs: list[str], *, glob: str = "*.txt", jsonl: bool = False) -> int | None:
    """How many documents a run will read, when that is cheap to know (files, folders); None for stdin.

    A JSON-lines file is counted by its non-blank lines, read as bytes.
    """
    if not inputs or "-" in inputs:
        return None
    n = 0
    for name in _expand(inputs, glob):
        if isinstance(name, Failed) or not jsonl:
            n += 1
            continue
        try:
            with open(name, "rb") as fh:
                n += _count_lines(fh)
        except OSError:
            n += 1  # reported as one failed document
    return n


def _line_warning(bad: int, text: str) -> str:
    """What was replaced in a JSON line, with where it landed in the document's text."""
    where = [m.start() for m in re.finditer("\ufffd", text)]
    if not where:
        return f"the JSON line had {bad} byte{'s' if bad > 1 else ''} that {'are' if bad > 1 else 'is'} not UTF-8, " \
               "replaced by U+FFFD outside the text"
    return f"the JSON line had {replaced_warning(where, bad)} of the text"


def _count_lines(fh) -> int:
    """Non-blank lines of a file, read a megabyte at a time (a line of 1 GB is never held whole)."""
    n = 0
    filled = False  # the line being read has something besides white space
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        *done, rest = chunk.split(b"\n")
        for part in done:
            if filled or part.strip():
                n += 1
            filled = False
        filled = filled or bool(rest.strip())
    return n + filled


# ---------------------------------------------------------------- empty input
def empty_record(command: str, name: str, encoding: str | None = "utf-8", chars: int = 0,
                 meta: dict | None = None) -> dict[str, Any]:
    """The record a command would give for a text with nothing in it: every list empty.

    >>> empty_record("numbers", "<stdin>")
    {'source': {'name': '<stdin>', 'chars': 0, 'encoding': 'utf-8', 'boilerplate_start': None, 'boilerplate': []}, 'figures': []}
    """
    from .model import Analysis, SourceInfo
    from .views import record

    a = Analysis(source=SourceInfo(name, chars, encoding or "utf-8", None), text="", segments=[], themes=[],
                 figures=[], quoted_names=[], sentences=[])
    opts: dict[str, Any] = {}
    if command in ("keywords", "analyze"):
        opts["keywords"] = []
    if command in ("summary", "analyze"):
        opts["by_theme"] = {}
    return record(command, a, meta, **opts)


def empty_record_for(command: str, failed: Failed) -> dict[str, Any] | None:
    """The empty record of a document refused as empty, or None for any other failure."""
    doc = failed.document
    if failed.exit_code != ExitCode.EMPTY or doc is None:
        return None
    return empty_record(command, doc.name, doc.encoding, len(doc.text), doc.meta)


# ---------------------------------------------------------------- running
def run(docs: Iterable[Document | Failed], work: Callable[[Document], dict], workers: int = 1,
        window: int | None = None, *, read_on_thread: bool = False) -> Iterator[tuple[Document | Failed, dict | None]]:
    """Apply ``work`` to each document in input order, ``workers`` processes at a time.

    A document whose work raises becomes a ``Failed`` record; Ctrl-C stops the
    workers at once and reaches the caller as KeyboardInterrupt.  With
    ``read_on_thread`` (for input that may stall, such as a pipe kept open) the
    documents are read on a thread of their own, so each result is yielded as soon
    as it is ready rather than when the next document arrives; ``docs`` must then
    touch nothing tied to the calling thread (a database connection).
    """
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if workers == 1:
        for doc in docs:
            yield (doc, None) if isinstance(doc, Failed) else _safe(work, doc)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    window = window or workers * 4
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(gc.get_threshold(),))

    def submitted():
        for doc in docs:
            yield doc, None if isinstance(doc, Failed) else pool.submit(_safe, work, doc)

    try:
        if read_on_thread:
            for item in _read_ahead(submitted(), window):
                yield _collect(item)
        else:
            pending: deque = deque()
            for item in submitted():
                pending.append(item)
                while len(pending) >= window:
                    yield _collect(pending.popleft())
            while pending:
                yield _collect(pending.popleft())
    except BrokenProcessPool:
        _stop(pool)
        raise SpeechkitError("a worker process died (out of memory?); try fewer --workers") from None
    except BaseException:  # Ctrl-C, a closed pipe, the caller stopping early
        _stop(pool)
        raise
    pool.shutdown(wait=True)


_END = object()


def _read_ahead(items: Iterator, size: int) -> Iterator:
    """The items of ``items``, pulled on a daemon thread at most ``size`` ahead of the caller.

    The caller waits on whichever comes first, the next item or its result, so a
    reader blocked on a quiet pipe never holds back a result that is ready.  An
    exception raised while reading reaches the caller in its place.
    """
    import queue
    import threading

    ahead: queue.Queue = queue.Queue(maxsize=size)
    stopped = threading.Event()

    def put(item) -> bool:
        while not stopped.is_set():
            try:
                ahead.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(_END)
        except BaseException as e:  # reaches the caller, which re-raises it
            put(e)

    threading.Thread(target=read, name="speechkit-reader", daemon=True).start()
    try:
        while True:
            try:
                # (a wait with a timeout: a Ctrl-C the kernel gave the reader thread is raised here within
                # 0.2 s, where a plain get() would sleep through it on a quiet pipe)
                item = ahead.get(timeout=0.2)
            except queue.Empty:
                continue
            if item is _END:
                break
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stopped.set()


def _init_worker(gc_threshold: tuple[int, ...]) -> None:
    # Ctrl-C reaches the whole process group; only the parent reacts, so no worker prints a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*gc_threshold)  # the parent's (cli.GC_THRESHOLD), whatever the start method


def _stop(pool) -> None:
    """Cancel queued work; documents already running finish (their workers ignore Ctrl-C).

    Killing a worker could cut a result in half inside the pipe, and the pool's
    own thread would then wait for the rest of it forever.
    """
    pool.shutdown(wait=False, cancel_futures=True)


def _collect(item):
    doc, fut = item
    return (doc, None) if fut is None else fut.result()


def _safe(work: Callable[[Document], dict], doc: Document):
    """Run ``work``; a library error or a bug becomes a Failed record for this document only."""
    try:
        return doc, work(doc)
    except SpeechkitError as exc:
        return Failed(doc.name, str(exc), exc.exit_code), None
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug: report it with this document's name and keep going
        message = f"{doc.name}: unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)"
        return Failed(doc.name, message, ExitCode.FAILURE, detail=traceback.format_exc()), None
