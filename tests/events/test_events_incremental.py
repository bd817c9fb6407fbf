"""The Timeline's events view extended by added articles (`lib.events.incremental.update_events_view`).

A story built without a page, then that page added: the extended view holds the events a full rebuild
over the same articles and dates builds (bundled story, one page after another; a japan-rice page in a
language the rest of the story has no page in), read back by the Timeline's queries. Every condition of
the incremental contract falls back (False) to the full build, as does a damaged base, logged and
never raised. SQLite and PostgreSQL (`store_backend`).

What may differ from a rebuild is said in `lib.events.incremental`; on these stories only the ids
`unique_ids` derives for two events one sentence tells (their ids count the events listed before them).
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from lib.core.models import Event, PublishedDate, SourceRef
from lib.core.settings import REPO_ROOT, load_settings
from lib.core.store import (
    catalogue_pages,
    encode_payload,
    store_contents_key,
    view_row_key,
)
from lib.events.build import (
    EVENT_SEQ_GAP,
    EVENTS_VIEW,
    EventFilter,
    EventsBase,
    EventsInMemory,
    build_events,
    event_view_rows,
    events_cache_key,
    events_with_base,
    extract_events,
    stored_events,
    stored_events_view,
)
from lib.events.incremental import _added_count_allowed, update_events_view
from lib.events.merge import story_relevance
from lib.ingest.corpus import (
    load_corpus,
    open_store,
    open_synced,
    update_inferred_dates,
)
from lib.text.embed import article_vectors
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)

BUNDLED = REPO_ROOT / "data" / "articles"
COVERAGE_DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
ADDED_FIRST = "004_8ccb0b7b50ae83bd.txt"
# The NHK page prints no date (the whole inference dates it by the treaty report 002): added, it joins
# the report's event of 19 June.
ADDED_SECOND = "000_23855ce6f6a14ab7.txt"


def _folder_without(folder: Path, source: Path, *held: str) -> Path:
    (folder / "articles").mkdir(parents=True)
    for path in sorted(source.glob("*.txt")):
        if path.name not in held:
            shutil.copy(path, folder / "articles" / path.name)
    return folder


def _added(settings, source: Path, name: str):
    """The page copied into the data folder and synced, its inferred date added (as the app runs it)."""
    shutil.copy(source / name, settings.data_dir / "articles" / name)
    store = open_synced(settings).store
    assert update_inferred_dates(store)
    return store


def _rebuilt(store, embedder, settings):
    """A full build over the store's articles and dates, as the extended view should be."""
    entries = {entry.article_id: entry for page in catalogue_pages(store) for entry in page}
    articles = [replace(article, published=entries[article.article_id].published) for article in store.articles()]
    return extract_events(articles, embedder, article_vectors(store, articles, embedder), settings.story_start)


def assert_same_events(extended, rebuilt):
    """Same events (days, words, sources, order); an id differs only where `unique_ids` derived it
    (an event whose summary another event of the list also has)."""
    assert [replace(event, event_id="") for event in extended] == [replace(event, event_id="") for event in rebuilt]
    summaries = [event.summary for event in rebuilt]
    differing = [event.summary for event, other in zip(extended, rebuilt) if event.event_id != other.event_id]
    assert all(summaries.count(summary) > 1 for summary in differing), differing
    assert len({event.event_id for event in extended}) == len(extended)


@pytest.fixture(scope="module")
def bundled_base(tmp_path_factory, embedder):
    """A SQLite data folder: the bundled story without two pages, its events built (with their base)."""
    folder = _folder_without(tmp_path_factory.mktemp("events-base"), BUNDLED, ADDED_FIRST, ADDED_SECOND)
    settings = load_settings(folder)
    build_events(load_corpus(settings), embedder)
    return folder


@pytest.fixture
def base_copy(bundled_base, tmp_path):
    """A copy of the built base folder (each test changes its own)."""
    folder = tmp_path / "data"
    shutil.copytree(bundled_base, folder)
    return load_settings(folder)


