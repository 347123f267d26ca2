"""Extracting many documents at once gives each one the events it gives alone (fictional companies)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infraledger.config import load_settings
from infraledger.errors import InputError
from infraledger.extract import BACKENDS, extract_events, extract_many, rules
from infraledger.sources.document import document_from_bytes, document_from_text

from . import docs

TEXTS = [docs.RELEASE, docs.NEWSLETTER, docs.ARTICLE, docs.COMMENTARY, docs.PAGE, docs.BRIEFS, docs.FEATURE]


def _documents():
    names = ["release.txt", "newsletter.txt", "article.txt", "commentary.txt", "page.html", "briefs.txt",
             "feature.txt"]
    return [document_from_bytes(text.encode("utf-8"), name=name) for text, name in zip(TEXTS, names)]


def test_many_documents_give_what_each_gives_alone():
    documents = _documents()
    together = extract_many(documents)
    assert together == [extract_events(d) for d in documents]
    assert sum(len(facts) for facts in together) > len(documents)  # the texts do state deals


def test_an_empty_document_among_others_gives_nothing_and_keeps_the_order():
    documents = _documents()[:2]
    empty = document_from_text("", name="empty.txt")
    together = extract_many([documents[0], empty, documents[1]])
    assert together == [extract_events(documents[0]), [], extract_events(documents[1])]


def test_documents_over_several_batches_and_windows_give_the_same_events(monkeypatch):
    # A small window cuts the documents into several batches and the longest ones into several windows.
    monkeypatch.setattr(rules, "WINDOW_CHARS", 400)
    documents = _documents()
    assert max(len(d.text) for d in documents) > 2 * rules.WINDOW_CHARS
    assert extract_many(documents) == [extract_events(d) for d in documents]


def test_an_unknown_backend_is_an_input_error():
    with pytest.raises(InputError, match="unknown extraction backend"):
        extract_many(_documents()[:1], backend="nope")


def test_the_surface_grammar_alone_reads_many_documents_as_one_at_a_time():
    settings = replace(load_settings(), extract_parse=False)
    documents = _documents()
    assert extract_many(documents, settings=settings) == [extract_events(d, settings=settings) for d in documents]


def test_a_backend_without_a_batched_form_reads_the_documents_one_by_one(monkeypatch):
    read = []
    monkeypatch.setitem(BACKENDS, "each", lambda document, settings=None: read.append(document.name) or [])
    documents = _documents()[:3]
    assert extract_many(iter(documents), backend="each") == [[], [], []]
    assert read == [d.name for d in documents]
