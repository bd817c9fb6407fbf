"""What the Articles page reads ahead when it opens, so the first page pasted is added as quickly as the
next (`lib.present.extend.warm_for_additions`, started by `lib.ui.loaders.read_ahead_for_additions`)."""

from __future__ import annotations

import shutil
import threading

import pytest

from lib.claims.build import build_claims
from lib.claims.grouping import CLAIMSET_VIEW, StoredClaims, stored_claims_view
from lib.claims.incremental import _KEPT, KEPT_CLAIMS_MAX, keep_rows_for_additions
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus, open_store
from lib.ingest.inferred_dates_state import _LAST_BASE, _store_identity
from lib.present.extend import warm_for_additions
from tests.views.test_stored_views import _app_on

pytestmark = pytest.mark.slow

BUNDLED = REPO_ROOT / "data" / "articles"


@pytest.fixture
def collection(tmp_path, embedder):
    """Settings of a copy of the bundled story with its Compare view built and stored."""
    shutil.copytree(BUNDLED, tmp_path / "articles")
    settings = load_settings(tmp_path)
    build_claims(load_corpus(settings), embedder)
    return settings


def _stored_rows(store, settings, embedder) -> tuple[str, str, dict]:
    view = stored_claims_view(store, settings, embedder.model_id)
    assert view is not None
    topics = StoredClaims(store, view.name, view.key).topics([header.topic.topic_id for header in view.headers()])
    return view.name, view.key, {topic.topic_id: topic.claims for topic in topics}


def test_reading_ahead_keeps_every_row_of_the_stored_compare_view(collection, embedder):
    store = open_store(collection)
    name, key, stored = _stored_rows(store, collection, embedder)
    _LAST_BASE.clear()
    seconds = warm_for_additions(store, embedder, collection)
    assert set(seconds) == {"imports", "language", "reading", "embedder", "dates", "compare"}
    assert stored and _KEPT.claims(store, name, key) == stored
    # The evidence the dates are extended against is read too (once per process and whole inference).
    assert (_store_identity(store), store.inferred_dates_base()) in _LAST_BASE
    # Another store of the same contents (same view key) keeps its own rows: none are read for it yet.
    other = open_store(load_settings(collection.data_dir.parent / "elsewhere"))
    assert _KEPT.claims(other, name, key) == {}


def test_a_view_of_more_claims_than_are_kept_is_not_read_ahead(collection, embedder, monkeypatch):
    import lib.claims.incremental as incremental

    store = open_store(collection)
    name, key, stored = _stored_rows(store, collection, embedder)
    _KEPT.forget()
    monkeypatch.setattr(incremental, "KEPT_CLAIMS_MAX", sum(len(claims) for claims in stored.values()) - 1)
    assert keep_rows_for_additions(store, embedder, collection) == 0
    assert _KEPT.claims(store, name, key) == {}
    assert KEPT_CLAIMS_MAX > 100_000, "a 100k-article collection's rows are kept"


def test_no_stored_view_reads_nothing_ahead(tmp_path, embedder):
    shutil.copytree(BUNDLED, tmp_path / "articles")
    settings = load_settings(tmp_path)
    store = open_store(settings)
    assert keep_rows_for_additions(store, embedder, settings) == 0
    assert store.view_key(f"{CLAIMSET_VIEW}:{embedder.model_id}") is None, "reading ahead builds nothing"


def test_opening_the_articles_page_reads_ahead_in_the_background(collection, embedder, monkeypatch):
    store = open_store(collection)
    name, key, stored = _stored_rows(store, collection, embedder)
    _KEPT.forget()
    page = _app_on(collection, monkeypatch)
    page.run()
    page.switch_page("pages/articles.py")
    page.run()
    assert not page.exception, page.exception
    for thread in threading.enumerate():
        if thread.name == "storylens-read-ahead":
            thread.join(timeout=120)
    assert _KEPT.claims(store, name, key) == stored


def test_what_is_kept_leaves_the_collectors_reach_only_for_a_large_collection(collection, embedder, monkeypatch):
    import gc

    import lib.present.extend as extend
    from lib.claims.incremental import kept_claims

    store = open_store(collection)
    gc.unfreeze()
    try:
        warm_for_additions(store, embedder, collection)
        assert 0 < kept_claims() < extend.FREEZE_FROM_KEPT_CLAIMS
        assert gc.get_freeze_count() == 0, "a small collection's records stay with the collector"
        monkeypatch.setattr(extend, "FREEZE_FROM_KEPT_CLAIMS", kept_claims())
        warm_for_additions(store, embedder, collection)
        assert gc.get_freeze_count() > 0, "past the threshold, what is kept is frozen"
    finally:
        gc.unfreeze()


def test_the_names_a_row_is_labelled_by_are_read_ahead_on_its_kept_figures(collection, embedder, monkeypatch):
    import lib.claims.incremental as incremental

    store = open_store(collection)
    name, key, stored = _stored_rows(store, collection, embedder)
    _KEPT.forget()
    # The bundled story's figure rows are hand seeds, labelled by their seed: here every row comparing a kind
    # is taken as one labelled by the names its sentences share, as automatic rows on other stories are.
    monkeypatch.setattr(incremental, "labelled_by_names", lambda topic: bool(topic.counted))
    keep_rows_for_additions(store, embedder, collection)
    view = stored_claims_view(store, collection, embedder.model_id)
    counted = {header.topic.topic_id: header.topic.counted for header in view.headers() if header.topic.counted}
    kept = _KEPT.claims(store, name, key)
    figures = [claim for topic_id, kind in counted.items() for claim in kept[topic_id] if claim.value is not None and claim.counted == kind]
    others = [claim for topic_id in stored if topic_id not in counted for claim in kept[topic_id]]
    assert figures and all("_names" in claim.__dict__ for claim in figures)
    assert not any("_names" in claim.__dict__ for claim in others), "rows not labelled by names are not read"
