"""A self-contained HTML report of one analysed speech, and an index page for many.

The page is one file a journalist can open or mail: inline CSS and SVG, no
script, no web fonts, no network.  It shows the speech as written with every
segment tinted by its theme and every figure marked (its value, unit and
qualifier in the hover title and in the footnoted table), the speaker named at
each quote, the page tail greyed out; beside it the theme shares as a bar
chart, the summary, the most frequent and the most distinctive words.

Every piece of text that comes from the input goes through ``html.escape``:
a ``<script>`` in a speech stays text.  Functions here are pure (Analysis in,
HTML string out); writing files is the command's job.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .keywords import is_word
from .model import Analysis, Figure, Keyword, ThemeSummary
from .pipeline import body_tokens
from .text import merge_spans
from .render import THEME_COLOURS
from .themes import load_lexicon

# render.py's terminal colours, as colours for a page (rich's "bright_white" would vanish on white)
HEX = {
    "cyan": "#0fa3b1", "green": "#2e9e44", "magenta": "#b83dba", "yellow": "#e3a400",
    "blue": "#2b6cd6", "red": "#d63a3a", "bright_white": "#8a6d3b",
}
# themes of a user's lexicon that render.py does not know, in lexicon order
SPARE = ("#ef7d22", "#6b8e23", "#7b61c4", "#c2185b", "#00897b", "#795548", "#5c6bc0", "#9e9d24")
NO_THEME = "#c8c8c8"
TINT = 0.24  # share of the theme colour in a quote's or turn's background (the rest is white)
TINT_NARRATIVE = 0.11  # the reporter's own text: a lighter tint
TOP_WORDS = 12
KIND_LABELS = {"quote": "quote", "turn": "turn", "narrative": "reporter"}


# ---------------------------------------------------------------- colours
@dataclass(frozen=True, slots=True)
class Palette:
    """Theme id → colour, label and CSS class, in lexicon order."""

    colours: dict[str, str]
    labels: dict[str, str]

    def css_class(self, theme: str | None) -> str:
        return f"t{list(self.colours).index(theme)}" if theme in self.colours else "t-none"

    def colour(self, theme: str | None) -> str:
        return self.colours.get(theme or "", NO_THEME)

    def label(self, theme: str | None) -> str:
        return self.labels.get(theme or "", theme or "no theme")


def palette(lexicon: str | None = None, extra: Iterable[tuple[str, str]] = ()) -> Palette:
    """Colours of the lexicon's themes (and of ``extra`` (id, label) pairs it lacks).

    >>> p = palette()
    >>> p.colour("transport"), p.css_class("transport"), p.colour(None)
    ('#0fa3b1', 't0', '#c8c8c8')
    """
    themes = [(t.id, t.label) for t in load_lexicon(lexicon).themes.values()]
    known = {tid for tid, _ in themes}
    themes += [(tid, label) for tid, label in extra if tid not in known and not known.add(tid)]
    colours, labels = {}, {}
    spare = iter(SPARE * (len(themes) // len(SPARE) + 1))
    used = set()
    for tid, label in themes:
        c = HEX.get(THEME_COLOURS.get(tid, ""))
        if c is None or c in used:
            c = next(x for x in spare if x not in used)
        used.add(c)
        colours[tid], labels[tid] = c, label
    return Palette(colours, labels)


def tint(colour: str, share: float = TINT) -> str:
    """The colour mixed with white: ``share`` of it, the rest white.

    >>> tint("#0fa3b1", 0.2)
    '#cfedef'
    """
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def ink(colour: str) -> str:
    """Black or white, whichever reads better on the colour (WCAG relative luminance)."""
    def lin(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#111111" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "#ffffff"


def _theme_css(p: Palette) -> str:
    rules = [f".t-none{{--c:{NO_THEME};--tint:transparent;--tint2:transparent;--ink:#111111}}"]
    for tid, c in p.colours.items():
        rules.append(f".{p.css_class(tid)}{{--c:{c};--tint:{tint(c)};--tint2:{tint(c, TINT_NARRATIVE)};--ink:{ink(c)}}}")
    return "\n".join(rules)


# ---------------------------------------------------------------- small helpers
def esc(s: object) -> str:
    """Text for HTML content or a quoted attribute value."""
    return html.escape("" if s is None else str(s), quote=True)


def number(x: float | int | str | None) -> str:
    """A value the Russian way: «3 000 000», «1,5».

    >>> number(3000000), number(1.5), number(2023), number(None)
    ('3\\u202f000\\u202f000', '1,5', '2023', '')
    """
    if x is None:
        return ""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        x = int(x)
    s = f"{x:,}" if abs(x) >= 10_000 else str(x)  # «2023», «1500», but «30 000»
    return s.replace(",", "\u202f").replace(".", ",")


def percent(share: float) -> str:
    return f"{share * 100:.0f}\u202f%" if share >= 0.01 or share == 0 else "<1\u202f%"


def figure_value(f: Figure) -> str:
    """«1,5 °C», «300 000–500 000 тонна»: the normalised value with its unit."""
    if f.low is not None or f.high is not None:
        v = f"{number(f.low)}–{number(f.high)}"
    else:
        v = number(f.value)
    return f"{v} {f.unit}".strip() if f.unit else v


def figure_title(f: Figure) -> str:
    """The hover text of a marked figure: value and unit, qualifier, kind, change."""
    parts = [figure_value(f)]
    if f.qualifier:
        parts.append(f.qualifier)
    parts.append(f.kind)
    if f.change:
        parts.append({"increase": "рост", "decrease": "снижение"}.get(f.change, f.change))
    return " · ".join(p for p in parts if p)


def word_count(a: Analysis) -> int:
    return sum(1 for t in body_tokens(a) if is_word(t))


def speakers(a: Analysis) -> Counter:
    """Speakers of quotes and turns, with how many segments each holds."""
    return Counter(s.speaker for s in a.segments if s.speaker and s.kind != "narrative")


def _excluded_words(a: Analysis) -> set[str]:
    from .quotes import speech_verbs
    from .text import norm_word

    out = set(speech_verbs())
    for s in a.segments:
        if s.speaker:
            out |= {norm_word(w) for w in s.speaker.split()}
    return out


def word_lists(a: Analysis, top: int = TOP_WORDS) -> dict[str, list[Keyword]]:
    """The most frequent words, the most distinctive ones (keyness, p < 0.01) and the repeated terms.

    Speech verbs and the speakers' names are left out, as ``speechkit keywords`` does.
    """
    from .keywords import G2_CRITICAL, count_keywords

    toks = body_tokens(a)
    exclude = frozenset(_excluded_words(a))
    groups = [(s.theme, s.start, s.end) for s in a.segments if s.theme]  # colours each word by its theme
    frequent = count_keywords(toks, groups=groups, exclude=exclude, top=top, rank_by="count")
    key = count_keywords(toks, groups=groups, exclude=exclude, top=top, rank_by="keyness")
    terms = count_keywords(toks, groups=groups, exclude=exclude, top=top, ngrams=2, rank_by="count")
    return {
        "frequent": frequent,
        "distinctive": [k for k in key if (k.keyness or 0) >= G2_CRITICAL],
        "terms": [k for k in terms if k.count >= 2],
    }


def title_of(a: Analysis, meta: dict | None = None) -> str:
    """The document's title: ``meta["title"]``, a short first line, or its name."""
    if meta and isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"].strip()
    first = a.text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= 160:
        return first
    return a.source.name


