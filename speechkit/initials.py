"""People a text names by initials and a surname: «В.Путин», «Б. Атаев», «Т. С. Горелова», «Кузьмин А. В.:».

Part of ``speakers.Cast`` (``people.PeopleLearning`` reads the initials of its text with ``_initials_person``;
a transcript's label calls it with ``label``): which person the initials stand for, the full name the text or a
speaker gives, and the nominative a label's surname tells.
"""

from __future__ import annotations

import functools
import os
import re

from . import morph, regexes
from .names import CAP, UPPER, first_name, nominative_surname, surname_ending, surname_key
from .participants import Participant

_INITIAL = regexes.compile(rf"(?<![\w.])((?:[{UPPER}]\.[ \t\u00a0]?-?){{1,2}})[ \t\u00a0]?({CAP})")  # (not across a line)
INTRO_REACH = 200  # characters after a transcript label searched for the speaker's own «Меня зовут …»
_SELF_INTRO = regexes.compile(rf"(?:\b[Мм]еня зовут|(?<![\w-])Я(?:\s*[—–-])?)\s+({CAP})\s+({CAP})")


class InitialsNames:
    """The part of ``speakers.Cast`` that reads initials and a surname as a person."""

    def _initials_person(self, initials: str, surname: str, label: bool = False, at: int | None = None,
                         oblique: bool = False) -> Participant:
        """В.Путин → the Путин the text names in full, a known figure, the name a speaker gives right after
        a label («А.Слугина: … Я Слугина Алёна»), or the address «Владимир Владимирович».

        ``label``: the surname comes from a transcript label, which is always in the nominative, so a
        person first met declined («с Бадрой Гунбой», «к Г.Анцеву») takes the label's form. ``oblique``: the
        place puts the name in a case, where «-ова» is his genitive (hers would be «-овой»).
        """
        key = surname_key(surname)
        for p in self.by_key.get(key, ()):
            given = _INITIAL.match(p.name) if not p.first else None  # («Т. Алиев»: a person the text gave initials only)
            own = p.first[:1] if p.first else given.group(1)[:1] if given else ""
            if own and own != initials[:1]:
                continue  # «З. Алиева:» after «Т. Алиев:»: another initial, another person
            if label and {surname_ending(surname), surname_ending(re.split(r"[\s.]", p.name)[-1])} == {"", "а"}:
                continue  # a label is a nominative: «Алиева» is a woman, «Алиев» a man of that family
            if label:
                self.to_nominative(p, surname)
            return p
        from .people import _people_table  # (people builds on this module)

        known = _people_table().get(key)
        if known and known[0][:1] == initials[:1]:
            name, gender, roles = known
            p = self.add(Participant(name, "person", gender, key, name.rsplit(" ", 1)[0], known=True))
            for r in roles:
                p.add_role(r, r.split())
            return p
        given = self._introduced(initials, surname, at) if at is not None else None
        if given is not None:
            return self.person(given[0], surname, given[1], nominative=True)
        # «Владимир Владимирович, …» for В.Путин — only when one given name fits the initial and no other
        # person of the text bears it («Анна Михайловна» is Анна Кочерова's, not А.Слугина's)
        taken = {p.first for p in self.participants if p.kind == "person" and p.first}
        fits = {(first, patr) for first, patr in self.addresses if first[:1] == initials[:1] and first not in taken}
        if len({first for first, _ in fits}) == 1:
            first, patr = min(fits)
            return self.person(first, surname, "femn" if patr.endswith(("вна", "чна")) else "masc")
        if not label:  # «к Г.Анцеву»: a declined surname after initials, in the nominative if it says
            surname = nominative_surname(surname, "masc") if surname_ending(surname) not in (None, "", "а") \
                or oblique and surname_ending(surname) == "а" else surname  # (oblique: «директора М. Курбанова»)
        # the initials as the text spaces them: «В.Путин», «Б. Атаев», «Т. С. Горелова»
        name = f"{initials.strip()} {surname}" if " " in initials else f"{initials}{surname}"
        # (a man's nominative «-ов», «-ин» says his sex, a label's «-ова» hers: «Судья Д. Рахматуллаев:» is no «она»)
        ending = surname_ending(surname)
        sex = "masc" if ending == "" else "femn" if ending == "а" and label else None
        return self.add(Participant(name, "person", sex, key, None))

    def _introduced(self, initials: str, surname: str, at: int) -> tuple[str, str] | None:
        """«Меня зовут Анна Кочерова» · «Я Слугина Алёна»: the given name a speaker states of themself in
        the first words after a label, when it fits the label's initial and surname."""
        key = surname_key(surname)
        for m in _SELF_INTRO.finditer(self.text, at, min(self.end, at + INTRO_REACH)):
            a, b = m.group(1), m.group(2)
            given = b if surname_key(a) == key else a if surname_key(b) == key else None
            fn = first_name(given) if given else None
            if fn and fn[0][:1] == initials[:1]:
                return fn
        return None

    def to_nominative(self, p: Participant, surname: str) -> None:
        """Rename a person first met declined to the nominative a label gives: «Бадрой Гунбой» → «Бадра Гунба»."""
        words = p.name.split()
        old = words[-1]
        written = old.split(".")[-1]
        if written == surname or not written[:2] == surname[:2]:
            return
        common = len(os.path.commonprefix([written, surname]))
        tail_old, tail_new = written[common:], surname[common:]
        words[-1] = old[: len(old) - len(written)] + surname
        if p.first and len(words) == 2 and tail_old and p.first.endswith(tail_old):
            words[0] = p.first[: len(p.first) - len(tail_old)] + tail_new  # the given name declines alike
            p.first = words[0]
        new = " ".join(words)
        if new != p.name and new not in self._by_name:
            del self._by_name[p.name]
            p.name = new
            self._by_name[new] = p


def _as_written(initials: str) -> str:
    """Initials with the text's spacing kept, one plain space for each: «Б. », «Т.\u00a0С. » → «Б. », «Т. С. »."""
    return re.sub(r"\s+", " ", initials)


@functools.lru_cache(maxsize=20_000)
def _surname_after_initial(word: str) -> bool:
    """Whether the capitalised word after an initial can be a surname: a noun or a word the dictionary does
    not know, not an adverb, a verb or a function word at a sentence start («И. Позже», «А. Потом»)."""
    if not morph.analyzer().word_is_known(word.lower()):
        return True
    parses = morph.parses(word.lower())[:3]
    if any("Name" in p.tag.grammemes and "nomn" in p.tag.grammemes for p in parses[:1]) \
            and not any("Surn" in p.tag.grammemes for p in parses):
        return False  # «Елена: Я. Виктор тогда работал …»: a given name in the nominative is no surname after «Я.»
    return any(p.tag.POS in ("NOUN", None) or "Surn" in p.tag.grammemes for p in parses)
