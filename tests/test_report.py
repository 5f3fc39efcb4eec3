"""The HTML report: valid, self-contained, escaped, coloured by theme, and what Chromium draws of it."""

import errno
import importlib.util
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from speechkit.commands.report_cmd import PartialFailure, page_name, run_report
from speechkit.errors import InputError, UsageError
from speechkit.pipeline import Options, analyze
from speechkit.report import palette, render_page
from speechkit.source import read_seed
from speechkit.themes import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "seeds" / "tokayev-ots-shusha-2024.txt")
NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = """Заявление <script>alert(1)</script> & «ошибка»

«Мы построим порт за 2 млрд долларов и <u>удвоим</u> грузоперевозки по маршруту "Север — Юг" & 'Запад'», \
— заявил министр транспорта Иван Петров.

Петров добавил: <img src=x onerror=alert(2)> и </p></div> — не разметка.
"""


def parse(page: str) -> ET.Element:
    """The page parsed by html5lib in strict mode: any parse error fails the test."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def elements(doc: ET.Element, tag: str) -> list[ET.Element]:
    return list(doc.iter(NS + tag))


def classes(el: ET.Element) -> set[str]:
    return set((el.get("class") or "").split())


@pytest.fixture(scope="module")
def seed():
    doc = read_seed()
    a = analyze(doc.text, name=doc.name)
    return a, render_page(a)


# ---------------------------------------------------------------- valid and self-contained
def test_seed_page_parses_cleanly(seed):
    _, page = seed
    doc = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert elements(doc, "title")[0].text.startswith("Президент Казахстана")


def test_self_contained(seed):
    _, page = seed
    doc = parse(page)
    assert not elements(doc, "script") and not elements(doc, "link") and not elements(doc, "img")
    for el in doc.iter():
        for attr in ("src", "href"):
            value = el.get(attr) or ""
            assert not re.match(r"(https?:)?//", value), (el.tag, value)
    assert "@import" not in page
    # url() only points into the page itself: the fill patterns of the bars
    assert re.findall(r"url\(([^)]*)\)", page) and all(u.startswith("#p-t") for u in re.findall(r"url\(([^)]*)\)", page))


def test_responsive_and_printable(seed):
    _, page = seed
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    assert "@media print" in page and "@media (min-width:" in page


# ---------------------------------------------------------------- escaping
def test_markup_in_the_input_stays_text():
    a = analyze(HOSTILE, name="<evil>.txt")
    page = render_page(a)
    doc = parse(page)
    assert not elements(doc, "script") and not elements(doc, "img") and not elements(doc, "u")
    assert "<script>" not in page and "<img" not in page and "<u>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&quot;Север — Юг&quot; &amp; &#x27;Запад&#x27;" in page
    assert "&lt;evil&gt;.txt" in page
    # the title is the text of the first line, as text
    assert elements(doc, "title")[0].text == "Заявление <script>alert(1)</script> & «ошибка»"


def speech_text(doc: ET.Element) -> str:
    """The text of the speech as the page shows it, without the speaker badges and footnote marks."""
    (main,) = [m for m in elements(doc, "main")]
    parts = []
    for p in main.iter(NS + "p"):
        if "tailnote" in classes(p):
            continue
        parts.append(_text(p))
    return "\n".join(parts)


def _text(el: ET.Element) -> str:
    out = [el.text or ""]
    for child in el:
        if not ({"who", "fn"} & classes(child)):
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


@pytest.mark.parametrize("name", ["seed", "hostile"])
def test_the_speech_is_shown_as_written(seed, name):
    if name == "seed":
        a, page = seed
    else:
        a = analyze(HOSTILE)
        page = render_page(a)
    lines = [line.strip() for line in a.text.splitlines() if line.strip()]
    assert speech_text(parse(page)) == "\n".join(lines)


# ---------------------------------------------------------------- what it marks
def test_theme_colours_and_legend(seed):
    a, page = seed
    pal = palette()
    for tid, colour in pal.colours.items():
        assert colour in page
    assert pal.colours["transport"] == "#0fa3b1" and pal.colours["security"] == "#d63a3a"
    doc = parse(page)
    legend = [el for el in elements(doc, "ul") if "legend" in classes(el)][0]
    labels = [li.find(NS + "span").text for li in legend]
    assert labels == [t.label for t in load_lexicon().themes.values()] + ["no theme"]
    # every themed segment is tinted with its theme's class
    spans = [el for el in elements(doc, "span") if "seg" in classes(el)]
    used = {c for el in spans for c in classes(el) if re.fullmatch(r"t\d+", c)}
    assert used == {pal.css_class(s.theme) for s in a.segments if s.theme}


def test_speaker_named_at_each_quote(seed):
    a, page = seed
    doc = parse(page)
    badges = [el for el in elements(doc, "span") if "who" in classes(el)]
    quotes = [s for s in a.segments if s.kind in ("quote", "turn")]
    assert len(badges) == len(quotes) == 7
    assert {b.text for b in badges} == {"Касым-Жомарт Токаев"}


def test_figures_marked_with_value_unit_qualifier(seed):
    a, page = seed
    doc = parse(page)
    marks = [el for el in elements(doc, "mark") if "fig" in classes(el)]
    assert [m.text for m in marks] == [f.text for f in sorted(a.figures, key=lambda f: f.start)]
    titles = {m.text: m.get("title") for m in marks}
    assert titles["около 40 мероприятий"] == "40 мероприятие · около · count"
    assert titles["почти 3 млн тонн"] == "3\u202f000\u202f000 тонна · почти · quantity"
    assert titles["1,5 градуса по Цельсию"] == "1,5 °C · temperature"
    # footnote n links to row n of the figures table and back
    rows = [tr for tr in elements(doc, "tr") if (tr.get("id") or "").startswith("fig-")]
    assert len(rows) == len(marks) == 10
    refs = [a_.get("id") for a_ in elements(doc, "a") if (a_.get("id") or "").startswith("ref-")]
    assert refs == [f"ref-{n}" for n in range(1, 11)]


def test_boilerplate_greyed_out(seed):
    a, page = seed
    doc = parse(page)
    tail = [p for p in elements(doc, "p") if "tail" in classes(p)]
    assert tail and "Причину сибирской язвы" in "".join(_text(p) for p in tail)
    assert all(not any("seg" in classes(s) for s in p.iter(NS + "span")) for p in tail)
    assert "Page tail: not analysed" in page


def test_chart_summary_words(seed):
    a, page = seed
    doc = parse(page)
    chart = doc.find(f".//{NS}aside//{NS}figure")
    assert chart is not None and "bars" in classes(chart)
    rows = chart.findall(f".//{NS}li")
    pal = palette()
    fills = [li.find(f".//{SVG}rect").get("fill") for li in rows]
    assert fills[: len(a.themes)] == [f"url(#p-{pal.css_class(t.id)})" for t in a.themes]
    texts = ["|".join(t.strip() for t in li.itertext() if t.strip()) for li in rows]
    assert texts[0] == "Сотрудничество, культура и гуманитарные связи|27\u202f%"
    assert texts[-1].startswith("no theme|")
    summary = [ol for ol in elements(doc, "ol") if "summary" in classes(ol)][0]
    assert len(summary) == len(a.summary) == 4
    text = "".join(doc.find(f".//{NS}aside").itertext())
    assert "тюркский" in text and "искусственный интеллект" in text
    assert "Distinctive" in text


# ---------------------------------------------------------------- the command
def test_single_page_written_atomically(tmp_path):
    out = tmp_path / "report.html"
    run_report([SEED], str(out))
    page = out.read_text("utf-8")
    parse(page)
    assert "Касым-Жомарт Токаев" in page
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_folder_report_with_dates(tmp_path):
    docs = [
        {"id": "late", "date": "2024-09-01", "title": "Позднее выступление",
         "text": "Министр Иван Петров заявил: «Порт Актау растёт, грузоперевозки выросли на 10%»."},
        {"id": "nodate", "title": "Без даты", "text": "«Климат меняется, жара растёт», — заявил Иван Петров."},
        {"id": "early", "date": "06.07.2024", "title": "Раннее выступление",
         "text": "«Изменение климата опасно: засухи и наводнения», — сказал министр Иван Петров."},
    ]
    src = tmp_path / "speeches.jsonl"
    src.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
    site = tmp_path / "site"
    run_report([str(src)], str(site) + "/", jsonl=True, id_field="id")
    assert sorted(p.name for p in site.iterdir()) == ["early.html", "index.html", "late.html", "nodate.html"]
    index = (site / "index.html").read_text("utf-8")
    doc = parse(index)
    cards = [el for el in elements(doc, "ul") if "cards" in classes(el)][0]
    hrefs = [li.find(f".//{NS}a").get("href") for li in cards]
    assert hrefs == ["early.html", "late.html", "nodate.html"]  # by date, undated last
    assert [len(li.findall(f".//{NS}figure")) for li in cards] == [1, 1, 1]
    assert "by date" in index
    page = (site / "early.html").read_text("utf-8")
    parse(page)
    assert 'href="index.html"' in page and "<h1>Раннее выступление</h1>" in page


def test_folder_report_keeps_input_order_without_dates(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text("«Порт Актау растёт», — заявил Иван Петров.", encoding="utf-8")
    (folder / "a.txt").write_text("«Климат меняется», — заявил Иван Петров.", encoding="utf-8")
    run_report([str(folder)], str(tmp_path / "site"))
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert index.index('href="a.html"') < index.index('href="b.html"')  # iter_documents' sorted order
    assert "in input order" in index


def test_folder_report_with_a_broken_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("«Порт Актау растёт», — заявил Иван Петров.", encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(PartialFailure, match="1 of 2 documents left out"):
        run_report([str(folder)], str(tmp_path / "site"))
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Not included" in index and "empty.txt" in index and 'href="good.html"' in index


def test_several_documents_need_a_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in "ab":
        (folder / f"{n}.txt").write_text("«Порт растёт», — заявил Иван Петров.", encoding="utf-8")
    with pytest.raises(UsageError, match="give a folder"):
        run_report([str(folder)], str(tmp_path / "out.html"))


def test_page_names_are_unique():
    used = {"index"}
    assert page_name("a/index.txt", used) == "index-2.html"
    assert page_name("b/речь.txt", used) == "речь.html"
    assert page_name("c/речь.txt", used) == "речь-2.html"
    assert page_name("../../etc/passwd", used) == "passwd.html"


# ---------------------------------------------------------------- what Chromium draws
def _screenshot_module():
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "bench" / "screenshot.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _near(colour: str, counts, tolerance: int = 3) -> int:
    want = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    total = 0
    for got, n in counts.items():
        rgb = [int(got[i : i + 2], 16) for i in (1, 3, 5)]
        if all(abs(x - y) <= tolerance for x, y in zip(rgb, want)):
            total += n
    return total


@pytest.fixture(scope="module")
def shot():
    mod = _screenshot_module()
    if mod.find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return mod


@pytest.fixture(scope="module")
def stress_site(tmp_path_factory):
    """A folder report made to overflow: unbroken long words in titles, names and text, many themes."""
    root = tmp_path_factory.mktemp("stress")
    folder = root / ("папка-с-очень-длинным-именем-" * 4).rstrip("-")
    folder.mkdir()
    word = "Сверхдлинноеназваниебезединогопробела" * 4
    (folder / f"{word[:100]}.txt").write_text(
        f"{word}\n\n«Порт Актау растёт, грузоперевозки выросли на 10%», — заявил министр {word} Иван Петров.\n"
        f"Ссылка: https://example.org/{'очень/длинный/путь/' * 12}\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Климат и засуха\n\n«Изменение климата опасно: засухи и наводнения», — сказал министр Иван Петров. "
        "Инфляция составила 7,5 %, а бюджет — 2 млрд тенге.\n", encoding="utf-8")
    (folder / "c.txt").write_text(SEED_TEXT, encoding="utf-8")
    site = root / "site"
    run_report([str(folder)], str(site))
    return site


SEED_TEXT = Path(SEED).read_text("utf-8")


@pytest.mark.parametrize("width", [1400, 390])
def test_chromium_screenshots(seed, tmp_path, shot, width):
    _, page = seed
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    png = tmp_path / "report.png"
    shot.screenshot(html, png, window=(width, 1600))
    w, h, _, _ = shot.read_png(png)
    assert (w, h) == (width, 1600)
    counts = shot.colours(png, step=2)
    white = counts.get("#ffffff", 0)
    total = sum(counts.values())
    assert white < 0.9 * total, "the screenshot is (nearly) blank"
    assert len(counts) > 100, "too few colours: text and tints were not drawn"
    if width == 1400:
        # every theme's colour is drawn (the bars at the top right, the paragraph bars)
        for tid, colour in palette().colours.items():
            assert _near(colour, counts) >= 50, f"{tid} ({colour}) not in the screenshot"


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("page", ["index.html", "doc"])
def test_nothing_overflows_its_card_or_the_window(stress_site, shot, width, page):
    html = stress_site / page if page == "index.html" else next(
        p for p in stress_site.glob("*.html") if p.name.startswith("Сверх"))
    found = shot.overflow(html, width)
    assert found["width"] == width  # laid out at the width asked, not Chromium's smallest window
    if page == "index.html":
        assert found["cards"] == 3
    assert found["overflow"] == []


def test_the_overflow_probe_sees_a_long_word(tmp_path, shot):
    # the probe itself: an unbreakable word in a card and in a heading is caught
    html = tmp_path / "wide.html"
    html.write_text('<!DOCTYPE html><html lang="ru"><body style="margin:0"><ul class="cards"><li style="width:200px">'
                    + "<h3>" + "а" * 200 + "</h3></li></ul></body></html>", encoding="utf-8")
    found = shot.overflow(html, 390)
    assert {o["card"] for o in found["overflow"]} >= {"(own box)", "(window)"}
    assert any(o["card"].startswith("li") for o in found["overflow"])


# ---------------------------------------------------------------- the index and the page (issue 13)
def test_index_cards_are_titled_by_the_document(stress_site):
    doc = parse((stress_site / "index.html").read_text("utf-8"))
    cards = [el for el in elements(doc, "ul") if "cards" in classes(el)][0]
    titles = ["".join(li.find(NS + "h3").itertext()) for li in cards]
    assert titles[:2] == ["Климат и засуха", "Президент Казахстана Касым-Жомарт Токаев принял участие в неформальном "
                                             "саммите Организации тюркских государств"]
    assert titles[2].startswith("Сверхдлинноеназвание") and titles[2].endswith("…") and len(titles[2]) <= 121
    # the file's name (not its path) in the line of facts, the whole name on hover
    metas = [li.find(NS + "p") for li in cards]
    files = [m.find(f"{NS}span").text for m in metas]
    assert files[:2] == ["b.txt", "c.txt"] and files[2].startswith("Сверхдлинноеназвание")
    assert all("/" not in t for t in titles + files)
    assert metas[0].find(f"{NS}span").get("title").endswith("/b.txt")


def test_a_title_is_the_first_line_never_the_path():
    a = analyze("«Мы построим порт», — заявил министр Иван Петров, " + "выступая на форуме " * 20, name="/abs/path/x.txt")
    page = render_page(a)
    h1 = elements(parse(page), "h1")[0].text
    assert h1.startswith("«Мы построим порт», — заявил министр") and h1.endswith("…") and "/abs" not in h1
    assert len(h1) <= 121


def test_document_page_h1_is_the_title_and_the_file_goes_in_the_facts(seed):
    _, page = seed
    doc = parse(page)
    assert elements(doc, "h1")[0].text.startswith("Президент Казахстана Касым-Жомарт Токаев принял участие")
    meta = [p for p in elements(doc, "p") if "meta" in classes(p)][0]
    assert meta.find(NS + "span").text == "tokayev-ots-shusha-2024.txt"


def test_pages_are_russian_with_english_chrome(seed, stress_site):
    _, page = seed
    for html in (page, (stress_site / "index.html").read_text("utf-8")):
        doc = parse(html)
        assert doc.get("lang") == "ru"
        assert all(h.get("lang") == "en" for h in elements(doc, "h2"))
        assert elements(doc, "footer")[0].get("lang") == "en"


def test_bars_carry_labels_and_patterns_not_colour_alone(seed, stress_site):
    _, page = seed
    index = (stress_site / "index.html").read_text("utf-8")
    pal = palette()
    for html in (page, index):
        doc = parse(html)
        defined = {pat.get("id") for pat in doc.iter(f"{SVG}pattern")}
        assert defined == {f"p-{pal.css_class(t)}" for t in [*pal.colours, None]}
        for fig in elements(doc, "figure"):
            for li in fig.findall(f".//{NS}li"):
                label, value = li.find(f"{NS}span").text, li.findall(f"{NS}span")[-1].text
                assert label and value.endswith("%"), (label, value)
                assert li.find(f".//{SVG}rect").get("fill") == f"url(#p-{li.get('class')})"
        # the legend shows the same patterns
        legend = [el for el in elements(doc, "ul") if "legend" in classes(el)][0]
        assert [li.find(f".//{SVG}rect").get("fill") for li in legend] == \
            [f"url(#p-{pal.css_class(t)})" for t in [*pal.colours, None]]
    # no two themes look alike: colour and pattern differ pairwise
    looks = [(pal.colour(t), pal.pattern(t)) for t in pal.colours]
    assert len({c for c, _ in looks}) == len(looks) and len({k for _, k in looks}) == len(looks)
    # the index table names its theme columns in words
    heads = [th for th in elements(parse(index), "th") if "theme" in classes(th)]
    assert ["".join(th.itertext()) for th in heads] == [pal.label(t) for t in pal.colours]


def test_narrative_has_no_speaker(seed):
    a, page = seed
    assert "reporter" not in page
    doc = parse(page)
    summary = [ol for ol in elements(doc, "ol") if "summary" in classes(ol)][0]
    by = [li.find(f"{NS}span").text for li in summary]
    assert [s.speaker for s in a.summary][0] is None and by[0] == pal_label(a.summary[0].theme)


def pal_label(theme):
    return palette().label(theme)


# ---------------------------------------------------------------- hostile characters (issue 16)
CONTROL = "Заголовок\x00 с нулём\n\n«Рост\x01 на\x0b 5%\x7f и\x85 ещё\ufdd0 \U0010ffff», — заявил министр Иван Петров.\n"


def test_control_characters_never_reach_the_page():
    page = render_page(analyze(CONTROL, name="ctl\x00.txt"))
    parse(page)  # strict: html5lib raises on invalid-codepoint
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0\U0010ffff]", page)
    assert "Рост\ufffd на\ufffd 5%" in page


def test_a_lone_surrogate_from_json_lines_is_written(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x", "text": "Порт растёт\\ud800 быстро. «Мы справимся», — заявил министр Иван Петров."}\n',
                   encoding="utf-8")
    out = tmp_path / "x.html"
    run_report([str(src)], str(out), jsonl=True, id_field="id")
    page = out.read_text("utf-8")
    parse(page)
    assert "растёт\ufffd быстро" in page


def test_bidi_overrides_in_a_quote_are_neutralised():
    text = "«Мы \u202eьлетедзилос\u202c поддержим \u2067тест\u2069 проект», — заявил министр Иван Петров."
    page = render_page(analyze(text))
    parse(page)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", page)
    assert "\ufffdьлетедзилос\ufffd поддержим \ufffdтест\ufffd" in page


def test_sixteen_themes_have_sixteen_looks(tmp_path):
    lexicon = tmp_path / "many.toml"
    words = ["порт", "климат", "банк", "школа", "больница", "дорога", "армия", "театр", "музей", "спорт",
             "налог", "нефть", "газ", "зерно", "туризм", "космос"]
    lexicon.write_text("".join(f'[themes.t{i}]\nlabel = "Тема {i}"\n[themes.t{i}.lemmas]\n"{w}" = 2.0\n'
                               f'[themes.t{i}.phrases]\n"{w} страна" = 3.0\n' for i, w in enumerate(words)),
                       encoding="utf-8")
    pal = palette(str(lexicon))
    assert len(pal.colours) == 16 and len(set(pal.colours.values())) == 16
    assert len({(pal.colour(t), pal.pattern(t)) for t in pal.colours}) == 16
    text = "«" + ", ".join(words) + " — всё важно», — заявил министр Иван Петров."
    page = render_page(analyze(text, Options(lexicon=str(lexicon))), lexicon=str(lexicon))
    parse(page)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, w in enumerate(words[:3]):
        (folder / f"{i}.txt").write_text(f"«Главное — {w} и {w}», — заявил министр Иван Петров.", encoding="utf-8")
    run_report([str(folder)], str(tmp_path / "site"), lexicon=str(lexicon))
    parse((tmp_path / "site" / "index.html").read_text("utf-8"))


# ---------------------------------------------------------------- where it writes (issues 13, 16)
def test_an_existing_file_that_is_no_report_is_not_overwritten(tmp_path):
    notes = tmp_path / "report.html"
    notes.write_text("<p>my own notes</p>", encoding="utf-8")
    with pytest.raises(UsageError, match="not a speechkit report; give --force"):
        run_report([SEED], str(notes))
    assert notes.read_text("utf-8") == "<p>my own notes</p>"
    assert run_report([SEED], str(notes), force=True) == f"wrote {notes}"
    assert run_report([SEED], str(notes)) == f"wrote {notes}"  # a speechkit report may be replaced
    assert '<meta name="generator" content="speechkit ' in notes.read_text("utf-8")


def test_a_folder_report_keeps_foreign_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in "ab":
        (folder / f"{n}.txt").write_text("«Порт растёт», — заявил Иван Петров.", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("hand-made index", encoding="utf-8")
    with pytest.raises(UsageError, match="index.html: exists and is not a speechkit report"):
        run_report([str(folder)], str(site))
    assert (site / "index.html").read_text("utf-8") == "hand-made index"
    assert run_report([str(folder)], str(site), force=True) == f"wrote {site / 'index.html'} and 2 pages"


def test_the_command_says_where_it_wrote(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from speechkit.cli import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["report", SEED])
    assert result.exit_code == 0, result.output
    assert "wrote report.html" in result.stderr
    (tmp_path / "report.html").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", SEED])
    assert result.exit_code == 2 and "--force" in result.stderr
    result = CliRunner().invoke(app, ["report", SEED, "--force"])
    assert result.exit_code == 0 and "wrote report.html" in result.stderr


def test_a_non_file_is_never_replaced(tmp_path):
    os = pytest.importorskip("os")
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="not a regular file"):
        run_report([SEED], str(fifo), force=True)


@pytest.mark.parametrize("errno_", [errno.EROFS, errno.EACCES])
def test_an_unwritable_place_is_an_input_error(tmp_path, monkeypatch, errno_):
    # a read-only file system or a folder without permission: exit 3 with the path and the reason
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(errno_, os.strerror(errno_))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'r.html'}: cannot write ({os.strerror(errno_)})")) as exc:
        run_report([SEED], str(tmp_path / "r.html"))
    assert exc.value.exit_code == 3
    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'site'}: cannot create the folder")):
        run_report([SEED, str(ROOT / "tests" / "cases")], str(tmp_path / "site") + "/")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into any folder")
def test_an_unwritable_folder_for_real(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(InputError, match="Permission denied"):
            run_report([SEED], str(locked / "r.html"))
        with pytest.raises(InputError, match="cannot create the folder"):
            run_report([SEED, str(ROOT / "tests" / "cases")], str(locked / "site") + "/")
    finally:
        locked.chmod(0o755)
