"""Terminal tables (rich); the machine formats are in ``formats``.

Every piece of user text that reaches a rich table is wrapped in ``Text`` so
that ``[x]`` in a speech is not markup.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

THEME_COLOURS = {
    "transport": "cyan", "finance": "green", "ai": "magenta", "climate": "yellow",
    "caspian_aral": "blue", "security": "red", "cooperation": "bright_white",
}


def colour(theme: str | None) -> str:
    return THEME_COLOURS.get(theme or "", "dim")


# ---------------------------------------------------------------- tables
def console(file: TextIO | None = None, stderr: bool = False) -> Console:
    return Console(file=file, stderr=stderr, highlight=False, soft_wrap=False)


def bar(share: float, width: int = 24) -> str:
    n = round(share * width)
    return "█" * n + "·" * (width - n)


def first_words(text: str, n: int = 9) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def themes_table(rec: dict) -> list:
    t = Table(title=f"Segments of {rec['source']['name']}", title_justify="left", expand=True)
    clip = {"no_wrap": True, "overflow": "ellipsis"}
    for col, kw in (("#", {"justify": "right"}), ("kind", clip), ("speaker", {**clip, "max_width": 20}),
                    ("theme", clip), ("score", {"justify": "right"}), ("evidence", {**clip, "max_width": 24}),
                    ("first words", {**clip, "ratio": 1, "min_width": 20})):
        t.add_column(col, **kw)
    for s in rec["segments"]:
        theme = s["theme"]
        score = (s["scores"] or {}).get(theme) if theme else None
        ev = ", ".join((s["evidence"] or {}).get(theme, [])[:4]) if theme else ""
        t.add_row(str(s["index"]), s["kind"][:4], Text(s["speaker"] or "—"), Text(theme or "—", style=colour(theme)),
                  f"{score:.1f}" if score is not None else "", Text(ev), Text(first_words(s["text"])))
    summary = Table(title="Themes", title_justify="left", expand=True)
    clip = {"no_wrap": True, "overflow": "ellipsis"}
    for col, kw in (("theme", clip), ("segments", {"justify": "right"}), ("share", {"justify": "right"}),
                    ("", clip), ("top lemmas", {**clip, "ratio": 1})):
        summary.add_column(col, **kw)
    for th in rec["themes"]:
        summary.add_row(Text(th["id"], style=colour(th["id"])), str(th["segments"]),
                        f"{th['share']:.0%}", Text(bar(th["share"], 16), style=colour(th["id"])),
                        Text(", ".join(th["top_lemmas"])))
    return [t, summary]


def figures_table(rec: dict, text: str | None = None) -> list:
    t = Table(title=f"Figures in {rec['source']['name']}", title_justify="left", expand=True)
    clip = {"no_wrap": True, "overflow": "ellipsis"}
    for col, kw in (("#", {"justify": "right"}), ("as written", {**clip, "max_width": 22}),
                    ("value", {**clip, "justify": "right", "max_width": 12}), ("unit", {**clip, "max_width": 12}),
                    ("qual.", {**clip, "max_width": 8}), ("kind", {**clip, "max_width": 11}),
                    ("theme", {**clip, "max_width": 12}), ("speaker", {**clip, "max_width": 16}),
                    ("flags", {**clip, "max_width": 14}), ("in context", {"ratio": 1, "min_width": 36})):
        t.add_column(col, **kw)
    for f in rec["figures"]:
        value = f["value"]
        if f["kind"] == "range":
            value = f"{f['low']}–{f['high']}"
        t.add_row(str(f["index"]), Text(f["text"], style="bold"), Text(str(value)), Text(f["unit"] or "—"),
                  Text(f["qualifier"] or ""), f["kind"] + {"increase": " ↑", "decrease": " ↓"}.get(f["change"] or "", ""),
                  Text(f["theme"] or "—", style=colour(f["theme"])), Text(f["speaker"] or "reporter"),
                  Text(", ".join(f["flags"])), _highlight(text, f))
    return [t]


def _highlight(text: str | None, f: dict) -> Text:
    sent = f.get("sentence")
    if not text or not sent:
        return Text("")
    s0, s1 = sent["start"], sent["end"]
    left, right = text[s0 : f["start"]], text[f["end"] : s1]
    left_words, right_words = left.split(), right.split()
    out = Text(("… " if len(left_words) > 4 else "") + " ".join(left.split(" ")[-5:]).lstrip())
    out.append(f["text"], style="bold reverse")
    out.append(" ".join(right.split(" ")[:5]) + (" …" if len(right_words) > 4 else ""))
    return out


def keywords_table(rec: dict) -> list:
    t = Table(title=f"Keywords of {rec['source']['name']}", title_justify="left", expand=True)
    clip = {"no_wrap": True, "overflow": "ellipsis"}
    for col, kw in (("lemma", {**clip, "max_width": 32}), ("count", {"justify": "right"}), ("", clip),
                    ("keyness", {"justify": "right"}), ("log ratio", {"justify": "right"}),
                    ("ref/M", {"justify": "right"}), ("pos", {**clip, "max_width": 10}),
                    ("themes", {**clip, "ratio": 1, "min_width": 16})):
        t.add_column(col, **kw)
    kws = rec["keywords"]
    top = max((k["count"] for k in kws), default=1) or 1
    for k in kws:
        themes = " ".join(f"{tid}:{c}" for tid, c in sorted((k.get("themes") or {}).items(), key=lambda kv: -kv[1]))
        t.add_row(Text(k["lemma"], style="bold"), str(k["count"]), bar(k["count"] / top, 12),
                  _num(k.get("keyness")), _num(k.get("log_ratio")), _num(k.get("ref_per_million")),
                  k.get("pos") or "", Text(themes))
    return [t]


def keywords_by_tables(rec: dict) -> list:
    """--by theme|speaker: what each group says most, and what is distinctive of it."""
    out = []
    for group, kws in rec.get("keywords_by", {}).items():
        t = Table(title=f"{group}", title_justify="left", title_style=colour(group), expand=True)
        clip = {"no_wrap": True, "overflow": "ellipsis"}
        for col, kw in (("lemma", {**clip, "ratio": 1}), ("count", {"justify": "right"}),
                        ("keyness", {"justify": "right"}), ("log ratio", {"justify": "right"}),
                        ("ref/M", {"justify": "right"})):
            t.add_column(col, **kw)
        for k in kws:
            t.add_row(Text(k["lemma"]), str(k["count"]), _num(k.get("keyness")), _num(k.get("log_ratio")),
                      _num(k.get("ref_per_million")))
        out.append(t)
    return out


def _num(x) -> str:
    return "" if x is None else f"{x:.1f}"


def summary_table(rec: dict) -> list:
    t = Table(title=f"Summary of {rec['source']['name']}", title_justify="left", show_lines=True)
    for col in ("theme", "speaker", "sentence"):
        t.add_column(col)
    for s in rec["summary"]:
        t.add_row(Text(s["theme"] or "—", style=colour(s["theme"])), Text(s["speaker"] or "reporter"), Text(s["text"]))
    out = [t]
    if rec.get("by_theme"):
        bt = Table(title="By theme", title_justify="left", show_lines=True, expand=True)
        for col, kw in (("theme", {"no_wrap": True}), ("sentence", {"ratio": 1}), ("key figure", {"max_width": 28})):
            bt.add_column(col, **kw)
        keys = rec.get("key_figures", {})
        for tid, items in rec["by_theme"].items():
            key = keys.get(tid)
            for k, s in enumerate(items):
                bt.add_row(Text(tid, style=colour(tid)), Text(s["text"]),
                           Text(key["text"], style="bold") if key and k == 0 else Text(""))
        out.append(bt)
    return out


def tokens_table(rec: dict) -> list:
    t = Table(title=f"Tokens of {rec['source']['name']}", title_justify="left")
    for col in ("start", "end", "text", "lemma", "pos"):
        t.add_column(col)
    for tk in rec["tokens"]:
        t.add_row(str(tk["start"]), str(tk["end"]), Text(tk["text"]), Text(tk["lemma"]), tk["pos"] or "")
    return [t]


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


def corpus_table(command: str, totals) -> list:
    """One row per document, then totals: theme shares (of all words) or item counts, top keywords."""
    rows = totals.rows
    names = _short_names([row["document"] for row in rows])
    t = Table(title=f"{command}: {len(rows)} documents", title_justify="left")
    t.add_column("document", overflow="ellipsis", no_wrap=True, max_width=40)
    summary = totals.to_dict()
    theme_ids = list(summary.get("theme_shares", {}))
    if command == "themes":
        t.add_column("segments", justify="right")
        t.add_column("quotes+turns", justify="right")
        for tid in theme_ids:
            t.add_column(tid, justify="right", style=colour(tid))
    else:
        t.add_column("items", justify="right")
    for row, name in zip(rows, names):
        if command == "themes":
            shares = row.get("themes", {})
            t.add_row(Text(name), str(row.get("segments", 0)), str(row.get("speech", 0)),
                      *[f"{shares[tid]:.0%}" if tid in shares else "" for tid in theme_ids])
        else:
            t.add_row(Text(name), str(row.get("items", "")))
    if command == "themes" and rows:
        t.add_row(Text("all documents", style="bold"), "", "",
                  *[f"{summary['theme_shares'][tid]:.0%}" for tid in theme_ids])
    out = [t]
    if summary.get("keywords"):
        k = Table(title="Keywords over all documents", title_justify="left")
        for col in ("lemma", "count", "documents"):
            k.add_column(col)
        for row in summary["keywords"]:
            k.add_row(Text(row["lemma"]), str(row["count"]), str(row["documents"]))
        out.append(k)
    return out


def analyze_view(rec: dict) -> list:
    """One screen: source, speakers, theme bars, segments, keywords, figures, summary."""
    from collections import Counter

    src = rec["source"]
    speakers = Counter(s["speaker"] for s in rec["segments"] if s["speaker"] and s["kind"] != "narrative")
    head = Text()
    head.append(f"{src['name']}", style="bold")
    head.append(f"  {src['chars']} chars, {src['encoding']}")
    if src.get("boilerplate_start") is not None:
        head.append(f", page tail from offset {src['boilerplate_start']}")
    head.append("\nSpeakers: " + (", ".join(f"{n} ({c})" for n, c in speakers.most_common()) or "—"))
    out: list = [head]
    seg_table, theme_table = themes_table(rec)
    out += [theme_table, seg_table]
    kw = dict(rec, keywords=rec.get("keywords", [])[:15])
    out += keywords_table(kw)
    out += figures_table(rec)
    out += summary_table(rec)
    return out
