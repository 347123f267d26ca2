"""Entity resolution: names, tickers and CIKs in documents mapped to one ledger entity.

``resolver`` decides; ``matcher`` scores two names; ``names`` makes matching keys; ``directory``
reads the SEC's company_tickers.json; ``subsidiary`` finds "<Parent> subsidiary <Child>" phrases;
the decisions recorded in a ledger are read, undone and added by :mod:`infraledger.ledger.decisions`.
The names below are read from their submodules when first used.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from .directory import DirectoryEntry, SecDirectory
    from .matcher import Match, NameMatcher
    from .names import match_key
    from .resolver import Resolution, Resolver
    from .subsidiary import SubsidiaryMention, find_subsidiaries, split_subsidiary, subsidiary_facts

__getattr__, __dir__ = lazy_exports(__name__, {
    "DirectoryEntry": ".directory", "SecDirectory": ".directory", "Match": ".matcher", "NameMatcher": ".matcher",
    "match_key": ".names", "Resolution": ".resolver", "Resolver": ".resolver",
    **dict.fromkeys(["SubsidiaryMention", "find_subsidiaries", "split_subsidiary", "subsidiary_facts"],
                    ".subsidiary"),
}, globals())

__all__ = ["DirectoryEntry", "Match", "NameMatcher", "Resolution", "Resolver", "SecDirectory",
           "SubsidiaryMention", "find_subsidiaries", "match_key", "split_subsidiary", "subsidiary_facts"]
