"""Segments and speakers: turns, quotes, fragments and narrative, each with who said it.

Turns come from transcript labels, quotes from quote marks and their attributions, fragments from
quoted words in the author's sentences; the narrative is what is left of each paragraph. Every
speaker is a participant of the document's speaker model (``speakers.Cast``), resolved from what
the attribution names (``attribution.resolve``); the ``Speaker`` records list every participant
with its mentions, the segments attributed to it and the words quoted from it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from . import morph, regexes
from .attribution import JOURNALIST, RELAYING, Context, by_words, learn_organisations, resolve, words_in
from .fragments import find_fragments
from .model import Segment, Span, Speaker
from .names import feminine_given, first_name, known_first_name, listed_woman
from .quotes import Quote, _asks, is_speech_verb
from .sentence_before import asked_in
from .roles import is_person_noun
from .speakers import Cast, Participant
from .text import PREPOSITIONS, count_words, has_letters, merge_spans, norm_word, paragraphs, sentence_breaks
from .turn_speakers import _named_journalist, _turn_speaker, is_journalist
from .turns import Turn
from .wordlists import load_words

_FIRST_PERSON = frozenset("я мы наш нашей наша наше наши нашего нашим наших мой моя мое мои меня нас нам".split())
# a word of white space that is one of them, with the marks «.,!?;:«»"()» around it: one scan, not a call a word
_FIRST_PERSON_WORD = regexes.compile(
    r"(?<!\S)[.,!?;:«»\"()]*(?:" + "|".join(sorted(_FIRST_PERSON, key=lambda w: (-len(w), w))) + r")[.,!?;:«»\"()]*(?!\S)",
    re.IGNORECASE)
_LEAD = " \t\r\n,;:.!?…—–-"  # «.По словам главы региона»: what an attribution leaves behind
_TAIL = " \t\r\n,;:—–-"
STATEMENT_REACH = 600  # characters before a quote searched for the statement that introduces it


def build(t: str, end: int, turns: list[Turn], quotes: list[Quote], names: list[Span],
          skip: list[Span]) -> tuple[list[Segment], list[Span], list[Speaker]]:
    """(segments in text order, quoted names that are not speech, the speakers)."""
    quoted = [(tr.start, tr.end) for tr in turns] + [(q.start, q.end) for q in quotes]
    cast = Cast(t, end, quoted, [(b.start, b.end) for b in skip])
    learn_organisations(cast, t, end)
    cast.learning = False  # what resolving adds is reported only if it speaks
    said: list[tuple[int, int, str, Participant | None, Span | None, tuple[str, ...]]] = []
    for tr in turns:
        said.append((tr.start, tr.end, "turn", _turn_speaker(tr, cast), None, ()))
    # who answered last in a transcript or an interview keeps the floor for a quote after it («— …» then
    # «…», — подытожила собеседница»), as a quote's speaker does; the one asking does not
    answered = [(b, who) for _, b, _, who, _, _ in said if who is not None and who.kind != "group"]
    ends = [b for b, _ in answered]
    ctx = Context()
    for q in quotes:
        k = bisect.bisect_right(ends, q.start) - 1
        if k >= 0 and ends[k] > ctx.since:
            ctx.last, ctx.since = answered[k][1], ends[k]
        ctx.issuer = _statement_before(t, q.start, cast, ctx) or ctx.issuer
        voiced = _voiced_before(t, q.start, cast, ctx)
        if voiced is not None:  # «Турсунов, по словам министра, «…». «…», — заявил он»: the minister has the floor
            ctx.last, ctx.since = voiced
        who = _quote_speaker(t, q, cast, ctx)
        said.append((q.start, q.end, "quote", who, q.attribution, ("unclosed",) if q.unclosed else ()))
        if q.attribution is not None and _asks(t, q) \
                and (asked := asked_in(cast, words_in(t, q.attribution.start, q.attribution.end))) not in (None, who):
            # «— Вы хотели бы, чтобы и внуки рыбачили? — спрашиваю Рамиза»: the one asked answers next
            ctx.last, ctx.since = asked, q.attribution.end
        elif who is not None:
            asked = ctx.last is not None and ctx.last is not who and _asks(t, q)
            # the one asking does not take the floor from the one asked («— Будет ли встреча? — уточнил
            # корреспондент … — Такая встреча запланирована, — коротко сказал дипломат»)
            ctx.last, ctx.since = ctx.last if asked else who, max(q.end, q.attribution.end if q.attribution else q.end)
    _run_on_paragraphs(t, quotes, said)
    _dialogue_lines(t, quotes, said, cast)
    _alternate_lines(t, quotes, said)
    _answers_of_the_asked(t, quotes, said, cast)
    _named_after(t, said, cast)
    outer = merge_spans(quoted)
    # a quoted name inside a quote, a turn or an attribution («заявил представитель «министерства
    # обороны» ДНР») is no one's fragment
    attributions = merge_spans(quoted + [(q.attribution.start, q.attribution.end) for q in quotes if q.attribution])
    # a name nested in another quoted name is part of that name; one inside an attribution is a
    # fragment only when a speech verb of its own governs it («…», — обратился он и потребовал «немедленно» …)
    top = merge_spans((n.start, n.end) for n in names)
    tops = {a for a, _ in top}
    own_verb = [(q.verb.end if q.attribution.start >= q.end else q.verb.start, q.attribution.end) for q in quotes
                if q.attribution and q.verb]
    # («назвала проверки «давно ожидаемыми»: «…»»: the verb before a colon quote governs what it is said of too)
    inner_names = [n for n in names if n.start in tops and (not _within(n.start, attributions)
                                                           or _verb_before(t, n.start, own_verb, cast))]
    # by position only: two segments may start at one place, and participants do not compare
    spoken = sorted(((a, p) for a, _, _, p, _, _ in said if p is not None), key=lambda x: x[0])

    def context_at(pos: int) -> Context:
        k = bisect.bisect_left(spoken, (pos,)) - 1
        last = spoken[k][1] if k >= 0 else None
        return Context(last, spoken[k][0] if k >= 0 else -1, _statement_before(t, pos, cast, Context(last)))

    fragments, _ = find_fragments(t, inner_names, cast, context_at, end)

    segs: list[Segment] = []
    for a, b, kind, who, attr, flags in said:
        segs.append(Segment(0, kind, a, b, t[a:b], who.name if who else None, attr, flags=flags,
                            speaker_id=id(who) if who else None))
    taken = list(outer)
    taken += [(q.attribution.start, q.attribution.end) for q in quotes
              if q.attribution and q.attribution.start >= q.end]
    taken += [(tr.label.start, tr.label.end) for tr in turns]
    taken += [(b.start, b.end) for b in skip]
    narrator = _narrator(t, end, turns, quotes, cast)
    taken = merge_spans(taken)
    starts, ends = [a for a, _ in taken], [b for _, b in taken]
    for para in paragraphs(t, 0, end):
        near = taken[bisect.bisect_right(ends, para.start) : bisect.bisect_left(starts, para.end)]
        for s, e in subtract(para.start, para.end, near):
            s, e = trim(t, s, e)
            if e > s and has_letters(t[s:e], 3):
                segs.append(Segment(0, "narrative", s, e, t[s:e], narrator.name if narrator else None,
                                    speaker_id=id(narrator) if narrator else None))
    # a fragment lies inside the author's sentence: a narrative segment holds it, or it stays a name
    narrative = [(sg.start, sg.end) for sg in segs if sg.kind == "narrative"]
    fragments = [f for f in fragments if _inside_one(f.start, f.end, narrative)]
    for f in fragments:
        segs.append(Segment(0, "fragment", f.start, f.end, t[f.start : f.end], f.speaker.name, f.attribution,
                            speaker_id=id(f.speaker)))
    taken_as = {(f.start, f.end) for f in fragments}
    kept_names = [n for n in names if (n.start, n.end) not in taken_as]
    segs.sort(key=lambda s: (s.start, s.kind == "fragment"))
    segs = [dataclasses.replace(s, index=i) for i, s in enumerate(segs)]
    speakers, ids = _speakers(cast, segs)
    segs = [dataclasses.replace(s, speaker_id=ids.get(s.speaker_id)) for s in segs]
    return segs, kept_names, speakers


def _owner_by_given_name(cast: Cast, ws: list) -> Participant | None:
    """«Эти слова принадлежат 31-летней учительнице Динаре, с которой …»: a person noun, then a given name in its case
    with no surname after it: that person, by the given name in the nominative."""
    k = next((k for k, w in enumerate(ws) if w.text[:1].islower() and is_person_noun(w.text)), None)
    if k is None:
        return None
    for j in range(k + 1, min(k + 5, len(ws))):
        w = ws[j]
        if not w.text[:1].isupper() or ws[j - 1].low in PREPOSITIONS:
            continue  # (past «из Караганды»: a place)
        hers = feminine_given(w.text, "ой")  # («медсестре Айнуре»: a woman's dative, back to «Айнура»)
        fn = (hers, "femn") if hers != w.text and listed_woman(hers) else first_name(w.text, oblique=True)
        if fn is None or not (known_first_name(fn[0]) or listed_woman(fn[0])) \
                or j + 1 < len(ws) and ws[j + 1].text[:1].isupper() and ws[j + 1].start - w.end == 1:
            return None  # (no given name; or a surname after it, and the pair is read as a name elsewhere)
        return cast.given_name_person(fn[0], w.start, w.end, fn[1])
    return None


def _run_on_paragraphs(t: str, quotes: list[Quote], said: list) -> None:
    """A quote over several paragraphs opens each with «» and closes only the last, whose attribution names
    the speaker of them all («Тимур родился … / «Она первая сказала …», — рассказывает мама мальчика …»):
    an unattributed, unclosed paragraph right before such a quote takes its speaker."""
    first = len(said) - len(quotes)
    for k in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[k], quotes[k + 1]
        a, b, kind, who, attr, flags = said[first + k]
        speaker = said[first + k + 1][3]
        # (a speaker the text names: a description made up from the attribution, «— написал политик», is weaker
        # than whom the paragraph before gave the floor)
        if q.unclosed and q.attribution is None and not t[q.end : nxt.start].strip() \
                and "\n" in t[q.end : nxt.start] and speaker is not None and speaker.learned:
            said[first + k] = (a, b, kind, speaker, attr, flags)


def _verb_before(t: str, pos: int, clauses: list[tuple[int, int]], cast: Cast) -> bool:
    """Whether a speech verb stands between an attribution's own verb and ``pos``."""
    for a, b in clauses:
        if a <= pos < b:
            return any(w.text[:1].isalpha() and is_speech_verb(w.text) for w in words_in(t, a, pos))
    return False


