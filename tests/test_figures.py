"""Figures: tables of Russian phrases by phenomenon, the seed against its gold, invariants."""

from __future__ import annotations

import doctest
import json
import math
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit import figures, morph
from speechkit.figures import find_figures

ROOT = Path(__file__).resolve().parent.parent
NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"

# (phrase, surface, value, unit, kind, qualifier): each phrase states exactly one figure.
FIGURES = [
    # разряды через пробел, неразрывный и узкий пробел
    ("Население области превысило 3 000 000 человек.", "3 000 000 человек", 3000000, "человек", "count", None),
    (f"Бюджет программы — 3{NBSP}000{NBSP}000 тенге.", f"3{NBSP}000{NBSP}000 тенге", 3000000, "KZT", "money", None),
    (f"На ремонт школ направят 1{THIN}500{THIN}000 рублей.", f"1{THIN}500{THIN}000 рублей", 1500000, "RUB", "money", None),
    (f"Из зоны подтопления эвакуировано 10{NNBSP}345 человек.", f"10{NNBSP}345 человек", 10345, "человек", "count", None),
    # десятичная запятая и точка
    ("Инфляция в марте составила 1,5 процента.", "1,5 процента", 1.5, "%", "percent", None),
    ("Экономика выросла на 1.5 процента.", "1.5 процента", 1.5, "%", "percent", None),
    ("Исправность парка достигла 99,977 процента.", "99,977 процента", 99.977, "%", "percent", None),
    # проценты: знак слитно и через пробел
    ("Доля возобновляемой энергетики достигла 65%.", "65%", 65, "%", "percent", None),
    ("Холдинг на 82 % принадлежит государству.", "82 %", 82, "%", "percent", None),
    (f"Безработица снизилась до 4,8{NBSP}%.", f"до 4,8{NBSP}%", 4.8, "%", "percent", "до"),
    ("Ставку повысили на 2 п.п. с начала года.", "2 п.п.", 2, "п.п.", "percent", None),
    # знаки: словом и символом
    ("Ночью в Астане ожидается минус 15 градусов.", "минус 15 градусов", -15, "°C", "temperature", None),
    ("Температура опустилась до -3°C.", "до -3°C", -3, "°C", "temperature", "до"),
    ("Воздух прогреется до +25 °C.", "до +25 °C", 25, "°C", "temperature", "до"),
    ("Это плюс 12 процентов к прошлому году.", "плюс 12 процентов", 12, "%", "percent", None),
    ("Ночью ударит 30 градусов мороза.", "30 градусов мороза", -30, "°C", "temperature", None),
    # диапазоны: тире, дефис, «от … до», словами
    ("Загрузка рейсов летом доходит до 94–95 процентов.", "94–95 процентов", 94, "%", "range", None),
    ("Цены вырастут на 5-7 процентов.", "5-7 процентов", 5, "%", "range", None),
    ("Срок строительства — от 5 до 10 лет.", "от 5 до 10 лет", 5, "год", "range", None),
    ("Программа рассчитана на 2023–2024 годы.", "2023–2024 годы", 2023, None, "range", None),
    ("Пассажиропоток вырастет до 1,2–1,3 миллиона пассажиров.", "до 1,2–1,3 миллиона пассажиров", 1200000, "пассажир", "range", "до"),
    ("На это уйдёт два-три года.", "два-три года", 2, "год", "range", None),
    # слова масштаба
    ("В прошлом году экспортировано почти 3 млн тонн зерна.", "почти 3 млн тонн", 3000000, "тонна", "quantity", "почти"),
    ("Построено больше 77 тыс. арендных квартир.", "77 тыс. арендных квартир", 77000, "квартира", "count", None),
    ("В компании работают 33,5 тысячи человек.", "33,5 тысячи человек", 33500, "человек", "count", None),
    ("Товарооборот превысил 2 млрд долларов.", "2 млрд долларов", 2000000000, "USD", "money", None),
    ("Госдолг составил 1,2 трлн рублей.", "1,2 трлн рублей", 1200000000000, "RUB", "money", None),
    ("Инвестиции составили 2 миллиона 300 тысяч рублей.", "2 миллиона 300 тысяч рублей", 2300000, "RUB", "money", None),
    ("Более миллиона человек посмотрели трансляцию.", "Более миллиона человек", 1000000, "человек", "count", "более"),
    ("Около ста тысяч человек вышли на акцию.", "Около ста тысяч человек", 100000, "человек", "count", "около"),
    # числительные словами, в любом падеже
    ("В Астане прошли сорок концертов.", "сорок концертов", 40, "концерт", "count", None),
    ("Делегации двадцати пяти стран прибыли в Шушу.", "двадцати пяти стран", 25, "страна", "count", None),
    ("В заседании участвовали сто двадцать депутатов.", "сто двадцать депутатов", 120, "депутат", "count", None),
    ("Переговоры продолжались три часа.", "три часа", 3, "час", "duration", None),
    ("Реконструкция займёт полтора года.", "полтора года", 1.5, "год", "duration", None),
    ("Строительство продлится два с половиной года.", "два с половиной года", 2.5, "год", "duration", None),
    ("Мы встретились с семью коллегами.", "семью коллегами", 7, "коллега", "count", None),
    ("Режим ЧС объявлен в шести районах.", "шести районах", 6, "район", "count", None),
    ("Два этих банка занимают большую часть рынка.", "Два этих банка", 2, "банк", "count", None),
    ("Мы ставили задачу довести газификацию до ста процентов.", "до ста процентов", 100, "%", "percent", "до"),
    ("Это нужно делать не реже одного раза в неделю.", "одного раза", 1, "раз", "count", None),
    ("Не менее одного часа в день отводится на спорт.", "Не менее одного часа", 1, "час", "duration", "не менее"),
    # доли
    ("Около трети выручки приходится на Россию.", "Около трети", 0.3333, None, "ratio", "около"),
    ("Две трети бюджета направят на социальные нужды.", "Две трети", 0.6667, None, "ratio", None),
    # собирательные
    ("На заседание суда мы придём втроём.", "втроём", 3, "человек", "count", None),
    ("Двое детей остались без присмотра.", "Двое детей", 2, "ребёнок", "count", None),
    # порядковые
    ("В сентябре пройдут 5-е Всемирные игры кочевников.", "5-е", 5, None, "ordinal", None),
    ("Компания заняла 3-е место в рейтинге.", "3-е", 3, None, "ordinal", None),
    ("Это уже пятый саммит организации.", "пятый", 5, None, "ordinal", None),
    ("Банк занимает второе место по активам.", "второе", 2, None, "ordinal", None),
    ("Команда выступила на двадцать первом турнире.", "двадцать первом", 21, None, "ordinal", None),
    ("В XXI веке роль технологий только растёт.", "XXI веке", 21, None, "ordinal", None),
    ("Казахстан одним из первых поддержал инициативу.", "первых", 1, None, "ordinal", None),
    # кратность
    ("Объём контейнерных перевозок увеличился вдвое.", "вдвое", 2, None, "ratio", None),
    ("Инвестиции выросли почти втрое.", "почти втрое", 3, None, "ratio", "почти"),
    ("Экспорт вырос в два раза.", "в два раза", 2, None, "ratio", None),
    ("Пассажиропоток увеличится в 2,5 раза.", "в 2,5 раза", 2.5, None, "ratio", None),
    ("Цены выросли более чем в два раза.", "более чем в два раза", 2, None, "ratio", "более"),
    ("Отмечен трёхкратный рост продаж.", "трёхкратный", 3, None, "ratio", None),
    ("Выручка двукратно превысила прогноз.", "двукратно", 2, None, "ratio", None),
    # прилагательные с числом: проценты, возраст, срок
    ("Существует 80-процентная вероятность засухи.", "80-процентная", 80, "%", "percent", None),
    ("Нацбанку принадлежит стопроцентная доля компании.", "стопроцентная", 100, "%", "percent", None),
    ("Его 16-летняя дочь учится в Лондоне.", "16-летняя", 16, "год", "duration", None),
    ("Подписан пятилетний контракт на поставку.", "пятилетний", 5, "год", "duration", None),
    # единицы измерения
    ("На полях собрано 150 тонн картофеля.", "150 тонн", 150, "тонна", "quantity", None),
    ("Протяжённость новой дороги — 120 км.", "120 км", 120, "километр", "quantity", None),
    ("Посевная площадь составит 15 млн гектаров.", "15 млн гектаров", 15000000, "гектар", "quantity", None),
    ("Добыча газа составила 1,2 млрд кубометров.", "1,2 млрд кубометров", 1200000000, "кубометр", "quantity", None),
    ("Площадь нового терминала — 50 тыс. кв. м.", "50 тыс. кв. м", 50000, "квадратный метр", "quantity", None),
    ("Ветер северо-западный, 5–10 м/с.", "5–10 м/с", 5, "м/с", "range", None),
    ("Скорость подключения — до 200 Мбит/с.", "до 200 Мбит/с", 200, "Мбит/с", "quantity", "до"),
    # деньги
    ("Сделка оценена в 2,4 млрд долларов США.", "2,4 млрд долларов США", 2400000000, "USD", "money", None),
    ("Акции проданы за 15,6 млрд шведских крон.", "15,6 млрд шведских крон", 15600000000, "SEK", "money", None),
    ("Бюджет форума сократят до 500 млн тенге.", "до 500 млн тенге", 500000000, "KZT", "money", "до"),
    ("Штраф для юрлиц составит 100 тыс. руб.", "100 тыс. руб", 100000, "RUB", "money", None),
    ("Кредит выдан на $5 млн под залог акций.", "$5 млн", 5000000, "USD", "money", None),
    ("Билет в музей стоит 10 евро.", "10 евро", 10, "EUR", "money", None),
    ("Стоимость проекта — 300 млн ₽.", "300 млн ₽", 300000000, "RUB", "money", None),
    ("Заём выдан на сумму 100 000 USD.", "100 000 USD", 100000, "USD", "money", None),
    ("Торговый оборот — свыше 50 миллиардов в долларовом эквиваленте.", "свыше 50 миллиардов", 50000000000, "USD", "money", "свыше"),
    # температура
    ("Температура повысится на 1,5 градуса по Цельсию.", "1,5 градуса по Цельсию", 1.5, "°C", "temperature", None),
    ("Воздух над океаном прогрелся более чем на полтора градуса.", "более чем на полтора градуса", 1.5, "°C", "temperature", "более"),
    # длительность
    ("Он провёл в заключении 25 лет.", "25 лет", 25, "год", "duration", None),
    ("Визит продлится 5 дней.", "5 дней", 5, "день", "duration", None),
    ("Каждые 15 минут отправляется поезд.", "15 минут", 15, "минута", "duration", None),
    # квалификаторы из списка; прочие оговорки не квалификаторы
    ("В мероприятии приняли участие около 40 человек.", "около 40 человек", 40, "человек", "count", "около"),
    ("Перевезено более 10 тысяч пассажиров.", "более 10 тысяч пассажиров", 10000, "пассажир", "count", "более"),
    ("Ожидается свыше 200 участников.", "свыше 200 участников", 200, "участник", "count", "свыше"),
    ("Подготовлено не менее 50 специалистов.", "не менее 50 специалистов", 50, "специалист", "count", "не менее"),
    ("Выделят не более 5 млрд рублей.", "не более 5 млрд рублей", 5000000000, "RUB", "money", "не более"),
    ("Продажи выросли более чем на 70 процентов.", "более чем на 70 процентов", 70, "%", "percent", "более"),
    ("Построено порядка 475 тысяч квадратных метров жилья.", "порядка 475 тысяч квадратных метров", 475000, "квадратный метр", "quantity", "порядка"),
    ("На саммит прибыли примерно 30 делегаций.", "примерно 30 делегаций", 30, "делегация", "count", "примерно"),
    ("Изъято приблизительно 2 тонны груза.", "приблизительно 2 тонны", 2, "тонна", "quantity", "приблизительно"),
    ("Отремонтировано менее 100 километров дорог.", "менее 100 километров", 100, "километр", "quantity", "менее"),
    ("Проведено 40 мероприятий или около того.", "40 мероприятий или около того", 40, "мероприятие", "count", "около того"),
    ("Загрузка достигла практически 90 процентов.", "90 процентов", 90, "%", "percent", None),
    ("Показатель доходил до 95 процентов.", "95 процентов", 95, "%", "percent", None),
    ("Средний чек за год вырос до 4200 тенге.", "до 4200 тенге", 4200, "KZT", "money", "до"),
    # счётное существительное перед числом
    ("Нужно нарастить число перевозимых контейнеров до 300 тысяч.", "до 300 тысяч", 300000, "контейнер", "count", "до"),
    # счётное существительное после числа, через прилагательные, в любом падеже
    ("У авиакомпании 78 воздушных судов.", "78 воздушных судов", 78, "судно", "count", None),
    ("Рейсы выполнялись по 280 маршрутам.", "280 маршрутам", 280, "маршрут", "count", None),
    ("Семинар прошёл для 3-х стран региона.", "3-х стран", 3, "страна", "count", None),
    ("Подтоплено более 2000 жилых домов.", "более 2000 жилых домов", 2000, "дом", "count", "более"),
    # прилагательное или причастие вместо существительного
    ("На объекте трудятся 1200 рабочих.", "1200 рабочих", 1200, "рабочий", "count", None),
    ("В результате аварии пострадали 12 отдыхающих.", "12 отдыхающих", 12, "отдыхающий", "count", None),
    # годы
    ("В 2026 году мы проведём климатический саммит.", "2026 году", 2026, None, "year", None),
    ("Рост сопоставим с 2023 годом.", "2023 годом", 2023, None, "year", None),
    ("Итоги за 2024 год подведены в Кремле.", "2024 год", 2024, None, "year", None),
    ("Закон принят в 2019 г. и вступил в силу.", "2019 г.", 2019, None, "year", None),
    ("Программа будет реализована к 2030 году.", "2030 году", 2030, None, "year", None),
    ("Страна восстанавливалась в 90-е годы.", "90-е годы", 1990, None, "year", None),
    # даты
    ("Соглашение подписано 27 марта 2013 года.", "27 марта 2013 года", "2013-03-27", None, "date", None),
    ("Перемирие объявлено 30 августа.", "30 августа", "--08-30", None, "date", None),
    ("Закон вступил в силу в январе 2024 года.", "январе 2024 года", "2024-01", None, "date", None),
    ("Договор подписан 12.06.2023 в Москве.", "12.06.2023", "2023-06-12", None, "date", None),
    ("Учебный год начнётся 1-го сентября.", "1-го сентября", "--09-01", None, "date", None),
    # счётное слово перед родительным падежом считает его, чем бы ещё ни была форма («голов» — и «гол»)
    ("Подтверждён падеж 976 голов сельхозживотных.", "976 голов", 976, "голова", "count", None),
    ("В хозяйстве 120 голов крупного рогатого скота.", "120 голов", 120, "голова", "count", None),
    ("Нападающий забил 976 голов за карьеру.", "976 голов", 976, "гол", "count", None),
    ("На работы вышли 58 единиц техники.", "58 единиц", 58, "единица", "count", None),
    # мера в двух единицах, крупная первой: одна величина в крупной
    ("Уровень реки составляет 5 метров 6 сантиметров.", "5 метров 6 сантиметров", 5.06, "метр", "quantity", None),
    ("Посылка весит 3 килограмма 200 граммов.", "3 килограмма 200 граммов", 3.2, "килограмм", "quantity", None),
    ("Рейс длился 2 часа 30 минут.", "2 часа 30 минут", 2.5, "час", "duration", None),
    ("Срок службы — 1 год 6 месяцев.", "1 год 6 месяцев", 1.5, "год", "duration", None),
]

