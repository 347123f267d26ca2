"""Reviews through the API and the forms: appended, never overwritten; the past reads as it did."""

from __future__ import annotations

import time
from datetime import datetime, timezone

from infraledger.ledger import open_ledger


def _auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def _now() -> str:
    time.sleep(0.002)
    return datetime.now(timezone.utc).replace(tzinfo=None).isoformat()


def test_accept_marks_the_fact_reviewed_and_it_leaves_the_queue(writer):
    client, tokens, _path = writer
    queue = client.get("/api/v1/review/queue").json()
    fact = queue["items"][0]
    got = client.post(f"/api/v1/facts/{fact['id']}/review", json={"action": "accept"}, headers=_auth(tokens["reviewer"]))
    assert got.status_code == 201 and got.json()["reviewer"] == "rita"
    after = client.get("/api/v1/review/queue").json()
    assert after["paging"]["total"] == queue["paging"]["total"] - 1
    assert fact["id"] not in {f["id"] for f in after["items"]}
    assert client.get(f"/api/v1/facts/{fact['id']}").json()["reviewed_by"] == ["rita"]


def test_a_correction_is_a_new_version_and_the_day_before_shows_the_machines(writer):
    client, tokens, _path = writer
    fact = next(f for f in client.get("/api/v1/review/queue", params={"limit": 200}).json()["items"] if f["amount"])
    before = _now()
    got = client.post(f"/api/v1/facts/{fact['id']}/review", headers=_auth(tokens["reviewer"]), json={
        "action": "correct", "correction": {"amount": "$123 million", "status": "completed"}})
    assert got.status_code == 201, got.text
    new_id = got.json()["new_fact_id"]
    new = client.get(f"/api/v1/facts/{new_id}").json()
    assert new["supersedes"] == fact["id"] and new["amount"]["amount"] == "123000000"
    assert new["status"] == "completed" and new["reviewed_by"] == ["rita"] and new["confidence"] == 1.0
    assert new["subject"] == fact["subject"]
    # now: the correction shows, the machine's version is superseded
    now_ids = {f["id"] for f in client.get("/api/v1/facts", params={"limit": 500}).json()["items"]}
    assert new_id in now_ids and fact["id"] not in now_ids
    # as of before the review: exactly the machine's version
    past_ids = {f["id"] for f in client.get("/api/v1/facts", params={"limit": 500, "as_of": before}).json()["items"]}
    assert fact["id"] in past_ids and new_id not in past_ids
    # the company's timeline keeps both versions, the old one marked as corrected
    timeline = client.get(f"/api/v1/entities/{new['subject_id']}").json()["timeline"]
    states = {t["fact"]["id"]: t["superseded_by"] for t in timeline}
    assert states[fact["id"]] == new_id and states[new_id] is None


def test_a_rejection_retracts_the_fact_from_then_on(writer):
    client, tokens, _path = writer
    fact = client.get("/api/v1/review/queue").json()["items"][0]
    before = _now()
    got = client.post(f"/api/v1/facts/{fact['id']}/review", json={"action": "reject", "note": "not a deal"},
                      headers=_auth(tokens["reviewer"]))
    assert got.status_code == 201
    ids = {f["id"] for f in client.get("/api/v1/facts", params={"limit": 500}).json()["items"]}
    assert fact["id"] not in ids
    past = {f["id"] for f in client.get("/api/v1/facts", params={"limit": 500, "as_of": before}).json()["items"]}
    assert fact["id"] in past
    again = client.post(f"/api/v1/facts/{fact['id']}/review", json={"action": "accept"}, headers=_auth(tokens["reviewer"]))
    assert again.status_code == 409


