"""Every surface frame's own examples: each positive sentence states its event, each negative none.

The examples live with the frames in ``extract/surface_frames/*.toml`` and are about fictional
companies; the whole extractor reads them, so a frame that another rule shadows fails here too.
"""

from __future__ import annotations

import re

import pytest

from infraledger.extract.frames import FRAMES, ROUND_WORDS
from infraledger.extract.surface_framedata import PLACEHOLDERS, SurfaceFrame, expand, in_order, load, verb

from .examples import check_negative, check_positive, deal_events

SPECS = load({"ROUND_WORDS": ROUND_WORDS.pattern})
POSITIVES = [(f, e) for f in SPECS for e in f.examples]
NEGATIVES = [(f, t) for f in SPECS for t in f.negatives]


@pytest.mark.parametrize(("frame", "example"), POSITIVES, ids=lambda v: getattr(v, "name", None) or v.text[:40])
def test_positive_example_states_its_event(frame: SurfaceFrame, example):
    check_positive(frame, example)


@pytest.mark.parametrize(("frame", "text"), NEGATIVES, ids=lambda v: getattr(v, "name", None) or v[:40])
def test_negative_example_states_no_event(frame: SurfaceFrame, text: str):
    check_negative(frame, text)


def test_frames_are_tried_in_order_of_priority():
    assert [f.name for f in FRAMES] == [f.name for f in SPECS]
    assert [f.priority for f in FRAMES] == sorted(f.priority for f in FRAMES)
    with pytest.raises(ValueError, match="share the priority"):
        in_order([SurfaceFrame.model_validate(_frame(name="a")), SurfaceFrame.model_validate(_frame(name="b"))])


def test_an_earlier_frame_claims_the_pair_of_parties():
    # stake-in (priority 20) reads the pair before acquire (280) can: a stake, not a purchase of the company
    events = deal_events("Pellham Cloud took a minority stake in Aurel Labs last year.")
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
