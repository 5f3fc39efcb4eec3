"""No input makes the output, the memory or the work grow faster than the input itself.

Each table row is a shape of text that once did: a figure repeating a sentence of the whole text,
nested «» repeating their text once per level, a theme's summary graph without a cap, a stream
that never ends, a corpus parent keeping something per document, a figure of 5,000 digits.
Growth is checked by counting (bytes of JSON, lines of Python) at two sizes, never by the clock.
"""

from __future__ import annotations

import gc
import io
import json
import re
import resource
import signal
import subprocess
import sys

import pytest

from conftest import ROOT, SPEECH
from pathological import ReadSpy, lines_run

from speechkit import analyze, formats, name_forms
from speechkit.corpus import Failed, iter_documents
from speechkit.pipeline import SENTENCE_CONTEXT, Options
from speechkit.quotes import QUOTED_NAME_MAX, find_quotes
from speechkit.views import record

LEAN = Options(keywords=False, summary=False)


def json_size(command: str, text: str) -> int:
    return len(formats.dumps(record(command, analyze(text, LEAN)), indent=2))


# ---------------------------------------------------------------- output linear in the input
GROWING = [
    # (what, the text at size k, the command whose JSON is measured)
    # 12,500 figures in one sentence: each repeated the whole sentence (25 KB → 670 MB)
    ("digits without a full stop", lambda k: " ".join(["1"] * k), "numbers"),
    ("figures in one long sentence", lambda k: "Рост на 5% и " * k + "конец.", "numbers"),
    # «слово «слово … »»: each level repeated its inner text in quoted_names
    ("nested quotes", lambda k: "«слово " * k + "»" * k, "themes"),
]


@pytest.mark.parametrize("what, make, command", GROWING, ids=[g[0] for g in GROWING])
def test_json_grows_linearly_with_the_text(what, make, command):
    small, large = json_size(command, make(1000)), json_size(command, make(2000))
    assert large / small < 2.3, f"{what}: {small} bytes of JSON for 1×, {large} for 2×"


def test_a_figure_in_a_long_sentence_keeps_a_window_of_it():
    text = "Объём вырос " + "и ещё " * 400 + "на 65% за год " + "и ещё " * 400 + "в порту."
    (fig,) = [f for f in analyze(text, LEAN).figures if f.text == "65%"]
    s = fig.sentence
    assert s.end - s.start <= SENTENCE_CONTEXT and text[s.start:s.end] == s.text
    assert s.start <= fig.start and fig.end <= s.end and "на 65% за год" in s.text
    assert text[s.start - 1] == " " and text[s.end] == " "  # cut at spaces: words whole


def test_figures_on_one_long_line_share_their_windows():
    """50,000 figures without a full stop held a window each (600 MB per MB of text): a window is
    kept once for the figures that begin in one quarter of it."""
    text = " ".join(["1"] * 5000)
    figures = analyze(text, LEAN).figures
    assert len(figures) == 5000
    windows = {id(f.sentence): f.sentence for f in figures}
    assert len(windows) <= len(text) // (SENTENCE_CONTEXT // 4) + 1
    for f in figures:
        s = f.sentence
        assert s.start <= f.start and f.end <= s.end and s.end - s.start <= SENTENCE_CONTEXT
        assert text[s.start:s.end] == s.text


def test_a_short_sentence_is_kept_whole():
    text = "Министр выступил. Объём перевозок вырос на 65% за год. Порт работает."
    (fig,) = analyze(text, LEAN).figures
    assert fig.sentence.text == "Объём перевозок вырос на 65% за год."


def test_nested_quotes_are_names_no_longer_than_a_title():
    text = "Компания «Ромашка «Лютик» и» выросла. " + "«слово " * 300 + "»" * 300
    names = [n.text for n in analyze(text, LEAN).quoted_names]
    assert "«Ромашка «Лютик» и»" in names and "«Лютик»" in names  # names inside names stay
    assert all(len(n) <= QUOTED_NAME_MAX for n in names)
    assert sum(map(len, names)) < 40 * len(text)


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


QUOTE_RUNS = [
    # «слово », «слово », … in one paragraph without a full stop: each quote looked for its
    # attribution to the paragraph's end (88 KB: 44 s, quadratic)
    ("side by side", "«слово », " * 10_000),
    # «слово «слово … »»: every level searched its whole inside for an interrupting «, — сказал он, —»
    ("nested", "«слово " * 50_000 + "»" * 50_000),
]


