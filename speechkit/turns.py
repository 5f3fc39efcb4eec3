"""Transcript and interview turns: who holds the floor, marked by labels or by the Q/A layout.

* Official transcripts (kremlin.ru, akorda.kz) mark each turn with initials, a surname and a colon;
  scrapers flatten the page so the labels stand mid-line after the previous turn's last sentence,
  sometimes followed by a tooltip ("А.Лукашенко Лукашенко Александр Григорьевич Президент … :").
* Role labels: «Вопрос:», «Корр.:», «Ведущий:» (roles.txt, ``# transcript labels``).
* Interviews print names at the start of a line: «Ауез Габбасов:», «АУЕЗ ГАББАСОВ:», «Ахметов:»,
  «**Айжан Бекова:**» (bold marks of a scraped page kept as asterisks), and the outlet's questions
  under its site's name: «24.kg:», «Tengrinews.kz:» (a journalist's turn).
* An interview without labels alternates dash paragraphs: «— Сколько туристов приехало?» (the
  journalist) and «— Почти десять миллионов.» (the interviewee the lead names).
"""

from __future__ import annotations

import functools
import dataclasses
import re
from dataclasses import dataclass

from . import morph, regexes
from .model import Span
from .name_words import _listed_nominative
from .names import CAP, UPPER, first_name, given_slot, listed_woman, place_or_body, surname_ending, surname_like
from .roles import is_person_noun
from .speech_verbs import is_speech_verb
from .text import SITE_SUFFIX, paragraphs
from .wordlists import load_sections

# a live blog or a timed transcript stamps its lines with the time before the label: «10:05 Садыр Жапаров: …»,
# «14:12. Президент: …», «[12:40] Ведущий: …», «10:05 — Жапаров: …»
_TIME = r"(?:[\[(][ \t]?)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?(?:[ \t]?[\])])?\.?[ \t]+(?:[—–-][ \t]+)?"
LINE_START = rf"^[ \t]*(?:{_TIME})?(?:\*\*)?"  # where a line's label may begin
_STAMPED_LINE = regexes.compile(rf"^[ \t]*{_TIME}", re.M)  # a live blog's entry: no turn runs on past it

