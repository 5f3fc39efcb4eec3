"""A long text's tokens as columns (``model.Tokens``): the same analysis as the list, in a fraction of the memory.

``morph.tokenize`` switches to columns past ``COMPACT_FROM`` tokens and reads them ``CHUNK`` at a time; the
tests lower both so that short texts take that path, and compare every output with the list's.
"""

from __future__ import annotations

import sys
from array import array

import pytest

from speechkit import analyze, morph
from speechkit.keywords import glue_names
from speechkit.model import Token, Tokens, to_dict
from speechkit.pipeline import Options

SEED = (__import__("pathlib").Path(__file__).resolve().parent.parent / "seeds" / "tokayev-ots-shusha-2024.txt")

TEXTS = [
    SEED.read_text("utf-8"),
    # soft hyphens, a stress mark and a Latin look-alike: offsets are mapped back to the text as read
    "Пре\u00adзидент Казахстана Касым-Жомарт Токаев заявил: «Мы гото\u0301вы к диалогу». Порт Aктау вырос на 5%.",
    # names glued to digits are one keyword («G20», «Tele2»), an acronym glued to a date is not
    "Саммит G20 прошёл в Рио. Абоненты Tele2 и СОР29, Акорды16.\n\nВ.Путин: Добрый день.\nЖурналист: Здравствуйте.",
    "",
    "...",
]


@pytest.fixture
def columns(monkeypatch):
    """Every text of more than 5 tokens as columns, read 7 tokens at a time."""
    monkeypatch.setattr(morph, "COMPACT_FROM", 5)
    monkeypatch.setattr(morph, "CHUNK", 7)


@pytest.mark.parametrize("text", TEXTS)
def test_columns_give_the_tokens_the_list_gives(text, monkeypatch):
    as_list = morph.tokenize(text)
    monkeypatch.setattr(morph, "COMPACT_FROM", 5)
    for chunk in (1, 2, 7, 50):
        monkeypatch.setattr(morph, "CHUNK", chunk)
        got = morph.tokenize(text)
        if len(as_list) > 5:
            assert isinstance(got, Tokens)
        assert got == as_list and list(got) == as_list
        assert all(t.text == text[t.start : t.end] for t in got)


@pytest.mark.parametrize("text", TEXTS[:3])
def test_the_whole_analysis_is_the_same_from_columns(text, monkeypatch):
    options = Options(summary_by_theme=True)
    expected = to_dict(analyze(text, options))
    monkeypatch.setattr(morph, "COMPACT_FROM", 5)
    monkeypatch.setattr(morph, "CHUNK", 7)
    a = analyze(text, options)
    assert isinstance(a.tokens, Tokens)
    assert to_dict(a) == expected
    assert all(t.text == text[t.start : t.end] for t in a.tokens)


def test_glued_names_on_columns(columns):
    text = TEXTS[2]
    toks = morph.tokenize(text)
    glued = glue_names(toks)
    assert isinstance(glued, Tokens)
    assert [t.text for t in glued][:10] == ["Саммит", "G20", "прошёл", "в", "Рио", ".", "Абоненты", "Tele2", "и",
                                            "СОР29"]
    assert [t.text for t in glued][11:13] == ["Акорды", "16"]
    assert glued[1] == Token(7, 10, "G20", "g20", None)


def test_a_token_costs_columns_not_records(columns):
    text = TEXTS[0] * 3
    toks = morph.tokenize(text)
    n = len(toks)
    size = sum(sys.getsizeof(c) for c in (toks.starts, toks.ends, toks.lemmas, toks.pos))
    assert size / n <= 40  # a list of Token records: about 250 bytes a token
    # lemmas are shared strings: a word read a hundred times is kept once
    assert len({id(x) for x in toks.lemmas}) == len(set(toks.lemmas))


def test_tokens_read_as_a_list():
    t = Tokens("Рост на 5%", array("q", [0, 5, 8, 9]), array("q", [4, 7, 9, 10]),
               ["рост", "на", "5", "%"], ["NOUN", "PREP", None, None])
    assert t[-1] == Token(9, 10, "%", "%", None)
    assert t[1:3] == [Token(5, 7, "на", "на", "PREP"), Token(8, 9, "5", "5", None)]
    assert isinstance(t[1:3], Tokens)
    assert t != t[1:]
    assert t.take([(0, 1), (3, 4)]) == [t[0], t[3]] and t.take([(0, 4)]) is t
    assert to_dict(t)[0] == {"start": 0, "end": 4, "text": "Рост", "lemma": "рост", "pos": "NOUN"}
    import pickle

    assert pickle.loads(pickle.dumps(t)) == t


