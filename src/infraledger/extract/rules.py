"""The default extraction backend: a rule grammar of deal language, offline and fast.

Pipeline: :func:`reading.read` (sentences, names, coreference, placeholders) -> the frames of
:mod:`frames` and the raise rules of :mod:`raises` per sentence (tables of deals: :mod:`tables`) -> arguments (amount, valuation, date, status, citation, investors,
underwriters, exchange) -> follow-up sentences that add to the last deal ("The round values the
company at ...", "X and Y also took part", "The purchase still needs antitrust clearance") ->
one document-level merge of repeated mentions of one deal -> :class:`CandidateFact`.

What is *not* an event is decided by the same grammar (:mod:`hedges`): rumours, talks, plans,
hypotheticals ("could", "might", "would have", "if"), forecasts and targets, buybacks, earnings, debt,
IPO filings, boilerplate and blocks of figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..lexicon import common_words, percent_alternation
from ..model.events import FactType, Participant, Role
from ..model.facts import CandidateFact
from ..model.fuzzytime import FuzzyTime, find_times
from .arguments import (assign_arguments, done_before_telling, follow_up, ipo_parties, narrated_past, participants,
                        per_unit)
from .drafts import Draft, clause_end, ids, merge, money_in, money_index, to_fact
from .frames import E, Frame, candidate_frames
from .hedges import figures_table, hypothetical, not_counted
from .mentions import is_exchange, says_company
from .raises import read_raises, shares_times_price
from .reading import PUBLIC_BODY, Analysed, Reading, blank_clauses, read
from .shorthand import read_notes
from .syntax.engine import Parsed, minority_share, parse_all, syntax_drafts, worth_parsing
from .tables import read_tables
from .text import blank_emphasis, sentence_case_headline

#: Longer texts are read in windows of about this many characters, cut at paragraph breaks, so
#: the working memory of one read stays bounded whatever the document's length.
WINDOW_CHARS = 200_000


def extract(document, parse: bool = True) -> list[CandidateFact]:
    """Deal events and passing relations of ``document`` (a :class:`~infraledger.sources.document.Document`);
    ``parse=False`` leaves out the syntactic frames (faster, fewer deals found)."""
    return extract_many([document], parse)[0]


def extract_many(documents: Iterable, parse: bool = True) -> list[list[CandidateFact]]:
    """What :func:`extract` gives for each of ``documents``, in order.

    The sentences worth parsing are parsed together, for windows of at most :data:`WINDOW_CHARS`
    characters in all: many short documents then share one call of the parser, which is far
    cheaper per sentence, and the memory taken stays that of one window of a long document.
    """
    found: list[list[list[CandidateFact]]] = []  # per document, the facts of each of its windows
    pending: list[tuple[list[CandidateFact], _Window]] = []  # windows not parsed yet, and where their facts go
    held = 0  # their characters
    read_as: list[tuple[object, str]] = []  # each document and its text as read
    for document in documents:
        found.append([])
        text_read = sentence_case_headline(blank_emphasis(document.text), common_words())
        read_as.append((document, text_read))
        for text, offset in _windows(text_read):
            if pending and held + len(text) > WINDOW_CHARS:
                _finish(pending)
                pending, held = [], 0
            facts: list[CandidateFact] = []
            found[-1].append(facts)
            pending.append((facts, _read_window(text, offset, document, parse)))
            held += len(text)
    _finish(pending)
    return [_joined(windows) if text_read == document.text
            # (read with emphasis blanked or a headline re-cased: the evidence is the source's own)
            else [_source_evidence(f, document.text) for f in _joined(windows)]
            for windows, (document, text_read) in zip(found, read_as)]


def _source_evidence(fact: CandidateFact, source: str) -> CandidateFact:
    if fact.span is None:
        return fact
    return replace(fact, evidence=source[fact.span[0]:fact.span[1]])


def _windows(text: str) -> Iterator[tuple[str, int]]:
    """``text`` in stretches of at most :data:`WINDOW_CHARS` characters, cut at a line break in the second
    half of a stretch where there is one, each with its offset."""
    start = 0
    while True:
        end = min(len(text), start + WINDOW_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + WINDOW_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        yield text[start:end], start
        if end >= len(text):
            return
        start = end


def _joined(windows: list[list[CandidateFact]]) -> list[CandidateFact]:
    """The facts of a document's windows, a deal restated in a later window kept once."""
    if len(windows) == 1:
        return windows[0]
    facts: list[CandidateFact] = []
    seen: set[tuple] = set()
    for fact in (f for window in windows for f in window):
        key = (fact.type, fact.subject.lower(), fact.amount.amount if fact.amount else None,
               tuple(sorted(p.name.lower() for p in fact.counterparties)))
        if key not in seen:
            seen.add(key)
            facts.append(fact)
    return facts


@dataclass
class _Window:
    """A stretch of a document read by the surface grammar, waiting for the parses of the sentences
    in ``wanted`` (those worth a parse)."""

    offset: int
    document: object
    reading: Reading
    table_facts: list[CandidateFact]
    surface: dict[int, list[Draft]]  # sentence -> the surface grammar's drafts, for the sentences read
    section_time: dict[int, FuzzyTime]  # sentence -> the date its heading opens with
    wanted: list[int]


def _finish(pending: list[tuple[list[CandidateFact], _Window]]) -> None:
    """Parse the sentences the windows want parsed, in one batch, and add each window's facts to its list."""
    parsed = iter(parse_all([w.reading.sentences[i] for _, w in pending for i in w.wanted]))
    for facts, w in pending:
        facts.extend(_facts(w, {i: next(parsed) for i in w.wanted}))


def _read_window(text: str, offset: int, document, parse: bool) -> _Window:
    """The surface grammar's reading of ``text``, a stretch of ``document.text`` starting at ``offset``."""
    table_facts, rows = read_tables(text, offset, document.anchor, document.published)
    reading = read(text)
    section = ""  # the latest heading: what the notes under it are
    surface: dict[int, list[Draft]] = {}
    section_time: dict[int, FuzzyTime] = {}
    dated: FuzzyTime | None = None
    for i, an in enumerate(reading.sentences):
        if an.sentence.heading:
            section = an.sentence.text
            dated = _heading_date(section, document.anchor)
        elif dated is not None:
            section_time[i] = dated
        if an.sentence.heading and not an.sentence.headline or not_counted(an.sentence.text) \
                or figures_table(an.sentence.text) \
                or rows and any(a <= an.sentence.start < b for a, b in rows):
            continue
        found = _frames(an, reading) + read_raises(an, reading)
        if not any(d.type is FactType.FUNDING_ROUND for d in found):
            found += read_notes(an, section)
        surface[i] = found
    wanted = [i for i, found in surface.items() if parse and worth_parsing(reading.sentences[i], found)]
    return _Window(offset, document, reading, table_facts, surface, section_time, wanted)


