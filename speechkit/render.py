"""Terminal tables (rich); the machine formats are in ``formats``, the value formats in ``display``.

Every table is a ``Grid``: it is laid out for the width it is drawn at, so a
number is never cut.  Number columns take the width of their widest cell;
text columns wrap (or, one line each, end in «…»); when even that does not
fit, whole columns go, the least important first (each table's ``keep``
order), and the caption names them.  Every piece of user text that reaches a
table is wrapped in ``Text`` so that ``[x]`` in a speech is not markup.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .display import cell, number, percent, theme_label

THEME_COLOURS = {
    "transport": "cyan", "finance": "green", "ai": "magenta", "climate": "yellow",
    "caspian_aral": "blue", "security": "red", "cooperation": "bright_white",
}
PIPE_WIDTH = 160  # tables written to a file or a pipe: wide enough for every column of every table


def colour(theme: str | None) -> str:
    return THEME_COLOURS.get(theme or "", "dim")


# ---------------------------------------------------------------- the console
def width_for(stream) -> int | None:
    """The width to draw at: $COLUMNS if set, the terminal's own, else ``PIPE_WIDTH`` (None: rich decides)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return None  # rich reads it
    try:
        if stream.isatty():
            return None
    except (AttributeError, ValueError, OSError):
        pass
    return PIPE_WIDTH


def console(file: TextIO | None = None, stderr: bool = False) -> Console:
    stream = file or (sys.stderr if stderr else sys.stdout)
    return Console(file=file, stderr=stderr, highlight=False, soft_wrap=False, width=width_for(stream))


# ---------------------------------------------------------------- tables that fit
@dataclass(frozen=True, slots=True)
class Col:
    """A table column.

    ``kind``: "num" (right-aligned, never cut or wrapped), "fixed" (left-aligned, whole or
    dropped: bars, tags), "text" (wraps on words) or "clip" (one line, cut with «…»).
    ``keep``: when the table is too wide, the column with the lowest ``keep`` goes first.
    ``min``: a text column is dropped rather than made narrower (nor narrower than its longest
    word, unless ``fold``: a file name may be cut anywhere); ``max``: it grows no wider.
    """

    header: str
    kind: str = "text"
    keep: float = 5
    min: int = 8
    max: int | None = None
    style: str | None = None
    fold: bool = False


BORDER = 3  # «│ » before a column and « » after it; one more «│» closes the row


