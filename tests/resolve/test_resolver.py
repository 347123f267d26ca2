"""The resolver over the sample's entities and the real SEC directory: what merges, what stays apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from infraledger.model import Entity, EntityKind
from infraledger.resolve import DirectoryEntry, Resolver, SecDirectory


def test_brand_legal_and_filing_forms_reach_one_entity(sample_entities, directory):
    r = Resolver(sample_entities, directory=directory)
    alphabet = r.resolve("Alphabet").entity
    assert r.resolve("Google").entity == alphabet            # alias from the entity data
    assert r.resolve("Alphabet Inc.").entity == alphabet
    assert r.resolve("$GOOGL").entity == alphabet            # ticker
    nvidia = r.resolve("Nvidia").entity
    assert r.resolve("NVIDIA CORP/DE").entity == nvidia      # EDGAR conformed name with state suffix
    assert r.resolve("CIK 0001045810").entity == nvidia
    assert r.resolve("Meta").entity == r.resolve("Meta Platforms, Inc.").entity


def test_fuzzy_matches_carry_method_score_and_reason(sample_entities, directory):
    r = Resolver(sample_entities, directory=directory)
    res = r.resolve("Core Weave Inc")
    assert (res.entity.name, res.method, res.created) == ("CoreWeave", "fuzzy", False)
    assert res.score >= 90 and res.reason
    assert r.resolve("DriveNet").entity.name == "DriveNets"   # one letter short in a long word


def test_unknown_registrants_get_their_cik_and_tickers_from_the_directory(sample_entities, directory):
    r = Resolver(sample_entities, directory=directory)
    res = r.resolve("Apple Inc")
    assert res.created and res.method == "sec_name"
    assert (res.entity.id, res.entity.tickers) == ("cik:320193", ("AAPL",))
    assert r.resolve("APPLE INC").entity.id == "cik:320193"   # now known: no second entity


def test_generic_and_short_names_do_not_merge(sample_entities, directory):
    r = Resolver(sample_entities, directory=directory)
    for name in ("Networks", "Systems", "Cloud", "AI"):
        res = r.resolve(name)
        assert res.created and res.method == "new", name
    assert r.resolve("Palo").created  # part of a name is not the company


def test_parent_and_subsidiary_stay_separate_entities(sample_entities, directory):
    r = Resolver([e for e in sample_entities if e.name != "1Finity"], directory=directory)
    res = r.resolve("Fujitsu subsidiary 1Finity")
    fujitsu = r.resolve("Fujitsu").entity
    assert res.created and res.method == "subsidiary"
    assert res.entity.name == "1Finity" and res.entity.parent_id == fujitsu.id
    assert r.resolve("1Finity").entity == res.entity
    assert r.resolve("Fujitsu Limited").entity == fujitsu != res.entity


def test_a_subsidiary_of_an_unknown_parent_points_at_the_parents_future_id():
    r = Resolver()
    child = r.resolve("Orbit Labs, a unit of Stellar Corp").entity
    assert child.name == "Orbit Labs"
    assert child.parent_id == r.resolve("Stellar Corp").entity.id


def test_people_are_never_matched_to_companies_by_fuzzy_means(sample_entities):
    r = Resolver([Entity.new("Rochan Sankar Ventures")])
    assert r.resolve("Rochan Sankar Ventures Fund").entity.name == "Rochan Sankar Ventures"  # company: fuzzy
    person = r.resolve("Rochan Sankar", kind=EntityKind.PERSON)
    assert person.created and person.entity.kind is EntityKind.PERSON


def test_two_equally_good_candidates_leave_the_name_unmerged():
    r = Resolver([Entity.new("Vertex Cloud Systems"), Entity.new("Vertex Cloud Networks")])
    res = r.resolve("Vertex Cloud")
    assert res.created and res.method == "new"


def test_undo_decisions_stop_a_mapping_on_every_path(sample_entities, directory):
    alphabet = next(e for e in sample_entities if e.name == "Alphabet")
    coreweave = next(e for e in sample_entities if e.name == "CoreWeave")
    undos = [{"name": "Google", "entity_id": alphabet.id, "method": "alias", "action": "undo"},
             {"name": "Core Weave Inc", "entity_id": coreweave.id, "method": "fuzzy", "action": "undo"}]
    r = Resolver(sample_entities, directory=directory, decisions=undos)
    assert r.resolve("Google").entity != alphabet
    assert r.resolve("Alphabet Inc.").entity == alphabet       # other names are untouched
    assert r.resolve("Core Weave Inc").entity != coreweave
    assert r.resolve("CoreWeave, Inc.").entity == coreweave


def test_a_manual_merge_maps_a_name_and_a_later_undo_removes_it(sample_entities):
    oracle = next(e for e in sample_entities if e.name == "Oracle")
    merge = {"name": "Big Red", "entity_id": oracle.id, "method": "manual", "action": "merge"}
    r = Resolver(sample_entities, decisions=[merge])
    assert (r.resolve("Big Red").entity, r.resolve("Big Red").method) == (oracle, "manual")
    r2 = Resolver(sample_entities, decisions=[merge, {**merge, "action": "undo"}])
    assert r2.resolve("Big Red").entity != oracle


def test_a_fuzzy_match_gives_way_to_an_exact_sec_title_of_another_registrant():
    known = Entity.new("Vertex Cloud Networks", cik=1)
    directory = SecDirectory.from_entries([DirectoryEntry(1, "VERTEX CLOUD NETWORKS INC"),
                                           DirectoryEntry(2, "Vertex Cloud, Inc.", ["VXC"])])
    assert Resolver([known]).resolve("Vertex Cloud").entity == known  # without the directory: fuzzy
    res = Resolver([known], directory=directory).resolve("Vertex Cloud")
    assert (res.entity.id, res.method, res.entity.tickers) == ("cik:2", "sec_name", ("VXC",))


def test_trusts_and_funds_keep_their_word_trust():
    from infraledger.resolve.names import match_key

    assert match_key("Franklin Templeton Holdings Trust") != match_key("Franklin Templeton")


def test_tickers_written_with_an_exchange_resolve_without_the_directory(sample_entities):
    r = Resolver(sample_entities)
    assert r.resolve("NASDAQ: NVDA").entity.name == "Nvidia"
    assert r.resolve("$msft").entity.name == "Microsoft"
    assert r.resolve("Zs").created  # a lower-case word is not a ticker


_names = st.text(alphabet=st.sampled_from("AaBbCcOoRrSsTt &.,-'/"), min_size=1, max_size=25)


@given(st.lists(_names, min_size=1, max_size=8))
def test_resolving_again_gives_the_same_entity_and_creates_nothing(names):
    r = Resolver([Entity.new("Cobra Star"), Entity.new("Rats & Cats Corp")])
    first = [r.resolve(n) for n in names if n.strip()]
    again = [r.resolve(n.strip()) for n in names if n.strip()]
    assert [a.entity.id for a in first] == [b.entity.id for b in again]
    assert not any(b.created for b in again)
