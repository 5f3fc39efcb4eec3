"""Two speeches side by side: a transport-heavy and a climate-heavy one, and a folder against a file."""

import json

import pytest

from speechkit.commands.compare_cmd import run_compare
from speechkit.compare import compare, figure_key, pooled_shares
from speechkit.errors import ExitCode, SpeechkitError, UsageError
from speechkit.model import Figure
from speechkit.pipeline import Options, analyze

TRANSPORT = """Министр транспорта Ерлан Сагындыков выступил на форуме «Каспийский транзит» в Актау.

«Транскаспийский международный транспортный маршрут стал главной артерией региона. За прошлый год объем \
грузоперевозок по маршруту вырос на 65%, а через порт Актау прошло 3 млн тонн грузов. Порт принимает суда всех \
стран Каспийского бассейна», — заявил Сагындыков.

«Мы вложим 2 млрд долларов в порт и железные дороги. Новый контейнерный терминал в порту Курык удвоит перевалку \
контейнеров, а железная дорога Достык — Мойынты ускорит доставку грузов в порт», — подчеркнул Сагындыков.

По словам министра, к 2027 году на Каспии будут работать 10 новых паромов, а транзит контейнеров по маршруту \
вырастет до 300 тысяч в год.
"""

CLIMATE = """Министр экологии Айгуль Нуржанова выступила на климатической конференции в Астане.

«Изменение климата уже меняет жизнь наших граждан. Средняя температура в стране выросла на 1,5 градуса по \
Цельсию, засухи и аномальная жара стали нормой, ледники тают. Мы сократим выбросы парниковых газов на 15% \
к 2030 году», — заявила Нуржанова.

«Климатическая повестка требует денег: мы направим 2 млрд долларов на возобновляемую энергетику и адаптацию \
к изменению климата. Угольные станции дают половину выбросов, и без сокращения выбросов климат не удержать», \
— подчеркнула Нуржанова.

По словам министра, объем грузоперевозок вырос на 65%, и транспорт тоже должен сократить выбросы: засухи уже \
мешают судоходству по рекам.
"""

FINANCE = """Председатель Национального банка Тимур Сулейменов выступил перед депутатами.

«Инфляция замедлилась до 8%, базовая ставка останется на уровне 14,25%. Банк будет следить за инфляцией и \
ценами на продовольствие, а бюджет получит 2 млрд долларов из Национального фонда», — заявил Сулейменов.
"""

OPTIONS = Options(summary=False)


@pytest.fixture(scope="module")
def pair():
    a = analyze(TRANSPORT, OPTIONS, name="transport.txt")
    b = analyze(CLIMATE, OPTIONS, name="climate.txt")
    return a, b, compare(a, b, labels=("transport", "climate"))


def test_theme_shares_and_difference(pair):
    _, _, c = pair
    by_id = {t.id: t for t in c.themes}
    assert by_id["transport"].share_a == 1.0
    assert by_id["transport"].share_b == pytest.approx(0.21, abs=0.05)
    assert by_id["climate"].share_a == 0.0
    assert by_id["climate"].share_b == pytest.approx(0.79, abs=0.05)
    for t in c.themes:
        assert t.difference == pytest.approx(t.share_b - t.share_a, abs=1e-4)
    # largest differences first
    assert {c.themes[0].id, c.themes[1].id} == {"transport", "climate"}
    assert by_id["transport"].label == "Транспорт и логистика"


def test_distinctive_words(pair):
    _, _, c = pair
    a = {k.lemma: k for k in c.keywords_a}
    b = {k.lemma: k for k in c.keywords_b}
    assert (a["порт"].count_a, a["порт"].count_b) == (5, 0)
    assert (a["маршрут"].count_a, a["маршрут"].count_b) == (3, 0)
    assert (b["выброс"].count_a, b["выброс"].count_b) == (0, 4)
    assert (b["климат"].count_a, b["климат"].count_b) == (0, 3)
    assert a["порт"].keyness > 0 > b["выброс"].keyness
    # speech verbs and the speakers' own names are not «distinctive»
    assert not {"заявить", "подчеркнуть", "сагындыков", "нуржанова"} & {*a, *b}


def test_figures_on_one_side_only(pair):
    _, _, c = pair
    assert [f.text for f in c.figures_a] == ["3 млн тонн", "2027 году", "10 новых паромов", "до 300 тысяч"]
    assert [f.text for f in c.figures_b] == ["1,5 градуса по Цельсию", "15%", "2030 году"]
    # «на 65%» and «2 млрд долларов» are said on both sides
    assert c.shared_figures == 2
    tonnes = c.figures_a[0]
    assert (tonnes.value, tonnes.unit, tonnes.kind, tonnes.side) == (3_000_000, "тонна", "quantity", "a")


