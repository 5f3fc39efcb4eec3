"""Corpus throughput against the floor no razdel pipeline can beat: razdel tokenization itself.

    python bench/bench_corpus.py [--runs 3] [--gsd ../shared/data/ud-russian-gsd] [--min-tokens 200000]
        [--natasha /work/venv-natasha-lib/bin/python] [--huge-mb 10] [--stream-mb 0]

Everything is measured in CPU time (user + system) of the measured process and of its children, since
the machines are shared: wall time measures the neighbours too. Builds a corpus of real Russian text
(the sentences of UD Russian-GSD and the seed speech, at least --min-tokens razdel tokens, in documents
of ~60 sentences) and prints, in one run:

- per system, tokens per CPU second and the ratio to the floor, best and median of --runs rounds; in
  each round every system runs once, in turn, so a slow spell of the machine hits them all alike:
  - the floor, razdel tokenization, and speechkit's own tokenizer (razdel's rules, the same tokens);
  - the library, ``speechkit.analyze(text)`` with its default options (everything but the summary by
    theme);
  - each command's per-document job as ``speechkit COMMAND --json-lines`` runs it: the analysis the
    command asks for (``options_for``), its record and the record's JSON. One worker; the process is
    warmed on three documents first, and the rounds after the first run with warm per-form caches;
  - the garbage collector set as the CLI sets it (``cli.GC_THRESHOLD``);
  - ``analyze`` with 2 workers: CPU time of the parent and both workers, and the wall-time throughput
    against one worker's (the only figure here in wall time: what a second core buys). The CPU the
    rest of the machine used meanwhile (/proc/stat less our own) says whether the machine was idle;
- natasha's segment + morphology + NER pipeline (``--natasha PYTHON``, a venv with natasha, run through
  bench/compare_ner_cost.py in a fresh process on the first --natasha-tokens of the corpus; its load
  is not counted) against ``speechkit analyze``'s job on the same documents;
- cold start: CPU time of ``speechkit themes SEED --json`` against a bare ``python -c`` that imports
  razdel and pymorphy3 and tokenizes + lemmatizes the seed, each in a fresh process, alternately,
  median and best of 2 × --runs + 1. The package's bytecode is compiled first, as ``pip install`` does,
  and one untimed run fills the cache of derived tables (speechkit/cache.py), as any earlier run has;
- one huge text (--huge-mb, 0 skips it): corpus documents joined into one text of that size, through
  ``speechkit analyze FILE --json`` in a fresh process: CPU time and peak RSS (VmHWM of that process);
- peak RSS of ``speechkit themes --input-jsonl BIG --json-lines`` streaming --stream-mb megabytes of
  JSON lines (0, the default, skips it).
These are benchmarks, not tests: nothing fails on a slow machine.
"""

from __future__ import annotations

import argparse
import datetime
import functools
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
COMMANDS = ("analyze", "keywords", "themes", "numbers", "summary", "speakers")
TARGETS = {"analyze": 0.30, "themes": 0.45, "numbers": 0.45}  # issue 15


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


# ---------------------------------------------------------------- CPU time
def cpu_now() -> float:
    """CPU seconds of this process and of its children that have been waited for."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def machine_busy() -> float:
    """CPU seconds every process of the machine has used since boot (/proc/stat: all but idle and iowait)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return float("nan")
    ticks = [int(x) for x in fields]
    busy = sum(ticks) - ticks[3] - (ticks[4] if len(ticks) > 4 else 0)
    return busy / os.sysconf("SC_CLK_TCK")


def measure(fn) -> dict:
    """Run ``fn``; its CPU time (ours and our children's), wall time, and the CPU the rest of the machine used."""
    b0, c0, w0 = machine_busy(), cpu_now(), time.perf_counter()
    fn()
    wall, cpu = time.perf_counter() - w0, cpu_now() - c0
    return {"cpu": cpu, "wall": wall, "others": machine_busy() - b0 - cpu}


# ---------------------------------------------------------------- the systems
def floor(docs: list[str]) -> None:
    from razdel import tokenize

    for d in docs:
        for _ in tokenize(d):
            pass


def own_tokenizer(docs: list[str]) -> None:
    from speechkit.tokenizer import token_spans

    for d in docs:
        token_spans(d)


def library(docs: list[str]) -> None:
    from speechkit import analyze

    for d in docs:
        analyze(d)


def command_job(docs: list[str], command: str, workers: int = 1) -> None:
    """The CLI's own per-document job, as ``speechkit COMMAND --json-lines --workers N`` runs it."""
    from types import SimpleNamespace

    from speechkit import formats
    from speechkit.commands.runner import options_for, work
    from speechkit.corpus import run
    from speechkit.source import Document

    common = SimpleNamespace(lexicon=None, keep_boilerplate=False)
    job = functools.partial(work, command, options_for(common, command, {}), {})
    items = [Document(f"doc{i}", d, "utf-8") for i, d in enumerate(docs)]
    for _, rec in run(items, job, workers):
        rec.pop("_counts", None)
        formats.dumps(rec)


