"""Noun phrases that name people: a person by name, the holder of a post, a group.

* a name: a person the speaker model knows, a surname it knows, or a capitalised pair the dictionary
  lacks («сказал Ваагн Хачатурян»); in the subject's place only a nominative names its person
  («отметила бывшая супруга Бишимбаева» does not name him);
* a post: the person the text introduced with it («сказал министр», «Глава государства»), else the
  post itself speaks;
* a group: «спросили журналисты», «Эксперты S&P пишут»; a bare «дипломаты» right after a body made a
  statement is that body's people.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from . import morph, regexes
from .name_words import _body_heads, _listed_nominative
from .name_sex import _feminine_noun, _masculine_noun, _participle_case, _past_gender, _sex_of_form
from .name_places import place_noun
from .names import (CAP_RE, capitalised, is_patronymic, first_name, gender_of_verb, given_slot, known_first_name,
                    listed_woman, place_or_body, surname_ending, surname_key, surname_like)
from .noun_phrases import (ONE_OF, Context, Word, _adjectival, _can_be, _clip, _indeclinable, _known,
                           _oblique_mention, _place_noun_before, _quoted, _reading, _subject, words_in)
from .group_phrases import group
from .roles import country_of_word, is_person_noun, post_of, role_lemmas
from .speakers import SUBJECT_SENTENCES, Cast, Participant, _nominative_head
from .text import SITE_SUFFIX, norm_word, word_before
from .wordlists import load_words


def _person_at(cast: Cast, np: list[Word], oblique: bool, gender: str | None = None) -> Participant | None:
    """The person whose name heads the phrase."""
    if not np or _quoted(np[0]):
        return None
    w = np[0]
    if capitalised(w.text) and not _role_word(w.text) and not (
            len(np) > 1 and is_person_noun(w.text) and cast._sentence_start(w.start)):
        return _person_in(cast, np, oblique, verb_gender=gender)
    # «Помощник Владимира Путина заявил»: a noun of a person's role or kin, capitalised because it
    # begins the sentence, heads the phrase; the name after it is its complement, not the speaker
    return None


def _person_in(cast: Cast, np: list[Word], oblique: bool, nominative_only: bool = False,
               verb_gender: str | None = None) -> Participant | None:
    """A name in the phrase: a person the cast knows, a known surname, or a capitalised pair.

    In the subject's place a name in the nominative comes before one in another case («заявил министру
    Асель Сапаровой Иван Петров»: he speaks, to her)."""
    first = None
    for w in np:
        if _quoted(w):
            continue
        p = cast.at(w.start)
        if p is not None and p.kind == "person" and not oblique and verb_gender in ("masc", "femn") \
                and p.gender in ("masc", "femn") and p.gender != verb_gender:
            first = first if first is not None or nominative_only else p  # («ответила Назарбаеву Сидорова»)
            continue  # «Адвокат Гоцеридзе Нино Беридзе назвала …»: the one the verb's sex is not, whom she serves
        if p is not None and p.kind == "person":
            m = p.last_before(w.start + 1)
            # (a man's «-ова» is his genitive, though the form may be a woman's nominative: «Адвокат Халилова
            # Дилшод Умаров» is not Халилов)
            his_genitive = p.gender == "masc" and surname_ending(cast.text[m.start : m.end].split()[-1]) == "а"
            if oblique or m.subject or _indeclinable(cast.text, m) and not his_genitive:
                return p
            if not nominative_only and first is None:
                first = p
    if first is not None:
        # «— ответил Назарбаеву Ельцин»: a surname in the nominative after the one spoken to
        after = [w for w in np if w.start >= first.last_before(len(cast.text)).end]
        ending = surname_ending(after[0].text) if len(after) == 1 else None
        sex = {"": "masc", "а": "femn"}.get(ending)
        if sex and verb_gender in (None, sex) and CAP_RE.fullmatch(after[0].text) \
                and not _role_word(after[0].text) and not place_or_body(after[0].text):
            p = cast.person(None, after[0].text, sex, nominative=True)
            cast.mention(p, after[0].start, after[0].end, True)
            return p
        return first
    # (not a word after «из»: «Дальнобойщик из Тюпа Марат» names a place, then a given name)
    after_from = {np[k].start for k in range(1, len(np)) if np[k - 1].low in ("из", "изо")}
    # (nor a word after a preposition and a place noun: «Скотовод из аймака Увс Баяр» names the aimag Увс)
    after_from |= {np[k].start for k in range(2, len(np)) if _place_noun_before(np, k, preposition=True) and not (
        known_first_name(np[k].text) and k + 1 < len(np) and surname_ending(np[k + 1].text) is not None)}
    # (the phrase's head noun may stand before it: «Жительница | Кок-Жара Бибигуль»)
    placed = [(_place_noun_before(np, k) if k else place_noun(word_before(cast.text, np[0].start))) for k in range(len(np))]
    # (nor one after a place noun that two capitalised words follow: «жительница префектуры Миядзаки Юко Наката»)
    after_from |= {np[k].start for k in range(len(np) - 2) if placed[k]
                   and np[k + 1].text[:1].isupper() and np[k + 2].text[:1].isupper()}
    # (nor one after a place noun that a given name alone follows: «жительница Кежмы Ольга», «на рынке Чорсу Равшан»)
    after_from |= {np[k].start for k in range(len(np) - 1) if placed[k] and k + 2 == len(np)
                   and np[k + 1].text[:1].isupper() and (first_name(np[k + 1].text) or ("",))[0] == np[k + 1].text}
    caps = [w for w in np if CAP_RE.fullmatch(w.text) and not place_or_body(w.text) and not _role_word(w.text)
            and not (cast._text_place(w.text) and not known_first_name(w.text))
            and not country_of_word(w.text) and (_reading(w.text)[2] in ("NOUN", None) or not _known(w.text)
                                                 or len(np) == 1 and _surname_nominative(w.text))  # («Вишневская»)
            and _name_like(w.text) and w.start not in after_from
            and _reading(w.text)[0] not in _body_heads()  # (not «на заседании Жогорку Кенеша»)
            and surname_ending(w.text) not in ("ых", "ыми")]  # (nor a family's plural: «Дочь Бековых Алия»)
    # «сказал Ваагн Хачатурян»: a capitalised pair in the subject's place is a name the dictionary lacks
    for a, b in zip(caps, caps[1:]):
        known = cast.by_key.get(surname_key(b.text), ())
        if known and np.index(b) == np.index(a) + 1:
            # «заявила бывшая жена Куандыка Бишимбаева»: a form of someone the text knows; in the
            # subject's place only his nominative names him (here he is the kinship noun's complement)
            if oblique:
                return known[0]
            # (the text's own case of this mention first: «брат футболиста Артёма Дзюбы» is his genitive)
            return known[0] if not _oblique_mention(cast, a) and any(_nominative_of(p, b.text) for p in known) \
                else None
        if (first_name(a.text) is None and surname_ending(a.text) not in (None, "") or cast.declined_surname(a.text)) \
                and (first_name(b.text) or ("",))[0] == b.text and surname_ending(b.text) is None \
                or (first_name(b.text) or ("",))[0] == b.text and known_first_name(b.text) \
                and cast.whose_kin(word_before(cast.text, a.start), a.text, b.text):
            # «Дочь Крутиковой Анастасия», «сосед Мкртчяна Карен» (after «Ашот Мкртчян»): someone's surname in its
            # case, then the given name of the one the noun names; «Жена Фаридуна Мадина»: a given name so
            continue
        if np.index(b) == np.index(a) + 1 and (oblique or _can_be(b.text, "nomn") or not _known(b.text)) \
                and not (b is not caps[-1] and (first_name(b.text) or ("",))[0] == b.text):
            # (not «Корнилова Дмитрий» before «Агранович»: a given name in the nominative opens the next pair)
            fa = first_name(a.text)
            gender = verb_gender or (fa[1] if fa else "masc")  # «поделилась … Асия Тюлюбаева»
            given = fa[0] if fa and fa[1] == gender else a.text
            if is_patronymic(b.text):
                # «Сама Нина Петровна ответила»: a given name and a patronymic are how the text calls someone it
                # named in full («Нина Петровна Сидорова»), if one person has that given name
                named = [q for q in cast.people() if q.first == given and q.name != f"{given} {b.text}"]
                if len(named) == 1:
                    cast.mention(named[0], a.start, b.end, not oblique)
                    return named[0]
            p = cast.person(given, b.text, gender, nominative=not oblique)
            cast.mention(p, a.start, b.end, not oblique)
            return p
    for w in caps:
        people = _of_the_forms_sex(cast, w)
        if people and (oblique or not nominative_only or _nominative_of(people[0], w.text)):
            return people[0]
    if len(caps) == 1 and caps[0] is np[0] and oblique and (not _known(np[0].text) or _surname(np[0].text)):
        # «цитирует заявление Мутко»: a surname the text has not introduced, as a complement
        p = cast.person(None, np[0].text, verb_gender or "masc")
        cast.mention(p, np[0].start, np[0].end, False)
        return p
    if len(np) == 1 and caps and caps[0] is np[0] and not oblique:
        word = np[0].text
        ending = surname_ending(word)
        if verb_gender == "masc" and ending not in (None, "") or ending not in (None, "", "а"):
            # «Адвокат Бишимбаева заявил»: a man's surname in -а is his genitive, not the subject (alone
            # after a verb of no gender, «— пишет Ивану Петрову Сидорова», no noun governs a genitive)
            return None
        if _of_the_forms_sex(cast, np[0]):
            return None  # «отметила бывшая супруга Бишимбаева»: a known man's form that is not his nominative
        named = [p for p in cast.people() if p.first == word and p.name != word
                 and (verb_gender is None or p.gender in (verb_gender, None))]
        if len(named) == 1:  # «Певец Ерлан Сейткали …» then «— признался Ерлан»: the one named in full
            cast.mention(named[0], np[0].start, np[0].end, True)
            return named[0]
        if not _known(word) or _surname_nominative(word):
            # «говорит Гернстермайер»: a surname the text has not introduced, alone in the subject's place;
            # «сказал Петров», «сказал Кузнецов» (not the genitive plural of «кузнец»): one the dictionary knows
            # (a woman's «-ова» or adjectival «-ая»: «— говорит Вишневская»)
            p = cast.person(None, word, verb_gender or ("femn" if ending == "а" or word.endswith("ая") else "masc"),
                            nominative=True)
            cast.mention(p, np[0].start, np[0].end, True)
            return p
        fn = first_name(word)
        if fn is not None and fn[0] == word and (verb_gender is None or verb_gender == fn[1]):
            # «рассказывает Василий»: a given name alone
            p = cast.get(word) or cast.add(Participant(word, "person", fn[1], surname_key(word), word))
            cast.mention(p, np[0].start, np[0].end, True)
            return p
    return None


def _nominative_of(p: Participant, word: str) -> bool:
    """Whether ``word`` is the nominative of the person's surname: the form their name has, or any
    nominative reading when their gender is unknown («Адвокат Бишимбаева»: a man's genitive)."""
    return norm_word(word) == norm_word(p.name.split()[-1]) or (p.gender is None and _can_be(word, "nomn"))


@functools.lru_cache(maxsize=50_000)
def _surname_nominative(word: str) -> bool:
    return any({"Surn", "nomn", "sing"} <= p.tag.grammemes for p in morph.parses(word.lower())[:3])


@functools.lru_cache(maxsize=50_000)
def _surname(word: str) -> bool:
    return any("Surn" in p.tag.grammemes for p in morph.parses(word.lower())[:3])


@functools.lru_cache(maxsize=50_000)
def _name_like(word: str) -> bool:
    """A word that can be part of a personal name: unknown to the dictionary, or read as a name there
    («Ваагн», «Хачатурян»), not a common noun («Реакция Министерства» is no person)."""
    if not _known(word):
        return True
    return any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in morph.parses(word.lower())[:4])