# Phrases that state no figure.
NOT_FIGURES = [
    # цифры в названиях и кодах
    "Климатическая конференция СОР29 пройдёт в Баку.",
    "Конференция COP29 открылась в Баку.",
    "Лидеры G20 собрались в Нью-Дели.",
    "Абоненты Tele2 получили новые тарифы.",
    "Интервью вышло в эфире «Россия-24».",
    "Оператор не смог построить сети 3G.",
    "Выпускники IT-2 получили дипломы.",
    "Компания вошла в ТОП-3 лидеров рынка.",
    "Аптечная сеть «36,6» сменила владельца.",
    # нумерация списков, телефоны, время, ссылки
    "1. Развитие транспортных коридоров.",
    "2) Цифровизация экономики.",
    "Справки по телефону +7 (727) 244-55-66.",
    "Горячая линия: 8 800 555 35 35.",
    "Телефон для справок: 8 (7172) 55-55-55.",
    "Встреча началась в 14:15.",
    "Заседание начнётся в 10 утра.",
    "Брифинг назначен в 3 дня.",
    "Ссылка на материал: kremlin.ru/d/76642",
    "Подробности на сайте https://tengrinews.kz/news/532037/",
    # номер статьи, пункта
    "Статья 15 Конституции гарантирует права.",
    "В пункте 3 говорится о налогах.",
    # местоименное и идиоматичное «один»
    "Есть ещё один важный показатель.",
    "С одной стороны, это хороший результат.",
    "От Бреста до Владивостока у нас одно Отечество.",
    "Налёт составил тысячи часов на один инцидент.",
    # «раз» без числа, «десятилетие», неопределённое количество
    "Ещё раз хочу поблагодарить коллег.",
    "Это увеличит эффективность во много раз.",
    "Это лучший показатель за последнее десятилетие.",
    "Несколько стран поддержали инициативу.",
    "Тысячи людей вышли на субботник.",
    # порядковое в должности, названии, идиоме
    "Об этом заявил первый зампред правления банка.",
    "Смотрите интервью на Первом канале.",
    "В первую очередь нужно помочь пострадавшим.",
    "На первый взгляд задача простая.",
    "Во-первых, это выгодно.",
    # месяц без числа и года, омоним числительного
    "В сентябре пройдёт форум.",
    "Мы перевезли семью в Астану.",
    "Это случилось в прошлом году.",
]

