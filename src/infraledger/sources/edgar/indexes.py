"""EDGAR's full indexes: the daily and quarterly ``form.idx`` and ``master.idx``, and which filings to take from them.

EDGAR lists every filing it disseminates twice over: per day under
``/Archives/edgar/daily-index/YYYY/QTRn/{form,master}.YYYYMMDD.idx`` and per quarter under
``/Archives/edgar/full-index/YYYY/QTRn/{form,master}.idx``. ``form.idx`` is a fixed-width table
sorted by form type (read by :func:`~.listings.parse_daily_index`, which finds the columns from
the header line); ``master.idx`` is the same rows pipe-separated (``CIK|Company Name|Form
Type|Date Filed|Filename``), sorted by CIK. Both open with a few lines of description and a
dashed rule, which are skipped. The SEC also serves them gzip-compressed (``.gz``); compressed
bytes are recognised by their magic number and inflated with a bound on the inflated size, so a
small file cannot expand into gigabytes (a "zip bomb").

:func:`select` picks the filings a sync wants (forms, with their amendments; a date range; CIKs)
and :func:`index_periods` says which index files cover a date range: a quarterly index for each
whole quarter already over, a daily index for every weekday otherwise.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ...errors import InputError, InputTooLargeError, ParseError, UnsupportedInputError
from .listings import parse_daily_index
from .sgml import decode_text
from .submissions import FilingRef

__all__ = ["INDEX_KINDS", "IndexPeriod", "daily_index_path", "index_periods", "inflate", "parse_index",
           "quarter_of", "quarterly_index_path", "select"]

#: The index kinds read here (``company.idx`` holds the same rows sorted by name; it is not needed).
INDEX_KINDS = ("form", "master")
_GZIP_MAGIC = b"\x1f\x8b"
_ACCESSION = re.compile(r"(\d{10}-\d{2}-\d{6})")
_MASTER_HEADER = "CIK|Company Name|Form Type|Date Filed|Filename"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def daily_index_path(day: date, kind: str = "form", *, compressed: bool = False) -> str:
    """The archive path of one day's index (``.idx.gz`` when ``compressed``)."""
    _check_kind(kind)
    suffix = ".idx.gz" if compressed else ".idx"
    return f"/Archives/edgar/daily-index/{day.year}/QTR{quarter_of(day)}/{kind}.{day:%Y%m%d}{suffix}"


def quarterly_index_path(year: int, quarter: int, kind: str = "form", *, compressed: bool = False) -> str:
    """The archive path of one quarter's full index (``form.gz`` / ``master.gz`` when ``compressed``)."""
    _check_kind(kind)
    if not 1 <= int(quarter) <= 4:
        raise InputError(f"quarter must be 1 to 4, got {quarter}")
    return f"/Archives/edgar/full-index/{int(year)}/QTR{int(quarter)}/{kind}.{'gz' if compressed else 'idx'}"


def _check_kind(kind: str) -> None:
    if kind not in INDEX_KINDS:
        raise InputError(f"index kind must be one of {', '.join(INDEX_KINDS)}, got {kind!r}")


def inflate(data: bytes, *, max_bytes: int, source: str = "") -> bytes:
    """``data`` itself, or inflated when it is gzip; InputTooLargeError past ``max_bytes`` inflated.

    Inflating stops at the bound instead of running to the end, so the refusal costs no more
    memory than the bound itself.
    """
    if data[:2] != _GZIP_MAGIC:
        return data
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ParseError(f"not valid gzip: {exc}", source=source) from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise InputTooLargeError.of(None, max_bytes, source=source)
    if not inflater.eof:
        raise ParseError("truncated gzip stream", source=source)
    return out


def parse_index(data: bytes, *, source: str = "", max_bytes: int = 200_000_000) -> list[FilingRef]:
    """Every filing listed in a ``form.idx`` or ``master.idx`` (daily or quarterly, plain or gzip), in file order.

    Raises UnsupportedInputError for text that is neither index, ParseError for a row that
    cannot be read (a CIK that is not a number, a file name without an accession number).
    """
    data = inflate(data, max_bytes=max_bytes, source=source)
    head = data[:8192]
    if _MASTER_HEADER.encode() in head:
        return _parse_master(decode_text(data), source)
    if b"Form Type" in head and b"File Name" in head:
        return parse_daily_index(data, source=source)
    raise UnsupportedInputError("not an EDGAR form.idx or master.idx (no index header)", source=source)


