"""Inferred publication dates extended by added articles alone (`update_inferred_dates`).

A page added after the whole inference gets the date the whole inference gives it (real pages of the
bundled story and of the tuned coverage-dev stories), without any other article read; every condition
the incremental contract names falls back (False) to the whole inference, as does a damaged kept
evidence or an added record that cannot be read, logged and never raised. SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from lib.core.settings import REPO_ROOT, load_settings
from lib.core.store_postgres import PostgresStore
from lib.core.store import added_limit
from lib.ingest.corpus import (
    load_corpus,
    open_store,
    update_inferred_dates,
)
from lib.ingest.inferred_dates_state import ADDED_CACHE, CLUE_CACHE, EVIDENCE_CACHE
from lib.ingest.pipeline import build_article, sync_folder
from lib.ingest.pubdate_inference import infer_publication_dates
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)

BUNDLED = REPO_ROOT / "data" / "articles"
COVERAGE_DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
UNDATED_NHK = "000_23855ce6f6a14ab7.txt"  # dated by the treaty 002 dates ("last June")
TREATY_ANCHOR = "002_f09298817ccba4f1.txt"


def _pages(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.iterdir()) if path.suffix in (".txt", ".html", ".htm") and path.name != "README.md"]


def _stored_without(folder: Path, held: set[str], settings_for, tmp_path: Path):
    """A store of `folder`'s pages but `held`, its dates inferred whole (`load_corpus`); (settings, store)."""
    articles_dir = tmp_path / "articles"
    articles_dir.mkdir()
    for path in _pages(folder):
        if path.name not in held:
            shutil.copy(path, articles_dir / path.name)
    settings = settings_for(tmp_path)
    return settings, load_corpus(settings).store


def _add(folder: Path, name: str, settings, store) -> None:
    shutil.copy(folder / name, settings.data_dir / "articles" / name)
    sync_folder(store, settings)


def _shown(store) -> dict:
    return {entry.source_file: entry.published for entry in store.catalogue(limit=1000)}


@pytest.fixture(scope="module")
def whole_dates(tmp_path_factory):
    """Folder -> {source file: the date the whole inference gives it over all its pages}."""
    found: dict[Path, dict] = {}

    def dates(folder: Path) -> dict:
        if folder not in found:
            settings = load_settings(tmp_path_factory.mktemp("whole"))
            articles = [build_article(path.name, path.read_bytes(), settings) for path in _pages(folder)]
            found[folder] = {article.source_file: article.published for article in infer_publication_dates(articles)}
        return found[folder]

    return dates


