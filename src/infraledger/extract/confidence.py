"""How likely an extracted deal event is to be right: a number from 0 to 1 for every candidate fact.

:func:`score` reads a few features of a :class:`~infraledger.model.facts.CandidateFact` (:func:`features`:
whether it has an amount, a counterparty, a date, people; whether its subject is a well-formed name and
is named in the evidence; how long the evidence is; whether it was read from a table or list row; its
event type) and combines them with a logistic model,
``p = 1 / (1 + exp(-(intercept + sum(coefficient * feature))))``.

The coefficients are data, in ``confidence.json`` beside this module, with the date and method of
their fit and the set they were fitted on; ``tools/fit_confidence.py`` refits them from the news-dev
evaluation set (a fact is a positive example when the official scorer matches it to a gold event).
Refit whenever the extractor changes what it returns: the figures describe one grammar's mistakes.
The model is fitted on deal events; a fact of another type (a relation, a measure) is scored as if it
were of the reference type, an acquisition.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import InputError
from ..model.events import FactType
from ..model.facts import CandidateFact

MODEL_PATH = Path(__file__).with_name("confidence.json")

#: Event types with a coefficient of their own; an acquisition is the reference (all zero).
_TYPED = (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO, FactType.COMMERCIAL_CONTRACT,
          FactType.TALENT_MOVE)

#: Every feature, in the order the model file lists them; each value lies in [0, 1].
FEATURES: tuple[str, ...] = (
    "amount",               # an amount is stated
    "counterparty",         # at least one counterparty (acquirer, investor, customer, hirer, ...)
    "date",                 # a date was read
    "people",               # named people
    "subject_in_evidence",  # the subject's name (without legal suffix) is in the evidence
    "well_formed_subject",  # the subject looks like a company name (see well_formed_name)
    "evidence_length",      # words of evidence, capped at 80, divided by 80
    "structured",           # read from a table row, list item, heading or note line
    *(f"type:{t.value}" for t in _TYPED),
)

_STRUCTURED_FRAME = re.compile(r"table|row|list|item|bullet|head|note|column", re.IGNORECASE)
_LEGAL = frozenset({"inc", "incorporated", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "plc",
                    "ag", "sa", "se", "nv", "bv", "gmbh", "holdings", "group", "lp", "the"})
#: Words that are never a company's whole name, though they open sentences with a capital.
_NOT_NAMES = frozenset({"it", "its", "they", "we", "our", "he", "she", "this", "that", "the company", "the firm",
                        "the startup", "company", "firm", "startup", "unknown", "n/a", "none"})
_NAME_WORD = re.compile(r"[A-Z0-9À-Þ][\w&.'’+!\-]*|[a-z]+[A-Z][\w.\-]*|&|of|de|du|and|for|la|le|von|van|der|di|da")
_WORD = re.compile(r"[\w&+\-]+")


def _tokens(name: str) -> list[str]:
    return _WORD.findall(name.lower().replace("’", "'").replace("'s", ""))


def well_formed_name(name: str) -> bool:
    """Whether ``name`` looks like an organisation's name: one to six words, each capitalised (or a
    joining word such as "of", "&", or a camel-case brand like "eBay"), at least one word that is not a
    legal suffix, no sentence punctuation, and not a pronoun or a generic noun.

    >>> well_formed_name("Brightwave Robotics Inc."), well_formed_name("Inc."), well_formed_name("the company")
    (True, False, False)
    """
    name = name.strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or name.lower() in _NOT_NAMES or re.search(r"[;:!?\"()\[\]]|,\s|\.\s+[a-z]", name):
        return False
    if not all(_NAME_WORD.fullmatch(w.rstrip(",")) for w in words) or not _NAME_WORD.fullmatch(words[0]) \
            or words[0] in ("of", "de", "du", "and", "for", "&"):
        return False
    return any(t not in _LEGAL and any(c.isalpha() for c in t) for t in _tokens(name))


def _named_in(subject: str, evidence: str) -> bool:
    wanted = [t for t in _tokens(subject) if t not in _LEGAL]
    present = set(_tokens(evidence))
    return bool(wanted) and all(t in present for t in wanted)


def features(fact: CandidateFact) -> dict[str, float]:
    """The model's inputs for ``fact``, by name (see :data:`FEATURES`); every value lies in [0, 1]."""
    frame = str(fact.attributes.get("frame", ""))
    out = {
        "amount": float(fact.amount is not None),
        "counterparty": float(bool(fact.counterparties)),
        "date": float(fact.time is not None),
        "people": float(bool(fact.people)),
        "subject_in_evidence": float(_named_in(fact.subject, fact.evidence)),
        "well_formed_subject": float(well_formed_name(fact.subject)),
        "evidence_length": min(len(fact.evidence.split()), 80) / 80,
        "structured": float(bool(_STRUCTURED_FRAME.search(frame))),
    }
    for t in _TYPED:
        out[f"type:{t.value}"] = float(fact.type is t)
    return out


class Training(BaseModel):
    """What the coefficients were fitted on."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    data: str
    documents: int = Field(gt=0)
    events: int = Field(gt=0)
    positives: int = Field(ge=0)


class Model(BaseModel):
    """A fitted confidence model as stored in ``confidence.json``; loading validates it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    fitted: date
    method: str = Field(min_length=1)
    training: Training
    intercept: float
    coefficients: dict[str, float]
    evaluation: dict[str, float] = {}

    @field_validator("intercept")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("must be a finite number")
        return value

    @model_validator(mode="after")
    def _one_coefficient_per_feature(self) -> Model:
        if set(self.coefficients) != set(FEATURES):
            missing, extra = set(FEATURES) - set(self.coefficients), set(self.coefficients) - set(FEATURES)
            raise ValueError(f"coefficients must name every feature once (missing {sorted(missing)}, "
                             f"unknown {sorted(extra)})")
        if not all(math.isfinite(v) for v in self.coefficients.values()):
            raise ValueError("coefficients must be finite numbers")
        return self

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(self.coefficients[name] * values[name] for name in FEATURES)
        # The two branches keep exp() from overflowing for large |z|.
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def read_model(path: str | Path) -> Model:
    """The model stored at ``path``. Raises :class:`InputError` when the file is missing or invalid."""
    path = Path(path)
    try:
        return Model.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read the confidence model: {exc.strerror}", source=str(path)) from None
    except ValueError as exc:
        raise InputError(f"not a valid confidence model: {exc}", source=str(path)) from None


@cache
def default_model() -> Model:
    """The model shipped beside this module (read once)."""
    return read_model(MODEL_PATH)


def score(fact: CandidateFact, model: Model | None = None) -> float:
    """How likely ``fact`` is a correctly extracted event, from 0 to 1, by ``model`` (default: the shipped one).

    Raises :class:`InputError` when the shipped model file is missing or invalid.
    """
    return (model or default_model()).probability(features(fact))
