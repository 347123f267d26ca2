"""A document read for extraction: sentences, names, coreference, money, and placeholder text.

This is the front half of the rules backend. Every sentence becomes an :class:`Analysed`
sentence: its company and person mentions (as document-wide entity ids), its money amounts,
its citation "(Source: ...)", and ``abstract`` — the sentence with names, money and resolved
anaphors ("the company", "the Oslo-based startup", "it") replaced by placeholders, which is
what the frames in :mod:`frames` match.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from ..lexicon import alternation, citation_pattern, common_words, dateline_dash, deal_nouns, inflections, wire_tag
from ..model.money import MONEY_HINT, Money, find_money, may_state_money
from .mentions import (EntityTable, Mention, build_table, find_mentions, is_company_word, is_exchange, names_a_group,
                       strip_legal)
from .syntax.framedata import deal_verb_forms, headline_telling_verbs, headline_verbs
from .text import Sentence, is_heading, split_sentences

CITATION_RE = re.compile(r"\s*" + citation_pattern().pattern, re.IGNORECASE)  # group 1: what it cites
_HEADS = (r"company|Company|startup|start-up|firm|group|chipmaker|chip-maker|chip designer|maker|developer|provider|lab|"
          r"carrier|operator|designer|vendor|miner|manufacturer|giant|supplier|specialist|neocloud|unicorn|insurgent|"
          r"outfit|business|concern")
COREF_RE = re.compile(rf"\b[Tt]he\s+(?:(?!the\b|a\b|an\b|of\b)[\w'’&.-]+\s+){{0,4}}?(?:{_HEADS})\b(?!\s+(?:of|that|which|whose|in which)\b)"
                      rf"(?!-)(?!\s+(?-i:[A-Z]))")  # "the chip startup Vantor" names Vantor
_NOT_COREF = re.compile(r"^[Tt]he\s+(?:two|three|both|other|same|largest|biggest|smaller|new|combined|first|second|"
                        r"last|rival|remaining)\b")
# A sentence can state money only with a digit next to a currency sign, code or word somewhere.
_MONEY_HINT = MONEY_HINT
# Every way of stating money needs a digit or a scale word ("one billion dlrs"): a cheap test before _MONEY_HINT.
_DIGIT = re.compile(r"\d")
_SCALE_WORD = re.compile(r"(?:illion|\bmln|\bbln)\b", re.IGNORECASE)


def _figure(text: str) -> bool:
    """Whether ``text`` has a digit or a scale word (the scale words' letters in lower case first:
    a case-insensitive match needs them there)."""
    if _DIGIT.search(text):
        return True
    low = text.lower()
    return ("illion" in low or "mln" in low or "bln" in low) and _SCALE_WORD.search(text) is not None
_CAP_WORD = re.compile(r"(?<![\w'’])[A-Z0-9][\w&'’.-]*")
IT_RE = re.compile(r"\b(?:[Ii]t|its|Its)\b(?!['’])")
_SUBJECT_CONTEXT = re.compile(r"\b(?:that|when|as|because|said|which|after|before|until|since|and|but|if)\s+$")
_SUBJECT_IT = re.compile(r"\s+(?:has|had|have|would|will|is|was|said|says|agreed|agrees|announced|listed|raised|"
                         r"completed|closed|bought|acquired|signed|expects|expected|plans|planned|owes|took|takes|could|"
                         r"can|may|might|also|now|still|then|later|reported|filed|became|remains|received|landed|won|wins|"
                         r"secured|secures|inked|struck|clinched)\b")
# "it" before any past-tense verb is a subject ("In June it hired ...").
_PAST_AFTER = re.compile(r"\s+(?:\w{3,}ed|paid|sold|bought|made|took|won|led)\b")


@dataclass
class Analysed:
    """One sentence ready for the frames."""

    sentence: Sentence
    index: int
    mentions: list[Mention]
    ids: list[int]                       # entity id of each mention
    money: list[tuple[int, int, Money]]  # offsets into the sentence text
    abstract: str
    pieces: list[tuple[int, int, int, int]]  # (abstract start, abstract end, text start, text end)
    citation: str = ""
    entity_ids: list[int] = field(default_factory=list)  # org entity ids in order, after coreference
    topic: int | None = None  # the company the previous sentences were about
    times: list | None = None  # the sentence's dates, filled in on first use
    blanked: list[tuple[int, int]] = field(default_factory=list)  # text spans blanked in this reading
    relations: list[tuple[str, int, int]] = field(default_factory=list)  # (type, subject id, related id)

    def to_text(self, pos: int) -> int:
        """Offset in the sentence text for an offset in ``abstract``."""
        for a0, a1, t0, t1 in self.pieces:
            if a0 <= pos < a1:
                return t0 + min(pos - a0, t1 - t0)
        return len(self.sentence.text)


@dataclass
class Reading:
    """Every sentence of one document, analysed, and the document's entity table."""

    text: str
    sentences: list[Analysed]
    table: EntityTable
    speaker: int | None = None  # the company a first-person text ("we raised ...") is by


