"""Tokens, sentences, lemmas: the only module that imports razdel and pymorphy3.

The analyzer loads once per process (lazily, so ``speechkit --help`` stays
instant) and every word form is analysed once: Russian word frequencies are
Zipfian, so a per-form cache (``entry``) turns lemmatisation into a dictionary
lookup.

``tokenize`` chooses each lemma from context.  A form whose pymorphy3 readings
all share one lemma is settled by the cache alone; only forms whose readings
disagree (``стали``: стать / сталь), unknown forms and capitalised words go
through ``_resolve``, a few small rules over the neighbouring tokens:

- abbreviations before a full stop (``2023 г.`` → год, ``г. Шуша`` → город),
  from ``data/lemma_overrides.tsv`` with ``млн``, ``тыс.``, ``должен`` …;
- an adjective agrees with the noun after it (``главного героя`` → главный,
  ``в этом году`` → этот, ``Соединённых Штатов`` → соединённый);
- a preposition governs its noun's case (``из стали`` → сталь), a noun agrees
  with the adjective before it, a verb reading wins before an infinitive or a
  short form (``стали известны`` → стать), ``всего`` before a number is an adverb;
- a capitalised word inside a sentence is a name: a dictionary name
  (``Карла Маркса`` → Карл, by agreement with the next name or the noun it stands
  by), a surname (``Токаева`` → токаев, ``Алиевым`` → алиев; feminine next to a
  woman's name), or an unknown name kept as written or with a Russian case ending
  undone (``Крэйг``, ``Дамблдора`` → дамблдор); surnames and unknown names also
  at the start of a sentence (``Токаев заявил``).

Context-free corrections made once per form: superlatives are their own lemma
(``лучших`` → лучший), a short form that is also a passive participle is the
participle (``разбиты`` → разбить), an indicative beats an imperative
(``пришли`` → прийти), an unknown word ending in a consonant is a nominative
(``опенинг``), accent marks are ignored (``И́горь``).

Lemmas are lower case and keep ё as pymorphy3 writes it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from . import frequent_forms, regexes
from .datafiles import read_text
from .model import Token, Tokens, offset_array

if TYPE_CHECKING:  # pragma: no cover
    import pymorphy3

WORD_RE = regexes.compile(r"[^\W\d_]", re.UNICODE)
STRESS = "\u0301"  # «И́горь»: the accent mark of dictionaries and Wikipedia
SENTENCE_END = frozenset(".!?…")
# after these a capital letter says nothing about a proper noun («— Мы», «``Вселенной»)
OPENERS = frozenset("«„\"“`—–-:")
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
NOMINAL = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
ADJECTIVAL = frozenset({"ADJF", "PRTF"})
# pymorphy3 units that guess a reading from the word's ending or an unknown prefix
GUESSERS = frozenset(
    {"FakeDictionary", "KnownSuffixAnalyzer", "UnknownPrefixAnalyzer", "KnownPrefixAnalyzer", "UnknAnalyzer"}
)
VOWELS = frozenset("аеёиоуыэюя")
# feminine suffixes of place names and nicknames: «Петржалка», «Шарковщина»
FEMININE_NAME = regexes.compile(r"([^аеёиоуыэюяьйсц]ка|ица|щина)$")
NUMERALS = frozenset("два две три четыре пять шесть семь восемь девять десять сто тысяча миллион "
                     "миллиард несколько половина треть четверть".split())
# «Аббасидах», «Афинам»: plural case endings, not the end of a foreign name
CASE_ENDINGS = ("ах", "ях", "ам", "ям", "ами", "ями")
# «веломобилем»: an unknown word in an oblique case, not a nominative
NOUN_CASE_ENDINGS = CASE_ENDINGS + ("ом", "ем", "ой", "ей", "ов", "ев")
SURNAME_TAGS = frozenset({"NOUN", "Surn", "anim"})
CASE = {"gen2": "gent", "acc2": "accs", "loc2": "loct"}

# the cases a preposition governs
GOVERNS: dict[str, frozenset[str]] = {
    p: frozenset(cs.split())
    for cs, ps in {
        "gent": "из от до у без для после около вокруг среди против вне из-за из-под кроме "
        "ради возле вдоль мимо внутри накануне посреди помимо напротив изо ото подле "
        "вследствие относительно путём",
        "datv": "к ко благодаря согласно вопреки навстречу",
        "accs": "через про сквозь",
        "loct": "при",
        "ablt": "над надо перед передо",
        "accs loct": "в во на о об обо",
        "accs ablt": "за под подо",
        "gent ablt accs": "с со",
        "datv loct accs": "по",
        "ablt gent": "между",
    }.items()
    for p in ps.split()
}

# «Токаева», «Алиевым», «Пуниной»: Russian surnames declined like short adjectives
SURNAME_RE = regexes.compile(r"^(?P<stem>.+?(?:ов|ев|ёв|ин|ын))(?P<end>|а|у|ым|ом|е|ой|ы|ых|ыми)$")
# «Достоевского», «Вишневской»: surnames declined like full adjectives
SURNAME_ADJ_RE = regexes.compile(r"^(?P<stem>.+?(?:ск|цк))(?P<end>ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)$")
# «Юрьевича», «Георгиевной», «Ильиничны»: a patronymic and its case ending
PATRONYMIC_RE = regexes.compile(r"^(?P<stem>.+(?:ич|вн|ичн))(?P<end>а|у|ом|е|ем|и|ей|ы|ой|ам|ами|ах)?$")
# endings only an adjective has (not -ом, -ем, -ым, -им, shared with nouns' instrumental)
ADJ_ENDING = regexes.compile(r"(ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|ых|их|ыми|ими)$")


class Reading(NamedTuple):
    """One pymorphy3 reading of a form, reduced to what the rules look at."""

    lemma: str
    pos: str | None
    case: str | None
    number: str | None
    gender: str | None
    grammemes: frozenset
    known: bool  # from the dictionary, not guessed from the word's ending
    score: float


class Entry(NamedTuple):
    """Everything the cache knows about one word form, context aside."""

    lemma: str
    pos: str | None
    readings: tuple[Reading, ...]  # distinct readings, the default first
    ambiguous: bool  # the readings disagree on the lemma
    known: bool  # at least one reading is from the dictionary
    adjectival: bool = False  # some reading is an adjective or participle: only then can a noun after it matter


@functools.cache
def analyzer() -> "pymorphy3.MorphAnalyzer":
    import pymorphy3

    try:  # the dictionary's own path: pymorphy3 would otherwise scan every installed package's entry points
        import pymorphy3_dicts_ru

        return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path())
    except ImportError:
        return pymorphy3.MorphAnalyzer()


@functools.cache
def dictionary_version() -> str:
    """pymorphy3's and its dictionary's versions: part of the key of every table derived from parses
    (``speechkit.cache``), so that another dictionary or another analyser derives the tables again."""
    import pymorphy3

    try:
        import pymorphy3_dicts_ru

        dictionary = pymorphy3_dicts_ru.__version__
    except (ImportError, AttributeError):
        dictionary = "?"
    return f"pymorphy3 {getattr(pymorphy3, '__version__', '?')} dictionary {dictionary}"


@functools.cache
def overrides() -> dict[str, tuple[str, str]]:
    """``data/lemma_overrides.tsv``: form → (lemma, POS) for abbreviations and pymorphy3 errors."""
    from .datacheck import source_of, tsv_rows

    out = {}
    where = source_of("lemma_overrides.tsv")
    for _, (form, lem, p) in tsv_rows(read_text("lemma_overrides.tsv"), where, ("form", "lemma", "POS")):
        out[form] = (lem, p)
    return out


@functools.lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of a lower-cased word form, best first (never empty)."""
    try:
        return tuple(analyzer().parse(word))
    except (KeyError, ValueError):  # «𗀀»: pymorphy3 asks unicodedata for a name it lacks
        p = analyzer().parse("ⅻ")[0]  # an unknown token of no part of speech
        return (p._replace(word=word, normal_form=word),)


