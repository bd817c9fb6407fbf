"""Stored views: the Timeline's events and Compare's topics are read back whole from the store, without
loading any article record, while they were built for the store's current articles and inferred dates.

Every test taking `store_backend` runs on SQLite and on a real PostgreSQL server (tests/support/postgres.py).
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest
from streamlit.testing.v1 import AppTest

from lib.claims.grouping import CLAIMSET_VIEW, build_claims, stored_claims
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


def test_a_stored_view_of_another_shape_is_built_again_not_shown(built, embedder):
    settings, corpus, _events, claimset = built
    store = open_store(settings)
    with own_tables(store) as execute:  # as if written by older code: same key, other fields
        _replace_payload(execute, f"{CLAIMSET_VIEW}:{embedder.model_id}", {"topics": [{"label": 1}], "model_id": "x"})
        _replace_payload(execute, "events", [{"event_id": "e1", "summary": "no sources"}])
    assert stored_claims(store, settings, embedder.model_id) is None
    assert stored_events(store, embedder.model_id) is None
    assert build_claims(corpus, embedder) == claimset  # rebuilt from the corpus and stored again
    assert stored_claims(store, settings, embedder.model_id) == claimset


def _replace_payload(execute, name: str, payload) -> None:
    from lib.core.store import encode_payload

    execute("UPDATE cache SET payload = ?, sha256 = ? WHERE name = ?", (*encode_payload(payload), name))


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