# ---------------------------------------------------------------- the page
CSS = """
:root{--fg:#1b1b1b;--muted:#666;--line:#e3e3e3;--bg:#ffffff;--accent:#2b6cd6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);
 font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
.wrap{max-width:76rem;margin:0 auto;padding:1.2rem 1rem 3rem}
header h1{font-size:1.55rem;line-height:1.25;margin:.2rem 0 .4rem}
.meta{color:var(--muted);font-size:.9rem;margin:0}
.crumbs{font-size:.85rem;margin:0 0 .4rem}
a{color:var(--accent)}
h2{font-size:1.05rem;margin:1.4rem 0 .5rem;text-transform:uppercase;letter-spacing:.04em;color:#333}
.legend{display:flex;flex-wrap:wrap;gap:.35rem .9rem;list-style:none;padding:0;margin:.8rem 0 0;font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.35rem}
.sw{display:inline-block;width:.95em;height:.95em;border-radius:2px;background:var(--c);flex:none}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:0 2.2rem}
@media (min-width:64rem){
 .layout{grid-template-columns:minmax(0,1fr) 25rem;grid-template-areas:"text side"}
 .layout>.speech{grid-area:text}.layout>aside{grid-area:side}
}
.speech p{margin:0 0 .75rem;padding:.15rem 0 .15rem .75rem;border-left:4px solid var(--c)}
.speech p.tail{border-left:4px dashed var(--line);color:#9a9a9a;font-size:.85rem;margin:0;padding:.05rem 0 .05rem .75rem}
.seg{background:var(--tint2);-webkit-box-decoration-break:clone;box-decoration-break:clone;
 padding:.08em 0;border-radius:2px}
.seg.said{background:var(--tint)}
.who{display:inline-block;font:600 .72rem/1.5 system-ui,sans-serif;font-style:normal;background:var(--c);
 color:var(--ink);border-radius:3px;padding:0 .4em;margin:0 .3em 0 0;vertical-align:.12em;white-space:nowrap}
.boiler{color:#9a9a9a;background:none}
.tailnote{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;margin:1.6rem 0 .4rem}
mark.fig{background:none;color:inherit;font-weight:650;text-decoration:underline dotted 2px;
 text-underline-offset:.18em}
sup.fn{font-size:.7em;line-height:0;margin-left:.1em}
sup.fn a{text-decoration:none}
aside section{margin-bottom:.4rem}
svg{display:block;width:100%;height:auto;max-width:100%}
svg.chart{max-width:26rem}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
.summary{padding-left:1.3rem;margin:0}
.summary li{margin:0 0 .55rem;padding-left:.4rem;border-left:3px solid var(--c);font-size:.95rem}
.summary .by{display:block;color:var(--muted);font-size:.78rem}
.words{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.6rem 1rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;padding:.3rem .45rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:#444;border-bottom:2px solid #cfcfcf}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.words table{font-size:.85rem}
.words td{padding:.16rem .3rem}
.words td:first-child{white-space:nowrap}
.terms{list-style:none;padding:0;margin:.2rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem}
.terms li{font-size:.82rem;background:var(--tint2);border:1px solid var(--c);border-radius:3px;padding:0 .4em}
.terms b{font-weight:600;color:var(--muted);margin-left:.3em}
.dot{display:inline-block;width:.6em;height:.6em;border-radius:50%;background:var(--c);margin-right:.35em}
.scroll{overflow-x:auto}
.warn{background:#fff4d6;border:1px solid #f0d68a;padding:.5rem .8rem;border-radius:4px}
.muted{color:var(--muted)}
footer{margin-top:2.5rem;color:var(--muted);font-size:.8rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem;list-style:none;padding:0}
.cards li{border:1px solid var(--line);border-radius:6px;padding:.7rem .8rem;display:flex;flex-direction:column}
.cards svg{margin-top:auto;padding-top:.4rem}
td.date{white-space:nowrap}
.cards h3{font-size:1rem;margin:0 0 .2rem;line-height:1.3}
@media print{
 body{font-size:10.5pt}
 .wrap{max-width:none;padding:0}
 .layout{display:block}
 a{color:inherit;text-decoration:none}
 .crumbs{display:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 section,figure,tr,.cards li{break-inside:avoid}
 h2{break-after:avoid}
}
"""