def _lemma_of(p, grammemes: frozenset, pos: str | None) -> str:
    # «лучших» → лучший, «высшей» → высший: a superlative is its own lemma (as in UD),
    # the lexeme's masculine form closest to the word, not хороший/высокий
    if "Supr" in grammemes and pos == "ADJF":
        forms = [f.word for f in p.lexeme if "Supr" in f.tag and {"masc", "sing", "nomn"} <= f.tag.grammemes]
        if forms:
            return max(forms, key=lambda f: (_common_prefix(f, p.word), -len(f)))
    # «предгорьях» → предгорье, not предгорие: keep the spelling the text uses
    lem = p.normal_form
    if pos == "NOUN" and lem.endswith("ие") and p.word.startswith(lem[:-2] + "ь"):
        return lem[:-2] + "ье"
    if "Patr" in grammemes:
        # «Георгиевна» → георгиевна (not георгиевич), «Юрьевича» → юрьевич (not юриевич):
        # the patronymic's own nominative, spelled as in the text
        m = PATRONYMIC_RE.match(p.word)
        if m:
            return m["stem"] + ("" if m["stem"].endswith("ич") else "а")
    return lem


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


_TAGS: dict = {}  # pymorphy3 tag → (POS, case, number, gender, grammemes): tags are few, reads are many


