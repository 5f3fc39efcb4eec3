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

The clause is read here, and so is what a noun phrase names (``_phrase``). The pieces are beside it:
``noun_phrases`` (the words, the subject, where a phrase ends), ``person_phrases`` (a name, a post's
holder, a group), ``bodies`` (organisations, and learning them), ``documents`` (a document's issuer,
which can be the subject of the clause the document is named in, read by ``resolve`` again; an outlet
that relays or quotes someone's words).
"""

from __future__ import annotations

import itertools
import re

from . import morph, regexes
from .bodies import _organisation, learn_organisations  # noqa: F401 - re-exported: segments imports it from here
from .documents import (DOC_REACH, _document_or_body, _issuer, _quoted_object, _words_of,  # (they call back here)
                        quoted_member, someone_elses_words)
from .name_places import place_noun
from .name_sex import _feminine_noun, _name_parses, listed_woman
from .names import first_name, gender_of_verb, given_slot, known_first_name, place_or_body, surname_ending
from .noun_phrases import (AUTHOR, ONE_OF, PREPOSITIONS, PRONOUNS, Context, Word, _adjectival, _can_be, _clip, _in, _known, _org_name,
                           _place_noun_before, _quoted, _reading, _subject, _to_punctuation, surname_before_its_object,
                           words_in)
from .group_phrases import can_be_plural, group
from .person_phrases import _person_at, _person_in, _role, _unnamed_subject_before, kin_noun
from .quotes import asking_verbs
from .roles import country_of_word, is_person_noun, post_of
from .sentence_before import asked_before, family_member, latter_before, named_in_full_by_case, there
from .speakers import Cast, Participant, _nominative_head, org_heads
from .text import SITE_SUFFIX, dateline_end, norm_word, paragraphs
from .wordlists import load_words


POSSESSIVES = {"его": ("masc", "sing"), "ее": ("femn", "sing"), "её": ("femn", "sing"), "их": (None, "plur")}
IMPERSONAL = frozenset("говориться отмечаться указываться подчеркиваться сообщаться утверждаться "
                       "констатироваться заявляться".split())
# verbs whose object is someone's words («цитирует пресс-службу», «приводит слова X»; «перевела слова министра
# переводчица»: the minister speaks, the interpreter relays)
QUOTING = frozenset(["цитировать", "процитировать", "приводить", "привести", "перевести", "переводить"])
READING = frozenset(["зачитать", "зачитывать", "огласить", "оглашать", "прочитать", "прочесть"])
WORDS_OF = frozenset(["слово", "высказывание", "цитата", "реплика"])  # «приводит слова X»: X speaks
RELAYING = frozenset(["передавать"])  # «», — передает Tengrinews.kz»: present tense, the outlet relays
# an outlet named by its site («Tengrinews.kz», «Лента.ру», «NEWSru.com»): it publishes, it does not speak
_OUTLET = regexes.compile(r"[^\W\d_][\w-]*" + SITE_SUFFIX,
                     re.IGNORECASE)


_SELF = frozenset(["сам", "сама", "само", "сами"])
_APPOSED = regexes.compile(r"[ \t]*[,—–][ \t]*")  # «Застройщик|, компания …»: what sets off an apposition
JOURNALIST = "журналист"  # who asks under «Вопрос:», «Корр.:», and «спросили мы»
_AUTHOR = Participant("", "author")  # a marker: the subject is «я»/«мы», the text's own author


def resolve(cast: Cast, text: str, start: int, end: int, verb: Word | None, pos: int,
            ctx: Context, subject_first: bool = False) -> Participant | None:
    """The speaker an attribution clause ``text[start:end]`` names (``verb``: its speech verb).

    ``subject_first``: the clause stands before the quote («X заявил: «…»»), where the subject is
    read before the verb; after the quote the inverted order comes first.
    """
    ws = words_in(text, start, end)
    if ws and (dated := dateline_end(text, ws[0].start)) is not None:
        ws = [w for w in ws if w.start >= dated]  # «БИШКЕК — Министр … назвал …»: the dateline is no subject
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
        # «Профессор … напомнил, что Байтурсынов писал: «…»»: the verb is the subordinate clause's, and so is
        # its subject
        k = next((k for k in range(len(before) - 1, -1, -1) if before[k].low in ("что", "будто")), None)
        if k is not None and k + 1 < len(before) and verb is not None and (_reading(verb.text)[2] == "VERB" or (
                _reading(verb.text)[2] == "INFN" and before[-1].end + 1 == verb.start
                and _reading(before[-1].text)[2] == "VERB")) and any(w.text[:1].isupper() for w in before[k + 1 :]):
            # (a finite verb with a name for its subject, or an infinitive right after one, «что Ерёменко любил
            # повторять: «…»»: not «отметил, что сторона не собирается просить: «…»»)
            before = before[k + 1 :]
    if subject_first and verb is not None and (who := _relative_subject(cast, before, verb)) is not None:
        return who  # «… критику депутата Андреаса Шмидта, который в интервью назвал ситуацию «…»»
    if subject_first and verb is not None and len(before) > 1 and before[-1].end + 1 == verb.start:
        before = _subject_after_object(before, cast, gender_of_verb(verb.text)[1] == "plur")
    gender, number = gender_of_verb(verb.text if verb else None)
    if verb is not None and "1per" in _reading(verb.text)[1] and not any(w.low in AUTHOR for w in ws):
        # «— спрашиваю Рамиза», «— уточняю у продавца»: a verb of the first person is the author's, whoever it names
        # (the newsroom's journalist where it asks in the plural, as «— спросили мы» is)
        if number == "plur" and vlemma in asking_verbs():
            return cast.add(Participant(JOURNALIST, "group", None, JOURNALIST))
        return _byline_author(cast) if number == "sing" else None
    if verb is not None and _reading(verb.text)[2] == "GRND":
        after = []  # «Называя Vestas «мировым лидером», …»: a gerund's object is no speaker
    if number == "plur" and any(w.low == "там" for w in ws) and (body := there(cast, text, pos, ctx)) is not None:
        return body  # «В акимате пообещали подвоз воды. «…», — уточнили там»
    # («сказано в заявлении посольства», «отмечено в докладе»: a speech verb's short neuter participle is as impersonal)
    impersonal = vlemma in IMPERSONAL or verb is not None and _reading(verb.text)[2] == "PRTS" \
        and "neut" in _reading(verb.text)[1]
    if verb is None and before and before[0].low in ("в", "во") and any(_plural_finite(w.text) for w in before[2:]):
        # «В управляющей компании «Сибирский дом» вину с себя снимают: «…»»: its people, whatever the verb
        number = "plur"
    if impersonal or (before and before[0].low in ("в", "во") and number == "plur" and not _subject(before, cast, number)):
        # «говорится в заявлении МИД» · «В нем отмечается» · «В МИД заявили» — a document or a body
        return _document_or_body(cast, text, before + after, pos, ctx, impersonal=impersonal)
    cited = _cited_source(cast, text, ws, pos, ctx)
    if cited is not None:
        return cited  # «сообщает Kaktus.media со ссылкой на экономиста Искендера Шаршеева»: the source speaks
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
    if vlemma in QUOTING and before:
        # «Слова Ахметова приводит пресс-служба акимата: «…»»: the words before the verb are its object
        got = _words_of(cast, text, before, pos, ctx)
        if got is not None:
            return got
    if vlemma in READING and after:
        # «— зачитал его обращение адвокат …»: the words are those of whose letter is read, not the reader's
        for k, w in enumerate(after[:-1]):
            if w.low in POSSESSIVES and _in("documents", _reading(after[k + 1].text)[0]):
                return _possessor(cast, w, pos, ctx)
        author = _letter_author(cast, text, after, pos, ctx, [p for w in before if (p := cast.at(w.start)) is not None])
        if author is not None:
            return author
    if vlemma in QUOTING and after:
        # «цитирует РБК пресс-службу Порошенко» · «цитирует заявление агентство Tasnim»
        if (member := quoted_member(after)) is not None:
            # «— цитирует издание одного из чиновников»: a member of the group, as the text describes them
            return _one_of(cast, text, "один" if after[member].low == "одного" else "одна", after[member + 2 :])
        got = _quoted_object(cast, text, after, pos, ctx)
        if got is not None or someone_elses_words(after):
            # («— приводит её слова правозащитница Айгерим …» after «Потерпевшая рассказала …»: the words of one the
            # text does not name, never the one passing them on)
            return got
    if len(after) > 1 and re.match(r"[A-Z]", after[0].text) and not re.search(r"[А-ЯЁа-яё]", after[0].text) \
            and re.match(r"[А-ЯЁа-яё]", after[1].text) \
            and text[after[0].end : after[1].start] == " " and (after[1].low in ONE_OF or after[1].low in PRONOUNS
                                                               or after[1].text[:1].isupper()
                                                               or is_person_noun(after[1].text)):
        # «— сказал Bloomberg один из чиновников»: the outlet (undeclined) is the one told; so is an outlet with its
        # country («— рассказал Sputnik Армения фермер …»)
        country = len(after) > 2 and country_of_word(after[1].text) and after[2].text[:1].islower()
        after = after[2:] if country else after[1:]
    if number == "plur" and (k := next((k for k, w in enumerate(after) if w.low in ("в", "во")), 0)) \
            and all(w.text[:1].isupper() or _quoted(w) for w in after[:k]) \
            and (body := _document_or_body(cast, text, after[k:], pos, ctx)) is not None:
        return body  # «— сообщили РИА Новости в пресс-службе «СибЛайн»»: the outlet told, the body speaks
    orders = (before, after) if subject_first else (after, before)
    reply = vlemma in load_words("speech_verbs.txt", "replies")
    tells = vlemma in load_words("speech_verbs.txt", "telling")
    for part in orders:
        got = _noun_phrase(cast, text, part, pos, ctx, gender, number, reply, tells)
        if got is _AUTHOR:
            if vlemma in asking_verbs():  # «— Как убедили фермеров? — спросили мы»: the newsroom's journalist asks
                return cast.add(Participant(JOURNALIST, "group", None, JOURNALIST))
            # the author speaks: the one a column's byline names («Автор — политолог Тигран Акопян», «Мнение.
            # Бахтияр Юлдашев, экономист»: «я сказал: «…»»), else no one the text quotes
            return _byline_author(cast) if number == "sing" or part and part[0].low == "я" else None
        if got is not None and number == "plur" and got.kind == "person" and part and part[0].low in ("в", "во") \
                and (body := _document_or_body(cast, text, ws, pos, ctx)) is not None:
            return body  # «В МИД Литвы визит Сийярто назвали «…»»: a plural verb's body, not the one its object names
        if got is not None:
            return got
    if number == "plur":  # «заверили дипломаты» without a subject: a body named in «в …»
        return _document_or_body(cast, text, ws, pos, ctx)
    if verb is not None and not any(_may_be_subject(w) for w in before + after) \
            and (not subject_first or text[verb.end : verb.end + 3].lstrip().startswith(":")):
        # (before a quote, only a verb that opens it with a colon: «Как сообщил | …» is a clause cut short)
        # «— говорит она. И, смеясь, добавляет: «…»», ««…», — добавила.»: a speech verb with no subject of its own
        # goes on with the one who spoke last, as a pronoun of its gender would
        return cast.antecedent(pos, gender, "sing", ctx.last, ctx.since)
    return None


def _may_be_subject(w: Word) -> bool:
    """Whether a word of an attribution clause could be (part of) its subject: a noun, a pronoun, an adjective or
    participle standing for one, a capitalised word but a conjunction's, an adverb's or a gerund's («И», «Потом»,
    «Смеясь»)."""
    pos = _reading(w.text)[2]
    return pos in ("NOUN", "NPRO", "ADJF", "PRTF", "NUMR") or w.text[:1].isupper() and pos not in (
        "CONJ", "ADVB", "PRCL", "GRND", "PREP", "INTJ", "PRED")


_ROLE_AFTER = regexes.compile(r"\s*,\s*[а-яё]")  # «Бахтияр Юлдашев, экономист»
_BYLINE = regexes.compile(r"\s*(?:Автор(?:\s+колонки)?\s*[—–:-]|Мнение\s*[.:—–-])")
BYLINE_PARAGRAPHS = 3  # the first paragraphs of a text where a column's byline stands
BYLINE_CHARS = 120  # a byline is a short line


def _plural_finite(word: str) -> bool:
    """Whether a word reads first as a finite verb in the third person plural («снимают», «возмутились»)."""
    p = morph.parses(word.lower())[0]
    return p.tag.POS == "VERB" and "plur" in p.tag.grammemes and "1per" not in p.tag.grammemes \
        and "2per" not in p.tag.grammemes


def _byline_author(cast: Cast) -> Participant | None:
    """The person a column's byline names in one of its first short paragraphs: after «Автор —» or «Мнение.»,
    or followed by a comma and what they are («Бахтияр Юлдашев, экономист (Ташкент)»)."""
    if cast.byline is None:  # (read once: a column quotes its author in many places)
        cast.byline = (_byline(cast),)
    return cast.byline[0]


def _byline(cast: Cast) -> Participant | None:
    text = cast.text
    for k, para in enumerate(paragraphs(text, 0, cast.end)):
        if k >= BYLINE_PARAGRAPHS:
            break
        if para.end - para.start > BYLINE_CHARS:
            continue
        marked = _BYLINE.match(text, para.start) is not None
        here = [(m, p) for m, p in itertools.takewhile(lambda r: r[0].start >= para.start, cast.recent(para.end))]
        for m, p in reversed(here):
            # (unmarked, the name opens the line: «— …, — говорит Ерлан, поправляя шланг» is no byline)
            if p.kind == "person" and p.learned and (marked or m.start == para.start
                                                     and _ROLE_AFTER.match(text, m.end, para.end)):
                return p
    return None


def _subject_after_object(before: list[Word], cast: Cast, plural: bool = False) -> list[Word]:
    """The subject of a clause that puts the object first, right before the verb: a pronoun («Водород он
    назвал «топливом …»»), a person the text names, in the nominative («Текущий курс тенге Сулейменов назвал
    «…»»), or a person noun with its complements («Сотрудничество двух ведомств министр образования назвала
    «образцовым»»); else the words as they are."""
    if before[-1].low in PRONOUNS:
        return before[-1:]
    p = cast.at(before[-1].start) if before[-1].text[:1].isupper() else None
    m = p.last_before(before[-1].start + 1) if p is not None else None  # (the mention ``at`` found)
    if m is not None and m.subject and p.kind == "person" and m.start > before[0].start and not plural:
        # (not «визит Квирикашвили назвали»: a plural verb's subject is no one person)
        return [w for w in before if w.start >= m.start]
    if is_person_noun(before[0].text) and _can_be(before[0].text, "nomn") \
            or before[0].text[:1].isupper() and not _reading(before[0].text)[2] == "NOUN":
        return before  # (not «Акиму области Ерболу Мукашеву Президент поручил: …»: whom, then who)
    for k in range(len(before) - 1, 0, -1):
        w = before[k]
        if is_person_noun(w.text) and "nomn" in _reading(w.text)[1] and all(x.text[:1].islower() for x in before[k + 1 :]):
            return before[k:]
    return before


def _cited_source(cast: Cast, text: str, ws: list[Word], pos: int, ctx: Context) -> Participant | None:
    """Whom «со ссылкой на …» names as the source of the words an outlet reports: a person or a body the
    model reads in the phrase after it (in an oblique case)."""
    for k in range(len(ws) - 3):
        if ws[k].low == "со" and ws[k + 1].low == "ссылкой" and ws[k + 2].low == "на":
            got = _phrase(cast, text, ws[k + 3 :], pos, ctx, oblique=True)
            if got is not None and got.kind in ("person", "organisation", "anonymous"):
                return got
    return None


_WHICH = frozenset(["которое", "которую", "который", "которые"])
_WHO = {"который": "masc", "которая": "femn"}  # a relative pronoun in the nominative: its clause's subject


def _relative_subject(cast: Cast, before: list[Word], verb: Word) -> Participant | None:
    """The person a relative clause's «который», «которая» stands for, where it is the speech verb's subject:
    the one named right before it («критику депутата Европарламента Андреаса Шмидта, который в интервью Die Welt
    назвал ситуацию «…»»), of its sex; not when another verb comes between (the clause ended there)."""
    k = next((k for k in range(len(before) - 1, 0, -1) if before[k].low in _WHO), None)
    if k is None or any(_reading(w.text)[2] in ("VERB", "PRTS") for w in before[k + 1 :]) \
            or _reading(verb.text)[2] != "VERB":
        return None
    p = cast.at(before[k - 1].start)
    if p is None or p.kind != "person" or p.gender not in (None, _WHO[before[k].low]):
        return None
    return p


def _letter_author(cast: Cast, text: str, after: list[Word], pos: int, ctx: Context,
                   readers: list[Participant]) -> Participant | None:
    """«зачитала письмо, которое отец отправил ей в 1981 году: «…»», «зачитал сообщение, которое подсудимый
    отправил предпринимателю»: the one who wrote what is read aloud, the subject of the clause about the document,
    or that subject as the text describes it; never the reader (``readers``: whom the clause before names)."""
    if len(after) < 3 or not _in("documents", _reading(after[0].text)[0]) or after[1].low not in _WHICH:
        return None
    clause = after[2:]
    k = next((k for k, w in enumerate(clause) if _reading(w.text)[2] == "VERB"), None)
    if k is None or k == 0:
        return None  # («письмо, которое пришло …»: the document is the clause's subject; no writer named)
    gender, number = gender_of_verb(clause[k].text)
    got = _noun_phrase(cast, text, clause[:k], pos, ctx, gender, number)
    if any(got is r for r in readers):
        got = None  # («Прокурор … зачитал сообщение, которое подсудимый отправил»: the one in focus is the reader)
    if got is None and clause[0].text[:1].islower() and _reading(clause[0].text)[2] == "NOUN":
        got = cast.add(Participant(" ".join(w.text for w in clause[:k]), "person", gender, ""))
    return got


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
        if w.low in POSSESSIVES and not (k + 1 < len(ws) and is_person_noun(ws[k + 1].text)):
            # («По словам его защитника Ольги Мисюк»: the possessive is the lawyer's client, the words the lawyer's)
            return _possessor(cast, w, pos, ctx)
    if len(ws) == 1 and ws[0].text[:1].isupper() and cast.at(ws[0].start) is None \
            and len(named := named_in_full_by_case(cast, ws[0].text)) == 1:
        return named[0]  # «по словам Фаридуна» after «Фаридун Шарипов»: the one named in full by that given name
    got = _phrase(cast, text, ws, pos, ctx, oblique=True)
    if got is not None and got.kind == "person" and len(ws) == 1 and kin_noun(ws[0].text) \
            and not any(_reading(ws[0].text)[0][:4] in r.lower() for r in got.roles):
        # «Богдан … и, по словам деда, «…»»: a kinship noun alone names someone's kin, not the one the sentence is
        # about, unless the text introduced that one with it: the kin as the text calls them
        name = _nominative_head(ws[0].text).lower()
        return cast.add(Participant(name, "person", None, "", None))
    return got


def _possessor(cast: Cast, w: Word, pos: int, ctx: Context) -> Participant | None:
    """Whom a possessive («его», «её», «их») points back to, as a pronoun of its gender and number does
    (a last speaker of another kind than a plural's is passed over by ``antecedent`` itself), and as it,
    a post with no name that the sentence before has for its subject («Армянский лидер также пригласил
    Кобахидзе … По его словам, …»: the Armenian leader's words, not his guest's)."""
    g, n = POSSESSIVES[w.low]
    return _pronoun(cast, cast.text, pos, ctx, g, n)


def _one_of(cast: Cast, text: str, one: str, rest: list[Word]) -> Participant | None:
    """«— сказал один из таксистов» (``one``: «один» or «одна»; ``rest``: the words after «из»): a member of the
    group, as the text describes them, or the one of them it names; None where it names no group («один из них»)."""
    group = _clip(text, rest)
    # the group's noun, or a participle standing for one («один из протестующих»)
    head = next((w for w in group if not _adjectival(w)), group[-1] if group else None)
    if head is None or _reading(head.text)[2] not in ("NOUN", "ADJF", "PRTF") or "Apro" in _reading(head.text)[1]:
        return None  # «один из них», «одна из которых»: the text names no group here
    people = [cast.at(w.start) for w in rest if w.text[:1].isupper()]
    named = next((p for p in people if p is not None and p.kind == "person"), None)
    if named is not None:
        return named  # «— заявил один из лидеров коалиции Давид Церетели»: the one of them the text names
    name = " ".join([one, "из"] + [w.text for w in group])
    return cast.add(Participant(name, "person", "femn" if one == "одна" else "masc", ""))


# ---------------------------------------------------------------- what a noun phrase names
def _noun_phrase(cast: Cast, text: str, ws: list[Word], pos: int, ctx: Context,
                 gender: str | None, number: str | None, reply: bool = False, tells: bool = False) -> Participant | None:
    """What the clause's subject names; ``reply``: its verb answers someone (speech_verbs.txt # replies); ``tells``:
    the one asked in the sentence before would tell with it (# telling)."""
    np = _subject(ws, cast, number, gender)
    if not np:
        return None
    if np[0].low in AUTHOR:
        return _AUTHOR
    if np[0].low in ONE_OF and len(np) > 2 and np[1].low == "из":
        return _one_of(cast, text, np[0].low, np[2:])
    if reply and (np[0].low in PRONOUNS or len(np) == 1 and _reading(np[0].text)[0] in load_words("roles.txt", "anaphoric nouns")) \
            or tells and np[0].low in PRONOUNS and len(np) == 1:
        asked = asked_before(cast, text, min(pos, np[0].start), gender)
        if asked is not None:
            return asked  # «Судья спросил у Осмонова, почему … — …, — ответил подсудимый»: the one asked
    if number != "plur" and np[0].low not in PRONOUNS and np[0].text[:1].isalpha() \
            and ((first := cast.at(np[0].start)) is None or first.kind == "organisation" and first.name == np[0].text) \
            and (apposed := _APPOSED.match(text, np[0].end)) and apposed.group(0).strip() \
            and (who := cast.at(apposed.end())) is not None and who.kind in ("person", "organisation") \
            and (seen := who.last_before(apposed.end() + 1)) is not None and seen.start == apposed.end():
        # «Застройщик, компания «Уралстройинвест», … сообщил»: the one set off after a common noun names it (a name
        # first, «Петров, Иванов …», is a list)
        return who
    if len(np) == 1 and (kin := family_member(cast, np[0], ctx)) is not None:
        return kin  # «— вставляет отец»: of the two of one family, the elder
    if len(np) == 2 and np[0].low in POSSESSIVES \
            and _reading(np[1].text)[0] in load_words("roles.txt", "relational nouns"):
        # «— добавляет её муж»: not she but her kin, the one of her family the noun's sex fits, if the text names
        # one; else nobody it names
        return _relative(cast, _possessor(cast, np[0], pos, ctx), np[1].text)
    if np[0].low in PRONOUNS:
        g, n = PRONOUNS[np[0].low]
        # (a pronoun before the quote points back from where it stands: «Она назвала роман Хабибуллиной
        # «…»» is not Хабибуллина's, named after it)
        at = min(pos, np[0].start)
        if reply:  # «— ответил он»: the one asked answers, whoever asked
            return cast.antecedent(at, g, n, ctx.last, ctx.since)
        return _pronoun(cast, text, at, ctx, g, n)
    return _phrase(cast, text, np, pos, ctx, number=number, gender=gender)


def _pronoun(cast: Cast, text: str, pos: int, ctx: Context, gender: str | None, number: str) -> Participant | None:
    """«— сказал он»: the antecedent the speaker model finds, unless a sentence nearer than its mention
    has a subject that is a post with no name (``_unnamed_subject_before``): «Аким наградил врача Асылбека
    Нурова. «…», — сказал он.» is the akim's (a pronoun subject takes up the sentence before's
    subject), not the doctor's."""
    if number == "sing" and (latter := latter_before(cast, text, pos, gender)) is not None:
        return latter  # «Министр поблагодарил фермера, а тот пожаловался … «…», — сказал он»: the farmer
    if number == "sing" and (told := _told_by_the_author(cast, text, pos, gender)) is not None:
        return told  # «Я позвонила знакомому экономисту Павлу Грекову, и он объяснил: «…»»: the one the author told
    p = cast.antecedent(pos, gender, number, ctx.last, ctx.since)
    np = _unnamed_subject_before(cast, pos, ctx, p, gender) if number == "sing" else None
    if np is not None and np[0].low in ONE_OF:
        return _noun_phrase(cast, text, np, pos, ctx, gender, number)  # «Одна из подопечных …»: one of them
    return _phrase(cast, text, np, pos, ctx, gender=gender) if np is not None else p


def _told_by_the_author(cast: Cast, text: str, pos: int, gender: str | None) -> Participant | None:
    """Where the pronoun's own sentence opens with the author («Я позвонила знакомому экономисту Павлу Грекову, и он
    объяснил»), the person of the pronoun's sex that sentence names last before it: the author is no one the pronoun
    could take up, so the one the author spoke to or of is."""
    start = cast._sentence_starts[cast.sentence_of(pos)]
    first = next(iter(words_in(text, start, min(pos, start + 20))), None)
    if first is None or first.low not in AUTHOR:
        return None
    for m, p in cast.recent(pos):
        if m.start < start:
            break
        if p.kind == "person" and not m.subject:
            return p if not (gender and p.gender and p.gender != gender) else None
    return None


def _phrase(cast: Cast, text: str, np: list[Word], pos: int, ctx: Context, oblique: bool = False,
            number: str | None = None, gender: str | None = None, emphatic: bool = False) -> Participant | None:
    """What a noun phrase names: a person, a role's holder, an organisation, a group, a document's issuer.

    The head (its first noun) decides: «пресс-службу Порошенко» is the press service, not Порошенко;
    «пресс-секретарь Путина Дмитрий Песков» is the person named after the role.
    """
    if len(np) > 1 and np[0].low in _SELF and not emphatic:
        # «Сама писательница от сравнения отказалась»: «сам», «сама» stress whom the text spoke of, the one
        # introduced with that noun («писательницы Айнуры Токтогуловой»); not the one just quoted, whom the bare
        # noun would point back to («Агент … — пошутил агент. Сам игрок …» is no agent)
        # («Сам студент скромничает»: a present tense says no sex, «сам» does)
        sex = gender if gender in ("masc", "femn") else {"сам": "masc", "сама": "femn"}.get(np[0].low, gender)
        got = _phrase(cast, text, np[1:], pos, ctx, oblique, number, sex, emphatic=True)
        noun = _reading(np[1].text)[0]
        if got is not None and not (got is ctx.last and not any(noun[:5] in r.lower() for r in got.roles)):
            return got
    whole = _to_punctuation(text, np)  # «Президент и гендиректор Tele2 AB Матс Гранрид»: the name after coordinated roles
    full, np = np, _clip(text, np)
    if not np:
        return None
    if len(np) > 1 and surname_before_its_object(np[0], np[1]):
        np = np[:1]  # «— сказала Козловская журналистам»: her surname, then whom she said it to
    head = next((w for w in np if not _quoted(w) and not _adjectival(w)), np[0])
    at = np.index(head)
    if gender in ("masc", "femn") and at + 1 < len(np) \
            and (kin := cast.at(np[at + 1].start)) is not None and kin.kind == "person" \
            and kin.gender in ("masc", "femn") and kin.gender != gender and _kin_of(head.text, kin) \
            and not any((q := cast.at(w.start)) is not None and q.kind == "person" and q.gender == gender
                        for w in _to_punctuation(text, np)[at + 2 :]) \
            and _given_name_after(whole, gender) is None:  # (not «мать Тимура Ахмедова Зарина …», «жена … Мария»)
        apposed = _apposed_name(cast, text, full, whole, gender)
        if apposed is not None:
            return apposed  # «Дочь Жумалиева, Айсулуу, …»: the one named between commas
        # «— сказала жена Ли Цяна», «— сказала супруга Марио Драги»: the verb's sex is the kin's, and the name
        # after is whom she is named by, whatever its form says of its case
        name = _nominative_head(" ".join(w.text for w in np))
        return cast.add(Participant(name[:1].lower() + name[1:], "person", gender, "", None))
    person = _person_at(cast, np[at:], oblique, gender)
    if person is not None:
        return person
    if is_person_noun(head.text) or _adjectival(head):
        named = _apposed_name(cast, text, full, whole, gender)  # «Пострадавшая, 45-летняя Гульмира …, рассказала»
        if named is not None:
            return named
    lemma, gram, _ = _reading(head.text)
    if _in("documents", lemma):
        return _issuer(cast, text, np[at + 1 :], pos, ctx, lemma)
    after = whole[whole.index(head) + 1 :] if head in whole else []
    rank = "старш" if lemma in load_words("roles.txt", "senior kin") else \
        "младш" if lemma in load_words("roles.txt", "junior kin") else None
    if rank and len(after) > 1 and after[0].low == "из" and "plur" in _reading(after[1].text)[1]:
        # «сказал старший из братьев»: the elder or younger of two sharing a surname (roles.txt # senior kin,
        # # junior kin), else the description as written, never the one in focus
        family = _latest_family(cast, pos)
        who = cast._by_seniority(family, rank) if len(family) == 2 else None
        words = [w.text for w in (head, *after[:3])]
        return who or cast.add(Participant(" ".join([words[0].lower(), *words[1:]]), "person",
                                           gender if gender in ("masc", "femn") else None, ""))
    if is_person_noun(head.text) or post_of([w.text for w in np[: at + 1]]):
        rest = whole[whole.index(head) + 1 :]
        named = _person_in(cast, rest, oblique, nominative_only=True, verb_gender=gender)
        if named is not None and oblique and _kin_of(head.text, named):
            # «По словам матери Нурлана Касымова»: the one a kinship noun names its holder by is not the
            # holder; a name after his («жены Ивана Петрова Марии Петровой») is hers
            m = named.last_before(len(text))
            named = _person_in(cast, [w for w in rest if w.start >= m.end], oblique, nominative_only=True,
                               verb_gender=gender) if m is not None else None
        elif named is not None and oblique and lemma in load_words("roles.txt", "serving nouns") and rest:
            # «По словам адвоката Горелова Екатерины Шубиной»: whom the post serves, then its holder by name
            m = named.last_before(rest[-1].end)
            holder = _person_in(cast, [w for w in rest if w.start >= m.end], oblique, nominative_only=True,
                                verb_gender=gender) if m is not None and m.start >= rest[0].start else None
            named = holder or named
        if named is not None and lemma in load_words("roles.txt", "relational nouns") and _declined_given_name(cast, named.name):
            named = None  # «Жена Фаридуна» after «Фаридун Раджабов»: his wife, not someone called «Фаридуна»
        # «написали студентки»: the verb's number tells «студентки» from a genitive singular
        plural = "plur" in gram or (number == "plur" and can_be_plural(head.text))
        if named is not None:
            return named
        # a capitalised word right after the post that names no place, body or country is a name the
        # model could not read: never another holder of the post («— сказал депутат Едил Жаньбырбаев»)
        unread = len(rest) > 1 and all(w.text[:1].isupper() and not place_or_body(w.text)
                                       and not country_of_word(w.text) and not _org_name(w) for w in rest[:2]) \
            and rest[1].start - rest[0].end == 1  # a pair of capitals: a given name and a surname
        given = _given_name_after(whole, gender, cast)
        if given is not None:  # «— сказал водитель такси Бакыт»: a person the text names by a given name only
            # («пенсионерка Саодат-опа» is Саодат: the honorific is how the text calls her, no part of her name)
            return cast.given_name_person(given.text.partition("-")[0] if _honorific(given.text) else given.text,
                                          given.start, given.end)
        return _role(cast, np, pos, ctx, plural=plural, gender=gender, holder=not unread)
    if _in("heads", lemma) or _in("generic", lemma) or lemma in org_heads() or _org_name(head) \
            or len(np) == 1 and _quoted(head):  # «— пишет «Коммерсантъ»»: a body its quoted name alone names
        return _organisation(cast, text, np, pos, ctx)
    if _in("groups", lemma) and "plur" in gram:
        return group(cast, np, pos, ctx)
    if head is np[0] and _adjectival(head) and len(np) == 1 and "nomn" in gram and "Apro" not in gram:
        # (not a pronoun: «который предложил …» names no one)
        return _role(cast, np, pos, ctx, plural="plur" in gram)  # «заявил обвиняемый в суде»
    if _in("anonymous", lemma):  # «источник в правительстве»
        words = [w.text for w in np]
        words[0] = words[0].lower()
        name = _nominative_head(" ".join(words))
        return cast.add(Participant(name, "anonymous", None, norm_word(name)))
    if _named_body(np, head, gram, oblique):
        # «Всемирная метеорологическая организация назвала …», «Патриархия Грузии сообщила, что …»: a thing with a
        # proper name that speaks is a body, whatever its noun
        return _organisation(cast, text, np, pos, ctx)
    return _person_in(cast, np[at + 1 :], oblique, nominative_only=True)


def _named_body(np: list[Word], head: Word, gram: frozenset, oblique: bool) -> bool:
    """Whether a subject is a body by its proper name: capitalised, of two words or more, headed by a singular
    inanimate noun in the nominative that names no document, place or country («Всемирная метеорологическая
    организация», «Патриархия Грузии»)."""
    lemma = _reading(head.text)[0]
    # (a capital that only opens the sentence is no name's: «Уровень воды в реке поднялся …»; an adjective or another
    # capitalised word says it is)
    named = _adjectival(np[0]) or any(w.text[:1].isupper() for w in np[1:])
    return not oblique and len(np) >= 2 and np[0].text[:1].isupper() and not _quoted(np[0]) and named \
        and {"NOUN", "inan", "sing", "nomn"} <= gram and not _in("documents", lemma) \
        and lemma not in load_words("organisations.txt", "place nouns") and not country_of_word(head.text) \
        and not place_or_body(head.text)


def _latest_family(cast: Cast, pos: int) -> list[Participant]:
    """The people of the surname named last before ``pos`` that two or more of them share."""
    for m, p in cast.recent(pos):
        if pos - m.start > DOC_REACH:
            break  # (bounded: the family is named near its «старший из братьев»)
        if p.kind == "person" and p.key and len(cast.by_key.get(p.key, ())) >= 2:
            return list(cast.by_key[p.key])
    return []


def _parents_name(whole: list[Word], k: int, cast: Cast | None = None) -> int:
    """How many words from ``whole[k]`` name a parent or a spouse in the genitive between a kinship noun and a
    given name: «Дочь Крутиковой Анастасия», «Жена Ивана Петрова Мария» (the one speaking is named by the
    given name; the name before it is whose daughter or wife she is), or the case form of the surname of someone
    the text names after any person noun («сосед Мкртчяна Карен» after «Ашот Мкртчян»). 0 where they do not."""
    if cast is not None and k + 1 < len(whole) and is_person_noun(whole[k - 1].text) \
            and cast.declined_surname(whole[k].text) and whole[k + 1].text[:1].isupper():
        return 1
    if _reading(whole[k - 1].text)[0] not in load_words("roles.txt", "relational nouns"):
        return 0
    n = 0
    names = _name_parses(whole[k].text)
    if names and not any(p.tag.case == "nomn" for p in names):
        n = 1  # «Ивана»: a given name in a case
    w = whole[k + n] if k + n < len(whole) else None
    if w is not None and w.text[:1].isupper() and surname_ending(w.text) not in (None, "") and first_name(w.text) is None:
        n += 1
    else:
        return 0
    return n if k + n < len(whole) and whole[k + n].text[:1].isupper() else 0


def _honorific(word: str) -> bool:
    """Whether a word is a given name, a hyphen and an honorific (data/honorifics.txt): «Саодат-опа», «Ботир-ака»."""
    base, _, honorific = word.partition("-")
    return honorific.lower() in load_words("honorifics.txt") and (given_slot(base) or known_first_name(base))


def _given_name_after(whole: list[Word], gender: str | None, cast: Cast | None = None) -> Word | None:
    """The given name that ends a description («водитель такси Бакыт», «пенсионерка Зульфия»): a name the
    dictionary knows (or data/womens_names.txt lists), in the nominative, of the verb's sex, after lower-case
    words that name no place (after «села», «аула» it may be the village's name: organisations.txt
    ``# regional``), quoted names («продавец рынка «Чорсу» Умид»), a place's adjectival name («продавец Алайского
    рынка Бахтиёр») or a place after a preposition
    («дальнобойщик из Тюпа Марат», «фермер из аула Бесагаш Марат»); the clause may go on after it («… Марат стоит в очереди»), but not
    with a surname."""
    k = 1
    place = False  # the word before is a place's name after its noun («района Снеговая | Падь Игорь»)
    while k < len(whole):
        named_place = (place or _place_noun_before(whole, k)) and k + 1 < len(whole) and whole[k + 1].text[:1].isupper()
        if whole[k].text[:1].islower() or _quoted(whole[k]) or whole[k - 1].low in PREPOSITIONS \
                or _place_noun_before(whole, k, preposition=True) or named_place \
                or k + 1 < len(whole) and place_noun(whole[k + 1].text) and _adjectival(whole[k]):
            # (past «из аймака Увс»: a place noun after a preposition, then the place's name; past «района Ваке»,
            # «района Снеговая Падь» before another capitalised word: «житель района Ваке Давид»)
            place = named_place
            k += 1
        elif parent := _parents_name(whole, k, cast):
            k += parent  # (past «Дочь Крутиковой»: whose daughter she is)
        else:
            break
    if k == len(whole) or k < 1:
        return None
    name, before = whole[k], whole[k - 1]
    if k + 1 < len(whole) and whole[k + 1].text[:1].isupper() and whole[k + 1].start - name.end == 1:
        return None  # «водитель такси Бакыт Султанов»: a full name, read as one
    if _honorific(name.text):
        return name  # «пенсионерка Саодат-опа», «Гулмира-эже»: a given name with its honorific
    listed = listed_woman(name.text)  # «продавщица Сауле»: hers, not Саул's
    fn = (name.text, "femn") if listed else first_name(name.text) or (
        # «Умид»: a listed name; not a place's case form («в мечети Астаны»: no Астан's genitive)
        (name.text, gender or "masc") if known_first_name(name.text) and not place_or_body(name.text) else None)
    if fn is None or fn[0] != name.text or gender and fn[1] != gender:
        return None
    if not (listed or known_first_name(name.text)) and not (
            # «учительница местной школы Гулиза»: a name the dictionary does not know but guesses as a woman's in the
            # nominative, after a woman's noun, with no surname's ending
            fn[1] == "femn" and _feminine_noun(whole[0].text) and surname_ending(name.text) is None
            and not _known(name.text)):
        return None
    if _reading(before.text)[0] in load_words("organisations.txt", "regional") or _place_noun_before(whole, k):
        return None  # «жительница микрорайона Самал»: the place's name
    if cast is not None and _declined_given_name(cast, name.text):
        return None  # «Жена Фаридуна» after «Фаридун Раджабов»: whose wife she is, not her name
    return name


def _declined_given_name(cast: Cast, word: str) -> bool:
    """Whether a word is a case form of the given name of someone the text names («Фаридуна» after «Фаридун
    Раджабов»): ``NameForms._declined_given``."""
    return cast._declined_given(word)


_NOW_THEN = frozenset("а ныне теперь сейчас".split())  # «…, а ныне директор школы …»: a description's second part


def _apposed_name(cast: Cast, text: str, np: list[Word], whole: list[Word], gender: str | None) -> Participant | None:
    """«Мать одного из погибших, Мунира Юсупова, обратилась …», «Пострадавшая, 45-летняя Гульмира
    Токтогулова, рассказала»: a person named between commas right after the description is who it is."""
    after = [w for w in np if w.start >= whole[-1].end][:9]
    if not after or text[whole[-1].end : after[0].start].strip() != ",":
        return None
    while len(after) > 1 and after[0].low in _NOW_THEN:
        after = after[1:]  # «бывший ученик, а ныне директор школы Алмаз Жумабеков»: what they were, then what they are
    post = False  # a post before the name may hold a prepositional phrase («председатель комитета по труду»)
    first = after[0]
    if first.text[:1].isupper() and cast.at(first.start) is None and text[first.end : first.end + 2].lstrip()[:1] == "," \
            and (listed_woman(first.text) or known_first_name(first.text)) \
            and (fn := first_name(first.text)) is not None and gender in (None, fn[1]):
        # «Дочь Жумалиева, Айсулуу, ограничилась …»: a given name alone between commas
        return cast.given_name_person(first.text, first.start, first.end)
    for w in after:
        p = cast.at(w.start)
        if p is not None and p.kind == "person":
            m = p.last_before(w.start + 1)
            closed = m is not None and m.subject and (text[m.end : m.end + 2].strip()[:1] in (",", ".", ";", "!", "?")
                                                      or m.end >= np[-1].end)
            return p if closed and (gender is None or p.gender in (gender, None)) else None
        post = post or is_person_noun(w.text)
        if _reading(w.text)[2] not in ("ADJF", "PRTF", "NOUN", None, "NUMR", "PREP") \
                or w.low in PREPOSITIONS and not post:
            # «— сказал министр, обращаясь к Ерлану Карину»: adjectives and a post («Председатель Маджлиси
            # милли, мэр Душанбе Рустами Эмомали, …») may stand before the name, no verb or preposition
            return None
    return None


def _relative(cast: Cast, owner: Participant | None, noun: str) -> Participant | None:
    """The one person of ``owner``'s surname, not ``owner``, of the sex a kinship noun says («муж», «дочь»)."""
    if owner is None or owner.kind != "person" or not owner.key:
        return None
    sex = "femn" if _feminine_noun(noun) else "masc"
    kin = [p for p in cast.by_key.get(owner.key, ()) if p is not owner and p.gender == sex]
    return kin[0] if len(kin) == 1 else None


def _kin_of(noun: str, p: Participant) -> bool:
    """Whether a kinship noun names its holder by ``p``: a man always («жены Бахыта Султанова»,
    «брата Ивана Петрова»), a woman after a noun that is not only a woman's («отца Алии Петровой»)."""
    if norm_word(morph.lemma(noun)) not in load_words("roles.txt", "relational nouns"):
        return False
    return p.gender == "masc" or not _feminine_noun(noun)


# ---------------------------------------------------------------- documents and the words they relay