@pytest.mark.parametrize("what, text", QUOTE_RUNS, ids=[q[0] for q in QUOTE_RUNS])
def test_quotes_without_a_full_stop_are_read_in_one_pass(what, text):
    """Linear takes a second or two here; the quadratic reading took a minute or more (an alarm, not a measurement)."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)
    try:
        find_quotes(text)
    except _TooSlow:
        pytest.fail(f"{what}: {len(text)} characters of quotes were not read in 30 seconds")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_the_summary_by_theme_has_the_graph_cap_too(monkeypatch):
    """One theme holding every sentence: its own TextRank graph is capped like the whole text's."""
    from speechkit import summary

    monkeypatch.setattr(summary, "MAX_GRAPH", 20)
    unit = "Порт Актау нарастил перевалку контейнеров и зерна на Каспии. "

    def by_theme(k: int):
        a = analyze(unit * k, LEAN)
        return lambda: summary.summarize_by_theme(a.text, a.sentences, a.tokens, a.segments)

    small, large = lines_run(by_theme(150)), lines_run(by_theme(300))
    assert large / small < 2.3, f"{small} lines for 150 sentences, {large} for 300"


# ---------------------------------------------------------------- figures no JSON reader takes
HUGE = "Выделено 1" + " 000" * 2000 + " тонн зерна. Урожай вырос на 5%."


@pytest.mark.parametrize("fmt", [[], ["--json"], ["--json-lines"], ["--csv"]])
def test_a_figure_of_6000_digits_is_not_a_figure(cli, tmp_path, fmt):
    f = tmp_path / "huge.txt"
    f.write_text(HUGE, encoding="utf-8")
    result = cli("numbers", f, *fmt)
    assert result.exit_code == 0, result.output  # was exit 1: «Exceeds the limit (4300 digits)»
    if fmt == ["--json"]:
        assert [fig["text"] for fig in json.loads(result.stdout)["figures"]] == ["5%"]


def test_large_figures_stay_figures():
    texts = [f.text for f in analyze("Госдолг 12 000 000 000 000 рублей, ВВП 200 трлн рублей.", LEAN).figures]
    assert texts == ["12 000 000 000 000 рублей", "200 трлн рублей"]


def test_a_record_that_cannot_be_written_fails_its_document_only(cli, tmp_path, monkeypatch):
    """A bug that leaves an unwritable value in one record: that document is reported, the rest written."""
    from speechkit.commands import runner

    real = runner.work

    def work(command, options, extra, doc):
        rec = real(command, options, extra, doc)
        if "b.txt" in doc.name:
            rec["figures"][0]["value"] = 10 ** 5000  # no JSON writer takes it
        return rec

    monkeypatch.setattr(runner, "work", work)
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(SPEECH, encoding="utf-8")
    for fmt in ("--json-lines", "--csv", "--json"):
        result = cli("numbers", tmp_path, fmt)
        assert result.exit_code == 6, result.output
        assert "b.txt: cannot write its record" in result.stderr
        assert "a.txt" in result.stdout and "c.txt" in result.stdout and "b.txt" not in result.stdout
    documents = json.loads(result.stdout)["documents"]  # --json stays one valid object
    assert [d["source"]["name"].rsplit("/", 1)[-1] for d in documents] == ["a.txt", "c.txt"]


def test_no_nan_reaches_the_json():
    with pytest.raises(ValueError):
        formats.dumps({"keyness": float("nan")})


def test_streamed_json_is_what_one_object_would_be(cli, tmp_path):
    for name in "ab":
        (tmp_path / f"{name}.txt").write_text(SPEECH, encoding="utf-8")
    out = cli("themes", tmp_path, "--json").stdout
    assert out == formats.dumps(json.loads(out), indent=2) + "\n"


