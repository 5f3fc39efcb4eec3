"""The seed speech against its hand-made gold annotation (tests/cases/*.gold.json)."""

import json
from pathlib import Path

import pytest

from speechkit import analyze
from speechkit.source import read_seed

GOLD = json.loads((Path(__file__).parent / "cases" / "tokayev-ots-shusha-2024.gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed():
    doc = read_seed()
    return doc.text, analyze(doc.text, name=doc.name)


def test_exactly_the_gold_quotes(seed):
    text, a = seed
    quotes = [s for s in a.segments if s.kind == "quote"]
    assert len(quotes) == len(GOLD["quotes"]) == 7
    for got, want in zip(quotes, GOLD["quotes"]):
        assert got.text.startswith(want["start"]), got.text[:60]
        assert got.text.endswith(want["end"]), got.text[-60:]
        assert got.speaker == want["speaker"]
        assert got.attribution.text == want["attribution"]


def test_gold_themes(seed):
    _, a = seed
    got = [s.theme for s in a.segments if s.kind == "quote"]
    assert got == [q["theme"] for q in GOLD["quotes"]]


def test_quoted_names_are_not_segments(seed):
    _, a = seed
    names = {n.text for n in a.quoted_names}
    assert set(GOLD["quoted_names_not_speech"]) <= names
    seg_texts = {s.text for s in a.segments}
    assert not seg_texts & set(GOLD["quoted_names_not_speech"])


def test_boilerplate_starts_at_gold(seed):
    text, a = seed
    assert a.source.boilerplate_start == text.index(GOLD["boilerplate_starts_at"])
    assert all(s.end <= a.source.boilerplate_start for s in a.segments)


def test_offsets_are_exact(seed):
    text, a = seed
    for s in a.segments:
        assert text[s.start : s.end] == s.text
        if s.attribution:
            assert text[s.attribution.start : s.attribution.end] == s.attribution.text
    for f in a.figures:
        assert text[f.start : f.end] == f.text
    for n in a.quoted_names:
        assert text[n.start : n.end] == n.text


def test_segments_do_not_overlap(seed):
    _, a = seed
    for x, y in zip(a.segments, a.segments[1:]):
        assert x.end <= y.start
