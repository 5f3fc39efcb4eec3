"""Quotes, turns and fragments, their speakers and themes, and boilerplate against hand-made gold.

    python bench/eval_segments.py                        # the seed and the gold texts in tests/cases
    python bench/eval_segments.py --dev ../shared/dev    # plus the development set (texts/, gold/)
    python bench/eval_segments.py --dev ../shared/dev -v # and every error, by category

A gold quote or turn (its first and last words) is found when a predicted quote/turn segment contains
both snippets; a gold fragment when a predicted fragment does. Precision counts predicted segments of
the kind that match no gold item. Speaker and theme accuracy are over the found items. Errors are listed
by category: missed, extra, wrong speaker, wrong theme.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speechkit import Options, analyze  # noqa: E402

KINDS = {"quotes": ("quote", "turn"), "fragments": ("fragment",)}


def pairs(dev: Path | None) -> list[tuple[str, Path, Path]]:
    """The seed, then the development set when given (its gold is the newest), else tests/cases."""
    out = [("seed", ROOT / "seeds" / "tokayev-ots-shusha-2024.txt", ROOT / "tests" / "cases" / "tokayev-ots-shusha-2024.gold.json")]
    if dev:
        return out + [(g.stem, dev / "texts" / f"{g.stem}.txt", g) for g in sorted((dev / "gold").glob("*.json"))]
    for g in sorted((ROOT / "tests" / "cases").glob("*.gold.json")):
        t = g.with_name(g.name.replace(".gold.json", ".txt"))
        if t.exists():
            out.append((t.stem, t, g))
    return out


def strip_marks(s: str) -> str:
    return s.strip().strip("«»\"„“” ")


def _match(group: str, gold: list[dict], segs: list, text: str) -> dict:
    """Found / speaker / theme counts and the errors of one group (quotes+turns or fragments)."""
    used: set[int] = set()
    found = speaker_ok = theme_ok = 0
    errors: list[tuple[str, str]] = []
    for q in gold:
        start, end = strip_marks(q["start"]), strip_marks(q["end"])
        match = next((s for s in segs if s.index not in used and start in s.text and end in s.text), None)
        if match is None:
            errors.append(("missed", f"{start[:50]!r} ({q['speaker']})"))
            continue
        used.add(match.index)
        found += 1
        speaker_ok += match.speaker == q["speaker"]
        theme_ok += match.theme == q["theme"]
        if match.speaker != q["speaker"]:
            errors.append(("wrong speaker", f"{match.speaker!r} != {q['speaker']!r} ({start[:30]})"))
        if match.theme != q["theme"] and group == "quotes":
            errors.append(("wrong theme", f"{match.theme} != {q['theme']} ({start[:30]})"))
    extra = [s for s in segs if s.index not in used]
    errors += [("extra", f"{s.text[:50]!r} ({s.speaker})") for s in extra]
    return {"gold": len(gold), "pred": len(segs), "found": found, "speaker": speaker_ok, "theme": theme_ok,
            "errors": errors}


def evaluate(name: str, text_path: Path, gold_path: Path) -> dict:
    text = text_path.read_text("utf-8")
    gold = json.loads(gold_path.read_text("utf-8"))
    a = analyze(text, Options(keywords=False, summary=False), name=name)
    out = {"name": name}
    for group, kinds in KINDS.items():
        g = [q for q in gold["quotes"] if q.get("kind", "quote") in kinds]
        out[group] = _match(group, g, [s for s in a.segments if s.kind in kinds], text)
    bp_gold = gold.get("boilerplate_starts_at")
    out["boilerplate"] = (a.source.boilerplate_start is None) if not bp_gold else (
        a.source.boilerplate_start == text.find(bp_gold))
    return out


def _ratio(a: int, b: int, empty: float = 1.0) -> float:
    return a / b if b else empty


def _cells(r: dict) -> str:
    p, rc = _ratio(r["found"], r["pred"]), _ratio(r["found"], r["gold"])
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return (f"{r['gold']:>4} {r['pred']:>4} {p:5.2f} {rc:5.2f} {f1:5.2f} "
            f"{_ratio(r['speaker'], r['found'], 0.0):5.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, help="folder with texts/ and gold/ (the development set)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the errors of each text")
    args = ap.parse_args()
    rows = [evaluate(*p) for p in pairs(args.dev)]
    head = "gold pred     P     R    F1   spk"
    print(f"{'':34} {'quotes + turns':^34} {'theme':>5}  {'fragments':^34} bp")
    print(f"{'text':34} {head} {'':>5}  {head}")
    keys = ("gold", "pred", "found", "speaker", "theme")
    tot = {g: {k: 0 for k in keys} for g in KINDS}
    categories: dict[str, int] = {}
    for r in rows:
        q, f = r["quotes"], r["fragments"]
        print(f"{r['name'][:34]:34} {_cells(q)} {_ratio(q['theme'], q['found'], 0.0):5.2f}  {_cells(f)} "
              f"{'ok' if r['boilerplate'] else 'MISS'}")
        for group in KINDS:
            for k in keys:
                tot[group][k] += r[group][k]
            for cat, msg in r[group]["errors"]:
                categories[f"{group}: {cat}"] = categories.get(f"{group}: {cat}", 0) + 1
                if args.verbose:
                    print(f"    {group[:-1]} {cat}: {msg}")
    q, f = tot["quotes"], tot["fragments"]
    bp = sum(r["boilerplate"] for r in rows)
    print(f"{'total':34} {_cells(q)} {_ratio(q['theme'], q['found'], 0.0):5.2f}  {_cells(f)} {bp}/{len(rows)}")
    print("errors: " + (", ".join(f"{k} {v}" for k, v in sorted(categories.items())) or "none"))


if __name__ == "__main__":
    main()