def _reading(p) -> Reading:
    info = _TAGS.get(p.tag)
    if info is None:
        t = p.tag
        # plain str: pymorphy3's typed grammemes compare slowly
        pos_, case, number, gender = (None if g is None else str(g) for g in (t.POS, t.case, t.number, t.gender))
        info = _TAGS[t] = (pos_, CASE.get(case, case), number, gender, frozenset(map(str, t.grammemes)))
    known = not any(type(step[0]).__name__ in GUESSERS for step in p.methods_stack)
    return Reading(_lemma_of(p, info[4], info[0]), *info, known, p.score)


def parsed_readings(low: str) -> list[Reading]:
    """The distinct readings of a lower-cased form, in pymorphy3's order (``entry`` picks the default)."""
    readings: list[Reading] = []
    seen = set()
    for p in parses(low):
        r = _reading(p)
        if r[:5] not in seen:
            seen.add(r[:5])
            readings.append(r)
    return readings


@functools.lru_cache(maxsize=200_000)
def entry(low: str) -> Entry:
    """The readings of a lower-cased, accent-free form and its context-free lemma."""
    if not WORD_RE.search(low):
        return Entry(low, None if any(c.isalnum() for c in low) else "PUNCT", (), False, False)
    fixed = overrides().get(low)
    if fixed is not None:
        r = Reading(fixed[0], fixed[1], None, None, None, frozenset(), True, 1.0)
        return Entry(fixed[0], fixed[1], (r,), False, True, fixed[1] in ADJECTIVAL)
    readings = frequent_forms.readings(low) or parsed_readings(low)
    known = any(r.known for r in readings)
    first = readings[0]
    # «опенинг», «гбит»: an unknown word ending in a consonant is a masculine noun
    # in the nominative, not the plural genitive of an imagined «опенинга»
    if not known and low[-1] not in VOWELS and not low.endswith(NOUN_CASE_ENDINGS):
        first = next((r for r in readings if r.pos == "NOUN" and r.lemma == low), first)
    # «пришли», «перешли»: the past of прийти/перейти, not the imperative of прислать
    elif first.pos == "VERB" and "impr" in first.grammemes:
        first = next((r for r in readings if r.pos == "VERB" and "indc" in r.grammemes), first)
    # «основным», «родном»: pymorphy3 ties the rare doublet основный/родный with the
    # usual основной/родной and lists the rare one first
    elif first.pos == "ADJF" and first.lemma.endswith("ый"):
        doublet = first.lemma[:-2] + "ой"
        first = next((r for r in readings if r.lemma == doublet and r[1:5] == first[1:5]
                      and r.score >= first.score), first)
    # «разбиты», «развит»: a short form that is both adjective and passive participle
    # is the participle (UD: VERB, lemma разбить)
    elif first.pos == "ADJS":
        first = next((r for r in readings if r.pos == "PRTS" and r.number == first.number
                      and r.gender == first.gender), first)
    if first is not readings[0]:
        readings.remove(first)
        readings.insert(0, first)
    lemmas = {r.lemma for r in readings}
    return Entry(first.lemma, first.pos, tuple(readings), len(lemmas) > 1, known,
                 any(r.pos in ADJECTIVAL for r in readings))


