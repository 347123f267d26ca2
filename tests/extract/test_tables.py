"""Deals stated as table rows, in HTML pages and in Markdown text (fictional companies)."""

from __future__ import annotations

from decimal import Decimal

from infraledger.extract import extract_events
from infraledger.model.events import FactType, Role, Status
from infraledger.sources.document import document_from_bytes

PAGE = """<html><head><title>This week's rounds</title></head><body>
<h1>This week's AI infrastructure rounds</h1><p>Published October 9, 2026</p>
<table>
<tr><th>Company</th><th>Amount</th><th>Round</th><th>Lead investor</th><th>Other investors</th></tr>
<tr><td>Orvane Compute</td><td>$120M</td><td>Series B</td><td>Talus Partners</td><td>Arbor Growth, Kiln Ventures</td></tr>
<tr><td>Kestrel Fabric</td><td>€45M</td><td>Series A</td><td>Redwater Ventures</td><td>n/a</td></tr>
</table>
<p>Separately, Brisa Networks agreed to acquire Juno Optics for $310 million.</p>
</body></html>"""

MARKDOWN = """Deals of the quarter
Published: 2 October 2026

| Target | Acquirer | Value | Status | Date |
|---|---|---|---|---|
| Pyxis Labs | Halyard Semiconductor | $1.1B | Closed | Aug 2026 |
| Fenwick Power | Helios Grid | $7.5B | Pending | Sept. 14 |

| Company | Employees | Headquarters |
|---|---|---|
| Orla Systems | 1,200 | Oslo |
"""


def _facts(text: str, name: str):
    document = document_from_bytes(text.encode("utf-8"), name=name)
    return document, extract_events(document)


def _roles(fact) -> dict[str, Role]:
    return {p.name: p.role for p in fact.counterparties}


def test_an_html_table_of_rounds_gives_one_round_per_row_with_its_investors_beside_the_prose_deal():
    document, facts = _facts(PAGE, "rounds.html")
    by_subject = {f.subject: f for f in facts}
    assert set(by_subject) == {"Orvane Compute", "Kestrel Fabric", "Juno Optics"}
    orvane = by_subject["Orvane Compute"]
    assert orvane.type is FactType.FUNDING_ROUND and orvane.amount.amount == Decimal(120_000_000)
    assert _roles(orvane) == {"Talus Partners": Role.LEAD_INVESTOR, "Arbor Growth": Role.INVESTOR,
                              "Kiln Ventures": Role.INVESTOR}
    assert orvane.attributes["round"] == "Series B" and orvane.time.label() == "2026-10-09"
    kestrel = by_subject["Kestrel Fabric"]
    assert kestrel.amount.currency == "EUR" and _roles(kestrel) == {"Redwater Ventures": Role.LEAD_INVESTOR}
    for f in facts:  # the evidence of every row is its line in the document's text
        assert document.text[f.span[0]:f.span[1]] == f.evidence


def test_a_markdown_table_of_acquisitions_reads_status_and_dates_and_a_table_without_deals_gives_nothing():
    _, facts = _facts(MARKDOWN, "deals.md")
    assert sorted(f.subject for f in facts) == ["Fenwick Power", "Pyxis Labs"]
    pyxis = next(f for f in facts if f.subject == "Pyxis Labs")
    assert pyxis.type is FactType.ACQUISITION and _roles(pyxis) == {"Halyard Semiconductor": Role.ACQUIRER}
    assert pyxis.status is Status.COMPLETED and pyxis.time.label() == "2026-08"
    fenwick = next(f for f in facts if f.subject == "Fenwick Power")
    assert fenwick.status is Status.PENDING and fenwick.time.label() == "2026-09-14"
    assert fenwick.amount.amount == Decimal(7_500_000_000)


def test_a_rows_own_date_wins_over_a_date_the_prose_only_carried_to_the_same_deal():
    text = ("# Listings\n\n*Desk | November 2026*\n\n| Company | Exchange | Raised | Date |\n|---|---|---|---|\n"
            "| Nimbra Labs | Nasdaq | $490m | 24 Jul 2026 |\n| Corbel Group | Frankfurt | €447m | 8 Feb 2025 |\n\n"
            "## Notes\n\nIn 2022 Halvora bought Quorvia for $7 billion. Corbel Group went public on the "
            "Frankfurt exchange, and its stock opened below the offer price.\n")
    ipos = [f for f in extract_events(document_from_bytes(text.encode(), name="t.md"))
            if f.type is FactType.IPO and f.subject == "Corbel Group"]
    assert len(ipos) == 1 and ipos[0].time is not None and ipos[0].time.start.isoformat() == "2025-02-08"
