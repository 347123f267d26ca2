"""Subsidiary phrases give the child and the parent as two names."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from infraledger.resolve import find_subsidiaries, split_subsidiary, subsidiary_facts
from shared_data import needs_shared

from .conftest import SHARED


def test_parent_first_and_child_first_phrasings():
    assert split_subsidiary("Fujitsu subsidiary 1Finity") == ("1Finity", "Fujitsu")
    assert split_subsidiary("Fujitsu's subsidiary 1Finity") == ("1Finity", "Fujitsu")
    assert split_subsidiary("Acme Networks, a subsidiary of Big Holdings Inc.") == ("Acme Networks", "Big Holdings Inc")
    assert split_subsidiary("Zeta Cloud (a wholly owned subsidiary of Omega Group)") == ("Zeta Cloud", "Omega Group")
    assert split_subsidiary("Orbit Labs, a unit of Stellar Corp") == ("Orbit Labs", "Stellar Corp")


def test_plain_names_are_not_subsidiary_phrases():
    for name in ("Google Cloud", "Palo Alto Networks", "Subsidiary Holdings Inc", "1Finity"):
        assert split_subsidiary(name) is None


@needs_shared("seed", "ai-infrastructure-boom-2026.txt")
def test_the_reference_article_names_a_subsidiary_with_its_parent():
    text = (SHARED / "seed" / "ai-infrastructure-boom-2026.txt").read_text(encoding="utf-8")
    found = find_subsidiaries(text)
    assert [(s.child, s.parent) for s in found] == [("1Finity", "Fujitsu")]
    start, end = found[0].span
    assert text[start:end] == "Fujitsu subsidiary 1Finity"


def test_phrases_in_running_text_are_found_in_order():
    text = ("Separately, Orbit Labs, a unit of Stellar Corp, signed a contract. Later, Northwind's "
            "subsidiary Tailspin Air raised money.")
    assert [(s.child, s.parent) for s in find_subsidiaries(text)] == [("Orbit Labs", "Stellar Corp"),
                                                                       ("Tailspin Air", "Northwind")]


@needs_shared("seed", "ai-infrastructure-boom-2026.txt")
def test_relation_facts_land_in_the_ledger_with_the_child_as_its_own_entity(make_ledger):
    from infraledger.model import Entity, FactType, Source, SourceKind

    text = (SHARED / "seed" / "ai-infrastructure-boom-2026.txt").read_text(encoding="utf-8")
    facts = subsidiary_facts(text)
    assert [(f.subject, f.counterparties[0].name, f.counterparties[0].role.value) for f in facts] == [
        ("1Finity", "Fujitsu", "related")]
    assert text[facts[0].span[0]:facts[0].span[1]] == facts[0].evidence
    store = make_ledger()
    store.append(Source.new(SourceKind.ARTICLE, content=text), facts, [Entity.new("Fujitsu", aliases=("Fujitsu Limited",))])
    snap = store.snapshot()
    relation = snap.facts(types=[FactType.SUBSIDIARY_OF])[0]
    assert relation.subject_id == snap.entity("1Finity").id != snap.entity("Fujitsu").id
    assert relation.counterparties[0].entity_id == snap.entity("Fujitsu Limited").id


_word = st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True).filter(
    lambda w: w not in {"The", "And", "But", "Its", "Also", "Both", "Their"})
_company = st.lists(_word, min_size=1, max_size=3).map(" ".join)


@given(_company, _company)
def test_any_two_capitalised_names_are_split_in_both_phrasings(parent, child):
    assume(parent != child)
    assert split_subsidiary(f"{parent} subsidiary {child}") == (child, parent)
    assert split_subsidiary(f"{child}, a subsidiary of {parent}") == (child, parent)
    assert split_subsidiary(f"{child} (a wholly owned subsidiary of {parent})") == (child, parent)
