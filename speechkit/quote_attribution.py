"""Where a quote's attribution stands and what it says: the clause after the closing mark (``», — сказал …``),
the clause before a colon (``заявил: «…»``), a sentence after the quote that says whose words they were («Об этом
заявил …», «Эти слова принадлежат …»), a name line before a quote's paragraph. Each finder returns the speech verb
and the clause's span; ``quotes`` decides which of them makes a quoted passage speech.
"""

from __future__ import annotations

import functools
import itertools
import re

from . import morph, regexes
from .model import Span
from .names import surname_ending
from .quote_marks import _AFTER, _WORD, DASHES, _rstrip
from .roles import is_person_noun
from .speech_verbs import is_speech_verb
from .text import CAPITAL_DOMAIN, norm_word
from .wordlists import load_sections, load_words


_AS = regexes.compile(r"\b[Кк]ак\s+")
_DASH = regexes.compile(f"[{DASHES}]")
# (not an initial's dot: «сказал В.Путин», «К.-Ж. Токаев»; but «в докладе S&P.» ends)
_SENT_END = regexes.compile(r"(?<![\s(«\"—–.-][А-ЯЁA-Z](?=\.))(?!\.(?<=\w\.)" + CAPITAL_DOMAIN
                            + r")[.!?…]+(?=\s|$|[«\"„А-ЯЁA-Z])|\n")
# «…, — пояснила она, — но …» · «…, — сказала она. — …»
_NEXT_QUOTE = regexes.compile(r"[:.!?…]\s*[«\"„]")
_SENT_MARK = regexes.compile(r"[.!?…\n]")
_CAPITAL_NEXT = regexes.compile(r"[ \t\u00a0]+[А-ЯЁA-Z]")
# («Таков ответ председателя …», «— такова позиция министерства …»: whose answer or view the quote is, in the genitive)
# («Эти цифры привела замминистра …», «Такие данные приводит …»: the figures or words just quoted, and who gave them)
# («Такой прогноз дал …», «Такое предупреждение сделал …»: a statement's noun, speech_verbs.txt # statement nouns)
_ABOUT_THIS = regexes.compile(r"[.!?…]?\s*(?:[—–]\s+)?(?:Об\s+этом|Такое\s+мнение|Такую\s+оценку|(?:С\s+)?[Ээ]тими\s+словами|Так|"
                         r"(?:Эти|Такие)\s+(?:цифры|данные|слова)(?!\s+принадлежат)|Эту\s+(?:цифру|информацию)|"
                         r"(?P<owner>(?:Эти|Такие)\s+слова\s+принадлежат"
                         r"|Таков[аоы]?\s+(?:ответ|мнение|позиция|оценка|вывод|комментарий))"
                         r"|(?P<statement>Так(?:ое|ую|ой|ие|ая)\s+(?P<noun>[а-яё]+)))\s+", re.I)
NEXT_VERB_WORDS = 6  # words after «Об этом» within which its speech verb stands
NEXT_SUBJECT_WORDS = 12  # the same, when a subject may stand first («Так министр … X прокомментировала»)
_INTRO_LINE = 160  # characters of a «Имя Фамилия, должность:» line that introduces the next paragraph's quote
ATTRIBUTION_REACH = 1000  # characters after a quote searched for the end of its attribution sentence
_JOINED_CLAUSE = regexes.compile(r"[,;][ \t\u00a0]+(?:а|но|однако|тогда[ \t]как|в[ \t]то[ \t]время[ \t]как)[ \t\u00a0]+")


def _as_span(m: re.Match) -> Span:
    return Span(m.start(), m.end(), m.group(0))


