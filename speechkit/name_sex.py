"""What a given name, a surname's form or the verb beside it says of a person's sex.

«Алия», «Асия» (data/womens_names.txt) are women's names; «Ивана», «Дмитрия» are men's oblique cases
(data/common_names.txt and the dictionary's weights); «Жумабеков» is his, «Жумабековой» hers, and
«Жумабекова» hers where a verb of hers stands beside it («— добавила Жумабекова.»), his genitive or
either otherwise. ``name_forms`` reads a name pair with these.
"""

from __future__ import annotations

import functools
import re
from array import array

from . import morph, regexes
from .names import listed_woman, surname_ending
from .text import norm_word, word_after, word_before
from .wordlists import load_words


@functools.lru_cache(maxsize=50_000)
def _mans_oblique_name(given: str) -> bool:
    """Whether ``given`` is an oblique case of a common man's name (data/common_names.txt): the dictionary
    reads it as a name in no nominative, and its nominative is listed («Ивана», «Сергея»; not «Асия»,
    which the dictionary reads only as the genitive of the rare «Асий», nor «Саша», a nominative)."""

    names = _name_parses(given)
    if not names or any("nomn" in p.tag.grammemes for p in names) or not morph.analyzer().word_is_known(given.lower()):
        return False
    common = load_words("common_names.txt")
    return any("masc" in p.tag.grammemes and norm_word(p.normal_form) in common for p in names)


def _name_parses(given: str) -> list:
    """The dictionary's readings of ``given`` as a given name (of its first six)."""
    return [p for p in morph.parses(given.lower())[:6] if "Name" in p.tag.grammemes]


def _womans_share(given: str) -> float | None:
    """The share of a woman's nominative in the weight of the given name's readings as a name (None:
    the dictionary reads no name in it)."""
    names = _name_parses(given)
    if not names:
        return None
    total = sum(p.score for p in names)
    return sum(p.score for p in names if {"femn", "nomn"} <= p.tag.grammemes) / total if total else 1.0


def _can_be_mans_genitive(given: str, names: list) -> bool:
    """Whether a given name can be a man's genitive (or accusative), as a man's «-а» surname asks: the
    dictionary reads one in it («Дмитрия», «Руслана»), or, unknown to it, it ends as one does («Айдоса»,
    «Жандоса»; not «Гульнар», «Сабохат»). «Сауле» reads only as Саул's dative: no genitive."""
    if names and morph.analyzer().word_is_known(given.lower()):
        return any("masc" in p.tag.grammemes and p.tag.case in ("gent", "accs") for p in names)
    # a name the dictionary only guesses at: a man's genitive ends in «-а», «-я» («Айдоса», «Акмаля»); the
    # guess says nothing («Сабохат» is guessed a man's nominative, and no man's genitive ends so)
    return given.lower().endswith(("а", "я"))


def _feminine_noun(word: str) -> bool:
    """Whether the word reads only as a feminine noun («активистка», «журналистка»; not «адвокат», «судья»)."""
    nouns = [p for p in morph.parses(word.lower())[:3] if p.tag.POS == "NOUN"]
    return bool(nouns) and all("femn" in p.tag.grammemes for p in nouns)


def _masculine_noun(word: str) -> bool:
    """Whether a person noun names a man («мальчик», «мужчина»: roles.txt ``# male nouns``; «пенсионер»,
    «школьник», «покупатель»: a masculine one with a feminine made from it by a suffix the dictionary knows;
    «подсудимый»: an adjective's noun in the masculine)."""
    low = word.lower()
    if low.endswith(("ый", "ий")) and morph.analyzer().word_is_known(low[:-2] + "ая") \
            and any({"masc", "nomn"} <= p.tag.grammemes for p in morph.parses(low)[:2]):
        return True  # «подсудимый», «потерпевший» (and «подсудимая», «потерпевшая»): an adjective's noun says the sex
    nouns = [p for p in morph.parses(low)[:3] if p.tag.POS == "NOUN"]
    if not nouns or not all("masc" in p.tag.grammemes for p in nouns):
        return False
    lemma = norm_word(nouns[0].normal_form)
    if lemma in load_words("roles.txt", "male nouns"):
        return True
    pairs = [lemma + "ка", lemma + "ница"] + ([lemma[:-1] + "ца"] if lemma.endswith("ник") else [])
    return any(_feminine_noun(f) and morph.analyzer().word_is_known(f) for f in pairs)


def _womans_name(given: str) -> bool:
    """Whether a given name is listed as a woman's (data/womens_names.txt), reads mostly as a woman's
    nominative, or is one the dictionary does not know that cannot be a man's genitive («Айгерим»,
    not «Ерлана»: Ерлан's, whatever the dictionary guesses)."""
    if listed_woman(given) or _mostly_womans(given):
        return True
    return not morph.analyzer().word_is_known(given.lower()) and not _can_be_mans_genitive(given, [])


