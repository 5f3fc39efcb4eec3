"""The kept readings of frequent forms are the readings pymorphy3 gives; a bad table only costs time."""

from __future__ import annotations

import json
import re

import pytest

from speechkit import cache, frequent_forms, morph


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """The module as a new process finds it, with its cache in a folder of this test."""
    monkeypatch.setenv(cache.ENV, str(tmp_path / "c"))
    frequent_forms.clear()
    yield tmp_path / "c"
    frequent_forms.clear()


def test_the_list_is_lower_case_cyrillic_forms_each_once():
    forms = frequent_forms.forms()
    assert len(forms) == 6000
    assert len(set(forms)) == len(forms)
    assert all(re.fullmatch(r"[а-яё]+(?:-[а-яё]+)*", f) for f in forms)
    assert forms[:3] == ["в", "и", "на"]  # most frequent first


def test_every_kept_form_reads_as_pymorphy3_reads_it(fresh):
    fixed = morph.overrides()
    kept = 0
    for form in frequent_forms.forms():
        got = frequent_forms.readings(form)
        if form in fixed:
            assert got is None  # entry() reads these before any parse
            continue
        assert got == morph.parsed_readings(form), form
        kept += 1
    assert kept > 5900
    assert list(fresh.glob("forms-*.json"))  # the table was kept


def test_a_second_process_reads_the_kept_table(fresh, monkeypatch):
    assert frequent_forms.readings("лучших") == morph.parsed_readings("лучших")
    frequent_forms.clear()
    monkeypatch.setattr(frequent_forms, "_build", lambda: pytest.fail("built again"))
    got = frequent_forms.readings("лучших")
    assert got == morph.parsed_readings("лучших")
    assert got[0].lemma == "лучший"  # «2ий»: two letters dropped, two added


def test_an_unlisted_form_has_none(fresh):
    assert frequent_forms.readings("грузоперевозок") is None
    assert morph.entry("грузоперевозок").lemma == "грузоперевозка"


def test_no_table_while_the_cache_is_off(monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    frequent_forms.clear()
    monkeypatch.setattr(frequent_forms, "_build", lambda: pytest.fail("built with nowhere to keep it"))
    try:
        assert frequent_forms.readings("в") is None
    finally:
        frequent_forms.clear()


@pytest.mark.parametrize("code", [
    "", "x", "0,0,1", "а0,0,1,0.5", "0,99999,1,0.5", "0,-99999,1,0.5", "0,0,1,nan", "0,0,1,2.5", "0,0,1,x",
    "99,0,1,0.5", "0,0,1,0.5;", None, 7, ["0,0,1,0.5"],
])
def test_a_damaged_code_is_parsed_afresh(fresh, code):
    frequent_forms.readings("в")  # the table loaded
    tags, codes = frequent_forms._table
    codes["года"] = code
    assert frequent_forms.readings("года") is None
    morph.entry.cache_clear()
    try:
        assert morph.entry("года").lemma == "год"  # parsed instead
        assert set(morph.entry("года").readings) == set(morph.parsed_readings("года"))
    finally:
        morph.entry.cache_clear()


def test_a_damaged_tag_is_parsed_afresh(fresh):
    frequent_forms.readings("в")
    tags, codes = frequent_forms._table
    frequent_forms._tags.clear()
    tag = int(codes["года"].split(";")[0].split(",")[1])
    tags[tag] = "NOUN|gent"
    assert frequent_forms.readings("года") is None


@pytest.mark.parametrize("value", [[], {"tags": {}, "forms": {}}, {"tags": [1], "forms": {}}, {"tags": [], "forms": []}])
def test_a_table_of_the_wrong_shape_is_built_again(fresh, value):
    frequent_forms.readings("в")
    [path] = fresh.glob("forms-*.json")
    head = path.read_bytes().split(b"\n", 1)[0]
    body = json.dumps(value).encode()
    header = json.loads(head)
    header.update(crc=__import__("zlib").crc32(body), size=len(body))
    path.write_bytes(json.dumps(header, ensure_ascii=False).encode() + b"\n" + body)
    frequent_forms.clear()
    assert frequent_forms.readings("года") == morph.parsed_readings("года")
