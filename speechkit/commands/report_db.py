"""``speechkit report --db``: the site of a database: a page per stored document, the index, the trends page."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, UsageError
from .output import open_output


def report_from_db(db: str, names: list[str], output: str, *, lexicon: str | None = None) -> str:
    """Write ``output/index.html``, ``output/trends.html`` and a page per chosen document; say what was written."""
    from .. import report
    from ..report_index import index_entry, render_index
    from ..db.query import trends
    from ..db.read import Selection, documents, load, meta_of, name_patterns
    from ..db.schema import connect
    from ..trends_chart import auto_bucket, render_trends
    from .report_cmd import page_name

    if lexicon:
        raise UsageError("--lexicon shapes an analysis: with --db the stored ones are read (index again with it)")
    target = Path(output)
    if target.suffix.lower() in (".html", ".htm") and not target.is_dir():
        raise UsageError(f"{output}: a database makes a site (pages, an index, trends); give a folder, e.g. -o site/")
    if target.exists() and not target.is_dir():
        raise InputError(f"{output}: exists and is not a folder")
    con = connect(db)
    try:
        selection = Selection(documents=name_patterns(names, db))
        chosen = sorted(documents(con, selection))
        if not chosen:
            raise InputError(f"{db}: no documents to report on")
        target.mkdir(parents=True, exist_ok=True)
        entries, used = [], {"index", "trends"}
        for doc_id, _ in chosen:
            a, doc = load(con, doc_id)
            meta = dict(meta_of(doc) or {})
            if doc["date"] and "date" not in meta:
                meta["date"] = doc["date"]
            href = page_name(doc["name"], used)
            with open_output(target / href) as out:
                out.write(report.render_page(a, meta=meta, index_href="index.html"))
            entries.append(index_entry(a, href, meta))
        first, last = con.execute("SELECT min(date), max(date) FROM documents WHERE date IS NOT NULL").fetchone()
        by = auto_bucket(first, last) if first else "month"
        data = trends(con, by, selection)
    finally:
        con.close()
    title = f"Speeches: {Path(db).stem}"
    index = render_index(entries, title=title)
    link = '<p class="crumbs" lang="en"><a href="trends.html">Themes over time →</a></p>'
    index = index.replace("</h1>", "</h1>\n" + link, 1)  # the index page, one link added under its title
    with open_output(target / "index.html") as out:
        out.write(index)
    with open_output(target / "trends.html") as out:
        out.write(render_trends(data, title=f"{title}: themes over time"))
    return f"wrote {len(entries)} pages, index.html and trends.html to {target}/"
