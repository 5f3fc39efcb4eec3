"""Who holds each turn of a transcript or an interview: the person a label names («В.Путин:», «Ауез Габбасов:»,
«Кудрявцев А. М.»), the holder of a post a label gives («Президент:», «Торага:»), a journalist for a question (the
one a label, a credit in brackets or the lead names), the interviewee for an answer (the text's main person), the
one a TV report's sound bite or sign-off names, or nobody («Голос из зала:»)."""

from __future__ import annotations

import re

from . import morph, regexes
from .attribution import JOURNALIST, Context, by_words, words_in
from .speakers import Cast, Participant
from .text import norm_word
from .turns import Turn

_WORDS = regexes.compile(r"[А-ЯЁA-Zа-яёa-z-]+")

def _turn_speaker(tr: Turn, cast: Cast) -> Participant | None:
    """«В.Путин:» → the person; «Вопрос:» or an interview's question → a journalist; «Президент:» →
    whoever holds the post; «Ауез Габбасов:», «АХМЕТОВ:» → the person; an interview's answer → the
    interviewee, the text's main person."""
    from .names import first_name, is_patronymic, listed_woman, surname_ending, surname_key
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
        # (a programme's host asks an interview's questions, not a TV report's «КОРРЕСПОНДЕНТ:» lines)
        asker = _asker(tr, cast) or _credited(tr, cast) or _named_journalist(cast) \
            or (_host(cast, labels) if tr.kind == "question" or label == "вопрос" else None) \
            or (_signed_off(cast) if tr.kind == "role" else None)
        return asker or cast.add(Participant(JOURNALIST, "group", None, JOURNALIST))
    if tr.kind == "role":
        holder = _holder(tr.surname.split(), cast, tr.start) or _introduced_as(label, cast)  # («Министр обороны:»)
        # «Ведущий:», «ВЕДУЩАЯ:» that the text ties to nobody: the role in lower case, as any unnamed post («ведущий»)
        return holder or cast.add(Participant(label, "person", None, label))
    if tr.kind == "name":
        from .roles import is_person_noun

        words = [w.capitalize() if w.isupper() else w for w in tr.surname.split()]
        labels = load_sections("roles.txt").get("transcript labels", ())
        while len(words) > 1 and (is_person_noun(words[0]) or words[0].lower() in labels) and not first_name(words[0]):
            # «Свидетель Ким:», «Ведущий Сергей Ветров:»: a post or a party, then the name of the one it is
            words = words[1:]
        if len(words) == 1:
            people = cast.by_key.get(surname_key(words[0]), ())
            if len(people) > 1 and (ending := surname_ending(words[0])) in ("", "а"):
                # «Алиева:», «Алиев:» beside «Рустам Алиев:» and «Лейла Алиева:»: the form of the surname says whose
                sex = "femn" if ending == "а" else "masc"
                people = [p for p in people if p.gender == sex] or people
            if people:
                return people[0]
            named = [p for p in cast.people() if p.first == words[0]]
            if len(named) == 1:  # «Севара:» after «Вели выпуск Севара Назарханова и …»: her given name
                return named[0]
            holder = _holder(words, cast, tr.start)
            if holder is not None:
                return holder  # «Торага:» after «Торага Жогорку Кенеша Эркин Асанбеков:»: the post's holder
            fn = (words[0], "femn") if listed_woman(words[0]) else first_name(words[0])
            if fn is not None and fn[0] == words[0] and surname_ending(words[0]) is None:
                at = tr.label.start  # «Алия из Актау:»: a caller's given name, of its sex
                return cast.given_name_person(words[0], at, at + len(words[0]), fn[1])
            return cast.person(None, words[0], "masc", nominative=True)
        # a label is in the nominative
        at = tr.label.start + max(0, tr.label.text.find(tr.surname))  # («Депутат Сергей Ким:»: after the post)
        before = _WORDS.findall(cast.text, max(tr.label.start, at - 30), at)
        if len(words) == 2 and is_patronymic(words[0]) and before and first_name(before[-1]):
            # «Жительница Нина Сергеевна Лаврова:»: the given name before the patronymic, which a name leaves out
            words = [before[-1], words[1]]
            at -= len(before[-1]) + 1
        if _oblique_post(cast.text[tr.label.start : at]) and (read := cast.at(at)) is not None:
            return read  # «Вопрос журналиста Kun.uz Дильнозы Каримовой:»: the name agrees with its noun, as the text read it
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


