"""speechkit's sentence splitter must give razdel's sentences exactly: same rules, offsets instead of
objects (``speechkit.sentences.razdel_spans``). Held equal on every text of the repo, on the UD sample,
and on generated strings dense in what the rules look at (endings, quotes, brackets, abbreviations,
initials, list items, smileys, dashes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import sentenize

from speechkit.sentences import razdel_spans, sentences

CASES = Path(__file__).resolve().parent / "cases"
ROOT = CASES.parent.parent


def razdel_sentences(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.stop) for s in sentenize(text) if s.text.strip()]


def repo_texts() -> list[Path]:
    return sorted(CASES.glob("*.txt")) + [ROOT / "seeds" / "tokayev-ots-shusha-2024.txt"]


@pytest.mark.parametrize("path", repo_texts(), ids=lambda p: p.stem)
def test_same_sentences_as_razdel_on_real_texts(path):
    text = path.read_text(encoding="utf-8")
    assert list(razdel_spans(text)) == razdel_sentences(text)


def test_same_sentences_as_razdel_on_ud_sentences():
    lines = [line[9:].rstrip("\n") for line in (CASES / "gsd-dev-150.conllu").open(encoding="utf-8")
             if line.startswith("# text = ")]
    text = " ".join(lines)
    assert len(razdel_sentences(text)) > 100
    assert list(razdel_spans(text)) == razdel_sentences(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Рост 2,5 млн т. в год. Потом спад.", ["Рост 2,5 млн т. в год.", "Потом спад."]),  # sokr_left
        ("Он сказал: «Да!» Потом ушёл.", ["Он сказал: «Да!»", "Потом ушёл."]),  # close_quote after an ending
        ("Т.е. всё. И т. д. Конец", ["Т.е. всё.", "И т. д.", "Конец"]),  # pair abbreviations: «т. д.» ends one
        ("А. С. Пушкин пришёл. Он", ["А. С. Пушкин пришёл.", "Он"]),  # initials
        ("1) Первое. 2) Второе.", ["1) Первое.", "2) Второе."]),  # list items
        ("Так... - сказал он. Ура :) Да", ["Так... - сказал он.", "Ура :)", "Да"]),  # dash_right; a smiley ends
        ("Ура :) да", ["Ура :) да"]),  # but not before a small letter
        ("  \n ", []),
        ("", []),
    ],
)
def test_razdel_rules(text, expected):
    assert [text[a:b] for a, b in razdel_spans(text)] == expected
    assert list(razdel_spans(text)) == razdel_sentences(text)


def test_a_stretch_of_the_text_is_split_as_razdel_splits_it_alone():
    text = "Вступление. Рост на 5 %. Спад. Хвост."
    a, b = text.index("Рост"), text.index(" Хвост")
    assert [(x - a, y - a) for x, y in razdel_spans(text, a, b)] == razdel_sentences(text[a:b])
    assert [s.text for s in sentences(text, a, b)] == ["Рост на 5 %.", "Спад."]


TRICKY = st.sampled_from(
    list("аЯёЁzZ09 \n\t-–—−‑_.,/\\:;=()*!?…«»\"'„“”’‘[]{}§IVX")
    + ["т.", "г.", "т.е.", "Т.", "ул.", "им.", " А.", "1)", "a)", ":-)", ";((", "ый", "Он", "он", "см.", "т. д."]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(TRICKY, max_size=40).map("".join))
def test_same_sentences_as_razdel_on_tricky_text(text):
    assert list(razdel_spans(text)) == razdel_sentences(text)
