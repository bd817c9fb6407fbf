"""The stored search index extended by added articles (`update_search_index`): the added article's
sentences become a segment beside the base, which is never rewritten; the index opened for the
store's new contents answers as a rebuild does (up to the BM25 statistics, named where they differ);
every fallback condition declines (False) so the caller rebuilds; damaged segments are removed and
reported, never raised.

Every test taking `store_backend` runs on SQLite and on a real PostgreSQL server (tests/support/postgres.py).
"""

from __future__ import annotations

import json
import logging
import shutil

import numpy as np
import pytest

from eval.eval_search import GOLD, answers_of, first_answer_rank
from lib.core.settings import REPO_ROOT
from lib.core.store import catalogue_pages, store_contents_key
from lib.ingest.corpus import load_corpus, open_store, update_inferred_dates
from lib.ingest.pipeline import ingest_bytes
from lib.search import stored_index
from lib.search.hybrid import SearchFilters, build_search_index, published_interval, search
from lib.search.keyword import KeywordIndex, KeywordSegments
from lib.search.stored_index import (
    MANIFEST_FILE,
    SEGMENTS_FOLDER,
    build_and_keep_search_index,
    open_search_index,
    update_search_index,
)
from lib.search.vectors import SegmentedIndex
from tests.support.postgres import postgres_url, store_backend  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow

BUNDLED = REPO_ROOT / "data" / "articles"
# The article left out of the first build and added afterwards (Kyodo, 8 sentences).
ADDED = "004_8ccb0b7b50ae83bd.txt"
QUESTIONS = [item for item in json.loads(GOLD.read_text(encoding="utf-8"))["queries"]]
# A second, different page of the same story (coverage-dev, tuned story russia-dprk), added after ADDED.
LATER = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev" / "russia-dprk" / "a01.txt"


@pytest.fixture
def base(store_backend, tmp_path, embedder):
    """The bundled story minus ADDED in a fresh store, its search index built and kept (the base)."""
    shutil.copytree(BUNDLED, tmp_path / "articles", ignore=shutil.ignore_patterns(ADDED))
    settings = store_backend(tmp_path)
    corpus = load_corpus(settings)
    index = build_and_keep_search_index(corpus, embedder)
    return settings, corpus, index


def add_article(settings, name: str = ADDED) -> str:
    """Ingest one page (not through a folder sync: a sync re-puts every article when the ingest code
    changed, which is a fallback case of its own) and bring the inferred dates to it, as the run-time
    order does (dates, then the views, then search). The article's id."""
    store = open_store(settings)
    report = ingest_bytes(store, settings, name, (BUNDLED / ADDED).read_bytes())
    assert report.status == "added", report.message
    assert update_inferred_dates(store), "the dates step extends the dates (its own tests say when it cannot)"
    return report.article_id


def current(settings, model_id: str):
    """The index a new process opens for the store's contents now (catalogue entries, no article loaded)."""
    store = open_store(settings)
    entries = [entry for page in catalogue_pages(store, page_size=5000) for entry in page]
    return open_search_index(settings, store_contents_key(store), model_id, entries, store.article)


def hits(passages) -> list[tuple[str, int]]:
    return [(passage.hit.article_id, passage.hit.sentence_index) for passage in passages]


