"""One participant of a text (a person, an organisation, a group, an anonymous source) and its mentions.

A ``Participant`` keeps its canonical nominative name, its roles as the text states them with the
posts they hold (``roles.post_of``), and every ``Mention`` in text order with whether it can be a
sentence's subject. ``speakers.Cast`` holds them; ``speakers`` is where they are imported from.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .roles import Post, post_of


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    subject: bool  # in the nominative: can be the subject of its sentence


@dataclass
class Participant:
    """One person, organisation or group of the text, with every mention (kept in text order)."""

    name: str  # canonical, nominative: «Касым-Жомарт Токаев», «МИД Ирана», «журналисты»
    kind: str  # "person" | "organisation" | "group" | "anonymous"
    gender: str | None = None
    key: str = ""  # a person's surname key; an organisation's lemma key
    first: str | None = None
    roles: list[str] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    known: bool = False  # from people.tsv
    learned: bool = True  # met while reading the text, not only while resolving an attribution
    _starts: list[int] = field(default_factory=list, repr=False)

    @property
    def first_seen(self) -> int:
        return self._starts[0] if self._starts else 1 << 40

    def add_role(self, phrase: str, words: list[str]) -> None:
        post = post_of(words)
        first = phrase.split(" ", 1)[0]
        if first[:1].isupper() and not first.isupper() and not first[1:2].isupper():
            phrase = phrase[:1].lower() + phrase[1:]  # «Министр иностранных дел Германии» opened a sentence
        if post is None or phrase in self.roles:
            return
        self.roles.append(phrase)
        self.posts.append(post)

    def add_mention(self, m: Mention) -> bool:
        k = bisect.bisect_left(self._starts, m.start)
        if k < len(self._starts) and self._starts[k] == m.start:
            return False
        self._starts.insert(k, m.start)
        self.mentions.insert(k, m)
        return True

    def last_before(self, pos: int, subject: bool = False) -> Mention | None:
        k = bisect.bisect_left(self._starts, pos) - 1
        while k >= 0:
            if not subject or self.mentions[k].subject:
                return self.mentions[k]
            k -= 1
        return None
