"""Deal events read from a sentence's dependency parse, by the frames of ``frames/*.toml``.

The sentence the parser sees is the reading's placeholder text with every company written as one
surrogate proper noun, every person as one first name and every amount as one plain figure: the
parser then sees short, ordinary noun phrases, and each argument it finds maps straight back to
an entity id or an amount of the sentence. A trigger's arguments are taken by grammatical
relation, so one frame covers every form of its verb, both voices and any word order:

* the logical subject (``agent``): the verb's ``nsubj``; in the passive its ``obl:agent`` ("by"); for
  a verb that completes another ("agreed to buy", "went on to acquire") or a second verb of a
  coordination, the subject of the verb it hangs on; for a relative clause, the noun it describes;
* the logical object (``patient``): ``obj``, or in the passive ``nsubj:pass``;
* prepositional arguments by their preposition (``obl``/``nmod`` with a ``case`` child);
* for a noun trigger ("its $2 billion purchase of X"), its possessor and its "of"/"by" phrases,
  and, where no possessor is written, the subject of the verb whose object it is.

An argument that is not itself a party reaches one through a coordination ("A and B"), an
apposition, or a container noun ("a subsidiary of X", "the city of X").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...lexicon import inflections, percent_alternation, staff_words, titles
from ...model.events import FactType, Role, Status
from ..arguments import per_unit
from ..drafts import Draft
from ..frames import DEBT_WORDS, ROUND_WORDS, total_to_date
from ..hedges import hypothetical
from ..reading import Analysed, Reading
from .framedata import FrameSpec, Trigger, frame_by_name, trigger_index
from .pipeline import parse_many
from .repairs import repair

_PLACEHOLDER = re.compile(r"⟨E(\d+)⟩('s)?|⟦P(\d+)⟧('s)?|⟪M(\d+)⟫|\s{2,}|[\n\t\r]")
# Distinct short names, so that two parties side by side read as two noun phrases, not one.
_COMPANIES = ("Google", "Microsoft", "Apple", "Amazon", "Yahoo", "Nike", "Ford", "Sony")
_PEOPLE = ("Dana", "Chris", "Alex", "Sam", "Robin", "Jordan", "Kim", "Lee")
_MONEY = "$5 million"


def _surrogate_word(kind: str, n: int) -> str:
    if kind == "money":
        return _MONEY
    names = _COMPANIES if kind == "company" else _PEOPLE
    return names[n % len(names)]
_PERSON_DESCRIPTION = re.compile(r"⟦P(?P<p>\d+)⟧(?P<desc>,\s(?:a|an|the|who|whose|formerly|previously|until|most recently|"
                                 r"ex-|once)\b[^,;()]{1,160}?,(?=\s)|\s*\((?:ex-|former\b|formerly\b|previously\b|"
                                 r"until recently\b)[^()]{0,80}\))")
_SELF_DESCRIPTION = re.compile(r"(⟨E(\d+)⟩)(,\s⟨E\2⟩(?!'s)[^,;()⟨]{0,160}?,)(?=\s)")
_FORMER_TITLE = re.compile(r"(?P<lead>(?:\b(?:[Ff]ormer|[Ee]x-)\s*⟨E(?P<e>\d+)⟩(?:'s)?\s+(?:[\w-]+\s+){1,4}?|"
                           # "Halvora veteran Dana Wu", "longtime Halvora alumna Dana Wu"
                           r"(?:\b(?:longtime|long-time|former)\s+)?⟨E(?P<v>\d+)⟩\s+(?:veteran|alum|alumna|alumnus)\s+))"
                           r"⟦P(?P<p>\d+)⟧")
_COMPANY_ID = re.compile(r"⟨E(\d+)⟩")
_AT_COMPANY = re.compile(r"\bat ⟨E(\d+)⟩")
_DEFINED_TERM = re.compile(r"\s*\(\s*(?:the\s+)?[\"“”']?⟨E\d+⟩[\"“”']?(?:\s+or\s+(?:the\s+)?[\"“”'][\w ]{1,30}[\"“”'])?\s*\)")
_WORD = re.compile(r"[a-z][a-z-]*")
_PARTY = re.compile(r"⟨e\d+⟩|⟦p\d+⟧|⟪m\d+⟫", re.I)
_REACH = 90  # characters either side of a trigger in which its parties are looked for before parsing
# Nouns that stand for the parties in their own phrase: "a subsidiary of X", "investors including X and Y",
# "after six years at X".
_CONTAINERS = frozenset("subsidiary unit division affiliate arm city state government department ministry agency "
                        "consortium group affiliates subsidiaries units investors backers firms companies "
                        "years months decade decades stint spell career tenure team teams lab labs role job post "
                        "position".split())
_PARTICLES = frozenset("in up out over".split())
_NEGATIONS = frozenset({"not", "never", "n't", "no"})
_INTENT_FORMS = frozenset(f for v in ("offer", "propose", "plan", "consider", "seek", "aim", "hope", "intend", "want",
                                      "weigh", "explore", "mull", "try", "attempt", "look", "prepare", "evaluate")
                          for f in inflections(v))
_LISTING = re.compile(r"\b(?:IPO|initial public offering|public offering|the offering|listing|flotation|debut|"
                      r"shares|a share|per share|priced at|on day one|first day of trading|first-day)\b", re.I)
_DONE_FORMS = frozenset(f for v in ("complete", "close", "finalize", "finalise", "finish", "conclude", "seal")
                        for f in inflections(v))
_DONE_NOUNS = frozenset({"completion", "closing", "close", "consummation", "conclusion"})
_AGREE_FORMS = frozenset(f for v in ("agree", "sign", "announce", "unveil", "strike", "reach", "set", "move", "offer",
                                     "propose", "expect") for f in inflections(v))
_SUBJECTS = ("nsubj", "nsubj:outer", "csubj")
_OBLIQUES = ("obl", "obl:agent", "obl:unmarked", "nmod", "nmod:unmarked", "advcl", "xcomp")


@dataclass
class _Slot:
    """A stretch of the parsed text that stands for a party or an amount of the sentence."""

    start: int
    end: int
    a_start: int
    a_end: int
    kind: str  # "company", "person", "money"
    ident: int


class _Surrogate:
    """The sentence as the parser reads it, and the way back to the placeholders.

    A description set off after a person ("X, a former Y executive, ..." / "X, who led research at
    Y, ...") is left out of the parsed text, which keeps the clause short for the parser, and the
    company it names is kept as where the person comes from (``affiliations``).
    """

    def __init__(self, abstract: str) -> None:
        self.affiliations: dict[int, int] = {}
        # A defined term after a name ('X ("X")') and leading blanks are noise to the parser.
        abstract = _DEFINED_TERM.sub(lambda m: " " * len(m.group(0)), abstract)
        # "X, the data center company founded by Y, has agreed ...": a description of a company that
        # names it again is left out, as a person's is
        abstract = _SELF_DESCRIPTION.sub(lambda m: m.group(1) + " " * len(m.group(3)), abstract)
        for m in _FORMER_TITLE.finditer(abstract):
            # "Former X CTO Y is set to join ...": Y comes from X; the parser reads the name alone
            self.affiliations[int(m.group("p"))] = int(m.group("e") or m.group("v"))
            a, b = m.span("lead")
            abstract = abstract[:a] + " " * (b - a) + abstract[b:]
        for m in _PERSON_DESCRIPTION.finditer(abstract):
            # "a co-creator of X at Y": the company the person works at, else the first one named
            companies = _AT_COMPANY.findall(m.group("desc")) or _COMPANY_ID.findall(m.group("desc"))
            if companies:
                self.affiliations[int(m.group("p"))] = int(companies[0])
            a, b = m.span("desc")
            abstract = abstract[:a] + " " * (b - a) + abstract[b:]
        parts: list[str] = []
        self.slots: list[_Slot] = []
        self.pieces: list[tuple[int, int, int]] = []  # (parsed start, parsed end, abstract start)
        pos = 0
        out = 0
        for m in _PLACEHOLDER.finditer(abstract):
            chunk = abstract[pos:m.start()]
            parts.append(chunk)
            self.pieces.append((out, out + len(chunk), pos))
            out += len(chunk)
            if m.group(0).isspace():
                if out:
                    parts.append(" ")
                    out += 1
            else:
                kind, ident = (("company", m.group(1)) if m.group(1) else ("person", m.group(3)) if m.group(3)
                               else ("money", m.group(5)))
                word = _surrogate_word(kind, len(self.slots))
                self.slots.append(_Slot(out, out + len(word), m.start(), m.end() - len(m.group(2) or m.group(4) or ""),
                                        kind, int(ident)))
                parts.append(word)
                out += len(word)
                tail = m.group(2) or m.group(4) or ""
                if tail:
                    parts.append(tail)
                    self.pieces.append((out, out + len(tail), m.end() - len(tail)))
                    out += len(tail)
            pos = m.end()
        parts.append(abstract[pos:])
        self.pieces.append((out, out + len(abstract) - pos, pos))
        self.text = "".join(parts)

    def slot(self, token) -> _Slot | None:
        for s in self.slots:
            if s.start <= token.idx < s.end:
                return s
        return None

    def to_abstract(self, pos: int) -> int:
        for s in self.slots:
            if s.start <= pos < s.end:
                return s.a_start
        for p0, p1, a0 in self.pieces:
            if p0 <= pos < p1:
                return a0 + pos - p0
        return self.pieces[-1][2] if self.pieces else 0


class Parsed:
    """A sentence's surrogate text and its parse."""

    __slots__ = ("doc", "sur")

    def __init__(self, sur: _Surrogate, doc) -> None:
        self.sur, self.doc = sur, doc


def worth_parsing(an: Analysed, found: list[Draft]) -> bool:
    """Whether sentence ``an`` may state a deal the surface grammar's ``found`` drafts do not: the surface
    grammar read nothing in it, or guessed a deal's company from earlier sentences, or read a round
    (whose backer and company a parse may tell apart); and it has a trigger word of a frame with the
    parties (companies, people, amounts) that frame needs, whose reading could add to ``found``."""
    named = set(an.ids)
    # (where the surface grammar named every deal's company, only a kind of deal it did not read may add)
    settled = bool(found) and not any(d.subject not in named or d.type is FactType.FUNDING_ROUND for d in found)
    low = an.abstract.lower()
    words = set(_WORD.findall(low))
    index = trigger_index()
    triggers = words.intersection(index)
    if not triggers:
        return False
    frames = frame_by_name()
    parties = _Parties(an)
    return any(_may_fire(spec, words, low) and _parties_near(low, m.start(), len(spec.requires))
               and parties.suffice(spec, t) and _may_add(spec, found, named, parties.companies, settled)
               for m in _WORD.finditer(low) if m.group(0) in triggers
               for t in index[m.group(0)] if (spec := frames[t.frame]))


class _Parties:
    """What a sentence has for a frame's arguments: how many companies, whether a person, an amount."""

    def __init__(self, an: Analysed) -> None:
        self.an = an
        self.companies = len(set(_COMPANY_ID.findall(an.abstract)))
        self.person = "⟦P" in an.abstract
        self.money = "⟪M" in an.abstract
        self._no_round: bool | None = None
        self._words: set[str] | None = None

    def suffice(self, spec: FrameSpec, trigger: Trigger) -> bool:
        """Whether a reading of ``spec`` from ``trigger`` could pass the tests of :func:`_read` that need
        no parse: every frame needs a company, one with a role besides its subject a second one, an
        amount a figure, a party only a preposition (or a possessor) gives that word, a verb with a
        particle ("take over") the particle, a frame's object word ("went public") that word."""
        if not self.companies:
            return False
        needs = [("subject" if r == "former" else r) for r in spec.requires]
        if spec.type is not FactType.TALENT_MOVE and self.companies < 2 \
                and any(r not in ("subject", "amount") for r in needs):
            return False
        if ("amount" in needs or spec.name == "raise") and not self.money:
            return False
        if "person" in needs and not (self.person or spec.staff):
            return False
        if spec.requires_one_of and not any(self.money if r == "amount" else self.person or spec.staff
                                            if r == "person" else self.gives(spec, r) for r in spec.requires_one_of):
            return False
        if not all(self.gives(spec, r) for r in needs if r not in ("amount", "person")):
            return False
        if trigger.particle and trigger.particle.split()[0] not in self.words():
            return False
        if spec.object_words and "on" in spec.args and self.words().isdisjoint(spec.object_words) \
                and "on" not in self.words():
            return False
        if spec.type is FactType.FUNDING_ROUND:
            if self._no_round is None:
                self._no_round = bool(total_to_date(self.an.sentence.text) or DEBT_WORDS.search(self.an.abstract))
            return not self._no_round
        return True

    def gives(self, spec: FrameSpec, target: str) -> bool:
        """Whether the sentence has a word by which ``spec`` may find its ``target`` party (any, when a
        grammatical relation may give it; a talent move's former employer may also come from a
        description of the person)."""
        if spec.type is FactType.TALENT_MOVE and target == "subject":
            return True
        words = _giver_words(spec.name, target)
        return words is None or not self.words().isdisjoint(words)

    def words(self) -> set[str]:
        """The sentence's words as the parser may split them ("in-house": "in"), and "'s" for any possessive."""
        if self._words is None:
            low = self.an.abstract.lower()
            self._words = set(_LETTERS.findall(low)) | ({"'s"} if _POSSESSIVE.search(low) else set())
        return self._words


_LETTERS = re.compile(r"[a-z]+")
_POSSESSIVE = re.compile(r"['’]s\b|[s⟩]['’]|\b(?:my|your|his|her|its|our|their|whose)\b")
_GRAMMATICAL = frozenset({"agent", "patient", "recipient", "by"})  # "by": the parser's obl:agent, whatever its case


@functools.cache
def _giver_words(name: str, target: str) -> frozenset[str] | None:
    """The words one of which a sentence must have for frame ``name`` to find its ``target`` party, when
    only prepositions (or a possessor) give it ("for" of "paid $2 billion for X", "'s" of "X's listing");
    None when a grammatical relation may give it."""
    givers = {arg for arg, t in frame_by_name()[name].args.items() if ("subject" if t == "former" else t) == target}
    if not givers.isdisjoint(_GRAMMATICAL):
        return None
    return frozenset({"'s" if g == "poss" else g for g in givers} | ({"away"} if "from" in givers else set()))


def _may_add(spec: FrameSpec, found: list[Draft], named: set[int], companies: int, settled: bool = False) -> bool:
    """Whether a reading of ``spec`` could change the surface grammar's ``found`` drafts (as the
    parsed drafts are merged in ``rules._with_parsed``): a type not read yet, a listing's proceeds
    read as a round, a company named where the surface grammar guessed it, or a backer and company
    told apart (which takes two companies)."""
    if not found:
        return True
    types = {spec.type} | ({FactType.IPO} if spec.as_listing else set()) \
        | ({FactType.ACQUISITION} if spec.control_by_share else set())
    surface = {d.type for d in found}
    if not types <= surface:
        return True
    if settled:
        return False
    if spec.as_listing and FactType.FUNDING_ROUND in surface:
        return True
    return companies >= 2 or any(d.subject not in named for d in found if d.type in types)


def _parties_near(low: str, pos: int, needed: int) -> bool:
    """Whether ``needed`` parties stand within a clause's reach of a trigger at ``pos``."""
    return len(_PARTY.findall(low, max(0, pos - _REACH), pos + _REACH)) >= needed


def _may_fire(spec: FrameSpec, words: set[str], low: str) -> bool:
    """A cheap test of a frame's prerequisites on the sentence's words, before any parse."""
    if spec.type is FactType.TALENT_MOVE and "⟦p" not in low and not (spec.staff and not words.isdisjoint(staff_words())):
        return False
    if spec.predicate_nouns is not None and words.isdisjoint(spec.predicate_nouns or titles()):
        return False
    if spec.object_nouns and words.isdisjoint(spec.object_nouns) and not (spec.args.get("patient") == "amount"
                                                                           and "⟪m" in low):
        return False
    if spec.object_words and words.isdisjoint(spec.object_words) and "on" not in spec.args:
        return False
    if spec.require_context and not any(w in low for w in spec.require_context):
        return False
    return not spec.purpose or not words.isdisjoint(_purpose_forms(spec))


def parse_all(sentences: list[Analysed]) -> list[Parsed]:
    """The sentences parsed in one batch (far cheaper per sentence than one at a time)."""
    surs = [_Surrogate(an.abstract) for an in sentences]
    return [Parsed(sur, repair(doc)) for sur, doc in zip(surs, parse_many([s.text for s in surs]))]


def syntax_drafts(an: Analysed, reading: Reading, parsed: Parsed) -> list[Draft]:
    """Drafts the syntactic frames read from sentence ``an``, given its parse."""
    index = trigger_index()
    frames = frame_by_name()
    out: list[Draft] = []
    for tok in parsed.doc:
        for trig in index.get(tok.lower_, ()):
            d = _read(frames[trig.frame], trig, tok, parsed.sur, an, reading)
            if d is not None and not any(_same(d, o) for o in out):
                out.append(d)
    return out


def _same(a: Draft, b: Draft) -> bool:
    return a.type is b.type and a.subject == b.subject and set(a.roles) == set(b.roles)


def _read(spec: FrameSpec, trig, tok, sur: _Surrogate, an: Analysed, reading: Reading) -> Draft | None:
    is_verb = (tok.tag_.startswith("VB") or tok.tag_ == "MD" or tok.dep_ in ("ROOT", "xcomp", "conj", "acl:relcl", "acl",
                                                                              "advcl", "ccomp", "parataxis")
               and not tok.tag_.startswith(("NN", "JJ", "RB"))) and not _gerund_noun(tok)
    if trig.pos == "verb" and not is_verb or trig.pos == "noun" and is_verb:
        return None
    if trig.particle and not _has_particle(tok, trig.particle):
        return None
    if any(c.lower_ in _NEGATIONS for c in tok.children if c.dep_ in ("advmod", "neg", "det")):
        return None
    if spec.require_context and not _context(spec, tok):
        return None
    if not spec.as_modifier and tok.dep_ in ("acl", "amod"):
        return None
    if _intended(tok) or spec.stative_passive and _present_passive(tok):
        return None
    args = _verb_arguments(tok) if trig.pos == "verb" else _noun_arguments(tok)
    if any(t.lower_ in _RELATIVE_PRONOUNS for ts in args.values() for t in ts) \
            and not _DATED.search(tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text):
        return None  # "X, which Y backed, ...": a description of X, not a deal told with its date
    if spec.type is not FactType.TALENT_MOVE and any(_is_title(t) for t in args.get("as", [])):
        return None  # "takes over as chief executive of X" is a role, whatever else the verb can mean
    if spec.plain_objects is not None and any(t.lower_ not in spec.plain_objects and not _names_party(t, sur)
                                              for t in args.get("patient", [])):
        return None  # "is leaving the door open": the object is no company and no post
    if spec.not_objects and any(t.lower_ in spec.not_objects or t.head.lower_ in spec.not_objects
                                or any(c.lower_ in spec.not_objects for c in t.children if c.dep_ in ("compound", "amod"))
                                or any(n.lower_ in spec.not_objects for n in t.doc[t.i + 1:t.i + 7])
                                for t in args.get("patient", []) + (args.get("of", []) if trig.pos == "noun" else [])):
        # the object, or what a deal noun is of ("the purchase of X's stake"), or the noun its figure
        # stands before ("$16 billion chip order") is excluded
        return None
    if spec.type is FactType.FUNDING_ROUND and (total_to_date(an.sentence.text)
                                                  or DEBT_WORDS.search(an.abstract)):
        return None
    if spec.predicate_nouns is not None:
        args = _title_arguments(spec, tok)
        if args is None:
            return None
    if spec.object_words and not any(c.lower_ in spec.object_words and c.dep_ not in _SUBJECTS for c in _near(tok)) \
            and not any(sur.slot(t) is not None for t in args.get("on", [])):
        return None  # ("the public took it", "debut on the same day": no "public" after the verb, no exchange)
    if spec.object_nouns:
        obj = args.get("patient", []) or [c for c in tok.children if c.dep_ in ("advmod", "obl", "dep", "xcomp", "ccomp")
                                          and c.lower_ in spec.object_nouns]  # ("raised its holding" as a clause)
        head_words = {t.lower_ for t in obj} | {c.lower_ for t in obj for c in t.children if c.dep_ == "compound"}
        money_object = spec.args.get("patient") == "amount" and any(sur.slot(t) and sur.slot(t).kind == "money"
                                                                    for t in obj)
        if not head_words & set(spec.object_nouns) and not money_object:
            return None
        for t in obj:  # "led a $50 million round into X": the object's own prepositions count too
            for k, v in _obliques(t).items():
                args.setdefault(k, v)
            if "poss" not in args:
                poss = [c for c in t.children if c.dep_ == "nmod:poss"]
                if poss:
                    args["poss"] = poss
    if spec.purpose and not any(c.dep_ in ("xcomp", "advcl") and c.lower_ in _purpose_forms(spec) for c in tok.children):
        return None
    found: dict[str, list[int]] = {}
    money: list[int] = []
    span = [tok.idx, tok.idx + len(tok)]
    # A noun's own possessor, when a name, stands for its agent where the frame gives the possessor no
    # role of its own ("Zentrix's merger with Halvora"; "the firm's merger" may mean another firm)
    own = {t.i for t in args.get("poss", []) if _written_name(sur.slot(t), an)} \
        if trig.pos == "noun" and "poss" not in spec.args else set()
    for arg, target in spec.args.items():
        for t in args.get(arg, []):
            if arg != "poss" and t.i not in own and _possessor(t):
                continue  # "heads to Y's conference" (read with the possessive torn off): Y is no argument
            kinds = ("money",) if target == "amount" else ("person",) if target == "person" else ("company",)
            hits = _parties(t, sur, kinds)
            for s in hits:
                span[0], span[1] = min(span[0], s.start), max(span[1], s.end)
                if target == "amount":
                    money.append(s.ident)
                elif s.ident not in found.get(target, []):
                    found.setdefault(target, []).append(s.ident)
    if spec.swap_for_units and "subject" in found and "acquirer" in found and any(
            t.lower_ in spec.swap_for_units for arg in ("with", "into") for t in args.get(arg, [])):
        # "X agreed to merge with an affiliate of Y": the company whose unit X merges with buys X
        found["subject"], found["acquirer"] = found["acquirer"], found["subject"]
    if not money and "amount" in spec.requires_one_of:
        # "won a contract worth $600 million": the figure of the deal noun's phrase
        agents = {t.i for a in args.get("agent", []) for t in a.subtree}
        for t in tok.subtree:
            hit = sur.slot(t)
            if hit is not None and hit.kind == "money" and t.i not in agents and hit.ident not in money:
                money.append(hit.ident)
                span[0], span[1] = min(span[0], hit.start), max(span[1], hit.end)
    if spec.staff and "person" not in found and any(_is_staff(t) for t in args.get("patient", [])):
        found["person"] = []  # "poached three engineers from X": people, not named
    if "pronoun" in args and trig.pos == "noun":
        # "X, a provider of ..., announced the completion of its acquisition by Y": "its" is the
        # sentence's first company when the parse gives the clause no party for a subject
        # (without a "by" phrase "its" is the deal's maker, never what it is made in: "X completed
        # its purchase of Y's stake in Z" names no company bought)
        for arg in ("patient", "poss", "agent") if "by" in args else ("poss", "agent"):
            target = spec.args.get(arg)
            if target and target not in found and target not in ("amount", "person"):
                taken = {i for ids in found.values() for i in ids}
                first = next((sl for sl in sur.slots if sl.kind == "company" and sl.ident not in taken), None)
                if first is not None:
                    found[target] = [first.ident]
                break
    if spec.staff and "former" not in found:
        employer = _staff_employer(args.get("patient", []), sur)
        if employer is not None:
            found["former"] = [employer]  # "hired the founders of X", "hired X's three founders"
    if spec.type is FactType.TALENT_MOVE and "former" not in found and found.get("person"):
        known = [sur.affiliations[p] for p in found["person"] if p in sur.affiliations]
        former = known[0] if known else _affiliation(args.get("agent", []) + args.get("patient", []), sur)
        if former is not None:
            found["former"] = [former]
    if spec.type is FactType.TALENT_MOVE and "hirer" in spec.requires and "hirer" not in found \
            and found.get("person") and not args.get("patient") and tok.dep_ == "ccomp" and tok.head.lower_ in _TELLING:
        # "X announced that Y will join as head of research": the company telling of it hires
        teller = [sl.ident for c in tok.head.children if c.dep_ in _SUBJECTS for sl in _parties(c, sur, ("company",))]
        if teller:
            found["hirer"] = teller[:1]
    if "former" in found:
        found["subject"] = found.pop("former")
    needs = [("subject" if r == "former" else r) for r in spec.requires]
    if spec.name == "raise" and not money:
        return None
    if any(r not in found and not (r == "amount" and money) for r in needs):
        return None
    if spec.requires_one_of and not any(r in found or r == "amount" and money for r in spec.requires_one_of):
        return None
    pending = ""
    if "subject" not in found:
        if not (spec.type is FactType.TALENT_MOVE and found.get("person") and "hirer" in found):
            return None
        pending = "former"  # "X will be Y's first finance chief": where X comes from may be told next
    subject = found["subject"][0] if not pending else -1
    kinds = reading.table.kinds
    if not pending and kinds[subject] == "person":
        return None
    roles = [(i, Role(t)) for t, ids in found.items() if t not in ("subject", "person") for i in ids
             if i != subject and kinds[i] != "person"]
    if spec.type is not FactType.TALENT_MOVE and not roles and any(r not in ("subject", "amount") for r in needs):
        return None
    a0, a1 = sur.to_abstract(span[0]), sur.to_abstract(max(span[1] - 1, span[0])) + 1
    if hypothetical(an, a0, a1):
        return None
    event_type = spec.type
    if spec.control_by_share and controlling_share(an.abstract[a0:]):
        event_type = FactType.ACQUISITION  # "raised its stake to 85%": control changes hands
        roles = [(i, Role.ACQUIRER if r is Role.INVESTOR else r) for i, r in roles]
    if spec.as_listing and not ROUND_WORDS.search(an.abstract) and _LISTING.search(an.abstract):
        event_type = FactType.IPO  # "sold 40 million shares, raising $720 million": a listing's proceeds
        roles = []
    status = spec.status or (_tense_status(tok, trig.pos)
                             if event_type in (FactType.ACQUISITION, FactType.TALENT_MOVE) else None)
    d = Draft(type=event_type, subject=subject, roles=roles, people=found.get("person", []), sentence=an,
              trigger=(a0, a1), frame=f"syntax:{spec.name}", status=status, pending=pending)
    money = [n for n in money if not per_unit(an, n)]  # ("at 41.25 dlrs per tonne": a price, not the size)
    if money:
        n = money[0]
        d.amount = an.money[n][2] if n < len(an.money) else None
    return d


_SHARE = re.compile(rf"(?<![\d.])(\d{{1,3}}(?:\.\d+)?)\s?(?:{percent_alternation()})")


_FROM_SHARE_TO = re.compile(rf"\bfrom\s+(?:about\s+|around\s+)?(?<![\d.])\d{{1,3}}(?:\.\d+)?\s?(?:{percent_alternation()})?"
                            rf"\s+to\s+(?:about\s+|around\s+|nearly\s+|roughly\s+)?(\d{{1,3}}(?:\.\d+)?)\s?(?:{percent_alternation()})")


def controlling_share(text: str) -> bool:
    """Whether the share of a company a stretch of text states is more than half ("to 85%"): the first
    it states, or the one it rises to ("from 33% to 75%")."""
    m = _FROM_SHARE_TO.search(text) or _SHARE.search(text)
    return m is not None and float(m.group(1)) > 50


def minority_share(text: str) -> bool:
    """Whether the first share a stretch states is half or less ("bought 10% of X")."""
    m = _SHARE.search(text)
    return m is not None and float(m.group(1)) <= 50


def _names_party(tok, sur: _Surrogate) -> bool:
    """Whether the phrase of ``tok`` names a company or a person."""
    return any(sur.slot(t) is not None and sur.slot(t).kind != "money" for t in tok.subtree)


def _gerund_noun(tok) -> bool:
    """An -ing form used as a noun: it has a possessor, an article or an adjective of its own ("X's
    listing in 2023", "its initial public offering"), which a verb never has."""
    return tok.tag_ == "VBG" and (any(c.dep_ in ("nmod:poss", "det", "amod") for c in tok.children)
                                  or tok.i > 0 and tok.doc[tok.i - 1].tag_ == "POS")


def _present_passive(tok) -> bool:
    """Whether the verb is a present passive ("is listed", "are listed", "remains listed")."""
    return tok.tag_ == "VBN" and any(c.dep_ in ("aux:pass", "aux", "cop") and c.lower_ in _PRESENT_BE for c in tok.children)


_PRESENT_BE = frozenset({"is", "are", "'s", "remains", "remain", "stays", "stay"})


def _intended(tok) -> bool:
    """Whether the trigger is only intended: the complement of "offered to", "plans to", "seeks to"
    (an agreement is not: "agreed to buy" states a deal)."""
    if tok.dep_ == "nsubj:pass" and any(c.dep_ == "xcomp" for c in tok.head.children):
        return False  # "X's listing was supposed to reopen the market": what was meant is the reopening
    node = tok.head if tok.dep_ in ("obj", "obl", "nsubj:pass") else tok  # "offered to make an investment"
    for _ in range(3):
        if node.i != tok.i and node.lower_ in _INTENT_FORMS:
            return True
        if node.dep_ not in ("xcomp", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
    return node.lower_ in _INTENT_FORMS


_SEQUENCE_MARKS = frozenset({"after", "before", "since", "upon", "following", "when", "while"})


def _tense_status(tok, pos: str) -> Status | None:
    """The state a deal's verb states by its tense and the verb it completes: "agreed to buy", "will buy"
    -> announced; "bought", "has bought", "pays" (a plain statement) -> completed; a noun by its verb
    ("completed the purchase" / "announced the purchase")."""
    if pos == "noun":
        node = tok
        for _ in range(2):  # "the completion of its acquisition", "the closing of the purchase"
            if node.dep_ != "nmod" or node.head.i == node.i:
                break
            node = node.head
            if node.lower_ in _DONE_NOUNS:
                return Status.COMPLETED
        tok = node
    verb = tok.head if pos == "noun" and tok.dep_ in ("obj", "nsubj:pass", "obl") else tok
    if pos == "noun" and verb.i == tok.i:
        return None
    word = verb.lower_
    if pos == "noun":
        return Status.COMPLETED if word in _DONE_FORMS else Status.ANNOUNCED if word in _AGREE_FORMS else None
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "to") for c in verb.children) \
            and not any(c.lower_ in ("has", "have", "had") for c in verb.children):
        if verb.dep_ != "xcomp" or verb.head.lower_ in _AGREE_FORMS:
            return Status.ANNOUNCED
    if verb.dep_ == "xcomp" and verb.head.lower_ in _AGREE_FORMS:
        return Status.ANNOUNCED
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i != verb.i \
            and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in verb.children):
        return _tense_status(verb.head, "verb")  # "After buying X, Y expanded": as its clause tells
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children):
        return Status.ANNOUNCED  # "is leaving", "is buying": the present progressive tells what is arranged
    if verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had")
                                                                         for c in verb.children):
        return Status.COMPLETED
    return None


