"""Capex backing: how much of a company's disclosed contract value named hyperscalers and AI labs underwrite.

The score is the share of a company's disclosed ``commercial_contract`` value whose customer works
in the hyperscaler or AI-lab layer. Contract facts are de-duplicated so one deal is counted once:
a "cumulative" tranche replaces the tranches with that customer dated before it, and a fact without
a tranche whose figure overlaps a tranche with the same customer is read as a restatement of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..ledger.store import Snapshot
from ..model import Fact, Range
from .capex import share_range
from .figures import Figure, Unit, money_figure, unsupported
from .frame import frame

#: Customer layers whose contracts count as backing, with the words the report uses for them.
BACKING_LAYERS = {"hyperscaler": "hyperscaler", "ai_lab": "AI-lab"}


def backing_formula() -> str:
    """The score's rule in one plain-English sentence, built from the constants :func:`capex_backing` uses."""
    who = " or ".join(BACKING_LAYERS.values())
    return (f"Capex-backing score = disclosed contract value (USD) with {who} customers ÷ all disclosed "
            "contract value (USD). Each contract is counted once: a cumulative figure replaces the earlier "
            "tranches with that customer, and an undated figure that overlaps a tranche is read as a "
            "restatement of it. Stated ranges stay ranges.")


@dataclass(frozen=True)
class Contract:
    customer_id: str
    customer: str
    customer_layers: tuple[str, ...]
    backing: bool
    value: Figure
    counted: bool        # False when another fact already counts this value
    reason: str          # why it is (not) counted


@dataclass(frozen=True)
class BackingScore:
    entity_id: str
    name: str
    score: Figure                 # share of disclosed value from hyperscaler/AI-lab customers
    backed_value: Figure
    total_value: Figure
    contracts: tuple[Contract, ...]


def _customer(f: Fact):
    return next((p for p in f.counterparties if p.role.value == "customer"), None)


def capex_backing(snapshot: Snapshot, company: str, *, as_of: date | str | None = None) -> BackingScore:
    """Capex-backing score of ``company`` (name, ticker or id) as of ``as_of``; NotFoundError if unknown."""
    fr = frame(snapshot, as_of)
    eid = fr.entity_id(company)
    return capex_backing_many(snapshot, [eid], as_of=as_of)[eid]


def capex_backing_many(snapshot: Snapshot, entity_ids: list[str], *, as_of: date | str | None = None) -> dict[str, BackingScore]:
    """Capex-backing scores of several companies (by entity id) with one query; {id: BackingScore}."""
    fr = frame(snapshot, as_of)
    by_company: dict[str, list[Fact]] = {eid: [] for eid in entity_ids}
    if entity_ids:
        for f in fr.facts("type = 'commercial_contract' AND subject_id IN (SELECT unnest(?))", [list(entity_ids)]):
            by_company[f.subject_id].append(f)
    return {eid: _score(fr, eid, facts) for eid, facts in by_company.items()}


def _score(fr, eid: str, facts: list[Fact]) -> BackingScore:
    name = fr.name(eid, facts[0].subject if facts else "")
    by_customer: dict[str, list[Fact]] = {}
    for f in facts:
        c = _customer(f)
        if c is not None:
            by_customer.setdefault(c.entity_id or c.name, []).append(f)
    contracts: list[Contract] = []
    for cid, items in by_customer.items():
        layers = tuple(x.value for x in fr.layers(cid))
        backing = bool(set(layers) & BACKING_LAYERS.keys())
        cname = fr.name(cid, _customer(items[0]).name)
        cumulative = [f for f in items if f.amount and str(f.attributes.get("tranche", "")).startswith("cumulative")]
        latest_cum = max(cumulative, key=lambda f: (f.time.start if f.time else date.min, f.recorded_at), default=None)
        tranched = [f for f in items if f.amount and f.attributes.get("tranche") and f not in cumulative]
        for f in items:
            if f.amount is None or f.amount.currency != "USD":
                continue
            counted, reason = True, ""
            start = f.time.start if f.time else None
            if latest_cum is not None and f is not latest_cum:
                if f in cumulative or (start is not None and latest_cum.time and start <= latest_cum.time.start):
                    counted, reason = False, f"included in the cumulative figure of {latest_cum.time.label()}"
            if counted and not f.attributes.get("tranche"):
                same = [g for g in tranched + ([latest_cum] if latest_cum else [])
                        if Range.of_money(g.amount).overlaps(Range.of_money(f.amount))]
                if same:
                    counted, reason = False, f"restates the {same[0].attributes.get('tranche')} contract"
            contracts.append(Contract(cid, cname, layers, backing,
                                      money_figure(f"{name} contract with {cname}", f.amount, (f.id,)), counted, reason))
    counted = [c for c in contracts if c.counted]
    if not counted:
        none = unsupported(f"{name} capex-backing score", Unit.PERCENT, "no disclosed contract values in the ledger")
        return BackingScore(eid, name, none, unsupported("backed value", Unit.USD, none.note),
                            unsupported("disclosed contract value", Unit.USD, none.note), tuple(contracts))
    ids = tuple(i for c in counted for i in c.value.fact_ids)
    backed = [c for c in counted if c.backing]
    other = [c for c in counted if not c.backing]
    zero = Range.exact(0)
    b = sum((c.value.value for c in backed), zero)
    o = sum((c.value.value for c in other), zero)
    total = b + o
    if b.hi == 0:
        share = Range.exact(0)
    elif o.hi == 0:
        share = Range.exact(1)
    else:
        share = share_range(b, o)
    names = ", ".join(dict.fromkeys(c.customer for c in backed)) or "none"
    score = Figure(f"{name} capex-backing score", share, Unit.PERCENT, ids,
                   f"hyperscaler/AI-lab customers: {names}; {len(counted)} contract figures counted")
    return BackingScore(eid, name, score,
                        Figure(f"{name} hyperscaler/AI-lab contract value", b, Unit.USD,
                               tuple(i for c in backed for i in c.value.fact_ids)),
                        Figure(f"{name} disclosed contract value", total, Unit.USD, ids), tuple(contracts))
