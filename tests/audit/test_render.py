"""The three presentations of one audit: JSON, Markdown table, standalone HTML."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html as lhtml

from infraledger.audit.api import audit_document
from infraledger.audit.html import COLOURS, to_html
from infraledger.audit.reading import read_file
from infraledger.audit.render import to_json, to_markdown


@pytest.fixture(scope="module")
def report(fixture_ledger, seed_path):
    return audit_document(read_file(seed_path), fixture_ledger.snapshot())


def test_json_has_one_object_per_claim_with_evidence_sources(report):
    data = json.loads(to_json(report))
    assert len(data["claims"]) == len(report.verdicts)
    assert sum(data["counts"].values()) == len(data["claims"])
    cw = next(c for c in data["claims"] if c["kind"] == "amount" and c["text"] == "$1.5 billion")
    assert cw["value"] == {"amount": "1500000000", "currency": "USD", "qualifier": "exact", "text": "$1.5 billion"}
    assert cw["time"] is not None and cw["qualifier"] == "exact" and cw["subject"] == "CoreWeave"
    assert {e["source"]["title"] for e in cw["evidence"]} == {"CoreWeave, Inc. prospectus (Form 424B4)"}
    assert data["opinions"] and all({"span", "text", "cue"} <= set(o) for o in data["opinions"])


def test_markdown_has_a_summary_and_a_row_per_claim(report):
    md = to_markdown(report)
    rows = [line for line in md.splitlines() if re.match(r"\| c\d+ \|", line)]
    assert len(rows) == len(report.verdicts)
    assert all(line.count(" | ") >= 9 for line in rows)  # ten columns; pipes inside cells are escaped
    assert "| inconsistent | 1 |" in md and "## Opinions" in md


def test_html_highlights_each_claim_in_its_verdict_colour(report):
    page = to_html(report)
    tree = lhtml.fromstring(page)
    spans = tree.xpath("//article//span[@class='c']")
    assert len(spans) == len(report.verdicts)
    by_id = {cv.claim.id: cv for cv in report.verdicts}
    for span in spans:
        cv = by_id[span.get("id")]
        assert COLOURS[cv.verdict.value] in span.get("style")
        tip = span.xpath("./span[@class='tip']")[0].text_content()
        assert cv.verdict.value in tip and cv.explanation[:40] in tip
    article = tree.xpath("//article")[0].text_content()
    assert "pending regulatory approval as of March 2026" in article
