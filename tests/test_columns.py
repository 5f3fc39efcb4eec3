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
    assert t.select([0, 3]) == [t[0], t[3]]
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
