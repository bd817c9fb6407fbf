"""The loaded corpus: a store brought up to date plus its articles.

This is the one entry point pages and the CLI use to get articles. Lists and
filters need less: `open_synced` brings the store up to date without
loading any article, and its catalogue (`store.catalogue`, `catalogue_summary`)
shows the same publication dates as the corpus once `load_corpus` has stored the
dates it infers across the collection. When articles are only added afterwards,
`update_inferred_dates` dates the added ones alone against the evidence the whole
inference kept (`lib.ingest.inferred_dates_state`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Callable

from lib.core.errors import StoreError
from lib.core.models import Article, IngestReport
from lib.core.settings import Settings, load_settings
from lib.core.store import ArticleStore, Store, added_limit, contents_key

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
    rest of the corpus where possible (never presented as stated). When the store
    already holds the inferred dates of exactly these articles (a whole inference,
    or one extended by added articles), those are the corpus's too, so every view
    built from it shows the dates the catalogue shows.
    """
    from lib.ingest.pipeline import sync_folder

    settings = settings or load_settings()
    store = open_store(settings)
    reports = sync_folder(store, settings, progress) if sync else []
    # Read before the articles: a write in between leaves the older fingerprint on what was
    # loaded, so the next reader reloads, and the dates stored below are never shown for
    # articles they were not computed with. The write sequence first: an article written between
    # the two is then both in the base and "added since", which `update_inferred_dates` refuses.
    sequence = store.write_sequence()
    fingerprint = store.fingerprint()
    stored = store.articles()
    articles = _with_stored_dates(store, fingerprint, stored)
    if articles is None:
        from lib.ingest.pubdate_inference import collection_evidence, dated_by

        evidence = collection_evidence(stored)  # kept even when no page is undated: an added one may be
        articles = dated_by(stored, evidence)
        _store_inferred_dates(store, fingerprint, sequence, stored, articles, evidence)
    return Corpus(settings, store, articles, fingerprint, reports)


def _with_stored_dates(store: ArticleStore, fingerprint: str, stored: list[Article]) -> list[Article] | None:
    """`stored` (the articles of `fingerprint`) with the inferred dates the store keeps for them, or
    None when the store keeps none for `fingerprint` (or the articles changed while they were read)."""
    if store.inferred_dates_fingerprint() != fingerprint:
        return None
    undated = [article.article_id for article in stored if article.published.precision == "unknown"]
    shown = {entry.article_id: entry.published for entry in store.catalogue_entries(undated)} if undated else {}
    if store.fingerprint() != fingerprint or store.inferred_dates_fingerprint() != fingerprint or len(shown) != len(set(undated)):
        return None
    return [
        replace(article, published=shown[article.article_id])
        if article.published.precision == "unknown" and shown[article.article_id] != article.published
        else article
        for article in stored
    ]


def _store_inferred_dates(
    store: ArticleStore, fingerprint: str, sequence: int, stored: list[Article], inferred: list[Article], evidence
) -> None:
    """Keep the collection-inferred dates in the store for the catalogue, with the evidence they were
    inferred from (`keep_evidence`, at write `sequence`) in the same transaction, so that articles
    added later can be dated alone (`update_inferred_dates`)."""
    from lib.ingest.inferred_dates_state import keep_evidence

    if store.inferred_dates_fingerprint() == fingerprint:
        return  # kept meanwhile (by another process, or the articles changed while they were read)
    dates = {
        after.article_id: after.published
        for before, after in zip(stored, inferred)
        if after.published != before.published
    }
    try:
        with store.transaction():
            store.put_inferred_dates(fingerprint, dates)
            keep_evidence(store, fingerprint, sequence, stored, evidence)
    except StoreError as error:
        # The articles are loaded and dated; only the catalogue's copy is missing, and
        # it then shows each page's own date (never a confident one it does not support).
        log.warning("inferred publication dates not stored for the catalogue: %s", error)


def update_inferred_dates(store: ArticleStore) -> bool:
    """Bring the stored inferred dates to the store's current articles by dating the added ones alone.

    True when the stored dates are now those of the current articles (also when they already were).
    The added articles are read one by one (`store.article`), dated against the evidence the last
    whole inference kept, extended by every article added since (`lib.ingest.inferred_dates_state`),
    and written with `add_inferred_dates` together with their own evidence, in one transaction. An
    added article gets the date a whole inference over the same articles would give it. What differs:
    an earlier undated page that an added one could now date is NOT dated again (it keeps its date,
    or stays undated, until the next whole inference), and neither is one whose evidence the added
    pages change (a name they make common, a wider span of stated days).

    False (the caller infers whole, as `load_corpus` does) when: no evidence was kept for the stored
    dates (or it was kept by other code, or is damaged: logged), dates were inferred whole since it,
    articles were removed, an added id was already stored (put again), more than `added_limit`
    articles were added since the whole inference, an added article cannot be read, another write
    landed meanwhile, or the store refuses the write (busy, read-only: logged). Never raises for those.
    """
    from lib.ingest.inferred_dates_state import (
        ADDED_CACHE,
        DamagedEvidence,
        extended_evidence,
        read_kept,
    )
    from lib.ingest.pubdate_inference import dated_by

    try:
        dates_at = store.inferred_dates_fingerprint()
        if dates_at is not None and dates_at == store.fingerprint():
            return True
        dates_base = store.inferred_dates_base()
        if dates_at is None or dates_base is None:
            log.info("inferred dates not extended: no whole inference stored yet")
            return False
        kept = read_kept(store, dates_at, dates_base)
        changes = store.changes_since(kept.sequence)
        fingerprint = store.fingerprint()
        if store.write_sequence() != changes.sequence or store.inferred_dates_fingerprint() != dates_at:
            log.info("inferred dates not extended: the store was written meanwhile")
            return False
        if changes.removed or not changes.added:
            log.info("inferred dates not extended: %d articles removed, %d added", len(changes.removed), len(changes.added))
            return False
        again = kept.known(changes.added)
        if again:
            log.info("inferred dates not extended: %d added articles were stored before (put again)", len(again))
            return False
        if len(kept.added_ids()) + len(changes.added) > added_limit(kept.base_articles):
            log.info("inferred dates not extended: more than %d articles added since the whole inference", added_limit(kept.base_articles))
            return False
        added = []
        for article_id in changes.added:
            article = store.article(article_id)
            if article is None:
                log.warning("inferred dates not extended: the added article %s cannot be read", article_id)
                return False
            added.append(article)
        evidence, payload = extended_evidence(store, kept, added, changes.sequence)
        dates = {
            after.article_id: after.published
            for before, after in zip(added, dated_by(added, evidence))
            if after.published != before.published
        }
        with store.transaction():
            store.add_inferred_dates(fingerprint, dates)
            store.put_cache(ADDED_CACHE, fingerprint, payload)
        return True
    except DamagedEvidence as error:
        log.warning("inferred dates not extended (the whole inference will run): %s", error)
        return False
    except (StoreError, ValueError, TypeError, KeyError) as error:
        # A busy or read-only store, or an added record that cannot be decoded: the whole inference says why.
        log.warning("inferred dates not extended: %s", error)
        return False


def infer_missing_dates(articles: list[Article]) -> list[Article]:
    """Articles whose page prints no date get a corpus-inferred date when the text allows."""
    from lib.ingest.pubdate_inference import infer_publication_dates

    return infer_publication_dates(articles)
