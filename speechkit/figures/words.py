"""Numbers in words: «сорок», «двадцать пять», «две трети», «пятый», «вдвое», «трёхкратный»,
«два-три», «двое детей», «XXI век», «более миллиона»; not «первый зампред» or «в первую очередь»."""

from __future__ import annotations

from decimal import Decimal

from .. import morph, regexes
from .amounts import _finish_amount, _read_amount, _read_head
from .chars import HYPHENS, SENTENCE_ENDS, SPACES
from .dates import _read_month_year
from .scan import _Draft, _Scan, _Word, _word, _words_value
from .units import _read_unit

ROMAN_STARTS = "IVXLCХ"  # «XXI век», with the Cyrillic Х a scraper may leave
_ROMAN = regexes.compile(r"[IVXLCХ]+")  # XXI век, also with Cyrillic Х


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
