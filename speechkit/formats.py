"""The machine formats: JSON, JSON lines and CSV, one record per document.

Kept apart from the tables (``render``) so that ``--json`` runs never import rich.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from typing import Any, TextIO


def dumps(obj: Any, indent: int | None = None) -> str:
    """JSON as the standard has it: a NaN or an infinity is an error here, never invalid output."""
    return json.dumps(obj, ensure_ascii=False, indent=indent, allow_nan=False)


def write_json(out: TextIO, obj: Any) -> None:
    """``obj`` as indented JSON, written 64 KB at a time: the whole text is never held at once.

    (``json.dumps`` with an indent joins every piece of the document in one list: for 100,000
    figures that list alone is 250 MB.)
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False)
    pieces: list[str] = []
    size = 0
    for piece in encoder.iterencode(obj):
        pieces.append(piece)
        size += len(piece)
        if size >= 1 << 16:
            out.write("".join(pieces))
            pieces.clear()
            size = 0
    pieces.append("\n")
    out.write("".join(pieces))


def write_json_line(out: TextIO, obj: Any) -> None:
    out.write(dumps(obj))
    out.write("\n")
    out.flush()


class DocumentsWriter:
    """``{"documents": [...], "totals": {...}}`` written record by record, as ``write_json`` would write it.

    A corpus run holds no record once it is written, so ``--json`` streams in constant memory too.

    >>> out = io.StringIO(); w = DocumentsWriter(out)
    >>> w.write(w.encode({"a": 1})); w.close({"documents": 1})
    >>> json.loads(out.getvalue()) == {"documents": [{"a": 1}], "totals": {"documents": 1}}
    True
    >>> out.getvalue() == dumps({"documents": [{"a": 1}], "totals": {"documents": 1}}, indent=2) + "\\n"
    True
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        out.write('{\n  "documents": [')

    def encode(self, rec: dict) -> str:
        return textwrap.indent(dumps(rec, indent=2), "    ")  # strings hold no raw line breaks

    def write(self, chunk: str) -> None:
        self.out.write(("\n" if self.count == 0 else ",\n") + chunk)
        self.count += 1

    def close(self, totals: dict) -> None:
        end = "\n  ]" if self.count else "]"
        self.out.write(f'{end},\n  "totals": {textwrap.indent(dumps(totals, indent=2), "  ").lstrip()}\n}}\n')


CSV_COLUMNS = {
    "themes": ["doc", "index", "kind", "start", "end", "speaker", "theme", "score", "evidence", "text"],
    "numbers": ["doc", "index", "start", "end", "text", "value", "low", "high", "unit", "qualifier", "kind",
                "change", "segment", "theme", "speaker", "flags"],
    # group: empty for the whole text, else the theme id or speaker of --by
    "keywords": ["doc", "group", "lemma", "count", "share", "keyness", "log_ratio", "conservative_log_ratio",
                 "ref_per_million", "pos", "forms"],
    # part: "summary", or with --by theme "by_theme" (its sentences) and "key_figure" (one per theme)
    "summary": ["doc", "part", "start", "end", "segment", "theme", "speaker", "text"],
    "tokens": ["doc", "start", "end", "text", "lemma", "pos"],
    # one row per participant of each document; themes as «theme:words; …», figures as their indexes
    "speakers": ["doc", "id", "name", "kind", "gender", "roles", "quotes", "turns", "fragments", "words",
                 "themes", "figures", "mentions"],
    "analyze": ["doc", "item", "index", "start", "end", "kind", "speaker", "theme", "value", "unit", "text"],
}


def csv_rows(command: str, doc: str, rec: dict) -> list[list]:
    """One row per item (segment, figure, keyword …) with the document id."""
    if command == "themes":
        return [[doc, s["index"], s["kind"], s["start"], s["end"], s["speaker"], s["theme"],
                 (s["scores"] or {}).get(s["theme"], ""), "; ".join((s["evidence"] or {}).get(s["theme"], [])),
                 s["text"]] for s in rec["segments"]]
    if command == "numbers":
        return [[doc, f["index"], f["start"], f["end"], f["text"], f["value"], f["low"], f["high"], f["unit"],
                 f["qualifier"], f["kind"], f["change"], f["segment"], f["theme"], f["speaker"],
                 "; ".join(f["flags"])] for f in rec["figures"]]
    if command == "keywords":
        lists = [(None, rec["keywords"]), *rec.get("keywords_by", {}).items()]
        return [[doc, group, k["lemma"], k["count"], k["share"], k.get("keyness"), k.get("log_ratio"),
                 k.get("conservative_log_ratio"), k.get("ref_per_million"), k.get("pos"),
                 "; ".join(k.get("forms", []))] for group, kws in lists for k in kws]
    if command == "summary":
        rows = [[doc, "summary", s["start"], s["end"], s["segment"], s["theme"], s["speaker"], s["text"]]
                for s in rec["summary"]]
        for tid, items in rec.get("by_theme", {}).items():
            rows += [[doc, "by_theme", s["start"], s["end"], s["segment"], s["theme"], s["speaker"], s["text"]]
                     for s in items]
            f = rec.get("key_figures", {}).get(tid)
            if f:
                rows.append([doc, "key_figure", f["start"], f["end"], f["segment"], tid, f["speaker"], f["text"]])
        return rows
    if command == "tokens":
        return [[doc, t["start"], t["end"], t["text"], t["lemma"], t["pos"]] for t in rec["tokens"]]
    if command == "speakers":
        return [[doc, sp["id"], sp["name"], sp["kind"], sp["gender"], "; ".join(sp["roles"]), sp["quotes"],
                 sp["turns"], sp["fragments"], sp["words"], "; ".join(f"{t}:{w}" for t, w in sp["themes"].items()),
                 " ".join(map(str, sp["figures"])), len(sp["mentions"])] for sp in rec["speakers"]]
    rows = [[doc, "segment", s["index"], s["start"], s["end"], s["kind"], s["speaker"], s["theme"], "", "",
             s["text"]] for s in rec.get("segments", [])]
    rows += [[doc, "figure", f["index"], f["start"], f["end"], f["kind"], f["speaker"], f["theme"], f["value"],
              f["unit"], f["text"]] for f in rec.get("figures", [])]
    rows += [[doc, "keyword", "", "", "", k.get("pos"), "", "", k["count"], "", k["lemma"]]
             for k in rec.get("keywords", [])]
    rows += [[doc, "summary", s["segment"], s["start"], s["end"], "", s["speaker"], s["theme"], "", "", s["text"]]
             for s in rec.get("summary", [])]
    return rows


class CsvWriter:
    """CSV (``fmt="csv"``) or TSV (``"tsv"``: tab-separated, quoted like CSV where a field holds a tab,
    a line break or a quote), one header, then rows as documents come."""

    def __init__(self, out: TextIO, command: str, fmt: str = "csv", columns: list[str] | None = None) -> None:
        self.out = out
        self.command = command
        self.fmt = fmt
        self.writer = table_writer(out, fmt)
        self.writer.writerow(columns or CSV_COLUMNS[command])

    def write(self, doc: str, rec: dict) -> None:
        self.writer.writerows(csv_rows(self.command, doc, rec))
        self.out.flush()

    def encode(self, doc: str, rec: dict) -> str:
        """The document's rows as CSV text, to write later with ``write_text``."""
        buf = io.StringIO()
        table_writer(buf, self.fmt).writerows(csv_rows(self.command, doc, rec))
        return buf.getvalue()

    def write_text(self, chunk: str) -> None:
        self.out.write(chunk)
        self.out.flush()


def table_writer(out: TextIO, fmt: str = "csv"):
    """A csv.writer for CSV or TSV; None is an empty field, numbers are written plain."""
    return csv.writer(out, dialect="excel-tab" if fmt == "tsv" else "excel")
