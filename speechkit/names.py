"""Russian personal names: given names, surnames, patronymics and their nominative forms.

Learnt from morphology, not from a list: pymorphy3 tags given names (``Name``), surnames (``Surn``)
and patronymics (``Patr``); surnames in -ов/-ев/-ин decline regularly («Токаева», «Токаевым»).
"""

from __future__ import annotations

import functools

from . import morph, regexes
from .text import norm_word
from .wordlists import load_words, org_aliases

# Cyrillic letters of Russian and Kazakh (Қабылхан, Әлихан, Ұлан, Іңкәр)
UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "а-яёәғқңөұүһі"
# Токаев, Касым-Жомарт, О’Рейли, Қабылхан
CAP = rf"[{UPPER}](?:[’'][{UPPER}])?[{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
# an Arabic surname with its article, written in lower case before a capital («аль-Мансури», «ан-Нури»)
ARTICLE_NAME = rf"(?:аль|ал|ан|ас|ад|ат|ар|аш|аз|эль|эш|эр|эд|эс)-{CAP}"
CAP_RE = regexes.compile(CAP)
CAP_AFTER = regexes.compile(rf"[ \t]+({CAP})(?![\w-])")  # the capitalised word right after a space or tab
_ARTICLE_NAME_RE = regexes.compile(ARTICLE_NAME)
_DECLINED_E = regexes.compile(r"(.{3,}е)(?:я|ю|ем|е)$")


def capitalised(word: str) -> bool:
    """Whether a word is written as a name is: a capital first, or an Arabic article before one («аль-Отейби»)."""
    return word[:1].isupper() or _ARTICLE_NAME_RE.match(word) is not None
# surname endings that decline: Токаева, Токаеву, Токаевым, Путина, Алиевой
_SURNAME_STEM = regexes.compile(r"^(.+?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ою|ы|ых|ыми)?$")
PATRONYMIC = ("вич", "вна", "ична", "вича", "вичу", "вичем", "вне", "вной", "вну", "ичны", "ичной")


@functools.lru_cache(maxsize=50_000)  # pure in the word; names recur across a corpus
def surname_key(word: str) -> str:
    """Case-free key of a surname: «Токаева», «Токаевым» → «токаев».

    >>> surname_key("Токаевым"), surname_key("Сулейменов"), surname_key("Путина"), surname_key("Гелетея")
    ('токаев', 'сулейменов', 'путин', 'гелетей')
    """
    w = norm_word(word)
    m = _SURNAME_STEM.match(w)
    if m:
        return m.group(1)
    for p in morph.parses(w)[:4]:
        if "Surn" in p.tag.grammemes:
            return norm_word(p.normal_form)
    # Гелетея, Гелетеем → гелетей: a surname in -ей declines as «Андрей»
    m = _DECLINED_E.match(w)
    if m:
        return m.group(1) + "й"
    if morph.analyzer().word_is_known(w):
        # Соловья, Гуся → соловей, гусь: a surname that is a noun the dictionary knows declines as the noun
        for p in morph.parses(w)[:3]:
            if p.tag.POS == "NOUN" and {"masc", "sing"} <= p.tag.grammemes and p.tag.case in _OBLIQUE_CASES \
                    and not {"Name", "Fixd"} & p.tag.grammemes:
                return norm_word(p.normal_form)
    # Бута → бут, Нильсона → нильсон
    if len(w) > 4 and w[-1] in "ауеы":
        return w[:-1]
    if len(w) > 5 and w[-2:] in ("ом", "ым", "ой"):
        return w[:-2]
    return w


@functools.lru_cache(maxsize=50_000)
def listed_woman(given: str) -> bool:
    """Whether data/womens_names.txt lists the given name as written («Сауле», «Гульноза», «Жулдыз»)."""
    return norm_word(given) in load_words("womens_names.txt")


def listed_man(given: str) -> bool:
    """Whether data/mens_names.txt lists the given name as written («Василе», «Михай»)."""
    return norm_word(given) in load_words("mens_names.txt")


def foreign_in_i(word: str) -> bool:
    """Whether a word ends in «-и» (not «-ии») and the dictionary does not know it («Хироси», «Такеси»): a foreign
    name, which does not decline, whatever case the dictionary guesses in it."""
    low = word.lower()
    return low.endswith("и") and not low.endswith("ии") and not morph.analyzer().word_is_known(low)


