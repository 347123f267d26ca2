"""Deliver alerts: to the terminal, a JSON-lines file, a webhook, e-mail. At least once, recorded.

Every attempt is a row of ``deliveries``; an alert is pending on a channel until a row says it was
delivered there, so an alert recorded before a crash and not yet delivered is delivered after the
restart. An acknowledged alert (a ``delivered`` row of channel :data:`ACK`) is never delivered again.
A webhook gets the alert as JSON, signed with HMAC-SHA256 of the body (``X-Infraledger-Signature:
sha256=<hex>``) and the alert id as ``Idempotency-Key``, so a receiver can drop a repeat.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import ssl
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import IO

import requests

from ..errors import InputError, NotFoundError
from ..ledger.arrow_schema import DELIVERY_SCHEMA, rows_to_table
from ..ledger.service import UNIQUE, utcnow
from .alerts import Alert

ACK = "ack"
SIGNATURE_HEADER = "X-Infraledger-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def payload(ledger, alert: Alert) -> dict:
    """What is delivered: the alert, its fact, its source and its link."""
    snap = ledger.snapshot()
    out = {"id": alert.id, "watchlist": alert.watchlist, "fact_id": alert.fact_id, "link": alert.link,
           "recorded_at": alert.recorded_at.isoformat()}
    try:
        fact = snap.fact(alert.fact_id)
    except NotFoundError:
        return out
    source = snap.source(fact.source_id)
    out.update({"type": str(getattr(fact.type, "value", fact.type)), "subject": fact.subject,
                "subject_id": fact.subject_id, "amount": None if fact.amount is None else str(fact.amount.amount),
                "currency": None if fact.amount is None else fact.amount.currency, "evidence": fact.evidence, "source_id": fact.source_id,
                "source_title": source.title, "form_type": source.form_type,
                "published": source.published.isoformat() if source.published else None})
    return out


def plain(text) -> str:
    """Text from a source made safe for a terminal: control characters and escapes removed."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text or ""))


class Terminal:
    name = "terminal"

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream

    def send(self, item: dict) -> str:
        amount = f" {item.get('currency') or ''} {item['amount']}" if item.get("amount") else ""
        line = (f"[{plain(item['watchlist'])}] {plain(item.get('type', 'fact'))}: {plain(item.get('subject', ''))}"
                f"{plain(amount)} - {plain(item.get('evidence', ''))[:200]} {plain(item.get('link') or '')}")
        stream = self.stream or sys.stdout
        stream.write(line.rstrip() + "\n")
        stream.flush()
        return "printed"


class JsonLines:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = f"jsonl:{self.path}"

    def send(self, item: dict) -> str:
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(item, sort_keys=True) + "\n")
            out.flush()
            os.fsync(out.fileno())
        return "appended"


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class Webhook:
    def __init__(self, url: str, secret: str, *, retries: int = 4, backoff: float = 0.5, timeout: float = 10.0) -> None:
        if not url.startswith(("http://", "https://")):
            raise InputError(f"a webhook is an http(s) URL, got {url!r}")
        if not secret:
            raise InputError("a webhook needs a secret (--webhook-secret) to sign its bodies")
        self.url, self.secret, self.retries, self.backoff, self.timeout = url, secret, retries, backoff, timeout
        self.name = f"webhook:{url}"
        self.session = requests.Session()

    def send(self, item: dict) -> str:
        body = json.dumps(item, sort_keys=True).encode()
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(self.secret, body),
                   IDEMPOTENCY_HEADER: item["id"]}
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(30.0, self.backoff * 2 ** (attempt - 1)))
            try:
                r = self.session.post(self.url, data=body, headers=headers, timeout=self.timeout)
            except requests.exceptions.RequestException as exc:
                last = f"{type(exc).__name__}"
                continue
            if 200 <= r.status_code < 300:
                return f"HTTP {r.status_code} after {attempt + 1} attempts"
            last = f"HTTP {r.status_code}"
            if r.status_code < 500 and r.status_code not in (408, 429):
                break
        raise DeliveryError(f"{self.url}: {last}")


