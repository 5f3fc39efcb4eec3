"""Documents as speakers: who issued the document a quote is from («говорится в заявлении МИД», «В нем
отмечается», «— говорится в документе» after «МИД распространил заявление»), which outlet wrote an
article, whose words an outlet relays or quotes («приводит слова министра», «цитирует заявление
агентство Tasnim»).

These read the clause ``attribution.resolve`` found (and call it back for the subject of the sentence a
document is named in); what a noun phrase names is ``attribution._phrase``, an organisation
``bodies._organisation``.
"""

from __future__ import annotations

import itertools
import re

from . import attribution as _a  # (attribution reads its documents here: each calls the other at run time)
from . import morph, regexes
from .bodies import _organisation
from .names import listed_place, place_or_body
from .noun_phrases import (PREPOSITIONS, Context, Word, _adjectival, _can_be, _clip, _in, _known, _org_name, _quoted,
                           _reading, _stump_of_head, words_in)
from .roles import country_of_word, is_person_noun
from .sentence_before import author_sentence_before, body_speaking_before
from .speakers import Cast, Participant, org_heads
from .text import LOWER_WORD, norm_word
from .wordlists import load_words


def _document_or_body(cast: Cast, text: str, ws: list[Word], pos: int, ctx: Context,
                      impersonal: bool = False) -> Participant | None:
    """«говорится в заявлении МИД» · «В нем отмечается» · «В иранском МИД заявили» · «отметили в ведомстве».

    An impersonal verb that names no document or body («На сайте Кремля указывается, что …») speaks of
    the document in discussion: its issuer.
    """
    for k, w in enumerate(ws):
        if w.low not in ("в", "во") and not (w.low == "на" and k + 1 < len(ws)
                                             and _in("documents", _reading(ws[k + 1].text)[0])):
            continue  # («сообщается на сайте ФБР», «на странице министерства»: a page is a document too)
        rest = ws[k + 1 :]
        if not rest:
            break
        if rest[0].low in ("нем", "ней", "них"):  # «В нем отмечается»: the document just named
            return _sender_before(cast, text, rest[0].start) or ctx.issuer or ctx.last
        if (_quoted(rest[0]) and rest[0].text[1:2].isupper()) or (rest[0].text[:1].isupper() and not _known(rest[0].text)
                                                                  and not _in("documents", _reading(rest[0].text)[0])
                                                                  and not (_adjectival(rest[0]) and len(rest) > 1
                                                                           and rest[1].text[:1].islower())):
            # (not «в Алматинской области»: an adjective the dictionary guesses, before the noun it goes with)
            # «сообщили в "Алматы әуендері"», «резюмировали в Казселезащите»: a body by its own name; an
            # abbreviation with its complements («в ГУ МВД по Московской области», «в ДЧС Алматы», «в IT Park»)
            if rest[0].text.isupper() and len(rest[0].text) > 1 or re.match(r"[A-Z]", rest[0].text):
                np = _clip(text, rest)
                cut = next((k for k in range(1, len(np)) if (p := cast.at(np[k].start)) is not None
                            and p.kind == "person"), len(np))  # (not «в ДЧС Алматы | Ерлану Карину»)
                return _organisation(cast, text, np[:cut], pos, ctx)
            if not _quoted(rest[0]) and len(rest) > 1 and text[rest[0].end : rest[1].start] == " " \
                    and (country_of_word(rest[1].text) or listed_place(rest[1].text) or "Geox" in _reading(rest[1].text)[1]
                         and _can_be(rest[1].text, "gent")):
                return _organisation(cast, text, rest[:2], pos, ctx)  # «в Дептрансе Москвы»: with whose it is
            if _stump_of_head(_reading(rest[0].text)[0]):  # «в Нацкомиссии по ценным бумагам»: with its complement
                return _organisation(cast, text, _clip(text, rest), pos, ctx)
            return _organisation(cast, text, [_quoted_nominative(text, rest[0])], pos, ctx)
        if rest[0].text[:1].isupper() and ("Orgn" in _reading(rest[0].text)[1] or _titled_body(text, rest)):
            # «сообщили в Роскосмосе» (a body's name the dictionary knows as one), «в Национальном центре оценки и
            # экзаменов» (a capitalised adjective opening a name whose noun names no place: not «в Кировском районе»)
            return _organisation(cast, text, _clip(text, rest), pos, ctx)
        if rest[0].low in _a.POSSESSIVES and len(rest) > 1 and _in("documents", _reading(rest[1].text)[0]):
            return _a._possessor(cast, rest[0], pos, ctx)  # «говорится в их обзоре»: the issuer it points back to
        np = _clip(text, rest)
        head = next((x for x in np if not _adjectival(x)), np[0])
        lemma, gram, _ = _reading(head.text)
        if "plur" in gram and not _org_name(head) and not (head is np[0] and _can_be_singular_locative(head.text)):
            continue  # «в группах и чатах», «в акиматах»: many places, no one body (not «в комментарии Нацбанка»)
        if _in("documents", lemma):
            return _issuer(cast, text, rest[np.index(head) + 1 :], pos, ctx, lemma)
        if impersonal and "inan" in gram and np.index(head) + 1 < len(rest):
            # «говорится в ответе администрации района»: after an impersonal verb any thing is a document, and
            # a body or person after it its issuer
            got = _a._phrase(cast, text, rest[np.index(head) + 1 :], pos, ctx, oblique=True)
            if got is not None and got.kind in ("organisation", "person"):
                return got
        if _in("heads", lemma) or lemma in org_heads() or _org_name(head) or _in("generic", lemma):
            return _organisation(cast, text, np, pos, ctx)
    return (ctx.issuer or ctx.last) if impersonal else None


