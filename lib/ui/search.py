"""Streamlit pieces of the Search page: the stored index, URL-bound controls, result cards.

The index is opened from disk when it was built for the store's current contents and model
(`lib.search.stored_index`: no article is loaded, a shown hit reads its one article); only
when it is missing or stale is the corpus loaded and the index built, with a progress bar,
and kept for the next process. The example questions are kept beside it.

Query and filters are kept in the URL (read on arrival, written after every
change), so a shared link reproduces the view: `?q=&outlet=&from=&to=&lang=&view=&k=`.
Article text is always shown escaped (`lib.present.markdown.escape_markdown`), never
as HTML.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import replace
from datetime import date, timedelta

import streamlit as st

from lib.core.errors import StoryLensError
from lib.present.markdown import escape_markdown
from lib.present.catalogue import CatalogueOverview, overview_glance
from lib.present.overview import latest_event_item, main_topic_items
from lib.present.tables import csv_bytes, passages_table
from lib.present.suggestions import SuggestedQuestion, suggest_questions
from lib.present.words import date_words, language_name, language_reach_note, outlet_name, short_label
from lib.search.hybrid import (
    ArticleMatch,
    Passage,
    SearchFilters,
    group_by_article,
    SearchIndex,
    no_results_message,
    PASSAGES_PER_ARTICLE,
    search,
)
from lib.search.stored_index import (
    build_and_keep_search_index,
    current_index_folder,
    open_search_index,
    read_index_note,
    write_index_note,
)
from lib.ui.loaders import (
    get_catalogue_entries,
    get_embedder,
    get_opened_store,
    get_settings,
    get_view,
    model_id,
)
from lib.ui.url_state import (
    known_values,
    url_day,
    url_flag,
    url_value,
    url_values,
    write_url,
)

log = logging.getLogger(__name__)

VIEWS = ("Passages", "Articles")
RESULT_COUNTS = (5, 10, 20, 50)
# How far either side of an article's date the Timeline link opens.
TIMELINE_MARGIN_DAYS = 30

# Date pickers accept any plausible news date (Streamlit's default is +-10 years
# around today, which would silently drop an older date from a shared link).
OLDEST_DATE = date(1900, 1, 1)
NEWEST_DATE = date(2100, 12, 31)

# URL parameters of this page and the session-state keys of their controls.
URL_PARAMS = ("q", "outlet", "from", "to", "lang", "view", "k", "undated", "every")
KEYS = {name: f"search_{name}" for name in URL_PARAMS}
FILTER_KEYS = ("outlet", "from", "to", "lang", "undated")
DEFAULT_K = 10
PER_ARTICLE = PASSAGES_PER_ARTICLE
# Topics named in the overview above the box (as `lib.present.overview.main_topic_items` shows them).
MAIN_TOPICS = 3



class SearchFacets:
    """What the filter controls offer (outlets, languages, date span), read from the store's
    catalogue aggregates (`CatalogueOverview`), so the controls appear before the corpus, the model
    and the index are loaded, and without reading the catalogue's rows. Languages are the articles'
    (a sentence in another language inside an article is found by the search, but is not offered
    as a filter of its own)."""

    def __init__(self, overview: CatalogueOverview):
        self._outlets = [name for name, _count in overview.summary.outlet_counts]
        self._languages = [name for name, _count in overview.summary.language_counts]
        # What `filter_controls` reads of the articles' intervals: the least start and the greatest end.
        self.intervals = [overview.date_span] if overview.date_span else []

    def outlets(self) -> list[str]:
        return list(self._outlets)

    def languages(self) -> list[str]:
        return list(self._languages)


def _stored_search_index(opened, model: str) -> SearchIndex | None:
    """The index kept on disk for the store's current contents and `model`, or None (another engine
    than the exact one keeps its own index and is built from the corpus, as before)."""
    from lib.core.store import store_contents_key

    if getattr(opened.settings, "vector_index", "exact") != "exact":
        return None
    return open_search_index(opened.settings, store_contents_key(opened.store), model,
                             get_catalogue_entries(opened), opened.store.article)


def _kept_index_folder():
    """The folder of the index stored for the store's current contents and model, without opening it;
    None when none is stored or the engine keeps its own."""
    from lib.core.store import store_contents_key

    opened = get_opened_store()
    if getattr(opened.settings, "vector_index", "exact") != "exact":
        return None
    return current_index_folder(opened.settings, store_contents_key(opened.store), model_id())


def get_search_index() -> SearchIndex:
    """The search index of this session's collection: opened from disk when it is stored for the
    current contents and model (or once extended by the articles added since it was built); else
    built from the corpus (with a progress bar) and stored. Shared by every session of the process."""
    return get_view("search", _stored_search_index, build_and_keep_search_index, extends="search")


_WARMING: set[tuple] = set()


def warm_model_in_background() -> None:
    """Load what the first query needs in a background thread while the reader types, once per
    process (the catalogue's entries once per store contents): the first query then need not wait for
    them, and the first screen never does. First the catalogue's entries the stored index is opened
    with (`get_catalogue_entries`: 100k rows cost 1.3-2.7 s at 100k articles, and the first screen no
    longer reads them), then the keyword index's library (bm25s, with scipy: ~0.3 s, over 1 s under
    load; the empty page does not open the index, the first query does), then the embedding model."""
    from lib.core.store import store_contents_key
    from lib.text.embed import get_embedder as shared_embedder

    settings = get_settings()
    opened = get_opened_store()
    model = (settings.model_name, settings.embed_batch_size)
    entries = ("entries", str(opened.settings.data_dir), store_contents_key(opened.store))
    wanted = [slot for slot in (entries, model) if slot not in _WARMING]
    if not wanted:
        return
    _WARMING.update(wanted)

    def load() -> None:
        try:
            if entries in wanted:
                get_catalogue_entries(opened)  # a cached resource: the query's run finds it made
            if model in wanted:
                import bm25s  # noqa: F401

                shared_embedder(*model).model
        except Exception:  # no page to show it on; the first query loads it again and shows the error
            log.exception("loading the embedding model in the background failed")

    threading.Thread(target=load, name="storylens-warm-model", daemon=True).start()


# -- controls ---------------------------------------------------------------------
def _set_query(text: str) -> None:
    st.session_state[KEYS["q"]] = text


def clear_filters() -> None:
    """Callback: remove every filter (the URL follows)."""
    st.session_state[KEYS["outlet"]] = []
    st.session_state[KEYS["lang"]] = []
    st.session_state[KEYS["from"]] = None
    st.session_state[KEYS["to"]] = None
    st.session_state[KEYS["undated"]] = False


# -- URL state ----------------------------------------------------------------------
# Synced by hand rather than with `bind="query-params"`: a bound parameter stays
# bound for the whole session, so the Timeline page (which shares `outlet`, `from`,
# `to`) could no longer set its own URL after a visit to Search.
_LAST_URL = "search_last_url"


def _url_params() -> dict[str, list[str]]:
    return {name: url_values(name) for name in URL_PARAMS if url_values(name)}


def read_url_into_controls(index: SearchIndex | SearchFacets) -> list[str]:
    """Set the controls from the URL when it changed from outside (a shared link, a link
    from another page); returns plain-words notes about values that were ignored."""
    url = _url_params()
    state = st.session_state
    if state.get(_LAST_URL) == url and KEYS["q"] in state:
        return []
    problems: list[str] = []
    state[KEYS["q"]] = url_value("q", "")
    state[KEYS["outlet"]] = known_values("outlet", index.outlets(), "outlet", problems)
    state[KEYS["lang"]] = known_values("lang", index.languages(), "language", problems)
    state[KEYS["from"]] = url_day("from", problems)
    state[KEYS["to"]] = url_day("to", problems)
    view = url_value("view", VIEWS[0])
    if view not in VIEWS:
        problems.append(f"Ignored view='{view}' from the link: use {' or '.join(VIEWS)}.")
        view = VIEWS[0]
    state[KEYS["view"]] = view
    count = url_value("k", str(DEFAULT_K))
    if not count.isdigit() or int(count) not in RESULT_COUNTS:
        problems.append(f"Ignored k='{count}' from the link: use one of {', '.join(map(str, RESULT_COUNTS))}.")
        count = str(DEFAULT_K)
    state[KEYS["k"]] = int(count)
    state[KEYS["undated"]] = url_flag("undated")
    state[KEYS["every"]] = url_flag("every")
    state[_LAST_URL] = url
    return problems


def write_controls_to_url() -> None:
    """Put the current query and filters in the URL (defaults left out)."""
    state = st.session_state
    wanted = {
        "q": (state.get(KEYS["q"]) or "").strip(),
        "outlet": list(state.get(KEYS["outlet"]) or []),
        "lang": list(state.get(KEYS["lang"]) or []),
        "from": state[KEYS["from"]].isoformat() if state.get(KEYS["from"]) else None,
        "to": state[KEYS["to"]].isoformat() if state.get(KEYS["to"]) else None,
        "view": state.get(KEYS["view"]) if state.get(KEYS["view"]) != VIEWS[0] else None,
        "k": str(state[KEYS["k"]]) if state.get(KEYS["k"]) and int(state[KEYS["k"]]) != DEFAULT_K else None,
        "undated": bool(state.get(KEYS["undated"])),
        "every": bool(state.get(KEYS["every"])),
    }
    write_url(wanted)
    state[_LAST_URL] = _url_params()


def render_glance(overview: CatalogueOverview) -> None:
    """The story at a glance: one or two sentences from the collection's own articles (the catalogue's
    aggregates and its earliest and latest articles: `overview_glance`), then one link per fact.
    Kept short so the search box stays in the first screen."""
    glance = overview_glance(overview)
    st.markdown(escape_markdown(glance.sentence))
    _link_row(glance.items)


def _link_row(items) -> None:
    """Page links side by side, wrapping on a phone instead of stacking one per line."""
    with st.container(horizontal=True, gap="small"):
        for item in items:
            st.page_link(item.page, label=item.text, query_params={k: v for k, v in item.params.items() if v} or None,
                         help=item.help)


def render_glance_details(slot) -> None:
    """Into `slot` (drawn above the search box): the main topics with their verdicts and the
    latest event, each linking to its page. Filled after the box is drawn, and read from the stored
    views' rows (the topic list, the few topics shown, one event), never the whole views: at 10k
    articles the whole events view is 72 MB of JSON (see docs/scaling.md, "Stored views")."""
    from lib.ui.compare import load_claims_view
    from lib.ui.timeline import load_events_view

    with slot:
        try:
            topics = main_topic_items(load_claims_view().headers(), MAIN_TOPICS, **_HEADER_COUNTS)
            latest = _latest_event_item(load_events_view())
        except StoryLensError as error:
            st.caption(f"The topics and events overview is not available: {error}")
            return
        items = [*topics, *([latest] if latest else [])]
        if items:
            if topics:  # the event link says "Latest: …" itself
                st.caption("Main topics" + (" and the latest event:" if latest else ":"))
            _link_row(items)


# How `main_topics` reads a stored topic's header: its claims counted by the store, its topic without them.
# The overview's items are made from the headers alone (at 100k articles, reading the three main topics'
# claims cost 1.8 s of the first render: 7.8k claims decoded for their count).
_HEADER_COUNTS = {"claim_count": lambda header: header.claim_count, "topic_of": lambda header: header.topic}


def _latest_event_item(view):
    """`latest_event_item` over the whole events view, reading only the latest events' rows and one
    event's payload (`latest_dated_within`: the events `latest_event_item` would not call loose)."""
    from lib.present.timeline_chart import LOOSE_DAYS

    event = view.latest_dated_within(LOOSE_DAYS)
    return latest_event_item([event]) if event is not None else None


