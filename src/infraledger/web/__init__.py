"""The web dashboard and JSON API over a ledger (``infraledger serve``)."""

from .app import ServerOptions, create_app

__all__ = ["ServerOptions", "create_app"]