# ---------------------------------------------------------------- bytes read from an input
def test_a_file_over_max_bytes_is_refused(cli, tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(SPEECH * 10, encoding="utf-8")
    result = cli("--max-bytes", "1K", "themes", f, "--json")
    assert result.exit_code == 3, result.output
    assert result.stderr == f"speechkit: error: {f}: more than 1 KB, the most read from one input " \
                            "(speechkit --max-bytes SIZE raises it)\n"
    assert cli("--max-bytes", "1M", "themes", f, "--json").exit_code == 0


@pytest.mark.parametrize("value", ["lots", "-5", "0", "1T"])
def test_a_bad_max_bytes_is_a_usage_error(cli, speech_file, value):
    result = cli("--max-bytes", value, "themes", speech_file)
    assert result.exit_code == 2 and "--max-bytes" in result.stderr


class EndlessStdin:
    """A stdin that never ends (/dev/zero, `yes`), failing the test if more than ``cap`` bytes are read."""

    def __init__(self, unit: bytes, cap: int) -> None:
        self.unit, self.cap, self.taken = unit, cap, 0
        self.buffer = self

    def fileno(self):
        raise io.UnsupportedOperation

    def read(self, n: int = -1) -> bytes:
        assert n >= 0, "an endless stdin read to its end"
        self.taken += n
        assert self.taken <= self.cap, f"{self.taken} bytes read from an endless stdin"
        return (self.unit * (n // len(self.unit) + 1))[:n]

    def readline(self, n: int = -1) -> bytes:
        return self.read(n)  # no line break, ever


@pytest.mark.parametrize("unit, says", [(b"\0", "not a text file (binary data)"),
                                        ("Порт вырос. ".encode(), "more than 100 KB")])
def test_an_endless_stdin_stops_at_the_limit(monkeypatch, unit, says):
    monkeypatch.setenv("SPEECHKIT_MAX_BYTES", str(100 * 1024))
    monkeypatch.setattr(sys, "stdin", EndlessStdin(unit, cap=300 * 1024))
    (doc,) = iter_documents(["-"])
    assert isinstance(doc, Failed) and says in doc.message and doc.exit_code == 3


def test_an_endless_json_line_stops_the_input(monkeypatch):
    monkeypatch.setenv("SPEECHKIT_MAX_BYTES", str(100 * 1024))
    monkeypatch.setattr(sys, "stdin", EndlessStdin(b"{", cap=300 * 1024))
    (doc,) = iter_documents(["-"], jsonl=True)
    assert isinstance(doc, Failed) and doc.exit_code == 3
    assert doc.message.startswith("<stdin>:1: a line of more than 100 KB") and "the rest of <stdin> is not read" \
        in doc.message


def test_a_long_json_line_is_reported_and_ends_that_file(cli, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False)
                                for t in (SPEECH, "Порт " * 500, SPEECH)) + "\n", encoding="utf-8")
    result = cli("--max-bytes", "2K", "themes", "--input-jsonl", corpus, "--json-lines")
    assert result.exit_code == 6, result.output
    assert len(result.stdout.splitlines()) == 1
    assert f"{corpus}:2: a line of more than 2 KB" in result.stderr


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))  # old code would take 7.7 GB in 10 s


def test_dev_zero_on_stdin_is_refused_at_once(speechkit_cmd):
    """speechkit themes - < /dev/zero"""
    argv, env = speechkit_cmd("themes", "-")
    with open("/dev/zero", "rb") as zero:
        p = subprocess.run(argv, stdin=zero, capture_output=True, env=env, cwd=ROOT, timeout=120,
                           preexec_fn=_limit_memory)
    assert p.returncode == 3, p.stderr
    assert p.stderr == b"speechkit: error: <stdin>: not a text file (binary data)\n"


# ---------------------------------------------------------------- a corpus run in constant memory
def test_the_corpus_parent_keeps_nothing_per_document(cli, tmp_path, monkeypatch):
    """4,000 documents through the runner: the objects the parent holds do not grow with them.

    The analysis is replaced by a record of the usual shape (the parent's bookkeeping is tested,
    not the workers'); the parent used to keep a row (two dicts, ≈ 0.3 KB) for every document.
    """
    from speechkit.commands import runner

    rec = runner.work("themes", Options(), {}, iter_documents([str(_speech(tmp_path))]).__next__())
    done = [0]
    objects: dict[int, int] = {}  # documents done -> objects the collector tracks

    def work(command, options, extra, doc):
        done[0] += 1
        if done[0] in (1_000, 4_000):
            objects[done[0]] = len(gc.get_objects())
        return {**rec, "source": {**rec["source"], "name": doc.name}}

    monkeypatch.setattr(runner, "work", work)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(f'{{"id": "d{i}", "text": "Порт вырос на {i}%."}}\n' for i in range(4_000)),
                      encoding="utf-8")
    for fmt in ("--json-lines", "--csv", "--json"):
        done[0] = 0
        result = cli("themes", "--input-jsonl", corpus, "--id-field", "id", fmt, "-o", tmp_path / "out")
        assert result.exit_code == 0, result.output
        growth = objects[4_000] - objects[1_000]
        assert growth < 500, f"{fmt}: the parent holds {growth} more objects after 3,000 more documents"