def _oblique_post(post: str) -> bool:
    """Whether the words before a label's name end in a person noun no reading of which is nominative
    («Вопрос журналиста», «Реплика депутата»): the name after it is in that noun's case, not the label's."""
    from .roles import is_person_noun

    words = [w for w in post.split() if w.isalpha() and w.islower()]
    return bool(words) and is_person_noun(words[-1]) \
        and not any("nomn" in q.tag for q in morph.parses(words[-1]) if q.tag.POS == "NOUN")


def _holder(words: list[str], cast: Cast, at: int) -> Participant | None:
    """Who holds the post a label's words name («Президент», «Торага»), if they are a post and the text has one."""
    from .roles import post_of

    post = post_of(words)
    return cast.holder(post, at) if post is not None else None


def _interviewee(cast: Cast, labels: dict) -> Participant | None:
    """Whose answers «Гость:», «Ответ:» label: the text's main person, or, when that is the host the text
    introduces («ведущая Ольга Ржевская поговорила с шеф-поваром Давидом Гогуадзе»), the first other person."""
    if hasattr(cast, "_interviewee"):
        return cast._interviewee  # (found once for a transcript's every answer)
    cast._interviewee = _find_interviewee(cast, labels)
    return cast._interviewee


def _hosts(cast: Cast, labels: dict, moderator: bool = True) -> list[Participant]:
    """The people the text introduces as the one who asks («ведущая Ольга Ржевская», «корреспондент …»; both of
    «Ведущие Анна Ким и Олег Ли»), each once."""
    asking = ("ведущий", "ведущая", *(("модератор",) if moderator else ()), *labels.get("journalist labels", ()))
    return list({id(h): h for w in asking for h in _introduced(w, cast)}.values())


def _host(cast: Cast, labels: dict) -> Participant | None:
    """Who asks an interview's questions when the lead introduces its host («ведущий Игорь Маслов побеседовал с
    архитектором …», «С ним беседовала ведущая Алия Сарсенова»): that one person, not the interviewee; nobody
    when the text introduces none or two. (Not a moderator: a press conference's questions are the press's.)
    Found once for a transcript's every question."""
    if not hasattr(cast, "_host"):
        hosts = _hosts(cast, labels, moderator=False)
        cast._host = hosts[0] if len(hosts) == 1 and hosts[0] is not _interviewee(cast, labels) else None
    return cast._host


def _find_interviewee(cast: Cast, labels: dict) -> Participant | None:
    hosts = _hosts(cast, labels)
    addressed = _addressed(cast)
    if addressed is not None and not any(h is addressed for h in hosts):
        return addressed
    talked = _talked_with(cast)
    if talked is not None and not any(h is talked for h in hosts):
        return talked
    main = cast.main()
    if main is None or not any(h is main for h in hosts):
        return main
    others = [p for p in cast.people() if p.learned and p.mentions and not any(h is p for h in hosts)]
    return min(others, key=lambda p: p.mentions[0].start) if others else main


LEAD_PARAGRAPHS = 2  # the paragraphs of an interview's lead read for whom the newsroom talked to
_WITH_HIM = {"ним": "masc", "ней": "femn", "нею": "femn"}


