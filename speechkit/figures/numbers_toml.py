"""The figures lexicon: ``data/numbers.toml`` read, checked and expanded to every form a text may use.

Number words, months and scales are lemmas there; pymorphy3 adds their forms, and which forms
are genitives, singulars or homographs.  That derived table is kept in the on-disk cache
(``speechkit.cache``), keyed by the dictionary's version, the figures package's code and the file.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .. import morph, regexes
from ..cache import code_stamp, memo
from ..datafiles import read_text
from .chars import SPACES


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
    from ..datacheck import NUMBERS_SCHEMA, check_schema, load_toml, source_of

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
        compound=regexes.compile(f"({_alternation(prefixes)})({_alternation(suffixes)})"),
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
        unit_phrases=regexes.compile("|".join(_phrase_pattern(k) for k in sorted(phrases, key=len, reverse=True)), re.I),
        unit_phrase_map=phrases,
        rate_units=regexes.compile(rf"[{SPACES}]?({_alternation(raw['rate_units'])})(?![^\W\d_])", re.I),
        rate_unit_map=raw["rate_units"],
        currencies=raw["currencies"],
        currency_forms=raw["currency_forms"],
        currency_adjectives={tuple(k.split()): v for k, v in raw["currency_adjectives"].items()},
        currency_abbreviations=raw["currency_abbreviations"],
        iso_currencies=frozenset(raw["currency_codes"]["iso"]),
        currency_equivalents=raw["currency_equivalents"],
        qualifiers=raw["qualifiers"],
        qualifiers_after=regexes.compile(
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
        count_nouns=regexes.compile(rf"(?<![^\W\d_])(?:{_alternation(ctx['count_nouns'])})(?![^\W\d_])", re.I),
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
    return "\n".join([morph.dictionary_version(), code_stamp(*_code_files()), source])


def _code_files() -> list[str]:
    """The figures package's modules, whose edits invalidate the derived table (as edits to figures.py
    did before it was split): the derivation is here, and a stamp of every module keeps it covered
    wherever a part of it moves."""
    folder = os.path.dirname(os.path.abspath(__file__))
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".py"))
    except OSError:
        return [__file__]
    return [os.path.join(folder, n) for n in names]


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
    return regexes.compile(rf"[{SPACES}]+" + rf"[{SPACES}]+".join(map(re.escape, tail.split())) + r"(?![^\W\d_])", re.I)


def _index_idioms(idioms: list[str], numbers: dict) -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """Idioms by their number word: «в первую очередь» → {"первую": ((("в",), ("очередь",)),)}."""
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for idiom in idioms:
        words = idiom.split()
        for i, word in enumerate(words):
            if word in numbers:
                index.setdefault(word, []).append((tuple(words[:i]), tuple(words[i + 1 :])))
    return {k: tuple(v) for k, v in index.items()}
