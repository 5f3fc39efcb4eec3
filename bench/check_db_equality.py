"""Every command's output over ``--db`` against its output over the files, on the development texts.

    python bench/check_db_equality.py [--dev ../shared/dev]

Copies the texts (and the seed) to a temporary folder, indexes them, and compares the JSON of
themes, numbers, keywords (two ways), summary, analyze and tokens, and of collocates, read from
the files and from the database.  The tests do the same on tests/cases; this runs on all of dev.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
RUNS = [("themes",), ("numbers",), ("keywords", "--top", "15"), ("keywords", "--by", "speaker", "--rank", "keyness"),
        ("summary", "-n", "2", "--by", "theme"), ("analyze",), ("tokens",)]


def speechkit(*args: str, cwd: Path) -> str:
    return subprocess.run([sys.executable, "-m", "speechkit", *args], cwd=cwd, env=ENV, check=True,
                          capture_output=True, text=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "texts").mkdir()
        for f in sorted((args.dev / "texts").glob("*.txt")) + [ROOT / "seeds" / "tokayev-ots-shusha-2024.txt"]:
            shutil.copy(f, work / "texts" / f.name)
        speechkit("index", "texts", "--db", "dev.db", cwd=work)
        failed = 0
        for run in RUNS:
            files = json.loads(speechkit(*run, "texts", "--json", cwd=work))
            stored = json.loads(speechkit(*run, "--db", "dev.db", "--json", cwd=work))
            same = files == stored
            failed += not same
            print(f"{' '.join(run):45} {len(files['documents'])} documents: {'equal' if same else 'DIFFERENT'}")
        for word in ("президент", "экономика"):
            files = json.loads(speechkit("collocates", word, "texts", "--json", cwd=work))
            stored = json.loads(speechkit("collocates", word, "--db", "dev.db", "--json", cwd=work))
            failed += files != stored
            print(f"{'collocates ' + word:45} {len(files['collocates'])} collocates: "
                  f"{'equal' if files == stored else 'DIFFERENT'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
