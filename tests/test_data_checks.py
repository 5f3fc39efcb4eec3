"""Broken configuration is exit 5 naming the file and the line; the derived-table cache never misleads.

Every data file a user can replace through ``--data-dir`` is checked as it is loaded, and a
lexicon given with ``--lexicon`` the same way: the rows below are the mistakes a person makes
editing one (and a few a fuzzer makes), each with what the one line on stderr must say.
"""

from __future__ import annotations

import doctest
import json
import os
import signal
import threading
from pathlib import Path

import pytest

from conftest import SPEECH

from speechkit import boilerplate, cache, datacheck, figures, keywords, morph, themes, wordlists
from speechkit.datafiles import read_text

CACHED_LOADERS = (boilerplate.load_cues, boilerplate._cue_pattern, figures.lexicon, keywords.reference,
                  keywords.reference_floor, morph.overrides, themes.load_lexicon, wordlists.load_sections)


@pytest.fixture
def fresh_loaders():
    """Every loader reads its data file again, before the test and after it."""
    for f in CACHED_LOADERS:
        f.cache_clear()
    yield
    for f in CACHED_LOADERS:
        f.cache_clear()


def one_error_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("speechkit: error: "), result.stderr
    return lines[0]


# ---------------------------------------------------------------- lexicons
LEXICONS = [
    # (what, the TOML, what the error says, the line it names)
    ("empty phrase key", '[themes.p]\nlabel = "П"\n[themes.p.lemmas]\n"порт" = 3\n[themes.p.phrases]\n"" = 2\n',
     "[themes.p.phrases] has an empty key ''", 6),
    ("blank phrase key", '[themes.p.lemmas]\n"порт" = 3\n[themes.p.phrases]\n"  " = 2\n',
     "[themes.p.phrases] has an empty key '  '", 4),
    ("empty lemma key", '[themes.p.lemmas]\n"порт" = 3\n"" = 1\n', "[themes.p.lemmas] has an empty key ''", 3),
    ("weight not a number", '[themes.p.lemmas]\n"порт" = "три"\n', "weight of 'порт' must be a number", 2),
    ("50,000-deep array", '[themes.p.lemmas]\n"порт" = 3\n"судно" = ' + "[" * 50_000 + "]" * 50_000 + "\n",
     "nested more than 100 deep", 3),
    ("50,000-deep inline table", "x = " + "{a = " * 50_000 + "1" + "}" * 50_000 + "\n", "nested more than 100 deep", 1),
]


@pytest.mark.parametrize("what, toml, says, line", LEXICONS, ids=[x[0] for x in LEXICONS])
def test_a_broken_lexicon_is_exit_5_with_file_and_line(cli, tmp_path, speech_file, what, toml, says, line):
    lex = tmp_path / "lex.toml"
    lex.write_text(toml, encoding="utf-8")
    result = cli("themes", speech_file, "--lexicon", lex)
    assert result.exit_code == 5, result.output  # were exit 1: IndexError, RecursionError
    message = one_error_line(result)
    assert f"{lex}: line {line}: " in message and says in message


def test_deepest_line_ignores_brackets_in_strings_and_comments():
    raw = '# [[[[[[\na = "[[[[[["\nb = \'[[[[\'\nc = """\n[[[[[[\n"""\nd = [[[1]]]\n'
    assert datacheck.deepest_line(raw, limit=2) == 7
    assert datacheck.deepest_line(raw, limit=3) is None


# ---------------------------------------------------------------- --data-dir files
def _replace(name: str, old: str, new: str) -> str:
    text = read_text(name)
    assert old in text, (name, old)
    return text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle) + (needle[0] == "\n")].count("\n") + 1


