"""Direct quotes over character spans: telling speech from names among the paired quote marks
(``quote_marks``).

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

from . import morph, regexes
from .model import Span
from .quote_marks import _MARKS, _WORD, DASHES, STRAIGHT, QuotePair, _opens_sentence, _rstrip, pair_quotes
from .quote_attribution import (_SENT_END, _as_span, _attribution_after, _attribution_before, _attribution_next,
                                _finite_verb, _intro_line, _nominal, _person_opens)
from .speech_verbs import is_speech_verb, speech_verbs  # noqa: F401 - re-exported: the speaker model reads them here
from .text import inside, norm_word, paragraphs
from .wordlists import load_words


_CLAUSE = regexes.compile(r",?\s*(?:что|чтобы|будто|как)\b")
# «…», — сказал он. — «…» · «…», сказал он. «…» — the same speaker goes on in the next quote
_CONTINUES = regexes.compile(rf"[\s.,;:…]*[{DASHES}][\s.,;:…{DASHES}]*|[\s]*[.!?…]\s*")
_LAST_WORD = regexes.compile(r"([\w-]+)\s*$")
# «"Соберите вещи и еду на 3 дня": в одном из сел …»: a quote that a sentence goes on from is a
# headline's or a name, not the last speaker going on
# a headline's «…»: then who said it, up to «о» (what about) or the line's end: «…»: замминистра о пенсионной реформе
_HEADLINE_COLON = regexes.compile(r"[ \t]*:[ \t]*([^\n.!?«»]{3,80}?)(?=[ \t]+(?:о|об|про|—)[ \t]|[ \t]*$)", re.M)
_HEADLINE_AFTER = regexes.compile(r"\s*:\s*[а-яё]|\s+[а-яё]")
# a quote's speaker in brackets right after it, ending its sentence: «…» (вице-министр торговли Жанна Омарова).
# (the words after a comma inside say how, not who: «(аким области Асхат Байжанов, отвечая на вопрос журналистов)»)
_BRACKETED = regexes.compile(r"[ \t\u00a0]*\(([^(),\n]{3,120})(?:,[^()\n]{0,120})?\)[ \t\u00a0]*(?:[.!?…;]|$)", re.M)
_INSIDE = regexes.compile(rf"[,.!?…]\s*[{DASHES}]\s+(?P<attr>(?:(?!\s[{DASHES}]\s)[^«»\"\n]){{3,160}}?)[,.]\s*[{DASHES}]\s+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and the attribution that makes it speech.

    ``side`` says where the attribution stands, which tells the resolver where to read the subject:
    "after" (``», — сказал X``), "before" (``X заявил: «…»``), "inside" (``«…, — пояснила она, — …»``),
    "words" (``По словам X, «…»``: ``attribution`` is what follows the marker), "next" (``«…» Об этом
    заявил X.``), or "none" (a quote whose speaker only the context gives).
    """

    start: int
    end: int
    attribution: Span | None  # the clause with the speech verb and the speaker
    verb: Span | None  # the speech verb as written (its gender and number help pronouns)
    inner: tuple[int, int]  # the quoted words without the marks
    unclosed: bool = False
    kind: str = "quote"  # "quote" | "dash"
    side: str = "none"  # where the attribution stands; "dialogue": a line of a dialogue attributed further on
    # «X назвал это злом: «…», сообщает Лента.ру»: the clause before a colon, read when the clause after
    # names no speaker (only the outlet that relays the quote)
    before: tuple[Span | None, Span] | None = None


_OUTER_MARKS = regexes.compile(f"[«»{STRAIGHT}]")  # marks that open or close a quote of the author's text
HELD_PARAGRAPHS = 3  # paragraphs without a mark that a quote left open may run over before one closes it


