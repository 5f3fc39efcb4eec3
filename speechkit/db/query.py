"""Questions asked of a database: lemma search with filters, and trends over time.

``search`` turns a query into an FTS5 expression over the segments' lemmas («водный ресурс»
→ ``lemmas : "водный ресурс"``), lets SQLite find and filter the segments, and cuts a
keyword-in-context line around each occurrence from the stored tokens.  ``trends`` sums the
stored theme words and lemma counts of the documents of each day, week, month or year.
"""

from __future__ import annotations

import bisect
import functools
import re
import sqlite3
from dataclasses import dataclass
from array import array
from typing import NamedTuple

from .. import regexes
from ..errors import UsageError
from ..text import has_letters, norm_word
from .read import Selection
from .rows import loads, unpack, unpack_tokens

SORTS = {  # the keys of each order of search results
    "date": ("d.date IS NULL", "d.date", "d.id", "s.idx"),
    "recent": ("d.date IS NULL", "d.date DESC", "d.id", "s.idx"),
    "rank": ("bm25(segments_fts, 0.0, 1.0)", "d.date", "d.id", "s.idx"),
}
OPERATORS = ("OR", "AND", "NOT")
_TERM = regexes.compile(r'"([^"]*)"|(\S+)')


# ---------------------------------------------------------------- the query
@dataclass(frozen=True)
class Phrase:
    """Consecutive words of the query; each matches a set of lemma keys (or, with forms, of word forms)."""

    words: tuple[frozenset[str], ...]

    def fts(self, column: str) -> str:
        """The FTS5 phrase(s): one per combination of the words' alternatives."""
        combos: list[list[str]] = [[]]
        for alts in self.words:
            combos = [c + [a] for c in combos for a in sorted(alts)]
        phrases = [f'{column} : "{" ".join(c)}"' for c in combos[:16]]
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


@dataclass(frozen=True)
class SearchQuery:
    """Alternatives (OR) of conjunctions (AND) of phrases, less the phrases after NOT."""

    alternatives: tuple[tuple[tuple[Phrase, ...], tuple[Phrase, ...]], ...]
    forms: bool = False

    def fts(self) -> str:
        column = "text" if self.forms else "lemmas"
        out = []
        for must, must_not in self.alternatives:
            expr = " AND ".join(p.fts(column) for p in must)
            if len(must) > 1 and must_not:
                expr = f"({expr})"
            for p in must_not:
                expr += f" NOT {p.fts(column)}"
            out.append(f"({expr})" if len(self.alternatives) > 1 else expr)
        return " OR ".join(out)

    def phrases(self) -> list[Phrase]:
        return [p for must, _ in self.alternatives for p in must]


def parse_search(query: str, *, forms: bool = False) -> SearchQuery:
    """A search query: runs of words are phrases; OR, AND, NOT (or ``-word``) combine them.

    >>> parse_search("водных ресурсов").fts()
    'lemmas : "водный ресурс"'
    >>> parse_search("засуха OR наводнение -Казахстан").fts()
    '(lemmas : "засуха") OR (lemmas : "наводнение" NOT lemmas : "казахстан")'
    """
    groups: list[tuple[list[str], list[str]]] = [([], [])]  # per alternative: positive and negative phrases
    words: list[str] = []
    negate = False

    def close():
        nonlocal words, negate
        if words:
            groups[-1][1 if negate else 0].append(" ".join(words))
        words, negate = [], False

    for m in _TERM.finditer(query):
        quoted, bare = m.group(1), m.group(2)
        if bare in OPERATORS:
            close()
            if bare == "OR":
                groups.append(([], []))
            negate = bare == "NOT"
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            close()
            negate = True
            bare = bare[1:]
        if quoted is not None:
            close()
            words = [quoted]
            close()
            continue
        words.append(bare)
    close()
    alternatives = []
    for must, must_not in groups:
        if not must and not must_not:
            continue
        if not must:
            raise UsageError(f"the query {query!r} only excludes words; say what to find, e.g. «вода -море»")
        alternatives.append((tuple(_phrase(p, forms) for p in must), tuple(_phrase(p, forms) for p in must_not)))
    if not alternatives:
        raise UsageError(f"the query {query!r} has no words; give a word such as «вода»")
    return SearchQuery(tuple(alternatives), forms)


