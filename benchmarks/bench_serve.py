"""Load benchmark of ``infraledger serve``: latency and throughput of the read pages over 1,000,000 facts.

A real server process on loopback (uvicorn, one worker) reads a synthetic ledger (that of
bench_listings: 10,000 entities, 1,000 sources, 333,334 events). Each case is driven at 1, 10 and 50
concurrent clients for a bounded number of requests (and at most ``--seconds`` per level), each client
with its own keep-alive connection; requests vary (deals pages at different cursors and filters,
different companies and sources) so the figures are not one cached answer. The first visit of each
kind (the server's copy of the ledger, each as-of time's deals table) is timed apart, as "cold".

Run: python -m benchmarks.bench_serve [--facts N] [--db PATH] [--requests N] [--seconds S] [--only CASE]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from .bench_listings import build

LEVELS = (1, 10, 50)


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    """The console script ``infraledger serve`` on a free port, once its first copy of the ledger is made."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = shutil.which("infraledger") or str(Path(sys.executable).with_name("infraledger"))
    proc = subprocess.Popen([exe, "--db", str(db), "serve", "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    while True:
        if proc.poll() is not None:
            raise SystemExit("the server stopped")
        try:
            httpx.get(url + "/api/v1/openapi.json", timeout=5)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.5)


def cases(n_sources: int = 1000, n_entities: int = 10_000) -> dict[str, callable]:
    rnd = random.Random(7)
    from infraledger.web.deals import encode_cursor

    filters = [{}, {"type": "acquisition"}, {"status": "pending"}, {"type": "funding_round", "status": "completed"},
               {"date_from": "2023-01-01", "date_until": "2024-06-30"}]
    return {
        "deals page (50 rows, facets)": lambda: ("/deals", {**rnd.choice(filters), "limit": 50,
                                                            "cursor": encode_cursor(50 * rnd.randrange(20))}),
        "deals API (50 rows, facets)": lambda: ("/api/v1/deals", {**rnd.choice(filters), "limit": 50,
                                                                  "cursor": encode_cursor(50 * rnd.randrange(20))}),
        "company page": lambda: (f"/companies/n:company-{rnd.randrange(n_entities)}", {}),
        "source page": lambda: (f"/sources/src:syn{rnd.randrange(n_sources):06d}", {}),
        "as-of deals query (API)": lambda: ("/api/v1/deals", {"as_of": "2025-06-30", "limit": 50,
                                                              "cursor": encode_cursor(50 * rnd.randrange(20))}),
    }


def drive(url: str, make, clients: int, requests: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    per_client = max(requests // clients, 1)

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=url, timeout=60) as http:
            for _ in range(per_client):
                if time.monotonic() > stop:
                    return
                path, params = make()
                t0 = time.perf_counter()
                r = http.get(path, params=params)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    errors += r.status_code != 200

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for f in [pool.submit(worker) for _ in range(clients)]:
            f.result()
    wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"n": len(latencies), "p50": q[49], "p95": q[94], "p99": q[98], "rps": len(latencies) / wall, "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, help="Keep the ledger here (reused when it exists).")
    ap.add_argument("--requests", type=int, default=300, help="Requests per case and level (default 300).")
    ap.add_argument("--seconds", type=float, default=30.0, help="Longest time per case and level.")
    ap.add_argument("--only", default="", help="Run only the cases whose name contains this text.")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "serve.duckdb"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.facts, 1000)
            print(f"built {args.facts:,} facts in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        proc, url = start_server(db)
        print(f"server up (first copy of the ledger made) in {time.perf_counter() - t0:.1f} s")
        try:
            with httpx.Client(base_url=url, timeout=300) as http:
                for label, (path, params) in (("deals table, now", ("/api/v1/deals", {})),
                                              ("deals table, as of 2025-06-30", ("/api/v1/deals", {"as_of": "2025-06-30"})),
                                              ("capex backing and outlook (first company page)",
                                               ("/companies/n:company-1", {}))):
                    t0 = time.perf_counter()
                    assert http.get(path, params=params).status_code == 200
                    print(f"cold: {label}: {time.perf_counter() - t0:.2f} s")
            print(f"{'case':34} {'clients':>7} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7} {'errors':>6}")
            for name, make in cases().items():
                if args.only not in name:
                    continue
                for clients in LEVELS:
                    r = drive(url, make, clients, args.requests, args.seconds)
                    print(f"{name:34} {clients:>7} {r['n']:>5} {r['p50'] * 1e3:>8.0f} {r['p95'] * 1e3:>8.0f} "
                          f"{r['p99'] * 1e3:>8.0f} {r['rps']:>7.1f} {r['errors']:>6}")
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