@functools.lru_cache(maxsize=50_000)
def first_name(word: str, oblique: bool = False) -> tuple[str, str] | None:
    """(nominative, gender) when the word parses as a given name.

    ``oblique``: the surname next to it is declined («Касым-Жомарта Токаева»), so the name is too.

    >>> first_name("Касым-Жомарта", oblique=True), first_name("Алла")
    (('Касым-Жомарт', 'masc'), ('Алла', 'femn'))
    """
    low = word.lower()
    if not oblique and listed_man(low):
        # «Василе», «Михай»: a Moldovan man's name as written (not the locative of a «Васил», nor unknown)
        return ("-".join(part.capitalize() for part in low.split("-")), "masc")
    names = [p for p in morph.parses(word.lower())[:6] if {"Name", "sing"} <= p.tag.grammemes]
    if names and listed_woman(low):
        # «Айару», «Назерке»: a woman's name of data/womens_names.txt, as written (not the dative of a «Айар», nor a
        # man's name the dictionary guesses)
        return ("-".join(part.capitalize() for part in low.split("-")), "femn")
    if names and foreign_in_i(word):
        # «Хироси», «Такеси»: a name the dictionary does not know that ends in «-и» is a foreign name, which does
        # not decline, as written (not the genitive of a «Хирося» it guesses)
        return ("-".join(part.capitalize() for part in low.split("-")), "femn" if "femn" in names[0].tag.grammemes else "masc")
    # «Абдулла» written in the nominative stays as written (the dictionary's lemma may be «абдулл»); a
    # vocative reading is a name as written too («Тамар» is Georgian, not «Тамара» called out to)
    nominative = [p for p in names if "nomn" in p.tag.grammemes] or [p for p in names if "voct" in p.tag.grammemes]
    if nominative and not oblique and all(p.normal_form == word.lower() for p in nominative) \
            and not morph.analyzer().word_is_known(word.lower()) \
            and any("femn" in p.tag.grammemes and p.tag.case == "ablt" for p in names):
        nominative = []  # «Мартиной»: Мартина's instrumental, not a man's name the dictionary guesses from it
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
def declined_surname(word: str, first: str) -> bool:
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
def surname_like(word: str) -> bool:
    """«Токаева» is also a woman's first name in the dictionary; after a first name it is a surname."""
    return bool(_SURNAME_STEM.match(word.lower())) or any(
        "Surn" in p.tag.grammemes for p in morph.parses(word.lower())[:6])


@functools.lru_cache(maxsize=50_000)
def her_surname_as_patronymic(given: str, word: str) -> bool:
    """Whether ``word`` is shaped as a man's patronymic in the nominative after a woman's given name, in any case
    («Наталья Лукьянович», «с Ириной Ярошевич»): no woman's patronymic ends so, so it is her surname, which does
    not decline."""
    fn = first_name(given)
    return fn is not None and fn[1] == "femn" and (listed_woman(fn[0]) or known_first_name(fn[0])) \
        and word.lower().endswith(("ович", "евич", "ич")) and is_patronymic(word)


def is_patronymic(word: str) -> bool:
    """«Владимирович», «Григорьевич», «Александровна»; not «Абрамович», «Янукович», «Щербович», «Ковалевич»,
    which the dictionary knows as surnames or whose stem is no given name.

    >>> is_patronymic("Владимирович"), is_patronymic("Янукович"), is_patronymic("Щербович"), is_patronymic("Сидоревич")
    (True, False, False, False)
    """
    low = word.lower()
    readings = morph.parses(low)[:4]
    if any("Surn" in p.tag.grammemes for p in readings):
        return False
    if any("Patr" in p.tag.grammemes for p in readings) and morph.analyzer().word_is_known(low):
        return True  # (a guess at an unknown word is no patronymic by itself: «Ковалевич», «Лукашевич» are surnames)
    for tail in ("ович", "евич", "овна", "евна", "ична", "ич"):
        if low.endswith(tail):
            # a given name's stem («Рустам-ович»), or one the dictionary does not know at all («Ерлан-ович»,
            # «Болат-ович»); not a common word's («Ковал-евич»: «ковал», a verb's past)
            stem = word[: len(word) - len(tail)].capitalize()
            if tail in ("евич", "евна") and stem[-1:].lower() not in "аеёиоуыэюяжшчщцьй":
                return False  # a hard stem takes «-ович»: «Сидоревич», «Кравцевич» are surnames (Сидор → Сидорович)
            if first_name(stem) is not None:
                return True
            low_stem = stem.lower()  # an unknown stem shaped as a given name is: two syllables or more, a
            return not morph.analyzer().word_is_known(low_stem) and len(low_stem) > 3 \
                and sum(c in morph.VOWELS for c in low_stem) >= 2 and low_stem[-2] in morph.VOWELS \
                and low_stem[-1] not in morph.VOWELS  # vowel and one consonant at the end (not «Вуч-», «Шефч-»)
    return False