def _has_particle(tok, particle: str) -> bool:
    """Whether the verb has its particle: as a particle or adverb, next to it, or as the preposition of
    a phrase under it ("jumped from X to Y" has the "to" of "jump to")."""
    words = particle.split()
    kids = [c.lower_ for c in tok.children if c.dep_ in ("compound:prt", "advmod", "obl", "xcomp")]
    nxt = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 1 + len(words)]]
    return words[0] in kids or nxt == words or len(words) == 1 and any(
        g.dep_ == "case" and g.lower_ == words[0] for c in tok.children if c.dep_ == "obl" for g in c.children)


def _context(spec: FrameSpec, tok) -> bool:
    text = tok.doc.text.lower()
    around = text[:tok.idx] + " " + text[tok.idx + len(tok):]
    return any(w in around for w in spec.require_context) or any(w in text for w in spec.noun_words)


def _near(tok):
    yield from tok.children
    for c in tok.children:
        if c.dep_ in ("obl", "xcomp", "obj"):
            yield from c.children


def _purpose_forms(spec: FrameSpec) -> frozenset[str]:
    return _forms(tuple(spec.purpose))


@functools.cache
def _forms(verbs: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f for v in verbs for f in inflections(v))


def _obliques(tok) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in tok.children:
        if c.dep_ not in _OBLIQUES:
            continue
        cases = [k for k in c.children if k.dep_ in ("case", "mark")]
        if not cases:
            continue
        word = cases[-1].lower_
        if word == "from" or len(cases) > 1 and cases[0].lower_ == "away":
            word = "from"
        if c.dep_ == "obl:agent":
            word = "by"
        out.setdefault(word, []).append(c)
    # "hired X away from Y": "away" may hang on the verb or on its object
    aways = [c for c in tok.children if c.lower_ == "away"]
    aways += [g for c in tok.children if c.dep_ == "obj" for g in c.children if g.lower_ == "away"]
    for c in aways:
        for k in c.children:
            if k.dep_ in _OBLIQUES:
                out.setdefault("from", []).append(k)
    return out