def test_counting_keywords_makes_no_record_per_token(columns, monkeypatch):
    # a pass that reads a token's text, lemma and part of speech reads the columns: counting the
    # keywords of a long text made a Token for every word twice (5x the list's time past COMPACT_FROM)
    from speechkit import model
    from speechkit.keywords import count_keywords

    tokens = morph.tokenize(SEED.read_text("utf-8"))
    assert isinstance(tokens, Tokens)
    expected = [k.lemma for k in count_keywords(list(tokens), top=10)]
    made = []

    class Counted(Token):
        __slots__ = ()

        def __init__(self, *args):
            made.append(1)
            super().__init__(*args)

    monkeypatch.setattr(model, "Token", Counted)
    keywords = count_keywords(tokens, top=10)
    assert [k.lemma for k in keywords] == expected
    assert len(made) < len(tokens) // 4  # one per keyword's tokens, not one per token


# ---------------------------------------------------------------- a long text's memory
LOOKALIKE = "Порт Aктау вырос на 5%. " * 3 + SEED.read_text("utf-8")  # a Latin «A»: the analysis is remapped


def test_offsets_are_four_bytes(columns):
    tokens = morph.tokenize(SEED.read_text("utf-8"))
    assert tokens.starts.itemsize == tokens.ends.itemsize == 4  # 8 before: 16 MB of a 10 MB text


def test_outside_nothing_is_the_same_columns(columns):
    from speechkit.model import Span
    from speechkit.text import outside

    tokens = morph.tokenize(SEED.read_text("utf-8"))
    assert outside(tokens, [Span(len(SEED.read_text("utf-8")) + 5, len(SEED.read_text("utf-8")) + 9, "")]) is tokens
    kept = outside(tokens, [Span(tokens[2].start, tokens[5].end, "")])
    assert list(kept) == list(tokens[:2]) + list(tokens[6:])


def test_a_remapped_figure_shares_its_sentence():
    # the remap made a copy of every figure's sentence: 35,000 copies for a 10 MB text
    a = analyze(LOOKALIKE, Options(keywords=False, summary=False))
    assert a.text[a.figures[0].start : a.figures[0].end] == "5%"
    by_span = {(s.start, s.end): s for s in a.sentences}
    shared = [f for f in a.figures if f.sentence is not None and (f.sentence.start, f.sentence.end) in by_span]
    assert len(shared) >= 3
    assert all(f.sentence is by_span[(f.sentence.start, f.sentence.end)] for f in shared)
    assert all(a.text[s.start : s.end] == s.text for s in a.sentences)


def test_the_analyze_record_is_built_without_the_tokens(monkeypatch):
    # no record of analyze prints a token: the CLI lets a long text's columns go before it builds one
    from speechkit.commands import runner
    from speechkit.source import Document

    seen = []
    real = runner.record

    def spy(command, a, meta=None, **opts):
        seen.append(len(a.tokens))
        return real(command, a, meta, **opts)

    monkeypatch.setattr(runner, "record", spy)
    options = runner.Options(figures=True, keywords=False, summary=True, summary_by_theme=True)
    rec = runner.work("analyze", options, {}, Document("<t>", LOOKALIKE, "utf-8"))
    assert seen == [0]
    assert rec["keywords"] and rec["figures"]


def test_the_words_of_a_text_are_read_a_piece_at_a_time(monkeypatch):
    # a list of every word of a 10 MB text (findall over the whole) was 70 MB, its memory's peak
    from speechkit import name_forms

    from pathological import ReadSpy

    text = ("Бишимбаев сказал слово. " * 20_000) + "Конец"
    spy = ReadSpy(name_forms._TEXT_WORD)
    monkeypatch.setattr(name_forms, "_TEXT_WORD", spy)
    words = name_forms._distinct_words(text)
    assert words == {"бишимбаев", "сказал", "слово", "конец"}
    assert max(spy.reads) <= name_forms._PIECE + 100 and sum(spy.reads) == len(text)
