"""Named watchlists, kept as append-only rows of the ``watchlists`` table.

A list is criteria of a few kinds; a fact matches a list when, for every kind the list has, it
matches one of that kind's values (kinds combine with AND, values of a kind with OR). Companies
are stored as entity ids, resolved from names, tickers or CIKs when added; a CIK the ledger does
not know yet is stored as ``cik:N`` (the id a filing of that company will carry).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..errors import InputError, NotFoundError
from ..ledger.arrow_schema import WATCHLIST_SCHEMA, rows_to_table
from ..ledger.service import UNIQUE, utcnow

#: The schema version that brought the watch tables.
WATCH_SCHEMA_VERSION = 4
#: Criterion kinds, and ``list`` (a removal of the whole list).
KINDS = ("company", "layer", "type", "form", "keyword", "min_amount")
_SCALE = {"k": 10**3, "m": 10**6, "mm": 10**6, "b": 10**9, "bn": 10**9, "t": 10**12}


def parse_amount(text: str) -> Decimal:
    """``"$10M"``, ``"10m"``, ``"2.5bn"``, ``"1,000,000"`` -> a Decimal. Raises InputError."""
    raw = str(text).strip().lower().replace(",", "").replace("$", "").replace("usd", "").strip()
    unit = raw.lstrip("0123456789.").strip()
    number = raw[: len(raw) - len(raw.lstrip("0123456789."))] if unit else raw
    try:
        value = Decimal(number)
    except InvalidOperation:
        raise InputError(f"cannot read amount {text!r} (write it like $10M, 2.5bn or 1000000)") from None
    if unit and unit not in _SCALE:
        raise InputError(f"cannot read amount {text!r}: unknown unit {unit!r}")
    return value * _SCALE.get(unit, 1)


@dataclass
class Watchlist:
    name: str
    criteria: dict[str, set[str]] = field(default_factory=dict)

    def values(self, kind: str) -> set[str]:
        return self.criteria.get(kind, set())

    def matches(self, fact, source=None, entity=None) -> bool:
        checks = {k: v for k, v in self.criteria.items() if v}
        if not checks:
            return False
        for kind, values in checks.items():
            if not _match(kind, values, fact, source, entity):
                return False
        return True


def _match(kind: str, values: set[str], fact, source, entity) -> bool:
    if kind == "company":
        ids = {fact.subject_id, *(p.entity_id for p in fact.counterparties)}
        return bool(ids & values)
    if kind == "layer":
        return bool({str(getattr(x, "value", x)).lower() for x in (getattr(entity, "layers", ()) or ())} & values)
    if kind == "type":
        return str(getattr(fact.type, "value", fact.type)).lower() in values
    if kind == "form":
        form = (getattr(source, "form_type", None) or "").upper()
        return any(form == v or form.startswith(v + "/") for v in values)
    if kind == "keyword":
        text = " ".join(x for x in (fact.subject, fact.evidence, getattr(source, "title", None)) if x).lower()
        return any(v in text for v in values)
    if kind == "min_amount":
        amount = getattr(fact.amount, "amount", fact.amount)
        return amount is not None and Decimal(str(amount)) >= min(Decimal(v) for v in values)
    return False


def matches(fact, source, entity, lists: Iterable[Watchlist]) -> list[str]:
    """Names of the lists of ``lists`` that ``fact`` (from ``source``, about ``entity``) matches, sorted."""
    return sorted(w.name for w in lists if w.matches(fact, source, entity))


def resolve_company(snapshot, ref: str) -> str:
    """The entity id of a company name, ticker, entity id or CIK. Raises NotFoundError."""
    ref = ref.strip()
    try:
        return snapshot.entity(ref).id
    except NotFoundError:
        digits = ref.lower().removeprefix("cik:").lstrip("0")
        if digits.isdigit():
            return f"cik:{int(digits)}"
        raise


def load(ledger) -> dict[str, Watchlist]:
    """Every list as its rows leave it (in record order: an add after a remove adds again)."""
    lists: dict[str, Watchlist] = {}
    if ledger.schema_version < WATCH_SCHEMA_VERSION:  # an older ledger opened read-only has no lists
        return lists
    for name, kind, value, action in ledger.backend.query(
            "SELECT name, kind, value, action FROM watchlists ORDER BY recorded_at, action"):
        if kind == "list":
            if action == "remove":
                lists.pop(name, None)
            else:
                lists.setdefault(name, Watchlist(name))
            continue
        w = lists.setdefault(name, Watchlist(name))
        values = w.criteria.setdefault(kind, set())
        (values.add if action == "add" else values.discard)(value)
    return lists


def _write(ledger, rows: list[tuple]) -> None:
    with ledger.backend.transaction():
        ledger.backend.insert("watchlists", rows_to_table(rows, WATCHLIST_SCHEMA), UNIQUE["watchlists"])


def add(ledger, name: str, *, companies=(), layers=(), types=(), forms=(), keywords=(),
        min_amount: str | None = None) -> Watchlist:
    """Add criteria to list ``name`` (made if new); companies are resolved first. Returns the list."""
    name = name.strip()
    if not name:
        raise InputError("a watchlist needs a name")
    snap = ledger.snapshot()
    now = utcnow()
    values = [("company", resolve_company(snap, c)) for c in companies]
    values += [("layer", x.strip().lower()) for x in layers] + [("type", x.strip().lower()) for x in types]
    values += [("form", x.strip().upper()) for x in forms] + [("keyword", x.strip().lower()) for x in keywords]
    if min_amount:
        values.append(("min_amount", str(parse_amount(min_amount))))
    rows = [(name, "list", "*", "add", now)] + [(name, k, v, "add", now) for k, v in values if v]
    _write(ledger, rows)
    return load(ledger)[name]


def remove(ledger, name: str, *, companies=(), layers=(), types=(), forms=(), keywords=(),
           min_amount: str | None = None) -> Watchlist | None:
    """Remove criteria from list ``name``, or the whole list when none are given."""
    lists = load(ledger)
    if name not in lists:
        raise NotFoundError(f"no watchlist named {name!r}")
    snap = ledger.snapshot()
    values = [("company", resolve_company(snap, c)) for c in companies]
    values += [("layer", x.lower()) for x in layers] + [("type", x.lower()) for x in types]
    values += [("form", x.upper()) for x in forms] + [("keyword", x.lower()) for x in keywords]
    if min_amount:
        values.append(("min_amount", str(parse_amount(min_amount))))
    now = utcnow()
    _write(ledger, [(name, k, v, "remove", now) for k, v in values] if values else [(name, "list", "*", "remove", now)])
    return load(ledger).get(name)
