"""The index page of a folder report: a card per document with its title, facts and theme shares.

Each card is titled by its document (``report.title_of``: the first line, never the path) and
names the file in its line of facts; its bars share one scale with every other card, so that
cards compare; a table below gives every theme's share per document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .charts import Palette, esc, legend, palette, percent, swatch, theme_bars
from .model import Analysis
from .report import GENERATOR, _body_start, _head, file_name, number, speakers, title_of, word_count, word_lists


def card_chart(shares: dict[str, float], pal: Palette, *, scale: float) -> str:
    """The themes of one document on an index card, on the ``scale`` shared by every card."""
    rows = [(tid, pal.label(tid), shares[tid]) for tid in pal.colours if shares.get(tid)]
    return theme_bars(rows, pal, scale=scale)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the index page shows of one document: enough to link it and chart its themes."""

    name: str
    href: str
    title: str
    date: str | None
    words: int
    shares: dict[str, float]
    labels: dict[str, str]
    speakers: list[str] = field(default_factory=list)
    figures: int = 0
    keywords: list[str] = field(default_factory=list)


def index_entry(a: Analysis, href: str, meta: dict | None = None, *, keywords: int = 6) -> IndexEntry:
    """The index card of one analysed document (small: the analysis itself can be dropped)."""
    date = meta.get("date") if meta else None
    kws = [k.lemma for k in word_lists(a, top=keywords)["distinctive"]] if a.tokens else []
    return IndexEntry(
        name=a.source.name, href=href, title=title_of(a, meta), date=str(date) if date else None,
        words=word_count(a), shares={t.id: t.share for t in a.themes}, labels={t.id: t.label for t in a.themes},
        speakers=[n for n, _ in speakers(a).most_common()], figures=len(a.figures), keywords=kws)


def date_key(date: str | None) -> str | None:
    """An ISO date to sort by, from «2024-07-06», «06.07.2024» or «2024»; None when unreadable.

    >>> date_key("06.07.2024"), date_key("2024-07-06T10:00"), date_key("вчера")
    ('2024-07-06', '2024-07-06', None)
    """
    if not date:
        return None
    s = str(date).strip()
    m = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
    if m:
        y, mo, d = m.group(1), m.group(2) or "1", m.group(3) or "1"
    else:
        m = re.match(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", s)
        if not m:
            return None
        d, mo, y = m.groups()
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def sort_entries(entries: Sequence[IndexEntry]) -> list[IndexEntry]:
    """By date when some document carries one (undated ones last, in input order); else as given."""
    if not any(date_key(e.date) for e in entries):
        return list(entries)
    order = {id(e): i for i, e in enumerate(entries)}
    return sorted(entries, key=lambda e: (date_key(e.date) is None, date_key(e.date) or "", order[id(e)]))


def render_index(entries: Sequence[IndexEntry], *, lexicon: str | None = None, title: str = "Speeches",
                 failed: Sequence[tuple[str, str]] = (), generator: str = GENERATOR) -> str:
    """The index of a folder report: a card per document, titled by the document, with its theme shares."""
    extra = [(tid, label) for e in entries for tid, label in e.labels.items()]
    pal = palette(lexicon, extra)
    entries = sort_entries(entries)
    scale = max((s for e in entries for s in e.shares.values()), default=0.0) or 1.0
    dated = any(e.date for e in entries)
    cards = []
    for e in entries:
        facts = [f'<span class="file" title="{esc(e.name)}" lang="ru">{esc(file_name(e.name))}</span>',
                 f"{number(e.words)} words", f"{e.figures} figures"]
        if e.date:
            facts.insert(0, f"<time>{esc(e.date)}</time>")
        who = f'<p class="meta">{esc(", ".join(e.speakers[:3]))}</p>' if e.speakers else ""
        kws = f'<p class="meta"><i>{esc(", ".join(e.keywords))}</i></p>' if e.keywords else ""
        cards.append(f'<li><h3><a href="{esc(e.href)}">{esc(e.title)}</a></h3>'
                     f'<p class="meta" lang="en">{" · ".join(facts)}</p>{who}{kws}'
                     f"{card_chart(e.shares, pal, scale=scale)}</li>")
    ids = list(pal.colours)
    head_cells = "".join(f'<th class="n theme">{swatch(pal, t)}{esc(pal.label(t))}</th>' for t in ids)
    rows = []
    for e in entries:
        cells = "".join(f'<td class="n">{esc(percent(e.shares[t])) if t in e.shares else ""}</td>' for t in ids)
        date = f'<td class="date">{esc(e.date or "")}</td>' if dated else ""
        rows.append(f'<tr>{date}<td><a href="{esc(e.href)}">{esc(e.title)}</a></td>'
                    f'<td class="n">{number(e.words)}</td>{cells}</tr>')
    failures = ""
    if failed:
        items = "".join(f"<li><b>{esc(n)}</b>: {esc(msg)}</li>" for n, msg in failed)
        failures = f'<section><h2 lang="en">Not included</h2><ul class="warn">{items}</ul></section>'
    order = "by date" if dated and any(date_key(e.date) for e in entries) else "in input order"
    parts = [
        _head(title, pal, generator),
        _body_start(pal),
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta" lang="en">{len(entries)} documents, {order}. Each card: share of words per theme, '
        f"all on one scale (a full bar is {esc(percent(scale))}).</p>",
        legend(pal),
        "</header>",
        f'<section><h2 lang="en">Theme shares</h2><ul class="cards">{"".join(cards)}</ul></section>',
        '<section><h2 lang="en">Table</h2><div class="scroll"><table><thead><tr>'
        + ('<th lang="en">date</th>' if dated else "") + '<th lang="en">document</th><th class="n" lang="en">words</th>'
        + f'{head_cells}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>',
        failures,
        f'<footer lang="en">Made by {esc(generator)}.</footer>',
        "</div>\n</body>\n</html>\n",
    ]
    return "\n".join(p for p in parts if p)
