"""Keywords: what counts, multi-word terms, keyness against general Russian, two-text contrast."""

from __future__ import annotations

import math
import pathlib

import pytest

from speechkit.compare import distinctive
from speechkit.keyness import bonferroni_z, log_likelihood, log_ratio
from speechkit.keywords import REFERENCE_TOKENS, count_keywords, reference, reference_floor
from speechkit.morph import tokenize
from speechkit.text import norm_word

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEED = (ROOT / "seeds" / "tokayev-ots-shusha-2024.txt").read_text("utf-8")
SEED_BODY = SEED[: SEED.index("Продолжая тему:")]  # the rest is the site's news feed

TRANSPORT = (
    "Объём контейнерных перевозок через порт Актау вырос вдвое. Порт принимает суда "
    "стран Каспийского бассейна, а контейнерный терминал порта расширят к 2026 году. "
    "Контейнерные поезда идут из Китая в порт без задержек."
)


def lemmas(text: str, **kw) -> list[str]:
    return [k.lemma for k in count_keywords(tokenize(text), top=None, **kw)]


def by_lemma(text: str, **kw) -> dict:
    return {k.lemma: k for k in count_keywords(tokenize(text), top=None, **kw)}


# ---------------------------------------------------------------- what counts
def test_transport_paragraph_top_keywords():
    top = lemmas(TRANSPORT)[:3]
    assert set(top) == {"порт", "контейнерный", "перевозка"} or {"порт", "контейнерный"} <= set(top)
    kw = by_lemma(TRANSPORT)
    assert kw["порт"].count == 4
    assert kw["контейнерный"].count == 3
    assert kw["порт"].forms == ["порт", "Порт", "порта"]


NOT_COUNTED = [
    # function words and pronouns
    ("Мы и они были в порту, но не на судне.", {"мы", "и", "они", "в", "но", "не", "на"}),
    # pronominal adjectives
    ("Наша страна и этот порт: вся наша работа.", {"наш", "этот", "весь"}),
    # numbers, with their suffixes
    ("В 2023 году прошли 5-е игры и 80-процентный рост.", {"2023", "5-е", "80-процентный"}),
    # one-letter words
    ("Порт А и порт Б.", {"а", "б"}),
]


@pytest.mark.parametrize("text, absent", NOT_COUNTED)
def test_not_counted(text, absent):
    assert not absent & set(lemmas(text))


GLUED_NAMES = [
    # Latin letters and digits razdel splits: one name
    ("Абоненты Tele2 перешли к ВТБ. Tele2 сохранит бренд.", "tele2", 2),
    ("Лидеры G20 собрались в Нью-Дели.", "g20", 1),
    ("Конференция COP29 открылась в Баку.", "cop29", 1),
    ("Авиакомпания получила A320neo.", "a320neo", 1),
    # a Cyrillic acronym with digits
    ("Климатическая конференция СОР29 пройдёт в Баку.", "сор29", 1),
]


@pytest.mark.parametrize("text, lemma, count", GLUED_NAMES)
def test_glued_name_is_one_word(text, lemma, count):
    kw = by_lemma(text)
    assert kw[lemma].count == count
    assert not {"tele", "g", "cop", "a", "neo", "сор"} & set(kw)


def test_a_word_glued_to_a_date_stays_apart():
    # «Акорды16 апреля»: a scraper glued a word to a date; the word is no name
    found = lemmas("Фото пресс-службы Акорды16 апреля")
    assert "апрель" in found and not any(ch.isdigit() for k in found for ch in k), found


def test_hyphenated_word_is_one_lemma():
    assert "it-стартап" in lemmas("Технопарк занимается IT-стартапами.")


def test_share_is_of_counted_words():
    kws = count_keywords(tokenize(TRANSPORT), top=None)
    assert math.isclose(sum(k.share for k in kws), 1.0, abs_tol=1e-3)


@pytest.mark.parametrize(
    "pos, tags",
    [
        ({"noun"}, {"NOUN"}),
        ({"adj"}, {"ADJF", "ADJS", "COMP"}),
        ({"verb"}, {"VERB", "INFN", "PRTF", "PRTS", "GRND"}),
        ({"NOUN", "adj"}, {"NOUN", "ADJF", "ADJS", "COMP"}),
    ],
)
def test_pos_filter(pos, tags):
    kws = count_keywords(tokenize(SEED_BODY), pos=pos, top=None)
    assert kws and {k.pos for k in kws} <= tags


