"""Relations stated in passing get the care events get: both parties named, stated as fact."""

from __future__ import annotations

from infraledger.extract import extract_events
from infraledger.model.events import FactType
from infraledger.sources.document import document_from_text
from infraledger.sources.edgar.registry import read_path


def _relations(text: str) -> set[tuple[str, str, str]]:
    return {(f.type.value, f.subject, f.counterparties[0].name)
            for f in extract_events(document_from_text(text, name="r.txt"))
            if f.type in (FactType.SUBSIDIARY_OF, FactType.BACKED_BY)}


def test_a_relation_between_two_named_companies_is_recorded():
    assert _relations("Orla Holdings subsidiary Brisa Labs opened a plant in Leeds.") == {
        ("subsidiary_of", "Brisa Labs", "Orla Holdings")}


def test_a_relation_through_the_company_or_in_a_conditional_is_not():
    text = ("Quorvane Systems makes switches. Risks include matters relating to products sold by the Company's "
            "subsidiary Brisa Labs. If the merger closes, Kestrel Grid subsidiary Orlan Data could be sold.")
    assert _relations(text) == set()


def test_the_real_3m_8k_states_no_subsidiary_of_its_risk_paragraph(shared):
    # "... sold or manufactured by the Company's subsidiary Aearo Technologies ..." in the risk factors
    path = shared / "data" / "sec" / "8-k" / "0000066740-24-000023_8-K_3M-Co.txt"
    facts = [f for c in read_path(path, max_bytes=50_000_000).contributions for f in c.facts]
    assert not [f for f in facts if f.type is FactType.SUBSIDIARY_OF and f.subject.startswith("Aearo")]