def _passive(tok) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN")


def _title_owner(title, args: dict[str, list]) -> None:
    """The company a job title that completes a verb belongs to (its "of" phrase or possessor), as the
    verb's ``title`` argument."""
    obliques = _obliques(title)  # "chief executive of Y", "chief technology officer at Y", "Y's chief"
    owner = obliques.get("of", []) + obliques.get("at", []) + [k for k in title.children if k.dep_ == "nmod:poss"]
    if owner:
        args.setdefault("title", owner)


def _verb_arguments(tok) -> dict[str, list]:
    """agent, patient, recipient and prepositional arguments of a verb (see module docstring)."""
    args = _obliques(tok)
    for c in tok.children:  # a secondary predicate's own phrases: "taken private by X", "went public on Y"
        if c.dep_ == "xcomp" and not c.tag_.startswith("VB"):
            if _is_title(c):
                _title_owner(c, args)  # "has been named chief executive of Y"
                continue
            for k, v in _obliques(c).items():
                args.setdefault(k, v)
    passive = _passive(tok)
    subj = [c for c in tok.children if c.dep_ in _SUBJECTS]
    subj_pass = [c for c in tok.children if c.dep_ == "nsubj:pass"]
    obj = [c for c in tok.children if c.dep_ == "obj"]
    if passive and any(c.dep_ == "aux:pass" for c in tok.children):
        # a passive verb has no object: "has been named chief executive of Y" read with the title as
        # one is its complement, and the subject read as active is the passive's
        for c in obj:
            if _is_title(c):
                _title_owner(c, args)
        obj = [c for c in obj if not _is_title(c)]
        subj_pass = subj_pass or subj
    if not obj:  # "named X as its chief officer" read with the name as a complement
        obj = [c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "NNP"]
    iobj = [c for c in tok.children if c.dep_ == "iobj"]
    if not obj and not passive:
        # "brought in $25 million": a particle read as the preposition of the object
        for c in tok.children:
            cases = [k for k in c.children if k.dep_ == "case"]
            if c.dep_ == "obl" and cases and cases[0].i == tok.i + 1 and cases[0].lower_ in _PARTICLES:
                obj = [c]
                args.pop(cases[0].lower_, None)
                break
    if passive:
        agent, patient = args.pop("by", []), subj_pass or obj
    else:
        agent, patient = subj, obj
    # A verb with no subject of its own takes it from the verb it hangs on.
    head = tok
    hops = 0
    while not (patient if passive else agent) and hops < 3 and (
            head.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "acl:relcl", "parataxis")
            or hops and head.dep_ in ("obj", "obl")):  # "committed $1 billion to become ...": up through the object
        parent = head.head
        if head.dep_ == "acl" and parent.dep_.startswith("obl") and any(
                c.dep_ == "mark" and c.lower_ == "to" for c in head.children):
            # "agreed in principle to merge with Y": an infinitive read as describing the verb's
            # adverbial phrase completes that verb
            head = parent
            hops += 1
            continue
        if head.dep_ in ("acl", "acl:relcl"):
            inherited = [parent]
        else:
            inherited = [c for c in parent.children if c.dep_ in _SUBJECTS + ("nsubj:pass",)]
            if not inherited and parent.dep_ == "acl:relcl":
                inherited = [parent.head]
        if inherited:
            if passive:
                patient = inherited
            else:
                agent = inherited
            break
        head = parent
        hops += 1
    if tok.dep_ == "acl:relcl" and passive and not patient:
        patient = [tok.head]
    if len(patient) > 1:
        # "which she took public": the predicate's word read as a second object is none
        patient = [t for t in patient if t.lower_ not in ("public", "private")] or patient
    if not iobj and not passive and len(patient) == 2:
        iobj, patient = patient[:1], patient[1:]  # "awarded X a contract": two objects, the first receives
    if not passive and len(patient) == 1 and patient[0].dep_ == "obj":
        # "took X public" read with X as a compound of "public": X is the object
        named = [c for c in patient[0].children if c.dep_ == "compound" and c.tag_ == "NNP"]
        if named and not patient[0].tag_.startswith("NNP") and patient[0].lower_ in ("public", "private"):
            patient = named
    if not iobj and not passive and len(patient) == 1:
        # "awarded X a contract" read as an object with the thing given in apposition
        given = [c for c in patient[0].children if c.dep_ == "appos" and c.tag_.startswith("NN")]
        if given:
            iobj, patient = patient, given
    poss = [c for t in patient for c in t.children if c.dep_ == "nmod:poss"]  # "license X's technology"
    for t in patient + args.get("as", []):  # "poached three engineers from X", "as CTO after years at X"
        for k, v in _obliques(t).items():
            args.setdefault(k, v)
    if "to" not in args:
        # "sell power from its plant to Y": the recipient's phrase parsed as part of the phrase before it
        for t in args.get("from", []):
            if "to" in (inner := _obliques(t)):
                args["to"] = inner["to"]
    out = {**args, "agent": agent, "patient": patient, "recipient": iobj, "poss": poss}
    return {k: v for k, v in out.items() if v}