def language_reach(overview: CatalogueOverview, settings) -> None:
    """A note under the box when some articles are in languages the configured model cannot match."""
    from lib.text.embed import is_multilingual

    # One language per article, as `language_reach_note` counts them, from the catalogue's counts.
    languages = [name for name, count in overview.summary.language_counts for _ in range(count)]
    note = language_reach_note(languages, is_multilingual(settings.model_name))
    if note:
        st.caption(f":material/translate: {note}")


def query_box() -> str:
    return st.text_input(
        "Ask a question or type words to find",
        key=KEYS["q"],
        placeholder="e.g. a question, a name or a number",
        help="Plain words work: the search understands paraphrases (\"cost\" finds \"price\") "
        "and also finds exact names and numbers, such as a surname or 12,000.",
    )


def filter_controls(index: SearchIndex | SearchFacets) -> tuple[SearchFilters, str, int]:
    """Outlet, date, language, view and count controls; returns (filters, view, k)."""
    dates = [interval for interval in index.intervals if interval]
    earliest = date.fromisoformat(min(start for start, _ in dates)) if dates else None
    latest = date.fromisoformat(max(end for _, end in dates)) if dates else None
    with st.expander("Filters", expanded=any(st.session_state.get(KEYS[name]) for name in FILTER_KEYS)):
        columns = st.columns(3)
        outlets = columns[0].multiselect(
            "Outlets",
            index.outlets(),
            key=KEYS["outlet"],
            format_func=outlet_name,
            placeholder="All outlets",
            help="Only search articles from these publishers. Leave empty to search every outlet.",
        )
        languages = columns[0].multiselect(
            "Languages",
            index.languages(),
            key=KEYS["lang"],
            format_func=language_name,
            placeholder="All languages",
            help="Only search sentences written in these languages.",
        )
        date_from = columns[1].date_input(
            "Published from",
            value=None,
            min_value=OLDEST_DATE,
            max_value=NEWEST_DATE,
            key=KEYS["from"],
            format="YYYY-MM-DD",
            help=f"Only articles published on or after this day. Articles in this collection run from "
            f"{_day(earliest)} to {_day(latest)}. An article dated only to a month or year "
            "counts if that month or year overlaps your range.",
        )
        date_to = columns[1].date_input(
            "Published until",
            value=None,
            min_value=OLDEST_DATE,
            max_value=NEWEST_DATE,
            key=KEYS["to"],
            format="YYYY-MM-DD",
            help="Only articles published on or before this day.",
        )
        include_undated = columns[1].checkbox(
            "Include articles with an unknown date",
            key=KEYS["undated"],
            help="Some pages print no publication date. With a date range set, they are left out "
            "unless you tick this, because we cannot tell whether they fall inside it.",
        )
        columns[2].button("Clear filters", on_click=clear_filters, help="Remove every filter and search everything.")
        columns[2].checkbox(
            f"More than {PER_ARTICLE} passages from one article",
            key=KEYS["every"],
            help=f"By default one article gives at most {PER_ARTICLE} passages, so the results show several "
            "sources. Tick this to see every matching passage of an article.",
        )
    view_columns = st.columns([2, 1])
    view = view_columns[0].segmented_control(
        "Show results as",
        VIEWS,
        key=KEYS["view"],
        required=True,
        help="Passages: the best-matching sentences, each with a sentence of context. "
        "Articles: the searchable list of articles, ranked by their best passage; open one to see its passages.",
    )
    k = view_columns[1].selectbox(
        "How many results",
        RESULT_COUNTS,
        key=KEYS["k"],
        help="The number of passages (or articles) to show, best first.",
    )
    filters = SearchFilters(
        outlets=tuple(outlets or ()),
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        languages=tuple(languages or ()),
        include_undated=bool(include_undated),
    )
    return filters, view or VIEWS[0], int(k or 10)


