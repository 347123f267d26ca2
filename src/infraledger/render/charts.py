"""Charts of the report as inline SVG, drawn with matplotlib (no CDN, no fonts to download).

Each function takes an analysis result and returns an ``<svg>`` string. Text stays text in the
SVG (``svg.fonttype = none``), so the browser uses its own fonts and the file stays small. Every
chart gets its own id salt, so ids of several SVGs inlined in one page never collide.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg")  # headless; must precede any backend use

from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure as MplFigure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle

from ..analyses.capex import CapexResult
from ..analyses.funding import FundingResult
from ..analyses.ipo import IpoScorecard
from ..analyses.mna import MnaResult

#: Order of the stack map, from the ground up.
STACK_ORDER = ("power", "data_center", "silicon", "networking", "compute_cloud", "compute_orchestration",
               "cost_optimisation", "observability", "security", "software", "hyperscaler", "ai_lab", "carrier",
               "telecom_equipment", "it_asset_management")
PALETTE = ("#1f5a96", "#c8553d", "#2a9d8f", "#e9c46a", "#6d597a", "#8d99ae", "#f4a261", "#264653")
MAX_BARS = 15

# Text sizes in points at the chart's own size. Charts are at most WIDTH inches wide and the page shows
# them at about that size on paper (A4 or Letter with margins), so LABEL_PT is the smallest text
# printed: 9 pt, above the 8 pt under which print stops being comfortably legible.
WIDTH = 7.0
TITLE_PT, LABEL_PT = 11, 9
_MEASURE = RendererAgg(10, 10, 72)  # at 72 dpi one pixel is one point


def text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width in inches of ``text`` set in the charts' sans-serif at ``size`` points."""
    width, _height, _descent = _MEASURE.get_text_width_height_descent(
        text, FontProperties(family="sans-serif", size=size, weight=weight), ismath=False)
    return width / 72


def _svg(fig: MplFigure, name: str, title: str) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"infraledger-{name}",
                                "font.family": "sans-serif"}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})  # same input, same bytes
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    # an accessible name for the chart, and a class the page's CSS sizes responsively
    return text.replace("<svg ", f'<svg role="img" aria-label="{escape(title, {chr(34): "&quot;"})}" class="chart" '
                        f'id="chart-{name}" ', 1)


def _figure(height: float) -> MplFigure:
    return MplFigure(figsize=(WIDTH, height), dpi=96)


def _axes(fig: MplFigure):
    ax = fig.add_subplot()
    ax.tick_params(labelsize=LABEL_PT)
    return ax


def _empty(name: str, title: str, message: str) -> str:
    fig = _figure(1.2)
    ax = _axes(fig)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555")
    return _svg(fig, name, title)


def _billions(v: Decimal | None) -> float:
    return float(v) / 1e9 if v is not None else 0.0


def capex_chart(result: CapexResult) -> str:
    """Horizontal bars of each spender's budget: solid to the low bound, light to the high bound."""
    title = f"Capex budgets {result.period}"
    items = result.spenders[:MAX_BARS]
    if not items:
        return _empty("capex", title, f"No capex budgets for {result.period} in the ledger")
    fig = _figure(0.45 * len(items) + 1.2)
    ax = _axes(fig)
    names = [s.name for s in items][::-1]
    lows = [_billions(s.figure.value.lo) for s in items][::-1]
    highs = [_billions(s.figure.value.hi) if s.figure.value.hi is not None else None for s in items][::-1]
    ax.barh(names, lows, color=PALETTE[0], label="stated low bound")
    for i, (lo, hi) in enumerate(zip(lows, highs)):
        if hi is None:
            ax.annotate("", xy=(lo * 1.15, i), xytext=(lo, i), arrowprops=dict(arrowstyle="->", color=PALETTE[1]))
        elif hi > lo:
            ax.barh(i, hi - lo, left=lo, color=PALETTE[0], alpha=0.35)
    ax.set_xlabel("US$ billion (light: range the source allows; arrow: open-ended)", fontsize=LABEL_PT)
    ax.set_title(title, loc="left", fontsize=TITLE_PT)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, "capex", title)


