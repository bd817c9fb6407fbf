"""Compare's stored topics extended by an added article (lib.claims.incremental): the same topics, claims,
statuses and verdicts as a whole rebuild of the same articles with the same dates; False (the caller
builds whole) for every condition of the incremental contract, for an addition that changes which rows
exist, and for a damaged stored state, which is logged and never raises.

Tests taking `store_backend` run on SQLite and on a real PostgreSQL server (tests/support/postgres.py).
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from lib.claims.build import build_claims
from lib.claims.grouping import (
    CLAIMSET_VIEW,
    EXTENSION_KEY,
    stored_claims,
)
from lib.claims.incremental import update_claims_view
from lib.claims.topics import topic_to_json
from lib.core.settings import REPO_ROOT, load_settings
from lib.core.store import added_limit, catalogue_pages, encode_payload, view_row_key
from lib.ingest.corpus import load_corpus, open_store
from lib.ingest.pipeline import ingest_bytes
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow

BUNDLED = REPO_ROOT / "data" / "articles"
COVERAGE = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
# The bundled page added last: its sentences join topics the other four already have.
ADDED_BUNDLED = "002_f09298817ccba4f1.txt"


def _collection(pages: list[Path], left_out: str, folder: Path, settings_of, embedder):
    """Settings of a collection of `pages` but `left_out`, its claims built whole and stored."""
    (folder / "articles").mkdir(parents=True)
    for page in pages:
        if page.name != left_out:
            shutil.copy(page, folder / "articles" / page.name)
    settings = settings_of(folder)
    build_claims(load_corpus(settings), embedder)
    return settings


def _added(settings, page: Path):
    """The store after `page` is added (as an upload), its inferred dates current."""
    store = open_store(settings)
    report = ingest_bytes(store, settings, page.name, page.read_bytes())
    assert report.status == "added", report.message
    _dates_current(store)
    return store


def _dates_current(store) -> None:
    """The stored inferred dates brought to the current articles as `update_inferred_dates` leaves them
    (the added pages' own dates; the earlier inferences kept, the dates base unchanged)."""
    from lib.ingest.corpus import update_inferred_dates

    if store.inferred_dates_fingerprint() != store.fingerprint() and not update_inferred_dates(store):
        store.add_inferred_dates(store.fingerprint(), {})


def _shown(claimset) -> list[dict]:
    return [topic_to_json(topic, with_claims=True) for topic in claimset.topics]


def _rebuilt(settings, store, embedder):
    """The claims a whole build of the store's articles gives, each article dated as the store dates it
    now (read first: a load may infer the dates again)."""
    dated = {entry.article_id: entry.published for page in catalogue_pages(store) for entry in page}
    store.drop_view(f"{CLAIMSET_VIEW}:{embedder.model_id}")
    corpus = load_corpus(settings)
    corpus.articles[:] = [replace(article, published=dated[article.article_id]) for article in corpus.articles]
    return build_claims(corpus, embedder)


@pytest.fixture(scope="module")
def base_folder(tmp_path_factory, embedder):
    """A SQLite collection of the bundled story but ADDED_BUNDLED, claims built and stored (copied per test)."""
    folder = tmp_path_factory.mktemp("claims-base") / "collection"
    _collection(sorted(BUNDLED.iterdir()), ADDED_BUNDLED, folder, load_settings, embedder)
    return folder


@pytest.fixture
def base(base_folder, tmp_path):
    """(settings, store) of a fresh copy of the base collection."""
    folder = tmp_path / "collection"
    shutil.copytree(base_folder, folder)
    settings = load_settings(folder)
    return settings, open_store(settings)


def test_extending_by_a_bundled_article_gives_the_topics_a_rebuild_gives(store_backend, tmp_path, embedder):
    settings = _collection(sorted(BUNDLED.iterdir()), ADDED_BUNDLED, tmp_path / "collection", store_backend, embedder)
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    assert update_claims_view(store, embedder, settings)
    extended = stored_claims(store, settings, embedder.model_id)
    assert extended is not None, "the extended view is the current one"
    added_id = store.changes_since(0).added[-1]
    assert any(claim.article_id == added_id for claim in extended.claims)
    state = store.view_payload(f"{CLAIMSET_VIEW}:{embedder.model_id}", store.view_key(f"{CLAIMSET_VIEW}:{embedder.model_id}"))[EXTENSION_KEY]
    assert (state["base_sequence"], state["articles"]) == (store.write_sequence(), store.count()), "the next addition extends it again"
    assert update_claims_view(store, embedder, settings), "a current view needs nothing"
    assert _shown(extended) == _shown(_rebuilt(settings, store, embedder))


def test_the_cli_lists_the_extended_topics_as_it_lists_the_rebuilt_ones(base, embedder):
    from tests.views.test_stored_views import _cli

    settings, _store = base
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    assert update_claims_view(store, embedder, settings)
    extended = _cli(settings, "claims", "--topics", "--json")
    assert extended.returncode == 0, extended.stderr
    _rebuilt(settings, store, embedder)
    rebuilt = _cli(settings, "claims", "--topics", "--json")
    assert json.loads(extended.stdout) == json.loads(rebuilt.stdout)


@pytest.fixture(scope="module")
def tuned_story_folder(tmp_path_factory, embedder):
    story = COVERAGE / "russia-dprk"
    if not story.is_dir():
        pytest.fail(f"needs the coverage-dev pages at {story}")
    folder = tmp_path_factory.mktemp("russia-dprk") / "collection"
    _collection(sorted(story.glob("*.txt")), TUNED_PAGE, folder, load_settings, embedder)
    return folder


# A page of a tuned story (coverage-dev russia-dprk) whose sentences join rows the other pages have.
TUNED_PAGE = "a10.txt"


def test_extending_a_tuned_story_by_one_page_gives_the_topics_a_rebuild_gives(tuned_story_folder, tmp_path, embedder):
    folder = tmp_path / "collection"
    shutil.copytree(tuned_story_folder, folder)
    settings = load_settings(folder)
    store = _added(settings, COVERAGE / "russia-dprk" / TUNED_PAGE)
    assert update_claims_view(store, embedder, settings)
    extended = stored_claims(store, settings, embedder.model_id)
    assert any(claim.source_file == TUNED_PAGE for claim in extended.claims)
    assert _shown(extended) == _shown(_rebuilt(settings, store, embedder))


# --------------------------------------------------------------------------- when it builds whole


def test_a_removed_article_is_not_extended(base, embedder):
    settings, store = base
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    store.remove_article(store.catalogue(limit=1)[0].article_id)
    _dates_current(store)
    assert not update_claims_view(store, embedder, settings)


def test_an_article_put_again_is_not_extended(base, embedder):
    settings, store = base
    entry = store.catalogue(limit=1)[0]
    article = store.article(entry.article_id)
    store.put_article(article, "bundled", f"articles/{article.source_file}", "another pipeline", [])
    _dates_current(store)
    assert not update_claims_view(store, embedder, settings)


def test_more_articles_added_than_the_contract_allows_are_not_extended(base, embedder):
    settings, store = base
    article = store.article(store.catalogue(limit=1)[0].article_id)
    for number in range(added_limit(store.count()) + 1):
        body = article.body + f"\n\nReference number {number}."
        clone = replace(article, article_id=f"clone-{number:04d}", source_file=f"clone-{number:04d}.txt", body=body)
        store.put_article(clone, "bundled", f"articles/{clone.source_file}", "bench", [])
    _dates_current(store)
    assert not update_claims_view(store, embedder, settings)


def test_stale_or_wholly_inferred_dates_are_not_extended(base, embedder):
    settings, store = base
    ingest_bytes(store, settings, ADDED_BUNDLED, (BUNDLED / ADDED_BUNDLED).read_bytes())
    if store.inferred_dates_fingerprint() != store.fingerprint():
        assert not update_claims_view(store, embedder, settings), "dates not current"
    store.put_inferred_dates(store.fingerprint(), {})  # a whole inference since the base
    assert not update_claims_view(store, embedder, settings)


def test_another_topic_list_is_not_extended(base, embedder):
    settings, store = base
    topics = json.loads((REPO_ROOT / "lib" / "claims" / "topics.json").read_text(encoding="utf-8"))
    topics["topics"] = topics["topics"][:-1]
    (settings.data_dir / "topics.json").write_text(json.dumps(topics), encoding="utf-8")
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    assert not update_claims_view(store, embedder, settings)


def test_no_stored_view_is_not_extended(base, embedder):
    settings, store = base
    store.drop_view(f"{CLAIMSET_VIEW}:{embedder.model_id}")
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    assert not update_claims_view(store, embedder, settings)


def test_an_addition_that_makes_a_kind_of_figure_compared_is_built_whole(tmp_path, embedder):
    # Without the last page, no two sources give troops sent; with it, that kind gets compared in
    # one row, which takes sentences of the stored articles: the view is built whole.
    pages = sorted(BUNDLED.iterdir())
    settings = _collection(pages, pages[-1].name, tmp_path / "collection", load_settings, embedder)
    store = _added(settings, pages[-1])
    assert not update_claims_view(store, embedder, settings)
    assert stored_claims(store, settings, embedder.model_id) is None


# --------------------------------------------------------------------------- a damaged state


def _with_payload(store, settings, embedder, change) -> None:
    """The stored view's payload replaced by `change(payload)` (its checksum made to match)."""
    name = f"{CLAIMSET_VIEW}:{embedder.model_id}"
    key = store.view_key(name)
    payload = store.view_payload(name, key)
    text, sha = encode_payload(change(payload))
    with sqlite3.connect(Path(settings.data_dir) / ".storylens" / "store.sqlite") as connection:
        connection.execute("UPDATE view_sets SET payload = ?, sha256 = ? WHERE name = ?", (text, sha, name))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda payload: {**payload, EXTENSION_KEY: {**payload[EXTENSION_KEY], "auto": "not a list"}}, id="auto"),
        pytest.param(lambda payload: {**payload, EXTENSION_KEY: {**payload[EXTENSION_KEY], "plan": None}}, id="plan"),
        pytest.param(lambda payload: {**payload, EXTENSION_KEY: {**payload[EXTENSION_KEY], "split_rows": [{}]}}, id="rows"),
        pytest.param(lambda payload: {**payload, EXTENSION_KEY: {
            **payload[EXTENSION_KEY], "subject": {key: {**entry, "sum": "%%%"} for key, entry in payload[EXTENSION_KEY]["subject"].items()}}},
            id="vectors"),
        pytest.param(lambda payload: {**payload, EXTENSION_KEY: {**payload[EXTENSION_KEY], "contents": "another/dates@view"}}, id="contents"),
    ],
)
def test_a_damaged_state_is_logged_and_built_whole(base, embedder, damage, caplog):
    settings, store = base
    _with_payload(store, settings, embedder, damage)
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    with caplog.at_level(logging.WARNING, logger="lib.claims.incremental"):
        assert not update_claims_view(store, embedder, settings)
    assert "unusable" in caplog.text