def read(text: str) -> Reading:
    """Analyse ``text`` sentence by sentence (see module docstring)."""
    sentences = [_headline(s) if s.heading else s for s in split_sentences(text)]
    masked = [_mask(_headline_case(s.text) if s.headline else s.text) for s in sentences]
    # Capitalised words seen after a sentence's first word: a first word among them is a name.
    known = set()
    for mt, _ in masked:
        known.update(_clean_word(w) for w in _CAP_WORD.findall(mt, _first_alpha(mt) + 1))
    known_f = frozenset(known)
    all_mentions = [find_mentions(mt, sentence_start_words=known_f) for mt, _ in masked]
    _recheck_first_words(masked, all_mentions, known, [s.headline for s in sentences])
    if _INTERVIEW.search(text):
        # An interview's answers open with who speaks ("Venn: It was a hard year"): a person.
        for (mt, _), ms in zip(masked, all_mentions):
            if ms and ms[0].start == _first_alpha(mt) and mt.startswith(":", ms[0].end):
                ms[0].kind = "person"
    # Title-case headlines run names into verbs ("Brisa Raises ..."): they do not define names.
    table, surfaces = build_table([ms for s, ms in zip(sentences, all_mentions) if not s.heading])
    has_body = any(not s.heading for s in sentences)
    for n, (s, ms) in enumerate(zip(sentences, all_mentions)):
        if s.heading and _SECTION_LABEL.fullmatch(s.text.strip()):
            all_mentions[n] = []  # "PRIVATE ROUNDS", "PEOPLE": a section's label names no company
            continue
        rubric = _RUBRIC.match(s.text) if s.heading else None
        if rubric:  # "CHIP TALK | The interview": the rubric before the bar is a label too
            ms = all_mentions[n] = [m for m in ms if m.start >= rubric.end()]
        unknown = [m for m in ms if s.heading and table.lookup(surfaces.get(_strip(m.text), m.text)) is None]
        if s.headline and unknown and has_body:
            # A headline is read only when its names are the body's: a title-case name may run
            # into a verb the headline casing did not catch ("Larkspur Networks Enters ...").
            sentences[n] = replace(s, headline=False)
        for m in unknown:
            surfaces[_strip(m.text)] = _strip(m.text)
            table.add(_strip(m.text), m.kind)
    out: list[Analysed] = []
    topics: list[tuple[int, list[int]]] = []  # (paragraph, company ids) of each sentence so far
    counts: dict[int, int] = {}
    # Entity id of every mention (None: not in the table); the table does not change from here on.
    all_ids = [[table.lookup(surfaces.get(_strip(m.text), m.text)) for m in ms] for ms in all_mentions]
    for sentence_ids in all_ids:
        for idx in sentence_ids:
            if idx is not None:
                counts[idx] = counts.get(idx, 0) + 1
    speaker = _speaker(sentences, all_ids, table, counts)
    defined = _defined_company(masked, all_mentions, all_ids)
    for i, (s, (mt, citation), ms, sentence_ids) in enumerate(zip(sentences, masked, all_mentions, all_ids)):
        ids = [idx or 0 for idx in sentence_ids]
        for m, idx in zip(ms, ids):
            m.kind = table.kinds[idx]
        money = find_money(mt) if _figure(mt) and may_state_money(mt) else []
        analysed = _abstract(s, i, mt, ms, ids, money, table, topics, counts, speaker, defined)
        analysed.citation = citation
        analysed.topic = _topic(topics, set(), table, paragraph=s.paragraph)
        out.append(analysed)
        # A title-case headline runs names into words ("Quill Systems Reports Completion ..."),
        # so the document's title gives no topic.
        topics.append((s.paragraph, [] if i == 0 and s.heading else analysed.entity_ids))
    return Reading(text=text, sentences=out, table=table, speaker=speaker)


_FIRST_TOKEN = re.compile(r"[A-Z][\w&'’.-]*")
# What follows the head of a note in a list ("* Quill -- priced ...", "* Quill ($40M, seed)", "* Quill:
# $12 million seed", "* Quill (AI chips) - $40M Series B").
_NOTE_HEAD = re.compile(r"\s*(?:--|—|–|\s-\s|(?::|\()\s*(?:[$€£¥₹]|US\$|USD|EUR|GBP)\s?\d|\([^()]{1,40}\)\s*(?:--|—|–|-|:))")
# A heading in capitals of a few words: a section's label ("PRIVATE ROUNDS", "M&A", "PEOPLE").
_SECTION_LABEL = re.compile(r"[^a-z]{2,40}")
_RUBRIC = re.compile(r"\s*[^a-z|]{2,40}\|")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


