"""Organisations: the body a phrase headed by a body noun names, and the bodies a text introduces.

A noun that heads an organisation's name (``organisations.txt``) with its genitive complement is an
organisation: «пресс-служба президента Украины» · «в иранском МИД» → «МИД Ирана» · «в ведомстве» →
the body named before. ``learn_organisations`` reads every body the text names with its head noun,
the abbreviation it introduces in brackets («(КСИР, …)») and the groups named as subjects, before
any attribution is resolved.
"""

from __future__ import annotations

import bisect
import functools
import re

from . import morph, regexes
from .names import body_name, place_or_body
from .phrase_forms import quoted_name_in_place
from .noun_phrases import (PREPOSITIONS, _WORD, Context, Word, _adjectival, _can_be, _clip, _first_words, _in,
                           _org_name, _quoted, _reading, _sections, _starts_a_name, _stump_of_head, words_in)
from .roles import country_of_word, is_role_word, post_of
from .speech_verbs import is_speech_verb
from .speakers import Cast, Participant, _nominative_head, org_heads, org_key
from .text import norm_word, word_before
from .wordlists import load_words


def _organisation(cast: Cast, text: str, np: list[Word], pos: int, ctx: Context | None = None,
                  mention: bool = True, subject: bool = True) -> Participant | None:
    """«пресс-служба президента Украины» · «в иранском МИД» → «МИД Ирана» · «в ведомстве» → the body named before.

    Two phrases name one body when their lemmas agree once short forms are spelt out («Минфин»,
    «Министерство финансов») and a person or post in the complement resolves to the same person
    («пресс-служба президента Украины», «пресс-служба Порошенко»).
    """
    country = None
    parts: list[Word] = []
    # «Казахская национальная консерватория», «Грузинская православная церковь»: a capitalised country's adjective
    # opens a proper name, kept as written, before another adjective or anywhere but at a sentence's start
    titled = np[0].text[:1].isupper() and (len(np) > 2 and _adjectival(np[1]) and not np[1].text[:1].isupper()
                                           or len(np) > 1 and not cast._sentence_start(np[0].start)
                                           and not _in("states", _reading(np[1].text)[0]))
    state: Word | None = None
    for k, w in enumerate(np):
        c = country_of_word(w.text) if not _quoted(w) and not (titled and w is np[0]) else None
        if c and c[1] and parts and w.text[:1].isupper() and k + 1 < len(np):
            # inside the complement a capitalised one is part of a name, kept as written: «Президиум Российской
            # академии наук»; before a state's head it names the country all the same: «МИД Российской Федерации»
            if _in("states", _reading(np[k + 1].text)[0]):
                country, state = c[0], np[k + 1]
            c = None
        if c and c[1]:  # «иранском МИД»: the adjective becomes the complement «Ирана»
            country = c[0]
            continue
        if not parts and _adjectival(w) and (not w.text[:1].isupper() or _pronominal(w)):
            continue  # «финансовом ведомстве», «Вся группа»: a lower-case or a pronoun's adjective describes
        parts.append(w)
    if not parts:
        return None
    head = parts[0]
    if _in("states", _reading(head.text)[0]) and (country is not None or len(parts) > 1
                                                 and country_of_word(parts[1].text)):
        return None  # «в Российской Федерации», «Республика Казахстан»: a country, not a body
    alias = cast.aliases.get(" ".join(w.text for w in parts))
    if alias is not None:
        return alias  # «КСИР» after «Корпус стражей исламской революции (КСИР, …)», «ИК МФСА»
    if len(parts) == 1 and country is None and (short := _short_name_of(cast, head, pos)) is not None:
        if mention:
            cast.mention(short, np[0].start, np[-1].end, subject and _can_be(head.text, "nomn"))
        return short  # «в сообщении МЧС» after «в Министерстве чрезвычайных ситуаций Кыргызстана»
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
    if len(parts) == 1 and country is not None and lemma in load_words("organisations.txt", "media"):
        # «Британская газета сообщила» after «публикацию Financial Times»: an outlet's noun with a country's adjective
        # points back at the outlet named before (not one of another country), as the bare noun does
        earlier = _earlier_body(cast, np, pos, same_head_only=True)
        if earlier is not None and earlier.country in (None, country.name):
            return earlier
    rest = parts[1:]
    if len(rest) == 1 and country is None and _in("voices", lemma) and not rest[0].text[:1].isupper():
        # «в пресс-службе ведомства», «в пресс-службе компании»: the body named before speaks through it
        back = _reading(rest[0].text)[0]
        if _in("generic", back):
            earlier = _earlier_body(cast, rest, pos, same_head_only=not _in("anaphors", back))
            if earlier is not None:
                if mention:
                    cast.mention(earlier, np[0].start, np[-1].end, _can_be(head.text, "nomn"))
                return earlier
    for w in rest:
        c = country_of_word(w.text)
        if c and not c[1]:
            country = country or c[0]
    if country is None and org_key([lemma])[0] in _sections().get("national", ()) \
            and not any(_regional(w) or w.text[:1].isupper() for w in rest):
        # (not «МИД Чада»: a capitalised complement names whose ministry it is, a country or not)
        country = cast.home_country()  # «в Министерстве финансов ответили» in a Kazakh text
    # «Всемирного банка» → «Всемирный банк»: capitalised adjectives and the head noun in the nominative
    lead = 0
    while lead < len(parts) - 1 and _adjectival(parts[lead]):
        lead += 1
    head_text = quoted_name_in_place(parts[0].text) if _quoted(parts[0]) and len(parts) == 1 and (
        word_before(text, np[0].start) or "").lower() in ("в", "во") \
        else parts[0].text if parts[0].text.isupper() or _quoted(parts[0]) else body_name(parts[0].text) \
        if lead == 0 and body_name(parts[0].text) else _nominative_head(
        " ".join(w.text for w in parts[: lead + 1]), body=True)  # «"Алматы әуендері"» stays as written
    rest = parts[lead + 1 :]
    # («Министерство труда, социальной защиты и миграции»: a comma inside the name stays)
    name_words = [head_text + ("," if rest and text[parts[lead].end : rest[0].start].strip() == "," else "")] \
        + [w.text + ("," if k + 1 < len(rest) and text[w.end : rest[k + 1].start].strip() == "," else "")
           for k, w in enumerate(rest)]
    if country is not None and not any(country_of_word(w.text) for w in rest) and not any(map(_latin_name, parts)):
        name_words.append(country.genitive)  # (not «Немецкая Die Welt»: an outlet's own name says no country)
    name = " ".join(name_words)
    key = org_key([_reading(w.text)[0] for w in parts if not country_of_word(w.text) and w is not state])
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
        cast.mention(found, np[0].start, np[-1].end, subject and _can_be(head.text, "nomn"))
    return found


