"""The sidebar every page shares: what this collection is, and how to add to it."""

from __future__ import annotations

import streamlit as st

from lib.present.tables import corpus_summary
from lib.ui.loaders import get_corpus


def render_sidebar() -> None:
    corpus = get_corpus()
    summary = corpus_summary(corpus.articles)
    with st.sidebar:
        st.subheader("This collection")
        st.caption(summary.description)
        columns = st.columns(2)
        columns[0].metric("Articles", summary.article_count, help="Articles stored in this collection.")
        columns[1].metric("Outlets", summary.outlet_count, help="Distinct publishers (site, and wire service when credited).")
        st.caption(f"Published: {summary.date_range}")
        st.page_link("pages/corpus.py", label="Add or inspect articles", icon=":material/add_circle:")


def render_share_link() -> None:
    """The link to exactly this view (page + query + filters), with a copy button."""
    from urllib.parse import urlencode

    base = (st.context.url or "").split("?", 1)[0]
    params = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    link = base + ("?" + urlencode(params) if params else "")
    with st.sidebar:
        st.caption("Link to this view (copy to share):")
        st.code(link or "(open the app in a browser to get a link)", language=None, wrap_lines=True)
