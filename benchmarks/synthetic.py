"""A synthetic ledger of N facts with provenance, built column-wise for benchmarks.

Types, amounts, valid times, record times, subjects and counterparties are random but realistic in
shape (10,000 entities, 1,000 sources, every fact with an evidence span and a source).
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pyarrow as pa

from infraledger.ledger.arrow_schema import FACT_SCHEMA, SOURCE_SCHEMA
from infraledger.model import FactType

TYPES = [t.value for t in (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO, FactType.ACQUISITION,
                           FactType.COMMERCIAL_CONTRACT, FactType.TALENT_MOVE, FactType.CAPEX_BUDGET,
                           FactType.PRICE_OBSERVATION)]
STATUSES = ["announced", "pending", "completed", "terminated"]
ROLES = {"funding_round": "lead_investor", "strategic_investment": "investor", "ipo": "exchange",
         "acquisition": "acquirer", "commercial_contract": "customer", "talent_move": "hirer",
         "capex_budget": "partner", "price_observation": "exchange"}


def synthetic_tables(n: int, *, n_entities: int = 10_000, n_sources: int = 1_000, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    """``(sources, facts)`` Arrow tables with the store's schemas."""
    rng = np.random.default_rng(seed)
    epoch = np.datetime64("2023-01-01T00:00:00", "us")
    src_rec = epoch + rng.integers(0, 3 * 365 * 86400, n_sources).astype("timedelta64[s]")
    sources = pa.table({
        "id": pa.array([f"src:syn{i:06d}" for i in range(n_sources)]),
        "kind": pa.array(["press_release"] * n_sources), "title": pa.array([f"Synthetic release {i}" for i in range(n_sources)]),
        "publisher": pa.nulls(n_sources, pa.string()), "url": pa.array([f"https://example.com/r/{i}" for i in range(n_sources)]),
        "published": pa.nulls(n_sources, pa.date32()), "retrieved": pa.nulls(n_sources, pa.date32()),
        "content_hash": pa.nulls(n_sources, pa.string()), "form_type": pa.nulls(n_sources, pa.string()),
        "accession": pa.nulls(n_sources, pa.string()), "filer_cik": pa.nulls(n_sources, pa.int64()),
        "recorded_at": pa.array(src_rec.astype("datetime64[us]"), pa.timestamp("us")),
    }, schema=SOURCE_SCHEMA)

    type_idx = rng.integers(0, len(TYPES), n)
    types = np.array(TYPES)[type_idx]
    subj = rng.integers(0, n_entities, n)
    other = (subj + rng.integers(1, n_entities, n)) % n_entities
    src = rng.integers(0, n_sources, n)
    names = np.array([f"Company {i}" for i in range(n_entities)], dtype=object)
    ids = np.array([f"n:company-{i}" for i in range(n_entities)], dtype=object)
    start = np.datetime64("2020-01-01") + rng.integers(0, 6 * 365, n).astype("timedelta64[D]")
    width = rng.choice([0, 30, 90, 365], n).astype("timedelta64[D]")
    amounts = np.round(rng.lognormal(18, 2, n), 2)
    has_amount = rng.random(n) < 0.8
    status = np.array(STATUSES, dtype=object)[rng.integers(0, 4, n)]
    status[type_idx >= 6] = None
    roles = np.array([ROLES[t] for t in TYPES], dtype=object)[type_idx]

    party = pa.StructArray.from_arrays([pa.array(names[other]), pa.array(roles), pa.array(ids[other])],
                                       fields=list(FACT_SCHEMA.field("counterparties").type.value_type))
    counterparties = pa.ListArray.from_arrays(pa.array(np.arange(n + 1, dtype=np.int32)), party)
    dec = FACT_SCHEMA.field("amount").type
    amount = pa.array(np.where(has_amount, amounts, np.nan), pa.float64(), from_pandas=True).cast(dec)
    null_s = pa.nulls(n, pa.string())
    columns = {
        "id": pa.array(np.char.add("f:syn", np.arange(n).astype(str)).astype(object)),
        "type": pa.array(types.astype(object)), "subject": pa.array(names[subj]), "subject_id": pa.array(ids[subj]),
        "counterparties": counterparties, "people": pa.nulls(n, pa.list_(pa.string())),
        "amount": amount, "amount_high": pa.nulls(n, dec), "currency": pa.array(np.where(has_amount, "USD", None)),
        "amount_qualifier": pa.array(np.where(has_amount, "exact", None)), "amount_text": null_s,
        "valuation": pa.nulls(n, dec), "valuation_high": pa.nulls(n, dec), "valuation_currency": null_s,
        "valuation_qualifier": null_s, "valuation_text": null_s,
        "valid_start": pa.array(start, pa.date32()), "valid_end": pa.array(start + width, pa.date32()),
        "valid_precision": pa.array(np.where(width == np.timedelta64(0, "D"), "day", "range").astype(object)),
        "valid_text": null_s, "status": pa.array(status), "cited_source": null_s,
        "evidence": pa.array(np.char.add("Synthetic evidence sentence ", (np.arange(n) % 997).astype(str)).astype(object)),
        "span_start": pa.array(rng.integers(0, 5000, n).astype(np.int32)),
        "span_end": pa.array(rng.integers(5000, 6000, n).astype(np.int32)),
        "attributes": null_s, "confidence": pa.array(np.ones(n)),
        "source_id": sources.column("id").take(pa.array(src)),
        "event_key": pa.array(np.char.add("ev:syn", (np.arange(n) // 3).astype(str)).astype(object)),
        "recorded_at": pa.array(src_rec[src].astype("datetime64[us]"), pa.timestamp("us")),
        "supersedes": null_s,
    }
    return sources, pa.table(columns, schema=FACT_SCHEMA)


def entity_rows(n_entities: int = 10_000) -> list:
    from infraledger.model import Entity
    return [Entity(id=f"n:company-{i}", name=f"Company {i}") for i in range(n_entities)]


def load_entities(store, entities: list, recorded_at: datetime) -> None:
    """Write entity rows straight to a ledger's backend (benchmark set-up: no resolution needed)."""
    from infraledger.ledger.arrow_schema import ENTITY_SCHEMA, rows_to_table
    from infraledger.ledger.rows import entity_row

    with store.backend.transaction():
        store.backend.insert("entities", rows_to_table([entity_row(e, recorded_at) for e in entities], ENTITY_SCHEMA))


AS_OF = datetime(2025, 6, 30)
