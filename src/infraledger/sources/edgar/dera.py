"""Read the SEC's quarterly Form D data sets (DERA, ``YYYYqN_d.zip``) into the same facts as the XML reader.

Each quarter the SEC publishes every Form D and D/A of the quarter flattened into six
tab-separated, UTF-8 tables (see the data set's readme): ``FORMDSUBMISSION`` (one row per
accession: filing date, submission type), ``ISSUERS`` (one per issuer, the primary one flagged
``IS_PRIMARYISSUER_FLAG = YES``), ``OFFERING`` (one per accession), and ``RECIPIENTS``,
``RELATEDPERSONS`` and ``SIGNATURES`` (several per accession, ordered by their ``*_SEQ_KEY``),
with a metadata file in the W3C tabular-data format beside them. The tables may sit at the top of
the archive or in one folder (``2024q1_d/``); the reader finds them by file name.

:func:`read_dataset` yields one :class:`DatasetFiling` per accession: the filing as a
:class:`~.formd_model.FormD` (built from the columns as the XML reader builds it from elements)
and, through :meth:`DatasetFiling.contribution`, the same :class:`~.facts.FilingFacts` the XML
reader gives for that filing, the source carrying the same form type, accession, issuer CIK,
filed date, title and archive address. A data set carries no filing bytes, so the source id is
made from that address and accession (the XML reader, which has the bytes, uses their hash).

The archive is untrusted input: member names and sizes are checked before anything is
inflated (no member over ``max_member_bytes``, none compressed more than
:data:`MAX_RATIO` to one, all together under ``max_total_bytes``), and each member is read
with a bound, so a zip whose header lies about sizes is refused as well.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ...errors import InputTooLargeError, ParseError, UnsupportedInputError
from .facts import FilingFacts, filing_source, form_d_facts
from .formd import FORM_D_TYPES
from .formd_model import Address, FormD, Issuer, RelatedPerson, SalesRecipient, Signature

__all__ = ["MAX_RATIO", "TABLES", "DatasetFiling", "read_dataset"]

#: The six tables of a Form D data set, by file stem.
TABLES = ("FORMDSUBMISSION", "ISSUERS", "OFFERING", "RECIPIENTS", "RELATEDPERSONS", "SIGNATURES")
_REQUIRED = ("FORMDSUBMISSION", "ISSUERS", "OFFERING")
#: Highest compression ratio accepted for a member; real TSV compresses about 10:1.
MAX_RATIO = 200
_TRUE = frozenset({"true", "yes", "y", "1"})
#: OFFERING's security-type flags, in the order the XML reader lists the types.
_SECURITY_COLUMNS = (
    ("ISEQUITYTYPE", "Equity"), ("ISDEBTTYPE", "Debt"), ("ISOPTIONTOACQUIRETYPE", "Option, Warrant or Other Right"),
    ("ISSECURITYTOBEACQUIREDTYPE", "Security to be Acquired Upon Exercise"),
    ("ISPOOLEDINVESTMENTFUNDTYPE", "Pooled Investment Fund Interests"),
    ("ISTENANTINCOMMONTYPE", "Tenant-in-Common Securities"), ("ISMINERALPROPERTYTYPE", "Mineral Property Securities"),
    ("ISOTHERTYPE", "Other"), ("ISBUSINESSCOMBINATIONTRANS", "Business Combination"),
)
_MONTHS = {m: i for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                                       "DEC"), start=1)}
_DMY = re.compile(r"^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$")


@dataclass(frozen=True)
class DatasetFiling:
    """One accession of a Form D data set."""

    accession: str
    filed: date | None
    form: FormD
    source_name: str = ""

    def contribution(self) -> FilingFacts:
        """The filing's source and facts, as :func:`~.registry.read_filing` gives them for the filing itself."""
        source = filing_source(form_type=self.form.submission_type, accession=self.accession, cik=self.form.issuer.cik,
                               filed=self.filed, title=f"Form {self.form.submission_type}: {self.form.issuer.name}")
        return form_d_facts(self.form, source=source)


