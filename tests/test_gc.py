"""The CLI runs with fewer garbage collections (cli.GC_THRESHOLD): what it prints must not change."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from speechkit import analyze
from speechkit.cli import GC_THRESHOLD
from speechkit.model import to_dict
from speechkit.pipeline import Options

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "seeds" / "tokayev-ots-shusha-2024.txt", *sorted((ROOT / "tests" / "cases").glob("*.txt"))]
EVERYTHING = Options(summary_by_theme=True)


def _dump(text: str) -> str:
    return json.dumps(to_dict(analyze(text, EVERYTHING)), ensure_ascii=False, default=str)


@pytest.fixture
def restore_gc():
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def test_the_cli_raises_the_threshold():
    assert GC_THRESHOLD[0] > gc.get_threshold()[0] or gc.get_threshold() == GC_THRESHOLD


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_output_is_the_same_whatever_the_collections(path, restore_gc):
    text = path.read_text("utf-8")
    gc.set_threshold(50, 1000, 1000)  # the young objects collected every 50 allocations
    eager = _dump(text)
    gc.set_threshold(*GC_THRESHOLD)
    tuned = _dump(text)
    gc.disable()
    none = _dump(text)
    assert len(eager) > 500
    assert eager == tuned == none
