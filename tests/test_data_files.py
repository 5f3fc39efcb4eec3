"""Every data file under speechkit/data: entries unique and normalised, lemmas really lemmas.

The files are read the way the package reads them (``importlib.resources``), so the test
also proves that they are where the code looks for them.
"""

import re
import tomllib
from importlib import resources

import pytest

from speechkit import morph

DATA = resources.files("speechkit").joinpath("data")

# word list → the sections it may have and what each holds:
#   "lemmas"   single words, each a pymorphy3 lemma
#   "phrases"  several words as written in text (matched on word forms)
#   "lemma sequences"  one or more words, each a pymorphy3 lemma
#   "synonyms" lemma sequences separated by " = ", two or more to a line
#   "aliases"  "alias = full name", both lemma sequences
WORD_LISTS = {
    "stopwords.txt": {"": "lemmas"},
    "common_names.txt": {"": "lemmas"},
    "womens_names.txt": {"": "words"},
    "mens_names.txt": {"": "words"},
    "places.txt": {"": "words"},
    "surname_endings.txt": {"": "words"},
    "demonym_endings.txt": {"": "words"},
    "surname_prefixes.txt": {"": "words", "lower case": "words", "titles inside": "words"},
    "honorifics.txt": {"": "words"},
    "family_names_first.txt": {"": "words"},
    "speech_verbs.txt": {"": "lemmas", "phrases": "phrases", "replies": "lemmas", "perceiving": "lemmas", "arriving": "lemmas", "asking": "lemmas", "telling": "lemmas",
                         "statement nouns": "lemmas", "conversing": "lemmas"},
    "roles.txt": {"": "lemmas", "head of state": "lemma sequences", "transcript labels": "words",
                  "journalist labels": "words", "unnamed labels": "words", "answer labels": "words",
                  "anaphoric nouns": "lemmas", "member nouns": "lemmas", "relational nouns": "lemmas",
                  "serving nouns": "lemmas", "peer nouns": "lemmas", "junior kin": "lemmas", "senior kin": "lemmas", "chambers": "lemmas", "unnamed nouns": "lemmas",
                  "occupations": "lemmas", "chair nouns": "lemmas", "sittings": "lemmas", "broadcasts": "lemmas", "defendant nouns": "words", "charging verbs": "lemmas", "appointment verbs": "lemmas", "one-name titles": "lemmas", "sound bite labels": "words", "male nouns": "lemmas",
                  "leading phrases": "phrases", "women's kin": "lemmas",
                  "role synonyms": "synonyms", "heads": "lemma sequences"},
    "organisations.txt": {"": "none", "heads": "lemma sequences", "generic": "lemmas", "aliases": "aliases",
                          "national": "lemmas", "regional": "lemmas", "anaphors": "lemmas", "documents": "lemmas",
                          "groups": "lemmas",
                          "anonymous": "lemmas", "name nouns": "lemmas", "term nouns": "lemmas", "proper names": "words",
                          "media": "lemmas", "stump prefixes": "words", "kinds": "synonyms", "missions": "lemmas",
                          "voices": "lemmas", "staff": "lemmas", "states": "lemmas", "articles": "lemmas",
                          "place nouns": "lemmas", "own names": "lemmas", "named heads": "lemmas",
                          "addressees": "lemmas"},
}
# sections whose order carries nothing: kept sorted (transcript labels keep their order)
SORTED = {("stopwords.txt", ""), ("common_names.txt", ""), ("womens_names.txt", ""), ("mens_names.txt", ""), ("places.txt", ""), ("surname_endings.txt", ""), ("demonym_endings.txt", ""), ("surname_prefixes.txt", ""), ("surname_prefixes.txt", "lower case"), ("surname_prefixes.txt", "titles inside"), ("honorifics.txt", ""), ("family_names_first.txt", ""), ("speech_verbs.txt", ""), ("speech_verbs.txt", "phrases"), ("speech_verbs.txt", "replies"), ("speech_verbs.txt", "asking"), ("roles.txt", "defendant nouns"), ("roles.txt", "charging verbs"), ("speech_verbs.txt", "telling"), ("speech_verbs.txt", "perceiving"), ("speech_verbs.txt", "arriving"), ("speech_verbs.txt", "statement nouns"), ("speech_verbs.txt", "conversing"), ("roles.txt", ""),
          ("roles.txt", "head of state"), ("roles.txt", "journalist labels"), ("roles.txt", "unnamed labels"),
          ("roles.txt", "answer labels"), ("roles.txt", "one-name titles"), ("roles.txt", "sound bite labels"), ("roles.txt", "anaphoric nouns"), ("roles.txt", "member nouns"),
          ("roles.txt", "relational nouns"), ("roles.txt", "serving nouns"), ("roles.txt", "peer nouns"), ("roles.txt", "junior kin"), ("roles.txt", "senior kin"), ("roles.txt", "chambers"), ("roles.txt", "unnamed nouns"),
          ("roles.txt", "occupations"), ("roles.txt", "chair nouns"), ("roles.txt", "appointment verbs"), ("roles.txt", "broadcasts"), ("roles.txt", "sittings"), ("roles.txt", "leading phrases"), ("roles.txt", "women's kin"),
          ("roles.txt", "role synonyms"),
          ("roles.txt", "heads"), *(("organisations.txt", s) for s in WORD_LISTS["organisations.txt"])}
