"""What a number measures, read right after it: «%», «раза», «млрд долларов США», «78 воздушных
судов», «градусов мороза» — symbols, abbreviations, unit phrases, currencies and counted nouns."""

from __future__ import annotations


from .. import morph, regexes
from .chars import SPACES
from .numbers_toml import _phrase_key
from .scan import _abbreviation_end, _Scan, _Unit, _Word

_PERCENT = regexes.compile(rf"[{SPACES}]?%")


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