def _role_word(word: str) -> bool:
    return norm_word(morph.lemma(word)) in role_lemmas()


_REPORTED = regexes.compile(r"\s*[Пп]о\s+(?:словам|мнению|оценке|(?:его|ее|её|их)\s+(?:словам|мнению|оценке))\b")
_APPOSED_GIVEN = regexes.compile(r"[ \t]*,[ \t]*([А-ЯЁ][а-яё]+)[ \t]*,")  # «Жена Фаридуна|, Нигора,»
# a comma, then the word a clause opens with («…, стоявшая рядом», «…, не пожелавший назвать своё имя»)
_CLAUSE_AFTER = regexes.compile(r"[ \t]*,[ \t]*(?:не[ \t]+)?([а-яё]+)")


def _without_one_of(np: list[Word]) -> list[Word]:
    """A phrase without the «одной» its clipping left before «из …»: «одной из школ» is no part of the noun's."""
    return np[:-1] if len(np) > 1 and _reading(np[-1].text)[0] in ONE_OF else np


def _introduced_by_clause(text: str, end: int) -> bool:
    """Whether a participle's clause follows a noun after a comma («женщина, стоявшая рядом», «мужчина,
    приехавший из Актобе»): a description that brings someone new, not a noun re-naming the one just named.
    (Not a relative clause: «— сказал эксперт, который давно следит за рынком» adds to whom the text named.)"""
    m = _CLAUSE_AFTER.match(text, end)
    return m is not None and any(p.tag.POS == "PRTF" for p in morph.parses(m.group(1))[:2])