def test_a_payload_that_does_not_read_back_is_logged_and_built_whole(base, embedder, caplog):
    settings, store = base
    name = f"{CLAIMSET_VIEW}:{embedder.model_id}"
    with sqlite3.connect(Path(settings.data_dir) / ".storylens" / "store.sqlite") as connection:
        connection.execute("UPDATE view_sets SET payload = '{\"broken' WHERE name = ?", (name,))
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    with caplog.at_level(logging.WARNING, logger="lib.claims.incremental"):
        assert not update_claims_view(store, embedder, settings)
    assert "unusable" in caplog.text


def test_a_topic_row_missing_from_the_stored_view_is_logged_and_built_whole(base, embedder, caplog):
    settings, store = base
    with sqlite3.connect(Path(settings.data_dir) / ".storylens" / "store.sqlite") as connection:
        connection.execute("DELETE FROM view_topics")
    store = _added(settings, BUNDLED / ADDED_BUNDLED)
    with caplog.at_level(logging.WARNING, logger="lib.claims.incremental"):
        assert not update_claims_view(store, embedder, settings)
    assert "unusable" in caplog.text


def _view_rows_stored(store, settings) -> int:
    """Every `view_claims` row in the database, whatever view key it carries (SQLite store)."""
    with sqlite3.connect(settings.store_dir / "store.sqlite") as connection:
        return connection.execute("SELECT COUNT(*) FROM view_claims").fetchone()[0]