@dataclass
class SmtpConfig:
    host: str
    port: int = 587
    user: str = ""
    password: str = ""
    starttls: bool = True
    sender: str = ""
    cafile: str | None = None  # certificates to trust besides the system's (a private relay)

    @classmethod
    def from_settings(cls, settings) -> SmtpConfig:
        if not settings.smtp_host:
            raise InputError("e-mail alerts need the smtp_host setting (INFRALEDGER_SMTP_HOST)")
        return cls(settings.smtp_host, settings.smtp_port, settings.smtp_user, settings.smtp_password,
                   settings.smtp_starttls, settings.smtp_from or settings.smtp_user or "infraledger@localhost")


class Email:
    def __init__(self, config: SmtpConfig, to: Sequence[str], *, timeout: float = 30.0) -> None:
        self.config, self.to, self.timeout = config, list(to), timeout
        self.name = "email:" + ",".join(self.to)

    def send(self, item: dict) -> str:
        msg = EmailMessage()
        msg["From"], msg["To"] = self.config.sender, ", ".join(self.to)
        msg["Subject"] = plain(f"[{item['watchlist']}] {item.get('type', 'fact')}: {item.get('subject', '')}")[:200]
        msg["X-Infraledger-Alert"] = item["id"]
        msg.set_content(json.dumps(item, indent=2, sort_keys=True))
        with smtplib.SMTP(self.config.host, self.config.port, timeout=self.timeout) as smtp:
            if self.config.starttls:
                smtp.starttls(context=ssl.create_default_context(cafile=self.config.cafile))
            if self.config.user:
                smtp.login(self.config.user, self.config.password)
            smtp.send_message(msg)
        return "sent"


class DeliveryError(Exception):
    pass


def pending(ledger, channel: str) -> list[Alert]:
    """Alerts not delivered on ``channel`` and not acknowledged, oldest first."""
    rows = ledger.backend.query(
        "SELECT id, watchlist, fact_id, link, recorded_at FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM deliveries d "
        "WHERE d.alert_id = a.id AND d.status = 'delivered' AND d.channel IN (?, ?)) ORDER BY recorded_at, id",
        [channel, ACK])
    return [Alert(*r) for r in rows]


def record(ledger, alert_id: str, channel: str, status: str, detail: str) -> None:
    with ledger.backend.transaction():
        ledger.backend.insert("deliveries", rows_to_table([(alert_id, channel, status, detail[:500], utcnow())],
                                                          DELIVERY_SCHEMA), UNIQUE["deliveries"])


def acknowledge(ledger, alert_id: str) -> None:
    if not ledger.backend.query("SELECT 1 FROM alerts WHERE id = ?", [alert_id]):
        raise NotFoundError(f"no alert {alert_id!r}")
    record(ledger, alert_id, ACK, "delivered", "acknowledged")


def prepare(ledger, channels: Sequence) -> list[tuple]:
    """``(channel, alert, payload)`` of every pending alert on every channel, read while the ledger is open."""
    return [(channel, alert, payload(ledger, alert)) for channel in channels for alert in pending(ledger, channel.name)]


def send(work: list[tuple]) -> list[tuple[str, str, str, str]]:
    """Send each prepared alert (no ledger open meanwhile); ``(alert id, channel, status, detail)`` of each."""
    outcomes = []
    for channel, alert, item in work:
        try:
            outcomes.append((alert.id, channel.name, "delivered", channel.send(item)))
        except Exception as exc:  # a channel's failure is recorded and retried next run
            outcomes.append((alert.id, channel.name, "failed", f"{type(exc).__name__}: {exc}"))
    return outcomes


def record_outcomes(ledger, outcomes: list[tuple[str, str, str, str]]) -> dict[str, int]:
    now = utcnow()
    rows = [(aid, channel, status, detail[:500], now) for aid, channel, status, detail in outcomes]
    with ledger.backend.transaction():
        ledger.backend.insert("deliveries", rows_to_table(rows, DELIVERY_SCHEMA), UNIQUE["deliveries"])
    return {"delivered": sum(o[2] == "delivered" for o in outcomes), "failed": sum(o[2] == "failed" for o in outcomes)}


def deliver_pending(ledger, channels: Sequence) -> dict[str, int]:
    """Deliver every pending alert on every channel with ``ledger`` open; ``{"delivered": n, "failed": m}``."""
    return record_outcomes(ledger, send(prepare(ledger, channels)))