def read_dataset(data: bytes | str | Path, *, max_member_bytes: int = 500_000_000,
                 max_total_bytes: int = 2_000_000_000) -> Iterator[DatasetFiling]:
    """Every Form D in a data set zip (bytes or a path), in ``FORMDSUBMISSION`` order.

    Raises UnsupportedInputError for a zip without the Form D tables, ParseError for a broken
    zip or table, InputTooLargeError for a member past the bounds (checked before inflating).
    """
    name = str(data) if isinstance(data, (str, Path)) else "Form D data set"
    try:
        archive = zipfile.ZipFile(data if isinstance(data, (str, Path)) else io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise ParseError(f"not a readable zip: {exc}", source=name) from None
    with archive:
        members = _members(archive, name, max_member_bytes, max_total_bytes)
        tables = {stem: _rows(archive, info, name, max_member_bytes) for stem, info in members.items()}
    issuers = _grouped(tables.get("ISSUERS", []), "ISSUER_SEQ_KEY")
    offerings = {r.get("ACCESSIONNUMBER", ""): r for r in tables["OFFERING"]}
    recipients = _grouped(tables.get("RECIPIENTS", []), "RECIPIENT_SEQ_KEY")
    persons = _grouped(tables.get("RELATEDPERSONS", []), "RELATEDPERSON_SEQ_KEY")
    signatures = _grouped(tables.get("SIGNATURES", []), "SIGNATURE_SEQ_KEY")
    for row in tables["FORMDSUBMISSION"]:
        accession = row.get("ACCESSIONNUMBER", "").strip()
        offering = offerings.get(accession)
        listed = issuers.get(accession, [])
        if offering is None or not listed:
            raise ParseError(f"accession {accession or '?'} has no OFFERING or ISSUERS row", source=name)
        try:
            form = _form(row, offering, listed, persons.get(accession, []), recipients.get(accession, []),
                         signatures.get(accession, []))
            filed = _date(row.get("FILING_DATE"))
        except (ValueError, InvalidOperation) as exc:
            raise ParseError(f"accession {accession}: a value of the wrong type ({exc})", source=name) from None
        if form.submission_type not in FORM_D_TYPES:
            raise UnsupportedInputError(f"accession {accession} is of form {form.submission_type!r}, not D or D/A",
                                        source=name)
        yield DatasetFiling(accession=accession, filed=filed, form=form, source_name=f"{name}: {accession}")


def _members(archive: zipfile.ZipFile, name: str, max_member: int, max_total: int) -> dict[str, zipfile.ZipInfo]:
    found: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in archive.infolist():
        stem = Path(info.filename).name.upper()
        if not stem.endswith((".TSV", ".TXT")):
            continue
        stem = stem.rsplit(".", 1)[0]
        if stem not in TABLES:
            continue
        if info.file_size > max_member:
            raise InputTooLargeError.of(info.file_size, max_member, source=f"{name}: {info.filename}")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1_000_000:
            raise InputTooLargeError(f"{info.filename} inflates {info.file_size:,} bytes from {info.compress_size:,} "
                                     f"(more than {MAX_RATIO}:1): refused as a zip bomb", source=name)
        total += info.file_size
        if total > max_total:
            raise InputTooLargeError.of(total, max_total, source=name)
        if stem in found:
            raise ParseError(f"two {stem} tables in the archive", source=name)
        found[stem] = info
    missing = [t for t in _REQUIRED if t not in found]
    if missing:
        raise UnsupportedInputError(f"not a Form D data set: no {', '.join(missing)} table", source=name)
    return found


def _rows(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> list[dict[str, str]]:
    with archive.open(info) as handle:
        raw = handle.read(limit + 1)  # the header's size may lie; the bound holds regardless
    if len(raw) > limit:
        raise InputTooLargeError.of(None, limit, source=f"{name}: {info.filename}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{info.filename} is not UTF-8 ({exc.reason} at byte {exc.start})", source=name) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip().upper() for h in next(reader, [])]
    if "ACCESSIONNUMBER" not in header:
        raise ParseError(f"{info.filename} has no ACCESSIONNUMBER column", source=name)
    return [dict(zip(header, (c.strip() for c in cells), strict=False)) for cells in reader if any(cells)]


def _grouped(rows: list[dict[str, str]], key: str) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        out.setdefault(row.get("ACCESSIONNUMBER", ""), []).append(row)
    for group in out.values():
        group.sort(key=lambda r: int(r.get(key) or 0) if (r.get(key) or "0").isdigit() else 0)
    return out


# -- values -----------------------------------------------------------------------------------
def _text(value: str | None) -> str | None:
    return value if value and value != "None" else None


def _flag(value: str | None) -> bool | None:
    value = _text(value)
    return None if value is None else value.lower() in _TRUE


def _money(value: str | None) -> Decimal | None:
    value = _text(value)
    return None if value is None else Decimal(value.replace(",", "").replace("$", ""))


def _amount(value: str | None) -> tuple[Decimal | None, bool]:
    if (_text(value) or "").lower() == "indefinite":
        return None, True
    return _money(value), False


def _int(value: str | None) -> int | None:
    value = _text(value)
    return None if value is None else int(value.replace(",", ""))


def _date(value: str | None) -> date | None:
    """ISO dates (``2024-01-11``) and the readme's ``DD-MON-YY`` / ``DD-MON-YYYY`` (``11-JAN-2024``)."""
    value = _text(value)
    if value is None:
        return None
    m = _DMY.match(value)
    if m:
        year = int(m.group(3))
        if year < 100:  # two-digit years: Form D data starts in 2008
            year += 2000
        month = _MONTHS.get(m.group(2).upper())
        if month is None:
            raise ValueError(f"unknown month in date {value!r}")
        return date(year, month, int(m.group(1)))
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return datetime.strptime(value, "%m/%d/%Y").date()


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (_text(value) or "").split(",") if x.strip())


