"""Facts from an 8-K: item 2.01 -> completed acquisition, item 5.02 -> executive departure or appointment.

The filer is the reporting company. For item 2.01 the acquired company is read from the
legal introduction of the parties that such items open with ("... acquired Combinet, Inc., a
California corporation ("Combinet") ..."): the first company so introduced that is neither the
filer nor one of its subsidiaries. For item 5.02 a person is someone named in full and either
followed by a departure or appointment verb ("Martin Small became ...") or later called
"Mr./Ms./Mrs./Dr. <surname>"; whether they leave or join is read from that verb, else from the
sentence that first names them. When nothing can be identified, no fact is made and a note
says why. EX-99 press releases are handed to the text extractor
(:func:`infraledger.extract.extract_events`) when that module is installed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model.entities import Entity, normalise_name
from ...model.events import FactType, Participant, Role, Status
from ...model.facts import CandidateFact
from ...model.fuzzytime import FuzzyTime
from ...model.sources import Source
from .eightk import EightK, Item
from .facts import FilingFacts

__all__ = ["eightk_facts", "press_release_facts"]

_ORG = r"([A-Z0-9][\w&.,'’\- \n]{1,80}?)"
_PARTY = re.compile(_ORG + r",\s+an?\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?i:(corporation|limited\s+liability\s+company|"
                    r"limited\s+partnership|company|bank|trust))\b([^(]{0,60})")
_LEADING = re.compile(r"^(?:.*\b(?:among|between|acquired|of|and|with|by|from|the)\s+)", re.IGNORECASE)
_PERSON = re.compile(r"\b([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+)? ([A-Z][a-zA-Z\-]+))\b")
_HONORIFIC = r"\b(?:Mr|Ms|Mrs|Dr)\.\s+"
_LEAVE = re.compile(r"\b(resign\w*|retire\w*|depart\w*|step(?:ped|s)?\s+down|terminat\w*|separation|will\s+leave)\b",
                    re.IGNORECASE)
_JOIN = re.compile(r"\b(appoint\w*|elect\w*|named|hired?|promot\w*|join\w*|became)\b", re.IGNORECASE)
#: Last words of organisation names and bodies that act in 5.02 items ("the Board elected ...").
_NOT_SURNAMES = frozenset({
    "corporation", "company", "inc", "incorporated", "corp", "board", "committee", "directors", "bank", "group",
    "holdings", "trust", "partners", "fund", "officer", "chairman", "president", "plan", "agreement",
})
#: A departure or appointment verb right after a person's name ("..., age 59," may come between).
_DIRECT = re.compile(r"(?:,[^,.;]{1,40},)?\s+(?:(?:has|have|was|will|had)\s+(?:been\s+)?)?"
                     r"(resign\w*|retire\w*|depart\w*|step(?:ped|s)?\s+down|appointed|elected|named|became|"
                     r"joined|hired|promoted)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![A-Z])[.;]\s")


def eightk_facts(report: EightK, *, source: Source) -> FilingFacts:
    """Facts of the items we read (2.01, 5.02) plus the extractor's facts for each EX-99 press release."""
    out = FilingFacts(source=source)
    filer = Entity.new(report.company or "unnamed registrant", cik=report.cik)
    out.entities.append(filer)
    when = FuzzyTime.day(report.date_of_report, "date of report") if report.date_of_report else None
    for item in report.items:
        if item.code == "2.01":
            _acquisition(report, item, filer, when, out)
        elif item.code == "5.02":
            _talent(report, item, filer, when, out)
    for exhibit in report.press_releases:
        out.facts.extend(press_release_facts(exhibit.text or "", name=exhibit.filename or exhibit.type,
                                             published=when, notes=out.notes))
    return out


def _location(report: EightK, item: Item, span: tuple[int, int]) -> dict:
    return {"document": report.document, "element": f"Item {item.code}", "offset": list(span)}


