"""Ingestion: text documents in, sourced deal facts in the ledger.

The glue of the stages: a file is read (:mod:`infraledger.sources.document`), its deal events
extracted (:mod:`infraledger.extract`) and appended to the ledger with the document as their source,
each fact keeping its evidence quote and span, and the document's text stored beside them (the text
the spans index into, so a reviewer can read each fact in its place). Names are resolved to entities by the ledger's
resolver as the facts are appended.

Every file is read and extracted before anything is written; the files read are then appended
in one transaction. :func:`ingest_files` is all-or-nothing: a file that cannot be read stops the
batch with nothing in the ledger. :func:`ingest_batch` reports each bad file and goes on (or, with
``strict``, writes nothing when any file is bad).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .errors import InputError, LedgerError, LedgerLockedError
from .model.sources import Source, SourceKind
from .sources.limits import DEFAULT_MAX_BYTES

# The ledger, the document reader and the resolver are imported where they are used, so that
# importing this module (as the ``ingest`` command does for its --help) stays light.
if TYPE_CHECKING:  # pragma: no cover
    from .ledger import LedgerStore
    from .model.facts import CandidateFact
    from .resolve import Resolver
    from .sources.document import Document


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document read and extracted, not yet in the ledger; ``text`` is the text its candidates' spans index."""

    path: Path
    source: Source
    candidates: tuple[CandidateFact, ...]
    text: str | None = None


@dataclass(frozen=True, slots=True)
class IngestedDocument:
    """What one document added to the ledger."""

    path: Path
    source_id: str
    extracted: int
    added: int


@dataclass(frozen=True, slots=True)
class Failure:
    """A file of a batch that was not ingested, and the one-line reason (naming the file)."""

    path: str
    message: str


@dataclass
class BatchResult:
    """What a batch did: the documents ingested, the files skipped (unreadable) and failed (refused on writing)."""

    read: int = 0
    ingested: list[IngestedDocument] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed

    def summary(self) -> str:
        return f"{self.read} read, {len(self.skipped)} skipped, {len(self.failed)} failed"


def document_source(document: Document) -> Source:
    """The ledger source for ``document``: identified by its content hash, dated by its own date."""
    to_source = getattr(document, "to_source", None)
    if callable(to_source):
        return to_source()
    published = document.published.start if document.published else None
    return Source.new(SourceKind.ARTICLE, content=document.raw or document.text, url=document.url,
                      title=document.title or document.name, published=published)


def prepare(path: str | Path, *, backend: str = "rules", max_bytes: int = DEFAULT_MAX_BYTES) -> PreparedDocument:
    """Read ``path`` and extract its deal events. Raises :class:`InputError` naming the file."""
    from .sources.document import read_document

    path = Path(path)
    if path.is_dir():
        raise InputError("is a directory, not a document", source=str(path))
    return _extracted(read_document(path, max_bytes=max_bytes), path, backend)


def prepare_bytes(data: bytes, name: str, *, backend: str = "rules") -> PreparedDocument:
    """Read the document ``data`` (a file's or an archive member's bytes) and extract its deal events."""
    from .sources.document import read_bytes

    return _extracted(read_bytes(data, name=Path(name.rsplit("!", 1)[-1]).name, source=name), Path(name), backend)


def prepare_bytes_many(items: Sequence[tuple[bytes, str]], *, backend: str = "rules") -> list[PreparedDocument]:
    """What :func:`prepare_bytes` gives for each ``(data, name)`` of ``items``, their deal events
    extracted together (faster, see :func:`infraledger.extract.extract_many`). Raises
    :class:`InputError` naming the first document that cannot be read."""
    from .extract import extract_many
    from .sources.document import read_bytes

    documents = [read_bytes(data, name=Path(name.rsplit("!", 1)[-1]).name, source=name) for data, name in items]
    try:
        found = extract_many(documents, backend=backend)
    except InputError as exc:  # which document's figure it was is not known here: read them one by one
        if exc.source is not None:
            raise
        return [_extracted(document, Path(name), backend) for document, (_, name) in zip(documents, items)]
    return [PreparedDocument(path=Path(name), source=document_source(document), candidates=tuple(candidates),
                             text=document.text)
            for document, (_, name), candidates in zip(documents, items, found)]


def _extracted(document: "Document", path: Path, backend: str) -> PreparedDocument:
    # Imported here so that the ledger commands work without loading the extraction grammar.
    from .extract import extract_events

    try:
        candidates = tuple(extract_events(document, backend=backend))
    except InputError as exc:  # a value the ledger cannot hold (a figure over 10^18): say which file
        if exc.source is not None:
            raise
        raise InputError(str(exc), source=str(path)) from None
    return PreparedDocument(path=path, source=document_source(document), candidates=candidates, text=document.text)