# the rest of the phrase, a comma, and the clause after it («пожилая женщина в очереди|, отказавшись назвать своё имя»)
_CLAUSE_AFTER_PHRASE = regexes.compile(r"[^,.!?;:\n«»]{0,40},[ \t]*([^,.!?;:\n«»]{0,80})")


def _withholds_name(text: str, end: int) -> bool:
    """Whether the clause after a noun phrase says the person would not be named («…, отказавшись назвать своё
    имя», «…, попросивший не называть его фамилии», «…, не пожелавшая представиться», «…, пожелавший остаться
    анонимным»): someone the text cannot name, never a person it named before."""
    m = _CLAUSE_AFTER_PHRASE.match(text, end)
    words = m.group(1).lower().split() if m else []
    return any(w.startswith(("имя", "имени", "фамили", "представ", "анонимн", "неназванн", "неизвестн")) for w in words) \
        and any(w.startswith(("отказ", "попрос", "просив", "пожела")) or w == "не" for w in words)


def _of_the_forms_sex(cast: Cast, w: Word) -> list[Participant]:
    """The people of the surname ``w`` who can be of its form's sex: «Ахмедов» is no form of Зарина Ахмедова's,
    «Ахмедовой» none of her husband's; a form that says no sex («Ахмедова»: her, or his genitive) may be anyone's."""
    people = cast.by_key.get(surname_key(w.text), ())
    sex = _sex_of_form(cast.text, w.start, w.text) if people else None
    return [p for p in people if p.gender in (None, sex)] if sex else list(people)


