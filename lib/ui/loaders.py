"""The one loader pattern of every page: the store, the corpus, the model, and the views.

Heavy objects are built once per process; the corpus is keyed by the store's
fingerprint, so adding an article anywhere (another session, the CLI) is picked
up on the next rerun without clearing the model. The three views (search index,
timeline events, claims) are built by `load_view` with one builder signature,
`build_X(corpus, embedder, progress)`, and shared by every session.
"""

from __future__ import annotations

import threading
from typing import Callable

import streamlit as st

from lib.core.memory import release_free_memory
from lib.core.settings import Settings, load_settings
from lib.ingest.corpus import Corpus, load_corpus, open_store
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



@st.cache_resource(show_spinner="Loading the language model (first time only, a few seconds)…")
def _loaded_embedder(model_name: str, batch_size: int) -> Embedder:
    embedder = _shared_embedder(model_name, batch_size)
    embedder.model  # load now, inside the cached call
    release_free_memory()  # loading leaves ~100 MB of freed scratch in the heap
    return embedder


def get_embedder() -> Embedder:
    """The one embedding model of this process, loaded with a visible status the first time."""
    settings = get_settings()
    return _loaded_embedder(settings.model_name, settings.embed_batch_size)


def require_articles(corpus: Corpus, purpose: str) -> None:
    """Stop the page with a way forward when the collection has no articles yet."""
    if corpus.articles:
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


def load_view(name: str, builder: Callable, corpus: Corpus, *key: str):
    """The view `name` of this collection, built with `builder(corpus, embedder, progress)`.

    Built once per collection contents, model and `key` (e.g. the topic list),
    then shared by every session; one build at a time. A progress bar shows
    while it builds. Built outside `st.cache_resource` on purpose: a progress
    bar drawn inside a cached function breaks Streamlit's element replay.
    """
    embedder = get_embedder()
    wanted = (corpus.fingerprint, embedder.model_id, *key)
    slot = (name, str(corpus.settings.data_dir))
    shelf = _view_shelf()
    with shelf.lock:
        shelf.touch(slot[1])
        built = shelf.views.get(slot)
        if built is None or built[0] != wanted:
            placeholder = st.empty()

            def show(done: int, total: int, what: str) -> None:
                placeholder.progress(done / max(total, 1), text=f"{what}… {done}/{total}")

            value = builder(corpus, embedder, progress=show)
            placeholder.empty()
            release_free_memory()  # a one-time build: hand its scratch memory back
            shelf.views[slot] = (wanted, value)
        return shelf.views[slot][1]
