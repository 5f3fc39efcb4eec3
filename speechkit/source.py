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

from . import regexes
from .datafiles import os_problem
from .errors import EmptyTextError, InputError, UsageError

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
_CYRILLIC = regexes.compile(r"[А-Яа-яЁё]")
# «рТЙЧЕФ»: a capital inside a lower-case word is what a wrong code page looks like
_CASE_FLIP = regexes.compile(r"[а-яё][А-ЯЁ]")
SAMPLE = 1 << 16  # bytes looked at when guessing: enough for a verdict, cheap for 20 MB files

# The most bytes read from one input (a file, stdin, one JSON line): more is refused, never read.
MAX_BYTES_ENV = "SPEECHKIT_MAX_BYTES"
DEFAULT_MAX_BYTES = 200 * 2**20
_SIZE = regexes.compile(r"\s*(\d+)\s*([kmg]?)i?b?\s*", re.I)
# A UTF-8 text may carry a few damaged bytes: at most one per this many good multi-byte letters
UTF8_BAD_RATIO = 20


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded text with its name and the encoding it was read in."""

    name: str
    text: str
    encoding: str
    meta: dict | None = None
    warnings: tuple[str, ...] = ()  # what reading it had to repair: «2 bytes that are not UTF-8 …»


# ---------------------------------------------------------------- how much is read
def parse_size(value: str | int) -> int:
    """Bytes from ``200M``, ``1G``, ``500k`` or a plain number (K, M, G are powers of 1024).

    >>> parse_size("200M"), parse_size("1g"), parse_size(4096)
    (209715200, 1073741824, 4096)
    """
    if isinstance(value, int):
        n = value
    else:
        m = _SIZE.fullmatch(value)
        if not m:
            raise UsageError(f"--max-bytes takes a size such as 500000, 300M or 1G, not {value!r}")
        n = int(m.group(1)) * 1024 ** " kmg".index(m.group(2).lower() or " ")
    if n < 1:
        raise UsageError("--max-bytes must be at least 1")
    return n


def max_bytes() -> int:
    """The bound on one input's bytes: ``SPEECHKIT_MAX_BYTES`` (set by ``--max-bytes``) or 200 MB."""
    setting = os.environ.get(MAX_BYTES_ENV)
    return parse_size(setting) if setting else DEFAULT_MAX_BYTES


def size_text(n: int) -> str:
    """A size as people read it.

    >>> size_text(200 * 2**20), size_text(1500), size_text(12)
    ('200 MB', '1.5 KB', '12 bytes')
    """
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def too_large(name: str, limit: int) -> InputError:
    return InputError(f"{name}: more than {size_text(limit)}, the most read from one input "
                      f"(speechkit --max-bytes SIZE raises it)")


def read_limited(stream, name: str, limit: int | None = None) -> bytes:
    """All of a stream up to ``limit`` bytes; a longer one is refused once the limit is passed.

    Binary data (NUL bytes that are not UTF-16, an image's magic number) is refused from its
    first 64 KB, so ``speechkit themes - < /dev/zero`` stops at once.
    """
    limit = max_bytes() if limit is None else limit
    head = stream.read(min(SAMPLE, limit + 1))
    if _binary_head(head):
        raise InputError(f"{name}: not a text file (binary data)")
    chunks = [head]
    size = len(head)
    while size <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise too_large(name, limit)