# (phrase, surface, change)
CHANGES = [
    ("Объём грузоперевозок вырос на 65%.", "65%", "increase"),
    ("Товарооборот увеличился вдвое.", "вдвое", "increase"),
    ("Экспорт нефти сократился на 7 процентов.", "7 процентов", "decrease"),
    ("Производство снизилось на 2,5 процента.", "2,5 процента", "decrease"),
    ("Цены на бензин упали на 3%.", "3%", "decrease"),
    ("Прирост составил 4 процента.", "4 процента", "increase"),
    ("Это плюс 5 миллионов пассажиров.", "плюс 5 миллионов пассажиров", "increase"),
    ("Капитализация составила 5 млрд рублей.", "5 млрд рублей", None),
    ("Ночью ожидается минус 15 градусов.", "минус 15 градусов", None),
]


def only(phrase: str):
    found = find_figures(phrase)
    assert len(found) == 1, [(f.text, f.value) for f in found]
    return found[0]


@pytest.mark.parametrize(("phrase", "surface", "value", "unit", "kind", "qualifier"), FIGURES)
def test_figure(phrase, surface, value, unit, kind, qualifier):
    f = only(phrase)
    assert (f.text, f.value, f.unit, f.kind, f.qualifier) == (surface, value, unit, kind, qualifier)
    assert type(f.value) is type(value)
    assert phrase[f.start : f.end] == f.text