# ---------------------------------------------------------------- fresh processes
def child_cpu(cmd: list[str], **kw) -> float:
    """CPU seconds of one fresh process (and its own children).

    Run in ROOT: ``python -m speechkit`` imports the package of its working folder before PYTHONPATH's,
    so the bench of one checkout run from inside another measured the other's code.
    """
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=ROOT, **kw)
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime


BARE = (
    "import sys, razdel, pymorphy3\n"
    "m = pymorphy3.MorphAnalyzer()\n"
    "t = open(sys.argv[1], encoding='utf-8').read()\n"
    "[m.parse(x.text)[0].normal_form for x in razdel.tokenize(t)]\n"
)

# runs the CLI in this process and reports its CPU time and peak RSS (VmHWM: ru_maxrss would carry
# the parent's peak over fork and exec)
CLI_PEAK = (
    "import json, resource, runpy, sys\n"
    "out = sys.argv.pop(1)\n"
    "sys.argv[0] = 'speechkit'\n"
    "try:\n"
    "    runpy.run_module('speechkit', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "finally:\n"
    "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
    "    r = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    open(out, 'w').write(json.dumps({'rss': int(hwm) / 1024, 'cpu': r.ru_utime + r.ru_stime}))\n"
)


def cli_peak(args: list[str], tmp: Path) -> dict:
    out = tmp / "peak.json"
    subprocess.run([sys.executable, "-c", CLI_PEAK, str(out), *args], check=True, stdout=subprocess.DEVNULL,
                   env=ENV, cwd=tmp)
    return json.loads(out.read_text())