def test_an_added_article_is_a_segment_and_the_index_answers_as_a_rebuild(base, embedder):
    """On the eval questions the extended index finds the answers a rebuild finds, at the same ranks.

    What differs, and why: the base's BM25 scores keep the statistics of the four-article base (a
    fifth of this collection is the added article, so its words' IDFs move), so the keyword ranking
    may swap neighbours: measured, 22 of 30 top-10 lists are identical in order and 29 of 30 hold
    the same ten hits; recall@5 is the rebuild's and one question's first answer moves from rank 1 to 2
    ("pledge to come to each other's aid…": the base's 'military assistance' sentence scores a little
    higher against the four-article IDFs). The dense side is exact: its ranking is the rebuild's on
    every question, and the base's BM25 scores are the base's own, unchanged."""
    settings, _corpus, built = base
    vectors_before = (built.folder / "vectors.npy").stat()
    added_id = add_article(settings)
    store = open_store(settings)
    assert update_search_index(store, embedder, settings)

    extended = current(settings, embedder.model_id)
    assert extended is not None and isinstance(extended.vectors, SegmentedIndex)
    assert extended.folder == built.folder and (built.folder / MANIFEST_FILE).is_file()
    after = (built.folder / "vectors.npy").stat()
    assert (after.st_ino, after.st_mtime_ns) == (vectors_before.st_ino, vectors_before.st_mtime_ns), "base rewritten"
    rebuilt = build_search_index(load_corpus(settings, sync=False), embedder)
    assert len(extended) == len(rebuilt) and extended.position_of(added_id) == len(built.articles)
    assert extended.outlets() == rebuilt.outlets() and extended.languages() == rebuilt.languages()

    same_order = same_hits = 0
    ranks = []
    for item in QUESTIONS:
        ours, theirs = search(extended, item["query"], embedder, k=10), search(rebuilt, item["query"], embedder, k=10)
        ranks.append((first_answer_rank(ours, answers_of(item)), first_answer_rank(theirs, answers_of(item))))
        same_order += hits(ours) == hits(theirs)
        same_hits += set(hits(ours)) == set(hits(theirs))
        query = embedder.encode_query(item["query"])
        dense_ours = extended.vectors.search(query, 50)[0]
        dense_theirs = rebuilt.vectors.search(query, 50)[0]
        row_key = lambda index, row: (index.articles[index.row_article[row]].article_id, int(index.row_sentence[row]))
        assert [row_key(extended, row) for row in dense_ours] == [row_key(rebuilt, row) for row in dense_theirs]
        base_scores = built.keywords.scores(item["query"])
        assert np.array_equal(extended.keywords.scores(item["query"])[: len(built)], base_scores), "base scores moved"
    answered = [sum(1 for rank in pair if rank is not None and rank <= 5) for pair in zip(*ranks)]
    assert answered[0] == answered[1], "recall@5 is the rebuild's"
    moved = [(ours, theirs) for ours, theirs in ranks if ours != theirs]
    assert all(ours and theirs and abs(ours - theirs) == 1 for ours, theirs in moved) and len(moved) <= 2, moved
    print(f"same top-10 in order {same_order}/30, same ten hits {same_hits}/30, first-answer ranks moved {moved}")
    assert same_hits >= 28 and same_order >= 20
    assert update_search_index(open_store(settings), embedder, settings), "already current: True, nothing written"
    assert len(list((built.folder / SEGMENTS_FOLDER).iterdir())) == 1


def test_filters_work_across_the_base_and_the_added_segment(base, embedder):
    """An outlet, date or language filter selects rows in every segment; a filter that leaves the added
    article out gives exactly the base's answer (its rows are never candidates)."""
    settings, corpus, _built = base
    added_id = add_article(settings)
    assert update_search_index(open_store(settings), embedder, settings)
    extended = current(settings, embedder.model_id)
    added = extended.articles[extended.position_of(added_id)]
    others = sorted({article.outlet for article in corpus.articles} - {added.outlet})
    assert others, "the bundled story has outlets besides the added article's"
    question = "Japan's stance on the deployment"
    within = SearchFilters(outlets=(added.outlet,))
    found = search(extended, question, embedder, k=10, filters=within)
    assert found and all(passage.hit.outlet == added.outlet for passage in found)
    assert added_id in {passage.hit.article_id for passage in found}

    start, end = published_interval(added.published)
    dated = search(extended, question, embedder, k=10, filters=SearchFilters(date_from=start, date_to=end))
    assert added_id in {passage.hit.article_id for passage in dated}
    for passage in dated:
        earliest, latest = published_interval(passage.hit.published)
        assert latest >= start and earliest <= end
    english = search(extended, question, embedder, k=10, filters=SearchFilters(languages=("en",)))
    assert english and all(passage.hit.language == "en" for passage in english)

    base_alone = open_search_index(settings, corpus.contents_key, embedder.model_id,
                                   [entry for page in catalogue_pages(open_store(settings)) for entry in page],
                                   open_store(settings).article)
    assert base_alone is not None and not isinstance(base_alone.vectors, SegmentedIndex)
    for item in QUESTIONS:
        outside = SearchFilters(outlets=tuple(others))
        assert [p.to_json() for p in search(extended, item["query"], embedder, k=10, filters=outside)] == \
            [p.to_json() for p in search(base_alone, item["query"], embedder, k=10, filters=outside)], item["query"]


def test_keyword_scores_of_added_sentences_use_the_collection_statistics():
    """`build_beside` is bm25s's formula: given a base whose statistics are the whole collection's (its
    average length), the added sentences score exactly as in one bm25s index over every sentence."""
    texts = ["The troops crossed the border at dawn", "Talks on the border ended without a deal",
             "Rice prices rose sharply this month", "The minister said rice is scarce", "Prices of rice and troops",
             "Border talks resume", ""]
    languages = ["en"] * len(texts)
    whole = KeywordIndex.build(texts, languages)
    first = KeywordIndex.build(texts[:4], languages[:4])
    first.average_length = whole.average_length
    added = KeywordIndex.build_beside(texts[4:], languages[4:], [first])
    for query in ("rice prices", "border talks", "troops", "minister"):
        np.testing.assert_allclose(added.scores(query), whole.scores(query)[4:], rtol=1e-6)
        segments = KeywordSegments([first, added]).scores(query)
        np.testing.assert_array_equal(segments[:4], first.scores(query))
    older = KeywordIndex.build(texts[:4], languages[:4])
    older.average_length = None  # saved by code that did not keep it
    with pytest.raises(ValueError):
        KeywordIndex.build_beside(texts[4:], languages[4:], [older])


