"""The surface grammar's frames as validated data (``surface_frames/*.toml``), with their macros.

A frame's pattern is a regular expression over placeholder text (companies ``⟨E<id>⟩``, people
``⟦P<id>⟧``, money ``⟪M<n>⟫``) written with named macros instead of code: ``{E}``, ``{GAP:80}``,
``{VERB:acquire|buy}`` and the others listed in ``surface_frames/macros.toml``. Loading expands
the macros, generates verb inflections from the shared lexicon, compiles every pattern and refuses
unknown macros, groups, flags and duplicate priorities.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..lexicon import inflections
from ..model.events import FactType, Role, Status

E = r"⟨E\d+⟩"
P = r"⟦P\d+⟧"
M = r"⟪M\d+⟫"
# A list of entities: "A, B and C", "A & B", "A together with B", "A, B and others"; names parted by commas
# alone are no list ("After its merger with A, B bought C").
_LINK = r"(?:\s*,?\s+and\s+|\s+together\s+with\s+|\s*&\s*)"
EL = (rf"{E}(?:{_LINK}{E})*(?:(?:\s*,\s*{E})+(?:{_LINK}{E}|(?=\s*,?\s+and\s+(?:other|others|several|more)\b))"
      rf"(?:{_LINK}{E})*)?")
PL = rf"{P}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[\w-]+\s+){{0,3}}?{P})*"


def gap(n: int) -> str:
    """A gap of at most ``n`` characters containing no company (people and money may occur)."""
    # People and money use other brackets than companies, so one character class says it all
    # (and Python's regex engine runs a class far faster than an alternation).
    return rf"[^⟨;]{{0,{n}}}?"


def wide(n: int) -> str:
    """A gap of at most ``n`` characters that may contain companies (for appositions)."""
    return rf"[^;]{{0,{n}}}?"


#: The forms a ``{VERB:...}`` macro may be limited to: the lemma, the third person, the past forms, the -ing form.
VERB_FORMS = ("base", "s", "past", "ing")


def verb_forms(lemma: str) -> dict[str, frozenset[str]]:
    """The written forms of one verb lemma by kind (see :data:`VERB_FORMS`), from the shared lexicon."""
    forms = inflections(lemma)
    third = forms & {lemma + "s", lemma + "es", lemma[:-1] + "ies"}
    ing = frozenset(f for f in forms if f.endswith("ing") and f != lemma)
    return {"base": frozenset({lemma}), "s": frozenset(third), "past": forms - {lemma} - third - ing, "ing": ing}


def verb(argument: str) -> str:
    """The forms of the ``|``-separated verb lemmas, as one group ("take over" keeps its particle);
    ``lemmas:past,s`` limits them to those kinds of form.

    Raises:
        ValueError: for an unknown kind of form.
    """
    lemmas, _, kinds = argument.partition(":")
    wanted = [k.strip() for k in kinds.split(",")] if kinds else list(VERB_FORMS)
    unknown = set(wanted) - set(VERB_FORMS)
    if unknown:
        raise ValueError(f"unknown verb forms {sorted(unknown)} (known: {', '.join(VERB_FORMS)})")
    forms: set[str] = set()
    for lemma in lemmas.split("|"):
        head, _, particle = lemma.strip().lower().partition(" ")
        tail = " " + particle if particle else ""
        by_kind = verb_forms(head)
        forms |= {f + tail for k in wanted for f in by_kind[k]}
    return "(?:" + _trie(sorted(forms)) + ")"


def _trie(words: list[str]) -> str:
    """One regex for ``words`` with common beginnings shared ("acquir(?:e(?:d|s)?|ing)"): Python's engine
    tries an alternation branch by branch, so a shared prefix is read once. Where one word begins
    another the longer is tried first."""
    branches: dict[str, list[str]] = {}
    for w in words:
        if w:
            branches.setdefault(w[0], []).append(w[1:])
    alts = [(" " if c == " " else re.escape(c)) + _trie(rest) for c, rest in sorted(branches.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" not in words:
        return body
    return body + "?" if len(alts) > 1 or len(body) == 1 else "(?:" + body + ")?"


#: The placeholder macros every pattern may use, and the parametrised ones (``{NAME:argument}``).
PLACEHOLDERS: dict[str, str] = {"E": E, "EL": EL, "P": P, "PL": PL, "M": M}
PARAMETRISED = {"GAP": lambda a: gap(int(a)), "WIDE": lambda a: wide(int(a)), "VERB": verb}
_MACRO = re.compile(r"\{([A-Z][A-Z_]*)(?::([^{}]*))?\}")


def expand(text: str, macros: Mapping[str, str]) -> str:
    """``text`` with every ``{NAME}`` and ``{NAME:argument}`` macro written out.

    Raises:
        ValueError: for a macro that is not defined, or an argument it does not take.
    """
    def one(m: re.Match) -> str:
        name, arg = m.group(1), m.group(2)
        if name in PARAMETRISED:
            if not arg:
                raise ValueError(f"macro {name} needs an argument ({{{name}:...}})")
            if name in ("GAP", "WIDE") and not arg.isdigit():
                raise ValueError(f"macro {name} takes a number of characters, not {arg!r}")
            return PARAMETRISED[name](arg)
        if arg is not None:
            raise ValueError(f"macro {name} takes no argument")
        if name not in macros:
            raise ValueError(f"unknown macro {{{name}}}")
        return expand(macros[name], macros)
    return _MACRO.sub(one, text)


def compile_pattern(text: str, macros: Mapping[str, str]) -> re.Pattern:
    """A frame's pattern, compiled: macros written out, every space standing for any run of white space
    (blanked appositions leave runs of spaces), case ignored."""
    return re.compile(expand(text, macros).replace(" ", r"\s+"), re.IGNORECASE)


class Example(BaseModel):
    """A sentence about fictional companies and the event the whole extractor reads from it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    type: FactType | None = None  # when the frame's reading makes another type of it
    subject: str | None = None
    roles: dict[Role, str] = Field(default_factory=dict)
    people: list[str] = Field(default_factory=list)


