"""Watchlists, feeds, alerts and deliveries against local servers on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from infraledger.ledger import open_ledger
from infraledger.watch import deliver, feeds, lists
from infraledger.watch.alerts import all_alerts
from infraledger.watch.runner import Watcher

from .conftest import ACCESSION, CIK, SECRET, filing_path, free_port, latest_atom

LATEST = "/cgi-bin/browse-edgar"
NOTION = ("D", CIK, "Notion Labs, Inc.", ACCESSION)


def _setup(opener, feed_url: str, *, kind: str = "edgar-latest") -> None:
    with opener() as ledger:
        lists.add(ledger, "ai-startups", companies=[str(CIK)], forms=["D"])
        feeds.add_feed(ledger, feed_url, kind)


def _latest_url(server) -> str:
    return f"{server.url}{LATEST}?action=getcurrent&type=D&count=100&output=atom"


def test_new_form_d_for_a_watched_company_gives_one_alert_with_its_fact_link_and_evidence(
        feed_server, client, opener, tmp_path):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    out = tmp_path / "alerts.jsonl"
    watcher = Watcher(opener, client, [deliver.JsonLines(out)])

    first = watcher.run_once()
    assert first.problems == [] and first.items == 1 and first.facts_added == 1
    assert len(first.alerts) == 1 and first.delivered == 1
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 1
    alert = lines[0]
    assert alert["watchlist"] == "ai-startups" and alert["type"] == "funding_round"
    assert alert["subject"] == "Notion Labs, Inc." and alert["subject_id"] == f"cik:{CIK}"
    assert alert["link"] == f"{feed_server.url}/Archives/edgar/data/{CIK}/000178181420000001/{ACCESSION}-index.htm"
    assert "total amount sold 48828287" in alert["evidence"] and alert["form_type"] == "D"
    with opener() as ledger:
        fact = ledger.snapshot().fact(alert["fact_id"])
        assert fact.subject_id == f"cik:{CIK}" and fact.amount.amount == 48828287

    # Unchanged feed: a conditional request answered 304, nothing new.
    second = watcher.run_once()
    assert second.not_modified == 2 and second.items == 0 and second.alerts == [] and second.delivered == 0
    assert feed_server.hits(LATEST) == [200, 304]
    assert feed_server.hits(filing_path(CIK, ACCESSION)) == [200]  # the filing is read from the cache after

    # The feed changes (new timestamp) but repeats the same item: no alert.
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION], updated="2026-07-04T06:00:00-04:00"))
    third = watcher.run_once()
    assert third.not_modified == 1 and third.items == 0  # the company feed is unchanged and third.alerts == []
    assert len(out.read_text().splitlines()) == 1
    with opener() as ledger:
        assert len(all_alerts(ledger)) == 1


def test_a_company_not_watched_gives_no_alert(feed_server, client, opener):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    with opener() as ledger:
        lists.add(ledger, "other", companies=["12345"])
        feeds.add_feed(ledger, _latest_url(feed_server))
    report = Watcher(opener, client).run_once()
    assert report.facts_added == 1 and report.alerts == []


def test_failing_feeds_never_stop_the_others_and_are_reported_in_one_line_each(feed_server, client, opener):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    bad = {}
    for fault in ("500", "429", "slow", "malformed"):
        path = f"/feeds/{fault}.atom"
        feed_server.put(path, latest_atom(feed_server.url, []))
        feed_server.faults[path] = [fault] * 4
        bad[fault] = feed_server.url + path
    bad["down"] = f"http://127.0.0.1:{free_port()}/feed.atom"
    with opener() as ledger:
        lists.add(ledger, "ai-startups", companies=[str(CIK)])
        for url in bad.values():
            feeds.add_feed(ledger, url, "rss")
        feeds.add_feed(ledger, _latest_url(feed_server))
    report = Watcher(opener, client).run_once()
    assert len(report.alerts) == 1 and report.polled == 2  # the latest filings and the company's submissions
    assert len(report.problems) == 5
    for url in bad.values():
        line = next(p for p in report.problems if url in p)
        assert "\n" not in line and line.startswith(f"feed {url}: ")
    assert "HTTP 500" in next(p for p in report.problems if bad["500"] in p)
    assert "HTTP 429" in next(p for p in report.problems if bad["429"] in p)
    assert "not a readable RSS/Atom feed" in next(p for p in report.problems if bad["malformed"] in p)
    # A fault that clears: the feed is read the next time.
    feed_server.faults.clear()
    again = Watcher(opener, client).run_once()
    assert again.problems == [f"feed {bad['down']}: " + again.problems[0].split(": ", 1)[1]]
    assert again.polled == 6


def test_a_webhook_answering_500_then_200_is_retried_and_delivered_once(feed_server, client, opener, webhook):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    webhook.statuses = [500]
    hook = deliver.Webhook(webhook.url, SECRET, retries=3, backoff=0.01, timeout=2)
    report = Watcher(opener, client, [hook]).run_once()
    assert report.delivered == 1 and report.failed_deliveries == 0
    assert [r["status"] for r in webhook.received] == [500, 200]
    assert all(r["good"] for r in webhook.received) and webhook.bad_signatures == 0
    keys = {r["key"] for r in webhook.received}
    assert keys == {report.alerts[0].id} and list(webhook.accepted) == [report.alerts[0].id]
    assert webhook.accepted[report.alerts[0].id]["subject"] == "Notion Labs, Inc."
    # Delivered is recorded: the next run sends nothing.
    Watcher(opener, client, [hook]).run_once()
    assert len(webhook.received) == 2
    with opener() as ledger:
        rows = ledger.backend.query("SELECT status, count(*) FROM deliveries GROUP BY status")
    assert rows == [("delivered", 1)]


def test_a_webhook_that_keeps_failing_is_recorded_failed_and_retried_next_run(feed_server, client, opener, webhook):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    webhook.statuses = [500, 500]
    hook = deliver.Webhook(webhook.url, SECRET, retries=1, backoff=0.01, timeout=2)
    first = Watcher(opener, client, [hook]).run_once()
    assert first.delivered == 0 and first.failed_deliveries == 1 and webhook.accepted == {}
    second = Watcher(opener, client, [hook]).run_once()
    assert second.delivered == 1 and list(webhook.accepted) == [first.alerts[0].id]


def test_a_wrong_secret_is_refused_by_the_receiver(feed_server, client, opener, webhook):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    report = Watcher(opener, client, [deliver.Webhook(webhook.url, "wrong", retries=0)]).run_once()
    assert report.failed_deliveries == 1 and webhook.bad_signatures == 1 and webhook.accepted == {}


def test_a_crash_between_recording_and_delivering_delivers_once_after_restart(feed_server, opener, ledger_path,
                                                                            tmp_path):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    out = tmp_path / "alerts.jsonl"
    script = textwrap.dedent(f"""
        import os
        from infraledger.ledger import open_ledger
        from infraledger.watch import deliver, runner
        from tests.watch.conftest import make_client
        from pathlib import Path

        def crash(work):
            os._exit(3)  # the process dies after the alerts are recorded, before any is delivered

        runner.send = crash
        client = make_client({feed_server.url!r}, Path({str(tmp_path / 'cache')!r}))
        runner.Watcher(lambda: open_ledger({str(ledger_path)!r}), client,
                       [deliver.JsonLines({str(out)!r})]).run_once()
    """)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    crashed = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
    assert crashed.returncode == 3, crashed.stderr
    assert not out.exists()
    with opener() as ledger:
        assert len(all_alerts(ledger)) == 1
        assert ledger.backend.query("SELECT count(*) FROM deliveries")[0][0] == 0
    from .conftest import make_client

    client = make_client(feed_server.url, tmp_path / "cache")
    after = Watcher(opener, client, [deliver.JsonLines(out)]).run_once()
    assert after.alerts == [] and after.delivered == 1
    again = Watcher(opener, client, [deliver.JsonLines(out)]).run_once()
    assert again.delivered == 0
    assert len(out.read_text().splitlines()) == 1


def test_an_acknowledged_alert_is_never_delivered(feed_server, client, opener, tmp_path):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    watcher = Watcher(opener, client)  # no channel: recorded, not delivered
    report = watcher.run_once()
    with opener() as ledger:
        deliver.acknowledge(ledger, report.alerts[0].id)
    out = tmp_path / "late.jsonl"
    assert Watcher(opener, client, [deliver.JsonLines(out)]).run_once().delivered == 0
    assert not out.exists()


def test_email_delivery_is_received_by_a_local_smtp_server(feed_server, client, opener):
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
            return "250 OK"

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
        _setup(opener, _latest_url(feed_server))
        mail = deliver.Email(deliver.SmtpConfig("127.0.0.1", port, starttls=False, sender="alerts@example.com"),
                             ["analyst@example.com"], timeout=5)
        report = Watcher(opener, client, [mail]).run_once()
    finally:
        controller.stop()
    assert report.delivered == 1
    assert len(inbox.messages) == 1
    rcpt, content = inbox.messages[0]
    assert rcpt == ["analyst@example.com"]
    assert "Subject: [ai-startups] funding_round: Notion Labs, Inc." in content
    assert report.alerts[0].id in content


def test_terminal_delivery_prints_plain_text(capsys):
    item = {"id": "al:1", "watchlist": "w", "type": "funding_round", "subject": "Evil\x1b[31m Co [bold]x[/bold]",
            "amount": "10", "currency": "USD", "evidence": "line\nbreak", "link": "https://example.com/a"}
    deliver.Terminal().send(item)
    out = capsys.readouterr().out
    assert "\x1b" not in out and out.count("\n") == 1 and "[bold]x[/bold]" in out


def test_watchlists_fold_adds_and_removes(ledger_path):
    with open_ledger(str(ledger_path)) as ledger:
        lists.add(ledger, "a", companies=["1781814"], layers=["Compute"], min_amount="$10M")
        lists.add(ledger, "b", keywords=["GPU"])
        lists.remove(ledger, "a", layers=["compute"])
        w = lists.load(ledger)
        assert w["a"].criteria == {"company": {"cik:1781814"}, "layer": set(), "min_amount": {"10000000"}}
        assert w["b"].criteria == {"keyword": {"gpu"}}
        lists.remove(ledger, "b")
        assert set(lists.load(ledger)) == {"a"}
    assert lists.parse_amount("2.5bn") == 2_500_000_000 and lists.parse_amount("1,000") == 1000


def test_a_watched_company_feed_gives_its_new_filing_not_its_history(feed_server, client, opener):
    from .conftest import OLD_FILING, SUBMISSIONS, submissions_json

    with opener() as ledger:
        lists.add(ledger, "notion", companies=[str(CIK)])
    watcher = Watcher(opener, client)
    first = watcher.run_once()
    assert first.polled == 1 and first.items == 0 and first.problems == []  # the history: marked seen
    assert feed_server.hits(filing_path(CIK, OLD_FILING[0])) == []
    feed_server.put(SUBMISSIONS, submissions_json(CIK, [(ACCESSION, "D", "2020-04-10"), OLD_FILING]))
    second = watcher.run_once()
    assert second.items == 1 and second.facts_added == 1 and second.problems == []
    assert [a.watchlist for a in second.alerts] == ["notion"]
    assert second.alerts[0].link == f"https://www.sec.gov/Archives/edgar/data/{CIK}/000178181420000001/"
    assert watcher.run_once().not_modified == 1


def test_email_over_starttls_with_login(feed_server, client, opener, tmp_path):
    import shutil
    import ssl

    import pytest
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    if not shutil.which("openssl"):
        pytest.skip("needs openssl to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    received, logins = [], []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):
            received.append((session.ssl is not None, envelope.content.decode("utf-8", "replace")))
            return "250 OK"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"bot", b"pw")
        logins.append(ok)
        return AuthResult(success=ok)

    port = free_port()
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port, tls_context=server_tls, require_starttls=True,
                            authenticator=authenticator, auth_require_tls=True)
    controller.start()
    try:
        feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
        _setup(opener, _latest_url(feed_server))
        config = deliver.SmtpConfig("127.0.0.1", port, user="bot", password="pw", starttls=True,
                                    sender="alerts@example.com", cafile=str(cert))
        report = Watcher(opener, client, [deliver.Email(config, ["analyst@example.com"], timeout=5)]).run_once()
    finally:
        controller.stop()
    assert report.delivered == 1 and logins == [True]
    assert len(received) == 1 and received[0][0] is True  # the message went over TLS
    assert "Notion Labs, Inc." in received[0][1]


def test_an_unchanged_feed_adds_no_state_row(feed_server, client, opener):
    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    watcher = Watcher(opener, client)
    watcher.run_once()
    with opener() as ledger:
        before = ledger.backend.query("SELECT count(*) FROM feed_state")[0][0]
    for _ in range(3):
        assert watcher.run_once().not_modified == 2
    with opener() as ledger:
        assert ledger.backend.query("SELECT count(*) FROM feed_state")[0][0] == before


def test_a_crash_after_sending_before_recording_resends_with_the_same_idempotency_key(
        feed_server, client, opener, webhook, monkeypatch):
    import pytest

    from infraledger.watch import runner

    feed_server.put(LATEST, latest_atom(feed_server.url, [NOTION]))
    _setup(opener, _latest_url(feed_server))
    hook = deliver.Webhook(webhook.url, SECRET, retries=0)

    def lost(ledger, outcomes):
        raise RuntimeError("the process died before recording")

    monkeypatch.setattr(runner, "record_outcomes", lost)
    with pytest.raises(RuntimeError):
        Watcher(opener, client, [hook]).run_once()
    monkeypatch.undo()
    after = Watcher(opener, client, [hook]).run_once()
    assert after.delivered == 1
    keys = [r["key"] for r in webhook.received]
    assert len(keys) == 2 and len(set(keys)) == 1  # sent twice, at least once; the receiver keeps one
    assert len(webhook.accepted) == 1