def _recheck_first_words(masked: list[tuple[str, str]], all_mentions: list[list[Mention]], known: set[str],
                         headlines: list[bool]) -> None:
    """A sentence's first word that is never written in lower case in the document, and either
    begins a longer name elsewhere ("Pellham" of "Pellham Cloud") or is followed by a verb
    ("Google is backstopping ..."), is a name: find the sentence's mentions again knowing it. (A word
    before a plural noun for a kind of firm describes it: "Hedge funds bought ...".)"""
    leads = {_clean_word(m.text.split()[0]) for ms in all_mentions for m in ms if " " in m.text} - known
    candidates = {}
    for n, (mt, _) in enumerate(masked):
        start = _first_alpha(mt)
        first = _FIRST_TOKEN.match(mt, start)
        if first is None or any(m.start <= start < m.end for m in all_mentions[n]):
            continue
        word = _clean_word(first.group(0))
        if word and word not in known and not names_a_group(word, mt, first.end()) and (
                word in leads or _SUBJECT_IT.match(mt, first.end()) and not _plural_of_ordinary(word)
                or _deal_verb_after(mt, first.end(), headlines[n])
                or _uncommon_subject(word, mt, first.end())
                or _BULLET.match(mt) and _NOTE_HEAD.match(mt, first.end())):
            candidates[n] = word
    if not candidates:
        return
    lower = set(_LOWER_WORD.findall(" ".join(mt for mt, _ in masked)))
    extra = frozenset(known | {w for w in candidates.values() if w not in lower})
    for n, word in candidates.items():
        if word in extra:
            all_mentions[n] = find_mentions(masked[n][0], sentence_start_words=extra)


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+(?:-[A-Za-z]+)?\b")
_ANY_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
_HEADLINE_SMALL = frozenset("to as in on for from with of by and its after over into at the a an "
                            "thousand million billion trillion share shr cash down off".split())


def _headline(s: Sentence) -> Sentence:
    """A heading that states a deal is read as a sentence: it has a deal verb ("Zentrix To Buy Halvora")
    or a deal noun with the preposition that names what it is of ("Zentrix Acquisition Of Halvora Cleared",
    "Zentrix Begins Tender For Halvora")."""
    forms = headline_verbs() | headline_telling_verbs()
    if any(w.lower() in forms for w in _ANY_WORD.findall(s.text)) or _DEAL_NOUN_OF.search(s.text):
        return replace(s, headline=True)
    return s


_DEAL_NOUN_OF = re.compile(r"\b(?:(?:acquisition|purchase|takeover|buyout)\s+of|(?:tender|bid|offer)\s+for)\b", re.IGNORECASE)


def _headline_case(text: str) -> str:
    """A title-case headline with its deal verbs and small words in lower case ("Zentrix To Buy
    Halvora" -> "Zentrix to buy Halvora"), so names end where the verb starts; same length, so
    offsets hold."""
    forms = headline_verbs() | headline_telling_verbs()

    def lower(m: re.Match) -> str:
        word = m.group(0).lower()
        if word in forms or word in _HEADLINE_SMALL and m.start() > 0:
            return word
        if word in _headline_nouns() and m.start() > 0 and not _NAME_GOES_ON.match(text, m.end()):
            return word  # "Completes Acquisition Of Halvora" (but "Quill Acquisition Corp" is a name)
        return m.group(0)

    return _TITLE_WORD.sub(lower, text)


_NAME_GOES_ON = re.compile(r"\s+(?:Corp|Corporation|Co|Company|Inc|Ltd|LLC|Holdings|Partners|Group|Fund|Trust)\b")


@functools.cache
def _headline_nouns() -> frozenset[str]:
    """The nouns of deals a title-case headline writes capitalised ("Deal", "Acquisition", "Round")."""
    table = deal_nouns()
    return frozenset(w for kind in ("acquisition", "funding", "contract", "ipo") for w in getattr(table, kind)
                     if " " not in w) | {"stake", "funding", "ipo", "tender", "unit", "division", "arm",
                                         "subsidiary", "shares", "stock"}


_NEXT_WORD = re.compile(r"\s+(?:has\s+|have\s+|had\s+|will\s+|also\s+|to\s+)?([a-z][a-z-]+)")


# ... a lower-case word next, or a description set off by a comma ("Zentrix, backed by Y, raised ...")
_LOWER_NEXT = re.compile(r"(?:['’]s)?\s+[a-z]|,\s+(?:a|an|the|which|who|backed|based|founded|headquartered|owned|bought|acquired|"
                         r"once|formerly|previously)\s")


def _uncommon_subject(word: str, text: str, pos: int) -> bool:
    """A first word that is no ordinary English word and runs on into the sentence ("Goldman marked ...",
    "Berkshire's stake ..."): a name (a company word alone is none: "Management attributed ...")."""
    return word.isalpha() and not _ordinary_word(word) and not is_company_word(word) \
        and _LOWER_NEXT.match(text, pos) is not None


