"""The Atom feed of alerts from ``infraledger serve``, the watch tables in copies and migrations, and
reading news feeds and company submissions."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from infraledger.ledger import open_ledger
from infraledger.ledger.copy import copy_ledger
from infraledger.ledger.migrations import available, statements
from infraledger.watch import deliver, feeds, lists
from infraledger.watch.runner import Watcher
from infraledger.web import ServerOptions, create_app

from .conftest import ACCESSION, CIK, latest_atom

ATOM = "{http://www.w3.org/2005/Atom}"


def _alerted(opener, server, client):
    server.put("/latest", latest_atom(server.url, [("D", CIK, "Notion Labs, Inc.", ACCESSION)]))
    with opener() as ledger:
        lists.add(ledger, 'evil <list> & "co"', companies=[str(CIK)])
        feeds.add_feed(ledger, server.url + "/latest?action=getcurrent", "edgar-latest")
    return Watcher(opener, client).run_once()


def test_alerts_atom_lists_alerts_with_every_source_text_escaped(feed_server, client, opener, ledger_path):
    report = _alerted(opener, feed_server, client)
    assert len(report.alerts) == 1
    http = TestClient(create_app(ServerOptions(address=str(ledger_path))))
    got = http.get("/alerts.atom")
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(got.content)  # well-formed even with <, & and quotes in the list's name
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    title = entries[0].find(f"{ATOM}title").text
    assert title == '[evil <list> & "co"] funding_round: Notion Labs, Inc.'
    assert entries[0].find(f"{ATOM}link").get("href") == report.alerts[0].link
    assert "total amount sold" in entries[0].find(f"{ATOM}summary").text
    assert "&lt;list&gt;" in got.text


def test_watch_tables_are_copied_and_migrations_match(feed_server, client, opener, ledger_path, tmp_path):
    _alerted(opener, feed_server, client)
    with opener() as ledger:
        deliver.record(ledger, "al:x", "terminal", "failed", "boom")
        with open_ledger(str(tmp_path / "copy.duckdb")) as target:
            result = copy_ledger(ledger, target)
    assert result.same and result.rows["alerts"] == 1 and result.rows["watchlists"] == 2
    assert result.rows["feeds"] == 1 and result.rows["feed_state"] == 3 and result.rows["deliveries"] == 1
    duck = dict(available("infraledger.ledger.backends.duckdb"))[4]
    pg = dict(available("infraledger.ledger.backends.postgres"))[4]
    for table in ("watchlists", "feeds", "feed_state", "alerts", "deliveries"):
        assert f"CREATE TABLE IF NOT EXISTS {table} (" in duck and f"CREATE TABLE IF NOT EXISTS {table} (" in pg
        assert f"CREATE TRIGGER {table}_append_only" in pg and f"GRANT SELECT, INSERT ON {table}" in pg
    assert len(statements(pg)) == 13


def test_a_version_3_ledger_migrates_to_4(tmp_path):
    import duckdb

    from infraledger.ledger.migrations import statements as split

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for version, sql in available("infraledger.ledger.backends.duckdb"):
        if version <= 3:
            for statement in split(sql):
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
    con.close()
    with open_ledger(str(path)) as ledger:
        assert ledger.schema_version == 4
        lists.add(ledger, "w", forms=["8-K"])
        assert lists.load(ledger)["w"].criteria == {"form": {"8-K"}}


def test_watch_on_postgresql_and_its_tables_append_only(feed_server, client, postgres_url):
    from infraledger.errors import LedgerError

    def opener():
        return open_ledger(postgres_url)

    report = _alerted(opener, feed_server, client)
    assert len(report.alerts) == 1
    again = Watcher(opener, client).run_once()
    assert again.not_modified == 2 and again.alerts == []
    with opener() as ledger:
        assert ledger.schema_version == 4
        for table in ("watchlists", "feeds", "feed_state", "alerts", "deliveries"):
            with pytest.raises(LedgerError):
                with ledger.backend.transaction():
                    ledger.backend.query(f"DELETE FROM {table}")
        assert ledger.backend.query("SELECT count(*) FROM alerts")[0][0] == 1


def test_rss_items_are_taken_once_by_link_and_content(feed_server, client, opener):
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>GPU cloud raises</title><link>{feed_server.url}/news/1.html</link><description>a</description></item>
<item><title>GPU cloud raises</title><link>{feed_server.url}/news/1.html</link><description>a</description></item>
</channel></rss>""".encode()
    feed_server.put("/rss.xml", rss)
    feed_server.put("/news/1.html", b"<html><body><p>Lambda raised $480 million in a Series D round led by "
                                   b"Andra Capital, the company said on Tuesday.</p></body></html>")
    with opener() as ledger:
        lists.add(ledger, "gpu", keywords=["lambda"])
        feeds.add_feed(ledger, feed_server.url + "/rss.xml")
    first = Watcher(opener, client).run_once()
    assert first.problems == [] and first.items == 1
    assert first.facts_added >= 1 and len(first.alerts) >= 1
    assert all(a.link == f"{feed_server.url}/news/1.html" for a in first.alerts)
    feed_server.put("/rss.xml", rss.replace(b"<title>News</title>", b"<title>News again</title>"))
    second = Watcher(opener, client).run_once()
    assert second.items == 0 and second.alerts == []


def test_company_submissions_json_gives_its_filings(feed_server, client):
    body = json.dumps({"cik": str(CIK), "name": "Notion Labs, Inc.", "tickers": [], "exchanges": [],
                       "filings": {"recent": {"accessionNumber": [ACCESSION], "form": ["D"],
                                              "filingDate": ["2020-04-10"], "reportDate": [""],
                                              "primaryDocument": ["primary_doc.xml"]}}}).encode()
    items = feeds.parse_items(body, "x", "edgar-company")
    assert [(i.form, i.cik, i.accession) for i in items] == [("D", CIK, ACCESSION)]


def test_an_older_ledger_read_only_has_no_lists_or_feeds(tmp_path):
    import duckdb

    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for version, sql in available("infraledger.ledger.backends.duckdb"):
        if version <= 3:
            for statement in statements(sql):
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
    con.close()
    with open_ledger(str(path), read_only=True) as ledger:
        assert ledger.schema_version == 3
        assert lists.load(ledger) == {} and feeds.load_feeds(ledger) == {}
