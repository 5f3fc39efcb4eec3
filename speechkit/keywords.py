"""Keywords: content lemmas and multi-word terms, counted and scored against general Russian.

Each lemma's keyness against the reference (G2, the log ratio and its conservative lower bound) is
computed as the module ``keyness`` describes; the reference is ``data/reference_freq.tsv``.

Terms (``ngrams`` 2 or 3) have no reference frequency of their own: their
``ref_per_million`` is that of their rarest word, an upper bound of the
phrase's frequency, so their keyness is a lower bound.
"""

from __future__ import annotations

import bisect
import functools
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import regexes
from .datafiles import read_text
from .model import Keyword, Token, Tokens, token_fields, token_texts
from .keyness import bonferroni_z, conservative_log_ratio, log_likelihood, log_ratio
from .terms import read_term
from .text import has_letters, norm_word

REFERENCE_FILE = "data/reference_freq.tsv"
REFERENCE_TOKENS = 1e9  # nominal size of the reference corpus, tokens
G2_CRITICAL = 6.63  # p < 0.01, 1 d.f.

# simple part-of-speech names → OpenCorpora tags (participles and gerunds are verb forms)
POS_NAMES: dict[str, frozenset[str]] = {
    "noun": frozenset({"NOUN"}),
    "adj": frozenset({"ADJF", "ADJS", "COMP"}),
    "verb": frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"}),
    "adv": frozenset({"ADVB"}),
}
# never content: function words, pronouns, numerals, punctuation
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED", "NUMR", "NUMB", "ROMN", "PNCT", "PUNCT"})
ADJECTIVAL = frozenset({"ADJF", "PRTF"})
RANKINGS = ("count", "keyness", "g2", "log_ratio")


# ---------------------------------------------------------------- data
@functools.cache
def reference() -> dict[str, float]:
    """``data/reference_freq.tsv``: lemma (ё as е) → frequency per million in general Russian."""
    from .datacheck import frequency, source_of, tsv_rows

    name = REFERENCE_FILE.removeprefix("data/")
    where = source_of(name)
    out: dict[str, float] = {}
    for n, (lem, pm) in tsv_rows(read_text(name), where, ("lemma", "per_million")):
        out[lem] = frequency(pm, where, n)
    return out


@functools.cache
def reference_floor() -> float:
    """The frequency of the last lemma listed: an upper bound for every lemma not listed."""
    return min(reference().values(), default=0.01)


@functools.cache
def stopwords() -> frozenset[str]:
    """Stop lemmas from ``data/stopwords.txt`` if it is there; none otherwise (POS still filters)."""
    from .errors import LexiconError
    from .wordlists import load_words

    try:
        return load_words("stopwords.txt")
    except LexiconError:
        return frozenset()


# ---------------------------------------------------------------- what counts
def word_letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def is_word(tok: Token) -> bool:
    """A token with a letter in it: what the text's size ``c`` counts."""
    return has_letters(tok.text)


@functools.lru_cache(maxsize=100_000)
def _pronominal(word: str, lemma: str) -> bool:
    # «наш», «этот», «свой», «весь», «который»: adjectives that are really pronouns
    from .morph import parses

    for p in parses(word):
        if "Apro" in p.tag and norm_word(p.normal_form) == lemma:
            return True
    return False


@functools.lru_cache(maxsize=200_000)
def content_forms(text: str, lemma: str, pos: str | None) -> tuple[str, str] | None:
    """(lemma key, form key) of a content word, or None: the part that does not depend on ``exclude``.

    Cached because word forms are Zipfian: a corpus repeats the same few thousand.
    """
    if pos in FUNCTION_POS or text[0].isdigit() or word_letters(text) < (1 if _has_digit(text) else 2):
        return None  # «80-процентная», «5-е» are numbers; «СОР29», «G20» are names
    key = norm_word(lemma)
    if key in stopwords():
        return None
    if pos in ADJECTIVAL and _pronominal(text.lower(), key):
        return None
    return key, norm_word(text)


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


# A name glued of Latin letters (or a Cyrillic acronym) and digits: «Tele2», «G20», «СОР29», «A320neo».
_NAME_HEAD = regexes.compile(r"[A-Za-z]+|[А-ЯЁ]{2,}")
_NAME_PART = regexes.compile(r"[A-Za-z]+|\d+")


