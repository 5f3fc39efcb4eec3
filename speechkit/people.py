"""The people of a text, learnt from the text and its morphology, not from a list of names.

* a given name known to the dictionary followed by a capitalised word is a person
  («Касым-Жомарт Токаев», «Ильхамом Алиевым»); so are initials and a surname («В.Путин») and a
  tooltip («Лукашенко Александр Григорьевич»); a surname alone points back to its person;
* the words before a name that hold a role noun are that person's role, as the text states it
  («министр иностранных дел Германии Франк-Вальтер Штайнмайер»), and so are the words after a
  comma («Всеволод Чаплин, глава синодального Отдела …»);
* a few well-known figures (``people.tsv``) give the full name when a text prints only the surname.

Whether a pair is a name and in which case and gender is read in ``name_forms`` (a name's sex from the
words around it in ``sex_in_context``); the role phrase around a name in ``name_roles``; names that tie
people into a family (couples, «-старший», Turkic particles, which of a family a form names) in
``families``; names with a particle in lower case («Лула да Силва») in ``compound_names``; people named by a
given name alone («Бишкекчанка Айпери», «Патриарх … Кирилл») in ``given_names``. ``PeopleLearning`` is the part of ``speakers.Cast`` that reads the people when a cast is made: it adds them through the
cast's registry (``add``, ``person``, ``mention``, ``by_key``) and asks it what is quoted
(``in_quote``).
"""

from __future__ import annotations

import functools
import os
import re

from . import morph, regexes
from .cache import code_stamp, memo
from .compound_names import CompoundNames
from .families import FamilyNames
from .given_names import _AGE_BEFORE, _CAP_NEXT, GivenNames
from .family_first import FamilyFirstNames, family_first as is_family_first
from .initials import _INITIAL, InitialsNames, _as_written, _surname_after_initial
from .name_forms import NameForms
from .name_words import (_body_heads, _dictionary_surname, _is_role, _listed_nominative, _nominative, _surname_slot)
from .name_roles import NameRoles
from .name_sex import _past_gender, _sex_of_form, listed_woman
from .names import (_OBLIQUE_CASES, ARTICLE_NAME, CAP, _as_written as _spelt_as_written, _cap_like, declined_surname, feminine_given,
                    first_name, foreign_nominative, given_slot, her_adjectival_nominative, her_surname_as_patronymic,
                    is_patronymic, known_first_name, nominative_given, place_or_body, surname_ending, surname_key,
                    surname_like)
from .participants import Participant
from .roles import country_of_word, is_person_noun
from .sex_in_context import SexInContext
from .text import dateline_end, norm_word, word_after, word_before
from .wordlists import load_table, load_words

# a capitalised word, or an Arabic surname with its article («аль-Мансури», «ан-Нури»: after a given name, the surname)
_CAP_WORD = regexes.compile(rf"{CAP}|(?<![\w-]){ARTICLE_NAME}")
OBLIQUE_ENDINGS = ("ом", "а", "у", "е")  # a consonant-final foreign surname's cases: «Сантоса», «Сантосу»
# В.Путин · В. Путин · К.-Ж. Токаев


# «24-летняя», «пятилетний» (nominative) right before a capitalised word
# three capitalised one-syllable words («Пак Чон Гюн», «Ким Со Ён»), not at a line's or sentence's start
_SKY_CASE = regexes.compile(r"[сц]к(ого|ому|им|ом)$")  # a man's «-ский», «-цкий» surname in a case: «Сосновскому»
_ICH_CASE = regexes.compile(r"[иы]ч(а|у|ем|е)$")  # a man's «-ич» surname in a case: «Ярошевича», «Ярошевичем»
_LOCATIVE = regexes.compile(r"(?<![\w-])(?:[Вв]о?|[Нн]а) $")  # «в Сигнахи …»: a place's name follows
_CAP_BEFORE = regexes.compile(r"([А-ЯЁ][а-яё-]+)[ \t]$")
_WORDS_AFTER = regexes.compile(r"[ \t]+([а-яё]+)(?:[ \t]+([а-яё]+))?")  # «Ахметов позднее записал»
# «Меня зовут Анна Кочерова» · «Я Слугина Алёна» · «Я – Иван Петров»: a speaker names themself


@functools.cache
def _people_table() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """surname key → (canonical name, gender, roles) of the well-known figures in people.tsv."""
    rows = load_table("people.tsv")
    surnames = [row["name"].split()[-1] for row in rows]
    keys = _surname_keys(surnames)
    out = {}
    for row, key in zip(rows, keys):
        roles = tuple(r.strip() for r in (row.get("roles") or "").split(";") if r.strip())
        out[key] = (row["name"], row.get("gender") or "masc", roles)
    return out


_ONE_LETTER: dict[int, tuple] = {}  # id of a people table → (the table, its entries with a one-letter word)


