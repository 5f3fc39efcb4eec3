"""One analysed document as the rows of the database's tables, and back.

``document_rows`` is pure: it runs in the worker process that analysed the document (the
one writer only inserts), and the Parquet export of ``speechkit.db.parquet`` writes the same
rows.  ``analysis_from_rows`` turns stored rows back into the ``Analysis`` that ``analyze``
gave, field for field, so every command reads a database as it would have read the files.

Every stored span is its ``start``/``end``; texts are slices of the document's text, so
``text == source[start:end]`` holds for what is read back as for what was analysed.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from array import array
from itertools import accumulate
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import (Analysis, Figure, QuotedName, Segment, SourceInfo, Span, Speaker, SummarySentence, ThemeSummary,
                     Token)
from ..text import count_words, has_letters, norm_word, outside

PACK_FORMAT = 2  # of the tokens blob
INT64 = (-(1 << 63), (1 << 63) - 1)


def content_hash(text: str) -> str:
    """The sha256 of a text as read: equal texts, equal hashes, whatever the file's encoding."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def dumps(obj: Any) -> str | None:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) if obj not in (None, [], {}, ()) else None


def loads(s: str | None, default: Any = None) -> Any:
    return json.loads(s) if s else default


def title_of(text: str, name: str, meta: dict | None) -> str:
    """The document's title: ``meta["title"]``, a short first line, or its name."""
    if meta and isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"].strip()
    first = text.strip().split("\n", 1)[0].strip()
    return first if first and len(first) <= 160 else name


@dataclass(slots=True)
class DocumentRows:
    """What one document adds to each table; ``doc_id`` and speaker ids are given by the writer."""

    document: dict[str, Any]
    segments: list[dict[str, Any]]
    themes: list[tuple]
    figures: list[dict[str, Any]]
    summaries: list[tuple]
    lemma_counts: list[tuple[str, int]]
    speakers: list[dict[str, Any]]
    tokens: bytes
    token_count: int
    meta: dict | None = field(default=None)


