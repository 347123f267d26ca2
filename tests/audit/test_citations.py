"""Cited documents: their kind and owner, and which facts each kind can hold; recognising the audited text."""

from __future__ import annotations

from datetime import datetime

from infraledger.audit.citations import parse_citation
from infraledger.audit.reading import AuditDocument
from infraledger.audit.selfsource import self_sources, why_self
from infraledger.model import Source, SourceKind, content_hash


def test_citation_parts_get_kinds_and_owners():
    docs = parse_citation("Arrcus SEC Form D; Fujitsu press release")
    assert [(d.kind, d.owner) for d in docs] == [("form_d", "Arrcus"), ("press_release", "Fujitsu")]
    assert [(d.kind, d.owner) for d in parse_citation("AT&T 8-K filing; DriveNets investor materials")] == \
        [("8-k", "AT&T"), ("report", "")]
    assert [d.kind for d in parse_citation("Nasdaq data; CoreWeave S-1")] == ["market_data", "registration"]
    assert [d.kind for d in parse_citation("Google 10-Q; analyst estimates")] == ["10-q", "analyst"]
    assert parse_citation("Palo Alto Networks' 8-K")[0].owner == "Palo Alto Networks"


DOC = AuditDocument(text="body", title="A long enough title for an article", url="https://news.example/a/b/",
                    content_hash=content_hash(b"raw"), text_hash=content_hash("body"))


def _src(**kw) -> Source:
    return Source(id=kw.pop("id", "src:x"), kind=SourceKind.ARTICLE, recorded_at=datetime(2026, 1, 1), **kw)


def test_audited_document_is_recognised_by_hash_url_or_title():
    assert why_self(_src(content_hash=content_hash(b"raw")), DOC) == "content hash"
    assert why_self(_src(content_hash=content_hash("body")), DOC) == "content hash"
    assert why_self(_src(url="http://www.news.example/a/b"), DOC) == "URL"
    assert why_self(_src(title="A LONG enough title, for an article!"), DOC) == "title"
    assert why_self(_src(title="Another article", url="https://news.example/a/c"), DOC) == ""


def test_short_titles_do_not_identify_a_document():
    doc = AuditDocument(text="x", title="News")
    assert why_self(_src(title="News"), doc) == ""
    assert self_sources([_src(id="src:1", title="News"), _src(id="src:2", content_hash=content_hash("x"))],
                        AuditDocument(text="x", title="News", text_hash=content_hash("x"))) == {"src:2": "content hash"}


def test_documents_named_in_the_prose_are_citations_but_unnamed_people_are_not():
    from infraledger.audit.sentences import prose_citations

    text = ("Crusoe's $750 million credit facility, disclosed in an 8-K filing, shows lenders are keen. "
            "The price rose, according to Orla's S-1. The round was larger, according to a person familiar with it.")
    assert [c.text for c in prose_citations(text)] == ["8-K filing", "Orla's S-1"]
    assert [(d.kind, d.owner) for d in parse_citation("Orla's S-1")] == [("registration", "Orla")]
