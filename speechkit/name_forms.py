"""What form a name is in: whether two capitalised words are a given name and a surname, in which case
and of which gender.

«Гинаятова», «Исина», «Султанова» are a woman's nominative or a man's genitive: the word after the
pair, the words before it and the text's other forms of the surname decide (``NameForms._read_pair``, which
asks ``sex_in_context.SexInContext._woman``). The nominative a role's or a body's phrase is named by is in
``phrase_forms``; the role phrase around a name is read in ``name_roles``.

``NameForms`` is a part of ``speakers.Cast`` (through ``people.PeopleLearning``): its methods read the
cast's ``text`` and the people it already knows by surname (``by_key``). What a given name or a
surname's form says of sex by itself is in ``name_sex``; what a word alone says of a name (a role, a
surname's slot and form, a nominative) in ``name_words``; what the words around a name say of its place
(a post before it, a preposition, a place noun, a verb after it) in ``name_places``.
"""

from __future__ import annotations

import re

from . import morph, regexes
from .names import (CAP_AFTER, family_plural, feminine_given, first_name, foreign_nominative, given_slot,
                    her_adjectival_nominative, her_surname_as_patronymic, is_patronymic, known_first_name, listed_man,
                    listed_place, nominative_given, nominative_surname, place_or_body, surname_ending, surname_key)
from .name_places import NamePlaces
from .name_sex import (_her_surnames, _name_parses, _participle_case, _past_gender, capital_words, listed_woman,
                       speaks_as_a_man)
from .name_words import (_CASE_ENDINGS, _body_heads, _dictionary_surname, _is_role, _name_reading, demonym,
                         _listed_nominative, _nominative, _org_name_word, _same_case, _surname_form, _surname_slot)
from .roles import country_of_word, is_person_noun
from .text import norm_word, word_before
from .wordlists import load_words


