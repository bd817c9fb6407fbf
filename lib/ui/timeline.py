"""Streamlit pieces of the Timeline page: cached events, URL state, one event's sources.

Article text is always shown escaped (`lib.present.markdown.escape_markdown`), never
as HTML. Events are cached per corpus fingerprint (and in the store), so the
model is only loaded when a collection's events have never been built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import streamlit as st

from lib.core.memory import release_free_memory
from lib.core.models import Event
from lib.events.build import (
    build_events,
    dates_fingerprint,
    event_to_json,
    filter_events,
)
from lib.present.markdown import escape_markdown
from lib.present.timeline_chart import event_date_label, events_frame, outlets_of
from lib.ui.loaders import get_embedder


@st.cache_resource(show_spinner="Building the timeline (first time for this collection only)…", max_entries=4)
def _events(data_dir: str, fingerprint: str, dates_key: str, _corpus) -> list[Event]:
    # `dates_key` is only part of the cache key: inferred publication dates change events.
    # No st.status here: elements drawn inside cached functions are replayed on every call.
    events = build_events(_corpus, get_embedder())
    release_free_memory()  # a one-time build: hand its scratch memory back
    return events


def load_events(corpus) -> list[Event]:
    """All events of this corpus, built once per collection (status shown the first time)."""
    return _events(str(corpus.settings.data_dir), corpus.fingerprint, dates_fingerprint(corpus.articles), corpus)


@dataclass(frozen=True)
class TimelineView:
    """What the URL asks the page to show (already validated)."""

    outlets: tuple[str, ...]
    date_from: date | None
    date_to: date | None
    show_context: bool
    event_id: str | None
    problems: tuple[str, ...]


def _day(value: str | None, name: str, problems: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"Ignored {name}='{value}': dates in the link must look like 2024-06-19.")
        return None


def read_view(known_outlets: list[str]) -> TimelineView:
    """The view in `st.query_params`; bad values are dropped with a message, never a traceback."""
    params = st.query_params
    problems: list[str] = []
    outlets = []
    for outlet in params.get_all("outlet"):
        if outlet in known_outlets:
            outlets.append(outlet)
        else:
            problems.append(f"Ignored outlet '{outlet}': no such outlet in this collection.")
    date_from = _day(params.get("from"), "from", problems)
    date_to = _day(params.get("to"), "to", problems)
    if date_from and date_to and date_from > date_to:
        problems.append("The 'from' date was after the 'to' date; they were swapped.")
        date_from, date_to = date_to, date_from
    return TimelineView(
        outlets=tuple(outlets),
        date_from=date_from,
        date_to=date_to,
        show_context=params.get("context") in ("1", "true", "yes"),
        event_id=params.get("event") or None,
        problems=tuple(problems),
    )


def write_view(outlets, date_from: date | None, date_to: date | None, show_context: bool, event_id: str | None) -> None:
    """Keep the shareable state in the URL (only what differs from the defaults)."""
    params = st.query_params
    wanted: dict[str, str | list[str]] = {}
    if outlets:
        wanted["outlet"] = list(outlets)
    if date_from:
        wanted["from"] = date_from.isoformat()
    if date_to:
        wanted["to"] = date_to.isoformat()
    if show_context:
        wanted["context"] = "1"
    if event_id:
        wanted["event"] = event_id
    for key in ("outlet", "from", "to", "context", "event"):
        if key not in wanted and key in params:
            del params[key]
    for key, value in wanted.items():
        current = params.get_all(key)
        if current != (value if isinstance(value, list) else [value]):
            params[key] = value


def visible_events(events: list[Event], outlets, date_from: date | None, date_to: date | None, show_context: bool) -> list[Event]:
    return filter_events(
        events,
        outlets=outlets,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        include_context=show_context,
    )


def newly_clicked_event(selection, ids: list[str]) -> str | None:
    """The event id of a chart click made since the last run, else None.

    A plotly selection persists across reruns; applying it only when it
    changes lets the event picker override an old click.
    """
    points = []
    if selection:
        points = (selection.get("selection") or {}).get("points") or []
    clicked = next((point.get("customdata") for point in points if point.get("customdata")), None)
    if isinstance(clicked, list):
        clicked = clicked[0] if clicked else None
    previous = st.session_state.get("timeline_last_click")
    st.session_state["timeline_last_click"] = clicked
    return clicked if clicked in ids and clicked != previous else None


def event_choice_label(event: Event) -> str:
    count = len(event.sources)
    return f"{event_date_label(event)} — {event.summary} ({count} source{'s' if count != 1 else ''})"


def render_event_sources(event: Event) -> None:
    """The chosen event: its date and clue, then each source side by side with links."""
    st.subheader(event.summary)
    outlets = outlets_of(event)
    st.markdown(
        f"**{escape_markdown(event_date_label(event))}** · dated by: {escape_markdown(event.clue)} · "
        f"{len(event.sources)} source{'s' if len(event.sources) != 1 else ''} from "
        f"{escape_markdown(', '.join(outlets))}"
        + (" · background before the story window" if event.is_context else "")
    )
    columns = st.columns(min(len(event.sources), 3) or 1)
    for number, source in enumerate(event.sources):
        with columns[number % len(columns)]:
            with st.container(border=True):
                st.markdown(f"**{escape_markdown(source.outlet)}**")
                published = source.published
                st.caption(
                    f"Reported {published.label()}"
                    + ("" if published.stated else f" — {published.clue}")
                )
                st.markdown("> " + escape_markdown(source.quote))
                st.caption(escape_markdown(source.title))
                st.page_link(
                    "pages/corpus.py",
                    label="Open in the article",
                    icon="📰",
                    query_params={"article": source.source_file, "sentence": str(source.sentence_index)},
                )
    st.page_link(
        "pages/compare.py",
        label="Compare what each source claims about this",
        icon="⚖️",
        query_params={"question": event.summary.rstrip("…")},
    )


def render_table(events: list[Event]) -> None:
    """The same events as a table, with CSV and JSON downloads."""
    frame = events_frame(events)
    st.dataframe(
        frame[["date", "summary", "sources", "outlets", "reported", "quotes", "clue"]],
        hide_index=True,
        width="stretch",
        column_config={
            "date": st.column_config.TextColumn("Date (precision)", width="small"),
            "summary": st.column_config.TextColumn("What happened", width="medium"),
            "sources": st.column_config.NumberColumn("Sources", width="small"),
            "quotes": st.column_config.TextColumn("Exact source sentences", width="large"),
            "clue": st.column_config.TextColumn("Dated by"),
        },
    )
    left, right = st.columns(2)
    left.download_button(
        "Download CSV", frame.to_csv(index=False).encode("utf-8"), file_name="storylens-timeline.csv", mime="text/csv"
    )
    right.download_button(
        "Download JSON",
        json.dumps([event_to_json(event) for event in events], ensure_ascii=False, indent=2).encode("utf-8"),
        file_name="storylens-timeline.json",
        mime="application/json",
    )
