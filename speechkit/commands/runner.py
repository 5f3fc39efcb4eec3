"""Run one analysis command over one document or a corpus and write its output.

One document gets the full view (tables or one JSON object); several get one
record each, streamed in input order (``--json-lines``, ``--csv``) or a table
with a row per document and totals.
"""

from __future__ import annotations

import functools
import itertools
import sys
from typing import Any

from ..corpus import Failed, empty_record_for, iter_documents, run
from ..errors import ExitCode, SpeechkitError, UsageError
from ..model import to_dict
from ..pipeline import Options, analyze
from ..source import Document
from ..views import CorpusTotals, record
from .output import open_output


class _Failure(SpeechkitError):
    def __init__(self, failed: Failed) -> None:
        super().__init__(failed.message)
        self.exit_code = failed.exit_code


def options_for(c, command: str, extra: dict) -> Options:
    return Options(lexicon=c.lexicon, keep_boilerplate=c.keep_boilerplate,
                   keywords=False,  # work() counts them with the command's own options
                   summary=command in ("summary", "analyze"),
                   summary_sentences=extra.get("sentences", 4))


def work(command: str, options: Options, extra: dict, doc: Document) -> dict:
    """Analyse one document and build its record (runs in a worker process too)."""
    a = analyze(doc.text, options, name=doc.name, encoding=doc.encoding)
    return record_for(command, a, doc.meta, extra)


def record_for(command: str, a, meta: dict | None, extra: dict) -> dict:
    """The record of one analysed document (or one read back from a database)."""
    opts: dict[str, Any] = {}
    if command == "numbers" and extra.get("theme"):
        opts["theme"] = extra["theme"]
    if command == "numbers" and extra.get("unit"):
        opts["unit"] = extra["unit"]
    if command in ("keywords", "analyze"):
        opts["keywords"], by_group = keywords_for(a, extra)
        if by_group:
            opts["keywords_by"] = by_group
    if (command == "summary" and extra.get("by") == "theme") or command == "analyze":
        from ..summary import key_figures

        opts["by_theme"] = by_theme_for(a)
        opts["key_figures"] = {tid: to_dict(f) for tid, f in key_figures(a.figures).items()}
    rec = record(command, a, meta, **opts)
    rec["_text"] = a.text if command in ("numbers",) else None
    return rec


def keywords_for(a, extra: dict) -> tuple[list[dict], dict[str, list[dict]]]:
    """The keyword list, and with ``--by theme|speaker`` one keyword list per group."""
    from ..keywords import count_keywords
    from ..quotes import speech_verbs
    from ..model import Span
    from ..pipeline import body_tokens
    from ..text import inside, merge_spans, norm_word

    exclude: set[str] = set()
    if not extra.get("keep_speech_verbs"):
        exclude |= set(speech_verbs())
    if not extra.get("keep_names"):
        for s in a.segments:
            if s.speaker:
                exclude |= {norm_word(w) for w in s.speaker.split()}
    by = extra.get("by")
    if by not in (None, "theme", "speaker"):
        raise UsageError(f"--by takes 'theme' or 'speaker', not {by!r}")
    key = (lambda s: s.speaker) if by == "speaker" else (lambda s: s.theme)
    groups = [(key(s), s.start, s.end) for s in a.segments if key(s)]
    pos = set(p.strip() for p in extra["pos"].split(",")) if extra.get("pos") else None
    tokens = body_tokens(a)
    rank = extra.get("rank", "count")
    if rank not in ("count", "keyness"):
        raise UsageError(f"--rank takes 'count' or 'keyness', not {rank!r}")
    options = dict(pos=pos, exclude=frozenset(exclude), top=extra.get("top", 30),
                   ngrams=extra.get("ngrams", 1), rank_by=rank)
    kws = count_keywords(tokens, groups=groups, **options)
    by_group: dict[str, list[dict]] = {}
    if by:
        for group in dict.fromkeys(g for g, _, _ in groups):
            spans = [Span(a, b, "") for a, b in merge_spans((s0, s1) for g, s0, s1 in groups if g == group)]
            mine = [t for t in tokens if inside(t.start, spans)]
            by_group[group] = [to_dict(k) for k in count_keywords(mine, **options)]
    return [to_dict(k) for k in kws], by_group


def by_theme_for(a) -> dict[str, list[dict]]:
    from ..summary import summarize_by_theme

    groups = summarize_by_theme(a.text, a.sentences, a.tokens, a.segments, end=a.source.boilerplate_start)
    return {tid: [to_dict(s) for s in items] for tid, items in groups.items()}


