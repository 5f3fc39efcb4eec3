"""Concordance by lemma: hits marked up with [брекеты] in the Russian text, grouped by phenomenon."""

import json
import re
from pathlib import Path

import pytest

from speechkit.commands.kwic_cmd import run_kwic
from speechkit.errors import UsageError
from speechkit.kwic import find_hits, parse_query, stem
from speechkit.pipeline import Options, analyze
from speechkit.source import read_seed

FAST = Options(keywords=False, summary=False)
SEED = str(Path(__file__).resolve().parents[1] / "seeds" / "tokayev-ots-shusha-2024.txt")

# (marked text, query, related)
CASES = [
    # every form of the lemma
    ("Суда идут по [Каспию]. Уровень [Каспия] падает, а [Каспий] мелеет.", "каспий", False),
    # the query itself may be any form
    ("Суда идут по [Каспию]. Уровень [Каспия] падает.", "Каспием", False),
    # another lemma is another word, without --related
    ("Уровень [Каспия] падает. Каспийское море и Транскаспийский маршрут.", "каспий", False),
    # --related: lemmas containing the stem «каспи-» (five letters: anywhere in the word)
    ("Уровень [Каспия] падает. [Каспийское] море и [Транскаспийский] маршрут.", "каспий", True),
    # a short stem only at the start: порт → портовый, not транспорт
    ("[Порт] растёт, [портовые] краны новые, транспорт ходит.", "порт", True),
    # a multi-word query matches consecutive lemmas, across a line break too
    ("[Искусственный интеллект] и [искусственного\nинтеллекта] хватит. Интеллект искусственный — нет.",
     "искусственный интеллект", False),
    # punctuation between the words breaks the phrase
    ("Он искусственный. Интеллект тут ни при чём.", "искусственный интеллект", False),
    # ё and е are one letter
    ("[Объём] вырос, [объема] хватит.", "объем", False),
]


def unmark(marked: str) -> tuple[str, list[str]]:
    return marked.replace("[", "").replace("]", ""), re.findall(r"\[(.*?)\]", marked, flags=re.S)


@pytest.mark.parametrize("marked, query, related", CASES)
def test_hits(marked, query, related):
    text, want = unmark(marked)
    hits = find_hits(analyze(text, FAST), query, related=related)
    assert [h.text for h in hits] == want
    for h in hits:
        assert text[h.start : h.end] == h.text


@pytest.mark.parametrize("lemma, want", [("каспий", "каспи"), ("вода", "вод"), ("климат", "климат"),
                                         ("связь", "связ"), ("ёлка", "елк")])
def test_stem(lemma, want):
    assert stem(lemma) == want


def test_a_stem_too_short_takes_only_the_lemma():
    # «ум» → «ум»: умный, умение would be noise
    (word,) = parse_query("ум", related=True)
    assert word.stem is None


def test_query_without_words():
    with pytest.raises(UsageError, match="no words"):
        parse_query(" — !!! ")


@pytest.fixture(scope="module")
def seed():
    doc = read_seed()
    return doc.text, analyze(doc.text, FAST, name=doc.name)


def test_seed_hits_carry_theme_and_speaker(seed):
    text, a = seed
    (hit,) = find_hits(a, "Каспий")
    assert hit.text == "Каспия" and text[hit.start : hit.end] == "Каспия"
    assert hit.theme == "caspian_aral"
    assert hit.speaker == "Касым-Жомарт Токаев"
    assert a.segments[hit.segment].start <= hit.start < a.segments[hit.segment].end


def test_seed_related(seed):
    _, a = seed
    hits = find_hits(a, "каспий", related=True)
    assert sorted({h.text for h in hits}) == ["Каспийского", "Каспия", "Транскаспийского"]
    assert len(hits) == 6


def test_seed_phrase(seed):
    _, a = seed
    hits = find_hits(a, "искусственный интеллект")
    assert [h.text for h in hits] == ["искусственный интеллект", "искусственного интеллекта",
                                      "искусственного интеллекта"]
    assert [h.theme for h in hits][:2] == ["ai", "ai"]


def test_boilerplate_is_not_searched(seed):
    text, a = seed
    tail = a.source.boilerplate_start
    assert tail is not None and "Казахстан" in text[tail:]  # the page tail mentions it many times
    hits = find_hits(a, "Казахстан")
    assert len(hits) == 10
    assert all(h.end <= tail for h in hits)
    assert all(len(h.right) == 0 or h.end + 1 <= tail for h in hits)


@pytest.mark.parametrize("width", [0, 5, 40])
def test_width(seed, width):
    _, a = seed
    for h in find_hits(a, "климат", width=width):
        assert len(h.left) <= width and len(h.right) <= width
        assert "\n" not in h.left + h.right


def test_context_is_the_text_around(seed):
    text, a = seed
    (hit,) = find_hits(a, "Каспий", width=10)
    assert hit.left == " спасение "
    assert hit.right == ". Пришло в"


def test_json_output(capsys):
    run_kwic([SEED], "каспий", related=True, as_json=True, width=12)
    out = json.loads(capsys.readouterr().out)
    text = read_seed().text
    assert len(out["hits"]) == 6
    for h in out["hits"]:
        assert {"start", "end", "text", "left", "right", "segment", "theme", "speaker"} <= set(h)
        assert text[h["start"] : h["end"]] == h["text"]


def test_table_aligns_the_keyword(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    run_kwic([SEED], "климат", width=20)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "3 hits for климат"
    rows = lines[1:]
    assert len(rows) == 3
    # the keyword starts in the same column on every line, lines are not cut at 80
    assert {row.index("климат") for row in rows} == {21}
    assert all(row.rstrip().endswith(("—", "Токаев")) for row in rows)


def test_folder_of_documents(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Порт Актау растёт. Порт принимает суда.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("В порту Курык новый терминал.", encoding="utf-8")
    run_kwic([str(tmp_path)], "порт", as_json=True)
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [(h["doc"].rsplit("/", 1)[-1], h["text"]) for h in hits] == [("a.txt", "Порт"), ("a.txt", "Порт"),
                                                                      ("b.txt", "порту")]
