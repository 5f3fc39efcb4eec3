"""Posts and countries: what a role phrase says, and whether two role phrases name the same post.

A text introduces «глава министерства иностранных дел Украины Павел Климкин» and later attributes a
quote to «министр» or «глава МИД»: the three phrases name one post. A role phrase is reduced to its
post (the synonym class of ``roles.txt``'s ``# role synonyms``, found as the longest run of its
lemmas) and its country (``countries.tsv``: «украинского», «Украины», «РФ»), and posts are compared,
not strings.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import morph, regexes
from .regexes import trie
from .text import norm_word
from .wordlists import load_sections, load_table, load_words, org_aliases

MAX_SYNONYM = 6  # words in the longest synonym phrase looked for


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # nominative: «Россия»
    genitive: str  # «России»


@functools.cache
def _countries() -> tuple[dict[str, Country], dict[str, Country]]:
    """(by lemma or abbreviation, by adjective lemma)."""
    by_word: dict[str, Country] = {}
    by_adj: dict[str, Country] = {}
    for row in load_table("countries.tsv"):
        c = Country(row["name"], row.get("genitive") or row["name"])
        by_word[norm_word(c.name)] = c
        for abbr in filter(None, (row.get("abbreviations") or "").split(";")):
            by_word[norm_word(abbr.strip())] = c
        for adj in filter(None, (row.get("adjectives") or "").split(";")):
            by_adj[norm_word(adj.strip())] = c
    return by_word, by_adj


@functools.lru_cache(maxsize=100_000)  # a text names its countries again and again
def country_of_word(word: str) -> tuple[Country, bool] | None:
    """(the country, whether the word is its adjective): «Украины» → Украина, «иранском» → Иран (adj)."""
    by_word, by_adj = _countries()
    low = norm_word(word)
    if low in by_word and (word[:1].isupper() or word.isupper()):
        return by_word[low], False
    lem = norm_word(morph.lemma(word))
    if word[:1].isupper() and lem in by_word and (by_word[lem].name.lower().endswith(("ы", "и")) or not all(
            "plur" in p.tag.grammemes for p in morph.parses(low)[:2] if norm_word(p.normal_form) == lem)):
        return by_word[lem], False  # «Украины», not «Ливанов» (a surname, though also Ливан's genitive plural)
    if lem in by_adj:
        return by_adj[lem], True
    return None


@functools.cache
def country_words() -> re.Pattern[str]:
    """The words of a text that may name a country (``country_of_word``), found by their first three letters:
    a word's lemma begins as the word does (nouns and adjectives decline at their end), so a word whose
    first three letters begin no country's name, abbreviation or adjective names none. A whole word as
    ``families._WORD`` reads it; «е» matches «ё» too, as ``norm_word`` reads them alike."""
    by_word, by_adj = _countries()
    heads = {key[:3] for key in (*by_word, *by_adj) if len(key) >= 3}
    alts = trie(heads).replace("е", "[её]") if heads else "(?!)"
    return regexes.compile(rf"(?<![\w&’'-])(?={alts})[\w&’'-]+", re.IGNORECASE)


@functools.cache
def _synonyms() -> dict[tuple[str, ...], str]:
    """lemma phrase → its class id (the first phrase of its line)."""
    out: dict[tuple[str, ...], str] = {}
    for line in load_sections("roles.txt").get("role synonyms", ()):
        phrases = [p.strip() for p in line.split("=") if p.strip()]
        if phrases:
            for p in phrases:
                out.setdefault(tuple(p.split()), phrases[0])
    return out


_NOT_NOW = frozenset(["бывший", "будущий", "покойный"])  # adjectives of a post someone does not hold now


def _not_now(post: Post) -> bool:
    """Whether a post is one its holder no longer (or not yet) holds: «бывший ректор», «экс-министр» (its head and
    the words before it; not its complement: «адвокат экс-министра» is a lawyer now)."""
    at = next((i for i, lem in enumerate(post.lemmas) if is_role_word(lem)), 0)
    return any(x in _NOT_NOW or x.startswith("экс-") for x in post.lemmas[: at + 1])


@functools.lru_cache(maxsize=5_000)
def _adjective_lemma(lemma: str) -> bool:
    """Whether a lemma reads as an adjective («главный», «старший»), not a noun."""
    return any(p.tag.POS == "ADJF" for p in morph.parses(lemma)[:1])


@functools.cache
def _generic_bodies() -> frozenset[str]:
    """Nouns that point back at a body of their kind (organisations.txt ``# generic``: «компания», «банк»)."""
    return frozenset(load_sections("organisations.txt").get("generic", ()))


@functools.cache
def role_lemmas() -> frozenset[str]:
    return frozenset(load_sections("roles.txt").get("", ()))


def is_role_word(lemma: str) -> bool:
    """A role noun, or a word that is a post on its own in the synonym lists («протоирей»)."""
    return lemma in role_lemmas() or (lemma,) in _synonyms()


@functools.lru_cache(maxsize=50_000)
def is_person_noun(word: str) -> bool:
    """A role noun, or a common noun that names a person by what they do («скульптор», «рабочий»,
    «наблюдатель»): the dictionary reads it as animate and as no name. Only where a speaker is
    expected — after a speech verb, before a name — is such a noun taken for a role."""
    lemma = norm_word(morph.lemma(word))
    if is_role_word(lemma):
        return True
    return any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes
               and not {"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes
               for p in morph.parses(word.lower())[:2] if p.score >= 0.2)


@functools.cache
def _heads_of_state() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in load_sections("roles.txt").get("head of state", ()))


