"""The optional ``llm`` backend: deal events from an OpenAI-compatible chat-completions endpoint.

The endpoint is the user's (settings ``llm_url``, ``llm_model``, ``llm_api_key``, ``llm_timeout``).
The model is asked for JSON only; every event it returns is validated with pydantic against the
event schema, and kept only if its ``evidence`` is a passage of the document (found verbatim, or
up to whitespace and quote style), which also gives the fact its span. Invalid events are
dropped one by one; an answer that is not JSON at all, or an HTTP failure, is a
:class:`~infraledger.errors.RemoteError`. Long documents are sent in paragraph-aligned chunks.
"""

from __future__ import annotations

import json
import re
from typing import Literal

import requests
from pydantic import BaseModel, ValidationError, field_validator
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..errors import ConfigError, InputError, RemoteError
from ..model.events import FactType, Participant, Role, Status
from ..model.facts import CandidateFact
from ..model.fuzzytime import FuzzyTime, parse_label, parse_time
from ..model.money import Money, find_money

CHUNK_CHARS = 12_000

SYSTEM_PROMPT = """You extract deal events from one document. Answer with JSON only, of the form
{"events": [EVENT, ...]}. EVENT fields:
- "type": one of funding_round, strategic_investment, ipo, acquisition, commercial_contract, talent_move
- "subject": the company the event is about (the one raising; the investee; the IPO issuer; the acquisition
  target; the supplier in a contract; the company losing people in a talent move)
- "counterparties": list of {"name", "role"}, role one of lead_investor, investor, acquirer, customer, partner,
  hirer, exchange, underwriter
- "people": named persons, for talent moves
- "amount": the amount exactly as the text writes it (e.g. "$1.5 billion", "more than €600m") or null
- "valuation": the valuation as written, or null
- "date": when it happened, as written in the text (e.g. "March 2025", "September 17, 2025") or null
- "status": announced, pending, completed or terminated
- "cited_source": the citation the text gives for it, or null
- "evidence": the sentence or clause that states it, copied exactly from the document
Report each real-world deal once. Rumours, talks, hypotheticals, forecasts, buybacks, earnings, product launches
and IPO filings are not events."""


class _Party(BaseModel):
    name: str
    role: Literal["lead_investor", "investor", "acquirer", "customer", "partner", "hirer", "exchange", "underwriter"]


class _Event(BaseModel):
    type: Literal["funding_round", "strategic_investment", "ipo", "acquisition", "commercial_contract",
                  "talent_move"]
    subject: str
    counterparties: list[_Party] = []
    people: list[str] = []
    amount: str | float | int | None = None
    valuation: str | float | int | None = None
    date: str | None = None
    status: Literal["announced", "pending", "completed", "terminated"] | None = None
    cited_source: str | None = None
    evidence: str

    @field_validator("subject", "evidence")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


def _endpoint(url: str) -> str:
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def _session(retries: int) -> requests.Session:
    session = requests.Session()
    # POST is retried too: asking for a completion again is harmless.
    retry = Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=0.5,
                  status_forcelist=(429, 500, 502, 503, 504), allowed_methods=None, raise_on_status=False,
                  respect_retry_after_header=True)
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    return session


def _chunks(text: str) -> list[tuple[int, str]]:
    """``(offset, chunk)`` pieces of at most about CHUNK_CHARS, cut at paragraph breaks."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        out.append((start, text[start:end]))
        start = end
    return out


def ask(session: requests.Session, url: str, model: str, key: str, timeout: float, text: str) -> str:
    """One chat completion; returns the answer's message content. Raises :class:`RemoteError`."""
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    body = {"model": model, "temperature": 0, "response_format": {"type": "json_object"},
            "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": text}]}
    try:
        resp = session.post(url, json=body, headers=headers, timeout=timeout)
    except requests.RequestException as exc:
        raise RemoteError(f"LLM endpoint {url} did not answer: {exc.__class__.__name__}", retryable=True) from None
    if resp.status_code >= 400:
        raise RemoteError(f"LLM endpoint {url} answered HTTP {resp.status_code}", status=resp.status_code,
                          retryable=resp.status_code in (429, 500, 502, 503, 504))
    try:
        return resp.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise RemoteError(f"LLM endpoint {url} answered something that is not a chat completion") from None


def parse_answer(content: str) -> list[_Event]:
    """Events of one answer; events that fail the schema are dropped. Raises :class:`RemoteError`
    when the answer is not a JSON object with an ``events`` list."""
    text = re.sub(r"^\s*```(?:json)?\s*|\s*```\s*$", "", content or "")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise RemoteError("the LLM answer is not valid JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise RemoteError("the LLM answer has no 'events' list")
    events = []
    for item in data["events"]:
        try:
            events.append(_Event.model_validate(item))
        except ValidationError:
            continue
    return events


def find_evidence(text: str, evidence: str) -> tuple[int, int] | None:
    """Span of ``evidence`` in ``text``: verbatim, else ignoring whitespace and quote style."""
    at = text.find(evidence)
    if at >= 0:
        return at, at + len(evidence)
    quotes = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    words = evidence.translate(quotes).split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w).replace("'", "['’‘]").replace('"', '["“”]') for w in words)
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def _money(value) -> Money | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            return Money(amount=value) if value > 0 else None
        except InputError:
            return None
    found = find_money(value)
    return found[0][2] if found else None


def _time(value: str | None, anchor) -> FuzzyTime | None:
    if not value:
        return None
    for read in (lambda: parse_label(value), lambda: parse_time(value, anchor)):
        try:
            return read()
        except InputError:
            continue
    return None


def to_fact(event: _Event, document, span: tuple[int, int]) -> CandidateFact:
    """A validated event as a :class:`CandidateFact` with its evidence span in ``document.text``."""
    return CandidateFact(
        type=FactType(event.type), subject=event.subject.strip(),
        counterparties=tuple(Participant(p.name.strip(), Role(p.role)) for p in event.counterparties
                             if p.name.strip()),
        people=tuple(p.strip() for p in event.people if p.strip()), amount=_money(event.amount),
        valuation=_money(event.valuation), time=_time(event.date, document.anchor),
        status=Status(event.status) if event.status else None, cited_source=event.cited_source or "",
        evidence=document.text[span[0]:span[1]], span=span, attributes={"backend": "llm"},
    )


def extract(document, settings=None, *, retries: int = 2) -> list[CandidateFact]:
    """Deal events of ``document`` from the configured endpoint (see module docstring).

    Raises :class:`ConfigError` when no endpoint or model is configured and
    :class:`RemoteError` when the endpoint fails or does not answer in JSON.
    """
    if settings is None:
        from ..config import load_settings
        settings = load_settings()
    if not settings.llm_url or not settings.llm_model:
        raise ConfigError("the llm backend needs the llm_url and llm_model settings")
    url = _endpoint(settings.llm_url)
    facts: list[CandidateFact] = []
    seen: set[tuple] = set()
    with _session(retries) as session:
        for offset, chunk in _chunks(document.text):
            content = ask(session, url, settings.llm_model, settings.llm_api_key, settings.llm_timeout, chunk)
            for event in parse_answer(content):
                span = find_evidence(chunk, event.evidence)
                if span is None:
                    continue  # evidence not in the document: the event is not trusted
                span = (span[0] + offset, span[1] + offset)
                key = (event.type, event.subject.lower(), span)
                if key not in seen:
                    seen.add(key)
                    facts.append(to_fact(event, document, span))
    return facts