def _one_letter_entries(table: dict) -> list[tuple[str, tuple]]:
    """The entries of ``table`` whose name has a one-letter word («Ван И»), found once per table."""
    got = _ONE_LETTER.get(id(table))
    if got is None or got[0] is not table:
        got = _ONE_LETTER[id(table)] = (table, [(k, v) for k, v in table.items()
                                                if any(len(w) == 1 for w in v[0].split())])
    return got[1]


def _surname_keys(surnames: list[str]) -> list[str]:
    """``surname_key`` of each surname, kept in the derived-table cache (``speechkit.cache``): the keys
    of people.tsv's ≈300 surnames ask pymorphy3 for ≈200 parses, a tenth of a short text's analysis.

    Keyed by the surnames themselves (so an edited people.tsv, or a user's copy, gets its own entry),
    the dictionary's version and the code that reads a surname.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    code = code_stamp(*(os.path.join(here, f) for f in ("people.py", "names.py", "text.py", "morph.py")))
    key = "\n".join([morph.dictionary_version(), code, *surnames])
    return memo("people", key, lambda: [surname_key(s) for s in surnames],
                check=lambda keys: isinstance(keys, list) and len(keys) == len(surnames)
                and all(isinstance(k, str) and k for k in keys))


class PeopleLearning(CompoundNames, FamilyNames, FamilyFirstNames, GivenNames, InitialsNames, NameForms, NameRoles,
                     SexInContext):
    """The part of ``speakers.Cast`` that learns the people of its text (``_learn_people``, run when a cast
    is made) and reads initials, including a transcript label's (``_initials_person``)."""

    def _learn_people(self) -> None:
        text, end = self.text, self.end
        caps = list(_CAP_WORD.finditer(text, 0, end))
        taken: set[int] = set()  # starts of capitalised words read as part of a full name
        called: list = []  # given names with a patronymic in the author's words: (given, sex), start, end, nominative
        self._particle_names(taken)
        self._compound_names(taken)
        self._couple_names(taken)
        self._kin_couple_names(taken, caps)  # «Супруги Ольга и Андрей Шевчук»
        self._one_letter_names(taken)
        self._official_names(taken, caps)
        self._family_first_names(taken, caps)
        k = 0
        while k < len(caps) - 1:
            m, nxt = caps[k], caps[k + 1]
            if text[m.end() : nxt.start()] != " " or m.start() in taken or nxt.start() in taken:
                k += 1
                continue
            a, b = m.group(0), nxt.group(0)
            if a[:1].islower():
                k += 1
                continue  # an article's surname («аль-Мансури») is no given name
            third = caps[k + 2] if k + 2 < len(caps) and text[nxt.end() : caps[k + 2].start()] == " " \
                and caps[k + 2].start() not in taken else None
            fourth = caps[k + 3] if third is not None and k + 3 < len(caps) \
                and text[third.end() : caps[k + 3].start()] == " " else None
            if third is not None and first_name(b) and is_patronymic(third.group(0)) and surname_like(a) \
                    and not first_name(a) and not self._after_role(m.start()) and not _common_word(a) \
                    and not (fourth is not None and _surname_slot(fourth.group(0))):
                # (not «Сосед Огнева Иван Кузьмич Баранов»: a given name, a patronymic and a surname follow; not «Слова
                # Ивана Петровича привели …»: a word the dictionary knows, and not as a surname)
                # (not after a post: «Адвокат Корнилова Дмитрий Агранович» is the lawyer of Корнилов)
                # Лукашенко Александр Григорьевич (surname first, as in a tooltip)
                fb = first_name(b)
                p = self.person(fb[0], a, fb[1], nominative=True)
                self.mention(p, m.start(), third.end(), True)
                taken.update((m.start(), nxt.start(), third.start()))
                k += 3
                continue
            # («Наталья Лукьянович»: a man's patronymic after a woman's given name is her surname)
            hers = her_surname_as_patronymic(a, b)
            by_patronymic = None if hers else _patronymic_form(b)
            # «Виталия Геннадьевича Савельева»: the patronymic's ending says the sex and whether the name is
            # declined (the given name alone reads as a woman's nominative too)
            fa = first_name(a, oblique=by_patronymic[1] if by_patronymic else declined_surname(b, a))
            if fa and by_patronymic and fa[1] != by_patronymic[0]:
                fa = _given_of_sex(a, *by_patronymic)
            if fa is None and by_patronymic and not by_patronymic[1] and given_slot(a) and is_patronymic(b) \
                    and third is not None and _surname_slot(third.group(0)):
                fa = (a, by_patronymic[0])  # «Ерлан Болатович Сапаров»: a given name the dictionary lacks, before a patronymic
            introduced = (third is None or not _surname_slot(third.group(0))) and self._introduced_by_post(b, m.start())
            if fa and not _is_role(a) and not introduced and not hers \
                    and (is_patronymic(b) or (_patronymic_reading(b) and self.in_quote(m.start()))):
                # «Андреем Александровичем» in a turn is an address; «Роман Абрамович» in the narrative a surname
                if third is not None and _surname_slot(third.group(0)):
                    # Владимир Владимирович Путин
                    p = self.person(fa[0], third.group(0), fa[1])
                    self.mention(p, m.start(), third.end(), _nominative(third.group(0)))
                    self._roles_around(p, m.start(), third.end(), _nominative(third.group(0)))
                    taken.update((m.start(), nxt.start(), third.start()))
                    k += 3
                    continue
                self.addresses.append((fa[0], b))  # «Владимир Владимирович, …» — an address
                if not self.in_quote(m.start()) and by_patronymic is not None:
                    # («свою соседку, 78-летнюю Зинаиду Павловну»: in the author's words someone named so, by
                    # the given name, once every full name is read)
                    called.append((fa, _nominative_patronymic(b, by_patronymic[0]), m.start(), nxt.end(),
                                   not by_patronymic[1]))
                k += 2
                continue
            if third is not None and (surname_ending(a) not in (None, "") and any(
                    p.first and p.first != a for p in self.by_key.get(surname_key(a), ()))
                    or self._served_then_named(a, b, third.group(0), m.start())):
                # «Адвокат Ильина Марк Гринберг»: the surname of someone the text has named («Артема Ильина»)
                # in a case, the name of whom the post serves; the name is the pair after
                k += 1
                continue
            if self._relative_by_given_name(a, b, m.start(), nxt.start(), nxt.end()):
                taken.add(nxt.start())  # «Мать Георгия Нино», «Мама Гаухар Сауле»: whose relative, then the relative
                k += 2
                continue
            if self._two_named(a, b) or _heads_a_body(a) or third is not None and given_slot(b) \
                    and not known_first_name(a) and self._text_place(a):
                # («Жительница Миядзаки Юко Наката»: a place the text names after «префектуры», then the name)
                k += 1
                continue
            if self._two_word_place(a, b):
                k += 2  # «района Кайнар Булак», «Глава района Кайнар Булак Ерлан Мусин»: a place of two words the text names
                continue
            if a.lower() in load_words("surname_prefixes.txt"):
                # «— добавил Абдель Азиз», «— сказала Ле Пен»: a surname with its particle, of someone named in full
                who = next((p for p in self.participants if p.kind == "person" and p.name.endswith(f" {a} {b}")), None)
                if who is not None:
                    self.mention(who, m.start(), nxt.end(), True)
                    taken.update((m.start(), nxt.start()))
                    k += 2
                    continue
            if first_name(a) is None and is_person_noun(a) and self._sentence_start(m.start()) \
                    or (word_before(text, m.start()) or "").lower() == "имени" and third is not None:
                # «Пенсионер Бобоев спросил …»: a person noun a sentence's capital opens, then the name; «Института
                # археологии имени Маргулана Бауыржан Тулегенов»: the namesake in the genitive, then the name
                k += 1
                continue
            if (word_before(text, m.start()) or "").lower() == "имени" and _surname_slot(b, after_given=True):
                # «в библиотеке имени Алыкула Осмонова»: the namesake of a body, a name in the genitive that is part
                # of the body's name, nobody the text quotes (never a woman «Алыкула Осмонова»)
                taken.update((m.start(), nxt.start()))
                k += 2
                continue
            pair = self._read_pair(a, b, m.start(), nxt.end())
            if pair is not None and third is not None and place_or_body(a) and not known_first_name(a) \
                    and given_slot(b) and _surname_slot(third.group(0)) and not known_first_name(third.group(0)):
                pair = None  # «мэр Риги Мартиньш Калниньш»: a place's genitive, then the name
            elif pair is not None and third is not None and surname_ending(third.group(0)) is not None and (
                    (first_name(a) is None and surname_ending(b) is None)
                    or (known_first_name(b) and (first_name(b) or ("",))[0] == b
                        and ((first_name(a) or ("",))[0] != a  # «Астане» is no nominative: the pair after agrees
                             or not known_first_name(a)))  # «Мать двухлетнего Алинура Сабина Турсынбаева»
                    or norm_word(morph.lemma(a)) in _body_heads()
                    or not known_first_name(a) and not listed_woman(a) and surname_ending(b) is None
                    and (first_name(b) or ("",))[0] == b and _after_lower_noun(text, m.start())):
                # «порта Курык Ерлан Тулегенов», «в Астане Олжас Бекенов», «Жогорку Кенеша Эркинбек Турусбеков»,
                # «мечети Гиссара Нуриддин Саидов» (a place the dictionary guesses a name in, after the noun it
                # complements): the name is the pair after
                pair = None
            elif pair is not None and third is not None and (fa := first_name(a)) is not None and fa[0] != a \
                    and known_first_name(b) and (first_name(b) or ("",))[0] == b \
                    and _surname_slot(third.group(0), after_given=True) and not is_patronymic(third.group(0)):
                # «Исполнительница роли Катерины Дарья Ли»: a given name in its case (a role's, someone's), then a given
                # name in the nominative and a surname of any shape: the name is the pair after
                pair = None
            elif pair is not None and third is not None and (first_name(b) or given_slot(b)) \
                    and _surname_slot(third.group(0)) and not is_patronymic(third.group(0)) \
                    and not (known_first_name(a) and surname_ending(b) not in (None, "", "а")) \
                    and (self._after_place_noun(m.start()) or _LOCATIVE.search(text, max(0, m.start() - 4), m.start())
                         or self._after_name_noun(m.start())):
                # «жительница деревни Кастри Елени Маркопулу», «дома в Сигнахи Гела Чикваидзе»: a place, a name;
                # «профессор Университета Рюкоку Кадзуя Ямаути»: a noun a body's proper name follows, that name,
                # a person's (not «председателем Еврокомиссии Жозе Мануэлом Баррозу»: a body named in full; not «Акиму
                # области Ерболу Мукашеву Токаев поручил»: a given name and a surname in one oblique case are a name)
                pair = None
            if pair is not None:
                given, gender, subject = pair
                last = nxt
                prefix = b.lower() in load_words("surname_prefixes.txt")
                if third is not None and _surname_slot(third.group(0), after_given=prefix) \
                        and (not known_first_name(third.group(0)) or prefix) \
                        and (known_first_name(b) or not place_or_body(b) and surname_ending(b) is None
                             and not morph.analyzer().word_is_known(b.lower()) or prefix):
                    # Кейт Пентус Роозиманнус, Жозе Мануэл Баррозу, Андерс Фог Расмуссен; Марин Ле Пен;
                    # Халед Абдель Азиз (a name after a particle is part of the surname)
                    last = third
                surname = last.group(0)
                # the given name's case ending («Сергея»: «я»), a dative only where the dictionary knows the form
                # («Монтейру Лобату» is a nominative as written as often)
                kept = len(os.path.commonprefix([a, given]))
                tail, own = a[kept:], given[kept:]  # «Андрея»: «я» for the nominative's «й»; «Джессику»: «у» for «а»
                tail = tail if tail not in ("у", "ю") or morph.analyzer().word_is_known(a.lower()) else ""
                if not subject and gender == "masc" and a.endswith("у") and surname.endswith("у") \
                        and (bare := self._bare_form(surname)) is not None and _listed_nominative(bare):
                    # «бывшему главе общины Арутюну Аветисяну … Аветисян:»: a man's «-ян» declines, and the text
                    # writes the bare form too: both words are his dative (a Moldovan «-яну» is as written: «Иону
                    # Мунтяну»); a given name the dictionary only guesses at loses the «-у» too («Саргису»)
                    surname, subject = bare, True
                    given = given if morph.analyzer().word_is_known(a.lower()) else nominative_given(a, "у")
                elif not subject and a.endswith(("у", "ю")) and given.endswith(("а", "я")) \
                        and (nom := self.accusative_of_a(surname)) is not None:
                    surname, subject = nom, True  # «японца Кэнту Ямаду … Ямада признал» → «Кэнта Ямада»
                elif tail and not subject and _listed_nominative(surname):
                    subject = True  # «Фирдавса Толибзода»: a surname of a listed ending is as written in every case
                elif not subject and gender == "femn" and (adj := her_adjectival_nominative(surname)) is not None:
                    # «с Мартой Козловской», «Марии Толстой» → «Козловская», «Толстая»: her adjectival surname declines
                    # as an adjective does, not as her given name does («Анной Пегулой» → «Пегула», below)
                    surname, subject = adj, True
                elif tail and not subject and gender == "masc" and (adj := _SKY_CASE.search(surname)) is not None:
                    # «председателю облисполкома Геннадию Сосновскому» → «Сосновский»: a «-ский», «-цкий» surname
                    # declines as an adjective does
                    surname, subject = surname[: adj.start(1)] + "ий", True
                elif tail and not subject and gender == "masc" and (ich := _ICH_CASE.search(surname)) is not None:
                    # «в постановке Павла Ярошевича» → «Ярошевич»: a man's «-ич» surname declines as a noun does (a
                    # woman's does not: «Ирины Ярошевич»), whatever the dictionary reads in it (a patronymic)
                    surname, subject = surname[: ich.start(1)], True
                elif tail and not subject and gender == "masc" and surname_ending(surname) is None \
                        and (nom := _fleeting_vowel_nominative(surname)) is not None:
                    surname, subject = nom, True  # «с Антоном Кравцом» → «Кравец», not «Кравц»
                elif tail and not subject and surname_ending(surname) is None and own in ("", "а", "я") \
                        and surname.endswith(tail) and not _dictionary_surname(surname):
                    # «Шольца» → «Шольц»; a surname that declines as the given name does takes its ending back
                    # («Джессику Пегулу» → «Пегула»); not after «Андрея»: «Коваля» is «Коваль»'s (below)
                    surname = surname[: len(surname) - len(tail)] + own
                    subject = True  # the forms are now the nominative: kept as they are
                elif tail and not subject and gender == "masc" and surname_ending(surname) is None \
                        and not _dictionary_surname(surname) and (nom := foreign_nominative(surname, tail)):
                    surname, subject = nom, True  # «Сергея Пака» → «Пак», «Орхана Демиреля» → «Демирель»
                elif gender == "masc" and surname_ending(surname) is None and (bare := self._bare_form(surname)):
                    # «бразильца Диего Сантоса … Сантос признал»: the text writes the bare form; this one is a case
                    surname, subject, pair = bare, True, (given, gender, False)
                p = self.person(given if last is nxt else f"{given} {b}", surname, gender, nominative=subject)
                subject = pair[2]
                self.mention(p, m.start(), last.end(), subject)
                # only a surname with a case ending is surely not a nominative («Путина», not «Сайпаш»);
                # the given name as written tells a man's «-а» too («Ерлана Карина»: «Ерлан» is no
                # dictionary name, «Ерлана» reads as Ерлан's genitive)
                self._roles_around(p, m.start(), last.end(), subject or not (
                    declined_surname(surname, given) or declined_surname(surname, a)), subject)
                taken.update(x.start() for x in (m, nxt, last))
                k += 3 if last is third else 2
                continue
            k += 1
        for m in _INITIAL.finditer(text, 0, end):
            if m.start() in taken or not _surname_after_initial(m.group(2)):
                continue  # «сказал Ван И. Позже …»: «И» is part of a name, and «Позже» no surname
            label = text.startswith(":", m.end())  # «А.Слугина:» a transcript label: the speaker's words follow
            # («исполняющая обязанности президента федерации Е. Сидорова заявила»: a verb of her gender right after
            # makes the name its subject, whatever case the place before would put it in)
            after = word_after(text, m.end())
            hers = after is not None and m.group(2).endswith("а") and _past_gender(after) == "femn"
            p = self._initials_person(_as_written(m.group(1)), m.group(2), at=m.end() if label else None,
                                      oblique=not label and not hers and self._oblique_place(m.start()))
            self.mention(p, m.start(), m.end(), True)
            if not label:  # «заместитель Председателя Кабинета Министров Б. Атаев»: the post before is his
                self._roles_around(p, m.start(), m.end())
            taken.add(m.start(2))
        known = _people_table()
        for m in caps:
            if m.start() in taken or dateline_end(text, m.start()) is not None:
                continue  # «ДУШАНБЕ — Заместитель генсека ООН …»: a wire's dateline, a place in capitals, no one
            word = m.group(0)
            key = surname_key(word)
            people = self.by_key.get(key, ())
            if not people and key not in known and _names_no_one(word):
                continue  # «В», «Также», «Новые»: most capitals open a sentence and can name no one
            if self._names_a_body(m.end()):
                continue  # («в Назарбаев Университет»: a body named after someone, no mention of them)
            if not people and key in known and (_surname_slot(word) or known[key][0].split()[-1] == word) \
                    and _sex_of_form(text, m.start(), word) in (None, known[key][1]) \
                    and not ("летн" in text[max(0, m.start() - 8) : m.start()]
                             and _AGE_BEFORE.search(text, max(0, m.start() - 30), m.start())) \
                    and not self._another_given_name(caps, key, known[key][0].split()[0]):
                # (not «пострадал 45-летний Каримов»: an age introduces a private person, not the table's)
                # (not «Каримов:» after «Талант Каримов»: the text gives the surname another given name)
                # (not «— сказала Саидова»: a woman, not the table's Бахтиёр Саидов)
                # («Рахмон» alone: the table's surname as written, though the dictionary knows a given name)
                name, gender, roles = known[key]
                p = self.add(Participant(name, "person", gender, key, name.rsplit(" ", 1)[0], known=True))
                for r in roles:
                    p.add_role(r, r.split())
                people = [p]
            family_first = bool(people) and word == people[0].first and is_family_first(people[0])
            sex = _sex_of_form(text, m.start(), word) if people else None
            if sex is not None and all(p.gender not in (None, sex) for p in people):
                continue  # «Зарина Ахмедова …», then «— говорит Ахмедов»: another of her family, not her
            if people and (word != people[0].first or family_first):
                who = self._pick(people, m.start(), word)
                # «Токаев» is the nominative of its person's surname whatever else the dictionary reads in
                # it; «Бишимбаева» of a man is his genitive, though a woman's nominative in the dictionary;
                # «Пак» of «Пак Чон Гюн» is his family name, written first
                subject = norm_word(word) == norm_word(who.name.split()[-1]) or (
                    (who.gender is None or family_first) and _nominative(word))
                self.mention(who, m.start(), m.end(), subject)
            elif people and len(people) == 1 and people[0].name == word:
                # «14-летний внук Михай …», then «Михай мечтает …»: someone named by a given name alone, named again
                self.mention(people[0], m.start(), m.end(), True)
            elif not people and (named := self._given_name_of_one_named(m)) is not None:
                self.mention(named, m.start(), m.end(), True)  # «Фаррух Назаров …», then «Фаррух переводит»
            elif not people and not self._honoured_given_name(m):
                self._given_name_alone(m, taken)
                self._surname_alone(m)
        for (given, sex), patronymic, start, stop, nominative in called:
            named = self.named_in_full(given.lower())
            if len(named) == 1:
                self.mention(named[0], start, stop, nominative)  # «Патимат Магомедовна» after «Патимат Гаджиева»: her
            elif not named and (nominative or self._described_before(start)):
                # someone the text names only so, as it does, as a subject or after what they are («свою соседку,
                # 78-летнюю Зинаиду Павловну»); not «Слова Ивана Петровича», «адвоката Корнилова Дмитрия Аграновича»
                name = f"{given} {patronymic}" if patronymic else given
                p = self._by_name.get(name) or self.add(Participant(name, "person", sex, surname_key(given), given))
                self.mention(p, start, stop, nominative)
        self._respective_posts()
        for p in self.participants:
            entry = known.get(p.key)
            if entry and not p.known and p.first and entry[0].startswith(p.first + " "):
                p.known = True  # «Владимир Путин» named in full: the well-known figure's posts apply too
                for r in entry[2]:
                    p.add_role(r, r.split())

    def _official_names(self, taken: set[int], caps: list[re.Match]) -> None:
        """«предоставляется председателю комитета Кудрявцеву Андрею Михайловичу», «вручили Петровой Анне
        Сергеевне»: surname, given name and patronymic, as an official text writes a name, all three in one oblique
        case (the genitive only where no post stands before: ``_oblique_given_and_patronymic``)."""
        text = self.text
        for m, nxt, third in zip(caps, caps[1:], caps[2:]):
            if text[m.end() : nxt.start()] != " " or text[nxt.end() : third.start()] != " " or m.start() in taken:
                continue
            a = m.group(0)
            fb = _oblique_given_and_patronymic(nxt.group(0), third.group(0), not self._after_role(m.start()))
            if fb is not None and surname_like(a) and not first_name(a) and not first_name(a, oblique=True) \
                    and not _common_word(a):  # (not «Слова Ивана Петровича привели …»: a common word first)
                p = self.person(fb[0], a, fb[1])
                self.mention(p, m.start(), third.end(), False)
                taken.update((m.start(), nxt.start(), third.start()))

    def _another_given_name(self, caps: list[re.Match], key: str, first: str) -> bool:
        """Whether the text writes a surname of ``key`` right after a capitalised word that may be a given name
        other than ``first`` (the well-known figure's): «Талант Каримов» is no «Ислам Каримов», however the pair
        was read. Not after a post, a place or a body («Президент Каримов», «Узбекистана Каримов»). Read once per
        surname, however often the text writes it."""
        got = self._given_before.get(key)
        if got is None:
            got = self._given_before[key] = self._reads_another_given_name(self._words_before(caps).get(key, ()), first)
        return got

    def _words_before(self, caps: list[re.Match]) -> dict[str, list[re.Match]]:
        """Each capitalised word that stands one space before another, by the surname key of the other («Талант
        Каримов» under «каримов»), gathered once: a look over every pair for each surname cost surnames × text."""
        if self._pairs is None:
            text, self._pairs = self.text, {}
            for m, nxt in zip(caps, caps[1:]):
                if m.end() + 1 == nxt.start() and text[m.end()] == " ":
                    self._pairs.setdefault(surname_key(nxt.group(0)), []).append(m)
        return self._pairs

    def _reads_another_given_name(self, before: list[re.Match] | tuple[()], first: str) -> bool:
        for m in before:
            word = m.group(0)
            fn = first_name(word) or first_name(word, oblique=True)
            if word.startswith(first[:-1]) or fn is not None and fn[0] == first:
                continue  # «Ислама Каримова»: his own
            if given_slot(word) and surname_ending(word) is None and surname_key(word) not in _people_table() \
                    and not _is_role(word) and not is_person_noun(word) and not place_or_body(word) \
                    and not country_of_word(word) and not _heads_a_body(word):
                return True  # (not «— сказал Токаеву Путин»: another's surname, declined)
        return False

    def _described_before(self, start: int) -> bool:
        """Whether what someone is stands right before ``start``: an age's adjective («78-летнюю | Зинаиду …») or a
        person noun, maybe with a comma («свою соседку, | …», «пенсионерку | …»); not a post serving another."""
        before = _WORD_AND_COMMA_BEFORE.search(self.text, max(0, start - 40), start)
        if before is None:
            return False
        word = before.group(1)
        return "летн" in word or is_person_noun(word) and norm_word(morph.lemma(word)) not in (
            load_words("roles.txt", "serving nouns") | load_words("roles.txt", "relational nouns"))

    def _names_a_body(self, end: int) -> bool:
        """Whether the capitalised word ending at ``end`` goes on with a body's capitalised head noun, so that
        it is part of the body's name («Назарбаев Университет», «Фонд Нурсултана Назарбаева» is not so)."""
        after = _CAP_NEXT.match(self.text, end)
        return after is not None and norm_word(morph.lemma(after.group(1))) in _body_heads()

    def _bare_form(self, surname: str) -> str | None:
        """«Сантоса» → «Сантос» when the text writes «Сантос» too: a foreign surname less a case ending
        (-а, -у, -ом, -е) that the text also writes as a word of its own is that word's oblique form."""
        low = surname.lower()
        for ending in OBLIQUE_ENDINGS:
            stem = low[: -len(ending)]
            if low.endswith(ending) and len(stem) >= 3 and self._text_has(stem):
                return surname[: len(stem)]
        return None

    def _one_letter_names(self, taken: set[int]) -> None:
        """The well-known figures of people.tsv whose name has a one-letter word («Ван И»), which no
        reading of capitalised pairs sees, wherever the text writes the name in full."""
        text, end = self.text, self.end
        for key, (name, gender, roles) in _one_letter_entries(_people_table()):
            words = name.split()
            if name not in text:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[:end]):
                p = self.add(Participant(name, "person", gender, key, words[0], known=True))
                for r in roles:
                    p.add_role(r, r.split())
                self.mention(p, m.start(), m.end(), True)
                taken.update(m.start() + len(" ".join(words[:k])) + (1 if k else 0) for k in range(len(words)))

    def _served_then_named(self, a: str, b: str, c: str, start: int) -> bool:
        """«Промоутер Уильямса Гарри Коллинз»: after a person noun, a surname in the genitive (with a case
        ending, no given name in the nominative: «Уильямса» is at most Уильям's genitive), then a given name in
        the nominative and a surname: whom the post serves, then its holder."""
        if not a.endswith(("а", "я")) or not known_first_name(b) or known_first_name(c):
            return False  # (the cheap tests first: this is asked of every three capitalised words)
        before = word_before(self.text, start)
        fb = first_name(b)
        return before is not None and is_person_noun(before) and (first_name(a) or ("",))[0] != a \
            and fb is not None and fb[0] == b and _surname_slot(c)

    def _two_named(self, a: str, b: str) -> bool:
        """«— сказал Клюге Турдубаеву»: the surname of someone the text has named in full, then another named
        person's surname in any case, are two people, not one's given name and surname."""
        return any(p.first and p.first != a and p.name.endswith(f" {a}") for p in self.by_key.get(surname_key(a), ())) \
            and any(p.first and p.first != b for p in self.by_key.get(surname_key(b), ()))

    def _surname_alone(self, m: re.Match) -> None:
        """«Сам Ахметов позднее записал видеообращение», «— заявил Ахметов.»: a man's nominative surname
        (-ов/-ев/-ин) the text gives no given name, as the subject of a verb of his sex, is a person
        known by the surname («депутата Ахметова» before it named him in the genitive only)."""
        word = m.group(0)
        if surname_ending(word) != "" or place_or_body(word) or first_name(word) or self._by_name.get(word):
            return
        before = _CAP_BEFORE.search(self.text, max(0, m.start() - 40), m.start())
        if before and given_slot(before.group(1)):
            return  # «Канат Бегалиев ответил»: a name pair the reading of pairs declined, not a surname alone
        low = word.lower()
        parses = morph.parses(low)[:3]
        if morph.analyzer().word_is_known(low) and (not any("Surn" in p.tag.grammemes for p in parses)
                                                    or any("Geox" in p.tag.grammemes for p in parses)):
            return  # «Ростов», «Киев»: a word the dictionary knows as something else
        after = _WORDS_AFTER.match(self.text, m.end(), min(self.end, m.end() + 40))
        words = [w for w in (after.groups() if after else ()) if w]
        if not words or not (_past_gender(words[0]) == "masc" or len(words) > 1 and _past_gender(words[1]) == "masc"
                             and morph.parses(words[0])[0].tag.POS not in ("NOUN", "NPRO", "PREP", "CONJ", "VERB")):
            return  # «Ахметов записал», «Ахметов позднее записал»
        p = self.add(Participant(word, "person", "masc", surname_key(word), None))
        self.mention(p, m.start(), m.end(), True)