def _noun_arguments(tok) -> dict[str, list]:
    """Possessor, prepositional arguments, and the agent of a noun trigger."""
    args = _obliques(tok)
    poss = [c for c in tok.children if c.dep_ == "nmod:poss"] or _left_possessor(tok)
    pronoun = bool(poss) and all(p.lower_ in ("its", "their", "his", "her") for p in poss)
    holder = tok
    if poss and not pronoun:
        args["poss"] = poss
        args.setdefault("agent", poss)
    else:
        # "the pricing of its offering", "the completion of its purchase of Y": the noun the trigger
        # belongs to stands in for it
        holder = tok
        for _ in range(2):
            if holder.dep_ == "nmod" and holder.head.tag_.startswith("NN") and holder.head.i != holder.i:
                holder = holder.head
    if (not poss or pronoun) and holder.dep_ in ("obj", "nsubj:pass", "obl", "ccomp", "xcomp") \
            and holder.head.i != holder.i:
        # No possessor, or "its": the deal is the clause's subject's ("X completed its purchase of Y").
        verb = holder.head
        subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
        hops = 0
        while not subj and verb.dep_ in ("xcomp", "conj", "advcl") and hops < 3:
            verb = verb.head
            subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
            hops += 1
        if subj:
            args["agent"] = subj
            if pronoun:
                args["poss"] = subj
    if pronoun:
        args["pronoun"] = poss  # "its": resolved in _read when the clause's subject is no party
    if "by" in args:
        # "its acquisition by X", "Y's purchase by X": the possessor is what is bought, X the buyer
        owner = args.get("poss", [])
        args["agent"] = args["by"]
        if owner:
            args["patient"] = owner
            args.pop("poss", None)
    for t in args.get("as", []):
        if _is_title(t):
            _title_owner(t, args)  # "the appointment of X as chief executive of Y"
    return args


