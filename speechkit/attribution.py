"""Who an attribution names: the clause around a speech verb, resolved against the speaker model.

Russian news attributes a quote in a handful of ways, and each says where the speaker stands:

* after the verb, inverted: «», — сказал министр иностранных дел Германии Франк-Вальтер Штайнмайер»;
* before the verb: «Костин заявил: «…»», «», — Иванов добавил»; a subject before a colon with no
  verb at all: «Сам Александр Белов оказался более дипломатичным: «…»»;
* a pronoun (``добавил он``), a role (``сказал министр``, ``Глава государства``), a group
  (``спросили журналисты``), an organisation (``отметили в ведомстве``, ``В МИД Казахстана заявили``);
* a document: ``говорится в заявлении МИД`` (its issuer speaks), ``цитирует заявление агентство X``
  (the statement's author speaks, not the agency that quotes it), ``В нем отмечается``;
* ``по словам X`` / ``По его словам``.

The subject is the first noun phrase in the nominative outside a prepositional phrase; what it
names is resolved by ``Cast``: a name to its person, a pronoun to its antecedent, a role to the person
holding it, a generic organisation noun to the organisation named before. When the text does not
say, the answer is None — never the first noun at hand.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from . import morph
from .names import CAP, body_name, first_name, gender_of_verb, place_or_body, surname_ending, surname_key
from .roles import country_of_word, is_person_noun, is_role_word, post_of, role_lemmas
from .speakers import SUBJECT_SENTENCES, Cast, Participant, _nominative_head, org_heads, org_key
from .text import norm_word
from .wordlists import load_sections, load_words

# a word; «NEWSru.com» holds its dot, «Акорды.Лидер» (a sentence glued by a scraper) is two words
_WORD = re.compile(r"[«\"„“][^«»\"„“”]{1,60}[»\"“”]|[^\W_](?:[\w&’'-]|\.(?=[a-z]))*[\w]|[^\W\d_]")
PREPOSITIONS = frozenset("в во на с со по для о об обо у к ко из за при от до после перед через над под между "
                         "среди без про вместо около".split())
PRONOUNS = {"он": ("masc", "sing"), "она": ("femn", "sing"), "они": (None, "plur")}
AUTHOR = frozenset(["я", "мы"])  # «Мы также обратились в Нацбанк …»: the newsroom itself
POSSESSIVES = {"его": ("masc", "sing"), "ее": ("femn", "sing"), "её": ("femn", "sing"), "их": (None, "plur")}
IMPERSONAL = frozenset("говориться отмечаться указываться подчеркиваться сообщаться утверждаться "
                       "констатироваться заявляться".split())
QUOTING = frozenset(["цитировать", "процитировать", "приводить", "привести"])
WORDS_OF = frozenset(["слово", "высказывание", "цитата", "реплика"])  # «приводит слова X»: X speaks
RELAYING = frozenset(["передавать"])  # «», — передает Tengrinews.kz»: present tense, the outlet relays
# an outlet named by its site («Tengrinews.kz», «Лента.ру», «NEWSru.com»): it publishes, it does not speak
_OUTLET = re.compile(r"[^\W\d_][\w-]*\.(?:ru|ру|kz|uz|kg|tj|by|ua|az|am|ge|md|com|net|org|info|рф)(?![\w.])",
                     re.IGNORECASE)


_AUTHOR = Participant("", "author")  # a marker: the subject is «я»/«мы», the text's own author


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return norm_word(self.text)


# scraped text glues a word to the date after it: «в Нацбанке12 апреля» is «Нацбанке» and «12»
_GLUED_DIGITS = re.compile(r"(?<=[а-яё])(?=\d)")


def words_in(text: str, start: int, end: int) -> list[Word]:
    out = []
    for m in _WORD.finditer(text, start, end):
        cut = _GLUED_DIGITS.search(m.group(0))
        if cut is None:
            out.append(Word(m.start(), m.end(), m.group(0)))
        else:
            out.append(Word(m.start(), m.start() + cut.start(), m.group(0)[: cut.start()]))
            out.append(Word(m.start() + cut.start(), m.end(), m.group(0)[cut.start() :]))
    return out


def _first_words(text: str, start: int, end: int, n: int) -> list[Word]:
    """``words_in(text, start, end)[:n]``, without reading the rest."""
    return [Word(m.start(), m.end(), m.group(0)) for m in itertools.islice(_WORD.finditer(text, start, end), n)]


@functools.cache
def _sections() -> dict[str, tuple[str, ...]]:
    return load_sections("organisations.txt")


def _in(section: str, lemma: str) -> bool:
    return lemma in _sections().get(section, ())


@functools.lru_cache(maxsize=100_000)
def _reading(word: str) -> tuple[str, frozenset, str | None]:
    """(lemma, grammemes of the best parse, POS) of a word form."""
    ps = morph.parses(word.lower())
    p = ps[0]
    return norm_word(morph.lemma(word)), frozenset(p.tag.grammemes), p.tag.POS


@functools.lru_cache(maxsize=100_000)
def _known(word: str) -> bool:
    return morph.analyzer().word_is_known(word.lower())


@functools.lru_cache(maxsize=100_000)
def _can_be(word: str, case: str) -> bool:
    return any(case in p.tag.grammemes for p in morph.parses(word.lower())[:4] if p.score >= 0.05)


def _quoted(w: Word) -> bool:
    return w.text[:1] in "«\"„“"


@dataclass
class Context:
    """What resolution needs beyond the clause: the last speaker and the last issuer of a document."""

    last: Participant | None = None
    since: int = -1  # where the last speaker's quote ended
    issuer: Participant | None = None  # the author of the last statement named


def resolve(cast: Cast, text: str, start: int, end: int, verb: Word | None, pos: int,
            ctx: Context, subject_first: bool = False) -> Participant | None:
    """The speaker an attribution clause ``text[start:end]`` names (``verb``: its speech verb).

    ``subject_first``: the clause stands before the quote («X заявил: «…»»), where the subject is
    read before the verb; after the quote the inverted order comes first.
    """
    ws = words_in(text, start, end)
    if not cast.in_quote(start):  # quoted words in the clause say nothing of who speaks («"Вы что?" — обратился …»)
        ws = [w for w in ws if not cast.in_quote(w.start)]
    if verb is not None:
        before = [w for w in ws if w.end <= verb.start]
        after = [w for w in ws if w.start >= verb.end]
        vlemma = norm_word(morph.lemma(verb.text))
    else:
        before, after, vlemma = ws, [], ""
    if subject_first:  # «Байжанов заявил, что в СИЗО …»: the clause after «что» has a subject of its own
        k = next((k for k, w in enumerate(after) if w.low in ("что", "чтобы", "будто")), None)
        after = after[:k] if k is not None else after
    gender, number = gender_of_verb(verb.text if verb else None)
    if verb is not None and _reading(verb.text)[2] == "GRND":
        after = []  # «Называя Vestas «мировым лидером», …»: a gerund's object is no speaker
    if vlemma in IMPERSONAL or (before and before[0].low in ("в", "во") and number == "plur"
                                and not _subject(before[1:], cast)):
        # «говорится в заявлении МИД» · «В нем отмечается» · «В МИД заявили» — a document or a body
        return _document_or_body(cast, text, before + after, pos, ctx, impersonal=vlemma in IMPERSONAL)
    outlet = verb is not None and _only_outlet(text, before + after)
    if outlet or verb is not None and vlemma in RELAYING and "pres" in _reading(verb.text)[1]:
        # «», — передает Kazinform» · «», сообщает Лента.ру»: whose words it relays, if it says
        got = _words_of(cast, text, after, pos, ctx) if after else None
        if got is None and not outlet:
            # «», — передает пресс-служба Акорды»: a body's press office passes on its own words
            body = _noun_phrase(cast, text, after or before, pos, ctx, gender, number)
            if body is not None and body.kind == "organisation" and body.key and body.key[0] in org_heads() \
                    and body.key[0] not in load_words("organisations.txt", "media"):
                return body
        return got
    if vlemma in QUOTING and before and before[-1].low in ("которого", "которую", "которых"):
        # «— намекнул Товпинец, которого цитирует РБК»: the one the relative clause is about speaks
        return _noun_phrase(cast, text, before[:-1], pos, ctx, None, None)
    if vlemma in QUOTING and after:
        # «цитирует РБК пресс-службу Порошенко» · «цитирует заявление агентство Tasnim»
        got = _quoted_object(cast, text, after, pos, ctx)
        if got is not None:
            return got
    orders = (before, after) if subject_first else (after, before)
    for part in orders:
        got = _noun_phrase(cast, text, part, pos, ctx, gender, number)
        if got is _AUTHOR:
            return None  # the author speaks: no one the text quotes
        if got is not None:
            return got
    if number == "plur":  # «заверили дипломаты» without a subject: a body named in «в …»
        return _document_or_body(cast, text, ws, pos, ctx)
    return None


def _only_outlet(text: str, ws: list[Word]) -> bool:
    """Whether the words of a clause name nothing but an outlet's site («сообщает Tengrinews.kz»)."""
    if not ws:
        return False
    rest = _OUTLET.sub("", text[ws[0].start : ws[-1].end])
    return rest != text[ws[0].start : ws[-1].end] and not re.search(r"\w", rest)