_BY_FORM: dict[str, Entry] = {}  # the token's own text → its entry, before lower() and the stress strip
_BY_FORM_LIMIT = 200_000


def entry_of(text: str) -> Entry:
    """The entry of a token's text as written (``entry`` of its lower-cased, accent-free form), cached by it."""
    e = _BY_FORM.get(text)
    if e is None:
        if text.isdecimal():  # «2024», «1500»: entry()'s reading of a number, made, not cached: numbers seldom
            return Entry(text, None, (), False, False)  # repeat, and a long corpus run's filled two caches
        if len(_BY_FORM) >= _BY_FORM_LIMIT:
            _BY_FORM.clear()  # bounded: a corpus of rare forms cannot grow it without end
        e = _BY_FORM[text] = entry(text.replace(STRESS, "").lower())
    return e


def lemma(word: str) -> str:
    """Context-free lemma of a word form (pymorphy3's best parse, with the overrides).

    >>> lemma("грузоперевозок")
    'грузоперевозка'
    """
    return entry_of(word).lemma


def pos(word: str) -> str | None:
    """Context-free OpenCorpora part of speech of a word form."""
    return entry_of(word).pos


def clear_caches() -> None:
    """Forget every analysed form (for benchmarks that time a cold cache)."""
    for f in (parses, entry, _proper, _adjective):
        f.cache_clear()
    _BY_FORM.clear()


# ---------------------------------------------------------------------------
# context rules: each looks at one token's readings and its neighbours', and
# returns the reading it settles on or None to leave the decision to the next


def _agrees(adj: Reading, noun: Reading) -> bool:
    if adj.case != noun.case or adj.number != noun.number:
        return False
    return adj.number == "plur" or adj.gender is None or noun.gender is None or adj.gender == noun.gender


def _pick(e: Entry, keep) -> Reading | None:
    for r in e.readings:
        if keep(r):
            return r
    return None


def _governed(e: Entry, prep: str) -> Reading | None:
    # «из стали» → сталь, not стать
    cases = GOVERNS[prep]
    return _pick(e, lambda r: r.pos in NOMINAL and r.case in cases)


def _before_noun(e: Entry, nxt: Entry, title: str | None = None) -> Reading | None:
    # «главного героя» → главный, not the noun «главное».  For a capitalised word
    # (``title``, lower-cased): «Иванова жила» is not the possessive «Иванов» (Ivan's),
    # and «Шретером» is not an unknown adjective, though pymorphy3 guesses one
    nouns = [r for r in nxt.readings if r.pos == "NOUN"]
    if not nouns:
        return None
    best = e.readings[0]
    # «Главой комиссии», «Вселенной Дюны»: a noun pymorphy3 prefers by far, or on a tie
    # in a capitalised word, is not an adjective
    floor = best.score / (1 if title else 10) if best.pos == "NOUN" and best.known else 0.0
    return _pick(
        e,
        lambda r: r.pos in ADJECTIVAL
        and (r.score > floor if title else r.score >= floor)
        and not (title and ("Poss" in r.grammemes or not r.known and not ADJ_ENDING.search(title)))
        and any(_agrees(r, n) for n in nouns),
    )


def _head(i: int, entries: list[Entry]) -> Entry:
    """The entry after token ``i``, past up to two adjectives
    («Транскаспийского международного транспортного маршрута» → маршрута); not for
    pronouns («его основные работы»: его is read on its neighbour alone)."""
    if any("Apro" in r.grammemes for r in entries[i].readings):
        return entries[i + 1]
    for j in range(i + 1, min(i + 4, len(entries))):
        rs = entries[j].readings
        if not rs or rs[0].pos not in ADJECTIVAL or any(r.pos == "NOUN" for r in rs):
            return entries[j]
    return entries[min(i + 3, len(entries) - 1)]


def _after_adjective(e: Entry, adjs: list[Reading]) -> Reading | None:
    # «нержавеющей стали» → сталь
    return _pick(e, lambda r: r.pos == "NOUN" and any(_agrees(a, r) for a in adjs))