@pytest.mark.parametrize("phrase", NOT_FIGURES)
def test_not_a_figure(phrase):
    assert [(f.text, f.value) for f in find_figures(phrase)] == []


@pytest.mark.parametrize(("phrase", "surface", "change"), CHANGES)
def test_change(phrase, surface, change):
    f = only(phrase)
    assert (f.text, f.change) == (surface, change)


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("Загрузка доходила до 94–95 процентов.", 94, 95),
        ("Пассажиропоток вырастет до 1,2–1,3 миллиона пассажиров.", 1200000, 1300000),
        ("Срок — от пяти до десяти лет.", 5, 10),
        ("Программа на 2023-2024 годы.", 2023, 2024),
        ("Экспорт вырос в 2–3 раза.", 2, 3),
    ],
)
def test_range_bounds(phrase, low, high):
    f = only(phrase)
    assert (f.value, f.low, f.high) == (low, low, high)


@pytest.mark.parametrize(
    ("phrase", "flag", "present"),
    [
        ("Максимальная компоновка – 100.", "no_unit", True),
        ("Мы эксплуатируем 349 самолётов.", "no_unit", False),
        ("Инфляция составила 7%.", "percent_no_base", True),
        ("Мы выполняем 60 процентов маршрутов минуя Москву.", "percent_no_base", False),
        ("Доля рынка — 42 процента.", "percent_no_base", False),
        ("Это плюс 13 процентов к 2023 году.", "percent_no_base", False),
        # основание — именная группа в родительном, с прилагательными
        ("Государству принадлежит 75,5 % акционерного капитала банка.", "percent_no_base", False),
        ("Им принадлежат 40 процентов голосующих акций.", "percent_no_base", False),
        ("Инфляция составила 7 % в прошлом году.", "percent_no_base", True),
    ],
)
def test_flags(phrase, flag, present):
    f = find_figures(phrase)[0]
    assert (flag in f.flags) is present, f.flags


