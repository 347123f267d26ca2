"""Every read endpoint of the JSON API, in process, against a ledger of the sample and real documents."""

from __future__ import annotations

import csv
import io

import pytest

from infraledger.model import DEAL_TYPES


def test_openapi_document_lists_every_endpoint(client):
    doc = client.get("/api/v1/openapi.json").json()
    paths = set(doc["paths"])
    for path in ("/api/v1/overview", "/api/v1/deals", "/api/v1/deals/export", "/api/v1/events/{key}", "/api/v1/facts",
                 "/api/v1/facts/{fact_id}", "/api/v1/entities", "/api/v1/entities/{ref}", "/api/v1/sources",
                 "/api/v1/sources/{source_id}", "/api/v1/conflicts", "/api/v1/analyses/{name}", "/api/v1/audit",
                 "/api/v1/review/queue", "/api/v1/review/agreement", "/api/v1/facts/{fact_id}/review"):
        assert path in paths, path
    assert not any(p.startswith("/deals") for p in paths)  # pages stay out of the API document
    assert "DealOut" in doc["components"]["schemas"]


def test_overview_counts_what_the_ledger_holds(client):
    o = client.get("/api/v1/overview").json()
    assert o["facts"] > 80 and o["entities"] > 20 and o["sources"] >= 8
    assert o["review_backlog"] > 0  # machine-read facts of the articles
    assert len(o["latest"]) == 10
    earlier = client.get("/api/v1/overview", params={"as_of": "2000-01-01"}).json()
    assert earlier["facts"] == 0 and earlier["latest"] == []


