"""Many documents: files, folders, globs, stdin and JSON-lines, streamed and in parallel.

Documents are read lazily and analysed in a bounded window, so a 1 GB
JSON-lines input (a file or stdin) streams through in constant memory and
results come out in input order as soon as they are ready.  A document that
cannot be read or analysed becomes a ``Failed`` record and the run goes on.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import EmptyTextError, ExitCode, SpeechkitError, UsageError
from .source import Document, read_bytes, read_path, read_seed, require_text


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
    buf = getattr(sys.stdin, "buffer", None)
    return buf if buf is not None else _Encoded(sys.stdin)


class _Encoded:
    """A text stream seen as bytes (a test may replace sys.stdin by a StringIO)."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def read(self, n: int = -1) -> bytes:
        return self.stream.read(n).encode("utf-8")

    def __iter__(self) -> Iterator[bytes]:
        return (line.encode("utf-8") for line in self.stream)


def _expand(inputs: list[str], glob: str) -> Iterator[str | Failed]:
    for item in inputs:
        p = Path(item)
        if item != "-" and p.is_dir():
            try:
                files = sorted(f for f in p.rglob(glob) if f.is_file())
                empty = not files and not any(p.iterdir())
            except OSError as exc:  # an unreadable folder
                yield Failed(item, f"{p}: cannot list this folder ({exc.strerror or exc})", ExitCode.INPUT)
                continue
            if not files:
                what = ("is an empty folder" if empty else
                        f"is a folder with no files matching {glob!r} (--glob chooses others)")
                yield Failed(item, f"{p}: {what}", ExitCode.INPUT)
                continue
            yield from (str(f) for f in files)
        else:
            yield item


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
        yield from _jsonl_lines(_decoded(stream), "<stdin>", text_field, id_field)
        return
    data = stream.read()
    yield _guard(lambda: require_text(read_bytes(data, "<stdin>")), "<stdin>")


def _decoded(lines: Iterable[bytes]) -> Iterator[str]:
    """JSON lines are UTF-8 (a BOM on the first line is dropped); bad bytes become U+FFFD."""
    for n, line in enumerate(lines):
        if n == 0 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        yield line.decode("utf-8", "replace")


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
        yield from _jsonl_lines(_decoded(fh), name, text_field, id_field)


def _jsonl_lines(lines: Iterable[str], name: str, text_field: str, id_field: str | None) -> Iterator[Document | Failed]:
    seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        seen = True
        doc_id = f"{name}:{n}"
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
        doc = Document(doc_id, obj[text_field], "utf-8", meta)
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
                n += sum(1 for line in fh if line.strip())
        except OSError:
            n += 1  # reported as one failed document
    return n


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
        window: int | None = None) -> Iterator[tuple[Document | Failed, dict | None]]:
    """Apply ``work`` to each document in input order, ``workers`` processes at a time.

    A document whose work raises becomes a ``Failed`` record; Ctrl-C stops the
    workers at once and reaches the caller as KeyboardInterrupt.
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
    pending: deque = deque()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_sigint)
    try:
        for doc in docs:
            pending.append((doc, None if isinstance(doc, Failed) else pool.submit(_safe, work, doc)))
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


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; only the parent reacts, so no worker prints a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