# ---------------------------------------------------------------- context


def by_text(text: str) -> dict[str, object]:
    return {f.text: f for f in find_figures(text)}


def test_unit_of_an_elided_noun_comes_from_the_same_scale():
    # «Из 55 миллионов 43 миллиона»: пассажиры
    found = by_text("Мы перевезли 55 миллионов пассажиров. Из 55 миллионов 43 миллиона — на внутреннем рынке.")
    assert [(f.text, f.value, f.unit) for f in found.values()] == [
        ("55 миллионов пассажиров", 55000000, "пассажир"),
        ("55 миллионов", 55000000, "пассажир"),
        ("43 миллиона", 43000000, "пассажир"),
    ]
    assert "unit_from_context" in found["43 миллиона"].flags


def test_scale_and_unit_of_a_bare_number_come_from_the_figure_before():
    text = "Оборот — свыше 50 миллиардов в долларовом эквиваленте. По нашим данным — где-то 50 с небольшим, около 51."
    found = find_figures(text)
    assert [(f.text, f.value, f.unit, f.kind, f.qualifier) for f in found] == [
        ("свыше 50 миллиардов", 50000000000, "USD", "money", "свыше"),
        ("50", 50000000000, "USD", "money", None),
        ("около 51", 51000000000, "USD", "money", "около"),
    ]