def _attribution_after(text: str, i: int, end: int):
    """«…», — сказал Глава государства. → (verb, attribution span); «"…" - глава ведомства» (no verb)."""
    m = _AFTER.match(text, i, end)
    dashed = bool(m and _DASH.search(m.group(0)))
    if not dashed:
        m = regexes.compile(r",\s*").match(text, i, end)  # «…», сказал он.
        if not m:
            return None
    # a paragraph of quotes without a full stop: each quote looks no further than ATTRIBUTION_REACH
    reach = min(end, m.end() + ATTRIBUTION_REACH)
    stop = _SENT_END.search(text, m.end(), reach)
    sent_end = stop.start() if stop else reach
    q = _NEXT_QUOTE.search(text, m.end(), sent_end)  # the next quote starts
    if q:
        sent_end = q.start()
    words = list(itertools.islice(_WORD.finditer(text, m.end(), sent_end), 10))
    lead = [w.group(0).lower() for w in words[:2]]
    # «— так председатель ассоциации Бейшенбек Турдалиев прокомментировал …», «— слова заместителя акима
    # Талгата Сейдахметова приводит агентство …»: the verb comes after the speaker
    reach = 10 if lead[:1] == ["слова"] or lead == ["такие", "слова"] else 7 if lead[:1] in (["так"], ["такими"]) else 4
    statement = _statement_opener(words)  # «— такое заявление сделал министр …»: the noun makes its verb a speech verb
    for k, w in enumerate(words[:reach]):
        if is_speech_verb(w.group(0)) or statement and w is words[statement] and _finite_verb(w.group(0)):
            if k + 1 < len(words) and _gerund(w.group(0)) and is_speech_verb(words[k + 1].group(0)) \
                    and _finite_verb(words[k + 1].group(0)):
                w = words[k + 1]  # «— плача, говорит женщина», «— смеясь, добавил он»: the gerund is how; the verb follows
            a0 = words[0].start()
            a1 = _rstrip(text, a0, sent_end)
            while a1 > a0 and text[a1 - 1] in ",;:":
                a1 -= 1
            return _as_span(w), Span(a0, a1, text[a0:a1])
    if dashed and words and _finite_verb(words[0].group(0)):
        # «— …, — поддерживает ее Виктор Лаптев»: after the comma and the dash come the author's words, and a
        # verb opening them is their verb, whatever verb it is
        a0 = words[0].start()
        a1 = _rstrip(text, a0, sent_end)
        while a1 > a0 and text[a1 - 1] in ",;:":
            a1 -= 1
        return _as_span(words[0]), Span(a0, a1, text[a0:a1])
    # a quoted phrase after the dash is a gloss, not a speaker: «"Таза өлке" - "Чистый край"»
    glossed = words and re.search(r"[«\"„“]", text[m.end() : words[0].start()])
    if dashed and words and not glossed and len(list(_WORD.finditer(text, m.end(), sent_end))) <= 8 \
            and _nominal(words):
        # a headline quote with a nominal attribution: «"…" - глава ведомства»
        a0, a1 = words[0].start(), words[-1].end()
        return None, Span(a0, a1, text[a0:a1])
    return None


_DEMONSTRATIVES = frozenset("такое такую такие такой это эту эти этот подобное подобную".split())


def _statement_opener(words: list[re.Match]) -> int:
    """Where the verb stands after «такое заявление», «это мнение», «с таким обращением» opening an attribution
    (speech_verbs.txt # statement nouns), or 0 when it does not open so."""
    k = 1 if words and words[0].group(0).lower() in ("с", "со") else 0  # («с таким обращением выступил …»)
    if len(words) < k + 3 or words[k].group(0).lower() not in (("таким", "этим") if k else _DEMONSTRATIVES):
        return 0
    noun = words[k + 1].group(0).lower()
    return k + 2 if norm_word(morph.lemma(noun)) in load_words("speech_verbs.txt", "statement nouns") else 0


@functools.lru_cache(maxsize=50_000)
def _finite_verb(word: str) -> bool:
    """A verb in the past or in the present's third person, lower case («поддерживает», «вспоминала»):
    after a quote and a dash, the verb of the author's words."""
    if not word[:1].islower():
        return False
    p = morph.parses(word)[0]
    return p.tag.POS == "VERB" and ("past" in p.tag.grammemes or {"pres", "3per"} <= p.tag.grammemes)


def _nominal(words: list[re.Match]) -> bool:
    """A short phrase that names a speaker and says nothing else: a role, a body or a name, no verb."""
    first = words[0].group(0)
    for w in words:
        if any(p.tag.POS in ("VERB", "INFN", "GRND", "PRTS") for p in morph.parses(w.group(0).lower())[:1]):
            return False
    lemma = morph.lemma(first).replace("ё", "е")
    return lemma in load_words("roles.txt") or lemma in load_words("organisations.txt", "heads") \
        or (first[:1].isupper() and any("nomn" in p.tag.grammemes for p in morph.parses(first.lower())[:3])) \
        or (first[:1].isupper() and surname_ending(first) == "") \
        or (first[:1].islower() and is_person_noun(first))  # «— Токаев» (the dictionary: «токай»), «— фермер из …»


