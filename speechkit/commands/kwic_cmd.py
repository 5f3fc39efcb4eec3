"""``speechkit kwic``: a concordance by lemma, one line per hit, the keyword in a column of its own."""

from __future__ import annotations

import sys

from ..corpus import Failed, iter_documents
from ..errors import SpeechkitError, UsageError
from ..pipeline import Options, analyze


class _Failure(SpeechkitError):
    def __init__(self, failed: Failed) -> None:
        super().__init__(failed.message)
        self.exit_code = failed.exit_code


def collect(inputs: list[str], query: str, *, width: int = 40, related: bool = False,
            glob: str = "*.txt", lexicon: str | None = None, db: str | None = None) -> list[dict]:
    """Every hit in every input document (or stored one), as JSON-ready records (with the document's name)."""
    from ..kwic import find_hits, parse_query

    if width < 0:
        raise UsageError(f"--width must be 0 or more, not {width}")
    words = parse_query(query, related=related)  # a query without words fails before any reading
    options = Options(lexicon=lexicon, keywords=False, summary=False)
    out = []
    for doc, a in (_stored(db, inputs, lexicon) if db else _analysed(inputs, glob, options)):
        for h in find_hits(a, words, width=width):
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


def run_kwic(inputs: list[str], query: str, *, width: int = 40, related: bool = False, as_json: bool = False,
             glob: str = "*.txt", lexicon: str | None = None, db: str | None = None) -> None:
    """Print the concordance of ``query`` in ``inputs``: aligned lines, or ``{"hits": [...]}`` as JSON."""
    hits = collect(inputs, query, width=width, related=related, glob=glob, lexicon=lexicon, db=db)
    if as_json:
        from ..formats import write_json

        write_json(sys.stdout, {"query": query, "related": related, "hits": hits})
        return
    _print(hits, query, width)


def lines(hits: list[dict], width: int) -> list:
    """One rich ``Text`` per hit: left context right-aligned, the hit, right context, theme, speaker."""
    from rich.text import Text

    from ..render import colour

    docs = {h["doc"] for h in hits}
    hit_w = max((len(" ".join(h["text"].split())) for h in hits), default=0)
    theme_w = max((len(h["theme"] or "—") for h in hits), default=1)
    doc_w = max((len(d) for d in docs), default=0)
    out = []
    for h in hits:
        line = Text()
        if len(docs) > 1:
            line.append(h["doc"].ljust(doc_w) + "  ", style="dim")
        line.append(h["left"].rjust(width))
        line.append(" ")
        line.append(" ".join(h["text"].split()).ljust(hit_w), style="bold")
        line.append(" ")
        line.append(h["right"].ljust(width))
        line.append("  ")
        line.append((h["theme"] or "—").ljust(theme_w), style=colour(h["theme"]))
        line.append("  ")
        line.append(h["speaker"] or "—", style="italic" if h["speaker"] else "dim")
        out.append(line)
    return out


def _print(hits: list[dict], query: str, width: int) -> None:
    from rich.console import Console
    from rich.text import Text

    # soft wrap: a concordance line is never cut or folded by the console; a pipe gets it whole
    c = Console(highlight=False, soft_wrap=True)
    head = Text(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} for ")
    head.append(query, style="bold")
    c.print(head)
    for line in lines(hits, width):
        c.print(line)
