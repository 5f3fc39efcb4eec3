"""Direct quotes over character spans: pairing quote marks, telling speech from names.

razdel's sentence splitter breaks sentences inside quotes, so quotes are found
on the text itself, paragraph by paragraph, and related to sentences later.
Russian typography gives the evidence for speech: the attribution after the
closing mark (``», — сказал …``), a colon before the opening one
(``заявил: «…»``), an attribution inside (``«…, — пояснила она, — …»``).
A «…» without such evidence is a name, a title or a term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import morph
from .model import Span
from .text import inside, paragraphs
from .wordlists import load_sections, load_words

OPEN_QUOTES = "«„"
CLOSE_QUOTES = "»“”"
STRAIGHT = '"'
DASHES = "—–‒―\\-"  # a regex class body: the hyphen escaped
# characters after which a straight quote opens: «сказал: "…», «("…»
OPENS_AFTER = " \t\n\r([{:—–‒―-«„\"/"
# characters before which a straight quote closes
CLOSES_BEFORE = " \t\n\r.,;:!?)]}»—–‒―-\"…"

_AS = re.compile(r"\b[Кк]ак\s+")
_CLAUSE = re.compile(r",?\s*(?:что|чтобы|будто|как)\b")
_CONTINUES = re.compile(rf"[\s.,;:…]*[{DASHES}][\s.,;:…{DASHES}]*")  # «…», — сказал он. — «…»
_WORD = re.compile(r"[^\W\d_][\w-]*")
# «…», — сказал · "…", - считает · «…» — заявил · «…»,— сказал
_AFTER = re.compile(rf"[,.!?…]?\s*[{DASHES}]+\s*")
_SENT_END = re.compile(r"[.!?…]+(?=\s|$|[«\"„А-ЯЁA-Z])|\n")
# «…, — пояснила она, — но …» · «…, — сказала она. — …»
_INSIDE = re.compile(rf"[,.!?…]\s*[{DASHES}]\s+(?P<attr>(?:(?!\s[{DASHES}]\s)[^«»\"\n]){{3,160}}?)[,.]\s*[{DASHES}]\s+")


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


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and the attribution that makes it speech."""

    start: int
    end: int
    attribution: Span | None  # the speech verb and speaker phrase
    speaker_phrase: Span | None
    verb: str | None  # the speech verb as written (gender helps pronouns)
    inner: tuple[int, int]  # the quoted words without the marks
    unclosed: bool = False
    kind: str = "quote"  # "quote" | "dash"


def speech_verbs() -> frozenset[str]:
    return load_words("speech_verbs.txt")


def is_speech_verb(word: str) -> bool:
    low = word.lower()
    if low in speech_verbs():
        return True
    for p in morph.parses(low)[:3]:
        if p.tag.POS in ("VERB", "PRTS", "GRND") and p.normal_form.replace("ё", "е") in speech_verbs():
            return True
    return False


# ---------------------------------------------------------------- pairing
_MARKS = re.compile(f"[«„»“”{STRAIGHT}]")  # the characters pair_quotes acts on: the engine skips the rest


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
    # «Мы справимся — без конца: an unclosed guillemet runs to the paragraph end
    for mark, pos in stack:
        if mark in "«„":
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
    # экран 5" и камера: an inch mark, not a quote
    if prev.isdigit() and (nxt.isalpha() or (nxt == " " and text[i + 2 : i + 3].isalnum())):
        if not (stack and stack[-1][0] == STRAIGHT and _attribution_follows(text, i + 1, end)):
            return
    can_open, can_close = _can_open(text, i, start), _can_close(text, i, end)
    top_straight = bool(stack) and stack[-1][0] == STRAIGHT
    if can_close and (top_straight or not can_open):
        if not _close(stack, pairs, i, (STRAIGHT,)) and pairs and text[pairs[-1].open] == STRAIGHT \
                and pairs[-1].open >= start and _attribution_follows(text, i + 1, end):
            # "Халыковским" QR … QR", - пояснил он: the outer quote opened with the mark of the name
            # closed just before, so it runs from that mark to this one
            pairs.append(QuotePair(pairs[-1].open, i, 0))
        return
    if can_open:
        stack.append((STRAIGHT, i))


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


