"""Find the names of companies, lists and groups in a sentence.

Known names (the ledger's entities and aliases) are matched by looking capitalised runs of words up in
a dictionary, not with one giant regular expression: a ledger of 10,000 entities would make an
alternation pattern scan every position 10,000 times. Names the ledger does not know are the company
names the extractor's finder (:func:`infraledger.extract.mentions.find_mentions`) reads, so claims about
companies the ledger has never heard of are still found, and found as extraction finds them; the audit
only trims a figure-claim's words off them (an imperative opener, a legal suffix after a comma) and
keeps a list's number ("Futura 50").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..extract.mentions import find_mentions as find_names
from ..lexicon import legal, number_words
from ..model import Entity, EntityKind, normalise_name

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&\-]*(?:\.[A-Za-z0-9]+)*")
_MAX_WORDS = 6
#: Capitalised words that are not names (sentence openers, months, generic finance vocabulary).
_NOT_NAMES = frozenset(["a", "an", "the", "this", "that", "these", "those", "it", "its", "their", "our", "his", "her",
                        "as", "at", "by", "in", "on", "of", "for", "to", "from", "with", "when", "while", "where",
                        "despite", "however", "although", "after", "before", "during", "since", "until", "into",
                        "over", "under", "and", "or", "but", "if", "then", "thus", "rather", "january", "february",
                        "march", "april", "may", "june", "july", "august", "september", "october", "november",
                        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "q1",
                        "q2", "q3", "q4", "h1", "h2", "fy", "ipo", "ipos", "ceo", "cfo", "cto", "sec", "gpu", "gpus",
                        "cpu", "ai", "ml", "m&a", "sasa", "sase", "usd", "eur", "gbp", "saas", "api", "source",
                        "sources", "note", "introduction", "conclusion", "published", "updated", "key", "hidden",
                        "total", "pure", "first", "second", "third",
                        # descriptors written before a name: "Startup Quillon", "Rival Orla"
                        "startup", "start-up", "rival", "chipmaker", "chip-maker", "neocloud", "unicorn", "insurgent",
                        "shares", "stock", "revenue", "revenues", "sales", "funding",
                        "analysts", "investors", "private", "public",
                        # sentence adverbs: "Meanwhile, X ...", "Separately X said ..."
                        "meanwhile", "separately", "elsewhere", "also", "still", "overall", "together", "additionally",
                        "further", "finally", "notably", "similarly", "likewise", "instead", "today", "yesterday",
                        "earlier", "later", "last", "next", "this", "yet", "indeed", "collectively", "combined",
                        "between", "among", "across", "including", "according", "amid", "following", "within",
                        # imperatives opening a sentence: "Take Halvorsen Compute: ..."
                        "take", "consider", "look"])
#: Legal suffixes after a comma ("Norvale, Inc."): part of the name before, never one (the lexicon's).
_LEGAL_WORDS = frozenset(f for s in legal().suffixes if " " not in s for f in (s.lower(), s.lower().replace(".", "")))
#: Numbers written as words ("three", "twelve"): the lexicon's.
_NUMBER_NAMES = frozenset(w for w in number_words() if " " not in w)
_NOT_NAMES = _NOT_NAMES | _LEGAL_WORDS | _NUMBER_NAMES
#: A participle opening a sentence ("Priced at $24 ...", "Founded in 2019, ...", "Backed by ..."): one word
#: alone there is a verb, not a name.
_OPENING_VERB = re.compile(r"^[A-Z][a-z]{2,}(?:ed|ing)$")
#: Funding stages written in capitals ("Series C", "Pre-Series A", "Seed"): not names.
_STAGE = re.compile(r"(?:Pre-)?Series\s+[A-Z](?:-?\d)?\b|(?:Pre-)?Seed\b")

#: Words that end an unknown name: "CAST AI" continues through "AI", "Nvidia In ..." does not.
_NOT_CONTINUING = frozenset(w for w in _NOT_NAMES if w not in {"ai", "ml", "saas", "api", "first", "second", "third"}
                            and w not in _LEGAL_WORDS and w not in _NUMBER_NAMES)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    entity_id: str | None = None
    name: str = ""          # canonical name when known, else the text
    kind: str = ""          # entity kind when known


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


class NameIndex:
    """Known names, keyed by lower-cased text and by the normalised name (legal suffixes dropped)."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._names: dict[str, Entity] = {}
        for e in entities:
            self.add(e)

    def add(self, entity: Entity) -> None:
        if entity.kind is EntityKind.PERSON:
            return  # people are named in talent moves, not subjects of figures
        for n in entity.names():
            if len(n.strip()) < 2:
                continue
            self._names.setdefault(_key(n), entity)
            norm = normalise_name(n)
            if norm and len(norm) >= 2:
                self._names.setdefault(norm, entity)

    def get(self, text: str) -> Entity | None:
        return self._names.get(_key(text)) or self._names.get(normalise_name(text) or "\0")

    def __len__(self) -> int:
        return len(self._names)


