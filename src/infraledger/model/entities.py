"""Entities: the companies, investors, people, exchanges and public bodies facts are about.

Entity ids are stable across runs: derived from the SEC CIK where known, else from the
normalised canonical name, so exports and links survive a rebuild of the ledger.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class EntityKind(StrEnum):
    COMPANY = "company"
    INVESTOR = "investor"
    PERSON = "person"
    EXCHANGE = "exchange"
    GOVERNMENT = "government"
    LIST = "list"    # an industry list or ranking, e.g. a "top 50 private firms" report
    GROUP = "group"  # a named set of entities an aggregate figure is about


class Layer(StrEnum):
    """Where in the AI-infrastructure stack an entity works."""

    HYPERSCALER = "hyperscaler"
    AI_LAB = "ai_lab"
    COMPUTE_CLOUD = "compute_cloud"
    COMPUTE_ORCHESTRATION = "compute_orchestration"
    NETWORKING = "networking"
    SECURITY = "security"
    OBSERVABILITY = "observability"
    COST_OPTIMISATION = "cost_optimisation"
    SILICON = "silicon"
    DATA_CENTER = "data_center"
    POWER = "power"
    CARRIER = "carrier"
    TELECOM_EQUIPMENT = "telecom_equipment"
    IT_ASSET_MANAGEMENT = "it_asset_management"
    SOFTWARE = "software"
    VENTURE = "venture"
    EXCHANGE = "exchange"


_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(inc|incorporated|corp|corporation|co|company|llc|l\.l\.c|ltd|limited|plc|ag|sa|s\.a|nv|n\.v|bv|gmbh|"
    r"holdings?|group|lp|l\.p|se|oyj|ab|asa|kk)\.?$",
    re.IGNORECASE,
)


def normalise_name(name: str) -> str:
    """Lower-case ASCII name without punctuation or legal suffixes: 'Meta Platforms, Inc.' -> 'meta platforms'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\s+&\s+", " and ", text).replace("&", "").replace("'s ", " ")
    text = re.sub(r"\s*/[a-z]{2,3}/?$", "", text)  # EDGAR state suffixes such as "/DE/"
    prev = None
    while prev != text:
        prev = text
        text = _LEGAL_SUFFIX.sub("", text.strip())
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def entity_id_for(name: str, cik: int | None = None) -> str:
    """Stable id: ``cik:<number>`` when the SEC CIK is known, else ``n:<normalised-name>``."""
    if cik:
        return f"cik:{int(cik)}"
    slug = normalise_name(name).replace(" ", "-")
    return f"n:{slug or 'unnamed'}"


@dataclass(frozen=True, slots=True)
class Entity:
    """A participant in the capital cycle."""

    id: str
    name: str
    kind: EntityKind = EntityKind.COMPANY
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    cik: int | None = None
    country: str | None = None
    layers: tuple[Layer, ...] = ()
    parent_id: str | None = None

    @classmethod
    def new(cls, name: str, *, kind: EntityKind | str = EntityKind.COMPANY, cik: int | None = None,
            **rest) -> "Entity":
        return cls(id=entity_id_for(name, cik), name=name, kind=EntityKind(kind), cik=cik, **rest)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_json(self) -> dict:
        out: dict = {"id": self.id, "name": self.name, "kind": self.kind.value}
        for key in ("aliases", "tickers"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if self.layers:
            out["layers"] = [layer.value for layer in self.layers]
        for key in ("cik", "country", "parent_id"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Entity":
        cik = int(data["cik"]) if data.get("cik") else None
        return cls(
            id=data.get("id") or entity_id_for(data["name"], cik),
            name=data["name"],
            kind=EntityKind(data.get("kind", "company")),
            aliases=tuple(data.get("aliases", ())),
            tickers=tuple(data.get("tickers", ())),
            cik=cik,
            country=data.get("country"),
            layers=tuple(Layer(x) for x in data.get("layers", ())),
            parent_id=data.get("parent_id"),
        )