def test_two_additions_in_a_row_extend_in_place_and_a_rebuild_leaves_no_row_behind(tmp_path, embedder):
    """The second addition extends a view already extended in place (rows kept where they are, new
    claims appended after a topic's stored ones): still the topics a rebuild gives; a rebuild then
    replaces every row the extensions left."""
    story = COVERAGE / "russia-dprk"
    second = "a15.txt"
    pages = [page for page in sorted(story.glob("*.txt")) if page.name != second]
    settings = _collection(pages, TUNED_PAGE, tmp_path / "collection", load_settings, embedder)
    name = f"{CLAIMSET_VIEW}:{embedder.model_id}"
    rows_before = _view_rows_stored(open_store(settings), settings)
    for page in (TUNED_PAGE, second):
        store = _added(settings, story / page)
        assert update_claims_view(store, embedder, settings), page
    extended = stored_claims(store, settings, embedder.model_id)
    assert {TUNED_PAGE, second} <= {claim.source_file for claim in extended.claims}
    assert store.view_rows_key(name, store.view_key(name)) != view_row_key(store.view_key(name)), "extended in place"
    assert rows_before < _view_rows_stored(store, settings) < 2 * rows_before, "the stored rows were not copied"
    rebuilt = _rebuilt(settings, store, embedder)
    assert _shown(extended) == _shown(rebuilt)
    whole = sum(len(topic.claims) for topic in rebuilt.topics) + len(rebuilt.candidates)
    assert _view_rows_stored(store, settings) == whole, "no row of the extended view is left behind"


