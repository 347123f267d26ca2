"""The ``llm`` backend against a real HTTP server on 127.0.0.1 that answers like a chat-completions endpoint."""

from __future__ import annotations

import json
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from infraledger.config import Settings
from infraledger.errors import ConfigError, RemoteError
from infraledger.extract import extract_events
from infraledger.model.events import FactType, Role, Status
from infraledger.sources.document import document_from_text

from . import docs


class Endpoint:
    """A local server; ``answers`` is a list of (status, body) served in turn (the last one repeats)."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, str]] = []
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", 0))
                outer.requests.append({"path": self.path, "auth": self.headers.get("Authorization"),
                                       "body": json.loads(self.rfile.read(length))})
                status, body = outer.answers[min(len(outer.requests) - 1, len(outer.answers) - 1)]
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def completion(self, content: str) -> str:
        return json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def endpoint():
    server = Endpoint()
    yield server
    server.close()


def _settings(url: str) -> Settings:
    return Settings(llm_url=url, llm_model="deal-reader-1", llm_api_key="sk-test", llm_timeout=5.0)


GOOD_EVENT = {
    "type": "funding_round", "subject": "Halvorsen Grid",
    "counterparties": [{"name": "Nordlys Ventures", "role": "lead_investor"},
                       {"name": "Brightpeak Capital", "role": "lead_investor"}],
    "amount": "$120 million", "valuation": "more than $900 million", "date": "April 8, 2025",
    "status": "completed", "cited_source": None,
    "evidence": "it has closed a $120 million Series C financing round led by Nordlys Ventures",
}


def test_a_good_answer_becomes_facts_with_spans_in_the_document(endpoint):
    document = document_from_text(docs.RELEASE, name="release.txt")
    endpoint.answers = [(200, endpoint.completion(json.dumps({"events": [GOOD_EVENT]})))]
    facts = extract_events(document, backend="llm", settings=_settings(endpoint.url))
    assert len(facts) == 1
    f = facts[0]
    assert f.type is FactType.FUNDING_ROUND and f.subject == "Halvorsen Grid"
    assert f.amount.amount == Decimal(120_000_000) and f.valuation.amount == Decimal(900_000_000)
    assert [(p.name, p.role) for p in f.counterparties] == [("Nordlys Ventures", Role.LEAD_INVESTOR),
                                                           ("Brightpeak Capital", Role.LEAD_INVESTOR)]
    assert f.status is Status.COMPLETED and f.time.label() == "2025-04-08"
    assert document.text[f.span[0]:f.span[1]] == f.evidence
    request = endpoint.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer sk-test"
    assert request["body"]["model"] == "deal-reader-1"
    assert request["body"]["response_format"] == {"type": "json_object"}
    assert "Halvorsen Grid AS" in request["body"]["messages"][-1]["content"]


def test_events_whose_evidence_is_not_in_the_text_or_that_break_the_schema_are_dropped(endpoint):
    document = document_from_text(docs.RELEASE, name="release.txt")
    invented = dict(GOOD_EVENT, subject="Phantom Corp", evidence="Phantom Corp raised $9 billion from nobody")
    bad_role = dict(GOOD_EVENT, counterparties=[{"name": "X", "role": "cheerleader"}])
    spaced = dict(GOOD_EVENT, evidence="Existing   investors Fjord Partners and Ravnsborg Capital also participated.")
    endpoint.answers = [(200, endpoint.completion(json.dumps({"events": [invented, bad_role, spaced]})))]
    facts = extract_events(document, backend="llm", settings=_settings(endpoint.url))
    assert len(facts) == 1  # only the event whose evidence is really in the text (up to whitespace)
    assert document.text[facts[0].span[0]:facts[0].span[1]].startswith("Existing investors Fjord Partners")


def test_an_answer_that_is_not_json_is_a_remote_error(endpoint):
    document = document_from_text(docs.RELEASE, name="release.txt")
    endpoint.answers = [(200, endpoint.completion("Sure! Here are the events: funding round, Halvorsen Grid."))]
    with pytest.raises(RemoteError, match="not valid JSON"):
        extract_events(document, backend="llm", settings=_settings(endpoint.url))


def test_server_errors_are_retried_then_reported_as_retryable(endpoint):
    document = document_from_text(docs.RELEASE, name="release.txt")
    endpoint.answers = [(500, '{"error": "overloaded"}')]
    with pytest.raises(RemoteError) as info:
        extract_events(document, backend="llm", settings=_settings(endpoint.url))
    assert info.value.status == 500 and info.value.retryable
    assert len(endpoint.requests) == 3  # the first try and two retries


def test_a_transient_error_then_a_good_answer_succeeds(endpoint):
    document = document_from_text(docs.RELEASE, name="release.txt")
    endpoint.answers = [(503, "{}"), (200, endpoint.completion(json.dumps({"events": [GOOD_EVENT]})))]
    facts = extract_events(document, backend="llm", settings=_settings(endpoint.url + "/v1"))
    assert len(facts) == 1 and len(endpoint.requests) == 2


def test_without_an_endpoint_the_backend_is_a_configuration_error():
    with pytest.raises(ConfigError, match="llm_url"):
        extract_events(document_from_text("Text.", name="x.txt"), backend="llm", settings=Settings())
