"""The loaded corpus: a store brought up to date plus its articles.

This is the one entry point pages and the CLI use to get articles. Lists and
filters need less: `open_synced` brings the store up to date without
loading any article, and its catalogue (`store.catalogue`, `catalogue_summary`)
shows the same publication dates as the corpus once `load_corpus` has stored the
dates it infers across the collection.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

from lib.core.errors import StoreError
from lib.core.models import Article, IngestReport
from lib.core.settings import Settings, load_settings
from lib.core.store import ArticleStore, Store, contents_key

log = logging.getLogger(__name__)


@dataclass
class Corpus:
    settings: Settings
    store: ArticleStore
    articles: list[Article]
    fingerprint: str
    sync_reports: list[IngestReport] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Dict lookups: pages call these once per row, so a scan would be O(n^2) per render.
        self._by_id: dict[str, Article] = {}
        self._by_file: dict[str, Article] = {}
        for article in self.articles:
            self._by_id.setdefault(article.article_id, article)
            self._by_file.setdefault(article.source_file, article)

    def by_id(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def by_source_file(self, source_file: str) -> Article | None:
        return self._by_file.get(source_file)

    @property
    def contents_key(self) -> str:
        """The key of the views built from this corpus (`lib.core.store.contents_key`): its dates
        were inferred over exactly its own articles."""
        return contents_key(self.fingerprint, self.fingerprint)


@dataclass
class OpenedStore:
    """A store brought up to date with its data folder, with no article loaded: what the
    catalogue's readers (the Articles page, the sidebar, `articles` in the CLI) and the
    add-articles form need."""

    settings: Settings
    store: ArticleStore
    sync_reports: list[IngestReport] = field(default_factory=list)


def open_synced(
    settings: Settings | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    sync: bool = True,
) -> OpenedStore:
    """The store of `settings.data_dir`, with new files of the data folder added (when `sync`)."""
    from lib.ingest.pipeline import sync_folder

    settings = settings or load_settings()
    store = open_store(settings)
    reports = sync_folder(store, settings, progress) if sync else []
    return OpenedStore(settings, store, reports)


def inferred_dates_missing(store: ArticleStore) -> bool:
    """True when the catalogue would show a page's own "date unknown" where the collection can say more.

    That is: the stored inferred dates were computed for another set of articles (or never)
    and some article's page prints no date. Two row reads, plus one aggregate when stale.
    """
    if store.inferred_dates_fingerprint() == store.fingerprint():
        return False
    return store.catalogue_summary().undated_count > 0


def open_store(settings: Settings) -> ArticleStore:
    """The store of `settings.data_dir` on the backend `settings.store_backend` names (STORYLENS_STORE).

    "sqlite" (default): a file in the data folder. "postgres": a schema on the
    server at `settings.database_url` (psycopg is imported only then). Raises
    StoreError with a message when the store cannot be opened.
    """
    if settings.store_backend == "postgres":
        from lib.core.store_postgres import PostgresStore

        return PostgresStore(settings.data_dir, settings.store_dir, settings.database_url or "")
    return Store(settings.data_dir, settings.store_dir)


def load_corpus(
    settings: Settings | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    sync: bool = True,
) -> Corpus:
    """Open the store for `settings.data_dir`, add new files from the data folder, load articles.

    Publication dates that the pages do not print are then inferred from the
    rest of the corpus where possible (never presented as stated).
    """
    from lib.ingest.pipeline import sync_folder

    settings = settings or load_settings()
    store = open_store(settings)
    reports = sync_folder(store, settings, progress) if sync else []
    # Read before the articles: a write in between leaves the older fingerprint on what was
    # loaded, so the next reader reloads, and the dates stored below are never shown for
    # articles they were not computed with.
    fingerprint = store.fingerprint()
    stored = store.articles()
    articles = infer_missing_dates(stored)
    _store_inferred_dates(store, fingerprint, stored, articles)
    return Corpus(settings, store, articles, fingerprint, reports)


def _store_inferred_dates(store: ArticleStore, fingerprint: str, stored: list[Article], inferred: list[Article]) -> None:
    """Keep the collection-inferred dates in the store for the catalogue (once per fingerprint)."""
    if store.inferred_dates_fingerprint() == fingerprint:
        return
    dates = {
        after.article_id: after.published
        for before, after in zip(stored, inferred)
        if after.published != before.published
    }
    try:
        store.put_inferred_dates(fingerprint, dates)
    except StoreError as error:
        # The articles are loaded and dated; only the catalogue's copy is missing, and
        # it then shows each page's own date (never a confident one it does not support).
        log.warning("inferred publication dates not stored for the catalogue: %s", error)


def infer_missing_dates(articles: list[Article]) -> list[Article]:
    """Articles whose page prints no date get a corpus-inferred date when the text allows."""
    from lib.ingest.pubdate_inference import infer_publication_dates

    return infer_publication_dates(articles)
