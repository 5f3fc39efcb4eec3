"""Theme colours, fill patterns and bar charts of the HTML report.

Every theme has a colour and a fill pattern (stripes at one of four angles,
dots, a grid …), and every bar carries its theme's label and share as text: a
reader who cannot tell two colours apart tells the patterns apart or reads the
label.  The patterns are SVG ``<pattern>`` elements defined once per page
(``pattern_defs``) and referenced by id (``fill="url(#p-t0)"``); nothing is
loaded from outside the page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .themes import load_lexicon

# the terminal's colours of the built-in themes (render.THEME_COLOURS), as colours for a page
THEME_HEX = {
    "transport": "#0fa3b1", "finance": "#2e9e44", "ai": "#b83dba", "climate": "#e3a400",
    "caspian_aral": "#2b6cd6", "security": "#d63a3a", "cooperation": "#8a6d3b",
}
# themes of a user's lexicon, in lexicon order; past these, colours are spread round the hue circle
SPARE = ("#ef7d22", "#6b8e23", "#7b61c4", "#c2185b", "#00897b", "#795548", "#5c6bc0", "#9e9d24")
NO_THEME = "#c8c8c8"
# fill patterns, drawn in white over the theme colour; the n-th theme gets PATTERNS[n % len]
PATTERNS = ("solid", "stripes45", "dots", "stripes135", "grid", "horizontal", "vertical", "crosshatch")
TINT = 0.24  # share of the theme colour in a quote's or turn's background (the rest is white)
TINT_NARRATIVE = 0.11  # the author's own text: a lighter tint


def _unsafe_characters() -> dict[int, str]:
    # C0 controls but tab, line feed, form feed and carriage return; DEL and the C1 controls;
    # surrogates (a JSON "\ud800" decodes to one); noncharacters: an HTML parser reports each
    # (html5lib: invalid-codepoint). Bidi embeddings, overrides and isolates: U+202E in a quote
    # would show «тсет» for «тест» — a page must show what the text says.
    codes = [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000),
             *range(0xFDD0, 0xFDF0), *(plane + end for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF)),
             *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    return dict.fromkeys(codes, "\ufffd")


UNSAFE = _unsafe_characters()  # code point → U+FFFD, for str.translate


def esc(s: object) -> str:
    """Text for HTML content or a quoted attribute value; control and bidi-override characters as U+FFFD.

    >>> esc("<b>\\x00\\u202eтест") == "&lt;b&gt;\\ufffd\\ufffdтест"
    True
    """
    return html.escape(("" if s is None else str(s)).translate(UNSAFE), quote=True)


@dataclass(frozen=True, slots=True)
class Palette:
    """Theme id → colour, label, CSS class and fill pattern, in lexicon order."""

    colours: dict[str, str]
    labels: dict[str, str]

    def css_class(self, theme: str | None) -> str:
        return f"t{list(self.colours).index(theme)}" if theme in self.colours else "t-none"

    def colour(self, theme: str | None) -> str:
        return self.colours.get(theme or "", NO_THEME)

    def label(self, theme: str | None) -> str:
        return self.labels.get(theme or "", theme or "no theme")

    def pattern(self, theme: str | None) -> str:
        """The name of the theme's fill pattern: «solid», «stripes45», «dots» …"""
        if theme not in self.colours:
            return "solid"
        return PATTERNS[list(self.colours).index(theme) % len(PATTERNS)]

    def fill(self, theme: str | None) -> str:
        """The SVG fill of the theme's bars: its pattern (see ``pattern_defs``)."""
        return f"url(#p-{self.css_class(theme)})"


def palette(lexicon: str | None = None, extra: Iterable[tuple[str, str]] = ()) -> Palette:
    """Colours of the lexicon's themes (and of ``extra`` (id, label) pairs it lacks), as many as there are.

    >>> p = palette()
    >>> p.colour("transport"), p.css_class("transport"), p.colour(None), p.pattern("finance")
    ('#0fa3b1', 't0', '#c8c8c8', 'stripes45')
    """
    themes = [(t.id, t.label) for t in load_lexicon(lexicon).themes.values()]
    known = {tid for tid, _ in themes}
    themes += [(tid, label) for tid, label in extra if tid not in known and not known.add(tid)]
    colours, labels = {}, {}
    used: set[str] = set()
    spare = spare_colours()
    for tid, label in themes:
        c = THEME_HEX.get(tid)
        while c is None or c in used:
            c = next(spare)
        used.add(c)
        colours[tid], labels[tid] = c, label
    return Palette(colours, labels)


def spare_colours():
    """SPARE, then colours spread round the hue circle by the golden angle: never runs out.

    >>> import itertools
    >>> list(itertools.islice(spare_colours(), 9))[-1]
    '#b83d3d'
    """
    yield from SPARE
    n = 0
    while True:
        yield hsl((n * 137.508) % 360, 0.5, 0.48)
        n += 1


