"""The report's analyses for the dashboard: the same functions and figures as ``infraledger report``."""

from __future__ import annotations

from ..analyses.capex import capex_concentration
from ..analyses.divergence import ipo_divergence
from ..analyses.funding import private_funding
from ..analyses.mna import mna_consolidation
from ..analyses.outlook import exit_outlook
from ..ledger.snapshot import SqlSnapshot
from ..render.report import LIST_LIMIT, build_report
from .mirror import Copy

#: The analyses the API serves by name, and how each is computed (as the report computes it).
ANALYSES = {
    "capex": lambda snap: capex_concentration(snap, limit=LIST_LIMIT),
    "ipos": lambda snap: ipo_divergence(snap, limit=12),
    "mna": lambda snap: mna_consolidation(snap, limit=LIST_LIMIT),
    "funding": lambda snap: private_funding(snap, limit=LIST_LIMIT),
    "outlook": lambda snap: exit_outlook(snap, limit=LIST_LIMIT),
}


def analysis(copy: Copy, snap: SqlSnapshot, name: str):
    return copy.cached(("analysis", name, snap.as_of), lambda: ANALYSES[name](snap))


def report_html(copy: Copy, snap: SqlSnapshot) -> str:
    """The whole report as of the snapshot's time: one self-contained page, as ``infraledger report`` writes it."""
    def make() -> str:
        return build_report(snap, source_texts=snap.document_texts())
    return copy.cached(("report", snap.as_of), make, keep=64)
