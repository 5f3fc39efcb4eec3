"""The on-disk memo of derived tables: same result with or without it, never an error of its own."""

from __future__ import annotations

import json
import zlib

import pytest

from speechkit import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))
    return tmp_path / "c"


def test_second_call_reads_what_the_first_computed(folder):
    calls = []

    def compute():
        calls.append(1)
        return {"forms": ["два", "двух"], "n": 2}

    assert cache.memo("t", "key", compute) == {"forms": ["два", "двух"], "n": 2}
    assert cache.memo("t", "key", compute) == {"forms": ["два", "двух"], "n": 2}
    assert len(calls) == 1
    assert len(list(folder.glob("t-*.json"))) == 1


def test_another_key_is_another_entry(folder):
    assert cache.memo("t", "a", lambda: 1) == 1
    assert cache.memo("t", "b", lambda: 2) == 2
    assert len(list(folder.glob("t-*.json"))) == 2


def test_a_corrupt_entry_is_computed_again(folder):
    cache.memo("t", "k", lambda: [1])
    (entry,) = folder.glob("t-*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert cache.memo("t", "k", lambda: [2]) == [2]
    assert cache.memo("t", "k", lambda: [3]) == [2]  # the entry was written again


def test_an_unwritable_place_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.ENV, str(blocker / "sub"))  # a folder inside a file cannot be made
    assert cache.memo("t", "k", lambda: {"a": 1}) == {"a": 1}


def test_off_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    calls = []
    cache.memo("t", "k", lambda: calls.append(1))
    cache.memo("t", "k", lambda: calls.append(1))
    assert len(calls) == 2


def test_toml_through_the_cache_is_the_toml(folder):
    text = 'a = 1\nb = 1.5\n[t.x]\nwords = ["порт", "судно"]\nflag = true\n'
    first = cache.parse_toml(text)
    second = cache.parse_toml(text)  # from the JSON entry
    assert first == second == {"a": 1, "b": 1.5, "t": {"x": {"words": ["порт", "судно"], "flag": True}}}
    assert isinstance(second["a"], int) and isinstance(second["b"], float)


def test_broken_toml_raises_and_is_not_kept(folder):
    with pytest.raises(ValueError):
        cache.parse_toml("a = [unclosed")
    assert not list(folder.glob("toml-*.json"))


def test_numbers_lexicon_is_the_same_from_the_cache(folder, monkeypatch):
    from speechkit.figures import lexicon

    def fresh():
        lexicon.cache_clear()
        try:
            return lexicon()
        finally:
            lexicon.cache_clear()

    monkeypatch.setenv(cache.ENV, "off")
    computed = fresh()
    monkeypatch.setenv(cache.ENV, str(folder))
    fresh()  # writes the entry
    assert list(folder.glob("numbers-*.json"))
    cached = fresh()  # reads it
    assert cached.words == computed.words and len(computed.words) > 500
    assert cached.homographs == computed.homographs and "семью" in computed.homographs
    assert cached.month_genitives == computed.month_genitives and computed.month_genitives["марта"] == 3
    assert cached.scale_singulars == computed.scale_singulars


def test_the_numbers_table_is_keyed_by_the_code_of_every_figures_module(monkeypatch):
    """An edit to any module of the figures package derives the table again, as one to figures.py did."""
    from pathlib import Path

    from speechkit.figures import numbers_toml

    stamped: list[str] = []
    monkeypatch.setattr(numbers_toml, "code_stamp", lambda *files: stamped.extend(files) or "STAMP")
    assert numbers_toml._cache_key("SOURCE").split("\n")[1:] == ["STAMP", "SOURCE"]
    package = Path(numbers_toml.__file__).parent
    assert sorted(Path(f).name for f in stamped) == sorted(p.name for p in package.glob("*.py"))
    assert {"numbers_toml.py", "__init__.py", "words.py"} <= {Path(f).name for f in stamped}


def test_an_entry_for_another_key_under_the_same_name_is_not_used(folder):
    cache.memo("t", "k", lambda: "right")
    (entry,) = folder.glob("t-*.json")
    entry.write_text(json.dumps({"key": "other", "value": "wrong"}), encoding="utf-8")  # a checksum clash
    assert cache.memo("t", "k", lambda: "right") == "right"


@pytest.fixture
def fresh_people():
    """people.tsv and its table read again, before the test and after it."""
    from speechkit import people, wordlists

    for f in (people._people_table, wordlists.load_table):
        f.cache_clear()
    yield people._people_table
    for f in (people._people_table, wordlists.load_table):
        f.cache_clear()


def _fresh(table):
    table.cache_clear()
    return table()


def test_the_people_table_is_the_same_from_the_cache(folder, monkeypatch, fresh_people):
    monkeypatch.setenv(cache.ENV, "off")
    computed = _fresh(fresh_people)
    monkeypatch.setenv(cache.ENV, str(folder))
    _fresh(fresh_people)  # writes the entry
    assert len(list(folder.glob("people-*.json"))) == 1
    cached = _fresh(fresh_people)  # reads it
    assert cached == computed and len(computed) > 250
    # «Токаев» and «Путин» by their surname keys, as a text's «Токаева», «Путину» finds them
    assert cached["токаев"][0] == "Касым-Жомарт Токаев" and cached["путин"][0] == "Владимир Путин"


def test_a_changed_people_tsv_gets_its_own_table(folder, tmp_path, monkeypatch, fresh_people):
    from speechkit.datafiles import read_text

    _fresh(fresh_people)
    data = tmp_path / "data"
    data.mkdir()
    (data / "people.tsv").write_text(read_text("people.tsv") + "Зинаида Пятакова\tfemn\tминистр туризма\n",
                                     encoding="utf-8")
    monkeypatch.setenv("SPEECHKIT_DATA_DIR", str(data))
    from speechkit import wordlists

    wordlists.load_table.cache_clear()
    table = _fresh(fresh_people)
    assert table["пятаков"] == ("Зинаида Пятакова", "femn", ("министр туризма",))
    assert len(list(folder.glob("people-*.json"))) == 2  # the packaged file's entry stays for it


def test_a_damaged_people_entry_is_computed_again(folder, monkeypatch, fresh_people):
    monkeypatch.setenv(cache.ENV, "off")
    computed = _fresh(fresh_people)
    monkeypatch.setenv(cache.ENV, str(folder))
    _fresh(fresh_people)
    (entry,) = folder.glob("people-*.json")
    key = json.loads(entry.read_bytes().partition(b"\n")[0])["key"]
    for wrong in (["токаев"], {"a": 1}, [1] * len(computed), "токаев"):  # sound JSON, wrong shape
        body = json.dumps(wrong, ensure_ascii=False).encode("utf-8")
        header = json.dumps({"key": key, "crc": zlib.crc32(body), "size": len(body)}, ensure_ascii=False)
        entry.write_bytes(header.encode("utf-8") + b"\n" + body)
        assert _fresh(fresh_people) == computed
        assert _fresh(fresh_people) == computed  # and the entry was written again, whole
        assert len(json.loads(entry.read_bytes().partition(b"\n")[2])) > 250
    entry.write_bytes(entry.read_bytes()[:-40])  # cut short
    assert _fresh(fresh_people) == computed
