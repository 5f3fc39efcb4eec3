"""Questions asked of a database: search by lemma with filters, trends over time, collocates."""

import json
import math
import sqlite3

import pytest

from speechkit.collocates import log_dice, mutual_information, t_score
from speechkit.db import query, read, schema
from speechkit.db.query import parse_search

from test_db import write_corpus

# Each document: its name (the date in it) and its text.
NEWS = {
    "2024-01-15-water.txt": "Водные ресурсы Казахстана.\n\n«Водные ресурсы трансграничных рек надо использовать "
                            "бережно», — заявил Токаев.\n",
    "2024-01-20-port.txt": "Порт Актау принял 3 млн тонн грузов.\n\n«Транскаспийский маршрут растёт, и водный "
                           "транспорт тоже», — сказал министр транспорта.\n",
    "2024-02-10-drought.txt": "Засуха угрожает урожаю. «Водного ресурса не хватает», — отметил эксперт.\n",
    "2024-03-05-climate.txt": "«Изменение климата меняет реки: ресурс воды падает», — заявил Токаев.\n",
    "undated.txt": "Министр провёл совещание о засухе и урожае.\n",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from typer.testing import CliRunner

    from speechkit.cli import app

    folder = tmp_path_factory.mktemp("news")
    write_corpus(folder / "news", NEWS)
    path = folder / "news.db"
    result = CliRunner().invoke(app, ["index", str(folder / "news"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def hits(db, q, **filters):
    con = schema.connect(db)
    try:
        found, _ = query.search(con, q, read.Selection(**filters), width=10)
    finally:
        con.close()
    return [(h["doc"].split("/")[-1][:10], h["text"]) for h in found]


# ---------------------------------------------------------------- the query language
QUERIES = [
    # слова подряд — фраза, по леммам
    ("водных ресурсов", 'lemmas : "водный ресурс"'),
    # OR, NOT и минус
    ("засуха OR урожай", '(lemmas : "засуха") OR (lemmas : "урожай")'),
    ("ресурс -вода", 'lemmas : "ресурс" NOT lemmas : "вода"'),
    ("ресурс AND засуха", 'lemmas : "ресурс" AND lemmas : "засуха"'),
    # у слова два разбора — обе леммы
    ("Токаев", '(lemmas : "токаев" OR lemmas : "токай")'),
    # кавычки: фраза отдельно от соседних слов
    ('"водный ресурс" NOT Казахстан', 'lemmas : "водный ресурс" NOT lemmas : "казахстан"'),
    # дефис: «Касым-Жомарт» — два токена FTS, фраза внутри фразы
    ("Касым-Жомарт", 'lemmas : "касым жомарт"'),
]


@pytest.mark.parametrize("q, fts", QUERIES)
def test_queries_become_fts_expressions_over_lemmas(q, fts):
    assert parse_search(q).fts() == fts


def test_forms_search_the_text_as_written():
    assert parse_search("водных ресурсов", forms=True).fts() == 'text : "водных ресурсов"'


@pytest.mark.parametrize("q", ["", "   ", "-вода", "NOT", "«»"])
def test_a_query_must_say_what_to_find(q, db, cli):
    result = cli("search", q, "--db", db)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- matching
def test_a_lemma_query_matches_only_through_lemmas(db):
    # no document has the word «водный ресурс» as written: only «водные ресурсы», «водного ресурса»
    assert hits(db, "водный ресурс") == [("2024-01-15", "Водные ресурсы"), ("2024-01-15", "Водные ресурсы"),
                                         ("2024-02-10", "Водного ресурса")]
    assert hits(db, "водных ресурсов") == hits(db, "водный ресурс")
    con = schema.connect(db)
    found, _ = query.search(con, query.parse_search("водный ресурс", forms=True), read.Selection())
    assert found == []  # as written, the phrase is nowhere
    con.close()


def test_words_not_next_to_each_other_are_no_phrase(db):
    # «ресурс воды» is in one text, «водный ресурс» is not; «водный транспорт» is
    assert hits(db, "водный транспорт") == [("2024-01-20", "водный транспорт")]
    assert hits(db, "ресурс вода") == [("2024-03-05", "ресурс воды")]


def test_boolean_queries(db):
    assert sorted(hits(db, "засуха OR урожай")) == [("2024-02-10", "Засуха"), ("2024-02-10", "урожаю"),
                                                    ("undated.tx", "засухе"), ("undated.tx", "урожае")]
    assert hits(db, "ресурс -Казахстан") == [("2024-01-15", "ресурсы"), ("2024-02-10", "ресурса"),
                                             ("2024-03-05", "ресурс")]


def test_the_attribution_is_not_the_quote(db):
    # «заявил Токаев» is the quote's attribution: the quote does not match «Токаев»
    assert hits(db, "Токаев", kind=("quote",)) == []
    assert [d for d, _ in hits(db, "заявить")] == []  # an attribution belongs to no segment's words


SAME_HITS = ["водный ресурс", "водный транспорт", "ресурс вода", "засуха OR урожай", "ресурс -Казахстан",
             "Казахстан", "река", "транскаспийский маршрут"]


def test_a_hit_is_placed_from_its_segment_row_as_from_the_documents_tokens(db, tmp_path):
    """Rows stored before segments kept their words' offsets (schema 1) are searched from the
    document's packed tokens: the same hits, at the same places."""
    import shutil

    old = tmp_path / "old.db"
    shutil.copy(db, old)
    con = sqlite3.connect(old)
    assert con.execute("SELECT count(*) FROM segments WHERE word_spans IS NULL").fetchone() == (0,)
    con.execute("UPDATE segments SET word_spans = NULL")
    con.commit()
    con.close()
    for q in SAME_HITS:
        for forms in (False, True):
            new_con, old_con = schema.connect(db), schema.connect(old)
            try:
                a, _ = query.search(new_con, query.parse_search(q, forms=forms), read.Selection(), width=10)
                b, _ = query.search(old_con, query.parse_search(q, forms=forms), read.Selection(), width=10)
            finally:
                new_con.close(), old_con.close()
            assert a == b, q
            assert a or forms, q  # every lemma query finds something here


# ---------------------------------------------------------------- filters
def test_filters(db):
    everything = hits(db, "ресурс OR засуха OR порт")
    assert len(everything) == 7
    assert hits(db, "ресурс OR засуха OR порт", kind=("quote",)) == [
        ("2024-01-15", "ресурсы"), ("2024-02-10", "ресурса"), ("2024-03-05", "ресурс")]
    assert hits(db, "ресурс", speaker="Токаев") == [("2024-01-15", "ресурсы"), ("2024-03-05", "ресурс")]
    assert hits(db, "ресурс", speaker="токаев") == hits(db, "ресурс", speaker="Токаев")  # case does not matter
    assert hits(db, "ресурс", speaker="Путин") == []
    assert hits(db, "ресурс OR засуха OR порт", since="2024-02-01", until="2024-02-29") == [
        ("2024-02-10", "Засуха"), ("2024-02-10", "ресурса")]
    assert [d for d, _ in hits(db, "ресурс OR засуха OR порт", documents=("*port*",))] == ["2024-01-20"]


def test_search_command_formats_and_order(db, cli):
    result = cli("search", "ресурс", "--db", db, "--json", "--width", "12", "--sort", "recent")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [h["date"] for h in data["hits"]] == ["2024-03-05", "2024-02-10", "2024-01-15", "2024-01-15"]
    first = data["hits"][0]
    assert first["speaker"].endswith("Токаев") and first["kind"] == "quote" and first["segment"] == 0
    text = (db.parent / "news" / "2024-03-05-climate.txt").read_text("utf-8")
    assert text[first["start"]:first["end"]] == first["text"] == "ресурс"
    assert first["left"] == "еняет реки: " and first["right"] == " воды падает"
    csv_out = cli("search", "ресурс", "--db", db, "--csv", "--limit", "1").stdout.splitlines()
    assert csv_out[0] == "doc,date,segment,kind,speaker,theme,start,end,left,text,right" and len(csv_out) == 2
    lines = cli("search", "ресурс", "--db", db, "--json-lines").stdout.splitlines()
    assert len(lines) == 4 and json.loads(lines[0])["date"] == "2024-01-15"
    table = cli("search", "ресурс", "--db", db, "--speaker", "Токаев")
    assert table.exit_code == 0 and "2 hits for ресурс" in table.stdout and "Токаев" in table.stdout


def test_search_bad_options(db, cli):
    for args, message in ((("--kind", "speech"), "--kind takes quote, turn"),
                          (("--since", "январь"), "is not a date"),
                          (("--sort", "best"), "--sort takes date, recent, rank")):
        result = cli("search", "ресурс", "--db", db, *args)
        assert result.exit_code == 2 and message in result.stderr, result.output


# ---------------------------------------------------------------- trends
def test_trends_buckets(db):
    con = schema.connect(db)
    data = query.trends(con, "month", lemma="ресурс")
    by = {b["bucket"]: b for b in data["buckets"]}
    assert list(by) == ["2024-01", "2024-02", "2024-03"]
    assert [by[m]["documents"] for m in by] == [2, 1, 1]
    assert data["undated"] == 1 and data["documents"] == 4
    assert [by[m]["lemma_count"] for m in by] == [2, 1, 1]
    words = dict(con.execute("SELECT substr(date, 1, 7), sum(words) FROM documents WHERE date IS NOT NULL "
                             "GROUP BY 1"))
    assert [by[m]["words"] for m in by] == [words[m] for m in by]
    assert by["2024-02"]["per_million"] == round(1 / words["2024-02"] * 1e6, 1)
    # a theme's share of a bucket: its words over the bucket's segment words, summed over documents
    shares = {}
    for month in by:
        theme_words = con.execute(
            "SELECT sum(t.words) FROM document_themes t JOIN documents d ON d.id = t.doc_id "
            "WHERE t.theme = 'transport' AND substr(d.date, 1, 7) = ?", (month,)).fetchone()[0] or 0
        seg_words = con.execute("SELECT sum(segment_words) FROM documents WHERE substr(date, 1, 7) = ?",
                                (month,)).fetchone()[0]
        shares[month] = round(theme_words / seg_words, 4)
    assert {m: by[m]["shares"].get("transport", 0.0) for m in by} == shares
    assert shares["2024-01"] > 0 and shares["2024-02"] == 0


def test_trends_fill_the_gaps_and_bucket_by_week_and_year(db):
    con = schema.connect(db)
    weeks = query.trends(con, "week")["buckets"]
    assert weeks[0]["bucket"] == "2024-W03" and weeks[-1]["bucket"] == "2024-W10"
    assert len(weeks) == 8 and sum(b["documents"] for b in weeks) == 4
    assert [b["documents"] for b in weeks if b["bucket"] == "2024-W03"] == [2]  # 15 and 20 January
    assert all(v is None for b in weeks if not b["documents"] for v in b["shares"].values())
    years = query.trends(con, "year", read.Selection(since="2024-02-01"))
    assert [(b["bucket"], b["documents"]) for b in years["buckets"]] == [("2024", 2)]


def test_trends_command(db, cli):
    result = cli("trends", "--db", db, "--by", "month", "--theme", "climate", "--csv")
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0] == "bucket,documents,words,climate" and rows[1].startswith("2024-01,2,")
    assert "1 undated document left out" in result.stderr
    data = json.loads(cli("trends", "--db", db, "--lemma", "засухи", "--json").stdout)
    assert data["lemma"] == "засуха" and [b["lemma_count"] for b in data["buckets"]] == [0, 1, 0]
    bad = cli("trends", "--db", db, "--by", "decade")
    assert bad.exit_code == 2 and "--by takes day, week, month, year" in bad.stderr
    bad = cli("trends", "--db", db, "--theme", "sports")
    assert bad.exit_code == 2 and "unknown theme 'sports'" in bad.stderr


# ---------------------------------------------------------------- collocates
def test_measures_by_hand():
    # f_nc = 4 co-occurrences, f_n = 10, f_c = 6, N = 1000 words
    assert log_dice(4, 10, 6) == 14 + math.log2(8 / 16) == 13.0
    assert mutual_information(4, 10, 6, 1000) == pytest.approx(math.log2(4000 / 60))  # 6.059
    assert t_score(4, 10, 6, 1000) == pytest.approx((4 - 0.06) / 2)  # 1.97


# Three sentences, ten words; the node «коридор» thrice, «транспортный» twice beside it.
CORRIDOR = "Транспортный коридор растёт. Коридор соединяет порты. Новый транспортный коридор открыт."


def test_collocate_scores_against_a_hand_computed_example(tmp_path, cli):
    (tmp_path / "a.txt").write_text(CORRIDOR, encoding="utf-8")
    result = cli("collocates", "коридор", tmp_path / "a.txt", "--window", "2", "--min-freq", "1", "--json",
                 "--all-words")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["node_frequency"], data["corpus_words"]) == (3, 10)
    got = {c["lemma"]: c for c in data["collocates"]}
    # транспортный: f_nc 2 (both on the left), f_n 3, f_c 2, N 10
    t = got["транспортный"]
    assert (t["cooccurrences"], t["left"], t["right"], t["frequency"]) == (2, 2, 0, 2)
    assert t["logdice"] == round(14 + math.log2(2 * 2 / (3 + 2)), 3) == 13.678
    assert t["mi"] == round(math.log2(2 * 10 / (3 * 2)), 3) == 1.737
    assert t["tscore"] == round((2 - 3 * 2 / 10) / math.sqrt(2), 3) == 0.99
    # «растёт» is one word from the first «коридор» and two from the second, across a sentence end: once
    assert got["расти"]["cooccurrences"] == 1 and got["расти"]["right"] == 1
    # «новый» and «открыт» stand within two words of the third «коридор»; «порт» of the second
    assert {k: v["cooccurrences"] for k, v in got.items()} == {
        "транспортный": 2, "расти": 1, "соединять": 1, "порт": 1, "новый": 1, "открыть": 1}
    assert data["collocates"][0]["lemma"] == "транспортный"  # the best log-Dice


def test_collocates_skip_function_words_unless_asked(tmp_path, cli):
    (tmp_path / "a.txt").write_text("Коридор и порт. Коридор и мост. Коридор в степи.", encoding="utf-8")
    content = json.loads(cli("collocates", "коридор", tmp_path / "a.txt", "--min-freq", "1", "--json").stdout)
    assert "и" not in [c["lemma"] for c in content["collocates"]]
    every = json.loads(cli("collocates", "коридор", tmp_path / "a.txt", "--min-freq", "2", "--json",
                           "--all-words").stdout)
    assert [(c["lemma"], c["cooccurrences"]) for c in every["collocates"]] == [("и", 2)]


def test_collocates_from_the_database_equal_those_from_the_files(db, cli):
    folder = db.parent / "news"
    for measure in ("logdice", "mi", "tscore"):
        files = json.loads(cli("collocates", "ресурс", folder, "--min-freq", "1", "--measure", measure,
                               "--json").stdout)
        stored = json.loads(cli("collocates", "ресурс", "--db", db, "--min-freq", "1", "--measure", measure,
                                "--json").stdout)
        assert stored == files
        assert files["collocates"] and files["node_frequency"] == 4


def test_collocates_bad_options(db, cli):
    result = cli("collocates", "ресурс", "--db", db, "--measure", "dice")
    assert result.exit_code == 2 and "--measure takes logdice, mi, tscore" in result.stderr
    result = cli("collocates", "водный ресурс", "--db", db)
    assert result.exit_code == 2 and "one word" in result.stderr
    result = cli("collocates", "ресурс", "x.txt", "--db", db)
    assert result.exit_code == 2 and "give no files" in result.stderr


def test_speakers_filter_by_part_of_the_name(db):
    con = schema.connect(db)
    names = dict(con.execute("SELECT id, name FROM speakers"))
    assert [names[i] for i in read.speaker_ids(con, "токаев")] == ["Токаев"] or \
        [names[i] for i in read.speaker_ids(con, "токаев")] == ["Касым-Жомарт Токаев"]
    assert read.speaker_ids(con, "Путин") == []
    assert sqlite3.connect(db).execute("SELECT count(*) FROM speakers").fetchone()[0] == len(names)


# ---------------------------------------------------------------- the report's trends page
def test_report_from_a_database_gains_a_trends_page(db, tmp_path, cli):
    html5lib = pytest.importorskip("html5lib")
    site = tmp_path / "site"
    result = cli("report", "--db", db, "-o", site)
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in site.iterdir())
    assert "index.html" in pages and "trends.html" in pages and len(pages) == len(NEWS) + 2
    index = (site / "index.html").read_text("utf-8")
    assert 'href="trends.html"' in index
    trends = (site / "trends.html").read_text("utf-8")
    for page in (index, trends):
        html5lib.HTMLParser(strict=True).parse(page)
    assert "<svg" in trends and "<table>" in trends and "http" not in trends.replace("http://www.w3.org", "")
    assert "4 dated documents by week, 1 undated left out" in trends
    result = cli("report", "--db", db, "-o", tmp_path / "one.html")
    assert result.exit_code == 2 and "give a folder" in result.stderr


def test_the_chart_breaks_its_lines_where_no_document_is():
    from speechkit.trends_chart import line_chart, render_trends

    shares = [0.2, 0.3, None, 0.1, 0.4]
    data = {"by": "month", "documents": 4, "undated": 0, "themes": [{"id": "climate", "label": "Климат"}],
            "buckets": [{"bucket": f"2024-0{i + 1}", "documents": int(v is not None), "words": 100,
                         "shares": {"climate": v}} for i, v in enumerate(shares)]}
    svg = line_chart(data)
    assert svg.count("<polyline") == 2  # Jan–Feb, then Apr–May: March has no document
    assert '<span lang="ru">Климат</span>' in svg  # named beside its dash, not told by colour alone
    page = render_trends(data)
    assert page.count("<tr>") == 1 + len(shares)  # the table fallback: a header and a row per month
    assert "<td>2024-03</td><td>0</td><td>100</td><td></td>" in page


# ---------------------------------------------------------------- --tsv wherever --csv is offered
@pytest.mark.parametrize("args", [("search", "ресурс"), ("trends", "--theme", "climate"),
                                  ("collocates", "ресурс", "--min-freq", "1")])
def test_tsv_wherever_csv_is_offered(db, cli, args):
    csv_out = cli(*args, "--db", db, "--csv")
    tsv_out = cli(*args, "--db", db, "--tsv")
    assert csv_out.exit_code == 0 and tsv_out.exit_code == 0, tsv_out.output
    import csv as csv_module
    import io

    rows = list(csv_module.reader(io.StringIO(csv_out.stdout)))
    assert len(rows) > 1 and rows == list(csv_module.reader(io.StringIO(tsv_out.stdout), dialect="excel-tab"))
    assert tsv_out.stdout.splitlines()[0] == "\t".join(rows[0])


# ---------------------------------------------------------------- the tables read as every other table
@pytest.mark.parametrize("width", [60, 80, 120])
def test_trends_and_collocates_tables_fit_and_format_numbers_the_one_way(db, cli, width):
    """Issue 13's rules hold here too: lines fit, numbers whole (decimal comma, «27 %»), short theme labels."""
    from test_tables import check_numbers, tables

    from speechkit.display import number, percent
    from speechkit.themes import short_labels

    def draw(*args):
        out = cli(*args, env={"COLUMNS": str(width)})
        assert out.exit_code == 0, out.output
        assert max(map(len, out.stdout.splitlines())) <= width, out.stdout
        return tables(out.stdout)

    rec = json.loads(cli("trends", "--db", db, "--lemma", "ресурс", "--json").stdout)
    (table,) = draw("trends", "--db", db, "--lemma", "ресурс")
    labels = short_labels()
    want = {labels.get(t["id"], t["id"]): [percent(b["shares"][t["id"]]) for b in rec["buckets"]]
            for t in rec["themes"]}
    want |= {"docs": [str(b["documents"]) for b in rec["buckets"]],
             "words": [number(b["words"]) for b in rec["buckets"]],
             "ресурс": [str(b["lemma_count"]) for b in rec["buckets"]],
             "per M": [number(b["per_million"], 0) if b["per_million"] is not None else "" for b in rec["buckets"]]}
    check_numbers(table, want, always=("month", "docs"))
    assert any(h in table for h in want if h not in ("month", "docs", "words", "ресурс", "per M"))
    rec = json.loads(cli("collocates", "ресурс", "--db", db, "--min-freq", "1", "--json").stdout)
    (table,) = draw("collocates", "ресурс", "--db", db, "--min-freq", "1")
    check_numbers(table, {"log-Dice ▼": [number(c["logdice"], 1) for c in rec["collocates"]],
                          "MI": [number(c["mi"], 1) for c in rec["collocates"]],
                          "t-score": [number(c["tscore"], 1) for c in rec["collocates"]],
                          "together": [str(c["cooccurrences"]) for c in rec["collocates"]]},
                  always=("collocate", "log-Dice ▼"))


@pytest.mark.parametrize("width", [60, 80, 120])
def test_search_lines_fit_the_terminal_as_kwic_lines_do(db, cli, width):
    rec = json.loads(cli("search", "ресурс", "--db", db, "--json").stdout)
    out = cli("search", "ресурс", "--db", db, env={"COLUMNS": str(width)})
    assert out.exit_code == 0, out.output
    shown = out.stdout.splitlines()[1:]
    assert len(shown) == len(rec["hits"]) and max(map(len, shown)) <= width, out.stdout
    for line, hit in zip(shown, rec["hits"]):
        assert line.startswith(hit["date"]) and f" {hit['text']} " in line  # the date and the hit always whole
