"""Whether a name is a woman's or a man's where it stands: the verb it is the subject of, a woman's noun before it,
the post it stands in apposition to, the text's other forms of its surname (``SexInContext._woman``: «Алия
Гинаятова» or a man's genitive «Руслана Жумагазиева»). What a given name or a surname's form says by itself,
with no text around, is in ``name_sex``; the case and gender of a name pair are read in ``name_forms``, which
asks these methods.

``SexInContext`` is a part of ``speakers.Cast`` (through ``people.PeopleLearning``): its methods read the cast's
``text``, the people it knows by surname (``by_key``) and the look-arounds of ``name_places`` (``_apposition_head``,
``_after_role``) and ``name_forms`` (``_text_has``).
"""

from __future__ import annotations

import re

from . import morph, regexes
from .name_words import _OBLIQUE, _PREPOSITIONS, _is_role
from .given_names import _AGE_BEFORE
from .names import (first_name, given_slot, known_first_name, nominative_given, place_or_body, surname_ending,
                    surname_key, surname_like)
from .name_sex import (_can_be_mans_genitive, _feminine_noun, _mans_oblique_name, _mostly_womans, _name_parses,
                       _participle_case, _past_gender, _reads_as_womans, _womans_name, listed_woman)
from .roles import is_person_noun, is_role_word
from .text import norm_word, word_before
from .wordlists import load_words

# longest first, then in alphabetical order: the pattern's text is the same in every process
_COPULA_DASH = regexes.compile(r"[ \t\u00a0]+[—–][ \t\u00a0]")  # «Гулноза Юнусова | — одна из первых …»
_FROM_PLACE = regexes.compile(r"(?<![\w-])(из) [А-ЯЁ][а-яё-]+ $")  # «студентка из Индии | Прия Шарма»
_AFTER_PREPOSITION = regexes.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_PREPOSITIONS, key=lambda p: (-len(p), p))) + r") $", re.IGNORECASE)