def _binary_head(head: bytes) -> bool:
    """An image, archive or executable, or NUL bytes in what is not UTF-16/32 text."""
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    if head.startswith(BINARY_MAGIC):
        return True
    if b"\x00" not in head:
        return False
    encoding = _utf16_without_bom(head)  # NUL bytes are every other byte of UTF-16 …
    return encoding is None or _looks_binary(head[: len(head) // 2 * 2].decode(encoding, "replace"))  # … or zeros


# ---------------------------------------------------------------- bytes to text
def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as Russian text; return (text, encoding name).

    >>> decode("Привет".encode("cp1251"))
    ('Привет', 'cp1251')
    >>> decode("\\ufeffПривет".encode("utf-16-le"))
    ('Привет', 'utf-16-le')
    """
    text, encoding, _ = decode_text(data, name)
    return text, encoding


def decode_text(data: bytes, name: str = "<bytes>") -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes as Russian text; return (text, encoding name, warnings about repairs).

    A text that is UTF-8 but for a few damaged bytes stays UTF-8, those bytes replaced by U+FFFD
    and a warning saying how many and where; an 8-bit code page is tried only for bytes that are
    not plausibly UTF-8.

    >>> text, encoding, warnings = decode_text("Порт Актау принимает суда".encode() + b"\\xff.")
    >>> text[-3:], encoding, warnings
    ('а\\ufffd.', 'utf-8', ('1 byte that is not UTF-8 replaced by U+FFFD, at character 25',))
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            return _checked(_strict(data[len(bom):], codec, name), name), encoding, ()
    if data.startswith(BINARY_MAGIC):
        raise InputError(f"{name}: not a text file (binary data)")
    head = data[:SAMPLE]
    encoding = _utf16_without_bom(head)
    if encoding is not None:
        return _checked(_strict(data, encoding, name), name), encoding, ()
    if b"\x00" in head:
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8", ()
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = replaced_positions(text, data)
    if _plausibly_utf8(text, len(bad)):
        # a file cut in the middle of a letter, or a few damaged bytes in a UTF-8 text
        return _checked(text, name), "utf-8", (replaced_warning(bad),)
    return (*_decode_legacy(data, name), ())


def replaced_positions(text: str, data: bytes) -> list[int]:
    """Where bytes that were not UTF-8 became U+FFFD (a U+FFFD written in the file is not counted)."""
    genuine = data.count(b"\xef\xbf\xbd")
    found = [m.start() for m in _REPLACEMENT.finditer(text)]
    return found[genuine:] if genuine else found  # genuine ones first: a fair guess for the rare mix


_REPLACEMENT = regexes.compile("\ufffd")


def replaced_warning(positions: list[int], count: int | None = None, shown: int = 5) -> str:
    """«2 bytes that are not UTF-8 replaced by U+FFFD, at characters 120, 121»: ``count`` bytes, if not one each."""
    n = len(positions)
    count = n if count is None else count
    where = ", ".join(map(str, positions[:shown])) + (f" and {n - shown} more" if n > shown else "")
    what = "1 byte that is not UTF-8" if count == 1 else f"{count} bytes that are not UTF-8"
    return f"{what} replaced by U+FFFD, at character{'s' if n > 1 else ''} {where}"


def _plausibly_utf8(text: str, bad: int) -> bool:
    """Enough good multi-byte letters, and few damaged bytes among them.

    A cp1251 or koi8-r text read as UTF-8 has nearly every letter damaged; a UTF-8 file with a few
    flipped bits or a cut last letter has one damaged byte in hundreds of letters.
    """
    if bad == 0:
        return True
    multibyte = len(text.encode("utf-8", "surrogatepass")) - len(text) - 2 * bad  # extra bytes of good letters
    return multibyte >= 8 and bad <= max(1, multibyte // UTF8_BAD_RATIO)


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


_INNER_CAPITAL = regexes.compile("(?<=[А-ЯЁ])[А-ЯЁ]")


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


def read_path(path: str | os.PathLike, limit: int | None = None) -> Document:
    """Read one file of at most ``limit`` bytes (``max_bytes()``); errors name the path and the problem."""
    p = Path(path)
    limit = max_bytes() if limit is None else limit
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{p}: is a directory, not a file")
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise InputError(f"{p}: not a regular file")  # /dev/zero would never end
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            raise too_large(str(p), limit)  # refused before a byte is read
        with open(p, "rb") as fh:
            data = read_limited(fh, str(p), limit)  # a pipe, or a file that grew since
    except OSError as exc:
        raise InputError(f"{p}: {os_problem(exc)}") from None
    return read_bytes(data, str(p))


def read_bytes(data: bytes, name: str) -> Document:
    """Decode bytes that came from somewhere other than a file (stdin, a test)."""
    text, encoding, warnings = decode_text(data, name)
    return Document(name, text, encoding, None, warnings)


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
