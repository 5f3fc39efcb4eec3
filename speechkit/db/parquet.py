"""The database's tables as Parquet files, written partition by partition (pyarrow).

For a corpus past one machine: each partition of a ``dask.bag`` (or a Spark or Ray task)
analyses its documents and writes ``<folder>/<table>/part-<n>.parquet`` for every table of the
SQLite database, with the same columns, so DuckDB, Spark or dask.dataframe read the folder as
one dataset (``SELECT … FROM 'corpus/segments/*.parquet'``).  Ids cannot come from one writer
here: a document's id is a 64-bit number from the hash of its name, a speaker's from the hash of
its canonical name, so the partitions agree without talking to each other.  A figure's value,
a number or a date in SQLite's one column, is ``value`` (number) and ``value_text`` (date) here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .rows import DocumentRows, dumps
from .store import DOCUMENT_COLUMNS, FIGURE_COLUMNS, SEGMENT_COLUMNS

TABLES = ("documents", "segments", "speakers", "document_speakers", "figures", "document_themes", "summaries",
          "lemma_counts", "tokens")


def stable_id(key: str) -> int:
    """A signed 64-bit id from a name: the same in every partition, on every machine.

    >>> stable_id("speeches/a.txt") == stable_id("speeches/a.txt") != stable_id("speeches/b.txt")
    True
    """
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big", signed=True)


def table_rows(rows: DocumentRows, indexed_at: str) -> dict[str, list[dict[str, Any]]]:
    """One document's rows, keyed by table, with ids that need no central writer."""
    doc = rows.document
    doc_id = stable_id(doc["name"])
    ids = {r["name"]: stable_id(r["name"]) for r in rows.speakers}
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    out["documents"].append({**{c: doc.get(c) for c in DOCUMENT_COLUMNS}, "id": doc_id, "indexed_at": indexed_at})
    for r in rows.speakers:
        out["speakers"].append({"id": ids[r["name"]], "name": r["name"], "kind": r["kind"], "gender": r["gender"]})
        out["document_speakers"].append({
            "doc_id": doc_id, "speaker_id": ids[r["name"]], "local_id": r["local_id"], "kind": r["kind"],
            "gender": r["gender"], "roles": dumps(r["roles"]), "mentions": r["mentions"],
            "mention_spans": dumps(r["mention_spans"]), "segments": dumps(r["segments"]), "words": r["words"]})
    for s in rows.segments:
        out["segments"].append({c: doc_id if c == "doc_id" else ids.get(s["speaker"]) if c == "speaker_id" else s[c]
                                for c in SEGMENT_COLUMNS})
    for f in rows.figures:
        row = {c: doc_id if c == "doc_id" else ids.get(f["speaker"]) if c == "speaker_id" else f[c]
               for c in FIGURE_COLUMNS}
        row["value_text"] = row["value"] if isinstance(row["value"], str) else None
        row["value"] = None if isinstance(row["value"], str) else row["value"]
        out["figures"].append(row)
    for theme, rank, label, segments, share, words, top in rows.themes:
        out["document_themes"].append({"doc_id": doc_id, "theme": theme, "rank": rank, "label": label,
                                       "segments": segments, "share": share, "words": words, "top_lemmas": top})
    for rank, start, end, segment, theme, speaker, score in rows.summaries:
        out["summaries"].append({"doc_id": doc_id, "rank": rank, "start": start, "end": end, "segment": segment,
                                 "theme": theme, "speaker": speaker, "score": score})
    out["lemma_counts"] = [{"doc_id": doc_id, "lemma": lem, "count": n} for lem, n in rows.lemma_counts]
    out["tokens"].append({"doc_id": doc_id, "count": rows.token_count, "data": rows.tokens})
    return out


def schemas():
    """The Arrow schema of each table (explicit: an empty partition still writes typed files)."""
    import pyarrow as pa

    i, f, s, b = pa.int64(), pa.float64(), pa.string(), pa.binary()
    ints = {"id", "doc_id", "speaker_id", "idx", "start", "end", "chars", "words", "segment_words",
            "boilerplate_start", "attribution_start", "attribution_end", "segment", "sentence_start", "sentence_end",
            "mentions", "segments", "rank", "count"}
    floats = {"score", "share", "value", "low", "high"}
    columns = {
        "documents": DOCUMENT_COLUMNS,
        "segments": SEGMENT_COLUMNS,
        "speakers": ("id", "name", "kind", "gender"),
        "document_speakers": ("doc_id", "speaker_id", "local_id", "kind", "gender", "roles", "mentions",
                              "mention_spans", "segments", "words"),
        "figures": (*FIGURE_COLUMNS, "value_text"),
        "document_themes": ("doc_id", "theme", "rank", "label", "segments", "share", "words", "top_lemmas"),
        "summaries": ("doc_id", "rank", "start", "end", "segment", "theme", "speaker", "score"),
        "lemma_counts": ("doc_id", "lemma", "count"),
        "tokens": ("doc_id", "count", "data"),
    }
    out = {}
    for table, cols in columns.items():
        fields = []
        for c in cols:
            if table == "document_speakers" and c == "segments":
                typ = s  # JSON list of indexes
            else:
                typ = b if c == "data" else i if c in ints else f if c in floats else s
            fields.append(pa.field(c, typ))
        out[table] = pa.schema(fields)
    return out


def write_partition(records: list[dict[str, list[dict]]], folder: str | Path, part: int) -> dict[str, int]:
    """Write one partition's rows (``table_rows`` of each document) as ``<folder>/<table>/part-<part>.parquet``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    counts = {}
    for table, schema in schemas().items():
        rows = [r for rec in records for r in rec.get(table, [])]
        if table == "speakers":  # one row per participant within the partition
            rows = list({r["id"]: r for r in rows}.values())
        for r in rows:
            for name in ("value", "low", "high"):
                if name in r and r[name] is not None:
                    r[name] = float(r[name])
        target = folder / table
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), target / f"part-{part:05d}.parquet")
        counts[table] = len(rows)
    return counts
