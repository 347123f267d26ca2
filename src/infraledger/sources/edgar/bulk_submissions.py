"""Read EDGAR's nightly ``submissions.zip`` into company records the resolver can use.

The SEC publishes every company's submissions JSON (``data.sec.gov/submissions/CIK##########.json``)
each night as one zip (``/Archives/edgar/daily-index/bulkdata/submissions.zip``, several GB
inflated, about a million members). Only the identity of each company is read here: CIK, name,
tickers, exchanges and former names with the dates each was in use; the filing columns are left
to :mod:`.submissions`. The older pages of a company's filings (``CIK##########-submissions-001.json``)
hold no identity and are skipped.

The zip is read front to back, one member at a time, by its local headers: :mod:`zipfile` would
first load the whole central directory, one ``ZipInfo`` per member, over half a gigabyte for a
million members (about 0.6 KB each, measured), where this holds one company's JSON. Stored and
deflated members are read, with or without a trailing data descriptor and with zip64 sizes.
Each member is bounded while it is inflated, whatever its header claims: past
``max_member_bytes``, or inflating more than :data:`MAX_RATIO` times the bytes read (and over
1 MB), it is refused as a zip bomb.

A :class:`CompanyRecord` becomes an :class:`~infraledger.model.Entity` whose aliases are the
former names (:meth:`CompanyRecord.entity`), or a :class:`~infraledger.resolve.DirectoryEntry`
for the SEC directory (:meth:`CompanyRecord.directory_entry`). :func:`load_into` adds records to
a resolver through :meth:`~infraledger.resolve.Resolver.adopt`, so an entity the ledger already
knows keeps its id and gains the names; :func:`records_batch` turns records into one ledger
append (a data-file source with the entities and no facts), after which the ledger's own
resolver knows the old names.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from ...errors import InputTooLargeError, ParseError
from ...model.entities import Entity
from ...model.sources import Source, SourceKind
from ...resolve.directory import DirectoryEntry
from ...resolve.resolver import Resolver

__all__ = ["MAX_RATIO", "CompanyRecord", "FormerName", "load_into", "parse_company", "read_submissions_zip",
           "records_batch"]

#: Highest compression ratio accepted for one member (JSON compresses about 10:1).
MAX_RATIO = 200


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name the company was registered under, and when (``start``/``end`` as EDGAR gives them)."""

    name: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class CompanyRecord:
    """One company's identity in EDGAR."""

    cik: int
    name: str
    tickers: tuple[str, ...] = ()
    exchanges: tuple[str, ...] = ()
    former_names: tuple[FormerName, ...] = ()
    entity_type: str = ""
    sic: str = ""

    def aliases(self) -> tuple[str, ...]:
        """The former names, newest first, each once and none equal to the current name."""
        out: list[str] = []
        for former in sorted(self.former_names, key=lambda f: f.end or date.min, reverse=True):
            if former.name and former.name != self.name and former.name not in out:
                out.append(former.name)
        return tuple(out)

    def entity(self) -> Entity:
        """The company as a ledger entity (id ``cik:<n>``), its former names as aliases."""
        return Entity.new(self.name, cik=self.cik, aliases=self.aliases(), tickers=self.tickers)

    def directory_entry(self) -> DirectoryEntry:
        return DirectoryEntry(self.cik, self.name, list(self.tickers), list(self.aliases()))

    def to_json(self) -> dict:
        return {"cik": self.cik, "name": self.name, "tickers": list(self.tickers), "exchanges": list(self.exchanges),
                "former_names": [{"name": f.name, "from": f.start.isoformat() if f.start else None,
                                  "to": f.end.isoformat() if f.end else None} for f in self.former_names],
                "entity_type": self.entity_type, "sic": self.sic}