def render_page(a: Analysis, *, meta: dict | None = None, lexicon: str | None = None,
                index_href: str | None = None, generator: str = "speechkit") -> str:
    """The whole report of one analysed text as a standalone HTML page."""
    pal = palette(lexicon, ((t.id, t.label) for t in a.themes))
    title = title_of(a, meta)
    words = word_lists(a) if a.tokens else {"frequent": [], "distinctive": [], "terms": []}
    quotes = sum(1 for s in a.segments if s.kind == "quote")
    who = speakers(a)
    facts = [esc(a.source.name)]
    if meta and meta.get("date"):
        facts.append(esc(meta["date"]))
    facts.append(f"{number(word_count(a))} words")
    facts.append(f"{len(a.segments)} segments, {quotes} quotes")
    facts.append(f"{len(a.figures)} figures")
    if who:
        facts.append("speakers: " + ", ".join(f"{esc(n)} ({c})" for n, c in who.most_common()))
    parts = [
        _head(title, pal),
        '<body>\n<div class="wrap">\n<header>',
        f'<p class="crumbs"><a href="{esc(index_href)}">← all documents</a></p>' if index_href else "",
        f'<h1 lang="ru">{esc(title)}</h1>',
        f'<p class="meta">{" · ".join(facts)}</p>',
        _legend(pal, [t.id for t in a.themes]),
        "</header>",
        "".join(f'<p class="warn">{esc(w)}</p>' for w in a.warnings),
        '<div class="layout">',
        "<aside>",
        '<section><h2 id="themes">Themes</h2>', theme_chart(a.themes, pal), "</section>",
        _summary(a, pal),
        _words(words, pal),
        "</aside>",
        '<main class="speech" lang="ru">',
        '<h2 id="text">The speech</h2>',
        speech_html(a, pal),
        "</main>",
        "</div>",
        _figures_table(a, pal),
        f"<footer>Made by {esc(generator)}. Tints: the theme of each segment; the coloured bar at the left of a "
        "paragraph: its main theme; underlined: figures (hover for the value); grey: the page tail, "
        "not analysed.</footer>",
        "</div>\n</body>\n</html>\n",
    ]
    return "\n".join(p for p in parts if p)


