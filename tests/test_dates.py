"""A document's date: from a field, from its file name, from the dateline of its text."""

import pytest

from speechkit.dates import bucket, buckets_between, date_from_name, dateline, document_date, parse_date, period_start

FIELDS = [
    ("2024-07-06", "2024-07-06"),
    ("2024-07-06T23:10:00+05:00", "2024-07-06"),  # the date as written, not moved to UTC
    ("06.07.2024", "2024-07-06"),
    ("6 июля 2024 года", "2024-07-06"),
    (1720224000, "2024-07-06"),  # Unix time
    ("2024-02-30", None),
    ("2024-07", None),  # no day: not a date of a document
    ("вчера", None),
    (True, None),
    (None, None),
]


@pytest.mark.parametrize("value, date", FIELDS)
def test_field_values(value, date):
    assert parse_date(value) == date


NAMES = [
    ("speeches/2024-07-06-shusha.txt", "2024-07-06"),
    ("speeches/2024_07_06.txt", "2024-07-06"),
    ("feed/2024/07/06/speech.txt", "2024-07-06"),  # a date in the folders
    ("akorda_20240706.txt", "2024-07-06"),
    ("2023-01-01/2024-07-06.txt", "2024-07-06"),  # the file's own date wins over its folder's
    ("speech-12345678.txt", None),  # eight digits that make no date
    ("report-2024.txt", None),
    ("<stdin>:3", None),
]


@pytest.mark.parametrize("name, date", NAMES)
def test_file_names(name, date):
    assert date_from_name(name) == date


DATELINES = [
    # kremlin.ru: the date after the headline, with the time
    ("События Встреча с Президентом Белоруссии 29 апреля 2025 года 17:40 Волгоград В.Путин: …", "2025-04-29"),
    # a line of its own
    ("Заголовок\n\n06.07.2024\nТекст новости.", "2024-07-06"),
    ("Заголовок\n6 июля 2024 г., 14:05\nТекст.", "2024-07-06"),
    # a paragraph that begins with the date
    ("ВТБ покупает Tele2\n\n27 марта 2013 года было объявлено о сделке.", "2013-03-27"),
    # a date inside a sentence is an event, not the dateline
    ("Соглашение от 5 марта 2024 года вступит в силу.", None),
    # no year: the agency's «АСТАНА, 6 июля» cannot be placed
    ("АСТАНА, 6 июля. КАЗИНФОРМ – Глава государства …", None),
    # past the opening of the text
    ("Текст. " * 100 + "\n06.07.2024\n", None),
]


@pytest.mark.parametrize("text, date", DATELINES)
def test_datelines(text, date):
    assert dateline(text) == date


def test_a_field_beats_the_name_which_beats_the_dateline():
    text = "06.07.2024\nТекст."
    assert document_date("2023-01-02.txt", text, {"date": "2022-05-05"}) == ("2022-05-05", "field")
    assert document_date("2023-01-02.txt", text, {"date": "вчера"}) == ("2023-01-02", "name")
    assert document_date("a.txt", text, {"published": "2022-05-05"}) == ("2024-07-06", "dateline")
    assert document_date("a.txt", text, {"published": "2022-05-05"}, "published") == ("2022-05-05", "field")
    assert document_date("a.txt", "Текст.") == (None, None)


def test_buckets():
    assert [bucket("2024-12-30", b) for b in ("day", "week", "month", "year")] == [
        "2024-12-30", "2025-W01", "2024-12", "2024"]  # ISO weeks: 30 December 2024 is in 2025's first
    assert buckets_between("2024-12-30", "2025-01-13", "week") == ["2025-W01", "2025-W02", "2025-W03"]
    assert buckets_between("2024-11-20", "2025-02-01", "month") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert buckets_between("2023-06-01", "2025-01-01", "year") == ["2023", "2024", "2025"]
    assert len(buckets_between("2024-02-27", "2024-03-01", "day")) == 4  # a leap year


@pytest.mark.parametrize("value, start, end", [
    ("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
    ("2024-12", "2024-12-01", "2024-12-31"), ("2024-03-05", "2024-03-05", "2024-03-05"),
    ("05.03.2024", "2024-03-05", "2024-03-05"),
])
def test_since_and_until(value, start, end):
    assert (period_start(value), period_start(value, end=True)) == (start, end)


@pytest.mark.parametrize("value", ["январь", "2024-13", "2024-02-30", ""])
def test_since_and_until_refuse_what_is_no_date(value):
    from speechkit.errors import UsageError

    with pytest.raises(UsageError, match="is not a date"):
        period_start(value)