def test_deals_page_with_facets_sorting_and_cursor(client):
    first = client.get("/api/v1/deals", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["paging"]["total"] > 20
    assert {f["value"] for f in first["facets"]["type"]} <= {t.value for t in DEAL_TYPES}
    assert sum(f["count"] for f in first["facets"]["type"]) == first["paging"]["total"]
    starts = [d["start"] for d in first["items"] if d["start"]]
    assert starts == sorted(starts)
    second = client.get("/api/v1/deals", params={"limit": 5, "cursor": first["paging"]["next_cursor"]}).json()
    assert not {d["key"] for d in first["items"]} & {d["key"] for d in second["items"]}
    assert second["paging"]["prev_cursor"]
    by_amount = client.get("/api/v1/deals", params={"sort": "amount", "order": "desc", "limit": 10}).json()["items"]
    usd = [d for d in by_amount if d["amount"]]
    assert usd and usd[0]["amount"].startswith(("$", "about $", "more than $"))


def test_deal_filters_narrow_the_table_and_the_facets_follow(client):
    everything = client.get("/api/v1/deals").json()["paging"]["total"]
    contracts = client.get("/api/v1/deals", params={"type": "commercial_contract"}).json()
    assert 0 < contracts["paging"]["total"] < everything
    assert {d["type"] for d in contracts["items"]} == {"commercial_contract"}
    # the type facet is counted without the type filter, the others under it
    assert sum(f["count"] for f in contracts["facets"]["type"]) == everything
    assert sum(f["count"] for f in contracts["facets"]["reviewed"]) == contracts["paging"]["total"]
    cw = client.get("/api/v1/deals", params={"company": "CoreWeave"}).json()
    assert cw["items"] and all("CoreWeave" in (d["subject"], *[p["name"] for p in d["counterparties"]])
                               or d["subject_id"] for d in cw["items"])
    dated = client.get("/api/v1/deals", params={"date_from": "2025-06-01", "date_until": "2025-12-31"}).json()
    assert dated["items"] and all("2025-06-01" <= d["start"] <= "2025-12-31" for d in dated["items"])
    filings = client.get("/api/v1/deals", params={"source_kind": "sec_filing"}).json()
    assert filings["items"] and all("sec_filing" in d["source_kinds"] for d in filings["items"])
    assert client.get("/api/v1/deals", params={"company": "No Such Company Anywhere"}).json()["paging"]["total"] == 0


def test_deals_as_of_a_day_shows_the_ledger_as_it_stood(client):
    now = client.get("/api/v1/deals").json()["paging"]["total"]
    assert client.get("/api/v1/deals", params={"as_of": "2000-01-01"}).json()["paging"]["total"] == 0
    assert client.get("/api/v1/deals", params={"as_of": "2999-01-01"}).json()["paging"]["total"] == now


def test_deals_export_in_csv_and_json_matches_the_view(client):
    view = client.get("/api/v1/deals", params={"type": "acquisition", "limit": 500}).json()
    got = client.get("/api/v1/deals/export", params={"type": "acquisition", "format": "csv"})
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert [r["key"] for r in rows] == [d["key"] for d in view["items"]]
    js = client.get("/api/v1/deals/export", params={"type": "acquisition", "format": "json"}).json()
    assert [r["key"] for r in js] == [r["key"] for r in rows]


def test_event_facts_and_fact_by_id(client):
    deal = client.get("/api/v1/deals", params={"sort": "sources", "order": "desc", "limit": 1}).json()["items"][0]
    facts = client.get(f"/api/v1/events/{deal['key']}").json()["items"]
    assert len(facts) == deal["facts"] and facts[-1]["id"] == deal["head_fact_id"]
    one = client.get(f"/api/v1/facts/{facts[0]['id']}").json()
    assert one["event_key"] == deal["key"] and one["source_id"]
    assert client.get("/api/v1/events/ev:nothing").status_code == 404
    assert client.get("/api/v1/facts/f:nothing").json()["error"]["status"] == 404


def test_facts_listing_filters_and_pages(client):
    page = client.get("/api/v1/facts", params={"type": "funding_round", "limit": 3}).json()
    assert page["items"] and {f["type"] for f in page["items"]} == {"funding_round"}
    assert page["paging"]["total"] >= len(page["items"])
    assert client.get("/api/v1/facts", params={"type": "not_a_type"}).status_code == 400


def test_entities_and_company_detail(client):
    page = client.get("/api/v1/entities", params={"layer": "compute_cloud"}).json()
    assert page["items"] and all("compute_cloud" in e["layers"] for e in page["items"])
    cw = client.get("/api/v1/entities/CoreWeave").json()
    assert cw["entity"]["name"] == "CoreWeave"
    assert cw["timeline"] and all(t["source"] for t in cw["timeline"])
    assert cw["prices"], "CoreWeave's closing prices are in the sample"
    assert cw["relations"]
    assert cw["outlook"] and cw["outlook"]["verdict"]
    assert client.get("/api/v1/entities/Nobody%20Corp").status_code == 404


def test_sources_and_source_detail_with_highlights(client):
    sources = client.get("/api/v1/sources", params={"limit": 500}).json()["items"]
    with_text = None
    for s in sources:
        detail = client.get(f"/api/v1/sources/{s['id']}").json()
        if detail["text"] and detail["highlights"]:
            with_text = detail
            break
    assert with_text is not None, "an ingested article keeps its text"
    text = with_text["text"]
    by_id = {f["id"]: f for f in with_text["facts"]}
    for h in with_text["highlights"]:
        assert text[h["start"]:h["end"]] == by_id[h["fact_ids"][0]]["evidence"]
    assert client.get("/api/v1/sources/src:none").status_code == 404


def test_conflicts_listing(client):
    page = client.get("/api/v1/conflicts").json()
    assert page["paging"]["total"] == len(page["items"])
    for c in page["items"]:
        assert len(c["facts"]) >= 2 and len({f["source_id"] for f in c["facts"]}) >= 2


@pytest.mark.parametrize("name", ["capex", "ipos", "mna", "funding", "outlook"])
def test_each_analysis_as_data(client, name):
    got = client.get(f"/api/v1/analyses/{name}", params={"as_of": "2026-03-30"}).json()
    assert got["analysis"] == name and isinstance(got["result"], dict) and got["result"]


def test_unknown_analysis_is_404_with_the_names(client):
    got = client.get("/api/v1/analyses/horoscope")
    assert got.status_code == 404 and "capex" in got.json()["error"]["message"]


def test_review_queue_least_confident_first(client):
    page = client.get("/api/v1/review/queue", params={"limit": 20}).json()
    conf = [f["confidence"] for f in page["items"]]
    assert conf and conf == sorted(conf) and max(conf) < 1.0
    by_doc = client.get("/api/v1/review/queue", params={"order": "document", "limit": 20}).json()["items"]
    assert [f["source_id"] for f in by_doc] == sorted(f["source_id"] for f in by_doc)


def test_agreement_is_empty_without_reviews(client):
    got = client.get("/api/v1/review/agreement").json()
    assert all(v["pairs"] == 0 for v in got["fields"].values())


@pytest.mark.parametrize("params", [{"as_of": "yesterday-ish"}, {"limit": 0}, {"limit": 100000}, {"sort": "password"},
                                    {"order": "sideways"}, {"cursor": "not-a-cursor"}, {"type": "wedding"},
                                    {"status": "maybe"}, {"layer": "moon"}, {"date_from": "2026-13-45"},
                                    {"date_from": "2026-05-01", "date_until": "2026-01-01"}])
def test_bad_parameters_answer_4xx_json(client, params):
    got = client.get("/api/v1/deals", params=params)
    assert 400 <= got.status_code < 500
    assert got.json()["error"]["message"]


def test_openbb_widgets_point_at_flat_deal_rows(client):
    widgets = client.get("/api/v1/widgets.json").json()
    assert widgets and all({"name", "description", "endpoint", "params"} <= set(w) for w in widgets.values())
    for w in widgets.values():
        params = {p["paramName"]: p["value"] for p in w["params"] if p["value"]}
        rows = client.get("/" + w["endpoint"], params=params).json()
        assert rows and all(not isinstance(v, (dict, list)) for r in rows for v in r.values())