def by_words(cast: Cast, text: str, start: int, end: int, pos: int, ctx: Context) -> Participant | None:
    """«По словам Климкина» · «по мнению экспертов S&P» · «По его словам»: the words after the marker."""
    ws = words_in(text, start, end)
    for k, w in enumerate(ws):
        if w.low in POSSESSIVES:
            g, n = POSSESSIVES[w.low]
            return cast.antecedent(pos, g, n, ctx.last, ctx.since)
    return _phrase(cast, text, ws, pos, ctx, oblique=True)


# ---------------------------------------------------------------- noun phrases
def _subject(ws: list[Word], cast: Cast | None = None) -> list[Word]:
    """The words of the first noun phrase outside a prepositional phrase that can be a subject.

    A word the speaker model knows as a person's nominative mention («Токаев», which the dictionary
    also reads as a plural of «токай») is a subject whatever else it could be.
    """
    in_pp = False
    for k, w in enumerate(ws):
        low = w.low
        if low in PREPOSITIONS:
            in_pp = True
            continue
        if _quoted(w):
            continue
        if low in PRONOUNS or low in AUTHOR:  # «На своей странице в X он написал»: a nominative pronoun ends the phrase
            return ws[k:]
        lemma, gram, pos = _reading(w.text)
        if in_pp:
            # the prepositional phrase ends at a word that is plainly nominative: «в беседе с
            # корреспондентом «Голоса Америки» лидер Движения …»
            if "nomn" in gram and pos == "NOUN" and (lemma in role_lemmas() or w.text[:1].isupper()
                                                   and not w.text.isupper()) and not _can_be(w.text, "loct") and "Fixd" not in gram:
                in_pp = False
            elif cast is not None and w.text[:1].isupper() and (p := cast.at(w.start)) is not None \
                    and p.kind == "person" and (m := p.last_before(w.start + 1)) is not None and m.subject \
                    or w.text[:1].isupper() and surname_ending(w.text) == "":
                in_pp = False  # «В ходе заседания Газымжанов заявил»: a person's nominative mention
            else:
                continue
        if low in PRONOUNS or _candidate_head(w):
            if w.text[:1].isupper() and _org_name_or_cap(w):
                # «рассказал РИА Новости источник в администрации»: the agency is told, the source speaks
                for j in range(k + 1, min(k + 4, len(ws))):
                    lem = _reading(ws[j].text)[0]
                    if not ws[j].text[:1].isupper() and (_in("anonymous", lem) or _in("groups", lem)
                                                         or is_role_word(lem)) and _can_be(ws[j].text, "nomn"):
                        return ws[j:]
            return ws[_with_adjectives(ws, k):]
        if cast is not None and w.text[:1].isupper() and (p := cast.at(w.start)) is not None \
                and (m := p.last_before(w.start + 1)) is not None and m.subject:
            return ws[_with_adjectives(ws, k):]
        nxt = ws[k + 1] if k + 1 < len(ws) else None
        if w.text[:1].isupper() and nxt is not None and nxt.text[:1].isupper() and nxt.start - w.end == 1 \
                and _candidate_head(nxt) and not w.text.isupper():
            return ws[_with_adjectives(ws, k):]  # «Ваагн Хачатурян»: a given name the dictionary reads as another word
    return []