def _speech(tmp_path):
    f = tmp_path / "speech.txt"
    f.write_text(SPEECH, encoding="utf-8")
    return f


class _Scans:
    """``re`` as name_forms uses it, recording the length of every string it is asked to search."""

    def __init__(self) -> None:
        self.lengths: list[int] = []

    def __getattr__(self, name):
        fn = getattr(re, name)
        if name not in ("search", "match", "findall", "fullmatch", "finditer"):
            return fn

        def scan(pattern, string, *args, **kwargs):
            self.lengths.append(len(string))
            return fn(pattern, string, *args, **kwargs)

        return scan


class _ScannedPattern:
    """A compiled pattern of name_forms, recording the length of every piece of string it searches."""

    def __init__(self, pattern: re.Pattern, lengths: list[int]) -> None:
        self.pattern, self.lengths = pattern, lengths

    def __getattr__(self, name):
        fn = getattr(self.pattern, name)
        if name not in ("search", "match", "findall", "fullmatch", "finditer"):
            return fn

        def scan(string, pos=0, endpos=None):
            self.lengths.append(min(len(string), len(string) if endpos is None else endpos) - pos)
            return fn(string, pos, len(string) if endpos is None else endpos)

        return scan


def test_reading_a_name_never_searches_the_whole_text(monkeypatch):
    """«Руслана Жумагазиева»: a woman, or a man in the genitive? The text's other forms of the surname
    decide. They were looked for by a search of the whole text for each name: a transcript with many
    names cost names × text (10 s of 14 on 4 MB). The words of the text are gathered once instead."""
    scans = _Scans()
    monkeypatch.setattr(name_forms, "re", scans)
    for attr in ("_LOWER_WORDS_AFTER", "_FROM_BEFORE", "_SPACED_LOWER_WORD"):  # the patterns read at a name
        monkeypatch.setattr(name_forms, attr, _ScannedPattern(getattr(name_forms, attr), scans.lengths))
    filler = "Порт Актау нарастил перевалку грузов на пять процентов. " * 200
    names = ["Руслана Жумагазиева заявила журналистам, что порт вырос.",
             "Встреча с Алией Гинаятовой прошла вчера. Алия Гинаятова сказала: «Да».",
             "«Мы готовы», — сказала Дана Исина.",
             "Адвокат Куандыка Бишимбаева выступил вчера."]  # «Куандыка» is no woman's name
    text = filler + " ".join(names) + filler
    a = analyze(text, Options(figures=False, keywords=False, summary=False))
    assert {"Руслана Жумагазиева", "Алия Гинаятова", "Дана Исина"} <= {s.name for s in a.speakers}
    assert scans.lengths  # the names were read
    assert max(scans.lengths) <= 200  # windows around the name, never the text (len(text) > 20,000)


def test_numbers_do_not_fill_the_form_caches():
    """A corpus run's documents each state their own figures: cached per form, 170,000 documents of
    300 MB grew each worker by 12 MB per quarter of the file, toward two caches of 200,000 numbers."""
    from speechkit import morph

    morph.clear_caches()
    toks = morph.tokenize(" ".join(str(n) for n in range(10_000, 30_000)) + " рост")
    assert len(toks) == 20_001 and toks[5].lemma == "10005" and toks[5].pos is None
    assert len(morph._BY_FORM) == 1  # «рост»
    assert morph.entry.cache_info().currsize == 1


def _peak_per_figure(text: str) -> tuple[float, int]:
    import tracemalloc

    from speechkit.figures import find_figures

    find_figures("1 " * 100)  # lexicon and caches loaded before the count
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        n = len(find_figures(text))
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    return peak / n, n


def test_a_page_of_bare_numbers_holds_each_figure_once():
    # 20,000 bare numbers: the drafts and the figures were both whole at once, each draft with a
    # dict, a list of flags and each figure its own ("no_unit",) — 640 bytes a figure at the peak
    per_figure, n = _peak_per_figure("1 " * 20_000)
    assert n == 20_000
    assert per_figure < 400


