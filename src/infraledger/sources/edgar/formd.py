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

from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from ...errors import ParseError, UnsupportedInputError
from .formd_model import (
    SECURITY_TYPES,
    Address,
    FormD,
    Issuer,
    RelatedPerson,
    SalesRecipient,
    Signature,
)
from .forms import FORM_D_TYPES
from .sgml import Submission, is_submission, split_submission, strip_xml_wrapper
from .xmlsafe import parse_xml

__all__ = [
    "Address",
    "FormD",
    "Issuer",
    "RelatedPerson",
    "SalesRecipient",
    "Signature",
    "form_d_xml",
    "parse_form_d",
]



def form_d_xml(data: bytes, *, source: str = "", submission: Submission | None = None) -> bytes:
    """The Form D XML inside ``data``: the bare XML, or the document unwrapped from a submission.

    ``submission``: ``data`` split already (the reader that chose this one did), not split again.
    Raises UnsupportedInputError when a full submission holds no Form D.
    """
    if submission is None and is_submission(data):
        submission = split_submission(data, source=source)
    if submission is not None:
        for doc in submission.documents:
            if doc.type.upper() in FORM_D_TYPES or (doc.is_xml and b"<edgarSubmission" in doc.raw[:2000]):
                return doc.xml()
        raise UnsupportedInputError(f"submission of form {submission.header.form_type or '?'} holds no Form D "
                                    "XML document", source=source)
    return strip_xml_wrapper(data)


def parse_form_d(data: bytes, *, source: str = "", submission: Submission | None = None) -> FormD:
    """Read a Form D from XML bytes (bare, ``<XML>``-wrapped, or inside a full submission).

    ``submission``: when ``data`` is a full submission already split, its parts (see :func:`form_d_xml`).
    Raises ParseError for malformed, truncated, wrongly encoded or unsafe XML (see
    :func:`~infraledger.sources.edgar.xmlsafe.parse_xml`) and UnsupportedInputError for XML that
    is not a Form D.
    """
    root = parse_xml(form_d_xml(data, source=source, submission=submission), source=source)
    tag = root.tag
    if tag.__class__ is str and tag.startswith("{"):
        _strip_namespaces(root)
        tag = root.tag
    if tag != "edgarSubmission":
        raise UnsupportedInputError(f"XML root is <{tag}>, not a Form D <edgarSubmission>", source=source)
    top, records = _collect(root)
    submission_type = top.get("submissionType")
    if submission_type not in FORM_D_TYPES:
        raise UnsupportedInputError(f"EDGAR XML of form {submission_type or '?'} is not a Form D", source=source)
    if not records["primaryIssuer"]:
        raise ParseError("Form D has no <primaryIssuer>", source=source)
    try:
        return _form_d(top, records)
    except (ValueError, InvalidOperation) as exc:
        raise ParseError(f"Form D holds a value of the wrong type: {exc}", source=source) from None


#: Elements that open a record (a repeated group), each read into its own dict.
_RECORDS = ("primaryIssuer", "issuer", "relatedPersonInfo", "recipient", "signature")
#: Leaf names used in several places; their key is qualified by the parent ("findersFees/dollarAmount").
_QUALIFIED = frozenset({"value", "previousName", "clarificationOfResponse", "dollarAmount", "isEstimate"})
#: Keys that repeat within one record and are collected as lists.
_LISTS = frozenset({
    "item", "relationship", "state", "statesOfSolicitationList/value", "issuerPreviousNameList/value",
    "issuerPreviousNameList/previousName", "edgarPreviousNameList/value", "edgarPreviousNameList/previousName",
})
#: Elements that hold records.
_RECORD_LISTS = frozenset({"issuerList", "relatedPersonsList", "salesCompensationList", "signatureBlock"})
#: Containers inside records (they do not end the record they are in).
_RECORD_PARTS = frozenset({
    "issuerAddress", "yearOfInc", "issuerPreviousNameList", "edgarPreviousNameList", "relatedPersonName",
    "relatedPersonAddress", "relatedPersonRelationshipList", "recipientAddress", "statesOfSolicitationList",
})
#: Sections whose direct child containers belong to the filing itself.
_SECTIONS = frozenset({"edgarSubmission", "offeringData"})
#: Leaf tags needing more than "first value wins": 1 = list, 2 = qualify by parent (then maybe list).
_SPECIAL = {tag: 1 for tag in _LISTS if "/" not in tag}
_SPECIAL.update({tag: 2 for tag in _QUALIFIED})


