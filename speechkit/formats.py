"""The machine formats: JSON, JSON lines and CSV, one record per document.

Kept apart from the tables (``render``) so that ``--json`` runs never import rich.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_json(out: TextIO, obj: Any) -> None:
    out.write(json.dumps(obj, ensure_ascii=False, indent=2))
    out.write("\n")


def write_json_line(out: TextIO, obj: Any) -> None:
    out.write(dumps(obj))
    out.write("\n")
    out.flush()


CSV_COLUMNS = {
    "themes": ["doc", "index", "kind", "start", "end", "speaker", "theme", "score", "evidence", "text"],
    "numbers": ["doc", "index", "start", "end", "text", "value", "low", "high", "unit", "qualifier", "kind",
                "change", "segment", "theme", "speaker", "flags"],
    "keywords": ["doc", "lemma", "count", "share", "keyness", "log_ratio", "pos", "forms"],
    "summary": ["doc", "start", "end", "segment", "theme", "speaker", "text"],
    "tokens": ["doc", "start", "end", "text", "lemma", "pos"],
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
        return [[doc, k["lemma"], k["count"], k["share"], k.get("keyness"), k.get("log_ratio"), k.get("pos"),
                 "; ".join(k.get("forms", []))] for k in rec["keywords"]]
    if command == "summary":
        return [[doc, s["start"], s["end"], s["segment"], s["theme"], s["speaker"], s["text"]]
                for s in rec["summary"]]
    if command == "tokens":
        return [[doc, t["start"], t["end"], t["text"], t["lemma"], t["pos"]] for t in rec["tokens"]]
    rows = [[doc, "segment", s["index"], s["start"], s["end"], s["kind"], s["speaker"], s["theme"], "", "",
             s["text"]] for s in rec.get("segments", [])]
    rows += [[doc, "figure", f["index"], f["start"], f["end"], f["kind"], f["speaker"], f["theme"], f["value"],
              f["unit"], f["text"]] for f in rec.get("figures", [])]
    return rows


class CsvWriter:
    def __init__(self, out: TextIO, command: str) -> None:
        self.out = out
        self.command = command
        self.writer = csv.writer(out)
        self.writer.writerow(CSV_COLUMNS[command])

    def write(self, doc: str, rec: dict) -> None:
        self.writer.writerows(csv_rows(self.command, doc, rec))
        self.out.flush()
