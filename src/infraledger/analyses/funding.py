"""Private funding: how much a list of companies raised, how unevenly, and from whom.

For the members of an industry list (``list_membership`` facts; default: the list with most
members, else every company with funding facts): total raised per company (one amount per funding
event, the latest stated), the top-k share, the Gini coefficient, and the list's own stated
figures beside what the ledger can account for. Also: strategic investors that are also customers
(directly, through a subsidiary, or by a ``customer_of`` relation), investors by layer (carriers
and telecom-equipment makers as anchors), and talent-drain events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..ledger.store import Snapshot
from ..model import Money, Qualifier, Range
from .capex import share_range
from .figures import Figure, Unit, money_figure, ratio_range, unsupported
from .frame import Frame, frame, range_bounds_sql

ANCHOR_LAYERS = ("carrier", "telecom_equipment")


@dataclass(frozen=True)
class CompanyFunding:
    entity_id: str
    name: str
    raised: Figure
    events: int


@dataclass(frozen=True)
class StrategicLink:
    """A strategic investor in a company, and whether it is also the company's customer."""

    investor_id: str
    investor: str
    investor_layers: tuple[str, ...]
    company_id: str
    company: str
    investment: Figure
    customer_via: str            # "" when no customer link is in the ledger
    fact_ids: tuple[str, ...]


@dataclass(frozen=True)
class TalentMove:
    company: str
    hirer: str
    hirer_layers: tuple[str, ...]
    people: tuple[str, ...]
    when: str
    value: Figure
    fact_ids: tuple[str, ...]


@dataclass(frozen=True)
class FundingResult:
    as_of: date | None
    list_name: str
    list_size: Figure
    list_total: Figure
    companies: tuple[CompanyFunding, ...]   # most raised first
    known_total: Figure
    coverage: Figure                        # known total over the list's stated total
    top_k: int
    top_k_share: Figure
    gini: Figure
    strategic: tuple[StrategicLink, ...]
    talent_moves: tuple[TalentMove, ...]

    @property
    def investor_customers(self) -> tuple[StrategicLink, ...]:
        return tuple(s for s in self.strategic if s.customer_via)

    @property
    def anchors(self) -> tuple[StrategicLink, ...]:
        """Strategic investments by carriers and telecom-equipment makers."""
        return tuple(s for s in self.strategic if set(s.investor_layers) & set(ANCHOR_LAYERS))


def gini(values: list[Decimal]) -> Decimal:
    """Gini coefficient of non-negative values (0 = equal, towards 1 = concentrated)."""
    xs = sorted(values)
    n, total = len(xs), sum(xs)
    if n == 0 or total == 0:
        return Decimal(0)
    weighted = sum((i + 1) * x for i, x in enumerate(xs))
    return 2 * weighted / (n * total) - Decimal(n + 1) / n


def _money(amount, high, cur, q) -> Money:
    return Money(amount=amount, currency=cur or "USD", qualifier=Qualifier(q or "exact"), high=high)


