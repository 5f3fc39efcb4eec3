"""Score ``find_figures`` against hand-made gold: precision, recall and field accuracy.

    python bench/eval_figures.py                      # tests/cases (the seed)
    python bench/eval_figures.py DIR ...              # every *.gold.json / *.json with its text
    python bench/eval_figures.py --dev /work/shared/dev   # texts/NAME.txt ↔ gold/NAME.json
    python bench/eval_figures.py -v ...               # also list misses and false alarms

A predicted figure matches a gold one when their spans overlap (gold spans are
the gold ``surface`` at its ``occurrence``, 1 when absent), one to one, greedily
by overlap.  Figures are looked for in the text up to the gold
``boilerplate_starts_at`` marker.  Value, unit, kind and qualifier accuracy are
over matched pairs; units compare with ё as е.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speechkit.figures import find_figures  # noqa: E402

FIELDS = ("value", "unit", "kind", "qualifier")


@dataclass
class Score:
    """Counts for one text or the total."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        for name in FIELDS:
            self.right[name] += other.right[name]

    def row(self, name: str) -> str:
        p = self.matched / self.predicted if self.predicted else 1.0
        r = self.matched / self.gold if self.gold else 1.0
        acc = [self.right[f] / self.matched if self.matched else 1.0 for f in FIELDS]
        cells = [f"{p:.3f}", f"{r:.3f}"] + [f"{a:.3f}" for a in acc]
        return f"{name:<36} {self.gold:>4} {self.predicted:>4} " + " ".join(f"{c:>6}" for c in cells)


HEADER = f"{'text':<36} {'gold':>4} {'pred':>4} " + " ".join(
    f"{c:>6}" for c in ("prec", "recall", "value", "unit", "kind", "qual")
)


def pairs(directories: list[Path], dev: list[Path]) -> list[tuple[str, Path, Path]]:
    """(name, text, gold) for every gold file that has a text."""
    out = []
    for directory in directories:
        for gold in sorted(directory.glob("*.json")):
            name = gold.name.removesuffix(".json").removesuffix(".gold")
            file = f"{name}.txt"
            for candidate in (directory / file, ROOT / "seeds" / file, directory.parent / "seeds" / file):
                if candidate.exists():
                    out.append((name, candidate, gold))
                    break
    for root in dev:
        for gold in sorted((root / "gold").glob("*.json")):
            text = root / "texts" / f"{gold.stem}.txt"
            if text.exists():
                out.append((gold.stem, text, gold))
    return out


def gold_spans(text: str, gold: dict) -> list[tuple[int, int, dict]]:
    """Each gold figure with its span: the surface at its occurrence."""
    spans = []
    for figure in gold["figures"]:
        pos = -1
        for _ in range(figure.get("occurrence", 1)):
            pos = text.find(figure["surface"], pos + 1)
            if pos < 0:
                raise SystemExit(f"gold surface not found: {figure['surface']!r}")
        spans.append((pos, pos + len(figure["surface"]), figure))
    return spans


def same(name: str, predicted, expected) -> bool:
    if name == "unit" and isinstance(predicted, str) and isinstance(expected, str):
        return predicted.replace("ё", "е") == expected.replace("ё", "е")
    if name == "value" and isinstance(predicted, (int, float)) and isinstance(expected, (int, float)):
        return math.isclose(predicted, expected, rel_tol=1e-4, abs_tol=1e-4)
    return predicted == expected


def score(name: str, text_path: Path, gold_path: Path, verbose: bool) -> Score:
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    marker = gold.get("boilerplate_starts_at")
    end = text.find(marker) if marker and marker in text else len(text)
    predicted = find_figures(text, 0, end)
    expected = gold_spans(text, gold)
    result = Score(gold=len(expected), predicted=len(predicted))
    free = set(range(len(predicted)))
    for g_start, g_end, g in expected:
        overlaps = [(min(g_end, predicted[i].end) - max(g_start, predicted[i].start), i) for i in free]
        overlaps = [o for o in overlaps if o[0] > 0]
        if not overlaps:
            if verbose:
                print(f"  miss  {g['surface']!r} {g['value']} {g['unit']} {g['kind']} {g['qualifier']}")
            continue
        i = max(overlaps)[1]
        free.discard(i)
        result.matched += 1
        f = predicted[i]
        wrong = []
        for field_name in FIELDS:
            if same(field_name, getattr(f, field_name), g[field_name]):
                result.right[field_name] += 1
            else:
                wrong.append(f"{field_name}={getattr(f, field_name)!r}≠{g[field_name]!r}")
        if verbose and wrong:
            print(f"  wrong {f.text!r}: " + ", ".join(wrong))
    if verbose:
        for i in sorted(free):
            f = predicted[i]
            print(f"  extra {f.text!r} {f.value} {f.unit} {f.kind} {f.qualifier}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="directories with *.gold.json / *.json and texts")
    parser.add_argument("--dev", action="append", type=Path, default=[], help="a dev-set root with texts/ and gold/")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses, wrong fields and false alarms")
    args = parser.parse_args(argv)
    directories = args.dirs or ([] if args.dev else [ROOT / "tests" / "cases"])
    total = Score()
    print(HEADER)
    for name, text, gold in pairs(directories, args.dev):
        if args.verbose:
            print(name)
        result = score(name, text, gold, args.verbose)
        print(result.row(name))
        total.add(result)
    print(total.row("TOTAL"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
