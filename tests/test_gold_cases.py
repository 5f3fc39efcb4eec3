"""Whole texts against their hand-made gold (tests/cases/*.gold.json): quotes, speakers, themes, figures.

The texts are kremlin.ru transcripts (CC BY 4.0) and factRuEval-2016 news (MIT); see tests/cases/README.md.
The floors below are the measured quality; a change that lowers one is a regression to look at.
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from speechkit import Options, analyze

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p for p in (ROOT / "tests" / "cases").glob("0*.gold.json"))


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


segments_eval = _load("eval_segments")
figures_eval = _load("eval_figures")


@pytest.mark.parametrize("gold", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_quotes_and_turns_match_the_gold(gold):
    text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
    r = segments_eval.evaluate(gold.stem, text, gold)
    q = r["quotes"]
    assert q["found"] == q["gold"] == q["pred"], q["errors"]
    assert q["speaker"] / q["found"] >= 0.8, q["errors"]
    assert q["theme"] / q["found"] >= 0.6, q["errors"]
    assert r["boilerplate"]


@pytest.mark.parametrize("gold", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_no_speaker_is_an_oblique_noun_a_verb_or_a_clause(gold):
    from test_properties import is_a_speaker_name

    text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text("utf-8")
    a = analyze(text, Options(keywords=False, summary=False))
    assert [s.speaker for s in a.segments if not is_a_speaker_name(s.speaker)] == []
    assert [sp.name for sp in a.speakers if not is_a_speaker_name(sp.name)] == []


@pytest.mark.parametrize("gold", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_figures_through_the_pipeline_match_the_gold(gold):
    text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text("utf-8")
    expected = figures_eval.gold_spans(text, json.loads(gold.read_text("utf-8")))
    got = analyze(text, Options(keywords=False, summary=False)).figures
    assert len(got) == len(expected), [f.text for f in got]
    free = list(got)
    for start, end, g in expected:  # matched by overlap, as bench/eval_figures.py does
        f = next((f for f in free if f.start < end and start < f.end), None)
        assert f is not None, g["surface"]
        free.remove(f)
        for field in ("value", "unit", "kind", "qualifier"):
            assert figures_eval.same(field, getattr(f, field), g[field]), (g["surface"], field, getattr(f, field))
