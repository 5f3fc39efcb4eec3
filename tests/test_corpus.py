"""Corpus runs: folders, JSON-lines in and out, input order, totals, CSV, workers, failures."""

import csv
import io
import json

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