_FUNCTION_WORDS = PREPOSITIONS | {"и"}


def _short_name_of(cast: Cast, head: Word, pos: int) -> Participant | None:
    """The body named in full before that a short name of organisations.txt ``# aliases`` alone stands for, when its
    expansion opens that name («Нацбанк» after «Национальный банк Таджикистана», «Минздрав» after «Министерство
    здравоохранения Кыргызстана»), and only one body the text names before fits. (Initials: ``_initials_aliases``.)"""
    if _quoted(head):
        return None
    spelt = tuple(w for w in org_key([_reading(head.text)[0]]) if w not in _FUNCTION_WORDS)
    if len(spelt) < 2:
        return None
    known = cast.short_fits.get(head.text)
    if known is None or known[0] != len(cast.participants):  # (each body is read once per short name, not per mention)
        bodies = [p for p in cast.participants if p.kind == "organisation" and p.name != head.text
                  and tuple(w for w in p.key if w not in _FUNCTION_WORDS)[: len(spelt)] == spelt]
        known = cast.short_fits[head.text] = (len(cast.participants), bodies)
    fits = [p for p in known[1] if p.mentions and p.mentions[0].start < pos]
    return fits[0] if len(fits) == 1 else None


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


_LATIN = regexes.compile(r"[A-Za-z]")
_CYRILLIC = regexes.compile(r"[А-ЯЁа-яё]")  # «Telegram-канал «Омский зануда»»: a compound with a Russian noun goes on


