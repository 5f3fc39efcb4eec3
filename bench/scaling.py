"""How cost grows with input size, for every pathological input family (tests/pathological.py).

    python bench/scaling.py                                  # library analyze(), N = 25 KB
    python bench/scaling.py --base 50000 --family captions   # one family, bigger sizes
    python bench/scaling.py --command "analyze --json"       # the CLI, output written to /dev/null
                                                             # (also the endless stdin streams)

For each family: CPU seconds and peak RSS at N, 2N, 4N, 8N characters, and the exponent of a
least-squares fit of log(cost) against log(size) — 1.0 is linear, 2.0 quadratic. Each size runs in
a fresh process. Library mode warms the caches on 3 KB of the same family first, takes the
best CPU time of two calls and the peak of Python allocations during a third (tracemalloc); CLI mode reports the child's own CPU time and peak
RSS (os.wait4), less those of a 1 KB run of the same family (start-up and dictionaries). CLI mode
also feeds the endless streams of ``STREAMS`` to ``speechkit --max-bytes SIZE COMMAND -``: the run
must stop at SIZE with exit 3, at the cost of reading SIZE bytes (or at once, for binary data).

Targets (reliability issue): every exponent ≤ 1.2 in time and memory; at most 2 s and 200 MB per MB of
input, counted in the file's bytes (UTF-8). Library mode also prints the floor: the CPU seconds per MB
that razdel's tokenizer alone spends on the same text.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from pathological import FAMILIES, STREAMS, make  # noqa: E402


NOISE_S = 0.1  # CPU seconds: below this, differences between runs are start-up jitter
NOISE_MB = 5.0


def child(family: str, size: int) -> None:
    """Run analyze() once on the family at ``size``; print CPU seconds and peak RSS (MB) as JSON, with
    the CPU seconds of razdel's tokenizer alone on the same text (the floor of any razdel pipeline)."""
    from razdel import tokenize

    from speechkit import analyze

    analyze(make(family, 3000))
    text = make(family, size)

    def best(fn) -> float:
        cpus = []
        for _ in range(2):  # best of two: the machine is shared
            t0 = time.process_time()
            fn()
            cpus.append(time.process_time() - t0)
        return min(cpus)

    cpu = best(lambda: analyze(text))
    floor = best(lambda: sum(1 for _ in tokenize(text)))
    tracemalloc.start()
    analyze(text)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(json.dumps({"cpu": cpu, "rss": peak, "floor": floor}))


def measure_library(family: str, size: int) -> tuple[float, float, float]:
    out = subprocess.run([sys.executable, __file__, "--child", family, str(size)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    rec = json.loads(out.stdout)
    return rec["cpu"], rec["rss"], rec["floor"]


def measure_cli(family: str, size: int, command: list[str]) -> tuple[float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(make(family, size))
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with open(os.devnull, "wb") as devnull:
            p = subprocess.Popen([sys.executable, "-m", "speechkit", *command, fh.name], stdout=devnull,
                                 stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
            _, status, usage = os.wait4(p.pid, 0)
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
    finally:
        os.unlink(fh.name)


def measure_stream(family: str, size: int, command: list[str]) -> tuple[float, float]:
    """``speechkit --max-bytes SIZE COMMAND -`` with the family's bytes written to stdin without end."""
    import threading

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    chunk = STREAMS[family] * (65536 // len(STREAMS[family]) + 1)
    p = subprocess.Popen([sys.executable, "-m", "speechkit", "--max-bytes", str(size), *command, "-"],
                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)

    def feed() -> None:
        try:
            while True:
                p.stdin.write(chunk)
        except (BrokenPipeError, ValueError, OSError):
            pass

    threading.Thread(target=feed, daemon=True).start()
    _, status, usage = os.wait4(p.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 3:
        raise SystemExit(f"{family} at {size}: exit {code}, not 3 (the stream was not refused)")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def exponent(sizes: list[int], costs: list[float], floor: float = 0.0) -> float | None:
    """The slope of log(cost) on log(size), over the sizes whose cost reaches ``floor`` (at least two)."""
    pts = [(math.log(s), math.log(c)) for s, c in zip(sizes, costs) if c > 0 and c >= floor]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=25_000, help="N, in characters (sizes N, 2N, 4N, 8N)")
    ap.add_argument("--family", action="append", help="only these families (repeatable)")
    ap.add_argument("--command", help="a CLI command line to run instead of analyze(), e.g. 'numbers --json'")
    ap.add_argument("--child", nargs=2, metavar=("FAMILY", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    families = args.family or list(FAMILIES) + (list(STREAMS) if args.command else [])
    sizes = [args.base * k for k in (1, 2, 4, 8)]
    mode = f"speechkit {args.command} FILE" if args.command else "speechkit.analyze(text)"
    print(f"# {mode}; sizes {', '.join(f'{s // 1000} KB' for s in sizes)} (characters); "
          "CPU s / peak MB")
    print("# s/MB and MB/MB at 8N are per MB of the input file (UTF-8 bytes: a Cyrillic letter is two); "
          + ("floor s/MB: razdel's tokenizer alone on the same text, which any razdel pipeline pays"
             if not args.command else ""))
    print(f"{'family':24} " + " ".join(f"{s // 1000:>5}K cpu   MB" for s in sizes)
          + "   exp(t) exp(m)  s/MB  MB/MB" + ("" if args.command else "  floor s/MB"))
    worst = 0.0
    for family in families:
        floor = None
        if args.command:
            command = args.command.split()
            measure = measure_stream if family in STREAMS else measure_cli
            t_base, m_base = measure(family, 1000, command)
            runs = [measure(family, s, command) for s in sizes]
            cpus = [max(c - t_base, 1e-3) for c, _ in runs]
            mems = [max(m - m_base, 0.1) for _, m in runs]
        else:
            runs = [measure_library(family, s) for s in sizes]
            cpus = [c for c, _, _ in runs]
            mems = [max(m, 0.1) for _, m, _ in runs]
            floor = runs[-1][2]
        # a cost below NOISE is start-up jitter, not growth: the fit leaves it out (no fit under two points)
        et = exponent(sizes, cpus, NOISE_S)
        em = exponent(sizes, mems, NOISE_MB)
        # a stream is cut at SIZE bytes; a family's text of SIZE characters is longer in bytes
        mb = (sizes[-1] if family in STREAMS else len(make(family, sizes[-1]).encode("utf-8"))) / 1e6
        per_mb_t = cpus[-1] / mb
        per_mb_m = mems[-1] / mb
        worst = max(worst, et or 0)
        cells = " ".join(f"{c:9.2f} {m:4.0f}" for c, m in zip(cpus, mems))
        fits = " ".join("     —" if e is None else f"{e:6.2f}" for e in (et, em))
        tail = "" if floor is None else f" {floor / mb:11.1f}"
        print(f"{family[:24]:24} {cells}   {fits} {per_mb_t:5.1f} {per_mb_m:6.0f}{tail}", flush=True)
    print(f"# worst time exponent {worst:.2f} (target ≤ 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
