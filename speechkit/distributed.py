"""One self-contained record per document, for mapping over partitions of a distributed engine.

``analyze`` is a pure function of one document's text and options, so a folder
of speeches maps over Dask (or Spark, or Ray) partitions with no shared state:

>>> import dask.bag as db                                      # doctest: +SKIP
>>> bag = db.from_sequence(paths, npartitions=8).map(record_for_path)  # doctest: +SKIP
>>> records = bag.compute(scheduler="processes")               # doctest: +SKIP
"""

from __future__ import annotations

from .errors import SpeechkitError
from .pipeline import Options, analyze
from .source import read_path, require_text
from .views import record


def record_for_path(path: str, command: str = "themes", lexicon: str | None = None) -> dict:
    """The ``--json-lines`` record of one file; a failed file gives ``{"source": …, "error": …}``."""
    try:
        doc = require_text(read_path(path))
    except SpeechkitError as exc:
        return {"source": {"name": str(path)}, "error": str(exc)}
    a = analyze(doc.text, Options(lexicon=lexicon), name=doc.name, encoding=doc.encoding, warnings=doc.warnings)
    return record(command, a)


def table_rows_for_path(path: str, lexicon: str | None = None, date_field: str | None = "date",
                        meta: dict | None = None) -> dict:
    """The rows one file adds to each table of the database (``speechkit.db.parquet``), or ``{"error": …}``.

    The per-document function for a corpus written as Parquet partitions: see ``to_parquet``.
    """
    from .dates import document_date
    from .db.parquet import table_rows
    from .db.rows import document_rows
    from .db.store import now

    try:
        doc = require_text(read_path(path))
    except SpeechkitError as exc:
        return {"error": {"name": str(path), "message": str(exc)}}
    a = analyze(doc.text, Options(lexicon=lexicon, keywords=False), name=doc.name, encoding=doc.encoding)
    date, source = document_date(doc.name, doc.text, meta, date_field)
    rows = document_rows(a, name=doc.name, meta=meta, date=date, date_source=source)
    return table_rows(rows, now())


def to_parquet(paths, folder: str, npartitions: int = 8, lexicon: str | None = None, scheduler: str | None = None):
    """Analyse ``paths`` over a ``dask.bag`` and write every table as Parquet partitions under ``folder``.

    Returns the rows written per table and the files that failed.

    >>> to_parquet(sorted(glob.glob("speeches/*.txt")), "corpus-parquet")  # doctest: +SKIP
    ({'documents': 20000, 'segments': 310412, …}, [])
    """
    import dask
    import dask.bag as db

    from .db.parquet import write_partition

    bag = db.from_sequence(list(paths), npartitions=npartitions).map(table_rows_for_path, lexicon=lexicon)
    parts = bag.to_delayed()
    written = dask.delayed(_write_all)([dask.delayed(_write_one)(p, folder, i, write_partition)
                                        for i, p in enumerate(parts)])
    counts, failed = written.compute(scheduler=scheduler) if scheduler else written.compute()
    return counts, failed


def _write_one(records: list[dict], folder: str, part: int, write_partition) -> tuple[dict, list]:
    good = [r for r in records if "error" not in r]
    return write_partition(good, folder, part), [r["error"] for r in records if "error" in r]


def _write_all(results: list[tuple[dict, list]]) -> tuple[dict, list]:
    counts: dict[str, int] = {}
    failed: list = []
    for c, f in results:
        for table, n in c.items():
            counts[table] = counts.get(table, 0) + n
        failed += f
    return counts, failed
