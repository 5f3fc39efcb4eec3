"""Lemma accuracy and speed of speechkit.morph on UD Russian-GSD.

    python bench/eval_lemmas.py                          # dev part: develop here
    python bench/eval_lemmas.py --part test --errors     # report here; never tune on it

Each sentence's ``# text`` goes through ``speechkit.morph.tokenize``.  UD words carry
no offsets, so they get them by sequential search in that text, and are matched to
razdel tokens by offsets (the UD word ``г.`` matches the razdel token ``г`` followed
by ``.``).  The baseline is pymorphy3's first parse of each UD word form, i.e. on the
gold tokenization.

Scored words: every word whose UPOS is not PUNCT/NUM/SYM ("all") and the content words
NOUN, PROPN, VERB, ADJ, ADV ("content").  Lemmas are compared lower-cased, with ё
folded to е (GSD writes е) and accent marks dropped.

- raw: that comparison only.  A UD word razdel cuts differently (GSD splits
  «Член-корреспондент» into three words, razdel keeps one token; razdel splits «км2»)
  counts as wrong for speechkit.
- mapped: raw, or a difference that is a GSD convention rather than an error:
  the entries of ``CONVENTIONS`` (function words only); comparatives (GSD files
  «чаще» under часто or under the form itself, OpenCorpora under the adjective
  частый); and a stretch razdel and UD cut differently, right when its lemmas
  compared whole agree («член-корреспондент» = «член» + «-» + «корреспондент»).

Both figures are printed; the convention list is short on purpose.
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speechkit import morph  # noqa: E402

DEFAULT_PATH = ROOT.parent / "shared" / "data" / "ud-russian-gsd"
SKIP = {"PUNCT", "NUM", "SYM"}
CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "ADV"}

# GSD lemma conventions that differ from OpenCorpora/pymorphy3 by choice.
# Each entry: (gold UPOS, gold lemma) → lemmas accepted besides it.
CONVENTIONS: dict[tuple[str, str], set[str]] = {
    # vocalised prepositions are their own lemma in GSD: «во время» → во
    ("ADP", "во"): {"в"},
    ("ADP", "со"): {"с"},
    ("ADP", "ко"): {"к"},
    ("ADP", "об"): {"о"},
    ("ADP", "обо"): {"о"},
    ("ADP", "подо"): {"под"},
    ("ADP", "надо"): {"над"},
    ("ADP", "предо"): {"перед"},
    ("ADP", "передо"): {"перед"},
    ("ADP", "изо"): {"из"},
    # possessive его/её/их is a DET with its own lemma in GSD; pymorphy: он/она/они
    ("DET", "его"): {"он", "оно"},
    ("DET", "ее"): {"она"},
    ("DET", "их"): {"они"},
}


def fold(s: str) -> str:
    return s.lower().replace("ё", "е").replace("\u0301", "")


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    feats: str
    start: int | None
    end: int | None


@dataclass
class Sentence:
    text: str
    words: list[Word]


def read_conllu(path: Path) -> list[Sentence]:
    """Sentences with UD words; offsets rebuilt by sequential search in ``# text``."""
    out: list[Sentence] = []
    text, words = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            if text is not None:
                out.append(_locate(text, words))
            text, words = None, []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:  # multiword ranges, empty nodes
                continue
            words.append(Word(cols[1], cols[2], cols[3], cols[5], None, None))
    if text is not None:
        out.append(_locate(text, words))
    return out


def _locate(text: str, words: list[Word]) -> Sentence:
    cursor = 0
    for w in words:
        i = text.find(w.form, cursor)
        if i >= 0:
            w.start, w.end = i, i + len(w.form)
            cursor = w.end
    return Sentence(text, words)


def align(sent: Sentence, tokens) -> list:
    """For each UD word: the speechkit token with its offsets, or None where the
    tokenizations differ («Член-корреспондент» is one razdel token, two UD words)."""
    by_start = {t.start: t for t in tokens}
    out = []
    for w in sent.words:
        t = by_start.get(w.start) if w.start is not None else None
        if t is not None and t.end != w.end:
            # UD «г.» = razdel «г» + «.»
            if not (t.end < w.end and sent.text[t.end : w.end].strip(".") == ""):
                t = None
        out.append(t)
    return out


def regroup(sent: Sentence, tokens, w: Word) -> tuple[str, str] | None:
    """Where razdel and UD cut a stretch of text differently, that stretch with each
    razdel token replaced by its lemma and with each UD word replaced by its gold lemma."""
    if w.start is None:
        return None
    a, b = w.start, w.end
    while True:
        spans = [(t.start, t.end) for t in tokens if t.start < b and t.end > a]
        spans += [(u.start, u.end) for u in sent.words if u.start is not None and u.start < b and u.end > a]
        a2, b2 = min(s for s, _ in spans), max(e for _, e in spans)
        if (a2, b2) == (a, b):
            break
        a, b = a2, b2

    def render(items) -> str:
        out, cur = [], a
        for s, e, lem in sorted(items):
            out.append(sent.text[cur:s] + lem)
            cur = e
        return "".join(out) + sent.text[cur:b]

    ours = render((t.start, t.end, t.lemma) for t in tokens if a <= t.start and t.end <= b)
    gold = render(
        (u.start, u.end, u.lemma) for u in sent.words if u.start is not None and a <= u.start and u.end <= b
    )
    return ours, gold


def convention(word: Word, lemma: str, pos: str | None) -> bool:
    """The lemma differs from the gold one only by a GSD convention (``CONVENTIONS``)."""
    if fold(lemma) in CONVENTIONS.get((word.upos, fold(word.lemma)), ()):
        return True
    # comparatives: OpenCorpora files «чаще» under the adjective (частый), GSD under
    # the adverb (часто) or the form itself (позже, больше), inconsistently
    return pos == "COMP" and "Degree=Cmp" in word.feats


