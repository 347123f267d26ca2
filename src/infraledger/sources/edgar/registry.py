"""Which reader reads which filing: one table from form type to reader, and one entry point.

:func:`read_filing` takes a file's bytes and name and returns a :class:`ReadFiling`: what the
filing says (``parsed``, JSON-able through ``to_json``) and what it contributes to the ledger
(``contributions``: sources with their facts). Input is recognised by content, not by name:
a full submission by its SGML header (the form type is then taken from the header), Form D
by its ``<edgarSubmission>`` root, EDGAR JSON by its keys, the daily form index and the Atom
feed of latest filings by their headers, and a bare HTML/text document by its cover page. Forms without a reader raise :class:`UnsupportedInputError` naming the form.

Each reader (and the facts module it feeds) is imported by the function that uses it, the first
time a file of its kind is read: a run over Form D files loads neither the 8-K nor the prospectus
readers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ...errors import InputError, InputTooLargeError, ParseError, UnsupportedInputError
from .facts import FilingFacts, filing_source, form_d_facts
from .forms import EIGHT_K_TYPES, FORM_D_TYPES, PROSPECTUS_TYPES
from .sgml import Submission, is_submission, split_submission
from .xmlsafe import looks_like_html

__all__ = ["READERS", "ReadFiling", "read_filing", "read_path"]


@dataclass
class ReadFiling:
    """One input file, read: its kind, form type, the reader's value and its ledger contributions."""

    name: str
    kind: str
    form_type: str
    parsed: Any
    contributions: list[FilingFacts] = field(default_factory=list)

    @property
    def fact_count(self) -> int:
        return sum(len(c.facts) for c in self.contributions)

    def to_json(self, *, with_text: bool = False) -> dict:
        """JSON-able form; ``with_text`` adds the 8-K's exhibit texts (press releases) where there are any."""
        if self.kind == "8-k":
            parsed = self.parsed.to_json(with_text=with_text)
        else:
            parsed = self.parsed.to_json() if hasattr(self.parsed, "to_json") else self.parsed
        return self.around(parsed)

    def around(self, parsed: Any) -> dict:
        """The JSON-able form with ``parsed`` standing for the reader's value (e.g. its JSON text already made)."""
        return {"file": self.name, "kind": self.kind, "form_type": self.form_type, "parsed": parsed,
                "contributions": [c.to_json() for c in self.contributions]}


def _form_d(data: bytes, name: str, sub: Submission | None) -> ReadFiling:
    from .formd import parse_form_d

    form = parse_form_d(data, source=name, submission=sub)
    header = sub.header if sub else None
    filer = header.filer if header else None
    source = filing_source(form_type=form.submission_type, accession=header.accession if header else "",
                           cik=form.issuer.cik or (filer.cik if filer else None),
                           filed=header.filed if header else (form.signatures[0].date if form.signatures else None),
                           title=f"Form {form.submission_type}: {form.issuer.name}", content=data)
    document = next((d.filename for d in sub.documents if d.is_xml), "primary_doc.xml") if sub else _base_name(name)
    return ReadFiling(name, "form_d", form.submission_type, form, [form_d_facts(form, source=source, document=document)])


def _eight_k(data: bytes, name: str, sub: Submission | None) -> ReadFiling:
    from .eightk import parse_8k
    from .facts8k import eightk_facts

    report = parse_8k(sub if sub is not None else data, source=name)
    header = sub.header if sub else None
    source = filing_source(form_type=report.form_type, accession=header.accession if header else "",
                           cik=report.cik, filed=header.filed if header else report.date_of_report,
                           title=f"Form {report.form_type}: {report.company}", content=data)
    return ReadFiling(name, "8-k", report.form_type, report, [eightk_facts(report, source=source)])


def _prospectus(data: bytes, name: str, sub: Submission | None) -> ReadFiling:
    from .facts import prospectus_facts
    from .prospectus import parse_prospectus

    cover = parse_prospectus(sub if sub is not None else data, source=name)
    header = sub.header if sub else None
    source = filing_source(form_type=cover.form_type, accession=header.accession if header else "", cik=cover.cik,
                           filed=header.filed if header else cover.prospectus_date,
                           title=f"Form {cover.form_type}: {cover.issuer}", content=data)
    return ReadFiling(name, "prospectus", cover.form_type, cover, [prospectus_facts(cover, source=source)])


@dataclass(frozen=True)
class _Listing:
    """Filings listed by an index or feed (nothing for the ledger: they are leads to fetch)."""

    filings: list

    def to_json(self) -> dict:
        return {"count": len(self.filings), "filings": [f.to_json() for f in self.filings]}


Reader = Callable[[bytes, str, "Submission | None"], ReadFiling]

#: Form type (as in the submission header) -> reader.
READERS: dict[str, Reader] = {
    **{form: _form_d for form in FORM_D_TYPES},
    **{form: _eight_k for form in EIGHT_K_TYPES},
    **{form: _prospectus for form in PROSPECTUS_TYPES},
}


