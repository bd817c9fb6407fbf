"""The loaded corpus: a store brought up to date plus its articles.

This is the one entry point pages and the CLI use to get articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lib.core.models import Article, IngestReport
from lib.core.settings import Settings, load_settings
from lib.core.store import ArticleStore, Store


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
    articles = store.articles()
    articles = infer_missing_dates(articles)
    return Corpus(settings, store, articles, store.fingerprint(), reports)


def infer_missing_dates(articles: list[Article]) -> list[Article]:
    """Articles whose page prints no date get a corpus-inferred date when the text allows."""
    from lib.ingest.pubdate_inference import infer_publication_dates

    return infer_publication_dates(articles)
