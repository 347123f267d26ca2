"""SEC EDGAR: read real filings (full submissions, Form D, 8-K, S-1/424B4, EDGAR JSON) into ledger facts.

Readers turn bytes into typed values and never touch the network:
:mod:`.sgml` (+ :mod:`.sgml_header`) splits full submissions, :mod:`.formd` (+ :mod:`.formd_model`)
reads Form D XML through :mod:`.xmlsafe`, :mod:`.eightk` and :mod:`.prospectus` read 8-Ks and
prospectus covers from their text (:mod:`.text`), :mod:`.submissions`, :mod:`.tickers` and
:mod:`.listings` read EDGAR's JSON, ticker map, daily index and Atom feed.
:mod:`.facts` and :mod:`.facts8k` turn a read filing into a source and candidate facts,
:mod:`.registry` picks the reader for a file, :mod:`.ingest` appends to the ledger (amendments
superseding), and :mod:`.client` fetches from EDGAR when configured.
"""