def glue_names(tokens: Sequence[Token]) -> Sequence[Token]:
    """The tokens with each glued name of letters and digits made one token: «Tele2», «G20», «СОР29».

    razdel splits «Tele2» at the digit; counted apart, «tele» would be the keyword. A run starts
    with Latin letters or a Cyrillic acronym and goes on with digits and Latin letters, no space
    between: «Акорды16» (a scraper glued a word to a date) stays apart.

    >>> from speechkit.morph import tokenize
    >>> [t.text for t in glue_names(tokenize("Абоненты Tele2 и G20, Акорды16"))]
    ['Абоненты', 'Tele2', 'и', 'G20', ',', 'Акорды', '16']
    """
    glued = _glued(tokens)
    if not glued:
        return tokens
    done = 0
    if isinstance(tokens, Tokens):  # a long text's columns: glued as columns
        starts, ends = tokens.starts, tokens.ends
        out = Tokens(tokens.source, array(starts.typecode), array(ends.typecode), [], [])
        for i, (j, end, text) in glued.items():
            out.starts += starts[done:i] + array(starts.typecode, [starts[i]])
            out.ends += ends[done:i] + array(ends.typecode, [end])
            out.lemmas += tokens.lemmas[done:i] + [text.lower()]
            out.pos += tokens.pos[done:i] + [None]
            done = j
        out.starts += starts[done:]
        out.ends += ends[done:]
        out.lemmas += tokens.lemmas[done:]
        out.pos += tokens.pos[done:]
        return out
    glued_tokens: list[Token] = []
    for i, (j, end, text) in glued.items():
        glued_tokens += tokens[done:i]
        glued_tokens.append(Token(tokens[i].start, end, text, text.lower(), None))
        done = j
    return glued_tokens + list(tokens[done:])


def _glued(tokens: Sequence[Token]) -> dict[int, tuple[int, int, str]]:
    """Each glued name's first token -> (the index after its last token, its end, its text).

    The single-lemma count reads the tokens through this map rather than a glued copy: a long
    text's columns copied whole were the peak of its memory.
    """
    if isinstance(tokens, Tokens):  # a long text's columns: read from the offsets
        src, starts, ends = tokens.source, tokens.starts, tokens.ends
        runs = _glue_runs(zip(starts, ends, map(src.__getitem__, map(slice, starts, ends))))
        return {i: (j, ends[j - 1], src[starts[i] : ends[j - 1]]) for i, j in runs}
    runs = _glue_runs((t.start, t.end, t.text) for t in tokens)
    return {i: (j, tokens[j - 1].end, "".join(t.text for t in tokens[i:j])) for i, j in runs}


