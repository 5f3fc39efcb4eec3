"""``speechkit report``: one HTML page for a speech, or a folder of pages with an index.

One document and an output that is not a folder: that one page.  Several
documents, or an output that is an existing folder or ends in ``/``: a page
per document (``<name>.html``) and ``index.html`` with the theme shares of
each, sorted by date when the documents carry one (``meta["date"]``).

An existing file is overwritten only when it is a speechkit report (its
``<meta name="generator">`` says so) or with ``force``; a place that cannot be
written (a read-only file system, a folder without permission) is an input
error naming the path and the reason.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from .. import regexes
from ..corpus import Failed, iter_documents
from ..errors import ExitCode, InputError, SpeechkitError, UsageError
from ..pipeline import Options, analyze
from .output import open_output


class PartialFailure(SpeechkitError):
    """Some documents could not be read; the others were written."""

    exit_code = ExitCode.PARTIAL


class _Failure(SpeechkitError):
    def __init__(self, failed: Failed) -> None:
        super().__init__(failed.message)
        self.exit_code = failed.exit_code


def run_report(inputs: list[str], output: str, *, lexicon: str | None = None, keep_boilerplate: bool = False,
               glob: str = "*.txt", jsonl: bool = False, text_field: str = "text",
               id_field: str | None = None, force: bool = False, db: str | None = None) -> str:
    """Write the report of ``inputs`` to ``output`` (a .html file, or a folder for several documents).

    Returns what was written, for the command to tell («wrote report.html»).
    """
    from .. import report

    if db:  # a database's documents, and a trends page
        from .report_db import report_from_db

        return report_from_db(db, inputs, output, lexicon=lexicon)

    if not output:
        raise UsageError("give the report a file or folder name with -o, e.g. -o report.html")
    target = Path(output)
    as_folder = target.is_dir() or output.endswith(("/", os.sep))
    options = Options(lexicon=lexicon, keep_boilerplate=keep_boilerplate, keywords=False)  # it counts its own
    docs = iter_documents(inputs, glob=glob, jsonl=jsonl, text_field=text_field, id_field=id_field)
    first = next(docs, None)
    second = next(docs, None)
    if first is None:
        raise InputError("no documents to report on")
    if second is None and not as_folder:
        if isinstance(first, Failed):
            raise _Failure(first)
        _may_overwrite(target, force)
        a = analyze(first.text, options, name=first.name, encoding=first.encoding)
        page = report.render_page(a, meta=first.meta, lexicon=lexicon)
        with open_output(target) as out:
            out.write(page)
        return f"wrote {target}"
    if target.suffix.lower() in (".html", ".htm") and not target.is_dir():
        raise UsageError(f"{output}: several documents make several pages; give a folder, e.g. -o site/")
    if target.exists() and not target.is_dir():
        raise InputError(f"{output}: exists and is not a folder")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{target}: cannot create the folder ({exc.strerror or exc})") from None
    _may_overwrite(target / "index.html", force)
    entries, failed, used = [], [], {"index"}
    for doc in (d for d in (first, second) if d is not None):
        _one(doc, target, options, lexicon, entries, failed, used, force)
    for doc in docs:
        _one(doc, target, options, lexicon, entries, failed, used, force)
    from ..report_index import render_index

    index = render_index(entries, lexicon=lexicon, title=_folder_title(inputs),
                                failed=[(f.name, f.message) for f in failed])
    with open_output(target / "index.html") as out:
        out.write(index)
    if failed:
        names = ", ".join(f.name for f in failed[:3]) + (" …" if len(failed) > 3 else "")
        raise PartialFailure(f"{len(failed)} of {len(failed) + len(entries)} documents left out ({names}); "
                             f"the others are in {target / 'index.html'}")
    return f"wrote {target / 'index.html'} and {len(entries)} page{'s' if len(entries) != 1 else ''}"


def _may_overwrite(path: Path, force: bool) -> None:
    """Refuse to replace a file that is not a speechkit report (unless ``force``) or is not a file at all."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise InputError(f"{path}: cannot write, {path.parent} is not a folder") from None
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    import stat

    if stat.S_ISDIR(st.st_mode):
        return  # open_output says «is a directory»
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{path}: exists and is not a regular file; give another -o")
    if not force and not is_report(path):
        raise UsageError(f"{path}: exists and is not a speechkit report; give --force to overwrite it, "
                         "or another -o")


GENERATOR_MARK = regexes.compile(rb'<meta name="generator" content="speechkit[ "]|<footer>Made by speechkit\b')


def is_report(path: Path) -> bool:
    """Whether ``path`` holds a page ``speechkit report`` wrote (its generator meta, or the footer of older pages)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            fh.seek(max(0, os.fstat(fh.fileno()).st_size - 4096))
            tail = fh.read(4096)
    except OSError:
        return False
    return bool(GENERATOR_MARK.search(head) or GENERATOR_MARK.search(tail))


def _one(doc, target: Path, options: Options, lexicon: str | None, entries: list, failed: list,
         used: set[str], force: bool = False) -> None:
    from .. import report

    if isinstance(doc, Failed):
        failed.append(doc)
        return
    try:
        a = analyze(doc.text, options, name=doc.name, encoding=doc.encoding)
    except SpeechkitError as exc:
        failed.append(Failed(doc.name, str(exc), exc.exit_code))
        return
    href = page_name(doc.name, used)
    _may_overwrite(target / href, force)
    with open_output(target / href) as out:
        out.write(report.render_page(a, meta=doc.meta, lexicon=lexicon, index_href="index.html"))
    from ..report_index import index_entry

    entries.append(index_entry(a, href, doc.meta))


def page_name(name: str, used: set[str]) -> str:
    """A file name for a document's page, unique within the folder.

    >>> used = {"index"}
    >>> page_name("speeches/2024/Токаев в Шуше.txt", used), page_name("other/Токаев в Шуше.txt", used)
    ('Токаев-в-Шуше.html', 'Токаев-в-Шуше-2.html')
    >>> page_name("<stdin>:3", used)
    'stdin-3.html'
    """
    stem = Path(name.replace("\\", "/")).name
    stem = re.sub(r"\.(txt|text|md|html?)$", "", stem, flags=re.I)
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "document"
    stem = stem[:80]
    base, n = stem, 1
    while stem.lower() in used:
        n += 1
        stem = f"{base}-{n}"
    used.add(stem.lower())
    return f"{stem}.html"


def _folder_title(inputs: list[str]) -> str:
    if len(inputs) == 1:
        return f"Speeches: {Path(inputs[0]).name or inputs[0]}"
    return "Speeches"
