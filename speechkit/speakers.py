"""Who speaks: people named in the text, their roles, and resolving a speaker phrase.

Learnt from the text itself, not from a list of names: a first name known to
the morphological dictionary followed by a capitalised word is a person;
"Президент Казахстана Касым-Жомарт Токаев" ties a role to that person;
a surname alone, "он"/"она" or "Глава государства" point back to someone
already met.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from . import morph
from .text import norm_word
from .wordlists import load_sections

_CAP = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# Касым-Жомарт Токаев · Ильхамом Алиевым · В.Путин · Лукашенко Александр Григорьевич
_FULL = re.compile(rf"(?<![\w-])({_CAP})\s+({_CAP})(?:\s+({_CAP}))?")
_INITIAL = re.compile(rf"(?<![\w.])([А-ЯЁ])\.\s?(?:[А-ЯЁ]\.\s?)?({_CAP})")
# surname endings that decline: Токаева, Токаеву, Токаевым, Путина, Алиевой
_SURNAME_STEM = re.compile(r"^(.+?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ою|ы|ых|ыми)?$")
PRONOUNS = {"он": "masc", "она": "femn"}
PATRONYMIC = ("вич", "вна", "ична")


@functools.lru_cache(maxsize=50_000)  # pure in the word; names recur across a corpus
def surname_key(word: str) -> str:
    """Case-free key of a surname: «Токаева», «Токаевым» → «токаев».

    >>> surname_key("Токаевым"), surname_key("Сулейменов")
    ('токаев', 'сулейменов')
    """
    w = norm_word(word)
    m = _SURNAME_STEM.match(w)
    if m:
        return m.group(1)
    for p in morph.parses(w)[:4]:
        if "Surn" in p.tag.grammemes:
            return norm_word(p.normal_form)
    # Бута → бут, Нильсона → нильсон
    if len(w) > 4 and w[-1] in "ауеы":
        return w[:-1]
    if len(w) > 5 and w[-2:] in ("ом", "ым", "ой"):
        return w[:-2]
    return w


@functools.lru_cache(maxsize=50_000)
def _first_name(word: str, oblique: bool = False) -> tuple[str, str] | None:
    """(nominative, gender) when the word parses as a given name.

    ``oblique``: the surname next to it is declined («Касым-Жомарта Токаева»), so the name is too.
    """
    names = [p for p in morph.parses(word.lower())[:6] if {"Name", "sing"} <= p.tag.grammemes]
    # «Абдулла» written in the nominative stays as written (the dictionary's lemma may be «абдулл»)
    nominative = [p for p in names if "nomn" in p.tag.grammemes]
    if oblique and names:
        declined = [p for p in morph.parses(word.lower())[:8]
                    if p.tag.POS == "NOUN" and "sing" in p.tag.grammemes and "nomn" not in p.tag.grammemes]
        # a name the dictionary only guesses («Касым-Жомарта»): any declined noun reading gives the stem
        names = [p for p in declined if "Name" in p.tag.grammemes] or declined[:1] or names
        nominative = [p for p in names if "nomn" in p.tag.grammemes]
    if not names:
        return None
    p = (nominative or names)[0]
    gender = "femn" if "femn" in p.tag.grammemes else "masc"
    nom = word.lower() if nominative else p.normal_form
    if "ё" in nom and "ё" not in word.lower():
        nom = nom.replace("ё", "е")  # spell the name as the text does: Петр, not Пётр
    return ("-".join(part.capitalize() for part in nom.split("-")), gender)


@functools.lru_cache(maxsize=50_000)
def _declined_surname(word: str, first: str) -> bool:
    """«Токаева», «Алиевым»: a -ов/-ев/-ин surname with a case ending.

    «-ова» is a woman's nominative or a man's genitive: the first name's gender decides.
    """
    m = _SURNAME_STEM.match(word.lower())
    if not m or word.lower() == m.group(1):
        return False
    if word.lower()[len(m.group(1)):] != "а":
        return True
    return any({"Name", "masc"} <= p.tag.grammemes for p in morph.parses(first.lower())[:6])


@functools.lru_cache(maxsize=50_000)
def _surname_like(word: str) -> bool:
    """«Токаева» is also a woman's first name in the dictionary; after a first name it is a surname."""
    return bool(_SURNAME_STEM.match(word.lower())) or any(
        "Surn" in p.tag.grammemes for p in morph.parses(word.lower())[:6])


