"""The timeline figure and table, built from events without streamlit.

Guarantees:
* one row per event, earliest at the top; an event known to the day is a
  marker, an event known only to a week/month is a bar spanning its whole
  interval (visibly different), so an uncertain date is never drawn as a day;
  an event known only loosely (an interval over ~2 months) is not drawn: the
  page lists it in its own lane, so it never stretches the axis;
* hover text shows the date with its precision and clue, the one-line
  summary, every source's exact sentence (HTML-escaped, wrapped), outlet and
  report date, and the number of sources;
* colours come from `lib.present.palette.outlet_colors`, so an outlet has the same
  colour on every page;
* by default the x-axis starts at or after the story start (2024-06-01):
  background events appear only when `show_context=True`.
"""

from __future__ import annotations

import calendar
import html
import textwrap
from datetime import date, timedelta
from typing import Iterable

from lib.core.models import Event
from lib.core.settings import DEFAULT_STORY_START
from lib.present.palette import outlet_colors
from lib.present.words import outlet_name, short_label

SPAN_WIDTH = 12  # px: thick enough to read as a bar, thin enough to stack
DAY_MARKER = 13
MAX_QUOTE_CHARS = 400


def event_date_label(event: Event) -> str:
    """"19 Jun 2024 (day)", "4–10 Nov 2024 (week)", "Jun 2024 (month)", "Aug 2025 – Feb 2026 (year)"."""
    start, end = date.fromisoformat(event.start), date.fromisoformat(event.end)
    month = calendar.month_abbr
    if event.precision == "day" and start == end:
        text = f"{start.day} {month[start.month]} {start.year}"
    elif event.precision == "day":
        text = f"{start.day}–{end.day} {month[end.month]} {end.year}" if start.month == end.month else (
            f"{start.day} {month[start.month]} – {end.day} {month[end.month]} {end.year}"
        )
    elif event.precision == "week":
        if start.year == end.year and start.month == end.month:
            text = f"{start.day}–{end.day} {month[end.month]} {end.year}"
        else:
            text = f"{start.day} {month[start.month]} {start.year} – {end.day} {month[end.month]} {end.year}"
    elif event.precision == "month" and (start.year, start.month) == (end.year, end.month):
        text = f"{month[start.month]} {start.year}"
    elif event.precision == "year" and start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        text = str(start.year)
    elif start.year == end.year:
        text = f"{month[start.month]}–{month[end.month]} {end.year}"
    else:
        text = f"{month[start.month]} {start.year} – {month[end.month]} {end.year}"
    return f"{text} ({event.precision})"


def event_date_words(event: Event) -> str:
    """The date as a reader says it (no precision codes): "19 Jun 2024", "week of 4–10 Nov 2024",
    "Jun 2024", "2026", "sometime Aug 2025 – Feb 2026" for a date known only loosely."""
    text = event_date_label(event).rsplit(" (", 1)[0]
    if event.precision == "week":
        return f"week of {text}"
    if not is_loose(event):
        return text
    first, _, last = text.partition(" – ")
    if last:
        return f"between {first} and {last}"
    return f"sometime in {text}"


# An event dated only to an interval longer than this is "loose": drawn as a bar it
# would stretch the axis and squeeze every precisely dated event (issue 17), so it
# is listed in its own lane below the chart instead.
LOOSE_DAYS = 62


def is_loose(event: Event) -> bool:
    return (date.fromisoformat(event.end) - date.fromisoformat(event.start)).days > LOOSE_DAYS


def split_loose(events: Iterable[Event]) -> tuple[list[Event], list[Event]]:
    """(events drawn on the date axis, events known only loosely)."""
    drawn, loose = [], []
    for event in events:
        (loose if is_loose(event) else drawn).append(event)
    return drawn, loose


def _escape(text: str) -> str:
    # quote=False: plotly shows "&quot;" literally in hover text; quotes are harmless there.
    return html.escape(text, quote=False)


def outlets_of(event: Event) -> list[str]:
    """The event's outlets, in source order, each once."""
    seen: list[str] = []
    for source in event.sources:
        if source.outlet not in seen:
            seen.append(source.outlet)
    return seen