def _phrase(text: str, forms: bool) -> Phrase:
    from .. import morph
    from ..kwic import parse_query

    if forms:
        found = [norm_word(t.text) for t in morph.tokenize(text) if any(ch.isalnum() for ch in t.text)]
        if not found:
            raise UsageError(f"{text!r} has no words to find")
        return Phrase(tuple(frozenset({_fts_words(w)}) for w in found))
    return Phrase(tuple(frozenset(_fts_words(k) for k in w.lemmas) for w in parse_query(text)))


@functools.lru_cache(maxsize=100_000)
def _fts_words(key: str) -> str:
    # what unicode61 makes of it: «касым-жомарт» is two tokens, a phrase of its own inside the phrase
    return key if key.isalnum() else " ".join(re.findall(r"\w+", key)) or key


# ---------------------------------------------------------------- search
def search(con: sqlite3.Connection, query: str | SearchQuery, selection: Selection = Selection(), *,
           limit: int = 50, width: int = 40, sort: str = "date",
           count: bool = False) -> tuple[list[dict], int | None]:
    """Keyword-in-context lines of the segments that match, and how many segments matched.

    The number is exact when fewer than ``limit`` segments match; past the limit it takes
    another pass over every match, made only with ``count``, else it is None.
    """
    q = parse_search(query) if isinstance(query, str) else query
    if sort not in SORTS:
        raise UsageError(f"--sort takes {', '.join(SORTS)}, not {sort!r}")
    if width < 0:
        raise UsageError(f"--width must be 0 or more, not {width}")
    dwhere, dparams = selection.document_where("d")
    swhere, sparams = selection.segment_where(con, "s")
    # The matches are ordered from the small search indexes alone (a segment's or a document's row
    # holds its text: thousands of them read only to be sorted cost 100 ms for a common word), then
    # the rows of the few shown are read.
    base = ("FROM segments_fts JOIN segments s INDEXED BY segments_search ON s.id = segments_fts.rowid "
            "JOIN documents d INDEXED BY documents_search ON d.id = s.doc_id "
            f"WHERE segments_fts MATCH ? AND {dwhere} AND {swhere}")
    params = [q.fts(), *dparams, *sparams]
    keys = [(k.removesuffix(" DESC"), " DESC" if k.endswith(" DESC") else "") for k in SORTS[sort]]
    inner = ("SELECT s.id AS id, " + ", ".join(f"{k} AS k{n}" for n, (k, _) in enumerate(keys))
             + f" {base} ORDER BY " + ", ".join(k + d for k, d in keys) + (f" LIMIT {int(limit)}" if limit else ""))
    sql = ('SELECT s.doc_id, s.idx, s.kind, s."start", s."end", s.speaker, s.theme, s.attribution_start, '
           f"s.attribution_end, d.name, d.date, s.text, s.lemmas, s.word_spans FROM ({inner}) AS hit "
           "JOIN segments s ON s.id = hit.id JOIN documents d ON d.id = s.doc_id ORDER BY "
           + ", ".join(f"hit.k{n}{d}" for n, (_, d) in enumerate(keys)))
    try:
        found = con.execute(sql, params).fetchall()
        total = None
        if limit and len(found) == limit and count:
            total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise UsageError(f"cannot search for {query!r}: {exc}") from None
    docs: dict[int, tuple] = {}
    hits: list[dict] = []
    for doc_id, idx, kind, start, end, speaker, theme, a_start, a_end, name, date, s_text, lemmas, spans in found:
        if doc_id not in docs:
            if len(docs) >= 16:  # by date, hits come grouped by document; by rank, a few at a time do
                docs.pop(next(iter(docs)))
            docs[doc_id] = _document(con, doc_id)
        text, limit_at = docs[doc_id]
        words = _segment_words(s_text, start, lemmas, spans)
        if words is None:  # a row stored before the words' offsets were (schema version 1)
            packed, skip = _document_tokens(con, doc_id)
            words = _words_from_tokens(text, packed, start, end, (a_start, a_end), skip)
        for h_start, h_end in _occurrences(q, words) or [(start, start)]:
            left, right = _context(text, h_start, h_end, width, limit_at)
            hits.append({"doc": name, "date": date, "segment": idx, "kind": kind, "speaker": speaker,
                         "theme": theme, "start": h_start, "end": h_end, "text": text[h_start:h_end],
                         "left": left, "right": right})
            if limit and len(hits) >= limit:
                return hits, _total(total, found, limit)
    return hits, _total(total, found, limit)


