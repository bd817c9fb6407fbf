"""The store's catalogue on both backends: slim rows written with each record, keyset pages,
filters, aggregates, numbered changes, stored inferred dates, and the fill of an older store."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace

import pytest

from lib.core.models import PublishedDate
from lib.core.settings import REPO_ROOT, load_settings
from lib.core.store import catalogue_pages
from lib.core.store_postgres import PostgresStore
from lib.ingest.corpus import inferred_dates_missing, load_corpus, open_store
from lib.ingest.pipeline import ingest_bytes
from lib.present.catalogue import summary_words
from lib.present.overview import corpus_summary, is_loose
from lib.present.tables import catalogue_csv
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)
from tests.support.synthetic import synthetic_article

BUNDLED = REPO_ROOT / "data" / "articles"
OUTLETS = ("Alpha News", "Beta Wire", "Gamma Post")
DATES = (
    PublishedDate("2024-03-05", "day", True, "Mar 5, 2024", "2024-03-05", "2024-03-05"),
    PublishedDate("2024-06", "month", False, "inferred from a month", "2024-06-01", "2024-06-30"),
    PublishedDate(None, "unknown", False, "no date found in the text"),
    PublishedDate("2025-01-10", "day", True, "Jan 10, 2025", "2025-01-10", "2025-01-10"),
    PublishedDate("2024", "year", False, "inferred from a year", "2024-01-01", "2024-12-31"),  # loose
)


def clone(base, index: int):
    """A distinct article with a chosen outlet, language, title and date (cycling through the tables above)."""
    body = base.body + f"\n\nReference number {index}."
    return replace(
        base,
        article_id=hashlib.sha256(body.encode()).hexdigest(),
        source_file=f"c-{index:02d}.txt",
        title=f"Report {index} from the {'Straße' if index % 5 == 0 else 'harbour'}",
        outlet=OUTLETS[index % 3],
        language=("en", "fr")[index % 2],
        published=DATES[index % len(DATES)],
        body=body,
        raw_sha256=hashlib.sha256(f"raw-{index}".encode()).hexdigest(),
    )


@pytest.fixture
def twelve(store_backend, tmp_path):
    """A store holding twelve cloned articles (and nothing else); returns (settings, store, articles)."""
    settings = store_backend(tmp_path)
    store = open_store(settings)
    ingest_bytes(store, settings, "base.txt", synthetic_article(1))
    base = store.articles()[0]
    store.remove_article(base.article_id)
    articles = [clone(base, index) for index in range(12)]
    for index, article in enumerate(articles):
        store.put_article(article, "upload" if index % 4 == 0 else "bundled", f"articles/{article.source_file}", "p1", [])
    return settings, store, articles


def test_each_catalogue_row_says_what_its_record_holds(twelve):
    _settings, store, articles = twelve
    entries = store.catalogue(limit=100)
    assert [entry.source_file for entry in entries] == sorted(a.source_file for a in articles)
    for entry in entries:
        article = store.article(entry.article_id)
        assert (entry.title, entry.outlet, entry.language, entry.published) == (
            article.title, article.outlet, article.language, article.published
        )
        assert (entry.sentence_count, entry.removed_count) == (len(article.sentences), len(article.removed))
        assert entry.origin == store.origin_of(entry.article_id)
        assert entry.sequence > 0


def test_keyset_pages_cover_the_catalogue_once_in_key_order(twelve):
    _settings, store, _articles = twelve
    pages, after = [], None
    while True:
        page = store.catalogue(after=after, limit=5)
        if not page:
            break
        pages.append(page)
        after = page[-1].key
    assert [len(page) for page in pages] == [5, 5, 2]
    keys = [entry.key for page in pages for entry in page]
    assert keys == sorted(keys) and len(set(keys)) == 12
    assert [entry.key for page in catalogue_pages(store, page_size=5) for entry in page] == keys


def test_filters_combine_with_paging_and_the_title_filter_ignores_case(twelve):
    _settings, store, articles = twelve
    alpha_fr = store.catalogue(limit=100, outlet="Alpha News", language="fr")
    expected = sorted(a.source_file for a in articles if a.outlet == "Alpha News" and a.language == "fr")
    assert [entry.source_file for entry in alpha_fr] == expected and expected
    first = store.catalogue(limit=1, outlet="Beta Wire")
    rest = store.catalogue(after=first[0].key, limit=100, outlet="Beta Wire")
    assert [e.source_file for e in first + rest] == sorted(a.source_file for a in articles if a.outlet == "Beta Wire")
    # casefold, the same on both backends: "STRASSE" finds "Straße", whatever the database's lower() does
    assert {e.source_file for e in store.catalogue(limit=100, title_contains="STRASSE")} == {"c-00.txt", "c-05.txt", "c-10.txt"}
    assert store.catalogue(limit=100, title_contains="no such words") == []
    assert store.catalogue(limit=100, outlet="Nobody") == []


def test_a_page_of_no_rows_is_refused(twelve):
    _settings, store, _articles = twelve
    with pytest.raises(ValueError, match="at least one"):
        store.catalogue(limit=0)


def test_removing_and_replacing_update_the_catalogue_and_number_the_changes(twelve):
    _settings, store, articles = twelve
    start = store.write_sequence()
    assert store.changes_since(start).added == () and store.changes_since(start).sequence == start
    assert store.remove_article(articles[0].article_id)
    assert articles[0].source_file not in {e.source_file for e in store.catalogue(limit=100)}
    changed = replace(articles[1], title="Report 1, corrected")
    newer = replace(changed, article_id=hashlib.sha256(b"corrected").hexdigest())
    store.put_article(newer, "bundled", "articles/c-01.txt", "p2", [], replaces=articles[1].article_id)
    changes = store.changes_since(start)
    assert changes.sequence == store.write_sequence() > start
    assert set(changes.removed) == {articles[0].article_id, articles[1].article_id}
    assert changes.added == (newer.article_id,)
    row = store.catalogue(after=("c-01.txt", ""), limit=1)[0]
    assert (row.article_id, row.title) == (newer.article_id, "Report 1, corrected")
    # put back: the last change wins
    store.put_article(articles[0], "upload", "articles/c-00.txt", "p1", [])
    assert articles[0].article_id in store.changes_since(start).added
    assert articles[0].article_id not in store.changes_since(start).removed


def test_a_failed_write_leaves_no_catalogue_row(twelve):
    _settings, store, articles = twelve
    extra = clone(articles[0], 99)
    before = store.write_sequence()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_article(extra, "bundled", "articles/c-99.txt", "p1", [])
            raise RuntimeError("crash mid-write")
    assert "c-99.txt" not in {e.source_file for e in store.catalogue(limit=100)}
    assert store.changes_since(before).added == ()


def test_summary_counts_by_outlet_and_language_and_leaves_loose_and_undated_out_of_the_range(twelve):
    _settings, store, articles = twelve
    summary = store.catalogue_summary()
    assert summary.article_count == 12
    assert dict(summary.outlet_counts) == {name: 4 for name in OUTLETS}
    assert dict(summary.language_counts) == {"en": 6, "fr": 6}
    assert summary.undated_count == sum(1 for a in articles if a.published.precision == "unknown") == 2
    assert summary.loose_count == sum(1 for a in articles if is_loose(a)) == 2
    assert summary.first == DATES[0] and summary.last == DATES[3]
    words = summary_words(summary)
    assert words == corpus_summary(articles)


def test_an_empty_store_has_an_empty_catalogue(store_backend, tmp_path):
    store = open_store(store_backend(tmp_path))
    assert store.catalogue() == [] and store.write_sequence() == 0
    summary = store.catalogue_summary()
    assert (summary.article_count, summary.first, summary.undated_count) == (0, None, 0)
    assert summary_words(summary) == corpus_summary([])


def test_inferred_dates_show_only_while_the_articles_they_were_computed_from_are_unchanged(twelve):
    _settings, store, articles = twelve
    undated = next(a for a in articles if a.published.precision == "unknown")
    inferred = PublishedDate("2024-07", "month", False, "inferred from other reports", "2024-07-01", "2024-07-31")
    assert inferred_dates_missing(store)
    store.put_inferred_dates(store.fingerprint(), {undated.article_id: inferred})
    assert not inferred_dates_missing(store)
    shown = {e.article_id: e.published for e in store.catalogue(limit=100)}
    assert shown[undated.article_id] == inferred
    assert store.catalogue_summary().undated_count == 1
    store.put_article(clone(articles[0], 50), "bundled", "articles/c-50.txt", "p1", [])  # the set changed
    shown = {e.article_id: e.published for e in store.catalogue(limit=100)}
    assert shown[undated.article_id].precision == "unknown"  # the page's own date, never a stale guess
    assert inferred_dates_missing(store)


def test_dates_added_for_new_articles_keep_the_earlier_ones_and_the_base_of_the_last_whole_inference(twelve):
    _settings, store, articles = twelve
    undated = next(a for a in articles if a.published.precision == "unknown")
    month = PublishedDate("2024-07", "month", False, "inferred from other reports", "2024-07-01", "2024-07-31")
    store.put_inferred_dates(store.fingerprint(), {undated.article_id: month})
    base = store.fingerprint()
    assert store.inferred_dates_base() == base
    added = clone(articles[0], 51)
    store.put_article(added, "bundled", "articles/c-51.txt", "p1", [])
    day = PublishedDate("2024-08-02", "day", False, "inferred from other reports", "2024-08-02", "2024-08-02")
    store.add_inferred_dates(store.fingerprint(), {added.article_id: day})
    assert store.inferred_dates_fingerprint() == store.fingerprint() != base
    assert store.inferred_dates_base() == base  # only added: views built at the base stay extendable
    shown = {e.article_id: e.published for e in store.catalogue(limit=100)}
    assert shown[undated.article_id] == month and shown[added.article_id] == day
    assert not inferred_dates_missing(store)
    store.put_inferred_dates(store.fingerprint(), {})  # a whole inference starts a new base
    assert store.inferred_dates_base() == store.fingerprint()
    assert store.catalogue_entries([undated.article_id])[0].published.precision == "unknown"


def test_the_catalogue_shows_the_dates_every_page_shows_on_the_bundled_story(store_backend, tmp_path):
    shutil.copytree(BUNDLED, tmp_path / "articles")
    corpus = load_corpus(store_backend(tmp_path))
    entries = corpus.store.catalogue(limit=100)
    assert [e.source_file for e in entries] == [a.source_file for a in corpus.articles]
    assert [e.published for e in entries] == [a.published for a in corpus.articles]
    assert any(not e.published.stated and e.published.date for e in entries)  # some dates are inferred
    assert summary_words(corpus.store.catalogue_summary()) == corpus_summary(corpus.articles)
    assert not inferred_dates_missing(corpus.store)


def test_a_store_written_before_the_catalogue_is_filled_once_on_open(twelve):
    settings, store, articles = twelve
    before = store.catalogue(limit=100)
    # Back to the older schema: no catalogue, no numbered changes, no inferred dates.
    if isinstance(store, PostgresStore):
        from lib.core import store_postgres

        with store.transaction() as connection:
            for table in ("catalogue", "changes", "inferred_dates"):
                connection.execute(f"DROP TABLE {store.schema}.{table}")
            connection.execute(f"DELETE FROM {store.schema}.meta WHERE key IN ('catalogue_version', 'inferred_dates_fingerprint')")
            connection.execute(f"UPDATE {store.schema}.meta SET value = '1' WHERE key = 'schema_version'")
        store_postgres._PREPARED.clear()
    else:
        with store.transaction() as connection:
            for table in ("catalogue", "changes", "inferred_dates"):
                connection.execute(f"DROP TABLE {table}")
            connection.execute("DELETE FROM meta WHERE key IN ('catalogue_version', 'inferred_dates_fingerprint')")
        store.close()
    reopened = open_store(settings)
    after = reopened.catalogue(limit=100)
    assert [replace(e, sequence=0) for e in after] == [replace(e, sequence=0) for e in before]
    assert {e.sequence for e in after} == {0} and reopened.write_sequence() == 0
    assert {e.source_file for e in reopened.catalogue(limit=100, title_contains="STRASSE")} == {"c-00.txt", "c-05.txt", "c-10.txt"}
    reopened.put_article(clone(articles[0], 60), "bundled", "articles/c-60.txt", "p1", [])
    assert reopened.changes_since(0).added == (clone(articles[0], 60).article_id,)


def test_the_csv_holds_every_filtered_page_in_the_list_order(twelve):
    _settings, store, articles = twelve
    text = catalogue_csv(catalogue_pages(store, page_size=2, outlet="Gamma Post")).decode()
    lines = text.strip().splitlines()
    assert lines[0].startswith("Title,Outlet,Published,Date clue,Language,Sentences,Removed blocks,File")
    assert len(lines) == 1 + sum(1 for a in articles if a.outlet == "Gamma Post")
    assert all(",Gamma Post," in line for line in lines[1:])


@pytest.mark.parametrize(
    "filters",
    [{}, {"outlet": "Alpha News"}, {"language": "fr"}],
)
def test_a_catalogue_page_is_read_along_an_index(tmp_path, filters):
    # OFFSET or a sort of the whole table would make page n cost O(n) / O(collection).
    from lib.core.store import catalogue_query

    store = open_store(load_settings(tmp_path))
    sql, params = catalogue_query("", "?", "instr({}, {}) > 0", "f", ("a.txt", "x"), 50, filters.get("outlet"), filters.get("language"), None)
    with store.reading() as connection:
        plan = " ".join(row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "USING INDEX catalogue_" in plan and "TEMP B-TREE" not in plan, plan
    assert "OFFSET" not in sql


def test_the_kept_summary_is_the_one_for_the_current_articles_and_dates(twelve):
    _settings, store, articles = twelve
    undated = [a for a in articles if a.published.precision == "unknown"]
    month = PublishedDate("2024-07", "month", False, "inferred", "2024-07-01", "2024-07-31")
    assert store.catalogue_summary().undated_count == 2
    store.put_inferred_dates(store.fingerprint(), {undated[0].article_id: month})
    assert store.catalogue_summary().undated_count == 1
    # the same fingerprint, other dates: the kept summary must not be reused
    store.put_inferred_dates(store.fingerprint(), {a.article_id: month for a in undated})
    assert store.catalogue_summary().undated_count == 0
    assert open_store(_settings).catalogue_summary() == store.catalogue_summary()  # a new process reads it
    store.remove_article(articles[3].article_id)
    assert store.catalogue_summary().article_count == 11


def test_listing_every_row_at_sync_reads_an_index_not_the_records(tmp_path):
    # rows() runs at every process start (sync_folder); from the records it read 1 GB at 100k articles.
    store = open_store(load_settings(tmp_path))
    statement = "SELECT article_id, raw_sha256, source_file, origin, raw_path, pipeline FROM articles ORDER BY source_file, article_id"
    with store.reading() as connection:
        plan = " ".join(row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + statement))
    assert "COVERING INDEX articles_rows" in plan and "TEMP B-TREE" not in plan, plan