def _talked_with(cast: Cast) -> Participant | None:
    """The person an interview's lead says the newsroom talked to (speech_verbs.txt # conversing): «Мы поговорили с
    ним о традиции» (the first person of the pronoun's sex the lead names as a subject, not the composer it named
    after him), «побеседовал с фермером Ахмедом Алиевым» (the person named after «с»); None when the lead says
    neither."""
    from .noun_phrases import _reading
    from .text import paragraphs
    from .wordlists import load_words

    verbs = load_words("speech_verbs.txt", "conversing")
    for k, para in enumerate(paragraphs(cast.text, 0, cast.end)):
        if k >= LEAD_PARAGRAPHS:
            break
        ws = words_in(cast.text, para.start, para.end)
        for i, w in enumerate(ws[:-1]):
            if ws[i + 1].low not in ("с", "со") or _reading(w.text)[0] not in verbs:
                continue
            rest = ws[i + 2 : i + 8]
            if rest and rest[0].low in _WITH_HIM:
                # the lead's person of that sex it first names as a subject: what the lead is about
                sex = _WITH_HIM[rest[0].low]
                before = reversed(list(cast.recent(rest[0].start)))
                return next((p for m, p in before if p.kind == "person" and m.subject and p.gender in (None, sex)), None)
            for x in rest:
                if x.text in (".", ",", "!", "?", ";", ":"):
                    break
                if (p := cast.at(x.start)) is not None and p.kind == "person":
                    return p
    return None


# «— Лейла, насколько всё серьёзно?», «— Алсу Рашитовна, что изменится …?»: a question line that opens by
# addressing someone by a given name (and a patronymic)
_ADDRESS = regexes.compile(r"^[ \t]*[—–][ \t]*([А-ЯЁ][а-яё]+)(?:[ \t]+[А-ЯЁ][а-яё]+(?:вич|вна|чна|ична))?,[^\n]*\?",
                           re.MULTILINE)


def _addressed(cast: Cast) -> Participant | None:
    """The one person an interview's questions address by a given name: the one who answers them, whoever
    else the lead names first («Министр Рауф Гаджиев заявил … Эколог Лейла Мамедова рассказала … — Лейла,
    насколько всё серьёзно?»). Nobody when the names addressed are of none or of several people."""
    found = {id(p): p for m in _ADDRESS.finditer(cast.text, 0, cast.end)
             for p in cast.named_in_full(m.group(1).lower())}
    return next(iter(found.values())) if len(found) == 1 else None


_FIRST_WORD = regexes.compile(r"[А-Яа-яЁё-]+")
HOSTS = ("ведущий", "модератор")  # (lemmas) whom a lead introduces by what they host (_leads)


def _introduced_as(label: str, cast: Cast) -> Participant | None:
    """The one person the text introduces with a label's word right before their name, a few words of
    its own at most between («ведущая программы «Итоги» Алия Нурланова» for «Ведущая:»); nobody when
    none or several are."""
    fits = _introduced(label, cast)
    return fits[0] if len(fits) == 1 else None


def _introduced(label: str, cast: Cast) -> list[Participant]:
    """Everyone the text introduces with a label's word right before their name (``_introduced_as``)."""
    want = norm_word(morph.lemma(label))
    chairing = want == "председательствующий"
    hosting = want in HOSTS
    fits = []
    for p in cast.people():
        if not p.learned or not p.mentions:
            continue
        at = p.mentions[0].start
        # (a dash may stand between: «Модератор — журналист Ильдар Гарипов»)
        before = re.split(r"[.!?;:,\n]", cast.text[max(0, at - 90) : at])[-1]
        words = re.findall(r"[А-Яа-яЁё-]+", before)
        lemmas = [norm_word(morph.lemma(w)) for w in words]
        # (or the mention opens with it: a label «Ведущая Екатерина Берёзова:» is one mention, post and name)
        opening = _FIRST_WORD.match(cast.text, at, p.mentions[0].end)
        # (not «Ведущий обсуждает с консультантом Тимуром Ахметовым»: a verb between, the name is whom he speaks with)
        near = want in lemmas[-4:] and not any(morph.pos(w) in ("VERB", "INFN", "GRND", "PREP")
                                               for w in words[len(words) - lemmas[::-1].index(want):])
        if near or chairing and _leads(lemmas[-6:], "председательствовать", "sittings") \
                or hosting and _leads(lemmas[-6:], "модерировать", "broadcasts", "sittings") \
                or opening is not None and opening.end() < p.mentions[0].end and norm_word(morph.lemma(opening.group(0))) == want:
            fits.append(p)
    return fits


