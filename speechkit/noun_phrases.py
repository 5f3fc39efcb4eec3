"""The words of an attribution clause and the noun phrases among them.

A clause is read as ``Word``s (``words_in``) with their dictionary readings (``_reading``, ``_can_be``).
``_subject`` finds the first noun phrase in the nominative outside a prepositional phrase (a name the
speaker model knows as a subject is one whatever else the dictionary reads in it); ``_clip`` ends a
phrase after its head and the complements that hang on it. What a phrase names is decided in
``attribution``; ``Context`` carries what that needs beyond the clause (the last speaker, the issuer of
the last document).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from . import morph, regexes
from .name_places import place_noun
from .names import body_name, capitalised, listed_woman, surname_ending
from .roles import is_person_noun, is_role_word, role_lemmas
from .phrase_forms import _unknown_place_adjective
from .speakers import Cast, Participant, org_heads
from .text import CAPITAL_DOMAIN, PREPOSITIONS, norm_word
from .wordlists import load_sections, load_words

# a word; «NEWSru.com» holds its dot, «Акорды.Лидер» (a sentence glued by a scraper) is two words
# (a site's name is one word past its dot: «Kun.uz», «URA.RU», «E1.RU»)
_WORD = regexes.compile(r"[«\"„“][^«»\"„“”]{1,60}[»\"“”]|[^\W_](?:[\w&’'-]|\.(?=[a-z]|" + CAPITAL_DOMAIN
                        + r"))*[\w]|[^\W\d_]")
PRONOUNS = {"он": ("masc", "sing"), "она": ("femn", "sing"), "они": (None, "plur")}
ONE_OF = frozenset(["один", "одна"])  # «один из таксистов», «одна из пассажирок»
AUTHOR = frozenset(["я", "мы"])  # «Мы также обратились в Нацбанк …»: the newsroom itself


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return norm_word(self.text)


# scraped text glues a word to the date after it: «в Нацбанке12 апреля» is «Нацбанке» and «12»
_GLUED_DIGITS = regexes.compile(r"(?<=[а-яё])(?=\d)")
_LATIN_CAPITAL = regexes.compile(r"[A-Z]")


def words_in(text: str, start: int, end: int) -> list[Word]:
    out = []
    for m in _WORD.finditer(text, start, end):
        cut = _GLUED_DIGITS.search(m.group(0))
        if cut is None:
            out.append(Word(m.start(), m.end(), m.group(0)))
        else:
            out.append(Word(m.start(), m.start() + cut.start(), m.group(0)[: cut.start()]))
            out.append(Word(m.start() + cut.start(), m.end(), m.group(0)[cut.start() :]))
    return out


def _first_words(text: str, start: int, end: int, n: int) -> list[Word]:
    """``words_in(text, start, end)[:n]``, without reading the rest."""
    return [Word(m.start(), m.end(), m.group(0)) for m in itertools.islice(_WORD.finditer(text, start, end), n)]


@functools.cache
def _sections() -> dict[str, tuple[str, ...]]:
    return load_sections("organisations.txt")


def _in(section: str, lemma: str) -> bool:
    return lemma in _sections().get(section, ())


@functools.lru_cache(maxsize=100_000)
def _reading(word: str) -> tuple[str, frozenset, str | None]:
    """(lemma, grammemes of the best parse, POS) of a word form: the reading the lemma is of («Маслихат»:
    an unknown noun ending in a consonant is a nominative, not pymorphy3's plural genitive of «маслихата»)."""
    e = morph.entry_of(word)
    p = morph.parses(word.lower())[0]
    r = e.readings[0] if e.readings else None
    if r is not None and r.pos == p.tag.POS == "NOUN" and r.lemma != p.normal_form and r.grammemes:
        return norm_word(e.lemma), r.grammemes, r.pos  # (the noun the lemma is of, not another noun's form)
    if r is not None and (r.pos != p.tag.POS or r.lemma != p.normal_form) and word.lower() in morph.overrides():
        # a form data/lemma_overrides.tsv reads («примар», «генсекретарь»: not «примара»'s plural, nor a verb): the
        # dictionary's grammemes of that lemma, less a proper name's, or none
        own = next((q for q in morph.parses(word.lower())[:6] if q.normal_form == r.lemma and q.tag.POS == r.pos), None)
        return norm_word(e.lemma), frozenset(own.tag.grammemes) - _PROPER if own else frozenset(), r.pos
    return norm_word(e.lemma), frozenset(p.tag.grammemes), p.tag.POS


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@functools.lru_cache(maxsize=100_000)
def _known(word: str) -> bool:
    return morph.analyzer().word_is_known(word.lower())


@functools.lru_cache(maxsize=100_000)
def _can_be(word: str, case: str) -> bool:
    return any(case in p.tag.grammemes for p in morph.parses(word.lower())[:4] if p.score >= 0.05)


def _quoted(w: Word) -> bool:
    return w.text[:1] in "«\"„“"


@dataclass
class Context:
    """What resolution needs beyond the clause: the last speaker and the last issuer of a document."""

    last: Participant | None = None
    since: int = -1  # where the last speaker's quote ended
    issuer: Participant | None = None  # the author of the last statement named


def _subject(ws: list[Word], cast: Cast | None = None, number: str | None = None,
             gender: str | None = None) -> list[Word]:
    """The words of the first noun phrase outside a prepositional phrase that can be a subject.

    A word the speaker model knows as a person's nominative mention («Токаев», which the dictionary
    also reads as a plural of «токай») is a subject whatever else it could be. ``number``: the verb's
    (a singular verb's subject is no plural: «в комментарии РИА Новости руководитель …»); ``gender``: the
    past-tense verb's, which a thing's noun as its subject shares (not «— зачитала приговор судья …»:
    the verdict is what she read).
    """
    in_pp = False
    skip_to = -1
    told = False  # after «агентству», «телеканалу»: the outlet's name stands beside its head, in its case
    named: Word | None = None  # a body named by its quoted name alone, when nothing else is the subject
    for k, w in enumerate(ws):
        low = w.low
        if low in PREPOSITIONS:
            in_pp = True
            continue
        if told and (_quoted(w) or w.text[:1].isupper() and not _person_named(cast, w)):
            continue  # «заявил в интервью агентству Интерфакс министр …»: the agency is told, not speaking
        told = False
        if _quoted(w):
            if named is None and not in_pp and w.start >= skip_to and _quoted_nominative_name(w):
                named = w  # «— пишет «Коммерсантъ»», «— сообщил «Газпром»» (not «— сказал «Известиям» Петров»)
            continue
        if low in PRONOUNS or low in AUTHOR:  # «На своей странице в X он написал»: a nominative pronoun ends the phrase
            return ws[k:]
        if low in ONE_OF and k + 2 < len(ws) and ws[k + 1].low == "из":
            return ws[k:]  # «— рассказала одна из пассажирок»: one of a group, unnamed
        lemma, gram, pos = _reading(w.text)
        # («рассказала корреспонденту Tengrinews.kz пенсионерка …»: a journalist told is the outlet's too)
        told = (_in("media", lemma) or lemma in load_words("roles.txt", "journalist labels")) and not _can_be(w.text, "nomn")
        if pos == "GRND" and cast is not None and w.start >= skip_to:
            comma = cast.text.find(",", w.end, ws[-1].start)
            if comma >= 0:  # «— сказал, представляя законопроект, депутат …»: the gerund's object is no subject
                skip_to, in_pp = comma, False
                continue
        if in_pp:
            # the prepositional phrase ends at a word that is plainly nominative: «в беседе с
            # корреспондентом «Голоса Америки» лидер Движения …»
            # (a person noun is one too: «написала в соцсетях жена Олега Смирнова»)
            if "nomn" in gram and pos == "NOUN" and (lemma in role_lemmas() or is_person_noun(w.text)
                                                   or _in("anonymous", lemma)  # «в комментарии ТАСС источник в …»
                                                   or w.text[:1].isupper() and not w.text.isupper()
                                                   and not (number == "sing" and "plur" in gram)) \
                    and not _can_be(w.text, "loct") and "Fixd" not in gram:
                in_pp = False
            elif cast is not None and w.text[:1].isupper() and (p := cast.at(w.start)) is not None \
                    and p.kind == "person" and (m := p.last_before(w.start + 1)) is not None and m.subject \
                    or w.text[:1].isupper() and surname_ending(w.text) == "":
                in_pp = False  # «В ходе заседания Газымжанов заявил»: a person's nominative mention
            else:
                continue
        if w.start < skip_to:
            continue
        if cast is not None and not w.text[:1].isupper() and capitalised(w.text) and (p := cast.at(w.start)) is not None \
                and p.kind == "person":
            return ws[k:]  # «— сказал аль-Отейби»: an Arabic surname with its article, a person the text names
        if k and w.text[:1].isupper() and is_person_noun(ws[k - 1].text) and (m := _oblique_mention(cast, w)):
            skip_to = m.end  # «ответила адвокату Сергея Кузнецова судья …»: the one spoken to, a genitive in it
            continue
        if number == "sing" and not w.text[:1].isupper() and low not in PRONOUNS \
                and (agree := _agreement(w.text, ("NOUN",))) and all(n == "plur" for n, _ in agree):
            continue  # «— сказал матери Асылбека Турсунова аким района»: «матери» is no singular verb's subject
        if gender in ("masc", "femn") and pos == "NOUN" and not w.text[:1].isupper() and "inan" in gram \
                and not is_person_noun(w.text) and not _can_be_gender(w.text, gender) and k + 1 < len(ws):
            continue  # «— огласила постановление председательствующая судья …»: a thing of another gender is the object
        if k and pos == "NOUN" and "nomn" in gram and not in_pp and skip_to < 0 and ws[0].text[:1].isupper() \
                and all(_adjectival(x) for x in ws[:k]):
            return ws  # «Всемирная метеорологическая организация назвала …»: capitalised adjectives open a body's name
        if low in PRONOUNS or _candidate_head(w):
            if w.text[:1].isupper() and _org_name_or_cap(w):
                # «рассказал РИА Новости источник в администрации»: the agency is told, the source speaks
                for j in range(k + 1, min(k + 4, len(ws))):
                    lem = _reading(ws[j].text)[0]
                    if not ws[j].text[:1].isupper() and (_in("anonymous", lem) or _in("groups", lem)
                                                         or is_role_word(lem) or is_person_noun(ws[j].text)) \
                            and _can_be(ws[j].text, "nomn"):
                        return ws[j:]  # («рассказал Sputnik Армения фермер …»: a person noun too)
            return ws[_with_adjectives(ws, k):]
        if cast is not None and w.text[:1].isupper() and (p := cast.at(w.start)) is not None \
                and (m := p.last_before(w.start + 1)) is not None and m.subject:
            return ws[_with_adjectives(ws, k):]
        nxt = ws[k + 1] if k + 1 < len(ws) else None
        if w.text[:1].isupper() and nxt is not None and nxt.text[:1].isupper() and nxt.start - w.end == 1 \
                and _candidate_head(nxt) and not w.text.isupper():
            return ws[_with_adjectives(ws, k):]  # «Ваагн Хачатурян»: a given name the dictionary reads as another word
    return [named] if named is not None else []


def _quoted_nominative_name(w: Word) -> bool:
    """Whether a quoted word is a proper name in the nominative: capitalised, each word of it a nominative the
    dictionary can read or does not know («Коммерсантъ», «Российская газета», «Газпром»; not «Известиям»,
    «РИА Новостям», an outlet told)."""
    inner = w.text.strip("«»\"„“”")
    words = inner.split()
    return bool(words) and inner[:1].isupper() and len(words) <= 4 and all(
        x.isupper() or not _known(x) or _can_be(x, "nomn") for x in words)


def _place_noun_before(ws: list[Word], k: int, preposition: bool = False) -> bool:
    """Whether a place noun stands right before ``ws[k]`` (organisations.txt # place nouns: «аймака», «села»),
    after a preposition if ``preposition`` («из аймака Увс»): the word at ``k`` is then the place's name. Not a
    place noun that a capitalised adjective names already («продавец Алайского рынка Бахтиёр», «жительница
    Кировского района Самал»): the word after it is someone's name."""
    return k >= 1 and place_noun(ws[k - 1].text) and (not preposition or k >= 2 and ws[k - 2].low in PREPOSITIONS) \
        and not (k >= 2 and ws[k - 2].text[:1].isupper() and _adjectival(ws[k - 2]))

def _can_be_gender(word: str, gender: str) -> bool:
    """Whether some nominative singular noun reading of ``word`` has ``gender``."""
    return any(p.tag.POS == "NOUN" and {"nomn", "sing"} <= p.tag.grammemes and gender in p.tag.grammemes
               for p in morph.parses(word.lower())[:4])


def _person_named(cast: Cast | None, w: Word) -> bool:
    """Whether the speaker model has a person named at ``w`` («агентству Tengrinews Ерлан Карин»)."""
    p = cast.at(w.start) if cast is not None else None
    return p is not None and p.kind == "person"


def _declines(word: str) -> bool:
    return any(p.tag.POS == "NOUN" for p in morph.parses(word.lower())[:2])


def _indeclinable(text: str, m) -> bool:
    """Whether no word of the mention declines, so that its case says nothing («Ли Цян»): a noun reading
    («Артёма» in «Артёма Дзюбы», «Сергея» in «Сергея Кузнецова») or an oblique ending of an -ов/-ев/-ин
    surname («Турсуновой»: the dictionary's guesses at it may read no noun) is a case."""
    words = re.findall(r"\w+", text[m.start : m.end])
    return not any(_declines(x) or surname_ending(x) not in (None, "", "а") for x in words)


def _oblique_mention(cast: Cast | None, w: Word):
    """The cast's mention of a person at ``w`` if it reads it in an oblique case («адвокату Сергея
    Кузнецова»), where a word of the name declines; else None."""
    p = cast.at(w.start) if cast is not None else None
    m = p.last_before(w.start + 1) if p is not None and p.kind == "person" else None
    return m if m is not None and not m.subject and not _indeclinable(cast.text, m) else None


def _with_adjectives(ws: list[Word], k: int) -> int:
    """Back from a noun phrase's head over the adjectives before it that agree with it: «Российский
    президент»; not «приводит данные | комиссар ЕС» (a plural before a singular is an object)."""
    head = ws[k]
    while k > 0 and _adjectival(ws[k - 1]) and ws[k - 1].low not in PREPOSITIONS and _agrees(ws[k - 1], head):
        k -= 1
    return k


@functools.lru_cache(maxsize=50_000)
def _agreement(word: str, pos: tuple[str, ...]) -> frozenset[tuple[str, str | None]]:
    """(number, gender) of the nominative readings of ``word`` with a part of speech in ``pos``."""
    out = set()
    for p in morph.parses(word.lower())[:6]:
        if p.tag.POS in pos and "nomn" in p.tag.grammemes:
            number = "plur" if "plur" in p.tag.grammemes else "sing"
            out.add((number, None if number == "plur" else next(
                (g for g in ("masc", "femn", "neut") if g in p.tag.grammemes), None)))
    return frozenset(out)


def _agrees(adj: Word, head: Word) -> bool:
    nouns = _agreement(head.text, ("NOUN",))
    if not nouns:
        return True  # a head the dictionary does not read as a nominative noun: nothing to check
    adjs = _agreement(adj.text, ("ADJF", "PRTF"))
    return any(n == a[0] and (n == "plur" or g is None or a[1] in (None, g)) for n, g in nouns for a in adjs)


def _org_name_or_cap(w: Word) -> bool:
    return _org_name(w) or (w.text[:1].isupper() and _reading(w.text)[2] in ("NOUN", None) and not _known(w.text))


def _candidate_head(w: Word) -> bool:
    if w.text.isupper() and len(w.text) > 1 or re.match(r"[A-Z]", w.text):
        return True  # МИД, КСИР, S&P, Tasnim
    lemma, gram, pos = _reading(w.text)
    if pos in ("ADJF", "PRTF") and "nomn" in gram and "Subx" in gram and not w.text[:1].isupper():
        return True  # «заявил обвиняемый», «сообщил подсудимый»: an adjective that names a person
    if pos not in ("NOUN", None) and not w.text[:1].isupper():
        return False
    if w.text[:1].isupper():
        if pos not in ("NOUN", None) and _known(w.text) and not any(
                {"Surn", "nomn"} <= p.tag.grammemes for p in morph.parses(w.low)[:3]):
            return False  # «Вы», «Сегодня»: a capital that opens a sentence (not «Вишневская», a surname too)
        # a capitalised word the dictionary does not know («Ваагн») is a name in any case; a woman's name of
        # data/womens_names.txt does not decline («— говорит Сауле», which the dictionary reads as «Саул»'s locative)
        return "nomn" in gram or _can_be(w.text, "nomn") or pos is None or not _known(w.text) or listed_woman(w.text)
    return (is_person_noun(w.text) or _in("heads", lemma) or _in("groups", lemma) or _in("documents", lemma)) \
        and _can_be(w.text, "nomn")


def _to_punctuation(text: str, ws: list[Word]) -> list[Word]:
    """The words up to the first punctuation mark (quotes aside) or verb.

    A comma between two lower-case genitives is a list inside a post's name, not its end: «министр
    культуры, информации и туризма Кыргызстана Нурлан Абдрахманов».
    """
    out = ws[:1]
    for k, (prev, w) in enumerate(zip(ws, ws[1:])):
        gap = text[prev.end : w.start].strip(" \u00a0«»\"„“”")
        if gap == "," and _genitives_go_on(prev, ws[k + 1 : k + 3]):
            gap = ""  # («министр труда, социальной защиты и миграции»: an adjective before the next genitive too)
        if gap or _reading(w.text)[2] in ("VERB", "GRND", "INFN") and not w.text[:1].isupper() and _known(w.text):
            # (a capital inside the phrase is a name the dictionary reads as a verb: «депутат Едил …»; a word it
            # only guesses a verb in is a foreign one: «Глава айыл окмоту Таалайбек Эшалиев»)
            break
        out.append(w)
    return out


def _genitive_noun(w: Word) -> bool:
    return w.text[:1].islower() and _reading(w.text)[2] == "NOUN" and _can_be(w.text, "gent")


def _genitive_adjective(w: Word) -> bool:
    return w.text[:1].islower() and _reading(w.text)[2] == "ADJF" and _can_be(w.text, "gent")


def _genitives_go_on(prev: Word, after: list[Word]) -> bool:
    """Whether a comma after the genitive ``prev`` goes on with another genitive complement (``after``: the words
    after the comma): «труда, | информации», «труда, | социальной защиты»."""
    return _genitive_noun(prev) and bool(after) and (
        _genitive_noun(after[0]) or _genitive_adjective(after[0]) and len(after) > 1 and _genitive_noun(after[1]))


def _dative_only(word: str) -> bool:
    """Whether the dictionary reads ``word`` in the dative and in no nominative or genitive («Вечернему»)."""
    if not morph.analyzer().word_is_known(word.lower()):
        return False  # («Темиртау»: a name the dictionary only guesses at says no case)
    parses = morph.parses(word.lower())[:4]
    return all(p.tag.case in ("datv", "loct") for p in parses) and any(p.tag.case == "datv" for p in parses)


_WORD_AFTER = regexes.compile(r"[ \t\u00a0]+([а-яё]+)")


def _clip(text: str, np: list[Word]) -> list[Word]:
    """A noun phrase: its head and the complements that hang on it.

    It ends at punctuation other than quotes and hyphens, a verb, a conjunction, a preposition (but
    «при ООН», «в Турции» after a body, «в правительстве» after an anonymous source hold), and a
    lower-case noun that cannot be a genitive complement («Минобороны Азербайджана | агентство APA»).
    """
    if not np:
        return []
    out = [np[0]]
    head = None
    governed = False  # after «по»: the case the preposition governs, up to its noun
    joined = False  # after «и» in a body's name: the second complement, up to its noun
    for prev, w in zip(np, np[1:]):
        gap = text[prev.end : w.start]
        if gap.strip(" \u00a0«»\"„“”") == "," and _listed_complement(np, prev, w, head if head is not None else np[0]):
            out.append(w)  # «Министерство труда, социальной защиты и миграции»: a list of complements ending in «и»
            continue
        if gap.strip(" \u00a0«»\"„“”") or w.low in ("а", "но", "который", "которая", "которые", "что"):
            break
        if w.low == "и":
            k = np.index(w)
            # the noun after «и», past its adjectives
            nxt = next((x for x in np[k + 1 : k + 5] if not _adjectival(x)), None)
            # «Министерства торговли и интеграции», «Министерства промышленности и новых технологий», «Агентства
            # по регулированию и развитию …», «Комитета по чрезвычайным ситуациям и гражданской обороне»: a second
            # complement of a body's name in the first one's case; «Минздрав и МЧС» are two
            between = np[k + 1 : np.index(nxt)] if nxt is not None else []
            # (a name opened by a capitalised adjective is a body's whatever its noun: «Национальный центр оценки и
            # экзаменов»)
            titled = np[0].text[:1].isupper() and _adjectival(np[0])
            if not (head is not None and (_body_head(_reading(head.text)[0]) or titled) and nxt is not None
                    and nxt.text[:1].islower() and _reading(nxt.text)[2] == "NOUN" and prev is not head
                    and all(_shared_oblique_case(prev.text, x.text) for x in (*between, nxt))):
                break  # (not «Корпус стражей исламской революции и другие вооруженные силы»: its adjectives say)
            out.append(w)
            joined = True  # up to that noun, the words are the second complement's, in its case
            continue
        if joined:
            joined = _adjectival(w)
            out.append(w)
            continue
        if _quoted(w) and not w.text[1:2].isupper():
            break  # «Vestas «мировым лидером»»: quoted words in lower case are no part of a name
        if _quoted(w) and out and not _quoted(out[-1]) and _dative_only(w.text.strip("«»\"„“”").split(" ")[0]):
            break  # «в мэрии Бишкека "Вечернему Бишкеку"»: a name in the dative is whom the body told
        if head is None and not _adjectival(prev) and not _quoted(prev):
            head = prev
        if w.low in PREPOSITIONS:
            if w.low == "при" or (w.low == "по" and head is not None and (
                    out[-1] is head and is_person_noun(head.text) or _body_head(_reading(out[-1].text)[0]))):
                out.append(w)  # «постпредство … при ООН», «директор по стратегии», «Агентство по делам …»
                governed = w.low == "по"
                continue
            nxt = np[np.index(w) + 1] if np.index(w) + 1 < len(np) else None
            hl = _reading(head.text)[0] if head else ""
            if w.low in ("в", "во", "из", "от") and nxt is not None and (
                    _in("anonymous", hl) and w.low != "от" or (_in("missions", hl) and nxt.text[:1].isupper())):
                out.append(w)  # «источник в правительстве», «посольство Казахстана в Турции», «миссия … от СНГ»
                continue
            break
        if _reading(w.text)[2] in ("VERB", "GRND", "PRTS", "INFN"):
            break
        if governed:  # «по | финансовому мониторингу», «по | делам госслужбы»
            governed = _adjectival(w)
            out.append(w)
            continue
        if head is not None and not w.text[:1].isupper() and _in("addressees", _reading(w.text)[0]) \
                and any("datv" in p.tag.grammemes for p in morph.parses(w.low)[:6]) \
                and (after := _WORD_AFTER.match(text, w.end)) is not None and _reading(after.group(1))[2] == "VERB":
            # «В отделе образования Каменецкого райисполкома | редакции ответили», «В минздраве | агентству сообщили»:
            # the outlet the body told, in the dative before its verb
            break
        if head is not None and not w.text[:1].isupper() and not _quoted(w) and out[-1].low not in ("в", "во", "из", "при"):
            pos = _reading(w.text)[2]
            if pos not in ("NOUN", "ADJF", "PRTF", "NUMR", None) or not _can_be(w.text, "gent"):
                break  # a complement is a genitive noun phrase: «жители поселка | уже», «… | агентство APA»
        out.append(w)
    return out


def _listed_complement(np: list[Word], prev: Word, w: Word, head: Word) -> bool:
    """Whether a comma after a body's genitive complement goes on with another complement of one list that
    «и» closes within the next four words: «Министерство труда, | социальной защиты и миграции»."""
    k = np.index(w)
    rest = np[k : k + 5]
    return _body_head(_reading(head.text)[0]) and _genitives_go_on(prev, rest) and any(x.low == "и" for x in rest[1:])


@functools.lru_cache(maxsize=20_000)
def _shared_oblique_case(a: str, b: str) -> bool:
    """Whether two words can stand in one oblique case («промышленности» and «технологий», «новых»: the genitive)."""
    def cases(word: str) -> set[str]:
        return {str(p.tag.case) for p in morph.parses(word.lower())[:6] if p.tag.POS in ("NOUN", "ADJF", "PRTF")} \
            - {"nomn", "accs", "None"}
    return bool(cases(a) & cases(b))


def _starts_a_name(w: Word) -> bool:
    """After a body and its complement, a capitalised word in Cyrillic that cannot be a genitive
    begins the name of the person the body's post belongs to, not more of the body's name."""
    return w.text[:1].isupper() and not w.text.isupper() and not _org_name(w) and not _quoted(w) \
        and not _can_be(w.text, "gent")


def _body_head(lemma: str) -> bool:
    return lemma in org_heads() or _in("heads", lemma) or _stump_of_head(lemma)


@functools.lru_cache(maxsize=20_000)
def _stump_of_head(lemma: str) -> bool:
    """Whether a lemma is a stump prefix and a head noun: «госинспекция», «нацкомиссия», «госагентство»."""
    return any(lemma.startswith(p) and lemma[len(p):] in org_heads() for p in _sections().get("stump prefixes", ()))


def _adjectival(w: Word) -> bool:
    lemma, gram, pos = _reading(w.text)
    if pos not in ("ADJF", "PRTF", "NUMR") and _unknown_place_adjective(w.text):
        return True  # «в Лидском райисполкоме»: a place's adjective the dictionary lacks (not «-ская», «-ской»: surnames)
    return pos in ("ADJF", "PRTF", "NUMR") and lemma not in role_lemmas()


def surname_before_its_object(a: Word, b: Word) -> bool:
    """Whether a capitalised adjective's form is a surname rather than the next word's modifier: the dictionary
    reads it as a surname's nominative too, and no reading of it agrees with the noun after it in case and number («— сказала
    Козловская журналистам», not «козловские журналисты»)."""
    if not a.text[:1].isupper():
        return False
    parses = morph.parses(a.low)[:4]
    if not any({"Surn", "nomn"} <= p.tag.grammemes for p in parses) \
            or not any(p.tag.POS == "ADJF" and "Poss" not in p.tag.grammemes for p in parses):  # (not «Петрову»)
        return False
    nouns = [(p.tag.case, p.tag.number) for p in morph.parses(b.low)[:6] if p.tag.POS == "NOUN"]
    return bool(nouns) and not any(p.tag.POS == "ADJF" and (p.tag.case, p.tag.number) in nouns for p in parses)


def _org_name(w: Word) -> bool:
    """An abbreviation, a Latin name or a body's proper name: МИД, КСИР, РБК, S&P, Tasnim, Акорда."""
    return (w.text.isupper() and len(w.text) > 1) or bool(_LATIN_CAPITAL.match(w.text)) or bool(body_name(w.text))
