"""What the author's sentence right before a quote says of who speaks in it.

Russian news often names the speaker of a quote, or the body behind it, in the narrative sentence before:
«Судья спросил у Осмонова, почему …» (the reply after it is the one asked), «В акимате пообещали …»
(«— уточнили там», «— говорится в сообщении»: that body), and a family of two named with their seniority
(«— вставляет отец»: the elder). Each function reads that sentence (or the family) for the attribution
resolver (``attribution``) and the documents' issuers (``documents``).
"""

from __future__ import annotations

import bisect

from . import regexes
from .bodies import _organisation
from .names import first_name
from .noun_phrases import Context, Word, _clip, _reading, words_in
from .participants import Participant
from .quotes import asking_verbs
from .roles import is_person_noun
from .speakers import Cast, org_heads
from .text import word_before
from .wordlists import load_words


def family_member(cast: Cast, w: Word, ctx: Context) -> Participant | None:
    """«— вставляет отец», «— добавила дочь»: a kinship word alone, where the text has two people of one
    family whose seniority it tells (``families._by_seniority``): the elder for a senior kin word, the younger
    for a junior one."""
    lemma = _reading(w.text)[0]
    senior, junior = load_words("roles.txt", "senior kin"), load_words("roles.txt", "junior kin")
    if lemma not in senior and lemma not in junior:
        return None
    for p in ([ctx.last] if ctx.last is not None else []) + cast.people():
        family = cast.by_key.get(p.key, []) if p.kind == "person" and p.key else []
        if len(family) == 2:
            return cast._by_seniority(family, "старш" if lemma in senior else "младш")
    return None


def author_sentence_before(cast: Cast, text: str, pos: int) -> tuple[int, int] | None:
    """The span of the author's sentence before the quote that ends right before ``pos`` (or before ``pos``),
    if nothing quoted stands between."""
    k = bisect.bisect_left(cast._quoted_starts, pos) - 1
    if k >= 0 and cast.quoted[k][1] <= pos and not text[cast.quoted[k][1] : pos].strip(" \t,—–-"):
        pos = cast.quoted[k][0]  # from the quote the attribution is of
    starts = cast._sentence_starts
    j = cast.sentence_of(pos) - 1
    while j > 0 and not text[starts[j] : pos].strip():
        j -= 1  # (a paragraph break counts as a sentence of nothing)
    lo = starts[max(0, j)]
    opens = cast._quoted_starts
    k = bisect.bisect_left(opens, lo)
    if cast.in_quote(lo) or k < len(opens) and opens[k] < pos:
        return None  # (by bisection: a transcript of many quotes asks this of each)
    return lo, pos


def there(cast: Cast, text: str, pos: int, ctx: Context) -> Participant | None:
    """«— уточнили там»: the body the author's sentence before gave the floor to («В акимате пообещали …»,
    «Об этом сообщили в министерстве»), or else the last body it names."""
    span = author_sentence_before(cast, text, pos)
    if span is None:
        return None
    ws = words_in(text, *span)
    return located_body(cast, text, ws, pos, ctx) or next(
        (p for w in reversed(ws) if (p := cast.at(w.start)) is not None and p.kind == "organisation"), None)


def located_body(cast: Cast, text: str, ws: list[Word], pos: int, ctx: Context) -> Participant | None:
    """The body in «в …» whose people speak in these words («В пресс-службе мэрии добавили, что …»)."""
    for k in range(len(ws) - 2, -1, -1):
        if ws[k].low in ("в", "во") and _reading(ws[k + 1].text)[0] in org_heads():
            got = _organisation(cast, text, _clip(text, ws[k + 1 : k + 6]), pos, ctx)
            if got is not None:
                return got
    return None


def body_speaking_before(cast: Cast, text: str, pos: int, ctx: Context) -> Participant | None:
    """The body the author's sentence right before a quote has speak («В пресс-службе мэрии добавили, что …
    «…», — говорится в сообщении»)."""
    span = author_sentence_before(cast, text, pos)
    if span is None:
        return None
    ws = words_in(text, *span)
    if not any(w.text[:1].isalpha() and _reading(w.text)[2] == "VERB" and "plur" in _reading(w.text)[1] for w in ws):
        return None  # (a body in «в …» speaks through a verb in the plural: «добавили», «сообщили»)
    return located_body(cast, text, ws, pos, ctx)