def test_the_base_kept_with_the_events_scores_and_restores_as_the_build_does(corpus, embedder):
    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    built = events_with_base(corpus.articles, embedder, vectors, corpus.settings.story_start)
    assert [item.event for item in built.placed] == built.events
    # The kept centroids score every mention as the build's relevance does.
    from lib.events.mentions import find_event_mentions

    mentions = [m for article in corpus.articles for m in find_event_mentions(article, built.story.story_days)]
    expected = story_relevance(mentions, vectors, corpus.articles)
    kept = [built.story.relevance(m, vectors[m.article.article_id]) for m in mentions]
    assert kept == pytest.approx(expected, abs=1e-6)
    restored = EventsBase.from_payload(EventsBase("c", 3, None, 5, "2024-06-01", built.story).to_payload()).story
    assert restored.core == built.story.core and restored.story_days == built.story.story_days
    assert restored.relevance(mentions[0], vectors[mentions[0].article.article_id]) == pytest.approx(kept[0], abs=1e-6)


def test_the_bundled_story_extended_page_by_page_holds_the_rebuilds_events(store_backend, tmp_path, embedder):
    settings = store_backend(_folder_without(tmp_path / "data", BUNDLED, ADDED_FIRST, ADDED_SECOND))
    build_events(load_corpus(settings), embedder)
    for name in (ADDED_FIRST, ADDED_SECOND):
        store = _added(settings, BUNDLED, name)
        assert update_events_view(store, embedder, settings)
        view = stored_events_view(store, embedder.model_id)
        assert view is not None, "the view is current for the store's contents"
        extended = stored_events(store, embedder.model_id)
        rebuilt = _rebuilt(store, embedder, settings)
        assert_same_events(extended, rebuilt)
        # The Timeline's queries answer over the extended rows as over the events in memory.
        memory = EventsInMemory(extended)
        for wanted in (EventFilter(), EventFilter(include_context=False), EventFilter(min_sources=2)):
            assert view.count(wanted) == memory.count(wanted)
            assert view.charted(wanted, 3) == memory.charted(wanted, 3)
            assert list(view.page(wanted, limit=4).events) == list(memory.page(wanted, limit=4).events)
        assert view.totals() == memory.totals()
        assert view.event(extended[-1].event_id) == extended[-1]
    sources = {source.source_file for event in extended for source in event.sources}
    assert {ADDED_FIRST, ADDED_SECOND} <= sources
    # The NHK page joined an event the base held.
    assert any(len({s.source_file for s in event.sources}) > 1 and ADDED_SECOND in {s.source_file for s in event.sources}
               for event in extended)


def test_an_addition_where_the_list_has_no_room_left_spreads_it_out_and_holds_the_rebuilds_events(base_copy, embedder):
    store = open_store(base_copy)
    row_key = store.view_rows_key(EVENTS_VIEW, store.view_key(EVENTS_VIEW))
    with store.transaction() as connection:  # every stored event one position from the next, as after many additions
        for table in ("view_events", "view_event_payloads"):
            connection.execute(f"UPDATE {table} SET seq = seq / ? WHERE view_key = ?", (EVENT_SEQ_GAP, row_key))
    store = _base_and_added(base_copy)  # its events go between stored ones
    assert update_events_view(store, embedder, base_copy), "extended, not built in full"
    assert store.view_rows_key(EVENTS_VIEW, store.view_key(EVENTS_VIEW)) == row_key  # in place
    extended = stored_events(store, embedder.model_id)
    assert_same_events(extended, _rebuilt(store, embedder, base_copy))
    view = stored_events_view(store, embedder.model_id)
    assert list(view.page(EventFilter(), limit=1000).events) == list(EventsInMemory(extended).page(EventFilter(), limit=1000).events)
    positions = [row[0] for row in store.read_view("SELECT seq FROM {p}view_events WHERE view_key = ? ORDER BY seq", [row_key])]
    assert max(b - a for a, b in zip(positions, positions[1:])) > 1, "the list was spread out"


def test_a_japan_rice_page_in_a_language_new_to_the_story_extends_as_the_rebuild(tmp_path, embedder):
    source = COVERAGE_DEV / "japan-rice"
    added = "c10.txt"  # the story's only Korean page: its centroid and core actors come from it alone
    settings = load_settings(_folder_without(tmp_path / "data", source, added))
    build_events(load_corpus(settings), embedder)
    store = _added(settings, source, added)
    assert update_events_view(store, embedder, settings)
    extended = stored_events(store, embedder.model_id)
    assert_same_events(extended, _rebuilt(store, embedder, settings))
    korean = [event for event in extended if any(source.source_file == added for source in event.sources)]
    assert len(korean) >= 4


