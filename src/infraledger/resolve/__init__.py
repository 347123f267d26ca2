"""Entity resolution: names, tickers and CIKs in documents mapped to one ledger entity."""

from .resolver import Resolution, Resolver

__all__ = ["Resolution", "Resolver"]
