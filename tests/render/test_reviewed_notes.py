"""The report says which of its facts a person has checked, and only as of after the check."""

from __future__ import annotations

from infraledger.ledger import open_ledger
from infraledger.ledger.service import utcnow
from infraledger.render import build_report
from infraledger.sample import load_sample


def test_footnotes_name_the_reviewer_of_a_cited_fact(tmp_path):
    with open_ledger(tmp_path / "l.duckdb") as store:
        load_sample(store)
        ipos = store.snapshot().facts(types=["ipo"])
        before = store.snapshot(utcnow())
        assert ipos
        for f in ipos:
            store.review(f.id, "accept", "rita")
        html = build_report(store.snapshot(), fmt="html")
        md = build_report(store.snapshot(), fmt="md")
        assert "Reviewed by rita." in html and "Reviewed by rita." in md
        assert "Reviewed by" not in build_report(before, fmt="html")
