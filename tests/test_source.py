"""Reading input: encodings, binary files, unreadable paths, JSON lines, empty texts, atomic output."""

from __future__ import annotations

import io
import json
import os
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from speechkit.commands.output import open_output
from speechkit.corpus import Failed, empty_record, empty_record_for, iter_documents, run
from speechkit.errors import EmptyTextError, ExitCode, InputError
from speechkit.source import Document, decode, read_path, require_text

TEXT = "Касым-Жомарт Токаев заявил: «Мы готовы к диалогу».\nОбъём перевозок вырос на 65%, до 3 000 тонн."
# koi8-r has no «», so the 8-bit code pages get a text with straight quotes
TEXT_8BIT = TEXT.replace("«", '"').replace("»", '"')


# ---------------------------------------------------------------- encodings
ENCODINGS = [
    # (bytes, text, reported encoding)
    (TEXT.encode("utf-8"), TEXT, "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
    (b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT, "utf-16-le"),
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT, "utf-16-be"),
    (TEXT.encode("utf-16-le"), TEXT, "utf-16-le"),  # Notepad's "Unicode" without a BOM
    (TEXT.encode("utf-16-be"), TEXT, "utf-16-be"),
    (TEXT.encode("utf-32"), TEXT, "utf-32-le"),
    (TEXT.encode("cp1251"), TEXT, "cp1251"),
    (TEXT_8BIT.encode("koi8-r"), TEXT_8BIT, "koi8-r"),
    (TEXT_8BIT.encode("cp866"), TEXT_8BIT, "cp866"),
    # all capitals: letter frequencies decide, not letter case
    (TEXT.upper().encode("cp1251"), TEXT.upper(), "cp1251"),
    (TEXT_8BIT.upper().encode("koi8-r"), TEXT_8BIT.upper(), "koi8-r"),
    # CRLF line ends are kept: offsets point into the text as read
    (TEXT.replace("\n", "\r\n").encode("utf-8"), TEXT.replace("\n", "\r\n"), "utf-8"),
    (TEXT.replace("\n", "\r\n").encode("cp1251"), TEXT.replace("\n", "\r\n"), "cp1251"),
    (b"", "", "utf-8"),
    (b"Hello, world.", "Hello, world.", "utf-8"),
]


@pytest.mark.parametrize("data, text, encoding", ENCODINGS, ids=[e[2] + f"-{i}" for i, e in enumerate(ENCODINGS)])
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_the_seed_in_every_code_page_decodes_back():
    seed = Path(__file__).resolve().parent.parent.joinpath("seeds", "tokayev-ots-shusha-2024.txt").read_text("utf-8")
    for enc in ("cp1251", "koi8-r", "cp866"):
        data = seed.encode(enc, "replace")
        assert decode(data) == (data.decode(enc), enc)


def test_utf8_cut_in_the_middle_of_a_letter_is_still_utf8():
    data = TEXT.encode("utf-8")[:-1] if TEXT.endswith("н") else (TEXT + "ё").encode("utf-8")[:-1]
    text, encoding = decode(data)
    assert encoding == "utf-8" and text.startswith("Касым-Жомарт") and text.endswith("\ufffd")


def test_a_stray_byte_in_long_utf8_is_replaced_not_a_code_page():
    data = (TEXT * 20).encode("utf-8")
    data = data[:100] + b"\xff" + data[100:]
    text, encoding = decode(data)
    assert encoding == "utf-8" and text.count("\ufffd") == 1


# ---------------------------------------------------------------- binary data
def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("speech.txt", TEXT)
    return buf.getvalue()


BINARY = [
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256))),
    ("elf", Path(sys.executable).read_bytes()[:4096]),
    ("zip", _zip_bytes()),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(range(256))),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
    ("exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)),
    ("zeros", bytes(1000)),
    ("random", bytes((i * 7919 + 13) % 251 for i in range(5000))),
    ("controls", bytes(range(1, 32)) * 50),
]


@pytest.mark.parametrize("data", [b for _, b in BINARY], ids=[n for n, _ in BINARY])
def test_binary_data_is_not_text(data):
    with pytest.raises(InputError, match="x.bin: not a text file"):
        decode(data, "x.bin")


@pytest.mark.parametrize("text", ["MZ Москва", "ID3 формат", "RIFF", "GIF — формат"])
def test_text_that_starts_like_a_magic_number_is_text(text):
    assert decode(text.encode("utf-8"))[0] == text