# В.Путин: · С.Александровский: · К.-Ж.Токаев: · А.Лукашенко Лукашенко Александр Григорьевич Президент Республики Беларусь :
# a tooltip that repeats the surname and names the person («Травников Андрей Александрович») may go on
# with the post in lower-case words («Губернатор Новосибирской области»)
# at a line start a post may come first, and a description in brackets after: «Модератор Т. Бекова:», «А. Жумабеков
# (застройщик):»
LABEL = regexes.compile(
    r"(?<![\w.-])"
    rf"(?P<label>(?:^[ \t]*[А-ЯЁ][а-яё-]+[ \t]+)?(?P<initials>(?:[{UPPER}]\.\s?-?){{1,2}})(?P<surname>{CAP}))"
    r"(?P<tooltip>(?:\s+[А-ЯЁ][а-яё-]+|\s+[а-яё]{1,3}(?=\s+[А-ЯЁ])){0,10}?"
    r"|\s+(?P=surname)\s+[А-ЯЁ][а-яё-]+\s+[А-ЯЁ][а-яё-]+(?:\s+[^\s:]+){0,12}?)(?:[ \t]+\([^()\n:]{1,60}\))?\s?:\s",
    re.M,
)
_UPPER = r"[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?"
# at a line start: «Ауез Габбасов:», «АУЕЗ ГАББАСОВ:», «Ахметов:», «**Айжан Бекова:**»; a press conference's
# journalist with the outlet in brackets: «Мехрангез Каримова («Ховар»):»; a panel's speaker with the role after
# a comma: «Анна Беляева, архитектор:», «ОЛЕГ ДЕМЧЕНКО, ГЛАВА ОВА:»; a caller with a place: «Алия из Актау:»,
# «Ерлан Досов, Караганда:»
NAME_LABEL = regexes.compile(
    rf"{LINE_START}(?P<label>(?P<surname>{CAP}(?: {CAP}){{0,2}}|{_UPPER}(?: {_UPPER}){{0,2}}))"
    r"(?:[ \t]+\([^()\n:]{1,60}\)|,[ \t]+[а-яё][^:\n]{0,60}|,[ \t]+[А-ЯЁ]{2,}(?:[ \t]+[А-ЯЁ-]{2,}){0,6}"
    r"|(?P<caller>[ \t]+из[ \t]+[А-ЯЁ][а-яё-]+|,[ \t]+[А-ЯЁ][а-яё-]+))?"
    r"(?:\*\*)?[ \t]?:(?:\*\*)?[ \t]",
    re.M,
)
# at a line start, a post or description, then a full name: «Директор завода Мухтар Алиакбаров:»,
# «Депутат Сергей Ким:», «Управляющий директор компании «Шелл Казахстан» Сьюзан Эллиот:», «Докладчик, заместитель
# министра юстиции Тамар Гогиберидзе:»
POST_NAME_LABEL = regexes.compile(
    rf"{LINE_START}(?P<label>(?P<post>[{UPPER}][а-яё-]+,?(?:[ \t]+[^\s:]{{1,40}}){{0,8}}?)[ \t]+"
    rf"(?P<surname>{CAP} {CAP}))(?:\*\*)?[ \t]?:(?:\*\*)?[ \t]",
    re.M,
)
# at a line start, initials alone: «Т.Н.:», «Б.Т.:» — the interviewer's and the interviewee's, named in the lead
MONOGRAM_LABEL = regexes.compile(
    rf"{LINE_START}(?P<label>(?P<surname>(?P<initials>(?:[{UPPER}]\.[ \t]?){{2,3}})))(?:\*\*)?[ \t]?:(?:\*\*)?[ \t]",
    re.M,
)
# at a line start, a surname then initials, as a parliament's stenogram prints them: «Кузьмин А. В.:», «Горелова Т.С.:»
SURNAME_INITIALS_LABEL = regexes.compile(
    rf"{LINE_START}(?P<label>(?P<surname>{CAP})[ \t]+(?P<initials>(?:[{UPPER}]\.[ \t]?){{1,2}}))(?:\*\*)?[ \t]?:"
    r"(?:\*\*)?[ \t]",
    re.M,
)
# a parliament's stenogram prints its labels with a full stop, at a line start: «Кудрявцев А. М. Спасибо.»,
# «Председательствующий. Коллеги, …», «Голос из зала. А где …?» (see _stenogram_labels)
STENOGRAM_INITIALS_LABEL = regexes.compile(
    rf"^[ \t]*(?P<label>(?P<surname>{CAP})[ \t]+(?P<initials>(?:[{UPPER}]\.[ \t]?){{1,2}}))(?<=[. \t])"
    r"(?=[ \t]*[А-ЯЁA-Z«„\"—–])",
    re.M,
)
# at a line start, a briefing's journalist after the outlet: «Авеста (Зарина Рахимова):», «"Азия-Плюс" (Далер
# Шарипов):»; the name in brackets is the label's person
OUTLET_NAME_LABEL = regexes.compile(
    r"^[ \t]*(?:\*\*)?(?P<label>(?:[A-ZА-ЯЁ][\w.-]{1,30}(?:[ \t][A-ZА-ЯЁ][\w.-]{1,30})?|[«„\"][^»“\"\n]{1,40}[»“\"])"
    rf"[ \t]+\((?P<surname>{CAP} {CAP})\))(?:\*\*)?[ \t]?:(?:\*\*)?[ \t]",
    re.M,
)
# at a line start: «24.kg:», «Tengrinews.kz:» — the outlet's questions in its interview
OUTLET_LABEL = regexes.compile(rf"^[ \t]*(?:\*\*)?(?P<label>(?P<surname>\w[\w-]*{SITE_SUFFIX}))(?:\*\*)?[ \t]?:(?:\*\*)?[ \t]",
                          re.M | re.I)
# at a line start: «Sputnik:», «Kazinform:» — an outlet's name in Latin letters (see _outlet_name_labels)
LATIN_LABEL = regexes.compile(r"^[ \t]*(?:\*\*)?(?P<label>(?P<surname>[A-Z][A-Za-z]{2,20}))(?:\*\*)?[ \t]?:(?:\*\*)?[ \t]", re.M)
_DASH_PARA = regexes.compile(r"(?:\*\*)?[—–-][ \t\u00a0]+\S")  # within its line: a lone «—» opens nothing («**— …?**» bold)
SINGLE_TURN_WORDS = 5  # a lone label opens a turn when a sentence follows it
REQUEST_CHARS = 200  # a dash paragraph opening with «Расскажите …» up to this long is a question
LEAD_REACH = 3000  # characters before a one-word label where the text may name its person in full
_WORD_BEFORE = regexes.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+)[ \t]$")


def _label_words() -> list[str]:
    """The role labels of roles.txt (``# transcript labels``), longest first, as a regex alternation wants them."""
    return sorted(load_sections("roles.txt").get("transcript labels", ()), key=len, reverse=True)


# a post's label may name what the post is of: «Министр обороны:», «Аким области:», «Председатель правления КЕГОК:»
# (words in the genitive, see _post_complement; not a preposition: «Вопрос от читателя …:»)
_COMPLEMENT = r"(?P<complement>(?:[ \t]+(?!(?:от|из|с|со|в|во|на|о|об|по|к|у|для)[ \t])(?:[а-яё]+|[А-ЯЁ][а-яё]+|[А-ЯЁ]{2,6})){1,3})?"