def private_funding(snapshot: Snapshot, *, as_of: date | str | None = None, list_name: str | None = None,
                    top_k: int = 2, limit: int | None = None) -> FundingResult:
    """Funding of a list's members as of ``as_of``; ``limit`` caps listed companies, links and moves."""
    fr = frame(snapshot, as_of)
    if list_name is None:
        found = fr.rows("SELECT json_extract_string(attributes, '$.list') AS l, count(DISTINCT subject_id) FROM facts "
                        "WHERE type = 'list_membership' GROUP BY l ORDER BY 2 DESC, l LIMIT 1")
        list_name = found[0][0] if found else ""
    members_sql, mparams = ("", [])
    if list_name:
        members_sql = ("AND subject_id IN (SELECT subject_id FROM facts WHERE type = 'list_membership' "
                       "AND json_extract_string(attributes, '$.list') = ?)")
        mparams = [list_name]

    list_size, list_total = _list_metrics(fr, list_name)
    lo, hi = range_bounds_sql("amount")
    # Per company in SQL; only the listed companies come back as rows, the totals, top-k share and
    # Gini (from midpoints of the ranges, ascending rank) are aggregated in the same place.
    fr.con.execute(f"""
      CREATE OR REPLACE TEMP TABLE funding_by_company AS
      WITH e AS (SELECT event_key, any_value(subject_id) AS subject_id, any_value(subject) AS subject,
                        arg_max(struct_pack(id, amount, amount_high, amount_qualifier), (recorded_at, id)) AS latest
                 FROM facts WHERE type IN ('funding_round', 'strategic_investment') AND amount IS NOT NULL
                   AND coalesce(currency, 'USD') = 'USD' {members_sql}
                 GROUP BY event_key),  -- one amount per funding event: the latest stated
           u AS (SELECT subject_id, subject, latest.id AS id, latest.amount AS amount, latest.amount_high AS amount_high,
                        latest.amount_qualifier AS amount_qualifier FROM e),
           f AS (SELECT id, subject_id, subject, amount_qualifier, {lo} AS lo, {hi} AS hi FROM u),
           c AS (SELECT subject_id, any_value(subject) AS subject, sum(lo) AS lo,
                        CASE WHEN bool_or(hi IS NULL) THEN NULL ELSE sum(hi) END AS hi,
                        bool_or(amount_qualifier = 'more_than') AS lo_open, arg_max(id, lo, 12) AS ids, count(*) AS n
                 FROM f GROUP BY subject_id)
      SELECT *, row_number() OVER (ORDER BY lo DESC, subject_id) AS rank,
             CAST(coalesce((lo + hi) / 2, lo) AS DOUBLE) AS mid FROM c""", mparams)
    rows = fr.rows("SELECT subject_id, subject, lo, hi, lo_open, ids, n FROM funding_by_company WHERE rank <= ? "
                   "ORDER BY rank", [limit if limit is not None else 2**62])
    companies = [CompanyFunding(eid, fr.name(eid, name),
                                Figure(f"{fr.name(eid, name)} raised", Range(Decimal(lo), None if hi is None else Decimal(hi), bool(lo_open)),
                                       Unit.USD, tuple(ids), f"{n} funding events" if n > 1 else ""), n)
                 for eid, name, lo, hi, lo_open, ids, n in rows]
    (count, t_lo, t_hi, t_open, k_lo, k_hi, k_open, r_lo, r_hi, r_open, mids, weighted) = fr.rows(f"""
      SELECT count(*), sum(lo), CASE WHEN bool_or(hi IS NULL) THEN NULL ELSE sum(hi) END, bool_or(lo_open),
             sum(lo) FILTER (WHERE rank <= {int(top_k)}),
             CASE WHEN bool_or(hi IS NULL) FILTER (WHERE rank <= {int(top_k)}) THEN NULL
                  ELSE sum(hi) FILTER (WHERE rank <= {int(top_k)}) END, bool_or(lo_open) FILTER (WHERE rank <= {int(top_k)}),
             sum(lo) FILTER (WHERE rank > {int(top_k)}),
             CASE WHEN bool_or(hi IS NULL) FILTER (WHERE rank > {int(top_k)}) THEN NULL
                  ELSE sum(hi) FILTER (WHERE rank > {int(top_k)}) END, bool_or(lo_open) FILTER (WHERE rank > {int(top_k)}),
             sum(mid), sum(asc_rank * mid)
      FROM (SELECT *, row_number() OVER (ORDER BY mid, subject_id) AS asc_rank FROM funding_by_company)""")[0]

    def rng(lo_, hi_, open_) -> Range:
        return Range(Decimal(lo_), None if hi_ is None else Decimal(hi_), bool(open_))

    all_ids = tuple(i for c in companies[:12] for i in c.raised.fact_ids)
    if count:
        known_total = Figure("funding the ledger accounts for", rng(t_lo, t_hi, t_open), Unit.USD, all_ids,
                             f"{count} companies with stated amounts")
    else:
        known_total = unsupported("funding the ledger accounts for", Unit.USD, "no funding amounts for these companies")
    if known_total.supported and list_total.supported:
        coverage = Figure("share of the list's stated total the ledger accounts for",
                          _clip(ratio_range(known_total.value, list_total.value)), Unit.PERCENT,
                          list_total.fact_ids + all_ids)
    else:
        coverage = unsupported("share of the list's stated total the ledger accounts for", Unit.PERCENT,
                               "needs a stated list total and member amounts")
    if count > top_k:
        top_share = Figure(f"top-{top_k} share of known funding", share_range(rng(k_lo, k_hi, k_open), rng(r_lo, r_hi, r_open)),
                           Unit.PERCENT, all_ids, f"of {count} companies with stated amounts")
    else:
        top_share = unsupported(f"top-{top_k} share of known funding", Unit.PERCENT,
                                f"only {count} companies with stated amounts", all_ids)
    if count >= 2 and mids:
        # Gini = 2 * sum(i * x_i) / (n * sum(x)) - (n + 1) / n over ascending x (see :func:`gini`)
        value = Decimal(str(2 * weighted / (count * mids) - (count + 1) / count))
        g = Figure("Gini of known funding", Range.exact(value.quantize(Decimal("0.01"))), Unit.INDEX, all_ids,
                   f"over {count} companies with stated amounts; midpoints of ranges")
    else:
        g = unsupported("Gini of known funding", Unit.INDEX, "needs at least two companies with stated amounts", all_ids)
    return FundingResult(fr.as_of, list_name or "", list_size, list_total,
                         tuple(companies), known_total, coverage, top_k, top_share,
                         g, _strategic(fr, limit), _talent(fr, limit))


