"""Where the article ends: page tails, related-links blocks and photo captions.

News pages end with tags, "Продолжая тему:", related headlines each followed by
its publication date and time; scrapers glue the same blocks into the middle
of the text.  Rather than a list of sites, we look for the cues these blocks
share — headings, hashtag lines, date-time stamps — and for *chains* of them:
one date in a sentence is news, a run of dated headlines is furniture.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from . import regexes
from .datafiles import read_text, read_user_file
from .model import Span
from .text import merge_spans

MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
# 8 августа 2025 в 21:53 · 7 апреля 2025 года, 14:15 · 16 апреля 2024 14:44
DATE_TIME = regexes.compile(
    rf"\d(?<!\d\d)\d?\s+(?:{MONTHS})\s+\d{{4}}(?:\s+года?)?(?:,?\s*(?:в\s+)?\d{{1,2}}:\d{{2}})?"
)
HASHTAG_LINE = regexes.compile(r"(?m)^[ \t]*#\w[^\n]*")
URL = regexes.compile(r"\b(?:https?://)?(?:[\w-]+\.)+(?:ru|kz|com|org|net|by|uz|kg|az)(?:/[\w./?=&%-]*)?")

CHAIN_GAP = 320  # characters between two cues of one block
INLINE_GAP = 220


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    kind: str  # "trailing" | "inline" | "caption" | "datetime" | "date" | "hashtag" | "url"

    @property
    def strong(self) -> bool:
        return self.kind not in ("date", "url")


CUE_SECTIONS = ("trailing", "inline", "caption")


@functools.cache
def load_cues(path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Cue phrases by section from the package data file (or a user's file).

    Every section (``[trailing]``, ``[inline]``, ``[caption]``) must be there, and every cue in one.
    """
    from .datacheck import error, source_of

    if path is None:
        raw, where = read_text("boilerplate.txt"), source_of("boilerplate.txt")
    else:
        raw, where = read_user_file(path, "cue list"), str(path)
    sections: dict[str, list[str]] = {}
    current = None
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            if line[1:-1] not in CUE_SECTIONS:
                raise error(where, n, f"unknown section {line}; the sections are "
                                      + ", ".join(f"[{s}]" for s in CUE_SECTIONS))
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise error(where, n, f"{line[:60]!r} stands before any section; put it under [trailing], [inline] "
                                  "or [caption]")
        else:
            current.append(line)
    missing = [s for s in CUE_SECTIONS if s not in sections]
    if missing:
        raise error(where, None, "no " + ", ".join(f"[{s}]" for s in missing) + " section (it may be empty)")
    return {k: tuple(v) for k, v in sections.items()}


@functools.cache
def _cue_pattern(kind: str) -> re.Pattern[str]:
    phrases = sorted(load_cues()[kind], key=len, reverse=True)
    if not phrases:
        return regexes.compile(r"(?!)")  # an empty section: no cue of this kind, not a match everywhere
    # a cue begins a line, follows sentence punctuation, or is glued after a word (scraped text):
    # no capital, digit, underscore or hyphen before it. The check comes after the cue's first
    # character, so that the pattern begins with literals and the regex engine skips to them.
    # Phrases are grouped by that first character (longest first within a group, as before).
    by_first: dict[str, list[str]] = {}
    for p in phrases:
        by_first.setdefault(p[0], []).append(p)
    # (Two lookbehinds, Latin and Cyrillic, say what one class [A-ZА-ЯЁ0-9_-] would: a class mixing both
    # makes sre build a 64K-character bitmap for each group, 2 of a cold run's ms.)
    alts = "|".join(
        re.escape(first) + r"(?<![A-Z0-9_-][\s\S])(?<![А-ЯЁ][\s\S])(?:"
        + "|".join(re.escape(p[1:]) + (r"(?!\w)" if p[-1].isalnum() else "") for p in group) + ")"
        for first, group in by_first.items()
    )
    return regexes.compile(rf"(?:{alts})", re.M)


def find_cues(text: str) -> list[Cue]:
    cues = [Cue(m.start(), m.end(), kind) for kind in ("trailing", "inline", "caption")
            for m in _cue_pattern(kind).finditer(text)]
    for m in DATE_TIME.finditer(text):
        cues.append(Cue(m.start(), m.end(), "datetime" if ":" in m.group(0) else "date"))
    cues += [Cue(m.start(), m.end(), "hashtag") for m in HASHTAG_LINE.finditer(text)]
    cues += [Cue(m.start(), m.end(), "url") for m in URL.finditer(text)]
    cues.sort(key=lambda c: (c.start, -c.end))
    return cues