def _post_complement(m: re.Match) -> bool:
    """Whether a role label's words after the role read as what a post is of: each a noun or an adjective in the
    genitive, or an abbreviation («Министр обороны», «Аким области», «Глава МИД»), after a role that is a post
    (not «Вопрос журналиста:», nor «Министр заявил:», a sentence)."""
    words = (m.group("complement") or "").split()
    if not words:
        return True
    sections = load_sections("roles.txt")
    role = m.group("surname")[: len(m.group("surname")) - len(m.group("complement"))].lower()
    if any(role in sections.get(k, ()) for k in ("journalist labels", "answer labels", "unnamed labels",
                                                  "sound bite labels")):
        return False
    return all(w.isupper() or any("gent" in q.tag and q.tag.POS in ("NOUN", "ADJF") for q in morph.parses(w.lower()))
               for w in words)


@functools.cache
def role_label() -> re.Pattern[str]:
    """Вопрос: · Корр.: · КОРР.: · Президент: — a role label (roles.txt) opening a line or a flattened sentence."""
    alts = "|".join(f"{re.escape(w[:1].upper() + w[1:])}|{re.escape(w.upper())}" for w in _label_words()) or "(?!)"
    # «Вопрос (телеканал «Хабар»):» at a press conference: the asking outlet in brackets
    # «Вопрос от читателя Алии из Шымкента:», «Вопрос из чата, без подписи:»: whom or where a question comes from
    # «СИНХРОН — Иван Ковальчук, председатель СПК:»: a TV transcript's sound bite names its speaker after a dash
    # «Вопрос из зала, Бауржан Есенов, «Чемпионат»:»: the one asking names themselves after a comma
    return regexes.compile(rf"(?:^|(?<=[.!?…»]\s))[ \t]*(?:{_TIME})?(?:\*\*)?(?P<label>(?P<surname>(?:{alts}){_COMPLEMENT}))\.?(?:[ \t]?\([^()\n:]{{1,80}}\)"
                      r"|[ \t]+(?:от|из)[ \t]+[^\n:.!?]{1,60}|[ \t]+[—–][ \t]+[^\n:.!?]{1,80}|,[ \t]+[А-ЯЁ][^\n:.!?]{1,80})?"
                      r"(?:\*\*)?\s?:(?:\*\*)?\s", re.M)


@functools.cache
def _stenogram_role_label() -> re.Pattern[str]:
    """«Председательствующий. …», «Голос из зала. …»: a role label (roles.txt) with a full stop, at a line start."""
    alts = "|".join(re.escape(w[:1].upper() + w[1:]) for w in _label_words()) or "(?!)"
    return regexes.compile(rf"^[ \t]*(?P<label>(?P<surname>{alts}))\.[ \t]+(?=[А-ЯЁA-Z«„\"—–])", re.M)


def _stenogram_labels(text: str, start: int, end: int) -> tuple[list, list]:
    """A stenogram's labels with a full stop (initials labels, role labels): two or more, one of them a surname
    with initials, else none (a line may open with «Иванов А. В.» in a list, with «Ответ.» in a letter)."""
    named = [(m, "initials") for m in STENOGRAM_INITIALS_LABEL.finditer(text, start, end)]
    roles = [(m, "role") for m in _stenogram_role_label().finditer(text, start, end)]
    return (named, roles) if named and len(named) + len(roles) >= 2 else ([], [])


@functools.cache
def _role_label_anywhere() -> re.Pattern[str]:
    """In a transcript flattened onto one line a role label may follow any word: «… журналистов Вопрос: …»."""
    return regexes.compile(role_label().pattern.replace(r"(?:^|(?<=[.!?…»]\s))", r"(?<![\w-])"), re.M)


@dataclass(frozen=True, slots=True)
class Turn:
    label: Span
    surname: str  # the label's words: a surname, a role word («Вопрос»), a full name
    initials: str
    tooltip: str
    start: int  # first character of the turn's text
    end: int
    kind: str = "initials"  # "initials" | "role" | "name" | "monogram" | "question" | "answer"


def _starts_turn(text: str, i: int) -> bool:
    """A label starts a turn unless the sentence runs into it: «… заявил В.Путин: «…»» is a quote.

    Scrapers flatten a page so that a label may follow any word of the header or of an inline block
    («… 19 апреля 2025 года В.Путин: …»); only a speech verb or a preposition right before it makes
    it part of a sentence.
    """
    before = text[max(0, i - 40) : i].rstrip()
    if not before or before[-1] in ".!?…»>)\n":
        return True
    word = re.findall(r"[\w-]+", before)
    if not word:
        return True
    last = word[-1]
    return not (last.lower() in _JOINING or is_speech_verb(last))


_JOINING = frozenset("в во на с со по для о об у к из за при от до и а но или что как".split())


def _is_name_label(words: str) -> bool:
    """«Ауез Габбасов», «АУЕЗ ГАББАСОВ», «Ахметов» read as a person's name (not «Итог», «Справка»)."""
    # (a surname written alike in every case is one too: «Пашинян», «Гоцеридзе»)
    parts = [w.capitalize() if w.isupper() else w for w in words.split()]
    if len(parts) == 1:
        return surname_ending(parts[0]) is not None or surname_like(parts[0]) or _listed_nominative(parts[0])
    return bool(first_name(parts[0])) or surname_ending(parts[-1]) is not None or surname_like(parts[-1]) \
        or _listed_nominative(parts[-1])


