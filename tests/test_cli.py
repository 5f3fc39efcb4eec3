"""The command line as a user meets it: default input, files, stdin, formats, errors."""

import json
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speechkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "tokayev-ots-shusha-2024.txt")
runner = CliRunner()

SPEECH = (
    "Министр транспорта выступил на форуме.\n\n"
    "«Объем контейнерных перевозок по Транскаспийскому маршруту вырос вдвое. Порт Актау принимает суда, "
    "железная дорога загружена», — заявил министр.\n"
)


def run(*args, input=None, env=None):
    result = runner.invoke(app, list(args), input=input, env=env or {"COLUMNS": "120"})
    return result


def test_no_argument_at_a_terminal_analyses_the_seed(monkeypatch):
    from speechkit import corpus

    monkeypatch.setattr(corpus, "stdin_kind", lambda stdin=None: "terminal")
    result = run("themes", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["name"] == "tokayev-ots-shusha-2024.txt"
    assert sum(1 for s in data["segments"] if s["kind"] == "quote") == 7


@pytest.mark.parametrize("command", ["themes", "numbers", "keywords", "summary", "analyze", "tokens"])
def test_an_empty_pipe_is_an_empty_text_not_the_seed(command):
    result = run(command, input=b"")
    assert result.exit_code == 4, result.output
    assert "<stdin>: the text is empty" in result.stderr
    assert "Токаев" not in result.stdout


def test_empty_jsonl_pipe_is_an_empty_input():
    result = run("themes", "--input-jsonl", "--json-lines", input=b"\n")
    assert result.exit_code == 4, result.output
    assert "<stdin>: empty" in result.stderr and result.stdout == ""


def test_themes_table_shows_segments_and_theme_summary():
    result = run("themes", SEED)
    assert result.exit_code == 0, result.output
    assert "Касым-Жомарт Токаев" in result.stdout
    assert "Каспий и Арал" in result.stdout and "Themes" in result.stdout


def test_file_argument(tmp_path):
    f = tmp_path / "speech.txt"
    f.write_text(SPEECH, encoding="utf-8")
    data = json.loads(run("themes", str(f), "--json").stdout)
    quotes = [s for s in data["segments"] if s["kind"] == "quote"]
    assert [q["theme"] for q in quotes] == ["transport"]
    assert data["source"]["encoding"] == "utf-8"


def test_stdin_and_dash():
    for args in (("themes", "--json"), ("themes", "-", "--json")):
        result = run(*args, input=SPEECH.encode("utf-8"))
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["source"]["name"] == "<stdin>"
        assert [s["theme"] for s in data["segments"] if s["kind"] == "quote"] == ["transport"]


def test_cp1251_input_is_detected(tmp_path):
    f = tmp_path / "speech-1251.txt"
    f.write_bytes(SPEECH.encode("cp1251"))
    data = json.loads(run("themes", str(f), "--json").stdout)
    assert data["source"]["encoding"] == "cp1251"
    text = SPEECH
    for s in data["segments"]:
        assert text[s["start"] : s["end"]] == s["text"]


def test_user_lexicon_replaces_themes(tmp_path):
    lex = tmp_path / "my.toml"
    lex.write_text('[themes.ports]\nlabel = "Порты"\n[themes.ports.lemmas]\n"порт" = 3.0\n"актау" = 3.0\n'
                   '"суд" = 1.0\n"контейнерный" = 2.0\n', encoding="utf-8")
    f = tmp_path / "speech.txt"
    f.write_text(SPEECH, encoding="utf-8")
    data = json.loads(run("themes", str(f), "--lexicon", str(lex), "--json").stdout)
    assert [t["id"] for t in data["themes"]] == ["ports"]
    assert [s["theme"] for s in data["segments"] if s["kind"] == "quote"] == ["ports"]


def test_user_lexicon_can_extend(tmp_path):
    lex = tmp_path / "more.toml"
    lex.write_text('extend = true\n[themes.ports]\nlabel = "Порты"\n[themes.ports.lemmas]\n"актау" = 1.0\n',
                   encoding="utf-8")
    data = json.loads(run("themes", SEED, "--lexicon", str(lex), "--json").stdout)
    ids = {t["id"] for t in data["themes"]}
    assert "transport" in ids


def test_broken_lexicon_is_a_one_line_error(tmp_path):
    lex = tmp_path / "bad.toml"
    lex.write_text('[themes.x\n"a" = 1\n', encoding="utf-8")
    result = run("themes", SEED, "--lexicon", str(lex))
    assert result.exit_code == 5
    assert "bad.toml" in result.stderr and "line 1" in result.stderr
    assert result.stdout == ""


def test_missing_file():
    result = run("themes", "/no/such/file.txt")
    assert result.exit_code == 3
    assert "/no/such/file.txt: no such file" in result.stderr
    assert result.stdout == ""


def test_lexicon_command_lists_themes_and_matches():
    result = run("lexicon", "--json")
    data = json.loads(result.stdout)
    assert {t["id"] for t in data["themes"]} >= {"transport", "finance", "ai", "climate", "caspian_aral",
                                                 "security", "cooperation"}
    result = run("lexicon", str(ROOT / "seeds" / "tokayev-ots-shusha-2024.txt"), "--json")
    data = json.loads(result.stdout)
    assert any(m["entry"] == "медиация" for m in data["matched"])


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert command.callback.__doc__, name
        assert re.search(rf"speechkit {name}\b", readme), f"{name} missing from README"


def test_keywords_by_theme_give_each_theme_its_own_distinctive_words():
    result = run("keywords", SEED, "--by", "theme", "--rank", "keyness", "--top", "5", "--json")
    assert result.exit_code == 0, result.output
    by = json.loads(result.stdout)["keywords_by"]
    assert {"transport", "climate", "caspian_aral", "security"} <= set(by)
    assert "аральский" in [k["lemma"] for k in by["caspian_aral"]]
    assert "климатический" in [k["lemma"] for k in by["climate"]]


def test_keywords_leave_out_speech_verbs_and_the_speakers_name():
    data = json.loads(run("keywords", SEED, "--top", "50", "--json").stdout)
    lemmas = {k["lemma"] for k in data["keywords"]}
    assert not lemmas & {"сказать", "заявить", "подчеркнуть", "токаев", "касым-жомарт"}
    assert {"тюркский", "казахстан"} <= lemmas


def test_console_script_runs_the_seed_from_an_install(tmp_path):
    """The README's first command: the installed `speechkit` script typed at a terminal, from any folder."""
    import os
    import pty
    import shutil
    import subprocess

    exe = shutil.which("speechkit")
    if exe is None:
        pytest.skip("speechkit is not installed as a console script here")
    main, terminal = pty.openpty()  # stdin is a terminal, as when a person types the command
    try:
        done = subprocess.run([exe, "themes", "--json"], cwd=tmp_path, capture_output=True, text=True,
                              stdin=terminal, timeout=120)
    finally:
        os.close(main)
        os.close(terminal)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert sum(1 for s in data["segments"] if s["kind"] == "quote") == 7
    # in cron or CI stdin is /dev/null: an empty text, not the seed
    empty = subprocess.run([exe, "themes", "--json"], cwd=tmp_path, capture_output=True, text=True,
                           stdin=subprocess.DEVNULL, timeout=120)
    assert empty.returncode == 4 and "the text is empty" in empty.stderr


def test_data_dir_replaces_packaged_word_lists(tmp_path):
    """--data-dir: a user's stopwords.txt replaces ours (a subprocess: data files load once per process)."""
    import subprocess
    import sys

    packaged = (ROOT / "speechkit" / "data" / "stopwords.txt").read_text("utf-8")
    (tmp_path / "stopwords.txt").write_text("тюркский\nказахстан\n" + packaged, encoding="utf-8")
    argv = [sys.executable, "-m", "speechkit", "--data-dir", str(tmp_path), "keywords", SEED, "--top", "5", "--json"]
    done = subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0, done.stderr
    lemmas = [k["lemma"] for k in json.loads(done.stdout)["keywords"]]
    assert "тюркский" not in lemmas and "казахстан" not in lemmas and "государство" in lemmas
    bad = subprocess.run([sys.executable, "-m", "speechkit", "--data-dir", str(tmp_path / "nope"), "themes"],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert bad.returncode == 2 and "is not a folder" in bad.stderr


def test_summary_by_theme_has_one_entry_per_theme_and_key_figures():
    data = json.loads(run("summary", SEED, "--by", "theme", "--json").stdout)
    themes_present = {s["theme"] for s in json.loads(run("themes", SEED, "--json").stdout)["segments"] if s["theme"]}
    assert set(data["by_theme"]) == themes_present
    assert all(len(items) >= 1 and items[0]["speaker"] == "Касым-Жомарт Токаев" for items in data["by_theme"].values())
    assert data["key_figures"]["transport"]["text"] in ("65%", "почти 3 млн тонн")
    assert data["key_figures"]["climate"]["unit"] == "%"


@pytest.mark.parametrize(
    ("argv", "kept"),
    [
        (["themes", "a.txt", "--json"], ["themes"]),
        (["--data-dir", "numbers", "keywords", "a.txt"], ["keywords"]),  # a folder named like a command
        (["--data-dir=d", "summary"], ["summary"]),
        (["-h"], None),  # help lists every command
        (["--help", "themes"], ["themes"]),
        (["themse"], None),  # a typo: click's "No such command … Did you mean"
        ([], None),
    ],
)
def test_only_the_command_asked_for_is_built(monkeypatch, argv, kept):
    from speechkit import cli

    everything = list(cli.app.registered_commands)
    monkeypatch.setattr(cli.app, "registered_commands", list(everything))
    cli._only_the_command_asked_for(argv)
    names = [c.callback.__name__ for c in cli.app.registered_commands]
    assert names == (kept if kept is not None else [c.callback.__name__ for c in everything])


def test_data_dir_named_like_a_command_still_runs_the_command(speechkit_cmd, tmp_path):
    # `--data-dir themes numbers …` run where «themes» is a folder: the command is numbers,
    # «themes» only the option's value (were it taken for the command, «numbers» would be a missing file)
    (tmp_path / "themes").mkdir()
    (tmp_path / "speech.txt").write_text("Рост на 65% в 2024 году.", encoding="utf-8")
    argv, env = speechkit_cmd("--data-dir", "themes", "numbers", "speech.txt", "--json")
    r = subprocess.run(argv, capture_output=True, env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert [f["value"] for f in json.loads(r.stdout)["figures"]] == [65, 2024]


# ---------------------------------------------------------------- bad options are refused
def test_unknown_part_of_speech_lists_the_valid_ones():
    result = run("keywords", SEED, "--pos", "foo")  # printed nothing and exited 0
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown part of speech 'foo'" in result.stderr
    assert "noun, adj, verb, adv" in result.stderr and "NOUN" in result.stderr
    ok = run("keywords", SEED, "--pos", "noun,ADJF", "--json")
    assert ok.exit_code == 0 and {k["pos"] for k in json.loads(ok.stdout)["keywords"]} <= {"NOUN", "ADJF"}


@pytest.mark.parametrize("rank, column", [("count", "count ▼"), ("keyness", "cons. LR ▼"), ("g2", "keyness ▼"),
                                          ("log_ratio", "log ratio ▼")])
def test_rank_takes_the_documented_names_and_the_table_says_the_key(rank, column):
    result = run("keywords", SEED, "--rank", rank, "--top", "5")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "ranked by" in flat
    assert " ".join(column.split()) in flat or column.split()[0] in flat
    data = json.loads(run("keywords", SEED, "--rank", rank, "--top", "10", "--json").stdout)["keywords"]
    field = {"count": "count", "keyness": "conservative_log_ratio", "g2": "keyness", "log_ratio": "log_ratio"}[rank]
    values = [k[field] for k in data if rank != "keyness" or k["keyness"] >= 6.63]
    assert values == sorted(values, reverse=True)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"`{rank}`" in readme


def test_rank_refuses_other_names():
    result = run("keywords", SEED, "--rank", "tfidf")
    assert result.exit_code == 2 and "count, keyness, g2, log_ratio" in result.stderr


# ---------------------------------------------------------------- what a CLI is expected to have
def test_version():
    from speechkit import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"speechkit {__version__}\n"


def test_every_command_has_examples_in_its_help():
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = run(name, "--help", env={"COLUMNS": "100"})
        assert result.exit_code == 0, name
        examples = result.stdout.split("Examples:", 1)
        assert len(examples) == 2, f"{name} --help has no examples"
        assert re.search(rf"^\s+speechkit {name}\b", examples[1], re.M), name


def test_shell_completion_is_offered(speechkit_cmd):
    argv, env = speechkit_cmd("--help")
    out = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60).stdout
    assert "--install-completion" in out and "--show-completion" in out
    argv, env = speechkit_cmd("--show-completion", "bash")
    # typer takes the shell named here only when it is told not to detect one: detection reads the
    # parent processes (shellingham) and fails under some job runners, where "bash" would be ignored
    env = {**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and "_SPEECHKIT_COMPLETE" in done.stdout
    # the shell's own call: complete «speechkit them»
    env = {**env, "_SPEECHKIT_COMPLETE": "complete_bash", "COMP_WORDS": "speechkit them", "COMP_CWORD": "1"}
    done = subprocess.run(argv[:3], capture_output=True, text=True, env=env, timeout=60)
    assert "themes" in done.stdout


def test_completion_options_are_built_only_when_they_can_be_wanted(monkeypatch):
    from speechkit.cli import _wants_completion

    monkeypatch.delenv("_SPEECHKIT_COMPLETE", raising=False)
    assert _wants_completion([]) and _wants_completion(["--help"]) and _wants_completion(["--install-completion"])
    assert not _wants_completion(["themes", "a.txt", "--json"])
    monkeypatch.setenv("_SPEECHKIT_COMPLETE", "complete_bash")
    assert _wants_completion(["themes"])


def test_no_color_is_respected(speech_file):
    forced = run("themes", str(speech_file), env={"FORCE_COLOR": "1", "COLUMNS": "120"})
    assert "\x1b[" in forced.stdout  # colours when forced …
    plain = run("themes", str(speech_file), env={"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "120"})
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m|\x1b\[[0-9;]*38;", plain.stdout)  # … and none with NO_COLOR


def test_progress_bar_with_total_and_eta_only_on_a_terminal():
    import io

    from speechkit.commands.runner import progress, progress_columns

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    class Doc:
        def __init__(self, name):
            self.name = name

    items = [(Doc(f"d{i}.txt"), {}) for i in range(3)]
    screen = Terminal()
    assert list(progress(iter(items), 3, screen)) == items
    kinds = [type(c).__name__ for c in progress_columns(3)]
    assert "BarColumn" in kinds and "TimeRemainingColumn" in kinds and "MofNCompleteColumn" in kinds
    assert "SpinnerColumn" in [type(c).__name__ for c in progress_columns(None)]  # a pipe: no total
    assert "3/3" in screen.getvalue()
    pipe = io.StringIO()
    assert list(progress(iter(items), 3, pipe)) == items and pipe.getvalue() == ""


def test_documents_are_counted_for_the_progress_bar(tmp_path):
    from speechkit.corpus import count_documents

    (tmp_path / "a.txt").write_text("Текст.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Текст.", encoding="utf-8")
    lines = tmp_path / "docs.jsonl"
    lines.write_text('{"text": "а"}\n\n{"text": "б"}\n{"text": "в"}\n', encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 2
    assert count_documents([str(lines)], jsonl=True) == 3
    assert count_documents([]) is None and count_documents(["-"]) is None


# ---------------------------------------------------------------- compare exports
def test_compare_exports(tmp_path):
    import csv
    import io

    a, b = ROOT / "tests" / "cases" / "01_aeroflot-2024-results.txt", ROOT / "tests" / "cases" / "03_vtb-buys-tele2-russia.txt"
    data = json.loads(run("compare", str(a), str(b), "--json").stdout)
    line = run("compare", str(a), str(b), "--json-lines").stdout
    assert len(line.splitlines()) == 1 and json.loads(line) == data
    for fmt, delimiter in (("--csv", ","), ("--tsv", "\t")):
        rows = list(csv.DictReader(io.StringIO(run("compare", str(a), str(b), fmt).stdout), delimiter=delimiter))
        assert [r["id"] for r in rows if r["section"] == "theme"] == [t["id"] for t in data["themes"]]
        assert [r["text"] for r in rows if r["section"] == "word" and r["side"] == "a"] == [
            k["lemma"] for k in data["keywords"]["a"]]
        assert [r["text"] for r in rows if r["section"] == "figure" and r["side"] == "b"] == [
            f["text"] for f in data["figures"]["only_b"]]
    out = tmp_path / "c.json"
    result = run("compare", str(a), str(b), "--json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == "" and json.loads(out.read_text("utf-8")) == data


@pytest.mark.parametrize("command, splits, ranks, figures, tokens", [
    ("themes", 0, 0, 0, 0),  # segments, speakers and themes only
    ("numbers", 1, 0, 1, 0),  # figures carry their sentence
    ("summary", 1, 1, 0, 0),
    ("keywords", 0, 0, 0, 1),  # the keywords count the body's tokens
])
def test_each_command_computes_what_it_prints(monkeypatch, tmp_path, command, splits, ranks, figures, tokens):
    from speechkit import figures as figures_module
    from speechkit import pipeline, summary

    kept = []  # the tokens each analysis hands back (mapped to the source, when asked for)
    analyze = pipeline.analyze

    def analyze_and_keep(*args, **kwargs):
        a = analyze(*args, **kwargs)
        kept.append(len(a.tokens))
        return a

    monkeypatch.setattr("speechkit.commands.runner.analyze", analyze_and_keep)

    calls = {"split": 0, "rank": 0, "figures": 0}

    def counted(name, fn):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(pipeline, "split_sentences", counted("split", pipeline.split_sentences))
    monkeypatch.setattr(summary, "rank_sentences", counted("rank", summary.rank_sentences))
    monkeypatch.setattr(figures_module, "read_figures", counted("figures", figures_module.read_figures))
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    result = run(command, str(path), "--json")
    assert result.exit_code == 0, result.output
    assert (calls["split"], calls["rank"], calls["figures"]) == (splits, ranks, figures)
    assert len(kept) == 1 and (kept[0] > 20) == bool(tokens)
