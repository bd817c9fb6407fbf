"""A damaged article record in the store is said, with the way to rebuild, never a traceback."""

from __future__ import annotations

import shutil

import pytest

from lib.core.errors import StoreError
from lib.core.settings import REPO_ROOT
from lib.ingest.corpus import open_synced
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)
from tests.views.test_stored_views import _cli, own_tables


def test_a_damaged_record_is_said_with_the_way_to_rebuild(store_backend, tmp_path):
    shutil.copytree(REPO_ROOT / "data" / "articles", tmp_path / "articles")
    settings = store_backend(tmp_path)
    store = open_synced(settings).store
    damaged = store.catalogue(limit=1)[0].article_id
    with own_tables(store) as execute:
        execute("UPDATE articles SET record = ? WHERE article_id = ?", ('{"title": "half a record"', damaged))
    with pytest.raises(StoreError, match="cannot be read .* delete .storylens/store.sqlite"):
        store.article(damaged)
    listed = _cli(settings, "events", "--json")  # builds the timeline: every record is read
    assert listed.returncode != 0
    assert "An article record in the collection database cannot be read" in listed.stderr
    assert "Traceback" not in listed.stderr
