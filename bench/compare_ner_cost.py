"""The cost half of bench/compare_ner.py: import, model load, CPU per 1,000 tokens, RSS, installed size.

    python bench/compare_ner.py --only cost|size      # this module is run by it, not by hand

Every figure comes from a fresh process (``python bench/compare_ner_cost.py --child SYSTEM:WHAT:MODE``)
so that each system pays its own imports and loads and its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_ner import ROOT, Natasha, body, load_dev, people_of  # noqa: E402

NATASHA_MODES = ("ner", "ner+morph", "full")
SPEECHKIT_MODES = ("speakers", "themes", "analyze")


# ---------------------------------------------------------------- cost (children)
def no_network() -> None:
    import socket

    def refuse(*args, **kwargs):
        raise RuntimeError("network use attempted")

    socket.socket.connect = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


def maxrss_mb() -> float:
    """Peak RSS of this process's own memory (VmHWM): ru_maxrss would carry over the parent's peak,
    which Linux keeps across fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args) -> None:
    """One measurement in this fresh process; prints one JSON object."""
    system, what, mode = args.child.split(":")
    out: dict = {}
    if system == "natasha":
        no_network()
    c0, w0 = time.process_time(), time.perf_counter()
    if system == "natasha":
        import natasha  # noqa: F401
    else:
        import speechkit  # noqa: F401
    out["import_cpu"], out["import_wall"] = time.process_time() - c0, time.perf_counter() - w0
    out["rss_import"] = maxrss_mb()
    c0, w0 = time.process_time(), time.perf_counter()
    if system == "natasha":
        nat = Natasha(mode)
        nat.doc("Президент Казахстана Касым-Жомарт Токаев заявил журналистам: «Мы готовы».")
        run = nat.doc
    else:
        from speechkit import analyze

        analyze("Президент Казахстана Касым-Жомарт Токаев заявил журналистам: «Мы готовы».")
        from speechkit.pipeline import Options

        themes = Options(keywords=False, summary=False)  # what `speechkit themes` computes
        run = {"analyze": analyze, "themes": lambda t: analyze(t, themes),
               "speakers": lambda t: people_of(body(t))}[mode]
    out["load_cpu"], out["load_wall"] = time.process_time() - c0, time.perf_counter() - w0
    out["rss_load"] = maxrss_mb()
    if what != "load":
        docs = json.loads(Path(args.docs).read_text("utf-8"))
        c0 = time.process_time()
        for i, d in enumerate(docs["docs"]):
            run(d)
            if i + 1 == docs["first_pass"]:
                out["first_cpu"] = time.process_time() - c0
        out["run_cpu"] = time.process_time() - c0
        out["rss_run"] = maxrss_mb()
    print(json.dumps(out))


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def spawn(spec: str, docs: Path | None = None, threads: int = 1) -> dict:
    """Run one measurement in a fresh process; ``threads`` = 0 leaves numpy's BLAS its default threads."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", spec]
    if docs:
        cmd += ["--docs", str(docs)]
    env = {k: v for k, v in os.environ.items() if k not in BLAS_THREADS}
    if threads:
        env.update({k: str(threads) for k in BLAS_THREADS})
    res = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return json.loads(res.stdout.strip().splitlines()[-1])


def count_tokens(docs: list[str]) -> int:
    from razdel import tokenize

    return sum(sum(1 for _ in tokenize(d)) for d in docs)


def gsd_docs(gsd: Path, min_tokens: int) -> tuple[list[str], int]:
    sentences = []
    for part in ("train", "dev", "test"):
        f = gsd / f"ru_gsd-ud-{part}.conllu"
        if f.exists():
            sentences += [line[9:].strip() for line in f.open(encoding="utf-8") if line.startswith("# text = ")]
    base = [" ".join(sentences[i : i + 60]) for i in range(0, len(sentences), 60)]
    docs, n, per_pass = list(base), count_tokens(base), count_tokens(base)
    while n < min_tokens:  # GSD's dev + test are ~22k tokens: repeat to reach a stable measurement
        docs += base
        n += per_pass
    return docs, len(base)


def cost(dev: Path, gsd: Path, gsd_tokens: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _cost(dev, gsd, gsd_tokens, runs, Path(tmp))


def _cost(dev: Path, gsd: Path, gsd_tokens: int, runs: int, tmp: Path) -> None:
    systems = [("speechkit", m) for m in SPEECHKIT_MODES] + [("natasha", m) for m in NATASHA_MODES]
    print("## Import and model load (fresh process each; median of", runs, "runs)\n")
    print("| system | mode | import CPU s | import wall s | load CPU s | load wall s | RSS after load MB |")
    print("|---|---|---|---|---|---|---|")
    for system, mode in systems:
        r = [spawn(f"{system}:load:{mode}") for _ in range(runs)]
        med = {k: statistics.median(x[k] for x in r) for k in r[0]}
        print(f"| {system} | {mode} | {med['import_cpu']:.3f} | {med['import_wall']:.3f} | {med['load_cpu']:.3f} "
              f"| {med['load_wall']:.3f} | {med['rss_load']:.0f} |")

    corpora = [("dev (20 texts)", [t for _, t, _ in load_dev(dev)], None)]
    if gsd_tokens and gsd.exists():
        docs, first = gsd_docs(gsd, gsd_tokens)
        corpora.append(("UD GSD", docs, first))
    for label, docs, first in corpora:
        n = count_tokens(docs)
        n_first = count_tokens(docs[:first]) if first else n
        path = tmp / "compare_ner_docs.json"
        path.write_text(json.dumps({"docs": docs, "first_pass": first or len(docs)}, ensure_ascii=False), "utf-8")
        print(f"\n## Throughput on {label}: {len(docs)} documents, {n:,} razdel tokens"
              + (f" ({first} documents, {n_first:,} tokens per pass)" if first else "") + "\n")
        print("| system | mode | CPU s | CPU s / 1k tokens | tokens / CPU-s | first pass CPU s / 1k | peak RSS MB |")
        print("|---|---|---|---|---|---|---|")
        rows = [(system, mode, 1) for system, mode in systems]
        if not first:  # numpy's default threads, once, on the dev texts: on GSD it only burns 4x the CPU
            rows.append(("natasha", "full", 0))
        for system, mode, threads in rows:
            r = spawn(f"{system}:run:{mode}", path, threads)
            mode += "" if threads else " (BLAS threads left at numpy's default)"
            print(f"| {system} | {mode} | {r['run_cpu']:.2f} | {1000 * r['run_cpu'] / n:.3f} | {n / r['run_cpu']:,.0f} "
                  f"| {1000 * r['first_cpu'] / n_first:.3f} | {r['rss_run']:.0f} |")
        path.unlink()
    print()


# ---------------------------------------------------------------- installed size
def closure(name: str) -> set[str]:
    seen, todo = set(), [name]
    while todo:
        n = re.split(r"[\s\[<>=!~;(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if n in seen:
            continue
        try:
            dist = md.distribution(n)
        except md.PackageNotFoundError:
            continue
        seen.add(n)
        todo += [r for r in dist.requires or [] if "extra ==" not in r]
    return seen


def dist_size(name: str) -> int:
    total = 0
    for f in md.distribution(name).files or []:
        p = Path(f.locate())
        if p.is_file() and "__pycache__" not in p.parts:
            total += p.stat().st_size
    return total


def sizes() -> None:
    nat, sk = closure("natasha"), closure("speechkit")
    print("## Installed size (files of each distribution, bytecode caches left out)\n")
    print("| distribution | version | MB | also needed by speechkit |")
    print("|---|---|---|---|")
    extra = 0
    for n in sorted(nat, key=lambda n: -dist_size(n)):
        mb = dist_size(n) / 2**20
        shared = n in sk
        extra += 0 if shared else mb
        print(f"| {n} | {md.version(n)} | {mb:.1f} | {'yes' if shared else 'no'} |")
    total_sk = sum(dist_size(n) for n in sk if n != "speechkit") / 2**20
    print(f"\nnatasha adds {extra:.1f} MB to an install of speechkit, whose own dependencies take {total_sk:.1f} MB\n")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", required=True)
    ap.add_argument("--docs")
    child(ap.parse_args())
