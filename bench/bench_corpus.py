"""Corpus throughput against the floor no razdel pipeline can beat: razdel tokenization itself.

    python bench/bench_corpus.py [--gsd ../shared/data/ud-russian-gsd] [--stream-mb 200]

Builds a corpus of real Russian text (the sentences of UD Russian-GSD and the seed speech, at least
200k tokens, in documents of ~60 sentences) and prints, in one run:
- razdel tokenization tokens/s (the floor), and speechkit's own tokenizer (razdel's rules, same tokens);
- full analysis (segments, themes, figures, keywords: the job of `speechkit keywords`) with 1 worker and
  with 2, as ratios to the floor; then `themes` (no keywords) and `analyze` (with summaries);
- cold start of `speechkit themes SEED --json` against a bare `python -c` that imports razdel and
  pymorphy3 and tokenizes + lemmatizes the same text (medians of several runs).  The package's
  bytecode is compiled first, as `pip install` does, and one untimed run fills the cache of
  derived tables (speechkit/cache.py), as any earlier run on the machine has;
- peak memory (max RSS) of `speechkit themes --input-jsonl BIG --json-lines` streaming a JSON-lines
  file of --stream-mb megabytes (0 skips it).
These are benchmarks, not tests: nothing fails on a slow machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "seeds" / "tokayev-ots-shusha-2024.txt"
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def gsd_sentences(path: Path) -> list[str]:
    out = []
    for part in ("dev", "test", "train"):
        f = path / f"ru_gsd-ud-{part}.conllu"
        if f.exists():
            out += [line[9:].strip() for line in f.open(encoding="utf-8") if line.startswith("# text = ")]
    return out


def build_corpus(gsd: Path, min_tokens: int) -> list[str]:
    from razdel import tokenize

    sentences = gsd_sentences(gsd)
    seed = SEED.read_text("utf-8")
    docs = [seed]
    for i in range(0, len(sentences), 60):
        docs.append(" ".join(sentences[i : i + 60]))
    base_total = total = sum(sum(1 for _ in tokenize(d)) for d in docs)
    base = list(docs)
    while total < min_tokens:  # repeat if the data is small
        docs += base
        total += base_total
    return docs


def floor(docs: list[str]) -> tuple[int, float]:
    from razdel import tokenize

    t0 = time.perf_counter()
    n = sum(sum(1 for _ in tokenize(d)) for d in docs)
    return n, time.perf_counter() - t0


def full(docs: list[str], workers: int, command: str = "analyze") -> float:
    """Time the CLI's own per-document job, as `speechkit COMMAND --json-lines --workers N` runs it."""
    import functools
    from types import SimpleNamespace

    from speechkit.commands.runner import options_for, work
    from speechkit.corpus import run
    from speechkit.source import Document

    common = SimpleNamespace(lexicon=None, keep_boilerplate=False)
    job = functools.partial(work, command, options_for(common, command, {}), {})
    items = [Document(f"doc{i}", d, "utf-8") for i, d in enumerate(docs)]
    t0 = time.perf_counter()
    for _ in run(items, job, workers):
        pass
    return time.perf_counter() - t0


def own_tokenizer(docs: list[str]) -> float:
    from speechkit.tokenizer import token_spans

    t0 = time.perf_counter()
    for d in docs:
        token_spans(d)
    return time.perf_counter() - t0


def wall(cmd: list[str], runs: int = 7, warm: bool = False) -> float:
    if warm:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


BARE = (
    "import sys, razdel, pymorphy3\n"
    "m = pymorphy3.MorphAnalyzer()\n"
    "t = open(sys.argv[1], encoding='utf-8').read()\n"
    "[m.parse(x.text)[0].normal_form for x in razdel.tokenize(t)]\n"
)


def stream_peak(mb: int) -> float:
    seed = SEED.read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.jsonl"
        line = json.dumps({"id": 0, "text": seed}, ensure_ascii=False) + "\n"
        n = max(1, mb * 1024 * 1024 // len(line.encode("utf-8")))
        with big.open("w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(line)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run([sys.executable, "-m", "speechkit", "themes", "--input-jsonl", str(big), "--json-lines"],
                       check=True, stdout=subprocess.DEVNULL, cwd=tmp, env=ENV)
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return max(before, after) / 1024  # KiB -> MiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gsd", type=Path, default=ROOT.parent / "shared" / "data" / "ud-russian-gsd")
    ap.add_argument("--min-tokens", type=int, default=200_000)
    ap.add_argument("--stream-mb", type=int, default=200)
    args = ap.parse_args()

    docs = build_corpus(args.gsd, args.min_tokens)
    n, t_floor = floor(docs)
    print(f"corpus: {len(docs)} documents, {n} tokens")
    print(f"floor (razdel tokenize): {n / t_floor:,.0f} tokens/s")
    print(f"speechkit.tokenizer (razdel's rules, same tokens): {n / own_tokenizer(docs):,.0f} tokens/s")
    full(docs[:3], 1)  # warm the analyzer of this process (the rest of the corpus is cold)
    rows = (("keywords", "full analysis: segments, themes, figures, keywords"),
            ("themes", "segments, themes, figures"), ("analyze", "everything incl. summaries"))
    targets = {("keywords", 1): 0.6, ("keywords", 2): 1.1}  # issue 5
    for command, what in rows:
        for workers in (1, 2):
            t = full(docs, workers, command)
            goal = targets.get((command, workers))
            print(f"{command} ({what}), {workers} worker(s): {n / t:,.0f} tokens/s = {t_floor / t:.2f}x the floor"
                  + (f" (target {goal}x)" if goal else ""))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "speechkit")], check=True)
    cold = wall([sys.executable, "-m", "speechkit", "themes", str(SEED), "--json"], warm=True)
    bare = wall([sys.executable, "-c", BARE, str(SEED)], warm=True)
    print(f"cold start: speechkit themes seed --json {cold:.3f}s, bare razdel+pymorphy3 {bare:.3f}s = "
          f"{cold / bare:.2f}x (target 1.5x)")
    if args.stream_mb:
        print(f"peak RSS streaming a {args.stream_mb} MB JSON-lines input: {stream_peak(args.stream_mb):.0f} MB"
              " (target 300 MB)")


if __name__ == "__main__":
    main()