def _sender_before(cast: Cast, text: str, pos: int) -> Participant | None:
    """Who the author's sentence right before ``pos`` has send or publish a document, as its subject: «Поррье позже
    направил журналистам письменный комментарий. В нём говорится …» is Поррье's, not the minister's who spoke last."""
    span = author_sentence_before(cast, text, pos)
    if span is None:
        return None
    ws = words_in(text, *span)
    k = next((k for k, w in enumerate(ws) if _in("documents", _reading(w.text)[0])), None)
    if k is None:
        return None
    for w in ws[:k]:
        p = cast.at(w.start)
        m = p.last_before(w.start + 1) if p is not None else None  # (the mention ``at`` found)
        if m is not None and m.subject and p.kind in ("person", "organisation"):
            return p
    return None


_QUOTED_NAME = regexes.compile(r"[«\"„“]([^«»\"„“”]+)[»\"”“]$")


def _same_quoted_name(name: str, quoted: str) -> bool:
    """Whether a body's name ends with a quoted name that ``quoted`` writes, or writes in a case («ПАО «Автодор»» and
    «Автодора»: the name with an ending of up to three letters)."""
    a, b = _QUOTED_NAME.search(name), _QUOTED_NAME.search(quoted)
    if a is None or b is None:
        return False
    x, y = a.group(1).lower(), b.group(1).lower()
    return x == y or y.startswith(x) and len(y) - len(x) <= 3 and " " not in y[len(x):]


def _can_be_singular_locative(word: str) -> bool:
    """Whether a word can be a singular noun in the locative («комментарии», «заявлении»), read first as a plural."""
    return any({"NOUN", "sing", "loct"} <= p.tag.grammemes for p in morph.parses(word.lower())[:6])


def _titled_body(text: str, rest: list[Word]) -> bool:
    """Whether the words after «в» name a body by a capitalised adjective and a noun that is no place, person or
    document: «Национальном центре тестирования», «Государственном музее искусств»."""
    if not _adjectival(rest[0]):
        return False
    np = _clip(text, rest)
    head = next((x for x in np if not _adjectival(x)), None)
    if head is None or not head.text[:1].islower():
        return False
    lemma, gram, part = _reading(head.text)
    return part == "NOUN" and "inan" in gram and "sing" in gram and lemma not in load_words("organisations.txt", "place nouns") \
        and not _in("documents", lemma)


NAME_REACH = 3000  # characters on each side of a quoted name searched for its nominative