def _with_adjectives(ws: list[Word], k: int) -> int:
    """Back from a noun phrase's head over the adjectives before it that agree with it: «Российский
    президент»; not «приводит данные | комиссар ЕС» (a plural before a singular is an object)."""
    head = ws[k]
    while k > 0 and _adjectival(ws[k - 1]) and ws[k - 1].low not in PREPOSITIONS and _agrees(ws[k - 1], head):
        k -= 1
    return k


@functools.lru_cache(maxsize=50_000)
def _agreement(word: str, pos: tuple[str, ...]) -> frozenset[tuple[str, str | None]]:
    """(number, gender) of the nominative readings of ``word`` with a part of speech in ``pos``."""
    out = set()
    for p in morph.parses(word.lower())[:6]:
        if p.tag.POS in pos and "nomn" in p.tag.grammemes:
            number = "plur" if "plur" in p.tag.grammemes else "sing"
            out.add((number, None if number == "plur" else next(
                (g for g in ("masc", "femn", "neut") if g in p.tag.grammemes), None)))
    return frozenset(out)


def _agrees(adj: Word, head: Word) -> bool:
    nouns = _agreement(head.text, ("NOUN",))
    if not nouns:
        return True  # a head the dictionary does not read as a nominative noun: nothing to check
    adjs = _agreement(adj.text, ("ADJF", "PRTF"))
    return any(n == a[0] and (n == "plur" or g is None or a[1] in (None, g)) for n, g in nouns for a in adjs)


def _org_name_or_cap(w: Word) -> bool:
    return _org_name(w) or (w.text[:1].isupper() and _reading(w.text)[2] in ("NOUN", None) and not _known(w.text))


def _candidate_head(w: Word) -> bool:
    if w.text.isupper() and len(w.text) > 1 or re.match(r"[A-Z]", w.text):
        return True  # МИД, КСИР, S&P, Tasnim
    lemma, gram, pos = _reading(w.text)
    if pos in ("ADJF", "PRTF") and "nomn" in gram and "Subx" in gram and not w.text[:1].isupper():
        return True  # «заявил обвиняемый», «сообщил подсудимый»: an adjective that names a person
    if pos not in ("NOUN", None) and not w.text[:1].isupper():
        return False
    if w.text[:1].isupper():
        if pos not in ("NOUN", None) and _known(w.text):
            return False  # «Вы», «Сегодня»: a capital that opens a sentence
        # a capitalised word the dictionary does not know («Ваагн») is a name in any case
        return "nomn" in gram or _can_be(w.text, "nomn") or pos is None or not _known(w.text)
    return (is_person_noun(w.text) or _in("heads", lemma) or _in("groups", lemma) or _in("documents", lemma)) \
        and _can_be(w.text, "nomn")


def _noun_phrase(cast: Cast, text: str, ws: list[Word], pos: int, ctx: Context,
                 gender: str | None, number: str | None) -> Participant | None:
    np = _subject(ws, cast)
    if not np:
        return None
    if np[0].low in AUTHOR:
        return _AUTHOR
    if np[0].low in PRONOUNS:
        g, n = PRONOUNS[np[0].low]
        return cast.antecedent(pos, g, n, ctx.last, ctx.since)
    return _phrase(cast, text, np, pos, ctx, number=number, gender=gender)


def _phrase(cast: Cast, text: str, np: list[Word], pos: int, ctx: Context, oblique: bool = False,
            number: str | None = None, gender: str | None = None) -> Participant | None:
    """What a noun phrase names: a person, a role's holder, an organisation, a group, a document's issuer.

    The head (its first noun) decides: «пресс-службу Порошенко» is the press service, not Порошенко;
    «пресс-секретарь Путина Дмитрий Песков» is the person named after the role.
    """
    whole = _to_punctuation(text, np)  # «Президент и гендиректор Tele2 AB Матс Гранрид»: the name after coordinated roles
    np = _clip(text, np)
    if not np:
        return None
    head = next((w for w in np if not _quoted(w) and not _adjectival(w)), np[0])
    at = np.index(head)
    person = _person_at(cast, np[at:], oblique, gender)
    if person is not None:
        return person
    lemma, gram, _ = _reading(head.text)
    if _in("documents", lemma):
        return _issuer(cast, text, np[at + 1 :], pos, ctx, lemma)
    if is_person_noun(head.text) or post_of([w.text for w in np[: at + 1]]):
        named = _person_in(cast, whole[whole.index(head) + 1 :], oblique, nominative_only=True, verb_gender=gender)
        # «написали студентки»: the verb's number tells «студентки» from a genitive singular
        plural = "plur" in gram or (number == "plur" and _can_be_plural(head.text))
        return named if named is not None else _role(cast, np, pos, ctx, plural=plural, gender=gender)
    if _in("heads", lemma) or _in("generic", lemma) or lemma in org_heads() or _org_name(head):
        return _organisation(cast, text, np, pos, ctx)
    if _in("groups", lemma) and "plur" in gram:
        return _group(cast, np, pos, ctx)
    if head is np[0] and _adjectival(head) and len(np) == 1 and "nomn" in gram:
        return _role(cast, np, pos, ctx, plural="plur" in gram)  # «заявил обвиняемый в суде»
    if _in("anonymous", lemma):  # «источник в правительстве»
        words = [w.text for w in np]
        words[0] = words[0].lower()
        name = _nominative_head(" ".join(words))
        return cast.add(Participant(name, "anonymous", None, norm_word(name)))
    return _person_in(cast, np[at + 1 :], oblique, nominative_only=True)


