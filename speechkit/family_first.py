"""Names written family name first, as Russian news writes East Asian names: three one-syllable words
(«Пак Чон Гюн», «Ким Ё Чжон»: Korean), or a listed family name (``data/family_names_first.txt``) and one
or two capitalised words after it («Ван Лэй», «Ли Хунбинь», «Нгуен Ван Дон»). No reading of capitalised
pairs takes these whole: «Ван» reads as a particle, «Дон» as a river. The family name alone later
(«— сказал Пак», «Ван добавил») is a mention of the person (``people.PeopleLearning._learn_people``).

``FamilyFirstNames`` is a part of ``speakers.Cast`` (through ``people.PeopleLearning``): it adds people
through the cast's registry (``add``, ``mention``, ``_by_name``) and reads their place with
``name_places`` (``_oblique_place``) and ``sex_in_context`` (``_verb_of_name``).
"""

from __future__ import annotations

import functools
import re

from . import morph, regexes
from .name_words import _is_role
from .names import known_first_name, place_or_body, surname_key
from .participants import Participant
from .text import norm_word, word_before
from .wordlists import load_words

# «Пак Чон Гюн», «Ли Сын Хо», «Ким Ё Чжон»: three capitalised syllables after a word or a comma
_SYLLABLES = regexes.compile(r"(?<=[\w,»\"] )([А-ЯЁ][а-яё]{1,3}) ([А-ЯЁ][а-яё]{0,4}) ([А-ЯЁ][а-яё]{0,4})(?![\w-])")
_SYLLABLE_AFTER = regexes.compile(r" [А-ЯЁ][а-яё]{0,4}(?![\w-])")
_SYLLABLE = regexes.compile(r"[А-ЯЁ][а-яё]{0,4}")  # «Ё», «Ок», «Чхоль»: a Korean syllable as Russian spells it
_GIVEN = r"[А-ЯЁ][а-яё]+(?:-[а-яё]+)?"
_BY_WORDS = regexes.compile(r"(?:[Пп]о\s+(?:словам|мнению|оценке|данным)|[Сс]о\s+слов)\s+$")  # «По словам Ли Хунбиня»
_VOWELS = "аеёиоуыэюя"


@functools.cache
def _family_first_pattern() -> re.Pattern[str] | None:
    """A listed family name (not after another capitalised word: «Жан-Клод Ван Дамм», «Виктор Ли») and
    one or two capitalised words after it."""
    families = load_words("family_names_first.txt")
    if not families:
        return None
    alts = "|".join(sorted((re.escape(f.capitalize()) for f in families), key=lambda f: (-len(f), f)))
    return regexes.compile(rf"(?<![\w-])({alts}) ({_GIVEN})(?: ({_GIVEN}))?(?![\w-])")


def family_first(p: Participant) -> bool:
    """Whether a person's name is written family name first (its ``first`` is the family name)."""
    return bool(p.first) and p.name.startswith(p.first + " ") and p.key == surname_key(p.first)


def _foreign_word(word: str) -> bool:
    """A capitalised word the dictionary does not know («Лэй», «Цзяньго», «Хунбиня», «Нгуен»)."""
    return not morph.analyzer().word_is_known(word.lower())


def _after_given_name(text: str, start: int) -> bool:
    """Whether a given name the dictionary knows stands right before («Виктор Ли», «Жан-Клод Ван Дамм»: the
    listed word is a surname there); not a place («Китая») nor a body's name («Университета Цинхуа Чжан …»)."""
    before = word_before(text, start)
    return before is not None and before[:1].isupper() and known_first_name(before)


def _nominative_given(word: str) -> str:
    """A Chinese given name back in the nominative from an oblique case a man's name declines in («Хунбиня»
    → «Хунбинь», «Цзиньпина» → «Цзиньпин», «Лэя» → «Лэй»)."""
    for tail in ("ом", "ем", "ём", "а", "я", "у", "ю"):
        if word.endswith(tail) and len(word) - len(tail) >= 2:
            stem = word[: -len(tail)]
            if tail in ("а", "у", "ом") and stem[-1] in _VOWELS:
                return word  # «Цзяньхуа»: a vowel before «-а» is the syllable's own (a man's case ends a consonant)
            if tail in ("я", "ю", "ем", "ём"):
                return stem + ("й" if stem[-1] in _VOWELS else "ь")
            return stem
    return word


_KOREAN_CASE = regexes.compile(r"(.*[аеёиоуыэюяАЕЁИОУЫЭЮЯ].*?(?:н|м|к|п|т|ль))(?:а|у|ом|е)$|(.*[аеёиоуыэюяАЕЁИОУЫЭЮЯ].*?л)(?:я|ю|ем|е)$")


def _syllable_nominative(word: str) -> str:
    """The last syllable of a Korean name back from a man's case ending: «Ыном» → «Ын», «Мина» → «Мин»,
    «Чхоля» → «Чхоль»; a syllable that ends in a vowel of its own («Хва», «Ё», «На») is as written. One syllable
    ends in a vowel or in one of the few consonants Korean ends one with, so a vowel after those is a case's."""
    m = _KOREAN_CASE.fullmatch(word)
    if m is None:
        return word
    return m.group(1) or m.group(2) + "ь"


