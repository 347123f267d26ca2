"""The dashboard in a real headless Chromium, used as a person would, against ``infraledger serve``.

Screenshots of the main pages go to ``INFRALEDGER_SCREENSHOTS`` when set (the README's pictures),
else to a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from browsers import MARKS

from .conftest import AUDITED
from .test_serve_cli import start_server

pytestmark = MARKS


@pytest.fixture
def site(ledger_copy):
    path, tokens = ledger_copy
    proc, url = start_server(path, "--writes")
    yield url, tokens
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("INFRALEDGER_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(browser, url: str):
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
    return page, errors, outside


def test_a_person_finds_a_deal_reviews_it_and_sees_both_versions(browser, site, shots):
    url, tokens = site
    page, errors, outside = _page(browser, url)
    page.goto(url + "/")
    assert page.locator("h1").inner_text() == "What the ledger holds"
    page.screenshot(path=str(shots / "overview.png"), full_page=True)

    # the deals table, filtered to contracts
    page.click("text=Deals")
    page.check('input[name="type"][value="commercial_contract"]')
    page.click('form#filters button[type="submit"]')
    types = page.locator("table.deals tbody tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"commercial_contract"}
    page.screenshot(path=str(shots / "deals.png"), full_page=True)

    # a company's page, then a source with its evidence highlighted
    page.click("table.deals tbody tr >> nth=0 >> td:nth-child(3) a")
    assert page.locator("h2", has_text="Timeline").count() == 1
    page.screenshot(path=str(shots / "company.png"), full_page=True)
    sources = httpx.get(url + "/api/v1/sources", params={"limit": 500}).json()["items"]
    details = (httpx.get(f"{url}/api/v1/sources/{s['id']}").json() for s in sources if s["kind"] == "article")
    article = next(d["source"] for d in details if d["text"] and d["highlights"])
    page.goto(f"{url}/sources/{article['id']}")
    assert page.locator("#doc mark.ev").count() >= 1
    page.screenshot(path=str(shots / "source.png"), full_page=True)

    # sign in, review the least confident fact with the keyboard
    page.goto(url + "/login")
    page.fill('input[name="token"]', tokens["reviewer"])
    page.click('form.login button')
    assert page.url.endswith("/review")
    first = httpx.get(url + "/api/v1/review/queue", params={"limit": 1}).json()
    before_total, fact = first["paging"]["total"], first["items"][0]
    recorded_before = httpx.get(url + "/api/v1/overview").json()
    page.screenshot(path=str(shots / "review.png"), full_page=True)
    page.fill('#fields input[name="amount"]', "$2.5 billion")
    page.keyboard.press("Escape")  # leave the field, so keys act on the page
    with page.expect_navigation():
        page.keyboard.press("c")
    after = httpx.get(url + "/api/v1/review/queue", params={"limit": 1}).json()
    assert after["paging"]["total"] == before_total - 1
    # the correction and the machine's version on the company's timeline
    new = httpx.get(url + "/api/v1/facts", params={"limit": 500, "source_id": fact["source_id"]}).json()["items"]
    corrected = next(f for f in new if f["supersedes"] == fact["id"])
    assert corrected["amount"]["amount"] == "2500000000" and corrected["subject"] == fact["subject"]
    page.goto(f"{url}/companies/{fact['subject_id']}")
    assert page.locator(f'tr[id="{fact["id"]}"] .badge', has_text="corrected").count() == 1
    # the day before, the ledger read as it did
    last = max(f["recorded_at"] for f in recorded_before["latest"])
    past = httpx.get(url + "/api/v1/review/queue", params={"limit": 1, "as_of": last}).json()
    assert past["paging"]["total"] == before_total

    # keyboard accept of the next one
    page.goto(url + "/review")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert httpx.get(url + "/api/v1/review/queue").json()["paging"]["total"] == before_total - 2

    # audit a pasted text
    page.goto(url + "/audit")
    page.fill('textarea[name="text"]', AUDITED)
    page.click("form.audit button")
    assert page.locator("a.claim").count() >= 1
    page.screenshot(path=str(shots / "audit.png"), full_page=True)
    page.goto(url + "/analyses?as_of=2026-03-30")
    page.frame_locator("iframe.report").locator("svg").first.wait_for()
    page.screenshot(path=str(shots / "analyses.png"))
    assert errors == []
    assert outside == []  # works offline: every request went to the server


def test_script_payloads_in_a_source_never_run(browser, site):
    url, _tokens = site
    page, errors, _outside = _page(browser, url)
    sources = httpx.get(url + "/api/v1/sources", params={"limit": 500}).json()["items"]
    hostile = next(s for s in sources if "Zentrix" in s["title"])
    for path in (f"/sources/{hostile['id']}", "/deals?company=Zentrix", "/", "/review"):
        page.goto(url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
    page.goto(f"{url}/sources/{hostile['id']}")
    assert page.locator("h1").inner_text().count("<script>") == 1  # the payload is shown as text
    assert errors == []
