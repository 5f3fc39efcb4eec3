"""Bytes to text: encoding detection, the embedded default speech, stdin.

Russian files arrive as UTF-8 (with or without BOM), UTF-16 from Windows
editors, cp1251 from old Windows machines, koi8-r from old mail archives and
cp866 from DOS; we decode all of them and say which one we used.  Images,
archives and executables fed by mistake are refused as "not a text file".
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .datafiles import os_problem
from .errors import EmptyTextError, InputError

SEED_NAME = "tokayev-ots-shusha-2024.txt"

# Magic numbers of formats people feed by mistake: images, archives, executables, PDFs.
# Each is long enough (or non-ASCII enough) that no text begins with it; «MZ», «ID3» or «RIFF»
# could start a line of text, so those formats are caught by their NUL bytes instead.
BINARY_MAGIC = (
    b"\x89PNG\r\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"PK\x03\x04", b"PK\x05\x06", b"%PDF-",
    b"\x7fELF", b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\x00asm", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\x28\xb5\x2f\xfd", b"\xfd7zXZ\x00", b"SQLite format 3\x00",
)

# BOMs, longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)

# The 8-bit Cyrillic code pages we try when the bytes are not UTF-8.
CODE_PAGES = ("cp1251", "koi8-r", "cp866")

# Letter frequencies of Russian text, per cent (lower case; ё counted apart).
LETTER_FREQ = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73, "в": 4.54,
    "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74,
    "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64,
    "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
}
_LOG_ODDS = {ch: math.log(f / (100 / 33)) for ch, f in LETTER_FREQ.items()}
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# «рТЙЧЕФ»: a capital inside a lower-case word is what a wrong code page looks like
_CASE_FLIP = re.compile(r"[а-яё][А-ЯЁ]")
SAMPLE = 1 << 16  # bytes looked at when guessing: enough for a verdict, cheap for 20 MB files


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded text with its name and the encoding it was read in."""

    name: str
    text: str
    encoding: str
    meta: dict | None = None


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as Russian text; return (text, encoding name).

    >>> decode("Привет".encode("cp1251"))
    ('Привет', 'cp1251')
    >>> decode("\\ufeffПривет".encode("utf-16-le"))
    ('Привет', 'utf-16-le')
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            return _checked(_strict(data[len(bom):], codec, name), name), encoding
    if data.startswith(BINARY_MAGIC):
        raise InputError(f"{name}: not a text file (binary data)")
    head = data[:SAMPLE]
    encoding = _utf16_without_bom(head)
    if encoding is not None:
        return _checked(_strict(data, encoding, name), name), encoding
    if b"\x00" in head:
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data, exc):
            # a file cut in the middle of a letter, or a stray byte in a long UTF-8 text
            return _checked(data.decode("utf-8", "replace"), name), "utf-8"
    return _decode_legacy(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as {encoding} at byte {exc.start}") from None


def _checked(text: str, name: str) -> str:
    if _looks_binary(text):
        raise InputError(f"{name}: not a text file (binary data)")
    return text


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 saved without a BOM: every other byte is 0x00 (Latin) or 0x04 (Cyrillic)."""
    pairs = len(head) // 2
    if pairs < 2 or len(head) % 2 and len(head) < SAMPLE:
        return None
    for encoding, high in (("utf-16-le", head[1:2 * pairs:2]), ("utf-16-be", head[0:2 * pairs:2])):
        if high.count(0) + high.count(4) >= 0.95 * pairs:
            return encoding
    return None


def _mostly_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """Valid UTF-8 but for the last, cut letter or a few stray bytes in a long text."""
    sample = data[:SAMPLE]
    multibyte = sum(1 for b in sample if 0xC2 <= b <= 0xF4)
    if multibyte < 8:  # too little UTF-8 to tell from a code page
        return False
    if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
        return True
    bad = data.decode("utf-8", "replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return bad <= max(1, len(data) // 10_000)


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """Choose between the 8-bit Cyrillic code pages by how Russian the letters look.

    The right code page gives frequent letters (о, е, а, и …), words in one
    case, and no box-drawing characters; the wrong ones fail on at least one.
    """
    sample = data[:SAMPLE]
    best: tuple[float, str] | None = None
    for encoding in CODE_PAGES:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _russianness(text)
        if best is None or score > best[0]:
            best = (score, encoding)
    if best is not None:
        text = data.decode(best[1], "replace")
        letters = sum(1 for ch in text[:SAMPLE] if ch.isalpha())
        cyrillic = len(_CYRILLIC.findall(text[:SAMPLE]))
        if letters and cyrillic / letters > 0.3 and not _looks_binary(text):
            return text, best[1]
    from charset_normalizer import from_bytes  # slow import, rare path

    match = from_bytes(data).best()
    if match is None or _looks_binary(str(match)):
        raise InputError(f"{name}: not a text file (cannot detect its encoding)")
    return str(match), match.encoding


_INNER_CAPITAL = re.compile("(?<=[А-ЯЁ])[А-ЯЁ]")


def _russianness(text: str) -> float:
    """Log-odds of the Cyrillic letters being Russian, minus junk and case flips."""
    score = sum(_LOG_ODDS.get(ch.lower(), -3.0) for ch in _CYRILLIC.findall(text))
    junk = sum(1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in "«»—–…№„“”‘’\u00a0")
    # prose is lower case but for word starts: of two readings with Russian letters in one case each
    # («подчеркнул» in cp1251, «ОНДВЕПЙМСК» read as koi8-r), the lower-case one is the text
    shouting = len(_INNER_CAPITAL.findall(text))
    return score - 3.0 * junk - 3.0 * len(_CASE_FLIP.findall(text)) - 0.3 * shouting


def _looks_binary(text: str) -> bool:
    head = text[:4096]
    controls = sum(1 for ch in head if (ord(ch) < 32 and ch not in "\t\n\r\f\v\x1a") or ch == "\ufffd")
    return controls > len(head) * 0.05


def read_path(path: str | os.PathLike) -> Document:
    """Read one file; errors name the path and the problem."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{p}: is a directory, not a file")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputError(f"{p}: not a regular file")  # /dev/zero would never end
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: {os_problem(exc)}") from None
    text, encoding = decode(data, str(p))
    return Document(str(p), text, encoding)


def read_bytes(data: bytes, name: str) -> Document:
    """Decode bytes that came from somewhere other than a file (stdin, a test)."""
    text, encoding = decode(data, name)
    return Document(name, text, encoding)


def seed_path() -> Path:
    """The bundled seed speech: inside the wheel, or in the checkout's seeds/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds" / SEED_NAME, here.parent / "seeds" / SEED_NAME):
        if candidate.is_file():
            return candidate
    raise InputError(f"the bundled seed speech {SEED_NAME} is missing from this install")


def read_seed() -> Document:
    doc = read_path(seed_path())
    return Document(SEED_NAME, doc.text, doc.encoding)


def require_text(doc: Document) -> Document:
    """Refuse empty input with a message that says so; the error keeps the document."""
    if not doc.text.strip():
        what = "empty" if not doc.text else "empty (whitespace only)"
        raise EmptyTextError(f"{doc.name}: the text is {what}", document=doc)
    return doc
