"""The speaker model of one document: every person, organisation and group it mentions.

Learnt from the text and its morphology, not from a list of names:

* a given name known to the dictionary followed by a capitalised word is a person
  («Касым-Жомарт Токаев», «Ильхамом Алиевым»); so are initials and a surname («В.Путин») and a
  tooltip («Лукашенко Александр Григорьевич»); a surname alone points back to its person;
* the words before a name that hold a role noun are that person's role, as the text states it
  («министр иностранных дел Германии Франк-Вальтер Штайнмайер»), and so are the words after a
  comma («Всеволод Чаплин, глава синодального Отдела …»);
* a noun that heads an organisation's name (``organisations.txt``) with its genitive complement is
  an organisation («пресс-служба президента Украины», «МИД Ирана», «в иранском МИД»);
* a few well-known figures (``people.tsv``) give the full name when a text prints only the surname.

Each mention keeps its span and whether it can be a sentence's subject (the nominative), which is
what pronouns and roles are resolved against (``antecedent``, ``holder``).
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from dataclasses import dataclass, field

from . import morph
from .names import (CAP, UPPER, declined_surname, feminine_given, first_name, given_slot, is_patronymic, known_first_name, nominative_given,
                    nominative_surname, place_or_body, surname_ending, surname_key, surname_like)
from .roles import Post, country_of_word, is_person_noun, is_role_word, post_of
from .text import SENTENCE_BREAK, norm_word
from .wordlists import load_sections, load_table

_CAP_WORD = re.compile(CAP)
# В.Путин · В. Путин · К.-Ж. Токаев
_INITIAL = re.compile(rf"(?<![\w.])((?:[{UPPER}]\.\s?-?){{1,2}})\s?({CAP})")
_WORD = re.compile(r"[\w&’'-]+")
ROLE_REACH = 90  # characters before a name searched for its role
INTRO_REACH = 200  # characters after a transcript label searched for the speaker's own «Меня зовут …»
# «Меня зовут Анна Кочерова» · «Я Слугина Алёна» · «Я – Иван Петров»: a speaker names themself
_SELF_INTRO = re.compile(rf"(?:\b[Мм]еня зовут|(?<![\w-])Я(?:\s*[—–-])?)\s+({CAP})\s+({CAP})")
SUBJECT_SENTENCES = 3  # how many sentences back a pronoun looks for its antecedent


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    subject: bool  # in the nominative: can be the subject of its sentence


@dataclass
class Participant:
    """One person, organisation or group of the text, with every mention (kept in text order)."""

    name: str  # canonical, nominative: «Касым-Жомарт Токаев», «МИД Ирана», «журналисты»
    kind: str  # "person" | "organisation" | "group" | "anonymous"
    gender: str | None = None
    key: str = ""  # a person's surname key; an organisation's lemma key
    first: str | None = None
    roles: list[str] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    known: bool = False  # from people.tsv
    learned: bool = True  # met while reading the text, not only while resolving an attribution
    _starts: list[int] = field(default_factory=list, repr=False)

    @property
    def first_seen(self) -> int:
        return self._starts[0] if self._starts else 1 << 40

    def add_role(self, phrase: str, words: list[str]) -> None:
        post = post_of(words)
        first = phrase.split(" ", 1)[0]
        if first[:1].isupper() and not first.isupper() and not first[1:2].isupper():
            phrase = phrase[:1].lower() + phrase[1:]  # «Министр иностранных дел Германии» opened a sentence
        if post is None or phrase in self.roles:
            return
        self.roles.append(phrase)
        self.posts.append(post)

    def add_mention(self, m: Mention) -> bool:
        k = bisect.bisect_left(self._starts, m.start)
        if k < len(self._starts) and self._starts[k] == m.start:
            return False
        self._starts.insert(k, m.start)
        self.mentions.insert(k, m)
        return True

    def last_before(self, pos: int, subject: bool = False) -> Mention | None:
        k = bisect.bisect_left(self._starts, pos) - 1
        while k >= 0:
            if not subject or self.mentions[k].subject:
                return self.mentions[k]
            k -= 1
        return None


@functools.cache
def _people_table() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """surname key → (canonical name, gender, roles) of the well-known figures in people.tsv."""
    out = {}
    for row in load_table("people.tsv"):
        name = row["name"]
        key = surname_key(name.split()[-1])
        roles = tuple(r.strip() for r in (row.get("roles") or "").split(";") if r.strip())
        out[key] = (name, row.get("gender") or "masc", roles)
    return out


@functools.cache
def _org_sections() -> dict[str, tuple[str, ...]]:
    return load_sections("organisations.txt")


def org_heads() -> frozenset[str]:
    return frozenset(_org_sections().get("heads", ()))


@functools.cache
def _aliases() -> dict[str, tuple[str, ...]]:
    out = {}
    for line in _org_sections().get("aliases", ()):
        if "=" in line:
            a, b = (x.strip() for x in line.split("=", 1))
            out[a] = tuple(b.split())
    return out


def org_key(lemmas: list[str]) -> tuple[str, ...]:
    """Lemmas with short forms spelt out: «Минфин» and «Министерство финансов» share a key."""
    out: list[str] = []
    for lem in lemmas:
        out.extend(_aliases().get(lem, (lem,)))
    return tuple(out)


class Cast:
    """The participants of one text and their mentions, in text order."""

    def __init__(self, text: str, end: int | None = None, quoted: list[tuple[int, int]] = (),
                 skip: list[tuple[int, int]] = ()) -> None:
        self.text = text
        self.skip = sorted(skip)  # page furniture: nobody there is a participant
        self.end = len(text) if end is None else end
        self.quoted = sorted(quoted)  # quote and turn spans: mentions inside are no antecedents
        self._quoted_starts = [a for a, _ in self.quoted]
        self.participants: list[Participant] = []
        self._by_name: dict[str, Participant] = {}
        self.by_key: dict[str, list[Participant]] = {}
        # the author's sentences: a quote of five sentences puts no distance between its speaker and
        # the pronoun after it
        self._sentence_starts = [0] + [m.end() for m in SENTENCE_BREAK.finditer(text, 0, self.end)
                                       if not self.in_quote(m.start())]
        self.addresses: list[tuple[str, str]] = []  # «Владимир Владимирович»: (first name, patronymic)
        self.aliases: dict[str, Participant] = {}  # «КСИР» → the body it abbreviates
        self._index: list[tuple[Mention, Participant]] = []  # every mention, in text order
        self._index_starts: list[int] = []
        self.learning = True  # participants added from now on come from resolving attributions
        self._learn_people()

    # ------------------------------------------------------------ registry
    def get(self, name: str) -> Participant | None:
        return self._by_name.get(name)

    def add(self, p: Participant) -> Participant:
        """Register a participant, or return the one already holding its canonical name."""
        old = self._by_name.get(p.name)
        if old is not None:
            return old
        p.learned = self.learning
        self.participants.append(p)
        self._by_name[p.name] = p
        if p.kind == "person" and p.key:
            self.by_key.setdefault(p.key, []).append(p)
        return p

    def person(self, first: str | None, surname: str, gender: str, nominative: bool = False) -> Participant:
        sur = surname if nominative else nominative_surname(surname, gender)
        key = surname_key(sur)
        for p in self.by_key.get(key, ()):
            if p.first == first or (first and p.first and p.first[:1] == first[:1] and p.known):
                return p
            if first is None or p.first is None:
                return p
        name = f"{first} {sur}" if first else sur
        return self.add(Participant(name, "person", gender, key, first))

    def mention(self, p: Participant, start: int, end: int, subject: bool) -> None:
        if self._skipped(start):
            return
        m = Mention(start, end, subject)
        if p.add_mention(m):
            k = bisect.bisect_left(self._index_starts, start)
            self._index_starts.insert(k, start)
            self._index.insert(k, (m, p))

    def at(self, pos: int) -> Participant | None:
        """The participant a mention covering ``pos`` names."""
        k = bisect.bisect_right(self._index_starts, pos) - 1
        while k >= 0 and pos - self._index_starts[k] < 200:
            m, p = self._index[k]
            if m.start <= pos < m.end:
                return p
            k -= 1
        return None

    def recent(self, pos: int):
        """Mentions before ``pos``, latest first, as (mention, participant)."""
        k = bisect.bisect_left(self._index_starts, pos) - 1
        while k >= 0:
            yield self._index[k]
            k -= 1

    # ------------------------------------------------------------ learning people
    def _learn_people(self) -> None:
        text, end = self.text, self.end
        caps = list(_CAP_WORD.finditer(text, 0, end))
        taken: set[int] = set()  # starts of capitalised words read as part of a full name
        k = 0
        while k < len(caps) - 1:
            m, nxt = caps[k], caps[k + 1]
            if text[m.end() : nxt.start()] != " ":
                k += 1
                continue
            a, b = m.group(0), nxt.group(0)
            third = caps[k + 2] if k + 2 < len(caps) and text[nxt.end() : caps[k + 2].start()] == " " else None
            if third is not None and first_name(b) and is_patronymic(third.group(0)) and surname_like(a) \
                    and not first_name(a):
                # Лукашенко Александр Григорьевич (surname first, as in a tooltip)
                fb = first_name(b)
                p = self.person(fb[0], a, fb[1], nominative=True)
                self.mention(p, m.start(), third.end(), True)
                taken.update((m.start(), nxt.start(), third.start()))
                k += 3
                continue
            fa = first_name(a, oblique=declined_surname(b, a))
            if fa and not _is_role(a) and (is_patronymic(b) or (_patronymic_reading(b) and self.in_quote(m.start()))):
                # «Андреем Александровичем» in a turn is an address; «Роман Абрамович» in the narrative a surname
                if third is not None and _surname_slot(third.group(0)):
                    # Владимир Владимирович Путин
                    p = self.person(fa[0], third.group(0), fa[1])
                    self.mention(p, m.start(), third.end(), _nominative(third.group(0)))
                    self._roles_around(p, m.start(), third.end())
                    taken.update((m.start(), nxt.start(), third.start()))
                    k += 3
                    continue
                self.addresses.append((fa[0], b))  # «Владимир Владимирович, …» — an address
                k += 2
                continue
            pair = self._read_pair(a, b, m.start(), nxt.end())
            if pair is not None and third is not None and surname_ending(third.group(0)) is not None and (
                    (first_name(a) is None and surname_ending(b) is None)
                    or (known_first_name(b) and (first_name(b) or ("",))[0] == b
                        and (first_name(a) or ("",))[0] != a)):  # «Астане» is no nominative: the pair after agrees
                pair = None  # «порта Курык Ерлан Тулегенов», «в Астане Олжас Бекенов»: the name is the pair after
            if pair is not None:
                given, gender, subject = pair
                last = nxt
                if third is not None and _surname_slot(third.group(0)) and not known_first_name(third.group(0)) \
                        and (known_first_name(b) or not place_or_body(b) and surname_ending(b) is None
                             and not morph.analyzer().word_is_known(b.lower())):
                    last = third  # Кейт Пентус Роозиманнус, Жозе Мануэл Баррозу, Андерс Фог Расмуссен
                surname = last.group(0)
                if given != a and not subject and surname_ending(surname) is None \
                        and surname.endswith(a[len(given):]) and not _dictionary_surname(surname):
                    surname = surname[: len(surname) - (len(a) - len(given))]  # «Шольца» → «Шольц»
                    subject = True  # the forms are now the nominative: kept as they are
                p = self.person(given if last is nxt else f"{given} {b}", surname, gender, nominative=subject)
                subject = pair[2]
                self.mention(p, m.start(), last.end(), subject)
                self._roles_around(p, m.start(), last.end())
                taken.update(x.start() for x in (m, nxt, last))
                k += 3 if last is third else 2
                continue
            k += 1
        for m in _INITIAL.finditer(text, 0, end):
            label = text.startswith(":", m.end())  # «А.Слугина:» a transcript label: the speaker's words follow
            p = self._initials_person(m.group(1).replace(" ", ""), m.group(2), at=m.end() if label else None)
            self.mention(p, m.start(), m.end(), True)
            taken.add(m.start(2))
        known = _people_table()
        for m in caps:
            if m.start() in taken:
                continue
            word = m.group(0)
            key = surname_key(word)
            people = self.by_key.get(key, ())
            if not people and key in known and _surname_slot(word):
                name, gender, roles = known[key]
                p = self.add(Participant(name, "person", gender, key, name.rsplit(" ", 1)[0], known=True))
                for r in roles:
                    p.add_role(r, r.split())
                people = [p]
            if people and word != people[0].first:
                who = self._pick(people, m.start())
                # «Токаев» is the nominative of its person's surname whatever else the dictionary reads in
                # it; «Бишимбаева» of a man is his genitive, though a woman's nominative in the dictionary
                subject = norm_word(word) == norm_word(who.name.split()[-1]) or (
                    who.gender is None and _nominative(word))
                self.mention(who, m.start(), m.end(), subject)
            elif not people:
                self._given_name_alone(m, taken)
        for p in self.participants:
            entry = known.get(p.key)
            if entry and not p.known and p.first and entry[0].startswith(p.first + " "):
                p.known = True  # «Владимир Путин» named in full: the well-known figure's posts apply too
                for r in entry[2]:
                    p.add_role(r, r.split())

    def _given_name_alone(self, m: re.Match, taken: set[int]) -> None:
        """«Марк, рабочий из цеха …, назвал …»: a given name without a surname is a person when a person
        noun follows it after a comma or a past-tense verb of its gender does; later mentions of the
        name in the nominative point back to it."""
        word = m.group(0)
        if not known_first_name(word) or m.start() in taken:
            return
        fn = first_name(word)
        if fn is None or fn[0] != word:
            return  # only the nominative introduces someone
        nxt = re.match(r"(,\s*)?([а-яё-]+)", self.text[m.end() : m.end() + 40])
        if not nxt:
            return
        if nxt.group(1) and not is_person_noun(nxt.group(2)):
            return
        if not nxt.group(1) and _past_gender(nxt.group(2)) != fn[1]:
            return
        p = self._by_name.get(word) or self.add(Participant(word, "person", fn[1], surname_key(word), word))
        self.mention(p, m.start(), m.end(), True)

    def _read_pair(self, a: str, b: str, start: int, end: int) -> tuple[str, str, bool] | None:
        """(given name in the nominative, gender, whether the pair is in the nominative) of «a b» read
        as a given name and a surname, or None.

        «Гинаятова», «Исина», «Султанова» are a woman's nominative or a man's genitive: the word after
        (a past-tense verb's gender), the word before (a preposition; a role noun whose case the name
        shares; an inverted verb's gender) and the text's other forms of the surname («Исиной») decide;
        with no evidence the nominative is read, as a name is most often first met as a subject.
        """
        if _is_role(a) or country_of_word(a) or len(b) < 3 or not _surname_slot(b, after_given=known_first_name(a)):
            return None
        if a == b:
            return None  # «Патриарх … Кирилл Кирилл Патриарх …»: a scraped tooltip repeats the name, no surname
        if self.text[max(0, start - 1) : start] in ("«", '"', "„"):
            return None  # «Кызылжар Су», "Батыс су арнасы": a quoted name is a company's, not a person's
        ending = surname_ending(b)
        if place_or_body(a) and not ((ending is not None or not morph.analyzer().word_is_known(b.lower()))
                                     and self._named_by_context(start, end)):
            # «Дархан», «Назым» are places too: a given name only with a clear surname (or one the
            # dictionary does not know: «Назым Кахарман») where a name is due
            return None
        known = first_name(a)
        if known is None and not (given_slot(a) and (ending is not None or _dictionary_surname(b)
                                                     or self._named_by_context(start, end))):
            return None
        if known is None and morph.analyzer().word_is_known(a.lower()) and not _name_reading(a) and not (
                self._after_role(start) and any("nomn" in p.tag.grammemes for p in morph.parses(a.lower())[:3])):
            # a common noun as a given name only right after a role («Министр энергетики Канат Сарбасов»):
            # «Требование Путина …», «на Острове Уайт» are no names
            return None
        if ending is None or ending == "":
            if ending is None and not known:
                # «с Ваагном Хачатуряном»: the surname's case ending comes off the unknown given name too
                nom = nominative_surname(b, "masc")
                tail = b.lower()[len(nom):] if b.lower().startswith(nom.lower()) else ""
                if tail:
                    return (nominative_given(a, tail), "masc", False)
                shared = next((e for e in _OBLIQUE_ENDINGS if a.endswith(e) and b.endswith(e)), None)
                if shared and not self._woman(a, b, start, end):
                    # «канцлера Германии Олафа Шольца»: two foreign names with one case ending, in an oblique place
                    return (a[: -len(shared)], "masc", False)
                return (a, "masc", _nominative(b))
            fa = first_name(a, oblique=False) if known else (a, "masc")
            subject = ending == "" or _nominative(b)
            if known and ending is None and not _dictionary_surname(b):
                # «канцлера Австрии Карла Нехаммера»: «Карла» is Carla or Karl's genitive; in an oblique
                # place it is Karl's, and the foreign surname declines alike
                masc = [p for p in morph.parses(a.lower())[:8] if {"Name", "masc"} <= p.tag.grammemes
                        and "nomn" not in p.tag.grammemes]
                femn = any({"Name", "femn", "nomn"} <= p.tag.grammemes for p in morph.parses(a.lower())[:8])
                if masc and (not femn or not self._woman(a, b, start, end)):
                    given = _as_written_name(masc[0].normal_form, a)
                    if a.startswith(given) and b.endswith(a[len(given):]):
                        return (given, "masc", False)
            if known and not any("nomn" in p.tag.grammemes and "Name" in p.tag.grammemes
                                 for p in morph.parses(a.lower())[:6]):
                fa, subject = first_name(a, oblique=True), False  # «Ильхамом Алиевым»
            return (fa[0], fa[1], subject)
        if ending != "а":  # «Токаевым», «Гинаятовой», «Алиеву»: a declined surname
            gender = "femn" if ending in ("ой", "ою") else "masc"
            if ending == "у" and self._accusative(start):
                gender = "femn"  # «спросили министра Алию Гинаятову»: a woman's accusative, not a man's dative
            if known:
                readings = [p for p in morph.parses(a.lower())[:8] if "Name" in p.tag.grammemes
                            and gender in p.tag.grammemes and "nomn" not in p.tag.grammemes and "Fixd" not in p.tag.grammemes]
                if readings:
                    nom = _as_written_name(readings[0].normal_form, a)
                    return (nom, gender, False)
                if gender == "femn":
                    return (feminine_given(a, ending), gender, False)
                fa = first_name(a, oblique=True)
                return (fa[0], fa[1], False)
            return (nominative_given(a, ending) if gender == "masc" else feminine_given(a, ending), gender, False)
        femn = self._woman(a, b, start, end)
        if femn:
            fa = [p for p in morph.parses(a.lower())[:6] if {"Name", "femn", "nomn"} <= p.tag.grammemes]
            return (a if fa or not known else a, "femn", True)
        if known:
            fa = first_name(a, oblique=True)
            return (fa[0], "masc", False)
        return (nominative_given(a, "а"), "masc", False)

    def _sentence_start(self, start: int) -> bool:
        before = self.text[max(0, start - 3) : start].rstrip(" \t\u00a0«\"„(")
        return not before or before[-1] in ".!?…\n"

    def _named_by_context(self, start: int, end: int) -> bool:
        """Whether the place of two capitalised words makes them a name the dictionary cannot tell:
        after a role («гендиректор Delko Ерлан Сейткали») or a speech verb («заявил Дейв Донателли»),
        before a role set off by a comma («Дейв Донателли, глава отдела …») or a past-tense verb."""
        if self._after_role(start):
            return True
        prev = re.findall(r"[\w-]+", self.text[max(0, start - 30) : start])
        if prev and re.search(r"\w\s*$", self.text[max(0, start - 30) : start]):
            from .quotes import is_speech_verb

            if is_speech_verb(prev[-1]):
                return True
        m = re.match(r"(,\s*)?([а-яё-]+)", self.text[end : end + 40].lstrip(" "))
        if m:
            word = m.group(2)
            return bool(_past_gender(word)) if not m.group(1) else is_person_noun(word)
        return False

    def _after_role(self, start: int) -> bool:
        """Whether a role phrase stands right before: «гендиректор компании «Кызылжар Авто» Ерлан Сейткали»."""
        words = re.findall(r"[\w-]+|[^\w\s«»\"„“”]", self.text[max(0, start - 80) : start])
        for w in reversed(words[-6:]):
            if not re.match(r"\w", w):
                return False
            if is_role_word(norm_word(morph.lemma(w))) or (not w[:1].isupper() and is_person_noun(w)):
                return True  # «Министр энергетики Канат …», «главный инженер "Батыс су арнасы" Аян Таскали»
        return False

    def _apposition_head(self, start: int) -> str | None:
        """The role noun heading the phrase a name stands in apposition to: «пресс-секретарю» in
        «пресс-секретарю президента России Дмитрию Пескову» (not «президента», its complement)."""
        before = re.findall(r"[\w-]+|[^\w\s«»\"„“”]", self.text[max(0, start - 80) : start].rsplit("\n", 1)[-1])
        head = None
        for w in reversed(before[-8:]):
            if not re.match(r"\w", w) or w.lower() in _PREPOSITIONS:
                break
            if morph.parses(w.lower())[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS", "CONJ"):
                break
            if is_role_word(norm_word(morph.lemma(w))):
                head = w
        return head

    def _accusative(self, start: int) -> bool:
        """Whether the words before a name put it in the accusative: a transitive verb, or a role noun in it."""
        head = self._apposition_head(start)
        if head is not None:
            return any("accs" in p.tag.grammemes for p in morph.parses(head.lower())[:2])
        before = re.findall(r"[\w-]+|[^\w\s]", self.text[max(0, start - 80) : start])
        for w in reversed(before[-6:]):
            if not re.match(r"\w", w) or w.lower() in _PREPOSITIONS:
                return False
            if any(p.tag.POS == "VERB" and "tran" in p.tag.grammemes for p in morph.parses(w.lower())[:2]):
                return True
        return False

    def _woman(self, a: str, b: str, start: int, end: int) -> bool:
        """Whether «Алия Гинаятова» (not «Руслана Жумагазиева», a man's genitive) is a woman's nominative."""
        text = self.text
        # what the text says of the man first: a verb or a role next to the name may agree with a kinship
        # noun before it («бывшая супруга Куандыка Бишимбаева опубликовала …»), not with the name
        stem = surname_key(b)
        masculine = (first_name(a, oblique=True) or (nominative_given(a, "а"),))[0]
        if any(p.gender == "masc" and p.first == masculine for p in self.by_key.get(stem, ())):
            return False  # «Куандык Бишимбаев» named before: «жена Куандыка Бишимбаева» is his genitive
        woman_name = any({"Name", "femn", "nomn"} <= p.tag.grammemes for p in morph.parses(a.lower())[:6])
        if not woman_name and re.search(rf"(?i)(?<![\w-]){re.escape(stem)}(?:ым|ом)?(?![\w-])", text):
            return False  # the text writes «Бишимбаев» too, and «Куандыка» is no woman's name
        after = re.match(r"\s+([а-яё]+)", text[end : end + 40])
        if after:
            g = _past_gender(after.group(1))
            if g:
                return g == "femn"
        line = text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
        before = re.findall(r"[\w-]+|[^\w\s«»\"„“”]", line)  # quote marks are transparent: «движения "Женщины Казахстана" Даметкен …»
        verb_gender = None
        for k, w in enumerate(reversed(before[-8:])):
            if not re.match(r"\w", w):
                break
            if w.lower() in _PREPOSITIONS or w.lower() in ("словам", "мнению", "оценке"):
                return False  # «с Русланом …», «по словам подрядчика Нурлана Омарова»
            g = _past_gender(w)
            if g and k == 0:
                return g == "femn"  # «сказала Дана Исина»
            if is_role_word(norm_word(morph.lemma(w))):  # the role the name stands in apposition to
                w = self._apposition_head(start) or w
                cases = {c for p in morph.parses(w.lower())[:3] for c in ("nomn", "gent", "accs", "datv", "ablt")
                         if c in p.tag.grammemes}
                if cases == {"nomn"}:
                    return True  # «руководитель управления туризма Алматы Динара Жумабаева»
                if "nomn" not in cases:
                    return False  # «министра здравоохранения Алию …», «пресс-секретаря Руслана …»
                break
            if morph.parses(w.lower())[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS"):
                verb_gender = g  # the verb the name may be the inverted subject of
                break
        if re.search(rf"(?i)(?<![\w-]){re.escape(stem)}(?:ой|ою)(?![\w-])", text):
            return True
        if before and re.match(r"\w", before[-1]):
            p = morph.parses(before[-1].lower())[0]
            if p.tag.POS == "NOUN" and "inan" in p.tag.grammemes and not before[-1][:1].isupper():
                return False  # «встреча Владимира Путина»: a thing's genitive complement
            if p.tag.POS == "NOUN" and {"anim", "femn", "nomn"} <= p.tag.grammemes:
                return True  # «местная активистка Асия Тюлюбаева»: a woman's apposition
        if verb_gender:
            # «поделилась пенсионер и местная активистка Асия Тюлюбаева», «заявила жена Ивана Сергеева Марина Сергеева»
            return verb_gender == "femn"
        # no evidence: the dictionary's weights of the readings decide («Дмитрия» is a man's genitive at
        # 0.98, «Алия» a woman's nominative at a third); an unknown given name is read as written
        names = [p for p in morph.parses(a.lower())[:6] if "Name" in p.tag.grammemes]
        if not names or not morph.analyzer().word_is_known(a.lower()):
            return True  # a given name the dictionary does not know is read as written
        femn = sum(p.score for p in names if {"femn", "nomn"} <= p.tag.grammemes)
        return femn >= 0.3 * sum(p.score for p in names)

    def _initials_person(self, initials: str, surname: str, label: bool = False, at: int | None = None) -> Participant:
        """В.Путин → the Путин the text names in full, a known figure, the name a speaker gives right after
        a label («А.Слугина: … Я Слугина Алёна»), or the address «Владимир Владимирович».

        ``label``: the surname comes from a transcript label, which is always in the nominative, so a
        person first met declined («с Бадрой Гунбой», «к Г.Анцеву») takes the label's form.
        """
        key = surname_key(surname)
        for p in self.by_key.get(key, ()):
            if not p.first or p.first[:1] == initials[:1]:
                if label:
                    self.to_nominative(p, surname)
                return p
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
            surname = nominative_surname(surname, "masc") if surname_ending(surname) not in (None, "", "а") else surname
        return self.add(Participant(f"{initials}{surname}", "person", None, key, None))

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

    def _pick(self, people: list[Participant], pos: int) -> Participant:
        """Of a family sharing a surname, the one last named before ``pos``."""
        if len(people) == 1:
            return people[0]
        return max(people, key=lambda p: (m.start if (m := p.last_before(pos)) else -1))

    def _roles_around(self, p: Participant, start: int, end: int) -> None:
        """The role phrase right before a full name, and one after it set off by a comma."""
        text = self.text
        left = text[max(0, start - ROLE_REACH) : start]
        cut = max(left.rfind(c) for c in ".!?;:,()\n—–")
        left = left[cut + 1 :] if cut >= 0 else left
        words = _WORD.findall(left.replace("«", " ").replace("»", " ").replace('"', " "))
        for i in range(len(words) - 1, -1, -1):  # «Журналисты спросили министра …»: the role starts after the verb
            if morph.parses(words[i].lower())[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS") \
                    or words[i].lower() in ("и", "а", "но", "или") and any(is_person_noun(w) for w in words[i + 1 :]):
                # «… Жаксыбекова и вице-министр Ерлан Аукенов» (not «Комитета по обороне и воинским частям МЧС»)
                words = words[i + 1 :]
                break
        for i, w in enumerate(words):
            if is_person_noun(w):
                j = i
                while j > 0 and _adjective(words[j - 1]):
                    j -= 1
                phrase = " ".join(words[j:])
                p.add_role(_nominative_head(phrase), words[j:])
                break
        # Всеволод Чаплин, глава синодального Отдела …  ·  Александра Брода, известного борца …, члена …
        m = re.match(r",\s+([^,.;:!?()\n«»\"]{3,120})", text[end : end + 130])
        if m:
            words = _WORD.findall(m.group(1))
            k = 0
            while k < len(words) - 1 and _adjective(words[k]):
                k += 1
            if words and is_person_noun(words[k]):
                p.add_role(_nominative_head(" ".join(words)), words)

    @functools.cached_property
    def _home(self) -> tuple:
        counts: dict[str, tuple[int, object]] = {}
        for m in _WORD.finditer(self.text, 0, self.end):
            w = m.group(0)
            c = country_of_word(w) if len(w) > 2 else None
            if c:
                n, _ = counts.get(c[0].name, (0, None))
                counts[c[0].name] = (n + 1, c[0])
        ranked = sorted(counts.values(), key=lambda x: -x[0])
        if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]):
            return (ranked[0][1],)
        return (None,)

    def home_country(self):
        """The country the text is about, when one clearly dominates (twice the next, at least twice)."""
        return self._home[0]

    # ------------------------------------------------------------ places in the text
    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def _skipped(self, pos: int) -> bool:
        k = bisect.bisect_right(self.skip, (pos, 1 << 62)) - 1
        return k >= 0 and pos < self.skip[k][1]

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and pos < self.quoted[k][1]

    # ------------------------------------------------------------ lookups
    def people(self) -> list[Participant]:
        return [p for p in self.participants if p.kind == "person"]

    def main(self) -> Participant | None:
        """The text's main actor: the person of the lead, then the most mentioned."""
        people = [p for p in self.people() if p.mentions]
        if not people:
            return None
        first = min(people, key=lambda p: p.first_seen)
        return max(people, key=lambda p: (len(p.mentions) + 2 * bool(p.roles) + 3 * (p is first), -p.first_seen))

    def antecedent(self, pos: int, gender: str | None, number: str | None = "sing",
                   last: Participant | None = None, since: int = -1) -> Participant | None:
        """«добавил он»: the participant a pronoun or a subjectless verb points back to.

        ``last`` spoke last (its quote ended at ``since``): it keeps the floor unless another
        participant of that gender was named as a subject after it; otherwise the participant named
        latest as a subject in this sentence or the few before (a sentence that introduces a new
        person moves the focus to them), then the latest named at all.
        """
        kinds = ("person",) if number != "plur" else ("group", "organisation")

        def fits(p: Participant) -> bool:
            return p.kind in kinds and not (gender and p.gender and p.gender != gender)

        here = self.sentence_of(pos)
        ranked = []
        for m, p in self.recent(pos):
            distance = here - self.sentence_of(m.start)
            if distance > SUBJECT_SENTENCES:
                break
            if fits(p) and not self.in_quote(m.start):
                ranked.append(((distance, not m.subject, -m.start), p, m))
        ranked.sort(key=lambda r: r[0])
        if last is not None and fits(last):
            newer = [r for r in ranked if r[1] is not last and r[2].subject and r[2].start > since]
            return newer[0][1] if newer else last
        if ranked:
            return ranked[0][1]
        fallback = [p for p in self.participants if fits(p) and p.last_before(pos)]
        return max(fallback, key=lambda p: p.last_before(pos).start, default=None)

    def holder(self, post: Post, pos: int) -> Participant | None:
        """«сказал министр»: the person introduced with that post; of several, the one in focus."""
        from .roles import compatible

        fits = [p for p in self.people() if any(compatible(post, h) for h in p.posts)]
        if post.head_of_state:
            fits = fits or [p for p in self.people() if any(h.head_of_state for h in p.posts)]
            if len(fits) > 1 and post.country is None:
                main = self.main()
                if main in fits:
                    return main
        if not fits:
            return None
        if len(fits) == 1:
            return fits[0]
        return max(fits, key=lambda p: ((m := p.last_before(pos)) is not None, m.start if m else -1))


def _as_written_name(lemma: str, written: str) -> str:
    nom = lemma.replace("ё", "е") if "ё" not in written.lower() else lemma
    return "-".join(part.capitalize() for part in nom.split("-"))


_OBLIQUE_ENDINGS = ("ом", "ем", "а", "у", "ю", "е")  # a man's foreign name declined: Олафа Шольца, Олафом Шольцем

_PREPOSITIONS = frozenset("с со у от для до без из к ко о об при про за над под перед между".split())


@functools.lru_cache(maxsize=50_000)
def _past_gender(word: str) -> str | None:
    """The gender of a past-tense verb form («сказала» → femn) or of a short form that attributes
    speech («уверена», «убеждена»), else None."""
    from .quotes import is_speech_verb

    for p in morph.parses(word.lower())[:2]:
        if p.tag.POS == "VERB" and "past" in p.tag.grammemes or p.tag.POS in ("PRTS", "ADJS") and is_speech_verb(word):
            return "femn" if "femn" in p.tag.grammemes else "masc" if "masc" in p.tag.grammemes else None
    return None


@functools.lru_cache(maxsize=50_000)
def _patronymic_reading(word: str) -> bool:
    return any("Patr" in p.tag.grammemes for p in morph.parses(word.lower())[:4])


@functools.lru_cache(maxsize=50_000)
def _name_reading(word: str) -> bool:
    return any("Name" in p.tag.grammemes for p in morph.parses(word.lower())[:4])


@functools.lru_cache(maxsize=50_000)
def _dictionary_surname(word: str) -> bool:
    return any("Surn" in p.tag.grammemes for p in morph.parses(word.lower())[:4])


@functools.lru_cache(maxsize=50_000)
def _is_role(word: str) -> bool:
    """A role noun in the singular: «Министр», «Аким»; not «Султанов» (a surname, though «султанов»
    is also the genitive plural of «султан»)."""
    return any(is_role_word(norm_word(p.normal_form)) and "plur" not in p.tag.grammemes
               for p in morph.parses(word.lower())[:3])


def _surname_slot(word: str, after_given: bool = False) -> bool:
    """Whether a capitalised word after a given name can be the surname: not a role, a patronymic or a
    country; after a given name the dictionary knows, a word that is also a place or another given name
    is a surname too («Дмитрий Ливанов», «Ричард Вагнер», «Алексей Карп»)."""
    if _is_role(word) or is_patronymic(word) or country_of_word(word):
        return False
    if after_given:
        return True
    return not place_or_body(word) and (not known_first_name(word) or surname_like(word))


@functools.lru_cache(maxsize=50_000)
def _nominative(word: str) -> bool:
    """Whether a name form can be the nominative: «Токаев», «Пауэр» (indeclinable), not «Токаева»."""
    ps = [p for p in morph.parses(word.lower())[:4] if p.score >= 0.1]
    return any("nomn" in p.tag.grammemes for p in ps) or not any(p.tag.POS == "NOUN" for p in ps)


@functools.lru_cache(maxsize=50_000)
def _adjective(word: str) -> bool:
    """An adjective that can be part of a role («первый», «постоянный»), not a pronoun («тот», «этот»)."""
    return any(p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag.grammemes for p in morph.parses(word.lower())[:2])


@functools.lru_cache(maxsize=20_000)  # pymorphy3 inflects slowly; bodies and roles recur
def _nominative_head(phrase: str, body: bool = False) -> str:
    """«пресс-службы акимата» → «пресс-служба акимата», «Всемирного банка» → «Всемирный банк»: the
    head noun and the adjectives before it in the nominative, agreeing; the complements as written.

    ``body``: the phrase names one organisation, whose name is singular: of the dictionary's guesses
    at an unknown name a singular one is taken («сообщении Акорды» → «Акорда», not «Акорды»).
    """
    words = phrase.split()
    head = next((k for k, w in enumerate(words) if any(p.tag.POS == "NOUN" for p in morph.parses(w.lower())[:1])),
                None)
    if head is None:
        return phrase.strip()
    noun, gender, number = _nominative_noun(words[head], body)
    out = []
    for k, w in enumerate(words[:head]):
        form = None
        for p in morph.parses(w.lower())[:3]:
            if p.tag.POS in ("ADJF", "PRTF"):
                wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
                form = p.inflect(wanted)
                break
        out.append(_cap_as(form.word, w) if form is not None else w)
    out.append(_cap_as(noun, words[head]))
    return " ".join(out + words[head + 1 :])


@functools.lru_cache(maxsize=20_000)  # pymorphy3 inflects slowly; bodies and roles recur
def _nominative_noun(word: str, singular: bool = False) -> tuple[str, str | None, str]:
    """(the noun in the nominative, its gender, its number)."""
    parses = morph.parses(word.lower())[:5]
    if singular and not any("Pltm" in p.tag.grammemes for p in parses[:1]):
        parses = sorted(parses, key=lambda p: "sing" not in p.tag.grammemes)
    for p in parses[:3]:
        if p.tag.POS != "NOUN":
            continue
        number = "plur" if "plur" in p.tag.grammemes else "sing"
        gender = next((g for g in ("masc", "femn", "neut") if g in p.tag.grammemes), None)
        if "nomn" in p.tag.grammemes:
            return word.lower(), gender, number
        form = p.inflect({"nomn", number})
        if form is not None:
            return form.word, gender, number
    return word.lower(), None, "sing"


def _cap_as(form: str, written: str) -> str:
    if written.isupper() and len(written) > 1:
        return written
    form = form.replace("ё", "е") if "ё" not in written.lower() else form
    return form[:1].upper() + form[1:] if written[:1].isupper() else form
