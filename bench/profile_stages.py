"""Where a command's CPU time goes, stage by stage, on the corpus of bench_corpus.py.

    python bench/profile_stages.py [--commands themes,numbers,keywords,summary,analyze] [--min-tokens 200000]

Each stage function of the pipeline (and of the command's own work after it: keyword lists, the
summary by theme, the record, its JSON) is wrapped in a timer of this process's CPU time; a stage's
time is its own, less the stages called inside it. One warm-up pass fills the caches first, so the
figures are those of a long corpus run (one worker). Prints per command the tokens per CPU second,
the ratio to the razdel tokenize floor (also in CPU time) and each stage's share.
"""

from __future__ import annotations

import argparse
import functools
import gc
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_corpus import build_corpus  # noqa: E402

_stack: list[list] = []  # [name, start, time spent in stages called inside]
_spent: dict[str, float] = {}


def timed(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        frame = [name, time.process_time(), 0.0]
        _stack.append(frame)
        try:
            return fn(*args, **kwargs)
        finally:
            _stack.pop()
            total = time.process_time() - frame[1]
            _spent[name] = _spent.get(name, 0.0) + total - frame[2]
            if _stack:
                _stack[-1][2] += total

    wrapper.__wrapped_stage__ = True
    return wrapper


def wrap(module, attr: str, name: str) -> None:
    fn = getattr(module, attr, None)
    if fn is None or getattr(fn, "__wrapped_stage__", False):
        return
    setattr(module, attr, timed(name, fn))


def instrument() -> None:
    from speechkit import attribution, fragments, morph, pipeline, segments, speakers, tokenizer, views
    from speechkit.commands import runner

    wrap(pipeline, "normalize", "normalize")
    wrap(pipeline, "find_boilerplate", "boilerplate")
    wrap(morph, "tokenize", "lemmatize (morph.tokenize less token_spans)")
    wrap(tokenizer, "token_spans", "tokenize (token_spans)")
    wrap(pipeline, "split_sentences", "sentences (razdel)")
    wrap(pipeline, "_outside", "sentences (razdel)")
    wrap(pipeline, "find_turns", "turns")
    wrap(pipeline, "find_quotes", "quotes")
    wrap(segments, "Cast", "speakers (Cast)")
    wrap(segments, "learn_organisations", "speakers (Cast)")
    wrap(segments, "find_fragments", "fragments")
    wrap(segments, "resolve", "attribution")
    wrap(segments, "by_words", "attribution")
    wrap(pipeline, "build_segments", "segments (rest of build)")
    wrap(pipeline, "_score", "themes (scoring)")
    wrap(pipeline, "_theme_summary", "themes (summary)")
    wrap(pipeline, "_figures", "figures")
    wrap(pipeline, "_keywords", "keywords (analyze: full list)")
    wrap(pipeline, "_summary", "summary")
    wrap(pipeline, "_remap", "offset remap")
    wrap(pipeline, "_language_warning", "language check")
    wrap(pipeline, "outside", "body tokens")
    wrap(runner, "keywords_for", "keywords (command's lists)")
    wrap(runner, "by_theme_for", "summary by theme")
    wrap(runner, "record", "record (views)")
    wrap(runner, "to_dict", "record (views)")
    wrap(views, "to_dict", "record (views)")
    wrap(pipeline, "analyze", "analyze (rest)")
    wrap(runner, "analyze", "analyze (rest)")
    del attribution, fragments, speakers


def run(command: str, docs: list[str]) -> float:
    from speechkit import formats
    from speechkit.commands.runner import options_for, work
    from speechkit.source import Document
    from types import SimpleNamespace

    options = options_for(SimpleNamespace(lexicon=None, keep_boilerplate=False), command, {})
    sink = io.StringIO()
    t0 = time.process_time()
    for i, d in enumerate(docs):
        rec = work(command, options, {}, Document(f"doc{i}", d, "utf-8"))
        rec.pop("_counts", None)
        t1 = time.process_time()
        formats.write_json_line(sink, rec)
        _spent["JSON"] = _spent.get("JSON", 0.0) + time.process_time() - t1
        sink.seek(0)
        sink.truncate()
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gsd", type=Path, default=ROOT.parent / "shared" / "data" / "ud-russian-gsd")
    ap.add_argument("--min-tokens", type=int, default=200_000)
    ap.add_argument("--commands", default="themes,numbers,keywords,summary,analyze")
    args = ap.parse_args()
    from razdel import tokenize

    docs = build_corpus(args.gsd, args.min_tokens)
    t0 = time.process_time()
    n = sum(sum(1 for _ in tokenize(d)) for d in docs)
    floor = time.process_time() - t0
    print(f"corpus: {len(docs)} documents, {n} tokens; razdel tokenize {n / floor:,.0f} tokens/CPU-s")
    instrument()
    from speechkit.cli import GC_THRESHOLD

    gc.set_threshold(*GC_THRESHOLD)  # as the CLI runs
    for command in args.commands.split(","):
        run(command, docs[: len(docs) // 4])  # warm the caches
        _spent.clear()
        gc.collect()
        total = run(command, docs)
        print(f"\n{command}: {total:.2f} CPU-s, {n / total:,.0f} tokens/CPU-s = {floor / total:.3f}x the floor")
        for name, t in sorted(_spent.items(), key=lambda kv: -kv[1]):
            if t / total >= 0.002:
                print(f"  {name:45} {t:7.2f} s {100 * t / total:5.1f} %")


if __name__ == "__main__":
    main()