def _address(r: dict) -> Address:
    return Address(_text(r.get("STREET1")), _text(r.get("STREET2")), _text(r.get("CITY")),
                   _text(r.get("STATEORCOUNTRY")), _text(r.get("STATEORCOUNTRYDESCRIPTION")), _text(r.get("ZIPCODE")))


def _names(r: dict, prefix: str) -> tuple[str, ...]:
    out: list[str] = []
    for i in (1, 2, 3):
        value = _text(r.get(f"{prefix}_{i}"))
        if value and value not in out:
            out.append(value)
    return tuple(out)


def _issuer(r: dict) -> Issuer:
    cik, year = _text(r.get("CIK")), _text(r.get("YEAROFINC_VALUE_ENTERED"))
    # The readme names the column but not its values; the XML's element names
    # (withinFiveYears, overFiveYears, yetToBeFormed) and their spelt-out forms are both taken.
    span = (_text(r.get("YEAROFINC_TIMESPAN_CHOICE")) or "").lower().replace(" ", "")
    return Issuer(
        cik=int(cik) if cik and cik.isdigit() else None, name=_text(r.get("ENTITYNAME")),
        entity_type=_text(r.get("ENTITYTYPE")), entity_type_other=_text(r.get("ENTITYTYPEOTHERDESC")),
        jurisdiction=_text(r.get("JURISDICTIONOFINC")),
        year_of_incorporation=int(year) if year and year.isdigit() else None,
        incorporated_within_five_years=True if "within" in span else (False if "over" in span else None),
        yet_to_be_formed="yet" in span, phone=_text(r.get("ISSUERPHONENUMBER")), address=_address(r),
        previous_names=_names(r, "ISSUER_PREVIOUSNAME"), edgar_previous_names=_names(r, "EDGAR_PREVIOUSNAME"))


def _person(r: dict) -> RelatedPerson:
    relations = tuple(v for v in (_text(r.get(f"RELATIONSHIP_{i}")) for i in (1, 2, 3)) if v)
    return RelatedPerson(_text(r.get("FIRSTNAME")), _text(r.get("LASTNAME")), _text(r.get("MIDDLENAME")), relations,
                         _text(r.get("RELATIONSHIPCLARIFICATION")), _address(r))


def _recipient(r: dict) -> SalesRecipient:
    return SalesRecipient(
        name=_text(r.get("RECIPIENTNAME")), crd=_text(r.get("RECIPIENTCRDNUMBER")),
        associated_bd_name=_text(r.get("ASSOCIATEDBDNAME")), associated_bd_crd=_text(r.get("ASSOCIATEDBDCRDNUMBER")),
        address=_address(r), states_of_solicitation=_list(r.get("STATES_OR_VALUE_LIST")),
        foreign_solicitation=_flag(r.get("FOREIGNSOLICITATION")))


