"""Repairs of dependency trees where a parser attaches a word of deal prose in a way no grammar of
English allows, so the frames read the relation the sentence states.

Each repair is a shape of tree, not a sentence: it moves one attachment and renames one relation,
and only where the words around it say what the attachment must be.

- A company's name after a comma read as a form of address ("raised its holding in another supplier,
  X, to 60%" with X a ``vocative``): it is an apposition of the noun before the comma.
- A preposition hung on a noun's compound modifier ("hired 40 engineers from bankrupt rival X" with
  "from" under "rival" and X an object): the preposition is the name's, and the phrase an oblique.
- A relative clause read as a clause of its own ("X, which she took public in 2019, ..." with "took"
  a ``parataxis``): it describes the noun before the comma, and a pronoun with no preposition is its
  object.
- An object read as an indirect one with "public" or "private" under it ("took X public"): it is the
  verb's object.
- A deal's preposition hung on the name the deal is of ("the sale of X and Y to Z" with "to Z" under
  X): a name takes no "to", "by" or "for" phrase of its own; the phrase is the deal noun's.
- An opening clause's object read past its comma ("Before acquiring X this year, Y had talked ..." with
  Y a second object of "acquiring"): a name after the comma, right before a verb that has no subject,
  is that verb's subject.
- A participle set off by commas read as the sentence's verb ("X, backed by Y, raised $5 million" with
  "backed" the root and "raised" a clause of its own): the participle describes the noun before it, and
  the verb after the second comma is the sentence's, with that noun its subject.
- A verb read as a plural noun in a sentence that then has no verb at all ("Dana Wu steps down as chief
  executive" with "Wu steps" a compound): a deal verb's "-s" form after a name is the verb, the name
  its subject and the phrases under it obliques.
- A subject hung on the copula ("X will be Y's first finance chief" with X under "be"): it is the
  predicate's.
- A name read as a compound of a verb ("Dana moves from X to Y" with "Dana" a ``compound`` of
  "moves"): a verb has no compound; the name before it is its subject.
- A "from" or "to" phrase hung on a name that is a verb's argument ("moves from X to Y" with "to Y"
  under X, "was hired by X from Y" with "from Y" under X): a name takes no such phrase of its own;
  it is the verb's.
- A clause told after a verb of saying and a time read as a relative clause of the time ("X said on
  Monday that Y will become its chief" with "become" under "Monday"): a clause "that" introduces with a
  subject of its own is what was said, the verb's complement.
- An object with a preposition of its own ("raised its stake in X to 85% from 40%" with "%" a second
  object): a phrase a preposition leads is no object but an oblique.
"""

from __future__ import annotations

_RELATIVES = frozenset({"which", "who", "whom", "that"})
_DEAL_PREPOSITIONS = frozenset({"to", "by", "for"})
_MOTION_PREPOSITIONS = frozenset({"from", "to"})
_VERB_ARGUMENTS = frozenset({"obj", "obl", "obl:agent", "nsubj:pass"})


def repair(doc):
    """``doc`` with the attachments above repaired (in place); returns ``doc``."""
    strings = doc.vocab.strings
    vocative, compound, iobj = strings.add("vocative"), strings.add("compound"), strings.add("iobj")
    clauses = {strings.add(label) for label in ("parataxis", "conj", "advcl")}
    subjects = {strings.add(label) for label in ("nsubj", "nsubj:outer", "csubj")}
    cop, nmod, obj = strings.add("cop"), strings.add("nmod"), strings.add("obj")
    relcl = strings.add("acl:relcl")
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.tag_ == "VBN":
        _participle_read_as_the_verb(root)
    elif root is not None and root.tag_ == "NNS":
        _verb_read_as_a_noun(root)
    for tok in doc:  # (relations compared as numbers: a label's text is looked up each time it is read)
        dep = tok.dep
        if dep == vocative and tok.tag_ == "NNP":
            _apposition_after_comma(tok)
        elif dep == compound:
            if (tok.head.tag_ in ("VBZ", "VBD", "VBP") or tok.head.tag_ == "VB" and tok.head.dep_ == "ROOT") \
                    and tok.i < tok.head.i:
                _subject_read_as_a_compound(tok)
            else:
                _preposition_of_the_name(tok)
        elif dep in clauses and tok.tag_.startswith("VB"):
            _relative_clause(tok)
        elif dep == relcl:
            _what_was_said(tok)
        elif dep == nmod and tok.head.tag_ == "NNP":
            _preposition_of_the_deal(tok)
            if tok.dep == nmod and tok.head.tag_ == "NNP":
                _preposition_of_the_verb(tok)
        elif dep == obj and tok.head.i < tok.i:
            if _first_word(tok).dep_ == "case":
                tok.dep_ = "obl"  # (a preposition leads it: an oblique)
            else:
                _subject_after_the_comma(tok)
        elif dep == iobj:
            _object_made_public(tok)
        elif dep in subjects and tok.head.dep == cop and tok.head.head.i != tok.head.i:
            _subject_of_the_predicate(tok)
    return doc


def _first_word(tok):
    """The first word of ``tok``'s phrase that is not punctuation."""
    return next(t for t in tok.subtree if t.dep_ != "punct" or t.i == tok.i)


def _noun_before_comma(tok):
    """The noun that ends the phrase before the comma right before ``tok``'s phrase, or None."""
    i = _first_word(tok).i
    if i < 2 or tok.doc[i - 1].text != ",":
        return None
    noun = tok.doc[i - 2]
    return noun if noun.tag_.startswith("NN") else None


def _apposition_after_comma(tok) -> None:
    noun = _noun_before_comma(tok)
    if noun is not None and noun.i != tok.head.i and not _dominates(tok, noun):
        tok.head, tok.dep_ = noun, "appos"


