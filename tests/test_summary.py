"""Extractive summaries: order, offsets, the speaker's words first, one sentence per theme."""

from __future__ import annotations

import pathlib
import re

import pytest

from speechkit import summary as summary_module
from speechkit.model import Segment
from speechkit.morph import tokenize
from speechkit.sentences import sentences
from speechkit.summary import summarize, summarize_by_theme

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "tokayev-ots-shusha-2024.txt").read_text("utf-8")
END = SEED.index("Продолжая тему:")  # the site's news feed starts here
SPEAKER = "Касым-Жомарт Токаев"
# the seven quotes of the seed, in order (the pipeline's segments do not exist yet)
THEMES = ["cooperation", "security", "transport", "finance", "ai", "climate", "caspian_aral"]
# «…» opening a paragraph, closed before «, — сказал …»
QUOTE = re.compile(r"^«.*?»(?=,? [–—])", re.M)


def seed_segments() -> list[Segment]:
    """The quotes as speech segments and the paragraphs between them as narrative."""
    quotes = list(QUOTE.finditer(SEED, 0, END))
    assert len(quotes) == len(THEMES)
    segs, cut = [], 0
    for m, theme in zip(quotes, THEMES):
        if cut < m.start():
            segs.append(("narrative", cut, m.start(), None, None))
        segs.append(("quote", m.start(), m.end(), SPEAKER, theme))
        cut = m.end()
    segs.append(("narrative", cut, END, None, None))
    return [Segment(i, kind, s, e, SEED[s:e], who, theme=theme) for i, (kind, s, e, who, theme) in enumerate(segs)]


@pytest.fixture(scope="module")
def seed():
    return SEED, sentences(SEED), tokenize(SEED), seed_segments()


def check_offsets(text, picked):
    for s in picked:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert not s.text.startswith("«") or "»" in s.text


# ---------------------------------------------------------------- summarize
def test_seed_summary(seed):
    text, sents, toks, segs = seed
    picked = summarize(text, sents, toks, segs, n=4, end=END)
    assert len(picked) == 4
    check_offsets(text, picked)
    assert [s.start for s in picked] == sorted(s.start for s in picked)
    assert all(s.end <= END for s in picked)
    # the speaker's own words are preferred over the reporter's framing
    quoted = [s for s in picked if s.speaker == SPEAKER]
    assert len(quoted) >= 2
    for s in quoted:
        seg = segs[s.segment]
        assert seg.kind == "quote" and seg.start <= s.start and s.end <= seg.end
        assert s.theme == seg.theme


def test_seed_summary_without_segments(seed):
    text, sents, toks, _ = seed
    picked = summarize(text, sents, toks, [], n=3, end=END)
    assert len(picked) == 3
    check_offsets(text, picked)
    assert all(s.segment is None and s.speaker is None and s.theme is None for s in picked)
    # the headline (a line without a full stop) is a sentence of its own
    assert all("\n" not in s.text for s in picked)


def test_boilerplate_is_skipped(seed):
    text, sents, toks, segs = seed
    everything = summarize(text, sents, toks, segs, n=50, end=END)
    assert everything and all(s.end <= END for s in everything)
    assert not any("августа 2025" in s.text for s in everything)


def test_quote_sentences_lose_the_attribution(seed):
    text, sents, toks, segs = seed
    everything = summarize(text, sents, toks, segs, n=100, end=END)
    texts = [s.text for s in everything]
    # «…Центральной Азии», — подчеркнул Глава государства.  → the speaker's words only
    assert "Морская гавань принимает суда стран Каспийского бассейна и Центральной Азии" in texts
    # «Мы приложим все усилия…: the opening quote mark goes, the offsets stay exact
    assert "Мы приложим все усилия для укрепления международного статуса Организации." in texts
    check_offsets(text, everything)


SHORT = (
    "Порт Актау принимает суда. Погода была тёплой. "
    "Порт Актау нарастит перевалку контейнеров до трёхсот тысяч. "
    "Контейнеры идут через порт Актау на запад и на восток. "
    "Контейнеры идут через порт Актау на запад и на восток. "
    "Грузы из Китая везут через Каспий в Европу."
)


def test_near_duplicates_are_dropped():
    picked = summarize(SHORT, sentences(SHORT), tokenize(SHORT), [], n=3)
    texts = [s.text for s in picked]
    assert len(texts) == len(set(texts)) == 3
    check_offsets(SHORT, picked)