class FamilyFirstNames:
    """The part of ``speakers.Cast`` that reads names written family name first (see the module's docstring)."""

    def _family_first_names(self, taken: set[int], caps: list[re.Match[str]]) -> None:
        """``caps``: the text's capitalised words, where a listed family name is looked for."""
        found: dict[str, Participant] = {}
        self._syllable_names(taken, found)
        self._listed_family_names(taken, found, caps)
        text, end = self.text, self.end
        for name, p in found.items():  # the name again where a sentence begins («Пак Чон Гюн объявил …»)
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[:end]):
                if m.start() not in taken:
                    self.mention(p, m.start(), m.end(), not self._oblique_place(m.start()))
                    taken.update(m.start() + k for k in range(len(name)) if name[k].isupper())

    def _syllable_names(self, taken: set[int], found: dict[str, Participant]) -> None:
        """«Пак Чон Гюн», «Ли Сын Хо», «Хан Джи Сок»: three capitalised words of one syllable each, a Korean
        name (the family name first)."""
        text, end = self.text, self.end
        for m in _SYLLABLES.finditer(text, 0, end):
            if any(m.start(k) in taken for k in (1, 2, 3)) or place_or_body(m.group(1)) \
                    or self._two_word_place(m.group(1), m.group(2)) \
                    or _SYLLABLE_AFTER.match(self.text, m.end()) and (
                        self._after_place_noun(m.start()) or self._after_name_noun(m.start())):
                # («Университета Корё Ким Мин Сок»: after a noun a proper name follows, that name; «района Шор Тепе
                # Армен …»: a place of two words the text names)
                continue
            self._add_family_first(m.group(0), m.group(1), m.start(), m.end(), found)
            taken.update(m.start(k) for k in (1, 2, 3))

    def _listed_family_names(self, taken: set[int], found: dict[str, Participant], caps: list[re.Match[str]]) -> None:
        """«Ван Лэй», «Ли Хунбиня», «Нгуен Ван Дон»: a listed family name and one or two capitalised words the
        dictionary does not know as Russian words (a Russian given name after it is a surname first, as in
        «Ким Александр Сергеевич», which the reading of pairs takes)."""
        pattern = _family_first_pattern()
        if pattern is None:
            return
        text, end = self.text, self.end
        families = load_words("family_names_first.txt")
        starts = [c.start() for c in caps if c.group(0).lower() in families]  # (not a scan of every character)
        # (the pairs as the text writes them: a case is mapped only onto a name written so, never onto a stem made up)
        written = {f"{m.group(1)} {m.group(2)}" for m in filter(None, (pattern.match(text, at, end) for at in starts))}
        for m in filter(None, (pattern.match(text, at, end) for at in starts)):
            given = [g for g in (m.group(2), m.group(3)) if g]
            if any(m.start(k) in taken for k in range(1, len(given) + 2)) or _after_given_name(text, m.start()):
                continue
            if _foreign_word(m.group(1)):  # «Нгуен Ван Дон»: after a family name no Russian word, its name
                if any(_is_role(g) for g in given):
                    continue
            elif len(given) == 2 and all(_SYLLABLE.fullmatch(g) for g in given):
                pass  # «Ким Сун Ок», «Пак Мин Чхоль» where a sentence begins: a Korean name of three syllables
            else:
                # a family name that is a Russian word too («Ван» a particle, «Ли» one): only before one word
                # the dictionary does not know, and not where the text writes it after a given name too
                # («Жан-Клод Ван Дамм … сказал Ван Дамм»)
                given = given[:1]
                if not _foreign_word(given[0]) or any(_after_given_name(text, x.start()) for x in re.finditer(
                        rf"(?<![\w-]){m.group(1)} {given[0]}", text)):
                    continue
            last = m.end(1 + len(given))
            # «передал слова Ван Лицзюня» after «Ван Лицзюнь»: a case of the name the text gave before
            again = len(given) == 1 and given[0] != (bare := _nominative_given(given[0])) \
                and f"{m.group(1)} {bare}" in found and f"{m.group(1)} {bare}" in written
            if len(given) == 1 and (again or self._oblique_family_first(m.start())):
                given = [bare]  # «По словам Ли Хунбиня», «жена Ли Цяна»: his genitive
            name = " ".join([m.group(1), *given])
            self._add_family_first(name, m.group(1), m.start(), last, found, again)
            taken.update(m.start(k) for k in range(1, len(given) + 2))

    def _oblique_family_first(self, start: int) -> bool:
        """Whether the words before put a name in an oblique case: ``_oblique_place``, «по словам», or a
        kinship or serving noun whose genitive complement it is («жена Ли Цяна», «адвокат Ван Лэя»)."""
        if self._oblique_place(start) or _BY_WORDS.search(self.text, max(0, start - 20), start):
            return True
        before = word_before(self.text, start)
        if before is None or norm_word(morph.lemma(before)) not in (
                load_words("roles.txt", "relational nouns") | load_words("roles.txt", "serving nouns")):
            return False
        owner = word_before(self.text, self.text.rfind(before, 0, start))
        return owner is None or owner.lower() not in ("его", "ее", "её", "их")  # («Ее представитель Ван Цзяньго»)

    def _add_family_first(self, name: str, family: str, start: int, end: int, found: dict[str, Participant],
                          oblique: bool = False) -> None:
        oblique = oblique or self._oblique_family_first(start)
        parts = name.split(" ")
        if len(parts) == 3 and (bare := _syllable_nominative(parts[2])) != parts[2]:
            # «с Ким Чен Ыном», «письмо Ким Чен Ына»: a last syllable with a case ending, in whatever place
            name, oblique = " ".join([*parts[:2], bare]), True
        said = None if oblique else self._verb_of_name(start, end)
        p = self._by_name.get(name) or self.add(Participant(name, "person", said, surname_key(family), family))
        self.mention(p, start, end, not oblique)
        self._roles_around(p, start, end)
        found[name] = p