class SexInContext:
    """The part of ``speakers.Cast`` that reads a name's sex from the words around it."""

    def _verb_of_name(self, start: int, end: int) -> str | None:
        """The gender of the past-tense verb a name is the subject of: right after it («Мака Гогиберидзе
        заявила»), or before the role phrase it ends («— заявила глава агентства Мака Гогиберидзе»)."""
        if _AFTER_PREPOSITION.search(self.text, max(0, start - 12), start):
            return None  # «Встреча с Мака Гогиберидзе прошла»: no subject
        after = re.match(r"\s+([а-яё]+)", self.text[end : end + 40])
        if after and (g := _past_gender(after.group(1))) and not self._thing_before(start, g):
            return g
        closing = re.match(r",\s+([а-яё]+)", self.text[end : end + 40])
        if closing and (g := _past_gender(closing.group(1))) and self._apposition_opened(start):
            return g  # «Председатель жюри, французский кинокритик Клер Дюбуа, объяснила»: the verb after the apposition
        line = self.text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
        words = re.findall(r"[\w-]+|[^\w\s«»\"„“”]", line)
        for k in range(len(words) - 1, -1, -1):  # back over the role phrase to a speech verb (not «была пара
            w = words[k]  # Курт Вирес», nor «дел», «деть»'s past, in «Министр иностранных дел Эстонии Кейт …»)
            if w.lower() == "по" and k and is_person_noun(words[k - 1]):
                continue  # «специалист по керамике»: a post's complement
            if not re.match(r"\w", w) or w.lower() in _PREPOSITIONS:
                return None
            if g := _past_gender(w):
                from .quotes import is_speech_verb  # (quotes builds on the speaker model)

                kin = load_words("roles.txt", "relational nouns") | load_words("roles.txt", "serving nouns")
                if any(norm_word(morph.lemma(x)) in kin for x in words[k + 1 :]):
                    return None  # «— сказала жена Ли Цяна»: the verb is the wife's, the name another's
                if is_speech_verb(w):
                    return g
                # «В работе участвовала французский специалист … Клер Моро»: a verb in the feminine before a masculine
                # post agrees with the woman who holds it, not with the noun (not «была пара Курт Вирес»: the noun's)
                post = next((x for x in words[k + 1 :] if x[:1].islower() and is_person_noun(x)), None)
                return "femn" if g == "femn" and post is not None and _masculine_post(post) else None
        return None

    def _apposition_opened(self, start: int) -> bool:
        """Whether a comma opens, in the name's sentence and within a few words before it, the apposition the name
        closes («Председатель жюри|, французский кинокритик Клер Дюбуа»)."""
        lo = max(0, start - 80)
        comma = self.text.rfind(",", lo, start)
        return comma >= 0 and all(self.text.rfind(c, lo, start) < comma for c in ".!?\n:«»—")

    def _womans_noun_before(self, start: int, nominative: bool = False) -> bool:
        """Whether the word right before is a noun only a woman is («китаянку», «теннисистка»), or stands
        before a place it is from («студентка из Индии Прия Шарма»)."""
        place = _FROM_PLACE.search(self.text, max(0, start - 60), start)
        before = word_before(self.text, place.start(1) if place else start)
        return before is not None and is_person_noun(before) and _feminine_noun(before) \
            and norm_word(morph.lemma(before)) not in load_words("roles.txt", "relational nouns") \
            and (not nominative or any("nomn" in p.tag.grammemes for p in morph.parses(before.lower())[:2]))

    def _thing_before(self, start: int, gender: str) -> bool:
        """Whether the word right before ``start`` is a thing's noun in the nominative of ``gender``
        («Встреча», «Визит»): a subject a verb after the name can agree with."""
        m = re.search(r"([А-Яа-яЁё]+) $", self.text[max(0, start - 40) : start])
        # (not an abbreviation: «Спецпредставитель ЮНЕСКО Амина …», a body's name closes the post's complement)
        return m is not None and not m.group(1).isupper() and any(
            p.tag.POS == "NOUN" and {"inan", "nomn", "sing", gender} <= p.tag.grammemes
            for p in morph.parses(m.group(1).lower())[:2])

    def _woman(self, a: str, b: str, start: int, end: int) -> bool:
        """Whether «Алия Гинаятова» (not «Руслана Жумагазиева», a man's genitive) is a woman's nominative."""
        text = self.text
        # what the text says of the man first: a verb or a role next to the name may agree with a kinship
        # noun before it («бывшая супруга Куандыка Бишимбаева опубликовала …»), not with the name
        stem = surname_key(b)
        masculine = (first_name(a, oblique=True) or (nominative_given(a, "а"),))[0]
        if any(p.gender == "masc" and p.first == masculine for p in self.by_key.get(stem, ())):
            return False  # «Куандык Бишимбаев» named before: «жена Куандыка Бишимбаева» is his genitive
        from .people import _people_table  # (people builds on this module)

        known = _people_table().get(stem)
        if known is not None and known[1] == "masc" and known[0].split()[0] == masculine:
            return False  # «Владимира Путина»: a man the people table knows, in the genitive
        if surname_ending(b) is None and self._his_surname(b) and _can_be_mans_genitive(a, _name_parses(a)):
            # «Слова Георгия Гоцеридзе привела газета. … — заявил Гоцеридзе»: the text has the surname speak as a
            # man's («Кушнер» for «Александра Кушнера»), so the pair is his genitive, not a woman's nominative
            # (not «Исмаилова»: a woman's «-ова» is her own, whatever her brother says)
            return False
        if a.lower().endswith(("ом", "ем", "ём")) and len(a) > 4 and not listed_woman(a):
            return False  # «с канцлером Германии Олафом Шольцем»: a man's instrumental, no woman's form
        if b.lower() in self._label_surnames():
            return True  # «Нодира Юсупова» and «ЮСУПОВА:» labelling turns: a label is a nominative, hers
        if listed_woman(a):
            return True  # «Гульноза Рашидова»: a listed woman's name is no man's genitive (the list keeps out those)
        if _mans_oblique_name(a):
            # «Ивана», «Сергея»: a common man's name in an oblique case is his, whatever agrees with the
            # words around it («— заявила адвокат Ивана Петрова», «Жена Ивана Петрова сказала»)
            return False
        names = _name_parses(a)
        woman_name = any({"femn", "nomn"} <= p.tag.grammemes for p in names)
        if woman_name and not any("masc" in p.tag.grammemes for p in names) and morph.analyzer().word_is_known(a.lower()):
            # «Мария», «Анна»: no man's name reads in it, whatever the words around it say (not a name the dictionary
            # only guesses at: «блогера Сардора Иргашева» is Сардор's genitive)
            return True
        if not _can_be_mans_genitive(a, names):
            return True  # «Сауле Исаева», «Гульнар Исмаилова»: «Сауле», «Гульнар» are no man's genitive
        if surname_ending(b) == "а" and self._sentence_start(start) and _COPULA_DASH.match(text, end):
            # «Гулноза Юнусова — одна из первых женщин-машинистов»: a name opening a sentence before a dash is its
            # subject, a nominative (whoever else of the surname the text names: her father, «Абдулла Юнусов»)
            return True
        if not woman_name and surname_ending(b) not in (None, "") and self._text_has(stem, stem + "ым", stem + "ом"):
            # the text writes «Бишимбаев» too, and «Куандыка» is no woman's name (a surname that does not decline,
            # «Бенхадди», is written alike for both)
            return False
        if woman_name and b.lower() in self._her_surnames():
            return True  # «депутат сената Дина Кузьмина … — сказала Кузьмина»: the text has her speak
        age = _AGE_BEFORE.search(text, max(0, start - 30), start)
        if age is not None:
            # «не будет 41-летнего Фаридуна Назарова», «41-летняя Камола Назарова»: an age's adjective agrees with the name
            return age.group(1) in ("яя", "ей", "юю")
        line = text[max(0, start - 80) : start].rsplit("\n", 1)[-1]
        before = re.findall(r"[\w-]+|[^\w\s«»\"„“”]", line)  # quote marks are transparent: «движения "Женщины Казахстана" Даметкен …»
        k = len(before)
        while k > 1 and _genitive_modifier(before[k - 1]):
            k -= 1  # «сестра погибшего Айдоса Садыкова»
        if k and norm_word(morph.lemma(before[k - 1])) in load_words("roles.txt", "relational nouns"):
            # «мать Руслана Ахметова», «вдова Нурлана Абдиева»: the name after a kinship noun is the one
            # she is named by, in the genitive (whatever verb agrees with her), if it can be a man's
            # genitive at all; after «сын», «отец» no woman's name stands in apposition
            return False
        if self._after_role(start) and _second_name_after(text, end):
            # «сказала юрист Ерлана Сапарова Айгуль Нуртаева»: a post, the genitive of whom it serves,
            # then its holder's own name; the first pair is not the subject
            return False
        after = re.match(r"\s+([а-яё]+)", text[end : end + 40])
        if after:
            g = _past_gender(after.group(1))
            # «Встреча Нурлана Ногаева прошла»: the verb may agree with the thing before the name, whose
            # genitive the name then is; only a verb that cannot is evidence of the name's gender
            if g and not self._thing_before(start, g):
                return g == "femn"
        clause = re.match(r",\s+([а-яё]+)", text[end : end + 40])
        if clause and (read := _participle_case(clause.group(1))) and read[1] != "neut" \
                and not self._thing_before(start, read[1]):
            # «Шохина Ашурова, приехавшая на место, …», «Руслана Жумагазиева, погибшего …»: a participle's
            # clause after the name agrees with it in case and gender (unless with a thing before it)
            return read == ("nomn", "femn")
        if clause and text[max(0, start - 2) : start].strip() == "," and (g := _past_gender(clause.group(1))):
            # «Мать одного из погибших, Мунира Юсупова, обратилась к суду»: a name set off by commas after its
            # subject, then the subject's verb: the name is in apposition to it, of the verb's sex
            return g == "femn"
        verb_gender = None
        words = before[-8:]
        back = words[::-1]
        for k, w in enumerate(back):
            if not re.match(r"\w", w):
                break
            if w.lower() in ("из", "изо") and k == 1 and back[0][:1].isupper():
                continue  # «Экоактивистка из Улан-Удэ Дарима Цыденова»: a place after «из» is the noun's, not the name's
            if w.lower() in _PREPOSITIONS or w.lower() in ("словам", "мнению", "оценке"):
                return False  # «с Русланом …», «по словам подрядчика Нурлана Омарова»
            g = _past_gender(w)
            if g and k == 0:
                return g == "femn"  # «сказала Дана Исина»
            if is_role_word(norm_word(morph.lemma(w))) or is_person_noun(w):  # the role the name stands in apposition to
                w = self._apposition_head(start) or w
                # (a singular's cases: one person's name is no apposition to «директора» as a plural nominative)
                cases = {c for p in morph.parses(w.lower())[:3] for c in ("nomn", "gent", "accs", "datv", "ablt")
                         if c in p.tag.grammemes and "plur" not in p.tag.grammemes}
                at = len(words) - 1 - k
                if cases == {"nomn"} and at > 0 and _feminine_modifier(words[at - 1]):
                    return True  # «председательствующая судья Чынара Асаналиева»: the post's adjective is a woman's
                if cases == {"nomn"}:
                    # «руководитель управления туризма Алматы Динара Жумабаева»: her post; but a masculine
                    # verb before the post agrees with its holder, a man («— заявил адвокат Куандыка
                    # Бишимбаева»): the name is then a man's genitive, unless a woman's name is what it
                    # mostly reads as («Марина», not «Нурлана», «Ерлана»: Нурлан's, Ерлан's genitive too);
                    # a verb without gender («— говорит адвокат Ивана Петрова») leaves it to the given
                    # name: a man's genitive when no woman's name reads in it at all
                    verb = _verb_gender_before(words[: len(words) - 1 - k])
                    if verb == "masc":
                        return _mostly_womans(a)
                    if _feminine_noun(w):
                        return True  # «местная активистка Асия Тюлюбаева»: a woman's post, her name
                    if woman_name and norm_word(morph.lemma(w)) not in load_words("roles.txt", "serving nouns"):
                        # «— сказала депутат маслихата Дина Сейткалиева»: no one is a deputy «of» a man
                        # named after the post; «адвокат», «помощник» are someone's, and the rule below holds
                        return True
                    if verb is None and norm_word(morph.lemma(w)) not in load_words("roles.txt", "serving nouns") \
                            and a[-1:] in "ая" and (fn := first_name(a)) is not None and fn[0] != a and fn[1] == "masc":
                        # «Министр дошкольного и школьного образования Мунира Абдуллаева, выступая …»: after a post that
                        # is no one's servant, in the nominative, the name is in apposition and in the nominative too,
                        # and «Мунира» is no man's nominative (the dictionary knows it only as Мунир's case)
                        return True
                    if verb == "femn" and norm_word(morph.lemma(w)) not in load_words("roles.txt", "serving nouns"):
                        # «На вопросы ответила директор центра Камола Тошпулатова»: a woman holds a post that is no
                        # one's servant; no one directs a centre «of» a man named after it: the name is hers
                        return True
                    # a feminine verb agrees with a woman holding the post («заявила адвокат»), who may be
                    # the name or the name's advocate: a given name whose readings as a man's oblique case
                    # outweigh a woman's nominative («Дмитрия», «Руслана», «Айдоса») is his genitive, and
                    # the speaker is the post described in the text's own words, never a name the text
                    # may give to the one she speaks for; «Алия», «Асия» (data/womens_names.txt), «Марина» (a
                    # woman's nominative at 60% or more) and names the dictionary does not know are hers
                    return _womans_name(a)
                if "nomn" not in cases:
                    if not _can_share_case(a, w):
                        # a name agrees with the role it stands in apposition to: «Анна» is no dative, nor
                        # one name a plural's apposition («— заявила журналистам Анна Петрова»): the role
                        # noun is the verb's object, and the words before it decide
                        continue
                    return False  # «министра здравоохранения Алию …», «пресс-секретаря Руслана …»
                break
            if morph.parses(w.lower())[0].tag.POS in ("VERB", "INFN", "GRND", "PRTS"):
                verb_gender = g  # the verb the name may be the inverted subject of
                break
        if self._text_has(stem + "ой", stem + "ою"):
            return True
        if before and re.match(r"\w", before[-1]):
            p = morph.parses(before[-1].lower())[0]
            # a capital is a name's, unless the word begins its sentence («Встреча Куандыка Бишимбаева …»)
            initial = len(before) == 1 or before[-2] in (".", "!", "?", "…")
            if p.tag.POS == "NOUN" and "inan" in p.tag.grammemes and (initial or not before[-1][:1].isupper()):
                return False  # «встреча Владимира Путина»: a thing's genitive complement
            if p.tag.POS == "NOUN" and {"anim", "femn", "nomn"} <= p.tag.grammemes:
                return True  # «местная активистка Асия Тюлюбаева»: a woman's apposition
        if verb_gender:
            # «поделилась пенсионер и местная активистка Асия Тюлюбаева», «заявила жена Ивана Сергеева Марина Сергеева»
            return verb_gender == "femn"
        # no evidence: the dictionary's weights of the readings decide («Дмитрия» is a man's genitive at
        # 0.98, «Алия» a woman's nominative at a third); an unknown given name is read as written
        return _reads_as_womans(a)


