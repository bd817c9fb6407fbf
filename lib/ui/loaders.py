"""The one loader pattern of every page: the store, the corpus, the model, and the views.

Heavy objects are built once per process; the corpus is keyed by the store's
fingerprint, so adding an article anywhere (another session, the CLI) is picked
up on the next rerun without clearing the model. Pages that list articles (the
Articles page, the sidebar) read the store's catalogue instead of the corpus
(`get_opened_store`, `get_catalogue_summary`): nothing is loaded whole for them. The timeline events and
the claims are read from the store when it holds them for its current contents
(`get_view`: no article is loaded; the lists beside them come from the catalogue);
only a missing or stale view loads the corpus and builds it, with one builder signature,
`build_X(corpus, embedder, progress)`, and is shared by every session. Search opens its index
from the store folder (`lib.ui.search.get_search_index`).
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

import streamlit as st

from lib.core.errors import StoryLensError
from lib.core.memory import release_free_memory
from lib.core.models import CatalogueEntry, CatalogueSummary
from lib.core.settings import Settings, load_settings
from lib.core.store import catalogue_pages, store_contents_key
from lib.present.catalogue import CatalogueOverview, catalogue_overview
from lib.ingest.corpus import Corpus, OpenedStore, load_corpus, open_store
from lib.text.embed import Embedder
from lib.ui.collection import session_data_dir
from lib.text.embed import get_embedder as _shared_embedder


def get_settings() -> Settings:
    """Settings from the environment, pointed at this session's story (`lib.ui.collection`).

    Cheap; read on every rerun so STORYLENS_DATA can change and each session
    can open its own collection.
    """
    return session_data_dir(load_settings())


_SYNCED: dict[str, tuple] = {}  # data_dir -> (store, sync reports); one sync per process
_SYNC_LOCK = threading.Lock()


def _synced_store(data_dir: str):
    """Open the store and bring it up to date with the data folder, once per process.

    Not an st.cache_resource function on purpose: Streamlit replays elements
    drawn inside cached functions on every call, which would leave a stale
    "Reading…" box on each page. The spinner shows only while work happens.
    """
    if data_dir not in _SYNCED:
        with _SYNC_LOCK:
            if data_dir not in _SYNCED:
                from lib.ingest.pipeline import sync_folder

                settings = load_settings(data_dir)
                store = open_store(settings)
                with st.spinner("Reading the article collection (first start only)…"):
                    reports = sync_folder(store, settings)
                release_free_memory()
                _SYNCED[data_dir] = (store, reports)
    return _SYNCED[data_dir]


@st.cache_resource(show_spinner=False, max_entries=4)
def _corpus_for(data_dir: str, fingerprint: str) -> Corpus:
    return load_corpus(load_settings(data_dir), sync=False)


def get_corpus() -> Corpus:
    """The current corpus; cheap on reruns (one fingerprint query)."""
    settings = get_settings()
    store, _reports = _synced_store(str(settings.data_dir))
    return _corpus_for(str(settings.data_dir), store.fingerprint())



def get_opened_store() -> OpenedStore:
    """This session's store, up to date with its data folder, with no article loaded; cheap on reruns."""
    settings = get_settings()
    store, reports = _synced_store(str(settings.data_dir))
    return OpenedStore(settings, store, reports)


@st.cache_resource(show_spinner=False, max_entries=8)
def _summary_for(data_dir: str, fingerprint: str, inferred_at: str | None) -> CatalogueSummary:
    return _SYNCED[data_dir][0].catalogue_summary()


# Up to this many articles, dates inferred across the collection are computed before the list
# shows (under a second for a small story); beyond, the list shows each page's own date at once
# while they are computed in the background. The inference took 7.3 s for 500 and 15.8 s for
# 1,000 synthetic articles, two thirds of them undated (bench/catalogue.py, idle VM), 58 s for 2,000.
INFER_BEFORE_SHOWING_MAX = 200
_INFERRING: set[tuple[str, str]] = set()  # (data dir, fingerprint) being inferred in the background
_INFERRING_LOCK = threading.Lock()


def get_catalogue_summary(opened: OpenedStore) -> CatalogueSummary:
    """What the collection holds (counts, outlets, languages, date range), by SQL aggregates.

    Cached per store contents. Dates the collection infers for pages that print none
    come from the store. When they were computed for other contents (an article was
    added since) and some page has no date, they are computed again: in a small
    collection now, by loading the corpus once (`get_corpus`, shared with the other
    pages); in a large one in the background (`inferred_dates_pending` is then True).
    """
    store, data_dir = opened.store, str(opened.settings.data_dir)
    fingerprint = store.fingerprint()
    summary = _summary_for(data_dir, fingerprint, store.inferred_dates_fingerprint())
    if summary.undated_count and store.inferred_dates_fingerprint() != fingerprint:
        from lib.present.extend import dates_current

        if dates_current(store):  # only articles were added since the last whole inference: theirs alone
            return _summary_for(data_dir, fingerprint, store.inferred_dates_fingerprint())
        if summary.article_count <= INFER_BEFORE_SHOWING_MAX:
            get_corpus()
            summary = _summary_for(data_dir, fingerprint, store.inferred_dates_fingerprint())
        else:
            _infer_in_background(opened, fingerprint)
    return summary


