"""Opening a large SQLite store checks every table but the stored views' rows (derived data, most of a
large file): a healthy store opens with its views, a damaged file is still moved aside."""

from __future__ import annotations

import pytest

import lib.core.store as store_module
from lib.core.store import Store
from lib.events.build import EVENTS_VIEW, StoredEvents, event_view_rows
from tests.views.test_view_rows import synthetic_events


@pytest.fixture
def large(monkeypatch):
    """Every store counts as large (past the size of the full integrity check), and is checked again."""
    monkeypatch.setattr(store_module, "_FULL_CHECK_MAX_BYTES", 0)
    store_module._CHECKED.clear()
    yield
    store_module._CHECKED.clear()


def test_a_large_store_opens_with_its_views_after_the_quick_checks(tmp_path, large):
    store = Store(tmp_path, tmp_path / ".storylens")
    events = synthetic_events(60)
    store.put_view(EVENTS_VIEW, "key", None, event_view_rows(events, {}))
    store.close()
    store_module._CHECKED.clear()
    reopened = Store(tmp_path, tmp_path / ".storylens")
    assert reopened.recovered_from is None
    assert StoredEvents(reopened, "key").all() == events


def test_a_damaged_large_store_is_still_moved_aside(tmp_path, large):
    store = Store(tmp_path, tmp_path / ".storylens")
    store.put_view(EVENTS_VIEW, "key", None, event_view_rows(synthetic_events(60), {}))
    store.close()
    store_module._CHECKED.clear()
    (tmp_path / ".storylens" / "store.sqlite").write_bytes(b"this is not a database\n" * 400)
    reopened = Store(tmp_path, tmp_path / ".storylens")
    assert reopened.recovered_from is not None and reopened.view_key(EVENTS_VIEW) is None


def test_a_large_store_opens_with_its_sentence_vectors_after_the_quick_checks(tmp_path, large):
    import numpy as np

    store = Store(tmp_path, tmp_path / ".storylens")
    vectors = np.random.default_rng(7).standard_normal((12, 384)).astype(np.float32)
    store.put_embeddings("model-x", "article-1", vectors)
    store.close()
    store_module._CHECKED.clear()
    reopened = Store(tmp_path, tmp_path / ".storylens")  # the vectors' table is left out of the open check
    assert reopened.recovered_from is None
    assert np.array_equal(reopened.get_embeddings("model-x", "article-1"), vectors)