def _collect(root) -> tuple[dict, dict[str, list[dict]]]:
    """Read every leaf in one pre-order pass into flat dicts: the filing's own and one per record.

    One ``iter()`` touches each element once, with as little Python per element as possible;
    this, not per-field lookups (each a tree search), is what makes the reader fast. Only
    containers (elements without text: the parser drops blank text) change where leaves go:
    a record element opens a new record; a record list, or any container directly under the
    root or ``offeringData``, returns to the filing's own values. Form D puts every record in
    such a list, so a record ends exactly where the next section starts. The containers known
    to sit inside records are recognised by name, so the parent is looked up only for others.
    """
    top: dict = {}
    records: dict[str, list[dict]] = {name: [] for name in _RECORDS}
    record_for, special, lists = records.get, _SPECIAL, _LISTS  # locals: hot loop
    parts, record_lists, sections = _RECORD_PARTS, _RECORD_LISTS, _SECTIONS
    current = top
    for node in root.iter():
        text = node.text
        if text is None:
            if current is top:
                opened = record_for(node.tag)
                if opened is not None:
                    current = {}
                    opened.append(current)
                continue
            tag = node.tag
            if tag in parts:
                continue
            opened = record_for(tag)
            if opened is not None:
                current = {}
                opened.append(current)
            elif tag in record_lists or node.getparent().tag in sections:
                current = top
            continue
        text = text.strip()
        if not text or text == "None":
            continue
        tag = node.tag
        if tag not in special:  # most leaves: an operator, not a method call
            if tag not in current:
                current[tag] = text
            continue
        if special[tag] == 2:
            tag = f"{node.getparent().tag}/{tag}"
        if tag in lists:
            current.setdefault(tag, []).append(text)
        elif tag not in current:
            current[tag] = text
    return top, records


def _form_d(top: dict, records: dict[str, list[dict]]) -> FormD:
    get = top.get
    offered, offered_indefinite = _amount(get("totalOfferingAmount"))
    remaining, remaining_indefinite = _amount(get("totalRemaining"))
    return FormD(
        submission_type=get("submissionType"),
        is_live=get("testOrLive") == "LIVE",
        issuer=_issuer(records["primaryIssuer"][0]),
        other_issuers=tuple([_issuer(r) for r in records["issuer"]]),
        related_persons=tuple([_person(r) for r in records["relatedPersonInfo"]]),
        industry_group=get("industryGroupType"),
        investment_fund_type=get("investmentFundType"),
        is_40_act=_flag(get("is40Act")),
        revenue_range=get("revenueRange"),
        net_asset_value_range=get("aggregateNetAssetValueRange"),
        federal_exemptions=tuple(get("item", ())),
        is_amendment=_flag(get("isAmendment")),
        previous_accession=get("previousAccessionNumber"),
        date_of_first_sale=_date(get("dateOfFirstSale/value")),
        first_sale_yet_to_occur=_flag(get("yetToOccur")) is True,
        more_than_one_year=_flag(get("moreThanOneYear")),
        security_types=tuple([label for key, label in _SECURITY_ITEMS if get(key) in _TRUE]),
        security_type_other=get("descriptionOfOtherType"),
        is_business_combination=_flag(get("isBusinessCombinationTransaction")),
        business_combination_clarification=get("businessCombinationTransaction/clarificationOfResponse"),
        minimum_investment=_money(get("minimumInvestmentAccepted")),
        sales_compensation=tuple([_recipient(r) for r in records["recipient"]]),
        total_offering_amount=offered,
        offering_amount_indefinite=offered_indefinite,
        total_amount_sold=_money(get("totalAmountSold")),
        total_remaining=remaining,
        remaining_indefinite=remaining_indefinite,
        offering_clarification=get("offeringSalesAmounts/clarificationOfResponse"),
        has_non_accredited_investors=_flag(get("hasNonAccreditedInvestors")),
        number_non_accredited_investors=_int(get("numberNonAccreditedInvestors")),
        total_investors=_int(get("totalNumberAlreadyInvested")),
        sales_commissions=_money(get("salesCommissions/dollarAmount")),
        sales_commissions_estimate=get("salesCommissions/isEstimate") in _TRUE,
        finders_fees=_money(get("findersFees/dollarAmount")),
        finders_fees_estimate=get("findersFees/isEstimate") in _TRUE,
        fees_clarification=get("salesCommissionsFindersFees/clarificationOfResponse"),
        gross_proceeds_used=_money(get("grossProceedsUsed/dollarAmount")),
        gross_proceeds_used_estimate=get("grossProceedsUsed/isEstimate") in _TRUE,
        proceeds_clarification=get("useOfProceeds/clarificationOfResponse"),
        authorized_representative=_flag(get("authorizedRepresentative")),
        signatures=tuple([_signature(r) for r in records["signature"]]),
    )