def _outlet(p: Participant, text: str) -> bool:
    """Whether a body is an outlet: headed by an outlet's noun («газета «Коммерсантъ»», ``organisations.txt
    # media``), named in Latin letters alone, as the foreign press is («The Guardian», «Reuters»), or by its
    quoted name alone right after a verb of writing («— пишет «Коммерсантъ»»)."""
    return _media_headed(p) or _latin_only(p.name) \
        or p.name[:1] == "«" and any(_WRITER.search(text, max(0, m.start - 20), m.start)
                                     or _WRITES.match(text, m.end) for m in p.mentions)


def _media_headed(p: Participant) -> bool:
    """Whether a body's name is headed by an outlet's noun (``organisations.txt # media``: «газета «Коммерсантъ»»)."""
    return bool(p.key) and p.key[0] in load_words("organisations.txt", "media")


def _own_name(p: Participant) -> bool:
    """Whether a body is named by its own name, with no head noun the model knows: quoted («Укрзализныця»), in
    Latin letters («Dala Market»), or after a legal form's abbreviation it does not know («ОАХК «Барки Точик»»)."""
    if p.kind != "organisation" or not p.name or _media_headed(p):
        return False
    first = p.name.split()[0]
    return p.name[0] == "«" or _latin_only(p.name) \
        or first.isupper() and "«" in p.name and org_key([_reading(first)[0]])[0] not in org_heads()


# «„Ведомости“ пишут»: a verb of writing after an outlet's name
_WRITES = regexes.compile(r"[ \t]+(?:пиш[еу]т|написал[аи]?|сообща[ею]т|публику[ею]т|опубликовал[аи]?)(?![\w-])")
_WRITER = regexes.compile(r"(?<![\w-])(?:пиш[еу]т|написал[аи]?|публику[ею]т|опубликовал[аи]?|переда[её]т|передают)\s+$")


def _latin_name(w: Word) -> bool:
    return _latin_only(w.text)


def _latin_only(name: str) -> bool:
    """Whether a name is written in Latin letters alone («Reuters», «Dala Market»; not «Telegram-канал»)."""
    return bool(_LATIN.match(name)) and not _CYRILLIC.search(name)


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
        # («Госинспекция по охране труда», «Нацкомиссия»: a stump and a head noun, capitalised, head one too)
        head = lemma in heads or first.group(0)[:1].isupper() and _stump_of_head(lemma)
        if not head and first.group(0)[:1].isupper() and not cast.in_quote(m.start()) \
                and norm_word(first.group(0).lower()) in _proper_forms():
            # «Роскомнадзор направил компании запрос»: a body by its own name (organisations.txt # proper names)
            _learn_proper_body(cast, text, m.start(), first.end())
            continue
        if not (head or pos == "NOUN" and "plur" in gram and "nomn" in gram and _in("groups", lemma)):
            continue
        inside = cast.at(m.start()) if first.group(0).islower() else None
        if head and inside is not None and inside.kind == "organisation":
            # «в департаменте полиции города»: a common noun inside a body's name is part of that name (not a
            # body's own name inside it: «предприятие АО «Сибирская медь»»)
            continue
        near = _first_words(text, m.start(), min(end, m.start() + 400), 8)  # no rule reads further
        w = near[0]
        before = words_in(text, max(0, m.start() - 80), m.start())
        if head:
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
    _learn_own_names(cast, text, end)
    from .body_short_names import learn_short_names  # (it reads bodies with _organisation: imported here, not above)

    learn_short_names(cast, text, end)


@functools.cache
def _proper_forms() -> frozenset[str]:
    """The forms of the bodies' own names (organisations.txt # proper names), as ``body_name`` reads them."""
    from .names import _body_forms

    names = set(_sections().get("proper names", ()))
    return frozenset(form for form, name in _body_forms().items() if name in names)


def _learn_proper_body(cast: Cast, text: str, start: int, end: int) -> None:
    """A body the text names by its own name, mentioned where it stands, a subject unless a preposition or a
    noun it complements stands before («в Роскомнадзоре», «запрос Роскомнадзора»)."""
    before = words_in(text, max(0, start - 40), start)
    prev = before[-1] if before and not text[before[-1].end : start].strip() else None
    subject = prev is None or not (prev.low in PREPOSITIONS or prev.text[:1].islower() and _reading(prev.text)[2] == "NOUN")
    _organisation(cast, text, words_in(text, start, end), start, Context(), subject=subject)


