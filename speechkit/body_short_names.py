"""The short names a text gives the bodies it names: an abbreviation in brackets after the full name
(«Национальный центр тестирования Таджикистана (НЦТ)»), and a word of capitals that spells the first letters of
a body named in full («Министерство чрезвычайных ситуаций Кыргызстана … в сообщении МЧС»). Each short name
becomes an alias of its body (``Cast.aliases``), and every place it stands is a mention of that body.

``learn_short_names`` runs at the end of ``bodies.learn_organisations``, once the bodies named with a head noun
are known. (A short name organisations.txt lists, «Нацбанк», is ``bodies._short_name_of``.)
"""

from __future__ import annotations

import re

from . import regexes
from .bodies import _FUNCTION_WORDS, _organisation
from .noun_phrases import Context, Word, words_in
from .roles import country_of_word
from .speakers import Cast, Participant
from .text import norm_word

_QUOTED_PART = regexes.compile(r"[«\"„]([^«»\"„“”]+)")  # a body's name in quotes
_CAPS_WORD = regexes.compile(r"(?<![\w&-])[А-ЯЁ]{2,6}(?![\w&-])")
# «(НЦТ)», «(ИК МФСА, …», «(ОЭСР;»: an abbreviation in brackets
_BRACKETED = regexes.compile(r"\(([А-ЯЁ]{1,6}(?: [А-ЯЁ]{2,6})?)[,;)]")
_NAME_GAP = frozenset(" \u00a0")  # what may stand between the words of a name before the bracket


def learn_short_names(cast: Cast, text: str, end: int) -> None:
    """Read the text's short names of bodies and mention each body wherever its short name stands."""
    _bracketed_names(cast, text, end)
    _initials_aliases(cast, text, end)
    for abbr, org in cast.aliases.items():
        for m in re.finditer(rf"(?<![\w&]){re.escape(abbr)}(?![\w&])", text[:end]):
            cast.mention(org, m.start(), m.end(), True)


def _bracketed_names(cast: Cast, text: str, end: int) -> None:
    """«Национальный центр тестирования Таджикистана (НЦТ) аннулировал …»: the words before an abbreviation in
    brackets that it spells are a body's full name, whatever noun heads it (not a head of organisations.txt:
    «центр», «фонд» name other things as often). The name begins with a capital and runs up to the bracket."""
    for m in _BRACKETED.finditer(text, 0, end):
        abbr = m.group(1)
        if abbr in cast.aliases or cast.in_quote(m.start()) or country_of_word(abbr.replace(" ", "")):
            continue  # (not «Соединённые Штаты Америки (США)»: a country)
        run = _words_before(text, m.start())
        for k, w in enumerate(run):
            name = run[k:]
            if w.text[:1].isupper() and len(name) >= 2 and _spells(abbr.replace(" ", ""), [x.text for x in name]):
                org = cast.at(w.start)
                if org is None or org.kind != "organisation":
                    org = _organisation(cast, text, name, w.start, Context())
                if org is not None and org.kind == "organisation":
                    cast.aliases[abbr] = org
                break


def _words_before(text: str, pos: int) -> list[Word]:
    """The words right before ``pos`` with only spaces between them (up to ten): where a name before a bracket
    can lie."""
    words = words_in(text, max(0, pos - 160), pos)
    run: list[Word] = []
    edge = pos
    for w in reversed(words):
        if not set(text[w.end : edge]) <= _NAME_GAP or len(run) == 10:
            break
        run.insert(0, w)
        edge = w.start
    return run


def _spells(abbr: str, words: list[str]) -> bool:
    """Whether an abbreviation spells the first letters of a name's words: of all of them, or of all but
    prepositions and «и», with or without a country's genitive at the end («Таджикистана»)."""
    every = "".join(w.strip("«»\"„“”")[:1] for w in words).upper()
    content = [w for w in words if norm_word(w) not in _FUNCTION_WORDS]
    letters = "".join(w[:1] for w in content).upper().replace("Ё", "Е")
    short = abbr.replace("Ё", "Е")
    return short in (every, letters) or bool(content) and country_of_word(content[-1]) is not None \
        and letters[:-1] == short


def _initials_aliases(cast: Cast, text: str, end: int) -> None:
    """«Федерация баскетбола России … на сайте ФБР», «АО «Казахстан темир жолы» … глава КТЖ»: a word of
    capitals that spells the first letters of a body the text names (or of its quoted name) is that body."""
    spelled: dict[str, Participant] = {}
    twice: set[str] = set()
    for p in cast.participants:
        if p.kind != "organisation":
            continue
        for letters in _initials(p):
            if spelled.setdefault(letters, p) is not p:
                twice.add(letters)
    if not spelled:
        return
    for m in _CAPS_WORD.finditer(text, 0, end):
        org = spelled.get(m.group(0))
        if org is not None and m.group(0) not in cast.aliases and m.group(0) not in twice:
            cast.aliases[m.group(0)] = org


def _initials(p: Participant) -> set[str]:
    """The words of capitals that may spell a body's name: the first letters of all its words or of its quoted name
    («ФБР», «КТЖ»), of its words but prepositions, «и» and its country («МЧС» for «Министерство чрезвычайных ситуаций
    Кыргызстана»), or of their first three or more («КЧС» for «Комитет по чрезвычайным ситуациям и гражданской
    обороне»)."""
    out = set()
    quoted = _QUOTED_PART.search(p.name)
    for words in (p.name.split(), quoted.group(1).split() if quoted else ()):
        letters = "".join(w.strip("«»\"„“”")[:1] for w in words).upper()
        if len(letters) >= 3 and letters.isalpha():
            out.add(letters)
    content = [w for w in p.name.split() if norm_word(w) not in _FUNCTION_WORDS and not (p.country and country_of_word(w))]
    letters = "".join(w[:1] for w in content).upper().replace("Ё", "Е")
    if len(content) >= 2 and letters.isalpha():
        out.update(letters[:k] for k in range(3, len(letters)))
        out.add(letters)
    return out