def _total(total: int | None, found: list, limit: int) -> int | None:
    if total is not None:
        return total
    return len(found) if not limit or len(found) < limit else None


def _document(con: sqlite3.Connection, doc_id: int) -> tuple[str, int | None]:
    """A document's text and where its page tail begins (what a KWIC line may not reach into)."""
    return con.execute("SELECT text, boilerplate_start FROM documents WHERE id = ?", (doc_id,)).fetchone()


class _Words(NamedTuple):
    """A segment's own words (its attribution and page furniture left out): their lemmas as the
    lemmas column has them (lower case, ё as е), where each stands as (offset from ``start``,
    length) pairs, and the text they are read from, which begins at ``start``."""

    lemmas: list[str]
    spans: array  # of int: offset, length, offset, length …
    text: str
    start: int

    def edges(self, k: int) -> tuple[int, int]:
        s = self.start + self.spans[2 * k]
        return s, s + self.spans[2 * k + 1]

    def form(self, k: int) -> str:
        s = self.spans[2 * k]
        return self.text[s:s + self.spans[2 * k + 1]]


def _segment_words(text: str, start: int, lemmas: str, spans: bytes | None) -> _Words | None:
    """A segment's words from its row; None for a row without offsets (schema version 1) or whose
    lemmas do not line up with them."""
    if spans is None:
        return None
    keys = lemmas.split(" ") if lemmas else []
    flat = array("i")
    flat.frombytes(spans)
    return _Words(keys, flat, text, start) if len(flat) == 2 * len(keys) else None


def _document_tokens(con: sqlite3.Connection, doc_id: int):
    row = con.execute("SELECT t.data, d.boilerplate FROM documents d LEFT JOIN tokens t ON t.doc_id = d.id "
                      "WHERE d.id = ?", (doc_id,)).fetchone()
    return (unpack(row[0]) if row[0] else None), [tuple(b) for b in loads(row[1], [])]


def _words_from_tokens(text: str, p, start: int, end: int, attribution, skip) -> _Words:
    """A segment's own words read from the document's packed tokens (rows of schema version 1)."""
    keys, spans = [], array("i")
    if p is not None:
        i = bisect.bisect_left(p.starts, start)
        j = bisect.bisect_left(p.starts, end, lo=i)
        a0, a1 = attribution if attribution[0] is not None else (-1, -1)
        for k in range(i, j):
            s, e = p.starts[k], p.ends[k]
            if a0 <= s < a1 or any(b0 <= s < b1 for b0, b1 in skip) or not has_letters(text[s:e]):
                continue
            keys.append(norm_word(p.lemmas[p.lemma_ids[k]]))
            spans.extend((s, e - s))
    return _Words(keys, spans, text, 0)