def _given_name_label(word: str) -> bool:
    """«Алия» of «Алия из Актау:»: a caller's given name alone, in the nominative."""
    fn = first_name(word) if " " not in word else None
    return fn is not None and fn[0] == word or " " not in word and listed_woman(word)


def _is_post_and_name(m: re.Match) -> bool:
    """«Директор завода Мухтар Алиакбаров»: the words before the name hold a person noun and no verb (not
    «Как сказал министр Ерлан Карин»), and the name reads as one."""
    words = [w.strip("«»\"„“”,") for w in m.group("post").split()]
    readings = [morph.parses(w.lower())[0].tag.POS for w in words if w]
    return any(is_person_noun(w) for w in words if w) and not {"VERB", "INFN", "GRND", "PRTS", "CONJ"} & set(readings) \
        and _is_name_label(m.group("surname"))


def _asked_and_answered(roles: list) -> bool:
    """«Вопрос: …» then «Ответ: …»: a question label and an answer label, in that order, are an interview
    however short (two other role labels may be prose: «Итог: …», «Справка: …»)."""
    sections = load_sections("roles.txt")
    kinds = [m.group("surname").lower().rstrip(".") for m, _ in roles]
    return len(kinds) == 2 and kinds[0] in sections.get("journalist labels", ()) \
        and kinds[1] in sections.get("answer labels", ())


def _named_in_text(text: str, m: re.Match, start: int, end: int) -> bool:
    """«Сатыбалды:» where the lead names «Дархан Сатыбалды»: a one-word label that the text writes after a
    capitalised word that may be a given name («Дархан», a name and a city) is that person's surname,
    whatever its shape. «Чжао Вэньбо:» where the lead names «Посол КНР … Чжао Вэньбо»: a label of two or
    three words the text wrote before, as they stand, is that person's name."""
    word = m.group("surname")
    # the lead stands before the label: only the text just before it is read (each label reads a bounded
    # stretch, so a text of many «Слово:» lines stays linear)
    lo = max(start, m.start() - LEAD_REACH)
    if " " in word:
        i = text.find(word, lo, m.start())
        return i >= 0 and not (text[i - 1 : i].isalnum() or text[i + len(word) : i + len(word) + 1].isalnum())
    if word.isupper():
        return False
    if _given_name_of_someone(text, word, lo, m.start()):
        return True
    i = text.find(" " + word, lo, m.start())
    while i >= 0:  # a plain search (a pattern compiled per label word was most of the cost of many labels)
        after = i + 1 + len(word)
        if after >= len(text) or not (text[after].isalnum() or text[after] == "-"):
            prev = _WORD_BEFORE.search(text, max(lo, i - 40), i + 1)
            if prev and (first_name(prev.group(1)) or given_slot(prev.group(1))):
                return True
        i = text.find(" " + word, i + 1, m.start())
    return False


def _given_name_of_someone(text: str, word: str, lo: int, hi: int) -> bool:
    """«Севара:» where the lead names «Севара Назарханова»: a one-word label the text wrote before as a given
    name, followed by a surname, is that person's given name (a podcast's hosts, a panel's speakers)."""
    if not (first_name(word) or given_slot(word)):
        return False
    i = text.find(word + " ", lo, hi)
    while i >= 0:
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-"):
            at = i + len(word) + 1
            pair = _AND_GIVEN.match(text, at)  # «Супруги Виктор и Елена Пак»: two given names, one surname
            nxt = _CAPITAL_AT.match(text, pair.end() if pair else at)
            if nxt and (surname_ending(nxt.group(0)) is not None or surname_like(nxt.group(0))
                        or not morph.analyzer().word_is_known(nxt.group(0).lower())  # («Сейткали»)
                        or text[i - 2 : i] not in (". ", "") and not place_or_body(nxt.group(0))):
                # (a capitalised word after a given name mid-sentence is a surname, whatever else the dictionary
                # reads in it: «Елена Пак»)
                return True
            if _CALLER.match(text, i + len(word)) and first_name(word) and first_name(word)[0] == word:
                return True  # «Андрей из Самары, вы в эфире. / Андрей: …»: a caller introduced by name and place
        i = text.find(word + " ", i + 1, hi)
    # «поговорила с основателем стартапа Тимуром Сагинтаевым … / Тимур: …»: the lead names them in a case, the given
    # name with a case ending of up to three letters, then a surname in the same case («Тимуром Сагинтаевым»)
    # («брокером Даной Сейтжановой … / Дана: …»: a woman's name in «-а» changes its last letter)
    stem = word[:-1] if word[-1:] in "ая" and len(word) > 3 else word
    i = text.find(stem, lo, hi)
    while i >= 0:  # (a plain search for the stem first: the pattern is tried only where it stands)
        m = _GIVEN_IN_A_CASE.match(text, i) if i == 0 or not text[i - 1].isalnum() else None
        fn = first_name(m.group(1) + m.group(2), oblique=True) if m is not None and m.group(1) in (word, stem) else None
        if fn is not None and fn[0] == word and (surname_ending(m.group(3)) not in (None, "") or surname_like(m.group(3))):
            return True
        i = text.find(stem, i + 1, hi)
    return False


