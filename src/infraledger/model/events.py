"""What facts are about: event and measure types, participant roles, deal status."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FactType(StrEnum):
    # deal events (the shape of the evaluation files)
    FUNDING_ROUND = "funding_round"
    STRATEGIC_INVESTMENT = "strategic_investment"
    IPO = "ipo"
    ACQUISITION = "acquisition"
    COMMERCIAL_CONTRACT = "commercial_contract"
    TALENT_MOVE = "talent_move"
    # measures
    CAPEX_BUDGET = "capex_budget"
    PRICE_OBSERVATION = "price_observation"
    PRICE_CHANGE = "price_change"
    LIST_METRIC = "list_metric"
    LIST_MEMBERSHIP = "list_membership"
    # relations between entities
    BACKED_BY = "backed_by"
    SUBSIDIARY_OF = "subsidiary_of"
    COMPETES_WITH = "competes_with"
    CUSTOMER_OF = "customer_of"


DEAL_TYPES = frozenset({FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO,
                        FactType.ACQUISITION, FactType.COMMERCIAL_CONTRACT, FactType.TALENT_MOVE})
RELATION_TYPES = frozenset({FactType.BACKED_BY, FactType.SUBSIDIARY_OF, FactType.COMPETES_WITH, FactType.CUSTOMER_OF})


class Status(StrEnum):
    ANNOUNCED = "announced"
    PENDING = "pending"
    COMPLETED = "completed"
    TERMINATED = "terminated"


#: Later states win over earlier ones when a deal's state is read as of a date.
STATUS_ORDER = {Status.ANNOUNCED: 0, Status.PENDING: 1, Status.COMPLETED: 2, Status.TERMINATED: 2}


class Role(StrEnum):
    LEAD_INVESTOR = "lead_investor"
    INVESTOR = "investor"
    ACQUIRER = "acquirer"
    CUSTOMER = "customer"
    PARTNER = "partner"
    HIRER = "hirer"
    EXCHANGE = "exchange"
    UNDERWRITER = "underwriter"
    RELATED = "related"  # the other end of a relation fact


@dataclass(frozen=True, slots=True)
class Participant:
    """A named party to a fact in a role; ``entity_id`` is set once the name is resolved."""

    name: str
    role: Role
    entity_id: str | None = None

    def to_json(self) -> dict:
        out = {"name": self.name, "role": self.role.value}
        if self.entity_id:
            out["entity_id"] = self.entity_id
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Participant":
        return cls(name=data["name"], role=Role(data["role"]), entity_id=data.get("entity_id"))
