"""Human review of machine-read facts: accept, correct or reject a fact, or add one the machine missed.

A review never changes what the machine read: it adds rows. A correction is a new fact from the same
source that ``supersedes`` the reviewed one (confidence 1, a person read it), a rejection a ``reviews``
row that hides the fact from its record time on, an acceptance a row that only says so. Read as of a
time before a review, the ledger reads exactly as before it; read with ``include_superseded``, both
the machine's version and the person's are there. Every review names its reviewer, so exports can say
who checked a fact and :mod:`.agreement` can measure how often two reviewers agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..errors import InputError, LedgerError
from ..model import CandidateFact, Fact, Participant
from .arrow_schema import REVIEW_SCHEMA, rows_to_table

if TYPE_CHECKING:  # pragma: no cover
    from .service import Ledger

#: The schema version that added the ``documents``, ``reviews`` and ``tokens`` tables.
REVIEW_SCHEMA_VERSION = 2


class ReviewAction(StrEnum):
    ACCEPT = "accept"
    CORRECT = "correct"
    REJECT = "reject"
    ADD = "add"


@dataclass(frozen=True)
class Review:
    """One reviewer's judgement of one fact.

    ``new_fact_id`` is the fact a correction or an addition made (for an addition also ``fact_id``);
    ``fields`` the fact as the reviewer left it (:meth:`CandidateFact.to_json`), for those two only.
    """

    fact_id: str
    action: ReviewAction
    reviewer: str
    recorded_at: datetime
    new_fact_id: str | None = None
    fields: dict = field(default_factory=dict)
    note: str = ""

    def candidate(self) -> CandidateFact | None:
        """The fact as the reviewer left it, for a correction or an addition; else None."""
        return CandidateFact.from_json(self.fields) if self.fields else None


def review_row(r: Review) -> tuple:
    return (r.fact_id, r.action.value, r.reviewer, r.new_fact_id,
            json.dumps(r.fields, sort_keys=True, default=str) if r.fields else None, r.note or None, r.recorded_at)


def review_from_row(row: tuple | list) -> Review:
    fact_id, action, reviewer, new_fact_id, fields_text, note, recorded_at = row
    return Review(fact_id=fact_id, action=ReviewAction(action), reviewer=reviewer, recorded_at=recorded_at,
                  new_fact_id=new_fact_id, fields=json.loads(fields_text) if fields_text else {}, note=note or "")


def review(ledger: "Ledger", fact_id: str, action: ReviewAction | str, reviewer: str, *,
           correction: CandidateFact | None = None, note: str = "", recorded_at: datetime | None = None) -> Review:
    """Record ``reviewer``'s judgement of fact ``fact_id``; see :meth:`Ledger.review`.

    A correction keeps the original's evidence and span unless it gives its own, and its names are
    resolved as on append (a name the reviewer changed is resolved anew, not kept under the old
    entity's id). A correction that gives the original fact again (same identity) is recorded as an
    acceptance. Raises NotFoundError for an unknown fact, LedgerError for a fact already superseded or
    rejected (review the fact that replaced it) or a read-only ledger, InputError for a bad argument.
    """
    from .service import utcnow

    action = _action(action)
    reviewer = _reviewer(reviewer)
    if action is ReviewAction.ADD:
        raise InputError("a fact the machine missed is added with add_fact(source_id, candidate, reviewer)")
    if action is ReviewAction.CORRECT and correction is None:
        raise InputError("a correction needs the corrected fact (correction=...)")
    if action is not ReviewAction.CORRECT and correction is not None:
        raise InputError(f"only a correction takes a corrected fact, not '{action}'")
    ledger._writable()
    rec = recorded_at or utcnow()
    backend = ledger.backend
    with backend.transaction():
        _lock(ledger, f"fact:{fact_id}")
        snapshot = ledger.snapshot()
        original = snapshot.fact(fact_id)
        _still_open(ledger, original)
        if rec < original.recorded_at:
            raise InputError(f"a review cannot be recorded ({rec}) before the fact it reviews ({original.recorded_at})")
        new_fact_id, left = None, {}
        if action is ReviewAction.CORRECT:
            candidate = _corrected(ledger, original, correction)
            new = _append_one(ledger, snapshot.source(original.source_id), candidate, rec, supersedes=original.id)
            if new is None:
                action = ReviewAction.ACCEPT
            else:
                new_fact_id, left = new.id, candidate.to_json()
        done = Review(fact_id=original.id, action=action, reviewer=reviewer, recorded_at=rec, new_fact_id=new_fact_id,
                      fields=_stored(left), note=note)
        _insert(ledger, done)
    return done


def add_fact(ledger: "Ledger", source_id: str, candidate: CandidateFact, reviewer: str, *, note: str = "",
             recorded_at: datetime | None = None) -> Review:
    """Record a fact of ``source_id`` the machine missed, as ``reviewer`` read it; see :meth:`Ledger.add_fact`.

    The fact gets confidence 1; its span and evidence are the reviewer's selection (the evidence is
    taken from the document's text when only the span is given). Raises NotFoundError for an unknown
    source, LedgerError when the source already holds this very fact (review that one instead).
    """
    from .service import utcnow

    reviewer = _reviewer(reviewer)
    ledger._writable()
    rec = recorded_at or utcnow()
    with ledger.backend.transaction():
        _lock(ledger, f"source:{source_id}")
        snapshot = ledger.snapshot()
        source = snapshot.source(source_id)
        if source.recorded_at and rec < source.recorded_at:
            raise InputError(f"a fact cannot be added ({rec}) before its source was recorded ({source.recorded_at})")
        plain = _plain(candidate)
        evidence, span = _selection(snapshot.document_text(source_id), plain.span, plain.evidence)
        plain = replace(plain, evidence=evidence, span=span, confidence=1.0)
        new = _append_one(ledger, source, plain, rec)
        if new is None:
            raise LedgerError("the source already holds this fact; review it instead of adding it")
        done = Review(fact_id=new.id, action=ReviewAction.ADD, reviewer=reviewer, recorded_at=rec, new_fact_id=new.id,
                      fields=_stored(plain.to_json()), note=note)
        _insert(ledger, done)
    return done


# -- internals ------------------------------------------------------------------------------
def _action(action: ReviewAction | str) -> ReviewAction:
    try:
        return ReviewAction(action)
    except ValueError:
        raise InputError(f"unknown review action {action!r} (choose from "
                         f"{', '.join(a.value for a in ReviewAction)})") from None


def _reviewer(reviewer: str) -> str:
    """The reviewer's name, trimmed: not empty, and without commas (exports list reviewers comma-joined)."""
    name = (reviewer or "").strip() if isinstance(reviewer, str) else ""
    if not name:
        raise InputError("a review needs the reviewer's name")
    if "," in name or not name.isprintable():
        raise InputError(f"a reviewer's name cannot hold commas or control characters: {name!r}")
    return name


def _lock(ledger: "Ledger", key: str) -> None:
    """Take turns with another writer reviewing the same fact (PostgreSQL; DuckDB has one writer)."""
    if ledger.backend.dialect.lock:
        ledger.backend.query(ledger.backend.dialect.lock, [key])


def _still_open(ledger: "Ledger", fact: Fact) -> None:
    """Raise LedgerError when ``fact`` was superseded or rejected: its review is over."""
    later = ledger.backend.query("SELECT id FROM facts WHERE supersedes = ? ORDER BY recorded_at, id LIMIT 1", [fact.id])
    if later:
        raise LedgerError(f"fact '{fact.id}' is already superseded by '{later[0][0]}'; review that fact instead")
    rejected = ledger.backend.query("SELECT reviewer, recorded_at FROM reviews WHERE fact_id = ? AND action = 'reject' "
                                    "ORDER BY recorded_at LIMIT 1", [fact.id])
    if rejected:
        who, when = rejected[0]
        raise LedgerError(f"fact '{fact.id}' was rejected by {who} at {when:%Y-%m-%d %H:%M:%S}; it is no longer reviewed")


def _plain(candidate: CandidateFact) -> CandidateFact:
    """``candidate`` as a plain CandidateFact (a Fact passed in would carry its id into the new identity)."""
    if not isinstance(candidate, CandidateFact):
        raise InputError(f"a fact to record must be a CandidateFact, got {type(candidate).__name__}")
    return CandidateFact(**{f.name: getattr(candidate, f.name) for f in fields(CandidateFact)})


def _corrected(ledger: "Ledger", original: Fact, correction: CandidateFact) -> CandidateFact:
    """The correction as it is appended: names the reviewer changed unresolved, evidence kept, confidence 1."""
    c = _plain(correction)
    subject_id = None if c.subject_id == original.subject_id and c.subject != original.subject else c.subject_id
    names = {p.entity_id: p.name for p in original.counterparties if p.entity_id}
    parties = tuple(Participant(p.name, p.role, None) if p.entity_id in names and names[p.entity_id] != p.name else p
                    for p in c.counterparties)
    if c.span is None and not c.evidence:
        evidence, span = original.evidence, original.span
    else:
        evidence, span = _selection(ledger.snapshot().document_text(original.source_id), c.span, c.evidence)
        evidence = evidence or original.evidence
    return replace(c, subject_id=subject_id, counterparties=parties, evidence=evidence, span=span, confidence=1.0)


def _selection(text: str | None, span: tuple[int, int] | None, evidence: str) -> tuple[str, tuple[int, int] | None]:
    """Evidence and span of a reviewer's selection, checked against the document's text when it is stored."""
    if span is None or text is None:
        return evidence, span
    start, end = span
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InputError(f"span {span!r} is not a selection of the document's text ({len(text)} characters)")
    return evidence or text[start:end], (start, end)


def _append_one(ledger: "Ledger", source, candidate: CandidateFact, rec: datetime,
                supersedes: str | None = None) -> Fact | None:
    """Append one fact of a known source (names resolved, event linked, as on append); None when the
    original itself is given again. LedgerError when another fact of the ledger has its identity."""
    [resolved] = ledger._prepare([(source, [candidate], ())], None, rec, [{0: supersedes} if supersedes else None])
    new = resolved.facts[0]
    if new.id == supersedes:
        return None
    if ledger.backend.query("SELECT 1 FROM facts WHERE id = ?", [new.id]):
        if supersedes is None:
            return None
        raise LedgerError(f"the corrected fact is fact '{new.id}', already in the ledger; "
                          f"reject '{supersedes}' as its duplicate instead")
    ledger._write([resolved])
    return new


def _insert(ledger: "Ledger", done: Review) -> None:
    from .service import UNIQUE

    ledger.backend.insert("reviews", rows_to_table([review_row(done)], REVIEW_SCHEMA), UNIQUE["reviews"])


def _stored(left: dict[str, Any]) -> dict[str, Any]:
    """``left`` as stored (a JSON round trip): what :attr:`Review.fields` reads back from the ledger."""
    return json.loads(json.dumps(left, sort_keys=True, default=str)) if left else {}


__all__ = ["REVIEW_SCHEMA_VERSION", "Review", "ReviewAction", "add_fact", "review"]
