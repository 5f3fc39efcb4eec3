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

from ..errors import UsageError
from ..text import has_letters, norm_word
from .read import Selection
from .rows import loads, unpack, unpack_tokens

SORTS = {
    "date": "d.date IS NULL, d.date, d.id, s.idx",
    "recent": "d.date IS NULL, d.date DESC, d.id, s.idx",
    "rank": "bm25(segments_fts, 0.0, 1.0), d.date, d.id, s.idx",
}
OPERATORS = ("OR", "AND", "NOT")
_TERM = re.compile(r'"([^"]*)"|(\S+)')


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


def _lemma_numbers(lemmas: list[str], keys: frozenset[str]) -> set[int]:
    """The numbers of a document's lemmas that have one of these keys.

    A key is looked up as written, capitalised and in capitals («токаев», «Токаев», «МИД»); only
    when none is there (a lemma with ё) is the whole vocabulary compared.
    """
    found = set()
    for v in {v for k in keys for v in (k, k.capitalize(), k.upper())}:
        try:
            found.add(lemmas.index(v))  # a scan in C: no dict of the whole vocabulary for a few keys
        except ValueError:
            pass
    if found and all(k.isalpha() for k in keys):
        return found
    return {n for n, lem in enumerate(lemmas) if _lemma_key(lem) in keys}


@functools.lru_cache(maxsize=200_000)
def _lemma_key(lemma: str) -> str:
    """A stored lemma as the lemmas column has it (lemmas are Zipfian: the cache answers most)."""
    return _fts_words(norm_word(lemma))


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
    base = (f"FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid JOIN documents d ON d.id = s.doc_id "
            f"WHERE segments_fts MATCH ? AND {dwhere} AND {swhere}")
    params = [q.fts(), *dparams, *sparams]
    sql = (f'SELECT s.doc_id, s.idx, s.kind, s."start", s."end", s.speaker, s.theme, s.attribution_start, '
           f"s.attribution_end, d.name, d.date {base} ORDER BY {SORTS[sort]}")
    if limit:
        sql += f" LIMIT {int(limit)}"
    try:
        found = con.execute(sql, params).fetchall()
        total = None
        if limit and len(found) == limit and count:
            total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise UsageError(f"cannot search for {query!r}: {exc}") from None
    docs: dict[int, tuple] = {}
    hits: list[dict] = []
    for doc_id, idx, kind, start, end, speaker, theme, a_start, a_end, name, date in found:
        if doc_id not in docs:
            if len(docs) >= 16:  # by date, hits come grouped by document; by rank, a few at a time do
                docs.pop(next(iter(docs)))
            docs[doc_id] = _document(con, doc_id)
        text, packed, skip, limit_at = docs[doc_id]
        for h_start, h_end in _occurrences(q, text, packed, start, end, (a_start, a_end), skip):
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


def _document(con: sqlite3.Connection, doc_id: int):
    text, boiler, tail = con.execute("SELECT text, boilerplate, boilerplate_start FROM documents WHERE id = ?",
                                     (doc_id,)).fetchone()
    row = con.execute("SELECT data FROM tokens WHERE doc_id = ?", (doc_id,)).fetchone()
    packed = unpack(row[0]) if row else None
    return text, packed, [tuple(b) for b in loads(boiler, [])], tail


def _occurrences(q: SearchQuery, text: str, p, start: int, end: int, attribution, skip) -> list[tuple[int, int]]:
    """Where the query's phrases stand in one segment: (start, end) of each run of matching words.

    The words are the segment's own, as stored for search (``rows.segment_words``): its
    attribution and any page furniture left out.  Only tokens whose lemma (or form) can begin a
    phrase are looked at closely: a segment of a hundred words costs a few comparisons.
    """
    if p is None:
        return [(start, start)]
    i = bisect.bisect_left(p.starts, start)
    j = bisect.bisect_left(p.starts, end, lo=i)
    a0, a1 = attribution if attribution[0] is not None else (-1, -1)
    starts, ends, ids = p.starts, p.ends, p.lemma_ids

    def key(k: int) -> str:
        return _fts_words(norm_word(text[starts[k]:ends[k]])) if q.forms else _lemma_key(p.lemmas[ids[k]])

    def word(k: int) -> bool:
        s = starts[k]
        return not (a0 <= s < a1 or any(b0 <= s < b1 for b0, b1 in skip)) and has_letters(text[s:ends[k]])

    firsts = frozenset().union(*(ph.words[0] for ph in q.phrases()))
    if not q.forms:
        can = _lemma_numbers(p.lemmas, firsts)
    out = []
    for k in range(i, j):
        if (ids[k] not in can if not q.forms else key(k) not in firsts) or not word(k):
            continue
        for phrase in q.phrases():
            if key(k) not in phrase.words[0]:
                continue
            last, m, ok = k, k, True
            for alts in phrase.words[1:]:  # the next words, punctuation skipped
                m += 1
                while m < j and not word(m):
                    m += 1
                if m >= j or key(m) not in alts:
                    ok = False
                    break
                last = m
            if ok:
                out.append((starts[k], ends[last]))
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(out)):  # one line per stretch: overlapping phrases make one hit
        if kept and s < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(e, kept[-1][1]))
        else:
            kept.append((s, e))
    return kept or [(start, start)]  # matched by FTS but not placed here (a word split differently): the start


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
