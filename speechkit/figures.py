"""Figures a speech states: numbers in digits and words, with unit, qualifier and kind.

razdel splits ``3 000 000`` into three tokens and ``65`` from ``%``, so figures are
read on character spans: one regex pass finds number cores (digit runs and words),
and each core is read outward a few words at most — sign, qualifier and «в»/«от»
to the left; range, scale word and counted noun to the right.  Every look is
bounded, so the scan is linear in the text.  A second pass fills what a speaker
leaves out: the unit of «Из 55 миллионов 43 миллиона», the scale of «около 51»
after «свыше 50 миллиардов», the year of «9 мая» from the text's own dates.

>>> [(f.text, f.value, f.unit, f.kind) for f in find_figures("вырос на 65%, или почти 3 млн тонн")]
[('65%', 65, '%', 'percent'), ('почти 3 млн тонн', 3000000, 'тонна', 'quantity')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from . import morph
from .cache import code_stamp, memo
from .datafiles import read_text
from .model import Figure

SPACES = " \t\u00a0\u2009\u202f\u2007"  # spaces inside a line; a figure never spans a line break
GROUP_SPACES = " \u00a0\u2009\u202f"  # thousands separators: «3 000 000»
HYPHENS = "-\u2010\u2011"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
MINUS_SIGNS = "-\u2212"
CLOSING_QUOTES = "»”\""
SENTENCE_ENDS = ".!?…\n"
LEAD_CHARS = 600  # how far into a text its lead may reach: a title and a paragraph of two or three sentences
LIST_ITEM_STARTS = "\n(,;"  # what may stand before an item of an inline list
ID_MARKS = "/@_#\\"  # digits touching these are paths, addresses, handles

# Prepositions of the number phrase itself: «в 2,5 раза», «от 5 до 10», «на 65%», «два с половиной».
RATIO_PREPOSITIONS = ("в", "во")
HEAD_PREPOSITIONS = ("в", "во", "от", "на")
RANGE_FROM, RANGE_TO = "от", "до"
HALF = ("с", ("половиной", "половиною"))
# Kinds whose unit a bare number may borrow from its neighbour («100, есть компоновка 103 кресла»).
BORROWING_KINDS = {"count", "quantity", "money", "percent", "duration", "temperature"}

_NUM = rf"\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORD = r"[^\W\d_]+(?:[-\u2010\u2011][^\W\d_]+)*"

_CORE = re.compile(
    r"(?P<ddate>(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)"  # 27.03.2013
    r"|(?<![\d.-])\d{4}-\d{2}-\d{2}(?![\d-]))"  # 2013-03-27
    rf"|(?P<num>{_NUM})"
    rf"|(?P<word>{_WORD})"
)
ROMAN_STARTS = "IVXLCХ"  # «XXI век», with the Cyrillic Х a scraper may leave
_DIGITS_AT = re.compile(rf"[{SPACES}]*({_NUM})")
_WORD_RE = re.compile(_WORD)
_WORD_AT = re.compile(rf"[{SPACES}]*({_WORD})")
_SUFFIX = re.compile(rf"[{HYPHENS}]([^\W\d_]+)")  # 5-е, 16-летняя
_DASH_NUM = re.compile(rf"[{SPACES}]?[{DASHES}][{SPACES}]?(?=[\d\w])")  # 94–95, два-три
_NEXT_CHAR = re.compile(rf"[{SPACES}]*(\S)")
_LABEL_DASH = re.compile(rf"[{SPACES}]+[{DASHES}][{SPACES}]+")  # «2021 – 1,2 процента»
_DAY_LINK = re.compile(rf"[{SPACES}]*(?:по|до|и|или|,|[{DASHES}])[{SPACES}]*(?=\d)")  # с 1 по 10 мая
_PERCENT = re.compile(rf"[{SPACES}]?%")
_TIME_AFTER = re.compile(rf"[{SPACES},]*(?:в[{SPACES}]+)?\d{{1,2}}:\d{{2}}(?!\d)")  # 7 апреля 2025 года 14:15
_EQUIVALENT = re.compile(rf"[{SPACES}]+в[{SPACES}]+([^\W\d_]+)[{SPACES}]+эквивалент", re.I)
_ROMAN = re.compile(r"[IVXLCХ]+")  # XXI век, also with Cyrillic Х
_CLAUSE_BREAK = re.compile(r"[.!?;:,()«»\"“”\n]")  # not dashes: «доля рынка — 65 %»
_SENTENCE_BREAK = re.compile(r"[.!?\n]")

# Digit strings that are not figures: links, times of day, phones, list
# numbering, names in quotes («36,6»), numbered items (№ 5), long ids.  Every
# branch begins with a digit or a rare character, not an assertion, so that the
# regex engine skips to candidates; lookbehinds come after the first digit
# («\d(?<!\d\d)» is a digit with no digit before it). A numbered line at the
# very start of the text is checked apart (_LIST_AT_START).
_NOT_FIGURES = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\d(?<!\d\d)\d?:\d{2}(?::\d{2})?(?!\d)"  # 14:15
    r"|(?:\+\d{1,3}|8(?<!\d8))[ \-]?\(\d{3,5}\)[ \-]?\d{1,3}(?:[ \-]?\d{2,3}){1,3}(?!\d)"  # 8 (7172) 55-55-55
    r"|(?:\+7|8(?<!\d8))[ \-]?\d{3}[ \-]?\d{3}[ \-]?\d{2}[ \-]?\d{2}(?!\d)"  # 8 800 555 35 35
    r"|\d(?<![\d\-]\d)\d{1,2}(?:-\d{2}){2}(?![\d\-])"  # 244-55-66
    r"|\n[ \t]*\d{1,3}[.)](?=[ \t])"  # a numbered line: «1. »
    rf"|[«\"“„][{SPACES}]*\d[\d.,+/{DASHES}{SPACES}]*[»\"”“]"  # «36,6», «5+1»
    rf"|№[{SPACES}]*\d\S*"
    r"|\d{10,}"
)
_LIST_AT_START = re.compile(r"[ \t]*\d{1,3}[.)](?=[ \t])")


# ---------------------------------------------------------------- the lexicon


@dataclass(frozen=True)
class Lexicon:
    """numbers.toml, with lemmas expanded to every form the text may use."""

    words: dict[str, tuple[str, Decimal]]  # form → (category, value)
    one_forms: frozenset[str]
    homographs: frozenset[str]  # number forms that are more often other words: «семью»
    month_genitives: dict[str, int]
    scale_singulars: frozenset[str]
    compound: re.Pattern[str]
    compound_starts: frozenset[str]  # first three letters of every compound prefix
    starts: frozenset[str]  # first three letters (lower, ё as е) of every word that can begin a figure:
    # the forms, hence the first half of «два-три», and the compound prefixes («трёхкратный»)
    compound_prefixes: dict[str, Decimal]
    compound_suffixes: dict[str, tuple[str, str | None]]
    ordinal_endings: frozenset[str]
    cardinal_endings: frozenset[str]
    scale_abbreviations: dict[str, int]
    year_words: frozenset[str]
    year_abbreviations: frozenset[str]
    plural_year_words: frozenset[str]
    year_prepositions: frozenset[str]
    centuries: frozenset[str]
    unit_kinds: dict[str, str]
    unit_abbreviations: dict[str, str]
    unit_phrases: re.Pattern[str]
    unit_phrase_map: dict[str, str]
    rate_units: re.Pattern[str]
    rate_unit_map: dict[str, str]
    currencies: dict[str, str]
    currency_forms: dict[str, str]
    currency_adjectives: dict[tuple[str, str], str]
    currency_abbreviations: dict[str, str]
    iso_currencies: frozenset[str]
    currency_equivalents: dict[str, str]
    qualifiers: dict[str, str]
    qualifiers_after: re.Pattern[str]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    signs: dict[str, int]
    reach_verbs: tuple[str, ...]
    percent_nouns: frozenset[str]
    percent_base_words: frozenset[str]
    percent_base_prepositions: frozenset[str]
    times_forms: frozenset[str]
    times_unit: str
    people_unit: str
    count_nouns: re.Pattern[str]
    counting_nouns: frozenset[str]
    compound_measures: dict[str, dict[str, Decimal]]
    year_targets: frozenset[str]
    temperature_nouns: frozenset[str]
    temperature_tails: tuple[tuple[re.Pattern[str], int], ...]
    temperature_symbols: tuple[str, ...]
    ordinal_titles: frozenset[str]
    idioms: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]
    one_counts: frozenset[str]
    numbered_nouns: frozenset[str]
    times_of_day: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """Load and expand ``data/numbers.toml`` once per process."""
    from .datacheck import NUMBERS_SCHEMA, check_schema, load_toml, source_of

    source = read_text("numbers.toml")
    where = source_of("numbers.toml")
    raw = load_toml(source, where)
    check_schema(raw, NUMBERS_SCHEMA, source, where)
    derived = memo("numbers", _cache_key(source), lambda: _derive(raw), check=lambda d: _derived_fits(d, raw))
    forms = derived["forms"]
    words: dict[str, tuple[str, Decimal]] = {}
    for category in LEMMA_CATEGORIES:
        for lemma, value in raw[category].items():
            for form in forms[lemma]:
                words[form] = (category, Decimal(str(value)))
    for category in ("multipliers", "collective_adverbs"):
        for form, value in raw[category].items():
            words[form] = (category, Decimal(str(value)))
    prefixes = {k: Decimal(str(v)) for k, v in raw["compound_prefixes"].items()}
    suffixes = {k: (v["kind"], v.get("unit")) for k, v in raw["compound_suffixes"].items()}
    phrases = {_phrase_key(k): v for k, v in raw["unit_phrases"].items()}
    units = raw["units"]
    ctx = raw["context"]
    exclusions = raw["exclusions"]
    return Lexicon(
        words=words,
        one_forms=frozenset(derived["one"]),
        homographs=frozenset(derived["homographs"]),
        month_genitives={f: int(v) for f, (c, v) in words.items() if c == "months" and f in derived["genitives"]},
        scale_singulars=frozenset(f for f, (c, _) in words.items() if c == "scales" and f in derived["singulars"]),
        compound=re.compile(f"({_alternation(prefixes)})({_alternation(suffixes)})"),
        compound_prefixes=prefixes,
        compound_starts=frozenset(p[:3] for p in prefixes),
        starts=frozenset(k[:3].replace("ё", "е") for k in [*words, *prefixes]),
        compound_suffixes=suffixes,
        ordinal_endings=frozenset(raw["digit_endings"]["ordinal"]),
        cardinal_endings=frozenset(raw["digit_endings"]["cardinal"]),
        scale_abbreviations=raw["scale_abbreviations"],
        year_words=frozenset(raw["years"]["singular"] + raw["years"]["plural"]),
        year_abbreviations=frozenset(raw["years"]["abbreviations"]),
        plural_year_words=frozenset(raw["years"]["plural"]),
        year_prepositions=frozenset(raw["years"]["prepositions"]),
        centuries=frozenset(raw["years"]["centuries"]),
        unit_kinds={lemma: kind for kind in ("percent", "duration", "quantity") for lemma in units[kind]},
        unit_abbreviations=raw["unit_abbreviations"],
        unit_phrases=re.compile("|".join(_phrase_pattern(k) for k in sorted(phrases, key=len, reverse=True)), re.I),
        unit_phrase_map=phrases,
        rate_units=re.compile(rf"[{SPACES}]?({_alternation(raw['rate_units'])})(?![^\W\d_])", re.I),
        rate_unit_map=raw["rate_units"],
        currencies=raw["currencies"],
        currency_forms=raw["currency_forms"],
        currency_adjectives={tuple(k.split()): v for k, v in raw["currency_adjectives"].items()},
        currency_abbreviations=raw["currency_abbreviations"],
        iso_currencies=frozenset(raw["currency_codes"]["iso"]),
        currency_equivalents=raw["currency_equivalents"],
        qualifiers=raw["qualifiers"],
        qualifiers_after=re.compile(
            rf"[{SPACES}]*,?[{SPACES}]*(?:или[{SPACES}]+)?({_alternation(raw['qualifiers_after'])})(?![^\W\d_])", re.I
        ),
        increase=tuple(raw["change"]["increase"]),
        decrease=tuple(raw["change"]["decrease"]),
        signs=raw["signs"],
        reach_verbs=tuple(ctx["reach_verbs"]),
        percent_nouns=frozenset(raw["percent"]["nouns"]),
        percent_base_words=frozenset(raw["percent"]["base_words"]),
        percent_base_prepositions=frozenset(raw["percent"]["base_prepositions"]),
        times_forms=frozenset(raw["times"]["forms"]),
        times_unit=raw["times"]["unit"],
        people_unit=raw["people"]["unit"],
        count_nouns=re.compile(rf"(?<![^\W\d_])(?:{_alternation(ctx['count_nouns'])})(?![^\W\d_])", re.I),
        counting_nouns=frozenset(ctx["counting_nouns"]),
        compound_measures={unit: {smaller: Decimal(str(n)) for smaller, n in parts.items()}
                           for unit, parts in raw["compound_measures"].items()},
        year_targets=frozenset(raw["years"]["targets"]),
        temperature_nouns=frozenset(raw["temperature"]["nouns"]),
        temperature_tails=tuple((_tail_pattern(t), sign) for t, sign in raw["temperature"]["tails"].items()),
        temperature_symbols=tuple(raw["temperature"]["symbols"]),
        ordinal_titles=frozenset(exclusions["ordinal_titles"]),
        idioms=_index_idioms(exclusions["idioms"], words),
        one_counts=frozenset(exclusions["one_counts"]),
        numbered_nouns=frozenset(exclusions["numbered_nouns"]),
        times_of_day=frozenset(exclusions["times_of_day"]),
    )


LEMMA_CATEGORIES = ("months", "scales", "fractions", "collectives", "ordinals", "cardinals")  # lemmas, not forms


def _cache_key(source: str) -> str:
    try:
        import pymorphy3_dicts_ru

        dictionary = pymorphy3_dicts_ru.__version__
    except (ImportError, AttributeError):
        dictionary = "?"
    return "\n".join([dictionary, code_stamp(__file__), source])


def _derive(raw: dict) -> dict:
    """What the morphology adds to numbers.toml: every form of every lemma, and which forms are what.

    Plain lists, so that the result can be kept as JSON (see ``cache``).
    """
    forms = {lemma: sorted(_forms(lemma)) for category in LEMMA_CATEGORIES for lemma in raw[category]}
    return {
        "forms": forms,
        "one": sorted(_forms("один")),
        "homographs": sorted(_homographs(raw["cardinals"])),
        "genitives": sorted(f for lemma in raw["months"] for f in forms[lemma] if _is_genitive(f)),
        "singulars": sorted(f for lemma in raw["scales"] for f in forms[lemma] if _is_singular(f)),
    }


def _derived_fits(derived: Any, raw: dict) -> bool:
    """Whether a cached ``_derive`` result has its shape: forms for every lemma, lists of words."""
    if not isinstance(derived, dict) or not isinstance(derived.get("forms"), dict):
        return False
    lists = [derived.get(k) for k in ("one", "homographs", "genitives", "singulars")]
    lists += [derived["forms"].get(lemma) for category in LEMMA_CATEGORIES for lemma in raw[category]]
    return all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in lists)


def _forms(lemma: str) -> set[str]:
    """Every form of a number-word lemma, with ё and е spellings (no superlatives).

    The abbreviation «СТО» (a service station) is skipped so that «сто» gets «ста».
    """
    own = [p for p in morph.parses(lemma) if p.normal_form == lemma and "Abbr" not in p.tag]
    parse = own[0] if own else morph.parses(lemma)[0]
    forms = {f.word for f in parse.lexeme if "Supr" not in f.tag and "Infr" not in f.tag} | {lemma}
    return forms | {f.replace("ё", "е") for f in forms}


def _homographs(cardinals: dict[str, float]) -> set[str]:
    # «семью» is first «семья», then «семь»
    return {f for lemma in cardinals for f in _forms(lemma) if morph.parses(f)[0].normal_form not in cardinals}


def _is_genitive(form: str) -> bool:
    # «27 марта», not «27 март»
    return any(p.tag.case == "gent" for p in morph.parses(form) if p.tag.POS == "NOUN")


def _is_singular(form: str) -> bool:
    # «более миллиона человек», not «миллионы людей»
    return any(p.tag.number == "sing" for p in morph.parses(form) if p.tag.POS == "NOUN")


def _alternation(keys) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def _phrase_key(phrase: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", phrase.lower()))


def _phrase_pattern(key: str) -> str:
    # «кв. м», «кв.м», «кв м» all match the key «кв м»
    return rf"[{SPACES}]*" + rf"\.?[{SPACES}]*".join(re.escape(w) for w in key.split()) + r"(?![^\W\d_])"


def _tail_pattern(tail: str) -> re.Pattern[str]:
    # «по Цельсию» after «градуса», across any spaces
    # the words are literal («по цельсию»): a user's «(а+)+» is text to find, never a pattern to run
    return re.compile(rf"[{SPACES}]+" + rf"[{SPACES}]+".join(map(re.escape, tail.split())) + r"(?![^\W\d_])", re.I)


def _index_idioms(idioms: list[str], numbers: dict) -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """Idioms by their number word: «в первую очередь» → {"первую": ((("в",), ("очередь",)),)}."""
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for idiom in idioms:
        words = idiom.split()
        for i, word in enumerate(words):
            if word in numbers:
                index.setdefault(word, []).append((tuple(words[:i]), tuple(words[i + 1 :])))
    return {k: tuple(v) for k, v in index.items()}


# ---------------------------------------------------------------- records


@dataclass
class _Draft:
    """A figure while it is being read; frozen into a ``Figure`` at the end."""

    start: int
    end: int
    value: Decimal | int | str
    kind: str
    unit: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    change: str | None = None
    scale: int = 1  # the multiplier of its scale word: 10**6 for «55 миллионов»
    mantissa: Decimal | None = None  # the number before the scale word: 55
    flags: list[str] = field(default_factory=list)
    month_day: tuple[int, int] | None = None  # a date still waiting for its year


class _Spelled(NamedTuple):
    """A number in words: «двадцать пять», «две трети»."""

    end: int
    value: Decimal
    lone: str | None  # the word, when the number is one word («один», «семью»)
    fraction: bool  # «две трети» is a share, not a count


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower case, ё as е: the key for every look-up


def _word(start: int, end: int, text: str) -> _Word:
    return _Word(start, end, text, text.lower().replace("ё", "е"))


@dataclass(frozen=True)
class _Unit:
    end: int
    unit: str | None
    kind: str
    factor: int = 1  # «15 градусов мороза» turns the value negative


@dataclass(frozen=True)
class _Head:
    """What stands before a number: «более чем на», «в», «от», «минус»."""

    start: int  # where the number (with its sign) starts
    sign: int = 0  # +1 «плюс 5», -1 «минус 15», 0 when unsigned
    prep: str | None = None
    prep_start: int | None = None
    qualifier: str | None = None
    qualifier_start: int | None = None


@dataclass
class _Scan:
    """One call's text, bounds and lexicon, and dates met on the way."""

    text: str
    start: int
    end: int
    lex: Lexicon
    skip_starts: list[int]
    skip_ends: list[int]
    stamps: list[tuple[int, int, int]] = field(default_factory=list)  # (pos, year, month) of page dates

    def skipped(self, pos: int) -> bool:
        i = bisect.bisect_right(self.skip_starts, pos) - 1
        return i >= 0 and pos < self.skip_ends[i]

    def word_at(self, pos: int) -> _Word | None:
        m = _WORD_AT.match(self.text, pos, self.end)
        return _word(m.start(1), m.end(1), m.group(1)) if m else None

    def word_before(self, pos: int, lo: int) -> _Word | None:
        """The word that ends right before ``pos`` (spaces between allowed), within 60 characters.

        A walk back over letters: a regex anchored at the end would try every start in the window.
        """
        text, base = self.text, max(lo, pos - 60)
        i = pos
        while i > base and text[i - 1] in SPACES:
            i -= 1
        j = i
        while True:
            while j > base and _is_letter(text[j - 1]):
                j -= 1
            if j - 1 > base and text[j - 1] in HYPHENS and _is_letter(text[j - 2]) and j < i:
                j -= 1  # «двух-трёх»: a hyphen between letters
                continue
            break
        if j == i:
            return None
        return _word(j, i, text[j:i])