def _leads(lemmas: list[str], verb: str, *led: str) -> bool:
    """Whether the words before a name say its holder leads what a label's role leads: its own verb
    («Председательствует …», «Модерировала дискуссию …»), or «вести» with one of the things of the roles.txt
    sections ``led`` as its object («Заседание вел торага …» for a chair: # sittings; «Вела эфир Мадина Жакупова»,
    «Разговор вела …» for a host: # broadcasts)."""
    from .wordlists import load_words

    return verb in lemmas or "вести" in lemmas and any(load_words("roles.txt", x) & set(lemmas) for x in led)


SOUND_BITE_REACH = 80  # characters of a sound bite's turn read for the name of whose words it is


def _named_in_label(tr: Turn, cast: Cast) -> Participant | None:
    """The person a role label names in brackets, after a dash or a comma: «КОРРЕСПОНДЕНТ (Алесь Климович):»,
    «СИНХРОН — Иван Ковальчук, агроном:», «Вопрос из зала, Бауржан Есенов, «Чемпионат»:». A label is in the
    nominative and names people: two capitalised words there are a given name and a surname even where the second
    reads as a patronymic too («Климович»)."""
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


_LABEL_NAME = regexes.compile(r"[(—–,][ \t]*([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё-]+)(?=[,)])")


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
    named = [p for p in cast.people() if p.learned and is_journalist(p)]
    return named[0] if len(named) == 1 else None


def is_journalist(p: Participant) -> bool:
    """Whether the text gives someone a journalist's post («корреспондент Алия Сейткали»)."""
    from .wordlists import load_words

    words = load_words("roles.txt", "journalist labels")
    return any(r.split()[0].lower() in words for r in p.roles if r)


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
    телевидение Армении)»), a briefing's journalist who opens it so («— Тимур Байзаков, «Вечерний Бишкек»: …»), or a
    direct line's caller who opens it by name («— Добрый день, это Сергей из …»);
    nobody when the brackets name an outlet alone («(News.am)»)."""
    if tr.kind != "question" or not tr.tooltip:
        return None
    from .names import is_patronymic

    name = tr.tooltip.split(",")[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    at = cast.text.find(name, tr.end)  # (a credit follows the question; a caller's name opens it)
    at = at if at >= 0 else cast.text.find(name, tr.label.start)
    if len(words) == 1 or len(words) == 2 and is_patronymic(words[1]):
        # a caller who gives a given name («это Сергей из Новобелицы»), maybe with a patronymic («меня зовут Тамара
        # Николаевна»): named by the given name
        return cast.given_name_person(words[0], at, at + len(words[0])) if at >= 0 else None
    return _person_named(words, cast, at)


def _person_named(words: list[str], cast: Cast, at: int) -> Participant:
    """The person a label or a credit names in the nominative, given name first, mentioned at ``at``: the given name
    as written («Гани», not «Ганя» whose genitive it could be), its sex from the dictionary only where it reads
    the same form, else from the surname."""
    from .names import first_name, surname_ending

    fn = first_name(words[0])
    sex = fn[1] if fn and fn[0] == words[0] else {"": "masc", "а": "femn"}.get(surname_ending(words[-1]) or "",
                                                                                fn[1] if fn else "masc")
    p = cast.person(words[0], words[-1], sex, nominative=True)
    if len(words) == 2 and p.first == words[0]:
        # a label is a nominative: «Ги Буше, главный тренер «Авангарда»:» first read as a case of «Буш»
        cast.to_nominative(p, words[-1])
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