def test_a_missed_fact_is_added_from_a_span_of_the_text(writer):
    client, tokens, _path = writer
    sources = client.get("/api/v1/sources", params={"limit": 500}).json()["items"]
    source = next(client.get(f"/api/v1/sources/{s['id']}").json() for s in sources if "Zentrix" in s["title"])
    text = source["text"]
    start = text.index("The company plans")
    end = text.index("staff.") + len("staff.")
    got = client.post("/api/v1/facts", headers=_auth(tokens["reviewer"]), json={
        "source_id": source["source"]["id"], "start": start, "end": end, "type": "talent_move",
        "subject": "Zentrix Labs", "date": "2026-03-03"})
    assert got.status_code == 201, got.text
    fact = client.get(f"/api/v1/facts/{got.json()['new_fact_id']}").json()
    assert fact["evidence"] == text[start:end] and fact["span"] == [start, end] and fact["reviewed_by"] == ["rita"]
    outside = client.post("/api/v1/facts", headers=_auth(tokens["reviewer"]), json={
        "source_id": source["source"]["id"], "start": 0, "end": len(text) + 5, "type": "ipo", "subject": "X"})
    assert outside.status_code == 400


def test_bad_corrections_say_which_field(writer):
    client, tokens, _path = writer
    fact = client.get("/api/v1/review/queue").json()["items"][0]
    got = client.post(f"/api/v1/facts/{fact['id']}/review", headers=_auth(tokens["reviewer"]),
                      json={"action": "correct", "correction": {"amount": "lots of money"}})
    assert got.status_code == 400 and got.json()["error"]["message"].startswith("amount")
    got = client.post(f"/api/v1/facts/{fact['id']}/review", headers=_auth(tokens["reviewer"]),
                      json={"action": "correct", "correction": {"counterparties": [{"name": "X", "role": "uncle"}]}})
    assert got.status_code == 400 and "role" in got.json()["error"]["message"]


def test_two_reviewers_agreement_per_field(writer):
    client, tokens, _path = writer
    facts = [f for f in client.get("/api/v1/review/queue", params={"limit": 50}).json()["items"] if f["amount"]][:2]
    a, b = facts
    for token in ("reviewer", "second"):
        client.post(f"/api/v1/facts/{a['id']}/review", json={"action": "accept"}, headers=_auth(tokens[token]))
    client.post(f"/api/v1/facts/{b['id']}/review", json={"action": "accept"}, headers=_auth(tokens["reviewer"]))
    client.post(f"/api/v1/facts/{b['id']}/review", json={"action": "reject"}, headers=_auth(tokens["second"]))
    fields = client.get("/api/v1/review/agreement").json()["fields"]
    assert fields["kept"]["pairs"] == 2 and fields["kept"]["agree"] == 1
    assert fields["amount"]["pairs"] == 1 and fields["amount"]["agree"] == 1


def test_reviewed_deals_are_marked_in_the_table_and_its_download(writer):
    client, tokens, path = writer
    deal = client.get("/api/v1/deals", params={"reviewed": "false", "source_kind": "article"}).json()["items"][0]
    got = client.post(f"/api/v1/facts/{deal['head_fact_id']}/review", json={"action": "accept"},
                      headers=_auth(tokens["reviewer"]))
    assert got.status_code == 201
    marked = client.get("/api/v1/deals", params={"reviewed": "true"}).json()["items"]
    assert deal["key"] in {d["key"] for d in marked}
    csv_text = client.get("/api/v1/deals/export", params={"reviewed": "true"}).text
    assert deal["key"] in csv_text
    with open_ledger(path, read_only=True) as store:
        from infraledger.ledger.export import flat_table, with_reviewers

        snap = store.snapshot()
        table = with_reviewers(snap, flat_table(snap))
        by_id = dict(zip(table.column("id").to_pylist(), table.column("reviewed_by").to_pylist()))
        assert by_id[deal["head_fact_id"]] == "rita"


def test_accept_all_of_a_document_through_the_form(writer):
    client, tokens, _path = writer
    client.get("/login")
    csrf = client.cookies.get("infraledger_csrf")
    client.post("/login", data={"token": tokens["reviewer"], "csrf": csrf})
    head = client.get("/api/v1/review/queue", params={"order": "document"}).json()["items"][0]
    pending = client.get("/api/v1/review/queue", params={"source_id": head["source_id"]}).json()["paging"]["total"]
    assert pending >= 1
    got = client.post(f"/review/source/{head['source_id']}/accept", data={"csrf": csrf}, follow_redirects=False)
    assert got.status_code == 303
    assert client.get("/api/v1/review/queue", params={"source_id": head["source_id"]}).json()["paging"]["total"] == 0