def _role(cast: Cast, np: list[Word], pos: int, ctx: Context, plural: bool,
          gender: str | None = None, holder: bool = True) -> Participant | None:
    """«сказал министр» · «Глава государства» · «добавил глава МИД» → the person holding the post;
    «отметил эксперт» → the person just quoted or named, whatever title they came with."""
    post = post_of([w.text for w in np])
    if plural:
        return group(cast, np, pos, ctx)
    if post is not None and holder:  # (holder=False: a name follows the post that the model could not read)
        held = _post_of_the_subject_before(cast, pos, ctx, post, gender) or cast.holder(post, pos, gender)
        if held is not None and len(np) == 1 and _reading(np[0].text)[0] in load_words("roles.txt", "anaphoric nouns"):
            # «Таджикский эксперт Назаров … По мнению российского востоковеда Андрея Мельникова, … «…», — сказал
            # эксперт»: a noun news re-names anyone by is the one whose words the paragraph just introduced
            newer = cast.antecedent(pos, gender, "sing", ctx.last, ctx.since)
            seen, m = held.last_before(pos), newer.last_before(pos) if newer is not None else None
            if newer is not None and newer is not held and m is not None and seen is not None \
                    and m.start > seen.start and _introduced_speaking(cast, newer, pos):
                return newer
        if held is not None:
            return held
    # «отметил эксперт», «— отметила собеседница Tengrinews.kz»: an outlet after the noun is whom they spoke to
    bare = len(np) == 1 or all(re.match(r"[A-Za-z]", w.text) or re.search(SITE_SUFFIX, w.text) for w in np[1:])
    # «— сказала балерина», «— добавил турецкий бизнесмен»: a noun of what someone is, not a post, points back
    # to the person just named as one, unless the text used it before for someone it never named
    noun = np[0] if bare else np[-1] if all(_adjectival(w) for w in np[:-1]) else None
    if noun is None and len(np) == 2 and _reading(np[0].text)[0] in load_words("roles.txt", "occupations") \
            and np[1].text[:1].islower() and _can_be(np[1].text, "gent") and not is_person_noun(np[1].text):
        noun = np[0]  # «— сказал хозяин саммита», «— пояснил чиновник акимата»: a trade with what it is of
    lemma = _reading(noun.text)[0] if noun is not None else ""
    # («— сказал испанский специалист»: a listed noun after a nationality's adjective points back as well)
    listed = (bare or noun is not None and all(country_of_word(w.text) for w in np[:-1])) \
        and lemma in load_words("roles.txt", "anaphoric nouns")
    # «— сказал чиновник», «— заявил бизнесмен»: a trade nobody in the text was introduced with
    occupation = noun is not None and not listed and lemma in load_words("roles.txt", "occupations")
    described = noun is not None and not listed and (occupation or not _role_word(noun.text)) \
        and is_person_noun(noun.text) and _reading(noun.text)[2] == "NOUN" \
        and lemma not in load_words("roles.txt", "unnamed nouns") and not _said_before(cast, noun)
    if described and _introduced_by_clause(cast.text, np[-1].end):
        described = False  # «— добавила женщина, стоявшая рядом»: a participle's clause after the noun brings someone new
    if (listed or described) and _withholds_name(cast.text, np[-1].end):
        listed = described = False  # «— сказала пожилая женщина в очереди, отказавшись назвать своё имя»
    if (listed or described) and gender is None and _feminine_noun(noun.text):
        gender = "femn"  # «— А цену подняли? — спрашивает покупательница»: a present tense says no sex, the noun does
    elif (listed or described) and gender is None and not _role_word(noun.text) and _masculine_noun(noun.text):
        gender = "masc"  # «— Сегодня понедельник! — отвечает мальчик» (not the teacher who asked)
    if noun is not None and norm_word(noun.text.lower()) in load_words("roles.txt", "defendant nouns") \
            and (charged := _charged_before(cast, pos, gender)) is not None:
        return charged  # «приговорил 27-летнего Никиту Жукова … — произнёс подсудимый»: not the prosecutor who spoke last
    if (listed or described) and (lead := _headline_subject(cast, pos, noun, gender)) is not None:
        return lead  # «Учительница из Ат-Башы: «…»» over «Гульмира Токтосунова преподаёт …»: the feature's person
    if listed or described:
        p = cast.antecedent(pos, gender, "sing", ctx.last, ctx.since)
        if p is not None and (seen := p.last_before(pos)) is not None and seen.start >= np[-1].end:
            p = None  # «Писатель рассказал о Николае Петрове: «…»»: a noun points back, not to whom its clause names after it
        if p is not None and _kin_of_the_noun(cast, p, lemma):
            p = None  # «Жена фермера Мохира …» before «— отвечает фермер»: she is the farmer's kin, not the farmer
        if _unnamed_subject_before(cast, pos, ctx, p, gender, skip_own=True) is not None:
            p = None  # «Позже посол Франции прокомментировал … — сказал дипломат»: the post named last
        if described and p is not None and (occupation and _role_word(noun.text) or any(
                x in role_lemmas() for h in p.posts for x in h.lemmas) and not any(lemma[:5] in r.lower() for r in p.roles)) \
                and not (occupation and _introduced_speaking(cast, p, pos)):
            # a minister is no «балерина»: one introduced with a post is re-named by it; a trade re-names the
            # one whose words the paragraph has just begun to give («Владелец центра Эльчин Гасанов это
            # опроверг. «…», — заявил бизнесмен»), not someone it only spoke of («Пострадавший Айдар Нуров в
            # реанимации. «…», — сказал врач»)
            p = None
        if p is not None and (described and _someone_unnamed_since(cast, p, pos, gender)
                              or listed and _someone_unnamed_since(cast, p, pos, gender, anonymous_only=True)):
            p = None  # «Одной из пострадавших стала 72-летняя жительница Алматы. «…», — рассказала пенсионерка»
        m = p.last_before(pos) if p is not None else None
        # (a head of state is re-named by a trade only where the paragraph just gave his words: «хозяин саммита»)
        if p is not None and (not any(h.head_of_state for h in p.posts)
                              or occupation and _introduced_speaking(cast, p, pos)) and (
                p is ctx.last or m is not None and cast.sentence_of(pos) - cast.sentence_of(m.start) <= SUBJECT_SENTENCES):
            return p
        if post is not None and post.head_of_state and post.country is None:
            # «Глава государства» in a text that names its main actor without a post: the main actor,
            # unless the text gave them another post («Президент» of a company is not the bank's head)
            main = cast.main()
            if main is not None and (not main.posts or any(h.head_of_state for h in main.posts)):
                return main
    if noun is not None and len(np) == 1:
        from .turn_speakers import HOSTS, _introduced_as

        if norm_word(morph.lemma(noun.text)) in HOSTS and (host := _introduced_as(noun.text, cast)) is not None:
            return host  # «— спросила ведущая» after «Вела программу Фарангис Рахимова»
    # a post nobody in the text was introduced with: the post itself speaks («министр»)
    np = _without_one_of(np)  # «Сотрудница одной | из клиник»
    named = _name_closing(np)
    if named is not None:
        # «— говорит ученик пятого класса Фирдавс», «— рассказал пенсионер Сидоренко»: a description in lower case,
        # then the name it describes, which the model did not read: the person is the name
        sex = gender if gender in ("masc", "femn") else None
        if first_name(named.text) is not None or not (surname_like(named.text) or _listed_nominative(named.text)):
            return cast.given_name_person(named.text, named.start, named.end, sex)
        p = cast.person(None, named.text, sex, nominative=True)
        cast.mention(p, named.start, named.end, True)
        return p
    name = _nominative_head(" ".join(w.text for w in np))
    name = name[:1].lower() + name[1:] if not np[0].text.isupper() else name
    if _reading(np[0].text)[0] in load_words("organisations.txt", "anonymous"):
        # «— приводит издание слова собеседника»: an unnamed source, whom a pronoun later does not point back to
        return cast.add(Participant(name, "anonymous", None, norm_word(name)))
    # (of the verb's sex when it says one, or «сам»: «Сам студент скромничает» is no «она» later)
    return cast.add(Participant(name, "person", gender if gender in ("masc", "femn") else None, "", None))


