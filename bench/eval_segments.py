"""Quote and turn segments, speakers, themes and boilerplate against hand-made gold.

    python bench/eval_segments.py                        # the seed gold in tests/cases
    python bench/eval_segments.py --dev ../shared/dev    # plus the development set (texts/, gold/)

A gold quote (its first and last words) is found when a predicted quote/turn segment contains both
snippets; precision counts predicted quote/turn segments that match no gold quote.  Speaker and theme
accuracy are over the found quotes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speechkit import Options, analyze  # noqa: E402


def pairs(dev: Path | None) -> list[tuple[str, Path, Path]]:
    out = [("seed", ROOT / "seeds" / "tokayev-ots-shusha-2024.txt", ROOT / "tests" / "cases" / "tokayev-ots-shusha-2024.gold.json")]
    for g in sorted((ROOT / "tests" / "cases").glob("*.gold.json")):
        t = g.with_name(g.name.replace(".gold.json", ".txt"))
        if t.exists():
            out.append((t.stem, t, g))
    if dev:
        seen = {name for name, _, _ in out}
        for g in sorted((dev / "gold").glob("*.json")):
            if g.stem not in seen:  # texts copied into tests/cases are counted once
                out.append((g.stem, dev / "texts" / f"{g.stem}.txt", g))
    return out


def strip_marks(s: str) -> str:
    return s.strip().strip("«»\"„“” ")


def evaluate(name: str, text_path: Path, gold_path: Path) -> dict:
    text = text_path.read_text("utf-8")
    gold = json.loads(gold_path.read_text("utf-8"))
    a = analyze(text, Options(keywords=False, summary=False), name=name)
    segs = [s for s in a.segments if s.kind in ("quote", "turn")]
    used: set[int] = set()
    found = speaker_ok = theme_ok = 0
    misses = []
    for q in gold["quotes"]:
        start, end = strip_marks(q["start"]), strip_marks(q["end"])
        match = next((s for s in segs if s.index not in used and start in s.text and end in s.text), None)
        if match is None:
            misses.append(f"  missed: {start[:50]}")
            continue
        used.add(match.index)
        found += 1
        speaker_ok += match.speaker == q["speaker"]
        theme_ok += match.theme == q["theme"]
        if match.speaker != q["speaker"]:
            misses.append(f"  speaker: {match.speaker!r} != {q['speaker']!r} ({start[:30]})")
        if match.theme != q["theme"]:
            misses.append(f"  theme: {match.theme} != {q['theme']} ({start[:30]})")
    extra = [s for s in segs if s.index not in used]
    misses += [f"  extra: {s.text[:50]!r}" for s in extra]
    bp_gold = gold.get("boilerplate_starts_at")
    bp_ok = (a.source.boilerplate_start is None) if not bp_gold else (
        a.source.boilerplate_start == text.find(bp_gold))
    return {"name": name, "gold": len(gold["quotes"]), "pred": len(segs), "found": found,
            "speaker": speaker_ok, "theme": theme_ok, "boilerplate": bp_ok, "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, help="folder with texts/ and gold/ (the development set)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses")
    args = ap.parse_args()
    rows = [evaluate(*p) for p in pairs(args.dev)]
    print(f"{'text':34} {'gold':>4} {'pred':>4} {'P':>5} {'R':>5} {'spk':>5} {'theme':>5} bp")
    tot = {k: 0 for k in ("gold", "pred", "found", "speaker", "theme", "boilerplate")}
    for r in rows:
        p = r["found"] / r["pred"] if r["pred"] else 1.0
        rc = r["found"] / r["gold"] if r["gold"] else 1.0
        sp = r["speaker"] / r["found"] if r["found"] else 0.0
        th = r["theme"] / r["found"] if r["found"] else 0.0
        print(f"{r['name'][:34]:34} {r['gold']:>4} {r['pred']:>4} {p:5.2f} {rc:5.2f} {sp:5.2f} {th:5.2f} "
              f"{'ok' if r['boilerplate'] else 'MISS'}")
        if args.verbose:
            print("\n".join(r["misses"]))
        for k in tot:
            tot[k] += r[k]
    print(f"{'total':34} {tot['gold']:>4} {tot['pred']:>4} {tot['found'] / max(tot['pred'], 1):5.2f} "
          f"{tot['found'] / max(tot['gold'], 1):5.2f} {tot['speaker'] / max(tot['found'], 1):5.2f} "
          f"{tot['theme'] / max(tot['found'], 1):5.2f} {tot['boilerplate']}/{len(rows)}")


if __name__ == "__main__":
    main()
