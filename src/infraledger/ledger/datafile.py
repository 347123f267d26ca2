"""Read and write ledger data files: sources, entities and facts in infraledger's own JSON format.

The format is meant to be written by hand or by scripts (the bundled sample is one)::

    {"format": "infraledger-data/1",
     "sources":  [{"key": "a", "kind": "article", "title": "...", "url": "...", "published": "2026-03-10",
                   "recorded_at": "2026-03-30T00:00:00", "content_hash": "..."}],
     "entities": [{"name": "CoreWeave", "tickers": ["CRWV"], "cik": 1769628, "layers": ["compute_cloud"]}],
     "facts":    [{"source": "a", "type": "ipo", "subject": "CoreWeave", "amount": "$1.5 billion",
                   "time": "2025-03", "status": "completed", "cited_source": "CoreWeave S-1",
                   "span": [120, 190], "attributes": {"ticker": "CRWV"}}]}

Amounts may be money phrases ("more than $600 billion") or money objects; times may be labels
("2025-Q1", "2025-04/2025-09") or phrases ("mid-2025", resolved against the source's date).
Files are validated completely before anything is written; a load is one transaction.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, InputTooLargeError, ParseError
from ..model import (
    CandidateFact,
    Entity,
    EntityKind,
    FactType,
    FuzzyTime,
    Layer,
    Money,
    Participant,
    Role,
    Source,
    Status,
    entity_id_for,
    parse_label,
    parse_time,
)
from ..model.money import find_money
from ..output import write_output
from .store import AppendResult, LedgerStore

FORMAT = "infraledger-data/1"
MAX_BYTES = 200_000_000


@dataclass
class DataFile:
    """A parsed, validated data file: sources with their facts, and entities."""

    batches: list[tuple[Source, list[CandidateFact], list[Entity]]]


#: Deepest nesting of arrays and objects accepted in a data file (the format itself needs 4).
MAX_DEPTH = 32
_NEGATIVE = re.compile(r"^\s*(?:[-−–]|\()")
_LABEL_LIKE = re.compile(r"[0-9QH/\s-]+")
_SPAN_LIMIT = 2**31 - 1


def _money(value: Any, field: str) -> Money | None:
    """A money field: a phrase ("more than $600 billion") or a money object; never negative."""
    if value is None:
        return None
    try:
        if isinstance(value, str):
            if _NEGATIVE.match(value):
                raise InputError(f"amounts cannot be negative, got {value!r}")
            found = find_money(value)
            if not found or (value[:found[0][0]] + value[found[0][1]:]).strip():
                raise InputError(f"not a money phrase such as 'more than $600 billion': {value[:60]!r}")
            return found[0][2]
        if isinstance(value, dict):
            return Money.from_json(value)
    except InputError as exc:
        raise InputError(f"{field}: {exc}") from None
    raise InputError(f"{field}: money must be a phrase or an object, got {value!r}")


def _time(value: Any, anchor: date | None) -> FuzzyTime | None:
    """A time field: a label ("2025-Q1", "2025-04-30", "2025-04/2025-09") or a phrase ("mid-2025")."""
    if value is None:
        return None
    try:
        if isinstance(value, dict):
            return FuzzyTime.from_json(value)
        text = str(value)
        if _LABEL_LIKE.fullmatch(text):
            return parse_label(text)  # "2025-02-30" is an error, not the year 2025
        return parse_time(text, anchor)
    except (InputError, ValueError) as exc:
        raise InputError(f"time: {exc}") from None


def _day(data: dict, field: str) -> date | None:
    if not data.get(field):
        return None
    try:
        return date.fromisoformat(str(data[field]))
    except ValueError:
        raise InputError(f"{field}: not a date YYYY-MM-DD: {data[field]!r}") from None


def _cik(data: dict, field: str) -> int | None:
    """An SEC CIK: a whole number of at most ten digits."""
    if not data.get(field):
        return None
    try:
        cik = int(data[field])
    except (TypeError, ValueError):
        raise InputError(f"{field}: not a CIK: {data[field]!r}") from None
    if not 0 < cik < 10**10:
        raise InputError(f"{field}: a CIK has at most ten digits, got {data[field]!r}")
    return cik


def _name(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{field}: must be a non-empty name, got {value!r}")
    return value


def _depth(value: Any) -> int:
    """How deeply arrays and objects nest in ``value`` (iteratively: no recursion limit to hit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _source(data: dict) -> Source:
    digest = data.get("content_hash", "")
    key = digest or None
    fields = {k: data[k] for k in ("publisher", "form_type", "accession") if data.get(k)}
    src = Source.new(data["kind"], url=data.get("url", ""), title=data.get("title", ""),
                     published=_day(data, "published"), retrieved=_day(data, "retrieved"),
                     filer_cik=_cik(data, "filer_cik"),
                     recorded_at=datetime.fromisoformat(data["recorded_at"]) if data.get("recorded_at") else None,
                     **fields)
    if key or data.get("id"):
        src = Source(**{**{f: getattr(src, f) for f in src.__dataclass_fields__},
                        "id": data.get("id") or f"src:{key[:16]}", "content_hash": key})
    return src


def _entity(data: dict, names_to_ids: dict[str, str]) -> Entity:
    cik = _cik(data, "cik")
    parent = data.get("parent")
    return Entity(
        id=data.get("id") or entity_id_for(data["name"], cik), name=_name(data["name"], "name"),
        kind=EntityKind(data.get("kind", "company")), aliases=tuple(data.get("aliases", ())),
        tickers=tuple(data.get("tickers", ())), cik=cik, country=data.get("country"),
        layers=tuple(Layer(x) for x in data.get("layers", ())),
        parent_id=names_to_ids.get(parent, entity_id_for(parent)) if parent else None,
    )


def _fact(data: dict, anchor: date | None) -> CandidateFact:
    span = data.get("span")
    if span is not None and (not isinstance(span, list) or len(span) != 2
                             or not all(isinstance(x, int) and 0 <= x <= _SPAN_LIMIT for x in span)
                             or span[0] > span[1]):
        raise InputError(f"span must be [start, end] with 0 <= start <= end < 2^31, got {span!r}")
    confidence = float(data.get("confidence", 1.0))
    if not 0.0 <= confidence <= 1.0:
        raise InputError(f"confidence must be between 0 and 1, got {data.get('confidence')!r}")
    return CandidateFact(
        type=FactType(data["type"]), subject=_name(data["subject"], "subject"), subject_id=data.get("subject_id"),
        counterparties=tuple(Participant(_name(p["name"], "counterparties.name"), Role(p["role"]), p.get("entity_id"))
                             for p in data.get("counterparties", ())),
        people=tuple(data.get("people", ())),
        amount=_money(data.get("amount"), "amount"), valuation=_money(data.get("valuation"), "valuation"),
        time=_time(data.get("time"), anchor),
        status=Status(data["status"]) if data.get("status") else None,
        cited_source=data.get("cited_source", ""), evidence=data.get("evidence", ""),
        span=tuple(span) if span else None, attributes=dict(data.get("attributes", {})),
        confidence=confidence,
    )


def parse_datafile(data: Any, origin: str = "<data>") -> DataFile:
    """Validate a data file's JSON value; raises ParseError naming the first bad entry."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ParseError(f"not an infraledger data file (expected \"format\": \"{FORMAT}\")", source=origin)
    if _depth(data) > MAX_DEPTH:
        raise ParseError(f"arrays and objects nested more than {MAX_DEPTH} deep", source=origin)
    where = "sources"
    try:
        sources: dict[str, Source] = {}
        for i, s in enumerate(data.get("sources", [])):
            where = f"sources[{i}]"
            sources[s.get("key") or s.get("id") or str(i)] = _source(s)
        names_to_ids: dict[str, str] = {}
        for i, e in enumerate(data.get("entities", [])):
            where = f"entities[{i}]"
            cik = _cik(e, "cik")
            names_to_ids[e["name"]] = e.get("id") or entity_id_for(e["name"], cik)
        entities = []
        for i, e in enumerate(data.get("entities", [])):
            where = f"entities[{i}]"
            entities.append(_entity(e, names_to_ids))
        facts: dict[str, list[CandidateFact]] = {key: [] for key in sources}
        for i, f in enumerate(data.get("facts", [])):
            where = f"facts[{i}]"
            key = f.get("source")
            if key not in sources:
                raise InputError(f"unknown source {key!r}")
            facts[key].append(_fact(f, sources[key].published))
    except InputError as exc:
        raise ParseError(f"{where}: {exc}", source=origin) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ParseError(f"{where}: {detail}", source=origin) from None
    batches = []
    for n, (key, src) in enumerate(sources.items()):
        batches.append((src, facts[key], entities if n == 0 else []))
    if not batches and entities:
        raise ParseError("entities given without any source", source=origin)
    return DataFile(batches=batches)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def read_datafile(path: str | Path, *, max_bytes: int = MAX_BYTES) -> DataFile:
    """Read and validate a data file from disk."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    if path.stat().st_size > max_bytes:
        raise InputTooLargeError.of(path.stat().st_size, max_bytes, source=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ParseError("not UTF-8 text", source=str(path)) from None
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON (line {exc.lineno}: {exc.msg})", source=str(path)) from None
    except RecursionError:
        raise ParseError(f"arrays and objects nested more than {MAX_DEPTH} deep", source=str(path)) from None
    except ValueError as exc:  # NaN or Infinity, which JSON does not have
        raise ParseError(f"not valid JSON ({exc})", source=str(path)) from None
    return parse_datafile(data, str(path))


def load_datafile(store: LedgerStore, path: str | Path, *, max_bytes: int = MAX_BYTES) -> list[AppendResult]:
    """Load a data file into ``store`` in one transaction; re-loading it adds nothing."""
    return store.append_many(read_datafile(path, max_bytes=max_bytes).batches)


def dump_datafile(store_snapshot, path: str | Path) -> None:
    """Write what a snapshot holds as a data file (round-trips through :func:`load_datafile`)."""
    sources = store_snapshot.sources()
    by_source: dict[str, list] = {s.id: [] for s in sources}
    for f in store_snapshot.facts():
        body = f.to_json()
        for k in ("id", "event_key", "recorded_at", "source_id"):
            body.pop(k, None)
        body["source"] = f.source_id
        by_source.setdefault(f.source_id, []).append(body)
    out = {
        "format": FORMAT,
        "sources": [{**s.to_json(), "key": s.id} for s in sources],
        "entities": [e.to_json() for e in store_snapshot.entities()],
        "facts": [f for s in sources for f in by_source.get(s.id, [])],
    }
    write_output(path, json.dumps(out, indent=1, ensure_ascii=False))