def _attribution_next(text: str, i: int, end: int):
    """«…» Об этом заявил X. — the sentence after the quote names who said it."""
    m = _ABOUT_THIS.match(text, i, end)
    if not m:
        return None
    stop = _SENT_END.search(text, m.end(), end)
    sent_end = stop.start() if stop else end
    a0 = m.end()
    if m.group("owner"):  # «Эти слова принадлежат директору школы Мамыркану Ибраимову»: whose they are, no verb
        return None, Span(a0, sent_end, text[a0:sent_end])
    # «Так министр образования и науки Кыргызстана Жылдыз Абдыкадырова прокомментировала …», «Об этом Ерлан
    # Карин заявил …», «(С) этими словами министр Шодмон Бобозода начал пресс-конференцию», «Такую оценку дал X»: a
    # subject may come first
    opener = " ".join(m.group(0).strip(" .!?…\n\t").lower().split())
    stated = m.group("statement") is not None
    if stated and norm_word(morph.lemma(m.group("noun"))) not in load_words("speech_verbs.txt", "statement nouns"):
        return None  # («Такая погода держится …»: no statement)
    so = stated or opener in ("так", "об этом", "этими словами", "с этими словами", "такую оценку", "такое мнение")
    words = list(_WORD.finditer(text, a0, sent_end))[: NEXT_SUBJECT_WORDS if so else NEXT_VERB_WORDS]
    for w in words:  # «Об этом на церемонии награждения сообщила …»: a circumstance may come first
        if text[a0 : w.start()].count(",") or w.group(0)[:1].isupper() and w is not words[0] and not so:
            break  # (a clause or a name before the verb: no attribution of this shape, but after «Так»)
        # («Этими словами X начал …», «Такую оценку дал X»: any verb in the past, the opener says it is speech)
        if is_speech_verb(w.group(0)) or (stated or opener in ("этими словами", "с этими словами", "такую оценку",
                                                                "такое мнение")) and _past_verb(w.group(0)):
            return _as_span(w), Span(a0, sent_end, text[a0:sent_end])
    return None


@functools.lru_cache(maxsize=50_000)
def _gerund(word: str) -> bool:
    """«плача», «смеясь»: a gerund (its best reading)."""
    return morph.parses(word.lower())[0].tag.POS == "GRND"


def _past_verb(word: str) -> bool:
    """«начал», «открыла»: a verb in the past tense."""
    return any(p.tag.POS == "VERB" and "past" in p.tag.grammemes for p in morph.parses(word.lower())[:2])


def _intro_line(text: str, prev: Span | None) -> Span | None:
    """A short paragraph ending in a colon, before a paragraph that is a quote: its speaker's name line."""
    if prev is None or not prev.text.endswith(":") or len(prev.text) > _INTRO_LINE:
        return None
    words = _WORD.findall(prev.text)
    if not words or len(words) > 14 or not words[0][:1].isupper():
        return None
    return Span(prev.start, prev.end - 1, text[prev.start : prev.end - 1])


def _as_said(text: str, start: int, end: int) -> tuple[int, int] | None:
    """«Как заявил министр, «…»» · «По словам эксперта, «…»»: where the introducing words stand.

    «Как» counts when a speech verb follows within three words; «по словам»-type openers are the
    phrases of speech_verbs.txt that begin with «по».
    """
    low = text[start:end].lower().replace("ё", "е")  # (the list writes «по ее словам»)
    for phrase in load_sections("speech_verbs.txt").get("phrases", ()):
        if phrase.startswith("по "):
            k = low.find(phrase)
            if k >= 0 and (k == 0 or not low[k - 1].isalpha()) and low[k + len(phrase) : k + len(phrase) + 1] in (" ", ","):
                return start + k, start + k + len(phrase)  # («по его мнению,»: the marker ends at its comma too)
    for m in _AS.finditer(text, start, end):
        for w in list(_WORD.finditer(text, m.end(), end))[:3]:
            if is_speech_verb(w.group(0)):
                return m.start(), w.end()
    return None