def test_figures_share_their_flags():
    a = analyze("Порт вырос на 5%. Добыча 7 и 9. " * 3, Options(keywords=False, summary=False))
    bare = [f for f in a.figures if f.flags == ("no_unit", "outside_quote")]
    assert len(bare) == 6
    assert all(f.flags is bare[0].flags for f in bare)


def test_a_fragment_looks_a_bounded_way_for_the_statement_after_it(monkeypatch):
    # «назвал «слово», и ещё …» without a full stop: each fragment searched the rest of the text for
    # the next full stop (400 KB: 5 of 16 CPU s, growing with the square of the text)
    from speechkit import fragments

    spy = ReadSpy(fragments._STOP)
    monkeypatch.setattr(fragments, "_STOP", spy)
    text = "Он назвал это так: " + "«слово», и ещё несколько слов без точки, а за ними снова слова, " * 2_000
    a = analyze(text, LEAN)
    assert sum(1 for s in a.segments if s.kind == "fragment") + len(a.quoted_names) >= 1_000
    assert spy.reads and max(spy.reads) <= fragments.AFTER_REACH


def test_a_word_list_is_one_set_until_it_is_read_again():
    # load_words made a new frozenset of the list at every call: a million times for a long text
    from speechkit import wordlists

    first = wordlists.load_words("speech_verbs.txt")
    assert first is wordlists.load_words("speech_verbs.txt") and "заявить" in first
    wordlists.load_sections.cache_clear()
    again = wordlists.load_words("speech_verbs.txt")
    assert again is not first and again == first


def test_the_sentence_before_a_reply_is_found_by_bisection(monkeypatch):
    """«— ответил он» asks whether a quote stands between the author's sentence before and the reply: a
    look through every quote of the text for each reply made a transcript of n replies cost n²."""
    from speechkit import speakers

    passes = 0

    class Counting(list):
        def __iter__(self):
            nonlocal passes
            passes += 1
            return super().__iter__()

    init = speakers.Cast.__init__

    def counting_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.quoted = Counting(self.quoted)

    monkeypatch.setattr(speakers.Cast, "__init__", counting_init)
    text = "Депутат Иван Сидоров спросил министра Аскара Омарова о сроках. «Дорогу сдадим к осени», — ответил он.\n\n" * 200
    a = analyze(text, Options(figures=False, keywords=False, summary=False))
    assert [s.speaker for s in a.segments if s.kind == "quote"] == ["Аскар Омаров"] * 200
    assert passes < 20  # not once per reply


def test_a_reports_sign_off_is_read_once_however_many_questions(monkeypatch):
    """«КОРРЕСПОНДЕНТ: … Дильнора Хамидова, Сырдарьинская область.»: the reporter who signs a TV report off speaks
    its journalist turns. Reading the whole text for the sign-off at every journalist label made a press
    conference of n questions cost n × text."""
    from speechkit import turn_speakers

    spy = ReadSpy(turn_speakers._SIGN_OFF)
    monkeypatch.setattr(turn_speakers, "_SIGN_OFF", spy)
    turns = "".join(f"Вопрос: Когда откроют школу номер {k}?\nОтвет: Осенью.\n" for k in range(300))
    a = analyze("Пресс-конференция акима.\n\n" + turns, LEAN)
    assert sum(1 for s in a.segments if s.kind == "turn") == 600
    assert len(spy.reads) == 1  # one scan of the text, not one per question


def test_a_surname_is_read_for_another_given_name_once(monkeypatch):
    """A well-known figure's surname written after another given name («Талант Каримов») is not theirs; the
    look at the text's capitalised pairs is made once per surname, not at each of its mentions."""
    from speechkit import people

    calls = 0
    reads = people.PeopleLearning._reads_another_given_name

    def counting(self, *args):
        nonlocal calls
        calls += 1
        return reads(self, *args)

    monkeypatch.setattr(people.PeopleLearning, "_reads_another_given_name", counting)
    text = "Вчера Талант Каримов («Ата-Журт») выступил на дебатах. " + "Каримов ответил на вопрос. " * 200
    a = analyze(text, LEAN)
    assert "Ислам Каримов" not in {s.name for s in a.speakers}
    assert calls <= 1


