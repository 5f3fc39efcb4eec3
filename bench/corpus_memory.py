"""Memory of a corpus run over a big JSON-lines file: peak RSS of the process tree at 25, 50, 100 %.

    python bench/corpus_memory.py --make /tmp/corpus.jsonl --mb 300        # write a corpus first
    python bench/corpus_memory.py /tmp/corpus.jsonl                        # themes --workers 2 --json-lines
    python bench/corpus_memory.py /tmp/corpus.jsonl --command "keywords --json" --workers 2

The corpus is made of the seed speech's paragraphs (and the texts of ``--dev`` when given), drawn at
random, 2 to 12 of them a document, each with its own id and a number that makes its figures differ.
The run's stdout is counted line by line (``--json-lines``) or by bytes; the resident memory of
the parent and of every worker (``/proc``) is sampled ten times a second. A run in constant memory
has the same peak at 50 % as at 100 %; a parent that keeps something per document grows with it.
CPU seconds are the tree's (user + system), not wall-clock time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tokayev-ots-shusha-2024.txt"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def make(path: Path, megabytes: float, dev: Path | None) -> int:
    """Write a JSON-lines corpus of about ``megabytes``; return the number of documents."""
    texts = [SEED.read_text("utf-8")]
    if dev:
        texts += [p.read_text("utf-8", "replace") for p in sorted(dev.rglob("*.txt"))]
    paragraphs = [p for t in texts for p in t.split("\n") if len(p.strip()) > 20]
    rng = random.Random(16)
    limit = int(megabytes * 2**20)
    size = n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < limit:
            body = "\n".join(rng.sample(paragraphs, rng.randint(2, 12)))
            body += f"\nОбъём вырос на {rng.randint(1, 99)}% до {rng.randint(100, 99999)} тонн."
            line = json.dumps({"id": f"doc-{n}", "source": "bench", "text": body}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def usage(pids: list[int]) -> tuple[float, float, float]:
    """(RSS of the first pid in MB, RSS of all in MB, CPU seconds of all)."""
    rss = []
    cpu = 0.0
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as fh:
                rss.append(int(fh.read().split()[1]) * PAGE / 2**20)
            with open(f"/proc/{p}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / TICKS
        except (OSError, IndexError, ValueError):
            rss.append(0.0)
    return (rss[0] if rss else 0.0), sum(rss), cpu


def run(path: Path, command: str, workers: int) -> int:
    path = path.resolve()  # the run's folder is the checkout
    with open(path, "rb") as fh:
        documents = sum(1 for _ in fh)
    argv = [sys.executable, "-m", "speechkit", *command.split(), "--input-jsonl", str(path),
            "--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(f"# speechkit {command} --input-jsonl {path.name} --workers {workers}: "
          f"{path.stat().st_size / 2**20:.0f} MB, {documents} documents")
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    done = [0]
    lines = "--json-lines" in command or "--jsonl" in command

    def count() -> None:
        for chunk in iter(lambda: p.stdout.read(1 << 16), b""):
            done[0] += chunk.count(b"\n") if lines else 0

    reader = threading.Thread(target=count, daemon=True)
    reader.start()
    marks = [0.25, 0.5, 0.75, 1.0]
    peak_tree = peak_parent = 0.0
    started = time.monotonic()
    print(f"{'done':>6} {'documents':>10} {'parent MB':>10} {'tree MB':>8} {'peak tree MB':>13} {'CPU s':>8}")
    last_cpu = 0.0
    while p.poll() is None:
        parent, total, cpu = usage(tree(p.pid))
        last_cpu = max(last_cpu, cpu)
        peak_tree, peak_parent = max(peak_tree, total), max(peak_parent, parent)
        while marks and lines and done[0] >= marks[0] * documents:
            print(f"{marks.pop(0):6.0%} {done[0]:10d} {parent:10.1f} {total:8.1f} {peak_tree:13.1f} {cpu:8.0f}",
                  flush=True)
        time.sleep(0.1)
    reader.join()
    for m in marks:
        print(f"{m:6.0%} {done[0]:10d} {'':>10} {'':>8} {peak_tree:13.1f} {last_cpu:8.0f}  (at exit)")
    print(f"# exit {p.returncode}; peak parent {peak_parent:.1f} MB; {time.monotonic() - started:.0f} s wall")
    return p.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="?", help="a JSON-lines file with a 'text' field")
    ap.add_argument("--make", type=Path, help="write a corpus to this path and stop")
    ap.add_argument("--mb", type=float, default=300, help="size of the corpus --make writes, in MB")
    ap.add_argument("--dev", type=Path, help="a folder of *.txt to draw paragraphs from as well")
    ap.add_argument("--command", default="themes --json-lines", help="the command and its output option")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if args.make:
        n = make(args.make, args.mb, args.dev)
        print(f"{args.make}: {n} documents, {args.make.stat().st_size / 2**20:.0f} MB")
        return 0
    if not args.corpus:
        ap.error("give a corpus, or --make PATH")
    return run(args.corpus, args.command, args.workers)


if __name__ == "__main__":
    sys.exit(main())
