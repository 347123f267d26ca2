"""Invariants of extraction on the real evaluation documents (quality itself is a benchmark figure:
``python -m benchmarks.bench_extract``, never a threshold here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from infraledger.extract import extract_events
from infraledger.sources.document import read_document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVAL = SHARED / "eval"
DOCUMENTS = sorted((EVAL / "news").glob("dev-*")) + [SHARED / "seed" / "ai-infrastructure-boom-2026.txt"]

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="needs ../shared/eval beside the checkout")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_evidence_spans_index_the_real_documents(path):
    doc = read_document(path)
    for fact in extract_events(doc):
        assert doc.text[fact.span[0]:fact.span[1]] == fact.evidence