DATA_FILES = [
    # (what, file, its broken text, what the error says, the line it names or None, the command)
    ("reference: a word for a number", "reference_freq.tsv",
     lambda: read_text("reference_freq.tsv") + "порт\tмного\n", "the frequency must be a number", -1, "keywords"),
    ("reference: NaN", "reference_freq.tsv",
     lambda: read_text("reference_freq.tsv") + "порт\tnan\n", "not 'nan'", -1, "keywords"),
    ("reference: infinity", "reference_freq.tsv",
     lambda: read_text("reference_freq.tsv") + "порт\tinf\n", "not 'inf'", -1, "keywords"),
    ("reference: one column", "reference_freq.tsv",
     lambda: read_text("reference_freq.tsv") + "порт\n", "expected 2 tab-separated fields", -1, "keywords"),
    ("overrides: two columns", "lemma_overrides.tsv",
     lambda: read_text("lemma_overrides.tsv") + "млрд\tмиллиард\n", "expected 3 tab-separated fields", -1, "tokens"),
    ("overrides: an empty lemma", "lemma_overrides.tsv",
     lambda: read_text("lemma_overrides.tsv") + "млрд\t\tNOUN\n", "expected 3 tab-separated fields", -1, "tokens"),
    ("numbers: a table missing", "numbers.toml",
     lambda: _replace("numbers.toml", "[months]", "[monthz]"), "the [months] table is missing", None, "numbers"),
    ("numbers: a word for a value", "numbers.toml",
     lambda: _replace("numbers.toml", '"миллион" = 1000000', '"миллион" = "много"'),
     "[scales] 'миллион' must be a number", '"миллион" = "много"', "numbers"),
    ("numbers: an empty key", "numbers.toml",
     lambda: _replace("numbers.toml", '"миллион" = 1000000', '"" = 1000000'), "[scales] has an empty key ''",
     '"" = 1000000', "numbers"),
    ("numbers: a list of numbers", "numbers.toml",
     lambda: _replace("numbers.toml", 'times_of_day = ["утра"', 'times_of_day = [1, "утра"'),
     "[exclusions] 'times_of_day' must be a list of strings", 'times_of_day = [1', "numbers"),
    ("numbers: not TOML", "numbers.toml", lambda: read_text("numbers.toml") + "\n[scales\n", "not valid TOML", None,
     "numbers"),
    ("boilerplate: no sections", "boilerplate.txt",
     lambda: "\n".join(line for line in read_text("boilerplate.txt").splitlines() if not line.startswith("[")),
     "stands before any section", "Продолжая тему", "themes"),
    ("boilerplate: a section missing", "boilerplate.txt",
     lambda: _replace("boilerplate.txt", "\n[caption]\n", "\n[captions]\n"), "unknown section [captions]",
     "\n[captions]", "themes"),
    ("boilerplate: [caption] gone", "boilerplate.txt",
     lambda: read_text("boilerplate.txt").split("\n[caption]\n")[0], "no [caption] section", None, "themes"),
]


@pytest.mark.parametrize("what, name, make, says, line, command", DATA_FILES, ids=[d[0] for d in DATA_FILES])
def test_a_broken_data_file_is_exit_5_with_file_and_line(cli, tmp_path, fresh_loaders, what, name, make, says,
                                                         line, command):
    data = tmp_path / "data"
    data.mkdir()
    text = make()
    (data / name).write_text(text, encoding="utf-8")
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    extra = ["--rank", "keyness"] if command == "keywords" else []
    result = cli("--data-dir", data, command, speech, "--json", *extra)
    assert result.exit_code == 5, result.output  # were exit 1 (ValueError, KeyError) or exit 0 with NaN
    message = one_error_line(result)
    assert f"{data / name}: " in message and says in message
    if line == -1:  # the last line
        line = len(text.splitlines())
    elif isinstance(line, str):
        line = _line_of(text, line)
    if line is not None:
        assert f"{data / name}: line {line}: " in message


def test_an_empty_cue_section_finds_no_cue(tmp_path, monkeypatch, fresh_loaders):
    """[caption] with no cues: no caption anywhere (an empty alternation matched at every position)."""
    (tmp_path / "boilerplate.txt").write_text(read_text("boilerplate.txt").split("\n[caption]\n")[0]
                                              + "\n[caption]\n", encoding="utf-8")
    monkeypatch.setenv("SPEECHKIT_DATA_DIR", str(tmp_path))
    assert boilerplate.find_cues("Президент выступил. Фото: ТАСС") == []
    assert boilerplate._cue_pattern("caption").search("любой текст") is None


def test_the_packaged_data_passes_its_own_checks(fresh_loaders):
    raw = read_text("numbers.toml")
    datacheck.check_schema(datacheck.load_toml(raw, "numbers.toml"), datacheck.NUMBERS_SCHEMA, raw, "numbers.toml")
    assert len(keywords.reference()) > 40_000 and morph.overrides()["млн"] == ("миллион", "NOUN")
    assert set(boilerplate.load_cues()) == set(boilerplate.CUE_SECTIONS)


def test_doctests_of_the_checks():
    from speechkit import corpus, formats, pipeline, source

    for module in (datacheck, source, formats, corpus, pipeline):
        assert doctest.testmod(module).failed == 0, module.__name__


# ---------------------------------------------------------------- the derived-table cache
@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))
    figures.lexicon.cache_clear()
    yield tmp_path / "c"
    figures.lexicon.cache_clear()


def _numbers_entry(folder: Path) -> Path:
    figures.lexicon.cache_clear()
    figures.lexicon()  # writes the entry
    figures.lexicon.cache_clear()
    (entry,) = folder.glob("numbers-*.json")
    return entry


def _rewrite_value(entry: Path, change) -> None:
    """Keep the entry's key and checksum lines as they are, change its value."""
    head, body = entry.read_bytes().split(b"\n", 1)
    value = change(json.loads(body))
    entry.write_bytes(head + b"\n" + json.dumps(value, ensure_ascii=False).encode())


