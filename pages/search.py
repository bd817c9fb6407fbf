"""Search: ask a question, get the passages that answer it, each with its source."""

from lib.ui.router import require_router

require_router()  # a deep link on a fresh server must still get the app around it

import streamlit as st

from lib.core.errors import StoryLensError
from lib.ui.loaders import get_catalogue_overview, get_catalogue_summary, get_opened_store, require_articles
from lib.ui.search import (
    SearchFacets,
    download_button,
    example_buttons,
    filter_controls,
    language_reach,
    get_search_index,
    query_box,
    read_url_into_controls,
    render_glance,
    render_glance_details,
    render_articles,
    render_passages,
    run_search,
    show_all_passages,
    show_no_results,
    summary_line,
    warm_model_in_background,
    write_controls_to_url,
)

st.title("Search")

opened = get_opened_store()
require_articles(get_catalogue_summary(opened), "to search them")
# Outlets, languages, the date span and the earliest and latest articles, by SQL aggregates kept in the
# store: no article is loaded and no catalogue row listed for them (100k rows cost 1.6 s at 100k articles).
overview = get_catalogue_overview(opened)
render_glance(overview)  # the story at a glance, above the box
glance_details = st.container()  # topics and the latest event (stored views): filled once the box is drawn

facets = SearchFacets(overview)  # the controls need no model: they appear at once
for problem in read_url_into_controls(facets):  # a shared link with values this collection lacks
    st.warning(problem)
query = (query_box() or "").strip()
st.caption(
    "Ask in your own words: you get the sentences that answer it, each with its neighbours, "
    "the outlet and date it came from, and a link to the whole article."
)
language_reach(overview, opened.settings)  # articles in languages the model cannot match by meaning
filters, view, k = filter_controls(facets)
write_controls_to_url()

# The index is opened from disk (no article loaded); only a missing or stale one is built from the corpus.
if not query:
    example_buttons()  # kept beside the index: no model, no corpus
    warm_model_in_background()  # so the first query does not wait for it
    render_glance_details(glance_details)
    st.stop()

index = get_search_index()
render_glance_details(glance_details)

try:
    results = run_search(index, query, filters, view, k, every=show_all_passages())
except StoryLensError as error:
    st.error(str(error))
    st.stop()

if not results:
    show_no_results(query, filters, index)
    st.stop()

st.markdown(summary_line(query, results, filters, view))
if view == "Articles":
    render_articles(results)
else:
    render_passages(results)
download_button(results, view)