def test_short_sentences_only_when_needed():
    picked = summarize(SHORT, sentences(SHORT), tokenize(SHORT), [], n=2)
    assert not any(s.text in ("Порт Актау принимает суда.", "Погода была тёплой.") for s in picked)
    tiny = "Мы готовы. Порт растёт."
    assert [s.text for s in summarize(tiny, sentences(tiny), tokenize(tiny), [], n=4)] == [
        "Мы готовы.",
        "Порт растёт.",
    ]


@pytest.mark.parametrize("text", ["", "   \n ", "Да."])
def test_nothing_to_summarize(text):
    assert summarize(text, sentences(text), tokenize(text), [], n=3) == []


def test_n_zero(seed):
    text, sents, toks, segs = seed
    assert summarize(text, sents, toks, segs, n=0) == []


def test_long_text_is_capped(monkeypatch):
    """Past the graph's cap, twice the sentences cost at most about twice the work, not four times."""
    from pathological import lines_run

    paragraphs = SEED[:END].split("\n\n")
    monkeypatch.setattr(summary_module, "MAX_GRAPH", 40)
    work = []
    for copies in (12, 24):  # ~800 and ~1600 sentences, both far past the cap
        text = "\n\n".join(paragraphs * copies)
        sents, toks = sentences(text), tokenize(text)
        work.append(lines_run(summarize, text, sents, toks, [], n=5))
    assert work[1] / work[0] < 2.3, work
    monkeypatch.undo()
    text = "\n\n".join(paragraphs * 12)
    sents, toks = sentences(text), tokenize(text)
    picked = summarize(text, sents, toks, [], n=5)
    assert len(picked) == 5
    check_offsets(text, picked)
    monkeypatch.setattr(summary_module, "MAX_GRAPH", 20)
    assert len(summarize(text, sents, toks, [], n=5)) == 5


# ---------------------------------------------------------------- by theme
def test_by_theme(seed):
    text, sents, toks, segs = seed
    out = summarize_by_theme(text, sents, toks, segs, end=END)
    assert list(out) == THEMES  # one entry per theme, in text order
    for theme, picked in out.items():
        assert len(picked) == 1
        (s,) = picked
        seg = segs[s.segment]
        assert s.theme == seg.theme == theme and s.speaker == SPEAKER
        assert seg.start <= s.start and s.end <= seg.end
    check_offsets(text, [s for v in out.values() for s in v])
    # a sentence with a figure is preferred
    assert re.search(r"\d", out["transport"][0].text)


def test_by_theme_two_each(seed):
    text, sents, toks, segs = seed
    out = summarize_by_theme(text, sents, toks, segs, per_theme=2, end=END)
    assert all(len(v) == 2 and v[0].start < v[1].start for v in out.values())


def test_by_theme_only_themes_given():
    text = "Порт Актау нарастит перевалку контейнеров до трёхсот тысяч в год. Погода была тёплой весь день."
    cut = text.index("Погода")
    segs = [
        Segment(0, "quote", 0, cut - 1, text[: cut - 1], "Токаев", theme="transport"),
        Segment(1, "narrative", cut, len(text), text[cut:], None),
    ]
    out = summarize_by_theme(text, sentences(text), tokenize(text), segs)
    assert list(out) == ["transport"]
    assert [s.text for s in out["transport"]] == [text[: cut - 1]]


def test_the_summary_does_not_change_with_the_process_string_hashing():
    """A text that says a thing twice (a press release republished on one page) has sentences of equal
    rank: which one is chosen must not depend on the order a set of lemmas happens to have in a process
    (``PYTHONHASHSEED``). Four hash seeds gave four different summaries by theme of the seed doubled."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "tokayev-ots-shusha-2024.txt"
    code = ("import sys\nfrom speechkit import analyze\nfrom speechkit.pipeline import Options\n"
            "t = open(sys.argv[1], encoding='utf-8').read()\n"
            "a = analyze(t + '\\n\\n' + t, Options(summary_by_theme=True))\n"
            "print([(k, [s.start for s in v]) for k, v in a.summary_by_theme.items()], [s.start for s in a.summary])\n")
    outs = {subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(h)}).stdout for h in range(4)}
    assert len(outs) == 1, outs
