"""The sidebar every page shares: which story is open, what it holds, and how to add to it."""

from __future__ import annotations

import streamlit as st

from lib.present.catalogue import summary_words
from lib.ui.collection import open_collection, story_switcher
from lib.ui.loaders import get_catalogue_summary, get_opened_store
from lib.ui.url_state import share_link


def render_sidebar() -> None:
    """The story picker, then what the chosen story holds. A link naming a story that
    is not here is explained above the page, which shows the bundled story."""
    opened = open_collection()
    # From the store's catalogue (SQL aggregates): no article is loaded for the sidebar.
    summary = summary_words(get_catalogue_summary(get_opened_store()))
    with st.sidebar:
        st.subheader("This collection")  # also the mark tests and tools/cloud_boot use to see the router ran
        story_switcher(opened.collection)
        st.caption(summary.description)
        columns = st.columns(2)
        columns[0].metric("Articles", summary.article_count, help="Articles stored in this collection.")
        columns[1].metric("Outlets", summary.outlet_count, help="Distinct publishers: the site, and the news agency (wire service) when the story credits one.")
        st.caption(f"Published: {summary.date_range}")
        st.page_link("pages/articles.py", label="Add or inspect articles", icon=":material/add_circle:")
    if opened.problem:
        st.warning(opened.problem, icon=":material/link_off:")


def render_share_link() -> None:
    """The link to exactly this view (page + query + filters), with a copy button."""
    link = share_link()
    with st.sidebar:
        st.caption("Link to this view (copy to share):")
        st.code(link or "(open the app in a browser to get a link)", language=None, wrap_lines=True)