def test_speakers(pair):
    _, _, c = pair
    rows = {s.name: (s.a, s.b) for s in c.speakers}
    assert rows["Айгуль Нуржанова"] == (0, 2)
    sag = [n for n in rows if "Сагындыков" in n]
    assert len(sag) == 1 and rows[sag[0]] == (2, 0)


def test_sides(pair):
    _, _, c = pair
    assert (c.a.label, c.b.label) == ("transport", "climate")
    assert c.a.documents == ["transport.txt"]
    assert 80 < c.a.words < 110 and 80 < c.b.words < 110


def test_a_speech_against_itself():
    a = analyze(CLIMATE, OPTIONS)
    c = compare(a, a)
    assert c.keywords_a == c.keywords_b == []
    assert c.figures_a == c.figures_b == []
    assert c.shared_figures == len(a.figures) == 5
    assert all(t.difference == 0 for t in c.themes)


@pytest.mark.parametrize("x, y, same", [
    # one figure however it is written
    (Figure(0, "65%", 0, 3, 65, "%", "percent"), Figure(0, "65 процентов", 0, 12, 65.0, "%", "percent"), True),
    # the unit tells them apart
    (Figure(0, "65%", 0, 3, 65, "%", "percent"), Figure(0, "65 тонн", 0, 7, 65, "тонна", "quantity"), False),
    # ranges by their bounds
    (Figure(0, "3–5%", 0, 4, None, "%", "range", low=3, high=5),
     Figure(0, "от 3 до 5 процентов", 0, 19, None, "%", "range", low=3.0, high=5.0), True),
])
def test_figure_key(x, y, same):
    assert (figure_key(x) == figure_key(y)) is same


def test_pooled_shares_weigh_by_words():
    t = analyze(TRANSPORT, OPTIONS)
    f = analyze(FINANCE, OPTIONS)
    one = pooled_shares([t])
    assert one == {th.id: th.share for th in t.themes}
    both = pooled_shares([t, f])
    assert both["transport"] < one["transport"]
    assert both["finance"] > 0
    assert sum(both.values()) == pytest.approx(sum(one.values()), abs=0.02)


def write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def test_json_of_two_files(tmp_path, capsys):
    a = write(tmp_path, "transport.txt", TRANSPORT)
    b = write(tmp_path, "climate.txt", CLIMATE)
    run_compare(a, b, as_json=True, top=5)
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"a", "b", "themes", "keywords", "figures", "speakers"}
    assert out["a"]["label"] == "transport.txt"
    assert out["keywords"]["a"][0]["lemma"] == "порт"
    assert {k["lemma"] for k in out["keywords"]["b"]} >= {"выброс", "климат"}
    assert out["figures"]["shared"] == 2
    assert [f["text"] for f in out["figures"]["only_b"]] == ["1,5 градуса по Цельсию", "15%", "2030 году"]
    assert "Айгуль Нуржанова" in json.dumps(out, ensure_ascii=False)


def test_folder_against_file(tmp_path, capsys):
    write(tmp_path / "econ", "transport.txt", TRANSPORT)
    write(tmp_path / "econ", "finance.txt", FINANCE)
    b = write(tmp_path, "climate.txt", CLIMATE)
    run_compare(str(tmp_path / "econ"), b, as_json=True)
    out = json.loads(capsys.readouterr().out)
    assert [d.rsplit("/", 1)[-1] for d in out["a"]["documents"]] == ["finance.txt", "transport.txt"]
    shares = {t["id"]: t for t in out["themes"]}
    assert shares["finance"]["share_a"] > 0.2 and shares["finance"]["share_b"] == 0
    only_a = [f["text"] for f in out["figures"]["only_a"]]
    assert "до 8%" in only_a and "14,25%" in only_a and "3 млн тонн" in only_a
    assert out["figures"]["shared"] == 2  # 65% and 2 млрд долларов


def test_table(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    a = write(tmp_path, "transport.txt", TRANSPORT)
    b = write(tmp_path, "climate.txt", CLIMATE)
    run_compare(a, b)
    out = capsys.readouterr().out
    assert "A transport.txt" in out and "B climate.txt" in out
    assert "Транспорт " in out and "Транспорт и логистика" not in out and "+79 pp" in out
    assert "Words distinctive of A (transport.txt)" in out
    assert "Figures only in B" in out and "1,5 градуса по Цельсию" in out


def test_errors(tmp_path):
    a = write(tmp_path, "a.txt", TRANSPORT)
    with pytest.raises(SpeechkitError, match="missing.txt") as err:
        run_compare(a, str(tmp_path / "missing.txt"))
    assert err.value.exit_code == ExitCode.INPUT
    with pytest.raises(UsageError):
        run_compare(a, a, top=0)