def _carried_on(text: str, para: Span, opener: Quote | None, prev: Span | None, held: list[Span]) -> list[Quote]:
    """The rest of a quote a paragraph before left open, where this paragraph closes it without opening one
    («… подсудимый сказал: «Я признаю вину … / Прошу суд учесть … до приезда полиции».»): the words up to
    the closing mark, and the paragraphs without a mark between (``held``), are the same speaker's quote
    (typography reopens a quote at each paragraph; a sloppy page does not)."""
    before = held[0] if held else prev
    opened = held[0] if held else para  # (the paragraph the open quote ran on into)
    if before is None or opener is None or not opener.unclosed or opener.end > opened.start \
            or opener.end < _rstrip(text, opener.start, opened.start):
        return []
    first = _MARKS.search(text, para.start, para.end)
    if first is None or text[first.start()] not in "»”":
        return []
    close = first.start()
    run = [Quote(h.start, end, None, None, (h.start, end), True) for h in held
           if (end := _rstrip(text, h.start, h.end)) > h.start]
    # («…недопустимо», — сказал министр.»: the attribution after the closing mark names the speaker of the whole,
    # when its opening said no one; one that did (««…, — пояснил Рахимов. — …» names them once)
    after = _attribution_after(text, close + 1, para.end) if opener.attribution is None else None
    if after is not None and re.search(f"[{DASHES}]", text[close + 1 : after[1].start]):
        verb, attr = after
        return run + [Quote(para.start, close + 1, attr, verb, (para.start, close), side="after")]
    return run + [Quote(para.start, close + 1, None, None, (para.start, close))]


# ---------------------------------------------------------------- classification
_REPORTED = regexes.compile(r"(?:,\s*|\s)(?:что|чтобы|будто|якобы)\s*$", re.I)
# A name, title or term in «» is short; a longer «…» that is not speech is left to its paragraph.
# Nested «…«…«…»…»…» would otherwise repeat each inner text once per level: quadratic output.
QUOTED_NAME_MAX = 500
SPEECH_DEPTH = 1  # quote pairs nested this deep are names or terms, not speech


