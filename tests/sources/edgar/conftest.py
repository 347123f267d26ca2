"""Fixtures for the EDGAR tests: the shared real filings in ../shared/data/sec, and a real HTTP server
on 127.0.0.1 (:class:`RecordedEdgar`) that serves recorded EDGAR files, with faults on demand.

The server's ``routes`` map a URL path to bytes; ``faults`` map a path to a list of faults served,
one per request, before the real body: "429" (with Retry-After: 0), "503", "truncate" (a
Content-Length larger than the body sent, then the connection closes), "html" (an HTML error
page with status 200). Every request's path, User-Agent and arrival time are recorded.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

#: The repository root is three levels above this folder; the shared data sits beside it.
SEC = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "sec"


@pytest.fixture(scope="session")
def sec_dir() -> Path:
    if not SEC.is_dir():
        pytest.skip(f"shared SEC filings not found at {SEC}")
    return SEC


class RecordedEdgar:
    def __init__(self) -> None:
        self.routes: dict[str, bytes] = {}
        self.faults: dict[str, list[str]] = {}
        self.log: list[tuple[str, str, float]] = []
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with owner._lock:
                    owner.log.append((path, self.headers.get("User-Agent", ""), time.monotonic()))
                    queue = owner.faults.get(path)
                    fault = queue.pop(0) if queue else None
                body = owner.routes.get(path)
                if fault == "429":
                    self._send(429, b"slow down", {"Retry-After": "0"})
                elif fault == "503":
                    self._send(503, b"unavailable")
                elif fault == "html":
                    self._send(200, b"<!DOCTYPE html><html><body>Request rate threshold exceeded</body></html>",
                               {"Content-Type": "text/html"})
                elif body is None:
                    self._send(404, b"not found")
                elif fault == "truncate":
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 3])
                    self.wfile.flush()
                    self.close_connection = True
                else:
                    self._send(200, body)

            def _send(self, status: int, body: bytes, headers: dict | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> RecordedEdgar:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def requests_to(self, path: str) -> int:
        return sum(1 for p, _, _ in self.log if p == path)


@pytest.fixture()
def recorded_edgar():
    """The :class:`RecordedEdgar` class, to be used as a context manager by a test."""
    return RecordedEdgar


#: The recorded filing the live-client tests fetch.
NVIDIA = 1045810
ACCESSION = "0001045810-26-000024"
FILING_PATH = f"/Archives/edgar/data/{NVIDIA}/{ACCESSION.replace('-', '')}/{ACCESSION}.txt"
SUBMISSIONS_PATH = f"/submissions/CIK{NVIDIA:010d}.json"


def _submissions_with_recorded_filing(sec_dir) -> bytes:
    """NVIDIA's recorded submissions JSON, plus the recorded 8-K filed after it was captured."""
    doc = json.loads((sec_dir / "other/submissions_CIK0001045810_NVIDIA.json").read_bytes())
    recent = doc["filings"]["recent"]
    row = {"accessionNumber": ACCESSION, "filingDate": "2026-03-06", "reportDate": "2026-03-02", "form": "8-K",
           "primaryDocument": "nvda-20260302.htm", "primaryDocDescription": "8-K", "items": "5.02,9.01",
           "size": 165811}
    for key, values in recent.items():
        values.insert(0, row.get(key, "" if isinstance(values[0], str) else 0))
    return json.dumps(doc).encode()


@pytest.fixture()
def edgar(sec_dir):
    """A running :class:`RecordedEdgar` serving NVIDIA's submissions, one recorded 8-K and the ticker map."""
    with RecordedEdgar() as server:
        server.routes[SUBMISSIONS_PATH] = _submissions_with_recorded_filing(sec_dir)
        server.routes[FILING_PATH] = (sec_dir / "8-k/0001045810-26-000024_8-K_NVIDIA-Corp.txt").read_bytes()
        server.routes["/files/company_tickers.json"] = (sec_dir / "other/company_tickers.json").read_bytes()
        server.cik, server.accession = NVIDIA, ACCESSION
        server.filing_path, server.submissions_path = FILING_PATH, SUBMISSIONS_PATH
        yield server
