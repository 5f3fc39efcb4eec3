"""Every command's output at two commits, compared byte for byte on a fixed set of texts.

    python bench/check_identical.py --base main [--dev ../shared/dev] [--generated 1500] [--gsd 40]
    python bench/check_identical.py --base 4893488 --head HEAD --keep /tmp/dumps   # base dumped once, then reused

A speed change must not change what speechkit prints.  The texts: the seed, tests/cases, the
development texts (--dev), --gsd documents of 60 UD Russian-GSD sentences, the pathological families
(tests/pathological.py) at two sizes, and --generated texts drawn from the property tests' strategies
(half Russian-like, half any Unicode; --seed fixes them).  For each text every analysis command runs
in-process through the CLI (typer's CliRunner): themes, numbers, keywords (three ways), summary (two
ways), analyze, speakers, tokens, lexicon and kwic as JSON, and the library's ``analyze(text)`` as
data; the seed, the cases and the dev texts also as tables and CSV; the dev folder as corpus runs
(JSON with totals, JSON lines, CSV), `compare`, `report`, and `index` into a database whose tables are
dumped (less the analysis version, which changes with the code by design) and read back with --db.

The code of each commit is checked out into a temporary worktree and run with this interpreter
(same dependencies), so only speechkit's code differs.  --head WORKTREE means the files as they are
in this checkout, uncommitted edits included.  Prints, per run, how many outputs differ and the first
few texts; exit 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (label, arguments before the file): every text
JSON_RUNS = [
    ("themes", ["themes", "--json"]),
    ("numbers", ["numbers", "--json"]),
    ("keywords", ["keywords", "--json"]),
    ("keywords-by-theme", ["keywords", "--json", "--by", "theme", "--ngrams", "2", "--rank", "keyness"]),
    ("keywords-by-speaker", ["keywords", "--json", "--by", "speaker", "--pos", "noun,adj", "--top", "10"]),
    ("summary", ["summary", "--json"]),
    ("summary-by-theme", ["summary", "--json", "--by", "theme", "-n", "3"]),
    ("analyze", ["analyze", "--json"]),
    ("speakers", ["speakers", "--json", "--all"]),
    ("tokens", ["tokens", "--json"]),
    ("lexicon", ["lexicon", "--json"]),
    ("kwic", ["kwic", "год", "--json"]),
]
# the seed, the cases and the dev texts only: the other formats
TABLE_RUNS = [
    ("themes-table", ["themes"]), ("numbers-table", ["numbers"]), ("keywords-table", ["keywords", "--by", "theme"]),
    ("summary-table", ["summary", "--by", "theme"]), ("analyze-table", ["analyze"]),
    ("speakers-table", ["speakers"]), ("themes-csv", ["themes", "--csv"]), ("numbers-csv", ["numbers", "--csv"]),
    ("analyze-csv", ["analyze", "--csv"]), ("summary-csv", ["summary", "--by", "theme", "--csv"]),
]
CORPUS_COMMANDS = ["themes", "numbers", "keywords", "summary", "analyze", "speakers", "tokens"]


# ---------------------------------------------------------------- the texts
def write_texts(out: Path, dev: Path | None, generated: int, gsd: int, seed: int) -> None:
    """The fixed set of texts, in groups (folders): seed, cases, dev, gsd, patho, gen."""
    sys.path.insert(0, str(ROOT / "tests"))
    (out / "seed").mkdir(parents=True)
    shutil.copy(ROOT / "seeds" / "tokayev-ots-shusha-2024.txt", out / "seed")
    (out / "cases").mkdir()
    for f in sorted((ROOT / "tests" / "cases").glob("*.txt")):
        shutil.copy(f, out / "cases")
    if dev is not None:
        (out / "dev").mkdir()
        for f in sorted((dev / "texts").glob("*.txt")):
            shutil.copy(f, out / "dev")
    if gsd:
        from bench_corpus import gsd_sentences  # noqa: PLC0415 - bench/ is on the path as the script's folder

        sentences = gsd_sentences(ROOT.parent / "shared" / "data" / "ud-russian-gsd")
        (out / "gsd").mkdir()
        for k in range(min(gsd, len(sentences) // 60)):
            (out / "gsd" / f"gsd{k:03d}.txt").write_text(" ".join(sentences[k * 60 : k * 60 + 60]), "utf-8")
    from pathological import FAMILIES, make

    (out / "patho").mkdir()
    for k, family in enumerate(FAMILIES):
        for size in (1500, 6000):
            (out / "patho" / f"p{k:02d}-{size}.txt").write_text(make(family, size), "utf-8")
    if generated:
        (out / "gen").mkdir()
        for k, text in enumerate(_generated(generated, seed)):
            (out / "gen" / f"g{k:05d}.txt").write_bytes(text.encode("utf-8"))


def _generated(n: int, seed: int) -> list[str]:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    from test_properties import any_text, russian_text

    texts: list[str] = []
    for strategy, count in ((russian_text, n - n // 2), (any_text, n // 2)):
        @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def draw(text: str) -> None:
            if text.strip():
                texts.append(text)

        hypothesis_seed(seed)(draw)()
    return texts


# ---------------------------------------------------------------- one commit's outputs
def dump(texts: Path, out: Path, root: Path) -> None:
    """Run every command on every text with the speechkit found in ``root``; write JSON lines per run."""
    sys.path.insert(0, str(root))
    os.environ["COLUMNS"] = "120"
    os.environ.pop("SPEECHKIT_DEBUG", None)
    import speechkit

    assert Path(speechkit.__file__).resolve().is_relative_to(root.resolve()), speechkit.__file__
    from typer.testing import CliRunner

    from speechkit import analyze
    from speechkit.cli import app
    from speechkit.model import to_dict

    runner = CliRunner()
    out.mkdir(parents=True, exist_ok=True)
    os.chdir(texts)  # names in the output are relative: the same for both commits

    def invoke(args: list[str]) -> dict:
        r = runner.invoke(app, args, env={"COLUMNS": "120"})
        return {"exit": r.exit_code, "stdout": r.stdout, "stderr": r.stderr}

    groups = [g for g in ("seed", "cases", "dev", "gsd", "patho", "gen") if (texts / g).is_dir()]
    files = {g: sorted(str(p.relative_to(texts)) for p in (texts / g).glob("*.txt")) for g in groups}
    sinks = {}

    def emit(run: str, key: str, value) -> None:
        if run not in sinks:
            sinks[run] = (out / f"{run}.jsonl").open("w", encoding="utf-8")
        sinks[run].write(json.dumps({"key": key, "value": value}, ensure_ascii=False, default=str) + "\n")

    for g in groups:
        for name in files[g]:
            text = (texts / name).read_text("utf-8")
            try:
                emit("library", name, to_dict(analyze(text)))
            except Exception as exc:  # noqa: BLE001 - a failure is an output too
                emit("library", name, f"{type(exc).__name__}: {exc}")
            for label, args in JSON_RUNS:
                if args[0] == "kwic":
                    emit(label, name, invoke(["kwic", args[1], name, *args[2:]]))
                else:
                    emit(label, name, invoke([*args, name]))
            if g in ("seed", "cases", "dev"):
                for label, args in TABLE_RUNS:
                    emit(label, name, invoke([*args, name]))
    if "dev" in groups:
        for command in CORPUS_COMMANDS:
            for fmt in ("--json", "--json-lines", "--csv"):
                emit("corpus", f"{command} {fmt}", invoke([command, "dev", fmt]))
        emit("corpus", "keywords --by speaker", invoke(["keywords", "dev", "--json", "--by", "speaker"]))
        emit("corpus", "collocates", invoke(["collocates", "президент", "dev", "--json"]))
        a, b = files["dev"][:2]
        emit("corpus", "compare", invoke(["compare", a, b, "--json"]))
        with tempfile.TemporaryDirectory() as tmp:
            html = Path(tmp) / "report.html"
            r = invoke(["report", files["seed"][0], "-o", str(html)])
            emit("corpus", "report", {"exit": r["exit"], "html": html.read_text("utf-8") if html.exists() else None})
            db = Path(tmp) / "dev.db"
            r = invoke(["index", "dev", "seed", "--db", str(db)])
            emit("db", "index exit", r["exit"])
            for table, rows in _tables(db):
                emit("db", table, rows)
            for command in CORPUS_COMMANDS:
                emit("db", f"{command} --db", invoke([command, "--db", str(db), "--json"]))
    for sink in sinks.values():
        sink.close()


def _tables(db: Path):
    con = sqlite3.connect(db)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for name in names:
        if name.startswith("segments_fts") or name == "meta":
            continue  # FTS shadow tables are SQLite's; meta holds the time of the run
        cur = con.execute(f'SELECT * FROM "{name}"')
        cols = [d[0] for d in cur.description]
        rows = []
        for row in cur:
            rec = {c: (hashlib.sha256(v).hexdigest() if isinstance(v, bytes) else v) for c, v in zip(cols, row)}
            rec.pop("analysis_version", None)  # a fingerprint of the code: changes with it by design
            rec.pop("indexed_at", None)  # the time of the run
            rows.append(rec)
        yield name, sorted(rows, key=lambda r: json.dumps(r, ensure_ascii=False, default=str))
    con.close()


# ---------------------------------------------------------------- comparing
def compare(a: Path, b: Path, show: int = 5) -> int:
    """Print per run the outputs that differ; return how many differ in all."""
    total = 0
    runs = sorted({p.stem for p in a.glob("*.jsonl")} | {p.stem for p in b.glob("*.jsonl")})
    for run in runs:
        left = _lines(a / f"{run}.jsonl")
        right = _lines(b / f"{run}.jsonl")
        keys = list(dict.fromkeys([*left, *right]))
        differ = [k for k in keys if left.get(k) != right.get(k)]
        added: set[str] = set()
        for k in list(differ):
            fields = _only_new_fields(left.get(k), right.get(k))
            if fields is not None:  # a field the base had not, null here: the rest is identical
                differ.remove(k)
                added |= fields
        total += len(differ)
        print(f"{run:22} {len(keys):6} outputs  " + (f"{len(differ)} DIFFER: {', '.join(differ[:show])}"
                                                    if differ else "identical")
              + (f" (but for new fields, null: {', '.join(sorted(added))})" if added else ""))
    return total


def _only_new_fields(a: str | None, b: str | None) -> set[str] | None:
    """The fields of record ``b`` that ``a`` lacks, when they are null and all else is equal; else None."""
    if a is None or b is None:
        return None
    va, vb = json.loads(a), json.loads(b)
    if not (isinstance(va, dict) and isinstance(vb, dict)) or not set(va) < set(vb):
        return None
    new = set(vb) - set(va)
    if any(vb[f] is not None for f in new) or [(f, vb[f]) for f in vb if f in va] != list(va.items()):
        return None
    return new


def _lines(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["key"]] = json.dumps(rec["value"], ensure_ascii=False, sort_keys=False)
    return out


def checkout(rev: str, where: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(where), rev], check=True)
    return where


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main", help="commit whose output is the reference")
    ap.add_argument("--head", default="WORKTREE", help="commit to check (WORKTREE: this checkout as it is)")
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--generated", type=int, default=600)
    ap.add_argument("--gsd", type=int, default=30)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--keep", type=Path, help="keep the texts and dumps in this folder")
    ap.add_argument("--base-only", action="store_true", help="only dump the base (into --keep) for later runs")
    ap.add_argument("--dump", nargs=3, metavar=("TEXTS", "OUT", "ROOT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.dump:
        dump(Path(args.dump[0]), Path(args.dump[1]), Path(args.dump[2]))
        return
    differ = 0
    work = Path(tempfile.mkdtemp(prefix="speechkit-identical-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    trees = []
    try:
        texts = work / "texts"
        if not texts.exists():
            write_texts(texts, args.dev if args.dev and args.dev.exists() else None, args.generated, args.gsd,
                        args.seed)
        roots = {}
        for side, rev in (("base", args.base), ("head", args.head))[: 1 if args.base_only else 2]:
            if side == "base" and (work / "base" / "library.jsonl").exists():
                print(f"base: the dump kept in {work / 'base'}")  # --keep: the reference is made once
                continue
            shutil.rmtree(work / side, ignore_errors=True)
            if rev == "WORKTREE":
                roots[side] = ROOT
            else:
                roots[side] = checkout(rev, work / f"tree-{side}")
                trees.append(roots[side])
        procs = [subprocess.Popen([sys.executable, __file__, "--dump", str(texts), str(work / side), str(root)],
                                  env={**os.environ, "SPEECHKIT_CACHE_DIR": str(work / f"cache-{side}")})
                 for side, root in roots.items()]
        if any(p.wait() for p in procs):
            sys.exit("a dump failed")
        print(f"texts: {sum(1 for _ in texts.rglob('*.txt'))} in {texts}; base {args.base}, head {args.head}")
        if args.base_only:
            return
        differ = compare(work / "base", work / "head")
        print("all identical" if not differ else f"{differ} outputs differ")
    finally:
        for tree in trees:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
