"""Stored views as rows: the Timeline's queries (counts, the chart's events, keyset pages, filters in
SQL) answer what the same queries over the events in memory answer; a view is replaced whole, a
reader never sees half of one; a store written before views were rows still opens.

Every test taking `store_backend` runs on SQLite and on a real PostgreSQL server (tests/support/postgres.py).
"""

from __future__ import annotations

import random

import pytest

from lib.core.models import Event, PublishedDate, SourceRef
from lib.core.store import DamagedViewError, view_row_key
from lib.events.build import EVENTS_VIEW, EventFilter, EventsInMemory, StoredEvents, event_view_rows
from lib.ingest.corpus import open_store
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)

OUTLETS = ("Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet 'E' % _x")  # quotes, % and _ are data, not SQL


def synthetic_events(count: int, seed: int = 3) -> list[Event]:
    """Events with 1-6 sources from a few outlets, in date order (as a build lists them)."""
    rng = random.Random(seed)
    events = []
    for number in range(count):
        day = f"2024-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        wide = rng.random() < 0.2
        first, last = (day[:8] + "01", day[:8] + "28") if wide else (day, day)
        sources = tuple(
            SourceRef(f"f{n}.txt", f"a{n}", f"Quote {number}-{position}.", position, rng.choice(OUTLETS), f"Title {n}",
                      PublishedDate(day, "day", True, "printed"))
            for position, n in enumerate(rng.sample(range(40), 1 + rng.randrange(6)))
        )
        events.append(Event(f"e{number:04d}", first, last, "month" if wide else "day", "on Monday",
                            f"Event {number}", sources, is_context=rng.random() < 0.1))
    return sorted(events, key=lambda event: (event.start, event.event_id))


def stored(store, events: list[Event], key: str = "key-1") -> StoredEvents:
    store.put_view(EVENTS_VIEW, key, None, event_view_rows(events, {f"a{n}": "en" for n in range(40)}))
    return StoredEvents(store, key)


FILTERS = [
    EventFilter(),
    EventFilter(include_context=False),
    EventFilter(date_from="2024-03-01", date_to="2024-06-30"),
    EventFilter(outlets=("Outlet B",)),
    EventFilter(outlets=("Outlet A", "Outlet 'E' % _x"), date_from="2024-05-01", include_context=False),
    EventFilter(min_sources=3),
    EventFilter(outlets=("Outlet C",), min_sources=2),
    EventFilter(outlets=("No such outlet",)),
]


@pytest.mark.parametrize("wanted", FILTERS, ids=repr)
def test_stored_events_answer_as_the_events_in_memory(store_backend, tmp_path, wanted):
    events = synthetic_events(400)
    rows, memory = stored(open_store(store_backend(tmp_path)), events), EventsInMemory(events)
    assert rows.totals() == memory.totals()
    assert rows.count(wanted) == memory.count(wanted)
    linked = events[7].event_id
    assert rows.charted(wanted, 30, keep_id=linked) == memory.charted(wanted, 30, keep_id=linked)
    assert rows.all(wanted) == memory.all(wanted)
    # keyset pages of 25 walk the same list, forward and back
    after, walked = None, []
    while True:
        page, expected = rows.page(wanted, after=after, limit=25), memory.page(wanted, after=after, limit=25)
        assert page == expected
        walked += page.events
        if not page.more:
            break
        after = page.positions[-1]
    assert walked == memory.all(wanted)
    if len(walked) > 25:
        back = rows.page(wanted, before=page.positions[0], limit=25)
        assert back == memory.page(wanted, before=page.positions[0], limit=25)


def test_with_an_outlet_filter_the_chart_ranks_events_by_that_outlets_sources(store_backend, tmp_path):
    events = synthetic_events(300)
    rows = stored(open_store(store_backend(tmp_path)), events)
    charted = rows.charted(EventFilter(outlets=("Outlet D",)), 10)
    assert len(charted) == 10 and all({source.outlet for source in event.sources} == {"Outlet D"} for event in charted)
    most = max(sum(source.outlet == "Outlet D" for source in event.sources) for event in events)
    assert max(len(event.sources) for event in charted) == most


def test_an_event_is_found_by_id_and_an_unknown_id_is_none(store_backend, tmp_path):
    events = synthetic_events(50)
    rows = stored(open_store(store_backend(tmp_path)), events)
    assert rows.event(events[20].event_id) == events[20]
    assert rows.event("no-such-event") is None


