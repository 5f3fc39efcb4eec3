"""Reading documents back from the database: which ones (filters) and their analyses.

``Selection`` is the shared vocabulary of every command that reads a database: a date
range, document names, and for segments a speaker, a kind and a theme.  ``analyses`` turns
the chosen documents back into ``Analysis`` records, one at a time, so a command reads a
database of any size in the memory of one document.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import UsageError
from ..model import Analysis
from ..text import norm_word
from .rows import analysis_from_rows, loads

KINDS = ("quote", "turn", "fragment", "narrative")


@dataclass(frozen=True)
class Selection:
    """Filters of a database query; None is «any»."""

    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    documents: tuple[str, ...] = ()  # names, or patterns with * and ?
    speaker: str | None = None
    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()

    def document_where(self, alias: str = "d") -> tuple[str, list]:
        """The SQL condition on ``documents`` and its parameters."""
        parts, params = [], []
        if self.since:
            parts.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{alias}.date <= ?")
            params.append(self.until + "\uffff")  # a date with a time is still that day
        if self.documents:
            alts = []
            for name in self.documents:
                if any(ch in name for ch in "*?["):
                    alts.append(f"{alias}.name GLOB ?")
                else:
                    alts.append(f"{alias}.name = ?")
                params.append(name)
            parts.append("(" + " OR ".join(alts) + ")")
        return " AND ".join(parts) or "1", params

    def segment_where(self, con: sqlite3.Connection, alias: str = "s") -> tuple[str, list]:
        """The SQL condition on ``segments`` (speaker, kind, theme) and its parameters."""
        parts, params = [], []
        if self.kind:
            bad = [k for k in self.kind if k not in KINDS]
            if bad:
                raise UsageError(f"--kind takes {', '.join(KINDS)}, not {', '.join(map(repr, bad))}")
            parts.append(f"{alias}.kind IN ({', '.join('?' * len(self.kind))})")
            params += list(self.kind)
        if self.theme:
            parts.append(f"{alias}.theme IN ({', '.join('?' * len(self.theme))})")
            params += list(self.theme)
        if self.speaker:
            ids = speaker_ids(con, self.speaker)
            parts.append(f"{alias}.speaker_id IN ({', '.join('?' * len(ids))})" if ids else "0")
            params += ids
        return " AND ".join(parts) or "1", params


def stored_name(name: str, db: str) -> str:
    """A file's name as the database keeps it: its path relative to the database's folder.

    Then ``index speeches/ --db speeches.db`` and ``index /data/speeches --db /data/speeches.db``
    name a file alike, and a folder moved with its database keeps its names.  Stdin and ids
    from ``--id-field`` stay as they are; ``feed.jsonl:12`` is a path and a line.
    """
    import os

    if name.startswith("<"):
        return name
    path, line = name, ""
    if not os.path.exists(name) and ":" in name:
        head, tail = name.rsplit(":", 1)
        if tail.isdigit() and os.path.isfile(head):
            path, line = head, ":" + tail
    if not os.path.exists(path):
        return name
    folder = os.path.dirname(os.path.abspath(db))
    return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/") + line


def name_patterns(names, db: str) -> tuple[str, ...]:
    """``--doc`` values and FILE arguments as typed, and as paths relative to the database's folder."""
    import os

    folder = os.path.dirname(os.path.abspath(db))
    out: list[str] = []
    for n in names:
        out.append(n)
        if not n.startswith("<"):
            rel = os.path.relpath(os.path.abspath(n), folder).replace(os.sep, "/")
            if rel != n:
                out.append(rel)
    return tuple(dict.fromkeys(out))


def speaker_ids(con: sqlite3.Connection, query: str) -> list[int]:
    """The participants a ``--speaker`` value names: every word of it starts a word of their name.

    «Токаев» finds «Касым-Жомарт Токаев»; «МИД» finds «МИД Германии» and «МИД Ирана»; case and ё
    do not matter.
    """
    words = [norm_word(w) for w in query.replace("-", " ").split() if w]
    if not words:
        raise UsageError("--speaker needs a name, e.g. --speaker Токаев")
    out = []
    for sid, name in con.execute("SELECT id, name FROM speakers"):
        parts = norm_word(name).replace("-", " ").split()
        if all(any(p.startswith(w) for p in parts) for w in words):
            out.append(sid)
    return out


def documents(con: sqlite3.Connection, selection: Selection = Selection()) -> list[tuple[int, str]]:
    """(id, name) of the chosen documents, by date (undated last), then name."""
    where, params = selection.document_where()
    return con.execute(f"SELECT id, name FROM documents d WHERE {where} "
                       "ORDER BY d.date IS NULL, d.date, d.name", params).fetchall()


def _rows(cur: sqlite3.Cursor) -> list[dict]:
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def load(con: sqlite3.Connection, doc_id: int, *, tokens: bool = True) -> tuple[Analysis, dict]:
    """The analysis of one stored document and its document row (date, meta …)."""
    doc = _rows(con.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)))[0]
    one = (doc_id,)
    segments = _rows(con.execute("SELECT * FROM segments WHERE doc_id = ? ORDER BY idx", one))
    themes = _rows(con.execute("SELECT * FROM document_themes WHERE doc_id = ? ORDER BY rank", one))
    figures = _rows(con.execute("SELECT * FROM figures WHERE doc_id = ? ORDER BY idx", one))
    summaries = _rows(con.execute("SELECT * FROM summaries WHERE doc_id = ? ORDER BY rank", one))
    speakers = _rows(con.execute("SELECT p.name, d.* FROM document_speakers d JOIN speakers p ON p.id = d.speaker_id "
                                 "WHERE d.doc_id = ?", one))
    blob = None
    if tokens:
        row = con.execute("SELECT data FROM tokens WHERE doc_id = ?", one).fetchone()
        blob = row[0] if row else None
    return analysis_from_rows(doc, segments, themes, figures, summaries, speakers, blob), doc


def analyses(con: sqlite3.Connection, selection: Selection = Selection(), *,
             tokens: bool = True) -> Iterator[tuple[Analysis, dict]]:
    """Each chosen document's analysis and row, one at a time."""
    for doc_id, _ in documents(con, selection):
        yield load(con, doc_id, tokens=tokens)


def meta_of(doc: dict) -> dict | None:
    return loads(doc.get("meta"))