def _to_punctuation(text: str, ws: list[Word]) -> list[Word]:
    """The words up to the first punctuation mark (quotes aside) or verb."""
    out = ws[:1]
    for prev, w in zip(ws, ws[1:]):
        if text[prev.end : w.start].strip(" \u00a0«»\"„“”") or _reading(w.text)[2] in ("VERB", "GRND", "INFN"):
            break
        out.append(w)
    return out


def _clip(text: str, np: list[Word]) -> list[Word]:
    """A noun phrase: its head and the complements that hang on it.

    It ends at punctuation other than quotes and hyphens, a verb, a conjunction, a preposition (but
    «при ООН», «в Турции» after a body, «в правительстве» after an anonymous source hold), and a
    lower-case noun that cannot be a genitive complement («Минобороны Азербайджана | агентство APA»).
    """
    out = [np[0]]
    head = None
    governed = False  # after «по»: the case the preposition governs, up to its noun
    for prev, w in zip(np, np[1:]):
        gap = text[prev.end : w.start]
        if gap.strip(" \u00a0«»\"„“”") or w.low in ("а", "но", "который", "которая", "которые", "что"):
            break
        if w.low == "и":
            k = np.index(w)
            nxt = np[k + 1] if k + 1 < len(np) else None
            # «Министерства торговли и интеграции»: a second genitive of a body's name; «Минздрав и МЧС» are two
            if not (head is not None and _body_head(_reading(head.text)[0]) and nxt is not None
                    and nxt.text[:1].islower() and _reading(nxt.text)[2] == "NOUN" and _can_be(nxt.text, "gent")
                    and _can_be(prev.text, "gent") and prev is not head):
                break
            out.append(w)
            continue
        if _quoted(w) and not w.text[1:2].isupper():
            break  # «Vestas «мировым лидером»»: quoted words in lower case are no part of a name
        if head is None and not _adjectival(prev) and not _quoted(prev):
            head = prev
        if w.low in PREPOSITIONS:
            if w.low == "при" or (w.low == "по" and head is not None and (
                    out[-1] is head and is_person_noun(head.text) or _body_head(_reading(out[-1].text)[0]))):
                out.append(w)  # «постпредство … при ООН», «директор по стратегии», «Агентство по делам …»
                governed = w.low == "по"
                continue
            nxt = np[np.index(w) + 1] if np.index(w) + 1 < len(np) else None
            hl = _reading(head.text)[0] if head else ""
            if w.low in ("в", "во", "из") and nxt is not None and (
                    _in("anonymous", hl) or (_body_head(hl) and nxt.text[:1].isupper())):
                out.append(w)  # «источник в правительстве», «посольство Казахстана в Турции»
                continue
            break
        if _reading(w.text)[2] in ("VERB", "GRND", "PRTS", "INFN"):
            break
        if governed:  # «по | финансовому мониторингу», «по | делам госслужбы»
            governed = _adjectival(w)
            out.append(w)
            continue
        if head is not None and not w.text[:1].isupper() and not _quoted(w) and out[-1].low not in ("в", "во", "из", "при"):
            pos = _reading(w.text)[2]
            if pos not in ("NOUN", "ADJF", "PRTF", "NUMR", None) or not _can_be(w.text, "gent"):
                break  # a complement is a genitive noun phrase: «жители поселка | уже», «… | агентство APA»
        out.append(w)
    return out


def _starts_a_name(w: Word) -> bool:
    """After a body and its complement, a capitalised word in Cyrillic that cannot be a genitive
    begins the name of the person the body's post belongs to, not more of the body's name."""
    return w.text[:1].isupper() and not w.text.isupper() and not _org_name(w) and not _quoted(w) \
        and not _can_be(w.text, "gent")


def _body_head(lemma: str) -> bool:
    return lemma in org_heads() or _in("heads", lemma)


def _adjectival(w: Word) -> bool:
    lemma, gram, pos = _reading(w.text)
    return pos in ("ADJF", "PRTF", "NUMR") and lemma not in role_lemmas()


def _org_name(w: Word) -> bool:
    """An abbreviation, a Latin name or a body's proper name: МИД, КСИР, РБК, S&P, Tasnim, Акорда."""
    return (w.text.isupper() and len(w.text) > 1) or bool(re.match(r"[A-Z]", w.text)) or bool(body_name(w.text))


def _person_at(cast: Cast, np: list[Word], oblique: bool, gender: str | None = None) -> Participant | None:
    """The person whose name heads the phrase."""
    if not np or _quoted(np[0]):
        return None
    w = np[0]
    if w.text[:1].isupper() and not _role_word(w.text):
        return _person_in(cast, np, oblique, verb_gender=gender)
    return None


