"""Every surface frame's own examples: each positive sentence states its event, each negative none.

The examples live with the frames in ``extract/surface_frames/*.toml`` and are about fictional
companies; the whole extractor reads them, so a frame that another rule shadows fails here too.
"""

from __future__ import annotations

import re

import pytest

from infraledger.extract import extract_events
from infraledger.extract.frames import FRAMES, ROUND_WORDS
from infraledger.extract.surface_framedata import PLACEHOLDERS, SurfaceFrame, expand, in_order, load, verb
from infraledger.sources.document import document_from_text

SPECS = load({"ROUND_WORDS": ROUND_WORDS.pattern})
POSITIVES = [(f, e) for f in SPECS for e in f.examples]
NEGATIVES = [(f, t) for f in SPECS for t in f.negatives]
DEALS = {"funding_round", "strategic_investment", "ipo", "acquisition", "commercial_contract", "talent_move"}


def _events(text: str):
    return [f for f in extract_events(document_from_text(text, name="example.txt")) if f.type.value in DEALS]


@pytest.mark.parametrize(("frame", "example"), POSITIVES, ids=lambda v: getattr(v, "name", None) or v.text[:40])
def test_positive_example_states_its_event(frame: SurfaceFrame, example):
    kind = example.type or frame.type
    events = [e for e in _events(example.text) if e.type is kind]
    assert events, f"no {kind} read from: {example.text}"
    if example.subject:
        assert any(e.subject == example.subject for e in events), [e.subject for e in events]
    event = next(e for e in events if example.subject is None or e.subject == example.subject)
    for role, name in example.roles.items():
        assert any(p.name == name and p.role is role for p in event.counterparties), event.counterparties
    for person in example.people:
        assert person in event.people


@pytest.mark.parametrize(("frame", "text"), NEGATIVES, ids=lambda v: getattr(v, "name", None) or v[:40])
def test_negative_example_states_no_event(frame: SurfaceFrame, text: str):
    assert not [e for e in _events(text) if e.type is frame.type]


def test_frames_are_tried_in_order_of_priority():
    assert [f.name for f in FRAMES] == [f.name for f in SPECS]
    assert [f.priority for f in FRAMES] == sorted(f.priority for f in FRAMES)
    with pytest.raises(ValueError, match="share the priority"):
        in_order([SurfaceFrame.model_validate(_frame(name="a")), SurfaceFrame.model_validate(_frame(name="b"))])


def test_an_earlier_frame_claims_the_pair_of_parties():
    # stake-in (priority 20) reads the pair before acquire (280) can: a stake, not a purchase of the company
    events = _events("Pellham Cloud took a minority stake in Aurel Labs last year.")
    assert [(e.type.value, e.subject) for e in events] == [("strategic_investment", "Aurel Labs")]


def _frame(**changes) -> dict:
    base = {"name": "x", "type": "acquisition", "priority": 1, "pattern": "(?P<a>{E}) bought (?P<t>{E})",
            "subject": "t", "roles": {"a": "acquirer"}, "examples": [{"text": "Zentrix bought Halvora."}]}
    return {**base, **changes}


def test_frame_data_is_validated():
    assert SurfaceFrame.model_validate(_frame()).compiled.search("⟨E1⟩ bought ⟨E2⟩")
    with pytest.raises(ValueError, match="unknown macro"):
        SurfaceFrame.model_validate(_frame(pattern="(?P<a>{COMPANY}) bought (?P<t>{E})"))
    with pytest.raises(ValueError, match="not in the pattern"):
        SurfaceFrame.model_validate(_frame(roles={"b": "acquirer"}))
    with pytest.raises(ValueError, match="not in the pattern"):
        SurfaceFrame.model_validate(_frame(subject="s"))
    with pytest.raises(ValueError, match="Extra inputs"):
        SurfaceFrame.model_validate(_frame(swap_roles=True))
    with pytest.raises(ValueError, match="group named 'gap'"):
        SurfaceFrame.model_validate(_frame(reject=[{"in": "gap", "pattern": "stake"}]))
    with pytest.raises(ValueError, match="examples"):
        SurfaceFrame.model_validate(_frame(examples=[]))


def test_verb_macro_generates_every_form_from_the_lemma():
    def forms(macro: str, candidates: tuple[str, ...]) -> set[str]:
        pattern = re.compile(expand(macro, PLACEHOLDERS))
        return {w for w in candidates if pattern.fullmatch(w)}

    words = ("acquire", "acquires", "acquired", "acquiring", "acquir", "buy", "bought", "buys", "buying", "take over",
             "took over", "taken over", "takes over", "taking over", "take", "secured", "secures", "secure", "won",
             "wins", "win", "winning")
    assert forms("{VERB:acquire|buy}", words) == {"acquire", "acquires", "acquired", "acquiring", "buy", "bought",
                                                  "buys", "buying"}
    assert forms("{VERB:take over}", words) == {"take over", "took over", "taken over", "takes over", "taking over"}
    assert forms("{VERB:secure|win:past,s}", words) == {"secured", "secures", "won", "wins"}
    # a form that begins another is tried after it: "acquire" never stops short of "acquires"
    assert re.match(verb("acquire"), "acquires").group(0) == "acquires"
    with pytest.raises(ValueError, match="unknown verb forms"):
        verb("secure:future")
    with pytest.raises(ValueError, match="number of characters"):
        expand("{GAP:many}", PLACEHOLDERS)