def test_a_view_already_current_is_left_as_it_is(base_copy, embedder):
    store = load_corpus(base_copy).store
    key = store.view_key(EVENTS_VIEW)
    assert update_events_view(store, embedder, base_copy)
    assert store.view_key(EVENTS_VIEW) == key


def _base_and_added(settings, name=ADDED_FIRST):
    return _added(settings, BUNDLED, name)


def test_no_view_or_a_view_without_a_base_is_built_in_full(base_copy, embedder):
    store = _base_and_added(base_copy)
    key = store.view_key(EVENTS_VIEW)
    payload = store.view_payload(EVENTS_VIEW, key)
    store.put_view(EVENTS_VIEW, key, None, {})  # as stored before views had a base
    assert not update_events_view(store, embedder, base_copy)
    store.put_view(EVENTS_VIEW, key, {**payload, "version": 0}, {})  # a base other code wrote
    assert not update_events_view(store, embedder, base_copy)
    store.drop_view(EVENTS_VIEW)
    assert not update_events_view(store, embedder, base_copy)


def test_a_removed_article_is_built_in_full(base_copy, embedder):
    store = _base_and_added(base_copy)
    added = store.changes_since(store.view_payload(EVENTS_VIEW, store.view_key(EVENTS_VIEW))["base_sequence"]).added
    store.remove_article(next(row[0] for row in store.rows() if row[0] not in added))
    store.add_inferred_dates(store.fingerprint(), {})
    assert not update_events_view(store, embedder, base_copy)


def test_an_article_put_again_is_built_in_full(base_copy, embedder):
    store = load_corpus(base_copy).store
    article_id, _raw_sha, _source_file, origin, raw_path, pipeline = store.rows()[0]
    article = store.article(article_id)
    key = store.view_key(EVENTS_VIEW)
    store.put_article(article, origin, raw_path, pipeline, [])  # the same record: the contents stay, and so does the view
    assert update_events_view(store, embedder, base_copy) and store.view_key(EVENTS_VIEW) == key
    store.put_article(article, origin, raw_path, f"{pipeline}-newer", [])  # read again by newer code
    store.add_inferred_dates(store.fingerprint(), {})
    assert store.changes_since(0).added[-1] == article_id
    assert not update_events_view(store, embedder, base_copy)


def test_another_model_or_code_version_is_built_in_full(base_copy, embedder):
    store = _base_and_added(base_copy)
    key = store.view_key(EVENTS_VIEW)
    payload = store.view_payload(EVENTS_VIEW, key)
    store.put_view(EVENTS_VIEW, events_cache_key(payload["contents"], "other/model"), payload, {})
    assert not update_events_view(store, embedder, base_copy)
    store.put_view(EVENTS_VIEW, f"{payload['contents']}:{embedder.model_id}:events-v0", payload, {})
    assert not update_events_view(store, embedder, base_copy)


def test_dates_not_current_or_inferred_again_in_full_are_built_in_full(base_copy, embedder):
    shutil.copy(BUNDLED / ADDED_FIRST, base_copy.data_dir / "articles" / ADDED_FIRST)
    store = open_synced(base_copy).store
    assert store.inferred_dates_fingerprint() != store.fingerprint()
    assert not update_events_view(store, embedder, base_copy)  # the dates step has not run
    store.put_inferred_dates(store.fingerprint(), {})  # a whole inference: the base's dates may have moved
    assert not update_events_view(store, embedder, base_copy)


def test_another_story_start_is_built_in_full(base_copy, embedder):
    store = _base_and_added(base_copy)
    assert not update_events_view(store, embedder, replace(base_copy, story_start="2020-01-01"))


def test_more_added_articles_than_the_contract_allows_are_built_in_full():
    assert _added_count_allowed(50, 10) and not _added_count_allowed(51, 10)
    assert _added_count_allowed(60, 3000) and not _added_count_allowed(61, 3000)


