"""Where output goes: stdout, or a file written atomically (temp file + rename).

An error or Ctrl-C halfway leaves an earlier file of the same name intact, and
a reader never sees half a report: the new file appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..errors import InputError, UsageError

# What writing a file can run into (other errors inside the block are not ours to rename).
WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM}


@contextlib.contextmanager
def open_output(path: Path | str | None) -> Iterator[TextIO]:
    """Yield stdout (no path, or "-") or a temp file that replaces ``path`` on success.

    Writes to a piped or redirected stdout hold Ctrl-C until they finish: a
    write interrupted inside the system call leaves half a record in the pipe.
    A terminal is left alone, so Ctrl-C stays instant for a person reading.
    """
    if path is None or str(path) == "-":
        stream = sys.stdout if _isatty(sys.stdout) else WholeWrites(sys.stdout)
        try:
            yield stream
            stream.flush()
        except OSError as exc:  # a full disk under `> file`, a pipe that broke with EIO
            if exc.errno not in WRITE_ERRORS:
                raise
            name = _stdout_name()
            _discard_stdout()
            raise InputError(f"{name}: cannot write ({exc.strerror or exc})") from None
        return
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{target}: cannot write, folder {folder} does not exist")
    if target.is_dir():
        raise InputError(f"{target}: is a directory; give a file name")
    if target.exists() and not target.is_file():
        # /dev/null, /dev/stdout, a named pipe: written into, never replaced by a file of ours
        yield from _write_into(target)
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.errno in WRITE_ERRORS:
            raise InputError(f"{target}: cannot write ({exc.strerror or exc}); any earlier file is intact") from None
        raise


def refuse_output_onto_input(output: Path | str | None, inputs: list[str], glob: str = "*.txt") -> None:
    """``-o speech.txt`` with speech.txt as input would replace the text by its analysis: refuse it.

    An output inside an input folder that the folder's ``--glob`` would pick up is refused too.
    """
    if output is None or str(output) == "-":
        return
    target = Path(os.path.abspath(output))
    real = Path(os.path.realpath(target))
    pattern = glob.removeprefix("**/")
    for item in inputs:
        if item == "-":
            continue
        p = Path(item)
        if p.is_dir():
            try:
                inside = real.relative_to(os.path.realpath(p))
            except ValueError:
                continue
            if inside.match(pattern):
                raise UsageError(f"{output}: -o is inside the input folder {item} and matches {glob!r}: "
                                 "a later run would read it as a speech; write it elsewhere")
        elif real == Path(os.path.realpath(p)) or _same_file(target, p):
            raise UsageError(f"{output}: -o names an input file, which it would overwrite; choose another file")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # hard links too
    except OSError:
        return False


def _write_into(target: Path) -> Iterator[TextIO]:
    try:
        fh = open(target, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with fh:
            yield fh
    except OSError as exc:
        if exc.errno in WRITE_ERRORS:
            raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        raise


def _stdout_name() -> str:
    """Where stdout goes, for an error message: «/data/out.json (stdout)», or «<stdout>»."""
    try:
        return f"{os.readlink(f'/proc/self/fd/{sys.stdout.fileno()}')} (stdout)"
    except (OSError, ValueError, AttributeError):
        return "<stdout>"


def _discard_stdout() -> None:
    """After a failed write, what is still buffered goes to /dev/null: Python's exit flush must not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


@contextlib.contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, then raise it: what the block writes is written whole.

    SIGINT is blocked for the main thread, so no write system call is cut short
    (a pipe write interrupted halfway loses the rest of the record); should
    another thread take the signal, the Python handler only notes it.
    """
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield  # only the main thread may set handlers; an ignored or custom Ctrl-C stays as it is
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a pending Ctrl-C arrives here, and is noted
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


class WholeWrites:
    """A text stream whose ``write`` and ``flush`` are not cut short by Ctrl-C."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        with deferred_interrupt():
            return self.stream.write(text)

    def flush(self) -> None:
        with deferred_interrupt():
            self.stream.flush()

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 & ~umask, not mkstemp's 0600."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
