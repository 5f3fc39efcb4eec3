"""``speechkit search``: lemma search over a database's segments, one keyword-in-context line per hit."""

from __future__ import annotations

from pathlib import Path

CSV_COLUMNS = ["doc", "date", "segment", "kind", "speaker", "theme", "start", "end", "left", "text", "right"]


def run_search(db: str, query: str, *, speaker: str | None = None, kind: list[str] = (), theme: list[str] = (),
               since: str | None = None, until: str | None = None, docs: list[str] = (), forms: bool = False,
               limit: int = 50, width: int = 40, sort: str = "date", fmt: str = "table",
               output: Path | None = None) -> None:
    """Search ``db`` and write the hits in ``fmt`` (table, json, json-lines, csv, tsv)."""
    from ..db.query import parse_search, search
    from ..db.schema import connect
    from .output import open_output
    from .trends_cmd import selection_from

    kinds = tuple(k.strip() for item in kind for k in item.split(",") if k.strip())
    themes = tuple(t.strip() for item in theme for t in item.split(",") if t.strip())
    selection = selection_from(db, since, until, docs, speaker=speaker, kind=kinds, theme=themes)
    q = parse_search(query, forms=forms)  # a query without words fails before the database is opened
    con = connect(db)
    try:
        hits, total = search(con, q, selection, limit=limit, width=width, sort=sort, count=fmt in ("table", "json"))
    finally:
        con.close()
    from .. import formats

    with open_output(output) as out:
        if fmt == "json":
            formats.write_json(out, {"query": query, "fts": q.fts(), "segments": total, "hits": hits})
        elif fmt == "json-lines":
            for h in hits:
                formats.write_json_line(out, h)
        elif fmt in ("csv", "tsv"):
            w = formats.table_writer(out, fmt)
            w.writerow(CSV_COLUMNS)
            w.writerows([h[c] for c in CSV_COLUMNS] for h in hits)
        else:
            _print(hits, query, total, width, out)


def _print(hits: list[dict], query: str, total: int | None, width: int, out) -> None:
    """A count line, then one concordance line per hit, laid out by kwic's rules to fit the terminal
    (the hit whole; speaker, theme and document go first, then the contexts narrow), after its date."""
    from rich.console import Console
    from rich.text import Text

    from ..render import width_for
    from ..themes import short_labels
    from .kwic_cmd import lines

    c = Console(file=out, highlight=False, soft_wrap=True, width=width_for(out))
    head = Text(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} for ")
    head.append(query, style="bold")
    if total is not None and total > len({(h['doc'], h['segment']) for h in hits}):
        head.append(f" (the first; {total} segments match, --limit 0 shows all)", style="dim")
    c.print(head)
    date_w = max((len(h["date"] or "") for h in hits), default=0)
    dated = date_w + 2 if date_w else 0
    named = [{**h, "doc": f"{h['doc']}#{h['segment']}"} for h in hits]
    for h, line in zip(hits, lines(named, width, c.width - dated, short_labels())):
        c.print(Text((h["date"] or "").ljust(date_w) + "  ", style="dim") + line if dated else line)
