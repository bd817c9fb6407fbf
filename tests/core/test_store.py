"""The on-disk store: atomic writes, hash-checked caches, set fingerprint, errors a user can act on."""

from __future__ import annotations

import os
import sqlite3
import threading

import numpy as np
import pytest

from lib.core.errors import StoreError
from lib.core.settings import load_settings
from lib.core.store import Store, atomic_write_bytes, is_corruption
from lib.ingest.corpus import open_store
from lib.ingest.pipeline import ingest_bytes
from tests.support.synthetic import synthetic_article


@pytest.fixture
def filled(tmp_path):
    settings = load_settings(tmp_path)
    store = open_store(settings)
    reports = [ingest_bytes(store, settings, f"s-{index}.txt", synthetic_article(index)) for index in range(3)]
    assert [report.status for report in reports] == ["added"] * 3
    return settings, store


def test_fingerprint_depends_on_the_set_of_articles_not_the_order_they_came_in(tmp_path):
    settings_a, settings_b = load_settings(tmp_path / "a"), load_settings(tmp_path / "b")
    store_a, store_b = open_store(settings_a), open_store(settings_b)
    empty = store_a.fingerprint()
    for index in (1, 2, 3):
        ingest_bytes(store_a, settings_a, f"f-{index}.txt", synthetic_article(index))
    for index in (3, 1, 2):
        ingest_bytes(store_b, settings_b, f"f-{index}.txt", synthetic_article(index))
    assert store_a.fingerprint() == store_b.fingerprint() != empty


def test_fingerprint_changes_on_remove_and_returns_when_re_added(filled):
    settings, store = filled
    before = store.fingerprint()
    article = store.articles()[0]
    store.remove_article(article.article_id)
    assert store.fingerprint() != before
    ingest_bytes(store, settings, "again.txt", synthetic_article(0))
    assert store.fingerprint() == before


def test_fingerprint_survives_a_rebuilt_database(filled):
    settings, store = filled
    before = store.fingerprint()
    with store.transaction() as connection:
        connection.execute("DELETE FROM meta")  # as a database written by an older version
    assert Store(settings.data_dir, settings.store_dir).fingerprint() == before


def test_failed_transaction_leaves_nothing_behind(filled):
    _settings, store = filled
    count = store.count()
    with pytest.raises(RuntimeError):
        with store.transaction() as connection:
            connection.execute("DELETE FROM articles")
            raise RuntimeError("crash in the middle of a write")
    assert store.count() == count


def test_nested_transaction_rolls_back_only_its_part(filled):
    _settings, store = filled
    ids = [article.article_id for article in store.articles()]
    with store.transaction() as connection:
        connection.execute("DELETE FROM articles WHERE article_id = ?", (ids[0],))
        with pytest.raises(RuntimeError):
            with store.transaction() as inner:
                inner.execute("DELETE FROM articles WHERE article_id = ?", (ids[1],))
                raise RuntimeError("inner failure")
    assert sorted(article.article_id for article in store.articles()) == sorted(ids[1:])


@pytest.mark.parametrize(
    "name",
    ["../../escape.txt", "a/b\\c.txt", "/abs/path.txt", "..", "x" * 400 + ".txt", "nul\x00.txt"],
)
def test_upload_lands_in_its_hash_folder_whatever_the_name(tmp_path, name):
    store = Store(tmp_path, tmp_path / ".storylens")
    relative = store.save_upload(name, b"article bytes")
    path = (tmp_path / relative).resolve()
    assert path.parent.parent == store.uploads_dir.resolve()
    assert path.read_bytes() == b"article bytes"
    assert len(path.name.encode()) <= 255


def test_atomic_write_leaves_no_temp_file_and_replaces_whole(tmp_path):
    target = tmp_path / "raw.txt"
    atomic_write_bytes(target, b"old")
    atomic_write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [path.name for path in tmp_path.iterdir()] == ["raw.txt"]


@pytest.mark.parametrize("damage", ["flip", "truncate", "wrong-dimension", "nan"])
def test_damaged_embedding_entry_reads_as_missing(filled, damage):
    _settings, store = filled
    article = store.articles()[0]
    vectors = np.random.default_rng(1).standard_normal((len(article.sentences), 8)).astype(np.float32)
    store.put_embeddings("model-x", article.article_id, vectors)
    np.testing.assert_array_equal(store.get_embeddings("model-x", article.article_id), vectors)
    with store.transaction() as connection:
        blob = bytearray(connection.execute("SELECT vectors FROM embeddings").fetchone()[0])
        if damage == "flip":
            blob[3] ^= 0x40
            connection.execute("UPDATE embeddings SET vectors = ?", (bytes(blob),))
        elif damage == "truncate":
            connection.execute("UPDATE embeddings SET vectors = ?", (bytes(blob[:-2]),))
        elif damage == "wrong-dimension":
            connection.execute("UPDATE embeddings SET dim = 7")
        else:
            nan = np.full_like(vectors, np.nan).tobytes()
            connection.execute("UPDATE embeddings SET vectors = ?, sha256 = ?", (nan, __import__("hashlib").sha256(nan).hexdigest()))
    assert store.get_embeddings("model-x", article.article_id) is None


