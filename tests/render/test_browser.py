"""The report in a real headless Chromium: it renders without console errors, charts have size, phones fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from infraledger.render import build_report

from .conftest import ARTICLE_SOURCE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")]


@pytest.fixture(scope="module")
def report_file(sample_ledger, article_text, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(build_report(sample_ledger.snapshot("2026-03-30"), as_of="2026-03-30",
                                 source_texts={ARTICLE_SOURCE: article_text}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


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
