"""The role phrase around a person's name: «министр энергетики Алмасадам Саткалиев», «Всеволод Чаплин, глава
синодального Отдела». Part of ``speakers.Cast`` (``people.PeopleLearning`` calls ``_roles_around`` for each
name it reads): which words before a name are its post, and when they are someone else's («Помощник Владимира
Путина заявил», «мать Руслана Ахметова», «заявил министру Асель Сапаровой Иван Петров»).
"""

from __future__ import annotations

import functools
import re

from . import morph, regexes
from .families import _WORD
from .name_sex import _name_parses, _past_gender
from .names import foreign_in_i
from .participants import Participant
from .phrase_forms import _nominative_head
from .roles import country_of_word, is_person_noun, is_role_word
from .text import PREPOSITIONS, norm_word
from .wordlists import load_words

ROLE_REACH = 130  # characters before a name searched for its role (a Kyrgyz minister's title alone is 95)


class NameRoles:
    """The part of ``speakers.Cast`` that gives a name its role phrase (``_roles_around``)."""

    def _roles_around(self, p: Participant, start: int, end: int, nominative: bool = True,
                      subject: bool = True) -> None:
        """The role phrase right before a full name, and one after it set off by a comma.

        A name not in the nominative takes from before it only a role noun that can share its case
        («президента Владимира Путина»): a nominative one before it heads it, and the role is another's
        («Помощник Владимира Путина заявил»: the aide speaks, and Putin is no aide).
        """
        text = self.text
        left = text[max(0, start - ROLE_REACH) : start]
        # (a full stop inside a word is none: «Корреспондент «Газеты.uz» Тимур Ахмедов», «агентства Kun.uz»)
        last = _LAST_STOP.match(left)
        stop = last.end() - 1 if last else -1
        cut = max(stop, *(left.rfind(c) for c in "!?;:,()\n—–"))
        wide = max(stop, *(left.rfind(c) for c in "!?;:()\n—–"))
        if cut > wide and not any(is_person_noun(w) for w in _WORD.findall(left[cut + 1 :])) \
                and all(w[:1].islower() or country_of_word(w) for w in _WORD.findall(left[left.rfind(",", 0, cut + 1) :])) \
                and re.fullmatch(r"\s*[А-ЯЁа-яё-]+[а-яё\s,-]*", left[wide + 1 : cut]) \
                and any(is_person_noun(w) for w in _WORD.findall(left[wide + 1 : cut])):
            cut = wide  # «министр труда, миграции и занятости населения»: a post whose body's name lists by commas
        if cut >= 0 and left[cut] == ",":
            self._role_before_comma(p, left[:cut])
        left = left[cut + 1 :] if cut >= 0 else left
        words = _WORD.findall(left.replace("«", " ").replace("»", " ").replace('"', " "))
        verb = None  # the verb (or conjunction) the role phrase follows, if any: _subject_of reads a past tense
        for i in range(len(words) - 1, -1, -1):  # «Журналисты спросили министра …»: the role starts after the verb
            if (words[i][:1].islower() or i == 0) and morph.parses(words[i].lower())[0].tag.POS in (
                    "VERB", "INFN", "GRND", "PRTS") \
                    or words[i].lower() in ("и", "а", "но", "или") and any(is_person_noun(w) for w in words[i + 1 :]):
                # (a capitalised word inside the phrase is a name, whatever the dictionary guesses: «аким Жанаозена»)
                # «… Жаксыбекова и вице-министр Ерлан Аукенов» (not «Комитета по обороне и воинским частям МЧС»)
                verb = words[i]
                if nominative and subject:
                    self._appointed(p, verb, words[:i])  # «Новым ректором университета избран | профессор …»
                words = words[i + 1 :]
                break
        words = words[_lead_end(words) :]  # «делегацию во главе с вице-президентом банка Мартиной Хоффман»: «главе»
        # is no role; «заседании Совета Министров под председательством премьер-министра …»: «Министров» neither
        if words and morph.parses(words[-1].lower())[0].tag.POS == "PREP":
            words = []  # «о встрече министра обороны КНР с Ким Чен Ыном»: the post is before the preposition, another's
        if not nominative:
            # (a plural is no one person's post: «заместителем председателя Кабинета министров Данияром …» is the
            # deputy chair's, «министров» names the cabinet)
            nouns = [i for i, w in enumerate(words) if is_person_noun(w) and not (i and _plural(w))]
            while len(nouns) > 1 and any(morph.parses(words[j].lower())[0].tag.POS == "PREP"
                                         for j in range(nouns[-2] + 1, nouns[-1])):
                nouns.pop()  # «уполномоченного по правам человека»: a person noun inside a complement heads nothing
            while len(nouns) > 1 and nouns[-2] == nouns[-1] - 1 and _one_post(words[nouns[-2] : nouns[-1] + 1]):
                nouns.pop()  # «заместителя министра Шухрата Исмоилова»: «заместитель министра» is one post, his
            words = words[nouns[-1] :] if nouns and _oblique(words[nouns[-1]]) and not (
                verb is not None and _modifiers_only(words[: nouns[-1]])
                and _subject_of(verb, words[nouns[-1]])) else []
        for i, w in enumerate(words):
            if is_person_noun(w):
                if i + 1 < len(words) and _plural(w) and any(is_person_noun(x) for x in words[i + 1 :]):
                    continue  # «заседании Кабинета министров в понедельник председатель кабмина …»: one person's post
                if i and i + 1 < len(words) and morph.parses(words[i - 1].lower())[0].tag.POS == "PREP" \
                        and any(is_person_noun(x) for x in words[i + 1 :]):
                    continue  # «с жителями регионов президент Серик …»: a person noun after a preposition heads nothing
                if not _role_fits(w, p.gender):
                    break  # «мать Руслана Ахметова»: a mother is no man's role
                if not (nominative and subject and _nominative_noun(w)) \
                        and not _shares_a_case(w, text[start:end].split(maxsplit=1)[0], p.gender):
                    # (a name read as a nominative stands beside a nominative post, whatever cases the dictionary
                    # gives a foreign given name: «Министр обороны Японии Хироси Накамура»)
                    break  # «заявил министру Асель Сапаровой Иван Петров»: the minister is the one he speaks to
                said = _past_gender(verb) if verb is not None else None
                if said and p.gender in ("masc", "femn") and said != p.gender and _modifiers_only(words[:i]) \
                        and _subject_of(verb, w):
                    break  # «сказала супруга Жандоса Ахметова»: the verb's subject, a woman, is no man's role
                if not subject and norm_word(morph.lemma(w)) in load_words("roles.txt", "relational nouns"):
                    break  # «брат футболиста Артёма Дзюбы»: a kinship noun before a genitive names another
                j = i
                while j > 0 and _adjective(words[j - 1]):
                    j -= 1
                phrase = " ".join(words[j:])
                p.add_role(_nominative_head(phrase), words[j:])
                last = words[-1]
                if len(words) - 1 > i and nominative and is_person_noun(last) and _nominative_noun(last) \
                        and _role_fits(last, p.gender):
                    # «Директор Института ядерной физики СО РАН академик Павел Смолянинов»: the title right
                    # before the name is his as well («— сказал академик»)
                    p.add_role(_nominative_head(last), [last])
                break
        if nominative and subject and (m := _VERB_AFTER.match(text, end)):
            self._appointed(p, m.group(1), _WORD.findall(m.group(2)), after=True)  # «… назначен министром энергетики»
        # Всеволод Чаплин, глава синодального Отдела …  ·  Александра Брода, известного борца …, члена …
        m = _CLAUSE_AFTER_COMMA.match(text[end : end + 130])
        if m:
            words = _WORD.findall(m.group(1))
            k = 0
            while k < len(words) - 1 and _adjective(words[k]):
                k += 1
            if words and is_person_noun(words[k]) and _role_fits(words[k], p.gender) \
                    and not any(morph.parses(w.lower())[0].tag.POS == "VERB" for w in words[k + 1 :]):
                # (not «…, представитель ведомства сказал, что …»: a clause with a verb of its own)
                p.add_role(_nominative_head(" ".join(words)), words)


    def _appointed(self, p: Participant, verb: str, words: list[str], after: bool = False) -> None:
        """The post a verb of appointment gives the name in the instrumental (roles.txt # appointment verbs): the
        words before the verb («Новым ректором университета | избран профессор Азамат Нуров»), or after it when
        the name comes first (``after``: «Азамат Нуров назначен | министром энергетики в марте»)."""
        if norm_word(morph.lemma(verb)) not in load_words("roles.txt", "appointment verbs") \
                or after and _past_gender(verb) not in (None, p.gender):
            return
        if after:  # the post and its complements, up to a preposition, a verb or a figure
            stop = next((k for k, w in enumerate(words) if w[:1].isdigit() or morph.parses(w.lower())[0].tag.POS in (
                "PREP", "CONJ", "VERB", "INFN", "PRTS", "GRND", "ADVB", "NUMR")), len(words))
            words = words[: min(stop, 6)]
        nouns = [k for k, w in enumerate(words) if is_person_noun(w) and _instrumental(w)]
        if not nouns:
            return
        k = nouns[0] if after else nouns[-1]
        j = k
        while j > 0 and _adjective(words[j - 1]):
            j -= 1
        if _role_fits(words[k], p.gender):
            p.add_role(_nominative_head(" ".join(words[j:])), words[j:])

    def _role_before_comma(self, p: Participant, before: str) -> None:
        """«— говорит эколог, основатель инициативы … Асхат Сейтжанов»: a short role set off by a comma before
        the role phrase of a name, right after a verb or a dash, is the person's role too."""
        piece = re.split(r"[.!?;:,()\n—–]", before)[-1]
        words = _WORD.findall(piece)
        k = next((i for i in range(len(words) - 1, -1, -1)
                  if morph.parses(words[i].lower())[0].tag.POS in ("VERB", "GRND")), None)
        words = words[k + 1 :] if k is not None else words
        if 1 <= len(words) <= 3 and is_person_noun(words[-1]) and all(_adjective(w) for w in words[:-1]) \
                and _role_fits(words[-1], p.gender) and not _oblique(words[-1]):
            p.add_role(_nominative_head(" ".join(words)), words)


    def _respective_posts(self) -> None:
        """«Министры иностранных дел Кыргызстана и Таджикистана Алмаз Токтогулов и Джамшед Рахимзода»: a post in
        the plural with two countries, then two names, gives each name the post of its country in turn (the
        first the first), in place of the whole plural phrase."""
        text = self.text
        for m in _RESPECTIVE.finditer(text, 0, self.end):
            a, b = m.group("a"), m.group("b")
            if not (country_of_word(a) and country_of_word(b)):
                continue
            words = _WORD.findall(text[max(0, m.start() - ROLE_REACH) : m.start()].rsplit("\n", 1)[-1])
            k = next((i for i in range(len(words) - 1, -1, -1) if is_person_noun(words[i])
                      and "plur" in morph.parses(words[i].lower())[0].tag.grammemes), None)
            if k is None or not all(w[:1].islower() for w in words[k + 1 :]):
                continue  # («Министры иностранных дел»: the plural noun, then the words of the post)
            single = morph.parses(words[k].lower())[0].inflect({"sing", "nomn"})
            if single is None:
                continue
            post = [single.word] + words[k + 1 :]
            for name, country in (("n1", a), ("n2", b)):
                p = self.at(m.start(name))
                if p is None or p.kind != "person":
                    continue
                keep = [(r, h) for r, h in zip(p.roles, p.posts) if not (a in r and b in r)]
                p.roles[:], p.posts[:] = [r for r, _ in keep], [h for _, h in keep]
                p.add_role(" ".join(post + [country]), post + [country])


