"""What a user gets for bad, odd or huge input: one clear line and an exit code, never a traceback.

Each table is a row of the reliability contract, run through the real CLI
(CliRunner in-process; a real process for pipes and Ctrl-C).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED, SPEECH
from pathological import FAMILIES, lines_run, make

ANALYSIS = ["themes", "numbers", "keywords", "summary", "analyze", "tokens"]
FORMATS = [[], ["--json"], ["--json-lines"], ["--csv"]]


def one_error_line(result) -> str:
    """The single stderr line of a failed run (and nothing on stdout)."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("speechkit: error: "), lines[0]
    assert "Traceback" not in result.stderr
    return lines[0]


# ---------------------------------------------------------------- unreadable input
def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("speech.txt", SPEECH)


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str, int]]:
    """name → (path, what the error says, exit code)."""
    (tmp / "empty-folder").mkdir()
    (tmp / "no-txt").mkdir()
    (tmp / "no-txt" / "notes.md").write_text("не текст", encoding="utf-8")
    (tmp / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp / "program").write_bytes(Path(sys.executable).read_bytes()[:65536])
    _zip(tmp / "archive.zip")
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_text(" \n\t\u00a0\r\n", encoding="utf-8")
    return {
        "missing file": (tmp / "missing.txt", "missing.txt: no such file", 3),
        "empty folder": (tmp / "empty-folder", "empty-folder: is an empty folder", 3),
        "folder with no *.txt": (tmp / "no-txt", "no-txt: is a folder with no files matching '*.txt'", 3),
        "PNG": (tmp / "image.png", "image.png: not a text file", 3),
        "ELF executable": (tmp / "program", "program: not a text file", 3),
        "zip": (tmp / "archive.zip", "archive.zip: not a text file", 3),
        "empty text": (tmp / "empty.txt", "empty.txt: the text is empty", 4),
        "whitespace only": (tmp / "blank.txt", "blank.txt: the text is empty", 4),
    }


BAD = ["missing file", "empty folder", "folder with no *.txt", "PNG", "ELF executable", "zip"]


@pytest.mark.parametrize("command", ANALYSIS)
@pytest.mark.parametrize("case", BAD)
def test_unreadable_input_is_one_line_and_exit_3(cli, tmp_path, case, command):
    path, says, code = _bad_inputs(tmp_path)[case]
    result = cli(command, path, "--json")
    assert result.exit_code == code == 3, result.output
    assert says in one_error_line(result)
    assert result.stdout == ""


@pytest.mark.parametrize("case", BAD + ["empty text"])
@pytest.mark.parametrize("argv", [
    ["kwic", "порт", "{path}"],
    ["compare", "{path}", str(SEED)],
    ["report", "{path}", "-o", "{tmp}/report.html"],
    ["lexicon", "{path}"],
])
def test_other_commands_report_bad_input_the_same_way(cli, tmp_path, case, argv):
    path, says, code = _bad_inputs(tmp_path)[case]
    result = cli(*[a.format(path=path, tmp=tmp_path) for a in argv])
    assert says in one_error_line(result)
    assert result.exit_code == code, result.output
    assert result.stdout == ""


