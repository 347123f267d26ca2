"""The syntactic frames as validated data (``frames/*.toml``, one file per kind of deal; their form is
described in ``frames/README.md``), and the trigger index built from them."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from pydantic import BaseModel, Field, model_validator

from ...lexicon import inflections, noun_forms, verb_forms
from ...model.events import FactType, Role, Status

#: What a grammatical argument may stand for in an event.
TARGETS = frozenset({"subject", "person", "former", "amount"} | {r.value for r in Role})
#: The grammatical arguments a frame may map (prepositions are any other lower-case word).
ARGUMENTS = frozenset({"agent", "patient", "recipient", "poss"})


class Example(BaseModel):
    """A sentence about fictional companies and the event a frame reads from it."""

    text: str
    type: FactType | None = None  # when the frame's reading makes another type of it
    subject: str | None = None
    roles: dict[str, str] = Field(default_factory=dict)
    people: list[str] = Field(default_factory=list)


class Negatives(BaseModel):
    texts: list[str] = Field(default_factory=list)


class FrameSpec(BaseModel):
    """One way English states a deal, by grammatical relations (see ``frames/README.md``)."""

    name: str
    type: FactType
    verbs: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    singular_nouns: list[str] = Field(default_factory=list)  # nouns whose plural is something else ("sales")
    swap_for_units: list[str] = Field(default_factory=list)  # "merge with an affiliate of Y": Y buys
    noun_words: list[str] = Field(default_factory=list)
    object_words: list[str] = Field(default_factory=list)
    object_nouns: list[str] = Field(default_factory=list)
    purpose: list[str] = Field(default_factory=list)
    require_context: list[str] = Field(default_factory=list)
    not_objects: list[str] = Field(default_factory=list)
    plain_objects: list[str] | None = None  # an object naming no party must be one of these nouns
    as_modifier: bool = True
    as_listing: bool = False
    stative_passive: bool = False  # the verb's present passive tells a state ("X is listed on ..."), no event
    control_by_share: bool = False  # a stake of more than half is an acquisition
    staff: bool = False  # a group of staff may stand for the person ("poached three engineers")
    predicate_nouns: list[str] | None = None  # a copular frame: [] for job titles, else the nouns
    requires: list[str]
    requires_one_of: list[str] = Field(default_factory=list)
    args: dict[str, str]
    status: Status | None = None
    examples: list[Example] = Field(default_factory=list)
    negatives: Negatives = Field(default_factory=Negatives)

    @model_validator(mode="after")
    def _check(self) -> FrameSpec:
        if not (self.verbs or self.nouns):
            raise ValueError(f"frame {self.name}: no trigger verbs or nouns")
        for arg, target in self.args.items():
            if target not in TARGETS:
                raise ValueError(f"frame {self.name}: argument {arg} maps to unknown target {target!r}")
            if arg != arg.lower() or " " in arg:
                raise ValueError(f"frame {self.name}: argument names are single lower-case words ({arg!r})")
        unknown = set(self.requires) - TARGETS
        if unknown:
            raise ValueError(f"frame {self.name}: requires unknown targets {sorted(unknown)}")
        mapped = set(self.args.values())
        missing = {r for r in self.requires if r not in mapped and not (r == "amount" and self.object_nouns)}
        if missing:
            raise ValueError(f"frame {self.name}: requires {sorted(missing)} that no argument gives")
        if not self.examples:
            raise ValueError(f"frame {self.name}: at least one example sentence is required")
        return self

    @property
    def roles(self) -> dict[str, Role]:
        return {arg: Role(t) for arg, t in self.args.items() if t in Role.__members__.values()}


#: The frame files, in the order their frames are tried.
FRAME_FILES = ("acquisition", "investment", "ipo", "contract", "talent")


@functools.cache
def frames() -> tuple[FrameSpec, ...]:
    folder = resources.files(__package__).joinpath("frames")
    specs = [FrameSpec.model_validate(f) for name in FRAME_FILES
             for f in tomllib.loads(folder.joinpath(f"{name}.toml").read_text(encoding="utf-8"))["frame"]]
    names = [f.name for f in specs]
    if len(set(names)) != len(names):
        raise ValueError(f"frame names repeated: {sorted({n for n in names if names.count(n) > 1})}")
    return tuple(specs)


class Trigger(BaseModel, frozen=True):
    frame: str
    pos: str  # "verb" or "noun"
    particle: str = ""


@functools.cache
def trigger_index() -> dict[str, tuple[Trigger, ...]]:
    """Written form (lower case) -> the frames it may trigger."""
    index: dict[str, list[Trigger]] = {}
    for f in frames():
        for verb in f.verbs:
            head, _, particle = verb.partition(" ")
            for form in inflections(head):
                index.setdefault(form, []).append(Trigger(frame=f.name, pos="verb", particle=particle))
        for noun in f.nouns:
            for form in (noun,) if noun in f.singular_nouns else noun_forms(noun):
                index.setdefault(form, []).append(Trigger(frame=f.name, pos="noun"))
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def frame_by_name() -> dict[str, FrameSpec]:
    return {f.name: f for f in frames()}


def _verb_lemmas() -> set[str]:
    """The head verbs of the frames' triggers ("take" of "take over")."""
    return {v.partition(" ")[0] for f in frames() for v in f.verbs}


@functools.cache
def deal_verb_forms() -> frozenset[str]:
    """Every inflected form of the frames' trigger verbs other than the bare lemma (which may be a noun), and
    other than the copula's (the frames that read "X is the new CTO of Y" do not make "Terms were" a deal)."""
    return frozenset(form for lemma in _verb_lemmas() - {"be"} for form in inflections(lemma) if form != lemma)


@functools.cache
def headline_verbs() -> frozenset[str]:
    """Every form of the frames' trigger verbs, lemmas included ("buy", "buys", "raises")."""
    lemmas = _verb_lemmas() - {"be", "go", "get", "give", "set", "name"}
    return frozenset(form for lemma in lemmas for form in inflections(lemma))


@functools.cache
def headline_telling_verbs() -> frozenset[str]:
    """Every form of the verbs a headline tells a deal with besides the frames' own ("agrees", "names",
    ``lexicon/verbs.toml``)."""
    return frozenset(form for lemma in verb_forms().telling for form in inflections(lemma))
