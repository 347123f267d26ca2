"""The single writer: each shard's documents appended in one transaction with the row that marks it done.

If the ledger refuses a shard as a whole (one document's figure it cannot hold, say), the shard's
documents are appended one by one so that only the ones refused fail, and the shard is then marked.
A crash between those steps loses nothing: a rerun appends the shard again, and the ledger's identities
make that add nothing twice. The run's resolver is passed in so that names are not re-indexed for
every shard (the cost that grows with the ledger); after a refused shard the caller makes a new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..errors import InputError, LedgerError, LedgerLockedError
from ..ledger import Ledger
from .shards import Shard
from .work import Read


@dataclass
class Written:
    """What a shard added: per document (``documents``, text) or per filing contribution (``rows``)."""

    documents: list = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    facts: int = 0
    refused: bool = False   # the shard as a whole was refused; its documents were then appended one by one


def write_text(store: Ledger, shard: Shard, reads: list[Read], *, recorded_at: datetime | None,
               directory=None, resolver=None) -> Written:
    from ..ingest import ingest_prepared
    from ..ledger.decisions import resolver_for

    prepared = [r.value for r in reads if not r.error]
    out = Written()
    try:
        with store.backend.transaction():
            out.documents = ingest_prepared(store, prepared, recorded_at=recorded_at,
                                            resolver=resolver or resolver_for(store, directory))
            out.facts = sum(d.added for d in out.documents)
            store.mark_shard(shard.id, shard.size, out.facts)
        return out
    except LedgerLockedError:
        raise
    except (InputError, LedgerError):
        out.refused = True
    for item in prepared:  # the shard was refused as a whole: find the documents the ledger refuses
        try:
            done = ingest_prepared(store, [item], recorded_at=recorded_at, resolver=resolver_for(store, directory))
        except LedgerLockedError:
            raise
        except (InputError, LedgerError) as exc:
            out.failed.append((str(item.path), f"{item.path}: {exc}"))
            continue
        out.documents += done
        out.facts += sum(d.added for d in done)
    store.mark_shard(shard.id, shard.size, out.facts)
    return out


def write_filings(store: Ledger, shard: Shard, reads: list[Read], *, recorded_at: datetime | None,
                  resolver=None) -> Written:
    from ..sources.edgar.ingest import ingest_many

    pairs = [(r, c) for r in reads if not r.error for c in r.value.contributions]
    out = Written()

    def row(read: Read, c, result) -> dict:
        return {"file": read.value.name, "form": c.source.form_type, "accession": c.source.accession,
                "source": result.source_id, "facts_added": result.facts_added,
                "facts_skipped": result.facts_skipped, "superseded": result.superseded, "notes": list(c.notes)}

    try:
        with store.backend.transaction():
            results = ingest_many(store, [c for _, c in pairs], recorded_at=recorded_at, resolver=resolver)
            out.rows = [row(r, c, res) for (r, c), res in zip(pairs, results)]
            out.facts = sum(res.facts_added for res in results)
            store.mark_shard(shard.id, shard.size, out.facts)
        return out
    except LedgerLockedError:
        raise
    except (InputError, LedgerError):
        out.refused = True
        for _r, c in pairs:  # notes a failed attempt added are not kept
            c.notes[:] = [n for n in c.notes if "older than those already" not in n]
    for r, c in sorted(pairs, key=lambda rc: rc[1].source.published or datetime.min.date()):
        try:
            [res] = ingest_many(store, [c], recorded_at=recorded_at)
        except LedgerLockedError:
            raise
        except (InputError, LedgerError) as exc:
            out.failed.append((r.value.name, f"{r.value.name}: {exc}"))
            continue
        out.rows.append(row(r, c, res))
        out.facts += res.facts_added
    store.mark_shard(shard.id, shard.size, out.facts)
    return out
