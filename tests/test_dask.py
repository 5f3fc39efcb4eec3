"""The README's Dask example: a folder of speeches mapped over a dask.bag on the local scheduler."""

from pathlib import Path

import pytest

from speechkit.distributed import record_for_path

db = pytest.importorskip("dask.bag")

SPEECHES = {
    "a.txt": "«Объем контейнерных перевозок через порт Актау вырос вдвое», — заявил министр транспорта.",
    "b.txt": "«Засуха и аномальная жара — следствие изменения климата», — сказал синоптик.",
    "c.txt": "",
}


def test_dask_bag_maps_records_over_a_folder(tmp_path):
    for name, text in SPEECHES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    records = db.from_sequence(paths, npartitions=2).map(record_for_path).compute(scheduler="sync")
    themes = [[s["theme"] for s in r.get("segments", []) if s["kind"] == "quote"] for r in records]
    assert themes[:2] == [["transport"], ["climate"]]
    assert "empty" in records[2]["error"]
    assert Path(records[0]["source"]["name"]).name == "a.txt"


def test_dask_writes_the_database_tables_as_parquet_partitions(tmp_path):
    """A corpus past one machine: partitions analysed apart, the same tables as SQLite, read as one dataset."""
    pq = pytest.importorskip("pyarrow.parquet")
    import sqlite3

    from typer.testing import CliRunner

    from speechkit.cli import app
    from speechkit.db.parquet import stable_id
    from speechkit.distributed import to_parquet

    folder = tmp_path / "speeches"
    folder.mkdir()
    for name, text in SPEECHES.items():
        (folder / f"2024-0{len(name)}-0{ord(name[0]) - 96}-{name}").write_text(text, encoding="utf-8")
    paths = sorted(str(p) for p in folder.glob("*.txt"))
    counts, failed = to_parquet(paths, str(tmp_path / "parquet"), npartitions=2, scheduler="sync")
    assert [f["name"].endswith("c.txt") for f in failed] == [True]  # the empty one
    assert sorted(p.name for p in (tmp_path / "parquet" / "segments").iterdir()) == [
        "part-00000.parquet", "part-00001.parquet"]
    docs = pq.read_table(tmp_path / "parquet" / "documents").to_pylist()
    assert sorted(d["name"] for d in docs) == paths[:2]
    assert {d["id"] for d in docs} == {stable_id(p) for p in paths[:2]}
    assert sorted(d["date"] for d in docs) == ["2024-05-01", "2024-05-02"]  # from the file names
    segments = pq.read_table(tmp_path / "parquet" / "segments")
    # the same tables as the SQLite database, column for column, row for row
    CliRunner().invoke(app, ["index", *paths[:2], "--db", str(tmp_path / "x.db")])
    con = sqlite3.connect(tmp_path / "x.db")
    for table in ("segments", "figures", "document_themes", "lemma_counts"):
        sql_cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        got = pq.read_table(tmp_path / "parquet" / table)
        assert [c for c in got.column_names if c != "value_text"] == [c for c in sql_cols if c != "id"], table
        assert got.num_rows == con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == counts[table]
    quotes = [(r["kind"], r["theme"]) for r in segments.to_pylist() if r["kind"] == "quote"]
    assert sorted(quotes) == [("quote", "climate"), ("quote", "transport")]
    lemmas = {r["lemma"] for r in pq.read_table(tmp_path / "parquet" / "lemma_counts").to_pylist()}
    assert {"порт", "климат"} <= lemmas
