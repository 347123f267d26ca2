"""The header of an EDGAR full submission: accession, form type, dates, items and the parties.

Two syntaxes exist: the ``KEY:<tab>value`` lines of ``<SEC-HEADER>`` in ``.txt`` files, with
indentation marking a party's sections, and the tagged ``<SUBMISSION>`` form of ``.nc`` files.
Both are read into one :class:`SubmissionHeader`; :mod:`.sgml` splits the rest of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

__all__ = ["Company", "SubmissionHeader", "parse_header_tags", "parse_header_text", "with_accession"]

#: Header sections that introduce a party to the filing, and the role each gives it.
_PARTY_SECTIONS = {
    "FILER": "filer", "SUBJECT COMPANY": "subject", "FILED BY": "filed_by",
    "REPORTING-OWNER": "reporting_owner", "ISSUER": "issuer", "SERIAL COMPANY": "serial",
    "SUBJECT-COMPANY": "subject", "FILED-BY": "filed_by", "REPORTING OWNER": "reporting_owner",
}


@dataclass(frozen=True, slots=True)
class Company:
    """A party named in a submission header (filer, subject company, reporting owner, ...)."""

    role: str
    name: str = ""
    cik: int | None = None
    sic: str = ""
    state_of_incorporation: str = ""
    fiscal_year_end: str = ""
    file_number: str = ""
    former_names: tuple[str, ...] = ()

    def to_json(self) -> dict:
        out: dict = {"role": self.role, "name": self.name, "cik": self.cik}
        for key in ("sic", "state_of_incorporation", "fiscal_year_end", "file_number"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.former_names:
            out["former_names"] = list(self.former_names)
        return out


@dataclass(frozen=True, slots=True)
class SubmissionHeader:
    """What the submission header says about the filing as a whole."""

    accession: str = ""
    form_type: str = ""
    filed: date | None = None
    period: date | None = None
    accepted: datetime | None = None
    items: tuple[str, ...] = ()
    companies: tuple[Company, ...] = ()
    document_count: int | None = None

    @property
    def filer(self) -> Company | None:
        """The company that filed: the first filer, else the first party of any role."""
        for company in self.companies:
            if company.role == "filer":
                return company
        return self.companies[0] if self.companies else None

    def party(self, role: str) -> Company | None:
        return next((c for c in self.companies if c.role == role), None)

    def to_json(self) -> dict:
        return {
            "accession": self.accession, "form_type": self.form_type,
            "filed": self.filed.isoformat() if self.filed else None,
            "period": self.period.isoformat() if self.period else None,
            "accepted": self.accepted.isoformat() if self.accepted else None,
            "items": list(self.items), "document_count": self.document_count,
            "companies": [c.to_json() for c in self.companies],
        }


def _day(text: str) -> date | None:
    text = text.strip()
    if len(text) >= 8 and text[:8].isdigit():
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            return None
    return None


def _cik(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def with_accession(header: SubmissionHeader, accession: str) -> SubmissionHeader:
    """A copy of ``header`` with its accession number set."""
    return _replace(header, accession=accession)


def _replace(header: SubmissionHeader, **changes) -> SubmissionHeader:
    values = {name: getattr(header, name) for name in SubmissionHeader.__dataclass_fields__}
    values.update(changes)
    return SubmissionHeader(**values)


class _HeaderBuilder:
    """Collects header values and parties while either header syntax is read."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {"items": []}
        self.companies: list[dict] = []
        self.section = ""

    def party(self, role: str) -> None:
        self.companies.append({"role": role, "former_names": []})
        self.section = ""

    def company_value(self, key: str, value: str) -> None:
        if not self.companies:
            return
        company = self.companies[-1]
        if self.section == "FORMER COMPANY":
            if key in ("FORMER CONFORMED NAME", "FORMER-CONFORMED-NAME"):
                company["former_names"].append(value)
            return
        target = {
            "COMPANY CONFORMED NAME": "name", "CONFORMED-NAME": "name",
            "CENTRAL INDEX KEY": "cik", "CIK": "cik",
            "STANDARD INDUSTRIAL CLASSIFICATION": "sic", "ASSIGNED-SIC": "sic",
            "STATE OF INCORPORATION": "state_of_incorporation", "STATE-OF-INCORPORATION": "state_of_incorporation",
            "FISCAL YEAR END": "fiscal_year_end", "FISCAL-YEAR-END": "fiscal_year_end",
            "SEC FILE NUMBER": "file_number", "FILE-NUMBER": "file_number",
        }.get(key)
        if target and target not in company:
            company[target] = _cik(value) if target == "cik" else value

    def value(self, key: str, value: str) -> None:
        if key in ("ACCESSION NUMBER", "ACCESSION-NUMBER"):
            self.values["accession"] = value
        elif key in ("CONFORMED SUBMISSION TYPE", "TYPE"):
            self.values.setdefault("form_type", value)
        elif key in ("FILED AS OF DATE", "FILING-DATE"):
            self.values["filed"] = _day(value)
        elif key in ("CONFORMED PERIOD OF REPORT", "PERIOD"):
            self.values["period"] = _day(value)
        elif key in ("ITEM INFORMATION", "ITEMS"):
            if value:
                self.values["items"].append(value)
        elif key in ("PUBLIC DOCUMENT COUNT", "PUBLIC-DOCUMENT-COUNT"):
            self.values["document_count"] = int(value) if value.isdigit() else None
        elif key == "ACCEPTANCE-DATETIME" and len(value) >= 14 and value[:14].isdigit():
            try:
                # Sliced by hand: strptime costs more than the rest of the header together.
                v = value
                self.values["accepted"] = datetime(int(v[:4]), int(v[4:6]), int(v[6:8]), int(v[8:10]),
                                                   int(v[10:12]), int(v[12:14]))
            except ValueError:
                pass

    def build(self) -> SubmissionHeader:
        companies = tuple(
            Company(role=c["role"], name=c.get("name", ""), cik=c.get("cik"), sic=c.get("sic", ""),
                    state_of_incorporation=c.get("state_of_incorporation", ""),
                    fiscal_year_end=c.get("fiscal_year_end", ""), file_number=c.get("file_number", ""),
                    former_names=tuple(c["former_names"]))
            for c in self.companies)
        values = dict(self.values)
        values["items"] = tuple(values["items"])
        return SubmissionHeader(companies=companies, **values)


