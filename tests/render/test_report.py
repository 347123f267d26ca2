"""The report: the article's findings from the sample ledger, footnotes, escaping, formats, the CLI."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from cli_runner import run_in_process
from infraledger.errors import InputError
from infraledger.model import CandidateFact, FactType, Money, Source, parse_label
from infraledger.render import build_report
from shared_data import needs_shared

from .conftest import ARTICLE_SOURCE


@pytest.fixture(scope="module")
def html(sample_ledger, article_text):
    return build_report(sample_ledger.snapshot("2026-03-30"), as_of="2026-03-30", fmt="html",
                        source_texts={ARTICLE_SOURCE: article_text})


def text_of(html: str) -> str:
    """Visible text, tags removed and whitespace collapsed (enough for assertions on sentences)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html.split("<body>")[1]).split())


def test_states_the_articles_findings_from_the_ledgers_facts(html):
    t = text_of(html)
    # top-four capex of more than $600B, and the honest share of "more than $1T"
    assert "Capex of Top four hyperscalers (Alphabet, Amazon, Meta Platforms, Microsoft) for 2026: more than $600B" in t
    assert "Top-4 share of all capex: any share from 0% to 100% (cannot be bounded)" in t
    # CoreWeave's gain: from its $40 offer to the latest observed price, and the article's stated change
    assert re.search(r"CoreWeave \(CRWV\): IPO 2025-03-28 raising \$1\.5B .*?at \$40\.00", t)
    assert "+98.9% " in t and "more than +100%" in t
    # Netskope: about half down from its first-day close, trading about $11
    refs = r"[\d ,]*"  # footnote numbers between a figure and the words after it
    assert re.search(rf"Netskope \(NTSK\).*?latest price about \$11 {refs}\(2026-03\): -47\.9% to -36\.3% {refs}since the IPO, "
                     rf"-56\.5% to -45\.2% {refs}since the first-day close; a source states -50%", t)
    # the M&A list by layer, acquirer types from the acquirers' layers
    assert ("3 acquisitions (3 closed, 0 pending): Wiz (security) by Alphabet (hyperscaler, completed); Chronosphere "
            "(observability) by Palo Alto Networks (security incumbent, completed); ProsperOps (cost optimisation) by "
            "Flexera (IT-asset platform, completed)") in t


def test_marks_what_the_sample_cannot_support(html):
    t = text_of(html)
    section = t.split("What the ledger cannot support")[-1].split("Sources and evidence")[0]
    assert "Fermi first-day close: no fact states the first-day close" in section
    assert "Netskope capex-backing score: no disclosed contract values in the ledger" in section
    assert html.count('class="unsupported"') >= 5


def test_every_number_links_to_a_footnote_with_source_and_evidence(html):
    refs = set(re.findall(r'href="#fn-(\d+)"', html))
    notes = set(re.findall(r'<li id="fn-(\d+)">', html))
    assert refs and refs == notes
    # the article fact's span is quoted from the article text; market facts link their URL
    assert "<blockquote>shares had fallen 50% from the first-day close</blockquote>" in html
    assert "<blockquote>trading around $11</blockquote>" in html
    assert "The source cites: Market data." in html
    assert 'href="https://www.techzine.eu/' in html or 'href="https://' in html


def test_report_is_self_contained_with_five_inline_charts(html):
    assert html.count("<svg ") == 5 and 'class="chart"' in html
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(js|css)', html)
    assert "<script" not in html
    assert "@media print" in html and 'name="viewport"' in html


def test_as_of_cut_off_changes_the_story(sample_ledger):
    early = text_of(build_report(sample_ledger.snapshot("2025-12-31"), fmt="html"))
    assert "Chronosphere" in early and "ProsperOps (cost" not in early
    assert "Futuriom 50: stated" not in early  # the list is known only from the article, recorded 2026-03-30


