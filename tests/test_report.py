"""The HTML report: valid, self-contained, escaped, coloured by theme, and what Chromium draws of it."""

import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from speechkit.commands.report_cmd import PartialFailure, page_name, run_report
from speechkit.errors import UsageError
from speechkit.pipeline import analyze
from speechkit.report import palette, render_page
from speechkit.source import read_seed
from speechkit.themes import load_lexicon

ROOT = Path(__file__).resolve().parents[1]
SEED = str(ROOT / "seeds" / "tokayev-ots-shusha-2024.txt")
NS = "{http://www.w3.org/1999/xhtml}"

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
    assert "@import" not in page and "url(" not in page


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
    labels = [li.findall(NS + "span")[1].text for li in legend if li.findall(NS + "span")[1:]]
    assert labels == [t.label for t in load_lexicon().themes.values()]
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
    svg = doc.find(f".//{NS}aside//{{http://www.w3.org/2000/svg}}svg")
    assert svg is not None
    bars = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    fills = [r.get("fill") for r in bars]
    pal = palette()
    assert fills[: len(a.themes)] == [pal.colour(t.id) for t in a.themes]
    assert "Сотрудничество, культура и гуманитарные связи: 27" in "".join(svg.itertext())
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
    assert len(list(cards.iter("{http://www.w3.org/2000/svg}svg"))) == 3
    assert "by date" in index
    page = (site / "early.html").read_text("utf-8")
    parse(page)
    assert 'href="index.html"' in page and "<h1 lang=\"ru\">Раннее выступление</h1>" in page


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


def test_chromium_renders_the_report(seed, tmp_path):
    shot = _screenshot_module()
    if shot.find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    _, page = seed
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    png = tmp_path / "report.png"
    shot.screenshot(html, png)
    width, height, _, rows = shot.read_png(png)
    assert (width, height) == (1200, 1600)
    counts = shot.colours(png, step=2)
    white = counts.get("#ffffff", 0)
    total = sum(counts.values())
    assert white < 0.9 * total, "the screenshot is (nearly) blank"
    assert len(counts) > 100, "too few colours: text and tints were not drawn"
    # every theme's colour is drawn (the bar chart at the top right, the paragraph bars)
    for tid, colour in palette().colours.items():
        assert _near(colour, counts) >= 50, f"{tid} ({colour}) not in the screenshot"