def _one_post(words: list[str]) -> bool:
    """Whether a run of words names one post of roles.txt # role synonyms («заместителя министра» = «замминистра»):
    a person noun before a post in the genitive, which together are one title, not the one and whom they serve."""
    from .roles import synonym_class

    return synonym_class([norm_word(morph.lemma(w)) for w in words]) is not None


def _lead_end(words: list[str]) -> int:
    """Where the words after the last leading phrase (roles.txt # leading phrases: «во главе с», «под
    председательством») begin; 0 without one."""
    lows = [w.lower() for w in words]
    return max((i + len(p) for p in _leading_phrases() for i in range(len(lows) - len(p) + 1)
                if tuple(lows[i : i + len(p)]) == p), default=0)


@functools.cache
def _leading_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in load_words("roles.txt", "leading phrases"))


_NAME_WORDS = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?: [А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?){1,2}"
# two countries, then two names: «… Кыргызстана и Таджикистана Алмаз Токтогулов и Джамшед Рахимзода»
_LAST_STOP = regexes.compile(r".*\.(?!\w)", re.S)  # the last full stop that is not inside a word
_VERB_AFTER = regexes.compile(r"[ \t]+(?:был[аи]?[ \t]+)?([а-яё]+)[ \t]+([^,.;:!?()\n«»\"—–]{3,100})")  # «… | назначен министром …»
_CLAUSE_AFTER_COMMA = regexes.compile(r",\s+([^,.;:!?()\n«»\"]{3,120})")
_RESPECTIVE = regexes.compile(rf"(?P<a>[А-ЯЁ][а-яё-]+) и (?P<b>[А-ЯЁ][а-яё-]+) (?P<n1>{_NAME_WORDS}) и (?P<n2>{_NAME_WORDS})")


