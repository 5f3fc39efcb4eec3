"""Every table fits the terminal: numbers whole at 60, 80 and 120 columns, text wraps or columns go.

Each command's table is drawn at three widths and read back column by column
(the box characters mark the columns); every number cell must be the whole
number the JSON output gives, formatted the one way tables format numbers.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from speechkit.display import number, percent
from speechkit.render import Col, Grid

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "tokayev-ots-shusha-2024.txt")
CASES = sorted((ROOT / "tests" / "cases").glob("0*.txt"))
WIDTHS = [60, 80, 120]


# ---------------------------------------------------------------- reading a drawn table back
def tables(out: str) -> list[dict[str, list[str]]]:
    """Every box table in ``out`` as {header: [non-empty cells, top to bottom]}."""
    lines = out.splitlines()
    found = []
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("┏"):
            i += 1
            continue
        top = lines[i]
        bars = [k for k, ch in enumerate(top) if ch in "┏┳┓"]
        heads, rows = [], []
        i += 1
        while not lines[i].lstrip().startswith("┡"):
            heads.append(lines[i])
            i += 1
        i += 1
        while not lines[i].lstrip().startswith("└"):
            if lines[i].lstrip().startswith("│"):
                rows.append(lines[i])
            i += 1
        table = {}
        for a, b in zip(bars, bars[1:]):
            name = " ".join(h[a + 1 : b].strip() for h in heads if h[a + 1 : b].strip())
            table[name] = [r[a + 1 : b].strip() for r in rows if r[a + 1 : b].strip()]
        found.append(table)
    return found


def check_numbers(table: dict[str, list[str]], want: dict[str, list[str]], always: tuple[str, ...] = ()) -> None:
    """Each number column shown holds exactly the numbers expected; ``always`` are shown at any width."""
    for header in always:
        assert header in table, (header, list(table))
    for header, cells in want.items():
        if header in table:
            assert table[header] == [c for c in cells if c], header


def value_cell(f: dict) -> str:
    """A figure's value as a table shows it: a range as «low–high»."""
    return f"{number(f['low'])}–{number(f['high'])}" if f["kind"] == "range" else number(f["value"])