# ---------------------------------------------------------------- classification
def find_quotes(text: str, start: int = 0, end: int | None = None,
                skip: list[Span] = ()) -> tuple[list[Quote], list[Span]]:
    """Direct quotes and quoted names (names, titles, terms) in ``text[start:end]``."""
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    names: list[Span] = []
    for para in paragraphs(text, start, end):
        pairs = [p for p in pair_quotes(text, para.start, para.end)
                 if not inside(p.open, skip)]
        speech_until = -1
        said_until = -1  # the end of the last quote's attribution
        for p in pairs:
            if p.open < speech_until:
                names.append(Span(p.open, p.end, text[p.open : p.end]))
                continue
            q = _as_speech(text, p, para)
            if q is None and said_until >= 0 and _CONTINUES.fullmatch(text, said_until, p.open):
                # «…», — подчеркнул он. — «Без него Арал не выживет». — the same speaker goes on
                q = Quote(p.open, p.end, None, None, None, _inner(text, p), p.unclosed)
            if q is None:
                names.append(Span(p.open, p.end, text[p.open : p.end]))
            else:
                quotes.append(q)
                speech_until = p.end
                said_until = max(p.end, q.attribution.end if q.attribution else p.end)
        quotes += _dash_speech(text, para, pairs)
    quotes.sort(key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    for q in quotes:  # «…» inside a dash line: one quote, never two overlapping ones
        if kept and q.start < kept[-1].end:
            if q.kind == "dash" or kept[-1].kind != "dash":
                continue
            kept.pop()
        kept.append(q)
    return kept, names


def _as_speech(text: str, p: QuotePair, para: Span) -> Quote | None:
    inner = _inner(text, p)
    after = _attribution_after(text, p.end, para.end)
    if after:
        verb, attr, phrase = after
        return Quote(p.open, p.end, attr, phrase, verb, inner, p.unclosed)
    before = _attribution_before(text, p.open, para.start)
    if before:
        verb, attr, phrase = before
        return Quote(p.open, p.end, attr, phrase, verb, inner, p.unclosed)
    pos = inner[0]
    while (inside := _INSIDE.search(text, pos, inner[1])) is not None:
        pos = inside.start("attr")
        words = list(_WORD.finditer(text, inside.start("attr"), inside.end("attr")))
        verbs = [w for w in words[:3] if is_speech_verb(w.group(0))]
        if verbs:
            a0, a1 = inside.start("attr"), inside.end("attr")
            phrase = _phrase_around(text, verbs[0], a0, a1)
            return Quote(p.open, p.end, Span(a0, a1, text[a0:a1]), phrase, verbs[0].group(0), inner, p.unclosed)
    # «…» alone as a paragraph of several sentences: a quote, speaker from context
    if p.open == para.start and _sentences_inside(text, inner) >= 2 and _rest_is_empty(text, p.end, para.end):
        return Quote(p.open, p.end, None, None, None, inner, p.unclosed)
    return None


def _inner(text: str, p: QuotePair) -> tuple[int, int]:
    s, e = p.open + 1, (p.close if not p.unclosed else p.end)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _sentences_inside(text: str, inner: tuple[int, int]) -> int:
    return len(_SENT_END.findall(text, inner[0], inner[1])) + 1


def _rest_is_empty(text: str, i: int, end: int) -> bool:
    return not re.search(r"\w", text[i:end])


def _attribution_after(text: str, i: int, end: int):
    """«…», — сказал Глава государства. → (verb, attribution span, speaker phrase)."""
    m = _AFTER.match(text, i, end)
    if not m or not re.search(f"[{DASHES}]", m.group(0)):
        m = re.compile(r",\s*").match(text, i, end)  # «…», сказал он.
        if not m:
            return None
    stop = _SENT_END.search(text, m.end(), end)
    sent_end = stop.start() if stop else end
    q = re.search(r"[:.!?…]\s*[«\"„]", text[m.end() : sent_end])  # the next quote starts
    if q:
        sent_end = m.end() + q.start()
    words = list(_WORD.finditer(text, m.end(), sent_end))[:8]
    for k, w in enumerate(words[:4]):
        if is_speech_verb(w.group(0)):
            a0 = words[0].start()
            a1 = _rstrip(text, a0, sent_end)
            while a1 > a0 and text[a1 - 1] in ",;:":
                a1 -= 1
            phrase = _phrase_around(text, w, a0, a1)
            return w.group(0), Span(a0, a1, text[a0:a1]), phrase
    return None


def _as_said(text: str, start: int, end: int) -> tuple[int, int] | None:
    """«Как заявил министр, «…»» · «По словам эксперта, «…»»: where the introducing words stand.

    «Как» counts when a speech verb follows within three words; «по словам»-type openers are the
    phrases of speech_verbs.txt that begin with «по».
    """
    low = text[start:end].lower()
    for phrase in load_sections("speech_verbs.txt").get("phrases", ()):
        if phrase.startswith("по "):
            k = low.find(phrase + " ")
            if k >= 0 and (k == 0 or not low[k - 1].isalpha()):
                return start + k, start + k + len(phrase)
    for m in _AS.finditer(text, start, end):
        for w in list(_WORD.finditer(text, m.end(), end))[:3]:
            if is_speech_verb(w.group(0)):
                return m.start(), w.end()
    return None


def _attribution_before(text: str, i: int, start: int):
    """Костин заявил: «…» · Министр, глава ведомства: "…" → (verb, span, phrase)."""
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    if j <= start or text[j - 1] not in ":,":
        return None
    colon = j - 1
    if text[colon] == "," and not _as_said(text, max(start, colon - 160), colon):
        return None  # only «Как заявил X, «…»» and «По словам X, «…»» introduce a quote with a comma
    # the clause before the colon, back to the previous sentence end or quote
    k = colon
    while k > start and not (text[k - 1] in ".!?…\n" and (k == colon or text[k].isspace())):
        k -= 1
    words = list(_WORD.finditer(text, k, colon))
    if not words:
        return None
    verbs = [w for w in words if is_speech_verb(w.group(0))]
    if text[colon] == ",":
        inner = _WORD.search(text, i, i + 40)
        if inner is None or not inner.group(0)[0].isupper():
            return None  # «По словам главы региона, "ситуация остается напряженной"»: a fragment, not a quote
        a0, said_end = _as_said(text, words[0].start(), colon)
        phrase = _span(text, [w for w in words if w.start() >= said_end] or words[-1:])
        return (verbs[-1].group(0) if verbs else None), Span(a0, colon, text[a0:colon]), phrase
    if verbs:
        verb = verbs[-1]
        phrase = _phrase_around(text, verb, words[0].start(), colon)
        a0 = words[0].start()
        return verb.group(0), Span(a0, colon, text[a0:colon]), phrase
    # Министр, глава ведомства: "…" — a speaker named right before the colon
    tail = words[-4:]
    if tail and any(w.group(0)[0].isupper() for w in tail) and len(words) <= 8:
        a0 = tail[0].start()
        return None, Span(a0, colon, text[a0:colon]), Span(a0, colon, text[a0:colon])
    return None


PREPS = frozenset("в во на с со по для о об обо у к ко из за при от до после перед через над под и а но что как когда где однако также".split())
PRONOUN_SPEAKERS = frozenset("он она они".split())


def _phrase_around(text: str, verb: re.Match, a0: int, a1: int) -> Span | None:
    """The speaker phrase next to a speech verb.

    Looks after the verb first (``заявил Касым-Жомарт Токаев``), then before it
    (``Ларс Нильсон на пресс-конференции в Стокгольме заявил``); a run that
    holds a capitalised name or a role noun wins over a run of other words.
    """
    after = _runs(list(_WORD.finditer(text, verb.end(), a1))[:10], text)
    before = _runs(list(_WORD.finditer(text, a0, verb.start()))[-12:], text)
    if _CLAUSE.match(text, verb.end(), a1):
        after = []  # «Соловьёв отметил, что …: «…»» — what follows is what was said, not who said it
    after = [_past_document(run) for run in after]
    for run in after[:2] + before[::-1]:
        if _names_someone(run):
            return _span(text, run)
    if after:
        return _span(text, after[0])
    if before:
        return _span(text, before[-1])
    return None


DOCUMENT_NOUNS = frozenset("сообщение заявление релиз пресс-релиз письмо документ обращение телеграмма".split())


def _past_document(run: list[re.Match]) -> list[re.Match]:
    # «говорится в сообщении пресс-службы акимата»: the speaker is whoever issued the statement
    if len(run) > 1 and morph.lemma(run[0].group(0)).replace("ё", "е") in DOCUMENT_NOUNS:
        return run[1:]
    return run


def _runs(words: list[re.Match], text: str) -> list[list[re.Match]]:
    """Split words into runs at prepositions and punctuation (a phrase never crosses them)."""
    runs: list[list[re.Match]] = [[]]
    for k, w in enumerate(words):
        gap = text[words[k - 1].end() : w.start()] if k else ""
        if w.group(0).lower() in PREPS or gap.strip(" «»\"„“"):
            runs.append([])
            if w.group(0).lower() in PREPS:
                continue
        runs[-1].append(w)
    return [r for r in runs if r]


def _names_someone(run: list[re.Match]) -> bool:
    roles = load_words("roles.txt")
    for w in run:
        word = w.group(0)
        if word.lower() in PRONOUN_SPEAKERS:
            return True
        if word[:1].isupper() and any("nomn" in p.tag.grammemes for p in morph.parses(word.lower())[:4]):
            return True  # a speaker is named in the nominative: not «в Стокгольме»
        if morph.lemma(word).replace("ё", "е") in roles:
            return True
    return False


def _span(text: str, run: list[re.Match]) -> Span:
    return Span(run[0].start(), run[-1].end(), text[run[0].start() : run[-1].end()])


# ---------------------------------------------------------------- dash dialogue
_DASH_LINE = re.compile(rf"[{DASHES}]\s+")
_DASH_ATTR = re.compile(rf"(?P<punct>[,.!?…])\s*[{DASHES}]\s+(?P<attr>(?:(?!\s[{DASHES}]\s)[^\n]){{2,160}}?)(?P<end>[.,]\s*[{DASHES}]\s+|[.!?…]?\s*$)")


def _dash_speech(text: str, para: Span, pairs: list[QuotePair]) -> list[Quote]:
    """— Это неправда, — ответил он. — Мы готовы. (a paragraph that opens with a dash)"""
    m = _DASH_LINE.match(text, para.start, para.end)
    if not m or any(p.open < para.end and p.end > para.start and p.depth == 0 and p.close - p.open > 40 for p in pairs):
        return []
    body = m.end()
    attr = None
    phrase = None
    verb = None
    q_end = para.end
    for a in _DASH_ATTR.finditer(text, body, para.end):
        words = list(_WORD.finditer(text, a.start("attr"), a.end("attr")))
        verbs = [w for w in words[:4] if is_speech_verb(w.group(0))]
        if not verbs:
            continue
        a0, a1 = a.start("attr"), a.end("attr")
        attr = Span(a0, a1, text[a0:a1])
        verb = verbs[0].group(0)
        phrase = _phrase_around(text, verbs[0], a0, a1)
        if a.group("end").strip(" .!?…") == "":  # attribution closes the paragraph
            q_end = a.start("punct") + (1 if text[a.start("punct")] in "!?…" else 0)
        break
    if attr is None:
        return []
    return [Quote(m.start(), q_end, attr, phrase, verb, (body, q_end), kind="dash")]