def _name_closing(np: list[Word]) -> Word | None:
    """The capitalised word closing a description in lower case («ученик пятого класса Фирдавс», «соседка по ряду
    Севиндж», «пенсионер Сидоренко»), when it is a word shaped as a person's name and no place, body or country."""
    if len(np) < 2 or not all(w.text[:1].islower() for w in np[1:-1]) or np[0].text.isupper():
        return None
    w = np[-1]
    if _place_noun_before(np, len(np) - 1) or _reading(np[-2].text)[0] in load_words("organisations.txt", "regional"):
        return None  # «житель села Кок-Таш», «жительница микрорайона Самал»: the place's name
    if not CAP_RE.fullmatch(w.text) or _quoted(w) or place_or_body(w.text) or country_of_word(w.text) \
            or is_person_noun(w.text) or _known(w.text) and not (first_name(w.text) or surname_like(w.text)):
        return None
    if (fn := first_name(w.text)) is not None and fn[0] != w.text \
            or _reading(np[-2].text)[0] in load_words("roles.txt", "relational nouns"):
        return None  # «жена Шерзода»: a given name in a case after a kinship noun is whose wife she is
    ending = surname_ending(w.text)
    if ending not in (None, "", "а") or ending == "а" and len(np) == 2 and _masculine_noun(np[0].text):
        return None  # «Сосед Асановой», «сосед Ахметова»: a surname in a case (a man's noun stands beside no «-ова») is whose
    return w if given_slot(w.text) or surname_like(w.text) or _listed_nominative(w.text) else None


NOUN_REACH = 2000  # characters before «— сказала женщина» searched for an unnamed «женщина»
NOUN_WORDS = 120  # words before a descriptive noun's quote read for someone brought in unnamed


_APPOSITION = regexes.compile(r"[ \t]*,[ \t]*[а-яё][^.,;:!?«»\n]{0,80}")  # «|, студент Ферганского института»


