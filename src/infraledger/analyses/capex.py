"""Capex concentration: who budgets the capital expenditure of a period, and how concentrated it is.

Per spender the latest full-period budget (company guidance or actuals before analysts'
estimates), their total, the share of the top N and the Herfindahl-Hirschman index, plus the
aggregate figures sources state for groups ("the four hyperscalers combined", "all AI
infrastructure"). Shares are computed with :class:`~infraledger.model.Range` arithmetic, so a
share of "more than $600B" in "more than $1T" is reported as unbounded, not as "more than 60%".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..ledger.store import Snapshot
from ..model import Money, Qualifier, Range
from .figures import Figure, Unit, money_figure, ratio_range, unsupported
from .frame import frame, range_bounds_sql


@dataclass(frozen=True)
class SpenderCapex:
    entity_id: str
    name: str
    period: str
    basis: str
    figure: Figure


@dataclass(frozen=True)
class AggregateCapex:
    """A figure a source states for a group of spenders."""

    entity_id: str
    name: str
    members: tuple[str, ...]
    figure: Figure


@dataclass(frozen=True)
class CapexResult:
    period: str
    as_of: date | None
    spenders: tuple[SpenderCapex, ...]          # largest first
    total: Figure                               # sum over the named spenders
    top_n: int
    top_names: tuple[str, ...]
    top_share: Figure                           # top N of the named spenders' total
    aggregates: tuple[AggregateCapex, ...]      # broadest last
    top_share_of_aggregate: tuple[Figure, ...]  # the top N's stated (and summed) figures over the broadest aggregate
    hhi: Figure


_BASIS_RANK = "CASE json_extract_string(attributes, '$.basis') WHEN 'estimate' THEN 1 ELSE 0 END"
_PERIOD = ("coalesce(json_extract_string(attributes, '$.period'), CAST(year(coalesce(valid_end, valid_start)) AS VARCHAR))")


_FULL_PERIOD = r"(?:FY)?(\d{4})"


def _year_of(period: str) -> str | None:
    """'2026' and 'FY2026' are full periods of year 2026; 'FY2026-Q2' or 'FY2026-H1' are not."""
    m = re.fullmatch(r"(?:FY)?(\d{4})", period.strip(), re.IGNORECASE)
    return m.group(1) if m else None


def _money(amount, high, currency, qualifier) -> Money:
    return Money(amount=amount, currency=currency or "USD", qualifier=Qualifier(qualifier or "exact"), high=high)


def share_range(part: Range, rest: Range) -> Range:
    """Share of ``part`` in ``part + rest`` for independent non-negative ranges.

    The share grows with ``part`` and shrinks with ``rest``, so its bounds are
    ``part.lo / (part.lo + rest.hi)`` and ``part.hi / (part.hi + rest.lo)``: tighter, and correct,
    compared with dividing ``part`` by a total that contains it.
    """
    p_lo, o_lo = part.lo or Decimal(0), rest.lo or Decimal(0)
    if rest.hi is None or p_lo + rest.hi == 0:
        lo = Decimal(0)
    else:
        lo = p_lo / (p_lo + rest.hi)
    if part.hi is None or part.hi + o_lo == 0:
        hi = Decimal(1)
    else:
        hi = part.hi / (part.hi + o_lo)
    return Range(lo, hi, lo_open=part.lo_open or rest.hi is None or rest.hi_open,
                 hi_open=part.hi is None or part.hi_open or rest.lo_open)


def capex_concentration(snapshot: Snapshot, *, as_of: date | str | None = None, period: str | None = None,
                        top_n: int = 4, limit: int | None = None) -> CapexResult:
    """Capex budgets of ``period`` (a year such as "2026"; default: the as-of year, else the latest with data).

    ``spenders`` lists the ``limit`` largest (all when None); totals, shares and HHI cover every spender.

    Returns a :class:`CapexResult`; figures the ledger cannot support are marked unsupported.
    """
    fr = frame(snapshot, as_of)
    fr.con.execute(
        "CREATE OR REPLACE TEMP TABLE capex_rows AS "
        f"SELECT id, subject_id, subject, amount, amount_high, currency, amount_qualifier, attributes, {_PERIOD} AS period, "
        f"{_BASIS_RANK} AS basis_rank, valid_start, recorded_at, "
        "coalesce(json_extract_string(attributes, '$.basis') = 'aggregate' OR json_exists(attributes, '$.members'), FALSE) "
        "OR coalesce(subject_id IN (SELECT id FROM entity_layers WHERE kind = 'group'), FALSE) AS is_group FROM facts "
        "WHERE type = 'capex_budget' AND amount IS NOT NULL AND coalesce(currency, 'USD') = 'USD'")
    fr.con.execute(f"UPDATE capex_rows SET period = NULL WHERE NOT regexp_full_match(period, '{_FULL_PERIOD}')")
    years = [r[0] for r in fr.rows(f"SELECT DISTINCT regexp_extract(period, '{_FULL_PERIOD}', 1) FROM capex_rows "
                                   "WHERE period IS NOT NULL")]
    if period is None:
        target = str((fr.as_of or date.today()).year)
        period = target if target in years else (max(years) if years else target)
    year = _year_of(period) or period
    # per spender, the latest figure, company guidance or actuals before analysts' estimates
    cols = "id, subject_id, subject, amount, amount_high, currency, amount_qualifier, attributes, period"
    lo_sql, hi_sql = range_bounds_sql("amount")
    fr.con.execute(
        f"CREATE OR REPLACE TEMP TABLE capex_spenders AS SELECT *, "
        "row_number() OVER (ORDER BY coalesce((lo + hi) / 2, lo) DESC, name, subject_id) AS rank FROM ("
        f"SELECT {cols}, {lo_sql} AS lo, {hi_sql} AS hi, amount_qualifier = 'more_than' AS lo_open, "
        "coalesce((SELECT name FROM entity_layers e WHERE e.id = capex_rows.subject_id), subject) AS name "
        f"FROM capex_rows WHERE NOT is_group AND regexp_extract(period, '{_FULL_PERIOD}', 1) = ? "
        "QUALIFY row_number() OVER (PARTITION BY subject_id ORDER BY basis_rank, valid_start DESC NULLS LAST, "
        "recorded_at DESC, id) = 1)", [year])
    # every stated group figure is kept: sources differ on them
    aggregates = [(r, json.loads(r[7]) if r[7] else {}) for r in fr.rows(
        f"SELECT {cols} FROM capex_rows WHERE is_group AND regexp_extract(period, '{_FULL_PERIOD}', 1) = ? "
        "ORDER BY valid_start, recorded_at, id", [year])]

    # only the listed spenders become objects; totals, shares and HHI are aggregated in SQL
    shown = max(limit, top_n) if limit is not None else 2**62
    items: list[SpenderCapex] = []
    for r in fr.rows(f"SELECT {cols} FROM capex_spenders WHERE rank <= ? ORDER BY rank", [shown]):
        eid, attrs = r[1], (json.loads(r[7]) if r[7] else {})
        money = _money(r[3], r[4], r[5], r[6])
        basis = attrs.get("basis", "")
        note = "analysts' estimate, not company guidance" if basis == "estimate" else ""
        items.append(SpenderCapex(eid, fr.name(eid, r[2]), r[8], basis,
                                  money_figure(f"{fr.name(eid, r[2])} capex {r[8]}", money, (r[0],), note)))
    (count, t_lo, t_hi, t_open, k_lo, k_hi, k_open, r_lo, r_hi, r_open, hhi_value) = _capex_sums(fr, top_n)

    def rng(lo_, hi_, open_) -> Range:
        return Range(Decimal(lo_), None if hi_ is None else Decimal(hi_), bool(open_))

    ids = tuple(s.figure.fact_ids[0] for s in items)
    if count:
        total = Figure(f"capex {year}, named spenders", rng(t_lo, t_hi, t_open), Unit.USD, ids,
                       f"sum of {count} spenders' latest figures")
    else:
        total = unsupported(f"capex {year}, named spenders", Unit.USD, f"no capex budgets for {year} in the ledger")

    top = items[:top_n]
    top_names = tuple(s.name for s in top)
    if count > top_n:
        top_share = Figure(f"top-{top_n} share of named spenders", share_range(rng(k_lo, k_hi, k_open), rng(r_lo, r_hi, r_open)),
                           Unit.PERCENT, ids, f"{', '.join(top_names)} of {count} named spenders")
    else:
        top_share = unsupported(f"top-{top_n} share of named spenders", Unit.PERCENT,
                                f"only {count} spenders with {year} figures; a top-{top_n} share needs more", ids)

    aggs: list[AggregateCapex] = []
    for r, attrs in aggregates:
        eid = r[1]
        money = _money(r[3], r[4], r[5], r[6])
        members = tuple(attrs.get("members") or ())
        note = "estimate" if attrs.get("source_status") == "estimate" else ""
        aggs.append(AggregateCapex(eid, fr.name(eid, r[2]), members,
                                   money_figure(f"{fr.name(eid, r[2])} capex {year}", money, (r[0],), note)))
    aggs.sort(key=lambda a: (len(a.members), a.figure.midpoint or 0))
    top_share_agg = _share_of_aggregate(top, aggs, top_n, ids)

    if count >= 2 and hhi_value is not None:
        hhi = Figure("HHI of named spenders", Range.exact(Decimal(str(round(hhi_value)))), Unit.INDEX, ids,
                     "from the midpoints of stated ranges; open-ended figures count at their bound")
    else:
        hhi = unsupported("HHI of named spenders", Unit.INDEX, "needs at least two spenders with figures", ids)
    return CapexResult(year, fr.as_of, tuple(items), total, top_n, top_names, top_share, tuple(aggs), top_share_agg, hhi)


def _capex_sums(fr, top_n: int) -> tuple:
    """Count, total, top-N and rest sums (low, high, open low) and the HHI of the chosen spenders."""
    sums = "sum(lo), CASE WHEN bool_or(hi IS NULL) THEN NULL ELSE sum(hi) END, coalesce(bool_or(lo_open), FALSE)"
    mid = "coalesce((lo + hi) / 2, lo)"
    total = fr.rows(f"SELECT count(*), {sums}, sum({mid}) FROM capex_spenders")[0]
    top = fr.rows(f"SELECT {sums} FROM capex_spenders WHERE rank <= ?", [top_n])[0]
    rest = fr.rows(f"SELECT {sums} FROM capex_spenders WHERE rank > ?", [top_n])[0]
    hhi = None
    if total[0] and total[4]:
        hhi = fr.rows(f"SELECT sum(power(100 * CAST({mid} AS DOUBLE) / ?, 2)) FROM capex_spenders",
                      [float(total[4])])[0][0]
    return (total[0], *total[1:4], *top, *rest, hhi)


def _share_of_aggregate(top: list[SpenderCapex], aggs: list[AggregateCapex], top_n: int, ids) -> tuple[Figure, ...]:
    """The top N's figures over the broadest stated aggregate, honest about both qualifiers.

    One figure per group total a source states for exactly the top N, and one for the sum of
    their own budgets; the denominator is the stated figure for the broadest group.
    """
    label = f"top-{top_n} share of all capex"
    broad = [a for a in aggs if len(a.members) > top_n or not a.members]
    if not broad:
        return (unsupported(label, Unit.PERCENT, "no source states a figure for all spenders"),)
    whole = broad[-1]
    names = {s.name for s in top}
    parts = [(a.figure.value, a.figure.fact_ids, f"{a.name} {a.figure.text()}")
             for a in aggs if a.members and set(a.members) == names]
    if len(top) == top_n:
        parts.append((sum((s.figure.value for s in top[1:]), top[0].figure.value),
                      tuple(s.figure.fact_ids[0] for s in top), "the sum of their own budgets"))
    out = []
    for part, part_ids, how in parts:
        share = ratio_range(part, whole.figure.value)
        if share.hi is None or share.hi > 1:
            share = Range(share.lo, Decimal(1), share.lo_open, False)
        out.append(Figure(label, share, Unit.PERCENT, tuple(part_ids) + whole.figure.fact_ids,
                          f"{how} over {whole.name} {whole.figure.text()}"))
    return tuple(out) or (unsupported(label, Unit.PERCENT, f"fewer than {top_n} spenders have figures"),)
