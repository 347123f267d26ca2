"""Read an 8-K (current report): its items with their text, the date of report, and its exhibits.

Items are found as headings ("Item 2.01 ...") at the start of a line of the primary document's
text (see :mod:`.text`), and cross-checked with the item list of the submission header. Reports
filed before 23 August 2004 number items the old way ("Item 2. Acquisition or Disposition of
Assets"); those are mapped to today's codes (Item 2 -> 2.01) and keep their original number.
EX-99 exhibits (press releases) are kept with their text so deal language can be extracted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ...errors import ParseError, UnsupportedInputError
from .forms import EIGHT_K_TYPES
from .sgml import Submission, SubmissionDocument, is_submission, split_submission
from .text import document_text

__all__ = ["ITEM_TITLES", "EightK", "Exhibit", "Item", "parse_8k"]


#: Current 8-K items (Form 8-K General Instructions, in force since 23 August 2004).
ITEM_TITLES = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}

#: Items of the form before 23 August 2004, mapped to the current item that replaced each.
LEGACY_ITEMS = {
    "1": "5.01", "2": "2.01", "3": "1.03", "4": "4.01", "5": "8.01", "6": "5.02", "7": "9.01", "8": "5.03",
    "9": "7.01", "10": "5.05", "11": "5.04", "12": "2.02",
}
_LEGACY_TITLES = {
    "changes in control of registrant": "5.01", "change in control of registrant": "5.01",
    "acquisition or disposition of assets": "2.01", "bankruptcy or receivership": "1.03",
    "changes in registrants certifying accountant": "4.01", "other events": "8.01",
    "other events and regulation fd disclosure": "8.01", "other events and required fd disclosure": "8.01",
    "resignations of registrants directors": "5.02", "financial statements and exhibits": "9.01",
    "financial statements pro forma financial information and exhibits": "9.01",
    "change in fiscal year": "5.03", "regulation fd disclosure": "7.01",
    "results of operations and financial condition": "2.02",
}

_HEADING = re.compile(
    r"^[ \t]*item[ \t]*(\d{1,2})(?:\.[ \t]?(\d{2}))?(?:\([a-z]\))?(?=[\s.:\-–—]|$)[.:\-–—]?[ \t]*(.*)$",
    re.IGNORECASE | re.MULTILINE)
_REFERENCE = re.compile(r"^(of|in|is|are|above|below|herein|and|or|to|under|\(|,)\b", re.IGNORECASE)
_SIGNATURES = re.compile(r"^[ \t]*SIGNATURES?[ \t]*$", re.MULTILINE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?")
_DATE = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})\s*,\s*(\d{{4}})\b", re.IGNORECASE)
_REPORT_LABEL = re.compile(r"date\s+of\s+report", re.IGNORECASE)
_REGISTRANT = re.compile(r"\(\s*exact\s+name\s+of\s+registrant", re.IGNORECASE)
_LEGACY_CUTOFF = date(2004, 8, 23)


@dataclass(frozen=True, slots=True)
class Item:
    """One item of an 8-K; ``start``/``end`` are offsets of its text in the primary document text."""

    code: str
    title: str
    text: str
    start: int
    end: int
    legacy_code: str | None = None

    def to_json(self) -> dict:
        out = {"code": self.code, "title": self.title, "text": self.text, "span": [self.start, self.end]}
        if self.legacy_code:
            out["legacy_code"] = self.legacy_code
        return out


@dataclass(frozen=True, slots=True)
class Exhibit:
    """An exhibit document; press releases (EX-99.*) carry their text."""

    type: str
    sequence: int | None
    filename: str
    description: str
    text: str | None = None

    @property
    def is_press_release(self) -> bool:
        return self.type.upper().startswith("EX-99")

    def to_json(self, *, with_text: bool = False) -> dict:
        out = {"type": self.type, "sequence": self.sequence, "filename": self.filename,
               "description": self.description}
        if with_text and self.text is not None:
            out["text"] = self.text
        return out


@dataclass(frozen=True, slots=True)
class EightK:
    """What an 8-K says: who filed, as of which date, which items, which exhibits."""

    form_type: str
    company: str
    cik: int | None
    date_of_report: date | None
    items: tuple[Item, ...]
    exhibits: tuple[Exhibit, ...] = ()
    header_items: tuple[str, ...] = ()
    document: str = ""
    text: str = field(default="", repr=False)

    def item(self, code: str) -> Item | None:
        return next((i for i in self.items if i.code == code), None)

    @property
    def press_releases(self) -> tuple[Exhibit, ...]:
        return tuple(e for e in self.exhibits if e.is_press_release)

    def to_json(self, *, with_text: bool = False) -> dict:
        return {
            "form_type": self.form_type, "company": self.company, "cik": self.cik,
            "date_of_report": self.date_of_report.isoformat() if self.date_of_report else None,
            "document": self.document, "header_items": list(self.header_items),
            "items": [i.to_json() for i in self.items],
            "exhibits": [e.to_json(with_text=with_text) for e in self.exhibits],
        }


def parse_8k(data: bytes | Submission, *, source: str = "") -> EightK:
    """Read an 8-K from a full submission (bytes or already split) or from its primary HTML/text.

    Raises UnsupportedInputError when the submission is another form, ParseError when the
    document holds no 8-K cover or items.
    """
    submission = data if isinstance(data, Submission) else (
        split_submission(data, source=source) if is_submission(data) else None)
    if submission is not None:
        form = submission.header.form_type.upper()
        if form not in EIGHT_K_TYPES:
            raise UnsupportedInputError(f"form {form or '?'} is not an 8-K", source=source)
        primary = _primary(submission)
        text = document_text(primary.raw)
        filer = submission.header.filer
        company, cik = (filer.name, filer.cik) if filer else (_registrant(text), None)
        filed = submission.header.filed
        header_items = submission.header.items
        exhibits = tuple(_exhibit(d) for d in submission.documents if d.type.upper().startswith("EX-"))
        document, fallback_date = primary.filename, submission.header.period
    else:
        text = document_text(data)
        if not re.search(r"form\s+8-K", text[:6000], re.IGNORECASE):
            raise UnsupportedInputError("not an 8-K: no 'Form 8-K' on the cover page", source=source)
        company, cik, filed, header_items, exhibits = _registrant(text), None, None, (), ()
        document, fallback_date = source.rsplit("/", 1)[-1], None
    report_date = _date_of_report(text) or fallback_date
    legacy = (report_date or filed or date.max) < _LEGACY_CUTOFF
    items = _items(text, legacy)
    if not items and not header_items:
        raise ParseError("8-K with no recognisable items", source=source)
    return EightK(form_type=submission.header.form_type if submission else "8-K", company=company, cik=cik,
                  date_of_report=report_date, items=items, exhibits=exhibits, header_items=tuple(header_items),
                  document=document, text=text)


def _primary(submission: Submission) -> SubmissionDocument:
    for doc in submission.documents:
        if doc.type.upper() in EIGHT_K_TYPES:
            return doc
    primary = submission.primary
    if primary is None:
        raise ParseError("8-K submission holds no documents")
    return primary


def _exhibit(doc: SubmissionDocument) -> Exhibit:
    text = None
    if doc.type.upper().startswith("EX-99") and not doc.is_uuencoded:
        text = document_text(doc.raw)
    return Exhibit(type=doc.type, sequence=doc.sequence, filename=doc.filename, description=doc.description,
                   text=text)


def _normal(title: str) -> str:
    return " ".join(re.sub(r"[^a-z ]+", "", title.lower().replace("-", " ")).split())


def _items(text: str, legacy: bool) -> tuple[Item, ...]:
    """Item sections in document order; an item named twice (a summary list, then the body) keeps its longest text."""
    headings = []
    for m in _HEADING.finditer(text):
        major, minor, rest = m.group(1), m.group(2), m.group(3).strip()
        if _REFERENCE.match(rest):
            continue
        if minor is not None:
            code, legacy_code = f"{int(major)}.{minor}", None
            if code not in ITEM_TITLES:
                continue
        else:
            legacy_code = str(int(major))
            code = LEGACY_ITEMS.get(legacy_code) if legacy else None
            if code is None:
                code = _LEGACY_TITLES.get(_normal(rest))
                if code is None:
                    continue
        headings.append((m.start(), m.end(), code, legacy_code, rest))
    signatures = _SIGNATURES.search(text, headings[-1][1]) if headings else None
    stop = signatures.start() if signatures else len(text)
    best: dict[str, Item] = {}
    order: list[str] = []
    for n, (_start, body_start, code, legacy_code, rest) in enumerate(headings):
        end = headings[n + 1][0] if n + 1 < len(headings) else stop
        body = text[body_start:end].strip()
        title = rest.rstrip(". ") or ITEM_TITLES[code]
        item = Item(code=code, title=title, text=body, start=body_start, end=max(end, body_start),
                    legacy_code=legacy_code)
        if code not in best:
            order.append(code)
            best[code] = item
        elif len(body) > len(best[code].text):
            best[code] = item
    return tuple(best[c] for c in order)


def _parse_day(m: re.Match) -> date | None:
    month = m.group(1).lower().rstrip(".")[:3]
    try:
        return datetime.strptime(f"{month} {m.group(2)} {m.group(3)}", "%b %d %Y").date()
    except ValueError:
        return None


def _date_of_report(text: str) -> date | None:
    """The cover's date of report: the date after the label, else the one just before it."""
    label = _REPORT_LABEL.search(text[:8000])
    if label is None:
        return None
    after = _DATE.search(text, label.end(), label.end() + 250)
    if after:
        return _parse_day(after)
    before = list(_DATE.finditer(text, max(0, label.start() - 250), label.start()))
    return _parse_day(before[-1]) if before else None


def _registrant(text: str) -> str:
    """The registrant's name: the line above '(Exact name of registrant ...)' on the cover."""
    m = _REGISTRANT.search(text[:10000])
    if m is None:
        return ""
    lines = [line.strip(" -\t") for line in text[:m.start()].splitlines() if line.strip(" -\t")]
    return lines[-1] if lines else ""
