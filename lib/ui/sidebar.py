"""The sidebar every page shares: what this collection is, and how to add to it."""

from __future__ import annotations

import streamlit as st

from lib.summary import corpus_summary
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
        st.page_link("pages/corpus.py", label="Add or inspect articles", icon="➕")
