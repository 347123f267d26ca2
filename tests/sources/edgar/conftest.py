"""Fixtures for the EDGAR tests: the shared real filings in ../shared/data/sec, and a real HTTP server
on 127.0.0.1 (:class:`RecordedEdgar`) that serves recorded EDGAR files, with faults on demand.

The server's ``routes`` map a URL path to bytes; ``faults`` map a path to a list of faults served,
one per request, before the real body: "429" (with Retry-After: 0), "503", "truncate" (a
Content-Length larger than the body sent, then the connection closes), "html" (an HTML error
page with status 200). Every request's path, User-Agent and arrival time are recorded.
"""

from __future__ import annotations

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
