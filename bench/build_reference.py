"""Build ``speechkit/data/reference_freq.tsv``: lemma frequencies of general Russian.

One-off script, kept so the file can be rebuilt and audited.  It reads the
Russian word list that ships inside ``wordfreq`` (3.1.1; data CC BY-SA 4.0),
lemmatises every word form with speechkit's own lemmatiser (so the reference
and the texts are lemmatised the same way, ambiguities included), sums the
form frequencies per lemma and writes the top lemmas as
``lemma<TAB>per_million``, most frequent first.

    python bench/build_reference.py            # writes speechkit/data/reference_freq.tsv
    python bench/build_reference.py --top 45000 --forms 712849 --out /tmp/ref.tsv
    python bench/build_reference.py --frequent 6000   # writes speechkit/data/frequent_forms.txt instead

``--frequent N`` writes the N most frequent Cyrillic word forms (``frequent_forms.txt``), whose
readings ``speechkit.frequent_forms`` keeps in the derived-table cache.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from speechkit.morph import lemma  # noqa: E402
from speechkit.text import norm_word  # noqa: E402

OUT = ROOT / "speechkit" / "data" / "reference_freq.tsv"
FORMS_OUT = ROOT / "speechkit" / "data" / "frequent_forms.txt"
CYRILLIC_FORM = re.compile(r"^[а-яё]+(?:-[а-яё]+)*$")
# a word form worth lemmatising: letters (Cyrillic or Latin), maybe hyphenated, no digits
FORM_RE = re.compile(r"^[а-яёa-z]+(?:-[а-яёa-z]+)*$")


def build(forms: int, top: int) -> tuple[list[tuple[str, float]], dict]:
    import wordfreq

    totals: collections.Counter[str] = collections.Counter()
    seen = kept = 0
    for word in wordfreq.top_n_list("ru", forms):
        seen += 1
        if not FORM_RE.match(word):
            continue  # digits, punctuation, other scripts
        kept += 1
        totals[norm_word(lemma(word))] += wordfreq.word_frequency(word, "ru") * 1e6
    rows = [(lem, pm) for lem, pm in totals.most_common(top) if len(lem) > 0]
    stats = {
        "wordfreq": getattr(wordfreq, "__version__", "3.1.1"),
        "forms_read": seen,
        "forms_kept": kept,
        "lemmas": len(totals),
        "written": len(rows),
        "covered_per_million": round(sum(pm for _, pm in rows), 1),
    }
    return rows, stats


def write_frequent(n: int, out: pathlib.Path) -> dict:
    """The ``n`` most frequent Cyrillic word forms of wordfreq's list, one per line, most frequent first."""
    import wordfreq

    words = [w for w in wordfreq.top_n_list("ru", 4 * n) if CYRILLIC_FORM.match(w)][:n]
    header = (
        "# The most frequent Russian word forms, most frequent first: the first "
        f"{len(words)} Cyrillic forms of wordfreq {getattr(wordfreq, '__version__', '3.1.1')} 'ru'\n"
        "# (CC BY-SA 4.0), built by bench/build_reference.py --frequent. See REFERENCE.md.\n"
    )
    out.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8", newline="\n")
    return {"forms": len(words), "bytes": out.stat().st_size}


def fmt(pm: float) -> str:
    """Three significant digits (wordfreq itself stores frequencies in ~2% steps), no exponent.

    >>> fmt(44210.3), fmt(198.44), fmt(8.1063), fmt(0.65194)
    ('44210', '198', '8.11', '0.652')
    """
    if pm >= 100:
        return f"{pm:.0f}"
    return format(float(f"{pm:.3g}"), "f").rstrip("0").rstrip(".")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--forms", type=int, default=800_000, help="word forms to read from wordfreq (all: ~713k)")
    ap.add_argument("--top", type=int, default=45_000, help="lemmas to write")
    ap.add_argument("--out", type=pathlib.Path, default=None)
    ap.add_argument("--frequent", type=int, default=0, help="write this many frequent word forms instead")
    args = ap.parse_args(argv)
    if args.frequent:
        print(write_frequent(args.frequent, args.out or FORMS_OUT), file=sys.stderr)
        return
    args.out = args.out or OUT
    t0 = time.perf_counter()
    rows, stats = build(args.forms, args.top)
    header = (
        "# lemma<TAB>per_million: general Russian lemma frequencies, built by bench/build_reference.py from\n"
        f"# wordfreq {stats['wordfreq']} 'ru' (CC BY-SA 4.0); forms lemmatised with speechkit.morph.lemma, ё as е. "
        "See REFERENCE.md.\n"
    )
    with args.out.open("w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for lem, pm in rows:
            f.write(f"{lem}\t{fmt(pm)}\n")
    stats["seconds"] = round(time.perf_counter() - t0, 1)
    stats["bytes"] = args.out.stat().st_size
    print(stats, file=sys.stderr)


if __name__ == "__main__":
    main()
