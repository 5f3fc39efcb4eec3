"""speechkit's tokenizer must give razdel's tokens exactly: same rules, faster walk.

``speechkit.tokenizer`` re-runs razdel's atom regex and join rules without
razdel's per-boundary objects (see its docstring).  These tests hold the two
equal on every text of the repo, on the UD sample, and on generated strings
dense in the characters the rules look at (dashes, dots, digits, smileys).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import tokenize as razdel_tokenize

from speechkit.tokenizer import token_spans

CASES = Path(__file__).resolve().parent / "cases"
ROOT = CASES.parent.parent


def razdel_spans(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.stop) for t in razdel_tokenize(text)]


def repo_texts() -> list[Path]:
    return sorted(CASES.glob("*.txt")) + [ROOT / "seeds" / "tokayev-ots-shusha-2024.txt"]


@pytest.mark.parametrize("path", repo_texts(), ids=lambda p: p.stem)
def test_same_tokens_as_razdel_on_real_texts(path):
    text = path.read_text(encoding="utf-8")
    assert token_spans(text) == razdel_spans(text)


def test_same_tokens_as_razdel_on_ud_sentences():
    sentences = [line[9:].rstrip("\n") for line in (CASES / "gsd-dev-150.conllu").open(encoding="utf-8")
                 if line.startswith("# text = ")]
    assert len(sentences) == 150
    text = "\n".join(sentences)
    assert token_spans(text) == razdel_spans(text)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Рост на 2,5% в 2024-м", ["Рост", "на", "2,5", "%", "в", "2024-м"]),  # float, dash
        ("1/2 и 3\\4", ["1/2", "и", "3\\4"]),  # fraction
        ("что-то , -то", ["что-то", ",", "-", "то"]),  # the dash rule looks past the space: «,» is punct
        ("слово- дело", ["слово-", "дело"]),
        ("ой -то", ["ой", "-то"]),
        ("Ура!!! Что?! Так...", ["Ура", "!!!", "Что", "?!", "Так", "..."]),  # endings join
        ("Привет :-) и ;(( --- ***", ["Привет", ":", "-", ")", "и", ";((", "---", "***"]),  # the dash rule first
        ("snake_case и _x", ["snake_case", "и", "_x"]),  # the underscore rule looks past the space too
        ("ΔP и mβж", ["ΔP", "и", "mβж"]),  # the «other» rule
        ("Yahoo! и yahoo !", ["Yahoo!", "и", "yahoo", "!"]),
        ("«Слово», (дело).", ["«", "Слово", "»", ",", "(", "дело", ")", "."]),
        # the float rule looks past the space on either side, at a run read whole or atom by atom
        ("в 2024, 2025 годах", ["в", "2024,", "2025", "годах"]),
        ("5. 6 и 5 .6 и 1 /2", ["5.", "6", "и", "5", ".6", "и", "1", "/2"]),
        # letters razdel's case-blind classes take, written out in speechkit's plain-word regex
        ("İzmir ſo Kx ᲀᲁ, слово! yahoo! (слово) -- *** ---",
         ["İzmir", "ſo", "Kx", "ᲀᲁ", ",", "слово", "!", "yahoo!", "(", "слово", ")", "--", "***", "---"]),
        ("", []),
        ("   \n ", []),
    ],
)
def test_razdel_rules(text, tokens):
    assert [text[a:b] for a, b in token_spans(text)] == tokens
    assert token_spans(text) == razdel_spans(text)


# every character some rule looks at, with letters of both scripts, digits and spaces
TRICKY = st.sampled_from(
    list("аЯёЁzZ09 \n\t-–—−‑_.,/\\:;=()*!?…«»\"'%№Δβ”’]}İſᲀ\xa0") + ["yahoo", "YAHOO", " ", "12", ":-)", "ый", "слово"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TRICKY, max_size=30).map("".join))
def test_same_tokens_as_razdel_on_tricky_text(text):
    assert token_spans(text) == razdel_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_same_tokens_as_razdel_on_any_text(text):
    assert token_spans(text) == razdel_spans(text)
