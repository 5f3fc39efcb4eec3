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
