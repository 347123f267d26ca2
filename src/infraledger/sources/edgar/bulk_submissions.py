"""Read EDGAR's nightly ``submissions.zip`` into company records the resolver can use.

The SEC publishes every company's submissions JSON (``data.sec.gov/submissions/CIK##########.json``)
each night as one zip (``/Archives/edgar/daily-index/bulkdata/submissions.zip``, several GB
inflated, about a million members). Only the identity of each company is read here: CIK, name,
tickers, exchanges and former names with the dates each was in use; the filing columns are left
to :mod:`.submissions`. The older pages of a company's filings (``CIK##########-submissions-001.json``)
hold no identity and are skipped.

The zip is read one member at a time, so memory holds one company's JSON, never the archive:
each member's size is checked in the central directory before it is inflated (at most
``max_member_bytes``, compressed no more than :data:`MAX_RATIO` to one) and read with a bound,
so a member whose header lies is refused too.

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
import zipfile
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
    members should not stop at one bad one). Sizes past the bounds always raise InputTooLargeError.
    """
    name = str(archive) if isinstance(archive, (str, Path)) else getattr(archive, "name", "submissions.zip")
    try:
        opened = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ParseError(f"not a readable zip: {exc}", source=str(name)) from None
    with opened:
        for info in opened.infolist():
            member = info.filename
            if info.is_dir() or not member.endswith(".json") or "-submissions-" in member:
                continue
            where = f"{name}: {member}"
            if info.file_size > max_member_bytes:
                raise InputTooLargeError.of(info.file_size, max_member_bytes, source=where)
            if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise InputTooLargeError(f"inflates {info.file_size:,} bytes from {info.compress_size:,} (more than "
                                         f"{MAX_RATIO}:1): refused as a zip bomb", source=where)
            with opened.open(info) as handle:
                raw = handle.read(max_member_bytes + 1)
            if len(raw) > max_member_bytes:
                raise InputTooLargeError.of(None, max_member_bytes, source=where)
            try:
                doc = json.loads(raw)
                if not isinstance(doc, dict):
                    raise ParseError(f"expected a JSON object, got {type(doc).__name__}", source=where)
                yield parse_company(doc, source=where)
            except (ValueError, UnicodeDecodeError) as exc:
                message = exc if isinstance(exc, ParseError) else ParseError(
                    f"not valid JSON: {str(exc).splitlines()[0]}", source=where)
                if errors is None:
                    raise message from None
                errors.append(str(message))


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
