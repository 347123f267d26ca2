"""How PostgreSQL spells the few SQL fragments the databases do not share."""

from ..base import Dialect

POSTGRES = Dialect(
    name="postgres",
    party_ids="ARRAY(SELECT p ->> 'entity_id' FROM jsonb_array_elements(coalesce(counterparties, '[]'::jsonb)) p)",
    resolution_order="seq",
    json_text="({column}::jsonb ->> '{key}')",
    lock="SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) l",
    # jsonb containment tests the stored document without unpacking it into an array first.
    has_party="counterparties @> jsonb_build_array(jsonb_build_object('entity_id', CAST(? AS text)))",
)
