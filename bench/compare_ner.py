"""natasha's NER and names extractor against speechkit's own speaker rules, with figures.

    python3 -m venv /work/venv-natasha-lib && . /work/venv-natasha-lib/bin/activate
    pip install natasha && pip install -e .          # natasha is never a dependency of speechkit
    python bench/compare_ner.py --dev ../shared/dev [--gsd ../shared/data/ud-russian-gsd] [--extras]
        [--factrueval DIR]     # a checkout of dialogue-evaluation/factRuEval-2016: persons out of the dev set

Quality, per text of the development set and in total:
- persons: the gold speakers of quotes, turns and fragments that are persons (two or three capitalised
  Cyrillic words: «Касым-Жомарт Токаев»). Recall of each among the persons a system extracts: *exact*
  (canonical: nominative, first name + surname, ё = е) and *surname* (the same surname key,
  whatever the case or the first name); *extra* = distinct persons reported that are no gold speaker
  (real people who do not speak as well as non-persons: `--extras` lists them to classify by hand);
- organisations: for each gold speaker that is an organisation, the mentions of it a system found
  (same head lemma, or an abbreviation of the name: «КСИР», «Минфин», «S&P»).

Both systems read the same text: speechkit's normalised copy up to its page-tail boilerplate.
speechkit's persons are ``analyze(text).speakers`` of kind "person" and its organisations and groups
the other kinds, with their mentions. Before the speaker model (an older speechkit, empty
``speakers``) they are ``SpeakerBook(text).people`` and the non-person names segments are
attributed to. The cost row "speakers" is the speaker model alone: ``Cast`` and its organisations.
natasha: Segmenter, NewsEmbedding, NewsNERTagger; span.normalize(MorphVocab) needs the morphology
tags (NewsMorphTagger) and, for ORG spans, the syntax tree (NewsSyntaxParser); PER spans get
span.extract_fact(NamesExtractor). Canonical person = the normal form, patronymic dropped.

Cost (bench/compare_ner_cost.py), each figure from a fresh process: import, model load, CPU seconds per 1,000 razdel
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
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PERSON = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: [А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2}$")
# a gold non-person whose head is one of these is a group of people, not an organisation
GROUP_HEADS = {"журналист", "эксперт", "источник", "аналитик", "наблюдатель", "очевидец"}
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


# ---------------------------------------------------------------- speechkit, old and new
def surname_key(word: str) -> str:
    try:
        from speechkit.names import surname_key as key
    except ImportError:  # before the speaker model: speechkit.speakers had it
        from speechkit.speakers import surname_key as key
    return key(word)


def people_of(t: str) -> tuple[list[str], list[str]]:
    """(persons, other participants) of speechkit's rules without its quotes: the speaker model alone."""
    try:
        from speechkit.attribution import learn_organisations
        from speechkit.speakers import Cast
    except ImportError:  # before the speaker model: SpeakerBook knew persons only
        from speechkit.speakers import SpeakerBook

        return list(SpeakerBook(t).people), []
    cast = Cast(t)
    learn_organisations(cast, t, len(t))
    return [p.name for p in cast.people()], [p.name for p in cast.participants if p.kind != "person"]


