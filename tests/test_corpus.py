"""Corpus runs: folders, JSON-lines in and out, input order, totals, CSV, workers, failures."""

import csv
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from speechkit.cli import app

runner = CliRunner()

TRANSPORT = "«Объем контейнерных перевозок через порт Актау вырос вдвое», — заявил министр транспорта."
CLIMATE = "«Засуха и аномальная жара — следствие изменения климата», — сказал синоптик."


def cli(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, env={"COLUMNS": "120"})


def folder(tmp_path, **texts):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_json_lines_one_record_per_document_in_input_order(tmp_path):
    result = cli("themes", folder(tmp_path, a=TRANSPORT, b=CLIMATE), "--json-lines")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["name"].rsplit("/", 1)[-1] for r in records] == ["a.txt", "b.txt"]
    assert [[s["theme"] for s in r["segments"] if s["kind"] == "quote"] for r in records] == [["transport"], ["climate"]]


def test_json_holds_documents_and_totals(tmp_path):
    data = json.loads(cli("themes", folder(tmp_path, a=TRANSPORT, b=CLIMATE), "--json").stdout)
    assert len(data["documents"]) == 2 and data["totals"]["documents"] == 2
    shares = data["totals"]["theme_shares"]
    assert set(shares) >= {"transport", "climate"} and abs(sum(shares.values()) - 1) < 0.3


def test_csv_one_row_per_figure_with_the_document(tmp_path):
    result = cli("numbers", folder(tmp_path, a=TRANSPORT, b="Рост составил 65% за 2024 год."), "--csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["doc"].rsplit("/", 1)[-1], r["text"]) for r in rows] == [
        ("a.txt", "вдвое"), ("b.txt", "65%"), ("b.txt", "2024 год")]


def test_input_jsonl_carries_other_fields_through(tmp_path):
    lines = "\n".join(json.dumps({"id": i, "date": f"2024-0{i}-01", "body": t}, ensure_ascii=False)
                      for i, t in enumerate([TRANSPORT, CLIMATE], 1))
    result = cli("themes", "--input-jsonl", "--text-field", "body", "--id-field", "id", "--json-lines", input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["name"] for r in records] == ["1", "2"]
    assert records[1]["source"]["meta"] == {"id": 2, "date": "2024-02-01"}


def test_a_failed_document_is_skipped_and_reported(tmp_path):
    folder(tmp_path, a=TRANSPORT, b="   ", c=CLIMATE)
    result = cli("themes", tmp_path, "--json-lines")
    assert result.exit_code == 6
    assert "b.txt" in result.stderr and "empty" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_two_workers_give_the_same_records_in_the_same_order(tmp_path):
    folder(tmp_path, **{f"d{i}": (TRANSPORT if i % 2 else CLIMATE) for i in range(6)})
    one = cli("themes", tmp_path, "--json-lines").stdout
    two = cli("themes", tmp_path, "--json-lines", "--workers", "2").stdout
    assert one == two and len(one.splitlines()) == 6


def test_corpus_table_has_a_row_per_document_and_a_total(tmp_path):
    result = cli("themes", folder(tmp_path, a=TRANSPORT, b=CLIMATE))
    assert result.exit_code == 0, result.output
    assert "a.txt" in result.stdout and "b.txt" in result.stdout and "all documents" in result.stdout


# ---------------------------------------------------------------- exact keyword totals
CASES = sorted((Path(__file__).resolve().parent / "cases").glob("0*.txt"))


def brute_force_counts(files) -> tuple[Counter, Counter, int]:
    """Every content word of every document counted one by one: (counts, documents, words)."""
    from speechkit.keywords import content_key, glue_names, is_word
    from speechkit.pipeline import Options, analyze, body_tokens

    counts, documents, words = Counter(), Counter(), 0
    for f in files:
        a = analyze(f.read_text("utf-8"), Options(keywords=False, summary=False), name=str(f))
        tokens = body_tokens(a)
        words += sum(1 for t in tokens if is_word(t))
        mine = Counter(k for k in (content_key(t) for t in glue_names(tokens)) if k)  # «Tele2» is one word
        counts.update(mine)
        documents.update(mine.keys())
    return counts, documents, words


@pytest.fixture(scope="module")
def cases_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cases")
    for f in CASES:
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def brute(cases_folder):
    return brute_force_counts(sorted(cases_folder.glob("*.txt")))


KEEP_ALL = ("--keep-speech-verbs", "--keep-names")  # the brute force excludes nothing either


def test_corpus_keyword_totals_are_exact_for_every_lemma(cases_folder, brute):
    from speechkit.text import norm_word

    counts, documents, _ = brute
    result = cli("keywords", cases_folder, "--top", "100000", *KEEP_ALL, "--json")
    assert result.exit_code == 0, result.output
    totals = {norm_word(k["lemma"]): (k["count"], k["documents"]) for k in json.loads(result.stdout)["totals"]["keywords"]}
    assert totals == {k: (counts[k], documents[k]) for k in counts}