def _name_like(tok: str) -> bool:
    return tok[0].isupper() or tok[0].isdigit() and any(c.isalpha() for c in tok) or any(c.isupper() for c in tok[1:])


def find_mentions(sentence: str, offset: int, index: NameIndex,
                  lowercase_words: frozenset[str] = frozenset()) -> list[Mention]:
    """Names in ``sentence`` (offsets shifted by ``offset``): known entities first, then unknown capitalised runs.

    ``lowercase_words`` are words the document also uses in lower case; a capitalised one at the
    start of a sentence ("Security has become ...") is then read as an ordinary word.
    """
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(sentence)]
    # Names the ledger does not know are those the extractor's name finder reads (people left out).
    found = {m.start: m.end for m in find_names(sentence) if m.kind != "person"}
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        # The longest run of up to _MAX_WORDS adjacent tokens that names a known entity.
        best = None
        for j in range(min(len(tokens), i + _MAX_WORDS), i, -1):
            s, e = tokens[i][0], tokens[j - 1][1]
            if j - i > 1 and any(sentence[tokens[k][1]:tokens[k + 1][0]] not in (" ", "-") for k in range(i, j - 1)):
                continue
            if not _name_like(tokens[i][2]):
                break
            ent = index.get(sentence[s:e])
            if ent is not None:
                best = (j, Mention(offset + s, offset + e, sentence[s:e], ent.id, ent.name, ent.kind.value))
                break
        if best:
            out.append(best[1])
            i = best[0]
            continue
        s, e, tok = tokens[i]
        stage = _STAGE.match(sentence, s)
        if stage:
            i = next((k for k in range(i, len(tokens)) if tokens[k][0] >= stage.end()), len(tokens))
            continue
        if s in found and tok.lower() in _NOT_NAMES and i + 1 < len(tokens) and tokens[i + 1][1] <= found[s]:
            found[tokens[i + 1][0]] = found.pop(s)  # "Take Halvorsen Compute: ...": the name starts after
        elif s in found and not tok.isdigit():
            j = i + 1
            while (j < len(tokens) and tokens[j][1] <= found[s] and sentence[tokens[j - 1][1]:tokens[j][0]] == " "
                   and tokens[j][2].lower() not in _NOT_CONTINUING and index.get(tokens[j][2]) is None):
                j += 1
            if j < len(tokens) and tokens[j][2].isdigit() and len(tokens[j][2]) < 4 \
                    and sentence[tokens[j - 1][1]:tokens[j][0]] == " ":
                j += 1  # a list or fund named with its number: "Futura 50", "Fund 7"
            e = tokens[j - 1][1]
            text = sentence[s:e]
            at_start = sentence[:s].strip(" *-•\"“") == ""
            if not (at_start and j == i + 1 and (tok.lower() in lowercase_words or _OPENING_VERB.match(tok))):
                out.append(Mention(offset + s, offset + e, text, None, text, ""))
            i = j
            continue
        i += 1
    return out


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words that appear in lower case somewhere in ``text``."""
    return frozenset(w for w in re.findall(r"\b[a-z][a-z\-]+\b", text))