def ipo_paths_chart(card: IpoScorecard) -> str:
    """Each IPO's observed prices indexed to its offer price (1.0 = offer)."""
    title = "IPO price paths, indexed to the offer price"
    series = [s for s in card.ipos if s.offer_price.supported and s.ipo_date]
    if not series:
        return _empty("ipo", title, "No IPO with an offer price in the ledger")
    fig = _figure(3.6)
    ax = _axes(fig)
    for i, s in enumerate(series[:8]):
        offer = s.offer_price.value.midpoint
        xs: list[date] = [s.ipo_date]
        ys, lo_err, hi_err = [1.0], [0.0], [0.0]
        if s.first_day_close.supported:
            xs.append(s.ipo_date)
            ys.append(float(s.first_day_close.value.midpoint / offer))
            lo_err.append(ys[-1] - float(s.first_day_close.value.lo / offer))
            hi_err.append(float(s.first_day_close.value.hi / offer) - ys[-1])
        for pt in s.path:
            mid = pt.price.midpoint
            xs.append(pt.day)
            ys.append(float(mid / offer))
            lo_err.append(ys[-1] - float((pt.price.lo or mid) / offer))
            hi_err.append(float((pt.price.hi or mid) / offer) - ys[-1])
        color = PALETTE[i % len(PALETTE)]
        ax.errorbar(xs, ys, yerr=[lo_err, hi_err], marker="o", ms=4, color=color, capsize=2, label=s.name,
                    linestyle="-" if len(s.path) > 1 else ":")
    ax.axhline(1.0, color="#888", lw=0.8, ls="--")
    ax.set_ylabel("price / offer price", fontsize=LABEL_PT)
    ax.set_title(title, loc="left", fontsize=TITLE_PT)
    ax.legend(fontsize=LABEL_PT, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _svg(fig, "ipo", title)


def mna_timeline_chart(result: MnaResult) -> str:
    """Deals by announcement date and target layer; a line runs to the closing date, hollow = not closed."""
    title = "M&A by layer of the target"
    deals = [d for d in result.deals if d.announced][:200]
    if not deals:
        return _empty("mna", title, "No dated acquisitions in the ledger")
    layers = sorted({d.target_layer for d in deals})
    fig = _figure(0.6 * len(layers) + 1.6)
    ax = _axes(fig)
    ys = [layers.index(d.target_layer) for d in deals]
    sizes = [30 + (min(_billions(d.value.value.lo), 40) * 8 if d.value.supported else 0) for d in deals]
    closed = [d.status == "completed" for d in deals]
    # one collection per kind of mark: drawing each deal as its own artist is slow for long deal lists
    segments = [[(mdates.date2num(d.announced), y), (mdates.date2num(d.closed), y)]
                for d, y in zip(deals, ys) if d.closed and d.closed != d.announced]
    if segments:
        ax.add_collection(LineCollection(segments, colors=PALETTE[0], linewidths=1))
    # a date known only to a month or a quarter is shaded over that whole period, not pinned to its first day
    periods = [[(mdates.date2num(t.start), y), (mdates.date2num(t.end), y)]
               for d, y in zip(deals, ys) for t in (d.announced_time, d.closed_time) if t and t.start != t.end]
    if periods:
        ax.add_collection(LineCollection(periods, colors=PALETTE[0], linewidths=8, alpha=0.25))
    for done, face in ((True, PALETTE[0]), (False, "white")):
        pick = [i for i, c in enumerate(closed) if c is done]
        if pick:
            ax.scatter([mdates.date2num(deals[i].announced) for i in pick], [ys[i] for i in pick],
                       s=[sizes[i] for i in pick], color=face, edgecolors=PALETTE[0], zorder=3,
                       label="closed" if done else "announced or pending")
    if len(deals) <= 25:
        for d, y in zip(deals, ys):
            ax.annotate(f"{d.acquirer} / {d.target}", (mdates.date2num(d.announced), y), textcoords="offset points",
                        xytext=(6, 6), fontsize=LABEL_PT)
    ax.xaxis_date()
    ax.set_yticks(range(len(layers)), [x.replace("_", " ") for x in layers])
    ax.set_ylim(-0.7, len(layers) - 0.3)
    ax.set_title(title, loc="left", fontsize=TITLE_PT)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _svg(fig, "mna", title)


def funding_chart(result: FundingResult) -> str:
    """Known funding per company, largest first, beside the list's stated total when there is one."""
    title = f"Funding of {result.list_name or 'private companies'}"
    items = result.companies[:MAX_BARS]
    if not items:
        return _empty("funding", title, "No funding amounts in the ledger")
    fig = _figure(0.4 * len(items) + 1.4)
    ax = _axes(fig)
    names = [c.name for c in items][::-1]
    values = [float(c.raised.value.lo) / 1e6 for c in items][::-1]
    ax.barh(names, values, color=PALETTE[2])
    ax.set_xlabel("US$ million raised (stated amounts the ledger holds)", fontsize=LABEL_PT)
    subtitle = f"; list total stated: {result.list_total.text()}" if result.list_total.supported else ""
    ax.set_title(title + subtitle, loc="left", fontsize=TITLE_PT)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, "funding", title)


