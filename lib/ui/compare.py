"""Streamlit pieces of the Compare page: the stored claims view and one topic row.

Article text is always shown escaped (`lib.present.markdown.escape_markdown`), never
as HTML. Topics are stored as rows per collection contents and topic list: the page
reads the topic list (no claims) and the claims of the rows it draws
(`lib.claims.grouping.StoredClaims`), with the catalogue rows of the sources they quote,
and loads neither the corpus nor the model unless they were never built for the current
contents, or a question is asked.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lib.claims.figures import claim_quantity, is_own_reporting, is_planned_claim
from lib.claims.build import build_claims, claims_view
from lib.claims.grouping import (
    CLAIMSET_VIEW,
    ClaimsInMemory,
    StoredClaims,
    TopicHeader,
    stored_claims,
    stored_claims_view,
    topics_signature,
)
from lib.claims.questions import question_topic
from lib.claims.topics import ClaimSet, Topic
from lib.core.models import Claim
from lib.core.store import DamagedViewError
from lib.present.claims_chart import chart_points, claims_figure, outlet_key_html
from lib.present.compare_table import NOT_MENTIONED, STATUS_WORDS, Column, cells_for
from lib.present.markdown import escape_markdown
from lib.present.palette import outlet_colors
from lib.ui.loaders import forget_view, get_corpus, get_embedder, get_row_view, get_settings, get_view, model_id

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
    """All topics of this session's collection, whole (every claim; what Search reads): from the store
    when it holds them for the current articles and topic list (no article is loaded), else built once
    from the corpus (progress shown). Raises StoryLensError for a broken topics.json."""
    return get_view(
        "claims",
        lambda opened, model: stored_claims(opened.store, opened.settings, model),
        build_claims,
        topics_signature(get_settings()),
        extends="claims",
    )


def load_claims_view() -> StoredClaims | ClaimsInMemory:
    """The claims view of this session's collection, to query: the stored rows when the store holds
    them for the current articles and topic list (one row read, no article loaded), else built once
    from the corpus (progress shown) and stored. Raises StoryLensError for a broken topics.json."""
    return get_row_view(
        "claims-view",
        lambda opened, model: stored_claims_view(opened.store, opened.settings, model),
        claims_view,
        topics_signature(get_settings()),
        extends="claims",
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def _stored_headers(view_id: str, _view: StoredClaims) -> list[TopicHeader]:
    return _view.headers()


def read_topic_headers() -> tuple[StoredClaims | ClaimsInMemory, list[TopicHeader]]:
    """(the claims view, its topic list without claims), the list kept per stored view. A damaged
    stored row is said in a warning, the view is dropped and built again from the articles."""
    view = load_claims_view()
    try:
        return view, _headers_of(view)
    except DamagedViewError as error:
        st.warning(str(error))
        forget_view("claims-view", f"{CLAIMSET_VIEW}:{model_id()}")
        view = load_claims_view()
        try:
            return view, _headers_of(view)
        except DamagedViewError:
            _busy_and_damaged()


def _headers_of(view) -> list[TopicHeader]:
    if isinstance(view, StoredClaims):
        return _stored_headers(f"{view.store.store_dir}|{view.key}", view)
    return view.headers()


def _busy_and_damaged():
    st.error("The stored comparison is damaged and the collection is busy, so it cannot be built again now. "
             "Try again in a minute.")
    st.stop()


def read_topics(view, topic_ids: list[str]) -> list[Topic]:
    """The topics `topic_ids` with their claims (only those rows are read)."""
    try:
        return view.topics(topic_ids)
    except DamagedViewError as error:
        st.warning(str(error))
        forget_view("claims-view", f"{CLAIMSET_VIEW}:{model_id()}")
        try:
            return load_claims_view().topics(topic_ids)
        except DamagedViewError:
            _busy_and_damaged()


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


def rows_in_full(topics: list[Topic], claim_count=lambda topic: len(topic.claims)) -> list[Topic]:
    """The first topics (at least one) whose claims together (`claim_count(topic)`) stay within FULL_ROWS_MAX_CLAIMS."""
    kept, claims = [], 0
    for topic in topics:
        claims += claim_count(topic)
        if kept and claims > FULL_ROWS_MAX_CLAIMS:
            break
        kept.append(topic)
    return kept


# Up to this many articles, every article is a column, as it always was (the sources that say nothing
# are named under each row); beyond, the columns are the sources the rows on screen quote, read by id
# from the catalogue, and the others are counted: at 100k articles every catalogue row took 1-4 s to
# read and the silent sources' names were most of a row.
COLUMNS_FROM_EVERY_ARTICLE_MAX = 500


def columns_for(opened, summary, topics: list[Topic]) -> tuple[list[Column], int]:
    """(the source columns of `topics`' rows, how many of the collection's articles are not among them)."""
    from lib.present.compare_table import comparison_columns
    from lib.ui.loaders import get_catalogue_entries

    if summary.article_count <= COLUMNS_FROM_EVERY_ARTICLE_MAX:
        return comparison_columns(get_catalogue_entries(opened)), 0
    entries = opened.store.catalogue_entries({claim.article_id for topic in topics for claim in topic.claims})
    return comparison_columns(entries), max(0, summary.article_count - len(entries))


def trimmed_to_budget(topic: Topic) -> tuple[Topic, int]:
    """(`topic` with at most FULL_ROWS_MAX_CLAIMS of its claims, the first by report date; how many were
    left out). A topic of a large collection can hold thousands of claims (2,500 per topic at 100k
    synthetic articles: its one row took 8 s to draw); its verdict stays the whole topic's."""
    if len(topic.claims) <= FULL_ROWS_MAX_CLAIMS:
        return topic, 0
    return replace(topic, claims=topic.claims[:FULL_ROWS_MAX_CLAIMS]), len(topic.claims) - FULL_ROWS_MAX_CLAIMS


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


