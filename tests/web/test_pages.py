"""The dashboard's pages, in process: each renders what the API gives, with links between them."""

from __future__ import annotations

import re

from .conftest import AUDITED


def test_overview_page_links_to_the_rest(client):
    html = client.get("/").text
    for href in ('href="/deals"', 'href="/conflicts"', 'href="/review"', 'href="/analyses"', 'href="/audit"'):
        assert href in html
    assert "facts" in html and "Latest additions" in html


def test_deals_page_filters_facets_and_pages(client):
    html = client.get("/deals", params={"type": "commercial_contract", "limit": 5}).text
    rows = re.findall(r"<tr><td>", html)
    assert len(rows) == 5
    assert 'value="commercial_contract" checked' in html
    assert re.search(r"acquisition <span class=\"count\">\d+</span>", html)
    assert 'rel="next"' in html and "format=csv" in html
    none = client.get("/deals", params={"company": "No Such Co"}).text
    assert "No deals match these filters." in none


def test_deals_page_keeps_as_of_in_its_links(client):
    html = client.get("/deals", params={"as_of": "2026-03-30"}).text
    assert "as it stood on 2026-03-30" in html
    links = re.findall(r'href="(/companies/[^"]+)"', html)
    assert links and all("as_of=2026-03-30" in link for link in links)


def test_company_page_shows_timeline_charts_relations_and_analyses(client):
    html = client.get("/companies/CoreWeave").text
    assert "<h1>CoreWeave</h1>" in html
    assert "Timeline" in html and "Relations" in html and "Exit outlook" in html
    assert html.count('<svg class="chart"') >= 1  # the closing-price path
    assert 'href="/sources/' in html


def test_source_page_highlights_each_evidence_span(client):
    sources = client.get("/api/v1/sources", params={"limit": 500}).json()["items"]
    for s in sources:
        detail = client.get(f"/api/v1/sources/{s['id']}").json()
        if detail["text"] and detail["highlights"]:
            break
    html = client.get(f"/sources/{s['id']}").text
    marks = re.findall(r'<mark class="ev" data-start="(\d+)" data-facts="([^"]+)">', html)
    assert marks
    fact_ids = {f["id"] for f in detail["facts"]}
    assert {i for _, ids in marks for i in ids.split()} <= fact_ids
    for fid in fact_ids:
        assert f'id="{fid}"' in html  # each fact listed beside the text, linked from its highlight


def test_conflicts_analyses_and_report_pages(client):
    assert "Conflicts" in client.get("/conflicts").text
    page = client.get("/analyses", params={"as_of": "2026-03-30"}).text
    assert 'src="/analyses/report?as_of=2026-03-30"' in page
    report = client.get("/analyses/report", params={"as_of": "2026-03-30"})
    assert report.status_code == 200 and "<svg" in report.text
    assert "script-src" not in report.headers["content-security-policy"]  # the report runs no script at all


def test_review_page_shows_the_least_confident_fact_with_its_evidence(client):
    html = client.get("/review").text
    assert 'id="review-form"' in html and 'data-key="a"' in html
    assert "read-only" in html  # this server takes no reviews
    first = client.get("/api/v1/review/queue", params={"limit": 1}).json()["items"][0]
    assert f'data-fact="{first["id"]}"' in html


def test_audit_page_with_a_signed_in_reader(writer):
    client, tokens, _path = writer
    client.get("/login")
    csrf = client.cookies.get("infraledger_csrf")
    client.post("/login", data={"token": tokens["reader"], "csrf": csrf})
    html = client.post("/audit", data={"csrf": csrf, "text": AUDITED}).text
    assert 'class="claim v-' in html and "claims" in html


def test_missing_things_get_a_404_page(client):
    got = client.get("/companies/Nobody%20At%20All")
    assert got.status_code == 404 and "<h1>404</h1>" in got.text
    assert client.get("/no/such/page").status_code == 404


def test_audit_of_an_uploaded_file(writer, tmp_path):
    client, tokens, _path = writer
    client.get("/login")
    csrf = client.cookies.get("infraledger_csrf")
    client.post("/login", data={"token": tokens["reader"], "csrf": csrf})
    page = f"<html><head><title>A recap</title></head><body><p>{AUDITED}</p></body></html>".encode()
    html = client.post("/audit", data={"csrf": csrf}, files={"file": ("recap.html", page, "text/html")}).text
    assert 'class="claim v-supported"' in html
    assert client.post("/audit", data={"csrf": csrf}).status_code == 400


def test_every_page_names_the_alerts_feed(client):
    html = client.get("/deals").text
    assert 'type="application/atom+xml" href="/alerts.atom"' in html
    assert client.get("/alerts.atom").status_code == 200
