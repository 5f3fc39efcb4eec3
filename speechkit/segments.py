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
from .quotes import Quote, _asks, is_speech_verb
from .speakers import Cast, Participant
from .text import count_words, has_letters, merge_spans, norm_word, paragraphs, sentence_breaks
from .turns import Turn

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
        if who is not None:
            asked = ctx.last is not None and ctx.last is not who and _asks(t, q)
            # the one asking does not take the floor from the one asked («— Будет ли встреча? — уточнил
            # корреспондент … — Такая встреча запланирована, — коротко сказал дипломат»)
            ctx.last, ctx.since = ctx.last if asked else who, max(q.end, q.attribution.end if q.attribution else q.end)
    _run_on_paragraphs(t, quotes, said)
    _dialogue_lines(t, quotes, said, cast)
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
        if named is not None or any(w.text[:1].isupper() for w in ws):
            return named
        return by_words(cast, t, attr.start, attr.end, q.start, ctx)
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
    if who is None and verb is not None and norm_word(morph.lemma(verb.text)) in RELAYING:
        # «Лукашенко потребовал навести порядок. «…», — передает БелТА»: the outlet relays the words of
        # whom the sentences before have speak
        who = _statement_before(t, q.start, cast, ctx)
    return who


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


def _turn_speaker(tr: Turn, cast: Cast) -> Participant | None:
    """«В.Путин:» → the person; «Вопрос:» or an interview's question → a journalist; «Президент:» →
    whoever holds the post; «Ауез Габбасов:», «АХМЕТОВ:» → the person; an interview's answer → the
    interviewee, the text's main person."""
    from .names import first_name, surname_key
    from .roles import post_of
    from .wordlists import load_sections

    label = tr.surname.lower()
    labels = load_sections("roles.txt")
    if tr.kind == "role":
        named = _named_in_label(tr, cast)
        if named is not None:  # «ВЕДУЩАЯ (Ольга Мартынова):», «СИНХРОН — Иван Ковальчук, агроном:»
            return named
        if label in labels.get("sound bite labels", ()):
            return _first_named(cast, tr.start, min(tr.end, tr.start + SOUND_BITE_REACH))
    if tr.kind == "answer" or (tr.kind == "role" and label in labels.get("answer labels", ())):
        return _interviewee(cast, labels)
    if tr.kind == "role" and label in labels.get("unnamed labels", ()):
        return None  # «Реплика:», «Голос из зала:»: the text does not say who
    if tr.kind == "question" or (tr.kind == "role" and label in labels.get("journalist labels", ())):
        # «Вопрос от читателя Алии из Шымкента:»; «КОРРЕСПОНДЕНТ: … Дильнора Хамидова, Сырдарьинская область.»
        asker = _asker(tr, cast) or _credited(tr, cast) or _named_journalist(cast) \
            or (_signed_off(cast) if tr.kind == "role" else None)
        return asker or cast.add(Participant(JOURNALIST, "group", None, JOURNALIST))
    if tr.kind == "role":
        post = post_of([tr.surname])
        holder = cast.holder(post, tr.start) if post is not None else None
        holder = holder or _introduced_as(label, cast)
        name = tr.surname.capitalize() if tr.surname.isupper() else tr.surname  # «ВЕДУЩИЙ:» as «Ведущий:»
        return holder or cast.add(Participant(name, "person", None, label))
    if tr.kind == "name":
        from .roles import is_person_noun

        words = [w.capitalize() if w.isupper() else w for w in tr.surname.split()]
        labels = load_sections("roles.txt").get("transcript labels", ())
        while len(words) > 1 and (is_person_noun(words[0]) or words[0].lower() in labels) and not first_name(words[0]):
            # «Свидетель Ким:», «Ведущий Сергей Ветров:»: a post or a party, then the name of the one it is
            words = words[1:]
        if len(words) == 1:
            people = cast.by_key.get(surname_key(words[0]), ())
            if people:
                return people[0]
            named = [p for p in cast.people() if p.first == words[0]]
            if len(named) == 1:  # «Севара:» after «Вели выпуск Севара Назарханова и …»: her given name
                return named[0]
            post = post_of(words)
            holder = cast.holder(post, tr.start) if post is not None else None
            if holder is not None:
                return holder  # «Торага:» after «Торага Жогорку Кенеша Эркин Асанбеков:»: the post's holder
            return cast.person(None, words[0], "masc", nominative=True)
        # a label is in the nominative
        at = tr.label.start + max(0, tr.label.text.find(tr.surname))  # («Депутат Сергей Ким:»: after the post)
        p = _person_named(words, cast, -1)
        cast.mention(p, at, at + len(tr.surname), True)
        if at > tr.label.start:
            # «Торага Жогорку Кенеша Эркин Асанбеков:»: the post before the name is his, for «Торага:» later
            cast._roles_around(p, at, at + len(tr.surname))
        return p
    if tr.kind == "monogram":
        return _by_initials(tr.initials, cast)
    words = tr.tooltip.split()
    if len(words) >= 2 and words[0] == tr.surname:  # «Лукашенко Александр Григорьевич …»
        fn = first_name(words[1])
        if fn:
            p = cast.person(fn[0], tr.surname, fn[1], nominative=True)
            cast.to_nominative(p, tr.surname)  # a label is nominative: «(Обращаясь к А.Новаку.)» was not
            return p
    return cast._initials_person(tr.initials, tr.surname, label=True)


