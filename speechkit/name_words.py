"""What a capitalised word alone says of a name, with no text around it: a role's noun or a body's head
(no given name, no surname), a surname's slot and form, whether a form can be the nominative, whether a
common noun shares a surname's case ending. ``name_forms`` reads a pair in its text with these;
``name_sex`` says what a name's form tells of sex.
"""

from __future__ import annotations

import functools

from . import morph
from .names import is_patronymic, known_first_name, place_or_body, surname_ending, surname_like
from .roles import country_of_word, is_role_word
from .text import norm_word
from .wordlists import load_sections, load_words

_PREPOSITIONS = frozenset("с со у от для до без из к ко о об при про за над под перед между".split())
_CASES_OF_ENDING = {"у": ("datv",), "ым": ("ablt",), "е": ("loct",), "ой": ("gent", "datv", "ablt", "loct")}
_CASE_ENDINGS = ("а", "я", "у", "ю", "ом", "ем", "е", "ым", "им", "ой", "ей", "ы", "и")  # a declined foreign name's
_OBLIQUE = ("gent", "datv", "accs", "ablt", "loct")


@functools.lru_cache(maxsize=50_000)
def _name_reading(word: str) -> bool:
    return any("Name" in p.tag.grammemes for p in morph.parses(word.lower())[:4])


@functools.lru_cache(maxsize=50_000)
def _dictionary_surname(word: str) -> bool:
    return any("Surn" in p.tag.grammemes for p in morph.parses(word.lower())[:4])


def _same_case(given: str, surname: str) -> bool:
    """Whether a common noun before a surname with a case ending can be in that case («Алмазу
    Дуйшеналиеву»: both datives; «а», a woman's nominative as often as a man's genitive, only where the noun reads
    as nothing but a man's genitive: «депутата Улана Токтогулова», of the noun «улан»)."""
    if surname_ending(surname) == "а":
        parses = morph.parses(given.lower())[:3]
        return bool(parses) and all(p.tag.case in ("gent", "accs") and "masc" in p.tag.grammemes for p in parses)
    cases = _CASES_OF_ENDING.get(surname_ending(surname) or "", ())
    return any(c in p.tag.grammemes for p in morph.parses(given.lower())[:3] for c in cases)


@functools.lru_cache(maxsize=50_000)
def _org_name_word(word: str) -> bool:
    """A body's head noun or proper name («Хокимият», «Акимат»): no given name (nor a name the dictionary
    knows whose lemma is one: «Раду» is no form of «рада»)."""
    heads = _body_heads()
    return norm_word(word) in heads or norm_word(morph.lemma(word)) in heads and not _name_reading(word)


@functools.lru_cache(maxsize=50_000)
def _says_now(word: str) -> bool:
    """A speech verb in the present, third person singular («считает», «говорит», «полагает»): its subject
    is a person («Экономист из Дели Приянка Наир считает …»)."""
    from .quotes import is_speech_verb  # (quotes builds on the speaker model)

    return is_speech_verb(word) and any(p.tag.POS == "VERB" and {"pres", "3per", "sing"} <= p.tag.grammemes
                                        for p in morph.parses(word)[:2])


@functools.lru_cache(maxsize=50_000)
def _is_role(word: str) -> bool:
    """A role noun in the singular: «Министр», «Аким»; not «Султанов» (a surname, though «султанов»
    is also the genitive plural of «султан»)."""
    return any(is_role_word(norm_word(p.normal_form)) and "plur" not in p.tag.grammemes
               for p in morph.parses(word.lower())[:3])


@functools.lru_cache(maxsize=50_000)
def _surname_slot(word: str, after_given: bool = False, introduced: bool = False) -> bool:
    """Whether a capitalised word after a given name can be the surname: not a role, a patronymic or a
    country; after a given name the dictionary knows, a word that is also a place or another given name
    is a surname too («Дмитрий Ливанов», «Ричард Вагнер», «Алексей Карп»). ``introduced``: the pair follows
    a post in the narrative, where a patronymic's form is a surname («министр Андрей Лукашевич»)."""
    if _is_role(word) or is_patronymic(word) and not introduced or country_of_word(word):
        return False
    if after_given:
        return True
    return not place_or_body(word) and (not known_first_name(word) or surname_like(word))


@functools.lru_cache(maxsize=50_000)
def demonym(word: str) -> bool:
    """A noun of a person by the place they are from («Бишкекчанка», «Алматинец», «Киевлянин»: an ending of
    ``demonym_endings.txt``), not a given name or surname: the dictionary reads it as no name, as an animate
    noun if it knows it at all, and ``womens_names.txt`` does not list it."""
    low = word.lower()
    if not any(low.endswith(e) and len(low) >= len(e) + 3 for e in load_words("demonym_endings.txt")) \
            or known_first_name(word) or norm_word(word) in load_words("womens_names.txt"):
        return False
    if not morph.analyzer().word_is_known(low):
        return True  # «бишкекчанка», «ошанка»: the dictionary's guess says nothing
    parses = morph.parses(low)[:3]
    return not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses) \
        and parses[0].tag.POS == "NOUN" and "anim" in parses[0].tag.grammemes


def _surname_form(word: str) -> bool:
    """A surname by its form alone, in the nominative: «Каллыбеков» (a man's «-ов»), «Гогиберидзе», «Пашинян»
    (``surname_endings.txt``)."""
    low = word.lower()
    if surname_ending(word) == "":
        # (not «Министров», «Депутатов»: a common noun's plural genitive the dictionary knows as no surname)
        parses = morph.parses(low)[:3]
        return not morph.analyzer().word_is_known(low) or any("Surn" in p.tag.grammemes for p in parses) \
            or not any(p.tag.POS == "NOUN" for p in parses)
    # («Вооружённых», «Объединённых»: an adjective's plural ends as «Черных» does)
    return _listed_nominative(word) and not any(p.tag.POS in ("ADJF", "PRTF") for p in morph.parses(low)[:2])


@functools.lru_cache(maxsize=50_000)
def _listed_nominative(word: str) -> bool:
    """Whether the word ends as a surname written alike in every case does (``surname_endings.txt``: «Гоцеридзе»,
    «Толибзода», «Пашинян»), with three letters or more before the ending."""
    low = word.lower()
    return any(low.endswith(e) and len(low) >= len(e) + 3 for e in load_words("surname_endings.txt"))


@functools.lru_cache(maxsize=50_000)
def _nominative(word: str) -> bool:
    """Whether a name form can be the nominative: «Токаев», «Пауэр» (indeclinable), «Пашинян»
    (``surname_endings.txt``), not «Токаева»."""
    low = word.lower()
    if _listed_nominative(word):
        return True
    if not morph.analyzer().word_is_known(low) and not low.endswith(_CASE_ENDINGS):
        return True  # «Ли Вэйдун»: a word the dictionary only guesses at, with no case ending, is as written
    ps = [p for p in morph.parses(low)[:4] if p.score >= 0.1]
    return any("nomn" in p.tag.grammemes for p in ps) or not any(p.tag.POS == "NOUN" for p in ps)


@functools.cache
def _body_heads() -> frozenset[str]:
    """The one-word heads of organisations' names (organisations.txt ``# heads``: «кенеш», «дума»)."""
    return frozenset(h for h in load_sections("organisations.txt").get("heads", ()) if " " not in h)
