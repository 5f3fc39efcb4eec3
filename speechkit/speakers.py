"""The speaker model of one document: every person, organisation and group it mentions.

``Cast`` holds the participants (``participants.Participant``) and their mentions in text order, and
answers what an attribution asks of them: who a mention names (``at``), what a pronoun or a
subjectless verb points back to (``antecedent``), who holds a post (``holder``), the text's main
actor and the country it is about. Each mention keeps its span and whether it can be a sentence's
subject (the nominative), which is what pronouns and roles are resolved against.

The people are learnt when a cast is made (``people``; the case and gender of a name in
``name_forms``); organisations and groups when ``attribution.learn_organisations`` reads the text
(``bodies``): an organisation's key is its lemmas with short forms spelt out (``org_key``).
"""

from __future__ import annotations

import bisect
import functools

from . import morph, regexes
from .names import declined_zoda, nominative_surname, surname_ending, surname_key
from .participants import Mention, Participant
from .people import PeopleLearning, _people_table
from .phrase_forms import _nominative_head  # noqa: F401 - re-exported: attribution imports it from here
from .roles import Post, country_of_word, country_words
from .text import LOWER_WORD, sentence_breaks
from .wordlists import load_sections, load_words, org_aliases

SUBJECT_SENTENCES = 3  # how many sentences back a pronoun looks for its antecedent
VOICED_REACH = 100  # characters before a name where «По словам …» is looked for


@functools.cache
def _org_sections() -> dict[str, tuple[str, ...]]:
    return load_sections("organisations.txt")


def org_heads() -> frozenset[str]:
    return frozenset(_org_sections().get("heads", ()))


def org_key(lemmas: list[str]) -> tuple[str, ...]:
    """Lemmas with short forms spelt out: «Минфин» and «Министерство финансов» share a key."""
    out: list[str] = []
    for lem in lemmas:
        out.extend(org_aliases().get(lem, (lem,)))
    return tuple(out)


_REPORTED_THAT = regexes.compile(r"(?<![\w-])что[ \t]+$")  # «пишет, что | Смирнов …»
CLAUSE_REACH = 200  # characters before a mention read for the clause it stands in (a sentence may be huge)
# a clause opened after a comma inside a sentence: a relative pronoun or a conjunction, maybe after a preposition
_CLAUSE_OPENS = regexes.compile(r",\s+(?:[а-яё]{1,3}\s+)?(?:котор[а-яё]+|что|чтобы|где|куда|когда)(?![а-яё])")


