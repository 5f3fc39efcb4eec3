"""Writing analysed documents into the database: one writer, one transaction per batch.

A run reads each document, skips it when its content hash and analysis version are those
already stored, and otherwise replaces all its rows.  Rows are written a batch at a time,
each batch one transaction: an interrupted run (Ctrl-C, ``kill -9``, a full disk) leaves
every earlier batch whole and none of the batch it was in, and the next run redoes exactly
the documents that are missing or stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from .rows import DocumentRows, dumps

BATCH_DOCUMENTS = 200  # documents per transaction
BATCH_BYTES = 32 << 20  # or fewer, when their texts and tokens reach this many bytes
ANALYSIS_FORMAT = 1  # bump when the rows stored for an analysis change meaning

# modules whose code does not change what is stored (the rest of speechkit/*.py does)
PRESENTATION = frozenset({"__init__.py", "__main__.py", "cli.py", "render.py", "report.py", "formats.py", "views.py",
                          "compare.py", "kwic.py", "distributed.py", "collocates.py", "trends_chart.py"})
DISTRIBUTIONS = ("razdel", "pymorphy3", "pymorphy3-dicts-ru")


def analysis_code(package: Path) -> list[str]:
    """The modules of the package whose code shapes what is stored: every one, in subpackages too,
    but the commands, the presentation and the database's own (less ``db/rows.py``, what is stored)."""
    out = []
    for f in sorted(package.rglob("*.py")):
        name = f.relative_to(package).as_posix()
        if name not in PRESENTATION and (name.split("/")[0] not in ("commands", "db") or name == "db/rows.py"):
            out.append(name)
    return out


def analysis_version(lexicon: str | None = None, keep_boilerplate: bool = False) -> str:
    """A fingerprint of everything that shapes an analysis: code, data files, dictionaries, options.

    A document whose rows carry another fingerprint is analysed again: a new speechkit, an
    edited ``themes.toml`` or ``--data-dir`` file, another ``--lexicon`` or ``--keep-boilerplate``,
    or another way of storing an analysis (``db/rows.py``).
    """
    from importlib import metadata, resources

    from .. import __version__
    from ..datafiles import user_file

    h = hashlib.sha256(f"{ANALYSIS_FORMAT}|{__version__}|{keep_boilerplate}".encode())
    package = Path(__file__).resolve().parent.parent
    for name in analysis_code(package):
        h.update(name.encode() + b"\0" + (package / name).read_bytes())
    data = resources.files("speechkit").joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file() and not entry.name.endswith(".md"):
            mine = user_file(entry.name)
            h.update(entry.name.encode() + b"\0" + (mine.read_bytes() if mine else entry.read_bytes()))
    if lexicon:
        try:
            h.update(b"lexicon\0" + Path(lexicon).read_bytes())
        except OSError:
            pass  # the analysis itself reports a missing lexicon
    for dist in DISTRIBUTIONS:
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return h.hexdigest()[:16]


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


SEGMENT_COLUMNS = ("doc_id", "idx", "kind", "start", "end", "speaker", "speaker_id", "theme", "score",
                   "attribution_start", "attribution_end", "scores", "evidence", "flags", "words", "text", "lemmas",
                   "word_spans")
FIGURE_COLUMNS = ("doc_id", "idx", "start", "end", "text", "value", "low", "high", "unit", "kind", "qualifier",
                  "change", "segment", "theme", "speaker", "speaker_id", "sentence_start", "sentence_end", "flags")
DOCUMENT_COLUMNS = ("id", "name", "content_hash", "analysis_version", "date", "date_source", "title", "meta", "chars",
                    "words", "segment_words", "encoding", "boilerplate_start", "boilerplate", "quoted_names",
                    "warnings", "indexed_at", "text")


def _insert(table: str, columns: Iterable[str]) -> str:
    cols = list(columns)
    return f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"


def _q(column: str) -> str:
    return f'"{column}"' if column in ("start", "end") else column


