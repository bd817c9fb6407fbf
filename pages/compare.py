"""Compare sources: for each thing the story is argued about, what each source says, side by side."""

from lib.ui.router import require_router

require_router()  # a deep link on a fresh server must still get the app around it

import streamlit as st

from lib.core.errors import StoryLensError
from lib.present.compare_table import comparison_columns, reading_order
from lib.present.tables import comparison_csv
from lib.ui.compare import (
    columns_for,
    load_claimset,
    load_question_row,
    read_topic_headers,
    read_topics,
    render_overview,
    render_topic,
    rows_in_full,
    trimmed_to_budget,
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
summary = get_catalogue_summary(opened)
require_articles(summary, "to compare them")

try:  # the topic list without claims; the claims of the rows drawn are read below
    claims_view, headers = read_topic_headers()
except StoryLensError as error:
    st.error(str(error))
    st.stop()
claim_counts = {header.topic.topic_id: header.claim_count for header in headers}
topics = reading_order([header.topic for header in headers])
in_order = {header.topic.topic_id: header for header in headers}
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
    try:  # a question row reads every candidate sentence: this (and only this) loads the whole view and the corpus
        shown.insert(0, load_question_row(load_claimset(), asked_question))
    except StoryLensError as error:
        st.warning(str(error))

if chosen == "all" and topics:
    render_overview([in_order[topic.topic_id] for topic in topics])
if not shown:
    st.info(
        "No comparable claims were found in this collection: no sentence gives a figure, credits a speaker "
        "or takes a stance on a topic that more than one article covers. Add more articles on the story."
    )
drawn = rows_in_full(shown, lambda topic: claim_counts.get(topic.topic_id, len(topic.claims)))
if len(drawn) < len(shown):
    st.caption(
        f"Showing {len(drawn)} of {len(shown)} topics in full; pick a topic above (or in the list) to read "
        "any other. The CSV holds them all."
    )
full = {topic.topic_id: topic for topic in read_topics(claims_view, [t.topic_id for t in drawn if t.topic_id in claim_counts])}
drawn = [full.get(topic.topic_id, topic) if topic.topic_id in claim_counts else topic for topic in drawn]
trimmed = [trimmed_to_budget(topic) for topic in drawn]  # a row of thousands of claims: its first ones
columns, others = columns_for(opened, summary, [topic for topic, _left_out in trimmed])
for topic, left_out in trimmed:
    if left_out:
        st.caption(
            f"“{topic.label}” has {len(topic.claims) + left_out:,} claims: the first {len(topic.claims):,} by report "
            "date are drawn below; the CSV holds them all. The verdict is the whole topic's."
        )
    render_topic(topic, columns, 0 if left_out else others)


def _whole_view_csv() -> bytes:
    """Every shown topic with its claims, one column per article: made when clicked."""
    stored = read_topics(claims_view, [topic.topic_id for topic in shown if topic.topic_id in claim_counts])
    every = [topic for topic in shown if topic.topic_id not in claim_counts] + stored
    return comparison_csv(every, comparison_columns(get_catalogue_entries(opened))).encode("utf-8")


st.download_button(
    "Download this view (CSV)",
    _whole_view_csv,  # made when clicked: every topic x every source
    file_name=f"storylens-compare-{chosen}.csv",
    mime="text/csv",
    help="One line per topic and source, with the exact quote, who it is attributed to and the report date.",
)
