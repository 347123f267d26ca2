"""``run_pipeline``: stream the inputs, read shards in parallel, append them in order, resume what is done."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, ContextManager

from ..ingest import Failure
from ..ledger import Ledger
from ..ledger.store import as_record_time
from .executor import Executor
from .inputs import iter_inputs
from .shards import SHARD_SIZE, Shard, shards
from .work import KINDS, Read, read_shard
from .writer import write_filings, write_text


@dataclass
class PipelineResult:
    """What a run did: documents read, skipped (unreadable) and failed (refused on writing), shards resumed."""

    read: int = 0
    documents: list = field(default_factory=list)   # text: IngestedDocument per document added
    rows: list[dict] = field(default_factory=list)  # filings: one row per filing contribution
    skipped: list[Failure] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    shards_written: int = 0
    shards_resumed: int = 0
    facts_added: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed

    def summary(self) -> str:
        resumed = f", {self.shards_resumed} shards already in the ledger" if self.shards_resumed else ""
        return f"{self.read} read, {len(self.skipped)} skipped, {len(self.failed)} failed{resumed}"


def run_pipeline(open_ledger: Callable[[], ContextManager[Ledger]], paths: Iterable[str | Path], *, kind: str,
                 max_bytes: int, executor: Executor | None = None, shard_size: int = SHARD_SIZE,
                 options: dict[str, Any] | None = None, recorded_at: date | datetime | str | None = None,
                 directory=None, strict: bool = False,
                 on_document: Callable[[int], None] | None = None) -> PipelineResult:
    """Ingest every document of ``paths`` as ``kind`` ("text" or "filing") into the ledger.

    ``open_ledger()`` opens the ledger for writing; it is opened for each shard's write and closed
    again, so other processes get in between. With ``strict``, every shard is read first and nothing is
    written when any document cannot be read. ``on_document(n)`` is called as documents are done.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown input kind {kind!r}")
    executor = executor or Executor()
    options = dict(options or {})
    when = as_record_time(recorded_at)
    result = PipelineResult()
    # The shards already in the ledger, learnt at the first write: the ledger is opened only to write,
    # so a bad input is reported at once even while another process holds the ledger.
    done: set[str] | None = None
    pending: list[Shard] = []
    # One resolver for the run, kept up to date by the appends (only this writer adds entities while it
    # runs); made anew after a shard the ledger refused, whose entities it may have taken in.
    resolver = None

    def todo():
        for shard in shards(iter_inputs(paths, max_bytes=max_bytes), kind, shard_size):
            result.skipped += [Failure(u.name, u.message) for u in shard.unreadable]
            if done is not None and shard.id in done:
                result.shards_resumed += 1
                if on_document:
                    on_document(shard.size)
                continue
            pending.append(shard)
            yield kind, shard.items, options

    reads_in_order = executor.map(read_shard, todo())
    if strict:  # read everything first: nothing is written when a document is bad
        read_all = list(reads_in_order)
        bad = [r for reads in read_all for r in reads if r.error]
        result.skipped += [Failure(r.name, r.error) for r in bad]
        if result.skipped:
            result.read = sum(len(reads) for reads in read_all) - len(bad)
            return result
        reads_in_order = iter(read_all)
    for reads in reads_in_order:
        shard = pending.pop(0)
        good = [r for r in reads if not r.error]
        result.skipped += [Failure(r.name, r.error) for r in reads if r.error]
        if good:
            with open_ledger() as store:
                if done is None:
                    done = store.shards_done()
                if shard.id in done:  # read again before the ledger was asked: not written again
                    result.shards_resumed += 1
                else:
                    result.read += len(good)
                    if resolver is None:
                        from ..ledger.decisions import resolver_for

                        resolver = resolver_for(store, directory)
                    if not _write(store, kind, shard, reads, when, directory, result, resolver):
                        resolver = None
        if on_document:
            on_document(shard.size)
    return result


def _write(store: Ledger, kind: str, shard: Shard, reads: list[Read], when, directory,
           result: PipelineResult, resolver) -> bool:
    """Write one shard; False when the ledger refused it as a whole (then ``resolver`` is not to be trusted)."""
    if kind == "text":
        written = write_text(store, shard, reads, recorded_at=when, directory=directory, resolver=resolver)
    else:
        written = write_filings(store, shard, reads, recorded_at=when, resolver=resolver)
    result.documents += written.documents
    result.rows += written.rows
    result.failed += [Failure(path, message) for path, message in written.failed]
    result.facts_added += written.facts
    result.shards_written += 1
    return not written.refused