def _after_lower_noun(text: str, start: int) -> bool:
    """Whether a lower-case noun stands right before ``start`` («мечети | Гиссара»): a genitive complement follows."""
    before = word_before(text, start)
    return before is not None and before[:1].islower() and morph.parses(before)[0].tag.POS == "NOUN"


@functools.lru_cache(maxsize=50_000)
def _names_no_one(word: str) -> bool:
    """A capitalised word that can be no given name and no «-ов», «-ин» surname in the nominative: what reads a
    capital without a known person (``_given_name_alone``, ``_surname_alone``) would pass it by."""
    return not given_slot(word) and not known_first_name(word) and surname_ending(word) != ""


def _heads_a_body(word: str) -> bool:
    """«Маслихат Астаны», «Хокимият Ташкента»: a word that heads a body's name (organisations.txt # heads) and
    is no given name the dictionary knows is no person's given name."""
    return norm_word(morph.lemma(word)) in _body_heads() and not known_first_name(word)


def _given_of_sex(word: str, sex: str, declined: bool) -> tuple[str, str]:
    """The nominative of a given name read as a name of ``sex`` («Алию» with «Маратовну» → «Алия»),
    or the word as written."""
    for p in morph.parses(word.lower())[:8]:
        if {"Name", sex} <= p.tag.grammemes and ("nomn" in p.tag.grammemes) != declined and "Fixd" not in p.tag.grammemes:
            return ("-".join(x.capitalize() for x in p.normal_form.split("-")), sex)
    if sex == "femn" and declined:
        return (feminine_given(word, "у" if word.lower().endswith(("у", "ю")) else "ой"), sex)
    return (word, sex)