_ICH_PLURAL = regexes.compile(r"(?:ич|ыч)(?:ей|ам|ами|ах)$")


def family_plural(word: str, coordinated: bool = False) -> bool:
    """Whether a capitalised word is a family's name in the plural: «Абеновы», «Бековых», «семья Ковалевичей» (a
    «-ич» surname's oblique plural, which the list of surname endings does not hold); with ``coordinated`` (after
    two given names: «Ольга и Андрей Ковалевичи») its nominative «-ичи» too, which alone is as often a Moldovan
    surname as written («Андрей Поповичи»)."""
    low = word.lower()
    return surname_ending(word) in ("ы", "ых", "ыми") or bool(_ICH_PLURAL.search(low)) \
        or coordinated and low.endswith(("ичи", "ычи"))


@functools.lru_cache(maxsize=50_000)
def known_first_name(word: str) -> bool:
    """A given name the dictionary knows (not a guess): «Сергей», «Алла», not «Перебийнис»."""
    a = morph.analyzer()
    return any("Name" in p.tag.grammemes for p in morph.parses(word.lower())[:4]) and a.word_is_known(word.lower())


# the case endings a proper name of a body takes, by its nominative's last letter
_BODY_ENDINGS = {"а": ("а", "ы", "и", "е", "у", "ой", "ою"), "я": ("я", "и", "е", "ю", "ей"),
                 "о": ("о", "а", "у", "ом", "е"), "": ("", "а", "у", "ом", "е")}


@functools.cache
def _body_forms() -> dict[str, str]:
    from .wordlists import load_sections

    forms = {}
    for name in load_sections("organisations.txt").get("proper names", ()):
        last = name[-1] if name[-1] in "аяо" else ""
        stem = name[: len(name) - len(last)]
        for ending in _BODY_ENDINGS[last]:
            forms.setdefault(stem + ending, name)
    return forms


@functools.lru_cache(maxsize=50_000)
def body_name(word: str) -> str | None:
    """The nominative of a body's proper name that ``word`` is a form of, written as the text writes
    it: «Акорды» → «Акорда», «Самрук-Казыны» → «Самрук-Казына» (organisations.txt: # proper names);
    a stump compound the dictionary lacks («Нацфронта» → «Нацфронт»: # stump prefixes)."""
    name = _ministry(word) or _body_forms().get(norm_word(word.lower())) or _stump(word)
    if name is None:
        return None
    return "-".join(_cap_like(part, written) for part, written in zip(name.split("-"), word.split("-")))


_MINISTRY_CASES = ("ом", "е", "у", "а")  # a ministry's clipped noun («Минфин», «Минэкономфин»): a man's noun's cases


@functools.lru_cache(maxsize=50_000)
def _ministry(word: str) -> str | None:
    """The nominative of a ministry's short name: «Мин» and its field, «министерство» clipped.

    The field in the genitive is written so in every case («Минэкологии», «Минобороны», «Минцифры»,
    «Минпросвещения»: the dictionary's «Минэкология» is no name anyone writes); a clipped field noun
    declines as a man's noun does («в Минэкономфине» → «Минэкономфин»: organisations.txt # aliases).
    """
    low = norm_word(word.lower())
    if not low.startswith("мин") or len(low) < 7 or not word[:1].isupper():
        return None
    field = low[3:]
    a = morph.analyzer()
    if field.endswith(("ы", "и", "ия")) and a.word_is_known(field) and any(
            p.tag.POS == "NOUN" and {"gent", "sing"} <= p.tag.grammemes and p.tag.gender in ("femn", "neut")
            for p in morph.parses(field)[:4]):
        return low
    if a.word_is_known(low):
        return None
    # a clipped field the aliases list names («Минэкономфин»), whatever surname the dictionary would read in it
    return next((low[: -len(e)] for e in _MINISTRY_CASES if low.endswith(e) and low[: -len(e)] in org_aliases()), None)