# Bump when how the example questions are chosen changes: questions kept by older code are then made again.
SUGGESTIONS_VERSION = "suggestions-1"
_SUGGESTED_KEPT = 16


@st.cache_resource(show_spinner=False)
def _suggested() -> dict[tuple, tuple[SuggestedQuestion, ...]]:
    """(data dir, index, note) -> the questions, for this process."""
    return {}


def load_suggestions() -> tuple[SuggestedQuestion, ...]:
    """Example questions made from this collection's own topics, each answered by one of its passages
    (`lib.present.suggestions`). Made once per index, model and topic list and kept beside the stored
    index, so a new process reads them without the corpus, the model or the claims. Empty when the
    collection yields none, or when its topics cannot be built (the error is logged: the page then
    simply offers no examples)."""
    from lib.claims.grouping import ENGINE_VERSION, topics_signature
    from lib.ui.compare import load_claimset

    settings = get_settings()
    note = "suggestions-" + hashlib.sha256(
        f"{SUGGESTIONS_VERSION}:{ENGINE_VERSION}:{topics_signature(settings)}".encode()).hexdigest()[:16]
    # The kept questions are read from the index's folder without opening the index (at 100k
    # articles opening it costs ~0.5 s and its 1.5M rows' arrays; the first query opens it).
    folder = _kept_index_folder()
    index = None if folder is not None else get_search_index()
    slot = (str(settings.data_dir), str(folder or index.folder or id(index)), note)
    made = _suggested()
    if slot in made:
        return made[slot]
    kept = read_index_note(folder or index, note)
    if isinstance(kept, list):
        try:
            suggestions = tuple(SuggestedQuestion.from_json(item) for item in kept)
        except (KeyError, TypeError, ValueError) as error:
            log.warning("Kept example questions could not be read (%s); they are made again.", error)
            kept = None
    if not isinstance(kept, list):
        try:
            claimset = load_claimset()
        except StoryLensError as error:
            log.warning("No example questions: the collection's topics are not available (%s)", error)
            return ()
        index = index or get_search_index()
        suggestions = suggest_questions(claimset.topics, index, get_embedder())
        write_index_note(index, note, [suggestion.to_json() for suggestion in suggestions])
    if len(made) >= _SUGGESTED_KEPT:
        made.clear()
    made[slot] = suggestions
    return suggestions