@dataclass(frozen=True, slots=True)
class Post:
    """What a role phrase says: its post (a synonym class or its head lemma) and its country."""

    post: str  # synonym class id, or the head role lemma
    lemmas: tuple[str, ...]  # the phrase's lemmas, country words left out
    country: str | None = None
    head_of_state: bool = False

    @property
    def general(self) -> str:
        """The post one word more general: «министр иностранный дело» → «министр»."""
        first = self.post.split()[0]
        return _synonyms().get((first,), first)


def post_of(words: list[str]) -> Post | None:
    """The post a role phrase names, or None when it holds no role noun.

    >>> post_of("глава МИД Украины".split()).post, post_of("глава МИД Украины".split()).country
    ('министр иностранный дело', 'Украина')
    """
    lemmas: list[str] = []
    country = None
    aliases = org_aliases()
    for w in words:
        c = country_of_word(w)
        if c:
            country = country or c[0].name
            continue
        lemma = norm_word(morph.lemma(w))
        lemmas.extend(aliases.get(lemma, (lemma,)))  # «глава Минздрава» = «глава министерства здравоохранения»
    roles = role_lemmas()
    at = next((i for i, lem in enumerate(lemmas) if is_role_word(lem)), 0)
    if not any(lem in roles for lem in lemmas) and not _synonym_in(lemmas):
        # «скульптор», «наблюдатель от ОБСЕ»: a person noun at the head is a post of its own; a peer noun past its
        # adjectives too («его румынский коллега»: the post of the one named before, roles.txt # peer nouns)
        peer = _peer_past_adjectives(words) if words and not is_person_noun(words[0]) else None
        if not words or not is_person_noun(words[0]) and peer is None:
            return None
        at = lemmas.index(peer) if peer in lemmas else at
    head = lemmas[at] if lemmas else ""
    # a synonym phrase names the post only when it holds the head: «адвокат экс-министра» is a lawyer
    cls = _synonym_in(lemmas, must_hold=head)
    # the head of state is what the phrase's head names: «пресс-секретарь президента России» is no president
    hos = any(tuple(lemmas[i : i + len(h)]) == h for h in _heads_of_state() for i in range(0, at + 1))
    if country is not None and tuple(lemmas) + ("страна",) in _heads_of_state():
        hos = True  # «российский лидер», «глава Казахстана»: «лидер страны», «глава страны» of the country named
    post = cls or _synonyms().get((head,), head)
    if post == _synonyms().get(("президент",), "президент") and head == "президент":
        hos = True
    return Post(post, tuple(lemmas), country, hos)