_PATRONYMIC_FORM = regexes.compile(r"(?:(?:ович|евич|ич)(а|у|ем|ом|е)?|(?:овн|евн|ичн)(а|ы|е|у|ой|ою))$", re.IGNORECASE)


@functools.lru_cache(maxsize=20_000)
def _common_word(word: str) -> bool:
    """Whether the dictionary knows a capitalised word and reads no surname in it («Слова», «Встреча»)."""
    low = word.lower()
    return morph.analyzer().word_is_known(low) and not any("Surn" in p.tag.grammemes for p in morph.parses(low)[:4])


_WORD_AND_COMMA_BEFORE = regexes.compile(r"([\w-]+),?[ \t]+$")  # «соседку, | Зинаиду»: the word before a name


def _nominative_patronymic(word: str, sex: str) -> str | None:
    """A patronymic in the nominative of ``sex`` from any case («Павловну» → «Павловна», «Петровича» → «Петрович»),
    or None where its ending is not the common one."""
    masc = next((p.normal_form for p in morph.parses(word.lower())[:4] if "Patr" in p.tag.grammemes), None)
    if masc is None or not masc.endswith(("ович", "евич")):
        return None
    nom = masc if sex == "masc" else masc[:-2] + "на"
    return nom[:1].upper() + nom[1:]