def test_the_places_of_a_mans_surname_are_found_in_one_pass(monkeypatch):
    """«Александра Кушнера»: a man's genitive or a woman's nominative? Whether the text has «Кушнер» speak
    as a man decides, read where the surname stands. Those places were found by a search of the whole text
    for each name (a 4 MB text: 0.48 of its 2.8 CPU-s in the speakers); the capitalised words' places are
    gathered once per text instead."""
    from speechkit import name_forms, name_sex

    passes, searches = [], []
    gather, search = name_forms.capital_words, name_sex._places
    monkeypatch.setattr(name_forms, "capital_words", lambda text: passes.append(1) or gather(text))
    monkeypatch.setattr(name_sex, "_places", lambda text, word: searches.append(word) or search(text, word))
    surnames = ["Кушнер", "Бергман", "Гоцеридзе", "Шольц", "Вайнер", "Гольдман", "Мюллер", "Фишер"]
    text = " ".join(f"Выступление Александра {s}а на форуме прошло вчера. «Мы готовы», — сказал {s}."
                    for s in surnames)
    a = analyze(text, LEAN)
    assert [s.name for s in a.speakers] == [f"Александр {s}" for s in surnames]
    assert len(passes) == 1 and searches == []


def test_the_words_before_each_surname_are_gathered_once(monkeypatch):
    """Whether a well-known figure's surname follows another given name («Талант Каримов») is read from the
    capitalised words right before that surname alone, gathered once per text: a look over every capitalised
    pair of the text for each well-known surname cost surnames × text."""
    from speechkit import people

    looked_at = []
    reads = people.PeopleLearning._reads_another_given_name

    def counting(self, before, *args):
        looked_at.append(len(before))
        return reads(self, before, *args)

    monkeypatch.setattr(people.PeopleLearning, "_reads_another_given_name", counting)
    known = ["Каримов", "Путин", "Назарбаев", "Лукашенко", "Пашинян", "Алиев", "Мирзиёев", "Рахмон"]
    filler = "Ярмарка Нового года в Ташкенте открылась. Торговцы Самарканда привезли Фрукты. " * 50
    text = filler + " ".join(f"Вчера {s} выступил на форуме." for s in known) + " Вчера Талант Каримов выступил."
    a = analyze(text, LEAN)
    assert "Ислам Каримов" not in {s.name for s in a.speakers}
    assert "Владимир Путин" in {s.name for s in a.speakers}
    assert 1 <= len(looked_at) <= len(known) and max(looked_at) <= 1  # only «Талант» before «Каримов»


def test_every_form_of_a_country_is_found_by_its_first_letters():
    """The text's home country is counted over the words that may name a country, found by a regex of the
    first three letters of each country's name, abbreviation and adjective (every word of a 4 MB text was
    looked up: 0.24 CPU-s). That holds only while every form with a country reading begins as its lemma:
    checked on every form the dictionary gives each name and adjective, capitalised and in «ё»."""
    from speechkit import morph
    from speechkit.roles import _countries, country_of_word, country_words

    by_word, by_adj = _countries()
    pattern = country_words()
    forms = set()
    for key in (*by_word, *by_adj):
        forms.update({key, key.capitalize(), key.upper(), key.replace("е", "ё")})
        for p in morph.parses(key)[:2]:
            forms.update(f.word for f in p.lexeme)
    forms |= {f.capitalize() for f in forms}
    # (a name of two words, «Антигуа и Барбуда», is no one word of the text: the scan never met it whole)
    missed = sorted(f for f in forms if len(f) > 2 and " " not in f and country_of_word(f) and not pattern.fullmatch(f))
    assert len(forms) > 5000 and missed == []


def test_the_home_country_is_read_from_the_words_that_may_name_one(monkeypatch):
    from speechkit import speakers

    looked_up = []
    lookup = speakers.country_of_word
    monkeypatch.setattr(speakers, "country_of_word", lambda w: looked_up.append(w) or lookup(w))
    text = ("Президент Казахстана провёл совещание. " + "Участники обсудили вопросы развития регионов. " * 50
            + "Казахстанская сторона и Узбекистан подписали соглашение. В Казахстане ждут инвестиций.")
    cast = speakers.Cast(text)
    assert cast.home_country().name == "Казахстан"
    assert looked_up == ["Казахстана", "Казахстанская", "Узбекистан", "Казахстане"]