def test_exclude_matches_lemma_and_form():
    # whatever lemma the tokenizer gives «Токаев», the caller's «токаев» removes it
    got = lemmas(SEED_BODY, exclude={"Касым-Жомарт", "токаев", "казахстан"})
    assert not {"касым-жомарт", "токаев", "токай", "казахстан"} & set(got)
    assert "тюркский" in got


def test_groups_count_occurrences_per_theme():
    text = "Порт Актау растёт. Климат меняется. Порт принимает суда, климат теплеет."
    first, second = text.index("Климат"), text.index("Порт принимает")
    groups = [("transport", 0, first), ("climate", first, second), ("transport", second, len(text))]
    kw = by_lemma(text, groups=groups)
    assert kw["порт"].themes == {"transport": 2}
    assert kw["климат"].themes == {"climate": 1, "transport": 1}
    assert kw["актау"].themes == {"transport": 1}


def test_top_and_ranking_names():
    toks = tokenize(TRANSPORT)
    assert len(count_keywords(toks, top=2)) == 2
    with pytest.raises(ValueError, match="rank_by"):
        count_keywords(toks, rank_by="tfidf")


# ---------------------------------------------------------------- terms
TERMS = [
    # adjective + noun: the adjective agrees with the noun's lemma
    ("работы по дну Каспийского моря", "каспийское море"),
    ("в области искусственного интеллекта", "искусственный интеллект"),
    ("потенциал транспортного маршрута", "транспортный маршрут"),
    ("стран Центральной Азии", "центральная азия"),
    ("широко использовать водные ресурсы", "водный ресурс"),
    # noun + noun in the genitive: the genitive stays
    ("вопрос изменения климата", "изменение климата"),
    ("по изменению климата", "изменение климата"),
    ("расширить объем товарооборота", "объем товарооборота"),
]


@pytest.mark.parametrize("text, term", TERMS)
def test_two_word_terms(text, term):
    assert norm_word(term) in {norm_word(t) for t in lemmas(text, ngrams=2)}


THREE_WORD_TERMS = [
    ("саммите Организации тюркских государств", "организация тюркских государств"),
    ("Транскаспийского международного транспортного маршрута", "международный транспортный маршрут"),
    ("по дну Каспийского моря", "дно каспийского моря"),
    ("мультимодальная цифровая платформа", "мультимодальная цифровая платформа"),
]


@pytest.mark.parametrize("text, term", THREE_WORD_TERMS)
def test_three_word_terms(text, term):
    assert term in lemmas(text, ngrams=3)


NOT_TERMS = [
    # adjective and noun disagree: «Аральского» singular, «морей» plural
    ("экологических проблем Каспийского и Аральского морей", {"аральское море", "аральский море"}),
    # no term across sentence punctuation
    ("Это море. Проблемы остаются.", {"море проблемы", "море проблем"}),
    ("моря, климата", {"море климата"}),
    # people are not terms
    ("заявил Касым-Жомарт Токаев", {"касым-жомарт токаев", "касым-жомарт токаева"}),
    # a pronoun breaks the phrase
    ("нашего взаимодействия", {"наше взаимодействие"}),
]


@pytest.mark.parametrize("text, absent", NOT_TERMS)
def test_not_terms(text, absent):
    assert not absent & set(lemmas(text, ngrams=2))


def test_seed_terms():
    terms = by_lemma(SEED_BODY, ngrams=2)
    assert terms["каспийское море"].count == 2
    assert terms["каспийское море"].forms == ["Каспийского моря"]
    assert terms["искусственный интеллект"].count == 3
    assert terms["изменение климата"].count == 2
    assert terms["тюркское государство"].pos == "ADJ NOUN"
    assert terms["изменение климата"].pos == "NOUN NOUN.gen"
    three = by_lemma(SEED_BODY, ngrams=3)
    assert three["организация тюркских государств"].count == 3


def test_term_reference_is_its_rarest_word():
    kw = by_lemma(SEED_BODY, ngrams=2)["каспийское море"]
    assert kw.ref_per_million == min(reference()["каспийский"], reference()["море"])


# ---------------------------------------------------------------- keyness
def test_log_likelihood_by_hand():
    a, c, b, d = 8, 1000, 833_000, 1e9
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    assert math.isclose(log_likelihood(a, c, b, d), 2 * (a * math.log(a / e1) + b * math.log(b / e2)))
    assert log_likelihood(0, 1000, 833_000, 1e9) < 0  # absent but common: underused
    assert log_likelihood(1, 1000, 1_000_000, 1e9) == 0.0  # exactly the expected rate


