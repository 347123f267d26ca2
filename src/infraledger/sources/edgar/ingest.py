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

    A Form D fact supersedes the visible fact of the same offering from an earlier filing. If a
    later filing of that offering is already in the ledger (files loaded out of order), the
    earlier figures are stale: the source is recorded but its fact is left out, with a note,
    so the ledger still shows one raise at the latest figures. Nothing is written when the
    append fails (the store rolls the transaction back).
    """
    supersedes: dict[int, str] = {}
    stale: set[int] = set()
    snapshot = None
    filed = contribution.source.published or date.max
    for i, fact in enumerate(contribution.facts):
        if fact.type is not FactType.FUNDING_ROUND or not fact.attributes.get("form_d") or not fact.subject_id:
            continue
        snapshot = snapshot or store.snapshot()
        try:
            known = snapshot.facts(types=[FactType.FUNDING_ROUND], entity=fact.subject_id)
        except NotFoundError:  # the issuer is new to the ledger: nothing to supersede
            continue
        key = event_key(fact)  # the offering's own key: a stored fact may have joined an article's event
        same = [(f, _filed(snapshot.source(f.source_id))) for f in known
                if event_key(f) == key and f.source_id != contribution.source.id]
        newer = [f for f, when in same if when > filed]
        older = [(f, when) for f, when in same if when <= filed]
        if newer:
            stale.add(i)
            contribution.notes.append(f"Form D figures of {filed} are older than those already in the ledger "
                                      f"for this offering; fact not added")
        elif older:
            supersedes[i] = max(older, key=lambda fw: (fw[1], fw[0].recorded_at))[0].id
    facts = [f for i, f in enumerate(contribution.facts) if i not in stale]
    # Positions shift when stale facts are left out.
    positions = [i for i in range(len(contribution.facts)) if i not in stale]
    supersedes = {positions.index(i): fid for i, fid in supersedes.items()}
    result = store.append(contribution.source, facts, contribution.entities, supersedes=supersedes,
                          recorded_at=recorded_at)
    return IngestResult(result.source_id, result.facts_added, result.facts_skipped + len(stale),
                        len(supersedes) if result.facts_added else 0)
