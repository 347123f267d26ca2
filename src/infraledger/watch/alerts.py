"""Alerts: the new facts since the last look that match a watchlist, each recorded once.

The facts looked at are those recorded after the alert cursor (a ``feed_state`` row of the
pseudo-feed :data:`CURSOR`); an alert's id is a hash of the list's name and the fact's id, so
looking twice, or two processes looking at once, records it once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from ..errors import NotFoundError
from ..ledger.arrow_schema import ALERT_SCHEMA, FEED_STATE_SCHEMA, rows_to_table
from ..ledger.backends.base import in_list
from ..ledger.service import UNIQUE, utcnow
from . import lists as watchlists

#: The ``feed_state`` url under which the record time of the last fact looked at is kept.
CURSOR = "infraledger:alerts"


def alert_id(watchlist: str, fact_id: str) -> str:
    return "al:" + hashlib.sha256(f"{watchlist}\x00{fact_id}".encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Alert:
    id: str
    watchlist: str
    fact_id: str
    link: str | None
    recorded_at: datetime


def _cursor(ledger) -> datetime | None:
    rows = ledger.backend.query("SELECT cursor FROM feed_state WHERE url = ? ORDER BY recorded_at DESC LIMIT 1",
                                [CURSOR])
    return datetime.fromisoformat(rows[0][0]) if rows and rows[0][0] else None


def record_alerts(ledger, links: dict[str, str] | None = None) -> list[Alert]:
    """Record an alert for each (list, new fact) that matches; return the alerts added now.

    ``links`` maps a source id to the link of the feed item it came from (used when the source has
    no URL of its own, as a filing read from the cache).
    """
    links = links or {}
    lists = list(watchlists.load(ledger).values())
    # Before the first look, the facts recorded since the first list was made are new.
    since = _cursor(ledger) or ledger.backend.query("SELECT min(recorded_at) FROM watchlists")[0][0]
    if since is None:
        return []
    params: list = [since] if since else []
    rows = ledger.backend.query("SELECT DISTINCT source_id FROM facts" + (" WHERE recorded_at > ?" if since else ""),
                                params)
    newest = ledger.backend.query("SELECT max(recorded_at) FROM facts")[0][0]
    snap = ledger.snapshot()
    now = utcnow()
    found: dict[str, Alert] = {}
    for (source_id,) in sorted(rows):
        source = snap.source(source_id)
        for fact in snap.facts(source_id=source_id):
            if since and fact.recorded_at <= since:
                continue
            try:
                entity = snap.entity(fact.subject_id) if fact.subject_id else None
            except NotFoundError:
                entity = None
            for name in watchlists.matches(fact, source, entity, lists):
                aid = alert_id(name, fact.id)
                found[aid] = Alert(aid, name, fact.id, source.url or links.get(source_id) or None, now)
    known = {r[0] for r in ledger.backend.query(f"SELECT id FROM alerts WHERE {in_list('id')}", [list(found)])} \
        if found else set()
    new = [a for a in found.values() if a.id not in known]
    with ledger.backend.transaction():
        ledger.backend.insert("alerts", rows_to_table([(a.id, a.watchlist, a.fact_id, a.link, a.recorded_at)
                                                       for a in new], ALERT_SCHEMA), UNIQUE["alerts"])
        if newest is not None and newest != since:
            ledger.backend.insert("feed_state", rows_to_table([(CURSOR, None, None, newest.isoformat(), now)],
                                                              FEED_STATE_SCHEMA), UNIQUE["feed_state"])
    return new


def all_alerts(ledger, limit: int | None = None) -> list[Alert]:
    sql = "SELECT id, watchlist, fact_id, link, recorded_at FROM alerts ORDER BY recorded_at DESC, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [Alert(*r) for r in ledger.backend.query(sql)]
