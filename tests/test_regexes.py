"""Patterns compiled from kept code are the patterns ``re.compile`` gives; a bad file only costs time."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from speechkit import cache, regexes

PATTERNS = [
    (r"(?<![\w-])(?:сказал|заявила?|отметил[аи]?)\b", 0),
    (r"(?P<who>[А-ЯЁ][а-яё]+) (?P<verb>сказал)", 0),
    (r"[а-яё]+(?:ов|ев|ин)а?\b", re.IGNORECASE),
    (r"^\s*(?:Корр\.|Ведущ(?:ий|ая))\s*:", re.MULTILINE),
    (r"\d{1,3}(?:[ \u00a0]\d{3})+", 0),
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """The module as a new process finds it, with its cache in a folder of this test."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))

    def restart():
        monkeypatch.setattr(regexes, "_table", None)
        monkeypatch.setattr(regexes, "_age", {})
        monkeypatch.setattr(regexes, "_used", set())
        monkeypatch.setattr(regexes, "_fresh", 0)

    restart()
    return restart


def _compile_all():
    return [regexes.compile(p, f) for p, f in PATTERNS]


def _check_same(compiled):
    for (pattern, flags), got in zip(PATTERNS, compiled):
        want = re.compile(pattern, flags)
        assert got == want  # Pattern equality compares the compiled code
        assert (got.pattern, got.flags, got.groups, dict(got.groupindex)) == \
               (want.pattern, want.flags, want.groups, dict(want.groupindex))
    who = compiled[1].search("Как Иванов сказал вчера")
    assert (who.group("who"), who.span("verb")) == ("Иванов", (11, 17))


def test_kept_code_gives_the_same_patterns(fresh):
    first = _compile_all()
    _check_same(first)
    assert regexes._fresh == len(PATTERNS)
    regexes._save(regexes._path())
    assert regexes._path().is_file()

    fresh()  # a new process: every pattern now comes from the file
    again = _compile_all()
    _check_same(again)
    assert regexes._fresh == 0
    assert {(p, f) for p, f in PATTERNS} <= regexes._used


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_a_damaged_file_is_compiled_afresh(fresh, damage):
    _compile_all()
    path = regexes._path()
    regexes._save(path)
    data = path.read_bytes()
    path.write_bytes({"flip": data[:40] + bytes([data[40] ^ 0xFF]) + data[41:],
                      "truncate": data[: len(data) // 2],
                      "garbage": b"\x00\x01\x02" * 100,
                      "empty": b""}[damage])
    fresh()
    _check_same(_compile_all())
    assert regexes._fresh == len(PATTERNS)  # nothing was taken from the damaged file


def test_code_the_engine_refuses_is_compiled_afresh(fresh):
    _compile_all()
    table = regexes._table
    for key, (flags, code, *rest) in list(table.items()):
        table[key] = (flags, [999_999] * len(code), *rest)  # not SRE code at all
    regexes._save(regexes._path())
    fresh()
    _check_same(_compile_all())


def test_an_entry_no_run_uses_goes_after_max_age_saves(fresh):
    """A pattern an upgrade replaced is not loaded by every start for good."""
    _compile_all()
    regexes._save(regexes._path())
    old = PATTERNS[0]
    for n in range(1, regexes.MAX_AGE + 2):
        fresh()  # a run that uses every pattern but the first, and compiles one new
        for p, f in PATTERNS[1:]:
            regexes.compile(p, f)
        regexes.compile(f"новый{n}", 0)
        assert regexes._fresh == 1
        regexes._save(regexes._path())
        fresh()
        regexes._load()
        assert (old in regexes._table) == (n <= regexes.MAX_AGE)
        assert all(key in regexes._table for key in PATTERNS[1:])
        assert regexes._age[PATTERNS[1]] == 0 and regexes._age.get(old, n) == n


def test_nothing_kept_when_the_cache_is_off(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, "off")
    _check_same(_compile_all())
    assert regexes._path() is None
    assert not (tmp_path / "c").exists()


def test_every_pattern_has_the_same_text_in_every_process():
    """A pattern joined from a set in hash order would be a new entry in every run, and the file would grow."""
    script = ("import speechkit, speechkit.regexes as r; speechkit.analyze('Он сказал: «Да». — Нет, — ответила она.');"
              "print(sorted(repr(k) for k in r._used))")
    runs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SPEECHKIT_CACHE_DIR="off")
        runs.append(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                                   check=True).stdout)
    assert runs[0] == runs[1]