@functools.lru_cache(maxsize=50_000)
def _nominative_noun(word: str) -> bool:
    """Whether a noun reading of ``word`` is a nominative singular («Министр», «глава»), or the adjective a listed
    post is («Уполномоченный по правам человека», «Управляющий директор»: a noun made of an adjective)."""
    return any((p.tag.POS == "NOUN" or p.tag.POS == "ADJF" and is_role_word(norm_word(p.normal_form)))
               and {"nomn", "sing"} <= p.tag.grammemes for p in morph.parses(word.lower())[:3])


@functools.lru_cache(maxsize=50_000)
def _subject_of(verb: str, noun: str) -> bool:
    """Whether ``noun`` right after the past-tense ``verb`` is its inverted subject: a nominative reading
    of the noun has the verb's gender («сказала супруга Сергея Иванова»: the wife speaks, and «супруга»
    is no genitive of «супруг» in apposition to «Сергея»)."""
    g = _past_gender(verb)
    return g is not None and any(p.tag.POS == "NOUN" and {"nomn", "sing", g} <= p.tag.grammemes
                                 for p in morph.parses(noun.lower())[:3])


def _modifiers_only(words: list[str]) -> bool:
    """Whether the words between a verb and a person noun only modify the noun («бывшая») or make a
    prepositional phrase of their own («написала в соцсетях жена …»), so that the noun can be the
    verb's subject."""
    if words and words[0].lower() in PREPOSITIONS:
        return not any(is_person_noun(w) for w in words[1:])
    return all(_adjective(w) for w in words)