_NEXT_PAIR = regexes.compile(r"[ \t]+([А-ЯЁ][а-яё]+)[ \t]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")


def _feminine_modifier(word: str) -> bool:
    """An adjective or participle that can only be a feminine nominative singular («председательствующая»)."""
    parses = [p for p in morph.parses(word.lower())[:3] if p.tag.POS in ("ADJF", "PRTF")]
    return bool(parses) and all({"femn", "nomn", "sing"} <= p.tag.grammemes for p in parses)


def _genitive_modifier(word: str) -> bool:
    """An adjective or participle that can be a genitive singular («погибшего», «бывшего»)."""
    return any(p.tag.POS in ("ADJF", "PRTF") and {"gent", "sing"} <= p.tag.grammemes
               for p in morph.parses(word.lower())[:3])


def _second_name_after(text: str, end: int) -> bool:
    """Whether another given name and surname follow a name pair right away («… Ерлана Сапарова
    Айгуль Нуртаева»): the second is a nominative pair (its surname a nominative, «Нуртаева», «Ли»)."""
    m = _NEXT_PAIR.match(text, end, end + 60)
    if m is None or not given_slot(m.group(1)) or _is_role(m.group(1)) or place_or_body(m.group(1)):
        return False
    if known_first_name(m.group(1)):
        return surname_ending(m.group(2)) in (None, "", "а") and surname_like(m.group(2))
    return surname_ending(m.group(2)) in ("", "а")


