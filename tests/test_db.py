"""The database: what `speechkit index` stores, re-runs, interruptions, schema versions, query plans."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import speechkit
from speechkit import Options, Span, Speaker, analyze
from speechkit.db import read, schema
from speechkit.db.rows import document_rows
from speechkit.db.store import Writer
from speechkit.model import to_dict

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"

# dated news items: the date in the file name, in a dateline, or nowhere
CORPUS = {
    "2024-01-15-water.txt": "«Водные ресурсы трансграничных рек надо использовать бережно», — заявил Токаев.\n",
    "2024-02-03-port.txt": "Порт Актау принял 3 млн тонн грузов.\n\n«Транскаспийский маршрут растёт», — сказал министр.\n",
    "drought.txt": "Засуха\n\n12.03.2024\nЗасуха угрожает урожаю. «Водных запасов мало», — отметил эксперт.\n",
    "undated.txt": "Министр провёл совещание о засухе и урожае.\n",
}


def write_corpus(folder: Path, texts: dict = CORPUS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def index(cli, *args):
    result = cli("index", *map(str, args))
    assert result.exit_code in (0, 6), result.output
    return result


def count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "news")
    return tmp_path


# ---------------------------------------------------------------- what is stored
def test_index_stores_documents_with_dates_and_their_sources(corpus, cli):
    result = index(cli, "news", "--db", "news.db", "--json")
    assert json.loads(result.stdout) == {"db": "news.db", "new": 4, "changed": 0, "unchanged": 0, "failed": 0,
                                         "pruned": 0, "dates": {"name": 2, "dateline": 1, "none": 1}}
    con = sqlite3.connect("news.db")
    rows = con.execute("SELECT name, date, date_source, title FROM documents ORDER BY name").fetchall()
    assert rows == [
        ("news/2024-01-15-water.txt", "2024-01-15", "name", CORPUS["2024-01-15-water.txt"].strip()),
        ("news/2024-02-03-port.txt", "2024-02-03", "name", "Порт Актау принял 3 млн тонн грузов."),
        ("news/drought.txt", "2024-03-12", "dateline", "Засуха"),
        ("news/undated.txt", None, None, CORPUS["undated.txt"].strip()),
    ]
    # every stored text is a slice of its document's text
    for seg_text, start, end, doc in con.execute(
            'SELECT s.text, s."start", s."end", d.text FROM segments s JOIN documents d ON d.id = s.doc_id'):
        assert doc[start:end] == seg_text
    assert con.execute("SELECT lemma, count FROM lemma_counts l JOIN documents d ON d.id = l.doc_id "
                       "WHERE d.name LIKE '%undated%' AND lemma IN ('засуха', 'урожай', 'министр') "
                       "ORDER BY lemma").fetchall() == [("засуха", 1), ("министр", 1), ("урожай", 1)]
    figures = con.execute("SELECT text, value, unit, kind FROM figures").fetchall()
    assert ("3 млн тонн", 3000000, "тонна", "quantity") in figures


def test_a_stored_analysis_reads_back_as_the_analysis(tmp_path):
    text = (CASES / "03_vtb-buys-tele2-russia.txt").read_text("utf-8")
    a = analyze(text, Options(keywords=False), name="vtb.txt")
    con = schema.connect(tmp_path / "x.db", write=True)
    w = Writer(con, tmp_path / "x.db")
    w.add(document_rows(a, name="vtb.txt", analysis_version="v"))
    w.finish()
    back, doc = read.load(con, 1)
    assert to_dict(back) == to_dict(a)
    assert doc["content_hash"] and doc["analysis_version"] == "v"


def _with_speakers(a):
    """The analysis as the speaker model will give it: participants with ids, mentions and roles."""
    import dataclasses

    toka = Speaker("s1", "Касым-Жомарт Токаев", "person", "masc", ["Президент Казахстана"],
                   [Span(0, 6, a.text[0:6])], [0], 5)
    mid = Speaker("s2", "МИД Ирана", "organisation", None, [], [], [], 0)
    segs = [dataclasses.replace(s, speaker=toka.name, speaker_id="s1") if s.kind == "quote" else s
            for s in a.segments]
    return dataclasses.replace(a, segments=segs, speakers=[toka, mid])


def test_speakers_are_merged_across_documents_by_canonical_name(tmp_path):
    con = schema.connect(tmp_path / "x.db", write=True)
    w = Writer(con, tmp_path / "x.db")
    for name in ("a.txt", "b.txt"):
        a = _with_speakers(analyze("Токаев заявил: «Мы построим порт». Его поддержали.", name=name))
        w.add(document_rows(a, name=name, analysis_version="v"))
    w.finish()
    assert con.execute("SELECT name, kind, gender FROM speakers ORDER BY name").fetchall() == [
        ("Касым-Жомарт Токаев", "person", "masc"), ("МИД Ирана", "organisation", None)]
    per_doc = con.execute("SELECT d.name, p.name, s.local_id, s.mentions, s.roles, s.words FROM document_speakers s "
                          "JOIN speakers p ON p.id = s.speaker_id JOIN documents d ON d.id = s.doc_id "
                          "ORDER BY d.name, s.local_id").fetchall()
    assert per_doc == [
        ("a.txt", "Касым-Жомарт Токаев", "s1", 1, '["Президент Казахстана"]', 5),
        ("a.txt", "МИД Ирана", "s2", 0, None, 0),
        ("b.txt", "Касым-Жомарт Токаев", "s1", 1, '["Президент Казахстана"]', 5),
        ("b.txt", "МИД Ирана", "s2", 0, None, 0),
    ]
    # the quote points at the merged participant, and reads back with its document's own id
    assert con.execute("SELECT count(DISTINCT speaker_id) FROM segments WHERE kind = 'quote'").fetchone() == (1,)
    back, _ = read.load(con, 1)
    assert [(s.id, s.name, s.mentions[0].text if s.mentions else None) for s in back.speakers] == [
        ("s1", "Касым-Жомарт Токаев", "Токаев"), ("s2", "МИД Ирана", None)]
    assert [s.speaker_id for s in back.segments if s.kind == "quote"] == ["s1"]
    # a document dropped takes its mentions along; a participant no one mentions goes too
    con.execute("DELETE FROM documents WHERE name = 'a.txt'")
    w.finish()
    con.execute("DELETE FROM documents WHERE name = 'b.txt'")
    w.finish()
    assert con.execute("SELECT count(*) FROM speakers").fetchone() == (0,)


# ---------------------------------------------------------------- incremental
def test_a_rerun_analyses_only_new_and_changed_documents(corpus, cli):
    index(cli, "news", "--db", "news.db")
    ids = dict(sqlite3.connect("news.db").execute("SELECT name, id FROM documents"))
    (corpus / "news" / "drought.txt").write_text("Засуха отступила.\n", encoding="utf-8")
    (corpus / "news" / "new.txt").write_text("Новый порт открыт.\n", encoding="utf-8")
    result = index(cli, "news", "--db", "news.db", "--json")
    assert json.loads(result.stdout)["new"] == 1
    assert (json.loads(result.stdout)["changed"], json.loads(result.stdout)["unchanged"]) == (1, 3)
    con = sqlite3.connect("news.db")
    assert dict(con.execute("SELECT name, id FROM documents WHERE name != 'news/new.txt'")) == ids  # ids stay
    assert con.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'отступить'").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM segments_fts WHERE segments_fts MATCH 'угрожать'").fetchone() == (0,)
    assert con.execute("SELECT sum(count) FROM lemma_counts WHERE lemma = 'засуха'").fetchone() == (2,)  # undated.txt and the new drought.txt


def test_a_new_analysis_version_reanalyses_everything(corpus, cli, monkeypatch):
    index(cli, "news", "--db", "news.db")
    monkeypatch.setattr("speechkit.db.store.ANALYSIS_FORMAT", 999)
    result = index(cli, "news", "--db", "news.db", "--json")
    assert json.loads(result.stdout)["changed"] == 4
    lexicon = corpus / "themes.toml"
    lexicon.write_text('extend = true\n[themes.water]\nlabel = "Вода"\n[themes.water.lemmas]\n"вода" = 3\n', "utf-8")
    result = index(cli, "news", "--db", "news.db", "--lexicon", lexicon, "--json")
    assert json.loads(result.stdout)["changed"] == 4


def test_the_analysis_fingerprint_reads_the_code_of_subpackages_too(tmp_path):
    from speechkit.db.store import analysis_code

    for name in ("pipeline.py", "cli.py", "figures/__init__.py", "figures/dates.py", "commands/index_cmd.py",
                 "db/rows.py", "db/query.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    assert analysis_code(tmp_path) == ["db/rows.py", "figures/__init__.py", "figures/dates.py", "pipeline.py"]
    package = Path(speechkit.__file__).parent
    assert "db/rows.py" in analysis_code(package) and "pipeline.py" in analysis_code(package)


def test_prune_drops_documents_that_are_gone(corpus, cli):
    index(cli, "news", "--db", "news.db")
    (corpus / "news" / "undated.txt").unlink()
    assert json.loads(index(cli, "news", "--db", "news.db", "--json").stdout)["pruned"] == 0
    assert count(corpus / "news.db", "documents") == 4  # without --prune nothing is dropped
    result = index(cli, "news", "--db", "news.db", "--prune", "--json")
    assert json.loads(result.stdout)["pruned"] == 1
    assert count(corpus / "news.db", "documents") == 3
    assert count(corpus / "news.db", "segments") == sqlite3.connect("news.db").execute(
        "SELECT count(*) FROM segments_fts").fetchone()[0]


def test_json_lines_with_date_field_and_ids(tmp_path, cli):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a1", "body": "«Урожай рекордный», — заявил министр.", "published": "2024-07-06T10:00:00Z"},
        {"id": "a2", "body": "Засуха пришла в регион.", "published": "вчера"},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "feed.db"
    result = cli("index", "--input-jsonl", "--text-field", "body", "--id-field", "id", "--date-field", "published",
                 "--db", db, feed)
    assert result.exit_code == 0, result.output
    assert "a2: field 'published' holds 'вчера', not a date" in result.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT name, date, date_source, json_extract(meta, '$.published') FROM documents "
                       "ORDER BY name").fetchall() == [("a1", "2024-07-06", "field", "2024-07-06T10:00:00Z"),
                                                       ("a2", None, None, "вчера")]


def test_workers_give_the_same_database(corpus, cli):
    index(cli, "news", "--db", "one.db")
    index(cli, "news", "--db", "two.db", "--workers", "2")
    q = ("SELECT d.name, s.idx, s.kind, s.theme, s.lemmas FROM segments s JOIN documents d ON d.id = s.doc_id "
         "ORDER BY d.name, s.idx")
    assert sqlite3.connect("one.db").execute(q).fetchall() == sqlite3.connect("two.db").execute(q).fetchall()


def test_unreadable_documents_are_reported_and_the_rest_stored(corpus, cli):
    (corpus / "news" / "empty.txt").write_text("  \n", encoding="utf-8")
    result = cli("index", "news", "--db", "news.db")
    assert result.exit_code == 6
    assert "skipped: news/empty.txt: the text is empty" in result.stderr
    assert count(corpus / "news.db", "documents") == 4


# ---------------------------------------------------------------- interruptions
def test_an_interrupted_batch_leaves_earlier_batches_and_the_next_run_completes(corpus, cli, monkeypatch):
    texts = {f"d{i:02d}.txt": f"Документ номер {i}. Засуха и урожай, порт и {i} тонн зерна.\n" for i in range(10)}
    write_corpus(corpus / "many", texts)
    calls = []
    real = Writer._write

    def failing(self, rows):
        calls.append(rows.document["name"])
        if len(calls) == 7:  # the third document of the third batch of three
            raise KeyboardInterrupt
        return real(self, rows)

    monkeypatch.setattr(Writer, "_write", failing)
    result = cli("index", "many", "--db", "many.db", "--batch", "3")
    assert result.exit_code == 130
    assert count(corpus / "many.db", "documents") == 6  # two whole batches, nothing of the third
    monkeypatch.setattr(Writer, "_write", real)
    result = index(cli, "many", "--db", "many.db", "--batch", "3", "--json")
    assert json.loads(result.stdout)["new"] == 4 and json.loads(result.stdout)["unchanged"] == 6
    index(cli, "many", "--db", "clean.db")
    q = "SELECT d.name, l.lemma, l.count FROM lemma_counts l JOIN documents d ON d.id = l.doc_id ORDER BY 1, 2"
    assert sqlite3.connect("many.db").execute(q).fetchall() == sqlite3.connect("clean.db").execute(q).fetchall()
    assert count(corpus / "many.db", "segments") == count(corpus / "clean.db", "segments")
    con = sqlite3.connect("many.db")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("INSERT INTO segments_fts (segments_fts) VALUES ('integrity-check')").rowcount in (-1, 0, 1)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_killed_run_leaves_a_consistent_database(tmp_path, speechkit_cmd, sig):
    texts = {f"d{i:03d}.txt": f"Документ {i}. «Засуха и урожай», — сказал министр. Порт принял {i} тонн.\n"
             for i in range(60)}
    write_corpus(tmp_path / "many", texts)
    db = tmp_path / "many.db"
    argv, env = speechkit_cmd("index", tmp_path / "many", "--db", db, "--batch", "2")
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while proc.poll() is None:  # wait for a first batch to be committed, then stop the run mid-way
        if db.exists():
            try:
                if count(db, "documents") >= 4:
                    break
            except sqlite3.OperationalError:
                pass
    proc.send_signal(sig)
    proc.communicate()
    if sig == signal.SIGINT and proc.returncode != 0:
        assert proc.returncode == 130
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert stored % 2 == 0 or stored == 60  # whole batches only
    assert con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM tokens t WHERE t.doc_id = d.id)").fetchone() == (0,)
    con.close()
    argv, env = speechkit_cmd("index", tmp_path / "many", "--db", db, "--json")
    done = subprocess.run(argv, env=env, capture_output=True, check=True)
    counts = json.loads(done.stdout)
    assert counts["new"] + counts["unchanged"] == 60 and counts["unchanged"] == stored
    assert count(db, "documents") == 60


# ---------------------------------------------------------------- schema
def test_a_newer_database_is_refused(tmp_path, cli):
    db = tmp_path / "x.db"
    schema.connect(db, write=True).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    for args in (("index", tmp_path, "--db", db), ("search", "вода", "--db", db), ("themes", "--db", db)):
        result = cli(*args)
        assert result.exit_code == 3, result.output
        newer, ours = schema.SCHEMA_VERSION + 1, schema.SCHEMA_VERSION
        assert f"made by a newer speechkit (schema version {newer}; this one knows up to {ours})" in result.stderr
        assert "Traceback" not in result.output


def test_not_a_database_and_a_missing_one(tmp_path, cli):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    text = tmp_path / "notes.txt"
    text.write_text("not sqlite", encoding="utf-8")
    for db, message in ((other, "not speechkit's"), (text, "not a speechkit database"),
                        (tmp_path / "none.db", "no such database")):
        result = cli("search", "вода", "--db", db)
        assert result.exit_code == 3 and message in result.stderr, result.output


def test_migrations_run_forward_in_order(tmp_path, monkeypatch):
    db = tmp_path / "x.db"
    schema.connect(db, write=True).close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, "ALTER TABLE documents ADD COLUMN source_url TEXT;"])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(schema.DatabaseError, match="run `speechkit index --db"):
        schema.connect(db)  # reading never migrates
    con = schema.connect(db, write=True)
    assert "source_url" in [r[1] for r in con.execute("PRAGMA table_info(documents)")]
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(schema.SCHEMA_VERSION),)


def test_the_database_is_in_wal_mode_with_foreign_keys(corpus, cli):
    index(cli, "news", "--db", "news.db")
    con = sqlite3.connect("news.db")
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


# ---------------------------------------------------------------- query plans
def test_the_main_queries_use_indexes(corpus, cli):
    """Every SELECT that search, trends, collocates and --db issue, with its plan: no scan of a big table."""
    from speechkit.db import query

    index(cli, "news", "--db", "news.db")
    con = schema.connect("news.db")
    statements: list[str] = []
    con.set_trace_callback(statements.append)
    sel = read.Selection(since="2024-01-01", until="2024-12-31", speaker="Токаев", kind=("quote",))
    query.search(con, "водный ресурс", sel)
    query.search(con, "засуха", read.Selection(documents=("news/drought.txt",)), sort="rank")
    query.trends(con, "month", read.Selection(since="2024-02-01"), lemma="засуха")
    query.collocates(con, "засуха", min_freq=1)
    read.load(con, 1)
    con.set_trace_callback(None)
    plans = {}
    ours = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "'main'." not in s]  # not FTS5's own
    for sql in dict.fromkeys(ours):
        plans[sql] = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql)]
    shown = "\n".join(f"{sql}\n    " + "\n    ".join(plan) for sql, plan in plans.items())
    print(shown)  # pytest -s shows them
    steps = [step for plan in plans.values() for step in plan]
    # a scan is only ever of the small tables, or of the FTS index itself
    for step in steps:
        if step.startswith("SCAN") and "VIRTUAL TABLE" not in step:
            assert step.split()[1] in ("speakers", "d", "hit"), shown  # hit: the ≤ 50 matches shown
    assert any("VIRTUAL TABLE INDEX" in s for s in steps)  # the full-text match
    # the matches are ordered from the narrow search indexes, without reading a row of text
    assert any(s.startswith("SEARCH s USING") and "INDEX segments_search (id=?)" in s for s in steps), shown
    assert "SEARCH d USING COVERING INDEX documents_search (id=?)" in steps, shown
    assert any(s.startswith("SEARCH d USING COVERING INDEX documents_search (id=? AND date>? AND date<?)")
               for s in steps), shown  # --since, --until
    assert "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)" in steps  # then the rows of those shown, by id
    assert "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)" in steps  # and their documents
    assert any(s.startswith("SEARCH d USING INDEX documents_date (date>?") for s in steps)  # --since
    assert any(s.startswith("SEARCH l USING COVERING INDEX lemma_counts_lemma (lemma=?") or
               s.startswith("SEARCH l USING INDEX lemma_counts_lemma (lemma=?") for s in steps)  # --lemma
    assert any("segments USING INDEX sqlite_autoindex_segments_1 (doc_id=?)" in s for s in steps)  # read back
    assert any("USING PRIMARY KEY (doc_id=?)" in s for s in steps)  # figures, themes … of a document
    name_plan = [r[3] for r in con.execute("EXPLAIN QUERY PLAN SELECT content_hash FROM documents WHERE name = ?",
                                           ("x",))]
    assert name_plan == ["SEARCH documents USING INDEX sqlite_autoindex_documents_1 (name=?)"]  # incremental check


# ---------------------------------------------------------------- --db equals the files
@pytest.mark.parametrize("command, args", [
    ("themes", ()), ("numbers", ()), ("numbers", ("--unit", "тонна")), ("keywords", ("--top", "10")),
    ("keywords", ("--by", "speaker", "--rank", "keyness")), ("summary", ("-n", "2", "--by", "theme")),
    ("analyze", ()), ("tokens", ()), ("speakers", ()), ("speakers", ("--all",)),
])
def test_db_results_equal_file_results_on_the_dev_texts(tmp_path, monkeypatch, cli, command, args, dev_db):
    monkeypatch.chdir(dev_db.parent)
    files = cli(command, "cases", "--json", *args)
    stored = cli(command, "--db", dev_db.name, "--json", *args)
    assert files.exit_code == 0 and stored.exit_code == 0, stored.output
    assert json.loads(stored.stdout) == json.loads(files.stdout)
    one = cli(command, "--db", dev_db.name, "cases/03_vtb-buys-tele2-russia.txt", "--json", *args)
    assert json.loads(one.stdout) == json.loads(cli(command, "cases/03_vtb-buys-tele2-russia.txt", "--json",
                                                    *args).stdout)


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory):
    """The texts of tests/cases (the development set's) indexed once for the module."""
    from typer.testing import CliRunner

    from speechkit.cli import app

    folder = tmp_path_factory.mktemp("dev")
    cases = folder / "cases"
    cases.mkdir()
    for f in sorted(CASES.glob("*.txt")):
        (cases / f.name).write_bytes(f.read_bytes())
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, ["index", "cases", "--db", "dev.db"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return folder / "dev.db"


def test_db_options_that_shape_an_analysis_are_refused(corpus, cli):
    index(cli, "news", "--db", "news.db")
    result = cli("themes", "--db", "news.db", "--lexicon", "x.toml")
    assert result.exit_code == 2 and "--lexicon shape an analysis" in result.stderr
    result = cli("themes", "--db", "news.db", "nothing*")
    assert result.exit_code == 3 and "no stored document matches nothing*" in result.stderr


def test_library_stays_free_of_sqlite_until_asked():
    code = "import sys, speechkit; print('sqlite3' in sys.modules, 'speechkit.db' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_names_are_kept_relative_to_the_database_folder(corpus, cli, monkeypatch):
    index(cli, "news", "--db", "news.db")
    monkeypatch.chdir(corpus / "news")
    result = index(cli, ".", "--db", "../news.db", "--json")  # the same files, from elsewhere
    assert json.loads(result.stdout)["unchanged"] == 4 and json.loads(result.stdout)["new"] == 0
    result = cli("themes", "--db", "../news.db", "drought.txt", "--json")  # a path as typed here
    assert result.exit_code == 0 and json.loads(result.stdout)["source"]["name"] == "news/drought.txt"


def test_numbers_unit_takes_any_form_of_the_word(corpus, cli):
    for args in (("news",), ("--db", "news.db")):
        if args[0] == "--db":
            index(cli, "news", "--db", "news.db")
        result = cli("numbers", *args, "--unit", "тонн", "--json")
        figures = [f for d in json.loads(result.stdout)["documents"] for f in d["figures"]]
        assert [(f["text"], f["unit"]) for f in figures] == [("3 млн тонн", "тонна")]


def test_kwic_over_the_database_equals_kwic_over_the_files(corpus, cli):
    index(cli, "news", "--db", "news.db")
    files = json.loads(cli("kwic", "засуха", "news", "--json").stdout)  # grep order: QUERY [FILE…]
    stored = json.loads(cli("kwic", "засуха", "--db", "news.db", "--json").stdout)
    assert stored == files and len(files["hits"]) == 3


@pytest.mark.parametrize("message, expected", [("database or disk is full", "the disk is full"),
                                               ("database is locked", "another program is writing")])
def test_a_full_disk_or_a_second_writer_stops_the_run_cleanly(corpus, cli, monkeypatch, message, expected):
    real = Writer._write
    calls = []

    def failing(self, rows):
        calls.append(1)
        if len(calls) == 3:
            raise sqlite3.OperationalError(message)
        return real(self, rows)

    monkeypatch.setattr(Writer, "_write", failing)
    result = cli("index", "news", "--db", "news.db", "--batch", "2")
    assert result.exit_code == 3 and expected in result.stderr and "Traceback" not in result.output
    assert count(corpus / "news.db", "documents") == 2  # the first batch, whole
    monkeypatch.setattr(Writer, "_write", real)
    assert json.loads(index(cli, "news", "--db", "news.db", "--json").stdout)["new"] == 2
