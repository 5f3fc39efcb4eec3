"""Plain word-list data files: stop words, speech verbs, role nouns.

One entry per line, ``#`` starts a comment; a comment line that names a
section (``# phrases``, ``# head of state``) starts that section.  Users may
point at their own files; a broken one is a ``LexiconError``.
"""

from __future__ import annotations

import functools
from importlib import resources

from .errors import LexiconError
from .text import norm_word

SECTIONS = ("phrases", "head of state")


@functools.cache
def load_sections(name: str, path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Entries by section ("" for the main list) of a packaged or user word list."""
    try:
        if path is None:
            raw = resources.files("speechkit").joinpath(f"data/{name}").read_text("utf-8")
        else:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
    except FileNotFoundError:
        raise LexiconError(f"{path or name}: word list not found") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path or name}: word list is not UTF-8 text") from None
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in raw.splitlines():
        line = line.strip()
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            if title in SECTIONS:
                current = title
                sections.setdefault(current, [])
            continue
        if line:
            sections[current].append(norm_word(line))
    return {k: tuple(v) for k, v in sections.items()}


def load_words(name: str, section: str = "", path: str | None = None) -> frozenset[str]:
    return frozenset(load_sections(name, path).get(section, ()))