# a body named by its own name, with no head noun: a quoted name or a run of Latin capitals right before a finite
# verb («Укрзализныця» назначила …, «Financial Times посвятила …»), or a quoted name after a legal form's
# abbreviation the model does not know («в ОАХК «Барки Точик»»)
_OWN_NAME = regexes.compile(r"(?<![\w«»\"„“-])(?<!\w\.)(?:([А-ЯЁ]{2,6})[ \t]+)?(«[А-ЯЁA-Z][^«»\n]{0,60}»"
                            r"|[A-Z][\w&'’-]*(?:[ \t][A-Z][\w&'’-]*){0,3})(?:[ \t]+([а-яё]+))?")


_SITE_TAIL = regexes.compile(r"\.\w")  # «Kun.uz», «Spot.uz»: a site's name goes on past the dot
_PREPOSITION_BEFORE = regexes.compile(r"(?<![\w-])(?:[вВ]о?|[иИ]з|[оО]т|[уУ])[ \t]+$")


def _learn_own_names(cast: Cast, text: str, end: int) -> None:
    heads = org_heads()
    for m in _OWN_NAME.finditer(text, 0, end):
        abbr, verb = m.group(1), m.group(3)
        if cast.in_quote(m.start(2)) or cast.at(m.start(2)) is not None:
            continue  # (a body already read with its head noun: «Компания Vestas объявила»)
        finite = verb is not None and _reading(verb)[2] == "VERB"
        if abbr is not None and m.group(2)[0] == "«" and abbr.lower() not in heads and cast.at(m.start(1)) is None \
                and (finite or _PREPOSITION_BEFORE.search(text, max(0, m.start() - 6), m.start())):
            # (not «Комбайнер СПК «Озеры» Николай …»: where a person works, named in passing)
            _learn_proper_body(cast, text, m.start(1), m.end(2))
        elif abbr is None and (finite or m.group(2)[0] != "«" and _published_in(text, m.start(2))
                               and not _SITE_TAIL.match(text, m.end(2))) \
                and not _person_like(cast, m):
            # («публикацию Financial Times», «как сообщает Reuters»: an outlet named in passing, which «газета»,
            # «агентство» later point back to)
            _organisation(cast, text, words_in(text, m.start(2), m.end(2)), m.start(2), Context())


def _published_in(text: str, start: int) -> bool:
    """Whether the word before a Latin name is what an outlet publishes (organisations.txt # articles: «статье
    The Guardian») or a speech verb («сообщает Reuters», «пишет Bloomberg»)."""
    word = word_before(text, start)
    return word is not None and (_reading(word)[0] in load_words("organisations.txt", "articles")
                                 or is_speech_verb(word))


def _person_like(cast: Cast, m: re.Match) -> bool:
    """Whether a Latin run names a person the text knows, or is no name (one letter, a roman numeral)."""
    p = cast.at(m.start(2))
    return p is not None and p.kind == "person" or len(m.group(2)) < 2




_ONE_WORD = regexes.compile(r"\w+")
_NEXT_WORD = regexes.compile(r"[ \t]*,?[ \t]*(\w+)")


