"""The facts an analysis reads: a snapshot's visible facts, cut at a valid date, queryable in SQL.

Analyses must stay fast on ledgers of millions of facts, so they never hydrate every fact into
Python objects. :func:`frame` loads the snapshot's facts once as an Arrow table
(``snapshot.table``), hands it to an in-process DuckDB connection, and analyses aggregate there;
only the few facts a result names are turned into :class:`~infraledger.model.Fact` objects.
The frame is cached per snapshot and date, so a report's analyses share one load.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import NotFoundError
from ..ledger.rows import FACT_COLUMNS, fact_from_row
from ..ledger.store import Snapshot
from ..model import Entity, EntityKind, Fact, Layer

#: Fact types the analyses read; loading them together costs one query.
ANALYSED_TYPES = ("capex_budget", "ipo", "price_observation", "price_change", "acquisition", "funding_round",
                  "strategic_investment", "commercial_contract", "talent_move", "list_metric", "list_membership",
                  "backed_by", "subsidiary_of", "competes_with", "customer_of")

_CACHE: weakref.WeakKeyDictionary[Snapshot, dict[date | None, Frame]] = weakref.WeakKeyDictionary()


def as_date(value: date | datetime | str | None) -> date | None:
    """A valid-time cut-off from a date, timestamp or ISO string (None: no cut-off)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    from ..errors import InputError
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise InputError(f"not a date: {value!r}") from None


class Frame:
    """Visible facts of ``snapshot`` whose valid time starts by ``as_of`` (or have none), in DuckDB.

    The view ``facts`` has the store's columns; ``entity_layers`` maps entity ids to layers.
    """

    def __init__(self, snapshot: Snapshot, as_of: date | None) -> None:
        # a weak reference: the frame cache is keyed weakly by the snapshot, so the frame must not keep it alive
        self._snapshot = weakref.ref(snapshot)
        self.as_of = as_of
        self.con = duckdb.connect(":memory:")
        table = snapshot.table(types=ANALYSED_TYPES)
        self.con.register("_all_facts", table)
        cut = "" if as_of is None else f" WHERE valid_start IS NULL OR valid_start <= DATE '{as_of.isoformat()}'"
        # ``as_of`` is a date object rendered by isoformat(), never user text, so inlining it is safe.
        self.con.execute(f"CREATE VIEW facts AS SELECT * FROM _all_facts{cut}")
        self.entities: dict[str, Entity] = {e.id: e for e in snapshot.entities()}
        ents = list(self.entities.values())
        # Column-wise through Arrow: row-by-row inserts are slow for ledgers with many entities.
        self.con.register("entity_layers", pa.table({
            "id": pa.array([e.id for e in ents], pa.string()),
            "layers": pa.array([[layer.value for layer in e.layers] for e in ents], pa.list_(pa.string())),
            "kind": pa.array([e.kind.value for e in ents], pa.string()),
            "name": pa.array([e.name for e in ents], pa.string()),
            "parent_id": pa.array([e.parent_id for e in ents], pa.string()),
        }))

    @property
    def snapshot(self) -> Snapshot:
        snap = self._snapshot()
        if snap is None:  # pragma: no cover - only if a frame outlives its snapshot
            raise ReferenceError("the snapshot of this frame is gone")
        return snap

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of a query over ``facts`` / ``entity_layers``."""
        return self.con.execute(sql, list(params)).fetchall()

    def facts(self, where: str = "TRUE", params: Sequence[Any] = (), *, order: str = "valid_start NULLS LAST, recorded_at, id",
              limit: int | None = None) -> list[Fact]:
        """Facts matching a SQL condition, as Fact objects (use for small selections only)."""
        sql = f"SELECT {', '.join(FACT_COLUMNS)} FROM facts WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [fact_from_row(r) for r in self.rows(sql, params)]

    def facts_by_id(self, ids: Iterable[str]) -> dict[str, Fact]:
        ids = sorted(set(ids))
        if not ids:
            return {}
        return {f.id: f for f in self.facts("id IN (SELECT unnest(?))", [ids])}

    # -- entities ---------------------------------------------------------------------------
    def entity_id(self, ref: str) -> str:
        """The id of the entity ``ref`` names (name, alias, ticker or id); an id that only facts
        carry (its entity recorded later than this snapshot) is accepted as is. Raises NotFoundError."""
        try:
            return self.snapshot.entity(ref).id
        except NotFoundError:
            if self.rows("SELECT 1 FROM facts WHERE subject_id = ? LIMIT 1", [ref]):
                return ref
            raise

    def name(self, entity_id: str | None, fallback: str = "") -> str:
        e = self.entities.get(entity_id or "")
        return e.name if e else (fallback or entity_id or "")

    def layers(self, entity_id: str | None) -> tuple[Layer, ...]:
        e = self.entities.get(entity_id or "")
        return e.layers if e else ()

    def kind(self, entity_id: str | None) -> EntityKind | None:
        e = self.entities.get(entity_id or "")
        return e.kind if e else None


def frame(snapshot: Snapshot, as_of: date | datetime | str | None = None) -> Frame:
    """The (cached) frame of ``snapshot`` cut at valid date ``as_of``.

    ``as_of`` None means the snapshot's own record date, or no cut-off for a snapshot of now.
    """
    cut = as_date(as_of) if as_of is not None else (snapshot.as_of.date() if snapshot.as_of else None)
    per_snapshot = _CACHE.setdefault(snapshot, {})
    if cut not in per_snapshot:
        per_snapshot[cut] = Frame(snapshot, cut)
    return per_snapshot[cut]


def range_bounds_sql(col: str = "amount") -> tuple[str, str]:
    """SQL for the low and high bound a qualified amount column allows (NULL high = unbounded).

    Mirrors :meth:`infraledger.model.Range.of` so sums computed in SQL agree with Range arithmetic.
    """
    q, hi_col = f"{col}_qualifier", f"{col}_high"
    lo = (f"CASE {q} WHEN 'less_than' THEN 0 WHEN 'up_to' THEN 0 WHEN 'about' THEN {col} * 0.9 "
          f"ELSE {col} END")
    hi = (f"CASE {q} WHEN 'more_than' THEN NULL WHEN 'about' THEN {col} * 1.1 WHEN 'between' THEN {hi_col} "
          f"ELSE {col} END")
    return lo, hi