def _occurrences(q: SearchQuery, words: _Words) -> list[tuple[int, int]]:
    """Where the query's phrases stand among a segment's words: (start, end) of each run of matching
    words, overlapping runs merged.  Empty when FTS matched the segment but no run is found here (a
    word split differently): the caller then shows the segment's start.

    Segments run to hundreds of words: the first words of the phrases are looked up among the
    segment's distinct lemmas, and only where one stands is the rest of a phrase compared.
    """
    if q.forms:
        keys = [_fts_words(norm_word(words.form(k))) for k in range(len(words.lemmas))]
    else:
        keys = words.lemmas  # stored lower case with ё as е; _fts_words splits the few with a hyphen
    distinct = set(keys)
    out = []
    for phrase in q.phrases():
        first, rest = phrase.words[0], phrase.words[1:]
        found = distinct & first
        if not q.forms and any(" " in w for w in first):  # «касым-жомарт» is «касым жомарт» to FTS
            found |= {k for k in distinct if not k.isalnum() and _fts_words(k) in first}
        for key in found:
            k = -1
            while True:
                try:
                    k = keys.index(key, k + 1)  # a scan in C
                except ValueError:
                    break
                last = k + len(rest)
                if last < len(keys) and all(_fts_words(keys[k + 1 + n]) in alts for n, alts in enumerate(rest)):
                    out.append((words.edges(k)[0], words.edges(last)[1]))
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(out)):  # one line per stretch: overlapping phrases make one hit
        if kept and s < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(e, kept[-1][1]))
        else:
            kept.append((s, e))
    return kept


def _context(text: str, start: int, end: int, width: int, limit: int | None) -> tuple[str, str]:
    from ..kwic import context

    return context(text, start, end, width, limit=limit)


# ---------------------------------------------------------------- trends
BUCKETS = ("day", "week", "month", "year")


def trends(con: sqlite3.Connection, by: str = "month", selection: Selection = Selection(), *,
           themes: list[str] | None = None, lemma: str | None = None) -> dict:
    """Per bucket: documents, words, each theme's share of the segment words, and a lemma's count."""
    from ..dates import bucket, buckets_between

    if by not in BUCKETS:
        raise UsageError(f"--by takes {', '.join(BUCKETS)}, not {by!r}")
    where, params = selection.document_where("d")
    docs = con.execute(f"SELECT d.id, d.date, d.words, d.segment_words FROM documents d WHERE {where}",
                       params).fetchall()
    dated = [(i, date, w, sw) for i, date, w, sw in docs if date]
    out: dict = {"by": by, "documents": len(dated), "undated": len(docs) - len(dated), "themes": [], "buckets": []}
    if lemma is not None:
        out["lemma"] = lemma_key(lemma)
    if not dated:
        return out
    of_doc = {i: bucket(date, by) for i, date, _, _ in dated}
    names = buckets_between(min(d for _, d, _, _ in dated), max(d for _, d, _, _ in dated), by)
    rows = {b: {"bucket": b, "documents": 0, "words": 0, "segment_words": 0, "theme_words": {}} for b in names}
    for i, _, w, sw in dated:
        r = rows[of_doc[i]]
        r["documents"] += 1
        r["words"] += w
        r["segment_words"] += sw
    labels: dict[str, str] = {}
    totals: dict[str, int] = {}
    for doc_id, theme, label, words in con.execute(
            f"SELECT t.doc_id, t.theme, t.label, t.words FROM document_themes t JOIN documents d ON d.id = t.doc_id "
            f"WHERE d.date IS NOT NULL AND {where}", params):
        labels.setdefault(theme, label)
        totals[theme] = totals.get(theme, 0) + words
        tw = rows[of_doc[doc_id]]["theme_words"]
        tw[theme] = tw.get(theme, 0) + words
    known = sorted(totals, key=lambda t: (-totals[t], t))
    if themes:
        unknown = [t for t in themes if t not in totals and not _theme_exists(t)]
        if unknown:
            raise UsageError(f"unknown theme {unknown[0]!r}; themes in this database: {', '.join(known) or 'none'}")
        known = list(themes)
    out["themes"] = [{"id": t, "label": labels.get(t, t)} for t in known]
    counts: dict[int, int] = {}
    if lemma is not None:
        counts = dict(con.execute(
            f"SELECT l.doc_id, l.count FROM lemma_counts l JOIN documents d ON d.id = l.doc_id "
            f"WHERE l.lemma = ? AND d.date IS NOT NULL AND {where}", [out["lemma"], *params]))
        for doc_id, n in counts.items():
            r = rows[of_doc[doc_id]]
            r["lemma_count"] = r.get("lemma_count", 0) + n
    for b in names:
        r = rows[b]
        sw = r.pop("segment_words")
        tw = r.pop("theme_words")
        r["shares"] = {t: (round(tw.get(t, 0) / sw, 4) if sw else None) for t in known}
        if lemma is not None:
            n = r.get("lemma_count", 0)
            r["lemma_count"] = n
            r["per_million"] = round(n / r["words"] * 1e6, 1) if r["words"] else None
        out["buckets"].append(r)
    return out