class NameForms(NamePlaces):
    """The part of ``speakers.Cast`` that reads the case and gender of a name pair in its text."""

    def _read_pair(self, a: str, b: str, start: int, end: int) -> tuple[str, str, bool] | None:
        """``_read_pair_forms``; a well-known figure's name written as people.tsv writes it is a nominative."""
        pair = self._read_pair_forms(a, b, start, end)
        if (pair is None or _country_before(self.text, start)) \
                and (held := self._post_holder(a, b, start, end)) and pair != (a, held, True):
            # a pair the dictionary would not read as a name, or read as a woman's oblique case where a
            # post and its country stand before it («Министр иностранных дел Японии Такэси Ивая заявил»:
            # not «Такэся»'s genitive; the name after «… Японии» is the post's holder, in its case)
            return a, held, True
        if pair is not None and not pair[2]:
            from .people import _people_table  # (people builds on this module)

            known = _people_table().get(surname_key(b))
            if known is not None and known[0] == f"{a} {b}":
                return pair[0], pair[1], True  # «Эмомали Рахмон»: a well-known name as its nominative is written
        return pair

    def _post_holder(self, a: str, b: str, start: int, end: int) -> str | None:
        """The gender of the verb a pair is the subject of, where its place makes it a post holder's name
        in the nominative whatever the dictionary reads in its words: right after a post in the nominative
        and right before a past-tense verb («Министр транспорта Турции Селим Кая сообщил»: not a verb
        «селим» and Кай's genitive). Not after a post someone holds for another («помощник», «мать»),
        whose genitive may follow, nor a given name with a case ending before a man's verb."""
        # the verb right after the name, or a few lower-case words on in its clause («Хироси Мацуда в ответ
        # заявил», «… на брифинге заявил»)
        words = _LOWER_WORDS_AFTER.match(self.text[end : end + 60])
        gender = next((g for w in (words.group(0).split() if words else ()) if (g := _past_gender(w))), None)
        if gender is None or len(b) < 2 or a == b or any(_is_role(w) or country_of_word(w) or listed_place(w)
                                                        for w in (a, b)) or is_patronymic(b):
            return None
        if gender == "masc" and a.lower().endswith(("а", "я", "ом", "ем", "ым", "ой", "ей")):
            # («Глава фонда Алишера Усманова заявил»: a genitive the post's body is named by; a dative in «-у»
            # stands after no nominative post: «Министр энергетики Молдовы Дину Кожокару заявил» is the holder)
            return None
        if any(morph.parses(w.lower())[0].tag.POS in ("ADJF", "PRTF") for w in (a, b)):
            return None  # «Президент Соединенных Штатов прибыл»: a country's words, no name
        if self.text[max(0, start - 1) : start] in ("«", '"', "„") or self._before_place_noun(end) \
                or self._after_place_noun(start) and surname_ending(b) is None and (first_name(b) or ("",))[0] == b \
                or self._place_named_after(start) and not (known_first_name(a) and surname_ending(b) is not None) \
                or norm_word(morph.lemma(b)) in _body_heads():
            return None
        head = self._apposition_head(start)
        lemma = norm_word(morph.lemma(head)) if head is not None else ""
        if head is None or lemma in load_words("roles.txt", "relational nouns") \
                or lemma in load_words("roles.txt", "serving nouns") and not (
                    _country_before(self.text, start) and not b.lower().endswith(_OBLIQUE_SURNAME)):
            # (a serving noun whose country closes its complement is a post: «Генеральный секретарь кабинета
            # министров Японии Хироси Мацуда в ответ заявил»; not «… Японии Фумио Кисиды», whom it serves)
            return None
        cases = {c for p in morph.parses(head.lower())[:3] for c in ("nomn", "gent", "accs", "datv", "ablt", "loct")
                 if c in p.tag.grammemes}
        return gender if cases == {"nomn"} else None

    def _read_pair_forms(self, a: str, b: str, start: int, end: int) -> tuple[str, str, bool] | None:
        """(given name in the nominative, gender, whether the pair is in the nominative) of «a b» read
        as a given name and a surname, or None.

        «Гинаятова», «Исина», «Султанова» are a woman's nominative or a man's genitive: the word after
        (a past-tense verb's gender), the word before (a preposition; a role noun whose case the name
        shares; an inverted verb's gender) and the text's other forms of the surname («Исиной») decide;
        with no evidence the nominative is read, as a name is most often first met as a subject.
        """
        if country_of_word(a) and surname_ending(b) in ("", "а") and self._after_role(start) and first_name(a):
            pass  # «депутат Дания Еспаева»: after a post, a country's name before a surname is a given name
        elif _is_role(a) or demonym(a) or country_of_word(a) or listed_place(a) or len(b) < 2 \
                or not _surname_slot(b, after_given=known_first_name(a) or self._verb_after(end),
                                     introduced=self._introduced_by_post(b, start) or her_surname_as_patronymic(a, b)):
            # «Шымкента Жанатом»: a city is no given name, whatever a name's place says; a given name as the
            # second word only as the subject of the verb after it («Приянка Наир считает»: an Indian surname)
            return None
        if surname_ending(a) in ("ых", "ыми"):
            return None  # «Дочь Бековых Алия»: a family's plural is no given name
        if family_plural(b, coordinated=bool(_GIVEN_AND.search(self.text, max(0, start - 30), start))):
            return None  # «Ольга и Андрей Ковалевичи»: a family's plural is no one person's surname
        if norm_word(morph.lemma(a)) in load_words("roles.txt", "relational nouns") and not known_first_name(a):
            return None  # «Жена Шерзода осталась …» at a sentence's start: a kinship noun, whose wife, no name
        if (fb := first_name(b)) is not None and fb[0] == b and known_first_name(b) \
                and self.whose_kin(word_before(self.text, start), a, b):
            return None  # «Мама Димы Анастасия»: whose kin, then the kin's own given name
        if is_person_noun(a) and not known_first_name(a) and self._sentence_start(start) and surname_ending(b) is None \
                and (known_first_name(b) or listed_woman(b)) and (first_name(b) or ("",))[0] == b:
            # «Программистка Алеся»: a person's noun opening the sentence, then a given name alone (not «Улан
            # Момунов»; nor «Мераб Гелашвили», a name the dictionary guesses a noun in)
            return None
        if not _name_reading(a) and _org_name_word(a):
            return None  # «глава Управления Суэцкого канала»: a body's head is no given name
        if len(b) == 2 and not (known_first_name(a) and b[1:].islower()):
            return None  # «Виктор Ли», «Ирина Ни»: a two-letter surname only after a given name the dictionary knows
        if a == b:
            return None  # «Патриарх … Кирилл Кирилл Патриарх …»: a scraped tooltip repeats the name, no surname
        if norm_word(morph.lemma(b)) in _body_heads():
            return None  # «Жогорку Кенеша»: a body's head noun is no surname
        if surname_ending(a) not in (None, "", "а") and self._known_surname(a):
            return None  # «— сказал Токаеву Путин»: a surname declined, then another name, is no given name
        if _listed_nominative(a) and self.by_key.get(surname_key(a)) and CAP_AFTER.match(self.text, end):
            # «Адвокат Беридзе Тамта Кипиани» (after «Лашу Беридзе»): a surname the text gave someone, of an ending no
            # given name has, then a given name and a surname: whose lawyer, then who she is
            return None
        if surname_ending(a) is None and self.declined_surname(a) and (first_name(b) or ("",))[0] == b:
            return None  # «Гурген Саакян … Напарник Саакяна Тигран»: a known surname declined, then a given name alone
        if self.text[max(0, start - 1) : start] in ("«", '"', "„"):
            return None  # «Кызылжар Су», "Батыс су арнасы": a quoted name is a company's, not a person's
        if self._before_place_noun(end):
            return None  # «в селе Кок-Жар Таласской области»: a place's adjective, no surname
        if self._after_place_noun(start) and not known_first_name(a) and not listed_woman(a) \
                and (listed_woman(b) or known_first_name(b) and (first_name(b) or ("",))[0] == b):
            return None  # «Жительница микрорайона Шанырак Мадина»: the place's name, then a given name alone
        if self._place_named_after(start) and not (known_first_name(a) and surname_ending(b) is not None):
            # «Скотовод из аймака Увс Баяр»: after «из аймака», «в селе» the place's own name (not before a
            # given name and a surname: «Руководитель диаспоры в регионе Фируз Назаров»)
            return None
        if _FROM_BEFORE.search(self.text[max(0, start - 5) : start]):
            return None  # «Дальнобойщик из Тюпа Марат»: after «из» a place or a body, no given name
        ending = surname_ending(b)
        if place_or_body(a) and not ((ending is not None or not morph.analyzer().word_is_known(b.lower()))
                                     and self._named_by_context(start, end)):
            # «Дархан», «Назым» are places too: a given name only with a clear surname (or one the
            # dictionary does not know: «Назым Кахарман») where a name is due
            return None
        known = first_name(a)
        # «Экоактивистка из Улан-Удэ Дарима Цыденова»: a word the dictionary reads as a verb's form
        # («дарима», a participle) capitalised mid-sentence before an «-ов», «-ова» surname is a given name; so
        # before a surname of an ending written alike in every case («эксперт Нарек Геворкян», «священник Давит
        # Гиоргобиани»: «нарек», «давит» are verbs too)
        named_form = (ending in ("", "а") or _listed_nominative(b)) and not self._sentence_start(start) \
            and morph.parses(a.lower())[0].tag.POS in ("VERB", "PRTS", "GRND", "INFN")  # (not «Соединенных Штатов»)
        if known is None and not ((given_slot(a) or named_form) and (ending is not None or _dictionary_surname(b)
                                                                     or self._named_by_context(start, end))):
            return None
        if known is None and morph.analyzer().word_is_known(a.lower()) and not _name_reading(a) and not named_form \
                and not (self._after_role(start) and any("nomn" in p.tag.grammemes for p in morph.parses(a.lower())[:3])
                         or _surname_form(b) and self._named_by_context(start, end)
                         or self._after_role(start) and _same_case(a, b)
                         or ending == "" and _noun_as_given(a)):
            # a common noun as a given name only right after a role («Министр энергетики Канат Сарбасов»), in
            # the nominative unless the surname's own form says a name is here and its place does too
            # («пенсионер Бердах Каллыбеков», «Мака Гогиберидзе заявила»: «бердах», «мака» read only as
            # oblique cases): «Требование Путина …», «на Острове Уайт», «депутат Мажилиса Иванова» are no names;
            # after a role, a surname's case ending the common noun shares makes a name too («главе
            # госпредприятия Алмазу Дуйшеналиеву», «с министром Маратом Султановым»); or a noun in the
            # nominative before a man's nominative «-ов», «-ин» surname («участвовали Талант Каримов и …»)
            return None
        if ending is None or ending == "":
            if ending is None and her_adjectival_nominative(b) is not None and (given := _her_declined_given(a)):
                # «Марии Толстой», «Анне Крутой»: a woman's adjectival surname in an oblique case (a nominative would
                # be «Толстая»), so her given name is in that case too (not the listed «Анне» as written)
                return (given, "femn", False)
            if ending is None and a.lower().endswith("а") and not morph.analyzer().word_is_known(a.lower()) \
                    and not listed_woman(a) and foreign_nominative(b, "а") and self._oblique_place(start) \
                    and not self._womans_noun_before(start):
                # «слова представителя управления Орхана Демиреля»: in an oblique place no woman's nominative
                # stands, and a woman's surname would not decline; both words in «-а», «-я» are his genitive
                return (a[:-1], "masc", False)
            if ending is None and not known and b.lower() in self._label_surnames():
                # «Министр … Байба Озола …» and «Озола:» labelling her turns: a label is a nominative
                said = self._verb_of_name(start, end)
                return (a, said or ("femn" if a.lower().endswith(("а", "я")) else "masc"), True)
            if ending is None and not known and a.endswith(("у", "ю")) and self.accusative_of_a(b) is not None:
                # «победив японца Кэнту Ямаду … Ямада признал»: the text writes the surname in «-а» too, so both
                # words are the accusative of names in «-а», which decline alike for a man and a woman
                femn = self._womans_noun_before(start) or self._verb_of_name(start, end) == "femn"
                return (a[:-1] + ("а" if a.endswith("у") else "я"), "femn" if femn else "masc", False)
            if ending is None and not known:
                # «с Ваагном Хачатуряном»: the surname's case ending comes off the unknown given name too
                nom = nominative_surname(b, "masc")
                tail = b.lower()[len(nom):] if b.lower().startswith(nom.lower()) else ""
                if tail and nominative_given(a, tail) != a and not self._womans_noun_before(start):
                    # (not «Юко Наката»: a given name that shows no case; nor «студентка из Индии Прия Шарма»)
                    return (nominative_given(a, tail), "masc", False)
                shared = next((e for e in _OBLIQUE_ENDINGS if a.endswith(e) and (b.endswith(e) or b.endswith(
                    _SOFT.get(e, e)))), None)  # («Олафом Шольцем»: one case, a hard and a soft ending)
                if shared and not self._woman(a, b, start, end) and (shared != "а" or self._oblique_place(start)):
                    # «канцлера Германии Олафа Шольца»: two foreign names with one case ending, in an oblique place
                    # (not «Тренер Кэнта Ямада доволен»: Japanese names end in «-а» in the nominative)
                    return (a[: -len(shared)], "masc", False)
                if a.lower().endswith(("ой", "ей")) and len(a) > 4 and self._instrumental_place(start):
                    # «с премьер-министром Италии Джорджей Мелони»: a woman's instrumental beside a surname
                    # that does not decline (a man's would: «Мелони» stays, «Джорджем» is his)
                    hushing = a[-3:-2].lower() in "жшчщц"
                    return (a[:-2] + ("а" if a.lower().endswith("ой") or hushing else "я"), "femn", False)
                # (a name the dictionary lacks is a woman's if listed: «Жулдыз Сейткали», or if the verb whose
                # subject the name is says so: «— заявила глава агентства Мака Гогиберидзе»)
                # («студентка из Индии Прия Шарма»: hers, as written; not «с японкой Юки Мацумото», no subject)
                after_her_noun = self._womans_noun_before(start, nominative=True)
                # («обыграв американку Мэдисон Грей»: a woman's noun in apposition, in any case, says her sex)
                femn = listed_woman(a) or self._verb_of_name(start, end) == "femn" or after_her_noun \
                    or self._womans_noun_before(start)
                return (a, "femn" if femn else "masc",
                        _nominative(b) or _bare_given(a, b) or after_her_noun or self._after_nominative_post(start))
            fa = first_name(a, oblique=False) if known else (a, "masc")
            if fa[0] == a and fa[1] != "femn" and listed_woman(a):
                fa = (a, "femn")  # «Асмик Мартиросян»: a listed woman's name the dictionary reads as a man's
            if ending == "" and fa[0] != a and not any("nomn" in p.tag.grammemes for p in _name_parses(a)):
                fa = (a, fa[1])  # «Ильхом Норкулов»: beside a nominative surname the given name is one too (not «Ильх»)
            if ending == "" and fa[1] == "femn" and not listed_woman(a):
                # «Маулен Ашимбаев», «Акмаль Турсунов»: a nominative «-ов», «-ин» surname is a man's (a woman's
                # is «-ова»); the dictionary's woman's reading of the given name (an oblique «Маулена»'s plural
                # genitive, an indeclinable «Акмаль») is not it. A listed woman's name keeps hers.
                fa = (a, "masc")
            subject = ending == "" or _nominative(b)
            if known and ending is None and b[-1:].lower() in "оуеиэю" and self._oblique_place(start) \
                    and (mans := _mans_genitive(morph.parses(a.lower())[:8])) and not self._woman(a, b, start, end):
                # «По словам фермера Иона Лупу»: after a post in an oblique case, a surname that does not decline says
                # nothing; the given name's man's genitive does (not Иона's nominative)
                fa, subject = (_as_written_name(mans[0].normal_form, a), "masc"), False
            if subject and ending is None and _oblique_surname(b) and (mans := _mans_genitive(morph.parses(a.lower())[:8])):
                # «По словам Леонида Кучмы»: a surname the dictionary reads as one man's genitive (its nominative only
                # a family's plural) makes the given name his genitive too, not a woman's «Леонида»
                fa, subject = (_as_written_name(mans[0].normal_form, a), "masc"), False
            after = _SPACED_LOWER_WORD.match(self.text[end : end + 40])
            if known and ending is None and a[-1:] in "ая" and after and _past_gender(after.group(1)) == "femn" \
                    and not self._thing_before(start, "femn") and not self._his_surname(b):
                return (a, "femn", True)  # «Кая Каллас заявила»: not Кай's genitive, a woman's nominative
            if known and ending is None and fa[1] == "femn" and self._his_surname(b):
                # «Интервью Георгия Гоцеридзе вышло … Гоцеридзе заявил»: the text has the surname act as a man's,
                # so a given name that is a man's genitive too («Георгия», «Александра») is his
                masc = _mans_genitive(morph.parses(a.lower())[:8])
                if masc:
                    return (_as_written_name(masc[0].normal_form, a), "masc", False)
                if a.lower().endswith("а") and a[-2:-1].lower() not in morph.VOWELS and self._oblique_place(start):
                    # «По словам председателя Нацбанка Фируза Хайдарзода … — сказал Хайдарзода»: after a post in an
                    # oblique case, the genitive of a man's name the dictionary lacks (it reads only a woman's)
                    return (a[:-1], "masc", False)
            if known and ending is None and not _dictionary_surname(b):
                # «канцлера Австрии Карла Нехаммера»: «Карла» is Carla or Karl's genitive; in an oblique
                # place it is Karl's, and the foreign surname declines alike
                masc = [p for p in morph.parses(a.lower())[:8] if {"Name", "masc"} <= p.tag.grammemes
                        and "nomn" not in p.tag.grammemes and "Fixd" not in p.tag.grammemes]  # («Ли» says no case)
                # (a woman's name the dictionary lacks, «Амина», read as Амин's genitive: the words around decide)
                if masc and not self._woman(a, b, start, end) and not self._after_present_speech_verb(start):
                    given = _as_written_name(masc[0].normal_form, a)
                    if a.startswith(given) and b.endswith(a[len(given):]):
                        return (given, "masc", False)
            if known and ending is None and not listed_man(a) \
                    and not any(("nomn" in p.tag.grammemes or "voct" in p.tag.grammemes)
                                and "Name" in p.tag.grammemes for p in morph.parses(a.lower())[:6]) \
                    and not (not morph.analyzer().word_is_known(a.lower()) and self._verb_after(end)
                             and not self._thing_before(start, known[1])):
                # «Ильхамом Шольцем»: the given name's case; but a name the dictionary only guesses at, as the
                # subject of the verb after it, is as written («Приянка Наир считает»)
                fa, subject = first_name(a, oblique=True), False
            if known and ending is None and fa[1] == "masc" and fa[0] != a and a.endswith("е") \
                    and b[-1:].lower() in _DECLINING_CONSONANTS:
                # «уступив чешке Мартине Новак»: a man's surname in a consonant declines with his given name
                # («Мартине Новаке»); one as written beside a given name in «-е» is a woman's, the name hers
                fa = (a[:-1] + ("я" if a[-2:-1].lower() in "аеёиоуыэюяь" else "а"), "femn")
            if known and ending is None and fa[0] != a and a[-1:] in "ая" and self._woman(a, b, start, end):
                # «Амина Бенхадди, находящаяся …, провела»: a woman's name the dictionary lacks, read only as a man's
                # oblique case, where the words around agree with a woman
                fa, subject = (a, "femn"), subject or self._verb_of_name(start, end) == "femn" or _nominative_clause(
                    self.text, end)
            if ending is None and fa[0] != a and not morph.analyzer().word_is_known(a.lower()) \
                    and (said := self._verb_of_name(start, end)) in ("masc", "femn") and said != fa[1] \
                    and not self._oblique_place(start):
                fa = (a, said)  # «Жительница деревни Кастри Елени Маркопулу рассказала»: not «Еленя», a man's guess
            if ending is None and not subject and fa[0] == a and self._verb_after(end) \
                    and not re.search(r"(?<![\w-])[а-яё][а-яё-]* $", self.text[max(0, start - 40) : start]) \
                    and not any(self._thing_before(start, g) for g in ("masc", "femn", "neut")) \
                    and not place_or_body(a) and not place_or_body(b) and not _org_name_word(a):
                # «Экономист из Дели Приянка Наир считает»: right before a verb, after no common noun whose
                # genitive it could be, a name is the verb's subject
                subject = True
            if ending is None and subject and self._oblique_place(start):
                subject = False  # «встретился с главным тренером Паоло Моретти»: neither word declines; the place says
            if ending is None and fa[0] == a and not listed_woman(a):
                # «Ли Цзяци пожаловалась», «обыграв китаянку Ли Цзяци»: a foreign name as written says nothing of
                # its sex the dictionary could know; the verb it is the subject of, or a woman's noun before it, does
                said = self._verb_of_name(start, end) or ("femn" if self._womans_noun_before(start) else None)
                if said in ("masc", "femn"):
                    fa = (fa[0], said)
            if not subject and fa[0] == a and (_bare_given(a, b) or listed_man(a) and not self._oblique_place(start)) \
                    and not place_or_body(b):
                subject = True  # «Анил Бора»; «— рассказал фермер Василе Гуцу» (data/mens_names.txt: one form)
            names = _name_parses(a) if not subject and fa[0] == a and known and not place_or_body(b) else []
            if names and all(p.tag.case == "nomn" and "Fixd" not in p.tag.grammemes for p in names):
                # «— заявил журналист Иван Кулеба»: a given name the dictionary reads only in the nominative
                # («Иван», «Анна») puts the pair in the nominative, whatever the surname it does not know
                subject = True
            elif fa[1] == "femn" and any({"femn", "nomn"} <= p.tag.grammemes for p in names) \
                    and (self._womans_noun_before(start) or self._verb_of_name(start, end) == "femn"):
                subject = True  # «— заявила журналистка Александра Кулеба»: her nominative, as the words beside it say
            if fa[0] == a and not subject:
                # «Вечер памяти Александра Кушнера», «Стихи Александра Кушнера»: in an oblique case a given name
                # the dictionary reads as a man's genitive and as no man's nominative is his, not a woman's
                # nominative (hers would be «Александры»)
                parses = morph.parses(a.lower())[:8]
                masc = _mans_genitive(parses)
                if masc and not any({"Name", "nomn", "masc"} <= p.tag.grammemes for p in parses) and (
                        fa[1] == "masc" or not any({"Name", "femn"} <= p.tag.grammemes and p.tag.case != "nomn"
                                                   for p in parses)
                        and self._verb_of_name(start, end) is None and not self._womans_noun_before(start)
                        and not self._after_present_speech_verb(start) and not self._verb_after(end)):
                    # (not «Примар села Валентина Русу говорит»: the subject of a speech verb in the present tense
                    # right after it, in the nominative, a woman's name)
                    fa = (_as_written_name(masc[0].normal_form, a), "masc")
            return (fa[0], fa[1], subject)
        if ending in ("ы", "ых", "ыми"):  # («-ым» is a man's instrumental too: «Токаевым»)
            return None  # «Ерлан и Салтанат Абеновы»: a family's plural is no one person's name
        if ending == "ой" and first_name(a) == (a, "masc") and not listed_woman(a) \
                and any(p.tag.POS == "ADJF" and {"masc", "nomn"} <= p.tag.grammemes for p in morph.parses(b.lower())[:8]):
            return (a, "masc", True)  # «Константин Луговой»: a man's adjectival surname, in the nominative as written
        if ending != "а":  # «Токаевым», «Гинаятовой», «Алиеву»: a declined surname
            gender = "femn" if ending in ("ой", "ою") else "masc"
            listed = listed_woman(a)  # «Ажар»: the dictionary knows a man's only
            if ending == "у" and self._accusative(start) and not (
                    known and not listed and not any("femn" in p.tag.grammemes for p in _name_parses(a))):
                # «спросили министра Алию Гинаятову»: a woman's accusative, not a man's dative (but «пишет
                # Ивану Петрову»: no woman's name reads in «Ивану»)
                gender = "femn"
            if gender == "femn" and listed and (a.lower().endswith("е") or ending != "у" and a.lower().endswith(
                    ("у", "ю", "о"))):
                # «режиссера Сауле Тулегеновой»: a listed name in «-е» does not decline; nor one in «-у» beside a
                # surname in «-ой» («драма Айсулу Бекмухамбетовой»: «-у» would be an accusative, hers is «-у»)
                return (a, gender, False)
            if known and morph.analyzer().word_is_known(a.lower()):
                # (a name the dictionary only guesses at, «Даниёром», is declined as the surname is)
                if gender == "femn" and a[-1].lower() not in morph.VOWELS and a[-1].lower() != "й" \
                        and (listed or any({"Name", "femn", "Fixd"} <= p.tag.grammemes for p in _name_parses(a))):
                    return (a, gender, False)  # «с Айгуль Сариевой»: a name ending in a consonant does not decline
                readings = [p for p in morph.parses(a.lower())[:8] if {"Name", "sing", gender} <= p.tag.grammemes
                            and "nomn" not in p.tag.grammemes and "Fixd" not in p.tag.grammemes]
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

    def whose_kin(self, kin: str | None, a: str, b: str) -> bool:
        """Whether «kin a b» is a kinship noun, whose kin it is by a given name in a case, then (b) the kin's own
        name: «Мама Димы Анастасия», «Муж Дилнозы Бахтиёр» (after «Дилноза Хамидова»); «Жена Фаридуна Мадина»: a
        woman's kin noun, a man's name the dictionary lacks in the genitive, and a listed woman's name (not the wife
        of a Фаридун Мадин)."""
        if kin is None or (lemma := norm_word(morph.lemma(kin))) not in load_words("roles.txt", "relational nouns"):
            return False
        return (fa := first_name(a)) is not None and fa[0] != a or self._declined_given(a) \
            or listed_woman(b) and a.endswith(("а", "я")) and given_slot(a[:-1]) \
            and lemma in load_words("roles.txt", "women's kin")

    def _declined_given(self, word: str) -> bool:
        """Whether a word is a case form of the given name of someone the text names («Дилнозы» after «Дилноза
        Хамидова», «Фаридуна» after «Фаридун Саидов»): the name with its last vowel changed, or one or two letters on."""
        low, firsts = word.lower(), self.first_names()
        if low in firsts:
            return False
        if low[-1:] in "ыиеуюй" and (low[:-1] + "а" in firsts or low[:-1] + "я" in firsts):
            return True  # «Дилнозы»: «Дилноза»
        if any(len(low) - k >= 2 and low[:-k] in firsts for k in (1, 2)):
            return True  # «Фаридуна»: «Фаридун»
        # a given name the text writes alone, as its nominative, that no one has been read by yet («Фаридун работает
        # на складе. … Жена Фаридуна Мадина»)
        bare = word[:-1]
        return low[-1:] in "ауе" and len(bare) >= 3 and self._text_has(bare.lower()) \
            and (first_name(bare) or ("",))[0] == bare and surname_ending(bare) is None

    def _after_present_speech_verb(self, start: int) -> bool:
        """Whether a speech verb in the present tense stands right before a name, inverted after a quote («—
        говорит Валентина Гуцу»): the name is its subject, in the nominative (not «Валентин»'s genitive); not after
        a verb of quoting, whose object the name is («— цитирует Карла Нехаммера агентство»)."""
        from .attribution import QUOTING  # (both build on the speaker model)
        from .quotes import is_speech_verb

        before = word_before(self.text, start)
        return before is not None and is_speech_verb(before) and norm_word(morph.lemma(before)) not in QUOTING \
            and any({"VERB", "pres"} <= p.tag.grammemes for p in morph.parses(before.lower())[:2])

    def declined_surname(self, word: str) -> bool:
        """Whether a word is a case form of the surname of someone the text names, not as the text writes it for
        them («Мкртчяна» after «Ашот Мкртчян»)."""
        kin = self.by_key.get(surname_key(word), ())
        low = norm_word(word)
        return bool(kin) and all(low not in map(norm_word, p.name.split()) for p in kin)  # (not «Ли» of «Ли Цян»)

    def _known_surname(self, word: str) -> bool:
        """Whether the word is a form of a surname the text, the people table or the dictionary knows as
        one (and the dictionary knows no given name in it)."""
        from .people import _people_table  # (people builds on this module)

        key = surname_key(word)
        if self.by_key.get(key) or _people_table().get(key):
            return True
        parses = morph.parses(word.lower())[:4]
        return any("Surn" in p.tag.grammemes for p in parses) and not any("Name" in p.tag.grammemes for p in parses)

    def accusative_of_a(self, word: str) -> str | None:
        """«Ямаду» → «Ямада» where the text writes «Ямада» too: a name in «-у», «-ю» is the accusative of one in
        «-а», «-я» (a foreign «-у» name is as written: «Лупу»; only the text's own nominative says otherwise)."""
        low = word.lower()
        if len(low) < 4 or low[-1] not in "ую":
            return None
        stem = word[:-1]
        if _listed_nominative(stem) or self._text_has(stem.lower()):
            return None  # «Гайку Мирзояну … Защитник Мирзояна … Мирзоян»: the cases of «Мирзоян»
        nominative = stem + ("а" if low[-1] == "у" else "я")
        return nominative if self._text_has(nominative.lower()) else None

    def _text_has(self, *forms: str) -> bool:
        """Whether the text writes one of the (lower-case) ``forms`` as a whole word, in any case.

        The text's words (runs of letters, digits and hyphens) are gathered once: a search of the
        whole text for each name read made a long text's cost grow with its square. They are
        gathered a piece of text at a time, so that only the distinct ones are ever held (a list of
        every word of a 10 MB text was 70 MB, the peak of its memory).
        """
        words = getattr(self, "_words", None)
        if words is None:
            words = self._words = _distinct_words(self.text)
        return any(f in words for f in forms)

    def _her_surnames(self) -> frozenset[str]:
        """``name_sex._her_surnames`` of the text, found once."""
        hers = getattr(self, "_hers", None)
        if hers is None:
            hers = self._hers = _her_surnames(self.text)
        return hers

    def _his_surname(self, b: str) -> bool:
        """Whether the text has the surname ``b`` (or, for «Кушнера», «Кушнер») speak or act as a man's alone
        (``name_sex.speaks_as_a_man``)."""
        capitals = getattr(self, "_capitals", None)
        if capitals is None:
            capitals = self._capitals = capital_words(self.text)
        return speaks_as_a_man(self.text, b, capitals) or b.endswith("а") and speaks_as_a_man(self.text, b[:-1], capitals)

    def _label_surnames(self) -> frozenset[str]:
        """The words that label a transcript's turns alone («ЮСУПОВА:», «Озола:»), lower case, found once: a
        label is a nominative, so a surname the text writes so is no genitive."""
        labels = getattr(self, "_labels", None)
        if labels is None:
            labels = self._labels = frozenset(m.group(1).lower() for m in _LABEL_WORD.finditer(self.text))
        return labels


