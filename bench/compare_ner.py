"""natasha's NER and names extractor against speechkit's own speaker rules, with figures.

    python3 -m venv /work/venv-natasha-lib && . /work/venv-natasha-lib/bin/activate
    pip install natasha && pip install -e .          # natasha is never a dependency of speechkit
    python bench/compare_ner.py --dev ../shared/dev [--gsd ../shared/data/ud-russian-gsd] [--extras]

Quality, per text of the development set and in total:
- persons: the gold speakers of quotes, turns and fragments that are persons (two or three capitalised
  Cyrillic words: «Касым-Жомарт Токаев»). Recall of each among the persons a system extracts: *exact*
  (canonical: nominative, first name + surname, ё = е) and *surname* (the same surname key,
  whatever the case or the first name); *extra* = distinct persons reported that are no gold speaker
  (real people who do not speak as well as non-persons: `--extras` lists them to classify by hand);
- organisations: for each gold speaker that is an organisation, the mentions of it a system found
  (same head lemma, or an abbreviation of the name: «КСИР», «Минфин», «S&P»).

Both systems read the same text: speechkit's normalised copy up to its page-tail boilerplate.
speechkit's persons are ``analyze(text).speakers`` (kind "person") when that list is filled, else
``SpeakerBook(text).people``; its organisations are the speakers of kind "organisation", else the
non-person names its segments are attributed to (no mentions then).
natasha: Segmenter, NewsEmbedding, NewsNERTagger; span.normalize(MorphVocab) needs the morphology
tags (NewsMorphTagger) and, for ORG spans, the syntax tree (NewsSyntaxParser); PER spans get
span.extract_fact(NamesExtractor). Canonical person = the normal form, patronymic dropped.

Cost, each figure from a fresh process (``--child``): import, model load, CPU seconds per 1,000 razdel
tokens on the 20 dev texts and on UD Russian-GSD sentences (documents of 60 sentences, repeated to
--gsd-tokens; the first, cold pass is given apart), peak RSS; installed size of natasha and the
packages it brings that speechkit does not. The network is refused inside natasha's children: its
models must load from the package. numpy's BLAS runs with one thread (speechkit is single-threaded;
OpenBLAS's idle threads spin and, on a shared 2-core machine, tripled natasha's CPU time); one row
shows natasha with numpy's default threads. Benchmarks, not tests: CPU time, nothing fails on a slow
machine.
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
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PERSON = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: [А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2}$")
# a gold non-person whose head is one of these is a group of people, not an organisation
GROUP_HEADS = {"журналист", "эксперт", "источник", "аналитик", "наблюдатель", "очевидец"}
NATASHA_MODES = ("ner", "ner+morph", "full")
SPEECHKIT_MODES = ("speakerbook", "themes", "analyze")
SPEAKER_KINDS = ("quote", "turn", "fragment")


# ---------------------------------------------------------------- reading the dev set
def load_dev(dev: Path) -> list[tuple[str, str, dict]]:
    out = []
    for txt in sorted((dev / "texts").glob("*.txt")):
        gold = json.loads((dev / "gold" / f"{txt.stem}.json").read_text("utf-8"))
        out.append((txt.stem, txt.read_text("utf-8"), gold))
    return out


def body(text: str) -> str:
    """speechkit's normalised copy of the text, up to the page-tail boilerplate (as pipeline.analyze)."""
    from speechkit.boilerplate import find_boilerplate
    from speechkit.text import normalize

    t = normalize(text).text
    tail, _ = find_boilerplate(t)
    return t[:tail] if tail is not None else t


def gold_speakers(gold: dict) -> tuple[list[str], list[str], list[str]]:
    """(persons, organisations, groups) among the speakers of quotes, turns and fragments."""
    persons, orgs, groups = [], [], []
    for q in gold["quotes"]:
        name = q.get("speaker")
        if not name or q["kind"] not in SPEAKER_KINDS or name in persons + orgs + groups:
            continue
        if PERSON.match(name):
            persons.append(name)
        elif lemmas(name)[0] in GROUP_HEADS or lemmas(name)[-1] in GROUP_HEADS:
            groups.append(name)
        else:
            orgs.append(name)
    return persons, orgs, groups


