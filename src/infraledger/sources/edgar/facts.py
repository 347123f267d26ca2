"""Turn read filings into ledger input: the filing as a :class:`Source` and its candidate facts.

Every filing becomes one source (kind ``sec_filing``: form type, accession, filer CIK, filed
date, EDGAR URL, content hash) and each fact carries where in the filing it was read
(``attributes.evidence_location``: document, element or item, character offsets) besides the
usual ``evidence``/``span``. Companies named by CIK become entities with id ``cik:<n>``, so the
same issuer filing twice meets itself in the ledger.

- Form D -> ``funding_round`` (amount sold, offering size, date of first sale). An amendment
  (D/A) has the same event identity as the notice it amends (issuer CIK + date of first sale
  as the ``offering``), so the ledger keeps one raise and the amendment supersedes the earlier fact.
  A Form D names no series, so an article's "Series B" about the same raise joins its event
  (:mod:`infraledger.ledger.reconcile`).
- 424B4 / S-1 cover -> ``ipo`` (proceeds, shares, price, exchange, ticker, underwriters).
- companyfacts -> ``capex_budget`` actuals per fiscal year, one source per annual report.
- 8-K -> see :mod:`.facts8k`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ...model.entities import Entity, EntityKind
from ...model.events import FactType, Participant, Role, Status
from ...model.facts import CandidateFact
from ...model.fuzzytime import FuzzyTime, Precision
from ...model.money import Money, Qualifier
from ...model.sources import Source, SourceKind

if TYPE_CHECKING:  # pragma: no cover
    from .formd import FormD
    from .prospectus import ProspectusCover
    from .submissions import CompanyFacts

__all__ = ["FilingFacts", "capex_facts", "filing_source", "form_d_facts", "prospectus_facts"]

#: XBRL concepts for capital expenditure, most specific first; companies switch between them over the years.
CAPEX_CONCEPTS = ("PaymentsToAcquirePropertyPlantAndEquipment", "PaymentsToAcquireProductiveAssets")


@dataclass
class FilingFacts:
    """What one filing contributes to the ledger: its source, facts and named entities."""

    source: Source
    facts: list[CandidateFact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"source": self.source.to_json(), "facts": [f.to_json() for f in self.facts],
                "entities": [e.to_json() for e in self.entities], "notes": list(self.notes)}


def filing_source(*, form_type: str, accession: str = "", cik: int | None = None, filed: date | None = None,
                  title: str = "", content: bytes | None = None, url: str = "") -> Source:
    """The source record of one filing. Its id is the content hash when bytes are given."""
    if not url and cik and accession:
        from .submissions import archive_url  # here: a bare Form D XML has no accession, so no address

        url = archive_url(cik, accession)
    return Source.new(SourceKind.SEC_FILING, content=content, url=url, title=title or f"{form_type} {accession}".strip(),
                      publisher="SEC EDGAR", published=filed, form_type=form_type, accession=accession,
                      filer_cik=cik)


def _where(document: str, element: str, span: tuple[int, int] | None = None) -> dict:
    out: dict = {"document": document, "element": element}
    if span is not None:
        out["offset"] = list(span)
    return out


def _usd(value, qualifier: Qualifier = Qualifier.EXACT) -> Money | None:
    return None if value is None else Money(value, "USD", qualifier)


def form_d_facts(form: FormD, *, source: Source, document: str = "primary_doc.xml") -> FilingFacts:
    """The private raise a Form D reports, as one ``funding_round`` fact about the issuer."""
    issuer = form.issuer
    name = issuer.name or "unnamed issuer"
    entity = Entity.new(name, cik=issuer.cik)
    amendment = bool(form.is_amendment) or form.submission_type == "D/A"
    first_sale = form.date_of_first_sale
    attributes: dict = {
        "offering": f"Form D offering, first sale {first_sale.isoformat() if first_sale else 'yet to occur'}",
        "form_d": True,
        "amendment": amendment,
        "total_offering_amount": None if form.total_offering_amount is None else str(form.total_offering_amount),
        "offering_indefinite": form.offering_amount_indefinite,
        "total_remaining": None if form.total_remaining is None else str(form.total_remaining),
        "remaining_indefinite": form.remaining_indefinite,
        "industry_group": form.industry_group,
        "security_types": list(form.security_types),
        "federal_exemptions": list(form.federal_exemptions),
        "total_investors": form.total_investors,
        "has_non_accredited_investors": form.has_non_accredited_investors,
        "cik": issuer.cik,
        "evidence_location": _where(document, "offeringData/offeringSalesAmounts/totalAmountSold"),
    }
    if form.previous_accession:
        attributes["previous_accession"] = form.previous_accession
    if form.minimum_investment is not None:
        attributes["minimum_investment"] = str(form.minimum_investment)
    time = FuzzyTime.day(first_sale, "date of first sale") if first_sale else None
    fact = CandidateFact(
        type=FactType.FUNDING_ROUND, subject=name, subject_id=entity.id, amount=_usd(form.total_amount_sold),
        time=time, status=Status.COMPLETED if form.total_amount_sold else Status.ANNOUNCED,
        evidence=f"Form {form.submission_type}: total amount sold {form.total_amount_sold}, "
                 f"offering {'indefinite' if form.offering_amount_indefinite else form.total_offering_amount}",
        attributes=attributes)
    return FilingFacts(source=source, facts=[fact], entities=[entity])


def prospectus_facts(cover: ProspectusCover, *, source: Source) -> FilingFacts:
    """An IPO from a final prospectus (424B4) or registration statement cover that says it is an IPO."""
    out = FilingFacts(source=source)
    if not cover.is_ipo:
        out.notes.append(f"{cover.form_type} cover does not describe an initial public offering; no ipo fact")
        return out
    if not cover.issuer:
        out.notes.append("prospectus cover names no issuer; no ipo fact")
        return out
    entity = Entity.new(cover.issuer, cik=cover.cik)
    out.entities.append(entity)
    parts = []
    if cover.exchange:
        exchange = Entity.new(cover.exchange, kind=EntityKind.EXCHANGE)
        out.entities.append(exchange)
        parts.append(Participant(cover.exchange, Role.EXCHANGE, exchange.id))
    parts += [Participant(u, Role.UNDERWRITER) for u in cover.underwriters]
    attributes: dict = {"form": cover.form_type}
    for key, value in (("shares", cover.shares), ("offer_price", cover.price_per_share)):
        if value is not None:
            attributes[key] = str(value)
    if cover.ticker:
        attributes["ticker"] = cover.ticker
    if cover.proceeds_is_maximum:
        attributes["proceeds_is_maximum"] = True
    span = cover.spans.get("gross_proceeds") or cover.spans.get("price_per_share")
    attributes["evidence_location"] = _where(cover.document, "cover page", span)
    qualifier = Qualifier.UP_TO if cover.proceeds_is_maximum else Qualifier.EXACT
    final = cover.form_type.startswith("424B")
    out.facts.append(CandidateFact(
        type=FactType.IPO, subject=cover.issuer, subject_id=entity.id, counterparties=tuple(parts),
        amount=_usd(cover.gross_proceeds, qualifier),
        time=FuzzyTime.day(cover.prospectus_date, "prospectus date") if cover.prospectus_date else None,
        status=Status.COMPLETED if final else Status.PENDING,
        evidence=cover.text[span[0]:span[1]] if span else "", span=span, attributes=attributes))
    return out


def capex_facts(facts: CompanyFacts, *, fiscal_year_end: int | None = None) -> list[FilingFacts]:
    """Annual capital expenditure (``capex_budget``, basis ``actual``), one source per annual report.

    For each fiscal year the first concept of :data:`CAPEX_CONCEPTS` that has a value is used
    (the concept is kept in the attributes).
    """
    entity = Entity.new(facts.name or f"CIK {facts.cik}", cik=facts.cik)
    by_year: dict[date, object] = {}
    for concept in CAPEX_CONCEPTS:
        for value in facts.annual(concept):
            by_year.setdefault(value.end, value)
    groups: dict[str, FilingFacts] = {}
    for end in sorted(by_year):
        v = by_year[end]
        group = groups.get(v.accession)
        if group is None:
            source = filing_source(form_type=v.form, accession=v.accession, cik=facts.cik, filed=v.filed,
                                   title=f"{facts.name} {v.form} {v.accession} (XBRL company facts)")
            group = groups[v.accession] = FilingFacts(source=source, entities=[entity])
        fye = fiscal_year_end or end.month
        attributes = {"period": f"FY{_fy(end)}",
                      "basis": "actual", "fiscal_year_end": fye, "concept": v.concept,
                      "evidence_location": _where(f"companyfacts/CIK{facts.cik:010d}.json",
                                                  f"us-gaap:{v.concept} {v.start}..{v.end} accn {v.accession}")}
        group.facts.append(CandidateFact(
            type=FactType.CAPEX_BUDGET, subject=entity.name, subject_id=entity.id, amount=_usd(v.value),
            time=FuzzyTime(v.start, v.end, Precision.RANGE, f"fiscal year ending {v.end.isoformat()}"),
            evidence=f"{v.concept} = {v.value} USD ({v.start} to {v.end})", attributes=attributes))
    return list(groups.values())


def _fy(end: date) -> int:
    # A fiscal year is named by the calendar year it ends in; a 52/53-week year ending in the
    # first week of January belongs to the year before.
    return end.year - 1 if end.month == 1 and end.day <= 7 else end.year