def ingest_files(store: LedgerStore, paths: Sequence[str | Path], *, backend: str = "rules",
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 recorded_at: date | datetime | str | None = None,
                 resolver: Resolver | None = None) -> list[IngestedDocument]:
    """Read, extract and append every file of ``paths`` in one transaction.

    ``resolver`` maps names to entities (default: the ledger's own entities and recorded decisions).

    Returns what each file added (a file loaded before adds nothing: the ledger is idempotent).
    Raises :class:`InputError` (or a subclass) for the first file that cannot be read; the ledger
    is then unchanged.
    """
    prepared = [prepare(path, backend=backend, max_bytes=max_bytes) for path in paths]
    return ingest_prepared(store, prepared, recorded_at=recorded_at, resolver=resolver)


def ingest_prepared(store: LedgerStore, prepared: Iterable[PreparedDocument], *,
                    recorded_at: date | datetime | str | None = None,
                    resolver: Resolver | None = None) -> list[IngestedDocument]:
    """Append already prepared documents in one transaction."""
    from .ledger.store import as_record_time

    prepared = list(prepared)
    results = store.append_many(((item.source, item.candidates, (), item.text) for item in prepared),
                                recorded_at=as_record_time(recorded_at), resolver=resolver)
    return [IngestedDocument(path=item.path, source_id=item.source.id, extracted=len(item.candidates),
                             added=result.facts_added)
            for item, result in zip(prepared, results)]


def read_batch(paths: Sequence[str | Path], *, backend: str = "rules", max_bytes: int = DEFAULT_MAX_BYTES,
               on_file: Callable[[], None] | None = None) -> tuple[list[PreparedDocument], BatchResult]:
    """Read and extract every file of ``paths``, without the ledger; a file that cannot be read is
    *skipped* in the result (its error kept, the batch goes on). ``on_file`` is called after each file."""
    result = BatchResult()
    prepared: list[PreparedDocument] = []
    for path in paths:
        try:
            prepared.append(prepare(path, backend=backend, max_bytes=max_bytes))
        except InputError as exc:
            result.skipped.append(Failure(str(path), str(exc)))
        except OSError as exc:
            result.skipped.append(Failure(str(path), f"{path}: {exc.strerror or exc}"))
        if on_file is not None:
            on_file()
    result.read = len(prepared)
    return prepared, result


def write_batch(store: LedgerStore, prepared: list[PreparedDocument], result: BatchResult, *,
                recorded_at: date | datetime | str | None = None, directory=None, strict: bool = False) -> BatchResult:
    """Append documents read by :func:`read_batch` in one transaction.

    With ``strict`` nothing is written when any file was skipped. If the ledger refuses the batch,
    each document is appended on its own so that only the ones it refuses are *failed*. A locked
    ledger is never a per-file failure: :class:`LedgerLockedError` propagates.
    """
    from .ledger.decisions import resolver_for

    if strict and result.skipped:
        return result
    try:
        result.ingested = ingest_prepared(store, prepared, recorded_at=recorded_at,
                                          resolver=resolver_for(store, directory))
        return result
    except LedgerLockedError:
        raise
    except (InputError, LedgerError) as exc:
        if strict:
            result.failed.append(Failure("", str(exc)))
            return result
    for item in prepared:  # the batch was refused as a whole: find the documents the ledger refuses
        try:
            result.ingested += ingest_prepared(store, [item], recorded_at=recorded_at,
                                               resolver=resolver_for(store, directory))
        except LedgerLockedError:
            raise
        except (InputError, LedgerError) as exc:
            result.failed.append(Failure(str(item.path), f"{item.path}: {exc}"))
    return result


def ingest_batch(store: LedgerStore, paths: Sequence[str | Path], *, backend: str = "rules",
                 max_bytes: int = DEFAULT_MAX_BYTES, recorded_at: date | datetime | str | None = None,
                 directory=None, strict: bool = False,
                 on_file: Callable[[], None] | None = None) -> BatchResult:
    """:func:`read_batch` then :func:`write_batch` into an open ``store`` (the CLI reads before it
    opens the ledger, so the write lock is held only while writing)."""
    prepared, result = read_batch(paths, backend=backend, max_bytes=max_bytes, on_file=on_file)
    return write_batch(store, prepared, result, recorded_at=recorded_at, directory=directory, strict=strict)