def inferred_dates_pending(opened: OpenedStore) -> bool:
    """True while dates inferred across this collection are being computed in the background."""
    with _INFERRING_LOCK:
        return (str(opened.settings.data_dir), opened.store.fingerprint()) in _INFERRING


def _infer_in_background(opened: OpenedStore, fingerprint: str) -> None:
    """One background load per collection contents; it stores the inferred dates, and the next
    rerun's summary (keyed by the stored dates' fingerprint) shows them."""
    slot = (str(opened.settings.data_dir), fingerprint)
    with _INFERRING_LOCK:
        if slot in _INFERRING:
            return
        _INFERRING.add(slot)

    def infer() -> None:
        try:
            load_corpus(opened.settings, sync=False)
            release_free_memory()
        except Exception:  # a background thread has no page to show it on: log it, the list keeps own dates
            logging.getLogger(__name__).exception("inferring publication dates in the background failed")
        finally:
            with _INFERRING_LOCK:
                _INFERRING.discard(slot)

    threading.Thread(target=infer, name="storylens-infer-dates", daemon=True).start()


_READ_AHEAD: set[str] = set()  # data dirs whose additions this process has read ahead for
_READ_AHEAD_LOCK = threading.Lock()


def read_ahead_for_additions(opened: OpenedStore) -> None:
    """Once per collection and process, in the background: load what adding a page needs (the
    embedding model, the language identifier, Compare's stored rows; `lib.present.extend.warm_for_additions`),
    so the first page pasted is added about as quickly as the next. Never blocks the page."""
    data_dir = str(opened.settings.data_dir)
    with _READ_AHEAD_LOCK:
        if data_dir in _READ_AHEAD:
            return
        _READ_AHEAD.add(data_dir)

    def read_ahead() -> None:
        from lib.present.extend import warm_for_additions

        try:
            settings = opened.settings
            warm_for_additions(opened.store, _shared_embedder(settings.model_name, settings.embed_batch_size), settings)
        except Exception:  # a read-ahead has no page to show a problem on: logged; the addition does the work itself
            logging.getLogger(__name__).info("reading ahead for additions failed", exc_info=True)

    threading.Thread(target=read_ahead, name="storylens-read-ahead", daemon=True).start()


@st.cache_resource(show_spinner="Loading the language model (first time only, a few seconds)…")
def _loaded_embedder(model_name: str, batch_size: int) -> Embedder:
    embedder = _shared_embedder(model_name, batch_size)
    embedder.model  # load now, inside the cached call
    release_free_memory()  # loading leaves ~100 MB of freed scratch in the heap
    return embedder


@st.cache_resource(show_spinner=False, max_entries=4)
def _entries_for(data_dir: str, contents: str) -> tuple[CatalogueEntry, ...]:
    return tuple(entry for page in catalogue_pages(_SYNCED[data_dir][0], page_size=5000) for entry in page)


@st.cache_resource(show_spinner=False, max_entries=8)
def _overview_for(data_dir: str, fingerprint: str, inferred_at: str | None) -> CatalogueOverview:
    return catalogue_overview(_SYNCED[data_dir][0])


def get_catalogue_overview(opened: OpenedStore) -> CatalogueOverview:
    """What the Search page's overview and filters show (counts, outlets, languages, the earliest and
    latest articles, the date span), by SQL aggregates kept in the store: no catalogue list is read.
    Cached per store contents, as `get_catalogue_summary` (which it follows: call that first)."""
    store = opened.store
    return _overview_for(str(opened.settings.data_dir), store.fingerprint(), store.inferred_dates_fingerprint())


def get_catalogue_entries(opened: OpenedStore) -> tuple[CatalogueEntry, ...]:
    """Every catalogue row of the collection (title, outlet, language, date, counts; no body), in key
    order, read once per store contents: what the Compare columns list and the stored search index is
    opened with (the Search page's overview reads `get_catalogue_overview` instead)."""
    return _entries_for(str(opened.settings.data_dir), store_contents_key(opened.store))


def model_id() -> str:
    """The id of this session's embedding model, without loading it (the key of stored views)."""
    settings = get_settings()
    return _shared_embedder(settings.model_name, settings.embed_batch_size).model_id


def get_embedder() -> Embedder:
    """The one embedding model of this process, loaded with a visible status the first time."""
    settings = get_settings()
    return _loaded_embedder(settings.model_name, settings.embed_batch_size)


def require_articles(corpus_or_summary: Corpus | CatalogueSummary, purpose: str) -> None:
    """Stop the page with a way forward when the collection has no articles yet."""
    if isinstance(corpus_or_summary, CatalogueSummary):
        if corpus_or_summary.article_count:
            return
    elif corpus_or_summary.articles:
        return
    st.info(f"There are no articles yet. Add some on the Articles page, then come back {purpose}.")
    st.page_link("pages/articles.py", label="Add articles", icon=":material/add_circle:")
    st.stop()