def _is_letter(ch: str) -> bool:
    """``[^\\W\\d_]``: a word character that is not a digit or the underscore."""
    return ch.isalnum() and not ch.isdecimal()


# ---------------------------------------------------------------- entry point


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """The figures stated in ``text[start:end]``, in text order.

    ``end`` is where page boilerplate begins; offsets are into ``text`` and
    ``text[f.start:f.end] == f.text`` always.  ``segment``, ``theme``,
    ``speaker`` and ``sentence`` are left for the pipeline.  Flags:
    ``no_unit`` (a count with no counted noun), ``percent_no_base`` (nothing in
    the sentence says what the percent is of), ``unit_from_context``,
    ``scale_from_context``, ``year_from_context`` (filled from neighbouring
    figures or dates), ``year_from_lead`` (a date's year inferred from the year
    the title or lead states), ``decade`` («90-е годы»), ``years`` (a range of years).
    Page date stamps («7 апреля 2025 года 14:15») are not returned.
    """
    end = len(text) if end is None else min(end, len(text))
    starts, ends = _skip_spans(text, start, end)
    scan = _Scan(text, start, end, lexicon(), starts, ends)
    drafts: list[_Draft] = []
    pos = start
    starts_of_numbers = scan.lex.starts
    for m in _CORE.finditer(text, start, end):
        s = m.start()
        if s < pos:
            continue
        # most words are not numbers: a look at their first letters before any reading
        if m.lastgroup == "word" and text[s] not in ROMAN_STARTS:
            first = text[s : s + 3]
            if not first.isalpha():  # a word of one or two letters, or a hyphen early: its own letters
                first = m.group()[:3]
            if first.lower().replace("ё", "е") not in starts_of_numbers:
                continue
        draft = _read_core(scan, m, pos)
        if draft is None:
            continue
        pos = draft.end
        if "page_date" not in draft.flags:
            drafts.append(draft)
    _fill_from_context(scan, drafts)
    _fill_years(scan, drafts)
    return [_freeze(i, d, text) for i, d in enumerate(d for d in drafts if _plausible(d))]


