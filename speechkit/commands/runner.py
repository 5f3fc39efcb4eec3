"""Run one analysis command over one document or a corpus and write its output.

One document gets the full view (tables or one JSON object); several get one
record each, streamed in input order (``--json-lines``, ``--csv``) or a table
with a row per document and totals.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import sys
from typing import Any

from ..corpus import Failed, count_documents, empty_record_for, iter_documents, run
from ..errors import ExitCode, SpeechkitError, UsageError
from ..model import to_dict
from ..pipeline import Options, analyze, body_tokens
from ..source import Document
from ..views import CorpusTotals, record
from .output import open_output, refuse_output_onto_input


class _Failure(SpeechkitError):
    def __init__(self, failed: Failed) -> None:
        super().__init__(failed.message)
        self.exit_code = failed.exit_code


# what each command prints besides segments, speakers and themes (always found): only that is computed
FIGURES = frozenset({"numbers", "analyze", "speakers"})  # speakers: the figures each one states
SUMMARY = frozenset({"summary", "analyze"})
TOKENS = frozenset({"keywords", "analyze", "tokens"})  # the keywords count the body's tokens


def options_for(c, command: str, extra: dict) -> Options:
    by_theme = command == "analyze" or (command == "summary" and extra.get("by") == "theme")
    return Options(lexicon=c.lexicon, keep_boilerplate=c.keep_boilerplate,
                   figures=command in FIGURES or by_theme,  # by theme: each theme's key figure
                   keywords=False,  # work() counts them with the command's own options
                   summary=command in SUMMARY, summary_by_theme=by_theme,
                   summary_sentences=extra.get("sentences", 4),
                   sentences=False,  # no record prints them: figures and summaries split what they need
                   tokens=command in TOKENS)


def work(command: str, options: Options, extra: dict, doc: Document) -> dict:
    """Analyse one document and build its record (runs in a worker process too).

    ``rec["_counts"]`` (keywords, analyze) holds every counted lemma's count, for exact corpus
    totals; the runner takes it out before the record is written.
    """
    # the analysis is record_for's alone: it lets go of what no record prints (a long text's tokens)
    return record_for(command, analyze(doc.text, options, name=doc.name, encoding=doc.encoding,
                                       warnings=doc.warnings), doc.meta, extra)


def record_for(command: str, a, meta: dict | None, extra: dict) -> dict:
    """The record of one analysed document (or one read back from a database)."""
    opts: dict[str, Any] = {}
    counts = None
    if command == "numbers" and extra.get("theme"):
        opts["theme"] = extra["theme"]
    if command == "numbers" and extra.get("unit"):
        opts["unit"] = extra["unit"]
    if command in ("keywords", "analyze"):
        # the keywords count the body's tokens, and no record of these commands prints a token: the
        # analysis keeps only those (a 10 MB text's columns are 33 MB; the text's and the body's side
        # by side, then the records beside them, were the peak of its memory)
        a = dataclasses.replace(a, tokens=body_tokens(a))
        opts["keywords"], by_group, counts = keywords_for(a, extra)
        if by_group:
            opts["keywords_by"] = by_group
    if (command == "summary" and extra.get("by") == "theme") or command == "analyze":
        from ..summary import key_figures

        opts["by_theme"] = by_theme_for(a)
        opts["key_figures"] = {tid: to_dict(f) for tid, f in key_figures(a.figures).items()}
    if command != "tokens":
        a = dataclasses.replace(a, tokens=[])
    rec = record(command, a, meta, **opts)
    rec["_counts"] = counts
    return rec


BY = ("theme", "speaker")


def check_options(command: str, extra: dict) -> None:
    """Refuse what no document could change before any is read: --by, --rank, --pos."""
    by = extra.get("by")
    allowed_by = BY if command == "keywords" else ("theme",)
    if by is not None and by not in allowed_by:
        raise UsageError(f"--by takes {' or '.join(repr(b) for b in allowed_by)}, not {by!r}")
    if command != "keywords":
        return
    from ..keywords import RANKINGS, pos_filter

    rank = extra.get("rank", "count")
    if rank not in RANKINGS:
        raise UsageError(f"--rank takes one of {', '.join(RANKINGS)}, not {rank!r}")
    if extra.get("pos"):
        pos_filter(extra["pos"].split(","))


def keywords_for(a, extra: dict) -> tuple[list[dict], dict[str, list[dict]], dict]:
    """The keyword list, with ``--by theme|speaker`` one keyword list per group, and the full counts.

    The counts ({"words", "lemmas", "by": {group: {"words", "lemmas"}}}) are every lemma the
    lists were ranked from, for a corpus's exact totals. ``a.tokens`` are the body's (``record_for``
    makes them so): the page furniture is left out once.
    """
    from ..keywords import keyword_counts
    from ..quotes import speech_verbs
    from ..model import Span
    from ..text import inside, merge_spans, norm_word

    exclude: set[str] = set()
    if not extra.get("keep_speech_verbs"):
        exclude |= set(speech_verbs())
    if not extra.get("keep_names"):
        for s in a.segments:
            if s.speaker:
                exclude |= {norm_word(w) for w in s.speaker.split()}
    check_options("keywords", extra)
    by = extra.get("by")
    key = (lambda s: s.speaker) if by == "speaker" else (lambda s: s.theme)
    groups = [(key(s), s.start, s.end) for s in a.segments if key(s)]
    pos = set(p.strip() for p in extra["pos"].split(",")) if extra.get("pos") else None
    tokens = a.tokens
    options = dict(pos=pos, exclude=frozenset(exclude), top=extra.get("top", 30),
                   ngrams=extra.get("ngrams", 1), rank_by=extra.get("rank", "count"))
    kws, lemmas, words = keyword_counts(tokens, groups=groups, **options)
    counts: dict[str, Any] = {"words": words, "lemmas": lemmas, "by": {}}
    by_group: dict[str, list[dict]] = {}
    if by:
        for group in dict.fromkeys(g for g, _, _ in groups):
            spans = [Span(a, b, "") for a, b in merge_spans((s0, s1) for g, s0, s1 in groups if g == group)]
            mine = [t for t in tokens if inside(t.start, spans)]
            group_kws, group_lemmas, group_words = keyword_counts(mine, **options)
            by_group[group] = [to_dict(k) for k in group_kws]
            counts["by"][group] = {"words": group_words, "lemmas": group_lemmas}
    return [to_dict(k) for k in kws], by_group, counts


def by_theme_for(a) -> dict[str, list[dict]]:
    """The summary by theme: made with the analysis when asked (``Options.summary_by_theme``), else now."""
    groups = a.summary_by_theme
    if groups is None:  # an analysis read back from a database
        from ..summary import summarize_by_theme

        groups = summarize_by_theme(a.text, a.sentences, a.tokens, a.segments, end=a.source.boilerplate_start)
    return {tid: [to_dict(s) for s in items] for tid, items in groups.items()}


def run_command(command: str, c, **extra) -> int:
    """Read, analyse, write; return the exit code (PARTIAL when some documents failed)."""
    check_options(command, extra)
    if extra.get("theme") and command == "numbers":
        _check_theme(extra["theme"], c.lexicon)
    if getattr(c, "db", None):
        from .db_source import stored_records

        return _write_records(command, c, stored_records(command, c, extra), extra)
    refuse_output_onto_input(c.output, c.inputs, c.glob)
    options = options_for(c, command, extra)
    docs = iter_documents(c.inputs, glob=c.glob, jsonl=c.input_jsonl, text_field=c.text_field,
                          id_field=c.id_field)
    first = list(itertools.islice(docs, 2))
    single = len(first) == 1 and not c.input_jsonl
    job = functools.partial(work, command, options, extra)
    if single:
        doc = first[0]
        if isinstance(doc, Failed):
            empty = empty_record_for(command, doc)  # an empty text still gives valid JSON, then exit 4
            if empty is not None and c.format in ("json", "json-lines"):
                with open_output(c.output) as out:
                    _write_single(command, empty, c, out, extra)
            raise _Failure(doc)
        rec = job(doc)
        rec.pop("_counts", None)
        _warn(doc.name, rec)
        with open_output(c.output) as out:
            _write_single(command, rec, c, out, extra, text=doc.text)
        return 0
    if len(first) == 1 and isinstance(first[0], Failed):
        raise _Failure(first[0])  # JSON lines that are all blank, or cannot be read: nothing ran
    total = count_documents(c.inputs, glob=c.glob, jsonl=c.input_jsonl) if sys.stderr.isatty() else None
    return _write_corpus(command, c, extra, progress(run(itertools.chain(first, docs), job, c.workers,
                                                                 read_on_thread=True), total))


def _write_records(command: str, c, pairs, extra: dict) -> int:
    """Records read from a database: one document's view, or a corpus run's output for several."""
    first = list(itertools.islice(pairs, 2))
    if len(first) == 1:
        doc, rec = first[0]
        rec.pop("_counts", None)
        _warn(doc.name, rec)
        with open_output(c.output) as out:
            _write_single(command, rec, c, out, extra, text=getattr(doc, "text", None))
        return 0
    return _write_corpus(command, c, extra, itertools.chain(first, pairs))


def _write_corpus(command: str, c, extra: dict, results) -> int:
    """One record per document, streamed in order (``--json-lines``, ``--csv``), or all with totals."""
    failed = 0
    # Nothing of a document is kept once it is written: the table's rows (one per document) only for
    # a table, the totals (one entry per lemma, not per document) only where they are printed.
    totals = CorpusTotals(command, top=extra.get("top", 30), rank=extra.get("rank", "count"),
                          ngrams=extra.get("ngrams", 1), keep_rows=c.format == "table")
    from .. import formats

    with open_output(c.output) as out:
        csvw = formats.CsvWriter(out, command, c.format) if c.format in ("csv", "tsv") else None
        jsonw = formats.DocumentsWriter(out) if c.format == "json" else None
        for doc, rec in results:
            if isinstance(doc, Failed) or rec is None:
                failed += 1
                msg = doc.message if isinstance(doc, Failed) else f"{doc.name}: failed"
                sys.stderr.write(f"speechkit: skipped: {msg}\n")
                if c.debug and isinstance(doc, Failed) and doc.detail:
                    sys.stderr.write(doc.detail)
                continue
            _warn(doc.name, rec)
            counts = rec.pop("_counts", None)
            name = doc.name
            try:  # a record that cannot be written (a bug) fails its document, not the run
                chunk = (formats.dumps(rec) + "\n" if c.format == "json-lines" else csvw.encode(name, rec) if csvw
                         else jsonw.encode(rec) if jsonw else None)
            except (ValueError, TypeError, RecursionError) as exc:
                failed += 1
                sys.stderr.write(f"speechkit: skipped: {name}: cannot write its record "
                                 f"(unexpected {type(exc).__name__}: {exc})\n")
                continue
            if c.format in ("json", "table"):
                totals.add(name, rec, counts)
            if c.format == "json-lines":
                out.write(chunk)
                out.flush()
            elif csvw:
                csvw.write_text(chunk)
            elif jsonw:
                jsonw.write(chunk)
        if jsonw:
            jsonw.close(totals.to_dict())
        elif c.format == "table":
            from .. import render
            from ..themes import short_labels

            print_all(render.corpus_table(command, totals, short_labels(c.lexicon), extra.get("rank", "count"),
                                          extra.get("by"), extra.get("everyone", False)), out)
    return int(ExitCode.PARTIAL) if failed else 0


def _warn(name: str, rec: dict) -> None:
    """«the text does not look Russian», «2 bytes that are not UTF-8 …»: on stderr, as well as in the record."""
    source = rec["source"]
    for warning in source.get("warnings") or ([source["warning"]] if source.get("warning") else []):
        sys.stderr.write(f"speechkit: warning: {name}: {warning}\n")


def progress_columns(total: int | None) -> tuple:
    """A bar with the count, elapsed time and ETA when the total is known; a spinner and a count for a pipe."""
    from rich.progress import (BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    if total is None:
        return (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} documents"),
                TimeElapsedColumn())
    return (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("ETA"), TimeRemainingColumn())


def progress(results, total: int | None, stream=None):
    """Progress of a corpus run on stderr, only when stderr is a terminal; gone when the run ends."""
    stream = stream or sys.stderr
    if not _isatty(stream):
        yield from results
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=stream, force_terminal=True)
    with Progress(*progress_columns(total), console=console, transient=True, redirect_stdout=False,
                  redirect_stderr=False) as bar:
        task = bar.add_task("", total=total)
        for item in results:
            bar.update(task, advance=1, description=str(item[0].name)[-30:])
            yield item


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _check_theme(theme: str, lexicon_path: str | None) -> None:
    from ..themes import load_lexicon

    known = list(load_lexicon(lexicon_path).themes)
    if theme not in known:
        raise UsageError(f"unknown theme {theme!r}; known themes: {', '.join(known)}")


def _write_single(command: str, rec: dict, c, out, extra: dict, text: str | None = None) -> None:
    from .. import formats

    fmt = c.format
    if fmt == "json" or fmt == "json-lines":
        (formats.write_json if fmt == "json" else formats.write_json_line)(out, rec)
        return
    if fmt in ("csv", "tsv"):
        formats.CsvWriter(out, command, fmt).write(rec["source"]["name"], rec)
        return
    from .. import render
    from ..themes import short_labels

    labels = short_labels(c.lexicon)
    rank = extra.get("rank", "count")
    views = {
        "themes": lambda: render.themes_table(rec, labels),
        "numbers": lambda: render.figures_table(rec, text, labels),
        "keywords": lambda: render.keywords_table(rec, labels, rank)
        + render.keywords_by_tables(rec, labels, rank, extra.get("by")),
        "summary": lambda: render.summary_table(rec, labels),
        "tokens": lambda: render.tokens_table(rec),
        "speakers": lambda: render.speakers_table(rec, labels, extra.get("everyone", False)),
        "analyze": lambda: render.analyze_view(rec, labels, text),
    }
    print_all(views[command](), out)


def print_all(renderables: list, out) -> None:
    """Print tables to ``out`` at the width of the terminal, $COLUMNS, or 120 columns in a pipe or file."""
    from rich.console import Console

    from ..render import width_for

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # rich would exit 1; a reader that stops early is no error
            raise BrokenPipeError

    console = _Console(file=out, highlight=False, width=width_for(out))
    for r in renderables:
        console.print(r)
