"""People a text introduces by a given name alone: «Марк, рабочий из цеха …, назвал …», «24-летняя Мафтуна»,
«Мигрант из Куляба Фаридун», «Бишкекчанка Айпери», «— говорит Талант, 28-летний курьер», a church name after a
clergy title («Патриарх Московский и всея Руси Кирилл»).

``GivenNames`` is a part of ``speakers.Cast`` (through ``people.PeopleLearning``): it adds people through the
cast's registry (``add``, ``mention``, ``people``) and reads the cast's ``text``.
"""

from __future__ import annotations

import bisect
import functools
import re

from . import morph, regexes
from .name_places import NamePlaces, place_noun
from .name_sex import _feminine_noun, _masculine_noun, _past_gender, listed_woman
from .name_words import demonym
from .names import (family_plural, feminine_given, first_name, given_slot, is_patronymic, known_first_name,
                    nominative_given, place_or_body, surname_ending, surname_key)
from .participants import Participant
from .roles import country_of_word, is_person_noun, is_role_word
from .text import norm_word, word_after, word_before
from .wordlists import load_words

_FROM_PLACE_AFTER = regexes.compile(r" из [А-ЯЁ][а-яё-]+ [а-яё]")  # «Шахзод | из Ферганы работает»
# «Ион| и Мария Русу»: a second given name and the surname the two share
_AND_GIVEN_SURNAME = regexes.compile(r" и ([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")
_NEXT_WORD = regexes.compile(r"(,\s*)?\s*(?:сама?\s+)?([а-яё-]+)")  # the word after a name («Ион | сам | перестроил»)
_SELF_BEFORE = regexes.compile(r"(?<![\w-])[Сс]ама?[ \t]+$")  # «Сама | Настя …», «Сам | Ерлан …»
_CASE_LETTERS = "аяыиуюеь"  # the last letters of a given name's case forms («Фаридуна», «Ивану», «Игорю», «Марате»)
_WORD_BEFORE_COMMA = regexes.compile(r"(?<![\w-])([А-ЯЁа-яё][а-яё]+), $")  # «ученику|, Жасуру»
_SENTENCE_LEAD = regexes.compile(r"([А-ЯЁ][а-яё-]*(?: [\w-]+){0,5})$")  # «Мать Фарруха»: a phrase before the comma
_APPOSED_PERSON = regexes.compile(r", (?:\d+-летн(?:ий|яя) )?([а-яё-]+)")  # «Талант|, 28-летний курьер»
_CALLED_SO = regexes.compile(r"(?<![\w-])(?:назвавш|представивш)(ийся|аяся)[ \t]+(?:себя[ \t]+)?$")  # «назвавшийся | Бакытом»
_RESIDENT_OF_A_PLACE = regexes.compile(r"(?<![\w-])([А-ЯЁа-яё]+) [А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)? $")  # «Житель Талгара | Шерзод»
_FROM_A_PLACE = regexes.compile(r"(?<![\w-])([А-ЯЁа-яё-]+) из [А-ЯЁ][а-яё-]+ $")  # «Мигрант из Куляба | Фаридун»
_AGE_BEFORE = regexes.compile(r"(?<![\w-])(?:\d+-|[а-яё]+)летн(ий|яя|его|ему|им|ем|юю|ей)[ \t]+$")
_BY_NAME = regexes.compile(r"(?<![\w-])по[ \t]+имени[ \t]+$")
_CAP_NEXT = regexes.compile(r"[ \t]+([А-ЯЁ][а-яё]*)")
_HONORIFIC = regexes.compile(r"-([а-яё]{2,6})(?![\w-])")  # «Рабига|-апа», «Бахтияр|-ака»
_WORD_RUN = regexes.compile(r"[А-ЯЁа-яё-]+|[^\sА-ЯЁа-яё-]")  # words, and any other mark as one
_REGNAL = regexes.compile(r"[ \t]+([IVX]{1,5})(?![\w-])")  # a monarch's or a pope's number: «Лев XIV», «Карл III»


def _see_adjective(word: str) -> bool:
    """A see's or a country's adjective in lower case right after a title («папа римский», «король иорданский»)."""
    return word[:1].islower() and morph.parses(word)[0].tag.POS == "ADJF"