def hsl(h: float, s: float, lightness: float) -> str:
    """A colour from hue (degrees), saturation and lightness (0–1) as #rrggbb."""
    c = (1 - abs(2 * lightness - 1)) * s
    x = c * (1 - abs((h / 60) % 2 - 1))
    m = lightness - c / 2
    r, g, b = [(c, x, 0), (x, c, 0), (0, c, x), (0, x, c), (x, 0, c), (c, 0, x)][int(h // 60) % 6]
    return "#" + "".join(f"{round((v + m) * 255):02x}" for v in (r, g, b))


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


def theme_css(p: Palette) -> str:
    """A CSS class per theme with its colour, tints and ink as custom properties."""
    rules = [f".t-none{{--c:{NO_THEME};--tint:transparent;--tint2:transparent;--ink:#111111}}"]
    for tid, c in p.colours.items():
        rules.append(f".{p.css_class(tid)}{{--c:{c};--tint:{tint(c)};--tint2:{tint(c, TINT_NARRATIVE)};--ink:{ink(c)}}}")
    return "\n".join(rules)


# ---------------------------------------------------------------- patterns
_WHITE = 'fill="#fff" fill-opacity=".62"'
_MARKS = {
    "solid": "",
    "stripes45": f'<rect width="2.2" height="6" {_WHITE}/>',
    "stripes135": f'<rect width="2.2" height="6" {_WHITE}/>',
    "horizontal": f'<rect width="6" height="2" {_WHITE}/>',
    "vertical": f'<rect width="2" height="6" {_WHITE}/>',
    "dots": f'<circle cx="3" cy="3" r="1.3" {_WHITE}/>',
    "grid": f'<rect width="6" height="1.3" {_WHITE}/><rect width="1.3" height="6" {_WHITE}/>',
    "crosshatch": f'<rect width="6" height="1.3" {_WHITE}/><rect width="1.3" height="6" {_WHITE}/>',
}
_ROTATE = {"stripes45": 45, "stripes135": 135, "crosshatch": 45}


def pattern_defs(p: Palette) -> str:
    """One hidden SVG holding every theme's fill pattern, for ``fill="url(#p-tN)"`` anywhere on the page."""
    out = ['<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false" '
           'xmlns="http://www.w3.org/2000/svg"><defs>']
    for tid in [*p.colours, None]:
        cls, colour, kind = p.css_class(tid), p.colour(tid), p.pattern(tid)
        turn = f' patternTransform="rotate({_ROTATE[kind]})"' if kind in _ROTATE else ""
        out.append(f'<pattern id="p-{cls}" width="6" height="6" patternUnits="userSpaceOnUse"{turn}>'
                   f'<rect width="6" height="6" fill="{colour}"/>{_MARKS[kind]}</pattern>')
    out.append("</defs></svg>")
    return "".join(out)


def swatch(p: Palette, theme: str | None) -> str:
    """A small square in the theme's pattern, as in its bars (for legends and table heads)."""
    return (f'<svg class="sw" viewBox="0 0 14 14" aria-hidden="true" focusable="false">'
            f'<rect width="14" height="14" rx="2" fill="{p.fill(theme)}"/></svg>')


def legend(p: Palette, present: Sequence[str] = ()) -> str:
    """The themes with their swatches; those absent from ``present`` (when given) dimmed."""
    items = []
    for tid in p.colours:
        dim = "" if not present or tid in present else ' class="absent"'
        items.append(f"<li{dim}>{swatch(p, tid)}<span>{esc(p.label(tid))}</span></li>")
    items.append(f'<li lang="en">{swatch(p, None)}<span>no theme</span></li>')
    return f'<ul class="legend" aria-label="Themes" lang="ru">{"".join(items)}</ul>'


# ---------------------------------------------------------------- charts
def percent(share: float) -> str:
    """A share as a whole percent: «27 %», «<1 %»."""
    return f"{share * 100:.0f}\u202f%" if share >= 0.01 or share == 0 else "<1\u202f%"


def theme_bars(rows: Sequence[tuple[str | None, str, float]], p: Palette, *, scale: float | None = None,
               caption: str = "Share of words per theme") -> str:
    """Labelled horizontal bars, one per (theme id, label, share) row, in the theme's pattern.

    Bars are HTML, so long labels wrap inside any box; ``scale`` is the share of a full-width bar
    (the largest row by default; the same for every card of an index, so that cards compare).
    """
    if not rows:
        return '<p class="muted" lang="en">No theme found.</p>'
    top = scale or max(share for _, _, share in rows) or 1.0
    items = []
    for tid, label, share in rows:
        width = max(0.5, min(100.0, 100 * share / top))
        lang = ' lang="en"' if tid is None else ""
        items.append(
            f'<li class="{p.css_class(tid)}"{lang}><span class="bl">{esc(label)}</span>'
            f'<span class="bt"><svg width="{width:.1f}%" height="12" aria-hidden="true" focusable="false">'
            f'<rect width="100%" height="100%" rx="2" fill="{p.fill(tid)}"/></svg></span>'
            f'<span class="bv">{esc(percent(share))}</span></li>')
    return f'<figure class="bars"><figcaption lang="en">{esc(caption)}</figcaption><ul>{"".join(items)}</ul></figure>'


CSS = """
svg.defs{position:absolute;width:0;height:0;overflow:hidden}
.legend{display:flex;flex-wrap:wrap;gap:.35rem .9rem;list-style:none;padding:0;margin:.8rem 0 0;font-size:.85rem}
.legend li{display:flex;align-items:center;gap:.35rem;min-width:0}
.legend li.absent{opacity:.45}
svg.sw{display:inline-block;width:.95em;height:.95em;flex:none;vertical-align:-.1em}
figure.bars{margin:0}
figure.bars figcaption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.bars ul{list-style:none;margin:0;padding:0}
.bars li{display:grid;grid-template-columns:minmax(0,1fr) 3.2em;column-gap:.4em;align-items:center;margin:0 0 .45rem}
.bars .bl{grid-column:1/-1;font-size:.8rem;line-height:1.25;color:#333;overflow-wrap:anywhere}
.bars .bt{display:block;min-width:0;line-height:0}
.bars .bt svg{display:block;max-width:100%}
.bars .bv{font-size:.78rem;color:#555;font-variant-numeric:tabular-nums;white-space:nowrap}
"""
