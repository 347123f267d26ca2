"""IPO divergence: a cohort of IPOs ranked by performance, beside what may explain it.

For each IPO of the cohort: its performance (return since IPO, else a stated price change), its
capex backing (named hyperscaler/AI-lab contracts), profitability where a fact states it, and the
crowdedness of its layer (companies known in the layer and competitors named by facts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..ledger.store import Snapshot
from .backing import BackingScore, capex_backing_many
from .figures import Figure
from .frame import frame
from .ipo import IpoScore, IpoScorecard, ipo_scorecard


@dataclass(frozen=True)
class DivergenceRow:
    score: IpoScore
    performance: Figure            # the figure the ranking uses (may be unsupported)
    backing: BackingScore
    profitability: str            # "profitable", "loss-making" or "unknown"
    profitability_fact_ids: tuple[str, ...]
    layer: str
    layer_companies: int
    competitors: tuple[str, ...]
    competitor_fact_ids: tuple[str, ...]


@dataclass(frozen=True)
class Divergence:
    as_of: date | None
    rows: tuple[DivergenceRow, ...]   # best performer first; unranked (no figures) last


def _performance(s: IpoScore) -> Figure:
    for fig in (s.return_since_ipo, s.return_since_first_close):
        if fig.supported:
            return fig
    if s.stated_changes:
        return s.stated_changes[0].figure
    return s.return_since_ipo


def ipo_divergence(snapshot: Snapshot, *, as_of: date | str | None = None, year: int | None = None,
                   limit: int | None = 12, card: IpoScorecard | None = None) -> Divergence:
    """Rank the IPO cohort (``year``: IPOs of that year; ``limit``: the largest N) as of ``as_of``.

    ``card`` reuses a scorecard already computed for the same snapshot and date.
    """
    fr = frame(snapshot, as_of)
    card = card or ipo_scorecard(snapshot, as_of=as_of, year=year, limit=limit)
    ids = [s.entity_id for s in card.ipos]
    backing = capex_backing_many(snapshot, ids, as_of=as_of)
    # one query per explanation for the whole cohort, not one per IPO
    profits: dict[str, tuple] = {}
    for eid, fid, flag, income in fr.rows(
            "SELECT subject_id, id, json_extract_string(attributes, '$.profitable'), "
            "json_extract_string(attributes, '$.net_income') FROM facts WHERE subject_id IN (SELECT unnest(?)) AND "
            "attributes IS NOT NULL AND (json_extract_string(attributes, '$.profitable') IS NOT NULL OR "
            "json_extract_string(attributes, '$.net_income') IS NOT NULL) "
            "ORDER BY valid_start NULLS FIRST, recorded_at", [ids]):
        profits[eid] = (fid, flag, income)  # the latest statement wins
    layer_sizes = dict(fr.rows("SELECT layer, count(*) FROM (SELECT unnest(layers) AS layer FROM entity_layers "
                               "WHERE kind = 'company') GROUP BY layer"))
    competitors: dict[str, list[tuple]] = {}
    for eid, fid, cid, cname in fr.rows(
            "SELECT subject_id, id, cp.entity_id, cp.name FROM (SELECT id, subject_id, unnest(counterparties) AS cp "
            "FROM facts WHERE type = 'competes_with' AND subject_id IN (SELECT unnest(?))) ORDER BY cp.name", [ids]):
        competitors.setdefault(eid, []).append((fid, cid, cname))
    rows = []
    for s in card.ipos:
        profitability, pids = "unknown", ()
        if s.entity_id in profits:
            fid, flag, income = profits[s.entity_id]
            positive = flag in ("true", "1", "yes") if flag is not None else not str(income).strip().startswith("-")
            profitability, pids = ("profitable" if positive else "loss-making"), (fid,)
        layers = fr.layers(s.entity_id)
        layer = layers[0].value if layers else "unknown"
        comp = competitors.get(s.entity_id, [])
        rows.append(DivergenceRow(s, _performance(s), backing[s.entity_id], profitability, pids, layer,
                                  layer_sizes.get(layer, 0), tuple(dict.fromkeys(fr.name(c[1], c[2]) for c in comp)),
                                  tuple(c[0] for c in comp)))
    rows.sort(key=lambda r: (r.performance.midpoint is None, -(r.performance.midpoint or 0), r.score.name))
    return Divergence(fr.as_of, tuple(rows))