def find_quotes(text: str, start: int = 0, end: int | None = None,
                skip: list[Span] = ()) -> tuple[list[Quote], list[Span]]:
    """Direct quotes and quoted names (names, titles, terms, fragments) in ``text[start:end]``."""
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    names: list[Span] = []
    prev: Span | None = None
    goes_on = False  # the paragraph before closed with speech that its speaker may go on with
    dialogue = False
    bare: list[Span] = []  # dash paragraphs in a row with no quote yet: a dialogue's lines, if one is attributed
    held: list[Span] = []  # paragraphs without a mark since a quote was left open
    opener: Quote | None = None  # the quote left open that the held paragraphs go on with
    lines: list[Span] = []  # the paragraphs in a row, up to this one, that are lines of speech opened by a dash
    for para in paragraphs(text, start, end):
        before_para = len(quotes)
        carried = _carried_on(text, para, opener if held else quotes[-1] if quotes else None, prev, held)
        quotes += carried
        pairs = [p for p in pair_quotes(text, para.start, para.end)
                 if not inside(p.open, skip)]
        speech_until = -1
        said_until = -1  # the end of the last quote's attribution
        for p in pairs:
            if p.open < speech_until:
                if p.end - p.open <= QUOTED_NAME_MAX:
                    names.append(Span(p.open, p.end, text[p.open : p.end]))
                continue
            # «…«…«…»…»…»: a quote two levels down is never speech of its own (and testing every level
            # of a deep nest reads the text once per level)
            q = _as_speech(text, p, para, prev) if p.depth < SPEECH_DEPTH else None
            if q is None and said_until >= 0 and _CONTINUES.fullmatch(text, said_until, p.open) \
                    and not _HEADLINE_AFTER.match(text, p.end):
                # «…», — подчеркнул он. — «Без него Арал не выживет». — the same speaker goes on
                q = Quote(p.open, p.end, None, None, _inner(text, p), p.unclosed)
            if q is None and goes_on and p.open == para.start and p.depth == 0 and _rest_is_empty(text, p.end, para.end):
                # a paragraph that is only «…», after one that closed with speech: the speaker goes on
                q = Quote(p.open, p.end, None, None, _inner(text, p), p.unclosed)
            if q is None:
                if p.end - p.open <= QUOTED_NAME_MAX:
                    names.append(Span(p.open, p.end, text[p.open : p.end]))
            else:
                quotes.append(q)
                speech_until = p.end
                said_until = max(p.end, q.attribution.end if q.attribution and q.side != "before" else p.end)
        dashed = _dash_speech(text, para, pairs)
        if not dashed and len(quotes) == before_para:
            dashed = _after_colon_line(text, para, prev, end)
        if not dashed and goes_on and not dialogue and len(quotes) == before_para:
            dashed = _dash_goes_on(text, para, pairs)
        quotes += dashed
        line = _DASH_LINE.match(text, para.start, para.end)
        if len(quotes) == before_para and line and (dialogue and len(lines) >= 2 or lines and _asks_someone_named(
                text, quotes[-1])):
            # «— Вы откуда? — спрашивает он. / — Из Оша, — отвечает женщина. / — Документы покажите.»: a bare line
            # right after two lines of a dialogue is one more of its turns (``segments`` tells whose)
            quotes.append(Quote(line.start(), para.end, None, None, (line.end(), para.end), kind="dash",
                                side="alternate"))
        lines = lines + [para] if any(q.kind == "dash" and q.start == para.start for q in quotes[before_para:]) \
            else []
        if len(quotes) == before_para and line:
            bare.append(para)
        else:
            if dashed and dashed[0].start == para.start and bare:
                quotes += _dialogue_before(text, bare, dashed[0])
            bare = []
        # a question among the dash lines makes them a dialogue, whose lines alternate speakers
        dialogue = dialogue or any(q.kind == "dash" and (_asks(text, q) or _replies(text, q)) for q in dashed)
        # («— …, — сказал тренер. / — Можно сказать, что он лучший игрок? / — Да, …»: a question put to the one
        # who has just spoken, bare, keeps the floor theirs for the answer after it, as a press conference is written)
        goes_on = _closes_with_speech(text, para, quotes[before_para:]) \
            or goes_on and not dialogue and len(quotes) == before_para and _bare_question(text, para)
        # a paragraph with no mark and no speech of its own, after a quote left open: held, in case a later one
        # closes the quote («Износ сетей … / В ближайшие три года … / … недопустимо», — сказал министр.»)
        # (a quote nested in it is typed „…“: «… налил чаю и сказал: „Голос — дело наживное“. / … », — рассказала
        # она»; once the run closes, the run's quote holds it)
        opener = (opener if held else quotes[before_para - 1] if before_para else None) if not carried else None
        open_run = opener is not None and opener.unclosed and len(held) < HELD_PARAGRAPHS \
            and all(text[q.start] in "„“" for q in quotes[before_para:]) \
            and _OUTER_MARKS.search(text, para.start, para.end) is None
        held = held + [para] if open_run else []
        prev = para
    quotes.sort(key=lambda q: (q.start, -q.end))
    kept: list[Quote] = []
    for q in quotes:  # «…» inside a dash line: one quote, never two overlapping ones
        if kept and q.start < kept[-1].end:
            if q.kind == "dash" or kept[-1].kind != "dash" or _WORD.search(text, kept[-1].inner[0], q.start):
                # (a dash line whose words come before the «…» in it is the line's speaker's: «— Муж не дожил. Он
                # каждую зиму обещал: «…»», the husband's words inside hers)
                continue
            kept.pop()  # «— «Мы справимся», — сказал он»: the dash only opens the line, the quote is it
        kept.append(q)
    return kept, names


