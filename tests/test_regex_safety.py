"""No regular expression of speechkit backtracks without bound.

Every pattern the package compiles — module constants, patterns built from the data files, patterns
written inline in functions (collected from ``re``'s own cache and from ``speechkit.regexes`` after a
run of the pipeline) — is run against strings made from its own character classes: runs of one
class, runs of two classes alternating, each ended by a character that makes the match fail. A pattern with a nested quantifier
over an ambiguous class (``(?:\\s*[а-я]+)*`` reads «предоставлено» in 2^n ways) does not finish on
these strings; a sound one finishes in milliseconds. The alarm is a bound orders of magnitude above
that, not a measurement.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import signal
from re import _constants as C
from re import _parser

import pytest

import speechkit
from speechkit import regexes
from conftest import SEED, SPEECH

LIMIT_SECONDS = 60  # for all the strings of one pattern; a sound pattern needs milliseconds
RUN = 40  # characters of one class in a row: 2^40 steps never end, 40 steps are nothing


def _walk(obj, found: dict, depth: int = 0) -> None:
    if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
        found.setdefault((obj.pattern, obj.flags), obj)
        return
    if depth > 3:
        return
    if isinstance(obj, (list, tuple, set, frozenset)):
        for x in obj:
            _walk(x, found, depth + 1)
    elif isinstance(obj, dict):
        for x in obj.values():
            _walk(x, found, depth + 1)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _walk(getattr(obj, f.name), found, depth + 1)


def all_patterns() -> list[re.Pattern]:
    """Every pattern speechkit uses: module constants, data-file patterns, and inline ones."""
    from speechkit import analyze
    from speechkit.boilerplate import _cue_pattern
    from speechkit.figures import lexicon
    from speechkit.turns import role_label

    modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(speechkit.__path__, "speechkit.")
               if not m.name.endswith("__main__")]
    found: dict = {}
    for text in (SEED.read_text("utf-8"), SPEECH, "В.Путин: Добрый день.\nВопрос: Как дела?\nВ.Путин: Хорошо.\n"):
        analyze(text)
    for pattern in list(re._cache.values()):  # inline patterns compiled during the run
        _walk(pattern, found)
    for pattern, flags in list(regexes._used):  # compiled through speechkit.regexes, maybe from kept code
        _walk(re.compile(pattern, flags), found)
    for module in modules:
        for value in vars(module).values():
            _walk(value, found)
    _walk(lexicon(), found)
    for kind in ("trailing", "inline", "caption"):
        _walk(_cue_pattern(kind), found)
    _walk(role_label(), found)
    return sorted(found.values(), key=lambda p: p.pattern)


_CATEGORY_SAMPLES = {
    C.CATEGORY_DIGIT: "5", C.CATEGORY_NOT_DIGIT: "ж", C.CATEGORY_SPACE: " ", C.CATEGORY_NOT_SPACE: "ж",
    C.CATEGORY_WORD: "ж", C.CATEGORY_NOT_WORD: ",", C.CATEGORY_LINEBREAK: "\n", C.CATEGORY_NOT_LINEBREAK: "ж",
}


def _samples(tree, out: set[str]) -> None:
    """One or two characters of every class and literal the pattern names."""
    for op, av in tree:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    out.add(chr(iav))
                elif iop is C.RANGE:
                    out.update((chr(iav[0]), chr((iav[0] + iav[1]) // 2)))
                elif iop is C.CATEGORY:
                    out.add(_CATEGORY_SAMPLES.get(iav, "ж"))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            _samples(av[2], out)
        elif op is C.SUBPATTERN:
            _samples(av[3], out)
        elif op is C.ATOMIC_GROUP:
            _samples(av, out)
        elif op is C.BRANCH:
            for branch in av[1]:
                _samples(branch, out)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _samples(av[1], out)


def adversarial(pattern: re.Pattern) -> list[str]:
    """Runs of the pattern's own characters, alone and in pairs, each ended by a failing character."""
    chars: set[str] = {" ", "ж", "Ж", "5", "-"}
    _samples(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE), chars)
    chars = sorted(chars)[:24]
    out = []
    for a in chars:
        for end in ("\x00", "!"):
            out.append(a * RUN + end)
            for b in chars:
                out.append((a * 3 + b) * (RUN // 4) + end)
    return out


PATTERNS = all_patterns()


def test_the_collection_holds_the_patterns_of_every_stage():
    sources = {p.pattern for p in PATTERNS}
    from speechkit import boilerplate, quotes, turns

    assert boilerplate._CREDIT.pattern in sources and quotes._INSIDE.pattern in sources
    assert turns.LABEL.pattern in sources
    assert len(PATTERNS) > 60


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:60])
def test_pattern_finishes_on_adversarial_strings(pattern):
    strings = adversarial(pattern)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_SECONDS)
    try:
        for s in strings:
            for _ in pattern.finditer(s):
                pass
    except _TooSlow:
        pytest.fail(f"{pattern.pattern!r} backtracks without bound on strings like {s[:12]!r}…")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_the_old_caption_pattern_is_caught():
    """The check itself must fail on the pattern that hung every command."""
    bad = re.compile(r"(?:\s*[а-яё-]+)*?\s*[A-ZА-ЯЁ][\w-]*?(?=[А-ЯЁ\d\s.,]|$)")
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(2)
    try:
        with pytest.raises(_TooSlow):
            for s in adversarial(bad):
                bad.match(s)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_a_photo_caption_is_cut_without_hanging():
    from speechkit import analyze

    text = "Президент выступил на саммите.\nФото предоставлено организаторами мероприятия" + " и гостями" * 20 + ".\n"
    a = analyze(text)
    assert a.segments[0].text == "Президент выступил на саммите."
    text = "Президент выступил.\nФото предоставлено организаторами АкордыТокаев прибыл в Астану.\n"
    assert [b.text for b in analyze(text).source.boilerplate] == ["Фото предоставлено организаторами Акорды"]


def test_data_file_phrases_are_literal(tmp_path, monkeypatch):
    """A user's cue or temperature tail with regex syntax is text to find, not a pattern to run."""
    from speechkit import boilerplate, figures
    from speechkit.datafiles import read_text

    (tmp_path / "boilerplate.txt").write_text(
        read_text("boilerplate.txt").replace("[caption]\n", "[caption]\n(а+)+б\n"), encoding="utf-8")
    (tmp_path / "numbers.toml").write_text(
        read_text("numbers.toml").replace('"мороза" = -1', '"мороза" = -1\n"(а+)+б" = 1'), encoding="utf-8")
    monkeypatch.setenv("SPEECHKIT_DATA_DIR", str(tmp_path))
    for cached in (boilerplate.load_cues, boilerplate._cue_pattern, figures.lexicon):
        cached.cache_clear()
    try:
        tail = next(p for p, _ in figures.lexicon().temperature_tails if "б" in p.pattern)
        assert tail.search(" " + "а" * 5000 + "!") is None
        assert tail.search(" (а+)+б") is not None
        assert boilerplate._cue_pattern("caption").search("а" * 5000 + "!") is None
    finally:
        monkeypatch.delenv("SPEECHKIT_DATA_DIR")
        for cached in (boilerplate.load_cues, boilerplate._cue_pattern, figures.lexicon):
            cached.cache_clear()
