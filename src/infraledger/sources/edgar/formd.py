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

from dataclasses import asdict, dataclass
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


@dataclass(frozen=True, slots=True)
class Address:
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state_or_country: str | None = None
    state_or_country_description: str | None = None
    zip_code: str | None = None


@dataclass(frozen=True, slots=True)
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
    address: Address = Address()
    previous_names: tuple[str, ...] = ()
    edgar_previous_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RelatedPerson:
    first_name: str | None
    last_name: str | None
    middle_name: str | None = None
    relationships: tuple[str, ...] = ()
    clarification: str | None = None
    address: Address = Address()

    @property
    def name(self) -> str:
        """Full name; Form D puts entities (a general partner) in ``lastName`` with ``N/A`` first names."""
        parts = [p for p in (self.first_name, self.middle_name, self.last_name) if p and p.upper() != "N/A"]
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class SalesRecipient:
    name: str | None
    crd: str | None = None
    associated_bd_name: str | None = None
    associated_bd_crd: str | None = None
    address: Address = Address()
    states_of_solicitation: tuple[str, ...] = ()
    foreign_solicitation: bool | None = None


@dataclass(frozen=True, slots=True)
class Signature:
    issuer_name: str | None
    signature_name: str | None
    name_of_signer: str | None
    title: str | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
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
    top = _children(root)
    submission_type = _text(top.get("submissionType"))
    if submission_type not in FORM_D_TYPES:
        raise UnsupportedInputError(f"EDGAR XML of form {submission_type or '?'} is not a Form D", source=source)
    issuer_el = top.get("primaryIssuer")
    if issuer_el is None:
        raise ParseError("Form D has no <primaryIssuer>", source=source)
    try:
        return _form_d(root, top, submission_type, issuer_el)
    except (ValueError, InvalidOperation) as exc:
        raise ParseError(f"Form D holds a value of the wrong type: {exc}", source=source) from None


def _form_d(root, top, submission_type: str, issuer_el) -> FormD:
    offering = top.get("offeringData")
    od = _children(offering) if offering is not None else {}
    values: dict = {}
    group = _children(od.get("industryGroup"))
    values["industry_group"] = _text(group.get("industryGroupType"))
    fund = _children(group.get("investmentFundInfo"))
    values["investment_fund_type"] = _text(fund.get("investmentFundType"))
    values["is_40_act"] = _flag(fund.get("is40Act"))
    size = _children(od.get("issuerSize"))
    values["revenue_range"] = _text(size.get("revenueRange"))
    values["net_asset_value_range"] = _text(size.get("aggregateNetAssetValueRange"))
    exemptions = od.get("federalExemptionsExclusions")
    values["federal_exemptions"] = _texts(exemptions, "item")
    filing = _children(od.get("typeOfFiling"))
    amendment = _children(filing.get("newOrAmendment"))
    values["is_amendment"] = _flag(amendment.get("isAmendment"))
    values["previous_accession"] = _text(amendment.get("previousAccessionNumber"))
    first_sale = _children(filing.get("dateOfFirstSale"))
    values["date_of_first_sale"] = _date(_text(first_sale.get("value")))
    values["first_sale_yet_to_occur"] = bool(_flag(first_sale.get("yetToOccur")))
    values["more_than_one_year"] = _flag(_children(od.get("durationOfOffering")).get("moreThanOneYear"))
    securities = _children(od.get("typesOfSecuritiesOffered"))
    values["security_types"] = tuple(label for key, label in _SECURITY_TYPES.items()
                                     if _flag(securities.get(key)))
    values["security_type_other"] = _text(securities.get("descriptionOfOtherType"))
    combination = _children(od.get("businessCombinationTransaction"))
    values["is_business_combination"] = _flag(combination.get("isBusinessCombinationTransaction"))
    values["business_combination_clarification"] = _text(combination.get("clarificationOfResponse"))
    values["minimum_investment"] = _money(_text(od.get("minimumInvestmentAccepted")))
    recipients = od.get("salesCompensationList")
    values["sales_compensation"] = tuple(_recipient(el) for el in recipients if el.tag == "recipient") \
        if recipients is not None else ()
    amounts = _children(od.get("offeringSalesAmounts"))
    values["total_offering_amount"], values["offering_amount_indefinite"] = \
        _amount(_text(amounts.get("totalOfferingAmount")))
    values["total_amount_sold"] = _money(_text(amounts.get("totalAmountSold")))
    values["total_remaining"], values["remaining_indefinite"] = _amount(_text(amounts.get("totalRemaining")))
    values["offering_clarification"] = _text(amounts.get("clarificationOfResponse"))
    investors = _children(od.get("investors"))
    values["has_non_accredited_investors"] = _flag(investors.get("hasNonAccreditedInvestors"))
    values["number_non_accredited_investors"] = _int(_text(investors.get("numberNonAccreditedInvestors")))
    values["total_investors"] = _int(_text(investors.get("totalNumberAlreadyInvested")))
    fees = _children(od.get("salesCommissionsFindersFees"))
    commissions = _children(fees.get("salesCommissions"))
    values["sales_commissions"] = _money(_text(commissions.get("dollarAmount")))
    values["sales_commissions_estimate"] = bool(_flag(commissions.get("isEstimate")))
    finders = _children(fees.get("findersFees"))
    values["finders_fees"] = _money(_text(finders.get("dollarAmount")))
    values["finders_fees_estimate"] = bool(_flag(finders.get("isEstimate")))
    values["fees_clarification"] = _text(fees.get("clarificationOfResponse"))
    proceeds = _children(od.get("useOfProceeds"))
    used = _children(proceeds.get("grossProceedsUsed"))
    values["gross_proceeds_used"] = _money(_text(used.get("dollarAmount")))
    values["gross_proceeds_used_estimate"] = bool(_flag(used.get("isEstimate")))
    values["proceeds_clarification"] = _text(proceeds.get("clarificationOfResponse"))
    # The signature block sits inside <offeringData> in current filings, at the top in old ones.
    block = od.get("signatureBlock")
    if block is None:
        block = top.get("signatureBlock")
    signatures = _children(block)
    values["authorized_representative"] = _flag(signatures.get("authorizedRepresentative"))
    values["signatures"] = tuple(_signature(el) for el in block if el.tag == "signature") \
        if block is not None else ()
    persons = top.get("relatedPersonsList")
    others = top.get("issuerList")
    return FormD(
        submission_type=submission_type,
        is_live=_text(top.get("testOrLive")) == "LIVE",
        issuer=_issuer(issuer_el),
        other_issuers=tuple(_issuer(el) for el in others if el.tag == "issuer") if others is not None else (),
        related_persons=tuple(_person(el) for el in persons if el.tag == "relatedPersonInfo")
        if persons is not None else (),
        **values,
    )