def _signature(r: dict) -> Signature:
    return Signature(issuer_name=_text(r.get("ISSUERNAME")), signature_name=_text(r.get("SIGNATURENAME")),
                     name_of_signer=_text(r.get("NAMEOFSIGNER")), title=_text(r.get("SIGNATURETITLE")),
                     date=_date(r.get("SIGNATUREDATE")))


def _form(sub: dict, o: dict, issuers: list[dict], persons: list[dict], recipients: list[dict],
          signatures: list[dict]) -> FormD:
    primary = next((r for r in issuers if (r.get("IS_PRIMARYISSUER_FLAG") or "").upper() == "YES"), issuers[0])
    offered, offered_indefinite = _amount(o.get("TOTALOFFERINGAMOUNT"))
    remaining, remaining_indefinite = _amount(o.get("TOTALREMAINING"))
    get = o.get
    return FormD(
        submission_type=(_text(sub.get("SUBMISSIONTYPE")) or "").upper(),
        is_live=(_text(sub.get("TESTORLIVE")) or "LIVE").upper() == "LIVE",
        issuer=_issuer(primary), other_issuers=tuple(_issuer(r) for r in issuers if r is not primary),
        related_persons=tuple(_person(r) for r in persons),
        industry_group=_text(get("INDUSTRYGROUPTYPE")), investment_fund_type=_text(get("INVESTMENTFUNDTYPE")),
        is_40_act=_flag(get("IS40ACT")), revenue_range=_text(get("REVENUERANGE")),
        net_asset_value_range=_text(get("AGGREGATENETASSETVALUERANGE")),
        federal_exemptions=_list(get("FEDERALEXEMPTIONS_ITEMS_LIST")), is_amendment=_flag(get("ISAMENDMENT")),
        previous_accession=_text(get("PREVIOUSACCESSIONNUMBER")), date_of_first_sale=_date(get("SALE_DATE")),
        first_sale_yet_to_occur=_flag(get("YETTOOCCUR")) is True, more_than_one_year=_flag(get("MORETHANONEYEAR")),
        security_types=tuple(label for column, label in _SECURITY_COLUMNS if _flag(get(column))),
        security_type_other=_text(get("DESCRIPTIONOFOTHERTYPE")),
        is_business_combination=_flag(get("ISBUSINESSCOMBINATIONTRANS")),
        business_combination_clarification=_text(get("BUSCOMBCLARIFICATIONOFRESP")),
        minimum_investment=_money(get("MINIMUMINVESTMENTACCEPTED")),
        sales_compensation=tuple(_recipient(r) for r in recipients),
        total_offering_amount=offered, offering_amount_indefinite=offered_indefinite,
        total_amount_sold=_money(get("TOTALAMOUNTSOLD")), total_remaining=remaining,
        remaining_indefinite=remaining_indefinite, offering_clarification=_text(get("SALESAMTCLARIFICATIONOFRESP")),
        has_non_accredited_investors=_flag(get("HASNONACCREDITEDINVESTORS")),
        number_non_accredited_investors=_int(get("NUMBERNONACCREDITEDINVESTORS")),
        total_investors=_int(get("TOTALNUMBERALREADYINVESTED")),
        sales_commissions=_money(get("SALESCOMM_DOLLARAMOUNT")),
        sales_commissions_estimate=_flag(get("SALESCOMM_ISESTIMATE")) is True,
        finders_fees=_money(get("FINDERSFEE_DOLLARAMOUNT")),
        finders_fees_estimate=_flag(get("FINDERSFEE_ISESTIMATE")) is True,
        fees_clarification=_text(get("FINDERFEECLARIFICATIONOFRESP")),
        gross_proceeds_used=_money(get("GROSSPROCEEDSUSED_DOLLARAMOUNT")),
        gross_proceeds_used_estimate=_flag(get("GROSSPROCEEDSUSED_ISESTIMATE")) is True,
        proceeds_clarification=_text(get("GROSSPROCEEDSUSED_CLAROFRESP")),
        authorized_representative=_flag(get("AUTHORIZEDREPRESENTATIVE")),
        signatures=tuple(_signature(r) for r in signatures),
    )