def _before_number(e: Entry, nxt: str) -> Reading | None:
    # «всего 5 %», «всего три» → the adverb, not a form of «весь»
    if nxt[:1].isdigit() or nxt.lower() in NUMERALS:
        return _pick(e, lambda r: r.pos in ("ADVB", "PRCL"))
    return None


def _before_predicate(e: Entry, nxt: Entry) -> Reading | None:
    # «стали известны», «начала строить» → the verb
    if nxt.readings and nxt.readings[0].pos in ("INFN", "ADJS", "PRTS"):
        return _pick(e, lambda r: r.pos == "VERB")
    return None


def _self_or_very(e: Entry, nxt: Entry | None) -> Reading | None:
    # «самой высокой» → самый; «сама страна» → сам
    if {r.lemma for r in e.readings} != {"сам", "самый"}:
        return None
    very = nxt is not None and any(r.pos == "ADJF" and "Apro" not in r.grammemes for r in nxt.readings)
    return _pick(e, lambda r: r.lemma == ("самый" if very else "сам"))


def _name_pair(e: Entry, nxt: Entry) -> Reading | None:
    # «Карла Маркса» → Карл (not Карла), «Евгения Георгиевна» → Евгения (not Евгений);
    # where both fit («Евгения Бахарева»: Yevgenia or Yevgeny's), the nominative
    names = [r for r in nxt.readings if PROPER & r.grammemes and r.pos == "NOUN" and r.number == "sing"]
    if not names:
        return None
    fits = [
        r for r in e.readings
        if r.pos == "NOUN" and r.number == "sing" and PROPER & r.grammemes
        and any(r.case == n.case and r.gender == n.gender for n in names)
    ]
    return next((r for r in fits if r.case == "nomn"), fits[0] if fits else None)


def _surname(stem: str, gender: str, adjectival: bool) -> Reading:
    if adjectival:
        lem = stem + ("ая" if gender == "femn" else "ий")
    else:
        lem = stem + ("а" if gender == "femn" else "")
    return Reading(lem, "NOUN", None, "sing", gender, SURNAME_TAGS, False, 1.0)


class Proper(NamedTuple):
    reading: Reading
    feminine: Reading | None  # «Токаева» → токаева where the context is a woman's name
    initial: bool  # holds at the start of a sentence too (a surname, an unknown word)
    paired: bool = False  # holds only next to another name («Жиль Делёз»)


@functools.lru_cache(maxsize=50_000)
def _proper(low: str) -> Proper | None:
    """A capitalised word read as a proper noun, or None to keep the common reading."""
    e = entry(low)
    if not e.readings:
        return None
    # «Москвы» → Москва, «Карла» → Карл: a dictionary name that pymorphy3 finds plausible
    # (names are singular: «Борисов» is a surname, not the plural of Борис)
    for r in e.readings:
        if r.known and r.pos == "NOUN" and PROPER & r.grammemes and r.score >= 0.05:
            if "Surn" in r.grammemes:
                break
            if r.number == "sing" or "Geox" in r.grammemes:
                return Proper(r, None, False)
    common = [
        r for r in e.readings
        if r.known and not ("Surn" in r.grammemes or "Poss" in r.grammemes
                            or r.pos == "NOUN" and r.number == "plur" and r.case in ("gent", "accs"))
    ]
    # «Токаев» (not токай), «Зайцева» (not заяц), «Холбоулин»: a surname
    m = SURNAME_RE.match(low)
    if m and not common:
        gender = "femn" if m["end"] == "ой" else "masc"
        fem = _surname(m["stem"], "femn", False) if m["end"] in ("а", "у", "ой") else None
        return Proper(_surname(m["stem"], gender, False), fem, True)
    m = SURNAME_ADJ_RE.match(low)
    if m and not common and not any(r.known for r in e.readings):
        fem = m["end"] in ("ая", "ой", "ую")
        return Proper(_surname(m["stem"], "femn" if fem else "masc", True), None, True)
    known = [r for r in e.readings if r.known]
    if known:
        # «Жиль Делёз» (not жилить), «Мерло» (not мереть): a name that looks like a verb
        # form, when another name stands by (a capitalised verb alone is more likely
        # a sentence whose full stop went missing)
        if len(low) > 2 and not any(r.pos in NOMINAL for r in known):
            return Proper(_as_is(low), None, False, True)
        return None
    return Proper(_unknown_name(low, e), None, True)