def _as_speech(text: str, p: QuotePair, para: Span, prev: Span | None) -> Quote | None:
    inner = _inner(text, p)
    if _REPORTED.search(text, max(para.start, p.open - 40), p.open):
        return None  # «заявила, что "…"»: reported speech in the author's sentence — a fragment
    if _named(text, p.open, para.start):
        return None  # ТОО "Шыгыс Курылыс", партия «Яблоко»: a name, whatever follows it
    if text[inner[0] : inner[0] + 1].islower() and not _opens_sentence(text, p.open, para.start):
        return None  # «призвал Киев «вести диалог», передает ИТАР-ТАСС»: words inside a sentence, a fragment
    after = _attribution_after(text, p.end, para.end)
    before = _attribution_before(text, p.open, para.start)
    if after and (re.search(f"[{DASHES}]", text[p.end : after[1].start]) or _speechlike(text, inner)):
        verb, attr = after
        colon = before[:2] if before and before[2] == "before" and text[before[1].end] == ":" else None
        return Quote(p.open, p.end, attr, verb, inner, p.unclosed, side="after", before=colon)
    headline = _HEADLINE_COLON.match(text, p.end, para.end) if p.open == para.start else None
    if headline is not None and _speechlike(text, inner):
        # «Пенсия не должна быть пособием по бедности»: замминистра о пенсионной реформе — a headline's quote, then
        # after a colon who said it and, after «о», what about
        names = list(_WORD.finditer(text, headline.start(1), headline.end(1)))
        if 1 <= len(names) <= 8 and _nominal(names):
            return Quote(p.open, p.end, Span(headline.start(1), headline.end(1), headline.group(1)), None, inner,
                         p.unclosed, side="after")
    credit = _BRACKETED.match(text, p.end, para.end) if _opens_sentence(text, p.open, para.start) else None
    if credit is not None and _speechlike(text, inner) and (words := _WORD.findall(text, *inner)) and len(words) >= 3:
        # «…» (министр энергетики Бакытжан Сериков).: a digest's quote, whose speaker the brackets after it name
        names = list(_WORD.finditer(text, credit.start(1), credit.end(1)))
        if names and len(names) <= 12 and _nominal(names):
            return Quote(p.open, p.end, Span(credit.start(1), credit.end(1), credit.group(1)), None, inner,
                         p.unclosed, side="after")
    if before and before[2] == "words" and _HEADLINE_AFTER.match(text, p.end):
        before = None  # «По данным TNS, «MTV Россия» входит в число …»: a name the sentence goes on with
    if before and not (before[0] is None and before[2] == "before" and not _speechlike(text, inner)):
        # (a clause without a speech verb before a colon introduces a said sentence, not a name:
        # «делить лицензии: «Роснефти» доставались нефтяные»)
        verb, attr, side = before
        return Quote(p.open, p.end, attr, verb, inner, p.unclosed, side=side)
    pos = inner[0]
    while (found := _INSIDE.search(text, pos, inner[1])) is not None:
        pos = found.start("attr")
        words = list(_WORD.finditer(text, found.start("attr"), found.end("attr")))
        verbs = [w for w in words[:3] if is_speech_verb(w.group(0))]
        if verbs:
            a0, a1 = found.start("attr"), found.end("attr")
            return Quote(p.open, p.end, Span(a0, a1, text[a0:a1]), _as_span(verbs[0]), inner, p.unclosed,
                         side="inside")
    nxt = _attribution_next(text, p.end, para.end)
    # «…» Об этом заявил X: the quote is a sentence of its own (a quote inside one is a fragment)
    if nxt and _opens_sentence(text, p.open, para.start) and len(_WORD.findall(text, *inner)) >= 4:
        verb, attr = nxt  # (no verb: «Эти слова принадлежат X», whose words they are)
        return Quote(p.open, p.end, attr, verb, inner, p.unclosed, side="next" if verb is not None else "owner")
    if p.open == para.start and _rest_is_empty(text, p.end, para.end):
        intro = _intro_line(text, prev)
        if intro is not None:  # «Алихан Смаилов, премьер-министр Казахстана:» on the line before
            return Quote(p.open, p.end, intro, None, inner, p.unclosed, side="before")
        after = _PARAGRAPH_AFTER.match(text, para.end)
        nxt = _attribution_next(text, p.end, after.end()) if after is not None else None
        if nxt is not None and len(_WORD.findall(text, *inner)) >= 4:
            # «…» alone as a paragraph, then «Так глава района Бахытжан Серикбаев ответил …», «Об этом заявил …»,
            # «Эти слова принадлежат …» opening the next one: the words are the speaker's the next paragraph names
            return Quote(p.open, p.end, nxt[1], nxt[0], inner, p.unclosed, side="next" if nxt[0] is not None else "owner")
        # «…» alone as a paragraph of several sentences: a quote, speaker from context; of one sentence,
        # when the paragraph before says someone spoke («… рассказал о планах.» / «Мы заложим …»), not a
        # title or a slogan set apart
        words = _WORD.findall(text, *inner)
        if _sentences_inside(text, inner) >= 2 or (
                prev is not None and _says(text, prev) and len(words) >= 4 and _has_verb(words)):
            return Quote(p.open, p.end, None, None, inner, p.unclosed)
    return None


