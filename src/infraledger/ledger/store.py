"""The ledger's interface: what every store backend offers, independent of the database.

A ledger is append-only and bitemporal. ``append`` writes one source with its facts in one
transaction; ``snapshot(as_of)`` returns a read-only view of what the ledger knew at that record
time. A PostgreSQL backend sits beside the DuckDB one behind this same interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Generic, Iterable, Sequence, TypeVar

from ..model import CandidateFact, Entity, Fact, FactType, Source, Status

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

    from ..resolve import Resolver
    from .review import Review


T = TypeVar("T")

#: One source to append: ``(source, facts, entities)``, or ``(source, facts, entities, text)`` with the
#: document's text (what the facts' spans index into; None when there is none).
Batch = (tuple[Source, Sequence[CandidateFact], Sequence[Entity]]
         | tuple[Source, Sequence[CandidateFact], Sequence[Entity], str | None])


@dataclass(frozen=True)
class AppendResult:
    """What one append added; re-appending the same document adds nothing."""

    source_id: str
    facts_added: int
    facts_skipped: int
    entities_added: int
    source_added: bool


@dataclass(frozen=True)
class EventState:
    """One real-world event (facts sharing an ``event_key``) as known at a snapshot's time."""

    key: str
    type: FactType
    subject: str
    subject_id: str
    status: Status | None
    facts: tuple[Fact, ...]

    @property
    def latest(self) -> Fact:
        """The fact that states the event's current state (latest valid time, then record time)."""
        return self.facts[-1]

    @property
    def amount(self):
        """The amount stated by the latest fact that states one, or None."""
        return next((f.amount for f in reversed(self.facts) if f.amount is not None), None)


@dataclass(frozen=True)
class Conflict:
    """Facts from different sources that disagree about one event's figures."""

    key: str
    type: FactType
    subject: str
    field: str
    facts: tuple[Fact, ...]
    values: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: ``items`` from position ``offset`` of ``total``."""

    items: list[T]
    total: int
    offset: int = 0

    @property
    def rest(self) -> int:
        """How many items come after this page."""
        return max(self.total - self.offset - len(self.items), 0)


def as_record_time(value: date | datetime | str | None) -> datetime | None:
    """A record-time bound: a date means the end of that day (everything recorded that day counts)."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            from ..errors import InputError
            raise InputError(f"not a date or timestamp: {value!r}") from None
        if len(value) <= 10:
            return datetime.combine(parsed.date(), datetime.max.time())
        return parsed
    return datetime.combine(value, datetime.max.time())


