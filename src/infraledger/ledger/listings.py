"""SQL of the ledger's listings: events and conflicts computed over a snapshot's facts, a page at a time.

The SQL is shared by both backends; the one fragment DuckDB and PostgreSQL spell differently (reading
a JSON attribute) comes from the backend's dialect.

An event is the facts sharing an ``event_key``; its state is that of its *head*, the fact that ranks
last by (status progress, end of valid time, record time, id), so a closing recorded before an older
"pending" report is still read as closed. Events are listed by the earliest start of their facts'
valid times, then subject. A conflict is a pair of facts of one event from different sources whose
amounts (or valuations) cannot both be true, even allowing the rounding the event type's
``amount_tolerance`` admits (the event-type registry), or that date the same once-only step (announced,
completed, terminated) more days apart than the type's ``date_tolerance_days``. Every step runs in the database, so a page costs one pass over the
snapshot's facts and only the facts on the page reach Python.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..model import STATUS_ORDER, Fact, Status
from ..model.event_types import registry
from ..model.quantity import ABOUT_TOLERANCE

if TYPE_CHECKING:  # pragma: no cover
    from .backends.base import Dialect

#: A fact's status as a number (announced < pending < completed = terminated); no status ranks lowest.
STATUS_RANK = ("CASE status " + " ".join(f"WHEN '{s.value}' THEN {n}" for s, n in STATUS_ORDER.items())
               + " ELSE -1 END")

#: The order of an event's facts, its head first. Mirrors :func:`state_order` (which sorts head last).
HEAD_FIRST = (f"{STATUS_RANK} DESC, coalesce(valid_end, DATE '0001-01-01') DESC, recorded_at DESC, id DESC")


def state_order(f: Fact) -> tuple:
    """Python form of :data:`HEAD_FIRST`, reversed: how an event's facts are ordered, its head last."""
    rank = STATUS_ORDER.get(f.status, -1) if f.status else -1
    return rank, f.time.end if f.time else date.min, f.recorded_at, f.id


def limit_clause(limit: int | None, offset: int) -> tuple[str, list]:
    """``LIMIT ? OFFSET ?`` for a page; no limit when ``limit`` is None."""
    if offset < 0 or (limit is not None and limit < 0):
        raise ValueError("limit and offset cannot be negative")
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [limit, offset]


def events_sql(facts_sql: str, status: Status | str | None, dialect: "Dialect") -> tuple[str, list]:
    """One row per event of ``facts_sql``: key, head's type/subject/subject id/status, and the total."""
    heads = (dialect.event_heads.replace("<rank>", STATUS_RANK) if dialect.event_heads else
             "SELECT event_key, type, subject, subject_id, status, start FROM (SELECT event_key, type, subject, "
             "subject_id, status, min(valid_start) OVER (PARTITION BY event_key) AS start, "
             f"row_number() OVER (PARTITION BY event_key ORDER BY {HEAD_FIRST}) AS n FROM v) w WHERE n = 1")
    sql = (f"WITH v AS ({facts_sql}), h AS ({heads}) "
           "SELECT event_key, type, subject, subject_id, status, count(*) OVER () FROM h WHERE 1 = 1")
    params: list = []
    if status:
        sql += " AND status = ?"
        params.append(Status(status).value)
    return sql + " ORDER BY start NULLS LAST, subject, event_key", params


# The values a stated figure allows, as in :meth:`infraledger.model.Range.of`, widened by the event
# type's rounding tolerance ``tol``: lower and upper bound, each open or closed; an upper bound of NULL
# is unbounded ("more than").
def _bounds(value: str, high: str, qualifier: str) -> str:
    about = "greatest(CAST(? AS DECIMAL(9, 6)), tol)"
    return (f"CASE {qualifier} WHEN 'less_than' THEN 0 WHEN 'up_to' THEN 0 WHEN 'more_than' THEN {value} "
            f"WHEN 'about' THEN {value} * (1 - {about}) ELSE {value} * (1 - tol) END AS {value}_lo, "
            f"{qualifier} = 'more_than' AS {value}_lo_open, "
            f"CASE {qualifier} WHEN 'more_than' THEN NULL WHEN 'about' THEN {value} * (1 + {about}) "
            f"WHEN 'between' THEN {high} * (1 + tol) WHEN 'less_than' THEN {value} WHEN 'up_to' THEN {value} "
            f"ELSE {value} * (1 + tol) END AS {value}_hi, "
            f"{qualifier} = 'less_than' AS {value}_hi_open")