def _named(text: str, i: int, start: int) -> bool:
    """Whether the word before a quote mark is a noun that takes a name: «ТОО», «партия», «газета»."""
    m = _LAST_WORD.search(text[max(start, i - 30) : i])
    return bool(m) and morph.lemma(m.group(1)).replace("ё", "е") in load_words("organisations.txt", "name nouns")


def _speechlike(text: str, inner: tuple[int, int]) -> bool:
    """Whether quoted words read as a said sentence (a verb, or four words and more), not a bare name,
    which a comma attribution alone («…», сказал он) needs: «ТОО "Шыгыс Курылыс", сообщил аким» is a name."""
    words = _WORD.findall(text, inner[0], inner[1])
    return len(words) >= 4 or _has_verb(words)


def _has_verb(words: list[str]) -> bool:
    """Whether some word reads first as a verb, a short participle or an infinitive."""
    return any(p.tag.POS in ("VERB", "PRTS", "INFN") for w in words for p in morph.parses(w.lower())[:1])


def _inner(text: str, p: QuotePair) -> tuple[int, int]:
    s, e = p.open + 1, (p.close if not p.unclosed else p.end)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _says(text: str, para: Span) -> bool:
    """Whether a paragraph's last sentence has a speech verb outside quote marks («Рахманов рассказал о
    планах на следующий год.»)."""
    tail = para.text[max(0, len(para.text) - 300) :]
    last = re.split(r"[.!?…]\s+(?=[А-ЯЁA-Z«\"])", tail)[-1]
    last = re.sub(r"«[^«»]*»|\"[^\"]*\"", " ", last)
    return any(is_speech_verb(w) for w in _WORD.findall(last))


def _sentences_inside(text: str, inner: tuple[int, int]) -> int:
    return len(_SENT_END.findall(text, inner[0], inner[1])) + 1


_PARAGRAPH_AFTER = regexes.compile(r"\s*\n[^\n]*")  # the blank line and the paragraph after a paragraph


_ASKED_BY_NAME = regexes.compile(r"(?<![\w-])у[ \t]+[А-ЯЁ]")  # «— спросили мы | у Земцова»


def _asks_someone_named(text: str, q: Quote) -> bool:
    """Whether a dash line asks someone its attribution names after «у» («— Когда ждать …? — спросили мы у
    Земцова»): the bare line after it is that one's answer (``segments`` tells whose)."""
    return q.kind == "dash" and q.attribution is not None and _asks(text, q) \
        and _ASKED_BY_NAME.search(text, q.attribution.start, q.attribution.end) is not None


def _rest_is_empty(text: str, i: int, end: int) -> bool:
    return not re.search(r"\w", text[i:end])


# ---------------------------------------------------------------- dash dialogue
def asking_verbs() -> frozenset[str]:
    """speech_verbs.txt # asking: «спросить», «расспрашивать», «поинтересоваться»."""
    return load_words("speech_verbs.txt", "asking")