_TRUE = frozenset({"true", "True", "TRUE", "1", "Y", "y", "yes", "Yes"})
_SECURITY_ITEMS = tuple(SECURITY_TYPES.items())


def _flag(value: str | None) -> bool | None:
    return None if value is None else value in _TRUE


def _money(value: str | None) -> Decimal | None:
    if value is None:
        return None
    if "," in value or "$" in value:
        value = value.replace(",", "").replace("$", "")
    return Decimal(value)


def _amount(value: str | None) -> tuple[Decimal | None, bool]:
    if value is not None and value.lower() == "indefinite":
        return None, True
    return _money(value), False


#: Counts and numbers (investors, CIKs, years) are below this; a larger one is not a value but damage,
#: and JSON writers (and the ledger's BIGINT columns) cannot hold it.
_INT_LIMIT = 2 ** 63


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    number = int(value.replace(",", ""))
    if abs(number) >= _INT_LIMIT:
        raise ValueError(f"{value[:40]} is out of range for a count")
    return number


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value[:10])


def _address(r: dict) -> Address:
    return Address(r.get("street1"), r.get("street2"), r.get("city"), r.get("stateOrCountry"),
                   r.get("stateOrCountryDescription"), r.get("zipCode"))


def _unique(*lists) -> tuple[str, ...]:
    out: list[str] = []
    for values in lists:
        for value in values or ():
            if value not in out:
                out.append(value)
    return tuple(out)


def _issuer(r: dict) -> Issuer:
    cik = r.get("cik")
    year = r.get("yearOfInc/value")
    within = r.get("withinFiveYears")
    return Issuer(
        cik=_int(cik) if cik is not None and cik.isdigit() else None,
        name=r.get("entityName"),
        entity_type=r.get("entityType"),
        entity_type_other=r.get("entityTypeOtherDesc"),
        jurisdiction=r.get("jurisdictionOfInc"),
        year_of_incorporation=_int(year) if year is not None and year.isdigit() else None,
        incorporated_within_five_years=True if within in _TRUE else (
            False if r.get("overFiveYears") in _TRUE else None),
        yet_to_be_formed=r.get("yetToBeFormed") in _TRUE,
        phone=r.get("issuerPhoneNumber"),
        address=_address(r),
        previous_names=_unique(r.get("issuerPreviousNameList/value"), r.get("issuerPreviousNameList/previousName")),
        edgar_previous_names=_unique(r.get("edgarPreviousNameList/value"), r.get("edgarPreviousNameList/previousName")),
    )


def _person(r: dict) -> RelatedPerson:
    # Positional, in RelatedPerson's and Address's field order: a filing lists up to dozens of
    # persons, and passing them by keyword costs about as much as reading them.
    get = r.get
    return RelatedPerson(get("firstName"), get("lastName"), get("middleName"), tuple(get("relationship", ())),
                         get("relationshipClarification"),
                         Address(get("street1"), get("street2"), get("city"), get("stateOrCountry"),
                                 get("stateOrCountryDescription"), get("zipCode")))


def _recipient(r: dict) -> SalesRecipient:
    return SalesRecipient(
        name=r.get("recipientName"), crd=r.get("recipientCRDNumber"), associated_bd_name=r.get("associatedBDName"),
        associated_bd_crd=r.get("associatedBDCRDNumber"), address=_address(r),
        # Codes first, then free values such as "All States", as the form lists them.
        states_of_solicitation=tuple(r.get("state", ())) + tuple(r.get("statesOfSolicitationList/value", ())),
        foreign_solicitation=_flag(r.get("foreignSolicitation")),
    )


def _signature(r: dict) -> Signature:
    return Signature(issuer_name=r.get("issuerName"), signature_name=r.get("signatureName"),
                     name_of_signer=r.get("nameOfSigner"), title=r.get("signatureTitle"),
                     date=_date(r.get("signatureDate")))


def _strip_namespaces(root) -> None:
    # Form D carries no namespace, but a copy re-serialised by another tool may; reading by
    # local name keeps the fast child lookups above valid for both.
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = etree.QName(el).localname
