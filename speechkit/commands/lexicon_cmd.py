"""``speechkit lexicon``: the themes, their entries, and what they matched in a text.

This is how a user tunes a lexicon: see which entries fire, which never do,
and which segments stayed without a theme.
"""

from __future__ import annotations

import sys
from collections import Counter

from ..corpus import Failed, iter_documents
from ..errors import SpeechkitError, UsageError
from ..pipeline import Options, analyze
from ..themes import load_lexicon


def run_lexicon(inputs: list[str], lexicon_path: str | None, as_json: bool, theme: str | None) -> None:
    lex = load_lexicon(lexicon_path)
    if theme and theme not in lex.themes:
        raise UsageError(f"unknown theme {theme!r}; known themes: {', '.join(lex.themes)}")
    rec: dict = {"lexicon": lex.source, "themes": []}
    for t in lex.themes.values():
        if theme and t.id != theme:
            continue
        rec["themes"].append({"id": t.id, "label": t.label, "lemmas": t.lemmas,
                              "phrases": {" ".join(k): v for k, v in t.phrases.items()}})
    if inputs:
        doc = next(iter_documents(inputs))
        if isinstance(doc, Failed):
            err = SpeechkitError(doc.message)
            err.exit_code = doc.exit_code
            raise err
        a = analyze(doc.text, Options(lexicon=lexicon_path, figures=False, keywords=False, summary=False), name=doc.name)
        matched: Counter = Counter()
        for s in a.segments:
            for tid, entries in s.evidence.items():
                matched.update((tid, e) for e in entries)
        rec["matched"] = [{"theme": tid, "entry": e, "segments": n} for (tid, e), n in matched.most_common()]
        rec["unthemed"] = [{"index": s.index, "kind": s.kind, "start": s.start, "end": s.end, "text": s.text}
                           for s in a.segments if s.theme is None]
    if as_json:
        from ..formats import write_json

        write_json(sys.stdout, rec)
        return
    _print_lexicon(rec)


def _print_lexicon(rec: dict) -> None:
    import sys

    from rich.text import Text

    from ..render import Col, Grid, colour, first_words
    from .runner import print_all

    labels = {th["id"]: th["label"] for th in rec["themes"]}
    rows = []
    for th in rec["themes"]:
        entries = {**th["lemmas"], **th["phrases"]}
        strongest = sorted(entries, key=lambda e: -entries[e])[:12]
        rows.append([Text(th["id"], style=colour(th["id"])), Text(th["label"]), str(len(entries)),
                     Text(", ".join(strongest))])
    out = [Grid(f"Lexicon: {rec['lexicon']}", [Col("theme", keep=9, min=8, max=16), Col("label", keep=4, min=10, max=30),
                                               Col("entries", "num", 8), Col("strongest", keep=3, min=16)], rows, lines=True)]
    if "matched" in rec:
        rows = [[Text(labels.get(r["theme"], r["theme"]), style=colour(r["theme"])), Text(r["entry"]), str(r["segments"])]
                for r in rec["matched"]]
        out.append(Grid("Entries that matched (segments)", [Col("theme", keep=7, min=8, max=30),
                                                            Col("entry", keep=9, min=10, max=40),
                                                            Col("segments", "num", 8)], rows))
        rows = [[str(s["index"]), s["kind"], Text(first_words(s["text"], 14))] for s in rec["unthemed"]]
        out.append(Grid("Segments without a theme", [Col("#", "num", 9), Col("kind", "fixed", 7),
                                                     Col("first words", "clip", 5, min=16)], rows))
    print_all(out, sys.stdout)