# ---------------------------------------------------------------- matching
def fold(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


def lemmas(phrase: str) -> list[str]:
    from speechkit import morph
    from speechkit.text import norm_word

    return [norm_word(morph.lemma(w)) for w in re.findall(r"[\w'&-]+", phrase)] or [""]


def surname_of(name: str) -> str:
    """Case-free key of the last word: «Ваагном Хачатуряном» and «В.Путин» are found by their surnames."""
    from speechkit.speakers import surname_key

    words = re.findall(r"[\w-]+", name)
    return surname_key(words[-1]) if words else ""


def form_hint(name: str) -> str:
    """What is odd about a reported person's form, mechanically (the kind of error is judged by hand)."""
    words = name.split()
    if re.search(r"(?<!\w)[А-ЯЁA-Z]\.", name):
        return "initials"
    if re.search(r"[^\w\s-]", name) or re.search(r"[а-яё][А-ЯЁ]", name):
        return "glued or punctuation"
    if len(words) == 1:
        return "one word"
    if re.search(r"(вич|вн|ичн)(а|у|ем|ом|е|ой|ы)?$", words[-1]):
        return "name + patronymic"
    return ""


def abbreviations(name: str) -> set[str]:
    """«Корпус стражей исламской революции» → ксир; «Министерство финансов» → минфин; «Standard & Poor's» → sp."""
    words = [w for w in re.findall(r"[\w']+", name) if w.lower() not in {"при", "и", "по", "s"}]
    out = {"".join(w[0] for w in words).lower(), "".join(w[0] for w in words if w[0].isupper()).lower()}
    if len(words) >= 2:
        out.add((words[0][:3] + words[1][:3]).lower())
    return {a for a in out if len(a) >= 2}


def org_match(mention: str, gold: str) -> str | None:
    """'exact' when the mention's lemmas are the gold name's, 'head' when only the head or an abbreviation is."""
    m, g = lemmas(mention), lemmas(gold)
    if m == g:
        return "exact"
    squeezed = re.sub(r"[^\w]", "", mention).lower()
    if m[0] == g[0] or squeezed in abbreviations(gold) or re.sub(r"[^\w]", "", g[0]) in (squeezed, m[0]):
        return "head"
    return None


def person_scores(gold: list[str], found: list[str]) -> dict:
    """Recall of the gold persons; the persons found grouped by surname key (a full name and its surname are one)."""
    exact = {fold(f) for f in found}
    by_key: dict[str, list[str]] = {}
    for f in found:
        forms = by_key.setdefault(surname_of(f), [])
        if f not in forms:
            forms.append(f)
    gold_keys = {surname_of(g) for g in gold}
    return {
        "gold": len(gold),
        "exact": sum(fold(g) in exact for g in gold),
        "surname": sum(surname_of(g) in by_key for g in gold),
        "missed": [g for g in gold if surname_of(g) not in by_key],
        "found": len(by_key),
        "extra": [forms for key, forms in by_key.items() if key not in gold_keys],
    }


# ---------------------------------------------------------------- the systems
class Natasha:
    def __init__(self, mode: str = "full") -> None:
        from natasha import (MorphVocab, NamesExtractor, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                             NewsSyntaxParser, Segmenter)

        self.mode = mode
        self.segmenter = Segmenter()
        emb = NewsEmbedding()
        self.ner = NewsNERTagger(emb)
        if mode != "ner":
            self.morph_vocab = MorphVocab()
            self.morph = NewsMorphTagger(emb)
            self.names = NamesExtractor(self.morph_vocab)
        if mode == "full":
            self.syntax = NewsSyntaxParser(emb)

    def doc(self, text: str):
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        if self.mode != "ner":
            doc.tag_morph(self.morph)
        if self.mode == "full":
            doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        if self.mode != "ner":
            for span in doc.spans:
                span.normalize(self.morph_vocab)
                if span.type == "PER":
                    span.extract_fact(self.names)
        return doc

    def extract(self, text: str) -> tuple[list[str], list[tuple[str, str]]]:
        """(canonical persons, [(organisation mention, its normal form)])."""
        doc = self.doc(text)
        persons, orgs = [], []
        for span in doc.spans:
            normal = span.normal or span.text
            if span.type == "PER":
                fact = span.fact.as_dict if span.fact else {}
                if fact.get("first") and fact.get("last") and fact.get("middle"):
                    normal = f"{fact['first']} {fact['last']}"  # Лукашенко Александр Григорьевич
                persons.append(normal)
            elif span.type == "ORG":
                orgs.append((span.text, normal))
        return persons, orgs


def speechkit_extract(text: str) -> tuple[list[str], list[tuple[str, str]], str]:
    """(persons, [(organisation mention, canonical)], source of the figures)."""
    from speechkit import analyze
    from speechkit.speakers import SpeakerBook

    a = analyze(text)
    if a.speakers:
        persons = [s.name for s in a.speakers if s.kind == "person"]
        orgs = [(m, s.name) for s in a.speakers if s.kind == "organisation"
                for m in [x.text for x in s.mentions] or [s.name]]
        return persons, orgs, "analyze().speakers"
    t = body(text)
    people = SpeakerBook(t).people
    attributed = {s.speaker for s in a.segments if s.speaker and s.speaker not in people}
    return list(people), [(n, n) for n in sorted(attributed)], "SpeakerBook.people"


# ---------------------------------------------------------------- quality
def quality(dev: Path, show_extras: bool) -> None:
    nat = Natasha("full")
    rows, totals = [], Counter()
    org_rows, extras = [], {"speechkit": [], "natasha": []}
    source = ""
    for stem, text, gold in load_dev(dev):
        persons, orgs, groups = gold_speakers(gold)
        t = body(text)
        sk_persons, sk_orgs, source = speechkit_extract(text)
        nat_persons, nat_orgs = nat.extract(t)
        sk, na = person_scores(persons, sk_persons), person_scores(persons, nat_persons)
        rows.append((stem, sk, na))
        for sysname, s in (("sk", sk), ("nat", na)):
            for k in ("gold", "exact", "surname", "found"):
                totals[sysname, k] += s[k]
            totals[sysname, "extra"] += len(s["extra"])
        extras["speechkit"] += [(stem, e) for e in sk["extra"]]
        extras["natasha"] += [(stem, e) for e in na["extra"]]
        for org in orgs + groups:
            kind = "organisation" if org in orgs else "group"
            hits = {}
            for name, mentions in (("speechkit", sk_orgs), ("natasha", nat_orgs)):
                found = [(org_match(m, org) or org_match(n, org), m) for m, n in mentions]
                hits[name] = [(how, m) for how, m in found if how]
            org_rows.append((stem, kind, org, hits))

    print(f"## Persons among the gold speakers (speechkit: {source}; natasha: NER + normalize + names)\n")
    print("| text | gold | sk exact | sk surname | nat exact | nat surname | sk found / extra | nat found / extra |"
          " missed by sk | missed by natasha |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for stem, sk, na in rows:
        print(f"| {stem} | {sk['gold']} | {sk['exact']} | {sk['surname']} | {na['exact']} | {na['surname']} "
              f"| {sk['found']} / {len(sk['extra'])} | {na['found']} / {len(na['extra'])} "
              f"| {', '.join(sk['missed']) or '—'} | {', '.join(na['missed']) or '—'} |")
    g = totals["sk", "gold"]
    print(f"| **total** | {g} | {totals['sk', 'exact']} ({totals['sk', 'exact'] / g:.2f}) "
          f"| {totals['sk', 'surname']} ({totals['sk', 'surname'] / g:.2f}) "
          f"| {totals['nat', 'exact']} ({totals['nat', 'exact'] / g:.2f}) "
          f"| {totals['nat', 'surname']} ({totals['nat', 'surname'] / g:.2f}) "
          f"| {totals['sk', 'found']} / {totals['sk', 'extra']} | {totals['nat', 'found']} / {totals['nat', 'extra']}"
          " | | |\n")

    print("## Organisations and groups among the gold speakers: the mentions each system found\n")
    print("| text | kind | gold speaker | speechkit | natasha ORG spans |")
    print("|---|---|---|---|---|")
    found = Counter()
    for stem, kind, org, hits in org_rows:
        cells = []
        for name in ("speechkit", "natasha"):
            h = hits[name]
            found[name, kind] += bool(h)
            found[name, kind, "exact"] += any(how == "exact" for how, _ in h)
            shown = Counter(f"«{m}» ({how})" for how, m in h)
            cells.append("; ".join(f"{m} ×{c}" if c > 1 else m for m, c in shown.items()) or "—")
        print(f"| {stem} | {kind} | {org} | {cells[0]} | {cells[1]} |")
    for kind in ("organisation", "group"):
        n = sum(1 for r in org_rows if r[1] == kind)
        print(f"\n{kind}s: {n}; found by speechkit {found['speechkit', kind]} ({found['speechkit', kind, 'exact']} "
              f"exact), by natasha {found['natasha', kind]} ({found['natasha', kind, 'exact']} exact)")
    if show_extras:
        for name, items in extras.items():
            print(f"\n## Extra persons reported by {name} ({len(items)})\n")
            hints = Counter()
            for stem, forms in items:
                found = {form_hint(f) for f in forms}
                hint = "" if "" in found else ", ".join(sorted(found))  # «Сергей Лавров | Лавров» is well-formed
                hints[hint or "well-formed"] += 1
                print(f"- {stem[:2]}: {' | '.join(forms)}" + (f"  ({hint})" if hint else ""))
            print("\nforms: " + ", ".join(f"{k} {v}" for k, v in hints.most_common()))
    print()


# ---------------------------------------------------------------- cost (children)
def no_network() -> None:
    import socket

    def refuse(*args, **kwargs):
        raise RuntimeError("network use attempted")

    socket.socket.connect = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


def maxrss_mb() -> float:
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
        from speechkit.speakers import SpeakerBook  # noqa: F401
    out["import_cpu"], out["import_wall"] = time.process_time() - c0, time.perf_counter() - w0
    out["rss_import"] = maxrss_mb()
    c0, w0 = time.process_time(), time.perf_counter()
    if system == "natasha":
        nat = Natasha(mode)
        nat.doc("Президент Казахстана Касым-Жомарт Токаев заявил журналистам: «Мы готовы».")
        run = nat.doc
    else:
        from speechkit import analyze
        from speechkit.speakers import SpeakerBook

        analyze("Президент Казахстана Касым-Жомарт Токаев заявил журналистам: «Мы готовы».")
        from speechkit.pipeline import Options

        themes = Options(keywords=False, summary=False)  # what `speechkit themes` computes
        run = {"analyze": analyze, "themes": lambda t: analyze(t, themes),
               "speakerbook": lambda t: SpeakerBook(body(t)).people}[mode]
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


def cost(dev: Path, gsd: Path, gsd_tokens: int, runs: int, tmp: Path) -> None:
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--gsd", type=Path, default=ROOT.parent / "shared" / "data" / "ud-russian-gsd")
    ap.add_argument("--gsd-tokens", type=int, default=200_000, help="repeat GSD to this many tokens; 0 skips it")
    ap.add_argument("--runs", type=int, default=5, help="fresh processes per import/load figure")
    ap.add_argument("--extras", action="store_true", help="list every extra person of each system")
    ap.add_argument("--only", choices=("quality", "cost", "size"), help="one part of the report")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--docs", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    try:
        import natasha  # noqa: F401
    except ImportError:
        sys.exit("compare_ner: natasha is not installed in this environment: "
                 "python3 -m venv /work/venv-natasha-lib && pip install natasha && pip install -e .")
    if not (args.dev / "texts").is_dir():
        sys.exit(f"compare_ner: no dev set at {args.dev} (expected texts/*.txt and gold/*.json); pass --dev")
    if args.only in (None, "quality"):
        quality(args.dev, args.extras)
    if args.only in (None, "cost"):
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            cost(args.dev, args.gsd, args.gsd_tokens, args.runs, Path(tmp))
    if args.only in (None, "size"):
        sizes()


if __name__ == "__main__":
    main()
