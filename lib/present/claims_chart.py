"""The per-topic figure chart: each source's number against its report date.

Pure plotly (no streamlit), so it is testable on its own. Article text only
reaches the chart through hover text, which is HTML-escaped.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import plotly.graph_objects as go

from lib.claims.figures import claim_quantity
from lib.claims.status import report_span
from lib.claims.topics import Topic
from lib.core.models import Claim
from lib.present.palette import outlet_colors
from lib.present.words import outlet_name

# Marker shapes say what the qualifier does to the number.
_SYMBOLS = {
    "up to": "triangle-down",
    "less than": "triangle-down",
    "nearly": "triangle-down-open",
    "more than": "triangle-up",
    "at least": "triangle-up",
    "around": "circle-open",
    "approx": "circle-open",
}


@dataclass(frozen=True)
class ChartPoint:
    """One plotted figure: where it sits and the claim it came from."""

    claim: Claim
    x: datetime  # middle of the report's date span
    span_start: date
    span_end: date
    y: float
    y_high: float | None


def chart_points(topic: Topic) -> tuple[list[ChartPoint], list[Claim]]:
    """(plotted, left_out): dated figures, and figures that cannot be placed honestly.

    Left out: figures whose report date is unknown, and vague amounts
    ("thousands of troops") that have no single value to plot.
    """
    plotted, left_out = [], []
    for claim in topic.figures:
        span = report_span(claim.reported_on)
        quantity = claim_quantity(claim)
        if span is None or (quantity is not None and quantity.is_vague):
            left_out.append(claim)
            continue
        start, end = span
        middle = datetime.combine(start, time()) + (datetime.combine(end, time()) - datetime.combine(start, time())) / 2
        plotted.append(ChartPoint(claim, middle, start, end, claim.value, claim.value_high))
    return plotted, left_out


def _hover(claim: Claim) -> str:
    quantity = claim_quantity(claim)
    figure = quantity.label() if quantity else ""
    quote = claim.quote if len(claim.quote) <= 220 else claim.quote[:217] + "…"
    parts = [
        f"<b>{html.escape(outlet_name(claim.outlet))}</b> — {html.escape(claim.reported_on.plain_label())}",
        f"{html.escape(figure)}" + (" (hedged)" if claim.hedged else ""),
        f"per {html.escape(claim.attributed_to)}",
        # Wrapped so a long sentence stays inside the chart; each line escaped on its own.
        "<br>".join(html.escape(line) for line in textwrap.wrap(f"“{quote}”", 70)),
    ]
    return "<br>".join(parts)


# Pixels of the plot area. The outlets' key is not a plotly legend (whose height must be fixed before
# the browser's width is known: a line per outlet for a phone left ~100 px blank on a laptop) but
# outlet_key_html, drawn under the chart, which wraps to the width it gets.
PLOT_HEIGHT = 300


def plotted_outlets(topic: Topic, colors: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(outlet as a reader says it, colour) of each outlet with a point on the chart, in plotting order."""
    plotted, _left_out = chart_points(topic)
    colours = _colours(topic, colors)
    seen: dict[str, str] = {}
    for point in plotted:
        seen.setdefault(point.claim.outlet, colours[point.claim.outlet])
    return [(outlet_name(outlet), colour) for outlet, colour in seen.items()]


def outlet_key_html(topic: Topic, colors: dict[str, str] | None = None) -> str:
    """The chart's key as HTML that wraps to any width: a coloured dot and the outlet's name (escaped)
    per plotted outlet; "" when nothing is plotted."""
    outlets = plotted_outlets(topic, colors)
    if not outlets:
        return ""
    items = "".join(
        f'<span style="white-space:nowrap"><span style="color:{html.escape(colour)};font-size:1.3em">&#9679;</span> '
        f"{html.escape(name)}</span>"
        for name, colour in outlets
    )
    return f'<div style="display:flex;flex-wrap:wrap;gap:2px 14px;font-size:0.85rem">{items}</div>'


def _colours(topic: Topic, colors: dict[str, str] | None) -> dict[str, str]:
    """The collection's colours when they cover the row's outlets, else the row's own."""
    if colors and all(claim.outlet in colors for claim in topic.claims):
        return colors
    return outlet_colors(claim.outlet for claim in topic.claims)


def claims_figure(topic: Topic, colors: dict[str, str] | None = None) -> go.Figure | None:
    """Value vs report date, one colour per outlet (lib.present.palette); None when nothing can be plotted.

    Pass `colors` = outlet_colors(every outlet of the collection), as the timeline does, so an
    outlet keeps its colour across rows and pages (by default only this row's outlets are coloured).

    A report dated only to a month or year is drawn as a horizontal span over
    the whole interval; a range ("10,000 to 12,000") as a vertical bar.
    """
    plotted, _left_out = chart_points(topic)
    if not plotted:
        return None
    colours = _colours(topic, colors)
    traces = []  # handed to plotly at once: `add_trace` per point validates and copies the list again each time
    for point in plotted:
        claim = point.claim
        colour = colours[claim.outlet]
        if point.span_end > point.span_start:  # uncertain date: show the whole span
            traces.append(
                go.Scatter(
                    x=[point.span_start, point.span_end + timedelta(days=1)],
                    y=[point.y, point.y],
                    mode="lines",
                    line={"color": colour, "width": 6},
                    opacity=0.35,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=claim.outlet,
                )
            )
        error_y = None
        if point.y_high is not None:
            error_y = {"type": "data", "symmetric": False, "array": [point.y_high - point.y], "arrayminus": [0], "color": colour}
        traces.append(
            go.Scatter(
                x=[point.x],
                y=[point.y],
                mode="markers",
                marker={"color": colour, "size": 13, "symbol": _SYMBOLS.get(claim.qualifier or "", "circle"),
                        "line": {"color": colour, "width": 2}},
                error_y=error_y,
                name=outlet_name(claim.outlet),  # as a reader says it ("Kyodo", not "Kyodo (site not named)")
                legendgroup=claim.outlet,
                showlegend=False,  # the key is outlet_key_html, under the chart
                hovertemplate="%{customdata}<extra></extra>",
                customdata=[_hover(claim)],
            )
        )
    figure = go.Figure(data=traces)
    unit = topic.unit or "figure"
    top = max(point.y_high if point.y_high is not None else point.y for point in plotted)
    figure.update_layout(
        # Short: the row's label is the heading right above the chart (a long one is cut on a phone).
        title={"text": "Figures by report date", "font": {"size": 14}},
        xaxis_title="report date",
        yaxis_title=html.escape(unit),
        # Explicit range with headroom: markers at the maximum are not clipped by the plot edge.
        yaxis={"range": [0, top * 1.2 if top > 0 else 1], "separatethousands": True},
        height=PLOT_HEIGHT + 50 + 50,
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        showlegend=False,
    )
    return figure
