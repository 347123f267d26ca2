"""The reference article audited against independent documents, and against the bundled sample made from it."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from infraledger.audit.api import audit_document
from infraledger.audit.reading import document_from_text, read_file
from infraledger.audit.verdicts import ORDER, Verdict
from infraledger.ledger import open_ledger
from infraledger.ledger.datafile import load_datafile
from infraledger.sample import load_sample, sample_paths

from .conftest import FIXTURES


def _keyed(report):
    seen: Counter = Counter()
    out = {}
    for cv in report.verdicts:
        seen[cv.claim.text] += 1
        out[(cv.claim.text, seen[cv.claim.text])] = cv
    return out


@pytest.fixture(scope="module")
def report(fixture_ledger, seed_path):
    return audit_document(read_file(seed_path), fixture_ledger.snapshot())


def test_every_claim_gets_its_reviewed_verdict(report):
    expected = json.loads((FIXTURES / "expected_verdicts.json").read_text(encoding="utf-8"))["claims"]
    got = _keyed(report)
    want = {(e["text"], e["nth"]): e for e in expected}
    assert set(got) == set(want), "claims found differ from the reviewed list"
    wrong = {k: (got[k].verdict.value, w["verdict"]) for k, w in want.items()
             if got[k].verdict.value != w["verdict"] or got[k].claim.kind.value != w["kind"]}
    assert not wrong
    assert all(e["why"].strip() for e in expected)


def test_every_claim_gets_its_reviewed_further_findings(report):
    expected = json.loads((FIXTURES / "expected_verdicts.json").read_text(encoding="utf-8"))["claims"]
    got = _keyed(report)
    wrong = {(e["text"], e["nth"]): [f.verdict.value for f in got[(e["text"], e["nth"])].further]
             for e in expected if [f.verdict.value for f in got[(e["text"], e["nth"])].further] != e.get("further", [])}
    assert not wrong
    for cv in report.verdicts:  # most serious first; never both supported and unsupported
        ranks = [ORDER.index(f.verdict) for f in cv.findings]
        assert ranks == sorted(ranks)
        assert not {Verdict.SUPPORTED, Verdict.UNSUPPORTED} <= {f.verdict for f in cv.findings}


def test_verdicts_carry_explanations_and_sourced_evidence(report, fixture_ledger):
    snap = fixture_ledger.snapshot()
    for cv in report.verdicts:
        assert all(f.explanation.endswith((".", "”.")) for f in cv.findings)
        for ev in (e for f in cv.findings for e in f.evidence):
            fact = snap.fact(ev.fact_id)
            assert fact.source_id == ev.source_id
            assert ev.source_title == snap.source(fact.source_id).title
    stale = [cv for cv in report.verdicts if cv.verdict.value == "stale"]
    assert stale and all("2026-03-11" in cv.explanation for cv in stale)
    assert any(ev.source_url.startswith("https://getaibook.com/") for cv in stale for ev in cv.evidence)


def test_claims_carry_span_subject_time_and_citation(report, seed_path):
    text = read_file(seed_path).text
    by_text = _keyed(report)
    for cv in report.verdicts:
        s, e = cv.claim.span
        assert text[s:e] == cv.claim.text
    arrcus = by_text[("$67 million", 1)].claim
    assert (arrcus.subject, arrcus.counterparty) == ("Arrcus", "Fujitsu")
    assert arrcus.time.label() == "2025-06"
    assert arrcus.cited_source == "Arrcus SEC Form D; Fujitsu press release"
    wiz = by_text[("pending regulatory approval as of March 2026", 1)].claim
    assert (wiz.subject, wiz.counterparty, wiz.status.value, wiz.time.label()) == ("Wiz", "Alphabet", "pending", "2026-03")
    share = by_text[("more than 60%", 1)].claim
    assert share.qualifier.value == "more_than" and share.base is not None


def test_opinions_are_listed_apart_and_get_no_verdict(report):
    opinion_text = " ".join(o.text for o in report.opinions)
    assert "Hidden logic" in opinion_text
    assert "will likely continue through 2027" in opinion_text
    for cv in report.verdicts:
        assert not any(o.span[0] <= cv.claim.span[0] and cv.claim.span[1] <= o.span[1] for o in report.opinions)


def test_as_of_before_the_closing_reads_the_wiz_deal_as_pending(fixture_ledger, seed_path):
    report = audit_document(read_file(seed_path), fixture_ledger.snapshot("2026-03-10"))
    wiz = _keyed(report)[("pending regulatory approval as of March 2026", 1)]
    assert wiz.verdict.value == "supported"
    assert "2026-02-10" in wiz.explanation


def test_bundled_article_alone_supports_nothing(seed_path):
    with open_ledger(":memory:") as store:
        load_datafile(store, sample_paths()[0])  # the article's own facts only
        report = audit_document(read_file(seed_path), store.snapshot())
    assert report.counts()["supported"] == 0
    assert list(report.excluded_sources.values()) == ["content hash"]
    assert all(not cv.evidence for cv in report.verdicts)


def test_full_bundled_sample_never_uses_the_article_as_evidence(seed_path):
    with open_ledger(":memory:") as store:
        load_sample(store)
        snap = store.snapshot()
        report = audit_document(read_file(seed_path), snap)
        article_ids = set(report.excluded_sources)
        assert len(article_ids) == 1
        used = {ev.source_id for cv in report.verdicts for ev in cv.evidence}
        assert used and not used & article_ids
        # Every supported claim rests on one of the market-fact pages, each with its own URL.
        for cv in report.verdicts:
            if cv.verdict.value == "supported":
                assert all(ev.source_url.startswith("https://") for ev in cv.evidence)


def test_article_recognised_by_title_when_its_bytes_differ(seed_path):
    changed = read_file(seed_path).text.replace("\n", "\n\n")  # another rendering: other bytes, same title
    with open_ledger(":memory:") as store:
        load_datafile(store, sample_paths()[0])
        report = audit_document(document_from_text(changed), store.snapshot())
    assert list(report.excluded_sources.values()) == ["title"]
    assert report.counts()["supported"] == 0