def _nominative_surname(word: str, gender: str) -> str:
    low = word.lower()
    for p in morph.parses(low)[:6]:
        if "Surn" in p.tag.grammemes:
            form = p.inflect({"nomn", "sing", gender}) or p.inflect({"nomn", "sing"})
            if form:
                return form.word[:1].upper() + form.word[1:]
    m = _SURNAME_STEM.match(low)
    if m:
        stem = m.group(1)
        ending = low[len(stem):]
        if gender == "femn" and ending in ("ой", "у", "ою", "а"):
            stem += "а"
        return stem[:1].upper() + stem[1:]
    return word


@dataclass
class Person:
    name: str  # canonical: "Касым-Жомарт Токаев"
    key: str  # surname key
    gender: str
    first: str | None = None
    mentions: int = 0
    roles: set[str] = field(default_factory=set)  # lemmas of role phrases met in apposition
    first_seen: int = 0
    last_seen: list[int] = field(default_factory=list)  # offsets of surname mentions


class SpeakerBook:
    """The people of one text and the roles that point at them."""

    def __init__(self, text: str, end: int | None = None) -> None:
        self.text = text
        end = len(text) if end is None else end
        self.people: dict[str, Person] = {}  # by canonical name
        self.by_key: dict[str, list[Person]] = {}  # by surname key: a family shares one
        self._learn(text, end)

    # ------------------------------------------------------------ learning
    def _learn(self, text: str, end: int) -> None:
        roles = _role_lemmas()
        caps = list(re.finditer(_CAP, text[:end]))
        for k, m in enumerate(caps[:-1]):
            nxt = caps[k + 1]
            if text[m.end() : nxt.start()].strip():
                continue  # not adjacent words
            a, b = m.group(0), nxt.group(0)
            first = _first_name(a, oblique=_declined_surname(b, a))
            if first and not _is_role(a, roles) and (not _first_name(b) or _surname_like(b)) \
                    and not _is_role(b, roles):
                person = self._add(first[0], b, first[1], m.start())
                self._apposition(text, m.start(), person)
            elif k + 2 < len(caps) and _first_name(b) and caps[k + 2].group(0).endswith(PATRONYMIC) \
                    and not text[nxt.end() : caps[k + 2].start()].strip():
                # Лукашенко Александр Григорьевич (surname first, as in a tooltip)
                fb = _first_name(b)
                self._add(fb[0], a, fb[1], m.start(), nominative=True)
        for m in _INITIAL.finditer(text, 0, end):
            for person in self.by_key.get(surname_key(m.group(2)), ()):
                person.mentions += 1
        for m in caps:
            for person in self.by_key.get(surname_key(m.group(0)), ()):
                if m.group(0) != person.first:
                    person.mentions += 1
                    person.last_seen.append(m.start())

    def _add(self, first: str, surname: str, gender: str, pos: int, nominative: bool = False) -> Person:
        sur = surname if nominative else _nominative_surname(surname, gender)
        name = f"{first} {sur}"
        person = self.people.get(name)
        if person is None:
            person = Person(name, surname_key(sur), gender, first, 0, set(), pos)
            self.people[name] = person
            self.by_key.setdefault(person.key, []).append(person)
        return person

    def _apposition(self, text: str, name_start: int, person: Person) -> None:
        """Президент Казахстана Касым-Жомарт Токаев: the words before the name that hold a role."""
        left = text[max(0, name_start - 80) : name_start]
        left = re.split(r"[.!?;:,«»\"()\n—–]", left)[-1]
        words = re.findall(r"[\w-]+", left)[-4:]
        lemmas = [norm_word(morph.lemma(w)) for w in words]
        roles = _role_lemmas()
        for i, lem in enumerate(lemmas):
            if lem in roles:
                person.roles.update(lemmas[i:])
                break

    # ------------------------------------------------------------ resolving
    @property
    def main(self) -> Person | None:
        """The text's main actor: the lead's first person counts extra, then mentions."""
        if not self.people:
            return None
        first = min(self.people.values(), key=lambda p: p.first_seen)
        return max(self.people.values(),
                   key=lambda p: (p.mentions + 2 * bool(p.roles) + 3 * (p is first), -p.first_seen))

    def resolve(self, phrase: str | None, pos: int, verb: str | None = None,
                recent: list[tuple[int, str]] | None = None) -> str | None:
        """The canonical speaker of a phrase such as «Глава государства» or «она»."""
        if not phrase:
            return self._recent(pos, _verb_gender(verb), recent)
        words = re.findall(r"[\w-]+", phrase)
        low = [w.lower() for w in words]
        if len(low) == 1 and low[0] in PRONOUNS:
            return self._recent(pos, PRONOUNS[low[0]], recent)
        for w in reversed(words):
            if w[:1].isupper():
                person = self.by_surname(w, pos, _verb_gender(verb), words)
                if person:
                    return person.name
        full = _FULL.search(phrase)
        if full and _first_name(full.group(1)):
            first = _first_name(full.group(1))
            return f"{first[0]} {_nominative_surname(full.group(2), first[1])}"
        lemmas = [norm_word(morph.lemma(w)) for w in words]
        if _plural_head(words[0]) and len(low) <= 6:
            return phrase.strip()  # «спросили журналисты»: a group, not a person
        sections = load_sections("roles.txt")
        heads = {tuple(p.split()) for p in sections.get("head of state", ())}
        if any(tuple(lemmas[i : i + len(h)]) == h for h in heads for i in range(len(lemmas))):
            main = self.main
            if main:
                return main.name
        roles = _role_lemmas()
        if lemmas[0] in roles or (len(lemmas) > 1 and lemmas[1] in roles and not words[0][:1].isupper()):
            # глава Нацбанка → the person met with a role in apposition
            scored = [(len(set(lemmas) & p.roles), p.mentions, p) for p in self.people.values() if p.roles]
            best = max(scored, key=lambda t: (t[0], t[1]), default=None)
            # глава Нацбанка → the one official named with a role; with several, only a matching role
            if best and (best[0] > 0 or len(scored) == 1):
                return best[2].name
            if not scored and self.main:
                return self.main.name
        return _nominative_phrase(phrase)

    def by_surname(self, word: str, pos: int, gender: str | None = None,
                   context: list[str] = ()) -> Person | None:
        """The person a surname points at; in a family, the one named or last met."""
        people = self.by_key.get(surname_key(word), [])
        if len(people) <= 1:
            return people[0] if people else None
        firsts = {c for c in context if c[:1].isupper()}
        named = [p for p in people if p.first in firsts or any(_first_name(c) and _first_name(c)[0] == p.first for c in firsts)]
        if named:
            return named[0]
        fitting = [p for p in people if gender is None or p.gender == gender] or people
        return max(fitting, key=lambda p: max([x for x in p.last_seen if x < pos], default=-1))

    def _recent(self, pos: int, gender: str | None, recent) -> str | None:
        """«добавила она»: the last speaker, else the last person named, of that gender."""
        for _, name in reversed(recent or []):
            person = self.people.get(name)
            if gender is None or person is None or person.gender == gender:
                return name
        candidates = [(max([x for x in p.last_seen if x < pos], default=-1), p) for p in self.people.values()
                      if gender is None or p.gender == gender]
        candidates = [c for c in candidates if c[0] >= 0]
        if candidates:
            return max(candidates, key=lambda c: c[0])[1].name
        main = self.main
        return main.name if main else None