def _damage(store, sql: str, params=()):
    with store.transaction() as connection:
        connection.execute(sql, params)


@pytest.mark.parametrize("damage", ["payload", "vectors", "mention", "article gone"])
def test_a_damaged_base_is_logged_and_built_in_full(base_copy, embedder, caplog, damage):
    store = _base_and_added(base_copy, ADDED_SECOND)  # the NHK page meets stored mentions
    key = store.view_key(EVENTS_VIEW)
    row_key = view_row_key(key)
    if damage == "payload":
        payload = store.view_payload(EVENTS_VIEW, key)
        payload["story"]["centroid"] = "not base64 at all!"
        _damage(store, "UPDATE view_sets SET payload = ?, sha256 = ? WHERE name = ?", (*encode_payload(payload), EVENTS_VIEW))
    elif damage == "vectors":
        _damage(store, "UPDATE view_event_mentions SET vector = x'0102' WHERE view_key = ? AND compared = 1", (row_key,))
    elif damage == "mention":
        _damage(store, "UPDATE view_event_mentions SET mention = '{\"sentence\": [' WHERE view_key = ?", (row_key,))
    else:
        _damage(store, "UPDATE view_event_mentions SET article_id = 'gone' WHERE view_key = ?", (row_key,))
    with caplog.at_level(logging.WARNING, logger="lib.events.incremental"):
        assert not update_events_view(store, embedder, base_copy)
    assert "damaged base" in caplog.text
    assert store.view_key(EVENTS_VIEW) == key  # nothing written
    # The caller's full build replaces it.
    corpus = load_corpus(base_copy)
    build_events(corpus, embedder)
    assert stored_events_view(corpus.store, embedder.model_id) is not None


def test_a_full_build_after_an_extension_leaves_no_row_of_the_extended_view(base_copy, embedder):
    store = _base_and_added(base_copy)
    first_rows = view_row_key(store.view_key(EVENTS_VIEW))
    assert update_events_view(store, embedder, base_copy)
    assert store.view_rows_key(EVENTS_VIEW, store.view_key(EVENTS_VIEW)) == first_rows  # extended in place
    removed = next(row[0] for row in store.rows() if row[2] == "001_3fe3a61bf119b289.txt")
    (base_copy.data_dir / "articles" / "001_3fe3a61bf119b289.txt").unlink()
    assert store.remove_article(removed)  # a page removed: the next view is built in full
    corpus = load_corpus(base_copy)
    build_events(corpus, embedder)
    assert stored_events_view(corpus.store, embedder.model_id) is not None
    for table in ("view_events", "view_event_payloads", "view_event_mentions"):
        assert not store.read_view(f"SELECT count(*) FROM {{p}}{table} WHERE view_key = ?", [first_rows])[0][0]
    assert store_contents_key(store) == corpus.contents_key
    assert store.view_rows_key(EVENTS_VIEW, store.view_key(EVENTS_VIEW)) == view_row_key(store.view_key(EVENTS_VIEW))


def _event(number: int, day: str, summary: str) -> Event:
    source = SourceRef(f"f{number}.txt", f"a{number}", f"Quote {number}.", 0, "Outlet", "Title",
                       PublishedDate(day, "day", True, "printed"))
    return Event(f"e{number:04d}", day, day, "day", "on Monday", summary, (source,), is_context=False)


