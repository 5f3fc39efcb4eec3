"""Where a name stands: what the words around two capitalised words say of the name's case and of whether
they are a name at all — a post or a role noun before it and its case, a preposition, a place noun, a verb
after it, a sentence's start.

``NamePlaces`` is a part of ``speakers.Cast`` (``name_forms.NameForms`` builds on it): its methods read the
cast's ``text`` around a position.
"""

from __future__ import annotations

import re

from . import morph, regexes
from .name_words import _PREPOSITIONS, _says_now
from .name_sex import _past_gender
from .roles import is_person_noun, is_role_word
from .text import norm_word, word_after, word_before
from .wordlists import load_words

_PLACE_AFTER_PREPOSITION = regexes.compile(r"(?<![\w-])(?:[Ии]з|[Вв]о?|[Нн]а|[Сс]о?|[Дд]о|[Оо]т|[Уу]) [а-яё]+ $")
_WORD_OR_MARK = regexes.compile(r"[\w-]+|[^\w\s«»\"„“”]")
_WORD_CHAR = regexes.compile(r"\w")
_LOWER_WORD_AFTER = regexes.compile(r"[ \t]+([а-яё]+)")
_NOUN_THEN_NAME = regexes.compile(r"(?<![\w-])([а-яё]{2,}) ([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")  # «префектуры Миядзаки»
# «района Кайнар Булак»: a lower-case noun, then two capitalised words (see _two_word_place); «ends» where the
# sentence goes on after them («района Кайнар Булак жалуются»)
_NOUN_THEN_TWO = regexes.compile(r"(?<![\w-])([а-яё]{3,}) ([А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+)(?P<ends>(?=[ \t]*[,.;:!?)]|[ \t]+[а-яё]))?")
# a proper adjective that names the place itself: «Туркестанской | области» (not «административного района»)
_ADJECTIVE_BEFORE = regexes.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:ой|ей|ого|его|ых|их)[ \t]+$")
_QUOTED = regexes.compile(r"«[^«»\n]*»|\"[^\"\n]*\"|„[^„“”\n]*[“”]")


def place_noun(word: str | None) -> bool:
    """Whether a word is a form of a place noun (organisations.txt # place nouns: «села», «жительница»)."""
    return word is not None and norm_word(morph.lemma(word)) in load_words("organisations.txt", "place nouns")