def _ordinary_word(word: str) -> bool:
    """An English word of running text, or the plural of one."""
    return word in common_words() or _plural_of_ordinary(word)


def _plural_of_ordinary(word: str) -> bool:
    """The plural of an English word of running text that is not listed itself ("Proceeds", "Liabilities"):
    a common noun, whichever verb follows it ("Proceeds will be used ...")."""
    common = common_words()
    return word not in common and word.endswith("s") and (
        word[:-1] in common or word.endswith("es") and word[:-2] in common
        or word.endswith("ies") and word[:-3] + "y" in common)


def _deal_verb_after(text: str, pos: int, headline: bool = False) -> bool:
    """Whether a deal verb of the frames follows ("Marlow pays $800 million for ..."; in a headline
    also "Zentrix to buy Halvora")."""
    m = _NEXT_WORD.match(text, pos)
    if m is None:
        return False
    to_verb = m.group(0).split()[0] == "to"
    if to_verb and not headline:
        return False
    return m.group(1) in (headline_verbs() if to_verb else deal_verb_forms())


def _clean_word(word: str) -> str:
    return word.lower().strip(".,'’").removesuffix("'s").removesuffix("’s")


_BYLINE = re.compile(r"\b(?:blog|newsroom|team|news release|press release|company news)\b|\bby the\b", re.I)
_INTERVIEW = re.compile(r"^\s*(?:Q|Question)\s*[:.]\s", re.M)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b")
_WE = re.compile(r"\b(?:[Ww]e|us)\b(?!['’](?!re\b|ve\b|ll\b|d\b))")  # ("we're", "we've" are "we" too)
_QUOTED = re.compile(r"[\"“”]")


_DEFINES_COMPANY = re.compile(r"[^()⟨]{0,40}?(?:\([^()]{0,40}\)[^()⟨]{0,10}?)?\((?:[^()]{0,60}?\bor\s+)?(?:the\s+)?[\"“]"
                              r"(?:the\s+)?Company[\"”]\)")


def _defined_company(masked: list[tuple[str, str]], all_mentions: list[list[Mention]],
                     all_ids: list[list[int | None]]) -> int | None:
    """The company a filing or release defines as "the Company" ('Halvern Cloud, Inc. (NYSE: HLVN)
    ("Halvern" or the "Company")'), if it does."""
    for (mt, _), ms, ids in zip(masked, all_mentions, all_ids):
        if "Company" not in mt:
            continue
        for m, idx in zip(ms, ids):
            if idx is not None and _DEFINES_COMPANY.match(mt, m.end):
                return idx
    return None


def _speaker(sentences: list[Sentence], all_ids: list[list[int | None]], table: EntityTable,
             counts: dict[int, int]) -> int | None:
    """The company a text written in the first person is by: the company its opening lines name first
    (and the text names again), else the one it names most (at least twice); None when the text does not
    speak as "we"."""
    if not any(_FIRST_PERSON.search(s.text) for s in sentences[:40]):
        return None
    orgs = [i for i, kind in enumerate(table.kinds) if kind != "person" and not is_exchange(table.names[i])]
    # the opening lines (a rubric, a title, a standfirst) name it first: the first they name that the
    # text names again, else the first a heading among them names
    # a byline names it ("Marlow Growth blog · April 2", "by the Lumen Grid team")
    for s, ids in zip(sentences[:4], all_ids):
        named = [i for i in ids if i in orgs]
        if named and len(s.text) < 100 and _BYLINE.search(s.text):
            return named[0]
    opening = [i for ids in all_ids[:3] for i in ids if i in orgs]
    titled = [i for s, ids in zip(sentences[:3], all_ids) if s.heading for i in ids if i in orgs]
    chosen = next((i for i in opening if counts.get(i, 0) >= 2), titled[0] if titled else None)
    if chosen is not None:
        return chosen
    best = max(orgs, key=lambda i: counts.get(i, 0), default=None)
    return best if best is not None and counts.get(best, 0) >= 2 else None


@functools.lru_cache(maxsize=4096)
def _strip(name: str) -> str:
    return strip_legal(name)


_ALNUM = re.compile(r"[A-Za-z0-9]")


def _first_alpha(text: str) -> int:
    m = _ALNUM.search(text)
    return m.start() if m else 0


# The date may lack its year, as wire services write it ("NEW YORK, Oct 6 (Reuters) -").
# Business Wire writes "SAN JOSE, Calif.--(BUSINESS WIRE)--March 3, 2026--".
_DATELINE = re.compile(rf"[A-Z][\w .,'&]{{0,80}}?(?:(?:19|20)\d{{2}}|\b[A-Z][a-z]{{2,8}}\.? \d{{1,2}})\s*"
                       rf"(?:{wire_tag()}\s*)?(?:{dateline_dash()})\s"
                       rf"|[A-Z][\w .,'&]{{0,80}}?--{wire_tag()}--[\w .,]{{0,30}}?(?:19|20)\d{{2}}\s*--\s*")
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s")
_TEASER = re.compile(r"\s*(?:read more|related|see also|also read|recommended|more from \w+|further reading|"
                     r"you may also like|most read)\s*[:|—–-]", re.I)