@functools.lru_cache(maxsize=50_000)
def _role_fits(noun: str, gender: str | None) -> bool:
    """Whether a person noun can be the role of a person of ``gender``: «мать», «активистка» are no
    man's roles, «отец», «брат» no woman's; «министр», «судья» are anyone's."""
    nouns = [(p.normal_form, {g.lower() for g in p.tag.grammemes}) for p in morph.parses(noun.lower())[:3]
             if p.tag.POS == "NOUN"]
    if gender not in ("masc", "femn") or not nouns:
        return True
    if gender == "masc":
        return any("masc" in g or "ms-f" in g for _, g in nouns)
    return any("masc" not in g or norm_word(lemma) not in load_words("roles.txt", "relational nouns")
               for lemma, g in nouns)


@functools.lru_cache(maxsize=50_000)
def _shares_a_case(noun: str, given: str, gender: str | None) -> bool:
    """Whether a role noun can stand in apposition to a given name: some case of the noun is a case the
    dictionary reads the name in as a name of the person's sex («канцлера … Карла», «министра … Алию»;
    not «заявил министру … Иван», «тренер Артёма»). A name it does not read so can be in any case
    («Ерлан», which it reads only as a woman's plural genitive, is a man's here)."""
    # (a person's name is singular: «Жанар» read as a plural of «Жанара» says nothing of her case)
    names = [p for p in _name_parses(given) if gender in p.tag.grammemes and "sing" in p.tag.grammemes]
    if not names or any("Fixd" in p.tag.grammemes for p in names) or foreign_in_i(given):
        # (an indeclinable name, «Катрин», «Айгерим», «Хироси», is in every case: «с министром … Катрин Вебер»)
        return True
    cases = {p.tag.case for p in names}
    return any(p.tag.case in cases for p in morph.parses(noun.lower())[:4] if p.tag.POS == "NOUN")


@functools.lru_cache(maxsize=50_000)
def _instrumental(word: str) -> bool:
    """Whether a noun can be in the instrumental («ректором», «главой»)."""
    return any(p.tag.case == "ablt" for p in morph.parses(word.lower())[:4] if p.tag.POS == "NOUN")


@functools.lru_cache(maxsize=50_000)
def _oblique(word: str) -> bool:
    """Whether a noun can be in a case other than the nominative («президента», not «помощник»)."""
    return any(p.tag.case not in (None, "nomn") for p in morph.parses(word.lower())[:4] if p.tag.POS == "NOUN")


@functools.lru_cache(maxsize=50_000)
def _plural(word: str) -> bool:
    """Whether a noun can only be plural («министров», «депутаты»; not «министра», «судьи»)."""
    nouns = [p for p in morph.parses(word.lower())[:4] if p.tag.POS == "NOUN"]
    return bool(nouns) and all("plur" in p.tag.grammemes for p in nouns)


@functools.lru_cache(maxsize=50_000)
def _adjective(word: str) -> bool:
    """An adjective that can be part of a role («первый», «постоянный»), not a pronoun («тот», «этот»)."""
    return any(p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag.grammemes for p in morph.parses(word.lower())[:2])