def _quoted_nominative(text: str, w: Word) -> Word:
    """A quoted name after a preposition as the text writes it in the nominative elsewhere: «в «Норникеле»»
    → «Норникель» (a quoted word of the dictionary's lemma of it); else as written."""
    inner = w.text.strip("«»\"„“”")
    if not _quoted(w):
        return w
    words = inner.split(" ")
    lemmas = [norm_word(morph.lemma(x)) for x in words]
    if lemmas == [norm_word(x) for x in words]:
        return w
    lo, hi = max(0, w.start - NAME_REACH), min(len(text), w.end + NAME_REACH)  # (bounded: a text of many stays linear)
    # («в сообщении «Северного двора»» → «Северный двор»: each word's lemma, the first word's stem to find it by)
    first = words[0]
    for m in re.finditer(rf"([«\"„“])({re.escape(first[: max(2, len(first) - 3)])}[^«»\"„“”\n]{{0,60}}?)([»\"”“])",
                         text[lo:hi]):
        found = m.group(2).split(" ")
        if len(found) == len(words) and [norm_word(x) for x in found] == lemmas:
            return Word(lo + m.start(), lo + m.end(), m.group(0))
    return w


def _issuer(cast: Cast, text: str, rest: list[Word], pos: int, ctx: Context, doc: str = "") -> Participant | None:
    """Who issued a document: who signed it («в письме, подписанном замминистра …»), its genitive complement
    («заявлении МИД России»), «от» whom it came, the subject of the verb the document is named after («Путин
    поздравил … В поздравлении говорится»), or the last issuer."""
    if len(rest) > 1 and _reading(rest[0].text)[2] == "PRTF" and _reading(rest[0].text)[0] == "подписать":
        got = _a._phrase(cast, text, rest[1:], pos, ctx, oblique=True)  # «в письме, подписанном замминистра …»
        if got is not None and got.kind in ("person", "organisation"):
            return got
    for k, w in enumerate(rest):
        if w.low == "от":  # «в комментарии, который получил РБК от областного департамента финансов»
            got = _a._phrase(cast, text, rest[k + 1 :], pos, ctx, oblique=True)
            if got is not None:
                return got
    if rest and _quoted(rest[0]) and rest[0].text[1:2].isupper():
        # «говорится в сообщении «Уралхимпрома»»: a body by its quoted name, in the genitive; the text names it in the
        # nominative elsewhere («ПАО «Уралхимпром»»)
        named = _quoted_nominative(text, rest[0])
        known = [p for p in cast.participants if p.kind == "organisation" and p.mentions and p.mentions[0].start < pos
                 and _same_quoted_name(p.name, named.text)]
        return known[-1] if known else _organisation(cast, text, [named], pos, ctx)
    if rest and rest[0].low not in PREPOSITIONS and (_can_be(rest[0].text, "gent") or rest[0].text[:1].isupper()):
        got = _a._phrase(cast, text, rest, pos, ctx, oblique=True)
        if got is not None:
            return got
        lemma, gram, part = _reading(rest[0].text)
        np = _clip(text, rest)
        if part == "NOUN" and "inan" in gram and rest[0].text[:1].isupper() and not _in("documents", lemma) \
                and len(np) > 1 and np[-1].text[:1].isupper() and country_of_word(np[-1].text) \
                and not place_or_body(rest[0].text) and not country_of_word(rest[0].text):
            # «говорится в заявлении Патриархии Грузии»: a body by its own noun and its country
            return _organisation(cast, text, np, pos, ctx)
        if part == "NOUN" and rest[0].text[:1].islower() and not _in("documents", lemma):
            # «говорится в сообщении профсоюза»: a body the model does not know issued it, never the last
            # speaker
            return _organisation(cast, text, _clip(text, rest), pos, ctx)
    if rest and rest[0].text[:1].islower() and rest[0].low not in PREPOSITIONS:
        # «говорится в обзоре финансовой стабильности Центрального банка Армении»: what the document is about, in
        # the genitive, then its issuer, a body the text has named
        for w in _clip(text, rest)[:6]:
            if w.text[:1].isupper():
                p = cast.at(w.start)
                if p is not None and p.kind == "organisation":
                    return p
                break
            if not _can_be(w.text, "gent"):
                break  # (not «цитирует заявление агентство Tasnim»: the subject, who quotes it)
    if doc and _in("articles", doc):
        outlet = _outlet_before(cast, text, pos)
        if outlet is not None:
            return outlet  # «…, пишет The Guardian. «…», — говорится в статье»: the outlet's article
    # (the body the sentence right before has speak, «В пресс-службе мэрии добавили, что …», is nearer than the
    # subject of a verb the document is named after further back, «Мэр … сообщил …»)
    return body_speaking_before(cast, text, pos, ctx) or (_doc_author(cast, text, doc, pos) if doc else None) \
        or ctx.issuer or ctx.last or _body_before(cast, pos)


