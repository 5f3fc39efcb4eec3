"""Every data file under speechkit/data: entries unique and normalised, lemmas really lemmas.

The files are read the way the package reads them (``importlib.resources``), so the test
also proves that they are where the code looks for them.
"""

import tomllib
from importlib import resources

import pytest

from speechkit import morph

DATA = resources.files("speechkit").joinpath("data")

# word list → the sections it may have and what each holds:
#   "lemmas"   single words, each a pymorphy3 lemma
#   "phrases"  several words as written in text (matched on word forms)
#   "lemma sequences"  one or more words, each a pymorphy3 lemma
WORD_LISTS = {
    "stopwords.txt": {"": "lemmas"},
    "speech_verbs.txt": {"": "lemmas", "phrases": "phrases"},
    "roles.txt": {"": "lemmas", "head of state": "lemma sequences", "transcript labels": "words",
                  "journalist labels": "words", "role synonyms": "synonyms", "heads": "lemmas"},
    "organisations.txt": {"": "none", "heads": "lemmas", "generic": "lemmas", "aliases": "aliases",
                          "national": "lemmas", "regional": "lemmas", "documents": "lemmas", "groups": "lemmas",
                          "anonymous": "lemmas", "name nouns": "lemmas"},
}
TABLES = {"countries.tsv": ["name", "genitive", "adjectives", "abbreviations"], "people.tsv": ["name", "gender", "roles"]}
SORTED = {"stopwords.txt"}
THEME_IDS = {"transport", "finance", "ai", "climate", "caspian_aral", "security", "cooperation"}
# data files with their own format, checked by the tests of the module that reads them
OTHER_FILES = {"README.md", "REFERENCE.md", "boilerplate.txt", "lemma_overrides.tsv", "numbers.toml", "reference_freq.tsv",
               *TABLES}
# abbreviations and Latin words pymorphy3 does not know: it has no reading to check them against
NOT_IN_DICTIONARY = {
    "cop", "it", "qr", "wi-fi",  # COP29, IT-компания, QR-код, Wi-Fi
    "виэ", "впк", "жд", "ктж", "отг", "цод", "чс", "шос",  # ВИЭ, ВПК, ЖД, КТЖ, ОТГ, ЦОД, ЧС, ШОС
}
# lemmas speechkit.morph gives by data/lemma_overrides.tsv (хаб, тенге, должен): lemmas of its own
OVERRIDDEN = {lemma for lemma, _ in morph.overrides().values()}


def read(name: str) -> str:
    return DATA.joinpath(name).read_text("utf-8")


def is_lemma(word: str) -> bool:
    """Some dictionary reading of ``word`` has ``word`` as its lemma (ё read as е)."""
    if word in NOT_IN_DICTIONARY or word in OVERRIDDEN:
        return True
    return any(p.tag.POS is not None and p.normal_form.replace("ё", "е") == word for p in morph.parses(word))


