"""``speechkit compare A B``: two speeches, or two folders of them, side by side."""

from __future__ import annotations

from pathlib import Path

from ..corpus import Failed, iter_documents
from ..errors import InputError, SpeechkitError, UsageError
from ..model import to_dict
from ..pipeline import Options, analyze
from .output import open_output


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


CSV_COLUMNS = ["section", "side", "id", "text", "a", "b", "score", "value", "unit", "kind", "qualifier", "theme",
               "speaker", "doc", "start", "end"]


def csv_rows(rec: dict) -> list[list]:
    """The comparison flat, one row per item; ``section`` says what the row is.

    theme: id, a / b = its shares, score = B − A.  word: side a|b, text = lemma, a / b = counts,
    score = signed G² (A against B).  figure: side a|b, the figure's fields.  speaker: text = name,
    a / b = quotes and turns.  shared_figures: a = their number.
    """
    rows = [["theme", "", t["id"], t["label"], t["share_a"], t["share_b"], t["difference"]] + [None] * 9
            for t in rec["themes"]]
    for side in ("a", "b"):
        rows += [["word", side, None, k["lemma"], k["count_a"], k["count_b"], k["keyness"]] + [None] * 9
                 for k in rec["keywords"][side]]
    for side in ("a", "b"):
        rows += [["figure", side, None, f["text"], None, None, None, f["value"], f["unit"], f["kind"], f["qualifier"],
                  f["theme"], f["speaker"], f["doc"], f["start"], f["end"]] for f in rec["figures"][f"only_{side}"]]
    rows += [["speaker", "", None, s["name"], s["a"], s["b"]] + [None] * 10 for s in rec["speakers"]]
    rows.append(["shared_figures", "", None, None, rec["figures"]["shared"]] + [None] * 11)
    return rows


def run_compare(a: str, b: str, *, fmt: str = "table", output=None, top: int = 15, glob: str = "*.txt",
                lexicon: str | None = None, as_json: bool = False) -> None:
    """Compare ``a`` with ``b``; write tables, one JSON object (``json``, one line with ``json-lines``) or CSV/TSV rows."""
    from ..compare import compare
    from ..themes import short_labels

    if top < 1:
        raise UsageError(f"--top must be at least 1, not {top}")
    if a == "-" and b == "-":
        raise UsageError("only one side can come from stdin")
    fmt = "json" if as_json else fmt
    options = Options(lexicon=lexicon, summary=False, keywords=False)
    docs_a, docs_b = read_side(a, options, glob), read_side(b, options, glob)
    c = compare(docs_a, docs_b, top=top, labels=(side_label(a), side_label(b)))
    with open_output(output) as out:
        if fmt in ("json", "json-lines"):
            from ..formats import write_json, write_json_line

            (write_json if fmt == "json" else write_json_line)(out, comparison_record(c))
        elif fmt in ("csv", "tsv"):
            from ..formats import table_writer

            w = table_writer(out, fmt)
            w.writerow(CSV_COLUMNS)
            w.writerows(csv_rows(comparison_record(c)))
        else:
            from ..commands.runner import print_all

            print_all(tables(c, short_labels(lexicon)), out)


def tables(c, labels: dict[str, str] | None = None) -> list:
    """The renderables of a comparison: themes, words, figures, speakers."""
    from rich.text import Text

    from ..display import cell, number, percent, points
    from ..render import Col, Grid, bar, colour, figure_value, theme_cell

    def side_text(s) -> str:
        docs = Path(s.documents[0]).name if len(s.documents) == 1 else f"{len(s.documents)} documents"
        words = f"{number(s.words)} words"
        return f"{s.label}: {docs}, {words}" if docs != s.label else f"{s.label}, {words}"

    head = Text()
    head.append("A ", style="bold")
    head.append(side_text(c.a))
    head.append("\nB ", style="bold")
    head.append(side_text(c.b))
    out: list = [head]

    cols = [Col("theme", keep=9, min=8, max=20), Col("A", "num", 8), Col("", "fixed", 2), Col("B", "num", 8),
            Col("", "fixed", 2), Col("B − A", "num", 7)]
    rows = []
    for th in c.themes:
        style = colour(th.id)
        diff_style = "green" if th.difference > 0.005 else "red" if th.difference < -0.005 else "dim"
        rows.append([theme_cell(th.id, labels), percent(th.share_a), Text(bar(th.share_a, 10), style=style),
                     percent(th.share_b), Text(bar(th.share_b, 10), style=style),
                     Text(points(th.difference), style=diff_style)])
    out.append(Grid("Theme shares (of words)", cols, rows))

    for side, kws in (("A", c.keywords_a), ("B", c.keywords_b)):
        cols = [Col("lemma", keep=9, min=10, max=32), Col("A", "num", 8), Col("B", "num", 8), Col("G²", "num", 7),
                Col("forms", keep=2, min=12, max=50)]
        rows = [[Text(k.lemma, style="bold"), str(k.count_a), str(k.count_b), number(abs(k.keyness), 1),
                 Text(", ".join(k.forms[:4]))] for k in kws]
        if not kws:
            rows.append([Text("(none significant)", style="dim"), "", "", "", ""])
        label = (c.a if side == "A" else c.b).label
        out.append(Grid(f"Words distinctive of {side} ({label}), ranked by G²", cols, rows))

    several = len(c.a.documents) > 1 or len(c.b.documents) > 1
    for side, figs in (("A", c.figures_a), ("B", c.figures_b)):
        cols = [Col("as written", keep=9, min=10, max=24), Col("value", "num", 10), Col("unit", keep=8, min=6, max=14),
                Col("kind", keep=5, min=7, max=12), Col("qual.", keep=3, min=5, max=10),
                Col("theme", keep=4, min=8, max=14), Col("speaker", keep=4, min=10, max=20)]
        if several:
            cols.append(Col("document", keep=6, min=10, max=30))
        rows = []
        for f in figs:
            value = figure_value({"kind": f.kind, "value": f.value, "low": f.low, "high": f.high})
            row = [Text(f.text, style="bold"), value, Text(cell(f.unit)), f.kind, Text(cell(f.qualifier)),
                   theme_cell(f.theme, labels), Text(cell(f.speaker))]
            rows.append(row + ([Text(Path(f.doc).name)] if several else []))
        if not figs:
            rows.append([Text("(none)", style="dim")] + [""] * (len(cols) - 1))
        out.append(Grid(f"Figures only in {side}", cols, rows))
    out.append(Text(f"Figures stated on both sides: {c.shared_figures}"))

    cols = [Col("speaker", keep=9, min=10, max=40), Col("A", "num", 8), Col("B", "num", 8)]
    rows = [[Text(s.name), str(s.a), str(s.b)] for s in c.speakers]
    if not c.speakers:
        rows.append([Text("(no quoted speakers)", style="dim"), "", ""])
    out.append(Grid("Speakers (quotes and turns)", cols, rows))
    return out