_ITEM_HEADING = re.compile(r"\s*Item\s+\d{1,2}\.\d{2}\b[^.]{0,120}\.?\s*$")
_BARE_VERB = re.compile(r"\s*(?:raised|raises|closed|closes|secured|acquired|acquires|bought|buys|agreed|signed|"
                        r"signs|priced|prices|landed|lands|completed|completes|sold|sells|hired|hires|named|names)\b")
_LABEL = re.compile(r"\s*(?:[*•\-]\s*)?([A-Z][\w&+/'’ -]{0,60}):\s")
_BULLET = re.compile(r"\s*[*•\-]")


def _mask(text: str) -> tuple[str, str]:
    """Blank out citations, a dateline's place and date, and a bullet's label (same length, so
    offsets hold); return the citation."""
    citation = ""
    out = text
    if "(" in text:
        for m in CITATION_RE.finditer(text):
            citation = citation or " ".join(m.group(1).split())
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    # A filing's item heading ("Item 5.02 Departure of Directors or Certain Officers.") names no party,
    # and a teaser for another story ("Read more: X raises $300 million") states nothing of this one.
    if _ITEM_HEADING.match(out) or _TEASER.match(out):
        return " " * len(out), citation
    # A dateline's place and date ("SANTA CLARA, Calif., Dec. 2, 2025 -- ") names no party.
    head = out[:110]
    if ("--" in head or "—" in head or "–" in head or " - " in head) and (dateline := _DATELINE.match(out)) \
            and _MONTH_WORD.search(dateline.group(0)):
        out = " " * dateline.end() + out[dateline.end():]
    # A bullet's title-case label ("* Smarter Connectivity: Arrcus landed ...") names no party.
    # (a label followed by a bare verb or a figure is the party itself: "Juno Grid IPO: raised $640M")
    if ":" in out[:70] and (label := _LABEL.match(out)) and not _BARE_VERB.match(out, label.end()) \
            and not _MONEY_HINT.match(out, label.end()) and (
            is_heading(label.group(1)) or _BULLET.match(out) and len(label.group(1).split()) <= 4):
        out = " " * label.end() + out[label.end():]
    return out, citation


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def _blank_description(m: re.Match) -> str:
    """An apposition blanked, unless it tells a deal of its own with a company in it ("X, a chipmaker
    Y acquired in 2024, raised ..."): that one is read in place and blanked, as a relative clause is
    (see :func:`blank_clauses`)."""
    return m.group(0) if "⟨E" in m.group(0) and _DEAL_IN_ASIDE.search(m.group(0)) else _blank(m)


def _topic(topics: list[tuple[int, list[int]]], exclude: set[int], table: EntityTable,
           earlier: list[int] = (), counts: dict[int, int] | None = None, paragraph: int = -1) -> int | None:
    """What "the company" or "it" refers back to.

    Candidates are the subjects (first companies) of the last three sentences of the current
    paragraph and ``earlier`` companies of the current sentence; the one the document mentions
    most wins, ties going to the most recent. With none of those, the subject of the latest
    sentence that names a company. Excluded are people, exchanges, public bodies and ``exclude``.
    """
    cands: list[int] = []
    for par, ids in reversed(topics[-3:]):
        if par != paragraph:
            break
        first = next((idx for idx in ids if _can_refer(idx, exclude, table)), None)
        if first is not None:
            cands.append(first)
    cands = [i for i in reversed(earlier) if _can_refer(i, exclude, table)] + cands
    if not cands:
        # A new paragraph: the subjects of the latest sentences that name a company; the one the
        # document mentions most wins ("Existing investors A and B also participated." does not
        # make A what "The company said ..." in the next paragraph means).
        for _, ids in reversed(topics[-8:]):
            first = next((idx for idx in ids if _can_refer(idx, exclude, table)), None)
            if first is not None and first not in cands:
                cands.append(first)
        if not cands:
            return None
        if counts is None:
            return cands[0]
        return max(cands[:3], key=lambda i: (counts.get(i, 0), -cands.index(i)))
    if counts is None:
        return cands[0]
    return max(cands, key=lambda i: (counts.get(i, 0), -cands.index(i)))


PUBLIC_BODY = re.compile(r"\b(?:Commission|Department|Authority|Agency|Court|Ministry|Regulator|Government|government|"
                         r"state|Treasury|Exchange|Market|Parliament|Congress|Senate|Office|Bureau|Directorate|"
                         r"Administration|Army|Navy|Air Force|Council|Municipality|City of|County|Pentagon)\b")


def _can_refer(idx: int, exclude: set[int], table: EntityTable) -> bool:
    name = table.names[idx]
    return idx not in exclude and table.kinds[idx] != "person" and not _exchange_or_public_body(name)