_GIVEN_IN_A_CASE = regexes.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+?)(ом|ем|ой|ей|у|ю|а|я|е|ы|и)[ \t]([А-ЯЁ][а-яё]+)")
_AND_GIVEN = regexes.compile(r"и[ \t][А-ЯЁ][а-яё]+[ \t]")  # «Виктор | и Елена | Пак»
_CALLER = regexes.compile(r" из [А-ЯЁ][а-яё-]+")  # «Андрей| из Самары»
_CAPITAL_AT = regexes.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


def find_turns(text: str, start: int = 0, end: int | None = None) -> list[Turn]:
    """Turns of a transcript or an interview; none unless the text is laid out as one.

    Two labels or more, a clear run of role labels, one initials label before a speech («В.Путин:
    Уважаемые коллеги! …», opening remarks printed alone), or an interview's alternating dash
    paragraphs. Role labels count anywhere once initials labels show the text is a transcript.
    """
    end = len(text) if end is None else end
    labels = [(m, "initials") for m in LABEL.finditer(text, start, end) if _starts_turn(text, m.start())]
    labels += [(m, "initials") for m in SURNAME_INITIALS_LABEL.finditer(text, start, end)]  # «Кузьмин А. В.:»
    pattern = _role_label_anywhere() if labels else role_label()
    roles = [(m, "role") for m in pattern.finditer(text, start, end)
             if (not labels or _starts_turn(text, m.start())) and _post_complement(m)]
    named, spoken = _stenogram_labels(text, start, end)  # «Кудрявцев А. М. Спасибо.», «Председательствующий. …»
    labels += named
    roles += spoken
    posted = [(m, "name") for m in POST_NAME_LABEL.finditer(text, start, end) if _is_post_and_name(m)]
    taken = {m.start() for m, _ in posted}
    names = posted + [(m, "name") for m in NAME_LABEL.finditer(text, start, end) if m.start() not in taken
                      and (_is_name_label(m.group("surname")) or _named_in_text(text, m, start, end)
                           or m.group("caller") and _given_name_label(m.group("surname")))]
    taken = {m.start() for m, _ in names}
    names += [(m, "name") for m in OUTLET_NAME_LABEL.finditer(text, start, end)  # «Авеста (Зарина Рахимова): …»
              if m.start() not in taken and _is_name_label(m.group("surname"))]
    if len(names) >= 2:  # «Эрмек Токтогулов: … / Айжан: … / Бакыт Сулайманов: …»: among name labels, a given name's
        taken = {m.start() for m, _ in names}
        names += [(m, "name") for m in NAME_LABEL.finditer(text, start, end) if m.start() not in taken
                  and " " not in m.group("surname") and _given_name_label(m.group("surname"))]
    names += [(m, "question") for m in OUTLET_LABEL.finditer(text, start, end)]  # «24.kg: Кто поедет …?»
    names += _outlet_name_labels(text, start, end, {m.start() for m, _ in names})  # «Sputnik: Кто поедет …?»
    names += [(m, "monogram") for m in MONOGRAM_LABEL.finditer(text, start, end)]  # «Т.Н.: Куда они едут?»
    if len(names) + len(labels) + len(roles) >= 2 or (names and roles):
        labels += names
    if len(labels) + len(roles) < 2 or (not labels and len(roles) < 3 and not _asked_and_answered(roles)):
        if not (len(labels) == 1 and not roles
                and len(text[labels[0][0].end() : end].split()) >= SINGLE_TURN_WORDS):
            return _interview(text, start, end)
    found = sorted(labels + roles, key=lambda x: x[0].start())
    found = [x for k, x in enumerate(found) if k == 0 or x[0].start() >= found[k - 1][0].end()]
    turns = []
    first = found[0][0].start()
    # «Дилноза Юсупова: «…». / Бахром Алимов: «…».»: readers' comments, a vox pop: when every label is followed by one
    # quoted line, the last turn is its line too, and what follows is the author's
    quoted = [_QUOTED_LINE.match(text, m.end()) for m, _ in found]
    quoted = quoted if all(quoted) else None
    # «— Кто из вас придумал …? / Елена: …»: the journalist's dash questions right before the first label
    turns += _dash_questions(text, max(start, text.rfind("\n\n", start, first) + 1), first)
    for k, (m, kind) in enumerate(found):
        t0 = m.end()
        t1 = found[k + 1][0].start() if k + 1 < len(found) else quoted[k].end() if quoted else _authors_again(text, t0, end)
        stamp = _STAMPED_LINE.search(text, t0, t1)
        if stamp:  # «10:12 Токаев: … \n10:20. Токаев о цифровизации: «…»»: each time stamp opens an entry of its own
            t1 = stamp.start()
        label = Span(m.start("label"), m.end(), text[m.start("label") : m.end()])
        initials = (m.groupdict().get("initials") or "") if kind in ("initials", "monogram") else ""
        own = Turn(label, m.group("surname"), re.sub(r"\s+", " ", initials).strip(),
                   (m.groupdict().get("tooltip") or "").strip(), t0, t1, kind)
        # «Виктор: … / — Как делите обязанности? / Виктор: …»: from a dash question on, the dash lines between labels
        # are the journalist's questions and the answers of the one labelled last
        asked = _dash_questions(text, t0, t1, own)
        if asked:
            t1 = asked[0].label.start
        while t1 > t0 and text[t1 - 1].isspace():
            t1 -= 1
        if t1 > t0:  # (a label with no words after it has no turn)
            turns.append(dataclasses.replace(own, end=t1))
        turns += asked
    return turns