def test_permission_denied(cli, tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text(SPEECH, encoding="utf-8")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        result = cli("themes", f)
        assert result.exit_code == 3
        assert "secret.txt: permission denied" in one_error_line(result)
        assert result.stdout == ""
    finally:
        f.chmod(0o644)


def test_a_corpus_skips_what_it_cannot_read_and_says_so(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SPEECH, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    result = cli("themes", tmp_path, "--json-lines")
    assert result.exit_code == 6, result.output
    assert [json.loads(line)["source"]["name"] for line in result.stdout.splitlines()] == [str(good)]
    assert result.stderr == f"speechkit: skipped: {tmp_path / 'bad.txt'}: not a text file (binary data)\n"


# ---------------------------------------------------------------- empty input
@pytest.mark.parametrize("command", ANALYSIS)
@pytest.mark.parametrize("case", ["empty text", "whitespace only"])
def test_empty_text_is_a_clear_message_and_exit_4(cli, tmp_path, case, command):
    path, says, code = _bad_inputs(tmp_path)[case]
    result = cli(command, path)
    assert result.exit_code == 4, result.output
    assert says in one_error_line(result)
    assert result.stdout == ""


@pytest.mark.parametrize("command", ANALYSIS)
@pytest.mark.parametrize("fmt", ["--json", "--json-lines"])
def test_empty_text_with_json_is_valid_json_with_empty_lists(cli, tmp_path, command, fmt):
    path, says, _ = _bad_inputs(tmp_path)["whitespace only"]
    result = cli(command, path, fmt)
    assert result.exit_code == 4
    assert says in one_error_line(result)
    data = json.loads(result.stdout)
    assert data["source"]["name"] == str(path) and data["source"]["chars"] == 6
    assert all(value in ([], {}) for key, value in data.items() if key != "source")


def test_empty_stdin_with_json(cli):
    result = cli("numbers", "-", "--json", input=b"  \n")
    assert result.exit_code == 4
    assert json.loads(result.stdout)["figures"] == []


# ---------------------------------------------------------------- encodings
# koi8-r has no «» and no em dash: a koi8-r file of the day used " and -
PLAIN = SPEECH.replace("«", '"').replace("»", '"').replace("—", "-")
CRLF = SPEECH.replace("\n", "\r\n")
ENCODED = [
    # (how the file was saved, the text, its bytes, the encoding --json reports)
    ("cp1251", SPEECH, SPEECH.encode("cp1251"), "cp1251"),
    ("koi8-r", PLAIN, PLAIN.encode("koi8-r"), "koi8-r"),
    ("UTF-16 LE with BOM", SPEECH, b"\xff\xfe" + SPEECH.encode("utf-16-le"), "utf-16-le"),
    ("UTF-16 BE with BOM", SPEECH, b"\xfe\xff" + SPEECH.encode("utf-16-be"), "utf-16-be"),
    ("UTF-8 with BOM", SPEECH, b"\xef\xbb\xbf" + SPEECH.encode("utf-8"), "utf-8-sig"),
    ("CRLF", CRLF, CRLF.encode("utf-8"), "utf-8"),
    ("cp1251 CRLF", CRLF, CRLF.encode("cp1251"), "cp1251"),
]


@pytest.mark.parametrize("saved, text, data, encoding", ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings_are_decoded_and_reported(cli, tmp_path, saved, text, data, encoding):
    f = tmp_path / "speech.txt"
    f.write_bytes(data)
    result = cli("themes", f, "--json")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert rec["source"]["encoding"] == encoding
    assert rec["source"]["chars"] == len(text)
    for s in rec["segments"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert "\r" not in s["text"]
    quote = next(s for s in rec["segments"] if s["kind"] == "quote")
    assert quote["text"].startswith(("«Объем", '"Объем')) and quote["speaker"] == "министр"


def test_encoding_of_stdin_is_detected_too(cli):
    result = cli("themes", "--json", input=SPEECH.encode("cp1251"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["encoding"] == "cp1251"


# ---------------------------------------------------------------- not Russian
NOT_RUSSIAN = [
    ("English", "The president said that the economy is growing fast and the future is bright for all.",
     "does not look Russian"),
    ("Kazakh", "Қазақстан Республикасының Президенті бүгін Ақордада үкімет отырысын өткізді және "
               "экономиканың дамуы туралы айтты.", "looks Kazakh"),
    ("mixed", "The summit was held in Astana. Саммит прошёл в Астане. The leaders signed a declaration "
              "on transport and trade corridors between the two regions.", "does not look Russian"),
]


@pytest.mark.parametrize("name, text, says", NOT_RUSSIAN, ids=[n[0] for n in NOT_RUSSIAN])
def test_not_russian_is_analysed_with_a_warning_in_json(cli, tmp_path, name, text, says):
    f = tmp_path / "speech.txt"
    f.write_text(text, encoding="utf-8")
    result = cli("themes", f, "--json")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert says in rec["source"]["warning"]
    assert rec["segments"]


@pytest.mark.parametrize("name, text, says", NOT_RUSSIAN, ids=[n[0] for n in NOT_RUSSIAN])
def test_not_russian_warns_on_stderr(cli, tmp_path, name, text, says):
    f = tmp_path / "speech.txt"
    f.write_text(text, encoding="utf-8")
    result = cli("themes", f)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"speechkit: warning: {f}: ") and says in result.stderr


def test_russian_gets_no_warning(cli, speech_file):
    result = cli("themes", speech_file, "--json")
    assert "warning" not in json.loads(result.stdout)["source"]
    assert result.stderr == ""


# ---------------------------------------------------------------- unbalanced quotes
UNBALANCED = [
    # (text, the quote segment expected or None, its flags)
    # « never closed: the quote ends at its paragraph, flagged
    ("«Мы готовы к диалогу, — сказал министр.\n\nВторой абзац о порте.",
     "«Мы готовы к диалогу, — сказал министр.", ("unclosed",)),
    # » alone: no quote, no crash
    ("Министр сказал » и ушёл. Порт работает.", None, ()),
    # «« opened twice and never closed: one unclosed quote, to the paragraph end
    ("Он сказал: «« мы готовы к диалогу.\nНовый абзац.", "«« мы готовы к диалогу.", ("unclosed",)),
    # a closing mark before any opening one, then a good quote
    ("» «Мы справимся», — заявил министр.", "«Мы справимся»", ()),
    # unbalanced inner „ in a closed quote
    ("«Мы „готовы к диалогу», — заявил министр.", "«Мы „готовы к диалогу»", ()),
]


@pytest.mark.parametrize("text, quote, flags", UNBALANCED)
def test_unbalanced_quotes_do_not_break_the_analysis(cli, tmp_path, text, quote, flags):
    f = tmp_path / "speech.txt"
    f.write_text(text, encoding="utf-8")
    result = cli("analyze", f, "--json")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    for s in rec["segments"]:
        assert text[s["start"]:s["end"]] == s["text"]
    quotes = [s for s in rec["segments"] if s["kind"] == "quote"]
    if quote is None:
        assert quotes == []
    else:
        assert [(q["text"], tuple(q["flags"])) for q in quotes] == [(quote, flags)]


# ---------------------------------------------------------------- invisible marks
MARKED = [
    # (text, the word as written, its lemma)
    ("Ка\u0301спий важен для нас.", "Ка\u0301спий", "каспий"),       # stress mark
    ("Кас\u00adпий важен для нас.", "Кас\u00adпий", "каспий"),       # soft hyphen
    ("Кас\u200bпий важен для нас.", "Кас\u200bпий", "каспий"),       # zero-width space
    ("Кас\u200dпий важен для нас.", "Кас\u200dпий", "каспий"),       # zero-width joiner
    ("Мы\u00a0любим Каспий.", "Каспий", "каспий"),                   # NBSP between words
    ("Кaспий важен для нас.", "Кaспий", "каспий"),                   # Latin a inside a Cyrillic word
    ("СOР29 прошёл в Баку.", "СOР", None),                           # Latin O in an acronym
    ("Зелёный Каспий.", "Зелёный", "зелёный"),
    ("Зеле\u0308ный Каспий.", "Зеле\u0308ный", "зелёный"),           # ё as е + combining diaeresis
]


@pytest.mark.parametrize("text, word, lemma", MARKED)
def test_invisible_marks_keep_offsets_and_lemmas(cli, tmp_path, text, word, lemma):
    f = tmp_path / "speech.txt"
    f.write_text(text, encoding="utf-8")
    result = cli("tokens", f, "--json")
    assert result.exit_code == 0, result.output
    tokens = json.loads(result.stdout)["tokens"]
    for t in tokens:
        assert text[t["start"]:t["end"]] == t["text"]
    found = [t for t in tokens if t["text"] == word]
    assert found, [t["text"] for t in tokens]
    if lemma:
        assert found[0]["lemma"].replace("ё", "е") == lemma.replace("ё", "е")


def test_marks_do_not_move_quotes_or_figures(cli, tmp_path):
    text = "«Объём пере\u00adвозок вы\u0301рос на\u00a065%, до 3\u00a0000 TEU», — заявил\u200b министр."
    f = tmp_path / "speech.txt"
    f.write_text(text, encoding="utf-8")
    rec = json.loads(cli("analyze", f, "--json").stdout)
    quote = next(s for s in rec["segments"] if s["kind"] == "quote")
    assert quote["text"] == text[: text.index("»") + 1] and quote["speaker"] == "министр"
    assert any("65%" in fig["text"] for fig in rec["figures"]), rec["figures"]
    for fig in rec["figures"]:
        assert text[fig["start"]:fig["end"]] == fig["text"]


# ---------------------------------------------------------------- texts the fuzzer found
FUZZ_FINDINGS = [
    # a Latin look-alike letter with no invisible character: spans re-sliced from the source
    " oМы",
    # a dash-dialogue line whose speech is in «»: one quote, not two overlapping ones
    " —  «Мы Мы», — заявил министр.",
    # a turn label with nothing said: no empty turn
    "\nВ.Путин: \nВ.Путин: ",
    # a character unicodedata cannot name (pymorphy3 asks for it)
    "𗀀",
    # a text of invisible marks only: razdel gives an empty sentence, which must not become Span(1, 0)
    "\u00ad",
    " \u200b",
    # an unclosed « before an inline turn label runs over the turn: two overlapping segments
    "« Мы  А.Лукашенко Лукашенко Александр Григорьевич Президент :  Мы \nВ.Путин: ",
]


@pytest.mark.parametrize("text", FUZZ_FINDINGS)
def test_fuzz_findings(text):
    from test_properties import check_analysis

    a = check_analysis(text)
    assert all(s.start < s.end for s in a.sentences)


# ---------------------------------------------------------------- huge input
@pytest.mark.parametrize("tokens", ["list", "columns"])
@pytest.mark.parametrize("family", list(FAMILIES))
def test_work_grows_linearly_with_size(family, tokens, monkeypatch):
    """Twice the text costs at most 2.3 times the work (linear is 2, quadratic 4).

    Work is counted in lines of Python run, which the machine's load does not change; timings at
    N…8N are ``bench/scaling.py``'s. The summary's sentence graph is capped (its square is a
    constant); a small cap keeps the test's texts small. A long text's tokens are columns
    (``model.Tokens``): the second run lowers the point where they become so, and the same texts
    take that path (page furniture once cost every segment a look at every span there).
    """
    from speechkit import analyze, morph, summary

    monkeypatch.setattr(summary, "MAX_GRAPH", 20)
    if tokens == "columns":
        monkeypatch.setattr(morph, "COMPACT_FROM", 500)
    analyze(make(family, 3000))  # warm the caches and the lexicons
    small, large = (lines_run(analyze, make(family, n)) for n in (15_000, 30_000))
    assert large / small < 2.3, f"{family}: {small} lines for 15 KB, {large} for 30 KB"


# ---------------------------------------------------------------- lexicons and themes
def test_broken_lexicon_names_the_file_and_line(cli, tmp_path, speech_file):
    lex = tmp_path / "bad.toml"
    lex.write_text('[themes.ports]\nlabel = "Порты"\n[themes.ports.lemmas]\n"порт" = = 3\n', encoding="utf-8")
    result = cli("themes", speech_file, "--lexicon", lex)
    assert result.exit_code == 5
    line = one_error_line(result)
    assert str(lex) in line and "line 4" in line
    assert result.stdout == ""


@pytest.mark.parametrize("content, says", [
    (None, "lexicon file not found"),
    (b"\x89PNG\r\n\x1a\n\xff\xfe", "not UTF-8"),
    (b'[themes.x]\nlabel = "X"\n', "has no entries"),
    (b'title = "no themes"\n', "no [themes.<id>] tables"),
])
def test_other_broken_lexicons(cli, tmp_path, speech_file, content, says):
    lex = tmp_path / "lex.toml"
    if content is not None:
        lex.write_bytes(content)
    result = cli("themes", speech_file, "--lexicon", lex)
    assert result.exit_code == 5, result.output
    assert says in one_error_line(result) and "lex.toml" in result.stderr


def test_lexicon_path_through_a_file(cli, speech_file):
    result = cli("themes", speech_file, "--lexicon", speech_file / "lex.toml")
    assert result.exit_code == 5, result.output
    assert "lex.toml" in one_error_line(result)


def test_unreadable_lexicon(cli, tmp_path, speech_file):
    lex = tmp_path / "lex.toml"
    lex.write_text('[themes.x.lemmas]\n"порт" = 1\n', encoding="utf-8")
    lex.chmod(0)
    try:
        if os.access(lex, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        result = cli("themes", speech_file, "--lexicon", lex)
        assert result.exit_code == 5, result.output
        assert "lex.toml" in one_error_line(result)
    finally:
        lex.chmod(0o644)


def test_unknown_theme_lists_the_known_ones(cli, speech_file):
    result = cli("numbers", speech_file, "--theme", "ports")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert "unknown theme 'ports'" in line and "transport" in line and "caspian_aral" in line


def test_conflicting_formats_are_a_usage_error(cli, speech_file):
    result = cli("themes", speech_file, "--json", "--csv")
    assert result.exit_code == 2
    assert "--json and --csv" in one_error_line(result)


# ---------------------------------------------------------------- --debug
def _explode(*args, **kwargs):
    raise ZeroDivisionError("a bug in the analysis")


def test_a_bug_is_one_line_without_debug(cli, speech_file, monkeypatch):
    monkeypatch.setattr("speechkit.commands.runner.analyze", _explode)
    result = cli("themes", speech_file)
    assert result.exit_code == 1
    assert "unexpected ZeroDivisionError: a bug in the analysis (run with --debug" in one_error_line(result)


@pytest.mark.parametrize("how", [["--debug"], "SPEECHKIT_DEBUG"])
def test_debug_shows_the_traceback(cli, speech_file, monkeypatch, how):
    monkeypatch.setattr("speechkit.commands.runner.analyze", _explode)
    if how == "SPEECHKIT_DEBUG":
        result = cli("themes", speech_file, env={"SPEECHKIT_DEBUG": "1"})
    else:
        result = cli("themes", speech_file, *how)
    assert result.exit_code == 1
    assert isinstance(result.exception, ZeroDivisionError)  # CliRunner keeps what Python would print


def test_debug_traceback_in_a_real_process(run_speechkit, tmp_path):
    # an unreadable lexicon path that is a folder is a library error: --debug shows where it was raised
    result = run_speechkit("themes", str(SEED), "--lexicon", str(tmp_path), "--debug")
    assert result.returncode != 0
    assert b"Traceback" in result.stderr and b"LexiconError" in result.stderr


def test_a_bug_in_one_document_of_a_corpus_skips_it(cli, tmp_path, monkeypatch):
    from speechkit.commands import runner

    real = runner.analyze

    def flaky(text, *args, **kwargs):
        if "взрыв" in text:
            raise ZeroDivisionError("a bug")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(runner, "analyze", flaky)
    (tmp_path / "a.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Текст про взрыв интереса к порту.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(SPEECH, encoding="utf-8")
    result = cli("themes", tmp_path, "--json-lines")
    assert result.exit_code == 6
    assert len(result.stdout.splitlines()) == 2
    assert "b.txt: unexpected ZeroDivisionError: a bug" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- atomic -o
def test_output_file_is_replaced_only_on_success(cli, tmp_path, speech_file):
    report = tmp_path / "report.json"
    report.write_text('{"earlier": true}', encoding="utf-8")
    bad_lexicon = tmp_path / "bad.toml"
    bad_lexicon.write_text("[themes.x\n", encoding="utf-8")
    for args in ([tmp_path / "missing.txt"], [speech_file, "--lexicon", bad_lexicon],
                 [speech_file, "--json", "--csv"]):
        result = cli("themes", *args, "--json", "-o", report)
        assert result.exit_code != 0
        assert json.loads(report.read_text("utf-8")) == {"earlier": True}
    result = cli("themes", speech_file, "--json", "-o", report)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(report.read_text("utf-8"))["source"]["name"] == str(speech_file)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "report.json", "speech.txt"]


def test_output_into_a_missing_folder(cli, tmp_path, speech_file):
    result = cli("themes", speech_file, "--json", "-o", tmp_path / "nope" / "report.json")
    assert result.exit_code == 3
    assert "does not exist" in one_error_line(result)


# ---------------------------------------------------------------- pipes and Ctrl-C (real processes)
@pytest.fixture(scope="module")
def big_text(tmp_path_factory) -> Path:
    f = tmp_path_factory.mktemp("big") / "big.txt"
    f.write_text(SEED.read_text("utf-8") * 20, encoding="utf-8")
    return f


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    text = SEED.read_text("utf-8")
    for i in range(200):
        (folder / f"speech-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("args", [
    ["numbers", "--json"], ["tokens", "--csv"], ["tokens", "--json-lines"],
    ["themes"],
])
def test_closed_pipe_exits_quietly(speechkit_cmd, big_text, args):
    """speechkit numbers --json big.txt | head -1"""
    argv, env = speechkit_cmd(*args, big_text)
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert p.stdout.readline()
    p.stdout.close()  # what head does after its line
    err = p.stderr.read()
    assert p.wait(timeout=120) == 0
    assert b"Traceback" not in err and b"BrokenPipe" not in err and b"Exception ignored" not in err, err


def test_closed_pipe_in_a_corpus_run_with_workers(speechkit_cmd, corpus):
    argv, env = speechkit_cmd("themes", corpus, "--json-lines", "--workers", "2")
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    json.loads(p.stdout.readline())
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=120) == 0
    assert err == b"", err


def _open_stdin_corpus(p: subprocess.Popen, n: int = 6) -> None:
    """Feed JSON lines to a run and keep its stdin open: it waits for more, so a signal sent now always
    comes mid-run, however fast or loaded the machine is."""
    for i in range(n):
        doc = {"text": f"Документ {i}. «Засуха и урожай», — сказал министр. Порт принял {i + 1} тонн."}
        p.stdin.write((json.dumps(doc, ensure_ascii=False) + "\n").encode())
    p.stdin.flush()


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("command", ["themes", "tokens"])
def test_ctrl_c_during_a_corpus_run(speechkit_cmd, corpus, workers, command):
    # After the folder comes stdin, kept open: however fast the folder goes, the run is still on
    # when the signal comes (a blocked writer, as nobody reads on, or a reader waiting for input).
    argv, env = speechkit_cmd(command, corpus, "-", "--json-lines", "--workers", workers)
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, cwd=ROOT)
    watchdog = threading.Timer(120, p.kill)  # a run that does not stop fails the test, not the suite
    watchdog.start()
    try:
        first = p.stdout.readline()
        p.send_signal(signal.SIGINT)
        rest = p.stdout.read()  # read on while it stops: a blocked writer must not hang it
        err = p.stderr.read()
    finally:
        watchdog.cancel()
    assert p.wait(timeout=60) == 130, err.decode("utf-8", "replace")
    assert b"Traceback" not in err and err.rstrip().endswith(b"speechkit: interrupted"), err
    lines = (first + rest).splitlines()
    assert 1 <= len(lines) < 200
    for line in lines:
        json.loads(line)  # every record already written is whole


def test_ctrl_c_leaves_an_earlier_output_file_intact(speechkit_cmd, tmp_path):
    report = tmp_path / "report.jsonl"
    report.write_text("earlier\n", encoding="utf-8")
    argv, env = speechkit_cmd("themes", "--input-jsonl", "--json-lines", "-o", report)
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, cwd=ROOT)
    _open_stdin_corpus(p)
    for _ in range(1200):  # up to a minute of polls: the temp file is open
        if any(f.name.startswith(".report.jsonl.") for f in tmp_path.iterdir()):
            break
        assert p.poll() is None
        time.sleep(0.05)
    else:
        pytest.fail("the output's temporary file never appeared")
    p.send_signal(signal.SIGINT)  # the run waits for more input: the signal comes mid-run
    p.wait(timeout=60)
    # (stderr shown: one CI run saw -2, the interpreter killed by the signal, and nothing else to go on)
    assert p.returncode == 130, p.stderr.read().decode("utf-8", "replace")
    assert report.read_text("utf-8") == "earlier\n"
    assert [f.name for f in tmp_path.iterdir()] == ["report.jsonl"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_stdin_json_lines_stream_through_a_real_pipe(speechkit_cmd, workers):
    """The first record comes out before stdin is closed: nothing waits for the whole input,
    nor, with workers, for a window of documents to fill."""
    argv, env = speechkit_cmd("numbers", "--input-jsonl", "--json-lines", "--workers", workers)
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, cwd=ROOT)
    for i in range(3):  # the runner looks at two documents before it starts
        p.stdin.write((json.dumps({"text": f"Рост {i + 1} %."}, ensure_ascii=False) + "\n").encode())
    p.stdin.flush()
    rec = json.loads(p.stdout.readline())  # would block forever if stdin were read to the end first
    assert rec["figures"][0]["value"] == 1
    p.stdin.close()
    assert len(p.stdout.read().splitlines()) == 2
    assert p.wait(timeout=60) == 0


def test_an_error_while_ctrl_c_unwinds_is_still_ctrl_c(capsys):
    """A clean-up that fails half-way through Ctrl-C (a lock released twice, a pool shut down) exits 130
    as Ctrl-C does; an error on its own stays a failure."""
    import typer

    from speechkit.cli import guarded

    def interrupted_then_broken():
        try:
            raise KeyboardInterrupt
        finally:
            raise RuntimeError("cannot release un-acquired lock")

    def broken():
        raise RuntimeError("a bug")

    with pytest.raises(typer.Exit) as stop:
        guarded(False, interrupted_then_broken)
    assert stop.value.exit_code == 130 and capsys.readouterr().err == "speechkit: interrupted\n"
    with pytest.raises(typer.Exit) as stop:
        guarded(False, broken)
    assert stop.value.exit_code == 1 and "unexpected RuntimeError: a bug" in capsys.readouterr().err
