"""A store file unchanged since its last passing check is not read whole again at open; any change
to it (a write, damage in place, a replaced file) is checked again, and damage is still moved aside."""

from __future__ import annotations

import os
import sqlite3

import pytest

import lib.core.store as store_module
from lib.core.store import Store


@pytest.fixture
def fresh_process():
    """Each `Store()` below opens as a new process would (this process's own record of checks cleared)."""
    store_module._CHECKED.clear()
    yield lambda: store_module._CHECKED.clear()
    store_module._CHECKED.clear()


def _store_with_rows(tmp_path) -> Store:
    store = Store(tmp_path, tmp_path / ".storylens")
    for number in range(40):
        store.put_cache(f"entry-{number}", "fp", {"text": "x" * 2000})
    store.close()
    return store


def _age(store: Store, seconds: float = 30) -> None:
    """Set the file's times back, as for a file last written a while ago (the marker's racy margin)."""
    for path in (store.db_path, store.db_path.with_name("store.sqlite-wal")):
        if path.exists():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - int(seconds * 1e9)))


def test_an_unchanged_file_is_not_checked_again_at_open(tmp_path, fresh_process):
    store = _store_with_rows(tmp_path)
    _age(store)
    fresh_process()
    assert Store(tmp_path, tmp_path / ".storylens").open_check == "integrity"
    fresh_process()
    reopened = Store(tmp_path, tmp_path / ".storylens")
    assert reopened.open_check == "unchanged" and reopened.recovered_from is None
    assert reopened.get_cache("entry-7", "fp") == {"text": "x" * 2000}


def test_a_file_written_since_its_check_is_checked_again(tmp_path, fresh_process):
    store = _store_with_rows(tmp_path)
    _age(store)
    fresh_process()
    Store(tmp_path, tmp_path / ".storylens").close()
    with sqlite3.connect(store.db_path) as connection:  # another program writes
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('note', 'written elsewhere')")
    fresh_process()
    assert Store(tmp_path, tmp_path / ".storylens").open_check == "integrity"


def test_a_marker_written_in_the_tick_of_a_change_is_not_trusted(tmp_path, fresh_process):
    _store_with_rows(tmp_path)  # written just now: its check's marker could not tell a change in the same tick
    fresh_process()
    assert Store(tmp_path, tmp_path / ".storylens").open_check == "integrity"
    fresh_process()
    assert Store(tmp_path, tmp_path / ".storylens").open_check == "integrity"


@pytest.mark.parametrize("how", ["pages-overwritten", "replaced-by-text"])
def test_damage_after_a_passing_check_is_still_found_and_moved_aside(tmp_path, fresh_process, how):
    store = _store_with_rows(tmp_path)
    with sqlite3.connect(store.db_path) as connection:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'cache'").fetchone()[0]
    _age(store)
    fresh_process()
    Store(tmp_path, tmp_path / ".storylens").close()
    size = store.db_path.stat().st_size
    if how == "pages-overwritten":  # same size, same inode: only the time says it changed
        with open(store.db_path, "r+b") as handle:  # the cache table's page header: opening never reads it
            handle.seek((root - 1) * 4096)
            handle.write(b"\xa5" * 64)
        assert store.db_path.stat().st_size == size
    else:
        store.db_path.write_bytes(b"this is not a database\n" * 400)
    fresh_process()
    reopened = Store(tmp_path, tmp_path / ".storylens")
    assert reopened.recovered_from is not None
    assert reopened.get_cache("entry-7", "fp") is None  # a new, empty store (refilled by the next sync)


def test_damage_found_while_reading_drops_the_marker(tmp_path, fresh_process):
    store = _store_with_rows(tmp_path)
    _age(store)
    fresh_process()
    opened = Store(tmp_path, tmp_path / ".storylens")
    assert opened.check_marker.exists()
    opened._failed(sqlite3.DatabaseError("database disk image is malformed"))
    assert not opened.check_marker.exists()