# a label's line that is one quote (a mark opening it, a mark closing it, a full stop maybe)
_QUOTED_LINE = regexes.compile(r"[ \t]*[«„\"“][^\n]*[»\"“”][.!?…]?(?=[ \t]*(?:\n|$))")
# a line that opens with a dash (its words up to the line's end; the spaces before them are the dash's alone)
_DASH_LINE = regexes.compile(r"(?:^|(?<=\n))[ \t]*([—–])[ \t]*(\S[^\n]*)")


def _dash_questions(text: str, lo: int, hi: int, answering: Turn | None = None) -> list[Turn]:
    """From the first dash question on a line of its own in ``text[lo:hi]``, each dash line as a turn: a question
    the journalist's, another line an answer of ``answering``'s speaker (a labelled transcript whose interviewer is
    no label: «— Как делите обязанности?» between «Виктор:» and «Елена:»; «— Алексей Николаевич, почему …? / — У
    Никиты небольшое повреждение …» after «Алексей Ткачук («Барыс»):»)."""
    out: list[Turn] = []
    for m in _DASH_LINE.finditer(text, lo, hi):
        words = m.group(2).rstrip()
        question = words.endswith("?")
        if not out and not question:
            continue  # (a speaker's own dash lines before any question stay theirs)
        dash = Span(m.start(1), m.end(1), m.group(1))
        q0, q1 = m.start(2), m.start(2) + len(words)
        if question:
            out.append(Turn(dash, "", "", "", q0, q1, "question"))
        elif answering is not None:
            out.append(dataclasses.replace(answering, start=q0, end=q1))
    return out


# a quote closed and attributed by a dash and a verb: «…», — заявил …
_ATTRIBUTED = regexes.compile(r"[»\"“”][,.!?…]*[ \t\u00a0]*[—–][ \t\u00a0]*([а-яё]+)")


# a paragraph's opening clause up to a colon before a quote («Главный тренер «Авангарда» Дмитрий Рябов был лаконичен: «…»)
_COLON_LEAD = regexes.compile(r"([^\n:.!?]{5,200}):[ \t\u00a0]*[«„\"“]")
# (the surname in a lookahead: «Потерпевший Данияр Оспанов» is read at «Потерпевший», then at «Данияр»)
_FULL_NAME = regexes.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+)(?=[ \t\u00a0]+[А-ЯЁ][а-яё]+)")


def _authors_again(text: str, start: int, end: int) -> int:
    """Where the last turn of a transcript ends: at the end, or at a later paragraph in the author's voice,
    one that attributes a quote with a dash and a speech verb («По итогам слушаний … «…», — заявил
    председатель комитета …»): no speaker in a transcript reports their own words so; or one that opens by
    naming someone in full and quoting them after a colon («Главный тренер «Авангарда» Дмитрий Рябов был
    лаконичен: «…»»): a speaker quoting someone else names them so seldom at a paragraph's start."""
    for para in paragraphs(text, start, end):
        if para.start <= start:
            continue  # the turn's own first paragraph
        if any(is_speech_verb(m.group(1)) for m in _ATTRIBUTED.finditer(text, para.start, para.end)):
            return para.start
        lead = _COLON_LEAD.match(text, para.start, para.end)
        if lead is not None and any((fn := first_name(m.group(1))) is not None and fn[0] == m.group(1)
                                    for m in _FULL_NAME.finditer(lead.group(1))):
            return para.start
        if _reports_in_third_person(text, para.start, para.end):
            return para.start
    return end


_FIRST_CLAUSE = regexes.compile(r"[^.!?\n:«]{5,200}")
_FIRST_PERSON = frozenset("я мы меня мне нас нам мной нами".split())


def _reports_in_third_person(text: str, start: int, end: int) -> bool:
    """Whether a paragraph opens with someone's speech reported by the author: a person noun in the nominative,
    then a speech verb in the past, no «я» or «мы» («После заседания премьер-министр написал в Facebook, что …»).
    A speaker in a transcript tells of their own words in the first person."""
    clause = _FIRST_CLAUSE.match(text, start, end)
    if clause is None:
        return False
    words = clause.group(0).split()
    lows = [w.strip(",;()«»\"").lower() for w in words]
    if _FIRST_PERSON & set(lows):
        return False
    for k, w in enumerate(lows):
        tag = morph.parses(w)[0].tag if w else None
        if tag is not None and tag.POS == "VERB" and "past" in tag.grammemes and is_speech_verb(w):
            return any(is_person_noun(x) and "nomn" in morph.parses(x)[0].tag.grammemes for x in lows[:k] if x)
    return False