class Cast(PeopleLearning):
    """The participants of one text and their mentions, in text order."""

    def __init__(self, text: str, end: int | None = None, quoted: list[tuple[int, int]] = (),
                 skip: list[tuple[int, int]] = ()) -> None:
        self.text = text
        self.skip = sorted(skip)  # page furniture: nobody there is a participant
        self.end = len(text) if end is None else end
        self.quoted = sorted(quoted)  # quote and turn spans: mentions inside are no antecedents
        self._quoted_starts = [a for a, _ in self.quoted]
        self.participants: list[Participant] = []
        self._by_name: dict[str, Participant] = {}
        self.by_key: dict[str, list[Participant]] = {}
        # the author's sentences: a quote of five sentences puts no distance between its speaker and
        # the pronoun after it
        self._sentence_starts = [0] + [b for a, b in sentence_breaks(text, 0, self.end) if not self.in_quote(a)]
        self.addresses: list[tuple[str, str]] = []  # «Владимир Владимирович»: (first name, patronymic)
        self.aliases: dict[str, Participant] = {}  # «КСИР» → the body it abbreviates
        self._index: list[tuple[Mention, Participant]] = []  # every mention, in text order
        self._index_starts: list[int] = []
        self.learning = True  # participants added from now on come from resolving attributions
        self._places_named: frozenset[str] | None = None  # words after a place noun (name_places._text_place)
        self._two_word_places: frozenset[str] | None = None  # «района Нор Норк» (name_places._two_word_place)
        self._given_spots: dict[str, tuple[int, ...]] = {}  # where a given name stands alone (families)
        self._younger: dict[int, Participant] = {}  # «Отец и сын Садыковы — Ерлан и Марат»: id of each → the son
        self._title_ends: list[int] | None = None  # where the text's one-name titles end (given_names)
        self.reporter: tuple[Participant | None] | None = None  # who signs a TV report off (turn_speakers._signed_off)
        self.byline: tuple[Participant | None] | None = None  # who a column's byline names (attribution._byline_author)
        self._given_before: dict[str, bool] = {}  # surname key → whether another given name precedes it (people)
        self._pairs: dict[str, list] | None = None  # capitalised words before a surname, by its key (people)
        self._firsts: tuple | None = None  # (participants then, their given names, who has each in full): first_names
        self.short_fits: dict[str, tuple[int, list]] = {}  # a listed short name → bodies it may stand for (bodies)
        self._learn_people()

    # ------------------------------------------------------------ registry
    def get(self, name: str) -> Participant | None:
        return self._by_name.get(name)

    def add(self, p: Participant) -> Participant:
        """Register a participant, or return the one already holding its canonical name."""
        old = self._by_name.get(p.name)
        if old is not None:
            return old
        p.learned = self.learning
        self.participants.append(p)
        self._by_name[p.name] = p
        if p.kind == "person" and p.key:
            self.by_key.setdefault(p.key, []).append(p)
        return p

    def person(self, first: str | None, surname: str, gender: str, nominative: bool = False) -> Participant:
        # (a «-зода» in a case is one whatever the words around say: «министра … Сафарали Назарзоды»)
        sur = surname if nominative and not declined_zoda(surname) else nominative_surname(surname, gender)
        key = surname_key(sur)
        known = _people_table().get(key) if not nominative else None
        if known is not None and known[1] == gender and known[0].split()[0] == first \
                and sur != known[0].split()[-1] and known[0].split()[-1].startswith(sur[:3]):
            # «президента Таджикистана Эмомали Рахмона»: a foreign surname's case ending comes off where
            # the people table knows the bare form
            sur = known[0].split()[-1]
        for p in self.by_key.get(key, ()):
            if p.first == first or (first and p.first and p.first[:1] == first[:1] and p.known):
                return p
            if first is None and nominative and p.gender == "femn" and surname_ending(sur) == "":
                continue  # «— говорит Ахмедов» after «Зарина Ахмедова»: a man's form is someone else of her family
            if first is None or p.first is None:
                return p
        name = f"{first} {sur}" if first else sur
        return self.add(Participant(name, "person", gender, key, first))

    def mention(self, p: Participant, start: int, end: int, subject: bool) -> None:
        if self._skipped(start):
            return
        m = Mention(start, end, subject)
        if p.add_mention(m):
            k = bisect.bisect_left(self._index_starts, start)
            self._index_starts.insert(k, start)
            self._index.insert(k, (m, p))

    def at(self, pos: int) -> Participant | None:
        """The participant a mention covering ``pos`` names."""
        k = bisect.bisect_right(self._index_starts, pos) - 1
        while k >= 0 and pos - self._index_starts[k] < 200:
            m, p = self._index[k]
            if m.start <= pos < m.end:
                return p
            k -= 1
        return None

    def recent(self, pos: int):
        """Mentions before ``pos``, latest first, as (mention, participant)."""
        k = bisect.bisect_left(self._index_starts, pos) - 1
        while k >= 0:
            yield self._index[k]
            k -= 1

    @functools.cached_property
    def _lead_end(self) -> int:
        """Where the text's first paragraph (a headline or a lead) ends: the first line break after its first word."""
        first = len(self.text) - len(self.text.lstrip())
        end = self.text.find("\n", first)
        return end if end >= 0 else len(self.text)

    @functools.cached_property
    def _home(self) -> tuple:
        counts: dict[str, tuple[int, object]] = {}
        for m in country_words().finditer(self.text, 0, self.end):  # (the words that may name one)
            c = country_of_word(m.group(0))
            if c:
                n, _ = counts.get(c[0].name, (0, None))
                counts[c[0].name] = (n + 1, c[0])
        ranked = sorted(counts.values(), key=lambda x: -x[0])
        if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]):
            return (ranked[0][1],)
        return (None,)

    def home_country(self):
        """The country the text is about, when one clearly dominates (twice the next, at least twice)."""
        return self._home[0]

    # ------------------------------------------------------------ places in the text
    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    def _skipped(self, pos: int) -> bool:
        k = bisect.bisect_right(self.skip, (pos, 1 << 62)) - 1
        return k >= 0 and pos < self.skip[k][1]

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and pos < self.quoted[k][1]

    # ------------------------------------------------------------ lookups
    def people(self) -> list[Participant]:
        return [p for p in self.participants if p.kind == "person"]

    def first_names(self) -> set[str]:
        """The given names of the people the text names, in lower case (a set to read, kept up as people come)."""
        return self._first_name_index()[1]

    def named_in_full(self, given: str) -> list[Participant]:
        """The people the text names by a given name (lower case) and a surname, in the order they came."""
        return self._first_name_index()[2].get(given, [])

    def _first_name_index(self) -> tuple:
        """(participants indexed, their given names, who is named in full by each): extended by the people added
        since (made anew at each addition, a text of thousands of people paid for its square)."""
        done, names, full = self._firsts if self._firsts is not None else (0, set(), {})
        for p in self.participants[done:]:
            if p.kind == "person" and p.first:
                names.add(p.first.lower())
                if p.name != p.first:
                    full.setdefault(p.first.lower(), []).append(p)
        self._firsts = (len(self.participants), names, full)
        return self._firsts

    def main(self) -> Participant | None:
        """The text's main actor: the person of the lead, then the most mentioned; only a person the
        text names, never one an attribution's probe made up (a capitalised word read as a name)."""
        people = [p for p in self.people() if p.mentions and p.learned]
        if not people:
            return None
        first = min(people, key=lambda p: p.first_seen)
        return max(people, key=lambda p: (len(p.mentions) + 2 * bool(p.roles) + 3 * (p is first), -p.first_seen))

    def antecedent(self, pos: int, gender: str | None, number: str | None = "sing",
                   last: Participant | None = None, since: int = -1) -> Participant | None:
        """«добавил он»: the participant a pronoun or a subjectless verb points back to.

        ``last`` spoke last (its quote ended at ``since``): it keeps the floor unless another
        participant of that gender was named as a subject after it; otherwise the participant named
        latest as a subject in this sentence or the few before (a sentence that introduces a new
        person moves the focus to them), then the latest named at all.
        """
        kinds = ("person",) if number != "plur" else ("group", "organisation")

        def fits(p: Participant) -> bool:
            return p.kind in kinds and not (gender and p.gender and p.gender != gender)

        here = self.sentence_of(pos)
        ranked = []
        for m, p in self.recent(pos):
            distance = here - self.sentence_of(m.start)
            if distance > SUBJECT_SENTENCES:
                break
            if fits(p) and not self.in_quote(m.start):
                # (the subject of a reported clause is not who reports it: «Вера Гусейнова пишет, что Смирнов …»)
                subject = (m.subject or self._voiced(m.start)) \
                    and not _REPORTED_THAT.search(self.text, max(0, m.start - 8), m.start)
                # (the main clause's subject before one of a clause inside it: «Ковальчук сообщил, что премьера, над
                # которой работал Гнатюк, состоится. «…», — сказал он» is Ковальчук)
                ranked.append(((distance, not subject, subject and self._in_clause(m.start), -m.start), p, m))
        ranked.sort(key=lambda r: r[0])
        if number == "plur":
            # «У здания суда собрались сторонники. «…» — скандировали они»: «они» are a group named as a
            # subject or a body whose people speak («В Министерстве обороны прокомментировали …»), never a
            # body only named in passing (nor the last one named at all)
            ranked = [r for r in ranked if not r[0][1] or _AT_BODY.search(self.text, max(0, r[2].start - 40), r[2].start)]
            if last is not None and fits(last) and (m := last.last_before(pos)) is not None and m.start > since:
                return last
            if ranked and ranked[0][0][0] > 1 and self._plural_verb_in(here - 1):
                return None  # the sentence before has a plural subject of its own, no one the text names
            return ranked[0][1] if ranked else None
        if last is not None and fits(last):
            # (named again as a subject after the other, the one who spoke keeps it: «Дорофеева попросила
            # министра … Крылова пообещала … «…», — уточнила она»)
            again = next((m.start for m in reversed(last.mentions) if m.start < pos and m.subject
                          and self.sentence_of(m.start) < here and not self.in_quote(m.start)
                          and not self._in_clause(m.start)), -1)
            # (in a sentence before, not in someone's quote: «у семьи Жук»; nor the topic of the quote's own
            # sentence: «Абенов, по словам инвестора, «…»»)
            after = max(since, again)
            newer = [r for r in ranked if r[1] is not last and not r[0][1] and r[2].start > after]
            return newer[0][1] if newer else self._focus_of_impersonal(here - 1, ranked, last, after) or last
        if ranked:
            return ranked[0][1]
        fallback = [p for p in self.participants if fits(p) and p.last_before(pos)]
        return max(fallback, key=lambda p: p.last_before(pos).start, default=None)

    def _in_clause(self, pos: int) -> bool:
        """Whether ``pos`` is inside a clause its sentence opens after a comma («…, над которой работал Гнатюк, …»,
        «…, что …»): the subject there is not the sentence's."""
        start = max(self._sentence_starts[self.sentence_of(pos)], pos - CLAUSE_REACH)
        return _CLAUSE_OPENS.search(self.text, start, pos) is not None

    def _focus_of_impersonal(self, k: int, ranked: list, last: Participant, after: int) -> Participant | None:
        """«Лучшему выпускнику, лейтенанту Эрлану Токтомушеву, вручили пистолет. Он сказал: …»: a sentence with a
        plural verb and no one named as its subject (an impersonal «вручили», «наградили») that names one person
        other than who spoke last moves the focus to them."""
        named = {id(p): p for _, p, m in ranked if self.sentence_of(m.start) == k and m.start > after}
        if len(named) != 1 or any(not r[0][1] for r in ranked if self.sentence_of(r[2].start) == k) \
                or not self._plural_verb_in(k):
            return None
        p = next(iter(named.values()))
        return p if p is not last else None

    def _plural_verb_in(self, k: int) -> bool:
        """Whether sentence ``k`` has a finite verb in the plural («собрались около 30 сторонников»)."""
        if k < 0 or k >= len(self._sentence_starts):
            return False
        a = self._sentence_starts[k]
        b = self._sentence_starts[k + 1] if k + 1 < len(self._sentence_starts) else self.end
        return any(p.tag.POS == "VERB" and "plur" in p.tag.grammemes
                   for w in LOWER_WORD.findall(self.text, a, min(b, a + 400)) for p in morph.parses(w)[:1])

    def _voiced(self, start: int) -> bool:
        """Whether the mention at ``start`` is the source its sentence speaks for, as a subject would be:
        «По словам водителя автобуса Николая Фомина, …» (a marker of ``speech_verbs.txt # phrases`` that
        a noun follows: «по словам», «по мнению», «со слов»; then no punctuation up to the name)."""
        text = self.text
        lo = max(0, start - VOICED_REACH)
        cut = max(text.rfind(c, lo, start) for c in ".!?;:,()«»\n")
        words = text[max(lo, cut + 1) : start].lower().replace("ё", "е").split()
        markers = _voice_markers(load_words("speech_verbs.txt", "phrases"))
        return any(" ".join(words[k : k + 2]) in markers for k in range(min(len(words), 3)))

    def holder(self, post: Post, pos: int, gender: str | None = None) -> Participant | None:
        """«сказал министр»: the person introduced with that post; of several, the one in focus. A verb's
        gender leaves out the holders of the other sex («— подчеркнула глава Минздрава»)."""
        from .roles import compatible, post_of

        fits = [p for p in self.people() if any(compatible(post, h) for h in p.posts)]
        if post.country:
            # «президент Таджикистана»: not one whose posts name another country (a post may name none)
            fits = [p for p in fits if not {h.country for h in p.posts} - {post.country, None}]
            # «— заявил узбекский лидер»: the president introduced as Uzbekistan's, before one whose country the
            # model could not read («президент Республики Корея»)
            fits = [p for p in fits if post.country in {h.country for h in p.posts}] or fits
        if gender in ("masc", "femn"):
            fits = [p for p in fits if p.gender in (gender, None)]
        if pos > self._lead_end:
            # past the lead, a post points back, or to the name in its own sentence («— замечает винодел из Пуркарь Ион
            # Русу»): not to one the text introduces with it only later («— заявил гроссмейстер. Индийский
            # гроссмейстер Арджун Раджан …»); a headline's may point ahead to the story
            here = self.sentence_of(pos)
            fits = [p for p in fits if p.last_before(pos) is not None
                    or p.mentions and self.sentence_of(p.mentions[0].start) == here]
        if post.head_of_state and not fits and post.country and post.lemmas[:1] == ("лидер",):
            # «Армянский лидер», «грузинский лидер» with no president of that country named: its prime
            # minister, who leads a parliamentary republic
            premier = post_of(["премьер-министр"])
            fits = [p for p in self.people() if any(h.country == post.country and premier is not None
                                                    and h.post == premier.post for h in p.posts)]
        if post.head_of_state:
            # (a head of state of the country named, not another: «Президент Казахстана назвал …» after Putin spoke)
            fits = fits or [p for p in self.people() if any(h.head_of_state for h in p.posts)
                            and not (post.country and {h.country for h in p.posts} - {post.country, None})]
            if len(fits) > 1 and post.country is None:
                # several heads of state: the one just named as a subject («Хозяин саммита, президент
                # Казахстана Касым-Жомарт Токаев назвал … — заявил глава государства»), else the main actor
                here = self.sentence_of(pos)
                for m, p in self.recent(pos):
                    if here - self.sentence_of(m.start) > 1:
                        break
                    if p in fits and m.subject and not self.in_quote(m.start):
                        return p
                main = self.main()
                if main in fits:
                    return main
        if not fits and post.lemmas == ("спикер",):
            # a bare «спикер» with no press secretary in the text: whoever chairs a parliament
            chambers, chairs = load_words("roles.txt", "chambers"), load_words("roles.txt", "chair nouns")
            fits = [p for p in self.people() if any(h.lemmas[:1] and h.lemmas[0] in chairs
                                                    and chambers & set(h.lemmas[1:]) for h in p.posts)]
        if not fits:
            return None
        latest = max(fits, key=lambda p: ((m := p.last_before(pos)) is not None, m.start if m else -1))
        peer = self._peer_after(latest, pos, gender)
        if peer is not None:
            return peer  # «Депутат X … Его коллега Y считает … — отметил депутат»: Y
        return latest

    def _peer_after(self, holder: Participant, pos: int, gender: str | None) -> Participant | None:
        """A person introduced as the holder's peer (``roles.txt # peer nouns``: «коллега», «соратник») and
        named as a subject after the holder's last mention before ``pos``."""
        peers = load_words("roles.txt", "peer nouns")
        seen = holder.last_before(pos)
        if seen is None:
            return None
        for p in self.people():
            if p is holder or not any(h.post in peers for h in p.posts) \
                    or gender in ("masc", "femn") and p.gender not in (gender, None):
                continue
            m = p.last_before(pos)
            if m is not None and m.subject and m.start > seen.start:
                return p
        return None


_AT_BODY = regexes.compile(r"(?:^|[.!?…]\s+|\n)[Вв]о?\s+(?:[а-яё-]+\s+)?$")  # «В (иранском) МИД заявили»: its people speak


@functools.cache
def _voice_markers(phrases: frozenset[str]) -> frozenset[str]:
    """The two-word markers «по словам», «по мнению», «со слов» … of ``phrases`` (``speech_verbs.txt
    # phrases``) that a noun, not a pronoun, follows."""
    return frozenset(p for p in phrases if len(p.split()) == 2 and p.split()[0] in ("по", "со"))