def _patronymic_form(word: str) -> tuple[str, bool] | None:
    """(sex, declined) that a patronymic's ending tells: «Геннадьевича» ("masc", True), «Петровна»
    ("femn", False); None for a word that does not end as one."""
    m = _PATRONYMIC_FORM.search(word)
    if m is None or not is_patronymic(word):
        return None
    if m.group(2) is not None:
        return ("femn", m.group(2).lower() != "а")
    return ("masc", m.group(1) is not None)


@functools.lru_cache(maxsize=50_000)
def _fleeting_vowel_nominative(surname: str) -> str | None:
    """A man's surname the dictionary reads as the oblique case of a noun whose nominative has a vowel the case drops
    («Кравцом», «Кравцу» → «Кравец»; «Швеца» → «Швец» keeps its letters and is None here): that nominative, as
    written. Stripping the case ending alone gave «Кравц»."""
    low = surname.lower()
    for p in morph.parses(low)[:3]:
        if p.tag.POS == "NOUN" and {"masc", "sing"} <= p.tag.grammemes and p.tag.case in _OBLIQUE_CASES \
                and "Name" not in p.tag.grammemes:
            nom = norm_word(p.normal_form)
            # (a nominative the dictionary knows: not its guess for an unknown word, «Олафом Шольцем» → «шолец»)
            if nom.endswith(("ец", "ек", "ок")) and not low.startswith(nom) and morph.analyzer().word_is_known(nom):
                return _cap_like(_spelt_as_written(p.normal_form, surname), surname)
    return None


