"""Subsidiary phrases give the child and the parent as two names."""

from __future__ import annotations

from infraledger.resolve import find_subsidiaries, split_subsidiary

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