@functools.lru_cache(maxsize=8192)
def _exchange_or_public_body(name: str) -> bool:
    """Whether a name is a stock exchange or a public body (asked of a document's names many times)."""
    return is_exchange(name) or PUBLIC_BODY.search(name) is not None


#: From a company to a reference within the relative clause that follows it.
_RELATIVE_TAIL = re.compile(r",\s+(?:where|which|whose|when)\b[^,;()]*")
#: A company spoken of in general ("a startup", "any buyer"), which a later "its" may stand for.
_GENERIC_OWNER = re.compile(r"\b(?:a|an|any|every|each)\s+(?:[\w-]+\s+){0,2}?(?:company|startup|start-up|firm|business|"
                            r"buyer|seller|target|rival|acquirer|investor|lender|customer|supplier)(?:'s|’s)?\b", re.I)
_SAID_GAP = re.compile(r"\s+(?:also\s+)?(?:" + alternation(
    f for v in ("say", "announce", "confirm", "add", "note", "disclose") for f in inflections(v))
    + r")\s+(?:on\s+\w+\s+)?(?:that\s+)?")
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s")
_NEW_CLAUSE = re.compile(r"[:;]\s|\s[—–]\s")
#: Every form of the verbs of deals (from the shared lexicon's inflections).
_DEAL_VERB_BETWEEN = re.compile(r"\b(?:" + alternation(
    " ".join((form, *particle)) for verb in ("buy", "acquire", "purchase", "sell", "merge", "invest", "back", "hire",
                                            "supply", "license", "licence", "take over")
    for lemma, *particle in [verb.split()] for form in inflections(lemma)) + r")\b", re.I)
_TICKER_CUE = re.compile(r"\s*\((?:NYSE|NASDAQ|Nasdaq|TSX|LSE|ASX)[^)]*\)"
                         # a bare ticker after a name ("⟨E1⟩ (QSYS.O)")
                         r"|(?<=⟩)\s\((?-i:[A-Z]{2,5})(?:\.[A-Z]{1,2})?\)"
                         # the wire's angle brackets around a name ("<⟨E2⟩>", "<⟨E2⟩'s>")
                         r"|<(?=⟨E\d+⟩(?:'s)?>)|(?<=⟩)>|(?<=⟩'s)>")
_ENTITY_ID = re.compile(r"⟨E(\d+)⟩")
_BRACKETED_NAME = re.compile(r"(?<!⟩ )\((⟨E\d+⟩(?:'s)?)\)")
_DEAL_IN_ASIDE = re.compile(r"\b(?:" + alternation(
    " ".join((form, *particle)) for verb in ("buy", "acquire", "purchase", "take over", "pick up", "snap up")
    for lemma, *particle in [verb.split()] for form in inflections(lemma) if form.endswith(("ed", "ght", "ook", "ken")))
    + r"|(?:acquisition|purchase|takeover|buyout) of)\b", re.I)
_WIRE_TICKER = re.compile(r"(?:['’]s)?(?P<ticker> <[A-Z][A-Z.\-]{0,6}>)(?=[\s,.;:)'’]|$)")
_APPOSITION = re.compile(r"(?<=⟩), (?:a|an|the) (?:[^,;⟨—]|⟨E\d+⟩(?:'s)?){1,100}?,(?= )")
_PARENT_BEFORE = re.compile(r"⟨E\d+⟩(?:'s)? (?:subsidiary|unit|division|affiliate|arm|spin-off|spinoff|maker|owner|"
                            r"parent|creator) (?=⟨E)")