_MODIFIERS = frozenset({"compound", "amod", "nummod", "punct", "case", "det", "ROOT", "nmod"})


def _left_possessor(tok) -> list:
    """The possessor written before a noun whose figure the parser took for the phrase's head
    ("X's $2 billion purchase of Y", parsed with "$" as the head of "X's")."""
    for i in range(tok.i - 1, max(-1, tok.i - 8), -1):
        left = tok.doc[i]
        if left.dep_ == "nmod:poss":
            return [left]
        if left.tag_ == "POS" and i > 0:
            return [tok.doc[i - 1]]  # "X's listing" with the "'s" attached elsewhere
        if left.dep_ not in _MODIFIERS and not (left.like_num or left.text in "$€£¥"):
            return []
    return []


def _title_arguments(spec: FrameSpec, tok) -> dict[str, list] | None:
    """"X became chief scientist of Y", "X will be Y's first finance chief": the title noun's
    possessor and "of"/"at" phrase are the hirer, the clause's subject the person."""
    if tok.dep_ == "cop":
        title = tok.head
    else:
        title = next((c for c in tok.children if c.dep_ in ("xcomp", "obj", "attr")), None)
    if title is None:
        return None
    words = {title.lower_} | {c.lower_ for c in title.children if c.dep_ in ("compound", "amod")}
    if not (words & set(spec.predicate_nouns) if spec.predicate_nouns else _is_title(title)):
        return None
    args = _obliques(title)
    poss = [c for c in title.children if c.dep_ == "nmod:poss"]
    if poss:
        args["poss"] = poss
    holder = title if tok.dep_ == "cop" else tok
    subj = [c for c in holder.children if c.dep_ in _SUBJECTS] or _verb_arguments(holder).get("agent", [])
    if subj:
        args["agent"] = subj
    return args