def parse_header_text(block: bytes, prefix: bytes) -> SubmissionHeader:
    """Read the ``KEY:<tab>value`` header of a ``.txt`` submission."""
    builder = _HeaderBuilder()
    accepted = re.search(rb"<ACCEPTANCE-DATETIME>(\d{14})", block)
    if accepted:
        builder.value("ACCEPTANCE-DATETIME", accepted.group(1).decode())
    for raw in block.decode("latin-1").split("\n"):
        if not raw.strip() or raw.lstrip().startswith("<"):
            continue
        depth = len(raw) - len(raw.lstrip("\t"))
        key, sep, value = raw.strip().partition(":")
        if not sep:
            continue
        key, value = key.strip().upper(), value.strip()
        if depth == 0:
            if key in _PARTY_SECTIONS and not value:
                builder.party(_PARTY_SECTIONS[key])
            else:
                builder.value(key, value)
        elif not value:
            builder.section = key
        else:
            builder.company_value(key, value)
    return builder.build()


def parse_header_tags(block: bytes) -> SubmissionHeader:
    """Read the tagged ``<SUBMISSION>`` header of a ``.nc`` submission."""
    builder = _HeaderBuilder()
    depth_party = 0
    for raw in block.decode("latin-1").split("\n"):
        line = raw.strip()
        if not line.startswith("<") or ">" not in line:
            continue
        tag, _, value = line[1:].partition(">")
        tag, value = tag.strip().upper(), value.strip()
        if tag.startswith("/"):
            name = tag[1:]
            if name in _PARTY_SECTIONS:
                depth_party = 0
            elif name == "FORMER-COMPANY":
                builder.section = ""
            continue
        if tag in _PARTY_SECTIONS and not value:
            builder.party(_PARTY_SECTIONS[tag])
            depth_party = 1
        elif tag == "FORMER-COMPANY":
            builder.section = "FORMER COMPANY"
        elif depth_party:
            builder.company_value(tag, value)
        else:
            builder.value(tag, value)
    return builder.build()
