"""Present an :class:`~.api.AuditReport` as JSON or as a Markdown summary table.

The HTML rendering of the article with highlighted claims is in :mod:`.html`.
"""

from __future__ import annotations

import json

from ..model import format_money
from ..render.report import md
from .api import AuditReport
from .claims import Claim


def to_json(report: AuditReport) -> str:
    """The report as indented JSON: one object per claim (its headline verdict, explanation and evidence,
    and ``findings``, all of them most serious first), opinions, counts, excluded sources."""
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False)


def value_text(c: Claim) -> str:
    """A claim's figure in short form: "more than $600B", "about 50%", "pending"."""
    if c.value is not None:
        return format_money(c.value)
    if c.quantity is not None:
        q = {"exact": "", "more_than": "more than ", "less_than": "less than ", "about": "about ",
             "up_to": "up to "}.get(c.qualifier.value, "")
        unit = "%" if c.kind.value in ("percentage", "change") else ""
        sign = {"up": "+", "down": "-"}.get(c.direction, "")
        return f"{q}{sign}{c.quantity}{unit}"
    if c.status is not None:
        return c.status.value
    return c.text


def _cell(text: str) -> str:
    """Markdown-table-safe text: one line, HTML and Markdown syntax (links, emphasis, pipes) escaped."""
    return md(text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _evidence(evidence) -> str:
    return _cell("; ".join(f"{e.fact_id} ({e.source_title or e.source_id})" for e in evidence))


def to_markdown(report: AuditReport) -> str:
    """A summary (headline verdict counts) and one table row per claim with its headline finding, each
    further finding on a row of its own under it ("also source_mismatch"), then the opinions."""
    d = report.document
    lines = [f"# Audit: {_cell(d.title or d.origin)}", ""]
    if d.published:
        lines.append(f"Document date: {d.published.isoformat()}  ")
    lines.append(f"Ledger as of: {report.as_of.isoformat() if report.as_of else 'now'}  ")
    if report.excluded_sources:
        lines.append("Not used as evidence (the audited document itself): "
                     + ", ".join(f"{_cell(k)} ({_cell(v)})" for k, v in report.excluded_sources.items()) + "  ")
    counts = report.counts()
    lines += ["", "| verdict | claims |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in counts.items()]
    lines += ["", "| id | claim | kind | subject | value | time | cited source | verdict | explanation | evidence |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for cv in report.verdicts:
        c = cv.claim
        row = [_cell(x) for x in (c.id, c.text, c.kind.value, c.subject, value_text(c),
                                  c.time.label() if c.time else "", c.cited_source)]
        lines.append(_row(row + [f"**{cv.verdict.value}**", _cell(cv.explanation), _evidence(cv.evidence)]))
        for f in cv.further:  # each further finding on its own row right under the headline one
            lines.append(_row([""] * len(row) + [f"also {f.verdict.value}", _cell(f.explanation), _evidence(f.evidence)]))
    if report.opinions:
        lines += ["", "## Opinions (interpretation, not checked)", ""]
        lines += [f"- *{_cell(o.cue)}*: {_cell(o.text)}" for o in report.opinions]
    return "\n".join(lines) + "\n"