def test_source_text_is_escaped_and_script_urls_are_not_links(make_ledger):
    store = make_ledger()
    evil = "<script>alert('x')</script>"
    source = Source.new("article", content="evil", title=f"Report {evil}", url="javascript:alert(1)",
                        recorded_at=datetime(2026, 3, 1))
    store.append(source, [CandidateFact(type=FactType.ACQUISITION, subject=f"Evil {evil} Corp", amount=Money(amount=5),
                                        time=parse_label("2026-01"), evidence=f"quote {evil}",
                                        cited_source=evil)])
    for fmt in ("html", "md"):
        out = build_report(store.snapshot(), fmt=fmt)
        assert "<script>" not in out and "&lt;script&gt;" in out
        assert "javascript:" not in out


def test_markdown_has_the_same_findings_and_footnotes(sample_ledger):
    md = build_report(sample_ledger.snapshot("2026-03-30"), fmt="md")
    assert md.startswith("# ") and "more than $600B[^" in md
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    defined = set(re.findall(r"^\[\^(\d+)\]:", md, re.MULTILINE))
    assert cited == defined and cited
    assert "| Wiz | security | Alphabet | hyperscaler |" in md


def test_unknown_format_is_an_input_error(sample_ledger):
    with pytest.raises(InputError):
        build_report(sample_ledger.snapshot(), fmt="pdf")


@needs_shared("seed", "ai-infrastructure-boom-2026.txt")
def test_cli_writes_the_report_and_prints_its_path(tmp_path):
    from infraledger.ledger import open_ledger
    from infraledger.sample import load_sample
    db = tmp_path / "sample.duckdb"
    with open_ledger(db) as store:
        load_sample(store)
    seed = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "ai-infrastructure-boom-2026.txt"
    out = tmp_path / "r.html"
    done = run_in_process(["--db", str(db), "report", "--as-of", "2026-03-30", "-o", str(out),
                           "--source-text", str(seed)])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert "<blockquote>trading around $11</blockquote>" in out.read_text(encoding="utf-8")
    md = run_in_process(["--db", str(db), "report", "--format", "md"], cwd=tmp_path)
    assert md.stdout.strip() == "report.md" and (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# ")
    bad = run_in_process(["--db", str(db), "report", "--as-of", "not-a-date", "-o", "x.html"], cwd=tmp_path)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and not (tmp_path / "x.html").exists()
    unknown = run_in_process(["--db", str(db), "report", "--source-text", str(db)], cwd=tmp_path)
    assert unknown.returncode != 0 and "no source in the ledger has this content" in unknown.stderr


def test_charts_are_the_same_for_the_same_ledger(sample_ledger):
    def svgs(html: str) -> list[str]:
        return re.findall(r"<svg .*?</svg>", html, re.S)

    first = svgs(build_report(sample_ledger.snapshot("2026-03-30"), fmt="html"))
    again = svgs(build_report(sample_ledger.snapshot("2026-03-30"), fmt="html"))
    assert len(first) == 5 and first == again
    assert len({re.search(r'id="(chart-[a-z]+)"', s).group(1) for s in first}) == 5


def test_timelines_of_a_company_and_a_layer_are_appended_with_footnotes(sample_ledger):
    out = build_report(sample_ledger.snapshot("2026-03-30"), fmt="html", timelines=("NTSK", "layer:observability"))
    t = text_of(out)
    assert "Timeline: Netskope" in t and "Timeline: layer observability" in t
    section = out.split("Timeline: Netskope")[1].split("</section>")[0]
    assert "2025-09-17" in section and 'href="#fn-' in section
    md = build_report(sample_ledger.snapshot("2026-03-30"), fmt="md", timelines=("Netskope",))
    assert "## Timeline: Netskope" in md
    from infraledger.errors import NotFoundError
    with pytest.raises(NotFoundError):
        build_report(sample_ledger.snapshot("2026-03-30"), timelines=("Nobody Inc",))