def _parse_master(text: str, source: str) -> list[FilingRef]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(_MASTER_HEADER)) + 1
    if start < len(lines) and set(lines[start].strip()) <= {"-"}:
        start += 1
    out = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip():
            continue
        cells = line.split("|")
        if len(cells) < 5:
            raise ParseError(f"line {number}: expected 5 '|'-separated fields, got {len(cells)}", source=source)
        # A company name may itself hold a '|': the other four fields are fixed at either end.
        cik, company, form, filed, path = cells[0], "|".join(cells[1:-3]), cells[-3], cells[-2], cells[-1]
        match = _ACCESSION.search(path)
        if not cik.strip().isdigit() or match is None:
            raise ParseError(f"line {number}: cannot read CIK {cik!r} or file name {path!r}", source=source)
        out.append(FilingRef(cik=int(cik), accession=match.group(1), form=form.strip(), filed=_day(filed),
                             company=company.strip()))
    return out


def _day(text: str) -> date | None:
    text = text.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def select(refs: Iterable[FilingRef], *, forms: Iterable[str] = (), since: date | None = None,
           until: date | None = None, ciks: Iterable[int] = (), amendments: bool = True) -> list[FilingRef]:
    """The filings of ``forms`` (case-insensitive; empty: all) filed in ``[since, until]`` by one of ``ciks``.

    With ``amendments`` (the default) asking for a form also takes its amendments ("D" takes
    "D/A", "8-K" takes "8-K/A"). A filing listed twice (an index per day and per quarter, or
    the same accession under two filers) is kept once, at its first place.
    """
    wanted = {f.strip().upper() for f in forms if f.strip()}
    if amendments:
        wanted |= {f"{f}/A" for f in wanted if not f.endswith("/A")}
    numbers = {int(c) for c in ciks}
    seen: set[str] = set()
    out = []
    for ref in refs:
        if wanted and ref.form.upper() not in wanted:
            continue
        if numbers and ref.cik not in numbers:
            continue
        if (since and (ref.filed is None or ref.filed < since)) or (until and (ref.filed is None or ref.filed > until)):
            continue
        if ref.accession in seen:
            continue
        seen.add(ref.accession)
        out.append(ref)
    return out


@dataclass(frozen=True, slots=True)
class IndexPeriod:
    """One index file to read: a whole quarter (``quarter`` set) or one day (``day`` set)."""

    year: int
    quarter: int
    day: date | None = None

    @property
    def is_quarter(self) -> bool:
        return self.day is None

    def label(self) -> str:
        return f"{self.year} Q{self.quarter}" if self.day is None else self.day.isoformat()


def _quarter_bounds(day: date) -> tuple[date, date]:
    q = quarter_of(day)
    first = date(day.year, 3 * q - 2, 1)
    nxt = date(day.year + 1, 1, 1) if q == 4 else date(day.year, 3 * q + 1, 1)
    return first, nxt - timedelta(days=1)


def index_periods(since: date, until: date, *, today: date) -> list[IndexPeriod]:
    """The index files that list every filing filed from ``since`` to ``until`` (both included).

    A quarter wholly inside the range and over before ``today`` is read from its quarterly index
    (one request instead of some 63); any other day from its daily index. Weekends are left out:
    EDGAR does not disseminate then and publishes no daily index.
    """
    if until < since:
        raise InputError(f"--until {until} is before --since {since}")
    out: list[IndexPeriod] = []
    day = since
    while day <= until:
        first, last = _quarter_bounds(day)
        if day == first and last <= until and last < today:
            out.append(IndexPeriod(day.year, quarter_of(day)))
            day = last + timedelta(days=1)
            continue
        if day.weekday() < 5:
            out.append(IndexPeriod(day.year, quarter_of(day), day))
        day += timedelta(days=1)
    return out