def _clip(r: Range) -> Range:
    return r if r.hi is not None and r.hi <= 1 else Range(r.lo, Decimal(1), r.lo_open, False)


def _list_metrics(fr: Frame, list_name: str) -> tuple[Figure, Figure]:
    size = unsupported("list size", Unit.COUNT, "no list in the ledger")
    total = unsupported("list's stated total funding", Unit.USD, "the ledger has no stated total for the list")
    if not list_name:
        return size, total
    for f in fr.facts("type = 'list_metric' AND json_extract_string(attributes, '$.list') = ?", [list_name]):
        metric = f.attributes.get("metric")
        if metric == "member_count" and f.attributes.get("value"):
            size = Figure(f"{list_name} members", Range.exact(f.attributes["value"]), Unit.COUNT, (f.id,))
        elif metric == "total_funding" and f.amount is not None:
            total = money_figure(f"{list_name} total funding", f.amount, (f.id,))
    return size, total


def _strategic(fr: Frame, limit: int | None) -> tuple[StrategicLink, ...]:
    rows = fr.rows(f"""
      WITH inv AS (SELECT id, subject_id, subject, cp.entity_id AS investor_id, cp.name AS investor,
                          amount, amount_high, currency, amount_qualifier, recorded_at
                   FROM (SELECT *, unnest(counterparties) AS cp FROM facts WHERE type = 'strategic_investment')
                   WHERE cp.role IN ('investor', 'lead_investor')),
      parents AS (SELECT subject_id AS child, cp.entity_id AS parent
                  FROM (SELECT subject_id, unnest(counterparties) AS cp FROM facts WHERE type = 'subsidiary_of')
                  UNION SELECT id, parent_id FROM entity_layers WHERE parent_id IS NOT NULL),
      g0 AS (SELECT subject_id, any_value(subject) AS subject, investor_id, any_value(investor) AS investor,
                    arg_max(struct_pack(amount, amount_high, currency, amount_qualifier, id),
                            (amount IS NOT NULL, recorded_at, id)) AS latest, list(id) AS ids
             FROM inv GROUP BY subject_id, investor_id),
      g AS (SELECT * FROM g0 ORDER BY g0.latest.amount DESC NULLS LAST, subject_id, investor_id
            {'' if limit is None else f'LIMIT {int(limit)}'}),
      cust AS (SELECT id, subject_id AS company_id, cp.entity_id AS customer_id, cp.name AS customer
               FROM (SELECT id, subject_id, unnest(counterparties) AS cp FROM facts WHERE type = 'commercial_contract'
                     AND subject_id IN (SELECT subject_id FROM g))
               WHERE cp.role = 'customer'
               UNION ALL
               SELECT id, cp.entity_id, subject_id, subject
               FROM (SELECT id, subject_id, subject, unnest(counterparties) AS cp FROM facts WHERE type = 'customer_of')),
      -- customer links only for the investments listed: joining every investment would cost more than it shows
      links AS (SELECT g.subject_id, g.investor_id,
                       list(struct_pack(f := cust.id, c := cust.customer, cid := cust.customer_id)) AS via
                FROM g JOIN cust ON cust.company_id = g.subject_id
                LEFT JOIN parents p ON p.child = cust.customer_id
                WHERE cust.customer_id = g.investor_id OR p.parent = g.investor_id
                GROUP BY g.subject_id, g.investor_id)
      SELECT g.subject_id, g.subject, g.investor_id, g.investor, g.latest.amount, g.latest.amount_high,
             g.latest.currency, g.latest.amount_qualifier, g.latest.id, g.ids, links.via
      FROM g LEFT JOIN links USING (subject_id, investor_id)
      ORDER BY g.latest.amount DESC NULLS LAST, g.subject_id, g.investor_id""")
    out = []
    for sid, subject, iid, investor, amount, high, cur, q, amount_id, ids, via in rows:
        name = fr.name(sid, subject)
        if amount is not None:
            inv = money_figure(f"{fr.name(iid, investor)} investment in {name}", _money(amount, high, cur, q), (amount_id,))
        else:
            inv = unsupported(f"{fr.name(iid, investor)} investment in {name}", Unit.USD, "amount not disclosed")
        via = via or []
        how = ""
        if via:
            v = via[0]
            how = "direct customer" if v["cid"] == iid else f"customer through {fr.name(v['cid'], v['c'])}"
        out.append(StrategicLink(iid or "", fr.name(iid, investor), tuple(x.value for x in fr.layers(iid)), sid, name,
                                 inv, how, tuple(ids) + tuple(v["f"] for v in via)))
    return tuple(out)


