"""Stored views: the Timeline's events and Compare's topics are read back whole from the store, without
loading any article record, while they were built for the store's current articles and inferred dates.

Every test taking `store_backend` runs on SQLite and on a real PostgreSQL server (tests/support/postgres.py).
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest
from streamlit.testing.v1 import AppTest

from lib.claims.build import build_claims
from lib.claims.grouping import stored_claims
from lib.core.errors import StoryLensError
from lib.core.settings import REPO_ROOT
from lib.core.store import store_contents_key
from lib.events.build import build_events, stored_events
from lib.ingest.corpus import load_corpus, open_store
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow

BUNDLED = REPO_ROOT / "data" / "articles"
APP = str(REPO_ROOT / "app.py")


@contextmanager
def own_tables(store):
    """A transaction on the store's own tables in SQLite's dialect ('?' placeholders), to damage them."""
    with store.transaction() as connection:
        if getattr(store, "schema", None):  # PostgreSQL: the tables live in the store's own schema
            connection.execute(f"SET LOCAL search_path TO {store.schema}")
            yield lambda statement, params=(): connection.execute(statement.replace("?", "%s"), params)
        else:
            yield lambda statement, params=(): connection.execute(statement, params)


@pytest.fixture
def built(store_backend, tmp_path, embedder):
    """The bundled story in a fresh store with its events and claims built once from the corpus."""
    shutil.copytree(BUNDLED, tmp_path / "articles")
    settings = store_backend(tmp_path)
    corpus = load_corpus(settings)
    return settings, corpus, build_events(corpus, embedder), build_claims(corpus, embedder)


def make_records_unreadable(store) -> None:
    """Replace every article record by text that is not an article: anything that loads one fails."""
    with own_tables(store) as execute:
        execute("UPDATE articles SET record = ?", ("not an article record",))


def test_stored_views_are_read_back_whole_without_any_article_record(built, embedder):
    settings, corpus, events, claimset = built
    store = open_store(settings)  # as a new process would
    assert store_contents_key(store) == corpus.contents_key  # the dates inferred at load are stored for these articles
    make_records_unreadable(store)
    with pytest.raises(Exception):
        store.articles()
    assert stored_events(store, embedder.model_id) == events
    stored = stored_claims(store, settings, embedder.model_id)
    assert stored == claimset
    # what the pages show comes with the views: each source's quote, article, title, outlet and date
    treaty = next(event for event in stored_events(store, embedder.model_id)
                  if any("treaty signed Wednesday" in source.quote for source in event.sources))
    assert all(source.title and source.outlet and source.article_id and source.published for source in treaty.sources)
    assert all(claim.quote and claim.article_id and claim.outlet for claim in stored.claims)


def test_a_view_built_for_other_articles_is_not_read(built, embedder):
    settings, corpus, events, claimset = built
    store = open_store(settings)
    gone = corpus.articles[0].article_id
    store.remove_article(gone)
    assert stored_events(store, embedder.model_id) is None
    assert stored_claims(store, settings, embedder.model_id) is None
    rebuilt = build_events(load_corpus(settings, sync=False), embedder)
    assert all(source.article_id != gone for event in rebuilt for source in event.sources)
    assert stored_events(store, embedder.model_id) == rebuilt  # stored again, for the new contents


def test_another_model_or_topic_list_does_not_read_these_views(built, embedder, tmp_path):
    settings, _corpus, _events, _claimset = built
    store = open_store(settings)
    assert stored_events(store, "another-model") is None
    assert stored_claims(store, settings, "another-model") is None
    topics = tmp_path / "my-topics.json"
    topics.write_text('{"threshold": 0.5, "topics": [{"id": "aid", "label": "Aid", "phrases": ["aid sent"]}]}',
                      encoding="utf-8")
    assert stored_claims(store, settings, embedder.model_id, topics_path=topics) is None


def test_a_damaged_view_row_is_built_again_not_shown(built, embedder):
    settings, corpus, events, claimset = built
    store = open_store(settings)
    with own_tables(store) as execute:  # one row of each view no longer reads back as what was stored
        execute("UPDATE view_claims SET payload = ? WHERE seq = 0", ('{"topic": 1}',))
        execute("UPDATE view_event_payloads SET payload = ? WHERE seq = 0", ("not json",))
    assert stored_claims(store, settings, embedder.model_id) is None
    assert stored_events(store, embedder.model_id) is None
    assert build_claims(corpus, embedder) == claimset  # rebuilt from the corpus and stored again
    assert stored_claims(store, settings, embedder.model_id) == claimset
    assert build_events(corpus, embedder) == events
    assert stored_events(store, embedder.model_id) == events


def test_a_broken_topic_list_is_reported_not_hidden_behind_the_stored_claims(built, embedder):
    settings, _corpus, _events, _claimset = built
    (settings.data_dir / "topics.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoryLensError, match="topics"):
        stored_claims(open_store(settings), settings, embedder.model_id)


# -- the pages ------------------------------------------------------------------------------------
def _app_on(settings, monkeypatch) -> AppTest:
    monkeypatch.setenv("STORYLENS_DATA", str(settings.data_dir))
    monkeypatch.setenv("STORYLENS_STORE", settings.store_backend)
    if settings.database_url:
        monkeypatch.setenv("STORYLENS_DATABASE_URL", settings.database_url)
    return AppTest.from_file(APP, default_timeout=120)


def _open(app: AppTest, page: str) -> AppTest:
    app.run()
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    return app


def test_timeline_and_compare_render_from_stored_views_when_no_article_record_can_be_read(built, monkeypatch):
    settings, _corpus, _events, claimset = built
    make_records_unreadable(open_store(settings))
    timeline = _open(_app_on(settings, monkeypatch), "pages/timeline.py")
    rows = timeline.dataframe[0].value
    treaty = rows[rows["quotes"].str.contains("treaty signed Wednesday", regex=False)]
    assert list(treaty["when"]) == ["19 Jun 2024"]
    assert timeline.multiselect[0].options, "the outlet filter lists the catalogue's outlets"

    compare = _open(_app_on(settings, monkeypatch), "pages/compare.py")
    headings = [element.value for element in compare.subheader]
    assert claimset.topics and all(topic.label in headings for topic in claimset.topics)
    quotes = [element.value for element in compare.markdown if element.value.startswith("> ")]
    assert any(claimset.topics[0].claims[0].quote[:40] in quote for quote in quotes)


def test_a_page_whose_view_is_stale_builds_it_from_the_corpus(built, monkeypatch, embedder):
    settings, corpus, _events, _claimset = built
    store = open_store(settings)
    store.remove_article(corpus.articles[-1].article_id)  # another session removed an article
    timeline = _open(_app_on(settings, monkeypatch), "pages/timeline.py")
    assert len(timeline.dataframe[0].value)
    assert stored_events(store, embedder.model_id) is not None  # the page built and stored them


# -- the CLI --------------------------------------------------------------------------------------
def _cli(settings, *arguments: str):
    import os
    import subprocess
    import sys

    env = dict(os.environ, HF_HUB_OFFLINE="1", STORYLENS_STORE=settings.store_backend)
    if settings.database_url:
        env["STORYLENS_DATABASE_URL"] = settings.database_url
    return subprocess.run([sys.executable, "-m", "lib.cli", *arguments, "--data", str(settings.data_dir)],
                          capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=600)


def test_the_cli_answers_events_and_claims_from_stored_views_when_no_article_record_can_be_read(built):
    import json

    settings, _corpus, events, claimset = built
    make_records_unreadable(open_store(settings))
    listed = _cli(settings, "events", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [event["event_id"] for event in json.loads(listed.stdout)] == [event.event_id for event in events]
    topics = _cli(settings, "claims", "--topics", "--json")
    assert topics.returncode == 0, topics.stderr
    assert [topic["topic"] for topic in json.loads(topics.stdout)] == [topic.topic_id for topic in claimset.topics]
    unknown = _cli(settings, "events", "--outlet", "No Such Outlet")  # a bad input, answered from the catalogue
    assert unknown.returncode != 0 and "No outlet named 'No Such Outlet'" in unknown.stderr
    assert "Outlets in this collection:" in unknown.stderr and "Traceback" not in unknown.stderr


def _open_first(app: AppTest, page: str) -> AppTest:
    """`page` as the first page drawn (no other page, e.g. Search's overview, reads the views before it)."""
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    return app


def test_the_pages_say_a_damaged_view_row_and_build_the_view_again(built, monkeypatch, embedder):
    settings, _corpus, events, claimset = built
    store = open_store(settings)
    with own_tables(store) as execute:
        execute("UPDATE view_event_payloads SET payload = ?", ("not json",))
        execute("UPDATE view_claims SET payload = ?", ('{"quote": 1}',))
    timeline = _open_first(_app_on(settings, monkeypatch), "pages/timeline.py")  # the first page this process draws
    assert any("could not be read back" in warning.value for warning in timeline.warning)
    rows = timeline.dataframe[0].value
    assert rows["quotes"].str.contains("treaty signed Wednesday", regex=False).any()
    assert stored_events(store, embedder.model_id) == events  # built again and stored whole

    compare = _open_first(_app_on(settings, monkeypatch), "pages/compare.py")
    assert any("could not be read back" in warning.value for warning in compare.warning)
    headings = [element.value for element in compare.subheader]
    assert all(topic.label in headings for topic in claimset.topics)
    assert stored_claims(store, settings, embedder.model_id) == claimset


def test_a_long_timeline_lists_its_events_a_page_at_a_time(built, monkeypatch, embedder):
    """Past one page, the list under the chart pages by key (as the Articles page) and the chart keeps
    the events most sources report; what a page lists is read from the stored rows."""
    from lib.events.build import EVENTS_VIEW, event_view_rows, events_cache_key
    from lib.ui.timeline import CHART_MAX_EVENTS, EVENTS_PAGE_SIZE
    from tests.views.test_view_rows import synthetic_events

    settings, _corpus, _events, _claimset = built
    store = open_store(settings)
    many = [event for event in synthetic_events(2 * EVENTS_PAGE_SIZE + 30) if not event.is_context]
    store.put_view(EVENTS_VIEW, events_cache_key(store_contents_key(store), embedder.model_id), None,
                   event_view_rows(many, {}))
    timeline = _open(_app_on(settings, monkeypatch), "pages/timeline.py")
    assert f"Events 1–{EVENTS_PAGE_SIZE} of {len(many)} shown" in [element.value for element in timeline.subheader]
    assert list(timeline.dataframe[0].value["summary"]) == [event.summary for event in many[:EVENTS_PAGE_SIZE]]
    assert any(f"The chart shows the {CHART_MAX_EVENTS} events" in caption.value for caption in timeline.caption)
    next_page = next(button for button in timeline.button if button.label == "Next page")
    next_page.click().run()
    assert not timeline.exception, timeline.exception
    assert list(timeline.dataframe[0].value["summary"]) == [event.summary for event in many[EVENTS_PAGE_SIZE:2 * EVENTS_PAGE_SIZE]]
    previous = next(button for button in timeline.button if button.label == "Previous page")
    previous.click().run()
    assert list(timeline.dataframe[0].value["summary"]) == [event.summary for event in many[:EVENTS_PAGE_SIZE]]


@pytest.mark.parametrize("store_backend", ["sqlite"], indirect=True)  # it holds SQLite's write lock from another connection
def test_a_store_too_busy_to_keep_the_views_still_shows_them_from_memory(built, monkeypatch, embedder):
    """When another writer holds the store while a page builds a view, the view is not kept (the lead's
    one-second wait) and the page answers from the built view in memory, with the same rows."""
    import sqlite3

    settings, _corpus, events, claimset = built
    assert settings.store_backend == "sqlite"
    store = open_store(settings)
    store.drop_view("events")
    store.drop_view(f"claims-view:{embedder.model_id}")
    holder = sqlite3.connect(store.db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing
    try:
        timeline = _open_first(_app_on(settings, monkeypatch), "pages/timeline.py")
        rows = timeline.dataframe[0].value
        assert list(rows["summary"]) == [event.summary for event in events if not event.is_context]
        compare = _open_first(_app_on(settings, monkeypatch), "pages/compare.py")
        headings = [element.value for element in compare.subheader]
        assert all(topic.label in headings for topic in claimset.topics)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert stored_events(store, embedder.model_id) is None  # not kept: the next reader builds it again