# the lemmas of these files are matched against speechkit's own lemmas of the text's words, so
# speechkit must read each of their words as itself (a participle such as «управляющий» is read as
# "управлять" and could never match)
READ_AS_ITSELF = {"speech_verbs.txt", "roles.txt", "organisations.txt"}
# tab-separated tables: file → header
TABLES = {"countries.tsv": ["name", "genitive", "adjectives", "abbreviations"],
          "people.tsv": ["name", "gender", "roles"], "name_particles.tsv": ["particle", "sex"]}
THEME_IDS = {"transport", "finance", "ai", "climate", "caspian_aral", "security", "cooperation"}
# data files with their own format, checked by the tests of the module that reads them
OTHER_FILES = {"README.md", "REFERENCE.md", "boilerplate.txt", "frequent_forms.txt", "lemma_overrides.tsv", "numbers.toml",
               "reference_freq.tsv",
               *TABLES}
# abbreviations and Latin words pymorphy3 does not know: it has no reading to check them against
NOT_IN_DICTIONARY = {
    "cop", "it", "qr", "wi-fi",  # COP29, IT-компания, QR-код, Wi-Fi
    "виэ", "впк", "жд", "ктж", "отг", "цод", "чс", "шос",  # ВИЭ, ВПК, ЖД, КТЖ, ОТГ, ЦОД, ЧС, ШОС
    "дп", "дчс", "кнб", "пао", "сбу", "сгб", "снб",  # ДП, ДЧС, КНБ, ПАО, СБУ, СГБ, СНБ
    "высший",  # pymorphy3 reads «высшего» as a form of "высокий"; speechkit.morph keeps "высший"
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


def reads_as_itself(word: str) -> bool:
    """speechkit lemmatises the lemma to itself, so the text's forms of it can meet the entry."""
    return morph.lemma(word).replace("ё", "е") == word


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


def rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated table after its header line; ``#`` lines are comments."""
    lines = [line for line in read(name).splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0].split("\t") == TABLES[name], f"{name}: header {lines[0]!r}"
    out = [line.split("\t") for line in lines[1:]]
    for row in out:
        assert len(row) == len(TABLES[name]), f"{name}: {row!r} has {len(row)} columns"
        assert all(cell == cell.strip() and "  " not in cell for cell in row), f"{name}: stray spaces in {row!r}"
    return out


def table(name: str) -> list[dict[str, str]]:
    return [dict(zip(TABLES[name], row)) for row in rows(name)]


def check_entry(entry: str) -> None:
    assert entry == entry.strip() and "  " not in entry, f"{entry!r}: stray spaces"
    assert entry == entry.lower(), f"{entry!r}: not lower case"
    assert "ё" not in entry, f"{entry!r}: write ё as е"
    assert "\t" not in entry, f"{entry!r}: tab"


def test_every_data_file_is_checked():
    names = {p.name for p in DATA.iterdir() if p.is_file()}
    unknown = names - set(WORD_LISTS) - set(TABLES) - {"themes.toml"} - OTHER_FILES
    assert not unknown, f"add {sorted(unknown)} to the checks in this file"
    assert set(WORD_LISTS) | set(TABLES) | {"themes.toml"} <= names


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


@pytest.mark.parametrize("name", sorted(WORD_LISTS) + sorted(TABLES))
def test_file_opens_with_its_description(name):
    head = []
    for line in read(name).splitlines():
        if not line.startswith("#"):
            break
        head.append(line)
    assert len(head) >= 3, f"{name}: start with a comment block saying what the file is and its format"
    # its licence: our own, or that of the data it is derived from (common_names.txt: wordfreq's)
    assert "Written for speechkit, MIT licence." in "\n".join(head) or "CC BY-SA 4.0" in "\n".join(head), name


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
            if kind in ("synonyms", "aliases"):
                parts = entry.split(" = ")
                assert all(parts) and "=" not in " ".join(parts), f"{name}: {entry!r}: separate with ' = '"
                assert len(parts) == len(set(parts)) >= 2, f"{name}: {entry!r} needs two different names"
                if kind == "aliases":
                    assert len(parts) == 2, f"{name}: {entry!r}: one alias, one full name"
                words = [w for w in words if w != "="]
            if kind in ("lemmas", "lemma sequences", "synonyms", "aliases"):
                bad = [w for w in words if not is_lemma(w)]
                assert not bad, f"{name}: {bad} in {entry!r} are not pymorphy3 lemmas"
                if name in READ_AS_ITSELF:
                    bad = [w for w in words if not reads_as_itself(w)]
                    assert not bad, f"{name}: speechkit reads {bad} in {entry!r} as another lemma"
        if (name, section) in SORTED:
            assert lines == sorted(lines), f"{name}: keep section {section!r} sorted"


@pytest.mark.parametrize("name, section", [("roles.txt", "role synonyms"), ("organisations.txt", "aliases")])
def test_a_name_belongs_to_one_class(name, section):
    # «глава ведомство» in two classes would make the minister and the agency head one post
    where: dict[str, str] = {}
    for entry in entries(name)[section]:
        members = entry.split(" = ") if section == "role synonyms" else entry.split(" = ")[:1]
        for member in members:
            assert member not in where, f"{name}: {member!r} in {where[member]!r} and {entry!r}"
            where[member] = entry


# the roles, groups and documents the speaker model must know, named in its brief
REQUIRED = {
    ("roles.txt", ""): {"протоиерей", "митрополит", "имам", "аким", "депутат", "постпред", "атташе", "спикер",
                        "пресс-секретарь", "омбудсмен", "генпрокурор", "вице-министр", "министр", "президент"},
    ("roles.txt", "heads"): {"глава", "руководитель", "председатель", "начальник", "директор", "заместитель",
                             "замглавы", "первый заместитель"},
    ("speech_verbs.txt", ""): {"назвать", "охарактеризовать", "проинформировать", "заключить", "подытожить",
                               "резюмировать", "продолжить", "разъяснить", "считать", "полагать", "убежденный",
                               "приводить", "утверждать", "обратиться", "говориться", "отмечаться",
                               "указываться", "подчеркиваться", "сообщаться", "сказать", "заявить"},
    ("speech_verbs.txt", "phrases"): {"по словам", "по мнению", "по данным", "со ссылкой на", "как сообщает",
                                      "говорится в", "отмечается в", "как цитирует"},
    ("organisations.txt", "heads"): {"министерство", "мид", "ведомство", "пресс-служба", "департамент",
                                     "управление", "агентство", "служба", "комитет", "акимат", "правительство",
                                     "администрация", "посольство", "постпредство", "представительство",
                                     "корпус", "кабинет министр", "парламент", "сенат", "мажилис", "госдума",
                                     "дума", "верховный совет", "суд", "прокуратура", "генпрокуратура",
                                     "полиция", "милиция", "мчс", "дчс", "штаб", "минфин", "минэнерго",
                                     "минобороны", "минюст", "компания", "банк", "корпорация", "холдинг", "фонд",
                                     "концерн", "группа"},
    ("organisations.txt", "generic"): {"ведомство", "министерство", "департамент", "агентство", "компания", "банк",
                                       "организация", "структура", "служба", "учреждение", "корпорация",
                                       "холдинг"},
    ("organisations.txt", "documents"): {"заявление", "сообщение", "доклад", "отчет", "комментарий", "поручение",
                                         "документ", "письмо", "обращение", "пресс-релиз", "релиз", "указ",
                                         "постановление", "телеграмма", "пост", "публикация", "материал", "обзор",
                                         "прогноз", "резолюция", "коммюнике"},
    ("organisations.txt", "groups"): {"журналист", "дипломат", "эксперт", "аналитик", "источник", "диписточник",
                                      "представитель", "депутат", "участник", "житель", "активист"},
    ("organisations.txt", "anonymous"): {"источник", "собеседник", "инсайдер"},
}


@pytest.mark.parametrize("name, section", sorted(REQUIRED))
def test_required_entries(name, section):
    missing = REQUIRED[name, section] - set(entries(name)[section])
    assert not missing, f"{name}, section {section!r}: missing {sorted(missing)}"


@pytest.mark.parametrize("line", [
    "спикер = пресс-секретарь = официальный представитель",
    "министр = глава министерство = руководитель министерство = глава ведомство = руководитель ведомство",
    "министр иностранный дело = глава мид = руководитель мид = глава внешнеполитический ведомство",
    "генеральный директор = гендиректор = глава компания = руководитель компания",
    "председатель национальный банк = глава нацбанк = председатель нацбанк",
    "премьер-министр = премьер = глава правительство",
    "президент = глава государство",
    "протоиерей = протоирей",
    "аким = губернатор = глава регион = глава область = хоким",
    "верховный представитель ес = глава европейский дипломатия",
])
def test_role_synonyms_join_the_posts_news_uses_interchangeably(line):
    first, *others = line.split(" = ")
    classes = [entry.split(" = ") for entry in entries("roles.txt")["role synonyms"]]
    home = [c for c in classes if first in c]
    assert home and set(others) <= set(home[0]), f"{line!r}: {home}"


@pytest.mark.parametrize("alias, full", [
    ("минфин", "министерство финансы"), ("мид", "министерство иностранный дело"),
    ("минобороны", "министерство оборона"), ("нацбанк", "национальный банк"), ("цб", "центральный банк"),
    ("мчс", "министерство по чрезвычайный ситуация"),
])
def test_aliases(alias, full):
    assert f"{alias} = {full}" in entries("organisations.txt")["aliases"]


# ------------------------------------------------------------------ countries.tsv
POST_SOVIET = {"Россия", "Казахстан", "Узбекистан", "Кыргызстан", "Таджикистан", "Туркменистан", "Азербайджан",
               "Армения", "Грузия", "Беларусь", "Украина", "Молдова", "Латвия", "Литва", "Эстония"}
# capitals and regions are not countries
NOT_COUNTRIES = {"Москва", "Астана", "Ташкент", "Бишкек", "Душанбе", "Европа", "Азия", "Крым", "Татарстан"}


def readings(word: str) -> set[str]:
    return {p.normal_form.replace("ё", "е") for p in morph.parses(word.lower())}


def test_countries_table():
    countries = table("countries.tsv")
    names = [c["name"] for c in countries]
    assert len(names) == len(set(names)), "a country twice"
    assert POST_SOVIET | {"США", "Китай", "Турция", "Германия", "Франция", "Великобритания", "Иран", "Индия",
                          "Япония", "Израиль", "Евросоюз", "ООН", "НАТО"} <= set(names)
    assert not NOT_COUNTRIES & set(names)
    assert {"РФ", "США", "КНР", "ЕС", "ООН", "НАТО"} <= {a for c in countries for a in c["abbreviations"].split(";")}
    for column in ("genitive", "adjectives", "abbreviations"):
        values = [v for c in countries for v in c[column].split(";") if v]
        assert len(values) == len(set(values)), f"countries.tsv: two countries share a value of {column}"
    for c in countries:
        assert c["name"][:1].isupper() and c["genitive"][:1].isupper(), c
        # the genitive is a form of the name: «Северной Македонии» ~ «Северная Македония»
        words, genitive = c["name"].split(), c["genitive"].split()
        assert len(words) == len(genitive), c
        for w, g in zip(words, genitive):
            assert w == g or readings(w) & readings(g), f"{c['genitive']!r} is not a form of {c['name']!r}"
            assert w == g or any("gent" in p.tag for p in morph.parses(g.lower())), f"{g!r} is not a genitive"
        for adjective in filter(None, c["adjectives"].split(";")):
            check_entry(adjective)
            assert is_lemma(adjective) and reads_as_itself(adjective), f"{adjective!r} is not a lemma"
            assert any(r.tag.POS == "ADJF" and r.normal_form == adjective for r in morph.parses(adjective)), \
                f"{adjective!r} is not an adjective"
        for abbreviation in filter(None, c["abbreviations"].split(";")):
            # РФ, США, РУз: letters only, a capital first and at least two in all
            assert re.fullmatch(r"[А-ЯЁ][А-ЯЁа-яё]+", abbreviation), f"{abbreviation!r} is not an abbreviation"
            assert sum(ch.isupper() for ch in abbreviation) >= 2, f"{abbreviation!r} is not an abbreviation"


# ------------------------------------------------------------------ people.tsv
# pymorphy3's dictionary gives these foreign first names the other gender (Мане is a woman's name in
# Armenian, Бидзина a man's in Georgian …): the table is right, the check skips them
OTHER_GENDER_IN_DICTIONARY = {"Мане", "Бидзина", "Никола", "Мариан", "Лоран", "Нарендра", "Кароль"}
# lower-case particles inside a name
PARTICLES = {"фон", "дер"}


def surname_key(name: str) -> str:
    """The last word, masculine: «Алиева» and «Алиев» are one family."""
    word = name.split()[-1].lower().replace("ё", "е")
    return re.sub(r"(?<=[ое]в|ин)а$|ая$", lambda m: "" if m.group(0) == "а" else "ий", word)


def test_people_table():
    people = table("people.tsv")
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)), "a person twice"
    assert {"Владимир Путин", "Касым-Жомарт Токаев", "Александр Лукашенко", "Шавкат Мирзиёев", "Ильхам Алиев",
            "Никол Пашинян", "Владимир Зеленский", "Реджеп Тайип Эрдоган", "Сергей Лавров", "Дмитрий Песков",
            "Мария Захарова", "Михаил Мишустин", "Дмитрий Медведев", "Си Цзиньпин", "Антониу Гутерриш"} <= set(names)
    keys: dict[str, str] = {}
    roles = set(entries("roles.txt")[""]) | set(entries("roles.txt")["heads"])
    for p in people:
        words = p["name"].split()
        assert len(words) >= 2, f"{p['name']!r}: first name and surname"
        assert all(w[:1].isupper() or w in PARTICLES for w in words), p["name"]
        assert p["gender"] in ("masc", "femn"), p
        first = words[0].lower()
        genders = {r.tag.gender for r in morph.parses(first)
                   if "Name" in r.tag and "nomn" in r.tag and "sing" in r.tag and r.normal_form == first} - {None}
        if genders and words[0] not in OTHER_GENDER_IN_DICTIONARY:
            assert p["gender"] in genders, f"{p['name']!r}: {p['gender']}, but the first name is {genders}"
        key = surname_key(p["name"])
        assert key not in keys, f"{p['name']!r} and {keys[key]!r} share a surname: keep one or neither"
        keys[key] = p["name"]
        posts = p["roles"].split(";")
        assert all(posts) and len(posts) == len(set(posts)), f"{p['name']!r}: roles {posts}"
        for post in posts:  # «экс-президент Украины»: a post held before names the post too
            lemmas = {morph.lemma(w).replace("ё", "е").removeprefix("экс-") for w in post.split()}
            assert lemmas & roles, f"{p['name']!r}: {post!r} names no role of roles.txt"
        assert "глава государства" not in posts or any(post.startswith(("президент", "федеральный президент",
                                                                        "председатель КНР")) for post in posts), \
            f"{p['name']!r}: «глава государства» is for a head of state in office"


def test_a_former_post_never_reads_as_the_post():
    # «президент» in a text must not point at Порошенко or Медведев: their former posts carry «экс-»
    roles = {p["name"]: p["roles"].split(";") for p in table("people.tsv")}
    assert roles["Петр Порошенко"] == ["экс-президент Украины"]
    assert "президент России" in roles["Владимир Путин"] and "экс-президент России" in roles["Дмитрий Медведев"]
    assert not [post for posts in roles.values() for post in posts if post.startswith("бывший")]


def test_people_genders_follow_the_names():
    gender = {p["name"]: p["gender"] for p in table("people.tsv")}
    assert gender["Мария Захарова"] == gender["Майя Санду"] == gender["Урсула фон дер Ляйен"] == "femn"
    assert gender["Ильхам Алиев"] == gender["Садыр Жапаров"] == "masc"


def test_surname_key():
    assert surname_key("Мехрибан Алиева") == surname_key("Ильхам Алиев") == "алиев"
    assert surname_key("Мария Захарова") == "захаров" and surname_key("Ингрида Шимоните") == "шимоните"


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
