"""Every syntactic frame's own examples: each positive sentence states its event, each negative none.

The examples live with the frames in ``extract/syntax/frames/*.toml`` and are about fictional
companies; the whole extractor reads them, so a frame that another rule shadows fails here too.
"""

from __future__ import annotations

import pytest

from infraledger.extract import extract_events
from infraledger.extract.syntax import frames
from infraledger.extract.syntax.framedata import FrameSpec
from infraledger.sources.document import document_from_text

from .examples import check_negative, check_positive

POSITIVES = [(f, e) for f in frames() for e in f.examples]
NEGATIVES = [(f, t) for f in frames() for t in f.negatives.texts]


@pytest.mark.parametrize(("frame", "example"), POSITIVES, ids=lambda v: getattr(v, "name", None) or v.text[:40])
def test_positive_example_states_its_event(frame: FrameSpec, example):
    check_positive(frame, example)


@pytest.mark.parametrize(("frame", "text"), NEGATIVES, ids=lambda v: getattr(v, "name", None) or v[:40])
def test_negative_example_states_no_event(frame: FrameSpec, text: str):
    check_negative(frame, text)


def test_frames_data_is_validated():
    with pytest.raises(ValueError, match="unknown target"):
        FrameSpec.model_validate({"name": "x", "type": "acquisition", "verbs": ["buy"], "requires": ["subject"],
                                  "args": {"agent": "buyer"}, "examples": [{"text": "A bought B."}]})
    with pytest.raises(ValueError, match="example"):
        FrameSpec.model_validate({"name": "x", "type": "acquisition", "verbs": ["buy"], "requires": ["subject"],
                                  "args": {"patient": "subject"}})


def test_the_parse_can_be_switched_off_in_the_settings():
    from infraledger.config import load_settings

    doc = document_from_text("Velmont Systems poached three engineers from Omega Labs last month.", name="x.txt")
    on = extract_events(doc, settings=load_settings(env={"INFRALEDGER_EXTRACT_PARSE": "on"}))
    off = extract_events(doc, settings=load_settings(env={"INFRALEDGER_EXTRACT_PARSE": "off"}))
    assert [f.subject for f in on if f.type.value == "talent_move"] == ["Omega Labs"]
    assert not [f for f in off if f.type.value == "talent_move"]
