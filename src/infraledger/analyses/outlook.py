"""Exit-route outlook: for each private or listed company, IPO-ready, acquisition target, at risk or listed.

Every verdict comes with its reasons, each reason with its weight and the facts behind it, and the
rule that turned the weights into the verdict. The signals, their weights and the combination rule
are data (:data:`SIGNALS`, :data:`LEAD_RATIO`); :func:`outlook_rules` states them in words for the
report, so the text cannot drift from the code.

A company is *listed* once the ledger holds, by the as-of date, a completed IPO whose stated time
has ended, or a price fact for its shares. A listed company is never IPO-ready: the signals that
would make a private company IPO-ready count for "listed" instead, and its outlook leads with how
its shares moved since the IPO. Before the IPO's date the same company can still be IPO-ready.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..ledger.store import Snapshot
from ..model import FuzzyTime, Range
from .backing import BACKING_LAYERS, capex_backing_many
from .figures import Figure, Unit, change_range, format_range, unsupported
from .frame import Frame, frame
from .funding import FundingResult, private_funding
from .ipo import IpoScore, IpoScorecard, ipo_scorecard
from .mna import MnaResult, mna_consolidation

IPO_READY, TARGET, AT_RISK, LISTED = "IPO-ready", "acquisition target", "at risk", "listed"
MIXED, NO_SIGNAL = "mixed", "no signal"
#: Routes in the order the report lists them (and breaks exact ties in sorting, never in verdicts).
ROUTES = (AT_RISK, IPO_READY, TARGET, LISTED)

#: A fall of the shares at or below this change since the IPO or the first-day close is a risk signal.
SHARE_DROP = Decimal("-0.33")
#: A capex-backing score at or above this share makes a private company IPO-ready.
BACKING_READY = Decimal("0.5")
#: A private valuation at or above this many USD makes a private company IPO-ready.
PRIVATE_VALUATION = Decimal(10**9)
#: The top route is the verdict when its score is at least this multiple of every other route's
#: score; routes closer than that to the top make the verdict "mixed" between them.
LEAD_RATIO = Decimal("1.5")


@dataclass(frozen=True)
class Signal:
    """One kind of reason: the route it points to, its weight and its condition in words.

    ``listed_route`` is the route once the company is listed (None: the signal does not apply to a
    listed company); ``private`` False means the signal only applies to a listed company.
    """

    key: str
    route: str
    weight: Decimal
    condition: str
    listed_route: str | None = None
    private: bool = True

    def route_for(self, listed: bool) -> str | None:
        if listed:
            return self.listed_route
        return self.route if self.private else None


def _pct(x: Decimal) -> str:
    return format_range(Range.exact(x), Unit.PERCENT)


#: Every signal the outlook reads, with its weight. A route's score is the sum of the weights of its
#: signals; each signal counts once per company however many facts show it.
SIGNALS: dict[str, Signal] = {s.key: s for s in (
    Signal("share_drop", AT_RISK, Decimal(3),
           f"its shares fell by {_pct(-SHARE_DROP)} or more since the IPO or the first-day close",
           listed_route=AT_RISK, private=False),
    Signal("talent_loss", AT_RISK, Decimal(2), "it lost people to a larger company", listed_route=AT_RISK),
    Signal("capex_backing", IPO_READY, Decimal(2),
           f"{' and '.join(BACKING_LAYERS.values())} customers underwrite {_pct(BACKING_READY)} or more of its "
           "disclosed contract value", listed_route=LISTED),
    Signal("private_valuation", IPO_READY, Decimal(1),
           f"it raised at a valuation of ${PRIVATE_VALUATION / 10**9:.0f}B or more"),
    Signal("shares_held", LISTED, Decimal(1), "its shares trade at or above the IPO price",
           listed_route=LISTED, private=False),
    Signal("strategic_stake", TARGET, Decimal(1), "a strategic investor from another layer holds a stake",
           listed_route=TARGET),
    Signal("layer_acquisitions", TARGET, Decimal(1), "incumbents bought companies in its layer", listed_route=TARGET),
)}


@dataclass(frozen=True)
class Reason:
    route: str
    text: str
    fact_ids: tuple[str, ...]
    signal: str = ""
    weight: Decimal = Decimal(0)


@dataclass(frozen=True)
class RouteScore:
    route: str
    score: Decimal
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Listing:
    """A listed company's shares: since when it trades and how its shares moved (``shares``)."""

    since: FuzzyTime | None
    ticker: str
    shares: Figure
    basis: str          # what the change is measured against: "since the IPO", "since the first-day close"

    def text(self) -> str:
        when = f" {self.since.label()}" if self.since else ""
        ticker = f" ({self.ticker})" if self.ticker else ""
        moved = f"shares {self.shares.text()} {self.basis}" if self.shares.supported else "no price facts for its shares"
        return f"listed{when}{ticker}: {moved}"


