"""``speechkit kwic QUERY [FILE…]``: a concordance, one line per hit, the keyword in a column of its own.

The query comes first, as in grep; a first argument that names a file is refused
with the right order.  Exit 0 with hits, 1 without (as grep), 2–6 as any command.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import regexes
from ..corpus import Failed, iter_documents
from ..errors import SpeechkitError, UsageError
from ..pipeline import Options, analyze
from .output import open_output

NO_HITS = 1  # grep's «nothing found»
CSV_COLUMNS = ["doc", "start", "end", "left", "text", "right", "segment", "theme", "speaker"]
_FILE_LIKE = regexes.compile(r"\.(txt|text|jsonl?|md|html?|csv|tsv)$", re.IGNORECASE)


class _Failure(SpeechkitError):
    def __init__(self, failed: Failed) -> None:
        super().__init__(failed.message)
        self.exit_code = failed.exit_code


def check_order(query: str, inputs: list[str]) -> None:
    """`kwic speech.txt каспий` (the old order) fails with the right one, before anything is read."""
    if Path(query).exists() or _FILE_LIKE.search(query):
        what = "is a file" if Path(query).is_file() else "is a folder" if Path(query).is_dir() else "looks like a file name"
        hint = " ".join([inputs[-1] if inputs else "QUERY", query, *inputs[:-1]])
        raise UsageError(f"{query!r} {what}, not a query: the query comes first, "
                         f"as in grep: speechkit kwic {hint}")


def collect(inputs: list[str], query: str, *, width: int = 40, related: bool = False, regex: bool = False,
            glob: str = "*.txt", lexicon: str | None = None, db: str | None = None) -> list[dict]:
    """Every hit in every input document (or stored one), as JSON-ready records (with the document's name)."""
    from ..kwic import compile_regex, find_hits, find_regex_hits, parse_query

    if width < 0:
        raise UsageError(f"--width must be 0 or more, not {width}")
    if regex:
        pattern = compile_regex(query)
        def find(a):
            return find_regex_hits(a, pattern, width=width)
    else:
        words = parse_query(query, related=related)  # a query without words fails before any reading
        def find(a):
            return find_hits(a, words, width=width)
    options = Options(lexicon=lexicon, figures=False, keywords=False, summary=False)
    out = []
    for doc, a in (_stored(db, inputs, lexicon) if db else _analysed(inputs, glob, options)):
        for h in find(a):
            out.append({"doc": doc.name, "start": h.start, "end": h.end, "text": h.text, "left": h.left,
                        "right": h.right, "segment": h.segment, "theme": h.theme, "speaker": h.speaker})
    return out


def _analysed(inputs: list[str], glob: str, options: Options):
    for doc in iter_documents(inputs, glob=glob):
        if isinstance(doc, Failed):
            raise _Failure(doc)
        yield doc, analyze(doc.text, options, name=doc.name, encoding=doc.encoding)


def _stored(db: str, inputs: list[str], lexicon: str | None):
    """With --db: the stored analyses of the documents FILE arguments name (all without any)."""
    from ..db.read import Selection, documents, load, name_patterns
    from ..db.schema import connect
    from ..source import Document

    if lexicon:
        raise UsageError("--lexicon shapes an analysis: with --db the stored ones are read (index again with it)")
    con = connect(db)
    try:
        for doc_id, name in sorted(documents(con, Selection(documents=name_patterns(inputs, db)))):
            a, _ = load(con, doc_id)
            yield Document(name, a.text, a.source.encoding), a
    finally:
        con.close()


def run_kwic(inputs: list[str], query: str, *, width: int = 40, related: bool = False, regex: bool = False,
             sort: str = "text", fmt: str = "table", output=None, glob: str = "*.txt",
             lexicon: str | None = None, as_json: bool = False, db: str | None = None) -> int:
    """Write the concordance of ``query`` in ``inputs``; return 0 with hits, 1 (``NO_HITS``) without."""
    from ..kwic import sort_key

    check_order(query, inputs)
    if regex and related:
        raise UsageError("--related widens a lemma query; with --regex, write the variants into the expression")
    key = sort_key(sort) if sort != "text" else None  # a bad --sort fails before any reading
    fmt = "json" if as_json else fmt
    hits = collect(inputs, query, width=width, related=related, regex=regex, glob=glob, lexicon=lexicon, db=db)
    if key:
        hits.sort(key=key)
    with open_output(output) as out:
        if fmt == "json":
            from ..formats import write_json

            write_json(out, {"query": query, "regex": regex, "related": related, "sort": sort, "hits": hits})
        elif fmt == "json-lines":
            from ..formats import write_json_line

            for h in hits:
                write_json_line(out, h)
        elif fmt in ("csv", "tsv"):
            from ..formats import table_writer

            w = table_writer(out, fmt)
            w.writerow(CSV_COLUMNS)
            w.writerows([h[c] for c in CSV_COLUMNS] for h in hits)
        else:
            _print(hits, query, width, out, lexicon)
    return 0 if hits else NO_HITS


def fit(hits: list[dict], width: int, columns: int, labels: dict[str, str]) -> dict[str, int]:
    """Widths of the parts of a concordance line that fits in ``columns``.

    The hit is whole; the contexts take up to ``width`` characters each; when the
    line would be too wide, the speaker goes first, then the theme, then the
    document, and then the contexts narrow (to no less than 8 characters).
    """
    docs = {h["doc"] for h in hits}
    hit_w = max((len(" ".join(h["text"].split())) for h in hits), default=0)
    parts = {"doc": max((len(d) for d in docs), default=0) if len(docs) > 1 else 0,
             "theme": max((len(labels.get(h["theme"], h["theme"] or "")) for h in hits), default=0),
             "speaker": min(24, max((len(h["speaker"] or "") for h in hits), default=0))}
    for drop in (None, "speaker", "theme", "doc"):
        if drop:
            parts[drop] = 0
        other = sum(w + 2 for w in parts.values() if w)
        context = (columns - hit_w - 2 - other) // 2
        if context >= min(width, 15):
            break
    return {**parts, "hit": hit_w, "context": max(min(width, context), min(8, width))}


def lines(hits: list[dict], width: int, columns: int = 10**6, labels: dict[str, str] | None = None) -> list:
    """One rich ``Text`` per hit: document, left context right-aligned, the hit, right context, theme, speaker."""
    from rich.text import Text

    from ..render import colour

    labels = labels or {}
    w = fit(hits, width, columns, labels)
    out = []
    for h in hits:
        line = Text()
        if w["doc"]:
            line.append(h["doc"].ljust(w["doc"]) + "  ", style="dim")
        left = h["left"][-w["context"]:] if w["context"] else ""
        line.append(left.rjust(w["context"]))
        line.append(" ")
        line.append(" ".join(h["text"].split()).ljust(w["hit"]), style="bold")
        line.append(" ")
        line.append(h["right"][: w["context"]].ljust(w["context"]))
        if w["theme"]:
            line.append("  ")
            line.append(labels.get(h["theme"], h["theme"] or "").ljust(w["theme"]), style=colour(h["theme"]))
        if w["speaker"]:
            speaker = h["speaker"] or ""
            if len(speaker) > w["speaker"]:
                speaker = speaker[: w["speaker"] - 1] + "…"
            line.append("  ")
            line.append(speaker, style="italic")
        line.rstrip()
        out.append(line)
    return out


def _print(hits: list[dict], query: str, width: int, out, lexicon: str | None) -> None:
    from rich.console import Console
    from rich.text import Text

    from ..render import width_for
    from ..themes import short_labels

    c = Console(file=out, highlight=False, soft_wrap=True, width=width_for(out))
    head = Text(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} for ")
    head.append(query, style="bold")
    c.print(head)
    for line in lines(hits, width, c.width, short_labels(lexicon)):
        c.print(line)
