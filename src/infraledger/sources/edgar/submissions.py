"""Read EDGAR's JSON data products: a company's submissions (``data.sec.gov/submissions/CIK##########.json``)
and its XBRL company facts (``data.sec.gov/api/xbrl/companyfacts/CIK##########.json``).

Submissions give the company's identity (name, tickers, exchanges, fiscal year end, former
names) and its filings as column arrays (``filings.recent``), which are turned into one
:class:`FilingRef` per filing with its archive URL. Company facts give every XBRL value the
company reported, per taxonomy, concept and unit, with the accession of the filing that
reported it. Parsing is the standard library's ``json``; the files are at most a few MB.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ...errors import ParseError, UnsupportedInputError

__all__ = ["CompanyFacts", "CompanySubmissions", "FilingRef", "XbrlValue", "archive_url", "load_json",
           "parse_company_facts", "parse_submissions"]

ARCHIVES = "https://www.sec.gov/Archives/edgar/data"


def archive_url(cik: int, accession: str, document: str = "", *, base: str = ARCHIVES) -> str:
    """URL of a filing in the EDGAR archive: its folder, a document in it, or (no document) the full submission."""
    folder = f"{base}/{int(cik)}/{accession.replace('-', '')}"
    return f"{folder}/{document}" if document else f"{folder}/{accession}.txt"


def load_json(data: bytes, *, source: str = "", what: str = "EDGAR JSON") -> dict:
    """Parse JSON bytes into a dict; ParseError naming ``source`` for anything else (HTML, truncation)."""
    head = data[:200].lstrip()
    if head[:1] == b"<":
        raise ParseError(f"an HTML or XML page, not {what}", source=source)
    try:
        value = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(f"not valid {what}: {str(exc).splitlines()[0]}", source=source) from None
    if not isinstance(value, dict):
        raise ParseError(f"{what} must be an object, got {type(value).__name__}", source=source)
    return value


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class FilingRef:
    """One filing listed in a company's submissions."""

    cik: int
    accession: str
    form: str
    filed: date | None
    report_date: date | None = None
    primary_document: str = ""
    description: str = ""
    items: tuple[str, ...] = ()
    size: int | None = None
    company: str = ""

    @property
    def url(self) -> str:
        """The full-submission text file on EDGAR."""
        return archive_url(self.cik, self.accession)

    @property
    def primary_url(self) -> str:
        return archive_url(self.cik, self.accession, self.primary_document) if self.primary_document else self.url

    def to_json(self) -> dict:
        return {"cik": self.cik, "accession": self.accession, "form": self.form,
                "filed": self.filed.isoformat() if self.filed else None,
                "report_date": self.report_date.isoformat() if self.report_date else None,
                "primary_document": self.primary_document, "description": self.description,
                "items": list(self.items), "size": self.size, "company": self.company, "url": self.url}


@dataclass(frozen=True, slots=True)
class CompanySubmissions:
    """A company's identity and filings from its submissions JSON."""

    cik: int
    name: str
    tickers: tuple[str, ...]
    exchanges: tuple[str, ...]
    sic: str = ""
    sic_description: str = ""
    fiscal_year_end: str = ""
    state_of_incorporation: str = ""
    entity_type: str = ""
    former_names: tuple[str, ...] = ()
    filings: tuple[FilingRef, ...] = ()
    older_files: tuple[str, ...] = ()

    def select(self, forms: Iterable[str] = (), since: date | None = None) -> list[FilingRef]:
        """Filings of the given forms (exact, case-insensitive; empty = all) filed on or after ``since``."""
        wanted = {f.upper() for f in forms}
        return [f for f in self.filings
                if (not wanted or f.form.upper() in wanted) and (since is None or (f.filed and f.filed >= since))]

    def to_json(self) -> dict:
        return {"cik": self.cik, "name": self.name, "tickers": list(self.tickers), "exchanges": list(self.exchanges),
                "sic": self.sic, "sic_description": self.sic_description, "fiscal_year_end": self.fiscal_year_end,
                "state_of_incorporation": self.state_of_incorporation, "entity_type": self.entity_type,
                "former_names": list(self.former_names), "filings": [f.to_json() for f in self.filings],
                "older_files": list(self.older_files)}


def _filings(cik: int, columns: dict, source: str) -> Iterator[FilingRef]:
    try:
        accessions = columns["accessionNumber"]
        forms = columns["form"]
    except (KeyError, TypeError):
        raise ParseError("submissions JSON has no filings.recent accessionNumber/form columns", source=source) from None
    n = len(accessions)

    def col(name: str) -> list:
        values = columns.get(name) or []
        return values if len(values) == n else [None] * n

    filed, report, primary, desc, items, size = (col("filingDate"), col("reportDate"), col("primaryDocument"),
                                                 col("primaryDocDescription"), col("items"), col("size"))
    for i in range(n):
        yield FilingRef(
            cik=cik, accession=accessions[i], form=forms[i], filed=_day(filed[i]), report_date=_day(report[i]),
            primary_document=primary[i] or "", description=desc[i] or "",
            items=tuple(x for x in (items[i] or "").split(",") if x), size=size[i])


