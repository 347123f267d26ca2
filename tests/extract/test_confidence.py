"""The confidence score of extracted facts: its features, its range, and the model file it reads."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from infraledger.errors import InputError
from infraledger.extract.confidence import (
    FEATURES,
    MODEL_PATH,
    Model,
    default_model,
    features,
    read_model,
    score,
    well_formed_name,
)
from infraledger.model.events import FactType, Participant, Role, Status
from infraledger.model.facts import CandidateFact
from infraledger.model.fuzzytime import FuzzyTime
from infraledger.model.money import Money, Qualifier

FULL = CandidateFact(
    type=FactType.FUNDING_ROUND,
    subject="Quillmoor Robotics",
    counterparties=(Participant(name="Tarnbridge Ventures", role=Role.LEAD_INVESTOR),),
    amount=Money(amount=Decimal(40000000), currency="USD", qualifier=Qualifier.EXACT, text="$40 million"),
    time=FuzzyTime.day(date(2026, 3, 4)),
    status=Status.COMPLETED,
    evidence="Quillmoor Robotics raised $40 million in a Series B round led by Tarnbridge Ventures on March 4.",
    attributes={"frame": "raise", "round": "Series B"},
)
BARE = CandidateFact(type=FactType.COMMERCIAL_CONTRACT, subject="the company",
                     evidence="It signed a deal.", attributes={"frame": "signed-with"})


def _model(**coefficients: float) -> Model:
    values = dict.fromkeys(FEATURES, 0.0) | coefficients
    return Model(fitted=date(2026, 1, 1), method="test", intercept=0.0, coefficients=values,
                 training={"data": "made up", "documents": 1, "events": 1, "positives": 1})


def test_features_of_a_complete_fact():
    values = features(FULL)
    assert set(values) == set(FEATURES)
    assert values["amount"] == values["counterparty"] == values["date"] == 1.0
    assert values["subject_in_evidence"] == values["well_formed_subject"] == 1.0
    assert values["people"] == values["structured"] == 0.0
    assert values["type:funding_round"] == 1.0 and values["type:ipo"] == 0.0
    assert 0 < values["evidence_length"] < 1


def test_features_of_a_bare_fact():
    values = features(BARE)
    assert values["amount"] == values["counterparty"] == values["date"] == 0.0
    assert values["subject_in_evidence"] == values["well_formed_subject"] == 0.0
    assert values["type:commercial_contract"] == 1.0


def test_every_feature_lies_between_zero_and_one():
    long = CandidateFact(type=FactType.TALENT_MOVE, subject="Orvane Systems", people=("Dana Whitlock",),
                         evidence="word " * 500, attributes={"frame": "table-row"})
    for fact in (FULL, BARE, long):
        assert all(0.0 <= v <= 1.0 for v in features(fact).values())
    assert features(long)["evidence_length"] == 1.0
    assert features(long)["structured"] == features(long)["people"] == 1.0


def test_an_acquisition_has_no_type_feature():
    fact = CandidateFact(type=FactType.ACQUISITION, subject="Halvetta Labs", evidence="Halvetta Labs was acquired.")
    assert not any(v for k, v in features(fact).items() if k.startswith("type:"))


@pytest.mark.parametrize("name", ["Quillmoor Robotics", "Brightwave Robotics Inc.", "Kestrel & Finch",
                                  "Bank of Varnholm", "eVolta", "ZX9", "Orvane-Tek Labs"])
def test_well_formed_names(name):
    assert well_formed_name(name)


@pytest.mark.parametrize("name", ["Inc.", "the company", "It", "", "raised $40 million in", "a Series B round",
                                  "Quillmoor, which makes robots", "One Two Three Four Five Six Seven"])
def test_not_well_formed_names(name):
    assert not well_formed_name(name)


def test_the_subject_is_found_in_the_evidence_without_its_legal_suffix():
    fact = CandidateFact(type=FactType.ACQUISITION, subject="Halvetta Labs Inc.",
                         evidence="Marrowgate agreed to buy Halvetta Labs for $12 million.")
    assert features(fact)["subject_in_evidence"] == 1.0


def test_score_is_a_probability_and_follows_the_coefficients():
    model = _model(amount=2.0)
    assert score(BARE, model) == pytest.approx(0.5)
    assert score(FULL, model) == pytest.approx(1 / (1 + 2.718281828459045 ** -2.0))
    assert score(FULL, _model(amount=-2.0)) < 0.5 < score(FULL, model)


def test_score_stays_finite_for_extreme_coefficients():
    assert score(FULL, _model(amount=1e4)) == 1.0
    assert score(FULL, _model(amount=-1e4)) == 0.0


def test_the_shipped_model_scores_every_fact_between_zero_and_one():
    for fact in (FULL, BARE):
        assert 0.0 < score(fact) < 1.0
    # A fact with an amount, a counterparty and a date is more likely right than one with none.
    assert score(FULL) > score(BARE)


def test_the_shipped_model_says_how_it_was_fitted():
    model = default_model()
    assert model.training.events > 0 and model.method
    assert set(model.coefficients) == set(FEATURES)


def test_a_model_file_must_name_every_feature(tmp_path):
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["coefficients"].pop("amount")
    data["coefficients"]["evidence_colour"] = 1.0
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="missing \\['amount'\\], unknown \\['evidence_colour'\\]"):
        read_model(path)


def test_a_model_file_rejects_unknown_fields_and_missing_files(tmp_path):
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8")) | {"bias": 1.0}
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="not a valid confidence model"):
        read_model(path)
    with pytest.raises(InputError, match="cannot read"):
        read_model(tmp_path / "absent.json")


def test_a_fact_read_from_prose_never_gets_the_confidence_of_a_person(monkeypatch):
    from infraledger import extract
    from infraledger.extract import confidence

    monkeypatch.setattr(confidence, "score", lambda fact: 0.99987)  # rounds to 1.0 at three places
    assert extract._scored(FULL).confidence == extract.MACHINE_CONFIDENCE_MAX < 1.0
    monkeypatch.setattr(confidence, "score", lambda fact: 0.4321)
    assert extract._scored(FULL).confidence == 0.432