def _talent(fr: Frame, limit: int | None) -> tuple[TalentMove, ...]:
    facts = fr.facts("type = 'talent_move'", order="valid_start DESC NULLS LAST, recorded_at DESC, id", limit=limit)
    by_event: dict[tuple, list] = {}
    for f in facts:
        hirer = next((p for p in f.counterparties if p.role.value == "hirer"), None)
        by_event.setdefault((f.subject_id, hirer.entity_id if hirer else ""), []).append((f, hirer))
    out = []
    for (sid, hid), items in by_event.items():
        f0, hirer = items[0]
        people = tuple(dict.fromkeys(p for f, _ in items for p in f.people))
        valued = [f for f, _ in items if f.amount is not None]
        value = (money_figure(f"{f0.subject} talent deal value", valued[0].amount, (valued[0].id,)) if valued
                 else unsupported("talent deal value", Unit.USD, "not disclosed"))
        when = min((f.time for f, _ in items if f.time), key=lambda t: (t.end - t.start, t.start), default=None)
        out.append(TalentMove(fr.name(sid, f0.subject), fr.name(hid, hirer.name if hirer else ""),
                              tuple(x.value for x in fr.layers(hid)), people, when.label() if when else "",
                              value, tuple(f.id for f, _ in items)))
    return tuple(out)