_DEMONYM_LAST = frozenset("цанеЦАНЕ")  # the last letters of demonym_endings.txt: a look before reading the word


@functools.lru_cache(maxsize=8)
def _title_pattern(titles: frozenset[str]) -> re.Pattern[str]:
    """A word that begins as one of ``titles`` does (its stem: «патриарх», «пап»), in any case form."""
    stems = sorted({t[:-1] if t[-1] in "аеиоуыэюя" else t for t in titles}, key=len, reverse=True)
    alts = "|".join(f"[{x[0].upper()}{x[0]}]{re.escape(x[1:])}" for x in stems) or "(?!)"
    return regexes.compile(rf"(?<![А-ЯЁа-яё-])(?:{alts})[а-яё]*")


def _nominative_noun(word: str) -> bool:
    """Whether a noun reading of the word is a nominative («Мигрант», «Житель», «Таксист»)."""
    return any("nomn" in p.tag.grammemes for p in morph.parses(word.lower())[:2] if p.tag.POS == "NOUN")


def _known_given_name(word: str) -> bool:
    """Whether a word is a given name as written, a listed woman's («Гулбахор») or one the dictionary reads in the
    nominative («Ольга»): after «жительница» it is her name, not the place she lives in."""
    fn = first_name(word)
    return listed_woman(word) or fn is not None and fn[0] == word and known_first_name(word)


def _aged_given_name(word: str, ending: str) -> tuple[str, str] | None:
    """(nominative, sex) of a given name after an age's adjective in an oblique case («11-летнего Иона» → «Ион»,
    «8-летнюю Даниелу» → «Даниела»), or None when the word is no name in that case."""
    if ending in ("юю", "ей"):
        named = feminine_given(word, "у" if ending == "юю" else "ой")
        return (named, "femn") if named != word else None
    fn = first_name(word, oblique=True)
    if fn is not None and fn[0] != word and fn[1] == "masc":
        return fn
    named = nominative_given(word, {"его": "а", "ему": "у", "им": "ым", "ем": "е"}[ending])
    return (named, "masc") if named != word else None


def _genitive_complement(word: str) -> bool:
    """Whether a word's best reading is a noun in the genitive, what a trade is of («фуры», «магазина»); (noun_phrases
    has a looser test on its words, any reading, which this module cannot import: it builds the cast noun_phrases reads)."""
    p = morph.parses(word)[0]
    return p.tag.POS == "NOUN" and p.tag.case == "gent"


@functools.lru_cache(maxsize=20_000)
def _present_singular(word: str) -> bool:
    """Whether a word reads first as a verb of the present (or future) in the third person singular («учится»)."""
    p = morph.parses(word.lower())[0]
    return p.tag.POS == "VERB" and {"3per", "sing"} <= p.tag.grammemes and "past" not in p.tag.grammemes


