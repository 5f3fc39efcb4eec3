"""The database's tables, opened, created and migrated forward.

One SQLite file (standard library ``sqlite3``, FTS5) in WAL mode with foreign keys on.  The
schema's version is the ``schema_version`` row of the ``meta`` table; ``MIGRATIONS[n]`` takes
a database from version ``n`` to ``n + 1``, so an older database is brought up to date when it
is opened for writing, and one made by a newer speechkit is refused.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import InputError, SpeechkitError, UsageError

# Version 1: the tables below.  A new version appends its statements to MIGRATIONS, never edits old ones.
SCHEMA_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,           -- the file's path, or the JSON-lines id
    content_hash TEXT NOT NULL,          -- sha256 of the text as read
    analysis_version TEXT NOT NULL,      -- speechkit's code, data and options that made the rows
    date TEXT,                           -- ISO 2024-07-06
    date_source TEXT CHECK (date_source IN ('field', 'name', 'dateline')),
    title TEXT,
    meta TEXT,                           -- JSON: the other fields of a JSON-lines record
    chars INTEGER NOT NULL,
    words INTEGER NOT NULL,              -- word tokens outside the page tail
    segment_words INTEGER NOT NULL,      -- words of the segments: what theme shares divide
    encoding TEXT,
    boilerplate_start INTEGER,
    boilerplate TEXT,                    -- JSON [[start, end], ...]
    quoted_names TEXT,                   -- JSON [[start, end], ...]
    warnings TEXT,                       -- JSON list
    indexed_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX documents_date ON documents (date);

CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,           -- canonical: «Касым-Жомарт Токаев», «МИД Германии»
    kind TEXT,                           -- person | organisation | group | anonymous
    gender TEXT
);

CREATE TABLE document_speakers (
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    local_id TEXT,                       -- s1, s2 … within the document (NULL: named by segments only)
    kind TEXT,
    gender TEXT,
    roles TEXT,                          -- JSON list, as the text states them
    mentions INTEGER NOT NULL,
    mention_spans TEXT,                  -- JSON [[start, end], ...]
    segments TEXT,                       -- JSON list of segment indexes
    words INTEGER NOT NULL,              -- words quoted from this speaker in this document
    PRIMARY KEY (doc_id, speaker_id)
) WITHOUT ROWID;
CREATE INDEX document_speakers_speaker ON document_speakers (speaker_id);

CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,                  -- quote | turn | fragment | narrative
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,
    speaker_id INTEGER REFERENCES speakers (id),
    theme TEXT,
    score REAL,
    attribution_start INTEGER,
    attribution_end INTEGER,
    scores TEXT,                         -- JSON {theme: score}
    evidence TEXT,                       -- JSON {theme: [lemma, ...]}
    flags TEXT,                          -- JSON list
    words INTEGER NOT NULL,
    text TEXT NOT NULL,
    lemmas TEXT NOT NULL,                -- the lemmas of its words, what search matches
    UNIQUE (doc_id, idx)
);
CREATE INDEX segments_theme ON segments (theme);
CREATE INDEX segments_speaker ON segments (speaker_id);

CREATE VIRTUAL TABLE segments_fts USING fts5 (
    text, lemmas, content="segments", content_rowid="id", tokenize="unicode61 remove_diacritics 2"
);  -- written as Datasette looks for it (content="segments"): its search box then searches segments
CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
    INSERT INTO segments_fts (rowid, text, lemmas) VALUES (new.id, new.text, new.lemmas);
END;
CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
    INSERT INTO segments_fts (segments_fts, rowid, text, lemmas) VALUES ('delete', old.id, old.text, old.lemmas);
END;

CREATE TABLE document_themes (
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    rank INTEGER NOT NULL,               -- by share, as the analysis lists them
    label TEXT,
    segments INTEGER NOT NULL,
    share REAL NOT NULL,                 -- of the document's segment words
    words INTEGER NOT NULL,              -- share × segment_words
    top_lemmas TEXT,                     -- JSON list
    PRIMARY KEY (doc_id, theme)
) WITHOUT ROWID;

CREATE TABLE figures (
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value,                               -- a number, or text for dates
    low,
    high,
    unit TEXT,
    kind TEXT NOT NULL,
    qualifier TEXT,
    change TEXT,
    segment INTEGER,
    theme TEXT,
    speaker TEXT,
    speaker_id INTEGER REFERENCES speakers (id),
    sentence_start INTEGER,
    sentence_end INTEGER,
    flags TEXT,                          -- JSON list
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX figures_unit ON figures (unit);
CREATE INDEX figures_theme ON figures (theme);

CREATE TABLE summaries (
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,               -- order in the summary
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    segment INTEGER,
    theme TEXT,
    speaker TEXT,
    score REAL,
    PRIMARY KEY (doc_id, rank)
) WITHOUT ROWID;

CREATE TABLE lemma_counts (
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    lemma TEXT NOT NULL,                 -- lower case, ё as е
    count INTEGER NOT NULL,              -- word tokens with this lemma outside the page tail
    PRIMARY KEY (doc_id, lemma)
) WITHOUT ROWID;
CREATE INDEX lemma_counts_lemma ON lemma_counts (lemma, count);

CREATE TABLE tokens (
    doc_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    data BLOB NOT NULL                   -- every token and sentence, packed (speechkit.db.rows)
);
"""