def asked_before(cast: Cast, text: str, pos: int, gender: str | None) -> Participant | None:
    """The person the author's sentence right before ``pos`` has someone ask («Судья Нурлан Джумабаев спросил у
    Осмонова, почему …», «поинтересовался у министра Ивана Петрова»), if nothing quoted comes between: the one
    a reply after it («— ответил он», «— ответил подсудимый») is from."""
    span = author_sentence_before(cast, text, pos)
    if span is None:
        return None
    return asked_in(cast, words_in(text, *span), gender)


def asked_in(cast: Cast, ws: list[Word], gender: str | None = None) -> Participant | None:
    """The person named after an asking verb among ``ws`` («спросил у Осмонова», «— спрашиваю Рамиза»), not as a
    subject, of ``gender`` if given."""
    verb = next((w for w in reversed(ws) if _reading(w.text)[0] in asking_verbs()), None)
    if verb is None:
        return None
    for w in ws[ws.index(verb) + 1 :]:
        if w.text in (".", "!", "?"):
            break
        p = cast.at(w.start)
        if p is None and w.text[:1].isupper() and len(named := named_in_full_by_case(cast, w.text)) == 1:
            # «— спрашиваю Рамиза» after «Рамиз Гасанов …»: the one named in full by that given name, in its case
            return named[0] if not (gender and named[0].gender and named[0].gender != gender) else None
        if p is not None and p.kind == "person" and not (gender and p.gender and p.gender != gender):
            m = next((m for m in p.mentions if m.start <= w.start < m.end), None)
            return p if m is not None and not m.subject else None
    return None


_MANS_CASE_ENDINGS = ("а", "у", "ом", "е")  # «Вугара», «Вугару», «Вугаром», «о Вугаре»


def named_in_full_by_case(cast: Cast, word: str) -> list[Participant]:
    """The people the text names in full by the given name of which ``word`` is an oblique case: as the dictionary
    declines it, or, for a name it does not know, a man's case ending off the name («Вугара» → «Вугар»)."""
    fn = first_name(word, oblique=True)
    stems = {fn[0]} if fn is not None else set()
    stems.update(word[: -len(tail)] for tail in _MANS_CASE_ENDINGS if word.endswith(tail) and len(word) > len(tail) + 2)
    stems.discard(word)
    return list({id(p): p for s in stems for p in cast.named_in_full(s.lower())}.values())


# «…, а тот пожаловался», «… и та ответила»: the demonstrative that takes up the person named last, not the subject
_LATTER = regexes.compile(r"(?:,[ \t]*(?:а|и|но)|[.!?])[ \t]+(?:[Тт]от|[Тт]а)[ \t]+[а-яё]+")


def latter_before(cast: Cast, text: str, pos: int, gender: str | None) -> Participant | None:
    """The person the author's sentence right before ``pos`` makes its subject with «тот», «та» («Министр поблагодарил
    фермера, а тот пожаловался на нехватку воды. «…», — сказал он»): the person named last before that word, who is
    not the subject there; «он» after it is that one."""
    span = author_sentence_before(cast, text, pos)
    if span is None:
        return None
    found = list(_LATTER.finditer(text, *span))
    if not found:
        return None
    m = found[-1]  # (the last clause before the quote)
    for x, p in cast.recent(m.start()):
        if x.start < span[0]:
            break
        if p.kind == "person" and not x.subject:
            return p if not (gender and p.gender and p.gender != gender) else None
    # («поблагодарил фермера, а тот …»: the one the text introduced with the noun before «тот»)
    noun = next((w for w in reversed(words_in(text, span[0], m.start())) if w.text[:1].islower()), None)
    if noun is None or not is_person_noun(noun.text):
        return None
    lemma = _reading(noun.text)[0]

    def called_so(p: Participant) -> bool:  # a role of that noun, or the noun right before a mention («фермером Болатом»)
        return any(r.lower().split()[0].startswith(lemma[:5]) for r in p.roles) or any(
            (w := word_before(text, x.start)) is not None and _reading(w)[0] == lemma for x in p.mentions)

    held = [p for p in cast.people() if called_so(p)]
    return held[0] if len(held) == 1 and not (gender and held[0].gender and held[0].gender != gender) else None