def _facts(window: _Window, parses: dict[int, Parsed]) -> list[CandidateFact]:
    """The deal events of a window, given the parses of the sentences it wanted parsed."""
    document, reading, surface, section_time = window.document, window.reading, window.surface, window.section_time
    anchor = document.anchor
    drafts: list[Draft] = []
    last_by_type: dict[FactType, Draft] = {}
    last: Draft | None = None
    # A timeline without a date of its own is told from its latest dated section.
    latest_section = max(section_time.values(), key=lambda t: t.end, default=None)
    for i, an in enumerate(reading.sentences):
        if i not in surface:
            continue
        found = surface[i]
        if i in parses:
            found = _with_parsed(found, _rounds_of_groups(syntax_drafts(an, reading, parses[i]), an), an)
        found = _listing_by_merger(found + _conjoined_targets(found, an, reading), an)
        for d in found:
            prev = last_by_type.get(d.type)
            if d.frame == "stake-topic" and prev is not None and i - prev.sentence.index <= 3:
                d.subject = prev.subject  # "Four days later X said it would take a stake" (in the same company)
        if found:
            assign_arguments(found, an, reading, anchor, drafts, document.published)
            for d in found:
                if d.type is FactType.IPO and d.amount is None:
                    d.amount = shares_times_price(an.sentence.text)  # "an offering of 34,000,000 shares at $31.00"
            if i in section_time:
                # "2021 -- Series H" over "X raises $1.6 billion ...": the heading dates what its section tells
                for d in found:
                    if d.time is None or d.weak_time:
                        d.time, d.weak_time = section_time[i], False
                    narrated_past(d, an, document.published or latest_section)
            elif document.published is not None:
                for d in found:
                    if not d.weak_time:  # "since its $8 billion purchase of Y in 2017": a deal long done
                        narrated_past(d, an, document.published)
            for d in found:
                done_before_telling(d, anchor)
                _raiser_not_its_backer(d, an, drafts)
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
            target = next((d for d in latest if d.amount is None and d.type is not FactType.TALENT_MOVE
                           and not d.listed), last)
            follow_up(an, reading, target, last_by_type, anchor)
            _offering_of_the_listing(an, last_by_type)
    drafts = _where_from(drafts, reading)
    _one_direction(drafts)
    drafts = _no_memoranda(_ranked_customers(drafts))
    _public_buyer(drafts, reading.table.names)
    drafts = _no_regulator_buyers(drafts, reading.table.names)
    _minority_stakes(drafts)
    prose = [to_fact(d, reading, window.offset) for d in merge(drafts, reading.table.names)]
    return _with_tables(prose, window.table_facts) + _relation_facts(reading, window.offset)


# A date, then a dash, colon or bar and a label: a dated section of a timeline (a date alone is a dateline).
_HEADING_DATE = re.compile(r"\s*(?:(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2}\b"
                           r"(?=\s*(?:--|—|–|:|\|)\s*\S)")


def _offering_of_the_listing(an: Analysed, last_by_type: dict[FactType, Draft]) -> None:
    """"X made its debut on the Nasdaq. The company sold 10 million shares at $17": the shares and price
    told just after a listing without its size give the size."""
    ipo = last_by_type.get(FactType.IPO)
    if ipo is None or ipo.amount is not None or an.index - ipo.sentence.index > 2 \
            or an.entity_ids and ipo.subject not in an.entity_ids:
        return
    ipo.amount = shares_times_price(an.sentence.text)


def _listing_by_merger(found: list[Draft], an: Analysed) -> list[Draft]:
    """A company that lists by merging with a blank-check company ("X, a SPAC, completed its merger with Y,
    which began trading on the Nasdaq") is a listing: the merger is how it listed, not a purchase of it."""
    listed = {d.subject for d in found if d.type is FactType.IPO}
    if not listed or not _BLANK_CHECK.search(an.sentence.text):
        return found
    return [d for d in found if not (d.type is FactType.ACQUISITION
                                     and (d.subject in listed or any(i in listed for i, _ in d.roles)))]


_BLANK_CHECK = re.compile(r"\b(?:blank[- ]check|SPACs?|special[- ]purpose acquisition)\b", re.I)


def _heading_date(heading: str, anchor) -> FuzzyTime | None:
    """The date a heading opens with ("2021 -- Series H", "June 26, 2023 -- Quorvane"), if any."""
    m = _HEADING_DATE.match(heading)
    if m is None:
        return None
    found = find_times(m.group(0), anchor, partial=True)
    return found[0][2] if found else None


_SHARE_OF = re.compile(rf"(?<![\d.])\d{{1,3}}(?:\.\d+)?\s?(?:{percent_alternation()})\s+(?:of|stake in|interest in|holding in)\s+$")
_REST_OF = re.compile(r"\b(?:remaining|rest|balance|outstanding)\b[^⟨]{0,40}$", re.I)
# "... the 36 pct of X that it does not already own", "the 40% of X it doesn't hold", "the 45 pct of X's
# stock not held by Y"
_NOT_YET_OWNED = re.compile(r"^⟩?(?:'s?)?\s+(?:(?:stock|shares|common stock|equity)\s+)?(?:that\s+|which\s+)?"
                            r"(?:(?:it|they|we|⟨E\d+⟩)\s+(?:does|do|did)\s*(?:not|n't)\s+(?:already\s+|yet\s+)?(?:own|hold|control)"
                            r"|not\s+(?:already\s+)?(?:owned|held)\s+by)\b", re.I)


_BACKERS = (Role.INVESTOR, Role.LEAD_INVESTOR)


