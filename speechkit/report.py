"""A self-contained HTML report of one analysed speech, and an index page for many.

The page is one file a journalist can open or mail: inline CSS and SVG, no
script, no web fonts, no network.  It shows the speech as written with every
segment tinted by its theme and every figure marked (its value, unit and
qualifier in the hover title and in the footnoted table), the speaker named at
each quote, the page tail greyed out; beside it the theme shares as a bar
chart, the summary, the most frequent and the most distinctive words.

Every piece of text that comes from the input goes through ``charts.esc``:
a ``<script>`` in a speech stays text, and control characters and bidi
overrides (which would break the HTML or show a quote reversed) become U+FFFD.
Functions here are pure (Analysis in, HTML string out); writing files is the
command's job.  The index page of a folder report is in ``report_index``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from .charts import CSS as CHART_CSS
from .charts import Palette, esc, legend, palette, pattern_defs, theme_bars, theme_css
from .keywords import is_word
from .model import Analysis, Figure, Keyword, ThemeSummary
from .pipeline import body_tokens
from .text import merge_spans

__all__ = ["render_page", "palette", "title_of", "GENERATOR"]

GENERATOR = "speechkit"  # <meta name="generator">: how `speechkit report` knows a page it may overwrite
TOP_WORDS = 12
TITLE_CHARS = 120  # a first line longer than this is cut at a word for the title
KIND_LABELS = {"quote": "quote", "turn": "turn", "fragment": "fragment", "narrative": "narrative"}


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
    """The document's title: ``meta["title"]``, else its first line, cut at a word when long.

    Never the file's path: a text without a title line is named by its own first words.

    >>> from speechkit.pipeline import analyze
    >>> title_of(analyze("Порт растёт\\n\\nТекст.", name="/a/b.txt"))
    'Порт растёт'
    """
    if meta and isinstance(meta.get("title"), str) and meta["title"].strip():
        return short_title(meta["title"])
    first = a.text.strip().split("\n", 1)[0].strip()
    return short_title(first) if first else file_name(a.source.name)


def short_title(line: str, limit: int = TITLE_CHARS) -> str:
    """The line whole when short; else its first sentence when that is short; else cut at a word, with «…».

    >>> short_title("Президент Казахстана выступил на саммите. Он отметил, что " + "слово " * 30)
    'Президент Казахстана выступил на саммите.'
    """
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    m = re.match(rf"(.{{20,{limit}}}?[.!?…])\s", line)
    if m:
        return m.group(1)
    cut = line[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def file_name(name: str) -> str:
    """The last part of a document's name: «speeches/2024/речь.txt» → речь.txt; «<stdin>:3» stays."""
    return PurePath(name.replace("\\", "/")).name or name