@pytest.mark.parametrize("top", [1, 3, 10])
def test_corpus_top_is_cut_from_the_totals_not_merged_from_each_documents_top(cases_folder, brute, top):
    """«россия 13 in 1 document» with --top 5, 27 in 6 with --top 1000: totals no longer depend on --top."""
    from speechkit.keyness import log_likelihood
    from speechkit.keywords import reference, reference_floor
    from speechkit.text import norm_word

    counts, documents, words = brute
    result = cli("keywords", cases_folder, "--top", str(top), *KEEP_ALL, "--json")
    totals = json.loads(result.stdout)["totals"]["keywords"]
    assert len(totals) == top
    cut = sorted(counts.values(), reverse=True)[top - 1]
    for k in totals:
        key = norm_word(k["lemma"])
        assert (k["count"], k["documents"]) == (counts[key], documents[key])
        assert k["count"] >= cut
        ref = reference().get(key, reference_floor()) * 1000
        assert k["keyness"] == pytest.approx(log_likelihood(counts[key], words, ref, 1e9), abs=1e-3)
    assert {norm_word(k["lemma"]) for k in totals} >= {k for k, n in counts.items() if n > cut}


def test_corpus_keyness_ranks_the_totals_by_the_documented_key(cases_folder):
    result = cli("keywords", cases_folder, "--top", "15", "--rank", "keyness", "--json")
    data = json.loads(result.stdout)["totals"]
    assert data["keywords_ranked_by"] == "keyness"
    key = [k for k in data["keywords"] if k["keyness"] >= 6.63]
    assert key and [k["conservative_log_ratio"] for k in key] == sorted((k["conservative_log_ratio"] for k in key),
                                                                        reverse=True)


def test_corpus_keywords_by_speaker_have_their_own_tables(cases_folder):
    result = cli("keywords", cases_folder, "--top", "3", "--by", "speaker")
    assert result.exit_code == 0, result.output
    data = json.loads(cli("keywords", cases_folder, "--top", "3", "--by", "speaker", "--json").stdout)
    by = data["totals"]["keywords_by"]
    assert len(by) >= 3
    for speaker in list(by)[:3]:
        assert f"speaker: {speaker}, over all documents" in " ".join(result.stdout.split())


def test_csv_of_summary_by_theme_keeps_the_by_theme_rows(cases_folder):
    f = CASES[0]
    data = json.loads(cli("summary", f, "--by", "theme", "--json").stdout)
    for fmt, delimiter in (("--csv", ","), ("--tsv", "\t")):
        rows = list(csv.DictReader(io.StringIO(cli("summary", f, "--by", "theme", fmt).stdout), delimiter=delimiter))
        by_theme = [r for r in rows if r["part"] == "by_theme"]
        assert [(r["theme"], r["text"]) for r in by_theme] == [
            (tid, s["text"]) for tid, items in data["by_theme"].items() for s in items]
        assert {r["theme"] for r in rows if r["part"] == "key_figure"} == set(data["key_figures"])
        assert len([r for r in rows if r["part"] == "summary"]) == len(data["summary"])


def test_csv_of_keywords_by_group_keeps_the_groups():
    data = json.loads(cli("keywords", CASES[0], "--by", "speaker", "--top", "3", "--json").stdout)
    rows = list(csv.DictReader(io.StringIO(cli("keywords", CASES[0], "--by", "speaker", "--top", "3", "--csv").stdout)))
    assert {r["group"] for r in rows if r["group"]} == set(data["keywords_by"])
    assert len(rows) == len(data["keywords"]) + sum(len(v) for v in data["keywords_by"].values())


@pytest.mark.parametrize("data, limit, lines", [
    (b"one\ntwo\n", 10, [b"one\n", b"two\n"]),
    (b"one\ntwo", 10, [b"one\n", b"two"]),                   # the last line needs no newline
    (b"abcdefgh\nz\n", 4, [b"abcd", b"efgh", b"\n", b"z\n"]),  # never more than the limit at once
    (b"\n\n", 10, [b"\n", b"\n"]),
    (b"", 10, []),
])
def test_stdin_lines_are_read_from_the_descriptor(data, limit, lines):
    import os
    import threading

    from speechkit.corpus import _FdReader

    r, w = os.pipe()
    threading.Thread(target=lambda: (os.write(w, data), os.close(w))).start()
    reader = _FdReader(r)
    reader.CHUNK = 3  # lines arrive split across reads
    got = list(iter(lambda: reader.readline(limit), b""))
    os.close(r)
    assert got == lines


def test_stdin_read_returns_the_bytes_asked_for_or_the_rest():
    import os

    from speechkit.corpus import _FdReader

    r, w = os.pipe()
    os.write(w, b"0123456789")
    os.close(w)
    reader = _FdReader(r)
    reader.CHUNK = 4
    assert [reader.read(6), reader.read(), reader.read()] == [b"012345", b"6789", b""]
    os.close(r)


def _length(doc):
    return {"chars": len(doc.text)}


def test_documents_read_on_a_thread_give_results_in_input_order_then_the_reading_error():
    from speechkit.corpus import run
    from speechkit.source import Document

    def docs():
        for i in range(7):
            yield Document(f"d{i}", "слово " * (i + 1), "utf-8")
        raise OSError("the feed broke")

    got = []
    with pytest.raises(OSError, match="the feed broke"):
        for doc, out in run(docs(), _length, workers=2, window=3, read_on_thread=True):
            got.append((doc.name, out["chars"]))
    assert got == [(f"d{i}", 6 * (i + 1)) for i in range(7)]