# ---------------------------------------------------------------- tokens, packed
def pack_tokens(tokens: list[Token], sentences: list[Span]) -> bytes:
    """Tokens and sentences as one compressed blob.

    A format byte, the JSON list ``[lemmas, parts of speech, tokens, sentences]`` (the two
    vocabularies of the document and the counts), a NUL, then 32-bit integers: per token the gap
    after the previous one, its length, its lemma's and its POS's number; per sentence a gap
    and a length.  Read back in microseconds: no JSON numbers to parse.
    """
    lemmas: dict[str, int] = {}
    poses: dict[str | None, int] = {}
    flat = array("i")
    prev = 0
    for t in tokens:
        flat.extend((t.start - prev, t.end - t.start, lemmas.setdefault(t.lemma, len(lemmas)),
                     poses.setdefault(t.pos, len(poses))))
        prev = t.end
    prev = 0
    for s in sentences:
        flat.extend((s.start - prev, s.end - s.start))
        prev = s.end
    head = json.dumps([list(lemmas), list(poses), len(tokens), len(sentences)], ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")
    return zlib.compress(bytes([PACK_FORMAT]) + head + b"\0" + flat.tobytes(), 6)


@dataclass(frozen=True, slots=True)
class Packed:
    """A document's tokens as arrays: offsets, lemma and POS numbers, and the two vocabularies."""

    starts: list[int]
    ends: list[int]
    lemma_ids: array  # of int
    pos_ids: array
    lemmas: list[str]
    poses: list[str | None]
    sentences: list[tuple[int, int]]


def unpack(blob: bytes) -> Packed:
    raw = zlib.decompress(blob)
    if raw[0] != PACK_FORMAT:
        raise ValueError(f"tokens packed in format {raw[0]}, not {PACK_FORMAT}")
    cut = raw.index(b"\0", 1)
    lemmas, poses, n, m = json.loads(raw[1:cut])
    flat = array("i")
    flat.frombytes(raw[cut + 1 :])
    both = array("i", bytes(8 * n))
    both[0::2], both[1::2] = flat[0 : 4 * n : 4], flat[1 : 4 * n : 4]  # gap, length, gap, length …
    edges = list(accumulate(both))  # start, end, start, end …
    starts, ends = edges[0::2], edges[1::2]
    tail = array("i", bytes(8 * m))
    tail[0::2], tail[1::2] = flat[4 * n :: 2], flat[4 * n + 1 :: 2]
    bounds = list(accumulate(tail))
    sentences = list(zip(bounds[0::2], bounds[1::2]))
    return Packed(starts, ends, flat[2 : 4 * n : 4], flat[3 : 4 * n : 4], lemmas, poses, sentences)


def unpack_tokens(blob: bytes, text: str) -> tuple[list[Token], list[Span]]:
    """The tokens and sentences of ``pack_tokens``, their texts sliced from ``text``."""
    p = unpack(blob)
    lemmas, poses = p.lemmas, p.poses
    tokens = [Token(s, e, text[s:e], lemmas[li], poses[pi])
              for s, e, li, pi in zip(p.starts, p.ends, p.lemma_ids, p.pos_ids)]
    return tokens, [Span(s, e, text[s:e]) for s, e in p.sentences]


# ---------------------------------------------------------------- an analysis to rows
def _number(v):
    """A figure's value as SQLite stores it (an integer past 64 bits is kept as a float)."""
    if isinstance(v, int) and not isinstance(v, bool) and not INT64[0] <= v <= INT64[1]:
        return float(v)
    return v


def segment_words(tokens: list[Token], seg: Segment, skip: list[Span]) -> list[Token]:
    """The word tokens of a segment that are its own: less its attribution and any page furniture."""
    import bisect

    i = bisect.bisect_left(tokens, seg.start, key=lambda t: t.start)
    j = bisect.bisect_left(tokens, seg.end, lo=i, key=lambda t: t.start)
    mine = tokens[i:j]
    attr = seg.attribution
    if attr:
        mine = [t for t in mine if not attr.start <= t.start < attr.end]
    if skip:
        mine = outside(mine, skip)
    return [t for t in mine if has_letters(t.text)]


def search_columns(words: list[Token], start: int) -> dict[str, Any]:
    """What search reads of a segment's own words: their lemmas, space-separated (what FTS matches),
    and where each stands (``pack_spans``), so a hit is placed from the segment's row alone."""
    return {"lemmas": " ".join(norm_word(t.lemma) for t in words),
            "word_spans": pack_spans([(t.start - start, t.end - t.start) for t in words])}


def pack_spans(spans: list[tuple[int, int]]) -> bytes:
    """(offset, length) pairs as 32-bit integers (``speechkit.db.query`` reads them back).

    >>> array("i", pack_spans([(0, 3), (4, 5)])).tolist()
    [0, 3, 4, 5]
    """
    return array("i", [v for pair in spans for v in pair]).tobytes()


def document_rows(a: Analysis, *, name: str, meta: dict | None = None, date: str | None = None,
                  date_source: str | None = None, analysis_version: str = "") -> DocumentRows:
    """The rows of every table for one analysed document (pure: runs in a worker process)."""
    body = outside(a.tokens, a.source.boilerplate)
    words = [t for t in body if has_letters(t.text)]
    seg_words = [count_words(s.text) for s in a.segments]
    total = sum(seg_words)
    skip = a.source.boilerplate
    document = {
        "name": name, "content_hash": content_hash(a.text), "analysis_version": analysis_version,
        "date": date, "date_source": date_source, "title": title_of(a.text, name, meta),
        "meta": dumps(meta), "chars": a.source.chars, "words": len(words), "segment_words": total,
        "encoding": a.source.encoding, "boilerplate_start": a.source.boilerplate_start,
        "boilerplate": dumps([[b.start, b.end] for b in a.source.boilerplate]),
        "quoted_names": dumps([[q.start, q.end] for q in a.quoted_names]),
        "warnings": dumps(a.warnings), "text": a.text,
    }
    segments = []
    for s, n in zip(a.segments, seg_words):
        attr = s.attribution
        segments.append({
            "idx": s.index, "kind": s.kind, "start": s.start, "end": s.end, "speaker": s.speaker,
            "local_speaker": s.speaker_id, "theme": s.theme, "score": s.scores.get(s.theme) if s.theme else None,
            "attribution_start": attr.start if attr else None, "attribution_end": attr.end if attr else None,
            "scores": dumps(s.scores), "evidence": dumps(s.evidence), "flags": dumps(list(s.flags)),
            "words": n, "text": s.text, **search_columns(segment_words(a.tokens, s, skip), s.start),
        })
    themes = [(t.id, k, t.label, t.segments, t.share, round(t.share * total), dumps(t.top_lemmas)) for k, t in enumerate(a.themes)]
    figures = []
    for f in a.figures:
        figures.append({
            "idx": f.index, "start": f.start, "end": f.end, "text": f.text, "value": _number(f.value),
            "low": _number(f.low), "high": _number(f.high), "unit": f.unit, "kind": f.kind,
            "qualifier": f.qualifier, "change": f.change, "segment": f.segment, "theme": f.theme,
            "speaker": f.speaker, "local_speaker": f.speaker_id,
            "sentence_start": f.sentence.start if f.sentence else None,
            "sentence_end": f.sentence.end if f.sentence else None, "flags": dumps(list(f.flags)),
        })
    summaries = [(k, s.start, s.end, s.segment, s.theme, s.speaker, s.score) for k, s in enumerate(a.summary)]
    lemma_counts = sorted(Counter(norm_word(t.lemma) for t in words).items())
    return DocumentRows(document, segments, themes, figures, summaries, lemma_counts,
                        speaker_rows(a, seg_words), pack_tokens(a.tokens, a.sentences), len(a.tokens), meta)


def speaker_rows(a: Analysis, seg_words: list[int]) -> list[dict[str, Any]]:
    """One row per participant, merged by canonical name; a name only segments carry gets a row too."""
    rows: dict[str, dict[str, Any]] = {}
    for sp in a.speakers:
        row = rows.get(sp.name)
        if row is None:
            rows[sp.name] = {"name": sp.name, "local_id": sp.id, "kind": sp.kind, "gender": sp.gender,
                             "roles": list(sp.roles), "mentions": len(sp.mentions),
                             "mention_spans": [[m.start, m.end] for m in sp.mentions],
                             "segments": list(sp.segments), "words": sp.words, "speaker": sp}
        else:  # two participants of one name: one row, as across documents
            row["roles"] += [r for r in sp.roles if r not in row["roles"]]
            row["mentions"] += len(sp.mentions)
            row["mention_spans"] += [[m.start, m.end] for m in sp.mentions]
            row["segments"] += list(sp.segments)
            row["words"] += sp.words
            row.setdefault("more", []).append(sp)
    for s, n in zip(a.segments, seg_words):
        if s.speaker and s.speaker not in rows:
            rows[s.speaker] = {"name": s.speaker, "local_id": None, "kind": None, "gender": None, "roles": [],
                               "mentions": 0, "mention_spans": [], "segments": [], "words": 0}
        if s.speaker and rows[s.speaker]["local_id"] is None:
            rows[s.speaker]["segments"].append(s.index)
            rows[s.speaker]["words"] += n if s.kind != "narrative" else 0
    for row in rows.values():
        row.pop("speaker", None)
        row.pop("more", None)
    return list(rows.values())


# ---------------------------------------------------------------- rows back to an analysis
def analysis_from_rows(doc: dict[str, Any], segments: list[dict], themes: list[dict], figures: list[dict],
                       summaries: list[dict], speakers: list[dict], blob: bytes | None) -> Analysis:
    """The ``Analysis`` that made these rows (keywords are not stored: the commands count their own)."""
    text = doc["text"]

    def span(s, e):
        return Span(s, e, text[s:e])

    boiler = [span(s, e) for s, e in loads(doc["boilerplate"], [])]
    source = SourceInfo(doc["name"], doc["chars"], doc["encoding"], doc["boilerplate_start"], boiler,
                        (loads(doc["warnings"], []) or [None])[0])
    local = {r["speaker_id"]: r["local_id"] for r in speakers}
    segs = []
    for r in segments:
        attr = span(r["attribution_start"], r["attribution_end"]) if r["attribution_start"] is not None else None
        segs.append(Segment(r["idx"], r["kind"], r["start"], r["end"], text[r["start"]:r["end"]], r["speaker"],
                            attr, r["theme"], loads(r["scores"], {}), loads(r["evidence"], {}),
                            tuple(loads(r["flags"], [])), local.get(r["speaker_id"])))
    figs = []
    for r in figures:
        sent = span(r["sentence_start"], r["sentence_end"]) if r["sentence_start"] is not None else None
        figs.append(Figure(r["idx"], text[r["start"]:r["end"]], r["start"], r["end"], r["value"], r["unit"], r["kind"],
                           r["qualifier"], r["low"], r["high"], r["change"], r["segment"], r["theme"], r["speaker"],
                           sent, tuple(loads(r["flags"], [])), local.get(r["speaker_id"])))
    ths = [ThemeSummary(r["theme"], r["label"], r["segments"], r["share"], loads(r["top_lemmas"], [])) for r in themes]
    summary = [SummarySentence(r["start"], r["end"], text[r["start"]:r["end"]], r["segment"], r["theme"],
                               r["speaker"], r["score"]) for r in summaries]
    people = [Speaker(r["local_id"], r["name"], r["kind"], r["gender"], loads(r["roles"], []),
                      [span(s, e) for s, e in loads(r["mention_spans"], [])], loads(r["segments"], []), r["words"])
              for r in speakers if r["local_id"] is not None]
    people.sort(key=lambda sp: _local_order(sp.id))
    tokens, sentences = unpack_tokens(blob, text) if blob is not None else ([], [])
    names = [QuotedName(s, e, text[s:e]) for s, e in loads(doc["quoted_names"], [])]
    return Analysis(source=source, text=text, segments=segs, themes=ths, figures=figs, quoted_names=names,
                    sentences=sentences, tokens=tokens, keywords=[], summary=summary,
                    warnings=loads(doc["warnings"], []), speakers=people)


def _local_order(local_id: str) -> tuple:
    digits = "".join(ch for ch in local_id if ch.isdigit())
    return (int(digits) if digits else 0, local_id)
