"""Analyses of the capital cycle: pure functions of a ledger snapshot as of a date.

One module per analysis (capex, ipo, divergence, mna, funding, backing, outlook, timeline); each
returns dataclasses whose figures (:mod:`.figures`) carry the range they allow and the ids of the
facts behind them. :mod:`.frame` gives them the snapshot's facts in SQL, so they stay fast on
large ledgers.
"""