def natasha_cpu(python: str, docs: list[str], tmp: Path) -> float:
    """CPU seconds natasha's segment + morph + NER pipeline spends on ``docs`` (models loaded beforehand)."""
    path = tmp / "natasha_docs.json"
    path.write_text(json.dumps({"docs": docs, "first_pass": len(docs)}, ensure_ascii=False), "utf-8")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    res = subprocess.run([python, str(ROOT / "bench" / "compare_ner_cost.py"), "--child", "natasha:run:ner+morph",
                          "--docs", str(path)], check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return json.loads(res.stdout.strip().splitlines()[-1])["run_cpu"]


# ---------------------------------------------------------------- report
def summary_line(label: str, n: int, runs: list[dict], floor_cpu: float | None, goal: float | None = None) -> str:
    cpus = [r["cpu"] for r in runs]
    best, med = min(cpus), statistics.median(cpus)
    line = f"  {label:44} {n / best:9,.0f} tokens/CPU-s (median {n / med:9,.0f})"
    if floor_cpu:
        line += f"  = {floor_cpu / best:.3f}x the floor (median {floor_cpu / med:.3f}x)"
    if goal:
        line += f"  target {goal}x"
    return line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gsd", type=Path, default=ROOT.parent / "shared" / "data" / "ud-russian-gsd")
    ap.add_argument("--min-tokens", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3, help="rounds; every system runs once per round (at least 3)")
    ap.add_argument("--commands", default=",".join(COMMANDS))
    ap.add_argument("--natasha", help="python of a venv with natasha installed (e.g. /work/venv-natasha-lib/bin/python)")
    ap.add_argument("--natasha-tokens", type=int, default=30_000)
    ap.add_argument("--huge-mb", type=float, default=10, help="one text of this many MB through the CLI (0 skips)")
    ap.add_argument("--stream-mb", type=int, default=0)
    ap.add_argument("--skip-corpus", action="store_true", help="only cold start, huge text, natasha, stream")
    args = ap.parse_args()
    runs = max(3, args.runs)
    commands = [c for c in args.commands.split(",") if c]
    import gc

    try:
        from speechkit.cli import GC_THRESHOLD

        gc.set_threshold(*GC_THRESHOLD)  # as the CLI runs (its workers inherit it)
    except ImportError:  # a commit from before it: the interpreter's default
        pass

    print(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; python {sys.version.split()[0]}; "
          f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}; {' '.join(sys.argv)}")
    docs = build_corpus(args.gsd, args.min_tokens)
    from razdel import tokenize

    n = sum(sum(1 for _ in tokenize(d)) for d in docs)
    print(f"corpus: {len(docs)} documents, {n:,} razdel tokens; CPU time of this process and its children; "
          f"best and median of {runs} alternating rounds")
    systems = {"floor (razdel tokenize)": lambda: floor(docs),
               "speechkit.tokenizer (razdel's rules)": lambda: own_tokenizer(docs),
               "library analyze(text), default options": lambda: library(docs)}
    for c in commands:
        systems[f"{c} job, 1 worker"] = functools.partial(command_job, docs, c)
    systems["analyze job, 2 workers"] = functools.partial(command_job, docs, "analyze", 2)
    if not args.skip_corpus:
        command_job(docs[:3], "analyze")  # the process's analyzer and tables loaded
        results: dict[str, list[dict]] = {k: [] for k in systems}
        for _ in range(runs):
            for label, fn in systems.items():
                results[label].append(measure(fn))
        floor_cpu = min(r["cpu"] for r in results["floor (razdel tokenize)"])
        for label, rs in results.items():
            goal = TARGETS.get(label.split()[0]) if label.endswith("1 worker") else None
            print(summary_line(label, n, rs, None if label.startswith("floor") else floor_cpu, goal))
        one, two = results["analyze job, 1 worker"], results["analyze job, 2 workers"]
        w1, w2 = min(r["wall"] for r in one), min(r["wall"] for r in two)
        others = [round(r["others"], 1) for r in two]
        print(f"  2 workers: {w1 / w2:.2f}x one worker's throughput in wall time (best {w1:.2f} s vs {w2:.2f} s; "
              f"target 1.8x); CPU {min(r['cpu'] for r in two) / min(r['cpu'] for r in one):.2f}x one worker's; "
              f"the rest of the machine used {others} CPU-s during the 2-worker runs "
              f"(load average now {os.getloadavg()[0]:.2f})")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.natasha:
            sub, m = [], 0
            for d in docs:
                if m >= args.natasha_tokens:
                    break
                sub.append(d)
                m += sum(1 for _ in tokenize(d))
            nat = natasha_cpu(args.natasha, sub, tmp)
            command_job(sub, "analyze")
            ours = min(measure(functools.partial(command_job, sub, "analyze"))["cpu"] for _ in range(runs))
            print(f"natasha segment+morph+NER on {len(sub)} documents, {m:,} tokens: {m / nat:,.0f} tokens/CPU-s; "
                  f"speechkit analyze job {m / ours:,.0f} tokens/CPU-s = {nat / ours:.1f}x natasha (target 20x)")

        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "speechkit")], check=True)
        ours_cmd = [sys.executable, "-m", "speechkit", "themes", str(SEED), "--json"]
        bare_cmd = [sys.executable, "-c", BARE, str(SEED)]
        child_cpu(ours_cmd), child_cpu(bare_cmd)  # the derived-table cache filled; the page cache warm
        cold, bare = [], []
        for _ in range(2 * runs + 1):
            cold.append(child_cpu(ours_cmd))
            bare.append(child_cpu(bare_cmd))
        print(f"cold start, CPU: speechkit themes SEED --json median {statistics.median(cold):.3f} s "
              f"(best {min(cold):.3f}), bare razdel+pymorphy3 median {statistics.median(bare):.3f} s "
              f"(best {min(bare):.3f}) = {statistics.median(cold) / statistics.median(bare):.2f}x "
              f"(best/best {min(cold) / min(bare):.2f}x; target 1.3x)")

        if args.huge_mb:
            size = int(args.huge_mb * 1024 * 1024)
            parts, total = [], 0
            while total < size:
                for d in docs:
                    parts.append(d)
                    total += len(d.encode("utf-8")) + 2
                    if total >= size:
                        break
            huge = tmp / "huge.txt"
            huge.write_text("\n\n".join(parts), "utf-8")
            tokens = sum(sum(1 for _ in tokenize(d)) for d in parts)
            r = cli_peak(["--max-bytes", "1G", "analyze", str(huge), "--json", "-o", os.devnull], tmp)
            print(f"one text of {huge.stat().st_size / 2**20:.1f} MB ({tokens:,} tokens), speechkit analyze --json: "
                  f"{r['cpu']:.1f} CPU-s, peak RSS {r['rss']:.0f} MB = {r['rss'] * 2**20 / tokens:.0f} bytes/token "
                  f"(target 250 MB)")

        if args.stream_mb:
            seed = SEED.read_text("utf-8")
            big = tmp / "big.jsonl"
            line = json.dumps({"id": 0, "text": seed}, ensure_ascii=False) + "\n"
            with big.open("w", encoding="utf-8") as fh:
                for _ in range(max(1, args.stream_mb * 2**20 // len(line.encode("utf-8")))):
                    fh.write(line)
            r = cli_peak(["themes", "--input-jsonl", str(big), "--json-lines", "-o", os.devnull], tmp)
            print(f"peak RSS streaming a {args.stream_mb} MB JSON-lines input: {r['rss']:.0f} MB (target 300 MB)")


if __name__ == "__main__":
    main()
