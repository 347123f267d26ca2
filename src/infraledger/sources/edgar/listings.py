"""Read EDGAR's filing lists: the daily form index (``form.YYYYMMDD.idx``) and the Atom feed of
latest filings (``browse-edgar?action=getcurrent&output=atom``), both into :class:`FilingRef`.

The daily index is a fixed-width text table under a dashed rule; its columns are found from the
header line (their widths vary between years), so a line is cut at the header's offsets. The
feed is Atom XML, read with the same safe parser as every other filer-facing XML.
"""

from __future__ import annotations

import re
from datetime import date

from ...errors import ParseError, UnsupportedInputError
from .sgml import decode_text
from .submissions import FilingRef
from .xmlsafe import parse_xml

__all__ = ["parse_atom_feed", "parse_daily_index"]

_COLUMNS = ("Form Type", "Company Name", "CIK", "Date Filed", "File Name")
_ACCESSION = re.compile(r"(\d{10}-\d{2}-\d{6})")
_ATOM = "{http://www.w3.org/2005/Atom}"
_TITLE = re.compile(r"^(?P<form>.+?) - (?P<name>.+) \((?P<cik>\d{1,10})\) \((?P<role>[^)]*)\)\s*$")
_FILED = re.compile(r"Filed:</b>\s*(\d{4}-\d{2}-\d{2})")
_ITEM = re.compile(r"Item (\d{1,2}\.\d{2})")


def _day(text: str) -> date | None:
    text = text.strip()
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if len(text) == 8 else date.fromisoformat(text)
    except ValueError:
        return None


def parse_daily_index(data: bytes, *, source: str = "") -> list[FilingRef]:
    """Every filing listed in a daily (or quarterly) form index, in file order.

    Raises UnsupportedInputError when the text has no index header, ParseError for a row
    whose CIK or file name cannot be read.
    """
    text = decode_text(data)
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines[:40]) if line.startswith("Form Type") and "File Name" in line), None)
    if header is None:
        raise UnsupportedInputError("not an EDGAR form index (no 'Form Type ... File Name' header)", source=source)
    starts = [lines[header].index(c) for c in _COLUMNS]
    out = []
    for number, line in enumerate(lines[header + 2:], start=header + 3):
        if not line.strip():
            continue
        cells = [line[a:b].strip() for a, b in zip(starts, starts[1:] + [len(line)], strict=True)]
        form, company, cik, filed, path = cells
        match = _ACCESSION.search(path)
        if not cik.isdigit() or match is None:
            raise ParseError(f"line {number}: cannot read CIK {cik!r} or file name {path!r}", source=source)
        out.append(FilingRef(cik=int(cik), accession=match.group(1), form=form, filed=_day(filed), company=company))
    return out


def parse_atom_feed(data: bytes, *, source: str = "") -> list[FilingRef]:
    """Filings in an EDGAR "latest filings" Atom feed: form, filer, CIK, accession, filed date, items."""
    root = parse_xml(data, source=source)
    if root.tag != f"{_ATOM}feed":
        raise UnsupportedInputError(f"XML root is <{root.tag}>, not an Atom feed", source=source)
    out = []
    for entry in root.iter(f"{_ATOM}entry"):
        title = entry.findtext(f"{_ATOM}title") or ""
        ident = entry.findtext(f"{_ATOM}id") or ""
        summary = entry.findtext(f"{_ATOM}summary") or ""
        m, acc = _TITLE.match(title), _ACCESSION.search(ident)
        if m is None or acc is None:
            raise ParseError(f"feed entry {title[:80]!r} has no form, CIK or accession number", source=source)
        filed = _FILED.search(summary)
        out.append(FilingRef(cik=int(m.group("cik")), accession=acc.group(1), form=m.group("form"),
                             filed=_day(filed.group(1)) if filed else None, company=m.group("name"),
                             items=tuple(_ITEM.findall(summary))))
    return out