def _theme_exists(theme: str) -> bool:
    from ..themes import load_lexicon

    return theme in load_lexicon(None).themes


def lemma_key(word: str) -> str:
    """The lemma key of one word, as ``lemma_counts`` stores it.

    >>> lemma_key("коридоров")
    'коридор'
    """
    from .. import morph

    words = [t for t in morph.tokenize(word) if any(ch.isalpha() for ch in t.text)]
    if len(words) != 1:
        raise UsageError(f"--lemma takes one word, not {word!r}")
    return norm_word(words[0].lemma)


# ---------------------------------------------------------------- collocates
def collocates(con: sqlite3.Connection, word: str, selection: Selection = Selection(), *, window: int = 5,
               measure: str = "logdice", min_freq: int = 2, top: int | None = 30, all_words: bool = False) -> dict:
    """The collocates of ``word`` in the chosen documents: co-occurrences from the stored tokens,
    frequencies from ``lemma_counts`` (the same counts the files would give)."""
    from .. import collocates as col
    from ..model import Span

    nodes = col.node_keys(word)
    col.rank(col.Counts(), lambda keys: {}, 1, 1, measure=measure)  # a bad measure fails before the work
    where, params = selection.document_where("d")
    marks = ", ".join("?" * len(nodes))
    total = col.Counts()
    found = con.execute(f"SELECT DISTINCT l.doc_id FROM lemma_counts l JOIN documents d ON d.id = l.doc_id "
                        f"WHERE l.lemma IN ({marks}) AND {where}", [*sorted(nodes), *params]).fetchall()
    for (doc_id,) in found:
        text, boiler, data = con.execute("SELECT d.text, d.boilerplate, t.data FROM documents d JOIN tokens t "
                                         "ON t.doc_id = d.id WHERE d.id = ?", (doc_id,)).fetchone()
        tokens, sentences = unpack_tokens(data, text)
        skip = [Span(s, e, "") for s, e in loads(boiler, [])]
        total.merge(col.count(tokens, sentences, skip, nodes, window, all_words=all_words, frequencies=False))

    def frequency(keys) -> dict[str, int]:
        keys = list(keys)
        out: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            out.update(con.execute(
                f"SELECT l.lemma, sum(l.count) FROM lemma_counts l JOIN documents d ON d.id = l.doc_id "
                f"WHERE l.lemma IN ({', '.join('?' * len(part))}) AND {where} GROUP BY l.lemma", [*part, *params]))
        return out

    words = con.execute(f"SELECT coalesce(sum(d.words), 0), count(*) FROM documents d WHERE {where}", params).fetchone()
    ranked = col.rank(total, frequency, total.node, words[0], measure=measure, min_freq=min_freq, top=top)
    return collocates_record(word, nodes, window, measure, total.node, words[0], words[1], ranked)


def collocates_record(word: str, nodes, window: int, measure: str, node: int, words: int, documents: int,
                      ranked) -> dict:
    from dataclasses import asdict

    return {"node": word, "lemmas": sorted(nodes), "window": window, "measure": measure, "node_frequency": node,
            "corpus_words": words, "documents": documents, "collocates": [asdict(c) for c in ranked]}
