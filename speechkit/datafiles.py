"""Reading the package's data files, or a user's copies of them.

Every lexicon and word list (themes.toml, stopwords.txt, speech_verbs.txt,
roles.txt, boilerplate.txt, numbers.toml, lemma_overrides.tsv,
reference_freq.tsv) is data.  A user who wants other stop words or speech
verbs puts files of the same name in a folder and points ``--data-dir`` (or
``SPEECHKIT_DATA_DIR``) at it; the files there replace the packaged ones.  The
setting travels in the environment so that worker processes see it too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import LexiconError

ENV = "SPEECHKIT_DATA_DIR"
# the packaged data files, beside this module (a wheel installs them as files; importlib.resources
# would cost a cold start ~15 ms of imports to say the same)
PACKAGED = Path(__file__).resolve().parent / "data"


def user_file(name: str) -> Path | None:
    """The user's copy of a data file, when a data folder is set and holds one."""
    folder = os.environ.get(ENV)
    if not folder:
        return None
    path = Path(folder) / name
    return path if path.is_file() else None


def read_text(name: str) -> str:
    """A data file's text: the user's copy if there is one, else the packaged file."""
    path = user_file(name)
    if path is None:
        return (PACKAGED / name).read_text("utf-8")
    return read_user_file(path, name)


def os_problem(exc: OSError) -> str:
    """What went wrong reading a path, in the words every speechkit error uses."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, NotADirectoryError):
        return "no such file (a part of the path is not a folder)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def read_user_file(path: str | os.PathLike, what: str) -> str:
    """A user's data file as text; every way of failing is one LexiconError naming the file.

    Only a regular file or a pipe is read, and no more than ``--max-bytes`` of it: ``--lexicon
    /dev/zero`` ran out of memory.
    """
    from .source import max_bytes, size_text

    limit = max_bytes()
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise LexiconError(f"{path}: {what}: not a regular file")
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise LexiconError(f"{path}: {what}: more than {size_text(limit)}, the most read from one input "
                               "(speechkit --max-bytes SIZE raises it)")
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: {what} is not UTF-8 text") from None
    except FileNotFoundError:
        raise LexiconError(f"{path}: {what} file not found") from None
    except OSError as exc:
        raise LexiconError(f"{path}: {what}: {os_problem(exc)}") from None
