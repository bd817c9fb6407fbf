"""Streamlit pieces of the Timeline page: the stored events view, URL state, one event's sources.

Article text is always shown escaped (`lib.present.markdown.escape_markdown`), never
as HTML. Events are stored as rows per collection contents (articles and inferred dates):
the page reads counts, the events its chart shows and one page of its list
(`lib.events.build.StoredEvents`), with the catalogue's outlets, and never loads the
corpus or the model unless a collection's events were never built for its current contents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import streamlit as st

from lib.core.errors import StoryLensError
from lib.core.models import Event
from lib.core.store import DamagedViewError
from lib.core.user_dates import parse_date_bound
from lib.events.build import (
    EVENTS_VIEW,
    EventFilter,
    EventPage,
    EventsInMemory,
    StoredEvents,
    build_events,
    event_to_json,
    events_view,
    most_reported,
    stored_events,
    stored_events_view,
)
from lib.present.markdown import escape_markdown
from lib.present.tables import csv_bytes, events_table
from lib.present.timeline_chart import event_date_words, outlets_of, split_loose
from lib.present.words import outlet_name
from lib.ui.loaders import forget_view, get_row_view, get_view
from lib.ui.url_state import known_values, url_day, url_flag, url_value, write_url


def load_events() -> list[Event]:
    """All events of this session's collection, whole (what Search's overview reads): from the store
    when it holds them for the current articles (no article is loaded), else built once from the corpus."""
    return get_view("events", lambda opened, model: stored_events(opened.store, model), build_events, extends="events")


def load_events_view() -> StoredEvents | EventsInMemory:
    """The events view of this session's collection, to query: the stored rows when the store holds
    them for the current articles (one row read, no article loaded), else built once from the corpus
    (progress shown) and stored."""
    return get_row_view(
        "events-view", lambda opened, model: stored_events_view(opened.store, model), events_view, extends="events"
    )


@dataclass(frozen=True)
class TimelineReads:
    """What one run of the page reads from the events view."""

    total: int  # events in the collection
    context_total: int  # of which background
    matching: int  # events the filters keep
    charted: tuple[Event, ...]  # the chart's events (CHART_MAX_EVENTS most reported, the linked one kept)
    linked_exists: bool  # the event id of the link is in the collection (any filter)
    page: EventPage  # the list's page


# The list under the chart shows this many events a page (keyset pages, as the Articles page).
EVENTS_PAGE_SIZE = 100


@st.cache_resource(show_spinner=False, max_entries=64)
def _stored_reads(view_id: str, wanted: str, linked: str | None, after: int | None, _view, _wanted) -> TimelineReads:
    return _reads(_view, _wanted, linked, after)


def _reads(view, wanted: EventFilter, linked: str | None, after: int | None) -> TimelineReads:
    total, context_total = view.totals()
    return TimelineReads(
        total=total,
        context_total=context_total,
        matching=view.count(wanted),
        charted=tuple(view.charted(wanted, CHART_MAX_EVENTS, linked)),
        linked_exists=bool(linked) and view.event(linked) is not None,
        page=view.page(wanted, after=after, limit=EVENTS_PAGE_SIZE),
    )


def read_timeline(wanted: EventFilter, linked: str | None, after: int | None) -> tuple[StoredEvents | EventsInMemory, TimelineReads]:
    """(the events view, what this run shows of it), reads kept per view, filters, link and page.

    A damaged stored row is said in a warning, the view is dropped and built again from the
    articles (never a traceback); errors of the build (StoryLensError) reach the page."""
    view = load_events_view()
    try:
        return view, _cached_reads(view, wanted, linked, after)
    except DamagedViewError as error:
        st.warning(str(error))
        forget_view("events-view", EVENTS_VIEW)
        view = load_events_view()
        try:
            return view, _cached_reads(view, wanted, linked, after)
        except DamagedViewError:  # not dropped (the store was busy): nothing to show from it now
            st.error("The stored timeline is damaged and the collection is busy, so it cannot be built again "
                     "now. Try again in a minute.")
            st.stop()


def _cached_reads(view, wanted: EventFilter, linked: str | None, after: int | None) -> TimelineReads:
    if isinstance(view, StoredEvents):
        return _stored_reads(f"{view.store.store_dir}|{view.key}", repr(wanted), linked, after, view, wanted)
    return _reads(view, wanted, linked, after)


@dataclass(frozen=True)
class TimelineView:
    """What the URL asks the page to show (already validated)."""

    outlets: tuple[str, ...]
    date_from: date | None
    date_to: date | None
    show_context: bool
    event_id: str | None
    problems: tuple[str, ...]


URL_PARAMS = ("outlet", "from", "to", "context", "event")


def read_view(known_outlets: list[str]) -> TimelineView:
    """The view in the URL; bad values are dropped with a message, never a traceback."""
    problems: list[str] = []
    outlets = known_values("outlet", known_outlets, "outlet", problems)
    date_from = url_day("from", problems)
    date_to = url_day("to", problems)
    if date_from and date_to and date_from > date_to:
        problems.append("The 'from' date was after the 'to' date; they were swapped.")
        date_from, date_to = date_to, date_from
    return TimelineView(
        outlets=tuple(outlets),
        date_from=date_from,
        date_to=date_to,
        show_context=url_flag("context"),
        event_id=url_value("event") or None,
        problems=tuple(problems),
    )


def write_view(outlets, date_from: date | None, date_to: date | None, show_context: bool, event_id: str | None) -> None:
    """Keep the shareable state in the URL (only what differs from the defaults)."""
    write_url(
        {
            "outlet": list(outlets),
            "from": date_from.isoformat() if date_from else None,
            "to": date_to.isoformat() if date_to else None,
            "context": show_context,
            "event": event_id,
        }
    )


def typed_day(column, label: str, value: date | None, end: bool = False) -> date | None:
    """A date box that applies on Enter: a day (2024-10-26), a month (2024-10) or a year.

    A text box rather than st.date_input, whose typed value applies only when
    the box loses focus (issue 17). A month or year means its first day in
    "From" and its last day in "To"; text that is not a date is explained and ignored.
    """
    text = column.text_input(
        label,
        value=value.isoformat() if value else "",
        placeholder="YYYY-MM-DD",
        help="Type a day (2024-10-26), a month (2024-10) or a year (2024) and press Enter. Leave empty for no limit.",
    )
    try:
        bound = parse_date_bound(text, end=end, name=f"'{label}'")
    except StoryLensError as error:
        st.warning(str(error))
        return None
    return date.fromisoformat(bound) if bound else None


def events_filter(outlets, date_from: date | None, date_to: date | None, show_context: bool) -> EventFilter:
    """The page's filters as the events view takes them."""
    return EventFilter(
        outlets=tuple(outlets),
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        include_context=show_context,
    )