def _peer_past_adjectives(words: list[str]) -> str | None:
    """The lemma of a peer noun (roles.txt # peer nouns) that adjectives lead to: «новый коллега», «румынский коллега»;
    not after a possessive («Моя коллега по редакции»: the author's, no one's post)."""
    lead = next((w for w in words if morph.parses(w.lower())[0].tag.POS not in ("ADJF", "PRTF")
                 or "Apro" in morph.parses(w.lower())[0].tag.grammemes), None)
    lemma = norm_word(morph.lemma(lead)) if lead is not None else None
    return lemma if lemma in load_words("roles.txt", "peer nouns") else None


@functools.cache
def _synonym_words() -> frozenset[str]:
    return frozenset(w for phrase in _synonyms() for w in phrase)


def synonym_class(lemmas: list[str]) -> str | None:
    """The class of roles.txt # role synonyms that the lemma phrase is, as a whole («заместитель министр»), or None."""
    return _synonyms().get(tuple(lemmas))


def _synonym_in(lemmas: list[str], must_hold: str | None = None) -> str | None:
    """The class of the longest run of lemmas that is a synonym phrase.

    Words no synonym phrase uses are skipped too, the longest run of either reading winning: «глава транспортной
    компании» is «глава компания».
    """
    syn = _synonyms()
    vocab = _synonym_words()
    seqs = (lemmas, [lem for lem in lemmas if lem in vocab])
    # the longest phrase of either wins: «председатель Гомельского облисполкома» is «председатель облисполкома» (a
    # governor), not a chair of anything
    for n in range(min(MAX_SYNONYM, len(lemmas)), 0, -1):
        for seq in seqs:
            for i in range(len(seq) - n + 1):
                cls = syn.get(tuple(seq[i : i + n]))
                if cls and (must_hold is None or must_hold in seq[i : i + n]):
                    return cls
    return None


GENERIC_HEADS = frozenset(["глава", "руководитель", "председатель", "начальник"])  # the post is the body's