_GIVEN_AND = regexes.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+ и $")  # «Ольга и | Андрей Ковалевичи»: two given names
# lower-case words after a name, and an outlet or a quoted name among them («в интервью NewsMaker | рассказала»)
_LOWER_WORDS_AFTER = regexes.compile(r"(?:[ \t]+(?:[а-яё]+|[A-Z][A-Za-z.]*|«[^«»\n]{1,30}»)){1,4}")
_FROM_BEFORE = regexes.compile(r"(?<![\w-])[Ии]зо? $")
_SPACED_LOWER_WORD = regexes.compile(r"\s+([а-яё]+)")
_LABEL_WORD = regexes.compile(r"^[ \t]*(?:\*\*)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{2,}(?:-[А-ЯЁ]+)?)(?:\*\*)?[ \t]*:", re.M)


def _nominative_clause(text: str, end: int) -> bool:
    """Whether a participle's clause in the nominative follows a name after a comma («…, находящаяся с визитом»)."""
    clause = re.match(r",\s+([а-яё]+)", text[end : end + 40])
    return clause is not None and (_participle_case(clause.group(1)) or ("",))[0] == "nomn"


def _her_declined_given(word: str) -> str | None:
    """A woman's given name in an oblique case, in the nominative («Анне» → «Анна»); one that does not decline
    as written («Асель»); None when the word is no woman's name."""
    parses = [p for p in morph.parses(word.lower())[:8] if {"Name", "femn", "sing"} <= p.tag.grammemes]
    declined = [p for p in parses if p.tag.case != "nomn" and "Fixd" not in p.tag.grammemes]  # («Анне»: Анна's too)
    if declined:
        return _as_written_name(declined[0].normal_form, word)
    return word if (parses or listed_woman(word)) and word[-1:].lower() not in "ая" else None