def _glue_runs(tokens: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(i, j) of each run of tokens ``i:j`` (start, end, text) to glue into one name, in one pass.

    A run begins where a token starting with a digit touches a Latin word or a Cyrillic acronym, and
    takes the touching digits and Latin letters after it; the token after a run begins none.
    """
    runs: list[tuple[int, int]] = []
    it = iter(tokens)
    prev = next(it, None)
    begun = None  # where the run being read began
    for i, cur in enumerate(it, 1):
        if begun is not None:
            if cur[0] == prev[1] and _NAME_PART.fullmatch(cur[2]):
                prev = cur
                continue
            runs.append((begun, i))
            begun = None
        elif cur[0] == prev[1] and cur[2][0].isdigit() and _NAME_HEAD.fullmatch(prev[2]):
            begun = i - 1
        prev = cur
    if begun is not None:
        runs.append((begun, i + 1))
    return runs


def content_key(tok: Token, exclude: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The lemma key (lower, ё as е) under which a content word is counted, or None.

    Out: function parts of speech, pronominal adjectives, words of fewer than two
    letters, numbers (with their suffixes: «80-процентная»), stop words and ``exclude`` (matched against the lemma and the
    form itself, so «Токаев» goes whatever lemma the tokenizer gave it).
    """
    found = content_forms(tok.text, tok.lemma, tok.pos)
    if found is None or (exclude and (found[0] in exclude or found[1] in exclude)):
        return None
    return found[0]


# the OpenCorpora tags a content word can carry (FUNCTION_POS are never counted)
CONTENT_TAGS = ("NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB")


def pos_filter(pos: Iterable[str] | None) -> frozenset[str] | None:
    """The OpenCorpora tags of a --pos list (noun, adj, verb, adv or the tags themselves).

    >>> sorted(pos_filter(["noun", "ADJS"]))
    ['ADJS', 'NOUN']
    """
    if pos is None:
        return None
    out: set[str] = set()
    for p in pos:
        name = p.strip()
        if name.lower() in POS_NAMES:
            out |= POS_NAMES[name.lower()]
        elif name.upper() in CONTENT_TAGS:
            out.add(name.upper())
        else:
            from .errors import UsageError

            raise UsageError(f"unknown part of speech {name!r} in --pos; choose from "
                             f"{', '.join(POS_NAMES)} or the tags {', '.join(CONTENT_TAGS)}")
    return frozenset(out)


# ---------------------------------------------------------------- occurrences
@dataclass(slots=True)
class _Tally:
    """Occurrences of one lemma or term while counting."""

    display: str
    count: int = 0
    forms: dict[str, None] = field(default_factory=dict)
    pos: dict[str | None, int] = field(default_factory=dict)
    themes: dict[str, int] = field(default_factory=dict)


class _Groups:
    """Which groups (theme or speaker ids) cover a character span."""

    def __init__(self, groups: Sequence[tuple[str, int, int]]):
        self.spans = sorted((s, e, g) for g, s, e in groups if g is not None)
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def covering(self, start: int, end: int) -> list[str]:
        if not self.spans:
            return []
        out = []
        i = bisect.bisect_right(self.starts, start)
        lo = bisect.bisect_left(self.starts, start - self.longest)
        for s, e, g in self.spans[lo:i]:
            if s <= start and end <= e:
                out.append(g)
        return out


# ---------------------------------------------------------------- terms
def _ngrams(tokens: Sequence[Token], n: int, exclude: frozenset[str]):
    """(key, display, form, pattern, start, end) for every ``n``-word term.

    Terms run over content words only: punctuation, numbers, stop words and line
    breaks end them («морей\n\nМы» is no term).
    """
    run: list[Token] = []
    for tok in tokens:
        if content_key(tok, exclude) is None or (run and tok.start - run[-1].end > 1):
            yield from _windows(run, n)
            run = []
        if content_key(tok, exclude) is not None:
            run.append(tok)
    yield from _windows(run, n)


def _windows(run: list[Token], n: int):
    for i in range(len(run) - n + 1):
        win = run[i : i + n]
        found = read_term(tuple((t.text.lower(), norm_word(t.lemma), t.pos) for t in win))
        if found is None:
            continue
        normal, pattern = found
        form = " ".join(t.text for t in win)
        yield norm_word(normal), normal, form, pattern, win[0].start, win[-1].end


def _term_reference(key: str) -> float | None:
    # the phrase is no more frequent than its rarest word: an upper bound
    ref = reference()
    from .morph import lemma

    values = [ref.get(norm_word(lemma(w))) for w in key.split()]
    known = [v for v in values if v is not None]
    if not known:
        return None
    return min(known) if len(known) == len(values) else None


# ---------------------------------------------------------------- public
Counts = dict[str, tuple[str, int]]  # key -> (display form, count) of every lemma or term counted


def tally(tokens: Sequence[Token], groups, pos, exclude, ngrams: int,
           top_by_count: int | None = None) -> tuple[dict[str, _Tally], int, Counts]:
    """Tallies, the number of counted occurrences, and the count of every lemma or term.

    ``top_by_count``: only the lemmas that reach the ``top``-th count get a tally (see count_keywords);
    the counts cover them all.
    """
    exclude = frozenset(norm_word(w) for w in exclude)
    where = _Groups(list(groups))
    if ngrams <= 1:
        return _tally_lemmas(tokens, where, exclude, pos_filter(pos), top_by_count)
    tokens = glue_names(tokens)
    tallies: dict[str, _Tally] = {}
    total = 0
    for key, display, form, p, start, end in _ngrams(tokens, ngrams, exclude):
        t = tallies.get(key)
        if t is None:
            t = tallies[key] = _Tally(display)
        t.count += 1
        t.forms[form] = None
        t.pos[p] = t.pos.get(p, 0) + 1
        if where.spans:
            for g in where.covering(start, end):
                t.themes[g] = t.themes.get(g, 0) + 1
        total += 1
    counts = {k: (t.display, t.count) for k, t in tallies.items()}
    wanted = _reaching_top({k: t.count for k, t in tallies.items()}, top_by_count)
    if wanted is not None:
        tallies = {k: t for k, t in tallies.items() if k in wanted}
    return tallies, total, counts


def _reaching_top(counts: dict[str, int], top: int | None) -> set[str] | None:
    """The keys whose count reaches the ``top``-th largest (ties kept), or None when all can."""
    if top is None or len(counts) <= top:
        return None
    cut = sorted(counts.values(), reverse=True)[top - 1]
    return {k for k, c in counts.items() if c >= cut}


def _tally_lemmas(tokens: Sequence[Token], where: _Groups, exclude: frozenset[str],
                  pos: frozenset[str] | None, top_by_count: int | None) -> tuple[dict[str, _Tally], int, Counts]:
    """_tally for single lemmas: it runs over every token of every document, so in two cheap passes.

    The first only counts; the second gathers forms, parts of speech and groups, and only for
    the lemmas that can make a list ranked by count (all of them when ``top_by_count`` is None).
    A glued name («Tele2») is read at its first token, and the tokens after that in it are skipped.
    """
    glued = _glued(tokens)
    hit_keys: list[str] = []  # the lemma key and token index of every counted word
    hit_at = array("I" if len(tokens) < 1 << 32 else "q")  # (two columns, not a tuple each: a long text counts a million words)
    counts: dict[str, int] = {}
    first: dict[str, str] = {}  # the lemma as the first of its tokens gives it: the name it is shown by
    inside = 0  # tokens before this index belong to a glued name already read
    for i, (text, lemma, p) in enumerate(token_fields(tokens)):
        if glued:
            if i < inside:
                continue
            run = glued.get(i)
            if run is not None:
                inside, _, text = run
                lemma, p = text.lower(), None
        if pos is not None and p not in pos:
            continue
        found = content_forms(text, lemma, p)
        if found is None or (exclude and (found[0] in exclude or found[1] in exclude)):
            continue
        key = found[0]
        hit_keys.append(key)
        hit_at.append(i)
        n = counts.get(key)
        if n is None:
            counts[key] = 1
            first[key] = lemma
        else:
            counts[key] = n + 1
    wanted = _reaching_top(counts, top_by_count)
    tallies: dict[str, _Tally] = {}
    columns = isinstance(tokens, Tokens)  # a long text's: its columns read, no record made for each token
    for key, i in zip(hit_keys, hit_at):
        if wanted is not None and key not in wanted:
            continue
        if columns:
            start, end, lemma, p = tokens.starts[i], tokens.ends[i], tokens.lemmas[i], tokens.pos[i]
            text = tokens.source[start:end]
        else:
            tok = tokens[i]
            start, end, text, lemma, p = tok.start, tok.end, tok.text, tok.lemma, tok.pos
        run = glued.get(i) if glued else None
        if run is not None:
            _, end, text = run
            lemma, p = text.lower(), None
        t = tallies.get(key)
        if t is None:
            t = tallies[key] = _Tally(lemma.lower())
        t.count += 1
        t.forms[text] = None
        t.pos[p] = t.pos.get(p, 0) + 1
        if where.spans:
            for g in where.covering(start, end):
                t.themes[g] = t.themes.get(g, 0) + 1
    return tallies, len(hit_keys), {k: (first[k].lower(), n) for k, n in counts.items()}


def _rank_key(rank_by: str):
    if rank_by == "count":
        return lambda k: (-k.count, -(k.keyness or 0.0), k.lemma)
    if rank_by == "g2":
        return lambda k: (-(k.keyness or 0.0), -k.count, k.lemma)
    if rank_by == "log_ratio":
        return lambda k: (-(k.log_ratio or 0.0), -k.count, k.lemma)
    if rank_by == "keyness":
        def keyness_key(k: Keyword):
            g2 = k.keyness or 0.0
            if g2 < G2_CRITICAL:
                return (1, -g2, -k.count, k.lemma)
            return (0, -(k.conservative_log_ratio or 0.0), -k.count, k.lemma)

        return keyness_key
    raise ValueError(f"rank_by={rank_by!r}: choose one of {', '.join(RANKINGS)}")


def count_keywords(
    tokens: list[Token],
    *,
    groups: Sequence[tuple[str, int, int]] = (),
    pos: set[str] | None = None,
    exclude: set[str] | frozenset[str] = frozenset(),
    top: int | None = 30,
    ngrams: int = 1,
    rank_by: str = "count",
) -> list[Keyword]:
    """Content lemmas (or ``ngrams``-word terms) of the tokens, counted and scored for keyness.

    ``groups`` are ``(theme_or_speaker, start, end)`` spans: ``Keyword.themes``
    counts the occurrences inside each.  ``pos`` keeps only these parts of
    speech (OpenCorpora tags or noun/adj/verb/adv; lemmas only).  ``ngrams=2``
    or ``3`` counts terms of exactly that many words instead of lemmas.
    ``rank_by``: "count" (default), "keyness" (significant by G2, then by the
    conservative log ratio; see the module docstring), "g2" or "log_ratio".

    >>> from speechkit.morph import tokenize
    >>> kws = count_keywords(tokenize("Порт Актау принимает суда. Порт растёт."), top=2)
    >>> [(k.lemma, k.count) for k in kws]
    [('порт', 2), ('актау', 1)]
    """
    return keyword_counts(tokens, groups=groups, pos=pos, exclude=exclude, top=top, ngrams=ngrams,
                          rank_by=rank_by)[0]


def keyword_counts(
    tokens: list[Token],
    *,
    groups: Sequence[tuple[str, int, int]] = (),
    pos: set[str] | None = None,
    exclude: set[str] | frozenset[str] = frozenset(),
    top: int | None = 30,
    ngrams: int = 1,
    rank_by: str = "count",
) -> tuple[list[Keyword], Counts, int]:
    """count_keywords, with the count of every lemma (or term) counted and the text's words.

    A corpus's totals are these counts summed over its documents (``rank_counts``):
    exact, whatever ``top`` each document's own list was cut at.
    """
    _rank_key(rank_by)  # a bad name fails before any work
    by_count = top if rank_by == "count" else None
    tallies, total, counts = tally(tokens, groups, pos, exclude, ngrams, by_count)
    words = sum(map(has_letters, token_texts(tokens)))
    z = bonferroni_z(len(counts))
    # ranked by count, only the lemmas that reach the top-th count came back from _tally:
    # the statistics of the long tail are never computed
    out = [_keyword(k, t, words, total, ngrams, z) for k, t in tallies.items()]
    out.sort(key=_rank_key(rank_by))
    return (out if top is None else out[:top]), counts, words


def rank_counts(counts: Counts, words: int, *, top: int | None = 30, ngrams: int = 1,
                rank_by: str = "count") -> list[Keyword]:
    """Keywords from counts alone (a corpus's summed counts): the statistics count_keywords gives.

    >>> [(k.lemma, k.count) for k in rank_counts({"порт": ("порт", 3), "суд": ("суд", 1)}, 20, top=1)]
    [('порт', 3)]
    """
    _rank_key(rank_by)
    total = sum(n for _, n in counts.values())
    z = bonferroni_z(len(counts))
    wanted = _reaching_top({k: n for k, (_, n) in counts.items()}, top) if rank_by == "count" else None
    out = [_keyword(k, _Tally(display, n), words, total, ngrams, z)
           for k, (display, n) in counts.items() if wanted is None or k in wanted]
    out.sort(key=_rank_key(rank_by))
    return out if top is None else out[:top]


def _most_common(counts: dict):
    return max(counts, key=counts.__getitem__) if counts else None


def _keyword(key: str, t: _Tally, words: int, total: int, ngrams: int, z: float) -> Keyword:
    ref_pm = reference().get(key) if ngrams <= 1 else _term_reference(key)
    used = ref_pm if ref_pm is not None else reference_floor()
    b = used * REFERENCE_TOKENS / 1e6
    ratio = log_ratio(t.count, words, used)
    return Keyword(
        lemma=t.display,
        count=t.count,
        share=round(t.count / total, 5) if total else 0.0,
        keyness=round(log_likelihood(t.count, words, b, REFERENCE_TOKENS), 3),
        log_ratio=round(ratio, 3),
        conservative_log_ratio=round(conservative_log_ratio(ratio, t.count, b, z), 3),
        ref_per_million=ref_pm,
        pos=_most_common(t.pos),
        themes=dict(t.themes),
        forms=list(t.forms),
    )