def _reads_as_womans(given: str) -> bool:
    """Whether a woman's nominative carries at least 30% of the weight of the given name's readings as a
    name («Алия», «Ерлана»; not «Дмитрия», «Руслана», «Айдоса»), or the dictionary does not know the word
    (a given name it lacks is read as written)."""
    share = _womans_share(given)
    return share is None or share >= 0.3 or not morph.analyzer().word_is_known(given.lower())


def _mostly_womans(given: str) -> bool:
    """Whether a woman's nominative carries at least 60% of the weight of the given name's readings."""
    share = _womans_share(given)
    return share is not None and share >= 0.6


_SURNAME_IN_A = regexes.compile(r"(?<![\w-])[А-ЯЁ][а-яё-]*(?:ов|ев|ёв|ин|ын)а(?![\w-])")  # «Кузьмина»: hers, or his genitive


def _sex_of_form(text: str, pos: int, word: str) -> str | None:
    """The sex an -ов/-ев/-ин surname's form ``word`` at ``pos`` says, if it says one.

    «Жумабеков», «Жумабековым», «Жумабекове» are a man's, «Жумабековой» a woman's; «Жумабекова» is of the
    sex of a past-tense verb after it where it opens the clause, and a woman's after a speech verb of
    hers or in the present with the clause ending after it («— добавила Жумабекова.», «— считает Ахметова.»; not «поблагодарила
    Жумабекова за работу», his accusative); otherwise it says none (his genitive, her nominative)."""
    from .quotes import is_speech_verb

    ending = surname_ending(word)
    if ending in ("", "ым", "ом", "е"):
        return "masc"
    if ending in ("ой", "ою"):
        return "femn"
    if ending != "а":
        return None
    said = _verb_after(text, pos, word)
    if said:
        return said  # «Жумабекова отметила»; not «Встреча Ногаева прошла», «Мать Ахметова рассказала»
    after = re.match(r"\s+([а-яё]+)", text[pos + len(word) : pos + len(word) + 30])
    if after and _past_gender(after.group(1)) == "femn" and _her_post_before(text, pos):
        return "femn"  # «Депутат Алиева усомнилась»: a man's post in apposition to a woman, whom the verb agrees with
    before = re.search(r"([а-яё]+)\s+$", text[max(0, pos - 30) : pos])
    if before and is_speech_verb(before.group(1)) and _past_gender(before.group(1)) in ("femn", None) \
            and re.match(r"\s*[.!?,;]", text[pos + len(word) :]):
        return "femn"
    return None


def _verb_after(text: str, pos: int, word: str) -> str | None:
    """The sex of a past tense right after a name that opens its clause («Шевчук рассказала»)."""
    after = re.match(r"\s+([а-яё]+)", text[pos + len(word) : pos + len(word) + 30])
    return _past_gender(after.group(1)) if after and _opens_clause(text, pos) else None


def _subject_of_verb(text: str, pos: int, word: str) -> str | None:
    """The sex of the past tense a surname of one form for both sexes is the subject of: the verb after it where
    the name opens the clause («Шевчук рассказала»), or a speech verb before it that ends the clause («—
    рассказала Шевчук.»); none otherwise («поблагодарила Шевчук за работу»: the one thanked)."""
    from .quotes import is_speech_verb

    said = _verb_after(text, pos, word)
    if said:
        return said
    before = re.search(r"([а-яё]+)\s+$", text[max(0, pos - 30) : pos])
    if before and is_speech_verb(before.group(1)) and re.match(r"\s*[.!?,;]", text[pos + len(word) :]):
        return _past_gender(before.group(1))
    return None


def _her_post_before(text: str, pos: int) -> bool:
    """Whether a post of the masculine gender stands right before, that a woman holds as well as a man
    («Депутат», «министр», «аналитик»), not a noun of kin or of serving someone, which the name after would be the
    genitive of («Мать Ахметова», «Помощник Алиева»): a verb of hers after the name then agrees with the name."""
    from .roles import is_role_word

    m = re.search(r"(?<![\w-])([А-Яа-яЁё]+)[ \t]+$", text[max(0, pos - 30) : pos])
    if m is None:
        return False
    p = morph.parses(m.group(1).lower())[0]
    lemma = norm_word(p.normal_form)
    return p.tag.POS == "NOUN" and "masc" in p.tag.grammemes and "nomn" in p.tag.grammemes and is_role_word(lemma) \
        and lemma not in load_words("roles.txt", "serving nouns") and lemma not in load_words("roles.txt", "relational nouns")


