"""``speechkit collocates``: the company a word keeps, from files or from a database."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from ..corpus import Failed, iter_documents, run
from ..errors import ExitCode, SpeechkitError, UsageError
from ..pipeline import Options, analyze
from ..source import Document

CSV_COLUMNS = ["lemma", "cooccurrences", "left", "right", "frequency", "logdice", "mi", "tscore"]


class PartialFailure(SpeechkitError):
    exit_code = ExitCode.PARTIAL


def count_work(options: Options, nodes: frozenset[str], window: int, all_words: bool, doc: Document):
    """Analyse one document and count around the node (runs in a worker process)."""
    from ..collocates import count

    a = analyze(doc.text, options, name=doc.name, encoding=doc.encoding)
    return count(a.tokens, a.sentences, a.source.boilerplate, nodes, window, all_words=all_words)


def from_files(word: str, inputs: list[str], *, window: int, measure: str, min_freq: int, top: int,
               all_words: bool, lexicon: str | None, keep_boilerplate: bool, glob: str, jsonl: bool,
               text_field: str, id_field: str | None, workers: int) -> tuple[dict, list[Failed]]:
    from .. import collocates as col
    from ..db.query import collocates_record

    nodes = col.node_keys(word)
    col.rank(col.Counts(), lambda keys: {}, 1, 1, measure=measure)  # a bad measure fails before the work
    options = Options(lexicon=lexicon, keep_boilerplate=keep_boilerplate, figures=False, keywords=False, summary=False)
    job = functools.partial(count_work, options, nodes, window, all_words)
    total, failed, documents = col.Counts(), [], 0
    docs = iter_documents(inputs, glob=glob, jsonl=jsonl, text_field=text_field, id_field=id_field)
    for doc, counts in run(docs, job, workers):
        if isinstance(doc, Failed) or counts is None:
            failed.append(doc if isinstance(doc, Failed) else Failed(doc.name, f"{doc.name}: failed", ExitCode.FAILURE))
            continue
        documents += 1
        total.merge(counts)
    ranked = col.rank(total, lambda keys: {k: total.frequency[k] for k in keys}, total.node, total.words,
                      measure=measure, min_freq=min_freq, top=top)
    return collocates_record(word, nodes, window, measure, total.node, total.words, documents, ranked), failed


def run_collocates(word: str, inputs: list[str], *, db: str | None = None, window: int = 5, measure: str = "logdice",
                   min_freq: int = 2, top: int = 30, all_words: bool = False, since: str | None = None,
                   until: str | None = None, docs: list[str] = (), fmt: str = "table", output: Path | None = None,
                   lexicon: str | None = None, keep_boilerplate: bool = False, glob: str = "*.txt",
                   jsonl: bool = False, text_field: str = "text", id_field: str | None = None,
                   workers: int = 1) -> None:
    """Rank the collocates of ``word`` in ``inputs`` or ``db`` and write them."""
    failed: list[Failed] = []
    if db:
        if inputs:
            raise UsageError("with --db, collocates reads the database: give no files (--doc chooses documents)")
        from ..db.query import collocates
        from ..db.schema import connect
        from .trends_cmd import selection_from

        selection = selection_from(db, since, until, docs)
        con = connect(db)
        try:
            data = collocates(con, word, selection, window=window, measure=measure, min_freq=min_freq, top=top,
                              all_words=all_words)
        finally:
            con.close()
    else:
        if since or until or docs:
            raise UsageError("--since, --until and --doc choose documents of a database; give --db")
        data, failed = from_files(word, inputs, window=window, measure=measure, min_freq=min_freq, top=top,
                                  all_words=all_words, lexicon=lexicon, keep_boilerplate=keep_boilerplate, glob=glob,
                                  jsonl=jsonl, text_field=text_field, id_field=id_field, workers=workers)
    for f in failed:
        sys.stderr.write(f"speechkit: skipped: {f.message}\n")
    from .. import formats
    from .output import open_output

    with open_output(output) as out:
        if fmt == "json":
            formats.write_json(out, data)
        elif fmt in ("csv", "tsv"):
            w = formats.table_writer(out, fmt)
            w.writerow(CSV_COLUMNS)
            w.writerows([c[k] for k in CSV_COLUMNS] for c in data["collocates"])
        else:
            _print(data, out)
    if failed:
        raise PartialFailure(f"{len(failed)} document{'s' if len(failed) != 1 else ''} left out")


def _print(data: dict, out) -> None:
    """The table, laid out and formatted as every table is (render.Grid, display): statistics to one decimal."""
    from ..display import number
    from ..render import Col, Grid, console, stat

    measure = {"logdice": "log-Dice", "mi": "MI", "tscore": "t-score"}[data["measure"]]
    title = (f"Collocates of «{data['node']}» (±{data['window']} words), by {measure}: the node occurs "
             f"{number(data['node_frequency'])} times in {number(data['corpus_words'])} words")
    cols = [Col("collocate", keep=10, min=8, max=30)]
    for name, keep in (("together", 8), ("left", 3), ("right", 3), ("freq", 4), ("log-Dice", 6), ("MI", 5),
                       ("t-score", 5)):
        cols.append(Col(f"{name} ▼" if name == measure else name, "num", 9 if name == measure else keep,
                        style="bold" if name == measure else None))
    rows = [[c["lemma"], str(c["cooccurrences"]), str(c["left"]), str(c["right"]), number(c["frequency"]),
             stat(c["logdice"]), stat(c["mi"]), stat(c["tscore"])] for c in data["collocates"]]
    con = console(out if out is not sys.stdout else None)
    con.print(Grid(title, cols, rows))
    if not data["collocates"]:
        con.print("No collocates" + (" (the word does not occur)." if not data["node_frequency"] else
                                     "; --min-freq 1 shows words seen together once."))
