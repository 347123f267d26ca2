"""M&A consolidation: acquisitions by the target's layer and by acquirer type, pending vs closed,
value by quarter, and the independent players left in each layer.

An acquirer's type comes from the layers recorded for the acquirer (a hyperscaler, a security
incumbent, a carrier or telecom-equipment maker, an IT-asset platform, a chipmaker), never from a
list of company names. Deals are grouped by event (facts sharing an event key); a deal's status
is its most advanced stated state as of the date. Aggregation runs in SQL, so the analysis stays
fast on large ledgers; only the listed deals are turned into Python objects.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ..ledger.store import Snapshot
from ..model import FuzzyTime, Money, Precision, Qualifier, Range
from .figures import Figure, Unit, money_figure, unsupported
from .frame import Frame, frame, range_bounds_sql

#: Acquirer type by the first matching layer of the acquirer, in this order of precedence.
ACQUIRER_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hyperscaler", ("hyperscaler",)),
    ("security incumbent", ("security",)),
    ("carrier/telecom equipment", ("carrier", "telecom_equipment")),
    ("IT-asset platform", ("it_asset_management",)),
    ("chipmaker", ("silicon",)),
)
OTHER_ACQUIRER = "other"

#: How many fact ids a summed figure cites; the rest are counted in its note.
MAX_CITED = 12


@dataclass(frozen=True)
class Deal:
    event_key: str
    target_id: str
    target: str
    target_layer: str
    acquirer_id: str
    acquirer: str
    acquirer_type: str
    status: str
    announced: date | None
    closed: date | None
    value: Figure
    status_fact_id: str
    fact_ids: tuple[str, ...]
    history: tuple[tuple[str, str, str], ...] = ()  # (status, when, fact id) as each source stated it
    # the announcement's and closing's times at the precision their source gave ("2026-Q1", not a day)
    announced_time: FuzzyTime | None = None
    closed_time: FuzzyTime | None = None


@dataclass(frozen=True)
class Bucket:
    key: str
    deals: int
    closed: int
    pending: int
    value: Figure
    undisclosed: int


@dataclass(frozen=True)
class LayerPlayers:
    layer: str
    companies: int
    acquired: int
    pending: int
    independent: int
    acquired_names: tuple[str, ...]


@dataclass(frozen=True)
class MnaResult:
    as_of: date | None
    total_deals: int
    closed: int
    pending: int
    terminated: int
    deals: tuple[Deal, ...]
    by_layer: tuple[Bucket, ...]
    by_acquirer_type: tuple[Bucket, ...]
    by_quarter: tuple[Bucket, ...]
    players: tuple[LayerPlayers, ...]


def _acquirer_type_sql(layers: str) -> str:
    cases = " ".join(
        f"WHEN list_has_any({layers}, {list(ls)!r}::VARCHAR[]) THEN '{name}'" for name, ls in ACQUIRER_TYPES)
    return f"CASE {cases} ELSE '{OTHER_ACQUIRER}' END"


def _deal_sql() -> str:
    lo, hi = range_bounds_sql("amount")
    # One pass of aggregation per deal; arg_max over ordered keys picks the fact that states the
    # deal's most advanced status and the latest-recorded amount (cheaper than window functions).
    when = "{'start': valid_start, 'end': valid_end, 'precision': valid_precision}"
    status_key = ("(status IS NOT NULL, so, coalesce(valid_start, DATE '0001-01-01'), recorded_at, id)")
    amount_key = ("(amount IS NOT NULL AND coalesce(currency, 'USD') = 'USD', recorded_at, "
                  "coalesce(valid_start, DATE '0001-01-01'), id)")
    return f"""
    WITH a AS (
      SELECT id, event_key, subject_id, subject, list_filter(counterparties, lambda p: p.role = 'acquirer')[1] AS acq,
             status, amount, amount_high, currency, amount_qualifier, valid_start, valid_end, valid_precision, recorded_at,
             CASE status WHEN 'announced' THEN 0 WHEN 'pending' THEN 1 WHEN 'completed' THEN 2
                         WHEN 'terminated' THEN 2 ELSE -1 END AS so
      FROM facts WHERE type = 'acquisition'),
    g AS (SELECT event_key, any_value(subject_id) AS target_id, any_value(subject) AS target,
                 max(acq.entity_id) AS acquirer_id, max(acq.name) AS acquirer,
                 -- a day or month beats a vaguer "2025" stated by another source for the same deal
                 coalesce(arg_min({when}, valid_start) FILTER (WHERE valid_precision IN ('day', 'month')),
                          arg_min({when}, valid_start)) AS announced_t,
                 coalesce(arg_min({when}, valid_start) FILTER (WHERE status = 'completed' AND valid_precision IN ('day', 'month')),
                          arg_min({when}, valid_start) FILTER (WHERE status = 'completed')) AS closed_t,
                 arg_max(struct_pack(status, id), {status_key}) AS st, bool_or(status IS NOT NULL) AS has_status,
                 arg_max(struct_pack(amount, amount_high, currency, amount_qualifier, id), {amount_key}) AS am
          FROM a GROUP BY event_key),
    m AS (SELECT event_key, target_id, target, acquirer_id, acquirer, announced_t.start AS announced,
                 closed_t.start AS closed, announced_t, closed_t, has_status,
                 st.status AS status, st.id AS status_id,
                 CASE WHEN coalesce(am.currency, 'USD') = 'USD' THEN am.amount END AS amount, am.amount_high AS amount_high,
                 am.currency AS currency, am.amount_qualifier AS amount_qualifier, am.id AS amount_id FROM g)
    SELECT m.event_key, m.target_id, m.target, coalesce(tl.layers[1], 'unknown') AS target_layer,
           m.acquirer_id, coalesce(al.name, m.acquirer) AS acquirer, {_acquirer_type_sql('coalesce(al.layers, [])')} AS acquirer_type,
           CASE WHEN m.has_status THEN m.status ELSE 'announced' END AS status, m.announced, m.closed,
           m.amount, m.amount_high, m.currency, m.amount_qualifier, {lo} AS lo, {hi} AS hi,
           CASE WHEN m.amount IS NOT NULL THEN m.amount_id END AS amount_id,
           CASE WHEN m.has_status THEN m.status_id END AS status_id,
           CASE WHEN m.announced IS NULL THEN NULL ELSE year(m.announced) || '-Q' || quarter(m.announced) END AS quarter,
           m.announced_t, m.closed_t
    FROM m LEFT JOIN entity_layers tl ON tl.id = m.target_id LEFT JOIN entity_layers al ON al.id = m.acquirer_id
    """


def mna_consolidation(snapshot: Snapshot, *, as_of: date | str | None = None, limit: int | None = None) -> MnaResult:
    """Acquisitions as of ``as_of``; ``deals`` lists the ``limit`` largest (then latest) deals, all when None."""
    fr = frame(snapshot, as_of)
    # one table of deals per frame: the counts, list and groupings below all read it
    if not fr.rows("SELECT 1 FROM duckdb_tables() WHERE table_name = 'deals'"):
        fr.con.execute(f"CREATE TEMP TABLE deals AS {_deal_sql()}")
    counts = fr.rows("SELECT count(*), count(*) FILTER (WHERE status = 'completed'), "
                     "count(*) FILTER (WHERE status IN ('announced', 'pending')), "
                     "count(*) FILTER (WHERE status = 'terminated') FROM deals")[0]
    order = "ORDER BY amount DESC NULLS LAST, announced DESC NULLS LAST, event_key"
    rows = fr.rows(f"SELECT * FROM deals {order}" + (f" LIMIT {int(limit)}" if limit is not None else ""))
    # the facts of the listed deals only: collecting them for every deal costs more than it shows
    ids: dict[str, list[str]] = {}
    history: dict[str, list[tuple[str, str, str]]] = {}
    for key, fid, status, start, end, precision in fr.rows(
            "SELECT event_key, id, status, valid_start, valid_end, valid_precision FROM facts WHERE type = 'acquisition' "
            "AND event_key IN (SELECT unnest(?)) ORDER BY valid_start NULLS LAST, recorded_at, id", [[r[0] for r in rows]]):
        ids.setdefault(key, []).append(fid)
        if status:
            when = _fuzzy({"start": start, "end": end, "precision": precision})
            history.setdefault(key, []).append((status, when.label() if when else "", fid))
    deals = tuple(replace(_deal(fr, r, tuple(ids.get(r[0], ()))), history=tuple(history.get(r[0], ()))) for r in rows)
    return MnaResult(fr.as_of, counts[0], counts[1], counts[2], counts[3], deals,
                     _buckets(fr, "target_layer"), _buckets(fr, "acquirer_type"), _buckets(fr, "quarter", by_key=True),
                     _players(fr))


def _deal(fr: Frame, r: tuple, ids: tuple[str, ...]) -> Deal:
    (key, tid, target, tlayer, aid, acquirer, atype, status, announced, closed, amount, high, cur, q, _lo, _hi,
     amount_id, status_id, _quarter, announced_t, closed_t) = r
    if amount is not None:
        value = money_figure(f"{target} acquisition value", Money(amount=amount, currency=cur or "USD",
                                                                  qualifier=Qualifier(q or "exact"), high=high), (amount_id,))
    else:
        value = unsupported(f"{target} acquisition value", Unit.USD, "value not disclosed in the ledger's facts")
    return Deal(key, tid, fr.name(tid, target), tlayer, aid or "", acquirer or "", atype, status, announced, closed, value,
                status_id or "", tuple(ids), announced_time=_fuzzy(announced_t), closed_time=_fuzzy(closed_t))


def _fuzzy(when: dict | None) -> FuzzyTime | None:
    """A valid time read back from its columns (start, end, precision), or None."""
    if not when or when["start"] is None:
        return None
    return FuzzyTime(when["start"], when["end"] or when["start"], Precision(when["precision"] or "range"))


def _buckets(fr: Frame, column: str, by_key: bool = False) -> tuple[Bucket, ...]:
    rows = fr.rows(
        f"SELECT coalesce({column}, 'undated') AS k, count(*), count(*) FILTER (WHERE status = 'completed'), "
        "count(*) FILTER (WHERE status IN ('announced', 'pending')), "
        "sum(lo), CASE WHEN bool_or(amount IS NOT NULL AND hi IS NULL) THEN NULL ELSE sum(hi) END, "
        "count(*) FILTER (WHERE amount IS NULL), bool_or(amount_qualifier = 'more_than'), "
        f"arg_max(amount_id, amount, {MAX_CITED}) FILTER (WHERE amount_id IS NOT NULL), count(amount_id) "
        f"FROM deals GROUP BY k ORDER BY {'k' if by_key else 'sum(lo) DESC NULLS LAST, k'}")
    out = []
    for k, n, closed, pending, lo, hi, undisclosed, lo_open, ids, n_valued in rows:
        ids = tuple(ids or ())
        note = f"{undisclosed} of {n} deals without a disclosed value" if undisclosed else ""
        if n_valued > MAX_CITED:
            note = (note + "; " if note else "") + f"cites the {MAX_CITED} largest of {n_valued} deal values"
        if lo is None:
            value = unsupported(f"M&A value, {k}", Unit.USD, note or "no disclosed values")
        else:
            value = Figure(f"M&A value, {k}", Range(Decimal(lo), None if hi is None else Decimal(hi), bool(lo_open)),
                           Unit.USD, ids[:MAX_CITED], note)
        out.append(Bucket(str(k), n, closed, pending, value, undisclosed))
    return tuple(out)


def _players(fr: Frame) -> tuple[LayerPlayers, ...]:
    """Per layer: companies known, acquired (closed), pending, and independents left.

    A company counts in every layer recorded for it; subsidiaries (a parent recorded, or a
    ``subsidiary_of`` fact) are not independent.
    """
    rows = fr.rows("""
      WITH subs AS (SELECT DISTINCT subject_id AS id FROM facts WHERE type = 'subsidiary_of'),
      c AS (SELECT e.id, e.name, e.parent_id, unnest(e.layers) AS layer FROM entity_layers e WHERE e.kind = 'company')
      SELECT c.layer, count(*) AS companies,
             count(*) FILTER (WHERE d.status = 'completed') AS acquired,
             count(*) FILTER (WHERE d.status IN ('announced', 'pending')) AS pending,
             count(*) FILTER (WHERE (d.status IS NULL OR d.status = 'terminated') AND s.id IS NULL AND c.parent_id IS NULL) AS independent,
             list(c.name ORDER BY c.name) FILTER (WHERE d.status = 'completed') AS acquired_names
      FROM c LEFT JOIN (SELECT target_id, CASE WHEN bool_or(status = 'completed') THEN 'completed'
                                    WHEN bool_or(status IN ('announced', 'pending')) THEN 'pending'
                                    ELSE 'terminated' END AS status FROM deals GROUP BY target_id) d ON d.target_id = c.id
             LEFT JOIN subs s ON s.id = c.id
      GROUP BY c.layer ORDER BY c.layer""")
    out = []
    for layer, companies, acquired, pending, independent, names in rows:
        if layer in ("venture", "exchange"):
            continue
        out.append(LayerPlayers(layer, companies, acquired, pending, independent, tuple(names or ())))
    return tuple(out)
