"""One poll of every feed, and the loop that repeats it.

:meth:`Watcher.run_once` reads each feed (a failing feed is reported in one line and the others go
on), fetches the new filings through the cached client and ingests them with the one ingest
pipeline (filings as ``kind="filing"`` from the cache; news pages as ``kind="text"``), then records
the alerts the new facts give and delivers every pending alert. A feed's new state is saved only
after its items are in the ledger, so a crash before that reads them again. Besides the feeds added,
the submissions JSON of every CIK a watchlist names is polled (its first reading only marks the
filings listed as seen: a company's history is not news).
"""

from __future__ import annotations

import random
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import InfraledgerError
from . import feeds as feedlib
from .alerts import Alert, record_alerts
from .deliver import prepare, record_outcomes, send
from .lists import load as load_lists


@dataclass
class RunReport:
    polled: int = 0
    not_modified: int = 0
    items: int = 0
    facts_added: int = 0
    alerts: list[Alert] = field(default_factory=list)
    delivered: int = 0
    failed_deliveries: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.polled} feeds polled ({self.not_modified} unchanged), {self.items} new items, "
                f"{self.facts_added} facts added, {len(self.alerts)} alerts, {self.delivered} delivered"
                + (f", {self.failed_deliveries} deliveries failed" if self.failed_deliveries else "")
                + (f", {len(self.problems)} feeds failed" if self.problems else ""))


def _line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


class Watcher:
    def __init__(self, open_ledger: Callable, client, channels: Sequence = (), *, max_bytes: int = 50_000_000,
                 company_feeds: bool = True) -> None:
        self.open_ledger, self.client, self.channels, self.max_bytes = open_ledger, client, list(channels), max_bytes
        self.company_feeds = company_feeds

    def run_once(self) -> RunReport:
        from ..pipeline import run_pipeline
        from ..sources.edgar.submissions import FilingRef

        report = RunReport()
        with self.open_ledger() as ledger:
            subscribed = feedlib.load_feeds(ledger)
            if self.company_feeds:  # the submissions of every CIK a list watches
                for w in load_lists(ledger).values():
                    for value in sorted(w.values("company")):
                        if value.startswith("cik:") and value[4:].isdigit():
                            subscribed.setdefault(feedlib.company_feed(self.client, int(value[4:])), "edgar-company")
            states = {url: feedlib.load_state(ledger, url) for url in subscribed}
        filings, pages, links, done = [], [], {}, []
        for url, kind in subscribed.items():
            try:
                state = states[url]
                first = kind == "edgar-company" and not (state.seen or state.etag or state.last_modified)
                result = feedlib.poll(self.client, url, kind, state, baseline=first)
                report.polled += 1
                report.not_modified += result.not_modified
                for item in result.items:
                    try:
                        if item.accession and item.cik:
                            ref = FilingRef(cik=item.cik, accession=item.accession, form=item.form, filed=None)
                            target = self.client.filing_url(ref)
                            self.client.get(target)
                            filings.append(path := self.client.cache_path(target))
                        elif item.link and kind == "rss":
                            target = item.link
                            self.client.get(target)
                            pages.append(path := self.client.cache_path(target))
                        else:
                            continue
                    except InfraledgerError as exc:  # read again next time: the item is not marked seen
                        report.problems.append(f"item {item.link or item.key}: {_line(exc)}")
                        result.state.seen = [k for k in result.state.seen if k not in item.keys]
                        continue
                    links[str(path)] = item.link or target
                report.items += len(result.items)
                if result.state != state:  # an unchanged feed adds no row
                    done.append(result.state)
            except (InfraledgerError, OSError, ValueError) as exc:
                report.problems.append(f"feed {url}: {_line(exc)}")
        source_links: dict[str, str] = {}
        for paths, kind in ((filings, "filing"), (pages, "text")):
            if not paths:
                continue
            result = run_pipeline(self.open_ledger, list(dict.fromkeys(paths)), kind=kind, max_bytes=self.max_bytes)
            report.facts_added += result.facts_added
            for row in result.rows:
                if row.get("source") and row.get("file") in links:
                    source_links[row["source"]] = links[row["file"]]
            for doc in result.documents:
                sid, name = getattr(doc, "source_id", None), str(getattr(doc, "path", "") or getattr(doc, "name", ""))
                if sid and name in links:
                    source_links[sid] = links[name]
            report.problems += [f"item {f.path}: {f.message}" for f in result.skipped + result.failed]
        with self.open_ledger() as ledger:
            feedlib.save_states(ledger, done)
            report.alerts = record_alerts(ledger, source_links)
            work = prepare(ledger, self.channels)
        # Sent with the ledger closed (a slow webhook holds no lock); a crash before the outcomes are
        # recorded sends them again after the restart (at least once; the idempotency key tells).
        outcomes = send(work)
        counts = {"delivered": 0, "failed": 0}
        if outcomes:
            with self.open_ledger() as ledger:
                counts = record_outcomes(ledger, outcomes)
        report.delivered, report.failed_deliveries = counts["delivered"], counts["failed"]
        return report

    def loop(self, interval: float, *, jitter: float = 0.1, stop: threading.Event | None = None,
             on_report: Callable[[RunReport], None] | None = None, runs: int | None = None) -> int:
        """Poll every ``interval`` seconds (plus up to ``jitter`` of it at random) until ``stop`` is set,
        SIGTERM or Ctrl-C: the poll under way is finished first (a second Ctrl-C ends it at once, which
        loses nothing: what was not recorded is read again). Returns the number of polls."""
        stop = stop or threading.Event()

        def interrupt(signum, _frame) -> None:
            if signum == signal.SIGINT and stop.is_set():
                raise KeyboardInterrupt
            stop.set()

        previous = {}
        if threading.current_thread() is threading.main_thread():
            previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
        n = 0
        try:
            while not stop.is_set():
                report = self.run_once()
                n += 1
                if on_report:
                    on_report(report)
                if runs is not None and n >= runs:
                    break
                stop.wait(interval * (1 + random.uniform(0, jitter)))
        except KeyboardInterrupt:
            pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return n