def run_command(command: str, c, **extra) -> int:
    """Read, analyse, write; return the exit code (PARTIAL when some documents failed)."""
    if extra.get("theme") and command == "numbers":
        _check_theme(extra["theme"], c.lexicon)
    if getattr(c, "db", None):
        from .db_source import stored_records

        return _write_records(command, c, stored_records(command, c, extra), extra)
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
                    _write_single(command, empty, c.format, out, extra)
            raise _Failure(doc)
        rec = job(doc)
        _warn(doc.name, rec)
        with open_output(c.output) as out:
            _write_single(command, rec, c.format, out, extra)
        return 0
    return _write_corpus(command, c, _progress(run(itertools.chain(first, docs), job, c.workers)))


def _write_records(command: str, c, pairs, extra: dict) -> int:
    """Records read from a database: one document's view, or a corpus run's output for several."""
    first = list(itertools.islice(pairs, 2))
    if len(first) == 1:
        doc, rec = first[0]
        _warn(doc.name, rec)
        with open_output(c.output) as out:
            _write_single(command, rec, c.format, out, extra)
        return 0
    return _write_corpus(command, c, itertools.chain(first, pairs))


def _write_corpus(command: str, c, results) -> int:
    """One record per document, streamed in order (``--json-lines``, ``--csv``), or all with totals."""
    failed = 0
    rows = []  # whole records, only for --json (one object holds them all anyway)
    totals = CorpusTotals(command)
    from .. import formats

    with open_output(c.output) as out:
        csvw = formats.CsvWriter(out, command) if c.format == "csv" else None
        for doc, rec in results:
            if isinstance(doc, Failed) or rec is None:
                failed += 1
                msg = doc.message if isinstance(doc, Failed) else f"{doc.name}: failed"
                sys.stderr.write(f"speechkit: skipped: {msg}\n")
                if c.debug and isinstance(doc, Failed) and doc.detail:
                    sys.stderr.write(doc.detail)
                continue
            _warn(doc.name, rec)
            rec.pop("_text", None)
            name = doc.name
            totals.add(name, rec)
            if c.format == "json-lines":
                formats.write_json_line(out, rec)
            elif csvw:
                csvw.write(name, rec)
            elif c.format == "json":
                rows.append(rec)
        if c.format == "json":
            formats.write_json(out, {"documents": rows, "totals": totals.to_dict()})
        elif c.format == "table":
            from .. import render

            _print(render.corpus_table(command, totals), out)
    return int(ExitCode.PARTIAL) if failed else 0


def _warn(name: str, rec: dict) -> None:
    """«the text does not look Russian»: on stderr, as well as in the record."""
    warning = rec["source"].get("warning")
    if warning:
        sys.stderr.write(f"speechkit: warning: {name}: {warning}\n")


def _progress(results):
    """A progress line on stderr when it is a terminal (a corpus run); silent in pipes and files."""
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True, redirect_stdout=False) as bar:
        task = bar.add_task("documents", total=None)
        for item in results:
            bar.update(task, advance=1, description=str(item[0].name)[-40:])
            yield item


def _check_theme(theme: str, lexicon_path: str | None) -> None:
    from ..themes import load_lexicon

    known = list(load_lexicon(lexicon_path).themes)
    if theme not in known:
        raise UsageError(f"unknown theme {theme!r}; known themes: {', '.join(known)}")


def _write_single(command: str, rec: dict, fmt: str, out, extra: dict) -> None:
    from .. import formats

    text = rec.pop("_text", None)
    if fmt == "json" or fmt == "json-lines":
        (formats.write_json if fmt == "json" else formats.write_json_line)(out, rec)
        return
    if fmt == "csv":
        formats.CsvWriter(out, command).write(rec["source"]["name"], rec)
        return
    from .. import render

    views = {
        "themes": lambda: render.themes_table(rec),
        "numbers": lambda: render.figures_table(rec, text),
        "keywords": lambda: render.keywords_table(rec) + render.keywords_by_tables(rec),
        "summary": lambda: render.summary_table(rec),
        "tokens": lambda: render.tokens_table(rec),
        "analyze": lambda: render.analyze_view(rec),
    }
    _print(views[command](), out)


def _print(renderables: list, out) -> None:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # rich would exit 1; a reader that stops early is no error
            raise BrokenPipeError

    console = _Console(file=out, highlight=False) if out is not sys.stdout else _Console(highlight=False)
    for r in renderables:
        console.print(r)