def _closes_with_speech(text: str, para: Span, found: list[Quote]) -> bool:
    """Whether a paragraph ends with speech its speaker may go on with in the next paragraph: a quote
    (with its attribution) closes it, and it is no question (the answer that follows is another's)."""
    if not found:
        return False
    q = max(found, key=lambda q: q.end)
    tail = max(q.end, q.attribution.end if q.attribution is not None and q.side != "before" else q.end)
    return not text[tail:para.end].strip(" .!?…»\"”") and not _asks(text, q)


def _asks(text: str, q: Quote) -> bool:
    """Whether a quote is a question: it ends with «?» or its verb asks."""
    if text[q.inner[0] : q.inner[1]].rstrip(" .…»\"”").endswith("?"):
        return True
    return _verb_lemma(text, q) in asking_verbs()


def _replies(text: str, q: Quote) -> bool:
    """Whether a quote's verb answers someone («— …, — отвечает Андрей»: speech_verbs.txt # replies): an exchange,
    as a question is («— Вы опять пришли без направления, — говорит медсестра. / — …, — отвечает Андрей. / — Я
    правила не придумываю.»: the nurse's)."""
    return _verb_lemma(text, q) in load_words("speech_verbs.txt", "replies")


def _verb_lemma(text: str, q: Quote) -> str:
    """The lemma of a quote's attribution verb, "" when it has none."""
    return norm_word(morph.lemma(text[q.verb.start : q.verb.end])) if q.verb is not None else ""


def _dialogue_before(text: str, bare: list[Span], said: Quote) -> list[Quote]:
    """«— Почему вы решили …? / — Это история … / — Вы ожидали победы? / — Нет …, — рассмеялась Чжан Лимин»:
    dash paragraphs in a row with no attribution before one a speech verb attributes are the lines of one
    dialogue with it, if one of them asks (a list of dashed items asks nothing)."""
    lines = [Quote(p.start, p.end, None, None, (_DASH_LINE.match(text, p.start, p.end).end(), p.end), kind="dash",
                   side="dialogue") for p in bare]
    return lines if any(_asks(text, q) for q in lines) else []


def _after_colon_line(text: str, para: Span, prev: Span | None, end: int) -> list[Quote]:
    """«Асель отвечает не задумываясь: / — Нет. Здесь мои мастерицы, здесь мой дом.»: a dash line with no
    attribution of its own right after a paragraph that ends with a colon is what that paragraph's clause says
    (``_attribution_before``); not an item of a list («назвал приоритеты: / — дороги; / — школы»): the line is
    the only dash line there and ends no item."""
    if prev is None or not prev.text.rstrip().endswith(":"):
        return []
    m = _DASH_LINE.match(text, para.start, para.end)
    nxt = _skip_space(text, para.end, end)
    if m is None or text[para.start : para.end].rstrip().endswith((";", ",")) \
            or _DASH_LINE.match(text, nxt) and not has_dash_attribution(text, Span(nxt, _line_end(text, nxt, end), "")):
        return []  # (a dash line after it that says who speaks is a reply, not the next item of a list)
    before = _attribution_before(text, para.start, prev.start)
    if before is None or before[2] != "before" or before[0] is None and not _person_opens(_WORD.findall(before[1].text)[0]):
        return []  # (a topic's heading is no speaker: «О ценах на рыбу: / — …»)
    verb, attr, _ = before
    return [Quote(m.start(), para.end, attr, verb, (m.end(), para.end), kind="dash", side="before")]


def _line_end(text: str, i: int, end: int) -> int:
    j = text.find("\n", i, end)
    return end if j < 0 else j


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _bare_question(text: str, para: Span) -> bool:
    """Whether a paragraph is a dash line that asks and says nothing of who asks («— А следующий матч?»)."""
    m = _DASH_LINE.match(text, para.start, para.end)
    return m is not None and text[m.end() : para.end].rstrip(" *").endswith("?")


def _dash_goes_on(text: str, para: Span, pairs: list[QuotePair]) -> list[Quote]:
    """— В 2026 году сеть дойдет до районов. (a dash paragraph with no attribution after one whose
    speaker spoke last: the same speaker goes on, as Russian news writes a speech over paragraphs)"""
    m = _DASH_LINE.match(text, para.start, para.end)
    if not m or any(p.depth == 0 and p.close - p.open > 40 for p in pairs):
        return []
    q = Quote(m.start(), para.end, None, None, (m.end(), para.end), kind="dash")
    return [] if _asks(text, q) else [q]