def example_buttons() -> None:
    """Shown when the box is empty: up to three questions this collection answers, one click runs one.
    Nothing is shown when the collection yields no such question (never another story's examples)."""
    suggestions = load_suggestions()
    if not suggestions:
        return
    st.info("Type a question above, or try one of these:")
    columns = st.columns(len(suggestions))
    for column, suggestion in zip(columns, suggestions):
        column.button(suggestion.question, on_click=_set_query, args=(suggestion.question,),
                      help="Search for this. One of the articles answers it: "
                      + escape_markdown(short_label(suggestion.answer, 20)))


# -- running ------------------------------------------------------------------------
def run_search(index: SearchIndex, query: str, filters: SearchFilters, view: str, k: int, every: bool = False):
    """Passages or article matches; StoryLensError carries a message for st.error.

    The Articles view groups the Passages view's results, so both name the same
    articles (issue 17: the two views disagreed, 4 articles vs 5).
    """
    embedder = get_embedder()
    passages = search(index, query, embedder, k=k, filters=filters, per_article=None if every else PER_ARTICLE)
    if view == "Articles":
        return group_by_article(index, passages)
    return passages


def show_all_passages() -> bool:
    return bool(st.session_state.get(KEYS["every"]))


def _as_said(filters: SearchFilters) -> SearchFilters:
    """The same filters with outlet names as a reader says them (for messages only)."""
    return replace(filters, outlets=tuple(outlet_name(outlet) for outlet in filters.outlets))


