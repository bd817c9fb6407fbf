"""One article added to a collection whose views are stored: the CLI and the pages show it without
loading the corpus (the stored dates, events, topics and search index are extended by that article
alone, `lib.present.extend`), and show what a whole rebuild of the same articles shows.

Every test taking `store_backend` runs on SQLite and on a real PostgreSQL server (tests/support/postgres.py).
"""

from __future__ import annotations

import json
import shutil

import pytest

from lib.claims.build import build_claims
from lib.claims.grouping import CLAIMSET_VIEW, stored_claims_view
from lib.core.settings import REPO_ROOT
from lib.events.build import EVENTS_VIEW, build_events, stored_events_view
from lib.ingest.corpus import load_corpus, open_store, open_synced
from lib.present.extend import extend_stored, extend_views
from lib.search.stored_index import build_and_keep_search_index
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)
from tests.views.test_search_stored_index import reopened
from tests.views.test_stored_views import _app_on, _cli, _open

pytestmark = pytest.mark.slow

BUNDLED = REPO_ROOT / "data" / "articles"
QUESTION = "how many soldiers did Pyongyang send?"
# The page added last. Any page's addition is extended by the dates, events and search index; the
# claims view is extended only when the page leaves its rows' shape as it was (which kinds of figure a
# row compares), and on this story that holds for this page alone (the others make a kind compared).
ADDED_PAGE = "002_"


def _bundled_files():
    return sorted(path for path in BUNDLED.iterdir() if path.is_file())


def _views_built(settings, embedder) -> None:
    corpus = load_corpus(settings)
    build_events(corpus, embedder)
    build_claims(corpus, embedder)
    build_and_keep_search_index(corpus, embedder)


def _shown(settings) -> dict:
    """What the CLI prints for the three views, as JSON. An event's id is left out: it is derived from
    the events listed beside it, so an event keeps the id it was first stored under when one is added."""
    shown = {}
    for name, arguments in {
        "events": ("events", "--json"),
        "topics": ("claims", "--topics", "--json"),
        "search": ("search", QUESTION, "--json"),
    }.items():
        done = _cli(settings, *arguments)
        assert done.returncode == 0, done.stderr
        shown[name] = json.loads(done.stdout)
    for event in shown["events"]:
        event.pop("event_id")
    return shown


def _passages(results) -> set:
    return {(passage["article_id"], passage["sentence_index"]) for passage in results}


@pytest.fixture
def added(store_backend, tmp_path, embedder):
    """(settings, added article id): the bundled story but one article, views built whole and stored;
    then that article added to the data folder and synced into the store."""
    files = _bundled_files()
    last = next(path for path in files if path.name.startswith(ADDED_PAGE))
    folder = tmp_path / "collection"
    (folder / "articles").mkdir(parents=True)
    for path in files:
        if path != last:
            shutil.copy(path, folder / "articles" / path.name)
    settings = store_backend(folder)
    _views_built(settings, embedder)
    shutil.copy(last, folder / "articles" / last.name)
    reports = open_synced(settings).sync_reports
    assert [report.status for report in reports] == ["added"]
    return settings, reports[0].article_id


def test_the_views_are_extended_by_an_added_article_and_show_what_a_whole_rebuild_shows(added, store_backend, tmp_path, embedder):
    settings, article_id = added
    store = open_store(settings)
    # As the Articles page extends them after a paste.
    seconds: dict[str, float] = {}
    assert extend_views(store, embedder, settings, seconds=seconds) == {"events": True, "claims": True, "search": True}
    assert set(seconds) == {"events", "claims", "search"}
    # Each is now the stored view of the current contents: the CLI and the pages read it, no corpus loaded.
    assert stored_events_view(store, embedder.model_id) is not None
    assert stored_claims_view(store, settings, embedder.model_id) is not None
    assert reopened(settings, embedder.model_id) is not None
    extended = _shown(settings)

    # The same articles with the same dates, every view built whole. (A collection built whole from the
    # start may date some older undated page otherwise: extending the dates dates only the added pages.)
    store.drop_view(EVENTS_VIEW)
    store.drop_view(f"{CLAIMSET_VIEW}:{embedder.model_id}")
    _views_built(settings, embedder)
    whole = _shown(settings)
    assert extended["events"] == whole["events"] and extended["topics"] == whole["topics"]
    # Search: the added sentences are scored by BM25 with the statistics of the base (not of the whole
    # collection), so only the fused order may move; the passages found are the same.
    assert _passages(extended["search"]) == _passages(whole["search"])
    assert any(source["article_id"] == article_id for event in extended["events"] for source in event["sources"])


def test_an_article_pasted_on_the_articles_page_is_on_the_timeline_compare_and_search_at_once(
    store_backend, tmp_path, monkeypatch, embedder
):
    files = _bundled_files()
    pasted = next(path for path in files if path.name.startswith(ADDED_PAGE))
    (tmp_path / "articles").mkdir()
    for path in files:
        if path != pasted:
            shutil.copy(path, tmp_path / "articles" / path.name)
    settings = store_backend(tmp_path)
    _views_built(settings, embedder)

    articles = _app_on(settings, monkeypatch)
    articles.switch_page("pages/articles.py")
    articles.run()
    articles.text_area[0].input(pasted.read_text(encoding="utf-8"))
    articles.text_input(key="paste-name").input("pasted-page.txt")
    articles.button[0].click()  # the form's submit button
    articles.run()
    assert not articles.exception, articles.exception

    store = open_store(settings)
    added = next(entry.article_id for entry in store.catalogue(limit=100) if entry.source_file.endswith("pasted-page.txt"))
    # Adding it brought every stored view up to date with it: no page rebuilds anything.
    events = stored_events_view(store, embedder.model_id)
    assert events is not None and stored_claims_view(store, settings, embedder.model_id) is not None
    assert reopened(settings, embedder.model_id) is not None
    quote = next(source.quote for event in events.all() if not event.is_context  # the list's default: the story's own
                 for source in event.sources if source.article_id == added)
    timeline = _open(_app_on(settings, monkeypatch), "pages/timeline.py")
    assert not timeline.get("progress"), "the page read the extended view, it built nothing"
    assert timeline.dataframe[0].value["quotes"].str.contains(quote[:40], regex=False).any()


def test_a_removed_article_is_not_extended_but_built_whole(added, embedder):
    settings, article_id = added
    store = open_store(settings)
    first = store.catalogue(limit=1)[0]
    gone = first.article_id
    store.remove_article(gone)  # one added, one removed since the views were built
    (settings.data_dir / "articles" / first.source_file).unlink()  # else the next sync adds it back
    for view in ("events", "claims", "search"):
        assert not extend_stored(view, store, embedder, settings)
    listed = _cli(settings, "events", "--json")  # built whole from the corpus
    assert listed.returncode == 0, listed.stderr
    assert all(source["article_id"] != gone for event in json.loads(listed.stdout) for source in event["sources"])