MAX_DIGITS = 24  # a quantity of 10^24 or more is no figure a text states, but a run of digits


def _plausible(draft: _Draft) -> bool:
    """«1 000 000 … 000» over 5,000 digits is not a figure (and no JSON reader takes such an int)."""
    return all(not isinstance(v, Decimal) or v.adjusted() < MAX_DIGITS for v in (draft.value, draft.low, draft.high))


def _skip_spans(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Merged spans of digit strings that are not figures, for bisect look-ups."""
    starts: list[int] = []
    ends: list[int] = []
    at_line_start = start == 0 or text[start - 1] == "\n"  # where «^» matched in the multi-line regex
    first = _LIST_AT_START.match(text, start, end) if at_line_start else None
    for m in itertools.chain([first] if first else [], _NOT_FIGURES.finditer(text, start, end)):
        if ends and m.start() <= ends[-1]:
            ends[-1] = max(ends[-1], m.end())
        else:
            starts.append(m.start())
            ends.append(m.end())
    return starts, ends


def _read_core(scan: _Scan, m: re.Match[str], lo: int) -> _Draft | None:
    if m.group("num"):
        return _read_digits(scan, m.start(), m.end(), lo)
    if m.group("word"):
        return _read_word(scan, _word(m.start(), m.end(), m.group()), lo)
    return _read_numeric_date(scan, m)


# ---------------------------------------------------------------- digits


def _read_digits(scan: _Scan, s: int, e: int, lo: int) -> _Draft | None:
    """A digit run and what surrounds it."""
    if scan.skipped(s) or _is_code(scan, s, e) or _is_identifier(scan, s, lo):
        return None
    value = _decimal(scan.text[s:e])
    if _is_time_of_day(scan, s, e, value, lo):
        return None
    if m := _SUFFIX.match(scan.text, e, scan.end):
        return _read_suffixed(scan, s, m, value, lo)
    return _read_date(scan, s, e, value) or _read_year(scan, s, e, value, lo) or _read_amount(scan, s, e, value, lo)


def _decimal(digits: str) -> Decimal:
    # «3 000 000», «1,5», «1.5»
    return Decimal(re.sub(rf"[{GROUP_SPACES}]", "", digits).replace(",", "."))


def _is_code(scan: _Scan, s: int, e: int) -> bool:
    """Digits inside a name or code: «СОР29», «G20», «Tele2», «Россия-24», «3G», «ТОП-3»."""
    text = scan.text
    before = text[s - 1] if s > scan.start else ""
    after = text[e] if e < scan.end else ""
    if (before and before in ID_MARKS) or (after and after in ID_MARKS):  # kremlin.ru/d/76642, ivan1990@mail.ru
        return True
    if before.isalpha() and not _is_glued_word(_letters_before(text, s - 1)):
        return True
    if before and before in HYPHENS and s - 2 >= scan.start and text[s - 2].isalpha():
        return True
    if after.isalpha():
        return not _glued_unit(scan, _letters_after(text, e, scan.end))
    return False


def _is_identifier(scan: _Scan, s: int, lo: int) -> bool:
    # «Статья 15 Конституции», «в пункте 3»: a number that names an item
    before = scan.word_before(s, lo)
    return before is not None and morph.lemma(before.text) in scan.lex.numbered_nouns


def _is_time_of_day(scan: _Scan, s: int, e: int, value: Decimal, lo: int) -> bool:
    # «в 10 утра», «в 3 дня»; «3 дня» alone is a span of days
    word = scan.word_at(e)
    if word is None or word.low not in scan.lex.times_of_day or not 0 <= value <= 24:
        return False
    before = scan.word_before(s, lo)
    return word.low != "дня" or (before is not None and before.low in RATIO_PREPOSITIONS)


def _letters_before(text: str, i: int) -> str:
    j = i
    while j > 0 and i - j < 30 and text[j - 1].isalpha():
        j -= 1
    return text[j : i + 1]


def _letters_after(text: str, i: int, end: int) -> str:
    j = i
    while j < end and j - i < 30 and text[j].isalpha():
        j += 1
    return text[i:j]


def _is_glued_word(letters: str) -> bool:
    # «пресс-службы Акорды16 апреля»: a scraper glued a lower-case word to the number
    return len(letters) >= 4 and letters[-1].islower() and all("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters)


def _glued_unit(scan: _Scan, letters: str) -> bool:
    # «16апреля», «10км», «5млн»
    low = letters.lower()
    lex = scan.lex
    return (
        low in lex.month_genitives
        or low in lex.unit_abbreviations
        or low in lex.currency_abbreviations
        or low in lex.currency_forms
        or lex.words.get(low, ("",))[0] == "scales"
        or low in lex.scale_abbreviations
        or low in lex.year_words
    )


def _read_suffixed(scan: _Scan, s: int, m: re.Match[str], value: Decimal, lo: int) -> _Draft | None:
    """«5-е», «16-летняя», «80-процентная», «2024-м году», «90-е годы», «3-х стран»."""
    suffix = m.group(1).lower()
    e = m.end()
    for stem, (kind, unit) in scan.lex.compound_suffixes.items():
        if suffix.startswith(stem):
            return _finish_amount(scan, _Draft(s, e, value, kind, unit), lo)
    if suffix in ("е", "х") and (decade := _read_year_word(scan, s, e, value, decade=True)):
        return decade
    if suffix in scan.lex.cardinal_endings and (suffix != "х" or 2 <= value <= 4):  # «3-х стран», «5-ти лет»
        return _read_amount(scan, s, e, value, lo)
    if suffix in scan.lex.ordinal_endings:  # «5-е», «2024-м году», «1-го сентября»
        return (
            _read_year_word(scan, s, e, value, decade=False)
            or _read_date(scan, s, e, value)
            or _Draft(s, e, value, "ordinal")
        )
    return None


def _read_numeric_date(scan: _Scan, m: re.Match[str]) -> _Draft | None:
    # 27.03.2013, 2013-03-27
    if "-" in m.group():
        year, month, day = (int(x) for x in m.group().split("-"))
    else:
        day, month, year = (int(x) for x in m.group().split("."))
    if scan.skipped(m.start()) or not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return _Draft(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}", "date")


# ---------------------------------------------------------------- dates and years


def _read_date(scan: _Scan, s: int, e: int, value: Decimal) -> _Draft | None:
    """«27 марта 2013 года», «30 августа» — a day and a month, maybe a year."""
    if value != value.to_integral_value() or not 1 <= value <= 31:
        return None
    month = scan.word_at(e)
    if month is None or month.low not in scan.lex.month_genitives:
        return _read_first_day(scan, s, e, value)
    day, mon = int(value), scan.lex.month_genitives[month.low]
    year = _year_after(scan, month.end)
    if year is None:
        return _Draft(s, month.end, "", "date", month_day=(mon, day))
    y, end = year
    draft = _Draft(s, end, f"{y:04d}-{mon:02d}-{day:02d}", "date")
    if _is_page_date(scan, s, end):
        scan.stamps.append((s, y, mon))
        draft.flags.append("page_date")
    return draft


def _read_first_day(scan: _Scan, s: int, e: int, value: Decimal) -> _Draft | None:
    """The first day of «с 1 по 10 мая», «5–7 июня», «5 и 6 июня»: a date in the month named after."""
    link = _DAY_LINK.match(scan.text, e, scan.end)
    day = link and _DIGITS_AT.match(scan.text, link.end(), scan.end)
    month = day and scan.word_at(day.end(1))
    if not month or month.low not in scan.lex.month_genitives or not 1 <= int(_decimal(day.group(1))) <= 31:
        return None
    return _Draft(s, e, "", "date", month_day=(scan.lex.month_genitives[month.low], int(value)))


def _year_after(scan: _Scan, pos: int) -> tuple[int, int] | None:
    """The year that completes a date: «2013 года», «2024 г.», «2024»."""
    m = _DIGITS_AT.match(scan.text, pos, scan.end)
    if not m or not re.fullmatch(r"\d{4}", m.group(1)) or _letter_follows(scan, m.end(1)):
        return None
    year, end = int(m.group(1)), m.end(1)
    word = scan.word_at(end)
    if word and word.low in scan.lex.year_words:
        return year, _year_word_end(scan, word)
    return (year, end) if 1900 <= year <= 2100 else None


def _letter_follows(scan: _Scan, pos: int) -> bool:
    return pos < scan.end and (scan.text[pos].isalpha() or scan.text[pos] in HYPHENS)


def _abbreviation_end(scan: _Scan, end: int) -> int:
    """Where an abbreviation ends: with its dot in «77 тыс. квартир», «300 тыс. руб. в месяц»,
    without the dot that ends the sentence in «в 2019 г. В Москве» or «выдан на $5 млн.»."""
    if not scan.text.startswith(".", end):
        return end
    nxt = _NEXT_CHAR.match(scan.text, end + 1, scan.end)
    return end + 1 if nxt and not nxt.group(1).isupper() else end


def _year_word_end(scan: _Scan, word: _Word) -> int:
    # «2024 г.» keeps its dot, «2024 год.» does not
    return _abbreviation_end(scan, word.end) if word.low in scan.lex.year_abbreviations else word.end


def _is_page_date(scan: _Scan, s: int, e: int) -> bool:
    """A page's own date stamp, not a date the speech states.

    «7 апреля 2025 года 14:15» (a time follows) and a related-links listing
    «…битвы» 29 апреля 2025 года Международный форум…» (a title on each side).
    """
    if _TIME_AFTER.match(scan.text, e, scan.end):
        return True
    before = scan.text[max(scan.start, s - 3) : s].rstrip(SPACES)
    after = scan.word_at(e)
    return bool(before) and before[-1] in CLOSING_QUOTES and after is not None and after.text[:1].isupper()


def _read_year(scan: _Scan, s: int, e: int, value: Decimal, lo: int) -> _Draft | None:
    """«2023 годом», «2024 г.», «к 2030», «2023–2024 годах»."""
    if value != value.to_integral_value() or not 1000 <= value <= 2100:
        return None
    if draft := _read_year_word(scan, s, e, value, decade=False):
        return draft
    if not 1900 <= value <= 2100 or e - s != 4:
        return None
    if draft := _read_year_range(scan, s, e, int(value)):
        return draft
    if _heads_list_item(scan, s, e, value):
        return _Draft(s, e, int(value), "year")
    before = scan.word_before(s, lo)
    if before and before.low in scan.lex.year_prepositions and _read_unit(scan, e, ratio=False) is None:
        return _Draft(s, e, int(value), "year")
    return None


def _heads_list_item(scan: _Scan, s: int, e: int, value: Decimal) -> bool:
    """A year heading an item of a list, a dash and its figure: «(2021 – 1,2 процента, 2022 – …)».

    The item starts the text, a line or a bracket, or follows a comma or a semicolon; a larger number
    after the dash makes a range instead («2000 – 3000 рублей»).
    """
    m = _LABEL_DASH.match(scan.text, e, scan.end)
    after = m and _number_at(scan, m.end())
    if not after or after[1] >= value:
        return False
    i = s
    while i > scan.start and scan.text[i - 1] in SPACES:
        i -= 1
    return i == scan.start or scan.text[i - 1] in LIST_ITEM_STARTS


def _read_year_word(scan: _Scan, s: int, e: int, value: Decimal, decade: bool) -> _Draft | None:
    """A number and a form of «год»: «2023 годом»; «90-е годы» is a decade."""
    word = scan.word_at(e)
    if word is None or word.low not in scan.lex.year_words:
        return None
    if decade and word.low in scan.lex.plural_year_words:
        year = int(value) + 1900 if value < 100 else int(value)
        return _Draft(s, _year_word_end(scan, word), year, "year", flags=["decade"])
    if not 1000 <= value <= 2100:
        return None
    return _Draft(s, _year_word_end(scan, word), int(value), "year")


def _read_year_range(scan: _Scan, s: int, e: int, low: int) -> _Draft | None:
    # «2023-2024», «2023–2024 годах»
    m = _DASH_NUM.match(scan.text, e, scan.end)
    high = m and _DIGITS_AT.match(scan.text, m.end(), scan.end)
    if not high or not re.fullmatch(r"\d{4}", high.group(1)) or not low < int(high.group(1)) <= 2100:
        return None
    end = high.end(1)
    word = scan.word_at(end)
    if word and word.low in scan.lex.year_words:
        end = _year_word_end(scan, word)
    return _Draft(s, end, low, "range", low=Decimal(low), high=Decimal(high.group(1)), flags=["years"])


def _read_month_year(scan: _Scan, month: _Word) -> _Draft | None:
    # «в январе 2024 года» → 2024-01; a month alone («в сентябре») is not a figure
    year = _year_after(scan, month.end)
    if year is None or not 1000 <= year[0] <= 2100:
        return None
    mon = int(scan.lex.words[month.low][1])
    draft = _Draft(month.start, year[1], f"{year[0]:04d}-{mon:02d}", "date")
    if _TIME_AFTER.match(scan.text, draft.end, scan.end):  # «…СКО16 апреля 2024 15:34»
        scan.stamps.append((draft.start, year[0], mon))
        draft.flags.append("page_date")
    return draft


# ---------------------------------------------------------------- amounts


def _read_amount(scan: _Scan, s: int, e: int, value: Decimal, lo: int, lone: str | None = None) -> _Draft | None:
    """A number as an amount: range, scale word, unit, then what stands before it."""
    head = _read_head(scan, s, lo)
    draft = _Draft(s, e, value, "count")
    _read_range(scan, draft, head)
    _read_scale(scan, draft)
    unit = _read_unit(scan, draft.end, ratio=head.prep in RATIO_PREPOSITIONS)
    if lone is not None and not _lone_word_counts(scan, lone, draft, unit):
        return None
    if unit is not None:
        draft.end, draft.unit = unit.end, unit.unit
        draft.kind = "range" if draft.low is not None and unit.kind != "ratio" else unit.kind
        if unit.factor < 0:  # «15 градусов мороза»
            head = dataclasses.replace(head, sign=-1)
        if draft.low is None:
            _read_smaller_unit(scan, draft)
    elif symbol := _currency_before(scan, head.start, lo):
        draft.unit, draft.kind = symbol[1], "money"
        head = dataclasses.replace(head, start=symbol[0])
    return _finish_amount(scan, draft, lo, head)


def _read_smaller_unit(scan: _Scan, draft: _Draft) -> None:
    """«5 метров 6 сантиметров» = 5,06 метра: a measure in two units, the smaller right after, is one figure."""
    smaller = scan.lex.compound_measures.get(draft.unit or "")
    rest = smaller and _number_at(scan, draft.end)
    unit = rest and _read_unit(scan, rest[0], ratio=False)
    per = unit and smaller.get(unit.unit or "")
    if per and 0 <= rest[1] < per:
        draft.end, draft.value = unit.end, round(draft.value + rest[1] / per, 4)
        if draft.mantissa is not None:
            draft.mantissa = draft.value / draft.scale


def _read_range(scan: _Scan, draft: _Draft, head: _Head) -> None:
    """«94–95», «1,2–1,3», «от 5 до 10», «от пяти до десяти»: the high end of a range."""
    text = scan.text
    if head.prep == RANGE_FROM:
        word = scan.word_at(draft.end)
        if word and word.low == RANGE_TO:
            high = _number_at(scan, word.end)
            if high and high[1] > draft.value:
                draft.end, draft.kind, draft.low, draft.high = high[0], "range", draft.value, high[1]
            return
    m = _DASH_NUM.match(text, draft.end, scan.end)
    if m is None:
        return
    high = _number_at(scan, m.end())
    if high and high[1] > draft.value and not scan.skipped(m.end()):
        draft.end, draft.kind, draft.low, draft.high = high[0], "range", draft.value, high[1]


def _number_at(scan: _Scan, pos: int) -> tuple[int, Decimal] | None:
    """A plain number right at ``pos`` (digits or words), for the high end of a range."""
    m = _DIGITS_AT.match(scan.text, pos, scan.end)
    if m:
        return None if _letter_follows(scan, m.end(1)) else (m.end(1), _decimal(m.group(1)))
    word = scan.word_at(pos)
    if word and scan.lex.words.get(word.low, ("",))[0] == "cardinals":
        spelled = _words_value(scan, word)
        return spelled.end, spelled.value
    return None


def _read_scale(scan: _Scan, draft: _Draft) -> None:
    """«3 млн», «33,5 тысячи», «77 тыс.», «2 миллиона 300 тысяч»."""
    scale = _scale_at(scan, draft.end)
    if scale is None:
        return
    draft.end, draft.scale, draft.mantissa = scale[0], scale[1], draft.value
    draft.value = draft.value * scale[1]
    if draft.low is not None:
        draft.low, draft.high = draft.low * scale[1], draft.high * scale[1]
        return
    rest = _number_at(scan, draft.end)
    smaller = rest and _scale_at(scan, rest[0])
    if smaller and smaller[1] < scale[1]:
        draft.end, draft.value = smaller[0], draft.value + rest[1] * smaller[1]


def _scale_at(scan: _Scan, pos: int) -> tuple[int, int] | None:
    word = scan.word_at(pos)
    if word is None:
        return None
    category, value = scan.lex.words.get(word.low, ("", 0))
    if category == "scales":
        return word.end, int(value)
    if word.low in scan.lex.scale_abbreviations:
        return _abbreviation_end(scan, word.end), scan.lex.scale_abbreviations[word.low]
    return None


def _lone_word_counts(scan: _Scan, lone: str, draft: _Draft, unit: _Unit | None) -> bool:
    """Whether a single number word is a figure here.

    «один» counts only measures: «одного часа», «одного раза», «один миллион»;
    otherwise it is pronominal or idiomatic: «ещё один показатель», «одно
    Отечество», «на один инцидент», «один из первых».  A homograph needs its
    counted noun: «семью днями», not «перевезти семью».
    """
    if lone in scan.lex.one_forms:
        if draft.scale > 1:
            return True
        return unit is not None and (unit.kind != "count" or unit.unit in scan.lex.one_counts)
    if lone in scan.lex.homographs:
        return unit is not None or draft.scale > 1
    return True


def _currency_before(scan: _Scan, s: int, lo: int) -> tuple[int, str] | None:
    """(symbol start, ISO code) of a currency sign before the number: «$5 млн», «€ 10»."""
    i = s - 1
    if i > lo and scan.text[i] in SPACES:
        i -= 1
    ch = scan.text[i] if i >= lo else ""
    if ch and not ch.isalnum() and ch in scan.lex.currency_abbreviations:
        return i, scan.lex.currency_abbreviations[ch]
    return None


# ---------------------------------------------------------------- units


def _read_unit(scan: _Scan, pos: int, ratio: bool) -> _Unit | None:
    """What the number measures, right after it: «%», «раза», «млрд долларов США», «тонн»."""
    text, lex = scan.text, scan.lex
    if m := _PERCENT.match(text, pos, scan.end):
        return _Unit(m.end(), "%", "percent")
    if symbol := _symbol_at(scan, pos):
        return symbol
    if m := lex.rate_units.match(text, pos, scan.end):  # «5–10 м/с»
        return _Unit(m.end(), lex.rate_unit_map[m.group(1).lower()], "quantity")
    if m := lex.unit_phrases.match(text, pos, scan.end):
        unit = lex.unit_phrase_map[_phrase_key(m.group())]
        end = _abbreviation_end(scan, m.end()) if len(m.group().split()[-1].strip(".")) <= 3 else m.end()
        return _Unit(end, unit, lex.unit_kinds.get(unit, "quantity"))
    word = scan.word_at(pos)
    if word is None:
        return None
    if word.low in lex.times_forms:
        return _Unit(word.end, None, "ratio") if ratio else _Unit(word.end, lex.times_unit, "count")
    if word.low in lex.unit_abbreviations:
        return _Unit(_abbreviation_end(scan, word.end), lex.unit_abbreviations[word.low], "quantity")
    if word.low in lex.currency_abbreviations:
        return _Unit(_abbreviation_end(scan, word.end), lex.currency_abbreviations[word.low], "money")
    if word.text in lex.iso_currencies:
        return _Unit(word.end, word.text, "money")
    return _noun_unit(scan, pos)


def _symbol_at(scan: _Scan, pos: int) -> _Unit | None:
    # «25 °C», «100 $», «5 млн ₸»
    i = pos + (pos < scan.end and scan.text[pos] in SPACES)
    for symbol in scan.lex.temperature_symbols:
        if scan.text.startswith(symbol, i, scan.end):
            return _Unit(i + len(symbol), "°C", "temperature")
    ch = scan.text[i : min(i + 1, scan.end)]
    if ch and not ch.isalnum() and ch in scan.lex.currency_abbreviations:
        return _Unit(i + 1, scan.lex.currency_abbreviations[ch], "money")
    return None


def _noun_unit(scan: _Scan, pos: int) -> _Unit | None:
    """The counted noun after a number, past its adjectives: «78 воздушных судов» → судно."""
    found = _counted_noun(scan, pos)
    if found is None:
        return None
    end, noun, adjectives = found
    lex = scan.lex
    if noun in lex.currency_forms:  # «500 млн тенге»
        return _Unit(end, lex.currency_forms[noun], "money")
    if noun in lex.currencies:
        code = next((lex.currency_adjectives[a, noun] for a in adjectives if (a, noun) in lex.currency_adjectives), None)
        after = scan.word_at(end)
        if after and after.text == "США":  # «долларов США»
            end = after.end
        return _Unit(end, code or lex.currencies[noun], "money")
    if noun in lex.percent_nouns:
        return _Unit(end, "%", "percent")
    if noun in lex.temperature_nouns:
        return _temperature_tail(scan, end)
    return _Unit(end, noun, lex.unit_kinds.get(noun, "count"))


def _counted_noun(scan: _Scan, pos: int) -> tuple[int, str, list[str]] | None:
    """(end, lemma, adjective lemmas) of the first noun within four words, or None.

    A currency the analyser misreads is returned as its form: «тенге», «сомони».
    """
    adjectives: list[str] = []
    substantive = None  # «1200 рабочих», «12 пострадавших»: used when no noun follows
    for _ in range(4):
        word = scan.word_at(pos)
        if word is None:
            return substantive
        if word.low in scan.lex.currency_forms:
            return word.end, word.low, adjectives
        parses = morph.parses(word.text.lower())
        best = parses[0]
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        if best.tag.POS in ("ADJF", "PRTF"):
            adjectives.append(best.normal_form)
            substantive = _substantive(word, best, noun, adjectives[:-1])
            pos = word.end
            continue
        if best.tag.POS not in ("NOUN", "ADJS") or noun is None or not _common(noun):
            return substantive
        noun = _counting_reading(scan, word, parses) or noun
        return word.end, noun.normal_form, adjectives
    return substantive


def _counting_reading(scan: _Scan, word: _Word, parses: tuple):
    """The reading of ``word`` as a counting word when a genitive follows: «976 голов скота» → голова.

    «голов» is also the genitive of «гол», the analyser's first choice; «забил 976 голов» stays гол.
    """
    counting = next((p for p in parses if p.tag.POS == "NOUN" and p.normal_form in scan.lex.counting_nouns), None)
    if counting is None or counting is parses[0]:
        return counting
    after = scan.word_at(word.end)
    if after is None:
        return None
    best = morph.parses(after.text.lower())[0]
    return counting if best.tag.case == "gent" and best.tag.POS in ("NOUN", "ADJF", "PRTF") and _common(best) else None


def _substantive(word: _Word, best, noun, adjectives: list[str]) -> tuple[int, str, list[str]] | None:
    """An adjective or participle used as a noun: «рабочих» → рабочий, «пострадавших» → пострадавший."""
    if noun is not None and _common(noun):
        return word.end, noun.normal_form, adjectives
    if best.tag.POS == "PRTF" and best.tag.number == "plur":
        singular = best.inflect({"masc", "sing", "nomn"})
        return word.end, singular.word if singular else best.word, adjectives
    return None


def _common(noun) -> bool:
    # not a name, a place or an abbreviation: «шесть стран СНГ» stops at «стран»
    return not {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & noun.tag.grammemes


def _temperature_tail(scan: _Scan, end: int) -> _Unit:
    # «1,5 градуса по Цельсию», «15 градусов мороза»
    for pattern, factor in scan.lex.temperature_tails:
        if m := pattern.match(scan.text, end, scan.end):
            return _Unit(m.end(), "°C", "temperature", factor)
    return _Unit(end, "°C", "temperature")


# ---------------------------------------------------------------- what stands before


def _read_head(scan: _Scan, s: int, lo: int) -> _Head:
    """Sign, preposition and qualifier before a number: «более чем на 70», «в 2,5», «минус 15»."""
    text = scan.text
    start, sign = s, 0
    if s - 1 >= lo and text[s - 1] in MINUS_SIGNS + "+" and (s - 1 == lo or not text[s - 2].isalnum()):
        start, sign = s - 1, (1 if text[s - 1] == "+" else -1)
    word = scan.word_before(start, lo)
    if word and word.low in scan.lex.signs:
        start, sign, word = word.start, scan.lex.signs[word.low], scan.word_before(word.start, lo)
    prep = prep_start = None
    if word and word.low in HEAD_PREPOSITIONS:
        prep, prep_start = word.low, word.start
        word = scan.word_before(word.start, lo)
    qualifier = _qualifier_ending(scan, word, lo)
    if qualifier is None:
        return _Head(start, sign, prep, prep_start)
    return _Head(start, sign, prep, prep_start, qualifier[0], qualifier[1])


def _qualifier_ending(scan: _Scan, word: _Word | None, lo: int) -> tuple[str, int] | None:
    """«не менее», «более чем», «около» ending with ``word``; «доходила до» is no hedge."""
    if word is None:
        return None
    before = scan.word_before(word.start, lo)
    if before and f"{before.low} {word.low}" in scan.lex.qualifiers:
        return scan.lex.qualifiers[f"{before.low} {word.low}"], before.start
    if word.low not in scan.lex.qualifiers:
        return None
    if word.low == RANGE_TO and before and before.low.startswith(scan.lex.reach_verbs):
        return None
    if word.low == RANGE_TO and scan.text[max(scan.start, word.start - 3) : word.start].rstrip(SPACES)[-1:].isdigit():
        return None  # «вырос с 3500 до 4200 тенге»: a target, not a hedge
    return scan.lex.qualifiers[word.low], word.start


def _finish_amount(scan: _Scan, draft: _Draft, lo: int, head: _Head | None = None) -> _Draft:
    """Attach the head, sign, change and post-posed «около того»; set the surface start."""
    head = head or _read_head(scan, draft.start, lo)
    start = head.start
    if draft.kind == "ratio" and head.prep in RATIO_PREPOSITIONS:
        start = head.prep_start
    elif draft.kind == "range" and head.prep == RANGE_FROM:
        start = head.prep_start
    if head.qualifier is not None:
        draft.qualifier, start = head.qualifier, head.qualifier_start
    elif draft.low is None and (m := scan.lex.qualifiers_after.match(scan.text, draft.end, scan.end)):
        draft.qualifier, draft.end = m.group(1).lower(), m.end()
    if head.sign < 0:
        draft.value = -draft.value
        draft.mantissa = -draft.mantissa if draft.mantissa is not None else None
    draft.start = start
    draft.change = _change(scan, draft, head, lo)
    if draft.unit is None and draft.kind == "count":
        _read_elided_unit(scan, draft, lo)
    if draft.kind == "count" and draft.unit is None and (m := _EQUIVALENT.match(scan.text, draft.end, scan.end)):
        if (code := scan.lex.currency_equivalents.get(m.group(1).lower())) is not None:
            draft.unit, draft.kind = code, "money"  # «свыше 50 миллиардов в долларовом эквиваленте»
    if draft.unit == "%" and not _percent_has_base(scan, draft, lo):
        draft.flags.append("percent_no_base")
    return draft


def _change(scan: _Scan, draft: _Draft, head: _Head, lo: int) -> str | None:
    """«вырос на 65%», «сократился на 10%», «плюс 5 миллионов» → increase / decrease."""
    if head.sign and draft.kind != "temperature":
        return "increase" if head.sign > 0 else "decrease"
    for word in reversed(_clause_words(scan, draft.start, lo, 4)):
        if word.low.startswith(scan.lex.increase):
            return "increase"
        if word.low.startswith(scan.lex.decrease):
            return "decrease"
    return None


def _clause_words(scan: _Scan, pos: int, lo: int, limit: int) -> list[_Word]:
    """Up to ``limit`` words before ``pos`` in the same clause."""
    base = max(lo, pos - 80)
    chunk = scan.text[base:pos]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(chunk)), default=0)
    words = list(_WORD_RE.finditer(chunk, cut))[-limit:]
    return [_word(base + m.start(), base + m.end(), m.group()) for m in words]


def _read_elided_unit(scan: _Scan, draft: _Draft, lo: int) -> None:
    """«нарастить число перевозимых контейнеров до 300 тысяч» → unit контейнер."""
    base = max(lo, draft.start - 150)
    chunk = scan.text[base : draft.start]
    cut = max((m.end() for m in _SENTENCE_BREAK.finditer(chunk)), default=0)
    nouns = list(scan.lex.count_nouns.finditer(chunk, cut))
    if not nouns:
        return
    found = _counted_noun(scan, base + nouns[-1].end())
    if found and found[0] <= draft.start:
        draft.unit = found[1]
        draft.kind = scan.lex.unit_kinds.get(found[1], "count")
        draft.flags.append("unit_from_context")


def _percent_has_base(scan: _Scan, draft: _Draft, lo: int) -> bool:
    """Whether the sentence names what the percent is of: «60 процентов маршрутов»,
    «75,5 % акционерного капитала», «13 процентов к 2023 году», «вырос на 65%», «доля рынка 42 процента»."""
    if draft.change is not None:
        return True
    after = scan.word_at(draft.end)
    if after and after.low in scan.lex.percent_base_prepositions:
        return True
    if after and _genitive_noun_phrase(scan, after):
        return True
    return any(w.low in scan.lex.percent_base_words for w in _clause_words(scan, draft.start, lo, 6))


def _genitive_noun_phrase(scan: _Scan, word: _Word) -> bool:
    """Whether a noun in the genitive starts at ``word``, past adjectives in the genitive: «акционерного капитала»."""
    for _ in range(4):
        best = morph.parses(word.low)[0]
        if best.tag.case != "gent":
            return False
        if best.tag.POS == "NOUN":
            return True
        if best.tag.POS not in ("ADJF", "PRTF"):
            return False
        word = scan.word_at(word.end)
        if word is None:
            return False
    return False


# ---------------------------------------------------------------- words


def _read_word(scan: _Scan, word: _Word, lo: int) -> _Draft | None:
    """A number word, ordinal, multiplier, month or compound: «сорок», «пятый», «вдвое»."""
    lex = scan.lex
    entry = lex.words.get(word.low)
    if entry is None:
        return _read_rare_word(scan, word, lo)
    category, value = entry
    if category == "cardinals":
        spelled = _words_value(scan, word)
        if spelled.fraction:  # «две трети»
            return _finish_amount(scan, _Draft(word.start, spelled.end, spelled.value, "ratio"), lo)
        return _read_ordinal_compound(scan, word, spelled.end, spelled.value) or _read_amount(
            scan, word.start, spelled.end, spelled.value, lo, spelled.lone
        )
    if category == "fractions":  # «около трети»
        draft = _Draft(word.start, word.end, round(Decimal(1) / value, 4), "ratio")
        return _finish_amount(scan, draft, lo)
    if category == "ordinals":
        return _read_ordinal(scan, word, int(value))
    if category == "multipliers":
        return _finish_amount(scan, _Draft(word.start, word.end, value, "ratio"), lo)
    if category == "collectives":
        unit = _read_unit(scan, word.end, ratio=False)
        if unit is not None:  # «двое детей», «двое суток»
            return _finish_amount(scan, _Draft(word.start, unit.end, value, unit.kind, unit.unit), lo)
        return _finish_amount(scan, _Draft(word.start, word.end, value, "count", lex.people_unit), lo)
    if category == "collective_adverbs":
        return _finish_amount(scan, _Draft(word.start, word.end, value, "count", lex.people_unit), lo)
    if category == "months":
        return _read_month_year(scan, word)
    return _read_bare_scale(scan, word, lo)


def _read_rare_word(scan: _Scan, word: _Word, lo: int) -> _Draft | None:
    """Number words not in the form table; cheap tests first, as most words are not numbers."""
    if word.text[0] in ROMAN_STARTS:
        return _read_century(scan, word)
    if any(h in word.low for h in HYPHENS):
        return _read_hyphen_range(scan, word, lo)
    if word.low[:3] in scan.lex.compound_starts:
        return _read_compound(scan, word, lo)
    return None


def _words_value(scan: _Scan, first: _Word) -> _Spelled:
    """«двадцать пять», «сто сорок», «два с половиной», «две трети»."""
    lex = scan.lex
    total, end, word, count = Decimal(0), first.end, first, 0
    while word is not None:
        category, value = lex.words.get(word.low, ("", Decimal(0)))
        if category == "cardinals" and (count == 0 or _extends(total, value)):
            total, end, count = total + value, word.end, count + 1
        elif category == "fractions" and count:
            return _Spelled(word.end, round(total / value, 4), None, True)
        elif word.low == HALF[0] and count and (half := scan.word_at(word.end)) and half.low in HALF[1]:
            total, end = total + Decimal("0.5"), half.end
            break
        else:
            break
        word = scan.word_at(end)
    return _Spelled(end, total, first.low if count == 1 else None, False)


def _extends(total: Decimal, value: Decimal) -> bool:
    # «сто» + «двадцать» + «пять»: each word fills a lower place than the ones before
    if value != value.to_integral_value() or value >= total:
        return False
    return total % (10 ** len(str(int(value)))) == 0


def _read_ordinal_compound(scan: _Scan, first: _Word, end: int, value: Decimal) -> _Draft | None:
    # «двадцать первый» → 21
    word = scan.word_at(end)
    entry = word and scan.lex.words.get(word.low)
    if entry and entry[0] == "ordinals" and entry[1] < 10 and value % 10 == 0 and value >= 20:
        span = _word(first.start, word.end, scan.text[first.start : word.end])
        return _read_ordinal(scan, span, int(value + entry[1]))
    return None


def _read_ordinal(scan: _Scan, word: _Word, value: int) -> _Draft | None:
    """«на первом месте», «второй по величине»; not «первый зампред», «Первый канал»."""
    if word.text[:1].isupper() and not _starts_sentence(scan, word.start):
        return None
    after = scan.word_at(word.end)
    if after and morph.lemma(after.text) in scan.lex.ordinal_titles:
        return None
    if _in_idiom(scan, word):
        return None
    return _Draft(word.start, word.end, value, "ordinal")


def _starts_sentence(scan: _Scan, pos: int) -> bool:
    # «« Первое, что мне пришло в голову»
    i = pos - 1
    while i >= scan.start and pos - i < 10 and scan.text[i] in SPACES + "«\"“„(":
        i -= 1
    return i < scan.start or scan.text[i] in SENTENCE_ENDS + ":—–-"


def _in_idiom(scan: _Scan, word: _Word) -> bool:
    # «в первую очередь», «на первый взгляд», «третьих стран»
    for before, after in scan.lex.idioms.get(word.low, ()):
        pos, ok = word.start, True
        for expected in reversed(before):
            prev = scan.word_before(pos, scan.start)
            ok = ok and prev is not None and prev.low == expected
            pos = prev.start if prev else pos
        pos = word.end
        for expected in after:
            nxt = scan.word_at(pos)
            ok = ok and nxt is not None and nxt.low == expected
            pos = nxt.end if nxt else pos
        if ok:
            return True
    return False


def _read_hyphen_range(scan: _Scan, word: _Word, lo: int) -> _Draft | None:
    # «два-три раза», «пять-шесть лет»: read like «2–3 раза», from the first half on
    first, _, second = word.low.replace("\u2010", "-").replace("\u2011", "-").partition("-")
    entries = [scan.lex.words.get(part, ("", 0)) for part in (first, second)]
    if any(category != "cardinals" for category, _ in entries) or "-" in second:
        return None
    return _read_amount(scan, word.start, word.start + len(first), entries[0][1], lo)


def _read_compound(scan: _Scan, word: _Word, lo: int) -> _Draft | None:
    # «трёхкратный», «двукратно», «стопроцентный», «пятилетний»
    m = scan.lex.compound.match(word.low)
    if m is None:
        return None
    kind, unit = scan.lex.compound_suffixes[m.group(2)]
    value = scan.lex.compound_prefixes[m.group(1)]
    return _finish_amount(scan, _Draft(word.start, word.end, value, kind, unit), lo)


def _read_century(scan: _Scan, word: _Word) -> _Draft | None:
    # «XXI век» → 21
    if not _ROMAN.fullmatch(word.text):
        return None
    after = scan.word_at(word.end)
    if after is None or after.low not in scan.lex.centuries:
        return None
    value = _roman(word.text.replace("Х", "X"))
    return _Draft(word.start, after.end, value, "ordinal") if value else None


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for ch, nxt in zip(numeral, numeral[1:] + " "):
        total += -values[ch] if values.get(nxt, 0) > values[ch] else values[ch]
    return total


def _read_bare_scale(scan: _Scan, word: _Word, lo: int) -> _Draft | None:
    # «более миллиона человек» = 1 000 000; «тысячи людей» is vague and not a figure
    head = _read_head(scan, word.start, lo)
    if word.low not in scan.lex.scale_singulars or head.qualifier is None:
        return None
    draft = _read_amount(scan, word.start, word.start, Decimal(1), lo)
    return draft if draft and draft.scale > 1 else None


# ---------------------------------------------------------------- context


def _fill_from_context(scan: _Scan, drafts: list[_Draft]) -> None:
    """Units and scales a speaker leaves out, taken from neighbouring figures.

    - «Из 55 миллионов 43 миллиона»: a scaled count borrows the unit of the last
      figure with the same scale word (пассажир);
    - «100, есть компоновка 103 кресла»: a bare number borrows from the next
      figure in its sentence;
    - «свыше 50 миллиардов … где-то 50 с небольшим, около 51»: a bare number
      close after a scaled one of similar size takes its scale and unit.
    """
    last_by_scale: dict[int, _Draft] = {}
    for i, draft in enumerate(drafts):
        if draft.kind == "count" and draft.unit is None:
            if draft.scale > 1 and draft.scale in last_by_scale:
                _borrow(draft, last_by_scale[draft.scale], "unit_from_context")
            elif draft.scale == 1:
                _borrow_bare(scan, drafts, i)
        if draft.unit is not None and draft.scale > 1 and draft.kind in BORROWING_KINDS:
            last_by_scale[draft.scale] = draft


def _borrow(draft: _Draft, source: _Draft, flag: str) -> None:
    draft.unit, draft.kind = source.unit, source.kind
    draft.flags.append(flag)


def _borrow_bare(scan: _Scan, drafts: list[_Draft], i: int) -> None:
    draft = drafts[i]
    nxt = drafts[i + 1] if i + 1 < len(drafts) else None
    if (
        nxt is not None
        and nxt.unit is not None
        and nxt.scale == 1
        and nxt.kind in BORROWING_KINDS
        and nxt.start - draft.end <= 60
        and not _SENTENCE_BREAK.search(scan.text, draft.end, nxt.start)
    ):
        _borrow(draft, nxt, "unit_from_context")
        return
    prev = drafts[i - 1] if i else None
    if (
        prev is not None
        and prev.scale > 1
        and prev.mantissa
        and prev.kind in BORROWING_KINDS
        and draft.start - prev.end <= 250
        and "\n" not in scan.text[prev.end : draft.start]
        and Decimal("0.5") <= draft.value / prev.mantissa <= 2
    ):
        draft.mantissa, draft.scale = draft.value, prev.scale
        draft.value = draft.value * prev.scale
        _borrow(draft, prev, "scale_from_context")


def _fill_years(scan: _Scan, drafts: list[_Draft]) -> None:
    """The year of «9 мая» from the text's dates: the same month, else the nearest dated mention.

    «24 января» takes 2011 from «в начале января 2011 года» (flag ``year_from_context``); with no
    full date in the text, the year the title or lead states («В начале 2015 года …», flag
    ``year_from_lead``); else the date stays ``--MM-DD`` (ISO 8601 without a year).
    """
    dated = sorted(scan.stamps + [_date_mention(d) for d in drafts if d.kind == "date" and d.month_day is None])
    by_month: dict[int, list[tuple[int, int, int]]] = {}
    for mention in dated:
        by_month.setdefault(mention[2], []).append(mention)
    lead = None
    for draft in drafts:
        if draft.month_day is None:
            continue
        month, day = draft.month_day
        year = _nearest_year(by_month.get(month, []), draft.start) or _nearest_year(dated, draft.start)
        flag = "year_from_context"
        if year is None:
            lead = _lead_year(scan, drafts) if lead is None else lead
            year, flag = lead or None, "year_from_lead"
        draft.value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        if year:
            draft.flags.append(flag)


def _lead_year(scan: _Scan, drafts: list[_Draft]) -> int:
    """The first year the title or the lead states as a time, not a target («к 2030 году»); 0 when none.

    The lead is the first paragraph after the title, up to LEAD_CHARS from the start.
    """
    end = scan.start
    for _ in range(2):  # the title line, then the first paragraph
        while end < scan.end and scan.text[end] in SPACES + "\r\n":
            end += 1
        line_end = scan.text.find("\n", end, scan.end)
        end = scan.end if line_end < 0 else line_end
    end = min(end, scan.start + LEAD_CHARS)
    for draft in drafts:
        if draft.start >= end:
            break
        if draft.kind != "year" or draft.flags:  # «90-е годы» is a decade
            continue
        before = scan.word_before(draft.start, scan.start)
        if before is None or before.low not in scan.lex.year_targets:
            return int(draft.value)
    return 0


def _date_mention(draft: _Draft) -> tuple[int, int, int]:
    year, month = str(draft.value).split("-")[:2]
    return draft.start, int(year), int(month)


def _nearest_year(mentions: list[tuple[int, int, int]], pos: int) -> int | None:
    if not mentions:
        return None
    i = bisect.bisect_left(mentions, (pos,))
    return min(mentions[max(0, i - 1) : i + 1], key=lambda m: abs(m[0] - pos))[1]


# ---------------------------------------------------------------- output


def _freeze(index: int, draft: _Draft, text: str) -> Figure:
    flags = list(draft.flags)
    if draft.unit is None and draft.kind in ("count", "range") and "years" not in flags:
        flags.append("no_unit")
    return Figure(
        index=index,
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        value=_plain(draft.value),
        unit=draft.unit,
        kind=draft.kind,
        qualifier=draft.qualifier,
        low=_plain(draft.low) if draft.low is not None else None,
        high=_plain(draft.high) if draft.high is not None else None,
        change=draft.change,
        flags=tuple(flags),
    )


def _plain(value: Decimal | int | str) -> int | float | str:
    """int where integral, float otherwise; dates stay strings."""
    if not isinstance(value, Decimal):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)