def show_no_results(query: str, filters: SearchFilters, index: SearchIndex) -> None:
    st.warning(no_results_message(query, _as_said(filters), index))
    if filters.is_active:
        st.button("Clear filters and search everything", on_click=clear_filters, key="clear_after_empty",
                  help="Remove every filter and run the same search again.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def summary_line(query: str, results, filters: SearchFilters, view: str) -> str:
    if view == "Articles":
        passages = sum(len(match.passages) for match in results)
        text = f"{_count(len(results), 'article')} ({_count(passages, 'passage')}) match “{query}”"
    else:
        articles = len({passage.hit.source_file for passage in results})
        text = f"{_count(len(results), 'passage')} from {_count(articles, 'article')} match “{query}”"
    where = _as_said(filters).describe()
    return escape_markdown(text + (f", {where}" if where else "")) + "."


# -- result cards -------------------------------------------------------------------
def _timeline_range(published) -> tuple[str, str] | None:
    if not published.earliest or not published.latest:
        return None
    start = date.fromisoformat(published.earliest) - timedelta(days=TIMELINE_MARGIN_DAYS)
    end = date.fromisoformat(published.latest) + timedelta(days=TIMELINE_MARGIN_DAYS)
    return start.isoformat(), end.isoformat()


def _day(value) -> str:
    return f"{value.day} {value.strftime('%b %Y')}" if value else "unknown"


def source_line(passage: Passage) -> str:
    """Title, outlet and date in plain words ("about Jun 2025" when inferred), escaped."""
    hit = passage.hit
    parts = [f"**{escape_markdown(hit.title)}**", escape_markdown(outlet_name(hit.outlet)), escape_markdown(date_words(hit.published))]
    return " · ".join(parts)


def match_note(passage: Passage) -> str:
    hit = passage.hit
    if hit.matched_by == "keyword":
        note = "matched by keywords only"
        if hit.language not in ("en", "und"):
            note += f" (the meaning model reads English; this sentence is in {language_name(hit.language)})"
    elif hit.matched_by == "semantic":
        note = "matched by meaning"
    else:
        note = "matched by meaning and keywords"
    return note


def passage_markdown(passage: Passage) -> str:
    """The matching sentence highlighted between its neighbours; every piece escaped."""
    pieces = []
    if passage.before:
        pieces.append(escape_markdown(passage.before))
    pieces.append(f"**:orange-background[{escape_markdown(passage.hit.sentence)}]**")
    if passage.after:
        pieces.append(escape_markdown(passage.after))
    return " ".join(pieces)


def passage_links(passage: Passage, key: str) -> None:
    hit = passage.hit
    columns = st.columns(2)
    with columns[0]:
        st.page_link(
            "pages/articles.py",
            label="Read the full article",
            icon="📰",
            query_params={"article": hit.source_file, "sentence": str(hit.sentence_index)},
            help="Opens the cleaned article with this sentence highlighted.",
        )
    with columns[1]:
        window = _timeline_range(hit.published)
        if window:
            st.page_link(
                "pages/timeline.py",
                label="Timeline around this date",
                icon="🗓️",
                query_params={"from": window[0], "to": window[1]},
                help=f"Events from {TIMELINE_MARGIN_DAYS} days before to {TIMELINE_MARGIN_DAYS} days after this article's date.",
            )
        else:
            st.caption("No publication date, so no timeline window.")


def render_passage(passage: Passage, key: str, rank: int, show_source: bool = True) -> None:
    """One result card. Results are shown best first and numbered by rank (the fused
    score is not shown: the meaning similarity alone would read out of order)."""
    with st.container(border=True):
        if show_source:
            st.markdown(f"{rank}\\. " + source_line(passage))
        st.markdown(passage_markdown(passage))
        st.caption(f"Result {rank} · {match_note(passage)}")
        passage_links(passage, key)


def render_passages(passages: list[Passage]) -> None:
    for rank, passage in enumerate(passages, start=1):
        render_passage(passage, key=f"p{rank}", rank=rank)


def render_articles(matches: list[ArticleMatch]) -> None:
    ordered = sorted((p for m in matches for p in m.passages), key=lambda p: -p.hit.score)
    ranks = {id(p): r for r, p in enumerate(ordered, start=1)}
    for rank, match in enumerate(matches):
        label = (
            f"{rank + 1}. {match.title} — {outlet_name(match.outlet)} — {date_words(match.published)} "
            f"({_count(len(match.passages), 'passage')})"
        )
        with st.expander(escape_markdown(label), expanded=rank == 0):
            for position, passage in enumerate(match.passages):
                render_passage(passage, key=f"a{rank}-{position}", rank=ranks[id(passage)], show_source=False)


# -- export -------------------------------------------------------------------------
def download_button(results, view: str) -> None:
    frame = passages_table(results, view)
    st.download_button(
        "Download results (CSV)",
        csv_bytes(frame),
        file_name="storylens-search.csv",
        mime="text/csv",
        help="These results as a spreadsheet: each passage with its context, article, outlet and date.",
    )

