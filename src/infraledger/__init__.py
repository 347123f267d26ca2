"""infraledger: a sourced, time-aware ledger of the AI-infrastructure capital cycle.

The package is organised by stage, in the order data flows through it::

    sources -> extract -> resolve -> ledger -> analyses -> render / audit

``model`` holds the values every stage shares (money, fuzzy time, entities, events, facts).
"""

__version__ = "0.1.0"
