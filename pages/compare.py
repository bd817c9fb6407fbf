"""Compare sources: for each thing the story is argued about, what each source says, side by side."""

from lib.ui.router import require_router

require_router()  # a deep link on a fresh server must still get the app around it

import streamlit as st

from lib.core.errors import StoryLensError
from lib.present.compare_table import comparison_columns, reading_order
from lib.present.tables import comparison_csv
from lib.ui.compare import (
    load_claimset,
    load_question_row,
    render_overview,
    render_topic,
    rows_in_full,
)
from lib.ui.loaders import get_catalogue_entries, get_catalogue_summary, get_opened_store, require_articles
from lib.ui.url_state import url_value, write_url

# Streamlit's wide layout keeps 5rem of blank space each side of the page; beside the sidebar on a
# 1280 px laptop that leaves ~820 px for up to four source columns. This page narrows the margins to
# 1.5rem (a fixed style, no user text), so each column gets ~30 px more. Phones keep Streamlit's 1rem.
st.html(
    "<style>@media (min-width: 640px) { [data-testid='stMainBlockContainer'] "
    "{ padding-left: 1.5rem; padding-right: 1.5rem; } }</style>"
)

st.title("Compare sources")
st.caption(
    "Each row is one thing the story is argued about; each column is one source. Every cell quotes the "
    "source's exact sentence, who it credits, and when the report came out. Figures are compared with their "
    "qualifiers ('up to', 'around'), and the verdict says which rule decided it."
)

opened = get_opened_store()  # the topics and the columns are stored: no article is loaded here
require_articles(get_catalogue_summary(opened), "to compare them")

try:
    claimset = load_claimset()
except StoryLensError as error:
    st.error(str(error))
    st.stop()
columns = comparison_columns(get_catalogue_entries(opened))  # a catalogue row has an article's outlet, file and date
topics = reading_order(claimset.topics)
labels = {topic.topic_id: topic.label for topic in topics}

# The topic picker: `?topic=` in the address bar reproduces the view.
options = ["all", *labels]
requested = url_value("topic", "all")
if requested not in options:
    st.warning(
        f"There is no topic '{requested}' in this collection, so all topics are shown. "
        f"Topics here: {', '.join(labels) or 'none'}."
    )
    requested = "all"
chosen = st.selectbox(
    "Topic",
    options,
    index=options.index(requested),
    format_func=lambda topic_id: "All topics" if topic_id == "all" else labels[topic_id],
    help="Topics are found from the articles themselves. To add your own, put a topics.json (same form as lib/claims/topics.json) in the story's data folder.",
)
write_url({"topic": None if chosen == "all" else chosen})

# A row of the user's own, built on the fly.
with st.form("question"):
    question = st.text_input(
        "Or compare the sources on your own topic or question",
        value=url_value("question", ""),
        placeholder="e.g. How many people were killed? or What did the government say?",
    )
    asked = st.form_submit_button("Build a row")
if asked:
    write_url({"question": question.strip()})
    if not question.strip():
        st.warning(
            "Type a topic or a question first, e.g. 'How many people were killed?' or "
            "'the government's response', then press Build a row."
        )

shown = [topic for topic in topics if chosen in ("all", topic.topic_id)]
asked_question = url_value("question", "")
if asked_question:
    try:
        shown.insert(0, load_question_row(claimset, asked_question))
    except StoryLensError as error:
        st.warning(str(error))

if chosen == "all" and topics:
    render_overview(topics)
if not shown:
    st.info(
        "No comparable claims were found in this collection: no sentence gives a figure, credits a speaker "
        "or takes a stance on a topic that more than one article covers. Add more articles on the story."
    )
drawn = rows_in_full(shown)
if len(drawn) < len(shown):
    st.caption(
        f"Showing {len(drawn)} of {len(shown)} topics in full; pick a topic above (or in the list) to read "
        "any other. The CSV holds them all."
    )
for topic in drawn:
    render_topic(topic, columns)

st.download_button(
    "Download this view (CSV)",
    lambda: comparison_csv(shown, columns).encode("utf-8"),  # made when clicked: every topic x every source
    file_name=f"storylens-compare-{chosen}.csv",
    mime="text/csv",
    help="One line per topic and source, with the exact quote, who it is attributed to and the report date.",
)