# Search places a hit from its segment's row: the words' offsets beside their lemmas.  Rows stored
# before it have NULL here (search then reads the document's tokens) until the next `index`.
# Search orders its matches from two narrow indexes by id (a row of segments or documents holds its
# text: reading thousands only to sort them is slow) and reads the rows of the few it shows.
SCHEMA_V2 = """
ALTER TABLE segments ADD COLUMN word_spans BLOB;  -- per word of `lemmas`: offset from "start", length (int32)
CREATE INDEX segments_search ON segments (id, doc_id, idx, kind, theme, speaker_id);
CREATE INDEX documents_search ON documents (id, date, name);
"""

MIGRATIONS: list[str] = [SCHEMA_V1, SCHEMA_V2]  # MIGRATIONS[n] takes version n to n + 1
SCHEMA_VERSION = len(MIGRATIONS)
APPLICATION = "speechkit"


class DatabaseError(SpeechkitError):
    """A database that cannot be used: missing, not speechkit's, newer, damaged."""

    exit_code = InputError.exit_code


def connect(path: str | Path, *, write: bool = False) -> sqlite3.Connection:
    """Open (for writing: create or migrate) a speechkit database.

    Reading never changes the file: a missing one is an error, an older one must be
    re-opened for writing (``speechkit index``) to be migrated.
    """
    p = Path(path)
    if str(path) in ("", ":memory:") and not write:
        raise UsageError("--db needs the path of a database file")
    if not write and not p.is_file():
        what = "is a directory, not a database" if p.is_dir() else "no such database"
        raise DatabaseError(f"{p}: {what} (make one with `speechkit index FILES --db {p}`)")
    if write and p.is_dir():
        raise DatabaseError(f"{p}: is a directory; give a database file name, e.g. --db speeches.db")
    if write and not p.parent.is_dir():
        raise DatabaseError(f"{p}: cannot create the database, folder {p.parent} does not exist")
    try:
        if write:
            con = sqlite3.connect(p, isolation_level=None, check_same_thread=False)
        else:
            con = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA busy_timeout = 10000")
        version = _version(con, p)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{p}: not a speechkit database ({exc})") from None
    if version > SCHEMA_VERSION:
        con.close()
        raise DatabaseError(f"{p}: made by a newer speechkit (schema version {version}; this one knows up to "
                            f"{SCHEMA_VERSION}): upgrade speechkit to use it")
    if version < SCHEMA_VERSION:
        if not write:
            con.close()
            if version == 0:
                raise DatabaseError(f"{p}: an empty database (make one with `speechkit index FILES --db {p}`)")
            raise DatabaseError(f"{p}: schema version {version} is older than this speechkit's {SCHEMA_VERSION}: "
                                f"run `speechkit index --db {p}` once to migrate it")
        _migrate(con, version, p)
    if write:
        con.execute("PRAGMA journal_mode = WAL")  # readers go on while a run writes; a crash loses no commit
        con.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable at checkpoints, never corrupt
    return con


def _version(con: sqlite3.Connection, p: Path) -> int:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return 0  # a new, empty file
    if "meta" not in tables:
        raise DatabaseError(f"{p}: an SQLite database, but not speechkit's (no meta table)")
    row = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')"))
    if row.get("application") != APPLICATION or not str(row.get("schema_version", "")).isdigit():
        raise DatabaseError(f"{p}: an SQLite database, but not speechkit's")
    return int(row["schema_version"])


def _migrate(con: sqlite3.Connection, version: int, p: Path) -> None:
    """Apply the migrations after ``version``, each in one transaction with its new version number."""
    for n in range(version, SCHEMA_VERSION):
        try:
            con.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[n]):
                con.execute(statement)
            if n == 0:
                con.execute("INSERT INTO meta (key, value) VALUES ('application', ?)", (APPLICATION,))
            con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(n + 1),))
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a script into statements (``sqlite3.complete_statement`` knows trigger bodies)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        code = line.split("--", 1)[0] if "--" in line else line
        buf += code
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