def _head(title: str, pal: Palette) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}\n{_theme_css(pal)}\n</style>\n</head>"
    )


def _legend(pal: Palette, present: Sequence[str] = ()) -> str:
    items = []
    for tid in pal.colours:
        dim = "" if not present or tid in present else ' style="opacity:.45"'
        items.append(f'<li class="{pal.css_class(tid)}"{dim}><span class="sw"></span>'
                     f'<span lang="ru">{esc(pal.label(tid))}</span></li>')
    items.append('<li class="t-none"><span class="sw"></span>no theme</li>')
    return f'<ul class="legend" aria-label="Theme colours">{"".join(items)}</ul>'


# ---------------------------------------------------------------- the speech as written
def speech_html(a: Analysis, pal: Palette) -> str:
    """The text line by line, each run of it inside its segment's tint, figures marked."""
    text = a.text
    tail = a.source.boilerplate_start
    boiler = sorted((b.start, b.end) for b in a.source.boilerplate)
    if tail is not None:
        boiler.append((tail, len(text)))
    boiler = merge_spans(boiler)
    segs = sorted(a.segments, key=lambda s: s.start)
    figs = sorted(a.figures, key=lambda f: f.start)
    cuts = {0, len(text)}
    for s in segs:
        cuts |= {s.start, s.end}
    for f in figs:
        cuts |= {f.start, f.end}
    for s, e in boiler:
        cuts |= {s, e}
    seg_at = _Locator([(s.start, s.end, s) for s in segs])
    fig_at = _Locator([(f.start, f.end, f) for f in figs])
    in_boiler = _Locator([(s, e, True) for s, e in boiler])
    fig_number = {f.index: n for n, f in enumerate(figs, 1)}
    order = sorted(cuts)

    out = []
    tail_noted = False
    for m in re.finditer(r"[^\r\n]+", text):
        ls, le = m.start(), m.end()
        while ls < le and text[ls].isspace():
            ls += 1
        while le > ls and text[le - 1].isspace():
            le -= 1
        if ls >= le:
            continue
        line_is_tail = bool(in_boiler.at(ls)) and bool(in_boiler.at(le - 1))
        if line_is_tail and tail is not None and ls >= tail and not tail_noted:
            out.append('<p class="tailnote">Page tail: not analysed</p>')
            tail_noted = True
        points = order[bisect.bisect_right(order, ls) : bisect.bisect_left(order, le)]
        runs = []
        main: Counter = Counter()
        for x, y in zip([ls, *points], [*points, le]):
            seg = seg_at.at(x)
            fig = fig_at.at(x)
            boil = bool(in_boiler.at(x))
            chunk = esc(text[x:y])
            if fig is not None and not boil:
                chunk = f'<mark class="fig" title="{esc(figure_title(fig))}">{chunk}</mark>'
                if y == fig.end:
                    n = fig_number[fig.index]
                    chunk += f'<sup class="fn"><a href="#fig-{n}" id="ref-{n}">{n}</a></sup>'
            if boil:
                runs.append(f'<span class="boiler">{chunk}</span>')
                continue
            if seg is None:
                runs.append(chunk)
                continue
            main[seg.theme] += y - x
            badge = ""
            if x == seg.start and seg.kind in ("quote", "turn") and seg.speaker:
                badge = f'<span class="who" title="{esc(seg.kind)}">{esc(seg.speaker)}</span>'
            elif x == seg.start and seg.kind in ("quote", "turn"):
                badge = f'<span class="who" title="{esc(seg.kind)}">speaker unknown</span>'
            kind = " said" if seg.kind in ("quote", "turn") else ""
            tip = esc(f"{pal.label(seg.theme)} · {KIND_LABELS.get(seg.kind, seg.kind)}"
                      + (f" · {seg.speaker}" if seg.speaker else ""))
            runs.append(f'{badge}<span class="seg {pal.css_class(seg.theme)}{kind}" title="{tip}">{chunk}</span>')
        if line_is_tail:
            out.append(f'<p class="tail">{"".join(runs)}</p>')
        else:
            theme = main.most_common(1)[0][0] if main else None
            out.append(f'<p class="{pal.css_class(theme)}">{"".join(runs)}</p>')
    return "\n".join(out)