def _date_tolerance() -> str:
    """SQL: days within which two sources' dates of one step agree, by the row's event type."""
    cases = " ".join(f"WHEN '{t.value}' THEN {e.date_tolerance_days}" for t, e in registry().items()
                     if e.date_tolerance_days)
    return f"CASE type {cases} ELSE 0 END" if cases else "0"


def _tolerance() -> str:
    """SQL: how far a row's reported amount may be rounded: half its type's tolerance (validated decimals)."""
    cases = " ".join(f"WHEN '{t.value}' THEN {e.rounding}" for t, e in registry().items() if e.rounding)
    return f"CAST(CASE type {cases} ELSE 0 END AS DECIMAL(9, 6))" if cases else "CAST(0 AS DECIMAL(9, 6))"


def _below(a: str, b: str, field: str) -> str:
    """SQL: every value ``a``'s figure allows is below every value ``b``'s allows."""
    return (f"({a}.{field}_hi IS NOT NULL AND ({a}.{field}_hi < {b}.{field}_lo OR ({a}.{field}_hi = {b}.{field}_lo "
            f"AND ({a}.{field}_hi_open OR {b}.{field}_lo_open))))")


def _apart(field: str, currency: str) -> str:
    return (f"(a.{field} IS NOT NULL AND b.{field} IS NOT NULL AND a.{currency} = b.{currency} "
            f"AND ({_below('a', 'b', field)} OR {_below('b', 'a', field)}))")


# Fields of a conflict in the order they are listed for one event.
CONFLICT_FIELDS = ("amount", "valuation", "date")
_ONCE = ", ".join(f"'{s.value}'" for s in (Status.ANNOUNCED, Status.COMPLETED, Status.TERMINATED))


def conflicts_sql(facts_sql: str, dialect: "Dialect") -> tuple[str, list]:
    """One row per (event, field) in conflict: key, field, the ids of the disagreeing facts, and the total.

    Rows come in the order of the events' first record time (then their least fact id), fields as in
    :data:`CONFLICT_FIELDS`; each row's facts in record order.
    """
    dated = (f"a.status = b.status AND a.status IN ({_ONCE}) AND a.valid_start IS NOT NULL AND b.valid_start IS NOT NULL "
             "AND a.detail IS NOT DISTINCT FROM b.detail "
             "AND (a.valid_start > b.valid_end + a.date_tol OR b.valid_start > a.valid_end + a.date_tol)")
    pairs = " UNION ALL ".join(
        f"SELECT a.event_key, {n} AS field, a.id AS a_id, b.id AS b_id FROM r a JOIN r b "
        f"ON a.event_key = b.event_key AND a.id < b.id AND a.source_id <> b.source_id WHERE {cond}"
        for n, cond in enumerate((_apart("amount", "currency"), _apart("valuation", "valuation_currency"), dated)))
    # r is read five times: materialised once rather than recomputed from the facts each time.
    sql = (f"WITH v AS ({facts_sql}), "
           f"t AS (SELECT v.*, {_tolerance()} AS tol, {_date_tolerance()} AS date_tol FROM v), "
           f"r AS MATERIALIZED (SELECT id, event_key, source_id, recorded_at, status, valid_start, valid_end, date_tol, currency, "
           f"valuation_currency, {dialect.attribute('detail')} AS detail, amount, valuation, "
           f"{_bounds('amount', 'amount_high', 'amount_qualifier')}, "
           f"{_bounds('valuation', 'valuation_high', 'valuation_qualifier')} FROM t), "
           f"p AS ({pairs}), "
           "c AS (SELECT event_key, field, a_id AS id FROM p UNION SELECT event_key, field, b_id FROM p), "
           "firsts AS (SELECT event_key, min(recorded_at) AS first_recorded, min(id) AS first_id FROM r "
           "WHERE event_key IN (SELECT event_key FROM c) GROUP BY event_key) "
           "SELECT c.event_key, c.field, array_agg(c.id ORDER BY f.recorded_at, c.id), count(*) OVER () "
           "FROM c JOIN r f ON f.id = c.id JOIN firsts ON firsts.event_key = c.event_key "
           "GROUP BY c.event_key, c.field, firsts.first_recorded, firsts.first_id "
           "ORDER BY firsts.first_recorded, firsts.first_id, c.field")
    return sql, [ABOUT_TOLERANCE] * 4  # the "about" bounds of amount and valuation