# a dash and a space, or a dash written close up to the words it opens («-За шесть месяцев …,-сообщил Саидов»:
# a hyphen-minus without spaces, as some sites type it); a word never begins with a hyphen
_DASH_LINE = regexes.compile(rf"[{DASHES}](?:\s+|(?=[А-ЯЁA-Z«\"„]))")
_DASH_ATTR = regexes.compile(rf"(?P<punct>[,.!?…])\s*[{DASHES}](?:\s+|(?=[а-яё]))(?P<attr>(?:(?!\s[{DASHES}]\s)[^\n]){{2,160}}?)"
                             rf"(?=(?P<end>[.,]\s*[{DASHES}](?:\s+|(?=[А-ЯЁ«\"„]))|[.!?…]?\s*$))")
# (the end is looked at, not taken: «— …, — тут уже я его учу, — смеётся Алибек»: a remark with no speech verb is the
# speaker's own dash, and the next one may be the attribution)


def has_dash_attribution(text: str, para: Span) -> bool:
    """Whether a dash paragraph says who speaks («— Это неправда, — ответил он.»)."""
    return bool(_dash_speech(text, para, []))


def _dash_speech(text: str, para: Span, pairs: list[QuotePair]) -> list[Quote]:
    """— Это неправда, — ответил он. — Мы готовы. (a paragraph that opens with a dash, or a sentence of one
    that does: «Вице-мэр заявил, что … – Денег в бюджете нет, – признал он.»)"""
    if any(p.open < para.end and p.end > para.start and p.depth == 0 and p.close - p.open > 40 for p in pairs):
        return []
    m = _DASH_LINE.match(text, para.start, para.end)
    if m:
        return _dash_line(text, m)
    for inner in _DASH_SENTENCE.finditer(text, para.start, para.end):
        got = _dash_line(text, inner, para.end)
        if got:
            return got
    return []


# a sentence of the author's, then a dash and a capital: a line of speech inside the paragraph
_DASH_SENTENCE = regexes.compile(rf"(?<=[.!?…»\"”] )[{DASHES}] (?=[А-ЯЁ«\"„])")


REMARK_WORDS = 8  # words of a dash line's remark within which its speech verb stands


def _dash_line(text: str, m: re.Match, end: int | None = None) -> list[Quote]:
    """The dash line that ``m`` (its dash) opens, when a speech verb attributes it, to the paragraph's end."""
    para = Span(m.start(), end if end is not None else m.endpos, "")
    body = m.end()
    for a in _DASH_ATTR.finditer(text, body, para.end):
        words = list(_WORD.finditer(text, a.start("attr"), a.end("attr")))
        # the author's remark after a dash line's dash names who speaks: by a speech verb, also after a gerund's
        # phrase («— …, — не поднимая глаз от телефона, отвечает Данияр»), or by any verb that opens it («—
        # …, — оживляется Данияр», «— …, — поправляет Назгуль»)
        verbs = [w for w in words[:4] if is_speech_verb(w.group(0))] \
            or [w for w in words[:REMARK_WORDS] if w.group(0)[:1].islower() and is_speech_verb(w.group(0))] \
            or [w for w in words[:1] if _finite_verb(w.group(0))]
        if not verbs:
            continue
        a0, a1 = a.start("attr"), a.end("attr")
        q_end = para.end
        if a.group("end").strip(" .!?…") == "":  # attribution closes the paragraph
            q_end = a.start("punct") + (1 if text[a.start("punct")] in "!?…" else 0)
        side = "after" if q_end <= a0 else "inside"
        return [Quote(m.start(), q_end, Span(a0, a1, text[a0:a1]), _as_span(verbs[0]), (body, q_end),
                      kind="dash", side=side)]
    return []