class _Locator:
    """Which of a list of non-overlapping spans holds a position."""

    def __init__(self, spans: list[tuple[int, int, object]]):
        self.spans = sorted(spans, key=lambda s: s[0])
        self.starts = [s for s, _, _ in self.spans]

    def at(self, pos: int):
        i = bisect.bisect_right(self.starts, pos) - 1
        for s, e, item in self.spans[max(0, i - 1) : i + 1][::-1]:
            if s <= pos < e:
                return item
        return None


def theme_chart(themes: Sequence[ThemeSummary], pal: Palette, *, width: int = 360) -> str:
    """Horizontal bars of the share of words per theme, the rest as «no theme»."""
    rows = [(t.id, t.label, t.share) for t in themes]
    rest = 1 - sum(s for _, _, s in rows)
    if rest >= 0.005:
        rows.append((None, "no theme", rest))
    if not rows:
        return '<p class="muted">No theme found.</p>'
    top = max(s for _, _, s in rows) or 1
    row_h, bar_h, label_w = 40, 13, 46
    h = row_h * len(rows) + 4
    inner = width - label_w
    desc = "; ".join(f"{label}: {percent(share)}" for _, label, share in rows)
    out = [f'<svg class="chart" viewBox="0 0 {width} {h}" role="img" aria-labelledby="tc-t tc-d" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="tc-t">Share of words per theme</title>'
           f'<desc id="tc-d">{esc(desc)}</desc>']
    for i, (tid, label, share) in enumerate(rows):
        y = i * row_h
        w = max(1.5, inner * share / top)
        out.append(f'<text x="0" y="{y + 14}" font-size="12.5" fill="#333">{esc(label)}</text>')
        out.append(f'<rect x="0" y="{y + 20}" width="{w:.1f}" height="{bar_h}" rx="2" '
                   f'fill="{pal.colour(tid)}"><title>{esc(label)}: {esc(percent(share))}</title></rect>')
        out.append(f'<text x="{w + 6:.1f}" y="{y + 31}" font-size="12" fill="#555">{esc(percent(share))}</text>')
    out.append("</svg>")
    return "".join(out)


