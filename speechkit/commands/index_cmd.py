"""``speechkit index``: analyse documents and store them in a database, only what is new or changed.

The inputs are read as every corpus command reads them (files, folders, JSON lines, stdin);
a document whose text and analysis version are already stored is not analysed again.  The
analyses run in ``--workers`` processes; this process alone writes, a batch per transaction.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from dataclasses import dataclass, field

from ..corpus import Failed, iter_documents, run, stdin_kind
from ..errors import ExitCode, UsageError
from ..pipeline import Options, analyze
from ..source import Document


@dataclass
class Counts:
    """What a run did, document by document."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    pruned: list[str] = field(default_factory=list)
    dated: dict[str, int] = field(default_factory=dict)  # date source -> documents written

    def to_dict(self, db: str) -> dict:
        return {"db": db, "new": self.new, "changed": self.changed, "unchanged": self.unchanged,
                "failed": self.failed, "pruned": len(self.pruned), "dates": self.dated}

    def line(self, db: str) -> str:
        parts = [f"{self.new} new", f"{self.changed} changed", f"{self.unchanged} unchanged"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.pruned:
            parts.append(f"{len(self.pruned)} pruned")
        written = self.new + self.changed
        dates = ", ".join(f"{n} from the {src}" for src, n in sorted(self.dated.items()) if src != "none")
        undated = self.dated.get("none", 0)
        tail = ""
        if written:
            tail = f"; dates: {dates or 'none found'}" + (f", {undated} undated" if undated and dates else "")
        return f"speechkit: {db}: {', '.join(parts)}{tail}"


def index_work(options: Options, version: str, date_field: str | None, doc: Document) -> dict:
    """Analyse one document and build its rows (runs in a worker process)."""
    from ..dates import document_date
    from ..db.rows import document_rows

    a = analyze(doc.text, options, name=doc.name, encoding=doc.encoding)
    date, source = document_date(doc.name, doc.text, doc.meta, date_field)
    warning = None
    if date_field and doc.meta and date_field in doc.meta and source != "field":
        warning = f"field {date_field!r} holds {str(doc.meta[date_field])[:40]!r}, not a date"
    rows = document_rows(a, name=doc.name, meta=doc.meta, date=date, date_source=source, analysis_version=version)
    return {"rows": rows, "warning": warning}


def run_index(inputs: list[str], db: str, *, glob: str = "*.txt", jsonl: bool = False, text_field: str = "text",
              id_field: str | None = None, date_field: str | None = "date", lexicon: str | None = None,
              keep_boilerplate: bool = False, workers: int = 1, prune: bool = False, force: bool = False, batch: int = 200,
              as_json: bool = False, debug: bool = False) -> int:
    """Index ``inputs`` into ``db``; the exit code (PARTIAL when some documents failed)."""
    from ..db.read import stored_name
    from ..db.rows import content_hash
    from ..db.schema import connect
    from ..db.store import Writer, analysis_version

    if not inputs and stdin_kind() == "none":
        raise UsageError("give files or folders to index, or pipe JSON lines (--input-jsonl)")
    if lexicon:
        from ..themes import load_lexicon

        load_lexicon(lexicon)  # a broken lexicon fails once, before any document
    version = analysis_version(lexicon, keep_boilerplate)
    options = Options(lexicon=lexicon, keep_boilerplate=keep_boilerplate, keywords=False, summary=True)
    con = connect(db, write=True)
    writer = Writer(con, db, batch=batch)
    counts = Counts()
    fresh: dict[str, bool] = {}  # name -> new (True) or changed (False), for the documents being analysed

    def todo():
        for doc in iter_documents(inputs, glob=glob, jsonl=jsonl, text_field=text_field, id_field=id_field):
            name = stored_name(doc.name, db)
            if name != doc.name:
                doc = dataclasses.replace(doc, name=name)
            writer.saw(doc.name)  # a document that fails to read now keeps what was stored of it
            if isinstance(doc, Failed):
                yield doc
                continue
            stored = writer.stored(doc.name)
            if not force and stored == (content_hash(doc.text), version):
                counts.unchanged += 1
                continue
            fresh[doc.name] = stored is None
            yield doc

    job = functools.partial(index_work, options, version, date_field)
    try:
        for doc, out in _progress(run(todo(), job, workers)):
            if isinstance(doc, Failed) or out is None:
                counts.failed += 1
                msg = doc.message if isinstance(doc, Failed) else f"{doc.name}: failed"
                sys.stderr.write(f"speechkit: skipped: {msg}\n")
                if debug and isinstance(doc, Failed) and doc.detail:
                    sys.stderr.write(doc.detail)
                continue
            if out["warning"]:
                sys.stderr.write(f"speechkit: warning: {doc.name}: {out['warning']}\n")
            writer.add(out["rows"])
            if fresh.pop(doc.name, True):
                counts.new += 1
            else:
                counts.changed += 1
            source = out["rows"].document["date_source"] or "none"
            counts.dated[source] = counts.dated.get(source, 0) + 1
        writer.flush()
        if prune:
            counts.pruned = writer.prune()
        writer.finish()
    except BaseException:
        writer.abort()
        con.close()
        raise
    con.close()
    if as_json:
        from ..formats import write_json

        write_json(sys.stdout, counts.to_dict(db))
    else:
        sys.stderr.write(counts.line(db) + "\n")
    return int(ExitCode.PARTIAL) if counts.failed else 0


def _progress(results):
    from .runner import progress

    return progress(results, None)
