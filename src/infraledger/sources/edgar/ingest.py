"""Put read filings into the ledger: one transaction per filing, amendments superseding what they amend.

A Form D amendment (D/A) reports the same offering again with updated figures. Its fact has
the same event identity as the original notice (see :mod:`.facts`), so before appending it the
ledger is searched for visible facts of that event from earlier filings, and the new fact is
recorded as superseding them: the ledger then shows one raise, at the amended figures, while
the original stays in the history (as-of queries before the amendment still see it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ...errors import NotFoundError
from ...ledger import LedgerStore
from ...model.events import FactType
from ...model.facts import event_key
from .facts import FilingFacts

__all__ = ["IngestResult", "ingest"]


@dataclass(frozen=True)
class IngestResult:
    source_id: str
    facts_added: int
    facts_skipped: int
    superseded: int


def _filed(store_source) -> date:
    return store_source.published or date.min


def ingest(store: LedgerStore, contribution: FilingFacts, *, recorded_at: datetime | None = None) -> IngestResult:
    """Append one filing's source, entities and facts in one transaction; returns what changed.

    Nothing is written when the append fails (the store rolls the transaction back).
    """
    supersedes: dict[int, str] = {}
    snapshot = None
    for i, fact in enumerate(contribution.facts):
        if fact.type is not FactType.FUNDING_ROUND or not fact.attributes.get("form_d") or not fact.subject_id:
            continue
        snapshot = snapshot or store.snapshot()
        try:
            known = snapshot.facts(types=[FactType.FUNDING_ROUND], entity=fact.subject_id)
        except NotFoundError:  # the issuer is new to the ledger: nothing to supersede
            continue
        key = event_key(fact)
        filed = contribution.source.published or date.max
        older = [f for f in known
                 if f.event_key == key and f.source_id != contribution.source.id
                 and _filed(snapshot.source(f.source_id)) <= filed]
        if older:
            latest = max(older, key=lambda f: (_filed(snapshot.source(f.source_id)), f.recorded_at))
            supersedes[i] = latest.id
    result = store.append(contribution.source, contribution.facts, contribution.entities, supersedes=supersedes,
                          recorded_at=recorded_at)
    return IngestResult(result.source_id, result.facts_added, result.facts_skipped,
                        len(supersedes) if result.facts_added else 0)
