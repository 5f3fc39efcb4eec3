"""Pairing quote marks over one paragraph: guillemets «…», „…“ and “…”, and straight "…" that open or close by
the characters beside them (an inch mark after a digit is neither); an unclosed « runs to the paragraph's end;
pairs inside pairs carry their depth. Which pairs are speech is ``quotes``' question."""

from __future__ import annotations

from dataclasses import dataclass

from . import regexes
from .speech_verbs import is_speech_verb

OPEN_QUOTES = "«„"
CLOSE_QUOTES = "»“”"
STRAIGHT = '"'
DASHES = "—–‒―\\-"  # a regex class body: the hyphen escaped
# characters after which a straight quote opens: «сказал: "…», «("…»
OPENS_AFTER = " \t\n\r([{:—–‒―-«„\"/"
# characters before which a straight quote closes
CLOSES_BEFORE = " \t\n\r.,;:!?)]}»—–‒―-\"…"
_AFTER = regexes.compile(rf"[,.!?…]?\s*[{DASHES}]+\s*")  # «…», — сказал · "…", - считает · «…» — заявил
_WORD = regexes.compile(r"[^\W\d_][\w-]*")
_MARKS = regexes.compile(f"[«„»“”{STRAIGHT}]")  # the characters pair_quotes acts on: the engine skips the rest


@dataclass(frozen=True, slots=True)
class QuotePair:
    """A pair of matching quote marks: ``open`` and ``close`` are the marks' offsets."""

    open: int
    close: int  # offset of the closing mark, or paragraph end when unclosed
    depth: int
    unclosed: bool = False

    @property
    def end(self) -> int:
        return self.close if self.unclosed else self.close + 1


def pair_quotes(text: str, start: int, end: int) -> list[QuotePair]:
    """Pair the quote marks of one paragraph; an unclosed « ends at the paragraph."""
    stack: list[tuple[str, int]] = []
    pairs: list[QuotePair] = []
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "«" or ch == "„":
            stack.append((ch, i))
        elif ch == "»":
            _close(stack, pairs, i, ("«",))
        elif ch in "“”":
            if ch == "“" and (not stack or stack[-1][0] not in "„“") and _can_open(text, i, start):
                stack.append(("“", i))
            else:
                _close(stack, pairs, i, ("„", "“"))
        elif ch == STRAIGHT:
            _straight(text, i, start, end, stack, pairs)
    # «Мы справимся — без конца: an unclosed guillemet runs to the paragraph end; so does a straight mark that opens
    # the paragraph, as a sloppy site types a quote over paragraphs ("Мы убираем 14 маршрутов … / "Микроавтобусы …)
    for mark, pos in stack:
        if mark in "«„" or mark == STRAIGHT and not text[start:pos].strip():
            pairs.append(QuotePair(pos, _rstrip(text, pos, end), 0, unclosed=True))
            break
    pairs.sort(key=lambda p: (p.open, -p.close))
    return _with_depths(pairs)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _close(stack, pairs, i, openers) -> bool:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] in openers:
            pairs.append(QuotePair(stack[k][1], i, 0))
            del stack[k:]
            return True
    return False  # a lone » or ": ignored


def _can_open(text: str, i: int, start: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in OPENS_AFTER or prev in ".!?…") and not nxt.isspace()


def _can_close(text: str, i: int, end: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return not prev.isspace() and (nxt in CLOSES_BEFORE or nxt.isalpha() and nxt.islower())


def _straight(text, i, start, end, stack, pairs) -> None:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    # экран 5" и камера: an inch mark, not a quote — but «06:45"Террористический …» is a quote glued
    # to a scraped time stamp: a capital letter follows
    glued = prev.isdigit() and nxt.isupper()
    if prev.isdigit() and not glued and (nxt.isalpha() or (nxt == " " and text[i + 2 : i + 3].isalnum())):
        if not (stack and stack[-1][0] == STRAIGHT and _attribution_follows(text, i + 1, end)):
            return
    can_open, can_close = _can_open(text, i, start) or glued, _can_close(text, i, end)
    top_straight = bool(stack) and stack[-1][0] == STRAIGHT
    if can_close and (top_straight or not can_open):
        closed = _close(stack, pairs, i, (STRAIGHT,))
        if closed and stack and stack[-1][0] == STRAIGHT and _attribution_follows(text, i + 1, end):
            # «"… торговой сети "Северный", - говорится в сообщении»: one mark closes the name and the
            # quote around it (straight quotes do not double)
            _close(stack, pairs, i, (STRAIGHT,))
            return
        if not closed and pairs and text[pairs[-1].open] == STRAIGHT \
                and pairs[-1].open >= start and _opens_sentence(text, pairs[-1].open, start) \
                and _attribution_follows(text, i + 1, end):
            # "Халыковским" QR … QR", - пояснил он: the outer quote opened with the mark of the name
            # closed just before (where a sentence starts), so it runs from that mark to this one
            pairs.append(QuotePair(pairs[-1].open, i, 0))
        return
    if can_open:
        stack.append((STRAIGHT, i))


def _opens_sentence(text: str, i: int, start: int) -> bool:
    """Whether a mark at ``i`` stands where a sentence begins: a paragraph start or after . ! ? … :"""
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    return j <= start or text[j - 1] in ".!?…:"


def _attribution_follows(text: str, i: int, end: int) -> bool:
    m = _AFTER.match(text, i, end)
    if not m:
        return False
    w = _WORD.search(text, m.end(), min(end, m.end() + 60))
    return bool(w) and is_speech_verb(w.group(0))


def _with_depths(pairs: list[QuotePair]) -> list[QuotePair]:
    out: list[QuotePair] = []
    open_stack: list[QuotePair] = []
    seen: set[tuple[int, int]] = set()
    for p in pairs:
        if (p.open, p.close) in seen:
            continue
        seen.add((p.open, p.close))
        while open_stack and open_stack[-1].end <= p.open:
            open_stack.pop()
        if open_stack and p.end > open_stack[-1].end:
            continue  # crossing pairs: keep the outer one
        q = QuotePair(p.open, p.close, len(open_stack), p.unclosed)
        out.append(q)
        open_stack.append(q)
    return out