def _raiser_not_its_backer(d: Draft, an: Analysed, drafts: list[Draft]) -> None:
    """A round whose company was only guessed from earlier sentences ("the startup raised a further
    $115 million") is not raised by a backer of the round told just before: "X took part in Y's
    Series B. Later the startup raised more" speaks of Y."""
    if d.type is not FactType.FUNDING_ROUND or d.subject in an.ids:
        return
    for prev in reversed(drafts[-8:]):
        if an.index - prev.sentence.index > 3:
            return
        if prev.type in (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT) \
                and any(i == d.subject and r in _BACKERS for i, r in prev.roles):
            d.subject = prev.subject
            return


def _minority_stakes(drafts: list[Draft]) -> None:
    """Buying half of a company or less is a stake, not its purchase ("bought 10% of X"): the
    acquisition becomes a strategic investment, the buyer its investor (the rest of a company,
    "the remaining 40%", completes a purchase and stays one)."""
    for d in drafts:
        if d.type is not FactType.ACQUISITION or d.frame.startswith("syntax:"):
            continue
        text = d.sentence.abstract
        target = text.find(f"⟨E{d.subject}⟩", d.trigger[0])
        before = text[d.trigger[0]:target] if target >= 0 else ""
        m = _SHARE_OF.search(before)
        after = text[target + len(f"⟨E{d.subject}"):] if target >= 0 else ""
        if m and minority_share(m.group(0)) and not _REST_OF.search(before) and not _NOT_YET_OWNED.search(after):
            d.type = FactType.STRATEGIC_INVESTMENT
            d.roles = [(i, Role.INVESTOR if r is Role.ACQUIRER else r) for i, r in d.roles]