def _someone_unnamed_since(cast: Cast, p: Participant, pos: int, gender: str | None = None,
                           anonymous_only: bool = False) -> bool:
    """Whether the author's text between ``p``'s last mention and ``pos`` brings in a person by a noun
    without a name («стала 72-летняя жительница Алматы»): a descriptive noun after it may be that one.
    Only one person, of the speaker's sex (``gender``, from the verb), is one the noun could be: not «родители
    жаловались», «двоих детей», nor «муж проработал» before «— сказала женщина»; and one named in the
    nominative: «сроки сорваны по вине поставщика» brings in no one who could speak next. ``anonymous_only``: only an
    unnamed source (organisations.txt # anonymous), in any case: «Минфин, по данным источника, …» before «— пояснил
    собеседник»."""
    m = p.last_before(pos)
    if m is None:
        return False
    lo = max(m.end, pos - NOUN_REACH)  # (bounded: a long floor does not make each quote read it all)
    apposed = _APPOSITION.match(cast.text, m.end)  # «его сын Алишер, студент института»: the noun is his, no one new
    lo = max(lo, apposed.end()) if apposed else lo
    ws = [w for w in words_in(cast.text, lo, pos)[-NOUN_WORDS:] if not cast.in_quote(w.start)]
    anonymous = load_words("organisations.txt", "anonymous")
    for k, w in enumerate(ws):
        if k and ws[k - 1].low in _HIS_HER and w.end - ws[k - 1].start == len(ws[k - 1].text) + 1 + len(w.text) \
                and kin_noun(w.text):
            continue  # «где работал его прадед», «её муж служит»: the named one's kin, background to them, no one new
        # (a noun opening a sentence is capitalised: «Источник в агентстве, пожелавший остаться анонимным, отметил …»)
        if (w.text[:1].islower() or w.text[1:].islower() and cast._sentence_start(w.start)) \
                and (is_person_noun(w.text) and not _role_word(w.text) and _can_be(w.text, "nomn")
                                     and not anonymous_only or _reading(w.text)[0] in anonymous) \
                and _one_of_sex(w.text, gender) and not any(
                (q := cast.at(x.start)) is not None and q.kind == "person" for x in ws[k + 1 : k + 5]):
            # (an unnamed source in any case: «Минфин, по данным источника, знакомого с ситуацией, …»)
            return True
    return False


def _kin_of_the_noun(cast: Cast, p: Participant, lemma: str) -> bool:
    """Whether the text introduced ``p`` as the kin of someone it called by the noun ``lemma`` («Жена фермера
    Мохира», «сын рыбака Эльвин»): a kinship noun and that noun in the genitive right before a mention of ``p``."""
    for m in p.mentions:
        ws = words_in(cast.text, max(0, m.start - 40), m.start)[-2:]
        if len(ws) == 2 and ws[1].end + 1 == m.start and kin_noun(ws[0].text) and _reading(ws[1].text)[0] == lemma \
                and _can_be(ws[1].text, "gent"):
            return True
    return False


_HIS_HER = frozenset({"его", "ее", "её", "их"})


def kin_noun(word: str) -> bool:
    """Whether a word is a noun of kinship (roles.txt # relational nouns, # senior kin, # junior kin)."""
    lemma = _reading(word)[0]
    return any(lemma in load_words("roles.txt", section) for section in ("relational nouns", "senior kin", "junior kin"))


def _one_of_sex(word: str, gender: str | None) -> bool:
    """Whether a person noun's best reading as a noun is singular and not of the sex opposite ``gender``."""
    noun = next((x for x in morph.parses(word.lower())[:4] if x.tag.POS == "NOUN"), None)
    if noun is None or "plur" in noun.tag.grammemes or "Pltm" in noun.tag.grammemes:
        return False
    return gender is None or noun.tag.gender not in ("masc", "femn") or noun.tag.gender == gender


_WHO_SAID = regexes.compile(r"[ \t]*,[ \t]*котор(?:ый|ая)[ \t]+([а-яё]+)(?:[ \t]+([а-яё]+))?")  # «, который (ранее) рассказал»


def _introduced_speaking(cast: Cast, p: Participant, pos: int) -> bool:
    """Whether ``p``'s last mention before ``pos`` is in the same paragraph (or in the one right before a
    paragraph the quote opens) and introduces their words: the subject of a speech verb in its sentence
    («Рахимов считает, что …», «Гасанов это опроверг») or the source it speaks for («По его словам, …»)."""
    m = p.last_before(pos)
    if m is None or cast.in_quote(m.start):
        return False
    pieces = [x for x in cast.text[m.end : pos].split("\n") if x.strip()]
    if len(pieces) > 2 or len(pieces) == 2 and pieces[1].lstrip()[:1] not in "«\"„“—–-":
        return False  # the same paragraph, or the paragraph right before one the quote opens
    if cast._voiced(m.start):
        return True
    from .quotes import is_speech_verb  # (quotes builds on the speaker model)

    rel = _WHO_SAID.match(cast.text, m.end)
    if rel and any(is_speech_verb(v) for v in rel.groups() if v):
        return True  # «интервью … Фирдавса Рахимова, который рассказал изданию …»: a relative clause gives his words
    if not m.subject:
        return False

    k = cast.sentence_of(m.start)
    starts = cast._sentence_starts
    end = min(pos, starts[k + 1] if k + 1 < len(starts) else pos, m.end + 300)
    return any(is_speech_verb(w.text) for w in words_in(cast.text, m.end, end) if not cast.in_quote(w.start))


