"""Quoted fragments: someone's words inside the author's sentence.

«Российский президент назвал встречу «хорошей»», «пригрозил "зеркальным ответом"», «заявила, что
"Россия …"», «По словам Брода, «публиковались …»» — the quote marks hold someone's words, the grammar
is the author's. A quoted stretch is a fragment when a speech verb (or «по словам X») governs it
from earlier in its sentence and names a speaker, or when the next sentence says «Об этом заявил X».
Names and titles stay names: a quoted stretch that starts with a capital and holds no verb
(«Русский марш», «Протоколов сионских мудрецов»), or that follows a noun that takes a name
(«партия «Яблоко»», «газета «Правда»»). A quoted stretch no one can be found to have said is a
scare quote, and stays a quoted name too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import morph, regexes
from .attribution import Context, by_words, resolve, words_in
from .noun_phrases import _reading
from .model import Span
from .quotes import is_speech_verb
from .speakers import Cast, Participant
from .text import norm_word, sentence_breaks
from .wordlists import load_sections

_ABOUT_THIS = regexes.compile(r"\s*(?:Об\s+этом|О\s+том)\s+", re.I)
_CLAUSE_OPENERS = frozenset(("что", "чтобы", "будто"))  # after a comma: a clause with a subject of its own
# «по словам Брода,» · «По его словам,» · «по мнению экспертов S&P,»
_BY_WORDS = regexes.compile(r"\b[Пп]о\s+(?:(?:словам|мнению|оценке|данным)\s+([^,]{2,80})|(его|ее|её|их)\s+(?:словам|мнению|оценке)),")
CLAUSE_REACH = 300  # characters back from a quote to the start of its sentence
AFTER_REACH = 1000  # characters on from a fragment to its sentence's end, and of the statement after it
_STOP = regexes.compile(r"[.!?…]")
_LETTER = regexes.compile(r"[^\W\d_]")
_LETTERS = regexes.compile(r"[^\W\d_]+")
_WORDS = regexes.compile(r"[\w-]+")
_STATEMENT_END = regexes.compile(r"[.!?…](?=\s|$)|\n")
# «так называемой «биоэнергоинформатики»», «т. н. «серые схемы»»: the author marks a term, nobody's words
_SO_CALLED = regexes.compile(r"(?:\b[Тт]ак\s+(?:называем|именуем)[а-яё]{2,3}|\b[Тт]\.\s?н\.)\s*$")


@dataclass(frozen=True, slots=True)
class Fragment:
    start: int
    end: int
    attribution: Span | None
    speaker: Participant


@functools.cache
def _name_nouns() -> frozenset[str]:
    return frozenset(load_sections("organisations.txt").get("name nouns", ()))


def find_fragments(text: str, names: list[Span], cast: Cast, ctx_of, end: int) -> tuple[list[Fragment], list[Span]]:
    """Split quoted stretches into fragments (with speakers) and the names that stay names.

    ``ctx_of(pos)`` gives the resolution context (last speaker, last issuer) at a position.
    """
    fragments: list[Fragment] = []
    rest: list[Span] = []
    for n in names:
        got = None if _is_name(text, n) else _speaker(text, n, cast, ctx_of(n.start), end)
        if got is None:
            rest.append(n)
        else:
            fragments.append(Fragment(n.start, n.end, got[1], got[0]))
    return fragments, rest


def _is_name(text: str, n: Span) -> bool:
    if text[n.end - 1 : n.end] not in "»“”\"":
        return True  # an unclosed mark: nobody's words can be told apart
    inner = text[n.start + 1 : n.end - 1].strip()
    if not inner or not _LETTER.search(inner):
        return True
    if _SO_CALLED.search(text, max(0, n.start - 30), n.start):
        return True
    before = _WORDS.findall(text[max(0, n.start - 30) : n.start])
    first = inner[:1]
    if before and norm_word(morph.lemma(before[-1])) in load_sections("organisations.txt").get("term nouns", ()):
        return True  # «термин "цифровой тенге"»: a term mentioned, in whatever case it is written
    if before and norm_word(morph.lemma(before[-1])) in _name_nouns() and not first.islower():
        # партия «Яблоко», газета «Русская правда»; a name in quote marks opens with a capital, so
        # «назвал проект «разумным компромиссом»», «что команда «не заслужила большего»» are words
        return True
    if first.isupper() and not _has_verb(inner):
        return True  # «Русский марш», «Голоса Америки», «40 дней без Егора»
    return False


@functools.lru_cache(maxsize=50_000)
def _speaking_participle(word: str) -> bool:
    """An active participle of a speech verb in the nominative: «Кыргызский министр, назвавший переговоры «…»,
    отметил …»: its clause's words are the subject's, before whom it stands."""
    p = morph.parses(word.lower())[0]
    return p.tag.POS == "PRTF" and {"actv", "nomn"} <= p.tag.grammemes and is_speech_verb(p.normal_form)


@functools.lru_cache(maxsize=50_000)
def _finite(word: str) -> bool:
    return any(p.tag.POS in ("VERB", "PRTS") for p in morph.parses(word.lower())[:1])


def _has_verb(inner: str) -> bool:
    return any(_finite(w) for w in _LETTERS.findall(inner))


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - CLAUSE_REACH)
    start = lo
    # (two characters further: «…интеграции."Соберите …»: the break looks past the opening mark)
    for _, b in sentence_breaks(text, lo, min(len(text), pos + 2)):
        start = min(b, pos)
    return start


_VERB_AFTER = regexes.compile(r"[ \t]*,[ \t]*(?:[—–][ \t]*)?([а-яё]+)")  # «…», | уточнили в ДЧС
_GAPPED = regexes.compile(r"[,;][ \t]+а[ \t]+([^,;:.!?\n]{3,150}?)[ \t]+[—–][ \t]*$")  # «…», а Y — «…»


def _speaker(text: str, n: Span, cast: Cast, ctx: Context, end: int) -> tuple[Participant, Span] | None:
    s0 = _sentence_start(text, n.start)
    # «По словам Брода, «публиковались …»» — the marker governs what follows it in the sentence
    for m in _BY_WORDS.finditer(text, s0, n.start):
        g = 1 if m.group(1) else 2
        who = by_words(cast, text, m.start(g), m.end(g), m.start(), ctx)  # («его»: from where it stands)
        if who is not None:
            return who, Span(m.start(), m.end() - 1, text[m.start() : m.end() - 1])
    gapped = _GAPPED.search(text, max(s0, n.start - 200), n.start)
    if gapped is not None:
        # «Театровед X назвала постановку «смелой», а обозреватель газеты Y — «лучшей премьерой сезона»»: the verb left
        # out after «а», its new subject says the words before the dash
        for w in words_in(text, gapped.start(1), gapped.end(1)):
            p = cast.at(w.start)
            if p is not None and p.kind in ("person", "organisation"):
                return p, Span(gapped.start(1), gapped.end(1), gapped.group(1))
    ws = [w for w in words_in(text, s0, n.start) if not cast.in_quote(w.start)]
    verbs = [w for w in ws if w.text[:1].isalpha() and (is_speech_verb(w.text) or _speaking_participle(w.text))]
    for verb in reversed(verbs):  # the verb nearest the quote governs it
        # «Ерубаев напомнил, что президент призвал «…»»: the verb's subject is in its own clause
        clause = next((w.start for w in reversed(ws) if w.start < verb.start and w.low in _CLAUSE_OPENERS
                       and text[max(s0, w.start - 2) : w.start].strip() == ","), s0)
        finite = _reading(verb.text)[2] == "VERB"  # (an infinitive has no subject: «…, что лидерам следовало выступать»)
        who = resolve(cast, text, clause, n.start, verb, n.start, ctx, subject_first=True) \
            if clause > s0 and finite else None
        who = who or resolve(cast, text, s0, n.start, verb, n.start, ctx, subject_first=True)
        if who is not None:
            return who, Span(s0, verb.end, text[s0 : verb.end])
    after = _VERB_AFTER.match(text, n.end)
    if after is not None and is_speech_verb(after.group(1)):
        # «По предварительной версии, причиной стало «короткое замыкание», уточнили в ДЧС»: the sentence's attribution
        # after the words, inverted
        stop = _STATEMENT_END.search(text, after.end(), min(end, after.end() + AFTER_REACH))
        e = stop.start() if stop else min(end, after.end() + AFTER_REACH)
        verb = next(iter(words_in(text, after.start(1), after.end(1))), None)
        who = resolve(cast, text, after.start(1), e, verb, after.start(1), ctx) if verb is not None else None
        if who is not None:
            return who, Span(after.start(1), e, text[after.start(1) : e])
    # «Иран даст "зеркальный ответ" … Об этом заявил Корпус стражей исламской революции»
    # both looks are bounded: in a text without a full stop, a search to its end for every fragment
    # made the cost grow with the square of the text (5 s of 16 for 400 KB of quotes in one line)
    stop = _STOP.search(text, n.end, min(end, n.end + AFTER_REACH))
    if stop:
        m = _ABOUT_THIS.match(text, stop.end(), end)
        if m:
            limit = min(end, m.end() + AFTER_REACH)
            s_end = _STATEMENT_END.search(text, m.end(), limit)
            e = s_end.start() if s_end else limit
            nxt = words_in(text, m.end(), e)
            verb = next((w for w in nxt[:3] if is_speech_verb(w.text)), None)
            if verb is not None:
                who = resolve(cast, text, m.end(), e, verb, m.end(), ctx)
                if who is not None:
                    return who, Span(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), e,
                                     text[m.start() + len(m.group(0)) - len(m.group(0).lstrip()) : e])
    return None