def _opens_clause(text: str, pos: int) -> bool:
    """Whether a name at ``pos`` begins its clause: nothing before it but punctuation, an adverb, a
    conjunction or a particle (not a noun it could be the genitive of)."""
    before = text[max(0, pos - 40) : pos].rstrip()
    if not before or before[-1] in ".!?…—–-:;,(«\"\n":
        return True
    m = re.search(r"[А-Яа-яЁё]+$", before)
    return m is not None and morph.parses(m.group(0).lower())[0].tag.POS in ("ADVB", "CONJ", "PRCL")


def _her_surnames(text: str) -> frozenset[str]:
    """The -ова/-ева/-ина surnames the text writes as a woman's, by the verb beside one (``_sex_of_form``),
    lower case: a speech verb's subject, not a man's genitive. One pass over the text."""
    return frozenset(m.group(0).lower() for m in _SURNAME_IN_A.finditer(text)
                     if _sex_of_form(text, m.start(), m.group(0)) == "femn")


# the clause ends, or goes on in a lower-case word: «— сказал Хайдарзода на пресс-конференции», «— заявил Гоцеридзе
# журналистам» (not a capital: «— сказал адвокат Гоцеридзе Нино …» names another after him)
_CLAUSE_GOES_ON = regexes.compile(r"[ \t]*(?:[.!?,;]|[а-яё])")


_CAPITAL_RUN = regexes.compile(r"[A-ZА-ЯЁ][^\W_]*")


def capital_words(text: str) -> dict[str, array]:
    """Where each word that begins with a capital letter stands in ``text`` (a whole run of letters and
    digits, not after a hyphen), found in one pass: to read a name's places without a search of the whole
    text for each name (a long text's cost grew with the number of its names times its length). The places
    are kept as machine integers (a 10 MB text's were 5 MB as a list's int objects)."""
    starts: dict[str, list[int]] = {}
    for m in _CAPITAL_RUN.finditer(text):
        i = m.start()
        if not i or not (text[i - 1].isalnum() or text[i - 1] == "-"):
            starts.setdefault(m.group(), []).append(i)
    return {word: array("q", places) for word, places in starts.items()}


def _places(text: str, word: str):
    """The starts of ``word`` in ``text`` as a whole word: not inside a longer word, not after a hyphen."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (not i or not (text[i - 1].isalnum() or text[i - 1] == "-")) and (j == len(text) or not text[j].isalnum()):
            yield i
        i = text.find(word, j)


def speaks_as_a_man(text: str, word: str, capitals: dict[str, array] | None = None) -> bool:
    """Whether the text has ``word`` alone speak or act as a man: after a speech verb of his ending the clause
    («— заявил Гоцеридзе.»), or opening a clause before a verb of his («Кушнер вспоминал»). A pair before it
    whose given name can be a man's genitive is his («Георгия Гоцеридзе», «Александра Кушнера»), not a
    woman's nominative. Only the places the word stands are read: from ``capitals`` (``capital_words`` of
    the text) when given and the word is one it holds."""
    from .quotes import is_speech_verb

    places = capitals.get(word, ()) if capitals is not None and _CAPITAL_RUN.fullmatch(word) else _places(text, word)
    for i in places:
        j = i + len(word)
        before, after = word_before(text, i), word_after(text, j)
        if before and is_speech_verb(before) and _past_gender(before) == "masc" and _CLAUSE_GOES_ON.match(text, j) \
                or after and _past_gender(after) == "masc" and _opens_clause(text, i):
            return True
    return False


@functools.lru_cache(maxsize=50_000)
def _participle_case(word: str) -> tuple[str, str] | None:
    """(case, gender) of a singular full participle, as its likeliest reading has them («приехавшая» →
    nomn, femn; «погибшего» → gent, masc), else None: a participle's clause after a name agrees with it."""
    parses = morph.parses(word.lower())[:2]
    for p in parses[:1]:
        if p.tag.POS == "PRTF" and "sing" in p.tag.grammemes:
            case = next((c for c in ("nomn", "gent", "datv", "accs", "ablt", "loct") if c in p.tag.grammemes), None)
            gender = next((g for g in ("masc", "femn", "neut") if g in p.tag.grammemes), None)
            if gender == "neut" and len(parses) > 1 and parses[1].tag.POS == "PRTF" \
                    and {"masc", case} <= parses[1].tag.grammemes:
                gender = "masc"  # «обвиняемого»: the masculine and the neuter share the form; after a name, his
            if case and gender:
                return case, gender
    return None


@functools.lru_cache(maxsize=50_000)
def _past_gender(word: str) -> str | None:
    """The gender of a past-tense verb form («сказала» → femn) or of a short form that attributes
    speech («уверена», «убеждена»), else None."""
    from .quotes import is_speech_verb

    for p in morph.parses(word.lower())[:2]:
        if p.tag.POS == "VERB" and "past" in p.tag.grammemes or p.tag.POS in ("PRTS", "ADJS") and is_speech_verb(word):
            return "femn" if "femn" in p.tag.grammemes else "masc" if "masc" in p.tag.grammemes else None
    return None