class NamePlaces:
    """The part of ``speakers.Cast`` that reads the place a name stands in."""

    def _sentence_start(self, start: int) -> bool:
        """Whether the word at ``start`` begins its sentence (after . ! ? …, a line break or nothing)."""
        before = self.text[max(0, start - 3) : start].rstrip(" \t\u00a0«\"„(")
        return not before or before[-1] in ".!?…\n"

    def _named_by_context(self, start: int, end: int) -> bool:
        """Whether the place of two capitalised words makes them a name the dictionary cannot tell:
        after a role («гендиректор Delko Ерлан Сейткали») or a speech verb («заявил Дейв Донателли»),
        before a role set off by a comma («Дейв Донателли, глава отдела …») or a past-tense verb."""
        if self._after_role(start):
            return True
        prev = re.findall(r"[\w-]+", self.text[max(0, start - 30) : start])
        if prev and re.search(r"\w\s*$", self.text[max(0, start - 30) : start]):
            from .quotes import is_speech_verb

            if is_speech_verb(prev[-1]):
                return True
        m = re.match(r"(,\s*)?([а-яё-]+)", self.text[end : end + 40].lstrip(" "))
        if m:
            word = m.group(2)
            return bool(_past_gender(word) or _says_now(word)) if not m.group(1) else is_person_noun(word)
        return False

    def _introduced_by_post(self, surname: str, start: int) -> bool:
        """Whether a pair with a patronymic's form follows a post in the narrative («Президент Беларуси Виктор
        Ковалевич предложил», «министр Андрей Лукашевич»): there a surname follows a post; a given name and
        a patronymic alone address someone, in a quote or a transcript."""
        return surname.lower().endswith(("ович", "евич", "ич")) and not self.in_quote(start) and self._after_role(start)

    def _verb_after(self, end: int) -> bool:
        """Whether a past-tense verb or a speech verb in the present follows right after («… заявил»,
        «… считает»): the words before it are its subject."""
        m = _LOWER_WORD_AFTER.match(self.text[end : end + 40])
        return m is not None and bool(_past_gender(m.group(1)) or _says_now(m.group(1)))

    def _after_role(self, start: int) -> bool:
        """Whether a role phrase stands right before: «гендиректор компании «Кызылжар Авто» Ерлан Сейткали»."""
        words = re.findall(r"[\w-]+|[^\w\s«»\"„“”]", self.text[max(0, start - 80) : start])
        for k, w in enumerate(reversed(words[-8:])):
            if w == "," and k:
                continue  # «министр труда, миграции и занятости населения Мехрангез Саидзода» (not «армиями, Герои …»)
            if w in ("—", "–") and not k:
                continue  # «Ведущий — Павел Ярошевич»: the post, a dash, the one holding it
            if not _WORD_CHAR.match(w) or morph.pos(w) == "VERB":
                return False  # (a verb ends the phrase: «Генеральный секретарь ЛАГ … призвал Совет Безопасности»)
            if is_role_word(norm_word(morph.lemma(w))) or (not w[:1].isupper() and is_person_noun(w)):
                return True  # «Министр энергетики Канат …», «главный инженер "Батыс су арнасы" Аян Таскали»
            if k == 1 and words[-1] in ("—", "–") and w.lower() in load_words("roles.txt", "transcript labels"):
                return True  # «Ведущий — Павел Ярошевич»: a transcript's label word is the post of the name after its dash
        return False

    def _instrumental_place(self, start: int) -> bool:
        """Whether the words before a name put it in the instrumental: «с», «со», or a role noun in it
        («вице-президентом банка», «с канцлером Германии»)."""
        if re.search(r"(?<![\w-])[Сс]о? $", self.text[max(0, start - 4) : start]):
            return True
        head = self._apposition_head(start)
        return head is not None and any(p.tag.case == "ablt" for p in morph.parses(head.lower())[:2]
                                        if p.tag.POS == "NOUN")

    def _before_place_noun(self, end: int) -> bool:
        """Whether a noun of a place follows right after (``organisations.txt # place nouns``: «Таласской области»)."""
        return place_noun(word_after(self.text, end))

    def _place_named_after(self, start: int) -> bool:
        """Whether a preposition and a place noun stand right before («из аймака», «в селе»): the
        capitalised word after them is the place's name."""
        return self._after_place_noun(start) and _PLACE_AFTER_PREPOSITION.search(
            self.text, max(0, start - 30), start) is not None

    def _after_place_noun(self, start: int) -> bool:
        """Whether a noun of a place stands right before (``organisations.txt # place nouns``: «деревни Кастри»)."""
        return self._after_noun_of(start, "place nouns")

    def _after_name_noun(self, start: int) -> bool:
        """Whether a noun a body's proper name follows stands right before (``organisations.txt # name nouns``:
        «Университета Рюкоку», «Университета Корё»)."""
        return self._after_noun_of(start, "name nouns")

    def _text_place(self, word: str) -> bool:
        """Whether the text writes ``word`` after a place noun somewhere («префектуры Миядзаки»), or after «из»
        («фонд «Мехр» из Ходжента»): it names that place wherever it stands («Жительница Миядзаки Юко Наката»,
        «мечети Ходжента Абдукаххор Шарифов»). Not after a place noun that a capitalised adjective names already
        («Фермер из Сарыагашского района Ерлан Жумабеков»: the name after it is a person's). The text is read once,
        when first asked."""
        if self._places_named is None:
            nouns = load_words("organisations.txt", "place nouns")
            self._places_named = frozenset(
                m.group(2) for m in _NOUN_THEN_NAME.finditer(self.text, 0, self.end)
                if (m.group(1) in ("из", "изо") or norm_word(morph.lemma(m.group(1))) in nouns)
                and not _ADJECTIVE_BEFORE.search(self.text, max(0, m.start() - 30), m.start()))
        return word in self._places_named

    def _two_word_place(self, a: str, b: str) -> bool:
        """Whether the text writes «a b» as a place's name: twice after a place noun that no adjective names
        («Жители района Кайнар Булак жалуются … Глава района Кайнар Булак Ерлан Мусин»), once with the sentence
        going on after it. Wherever the two stand they name the place, not a person. Not after «Туркестанской
        области» (a proper adjective names the place: «области Дархан Сатыбалды ответил» is the akim), nor a given
        name and a surname («района Анаит Саргсян»)."""
        from .names import known_first_name, listed_woman, surname_ending

        if self._two_word_places is None:
            nouns = load_words("organisations.txt", "place nouns")
            seen: dict[str, list[bool]] = {}
            for m in _NOUN_THEN_TWO.finditer(self.text, 0, self.end):
                if norm_word(morph.lemma(m.group(1))) in nouns \
                        and not _ADJECTIVE_BEFORE.search(self.text, max(0, m.start() - 30), m.start()):
                    seen.setdefault(m.group(2), []).append(m.group("ends") is not None)
            pairs = ((pair, *pair.split()) for pair, ends in seen.items() if len(ends) >= 2 and any(ends))
            self._two_word_places = frozenset(pair for pair, first, second in pairs if not known_first_name(first)
                                              and not listed_woman(first) and surname_ending(second) is None)
        return f"{a} {b}" in self._two_word_places

    def _after_noun_of(self, start: int, section: str) -> bool:
        before = word_before(self.text, start)
        return before is not None and norm_word(morph.lemma(before)) in load_words("organisations.txt", section)

    def _oblique_place(self, start: int) -> bool:
        """Whether the words before a name put it in an oblique case: the role noun it stands in apposition
        to cannot be a nominative («тренером Паоло Моретти»), or a preposition comes right before it."""
        head = self._apposition_head(start)
        # (not «Отец двоих учеников Ержан …»; «с певицей Ерке Есмахан»: a person noun is a head as a post is)
        if head is not None and (is_role_word(norm_word(morph.lemma(head))) or is_person_noun(head) and any(
                p.tag.POS == "NOUN" and "sing" in p.tag.grammemes for p in morph.parses(head.lower())[:2])):
            # (a plural's nominative is no apposition to one name: «директора комбината М. Курбанова» is a genitive)
            return not any({"nomn", "sing"} <= p.tag.grammemes
                           for p in morph.parses(head.lower())[:3] if p.tag.POS == "NOUN")
        before = re.search(r"([А-Яа-яЁё]+)\s+$", self.text[max(0, start - 30) : start])
        return before is not None and before.group(1).lower() in _PREPOSITIONS

    def _apposition_head(self, start: int) -> str | None:
        """The role noun heading the phrase a name stands in apposition to: «пресс-секретарю» in
        «пресс-секретарю президента России Дмитрию Пескову» (not «президента», its complement)."""
        line = self.text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
        line = _QUOTED.sub(" ", line)  # a quoted title is no head: «фильм «Степные волки» режиссера Нурлана …»
        before = _WORD_OR_MARK.findall(line)
        head = None
        right = None  # the word after ``w``
        for w in reversed(before[-8:]):
            if not _WORD_CHAR.match(w) or w.lower() in _PREPOSITIONS:
                break
            if w == "и" and right is not None and right.islower() \
                    and any(p.tag.POS == "NOUN" and "gent" in p.tag.grammemes for p in morph.parses(right)[:3]):
                right = w
                continue  # «Министр образования и исследований Молдовы»: two complements of one post
            if morph.parses(w.lower())[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS", "CONJ"):
                break
            right = w
            if is_role_word(norm_word(morph.lemma(w))) or (not w[:1].isupper() and is_person_noun(w)):
                if head is not None and not any("gent" in p.tag.grammemes for p in morph.parses(head.lower())[:3]):
                    break  # «заявила журналистам защитник …»: a noun before a nominative one does not head it
                head = w
        return head

    def _after_nominative_post(self, start: int) -> bool:
        """Whether the post a name stands in apposition to can only be a nominative («возглавляет профессор
        Университета Рюкоку Кадзуя Ямаути»): a name that shows no case is in that case too."""
        head = self._apposition_head(start)
        if head is None:
            return False
        nouns = [p for p in morph.parses(head.lower())[:4] if p.tag.POS == "NOUN"]
        return bool(nouns) and all("nomn" in p.tag.grammemes for p in nouns)

    def _accusative(self, start: int) -> bool:
        """Whether the words before a name put it in the accusative: a transitive verb, or a role noun in it."""
        head = self._apposition_head(start)
        if head is not None:
            return any("accs" in p.tag.grammemes for p in morph.parses(head.lower())[:2])
        before = re.findall(r"[\w-]+|[^\w\s]", self.text[max(0, start - 80) : start])
        for w in reversed(before[-6:]):
            if not _WORD_CHAR.match(w) or w.lower() in _PREPOSITIONS:
                return False
            if any(p.tag.POS == "VERB" and "tran" in p.tag.grammemes for p in morph.parses(w.lower())[:2]):
                return True
        return False