def _abstract(s: Sentence, index: int, text: str, ms: list[Mention], ids: list[int],
              money: list[tuple[int, int, Money]], table: EntityTable, topics: list[list[int]],
              counts: dict[int, int], speaker: int | None = None, defined: int | None = None) -> Analysed:
    spans: list[tuple[int, int, str, int | None]] = []  # (start, end, placeholder, org id)
    for m, idx in zip(ms, ids):
        person = table.kinds[idx] == "person"
        ph = f"⟦P{idx}⟧" if person else f"⟨E{idx}⟩"
        if m.possessive and text[m.end:m.end + 1] in ("'", "’") and text[m.end + 1:m.end + 2] != "s":
            # a plural's bare apostrophe ("Quorvia Robotics' Series B") is written as the frames read any possessive
            spans.append((m.start, m.end + 1, ph + "'s", None if person else idx))
        else:
            spans.append((m.start, m.end, ph, None if person else idx))
    for n, (a, b, _) in enumerate(money):
        if all(b <= x or a >= y for x, y, _, _ in spans):
            spans.append((a, b, f"⟪M{n}⟫", None))
    here = {idx for m, idx in zip(ms, ids) if table.kinds[idx] != "person"}
    for m in COREF_RE.finditer(text):
        if _NOT_COREF.match(m.group(0)) or "companies" in m.group(0):
            continue
        start, end = m.start(), m.end()
        if any(not (end <= x or start >= y) and ph.startswith("⟪M") for x, y, ph, _ in spans):
            continue
        before = sorted((x, y, idx) for x, y, ph, idx in spans if idx is not None and y <= start)
        if not before and _GENERIC_OWNER.search(text, 0, start):
            continue  # "a large company ... instead of buying the company": spoken of in general
        appos = before[-1] if before and text[before[-1][1]:start].strip() == "," else None
        if appos:
            target = appos[2]
        elif before and _RELATIVE_TAIL.fullmatch(text, before[-1][1], start):
            # "X, where she oversaw the company's listing": the clause is about the company it follows
            target = before[-1][2]
        elif m.group(0).endswith("Company") and (defined is not None or before):
            # "the Company", a filing's defined term: the company defined so, else the company the
            # sentence is about (its first)
            target = defined if defined is not None else sorted(before)[0][2]
        else:
            prior_here = [idx for x, y, ph, idx in sorted(spans) if idx is not None and y <= start]
            # the nearest company is not what "the company" means ("X agreed to buy the developer"),
            # unless it is the only one named before and a new clause begins between them ("X grew
            # through a purchase: on May 30 the company bought Y") or no deal verb comes before it
            # ("X shareholders approved the company's sale"; not "talks to buy X collapsed, and the company's")
            between = text[before[-1][1]:start] if before else ""
            only_one = len(set(prior_here)) == 1
            own_clause = only_one and (_NEW_CLAUSE.search(between) or not _DEAL_VERB_BETWEEN.search(text, 0, start))
            nearest = [] if own_clause else prior_here[-1:]
            target = _topic(topics, set(nearest), table, [i for i in prior_here if i not in nearest], counts,
                            s.paragraph)
        if target is None:
            continue
        possessive = text[end:end + 2] in ("'s", "’s")
        if possessive:
            end += 2
        spans = [sp for sp in spans if sp[1] <= start or sp[0] >= end]
        spans.append((start, end, f"⟨E{target}⟩" + ("'s" if possessive else ""), target))
    for m in IT_RE.finditer(text):
        start, end = m.start(), m.end()
        if any(not (end <= x or start >= y) for x, y, _, _ in spans):
            continue
        word = m.group(0)
        prior = [idx for x, y, ph, idx in sorted(spans) if idx is not None and y <= start]
        if word.lower() == "its":
            if prior or word == "Its" and start > 0 or _GENERIC_OWNER.search(text, 0, start):
                continue  # ("a large company hires a startup's staff and licenses its technology": no one named)
            target = _topic(topics, here, table, (), counts, s.paragraph)
            tag = "'s"
        elif _SUBJECT_IT.match(text, end) or _PAST_AFTER.match(text, end) \
                or _SUBJECT_CONTEXT.search(text, max(0, start - 12), start):
            # a subject "it" is none of the companies of its own clause (a later clause may name it)
            stop = _CLAUSE_BREAK.search(text, end)
            clause = {idx for m, idx in zip(ms, ids) if idx in here and (stop is None or m.start < stop.start())}
            last = max((sp for sp in spans if sp[3] is not None and sp[1] <= start), default=None, key=lambda sp: sp[1])
            if last is not None and _SAID_GAP.fullmatch(text, last[1], start):
                target = last[3]  # "Frostline rival Arcticore said it ...": who said it
            else:
                target = prior[0] if prior else _topic(topics, clause, table, (), counts, s.paragraph)
            tag = ""
        else:
            # An object pronoun is not its own clause's subject (the nearest company before it),
            # but may be another company of the sentence ("after X's owner took it private").
            nearest = prior[-1] if prior else None
            earlier = [idx for idx in prior if idx != nearest]
            target = _topic(topics, {nearest} if nearest is not None else set(), table, earlier, counts, s.paragraph)
            tag = ""
        if target is None:
            continue
        spans.append((start, end, f"⟨E{target}⟩{tag}", target))
    if speaker is not None and not _QUOTED.search(text):
        # A company speaking of itself outside quotations: "we" and "us" are that company ("our" is
        # left as it is, like "its": the frames read a possessive pronoun as the clause's own company).
        for m in _WE.finditer(text):
            if not any(not (m.end() <= x or m.start() >= y) for x, y, _, _ in spans):
                spans.append((m.start(), m.end(), f"⟨E{speaker}⟩", speaker))
    if "<" in text:
        # The wire's ticker after a name ("Halvora Inc <HLV> said", "Halvora Inc's <HLV> shares") is the
        # mention's (see mentions.TICKER_RE): left out of the abstract, so a name stands next to its words.
        for x, y, _, idx in list(spans):
            if idx is not None and (t := _WIRE_TICKER.match(text, y)):
                spans.append((t.start("ticker"), t.end(), "", None))
    spans.sort()
    abstract: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    pos = 0
    apos = 0
    for start, end, ph, _ in spans:
        if start < pos:
            continue
        chunk = text[pos:start]
        abstract.append(chunk)
        pieces.append((apos, apos + len(chunk), pos, start))
        apos += len(chunk)
        abstract.append(ph)
        pieces.append((apos, apos + len(ph), start, end))
        apos += len(ph)
        pos = end
    abstract.append(text[pos:])
    pieces.append((apos, apos + len(text) - pos, pos, len(text)))
    joined = "".join(abstract).replace("’s", "'s")
    # Ticker cues, the wire's brackets and blanked citations are noise to the frames.
    if "(" in joined or "<" in joined or ">" in joined:
        joined = _TICKER_CUE.sub(_blank, joined)
        # a name in brackets, as some wire copy writes a company without a ticker ("(Halvora Inc) said"),
        # unless it follows another name, which it may define ("Zentrix Holdings (Zentrix)")
        joined = _BRACKETED_NAME.sub(r" \1 ", joined)
    entity_ids = [int(x) for x in _ENTITY_ID.findall(joined)]
    # A relation is recorded only between parties the sentence names, never through "the Company" or "it".
    relations = [r for r in _relations(joined) if r[1] in here and r[2] in here]
    # Blanked to equal length, so offsets still map: appositions that describe a party ("X, a
    # GPU cloud backed by Y, raised ...") and a parent named before its subsidiary ("Orla
    # subsidiary Brisa Labs"), which would otherwise stand between a verb and its party.
    if "⟩, " in joined:
        joined = _APPOSITION.sub(_blank_description, joined)
    joined = _PARENT_BEFORE.sub(_blank, joined)
    # A list item that opens with a company and a dash ("* Quill -- priced its IPO at $18"): the
    # company is the subject of the verb phrase after the dash.
    item = _ITEM_SUBJECT.match(joined)
    if item:
        joined = joined[:item.start("dash")] + " " * len(item.group("dash")) + joined[item.end("dash"):]
    return Analysed(sentence=s, index=index, mentions=ms, ids=ids, money=money, abstract=joined,
                    pieces=pieces, entity_ids=entity_ids, relations=relations)


