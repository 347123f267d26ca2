"""Watchlists and alerts: know the day a watched company files, raises, lists or gets bought.

:mod:`.lists` holds named watchlists (companies, layers, event types, form types, keywords, a
minimum amount), :mod:`.feeds` reads EDGAR's Atom feeds, company submissions and any RSS/Atom news
feed with conditional requests, :mod:`.alerts` turns new facts that match a list into alerts
recorded once, :mod:`.deliver` delivers them (terminal, JSON lines, webhook, e-mail) at least once,
and :mod:`.runner` ties a poll together. Everything is stored in the ledger's append-only tables.
"""
