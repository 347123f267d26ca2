"""Watch benchmark: what polling costs, how soon an alert follows a feed item, memory over many polls.

Run: python -m benchmarks.bench_watch [--polls N]

Everything runs against a local HTTP server on 127.0.0.1 serving a made-up EDGAR latest-filings
Atom feed (100 entries) and a Form D notice from tests/fixtures, into a new DuckDB ledger:

1. a poll of one feed that has not changed (a conditional request answered 304), and one whose body
   changed but lists only items already taken (200, parsed, nothing new): wall and CPU time per
   ``Watcher.run_once`` (the ledger opened twice, state and alerts looked at), and per ``feeds.poll``;
2. the time from a Form D for a watched company appearing in the feed to its alert being in the
   JSON-lines file (one ``run_once``: fetch the feed and the filing, ingest, match, deliver);
3. resident memory after the first poll and after N (default 1,000) polls of the unchanged feed.

Requests are spaced by the EDGAR client's rate limiter (10 a second, the SEC's limit), so the wall
time of back-to-back polls is at least 0.1 s each; the CPU time is what a poll costs the machine.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from infraledger.ledger import open_ledger
from infraledger.sources.edgar.client import EdgarClient
from infraledger.watch import deliver, feeds, lists
from infraledger.watch.runner import Watcher

FORM_D = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sec" / "form-d" / "D_Notion-Labs-Inc_2020-04-10.xml"
CIK, ACCESSION = 1781814, "0001781814-20-000001"


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def atom(base: str, entries: list[tuple[str, int, str, str]], stamp: str) -> bytes:
    out = ['<?xml version="1.0" encoding="ISO-8859-1" ?><feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>Latest Filings {stamp}</title><updated>{stamp}</updated>"]
    for form, cik, name, acc in entries:
        out.append(f'<entry><title>{form} - {name} ({cik:010d}) (Filer)</title>'
                   f'<link rel="alternate" href="{base}/Archives/edgar/data/{cik}/{acc.replace("-", "")}/{acc}-index.htm"/>'
                   f'<summary type="html">AccNo: {acc}</summary><updated>{stamp}</updated>'
                   f'<category label="form type" term="{form}"/><id>urn:tag:sec.gov,2008:accession-number={acc}</id></entry>')
    out.append("</feed>")
    return "".join(out).encode("iso-8859-1")


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, bytes] = {}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                body = owner.routes.get(self.path.split("?")[0])
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()


def timed(fn, n: int) -> tuple[float, float]:
    """Mean wall and CPU milliseconds of ``n`` calls of ``fn``."""
    w, c = time.perf_counter(), time.process_time()
    for _ in range(n):
        fn()
    return (time.perf_counter() - w) * 1000 / n, (time.process_time() - c) * 1000 / n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--polls", type=int, default=1000)
    args = parser.parse_args()
    server = Server()
    others = [("8-K", 1000 + i, f"Company {i}", f"{1000 + i:010d}-26-{i:06d}") for i in range(100)]
    server.routes["/feed"] = atom(server.url, others, "t0")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "l.duckdb")

        def opener():
            return open_ledger(db)

        client = EdgarClient(user_agent="Bench ops@example.com", cache_dir=Path(tmp) / "cache", base_url=server.url,
                             rate=10.0, timeout=5, retries=1, backoff=0)
        url = server.url + "/feed?action=getcurrent"
        with opener() as ledger:
            lists.add(ledger, "bench", companies=[str(CIK)], forms=["D"])
            feeds.add_feed(ledger, url, "edgar-latest")
        out = Path(tmp) / "alerts.jsonl"
        watcher = Watcher(opener, client, [deliver.JsonLines(out)], company_feeds=False)  # one feed
        # The first poll takes the 100 8-Ks (each fetched: 404 here, so reported and read again next time).
        server.routes.update({f"/Archives/edgar/data/{c}/{a.replace('-', '')}/{a}.txt": b"not a filing"
                              for _f, c, _n, a in others})
        watcher.run_once()
        watcher.run_once()
        r304 = timed(watcher.run_once, 20)
        with opener() as ledger:
            state = feeds.load_state(ledger, url)
        p304 = timed(lambda: feeds.poll(client, url, "edgar-latest", state), 20)

        stamps = iter(range(10**6))

        def changed():
            server.routes["/feed"] = atom(server.url, others, f"t{next(stamps)}")
            watcher.run_once()

        r200 = timed(changed, 20)
        server.routes[f"/Archives/edgar/data/{CIK}/{ACCESSION.replace('-', '')}/{ACCESSION}.txt"] = FORM_D.read_bytes()
        server.routes["/feed"] = atom(server.url, [("D", CIK, "Notion Labs, Inc.", ACCESSION), *others], "new")
        t0 = time.perf_counter()
        report = watcher.run_once()
        latency = (time.perf_counter() - t0) * 1000
        assert len(report.alerts) == 1 and out.read_text().count("\n") == 1, report
        first = rss_mb()
        t0 = time.perf_counter()
        for _ in range(args.polls):
            watcher.run_once()
        loop_s = time.perf_counter() - t0
        last = rss_mb()
    print(f"poll, unchanged (304), run_once: {r304[0]:.1f} ms wall, {r304[1]:.1f} ms CPU; feeds.poll alone: "
          f"{p304[0]:.1f} ms wall, {p304[1]:.2f} ms CPU")
    print(f"poll, changed body of 100 items all taken (200), run_once: {r200[0]:.1f} ms wall, {r200[1]:.1f} ms CPU")
    print(f"feed item to alert in the JSON-lines file: {latency:.0f} ms")
    print(f"memory over {args.polls} polls: {first:.0f} MB after the first, {last:.0f} MB after the last "
          f"({loop_s:.0f} s, {loop_s * 1000 / args.polls:.1f} ms a poll)")


if __name__ == "__main__":
    main()