def render_overview(headers: list[TopicHeader]) -> None:
    """Every topic's verdict at a glance, readable at any width: one wrapped line per topic (a
    table's columns need a sideways scroll on a phone), with the numbers behind an expander."""
    st.markdown("\n".join(overview_line(header.topic) for header in headers))
    with st.expander("Sources, claims and figures per topic"):
        st.dataframe(overview_rows(headers), hide_index=True, width="stretch")


def overview_rows(headers: list[TopicHeader]) -> list[dict]:
    """`lib.present.compare_table.topics_overview`'s lines, from the topic list without its claims
    (claim counts and figure words are stored with each topic)."""
    return [
        {
            "Topic": header.topic.label,
            "Verdict": STATUS_WORDS.get(header.topic.status, header.topic.status),
            "Compares": header.topic.compared if header.topic.counted else "statements only",
            "Sources": len(header.topic.sources),
            "Claims": header.claim_count,
            "Figures": ", ".join(header.figures) or "—",
        }
        for header in headers
    ]


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


# Silent sources named one by one under a row; past it, "and N other sources".
SILENT_NAMED_MAX = 40


def render_topic(topic: Topic, columns: list[Column], others: int = 0) -> None:
    """One row: title, verdict with the rule that fired, figure chart, then one column per source.
    `others`: sources of the collection not among `columns` (a large collection's columns are only
    the sources the rows on screen quote); they are counted among the sources that do not mention it."""
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
        silent = [column for column in columns if not cells[column.key]] if len(columns) + others > 5 else []
        speaking = [column for column in columns if column not in silent]
        unnamed = others + max(0, len(silent) - SILENT_NAMED_MAX)
        if silent or unnamed:
            named = ", ".join(column.label for column in silent[:SILENT_NAMED_MAX])
            more = f"{unnamed:,} other source{'s' if unnamed != 1 else ''}"
            st.caption(escape_markdown("Not mentioned by: " + (f"{named} and {more}" if named and unnamed else named or more) + "."))
        per_line = len(speaking) if len(columns) + others <= 5 else COLUMNS_PER_LINE
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