def _json(data: bytes, name: str) -> ReadFiling:
    from .facts import capex_facts
    from .submissions import load_json, parse_company_facts, parse_submissions
    from .tickers import parse_tickers

    doc = load_json(data, source=name)
    if "facts" in doc and "entityName" in doc:
        facts = parse_company_facts(doc, source=name)
        return ReadFiling(name, "companyfacts", "XBRL", {"cik": facts.cik, "name": facts.name}, capex_facts(facts))
    if "filings" in doc:
        return ReadFiling(name, "submissions", "", parse_submissions(doc, source=name))
    values = list(doc.values())[:1]
    if values and isinstance(values[0], dict) and "cik_str" in values[0]:
        tickers = parse_tickers(doc, source=name)
        return ReadFiling(name, "company_tickers", "", {"rows": len(tickers)})
    raise UnsupportedInputError("JSON is not an EDGAR submissions, companyfacts or company_tickers document",
                                source=name)


def read_filing(data: bytes, name: str = "") -> ReadFiling:
    """Read one EDGAR file (bytes) into a :class:`ReadFiling`.

    Raises ParseError (malformed, truncated, unsafe or wrongly encoded input, HTML where XML is
    expected) and UnsupportedInputError (a form or document kind we do not read), both naming ``name``.
    """
    head = data[:4096].lstrip()
    if not head:
        raise ParseError("empty file", source=name)
    if is_submission(data):
        sub = split_submission(data, source=name)
        form = sub.header.form_type.upper()
        reader = READERS.get(form)
        if reader is None:
            raise UnsupportedInputError(f"form type {form or '?'} is not read (readers: {_known()})", source=name)
        return reader(data, name, sub)
    if head[:1] in (b"{", b"["):
        return _json(data, name)
    stripped = head[5:].lstrip() if head.startswith(b"<XML>") else head
    html = looks_like_html(stripped) or _XHTML.search(stripped[:3000]) is not None
    if name.lower().endswith(".xml") and html:
        raise ParseError("an HTML page, not XML", source=name)
    if not html and b"<feed" in stripped[:600] and b"http://www.w3.org/2005/Atom" in stripped[:600]:
        from .listings import parse_atom_feed

        return ReadFiling(name, "atom_feed", "", _Listing(parse_atom_feed(data, source=name)))
    if not html and (stripped.startswith((b"<?xml", b"<edgarSubmission")) or name.lower().endswith(".xml")):
        return _form_d(data, name, None)
    if b"Form Type" in head and b"File Name" in head and b"Daily Index" in head[:200] or name.endswith(".idx"):
        from .listings import parse_daily_index

        return ReadFiling(name, "form_index", "", _Listing(parse_daily_index(data, source=name)))
    text_head = data[:60000]
    if _EIGHT_K.search(text_head[:30000]):
        return _eight_k(data, name, None)
    if _PROSPECTUS.search(text_head):
        return _prospectus(data, name, None)
    raise UnsupportedInputError("neither a full submission, Form D XML, EDGAR JSON, an 8-K nor a prospectus "
                                "(no cover page of a form we read)", source=name)


_XHTML = re.compile(rb"<html[\s>]", re.IGNORECASE)
# "FORM 8-K" on the cover, allowing the markup and non-breaking spaces filers put between the words.
_EIGHT_K = re.compile(rb"FORM(?:\s|&nbsp;|&#160;|&#xa0;|<[^>]{0,200}>)*8-K\b", re.IGNORECASE)
_PROSPECTUS = re.compile(rb"424\(b\)|PROSPECTUS", re.IGNORECASE)


def _known() -> str:
    return ", ".join(sorted(READERS))


def _base_name(name: str) -> str:
    """``Path(name).name``, without building a path for the common case (a last part that is a name)."""
    if os.sep == "/" and os.altsep is None:
        base = name.rpartition("/")[2]
        if base and base != ".":  # otherwise the path's own rules decide (a trailing "/" or ".")
            return base
    return Path(name).name


def _path_text(path: str | Path) -> str:
    """``str(Path(path))``, without building a path for a name it would not change.

    A path changes only where it has an empty or "." part ("a//b", "./a", "a/./b", "a/"): a name
    with none of "//", "/." or a "./" start or "/" end is returned as it is.
    """
    if path.__class__ is str and os.sep == "/" and os.altsep is None and path and "//" not in path \
            and "/." not in path and not path.startswith("./") and not path.endswith("/") and path != ".":
        return path
    return str(Path(path))


def read_path(path: str | Path, *, max_bytes: int) -> ReadFiling:
    """Read a file from disk, refusing files over ``max_bytes`` (InputTooLargeError) before reading them.

    The file is opened once and its size taken from the open file; no more than ``max_bytes`` + 1
    bytes are read, so a file that grows after that check is refused too, never read whole.
    """
    name = _path_text(path)
    with open(path, "rb") as file:
        data = _bounded_read(file, max_bytes, name)
    try:
        return read_filing(data, name)
    except InputError as exc:  # a value the ledger cannot hold (a figure over 10^18): say which file
        if getattr(exc, "source", None) is not None:
            raise
        raise ParseError(str(exc), source=name) from None


def _bounded_read(file: BinaryIO, max_bytes: int, name: str) -> bytes:
    size = os.fstat(file.fileno()).st_size
    if size > max_bytes:
        raise InputTooLargeError.of(size, max_bytes, source=name)
    data = file.read(size + 1)  # the size it has, and one byte more to see that it has not grown
    if len(data) > size:  # it has (or its size is not known, a pipe): read on, to the limit at most
        data += file.read(max_bytes + 1 - len(data))
        if len(data) > max_bytes:
            raise InputTooLargeError.of(None, max_bytes, source=name)
    return data