# ---------------------------------------------------------------- matching
def fold(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


def lemmas(phrase: str) -> list[str]:
    from speechkit import morph
    from speechkit.text import norm_word

    return [norm_word(morph.lemma(w)) for w in re.findall(r"[\w'&-]+", phrase)] or [""]


def surname_of(name: str) -> str:
    """Case-free key of the last word: «Ваагном Хачатуряном» and «В.Путин» are found by their surnames."""
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
    """(persons, [(mention of an organisation or group, its canonical name)], where they came from)."""
    from speechkit import analyze

    a = analyze(text)
    if a.speakers:
        persons = [s.name for s in a.speakers if s.kind == "person"]
        others = [(m, s.name) for s in a.speakers if s.kind != "person"
                  for m in [x.text for x in s.mentions] or [s.name]]
        return persons, others, "analyze().speakers"
    persons, _ = people_of(body(text))
    attributed = {s.speaker for s in a.segments if s.speaker and s.speaker not in persons}
    return persons, [(n, n) for n in sorted(attributed)], "SpeakerBook.people (before the speaker model)"


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


# ---------------------------------------------------------------- persons out of the dev set
# factRuEval-2016 texts that are in the dev set (its rules were written on them) or held out
NOT_ELSEWHERE = {"book_3980", "book_3702", "book_3910", "book_3762", "book_3667", "book_3983"}


def coref_persons(path: Path) -> list[tuple[list[str], list[str]]]:
    """(first names, surnames) of every person entity of a factRuEval .coref file (variants kept)."""
    out = []
    for block in path.read_text("utf-8").split("\n\n"):
        pairs = [(k, " ".join(v.split())) for k, v in (line.split(" ", 1) for line in block.splitlines()[1:] if " " in line)]
        firsts = [v for k, v in pairs if k.startswith("firstname")]
        lasts = [v for k, v in pairs if k.startswith("lastname")]
        if firsts or lasts:
            out.append((firsts, lasts))
    return out


def word_keys(name: str) -> set[str]:
    """Surname keys of every word: «Си Цзиньпин», «Пак Кын Хе» put the surname first."""
    return {surname_key(w) for w in re.findall(r"[\w-]+", name)}


def elsewhere(fre: Path, show_extras: bool) -> None:
    """Named persons (not only speakers) of factRuEval-2016's test set: texts nobody tuned a rule on.

    speechkit's persons known only by a role («генпрокурор», «глава холдинга») are counted apart.
    """
    nat = Natasha("full")
    texts = [p for p in sorted((fre / "testset").glob("book_*.txt")) if p.stem not in NOT_ELSEWHERE]
    n_named = n_all = 0
    tally = {name: Counter() for name in ("speechkit", "natasha")}
    extras: dict[str, list[str]] = {name: [] for name in tally}
    missed: dict[str, list[str]] = {name: [] for name in tally}
    for path in texts:
        text = path.read_text("utf-8-sig")
        gold = coref_persons(path.with_suffix(".coref"))
        sk = speechkit_extract(text)[0]
        found = {"speechkit": [p for p in sk if p[:1].isupper()], "natasha": nat.extract(body(text))[0]}
        tally["speechkit"]["by role"] += sum(1 for p in set(sk) if not p[:1].isupper())
        n_all += len(gold)
        n_named += sum(1 for f, l in gold if f and l)
        for name, persons in found.items():
            have = {fold(p) for p in persons}
            keys = {p: word_keys(p) for p in persons}
            for firsts, lasts in gold:
                own = {surname_key(w) for w in lasts or firsts}
                if any(keys[p] & own for p in persons):
                    tally[name]["surname"] += 1
                elif lasts and firsts:
                    missed[name].append(f"{path.stem[5:]} {firsts[0]} {lasts[0]}")
                if any(fold(f"{a} {b}") in have for f in firsts for l in lasts for a, b in ((f, l), (l, f))):
                    tally[name]["exact"] += 1
            gold_keys = {surname_key(w) for firsts, lasts in gold for w in lasts or firsts}
            groups = {frozenset(k) for k in keys.values()}  # one per person, as on the dev set
            tally[name]["found"] += len(groups)
            wrong = sorted({p for p in persons if not keys[p] & gold_keys})
            tally[name]["extra"] += len({frozenset(keys[p]) for p in wrong})
            extras[name] += [f"{path.stem[5:]} {p}" for p in wrong]
    print(f"## Named persons of factRuEval-2016's test set ({len(texts)} texts; the dev set's and the held-out"
          " ones left out)\n")
    print(f"gold: {n_all} person entities, {n_named} of them named with first name and surname\n")
    print("| system | exact (first name + surname) | by surname (any gold person) | persons reported | "
          "no gold person | persons by role only |")
    print("|---|---|---|---|---|---|")
    for name, t in tally.items():
        print(f"| {name} | {t['exact']} ({t['exact'] / n_named:.2f}) | {t['surname']} ({t['surname'] / n_all:.2f})"
              f" | {t['found']} | {t['extra']} ({t['extra'] / max(1, t['found']):.2f}) "
              f"| {t['by role'] if name == 'speechkit' else '—'} |")
    if show_extras:
        for name in tally:
            print(f"\n{name}, reported persons that are no gold person: " + "; ".join(extras[name]))
            print(f"\n{name}, gold persons with first name and surname it did not find at all: "
                  + "; ".join(missed[name]))
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--gsd", type=Path, default=ROOT.parent / "shared" / "data" / "ud-russian-gsd")
    ap.add_argument("--gsd-tokens", type=int, default=200_000, help="repeat GSD to this many tokens; 0 skips it")
    ap.add_argument("--runs", type=int, default=5, help="fresh processes per import/load figure")
    ap.add_argument("--factrueval", type=Path, help="a checkout of dialogue-evaluation/factRuEval-2016: "
                    "persons of its test set, out of the dev set")
    ap.add_argument("--extras", action="store_true", help="list every extra person of each system")
    ap.add_argument("--only", choices=("quality", "factrueval", "cost", "size"), help="one part of the report")
    args = ap.parse_args()
    try:
        import natasha  # noqa: F401
    except ImportError:
        sys.exit("compare_ner: natasha is not installed in this environment: "
                 "python3 -m venv /work/venv-natasha-lib && pip install natasha && pip install -e .")
    if not (args.dev / "texts").is_dir():
        sys.exit(f"compare_ner: no dev set at {args.dev} (expected texts/*.txt and gold/*.json); pass --dev")
    if args.only in (None, "quality"):
        quality(args.dev, args.extras)
    if args.factrueval and args.only in (None, "factrueval"):
        elsewhere(args.factrueval, args.extras)
    if args.only in (None, "cost", "size"):
        import compare_ner_cost  # noqa: I001  (bench/ is on sys.path: this script's folder)

        if args.only in (None, "cost"):
            compare_ner_cost.cost(args.dev, args.gsd, args.gsd_tokens, args.runs)
        if args.only in (None, "size"):
            compare_ner_cost.sizes()


if __name__ == "__main__":
    main()
