"""The loaded corpus: a store brought up to date plus its articles.

This is the one entry point pages and the CLI use to get articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lib.models import Article, IngestReport
from lib.settings import Settings, load_settings
from lib.store import Store


@dataclass
class Corpus:
    settings: Settings
    store: Store
    articles: list[Article]
    fingerprint: str
    sync_reports: list[IngestReport] = field(default_factory=list)

    def by_id(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.article_id == article_id), None)

    def by_source_file(self, source_file: str) -> Article | None:
        return next((a for a in self.articles if a.source_file == source_file), None)


def open_store(settings: Settings) -> Store:
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
    from lib.ingest import sync_folder

    settings = settings or load_settings()
    store = open_store(settings)
    reports = sync_folder(store, settings, progress) if sync else []
    articles = store.articles()
    articles = infer_missing_dates(articles)
    return Corpus(settings, store, articles, store.fingerprint(), reports)


def infer_missing_dates(articles: list[Article]) -> list[Article]:
    """Articles whose page prints no date get a corpus-inferred date when the text allows."""
    try:
        from lib.corpus_dates import infer_publication_dates
    except ImportError:  # inference module not present yet
        return articles
    return infer_publication_dates(articles)