# ---------------------------------------------------------------- paths
def test_read_path_errors_name_the_path_and_the_problem(tmp_path):
    cases = {
        tmp_path / "missing.txt": "no such file",
        tmp_path: "is a directory",
        tmp_path / "file.txt" / "below": "no such file",
        Path("/dev/zero"): "not a regular file",
    }
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    for path, problem in cases.items():
        with pytest.raises(InputError) as err:
            read_path(path)
        assert str(err.value).startswith(f"{path}: ") and problem in str(err.value)


def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text(TEXT, encoding="utf-8")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        with pytest.raises(InputError, match="secret.txt: permission denied"):
            read_path(f)
    finally:
        f.chmod(0o644)


def test_require_text_keeps_the_document_for_an_empty_report():
    doc = Document("blank.txt", " \n\t\u00a0\n", "cp1251")
    with pytest.raises(EmptyTextError) as err:
        require_text(doc)
    assert err.value.document is doc and "blank.txt: the text is empty" in str(err.value)
    assert err.value.exit_code == ExitCode.EMPTY


# ---------------------------------------------------------------- many documents
def test_folders_expand_and_an_empty_folder_is_a_failed_record(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Первый текст.", encoding="utf-8")
    (tmp_path / "a" / "sub").mkdir()
    (tmp_path / "a" / "sub" / "two.txt").write_text("Второй текст.", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("не текст", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.md").write_text("x", encoding="utf-8")
    docs = list(iter_documents([str(tmp_path / "a"), str(tmp_path / "empty"), str(tmp_path / "other"),
                                str(tmp_path / "missing.txt")]))
    assert [d.text for d in docs[:2]] == ["Первый текст.", "Второй текст."]
    failed = docs[2:]
    assert all(isinstance(d, Failed) and d.exit_code == ExitCode.INPUT for d in failed)
    assert "is an empty folder" in failed[0].message
    assert "no files matching '*.txt'" in failed[1].message
    assert "missing.txt: no such file" in failed[2].message


def _jsonl(path: Path, rows: list) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False))
            fh.write("\n")
    return path


def test_jsonl_records_ids_failures_and_a_raw_line_separator(tmp_path):
    f = _jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "Первый\u2028текст.", "lang": "ru"},  # U+2028 is legal inside a JSON string
        "{not json",
        {"body": "no text field"},
        {"id": "b", "text": "   "},
        "",
        {"id": None, "text": "Без id."},
    ])
    docs = list(iter_documents([str(f)], jsonl=True, id_field="id"))
    assert isinstance(docs[0], Document) and docs[0].name == "a" and docs[0].text == "Первый\u2028текст."
    assert docs[0].meta == {"id": "a", "lang": "ru"}
    assert isinstance(docs[1], Failed) and "in.jsonl:2: not valid JSON" in docs[1].message
    assert isinstance(docs[2], Failed) and "no string field 'text'" in docs[2].message
    assert isinstance(docs[3], Failed) and docs[3].exit_code == ExitCode.EMPTY and docs[3].document.name == "b"
    assert docs[4].name.endswith("in.jsonl:6") and docs[4].text == "Без id."
    assert len(docs) == 5


def test_jsonl_with_a_bom_and_a_missing_file(tmp_path):
    f = tmp_path / "bom.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "Текст."}).encode() + b"\n")
    docs = list(iter_documents([str(f), str(tmp_path / "nope.jsonl")], jsonl=True))
    assert docs[0].text == "Текст."
    assert isinstance(docs[1], Failed) and docs[1].message.endswith("nope.jsonl: no such file")