def _day(value) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_company(doc: dict, *, source: str = "") -> CompanyRecord:
    """A company's record from its submissions JSON (already parsed). ParseError without a numeric cik."""
    try:
        cik = int(doc.get("cik") or 0)
    except (TypeError, ValueError):
        raise ParseError(f"submissions JSON has a non-numeric cik {doc.get('cik')!r}", source=source) from None
    if not cik:
        raise ParseError("submissions JSON has no cik", source=source)
    former = tuple(FormerName(str(f.get("name") or "").strip(), _day(f.get("from")), _day(f.get("to")))
                   for f in doc.get("formerNames") or () if isinstance(f, dict) and f.get("name"))
    return CompanyRecord(cik=cik, name=str(doc.get("name") or "").strip(),
                         tickers=tuple(str(t) for t in doc.get("tickers") or () if t),
                         exchanges=tuple(str(x) for x in doc.get("exchanges") or () if x),
                         former_names=former, entity_type=str(doc.get("entityType") or ""),
                         sic=str(doc.get("sic") or ""))


def read_submissions_zip(archive: str | Path | IO[bytes], *, max_member_bytes: int = 50_000_000,
                         errors: list[str] | None = None) -> Iterator[CompanyRecord]:
    """Every company in a ``submissions.zip`` (a path or a binary file), one member at a time, in archive order.

    A member that is not valid JSON or has no CIK is a ParseError, unless ``errors`` is given:
    then its one-line message is appended there and reading goes on (a nightly file of a million
    members should not stop at one bad one). A damaged archive and sizes past the bounds always raise.
    """
    if isinstance(archive, (str, Path)):
        with open(archive, "rb") as handle:
            yield from _records(handle, str(archive), max_member_bytes, errors)
    else:
        yield from _records(archive, getattr(archive, "name", "submissions.zip"), max_member_bytes, errors)


def _records(handle: IO[bytes], name: str, max_member_bytes: int, errors: list[str] | None) -> Iterator[CompanyRecord]:
    for member, raw in _iter_members(handle, max_member_bytes=max_member_bytes, max_ratio=MAX_RATIO, source=name):
        if not member.endswith(".json") or "-submissions-" in member:
            continue
        where = f"{name}: {member}"
        try:
            doc = json.loads(raw)
            if not isinstance(doc, dict):
                raise ParseError(f"expected a JSON object, got {type(doc).__name__}", source=where)
            record = parse_company(doc, source=where)
        except (ValueError, UnicodeDecodeError) as exc:
            message = exc if isinstance(exc, ParseError) else ParseError(
                f"not valid JSON: {str(exc).splitlines()[0]}", source=where)
            if errors is None:
                raise message from None
            errors.append(str(message))
            continue
        yield record


