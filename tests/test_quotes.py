"""Quote segments and speakers, as tables of marked-up Russian text.

``[`` and ``]`` mark the expected quote segment (outer quote marks included);
the text given to the analyser is the same string without them.
"""

import pytest

from speechkit import analyze


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans, start = "", [], None
    for ch in marked:
        if ch == "[":
            start = len(text)
        elif ch == "]":
            spans.append((start, len(text)))
        else:
            text += ch
    return text, spans


QUOTES = [
    # ёлочки с атрибуцией через тире
    "Министр выступил на форуме. [«Мы справимся с задачей»], — заявил министр.",
    # атрибуция без пробела после запятой
    "[«Порт примет суда»],— сказал аким.",
    # несколько предложений внутри кавычек, razdel режет их, мы — нет
    "[«Объем вырос вдвое. Это шанс для региона. Мы его не упустим»], — подчеркнул он.",
    # двоеточие перед кавычками
    "Глава банка Андрей Костин заявил: [«Мы планируем привлечь инвесторов»]. Сделка закрыта.",
    # пробелы внутри кавычек, как в старых новостях
    "Председатель ответил: [« Мы открыты для кооперации »]. На этом брифинг завершился.",
    # прямые кавычки и дефис вместо тире (так пишут казахстанские сайты)
    'Синоптик дал прогноз. ["Засуха будет сильнее, чем в прошлом году"], - считает Кирилл Павлов.',
    # вложенное название внутри цитаты — одна цитата
    "[«Под девизом «Вперед!» мы наращиваем взаимодействие»], — сказал президент.",
    # цитата, прерванная атрибуцией, — одна цитата одного говорящего
    "[«Мы готовы, — сказал министр. — Переговоры продолжатся»]. Встреча завершилась.",
    "[«Утверждают, что это правило, — пояснила она, — но мы не имели возможности поговорить»].",
    # вопрос журналистов
    '["Когда это произойдет?"] - спросили журналисты.',
    # тире-диалог
    "[— Это неправда], — ответил он.",
    # незакрытая «: цитата кончается с абзацем
    "Он сказал: [«Мы никогда не отступим и будем работать дальше]\nСледующий абзац.",
]

NOT_QUOTES = [
    # название в кавычках, не речь
    "Компания «Ромашка» выросла на треть.",
    "Он предложил создать «Большую языковую тюркскую модель» при помощи ИИ.",
    "Он отметил важность темы саммита «Построение устойчивого будущего» и заявил о поддержке.",
    # ООО "Ромашка" — прямые кавычки вокруг имени не глотают остаток текста
    'Контракт получило ООО "Ромашка". Работы начнутся весной, сообщил мэр.',
    # дюймы
    'Экран 5" и камера — главное в новом телефоне.',
    # одинокая »
    "Текст без пары » и дальше ничего.",
]


@pytest.mark.parametrize("marked", QUOTES)
def test_quote_spans(marked):
    text, spans = unmark(marked)
    a = analyze(text)
    got = [(s.start, s.end) for s in a.segments if s.kind == "quote"]
    assert got == spans, [s.text for s in a.segments if s.kind == "quote"]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_names_are_not_quotes(text):
    a = analyze(text)
    assert [s.text for s in a.segments if s.kind == "quote"] == []


def test_quoted_names_are_reported():
    a = analyze("Он предложил создать «Большую языковую тюркскую модель» при помощи ИИ.")
    assert [n.text for n in a.quoted_names] == ["«Большую языковую тюркскую модель»"]


SEVERAL_SPEAKERS = (
    "Президент Казахстана Касым-Жомарт Токаев встретился с президентом Азербайджана Ильхамом Алиевым.\n"
    "«Мы готовы предоставить площадку для переговоров», — заявил Глава государства.\n"
    "«Баку ценит эту поддержку», — ответил Ильхам Алиев.\n"
    "«Транзит по Каспию вырос», — добавил Токаев.\n"
    "«Мы продолжим диалог», — сказал Алиев.\n"
)


def test_several_speakers_are_kept_apart():
    a = analyze(SEVERAL_SPEAKERS)
    speakers = [s.speaker for s in a.segments if s.kind == "quote"]
    assert speakers == ["Касым-Жомарт Токаев", "Ильхам Алиев", "Касым-Жомарт Токаев", "Ильхам Алиев"]


def test_pronoun_takes_gender_of_the_verb():
    text = ("Адвокат Алла Бут и ее муж Виктор Бут встретились в суде.\n"
            "«Мы не виделись с ноября», — пояснила она.\n")
    a = analyze(text)
    assert [s.speaker for s in a.segments if s.kind == "quote"] == ["Алла Бут"]


def test_role_refers_to_person_met_in_apposition():
    text = ("Председатель Национального банка Тимур Сулейменов провел брифинг.\n"
            '"Мы работаем в этом направлении", - ответил глава Нацбанка.\n')
    a = analyze(text)
    assert [s.speaker for s in a.segments if s.kind == "quote"] == ["Тимур Сулейменов"]


def test_attribution_span_is_reported():
    text = "«Мы справимся», — заявил Касым-Жомарт Токаев."
    a = analyze(text)
    q = a.segments[0]
    assert q.attribution is not None and q.attribution.text == "заявил Касым-Жомарт Токаев"
    assert text[q.attribution.start : q.attribution.end] == q.attribution.text


TRANSCRIPT = (
    "Встреча с главой компании. Владимир Путин провел встречу с Сергеем Александровским. "
    "7 апреля 2025 года 14:15 Москва, Кремль С.Александровский: Владимир Владимирович, мы перевезли "
    "55 миллионов пассажиров. В.Путин: Плюс 17 процентов – это хороший рост. "
    "С.Александровский: Да, это наше достижение. В.Путин: Поздравляю."
)


def test_transcript_turns_resolve_full_names():
    a = analyze(TRANSCRIPT)
    turns = [(s.speaker, s.text) for s in a.segments if s.kind == "turn"]
    assert turns == [
        ("Сергей Александровский", "Владимир Владимирович, мы перевезли 55 миллионов пассажиров."),
        ("Владимир Путин", "Плюс 17 процентов – это хороший рост."),
        ("Сергей Александровский", "Да, это наше достижение."),
        ("Владимир Путин", "Поздравляю."),
    ]


def test_speech_without_quotes_is_the_main_actors_text():
    text = ("Президент Казахстана Касым-Жомарт Токаев выступил на саммите.\n\n"
            "Уважаемые коллеги! Мы приложим все усилия для укрепления нашей Организации.\n\n"
            "Наша сила в единстве. Мы готовы к диалогу.\n")
    a = analyze(text)
    kinds = {s.kind for s in a.segments}
    assert kinds == {"narrative"}
    assert [s.speaker for s in a.segments][1:] == ["Касым-Жомарт Токаев", "Касым-Жомарт Токаев"]


def test_glued_paragraphs_split_into_sentences():
    text = 'Рост продолжится.Вторая задача - экспорт."Мы справимся", - сказал министр.Далее он уехал.'
    a = analyze(text)
    quotes = [s.text for s in a.segments if s.kind == "quote"]
    assert quotes == ['"Мы справимся"']
    assert any(s.text.startswith("Вторая задача") for s in a.sentences)
