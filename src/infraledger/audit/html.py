"""A self-contained, offline HTML page of the audited text with every claim in its verdict's colour.

Each claim is marked in its headline verdict's colour (a double underline when it has further
findings); its explanation opens with the headline finding and lists every further finding under
it, most serious first, as does the table of claims.

Safety: every piece of input text reaches the page through Jinja2 with autoescaping, the page
carries a Content-Security-Policy that allows no script, no network fetch and no frames, and the
page itself uses no JavaScript at all - an explanation opens on hover or keyboard focus (CSS only),
so nothing from the input can run.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from .api import AuditReport
from .render import value_text
from .verdicts import ClaimVerdict

COLOURS = {
    "supported": "#1a7f37", "contradicted": "#cf222e", "stale": "#bc4c00", "inconsistent": "#8250df",
    "ambiguous": "#9a6700", "source_mismatch": "#0969da", "unsupported": "#6e7781",
}

_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Audit: {{ title }}</title>
<style>
body{font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.4rem} .meta{color:#57606a;font-size:.9rem}
.legend span{display:inline-block;margin:0 .6rem .3rem 0;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.85rem}
article p{margin:.6rem 0} .op{background:#f6f8fa;font-style:italic}
.c{position:relative;border-bottom:3px solid var(--v);background:color-mix(in srgb,var(--v) 14%,transparent);cursor:help;outline:none}
.c .tip{display:none;position:absolute;left:0;top:1.6em;z-index:5;width:28rem;max-width:80vw;background:#fff;color:#1f2328;
 border:1px solid #d0d7de;border-left:6px solid var(--v);border-radius:6px;padding:.5rem .7rem;font:13px/1.45 system-ui,sans-serif;
 font-style:normal;box-shadow:0 6px 18px rgba(0,0,0,.15)}
.c:hover .tip,.c:focus .tip,.c:focus-within .tip{display:block}
.tip b{color:var(--v);text-transform:uppercase;font-size:.8rem} .tip .ev{display:block;margin:.2rem 0 0 .4rem;word-break:break-all}
.c[data-findings]{border-bottom-style:double}
.tip .more{display:block;margin-top:.4rem;padding-top:.3rem;border-top:1px solid #d0d7de} .tip .more b{color:var(--w)}
tr.more td{border-top-style:dashed;font-size:.8rem}
table{border-collapse:collapse;font-size:.85rem;margin-top:1rem} td,th{border:1px solid #d0d7de;padding:.2rem .4rem;vertical-align:top}
</style></head><body>
<h1>Audit: {{ title }}</h1>
<p class="meta">{% if published %}Document date {{ published }} · {% endif %}ledger as of {{ as_of }} · {{ n }} claims, {{ n_op }} opinions
{% if excluded %}<br>Not used as evidence (the audited document itself): {% for s in excluded %}{{ s.id }} ({{ s.reason }}){% if not loop.last %}, {% endif %}{% endfor %}{% endif %}</p>
<p class="legend">{% for v, count in counts %}<span style="background:{{ colours[v] }}">{{ v }}: {{ count }}</span>{% endfor %}</p>
<article>
{% for para in paragraphs %}<p>{% for seg in para %}{% if seg.verdict %}<span class="c" tabindex="0" style="--v:{{ colours[seg.verdict.verdict.value] }}" id="{{ seg.verdict.claim.id }}"{% if seg.verdict.further %} data-findings="{{ seg.verdict.findings|length }}"{% endif %}>{{ seg.text }}<span class="tip" role="tooltip"><b>{{ seg.verdict.verdict.value }}</b> · {{ seg.verdict.claim.id }} · {{ seg.verdict.claim.kind.value }} · {{ value(seg.verdict.claim) }}<br>{{ seg.verdict.explanation }}{% if seg.verdict.claim.cited_source %}<br><i>Cited: {{ seg.verdict.claim.cited_source }}</i>{% endif %}{{ evidence(seg.verdict.evidence) }}{% for f in seg.verdict.further %}<span class="more" style="--w:{{ colours[f.verdict.value] }}"><b>also {{ f.verdict.value }}</b><br>{{ f.explanation }}{{ evidence(f.evidence) }}</span>{% endfor %}</span></span>{% elif seg.opinion %}<span class="op" title="opinion: {{ seg.opinion }}">{{ seg.text }}</span>{% else %}{{ seg.text }}{% endif %}{% endfor %}</p>
{% endfor %}</article>
<h2>Claims</h2>
<table><tr><th>id</th><th>claim</th><th>subject</th><th>verdict</th><th>explanation</th></tr>
{% for cv in verdicts %}<tr><td>{{ cv.claim.id }}</td><td>{{ cv.claim.text }}</td><td>{{ cv.claim.subject }}</td><td style="color:{{ colours[cv.verdict.value] }}">{{ cv.verdict.value }}</td><td>{{ cv.explanation }}</td></tr>
{% for f in cv.further %}<tr class="more"><td></td><td></td><td></td><td style="color:{{ colours[f.verdict.value] }}">also {{ f.verdict.value }}</td><td>{{ f.explanation }}</td></tr>
{% endfor %}{% endfor %}</table>
</body></html>
"""