@functools.lru_cache(maxsize=50_000)
def _stump(word: str) -> str | None:
    """«Нацфронт», «Госкомстат», «Минсельхоз»: a compound of a state-body stump and a noun is a body's
    name, in any case; a word with a surname's ending («Гостев») or one the dictionary knows is not."""
    from .wordlists import load_sections

    low = norm_word(word.lower())
    if len(low) < 7 or not word[:1].isupper() or surname_ending(word) is not None \
            or morph.analyzer().word_is_known(low):
        return None
    if not any(low.startswith(p) for p in load_sections("organisations.txt").get("stump prefixes", ())):
        return None
    for p in morph.parses(low)[:5]:
        if p.tag.POS == "NOUN" and "sing" in p.tag.grammemes:
            form = p.inflect({"nomn", "sing"})
            return form.word if form is not None else low
    return None


@functools.lru_cache(maxsize=50_000)
def place_or_body(word: str) -> bool:
    """A capitalised word that names a place or an organisation, not a person: «Германии», «МИД», «Шымкента»."""
    if word.isupper() and len(word) > 1 or body_name(word) or listed_place(word):
        return True
    low = word.lower()
    if not morph.analyzer().word_is_known(low):
        return False  # a guess (Orgn for «Пентус») says nothing
    top = morph.parses(low)[:3]
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in top):
        return False  # «Айдар» is a name before it is a river
    return any({"Geox", "Orgn"} & p.tag.grammemes for p in top[:2] if p.score >= 0.3)


@functools.lru_cache(maxsize=50_000)
def surname_ending(word: str) -> str | None:
    """The case ending of an -ов/-ев/-ин surname: "" (a man's nominative), "а" (a woman's nominative
    or a man's genitive), another ending, or None for a surname of another shape.

    >>> surname_ending("Токаев"), surname_ending("Гинаятова"), surname_ending("Токаевым"), surname_ending("Пауэр")
    ('', 'а', 'ым', None)
    """
    low = word.lower()
    m = _SURNAME_STEM.match(low)
    if not m or m.group(1).endswith("ддин"):
        return None  # («Нуриддин», «Салохиддин»: a given name of «ад-Дин», whose surname is «Нуриддинов»)
    return low[len(m.group(1)):]


@functools.lru_cache(maxsize=50_000)
def given_slot(word: str) -> bool:
    """Whether a capitalised word may be a given name the dictionary does not know («Бахыт», «Канат»):
    a noun or an unknown word, not a pronoun, adverb or verb."""
    if not morph.analyzer().word_is_known(word.lower()):
        return True  # «Саеб», «Дейв»: the dictionary's guess at an unknown word says nothing
    p = morph.parses(word.lower())[0]
    return p.tag.POS in ("NOUN", None) or "Name" in p.tag.grammemes


def nominative_given(word: str, ending: str) -> str:
    """A given name the dictionary does not know, in the nominative: «Бахыта» (with «Султанова») → «Бахыт».

    The surname's case ending tells the case; a consonant-final man's name loses the same kind of ending.
    """
    low = word.lower()
    for tail in {"а": ("а", "я"), "у": ("у", "ю"), "ым": ("ом", "ем"), "ом": ("ом", "ем"), "е": ("е",)}.get(ending, ()):
        if low.endswith(tail) and len(low) > len(tail) + 2:
            stem = word[: len(word) - len(tail)]
            if tail in ("я", "ю", "ем"):  # a soft stem: «Эдиля», «Эдилем» → «Эдиль»; «Алияром» no; «Фарруха» no
                last = stem[-1].lower()
                return stem if last in "жшчщц" else stem + ("й" if last in morph.VOWELS else "ь")
            return stem
    return word


# a man's given name's case ending → a surname's, hard and soft (not the dative: «Лобату», «Маркопулу» are
# nominatives as often as a «-у» is a case)
_CASE_OF_TAIL = {"а": ("а", "я"), "я": ("а", "я"), "ом": ("ом", "ем"), "ем": ("ом", "ем"), "ём": ("ом", "ем")}