def _headline_subject(cast: Cast, pos: int, noun: Word, gender: str | None) -> Participant | None:
    """The person a headline's quote of a description is from: «Пасечник из Полтавщины: «Пчёлы злых не любят»»,
    then «Николай Гриценко держит пасеку …». In a headline (the text's first line, with no sentence ended before
    it) a noun of what someone is points ahead, to the first person the paragraph after it names, of the noun's sex."""
    line_end = cast.text.find("\n")  # (the first line's end: found once per call, however long the text)
    if line_end < pos or _SENTENCE_END.search(cast.text, 0, pos):
        return None
    sex = gender if gender in ("masc", "femn") else "femn" if _feminine_noun(noun.text) else \
        "masc" if _masculine_noun(noun.text) else None
    para_end = cast.text.find("\n\n", line_end + 2)
    para_end = len(cast.text) if para_end < 0 else para_end
    people = [p for p in cast.people() if p.learned and p.mentions and line_end < p.first_seen < para_end]
    first = min(people, key=lambda p: p.first_seen, default=None)
    if first is None or sex is not None and first.gender not in (None, sex):
        return None
    return first


_SENTENCE_END = regexes.compile(r"[.!?…][ \t]+[А-ЯЁA-Z«\"]")


CHARGE_REACH = 12  # words before a name searched for the verb that charges or sentences its bearer
CHARGE_CHARS = 160  # characters before a name those words are read in


def _charged_before(cast: Cast, pos: int, gender: str | None) -> Participant | None:
    """The person a court or the police last charged, sentenced, acquitted or arrested before ``pos``: named
    in the object's place a few words after a verb of roles.txt # charging verbs («Суд приговорил 27-летнего
    Никиту Жукова», «признали Станислава Горелова виновным»), of the verb's sex when it says one."""
    charged = getattr(cast, "_charged", None)
    if charged is None:  # (found once: a court transcript names its defendant by the noun many times)
        verbs = load_words("roles.txt", "charging verbs")
        charged = []
        for p in cast.people():
            for m in p.mentions:
                if m.subject:
                    continue
                words = list(_WORDS_BEFORE.finditer(cast.text, max(0, m.start - CHARGE_CHARS), m.start))[-CHARGE_REACH:]
                stop = max((k for k, w in enumerate(words) if w.group(0) in ".!?"), default=-1)  # (in its own sentence)
                verb = next((w for w in reversed(words[stop + 1 :]) if norm_word(morph.lemma(w.group(0))) in verbs), None)
                # the first person named after the verb («приговорил к пяти годам лишения свободы бывшего директора
                # рынка Азамата Токтобаева»), not one named after that one («…, который ударил Петрова»)
                if verb is not None and not any(q.kind == "person" and x.start >= verb.end()
                                                for x, q in itertools.takewhile(lambda r: r[0].start >= verb.end(),
                                                                                cast.recent(m.start))):
                    charged.append((m.start, p))
        charged.sort(key=lambda c: c[0])
        cast._charged = charged
    k = bisect.bisect_left(charged, pos, key=lambda c: c[0])
    return next((charged[i][1] for i in range(k - 1, -1, -1)
                 if gender not in ("masc", "femn") or charged[i][1].gender in (None, gender)), None)


_WORDS_BEFORE = regexes.compile(r"[а-яёА-ЯЁ-]+|[.!?]")


def _said_before(cast: Cast, w: Word) -> bool:
    """Whether the author's text before ``w`` uses its noun, in the singular, for someone it does not name
    there («К журналистам подошла женщина»): then «— сказала женщина» is that one. «Мать пациента Ирина Шаповалова»
    names her: a person's name within a few words after the noun."""
    stem = w.low[:5]
    pattern = regexes.compile(rf"(?<![\w-]){re.escape(stem)}[\w-]*", re.IGNORECASE)
    lo = max(0, w.start - NOUN_REACH)  # (bounded: a text of many such quotes stays linear)
    from .quotes import is_speech_verb  # (quotes builds on the speaker model)

    for m in pattern.finditer(cast.text, lo, w.start):
        if cast.in_quote(m.start()) or not _one_of_sex(m.group(), None) or not is_person_noun(m.group()):
            continue  # («Спасатели нашли группу»: a plural is no one of them; «Кореи» is no «кореянка»)
        before = word_before(cast.text, m.start())
        if before is not None and is_speech_verb(before):
            continue  # «— сказал бразилец» before is the same re-naming of someone named, no one unnamed
        after = words_in(cast.text, m.end(), min(w.start, m.end() + 60))[:4]
        if not any((p := cast.at(x.start)) is not None and p.kind == "person" for x in after):
            return True
    return False


def _post_of_the_subject_before(cast: Cast, pos: int, ctx: Context, post, gender: str | None) -> Participant | None:
    """«Глава казахстанского государства добавил, что … «…», — подчеркнул президент»: the sentence right
    before has a post with no name as its subject, and that post names its country: the post asked for
    is that one's holder (not another head of state the text named)."""
    from .roles import compatible

    np = _unnamed_subject_before(cast, pos, ctx, None, gender, skip_own=True)
    if np is None or cast.sentence_of(pos) - cast.sentence_of(np[0].start) > 1:
        return None
    before = post_of([w.text for w in np])
    if before is None or before.country is None or not compatible(post, before):
        return None
    return cast.holder(before, pos, gender)


