"""Timeline: what happened when, as precisely as the sources allow, with every source's exact sentence."""

from lib.ui.router import require_router

require_router()  # a deep link on a fresh server must still get the app around it

import streamlit as st

from lib.core.errors import StoryLensError
from lib.present.palette import outlet_colors
from lib.present.timeline_chart import timeline_figure
from lib.present.words import outlet_name
from lib.ui.loaders import get_catalogue_summary, get_opened_store, require_articles
from lib.ui.timeline import (
    EVENTS_PAGE_SIZE,
    event_choice_label,
    events_filter,
    newly_clicked_event,
    read_timeline,
    read_view,
    typed_day,
    render_event_sources,
    render_loose_lane,
    render_table,
    write_view,
)

st.title("Timeline")
st.caption(
    "Events the articles report — a disaster striking, a decision taken, a visit, a vote, a statement — "
    "placed on the day they happened, not the day they were reported. A dot is an event known to the day; "
    "a bar is an event the sources only date to a week or a month (hover to see the words that date it); "
    "events dated only to a span of months are listed under the chart. "
    "An event several outlets report appears once, with all of them."
)

opened = get_opened_store()  # the events and the outlets are stored: no article is loaded here
summary = get_catalogue_summary(opened)
require_articles(summary, "for the timeline")

story_start = opened.settings.story_start
known_outlets = [outlet for outlet, _count in summary.outlet_counts]
view = read_view(known_outlets)
for problem in view.problems:
    st.warning(problem)

# -- filters (their state lives in the URL, so a link reproduces the view) --------------
left, middle, right, toggle_column = st.columns([3, 1.3, 1.3, 1.6])
outlets = left.multiselect("Outlets", known_outlets, default=list(view.outlets), placeholder="All outlets",
                           format_func=outlet_name)
date_from = typed_day(middle, "From", view.date_from)  # applies on Enter, like every text box
date_to = typed_day(right, "To", view.date_to, end=True)
show_context = toggle_column.toggle(
    "Show background", value=view.show_context,
    help=f"Include events before {story_start} that articles mention as background (e.g. the 2022 invasion).",
)
if date_from and date_to and date_from > date_to:
    st.warning("'From' is after 'To'; showing the range the other way round.")
    date_from, date_to = date_to, date_from
wanted = events_filter(outlets, date_from, date_to, show_context)

# Keyset paging of the list: the positions the pages before this one started after; new filters start again.
if st.session_state.get("timeline-filters") != wanted:
    st.session_state["timeline-filters"] = wanted
    st.session_state["timeline-page-starts"] = []
starts = st.session_state["timeline-page-starts"]

try:  # counts, the chart's events and one page of the list: read from the stored rows, never the whole view
    events_view, reads = read_timeline(wanted, view.event_id, starts[-1] if starts else None)
except StoryLensError as error:
    st.error(str(error))
    st.stop()

if not reads.matching:
    st.info(
        f"No events match these filters ({reads.total} events in the collection"
        + (f", {reads.context_total} of them background" if reads.context_total and not show_context else "")
        + "). Clear the outlet or date filters to see more."
    )
    write_view(outlets, date_from, date_to, show_context, None)
    st.stop()

charted = list(reads.charted)  # a chart of thousands of events is unreadable and slow to draw
ids = [event.event_id for event in charted]
selected_id = view.event_id if view.event_id in ids else None
if view.event_id and selected_id is None and not reads.linked_exists:
    st.warning(f"The event in the link ('{view.event_id}') is not in this collection any more.")
if len(charted) < reads.matching:
    st.caption(
        f"The chart shows the {len(charted)} events most sources report, of {reads.matching} that match; "
        "the list below has them all. Narrow the dates or outlets to chart the others."
    )

# -- chart: clicking an event selects it ------------------------------------------------------
colors = outlet_colors(known_outlets)
figure = timeline_figure(charted, story_start, show_context, selected_id, colors)
selection = st.plotly_chart(figure, width="stretch", on_select="rerun", selection_mode="points", key="timeline_chart")
selected_id = newly_clicked_event(selection, ids) or selected_id
render_loose_lane(charted)

# -- the chosen event, its sources side by side ------------------------------------------------
chosen_id = st.selectbox(
    "Event",
    ids,
    index=ids.index(selected_id) if selected_id else None,
    format_func=lambda event_id: event_choice_label(charted[ids.index(event_id)]),
    placeholder="Pick an event (or click one in the chart) to read its sources side by side",
)
write_view(outlets, date_from, date_to, show_context, chosen_id)
if chosen_id:
    render_event_sources(charted[ids.index(chosen_id)])

# -- the same events as a list, a page at a time ----------------------------------------------
page = reads.page
if starts or page.more:
    first_shown = len(starts) * EVENTS_PAGE_SIZE + 1
    st.subheader(f"Events {first_shown:,}–{first_shown + len(page.events) - 1:,} of {reads.matching:,} shown")
else:
    st.subheader(f"All {reads.matching} events shown")
render_table(list(page.events), everything=lambda: events_view.all(wanted))  # downloads: every page, read when clicked
if starts or page.more:
    turn = st.columns(2)
    turn[0].button("Previous page", icon=":material/chevron_left:", disabled=not starts, on_click=starts.pop)
    turn[1].button("Next page", icon=":material/chevron_right:", disabled=not page.more,
                   on_click=lambda: starts.append(page.positions[-1]))