_FROM_CUES = (
    re.compile(r"\b(?:comes?|came|joins?|joined|moves?|moved|arrives?|arrived)\s+from\s+(?:[\w-]+\s+){0,3}?⟨E(\d+)⟩"),
    re.compile(r"\b(?:previously|formerly|until (?:recently|now|then))\b[^.;⟨]{0,80}?\b(?:at|of|for|with)\s+"
               r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?⟨E(\d+)⟩"),
    re.compile(r"\b(?:was|had been)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:of|at)\s+⟨E(\d+)⟩"),
    re.compile(r"\b(?:previously|formerly|earlier)?\s*(?:ran|led|headed|founded|co-founded|built)\s+⟨E(\d+)⟩"),
    # "She spent eight years at Z", "He worked for Z for a decade"
    re.compile(r"\b(?:spent|spends)\s+(?:[\w-]+\s+){0,3}?(?:years?|months?|decades?)\s+(?:at|with)\s+(?:[\w-]+\s+){0,2}?⟨E(\d+)⟩"),
    re.compile(r"\b(?:worked|served)\s+(?:[\w-]+\s+){0,4}?(?:at|for|with)\s+⟨E(\d+)⟩"),
)
_PRONOUN_START = re.compile(r"\s*(?:She|He|They)\b")
_PERSON_ID = re.compile(r"⟦P(\d+)⟧")


def _where_from(drafts: list[Draft], reading: Reading) -> list[Draft]:
    """A hire whose sentence does not say where the person comes from takes it from the next
    sentences of its paragraph ("X will be Y's first finance chief. X comes from Z." / "She was
    previously chief executive of Z"); a hire no sentence places is left out."""
    out = []
    for d in drafts:
        if d.pending != "former":
            out.append(d)
            continue
        an = d.sentence
        for nxt in reading.sentences[an.index + 1:an.index + 3]:
            if nxt.sentence.paragraph != an.sentence.paragraph and nxt.index > an.index + 1:
                break
            names = reading.table.names
            surnames = {names[p].split()[-1] for p in d.people}
            same_person = any(f"⟦P{p}⟧" in nxt.abstract for p in d.people) or any(
                names[int(p)].split()[-1] in surnames for p in _PERSON_ID.findall(nxt.abstract))
            if not (same_person or _PRONOUN_START.match(nxt.abstract)):
                continue
            found = next((int(m.group(1)) for cue in _FROM_CUES if (m := cue.search(nxt.abstract))), None)
            hirers = {i for i, _ in d.roles}
            if found is not None and found not in hirers and reading.table.kinds[found] != "person":
                d.subject, d.pending = found, ""
                d.extra_sentences.append(nxt)
                out.append(d)
                break
    return out


#: Frames that name two parties to a deal without saying plainly who buys whom ("X signed its merger
#: agreement with Y"; in a merger agreement's own words the buyer's vehicle "merged with and into" the
#: target; "X signed a contract with Y").
#: Contract frames whose words say who buys ("X is Y's customer", "Y won a contract from X", "X selected Y
#: to build", "Y will supply X").
_SAYS_WHO_BUYS = frozenset({"tenant", "picked", "agreement-to-supply", "supply-with", "agree-to-supply",
                            "syntax:contract-won", "syntax:award", "syntax:select", "syntax:supply", "syntax:order-from"})
_UNDIRECTED = {FactType.ACQUISITION: frozenset({"agreement-with", "merge-into", "pair-to-merge", "pair-merger",
                                               "merger-with", "syntax:merge-with"}),
               FactType.COMMERCIAL_CONTRACT: frozenset({"signed-with", "dash-contract", "poss-agreement"})}


def _one_direction(drafts: list[Draft]) -> None:
    """One pair of companies, one direction: a deal read from an undirected phrase takes the direction
    another deal of the same two companies in the document states ("X completed its acquisition of Y
    ... X signed its merger agreement with Y"; "Y is X's largest customer ... X signed a new contract
    with Y"): the company that buys (the acquirer, the customer) stays the one that buys."""
    for kind, role in ((FactType.ACQUISITION, Role.ACQUIRER), (FactType.COMMERCIAL_CONTRACT, Role.CUSTOMER)):
        undirected = _UNDIRECTED[kind]
        directed = {(d.subject, i) for d in drafts if d.type is kind and d.frame not in undirected
                    and (kind is FactType.ACQUISITION or d.frame in _SAYS_WHO_BUYS) for i, r in d.roles if r is role}
        for d in drafts:
            if d.type is not kind or d.frame not in undirected:
                continue
            buyers = [i for i, r in d.roles if r is role]
            if len(buyers) == 1 and (buyers[0], d.subject) in directed and (d.subject, buyers[0]) not in directed:
                d.subject, d.roles = buyers[0], [(d.subject, role)]


_RANKED = re.compile(r"\b(?:[\w-]+-)?(?:largest|biggest|top|main|key|most important)\s+(?:tenant|customer|client)\b",
                     re.IGNORECASE)


def _ranked_customers(drafts: list[Draft]) -> list[Draft]:
    """"Y is X's biggest client" ranks X's customers: without a sum it
    states a standing relation, not a contract (read first only for the direction it gives)."""
    return [d for d in drafts if not (d.frame == "tenant" and d.amount is None
                                      and _RANKED.search(d.sentence.abstract, *d.trigger))]


_MEMORANDUM = re.compile(r"\b(?:memorand(?:um|a) of understanding|memorand(?:um|a)|MOUs?|MoUs?)\b")


def _no_memoranda(drafts: list[Draft]) -> list[Draft]:
    """A memorandum of understanding without a sum ("signed an MOU to supply Y with chips") records an
    intention, not a contract."""
    return [d for d in drafts if not (d.type is FactType.COMMERCIAL_CONTRACT and d.amount is None
                                      and _MEMORANDUM.search(d.sentence.abstract, 0,
                                                             clause_end(d.sentence.abstract, d.trigger[1])))]


def _public_buyer(drafts: list[Draft], names: list[str]) -> None:
    """A public body (a ministry, an agency, a directorate) buys: in a contract it is the customer,
    whichever of the two the sentence names first ("the Directorate signed a contract with X")."""
    for d in drafts:
        if d.type is not FactType.COMMERCIAL_CONTRACT or not PUBLIC_BODY.search(names[d.subject]):
            continue
        suppliers = [i for i, r in d.roles if r is Role.CUSTOMER and not PUBLIC_BODY.search(names[i])]
        if suppliers:
            d.roles = [(d.subject, Role.CUSTOMER)] + [(i, r) for i, r in d.roles if i != suppliers[0]]
            d.subject = suppliers[0]


def _no_regulator_buyers(drafts: list[Draft], names: list[str]) -> list[Draft]:
    """A body that rules on deals (a commission, a court, a legislature) buys or invests in nothing: "told
    the Securities and Exchange Commission it bought 7 pct of X" names the regulator it was told. A
    purchase or stake whose only buyer was such a body is dropped with it. Nor is such a body, or a
    government department, bought or invested in ("the Agriculture Department" is no company)."""
    out = []
    for d in drafts:
        if d.type in (FactType.ACQUISITION, FactType.STRATEGIC_INVESTMENT) and _NEVER_SOLD.search(names[d.subject]):
            continue
        if d.type in (FactType.ACQUISITION, FactType.STRATEGIC_INVESTMENT, FactType.FUNDING_ROUND):
            kept = [(i, r) for i, r in d.roles if not (r in _BUYER_ROLES and _NEVER_BUYS.search(names[i]))]
            if len(kept) < len(d.roles) and not any(r in _BUYER_ROLES for _, r in kept) \
                    and d.type is not FactType.FUNDING_ROUND:
                continue
            d.roles = kept
        out.append(d)
    return out


_BUYER_ROLES = (Role.ACQUIRER, Role.INVESTOR, Role.LEAD_INVESTOR)
_NEVER_BUYS = re.compile(r"\b(?:Commission|Court|Regulator|Parliament|Congress|Senate|Bureau|Tribunal)$")
_NEVER_SOLD = re.compile(r"\b(?:Commission|Court|Regulator|Parliament|Congress|Senate|Bureau|Tribunal|Department|Ministry|"
                         r"Treasury|government)$|^(?:Government|State|Province|Commonwealth) of ")


def _with_tables(prose: list[CandidateFact], table_facts: list[CandidateFact]) -> list[CandidateFact]:
    """Prose events and the table rows the prose does not tell; a row about a deal the prose tells
    without its figure gives the figure."""
    by_key = {(f.type, f.subject.lower()): n for n, f in enumerate(prose)}
    out = list(prose)
    for row in table_facts:
        n = by_key.get((row.type, row.subject.lower()))
        if n is None:
            out.append(row)
        elif out[n].amount is None and row.amount is not None:
            told = out[n]
            extra = {k: v for k, v in row.attributes.items() if k.startswith("amount_usd")}
            out[n] = replace(told, amount=row.amount, attributes={**told.attributes, **extra},
                             counterparties=told.counterparties or row.counterparties,
                             time=_row_time(told.time, row.time))
    return out


def _row_time(told: FuzzyTime | None, row: FuzzyTime | None) -> FuzzyTime | None:
    """A row's date is stated in its own cell: it wins over the prose's unless the prose's is a
    narrower date within it."""
    if row is None or told is not None and row.contains(told):
        return told
    return row


def _with_parsed(found: list[Draft], parsed: list[Draft], an: Analysed) -> list[Draft]:
    """The surface grammar's drafts of a sentence, plus what the syntactic frames read besides.

    A parsed draft adds a type of deal the surface grammar did not read in the sentence; where both
    read one type, the parse wins only when it names the deal's company in the sentence and the
    surface grammar had to guess it from the sentences before ("the company"), or when the company
    the surface grammar made the deal's subject is a party in the parse's reading. A raise by the
    company a sentence's IPO is about is that IPO's proceeds, and a raise from one backer that the
    surface grammar read as that backer's investment is that investment, not a round.
    """
    named = set(an.ids)
    led = {(p.subject, i) for p in parsed if p.frame == "syntax:lead-round" for i, _ in p.roles}
    if led:  # "X led a $50 million investment in Y": one that leads has others beside it; a round
        def backed_by_lead(d: Draft) -> bool:
            return d.type is FactType.STRATEGIC_INVESTMENT and any((d.subject, i) in led for i, _ in d.roles)
        found = [d for d in found if not backed_by_lead(d)]
        parsed = [p for p in parsed if not backed_by_lead(p)]
    out = list(found)
    surface_types = {d.type for d in found}
    for p in parsed:
        if p.type is FactType.FUNDING_ROUND and any(d.type in (FactType.IPO, FactType.STRATEGIC_INVESTMENT)
                                                    and d.subject == p.subject for d in found + parsed):
            continue  # one sum is one deal: a listing's proceeds, or one backer's investment
        if p.type is FactType.ACQUISITION and FactType.IPO in surface_types \
                and FactType.ACQUISITION not in surface_types:
            continue  # "went public via a merger with a blank-check company": the merger is how it listed
        if p.type is FactType.ACQUISITION and any(
                d.type is FactType.STRATEGIC_INVESTMENT and d.subject == p.subject
                and {i for i, _ in d.roles} & {i for i, _ in p.roles} for d in found):
            continue  # "completed its acquisition of a 25% stake in Y": the stake the surface grammar read
        if p.type is FactType.IPO and p.frame == "syntax:raise":
            # "raised $625 million in its Nasdaq offering": the round the surface grammar read is the listing
            out = [d for d in out if not (d.type is FactType.FUNDING_ROUND and d.subject == p.subject)]
        elif p.amount is not None and any(d.amount is p.amount and d.type is not p.type for d in found):
            continue
        if p.type not in surface_types and any(d.type is p.type and (set(d.people) & set(p.people) or not d.people
                                                                     and d.subject == p.subject) for d in out):
            continue  # one reading of one person's move (or one company's deal) per sentence
        # a type the surface grammar did not read: every other parsed reading of it counts
        same = [d for d in out if d.type is p.type] if p.type in surface_types else []
        swapped = [d for d in same if d.subject != p.subject and d.subject in {i for i, _ in p.roles}]
        if not same:
            out.append(p)
        elif p.subject in named and all(d.subject not in named for d in same):
            out = [d for d in out if d not in same] + [p]
        elif swapped:
            # "Big Fund led a $50 million round into Acme": the parse says which company is the
            # backer; the surface grammar took the first company for the one raising.
            out = [d for d in out if d not in swapped] + [p]
    return out


def _relation_facts(reading: Reading, offset: int) -> list[CandidateFact]:
    """Relations stated in passing ("backed by", "subsidiary"), once each, as relation facts."""
    out, seen = [], set()
    names, kinds = reading.table.names, reading.table.kinds
    for an in reading.sentences:
        if an.relations and (not_counted(an.sentence.text) or hypothetical(an, 0, len(an.abstract))):
            continue  # forward-looking boilerplate, hearsay and conditionals state no relation either
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
    for m in _COORDINATED.finditer(an.abstract) if "and" in an.abstract else ():
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
    blanked, spans = blank_clauses(an.abstract)
    if spans:
        out.append(replace(an, abstract=blanked, blanked=[(an.to_text(a), an.to_text(b - 1) + 1) for a, b in spans]))
    return out


def _frames(an: Analysed, reading: Reading) -> list[Draft]:
    """Drafts of every frame that matches the sentence (or one of its variants, see :func:`_variants`)."""
    out: list[Draft] = []
    claimed: dict[frozenset, list[tuple[FactType, int, int]]] = {}
    asides = blank_clauses(an.abstract)[1]
    for variant in _variants(an):
        for frame in candidate_frames(variant.abstract):
            _match_frame(frame, variant, reading, out, claimed, (an.abstract, asides) if asides else None)
    return _rounds_of_groups(_one_stake_per_backer(out), an, reading.table.names)


def _one_stake_per_backer(drafts: list[Draft]) -> list[Draft]:
    """A stake told without its company ("..., which will take a minority stake") beside an investment of
    the same backer in the sentence is that investment restated."""
    named = {i for d in drafts if d.frame != "stake-topic" and d.type is FactType.STRATEGIC_INVESTMENT
             for i, _ in d.roles}
    return [d for d in drafts if not (d.frame == "stake-topic" and any(i in named for i, _ in d.roles))]


def _rounds_of_groups(drafts: list[Draft], an: Analysed, names: list[str] | None = None) -> list[Draft]:
    """"Investors including X backed Y with $45 million": money from a group of backers is a round; so is
    money a company raised from an investment firm alone ("X landed $30 million from Quill Ventures"),
    where money from a company of another trade is that company's stake ("... from Halvora Chips")."""
    for d in drafts:
        if d.type is not FactType.STRATEGIC_INVESTMENT:
            continue
        if _GROUP_OF_BACKERS.search(an.abstract, 0, d.trigger[0]) or names is not None and d.frame == "stake-from" \
                and d.roles and all(_INVESTMENT_FIRM.search(names[i]) for i, _ in d.roles):
            d.type = FactType.FUNDING_ROUND
    return drafts


#: The last word of an investment firm's name: it invests for others, and the money it puts in is a round.
_INVESTMENT_FIRM = re.compile(r"\b(?:Ventures|Venture Partners|Capital|Partners|Fund|Funds|Investments|Investors|"
                              r"Equity|Growth|Asset Management|VC)$")


#: Backers told as a group before the first of them: the money is a round, not one backer's stake.
_GROUP_OF_BACKERS = re.compile(r"\b(?:investors|backers|a group of (?:investors|backers)|a consortium)\s+"
                               r"(?:including|such as|like|led by|that included)\s+$", re.I)


def _party_of_an_aside(d: Draft, abstract: str, asides: list[tuple[int, int]]) -> bool:
    """Whether the draft makes a company named only inside an aside ("X, spun out of Y in 2023, raised
    $8 million from Z") a party of words outside it (the aside's own words may: "X, which Y bought")."""
    if d.sentence.blanked:
        return False  # read with the asides blanked already
    parties = [d.subject, *(i for i, _ in d.roles)]
    for party in parties:
        spots = [m.start() for m in re.finditer(f"⟨E{party}⟩", abstract)]
        inside = [next((a for a in asides if a[0] <= p < a[1]), None) for p in spots]
        if spots and all(inside) and not any(a[0] <= d.trigger[1] - 1 < a[1] for a in inside):
            return True
    # and the other way round: a deal an aside tells is between the companies in it and the one it
    # describes ("X, a bank it acquired in 1965, and Y": Y is no party of "acquired")
    aside = next((a for a in asides if a[0] <= d.trigger[0] < a[1]), None)
    if aside is not None:
        head = _HEAD_OF_ASIDE.search(abstract, 0, aside[0])
        for party in parties:
            if head and int(head.group(1)) == party:
                continue
            if not any(aside[0] <= m.start() < aside[1] for m in re.finditer(f"⟨E{party}⟩", abstract)):
                return True
    return False


_HEAD_OF_ASIDE = re.compile(r"⟨E(\d+)⟩$")


_PARTY_GROUPS = ("t", "a", "s", "c", "h", "p")


def _matches(pattern: re.Pattern, text: str):
    """The pattern's matches; after a match that runs across a colon the search resumes at its last
    party, so that a party may close one reading and open the next ("its CRM offering through a
    purchase: on May 30 X acquired Y")."""
    pos = 0
    while pos <= len(text):
        m = pattern.search(text, pos)
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)
        if ": " in m.group(0):
            groups = m.groupdict()
            last = max((m.start(g) for g in _PARTY_GROUPS if groups.get(g)), default=m.end())
            pos = last if last > m.start() else pos


