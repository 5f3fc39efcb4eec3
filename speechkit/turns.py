"""Transcript turns: ``В.Путин: …`` labels, on their own line or inline in flattened text.

Official transcripts (kremlin.ru, akorda.kz) mark each turn with the speaker's
initials and surname and a colon; scrapers flatten the page so the labels
stand mid-line after the previous turn's last sentence, sometimes followed by
a tooltip ("А.Лукашенко Лукашенко Александр Григорьевич Президент … :").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .model import Span
from .wordlists import load_sections

# В.Путин: · С.Александровский: · К.-Ж.Токаев: · А.Лукашенко Лукашенко Александр Григорьевич Президент Республики Беларусь :
LABEL = re.compile(
    r"(?<![\w.-])"
    r"(?P<label>(?P<initials>(?:[А-ЯЁ]\.\s?-?){1,2})(?P<surname>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?))"
    r"(?P<tooltip>(?:\s+[А-ЯЁ][а-яё-]+|\s+[а-яё]{1,3}(?=\s+[А-ЯЁ])){0,10}?)\s?:\s",
    re.M,
)


@functools.cache
def role_label() -> re.Pattern[str]:
    """Вопрос: · Корр.: · Президент: — a role label (roles.txt) opening a line or a flattened sentence."""
    words = sorted(load_sections("roles.txt").get("transcript labels", ()), key=len, reverse=True)
    alts = "|".join(re.escape(w[:1].upper() + w[1:]) for w in words) or "(?!)"
    return re.compile(rf"(?:^|(?<=[.!?…»]\s))(?P<label>(?P<surname>{alts}))\.?\s?:\s", re.M)


@functools.cache
def _role_label_anywhere() -> re.Pattern[str]:
    """In a transcript flattened onto one line a role label may follow any word: «… журналистов Вопрос: …»."""
    return re.compile(role_label().pattern.replace(r"(?:^|(?<=[.!?…»]\s))", r"(?<![\w-])"), re.M)


@dataclass(frozen=True, slots=True)
class Turn:
    label: Span
    surname: str
    initials: str
    tooltip: str
    start: int  # first character of the turn's text
    end: int


def _starts_turn(text: str, i: int) -> bool:
    """A label starts a turn unless the sentence runs into it: «… заявил В.Путин: «…»» is a quote.

    Scrapers flatten a page so that a label may follow any word of the header or of an inline block
    («… 19 апреля 2025 года В.Путин: …»); only a speech verb or a preposition right before it makes
    it part of a sentence.
    """
    from .quotes import is_speech_verb

    before = text[max(0, i - 40) : i].rstrip()
    if not before or before[-1] in ".!?…»>)\n":
        return True
    word = re.findall(r"[\w-]+", before)
    if not word:
        return True
    last = word[-1]
    return not (last.lower() in _JOINING or is_speech_verb(last))


_JOINING = frozenset("в во на с со по для о об у к из за при от до и а но или что как".split())
SINGLE_TURN_WORDS = 30  # a lone label opens a turn only when a real speech follows it


def find_turns(text: str, start: int = 0, end: int | None = None) -> list[Turn]:
    """Turns of a transcript: two labels or more, a clear run of role labels, or one label before a speech.

    A single initials label («В.Путин: Уважаемые коллеги! …», opening remarks printed alone) makes a
    turn when what follows it runs on for a speech; role labels count anywhere once initials labels
    show the text is a transcript.
    """
    end = len(text) if end is None else end
    labels = [m for m in LABEL.finditer(text, start, end) if _starts_turn(text, m.start())]
    pattern = _role_label_anywhere() if labels else role_label()
    roles = [m for m in pattern.finditer(text, start, end) if not labels or _starts_turn(text, m.start())]
    if len(labels) + len(roles) < 2 or (not labels and len(roles) < 3):
        if not (len(labels) == 1 and not roles
                and len(text[labels[0].end() : end].split()) >= SINGLE_TURN_WORDS):
            return []
    labels = sorted(labels + roles, key=lambda m: m.start())
    turns = []
    for k, m in enumerate(labels):
        t0 = m.end()
        t1 = labels[k + 1].start() if k + 1 < len(labels) else end
        while t1 > t0 and text[t1 - 1].isspace():
            t1 -= 1
        if t1 <= t0:
            continue  # a label with no words after it
        label = Span(m.start(), m.end(), text[m.start() : m.end()])
        initials = m.groupdict().get("initials") or ""
        turns.append(Turn(label, m.group("surname"), initials.replace(" ", ""),
                          (m.groupdict().get("tooltip") or "").strip(), t0, t1))
    return turns