def test_log_ratio_smoothing():
    assert math.isclose(log_ratio(1, 1_000_000, 1.0), 0.0)  # same rate
    assert math.isclose(log_ratio(3, 1_000_000, 1.0), 1.0)  # (3+1)/(1+1)


def test_bonferroni():
    assert math.isclose(bonferroni_z(1), 1.96, abs_tol=0.01)
    assert bonferroni_z(1000) > bonferroni_z(10)


def test_keyness_puts_rare_words_above_common_ones():
    toks = tokenize(SEED_BODY)
    ranked = [k.lemma for k in count_keywords(toks, rank_by="keyness", top=None)]
    for rare in ("каспий", "контейнерный", "медиация", "каспийский"):
        for common in ("страна", "год"):
            assert ranked.index(rare) < ranked.index(common), (rare, common)


def test_keyness_values_for_the_seed():
    kw = {k.lemma: k for k in count_keywords(tokenize(SEED_BODY), top=None)}
    assert kw["тюркский"].count == 14
    assert kw["тюркский"].keyness > 150
    assert kw["страна"].ref_per_million == reference()["страна"] > 500
    assert kw["медиация"].log_ratio > kw["страна"].log_ratio > kw["год"].log_ratio
    # «год» is about as frequent here as anywhere
    assert abs(kw["год"].keyness) < 3.84


def test_keyness_ranking_of_the_seed():
    top = [k.lemma for k in count_keywords(tokenize(SEED_BODY), rank_by="keyness", top=10,
                                           exclude={"касым-жомарт", "токаев"})]
    assert top[0] == "тюркский"
    assert {"каспийский", "саммит", "климатический", "казахстан"} <= set(top)


def test_missing_lemma_uses_the_floor():
    kw = by_lemma("Турктайм турктайм турктайм.")
    (k,) = kw.values()
    assert k.ref_per_million is None
    assert math.isclose(k.log_ratio, log_ratio(3, 3, reference_floor()), abs_tol=1e-3)


def test_reference_file():
    ref = reference()
    assert 30_000 <= len(ref) <= 50_000
    values = list(ref.values())
    assert values == sorted(values, reverse=True)
    assert all(lem == norm_word(lem) and "\t" not in lem for lem in ref)
    assert ref["год"] > ref["страна"] > ref["море"] > ref["каспий"] > ref["медиация"]
    assert REFERENCE_TOKENS == 1e9
    size = (ROOT / "speechkit" / "data" / "reference_freq.tsv").stat().st_size
    assert size < 1_100_000
    assert (ROOT / "speechkit" / "data" / "REFERENCE.md").read_text("utf-8").count("CC BY-SA 4.0")


# ---------------------------------------------------------------- two texts
CLIMATE = (
    "Климат меняется быстрее, чем ждали. Аномальная жара и засухи подтверждают тенденцию: "
    "изменение климата требует решений, климат касается всех стран бассейна. "
)


def test_distinctive():
    out = distinctive(tokenize(TRANSPORT * 3), tokenize(CLIMATE * 3))
    a = [c.lemma for c in out if c.side == "a"]
    b = [c.lemma for c in out if c.side == "b"]
    assert a[:2] == ["порт", "контейнерный"]
    assert b[0] == "климат"
    assert "страна" not in a + b and "бассейн" not in a + b  # in both texts alike
    top = out[0]
    assert (top.count_a, top.count_b) == (12, 0)
    assert top.keyness > 0 > out[-1].keyness
    assert top.log_ratio > 0 > out[-1].log_ratio


def test_distinctive_needs_evidence():
    # one quote of the seed against another: ~100 words each, only 3-to-0 differences count
    def quote(first: str, last: str) -> str:
        i = SEED.index(first)
        return SEED[i : SEED.index(last, i) + len(last)]

    transport = quote("«Необходимо расширить", "Центральной Азии»")
    climate = quote("«По словам экспертов", "в его работе»")
    out = distinctive(tokenize(transport), tokenize(climate))
    assert {(c.lemma, c.side, c.count_a, c.count_b) for c in out} == {
        ("климатический", "b", 0, 3),
        ("мир", "b", 0, 3),
    }


def test_doctests_of_the_keyword_modules():
    import doctest

    from speechkit import compare, keyness, keywords, sentences, terms

    for module in (keywords, keyness, terms, compare, sentences):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