def _acquisition(report: EightK, item: Item, filer: Entity, when, out: FilingFacts) -> None:
    target = _target(item.text, report.company)
    if target is None:
        out.notes.append(f"Item {item.code}: the acquired company is not named in the usual legal form; no fact")
        return
    name, (start, end) = target
    span = (item.start + _offset(report.text, item, start), item.start + _offset(report.text, item, end))
    out.facts.append(CandidateFact(
        type=FactType.ACQUISITION, subject=name, counterparties=(Participant(filer.name, Role.ACQUIRER, filer.id),),
        time=when, status=Status.COMPLETED, evidence=_sentence(item.text, start), span=span,
        attributes={"item": item.code, "evidence_location": _location(report, item, span)}))


def _offset(text: str, item: Item, pos: int) -> int:
    # item.text is the stripped slice text[item.start:item.end]; map a position in it back.
    lead = len(text[item.start:item.end]) - len(text[item.start:item.end].lstrip())
    return lead + pos


def _target(text: str, filer: str) -> tuple[str, tuple[int, int]] | None:
    own = normalise_name(filer)
    for m in _PARTY.finditer(text[:4000]):
        name = " ".join(_LEADING.sub("", m.group(1).replace("\n", " ")).split()).strip(" ,")
        if not name or "subsidiary" in m.group(4).lower() or "registrant" in name.lower():
            continue
        key = normalise_name(name)
        if not key or key == own or own and (key.startswith(own) or own.startswith(key)):
            continue
        lead = _LEADING.match(m.group(1))
        start = m.start(1) + (lead.end() if lead else 0)
        while text[start] in " ,\n":
            start += 1
        return name, (start, m.end(1))
    return None


def _sentence(text: str, pos: int) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    begin = starts[-1] if starts else 0
    stop = _SENTENCE_END.search(text, pos)
    return " ".join(text[begin:stop.end() if stop else len(text)].split())[:600]


def _talent(report: EightK, item: Item, filer: Entity, when, out: FilingFacts) -> None:
    text = item.text
    seen: set[str] = set()
    for m in _PERSON.finditer(text):
        full, surname = m.group(1), m.group(2)
        if full in seen or surname.lower() in _NOT_SURNAMES:
            continue
        # The verb right after the name says what happened to that person ("Martin Small became ...");
        # without one, the name must be a person the item refers back to as "Mr./Ms. <surname>".
        verb = _DIRECT.match(text, m.end(1))
        if verb is None and not re.search(_HONORIFIC + re.escape(surname) + r"\b", text):
            continue
        sentence = _sentence(text, m.start())
        if verb is not None:
            move = "departure" if _LEAVE.match(verb.group(1)) else "appointment"
        else:
            leave, join = _LEAVE.search(sentence), _JOIN.search(sentence)
            if not leave and not join:
                continue
            move = "departure" if leave and (not join or leave.start() < join.start()) else "appointment"
        seen.add(full)
        span = (item.start + _offset(report.text, item, m.start(1)), item.start + _offset(report.text, item, m.end(1)))
        parts = (Participant(filer.name, Role.HIRER, filer.id),) if move == "appointment" else ()
        out.facts.append(CandidateFact(
            type=FactType.TALENT_MOVE, subject=filer.name, subject_id=filer.id, counterparties=parts, people=(full,),
            time=when, status=Status.ANNOUNCED, evidence=sentence, span=span,
            attributes={"item": item.code, "move": move, "evidence_location": _location(report, item, span)}))
    if not seen:
        out.notes.append(f"Item {item.code}: no departing or appointed person named; no fact")


def press_release_facts(text: str, *, name: str, published: FuzzyTime | None = None,
                        notes: list[str] | None = None) -> list[CandidateFact]:
    """Deal facts the text extractor finds in a press release exhibit, each located in that exhibit.

    Returns [] (with a note) when the extractor stage is not installed.
    """
    try:
        from ...extract import extract_events  # another stage; optional here
    except ImportError:
        if notes is not None:
            notes.append(f"{name}: press release kept as text; the deal extractor (infraledger.extract) is not available")
        return []
    from ..document import document_from_text
    document = document_from_text(text, name=name, published=published)
    out = []
    for fact in extract_events(document):
        where = {"document": name, "element": "press release exhibit"}
        if fact.span:
            where["offset"] = list(fact.span)
        out.append(replace(fact, attributes={**fact.attributes, "evidence_location": where}))
    return out