def _speaks_after(text: str, end: int) -> bool:
    """Whether a speech verb follows a mention: «В Министерстве культуры заявили», «Минфин сообщил»."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and is_speech_verb(m.group(1))


def _learn_body(cast: Cast, text: str, before: list[Word], near: list[Word], lemma: str, gram: frozenset) -> None:
    w = near[0]
    of_role = bool(before) and is_role_word(_reading(before[-1].text)[0]) \
        and not text[before[-1].end : w.start].strip(" \t«\"„“")  # (not the last word of the paragraph before)
    if of_role and not w.text[:1].isupper():
        return  # «главу правительства Дмитрия Медведева»: the body belongs to a role, the name to a person
    np = _clip(text, near[:8])
    namesake: Participant | None | bool = False  # (False: no «имени» before)
    for k in range(1, len(np)):  # «правления банка Юрий Соловьёв»: the name after a body is a person's
        p = cast.at(np[k].start)
        # «театр имени Лахути», «музей имени Петра Великого РАН»: the name after «имени» is the body's, up to
        # another person's («театр имени Лахути Фаррух Саидов»)
        if np[k - 1].low == "имени":
            namesake = p
            continue
        if namesake is not False and np[k].text[:1].isupper() and (p is None or p is namesake):
            continue
        namesake = False
        if p is not None and p.kind == "person" and (of_role or p.last_before(np[k].start + 1).subject):
            np = np[:k]  # (after a role, «представителя МИД России Марии Захаровой»: the role's holder)
            break
        if (k >= 2 or np[0].text.isupper()) and np[k - 1].low not in PREPOSITIONS and _starts_a_name(np[k]):
            np = np[:k]  # «собрания КНДР Хван Чжан Еп»: a capitalised word that is no genitive is a name
            break  # (not «посольство России в Китае»: a preposition's object is in its own case)
        if _LATIN.match(np[k - 1].text) and not _CYRILLIC.search(np[k - 1].text) and not _LATIN.match(np[k].text):
            np = np[:k]  # «агентство Anadolu | слова представителя …»: a name in Latin letters ends the body's name
            break
    if len(np) > 2 and np[-2].low == "имени" and len(np[-1].text) == 1:
        np = np[:-2]  # «театр драмы имени М. Лермонтова» clipped at the initial: no name ends in «имени М»
    left: list[Word] = []
    nxt = w
    for x in reversed(before):  # «в иранском МИД», «областного департамента»
        if not _adjectival(x) or text[x.end : nxt.start] != " ":
            break
        left.insert(0, x)
        nxt = x
    titled = any(x.text[:1].isupper() and not _pronominal(x) and not cast._sentence_start(x.start) for x in left)
    if of_role and len(left + np) < 2:
        return  # «представитель МИД Мария Захарова»: a bare head after a role names no body of its own
    if len(np) == 1 and _in("generic", lemma) and not titled:
        return  # «ведомство» alone points back to a body named before; «Всемирного банка» names one
    if _in("media", lemma) and not titled and not any(x.text[:1].isupper() or _quoted(x) for x in np) \
            and not (w.text[:1].isupper() and not cast._sentence_start(w.start)):
        return  # «приводит издание слова собеседника»: an outlet is named by its name, not by what follows the noun
    if _in("named heads", lemma) and not titled and not any(x.text[:1].isupper() or _quoted(x) for x in np[1:]) \
            and (w.text[:1].islower() or cast._sentence_start(w.start)):
        return  # «театр абсурда», «больница, школы»: no capital letter, no institution's name
    named = w.text[:1].isupper() or titled
    if "plur" in gram or not (named or len(np) > 1 and (_can_be(np[1].text, "gent") or np[1].text[:1].isupper()
                                                         or _quoted(np[1]) and np[1].text[1:2].isupper())):
        return  # «акиматы», «управления долгом»: no body is named
    # «вышли к зданию мэрии Бишкека», «пожаловались в управление образования»: after a preposition or a
    # noun it complements, a body is no subject (a plural «они» after it is the subject's group)
    first = (left + np)[0]
    prev = before[-1] if before and not text[before[-1].end : first.start].strip() else None
    # («пресс-секретаря Министерства здравоохранения Шахло Сафарзода»: a body named in full in a role's complement is
    # named all the same, for «в приказе министерства» after it, but is no subject)
    subject = not of_role and (prev is None or not (prev.low in PREPOSITIONS or prev.text[:1].islower()
                                                    and _reading(prev.text)[2] == "NOUN"))
    org = _organisation(cast, text, left + np, w.start, Context(), subject=subject)
    if org is not None:
        m = _ABBR.match(text, np[-1].end)
        if m:
            cast.aliases.setdefault(m.group(1), org)


@functools.cache
def _head_starts() -> re.Pattern[str]:
    """Where a head or group noun may begin: the first four letters of each lemma (and of each stump
    prefix before a head: «Госинспекция»), any case."""
    stems = {lem[:4] for lem in org_heads() | frozenset(_sections().get("groups", ()))
             | frozenset(_sections().get("proper names", ())) if lem}
    stems |= {(p + h)[:4] for p in _sections().get("stump prefixes", ()) for h in org_heads() if " " not in h}
    if stems and all(_ONE_WORD.fullmatch(x) for x in stems):
        # a trie of the stems («(?:а(?:вто|ген|…)|б…)»): the engine tries a letter, not 157 words, at each
        # word start. Only where each match is made of word characters are the places it finds (all the
        # caller uses) the same as the plain alternation's.
        return regexes.compile(rf"(?<![\w-]){regexes.trie(stems)}", re.IGNORECASE)
    alts = "|".join(sorted((re.escape(x) for x in stems), key=lambda x: (-len(x), x))) or "(?!)"
    return regexes.compile(rf"(?<![\w-])(?:{alts})", re.IGNORECASE)


_ABBR = regexes.compile(r"\s*\(([A-ZА-ЯЁ&]{2,10})[,;)\s]")


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
    kinds = (org_key([head]),) + _kinds().get(head, ())
    same = [b for b in bodies if _of_kind(b[1].key, kinds)]
    if not same and head in load_words("organisations.txt", "media"):
        # «— пишет Gazeta Wyborcza. Издание отмечает …», «Как сообщает Reuters … Агентство уточняет»: an outlet's
        # noun alone points back at the outlet named last, whatever its kind; a foreign one has only its name
        same = [b for b in bodies if _outlet(b[1], cast.text)]
    if not same and head in load_words("organisations.txt", "own names"):
        # «„Укрзализныця“ назначила поезд. «…», — сообщили в компании»: with no body of its kind named, a company's
        # noun is the body named by its own name alone in the two sentences before
        here = cast.sentence_of(pos)
        same = [b for b in bodies if _own_name(b[1]) and here - cast.sentence_of(b[0]) <= 2]
    if same_head_only:
        return max(same, key=lambda b: b[0])[1] if same else None
    adjs = [norm_word(morph.lemma(w.text))[:5] for w in np if _adjectival(w)]
    pointed = [b for b in bodies if adjs and any(a in " ".join(b[1].key) for a in adjs)]
    if same or pointed:
        return max(same or pointed, key=lambda b: b[0])[1]
    # «Роскомнадзор направил компании запрос. «…», — сообщили в ведомстве»: of the bodies the sentence before
    # names, the subject, not one named in passing after it; else the latest
    here = cast.sentence_of(pos)
    near = [b for b in bodies if here - cast.sentence_of(b[0]) <= 1]
    # («В Министерстве энергетики заявили, что станцию передадут компании «…»»: the one a speech verb follows spoke)
    said = [b for b in near if any(m.start == b[0] and _speaks_after(cast.text, m.end) for m in b[1].mentions)]
    subjects = [b for b in near if any(m.start == b[0] and m.subject for m in b[1].mentions)]
    return max(said or subjects or bodies, key=lambda b: b[0])[1]


@functools.cache
def _kinds() -> dict[str, tuple[tuple[str, ...], ...]]:
    """organisations.txt ``# kinds``: a generic noun → the keys of the heads of the bodies it points back to."""
    out = {}
    for line in _sections().get("kinds", ()):
        generic, *heads = line.split(" = ")
        out[generic] = tuple(org_key(h.split()) for h in heads)
    return out


def _of_kind(key: tuple[str, ...], kinds: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a body's key begins with one of the heads ``kinds``, as written, after its adjectives or after a
    stump prefix («Евразийский банк развития» is a «банк»; a participle's lemma is its verb: «Специализированный …
    суд»)."""
    k = 0
    while k < len(key) - 1 and _reading(key[k])[2] in ("ADJF", "PRTF", "INFN"):
        k += 1
    # a stump compound is of its noun's kind: «Госинспекция» is an «инспекция», «Нацагентство» an «агентство»
    bare = next((key[k][len(p):] for p in _sections().get("stump prefixes", ())
                 if key and key[k].startswith(p) and len(key[k]) > len(p) + 3), None)
    return any(key[: len(h)] == h or key[k : k + len(h)] == h or (bare,) == h for h in kinds if h)


def _pronominal(w: Word) -> bool:
    """A pronoun's adjective: «весь», «этот», «наш», «свой» (the dictionary's Apro)."""
    return any("Apro" in p.tag.grammemes for p in morph.parses(w.text.lower())[:2])
