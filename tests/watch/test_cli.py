"""``infraledger watch`` and ``infraledger feeds`` in process (click's CliRunner)."""

from __future__ import annotations

import json

from cli_runner import run_in_process, without_settings

from .conftest import ACCESSION, CIK, SECRET, latest_atom

LATEST = "/cgi-bin/browse-edgar"


def _env(tmp_path, server=None):
    extra = {"INFRALEDGER_DB": str(tmp_path / "l.duckdb"), "INFRALEDGER_CACHE_DIR": str(tmp_path / "cache"),
             "INFRALEDGER_EDGAR_USER_AGENT": "Watch Tests ops@example.com"}
    if server:
        extra["INFRALEDGER_EDGAR_BASE_URL"] = extra["INFRALEDGER_EDGAR_DATA_URL"] = server.url
    return without_settings(**extra)


def test_watch_add_list_remove(tmp_path):
    env = _env(tmp_path)
    added = run_in_process(["watch", "add", "ai", "--company", "1781814", "--form", "d", "--layer", "Compute",
                            "--min-amount", "$10M", "--keyword", "GPU"], env=env)
    assert added.returncode == 0, added.stderr
    assert "company cik:1781814" in added.stdout and "form D" in added.stdout
    listed = run_in_process(["watch", "list", "--json"], env=env)
    assert json.loads(listed.stdout) == [{"name": "ai", "criteria": {
        "company": ["cik:1781814"], "form": ["D"], "keyword": ["gpu"], "layer": ["compute"],
        "min_amount": ["10000000"]}}]
    fewer = run_in_process(["watch", "remove", "ai", "--keyword", "gpu"], env=env)
    assert fewer.returncode == 0 and "keyword" not in fewer.stdout
    gone = run_in_process(["watch", "remove", "ai"], env=env)
    assert gone.returncode == 0 and "removed" in gone.stdout
    assert "no watchlists" in run_in_process(["watch", "list"], env=env).stdout
    unknown = run_in_process(["watch", "remove", "nope"], env=env)
    assert unknown.returncode != 0 and "no watchlist named 'nope'" in unknown.stderr
    bad = run_in_process(["watch", "add", "x", "--company", "Nobody Such Inc"], env=env)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    amount = run_in_process(["watch", "add", "x", "--min-amount", "lots"], env=env)
    assert amount.returncode != 0 and "cannot read amount" in amount.stderr


def test_feeds_add_list_remove(tmp_path):
    env = _env(tmp_path)
    url = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=D&output=atom"
    assert "(edgar-latest) added" in run_in_process(["feeds", "add", url], env=env).stdout
    assert run_in_process(["feeds", "add", "https://news.example.com/rss.xml"], env=env).returncode == 0
    listed = json.loads(run_in_process(["feeds", "list", "--json"], env=env).stdout)
    assert listed == [{"url": url, "kind": "edgar-latest"}, {"url": "https://news.example.com/rss.xml", "kind": "rss"}]
    assert run_in_process(["feeds", "remove", url], env=env).returncode == 0
    assert url not in run_in_process(["feeds", "list"], env=env).stdout
    bad = run_in_process(["feeds", "add", "ftp://x"], env=env)
    assert bad.returncode != 0 and "http(s) URL" in bad.stderr


def test_watch_run_once_prints_delivers_and_acks(tmp_path, feed_server, webhook):
    env = _env(tmp_path, feed_server)
    feed_server.put(LATEST, latest_atom(feed_server.url, [("D", CIK, "Notion Labs, Inc.", ACCESSION)]))
    run_in_process(["watch", "add", "ai", "--company", str(CIK)], env=env)
    run_in_process(["feeds", "add", f"{feed_server.url}{LATEST}?action=getcurrent&type=D&output=atom"], env=env)
    out = tmp_path / "alerts.jsonl"
    ran = run_in_process(["watch", "run", "--once", "--jsonl", out, "--webhook", webhook.url,
                          "--webhook-secret", SECRET], env=env)
    assert ran.returncode == 0, ran.stderr
    assert "[ai] funding_round: Notion Labs, Inc." in ran.stdout
    assert "2 feeds polled (0 unchanged), 1 new items, 1 facts added, 1 alerts, 3 delivered" in ran.stderr
    alert = json.loads(out.read_text())
    assert list(webhook.accepted) == [alert["id"]]
    again = run_in_process(["watch", "run", "--once", "--quiet"], env=env)
    assert "(2 unchanged), 0 new items, 0 facts added, 0 alerts, 0 delivered" in again.stderr
    assert run_in_process(["watch", "ack", alert["id"]], env=env).returncode == 0
    late = run_in_process(["watch", "run", "--once", "--jsonl", tmp_path / "late.jsonl"], env=env)
    assert late.returncode == 0 and not (tmp_path / "late.jsonl").exists()
    email = run_in_process(["watch", "run", "--once", "--email", "a@example.com"], env=env)
    assert email.returncode != 0 and "smtp_host" in email.stderr


def test_watch_run_loops_until_sigterm_and_stops_cleanly(tmp_path, feed_server):
    import os
    import signal
    import subprocess
    import time

    from cli_runner import EXE

    env = _env(tmp_path, feed_server)
    feed_server.put(LATEST, latest_atom(feed_server.url, [("D", CIK, "Notion Labs, Inc.", ACCESSION)]))
    run_in_process(["watch", "add", "ai", "--company", str(CIK)], env=env)
    run_in_process(["feeds", "add", f"{feed_server.url}{LATEST}?action=getcurrent&type=D&output=atom"], env=env)
    out = tmp_path / "alerts.jsonl"
    full = {k: v for k, v in {**os.environ, **env}.items() if v is not None}
    proc = subprocess.Popen([EXE, "watch", "run", "--interval", "1", "--quiet", "--jsonl", str(out)],
                            env=full, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        while len(lines) < 2 and time.monotonic() < deadline:  # two polls: the first with the alert
            line = proc.stderr.readline()
            if "feeds polled" in line:
                lines.append(line)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert code == 0
    assert "1 alerts, 1 delivered" in lines[0] and "0 alerts" in lines[1]
    assert len(out.read_text().splitlines()) == 1