def test_bare_number_borrows_the_unit_of_the_next_figure():
    f = find_figures("Максимальная компоновка – 100, есть компоновка 103 кресла.")[0]
    assert (f.text, f.value, f.unit, f.kind) == ("100", 100, "кресло", "count")


def test_from_to_is_a_change_not_a_hedge():
    # «с 3500 до 4200 тенге»: «до» marks the target; the first number borrows the currency
    found = find_figures("Средний чек вырос с 3500 до 4200 тенге.")
    assert [(f.text, f.value, f.unit, f.qualifier) for f in found] == [
        ("3500", 3500, "KZT", None),
        ("4200 тенге", 4200, "KZT", None),
    ]


def test_first_day_of_a_day_range_is_a_date():
    found = find_figures("Выставка пройдёт с 5 по 7 июня 2024 года.")
    assert [(f.text, f.value, f.kind) for f in found] == [
        ("5", "2024-06-05", "date"),
        ("7 июня 2024 года", "2024-06-07", "date"),
    ]


def test_date_takes_its_year_from_the_text():
    text = (
        "Семья приехала в начале января 2011 года. Свидание пройдёт 24 января. "
        "Виделись 15 ноября, а в ноябре 2010 года его экстрадировали."
    )
    dates = [(f.text, f.value) for f in find_figures(text) if f.kind == "date"]
    assert dates == [
        ("января 2011 года", "2011-01"),
        ("24 января", "2011-01-24"),
        ("15 ноября", "2010-11-15"),
        ("ноябре 2010 года", "2010-11"),
    ]