def _interviewee(cast: Cast, labels: dict) -> Participant | None:
    """Whose answers «Гость:», «Ответ:» label: the text's main person, or, when that is the host the text
    introduces («ведущая Ольга Ржевская поговорила с шеф-поваром Давидом Гогуадзе»), the first other person."""
    if hasattr(cast, "_interviewee"):
        return cast._interviewee  # (found once for a transcript's every answer)
    cast._interviewee = _find_interviewee(cast, labels)
    return cast._interviewee


def _find_interviewee(cast: Cast, labels: dict) -> Participant | None:
    main = cast.main()
    asking = ("ведущий", "ведущая", "модератор", *labels.get("journalist labels", ()))
    hosts = [h for h in (_introduced_as(w, cast) for w in asking) if h is not None]
    if main is None or not any(h is main for h in hosts):
        return main
    others = [p for p in cast.people() if p.learned and p.mentions and not any(h is p for h in hosts)]
    return min(others, key=lambda p: p.mentions[0].start) if others else main


def _introduced_as(label: str, cast: Cast) -> Participant | None:
    """The one person the text introduces with a label's word right before their name, a few words of
    its own at most between («ведущая программы «Итоги» Алия Нурланова» for «Ведущая:»); nobody when
    none or several are."""
    want = norm_word(morph.lemma(label))
    chairing = want == "председательствующий"
    fits = []
    for p in cast.people():
        if not p.learned or not p.mentions:
            continue
        at = p.mentions[0].start
        # (a dash may stand between: «Модератор — журналист Ильдар Гарипов»)
        before = re.split(r"[.!?;:,\n]", cast.text[max(0, at - 90) : at])[-1]
        lemmas = [norm_word(morph.lemma(w)) for w in re.findall(r"[А-Яа-яЁё-]+", before)]
        if want in lemmas[-4:] or chairing and _chairs(lemmas[-6:]):
            fits.append(p)
    return fits[0] if len(fits) == 1 else None


def _chairs(lemmas: list[str]) -> bool:
    """Whether the words before a name say its holder chairs the sitting: «Председательствует заместитель
    Председателя Думы Б. С. Ткаченко», «Заседание вел торага парламента …» (a verb of chairing, or «вести»
    with the sitting as its object: roles.txt # sittings)."""
    from .wordlists import load_words

    return "председательствовать" in lemmas or "вести" in lemmas and bool(
        load_words("roles.txt", "sittings") & set(lemmas))


SOUND_BITE_REACH = 80  # characters of a sound bite's turn read for the name of whose words it is


def _named_in_label(tr: Turn, cast: Cast) -> Participant | None:
    """The person a role label names in brackets or after a dash: «КОРРЕСПОНДЕНТ (Алесь Климович):», «СИНХРОН —
    Иван Ковальчук, агроном:». A label is in the nominative and names people: two capitalised words there are a
    given name and a surname even where the second reads as a patronymic too («Климович»)."""
    start = tr.label.start + len(tr.surname)
    named = _first_named(cast, start, tr.label.end)
    if named is not None:
        return named
    m = _LABEL_NAME.search(cast.text, start, tr.label.end)
    if m is None:
        return None
    from .names import first_name

    fn = first_name(m.group(1))
    if fn is None or fn[0] != m.group(1):
        return None
    p = cast.person(fn[0], m.group(2), fn[1], nominative=True)
    cast.mention(p, m.start(), m.end(), True)
    return p


_LABEL_NAME = regexes.compile(r"[(—–][ \t]*([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё-]+)(?=[,)])")


def _first_named(cast: Cast, start: int, end: int) -> Participant | None:
    """The first person a mention in ``text[start:end]`` names."""
    for pos in range(start, end):
        p = cast.at(pos)
        if p is not None and p.kind == "person":
            return p
    return None


# a TV report's sign-off: the reporter's name (and the camera's), maybe a place or the channel, at a paragraph's end
_SIGN_OFF = regexes.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё-]+)(?:, [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё-]+)*, [^\n]{1,60}\.[ \t]*$",
                            re.M)