class Reject(BaseModel):
    """A reading the frame's match does not have: a regex looked for in one place (see ``macros.toml``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    where: Literal["match", "gap", "before_gap", "before", "clause"] = Field(alias="in")
    pattern: str
    window: int | None = None  # for "before_gap" and "before": only this many characters before the gap or match


_FLAG_PATTERNS = ("subject_from_head_when", "people_optional_when", "swap_to_customer_when")


class SurfaceFrame(BaseModel):
    """One way English states a deal, as a pattern over placeholder text (see ``macros.toml``)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    type: FactType
    priority: int
    pattern: str
    subject: str | None = None
    roles: dict[str, Role] = Field(default_factory=dict)
    status: Status | None = None
    people: str | None = None
    gate: list[str] | None = None
    # behaviour flags
    reject: list[Reject] = Field(default_factory=list)
    apposition: str | None = None
    subject_from_topic: bool = False
    subject_from_speaker: bool = False
    subject_from_head_when: str | None = None
    speaker_role: Role | None = None
    hirer_before_people: bool = False
    hirer_from_topic: bool = False
    people_optional_when: str | None = None
    swap_to_customer_when: str | None = None
    elided_second_deal: bool = False
    business_of: str | None = None
    examples: list[Example] = Field(min_length=1)
    negatives: list[str] = Field(default_factory=list)

    _compiled: re.Pattern = PrivateAttr()
    _rejects: tuple = PrivateAttr()
    _flag_patterns: dict = PrivateAttr()

    @field_validator("gate")
    @classmethod
    def _lower_gate(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and (not value or any(w != w.lower() or not w for w in value)):
            raise ValueError("gate words are a non-empty list of lower-case strings")
        return value

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> SurfaceFrame:
        macros = (info.context or {}).get("macros", PLACEHOLDERS)
        where = f"frame {self.name}"
        try:
            self._compiled = compile_pattern(self.pattern, macros)
            self._rejects = tuple((r.where, re.compile(expand(r.pattern, macros)), r.window) for r in self.reject)
            self._flag_patterns = {k: re.compile(expand(getattr(self, k), macros))
                                   for k in _FLAG_PATTERNS if getattr(self, k) is not None}
        except (ValueError, re.error) as exc:
            raise ValueError(f"{where}: {exc}") from exc
        groups = set(self._compiled.groupindex)
        named = {"subject": self.subject, "people": self.people, "apposition": self.apposition,
                 "business_of": self.business_of}
        for what, group in [*named.items(), *(("roles", g) for g in self.roles)]:
            if group is not None and group not in groups:
                raise ValueError(f"{where}: {what} names group {group!r}, not in the pattern ({sorted(groups)})")
        if any(r.where in ("gap", "before_gap") for r in self.reject) and "gap" not in groups:
            raise ValueError(f"{where}: a gap rejection needs a group named 'gap' in the pattern")
        if any(r.window is not None and r.where not in ("before_gap", "before") for r in self.reject):
            raise ValueError(f"{where}: only a before_gap or before rejection takes a window")
        if self.hirer_from_topic and not self.hirer_before_people:
            raise ValueError(f"{where}: hirer_from_topic is the fallback of hirer_before_people")
        if (self.hirer_before_people or self.people_optional_when) and self.type is not FactType.TALENT_MOVE:
            raise ValueError(f"{where}: hirer and people flags are for talent moves")
        if self.subject is None and not (self.subject_from_topic or self.subject_from_speaker or self.apposition
                                         or self.business_of or self.subject_from_head_when
                                         or self.type is FactType.TALENT_MOVE):
            raise ValueError(f"{where}: no subject group and no way to find the subject")
        if self.business_of is not None and not {self.business_of, "b"} <= groups:
            raise ValueError(f"{where}: business_of names the owner's group and needs the business's words in group 'b'")
        if self.elided_second_deal and ("m" not in groups or self.type is not FactType.STRATEGIC_INVESTMENT):
            raise ValueError(f"{where}: elided_second_deal reads a second investment after one with an amount")
        return self

    @property
    def compiled(self) -> re.Pattern:
        return self._compiled

    @property
    def rejects(self) -> tuple[tuple[str, re.Pattern, int | None], ...]:
        return self._rejects

    def flag_pattern(self, name: str) -> re.Pattern | None:
        return self._flag_patterns.get(name)

    @property
    def parties(self) -> frozenset[str]:
        """The groups that hold a party: the subject, the role groups and the people."""
        return frozenset(g for g in (self.subject, *self.roles, self.people) if g)


class FrameFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    frame: list[dict] = Field(default_factory=list)
    macros: dict[str, str] = Field(default_factory=dict)


_DATA = "surface_frames"


def _read(name: str) -> FrameFile:
    text = resources.files(__package__).joinpath(_DATA, name).read_text(encoding="utf-8")
    return FrameFile.model_validate(tomllib.loads(text))


def macros(shared: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every named macro: placeholders, ``macros.toml`` and the ``shared`` regexes of the caller."""
    defined = _read("macros.toml").macros
    clash = set(defined) & (set(PLACEHOLDERS) | set(PARAMETRISED) | set(shared or ()))
    if clash:
        raise ValueError(f"macros defined twice: {sorted(clash)}")
    return {**PLACEHOLDERS, **(shared or {}), **defined}


@functools.cache
def _files() -> tuple[str, ...]:
    folder = resources.files(__package__).joinpath(_DATA)
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml") and p.name != "macros.toml"))


def load(shared: Mapping[str, str] | None = None) -> tuple[SurfaceFrame, ...]:
    """Every surface frame, validated, in the order they are tried (by ``priority``).

    Raises:
        ValueError: for an invalid frame, a name or priority used twice.
    """
    table = macros(shared)
    return in_order([SurfaceFrame.model_validate(f, context={"macros": table})
                     for name in _files() for f in _read(name).frame])


def in_order(frames: list[SurfaceFrame]) -> tuple[SurfaceFrame, ...]:
    """``frames`` sorted by priority.

    Raises:
        ValueError: when two share a name or a priority (the order between them would be left to chance).
    """
    for what in ("name", "priority"):
        seen: set = set()
        for f in frames:
            value = getattr(f, what)
            if value in seen:
                raise ValueError(f"two surface frames share the {what} {value!r}")
            seen.add(value)
    return tuple(sorted(frames, key=lambda f: f.priority))
