"""Plain word-list data files: stop words, speech verbs, role nouns.

One entry per line, ``#`` starts a comment; a comment line that names a
section (``# phrases``, ``# head of state``) starts that section.  Users may
point at their own files; a broken one is a ``LexiconError``.
"""

from __future__ import annotations

import functools

from .datafiles import read_text, read_user_file
from .text import norm_word

SECTIONS = ("phrases", "head of state", "transcript labels", "role synonyms", "heads", "generic", "aliases",
            "national", "regional", "anaphors", "documents", "groups", "anonymous", "name nouns", "journalist labels",
            "unnamed labels", "answer labels", "proper names",
            "anaphoric nouns", "member nouns", "relational nouns", "media", "replies", "kinds", "voices", "serving nouns", "staff", "perceiving", "arriving",
            "stump prefixes", "states", "peer nouns", "articles", "junior kin", "senior kin", "chambers", "unnamed nouns",
            "occupations", "chair nouns", "place nouns", "missions", "sittings", "broadcasts", "appointment verbs", "term nouns", "lower case", "one-name titles", "titles inside", "sound bite labels",
            "own names", "named heads", "male nouns", "leading phrases", "addressees", "statement nouns", "women's kin",
            "asking", "telling", "defendant nouns", "charging verbs", "conversing")


@functools.cache
def load_sections(name: str, path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Entries by section ("" for the main list) of a packaged or user word list."""
    raw = read_text(name) if path is None else read_user_file(path, "word list")
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in norm_word(raw).splitlines():  # (the whole file at once: a call a line was most of the cost)
        line = line.strip()
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            if title in SECTIONS:
                current = title
                sections.setdefault(current, [])
            continue
        if line:
            sections[current].append(line)
    return {k: tuple(v) for k, v in sections.items()}


_WORD_SETS: dict[tuple[str, str, str | None], tuple[dict, frozenset[str]]] = {}


def load_words(name: str, section: str = "", path: str | None = None) -> frozenset[str]:
    """A section of a word list as a set: made once per loading of the list (it was made again at
    every call, a million times for a long text's speech verbs)."""
    sections = load_sections(name, path)
    got = _WORD_SETS.get((name, section, path))
    if got is None or got[0] is not sections:  # the list was read again (its cache cleared): so is the set
        got = _WORD_SETS[(name, section, path)] = (sections, frozenset(sections.get(section, ())))
    return got[1]


@functools.cache
def org_aliases() -> dict[str, tuple[str, ...]]:
    """organisations.txt # aliases: each short name's lemma → the lemmas of the full name («минфин» →
    «министерство финансы»)."""
    out = {}
    for line in load_sections("organisations.txt").get("aliases", ()):
        if "=" in line:
            a, b = (x.strip() for x in line.split("=", 1))
            out[a] = tuple(b.split())
    return out


@functools.cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated data file with a header line; ``#`` lines are comments."""
    rows = [line.split("\t") for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]
    if not rows:
        return ()
    head = rows[0]
    return tuple(dict(zip(head, (c.strip() for c in r + [""] * (len(head) - len(r))))) for r in rows[1:])