def test_a_damaged_event_row_raises_a_damaged_view_error_with_a_plain_message(store_backend, tmp_path):
    store = open_store(store_backend(tmp_path))
    rows = stored(store, synthetic_events(50))
    with _own_tables(store) as execute:
        execute("UPDATE view_event_payloads SET payload = ? WHERE seq = 3", ('{"event_id": "e"}',))
    with pytest.raises(DamagedViewError, match="could not be read back"):
        rows.page(EventFilter(), limit=10)
    assert rows.page(EventFilter(), after=3, limit=10).events  # the other rows still read


def test_a_new_view_replaces_the_old_one_whole_and_its_rows_go(store_backend, tmp_path):
    store = open_store(store_backend(tmp_path))
    stored(store, synthetic_events(80), key="old")
    newer = stored(store, synthetic_events(30, seed=9), key="new")
    assert store.view_key(EVENTS_VIEW) == "new"
    assert newer.all() == synthetic_events(30, seed=9)
    assert StoredEvents(store, "old").totals() == (0, 0)  # no row of the old view is left
    store.drop_view(EVENTS_VIEW)
    assert store.view_key(EVENTS_VIEW) is None and newer.totals() == (0, 0)


def test_a_view_being_written_is_never_read_half_written(store_backend, tmp_path):
    """While another connection has written part of a new view (not committed), readers see the old
    view whole: its key and every one of its rows."""
    store = open_store(store_backend(tmp_path))
    old_events = synthetic_events(120)
    stored(store, old_events, key="old")
    with _other_connection(store) as execute:
        execute("DELETE FROM view_event_payloads WHERE view_key = ?", (view_row_key("old"),))
        execute("DELETE FROM view_events WHERE view_key = ? AND seq < 60", (view_row_key("old"),))
        execute("UPDATE view_sets SET view_key = 'half' WHERE name = ?", (EVENTS_VIEW,))
        assert store.view_key(EVENTS_VIEW) == "old"
        assert StoredEvents(store, "old").all() == old_events
    assert StoredEvents(store, "old").all() == old_events  # rolled back: nothing of it was ever seen


def test_a_store_written_before_views_were_rows_opens_and_drops_its_whole_views(store_backend, tmp_path):
    settings = store_backend(tmp_path)
    store = open_store(settings)
    store.put_cache("events", "some-key", [{"event_id": "e1"}])
    store.put_cache("claims-view:a-model", "some-key", {"topics": []})
    store.put_cache("claims:a-model", "some-key", {"assignments": []})  # the claim assignment stays
    with _own_tables(store) as execute:  # as the older code left it
        for table in ("view_claims", "view_topics", "view_event_payloads", "view_events", "view_sets"):
            execute(f"DROP TABLE {table}")
        execute("DELETE FROM meta WHERE key = 'view_rows_version'")
        execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    _forget_opened()
    reopened = open_store(settings)
    assert reopened.view_key(EVENTS_VIEW) is None
    assert reopened.get_cache("events", "some-key") is None
    assert reopened.get_cache("claims-view:a-model", "some-key") is None
    assert reopened.get_cache("claims:a-model", "some-key") == {"assignments": []}
    assert stored(reopened, synthetic_events(10)).totals()[0] == 10


# -- helpers ----------------------------------------------------------------------------------------
from contextlib import contextmanager  # noqa: E402


@contextmanager
def _own_tables(store):
    """A committed transaction on the store's own tables in SQLite's dialect ('?' placeholders)."""
    with store.transaction() as connection:
        if getattr(store, "schema", None):
            connection.execute(f"SET LOCAL search_path TO {store.schema}")
            yield lambda statement, params=(): connection.execute(statement.replace("?", "%s"), params)
        else:
            yield lambda statement, params=(): connection.execute(statement, params)


@contextmanager
def _other_connection(store):
    """A transaction on a connection of its own (another process, as far as the store can tell),
    rolled back at the end."""
    if getattr(store, "schema", None):
        import psycopg

        with psycopg.connect(store._url) as connection:
            connection.execute(f"SET search_path TO {store.schema}")
            yield lambda statement, params=(): connection.execute(statement.replace("?", "%s"), params)
            connection.rollback()
    else:
        import sqlite3

        connection = sqlite3.connect(store.db_path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield lambda statement, params=(): connection.execute(statement, params)
        finally:
            connection.execute("ROLLBACK")
            connection.close()


def _forget_opened() -> None:
    """Make the next open_store check and prepare its store again, as a new process would."""
    import lib.core.store as sqlite_store
    import lib.core.store_postgres as postgres_store

    sqlite_store._CHECKED.clear()
    postgres_store._PREPARED.clear()