def _person_in(cast: Cast, np: list[Word], oblique: bool, nominative_only: bool = False,
               verb_gender: str | None = None) -> Participant | None:
    """A name in the phrase: a person the cast knows, a known surname, or a capitalised pair."""
    for w in np:
        if _quoted(w):
            continue
        p = cast.at(w.start)
        if p is not None and p.kind == "person":
            m = p.last_before(w.start + 1)
            if oblique or (m.subject if nominative_only else True) or not _declines(w.text):
                return p
    caps = [w for w in np if re.fullmatch(CAP, w.text) and not place_or_body(w.text) and not _role_word(w.text)
            and not country_of_word(w.text) and (_reading(w.text)[2] in ("NOUN", None) or not _known(w.text))
            and _name_like(w.text)]
    # «сказал Ваагн Хачатурян»: a capitalised pair in the subject's place is a name the dictionary lacks
    for a, b in zip(caps, caps[1:]):
        known = cast.by_key.get(surname_key(b.text), ())
        if known and np.index(b) == np.index(a) + 1:
            # «заявила бывшая жена Куандыка Бишимбаева»: a form of someone the text knows; in the
            # subject's place only his nominative names him (here he is the kinship noun's complement)
            return known[0] if oblique or any(_nominative_of(p, b.text) for p in known) else None
        if np.index(b) == np.index(a) + 1 and (oblique or _can_be(b.text, "nomn") or not _known(b.text)):
            fa = first_name(a.text)
            gender = verb_gender or (fa[1] if fa else "masc")  # «поделилась … Асия Тюлюбаева»
            given = fa[0] if fa and fa[1] == gender else a.text
            p = cast.person(given, b.text, gender, nominative=not oblique)
            cast.mention(p, a.start, b.end, not oblique)
            return p
    for w in caps:
        people = cast.by_key.get(surname_key(w.text), ())
        if people and (oblique or not nominative_only or _nominative_of(people[0], w.text)):
            return people[0]
    if len(caps) == 1 and caps[0] is np[0] and oblique and (not _known(np[0].text) or _surname(np[0].text)):
        # «цитирует заявление Мутко»: a surname the text has not introduced, as a complement
        p = cast.person(None, np[0].text, verb_gender or "masc")
        cast.mention(p, np[0].start, np[0].end, False)
        return p
    if len(np) == 1 and caps and caps[0] is np[0] and not oblique:
        word = np[0].text
        ending = surname_ending(word)
        if (verb_gender or "masc") == "masc" and ending not in (None, "") or ending not in (None, "", "а"):
            return None  # «Адвокат Бишимбаева заявил»: a man's surname in -а is his genitive, not the subject
        if cast.by_key.get(surname_key(word)):
            return None  # «отметила бывшая супруга Бишимбаева»: a known man's form that is not his nominative
        if not _known(word):
            # «говорит Гернстермайер»: a surname the text has not introduced, alone in the subject's place
            p = cast.person(None, word, verb_gender or "masc", nominative=True)
            cast.mention(p, np[0].start, np[0].end, True)
            return p
        fn = first_name(word)
        if fn is not None and fn[0] == word and (verb_gender is None or verb_gender == fn[1]):
            # «рассказывает Василий»: a given name alone
            p = cast.get(word) or cast.add(Participant(word, "person", fn[1], surname_key(word), word))
            cast.mention(p, np[0].start, np[0].end, True)
            return p
    return None


def _nominative_of(p: Participant, word: str) -> bool:
    """Whether ``word`` is the nominative of the person's surname: the form their name has, or any
    nominative reading when their gender is unknown («Адвокат Бишимбаева»: a man's genitive)."""
    return norm_word(word) == norm_word(p.name.split()[-1]) or (p.gender is None and _can_be(word, "nomn"))


@functools.lru_cache(maxsize=50_000)
def _surname(word: str) -> bool:
    return any("Surn" in p.tag.grammemes for p in morph.parses(word.lower())[:3])


@functools.lru_cache(maxsize=50_000)
def _name_like(word: str) -> bool:
    """A word that can be part of a personal name: unknown to the dictionary, or read as a name there
    («Ваагн», «Хачатурян»), not a common noun («Реакция Министерства» is no person)."""
    if not _known(word):
        return True
    return any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in morph.parses(word.lower())[:4])


def _declines(word: str) -> bool:
    return any(p.tag.POS == "NOUN" for p in morph.parses(word.lower())[:2])


def _role_word(word: str) -> bool:
    return norm_word(morph.lemma(word)) in role_lemmas()


def _role(cast: Cast, np: list[Word], pos: int, ctx: Context, plural: bool,
          gender: str | None = None) -> Participant | None:
    """«сказал министр» · «Глава государства» · «добавил глава МИД» → the person holding the post;
    «отметил эксперт» → the person just quoted or named, whatever title they came with."""
    post = post_of([w.text for w in np])
    if plural:
        return _group(cast, np, pos, ctx)
    if post is not None:
        holder = cast.holder(post, pos)
        if holder is not None:
            return holder
    if len(np) == 1 and _reading(np[0].text)[0] in load_words("roles.txt", "anaphoric nouns"):
        p = cast.antecedent(pos, gender, "sing", ctx.last, ctx.since)
        m = p.last_before(pos) if p is not None else None
        if p is not None and not any(h.head_of_state for h in p.posts) and (
                p is ctx.last or m is not None and cast.sentence_of(pos) - cast.sentence_of(m.start) <= SUBJECT_SENTENCES):
            return p
        if post.head_of_state and post.country is None:
            # «Глава государства» in a text that names its main actor without a post: the main actor,
            # unless the text gave them another post («Президент» of a company is not the bank's head)
            main = cast.main()
            if main is not None and (not main.posts or any(h.head_of_state for h in main.posts)):
                return main
    # a post nobody in the text was introduced with: the post itself speaks («министр»)
    name = _nominative_head(" ".join(w.text for w in np))
    name = name[:1].lower() + name[1:] if not np[0].text.isupper() else name
    return cast.add(Participant(name, "person", None, "", None))