class Snapshot(ABC):
    """A read-only view of the ledger as it stood at record time ``as_of`` (None = now)."""

    as_of: datetime | None

    @abstractmethod
    def facts(self, *, types: Iterable[FactType | str] | None = None, entity: str | None = None,
              layer: str | None = None, valid_from: date | None = None, valid_until: date | None = None,
              source_id: str | None = None, subjects: Iterable[str] | None = None,
              include_superseded: bool = False) -> list[Fact]:
        """Facts visible at this snapshot, ordered by valid time then record time.

        ``entity`` (a name, alias, ticker or id) keeps facts whose subject or a counterparty is that
        entity; ``subjects`` (entity ids) keeps facts whose subject is one of them; ``layer`` keeps
        facts whose subject works in that layer; the valid-time filters keep facts whose interval
        overlaps ``[valid_from, valid_until]``.
        """

    @abstractmethod
    def fact_page(self, *, limit: int | None = None, offset: int = 0, **filters) -> Page[Fact]:
        """A page of :meth:`facts` (same filters and order), with the number of facts in all."""

    @abstractmethod
    def fact(self, fact_id: str) -> Fact:
        """One fact by id; raises NotFoundError."""

    @abstractmethod
    def entities(self) -> list[Entity]:
        """Latest version of every entity recorded by ``as_of``."""

    @abstractmethod
    def entity_page(self, *, layer: str | None = None, kind: str | None = None, limit: int | None = None,
                    offset: int = 0) -> Page[Entity]:
        """A page of entities by name, only those in ``layer`` or of ``kind`` when given."""

    @abstractmethod
    def entity(self, ref: str) -> Entity:
        """An entity by id, name, alias, ticker or CIK; raises NotFoundError."""

    @abstractmethod
    def sources(self, ids: Iterable[str] | None = None) -> list[Source]:
        """Every source recorded by ``as_of`` (only those of ``ids`` when given)."""

    @abstractmethod
    def source(self, source_id: str) -> Source:
        """One source by id; raises NotFoundError."""

    def events(self, **filters) -> list[EventState]:
        """Facts grouped into events (same ``event_key``), each with its latest known status.

        Takes the filters of :meth:`facts` and ``status`` (only events in that state).
        """
        return self.event_page(**filters).items

    @abstractmethod
    def event_page(self, *, status: Status | str | None = None, limit: int | None = None, offset: int = 0,
                   **filters) -> Page[EventState]:
        """A page of :meth:`events`, with the number of events in all."""

    def conflicts(self) -> list[Conflict]:
        """Events whose sources disagree on amount, valuation or date."""
        return self.conflict_page().items

    @abstractmethod
    def conflict_page(self, *, limit: int | None = None, offset: int = 0) -> Page[Conflict]:
        """A page of :meth:`conflicts`, with the number of conflicts in all."""

    @abstractmethod
    def table(self, *, types: Iterable[FactType | str] | None = None) -> "pa.Table":
        """Visible facts as an Arrow table (the columns of the store), for bulk analyses and exports."""

    @abstractmethod
    def count(self) -> int:
        """Number of visible facts."""

    @abstractmethod
    def document_text(self, source_id: str) -> str | None:
        """The text of the source's document as recorded by ``as_of`` (what spans index), or None."""

    @abstractmethod
    def reviews(self, fact_ids: Iterable[str] | None = None) -> list["Review"]:
        """Reviews recorded by ``as_of``, oldest first (only those of or making ``fact_ids`` when given)."""

    @abstractmethod
    def reviewed(self, fact_ids: Iterable[str]) -> dict[str, list["Review"]]:
        """The reviews of each of ``fact_ids`` (a fact made by a correction or addition counts as
        reviewed by that review), oldest first; an empty list for a fact nobody reviewed."""

    @abstractmethod
    def review_queue(self, *, source_id: str | None = None, order: str = "confidence", limit: int | None = None,
                     offset: int = 0) -> Page[Fact]:
        """Visible machine-read facts (confidence below 1) that nobody has reviewed by ``as_of``."""


class LedgerStore(ABC):
    """A ledger backend."""

    @abstractmethod
    def append(self, source: Source, facts: Sequence[CandidateFact], entities: Sequence[Entity] = (), *,
               resolver: "Resolver | None" = None, recorded_at: datetime | None = None,
               supersedes: dict[int, str] | None = None, text: str | None = None) -> AppendResult:
        """Add one source, its entities and its facts in one transaction.

        Names in ``facts`` are resolved to entity ids (``resolver``, default: the ledger's own
        entities). ``supersedes`` maps a fact's position in ``facts`` to the id of an older fact it
        corrects. ``recorded_at`` defaults to the source's ``recorded_at``, else now. Facts already
        in the ledger (same identity) are skipped, so appending a document twice adds nothing.
        ``text`` is the document's text, the one the facts' spans index into; it is stored once per
        source, so a reviewer can read each fact in its place.
        """

    @abstractmethod
    def append_many(self, batches: Iterable[Batch], *, resolver: "Resolver | None" = None,
                    recorded_at: datetime | None = None,
                    supersedes: Sequence[dict[int, str] | None] | None = None) -> list[AppendResult]:
        """Several appends in one transaction: all land or none (``recorded_at`` as for :meth:`append`).

        Each batch is ``(source, facts, entities)`` or ``(source, facts, entities, text)``;
        ``supersedes`` gives, per batch, what :meth:`append`'s ``supersedes`` gives for one.
        """

    @abstractmethod
    def append_arrow(self, sources: "pa.Table", facts: "pa.Table") -> int:
        """Bulk path: add already-resolved facts given as Arrow tables with the store's columns."""

    @abstractmethod
    def snapshot(self, as_of: date | datetime | str | None = None) -> Snapshot:
        """A read-only view of what was known at record time ``as_of``."""

    @abstractmethod
    def record_resolution(self, name: str, entity_id: str, method: str, score: float | None,
                          action: str = "merge", source_id: str | None = None) -> None:
        """Record an entity-resolution decision (or its undoing)."""

    @abstractmethod
    def resolutions(self) -> list[dict]:
        """Every resolution decision, oldest first."""

    @abstractmethod
    def resolution_page(self, *, limit: int | None = None, offset: int = 0) -> Page[dict]:
        """A page of :meth:`resolutions`, with the number of decisions in all."""

    @abstractmethod
    def close(self) -> None:
        """Release the database."""

    def __enter__(self) -> "LedgerStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
