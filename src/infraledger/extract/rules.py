"""The default extraction backend: a rule grammar of deal language, offline and fast.

Pipeline: :func:`reading.read` (sentences, names, coreference, placeholders) -> the frames of
:mod:`frames` per sentence -> arguments (amount, valuation, date, status, citation, investors,
underwriters, exchange) -> follow-up sentences that add to the last deal ("The round values the
company at ...", "X and Y also took part", "The purchase still needs antitrust clearance") ->
one document-level merge of repeated mentions of one deal -> :class:`CandidateFact`.

What is *not* an event is decided by the same grammar: rumours, talks, hypotheticals ("could",
"might", "would have", "if"), forecasts and targets, buybacks, earnings, debt, IPO filings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..model.events import FactType, Participant, Role, Status
from ..model.facts import CandidateFact
from ..model.money import Money, find_money
from .arguments import assign_arguments, follow_up, ipo_parties, money_kind, participants, valuation
from .drafts import Draft, clause_end, ids, merge, money_in, to_fact
from .frames import (CUMULATIVE, DEBT_WORDS, E, IPO_NOT, IPO_WORDS, ROUND_IN, ROUND_NOUN, ROUND_WORDS,
                     UNDISCLOSED_ROUNDS, Frame, candidate_frames, find_raises)
from .mentions import is_exchange
from .reading import Analysed, Reading, read
from .tables import read_tables

_HYPOTHETICAL = re.compile(r"\b(?:could|might|(?-i:may)|would have|reportedly|rumou?r\w*|in (?:\w+ )?talks|speculat\w*|"
                           r"is said to|are said to|weighing|mulling|"
                           r"unconfirmed|said to be|considering|exploring|if|whether|potential|possible|"
                           r"hope[sd]? to|aims? to|plans? to|planning to|is planning|expected to announce|"
                           r"set to announce|poised to|preparing to|seeks? to|seeking to|looking to|in discussions|"
                           r"nearing)\b", re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_WOULD_OK = re.compile(r"\b(?:said|says|announced|confirmed|under which|agreed that)\b[^.;]{0,140}\bwould\b", re.I)
_NOT_COUNTED = re.compile(r"\b(?:forward-looking statements?|actual results (?:may|could) differ|risks and "
                          r"uncertainties|people familiar with|familiar with the (?:matter|plans|talks)|according to (?:people|"
                          r"sources|a person)|sources said|people briefed|we do not count|not counted|does not count|do not count|neither counts?|"
                          r"is not an? (?:deal|acquisition|transaction|event)|not a (?:deal|transaction))\b", re.I)
_IPO_VERB = re.compile(r"\b(?:raised|raising|raises|priced|pricing|sold|selling|fetched|netted)\b[^.;]{0,60}⟪M", re.I)
#: Longer texts are read in windows of about this many characters, cut at paragraph breaks, so
#: the working memory of one read stays bounded whatever the document's length.
WINDOW_CHARS = 200_000


def extract(document) -> list[CandidateFact]:
    """Deal events and passing relations of ``document`` (a :class:`~infraledger.sources.document.Document`)."""
    text = document.text
    if len(text) <= WINDOW_CHARS:
        return _extract(text, 0, document)
    facts: list[CandidateFact] = []
    seen: set[tuple] = set()
    start = 0
    while start < len(text):
        end = min(len(text), start + WINDOW_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + WINDOW_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        for fact in _extract(text[start:end], start, document):
            # A deal restated in a later window is the same deal.
            key = (fact.type, fact.subject.lower(), fact.amount.amount if fact.amount else None,
                   tuple(sorted(p.name.lower() for p in fact.counterparties)))
            if key not in seen:
                seen.add(key)
                facts.append(fact)
        start = end
    return facts


def _extract(text: str, offset: int, document) -> list[CandidateFact]:
    """Deal events of ``text``, a stretch of ``document.text`` starting at ``offset``."""
    anchor = document.anchor
    table_facts, rows = read_tables(text, offset, anchor, document.published)
    reading = read(text)
    drafts: list[Draft] = []
    last_by_type: dict[FactType, Draft] = {}
    last: Draft | None = None
    for i, an in enumerate(reading.sentences):
        if an.sentence.heading or _not_counted(an.sentence.text) or _figures_table(an.sentence.text) \
                or rows and any(a <= an.sentence.start < b for a, b in rows):
            continue
        found = _frames(an, reading) + _raises(an, reading)
        for d in found:
            prev = last_by_type.get(d.type)
            if d.frame == "stake-topic" and prev is not None and i - prev.sentence.index <= 3:
                d.subject = prev.subject  # "Four days later X said it would take a stake" (in the same company)
        if found:
            assign_arguments(found, an, reading, anchor, drafts, document.published)
            for d in found:
                participants(d, an, reading)
                if not d.cited and i + 1 < len(reading.sentences):
                    nxt = reading.sentences[i + 1]
                    if nxt.citation and nxt.sentence.paragraph == an.sentence.paragraph:
                        d.cited = nxt.citation
                if d.type is FactType.IPO:
                    ipo_parties(d, an, reading, i)
                drafts.append(d)
                last_by_type[d.type] = d
                last = d
        elif last is not None and i - last.sentence.index <= 4:
            # "The deal ..." speaks of the latest sentence's deal that still lacks a figure.
            latest = [d for d in drafts[-8:] if d.sentence.index == last.sentence.index]
            target = next((d for d in latest if d.amount is None and d.type is not FactType.TALENT_MOVE), last)
            follow_up(an, reading, target, last_by_type, anchor)
    prose = [to_fact(d, reading, offset) for d in merge(drafts, reading.table.names)]
    told = {(f.type, f.subject.lower()) for f in prose}
    return prose + [f for f in table_facts if (f.type, f.subject.lower()) not in told] + _relation_facts(reading, offset)


def _relation_facts(reading: Reading, offset: int) -> list[CandidateFact]:
    """Relations stated in passing ("backed by", "subsidiary"), once each, as relation facts."""
    out, seen = [], set()
    names, kinds = reading.table.names, reading.table.kinds
    for an in reading.sentences:
        if an.relations and _not_counted(an.sentence.text):
            continue  # forward-looking boilerplate and hearsay state no relation either
        for kind, subject, related in an.relations:
            if (kind, subject, related) in seen or "person" in (kinds[subject], kinds[related]):
                continue
            seen.add((kind, subject, related))
            s = an.sentence
            out.append(CandidateFact(type=FactType(kind), subject=names[subject],
                                     counterparties=(Participant(names[related], Role.RELATED),),
                                     evidence=s.text, span=(s.start + offset, s.end + offset),
                                     attributes={"frame": kind}))
    return out


# -- frames ----------------------------------------------------------------------------------


_RAISE_HINTS = ("rais", "clos", "secur", "land", "announc", "complet", "bagged", "picked up", "pulled in", "banked",
                "netted", "fetched", "pric", "sold")
_IPO_HINTS = ("ipo", "public", "listing", "listed", "debut", "flotation")
_NOT_COUNTED_HINTS = ("count", "familiar", "forward-looking", "actual results", "uncertainties", "according to",
                      "sources said", "briefed", "not a", "not an")


_FIGURE_TOKEN = re.compile(r"[\d,.()$%€£-]*\d[\d,.()$%€£-]*")


def _figures_table(text: str) -> bool:
    """A block of figures flattened into one "sentence" (financial statements in a filing's
    exhibit): a third or more of its words are numbers. Such blocks state no deal."""
    words = text.split()
    return len(words) >= 12 and sum(1 for w in words if _FIGURE_TOKEN.fullmatch(w)) * 3 >= len(words)


def _not_counted(text: str) -> bool:
    """Rumours attributed to unnamed people, forward-looking boilerplate, "we do not count ..."."""
    low = text.lower()
    return any(h in low for h in _NOT_COUNTED_HINTS) and _NOT_COUNTED.search(text) is not None


def _hypothetical(an: Analysed, start: int, end: int, text: str | None = None) -> bool:
    """Whether the stretch ``start:end`` of ``text`` (default: the sentence's placeholder text)
    is a rumour, a hypothetical or a conditional rather than a statement of fact."""
    text = an.abstract if text is None else text
    region = text[max(0, start - 20):end]
    if _HYPOTHETICAL.search(region):
        return True
    if _WOULD.search(region) and not _WOULD_OK.search(text[max(0, start - 60):end]):
        return True
    return False


_COORDINATED = re.compile(r"(?:,\s*)?\band\s*(?:,\s*in (?:return|exchange|addition|turn),\s*)?(?:also\s+|then\s+|later\s+|"
                          r"\w+ly\s+)?(?=(?:has\s+|have\s+|had\s+|will\s+)?(?:signed|expanded|extended|secured|landed|"
                          r"raised|agreed|completed|closed|acquired|bought|invested|received|receives|struck|inked|won|"
                          r"took|hired|named|lost|announced|gets|got|obtains|obtained)\b)")


def _variants(an: Analysed) -> list[Analysed]:
    """The sentence, plus one copy per coordinated verb phrase with the subject written in.

    "X landed $67 million from Y and concurrently signed a deal with Z": the second verb's
    subject is X, so a copy reads "... ⟨X⟩ signed a deal with Z" (offsets mapped back).
    """
    out = [an]
    for m in _COORDINATED.finditer(an.abstract):
        before = _ENTITY.findall(an.abstract[:m.start()])
        if not before:
            continue
        subject = before[0] + " "
        delta = len(subject) - (m.end() - m.start())
        abstract = an.abstract[:m.start()] + subject + an.abstract[m.end():]
        pieces = [(a0, a1, t0, t1) if a1 <= m.start() else
                  (max(a0, m.start()) + (delta if a0 >= m.end() else 0), a1 + delta, t0, t1)
                  for a0, a1, t0, t1 in an.pieces]
        out.append(replace(an, abstract=abstract, pieces=pieces))
    # Appositions and relative clauses between a verb and its party ("sell 51% of X, the maker
    # it bought in 2015 for $16.7 billion, to Y") are read once in place and once blanked out.
    blanked, spans = _blank_clauses(an.abstract)
    if spans:
        out.append(replace(an, abstract=blanked, blanked=[(an.to_text(a), an.to_text(b - 1) + 1) for a, b in spans]))
    return out


_CLAUSE = re.compile(r"(?<=⟩),\s(?:⟨E\d+⟩|which|who|whose|until then|formerly|previously)[^,;]{0,120}?,(?= )")


def _blank_clauses(abstract: str) -> tuple[str, list[tuple[int, int]]]:
    """``abstract`` with appositions and relative clauses blanked, and where they were."""
    spans = [(m.start(), m.end()) for m in _CLAUSE.finditer(abstract)]
    for a, b in spans:
        abstract = abstract[:a] + " " * (b - a) + abstract[b:]
    return abstract, spans


def _frames(an: Analysed, reading: Reading) -> list[Draft]:
    """Drafts of every frame that matches the sentence (or one of its variants, see :func:`_variants`)."""
    out: list[Draft] = []
    claimed: set[frozenset] = set()
    for variant in _variants(an):
        for frame in candidate_frames(variant.abstract):
            _match_frame(frame, variant, reading, out, claimed)
    return out


def _match_frame(frame: Frame, an: Analysed, reading: Reading, out: list[Draft], claimed: set) -> None:
    """Add to ``out`` a draft for every match of ``frame`` in ``an`` whose parties are not ``claimed`` yet."""
    table = reading.table
    for m in frame.pattern.finditer(an.abstract):
        d = _from_match(frame, m, an, reading)
        if d is None:
            continue
        pairs = {frozenset((d.subject, i)) for i, _ in d.roles} or {frozenset((d.subject, -1, *d.people))}
        if pairs & claimed:
            continue
        if table.kinds[d.subject] == "person" or is_exchange(table.names[d.subject]):
            continue
        claimed.update(pairs)
        out.append(d)
        if frame.name == "invest-in":
            # "A agreed to invest up to $10 billion in X and B up to $5 billion": the elided second deal.
            other = _ELIDED_TARGET.match(an.abstract, m.end())
            if other:  # "... $30 million in X and $20 million in Y": the same investor's second stake
                d3 = Draft(type=d.type, subject=ids(other.group("t"))[0], roles=list(d.roles), people=[], sentence=an,
                           trigger=(m.end(), other.end()), frame="invest-elided")
                d3.amount = money_in(other.group("m"), an)
                out.append(d3)
            ell = _ELIDED.match(an.abstract, m.end())
            if ell:
                d2 = Draft(type=d.type, subject=d.subject, roles=[(ids(ell.group("a"))[0], Role.INVESTOR)],
                           people=[], sentence=an, trigger=(m.end(), ell.end()), frame="invest-elided")
                d2.amount = money_in(ell.group("m"), an)
                out.append(d2)


_ELIDED_TARGET = re.compile(rf"\s*,?\s*and (?P<m>(?:up to |about |nearly |another )?⟪M\d+⟫) (?:in|into) (?P<t>{E})")
_ELIDED = re.compile(rf"\s*and (?P<a>{E}) (?P<m>(?:up to |about |nearly |another )?⟪M\d+⟫)")


_ENTITY = re.compile(r"⟨E\d+⟩")
_NOT_ACQUIRE_GAP = re.compile(r"⟪M|\bfrom\b|\bstake\b|\bassets?\b|^\s*into\b|"
                              r"^\s*(?:agreements?|contracts?|orders?|obligations?|commitments?)\b")
_OPTION_TO = re.compile(r"\b(?:options?|rights?|warrants?)\s+to\s+\S+\s*$")
_NOT_SUPPLY_GAP = re.compile(r"\b(?<!power )(?:merger|takeover|acquisition|purchase|sale|settlement|"
                             r"credit|loan|standstill|voting|licensing)\s*$")
_MERGER_WORD = re.compile(r"\b(?:merger|takeover|acquisition)\b", re.I)
_APPOSITION_COMPANY = re.compile(r"(?:\b(?:of|at)\s+⟨E(\d+)⟩|⟨E(\d+)⟩'s)")
_POSSESSOR = re.compile(r"⟨E(\d+)⟩'s?(?=\s)")
_COMPANY_BEFORE = re.compile(r"⟨E(\d+)⟩\s+(?:[\w-]+\s+){0,4}$")
_OF_COMPANY = re.compile(r"\b(?:of|at)\s+⟨E(\d+)⟩")
_RAISED_FROM = re.compile(r"\b(?:raised|raising|backers|investors|funding|financing)\b", re.I)
_STAFF_WORD = re.compile(r"\b(?:ceo|chief|founder|president|cto|head|executive|engineers?|staff|team|researchers)\b",
                         re.I)
_TO_PURCHASE = re.compile(r"\s*to (?:purchase|buy|acquire|procure|lease|rent)\b")


def _from_match(frame: Frame, m: re.Match, an: Analysed, reading: Reading) -> Draft | None:
    groups = m.groupdict()
    if _hypothetical(an, m.start(), m.end(), m.string):
        return None
    gap = groups.get("gap") or ""
    # "X ... from Y and concurrently signed a deal with Z": the verb after "and" belongs to the
    # sentence's subject X (read in the coordinated copy), not to the nearest company Y.
    lead = min((g for g in groups if groups[g] and g in ("a", "s", "t", "c", "h", "p")), key=m.start, default=None)
    if lead is not None and _COORDINATED.search(m.string, m.end(lead), m.end()):
        first = _ENTITY.search(m.string)
        if first is not None and first.start() != m.start(lead):
            return None
    if frame.name == "stake-from" and (ROUND_WORDS.search(m.string, m.start(), clause_end(m.string, m.end()))
                                       or _CONTRACT_NOUN.search(m.group(0))):
        return None  # "landed a $120 million Series C from Y" is a round, "a $95M contract from Y" a contract
    if frame.name == "acquire" and _SPAC.search(m.string, max(0, m.start("gap") - 60), m.start("gap")):
        return None  # "a special purpose acquisition company" names a vehicle, not a purchase
    if frame.name == "acquire" and (_NOT_ACQUIRE_GAP.search(gap) or _OPTION_TO.search(m.string[:m.start("gap")])):
        return None
    if frame.name == "signed-with" and (_NOT_SUPPLY_GAP.search(gap) or _MERGER_WORD.search(m.group(0))):
        return None  # an agreement to merge or to lend is not a supply contract
    subject_ids = ids(groups.get(frame.subject))
    if frame.type is FactType.TALENT_MOVE and groups.get("app"):
        # "X, the chief technology officer of Y, has left the company": Y, named in the apposition.
        named = _APPOSITION_COMPANY.findall(groups["app"])
        if named:
            subject_ids = [int(named[0][0] or named[0][1])]
    roles: list[tuple[int, Role]] = []
    for g, role in frame.roles.items():
        roles += [(i, role) for i in ids(groups.get(g)) if reading.table.kinds[i] != "person"]
    people = [i for i in ids(groups.get(frame.people)) if reading.table.kinds[i] == "person"] if frame.people else []
    if not subject_ids and frame.type is FactType.TALENT_MOVE:
        # "Quill's founder X left to ...": the company is the possessor before the person.
        head = an.abstract[max(0, m.start() - 80):m.start()] + (groups.get("app") or "")
        poss = _POSSESSOR.findall(head) or _COMPANY_BEFORE.findall(head)
        # "X, the chief technology officer of Y, has left": the company named in the apposition.
        named = _OF_COMPANY.findall(groups.get("app") or "")
        subject_ids = [int(poss[-1])] if poss else [int(named[0])] if named else []
    if not subject_ids and frame.name == "commit-topic":
        # Only where the sentence says whose backers these are: "X raised from ...: A committed ...".
        head = m.string[:m.start()]
        if not _RAISED_FROM.search(head):
            return None
        firsts = [i for i in ids(head) if reading.table.kinds[i] != "person"]
        subject_ids = firsts[:1]
    if not subject_ids and frame.name == "left-to-join" and an.topic is not None:
        subject_ids = [an.topic]  # "Ms. Keane is leaving to join Y": leaving the company the text is about
    if not subject_ids and frame.subject == "topic" and an.topic is not None:
        subject_ids = [an.topic]
    if not subject_ids:
        return None
    subject = subject_ids[0]
    roles = [(i, r) for i, r in roles if i != subject]
    if frame.type is not FactType.TALENT_MOVE and not roles and frame.roles:
        return None
    if frame.name == "we-acquired" and reading.speaker is not None and reading.speaker != subject:
        roles = [(reading.speaker, Role.ACQUIRER)]
    if frame.name in ("who-runs", "step-down") and groups.get("p"):
        # "Orla said that X, who runs Brisa's unit, will become its chief executive" /
        # "Quill also gets a new boss: X, who is leaving Y, will replace Z": the company named
        # before the person, or the one the previous sentences are about, hires.
        before = [i for i in ids(m.string[:m.start("p")]) if reading.table.kinds[i] != "person" and i != subject]
        hirer = before[0] if before else an.topic if frame.name == "who-runs" else None
        if hirer is not None and hirer != subject:
            roles = [(hirer, Role.HIRER)]
    if frame.type is FactType.TALENT_MOVE and not people:
        if frame.name != "lost-to":
            return None
        if not _STAFF_WORD.search(m.group(0)):
            return None
    if frame.name == "signed-with" and _TO_PURCHASE.match(an.abstract[m.end():]):
        # "X entered into agreements with Y to purchase ...": X is the customer.
        roles, subject = [(subject, Role.CUSTOMER)], roles[0][0]
    d = Draft(type=frame.type, subject=subject, roles=roles, people=people, sentence=an,
              trigger=(m.start(), m.end()), frame=frame.name, status=frame.status)
    if groups.get("m"):
        d.amount = money_in(groups["m"], an)
    if d.type is FactType.STRATEGIC_INVESTMENT and _controlling_stake(m.group(0)):
        # "the purchase of a 60% stake in Y": control changes hands, an acquisition
        d.type, d.roles = FactType.ACQUISITION, [(i, Role.ACQUIRER) for i, _ in d.roles]
    return d


_MAJORITY = re.compile(r"\b(?:majority|controlling)\s+(?:[\w-]+\s+)?stake|\b(?P<pct>\d{2,3}(?:\.\d+)?)\s?%\s+(?:[\w-]+\s+)?stake",
                       re.I)


def _controlling_stake(text: str) -> bool:
    """A stake that gives control: "a majority stake", "a 60% stake" (more than half)."""
    m = _MAJORITY.search(text)
    return m is not None and (m.group("pct") is None or float(m.group("pct")) > 50)


_SPAC = re.compile(r"(?:special[- ]purpose|blank[- ]check)\s+acquisition(?:\s+(?:company|corporation|vehicle))?\s*,?\s*$",
                   re.I)
_CONTRACT_NOUN = re.compile(r"\b(?:contract|order|deal|agreement|lease|award)s?\b", re.I)
_BACKER_LIST = re.compile(r"(?:\bby|\bfrom|\bwith|\bincluding)\s+(?:⟨E\d+⟩(?:\s*,\s*|\s+and\s+))*$")
_NUMBER = re.compile(r"\d+")
_ONE_BACKER = re.compile(rf"\s*(?:in \w+ \d{{4}} )?from (?:[\w-]+ ){{0,3}}?{E}(?!\s*(?:,|and))")
_CLOSE_NOUN = re.compile(r"\s*(?:the\s+)?(?:close|closing|completion)\b")
_ENTITY_ID = re.compile(r"⟨E(\d+)⟩")


def _raises(an: Analysed, reading: Reading) -> list[Draft]:
    """Funding rounds and IPOs: a raise verb with a round word, or with a listing word."""
    out: list[Draft] = []
    text = an.abstract
    table = reading.table
    blanked, _ = _blank_clauses(text)
    low = text.lower()
    # A hint in the lower-cased text is a case-insensitive match of the hint in the text (only
    # ASCII letters and the Kelvin sign lower-case to the hints' letters), so no pattern is needed.
    gated = any(w in low for w in _RAISE_HINTS)
    matches = find_raises(text) if gated else []
    if gated and blanked != text:
        # "X, which started out ..., raised $600 million": the verb's subject across the clause
        matches += find_raises(blanked)
    for m in matches:
        if any(d.trigger[0] == m.start() and d.subject == ids(m.group("t"))[0] for d in out):
            continue  # read already, in the sentence as written
        text = m.string
        subject = ids(m.group("t"))[0]
        if _BACKER_LIST.search(text[:m.start()]):
            continue  # a backer named in a list, not the company raising
        if table.kinds[subject] == "person" or is_exchange(table.names[subject]):
            continue
        stop = clause_end(text, m.end())
        clause = text[m.start():stop]
        verb = m.group("verb").lower()
        if _hypothetical(an, m.start(), m.end(), text):
            continue
        if IPO_WORDS.search(clause):
            ipo_at = IPO_WORDS.search(clause)
            if IPO_NOT.search(clause[max(0, ipo_at.start() - 40):ipo_at.end()]):
                continue
            if verb not in ("raised", "raises", "raise", "raising", "priced", "prices", "pricing", "sold",
                            "fetched", "netted", "completed", "closed"):
                continue
            out.append(Draft(type=FactType.IPO, subject=subject, roles=[], people=[], sentence=an,
                             trigger=(m.start(), m.end()), frame="ipo", status=Status.COMPLETED))
            continue
        raw = an.sentence.text[an.to_text(m.start()):an.to_text(m.end() - 1) + 45]
        if not m.group("m") or CUMULATIVE.search(raw):
            continue
        if money_kind(an, int(_NUMBER.search(m.group("m")).group(0))) != "amount":
            continue
        after = text[m.end():stop]
        if DEBT_WORDS.search(m.group("gap") + text[m.end():m.end() + 40]):
            continue
        if _ONE_BACKER.match(after) and not ROUND_WORDS.search(clause):
            continue  # a single named backer: a strategic investment, read by the frames
        if verb.startswith("rais") or ROUND_WORDS.search(clause):
            if verb in ("priced", "prices", "pricing", "sold", "fetched") and not ROUND_WORDS.search(clause):
                continue
            d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[], people=[], sentence=an,
                      trigger=(m.start(), m.end()), frame="raise",
                      status=Status.ANNOUNCED if verb.startswith("announc") and not _CLOSE_NOUN.match(
                          text[m.end("verb"):]) else Status.COMPLETED)
            d.amount = money_in(m.group("m"), an)
            out.append(d)
    text = an.abstract
    ipo = IPO_WORDS.search(text) if any(w in low for w in _IPO_HINTS) else None
    if ipo and not any(d.type is FactType.IPO for d in out) and _IPO_VERB.search(text) \
            and not IPO_NOT.search(text[max(0, ipo.start() - 40):ipo.end()]) and not _hypothetical(an, 0, ipo.end()):
        issuers = [int(x) for x in _ENTITY_ID.findall(text[:ipo.start()])
                   if table.kinds[int(x)] != "person" and not is_exchange(table.names[int(x)])]
        if issuers:
            out.append(Draft(type=FactType.IPO, subject=issuers[0], roles=[], people=[], sentence=an,
                             trigger=(ipo.start(), ipo.end()), frame="ipo-listing", status=Status.COMPLETED))
    debut = _DEBUT.search(text) if not any(d.type is FactType.IPO for d in out) and "⟨E" in text else None
    if debut and not _hypothetical(an, 0, debut.end()) and not IPO_NOT.search(text[max(0, debut.start() - 40):debut.end()]):
        # "Shares of X began trading on the Nasdaq", "X completed a direct listing", "X went public via a SPAC"
        issuers = [int(x) for x in _ENTITY_ID.findall(text[:debut.start()])
                   if table.kinds[int(x)] != "person" and not is_exchange(table.names[int(x)])]
        if issuers:
            d = Draft(type=FactType.IPO, subject=issuers[0], roles=[], people=[], sentence=an,
                      trigger=(debut.start(), debut.end()), frame="ipo-debut", status=Status.COMPLETED)
            d.amount = _shares_times_price(an.sentence.text)
            out.append(d)
    for m in ROUND_IN.finditer(text):
        subject = ids(m.group("t"))[0]
        d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[(i, Role.LEAD_INVESTOR) for i in ids(m.group("l"))
                                                                       if i != subject],
                  people=[], sentence=an, trigger=(m.start(), m.end()), frame="round-in", status=Status.COMPLETED)
        d.amount = money_in(m.group("m"), an)
        out.append(d)
    for m in ROUND_NOUN.finditer(text):
        if any(d.frame == "round-in" and d.trigger[0] <= m.start(m.lastindex or 0) <= d.trigger[1] for d in out):
            continue
        subject = ids(m.group("t"))[0]
        amount = money_in(m.group("m"), an)
        # One sum is one round: skip it when a round read already holds it, or when the company
        # before it is a backer ("X, which is backed by Y, closed a $35 million round").
        if any(d.type is FactType.FUNDING_ROUND and (d.subject == subject or amount is not None)
               and d.amount is amount for d in out) or table.kinds[subject] == "person" \
                or _BACKER_LIST.search(text[:m.start("t")]):
            continue
        if _hypothetical(an, m.start(), m.end()):
            continue
        d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[], people=[], sentence=an,
                  trigger=(m.start(), m.end()), frame="round-noun", status=Status.COMPLETED)
        d.amount = amount
        out.append(d)
    if reading.speaker is not None and not out:
        out += _first_person_raises(an, reading)
    u = UNDISCLOSED_ROUNDS.search(text)
    if u and an.entity_ids:
        d = Draft(type=FactType.FUNDING_ROUND, subject=an.entity_ids[0], roles=[], people=[], sentence=an,
                  trigger=(u.start(), u.end()), frame="undisclosed-rounds", status=Status.COMPLETED)
        d.amount = None
        d.valuation = valuation(an, an.to_text(u.start()))
        d.extra_sentences.append(an)
        out.append(d)
    return out


# A first day of trading, told without the offering's size.
_DEBUT = re.compile(r"\b(?:began trading|begins trading|started trading|start trading|made (?:its|their) (?:market |stock[- ]market |"
                    r"public |trading )?debut|debuted|went public|completed (?:its|a|an) (?:direct )?listing)\b", re.I)
_SOLD_SHARES = re.compile(r"\bsold (?P<n>\d+(?:\.\d+)?) (?P<scale>million|billion)? ?shares at (?P<p>\$\d+(?:\.\d+)?)"
                          r"(?: (?:each|apiece|a share|per share))?", re.I)


def _shares_times_price(text: str) -> Money | None:
    """The proceeds "sold 20 million shares at $25 each" states: shares times price."""
    m = _SOLD_SHARES.search(text)
    if m is None:
        return None
    shares = Decimal(m.group("n")) * {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}.get(
        (m.group("scale") or "").lower(), Decimal(1))
    price = find_money(m.group("p"))[0][2]
    return Money(amount=shares * price.amount, currency=price.currency, text=m.group(0))


# "we've raised $50 million", "today we're announcing our $50M Series B led by Y"
_WE_RAISED = re.compile(r"\b(?-i:[Ww]e)(?:'ve|’ve| have| had|'re|’re| are)?\s+(?:just\s+|now\s+)?(?:raised|closed|secured|"
                        r"announcing|announced|completed)\b(?:\s+our)?[^⟨;.]{0,30}?(?P<m>⟪M\d+⟫)", re.I)


def _first_person_raises(an: Analysed, reading: Reading) -> list[Draft]:
    """A round the text's own company announces in the first person, as a round of that company."""
    m = _WE_RAISED.search(an.abstract)
    if m is None or _hypothetical(an, m.start(), m.end()):
        return []
    stop = clause_end(an.abstract, m.end())
    if not ROUND_WORDS.search(an.abstract, m.start(), stop) or DEBT_WORDS.search(an.abstract, m.start(), stop):
        return []
    d = Draft(type=FactType.FUNDING_ROUND, subject=reading.speaker, roles=[], people=[], sentence=an,
              trigger=(m.start(), m.end()), frame="we-raised", status=Status.COMPLETED)
    d.amount = money_in(m.group("m"), an)
    return [d]


# -- arguments -------------------------------------------------------------------------------


# -- merge and output --------------------------------------------------------------------------