def _match_frame(frame: Frame, an: Analysed, reading: Reading, out: list[Draft], claimed: dict,
                 asides: tuple[str, tuple[tuple[int, int], ...]] | None = None) -> None:
    """Add to ``out`` a draft for every match of ``frame`` in ``an`` whose parties are not ``claimed`` yet
    (and, given the sentence's ``asides``, that reads none of them wrongly, see :func:`_party_of_an_aside`)."""
    table = reading.table
    for m in _matches(frame.pattern, an.abstract):
        d = _from_match(frame, m, an, reading)
        if d is None or asides is not None and _party_of_an_aside(d, *asides):
            continue
        pairs = {frozenset((d.subject, i)) for i, _ in d.roles} or {frozenset((d.subject, -1, *d.people))}
        if any(_claimed(claimed.get(p, ()), frame.type, m) for p in pairs):
            continue
        if table.kinds[d.subject] == "person" or is_exchange(table.names[d.subject]):
            continue
        for p in pairs:
            claimed.setdefault(p, []).append((frame.type, m.start(), m.end()))
        out.append(d)
        if frame.elided_second_deal:
            # "A agreed to invest up to $10 billion in X and B up to $5 billion": the elided second deal.
            other = _ELIDED_TARGET.match(an.abstract, m.end())
            if other:  # "... $30 million in X and $20 million in Y": the same investor's second stake
                # (its trigger takes in the first's verb: "agreed to invest ... and $20 million in Y" is agreed too)
                d3 = Draft(type=d.type, subject=ids(other.group("t"))[0], roles=list(d.roles), people=[], sentence=an,
                           trigger=(m.start(), other.end()), frame="invest-elided")
                d3.amount = money_in(other.group("m"), an)
                out.append(d3)
            ell = _ELIDED.match(an.abstract, m.end())
            if ell:
                d2 = Draft(type=d.type, subject=d.subject, roles=[(ids(ell.group("a"))[0], Role.INVESTOR)],
                           people=[], sentence=an, trigger=(m.start(), ell.end()), frame="invest-elided")
                d2.amount = money_in(ell.group("m"), an)
                out.append(d2)


