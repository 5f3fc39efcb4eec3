"""`speechkit speakers`: who speaks in one file, a folder and JSON lines, in every output format,
and the speaker records every analysis carries (ids on segments and figures, canonical names)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from speechkit import analyze

NEWS = (
    "Министр энергетики Казахстана Канат Сарбасов провел брифинг в Астане.\n"
    "«Тарифы на электроэнергию вырастут не более чем на 5%», — заявил Сарбасов.\n"
    "«Мы построим три новые станции», — добавил министр.\n"
    "Депутаты мажилиса раскритиковали планы ведомства. «Документ нужно переписать», — заявили они.\n"
)
OTHER = (
    "Глава Минэнерго Канат Сарбасов встретился с инвесторами.\n"
    "«Инвестиции в отрасль составят 2 млрд долларов», — сказал министр.\n"
    "«Спрос на уголь падает», — отметила аналитик Алия Нурланова.\n"
)


def test_every_segment_and_figure_carries_a_speaker_id_of_the_speaker_list():
    a = analyze(NEWS)
    by_id = {sp.id: sp for sp in a.speakers}
    quotes = [s for s in a.segments if s.kind == "quote"]
    assert [(s.speaker, by_id[s.speaker_id].name) for s in quotes] == [
        ("Канат Сарбасов", "Канат Сарбасов"), ("Канат Сарбасов", "Канат Сарбасов"),
        ("депутаты мажилиса", "депутаты мажилиса")]
    minister = by_id[quotes[0].speaker_id]
    assert minister.kind == "person" and minister.gender == "masc"
    assert minister.roles == ["министр энергетики Казахстана"]
    assert minister.segments == [s.index for s in quotes[:2]]
    assert minister.words == 13  # the words of his two quotes: 8 (a figure holds no word) and 5
    assert [NEWS[m.start:m.end] for m in minister.mentions] == ["Канат Сарбасов", "Сарбасов"]
    figure = next(f for f in a.figures if "5%" in f.text)
    assert (figure.speaker, figure.speaker_id) == ("Канат Сарбасов", minister.id)
    assert all(s.speaker is None and s.speaker_id is None for s in a.segments if s.kind == "narrative")


NARRATORS = [
    # a first-person text printed without quote marks is its main actor's own speech
    ("Касым-Жомарт Токаев выступил в Астане. Мы готовы к диалогу. Мы строим дороги.", "Касым-Жомарт Токаев"),
    # the only «person» is a capitalised word an attribution's probe read as a name: nobody
    ("Арал «готовы Мы», — заявил министр. Мы «готовы»", None),
    ("Байтерек «мы готовы», — сказал министр. Мы готовы.", None),
]


@pytest.mark.parametrize("text, narrator", NARRATORS)
def test_a_narrator_is_a_person_the_text_names(text, narrator):
    a = analyze(text)
    by_id = {sp.id: sp for sp in a.speakers}
    narrative = [s for s in a.segments if s.kind == "narrative"]
    assert narrative and {s.speaker for s in narrative} == {narrator}
    for s in narrative:  # a name always with its participant's id
        assert (s.speaker_id is None) if narrator is None else by_id[s.speaker_id].name == narrator


def test_one_file_as_a_table(cli, tmp_path):
    f = tmp_path / "news.txt"
    f.write_text(NEWS, encoding="utf-8")
    result = cli("speakers", f)
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if "Канат Сарбасов" in ln or "депутаты мажилиса" in ln]
    assert len(lines) == 2
    cells = [c.strip() for c in lines[0].split("│")]
    assert cells[2:4] == ["Канат Сарбасов", "person"] and cells[5:9] == ["2", "0", "0", "13"]


def test_one_file_as_json_and_csv(cli, tmp_path):
    f = tmp_path / "news.txt"
    f.write_text(NEWS, encoding="utf-8")
    rec = json.loads(cli("speakers", f, "--json").stdout)
    minister = next(sp for sp in rec["speakers"] if sp["name"] == "Канат Сарбасов")
    assert (minister["quotes"], minister["turns"], minister["fragments"], minister["words"]) == (2, 0, 0, 13)
    assert len(minister["figures"]) == 2 and isinstance(minister["themes"], dict)  # «5%» and «три» are his
    rows = list(csv.DictReader(io.StringIO(cli("speakers", f, "--csv").stdout)))
    got = {r["name"]: (r["kind"], r["quotes"], r["words"]) for r in rows}
    assert got["Канат Сарбасов"] == ("person", "2", "13")
    assert got["депутаты мажилиса"] == ("group", "1", "3")


def test_a_folder_merges_a_person_across_documents_by_canonical_name(cli, tmp_path):
    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "a.txt").write_text(NEWS, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    out = json.loads(cli("speakers", folder, "--json").stdout)
    totals = {sp["name"]: sp for sp in out["totals"]["speakers"]}
    minister = totals["Канат Сарбасов"]
    assert (minister["documents"], minister["quotes"]) == (2, 3)
    assert totals["Алия Нурланова"]["quotes"] == 1 and totals["Алия Нурланова"]["kind"] == "person"
    assert [sp["name"] for sp in out["totals"]["speakers"]][0] == "Канат Сарбасов"  # who said most first
    table = cli("speakers", folder).stdout
    assert "Speakers over all documents" in table
    assert sum(1 for ln in table.splitlines() if "Канат Сарбасов" in ln) == 1


def test_json_lines_in_and_out(cli):
    lines = "\n".join(json.dumps({"id": k, "text": t}, ensure_ascii=False) for k, t in (("a", NEWS), ("b", OTHER)))
    result = cli("speakers", "--input-jsonl", "--id-field", "id", "--json-lines", input=lines + "\n")
    assert result.exit_code == 0, result.output
    recs = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert [[sp["name"] for sp in r["speakers"] if sp["quotes"]] for r in recs] == [
        ["Канат Сарбасов", "депутаты мажилиса"], ["Канат Сарбасов", "Алия Нурланова"]]


def test_all_lists_the_people_only_mentioned(cli, tmp_path):
    f = tmp_path / "news.txt"
    f.write_text("Президент Касым-Жомарт Токаев поручил министру Канату Сарбасову доложить. "
                 "«Доклад будет готов в пятницу», — сказал Сарбасов.\n", encoding="utf-8")
    quoted = cli("speakers", f).stdout
    assert "Касым-Жомарт Токаев" not in quoted and "1 more mentioned" in quoted
    assert "Касым-Жомарт Токаев" in cli("speakers", f, "--all").stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_speakers_table_keeps_numbers_whole(cli, tmp_path, columns):
    f = tmp_path / "news.txt"
    f.write_text(NEWS, encoding="utf-8")
    out = cli("speakers", f, env={"COLUMNS": str(columns)}).stdout
    assert "13" in out and "…3" not in out and "1…" not in out
    assert max(len(ln) for ln in out.splitlines()) <= columns