def entries(name: str) -> dict[str, list[str]]:
    """Raw entries of a word list by section; a comment line naming a section starts it."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in read(name).splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            if title in WORD_LISTS[name]:
                current = title
                sections[current] = []
            continue
        if line.strip():
            sections[current].append(line)
    return sections


def check_entry(entry: str) -> None:
    assert entry == entry.strip() and "  " not in entry, f"{entry!r}: stray spaces"
    assert entry == entry.lower(), f"{entry!r}: not lower case"
    assert "ё" not in entry, f"{entry!r}: write ё as е"
    assert "\t" not in entry, f"{entry!r}: tab"


def test_every_data_file_is_checked():
    names = {p.name for p in DATA.iterdir() if p.is_file()}
    unknown = names - set(WORD_LISTS) - {"themes.toml"} - OTHER_FILES
    assert not unknown, f"add {sorted(unknown)} to the checks in this file"
    assert set(WORD_LISTS) | {"themes.toml"} <= names


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_word_list(name):
    sections = entries(name)
    assert set(sections) == set(WORD_LISTS[name]), f"{name}: sections {sorted(sections)}"
    for section, lines in sections.items():
        kind = WORD_LISTS[name][section]
        if kind == "none":  # a file of sections only: nothing before the first one
            assert not lines, f"{name}: {lines[:3]} stand before the first section"
            continue
        assert lines, f"{name}: section {section!r} is empty"
        seen: set[str] = set()  # per section: bare "президент" is a role and a head of state
        for entry in lines:
            check_entry(entry)
            assert entry not in seen, f"{name}: {entry!r} twice in section {section!r}"
            seen.add(entry)
            words = entry.split()
            if kind == "lemmas":
                assert len(words) == 1, f"{name}: {entry!r} is not one word"
            if kind == "phrases":
                assert len(words) > 1, f"{name}: phrase {entry!r} has one word; list it as a lemma"
            if kind in ("lemmas", "lemma sequences"):
                bad = [w for w in words if not is_lemma(w)]
                assert not bad, f"{name}: {bad} in {entry!r} are not pymorphy3 lemmas"
            if kind in ("synonyms", "aliases"):  # «a = b = c»: phrases of lemmas
                phrases = [p.strip() for p in entry.split("=")]
                assert len(phrases) >= 2 and all(phrases), f"{name}: {entry!r} is not «a = b»"
                if kind == "aliases":
                    assert len(phrases) == 2, f"{name}: an alias line is «short = full»: {entry!r}"
        if name in SORTED:
            assert lines == sorted(lines), f"{name}: keep section {section!r} sorted"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table(name):
    lines = [line for line in read(name).splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0].split("\t") == TABLES[name], f"{name}: header {lines[0]!r}"
    keys = set()
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(TABLES[name]), f"{name}: {line!r} has {len(cells)} columns"
        assert cells[0].strip() and cells[0] == cells[0].strip(), f"{name}: {line!r}"
        assert cells[0] not in keys, f"{name}: {cells[0]!r} twice"
        keys.add(cells[0])
        if name == "people.tsv":
            assert cells[1] in ("masc", "femn"), f"{name}: gender of {cells[0]!r}"
            assert len(cells[0].split()) >= 2, f"{name}: {cells[0]!r} is not a first name and a surname"


def test_themes_toml():
    themes = tomllib.loads(read("themes.toml"))["themes"]
    assert set(themes) == THEME_IDS
    for tid, body in themes.items():
        assert set(body) == {"label", "short", "lemmas", "phrases"}, tid
        assert isinstance(body["label"], str) and body["label"].strip(), tid
        # the label a table shows: one or two words, never wider than the longest of the seven
        assert isinstance(body["short"], str) and 0 < len(body["short"]) <= 14, tid
        assert body["lemmas"] and body["phrases"], tid
        assert not set(body["lemmas"]) & set(body["phrases"]), tid
        for key, weight in (*body["lemmas"].items(), *body["phrases"].items()):
            check_entry(key)
            assert not isinstance(weight, bool) and isinstance(weight, (int, float)), (tid, key)
            assert 0 < weight <= 5, f"[themes.{tid}] {key!r}: weight {weight} outside (0, 5]"
        for lemma in body["lemmas"]:
            assert " " not in lemma, f"[themes.{tid}.lemmas] {lemma!r}: several words belong in phrases"
            assert is_lemma(lemma), f"[themes.{tid}.lemmas] {lemma!r} is not a pymorphy3 lemma"
        for phrase in body["phrases"]:
            words = phrase.split()
            assert len(words) > 1, f"[themes.{tid}.phrases] {phrase!r}: one word belongs in lemmas"
            bad = [w for w in words if not is_lemma(w)]
            assert not bad, f"[themes.{tid}.phrases] {phrase!r}: {bad} are not pymorphy3 lemmas"


def test_a_lemma_is_shared_by_few_themes_and_lightly():
    # «экологический» fits climate and the seas; anything shared carries a low weight in each
    themes = tomllib.loads(read("themes.toml"))["themes"]
    where: dict[str, list[float]] = {}
    for body in themes.values():
        for lemma, weight in body["lemmas"].items():
            where.setdefault(lemma, []).append(weight)
    shared = {lemma: ws for lemma, ws in where.items() if len(ws) > 1}
    assert all(len(ws) == 2 and max(ws) <= 1.5 for ws in shared.values()), shared
