"""Names that tie people into families: a couple under one plural surname («Супруги Айдар и Сауле
Жумабаевы») or one surname of one form after a noun of kin («Супруги Ольга и Андрей Шевчук»), a relative named
by a given name after whose relative they are («Мама Гаухар Сауле»), the elder and the younger of one surname
(«Садыков-старший»), the father's name with a Turkic particle («Улан Бакыт уулу», ``data/name_particles.tsv``), and
which of a family a surname's form names («Жумабекова» with «— добавила»).

``FamilyNames`` is a part of ``speakers.Cast`` (through ``people.PeopleLearning``): it adds people
through the cast's registry (``person``, ``mention``, ``by_key``).
"""

from __future__ import annotations

import functools
import itertools
import re

from . import morph, regexes
from .name_words import _is_role, _surname_slot
from .name_sex import _sex_of_form, _subject_of_verb, listed_woman
from .names import (CAP, CAP_AFTER, UPPER, feminine_given, first_name, given_slot, is_patronymic, nominative_given,
                    place_or_body, surname_ending, surname_key)
from .participants import Participant
from .text import norm_word, word_before
from .wordlists import load_table, load_words

_SENIORITY = regexes.compile(r"-(старш|младш)(?:ий|его|ему|им|ем|ая|ей|ую)(?![\w-])", re.I)  # «Садыков-старший»
# a family's plural surname: «Жумабаевы», «Жумабаевых» (a Russian or Turkic one, the woman's with «-а»),
# «Саркисяны», «Саркисянов» (an Armenian one, the same for a woman)
_PLURAL_SURNAME = (rf"([{UPPER}][а-яё]+(?:(?:ов|ев|ёв|ин|ын)(?=ы|ых|ым|ыми)|(?:ян|янц)(?=ы|ов|ам|ами|ах)))"
                   r"(ы|ых|ым|ыми|ов|ам|ами|ах)(?![\w-])")
# «Айдар и Сауле Жумабаевы», «Айдара и Сауле Жумабаевых»: two given names, «и», a family's plural surname
_COUPLE = regexes.compile(rf"({CAP}) и ({CAP}) {_PLURAL_SURNAME}")
# «Ольга и Виктор Ковалевские», «у Ольги и Виктора Ковалевских»: an adjectival surname's plural, his «-ий», her «-ая»
_ADJECTIVAL_COUPLE = regexes.compile(rf"({CAP}) и ({CAP}) ([{UPPER}][а-яё]+[сц]к)(ие|их|им|ими)(?![\w-])")
# «Отец и сын Садыковы — Ерлан и Марат — …», «Супруги Ли — Ольга и Виктор —»: the family, then its given names
# between dashes (an invariant surname only after a noun of kin: «Супруги»)
_FAMILY_THEN_NAMES = regexes.compile(
    rf"(?:{_PLURAL_SURNAME}|(?<=[Сс]упруги )({CAP}))[ \t\u00a0]*[—–][ \t\u00a0]*({CAP}) и ({CAP})(?=[ \t\u00a0]*[—–,])")
_WORD = regexes.compile(r"[\w&’'-]+")
# «Супруги Ольга и Андрей Шевчук», «брат и сестра Марат и Дана Ли»: two given names, «и», one surname that does not
# change with sex or number (see _kin_couple_names, which finds where to match it)
_SHARED_SURNAME = regexes.compile(rf"({CAP}) и ({CAP}) ({CAP})(?![\w-])")
_GENDERED_SURNAME = regexes.compile(r"(?:ов|ев|ёв|ин|ын|ий|ый|ой|ая|ва|на|ья)$")
_GIVEN_ENDINGS = ("ом", "ем", "ой", "ей", "у", "ю", "е")  # a given name the dictionary lacks, declined


@functools.cache
def _particle_sexes() -> dict[str, str]:
    return {row["particle"]: row["sex"] for row in load_table("name_particles.tsv") if row.get("particle")}


@functools.cache
def _particle_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """«Улан Бакыт уулу» (a given name, a father's name, a particle) and «Бакыт уулу»."""
    alts = "|".join(sorted((re.escape(p) for p in _particle_sexes()), key=len, reverse=True))
    if not alts:
        return None, None
    word = r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)"
    return (regexes.compile(rf"(?<![\w-]){word}[ \t]+{word}[ \t]+({alts})(?![\w-])"),
            regexes.compile(rf"(?<![\w-]){word}[ \t]+({alts})(?![\w-])"))