def _body_before(cast: Cast, pos: int) -> Participant | None:
    """The body that is the subject of the sentence before, or of this one, when no one else issued the
    document: «Арбитражный суд … отказал епархии … «…», — говорится в решении» (the court's decision)."""
    here = cast.sentence_of(pos)
    for m, p in cast.recent(pos):
        if here - cast.sentence_of(m.start) > 1:
            break
        if m.subject and not cast.in_quote(m.start):
            return p if p.kind == "organisation" else None
    return None


_SENTENCE_END = regexes.compile(r"[.!?…]\s+")
DOC_REACH = 600  # characters before a document's mention searched for the verb it is named after (or an outlet)
_WRITES = regexes.compile(r"(?<![\w-])(?:пишет|пишут|публикует|опубликовал[аио]?)\s+((?:[A-Z][\w.&'’-]*\s?){1,4})")


def _outlet_before(cast: Cast, text: str, pos: int) -> Participant | None:
    """The outlet that wrote last before ``pos``: an outlet the model knows («издание Forbes Kazakhstan»,
    ``organisations.txt # media``), or a Latin name after «пишет» («пишет The Guardian»)."""
    lo = max(0, pos - DOC_REACH)
    media = load_words("organisations.txt", "media")
    known = None
    for m, p in cast.recent(pos):  # (latest first: the look stops at the window's start)
        if m.start < lo:
            break
        if p.kind == "organisation" and p.key and p.key[0] in media:
            known = p
            break
    found = None
    for m in _WRITES.finditer(text, lo, pos):
        found = m
    if found is not None and (known is None or known.last_before(pos).start < found.start(1)):
        ws = words_in(text, found.start(1), found.end(1))
        got = _organisation(cast, text, ws, pos, Context()) if ws else None
        if got is not None:
            return got
    return known  # characters before a document's mention searched for the verb it is named after


def _doc_author(cast: Cast, text: str, doc: str, pos: int) -> Participant | None:
    """«Владимир Путин поздравил … В поздравлении говорится»: the subject of the nearest verb before
    ``pos`` that shares the document noun's stem («поздрав-», «обра-», «заяв-»), or that has the document
    as its object («МИД распространил заявление»)."""
    lo = max(0, pos - DOC_REACH)
    # «Премьер … направил участникам письменное обращение. «…», — говорится в документе»: «документ», «текст»
    # stand for whatever document the text named last
    stem = r"[а-яё]" if doc in _ANY_DOCUMENT else re.escape(doc[:4])
    for m in reversed(list(re.finditer(rf"(?<![\w-]){stem}[\w-]*", text[lo:pos], re.IGNORECASE))):
        at = lo + m.start()
        if cast.in_quote(at):
            continue
        lemma = norm_word(morph.lemma(m.group(0)))
        if _reading(m.group(0))[2] == "NOUN" and (lemma == doc or doc in _ANY_DOCUMENT and _in("documents", lemma)):
            # «МИД Казахстана распространил заявление …»: the document named as a verb's object (adjectives and
            # the one it is sent to between: «направил участникам письменное обращение»)
            owner = _genitive_owner(cast, text, at + len(m.group(0)), pos)
            if owner is not None:
                return owner  # «зачитал обращение главы государства Шавката Мирзиёева»: whose it is, not who read it
            prev = _verb_of_object(text, max(lo, at - 60), at)
            if prev is None or norm_word(morph.lemma(prev.group(1))) in _a.QUOTING | _a.RELAYING:
                continue  # (not «цитирует заявление агентство Tasnim»: the agency quotes, it issued nothing)
            if _reading(prev.group(1))[2] == "PRTS":  # «на сайте министерства было опубликовано заявление»
                return _site_owner(cast, text, lo, at, pos)
            at, m = prev.start(1), prev
        elif doc in _ANY_DOCUMENT or _reading(m.group(0))[2] != "VERB":
            continue
        for mention, who in itertools.islice(cast.recent(at), 1):  # «Владимир Путин поздравил»
            if at - mention.end <= 2 and who.kind in ("person", "organisation"):
                return who
        breaks = [b.end() for b in _SENTENCE_END.finditer(text, lo, at)]
        s0 = breaks[-1] if breaks else lo
        if cast.in_quote(s0):
            continue  # the clause before the verb is someone's quoted words, not who issued the document
        verb = next((w for w in words_in(text, at, at + len(m.group(0)))), None)
        who = _a.resolve(cast, text, s0, at + len(m.group(0)), verb, at, Context(), subject_first=True)
        if who is not None and who.kind in ("person", "organisation"):
            return who
    return None


