"""Streamlit pieces of the Compare page: cached claim loading and one topic row.

Article text is always shown escaped (`lib.present.markdown.escape_markdown`), never
as HTML. Claims are stored per collection contents and topic list: the page reads
them with the catalogue's columns and loads neither the corpus nor the model unless
they were never built for the current contents, or a question is asked.
"""

from __future__ import annotations

import streamlit as st

from lib.claims.figures import claim_quantity, is_own_reporting, is_planned_claim
from lib.claims.grouping import build_claims, stored_claims, topics_signature
from lib.claims.questions import question_topic
from lib.claims.topics import ClaimSet, Topic
from lib.core.models import Claim
from lib.present.claims_chart import chart_points, claims_figure, outlet_key_html
from lib.present.compare_table import NOT_MENTIONED, Column, cells_for, topics_overview
from lib.present.markdown import escape_markdown
from lib.present.palette import outlet_colors
from lib.ui.loaders import get_corpus, get_embedder, get_settings, get_view

STATUS_LABELS = {
    # Material icons: they render without an emoji font (headless browsers, some Linux desktops).
    "agree": ":material/check_circle: Sources agree",
    "disagree": ":material/error: Sources disagree",
    "evolving": ":material/trending_up: The figure changed over time",
    "single-source": ":material/looks_one: Only one source",
    "no figures": ":material/forum: No figures to compare",
    "no match": ":material/search_off: No source matches",
}

# One colour per verdict in the overview, so a reader scans down the list for the red ones.
STATUS_COLOURS = {
    "agree": "green",
    "disagree": "red",
    "evolving": "blue",
    "single-source": "gray",
    "no figures": "gray",
    "no match": "orange",
}


# Source columns side by side before wrapping: four keep each at 200 px or more on a 1280 px laptop.
COLUMNS_PER_LINE = 4


