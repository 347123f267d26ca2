"""Checks of claims against ledger facts: amounts, deal status, talent moves and list counts.

Each check takes a claim and a :class:`Context` and returns findings (see :mod:`.verdicts`).
Figures are compared as ranges (:class:`~infraledger.model.Range`), so "over $14 billion" agrees
with $14.2B and "around $11" allows $9.90-$12.10. Dates decide between ``contradicted`` (the
ledger knew otherwise when the text was written) and ``stale`` (the state changed after the text's
date). Prices and percentage changes live in :mod:`.pricecheck`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..model import (
    STATUS_ORDER,
    Fact,
    FactType,
    FuzzyTime,
    Money,
    Range,
    Role,
    Status,
    format_money,
    normalise_name,
)
from .claims import Claim, ClaimKind
from .evidence import EvidencePool
from .verdicts import Finding, Verdict


@dataclass
class Context:
    """What every check needs: the evidence pool and the audited text's own date."""

    pool: EvidencePool
    doc_date: date | None = None

    def cite(self, fact: Fact) -> str:
        """How an explanation names a fact's source: its title, else its kind."""
        src = self.pool.source(fact.source_id)
        if src is None:
            return fact.source_id
        title = src.title or src.url or src.kind.value
        return f"“{title[:90]}”" if src.title else title


def when(t: FuzzyTime | None) -> str:
    return t.label() if t else "an unstated date"


def _overlaps(a: FuzzyTime | None, b: FuzzyTime | None) -> bool:
    return a is None or b is None or a.overlaps(b)


def _parties(f: Fact, roles: set[Role] | None = None) -> set[str]:
    return {p.entity_id or p.name for p in f.counterparties if roles is None or p.role in roles}


_KEY_ROLE = {FactType.ACQUISITION: {Role.ACQUIRER}, FactType.STRATEGIC_INVESTMENT: {Role.INVESTOR, Role.LEAD_INVESTOR},
             FactType.FUNDING_ROUND: {Role.INVESTOR, Role.LEAD_INVESTOR},
             FactType.COMMERCIAL_CONTRACT: {Role.CUSTOMER, Role.PARTNER}, FactType.TALENT_MOVE: {Role.HIRER}}