_TELLING = frozenset(f for v in ("say", "announce", "confirm", "disclose", "report") for f in inflections(v))
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
#: A time told in a clause: a year, a month, or a time relative to the text's ("last year", "ago").
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|"
                    r"\b(?:last|this|earlier|next) (?:year|month|week|quarter)\b|\bago\b|\b(?:yesterday|today)\b")


def _written_name(slot: _Slot | None, an: Analysed) -> bool:
    """Whether ``slot`` is a company written by its name (not "the company", "the firm")."""
    return slot is not None and slot.kind == "company" and an.sentence.text[an.to_text(slot.a_start):][:1].isupper()


def _possessor(tok) -> bool:
    """Whether ``tok`` is followed by a possessive ending and a noun ("Y's conference", "Systems' unit")."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].tag_ == "POS" and doc[tok.i + 2].tag_.startswith(("NN", "JJ"))


def _parties(tok, sur: _Surrogate, kinds: tuple[str, ...], depth: int = 0) -> list[_Slot]:
    """The parties (or amounts) an argument token stands for."""
    s = sur.slot(tok)
    out = [s] if s is not None and s.kind in kinds else []
    if depth > 3:
        return out
    for c in tok.children:
        if c.dep_ in ("conj", "appos"):
            out += _parties(c, sur, kinds, depth + 1)
        elif c.dep_ in ("compound", "flat", "nummod") and kinds == ("money",):
            out += _parties(c, sur, kinds, depth + 1)
    if not out and kinds == ("person",) and tok.lower_ in ("she", "he") and depth == 0:
        # "We welcomed X as COO; she joins us from Y": the person named last before the pronoun
        before = [sl for sl in sur.slots if sl.kind == "person" and sl.end <= tok.idx]
        out += before[-1:]
    if not out and kinds == ("person",) and _is_title(tok):
        # "named X chief financial officer" read with X inside the title's phrase
        out += [hit for t in tok.subtree if t.i != tok.i and (hit := sur.slot(t)) is not None
                and hit.kind == "person" and t.dep_ in ("compound", "flat", "appos")]
    if not out and (tok.lower_ in _CONTAINERS or _is_title(tok)):
        for c in tok.children:
            if c.dep_ in ("nmod", "nmod:poss"):
                out += _parties(c, sur, kinds, depth + 1)
    if not out and kinds == ("money",):
        for c in tok.children:
            if c.dep_ in ("nummod", "amod", "compound", "nmod"):
                out += _parties(c, sur, kinds, depth + 1)
    if not out and kinds == ("company",) and tok.lower_ in _RELATIVE_PRONOUNS and depth == 0:
        # "X, which she took public in 2021": the relative pronoun stands for the noun its clause
        # describes (or, where the parse missed the clause, the noun the comma follows)
        before = tok.doc[tok.i - 2] if tok.i >= 2 and tok.doc[tok.i - 1].text == "," else None
        antecedent = tok.head.head if tok.head.dep_ == "acl:relcl" else before
        if antecedent is not None:
            out += _parties(antecedent, sur, kinds, depth + 1)
    if not out and s is None and kinds == ("company",):
        # "GPU cloud provider X": a descriptor with the name beside it
        for c in tok.children:
            hit = sur.slot(c)
            if c.dep_ in ("flat", "appos") and hit is not None and hit.kind == "company":
                out.append(hit)
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        hit = sur.slot(nxt) if nxt is not None and tok.tag_.startswith("NN") and not tok.tag_.startswith("NNP") else None
        if not out and hit is not None and hit.kind == "company" and nxt.head.i in (tok.i, tok.head.i):
            out.append(hit)  # "from bankrupt rival X" parsed with X beside the descriptor, not under it
    return out


def _is_staff(tok) -> bool:
    """Staff told as a group: "three engineers", "a team of researchers", "its founders"."""
    return tok.lower_ in staff_words() or any(c.lower_ in staff_words() for c in tok.children if c.dep_ == "nmod")


def _staff_employer(patients, sur: _Surrogate) -> int | None:
    """The company a group of staff (or a title) belongs to: "the founders of X", "X's three founders"."""
    for p in patients:
        if not (_is_staff(p) or _is_title(p)):
            continue
        for c in p.children:
            s = sur.slot(c)
            if c.dep_ in ("nmod", "nmod:poss") and s is not None and s.kind == "company":
                return s.ident
            if c.dep_ == "nmod" and s is None:
                # "the founders of robotics startup X": the name beside the descriptor
                beside = [g for g in c.children if g.dep_ in ("flat", "appos", "compound")]
                if c.i + 1 < len(c.doc):
                    beside.append(c.doc[c.i + 1])
                hit = next((h for g in beside if (h := sur.slot(g)) is not None and h.kind == "company"), None)
                if hit is not None:
                    return hit.ident
    return None


def _is_title(tok) -> bool:
    """A job title: "chief executive", "finance chief", "head of research"."""
    words = {tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    return not words.isdisjoint(titles())


def _affiliation(people, sur: _Surrogate) -> int | None:
    """The company a person is described as being from: "X, a co-founder of Y", "X, who led research
    at Y", "Y's X", "Y co-founder X"."""
    for p in people:
        for c in p.subtree:
            if c.i == p.i:
                continue
            s = sur.slot(c)
            if s is not None and s.kind == "company" and _inside_description(c, p):
                return s.ident
    return None


def _inside_description(tok, person) -> bool:
    node = tok
    while node.i != person.i and node.head.i != node.i:
        if node.dep_ in ("appos", "acl:relcl", "acl", "nmod:poss", "compound"):
            return True
        if node.dep_ == "conj" and node.head.i == person.i and _is_title(node):
            return True  # "X, EVP and head of cloud at Y" parsed as a list of X and titles
        if node.head.i == person.i and node.dep_ in ("obl", "nmod") and any(
                k.dep_ == "case" and k.lower_ in ("at", "of") for k in node.children):
            return True  # "X, head of cloud at Y" with "at Y" read as a phrase of X's own
        node = node.head
    return False