def _unnamed_subject_before(cast: Cast, pos: int, ctx: Context, p: Participant | None,
                            gender: str | None, skip_own: bool = False) -> list[Word] | None:
    """The subject of a narrative sentence nearer to ``pos`` than the mention of ``p`` (the antecedent a
    pronoun or an anaphoric noun found), or as near where that mention is oblique, when it is a post or
    a person noun with no name and its verb is of ``gender``: «Аким наградил врача Асылбека Нурова.
    «…», — сказал он.». A speaker who keeps the floor (``ctx.last``) keeps it against sentences
    before their quote. ``skip_own``: the sentence at ``pos`` is the clause asked about («Тем не менее
    супруга убеждена, что …»), whose subject is no antecedent of itself."""
    m = p.last_before(pos) if p is not None else None
    here = cast.sentence_of(pos)
    near = here - cast.sentence_of(m.start) if m is not None else SUBJECT_SENTENCES + 1
    starts = cast._sentence_starts
    for d in range(int(skip_own), min(near, SUBJECT_SENTENCES) + 1):
        k = here - d
        if k < 0 or p is not None and p is ctx.last and starts[k] < ctx.since:
            break
        end = starts[k + 1] if k + 1 < len(starts) else pos
        np = _unnamed_subject(cast, starts[k], min(end, pos), gender)
        if d == near and m.subject and (np is None or np[-1].end > m.start or not _national_post(np) or not any(
                _past_gender(w.text) for w in words_in(cast.text, np[-1].end, m.start))):
            break  # (the mention is its sentence's subject, unless a country's post stands first with its verb
            # before the name: «Армянский лидер пригласил Кобахидзе …», an indeclinable name read as a nominative)
        if np is not None:
            post = post_of([w.text for w in np])
            if p is not None and post is not None and cast.holder(post, pos, gender) is p:
                return None  # «Министр отметил …»: the post of the one found
            return np
    return None


def _national_post(np: list[Word]) -> bool:
    """A post of a country in the nominative: «Армянский лидер», «президент Казахстана»."""
    post = post_of([w.text for w in np])
    return post is not None and post.country is not None and _can_be(np[0].text, "nomn")


def _unnamed_subject(cast: Cast, start: int, end: int, gender: str | None) -> list[Word] | None:
    """The subject of the narrative sentence at ``start`` when it is a post or a person noun with no name
    («Аким района наградил …», «Глава государства поручил …») and its verb is of ``gender``."""
    text = cast.text
    if cast.in_quote(start) or _REPORTED.match(text, start):
        return None  # («По его словам, новый тренер будет назначен …»: the subject of someone's words)
    ws = words_in(text, start, end)[:24]
    np = _subject(ws, cast)
    if np and np[0].low in ONE_OF and len(np) > 2 and np[1].low == "из" and (group := _clip(text, np[2:])):
        # «Одна из подопечных центра … попросила не называть её имени. «…», — сказала она»: one of a group
        return np[:2] + group if gender in (None, "femn" if np[0].low == "одна" else "masc") else None
    np = _clip(text, np) if np else np
    if np:
        from .attribution import _given_name_after  # (attribution builds on this module)

        at = ws.index(np[0])
        name = _given_name_after(ws[at:], None, cast)
        if name is not None:
            np = ws[at : ws.index(name) + 1]  # «Дальнобойщик из Тюпа Марат стоит …»: named by a given name
        appos = _APPOSED_GIVEN.match(text, np[-1].end)
        if name is None and appos and (listed_woman(appos.group(1)) or known_first_name(appos.group(1))) \
                and not cast.at(appos.start(1)):
            # «Жена Фаридуна, Нигора, осталась …»: the given name between commas is who the description is
            np = np + [w for w in ws if w.start == appos.start(1)]
    if not np or any(_quoted(w) or (p := cast.at(w.start)) is not None and p.kind == "person" for w in np):
        return None
    if np[0].low in ("сам", "сама", "сами"):
        if len(np) < 2 or not _said_before(cast, np[1]):
            return None  # «Сам предприниматель … «…», — смеется он»: «сам» points back to someone named, it names no one
        # «прохожие спасли рыбака … Сам рыбак, 58-летний житель Гродно, госпитализирован. «…», — сказал он»: back to
        # someone the text brought in by that noun and never named
        np = np[1:]

    head = next((w for w in np if not _adjectival(w)), None)
    if head is None or not (is_person_noun(head.text) or post_of([w.text for w in np[: np.index(head) + 1]])):
        return None
    lemma, gram, _ = _reading(head.text)
    if lemma in load_words("roles.txt", "anaphoric nouns") and len(np) == 1:
        return None  # «В то же время супруга не исключила …»: it points back to someone named, it names no one new
        # («вратарь сборной прокомментировал …» names someone)
    if "sing" not in gram or "nomn" not in gram:
        return None
    verb = next((w for w in ws[ws.index(np[-1]) + 1 :] if _reading(w.text)[2] == "VERB"), None)
    said, number = gender_of_verb(verb.text if verb is not None else None)
    if number == "plur":
        return None
    np = _without_one_of(np)  # «Учитель информатики одной | из школ»
    # a verb in the past says the subject's sex, as a participle's clause after it does («Учитель …,
    # пожелавшая остаться неназванной, сомневается»); else the noun's gender is all there is
    clause = _CLAUSE_AFTER.search(text, np[-1].end, verb.start if verb is not None else end)
    agreed = _participle_case(clause.group(1)) if clause else None
    agreed = agreed[1] if agreed and agreed[0] == "nomn" else None
    return np if gender is None or (said or agreed or next((g for g in ("masc", "femn") if g in gram), None)) == gender \
        else None
