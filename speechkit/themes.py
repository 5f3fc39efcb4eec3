"""Theme lexicons (TOML data) and scoring passages against them.

A lexicon is data a user can read and tune: weighted lemmas and multi-word
expressions (lemma sequences) per theme.  A passage's score for a theme is
the weight it matched per 100 words, with short passages measured as if they
had ``MIN_WORDS`` words so that one lucky word does not decide a one-line turn.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass

from .datacheck import error, key_line, load_toml, source_of
from .datafiles import read_text, read_user_file
from .errors import LexiconError
from .model import Token, Tokens
from .text import has_letters, norm_word

MIN_WORDS = 25
THRESHOLD = 3.0  # matched weight per 100 words below which a passage has no theme
MIN_WEIGHT = 1.5  # and the least total weight that can decide a theme


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label: str
    lemmas: dict[str, float]
    phrases: dict[tuple[str, ...], float]
    short: str = ""  # what a table shows: «Транспорт» for «Транспорт и логистика»; the label if not given


@dataclass(frozen=True)
class Lexicon:
    themes: dict[str, Theme]
    source: str

    @functools.cached_property
    def by_lemma(self) -> dict[str, list[tuple[str, float]]]:
        index: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for theme in self.themes.values():
            for lemma, w in theme.lemmas.items():
                index[lemma].append((theme.id, w))
        return dict(index)

    @functools.cached_property
    def by_first(self) -> dict[str, list[tuple[tuple[str, ...], str, float]]]:
        index: dict[str, list] = defaultdict(list)
        for theme in self.themes.values():
            for phrase, w in theme.phrases.items():
                index[phrase[0]].append((phrase, theme.id, w))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        return dict(index)


def _parse(raw: str, source: str) -> dict:
    return load_toml(raw, source)


def _build(data: dict, source: str, raw: str = "") -> dict[str, Theme]:
    themes = data.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise LexiconError(f"{source}: no [themes.<id>] tables found")
    out = {}
    for tid, body in themes.items():
        where = f"{source}: [themes.{tid}]"
        if not isinstance(body, dict):
            raise LexiconError(f"{where} must be a table")
        lemmas = body.get("lemmas", {})
        phrases = body.get("phrases", {})
        if not isinstance(lemmas, dict) or not isinstance(phrases, dict):
            raise LexiconError(f"{where}: 'lemmas' and 'phrases' must be tables of \"entry\" = weight")
        for part, table in (("lemmas", lemmas), ("phrases", phrases)):
            for key, w in table.items():
                # the line is looked up only for an error: finding it costs a search of the whole file
                if not norm_word(key).split():  # «"" = 1»: an entry of no word would match nothing, or crash
                    raise error(source, key_line(raw, key, f"themes.{tid}.{part}"),
                                f"[themes.{tid}.{part}] has an empty key {key!r}: "
                                "write the lemma or phrase it stands for")
                if isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 < w <= 10:
                    raise error(source, key_line(raw, key, f"themes.{tid}.{part}"),
                                f"[themes.{tid}.{part}] weight of {key!r} must be a number "
                                f"in (0, 10], got {w!r}"[:300])
        if not lemmas and not phrases:
            raise LexiconError(f"{where} has no entries")
        label = body.get("label", tid)
        if not isinstance(label, str):
            raise LexiconError(f"{where}: label must be a string")
        short = body.get("short", label)
        if not isinstance(short, str) or not short.strip():
            raise LexiconError(f"{where}: short must be a non-empty string (the label a table shows)")
        out[tid] = Theme(
            tid, label,
            {norm_word(k.strip()): float(w) for k, w in lemmas.items()},
            {tuple(norm_word(k).split()): float(w) for k, w in phrases.items()},
            short.strip(),
        )
    return out


@functools.cache
def load_lexicon(path: str | None = None) -> Lexicon:
    """The packaged lexicon, or a user's file (``extend = true`` at its top merges into ours)."""
    builtin_raw = read_text("themes.toml")
    where = source_of("themes.toml")
    builtin = _build(_parse(builtin_raw, where), where, builtin_raw)
    if path is None:
        return Lexicon(builtin, "builtin")
    raw = read_user_file(path, "lexicon")
    data = _parse(raw, path)
    user = _build(data, path, raw)
    if data.get("extend") is True:
        merged = dict(builtin)
        for tid, theme in user.items():
            if tid in merged:
                old = merged[tid]
                relabelled = theme.label != tid
                theme = Theme(tid, theme.label if relabelled else old.label,
                              {**old.lemmas, **theme.lemmas}, {**old.phrases, **theme.phrases},
                              theme.short if relabelled else old.short)
            merged[tid] = theme
        return Lexicon(merged, f"builtin+{path}")
    return Lexicon(user, path)


def short_labels(path: str | None = None) -> dict[str, str]:
    """Theme id → the short label tables show (``short`` in the lexicon, else its ``label``)."""
    return {tid: t.short or t.label for tid, t in load_lexicon(path).themes.items()}


@dataclass(frozen=True, slots=True)
class ThemeScore:
    scores: dict[str, float]
    evidence: dict[str, list[str]]
    best: str | None
    matched: Counter  # (theme, entry) -> count
    words: int


def is_word(tok: Token) -> bool:
    return tok.pos is not None or has_letters(tok.text)


def score_tokens(tokens: list[Token], lexicon: Lexicon) -> ThemeScore:
    """Scores per theme for one passage's tokens, with the entries that matched."""
    # (norm_word inline: this runs over every token of the text)
    if isinstance(tokens, Tokens):  # a long text's columns: no record made for each token
        src = tokens.source
        lemmas = [lemma.lower().replace("ё", "е") for lemma, pos, s, e in zip(tokens.lemmas, tokens.pos, tokens.starts,
                                                                               tokens.ends)
                  if pos is not None or has_letters(src[s:e])]
    else:
        lemmas = [t.lemma.lower().replace("ё", "е") for t in tokens if t.pos is not None or has_letters(t.text)]
    matched: Counter = Counter()
    weight: Counter = Counter()
    by_first, by_lemma = lexicon.by_first, lexicon.by_lemma
    free = 0  # a matched phrase consumes its words
    # only the lemmas some entry starts with are looked at, in text order
    for i in [i for i, lem in enumerate(lemmas) if lem in by_first or lem in by_lemma]:
        if i < free:
            continue
        lem = lemmas[i]
        free = i + 1
        for phrase, tid, w in by_first.get(lem, ()):
            if tuple(lemmas[i : i + len(phrase)]) == phrase:
                matched[(tid, " ".join(phrase))] += 1
                weight[tid] += w
                free = i + len(phrase)
                break
        else:
            for tid, w in by_lemma.get(lem, ()):
                matched[(tid, lem)] += 1
                weight[tid] += w
    n = max(len(lemmas), MIN_WORDS)
    scores = {tid: round(100 * weight[tid] / n, 2) for tid in lexicon.themes if weight[tid]}
    evidence: dict[str, list[str]] = {}
    for (tid, entry), c in sorted(matched.items(), key=lambda kv: (-kv[1], kv[0][1])):
        evidence.setdefault(tid, []).append(entry)
    best = None
    if scores:
        tid = max(scores, key=lambda t: (scores[t], weight[t]))
        if scores[tid] >= THRESHOLD and weight[tid] >= MIN_WEIGHT:
            best = tid
    return ThemeScore(scores, evidence, best, matched, len(lemmas))


def top_entries(matched: Counter, theme: str, k: int = 5) -> list[str]:
    counts = Counter({entry: c for (tid, entry), c in matched.items() if tid == theme})
    return [e for e, _ in counts.most_common(k)]
