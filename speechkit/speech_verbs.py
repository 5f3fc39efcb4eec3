"""Which words are speech verbs: the lemmas of ``data/speech_verbs.txt`` in any of their forms («заявил»,
«отметила», «уверена»), read once per form."""

from __future__ import annotations

import functools

from . import morph
from .wordlists import load_words


def speech_verbs() -> frozenset[str]:
    return load_words("speech_verbs.txt")


def is_speech_verb(word: str) -> bool:
    return _speech_verb(word.lower(), speech_verbs())


@functools.lru_cache(maxsize=50_000)
def _speech_verb(low: str, verbs: frozenset[str]) -> bool:
    """(Asked for every word near every quote: once per form and list of verbs.)"""
    if low in verbs:
        return True
    for p in morph.parses(low)[:3]:
        if p.tag.POS in ("VERB", "PRTS", "GRND", "ADJS") and p.normal_form.replace("ё", "е") in verbs:
            return True
    return False