# "bought X and Y", "the sale of X, Y and Z to W": companies listed after the one a purchase names,
# up to a word that ends the object ("... and Y for $5 million", "... and Y last year"); "bought X and Y
# said ..." is two clauses.
_CONJOINED = re.compile(r"(?P<list>(?:(?:\s+<[\w.-]+>)?\s*,\s*⟨E\d+⟩)*(?:\s+<[\w.-]+>)?\s*,?\s+and\s+⟨E\d+⟩)(?:\s+<[\w.-]+>)?"
                        r"(?=\s*(?:[.;:)]|$)|\s*,|\s+(?:for|from|to|in|at|on|by|with|last|this|earlier|during|after|"
                        r"before|through|under|as|which|that|who|and)\b)")


_EACH_PRICED = re.compile(r"\s+for\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?⟪M\d+⟫(?:\s+in\s+(?:cash|stock))?,?"
                          r"\s+and\s+(?P<t>⟨E\d+⟩)\s+for\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?(?P<m>⟪M\d+⟫)"
                          # "deals with X ($3 billion) and Y ($1.2 billion)"
                          r"|\s*\(⟪M\d+⟫\),?\s+and\s+(?P<t2>⟨E\d+⟩)\s*\((?P<m2>⟪M\d+⟫)\)")


def _conjoined_targets(found: list[Draft], an: Analysed, reading: Reading) -> list[Draft]:
    """One purchase more for every company listed after the one an acquisition draft of ``found`` names
    (each at its own price where each has one: "X for $2 billion and Y for $500 million"; else the amount,
    which the list shares, stays with the first), and one contract more for a second customer told with its
    own price ("deals with X ($3 billion) and Y ($1.2 billion)"); when every name of the list says it is a
    company or is named on its own elsewhere in the text: "Smith and Wesson" or "Holt, Rinehart and
    Winston" are one company each."""
    out: list[Draft] = []
    bought = {d.subject for d in found if d.type is FactType.ACQUISITION}
    for d in found:
        if d.type is FactType.COMMERCIAL_CONTRACT and len(d.roles) == 1:
            # "signed deals with X ($3 billion) and Y ($1.2 billion)": one contract with each, at its price
            customer = d.roles[0][0]
            at = an.abstract.find(f"⟨E{customer}⟩", d.trigger[0])
            priced = _EACH_PRICED.match(an.abstract, at + len(f"⟨E{customer}⟩")) if at >= 0 else None
            if priced is not None and priced.group("t2"):
                extra = Draft(type=d.type, subject=d.subject, roles=[(ids(priced.group("t2"))[0], d.roles[0][1])],
                              people=[], sentence=an, trigger=d.trigger, frame=d.frame, status=d.status, listed=True)
                extra.amount = money_in(priced.group("m2"), an)
                out.append(extra)
            continue
        if d.type is not FactType.ACQUISITION:
            continue
        at = an.abstract.find(f"⟨E{d.subject}⟩", d.trigger[0])
        priced = _EACH_PRICED.match(an.abstract, at + len(f"⟨E{d.subject}⟩")) if at >= 0 else None
        if priced is not None:
            # "bought X for $2 billion and Y for $500 million": each company its own price, so two companies
            i = ids(priced.group("t") or priced.group("t2"))[0]
            if i not in bought and all(i != r for r, _ in d.roles):
                bought.add(i)
                extra = Draft(type=d.type, subject=i, roles=list(d.roles), people=[], sentence=an,
                              trigger=d.trigger, frame=d.frame, status=d.status, listed=True)
                extra.amount = money_in(priced.group("m") or priced.group("m2"), an)
                out.append(extra)
            continue
        m = _CONJOINED.match(an.abstract, at + len(f"⟨E{d.subject}⟩")) if at >= 0 else None
        if m is None or not all(_stands_alone(i, an, reading) for i in [d.subject, *ids(m.group("list"))]):
            continue
        for i in ids(m.group("list")):
            if i in bought or any(i == r for r, _ in d.roles) or an.ids and i not in an.ids:
                continue
            bought.add(i)
            out.append(Draft(type=d.type, subject=i, roles=list(d.roles), people=[], sentence=an,
                             trigger=d.trigger, frame=d.frame, status=d.status, listed=True))
    return out


