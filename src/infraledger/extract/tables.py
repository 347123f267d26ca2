"""Deals stated as rows of a table: a header row naming the columns, one deal per row below it.

Newsletters and trackers list deals as tables ("Company | Amount | Round | Lead investor"). HTML
tables arrive here as one line per row with cells joined by " | " (see
:func:`~infraledger.sources.document.html_to_text`); Markdown tables look the same. A table is
read only when its header names the company column and at least one deal column; each row then
becomes one event whose evidence is the row. What the header cannot tell (a row's deal type) is
read from the row itself: a type or round cell saying "acquisition" or "IPO", an acquirer column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.events import FactType, Participant, Role, Status
from ..model.facts import CandidateFact
from ..model.fuzzytime import FuzzyTime, find_times
from ..model.money import Money, find_money

#: What each column holds, by the words of its header cell (the first pattern that matches wins).
_COLUMNS: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("acquirer", r"\b(?:acquirer|buyer|purchaser|acquired by|bought by)\b"),
    ("lead", r"\blead(?:s|ing)?\b|\bled by\b"),
    ("investors", r"\b(?:investors?|backers?|participants?)\b"),
    ("valuation", r"\bvaluation\b|\bvalued at\b"),
    ("amount", r"\b(?:amount|raised|size|deal value|value|proceeds|total)\b"),
    ("round", r"\b(?:round|series|stage|type|deal type|kind)\b"),
    ("date", r"\b(?:date|announced|closed|when|month)\b"),
    ("exchange", r"\b(?:exchange|venue|market)\b"),
    ("status", r"\bstatus\b"),
    ("subject", r"\b(?:company|startup|issuer|target|name|firm|business)\b"),
))
_ROW = re.compile(r"^[ \t]*\|?(?P<cells>[^\n|]*(?:\|[^\n|]*)+?)\|?[ \t]*$", re.M)
_RULE = re.compile(r"^[\s|:\-–—]+$")  # a Markdown separator row "|---|:--:|"
_LIST_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_STATUS_WORDS = ((re.compile(r"\b(?:terminated|abandoned|cancel+ed|withdrawn|blocked)\b", re.I), Status.TERMINATED),
                 (re.compile(r"\b(?:pending|awaiting)\b", re.I), Status.PENDING),
                 (re.compile(r"\b(?:closed|completed|done|priced|listed)\b", re.I), Status.COMPLETED),
                 (re.compile(r"\b(?:announced|agreed|signed)\b", re.I), Status.ANNOUNCED))


@dataclass(frozen=True, slots=True)
class _Row:
    start: int
    end: int
    cells: tuple[str, ...]


def read_tables(text: str, offset: int = 0, anchor=None,
                default_time: FuzzyTime | None = None) -> tuple[list[CandidateFact], list[tuple[int, int]]]:
    """The deals of every table in ``text`` and the spans of the rows read (so the prose reader
    can skip them). Offsets are shifted by ``offset`` (the window's place in the document); a row
    without a date of its own is dated ``default_time`` (the document's date)."""
    if "|" not in text:
        return [], []
    facts: list[CandidateFact] = []
    spans: list[tuple[int, int]] = []
    for table in _tables(text):
        columns = _header(table[0].cells)
        if columns is None:
            continue
        for row in table[1:]:
            fact = _row_fact(row, text[row.start:row.end], columns, anchor, offset, default_time)
            if fact is not None:
                facts.append(fact)
                spans.append((row.start, row.end))
        spans.append((table[0].start, table[0].end))
    return facts, spans


def _tables(text: str) -> list[list[_Row]]:
    """Runs of row lines (blank lines between rows allowed) with the same number of cells."""
    tables: list[list[_Row]] = []
    current: list[_Row] = []
    last_end = -1
    for m in _ROW.finditer(text):
        cells = tuple(" ".join(c.split()) for c in m.group("cells").split("|"))
        if _RULE.match(m.group(0)):
            last_end = m.end()
            continue
        raw = m.group(0)
        row = _Row(m.start() + len(raw) - len(raw.lstrip()), m.end() - len(raw) + len(raw.rstrip()), cells)
        joined = last_end >= 0 and not text[last_end:m.start()].strip()
        if current and joined and len(cells) == len(current[0].cells):
            current.append(row)
        else:
            if len(current) > 1:
                tables.append(current)
            current = [row]
        last_end = m.end()
    if len(current) > 1:
        tables.append(current)
    return tables


def _header(cells: tuple[str, ...]) -> dict[str, int] | None:
    """Column index by role, when the row is a header naming a company column and a deal column."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(cells):
        if len(cell) > 40 or find_money(cell):
            return None
        for name, pattern in _COLUMNS:
            if pattern.search(cell) and name not in columns:
                columns[name] = i
                break
    if "subject" not in columns or not ({"amount", "round", "lead", "investors", "acquirer", "exchange"} & set(columns)):
        return None
    return columns


def _row_fact(row: _Row, evidence: str, columns: dict[str, int], anchor, offset: int,
              default_time: FuzzyTime | None) -> CandidateFact | None:
    def cell(name: str) -> str:
        i = columns.get(name)
        return row.cells[i] if i is not None and i < len(row.cells) else ""

    subject = cell("subject").strip(" *")
    if not subject or find_money(subject):
        return None
    kind = f"{cell('round')} {cell('status')}".lower()
    parties: list[Participant] = []
    if cell("acquirer") or "acqui" in kind or "merger" in kind:
        type_ = FactType.ACQUISITION
        parties += [Participant(n, Role.ACQUIRER) for n in _names(cell("acquirer"))]
    elif "ipo" in kind or "listing" in kind or cell("exchange"):
        type_ = FactType.IPO
        parties += [Participant(n, Role.EXCHANGE) for n in _names(cell("exchange"))]
    else:
        type_ = FactType.FUNDING_ROUND
        parties += [Participant(n, Role.LEAD_INVESTOR) for n in _names(cell("lead"))]
        parties += [Participant(n, Role.INVESTOR) for n in _names(cell("investors"))
                    if all(n != p.name for p in parties)]
    amount = _money(cell("amount"))
    if amount is None and not parties:
        return None  # a row naming a company and nothing it did
    status = next((s for pattern, s in _STATUS_WORDS if pattern.search(cell("status"))),
                  Status.ANNOUNCED if type_ is FactType.ACQUISITION else Status.COMPLETED)
    attributes: dict = {"frame": "table-row"}
    usd = _usd_beside(cell("amount"), amount)
    if usd is not None:
        attributes["amount_usd"] = str(usd.amount)
        attributes["amount_usd_qualifier"] = usd.qualifier.value
    if type_ is FactType.FUNDING_ROUND and cell("round"):
        attributes["round"] = cell("round")
    return CandidateFact(type=type_, subject=subject, counterparties=tuple(parties), amount=amount,
                         valuation=_money(cell("valuation")), time=_time(cell("date"), anchor) or default_time,
                         status=status,
                         evidence=evidence, span=(row.start + offset, row.end + offset), attributes=attributes)


def _names(text: str) -> list[str]:
    return [n.strip(" .*") for n in _LIST_SPLIT.split(text) if n.strip(" .*-–—") and n.strip().lower() not in
            ("n/a", "undisclosed", "none", "not disclosed")]


def _money(text: str) -> Money | None:
    found = find_money(text)
    return found[0][2] if found else None


def _usd_beside(text: str, amount: Money | None) -> Money | None:
    """The US-dollar figure a cell gives beside an amount in another currency ("HK$5.4bn (US$696m)")."""
    if amount is None or amount.currency == "USD":
        return None
    return next((m for _, _, m in find_money(text)[1:] if m.currency == "USD"), None)


def _time(text: str, anchor) -> FuzzyTime | None:
    found = find_times(text, anchor, partial=True) if text else []
    return found[0][2] if found else None
