"""``--db`` on the commands that take files: the stored analyses instead of new ones.

A database holds each document's analysis as ``speechkit index`` made it; read back, it is
the same ``Analysis`` (``speechkit.db.rows``), so a command's records over ``--db`` are the
records it gives over the files.  FILE arguments choose stored documents by name (``*`` and
``?`` match any characters); none means every document, in the order they were indexed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import NamedTuple

from ..errors import InputError, UsageError

NEEDS_TOKENS = frozenset({"keywords", "analyze", "tokens", "summary"})


class Stored(NamedTuple):
    name: str


def check_options(c, command: str) -> None:
    """Options that shape an analysis cannot change one already stored."""
    keep = c.keep_boilerplate and command != "tokens"  # tokens lists every token anyway
    given = [opt for opt, on in (("--lexicon", c.lexicon), ("--keep-boilerplate", keep),
                                 ("--input-jsonl", c.input_jsonl)) if on]
    if given:
        raise UsageError(f"{' and '.join(given)} shape an analysis: with --db the stored ones are read "
                         f"(index again with {given[0]} to change them)")


def stored_records(command: str, c, extra: dict) -> Iterator[tuple[Stored, dict]]:
    """Each chosen document's record, as ``command`` builds it from an analysis."""
    from ..db.read import Selection, documents, load, name_patterns
    from ..db.rows import loads
    from ..db.schema import connect
    from .runner import record_for

    check_options(c, command)
    con = connect(c.db)
    selection = Selection(documents=name_patterns(c.inputs, c.db))
    chosen = sorted(documents(con, selection))  # by id: the order they were first indexed in
    if not chosen:
        con.close()
        what = f"no stored document matches {', '.join(c.inputs)}" if c.inputs else "holds no documents"
        raise InputError(f"{c.db}: {what}")
    tokens = command in NEEDS_TOKENS
    return _records(con, chosen, command, extra, tokens, record_for, load, loads)


def _records(con, chosen, command, extra, tokens, record_for, load, loads):
    try:
        for doc_id, name in chosen:
            a, doc = load(con, doc_id, tokens=tokens)
            a = _with_summary(a, command, extra)
            if command == "tokens":  # `speechkit tokens` reads the page tail as text too
                a = dataclasses.replace(a, source=dataclasses.replace(a.source, boilerplate_start=None, boilerplate=[]))
            yield Stored(name), record_for(command, a, loads(doc["meta"]), extra)
    finally:
        con.close()


def _with_summary(a, command: str, extra: dict):
    """The stored summary has the default length; another ``--sentences`` is chosen again."""
    from ..pipeline import Options, body_tokens

    n = extra.get("sentences", Options.summary_sentences)
    if command not in ("summary", "analyze") or n == Options.summary_sentences:
        return a
    from ..summary import summarize

    return dataclasses.replace(a, summary=summarize(a.text, a.sentences, body_tokens(a), a.segments, n=n,
                                                    end=a.source.boilerplate_start))