def _attribution_before(text: str, i: int, start: int):
    """Костин заявил: «…» · Министр, глава ведомства: "…" · По словам X, «…» → (verb, span, side)."""
    j = i
    while j > start and text[j - 1].isspace():
        j -= 1
    if j <= start or text[j - 1] not in ":,":
        return None
    colon = j - 1
    # the clause before the colon, back to the previous sentence end or quote (within ATTRIBUTION_REACH:
    # «слово», «слово», … without a full stop walked back to the paragraph's start from every quote)
    lo = max(start, colon - ATTRIBUTION_REACH)
    k = colon
    if not (k > lo and text[k - 1] in ".!?…\n"):
        k = lo  # the nearest sentence end before the colon with a space or a capital after it
        for m in reversed(list(_SENT_MARK.finditer(text, lo, colon - 1))):
            after = text[m.end()]
            if after.isspace() or after.isupper():
                k = m.end()
                break
            if after in "»”\"" and _CAPITAL_NEXT.match(text, m.end() + 1):
                k = m.end() + 1  # «… задал вопрос: «Правда ли …?» Саткалиев опроверг: «…»»: a quote ended the sentence
                break
    words = list(_WORD.finditer(text, k, colon))
    if not words:
        return None
    if text[colon] == ",":
        said = _as_said(text, max(k, colon - 160), colon)
        if not said:
            return None  # only «Как заявил X, «…»» and «По словам X, «…»» introduce a quote with a comma
        inner = _WORD.search(text, i, i + 40)
        if inner is None or not inner.group(0)[0].isupper():
            return None  # «По словам главы региона, "ситуация остается напряженной"»: a fragment, not a quote
        a0, said_end = said
        verb = next((w for w in words if a0 <= w.start() < said_end and is_speech_verb(w.group(0))), None)
        if verb is not None:
            return _as_span(verb), Span(a0, colon, text[a0:colon]), "before"
        return None, Span(said_end, colon, text[said_end:colon]), "words"
    verbs = [w for w in words if is_speech_verb(w.group(0))]
    a0 = words[0].start()
    if verbs:
        # «— сказала Шмидт журналистам, а Касенов парировал: «…»»: a clause joined by «а», «но» has its own subject
        joined = [m for m in _JOINED_CLAUSE.finditer(text, a0, verbs[-1].start()) if m.end() < verbs[-1].start()]
        first = next((w for w in verbs if joined and w.start() >= joined[-1].end()), None)
        if first is not None and any(w.group(0)[0].isupper() or morph.pos(w.group(0).lower()) in ("NOUN", "NPRO")
                                     for w in _WORD.finditer(text, joined[-1].end(), first.start())):
            # (not «Министр заявил, но позже уточнил: …», «… не раскрыл, однако отметил, что сторона …: …»: no
            # subject before the verb of the joined clause, the same one goes on)
            a0 = joined[-1].end()
        last_comma = text.rfind(",", a0, verbs[-1].start())
        chunk = [w for w in words if last_comma < w.start() < verbs[-1].start()] if last_comma > a0 else []
        if any((w.group(0)[0].isupper() or is_person_noun(w.group(0))) and _can_be_nominative(w.group(0)) for w in chunk):
            # «На вопрос, не думает ли она переехать, Асель отвечает: …»: the subject right before the verb, after
            # a clause set off by commas that has a subject of its own
            a0 = chunk[0].start()
        return _as_span(verbs[-1]), Span(a0, colon, text[a0:colon]), "before"
    # «Министр, глава ведомства: "…"» · «Сам Александр Белов оказался более дипломатичным: «…»» —
    # the subject of the clause before the colon speaks; not of «Пользователи видели сообщение: «…»»,
    # where the quote is a text seen, read or received (speech_verbs.txt # perceiving)
    said = _as_said(text, a0, colon)
    if said is not None and said[0] == a0:
        # «По его мнению, квота защищает рынок: «…»», «По словам эксперта, цены вырастут: «…»»: whom the marker
        # names, up to the comma after it (the marker itself where it holds the possessive: «по его мнению»)
        comma = text.find(",", said[1], colon)
        stop = colon if comma < 0 else comma
        own = len(_WORD.findall(text, said[0], said[1])) > 2
        begin = said[0] if own else said[1]
        return None, Span(begin, stop, text[begin:stop]), "words"
    perceiving = load_words("speech_verbs.txt", "perceiving")
    seen = {morph.lemma(w.group(0)).replace("ё", "е") for w in words} & perceiving
    if seen and not (seen <= load_words("speech_verbs.txt", "arriving") and _person_opens(words[0].group(0))):
        return None  # (not «Зрительница Оксана Дзюба пришла на спектакль: «…»»: a person arrived and speaks)
    if (len(words) <= 14 or len(words) <= 24 and _person_opens(words[0].group(0))) \
            and any(w.group(0)[0].isupper() for w in words):
        # (a clause that opens with a person may run longer: «Переселенка Севиндж Мамедова, вернувшаяся в родное
        # село под Физули, до сих пор не отпускает детей за ограду: «…»»)
        return None, Span(a0, colon, text[a0:colon]), "before"
    return None


def _can_be_nominative(word: str) -> bool:
    """Whether a word reads as a nominative, or is one the dictionary does not know («Асель», «дипломат»; not
    «Таджикистана», «продавщицей»)."""
    return not morph.analyzer().word_is_known(word.lower()) \
        or any("nomn" in p.tag.grammemes for p in morph.parses(word.lower())[:4])


def _person_opens(word: str) -> bool:
    """Whether a clause's first word is a person's: a person noun or a given name, in the nominative
    («Школьник Арсен, пришедший с отцом», «Мадина пришла»; not «Жителям пришли SMS-сообщения»)."""
    return any("nomn" in p.tag.grammemes and (is_person_noun(word) or "Name" in p.tag.grammemes)
               for p in morph.parses(word.lower())[:3])
