"""What a plural noun phrase that speaks names: a group of people («спросили журналисты», «Эксперты S&P
пишут»), the group named before with that head, or the body whose staff it is («— заверили дипломаты» after
«В посольстве …»), named in the nominative plural («по словам местных собеседников издания» → «местные
собеседники издания»).
"""

from __future__ import annotations

from . import morph
from .noun_phrases import Context, Word, _adjectival, _in, _reading
from .participants import Participant
from .speakers import Cast, org_key


def group(cast: Cast, np: list[Word], pos: int, ctx: Context) -> Participant:
    """«спросили журналисты» · «Эксперты S&P пишут» — a group.

    A bare plural that an earlier group shares its head with is that group («диписточники» …
    «Источники отмечают»); else a bare plural of a body's staff right after it made a statement is that
    body's people («А в постпредстве … пообещали …. "…", - заверили дипломаты»; organisations.txt ``# staff``).
    """
    lead = next((k for k, w in enumerate(np) if not _adjectival(w)), 0)  # «казахстанских | врачей»
    head = _reading(np[lead].text)[0]
    if len(np) == 1:  # «Депутаты Жогорку Кенеша … обратились … — сообщили депутаты»: the group named before
        for p in reversed(cast.participants):
            if p.kind == "group" and p.last_before(pos) is not None and head in p.key:
                return p
    if len(np) == 1 and _in("staff", head):  # people of a body (дипломаты, сотрудники), not «аналитики»
        for who in (ctx.issuer, ctx.last):
            if who is not None and who.kind == "organisation":
                return who
        here = cast.sentence_of(pos)
        for m, p in cast.recent(pos):  # «В посольстве … следят за ситуацией. «…», — заверили дипломаты»
            if here - cast.sentence_of(m.start) > 1:
                break
            if p.kind == "organisation" and not cast.in_quote(m.start):
                return p
    lemmas = org_key([_reading(w.text)[0] for w in np])
    words = [w.text for w in np]
    for k in range(lead + 1):  # «по словам местных собеседников издания» → «местные собеседники издания»
        words[k] = _plural_nominative(words[k])
    spelt = org_key([head])
    if spelt != (head,):  # «диписточники» → «дипломатические источники»; the complements stay as written
        words = words[:lead] + _spelt_out(spelt) + words[lead + 1 :]
    words[0] = words[0].lower() if not words[0].isupper() else words[0]
    name = " ".join(words)
    p = cast.add(Participant(name, "group", None, " ".join(lemmas)))
    cast.mention(p, np[0].start, np[-1].end, True)
    return p


def can_be_plural(word: str) -> bool:
    return any({"plur", "nomn"} <= p.tag.grammemes for p in morph.parses(word.lower())[:4])


def _plural_nominative(word: str) -> str:
    """A group's head in the nominative plural: «собеседников» → «собеседники», «студентки» stays."""
    for p in morph.parses(word.lower())[:4]:
        if p.tag.POS in ("NOUN", "ADJF", "PRTF") and "plur" in p.tag.grammemes:
            form = p.inflect({"nomn", "plur"})
            if form is not None:
                return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word
    return word


def _spelt_out(lemmas: tuple[str, ...]) -> list[str]:
    """Lemmas of a spelt-out group name in the plural: («дипломатический», «источник») → «дипломатические источники»."""
    out = []
    for lem in lemmas:
        p = morph.parses(lem)[0]
        form = p.inflect({"plur", "nomn"})
        out.append(form.word if form is not None else lem)
    return out