def mini_chart(shares: dict[str, float], pal: Palette, *, scale: float, label: str) -> str:
    """One small multiple: a column per lexicon theme, all pages on the same ``scale``."""
    ids = list(pal.colours)
    col, gap, h, base = 22, 6, 64, 70
    width = len(ids) * (col + gap)
    desc = "; ".join(f"{pal.label(t)}: {percent(shares.get(t, 0.0))}" for t in ids)
    out = [f'<svg viewBox="0 0 {width} {base + 4}" role="img" aria-label="{esc(label)}: {esc(desc)}" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#cfcfcf" stroke-width="1"/>']
    for i, tid in enumerate(ids):
        share = shares.get(tid, 0.0)
        bh = h * share / scale if scale else 0
        x = i * (col + gap) + gap / 2
        out.append(f'<rect x="{x:.1f}" y="{base - bh:.1f}" width="{col}" height="{bh:.1f}" fill="{pal.colour(tid)}">'
                   f'<title>{esc(pal.label(tid))}: {esc(percent(share))}</title></rect>')
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- side panels
def _summary(a: Analysis, pal: Palette) -> str:
    if not a.summary:
        return ""
    items = []
    for s in a.summary:
        who = esc(s.speaker) if s.speaker else "reporter"
        items.append(f'<li class="{pal.css_class(s.theme)}" lang="ru">{esc(s.text)}'
                     f'<span class="by">{who} · {esc(pal.label(s.theme))}</span></li>')
    return f'<section><h2 id="summary">Summary</h2><ol class="summary">{"".join(items)}</ol></section>'


def _main_theme(k: Keyword) -> str | None:
    return max(k.themes, key=k.themes.get) if k.themes else None


def times(log_ratio: float | None) -> str:
    """How many times the text's rate is the reference's, to two significant figures.

    >>> times(11.326), times(3.5), times(None)
    ('×2600', '×11', '')
    """
    if log_ratio is None:
        return ""
    x = 2 ** log_ratio
    if x >= 10:
        digits = len(str(int(x)))
        x = round(x, 2 - digits)
        return "×" + number(int(x))
    return "×" + number(round(x, 1))


def _word_title(k: Keyword) -> str:
    parts = [f"{k.count}×"]
    if k.keyness is not None:
        parts.append(f"G² {k.keyness:.1f}")
    if k.log_ratio is not None:
        parts.append(f"log ratio {k.log_ratio:.2f}")
    if k.forms:
        parts.append("forms: " + ", ".join(k.forms[:6]))
    return " · ".join(parts)


def _words(words: dict[str, list[Keyword]], pal: Palette) -> str:
    blocks = []
    specs = [
        ("frequent", "Most frequent", "count", lambda k: str(k.count)),
        ("distinctive", "Distinctive", "× usual", lambda k: times(k.log_ratio)),
    ]
    for key, heading, col, val in specs:
        kws = words.get(key) or []
        if not kws:
            continue
        rows = "".join(
            f'<tr class="{pal.css_class(_main_theme(k))}" title="{esc(_word_title(k))}"><td lang="ru">'
            f'<span class="dot"></span>{esc(k.lemma)}</td><td class="n">{esc(val(k))}</td></tr>' for k in kws)
        note = (' title="Key words: significantly more frequent than in general Russian (log-likelihood, '
                'p &lt; 0.01); × usual: how many times more frequent"' if key == "distinctive" else "")
        blocks.append(f'<table><thead><tr><th{note}>{heading}</th><th class="n">{col}</th></tr></thead>'
                      f"<tbody>{rows}</tbody></table>")
    terms = "".join(f'<li class="{pal.css_class(_main_theme(k))}" lang="ru" title="{esc(_word_title(k))}">'
                    f'{esc(k.lemma)}<b>{k.count}</b></li>' for k in words.get("terms") or [])
    if terms:
        blocks.append(f'<div style="grid-column:1/-1"><table><thead><tr><th>Repeated terms</th></tr></thead></table>'
                      f'<ul class="terms">{terms}</ul></div>')
    if not blocks:
        return ""
    return f'<section><h2 id="words">Words</h2><div class="words">{"".join(blocks)}</div></section>'


