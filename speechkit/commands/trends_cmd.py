"""``speechkit trends``: theme shares and a word's frequency per day, week, month or year."""

from __future__ import annotations

import sys
from pathlib import Path


def selection_from(db: str, since: str | None, until: str | None, docs: list[str] = (), **segments):
    """The documents (and segments) a command's --since, --until, --doc (--speaker, --kind, --theme) choose."""
    from ..dates import period_start
    from ..db.read import Selection, name_patterns

    return Selection(since=period_start(since) if since else None,
                     until=period_start(until, end=True) if until else None,
                     documents=name_patterns(docs, db), **segments)


def run_trends(db: str, *, by: str = "month", themes: list[str] = (), lemma: str | None = None,
               since: str | None = None, until: str | None = None, docs: list[str] = (), fmt: str = "table",
               output: Path | None = None) -> None:
    """Write the trends of ``db`` as a table, JSON or CSV (one row per bucket)."""
    from ..db.query import trends
    from ..db.schema import connect
    from .output import open_output

    wanted = [t.strip() for item in themes for t in item.split(",") if t.strip()]
    selection = selection_from(db, since, until, docs)
    con = connect(db)
    try:
        data = trends(con, by, selection, themes=wanted or None, lemma=lemma)
    finally:
        con.close()
    if data["undated"]:
        sys.stderr.write(f"speechkit: {data['undated']} undated document{'s' if data['undated'] != 1 else ''} "
                         "left out (index with --date-field, or dates in file names)\n")
    from .. import formats

    with open_output(output) as out:
        if fmt == "json":
            formats.write_json(out, data)
        elif fmt in ("csv", "tsv"):
            w = formats.table_writer(out, fmt)
            w.writerows(csv_rows(data))
        else:
            _print(data, out)


def csv_rows(data: dict) -> list[list]:
    """A header and one row per bucket: bucket, documents, words, each theme's share, the lemma's counts."""
    ids = [t["id"] for t in data["themes"]]
    lemma = "lemma" in data
    head = ["bucket", "documents", "words", *ids] + ([f"{data['lemma']}_count", f"{data['lemma']}_per_million"]
                                                     if lemma else [])
    rows = [head]
    for b in data["buckets"]:
        row = [b["bucket"], b["documents"], b["words"], *(b["shares"][t] for t in ids)]
        if lemma:
            row += [b["lemma_count"], b["per_million"]]
        rows.append(row)
    return rows


def _print(data: dict, out) -> None:
    """The table, laid out and formatted as every table is (render.Grid, display): shares «27 %», short labels."""
    from rich.text import Text

    from ..display import number, percent
    from ..render import Col, Grid, colour, console
    from ..themes import short_labels

    labels = short_labels()
    title = f"Theme shares by {data['by']}"
    if "lemma" in data:
        title += f", and «{data['lemma']}»"
    cols = [Col(data["by"], "fixed", 10), Col("docs", "num", 9), Col("words", "num", 8)]
    cols += [Col(labels.get(th["id"], th["id"]), "num", 7 - i / 100, style=colour(th["id"]))
             for i, th in enumerate(data["themes"])]  # the smallest themes go first when the width is short
    if "lemma" in data:
        cols += [Col(data["lemma"], "num", 8), Col("per M", "num", 7.5)]
    rows = []
    for b in data["buckets"]:
        row = [b["bucket"], str(b["documents"]), number(b["words"])]
        row += [percent(b["shares"][th["id"]]) for th in data["themes"]]
        if "lemma" in data:
            row += [str(b["lemma_count"]), number(b["per_million"], 0) if b["per_million"] is not None else ""]
        rows.append([Text(c) for c in row])
    c = console(out if out is not sys.stdout else None)
    c.print(Grid(title, cols, rows))
    if not data["buckets"]:
        c.print("No dated documents in the database.")
