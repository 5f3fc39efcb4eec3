"""``speechkit compare A B``: two speeches, or two folders of them, side by side."""

from __future__ import annotations

import sys
from pathlib import Path

from ..corpus import Failed, iter_documents
from ..errors import InputError, SpeechkitError, UsageError
from ..model import to_dict
from ..pipeline import Options, analyze


class _Failure(SpeechkitError):
    def __init__(self, failed: Failed) -> None:
        super().__init__(failed.message)
        self.exit_code = failed.exit_code


def read_side(path: str, options: Options, glob: str) -> list:
    """The analyses of one side: a file, a folder (every document pooled) or ``-``."""
    if not path:
        raise UsageError("compare needs two inputs, e.g. speechkit compare a.txt b.txt")
    out = []
    for doc in iter_documents([path], glob=glob):
        if isinstance(doc, Failed):
            raise _Failure(doc)
        out.append(analyze(doc.text, options, name=doc.name, encoding=doc.encoding))
    if not out:
        raise InputError(f"{path}: no documents")
    return out


def side_label(path: str) -> str:
    return "<stdin>" if path == "-" else (Path(path).name or path)


def comparison_record(c) -> dict:
    """The JSON object of a comparison."""
    rec = to_dict(c)
    return {
        "a": rec["a"], "b": rec["b"], "themes": rec["themes"],
        "keywords": {"a": rec["keywords_a"], "b": rec["keywords_b"]},
        "figures": {"only_a": rec["figures_a"], "only_b": rec["figures_b"], "shared": rec["shared_figures"]},
        "speakers": rec["speakers"],
    }


def run_compare(a: str, b: str, *, as_json: bool = False, top: int = 15, glob: str = "*.txt",
                lexicon: str | None = None) -> None:
    """Compare ``a`` with ``b`` and print tables, or one JSON object with ``as_json``."""
    from ..compare import compare

    if top < 1:
        raise UsageError(f"--top must be at least 1, not {top}")
    if a == "-" and b == "-":
        raise UsageError("only one side can come from stdin")
    options = Options(lexicon=lexicon, summary=False, keywords=False)
    docs_a, docs_b = read_side(a, options, glob), read_side(b, options, glob)
    c = compare(docs_a, docs_b, top=top, labels=(side_label(a), side_label(b)))
    if as_json:
        from ..formats import write_json

        write_json(sys.stdout, comparison_record(c))
        return
    from rich.console import Console

    console = Console(highlight=False)
    for r in tables(c):
        console.print(r)


def _pp(x: float) -> str:
    return f"{x * 100:+.0f} pp" if round(x * 100) else "0"


def tables(c) -> list:
    """The rich renderables of a comparison: themes, words, figures, speakers."""
    from rich.table import Table
    from rich.text import Text

    from ..render import bar, colour
    from ..report import number

    def side_text(s) -> str:
        docs = Path(s.documents[0]).name if len(s.documents) == 1 else f"{len(s.documents)} documents"
        return f"{s.label}: {docs}, {s.words} words" if docs != s.label else f"{s.label}, {s.words} words"

    head = Text()
    head.append("A ", style="bold")
    head.append(side_text(c.a))
    head.append("\nB ", style="bold")
    head.append(side_text(c.b))
    out: list = [head]

    t = Table(title="Theme shares (of words)", title_justify="left")
    t.add_column("theme", max_width=32, overflow="ellipsis", no_wrap=True)
    for col in ("A", "", "B", "", "B − A"):
        t.add_column(col, justify="right" if col else "left", no_wrap=True)
    for th in c.themes:
        style = colour(th.id)
        diff_style = "green" if th.difference > 0.005 else "red" if th.difference < -0.005 else "dim"
        t.add_row(Text(th.label, style=style), f"{th.share_a:.0%}", Text(bar(th.share_a, 10), style=style),
                  f"{th.share_b:.0%}", Text(bar(th.share_b, 10), style=style), Text(_pp(th.difference), style=diff_style))
    out.append(t)

    for side, kws in (("A", c.keywords_a), ("B", c.keywords_b)):
        kt = Table(title=f"Words distinctive of {side} ({(c.a if side == 'A' else c.b).label})", title_justify="left")
        for col in ("lemma", "A", "B", "G²", "forms"):
            kt.add_column(col, justify="left" if col in ("lemma", "forms") else "right",
                          overflow="fold" if col == "forms" else "ellipsis")
        for k in kws:
            kt.add_row(Text(k.lemma, style="bold"), str(k.count_a), str(k.count_b), f"{abs(k.keyness):.1f}",
                       Text(", ".join(k.forms[:4])))
        if not kws:
            kt.add_row(Text("(none significant)", style="dim"), "", "", "", "")
        out.append(kt)

    several = len(c.a.documents) > 1 or len(c.b.documents) > 1
    for side, figs in (("A", c.figures_a), ("B", c.figures_b)):
        ft = Table(title=f"Figures only in {side}", title_justify="left")
        cols = ["as written", "value", "unit", "kind", "qual.", "theme", "speaker"] + (["document"] if several else [])
        for col in cols:
            ft.add_column(col, justify="right" if col == "value" else "left", overflow="fold")
        for f in figs:
            row = [Text(f.text, style="bold"), Text(number(f.value)), Text(f.unit or "—"), f.kind,
                   Text(f.qualifier or ""), Text(f.theme or "—", style=colour(f.theme)), Text(f.speaker or "reporter")]
            ft.add_row(*row, *([Text(Path(f.doc).name)] if several else []))
        if not figs:
            ft.add_row(Text("(none)", style="dim"), *[""] * (len(cols) - 1))
        out.append(ft)
    out.append(Text(f"Figures stated on both sides: {c.shared_figures}"))

    st = Table(title="Speakers (quotes and turns)", title_justify="left")
    for col in ("speaker", "A", "B"):
        st.add_column(col, justify="left" if col == "speaker" else "right")
    for s in c.speakers:
        st.add_row(Text(s.name), str(s.a), str(s.b))
    if not c.speakers:
        st.add_row(Text("(no quoted speakers)", style="dim"), "", "")
    out.append(st)
    return out
