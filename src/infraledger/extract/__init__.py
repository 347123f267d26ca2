"""Deal-event extraction: documents in, :class:`~infraledger.model.facts.CandidateFact` out.

``extract_events(document, backend="rules")`` is the public entry point; ``extract_many(documents)``
gives the same events for many documents at once, faster with the rules backend, which parses the
sentences of all of them together. Backends are looked up by name in :data:`BACKENDS`: ``rules``
(the default; offline, a grammar of deal language) and ``llm`` (an OpenAI-compatible endpoint
configured in the settings). Every fact carries its
evidence and the evidence's span in ``document.text``, and every deal event a confidence from 0 to 1
(:mod:`.confidence`, calibrated on the evaluation set), so a reviewer can take the least certain first. Besides deal events (types in
:data:`~infraledger.model.events.DEAL_TYPES`) the rules backend reports relations stated in passing
("backed by", "subsidiary of") as relation facts; :func:`to_eval_record` is for deal events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from ..errors import InputError
from ..model.events import DEAL_TYPES

# The fact model and the evaluation shape are imported on first use, so that the command line can
# read BACKENDS (for --help) without them.
if TYPE_CHECKING:  # pragma: no cover
    from ..model.facts import CandidateFact
    from .evalshape import to_eval_record


def __getattr__(name: str):
    if name == "to_eval_record":
        from .evalshape import to_eval_record

        return to_eval_record
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _rules(document, settings=None) -> list[CandidateFact]:
    from .rules import extract
    return extract(document, parse=settings.extract_parse if settings is not None else True)


def _llm(document, settings=None) -> list[CandidateFact]:
    from .llm import extract
    return extract(document, settings)


def _rules_many(documents, settings=None) -> list[list[CandidateFact]]:
    from .rules import extract_many
    return extract_many(documents, parse=settings.extract_parse if settings is not None else True)


#: Extraction backends by name: each takes a Document (and optional Settings) and returns facts.
BACKENDS: dict[str, Callable[..., list[CandidateFact]]] = {"rules": _rules, "llm": _llm}
#: Backends that read many documents at once faster than one at a time: each takes an iterable of
#: Documents (and optional Settings) and returns each one's facts, in order.
BATCHED: dict[str, Callable[..., list[list[CandidateFact]]]] = {"rules": _rules_many}


def extract_events(document, backend: str = "rules", settings=None) -> list[CandidateFact]:
    """The deal events ``document`` states, found by the named backend.

    Takes a :class:`~infraledger.sources.document.Document`; returns candidate facts whose
    ``span`` indexes ``document.text``. Raises :class:`InputError` for an unknown backend and
    whatever the backend raises (:class:`~infraledger.errors.RemoteError` for ``llm``).
    """
    return [_scored(f) for f in _backend(backend)(document, settings)]


def extract_many(documents: Iterable, backend: str = "rules", settings=None) -> list[list[CandidateFact]]:
    """What :func:`extract_events` gives for each of ``documents``, in order, and raises as it does.

    The rules backend parses the sentences of many documents together, which is faster than one
    document at a time; a backend without such a batched form reads them one by one.
    """
    run = _backend(backend)
    if backend in BATCHED:
        found = BATCHED[backend](documents, settings)
    else:
        found = [run(document, settings) for document in documents]
    return [[_scored(f) for f in facts] for facts in found]


def _backend(name: str) -> Callable[..., list[CandidateFact]]:
    try:
        return BACKENDS[name]
    except KeyError:
        raise InputError(f"unknown extraction backend {name!r} (known: {', '.join(sorted(BACKENDS))})") from None


#: The highest confidence a fact read from prose gets: confidence 1 means read from structured data
#: or by a person, and the ledger's review queue holds the facts below it (rounding a score of 0.9996
#: to three places would otherwise take a machine-read fact out of review).
MACHINE_CONFIDENCE_MAX = 0.999


def _scored(fact: CandidateFact) -> CandidateFact:
    """A deal event with its confidence (see :mod:`.confidence`); other facts as they are."""
    if fact.type not in DEAL_TYPES:
        return fact
    from .confidence import score

    return replace(fact, confidence=min(round(score(fact), 3), MACHINE_CONFIDENCE_MAX))


__all__ = ["BACKENDS", "BATCHED", "extract_events", "extract_many", "to_eval_record"]