def _children(el) -> dict:
    """Direct children by tag; the first child wins when a tag repeats."""
    if el is None:
        return {}
    out: dict = {}
    for child in el:
        out.setdefault(child.tag, child)
    return out


def _text(el) -> str | None:
    if el is None:
        return None
    text = el.text
    if text is None:
        return None
    text = text.strip()
    return text if text and text != "None" else None


def _texts(el, tag: str) -> tuple[str, ...]:
    if el is None:
        return ()
    return tuple(t for t in (_text(child) for child in el if child.tag == tag) if t)


def _flag(el) -> bool | None:
    text = _text(el)
    if text is None:
        return None
    return text.lower() in ("true", "1", "yes", "y")


def _money(text: str | None) -> Decimal | None:
    if text is None:
        return None
    return Decimal(text.replace(",", "").replace("$", ""))


def _amount(text: str | None) -> tuple[Decimal | None, bool]:
    if text is not None and text.lower() == "indefinite":
        return None, True
    return _money(text), False


def _int(text: str | None) -> int | None:
    return int(text.replace(",", "")) if text is not None else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _address(el) -> Address:
    if el is None:
        return Address()
    f = _children(el)
    return Address(street1=_text(f.get("street1")), street2=_text(f.get("street2")), city=_text(f.get("city")),
                   state_or_country=_text(f.get("stateOrCountry")),
                   state_or_country_description=_text(f.get("stateOrCountryDescription")),
                   zip_code=_text(f.get("zipCode")))


def _previous_names(el) -> tuple[str, ...]:
    if el is None:
        return ()
    names: list[str] = []
    for child in el:
        text = _text(child)
        if text and child.tag in ("value", "previousName") and text not in names:
            names.append(text)
    return tuple(names)


def _issuer(el) -> Issuer:
    f = _children(el)
    year = _children(f.get("yearOfInc"))
    within = _flag(year.get("withinFiveYears"))
    over = _flag(year.get("overFiveYears"))
    cik = _text(f.get("cik"))
    year_text = _text(year.get("value"))
    return Issuer(
        cik=int(cik) if cik and cik.isdigit() else None,
        name=_text(f.get("entityName")),
        entity_type=_text(f.get("entityType")),
        entity_type_other=_text(f.get("entityTypeOtherDesc")),
        jurisdiction=_text(f.get("jurisdictionOfInc")),
        year_of_incorporation=int(year_text) if year_text and year_text.isdigit() else None,
        incorporated_within_five_years=True if within else (False if over else None),
        yet_to_be_formed=bool(_flag(year.get("yetToBeFormed"))),
        phone=_text(f.get("issuerPhoneNumber")),
        address=_address(f.get("issuerAddress")),
        previous_names=_previous_names(f.get("issuerPreviousNameList")),
        edgar_previous_names=_previous_names(f.get("edgarPreviousNameList")),
    )


def _person(el) -> RelatedPerson:
    f = _children(el)
    name = _children(f.get("relatedPersonName"))
    return RelatedPerson(
        first_name=_text(name.get("firstName")), middle_name=_text(name.get("middleName")),
        last_name=_text(name.get("lastName")), relationships=_texts(f.get("relatedPersonRelationshipList"),
                                                                  "relationship"),
        clarification=_text(f.get("relationshipClarification")), address=_address(f.get("relatedPersonAddress")),
    )


def _recipient(el) -> SalesRecipient:
    f = _children(el)
    states = f.get("statesOfSolicitationList")
    return SalesRecipient(
        name=_text(f.get("recipientName")), crd=_text(f.get("recipientCRDNumber")),
        associated_bd_name=_text(f.get("associatedBDName")), associated_bd_crd=_text(f.get("associatedBDCRDNumber")),
        address=_address(f.get("recipientAddress")),
        # Codes first, then free values such as "All States", as the form lists them.
        states_of_solicitation=_texts(states, "state") + _texts(states, "value"),
        foreign_solicitation=_flag(f.get("foreignSolicitation")),
    )


def _signature(el) -> Signature:
    f = _children(el)
    return Signature(issuer_name=_text(f.get("issuerName")), signature_name=_text(f.get("signatureName")),
                     name_of_signer=_text(f.get("nameOfSigner")), title=_text(f.get("signatureTitle")),
                     date=_date(_text(f.get("signatureDate"))))


def _strip_namespaces(root) -> None:
    # Form D carries no namespace, but a copy re-serialised by another tool may; reading by
    # local name keeps the fast child lookups above valid for both.
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = etree.QName(el).localname