def _outlet_name_labels(text: str, start: int, end: int, taken: set[int]) -> list:
    """«Sputnik:», «Kazinform:» at line starts: an outlet's name in Latin letters as the label of its
    questions, when the text uses it twice or more and a question follows it at least once."""
    found = [m for m in LATIN_LABEL.finditer(text, start, end) if m.start() not in taken]
    by_label: dict[str, list] = {}
    for m in found:
        by_label.setdefault(m.group("surname"), []).append(m)
    out = []
    for ms in by_label.values():
        asks = any("?" in text[m.end() : text.find("\n", m.end()) if text.find("\n", m.end()) >= 0 else end] for m in ms)
        if len(ms) >= 2 and asks:
            out += [(m, "question") for m in ms]
    return out


def _request(text: str, p: Span) -> bool:
    """Whether a dash paragraph opens with a polite imperative («Расскажите», «Поясните», «Назовите»)."""
    m = re.match(r"[—–-][ \t\u00a0]+([А-ЯЁ][а-яё]+те)\b", text[p.start : p.start + 40])
    return m is not None and any({"impr", "plur"} <= q.tag.grammemes for q in morph.parses(m.group(1).lower())[:2])


# a dash paragraph that opens by addressing someone as «вы»: «— Вас упрекают …», «— Ваши оппоненты говорят …»
_YOU_OPENING = regexes.compile(r"(?:\*\*)?[—–-][ \t\u00a0]+(?:(?:А|И|Но|Однако|Между тем),?[ \t]+)?"
                          r"(?:Вы|Вас|Вам|Вами|Ваш[а-я]*|вы|вас|вам|вами|ваш[а-я]*)(?![\w-])")


# a caller's self-introduction opening a dash paragraph: «— Здравствуйте, меня зовут Тамара Николаевна, …», «— Добрый
# день, это Сергей из Новобелицы.», «— Алло, я Гульнара, пенсионерка»: the name (a greeting first, but for «меня зовут»)
_GREETING = r"(?:Здравствуйте|Добрый[ \t]+(?:день|вечер)|Доброе[ \t]+утро|Алло|Приветствую)[,!.]?[ \t\u00a0]+"
_SELF_INTRODUCED = regexes.compile(
    rf"(?:\*\*)?[—–-][ \t\u00a0]+(?:{_GREETING}(?:[ЭэЯя]то|[Яя])[ \t\u00a0]+[—–-]?[ \t\u00a0]*"
    rf"|(?:{_GREETING})?[Мм]еня[ \t]+зовут[ \t\u00a0]+)([А-ЯЁ][а-яё]+(?:[ \t][А-ЯЁ][а-яё]+)?)(?=[,.!;—–\s])")
# a briefing's journalist names themselves and the outlet before the question: «— Тимур Байзаков, «Вечерний Бишкек»: …»,
# «— Асель Мамытова, Kaktus.media: …» (see _named_asker)
_NAMED_ASKER = regexes.compile(rf"(?:\*\*)?[—–-][ \t\u00a0]+(?P<name>{CAP}[ \t\u00a0]{CAP}),[ \t\u00a0]+"
                               r"(?P<outlet>[^:\n]{2,60}?)[ \t]?:[ \t\u00a0]+(?=\S)")
# a press conference's question, then who asked it in brackets at the paragraph's end: «— …? (Анна Бабаян,
# Общественное телевидение Армении)»
_CREDIT = regexes.compile(r"\?[ \t\u00a0]*\(([^()\n]{3,120})\)[ \t\u00a0*]*$", re.M)


def _named_asker(text: str, p: Span) -> re.Match | None:
    """«— Тимур Байзаков, газета «Вечерний Бишкек»: Сколько …?»: a dash paragraph that opens with a full name, a comma, an
    outlet (a capitalised or quoted name, or a media noun: «газета», «телеканал») and a colon is a journalist's
    question, theirs. Not an address: «— Марат Ержанович, скажите: …» (a given name and a patronymic)."""
    from .names import is_patronymic
    from .wordlists import load_words

    m = _NAMED_ASKER.match(text, p.start, p.end)
    if m is None or is_patronymic(m.group("name").split()[-1]):
        return None
    outlet = m.group("outlet")
    first = outlet.split()[0]
    if outlet[0].isupper() or outlet[0] in "«„\"“" \
            or morph.lemma(first.lower()) in load_words("organisations.txt", "media"):
        return m
    return None