def _can_share_case(given: str, role: str) -> bool:
    """Whether a given name can stand in apposition to a role noun in an oblique case: some singular
    reading of the role shares a case with some reading of the name as a name («министра Алию»: both
    can be accusatives; «журналистам Анна»: a plural dative and a nominative cannot). A given name the
    dictionary does not know as a name can be in any case."""
    names = _name_parses(given)
    if not names:
        return True
    name_cases = {c for p in names for c in _OBLIQUE if c in p.tag.grammemes}
    role_cases = {c for p in morph.parses(role.lower())[:3] if "plur" not in p.tag.grammemes
                  for c in _OBLIQUE if c in p.tag.grammemes}
    return bool(name_cases & role_cases)


def _verb_gender_before(words: list[str]) -> str | None:
    """The gender of the verb that ends ``words`` (a role phrase's words may stand between: «заявил
    председатель правления»): ``masc`` or ``femn`` for a past tense, ``""`` for a verb without gender
    («говорит»), None when a mark, a preposition or the start of the line comes first; a comma between two
    person nouns is read past («ответила экономист, директор центра»: two titles of one person)."""
    back = words[::-1]
    for k, w in enumerate(back):
        if w == "," and k + 1 < len(back) and is_person_noun(back[k + 1]):
            continue
        if not re.match(r"\w", w) or w.lower() in _PREPOSITIONS:
            return None
        g = _past_gender(w)
        if g:
            return g
        if morph.parses(w.lower())[0].tag.POS == "VERB":
            return ""
    return None


def _masculine_post(word: str) -> bool:
    """Whether a person noun is of the masculine gender in the nominative («специалист», «министр»), as posts a woman
    holds are too."""
    return any(p.tag.POS == "NOUN" and {"masc", "nomn"} <= p.tag.grammemes for p in morph.parses(word.lower())[:3])
