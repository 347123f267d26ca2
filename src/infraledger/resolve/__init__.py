"""Entity resolution: names, tickers and CIKs in documents mapped to one ledger entity.

``resolver`` decides; ``matcher`` scores two names; ``names`` makes matching keys; ``directory``
reads the SEC's company_tickers.json; ``subsidiary`` finds "<Parent> subsidiary <Child>" phrases;
the decisions recorded in a ledger are read, undone and added by :mod:`infraledger.ledger.decisions`.
"""

from .directory import DirectoryEntry, SecDirectory
from .matcher import Match, NameMatcher
from .names import match_key
from .resolver import Resolution, Resolver
from .subsidiary import SubsidiaryMention, find_subsidiaries, split_subsidiary, subsidiary_facts

__all__ = ["DirectoryEntry", "Match", "NameMatcher", "Resolution", "Resolver", "SecDirectory",
           "SubsidiaryMention", "find_subsidiaries", "match_key", "split_subsidiary", "subsidiary_facts"]