# -- reading a zip front to back ----------------------------------------------------------------
_LOCAL = b"PK\x03\x04"
_ENDS = (b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06")  # central directory, end records
_DESCRIPTOR = b"PK\x07\x08"
_CHUNK = 1 << 16


class _Reader:
    """A forward-only reader with push-back (inflating reads past a member's end)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle, self.buffer = handle, b""

    def read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.handle.read(max(_CHUNK, n - len(self.buffer)))
            if not chunk:
                break
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def exact(self, n: int, what: str, source: str) -> bytes:
        out = self.read(n)
        if len(out) < n:
            raise ParseError(f"zip cut short in {what}", source=source)
        return out

    def unread(self, data: bytes) -> None:
        self.buffer = data + self.buffer


def _iter_members(handle: IO[bytes], *, max_member_bytes: int, max_ratio: int = 200,
                 source: str = "") -> Iterator[tuple[str, bytes]]:
    """``(name, data)`` for each file member of the zip read from ``handle``, in archive order.

    Raises ParseError for a damaged or cut archive, an encrypted member or an unknown compression
    method, InputTooLargeError for a member past the bounds.
    """
    reader = _Reader(handle)
    first = True
    while True:
        signature = reader.read(4)
        if not signature or signature in _ENDS:
            return
        if signature != _LOCAL:
            raise ParseError("not a readable zip: no local file header" if first
                             else "damaged zip: expected a local file header", source=source)
        first = False
        (_, flags, method, _, _, _, compressed, size, name_len, extra_len) = struct.unpack(
            "<HHHHHIIIHH", reader.exact(26, "a local header", source))
        name = reader.exact(name_len, "a member name", source).decode("utf-8" if flags & 0x800 else "cp437")
        extra = reader.exact(extra_len, "a member's extra field", source)
        where = f"{source}: {name}" if source else name
        if flags & 0x1:
            raise ParseError("encrypted zip member", source=where)
        zip64 = _zip64_sizes(extra)
        if zip64 is not None:
            size = zip64[0] if size == 0xFFFFFFFF else size
            compressed = zip64[1] if compressed == 0xFFFFFFFF else compressed
        trailing = bool(flags & 0x8)
        if not trailing and size > max_member_bytes:
            raise InputTooLargeError.of(size, max_member_bytes, source=where)
        if method == 0:
            if trailing:
                raise ParseError("stored member with its size after the data", source=where)
            data = reader.exact(compressed, "a member's data", source)
        elif method == 8:
            data = _inflate(reader, None if trailing else compressed, max_member_bytes, max_ratio, where)
        else:
            raise ParseError(f"zip compression method {method} is not read (stored and deflate are)", source=where)
        if trailing:
            _skip_descriptor(reader, zip64 is not None, where)
        if not name.endswith("/"):
            yield name, data


def _zip64_sizes(extra: bytes) -> tuple[int, int] | None:
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        if kind == 0x0001 and length >= 16:
            return struct.unpack_from("<QQ", extra, at + 4)
        at += 4 + length
    return None


def _inflate(reader: _Reader, compressed: int | None, limit: int, ratio: int, where: str) -> bytes:
    inflater = zlib.decompressobj(-15)
    out: list[bytes] = []
    produced = consumed = 0
    remaining = compressed
    while not inflater.eof:
        want = _CHUNK if remaining is None else min(_CHUNK, remaining)
        chunk = reader.read(want) if want else b""
        if not chunk:
            raise ParseError("zip cut short inside a member", source=where)
        consumed += len(chunk)
        if remaining is not None:
            remaining -= len(chunk)
        try:
            piece = inflater.decompress(chunk, limit + 1 - produced)
        except zlib.error as exc:
            raise ParseError(f"damaged zip member: {exc}", source=where) from None
        produced += len(piece)
        out.append(piece)
        if produced > limit or inflater.unconsumed_tail:
            raise InputTooLargeError.of(None, limit, source=where)
        if produced > 1_000_000 and produced > ratio * consumed:
            raise InputTooLargeError(f"inflates more than {ratio}:1: refused as a zip bomb", source=where)
    if inflater.unused_data:
        reader.unread(inflater.unused_data)
        if remaining is not None:  # the header's size went past the deflate stream's end
            remaining += len(inflater.unused_data)
    if remaining:
        reader.exact(remaining, "a member's data", where)
    return b"".join(out)


def _skip_descriptor(reader: _Reader, zip64: bool, where: str) -> None:
    head = reader.exact(4, "a data descriptor", where)
    if head != _DESCRIPTOR:
        reader.unread(head)
    reader.exact(20 if zip64 else 12, "a data descriptor", where)


def load_into(resolver: Resolver, records: Iterable[CompanyRecord]) -> int:
    """Make the companies known to ``resolver`` under their current and former names; returns how many.

    Each record is adopted (:meth:`Resolver.adopt`): a company the resolver already knows (by CIK,
    or by a name or alias) keeps its id and its own name, and gains the record's names and tickers.
    """
    count = 0
    for record in records:
        resolver.add(resolver.adopt(record.entity()))
        count += 1
    return count


def records_batch(records: Iterable[CompanyRecord], *, name: str = "submissions.zip", content: bytes | None = None,
                  published: date | None = None) -> tuple[Source, list, list[Entity]]:
    """One ledger batch ``(source, facts, entities)`` that records the companies (and no facts).

    Appending it (``store.append(*batch)``) stores each company's entity with its former names as
    aliases, so later filings and articles naming a company by an old name resolve to it.
    """
    source = Source.new(SourceKind.DATA_FILE, content=content, url=name, title=f"EDGAR company records ({name})",
                        publisher="SEC EDGAR", published=published)
    return source, [], [r.entity() for r in records]
