"""Exit-route outlook: for each private or recently listed company, IPO-ready, acquisition target or at risk.

Every verdict comes with its reasons, and each reason with the facts behind it. The rules read
only facts and entity layers:

- IPO-ready: most of its disclosed contract value is underwritten by hyperscalers/AI labs
  (capex backing >= 50%), or it raised at a valuation of $1B or more without an exit yet.
- Acquisition target: incumbents bought companies in its layer, or a strategic investor from
  another layer holds a stake.
- At risk: it lost people to a larger company, or its shares fell by a third or more since the IPO
  or the first-day close.
A company can carry several routes; the verdict is the first of at risk, IPO-ready, acquisition
target that has a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..ledger.store import Snapshot
from .backing import capex_backing_many
from .frame import frame
from .funding import FundingResult, private_funding
from .ipo import IpoScorecard, ipo_scorecard
from .mna import MnaResult, mna_consolidation

IPO_READY, TARGET, AT_RISK = "IPO-ready", "acquisition target", "at risk"


@dataclass(frozen=True)
class Reason:
    route: str
    text: str
    fact_ids: tuple[str, ...]


@dataclass(frozen=True)
class CompanyOutlook:
    entity_id: str
    name: str
    verdict: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Outlook:
    as_of: date | None
    companies: tuple[CompanyOutlook, ...]


def exit_outlook(snapshot: Snapshot, *, as_of: date | str | None = None, limit: int = 50,
                 mna: MnaResult | None = None, funding: FundingResult | None = None,
                 card: IpoScorecard | None = None) -> Outlook:
    """Outlook for companies that raised private money or listed (at most ``limit``, by most facts).

    ``mna``, ``funding`` and ``card`` reuse results already computed for the same snapshot and date.
    """
    fr = frame(snapshot, as_of)
    acquired = {r[0] for r in fr.rows("SELECT DISTINCT subject_id FROM facts WHERE type = 'acquisition' AND status = 'completed'")}
    candidates = [r[0] for r in fr.rows(
        "SELECT subject_id FROM facts WHERE type IN ('funding_round', 'strategic_investment', 'ipo', 'talent_move', "
        "'list_membership') GROUP BY subject_id ORDER BY count(*) DESC, subject_id LIMIT ?", [limit * 2])]
    candidates = [c for c in candidates if c not in acquired and fr.kind(c) in (None, "company")][:limit]
    reasons: dict[str, list[Reason]] = {c: [] for c in candidates}

    # acquisition pressure by layer: incumbents bought companies in these layers
    mna = mna or mna_consolidation(snapshot, as_of=as_of, limit=200)
    examples: dict[str, list] = {}
    for d in mna.deals:
        if d.status != "terminated":
            examples.setdefault(d.target_layer, []).append(d)
    # counts per layer cover every deal, not only the listed ones
    bought = {b.key: b.deals for b in mna.by_layer}
    funding = funding or private_funding(snapshot, as_of=as_of, limit=500)
    talent = {m.company: m for m in funding.talent_moves}
    ipos = {s.entity_id: s for s in (card or ipo_scorecard(snapshot, as_of=as_of, limit=100)).ipos}
    backings = capex_backing_many(snapshot, candidates, as_of=as_of)
    valuations = {r[0]: (r[1], r[2]) for r in fr.rows(
        "SELECT subject_id, arg_max(id, valuation), max(valuation) FROM facts WHERE subject_id IN (SELECT unnest(?)) "
        "AND valuation >= 1000000000 AND type IN ('funding_round', 'strategic_investment') GROUP BY subject_id",
        [candidates])}

    for eid in candidates:
        name = fr.name(eid)
        layers = [x.value for x in fr.layers(eid)]
        rs = reasons[eid]
        move = talent.get(name)
        if move is not None:
            who = f" ({', '.join(move.people)})" if move.people else ""
            rs.append(Reason(AT_RISK, f"lost people to {move.hirer}{who}", move.fact_ids))
        s = ipos.get(eid)
        if s is not None:
            for fig in (s.return_since_first_close, s.return_since_ipo):
                if fig.supported and fig.value.hi is not None and fig.value.hi <= Decimal("-0.33"):
                    rs.append(Reason(AT_RISK, f"{fig.label.removeprefix(name + ' ')}: {fig.text()}", fig.fact_ids))
                    break
            else:
                for ch in s.stated_changes:
                    if ch.figure.value.hi is not None and ch.figure.value.hi <= Decimal("-0.33"):
                        rs.append(Reason(AT_RISK, f"shares {ch.figure.text()} since {ch.reference.replace('_', ' ')}",
                                         ch.figure.fact_ids))
                        break
        for layer in layers:
            if bought.get(layer):
                deals = examples.get(layer, [])
                rs.append(Reason(TARGET, f"{bought[layer]} acquisition(s) in its layer ({layer})"
                                 + (": " + ", ".join(f"{d.acquirer} / {d.target}" for d in deals[:3]) if deals else ""),
                                 tuple(d.status_fact_id for d in deals[:3] if d.status_fact_id)))
        for link in funding.strategic:
            if link.company_id == eid and link.investor_layers and not set(link.investor_layers) & {"venture"}:
                rs.append(Reason(TARGET, f"strategic stake held by {link.investor} ({', '.join(link.investor_layers)})",
                                 link.fact_ids[:2]))
        backing = backings[eid]
        if backing.score.supported and backing.score.value.lo is not None and backing.score.value.lo >= Decimal("0.5"):
            rs.append(Reason(IPO_READY, f"capex backing {backing.score.text()} ({backing.score.note})", backing.score.fact_ids))
        val = valuations.get(eid)
        if val and s is None:
            rs.append(Reason(IPO_READY, f"private valuation of ${Decimal(val[1]) / 10**9:.1f}B or more", (val[0],)))

    out = []
    for eid in candidates:
        rs = reasons[eid]
        routes = [r.route for r in rs]
        verdict = next((v for v in (AT_RISK, IPO_READY, TARGET) if v in routes), "no signal")
        out.append(CompanyOutlook(eid, fr.name(eid), verdict, tuple(rs)))
    out.sort(key=lambda c: ((AT_RISK, IPO_READY, TARGET, "no signal").index(c.verdict), c.name))
    return Outlook(fr.as_of, tuple(out))
