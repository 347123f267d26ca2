"""The report in a real headless Chromium: it renders without console errors, charts have size, phones fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from browsers import MARKS
from infraledger.render import build_report

from .conftest import ARTICLE_SOURCE

pytestmark = MARKS


@pytest.fixture(scope="module")
def report_file(sample_ledger, article_text, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(build_report(sample_ledger.snapshot("2026-03-30"), as_of="2026-03-30",
                                 source_texts={ARTICLE_SOURCE: article_text}), encoding="utf-8")
    return path


def _open(browser, path: Path, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def test_report_renders_charts_without_errors_or_network(browser, report_file, tmp_path):
    page, errors, requests = _open(browser, report_file, 1200, 900)
    shot = tmp_path / "desktop.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    assert errors == []
    assert all(url.startswith("file://") for url in requests)  # works offline: nothing fetched
    charts = page.query_selector_all("svg.chart")
    assert len(charts) == 5
    for chart in charts:
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 50
        assert chart.query_selector("text, path, use")  # drawn, not an empty frame
    # footnote links resolve to notes in the page
    first_ref = page.query_selector("sup.refs a")
    target = first_ref.get_attribute("href")
    assert page.query_selector(target) is not None


def test_report_fits_a_phone_and_prints(browser, report_file, tmp_path):
    page, errors, _ = _open(browser, report_file, 390, 844)
    page.screenshot(path=str(tmp_path / "phone.png"))
    assert errors == []
    # the page itself does not scroll sideways; wide tables scroll inside their wrappers
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    for chart in page.query_selector_all("svg.chart"):
        assert chart.bounding_box()["width"] <= 390
    pdf = tmp_path / "report.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf))
    assert pdf.read_bytes()[:4] == b"%PDF" and pdf.stat().st_size > 20_000


# A4 (210 mm = 794 CSS px) less Chromium's default print margins: the width charts get on paper.
PRINT_WIDTH = 718
# Every chart text's size on paper, in CSS px (the screen CTM scales the SVG's own units).
_TEXT_SIZES = """svg => [...svg.querySelectorAll('text')].map(t => {
    const m = t.getScreenCTM();
    return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)]; })"""
# Each stack-map label and whether some box of the map contains it.
_LABELS_IN_BOXES = """svg => {
    const boxes = [...svg.querySelectorAll('[id="stack-boxes"] path')].map(p => p.getBoundingClientRect());
    return [...svg.querySelectorAll('[id^="stack-label-"] text')].map(t => {
        const r = t.getBoundingClientRect();
        return [t.textContent, boxes.some(b => b.left <= r.left && r.right <= b.right && b.top <= r.top && r.bottom <= b.bottom)];
    }); }"""


def _printed(browser, path: Path):
    page = browser.new_page(viewport={"width": PRINT_WIDTH, "height": 1100})
    page.emulate_media(media="print")
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


def test_every_chart_label_is_legible_at_print_size(browser, report_file, tmp_path):
    page = _printed(browser, report_file)
    page.query_selector("#chart-mna").screenshot(path=str(tmp_path / "mna.png"))
    sizes = [s for chart in page.query_selector_all("svg.chart") for s in chart.evaluate(_TEXT_SIZES)]
    assert len(sizes) > 50
    eight_points = 8 * 96 / 72
    assert [(text, round(px, 1)) for text, px in sizes if px < eight_points] == []


def test_stack_map_labels_stay_inside_their_boxes(browser, report_file, tmp_path):
    from infraledger.render.charts import stack_map_chart

    wide = {"security": [("Wwwwww Mmmmmm Holdings", False), ("International Widgets Corporation", True),
                         ("MMMM WWWW", False), ("Palo Alto Networks", False), ("Zscaler", False)],
            "compute_orchestration": [("CAST AI", False)]}
    page_file = tmp_path / "stack.html"
    page_file.write_text("<!DOCTYPE html><style>svg.chart { width: 100%; height: auto; max-width: 46rem; }</style>"
                         + stack_map_chart(wide), encoding="utf-8")
    for path in (report_file, page_file):
        page = _printed(browser, path)
        chart = page.query_selector("#chart-stack")
        chart.screenshot(path=str(tmp_path / f"{path.stem}-stack.png"))
        labels = chart.evaluate(_LABELS_IN_BOXES)
        assert len(labels) >= (20 if path == report_file else 2)  # long names that do not fit are counted
        assert [text for text, inside in labels if not inside] == []
    assert "+4 more" in page.content()
