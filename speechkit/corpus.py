"""Many documents: files, folders, globs, stdin and JSON-lines, streamed and in parallel.

Documents are read lazily and analysed in a bounded window, so a 1 GB
JSON-lines input streams through in constant memory and results come out in
input order as soon as they are ready.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ExitCode, InputError, SpeechkitError, UsageError
from .source import Document, read_bytes, read_path, read_seed, require_text


@dataclass(frozen=True, slots=True)
class Failed:
    """A document that could not be read or analysed; the run goes on."""

    name: str
    message: str
    exit_code: ExitCode


def stdin_kind(stdin=None) -> str:
    """"pipe" for a pipe or file, "memory" for an in-memory stream (tests), else "none".

    A terminal or /dev/null means "no input": then the bundled seed is analysed.
    """
    stdin = stdin or sys.stdin
    if stdin is None or getattr(stdin, "closed", False):
        return "none"
    try:
        fd = stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return "memory"
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return "none"
    return "pipe" if stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode) else "none"


def _read_stdin() -> bytes:
    buf = getattr(sys.stdin, "buffer", None)
    data = buf.read() if buf is not None else sys.stdin.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def expand(inputs: list[str], glob: str) -> Iterator[str]:
    """Files, folders (recursively, by glob) and '-', in a stable order."""
    for item in inputs:
        p = Path(item)
        if item != "-" and p.is_dir():
            files = sorted(f for f in p.rglob(glob) if f.is_file())
            if not files:
                raise InputError(f"{p}: no files matching {glob!r} in this folder")
            yield from (str(f) for f in files)
        else:
            yield item


def iter_documents(inputs: list[str], *, glob: str = "*.txt", jsonl: bool = False,
                   text_field: str = "text", id_field: str | None = None) -> Iterator[Document | Failed]:
    """Every input document, or a Failed record for one that cannot be read."""
    if not inputs:
        kind = stdin_kind()
        data = _read_stdin() if kind != "none" else b""
        if kind == "none" or (kind == "memory" and not data):
            yield read_seed()
        elif jsonl:
            yield from _jsonl_lines(data.decode("utf-8", "replace").splitlines(), "<stdin>", text_field, id_field)
        else:
            yield _guard(lambda: require_text(read_bytes(data, "<stdin>")), "<stdin>")
        return
    for name in expand(inputs, glob):
        if jsonl:
            yield from _jsonl_file(name, text_field, id_field)
        elif name == "-":
            yield _guard(lambda: require_text(read_bytes(_read_stdin(), "<stdin>")), "<stdin>")
        else:
            yield _guard(lambda n=name: require_text(read_path(n)), name)


def _guard(fn: Callable[[], Document], name: str) -> Document | Failed:
    try:
        return fn()
    except SpeechkitError as exc:
        return Failed(name, str(exc), exc.exit_code)


def _jsonl_file(name: str, text_field: str, id_field: str | None) -> Iterator[Document | Failed]:
    if name == "-":
        yield from _jsonl_lines(_read_stdin().decode("utf-8", "replace").splitlines(), "<stdin>", text_field, id_field)
        return
    try:
        fh = open(name, encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    with fh:
        yield from _jsonl_lines(fh, name, text_field, id_field)


def _jsonl_lines(lines: Iterable[str], name: str, text_field: str, id_field: str | None) -> Iterator[Document | Failed]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        doc_id = f"{name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failed(doc_id, f"{doc_id}: not valid JSON ({exc.msg})", ExitCode.INPUT)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get(text_field), str):
            yield Failed(doc_id, f"{doc_id}: no string field {text_field!r}", ExitCode.INPUT)
            continue
        if id_field and id_field in obj:
            doc_id = str(obj[id_field])
        if not obj[text_field].strip():
            yield Failed(doc_id, f"{doc_id}: the text is empty", ExitCode.EMPTY)
            continue
        meta = {k: v for k, v in obj.items() if k != text_field}
        yield Document(doc_id, obj[text_field], "utf-8", meta)


# ---------------------------------------------------------------- running
def run(docs: Iterable[Document | Failed], work: Callable[[Document], dict], workers: int = 1,
        window: int | None = None) -> Iterator[tuple[Document | Failed, dict | None]]:
    """Apply ``work`` to each document in input order, ``workers`` processes at a time."""
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if workers == 1:
        for doc in docs:
            yield (doc, None) if isinstance(doc, Failed) else _safe(work, doc)
        return
    from concurrent.futures import ProcessPoolExecutor

    window = window or workers * 4
    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for doc in docs:
            pending.append((doc, None if isinstance(doc, Failed) else pool.submit(_safe, work, doc)))
            while len(pending) >= window:
                yield _collect(pending.popleft())
        while pending:
            yield _collect(pending.popleft())


def _collect(item):
    doc, fut = item
    return (doc, None) if fut is None else fut.result()


def _safe(work: Callable[[Document], dict], doc: Document):
    try:
        return doc, work(doc)
    except SpeechkitError as exc:
        return Failed(doc.name, str(exc), exc.exit_code), None