# ---------------------------------------------------------------- the page
CSS = """
:root{--fg:#1b1b1b;--muted:#666;--line:#e3e3e3;--bg:#ffffff;--accent:#2b6cd6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);overflow-wrap:break-word;
 font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
.wrap{max-width:76rem;margin:0 auto;padding:1.2rem 1rem 3rem}
header h1{font-size:1.55rem;line-height:1.25;margin:.2rem 0 .4rem;overflow-wrap:anywhere}
.meta{color:var(--muted);font-size:.9rem;margin:0;overflow-wrap:anywhere}
.crumbs{font-size:.85rem;margin:0 0 .4rem}
a{color:var(--accent)}
h2{font-size:1.05rem;margin:1.4rem 0 .5rem;text-transform:uppercase;letter-spacing:.04em;color:#333}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:0 2.2rem}
@media (min-width:64rem){
 .layout{grid-template-columns:minmax(0,1fr) 25rem;grid-template-areas:"text side"}
 .layout>.speech{grid-area:text}.layout>aside{grid-area:side}
}
.speech p{overflow-wrap:anywhere;margin:0 0 .75rem;padding:.15rem 0 .15rem .75rem;border-left:4px solid var(--c)}
.speech p.tail{border-left:4px dashed var(--line);color:#9a9a9a;font-size:.85rem;margin:0;padding:.05rem 0 .05rem .75rem}
.seg{background:var(--tint2);-webkit-box-decoration-break:clone;box-decoration-break:clone;
 padding:.08em 0;border-radius:2px}
.seg.said{background:var(--tint)}
.who{display:inline-block;font:600 .72rem/1.5 system-ui,sans-serif;font-style:normal;background:var(--c);
 color:var(--ink);border-radius:3px;padding:0 .4em;margin:0 .3em 0 0;vertical-align:.12em;max-width:100%;
 overflow-wrap:anywhere}
.boiler{color:#9a9a9a;background:none}
.tailnote{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;margin:1.6rem 0 .4rem}
mark.fig{background:none;color:inherit;font-weight:650;text-decoration:underline dotted 2px;
 text-underline-offset:.18em}
sup.fn{font-size:.7em;line-height:0;margin-left:.1em}
sup.fn a{text-decoration:none}
aside section{margin-bottom:.4rem}
aside figure.bars{max-width:26rem}
.summary{padding-left:1.3rem;margin:0}
.summary li{overflow-wrap:anywhere;margin:0 0 .55rem;padding-left:.4rem;border-left:3px solid var(--c);font-size:.95rem}
.summary .by{display:block;color:var(--muted);font-size:.78rem}
.words{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(13rem,100%),1fr));gap:.6rem 1rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;padding:.3rem .45rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:#444;border-bottom:2px solid #cfcfcf}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.words table{font-size:.85rem}
.words td{padding:.16rem .3rem}
.words td:first-child{overflow-wrap:anywhere}
.terms{list-style:none;padding:0;margin:.2rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem}
.terms li{overflow-wrap:anywhere;max-width:100%;font-size:.82rem;background:var(--tint2);border:1px solid var(--c);border-radius:3px;padding:0 .4em}
.terms b{font-weight:600;color:var(--muted);margin-left:.3em}
.dot{display:inline-block;width:.6em;height:.6em;border-radius:50%;background:var(--c);margin-right:.35em}
.scroll{overflow-x:auto}
.warn{background:#fff4d6;border:1px solid #f0d68a;padding:.5rem .8rem;border-radius:4px}
.muted{color:var(--muted)}
footer{margin-top:2.5rem;color:var(--muted);font-size:.8rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(17rem,100%),1fr));gap:1rem;list-style:none;padding:0}
.cards>li{border:1px solid var(--line);border-radius:6px;padding:.7rem .8rem;display:flex;flex-direction:column;
 min-width:0;overflow-wrap:anywhere}
.cards figure.bars{margin-top:auto;padding-top:.6rem}
td.date{white-space:nowrap}
th.theme{font-weight:500;font-size:.75rem;line-height:1.2;min-width:5.5rem;vertical-align:bottom}
th.theme svg.sw{display:block;margin-bottom:.2rem}
.cards h3{font-size:1rem;margin:0 0 .2rem;line-height:1.3}
@media print{
 body{font-size:10.5pt}
 .wrap{max-width:none;padding:0}
 .layout{display:block}
 a{color:inherit;text-decoration:none}
 .crumbs{display:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 section,figure,tr,.cards>li{break-inside:avoid}
 h2{break-after:avoid}
}
"""


def render_page(a: Analysis, *, meta: dict | None = None, lexicon: str | None = None,
                index_href: str | None = None, generator: str = GENERATOR) -> str:
    """The whole report of one analysed text as a standalone HTML page.

    The page is in Russian (``lang="ru"``); its own headings and notes are marked English.
    The H1 is the document's title, its file name is in the line of facts below.
    """
    pal = palette(lexicon, ((t.id, t.label) for t in a.themes))
    title = title_of(a, meta)
    words = word_lists(a) if a.tokens else {"frequent": [], "distinctive": [], "terms": []}
    quotes = sum(1 for s in a.segments if s.kind == "quote")
    who = speakers(a)
    facts = [f'<span class="file" title="{esc(a.source.name)}" lang="ru">{esc(file_name(a.source.name))}</span>']
    if meta and meta.get("date"):
        facts.append(f"<time>{esc(meta['date'])}</time>")
    facts.append(f"{number(word_count(a))} words")
    facts.append(f"{len(a.segments)} segments, {quotes} quotes")
    facts.append(f"{len(a.figures)} figures")
    if who:
        facts.append("speakers: " + ", ".join(f'<span lang="ru">{esc(n)}</span> ({c})' for n, c in who.most_common()))
    parts = [
        _head(title, pal, generator),
        _body_start(pal),
        f'<p class="crumbs" lang="en"><a href="{esc(index_href)}">← all documents</a></p>' if index_href else "",
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta" lang="en">{" · ".join(facts)}</p>',
        legend(pal, [t.id for t in a.themes]),
        "</header>",
        "".join(f'<p class="warn">{esc(w)}</p>' for w in a.warnings),
        '<div class="layout">',
        "<aside>",
        '<section><h2 id="themes" lang="en">Themes</h2>', theme_chart(a.themes, pal), "</section>",
        _summary(a, pal),
        _words(words, pal),
        "</aside>",
        '<main class="speech">',
        '<h2 id="text" lang="en">The speech</h2>',
        speech_html(a, pal),
        "</main>",
        "</div>",
        _figures_table(a, pal),
        f'<footer lang="en">Made by {esc(generator)}. Tints: the theme of each segment; the coloured bar at the left '
        "of a paragraph: its main theme; underlined: figures (hover for the value); grey: the page tail, "
        "not analysed.</footer>",
        "</div>\n</body>\n</html>\n",
    ]
    return "\n".join(p for p in parts if p)


