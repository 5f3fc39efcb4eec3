"""Domain errors and the exit codes the CLI maps them to.

The library raises these and never prints or exits; only ``cli.py`` turns them
into one line on stderr and an exit code.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """Documented exit codes of the ``speechkit`` command."""

    OK = 0
    FAILURE = 1  # an unexpected bug (run with --debug for the traceback)
    USAGE = 2  # wrong options or arguments
    INPUT = 3  # missing/unreadable file, directory, binary data, undecodable text
    EMPTY = 4  # the text is empty or whitespace only
    DATA = 5  # a broken lexicon or data file
    PARTIAL = 6  # a corpus run where some documents failed
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


class SpeechkitError(Exception):
    """Base of every error speechkit reports to a user."""

    exit_code: ExitCode = ExitCode.FAILURE


class InputError(SpeechkitError):
    """The input cannot be read as text."""

    exit_code = ExitCode.INPUT


class EmptyTextError(SpeechkitError):
    """The input holds no text to analyse; ``document`` is what was read, for an empty report."""

    exit_code = ExitCode.EMPTY

    def __init__(self, message: str, document: Any = None) -> None:
        super().__init__(message)
        self.document = document


class LexiconError(SpeechkitError):
    """A lexicon or other data file is broken."""

    exit_code = ExitCode.DATA


class UsageError(SpeechkitError):
    """Options that do not fit together or name unknown things."""

    exit_code = ExitCode.USAGE