def _rewrite_value_and_checksum(entry: Path, change) -> None:
    import zlib

    head, body = entry.read_bytes().split(b"\n", 1)
    body = json.dumps(change(json.loads(body)), ensure_ascii=False).encode()
    header = {**json.loads(head), "crc": zlib.crc32(body), "size": len(body)}
    entry.write_bytes(json.dumps(header, ensure_ascii=False).encode() + b"\n" + body)


def _forget_forms(value):
    value["forms"].pop("миллион")
    return value


WRONG_VALUES = [
    # (what, how the entry is damaged): the right key, a wrong value
    ("a value edited by hand", lambda e: _rewrite_value(e, _forget_forms)),
    ("a value of another shape, checksum and all", lambda e: _rewrite_value_and_checksum(e, lambda v: {"forms": 1})),
    ("forms missing, checksum and all", lambda e: _rewrite_value_and_checksum(e, _forget_forms)),
    ("half a file", lambda e: e.write_bytes(e.read_bytes()[: len(e.read_bytes()) // 2])),
    ("JSON nested 50,000 deep", lambda e: e.write_bytes(e.read_bytes().split(b"\n")[0] + b"\n" + b"[" * 50_000)),
]


@pytest.mark.parametrize("what, damage", WRONG_VALUES, ids=[w[0] for w in WRONG_VALUES])
def test_a_wrong_cached_table_is_computed_again(cli, folder, speech_file, what, damage):
    entry = _numbers_entry(folder)
    damage(entry)
    figures.lexicon.cache_clear()
    result = cli("numbers", speech_file, "--json")
    assert result.exit_code == 0, result.output  # was exit 1 (KeyError) or exit 5 blaming numbers.toml
    assert [f["value"] for f in json.loads(result.stdout)["figures"]] == [65, 3000]
    figures.lexicon.cache_clear()
    assert "миллион" in figures.lexicon().words  # and the entry was written again, whole
    assert cache._read_entry(entry, json.loads(entry.read_bytes().split(b"\n")[0])["key"]) is not None


class _Hung(Exception):
    pass


def _alarm(signum, frame):
    raise _Hung


@pytest.mark.parametrize("what", ["a FIFO", "a link to /dev/zero", "a link to a FIFO", "a folder", "too big"])
def test_an_entry_that_is_not_a_small_regular_file_is_passed_by(folder, what):
    entry = _numbers_entry(folder)
    entry.unlink()
    if what == "a FIFO":
        os.mkfifo(entry)
    elif what == "a link to /dev/zero":
        entry.symlink_to("/dev/zero")
    elif what == "a link to a FIFO":
        os.mkfifo(folder / "fifo")
        entry.symlink_to(folder / "fifo")
    elif what == "a folder":
        entry.mkdir()
    else:
        entry.write_bytes(b" " * (cache.MAX_ENTRY + 1))
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)  # opening a FIFO without a writer blocks for ever; /dev/zero never ends
    try:
        figures.lexicon.cache_clear()
        assert "миллион" in figures.lexicon().words
    except _Hung:
        pytest.fail(f"{what} in place of a cache entry hung the load")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    if what != "a folder":  # a folder cannot be replaced by a file: the table is only computed
        assert entry.is_file() and not entry.is_symlink()


def test_a_cache_entry_is_read_in_one_go_with_no_reader_waiting(folder):
    """A FIFO with a writer that never closes: still no wait (the entry is not a regular file)."""
    entry = _numbers_entry(folder)
    entry.unlink()
    os.mkfifo(entry)
    done = threading.Event()

    def writer():
        try:
            with open(entry, "wb") as fh:  # blocks until someone opens it for reading
                done.wait(30)
                fh.write(b"x")
        except BrokenPipeError:
            pass  # the reader looked and went: as it should

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    try:
        assert cache._read_entry(entry, "any key") is None
    finally:
        done.set()


@pytest.mark.parametrize("lexicon, says", [("/dev/zero", "/dev/zero: lexicon: not a regular file"),
                                           ("big", "lexicon: more than 1 KB, the most read from one input")])
def test_a_lexicon_is_read_no_further_than_max_bytes(cli, tmp_path, speech_file, lexicon, says):
    """--lexicon /dev/zero ran out of memory (exit 1, after eating it all)."""
    if lexicon == "big":
        lexicon = tmp_path / "big.toml"
        lexicon.write_text('[themes.p.lemmas]\n' + '"порт" = 1\n' * 300, encoding="utf-8")
    result = cli("--max-bytes", "1K", "themes", speech_file, "--lexicon", lexicon) if lexicon != "/dev/zero" \
        else cli("themes", speech_file, "--lexicon", lexicon)
    assert result.exit_code == 5, result.output
    assert says in one_error_line(result)
