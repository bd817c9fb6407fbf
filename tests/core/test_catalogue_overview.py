"""The Search page's overview from the store's aggregates, on both backends: the same glance, filter
span and counts as reading every catalogue row (or every article), and it follows the store's contents."""

from __future__ import annotations

import shutil
from dataclasses import replace

from lib.core.models import PublishedDate
from lib.core.settings import REPO_ROOT
from lib.ingest.corpus import load_corpus, open_store
from lib.present.catalogue import catalogue_overview, overview_glance
from lib.present.overview import _span, story_at_a_glance
from lib.search.hybrid import published_interval
from tests.core.test_catalogue import DATES, clone, twelve  # noqa: F401  (fixture)
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)

BUNDLED = REPO_ROOT / "data" / "articles"


def _from_rows(store):
    """What the page computed before from every catalogue row: the glance, the two ends, the span."""
    entries = store.catalogue(limit=1000)
    intervals = [interval for interval in map(published_interval, (e.published for e in entries)) if interval]
    span = (min(s for s, _ in intervals), max(e for _, e in intervals)) if intervals else None
    first, last = _span(entries)
    return story_at_a_glance(entries), first, last, span


def test_the_overview_says_what_every_row_says(twelve):
    _settings, store, _articles = twelve
    overview = catalogue_overview(store)
    glance, first, last, span = _from_rows(store)
    assert (overview.first, overview.last, overview.date_span) == (first, last, span)
    assert span == ("2024-01-01", "2025-01-10")  # the loose year counts in the filter's span
    assert overview_glance(overview) == glance
    assert overview.summary == store.catalogue_summary()


def test_the_kept_overview_follows_the_articles_and_their_inferred_dates(twelve):
    _settings, store, articles = twelve
    catalogue_overview(store)  # computed and kept
    # Dated as the latest so far, and after it in key order: the new latest report.
    later = replace(clone(articles[0], 40), source_file="z-40.txt", title="The latest report", published=DATES[3])
    store.put_article(later, "upload", "articles/z-40.txt", "p1", [])
    overview = catalogue_overview(store)
    assert overview.last.title == "The latest report"
    assert overview_glance(overview) == _from_rows(store)[0]
    assert overview == catalogue_overview(store)  # read back from the store's derived cache


def test_an_empty_store_has_an_empty_overview(store_backend, tmp_path):
    store = open_store(store_backend(tmp_path))
    overview = catalogue_overview(store)
    assert (overview.first, overview.last, overview.date_span) == (None, None, None)
    assert overview_glance(overview) == story_at_a_glance([])


def test_the_overview_glance_equals_the_articles_glance_on_the_bundled_story(store_backend, tmp_path):
    shutil.copytree(BUNDLED, tmp_path / "articles")
    corpus = load_corpus(store_backend(tmp_path))
    assert overview_glance(catalogue_overview(corpus.store)) == story_at_a_glance(corpus.articles)


def test_dates_inferred_again_for_the_same_articles_are_shown_by_the_overview(twelve):
    _settings, store, articles = twelve
    undated = next(a for a in articles if a.published.precision == "unknown")
    store.put_inferred_dates(store.fingerprint(), {})
    assert catalogue_overview(store).date_span == ("2024-01-01", "2025-01-10")  # kept for this key
    later = PublishedDate("2025-03-02", "day", False, "inferred from other reports", "2025-03-02", "2025-03-02")
    store.put_inferred_dates(store.fingerprint(), {undated.article_id: later})  # same key, other dates
    overview = catalogue_overview(store)
    assert overview.date_span == ("2024-01-01", "2025-03-02") and overview.last.article_id == undated.article_id
    assert overview_glance(overview) == _from_rows(store)[0]