def _group(cast: Cast, np: list[Word], pos: int, ctx: Context) -> Participant:
    """«спросили журналисты» · «Эксперты S&P пишут» — a group.

    A bare plural noun right after a body made a statement is that body's people («А в постпредстве
    … пообещали …. "…", - заверили дипломаты»); a bare one that an earlier group shares its head with
    is that group («диписточники» … «Источники отмечают»).
    """
    lead = next((k for k, w in enumerate(np) if not _adjectival(w)), 0)  # «казахстанских | врачей»
    head = _reading(np[lead].text)[0]
    if len(np) == 1 and _in("groups", head):  # people of a body (дипломаты, сотрудники), not «девушки»
        for who in (ctx.issuer, ctx.last):
            if who is not None and who.kind == "organisation":
                return who
        here = cast.sentence_of(pos)
        for m, p in cast.recent(pos):  # «В посольстве … следят за ситуацией. «…», — заверили дипломаты»
            if here - cast.sentence_of(m.start) > 1:
                break
            if p.kind == "organisation" and not cast.in_quote(m.start):
                return p
    if len(np) == 1:
        for p in reversed(cast.participants):
            if p.kind == "group" and p.last_before(pos) is not None and head in p.key:
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


def _can_be_plural(word: str) -> bool:
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


# ---------------------------------------------------------------- organisations and documents
def _organisation(cast: Cast, text: str, np: list[Word], pos: int, ctx: Context | None = None,
                  mention: bool = True) -> Participant | None:
    """«пресс-служба президента Украины» · «в иранском МИД» → «МИД Ирана» · «в ведомстве» → the body named before.

    Two phrases name one body when their lemmas agree once short forms are spelt out («Минфин»,
    «Министерство финансов») and a person or post in the complement resolves to the same person
    («пресс-служба президента Украины», «пресс-служба Порошенко»).
    """
    country = None
    parts: list[Word] = []
    for w in np:
        c = country_of_word(w.text) if not _quoted(w) else None
        if c and c[1]:  # «иранском МИД»: the adjective becomes the complement «Ирана»
            country = c[0]
            continue
        if not parts and _adjectival(w) and not w.text[:1].isupper():
            continue  # «финансовом ведомстве»: a lower-case adjective is a description, not the name
        parts.append(w)
    if not parts:
        return None
    head = parts[0]
    alias = cast.aliases.get(head.text)
    if alias is not None and len(parts) == 1:
        return alias  # «КСИР» after «Корпус стражей исламской революции (КСИР, …)»
    if len(parts) == 1 and _org_name(head):  # «Tasnim» after «агентство Tasnim»
        for p in cast.participants:
            if p.kind == "organisation" and len(p.key) > 1 and p.key[-1] == _reading(head.text)[0]:
                return p
    lemma = _reading(head.text)[0]
    if len(parts) == 1 and country is None and (_in("generic", lemma) or not head.text[:1].isupper()):
        # «в ведомстве» (any body named before), «в комитете», «сообщении правительства» (one of that name)
        anaphor = _in("anaphors", lemma)
        earlier = _earlier_body(cast, np, pos, same_head_only=not anaphor)
        if earlier is not None or anaphor:
            return earlier
    rest = parts[1:]
    for w in rest:
        c = country_of_word(w.text)
        if c and not c[1]:
            country = country or c[0]
    if country is None and org_key([lemma])[0] in _sections().get("national", ()) \
            and not any(_regional(w) for w in rest):
        country = cast.home_country()  # «в Министерстве финансов ответили» in a Kazakh text
    # «Всемирного банка» → «Всемирный банк»: capitalised adjectives and the head noun in the nominative
    lead = 0
    while lead < len(parts) - 1 and _adjectival(parts[lead]):
        lead += 1
    head_text = parts[0].text if parts[0].text.isupper() or _quoted(parts[0]) else body_name(parts[0].text) \
        if lead == 0 and body_name(parts[0].text) else _nominative_head(
        " ".join(w.text for w in parts[: lead + 1]), body=True)  # «"Алматы әуендері"» stays as written
    rest = parts[lead + 1 :]
    name_words = [head_text] + [w.text for w in rest]
    if country is not None and not any(country_of_word(w.text) for w in rest):
        name_words.append(country.genitive)
    name = " ".join(name_words)
    key = org_key([_reading(w.text)[0] for w in parts if not country_of_word(w.text)])
    owner = _owner(cast, rest, pos) if rest else None
    if owner is not None:  # «пресс-службы президента Украины» = «пресс-службы Порошенко»
        key = org_key([lemma]) + ("@" + owner.name,)
    key = key + ((norm_word(country.name),) if country else ())
    for p in cast.participants:
        if p.kind == "organisation" and (p.key == key or p.name == name):
            found = p
            break
    else:
        found = cast.add(Participant(name, "organisation", None, key))
        found.country = country.name if country else None
    if mention:
        cast.mention(found, np[0].start, np[-1].end, _can_be(head.text, "nomn"))
    return found


def _owner(cast: Cast, rest: list[Word], pos: int) -> Participant | None:
    """The person a body's complement names, if the text knows them: «Порошенко», «президента Украины».

    Only looked up, never created: reading a body's name must not invent people.
    """
    p = cast.at(rest[0].start)
    if p is not None and p.kind == "person":
        return p
    if is_role_word(_reading(rest[0].text)[0]):
        post = post_of([w.text for w in rest])
        if post is not None:
            return cast.holder(post, pos)
    return None


@functools.cache
def _regional_words() -> frozenset[str]:
    return frozenset(_sections().get("regional", ()))


def _regional(w: Word) -> bool:
    """«правительство области», «акимат города»: a body of a region, not of the country."""
    return _reading(w.text)[0] in _regional_words() or place_or_body(w.text)