@functools.lru_cache(maxsize=20_000)
def _name_only(word: str, gender: str | None = None) -> bool:
    """Whether a word reads as no common noun in the nominative (of ``gender``, if given) that could be a verb's
    subject in its place: «Айсель»; «Динара» (a «динар»'s genitive) before «написала»; not «Надежда», «Роза»."""
    return not any(p.tag.POS == "NOUN" and not {"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes
                   and "nomn" in p.tag.grammemes and (gender is None or gender in p.tag.grammemes)
                   for p in morph.parses(word.lower())[:4])


def _mans_nominative(word: str) -> bool:
    """Whether a given name reads as a man's, as written, and not as a form in «-а»/«-я» that may be a genitive
    («Михай», «Марат», «Василе»; not «Руслана», «Ильи»)."""
    fn = first_name(word)
    return fn is not None and fn == (word, "masc") and word[-1] not in "аяиыАЯИЫ"


class GivenNames(NamePlaces):
    """The part of ``speakers.Cast`` that reads people named by a given name alone (see the module's docstring)."""

    def _given_name_of_one_named(self, m: re.Match) -> Participant | None:
        """The person a given name alone names where the text named one person in full with it: «Фаррух Назаров …»,
        then «Фаррух переводит домой», «Сам Фаррух планирует». Only the name as written, the nominative (an oblique
        case, «Жена Шерзода», names someone's relative as often); not a pair's first word (a capitalised word after
        it), nor a name two people share."""
        if _CAP_NEXT.match(self.text, m.end()) or (low := m.group(0).lower()) not in self.first_names():
            return None
        named = self.named_in_full(low)
        return named[0] if len(named) == 1 else None

    def _given_name_alone(self, m: re.Match, taken: set[int]) -> None:
        """«Марк, рабочий из цеха …, назвал …»: a given name without a surname is a person when a person
        noun follows it after a comma or a past-tense verb of its gender does; later mentions of the
        name in the nominative point back to it."""
        word = m.group(0)
        if m.start() in taken:
            return
        # a word that may be a given name with no capitalised word after it: what every reading below asks
        slot = given_slot(word)
        alone = slot and not _CAP_NEXT.match(self.text, m.end())
        age = _AGE_BEFORE.search(self.text, max(0, m.start() - 30), m.start()) \
            if alone and "летн" in self.text[max(0, m.start() - 8) : m.start()] else None  # (most words have none)
        hon = _HONORIFIC.match(self.text, m.end()) if slot else None
        if hon is not None and hon.group(1).lower() in load_words("honorifics.txt") \
                and (fn := first_name(word) or ((word, "femn") if listed_woman(word) else None)) is not None \
                and fn[0] == word:
            # «— сказала Гулнора-опа»: a given name with an honorific after a hyphen names someone by it; the
            # honorific is how the text calls her, not her name («Гулнора»)
            self.given_name_person(word, m.start(), hon.end(), fn[1])
            return
        if age and age.group(1) in ("ий", "яя"):
            # «24-летняя Мафтуна, вышедшая замуж …»: an age's adjective before a capitalised word introduces
            # someone by the given name, of the adjective's sex
            self.given_name_person(word, m.start(), m.end(), "femn" if age.group(1) == "яя" else "masc")
            return
        ending = surname_ending(word) if age else None
        if age and (ending not in (None, "", "а") or ending == "а" and age.group(1) in ("его", "ему", "им", "ем")):
            # «спасли 45-летнего Ахмедова»: a private person by a surname in the adjective's case, never the people
            # table's figure of that surname
            p = self.person(None, word, "femn" if age.group(1) in ("юю", "ей") else "masc")
            self.mention(p, m.start(), m.end(), False)
            return
        if age and (named := _aged_given_name(word, age.group(1))) is not None:
            # «внуков — 11-летнего Иона и 8-летнюю Даниелу»: in a case the adjective shows, back to the nominative
            self.given_name_person(named[0], m.start(), m.end(), named[1], subject=False)
            return
        title = self._title_before(m.start()) if alone else None
        # (the name is in the title's case: «императора Карла IV» is Карл's, not a woman «Карла»)
        oblique = title is not None and not _nominative_noun(title) and first_name(word, oblique=True)
        num = _REGNAL.match(self.text, m.end()) if title is not None else None
        if title is not None \
                and (fn := oblique or first_name(word) or first_name(word, oblique=True) or (
                    (word, "masc") if num or not morph.analyzer().word_is_known(word.lower()) else None)) is not None:
            # «Патриарх Московский и всея Руси Кирилл», «с митрополитом Волоколамским Антонием»: a church name alone;
            # a regnal name with its number («папа римский Лев XIV», «король Хамад II»: a name, whatever else the
            # dictionary knows the word as)
            name, end = (f"{fn[0]} {num.group(1)}", num.end()) if num else (fn[0], m.end())
            p = self.given_name_person(name, m.start(), end, fn[1])
            self._roles_around(p, m.start(), end, fn[0] == word)
            return
        if alone and (called := _CALLED_SO.search(self.text, max(0, m.start() - 30), m.start())) is not None \
                and (fn := first_name(word, oblique=True)) is not None:
            # «Перекупщик, назвавшийся Бакытом, …», «Продавщица, представившаяся Марией, …»: the name they gave, in
            # the instrumental; the participle's ending says the sex
            self.given_name_person(fn[0], m.start(), m.end(), "femn" if called.group(1) == "аяся" else "masc")
            return
        if alone and not self.text.startswith("-", m.end()) and (noun := self._after_a_trade(m.start(), word)):
            # («Таксист Болат», «студент-практикант Бехруз»: the trade is theirs, «— вспоминает студент»; not
            # «пенсионерка Саодат-опа», a name with its honorific, read as one); a woman's noun says her sex
            # («жена Гулнигор», «продавщица Дильноза»), whatever the dictionary guesses of a name it lacks
            hers = _feminine_noun(noun) and not known_first_name(word)
            p = self.given_name_person(word, m.start(), m.end(), "femn" if hers else None)
            self._roles_around(p, m.start(), m.end())
            return
        if (pair := _AND_GIVEN_SURNAME.match(self.text, m.end())) is not None \
                and (fn := first_name(word)) is not None and fn[0] == word and known_first_name(word) \
                and (other := self.at(pair.start(1))) is not None and other.kind == "person" \
                and other.name.endswith(" " + pair.group(2)):
            # «Ион и Мария Русу», «Тимур и Асель Ким»: two given names sharing a surname that is written alike for
            # both (one that declines is in the plural: «Ерлан и Салтанат Абеновы», a family's)
            p = self.person(word, pair.group(2), fn[1], nominative=True)
            self.mention(p, m.start(), m.end(), True)
            return
        if alone and _SELF_BEFORE.search(self.text, max(0, m.start() - 6), m.start()) is not None \
                and (fn := first_name(word)) is not None and fn[0] == word and known_first_name(word):
            # «Сама Настя, которой сейчас двенадцать, показывает грамоты»: «сам», «сама» before a given name in the
            # nominative point at someone the text speaks of
            self.given_name_person(word, m.start(), m.end(), fn[1])
            return
        if alone and (before := word_before(self.text, m.start())) is not None and before[:1].islower() \
                and (is_person_noun(before) or _genitive_complement(before)) and self._voiced(m.start()) \
                and (fn := first_name(word, oblique=True)) is not None and fn[0] != word and known_first_name(fn[0]):
            # «По словам мамы ребенка Анастасии, …»: the source the sentence speaks for, named by a given name in its case
            # closing the phrase
            self.given_name_person(fn[0], m.start(), m.end(), fn[1])
            return
        if alone and ((head := self._between_commas_after_a_person_noun(m)) or self._named_by_given_name(m)):
            # («Мать Фарруха, Мавджуда, говорит …»: a given name set off by commas after the noun phrase opening the
            # sentence is that person's name; of the noun's sex where the dictionary does not know the name: «Муж
            # Гульбахор, Муратбай, …»)
            fn = first_name(word)
            sex = fn[1] if fn and fn[0] == word else None
            if sex is None and head:
                sex = "masc" if _masculine_noun(head) else "femn" if _feminine_noun(head) else None
            self.given_name_person(word, m.start(), m.end(), sex)
            return
        if alone and (fn := self._apposed_in_its_case(m)) is not None:
            # «Самому младшему ученику, Жасуру, четырнадцать»: set off by commas after a person noun, in its case
            self.given_name_person(fn[0], m.start(), m.end(), fn[1])
            return
        if not known_first_name(word):
            return
        fn = first_name(word)
        if fn is None or fn[0] != word:
            return  # only the nominative introduces someone
        nxt = _NEXT_WORD.match(self.text[m.end() : m.end() + 40])
        if not nxt:
            return
        if nxt.group(1) and not is_person_noun(nxt.group(2)):
            return
        if not nxt.group(1) and not self._subject_of_its_verb(m.start(), word, fn[1], nxt.group(2)):
            return
        self.given_name_person(word, m.start(), m.end())

    def _subject_of_its_verb(self, start: int, word: str, sex: str, verb: str) -> bool:
        """Whether a given name alone is the subject of the verb after it: a past tense of its sex («Динара написала
        нам»), or a present tense where the name opens the sentence («Айсель учится на дизайнера»); the word is no
        common noun that could be that subject, no post or place («Надежда есть», «Август выдался жарким», «Аким
        поручил», «Израиль нанёс удар»), nor a thing's genitive («роль Эдуарда сводилась»: the verb is the thing's)."""
        if is_person_noun(word) or place_or_body(word) or country_of_word(word):
            return False
        if _past_gender(verb) == sex:
            return _name_only(word, sex) and not self._genitive_of_a_thing(start)
        return self._sentence_start(start) and _present_singular(verb) and _name_only(word)

    def _between_commas_after_a_person_noun(self, m: re.Match) -> str | None:
        """The person noun opening a short phrase that opens its sentence, where a given name in the nominative stands
        between commas right after the phrase («Мать Фарруха, | Мавджуда, | говорит», «Сосед погибшего, | Карим, |
        …»); None where none does."""
        word, text = m.group(0), self.text
        if text[m.start() - 2 : m.start()] != ", " or not text.startswith(",", m.end()):
            return None
        fn = first_name(word)
        if fn is not None and fn[0] != word or not (known_first_name(word) or listed_woman(word) or (
                # a name the dictionary does not know, with no surname's ending and naming no place («Мавджуда»)
                not morph.analyzer().word_is_known(word.lower()) and surname_ending(word) is None
                and not place_or_body(word) and not country_of_word(word))):
            return None
        lead = _SENTENCE_LEAD.search(text, max(0, m.start() - 60), m.start() - 2)
        if lead is None:
            return None
        words = lead.group(1).split()
        found = 1 <= len(words) <= 6 and is_person_noun(words[0]) and self._sentence_start(lead.start(1))
        return words[0] if found else None

    def _apposed_in_its_case(self, m: re.Match) -> tuple[str, str] | None:
        """A given name in an oblique case set off by commas right after a person noun, or an elder's or a
        younger's adjective standing for one, in the same case («ученику, Жасуру,», «с ученицей, Мадиной,», «Старшей,
        Алине, 17 лет»): the name in the nominative and its sex; None otherwise (the nominative is
        ``_between_commas_after_a_person_noun``'s). The case is the dictionary's where it knows the name, else the
        ending the noun and the name share."""
        word, text = m.group(0), self.text
        if text[m.start() - 2 : m.start()] != ", " or not text.startswith(",", m.end()):
            return None
        head = _WORD_BEFORE_COMMA.search(text, max(0, m.start() - 40), m.start())
        fn = first_name(word, oblique=True)
        if head is None or fn is None or fn[0] == word or not (known_first_name(fn[0]) or listed_woman(fn[0])):
            return None
        noun = head.group(1)
        # (roles.txt # junior kin, # senior kin: «Старшей, Алине, 17 лет»)
        elder = any(norm_word(morph.lemma(noun)) in load_words("roles.txt", s) for s in ("junior kin", "senior kin"))
        if not (elder or noun[:1].islower() and is_person_noun(noun) and not _nominative_noun(noun)) \
                or noun[:1].isupper() and not self._sentence_start(head.start(1)):
            return None
        names = [p for p in morph.parses(word.lower())[:4] if "Name" in p.tag.grammemes and "nomn" not in p.tag.grammemes]
        if not names:
            return fn if noun[-1] == word[-1] and not elder else None
        heads = [p for p in morph.parses(noun.lower())[:4] if p.tag.POS in ("NOUN", "ADJF")]
        return fn if any(h.tag.case == n.tag.case and (h.tag.gender == n.tag.gender or h.tag.POS == "NOUN")
                         for h in heads for n in names) else None

    def _genitive_of_a_thing(self, start: int) -> bool:
        """Whether a lower-case noun that is no person's or place's stands right before ``start`` («роль | Эдуарда»):
        the name may be its genitive."""
        before = word_before(self.text, start)
        return before is not None and before[:1].islower() and morph.parses(before)[0].tag.POS == "NOUN" \
            and not is_person_noun(before) and not place_noun(before)

    def _honoured_given_name(self, m: re.Match) -> bool:
        """«— подытоживает Рабига-апа» after «Рабига Сейтжанова»: a given name with a hyphen and an honorific
        (data/honorifics.txt) is the one person the text named in full with that given name (True when so)."""
        word, text = m.group(0), self.text
        hon = _HONORIFIC.match(text, m.end())
        if hon is None or hon.group(1).lower() not in load_words("honorifics.txt"):
            return False
        named = [p for p in self.people() if p.first == word and p.name != word]
        if len(named) != 1:
            return False
        self.mention(named[0], m.start(), hon.end(), True)
        return True

    def _title_before(self, start: int) -> str | None:
        """The title of roles.txt # one-name titles that stands right before, maybe with its see («Патриарх
        Московский и всея Руси |», «митрополитом Волоколамским |», «папа римский |»); None when none does."""
        titles = load_words("roles.txt", "one-name titles")
        if self._title_ends is None:  # where the text's one-name titles end, found once: most texts name none
            self._title_ends = [m.end() for m in _title_pattern(titles).finditer(self.text, 0, self.end)
                            if norm_word(morph.lemma(m.group(0))) in titles]
        k = bisect.bisect_left(self._title_ends, max(0, start - 70))
        if k == len(self._title_ends) or self._title_ends[k] >= start:
            return None  # no title in reach
        words = _WORD_RUN.findall(self.text, max(0, start - 70), start)[-7:]
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if norm_word(morph.lemma(w)) in titles:
                return w
            if not (w[:1].isupper() or w in ("и", "всея", "всех") or k and words[k - 1] in ("всея", "всех")
                    or k == len(words) - 1 and _see_adjective(w)):
                return None  # (the see: «Московский и всея Руси», «всех армян», «папа римский»)
        return None

    def _named_by_given_name(self, m: re.Match) -> bool:
        """Whether a capitalised word that may be a given name introduces someone by it alone, where the words
        around say a person is meant: «Мигрант из Куляба Фаридун, работающий …» (a person noun and the place they
        are from before it; not «из Нидерландов Маартье ван дер Берг», whose surname goes on with a particle),
        «Шахзод из Ферганы работает …» (the place after it), «— говорит Талант, 28-летний курьер» (a person
        noun in apposition inside a sentence, even after a word the dictionary knows as a common noun)."""
        word, text = m.group(0), self.text
        if not given_slot(word) or _CAP_NEXT.match(text, m.end()):
            return False
        if _BY_NAME.search(text, max(0, m.start() - 12), m.start()):
            return True  # «водитель по имени Медер», «девушка по имени Айсулуу»: what follows is a given name
        if self._noun_from_a_place_before(m.start()) or self._resident_of_a_place_before(m.start()) \
                or text[m.start() - 2 : m.start() - 1] in _DEMONYM_LAST and demonym(word_before(text, m.start()) or ""):
            # («Бишкекчанка Айпери рассказала …»: a noun of where she is from, then the name)
            return (word_after(text, m.end()) or "").lower() not in load_words("surname_prefixes.txt")
        if is_person_noun(word) or place_or_body(word) or country_of_word(word) or family_plural(word):
            return False  # (not «семья Ковалевичей из Стародорожского района»: a family's plural)
        if _FROM_PLACE_AFTER.match(text, m.end()):
            return known_first_name(word) or not morph.analyzer().word_is_known(word.lower())
        apposed = _APPOSED_PERSON.match(text, m.end())
        # (a given name in a case is someone's the sentence relates to: «Муж Зарины, учитель физики …» is no «Зарины»)
        return apposed is not None and is_person_noun(apposed.group(1)) and not self._sentence_start(m.start()) \
            and ((fn := first_name(word)) is None or fn[0] == word)

    def _noun_from_a_place_before(self, start: int) -> bool:
        """Whether a person noun in the nominative and «из» with a place stand right before ``start``
        («Мигрант из Куляба | Фаридун», «Фермер из Сырдарьи | Алишер»)."""
        m = _FROM_A_PLACE.search(self.text, max(0, start - 60), start)
        return m is not None and is_person_noun(m.group(1)) and _nominative_noun(m.group(1))

    def _after_a_trade(self, start: int, word: str) -> str | None:
        """The noun of what someone does, in the nominative, that a given name in the nominative stands right after in
        apposition («Таксист Болат, с которым мы поговорили, …», «продавщица Айнура»), or None: a trade, not a post
        («министр Ким» is a surname after a post)."""
        before = word_before(self.text, start)
        at = start - len(before) - 1 if before is not None else start  # where the noun begins, less one
        filled = False  # whose kin the head is, a noun says: the name after is the kin's own
        if before is not None and before[:1].isupper() and is_patronymic(before) \
                and (given := word_before(self.text, at)) is not None and given[:1].isupper():
            # «Внук Людмилы Николаевны Кирилл»: whose kin by a given name and a patronymic, read past the patronymic
            before, at = given, at - len(given) - 1
        if before is not None and before[:1].isupper() and (head := word_before(self.text, at)) is not None \
                and self.whose_kin(head, before, word):
            # «Мама Димы Анастасия не сдерживала слёз»: a kinship noun, whose kin it is by a given name in a case, then
            # the kin's own name
            before, at, filled = head, at - len(head) - 1, True
        elif before is not None and before[:1].islower() and not place_noun(before) and _genitive_complement(before) \
                and not (is_person_noun(before) and _nominative_noun(before)):
            # «Водитель фуры Бауыржан, который не пострадал, …»: a trade with what it is of, then the name; «Внук
            # пенсионера Максим»: a kinship noun with whose kin it is, then the name
            head = word_before(self.text, at)
            if head is not None and is_person_noun(head) and (not is_person_noun(before) or norm_word(
                    morph.lemma(head)) in load_words("roles.txt", "relational nouns")):
                before, at, filled = head, at - len(head) - 1, is_person_noun(before)
        if before is None or not is_person_noun(before) or is_role_word(lemma := norm_word(morph.lemma(before))) \
                or before[:1].isupper() and not self._sentence_start(at) \
                or place_noun(before) and not _known_given_name(word) or is_person_noun(word) \
                or lemma in load_words("roles.txt", "relational nouns") and not filled \
                and (lemma == "отец" or not _mans_nominative(word)) \
                and not (lemma in load_words("roles.txt", "women's kin") and word[-1:].lower() not in _CASE_LETTERS) \
                or lemma in load_words("roles.txt", "one-name titles") or place_or_body(word) or country_of_word(word):
            # (not «житель Кулоба»: a place's name follows a resident; «отец Василий» is a priest; «Мераб Гелашвили»: a
            # capitalised word inside a sentence is a name the dictionary guesses a noun in; «мать Руслана» is
            # Руслан's mother, but «внук Михай», «сын Василе» name the grandson and the son: a man's nominative)
            return None
        fn = first_name(word)
        # a name the dictionary lacks («Болат», «Шерзод») with no surname's ending is a given name there too
        # (not an adjective's form it guesses: «Спасатель Алматинского горно-спасательного отряда …»)
        named = fn is not None and fn[0] == word and known_first_name(word) or listed_woman(word) or (
            not morph.analyzer().word_is_known(word.lower()) and surname_ending(word) is None
            and morph.parses(word.lower())[0].tag.POS in ("NOUN", None))
        # (one person's: «пастухи Тушетии гонят овец» is the shepherds of a place, a plural is no one's trade)
        singular = any({"nomn", "sing"} <= p.tag.grammemes for p in morph.parses(before.lower())[:2] if p.tag.POS == "NOUN")
        return before if named and singular else None

    def _resident_of_a_place_before(self, start: int) -> bool:
        """Whether a noun of a person from a place in the nominative and the place's name stand right before
        ``start`` («Житель Талгара | Шерзод», «Уроженка Хатлона | Мавзуна»: organisations.txt # place nouns that
        are person nouns)."""
        m = _RESIDENT_OF_A_PLACE.search(self.text, max(0, start - 60), start)
        return m is not None and place_noun(m.group(1)) and is_person_noun(m.group(1)) \
            and _nominative_noun(m.group(1))

    def given_name_person(self, word: str, start: int, end: int, sex: str | None = None,
                          subject: bool = True) -> Participant:
        """The person a text names by a given name only («Марк, рабочий …», «водитель такси Бакыт»), with
        this mention (``word`` in the nominative; the mention itself in it unless ``subject`` is False); ``sex``: what
        the words around say of it («24-летняя Мафтуна»)."""
        named = [q for q in self.people() if q.first == word and q.name != word]
        if len(named) == 1:  # «Телеведущая Нур Жанибекова …» then «— сказала Нур»: the person named in full
            self.mention(named[0], start, end, subject)
            return named[0]
        fa = first_name(word)  # («Талант», «Асель»: a name the dictionary lacks says its sex only if listed)
        sex = sex or ("femn" if listed_woman(word) else fa[1] if fa else None)  # («Сауле»)
        p = self._by_name.get(word) or self.add(Participant(word, "person", sex, surname_key(word), word))
        self.mention(p, start, end, subject)
        return p