def test_years_heading_a_list_are_years():
    # «(2021 – 1,2 процента, 2022 – …)»: a year, a dash and the year's figure; the year has no unit
    text = "Инфляция снижалась (2021 – 1,2 процента, 2022 – 3,4 процента, 2023 – 5 процентов)."
    assert [(f.text, f.value, f.unit, f.kind) for f in find_figures(text)] == [
        ("2021", 2021, None, "year"), ("1,2 процента", 1.2, "%", "percent"),
        ("2022", 2022, None, "year"), ("3,4 процента", 3.4, "%", "percent"),
        ("2023", 2023, None, "year"), ("5 процентов", 5, "%", "percent"),
    ]
    # a higher number after the dash makes a range, as ever, and a number inside a clause is no heading
    assert [(f.text, f.kind) for f in find_figures("Зарплаты составят 2000 – 3000 рублей.")] == [
        ("2000 – 3000 рублей", "range")]


@pytest.mark.parametrize(
    ("text", "date", "flag"),
    [
        # the lead states the year: «В начале 2015 года …»
        ("Поручение президента\n\nВ начале 2015 года президент поручил правительству подготовить доклад.\n\n"
         "Доклад должен быть представлен до 20 марта.", "2015-03-20", "year_from_lead"),
        # the dateline at the top, also as an ISO date
        ("2024-04-14\nУровень воды снижается\n\nЗа 13 апреля возведено 5 километров дамб.", "2024-04-13",
         "year_from_context"),
        ("АСТАНА, 14 апреля 2024. За 13 апреля возведено 5 километров дамб.", "2024-04-13", "year_from_context"),
        # a target year in the lead («к 2030 году») is not when the article's events happen
        ("Программа до 2030 года\n\nПравительство утвердит план к 2030 году.\n\nСовещание пройдёт 20 марта.",
         "--03-20", None),
        # a year far down the body is not the lead's
        ("Заголовок\n\nСовещание пройдёт 20 марта.\n\nВторой абзац.\n\nТретий абзац о событиях 2015 года.",
         "--03-20", None),
    ],
)
def test_date_without_a_year_takes_the_year_of_the_lead(text, date, flag):
    (found,) = [f for f in find_figures(text) if f.kind == "date" and ("20 марта" in f.text or "13 апреля" in f.text)]
    assert found.value == date
    assert ({"year_from_lead", "year_from_context"} & set(found.flags)) == ({flag} if flag else set())


def test_page_date_stamps_are_not_figures_but_date_the_text():
    text = "Встреча с Президентом 29 апреля 2025 года 17:40 Волгоград Ждём Вас в Москве 9 мая."
    assert [(f.text, f.value) for f in find_figures(text)] == [("9 мая", "2025-05-09")]


def test_related_links_dates_are_not_figures():
    text = "Смотрите также Посещение комплекса «Героям битвы» 29 апреля 2025 года Международный форум"
    assert find_figures(text) == []


# ---------------------------------------------------------------- bounds and offsets


def test_only_figures_inside_the_bounds_with_offsets_into_the_whole_text():
    text = "Заголовок 2024 года. Выросло на 65%. Продолжая тему: до 8%"
    start, end = text.index("Выросло"), text.index("Продолжая")
    found = find_figures(text, start, end)
    assert [(f.index, f.text, f.start) for f in found] == [(0, "65%", text.index("65%"))]


def test_figures_come_in_text_order_with_fresh_indexes():
    found = find_figures("В 2023 году — 40 мероприятий, в 2024 году — около 50.")
    assert [f.index for f in found] == list(range(len(found)))
    assert [f.start for f in found] == sorted(f.start for f in found)
    assert all(f.segment is None and f.theme is None and f.speaker is None and f.sentence is None for f in found)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["5", "2024", "3 000", "1,5", "–", "-", "+", "%", " ", NBSP, ".", ",", "\n", "«", "»", "года", "марта",
             "в", "от", "до", "около", "более", "чем", "минус", "раза", "млн", "тыс.", "тысяч", "рублей", "долларов",
             "США", "человек", "градусов", "один", "два", "с", "половиной", "трети", "первый", "вдвое", "СОР", "-е",
             "-летняя", "XXI", "век", "$", "°C", "14:15", "/", "число", "контейнеров", "семью", "втроём"]
        ),
        max_size=30,
    ),
    st.data(),
)
def test_offsets_always_point_into_the_text(pieces, data):
    text = " ".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = find_figures(text, start, end)
    for f in found:
        assert text[f.start : f.end] == f.text
        assert start <= f.start < f.end <= end
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@given(st.text(max_size=200))
def test_any_text_is_safe(text):
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text