def _preposition_of_the_name(tok) -> None:
    name = tok.head
    cases = [c for c in tok.children if c.dep_ == "case"]
    if not cases or name.i <= tok.i or not name.tag_.startswith("NNP") or any(c.dep_ == "case" for c in name.children):
        return
    for case in cases:
        case.head = name
    if name.dep_ in ("obj", "iobj"):
        name.dep_ = "obl"


def _preposition_of_the_deal(tok) -> None:
    if not any(c.dep_ == "case" and c.lower_ in _DEAL_PREPOSITIONS for c in tok.children):
        return
    name = tok.head
    while name.dep_ == "conj" and name.head.tag_ == "NNP":
        name = name.head  # "of X and Y": the phrase that names both
    noun = name.head
    if name.dep_ == "nmod" and noun.tag_ in ("NN", "NNS") and name.i < tok.i and not _dominates(tok, noun):
        tok.head = noun


def _preposition_of_the_verb(tok) -> None:
    name = tok.head
    verb = name.head
    if name.dep_ in _VERB_ARGUMENTS and verb.tag_.startswith("VB") and name.i < tok.i \
            and any(c.dep_ == "case" and c.lower_ in _MOTION_PREPOSITIONS for c in tok.children):
        tok.head, tok.dep_ = verb, "obl"


def _what_was_said(verb) -> None:
    time, telling = verb.head, verb.head.head
    if time.dep_ == "obl" and telling.lower_ in _TELLING and time.i < verb.i \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
            and any(c.dep_.startswith("nsubj") for c in verb.children):
        verb.head, verb.dep_ = telling, "ccomp"


_TELLING = frozenset({"said", "says", "say", "announced", "announces", "confirmed", "confirms", "told", "tells",
                      "disclosed", "discloses", "reported", "reports", "added", "adds", "noted", "notes"})


def _subject_read_as_a_compound(tok) -> None:
    verb = tok.head
    if tok.tag_ == "NNP" and tok.i == verb.i - 1 and not any(c.dep_.startswith(("nsubj", "csubj")) for c in verb.children):
        tok.dep_ = "nsubj"


def _subject_after_the_comma(tok) -> None:
    first, after = _first_word(tok), tok.right_edge.i + 1
    if first.i < 1 or tok.doc[first.i - 1].text != "," or after >= len(tok.doc) or not tok.tag_.startswith("NNP"):
        return
    if not any(c.dep_ == "obj" and c.i < first.i for c in tok.head.children):
        return  # the verb before the comma has no other object: this one may be its own
    nxt = tok.doc[after]
    verb = nxt.head if nxt.dep_ in ("aux", "aux:pass") else nxt
    if verb.tag_.startswith(("VB", "MD")) and verb.i != tok.head.i and not any(
            c.dep_.startswith(("nsubj", "csubj")) for c in verb.children) and not _dominates(tok, verb):
        tok.head, tok.dep_ = verb, "nsubj"


def _participle_read_as_the_verb(participle) -> None:
    subject = next((c for c in participle.children if c.dep_ == "nsubj:pass" and c.i < participle.i), None)
    if subject is None or participle.doc[participle.i - 1].text != "," or any(
            c.dep_ == "aux:pass" for c in participle.children):
        return  # "X was backed by Y" is the sentence's verb
    verb = next((c for c in participle.children if c.dep_ in ("parataxis", "conj") and c.i > participle.i
                 and c.tag_ in ("VBD", "VBZ", "VBP", "VBN") and c.doc[_first_word(c).i - 1].text == ","), None)
    if verb is None or any(c.dep_.startswith("nsubj") for c in verb.children):
        return
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head, subject.dep_ = verb, "nsubj"
    participle.head, participle.dep_ = subject, "acl"


def _verb_read_as_a_noun(root) -> None:
    from .framedata import headline_verbs

    if root.lower_ not in headline_verbs() or not root.lower_.endswith("s") \
            or any(t.tag_.startswith(("VB", "MD")) for t in root.doc):
        return
    name = next((c for c in root.children if c.dep_ == "compound" and c.tag_ == "NNP" and c.i == root.i - 1), None)
    if name is None:
        return
    root.tag_ = "VBZ"
    name.dep_ = "nsubj"
    for c in root.children:
        if c.dep_ == "nmod" and c.i > root.i:
            c.dep_ = "obl"


def _relative_clause(verb) -> None:
    pronoun = _first_word(verb)
    noun = _noun_before_comma(verb)
    if pronoun.lower_ not in _RELATIVES or pronoun.head.i != verb.i or noun is None or _dominates(verb, noun):
        return
    verb.head, verb.dep_ = noun, "acl:relcl"
    if pronoun.dep_.startswith("obl") and not any(c.dep_ == "case" for c in pronoun.children):
        pronoun.dep_ = "obj"


def _object_made_public(tok) -> None:
    verb = tok.head
    if any(k.lower_ in ("public", "private") for k in tok.children) and not any(
            c.dep_ == "obj" for c in verb.children) and sum(c.dep_ == "iobj" for c in verb.children) == 1:
        tok.dep_ = "obj"


def _subject_of_the_predicate(tok) -> None:
    predicate = tok.head.head
    if not any(c.dep_ in ("nsubj", "nsubj:outer", "csubj") for c in predicate.children):
        tok.head = predicate


def _dominates(tok, other) -> bool:
    """Whether ``other`` lies in the subtree of ``tok`` (moving ``tok`` under it would make a cycle)."""
    return tok.left_edge.i <= other.i <= tok.right_edge.i and any(t.i == other.i for t in tok.subtree)