def foreign_nominative(surname: str, tail: str) -> str | None:
    """A man's foreign surname back in the nominative, in the case his given name's ending ``tail`` shows:
    «Пака» (with «Сергея») → «Пак», «Демиреля» (with «Орхана») → «Демирель», «Гурея» → «Гурей»; None when
    the surname does not end as that case does. A surname of the «-а» declension in the genitive is its
    nominative's («Сильвы» → «Сильва»).

    >>> foreign_nominative("Пака", "я"), foreign_nominative("Демиреля", "а"), foreign_nominative("Сильвы", "а")
    ('Пак', 'Демирель', 'Сильва')
    >>> foreign_nominative("Мендосой", "ем"), foreign_nominative("Соловья", "я")
    ('Мендоса', 'Соловей')
    """
    if tail not in _CASE_OF_TAIL:
        return None
    hard, soft = _CASE_OF_TAIL[tail]
    low = surname.lower()
    if hard == "а" and len(low) > 3 and (low.endswith("ы") or low.endswith("ии")):
        return surname[:-1] + ("а" if low.endswith("ы") else "я")  # «Ивана Сильвы» → «Сильва», «Гарсии» → «Гарсия»
    if hard == "ом" and len(low) > 4 and low.endswith(("ой", "ей")) and not low.endswith(("ской", "цкой")):
        # «с Рафаэлем Мендосой» → «Мендоса», «Хосе Гарсией» → «Гарсия»: an «-а» surname's instrumental
        return surname[:-2] + ("а" if low.endswith("ой") else "я")
    if low.endswith(hard) and len(low) > len(hard) + 1 and low[-len(hard) - 1] not in morph.VOWELS:
        return surname[: -len(hard)]
    if low.endswith(soft) and len(low) > len(soft) + 2:
        stem = surname[: -len(soft)]
        last = stem[-1].lower()
        if last == "ь":  # «Соловья», «Воробьем» → «Соловей», «Воробей»: a fleeting «е» the soft sign stands for
            return stem[:-1] + "ей"
        return stem if last in "жшчщц" else stem + ("й" if last in morph.VOWELS else "ь")
    return None


# a woman's given name in -а/-я, declined: the case its surname's ending shows → the endings it takes
_FEMININE_ENDINGS = {"у": (("у", "а"), ("ю", "я")), "ой": (("ы", "а"), ("и", "я"), ("е", "а"), ("ой", "а"), ("ей", "я"))}


def feminine_given(word: str, ending: str) -> str:
    """A woman's given name back in the nominative: «Алию» (with «Гинаятову») → «Алия».

    >>> feminine_given("Алию", "у"), feminine_given("Даной", "ой"), feminine_given("Асель", "ой")
    ('Алия', 'Дана', 'Асель')
    """
    low = word.lower()
    if low.endswith(("и", "ью")) and ending in ("ой", "у") and listed_woman(soft := low[: -1 if low[-1] == "и" else -2] + "ь"):
        return word[: len(soft) - 1] + "ь"  # «Асели», «Асылью» (with «Жанузаковой»): a listed «-ь» name's case → «Асель»
    for tail, nom in _FEMININE_ENDINGS.get(ending, ()):
        if low.endswith(tail) and len(low) > len(tail) + 1:
            return word[: len(word) - len(tail)] + nom
    return word


@functools.lru_cache(maxsize=50_000)
def her_adjectival_nominative(word: str) -> str | None:
    """A woman's surname that is an adjective, read in an oblique case, in the nominative: «Вишневской»,
    «Толстой», «Белую» → «Вишневская», «Толстая», «Белая»; None for a word of another shape.

    Such a surname declines as an adjective does (a woman's «-ая»: «-ой» in every oblique case, «-ую» in the
    accusative), not as her given name does («Анной Пегулой» → «Пегула»). A «-ской», «-цкой» is one whatever
    the dictionary reads; another word, where the dictionary reads a woman's adjective in a case. An «-ов»,
    «-ин» stem («Луговой») is left to the «-ова» reading, a woman of the Лугов family.

    >>> her_adjectival_nominative("Вишневской"), her_adjectival_nominative("Белую"), her_adjectival_nominative("Пегулой")
    ('Вишневская', 'Белая', None)
    """
    low = word.lower()
    if len(low) < 5 or not low.endswith(("ой", "ую")) or surname_ending(low) is not None:
        return None
    if not low.endswith(("ской", "цкой", "скую", "цкую")) and not any(
            p.tag.POS == "ADJF" and {"femn", "sing"} <= p.tag.grammemes and p.tag.case != "nomn"
            for p in morph.parses(low)[:4]):
        return None
    return word[:-2] + "ая"


_ZODA_CASE = regexes.compile(r"зод(?:ы|е|у|ой|ою)$")


def declined_zoda(word: str) -> bool:
    """«Назарзоды», «Назарзоде»: a Tajik «-зода» surname declined as a noun in «-а» is, in a case whatever the words
    around say."""
    return _ZODA_CASE.search(word.lower()) is not None