def _plural_head(word: str) -> bool:
    p = morph.parses(word.lower())[0]
    return p.tag.POS == "NOUN" and "plur" in p.tag.grammemes and "Surn" not in p.tag.grammemes


def _verb_gender(verb: str | None) -> str | None:
    if not verb:
        return None
    for p in morph.parses(verb.lower())[:2]:
        if "femn" in p.tag.grammemes:
            return "femn"
        if "masc" in p.tag.grammemes:
            return "masc"
    return None


def _role_lemmas() -> frozenset[str]:
    return frozenset(load_sections("roles.txt").get("", ()))


def _is_role(word: str, roles: frozenset[str]) -> bool:
    return norm_word(morph.lemma(word)) in roles


def _nominative_phrase(phrase: str) -> str:
    """«пресс-службы акимата» → «пресс-служба акимата»: the head noun in the nominative."""
    words = phrase.strip().split()
    if not words:
        return phrase.strip()
    for p in morph.parses(words[0].lower())[:3]:
        if p.tag.POS == "NOUN" and "nomn" not in p.tag.grammemes and {"gent", "ablt", "datv"} & p.tag.grammemes:
            form = p.inflect({"nomn"})
            if form is not None:
                head = form.word
                words[0] = head[:1].upper() + head[1:] if words[0][:1].isupper() else head
            break
        if "nomn" in p.tag.grammemes:
            break
    return " ".join(words)