def test_cache_is_keyed_by_fingerprint(filled):
    _settings, store = filled
    store.put_cache("claims", "fp-a", {"claims": [1, 2]})
    assert store.get_cache("claims", "fp-a") == {"claims": [1, 2]}
    assert store.get_cache("claims", "fp-b") is None


def test_read_only_database_gives_a_clear_message(filled):
    _settings, store = filled
    store._connection().execute("PRAGMA query_only=ON")  # what a read-only file or mount looks like to SQLite
    with pytest.raises(StoreError, match="cannot write"):
        store.put_cache("x", "y", {})
    store.close()
    store.put_cache("x", "y", {})  # a fresh connection writes again


def test_busy_database_is_reported_as_busy_not_as_damage(tmp_path):
    store = Store(tmp_path, tmp_path / ".storylens")
    blocker = sqlite3.connect(store.db_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        quick = Store(tmp_path, tmp_path / ".storylens")
        quick._local.connection = None
        connection = quick._new_connection()
        connection.execute("PRAGMA busy_timeout=50")
        quick._local.connection, quick._local.pid, quick._local.depth = connection, os.getpid(), 0
        with pytest.raises(StoreError, match="busy"):
            with quick.transaction() as write:
                write.execute("INSERT INTO meta VALUES ('k', 'v')")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert not list((tmp_path / ".storylens").glob("*.corrupt-*"))


@pytest.mark.parametrize(
    "error, damaged",
    [
        (sqlite3.DatabaseError("file is not a database"), True),
        (sqlite3.DatabaseError("database disk image is malformed"), True),
        (sqlite3.OperationalError("database is locked"), False),
        (sqlite3.OperationalError("database or disk is full"), False),
    ],
)
def test_only_real_damage_counts_as_corruption(error, damaged):
    assert is_corruption(error) is damaged


def test_each_thread_gets_its_own_connection(filled):
    _settings, store = filled
    seen = []
    barrier = threading.Barrier(3)

    def read():
        seen.append(id(store._connection()))
        store.count()
        barrier.wait()  # all alive at once, so no id is reused

    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 3


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM lsh WHERE article_id = 'x'",
        "SELECT DISTINCT article_id FROM lsh WHERE band IN ('a', 'b')",
        "DELETE FROM embeddings WHERE article_id = 'x'",
        "SELECT article_id, pipeline FROM articles WHERE raw_sha256 = 'x'",
        "SELECT record FROM articles WHERE article_id = 'x'",
        "SELECT value FROM meta WHERE key = 'articles_xor'",
    ],
)
def test_per_ingest_statements_use_an_index_not_a_table_scan(filled, statement):
    # A full scan here makes each ingest O(collection) and filling a store O(n^2):
    # bench/scale.py measured 44 s to bulk-fill 10k articles before lsh(article_id) had an index.
    _settings, store = filled
    with store.reading() as connection:
        plan = " ".join(row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + statement))
    assert "USING" in plan and not plan.startswith("SCAN"), plan


def test_opening_while_another_writer_holds_the_lock_too_long_says_busy(tmp_path, monkeypatch):
    from filelock import FileLock

    store_dir = tmp_path / ".storylens"
    store_dir.mkdir()
    held = FileLock(str(store_dir / "write.lock"))
    held.acquire()
    try:
        monkeypatch.setattr(Store, "lock_timeout_s", 0.2)
        with pytest.raises(StoreError, match="busy"):
            Store(tmp_path, store_dir)
    finally:
        held.release()
    Store(tmp_path, store_dir)  # and it opens once the other writer is done


def test_a_store_folder_where_the_lock_cannot_be_made_is_a_clear_error(tmp_path):
    store_dir = tmp_path / ".storylens"
    (store_dir / "write.lock").mkdir(parents=True)  # a folder where the lock file should be
    with pytest.raises(StoreError, match="cannot write to"):
        Store(tmp_path, store_dir)


def test_a_derived_view_is_left_unkept_not_waited_for_while_another_writer_holds_the_store(filled):
    from lib.core.store import keep_derived

    _settings, store = filled
    other_writer = sqlite3.connect(store.db_path, isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")  # an ingest in another process, mid-write
    try:
        assert keep_derived(store, "events", "fp-a", {"events": []}) is False  # after about a second, not a minute
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()
    assert store.get_cache("events", "fp-a") is None
    assert keep_derived(store, "events", "fp-a", {"events": []}) is True
    assert store.get_cache("events", "fp-a") == {"events": []}
    with pytest.raises(StoreError, match="busy"):  # put_cache itself says "busy" past its wait
        blocker = sqlite3.connect(store.db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            store.put_cache("x", "y", {}, wait_s=0.05)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