def stack_map_chart(by_layer: dict[str, list[tuple[str, bool]]]) -> str:
    """Companies by layer of the stack, from power up; acquired companies in grey.

    Each name sits in a box as wide as the name set at :data:`LABEL_PT` (measured, with room for a
    browser's sans-serif being a little wider), so no label runs out of its box; names that do not
    fit on their row are counted in "+N more".
    """
    title = "Stack map: companies by layer"
    layers = [x for x in STACK_ORDER if by_layer.get(x)] + sorted(x for x in by_layer if x not in STACK_ORDER and by_layer[x])
    if not layers:
        return _empty("stack", title, "No companies with layers in the ledger")
    fig = _figure(0.42 * len(layers) + 0.8)
    ax = fig.add_axes((0.01, 0.02, 0.98, 0.9))
    ax.axis("off")
    row_width = WIDTH * 0.98  # the axes' x unit is an inch of the figure
    pad, gap, slack = 0.06, 0.06, 1.12
    names_from = max(text_width(x.replace("_", " "), LABEL_PT, "bold") for x in layers) * slack + 0.15
    n = len(layers)
    boxes, faces = [], []
    for row, layer in enumerate(layers):
        y = n - 1 - row
        ax.text(0.0, y, layer.replace("_", " "), ha="left", va="center", fontsize=LABEL_PT, fontweight="bold")
        names = by_layer[layer]
        x, shown = names_from, 0
        for i, (name, acquired) in enumerate(names):
            width = text_width(name, LABEL_PT) * slack + 2 * pad
            more = 0.0 if i == len(names) - 1 else text_width(f"+{len(names) - i - 1} more", LABEL_PT) * slack + gap
            if x + width + more > row_width:
                break
            # label boxes go into one collection: a boxed text artist per name is slow to draw
            boxes.append(Rectangle((x, y - 0.3), width, 0.6))
            faces.append("#eee" if acquired else "#dbe9f6")
            ax.text(x + pad, y, name, ha="left", va="center", fontsize=LABEL_PT, color="#555" if acquired else "#111",
                    gid=f"stack-label-{len(boxes)}")
            x += width + gap
            shown += 1
        if len(names) > shown:
            ax.text(x, y, f"+{len(names) - shown} more", fontsize=LABEL_PT, va="center")
    ax.add_collection(PatchCollection(boxes, facecolors=faces, edgecolors="none", zorder=0, gid="stack-boxes"))
    ax.set_xlim(0, row_width)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_title(title + " (grey: acquired)", loc="left", fontsize=TITLE_PT)
    return _svg(fig, "stack", title)