def test_two_additions_are_two_segments_then_compaction_declines(base, embedder, monkeypatch):
    settings, _corpus, built = base
    store = open_store(settings)
    add_article(settings)
    assert update_search_index(store, embedder, settings)
    second = ingest_bytes(store, settings, LATER.name, LATER.read_bytes())
    assert second.status == "added", second.message
    assert update_inferred_dates(store)
    monkeypatch.setattr(stored_index, "DELTA_ROWS", 0)
    assert not update_search_index(store, embedder, settings), "added rows past 5 % of the base: rebuild whole"
    monkeypatch.setattr(stored_index, "DELTA_ROWS", 2000)
    assert update_search_index(store, embedder, settings)
    assert len(json.loads((built.folder / MANIFEST_FILE).read_text())["segments"]) == 2
    assert current(settings, embedder.model_id).position_of(second.article_id) is not None


def test_past_max_segments_the_segments_are_merged_as_one_update_of_them_all(base, embedder, monkeypatch, tmp_path,
                                                                            store_backend):
    """An update past MAX_SEGMENTS writes every article added since the base as one segment (no whole
    rebuild): the index then holds exactly what one update adding them all at once gives."""
    settings, _corpus, built = base
    store = open_store(settings)
    first_id = add_article(settings)
    assert update_search_index(store, embedder, settings)
    second = ingest_bytes(store, settings, LATER.name, LATER.read_bytes())
    assert second.status == "added" and update_inferred_dates(store)
    monkeypatch.setattr(stored_index, "MAX_SEGMENTS", 1)
    assert update_search_index(store, embedder, settings), "merged, not declined"
    assert len(json.loads((built.folder / MANIFEST_FILE).read_text())["segments"]) == 1
    merged = current(settings, embedder.model_id)
    assert merged.folder == built.folder
    assert [merged.position_of(first_id), merged.position_of(second.article_id)] == [len(built.articles), len(built.articles) + 1]

    if settings.store_backend != "sqlite":
        return  # one PostgreSQL database per test: the store to compare with is made on SQLite only
    # The same base, both pages added before a single update.
    (tmp_path / "other").mkdir()
    shutil.copytree(BUNDLED, tmp_path / "other" / "articles", ignore=shutil.ignore_patterns(ADDED))
    other_settings = store_backend(tmp_path / "other")
    build_and_keep_search_index(load_corpus(other_settings), embedder)
    add_article(other_settings)
    other_store = open_store(other_settings)
    assert ingest_bytes(other_store, other_settings, LATER.name, LATER.read_bytes()).status == "added"
    assert update_inferred_dates(other_store) and update_search_index(other_store, embedder, other_settings)
    at_once = current(other_settings, embedder.model_id)
    assert [article.article_id for article in merged.articles] == [article.article_id for article in at_once.articles]
    assert np.array_equal(merged.row_sentence, at_once.row_sentence)
    for item in QUESTIONS:
        assert hits(search(merged, item["query"], embedder, k=10)) == hits(search(at_once, item["query"], embedder, k=10))


# -- fallbacks: each declines, and the caller builds the whole index -----------------------------------
def _remove_one(settings, corpus):
    open_store(settings).remove_article(corpus.articles[0].article_id)


def _put_again(settings, corpus):
    store = open_store(settings)
    article = store.article(corpus.articles[0].article_id)
    store.put_article(article, "bundled", f"articles/{article.source_file}", "another-pipeline", [])


def _base_record(change):
    def edit(settings, corpus):
        folder = next(path for path in (settings.store_dir / "search-index").iterdir() if not path.name.startswith("."))
        record = json.loads((folder / "index.json").read_text())
        change(record)
        (folder / "index.json").write_text(json.dumps(record))
    return edit


FALLBACKS = {
    "an article removed": (_remove_one, True),
    "an indexed article put again": (_put_again, True),
    "dates not brought to the added article": (lambda settings, corpus: None, False),
    "dates inferred whole since the build": (
        lambda settings, corpus: open_store(settings).put_inferred_dates(open_store(settings).fingerprint(), {}), True),
    "a base built by another model": (_base_record(lambda record: record.update(model_id="another-model")), True),
    "a base built by older code (no base sequence)": (_base_record(lambda record: record.pop("base_sequence")), True),
    "a base written by other code": (_base_record(lambda record: record.update(version="search-index-0")), True),
}


