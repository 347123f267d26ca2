"""Read a Form D (notice of an exempt offering, i.e. a private raise) from its XML.

Form D is filed as ``primary_doc.xml`` with root ``<edgarSubmission>`` (schema in the SEC's
"EDGAR Form D XML Technical Specification"). :func:`parse_form_d` accepts the bare XML, the XML
inside EDGAR's ``<XML>`` wrapper, or a whole full submission (``.txt``/``.nc``) holding it.

Speed matters here (bulk loads of every Form D), so the reader parses once with lxml and then
walks each element's direct children by tag, instead of running one XPath or descendant search
per field. Text values are stripped; empty elements and the literal ``None`` EDGAR writes for
"nothing" read as ``None``; money is :class:`~decimal.Decimal`; ``Indefinite`` amounts are
``None`` with the matching ``*_indefinite`` flag set.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from ...errors import ParseError, UnsupportedInputError
from .sgml import is_submission, split_submission, strip_xml_wrapper
from .xmlsafe import parse_xml

__all__ = ["Address", "FormD", "Issuer", "RelatedPerson", "SalesRecipient", "Signature", "parse_form_d",
           "form_d_xml"]

FORM_D_TYPES = ("D", "D/A")

#: ``typesOfSecuritiesOffered`` flags and the names the paper form gives them.
_SECURITY_TYPES = {
    "isEquityType": "Equity", "isDebtType": "Debt", "isOptionToAcquireType": "Option, Warrant or Other Right",
    "isSecurityToBeAcquiredType": "Security to be Acquired Upon Exercise", "isPooledInvestmentFundType":
    "Pooled Investment Fund Interests", "isTenantInCommonType": "Tenant-in-Common Securities",
    "isMineralPropertyType": "Mineral Property Securities", "isOtherType": "Other",
    "isBusinessCombinationTransaction": "Business Combination",
}


@dataclass(slots=True)
class Address:
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state_or_country: str | None = None
    state_or_country_description: str | None = None
    zip_code: str | None = None


@dataclass(slots=True)
class Issuer:
    cik: int | None
    name: str | None
    entity_type: str | None = None
    entity_type_other: str | None = None
    jurisdiction: str | None = None
    year_of_incorporation: int | None = None
    incorporated_within_five_years: bool | None = None
    yet_to_be_formed: bool = False
    phone: str | None = None
    address: Address = field(default_factory=Address)
    previous_names: tuple[str, ...] = ()
    edgar_previous_names: tuple[str, ...] = ()


@dataclass(slots=True)
class RelatedPerson:
    first_name: str | None
    last_name: str | None
    middle_name: str | None = None
    relationships: tuple[str, ...] = ()
    clarification: str | None = None
    address: Address = field(default_factory=Address)

    @property
    def name(self) -> str:
        """Full name; Form D puts entities (a general partner) in ``lastName`` with ``N/A`` first names."""
        parts = [p for p in (self.first_name, self.middle_name, self.last_name) if p and p.upper() != "N/A"]
        return " ".join(parts)


@dataclass(slots=True)
class SalesRecipient:
    name: str | None
    crd: str | None = None
    associated_bd_name: str | None = None
    associated_bd_crd: str | None = None
    address: Address = field(default_factory=Address)
    states_of_solicitation: tuple[str, ...] = ()
    foreign_solicitation: bool | None = None


@dataclass(slots=True)
class Signature:
    issuer_name: str | None
    signature_name: str | None
    name_of_signer: str | None
    title: str | None = None
    date: date | None = None


@dataclass(slots=True)
class FormD:
    """Everything a Form D states, typed."""

    submission_type: str
    is_live: bool
    issuer: Issuer
    other_issuers: tuple[Issuer, ...] = ()
    related_persons: tuple[RelatedPerson, ...] = ()
    industry_group: str | None = None
    investment_fund_type: str | None = None
    is_40_act: bool | None = None
    revenue_range: str | None = None
    net_asset_value_range: str | None = None
    federal_exemptions: tuple[str, ...] = ()
    is_amendment: bool | None = None
    previous_accession: str | None = None
    date_of_first_sale: date | None = None
    first_sale_yet_to_occur: bool = False
    more_than_one_year: bool | None = None
    security_types: tuple[str, ...] = ()
    security_type_other: str | None = None
    is_business_combination: bool | None = None
    business_combination_clarification: str | None = None
    minimum_investment: Decimal | None = None
    sales_compensation: tuple[SalesRecipient, ...] = ()
    total_offering_amount: Decimal | None = None
    offering_amount_indefinite: bool = False
    total_amount_sold: Decimal | None = None
    total_remaining: Decimal | None = None
    remaining_indefinite: bool = False
    offering_clarification: str | None = None
    has_non_accredited_investors: bool | None = None
    number_non_accredited_investors: int | None = None
    total_investors: int | None = None
    sales_commissions: Decimal | None = None
    sales_commissions_estimate: bool = False
    finders_fees: Decimal | None = None
    finders_fees_estimate: bool = False
    fees_clarification: str | None = None
    gross_proceeds_used: Decimal | None = None
    gross_proceeds_used_estimate: bool = False
    proceeds_clarification: str | None = None
    authorized_representative: bool | None = None
    signatures: tuple[Signature, ...] = ()

    @property
    def is_equity(self) -> bool:
        return "Equity" in self.security_types

    @property
    def is_pooled_investment(self) -> bool:
        return "Pooled Investment Fund Interests" in self.security_types

    def to_json(self) -> dict:
        """A JSON-able dict (decimals and dates as strings)."""
        return _jsonable(asdict(self))


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (Decimal, date)):
        return str(value)
    return value


def form_d_xml(data: bytes, *, source: str = "") -> bytes:
    """The Form D XML inside ``data``: the bare XML, or the document unwrapped from a submission.

    Raises UnsupportedInputError when a full submission holds no Form D.
    """
    if is_submission(data):
        submission = split_submission(data, source=source)
        for doc in submission.documents:
            if doc.type.upper() in FORM_D_TYPES or (doc.is_xml and b"<edgarSubmission" in doc.raw[:2000]):
                return doc.xml()
        raise UnsupportedInputError(f"submission of form {submission.header.form_type or '?'} holds no Form D "
                                    "XML document", source=source)
    return strip_xml_wrapper(data)


def parse_form_d(data: bytes, *, source: str = "") -> FormD:
    """Read a Form D from XML bytes (bare, ``<XML>``-wrapped, or inside a full submission).

    Raises ParseError for malformed, truncated, wrongly encoded or unsafe XML (see
    :func:`~infraledger.sources.edgar.xmlsafe.parse_xml`) and UnsupportedInputError for XML that
    is not a Form D.
    """
    root = parse_xml(form_d_xml(data, source=source), source=source)
    tag = root.tag
    if isinstance(tag, str) and tag.startswith("{"):
        _strip_namespaces(root)
        tag = root.tag
    if tag != "edgarSubmission":
        raise UnsupportedInputError(f"XML root is <{tag}>, not a Form D <edgarSubmission>", source=source)
    top = _record(root)
    submission_type = _str(top.get("submissionType"))
    if submission_type not in FORM_D_TYPES:
        raise UnsupportedInputError(f"EDGAR XML of form {submission_type or '?'} is not a Form D", source=source)
    issuer_el = top.get("primaryIssuer")
    if issuer_el is None or isinstance(issuer_el, str):
        raise ParseError("Form D has no <primaryIssuer>", source=source)
    try:
        return _form_d(top, submission_type, issuer_el)
    except (ValueError, InvalidOperation) as exc:
        raise ParseError(f"Form D holds a value of the wrong type: {exc}", source=source) from None


def _form_d(top: dict, submission_type: str, issuer_el) -> FormD:
    od = _record(top.get("offeringData"))
    group = _record(od.get("industryGroup"))
    fund = _record(group.get("investmentFundInfo"))
    size = _record(od.get("issuerSize"))
    filing = _record(od.get("typeOfFiling"))
    amendment = _record(filing.get("newOrAmendment"))
    first_sale = _record(filing.get("dateOfFirstSale"))
    securities = _record(od.get("typesOfSecuritiesOffered"))
    combination = _record(od.get("businessCombinationTransaction"))
    amounts = _record(od.get("offeringSalesAmounts"))
    offered, offered_indefinite = _amount(amounts.get("totalOfferingAmount"))
    remaining, remaining_indefinite = _amount(amounts.get("totalRemaining"))
    investors = _record(od.get("investors"))
    fees = _record(od.get("salesCommissionsFindersFees"))
    commissions = _record(fees.get("salesCommissions"))
    finders = _record(fees.get("findersFees"))
    proceeds = _record(od.get("useOfProceeds"))
    used = _record(proceeds.get("grossProceedsUsed"))
    # The signature block sits inside <offeringData> in current filings, at the top in old ones.
    block = od.get("signatureBlock")
    if block is None:
        block = top.get("signatureBlock")
    recipients = od.get("salesCompensationList")
    persons = top.get("relatedPersonsList")
    others = top.get("issuerList")
    return FormD(
        submission_type=submission_type,
        is_live=top.get("testOrLive") == "LIVE",
        issuer=_issuer(issuer_el),
        other_issuers=tuple(_issuer(el) for el in _items(others, "issuer")),
        related_persons=tuple(_person(el) for el in _items(persons, "relatedPersonInfo")),
        industry_group=_str(group.get("industryGroupType")),
        investment_fund_type=_str(fund.get("investmentFundType")),
        is_40_act=_flag(fund.get("is40Act")),
        revenue_range=_str(size.get("revenueRange")),
        net_asset_value_range=_str(size.get("aggregateNetAssetValueRange")),
        federal_exemptions=_texts(od.get("federalExemptionsExclusions"), "item"),
        is_amendment=_flag(amendment.get("isAmendment")),
        previous_accession=_str(amendment.get("previousAccessionNumber")),
        date_of_first_sale=_date(first_sale.get("value")),
        first_sale_yet_to_occur=_flag(first_sale.get("yetToOccur")) is True,
        more_than_one_year=_flag(_record(od.get("durationOfOffering")).get("moreThanOneYear")),
        security_types=tuple(label for key, label in _SECURITY_TYPES.items() if _flag(securities.get(key))),
        security_type_other=_str(securities.get("descriptionOfOtherType")),
        is_business_combination=_flag(combination.get("isBusinessCombinationTransaction")),
        business_combination_clarification=_str(combination.get("clarificationOfResponse")),
        minimum_investment=_money(od.get("minimumInvestmentAccepted")),
        sales_compensation=tuple(_recipient(el) for el in _items(recipients, "recipient")),
        total_offering_amount=offered,
        offering_amount_indefinite=offered_indefinite,
        total_amount_sold=_money(amounts.get("totalAmountSold")),
        total_remaining=remaining,
        remaining_indefinite=remaining_indefinite,
        offering_clarification=_str(amounts.get("clarificationOfResponse")),
        has_non_accredited_investors=_flag(investors.get("hasNonAccreditedInvestors")),
        number_non_accredited_investors=_int(investors.get("numberNonAccreditedInvestors")),
        total_investors=_int(investors.get("totalNumberAlreadyInvested")),
        sales_commissions=_money(commissions.get("dollarAmount")),
        sales_commissions_estimate=_flag(commissions.get("isEstimate")) is True,
        finders_fees=_money(finders.get("dollarAmount")),
        finders_fees_estimate=_flag(finders.get("isEstimate")) is True,
        fees_clarification=_str(fees.get("clarificationOfResponse")),
        gross_proceeds_used=_money(used.get("dollarAmount")),
        gross_proceeds_used_estimate=_flag(used.get("isEstimate")) is True,
        proceeds_clarification=_str(proceeds.get("clarificationOfResponse")),
        authorized_representative=_flag(_record(block).get("authorizedRepresentative")),
        signatures=tuple(_signature(el) for el in _items(block, "signature")),
    )


def _record(el) -> dict:
    """One pass over ``el``'s children: leaf tag -> stripped text (None when empty), container tag -> element.

    Each element of the document is visited once, as a child of its parent; this is what keeps
    the reader several times faster than one lookup per field.
    """
    out: dict = {}
    if el is None or el.__class__ is str:
        return out
    for child in el:
        text = child.text
        if text is None:
            # The parser drops blank text between elements, so a container's text is None.
            out[child.tag] = child if len(child) else None
        else:
            text = text.strip()
            out[child.tag] = text if text and text != "None" else None
    return out


def _items(el, tag: str) -> list:
    """The children of a list element that have ``tag``; empty when the list is absent."""
    if el is None or isinstance(el, str):
        return []
    return [child for child in el if child.tag == tag]


def _str(value) -> str | None:
    return value if isinstance(value, str) else None


def _texts(el, tag: str) -> tuple[str, ...]:
    if el is None or isinstance(el, str):
        return ()
    out = []
    for child in el:
        if child.tag == tag and child.text:
            text = child.text.strip()
            if text and text != "None":
                out.append(text)
    return tuple(out)


def _flag(value) -> bool | None:
    if not isinstance(value, str):
        return None
    return value.lower() in ("true", "1", "yes", "y")


def _money(value) -> Decimal | None:
    if not isinstance(value, str):
        return None
    return Decimal(value.replace(",", "").replace("$", ""))


def _amount(value) -> tuple[Decimal | None, bool]:
    if isinstance(value, str) and value.lower() == "indefinite":
        return None, True
    return _money(value), False


def _int(value) -> int | None:
    return int(value.replace(",", "")) if isinstance(value, str) else None


def _date(value) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else None


def _address(el) -> Address:
    f = _record(el)
    return Address(f.get("street1"), f.get("street2"), f.get("city"), f.get("stateOrCountry"),
                   f.get("stateOrCountryDescription"), f.get("zipCode"))


def _previous_names(el) -> tuple[str, ...]:
    names: list[str] = []
    for name in _texts(el, "value") + _texts(el, "previousName"):
        if name not in names:
            names.append(name)
    return tuple(names)


def _issuer(el) -> Issuer:
    f = _record(el)
    year = _record(f.get("yearOfInc"))
    cik = f.get("cik")
    year_text = year.get("value")
    within = _flag(year.get("withinFiveYears"))
    return Issuer(
        cik=int(cik) if isinstance(cik, str) and cik.isdigit() else None,
        name=_str(f.get("entityName")),
        entity_type=_str(f.get("entityType")),
        entity_type_other=_str(f.get("entityTypeOtherDesc")),
        jurisdiction=_str(f.get("jurisdictionOfInc")),
        year_of_incorporation=int(year_text) if isinstance(year_text, str) and year_text.isdigit() else None,
        incorporated_within_five_years=True if within else (False if _flag(year.get("overFiveYears")) else None),
        yet_to_be_formed=_flag(year.get("yetToBeFormed")) is True,
        phone=_str(f.get("issuerPhoneNumber")),
        address=_address(f.get("issuerAddress")),
        previous_names=_previous_names(f.get("issuerPreviousNameList")),
        edgar_previous_names=_previous_names(f.get("edgarPreviousNameList")),
    )


def _person(el) -> RelatedPerson:
    f = _record(el)
    name = _record(f.get("relatedPersonName"))
    return RelatedPerson(
        first_name=name.get("firstName"), middle_name=name.get("middleName"), last_name=name.get("lastName"),
        relationships=_texts(f.get("relatedPersonRelationshipList"), "relationship"),
        clarification=_str(f.get("relationshipClarification")), address=_address(f.get("relatedPersonAddress")),
    )


def _recipient(el) -> SalesRecipient:
    f = _record(el)
    states = f.get("statesOfSolicitationList")
    return SalesRecipient(
        name=_str(f.get("recipientName")), crd=_str(f.get("recipientCRDNumber")),
        associated_bd_name=_str(f.get("associatedBDName")), associated_bd_crd=_str(f.get("associatedBDCRDNumber")),
        address=_address(f.get("recipientAddress")),
        # Codes first, then free values such as "All States", as the form lists them.
        states_of_solicitation=_texts(states, "state") + _texts(states, "value"),
        foreign_solicitation=_flag(f.get("foreignSolicitation")),
    )


def _signature(el) -> Signature:
    f = _record(el)
    return Signature(issuer_name=_str(f.get("issuerName")), signature_name=_str(f.get("signatureName")),
                     name_of_signer=_str(f.get("nameOfSigner")), title=_str(f.get("signatureTitle")),
                     date=_date(f.get("signatureDate")))


def _strip_namespaces(root) -> None:
    # Form D carries no namespace, but a copy re-serialised by another tool may; reading by
    # local name keeps the fast child lookups above valid for both.
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = etree.QName(el).localname
