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
    assert run_kwic([SEED], "климат", width=20) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "3 hits for климат"
    rows = lines[1:]
    assert len(rows) == 3
    # the keyword starts in the same column on every line; a line is never wider than the terminal
    assert {row.index("климат") for row in rows} == {21}
    assert all(len(row) <= 80 for row in rows)
    assert all(row.rstrip().endswith(("Климат", "Токаев")) for row in rows)  # narrative: no speaker, no «—»


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_lines_fit_the_terminal(capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    run_kwic([SEED], "каспий", related=True)  # --width 40: 40 + hit + 40 + theme + speaker is wider than 120
    rows = capsys.readouterr().out.splitlines()[1:]
    assert len(rows) == 6
    assert max(len(r) for r in rows) <= columns
    assert len({r.index(h) for r, h in zip(rows, ["Транскаспийского", "Каспийского"]) if h in r}) == 1
    assert all(any(h in r for h in ("Каспийского", "Транскаспийского", "Каспия")) for r in rows)  # hits whole


def test_old_argument_order_fails_clearly(cli):
    result = cli("kwic", SEED, "каспий")
    assert result.exit_code == 2
    assert "the query comes first" in result.stderr and f"speechkit kwic каспий {SEED}" in result.stderr
    result = cli("kwic", "nosuch.txt")  # was: the seed searched for «nosuch.txt», exit 0
    assert result.exit_code == 2 and "looks like a file name" in result.stderr


def test_a_missing_file_is_an_error(cli):
    result = cli("kwic", "каспий", "nosuch.txt")
    assert result.exit_code == 3 and "nosuch.txt: no such file" in result.stderr and result.stdout == ""


def test_no_hit_exits_1_as_grep(cli):
    result = cli("kwic", "бегемот", SEED)
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("0 hits for бегемот")
    assert cli("kwic", "бегемот", SEED, "--json").exit_code == 1
    assert cli("kwic", "каспий", SEED).exit_code == 0


def test_json_lines_csv_tsv_and_output_file(cli, tmp_path):
    import csv
    import io

    text = read_seed().text
    lines = cli("kwic", "каспий", SEED, "--related", "--json-lines").stdout.splitlines()
    hits = [json.loads(line) for line in lines]
    assert len(hits) == 6 and all(text[h["start"] : h["end"]] == h["text"] for h in hits)
    for fmt, delimiter in (("--csv", ","), ("--tsv", "\t")):
        result = cli("kwic", "каспий", SEED, "--related", fmt)
        rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter=delimiter))
        assert [r["text"] for r in rows] == [h["text"] for h in hits]
        assert rows[0].keys() == {"doc", "start", "end", "left", "text", "right", "segment", "theme", "speaker"}
        assert {r["theme"] for r in rows} >= {"transport", "caspian_aral"}  # ids in machine formats
    out = tmp_path / "kwic.json"
    result = cli("kwic", "каспий", SEED, "--json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text("utf-8"))["hits"]) == 1


# (sort, the words that decide the order, in order)
SORTS = [
    ("left", lambda h: re.findall(r"\w+", h["left"])[-1]),
    ("right", lambda h: re.findall(r"\w+", h["right"])[0]),
    ("hit", lambda h: h["text"]),
]


@pytest.mark.parametrize("how, key", SORTS)
def test_sort(cli, how, key):
    hits = [json.loads(line) for line in
            cli("kwic", "каспий", SEED, "--related", "--sort", how, "--json-lines").stdout.splitlines()]
    words = [key(h).lower() for h in hits]
    assert words == sorted(words) and len(set(words)) > 1


def test_sort_takes_only_its_names(cli):
    result = cli("kwic", "каспий", SEED, "--sort", "lemma")
    assert result.exit_code == 2 and "text, left, right, hit" in result.stderr


# (marked text, regular expression)
REGEX_CASES = [
    # a stem and any ending, case-insensitive
    ("[Каспий] мелеет, а [каспийские] порты растут.", r"каспи\w*"),
    # whole words only: a match inside a word does not count
    ("Транскаспийский маршрут и [Каспий].", r"каспий"),
    # alternatives and a phrase over the words as written
    ("[Искусственный интеллект] и [искусственного интеллекта] нужны.", r"искусственн\w+ интеллект\w*"),
]


@pytest.mark.parametrize("marked, pattern", REGEX_CASES)
def test_regex(marked, pattern):
    from speechkit.kwic import compile_regex, find_regex_hits

    text, want = unmark(marked)
    hits = find_regex_hits(analyze(text, FAST), compile_regex(pattern))
    assert [h.text for h in hits] == want
    assert all(text[h.start : h.end] == h.text for h in hits)


def test_regex_on_the_command_line(cli):
    result = cli("kwic", "--regex", r"транс\w+", SEED, "--json")
    assert result.exit_code == 0, result.output
    assert [h["text"] for h in json.loads(result.stdout)["hits"]] == [
        "транспорта", "Транскаспийского", "транспортного", "трансграничных"]
    bad = cli("kwic", "--regex", "(каспий", SEED)
    assert bad.exit_code == 2 and "not a valid regular expression" in bad.stderr
    both = cli("kwic", "--regex", "каспий", "--related", SEED)
    assert both.exit_code == 2 and "--related" in both.stderr


def test_folder_of_documents(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Порт Актау растёт. Порт принимает суда.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("В порту Курык новый терминал.", encoding="utf-8")
    run_kwic([str(tmp_path)], "порт", as_json=True)
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [(h["doc"].rsplit("/", 1)[-1], h["text"]) for h in hits] == [("a.txt", "Порт"), ("a.txt", "Порт"),
                                                                      ("b.txt", "порту")]
