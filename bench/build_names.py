"""Build ``speechkit/data/common_names.txt``: men's given names common in Russian-language text.

One-off script, kept so the file can be rebuilt and audited. A lemma of ``reference_freq.tsv`` (general
Russian, from wordfreq, CC BY-SA 4.0) at ``--min`` or more per million whose dictionary reading is a
man's given name in the nominative («иван», «сергей», «олег»). speechkit reads «Ивана Петрова» after
«жена», «адвокат», «сказала» as that man's genitive, not a woman's nominative, only when the name is
this common: the dictionary also reads «Асия», a Kazakh woman's name, as the genitive of the rare «Асий».

    python bench/build_names.py              # writes speechkit/data/common_names.txt
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from speechkit import morph  # noqa: E402
from speechkit.keywords import reference  # noqa: E402

OUT = ROOT / "speechkit" / "data" / "common_names.txt"


def build(min_per_million: float) -> list[str]:
    known = morph.analyzer().word_is_known
    out = []
    for lem, pm in reference().items():
        if pm < min_per_million or not lem.isalpha() or not known(lem):
            continue
        if any({"Name", "masc", "nomn"} <= p.tag.grammemes and p.normal_form.replace("ё", "е") == lem
               for p in morph.parses(lem)[:4]):
            out.append(lem)
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min", type=float, default=5.0, help="per million words in reference_freq.tsv")
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    args = ap.parse_args()
    names = build(args.min)
    header = (
        "# Men's given names common in Russian-language text: the lemmas of reference_freq.tsv (wordfreq,\n"
        f"# CC BY-SA 4.0) at {args.min:g} or more per million words that pymorphy3 reads as a man's given name in\n"
        "# the nominative. Built by bench/build_names.py; one lemma per line, ё as е, sorted. A name here in an\n"
        "# oblique case («Ивана», «Сергея») is never read as a woman's nominative.\n"
    )
    args.out.write_text(header + "".join(f"{n}\n" for n in names), encoding="utf-8")
    print(f"{len(names)} names -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