# Most events the chart draws (and the event picker offers): plotly adds one trace per event and the
# figure's cost grows with the square of their number (on the loaded 2-CPU VM: 50 events 2.0 s, 100
# 5.3 s, 200 17.6 s; 5,800 did not finish in 10 minutes); 60 rows are also about what one reads on a
# screen. Beyond it the chart keeps the events most sources report; the table lists all.
CHART_MAX_EVENTS = 60


def charted_events(events: list[Event], keep_id: str | None = None) -> list[Event]:
    """At most CHART_MAX_EVENTS of `events`, those most sources report (ties: earlier first), in their
    original order; the event `keep_id` (chosen in a link) is always kept."""
    return most_reported(events, CHART_MAX_EVENTS, keep_id)


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
    return f"{event_date_words(event)} — {event.summary} ({count} source{'s' if count != 1 else ''})"


def render_event_sources(event: Event) -> None:
    """The chosen event: its date and clue, then each source side by side with links."""
    st.subheader(event.summary)
    outlets = outlets_of(event)
    st.markdown(
        f"**{escape_markdown(event_date_words(event))}** · dated by: {escape_markdown(event.clue)} · "
        f"{len(event.sources)} source{'s' if len(event.sources) != 1 else ''} from "
        f"{escape_markdown(', '.join(outlet_name(outlet) for outlet in outlets))}"
        + (" · background before the story window" if event.is_context else "")
    )
    columns = st.columns(min(len(event.sources), 3) or 1)
    for number, source in enumerate(event.sources):
        with columns[number % len(columns)]:
            with st.container(border=True):
                st.markdown(f"**{escape_markdown(outlet_name(source.outlet))}**")
                published = source.published
                st.caption(
                    escape_markdown(f"Reported {published.plain_label()}"
                                    + ("" if published.stated else f" (the page prints no date: {published.clue})"))
                )
                st.markdown("> " + escape_markdown(source.quote))
                st.caption(escape_markdown(source.title))
                st.page_link(
                    "pages/articles.py",
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


def render_table(events: list[Event], everything=None) -> None:
    """The events as a table, with CSV and JSON downloads of `everything()` (default: these events),
    made when clicked."""
    frame = events_table(events)
    st.dataframe(
        frame[["when", "summary", "sources", "outlet_names", "reported_on", "quotes", "clue"]],
        hide_index=True,
        width="stretch",
        column_config={
            "when": st.column_config.TextColumn("Date", width="small", help="How precisely the sources date it: "
                                                "a day, a week, a month or a year."),
            "summary": st.column_config.TextColumn("What happened", width="medium"),
            "sources": st.column_config.NumberColumn("Sources", width="small"),
            "outlet_names": st.column_config.TextColumn("Outlets"),
            "reported_on": st.column_config.TextColumn("Reported"),
            "quotes": st.column_config.TextColumn("Exact source sentences", width="large"),
            "clue": st.column_config.TextColumn("Dated by"),
        },
    )
    everything = everything or (lambda: events)
    left, right = st.columns(2)
    # Made when clicked, not on every run: the JSON of 27k events took 38 s on the loaded VM (bench/views.py).
    left.download_button(
        "Download CSV", lambda: csv_bytes(events_table(everything())), file_name="storylens-timeline.csv", mime="text/csv"
    )
    right.download_button(
        "Download JSON",
        lambda: json.dumps([event_to_json(event) for event in everything()], ensure_ascii=False, indent=2).encode("utf-8"),
        file_name="storylens-timeline.json",
        mime="application/json",
    )


def render_loose_lane(events: list[Event]) -> list[Event]:
    """Events known only loosely (over ~2 months), listed under the chart in their own
    lane so they never stretch its date axis; returns them."""
    _, loose = split_loose(events)
    if loose:
        st.markdown(
            f"**Dated only loosely** ({len(loose)}): not drawn on the chart, whose axis they would stretch.",
            help="The sources place these events only somewhere in a span of months or a year.",
        )
        for event in loose:
            st.markdown(f"- {escape_markdown(event_date_words(event))}: {escape_markdown(event.summary)}")
    return loose
