"""The ``speechkit`` command: parse options, read the input, call the library, render.

Only this module knows typer.  Library errors become one line on stderr and an
``ExitCode``; anything else is a bug, shown with its traceback under
``--debug`` or ``SPEECHKIT_DEBUG=1``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import ExitCode, SpeechkitError, UsageError

app = typer.Typer(
    add_completion=True,  # main() builds the two completion options only when they can be wanted
    rich_markup_mode=None,
    help="Dissect Russian political speeches and news: quotes and speakers, themes, figures, keywords, summaries.\n\n"
         "With no FILE typed at a terminal, every command analyses the bundled seed speech; "
         "piped text (or - ) is read from stdin, and an empty pipe is an empty text (exit 4).",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        sys.stdout.write(f"speechkit {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(data_dir: Annotated[Optional[Path], typer.Option(
        "--data-dir", envvar="SPEECHKIT_DATA_DIR", show_envvar=True,
        help="A folder of your own data files (stopwords.txt, speech_verbs.txt, roles.txt, themes.toml, "
             "boilerplate.txt …) that replace the packaged ones of the same name.")] = None,
        version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                              help="Print speechkit's version and exit.")] = False,
          max_bytes: Annotated[Optional[str], typer.Option(
        "--max-bytes", envvar="SPEECHKIT_MAX_BYTES", show_envvar=True, metavar="SIZE",
        help="The most bytes read from one input (a file, stdin, one JSON line): 500000, 300M, 1G. "
             "A larger input is refused with exit 3. [default: 200M]")] = None) -> None:
    if data_dir is not None:
        if not data_dir.is_dir():
            fail(f"{data_dir}: --data-dir is not a folder", ExitCode.USAGE)
        os.environ["SPEECHKIT_DATA_DIR"] = str(data_dir)  # worker processes inherit it
    if max_bytes is not None:
        from .source import MAX_BYTES_ENV, parse_size

        try:
            os.environ[MAX_BYTES_ENV] = str(parse_size(max_bytes))  # read where inputs are read, in workers too
        except UsageError as exc:
            fail(str(exc), ExitCode.USAGE)


# ---------------------------------------------------------------- shared options
Inputs = Annotated[Optional[list[str]], typer.Argument(
    help="Files, folders (searched recursively), or - for stdin. None: stdin when piped, the seed speech "
         "when typed at a terminal.",
    show_default=False)]
Json = Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")]
JsonLines = Annotated[bool, typer.Option("--json-lines", "--jsonl", help="One JSON object per document, streamed.")]
Csv = Annotated[bool, typer.Option("--csv", help="CSV, one row per item, with the document id.")]
Tsv = Annotated[bool, typer.Option("--tsv", help="Like --csv, tab-separated (to paste into a spreadsheet or AntConc).")]
Output = Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file (atomically) instead of stdout.")]
Lexicon = Annotated[Optional[Path], typer.Option("--lexicon", help="Theme lexicon TOML to use (extend = true merges it into the built-in one).")]
KeepBoiler = Annotated[bool, typer.Option("--keep-boilerplate", help="Analyse the page tail (tags, related headlines) too.")]
Glob = Annotated[str, typer.Option("--glob", help="File pattern inside folders.")]
InputJsonl = Annotated[bool, typer.Option("--input-jsonl", help="Inputs are JSON lines, one document per line.")]
TextField = Annotated[str, typer.Option("--text-field", help="JSON-lines field holding the text.")]
IdField = Annotated[Optional[str], typer.Option("--id-field", help="JSON-lines field holding the document id.")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for a corpus run.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")]
DbPath = Annotated[Optional[Path], typer.Option("--db", help="Read the analyses stored by `speechkit index` in this database instead of analysing files; FILE arguments then choose documents by name.")]


class Common:
    """The options every analysis command shares."""

    def __init__(self, *, inputs, json, json_lines, csv, tsv, output, lexicon, keep_boilerplate, glob,
                 input_jsonl, text_field, id_field, workers, debug, db=None) -> None:
        self.inputs = inputs or []
        self.db = str(db) if db else None
        self.format = _format(json, json_lines, csv, tsv)
        self.output = output
        self.lexicon = str(lexicon) if lexicon else None
        self.keep_boilerplate = keep_boilerplate
        self.glob = glob
        self.input_jsonl = input_jsonl
        self.text_field = text_field
        self.id_field = id_field
        self.workers = workers
        self.debug = debug or bool(os.environ.get("SPEECHKIT_DEBUG"))


def _format(json: bool, json_lines: bool = False, csv: bool = False, tsv: bool = False) -> str:
    chosen = [n for n, on in (("json", json), ("json-lines", json_lines), ("csv", csv), ("tsv", tsv)) if on]
    if len(chosen) > 1:
        raise UsageError(f"choose one output format, not {' and '.join('--' + c for c in chosen)}")
    return chosen[0] if chosen else "table"


def _common(**kw) -> Common:
    return guarded(kw.get("debug", False), Common, **kw)  # --json --csv is a usage error, one line


# ---------------------------------------------------------------- error handling
def fail(message: str, code: ExitCode) -> None:
    sys.stderr.write(f"speechkit: error: {message}\n")
    raise typer.Exit(int(code))


def guarded(debug_flag: bool, fn, *args, **kwargs):
    """Run a command body, mapping errors, Ctrl-C and closed pipes to exit codes."""
    try:
        return fn(*args, **kwargs)
    except SpeechkitError as exc:
        if debug_flag:
            raise
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("speechkit: interrupted\n")
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(int(ExitCode.OK))
    except typer.Exit:
        raise
    except Exception as exc:  # a bug: one line unless --debug
        if _during_ctrl_c(exc):  # cleaning up after Ctrl-C failed half-way (a lock, a pool): still Ctrl-C
            sys.stderr.write("speechkit: interrupted\n")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        if debug_flag:
            raise
        fail(f"unexpected {type(exc).__name__}: {exc} (run with --debug for the traceback)", ExitCode.FAILURE)


def _during_ctrl_c(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while a KeyboardInterrupt was unwinding."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__context__
    return False


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so Python's exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# ---------------------------------------------------------------- commands
# Help texts end with examples; "\b" keeps click from re-flowing the lines after it.
@app.command()
def themes(inputs: Inputs = None, json: Json = False, json_lines: JsonLines = False, csv: Csv = False,
           tsv: Tsv = False, output: Output = None, lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False,
           glob: Glob = "*.txt", input_jsonl: InputJsonl = False, text_field: TextField = "text",
           id_field: IdField = None, workers: Workers = 1, db: DbPath = None, debug: Debug = False) -> None:
    """Split a speech into quote, turn and narrative segments with speakers and themes.

    \b
    Examples:
      speechkit themes speech.txt
      speechkit themes speech.txt --json | jq '.segments[] | select(.kind=="quote") | .speaker'
      speechkit themes speeches/ --csv -o segments.csv
      cat speech.txt | speechkit themes
    """
    c = _common(**locals())
    guarded(c.debug, _run, "themes", c)


@app.command()
def numbers(inputs: Inputs = None, theme: Annotated[Optional[str], typer.Option("--theme", help="Only figures in segments of this theme (its id).")] = None,
            unit: Annotated[Optional[str], typer.Option("--unit", help="Only figures in this unit (тонна, %, доллар …; any form of the word).")] = None,
            json: Json = False, json_lines: JsonLines = False, csv: Csv = False, tsv: Tsv = False,
            output: Output = None, lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False,
            glob: Glob = "*.txt", input_jsonl: InputJsonl = False, text_field: TextField = "text",
            id_field: IdField = None, workers: Workers = 1, db: DbPath = None, debug: Debug = False) -> None:
    """Every figure the speech states: value, unit, qualifier, kind, theme, speaker.

    \b
    Examples:
      speechkit numbers speech.txt
      speechkit numbers speech.txt --theme transport
      speechkit numbers speech.txt --json | jq '.figures[] | select(.kind=="percent")'
      speechkit numbers speeches/ --tsv -o figures.tsv
    """
    c = _common(**{k: v for k, v in locals().items() if k not in ("theme", "unit")})
    guarded(c.debug, _run, "numbers", c, theme=theme, unit=_unit(unit) if unit else None)


def _unit(unit: str) -> str:
    """«тонн», «тоннах» → тонна: units are stored as lemmas; «%» and «$» stay as they are."""
    from .morph import lemma

    return unit if not any(ch.isalpha() for ch in unit) else lemma(unit.strip()).lower()


@app.command()
def keywords(inputs: Inputs = None,
             top: Annotated[int, typer.Option("--top", min=1, help="How many keywords (per document, per group and in the corpus totals).")] = 30,
             by: Annotated[Optional[str], typer.Option("--by", help="Also a list per 'theme' or per 'speaker'.")] = None,
             ngrams: Annotated[int, typer.Option("--ngrams", min=1, max=3, help="1 for lemmas, 2 or 3 for multi-word terms.")] = 1,
             pos: Annotated[Optional[str], typer.Option("--pos", help="Parts of speech to keep: noun, adj, verb, adv (or OpenCorpora tags), comma-separated.")] = None,
             rank: Annotated[str, typer.Option("--rank", help="Order by 'count'; 'keyness' (G² ≥ 6.63 first, by the conservative log ratio); 'g2'; or 'log_ratio'.")] = "count",
             keep_speech_verbs: Annotated[bool, typer.Option("--keep-speech-verbs", help="Count speech verbs (сказать, заявить …) too.")] = False,
             keep_names: Annotated[bool, typer.Option("--keep-names", help="Count the speakers' own names too.")] = False,
             json: Json = False, json_lines: JsonLines = False, csv: Csv = False, tsv: Tsv = False,
             output: Output = None, lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False,
             glob: Glob = "*.txt", input_jsonl: InputJsonl = False, text_field: TextField = "text",
             id_field: IdField = None, workers: Workers = 1, db: DbPath = None, debug: Debug = False) -> None:
    """Top lemmas and multi-word terms, with keyness against general Russian.

    Over several documents the totals are exact: every document's full counts are summed.

    \b
    Examples:
      speechkit keywords speech.txt --top 20
      speechkit keywords speech.txt --rank keyness --pos noun,adj
      speechkit keywords speech.txt --ngrams 2 --by speaker
      speechkit keywords speeches/ --json | jq '.totals.keywords[:10]'
    """
    extra = dict(top=top, by=by, ngrams=ngrams, pos=pos, rank=rank, keep_speech_verbs=keep_speech_verbs,
                 keep_names=keep_names)
    c = _common(**{k: v for k, v in locals().items() if k not in extra and k != "extra"})
    guarded(c.debug, _run, "keywords", c, **extra)


@app.command()
def summary(inputs: Inputs = None,
            sentences: Annotated[int, typer.Option("--sentences", "-n", min=1, help="Sentences in the summary.")] = 4,
            by: Annotated[Optional[str], typer.Option("--by", help="'theme': one or two sentences per theme, with its key figure.")] = None,
            json: Json = False, json_lines: JsonLines = False, csv: Csv = False, tsv: Tsv = False,
            output: Output = None, lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False,
            glob: Glob = "*.txt", input_jsonl: InputJsonl = False, text_field: TextField = "text",
            id_field: IdField = None, workers: Workers = 1, db: DbPath = None, debug: Debug = False) -> None:
    """The 3–5 sentences that carry the speech (extractive), or one per theme.

    \b
    Examples:
      speechkit summary speech.txt -n 3
      speechkit summary speech.txt --by theme
      speechkit summary speech.txt --by theme --csv -o summary.csv
    """
    extra = dict(sentences=sentences, by=by)
    c = _common(**{k: v for k, v in locals().items() if k not in extra and k != "extra"})
    guarded(c.debug, _run, "summary", c, **extra)


@app.command()
def analyze(inputs: Inputs = None, json: Json = False, json_lines: JsonLines = False, csv: Csv = False,
            tsv: Tsv = False, output: Output = None, lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False,
            glob: Glob = "*.txt", input_jsonl: InputJsonl = False, text_field: TextField = "text",
            id_field: IdField = None, workers: Workers = 1, db: DbPath = None, debug: Debug = False) -> None:
    """The whole picture: source, speakers, themes, segments, keywords, figures, summary.

    \b
    Examples:
      speechkit analyze speech.txt
      speechkit analyze speech.txt --json > speech.json
      cat scraped.jsonl | speechkit analyze --input-jsonl --text-field body --workers 2 --json-lines
    """
    c = _common(**locals())
    guarded(c.debug, _run, "analyze", c)


@app.command()
def speakers(inputs: Inputs = None,
             everyone: Annotated[bool, typer.Option("--all", help="Also the people and bodies only mentioned, not quoted.")] = False,
             json: Json = False, json_lines: JsonLines = False, csv: Csv = False, tsv: Tsv = False,
             output: Output = None, lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False,
             glob: Glob = "*.txt", input_jsonl: InputJsonl = False, text_field: TextField = "text",
             id_field: IdField = None, workers: Workers = 1, db: DbPath = None, debug: Debug = False) -> None:
    """Who speaks: each person, body and group quoted, with roles, quotes, turns, fragments, words, themes, figures.

    Over several documents a speaker is one row, merged by canonical name («Касым-Жомарт Токаев»).

    \b
    Examples:
      speechkit speakers speech.txt
      speechkit speakers speeches/ --csv -o speakers.csv
      speechkit speakers speech.txt --json | jq '.speakers[] | select(.quotes > 0) | .name'
      speechkit speakers --db speeches.db --all
    """
    c = _common(**{k: v for k, v in locals().items() if k != "everyone"})
    guarded(c.debug, _run, "speakers", c, everyone=everyone)


@app.command()
def tokens(inputs: Inputs = None, json: Json = False, json_lines: JsonLines = False, csv: Csv = False,
           tsv: Tsv = False, output: Output = None, glob: Glob = "*.txt", input_jsonl: InputJsonl = False,
           text_field: TextField = "text", id_field: IdField = None, workers: Workers = 1,
           db: DbPath = None, debug: Debug = False) -> None:
    """Every token with its offsets, lemma and part of speech.

    \b
    Examples:
      speechkit tokens speech.txt
      speechkit tokens speech.txt --tsv | cut -f 4 | sort | uniq -c | sort -rn | head
    """
    c = _common(lexicon=None, keep_boilerplate=True, **locals())
    guarded(c.debug, _run, "tokens", c)


@app.command()
def lexicon(inputs: Inputs = None, lexicon: Lexicon = None, json: Json = False,
            theme: Annotated[Optional[str], typer.Option("--theme", help="Show only this theme's entries.")] = None,
            debug: Debug = False) -> None:
    """Show the themes and their entries; with a FILE, which entries matched and what stayed without a theme.

    \b
    Examples:
      speechkit lexicon
      speechkit lexicon speech.txt --theme climate
      speechkit lexicon speech.txt --lexicon my.toml --json
    """
    from .commands.lexicon_cmd import run_lexicon

    guarded(debug, run_lexicon, inputs or [], str(lexicon) if lexicon else None, json, theme)


@app.command()
def kwic(query: Annotated[str, typer.Argument(help="The word or phrase to find, by lemma (any form finds every form); "
                                                   "with --regex, a regular expression over the words as written.",
                                              show_default=False)],
         inputs: Inputs = None,
         width: Annotated[int, typer.Option("--width", min=1, help="Characters of context on each side, at most "
                                                                  "(a terminal line is never wider than the terminal).")] = 40,
         related: Annotated[bool, typer.Option("--related", help="Also match derived lemmas (каспий → каспийский).")] = False,
         regex: Annotated[bool, typer.Option("--regex", help="QUERY is a regular expression matched, case-insensitively, "
                                                             "over whole words as written: 'каспи\\w*'.")] = False,
         sort: Annotated[str, typer.Option("--sort", help="Order of the lines: 'text' (as they come), 'left' (by the "
                                                          "words before the hit, nearest first), 'right' (by the words "
                                                          "after it) or 'hit'.")] = "text",
         json: Json = False,
         json_lines: Annotated[bool, typer.Option("--json-lines", "--jsonl", help="One JSON object per hit.")] = False,
         csv: Annotated[bool, typer.Option("--csv", help="CSV, one row per hit, with the document id.")] = False,
         tsv: Annotated[bool, typer.Option("--tsv", help="Like --csv, tab-separated (AntConc, spreadsheets).")] = False,
         output: Output = None, lexicon: Lexicon = None, glob: Glob = "*.txt", db: DbPath = None,
         debug: Debug = False) -> None:
    """Keyword in context: every hit of QUERY in the FILEs, with its theme and speaker. Exits 1 when nothing is found (as grep).

    The query comes first, as in grep.

    \b
    Examples:
      speechkit kwic каспий speech.txt
      speechkit kwic "искусственный интеллект" speeches/ --sort right
      speechkit kwic каспий speech.txt --related --json-lines
      speechkit kwic --regex 'транс\\w+' speech.txt --tsv -o kwic.tsv
    """
    from .commands.kwic_cmd import run_kwic

    fmt = guarded(debug, _format, json, json_lines, csv, tsv)
    code = guarded(debug, run_kwic, inputs or [], query, width=width, related=related, regex=regex, sort=sort,
                   fmt=fmt, output=output, glob=glob, lexicon=str(lexicon) if lexicon else None,
                   db=str(db) if db else None)
    if code:
        raise typer.Exit(int(code))


@app.command()
def compare(a: Annotated[str, typer.Argument(help="First speech (file or folder).")],
            b: Annotated[str, typer.Argument(help="Second speech (file or folder).")],
            top: Annotated[int, typer.Option("--top", min=1, help="Distinctive words per side.")] = 15,
            json: Json = False,
            json_lines: Annotated[bool, typer.Option("--json-lines", "--jsonl", help="The comparison as one JSON line.")] = False,
            csv: Annotated[bool, typer.Option("--csv", help="CSV, one row per theme, word, figure and speaker ('section' says which).")] = False,
            tsv: Annotated[bool, typer.Option("--tsv", help="Like --csv, tab-separated.")] = False,
            output: Output = None, lexicon: Lexicon = None, glob: Glob = "*.txt", debug: Debug = False) -> None:
    """Two speeches side by side: theme shares, distinctive words, figures in only one, speakers.

    \b
    Examples:
      speechkit compare 2023.txt 2024.txt
      speechkit compare speeches/2023/ speeches/2024/ --top 20
      speechkit compare a.txt b.txt --csv -o comparison.csv
    """
    from .commands.compare_cmd import run_compare

    fmt = guarded(debug, _format, json, json_lines, csv, tsv)
    guarded(debug, run_compare, a, b, fmt=fmt, output=output, top=top, glob=glob,
            lexicon=str(lexicon) if lexicon else None)


@app.command()
def report(inputs: Inputs = None,
           output: Annotated[Path, typer.Option("-o", "--output", help="HTML file, or a folder for several documents.")] = Path("report.html"),
           lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False, glob: Glob = "*.txt",
           input_jsonl: InputJsonl = False, text_field: TextField = "text", id_field: IdField = None,
           force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file that is not a speechkit report.")] = False,
           db: DbPath = None, debug: Debug = False) -> None:
    """A self-contained HTML report (inline CSS and SVG); a folder in gives a site with an index.

    It says on stderr where it wrote, and overwrites only an earlier speechkit report unless --force.

    \b
    Examples:
      speechkit report speech.txt -o speech.html
      speechkit report speeches/ -o site/
    """
    from .commands.report_cmd import run_report

    done = guarded(debug, run_report, inputs or [], str(output), lexicon=str(lexicon) if lexicon else None,
                   keep_boilerplate=keep_boilerplate, glob=glob, jsonl=input_jsonl, text_field=text_field,
                   id_field=id_field, force=force, db=str(db) if db else None)
    if done:
        sys.stderr.write(f"speechkit: {done}\n")


# ---------------------------------------------------------------- a corpus in a database
DbRequired = Annotated[Path, typer.Option("--db", help="The database (made by `speechkit index`).", show_default=False)]
Since = Annotated[Optional[str], typer.Option("--since", help="Documents dated on or after: 2024, 2024-01 or 2024-01-15.")]
Until = Annotated[Optional[str], typer.Option("--until", help="Documents dated on or before: 2024, 2024-06 or 2024-06-30.")]
Doc = Annotated[Optional[list[str]], typer.Option("--doc", help="Only this document (its name or path; * and ? match any). Repeatable.")]


@app.command()
def index(inputs: Inputs = None, db: DbRequired = ...,
          date_field: Annotated[str, typer.Option("--date-field", help="JSON-lines field holding the document's date (else the file name's date, else the text's dateline).")] = "date",
          prune: Annotated[bool, typer.Option("--prune", help="Delete stored documents that are not among the inputs any more.")] = False,
          force: Annotated[bool, typer.Option("--force", help="Analyse every document again, changed or not.")] = False,
          batch: Annotated[int, typer.Option("--batch", min=1, help="Documents written per transaction: an interrupted run loses at most one batch.")] = 200,
          json: Annotated[bool, typer.Option("--json", help="The run's counts as JSON on stdout.")] = False,
          lexicon: Lexicon = None, keep_boilerplate: KeepBoiler = False, glob: Glob = "*.txt",
          input_jsonl: InputJsonl = False, text_field: TextField = "text", id_field: IdField = None,
          workers: Workers = 1, debug: Debug = False) -> None:
    """Analyse files or JSON lines into an SQLite database; a re-run analyses only new or changed documents.

    \b
    Examples:
      speechkit index speeches/ --db speeches.db
      cat feed.jsonl | speechkit index --input-jsonl --text-field body --date-field published --db speeches.db
      speechkit index speeches/ --db speeches.db --prune --workers 2
    """
    from .commands.index_cmd import run_index

    code = guarded(debug, run_index, inputs or [], str(db), glob=glob, jsonl=input_jsonl, text_field=text_field,
                   id_field=id_field, date_field=date_field or None, lexicon=str(lexicon) if lexicon else None,
                   keep_boilerplate=keep_boilerplate, workers=workers, prune=prune, force=force, batch=batch, as_json=json,
                   debug=debug or bool(os.environ.get("SPEECHKIT_DEBUG")))
    if code:
        raise typer.Exit(int(code))


@app.command()
def search(query: Annotated[str, typer.Argument(help="Words to find by lemma («водный ресурс» finds «водных ресурсов»); OR, NOT, -word.", show_default=False)],
           db: DbRequired = ...,
           speaker: Annotated[Optional[str], typer.Option("--speaker", help="Only what this speaker said (part of the name: Токаев).")] = None,
           kind: Annotated[Optional[list[str]], typer.Option("--kind", help="Only segments of this kind: quote, turn, fragment, narrative. Repeatable.")] = None,
           theme: Annotated[Optional[list[str]], typer.Option("--theme", help="Only segments of this theme. Repeatable.")] = None,
           since: Since = None, until: Until = None, doc: Doc = None,
           forms: Annotated[bool, typer.Option("--forms", help="Match the words as written, not their lemmas.")] = False,
           limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many hits (0: all).")] = 50,
           width: Annotated[int, typer.Option("--width", min=0, help="Characters of context on each side.")] = 40,
           sort: Annotated[str, typer.Option("--sort", help="'date' (oldest first), 'recent' (newest first) or 'rank' (best match first).")] = "date",
           json: Json = False, json_lines: JsonLines = False, csv: Csv = False, tsv: Tsv = False,
           output: Output = None, debug: Debug = False) -> None:
    """Full-text search of the stored segments by lemma, with filters; every hit a line in context.

    \b
    Examples:
      speechkit search "водный ресурс" --db speeches.db
      speechkit search экспорт --db speeches.db --speaker Токаев --kind quote --since 2024-01
      speechkit search зерно --db speeches.db --theme finance --json | jq '.hits[].speaker'
    """
    from .commands.search_cmd import run_search

    fmt = guarded(debug, _format, json, json_lines, csv, tsv)
    guarded(debug, run_search, str(db), query, speaker=speaker, kind=kind or [], theme=theme or [], since=since,
            until=until, docs=doc or [], forms=forms, limit=limit, width=width, sort=sort, fmt=fmt,
            output=output)


@app.command()
def trends(db: DbRequired = ...,
           by: Annotated[str, typer.Option("--by", help="Bucket: day, week, month or year.")] = "month",
           theme: Annotated[Optional[list[str]], typer.Option("--theme", help="Only this theme's share. Repeatable.")] = None,
           lemma: Annotated[Optional[str], typer.Option("--lemma", help="Count this word (any form) per bucket, and per million words.")] = None,
           since: Since = None, until: Until = None, doc: Doc = None,
           json: Json = False, csv: Csv = False, tsv: Tsv = False, output: Output = None,
           debug: Debug = False) -> None:
    """Theme shares (and a word's frequency) per day, week, month or year, with documents per bucket.

    \b
    Examples:
      speechkit trends --db speeches.db --by month
      speechkit trends --db speeches.db --by week --lemma коридор --csv
    """
    from .commands.trends_cmd import run_trends

    fmt = guarded(debug, _format, json, False, csv, tsv)
    guarded(debug, run_trends, str(db), by=by, themes=theme or [], lemma=lemma, since=since, until=until,
            docs=doc or [], fmt=fmt, output=output)


@app.command()
def collocates(args: Annotated[list[str], typer.Argument(help="WORD [FILE…]: the word whose neighbours to rank, then files or folders (none with --db).", show_default=False)],
               db: DbPath = None,
               window: Annotated[int, typer.Option("--window", min=1, max=20, help="Words on each side.")] = 5,
               measure: Annotated[str, typer.Option("--measure", help="Rank by 'logdice', 'mi' or 'tscore' (README: Collocates).")] = "logdice",
               min_freq: Annotated[int, typer.Option("--min-freq", min=1, help="Least co-occurrences a collocate needs.")] = 2,
               top: Annotated[int, typer.Option("--top", min=1, help="How many collocates.")] = 30,
               all_words: Annotated[bool, typer.Option("--all-words", help="Count function words (и, в, что …) as collocates too.")] = False,
               since: Since = None, until: Until = None, doc: Doc = None,
               json: Json = False, csv: Csv = False, tsv: Tsv = False, output: Output = None,
               lexicon: Lexicon = None,
               keep_boilerplate: KeepBoiler = False, glob: Glob = "*.txt", input_jsonl: InputJsonl = False,
               text_field: TextField = "text", id_field: IdField = None, workers: Workers = 1,
               debug: Debug = False) -> None:
    """Words that keep company with a word: counted in a window around it, ranked by log-Dice, MI or t-score.

    \b
    Examples:
      speechkit collocates коридор speeches/
      speechkit collocates коридор --db speeches.db --window 3 --measure mi
    """
    from .commands.collocates_cmd import run_collocates

    fmt = guarded(debug, _format, json, False, csv, tsv)
    node, *inputs = args
    guarded(debug, run_collocates, node, inputs, db=str(db) if db else None, window=window, measure=measure,
            min_freq=min_freq, top=top, all_words=all_words, since=since, until=until, docs=doc or [], fmt=fmt,
            output=output, lexicon=str(lexicon) if lexicon else None, keep_boilerplate=keep_boilerplate,
            glob=glob, jsonl=input_jsonl, text_field=text_field, id_field=id_field, workers=workers)


# ---------------------------------------------------------------- the shared runner
def _run(command: str, c: Common, **extra) -> None:
    from .commands.runner import run_command

    code = run_command(command, c, **extra)
    if code:
        raise typer.Exit(int(code))


def _only_the_command_asked_for(args: list[str]) -> None:
    """Keep only the subcommand named on the command line, as click's lazy groups do.

    typer turns every registered command into a click command on each start (9 ms
    for ten, a twentieth of `speechkit themes` on a page) though one runs. The
    name is the first argument that is not an option or the value of ``--data-dir`` or ``--max-bytes``;
    with none (``speechkit --help``) or an unknown one, every command stays, so
    help and "No such command" read as ever.
    """
    name = _command_named(args)
    named = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
    if named:
        app.registered_commands[:] = named


def _command_named(args: list[str]) -> str | None:
    """The first argument that is not an option or the value of ``--data-dir`` or ``--max-bytes``: the subcommand."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 2 if args[i] in ("--data-dir", "--max-bytes") else 1  # the callback's options with a value
    return args[i] if i < len(args) else None


def _wants_completion(args: list[str]) -> bool:
    """Whether this run can use ``--install-completion`` / ``--show-completion`` (typer's shell completion).

    Building the two options costs about a millisecond on every start, so they are there only for
    ``speechkit`` with no command (``speechkit --help`` lists them), those options themselves, and
    the shell's own completion calls (``_SPEECHKIT_COMPLETE`` set).
    """
    if "_SPEECHKIT_COMPLETE" in os.environ:
        return True
    return _command_named(args) is None or any(a.split("=")[0] in ("--install-completion", "--show-completion")
                                               for a in args)


# Collections of the youngest generation every 50,000 new objects instead of 700: a run makes
# millions of short-lived, acyclic records (tokens, readings), which reference counting frees; the
# cycle search found nothing in them and cost 7% of `speechkit themes` on a page. Output is the same
# (tests/test_gc.py); only cyclic garbage waits a little longer.
GC_THRESHOLD = (50_000, 20, 20)


def main() -> None:
    """Console-script entry point: one run per process (the library and ``app`` are for the rest)."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)  # corpus workers are forked from this process: they inherit it
    commands = list(app.registered_commands)
    try:
        _only_the_command_asked_for(sys.argv[1:])
        app._add_completion = _wants_completion(sys.argv[1:])
        app(prog_name="speechkit")
    except KeyboardInterrupt:
        sys.stderr.write("speechkit: interrupted\n")
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(int(ExitCode.OK))
    finally:
        app.registered_commands[:] = commands
        app._add_completion = True
        # The run is over: its objects (the dictionary, caches, records) are only to be freed.
        # Frozen, they are left out of the collections the interpreter makes on its way out,
        # which otherwise cost 25 ms, a seventh of `speechkit themes` on a page. Memory is freed
        # as ever; only the final cycle search is skipped.
        gc.freeze()