def test_the_rows_an_addition_keeps_for_the_next_are_the_rows_stored(tmp_path, embedder):
    """The touched rows' claims kept in the process for the next addition (`_KEPT`) are exactly what the
    stored view reads back, after two additions in a row (the second extends from what the first kept)."""
    from lib.claims.grouping import StoredClaims
    from lib.claims.incremental import _KEPT, _stored_claims

    story = COVERAGE / "russia-dprk"
    second = "a15.txt"
    pages = [page for page in sorted(story.glob("*.txt")) if page.name != second]
    settings = _collection(pages, TUNED_PAGE, tmp_path / "collection", load_settings, embedder)
    name = f"{CLAIMSET_VIEW}:{embedder.model_id}"
    for page in (TUNED_PAGE, second):
        store = _added(settings, story / page)
        assert update_claims_view(store, embedder, settings), page
    key = store.view_key(name)
    kept = _KEPT.get(store, name, key)
    assert kept, "the touched rows are kept for the next addition"
    view = StoredClaims(store, name, key)
    read = {topic.topic_id: topic.claims for topic in view.topics(list(kept))}
    assert {topic_id: claims for topic_id, (_header, claims) in kept.items()} == read
    assert {topic_id: header for topic_id, (header, _claims) in kept.items()} == view.header_payloads(list(kept))
    assert any(claim.source_file == second for _header, claims in kept.values() for claim in claims)

    # The view written again under the same key (built whole, here one row's header and claim changed
    # in the database): the row kept is not used, the stored one is read.
    topic_id, (header, claims) = next(iter(kept.items()))
    with sqlite3.connect(settings.store_dir / "store.sqlite") as connection:
        connection.execute("UPDATE view_topics SET payload = ? WHERE topic_id = ?", (header.replace('"rule": "', '"rule": "Again. '), topic_id))
        connection.execute("UPDATE view_claims SET payload = replace(payload, ?, ?) WHERE article_id = ?",
                           (claims[0].quote[:20], "Changed " + claims[0].quote[:20], claims[0].article_id))
    assert _stored_claims(store, name, key, [topic_id])[topic_id][0].quote.startswith("Changed ")