# Collections whose views stay in memory at once. Each holds a search index, events and claims
# (tens of MB for a small story); on Community Cloud's 1 GB a third open story would risk the limit.
KEPT_COLLECTIONS = 2


class _ViewShelf:
    """The views built in this process: one per (view, collection), the newest build, for at most
    KEPT_COLLECTIONS collections (the ones used most recently; older ones are rebuilt when reopened)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.views: dict[tuple[str, str], tuple[tuple, object]] = {}
        self.recent: list[str] = []  # data dirs, most recently used last

    def touch(self, data_dir: str) -> None:
        """Mark `data_dir` as used now; drop the views of collections beyond the most recent few."""
        if data_dir in self.recent:
            self.recent.remove(data_dir)
        self.recent.append(data_dir)
        for stale in self.recent[:-KEPT_COLLECTIONS]:
            for slot in [slot for slot in self.views if slot[1] == stale]:
                del self.views[slot]
        del self.recent[:-KEPT_COLLECTIONS]


@st.cache_resource(show_spinner=False)
def _view_shelf() -> _ViewShelf:
    return _ViewShelf()


def get_view(
    name: str, read_stored: Callable[[OpenedStore, str], object | None], builder: Callable, *key: str,
    extends: str | None = None,
):
    """The view `name` of this session's collection, whole, without loading the corpus when it is stored.

    From this process's memory when it was read or built for the store's current contents (articles
    and inferred dates), model and `key`; else `read_stored(opened, model_id)` reads it from the store
    (one row, no article record); when that finds none, the stored view `extends` names ("events",
    "claims", "search") is extended by the articles added since it was built, when only that changed
    (`lib.present.extend.extend_stored`: the added articles are read, no other); only when neither
    works (never built, articles removed or changed) is the corpus loaded and
    `builder(corpus, embedder, progress)` run, with a progress bar, which stores it for the next
    reader. Errors of the builder (StoryLensError) reach the page.
    """
    opened = get_opened_store()
    model = model_id()
    data_dir = str(opened.settings.data_dir)
    wanted = ("stored", store_contents_key(opened.store), model, *key)

    def read_or_build():
        value = read_stored(opened, model)
        if value is not None:
            return wanted, value
        if extends and _extended(extends, opened):
            value = read_stored(opened, model)
            if value is not None:
                return ("stored", store_contents_key(opened.store), model, *key), value
        corpus = get_corpus()
        value = _build(builder, corpus, get_embedder())
        return ("stored", corpus.contents_key, model, *key), value

    return _shelved(name, data_dir, wanted, read_or_build)


def _extended(view: str, opened: OpenedStore) -> bool:
    """The stored `view` extended by the articles added since it was built (a spinner while it runs)."""
    from lib.present.extend import extend_stored

    with st.spinner("Adding the new articles to the stored views…"):
        return extend_stored(view, opened.store, get_embedder(), opened.settings)


def get_row_view(
    name: str, read_stored: Callable[[OpenedStore, str], object | None], builder: Callable, *key: str,
    extends: str | None = None,
):
    """As `get_view`, for a view the page queries by rows (`is_current()`): a stored view this process
    kept is checked still held by the store (one row read; another process may have replaced it with
    one of other contents), else it is read, extended or built again."""
    view = get_view(name, read_stored, builder, *key, extends=extends)
    if view.is_current():
        return view
    _unshelve(name, str(get_opened_store().settings.data_dir))
    return get_view(name, read_stored, builder, *key, extends=extends)


def forget_view(name: str, stored_name: str) -> None:
    """Drop the view `name` of this session's collection from this process and the view `stored_name`
    from the store (a damaged row was found): the next `get_view` builds it again from the corpus.
    A store too busy to drop it is logged; the rebuild then replaces it when it stores its own."""
    opened = get_opened_store()
    try:
        opened.store.drop_view(stored_name)
    except StoryLensError as error:
        logging.getLogger(__name__).warning("the damaged view %s was not dropped: %s", stored_name, error)
    _unshelve(name, str(opened.settings.data_dir))


def _build(builder: Callable, corpus: Corpus, embedder: Embedder):
    placeholder = st.empty()

    def show(done: int, total: int, what: str) -> None:
        placeholder.progress(done / max(total, 1), text=f"{what}… {done}/{total}")

    value = builder(corpus, embedder, progress=show)
    placeholder.empty()
    release_free_memory()  # a one-time build: hand its scratch memory back
    return value


def _shelved(name: str, data_dir: str, wanted: tuple, make: Callable):
    """The shelf's view `name` of `data_dir` if it was made for `wanted`, else the value of `make()`,
    which returns (the key it was made for, the value), kept on the shelf under that key."""
    slot = (name, data_dir)
    shelf = _view_shelf()
    with shelf.lock:
        shelf.touch(data_dir)
        built = shelf.views.get(slot)
        if built is None or built[0] != wanted:
            shelf.views[slot] = make()
        return shelf.views[slot][1]


def _unshelve(name: str, data_dir: str) -> None:
    """Drop this process's copy of the view `name` of `data_dir` (the next reader reads or builds it)."""
    shelf = _view_shelf()
    with shelf.lock:
        shelf.views.pop((name, data_dir), None)