@pytest.fixture
def draw(cli):
    def run(*args: str, width: int) -> str:
        result = cli(*args, env={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.output
        assert max(map(len, result.stdout.splitlines())) <= width
        return result.stdout

    return run


def data(cli, *args: str) -> dict:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---------------------------------------------------------------- the layout itself
def test_a_column_of_numbers_is_never_cut():
    g = Grid("t", [Col("name", keep=1, min=4), Col("value", "num", 9)],
               [["a long name that wraps", number(50_000_000_000)]])
    out = render(g, 30)
    assert "50\u202f000\u202f000\u202f000" in out
    assert "a long" in out and "wraps" in out  # the text wrapped instead


def test_columns_go_least_important_first_and_the_caption_says_so():
    cols = [Col("#", "num", 9), Col("speaker", keep=5, min=10), Col("context", "clip", 1, min=20),
            Col("score", "num", 3)]
    g = Grid("t", cols, [["1", "Касым-Жомарт Токаев", "очень длинный контекст", "18,5"]])
    assert g.fit(200) == [1, 19, 22, 5]
    assert g.fit(50)[2] is None and g.fit(50)[3] == 5  # context goes before the score
    assert g.fit(30) == [1, 14, None, 5]  # the speaker wraps, no narrower than «Касым-Жомарт»
    assert g.fit(24) == [1, 16, None, None]
    out = " ".join(render(g, 24).split())
    assert "not shown at 24 columns: context, score" in out


def render(g: Grid, width: int) -> str:
    c = Console(width=width, record=True, file=open("/dev/null", "w"))
    c.print(g)
    return c.export_text()


# ---------------------------------------------------------------- every command
@pytest.mark.parametrize("width", WIDTHS)
def test_themes(cli, draw, width):
    rec = data(cli, "themes", SEED)
    segments, themes = tables(draw("themes", SEED, width=width))
    scores = [number(s["scores"].get(s["theme"]), 1) if s["theme"] else "" for s in rec["segments"]]
    check_numbers(segments, {"#": [str(s["index"]) for s in rec["segments"]], "score": scores},
                  always=("#", "kind", "speaker", "theme", "score"))
    check_numbers(themes, {"segments": [str(t["segments"]) for t in rec["themes"]],
                           "share": [percent(t["share"]) for t in rec["themes"]]},
                  always=("theme", "segments", "share"))


@pytest.mark.parametrize("width", WIDTHS)
def test_numbers(cli, draw, width):
    rec = data(cli, "numbers", SEED)
    (table,) = tables(draw("numbers", SEED, width=width))
    values = [value_cell(f) for f in rec["figures"]]
    assert "3\u202f000\u202f000" in values  # «почти 3 млн тонн»
    check_numbers(table, {"#": [str(f["index"]) for f in rec["figures"]], "value": values},
                  always=("#", "as written", "value", "unit"))


@pytest.mark.parametrize("rank", ["count", "keyness", "g2", "log_ratio"])
@pytest.mark.parametrize("width", WIDTHS)
def test_keywords(cli, draw, width, rank):
    rec = data(cli, "keywords", SEED, "--top", "12", "--rank", rank)
    (table,) = tables(draw("keywords", SEED, "--top", "12", "--rank", rank, width=width))
    kws = rec["keywords"]
    sort_column = {"count": "count ▼", "keyness": "cons. LR ▼", "g2": "keyness ▼", "log_ratio": "log ratio ▼"}[rank]
    want = {"count": [str(k["count"]) for k in kws], "count ▼": [str(k["count"]) for k in kws],
            "keyness": [number(k["keyness"], 1) for k in kws], "keyness ▼": [number(k["keyness"], 1) for k in kws],
            "log ratio": [number(k["log_ratio"], 1) for k in kws],
            "log ratio ▼": [number(k["log_ratio"], 1) for k in kws],
            "cons. LR ▼": [number(k["conservative_log_ratio"], 1) for k in kws],
            "ref/M": [number(k["ref_per_million"], 1) for k in kws]}
    check_numbers(table, want, always=("lemma", sort_column))


@pytest.mark.parametrize("width", WIDTHS)
def test_keywords_by_speaker(cli, draw, width):
    rec = data(cli, "keywords", SEED, "--top", "5", "--by", "speaker")
    drawn = tables(draw("keywords", SEED, "--top", "5", "--by", "speaker", width=width))
    assert len(drawn) == 2  # the whole text, then Касым-Жомарт Токаев's words
    check_numbers(drawn[1], {"count ▼": [str(k["count"]) for k in rec["keywords_by"]["Касым-Жомарт Токаев"]]},
                  always=("lemma", "count ▼"))


@pytest.mark.parametrize("width", WIDTHS)
def test_summary_and_tokens(cli, draw, width, speech_file):
    for table in tables(draw("summary", SEED, "--by", "theme", width=width)):
        assert "theme" in table and "sentence" in table
    rec = data(cli, "tokens", speech_file)
    (table,) = tables(draw("tokens", speech_file, width=width))
    check_numbers(table, {"start": [str(t["start"]) for t in rec["tokens"]],
                          "end": [str(t["end"]) for t in rec["tokens"]]}, always=("start", "end", "text"))


@pytest.mark.parametrize("width", WIDTHS)
def test_analyze(cli, draw, width):
    rec = data(cli, "analyze", SEED)
    drawn = tables(draw("analyze", SEED, width=width))
    themes, segments, keywords, figures = drawn[:4]
    check_numbers(themes, {"share": [percent(t["share"]) for t in rec["themes"]]}, always=("share",))
    check_numbers(segments, {"#": [str(s["index"]) for s in rec["segments"]]}, always=("#",))
    check_numbers(keywords, {"count ▼": [str(k["count"]) for k in rec["keywords"][:15]]}, always=("count ▼",))
    check_numbers(figures, {"value": [value_cell(f) for f in rec["figures"]]},
                  always=("value",))


@pytest.fixture
def corpus(tmp_path):
    for f in CASES:
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


@pytest.mark.parametrize("width", WIDTHS)
def test_corpus_tables(cli, draw, width, corpus):
    rec = data(cli, "themes", corpus)
    (table,) = tables(draw("themes", corpus, width=width))
    check_numbers(table, {"segments": [str(len(d["segments"])) for d in rec["documents"]],
                          "quotes, turns": [str(sum(s["kind"] in ("quote", "turn") for s in d["segments"]))
                                            for d in rec["documents"]]},
                  always=("document", "segments", "quotes, turns"))
    shown = [h for h in table if h not in ("document", "segments", "quotes, turns")]
    assert shown, "at least the largest theme has a column"
    rec = data(cli, "keywords", corpus, "--top", "8")
    drawn = tables(draw("keywords", corpus, "--top", "8", width=width))
    totals = rec["totals"]["keywords"]
    check_numbers(drawn[-1], {"count ▼": [str(k["count"]) for k in totals],
                              "documents": [str(k["documents"]) for k in totals]},
                  always=("lemma", "count ▼", "documents"))


@pytest.mark.parametrize("width", WIDTHS)
def test_compare(cli, draw, width):
    a, b = str(CASES[0]), str(CASES[2])
    rec = data(cli, "compare", a, b)
    drawn = tables(draw("compare", a, b, width=width))
    shares = drawn[0]
    check_numbers(shares, {"A": [percent(t["share_a"]) for t in rec["themes"]],
                           "B": [percent(t["share_b"]) for t in rec["themes"]]}, always=("theme", "A", "B", "B − A"))
    words_a = drawn[1]
    check_numbers(words_a, {"A": [str(k["count_a"]) for k in rec["keywords"]["a"]],
                            "G²": [number(abs(k["keyness"]), 1) for k in rec["keywords"]["a"]]},
                  always=("lemma", "A", "B", "G²"))
    figures_a = drawn[3]
    check_numbers(figures_a, {"value": [value_cell(f) for f in rec["figures"]["only_a"]]}, always=("value",))


@pytest.mark.parametrize("width", WIDTHS)
def test_lexicon(cli, draw, width):
    rec = data(cli, "lexicon")
    table = tables(draw("lexicon", width=width))[0]
    entries = [str(len(t["lemmas"]) + len(t["phrases"])) for t in rec["themes"]]
    check_numbers(table, {"entries": entries}, always=("theme", "entries"))


def test_redirected_tables_keep_every_column(speechkit_cmd):
    """Written to a file or a pipe (no terminal, no $COLUMNS), every table shows all its columns."""
    import subprocess

    for args in (["themes", SEED], ["numbers", SEED], ["keywords", SEED, "--rank", "keyness"],
                 ["analyze", SEED], ["compare", str(CASES[0]), str(CASES[2])]):
        argv, env = speechkit_cmd(*args)
        env = {k: v for k, v in env.items() if k != "COLUMNS"}
        done = subprocess.run(argv, env=env, capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
        out = done.stdout.decode()
        assert done.returncode == 0, done.stderr
        assert "not shown" not in out, args
        assert "in context" in out or args[0] not in ("numbers", "analyze")


# ---------------------------------------------------------------- one vocabulary
def test_narrative_has_no_speaker_anywhere(cli, draw):
    """null in JSON, an empty cell in every table: never «—» or «reporter»."""
    rec = data(cli, "summary", SEED, "--by", "theme")
    assert any(s["speaker"] is None for s in rec["summary"])
    for args in (["themes", SEED], ["numbers", SEED], ["summary", SEED, "--by", "theme"], ["analyze", SEED],
                 ["compare", str(CASES[0]), str(CASES[2])], ["kwic", "президент", SEED]):
        out = draw(*args, width=120)
        assert "reporter" not in out, args
        for table in tables(out):
            assert "—" not in table.get("speaker", []), args
    themes = tables(draw("themes", SEED, width=120))[0]
    assert len(themes["speaker"]) == sum(1 for s in data(cli, "themes", SEED)["segments"] if s["speaker"])


def test_theme_ids_in_machine_formats_short_labels_in_tables(cli, draw):
    import csv
    import io

    rec = data(cli, "themes", SEED)
    assert {s["theme"] for s in rec["segments"]} - {None} >= {"caspian_aral", "transport"}
    rows = list(csv.DictReader(io.StringIO(cli("themes", SEED, "--csv").stdout)))
    assert {r["theme"] for r in rows} >= {"caspian_aral", "transport"}
    out = draw("themes", SEED, width=120)
    assert "Каспий и Арал" in out and "caspian_aral" not in out
    assert "Каспий, Арал и водные ресурсы" not in out  # one short label, not the long one


def test_numbers_plain_in_json_and_csv(cli):
    import csv
    import io

    rec = data(cli, "numbers", SEED)
    assert 3000000 in [f["value"] for f in rec["figures"]]
    rows = list(csv.DictReader(io.StringIO(cli("numbers", SEED, "--csv").stdout)))
    assert "3000000" in [r["value"] for r in rows]


def test_one_number_format_for_tables_and_the_report():
    from speechkit import report

    for x in (3_000_000, 1.5, 2023, 50e9, 0.25, -12, 10_000, 9_999, None):
        assert report.number(x) == number(x), x


def test_markup_in_a_speech_is_text(cli, tmp_path):
    f = tmp_path / "m.txt"
    f.write_text("«Мы [bold]справимся[/bold]», — заявил министр.", encoding="utf-8")
    out = cli("themes", f).stdout
    assert "[bold]справимся[/bold]" in out
    assert Text  # rich.Text keeps the brackets; a markup string would have eaten them
