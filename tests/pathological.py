"""Pathological input families: the shapes of text that once made a stage super-linear.

Shared by the tests (``test_reliability.py`` counts the work each costs at two sizes) and by
``bench/scaling.py`` (which times them at N, 2N, 4N, 8N). Each family is a unit repeated to the size
asked for; a family earns a place here when some input of its shape once hung or exploded a stage.
"""

from __future__ import annotations

import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tokayev-ots-shusha-2024.txt"
SEED_BODY = SEED.read_text("utf-8")[:7000]

# name -> the unit repeated to make the text
FAMILIES: dict[str, str] = {
    "one long line": SEED_BODY.replace("\n", " "),
    "tiny paragraphs": "Порт вырос на 5%.\n",
    "page furniture": "Теги: Казахстан\n#Казахстан\nkazinform.kz/news\n",
    "quotes": "«Мы готовы к диалогу», — заявил министр.\n",
    "turns": "В.Путин: Добрый день. Мы готовы.\n",
    "inline boilerplate": "Читайте также\nНовость дня 8 августа 2025 в 21:53\n"
                          + "Текст статьи про порт и экономику. " * 12 + "\n",
    "dense links and quotes": "Читайте также\n8 августа 2025 в 21:53\n«Да», — сказал он.\n",
    # «Фото предоставлено организаторами мероприятия.» once backtracked exponentially per word
    "captions": "Президент выступил на саммите.\nФото предоставлено организаторами мероприятия и пресс-службой\n",
    "digit runs": "1 ",
    "number words": "двадцать три тысячи пятьсот сорок один ",
    "lines without spaces": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" * 3,
    "nested quotes": "«слово ",  # half the text opens quotes, the other half closes them (make())
    # quotes side by side in one paragraph without a full stop: each looked to the paragraph's ends
    "quotes without a full stop": "«слово», и ещё несколько слов без точки, а за ними снова слова, ",
    "dashes": "— ",
    "capitalised names": "Иван Петров Сергей Иванов ",
    "cues": "Фото: Продолжение Смотрите также Теги: ",
}


# name -> the bytes repeated without end on stdin: a stream that never ends (``speechkit themes - < /dev/zero``
# once grew to 7.7 GB in 10 s). Only the CLI reads streams: ``bench/scaling.py --command`` feeds them with
# ``--max-bytes`` set to the size measured, and the run must stop there (exit 3).
STREAMS: dict[str, bytes] = {
    "/dev/zero stream": b"\0",
    "endless text stream": "Порт Актау нарастил перевалку на 5%. ".encode("utf-8"),
}


def make(family: str, size: int) -> str:
    """The family's unit repeated to ``size`` characters."""
    unit = FAMILIES[family]
    if family == "nested quotes":  # «слово «слово … »»: every pair nests in the one before
        k = size // (len(unit) + 1)
        return unit * k + "»" * k
    return (unit * (size // len(unit) + 1))[:size]


def lines_run(fn, *args, **kwargs) -> int:
    """How many lines of Python ``fn(*args, **kwargs)`` executes.

    A measure of work that does not depend on the machine's load: the same input in the same
    process state gives the same count. (Work inside C — a regex scan, a slice — is not counted;
    the inputs are sized so that a quadratic C loop would not finish within the test run.)
    """
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(*args, **kwargs)
    finally:
        sys.settrace(old)
    return count


class ReadSpy:
    """A compiled pattern that records how many characters each ``search`` or ``findall`` is given to
    read: a stage that looks a bounded way reads a bounded stretch however long the text is."""

    def __init__(self, pattern) -> None:
        self.pattern, self.reads = pattern, []

    def search(self, s, pos=0, endpos=sys.maxsize):
        self.reads.append(min(endpos, len(s)) - pos)
        return self.pattern.search(s, pos, endpos)

    def findall(self, s, pos=0, endpos=sys.maxsize):
        self.reads.append(min(endpos, len(s)) - pos)
        return self.pattern.findall(s, pos, endpos)

    def finditer(self, s, pos=0, endpos=sys.maxsize):
        self.reads.append(min(endpos, len(s)) - pos)
        return self.pattern.finditer(s, pos, endpos)
