"""Bytes to text: encoding detection, the embedded default speech, stdin.

Russian files arrive as UTF-8 (with or without BOM), UTF-16 from Windows
editors, cp1251 from old Windows machines and koi8-r from old mail archives;
we decode all of them and say which one we used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import EmptyTextError, InputError

SEED_NAME = "tokayev-ots-shusha-2024.txt"

# Magic numbers of formats people feed by mistake: images, archives, executables, PDFs.
BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"%PDF", b"\x7fELF",
    b"MZ", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf", b"Rar!", b"\xca\xfe\xba\xbe",
)


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
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as {encoding} at byte {exc.start}") from None


def _decode_legacy(data: bytes, name: str) -> str | tuple[str, str]:
    """Choose between the 8-bit Cyrillic code pages by letter case.

    cp1251 keeps lowercase Cyrillic in 0xE0-0xFF, koi8-r keeps uppercase there,
    so the wrong choice turns running Russian text into mostly capitals.
    """
    best: tuple[int, str, str] | None = None
    for encoding in ("cp1251", "koi8_r"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        lower = sum(1 for ch in text if "а" <= ch <= "я" or ch == "ё")
        if best is None or lower > best[0]:
            best = (lower, text, "koi8-r" if encoding == "koi8_r" else encoding)
    if best is not None and best[0] > 0:
        letters = sum(1 for ch in best[1] if ch.isalpha())
        if letters and best[0] / letters > 0.3:
            return best[1], best[2]
    from charset_normalizer import from_bytes  # slow import, rare path

    match = from_bytes(data).best()
    if match is None or _looks_binary(str(match)):
        raise InputError(f"{name}: not a text file (cannot detect its encoding)")
    return str(match), match.encoding


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > len(text[:4096]) * 0.05


def read_path(path: str | os.PathLike) -> Document:
    """Read one file; errors name the path and the problem."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    text, encoding = decode(data, str(p))
    return Document(str(p), text, encoding)


def read_bytes(data: bytes, name: str) -> Document:
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
    """Refuse empty input with a message that says so."""
    if not doc.text.strip():
        raise EmptyTextError(f"{doc.name}: the text is empty")
    return doc
