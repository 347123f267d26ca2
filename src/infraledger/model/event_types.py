"""The event-type registry: what makes two facts one real-world event (data in ``event_types.toml``).

Every stage that asks whether two facts speak of one deal reads this one registry: the ledger's event
keys (:func:`infraledger.model.facts.event_key`), the reconciling of sources on append
(:mod:`infraledger.ledger.reconcile`), the tolerance within which sources' amounts agree (conflicts),
and the analyses, which count an event once whatever the number of its sources.
"""

from __future__ import annotations

import functools
import tomllib
from datetime import timedelta
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .events import FactType, Role

if TYPE_CHECKING:  # pragma: no cover
    from .facts import CandidateFact

#: Identity fields that read the fact itself rather than one of its attributes.
_BUILT_IN = frozenset({"people", "valid_date", "valid_label", "valid_year"})


class EventType(BaseModel):
    """How facts of one type are told apart and brought together."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: FactType
    subject_role: str
    key_roles: Literal["all"] | tuple[Role, ...] = ()
    identity: tuple[str, ...] = ()
    fallback: str | None = None
    reconcile: bool = False
    amount_tolerance: Decimal = Field(default=Decimal(0), ge=0, lt=1)
    date_window_days: int = Field(default=0, ge=0)
    date_tolerance_days: int = Field(default=0, ge=0)

    @field_validator("identity")
    @classmethod
    def _names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not name.isidentifier():
                raise ValueError(f"not an attribute name: {name!r}")
        return value

    @property
    def rounding(self) -> Decimal:
        """How far each of two reported amounts may be from the true one: half the tolerance between them."""
        return self.amount_tolerance / 2

    @property
    def date_window(self) -> timedelta:
        return timedelta(days=self.date_window_days)

    def is_key_party(self, role: Role) -> bool:
        """True when a party in ``role`` names the deal (two acquirers: two deals)."""
        if self.key_roles == "all":
            return role is not Role.UNDERWRITER
        return role in self.key_roles

    def field_value(self, c: "CandidateFact", name: str) -> Any:
        """The value of identity field ``name`` on ``c`` (None when the fact does not state it)."""
        if name == "people":
            return sorted(c.people) or None
        if name == "valid_date":
            return c.time.start.isoformat() if c.time else None
        if name == "valid_label":
            return c.time.label() if c.time else None
        if name == "valid_year":
            return c.time.start.year if c.time else None
        return c.attributes.get(name) or None

    def identity_values(self, c: "CandidateFact") -> list[Any]:
        """The identity part of ``c``'s event key."""
        if self.fallback:
            stated = (self.field_value(c, n) for n in self.identity)
            return [next((v for v in stated if v), None) or self.field_value(c, self.fallback)]
        out: list[Any] = []
        for name in self.identity:
            value = self.field_value(c, name)
            if name == "people":
                out += value or []
            else:
                out.append(value)
        return out


@functools.cache
def registry() -> dict[FactType, EventType]:
    """Every fact type's entry, read and validated once."""
    text = resources.files(__package__).joinpath("event_types.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    out = {FactType(name): EventType(type=name, **entry) for name, entry in data.items()}
    missing = set(FactType) - set(out)
    if missing:
        raise ValueError(f"event_types.toml has no entry for {', '.join(sorted(missing))}")
    for entry in out.values():
        if entry.fallback and entry.fallback not in _BUILT_IN:
            raise ValueError(f"{entry.type}: fallback must be one of {sorted(_BUILT_IN)}")
    return out


def event_type(type_: FactType | str) -> EventType:
    """The registry's entry for ``type_``."""
    return registry()[FactType(type_)]
