"""The corpus database at scale: index throughput, size, re-index, search latency, memory.

    python bench/bench_db.py [--docs 20000] [--dev ../shared/dev] [--gsd ../shared/data/ud-russian-gsd]
                             [--workers 1] [--work /tmp/speechkit-bench-db] [--small 5000]
    python bench/bench_db.py --search-only /tmp/speechkit-bench-db/corpus.db   # the search latencies alone

Builds a JSON-lines corpus of --docs documents from the development texts (their paragraphs)
and UD Russian-GSD sentences, each different (a numbered lead line, its own mix of sentences)
and dated over two years, then measures, each command as a separate process:

- ``speechkit analyze --input-jsonl … --json-lines`` and ``themes`` (the baselines) and
  ``speechkit index --input-jsonl … --db`` on the same corpus: CPU seconds (the process and its
  workers) and documents per CPU second, and index as a ratio of each baseline (goal ≥ 0.9);
- the database's size per document;
- a second ``index`` run when nothing changed (goal: under 5% of the full index);
- peak memory (max RSS) of ``index`` on --small documents and on all of them: bounded means
  about equal;
- ``search`` latency in process (the library call, lemmatising the query included), p50 and p95
  over lemma queries of frequent and rare words, without and with filters (goal p95 ≤ 50 ms).

CPU time is what is compared (the machine is shared); wall time is printed beside it.  These
are benchmarks, not tests: nothing fails on a slow machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def gsd_sentences(path: Path) -> list[str]:
    out = []
    for f in sorted(path.glob("*.conllu")):
        out += [line[9:].strip() for line in f.open(encoding="utf-8") if line.startswith("# text = ")]
    return out


def dev_paragraphs(path: Path) -> list[str]:
    out = []
    for f in sorted((path / "texts").glob("*.txt")):
        out += [p.strip() for p in f.read_text("utf-8").split("\n") if len(p.strip()) > 80]
    return out


def build(n: int, dev: Path, gsd: Path, target: Path) -> None:
    """n JSON-lines documents: «Сообщение N.», two dev paragraphs and six GSD sentences, a date."""
    sentences, paragraphs = gsd_sentences(gsd), dev_paragraphs(dev)
    start = dt.date(2023, 1, 1)
    with target.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = [f"Сообщение {i}."]
            body += [paragraphs[(i * 7 + k * 53) % len(paragraphs)] for k in range(2)]
            body.append(" ".join(sentences[(i * 11 + k * 131) % len(sentences)] for k in range(6)))
            date = (start + dt.timedelta(days=(i * 37) % 730)).isoformat()
            fh.write(json.dumps({"id": f"n{i:06d}", "date": date, "text": "\n\n".join(body)}, ensure_ascii=False))
            fh.write("\n")


def measure(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """(CPU seconds of the process and its workers, wall seconds, peak RSS MB) of ``python -m speechkit ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "speechkit", *args], check=True, cwd=cwd, env=ENV,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, after.ru_maxrss / 1024


