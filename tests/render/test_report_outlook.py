"""The report's outlook and capex-backing sections: verdicts, weights, and the formulas next to the tables."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from infraledger.analyses.backing import backing_formula
from infraledger.analyses.outlook import outlook_rules
from infraledger.render import build_report
from infraledger.render.report import md


@pytest.fixture(scope="module")
def reports(sample_ledger):
    snap = sample_ledger.snapshot("2026-03-30")
    return {fmt: build_report(snap, as_of="2026-03-30", fmt=fmt) for fmt in ("html", "md")}


def section(html: str, sid: str) -> str:
    return html.split(f'<section id="{sid}">')[1].split("</section>")[0]


def text_of(html: str) -> str:
    """Visible text, tags removed, entities decoded and whitespace collapsed."""
    import html as html_lib
    return html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def test_html_states_the_backing_formula_beside_its_table_and_the_outlook_rules(reports):
    ipos, outlook = section(reports["html"], "ipos"), section(reports["html"], "outlook")
    assert str(escape(backing_formula())) in ipos
    for line in outlook_rules():
        assert str(escape(line)) in outlook


def test_markdown_states_the_same_formulas(reports):
    out = reports["md"]
    assert md(backing_formula()) in out.split("## IPO divergence")[1].split("## M&A by layer")[0]
    for line in outlook_rules():
        assert f"- {md(line)}" in out.split("## Exit-route outlook")[1]


def test_a_listed_company_is_shown_with_its_shares_not_as_ipo_ready(reports):
    rows = text_of(section(reports["html"], "outlook"))
    assert re.search(r"CoreWeave listed 2025-03-28 \(CRWV\): shares \+98\.9% since the IPO [\d ,]*listed: 3", rows)
    assert not re.search(r"CoreWeave (IPO-ready|at risk|acquisition target)", rows)
    assert "**CoreWeave**: listed 2025-03-28 (CRWV): shares +98.9% since the IPO" in reports["md"]


def test_conflicting_reasons_show_their_weights_and_the_rule(reports):
    rows = text_of(section(reports["html"], "outlook"))
    drivenets = rows.split("DriveNets ")[1].split("too close to pick one")[0]
    assert drivenets.startswith("mixed: IPO-ready / acquisition target")
    assert "private valuation of $2.5B or more (weight 1)" in drivenets
    assert "strategic stake held by AT&T (carrier) (weight 1)" in drivenets
    assert "IPO-ready 1 and acquisition target 1 are within 1.5 × of each other" in drivenets
    assert re.search(r"\*\*DriveNets\*\*: mixed: IPO-ready / acquisition target\. Verdict: .*too close to pick one",
                     reports["md"])


def test_source_text_in_outlook_reasons_is_escaped(make_ledger):
    from datetime import datetime

    from infraledger.model import (
        CandidateFact,
        Entity,
        FactType,
        Layer,
        Participant,
        Role,
        Source,
        Status,
        parse_label,
        parse_money,
    )
    store = make_ledger()
    evil = "<img src=x onerror=alert(1)>"
    source = Source.new("article", content="evil", title="evil", recorded_at=datetime(2026, 3, 1))
    store.append(source, [CandidateFact(
        type=FactType.STRATEGIC_INVESTMENT, subject="Netco", counterparties=(Participant(f"Carrier {evil}", Role.INVESTOR),),
        amount=parse_money("$10 million"), valuation=parse_money("$2 billion"), time=parse_label("2025"),
        status=Status.COMPLETED)], entities=[Entity.new(f"Carrier {evil}", layers=(Layer.CARRIER,)), Entity.new("Netco")])
    html = build_report(store.snapshot(), fmt="html")
    assert "<img" not in html and "strategic stake held by Carrier &lt;img" in section(html, "outlook")
    out = build_report(store.snapshot(), fmt="md")
    assert "<img" not in out and "strategic stake held by Carrier &lt;img" in out.split("## Exit-route outlook")[1]