def _stands_alone(i: int, an: Analysed, reading: Reading) -> bool:
    """Whether company ``i`` of sentence ``an`` is named as a company ("Quill Labs", "Quill Inc") or on
    its own in another sentence of the text."""
    if any(e == i and says_company(m.text) for m, e in zip(an.mentions, an.ids)):
        return True
    # not next to another name ("Harper and Row's board", "Holt, Rinehart from", "HARPER/ROW"): one company
    alone = re.compile(rf"(?<!and )(?<!& )(?<!, )(?<!/)⟨E{i}⟩(?![/,]|'s? (?:and|&) |,? (?:and|&) ⟨E)")
    return any(s is not an and alone.search(s.abstract) for s in reading.sentences)


def _claimed(claims, kind: FactType, m: re.Match) -> bool:
    """Whether an earlier frame's reading of the same two parties stands in the way of this match: any
    does, except that a contract may be read beside another kind of deal told in other words of the
    sentence ("X took a stake in Y and separately agreed to rent storage from Y")
    and beside a move of people, whichever frame read first ("X hired Y's founders and licensed Y's
    technology")."""
    contract, move = FactType.COMMERCIAL_CONTRACT, FactType.TALENT_MOVE
    return any({kind, other} != {contract, move}
               and (kind is not contract or other is contract or start < m.end() and m.start() < end)
               for other, start, end in claims)


_ELIDED_TARGET = re.compile(rf"\s*,?\s*and (?P<m>(?:up to |about |nearly |another )?⟪M\d+⟫) (?:in|into) (?P<t>{E})")
_ELIDED = re.compile(rf"\s*and (?P<a>{E}) (?P<m>(?:up to |about |nearly |another )?⟪M\d+⟫)")


_ENTITY = re.compile(r"⟨E\d+⟩")
_APPOSITION_COMPANY = re.compile(r"(?:\b(?:of|at)\s+⟨E(\d+)⟩|⟨E(\d+)⟩'s)")
_POSSESSOR = re.compile(r"⟨E(\d+)⟩'s?(?=\s)")
_COMPANY_BEFORE = re.compile(r"⟨E(\d+)⟩\s+(?:[\w,'’-]+\s+){0,7}$")
_OF_COMPANY = re.compile(r"\b(?:of|at)\s+⟨E(\d+)⟩")


def _rejected(frame: Frame, m: re.Match) -> bool:
    """Whether one of the frame's ``reject`` rules finds its pattern in the place it names."""
    for where, pattern, window in frame.rejects:
        if where == "match":
            found = pattern.search(m.group(0))
        elif where == "gap":
            found = pattern.search(m.group("gap") or "")
        elif where == "before_gap":
            end = m.start("gap")
            found = pattern.search(m.string, max(0, end - window) if window is not None else 0, end)
        elif where == "before":
            found = pattern.search(m.string, max(0, m.start() - window) if window is not None else 0, m.start())
        else:  # "clause"
            found = pattern.search(m.string, m.start(), clause_end(m.string, m.end()))
        if found:
            return True
    return False