@dataclass(frozen=True)
class CompanyOutlook:
    entity_id: str
    name: str
    verdict: str                       # a route, "mixed" or "no signal"
    reasons: tuple[Reason, ...]
    scores: tuple[RouteScore, ...] = ()  # highest first
    contenders: tuple[str, ...] = ()   # the routes a "mixed" verdict is between
    rule: str = ""                     # how the scores gave the verdict, in words
    listing: Listing | None = None

    @property
    def headline(self) -> str:
        """The verdict in words: "mixed: acquisition target / IPO-ready", "listed: shares +98.9% since the IPO"."""
        head = f"{MIXED}: {' / '.join(self.contenders)}" if self.verdict == MIXED else self.verdict
        if self.listing is None:
            return head
        listing = self.listing.text()
        return listing if self.verdict == LISTED else f"{head} ({listing})"


@dataclass(frozen=True)
class Outlook:
    as_of: date | None
    companies: tuple[CompanyOutlook, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        return outlook_rules()


def weight_text(x: Decimal) -> str:
    """A weight or score without trailing zeros: "2", "1.5"."""
    return format(x.normalize(), "f")


def outlook_rules() -> tuple[str, ...]:
    """The outlook's scoring and combination rule as plain-English sentences, built from :data:`SIGNALS`."""
    lines = ["Each reason carries the weight of its signal; a route's score is the sum of the weights of its "
             "reasons (each signal counts once per company)."]
    for route in ROUTES:
        parts = [f"{s.condition} (weight {weight_text(s.weight)}{'' if s.private else ', listed companies only'})"
                 for s in SIGNALS.values() if route in (s.route, s.listed_route)]
        lines.append(f"{route}: {'; '.join(parts)}.")
    lines.append(f"The route with the highest score is the outlook when its score is at least {weight_text(LEAD_RATIO)} × "
                 f"every other route's; routes closer than that make the outlook \"{MIXED}\" between them.")
    lines.append("A company with a completed IPO or a price fact by the as-of date is listed and never IPO-ready: "
                 f"the signals that would make it IPO-ready count for \"{LISTED}\", and with no signal at all "
                 f"it stays \"{LISTED}\".")
    return tuple(lines)


def combine(reasons: list[Reason], listed: bool) -> tuple[str, tuple[RouteScore, ...], tuple[str, ...], str]:
    """Verdict, route scores (highest first), contenders of a mixed verdict and the rule in words."""
    by_route: dict[str, list[Reason]] = {}
    for r in reasons:
        by_route.setdefault(r.route, []).append(r)
    scores = sorted((RouteScore(route, sum((r.weight for r in rs), Decimal(0)), tuple(sorted(rs, key=lambda r: -r.weight)))
                     for route, rs in by_route.items()), key=lambda s: (-s.score, ROUTES.index(s.route)))
    if not scores:
        if listed:
            return LISTED, (), (), "listed, and no signal points to another route"
        return NO_SIGNAL, (), (), "no signal in the ledger"
    top = scores[0]
    close = tuple(s for s in scores if s.score * LEAD_RATIO > top.score)
    if len(scores) == 1:
        return top.route, tuple(scores), (), f"only {top.route} has reasons (score {weight_text(top.score)})"
    if len(close) == 1:
        second = scores[1]
        return top.route, tuple(scores), (), (f"{top.route} {weight_text(top.score)} is at least {weight_text(LEAD_RATIO)} × "
                                              f"{second.route} {weight_text(second.score)}")
    named = " and ".join(f"{s.route} {weight_text(s.score)}" for s in close)
    return MIXED, tuple(scores), tuple(s.route for s in close), (
        f"{named} are within {weight_text(LEAD_RATIO)} × of each other: too close to pick one")


def _listed(fr: Frame, ids: list[str]) -> set[str]:
    """The companies of ``ids`` that trade by the frame's date: a completed IPO whose stated time has
    ended (an IPO "in 2025-03" has not surely happened on 2025-03-15), or any fact about their share price."""
    cut = "TRUE" if fr.as_of is None else f"valid_end <= DATE '{fr.as_of.isoformat()}'"
    rows = fr.rows(
        "SELECT DISTINCT subject_id FROM facts WHERE subject_id IN (SELECT unnest(?)) AND ("
        f"(type = 'ipo' AND status = 'completed' AND (valid_end IS NULL OR {cut})) "
        "OR type IN ('price_observation', 'price_change'))", [ids])
    return {r[0] for r in rows}


def _shares(fr: Frame, eid: str, s: IpoScore | None) -> tuple[Figure, str]:
    """How the shares moved, and against what: the IPO price, the first-day close, the first day, a stated change,
    or the first price in the ledger."""
    if s is not None:
        for fig, basis in ((s.return_since_ipo, "since the IPO"), (s.return_since_first_close, "since the first-day close"),
                           (s.first_day_pop, "on the first day of trading")):
            if fig.supported:
                return fig, basis
        if s.stated_changes:
            ch = s.stated_changes[-1]
            return ch.figure, f"since {ch.reference.replace('_', ' ')} ({ch.period})"
    prices = fr.facts("subject_id = ? AND type = 'price_observation' AND amount IS NOT NULL AND currency = 'USD' "
                      "AND valid_start IS NOT NULL", [eid])
    if len(prices) >= 2:
        first, last = prices[0], prices[-1]
        return (Figure(f"{fr.name(eid)} shares", change_range(Range.of_money(last.amount), Range.of_money(first.amount)),
                       Unit.CHANGE, (first.id, last.id)), f"since the first price in the ledger ({first.time.label()})")
    return unsupported(f"{fr.name(eid)} shares", Unit.CHANGE, "no price facts for its shares up to this date"), ""


def _reason(signal: str, listed: bool, text: str, fact_ids) -> Reason | None:
    sig = SIGNALS[signal]
    route = sig.route_for(listed)
    return None if route is None else Reason(route, text, tuple(fact_ids), signal, sig.weight)


def exit_outlook(snapshot: Snapshot, *, as_of: date | str | None = None, limit: int = 50,
                 mna: MnaResult | None = None, funding: FundingResult | None = None,
                 card: IpoScorecard | None = None) -> Outlook:
    """Outlook for companies that raised private money or listed (at most ``limit``, by most facts).

    ``mna``, ``funding`` and ``card`` reuse results already computed for the same snapshot and date;
    listed companies missing from ``card`` are scored here.
    """
    fr = frame(snapshot, as_of)
    acquired = {r[0] for r in fr.rows("SELECT DISTINCT subject_id FROM facts WHERE type = 'acquisition' AND status = 'completed'")}
    candidates = [r[0] for r in fr.rows(
        "SELECT subject_id FROM facts WHERE type IN ('funding_round', 'strategic_investment', 'ipo', 'talent_move', "
        "'list_membership') GROUP BY subject_id ORDER BY count(*) DESC, subject_id LIMIT ?", [limit * 2])]
    candidates = [c for c in candidates if c not in acquired and fr.kind(c) in (None, "company")][:limit]

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
    listed = _listed(fr, candidates)
    ipos = {s.entity_id: s for s in (card or ipo_scorecard(snapshot, as_of=as_of, limit=100)).ipos}
    missing = [c for c in listed if c not in ipos]
    if missing:
        ipos.update((s.entity_id, s) for s in ipo_scorecard(snapshot, as_of=as_of, entity_ids=missing).ipos)
    backings = capex_backing_many(snapshot, candidates, as_of=as_of)
    valuations = {r[0]: (r[1], r[2]) for r in fr.rows(
        "SELECT subject_id, arg_max(id, valuation), max(valuation) FROM facts WHERE subject_id IN (SELECT unnest(?)) "
        "AND valuation >= ? AND type IN ('funding_round', 'strategic_investment') GROUP BY subject_id",
        [candidates, PRIVATE_VALUATION])}

    out = []
    for eid in candidates:
        name = fr.name(eid)
        is_listed = eid in listed
        s = ipos.get(eid) if is_listed else None
        found: list[Reason | None] = []
        listing = None
        if is_listed:
            shares, basis = _shares(fr, eid, s)
            listing = Listing(s.ipo_time if s else None, s.ticker if s else "", shares, basis)
            if shares.supported and shares.value.lo is not None and shares.value.lo >= 0:
                found.append(_reason("shares_held", True, f"shares {shares.text()} {basis}", shares.fact_ids))
        move = talent.get(name)
        if move is not None:
            who = f" ({', '.join(move.people)})" if move.people else ""
            found.append(_reason("talent_loss", is_listed, f"lost people to {move.hirer}{who}", move.fact_ids))
        if s is not None:
            drop = next((fig for fig in (s.return_since_first_close, s.return_since_ipo)
                         if fig.supported and fig.value.hi is not None and fig.value.hi <= SHARE_DROP), None)
            if drop is not None:
                found.append(_reason("share_drop", True, f"{drop.label.removeprefix(name + ' ')}: {drop.text()}", drop.fact_ids))
            else:
                ch = next((c for c in s.stated_changes if c.figure.value.hi is not None and c.figure.value.hi <= SHARE_DROP), None)
                if ch is not None:
                    found.append(_reason("share_drop", True, f"shares {ch.figure.text()} since {ch.reference.replace('_', ' ')}",
                                         ch.figure.fact_ids))
        hot = [layer for layer in (x.value for x in fr.layers(eid)) if bought.get(layer)]
        if hot:
            deals = [d for layer in hot for d in examples.get(layer, [])[:3]]
            text = "; ".join(f"{bought[layer]} acquisition(s) in its layer ({layer})" for layer in hot)
            if deals:
                text += ": " + ", ".join(f"{d.acquirer} / {d.target}" for d in deals[:3])
            found.append(_reason("layer_acquisitions", is_listed, text,
                                 (d.status_fact_id for d in deals[:3] if d.status_fact_id)))
        stakes = [link for link in funding.strategic if link.company_id == eid and link.investor_layers
                  and not set(link.investor_layers) & {"venture"}]
        if stakes:
            text = "strategic stake held by " + ", ".join(f"{k.investor} ({', '.join(k.investor_layers)})" for k in stakes)
            found.append(_reason("strategic_stake", is_listed, text, (i for k in stakes for i in k.fact_ids[:2])))
        backing = backings[eid]
        if backing.score.supported and backing.score.value.lo is not None and backing.score.value.lo >= BACKING_READY:
            found.append(_reason("capex_backing", is_listed, f"capex backing {backing.score.text()} ({backing.score.note})",
                                 backing.score.fact_ids))
        val = valuations.get(eid)
        if val:
            found.append(_reason("private_valuation", is_listed,
                                 f"private valuation of ${Decimal(val[1]) / 10**9:.1f}B or more", (val[0],)))
        reasons = [r for r in found if r is not None]
        verdict, scores, contenders, rule = combine(reasons, is_listed)
        out.append(CompanyOutlook(eid, name, verdict, tuple(reasons), scores, contenders, rule, listing))
    order = (*ROUTES, MIXED, NO_SIGNAL)
    out.sort(key=lambda c: (order.index(c.verdict), c.name))
    return Outlook(fr.as_of, tuple(out))