def _figures_table(a: Analysis, pal: Palette) -> str:
    if not a.figures:
        return '<section><h2 id="figures">Figures</h2><p class="muted">No figures found.</p></section>'
    figs = sorted(a.figures, key=lambda f: f.start)
    rows = []
    for n, f in enumerate(figs, 1):
        change = {"increase": "↑", "decrease": "↓"}.get(f.change or "", "")
        rows.append(
            f'<tr id="fig-{n}" class="{pal.css_class(f.theme)}"><td class="n"><a href="#ref-{n}">{n}</a></td>'
            f'<td lang="ru"><b>{esc(f.text)}</b></td><td class="n">{esc(figure_value(f))}</td>'
            f'<td lang="ru">{esc(f.qualifier or "")}</td><td>{esc(f.kind)} {change}</td>'
            f'<td><span class="dot"></span>{esc(pal.label(f.theme))}</td>'
            f'<td lang="ru">{esc(f.speaker or "reporter")}</td></tr>')
    return ('<section><h2 id="figures">Figures</h2><div class="scroll"><table><thead><tr>'
            '<th class="n">#</th><th>as written</th><th class="n">value</th><th>qualifier</th><th>kind</th>'
            '<th>theme</th><th>speaker</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div></section>")


# ---------------------------------------------------------------- many documents
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
                 failed: Sequence[tuple[str, str]] = (), generator: str = "speechkit") -> str:
    """The index of a folder report: a card per document with its theme shares as a small multiple."""
    extra = [(tid, label) for e in entries for tid, label in e.labels.items()]
    pal = palette(lexicon, extra)
    entries = sort_entries(entries)
    scale = max((s for e in entries for s in e.shares.values()), default=0.0) or 1.0
    dated = any(e.date for e in entries)
    cards = []
    for e in entries:
        chart = mini_chart(e.shares, pal, scale=scale, label=e.title)
        facts = [f"{number(e.words)} words", f"{e.figures} figures"]
        if e.date:
            facts.insert(0, f"<time>{esc(e.date)}</time>")
        who = f'<p class="meta" lang="ru">{esc(", ".join(e.speakers[:3]))}</p>' if e.speakers else ""
        kws = f'<p class="meta" lang="ru"><i>{esc(", ".join(e.keywords))}</i></p>' if e.keywords else ""
        cards.append(f'<li><h3 lang="ru"><a href="{esc(e.href)}">{esc(e.title)}</a></h3>'
                     f'<p class="meta">{esc(e.name)} · {" · ".join(facts)}</p>{who}{kws}{chart}</li>')
    ids = list(pal.colours)
    head_cells = "".join(f'<th class="n {pal.css_class(t)}" title="{esc(pal.label(t))}">'
                         f'<span class="sw"></span></th>' for t in ids)
    rows = []
    for e in entries:
        cells = "".join(f'<td class="n">{esc(percent(e.shares[t])) if t in e.shares else ""}</td>' for t in ids)
        date = f'<td class="date">{esc(e.date or "")}</td>' if dated else ""
        rows.append(f'<tr>{date}<td lang="ru"><a href="{esc(e.href)}">{esc(e.title)}</a></td>'
                    f'<td class="n">{number(e.words)}</td>{cells}</tr>')
    failures = ""
    if failed:
        items = "".join(f"<li><b>{esc(n)}</b>: {esc(msg)}</li>" for n, msg in failed)
        failures = f'<section><h2>Not included</h2><ul class="warn">{items}</ul></section>'
    order = "by date" if dated and any(date_key(e.date) for e in entries) else "in input order"
    parts = [
        _head(title, pal),
        '<body>\n<div class="wrap">\n<header>',
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta">{len(entries)} documents, {order}. Each chart: share of words per theme, '
        f"all on one scale (tallest bar {esc(percent(scale))}).</p>",
        _legend(pal),
        "</header>",
        f'<section><h2>Theme shares</h2><ul class="cards">{"".join(cards)}</ul></section>',
        '<section><h2>Table</h2><div class="scroll"><table><thead><tr>'
        + ("<th>date</th>" if dated else "") + f'<th>document</th><th class="n">words</th>{head_cells}'
        + f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>',
        failures,
        f"<footer>Made by {esc(generator)}.</footer>",
        "</div>\n</body>\n</html>\n",
    ]
    return "\n".join(p for p in parts if p)