_ANY_DOCUMENT = frozenset(("документ", "текст"))


def _genitive_owner(cast: Cast, text: str, start: int, pos: int) -> Participant | None:
    """The person or body a document's noun names right after it in the genitive, up to the clause's end
    («обращение главы государства Шавката Мирзиёева к участникам», «заявление МИД России»)."""
    rest = words_in(text, start, min(pos, start + 120))
    if not rest or rest[0].low in PREPOSITIONS or not _can_be(rest[0].text, "gent") \
            or text[start : rest[0].start].strip():
        return None
    got = _a._phrase(cast, text, _clip(text, rest), pos, Context(), oblique=True)
    return got if got is not None and got.kind in ("person", "organisation") else None


def _verb_of_object(text: str, lo: int, at: int) -> re.Match[str] | None:
    """The verb whose object the noun at ``at`` is: right before it, or before up to two adjectives or
    nouns in the dative («направил участникам письменное обращение»); a passive participle counts
    («было опубликовано заявление»)."""
    words = list(LOWER_WORD.finditer(text, lo, at))
    end = at
    for m in reversed(words[-3:]):
        if text[m.end() : end].strip():
            return None  # something other than a space between (punctuation, a capitalised word)
        part, gram = _reading(m.group(1))[2], _reading(m.group(1))[1]
        if part in ("VERB", "PRTS"):
            return m
        if part not in ("ADJF", "PRTF") and "datv" not in gram:
            return None
        end = m.start()
    return None


def _site_owner(cast: Cast, text: str, lo: int, at: int, pos: int) -> Participant | None:
    """Whose site or channel a document was published on, in the sentence of ``at`` («на сайте
    министерства», «в Telegram-канале акимата»)."""
    breaks = [b.end() for b in _SENTENCE_END.finditer(text, lo, at)]
    ws = words_in(text, breaks[-1] if breaks else lo, at)
    for k, w in enumerate(ws[:-1]):
        if w.low in ("на", "в", "во") and _in("documents", _reading(ws[k + 1].text)[0]):
            got = _a._phrase(cast, text, ws[k + 2 :], pos, Context(), oblique=True)
            if got is not None:
                return got
    return None


def _words_of(cast: Cast, text: str, ws: list[Word], pos: int, ctx: Context) -> Participant | None:
    """«приводит сайт института слова Стивена Хокинга» · «передает Kazinform слова министра» · «Слова Ахметова
    приводит пресс-служба» · «Его слова приводит …»: whose words they are."""
    for k, w in enumerate(ws):
        if _quoted(w) or _reading(w.text)[0] not in _a.WORDS_OF:
            continue
        if k and ws[k - 1].low in _a.POSSESSIVES:
            return _a._possessor(cast, ws[k - 1], pos, ctx)
        # whose: the genitive after the noun, up to a word in no genitive («слова потерпевшей | правозащитница …»)
        owner = list(itertools.takewhile(lambda x: not x.text[:1].islower() or _can_be(x.text, "gent"), ws[k + 1 :]))
        got = _a._phrase(cast, text, owner, pos, ctx, oblique=True) if owner else None
        if got is not None:
            return got
    return None


_WORD_AFTER_QUOTE = regexes.compile(r"[»\"“”][^»\"“”«„]*?\w")  # a closing quote, then a word: «Квадратный метр» Марию