def nominative_surname(word: str, gender: str) -> str:
    """«Токаева» (masc) → «Токаев», «Алиевой» (femn) → «Алиева», «Назарзоды» → «Назарзода»."""
    low = word.lower()
    if (zoda := _ZODA_CASE.search(low)) is not None:
        return word[: zoda.start()] + "зода"
    for p in morph.parses(low)[:6]:
        if "Surn" in p.tag.grammemes:
            form = p.inflect({"nomn", "sing", gender}) or p.inflect({"nomn", "sing"})
            if form:
                return _cap_like(_as_written(form.word, word), word)
    m = _SURNAME_STEM.match(low)
    if m:
        stem = m.group(1)
        ending = low[len(stem):]
        if gender == "femn" and ending in ("ой", "у", "ою", "а"):
            stem += "а"
        return _cap_like(stem, word)
    if gender == "femn" and (adjectival := her_adjectival_nominative(word)) is not None:
        return adjectival  # «словам Белой» → «Белая»
    if gender == "masc" and morph.analyzer().word_is_known(low):
        # «Михаила Гуся» → «Гусь»: a man's surname that is a noun the dictionary knows declines as the noun
        for p in morph.parses(low)[:3]:
            if p.tag.POS == "NOUN" and {"masc", "sing"} <= p.tag.grammemes and p.tag.case in _OBLIQUE_CASES:
                return _cap_like(_as_written(p.normal_form, word), word)
    first = morph.parses(low)[0]
    if gender == "masc" and first.tag.POS == "NOUN" and {"femn", "sing"} <= first.tag.grammemes \
            and first.tag.case in ("gent", "ablt") and first.normal_form.endswith(("а", "я")) \
            and first.normal_form[:-1] == low[: len(first.normal_form) - 1]:
        # «Сергея Рошки» → «Рошка», «с Петром Лозой» → «Лоза»: a man's surname in «-а», «-я» declines as a noun of the
        # first declension does, which the dictionary reads it as first (in the genitive or the instrumental: a final
        # «-у», «-е» is as often a surname that does not decline, «Русу», «Чобану»)
        return _cap_like(_as_written(first.normal_form, word), word)
    return word


_OBLIQUE_CASES = ("gent", "accs", "datv", "ablt", "loct")


def _as_written(form: str, written: str) -> str:
    """«ё» only where the text writes it: «Ковалёв» for «Ковалева» written without it is «Ковалев»."""
    return form.replace("ё", "е") if "ё" not in written.lower() else form


def _cap_like(form: str, written: str) -> str:
    """The form with the written word's capitals: «кулибаев» like «Кулибаева» → «Кулибаев»."""
    parts = form.split("-")
    src = written.split("-")
    return "-".join(p[:1].upper() + p[1:] if k < len(src) and src[k][:1].isupper() else p
                    for k, p in enumerate(parts))


def gender_of_verb(verb: str | None) -> tuple[str | None, str | None]:
    """(gender, number) a past-tense verb shows: «сказала» → femn, «заявили» → plural."""
    if not verb:
        return None, None
    low = verb.lower()
    for p in morph.parses(low)[:3]:
        g = p.tag.grammemes
        if p.tag.POS not in ("VERB", "PRTS", "ADJS"):
            continue
        if "plur" in g:
            return None, "plur"
        if "femn" in g:
            return "femn", "sing"
        if "masc" in g:
            return "masc", "sing"
        if "sing" in g:
            return None, "sing"
    return None, None


_CASE_ENDINGS = {"": ("а", "у", "е", "ом", "ем"), "а": ("ы", "и", "е", "у", "ой"), "я": ("и", "е", "ю", "ей")}


@functools.lru_cache(maxsize=50_000)
def listed_place(word: str) -> bool:
    """Whether ``word`` is a city of data/places.txt in some case: «Шымкента», «Караганды», «Актобе».

    >>> listed_place("Шымкенте"), listed_place("Караганды"), listed_place("Актобе"), listed_place("Таразов")
    (True, True, True, False)
    """
    from .wordlists import load_words

    places = load_words("places.txt")
    low = norm_word(word)
    if low in places:
        return True
    for cut in (1, 2, 3):
        stem, tail = low[:-cut], low[-cut:]
        if stem in places and stem[-1] not in "аеиоуыэюя" and tail in _CASE_ENDINGS[""]:
            return True  # Шымкента, Бишкеком
        for final in ("а", "я"):
            if stem + final in places and tail in _CASE_ENDINGS[final]:
                return True  # Караганды, Караганде
    return False