def parse_submissions(data: bytes | dict, *, source: str = "") -> CompanySubmissions:
    """Read a submissions JSON document (bytes or already-parsed dict).

    Also accepts one of the older pages (``CIK##########-submissions-001.json``), which hold only
    the filing columns; pass its company's CIK in the JSON or read it through the main file.
    Raises ParseError for non-JSON input, UnsupportedInputError for JSON of another kind.
    """
    doc = data if isinstance(data, dict) else load_json(data, source=source, what="submissions JSON")
    if "filings" not in doc and "accessionNumber" not in doc:
        raise UnsupportedInputError("JSON is not an EDGAR submissions document (no 'filings')", source=source)
    try:
        cik = int(doc.get("cik") or 0)
    except (TypeError, ValueError):
        raise ParseError(f"submissions JSON has a non-numeric cik {doc.get('cik')!r}", source=source) from None
    filings = doc.get("filings") or {}
    recent = filings.get("recent") if "filings" in doc else doc
    return CompanySubmissions(
        cik=cik, name=doc.get("name") or "", tickers=tuple(doc.get("tickers") or ()),
        exchanges=tuple(x or "" for x in doc.get("exchanges") or ()), sic=str(doc.get("sic") or ""),
        sic_description=doc.get("sicDescription") or "", fiscal_year_end=doc.get("fiscalYearEnd") or "",
        state_of_incorporation=doc.get("stateOfIncorporation") or "", entity_type=doc.get("entityType") or "",
        former_names=tuple(f.get("name", "") for f in doc.get("formerNames") or () if isinstance(f, dict)),
        filings=tuple(_filings(cik, recent or {}, source)),
        older_files=tuple(f.get("name", "") for f in filings.get("files") or () if isinstance(f, dict)),
    )


@dataclass(frozen=True, slots=True)
class XbrlValue:
    """One reported XBRL value: a duration (``start``-``end``) or an instant (``end`` only)."""

    concept: str
    unit: str
    value: Decimal
    end: date
    start: date | None = None
    accession: str = ""
    fiscal_year: int | None = None
    fiscal_period: str = ""
    form: str = ""
    filed: date | None = None
    frame: str = ""

    @property
    def days(self) -> int | None:
        return (self.end - self.start).days if self.start else None


@dataclass(frozen=True, slots=True)
class CompanyFacts:
    """A company's XBRL facts: ``concepts[taxonomy][concept]`` is the raw concept record (label, units)."""

    cik: int
    name: str
    concepts: dict

    def values(self, concept: str, unit: str = "USD", taxonomy: str = "us-gaap") -> list[XbrlValue]:
        """Every value reported for a concept in a unit, as filed (duplicates across filings kept)."""
        record = self.concepts.get(taxonomy, {}).get(concept)
        if not record:
            return []
        out = []
        for row in record.get("units", {}).get(unit, ()):
            end = _day(row.get("end"))
            if end is None or row.get("val") is None:
                continue
            out.append(XbrlValue(concept=concept, unit=unit, value=Decimal(str(row["val"])), end=end,
                                 start=_day(row.get("start")), accession=row.get("accn", ""),
                                 fiscal_year=row.get("fy"), fiscal_period=row.get("fp") or "",
                                 form=row.get("form") or "", filed=_day(row.get("filed")), frame=row.get("frame") or ""))
        return out

    def annual(self, concept: str, unit: str = "USD", taxonomy: str = "us-gaap") -> list[XbrlValue]:
        """One value per fiscal year from annual reports: full-year durations, the latest filing winning."""
        best: dict[date, XbrlValue] = {}
        for v in self.values(concept, unit, taxonomy):
            if v.form not in ("10-K", "10-K/A", "20-F", "40-F") or v.days is None or not 350 <= v.days <= 380:
                continue
            current = best.get(v.end)
            if current is None or (v.filed or date.min) >= (current.filed or date.min):
                best[v.end] = v
        return [best[k] for k in sorted(best)]


def parse_company_facts(data: bytes | dict, *, source: str = "") -> CompanyFacts:
    """Read a companyfacts JSON document. ParseError for non-JSON, UnsupportedInputError for another kind."""
    doc = data if isinstance(data, dict) else load_json(data, source=source, what="companyfacts JSON")
    if not isinstance(doc.get("facts"), dict):
        raise UnsupportedInputError("JSON is not an EDGAR companyfacts document (no 'facts')", source=source)
    try:
        cik = int(doc.get("cik") or 0)
    except (TypeError, ValueError):
        raise ParseError(f"companyfacts JSON has a non-numeric cik {doc.get('cik')!r}", source=source) from None
    return CompanyFacts(cik=cik, name=doc.get("entityName") or "", concepts=doc["facts"])