_ITEM_SUBJECT = re.compile(r"\s*(?:[*•·▪‣-]\s+|\d{1,2}[.)]\s+)?⟨E\d+⟩\s*(?P<dash>--|—|–|:)(?=\s+[a-z])")
_SUBSIDIARY = re.compile(r"⟨E(\d+)⟩(?:'s)? (?:wholly[- ]owned )?(?:subsidiary|unit|division|affiliate) ⟨E(\d+)⟩")
_BACKED = re.compile(r"⟨E(\d+)⟩, (?:a|an|the) [^,;⟨]{0,80}?\b(?:backed|funded) by ((?:⟨E\d+⟩(?:,\s*|\s+and\s+)?)+)")


def _relations(abstract: str) -> list[tuple[str, int, int]]:
    """Relations stated in passing: ("subsidiary_of", child, parent) for "P subsidiary C",
    ("backed_by", company, backer) for "C, a GPU cloud backed by B,"."""
    out = [("subsidiary_of", int(m.group(2)), int(m.group(1))) for m in _SUBSIDIARY.finditer(abstract)]
    for m in _BACKED.finditer(abstract):
        out += [("backed_by", int(m.group(1)), int(b)) for b in _ENTITY_ID.findall(m.group(2))]
    return [r for r in out if r[1] != r[2]]


#: An apposition, relative clause or participle set off by commas after a party ("X, Y's former unit, to
#: Z", "X, which Y bought, ...", "X, spun out of Y, ...", "X, a medicine it picked up with its purchase of Y,
#: ..."); a company followed by its own verb opens a clause of its own ("A bought B, C bought D and ..."), not
#: an apposition.
_CLAUSE = re.compile(r"(?<=⟩),\s(?:(?:a|an|the)\s(?=[^,;]{0,120}?(?i:" + _DEAL_IN_ASIDE.pattern + r"))"
                     r"|⟨E\d+⟩(?!\s+(?:(?!based\b|owned\b|backed\b)\w+ed|bought|sold|took|won|paid|struck|"
                     r"led|made|has|had|is|was|will)\b)|which|who|whose|until then|formerly|previously|"
                     # a participle describing the party: "X, spun out of Y in 2023, raised ..."
                     r"(?:spun|carved) (?:out|off)|founded|incubated|created|formed|owned|backed|controlled|"
                     r"based|headquartered)[^,;]{0,120}?,(?= )")


@functools.lru_cache(maxsize=1024)
def blank_clauses(abstract: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``abstract`` with appositions and relative clauses blanked, and where they were (kept for the
    sentence's several readers: frames, dates, status)."""
    spans = tuple((m.start(), m.end()) for m in _CLAUSE.finditer(abstract))
    for a, b in spans:
        abstract = abstract[:a] + " " * (b - a) + abstract[b:]
    return abstract, spans