@pytest.mark.parametrize(
    "folder, page",
    [
        (BUNDLED, UNDATED_NHK),  # "last June" + the treaty another page dates: a year-wide interval
        (BUNDLED, "001_3fe3a61bf119b289.txt"),  # "nearly four years ago" + the start of the war
        (COVERAGE_DEV / "russia-dprk", "a05.txt"),
        (COVERAGE_DEV / "russia-dprk", "a13.txt"),  # dated to a week
        (COVERAGE_DEV / "japan-rice", "c05.txt"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_an_added_undated_page_gets_the_date_the_whole_inference_gives_it(store_backend, tmp_path, whole_dates, folder, page):
    settings, store = _stored_without(folder, {page}, store_backend, tmp_path)
    before = _shown(store)
    _add(folder, page, settings, store)
    assert store.inferred_dates_fingerprint() != store.fingerprint()
    assert update_inferred_dates(store) is True
    assert store.inferred_dates_fingerprint() == store.fingerprint()
    shown = _shown(store)
    expected = whole_dates(folder)[page]
    assert not expected.stated and expected.precision != "unknown"  # a page the collection dates
    assert shown[page] == expected  # the interval, precision and the clue naming the anchor page
    assert {name: date for name, date in shown.items() if name != page} == before  # the others keep theirs


def test_the_next_addition_is_dated_by_a_page_added_before_it(store_backend, tmp_path, whole_dates):
    # Neither the treaty's page nor the page it dates is in the base: the first addition brings the
    # anchor, the second is dated by it through the evidence the first one kept.
    settings, store = _stored_without(BUNDLED, {UNDATED_NHK, TREATY_ANCHOR}, store_backend, tmp_path)
    _add(BUNDLED, TREATY_ANCHOR, settings, store)
    assert update_inferred_dates(store) is True
    _add(BUNDLED, UNDATED_NHK, settings, store)
    assert update_inferred_dates(store) is True
    shown = _shown(store)
    assert shown[UNDATED_NHK] == whole_dates(BUNDLED)[UNDATED_NHK]
    assert TREATY_ANCHOR in shown[UNDATED_NHK].clue and "19 Jun 2024" in shown[UNDATED_NHK].clue


def test_an_earlier_undated_page_is_not_dated_again_until_the_next_whole_inference(store_backend, tmp_path, whole_dates):
    # Without the treaty's page the NHK page has no anchor; adding the treaty's page could date it,
    # but only the added page is dated: the NHK page stays unknown until the next whole inference.
    settings, store = _stored_without(BUNDLED, {TREATY_ANCHOR}, store_backend, tmp_path)
    assert _shown(store)[UNDATED_NHK].precision == "unknown"
    _add(BUNDLED, TREATY_ANCHOR, settings, store)
    assert update_inferred_dates(store) is True
    assert _shown(store)[UNDATED_NHK].precision == "unknown"
    # The corpus loaded now has the stored dates, so a view built whole from it agrees with the catalogue.
    loaded = {article.source_file: article.published for article in load_corpus(settings, sync=False).articles}
    assert loaded == _shown(store)
    store.put_inferred_dates("stale", {})  # what an edit of the articles leaves: dates of another set
    load_corpus(settings, sync=False)  # the whole inference
    assert _shown(store)[UNDATED_NHK] == whole_dates(BUNDLED)[UNDATED_NHK]


def test_dates_already_current_need_no_update(store_backend, tmp_path):
    _settings, store = _stored_without(BUNDLED, set(), store_backend, tmp_path)
    assert update_inferred_dates(store) is True


@pytest.fixture
def extendable(store_backend, tmp_path):
    """The bundled story but the NHK page, dates inferred whole; (settings, store)."""
    return _stored_without(BUNDLED, {UNDATED_NHK}, store_backend, tmp_path)


def _clone(article, index: int):
    body = article.body + f"\n\nReference number {index}."
    return replace(article, article_id=f"clone-{index:04d}-{article.article_id[:40]}", source_file=f"clone-{index:04d}.txt", body=body)


def test_a_removed_article_falls_back_to_the_whole_inference(extendable):
    settings, store = extendable
    _add(BUNDLED, UNDATED_NHK, settings, store)
    store.remove_article(store.articles()[-1].article_id)
    assert update_inferred_dates(store) is False


def test_an_article_put_again_falls_back(extendable):
    _settings, store = extendable
    again = store.article(store.catalogue(limit=1)[0].article_id)
    store.put_article(replace(again, title="Edited title"), "bundled", f"articles/{again.source_file}", "p2", [])
    assert update_inferred_dates(store) is False


def test_more_added_articles_than_the_limit_fall_back(extendable):
    _settings, store = extendable
    model = store.articles()[0]
    limit = added_limit(store.count())
    for index in range(limit):
        store.put_article(_clone(model, index), "upload", f"uploads/clone-{index}.txt", "p1", [])
    assert update_inferred_dates(store) is True  # exactly the limit still extends
    store.put_article(_clone(model, limit), "upload", f"uploads/clone-{limit}.txt", "p1", [])
    assert update_inferred_dates(store) is False  # counted since the whole inference, not since the last update


def test_dates_inferred_whole_since_without_evidence_fall_back(extendable):
    settings, store = extendable
    model = store.articles()[0]
    store.put_article(_clone(model, 1), "upload", "uploads/clone-1.txt", "p1", [])
    store.put_inferred_dates(store.fingerprint(), {})  # a whole inference (other code) that kept no evidence
    _add(BUNDLED, UNDATED_NHK, settings, store)
    assert update_inferred_dates(store) is False


def test_without_a_whole_inference_there_is_nothing_to_extend(store_backend, tmp_path):
    settings = store_backend(tmp_path)
    store = open_store(settings)
    (tmp_path / "articles").mkdir()
    _add(BUNDLED, UNDATED_NHK, settings, store)
    assert update_inferred_dates(store) is False


def _damage(store, name: str, key: str, edit) -> None:
    payload = store.get_cache(name, key)
    store.put_cache(name, key, edit(payload))


@pytest.mark.parametrize(
    "name, edit",
    [
        (EVIDENCE_CACHE, lambda payload: {**payload, "version": "other code"}),
        (EVIDENCE_CACHE, lambda payload: {**payload, "postings": payload["postings"][:-8]}),  # a column cut short
        (EVIDENCE_CACHE, lambda payload: {**payload, "anchor_start": "not base64!"}),
        (EVIDENCE_CACHE, lambda payload: {key: value for key, value in payload.items() if key != "names"}),
        (ADDED_CACHE, lambda payload: {**payload, "base": "another base"}),
        (ADDED_CACHE, lambda payload: {**payload, "anchors": [["only", "three", "fields"]]}),
        (f"{CLUE_CACHE}/0", lambda payload: "not a list of clues"),
    ],
    ids=["other-version", "short-column", "not-base64", "missing-key", "other-base", "bad-anchor", "clues"],
)
def test_damaged_kept_evidence_falls_back_logged_never_raised(extendable, caplog, name, edit):
    settings, store = extendable
    key = store.inferred_dates_base()
    _damage(store, name, key, edit)
    _add(BUNDLED, UNDATED_NHK, settings, store)
    with caplog.at_level(logging.WARNING, logger="lib.ingest.corpus"):
        assert update_inferred_dates(store) is False
    assert "inferred dates not extended" in caplog.text
    assert store.inferred_dates_fingerprint() != store.fingerprint()  # nothing half-written


def test_kept_evidence_whose_text_does_not_match_its_hash_is_not_read(extendable):
    settings, store = extendable
    if isinstance(store, PostgresStore):
        statement = f"UPDATE {store.schema}.cache SET payload = payload || ' ' WHERE name = %s"
    else:
        statement = "UPDATE cache SET payload = payload || ' ' WHERE name = ?"
    with store.transaction() as connection:
        connection.execute(statement, (EVIDENCE_CACHE,))
    _add(BUNDLED, UNDATED_NHK, settings, store)
    assert update_inferred_dates(store) is False


def test_an_added_article_whose_record_cannot_be_read_falls_back(extendable, caplog):
    settings, store = extendable
    _add(BUNDLED, UNDATED_NHK, settings, store)
    added = store.changes_since(store.get_cache(ADDED_CACHE, store.inferred_dates_fingerprint())["sequence"]).added
    if isinstance(store, PostgresStore):
        statement = f"UPDATE {store.schema}.articles SET record = %s WHERE article_id = %s"
    else:
        statement = "UPDATE articles SET record = ? WHERE article_id = ?"
    with store.transaction() as connection:
        connection.execute(statement, ("{not a record", added[0]))
    with caplog.at_level(logging.WARNING, logger="lib.ingest.corpus"):
        assert update_inferred_dates(store) is False
    assert "inferred dates not extended" in caplog.text
