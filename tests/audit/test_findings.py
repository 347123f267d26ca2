"""A claim keeps every finding its checks give, most serious first, in JSON, Markdown and HTML.

Companies and documents here are fictional, written for these tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lhtml

from infraledger.audit.api import audit_document
from infraledger.audit.html import to_html
from infraledger.audit.reading import document_from_text
from infraledger.audit.render import to_json, to_markdown
from infraledger.audit.verdicts import LEDGER_VERDICTS, ORDER, SERIOUSNESS, Verdict

from .conftest import add, source
from .test_verdicts import ENTS, HEADER, _price, fact

# "Year-to-date" for a company that listed the year before, cited to its registration statement: the
# two readings give different answers (ambiguous), and an S-1 is filed before the shares trade, so
# it cannot hold a 2026 rise (source_mismatch).
YTD_S1 = ("As of March 2026, Gadget Inc stock has increased more than 100% year-to-date "
          "(Source: Gadget Inc S-1 <draft>).")
DEBUT = "Gadget Inc prices on debut <script>alert(1)</script>"


def audit(store, body: str):
    return audit_document(document_from_text(HEADER + body), store.snapshot())


def claim(report, text: str):
    hits = [cv for cv in report.verdicts if cv.claim.text == text]
    assert len(hits) == 1, [cv.claim.text for cv in report.verdicts]
    return hits[0]


def _listed_last_year(store) -> None:
    add(store, source(DEBUT, day="2025-05-10"),
        fact("ipo", "Gadget Inc", time="2025-05-09", status="completed", first_day_close="20.00"), ents=ENTS)
    _price(store, "2025-12-31", "$30.00")
    _price(store, "2026-03-06", "$45.00")  # +50% this year, +125% since the listing


# -- the seriousness order ------------------------------------------------------------------------

def test_the_seriousness_order_ranks_every_verdict_once_with_a_reason():
    assert sorted(ORDER) == sorted(Verdict) and len(ORDER) == len(set(ORDER))
    assert all(why.strip() for _, why in SERIOUSNESS)
    assert ORDER[0] is Verdict.CONTRADICTED and ORDER[-1] is Verdict.SUPPORTED
    assert Verdict.UNSUPPORTED not in LEDGER_VERDICTS


def test_counts_list_every_verdict_most_serious_first(store):
    report = audit(store, YTD_S1)
    assert list(report.counts()) == [v.value for v in ORDER]


# -- several findings -----------------------------------------------------------------------------

def test_ambiguous_claim_citing_a_document_that_cannot_hold_it_gets_both_findings(store):
    _listed_last_year(store)
    cv = claim(audit(store, YTD_S1), "more than 100%")
    assert [f.verdict for f in cv.findings] == [Verdict.SOURCE_MISMATCH, Verdict.AMBIGUOUS]
    assert cv.verdict is Verdict.SOURCE_MISMATCH and cv.explanation == cv.findings[0].explanation
    assert "filed before the shares trade" in cv.findings[0].explanation
    ambiguous = cv.findings[1]
    assert "50.0%" in ambiguous.explanation and "125.0%" in ambiguous.explanation
    assert DEBUT in {e.source_title for e in ambiguous.evidence}  # each finding keeps its own evidence
    assert not cv.evidence  # the citation rule uses no ledger fact


def test_json_lists_every_finding_most_serious_first(store):
    _listed_last_year(store)
    data = json.loads(to_json(audit(store, YTD_S1)))
    c = next(x for x in data["claims"] if x["text"] == "more than 100%")
    assert [f["verdict"] for f in c["findings"]] == ["source_mismatch", "ambiguous"]
    assert (c["verdict"], c["explanation"], c["evidence"]) == (
        c["findings"][0]["verdict"], c["findings"][0]["explanation"], c["findings"][0]["evidence"])
    assert c["findings"][0]["explanation"].endswith("(cited: Gadget Inc S-1 <draft>).")  # JSON keeps text exactly
    assert DEBUT in {e["source"]["title"] for e in c["findings"][1]["evidence"]}
    assert data["counts"]["source_mismatch"] == 1 and data["counts"]["ambiguous"] == 0  # headline counts


def test_markdown_shows_the_further_finding_on_a_row_under_the_headline(store):
    _listed_last_year(store)
    lines = to_markdown(audit(store, YTD_S1)).splitlines()
    at = next(i for i, line in enumerate(lines) if re.match(r"\| c\d+ \|", line) and "more than 100%" in line)
    assert "**source_mismatch**" in lines[at] and "&lt;draft&gt;" in lines[at]
    further = lines[at + 1]
    assert "also ambiguous" in further and "125.0%" in further
    assert "&lt;script&gt;" in further and "<script" not in "\n".join(lines)
    assert further.count(" | ") == lines[at].count(" | ")  # same ten columns


def test_html_lists_the_further_finding_under_the_headline_escaped(store):
    _listed_last_year(store)
    page = to_html(audit(store, YTD_S1))
    assert "<script" not in page and "<draft>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;draft&gt;" in page
    tree = lhtml.fromstring(page)
    span = next(s for s in tree.xpath("//article//span[@class='c']") if s.text == "more than 100%")
    assert span.get("data-findings") == "2"
    tip = span.xpath("./span[@class='tip']")[0]
    assert tip.xpath("./b")[0].text_content() == "source_mismatch"
    more = tip.xpath("./span[@class='more']")
    assert [m.xpath("./b")[0].text_content() for m in more] == ["also ambiguous"]
    assert "125.0%" in more[0].text_content() and DEBUT in more[0].text_content()
    text = tip.text_content()
    assert text.index("filed before the shares trade") < text.index("125.0%")
    rows = [r.text_content() for r in tree.xpath("//table//tr")]
    at = next(i for i, r in enumerate(rows) if "more than 100%" in r)
    assert "source_mismatch" in rows[at] and "also ambiguous" in rows[at + 1]


def test_ledger_contradiction_and_the_texts_own_arithmetic_are_both_reported(store):
    add(store, source("Gadget Inc IPO closes"), fact("ipo", "Gadget Inc", amount="$1.5 billion", time="2025-05",
        status="completed"), ents=ENTS)
    text = "Gadget Inc sold 25 million shares at $40 each in its IPO in May 2025, raising $1.2 billion."
    cv = claim(audit(store, text), "$1.2 billion")
    assert [f.verdict for f in cv.findings] == [Verdict.CONTRADICTED, Verdict.INCONSISTENT]
    assert "$1.5B" in cv.findings[0].explanation and "$1B" in cv.findings[1].explanation
    assert [e.source_title for e in cv.findings[0].evidence] == ["Gadget Inc IPO closes"]
    assert not cv.findings[1].evidence


def test_ipo_terms_are_checked_even_when_a_stated_amount_agrees(store):
    add(store, source("Gadget Inc IPO closes"), fact("ipo", "Gadget Inc", amount="$1.2 billion", time="2025-05",
        status="completed"), ents=ENTS)
    add(store, source("Gadget Inc prospectus"), fact("ipo", "Gadget Inc", time="2025-05", status="completed",
        shares="37500000", offer_price="40.00"))
    cv = claim(audit(store, "Gadget Inc raised $1.2 billion in its IPO in May 2025."), "$1.2 billion")
    assert [f.verdict for f in cv.findings] == [Verdict.CONTRADICTED, Verdict.SUPPORTED]
    assert "shares at $40" in cv.explanation
    assert [e.source_title for e in cv.findings[1].evidence] == ["Gadget Inc IPO closes"]


def test_a_figure_stated_three_ways_names_each_clash(store):
    add(store, source("registry"), ents=ENTS)
    text = ("Acme Robotics raised $120 million in April 2025 in a round led by Zeta Ventures. Acme Robotics raised "
            "$150 million in April 2025 in a round led by Zeta Ventures. Acme Robotics raised $190 million in "
            "April 2025 in a round led by Zeta Ventures.")
    cv = claim(audit(store, text), "$120 million")
    clashes = [f for f in cv.findings if f.verdict is Verdict.INCONSISTENT]
    assert len(clashes) == 2
    assert "“$150 million”" in clashes[0].explanation and "“$190 million”" in clashes[1].explanation


# -- precision ------------------------------------------------------------------------------------

def test_a_supported_claim_is_not_also_unsupported(store):
    add(store, source("Gadget Inc files to list"), fact("ipo", "Gadget Inc", time="2025-05", status="announced"),
        ents=ENTS)  # an IPO fact with no amount: on its own it would leave the figure unsupported
    add(store, source("Gadget Inc prospectus"), fact("ipo", "Gadget Inc", time="2025-05", status="completed",
        shares="30000000", offer_price="40.00"))
    cv = claim(audit(store, "Gadget Inc raised $1.2 billion in its IPO in May 2025."), "$1.2 billion")
    assert [f.verdict for f in cv.findings] == [Verdict.SUPPORTED]


def test_a_claim_the_ledger_says_nothing_about_says_so_beside_its_other_findings(store):
    text = "Acme Robotics landed $67 million from Zeta Ventures in June 2025 (Source: Acme Robotics SEC Form D)."
    cv = claim(audit(store, text), "$67 million")
    assert [f.verdict for f in cv.findings] == [Verdict.SOURCE_MISMATCH, Verdict.UNSUPPORTED]
    assert "Nothing in the ledger" in cv.findings[1].explanation


def test_a_claim_with_one_finding_is_presented_as_before(store):
    add(store, source("Acme raises Series B"), fact("funding_round", "Acme Robotics", amount="$120 million",
        time="2025-04", status="completed", parties=[("Zeta Ventures", "lead_investor")]), ents=ENTS)
    report = audit(store, "Acme Robotics raised $120 million in April 2025 in a round led by Zeta Ventures "
                          "(Source: Acme Robotics press release).")
    cv = claim(report, "$120 million")
    assert [f.verdict for f in cv.findings] == [Verdict.SUPPORTED] and not cv.further
    data = json.loads(to_json(report))["claims"][0]
    assert data["findings"] == [{"verdict": "supported", "explanation": data["explanation"],
                                 "evidence": data["evidence"]}]
    md = to_markdown(report)
    assert "| also " not in md and sum(1 for line in md.splitlines() if re.match(r"\| c\d+ \|", line)) == 1
    page = to_html(report)
    tree = lhtml.fromstring(page)
    span = tree.xpath("//article//span[@class='c']")[0]
    assert span.get("data-findings") is None and not span.xpath(".//span[@class='more']")
    assert not tree.xpath("//tr[@class='more']")


def test_the_implied_start_is_added_to_the_finding_about_the_figures_not_the_citation(store):
    text = ("By March 2026, Gadget Inc shares had fallen 50% from the first-day close, trading around $11 "
            "(Source: Gadget Inc S-1).")
    cv = claim(audit(store, text), "50%")
    assert [f.verdict for f in cv.findings] == [Verdict.SOURCE_MISMATCH, Verdict.UNSUPPORTED]
    assert "near $22" not in cv.findings[0].explanation and "near $22" in cv.findings[1].explanation


@pytest.mark.slow
@pytest.mark.browser
def test_further_findings_open_with_the_headline_in_a_real_browser(store, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no Chromium")
    _listed_last_year(store)
    report = audit(store, YTD_S1)
    cid = claim(report, "more than 100%").claim.id
    page_path = tmp_path / "report.html"
    page_path.write_text(to_html(report), encoding="utf-8")
    dialogs: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_path.as_uri())
        page.hover(f"#{cid}")
        visible = page.is_visible(f"#{cid} .tip .more")
        shown = page.inner_text(f"#{cid} .tip")
        browser.close()
    assert dialogs == [] and visible
    assert shown.index("SOURCE_MISMATCH") < shown.index("ALSO AMBIGUOUS")  # headline first, shown in capitals