def learn_organisations(cast: Cast, text: str, end: int) -> None:
    """Every organisation the text names with its head noun («в Министерстве финансов ответили»), the
    abbreviation it introduces in brackets («Корпус стражей исламской революции (КСИР, …)»), and the
    groups named as subjects («Депутаты мажилиса раскритиковали …»).

    Only the words that begin like a head or group noun are read (a regex of their first letters finds
    them), then the few words around each: the text is not read word by word twice.
    """
    heads = org_heads()
    for m in _head_starts().finditer(text, 0, end):
        # most hits are some other word («правильно»): the first word alone decides, then the rest is read
        first = _WORD.search(text, m.start(), min(end, m.start() + 400))
        if first is None or first.start() != m.start():
            continue
        lemma, gram, pos = _reading(first.group(0))
        if not (lemma in heads or pos == "NOUN" and "plur" in gram and "nomn" in gram and _in("groups", lemma)):
            continue
        near = _first_words(text, m.start(), min(end, m.start() + 400), 8)  # no rule reads further
        w = near[0]
        before = words_in(text, max(0, m.start() - 80), m.start())
        if lemma in heads:
            _learn_body(cast, text, before, near, lemma, gram)
        elif not cast.in_quote(w.start) and (not before or before[-1].low not in PREPOSITIONS):
            np = _clip(text, near[:5])  # «Депутаты мажилиса раскритиковали законопроект»: a group that can speak
            k = next((k for k, x in enumerate(np) if k and x.text[:1].isupper()
                      and ((p := cast.at(x.start)) is not None and p.kind == "person" or _starts_a_name(x))), None)
            np = np[:k] if k else np  # «Полицейские | Азат Исаев и Нурлан Кокабаев»: the names are people
            words = [x.text for x in np]
            words[0] = words[0].lower()
            p = cast.add(Participant(" ".join(words), "group", None,
                                     " ".join(org_key([_reading(x.text)[0] for x in np]))))
            cast.mention(p, np[0].start, np[-1].end, True)
    for abbr, org in cast.aliases.items():
        for m in re.finditer(rf"(?<![\w&]){re.escape(abbr)}(?![\w&])", text[:end]):
            cast.mention(org, m.start(), m.end(), True)


def _learn_body(cast: Cast, text: str, before: list[Word], near: list[Word], lemma: str, gram: frozenset) -> None:
    w = near[0]
    if before and is_role_word(_reading(before[-1].text)[0]):
        return  # «главу правительства Дмитрия Медведева»: the body belongs to a role, the name to a person
    np = _clip(text, near[:8])
    for k in range(1, len(np)):  # «правления банка Юрий Соловьёв»: the name after a body is a person's
        p = cast.at(np[k].start)
        if p is not None and p.kind == "person" and p.last_before(np[k].start + 1).subject:
            np = np[:k]
            break
        if (k >= 2 or np[0].text.isupper()) and _starts_a_name(np[k]):
            np = np[:k]  # «собрания КНДР Хван Чжан Еп»: a capitalised word that is no genitive is a name
            break
    if len(np) == 1 and _in("generic", lemma):
        return  # «ведомство» alone points back to a body named before
    named = w.text[:1].isupper()
    if "plur" in gram or not (named or len(np) > 1 and (_can_be(np[1].text, "gent") or np[1].text[:1].isupper())):
        return  # «акиматы», «управления долгом»: no body is named
    left: list[Word] = []
    nxt = w
    for x in reversed(before):  # «в иранском МИД», «областного департамента»
        if not _adjectival(x) or text[x.end : nxt.start] != " ":
            break
        left.insert(0, x)
        nxt = x
    org = _organisation(cast, text, left + np, w.start, Context())
    if org is not None:
        m = _ABBR.match(text, np[-1].end)
        if m:
            cast.aliases.setdefault(m.group(1), org)


@functools.cache
def _head_starts() -> re.Pattern[str]:
    """Where a head or group noun may begin: the first four letters of each lemma, any case."""
    stems = {lem[:4] for lem in org_heads() | frozenset(_sections().get("groups", ())) if lem}
    if stems and all(re.fullmatch(r"\w+", x) for x in stems):
        # a trie of the stems («(?:а(?:вто|ген|…)|б…)»): the engine tries a letter, not 157 words, at each
        # word start. Only where each match is made of word characters are the places it finds (all the
        # caller uses) the same as the plain alternation's.
        return re.compile(rf"(?<![\w-]){_trie(stems)}", re.IGNORECASE)
    alts = "|".join(sorted((re.escape(x) for x in stems), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alts})", re.IGNORECASE)


def _trie(words: set[str]) -> str:
    """A regex matching exactly the (non-empty) ``words``, as a trie.

    >>> _trie({"ab", "ac", "a", "d"})
    '(?:a(?:b|c)?|d)'
    """
    heads: dict[str, set[str]] = {}
    for w in words:
        heads.setdefault(w[0], set()).add(w[1:])
    parts = []
    for ch in sorted(heads):
        longer = heads[ch] - {""}
        tail = _trie(longer) if longer else ""
        if longer and "" in heads[ch]:
            tail = (tail if len({w[0] for w in longer}) > 1 else f"(?:{tail})") + "?"  # already a group, or not
        parts.append(re.escape(ch) + tail)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


_ABBR = re.compile(r"\s*\(([A-ZА-ЯЁ&]{2,10})[,;)\s]")


def _earlier_body(cast: Cast, np: list[Word], pos: int, same_head_only: bool = False) -> Participant | None:
    """«в ведомстве», «в финансовом ведомстве», «сообщении департамента»: the organisation named before.

    Bodies named in the author's text only (not inside quotes); one with the same head noun first
    («департамента» → «департамент финансов»), then one an adjective points at («финансовом» →
    «Министерство финансов»), then the latest.
    """
    bodies = []
    for p in cast.participants:
        if p.kind != "organisation":
            continue
        k = bisect.bisect_left(p._starts, pos) - 1
        while k >= 0 and cast.in_quote(p._starts[k]):
            k -= 1
        if k >= 0:
            bodies.append((p._starts[k], p))
    if not bodies:
        return None
    head = next((_reading(w.text)[0] for w in np if not _adjectival(w)), "")
    same = [b for b in bodies if b[1].key and b[1].key[0] == org_key([head])[0]]
    if same_head_only:
        return max(same, key=lambda b: b[0])[1] if same else None
    adjs = [norm_word(morph.lemma(w.text))[:5] for w in np if _adjectival(w)]
    pointed = [b for b in bodies if adjs and any(a in " ".join(b[1].key) for a in adjs)]
    return max(same or pointed or bodies, key=lambda b: b[0])[1]