def find_boilerplate(text: str) -> tuple[int | None, list[Span]]:
    """(start of the page tail or None, every boilerplate span in text order)."""
    cues = find_cues(text)
    tail = _trailing_start(text, cues)
    limit = len(text) if tail is None else tail
    inline = _inline_blocks(text, cues, limit)
    spans = _header(text, cues, inline) + inline + _captions(text, cues, limit)
    if tail is not None:
        spans.append(Span(tail, len(text), text[tail:]))
    spans.sort(key=lambda s: s.start)
    return tail, [Span(a, b, text[a:b]) for a, b in merge_spans((s.start, s.end) for s in spans)]


def _trailing_start(text: str, cues: list[Cue]) -> int | None:
    """Walk back from the end along a chain of cues; the tail starts at its first heading."""
    end = len(text.rstrip())
    chain: list[Cue] = []
    reach = end
    for cue in reversed(cues):
        if cue.end < reach - CHAIN_GAP:
            break
        chain.append(cue)
        reach = min(reach, cue.start)
    chain.reverse()
    strong = [c for c in chain if c.strong]
    headings = [c for c in chain if c.kind in ("trailing", "inline", "hashtag")]
    if not headings or len(strong) < 2:
        return None
    start = headings[0].start
    # the page tail is a minority of the page: never call most of the text boilerplate
    if start < len(text) * 0.3:
        return None
    return start


def _inline_blocks(text: str, cues: list[Cue], limit: int) -> list[Span]:
    """«Смотрите также» + dated headlines glued inside an article or turn.

    A block runs from an inline cue to the last date of the chain of cues that
    follows it (each within INLINE_GAP of the one before).  One pass from the
    end finds them all: walking every chain from every cue would be quadratic.
    """
    found: list[tuple[int, int]] = []
    date_end: int | None = None  # end of the last date in the chain after the current cue
    for i in range(len(cues) - 1, -1, -1):
        cue = cues[i]
        nxt = cues[i + 1] if i + 1 < len(cues) else None
        if nxt is None or nxt.start - cue.end > INLINE_GAP or nxt.start >= limit:
            date_end = None  # the chain breaks after this cue
        if cue.kind == "inline" and cue.start < limit and date_end is not None:
            found.append((cue.start, date_end))
        if cue.kind in ("date", "datetime") and date_end is None:
            date_end = cue.end
    out: list[Span] = []
    for s, e in reversed(found):
        if out and e <= out[-1].end:
            continue  # a later cue of the same chain: its block lies inside the one before
        out.append(Span(s, e, text[s:e]))
    return out


_GLUE = regexes.compile(r"[а-яё][А-ЯЁ]")
# «Фото предоставлено организаторами Акорды»: lower-case words, then the credited name. Each word is
# taken whole (possessive ``++``), so a run of words is read one way only: «предоставлено» is never
# tried as «пред»+«оставлено», which made the old pattern exponential in the word's length.
_CREDIT = regexes.compile(r"(?:\s*+[а-яё-]++)*?\s*+[A-ZА-ЯЁ][\w-]*?(?=[А-ЯЁ\d\s.,]|$)")
CAPTION_REACH = 120  # a caption longer than 80 characters is no caption: look no further than this


def _captions(text: str, cues: list[Cue], limit: int) -> list[Span]:
    """«Фото пресс-службы Акорды» and a headline glued after it."""
    out = []
    for cue in cues:
        if cue.kind != "caption" or cue.start >= limit:
            continue
        # the caption runs to its first capitalised word (the credited body) inclusive
        m = _CREDIT.match(text, cue.end, min(len(text), cue.end + CAPTION_REACH))
        if not m or m.end() - cue.start > 80:
            continue
        end = m.end()
        if end < len(text) and text[end].isupper():
            # glued headline: «…АкордыТокаев прибыл в Северо-Казахстанскую областьАким…»
            g = _GLUE.search(text, end + 1, min(len(text), end + 140))
            if g and not re.search(r"[.!?]", text[end : g.start() + 1]):
                end = g.start() + 1
        out.append(Span(cue.start, end, text[cue.start : end]))
    return out


def _header(text: str, cues: list[Cue], inline: list[Span]) -> list[Span]:
    """The publication stamp of a page header: «… 7 апреля 2025 года 14:15 Москва, Кремль»."""
    for cue in cues:
        if cue.start > 700:
            break
        if any(b.start <= cue.start < b.end for b in inline):
            break
        if cue.kind == "datetime":
            return [Span(cue.start, cue.end, text[cue.start : cue.end])]  # the stamp; the lead is news
    return []