def _bare_given(a: str, b: str) -> bool:
    """Whether «a b» is a given name ending in a consonant, with no case ending, before a surname in «-а»
    («Анил Бора»): the nominative, as his genitive would be «Анила …» (not «Джо Байдена»: «Джо» does not
    decline)."""
    return b.endswith("а") and a[-1:].isalpha() and a[-1].lower() not in morph.VOWELS \
        and not a.lower().endswith(_CASE_ENDINGS)


def _oblique_surname(word: str) -> bool:
    """Whether the dictionary reads a word as a surname of one person only in an oblique case («Кучмы»: Кучма's
    genitive, or the Кучмы family)."""
    single = [p for p in morph.parses(word.lower())[:6] if {"Surn", "sing"} <= p.tag.grammemes]
    return bool(single) and all(p.tag.case != "nomn" for p in single)


def _mans_genitive(parses: list) -> list:
    """The readings of a given name as a man's genitive or accusative («Георгия», «Александра»)."""
    return [p for p in parses if {"Name", "masc"} <= p.tag.grammemes and p.tag.case in ("gent", "accs")
            and "Fixd" not in p.tag.grammemes]


def _as_written_name(lemma: str, written: str) -> str:
    nom = lemma.replace("ё", "е") if "ё" not in written.lower() else lemma
    return "-".join(part.capitalize() for part in nom.split("-"))