def test_jsonl_file_streams_without_reading_it_all(tmp_path):
    f = tmp_path / "big.jsonl"
    line = json.dumps({"text": "Порт Актау принимает суда. " * 40}, ensure_ascii=False) + "\n"
    with f.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 2**20 // len(line.encode())):
            fh.write(line)
    assert f.stat().st_size > 45 * 2**20
    tracemalloc.start()
    docs = iter_documents([str(f)], jsonl=True)
    first = next(docs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    docs.close()
    assert first.text.startswith("Порт Актау")
    assert peak < 4 * 2**20, peak  # the 50 MB file was not read whole


class _LazyStdin:
    """A stdin whose lines are produced on demand, counting how many were taken."""

    def __init__(self, lines: int) -> None:
        self.taken = 0
        self.lines = lines
        self.buffer = self

    def fileno(self):
        raise io.UnsupportedOperation  # an in-memory stream, as under CliRunner

    def __iter__(self):
        for i in range(self.lines):
            self.taken += 1
            yield (json.dumps({"id": i, "text": f"Документ номер {i}."}, ensure_ascii=False) + "\n").encode()

    def read(self, n=-1):
        raise AssertionError("stdin JSON lines must be streamed, not read whole")


def test_stdin_jsonl_streams_line_by_line(monkeypatch):
    stdin = _LazyStdin(1_000_000)
    monkeypatch.setattr(sys, "stdin", stdin)
    docs = iter_documents([], jsonl=True, id_field="id")
    assert [next(docs).name for _ in range(3)] == ["0", "1", "2"]
    assert stdin.taken <= 4


def test_stdin_jsonl_through_dash(monkeypatch):
    stdin = _LazyStdin(5)
    monkeypatch.setattr(sys, "stdin", stdin)
    assert [d.name for d in iter_documents(["-"], jsonl=True, id_field="id")] == ["0", "1", "2", "3", "4"]


# ---------------------------------------------------------------- empty records
@pytest.mark.parametrize("command", ["themes", "numbers", "keywords", "summary", "analyze", "tokens"])
def test_empty_record_has_the_keys_of_a_real_record(command):
    from speechkit import analyze
    from speechkit.commands.runner import work
    from speechkit.pipeline import Options

    doc = Document("x.txt", "«Мы готовы к диалогу», — заявил министр. Рост 5%.", "utf-8")
    real = work(command, Options(), {"by": "theme"} if command == "summary" else {}, doc)
    real.pop("_text", None)
    empty = empty_record(command, "x.txt", "cp1251", 3)
    assert set(empty) <= set(real) | {"by_theme"}, (set(empty), set(real))
    assert empty["source"]["encoding"] == "cp1251" and empty["source"]["chars"] == 3
    for key, value in empty.items():
        if key != "source":
            assert value in ([], {}), key
    analyze("")  # and the library itself takes an empty text


def test_empty_record_for_an_empty_document_only():
    doc = Document("blank.txt", "  ", "utf-16-le", {"id": 7})
    rec = empty_record_for("numbers", Failed("blank.txt", "blank.txt: the text is empty", ExitCode.EMPTY, doc))
    assert rec == {"source": {"name": "blank.txt", "chars": 2, "encoding": "utf-16-le", "boilerplate_start": None,
                              "boilerplate": [], "meta": {"id": 7}}, "figures": []}
    assert empty_record_for("numbers", Failed("x", "x: no such file", ExitCode.INPUT)) is None


# ---------------------------------------------------------------- running
def _upper(doc: Document) -> dict:
    if "сбой" in doc.text:
        raise ValueError("a bug")
    return {"name": doc.name, "text": doc.text.upper()}


@pytest.mark.parametrize("workers", [1, 2])
def test_run_keeps_order_and_turns_a_bug_into_a_failed_record(workers):
    docs = [Document(f"d{i}", "сбой" if i == 3 else f"текст {i}", "utf-8") for i in range(10)]
    docs.insert(5, Failed("bad", "bad: no such file", ExitCode.INPUT))
    out = list(run(docs, _upper, workers=workers, window=3))
    assert [d.name for d, _ in out] == [d.name for d in docs]
    bug = out[3][0]
    assert isinstance(bug, Failed) and bug.exit_code == ExitCode.FAILURE
    assert "d3: unexpected ValueError: a bug" in bug.message and "Traceback" in bug.detail
    assert out[4][1] == {"name": "d4", "text": "ТЕКСТ 4"}


# ---------------------------------------------------------------- atomic output
def test_output_replaces_the_file_whole_or_not_at_all(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(RuntimeError):
        with open_output(target) as out:
            out.write("half a new")
            raise RuntimeError("analysis failed halfway")
    assert target.read_text("utf-8") == "old report"
    with open_output(target) as out:
        out.write("new report")
        assert target.read_text("utf-8") == "old report"  # not visible until complete
    assert target.read_text("utf-8") == "new report"
    assert target.stat().st_mode & 0o777 == 0o640  # the old file's permissions are kept
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left behind


def test_output_to_a_new_file_gets_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        with open_output(tmp_path / "new.json") as out:
            out.write("{}")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644


def test_output_errors_name_the_file(tmp_path):
    with pytest.raises(InputError, match="folder .*missing does not exist"):
        with open_output(tmp_path / "missing" / "r.json"):
            pass
    with pytest.raises(InputError, match="is a directory"):
        with open_output(tmp_path):
            pass


@pytest.mark.parametrize("text", [
    " подчеркнул подчеркнул",  # hypothesis found it: read as koi8-r it is «ОНДВЕПЙМСК», Russian letters too
    "сказал он",
    "ПРЕЗИДЕНТ ЗАЯВИЛ О МИРЕ. Президент Казахстана выступил на саммите.",
])
@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_short_texts_in_either_code_page_come_back_as_written(text, encoding):
    assert decode(text.encode(encoding), "x") == (text, encoding)