def test_an_added_event_takes_its_place_in_the_list_between_its_neighbours(store_backend, tmp_path):
    from lib.events.incremental import _ListPlaces, _positions

    store = open_store(store_backend(tmp_path / "data"))
    stored = [_event(0, "2024-06-01", "B"), _event(1, "2024-06-02", "A"), _event(2, "2024-06-02", "C"), _event(3, "2024-06-09", "A")]
    store.put_view(EVENTS_VIEW, "gapped", None, event_view_rows(stored, {}, EVENT_SEQ_GAP))
    places = _ListPlaces(store, view_row_key("gapped"), set())
    added = [_event(9, "2024-06-02", "B"), _event(8, "2024-05-01", "Z"), _event(7, "2024-07-01", "A"), _event(6, "2024-06-02", "B2")]
    placed_events, moved = _positions(places, added)
    assert moved == {}  # room everywhere: no stored event moves
    placed = dict((event.event_id, seq) for seq, event in placed_events)
    order = sorted([(position * EVENT_SEQ_GAP, event.event_id) for position, event in enumerate(stored)] +
                   [(seq, event_id) for event_id, seq in placed.items()])
    assert [event_id for _seq, event_id in order] == ["e0008", "e0000", "e0001", "e0009", "e0006", "e0002", "e0003", "e0007"]
    # A touched event's row is gone: its place is free for the event that replaces it.
    places = _ListPlaces(store, view_row_key("gapped"), {EVENT_SEQ_GAP})
    assert places.neighbours(("2024-06-02", "2024-06-02", "A")) == (0, 2 * EVENT_SEQ_GAP)
    # Positions one apart (no gap left between two events): the stretch around is spread out again, here
    # the whole short list, EVENT_SEQ_GAP apart.
    store.put_view(EVENTS_VIEW, "packed", None, event_view_rows(stored, {}))
    placed_events, moved = _positions(_ListPlaces(store, view_row_key("packed"), set()), [_event(9, "2024-06-02", "B")])
    assert moved == {0: 0, 1: EVENT_SEQ_GAP, 2: 3 * EVENT_SEQ_GAP, 3: 4 * EVENT_SEQ_GAP}
    assert [(seq, event.event_id) for seq, event in placed_events] == [(2 * EVENT_SEQ_GAP, "e0009")]


def _list_after(stored: dict[int, Event], placed: list[tuple[int, Event]], moved: dict[int, int]) -> list[str]:
    positions = [(moved.get(seq, seq), event.event_id) for seq, event in stored.items()] + [(seq, e.event_id) for seq, e in placed]
    assert len({position for position, _id in positions}) == len(positions), "two events at one position"
    return [event_id for _position, event_id in sorted(positions)]


def test_a_crowded_stretch_of_the_list_is_spread_out_and_the_rest_stays_where_it_is(store_backend, tmp_path):
    from datetime import date, timedelta

    from lib.events.build import event_rows_at
    from lib.events.incremental import _RESPACED_STEP, _ListPlaces, _moved_rows, _positions

    store = open_store(store_backend(tmp_path / "data"))
    day = lambda number: (date(2024, 6, 1) + timedelta(days=2 * number)).isoformat()  # noqa: E731
    # 30 events far apart, 30 crowded one position apart (as many additions at one place leave them), 30 far apart.
    seqs = [n * EVENT_SEQ_GAP for n in range(30)] + [29 * EVENT_SEQ_GAP + n for n in range(1, 31)] + \
           [60 * EVENT_SEQ_GAP + n * EVENT_SEQ_GAP for n in range(30)]
    stored = {seq: _event(number, day(number), "S") for number, seq in enumerate(seqs)}
    store.put_view(EVENTS_VIEW, "crowded", None, event_rows_at(list(stored.items()), {}))
    after = lambda number: (date.fromisoformat(day(number)) + timedelta(days=1)).isoformat()  # noqa: E731
    # Two between crowded events (next to each other), one where there is room.
    added = [_event(100, after(44), "N"), _event(101, after(80), "N"), _event(102, after(45), "N")]
    placed, moved = _positions(_ListPlaces(store, view_row_key("crowded"), set()), added)
    every = sorted([*stored.values(), *added], key=lambda event: (event.start, event.summary))
    assert _list_after(stored, placed, moved) == [event.event_id for event in every]
    # Only a stretch around the crowded place moved, spread at least _RESPACED_STEP apart; the far ends stayed.
    assert moved and set(moved) < set(seqs[1:-1])
    assert min(seqs[:10]) not in moved and max(seqs) not in moved
    new_positions = sorted([*moved.values(), *(seq for seq, event in placed if event.event_id != "e0101")])
    assert min(b - a for a, b in zip(new_positions, new_positions[1:])) >= _RESPACED_STEP
    # The moved events' stored rows come back whole at their new positions.
    rows = _moved_rows(store, view_row_key("crowded"), moved)
    assert sorted(row[0] for row in rows["view_events"]) == sorted(moved.values())
    assert {json.loads(row[1])["event_id"] for row in rows["view_event_payloads"]} == {stored[seq].event_id for seq in moved}
