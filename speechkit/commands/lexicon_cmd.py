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
        a = analyze(doc.text, Options(lexicon=lexicon_path, keywords=False, summary=False), name=doc.name)
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
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..render import colour, first_words

    c = Console(highlight=False)
    t = Table(title=f"Lexicon: {rec['lexicon']}", title_justify="left", show_lines=True)
    for col in ("theme", "label", "entries", "strongest"):
        t.add_column(col)
    for th in rec["themes"]:
        entries = {**th["lemmas"], **th["phrases"]}
        strongest = sorted(entries, key=lambda e: -entries[e])[:12]
        t.add_row(Text(th["id"], style=colour(th["id"])), Text(th["label"]), str(len(entries)),
                  Text(", ".join(strongest)))
    c.print(t)
    if "matched" in rec:
        m = Table(title="Entries that matched (segments)", title_justify="left")
        for col in ("theme", "entry", "segments"):
            m.add_column(col)
        for row in rec["matched"]:
            m.add_row(Text(row["theme"], style=colour(row["theme"])), Text(row["entry"]), str(row["segments"]))
        c.print(m)
        u = Table(title="Segments without a theme", title_justify="left")
        for col in ("#", "kind", "first words"):
            u.add_column(col)
        for s in rec["unthemed"]:
            u.add_row(str(s["index"]), s["kind"], Text(first_words(s["text"], 14)))
        c.print(u)
