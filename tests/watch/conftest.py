"""Local servers for the watch tests, on 127.0.0.1: recorded feeds and filings (with faults), a webhook
receiver that checks signatures, and an SMTP server (aiosmtpd)."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from infraledger.ledger import open_ledger
from infraledger.sources.edgar.client import EdgarClient

FORM_D = Path(__file__).resolve().parents[1] / "fixtures" / "sec" / "form-d" / "D_Notion-Labs-Inc_2020-04-10.xml"
CIK, ACCESSION = 1781814, "0001781814-20-000001"
SECRET = "test-secret"


def latest_atom(base: str, entries: list[tuple[str, int, str, str]], updated: str = "2026-07-03T06:01:29-04:00") -> bytes:
    """A made-up EDGAR latest-filings Atom feed: entries are (form, cik, company, accession)."""
    parts = ['<?xml version="1.0" encoding="ISO-8859-1" ?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>Latest Filings - {updated}</title>", f"<updated>{updated}</updated>",
             f"<id>{base}/cgi-bin/browse-edgar?action=getcurrent</id>"]
    for form, cik, company, accession in entries:
        folder = accession.replace("-", "")
        parts.append(f"""<entry>
<title>{form} - {company} ({cik:010d}) (Filer)</title>
<link rel="alternate" type="text/html" href="{base}/Archives/edgar/data/{cik}/{folder}/{accession}-index.htm"/>
<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; 2026-07-02 &lt;b&gt;AccNo:&lt;/b&gt; {accession} &lt;b&gt;Size:&lt;/b&gt; 9 KB</summary>
<updated>{updated}</updated>
<category scheme="https://www.sec.gov/" label="form type" term="{form}"/>
<id>urn:tag:sec.gov,2008:accession-number={accession}</id>
</entry>""")
    parts.append("</feed>")
    return "\n".join(parts).encode("iso-8859-1")


def submissions_json(cik: int, filings: list[tuple[str, str, str]]) -> bytes:
    """A company's submissions JSON listing ``filings`` (accession, form, filing date)."""
    return json.dumps({"cik": str(cik), "name": "Notion Labs, Inc.", "tickers": [], "exchanges": [],
                       "filings": {"recent": {"accessionNumber": [a for a, _f, _d in filings],
                                              "form": [f for _a, f, _d in filings],
                                              "filingDate": [d for _a, _f, d in filings],
                                              "reportDate": [""] * len(filings),
                                              "primaryDocument": ["primary_doc.xml"] * len(filings)}}}).encode()


SUBMISSIONS = f"/submissions/CIK{CIK:010d}.json"
OLD_FILING = ("0001781814-19-000007", "D", "2019-06-01")


def filing_path(cik: int, accession: str) -> str:
    return f"/Archives/edgar/data/{cik}/{accession.replace('-', '')}/{accession}.txt"


class FeedServer:
    """Serves ``routes`` (path -> bytes) with an ETag and Last-Modified, answers 304 to a matching
    conditional request, and serves ``faults[path]`` first, one per request: "500", "429", "slow",
    "malformed". Every request is logged as (path, status)."""

    def __init__(self) -> None:
        self.routes: dict[str, bytes] = {}
        self.faults: dict[str, list[str]] = {}
        self.log: list[tuple[str, int]] = []
        self.changed: dict[str, float] = {}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                queue = owner.faults.get(path)
                fault = queue.pop(0) if queue else None
                body = owner.routes.get(path)
                if fault == "slow":
                    time.sleep(2.5)
                if fault in ("500", "429"):
                    return self._send(int(fault), b"fault", {"Retry-After": "0"})
                if fault == "malformed":
                    return self._send(200, b"<feed><entry><title>unclosed & broken</feed", {})
                if body is None:
                    return self._send(404, b"not found", {})
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                modified = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(owner.changed.get(path, 0)))
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", {"ETag": etag})
                self._send(200, body, {"ETag": etag, "Last-Modified": modified})

            def _send(self, status: int, body: bytes, headers: dict) -> None:
                owner.log.append((self.path.split("?")[0], status))
                self.send_response(status)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def put(self, path: str, body: bytes) -> None:
        self.routes[path] = body
        self.changed[path] = time.time()

    def hits(self, path: str) -> list[int]:
        return [status for p, status in self.log if p == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class WebhookReceiver:
    """Takes POSTs; answers ``statuses`` in turn (then 200); keeps each body whose signature is right."""

    def __init__(self, secret: str = SECRET) -> None:
        self.statuses: list[int] = []
        self.received: list[dict] = []
        self.accepted: dict[str, dict] = {}
        self.bad_signatures = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
                good = hmac.compare_digest(expected, self.headers.get("X-Infraledger-Signature", ""))
                key = self.headers.get("Idempotency-Key", "")
                status = owner.statuses.pop(0) if owner.statuses else 200
                owner.received.append({"key": key, "good": good, "status": status, "body": json.loads(body)})
                if not good:
                    owner.bad_signatures += 1
                    status = 401
                elif status == 200:
                    owner.accepted.setdefault(key, json.loads(body))
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def feed_server():
    server = FeedServer()
    server.put(filing_path(CIK, ACCESSION), FORM_D.read_bytes())
    server.put(SUBMISSIONS, submissions_json(CIK, [OLD_FILING]))  # the watched company's history
    yield server
    server.close()


@pytest.fixture
def webhook():
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


@pytest.fixture
def ledger_path(tmp_path) -> Path:
    return tmp_path / "ledger.duckdb"


@pytest.fixture
def opener(ledger_path):
    return lambda: open_ledger(str(ledger_path))


def make_client(base: str, cache: Path, **kw) -> EdgarClient:
    values = {"user_agent": "Watch Tests ops@example.com", "cache_dir": cache, "base_url": base, "data_url": base,
              "rate": 10.0, "timeout": 1.0, "retries": 1, "backoff": 0.0}
    values.update(kw)
    return EdgarClient(**values)


@pytest.fixture
def client(feed_server, tmp_path):
    return make_client(feed_server.url, tmp_path / "cache")
