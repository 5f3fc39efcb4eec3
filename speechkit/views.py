"""What each command reports, as plain JSON-ready data (no rich, no I/O).

The same record goes to ``--json``, to one line of ``--json-lines`` and, in a
corpus run, back from a worker process; tables are drawn from it too.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .model import Analysis, to_dict
from .text import count_words


def source_record(a: Analysis, meta: dict | None = None) -> dict[str, Any]:
    s = a.source
    rec = {"name": s.name, "chars": s.chars, "encoding": s.encoding,
           "boilerplate_start": s.boilerplate_start,
           "boilerplate": [{"start": b.start, "end": b.end} for b in s.boilerplate]}
    if s.language_warning:
        rec["warning"] = s.language_warning
    if s.warnings:
        rec["warnings"] = list(s.warnings)  # repairs made in reading (bytes not UTF-8 …), then the language
    if meta:
        rec["meta"] = meta
    return rec


def segments_record(a: Analysis) -> list[dict]:
    return [to_dict(s) for s in a.segments]


def themes_record(a: Analysis) -> list[dict]:
    return [asdict(t) for t in a.themes]


def figures_record(a: Analysis, theme: str | None = None, unit: str | None = None) -> list[dict]:
    return [to_dict(f) for f in a.figures if (theme is None or f.theme == theme) and (unit is None or f.unit == unit)]


def keywords_record(a: Analysis, top: int | None = 30) -> list[dict]:
    kws = a.keywords if top is None else a.keywords[:top]
    return [to_dict(k) for k in kws]


def speakers_record(a: Analysis, details: bool = False) -> list[dict]:
    """Every participant; with ``details`` (the ``speakers`` command) also what each said: quotes, turns
    and fragments, words quoted, the themes of their words and the figures they state."""
    out = [to_dict(sp) for sp in a.speakers]
    if not details:
        return out
    by_index = {s.index: s for s in a.segments}
    figures: dict[str, list[int]] = {}
    for f in a.figures:
        if f.speaker_id:
            figures.setdefault(f.speaker_id, []).append(f.index)
    for rec, sp in zip(out, a.speakers):
        own = [by_index[i] for i in sp.segments if i in by_index]
        rec["quotes"] = sum(1 for s in own if s.kind == "quote")
        rec["turns"] = sum(1 for s in own if s.kind == "turn")
        rec["fragments"] = sum(1 for s in own if s.kind == "fragment")
        themes: dict[str, int] = {}
        for s in own:
            if s.theme:
                themes[s.theme] = themes.get(s.theme, 0) + count_words(s.text)
        rec["themes"] = dict(sorted(themes.items(), key=lambda kv: -kv[1]))  # theme -> words said on it
        rec["figures"] = figures.get(sp.id, [])
    return out


def summary_record(a: Analysis) -> list[dict]:
    return [to_dict(s) for s in a.summary]


def record(command: str, a: Analysis, meta: dict | None = None, **opts: Any) -> dict[str, Any]:
    """The JSON object of one command for one document."""
    rec: dict[str, Any] = {"source": source_record(a, meta)}
    if command in ("themes", "analyze"):
        rec["segments"] = segments_record(a)
        rec["speakers"] = speakers_record(a)
        rec["themes"] = themes_record(a)
        rec["quoted_names"] = [to_dict(n) for n in a.quoted_names]
    if command == "speakers":
        rec["speakers"] = speakers_record(a, details=True)
    if command in ("numbers", "analyze"):
        rec["figures"] = figures_record(a, opts.get("theme"), opts.get("unit"))
    if command in ("keywords", "analyze"):
        rec["keywords"] = opts["keywords"] if "keywords" in opts else keywords_record(a, opts.get("top", 30))
        if "keywords_by" in opts:
            rec["keywords_by"] = opts["keywords_by"]  # --by theme|speaker: one list per group
    if command in ("summary", "analyze"):
        rec["summary"] = summary_record(a)
        if "by_theme" in opts:
            rec["by_theme"] = opts["by_theme"]
            rec["key_figures"] = opts.get("key_figures", {})  # theme id -> its key figure
    if command == "tokens":
        rec["tokens"] = [{"start": t.start, "end": t.end, "text": t.text, "lemma": t.lemma, "pos": t.pos}
                         for t in a.tokens]
    return rec


class CorpusTotals:
    """Per-document rows and totals of a corpus run, kept small: records are not held.

    Keyword totals are exact: each document sends the count of every lemma it
    counted (``counts``, not its top list), and the run keeps one entry per
    lemma (count, documents) and the words; keyness is computed over the sums.
    """

    def __init__(self, command: str, *, top: int = 30, rank: str = "count", ngrams: int = 1,
                 keep_rows: bool = True) -> None:
        self.command = command
        self.keep_rows = keep_rows  # a row per document is for a table; --json keeps only the sums
        self.top = top
        self.rank = rank
        self.ngrams = ngrams
        self.rows: list[dict[str, Any]] = []
        self.documents = 0
        self.theme_words: dict[str, float] = {}
        self.words = 0
        self.keywords = _LemmaTotals()
        self.keywords_by: dict[str, _LemmaTotals] = {}
        self.speakers = SpeakerTotals()

    def add(self, name: str, rec: dict[str, Any], counts: dict[str, Any] | None = None) -> None:
        self.documents += 1
        row: dict[str, Any] = {"document": name}
        segments = rec.get("segments", [])
        if segments:
            row["segments"] = len(segments)
            row["speech"] = sum(1 for s in segments if s["kind"] in ("quote", "turn"))
        if "themes" in rec:
            words = sum(len(s["text"].split()) for s in segments)
            self.words += words
            row["themes"] = {th["id"]: th["share"] for th in rec["themes"]}
            for tid, share in row["themes"].items():
                self.theme_words[tid] = self.theme_words.get(tid, 0) + share * words
        if counts:
            self.keywords.add(counts)
            for group, part in counts.get("by", {}).items():
                self.keywords_by.setdefault(group, _LemmaTotals()).add(part)
        for sp in rec.get("speakers", []) if self.command == "speakers" else ():
            self.speakers.add(sp)
        key = {"numbers": "figures", "keywords": "keywords", "summary": "summary", "tokens": "tokens",
               "speakers": "speakers"}.get(self.command)
        if key:
            row["items"] = len(rec.get(key, []))
        if self.keep_rows:
            self.rows.append(row)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents}
        if self.words:
            out["theme_shares"] = {tid: round(w / self.words, 4) for tid, w in
                                   sorted(self.theme_words.items(), key=lambda kv: -kv[1])}
        if self.keywords.lemmas:
            out["keywords_ranked_by"] = self.rank
            out["keywords"] = self.keywords.ranked(self.top, self.rank, self.ngrams)
        if self.keywords_by:
            out["keywords_by"] = {g: t.ranked(self.top, self.rank, self.ngrams) for g, t in self.keywords_by.items()}
        if self.speakers.people:
            out["speakers"] = self.speakers.ranked()
        return out


class SpeakerTotals:
    """Speakers over a corpus, merged by canonical name: «Касым-Жомарт Токаев» of every document is one.

    One entry per name (what it said, in how many documents) — never the records.
    """

    FIELDS = ("quotes", "turns", "fragments", "words")
    MAX_ROLES = 5

    def __init__(self) -> None:
        self.people: dict[str, dict[str, Any]] = {}

    def add(self, sp: dict[str, Any]) -> None:
        entry = self.people.get(sp["name"])
        if entry is None:
            entry = self.people[sp["name"]] = {"name": sp["name"], "kind": sp["kind"], "roles": [], "documents": 0,
                                               **{k: 0 for k in self.FIELDS}, "figures": 0, "themes": {}}
        entry["documents"] += 1
        for k in self.FIELDS:
            entry[k] += sp.get(k, 0)
        entry["figures"] += len(sp.get("figures", []))
        for role in sp.get("roles", []):
            if role not in entry["roles"] and len(entry["roles"]) < self.MAX_ROLES:
                entry["roles"].append(role)
        for tid, words in sp.get("themes", {}).items():
            entry["themes"][tid] = entry["themes"].get(tid, 0) + words

    def ranked(self) -> list[dict[str, Any]]:
        """Who said most first; those only mentioned last."""
        out = sorted(self.people.values(), key=lambda e: (-e["words"], -e["documents"], e["name"]))
        for e in out:
            e["themes"] = dict(sorted(e["themes"].items(), key=lambda kv: -kv[1]))
        return out


class _LemmaTotals:
    """Every lemma's count and document frequency over a corpus, and its words."""

    def __init__(self) -> None:
        self.words = 0
        self.lemmas: dict[str, list] = {}  # key -> [display, count, documents]

    def add(self, counts: dict[str, Any]) -> None:
        """``counts``: {"words": n, "lemmas": {key: (display, count)}} of one document (or one group in it)."""
        self.words += counts["words"]
        for key, (display, n) in counts["lemmas"].items():
            entry = self.lemmas.get(key)
            if entry is None:
                self.lemmas[key] = [display, n, 1]
            else:
                entry[1] += n
                entry[2] += 1

    def ranked(self, top: int, rank: str, ngrams: int) -> list[dict[str, Any]]:
        from .keywords import rank_counts

        kws = rank_counts({k: (d, n) for k, (d, n, _) in self.lemmas.items()}, self.words, top=top,
                          ngrams=ngrams, rank_by=rank)
        documents = {d: docs for d, _, docs in self.lemmas.values()}  # one display form per key
        out = []
        for k in kws:
            out.append({"lemma": k.lemma, "count": k.count, "documents": documents[k.lemma], "share": k.share,
                        "keyness": k.keyness, "log_ratio": k.log_ratio,
                        "conservative_log_ratio": k.conservative_log_ratio, "ref_per_million": k.ref_per_million})
        return out