def possessed_words(after: list[Word]) -> bool:
    """Whether the words after a verb of quoting open with a possessive and a noun of what was said («цитирует её
    слова агентство», «приводит его ответ издание»): the words of the one the possessive points back to."""
    return len(after) > 1 and after[0].low in _a.POSSESSIVES and _reading(after[1].text)[2] == "NOUN" \
        and not is_person_noun(after[1].text)


def quoted_member(after: list[Word]) -> int | None:
    """Where «одного из», «одну из» stands after a verb of quoting, with nothing but an outlet's noun before it
    («цитирует издание одного из чиновников»): the one quoted is a member of a group the text does not name; None
    elsewhere («цитирует пресс-секретарь одного из министров»: the subject's complement, no object)."""
    media = load_words("organisations.txt", "media")
    for k in range(len(after) - 1):
        if after[k].low in ("одного", "одну") and after[k + 1].low == "из":
            return k
        if _reading(after[k].text)[0] not in media:
            return None
    return None


def someone_elses_words(after: list[Word]) -> bool:
    """Whether a verb of quoting has the words it passes on for its object right after it, whose they are said
    with them («приводит её слова …», «приводит слова потерпевшей …»), or the one it quotes is one of a group
    (``quoted_member``): the one passing them on is not the speaker."""
    return possessed_words(after) or bool(after) and _reading(after[0].text)[0] in _a.WORDS_OF \
        or quoted_member(after) is not None


def _quoted_object(cast: Cast, text: str, after: list[Word], pos: int, ctx: Context) -> Participant | None:
    """After «цитирует»: a document (its author speaks) or a body/person in the accusative («пресс-службу Порошенко»)."""
    for i in range(1, len(after)):
        p = cast.at(after[i].start)
        if p is not None and p.kind == "person" and is_person_noun(after[i - 1].text) \
                and not p.last_before(after[i].start + 1).subject:
            # «цитирует официальный сайт клуба главного тренера Василия Кардаша»: the outlet, then whom it quotes,
            # by post and name
            return p
    got = _words_of(cast, text, after, pos, ctx)
    if got is not None:
        return got
    for k, w in enumerate(after):
        if _quoted(w) or _reading(w.text)[0] in load_words("organisations.txt", "media"):
            continue  # «цитирует телеканал представителя минобороны»: the outlet quotes, its object speaks
        lemma, gram, _ = _reading(w.text)
        if is_person_noun(w.text) and not (_can_be(w.text, "accs") or _can_be(w.text, "gent")):
            return None  # «Такие данные приводит ректор университета …»: the subject, in the nominative, gave them
        if k == 0 and possessed_words(after):
            # «цитирует его ответ издание», «цитирует её слова агентство»: whose words they are
            return cast.antecedent(pos, *_a.POSSESSIVES[w.low], ctx.last, ctx.since)
        if _in("documents", lemma):
            return _issuer(cast, text, after[k + 1 :], pos, ctx, lemma)
        p = cast.at(w.start)
        if p is not None and p.kind == "person" and not p.last_before(w.start + 1).subject:
            return p  # «цитирует РБК Карасина», «цитирует «Взгляд» Дмитрия Медведева»
        if (_can_be(w.text, "accs") or _can_be(w.text, "gent")) and not w.text[:1].isupper() \
                and (_in("heads", lemma) or is_person_noun(w.text)):
            # «цитирует ИТАР-ТАСС оппозиционера»; «цитирует врача «Азия-Плюс»»: the outlet after the object is no part of it
            j = k
            while j > 0 and _adjectival(after[j - 1]) and not _quoted(after[j - 1]):
                j -= 1  # «цитирует Синьхуа китайского лидера»: the adjectives are the object's (a country says whose)
            obj = after[j:]
            stop = next((i for i, x in enumerate(obj) if i and _quoted(x)), len(obj))
            if stop < len(obj) and not _WORD_AFTER_QUOTE.search(text, obj[stop].start + 1, obj[-1].end):
                obj = obj[:stop]  # (the outlet's quoted name ends the clause; not «компании «Квадратный метр» Марию …»)
            return _a._phrase(cast, text, obj, pos, ctx, oblique=True)
    return None