_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_EVIDENCE = _ENV.from_string(
    '{% for e in evidence %}<span class="ev">• {{ e.fact_id }} — {{ e.source_title or e.source_id }}'
    '{% if e.source_url %} ({{ e.source_url }}){% endif %}</span>{% endfor %}')


def _evidence(evidence) -> Markup:
    """A finding's evidence lines, escaped, ready to place in the page."""
    return Markup(_EVIDENCE.render(evidence=evidence))


@dataclass(frozen=True)
class _Segment:
    text: str
    verdict: ClaimVerdict | None = None
    opinion: str = ""


def paragraphs(report: AuditReport) -> list[list[_Segment]]:
    """The text split into lines, each a list of plain, claim and opinion segments (claims win overlaps)."""
    text = report.document.text
    marks: list[tuple[int, int, ClaimVerdict | None, str]] = []
    last = -1
    for cv in sorted(report.verdicts, key=lambda v: v.claim.span):
        s, e = cv.claim.span
        if s >= last and 0 <= s < e <= len(text):
            marks.append((s, e, cv, ""))
            last = e
    for o in report.opinions:
        s, e = o.span
        pieces, pos = [], s
        for ms, me, _, _ in marks:
            if me <= pos or ms >= e:
                continue
            if ms > pos:
                pieces.append((pos, ms))
            pos = max(pos, me)
        if pos < e:
            pieces.append((pos, e))
        marks += [(a, b, None, o.cue) for a, b in pieces if b > a]
    marks.sort(key=lambda m: m[0])
    lines: list[list[_Segment]] = [[]]
    pos = 0

    def plain(a: int, b: int, opinion: str = "") -> None:
        chunks = text[a:b].split("\n")
        for i, chunk in enumerate(chunks):
            if i:
                lines.append([])
            if chunk:
                lines[-1].append(_Segment(chunk, None, opinion))

    for s, e, cv, cue in marks:
        if s < pos:
            continue
        plain(pos, s)
        if cv is not None:
            lines[-1].append(_Segment(text[s:e], cv))
        else:
            plain(s, e, cue)
        pos = e
    plain(pos, len(text))
    return [p for p in lines if p]


def to_html(report: AuditReport) -> str:
    """The audited text as a standalone HTML page (no script, no external resources)."""
    d = report.document
    return _ENV.from_string(_TEMPLATE).render(
        title=d.title or d.origin, published=d.published.isoformat() if d.published else "",
        as_of=report.as_of.isoformat() if report.as_of else "now", n=len(report.verdicts), n_op=len(report.opinions),
        excluded=[{"id": k, "reason": v} for k, v in report.excluded_sources.items()],
        counts=list(report.counts().items()), colours=COLOURS, paragraphs=paragraphs(report),
        verdicts=report.verdicts, value=value_text, evidence=_evidence)