def _unknown_name(low: str, e: Entry) -> Reading:
    """A name pymorphy3 does not know.  Its guess from the ending turns a foreign name
    in the nominative into something else («Крэйг» → крэйга, «Нани» → наня), so the
    endings that are clearly Russian case endings are undone and the rest kept."""
    if low.endswith("ии"):  # «Абиссинии» → Абиссиния
        return _as_is(low[:-1] + "я")
    if low.endswith("ы") and len(low) > 4:  # «Олибы» → Олиба
        return _as_is(low[:-1] + "а")
    if low.endswith(("ом", "ем")) and len(low) > 5:  # «Кройтом» → Кройт
        return _as_is(low[:-2])
    if low.endswith("ия"):  # «Аквитания»
        return _as_is(low)
    if low.endswith("а") and len(low) > 3 and low[-2] not in VOWELS:
        # «Дамблдора», «Ферсмана», «Смоленска»: a man's name or a town in the genitive;
        # but «Петржалка», «Истребительница», «Шарковщина» are feminine nominatives
        if FEMININE_NAME.search(low):
            return _as_is(low)
        return _as_is(low[:-1])
    if low.endswith(CASE_ENDINGS) or low[-1] in "ауюя":  # «Аббасидах», «Ульстера»: a guess
        noun = _pick(e, lambda r: r.pos == "NOUN")
        if noun is not None:
            return noun
    return _as_is(low)  # «Крэйг», «Нани», «Мерло», «Яровце»


def _as_is(lem: str) -> Reading:
    return Reading(lem, "NOUN", "nomn", "sing", None, frozenset({"NOUN"}), False, 1.0)


@functools.lru_cache(maxsize=20_000)
def _adjective(low: str) -> str | None:
    """«Соединённых» → соединённый: a participle inside a name is an adjective."""
    for p in parses(low):
        if p.tag.POS == "PRTF":
            f = p.inflect({"masc", "sing", "nomn"})
            return f.word if f is not None else None
    return None


def _is_title(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or not w[1:].isupper())


def _abbreviation(i: int, words: list[str]) -> Reading | None:
    # «2023 г.» → год, «г. Алматы» → город, «тыс. руб.» → тысяча, рубль
    low = words[i].lower()
    fixed = overrides().get(low + ".")
    if fixed is None:
        return None
    lem, p = fixed
    if low == "г" and i + 2 < len(words) and _is_title(words[i + 2]) and not (i and words[i - 1].isdigit()):
        lem = "город"
    return Reading(lem, p, None, None, None, frozenset(), True, 1.0)


COMPACT_FROM = 50_000  # tokens (about 400 KB of text): a longer text keeps them as columns (model.Tokens)
CHUNK = 20_000  # tokens read at a time for such a text
LOOKAHEAD = 4  # tokens a reading looks ahead (_head: three)


def tokenize(text: str) -> Sequence[Token]:
    """razdel tokens with the lemma and part of speech chosen in context.

    A list of ``Token``; for a text of more than ``COMPACT_FROM`` tokens, the same tokens as
    ``model.Tokens`` columns, read ``CHUNK`` tokens at a time (see ``_columns``).

    >>> [t.lemma for t in tokenize("Токаев: цены на изделия из стали стали ниже.")]
    ['токаев', ':', 'цена', 'на', 'изделие', 'из', 'сталь', 'стать', 'ниже', '.']
    """
    from .tokenizer import iter_token_spans

    rest = iter_token_spans(text)
    spans = list(itertools.islice(rest, COMPACT_FROM + 1))
    if len(spans) > COMPACT_FROM:
        return _columns(text, spans, rest)
    words = [text[a:b] for a, b in spans]
    known = _BY_FORM.get  # the cached forms looked up inline: a call per token is a tenth of this stage
    entries = [known(w) or entry_of(w) for w in words]
    chosen = _choose(text, spans, words, entries, 0, len(spans))
    return [Token(a, b, w, (r or e).lemma, (r or e).pos)
            for (a, b), w, e, r in zip(spans, words, entries, chosen)]