def _wrap(text: str, width: int = 80) -> str:
    if len(text) > MAX_QUOTE_CHARS:
        text = text[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
    return "<br>".join(_escape(line) for line in textwrap.wrap(text, width)) or ""


def hover_text(event: Event) -> str:
    """The hover box: date + clue, summary, then each source (quote, outlet, report date). All escaped."""
    lines = [
        f"<b>{_escape(event_date_words(event))}</b> — dated by: {_escape(event.clue)}",
        f"<b>{_wrap(event.summary)}</b>",
        f"{len(event.sources)} source{'s' if len(event.sources) != 1 else ''}"
        + (" · background before the story window" if event.is_context else ""),
    ]
    for source in event.sources:
        lines.append(
            f"“{_wrap(source.quote)}”<br><i>{_escape(outlet_name(source.outlet))}, reported "
            f"{_escape(source.published.plain_label())}</i>"
        )
    return "<br>".join(lines)


def _row_label(event: Event) -> str:
    """The label above an event's row: at most eight whole words of its summary (never cut mid-word)."""
    return _escape(short_label(event.summary))


def axis_range(events: list[Event], story_start: str, show_context: bool) -> tuple[str, str]:
    """x-axis bounds: from the story start (or the earliest event with context) to the last event, padded."""
    if not events:
        start = date.fromisoformat(story_start)
        return start.isoformat(), (start + timedelta(days=180)).isoformat()
    first = min(date.fromisoformat(event.start) for event in events)
    last = max(date.fromisoformat(event.end) for event in events)
    story = date.fromisoformat(story_start)
    padding = max(timedelta(days=7), (last - min(first, story)) / 40)
    if show_context:
        low = min(first, story) - padding
    else:
        low = max(first - padding, story)  # never before the story window by default
    high = max(last, low) + padding
    return low.isoformat(), high.isoformat()


def timeline_figure(
    events: Iterable[Event],
    story_start: str = DEFAULT_STORY_START,
    show_context: bool = False,
    selected_event_id: str | None = None,
    colors: dict[str, str] | None = None,
):
    """A plotly figure of `events` (one row each); context events are dropped unless `show_context`."""
    import plotly.graph_objects as go  # lazily: plotly is slow to import

    events = [event for event in events if show_context or not event.is_context]
    events, _ = split_loose(events)  # listed apart by the page, so they never stretch the axis
    events.sort(key=lambda event: (event.start, event.end, event.summary))
    colors = colors or outlet_colors({outlet for event in events for outlet in outlets_of(event)})
    # Traces and labels are made first and handed to plotly at once: `add_trace` / `add_annotation` per
    # event validate and copy the whole list again each time (60 labels took ~0.5 s of a first render).
    traces, annotations = [], []
    shown_in_legend: set[str] = set()
    for row, event in enumerate(events):
        outlet = outlets_of(event)[0] if event.sources else "unknown"
        colour = colors.get(outlet, "#7F7F7F")
        selected = event.event_id == selected_event_id
        legend = outlet not in shown_in_legend
        shown_in_legend.add(outlet)
        common = dict(
            name=outlet_name(outlet),
            legendgroup=outlet,
            showlegend=legend,
            hovertext=hover_text(event),
            hoverinfo="text",
            customdata=[event.event_id],
        )
        if event.precision == "day" and event.start == event.end:
            traces.append(
                go.Scatter(
                    x=[event.start],
                    y=[row],
                    mode="markers",
                    marker=dict(
                        size=DAY_MARKER + 2 * min(len(event.sources) - 1, 4),
                        color=colour,
                        symbol="circle",
                        line=dict(width=3 if selected else 1, color="#000000" if selected else "#FFFFFF"),
                    ),
                    **common,
                )
            )
        else:
            end_exclusive = (date.fromisoformat(event.end) + timedelta(days=1)).isoformat()
            middle = date.fromisoformat(event.start) + (date.fromisoformat(event.end) - date.fromisoformat(event.start)) / 2
            traces.append(
                go.Scatter(
                    x=[event.start, middle.isoformat(), end_exclusive],
                    y=[row, row, row],
                    mode="lines+markers",
                    line=dict(width=SPAN_WIDTH + (4 if selected else 0), color=colour),
                    marker=dict(size=[0, 7, 0], color=colour),  # the middle point makes the bar clickable
                    opacity=0.45 if not selected else 0.8,
                    customdata=[event.event_id] * 3,
                    **{key: value for key, value in common.items() if key != "customdata"},
                )
            )
    low, high = axis_range(events, story_start, show_context)
    middle_of_axis = date.fromisoformat(low) + (date.fromisoformat(high) - date.fromisoformat(low)) / 2
    for row, event in enumerate(events):
        # anchored so the label runs into the chart: from the event's start in the left
        # half, back from its end in the right half
        left_half = date.fromisoformat(event.start) <= middle_of_axis
        end_exclusive = (date.fromisoformat(event.end) + timedelta(days=1)).isoformat()
        annotations.append(dict(
            x=event.start if left_half else end_exclusive,
            y=row,
            text=_row_label(event),
            showarrow=False,
            xanchor="left" if left_half else "right",
            yanchor="bottom",
            yshift=6,
            font=dict(size=11, color="#31333F"),
        ))
    figure = go.Figure(data=traces)
    figure.update_layout(
        annotations=annotations,
        height=max(280, 42 * len(events) + 120),
        margin=dict(l=10, r=10, t=40, b=10),
        hovermode="closest",
        hoverlabel=dict(align="left"),
        legend=dict(title="Reported by (first source)", orientation="h", y=1.02, yanchor="bottom", x=0),
        xaxis=dict(
            type="date", range=[low, high], title=None, showgrid=True, hoverformat="%d %b %Y",
            # no "23:59:59.999" or hours on a date axis, whatever the zoom
            tickformatstops=[
                dict(dtickrange=[None, 86400000 * 27], value="%d %b %Y"),
                dict(dtickrange=[86400000 * 27, None], value="%b %Y"),
            ],
        ),
        # Labels sit above each event inside the plot, not in a left margin: on a 390 px
        # phone the margin took three quarters of the width (issue 17).
        yaxis=dict(
            tickmode="array",
            tickvals=list(range(len(events))),
            showticklabels=False,
            autorange="reversed",
            range=[len(events) - 0.5, -0.9],
            title=None,
        ),
    )
    if show_context and low < story_start < high:
        figure.add_vline(x=story_start, line_dash="dot", line_color="#7F7F7F")
    return figure