class Score:
    def __init__(self) -> None:
        self.n = collections.Counter()
        self.raw = collections.Counter()
        self.mapped = collections.Counter()

    def add(self, word: Word, raw: bool, mapped: bool) -> None:
        if word.upos in SKIP:
            return
        for group in ("all", "content") if word.upos in CONTENT else ("all",):
            self.n[group] += 1
            self.raw[group] += raw
            self.mapped[group] += raw or mapped

    def pct(self, counter, group: str) -> str:
        return f"{100 * counter[group] / max(self.n[group], 1):.2f}"


def throughput(texts: list[str], fn, repeat: int = 3, setup=None) -> float:
    """Tokens per second of ``fn(text) -> list`` over ``texts``, best of ``repeat``
    (``setup`` runs before each round, outside the timing)."""
    best = 0.0
    for _ in range(repeat):
        if setup is not None:
            setup()
        gc.collect()
        t0 = time.perf_counter()
        n = sum(len(fn(t)) for t in texts)
        best = max(best, n / (time.perf_counter() - t0))
    return best


def pymorphy_first(text: str) -> list:
    """razdel + pymorphy3 first parse of every token, no cache: the naive pipeline."""
    from razdel import tokenize

    a = morph.analyzer()
    return [(t, a.parse(t.text)[0].normal_form) for t in tokenize(text)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("dev", "test"), default="dev")
    ap.add_argument("--path", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--errors", action="store_true", help="print the top 20 remaining confusions")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--all-words", action="store_true", help="confusions over all scored words, not only content")
    args = ap.parse_args(argv)

    path = args.path / f"ru_gsd-ud-{args.part}.conllu"
    sents = read_conllu(path)
    texts = [s.text for s in sents]
    morph.analyzer()  # load the dictionaries outside the timings

    # speed: best of three rounds each; "cold" empties speechkit's per-form caches before
    # every round, so each distinct form of the part is analysed inside the timing
    from razdel import tokenize as razdel_tokenize

    tps_razdel = throughput(texts, lambda t: list(razdel_tokenize(t)))
    tps_base = throughput(texts, pymorphy_first)
    tps_cold = throughput(texts, morph.tokenize, setup=morph.clear_caches)
    tps_warm = throughput(texts, morph.tokenize)

    base, ours = Score(), Score()
    confusions: collections.Counter = collections.Counter()
    unaligned = regrouped = 0
    a = morph.analyzer()
    for s in sents:
        toks = morph.tokenize(s.text)
        for w, t in zip(s.words, align(s, toks)):
            p = a.parse(w.form.lower())[0]
            ok = fold(p.normal_form) == fold(w.lemma)
            base.add(w, ok, convention(w, p.normal_form, p.tag.POS))
            if t is not None:
                ok = fold(t.lemma) == fold(w.lemma)
                mapped = convention(w, t.lemma, t.pos)
                got = f"{t.lemma} {t.pos}"
            else:
                pair = regroup(s, toks, w)
                ok, mapped = False, pair is not None and fold(pair[0]) == fold(pair[1])
                got = f"<{pair[0]} ≠ {pair[1]}>" if pair else "<not found>"
                if w.upos not in SKIP:
                    unaligned += 1
                    regrouped += mapped
            ours.add(w, ok, mapped)
            if not (ok or mapped) and w.upos not in SKIP and (args.all_words or w.upos in CONTENT):
                confusions[(w.upos, w.form, w.lemma, got)] += 1

    print(f"UD Russian-GSD {args.part}: {len(sents)} sentences, "
          f"{base.n['all']} scored words ({base.n['content']} content)")
    print(f"{unaligned} scored words cut differently by razdel: wrong in 'raw'; in 'mapped', "
          f"{regrouped} of them right when the stretch's lemmas are compared whole")
    print("raw: lemma == gold (lower case, ё = е); mapped: raw or a documented GSD convention")
    print()
    print(f"{'lemmas':<30}{'all raw':>9}{'mapped':>9}{'content raw':>13}{'mapped':>9}")
    for name, sc in (("pymorphy3 first parse", base), ("speechkit.morph.tokenize", ours)):
        print(f"{name:<30}{sc.pct(sc.raw, 'all'):>9}{sc.pct(sc.mapped, 'all'):>9}"
              f"{sc.pct(sc.raw, 'content'):>13}{sc.pct(sc.mapped, 'content'):>9}")
    print()
    from pymorphy3.dawg import EXTENSION_AVAILABLE

    dawg = "DAWG2 C extension" if EXTENSION_AVAILABLE else "pure-Python DAWG; pymorphy3[fast] speeds the cold cache"
    print(f"speed: tokens/s on one thread, best of 3 rounds over the part's texts ({dawg})")
    print(f"{'':<40}{'tokens/s':>10}{'time vs razdel':>16}")
    for name, tps in (
        ("razdel tokenize only", tps_razdel),
        ("razdel + pymorphy3 first parse", tps_base),
        ("speechkit tokenize, cold cache", tps_cold),
        ("speechkit tokenize, warm cache", tps_warm),
    ):
        print(f"{name:<40}{tps:>10,.0f}{tps_razdel / tps:>15.1f}x")
    if args.errors:
        print()
        kind = "scored-word" if args.all_words else "content-word"
        print(f"top {args.top} remaining {kind} confusions (count, UPOS, form, gold, speechkit):")
        for (upos, form, gold, got), c in confusions.most_common(args.top):
            print(f"{c:>4}  {upos:<6}{form:<20}{gold:<20}{got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