def _from_match(frame: Frame, m: re.Match, an: Analysed, reading: Reading) -> Draft | None:
    """The draft one match of ``frame`` states, or None; the frame's flags (``surface_frames/macros.toml``)
    say how its subject and parties are found where the pattern alone does not give them."""
    groups = m.groupdict()
    if hypothetical(an, m.start(), m.end(), m.string):
        return None
    # "X ... from Y and concurrently signed a deal with Z": the verb after "and" belongs to the
    # sentence's subject X (read in the coordinated copy), not to the nearest company Y.
    lead = min((g for g in groups if groups[g] and g in frame.parties), key=m.start, default=None)
    if lead is not None and _COORDINATED.search(m.string, m.end(lead), m.end()):
        first = _ENTITY.search(m.string)
        if first is not None and first.start() != m.start(lead):
            return None
    if frame.rejects and _rejected(frame, m):
        return None
    if any(groups.get(g) and m.end(g) == m.end()
           and (_SPEAKER_AFTER.match(m.string, m.end(g)) and _AFTER_A_COMMA.search(m.string, 0, m.start(g))
                or _SPEAKER_BEFORE.search(m.string, 0, m.start(g))) for g in frame.parties):
        # "... by buying rival shops, X said", "... an industry first,' X said", "Public Cloud Takeover, Says
        # X": the company last is who speaks
        return None
    if frame.subject and groups.get(frame.subject) and frame.type is not FactType.TALENT_MOVE \
            and _SECURITIES_AFTER.match(m.string, m.end(frame.subject)):
        return None  # "the sale of Treasury bills", "bought X notes": a company's paper, not the company
    kinds = reading.table.kinds
    subject_ids = ids(groups.get(frame.subject)) if frame.subject else []
    apposition = groups.get(frame.apposition) if frame.apposition else None
    if frame.type is FactType.TALENT_MOVE and apposition:
        # "X, the chief technology officer of Y, has left the company": Y, named in the apposition.
        named = _APPOSITION_COMPANY.findall(apposition)
        if named:
            subject_ids = [int(named[0][0] or named[0][1])]
    roles: list[tuple[int, Role]] = []
    for g, role in frame.roles.items():
        if groups.get(g) and frame.type is not FactType.TALENT_MOVE and _SECURITIES_AFTER.match(m.string, m.end(g)):
            continue  # "buying a U.S. Government securities broker": a kind of paper, not a party
        roles += [(i, role) for i in ids(groups.get(g)) if kinds[i] != "person"]
    people = [i for i in ids(groups.get(frame.people)) if kinds[i] == "person"] if frame.people else []
    if not subject_ids and frame.type is FactType.TALENT_MOVE:
        # "Quill's founder X left to ...": the company is the possessor before the person.
        head = an.abstract[max(0, m.start() - 80):m.start()] + (apposition or "")
        poss = _POSSESSOR.findall(head) or _COMPANY_BEFORE.findall(head)
        # "X, the chief technology officer of Y, has left": the company named in the apposition.
        named = _OF_COMPANY.findall(apposition or "")
        subject_ids = [int(poss[-1])] if poss else [int(named[0])] if named else []
    if not subject_ids and frame.subject_from_head_when is not None:
        head = m.string[:m.start()]
        if not frame.subject_from_head_when.search(head):
            return None
        subject_ids = [i for i in ids(head) if kinds[i] != "person"][:1]
    if not subject_ids and frame.subject_from_speaker and reading.speaker is not None:
        subject_ids = [reading.speaker]  # "the agreement with Y that we signed": the company speaking
    if not subject_ids and frame.business_of is not None:
        subject_ids = _business(ids(groups.get(frame.business_of)), groups["b"], reading)
    if not subject_ids and frame.subject_from_topic and an.topic is not None:
        subject_ids = [an.topic]  # "Ms. Keane is leaving to join Y": leaving the company the text is about
    if not subject_ids:
        return None
    subject = subject_ids[0]
    roles = [(i, r) for i, r in roles if i != subject]
    if frame.type is not FactType.TALENT_MOVE and not roles and frame.roles:
        return None
    if frame.speaker_role is not None and reading.speaker is not None and reading.speaker != subject:
        roles = [(reading.speaker, frame.speaker_role)]
    if frame.hirer_before_people and groups.get(frame.people):
        # "Orla said that X, who runs Brisa's unit, will become its chief executive" /
        # "Quill also gets a new boss: X, who is leaving Y, will replace Z": the company named
        # before the person (or the one the previous sentences are about) hires.
        before = [i for i in ids(m.string[:m.start(frame.people)]) if kinds[i] != "person" and i != subject]
        hirer = before[0] if before else an.topic if frame.hirer_from_topic else None
        if hirer is not None and hirer != subject:
            roles = [(hirer, Role.HIRER)]
    if frame.type is FactType.TALENT_MOVE and not people and (
            frame.people_optional_when is None or not frame.people_optional_when.search(m.group(0))):
        return None  # "Orbis lost its chief executive to Y": staff without names, where the frame allows it
    swap = frame.swap_to_customer_when.match(m.string, m.end()) if frame.swap_to_customer_when is not None else None
    if swap is not None and (not swap.groupdict().get("supplier") or ids(swap.group("supplier")) == [roles[0][0]]):
        roles, subject = [(subject, Role.CUSTOMER)], roles[0][0]
    d = Draft(type=frame.type, subject=subject, roles=roles, people=people, sentence=an,
              trigger=(m.start(), m.end()), frame=frame.name, status=frame.status)
    if groups.get("m") and not per_unit(an, money_index(groups["m"])):  # ("pay $15 a share for X": the price of a share)
        d.amount = money_in(groups["m"], an)
    if d.type is FactType.STRATEGIC_INVESTMENT and (_controlling_stake(m.group(0)) or _control_after(m.string, m.end())):
        # "the purchase of a 60% stake in Y": control changes hands, an acquisition
        d.type, d.roles = FactType.ACQUISITION, [(i, Role.ACQUIRER) for i, _ in d.roles]
    return d


_SECURITIES_AFTER = re.compile(r"(?:'s)?\s+(?:bills|bonds|notes|debentures|paper|securities|warrants|futures|options|"
                               r"loans|debt|certificates)\b")
_SPEAKER_AFTER = re.compile(r"(?:'s)?\s+(?:said|says|told|added|reported|announced|noted)\b")
_QUOTES = "`'\"‘’“”"
_AFTER_A_COMMA = re.compile(rf",[\s{_QUOTES}]*$")
_SPEAKER_BEFORE = re.compile(rf",[\s{_QUOTES}]*(?:says|said|according to|writes|wrote)\s+$", re.I)


def _business(owners: list[int], words: str, reading: Reading) -> list[int]:
    """The business a company sells without a name of its own ("its filter products division"), as
    a company named by its owner and those words ("Zentrix filter products division")."""
    table = reading.table
    owners = [i for i in owners if table.kinds[i] != "person"]
    if not owners:
        return []
    return [table.add(f"{table.names[owners[0]]} {' '.join(words.split())}", "org")]


_MAJORITY = re.compile(rf"\b(?:majority|controlling)\s+(?:[\w-]+\s+)?(?:stake|interest|holding)\b|\b(?P<pct>\d{{2,3}}(?:\.\d+)?)\s?(?:{percent_alternation()})"
                       r"\s+(?:[\w-]+\s+)?(?:stake|interest|holding)\b"
                       rf"|\bshares,? or (?:about |around |nearly |some )?(?P<held>\d{{2,3}}(?:\.\d+)?)\s?(?:{percent_alternation()})",
                       re.IGNORECASE)


def _control_after(text: str, end: int) -> bool:
    """Whether the words after a purchase of shares say it took the buyer's holding past half ("...,
    boosting its holding to 83 pct")."""
    m = _HOLDING_RAISED_TO.match(text, end)
    return m is not None and float(m.group(1)) > 50


_HOLDING_RAISED_TO = re.compile(r"[^.;⟨]{0,40}?,?\s*(?:boosting|raising|bringing|increasing|lifting|taking)\s+"
                                r"(?:its|their|his|her)\s+(?:total\s+|combined\s+)?(?:holdings?|stake|interest|"
                                r"shareholding|ownership)\b[^.;]{0,60}?\bto\s+(?:about\s+|around\s+|nearly\s+|"
                                r"roughly\s+|some\s+|almost\s+)?(\d{1,3}(?:\.\d+)?)\s?(?:pct|%|percent|per cent)", re.I)


def _controlling_stake(text: str) -> bool:
    """A stake that gives control: "a majority stake", "a 60% stake", "5.1 mln shares, or 52 pct" (more
    than half)."""
    m = _MAJORITY.search(text)
    share = m and (m.group("pct") or m.group("held"))
    return m is not None and (share is None or float(share) > 50)