def _inside_one(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether one of the (sorted, disjoint) spans holds all of start:end."""
    k = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def subtract(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What is left of start:end once the taken spans (sorted and disjoint) are cut out.

    >>> subtract(0, 10, [(2, 4), (6, 7), (9, 12)])
    [(0, 2), (4, 6), (7, 9)]
    """
    pieces = []
    s = start
    for a, b in taken:
        if b <= s:
            continue
        if a >= end:
            break
        if a > s:
            pieces.append((s, a))
        s = b
    if s < end:
        pieces.append((s, end))
    return pieces


def trim(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and t[s] in _LEAD:
        s += 1
    while e > s and t[e - 1] in _TAIL:
        e -= 1
    return s, e


# ---------------------------------------------------------------- who said it
def _quote_speaker(t: str, q: Quote, cast: Cast, ctx: Context) -> Participant | None:
    attr = q.attribution
    if attr is None:
        # «…» alone: the speaker of the quote before goes on, unless the sentence before brings in someone
        # else as its subject («Её партнёр Тимур Сайфуллин отвечает за закупки.» / «…»); else the one person
        # the sentence before names, or who the author's sentences just before say spoke («Глава ведомства
        # отметил, что …»)
        if t[: q.start].rstrip().endswith(":"):
            # «Одна из них, алматинка Жанар, рассказала, как все произошло: / «Мы жарили шашлык …»: the sentence
            # a colon ends introduces the quote after it, whoever spoke before
            announced = _statement_before(t, t[: q.start].rstrip().rfind(":") + 1, cast, ctx)
            if announced is not None:
                return announced
        sole = _sole_person_before(q.start, cast)
        if sole is not None and ctx.last is not None and sole is not ctx.last:
            m = sole.last_before(q.start)
            if m is not None and m.subject and m.start > ctx.since:
                return sole
        return ctx.last or sole or _statement_before(t, q.start, cast, ctx)
    if q.side == "words":
        return by_words(cast, t, attr.start, attr.end, q.start, ctx)
    if q.side == "owner":
        # «Эти слова принадлежат директору школы в селе Кок-Жар Таласской области Мамыркану Ибраимову»: the
        # person the clause names (its capitalised words may be places); a post alone is read as «по словам»
        ws = words_in(t, attr.start, attr.end)
        named = next((p for w in ws if (p := cast.at(w.start)) is not None and p.kind == "person"), None)
        if named is None:
            named = _owner_by_given_name(cast, ws)
        if named is not None:
            return named
        got = by_words(cast, t, attr.start, attr.end, q.start, ctx)
        if any(w.text[:1].isupper() for w in ws):
            # (a capitalised word that names nobody the text knows: a body only, «Такова позиция Министерства
            # строительства», never a person made of a place's name)
            return got if got is not None and got.kind == "organisation" else None
        return got
    verb = None
    if q.verb is not None:
        verb = next((w for w in words_in(t, q.verb.start, q.verb.end)), None)
    pos = attr.start if q.side in ("after", "next", "inside") else q.start
    # «…». Так председатель ассоциации X прокомментировал решение суда» · «…», — так X ответил …»: the
    # subject stands before the verb, and what follows the verb is its object
    first = q.side in ("before", "next") or q.side == "after" and _SO.match(t, attr.start) is not None
    who = resolve(cast, t, attr.start, attr.end, verb, pos, ctx, subject_first=first)
    if who is None and q.before is not None:  # «X: «…», сообщает Лента.ру»: the outlet only relays
        verb_span, clause = q.before
        verb = next(iter(words_in(t, verb_span.start, verb_span.end)), None) if verb_span else None
        who = resolve(cast, t, clause.start, clause.end, verb, q.start, ctx, subject_first=True)
    if who is None and q.side == "after":
        who = _statement_made_by(t, attr, cast, ctx)
    if who is None and verb is not None and norm_word(morph.lemma(verb.text)) in RELAYING:
        # «Лукашенко потребовал навести порядок. «…», — передает БелТА»: the outlet relays the words of
        # whom the sentences before have speak
        who = _statement_before(t, q.start, cast, ctx)
    return who


# «…», — такое заявление прозвучало …. | Его сделал X» · «… | Сделал его X»: the sentence after names who made it
_STATEMENT = regexes.compile(r"(?:[Тт]акое|[Ээ]то|[Пп]одобное)\s+(\w+)\s")
_MADE_BY = regexes.compile(r"[^.!?\n]*[.!?]\s+(?:(?:Его|Её|Ее)\s+([а-яё]+)|([А-ЯЁ][а-яё]+)\s+(?:его|её|ее))\s+"
                           r"([^.!?\n]{3,200})")


def _statement_made_by(t: str, attr: Span, cast: Cast, ctx: Context) -> Participant | None:
    """«…», — такое заявление прозвучало во вторник на заседании. Его сделал министр энергетики X»: an attribution
    that only says a statement (speech_verbs.txt # statement nouns) was made, and the next sentence, opening with
    it as a pronoun and a past tense, who made it."""
    opener = _STATEMENT.match(t, attr.start)
    nouns = load_words("speech_verbs.txt", "statement nouns")
    if opener is None or norm_word(morph.lemma(opener.group(1))) not in nouns:
        return None
    made = _MADE_BY.match(t, attr.end)
    if made is None:
        return None
    at = made.start(1) if made.group(1) else made.start(2)
    verb = next(iter(words_in(t, at, at + len(made.group(1) or made.group(2)))), None)
    tag = morph.parses(verb.text.lower())[0].tag if verb is not None else None
    if tag is None or tag.POS != "VERB" or "past" not in tag.grammemes:
        return None
    return resolve(cast, t, at, made.end(3), verb, at, ctx)


_SO = regexes.compile(r"[Тт]ак(?:ими\s+словами)?\s")  # an attribution that opens «— так X ответил»


def _sole_person_before(pos: int, cast: Cast) -> Participant | None:
    """The person the author's sentence right before ``pos`` names, if it names one and only one
    («Министр выступил на форуме. «…»»); a sentence that lists several names says nothing."""
    here = cast.sentence_of(pos)
    named: dict[int, Participant] = {}
    for m, p in cast.recent(pos):
        if cast.sentence_of(m.start) < here - 1:
            break
        if not cast.in_quote(m.start):
            named[id(p)] = p
    people = list(named.values())
    return people[0] if len(people) == 1 and people[0].kind == "person" else None


def _statement_before(t: str, pos: int, cast: Cast, ctx: Context) -> Participant | None:
    """The subject of the last speech verb in the author's sentences just before ``pos``.

    «Об этом заявил Корпус стражей исламской революции. … "…", - говорится в заявлении»: the
    statement's issuer is who «заявил».
    """
    lo = max(0, pos - STATEMENT_REACH)
    starts = [lo] + [b for _, b in sentence_breaks(t, lo, pos)]
    for s0, s1 in reversed(list(zip(starts, starts[1:] + [pos]))):
        ws = [w for w in words_in(t, s0, s1) if not cast.in_quote(w.start)]
        for w in reversed(ws):
            if w.text[:1].isalpha() and is_speech_verb(w.text):
                who = resolve(cast, t, s0, s1, w, w.start, Context(ctx.last, ctx.since), subject_first=True)
                if who is not None and who.kind in ("organisation", "person"):
                    return who
    return None


def _voiced_before(t: str, pos: int, cast: Cast, ctx: Context) -> tuple[Participant, int] | None:
    """(the person, the end of the marker) that «по словам X» in the author's sentence right before ``pos``
    voices: whose words that sentence gives, and so who speaks on in the quote after it."""
    from .fragments import _BY_WORDS

    breaks = sentence_breaks(t, max(0, pos - STATEMENT_REACH), pos)
    if not breaks:
        return None
    s0 = breaks[-2][1] if len(breaks) > 1 else max(0, pos - STATEMENT_REACH)
    for m in reversed(list(_BY_WORDS.finditer(t, s0, pos))):
        if cast.in_quote(m.start()):
            continue
        g = 1 if m.group(1) else 2
        who = by_words(cast, t, m.start(g), m.end(g), m.start(), Context(ctx.last, ctx.since))
        # (a person the text names: not a description made up from the marker, «По словам главы комиссии»)
        return (who, m.end()) if who is not None and who.kind == "person" and who.learned else None
    return None


def _dialogue_lines(t: str, quotes: list[Quote], said: list, cast: Cast) -> None:
    """The lines of a dialogue before the one a speech verb attributes («— Вы ожидали победы? / — Нет, —
    рассмеялась Чжан Лимин»): a question is the journalist's (the one the text names as one, if any), any other
    line the speaker of the attributed line, who answers."""
    first = len(said) - len(quotes)
    end = None  # the line the dialogue's run ends with (walking back: the nearest one after)
    for k in range(len(quotes) - 1, -1, -1):
        if quotes[k].side != "dialogue":
            end = k
            continue
        answerer = said[first + end][3] if end is not None else None
        a, b, kind, _, attr, flags = said[first + k]
        if _asks(t, quotes[k]):
            who = _named_journalist(cast) or cast.add(Participant(JOURNALIST, "group", None, JOURNALIST))
        else:
            who = answerer if answerer is not None and not _asks(t, quotes[end]) else None
        said[first + k] = (a, b, kind, who, attr, flags)


_NAMED_AFTER = regexes.compile(r"(?<![\w-])(?:[Ее]ё|[Ее]е|[Ее]го)\s+зовут\s+")
NAMED_AFTER_REACH = 600  # characters from a described speaker's words to «её зовут …»


def _named_after(t: str, said: list, cast: Cast) -> None:
    """«— Из Оша, — отвечает женщина за рулём. … Её зовут Назгуль Абдыкадырова»: a speaker the text only
    described, whom «её/его зовут» names in the sentences right after, is the person so named."""
    found = list(_NAMED_AFTER.finditer(t)) if "зовут" in t else []  # (a plain search first: most texts have none)
    if not found:
        return
    ends = sorted((x[1], k) for k, x in enumerate(said))
    renamed: dict[int, Participant] = {}
    for m in found:
        named = cast.at(m.end())
        if named is None or named.kind != "person":
            continue
        sex = "masc" if m.group(0).lower().startswith("его") else "femn"
        # (the latest one described, of the pronoun's sex, among the speakers of the words just before it)
        lo, hi = bisect.bisect_left(ends, (m.start() - NAMED_AFTER_REACH,)), bisect.bisect_right(ends, (m.start(), len(said)))
        who = next((w for _, k in reversed(ends[lo:hi]) if (w := said[k][3]) is not None and w.kind == "person"
                    and not w.learned and w.gender in (None, sex)), None)
        if who is not None and who is not named:
            renamed[id(who)] = named
    if renamed:
        for k, (a, b, kind, w, attr, flags) in enumerate(said):
            if w is not None and id(w) in renamed:
                said[k] = (a, b, kind, renamed[id(w)], attr, flags)


DIALOGUE_BACK = 6  # lines of a dialogue read back for the other party


def _alternate_lines(t: str, quotes: list[Quote], said: list) -> None:
    """A bare line of a dialogue after two lines of two speakers is the turn of the one before last, as Russian
    dialogue alternates («— Вы откуда? — спрашивает инспектор. / — Из Оша, — отвечает женщина. / — Документы
    покажите.»: the inspector's). Where the one before last asked as a journalist, a line that asks is theirs and
    any other the answerer's, going on."""
    first = len(said) - len(quotes)
    for k, q in enumerate(quotes):
        if q.side != "alternate" or k < 2:
            continue
        a, b, kind, _, attr, flags = said[first + k]
        last = said[first + k - 1][3]
        # the other party: the speaker before the last one, back along the dialogue's dash lines
        j = k - 2
        while j > 0 and said[first + j][3] is last and quotes[j].kind == "dash" and k - j < DIALOGUE_BACK:
            j -= 1
        other = said[first + j][3]
        if last is None or other is None or last is other or quotes[j].kind != "dash":
            continue
        who = (other if _asks(t, q) else last) if _reporter(other) else other
        said[first + k] = (a, b, kind, who, attr, flags)


def _answers_of_the_asked(t: str, quotes: list[Quote], said: list, cast: Cast) -> None:
    """A bare line right after a question whose attribution names whom it asks («— Не жалеете? — спрашиваю у
    Ерлана. / — Ни дня не жалел.», «— спросила я фермера»): the one asked answers."""
    first = len(said) - len(quotes)
    for k, q in enumerate(quotes):
        if k == 0 or q.side != "alternate" or q.kind != "dash":
            continue
        prev = quotes[k - 1]
        if prev.kind != "dash" or prev.attribution is None or not _asks(t, prev):
            continue
        asked = _asked_in(t, prev.attribution, cast)
        if asked is not None:
            a, b, kind, _, attr, flags = said[first + k]
            said[first + k] = (a, b, kind, asked, attr, flags)


def _asked_in(t: str, attr: Span, cast: Cast) -> Participant | None:
    """The person an asking clause names as asked: after «у» («спрашиваю у Ерлана») or as the verb's object
    («спросила я фермера Ерлана»), not its subject."""
    ws = words_in(t, attr.start, attr.end)
    for k, w in enumerate(ws[1:], 1):
        p = cast.at(w.start)
        if p is None and ws[k - 1].low == "у" and (fn := first_name(w.text, oblique=True)) is not None \
                and fn[0].lower() in cast.first_names():
            named = [q for q in cast.people() if q.first == fn[0]]  # «у Ерлана»: the one Ерлан the text names
            if len(named) == 1:
                return named[0]
        if p is None or p.kind != "person":
            continue
        m = p.last_before(w.start + 1)
        if ws[k - 1].low == "у" or m is not None and not m.subject:
            return p
    return None


def _reporter(p: Participant) -> bool:
    """Whether the one asking in a dialogue is the press («журналист», «корреспондент», one named as such)."""
    return p.kind == "group" or p.name.split()[0].lower() in load_words("roles.txt", "journalist labels") \
        or is_journalist(p)


def _narrator(t: str, end: int, turns, quotes, cast: Cast) -> Participant | None:
    """A speech printed without quote marks or labels is its main actor's own text."""
    if turns or quotes:
        return None
    words = len(t[:end].split())
    first = len(_FIRST_PERSON_WORD.findall(t, 0, end))
    if words and first / words >= 0.015:
        return cast.main()
    return None


# ---------------------------------------------------------------- the records
def _speakers(cast: Cast, segs: list[Segment]) -> tuple[list[Speaker], dict[int, str]]:
    """Every participant with a mention or a segment, ids in order of first appearance."""
    by_obj: dict[int, list[Segment]] = {}
    for s in segs:
        if s.speaker_id is not None and s.kind != "narrative":
            by_obj.setdefault(s.speaker_id, []).append(s)
    # the people, bodies and groups the text names, and whoever an attribution found that speaks; not
    # what a probe of a narrative sentence («Investment AB Kinnevik …») made up along the way
    present = [p for p in cast.participants if (p.learned and p.mentions) or id(p) in by_obj]

    def first_at(p: Participant) -> int:
        at = [m.start for m in p.mentions] + [s.start for s in by_obj.get(id(p), ())]
        return min(at)

    present.sort(key=first_at)
    ids = {id(p): f"s{k + 1}" for k, p in enumerate(present)}
    out = []
    for p in present:
        own = by_obj.get(id(p), [])
        out.append(Speaker(ids[id(p)], p.name, p.kind, p.gender, list(p.roles),
                           [Span(m.start, m.end, cast.text[m.start : m.end]) for m in p.mentions],
                           [s.index for s in own], sum(count_words(s.text) for s in own)))
    return out, ids