def _counterparty_split(claim: Claim, facts: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """(facts naming the claim's counterparty or naming none, facts naming only other parties).

    A party matches by entity id or by normalised name, so one company recorded under two ids
    (before and after its CIK was known) still meets itself.
    """
    if not claim.counterparty_id:
        return facts, []
    wanted = normalise_name(claim.counterparty)
    same, other = [], []
    for f in facts:
        roles = _KEY_ROLE.get(f.type)
        parties = [p for p in f.counterparties if roles is None or p.role in roles]
        match = any(p.entity_id == claim.counterparty_id or normalise_name(p.name) == wanted for p in parties)
        (same if not parties or match else other).append(f)
    return same, other


# -- amounts --------------------------------------------------------------------------------------

def _period_matches(f: Fact, year: int | None) -> bool:
    period = str(f.attributes.get("period", ""))
    if year is None or not period:
        return True
    return period in (str(year), f"FY{year}")


def amount_facts(claim: Claim, ctx: Context) -> list[Fact]:
    """Ledger facts that state the kind of figure the claim states, about the claim's subject."""
    types = claim.fact_types
    if claim.measure == "capex":
        year = claim.time.start.year if claim.time else (ctx.doc_date.year if ctx.doc_date else None)
        if claim.members or not claim.subject_id:
            facts = ctx.pool.group_facts(claim.subject, claim.members, types) if (claim.subject or claim.members) else []
        else:
            facts = ctx.pool.about(claim.subject_id, types)
        return [f for f in facts if _period_matches(f, year)]
    facts = ctx.pool.about(claim.subject_id, types)
    if claim.measure == "total_funding":
        return [f for f in facts if f.attributes.get("metric") == "total_funding"]
    return facts


def _figure(claim: Claim, f: Fact) -> Money | None:
    return f.valuation if claim.measure == "valuation" else f.amount


def check_amount(claim: Claim, ctx: Context) -> list[Finding]:
    """An amount (raised, paid, valued, budgeted) against the ledger's figures for the same subject."""
    if claim.value is None or (not claim.subject_id and not claim.members and not claim.subject):
        return []
    facts = amount_facts(claim, ctx)
    same, other = _counterparty_split(claim, facts)
    stated = Range.of_money(claim.value)
    figured = [(f, m) for f in same if (m := _figure(claim, f)) is not None and m.currency == claim.value.currency]
    agree = [f for f, m in figured if stated.overlaps(Range.of_money(m))]
    if claim.measure == "amount":  # what the figure measures is unknown: agreement must also be in time
        agree = [f for f in agree if claim.time is not None and f.time is not None and f.time.overlaps(claim.time)]
    out: list[Finding] = []
    dated = [f for f in agree if _overlaps(f.time, claim.time)]
    if agree and claim.time and not dated and claim.measure in ("funding_round", "strategic_investment", "ipo_proceeds"):
        f = agree[0]  # a round or an IPO happens once: the right figure on another date is not this one
        out.append(Finding(Verdict.CONTRADICTED, f"The ledger has {format_money(_figure(claim, f))} but dated "
                           f"{when(f.time)} ({ctx.cite(f)}), not {when(claim.time)} as the text says.", (f,)))
    elif agree:
        best = dated or agree
        # Name the fact that says most: known by the text's date, and inside what the text states.
        f = min(best, key=lambda x: (bool(ctx.doc_date and x.time and x.time.start > ctx.doc_date),
                                     not Range.of_money(_figure(claim, x)).within(stated)))
        out.append(Finding(Verdict.SUPPORTED, f"{ctx.cite(f)} records {format_money(_figure(claim, f))} for "
                           f"{f.subject} ({f.type.value.replace('_', ' ')}, {when(f.time)}), which agrees with "
                           f"“{claim.text}”.", tuple(best)))
    elif figured and claim.measure != "amount":
        # Only facts about the same moment can contradict: another round or budget year is not this one.
        comparable = [(f, m) for f, m in figured if claim.time is None or f.time is None or claim.measure == "capex"
                      or f.time.overlaps(claim.time)]
        if comparable:
            f = comparable[-1][0]
            out.append(Finding(Verdict.CONTRADICTED, f"{ctx.cite(f)} records {format_money(_figure(claim, f))} for "
                               f"{f.subject} ({when(f.time)}), outside what “{claim.text}” allows.",
                               tuple(x for x, _ in comparable)))
    if same and not figured:
        f = same[-1]
        what = "valuation" if claim.measure == "valuation" else "amount"
        out.append(Finding(Verdict.UNSUPPORTED, f"{ctx.cite(f)} records {f.subject}'s {f.type.value.replace('_', ' ')} "
                           f"({when(f.time)}) but states no {what}, so nothing confirms or contradicts “{claim.text}”.",
                           tuple(same)))
    if other and not same:
        f = other[-1]
        names = ", ".join(p.name for p in f.counterparties)
        out.append(Finding(Verdict.CONTRADICTED, f"The ledger names {names} as the party to {f.subject}'s "
                           f"{f.type.value.replace('_', ' ')} ({ctx.cite(f)}), not {claim.counterparty}.", tuple(other)))
    if claim.measure == "ipo_proceeds":  # independent of the stated proceeds: shares sold × offer price
        out += check_ipo_terms(claim, ctx)
    return out


def ipo_terms(facts: list[Fact]) -> tuple[Range | None, Range | None, list[Fact]]:
    """Shares sold and offer price combined over several IPO facts (one IPO, many sources)."""
    shares = price = None
    used: list[Fact] = []
    for f in facts:
        a = f.attributes
        if shares is None and a.get("shares"):
            shares = Range.of(Decimal(str(a["shares"])), a.get("shares_qualifier", "exact"))
            used.append(f)
        if price is None and a.get("offer_price"):
            price = Range.of(Decimal(str(a["offer_price"])), a.get("offer_price_qualifier", "exact"))
            used.append(f)
    return shares, price, used


def check_ipo_terms(claim: Claim, ctx: Context) -> list[Finding]:
    """IPO proceeds against shares sold × offer price from the ledger."""
    shares, price, used = ipo_terms(ctx.pool.about(claim.subject_id, (FactType.IPO,)))
    if shares is None or price is None or claim.value is None:
        return []
    product = shares * price
    stated = Range.of_money(claim.value)
    text = f"{shares.describe()} shares at ${price.describe()} come to ${product.describe()}"
    if stated.overlaps(product):
        return [Finding(Verdict.SUPPORTED, f"In the ledger, {text}, which agrees with “{claim.text}”.", tuple(used))]
    return [Finding(Verdict.CONTRADICTED, f"In the ledger, {text}, not “{claim.text}”.", tuple(used))]


# -- deal status ----------------------------------------------------------------------------------

def check_status(claim: Claim, ctx: Context) -> list[Finding]:
    """A deal's stated status against the states the ledger records before and after the text's date."""
    if claim.status is None or not claim.subject_id:
        return []
    facts = [f for f in ctx.pool.about(claim.subject_id, claim.fact_types) if f.status is not None]
    same, other = _counterparty_split(claim, facts)
    if not same:
        if other:
            f = other[-1]
            return [Finding(Verdict.CONTRADICTED, f"The ledger records {f.subject}'s deal with "
                            f"{', '.join(p.name for p in f.counterparties)} ({ctx.cite(f)}), not with {claim.counterparty}.",
                            tuple(other))]
        return []
    cutoff = ctx.doc_date or (claim.time.end if claim.time else None)
    before = [f for f in same if cutoff is None or f.time is None or f.time.start <= cutoff]
    after = [f for f in same if f not in before]
    state = max(before, key=lambda f: (STATUS_ORDER[f.status], f.time.end if f.time else date.min), default=None)
    final = {Status.COMPLETED, Status.TERMINATED}
    later = [f for f in after if f.status in final]
    said = claim.status
    if said in (Status.PENDING, Status.ANNOUNCED):
        if state is not None and state.status in final:
            return [Finding(Verdict.CONTRADICTED, f"The text calls the deal {said.value}, but {ctx.cite(state)} records "
                            f"it {state.status.value} on {when(state.time)}, before the text's date.", (state,))]
        if later:
            f = later[0]
            return [Finding(Verdict.STALE, f"True when written, but {ctx.cite(f)} records the deal {f.status.value} on "
                            f"{when(f.time)}, after the text's date ({cutoff}).", (*before[-1:], f))]
        if state is not None:
            return [Finding(Verdict.SUPPORTED, f"{ctx.cite(state)} records the deal as {state.status.value} on "
                            f"{when(state.time)}, and nothing in the ledger says it closed by the text's date.",
                            tuple(before))]
        return []
    # The text says completed (or terminated).
    done = [f for f in before if f.status is said]
    if done:
        dated = [f for f in done if _overlaps(f.time, claim.time)]
        if dated:
            return [Finding(Verdict.SUPPORTED, f"{ctx.cite(dated[-1])} records the deal {said.value} on "
                            f"{when(dated[-1].time)}, within {when(claim.time)}.", tuple(dated))]
        f = done[-1]
        return [Finding(Verdict.CONTRADICTED, f"{ctx.cite(f)} records the deal {said.value} on {when(f.time)}, "
                        f"not in {when(claim.time)} as the text says.", tuple(done))]
    opposite = [f for f in same if f.status in final and f.status is not said]
    if opposite:
        f = opposite[-1]
        return [Finding(Verdict.CONTRADICTED, f"{ctx.cite(f)} records the deal {f.status.value} on {when(f.time)}, "
                        f"not {said.value}.", (f,))]
    if later:
        f = later[0]
        return [Finding(Verdict.CONTRADICTED, f"{ctx.cite(f)} records the deal {f.status.value} only on {when(f.time)}, "
                        f"after the text's date; when written it was not yet {said.value}.", tuple(same))]
    open_after = [f for f in same if f.time and claim.time and f.time.start > claim.time.end]
    if open_after:
        f = open_after[-1]
        return [Finding(Verdict.CONTRADICTED, f"{ctx.cite(f)} still records the deal as {f.status.value} on "
                        f"{when(f.time)}, after the text's {when(claim.time)}.", (f,))]
    return []


# -- talent moves and counts --------------------------------------------------------------------

def check_talent(claim: Claim, ctx: Context) -> list[Finding]:
    facts = ctx.pool.about(claim.subject_id, (FactType.TALENT_MOVE,))
    same, other = _counterparty_split(claim, facts)
    if same:
        dated = [f for f in same if _overlaps(f.time, claim.time)]
        if dated:
            return [Finding(Verdict.SUPPORTED, f"{ctx.cite(dated[-1])} records the move to "
                            f"{claim.counterparty or 'the hirer'} in {when(dated[-1].time)}.", tuple(dated))]
        f = same[-1]
        return [Finding(Verdict.CONTRADICTED, f"{ctx.cite(f)} dates the move {when(f.time)}, not {when(claim.time)}.", (f,))]
    if other:
        f = other[-1]
        return [Finding(Verdict.CONTRADICTED, f"{ctx.cite(f)} names {', '.join(p.name for p in f.counterparties)} "
                        f"as the hirer, not {claim.counterparty}.", tuple(other))]
    return []


def check_count(claim: Claim, ctx: Context) -> list[Finding]:
    if claim.quantity is None or claim.measure != "member_count":
        return []
    facts = [f for f in ctx.pool.about(claim.subject_id, (FactType.LIST_METRIC,))
             if f.attributes.get("metric") == "member_count" and f.attributes.get("value") is not None]
    if not facts:
        return []
    f = facts[-1]
    value = Decimal(str(f.attributes["value"]))
    verdict = Verdict.SUPPORTED if claim.range().contains(value) else Verdict.CONTRADICTED
    return [Finding(verdict, f"{ctx.cite(f)} counts {value} members of {f.subject}; the text says {claim.text}.", (f,))]


def check(claim: Claim, ctx: Context) -> list[Finding]:
    """Every ledger check that applies to ``claim``."""
    from .pricecheck import check_change, check_share_price
    if claim.kind is ClaimKind.AMOUNT:
        return check_amount(claim, ctx)
    if claim.kind is ClaimKind.STATUS:
        return check_status(claim, ctx)
    if claim.kind is ClaimKind.DATE and claim.measure == "talent":
        return check_talent(claim, ctx)
    if claim.kind is ClaimKind.COUNT:
        return check_count(claim, ctx)
    if claim.kind is ClaimKind.SHARE_PRICE:
        return check_share_price(claim, ctx)
    if claim.kind is ClaimKind.CHANGE:
        return check_change(claim, ctx)
    return []