def compatible(asked: Post, held: Post) -> bool:
    """Whether a role a text attributes with (``asked``) can be a post someone was introduced with.

    >>> compatible(post_of(["министр"]), post_of("глава министерства иностранных дел Украины".split()))
    True
    >>> compatible(post_of("глава МИД Литвы".split()), post_of("министр иностранных дел Украины".split()))
    False
    """
    if asked.country and held.country and asked.country != held.country:
        return False
    if _not_now(asked) != _not_now(held):
        return False  # «— сказал новый ректор»: not the one introduced as «бывший ректор», nor «экс-министр» the minister
    if asked.head_of_state:
        return held.head_of_state
    body = asked.lemmas[1:]
    n = len(body)
    if asked.lemmas[:1] and asked.lemmas[0] in load_sections("roles.txt").get("member nouns", ()) and body:
        if n == 1 and body[0] in load_sections("organisations.txt").get("anaphors", ()):
            # «представитель ведомства»: one introduced as that member of whatever body («официальный
            # представитель Министерства обороны КНР»)
            at = held.lemmas.index(asked.lemmas[0]) if asked.lemmas[0] in held.lemmas else -1
            return 0 <= at < len(held.lemmas) - 1 and all(_adjective_lemma(x) for x in held.lemmas[:at])
        # «представитель МЧС»: anyone introduced with a post in that body («офицер … МЧС»)
        return any(held.lemmas[i : i + n] == body for i in range(len(held.lemmas) - n + 1))
    if len(asked.lemmas) == 1 and held.lemmas[:1] == asked.lemmas:
        return True  # «сказал аким»: the one introduced as «аким города», whatever class that post is in
    if len(asked.lemmas) == 1 and held.lemmas[:1] and held.lemmas[0].startswith(asked.lemmas[0] + "-"):
        return True  # «— сказал генерал»: the one introduced as «генерал-майор» (a rank of that kind)
    if len(asked.lemmas) == 1 and asked.lemmas[0] in held.lemmas[1:3] \
            and all(_adjective_lemma(x) and x not in _NOT_NOW for x in held.lemmas[: held.lemmas.index(asked.lemmas[0])]):
        return True  # «— добавила врач»: the one introduced as «главный врач больницы» (not «бывший министр»)
    if asked.lemmas[:1] and asked.lemmas[0] in GENERIC_HEADS and n == 1 \
            and body[0] in load_sections("organisations.txt").get("anaphors", ()) \
            and len(held.lemmas) > 1 and held.lemmas[0] in GENERIC_HEADS:
        # «Глава регулятора добавил»: whoever was introduced as the head of a body («председатель Национального
        # банка»), the body re-named by a word for any body («глава ведомства» is a minister too: synonyms, below)
        return True
    if asked.post in GENERIC_HEADS and body:
        # «глава ГКНБ»: the head of that body, not «глава администрации президента»; «глава Минэкономфина»: a
        # minister of economy and finance heads the ministry of it
        lemmas = held.lemmas if held.lemmas[:1] != ("министр",) else ("глава", "министерство") + held.lemmas[1:]
        return any(lemmas[i : i + n] == body for i in range(len(lemmas) - n + 1))
    if asked.lemmas[:1] and asked.lemmas[0] in GENERIC_HEADS and n == 1 and body[0] in _generic_bodies() \
            and held.lemmas[:1] and held.lemmas[0] in GENERIC_HEADS and body[0] in held.lemmas:
        # «— отметил глава компании»: whoever heads a body of that kind («председатель совета директоров
        # компании Hanseong Battery»), though the synonyms make «глава компании» a general director
        return True
    if asked.post != held.post and _local_head(asked) and _local_head(held) and not _regional(held.lemmas[1:]):
        # «Аким Шымкента … заявил глава города», «Глава Кирова … — предупредил градоначальник»: a place's
        # name says neither city nor region, so the head of either is its head («глава региона» too);
        # «аким области» is no «глава города»
        # («Аким Алматы … — поставил задачу градоначальник»: a bare noun of a city's head re-names the head of a place
        # the text named, whatever that head is called there)
        return len(held.lemmas) > 1 and (len(asked.lemmas) > 1 and _regional(asked.lemmas[1:])
                                         or held.post in GENERIC_HEADS and asked.post in _local_posts()
                                         or len(asked.lemmas) == 1 and asked.post in _local_posts()
                                         and _place_lemma(held.lemmas[1]))
    return asked.post in (held.post, held.general)


@functools.cache
def _local_posts() -> frozenset[str]:
    """The classes of the heads of a city and of a region («мэр», «аким» with their synonyms)."""
    return frozenset(p.post for p in (post_of(["глава", "город"]), post_of(["глава", "регион"])) if p is not None)


def _local_head(p: Post) -> bool:
    """A head of a city or a region: «мэр», «аким», or «глава» of a place («глава Кирова»)."""
    if p.post in _local_posts():
        return True
    return p.post in GENERIC_HEADS and len(p.lemmas) == 2 and _place_lemma(p.lemmas[1])


@functools.lru_cache(maxsize=5_000)
def _place_lemma(lemma: str) -> bool:
    from .names import listed_place

    return listed_place(lemma) or any("Geox" in r.tag.grammemes for r in morph.parses(lemma)[:2])


def _regional(lemmas) -> bool:
    """Whether a post's words after its head name a kind of place («города», «области»), not a place."""
    return bool(set(lemmas) & set(load_sections("organisations.txt").get("regional", ())))
