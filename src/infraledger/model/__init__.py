"""Values every stage shares: money, quantities with qualifiers, fuzzy time, entities, sources, facts.

The names below are read from their submodules when first used, so that a light one (entities,
events) can be imported without the heavy ones (facts and their event-type schema).
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from .entities import Entity, EntityKind, Layer, entity_id_for, normalise_name
    from .events import DEAL_TYPES, RELATION_TYPES, STATUS_ORDER, FactType, Participant, Role, Status
    from .facts import CandidateFact, Fact, event_key
    from .fuzzytime import FuzzyTime, Precision, find_times, parse_label, parse_time
    from .money import Money, Qualifier, find_money, format_money, parse_money
    from .quantity import Range
    from .sources import Source, SourceKind, content_hash

_EXPORTS = {
    **dict.fromkeys(["Entity", "EntityKind", "Layer", "entity_id_for", "normalise_name"], ".entities"),
    **dict.fromkeys(["DEAL_TYPES", "RELATION_TYPES", "STATUS_ORDER", "FactType", "Participant", "Role", "Status"],
                    ".events"),
    **dict.fromkeys(["CandidateFact", "Fact", "event_key"], ".facts"),
    **dict.fromkeys(["FuzzyTime", "Precision", "find_times", "parse_label", "parse_time"], ".fuzzytime"),
    **dict.fromkeys(["Money", "Qualifier", "find_money", "format_money", "parse_money"], ".money"),
    "Range": ".quantity",
    **dict.fromkeys(["Source", "SourceKind", "content_hash"], ".sources"),
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [
    "CandidateFact", "DEAL_TYPES", "Entity", "EntityKind", "Fact", "FactType", "FuzzyTime", "Layer", "Money",
    "Participant", "Precision", "Qualifier", "RELATION_TYPES", "Range", "Role", "STATUS_ORDER", "Source",
    "SourceKind", "Status", "content_hash", "entity_id_for", "event_key", "find_money", "find_times",
    "format_money", "normalise_name", "parse_label", "parse_money", "parse_time",
]