def peak_rss(args: list[str], cwd: Path) -> float:
    """Max RSS (MB) of one run, measured in a fresh child (RUSAGE_CHILDREN keeps the largest ever)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "speechkit", *args], check=True,
                         cwd=cwd, env=ENV, capture_output=True, text=True)
    return int(out.stdout.split()[-1]) / 1024


def latencies(db: Path, queries: list[str], **filters) -> tuple[list[float], list[float]]:
    from speechkit.db import query, read, schema

    con = schema.connect(db)
    selection = read.Selection(**filters)
    query.search(con, queries[0], selection)  # warm: the analyzer, the first pages
    walls, cpus = [], []
    for q in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        query.search(con, q, selection, limit=50)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    con.close()
    return walls, cpus


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def query_words(db: Path, n: int = 60) -> list[str]:
    """Content lemmas across the frequency range: the most frequent, middling and rare (but present)."""
    import sqlite3

    con = sqlite3.connect(db)
    rows = con.execute("SELECT lemma, sum(count) c FROM lemma_counts WHERE length(lemma) > 4 GROUP BY lemma "
                       "HAVING c >= 3 ORDER BY c DESC").fetchall()
    con.close()
    step = max(1, len(rows) // n)
    words = [r[0] for r in rows[::step]][:n]
    phrases = ["водный ресурс", "транспортный коридор", "искусственный интеллект", "средний температура",
               "центральный банк", "государственный долг"]
    return words + phrases


def search_latencies(db: Path) -> None:
    words = query_words(db)
    cases = {
        "no filter": {},
        "--since/--until (a quarter)": {"since": "2024-01-01", "until": "2024-03-31"},
        "--kind quote": {"kind": ("quote",)},
        "--theme climate": {"theme": ("climate",)},
        "--speaker Токаев": {"speaker": "Токаев"},
        "--doc pattern": {"documents": ("n00*",)},
    }
    for what, filters in cases.items():
        walls, cpus = latencies(db, words, **filters)
        print(f"search ({len(words)} lemma queries, {what}): p50 {statistics.median(walls) * 1000:.1f} ms, "
              f"p95 {pct(walls, 95) * 1000:.1f} ms wall; CPU p50 {statistics.median(cpus) * 1000:.1f} ms, "
              f"p95 {pct(cpus, 95) * 1000:.1f} ms (goal p95 ≤ 50 ms)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--small", type=int, default=2_000, help="a smaller corpus for the memory comparison (0: skip)")
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--gsd", type=Path, default=ROOT.parent / "shared" / "data" / "ud-russian-gsd")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/speechkit-bench-db"))
    ap.add_argument("--baseline", nargs="*", default=["analyze"], help="commands run with --json-lines to compare")
    ap.add_argument("--search-only", type=Path, metavar="DB",
                    help="only the search latencies, on this database (made by an earlier run)")
    args = ap.parse_args()
    if args.search_only:
        search_latencies(args.search_only)
        return

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    build(args.docs, args.dev, args.gsd, corpus)
    size_mb = corpus.stat().st_size / 1e6
    print(f"corpus: {args.docs} documents, {size_mb:.1f} MB of JSON lines ({corpus})", flush=True)
    jsonl = ["--input-jsonl", str(corpus), "--id-field", "id", "--workers", str(args.workers)]
    seed = ROOT / "seeds" / "tokayev-ots-shusha-2024.txt"  # named: without a file, stdin is read unless a terminal
    subprocess.run([sys.executable, "-m", "speechkit", "themes", str(seed), "--json"], check=True, env=ENV,
                   stdout=subprocess.DEVNULL)  # the derived-table cache, as any earlier run leaves it
    db = work / "corpus.db"
    for f in work.glob("*.db*"):
        f.unlink()
    cpu, wall, peak = measure(["index", *jsonl, "--db", str(db)], work)  # the first child: its own peak
    print(f"index: {cpu:.0f} CPU s ({wall:.0f} s wall), {args.docs / cpu:.1f} docs/CPU s; peak RSS {peak:.0f} MB",
          flush=True)
    size = sum(f.stat().st_size for f in work.glob("corpus.db*"))
    print(f"database: {size / 1e6:.0f} MB, {size / args.docs / 1024:.1f} KB per document "
          f"(the JSON lines: {corpus.stat().st_size / args.docs / 1024:.1f} KB per document)")
    import sqlite3

    con = sqlite3.connect(db)
    tables = con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8").fetchall()
    con.close()
    print("  largest: " + ", ".join(f"{name} {size / args.docs / 1024:.1f} KB" for name, size in tables))
    again, again_wall, _ = measure(["index", *jsonl, "--db", str(db)], work)
    print(f"re-index, nothing changed: {again:.1f} CPU s ({again_wall:.1f} s wall) = {again / cpu:.1%} of the "
          "full index (goal < 5%)", flush=True)
    search_latencies(db)
    if args.small:
        small = work / "small.jsonl"
        with corpus.open(encoding="utf-8") as src, small.open("w", encoding="utf-8") as dst:
            for _, row in zip(range(args.small), src):
                dst.write(row)
        small_args = ["--input-jsonl", str(small), "--id-field", "id", "--workers", str(args.workers)]
        print(f"peak RSS of index: {args.small} documents {peak_rss(['index', *small_args, '--db', str(work / 'small.db')], work):.0f} MB, "
              f"{args.docs} documents {peak:.0f} MB", flush=True)
    for command in args.baseline:
        c, w, _ = measure([command, *jsonl, "--json-lines", "-o", str(work / f"{command}.jsonl")], work)
        print(f"{command} --json-lines: {c:.0f} CPU s ({w:.0f} s wall), {args.docs / c:.1f} docs/CPU s; "
              f"throughput of index / {command}: {c / cpu:.2f} (goal ≥ 0.9)", flush=True)


if __name__ == "__main__":
    main()
