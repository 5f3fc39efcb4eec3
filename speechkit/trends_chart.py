"""The trends page of a report made from a database: theme shares over time as an inline SVG line chart.

A standalone HTML page (no script, no external resource): one line per theme, each in its
theme's colour *and* its own dash pattern, named in a legend beside a sample of both, so it
reads without colour;
a bucket without documents breaks the line instead of drawing it to zero.  The same numbers
follow as a table, for screen readers, copying and printing.  Pure: data in, HTML out.
"""

from __future__ import annotations

from .charts import esc, palette, percent

DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")  # one per line, after the colour
WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 30
MAX_LINES = 8

CSS = """
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1b1b1b}
.wrap{max-width:60rem;margin:0 auto;padding:1.2rem 1rem 3rem}
h1{font-size:1.5rem;margin:.2rem 0 .4rem}
.meta{color:#666;font-size:.9rem;margin:0}
.crumbs{font-size:.85rem;margin:0 0 .4rem}
svg{display:block;width:100%;height:auto;max-width:100%}
svg text{font:12px system-ui,sans-serif;fill:#333}
.grid{stroke:#e3e3e3}
.lines{list-style:none;padding:0;margin:.4rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.9rem}
.lines svg{display:inline-block;width:34px;height:10px;vertical-align:middle}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin-top:1.5rem}
th,td{text-align:right;padding:.25rem .45rem;border-bottom:1px solid #e3e3e3;font-variant-numeric:tabular-nums}
th:first-child,td:first-child{text-align:left}
.scroll{overflow-x:auto}
@media print{.crumbs{display:none}}
"""


def auto_bucket(first: str, last: str) -> str:
    """A bucket that gives a readable chart for a corpus spanning ``first``..``last``.

    >>> auto_bucket("2024-01-01", "2024-01-20"), auto_bucket("2024-01-01", "2024-05-01"), auto_bucket("2020-01-01", "2024-12-01")
    ('day', 'week', 'month')
    """
    import datetime as dt

    days = (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days
    return "day" if days <= 45 else "week" if days <= 240 else "month" if days <= 8 * 366 else "year"


def line_chart(data: dict, lexicon: str | None = None) -> str:
    """The SVG: x the buckets, y each theme's share of the bucket's words."""
    buckets = data["buckets"]
    themes = data["themes"][:MAX_LINES]
    pal = palette(lexicon, [(t["id"], t["label"]) for t in themes])
    top = max((b["shares"][t["id"]] or 0 for b in buckets for t in themes), default=0) or 0.01
    tick = next(t for t in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if top / t <= 6)  # at most six steps
    top = min(1.0, tick * -(-top // tick))  # the next step up
    w, h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = len(buckets)

    def x(i: int) -> float:
        return LEFT + (w * i / (n - 1) if n > 1 else w / 2)

    def y(v: float) -> float:
        return TOP + h * (1 - v / top)

    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title">',
             f'<title id="chart-title">Share of words per theme, by {esc(data["by"])}</title>']
    for k in range(0, round(top / tick) + 1):
        v = tick * k
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + w}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
                     f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{esc(percent(v))}</text>')
    room = max(1, int(w // (7.5 * max(len(b["bucket"]) for b in buckets) + 12)))  # labels that fit side by side
    step = max(1, -(-n // room))
    for i in range(0, n, step):
        parts.append(f'<text x="{x(i):.1f}" y="{TOP + h + 18}" text-anchor="middle">{esc(buckets[i]["bucket"])}</text>')
    for k, t in enumerate(themes):
        colour, dash = pal.colour(t["id"]), DASHES[k % len(DASHES)]
        runs, run = [], []
        for i, b in enumerate(buckets):
            v = b["shares"][t["id"]]
            if v is None:  # no document in this bucket: a gap
                if run:
                    runs.append(run)
                run = []
            else:
                run.append((x(i), y(v)))
        if run:
            runs.append(run)
        style = f'fill="none" stroke="{colour}" stroke-width="2.2"' + (f' stroke-dasharray="{dash}"' if dash else "")
        for r in runs:
            if len(r) == 1:
                parts.append(f'<circle cx="{r[0][0]:.1f}" cy="{r[0][1]:.1f}" r="3" fill="{colour}"/>')
            else:
                pts = " ".join(f"{a:.1f},{b:.1f}" for a, b in r)
                parts.append(f'<polyline points="{pts}" {style}><title>{esc(t["label"])}</title></polyline>')
    parts.append("</svg>")
    return "".join(parts) + legend(themes, pal)


def legend(themes: list[dict], pal) -> str:
    """Each line's colour and dash beside its theme's name: the chart reads without colour."""
    items = []
    for k, t in enumerate(themes):
        dash = DASHES[k % len(DASHES)]
        sample = (f'<svg width="34" height="10" aria-hidden="true"><line x1="1" x2="33" y1="5" y2="5" '
                  f'stroke="{pal.colour(t["id"])}" stroke-width="2.4"' + (f' stroke-dasharray="{dash}"' if dash else "")
                  + "/></svg>")
        items.append(f'<li>{sample} <span lang="ru">{esc(t["label"])}</span></li>')
    return f'<ul class="lines">{"".join(items)}</ul>'


def table(data: dict) -> str:
    """The chart's numbers: a row per bucket, documents, words, each theme's share."""
    head = "".join(f'<th lang="ru">{esc(t["label"])}</th>' for t in data["themes"])
    rows = []
    for b in data["buckets"]:
        cells = "".join(f"<td>{'' if b['shares'][t['id']] is None else esc(percent(b['shares'][t['id']]))}</td>"
                        for t in data["themes"])
        rows.append(f"<tr><td>{esc(b['bucket'])}</td><td>{b['documents']}</td><td>{b['words']}</td>{cells}</tr>")
    return (f'<div class="scroll"><table><caption class="meta">Share of each bucket\'s words per theme</caption>'
            f'<thead><tr><th>{esc(data["by"])}</th><th>documents</th><th>words</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def render_trends(data: dict, *, lexicon: str | None = None, title: str = "Themes over time",
                  index_href: str | None = "index.html") -> str:
    """The whole trends page."""
    crumbs = f'<p class="crumbs"><a href="{esc(index_href)}">← all documents</a></p>' if index_href else ""
    undated = f", {data['undated']} undated left out" if data.get("undated") else ""
    if data["buckets"]:
        body = line_chart(data, lexicon) + table(data)
    else:
        body = "<p>No dated documents: nothing to draw (index with --date-field, or dates in file names).</p>"
    return "\n".join([
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<div class=\"wrap\">",
        crumbs, f"<h1>{esc(title)}</h1>",
        f'<p class="meta">{data["documents"]} dated documents by {esc(data["by"])}{undated}. Each line: the '
        "theme's share of the words of that period's documents; a gap: no document then.</p>",
        body, "<footer class=\"meta\">Made by speechkit.</footer>\n</div>\n</body>\n</html>\n",
    ])