def _head(title: str, pal: Palette, generator: str = GENERATOR) -> str:
    from . import __version__

    return (
        '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{esc(generator)} {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}{CHART_CSS}\n{theme_css(pal)}\n</style>\n</head>"
    )


def _body_start(pal: Palette) -> str:
    """The opening of the body, with the hidden SVG of the themes' fill patterns."""
    return f'<body>\n{pattern_defs(pal)}\n<div class="wrap">\n<header>'


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
            out.append('<p class="tailnote" lang="en">Page tail: not analysed</p>')
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
                badge = f'<span class="who" title="{esc(seg.kind)}" lang="en">speaker unknown</span>'
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


def theme_chart(themes: Sequence[ThemeSummary], pal: Palette) -> str:
    """Labelled bars of the share of words per theme, the rest as «no theme»."""
    rows: list[tuple[str | None, str, float]] = [(t.id, t.label, t.share) for t in themes]
    rest = 1 - sum(s for _, _, s in rows)
    if rest >= 0.005:
        rows.append((None, "no theme", rest))
    return theme_bars(rows, pal)


# ---------------------------------------------------------------- side panels
def _summary(a: Analysis, pal: Palette) -> str:
    if not a.summary:
        return ""
    items = []
    for s in a.summary:
        by = [esc(s.speaker)] if s.speaker else []  # the author's own sentence has no speaker
        by.append(esc(pal.label(s.theme)))
        items.append(f'<li class="{pal.css_class(s.theme)}">{esc(s.text)}'
                     f'<span class="by">{" · ".join(by)}</span></li>')
    return f'<section><h2 id="summary" lang="en">Summary</h2><ol class="summary">{"".join(items)}</ol></section>'


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
            f'<tr class="{pal.css_class(_main_theme(k))}" title="{esc(_word_title(k))}"><td>'
            f'<span class="dot"></span>{esc(k.lemma)}</td><td class="n">{esc(val(k))}</td></tr>' for k in kws)
        note = (' title="Key words: significantly more frequent than in general Russian (log-likelihood, '
                'p &lt; 0.01); × usual: how many times more frequent"' if key == "distinctive" else "")
        blocks.append(f'<table><thead><tr lang="en"><th{note}>{heading}</th><th class="n">{col}</th></tr></thead>'
                      f"<tbody>{rows}</tbody></table>")
    terms = "".join(f'<li class="{pal.css_class(_main_theme(k))}" title="{esc(_word_title(k))}">'
                    f'{esc(k.lemma)}<b>{k.count}</b></li>' for k in words.get("terms") or [])
    if terms:
        blocks.append(f'<div style="grid-column:1/-1"><table><thead><tr lang="en"><th>Repeated terms</th></tr></thead></table>'
                      f'<ul class="terms">{terms}</ul></div>')
    if not blocks:
        return ""
    return f'<section><h2 id="words" lang="en">Words</h2><div class="words">{"".join(blocks)}</div></section>'


def _figures_table(a: Analysis, pal: Palette) -> str:
    if not a.figures:
        return '<section lang="en"><h2 id="figures">Figures</h2><p class="muted">No figures found.</p></section>'
    figs = sorted(a.figures, key=lambda f: f.start)
    rows = []
    for n, f in enumerate(figs, 1):
        change = {"increase": "↑", "decrease": "↓"}.get(f.change or "", "")
        rows.append(
            f'<tr id="fig-{n}" class="{pal.css_class(f.theme)}"><td class="n"><a href="#ref-{n}">{n}</a></td>'
            f'<td><b>{esc(f.text)}</b></td><td class="n">{esc(figure_value(f))}</td>'
            f'<td>{esc(f.qualifier or "")}</td><td lang="en">{esc(f.kind)} {change}</td>'
            f'<td><span class="dot"></span>{esc(pal.label(f.theme))}</td>'
            f'<td>{esc(f.speaker or "")}</td></tr>')
    return ('<section><h2 id="figures" lang="en">Figures</h2><div class="scroll"><table><thead><tr lang="en">'
            '<th class="n">#</th><th>as written</th><th class="n">value</th><th>qualifier</th><th>kind</th>'
            '<th>theme</th><th>speaker</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div></section>")
