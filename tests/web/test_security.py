"""The server's defences: read-only by default, tokens for writes, CSRF, escaping, bounded input, no stack traces."""

from __future__ import annotations

import pytest

from infraledger.cli.serve import serve
from infraledger.ledger import open_ledger

from .conftest import AUDITED, PAYLOAD, client_for

INJECTIONS = ["' OR '1'='1", "'; DROP TABLE facts; --", "1) UNION SELECT id FROM tokens --", "<script>alert(1)</script>",
              "%' OR 1=1 --", "\\x00", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "../../etc/passwd", "${7*7}{{7*7}}"]
FILTERS = ["type", "status", "layer", "company", "date_from", "date_until", "source_kind", "reviewed", "sort", "order",
           "cursor", "as_of", "limit"]


def _queue_head(client) -> str:
    return client.get("/api/v1/review/queue", params={"limit": 1}).json()["items"][0]["id"]


def test_serve_binds_to_loopback_and_is_read_only_by_default():
    defaults = {p.name: p.default for p in serve.params}
    assert defaults["host"] == "127.0.0.1" and defaults["writes"] is False


def test_writes_are_refused_on_a_read_only_server_even_with_a_token(served_ledger, client):
    _path, tokens = served_ledger
    fact = _queue_head(client)
    got = client.post(f"/api/v1/facts/{fact}/review", json={"action": "accept"},
                      headers={"Authorization": f"Bearer {tokens['reviewer']}"})
    assert got.status_code == 403 and "read-only" in got.json()["error"]["message"]


def test_writes_need_a_token_of_the_reviewer_role(writer):
    client, tokens, path = writer
    fact = _queue_head(client)
    assert client.post(f"/api/v1/facts/{fact}/review", json={"action": "accept"}).status_code == 401
    bad = client.post(f"/api/v1/facts/{fact}/review", json={"action": "accept"}, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401
    reader = client.post(f"/api/v1/facts/{fact}/review", json={"action": "accept"},
                         headers={"Authorization": f"Bearer {tokens['reader']}"})
    assert reader.status_code == 403 and "reviewer" in reader.json()["error"]["message"]
    with open_ledger(path, read_only=True) as store:
        assert store.snapshot().reviews() == []  # nothing was written by the refused calls


def test_a_revoked_token_no_longer_works(writer):
    from infraledger.ledger.tokens import revoke_token

    client, tokens, path = writer
    with open_ledger(path) as store:
        assert revoke_token(store, "sam")
    client.app.state.server.mirror.invalidate()
    fact = _queue_head(client)
    got = client.post(f"/api/v1/facts/{fact}/review", json={"action": "accept"},
                      headers={"Authorization": f"Bearer {tokens['second']}"})
    assert got.status_code == 401


def test_audit_upload_needs_a_token(writer):
    client, tokens, _path = writer
    text = {"text": AUDITED}
    assert client.post("/api/v1/audit", json=text).status_code == 401
    got = client.post("/api/v1/audit", json=text, headers={"Authorization": f"Bearer {tokens['reader']}"})
    assert got.status_code == 200 and got.json()["claims"]


def test_forms_without_the_csrf_value_are_refused(writer):
    client, tokens, path = writer
    page = client.get("/login")
    csrf = page.cookies.get("infraledger_csrf") or client.cookies.get("infraledger_csrf")
    assert csrf
    assert client.post("/login", data={"token": tokens["reviewer"], "csrf": "forged"}).status_code == 403
    signed_in = client.post("/login", data={"token": tokens["reviewer"], "csrf": csrf}, follow_redirects=False)
    assert signed_in.status_code == 303 and "infraledger_session" in signed_in.cookies
    fact = _queue_head(client)
    forged = client.post(f"/review/{fact}", data={"action": "accept", "csrf": "forged"}, follow_redirects=False)
    assert forged.status_code == 403
    with open_ledger(path, read_only=True) as store:
        assert store.snapshot().reviews() == []
    ok = client.post(f"/review/{fact}", data={"action": "accept", "csrf": csrf}, follow_redirects=False)
    assert ok.status_code == 303
    with open_ledger(path, read_only=True) as store:
        assert [r.fact_id for r in store.snapshot().reviews()] == [fact]


def test_session_cookie_is_httponly_and_strict(writer):
    client, tokens, _path = writer
    client.get("/login")
    got = client.post("/login", data={"token": tokens["reviewer"], "csrf": client.cookies.get("infraledger_csrf")},
                      follow_redirects=False)
    cookie = got.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert tokens["reviewer"] not in got.headers["set-cookie"]  # the cookie names a session, not the token


@pytest.mark.parametrize("name", FILTERS)
def test_injection_in_any_filter_is_a_4xx_or_an_empty_answer_and_changes_nothing(client, served_ledger, name):
    path, _tokens = served_ledger
    before = client.get("/api/v1/overview").json()["facts"]
    for value in INJECTIONS:
        for url in ("/api/v1/deals", "/deals"):
            got = client.get(url, params={name: value})
            assert got.status_code < 500, (url, name, value, got.text[:200])
            if got.status_code == 200 and url.startswith("/api") and name in ("company", "type", "source_kind"):
                assert got.json()["items"] == []
            assert "Traceback" not in got.text
    with open_ledger(path, read_only=True) as store:
        assert store.snapshot().count() == before


def test_every_page_sends_the_security_headers(client):
    for url in ("/", "/deals", "/conflicts", "/analyses", "/review", "/audit", "/login", "/api/v1/overview"):
        got = client.get(url)
        assert got.status_code == 200, url
        csp = got.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert got.headers["x-content-type-options"] == "nosniff"


def test_source_text_and_names_are_escaped(client):
    sources = client.get("/api/v1/sources", params={"limit": 500}).json()["items"]
    hostile = next(s for s in sources if "Zentrix" in s["title"])
    page = client.get(f"/sources/{hostile['id']}").text
    assert "<script>window.__pwned" not in page and 'onerror="window.__pwned' not in page
    assert "&lt;script&gt;window.__pwned" in page
    deals = client.get("/deals", params={"company": "Zentrix"}).text
    assert "<script>window" not in deals
    assert PAYLOAD not in client.get("/").text


def test_bodies_larger_than_the_limit_are_refused(writer):
    client, tokens, _path = writer
    limit = client.app.state.server.options.max_upload_bytes
    got = client.post("/api/v1/audit", content=b"x" * (limit + 1), headers={
        "Authorization": f"Bearer {tokens['reader']}", "content-type": "application/json"})
    assert got.status_code == 413


def test_an_unexpected_failure_shows_no_stack_trace(served_ledger, monkeypatch):
    import infraledger.web.pages as pages

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(pages, "overview", broken)
    path, _tokens = served_ledger
    with client_for(path, writes=False) as c:
        got = c.get("/")
        assert got.status_code == 500
        assert "secret internal detail" not in got.text and "Traceback" not in got.text