_SOFT = {"ом": "ем", "а": "я", "у": "ю"}
# a surname's case endings past the genitive «-а» that a serving noun's complement may show (not a dative's or an
# accusative's «-у»: «Главный тренер сборной Азербайджана Паулу Рибейру пообещал» is the coach, as written)
_OBLIQUE_SURNAME = ("ы", "и", "ой", "ей", "ом", "ем", "ым")
_DECLINING_CONSONANTS = "бвгджзклмнпрстфхцчшщь"  # a man's surname ending so takes case endings: «Новаку»
_OBLIQUE_ENDINGS = ("ом", "ем", "а", "у", "ю", "е")  # a man's foreign name declined: Олафа Шольца, Олафом Шольцем

_TEXT_WORD = regexes.compile(r"[\w-]+")
_NOT_WORD = regexes.compile(r"[^\w-]")  # where a piece of text may end without cutting a word
_PIECE = 1 << 16  # characters of text read at a time for its words


def _distinct_words(text: str) -> frozenset[str]:
    """The lower-case words of ``text``, read a piece at a time (each piece ends between words)."""
    words: set[str] = set()
    a = 0
    while a < len(text):
        m = _NOT_WORD.search(text, a + _PIECE) if a + _PIECE < len(text) else None
        b = m.start() if m else len(text)
        words.update(map(str.lower, _TEXT_WORD.findall(text, a, b)))
        a = b
    return frozenset(words)


def _country_before(text: str, start: int) -> bool:
    """Whether the word right before is a country's name («… Японии Такэси Ивая»)."""
    before = word_before(text, start)
    return before is not None and (c := country_of_word(before)) is not None and not c[1]


def _noun_as_given(word: str) -> bool:
    """Whether a common noun the dictionary knows can be a given name before a surname: a noun in the
    nominative singular that is no person noun or post («Господин», «Товарищ», «Сенатор»), no place, body or
    country («Талант», «Мир», «Нур»)."""
    if surname_ending(word) is not None:
        return False  # «— сказал Путину Токаев»: a surname's case form
    parses = morph.parses(word.lower())[:2]
    return bool(parses) and parses[0].tag.POS == "NOUN" and {"nomn", "sing"} <= parses[0].tag.grammemes \
        and not is_person_noun(word) and not _is_role(word) and not place_or_body(word) \
        and not country_of_word(word) and not _org_name_word(word)
