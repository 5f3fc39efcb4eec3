"""speechkit.morph: lemmas chosen from context, token offsets, sentences.

The lemma table is marked up in the Russian itself: (phrase, word as written in the
phrase, lemma).  The word is found in the phrase and its token is the one that starts
there (``«г.»`` is the razdel token ``г`` followed by ``.``).
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit import morph
from speechkit.sentences import sentences

ROOT = Path(__file__).resolve().parent.parent
GSD_SAMPLE = ROOT / "tests" / "cases" / "gsd-dev-150.conllu"  # CC BY-SA 4.0, see tests/cases/README.md

LEMMAS = [
    # abbreviations
    ("в 2023 г. было", "г.", "год"),
    ("В 2024 г. Токаев посетил Шушу", "г.", "год"),
    ("встреча прошла в г. Шуша", "г.", "город"),
    ("в 1990-х гг. страна", "гг.", "год"),
    ("выделено 5 млн рублей", "млн", "миллион"),
    ("товарооборот 2 млрд долларов", "млрд", "миллиард"),
    ("более 10 тыс. человек", "тыс.", "тысяча"),
    ("500 руб. за тонну", "руб.", "рубль"),
    ("города, сёла и др.", "др.", "другой"),
    # «должен» is its own word, not a short form of «должный»
    ("Он должен прийти", "должен", "должен"),
    ("страна должна быть готова", "должна", "должен"),
    ("мы должны работать", "должны", "должен"),
    # surnames: pymorphy3 reads «Токаев» as the plural genitive of «токай»
    ("Токаев подчеркнул важность", "Токаев", "токаев"),
    ("заявил Токаев журналистам", "Токаев", "токаев"),
    ("визит Токаева в Баку", "Токаева", "токаев"),
    ("переговоры с Алиевым прошли", "Алиевым", "алиев"),
    ("Президент Ильхам Алиев заявил", "Алиев", "алиев"),
    ("по словам Мирзиёева", "Мирзиёева", "мирзиёев"),
    ("писатель Никита Зайцев", "Зайцев", "зайцев"),
    ("песни поёт Евгения Бахарева", "Бахарева", "бахарева"),
    ("с Анной Токаевой", "Токаевой", "токаева"),
    ("роман Достоевского", "Достоевского", "достоевский"),
    # names: case from the neighbouring name or the noun they stand by
    ("памятник Карла Маркса", "Карла", "карл"),
    ("песни поёт Евгения Бахарева", "Евгения", "евгения"),
    ("двор императора Карла", "Карла", "карл"),
    ("мама Евгения Георгиевна", "Георгиевна", "георгиевна"),
    ("отец Сергей Юрьевич", "Юрьевич", "юрьевич"),
    ("с Ильёй Михайловичем", "Михайловичем", "михайлович"),
    ("Анны Ильиничны", "Ильиничны", "ильинична"),
    # foreign names pymorphy3 does not know, as written or with a case ending undone
    ("режиссёр Крэйг Бартлетт", "Крэйг", "крэйг"),
    ("Алексей Иванович Сырбу", "Сырбу", "сырбу"),
    ("книга Дамблдора", "Дамблдора", "дамблдор"),
    ("из Абиссинии", "Абиссинии", "абиссиния"),
    ("деревня Петржалка", "Петржалка", "петржалка"),
    ("по данным БМРА", "БМРА", "бмра"),
    ("Дворец И́горя", "И́горя", "игорь"),
    # verb or noun
    ("Цены стали известны", "стали", "стать"),
    ("они стали говорить", "стали", "стать"),
    ("мост из стали", "стали", "сталь"),
    ("из нержавеющей стали", "стали", "сталь"),
    ("они пришли домой", "пришли", "прийти"),
    ("войска перешли границу", "перешли", "перейти"),
    # adjective and noun agree
    ("судьба главного героя", "главного", "главный"),
    ("в этом году", "этом", "этот"),
    ("все страны региона", "все", "весь"),
    ("вершина самой высокой горы", "самой", "самый"),
    ("на Красной площади", "Красной", "красный"),
    ("президент Соединённых Штатов", "Соединённых", "соединённый"),
    ("Главой комиссии назначен", "Главой", "глава"),
    ("потенциал Транскаспийского международного маршрута", "Транскаспийского", "транскаспийский"),
    # superlatives are their own lemma
    ("один из лучших специалистов", "лучших", "лучший"),
    ("органы высшей власти", "высшей", "высший"),
    ("крупнейших компаний", "крупнейших", "крупнейший"),
    # a short form that is also a passive participle is the participle
    ("мосты были разбиты", "разбиты", "разбить"),
    # … but a predicative adjective is not a passive
    ("Я уверен, что мы справимся", "уверен", "уверенный"),
    # «всего» before a number is the adverb
    ("всего 5 процентов", "всего", "всего"),
    # spelling kept: -ье, not the dictionary's -ие
    ("в предгорьях Кавказа", "предгорьях", "предгорье"),
    # an unknown word in the nominative, not the plural genitive of an imagined «опенинга»
    ("новый опенинг сериала", "опенинг", "опенинг"),
    # «большая» is «большой», «основным» is «основной»: not the rare doublets
    ("большая работа", "большая", "большой"),
    ("основным партнёром", "основным", "основной"),
    ("в родном городе", "родном", "родной"),
    # loanwords the dictionary lacks, declined as masculine nouns: not a feminine «хаба»
    ("значение Москвы как логистического хаба", "хаба", "хаб"),
    ("станет транспортным хабом", "хабом", "хаб"),
    ("в цифровом хабе", "хабе", "хаб"),
    ("новые хабы региона", "хабы", "хаб"),
    # indeclinable currency names: «тенге» is no case of «тенг», «сомони» no verb
    ("бюджет в 500 млн тенге", "тенге", "тенге"),
    ("курс тенге к доллару", "тенге", "тенге"),
    ("зарплата в 3000 сомони", "сомони", "сомони"),
]


def token_at(phrase: str, word: str):
    start = phrase.index(word)
    return next(t for t in morph.tokenize(phrase) if t.start == start)


@pytest.mark.parametrize("phrase, word, lemma", LEMMAS, ids=[f"{p}|{w}" for p, w, _ in LEMMAS])
def test_lemma_in_context(phrase, word, lemma):
    assert token_at(phrase, word).lemma == lemma


POS = [
    ("Цены стали известны", "стали", "VERB"),
    ("мост из стали", "стали", "NOUN"),
    ("судьба главного героя", "главного", "ADJF"),
    ("мосты были разбиты", "разбиты", "PRTS"),
    ("потенциал Транскаспийского международного маршрута", "Транскаспийского", "ADJF"),
    ("Он сказал: «Нет».", "«", "PUNCT"),
    ("в 2023 году", "2023", None),
]


@pytest.mark.parametrize("phrase, word, pos", POS)
def test_part_of_speech(phrase, word, pos):
    assert token_at(phrase, word).pos == pos


def test_context_free_lemma():
    assert morph.lemma("грузоперевозок") == "грузоперевозка"
    assert morph.lemma("Млн") == "миллион"
    assert morph.lemma("лучших") == "лучший"
    assert morph.lemma(",") == ","
    assert morph.pos("стали") == "VERB"


def test_punctuation_and_numbers():
    toks = morph.tokenize("Рост — 5,2%!")
    assert [(t.text, t.lemma, t.pos) for t in toks] == [
        ("Рост", "рост", "NOUN"),
        ("—", "—", "PUNCT"),
        ("5,2", "5,2", None),
        ("%", "%", "PUNCT"),
        ("!", "!", "PUNCT"),
    ]


OFFSET_TEXTS = [
    "",
    "   ",
    "Токаев подчеркнул: «Мы удвоим товарооборот вдвое. Это шанс», — заявил он.",
    "экономики.Вторая задача\n\nТретья — И́горь, Ви́кторович; 1990-х гг. т.е. всё 😀 так",
    "Член-корреспондент РАН по-латыни\tкм2 H2O2 Tele2 COP29 ...",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_token_offsets(text):
    toks = morph.tokenize(text)
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.lemma == t.lemma.lower()
    assert [t.start for t in toks] == sorted(t.start for t in toks)


RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЁЖЗИКЛМНОПРСТ .,!?«»—-\n0123456789\u0301"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(RUSSIAN)), max_size=80))
def test_token_offsets_any_text(text):
    for t in morph.tokenize(text):
        assert text[t.start : t.end] == t.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_no_exception_on_any_unicode(text):
    for t in morph.tokenize(text):
        assert text[t.start : t.end] == t.text
    for s in sentences(text):
        assert text[s.start : s.end] == s.text


SENTENCES = [
    # paragraphs glued by a scraper
    ("Рост экономики.Вторая задача — инфляция.", ["Рост экономики.", "Вторая задача — инфляция."]),
    # abbreviations do not end a sentence
    ("Это важно, т.е. необходимо. Далее.", ["Это важно, т.е. необходимо.", "Далее."]),
    ("В 2023 г. Токаев посетил Баку. Потом Ташкент.", ["В 2023 г. Токаев посетил Баку.", "Потом Ташкент."]),
    ("Встреча прошла в г. Шуша. Президент выступил.", ["Встреча прошла в г. Шуша.", "Президент выступил."]),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentences(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_sentences_in_a_quote_keep_offsets():
    # a quote with two sentences may be split, but every span is exact and nothing is lost
    text = "Он сказал: «Мы удвоим товарооборот вдвое. Это шанс», — заявил он. Потом ушёл."
    spans = sentences(text)
    assert spans[-1].text == "Потом ушёл."
    for s in spans:
        assert text[s.start : s.end] == s.text
    assert "".join(text[s.start : s.end] for s in spans).replace(" ", "") == text.replace(" ", "")


def test_sentences_of_a_slice():
    text = "Вступление. Рост экономики.Вторая задача."
    start = text.index("Рост")
    spans = sentences(text, start)
    assert [s.text for s in spans] == ["Рост экономики.", "Вторая задача."]
    assert all(text[s.start : s.end] == s.text for s in spans)





def test_overrides_file():
    """data/lemma_overrides.tsv: form, lemma, OpenCorpora POS; forms unique and lower case."""
    text = (ROOT / "speechkit" / "data" / "lemma_overrides.tsv").read_text("utf-8")
    forms = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 3, f"{line!r}: form, lemma, POS separated by tabs"
        form, lemma, pos = cols
        assert form == form.lower().strip() and lemma == lemma.lower().strip(), line
        assert pos in {"NOUN", "ADJF", "ADJS", "VERB", "ADVB"}, line
        forms.append(form)
    assert len(forms) == len(set(forms)), "duplicate forms"
    assert morph.overrides()["млн"] == ("миллион", "NOUN")


def test_import_is_cheap():
    code = "import sys, speechkit.morph; print('pymorphy3' in sys.modules, 'razdel' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_gsd_dev_sample():
    """The first 150 sentences of UD Russian-GSD dev: content-word lemmas stay above 95%."""
    spec = importlib.util.spec_from_file_location("eval_lemmas", ROOT / "bench" / "eval_lemmas.py")
    ev = importlib.util.module_from_spec(spec)
    sys.modules["eval_lemmas"] = ev  # its dataclasses look their module up
    spec.loader.exec_module(ev)
    score = ev.Score()
    for s in ev.read_conllu(GSD_SAMPLE):
        toks = morph.tokenize(s.text)
        for w, t in zip(s.words, ev.align(s, toks)):
            ok = t is not None and ev.fold(t.lemma) == ev.fold(w.lemma)
            score.add(w, ok, t is not None and ev.convention(w, t.lemma, t.pos))
    assert score.mapped["content"] / score.n["content"] >= 0.95


def _razdel(text):
    from razdel import sentenize

    return [s.text for s in sentenize(text) if s.text.strip()]


def test_text_with_sentence_breaks_reaches_razdel_whole():
    # 60,000 characters of ordinary sentences: nothing is cut, the sentences are razdel's own
    from speechkit.sentences import LONGEST

    text = ("Порт Актау нарастил перевалку на 5%. «Мы готовы к диалогу», — заявил министр; "
            "т.е. работа идёт. В 2023 г. Токаев посетил Баку.\n") * 500
    assert len(text) > 2 * LONGEST
    assert [s.text for s in sentences(text)] == _razdel(text)


@pytest.mark.parametrize("unit", [
    "«слово ",              # nested quotes: razdel joined at every «»» and copied the sentence each time
    "«слово», и ещё слова, ",  # quotes side by side, no full stop
    "Теги: Казахстан\nkazinform.kz/news\n",  # page furniture: dots before small letters
    "1 ",                   # a digit run without any punctuation
])
def test_a_sentence_that_never_ends_is_cut_at_the_cap(unit):
    from speechkit.sentences import LONGEST

    text = unit * (100_000 // len(unit))
    spans = sentences(text)
    assert len(spans) >= 100_000 // LONGEST
    assert max(len(s.text) for s in spans) <= LONGEST
    assert all(text[s.start : s.end] == s.text for s in spans)
    # nothing is lost: the pieces cover the text but for the spaces between them
    assert "".join(s.text for s in spans).replace(" ", "").replace("\n", "") == \
        text.replace(" ", "").replace("\n", "")


def test_the_cap_cuts_after_a_line_break_first():
    from speechkit.sentences import LONGEST

    line = "слово; " * 100 + "\n"
    text = line * (3 * LONGEST // len(line))
    spans = sentences(text)
    assert len(spans) >= 3
    assert all(s.text.endswith(";") for s in spans[:-1])  # each piece ends a line (its newline stripped)
    assert all(text[s.end : s.end + 2] == " \n" for s in spans[:-1])
    assert all(len(s.text) > LONGEST // 2 for s in spans[:-1])