def _choose(text: str, spans: list[tuple[int, int]], words: list[str], entries: list[Entry], lo: int, hi: int,
            before: Reading | None = None) -> list[Reading | None]:
    """The reading of every token, deciding those of ``lo:hi``; ``before``: token 0's, when ``lo`` is 1.

    Every token's context-free reading first (None: punctuation, digits); then, in text order, the few
    that their neighbours decide: abbreviations before a dot, ambiguous, unknown and capitalised words
    (_is_title, inline: these comprehensions run over every token).
    """
    n = len(spans)
    chosen: list[Reading | None] = [e.readings[0] if e.readings else None for e in entries]
    if lo:
        chosen[0] = before
    settle = [i for i, w, e in zip(range(lo, hi), words[lo:hi], entries[lo:hi]) if e.readings and (
        e.ambiguous or not e.known or w[0].isupper() and not w[1:].isupper()
        or i + 1 < n and words[i + 1] == ".")]
    for i in settle:
        e = entries[i]
        r = _abbreviation(i, words) if i + 1 < n and words[i + 1] == "." else None
        if r is None and (e.ambiguous or not e.known or _is_title(words[i])):
            r = _resolve(i, words, entries, chosen, _sentence_initial(i, text, spans, words, entries))
        if r is not None:
            chosen[i] = r
    return chosen


def _columns(text: str, spans: list[tuple[int, int]], rest: Iterator[tuple[int, int]]) -> Tokens:
    """``tokenize`` of a long text, ``CHUNK`` tokens at a time, into columns; the same tokens as the list.

    A reading looks at most ``LOOKAHEAD`` tokens ahead, one back (its reading, text and entry), and back
    to the last word or number for whether it begins a sentence. So each chunk is read with the
    ``LOOKAHEAD`` tokens after it, and ends after a word or number, which the next chunk starts with,
    its reading already chosen. Lemmas are shared strings.
    """
    starts, ends, lemmas, poses = offset_array(len(text)), offset_array(len(text)), [], []
    shared: dict[str, str] = {}
    buf, lo, before, want = spans, 0, None, CHUNK + LOOKAHEAD  # buf[:lo]: the last token read, if any
    words: list[str] = []
    entries: list[Entry] = []  # of buf's tokens, read as they come
    while len(buf) > lo:
        buf += itertools.islice(rest, max(0, lo + want - len(buf)))
        last = len(buf) < lo + want  # the text ends in this chunk
        words += [text[a:b] for a, b in buf[len(words) :]]
        entries += [_BY_FORM.get(w) or entry_of(w) for w in words[len(entries) :]]
        hi = len(buf) if last else _cut(entries, lo, len(buf) - LOOKAHEAD)
        if hi is None:  # no word or number to end the chunk after: read on
            want += CHUNK
            continue
        chosen = _choose(text, buf, words, entries, lo, hi, before)
        for k in range(lo, hi):
            r = chosen[k] or entries[k]
            lem = r.lemma
            starts.append(buf[k][0])
            ends.append(buf[k][1])
            lemmas.append(shared.setdefault(lem, lem))
            poses.append(r.pos)
        buf, lo, before, want = buf[hi - 1 :], 1, chosen[hi - 1], CHUNK + LOOKAHEAD
        words, entries = words[hi - 1 :], entries[hi - 1 :]
    return Tokens(text, starts, ends, lemmas, poses)


def _cut(entries: list[Entry], lo: int, limit: int) -> int | None:
    """The end of a chunk: after its last word or number before ``limit`` (a number: ``e.pos`` None)."""
    for k in range(limit, lo, -1):
        e = entries[k - 1]
        if e.readings or e.pos is None:
            return k
    return None