def _signed_off(cast: Cast) -> Participant | None:
    """The reporter who signs off a TV report («… Дильнора Хамидова, Сырдарьинская область.», «Анастасия Белова,
    Виталий Кольцов, «Вести. Приволжье».»): the first name of a sign-off that ends a paragraph after a sentence of
    the report; nobody when two reporters sign off. Read once per text, however many turns ask."""
    if cast.reporter is None:
        found: list[Participant] = []
        for m in _SIGN_OFF.finditer(cast.text, 0, cast.end):
            after_sentence = cast.text[max(0, m.start() - 2) : m.start()].rstrip()[-1:] in (".", "!", "?", "»")
            p = cast.at(m.start(1)) if after_sentence else None
            if p is not None and p.kind == "person" and all(q is not p for q in found):
                found.append(p)
        cast.reporter = (found[0] if len(found) == 1 else None,)
    return cast.reporter[0]


def _named_journalist(cast: Cast) -> Participant | None:
    """The one person the text names as a journalist («Вопросы задавала корреспондент Алия Сейткали»): the
    questions of an interview are theirs; nobody when it names none or several."""
    from .wordlists import load_words

    words = load_words("roles.txt", "journalist labels")
    named = [p for p in cast.people() if p.learned and any(r.split()[0].lower() in words for r in p.roles if r)]
    return named[0] if len(named) == 1 else None


def _by_initials(initials: str, cast: Cast) -> Participant | None:
    """The one person the text names whose given name and surname begin with a label's first and last
    initials («Т.Н.:» → Томирис Нургалиева); nobody if none or several do."""
    letters = [c for c in initials if c.isalpha()]
    fits = [p for p in cast.people() if p.learned and len(words := p.name.split()) >= 2
            and words[0][:1] == letters[0] and words[-1][:1] == letters[-1]]
    return fits[0] if len(fits) == 1 else None


def _asker(tr: Turn, cast: Cast) -> Participant | None:
    """Whom a question label says the question is from: «Вопрос от Айгерим Касымовой:» is hers."""
    k = tr.label.text.find(" от ")
    if k < 0:
        return None
    start = tr.label.start + k + 4
    end = tr.label.start + tr.label.text.rfind(":")
    ws = words_in(cast.text, start, end)
    if len(ws) >= 2 and ws[0].text[:1].islower() and ws[1].text[:1].isupper() \
            and not (len(ws) > 2 and ws[2].text[:1].isupper()):
        given = _genitive_given(ws[1].text)  # «от читателя Алии из Шымкента»: Алия, named so only
        if given is not None:
            return cast.given_name_person(given, ws[1].start, ws[1].end)
    who = by_words(cast, cast.text, start, end, tr.start, Context())
    return who if who is not None and who.kind == "person" else None


def _credited(tr: Turn, cast: Cast) -> Participant | None:
    """Who asked a question the brackets after it credit, by given name and surname («(Анна Бабаян, Общественное
    телевидение Армении)»); nobody when they name an outlet alone («(News.am)»)."""
    if tr.kind != "question" or not tr.tooltip:
        return None
    name = tr.tooltip.split(",")[0].strip()
    words = name.split()
    if len(words) not in (2, 3) or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return _person_named(words, cast, cast.text.find(name, tr.end))


def _person_named(words: list[str], cast: Cast, at: int) -> Participant:
    """The person a label or a credit names in the nominative, given name first, mentioned at ``at``: the given name
    as written («Гани», not «Ганя» whose genitive it could be), its sex from the dictionary only where it reads
    the same form, else from the surname."""
    from .names import first_name, surname_ending

    fn = first_name(words[0])
    sex = fn[1] if fn and fn[0] == words[0] else {"": "masc", "а": "femn"}.get(surname_ending(words[-1]) or "",
                                                                                fn[1] if fn else "masc")
    p = cast.person(words[0], words[-1], sex, nominative=True)
    if at >= 0:
        cast.mention(p, at, at + len(" ".join(words)), True)
    return p


def _genitive_given(word: str) -> str | None:
    """A given name in the genitive back in the nominative: a woman's of data/womens_names.txt («Алии» →
    «Алия», «Асели» → «Асель»), else a man's the dictionary reads («Ерлана» → «Ерлан») or a consonant-final
    one less its «-а» («Таланта» → «Талант»)."""
    from .name_sex import listed_woman
    from .names import first_name, nominative_given

    for tail, nom in (("", ""), ("ии", "ия"), ("и", "ь"), ("и", "я"), ("ы", "а"), ("и", "а")):
        stem = word[: len(word) - len(tail)] if tail else word
        if word.lower().endswith(tail) and listed_woman(stem + nom):
            return stem + nom
    fa = first_name(word, oblique=True)
    if fa is not None and fa[1] == "masc" and fa[0] != word:
        return fa[0]
    bare = nominative_given(word, "а")
    return bare if bare != word else None


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
