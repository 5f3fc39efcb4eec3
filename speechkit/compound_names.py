"""Names with a particle written in lower case inside them: «Луис Инасиу Лула да Силва», «Мухаммед бен
Салман», «Урсула фон дер Ляйен», «Мохаммед бин Рашид Аль Мактум» (``surname_prefixes.txt # lower case``).

Without this, the capitalised words on either side of the particle were read as two names or one cut
short («Луис Инасиу Лула», «Салман»). A name is the capitalised words before the particle that can be
given names (a post's country or a place before them is not: «принц Саудовской Аравии Мухаммед …»), the
particles and the capitalised word after them (and another particle and word: «бин Рашид Аль Мактум»).
Its key is the last word's, so «Салман», «бен Салман», «Лула да Силва» later are mentions of the person
named in full.

``CompoundNames`` is a part of ``speakers.Cast`` (through ``people.PeopleLearning``).
"""

from __future__ import annotations

import functools
import re

from . import regexes
from .name_sex import listed_woman
from .name_words import _is_role
from .names import (CAP, first_name, foreign_nominative, given_slot, known_first_name, place_or_body, surname_ending,
                    surname_key)
from .participants import Participant
from .roles import country_of_word
from .wordlists import load_sections


def _inner_words() -> tuple[str, ...]:
    """The words in lower case a name is read across: particles, and honorifics left out of it."""
    sections = load_sections("surname_prefixes.txt")
    return (*sections.get("lower case", ()), *sections.get("titles inside", ()))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(up to three capitalised words, particles, a capitalised word, maybe a particle and a word more;
    particles and the word after them alone)."""
    sections = load_sections("surname_prefixes.txt")
    lower = "|".join(sorted(map(re.escape, _inner_words()), key=len, reverse=True))
    if not lower:
        return None
    capital = "|".join(sorted((re.escape(p.capitalize()) for p in sections.get("", ())), key=len, reverse=True))
    inner = f"(?:{lower}|{capital})" if capital else f"(?:{lower})"
    tail = rf"((?:{lower})(?: (?:{lower}))?) ({CAP}(?: {inner} {CAP})?)(?![\w-])"
    return (regexes.compile(rf"(?<![\w-])({CAP}(?: {CAP}){{0,2}}) {tail}"),
            regexes.compile(rf"(?<![\w-]){tail}"))


def _given_word(word: str) -> bool:
    """Whether a capitalised word before the particle can be part of the given names (not «Саудовской»,
    «Аравии», «Президент»)."""
    return given_slot(word) and not _is_role(word) and not place_or_body(word) and not country_of_word(word)


class CompoundNames:
    """The part of ``speakers.Cast`` that reads names with a particle in lower case (module docstring)."""

    def _compound_names(self, taken: set[int]) -> None:
        patterns = _patterns()
        text, end = self.text, self.end
        if patterns is None or not any(f" {p} " in text for p in _inner_words()):
            return  # most texts have none: a look for each particle first
        full, bare = patterns
        for m in full.finditer(text, 0, end):
            words = m.group(1).split(" ")
            starts = [m.start(1)]
            for w in words[:-1]:
                starts.append(starts[-1] + len(w) + 1)
            while words and not _given_word(words[0]):
                words.pop(0)
                starts.pop(0)
            if not words or not self._names_one(words[-1], m.group(2), m.group(3)):
                continue
            self._compound_person(words, m.group(2), m.group(3), starts[0], m.end())
            taken.update(starts)
            at = m.start(3)
            for w in m.group(3).split(" "):  # the surname's words («Силва»; «Рашид», «Аль», «Мактум»)
                taken.add(at)
                at += len(w) + 1
        for m in bare.finditer(text, 0, end):
            if m.start(2) in taken:
                continue
            written = f"{m.group(1)} {m.group(2)}"
            who = self._named_so(written)
            if who is not None and who.name != written:  # «— заявил бен Салман»: the person named in full before
                self.mention(who, m.start(), m.end(), True)
                taken.add(m.start(2))

    @staticmethod
    def _names_one(before: str, particles: str, after: str) -> bool:
        """«да» is Russian's «and» too: «Иван да Марья», «Путин да Медведев» are two."""
        if particles != "да":
            return True
        return not known_first_name(after.split(" ")[0]) and surname_ending(before) is None

    def _compound_person(self, given: list[str], particles: str, surname: str, start: int, end: int) -> None:
        titles = load_sections("surname_prefixes.txt").get("titles inside", ())
        particles = " ".join(w for w in particles.split(" ") if w not in titles)  # «Наурызбай кажы Таганулы»
        if not particles:
            self._titled_person(given, surname, start, end)
            return
        who = self._named_so(" ".join([*given, particles, surname]))
        if who is not None:  # («Лула да Силва» after «Луис Инасиу Лула да Силва»: him)
            self.mention(who, start, end, True)
            return
        a = given[0]
        fa = first_name(a) if known_first_name(a) else None
        if fa is None:  # a given name the dictionary does not know is as written («Инасиу»)
            fa = (a, "femn" if listed_woman(a) else "masc")
        tail = a[len(fa[0]):] if fa[0] != a and a.startswith(fa[0]) else ""
        if tail:  # «Мухаммеда бен Салмана», «с Мухаммедом бен Салманом»: each word back in the nominative
            given = [fa[0], *(foreign_nominative(w, tail) or w for w in given[1:])]
            surname = " ".join(foreign_nominative(w, tail) or w if w[:1].isupper() else w for w in surname.split(" "))
        first = " ".join(given)
        who = self._named_so(f"{first} {particles} {surname}") or self.add(Participant(
            f"{first} {particles} {surname}", "person", fa[1], surname_key(surname.split(" ")[-1]), first))
        self.mention(who, start, end, not tail)
        self._roles_around(who, start, end, not tail, not tail)

    def _named_so(self, written: str) -> Participant | None:
        """The person whose name is ``written`` or ends with it (looked up by the last word's key, as keyed)."""
        return next((p for p in self.by_key.get(surname_key(written.rsplit(" ", 1)[-1]), ())
                     if p.name == written or p.name.endswith(f" {written}")), None)

    def _titled_person(self, given: list[str], surname: str, start: int, end: int) -> None:
        """«Верховный муфтий Казахстана Наурызбай кажы Таганулы»: a given name and a surname with an honorific
        between them are the person named by the two (in the nominative as written: such names are met as
        subjects), with the post before."""
        first = " ".join(given)
        who = self._named_so(f"{first} {surname}") or self.add(Participant(
            f"{first} {surname}", "person", "femn" if listed_woman(given[0]) else "masc",
            surname_key(surname.split(" ")[-1]), first))
        self.mention(who, start, end, True)
        self._roles_around(who, start, end)