@pytest.mark.parametrize("case", FALLBACKS, ids=list(FALLBACKS))
def test_each_fallback_condition_declines(base, embedder, case):
    settings, corpus, _built = base
    store = open_store(settings)
    report = ingest_bytes(store, settings, ADDED, (BUNDLED / ADDED).read_bytes())
    assert report.status == "added"
    change, dates = FALLBACKS[case]
    change(settings, corpus)
    if dates:
        assert update_inferred_dates(store) or store.inferred_dates_fingerprint() != store.fingerprint()
        if store.inferred_dates_fingerprint() != store.fingerprint():  # the dates step declined too: as a caller would
            load_corpus(settings, sync=False)
    assert not update_search_index(store, embedder, settings)
    assert current(settings, embedder.model_id) is None, "nothing stored claims the new contents"


def test_too_many_added_articles_decline(base, embedder, monkeypatch):
    """More than `added_limit` of the base added (max(50, 2 %)): the bound is lowered to none, as if
    the base were too small to take even the one article added."""
    settings, _corpus, _built = base
    add_article(settings)
    monkeypatch.setattr(stored_index, "added_limit", lambda base_articles: 0)
    assert not update_search_index(open_store(settings), embedder, settings)


def test_another_engine_keeps_its_own_index(base, embedder):
    from dataclasses import replace

    settings, _corpus, _built = base
    add_article(settings)
    assert not update_search_index(open_store(settings), embedder, replace(settings, vector_index="qdrant"))


def _cut(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGES = {
    "segment vectors cut short": lambda segment, base: _cut(segment / "vectors.npy"),
    "segment keywords missing": lambda segment, base: shutil.rmtree(segment / "keywords"),
    "segment record not json": lambda segment, base: (segment / "segment.json").write_text("{", encoding="utf-8"),
    "manifest not json": lambda segment, base: (base / MANIFEST_FILE).write_text("[1, 2", encoding="utf-8"),
    "manifest names a missing segment": lambda segment, base: shutil.rmtree(segment),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_segment_is_removed_and_the_base_extended_again(base, embedder, damage, caplog):
    settings, _corpus, built = base
    added_id = add_article(settings)
    store = open_store(settings)
    assert update_search_index(store, embedder, settings)
    expected = [p.to_json() for p in search(current(settings, embedder.model_id), "Japan's stance", embedder, k=5)]
    segment = next((built.folder / SEGMENTS_FOLDER).iterdir())
    DAMAGES[damage](segment, built.folder)

    with caplog.at_level(logging.WARNING, logger="lib.search.stored_index"):
        assert current(settings, embedder.model_id) is None, "a damaged extension is never opened"
    assert "could not be read back" in caplog.text
    assert not (built.folder / MANIFEST_FILE).exists() and not (built.folder / SEGMENTS_FOLDER).exists()
    assert (built.folder / "vectors.npy").exists(), "the base stays"
    assert update_search_index(store, embedder, settings), "the base is extended again by the added article"
    again = current(settings, embedder.model_id)
    assert again.position_of(added_id) is not None
    assert [p.to_json() for p in search(again, "Japan's stance", embedder, k=5)] == expected


def test_a_damaged_segment_found_by_the_update_declines_and_never_raises(base, embedder, caplog):
    settings, _corpus, built = base
    add_article(settings)
    store = open_store(settings)
    assert update_search_index(store, embedder, settings)
    segment = next((built.folder / SEGMENTS_FOLDER).iterdir())
    _cut(segment / "row_article.npy")
    assert ingest_bytes(store, settings, LATER.name, LATER.read_bytes()).status == "added"
    assert update_inferred_dates(store)
    with caplog.at_level(logging.WARNING, logger="lib.search.stored_index"):
        assert not update_search_index(store, embedder, settings)
    assert "could not be read back" in caplog.text and not (built.folder / MANIFEST_FILE).exists()


def test_the_search_page_answers_from_the_base_and_the_added_segment(base, embedder, monkeypatch):
    """The page opens base + segment through its usual path (no rebuild: no other index folder appears)
    and shows the added article's passage among the results."""
    import streamlit as st

    from tests.views.test_search_stored_index import _app_on, _cards, _plain

    settings, _corpus, built = base
    added_id = add_article(settings)
    assert update_search_index(open_store(settings), embedder, settings)
    question = "pledge to come to each other's aid if one of them is invaded"
    expected = search(current(settings, embedder.model_id), question, embedder, k=10)
    assert added_id in {passage.hit.article_id for passage in expected}
    st.cache_resource.clear()
    st.cache_data.clear()
    app = _app_on(settings, monkeypatch)
    app.query_params["q"] = question
    app.run()
    assert not app.exception, app.exception
    cards = _cards(app)
    assert len(cards) == len(expected)
    assert all(_plain(passage.hit.sentence) in _plain(card) for passage, card in zip(expected, cards))
    assert [path.name for path in (settings.store_dir / "search-index").iterdir() if not path.name.startswith(".")] \
        == [built.folder.name], "the page did not build another index"
