"""SEC EDGAR: read real filings (full submissions, Form D, 8-K, S-1/424B4, EDGAR JSON) into ledger facts.

Readers turn bytes into typed values and never touch the network; :mod:`.client` fetches from
EDGAR when configured; :mod:`.facts` turns a read filing into a source and candidate facts.
"""