def load_claimset() -> ClaimSet:
    """All topics of this session's collection: read from the store when it holds them for the current
    articles and topic list (no article is loaded), else built once from the corpus (progress shown).
    Raises StoryLensError for a broken topics.json."""
    return get_view(
        "claims",
        lambda opened, model: stored_claims(opened.store, opened.settings, model),
        build_claims,
        topics_signature(get_settings()),
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _question(data_dir: str, fingerprint: str, topics: str, question: str, _corpus, _claimset) -> Topic:
    return question_topic(_corpus, _claimset, question, get_embedder())


def load_question_row(claimset: ClaimSet, question: str) -> Topic:
    """A row for the user's own question (cached per collection and question); raises StoryLensError on
    bad input. It reads every candidate sentence, so this (and only this) loads the corpus."""
    with st.spinner("Matching your question against every source…"):
        corpus = get_corpus()
        return _question(
            str(corpus.settings.data_dir), corpus.fingerprint, topics_signature(corpus.settings), question.strip(), corpus, claimset
        )


# Claims drawn in full on one run of "All topics": each claim is a few elements (quote, caption, link)
# in a column per source, so a large collection's rows would be tens of thousands of elements (a
# synthetic 10k-article store's 40 topics did not render in 10 minutes, bench/views.py). Beyond it,
# the remaining topics are in the overview, and picking one shows its row.
FULL_ROWS_MAX_CLAIMS = 300


def rows_in_full(topics: list[Topic]) -> list[Topic]:
    """The first topics (at least one) whose claims together stay within FULL_ROWS_MAX_CLAIMS."""
    kept, claims = [], 0
    for topic in topics:
        claims += len(topic.claims)
        if kept and claims > FULL_ROWS_MAX_CLAIMS:
            break
        kept.append(topic)
    return kept


def topic_anchor(topic: Topic) -> str:
    """The id of a topic row's heading, so the overview links to it ("#topic-troops-sent")."""
    return f"topic-{topic.topic_id}"


def overview_line(topic: Topic) -> str:
    """One markdown list item: the verdict as a coloured badge, then the topic (a link to its row)
    and how many sources speak to it. Text that wraps, so it reads at phone width too."""
    colour = STATUS_COLOURS.get(topic.status, "gray")
    verdict = STATUS_LABELS.get(topic.status, escape_markdown(topic.status))
    sources = len(topic.sources)
    if topic.status == "single-source" and sources > 1:
        count = f"1 of {sources} sources gives a figure"  # the others mention it without one
    else:
        count = f"{sources} source{'' if sources == 1 else 's'}"
    return f"- :{colour}-badge[{verdict}] [{escape_markdown(topic.label)}](#{topic_anchor(topic)}) · {count}"


def render_overview(topics: list[Topic]) -> None:
    """Every topic's verdict at a glance, readable at any width: one wrapped line per topic (a
    table's columns need a sideways scroll on a phone), with the numbers behind an expander."""
    st.markdown("\n".join(overview_line(topic) for topic in topics))
    with st.expander("Sources, claims and figures per topic"):
        st.dataframe(topics_overview(topics), hide_index=True, width="stretch")


def _claim_meta(claim: Claim, lone: bool = False) -> str:
    who = "the outlet's own reporting" if is_own_reporting(claim) else f"attributed to {claim.attributed_to}"
    parts = [who]
    quantity = claim_quantity(claim)
    if quantity is not None:
        parts.append(f"figure: {quantity.label()}")
        if is_planned_claim(claim):
            parts.append("planned or expected, so not compared with counts of what happened")
    if claim.hedged:
        parts.append("hedged (believed / reportedly / estimated…)")
    if lone:
        parts.append("a point only this source makes here")
    return " · ".join(parts)


def render_cell(claims: tuple[Claim, ...], key_prefix: str, topic: Topic | None = None) -> None:
    """One source's claims on one topic, or an explicit "not mentioned"."""
    if not claims:
        st.caption(NOT_MENTIONED)
        return
    for claim in claims:
        st.markdown("> " + escape_markdown(claim.quote))
        st.caption(escape_markdown(_claim_meta(claim, topic is not None and topic.is_lone(claim))))
        st.page_link(
            "pages/articles.py",
            label="Open in article",
            icon=":material/article:",
            help=f"Shows {claim.source_file} with this sentence (number {claim.sentence_index}) highlighted.",
            query_params={"article": claim.source_file, "sentence": str(claim.sentence_index)},
        )


def render_topic(topic: Topic, columns: list[Column]) -> None:
    """One row: title, verdict with the rule that fired, figure chart, then one column per source."""
    with st.container(border=True):
        st.subheader(topic.label, anchor=topic_anchor(topic))
        st.markdown(f"**{STATUS_LABELS.get(topic.status, topic.status)}** — {escape_markdown(topic.verdict or topic.rule)}")
        if topic.counted:
            st.caption(escape_markdown(f"This row compares {topic.compared} only; other kinds of figure are not compared here."))
        with st.expander("Why this verdict"):
            st.markdown(escape_markdown(topic.rule))
        # Colours of the whole collection (as on the timeline): an outlet keeps its colour on every row and page.
        colours = outlet_colors(column.outlet for column in columns)
        figure = claims_figure(topic, colours)
        if figure is not None:
            st.plotly_chart(figure, key=f"chart-{topic.topic_id}", config={"displayModeBar": False})
            # The outlets' key wraps to the width it gets (a plotly legend's height is fixed in advance).
            st.html(outlet_key_html(topic, colours))
            st.caption(
                "Markers: ▼ 'up to' / 'less than' (the count is at most this), ▲ 'more than' / 'at least', "
                "○ 'around' / approximate, ● exact. A bar means the report's date is known only to the month or year."
            )
        _plotted, left_out = chart_points(topic)
        if left_out:
            listed = "; ".join(
                f"{claim.outlet}: {claim_quantity(claim).label()}"
                + (" (report date unknown)" if claim.reported_on.precision == "unknown" else " (no single number)")
                for claim in left_out
            )
            st.caption(escape_markdown(f"Not on the chart: {listed}."))
        cells = cells_for(topic, columns)
        # Up to five sources, each keeps its column (an explicit "not mentioned"); with more, only sources
        # that say something get a column and the others are named in one line, so six or more sources
        # never leave rows of narrow "not mentioned" columns.
        silent = [column for column in columns if not cells[column.key]] if len(columns) > 5 else []
        speaking = [column for column in columns if column not in silent]
        if silent:
            st.caption(escape_markdown("Not mentioned by: " + ", ".join(column.label for column in silent) + "."))
        per_line = len(speaking) if len(columns) <= 5 else COLUMNS_PER_LINE
        for start in range(0, len(speaking), per_line):  # a few columns side by side, then wrap
            chunk = speaking[start : start + per_line]
            for slot, column in zip(st.columns(len(chunk)), chunk):
                with slot:
                    st.markdown(f"**{escape_markdown(column.label)}**")
                    # The clue says why a date is uncertain ("inferred from ...", "no date printed").
                    st.caption(
                        escape_markdown(column.published.label()),
                        help=f"How this date was found: {column.published.clue}" if column.published.clue else None,
                    )
                    render_cell(cells[column.key], f"{topic.topic_id}-{column.key}", topic)
