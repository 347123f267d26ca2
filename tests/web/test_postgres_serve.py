"""The server over a PostgreSQL ledger: the same pages and answers, reviews written to the database."""

from __future__ import annotations

from fastapi.testclient import TestClient

from infraledger.ledger import open_ledger
from infraledger.ledger.tokens import create_token
from infraledger.sample import load_sample
from infraledger.web import ServerOptions, create_app


def test_serve_reads_and_reviews_a_postgresql_ledger(postgres_url, tmp_path):
    with open_ledger(postgres_url) as store:
        load_sample(store)
        token = create_token(store, "pia", "reviewer")
    with open_ledger(tmp_path / "same.duckdb") as store:
        load_sample(store)
    pg = TestClient(create_app(ServerOptions(address=postgres_url, writes=True)), raise_server_exceptions=False)
    duck = TestClient(create_app(ServerOptions(address=str(tmp_path / "same.duckdb"))), raise_server_exceptions=False)
    for path in ("/api/v1/deals?limit=500", "/api/v1/conflicts"):
        a, b = pg.get(path).json(), duck.get(path).json()
        assert a == b, path
    a, b = pg.get("/api/v1/entities/CoreWeave").json(), duck.get("/api/v1/entities/CoreWeave").json()
    for key in ("entity", "timeline", "relations", "prices", "backing"):
        assert a[key] == b[key], key
    # the outlook's verdict and reasons (their order among equal weights is not fixed)
    assert a["outlook"]["verdict"] == b["outlook"]["verdict"]
    assert sorted(r["text"] for r in a["outlook"]["reasons"]) == sorted(r["text"] for r in b["outlook"]["reasons"])
    assert pg.get("/deals").status_code == 200 and pg.get("/companies/CoreWeave").status_code == 200
    fact = pg.get("/api/v1/facts", params={"type": "ipo", "limit": 1}).json()["items"][0]
    got = pg.post(f"/api/v1/facts/{fact['id']}/review", json={"action": "correct", "correction": {"amount": "$1.6 billion"}},
                  headers={"Authorization": f"Bearer {token}"})
    assert got.status_code == 201, got.text
    with open_ledger(postgres_url, read_only=True) as store:
        snap = store.snapshot()
        assert [r.action.value for r in snap.reviews()] == ["correct"]
        assert str(snap.fact(got.json()["new_fact_id"]).amount.amount) == "1600000000"
    # the server sees its own write at once
    assert pg.get(f"/api/v1/facts/{got.json()['new_fact_id']}").json()["reviewed_by"] == ["pia"]