class Grid:
    """A rich table laid out for the width it is drawn at (see the module docstring)."""

    def __init__(self, title: str | None, cols: Sequence[Col], rows: Sequence[Sequence], *,
                 lines: bool = False, note: str | None = None) -> None:
        self.title = title
        self.cols = list(cols)
        self.rows = [[c if isinstance(c, Text) else Text(cell(c)) for c in row] for row in rows]
        self.lines = lines
        self.note = note

    def natural(self, i: int) -> int:
        """The width column ``i`` needs to show every cell on one line (and its header's words)."""
        col = self.cols[i]
        head = max((cell_len(w) for w in col.header.split()), default=0)
        body = max((max(map(cell_len, c.plain.split("\n"))) for c in (r[i] for r in self.rows)), default=0)
        if col.kind in ("num", "fixed"):
            return max(body, head, 1)
        return max(min(max(body, cell_len(col.header)), col.max or 10**6), head, 1)

    def least(self, i: int) -> int:
        """The narrowest column ``i`` may be: whole for numbers, else ``min`` or its longest word (up to ``max``)."""
        col = self.cols[i]
        natural = self.natural(i)
        if col.kind in ("num", "fixed"):
            return natural
        if col.kind == "clip" or col.fold:
            return min(col.min, natural)
        word = max((cell_len(w) for r in self.rows for w in r[i].plain.split()), default=0)
        return min(max(col.min, word), col.max or 10**6, natural)

    def fit(self, width: int) -> list[int | None]:
        """The content width of each column at ``width``, None for a column left out."""
        n = len(self.cols)
        natural = [self.natural(i) for i in range(n)]
        least = [self.least(i) for i in range(n)]
        live = list(range(n))
        while len(live) > 1 and sum(least[i] for i in live) + BORDER * len(live) + 1 > width:
            # the least important goes first; of equals, the rightmost
            live.remove(min(reversed(live), key=lambda i: self.cols[i].keep))
        widths: list[int | None] = [least[i] if i in live else None for i in range(n)]
        spare = width - (sum(least[i] for i in live) + BORDER * len(live) + 1)
        growing = [i for i in live if natural[i] > least[i]]
        while spare > 0 and growing:
            share = max(1, spare // len(growing))
            for i in list(growing):
                step = min(share, natural[i] - widths[i], spare)
                widths[i] += step
                spare -= step
                if widths[i] >= natural[i]:
                    growing.remove(i)
                if not spare:
                    break
        return widths

    def table(self, width: int) -> Table:
        widths = self.fit(width)
        shown = [i for i, w in enumerate(widths) if w is not None]
        left_out = [self.cols[i].header or "bar" for i, w in enumerate(widths) if w is None]
        notes = [self.note] if self.note else []
        if left_out:
            notes.append(f"not shown at {width} columns: {', '.join(left_out)} (wider terminal, or --json)")
        t = Table(title=self.title, title_justify="left", show_lines=self.lines,
                  caption="\n".join(notes) or None, caption_justify="left")
        for i in shown:
            col = self.cols[i]
            # a header wraps on its words even over a column of numbers that never wraps
            t.add_column(Text(col.header, no_wrap=False, overflow="fold"), width=widths[i], justify="right" if col.kind == "num" else "left",
                         no_wrap=col.kind != "text", overflow="fold" if col.kind == "text" else "ellipsis",
                         style=col.style)
        for row in self.rows:
            t.add_row(*(row[i] for i in shown))
        return t

    def __rich_console__(self, console, options):
        yield self.table(options.max_width)


# ---------------------------------------------------------------- cells
def bar(share: float, width: int = 24) -> str:
    n = round(share * width)
    return "█" * n + "·" * (width - n)


def first_words(text: str, n: int = 9) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def theme_cell(theme: str | None, labels: dict[str, str] | None) -> Text:
    return Text(theme_label(theme, labels), style=colour(theme))


def stat(x: float | None) -> str:
    """A statistic (keyness, log ratio, per million): one decimal."""
    return number(x, 1)


# ---------------------------------------------------------------- one document
def themes_table(rec: dict, labels: dict[str, str] | None = None) -> list:
    cols = [Col("#", "num", 9), Col("kind", "fixed", 7), Col("speaker", keep=6, min=10, max=22),
            Col("theme", keep=8, min=8, max=16), Col("score", "num", 5),
            Col("evidence", "clip", 2, min=12, max=28), Col("first words", "clip", 4, min=16, max=60)]
    rows = []
    for s in rec["segments"]:
        theme = s["theme"]
        score = (s["scores"] or {}).get(theme) if theme else None
        ev = ", ".join((s["evidence"] or {}).get(theme, [])[:4]) if theme else ""
        rows.append([str(s["index"]), s["kind"], Text(cell(s["speaker"])), theme_cell(theme, labels),
                     stat(score), Text(ev), Text(first_words(s["text"]))])
    segments = Grid(f"Segments of {rec['source']['name']}", cols, rows)
    return [segments, theme_shares_table(rec, labels)]


def theme_shares_table(rec: dict, labels: dict[str, str] | None = None) -> Grid:
    cols = [Col("theme", keep=9, min=8, max=16), Col("segments", "num", 7), Col("share", "num", 8),
            Col("", "fixed", 2), Col("top lemmas", "clip", 3, min=12, max=60)]
    rows = [[theme_cell(th["id"], labels), str(th["segments"]), percent(th["share"]),
             Text(bar(th["share"], 16), style=colour(th["id"])), Text(", ".join(th["top_lemmas"]))]
            for th in rec["themes"]]
    return Grid("Themes (share of words)", cols, rows)


def figure_value(f: dict) -> str:
    """The value cell: «3 000 000», «300–500» for a range, a date as the text gives it."""
    if f["kind"] == "range" or (f.get("low") is not None and f.get("high") is not None and f["value"] is None):
        return f"{number(f['low'])}–{number(f['high'])}"
    return number(f["value"])


def figures_table(rec: dict, text: str | None = None, labels: dict[str, str] | None = None) -> list:
    cols = [Col("#", "num", 9), Col("as written", keep=9, min=10, max=24), Col("value", "num", 10),
            Col("unit", keep=8, min=6, max=14), Col("qual.", keep=3, min=5, max=10),
            Col("kind", keep=6, min=7, max=12), Col("theme", keep=4, min=8, max=14),
            Col("speaker", keep=5, min=10, max=20), Col("flags", keep=2, min=8, max=16),
            Col("in context", "clip", 1, min=16, max=70)]
    rows = []
    for f in rec["figures"]:
        kind = f["kind"] + {"increase": " ↑", "decrease": " ↓"}.get(f["change"] or "", "")
        rows.append([str(f["index"]), Text(f["text"], style="bold"), figure_value(f), Text(cell(f["unit"])),
                     Text(cell(f["qualifier"])), kind, theme_cell(f["theme"], labels), Text(cell(f["speaker"])),
                     Text(", ".join(flag.replace("_", " ") for flag in f["flags"])), _highlight(text, f)])
    return [Grid(f"Figures in {rec['source']['name']}", cols, rows)]


def _highlight(text: str | None, f: dict) -> Text:
    sent = f.get("sentence")
    if not text or not sent:
        return Text("")
    s0, s1 = sent["start"], sent["end"]
    left, right = text[s0 : f["start"]], text[f["end"] : s1]
    left_words, right_words = left.split(), right.split()
    out = Text(("… " if len(left_words) > 4 else "") + " ".join(left.split()[-5:]) + (" " if left[-1:].isspace() else ""))
    out.append(f["text"], style="bold reverse")
    out.append((" " if right[:1].isspace() else "") + " ".join(right.split()[:5]) + (" …" if len(right_words) > 5 else ""))
    return out


RANK_TITLES = {
    "count": "ranked by count",
    "g2": "ranked by keyness (G²)",
    "log_ratio": "ranked by log ratio",
    "keyness": "ranked by cons. LR (the log ratio's lower bound) where G² ≥ 6.63, then by G²",
}
RANK_COLUMNS = {"count": "count", "g2": "keyness", "log_ratio": "log ratio", "keyness": "cons. LR"}


def keyword_rows(kws: list[dict], labels: dict[str, str] | None, rank: str, *, bars: bool = True) -> tuple[list, list]:
    """The columns and rows of a keyword list; the column the rows are ranked by is marked «▼»."""
    key = RANK_COLUMNS.get(rank, "count")

    def head(name: str) -> str:
        return f"{name} ▼" if name == key else name

    cols = [Col("lemma", keep=10, min=10, max=32), Col(head("count"), "num", 9)]
    if bars:
        cols.append(Col("", "fixed", 1))
    if rank == "keyness":
        cols.append(Col(head("cons. LR"), "num", 8))
    cols += [Col(head("keyness"), "num", 7 if rank in ("g2", "keyness") else 6),
             Col(head("log ratio"), "num", 7 if rank == "log_ratio" else 5), Col("ref/M", "num", 4),
             Col("pos", "fixed", 3), Col("themes", keep=2, min=12, max=50)]
    top = max((k["count"] for k in kws), default=1) or 1
    rows = []
    for k in kws:
        themes = ", ".join(f"{theme_label(tid, labels)} {c}" for tid, c in
                           sorted((k.get("themes") or {}).items(), key=lambda kv: -kv[1]))
        row = [Text(k["lemma"], style="bold"), str(k["count"])]
        if bars:
            row.append(bar(k["count"] / top, 12))
        if rank == "keyness":
            row.append(stat(k.get("conservative_log_ratio")))
        row += [stat(k.get("keyness")), stat(k.get("log_ratio")), stat(k.get("ref_per_million")),
                cell(k.get("pos")), Text(themes)]
        rows.append(row)
    return cols, rows


def keywords_table(rec: dict, labels: dict[str, str] | None = None, rank: str = "count") -> list:
    cols, rows = keyword_rows(rec["keywords"], labels, rank)
    return [Grid(f"Keywords of {rec['source']['name']}, {RANK_TITLES.get(rank, rank)}", cols, rows)]


def keywords_by_tables(rec: dict, labels: dict[str, str] | None = None, rank: str = "count",
                       by: str | None = None) -> list:
    """--by theme|speaker: what each group says most, and what is distinctive of it."""
    out = []
    for group, kws in rec.get("keywords_by", {}).items():
        cols, rows = keyword_rows(kws, labels, rank, bars=False)
        cols, rows = cols[:-1], [r[:-1] for r in rows]  # the group is the table
        name = theme_label(group, labels) if by != "speaker" else group
        out.append(Grid(f"{by or 'group'}: {name}", cols, rows))
    return out


def summary_table(rec: dict, labels: dict[str, str] | None = None) -> list:
    cols = [Col("theme", keep=7, min=8, max=16), Col("speaker", keep=6, min=10, max=22),
            Col("sentence", keep=9, min=20)]
    rows = [[theme_cell(s["theme"], labels), Text(cell(s["speaker"])), Text(s["text"])] for s in rec["summary"]]
    out = [Grid(f"Summary of {rec['source']['name']}", cols, rows, lines=True)]
    if rec.get("by_theme"):
        keys = rec.get("key_figures", {})
        cols = [Col("theme", keep=7, min=8, max=16), Col("sentence", keep=9, min=20),
                Col("key figure", keep=5, min=10, max=28)]
        rows = []
        for tid, items in rec["by_theme"].items():
            key = keys.get(tid)
            for k, s in enumerate(items):
                rows.append([theme_cell(tid, labels), Text(s["text"]),
                             Text(key["text"], style="bold") if key and k == 0 else Text("")])
        out.append(Grid("By theme", cols, rows, lines=True))
    return out


def tokens_table(rec: dict) -> list:
    cols = [Col("start", "num", 8), Col("end", "num", 7), Col("text", keep=9, min=8),
            Col("lemma", keep=6, min=8), Col("pos", "fixed", 5)]
    rows = [[str(tk["start"]), str(tk["end"]), Text(tk["text"]), Text(tk["lemma"]), cell(tk["pos"])]
            for tk in rec["tokens"]]
    return [Grid(f"Tokens of {rec['source']['name']}", cols, rows)]


# ---------------------------------------------------------------- a corpus
def _short_names(names: list[str]) -> list[str]:
    """Paths relative to the folder they share: «speeches/2024/a.txt» → «2024/a.txt»."""
    import os.path

    paths = [n for n in names if "/" in n]
    if len(paths) < 2 or len(paths) != len(names):
        return names
    try:
        root = os.path.commonpath(paths)
    except ValueError:
        return names
    return [os.path.relpath(n, root) for n in names] if root else names


def corpus_table(command: str, totals, labels: dict[str, str] | None = None, rank: str = "count",
                 by: str | None = None, everyone: bool = False) -> list:
    """One row per document, then totals: theme shares (of all words) or item counts, top keywords."""
    rows = totals.rows
    names = _short_names([row["document"] for row in rows])
    summary = totals.to_dict()
    theme_ids = list(summary.get("theme_shares", {}))
    cols = [Col("document", keep=10, min=12, max=40, fold=True)]
    if command == "themes":
        cols += [Col("segments", "num", 6), Col("quotes, turns", "num", 5)]
        # theme columns, the largest share kept longest
        cols += [Col(theme_label(tid, labels), "num", 4 - k / 100, style=colour(tid)) for k, tid in enumerate(theme_ids)]
    else:
        cols.append(Col("items", "num", 6))
    body = []
    for row, name in zip(rows, names):
        if command == "themes":
            shares = row.get("themes", {})
            body.append([Text(name), str(row.get("segments", 0)), str(row.get("speech", 0)),
                         *[percent(shares.get(tid)) for tid in theme_ids]])
        else:
            body.append([Text(name), str(row.get("items", ""))])
    if command == "themes" and rows:
        body.append([Text("all documents", style="bold"), "", "",
                     *[percent(summary["theme_shares"][tid]) for tid in theme_ids]])
    out: list = [Grid(f"{command}: {len(rows)} documents", cols, body)]
    if summary.get("speakers"):
        out.append(corpus_speakers_table(summary["speakers"], labels, everyone))
    if summary.get("keywords"):
        out.append(corpus_keywords_table(summary["keywords"], rank, "Keywords over all documents"))
    for group, kws in summary.get("keywords_by", {}).items():
        name = theme_label(group, labels) if by != "speaker" else group
        out.append(corpus_keywords_table(kws, rank, f"{by or 'group'}: {name}, over all documents"))
    return out


def corpus_keywords_table(kws: list[dict], rank: str, title: str) -> Grid:
    key = RANK_COLUMNS.get(rank, "count")
    names = ["count", "documents"] + (["cons. LR"] if rank == "keyness" else []) + ["keyness", "log ratio"]
    cols = [Col("lemma", keep=10, min=10, max=32)] + [
        Col(f"{n} ▼" if n == key else n, "num", 9 if n == key else 5) for n in names]
    fields = {"count": lambda k: str(k["count"]), "documents": lambda k: str(k["documents"]),
              "cons. LR": lambda k: stat(k.get("conservative_log_ratio")), "keyness": lambda k: stat(k.get("keyness")),
              "log ratio": lambda k: stat(k.get("log_ratio"))}
    rows = [[Text(k["lemma"], style="bold"), *(fields[n](k) for n in names)] for k in kws]
    return Grid(f"{title}, {RANK_TITLES.get(rank, rank)}", cols, rows)


# ---------------------------------------------------------------- who speaks
def _speaker_rows(speakers: list[dict], labels: dict[str, str] | None, corpus: bool) -> list:
    rows = []
    for sp in speakers:
        themes = ", ".join(theme_label(t, labels) for t in list(sp.get("themes", {}))[:2])
        figures = sp["figures"] if isinstance(sp["figures"], int) else len(sp["figures"])
        first = [str(sp["documents"])] if corpus else [sp["id"]]
        rows.append([*first, Text(sp["name"], style="bold"), sp["kind"], Text("; ".join(sp["roles"])),
                     str(sp["quotes"]), str(sp["turns"]), str(sp["fragments"]), number(sp["words"]),
                     Text(themes), str(figures)])
    return rows


def _speaker_cols(corpus: bool) -> list[Col]:
    return [Col("documents", "num", 6) if corpus else Col("id", "fixed", 7),
            Col("speaker", keep=10, min=12, max=30), Col("kind", keep=4, min=6, max=12),
            Col("roles", "clip", 2, min=12, max=40), Col("quotes", "num", 8), Col("turns", "num", 7),
            Col("fragments", "num", 7), Col("words", "num", 9), Col("main themes", keep=3, min=10, max=30),
            Col("figures", "num", 6)]


def speakers_table(rec: dict, labels: dict[str, str] | None = None, everyone: bool = False) -> list:
    """Who speaks in one document: the people, bodies and groups quoted, with what they said."""
    speakers = [sp for sp in rec["speakers"] if everyone or sp["segments"]]
    silent = len(rec["speakers"]) - len(speakers)
    note = f"{silent} more mentioned without being quoted (--all lists them)" if silent else None
    return [Grid(f"Speakers of {rec['source']['name']}", _speaker_cols(False),
                 _speaker_rows(speakers, labels, False), note=note)]


def corpus_speakers_table(speakers: list[dict], labels: dict[str, str] | None = None,
                          everyone: bool = False) -> Grid:
    """Speakers over a corpus, one row per canonical name."""
    shown = [sp for sp in speakers if everyone or sp["quotes"] + sp["turns"] + sp["fragments"]]
    silent = len(speakers) - len(shown)
    note = f"{silent} more mentioned without being quoted (--all lists them)" if silent else None
    return Grid("Speakers over all documents (one name, one row)", _speaker_cols(True),
                _speaker_rows(shown, labels, True), note=note)


# ---------------------------------------------------------------- the whole picture
def analyze_view(rec: dict, labels: dict[str, str] | None = None, text: str | None = None) -> list:
    """One screen: source, speakers, theme bars, segments, keywords, figures, summary."""
    from collections import Counter

    src = rec["source"]
    speakers = Counter(s["speaker"] for s in rec["segments"] if s["speaker"] and s["kind"] != "narrative")
    head = Text()
    head.append(f"{src['name']}", style="bold")
    head.append(f"  {number(src['chars'])} chars, {src['encoding']}")
    if src.get("boilerplate_start") is not None:
        head.append(f", page tail from offset {number(src['boilerplate_start'])}")
    head.append("\nSpeakers: " + ", ".join(f"{n} ({c})" for n, c in speakers.most_common()))
    out: list = [head]
    seg_table, theme_table = themes_table(rec, labels)
    out += [theme_table, seg_table]
    kw = dict(rec, keywords=rec.get("keywords", [])[:15])
    out += keywords_table(kw, labels)
    out += figures_table(rec, text, labels)
    out += summary_table(rec, labels)
    return out