@functools.lru_cache(maxsize=50_000)
def _oblique_given_and_patronymic(given: str, patronymic: str, genitive: bool = False) -> tuple[str, str] | None:
    """(nominative, sex) of a given name before a patronymic when the dictionary reads both in one case other than the
    nominative, of one sex: «Андрею Михайловичу» → ("Андрей", "masc"), «Анне Сергеевне» → ("Анна", "femn»), «Ерлану
    Болатовичу» → ("Ерлан", "masc"). The genitive (and a man's accusative, its form) only if ``genitive``: after a
    post, «адвоката Корнилова Дмитрия Аграновича» may be Корнилов's lawyer named."""
    oblique = ("datv", "ablt", "loct", "gent", "accs") if genitive else ("datv", "ablt", "loct")
    cases = {(c, g) for p in morph.parses(patronymic.lower())[:4] if "Patr" in p.tag.grammemes
             for c in oblique if c in p.tag.grammemes for g in ("masc", "femn") if g in p.tag.grammemes}
    low = given.lower()
    for p in sorted(morph.parses(low)[:10], key=lambda p: p.normal_form == low):  # («Анне»: Анна's, not an «Анне»)
        if "Name" in p.tag.grammemes and any(c in p.tag.grammemes and g in p.tag.grammemes for c, g in cases):
            return _cap_like(_spelt_as_written(p.normal_form, given), given), "masc" if "masc" in p.tag.grammemes else "femn"
    return None


@functools.lru_cache(maxsize=50_000)
def _patronymic_reading(word: str) -> bool:
    return any("Patr" in p.tag.grammemes for p in morph.parses(word.lower())[:4])
