"""Faults of the files and folders around a run: nothing is damaged or skipped without a word.

Damaged bytes in a UTF-8 file, folders that cannot be listed, symbolic links in a circle, an
output file that is one of the inputs, a full disk under ``> file``, an output that is a pipe.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import ROOT, SEED, SPEECH

from speechkit.source import decode, decode_text

SEED_TEXT = SEED.read_text("utf-8")


# ---------------------------------------------------------------- damaged UTF-8
def flip(data: bytes, positions: list[int], bit: int = 0x40) -> bytes:
    out = bytearray(data)
    for p in positions:
        out[p] ^= bit
    return bytes(out)


def _letter_bytes(data: bytes, n: int, seed: int) -> list[int]:
    """``n`` positions of first bytes of Cyrillic letters (flipping one breaks the letter)."""
    rng = random.Random(seed)
    leads = [i for i, b in enumerate(data) if b in (0xD0, 0xD1)]
    return sorted(rng.sample(leads, n))


def _at_space(data: bytes, near: int) -> int:
    return data.index(b" ", near) + 1  # a letter boundary: nothing is cut but what is inserted


STRAY = [
    # (what, the damaged bytes, how many bytes the warning counts): a flipped bit in the first byte of
    # a letter breaks it in two (its lead byte and its continuation byte)
    ("two flipped bits", lambda d: flip(d, _letter_bytes(d, 2, 1)), 4),
    ("forty flipped bits", lambda d: flip(d, _letter_bytes(d, 40, 2)), 80),
    ("a stray 0xFF", lambda d: d[:_at_space(d, 500)] + b"\xff" + d[_at_space(d, 500):], 1),
    ("cut in the middle of the last letter", lambda d: (d.decode() + " конец").encode()[:-1], 1),
    ("a cp1251 word pasted in", lambda d: d[:_at_space(d, 300)] + "Привет".encode("cp1251") + d[_at_space(d, 300):],
     6),
]


@pytest.mark.parametrize("what, damage, bad", STRAY, ids=[s[0] for s in STRAY])
def test_utf8_with_a_few_damaged_bytes_stays_utf8(what, damage, bad):
    data = damage(SEED_TEXT.encode("utf-8"))
    text, encoding, warnings = decode_text(data, "seed.txt")
    assert encoding == "utf-8"  # was koi8-r, every letter garbled, no warning
    assert bad - 1 <= text.count("\ufffd") <= bad and len(text) >= len(SEED_TEXT) - 3
    assert "Токаев" in text and "Казахстан" in text
    (warning,) = warnings
    bad = text.count("\ufffd")  # a run of bad bytes may become one U+FFFD («Пр» in cp1251 is a 4-byte lead)
    assert warning.startswith(f"{bad} bytes that are not UTF-8" if bad > 1 else "1 byte that is not UTF-8")
    first = text.index("\ufffd")
    assert f"at character{'s' if bad > 1 else ''} {first}" in warning


CODE_PAGES = [
    ("cp1251", SEED_TEXT.encode("cp1251", "replace")),
    ("koi8-r", SEED_TEXT.replace("«", '"').replace("»", '"').replace("—", "-").encode("koi8-r", "replace")),
    ("cp866", SEED_TEXT.replace("«", '"').replace("»", '"').replace("—", "-").encode("cp866", "replace")),
    # a code page with a few UTF-8 letters pasted in is still the code page
    ("cp1251", SEED_TEXT.encode("cp1251", "replace")[:2000] + "Привет, мир".encode() + SEED_TEXT.encode("cp1251", "replace")[2000:]),
]


@pytest.mark.parametrize("encoding, data", CODE_PAGES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CODE_PAGES)])
def test_a_code_page_is_chosen_only_for_bytes_that_are_not_utf8(encoding, data):
    assert decode(data)[1] == encoding


def test_the_repair_is_a_warning_on_stderr_and_in_the_json(cli, tmp_path):
    f = tmp_path / "flipped.txt"
    f.write_bytes(flip(SEED_TEXT.encode("utf-8"), [1000, 3001]))
    result = cli("themes", f, "--json")
    assert result.exit_code == 0, result.output
    source = json.loads(result.stdout)["source"]
    assert source["encoding"] == "utf-8"
    (warning,) = source["warnings"]
    assert warning.startswith("4 bytes that are not UTF-8 replaced by U+FFFD, at characters ")
    assert result.stderr == f"speechkit: warning: {f}: {warning}\n"


def test_damaged_bytes_in_a_json_line_are_a_warning_too(cli, tmp_path):
    corpus = tmp_path / "c.jsonl"
    line = json.dumps({"text": SPEECH}, ensure_ascii=False).encode()
    at = line.index("Министр ".encode()) + len("Министр ".encode())  # character 8 of the text
    corpus.write_bytes(line[:at] + b"\xff" + line[at:] + b"\n" + line + b"\n")
    result = cli("themes", "--input-jsonl", corpus, "--json-lines")
    assert result.exit_code == 0, result.output
    first, second = (json.loads(x)["source"] for x in result.stdout.splitlines())
    assert first["warnings"] == ["the JSON line had 1 byte that is not UTF-8 replaced by U+FFFD, at character 8 "
                                 "of the text"]
    assert "warnings" not in second
    assert result.stderr == f"speechkit: warning: {corpus}:1: {first['warnings'][0]}\n"


# ---------------------------------------------------------------- folders
@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a" / "one.txt").write_text(SPEECH, encoding="utf-8")
    (root / "b" / "deeper" / "two.txt").write_text(SPEECH, encoding="utf-8")
    return root


def _names(result) -> list[str]:
    return [Path(json.loads(line)["source"]["name"]).name for line in result.stdout.splitlines()]


FOLDER_FAULTS = [
    # (what, how the corpus is spoilt, what stderr says)
    ("a link to the folder above", lambda r: (r / "b" / "deeper" / "up").symlink_to(r / "b"),
     "b/deeper/up: a symbolic link back to"),
    ("a link to itself", lambda r: (r / "a" / "self").symlink_to(r / "a"), "a/self: a symbolic link back to"),
    ("two links in a circle", lambda r: ((r / "x.txt").symlink_to(r / "y.txt"), (r / "y.txt").symlink_to(r / "x.txt")),
     "x.txt: a symbolic link in a loop"),
    ("a broken link", lambda r: (r / "gone.txt").symlink_to(r / "nowhere.txt"), "gone.txt: a broken symbolic link"),
]


@pytest.mark.parametrize("what, spoil, says", FOLDER_FAULTS, ids=[f[0] for f in FOLDER_FAULTS])
def test_what_a_folder_walk_cannot_follow_is_reported(cli, corpus, what, spoil, says):
    spoil(corpus)
    result = cli("themes", corpus, "--json-lines")
    assert result.exit_code == 6, result.output  # was exit 0, nothing said
    assert _names(result) == ["one.txt", "two.txt"]
    assert "speechkit: skipped: " in result.stderr and says in result.stderr


def test_an_unreadable_subfolder_is_reported(cli, corpus, monkeypatch):
    (corpus / "b" / "secret").mkdir()
    (corpus / "b" / "secret" / "three.txt").write_text(SPEECH, encoding="utf-8")
    secret = str(corpus / "b" / "secret")
    real = os.scandir

    def scandir(path="."):  # as chmod 000 does for anyone but root
        if os.fspath(path) == secret:
            raise PermissionError(13, "Permission denied", secret)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("themes", corpus, "--json-lines")
    assert result.exit_code == 6, result.output
    assert _names(result) == ["one.txt", "two.txt"]
    assert result.stderr == f"speechkit: skipped: {secret}: cannot list this folder (Permission denied)\n"


def test_a_link_to_a_folder_elsewhere_is_followed_once(cli, corpus, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "three.txt").write_text(SPEECH, encoding="utf-8")
    (corpus / "linked").symlink_to(other)
    (corpus / "linked-again").symlink_to(other)
    result = cli("themes", corpus, "--json-lines")
    assert result.exit_code == 0, result.output
    assert sorted(_names(result)) == ["one.txt", "three.txt", "two.txt"]


@pytest.mark.parametrize("glob, found", [("*.txt", ["one.txt", "two.txt"]), ("**/*.txt", ["one.txt", "two.txt"]),
                                         ("deeper/*.txt", ["two.txt"]), ("one.*", ["one.txt"])])
def test_glob_inside_folders_as_before(cli, corpus, glob, found):
    result = cli("themes", corpus, "--json-lines", "--glob", glob)
    assert _names(result) == found


# ---------------------------------------------------------------- where output goes
@pytest.mark.parametrize("how", ["the same path", "another path to it", "a hard link"])
def test_output_onto_an_input_is_refused(cli, tmp_path, how):
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    target = {"the same path": speech, "another path to it": tmp_path / "." / "speech.txt",
              "a hard link": tmp_path / "link.txt"}[how]
    if how == "a hard link":
        os.link(speech, target)
    result = cli("themes", speech, "--json", "-o", target)
    assert result.exit_code == 2, result.output  # was exit 0, and the speech was gone
    assert "-o names an input file" in result.stderr
    assert speech.read_text(encoding="utf-8") == SPEECH


def test_output_into_an_input_folder_it_would_be_read_from_is_refused(cli, corpus):
    result = cli("themes", corpus, "-o", corpus / "a" / "themes.txt")
    assert result.exit_code == 2 and "inside the input folder" in result.stderr
    assert cli("themes", corpus, "--json", "-o", corpus / "themes.json").exit_code == 0  # not *.txt: fine


def test_a_full_disk_under_stdout_is_exit_3_with_the_place(speechkit_cmd, speech_file):
    """speechkit themes speech.txt --json > file-on-a-full-disk"""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    for args in (["themes", speech_file, "--json"], ["themes", speech_file, speech_file, "--json-lines"]):
        argv, env = speechkit_cmd(*args)
        with open("/dev/full", "wb") as full:
            p = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, env=env, cwd=ROOT, timeout=120)
        assert p.returncode == 3, p.stderr  # was 1, «unexpected OSError»
        assert p.stderr == b"speechkit: error: /dev/full (stdout): cannot write (No space left on device)\n"


def test_output_onto_a_pipe_writes_into_it(cli, tmp_path, speech_file):
    """-o /dev/stdout, -o a named pipe: written into, never replaced by a file (as root, -o /dev/null was)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("themes", speech_file, "--json", "-o", fifo)
    reader.join(30)
    assert result.exit_code == 0, result.output
    assert json.loads(got[0])["source"]["name"] == str(speech_file)
    assert fifo.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "speech.txt"]
