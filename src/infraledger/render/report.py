"""The report: the article's argument made from the ledger's own facts, as HTML or Markdown.

``build_report(snapshot, as_of, fmt)`` runs the analyses as of a date, draws the charts as inline
SVG and fills a jinja2 template (autoescaped for HTML, so source text can never become markup).
Every figure links to footnotes naming the facts' sources, citations and evidence; figures the
ledger cannot support are printed as such and listed at the end, never invented.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources

import jinja2
from markupsafe import Markup

from ..analyses.backing import backing_formula
from ..analyses.capex import capex_concentration
from ..analyses.divergence import ipo_divergence
from ..analyses.figures import Figure
from ..analyses.frame import Frame, as_date, frame
from ..analyses.funding import private_funding
from ..analyses.ipo import IpoScorecard
from ..analyses.mna import mna_consolidation
from ..analyses.outlook import exit_outlook, weight_text
from ..analyses.timeline import timeline
from ..errors import InputError
from ..ledger.store import Snapshot
from ..model import FuzzyTime
from . import charts
from .footnotes import Footnotes

FORMATS = ("html", "md")
#: Rows listed per table; counts and totals always cover everything.
LIST_LIMIT = 25


@dataclass
class _Figures:
    """Formats figures for one output format, numbering footnotes and collecting unsupported figures."""

    fmt: str
    notes: Footnotes
    unsupported: list[Figure] = field(default_factory=list)

    def refs(self, ids) -> str | Markup:
        """Footnote references for fact ids (a figure's, or any list of ids)."""
        nums, more = self.notes.cite(ids)
        if not nums:
            return "" if self.fmt == "md" else Markup("")
        if self.fmt == "md":
            return "".join(f"[^{n}]" for n in nums) + (f" (+{more} facts)" if more else "")
        links = ",".join(f'<a href="#fn-{n}">{n}</a>' for n in nums)
        return Markup(f'<sup class="refs">{links}{f" +{more}" if more else ""}</sup>')

    def fig(self, figure: Figure, note: bool = True) -> str | Markup:
        """A figure's text with its footnote references (and its note unless ``note`` is False);
        unsupported figures say so and why."""
        if not figure.supported:
            if figure not in self.unsupported:
                self.unsupported.append(figure)
            if self.fmt == "md":
                return f"*not supported by the ledger* ({md(figure.note)})"
            return Markup('<span class="unsupported" title="{t}">not supported by the ledger</span>').format(t=figure.note)
        if self.fmt == "md":
            return md(figure.text()) + self.refs(figure.fact_ids)
        extra = Markup(' <span class="fignote">({})</span>').format(figure.note) if figure.note and note else ""
        return Markup('<span class="fig">{}</span>{}{}').format(figure.text(), self.refs(figure.fact_ids), extra)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md(text: object) -> str:
    """Source text made inert for Markdown: one line, HTML escaped (a Markdown viewer renders raw HTML), and
    the characters of links, emphasis, code and table cells (``[ ] * _ ` |`` and backslash) escaped."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def when(time: FuzzyTime | None) -> str:
    """A time at the precision its source gave: "2026-03-11", "2026-03", "2026-Q1", "2025"; empty when unknown."""
    return time.label() if time else ""


def _environment(fmt: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("infraledger").joinpath("render", "templates"))),
        autoescape=fmt == "html", trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["md"] = md
    env.filters["layer"] = lambda v: str(v).replace("_", " ")
    env.filters["when"] = when
    env.filters["weight"] = weight_text
    return env


def _stack(fr: Frame, acquired: set[str]) -> dict[str, list[tuple[str, bool]]]:
    by_layer: dict[str, list[tuple[str, bool]]] = {x: [] for x in charts.STACK_ORDER}
    for e in sorted(fr.entities.values(), key=lambda e: e.name.lower()):
        if e.kind.value != "company":
            continue
        for layer in e.layers:
            if layer.value not in ("venture", "exchange"):
                by_layer.setdefault(layer.value, []).append((e.name, e.id in acquired))
    return {k: v for k, v in by_layer.items() if v}


def build_report(snapshot: Snapshot, as_of: date | datetime | str | None = None, fmt: str = "html", *,
                 source_texts: Mapping[str, str] | None = None, title: str | None = None,
                 timelines: Sequence[str] = ()) -> str:
    """The report of ``snapshot`` as of valid date ``as_of`` (default: the snapshot's date) as a string.

    ``fmt`` is "html" (one self-contained page) or "md". ``source_texts`` maps source ids to their
    text so evidence spans can be quoted. ``timelines`` names companies (or ``layer:<name>``) whose
    timelines are appended. Raises InputError for an unknown format, bad date or layer, and
    NotFoundError for an unknown company.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown report format '{fmt}'; use one of: {', '.join(FORMATS)}")
    cut = as_date(as_of) if as_of is not None else (snapshot.as_of.date() if snapshot.as_of else None)
    fr = frame(snapshot, cut)
    # Charts are drawn on a worker thread while the next analyses run their queries (DuckDB releases
    # the GIL while it works); only that one thread touches matplotlib. Markdown has no charts.
    with ThreadPoolExecutor(max_workers=1) as pool:
        jobs: dict[str, Future] = {}

        def draw(name: str, fn, *args) -> None:
            if fmt == "html":
                jobs[name] = pool.submit(fn, *args)

        capex = capex_concentration(snapshot, as_of=cut, limit=LIST_LIMIT)
        draw("capex", charts.capex_chart, capex)
        divergence = ipo_divergence(snapshot, as_of=cut, limit=12)
        card = IpoScorecard(cut, tuple(r.score for r in divergence.rows))
        draw("ipo", charts.ipo_paths_chart, card)
        mna = mna_consolidation(snapshot, as_of=cut, limit=LIST_LIMIT)
        draw("mna", charts.mna_timeline_chart, mna)
        acquired = {d.target_id for d in mna.deals if d.status == "completed"}
        stack = _stack(fr, acquired)
        draw("stack", charts.stack_map_chart, stack)
        funding = private_funding(snapshot, as_of=cut, limit=LIST_LIMIT)
        draw("funding", charts.funding_chart, funding)
        outlook = exit_outlook(snapshot, as_of=cut, limit=LIST_LIMIT, mna=mna, funding=funding, card=card)
        chart_svgs = {name: Markup(job.result()) for name, job in jobs.items()}
    lines = [timeline(snapshot, layer=ref.removeprefix("layer:"), as_of=cut, limit=200) if ref.startswith("layer:")
             else timeline(snapshot, company=ref, as_of=cut, limit=200) for ref in timelines]
    counts = fr.rows("SELECT count(*), count(DISTINCT source_id) FROM facts")[0]
    figures = _Figures(fmt, Footnotes(fr, source_texts))
    context = dict(
        title=title or "The AI-infrastructure capital cycle, from the ledger",
        as_of=cut.isoformat() if cut else "now",
        record_as_of=snapshot.as_of.date().isoformat() if snapshot.as_of else "now",
        generated=datetime.now().replace(microsecond=0).isoformat(sep=" "),
        n_facts=counts[0], n_sources=counts[1],
        capex=capex, divergence=divergence, timelines=lines, mna=mna, funding=funding, outlook=outlook, stack=stack,
        charts=chart_svgs,
        fig=figures.fig, refs=figures.refs, unsupported=figures.unsupported, notes=figures.notes.notes,
        list_limit=LIST_LIMIT, backing_formula=backing_formula(),
    )
    template = _environment(fmt).get_template(f"report.{fmt}.j2")
    return template.render(**context)


__all__ = ["FORMATS", "build_report"]