class Writer:
    """The one writer of a run: knows what is stored, buffers rows, commits a batch at a time."""

    def __init__(self, con: sqlite3.Connection, path: str | Path, *, batch: int = BATCH_DOCUMENTS) -> None:
        self.con = con
        self.path = str(path)
        self.batch = batch
        self.pending: list[DocumentRows] = []
        self.pending_bytes = 0
        self.speaker_ids: dict[str, int] = {}
        self.written = 0
        con.execute("CREATE TEMP TABLE IF NOT EXISTS seen (name TEXT PRIMARY KEY) WITHOUT ROWID")
        self.seen_buffer: list[tuple[str]] = []

    # ------------------------------------------------ what is there
    def stored(self, name: str) -> tuple[str, str] | None:
        """(content hash, analysis version) of the stored document of this name, or None."""
        row = self.con.execute("SELECT content_hash, analysis_version FROM documents WHERE name = ?",
                               (name,)).fetchone()
        return (row[0], row[1]) if row else None

    def saw(self, name: str) -> None:
        """Note a document of this run's input (for ``prune``)."""
        self.seen_buffer.append((name,))
        if len(self.seen_buffer) >= 1000:
            self._flush_seen()

    def _flush_seen(self) -> None:
        if self.seen_buffer:
            self.con.executemany("INSERT OR IGNORE INTO temp.seen (name) VALUES (?)", self.seen_buffer)
            self.seen_buffer.clear()

    # ------------------------------------------------ writing
    def add(self, rows: DocumentRows) -> None:
        self.pending.append(rows)
        self.pending_bytes += len(rows.document["text"]) * 2 + len(rows.tokens)
        if len(self.pending) >= self.batch or self.pending_bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write the buffered documents in one transaction."""
        if not self.pending:
            self._flush_seen()
            return
        con = self.con
        try:
            con.execute("BEGIN IMMEDIATE")
            self._flush_seen()
            for rows in self.pending:
                self._write(rows)
            con.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
                raise InputError(f"{self.path}: cannot write, the disk is full; the documents indexed before "
                                 "are intact, run again when there is room") from None
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise InputError(f"{self.path}: another program is writing to this database (a second "
                                 "`speechkit index`?); the documents indexed before are intact") from None
            raise
        self.written += len(self.pending)
        self.pending.clear()
        self.pending_bytes = 0

    def _rollback(self) -> None:
        self.speaker_ids.clear()  # ids made in the rolled-back transaction are gone
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")

    def _write(self, rows: DocumentRows) -> None:
        con = self.con
        doc = rows.document
        old = con.execute("SELECT id FROM documents WHERE name = ?", (doc["name"],)).fetchone()
        if old:
            con.execute("DELETE FROM documents WHERE id = ?", old)  # its rows go with it (ON DELETE CASCADE)
        values = {**doc, "id": old[0] if old else None, "indexed_at": now()}
        cur = con.execute(_insert("documents", DOCUMENT_COLUMNS), [values[c] for c in DOCUMENT_COLUMNS])
        doc_id = cur.lastrowid
        ids = {r["name"]: self._speaker(r) for r in rows.speakers}
        con.executemany(
            "INSERT INTO document_speakers (doc_id, speaker_id, local_id, kind, gender, roles, mentions, "
            "mention_spans, segments, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, ids[r["name"]], r["local_id"], r["kind"], r["gender"], dumps(r["roles"]), r["mentions"],
              dumps(r["mention_spans"]), dumps(r["segments"]), r["words"]) for r in rows.speakers])
        con.executemany(_insert("segments", SEGMENT_COLUMNS),
                        [[doc_id if c == "doc_id" else ids.get(s["speaker"]) if c == "speaker_id" else s[c]
                          for c in SEGMENT_COLUMNS] for s in rows.segments])
        con.executemany(_insert("figures", FIGURE_COLUMNS),
                        [[doc_id if c == "doc_id" else ids.get(f["speaker"]) if c == "speaker_id" else f[c]
                          for c in FIGURE_COLUMNS] for f in rows.figures])
        con.executemany("INSERT INTO document_themes (doc_id, theme, rank, label, segments, share, words, top_lemmas) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(doc_id, *t) for t in rows.themes])
        con.executemany('INSERT INTO summaries (doc_id, rank, "start", "end", segment, theme, speaker, score) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(doc_id, *s) for s in rows.summaries])
        con.executemany("INSERT INTO lemma_counts (doc_id, lemma, count) VALUES (?, ?, ?)",
                        [(doc_id, lem, n) for lem, n in rows.lemma_counts])
        con.execute("INSERT INTO tokens (doc_id, count, data) VALUES (?, ?, ?)", (doc_id, rows.token_count, rows.tokens))

    def _speaker(self, row: dict) -> int:
        """The id of the participant of this canonical name, made on first sight; kind and gender filled in."""
        name = row["name"]
        known = self.speaker_ids.get(name)
        if known is None:
            con = self.con
            con.execute("INSERT OR IGNORE INTO speakers (name, kind, gender) VALUES (?, ?, ?)",
                        (name, row["kind"], row["gender"]))
            known = con.execute("SELECT id FROM speakers WHERE name = ?", (name,)).fetchone()[0]
            self.speaker_ids[name] = known
        if row["kind"] or row["gender"]:
            self.con.execute("UPDATE speakers SET kind = coalesce(kind, ?), gender = coalesce(gender, ?) "
                             "WHERE id = ? AND (kind IS NULL OR gender IS NULL)", (row["kind"], row["gender"], known))
        return known

    # ------------------------------------------------ ending
    def prune(self) -> list[str]:
        """Delete the documents this run did not see; their names."""
        self.flush()
        self._flush_seen()
        con = self.con
        gone = [r[0] for r in con.execute("SELECT name FROM documents WHERE name NOT IN (SELECT name FROM temp.seen)")]
        if gone:
            try:
                con.execute("BEGIN IMMEDIATE")
                for i in range(0, len(gone), 500):
                    part = gone[i : i + 500]
                    con.execute(f"DELETE FROM documents WHERE name IN ({', '.join('?' * len(part))})", part)
                con.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        return gone

    def finish(self) -> None:
        """Write what is buffered, drop participants no document mentions any more, note the run."""
        self.flush()
        con = self.con
        con.execute("BEGIN IMMEDIATE")
        try:
            con.execute("DELETE FROM speakers WHERE NOT EXISTS "
                        "(SELECT 1 FROM document_speakers d WHERE d.speaker_id = speakers.id)")
            from .. import __version__

            con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('written_by', ?)", (f"speechkit {__version__}",))
            con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('indexed_at', ?)", (now(),))
            con.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self.speaker_ids.clear()
        con.execute("PRAGMA optimize")

    def abort(self) -> None:
        """Drop the batch in progress (Ctrl-C): the database stays as the last commit left it."""
        self.pending.clear()
        self._rollback()