class FamilyNames:
    """The part of ``speakers.Cast`` that reads family names (see the module's docstring)."""

    def _couple_names(self, taken: set[int]) -> None:
        """«Супруги Айдар и Сауле Жумабаевы», «у Айдара и Сауле Жумабаевых»: two given names joined by «и»
        before a surname in the plural are two people of that family, each of the sex their name says; the
        plural nominative (-ы) is a subject."""
        text, end = self.text, self.end
        if " и " not in text:
            return
        for m in _COUPLE.finditer(text, 0, end):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
                continue
            self._couple(m, m.group(3), m.group(4) == "ы", (1, 2), m.end(), taken, m.start(3))
        for m in _ADJECTIVAL_COUPLE.finditer(text, 0, end):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
                continue
            self._couple(m, m.group(3), m.group(4) == "ие", (1, 2), m.end(), taken, m.start(3), adjectival=True)
        for m in _FAMILY_THEN_NAMES.finditer(text, 0, end):
            stem = m.group(1) or m.group(3)
            if m.start(4) not in taken:  # the names between dashes are written as a subject is: the nominative
                pair = self._couple(m, stem, True, (4, 5), m.end(5), taken, m.start(1) if m.group(1) else m.start(3))
                if pair:
                    self._respective_kin(pair, m.start())

    def _kin_couple_names(self, taken: set[int], caps: list[re.Match]) -> None:
        """«Супруги Ольга и Андрей Шевчук», «Брат и сестра Марат и Дана Ли»: after a noun of kin, two given names
        joined by «и» before a surname that keeps one form for a man and a woman are two people of that family.
        (Without the kin noun, «Ольга и Андрей Шевчук» may be Ольга of another family; a surname that takes a
        woman's form is one person's: «Ольга и Андрей Иванов».) ``caps``: the text's capitalised words, in order."""
        text = self.text
        kin = None
        for a, b, c in zip(caps, caps[1:], caps[2:]):
            if text[a.end() : b.start()] != " и " or text[b.end() : c.start()] != " " or a.start() in taken \
                    or _GENDERED_SURNAME.search(c.group(0)) or a.start() and (text[a.start() - 1].isalnum()
                                                                               or text[a.start() - 1] == "-"):
                continue
            kin = kin or (load_words("roles.txt", "relational nouns") | load_words("roles.txt", "junior kin")
                          | load_words("roles.txt", "senior kin"))
            before = [norm_word(morph.lemma(w.group(0))) for w in _WORD.finditer(text, max(0, a.start() - 30), a.start())]
            if before and before[-1] in kin:
                m = _SHARED_SURNAME.match(text, a.start())
                if m is not None:
                    self._couple(m, m.group(3), True, (1, 2), m.end(), taken, m.start(3))

    def _relative_by_given_name(self, a: str, b: str, start: int, b_start: int, b_end: int) -> bool:
        """«Мать Георгия Нино», «Мама Гаухар Сауле»: after a noun of kin (roles.txt # relational nouns), the given name
        ``a`` of someone the text named before, in any case, then a given name ``b`` in the nominative that is no
        one's there: whose relative, then the relative, who is added by the given name (True when so)."""
        before = word_before(self.text, start)
        if before is None or norm_word(morph.lemma(before)) not in load_words("roles.txt", "relational nouns"):
            return False
        fb = _given_name_here(b)
        if fb is None or surname_ending(b) is not None or b.lower() in self.first_names():
            return False
        if (after := CAP_AFTER.match(self.text, b_end)) is not None and _surname_slot(after.group(1), after_given=True) \
                and not is_patronymic(after.group(1)):
            return False  # «Отец Лаши Георгий Беридзе»: the relative's given name and surname, a pair read as one
        owner = {a, *((first_name(a, oblique=True) or ("",))[:1])}
        if not any(x.lower() in self.first_names() for x in owner if x):
            return False  # (a set of the cast's given names, not a pass over its people at each pair)
        p = self.given_name_person(b, b_start, b_end, fb[1])
        self._roles_around(p, b_start, b_end)
        return True

    def _respective_kin(self, pair: list[Participant], at: int) -> None:
        """«Отец и сын Садыковы — Ерлан и Марат»: two kinship words before the family's names give the elder and
        the younger of its given names, in order (roles.txt # senior kin, # junior kin)."""
        words = [norm_word(morph.lemma(w.group(0))) for w in _WORD.finditer(self.text, max(0, at - 40), at)][-3:]
        if len(words) < 3 or words[1] != "и":
            return
        junior, senior = load_words("roles.txt", "junior kin"), load_words("roles.txt", "senior kin")
        ranks = ["j" if w in junior else "s" if w in senior else "" for w in (words[0], words[2])]
        if sorted(ranks) == ["j", "s"]:
            younger = pair[ranks.index("j")]
            self._younger[id(pair[0])] = self._younger[id(pair[1])] = younger

    def _couple(self, m: re.Match, stem: str, subject: bool, groups: tuple[int, int], last: int, taken: set[int],
                family: int, adjectival: bool = False) -> list[Participant]:
        """The two people of a couple's match (none if a word is no given name): their given names in ``groups``,
        ``stem`` their family's surname (a woman's with «-а» where a Russian or Turkic one takes it; an ``adjectival``
        one's «Ковалевск» with his «-ий», her «-ая»), ``family`` where it stands; the first mentioned at the given name,
        the second up to ``last``."""
        text = self.text
        people = []
        for k in groups:
            word = m.group(k)
            fa = (word, "femn") if listed_woman(word) else \
                first_name(word) if subject else (first_name(word, oblique=True) or first_name(word))
            if fa is None and subject and given_slot(word) and not morph.analyzer().word_is_known(word.lower()):
                fa = (word, None)  # «Ерлан»: a name the dictionary lacks, of the sex the other one is not
            if fa is None or _is_role(word) or place_or_body(word):
                return []
            people.append((fa, m.start(k)))
        sexes = [sex for (_, sex), _ in people]
        if None in sexes:
            # «супруги Ерлан и Салтанат Абеновы»: spouses are one of each, a man first where nothing says;
            # anyone else («братья Ерлан и Марат») is a man unless the name is listed as a woman's
            spouses = re.search(r"(?<![\w-])[Сс]упруг(?:и|ов|ам|ами|ах)\s+$", text[max(0, m.start() - 12) : m.start()])
            other = next((x for x in sexes if x is not None), "femn")
            fill = ["masc", "masc"] if not spouses else \
                ["masc" if other == "femn" else "femn"] * 2 if sexes.count(None) == 1 else ["masc", "femn"]
            people = [((g, sex or fill[k]), at) for k, ((g, sex), at) in enumerate(people)]
        feminine = "а" if re.search(r"(?:ов|ев|ёв|ин|ын)$", stem) else ""
        his, hers = ("ий", "ая") if adjectival else ("", feminine)
        made = []
        for (given, sex), at in people:
            p = self.person(given, stem + (hers if sex == "femn" else his), sex, nominative=True)
            self.mention(p, at, at + len(text[at:].split(" ", 1)[0]) if at == m.start(groups[0]) else last, subject)
            made.append(p)
        taken.update((*(m.start(k) for k in groups), family))
        return made

    def _particle_names(self, taken: set[int]) -> None:
        """«Улан Бакыт уулу», «Айпери Кубанычбек кызы»: a given name, a father's name and a particle
        (data/name_particles.tsv) are a person whose surname is the last two words, of the particle's
        sex; «Бакыт уулу» alone later is a mention of them (not of a man called Бакыт)."""
        full, bare = _particle_patterns()
        text, end = self.text, self.end
        sexes = _particle_sexes()
        if full is None or not any(f" {p}" in text for p in sexes):
            return  # most texts name no one so: a look for each particle first, not a regex at every capital
        for m in full.finditer(text, 0, end):
            a, b, particle = m.group(1), m.group(2), m.group(3)
            if _is_role(a) or place_or_body(a) or place_or_body(b):
                continue
            fa = first_name(a) or first_name(a, oblique=True)
            ending = next((e for e in _GIVEN_ENDINGS if a.endswith(e) and len(a) > len(e) + 2), None)
            sex = sexes[particle.lower()]
            declined = (feminine_given if sex == "femn" else nominative_given)(a, ending) if ending else a
            given = fa[0] if fa else declined  # «с Уланом Бакыт уулу», «с Мадиной Рустам кизи»
            p = self.person(given, f"{b} {particle}", sex, nominative=True)
            self.mention(p, m.start(), m.end(), given == a)
            taken.update((m.start(1), m.start(2)))
        for m in bare.finditer(text, 0, end):
            if m.start() in taken:
                continue
            people = self.by_key.get(surname_key(f"{m.group(1)} {m.group(2)}"), ())
            if people:
                self.mention(people[-1], m.start(), m.end(), True)
                taken.add(m.start())

    def _by_seniority(self, people: list[Participant], rank: str) -> Participant | None:
        """Of two sharing a surname, the elder («старш…») or the younger («младш…»): the one introduced
        right after a kinship word of ``roles.txt # junior kin`` («сыну Ерлану Садыкову», «младший брат»)
        is the younger, of ``# senior kin`` («отец») the elder; the other is the other."""
        if len(people) != 2:
            return None
        younger = self._younger.get(id(people[0]))
        if younger is not None and self._younger.get(id(people[1])) is younger:
            return younger if rank.startswith("младш") else people[1 - people.index(younger)]
        junior, senior = load_words("roles.txt", "junior kin"), load_words("roles.txt", "senior kin")
        for k, p in enumerate(people):
            # where the text names them: their mentions, and their given name alone («его сын Максим»), first first
            spots = sorted({m.start for m in p.mentions} | set(self._given_name_spots(p.first)))
            for first in spots[:4]:
                before = list(_WORD.finditer(self.text, max(0, first - 60), first))[-6:]
                # the kinship word may head an apposition: «и его сын, нынешний генеральный директор Нурлан …»
                # (back to the «и» or the person named before, whose words are another's)
                cut = max((j + 1 for j, w in enumerate(before) if w.group(0) == "и" or (q := self.at(w.start()))
                           is not None and q.kind == "person"), default=0)
                lemmas = {norm_word(morph.lemma(w.group(0))) for w in before[cut:]}
                younger = p if lemmas & junior else people[1 - k] if lemmas & senior else None
                if younger is not None:
                    return younger if rank.startswith("младш") else people[1 - people.index(younger)]
        return None

    def _given_name_spots(self, given: str | None) -> tuple[int, ...]:
        """The first four places the text writes a given name alone as a word (read once per name and text)."""
        if not given:
            return ()
        if given not in self._given_spots:
            found = re.compile(rf"(?<![\w-]){re.escape(given)}(?![\w-])").finditer(self.text, 0, self.end)
            self._given_spots[given] = tuple(m.start() for m in itertools.islice(found, 4))
        return self._given_spots[given]

    def _pick(self, people: list[Participant], pos: int, word: str = "") -> Participant:
        """Of a family sharing a surname, the one the form at ``pos`` is of, else the one last named before.

        «Жумабеков», «Жумабековым» are his, «Жумабековой» hers; «Жумабекова» is the sex of a past-tense verb
        after it, hers after a speech verb of hers or in the present with the clause ending after it
        («— считает Ахметова.»), and either's otherwise (his genitive, her nominative)."""
        if len(people) == 1:
            return people[0]
        rank = _SENIORITY.match(self.text, pos + len(word)) if word else None
        if rank is not None:  # «Садыков-старший»
            ranked = self._by_seniority(people, rank.group(1).lower())
            if ranked is not None:
                return ranked
        sex = _sex_of_form(self.text, pos, word) if word else None
        if word and surname_ending(word) is None:  # «— рассказала Шевчук» of Ольга and Андрей Шевчук: the verb's
            sex = _subject_of_verb(self.text, pos, word)
        fits = [p for p in people if p.gender == sex] or people
        return max(fits, key=lambda p: (m.start if (m := p.last_before(pos)) else -1))


def _given_name_here(word: str) -> tuple[str, str | None] | None:
    """A given name in the nominative, with its sex where known: listed («Сауле»), read so by the dictionary
    («Нино»), or one it lacks with no surname's ending («Ерлан»: sex unknown); None for anything else."""
    if listed_woman(word):
        return (word, "femn")
    fn = first_name(word)
    if fn is not None:
        return fn if fn[0] == word else None
    return (word, None) if given_slot(word) and not morph.analyzer().word_is_known(word.lower()) else None
