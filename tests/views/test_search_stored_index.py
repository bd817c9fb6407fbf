"""The search index kept on disk: opened without the corpus, answering exactly as the index built from
it; never opened for other articles or another model; a damaged folder is built again, not a traceback.

Every test taking `store_backend` runs on SQLite and on a real PostgreSQL server (tests/support/postgres.py).
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lib.claims.build import build_claims
from lib.core.settings import REPO_ROOT
from lib.core.store import catalogue_pages, store_contents_key
from lib.events.build import build_events
from lib.ingest.corpus import load_corpus, open_store
from lib.search.hybrid import SearchFilters, search, search_by_article
from lib.search.stored_index import (
    INDEX_FOLDER,
    build_and_keep_search_index,
    index_root,
    open_search_index,
    stored_index_folder,
)
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)
from tests.views.test_stored_views import own_tables

pytestmark = pytest.mark.slow

BUNDLED = REPO_ROOT / "data" / "articles"
APP = str(REPO_ROOT / "app.py")
QUESTIONS = ("how many soldiers did Pyongyang send?", "treaty signed", "12,000", "Japan's stance on the deployment")
# The bundled story has five articles; this question's hits (at most five, with or without filters) come
# from two of them, so the other three never need to be read.
NARROW = "12,000"


@pytest.fixture
def kept(store_backend, tmp_path, embedder):
    """The bundled story in a fresh store, its search index built from the corpus and kept on disk."""
    shutil.copytree(BUNDLED, tmp_path / "articles")
    settings = store_backend(tmp_path)
    corpus = load_corpus(settings)
    return settings, corpus, build_and_keep_search_index(corpus, embedder)


def reopened(settings, model_id: str):
    """The stored index as a new process opens it: the catalogue, and one article read per shown hit."""
    store = open_store(settings)
    entries = [entry for page in catalogue_pages(store, page_size=5000) for entry in page]
    return open_search_index(settings, store_contents_key(store), model_id, entries, store.article)


def keep_only_readable(store, article_ids) -> None:
    """Replace every article record but those of `article_ids` by text that is not an article."""
    marks = ", ".join("?" for _ in article_ids)
    with own_tables(store) as execute:
        execute(f"UPDATE articles SET record = ? WHERE article_id NOT IN ({marks})",
                ("not an article record", *article_ids))


def answers(index, embedder, questions=QUESTIONS) -> list:
    results = []
    for question in questions:
        for filters in (None, SearchFilters(outlets=("Kyodo",)), SearchFilters(date_from="2024-11-01"),
                        SearchFilters(languages=("en",), date_to="2024-10-31", include_undated=True)):
            results.append([passage.to_json() for passage in search(index, question, embedder, k=5, filters=filters)])
        results.append([match.to_json() for match in search_by_article(index, question, embedder, k=2)])
    return results


def hit_article_ids(results) -> set[str]:
    return {passage["article_id"] for result in results for item in result for passage in item.get("passages", [item])}


def test_the_stored_index_answers_as_the_built_one_reading_only_the_hits_articles(kept, embedder):
    settings, corpus, built = kept
    opened = reopened(settings, embedder.model_id)
    assert opened is not None
    assert opened.outlets() == built.outlets() and opened.languages() == built.languages() and len(opened) == len(built)
    assert answers(opened, embedder) == answers(built, embedder)

    expected = answers(built, embedder, (NARROW,))
    hits = hit_article_ids(expected)
    assert 0 < len(hits) < len(corpus.articles), "some articles are never a hit: their records must not be read"
    store = open_store(settings)
    keep_only_readable(store, sorted(hits))
    with pytest.raises(Exception):
        store.articles()  # the corpus cannot be loaded any more
    assert answers(reopened(settings, embedder.model_id), embedder, (NARROW,)) == expected


def test_an_index_for_other_articles_or_another_model_is_not_opened(kept, embedder):
    settings, corpus, _built = kept
    assert reopened(settings, "another-model") is None
    old_folder = stored_index_folder(settings, corpus.contents_key, embedder.model_id)
    store = open_store(settings)
    gone = corpus.articles[0]
    store.remove_article(gone.article_id)
    assert reopened(settings, embedder.model_id) is None
    rebuilt = build_and_keep_search_index(load_corpus(settings, sync=False), embedder)
    assert rebuilt.position_of(gone.article_id) is None
    opened = reopened(settings, embedder.model_id)
    assert opened is not None and opened.position_of(gone.article_id) is None and len(opened) == len(rebuilt)
    assert not old_folder.exists(), "the index of the older contents is removed once the new one is in place"
    assert [path.name for path in index_root(settings).iterdir()] == [rebuilt.folder.name]


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGES = {
    "vectors cut short": lambda folder: _truncate(folder / "vectors.npy"),
    "keyword index missing": lambda folder: shutil.rmtree(folder / "keywords" / "bm25s"),
    "record not json": lambda folder: (folder / "index.json").write_text("{not json", encoding="utf-8"),
    "rows of another index": lambda folder: np.save(folder / "row_article.npy", np.arange(3, dtype=np.int64)),
    "an article not in the catalogue": lambda folder: (folder / "index.json").write_text(
        json.dumps({**json.loads((folder / "index.json").read_text()), "article_ids": ["no-such-article"] * 9}),
        encoding="utf-8"),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_index_folder_is_not_opened_and_is_removed(kept, embedder, damage):
    settings, _corpus, built = kept
    DAMAGES[damage](built.folder)
    assert reopened(settings, embedder.model_id) is None
    assert not built.folder.exists()


def test_a_partial_write_is_never_opened(kept, embedder):
    """A folder without its record (a build that stopped midway) is not an index."""
    settings, _corpus, built = kept
    (built.folder / "index.json").unlink()
    assert reopened(settings, embedder.model_id) is None


# -- the page and the CLI -------------------------------------------------------------------------
def _app_on(settings, monkeypatch) -> AppTest:
    monkeypatch.setenv("STORYLENS_DATA", str(settings.data_dir))
    monkeypatch.setenv("STORYLENS_STORE", settings.store_backend)
    if settings.database_url:
        monkeypatch.setenv("STORYLENS_DATABASE_URL", settings.database_url)
    return AppTest.from_file(APP, default_timeout=300)


def _examples(app) -> list[str]:
    return [button.label for button in app.button if (button.help or "").startswith("Search for this.")]


def _plain(text: str) -> str:
    return text.replace("\\", "")


def _cards(app) -> list[str]:
    return [element.value for element in app.markdown if ":orange-background[" in element.value]


def test_the_search_page_opens_and_answers_from_the_stored_index_when_only_the_hits_can_be_read(
        kept, embedder, monkeypatch):
    settings, corpus, built = kept
    build_events(corpus, embedder)  # the overview above the box reads the stored views
    build_claims(corpus, embedder)
    first = _app_on(settings, monkeypatch)
    first.run()  # an empty box: the example questions are made once and kept beside the index
    assert not first.exception, first.exception
    offered = _examples(first)
    assert offered

    expected = search(built, NARROW, embedder, k=5)
    hits = {passage.hit.article_id for passage in expected}
    assert len(hits) < len(corpus.articles)
    keep_only_readable(open_store(settings), sorted(hits))
    st.cache_resource.clear()  # as a new process: nothing built is kept in memory
    st.cache_data.clear()

    app = _app_on(settings, monkeypatch)
    app.run()
    assert not app.exception, app.exception
    assert _examples(app) == offered
    app.selectbox(key="search_k").set_value(5)
    app.text_input(key="search_q").set_value(NARROW).run()
    assert not app.exception, app.exception
    cards = _cards(app)
    assert len(cards) == len(expected)
    assert all(_plain(passage.hit.sentence) in _plain(card) for passage, card in zip(expected, cards))


def test_the_search_page_builds_the_index_again_when_its_folder_is_damaged(kept, embedder, monkeypatch):
    settings, _corpus, built = kept
    _truncate(built.folder / "vectors.npy")
    app = _app_on(settings, monkeypatch)
    app.query_params["q"] = NARROW
    app.run()
    assert not app.exception, app.exception
    assert len(_cards(app)) == len(search(built, NARROW, embedder, k=10)) > 0
    assert reopened(settings, embedder.model_id) is not None, "the page built the index again and kept it"


def test_the_cli_searches_the_stored_index_when_only_the_hits_can_be_read(kept, embedder):
    import os
    import subprocess
    import sys

    settings, _corpus, built = kept
    expected = [passage.to_json() for passage in search(built, NARROW, embedder, k=5)]
    keep_only_readable(open_store(settings), sorted({item["article_id"] for item in expected}))
    env = dict(os.environ, HF_HUB_OFFLINE="1", STORYLENS_STORE=settings.store_backend)
    if settings.database_url:
        env["STORYLENS_DATABASE_URL"] = settings.database_url
    assert len({item["article_id"] for item in expected}) < len(_corpus.articles)
    ran = subprocess.run([sys.executable, "-m", "lib.cli", "search", NARROW, "--k", "5", "--json",
                          "--data", str(settings.data_dir)], capture_output=True, text=True, env=env, cwd=REPO_ROOT,
                         timeout=600)
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout) == json.loads(json.dumps(expected))
    assert (settings.store_dir / INDEX_FOLDER).is_dir()


def test_the_overview_above_the_box_reads_the_same_topics_and_latest_event_from_the_views_rows(kept, embedder):
    """The Search page's "main topics" and "latest event" links, read from the stored rows (a few topics,
    one event), are those the whole views give."""
    from lib.claims.grouping import stored_claims_view
    from lib.events.build import EventsInMemory, stored_events_view
    from lib.present.overview import latest_event_item, main_topic_items
    from lib.ui.search import _HEADER_COUNTS, MAIN_TOPICS, _latest_event_item

    settings, corpus, _built = kept
    events, claimset = build_events(corpus, embedder), build_claims(corpus, embedder)
    store = open_store(settings)
    topics_view, events_view = stored_claims_view(store, settings, embedder.model_id), stored_events_view(store, embedder.model_id)
    assert topics_view is not None and events_view is not None
    # As the page makes them: from the stored topic list alone (each topic without its claims, their count).
    assert main_topic_items(topics_view.headers(), MAIN_TOPICS, **_HEADER_COUNTS) == main_topic_items(claimset.topics)
    assert main_topic_items(claimset.topics), "the bundled story has main topics to show"
    latest = latest_event_item(events)
    assert latest is not None
    assert _latest_event_item(events_view) == latest == _latest_event_item(EventsInMemory(events))