def _paired_blocks(text: str, dashed: list[Span], questions: list[bool]) -> None:
    """«— Дмитрий Петрович, что стало поводом?\n— Поводом стало …\n\n— Компания утверждает, что …\n— Средняя — это …»:
    an interview printed as blocks of two dash lines between blank lines, most of them a question then an answer,
    puts the journalist's line first in every block, a remark as well as a question (``questions`` is updated)."""
    blocks: list[list[int]] = []
    for k, p in enumerate(dashed):
        if k and "\n" not in text[dashed[k - 1].end : p.start].strip(" \t\r\u00a0").replace("\n", "", 1):
            blocks[-1].append(k)  # (a single line break: the same block)
        else:
            blocks.append([k])
    if len(blocks) < 2 or any(len(b) != 2 for b in blocks):
        return
    asked = sum(questions[a] and not questions[b] for a, b in blocks)
    if asked >= 2 and 2 * asked >= len(blocks) and not any(questions[b] for _, b in blocks):
        for a, _ in blocks:
            questions[a] = True


def _interview(text: str, start: int, end: int) -> list[Turn]:
    """«— Сколько туристов приехало? / — Почти десять миллионов.»: questions and answers in dash paragraphs.

    A run of dash paragraphs counts when at least one question is answered by a paragraph that is no
    question; a question with its own attribution («— …? — спросил корреспондент») or an opening line
    with one is dialogue, not this. An answer with its own attribution («— …, — рассказывает Михаил
    Лесников») stays a quote; it names the interviewee.
    """
    from .quotes import has_dash_attribution

    dashed = [p for p in paragraphs(text, start, end) if _DASH_PARA.match(text, p.start)]
    if len(dashed) < 2:
        return []
    credits = [_CREDIT.search(text, p.start, p.end) for p in dashed]  # «— …? (Анна Бабаян, Общественное ТВ)»
    # a direct line's caller introduces themselves: «— Здравствуйте, меня зовут Тамара, я живу на улице …»
    callers = [_SELF_INTRODUCED.match(text, p.start) for p in dashed]
    askers = [_named_asker(text, p) for p in dashed]  # «— Тимур Байзаков, «Вечерний Бишкек»: …»
    questions = [p.text.rstrip().rstrip("*").endswith("?") or c is not None or i is not None or a is not None
                 for p, c, i, a in zip(dashed, credits, callers, askers)]
    for k, p in enumerate(dashed):
        # between answers, a request («— Расскажите, что прозвучит на концерте.») or a remark put to the
        # interviewee as «вы» («— Вас упрекают в том, что …») is a question
        if questions[k] or k + 1 == len(dashed) or questions[k + 1] or k and questions[k - 1]:
            continue
        if len(p.text) <= REQUEST_CHARS and _request(text, p) or k and _YOU_OPENING.match(text, p.start):
            questions[k] = True
    answered = sum(q and k + 1 < len(dashed) and not questions[k + 1] for k, q in enumerate(questions))
    for k in range(1, len(dashed) - 1):
        # «— Обещал …» / «— Минтранс обещал помочь с импортом.» / «— Обещал. Замминистра …»: in an interview of two
        # or more answered questions a new dash paragraph is a new speaker, so a short remark between two longer
        # answers is the journalist's
        if answered >= 2 and not (questions[k - 1] or questions[k] or questions[k + 1]) \
                and len(dashed[k].text) <= REQUEST_CHARS \
                and len(dashed[k].text) < min(len(dashed[k - 1].text), len(dashed[k + 1].text)):
            questions[k] = True
    _paired_blocks(text, dashed, questions)
    attributed = [has_dash_attribution(text, p) for p in dashed]
    first_answer = questions.index(True) + 1 if any(questions) else -1
    if any(a and (q or k == 0) for k, (a, q) in enumerate(zip(attributed, questions))) or sum(attributed) > 1 \
            or any(attributed) and attributed.index(True) != first_answer:
        # «— Когда? — спросил корреспондент.», answers of several named speakers: a dialogue, each line
        # with its speaker; an interview names its interviewee in the first answer at most
        return []
    if not any(q and k + 1 < len(dashed) and not questions[k + 1] for k, q in enumerate(questions)):
        return []
    turns = []
    for p, q, a, credit, caller, named in zip(dashed, questions, attributed, credits, callers, askers):
        if a:
            continue  # «— Двадцать два года, — рассказывает … Михаил Лесников»: an answer that names its speaker
            # is a quote of its own; the other answers are the interviewee's turns
        body = named.end() if named else _DASH_PARA.match(text, p.start).end() - 1
        dash = Span(p.start, body, text[p.start : body])  # (with a named asker, the name and outlet too)
        stop = p.end - (len(p.text) - len(p.text.rstrip("*"))) if text.startswith("**", p.start) else p.end
        if credit is not None:
            stop = credit.start() + 1  # the question ends at its mark; who asked it is in the brackets after
        asker = credit.group(1).strip() if credit else caller.group(1) if caller else \
            f"{named.group('name')}, {named.group('outlet')}" if named else ""
        turns.append(Turn(dash, "вопрос" if q else "", "", asker, body, stop, "question" if q else "answer"))
    return turns