def _sentence_initial(i: int, text: str, spans: list[tuple[int, int]], words: list[str],
                      entries: list[Entry]) -> bool:
    """Whether token ``i`` begins a sentence: no word since the text's start, a line break or a full stop.

    Looked up backwards for the few tokens that need it, past punctuation that ends nothing («, —»).
    """
    k = i
    while k:
        if text.find("\n", spans[k - 1][1], spans[k][0]) >= 0:
            return True
        e = entries[k - 1]
        if e.readings or e.pos is None:  # a word or a number
            return False
        if words[k - 1][-1] in SENTENCE_END:
            return True
        k -= 1
    return True


def _gendered(got: Proper, prev: Reading | None, nxt: Entry | None) -> Reading:
    # «Евгения Бахарева», «Бахарева Евгения» → Бахарева
    if got.feminine is not None and (
        prev is not None and prev.gender == "femn" and PROPER & prev.grammemes
        or nxt is not None
        and any(x.gender == "femn" and {"Name", "Patr"} & x.grammemes for x in nxt.readings[:1])
    ):
        return got.feminine
    return got.reading


def _resolve(i: int, words: list[str], entries: list[Entry], chosen: list, initial: bool) -> Reading | None:
    """The reading of token ``i`` chosen from its neighbours, or None for the cached default."""
    w, e = words[i], entries[i]
    prev = chosen[i - 1] if i else None
    nxt = entries[i + 1] if i + 1 < len(entries) else None
    if not e.known and len(w) > 1 and w.isupper():
        return _as_is(w.lower())  # «БМРА»: an unknown acronym is its own lemma
    capital = _is_title(w)
    title = capital and not initial and words[i - 1][-1] not in OPENERS
    low = w.replace(STRESS, "").lower() if capital else None
    if capital and nxt is not None:
        # _before_noun picks an adjectival reading: without one, the words ahead are not looked at
        r = _before_noun(e, _head(i, entries), low) if e.adjectival else None
        if r is not None:  # «Красной площади», «Соединённых Штатов», «Водская пятина»
            if r.pos == "PRTF" and "Adjx" in r.grammemes:
                return r._replace(lemma=_adjective(low) or r.lemma, pos="ADJF")
            return r
    if title:
        if prev is not None and prev.case == "nomn" and {"Name", "Patr"} & prev.grammemes and not e.known:
            return _as_is(low)  # «Алексей Иванович Сырбу»: an unknown surname after a name
        if nxt is not None and _is_title(words[i + 1]):
            r = _name_pair(e, nxt)
            if r is not None:
                return r
        if prev is not None and prev.pos == "NOUN" and "anim" in prev.grammemes and not PROPER & prev.grammemes:
            # «императора Карла», «президента Токаева»: a name in apposition takes the noun's case
            r = _pick(e, lambda r: r.pos == "NOUN" and PROPER & r.grammemes and r.case == prev.case
                      and r.number == "sing")
            if r is not None and "Surn" not in r.grammemes:
                return r
        got = _proper(low)
        if got is not None and (not got.paired or _is_title(words[i + 1] if nxt else "")
                                or prev is not None and PROPER & prev.grammemes):
            return _gendered(got, prev, nxt)
    elif capital:
        # «Токаев заявил» at the start of a sentence: still a surname, not «токай»
        got = _proper(low)
        if got is not None and got.initial:
            return _gendered(got, prev, nxt)
    if not e.ambiguous:
        return None
    if not title:
        # outside a name's position a word is not a name: «из» is not the plural of «Иза»
        e = e._replace(readings=tuple(r for r in e.readings if not PROPER & r.grammemes) or e.readings)
    if nxt is not None:
        # «в этом году» → этот, «главного героя» → главный, «всего 5 %» → всего
        r = (_self_or_very(e, nxt) or (_before_noun(e, _head(i, entries), low) if e.adjectival else None)
             or _before_number(e, words[i + 1]))
        if r is not None:
            return r
    if i:
        prep = words[i - 1].lower()
        if prep in GOVERNS:
            r = _governed(e, prep)
            if r is not None:
                return r
    if prev is not None and prev.pos in ADJECTIVAL:
        adjs = [a for a in entries[i - 1].readings if a.lemma == prev.lemma and a.pos == prev.pos]
        r = _after_adjective(e, adjs)
        if r is not None:
            return r
    if nxt is not None:
        return _before_predicate(e, nxt)
    return None