def test_linear_on_a_long_single_line():
    from pathological import lines_run

    sample = (ROOT / "seeds" / "tokayev-ots-shusha-2024.txt").read_text(encoding="utf-8").replace("\n", " ")
    texts = [(sample * (n // len(sample) + 1))[:n] for n in (50_000, 100_000)]
    find_figures(texts[0][:5000])
    small, large = (lines_run(find_figures, t) for t in texts)
    assert large / small < 2.3, (small, large)
    huge = (sample * (1_000_000 // len(sample) + 1))[:1_000_000]
    assert len(find_figures(huge)) > 1000  # a megabyte on one line finishes (a quadratic scan would not)


def test_one_huge_word_is_cheap():
    """A long lower-case word glued to a number is scraper glue («Акорды16 апреля»), not a code.

    The work does not grow with the word: it is looked at once, not letter by letter.
    """
    from pathological import lines_run

    assert [f.text for f in find_figures("а" * 1_000_000 + "5")] == ["5"]
    small, large = (lines_run(find_figures, "а" * n + "5") for n in (10_000, 1_000_000))
    assert large <= small * 1.1 + 100, (small, large)


# ---------------------------------------------------------------- the seed against its gold


def seed():
    gold = json.loads((ROOT / "tests" / "cases" / "tokayev-ots-shusha-2024.gold.json").read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / "tokayev-ots-shusha-2024.txt").read_text(encoding="utf-8")
    return text, gold


def test_seed_matches_gold_exactly():
    text, gold = seed()
    end = text.index(gold["boilerplate_starts_at"])
    found = find_figures(text, 0, end)
    expected = [(text.index(g["surface"]), g) for g in gold["figures"]]
    assert len(found) == len(expected)
    for f, (pos, g) in zip(found, sorted(expected, key=lambda pair: pair[0])):
        assert (f.start, f.text) == (pos, g["surface"])
        assert math.isclose(f.value, g["value"]) and type(f.value) is type(g["value"])
        assert (f.unit, f.kind, f.qualifier) == (g["unit"], g["kind"], g["qualifier"])


def test_seed_not_figures_are_left_alone():
    text, gold = seed()
    found = find_figures(text, 0, text.index(gold["boilerplate_starts_at"]))
    for item in gold["not_figures"]:
        pos = text.index(item["surface"])
        assert not any(f.start < pos + len(item["surface"]) and pos < f.end for f in found)


# ---------------------------------------------------------------- the lexicon


def raw_lexicon() -> dict:
    return tomllib.loads(resources.files("speechkit").joinpath("data/numbers.toml").read_text("utf-8"))


def test_lexicon_lists_are_unique_and_lower_case():
    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            yield path, node

    for path, items in walk(raw_lexicon(), ""):
        assert len(items) == len(set(items)), path
        if "iso" not in path and "symbols" not in path:
            assert all(item == item.lower() for item in items), path


@pytest.mark.parametrize("table", ["cardinals", "ordinals", "months", "scales", "fractions", "currencies"])
def test_lemma_tables_hold_lemmas(table):
    for lemma in raw_lexicon()[table]:
        assert lemma == lemma.lower()
        assert any(p.normal_form == lemma for p in morph.parses(lemma)), lemma


def test_unit_lemmas_are_lemmas():
    units = raw_lexicon()["units"]
    for lemma in units["duration"] + units["quantity"]:
        if " " not in lemma and "-" not in lemma:
            assert any(p.normal_form == lemma for p in morph.parses(lemma)), lemma


def test_doctests():
    assert doctest.testmod(figures).failed == 0


def test_list_numbers_are_skipped_from_any_line_start():
    # «1.» and «2.» number the list: not figures, whether the scan starts at the text's start or at a line's
    text = "Вступление.\n1. Рост на 5%.\n2. Падение на 3%."
    assert [f.text for f in find_figures(text)] == ["5%", "3%"]
    assert [f.text for f in find_figures(text, text.index("1."))] == ["5%", "3%"]