def _document_or_body(cast: Cast, text: str, ws: list[Word], pos: int, ctx: Context,
                      impersonal: bool = False) -> Participant | None:
    """«говорится в заявлении МИД» · «В нем отмечается» · «В иранском МИД заявили» · «отметили в ведомстве».

    An impersonal verb that names no document or body («На сайте Кремля указывается, что …») speaks of
    the document in discussion: its issuer.
    """
    for k, w in enumerate(ws):
        if w.low not in ("в", "во"):
            continue
        rest = ws[k + 1 :]
        if not rest:
            break
        if rest[0].low in ("нем", "ней", "них"):  # «В нем отмечается»: the document just named
            return ctx.issuer or ctx.last
        if (_quoted(rest[0]) and rest[0].text[1:2].isupper()) or (rest[0].text[:1].isupper() and not _known(rest[0].text)):
            # «сообщили в "Алматы әуендері"», «резюмировали в Казселезащите»: a body by its own name
            return _organisation(cast, text, rest[:1], pos, ctx)
        np = _clip(text, rest)
        head = next((x for x in np if not _adjectival(x)), np[0])
        lemma, gram, _ = _reading(head.text)
        if "plur" in gram and not _org_name(head):
            continue  # «в группах и чатах», «в акиматах»: many places, no one body
        if _in("documents", lemma):
            return _issuer(cast, text, rest[np.index(head) + 1 :], pos, ctx, lemma)
        if _in("heads", lemma) or lemma in org_heads() or _org_name(head) or _in("generic", lemma):
            return _organisation(cast, text, np, pos, ctx)
    return (ctx.issuer or ctx.last) if impersonal else None


def _issuer(cast: Cast, text: str, rest: list[Word], pos: int, ctx: Context, doc: str = "") -> Participant | None:
    """Who issued a document: its genitive complement («заявлении МИД России»), «от» whom it came, the
    subject of the verb the document is named after («Путин поздравил … В поздравлении говорится»), or
    the last issuer."""
    for k, w in enumerate(rest):
        if w.low == "от":  # «в комментарии, который получил РБК от областного департамента финансов»
            got = _phrase(cast, text, rest[k + 1 :], pos, ctx, oblique=True)
            if got is not None:
                return got
    if rest and rest[0].low not in PREPOSITIONS and (_can_be(rest[0].text, "gent") or rest[0].text[:1].isupper()):
        got = _phrase(cast, text, rest, pos, ctx, oblique=True)
        if got is not None:
            return got
    return (_doc_author(cast, text, doc, pos) if doc else None) or ctx.issuer or ctx.last


DOC_REACH = 600  # characters before a document's mention searched for the verb it is named after


def _doc_author(cast: Cast, text: str, doc: str, pos: int) -> Participant | None:
    """«Владимир Путин поздравил … В поздравлении говорится»: the subject of the nearest verb before
    ``pos`` that shares the document noun's stem («поздрав-», «обра-», «заяв-»)."""
    lo = max(0, pos - DOC_REACH)
    for m in reversed(list(re.finditer(rf"(?<![\w-]){re.escape(doc[:4])}\w*", text[lo:pos], re.IGNORECASE))):
        at = lo + m.start()
        if cast.in_quote(at) or _reading(m.group(0))[2] != "VERB":
            continue
        for mention, who in itertools.islice(cast.recent(at), 1):  # «Владимир Путин поздравил»
            if at - mention.end <= 2 and who.kind in ("person", "organisation"):
                return who
        breaks = [lo + b.end() for b in re.finditer(r"[.!?…]\s+", text[lo:at])]
        s0 = breaks[-1] if breaks else lo
        verb = next((w for w in words_in(text, at, at + len(m.group(0)))), None)
        who = resolve(cast, text, s0, at + len(m.group(0)), verb, at, Context(), subject_first=True)
        if who is not None and who.kind in ("person", "organisation"):
            return who
    return None


def _words_of(cast: Cast, text: str, after: list[Word], pos: int, ctx: Context) -> Participant | None:
    """«приводит сайт института слова Стивена Хокинга» · «передает Kazinform слова министра»: whose words they are."""
    for k, w in enumerate(after):
        if not _quoted(w) and _reading(w.text)[0] in WORDS_OF and k + 1 < len(after):
            got = _phrase(cast, text, after[k + 1 :], pos, ctx, oblique=True)
            if got is not None:
                return got
    return None


def _quoted_object(cast: Cast, text: str, after: list[Word], pos: int, ctx: Context) -> Participant | None:
    """After «цитирует»: a document (its author speaks) or a body/person in the accusative («пресс-службу Порошенко»)."""
    got = _words_of(cast, text, after, pos, ctx)
    if got is not None:
        return got
    for k, w in enumerate(after):
        if _quoted(w) or _reading(w.text)[0] in load_words("organisations.txt", "media"):
            continue  # «цитирует телеканал представителя минобороны»: the outlet quotes, its object speaks
        lemma, gram, _ = _reading(w.text)
        if _in("documents", lemma):
            return _issuer(cast, text, after[k + 1 :], pos, ctx, lemma)
        p = cast.at(w.start)
        if p is not None and p.kind == "person" and not p.last_before(w.start + 1).subject:
            return p  # «цитирует РБК Карасина», «цитирует «Взгляд» Дмитрия Медведева»
        if (_can_be(w.text, "accs") or _can_be(w.text, "gent")) and not w.text[:1].isupper() \
                and (_in("heads", lemma) or is_person_noun(w.text)):
            return _phrase(cast, text, after[k:], pos, ctx, oblique=True)  # «цитирует ИТАР-ТАСС оппозиционера»
    return None
