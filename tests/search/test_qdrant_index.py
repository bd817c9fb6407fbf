"""The Qdrant engines behind `VectorIndex`: the exact index's guarantees, and the same search results.

`qdrant` runs `qdrant-client` in its in-memory mode (the same client calls as
against a server: small fixtures only, it is pure Python); `qdrant-edge` runs
Qdrant's engine in this process. With QDRANT_URL set (a real server), the
server runs every protocol test too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml

from lib.core.errors import StoryLensError
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus
from lib.search.hybrid import SearchFilters, build_search_index, search, search_by_article
from lib.search.qdrant_index import EXACT_UP_TO, QdrantEdgeIndex, QdrantIndex
from lib.search.vectors import ExactIndex, PayloadFilter, new_vector_index, row_payload

DIMENSION = 16
ROWS = 400
OUTLETS = tuple(f"outlet-{i}" for i in range(7))
LANGUAGES = ("en", "ja", "ru")

ENGINES = {
    "qdrant": lambda dimension: QdrantIndex(dimension),
    "qdrant-edge": lambda dimension: QdrantEdgeIndex(dimension),
}
if os.environ.get("QDRANT_URL"):
    ENGINES["qdrant-server"] = lambda dimension: QdrantIndex(dimension, url=os.environ["QDRANT_URL"])


def unit_vectors(count: int, dimension: int = DIMENSION, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def fixture_rows(count: int, seed: int = 0) -> dict:
    """Per-row outlet, language, publication interval (about one in nine undated) and readability, drawn at random."""
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, 360, size=count)
    lengths = rng.choice([0, 0, 0, 30], size=count)  # most dated to the day, some to a month
    base = np.datetime64("2024-01-01")
    days = [
        None if rng.random() < 0.11 else (str(base + int(start)), str(base + int(start) + int(length)))
        for start, length in zip(starts, lengths)
    ]
    return {
        "outlet": [OUTLETS[i] for i in rng.integers(0, len(OUTLETS), size=count)],
        "language": [LANGUAGES[i] for i in rng.integers(0, len(LANGUAGES), size=count)],
        "interval": days,
        "dense": (rng.random(count) > 0.08).tolist(),
    }


def payloads_of(rows: dict) -> list[dict]:
    return [
        row_payload(outlet, language, interval, dense)
        for outlet, language, interval, dense in zip(rows["outlet"], rows["language"], rows["interval"], rows["dense"])
    ]


def allowed_by(rows: dict, where: PayloadFilter) -> np.ndarray:
    """The rows a PayloadFilter selects, worked out in plain Python (what ExactIndex is given)."""
    keep = []
    for i, (outlet, language, interval, dense) in enumerate(zip(rows["outlet"], rows["language"], rows["interval"], rows["dense"])):
        if where.outlets and outlet not in where.outlets:
            continue
        if where.languages and language not in where.languages:
            continue
        if where.dense_only and not dense:
            continue
        if where.day_from or where.day_to:
            if interval is None:
                if not where.include_undated:
                    continue
            elif (where.day_from and interval[1] < where.day_from) or (where.day_to and interval[0] > where.day_to):
                continue
        keep.append(i)
    return np.asarray(keep, dtype=np.int64)


@pytest.fixture(params=sorted(ENGINES))
def engine(request):
    return request.param


@pytest.fixture
def filled(engine):
    """(engine index, exact index, vectors, rows) holding the same ROWS vectors and payloads."""
    vectors = unit_vectors(ROWS)
    rows = fixture_rows(ROWS)
    index = ENGINES[engine](DIMENSION)
    index.add(np.arange(ROWS), vectors, payloads_of(rows))
    exact = ExactIndex(DIMENSION)
    exact.add(np.arange(ROWS), vectors)
    return index, exact, vectors, rows


FILTERS = [
    PayloadFilter(outlets=("outlet-1",)),
    PayloadFilter(languages=("ja", "ru"), dense_only=True),
    PayloadFilter(day_from="2024-03-01", day_to="2024-05-15"),
    PayloadFilter(day_from="2024-10-01", include_undated=True),
    PayloadFilter(day_to="2024-06-10", outlets=("outlet-2", "outlet-5"), languages=("en", "ja")),
]


# -- the protocol's guarantees ---------------------------------------------------------------
def test_search_returns_k_ids_best_first_as_the_exact_index_does(filled):
    index, exact, vectors, _ = filled
    assert len(index) == ROWS
    for query in unit_vectors(5, seed=1):
        ids, scores = index.search(query, 10)
        exact_ids, exact_scores = exact.search(query, 10)
        assert len(ids) == 10 and np.all(np.diff(scores) <= 0)
        assert ids.tolist() == exact_ids.tolist()
        np.testing.assert_allclose(scores, exact_scores, atol=1e-5)
    assert len(index.search(vectors[0], ROWS + 50)[0]) == ROWS  # k larger than the index: every row once
    assert len(index.search(vectors[0], 0)[0]) == 0


@pytest.mark.parametrize("where", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in vars(f).items() if v))
def test_a_payload_filter_selects_exactly_the_allowed_ids_and_fills_k_inside_it(filled, where):
    index, exact, _, rows = filled
    allowed = allowed_by(rows, where)
    assert 10 < len(allowed) < ROWS  # a real restriction, with more than k rows inside
    for query in unit_vectors(3, seed=2):
        ids, _ = index.search(query, 10, payload_filter=where)
        by_ids, _ = index.search(query, 10, allowed_ids=allowed)
        exact_ids, _ = exact.search(query, 10, allowed_ids=allowed)
        assert ids.tolist() == by_ids.tolist() == exact_ids.tolist()
        assert set(ids.tolist()) <= set(allowed.tolist())
    everything, _ = index.search(unit_vectors(1, seed=3)[0], ROWS, payload_filter=where)
    assert sorted(everything.tolist()) == allowed.tolist()


def test_a_filter_with_nothing_inside_returns_nothing(filled):
    index, _, vectors, _ = filled
    assert len(index.search(vectors[0], 10, allowed_ids=np.zeros(0, dtype=np.int64))[0]) == 0
    assert len(index.search(vectors[0], 10, payload_filter=PayloadFilter(outlets=("no such outlet",)))[0]) == 0


def test_adding_an_id_again_replaces_its_vector_and_payload(filled):
    index, _, vectors, rows = filled
    target = vectors[7]
    index.add([42], target[None, :], [row_payload("outlet-new", "en", None, True)])
    assert len(index) == ROWS
    ids, scores = index.search(target, 2)
    assert set(ids.tolist()) == {7, 42} and scores[0] == pytest.approx(1.0, abs=1e-5)
    np.testing.assert_allclose(index.vectors_of(np.asarray([42])), target[None, :], atol=1e-6)
    only_new, _ = index.search(target, 10, payload_filter=PayloadFilter(outlets=("outlet-new",)))
    assert only_new.tolist() == [42]
    was, _ = index.search(target, ROWS, payload_filter=PayloadFilter(outlets=(rows["outlet"][42],)))
    assert 42 not in was.tolist()


def test_removed_ids_never_return(filled):
    index, _, vectors, _ = filled
    removed = list(range(0, ROWS, 4))
    index.remove(removed)
    index.remove([10_000])  # an id never added: nothing happens
    assert len(index) == ROWS - len(removed)
    for query in (vectors[0], vectors[8]):
        ids, _ = index.search(query, ROWS)
        assert not set(ids.tolist()) & set(removed)
        assert len(ids) == ROWS - len(removed)
    assert index.vectors_of(np.asarray([0, 1])).shape == (1, DIMENSION)


def test_vectors_of_keeps_the_order_asked_and_drops_missing_ids(filled):
    index, _, vectors, _ = filled
    got = index.vectors_of(np.asarray([9, 3, 99_999, 5]))
    np.testing.assert_allclose(got, vectors[[9, 3, 5]], atol=1e-6)


def test_bad_input_is_refused_as_by_the_exact_index(engine):
    index = ENGINES[engine](DIMENSION)
    with pytest.raises(ValueError, match="dimension"):
        index.add([1], unit_vectors(1, DIMENSION + 1))
    with pytest.raises(ValueError, match="non-negative"):
        index.add([-1], unit_vectors(1))
    assert len(index.search(unit_vectors(1)[0], 10)[0]) == 0  # empty index


def test_the_edge_engine_past_the_exhaustive_size_builds_hnsw_and_keeps_recall_and_filters():
    """Above EXACT_UP_TO rows the search is HNSW: recall@10 against exact stays high, filters still fill k."""
    count = EXACT_UP_TO + 2_000
    vectors = unit_vectors(count, 32, seed=4)
    rows = fixture_rows(count)
    index = QdrantEdgeIndex(32)
    index.add(np.arange(count), vectors, payloads_of(rows))
    assert index._shard.info().indexed_vectors_count > 0  # the graph exists: this is not brute force
    exact = ExactIndex(32, capacity=count)
    exact.add(np.arange(count), vectors)
    where = PayloadFilter(outlets=("outlet-3",), languages=("en",))
    allowed = allowed_by(rows, where)
    found = expected = 0
    for query in unit_vectors(20, 32, seed=5):
        truth = set(exact.search(query, 10)[0].tolist())
        found += len(truth & set(index.search(query, 10)[0].tolist()))
        expected += 10
        ids, _ = index.search(query, 10, payload_filter=where)
        assert len(ids) == 10 and set(ids.tolist()) <= set(allowed.tolist())
    assert found / expected >= 0.9


# -- the setting ------------------------------------------------------------------------------
def test_the_setting_builds_the_named_engine(tmp_path, monkeypatch):
    monkeypatch.delenv("STORYLENS_QDRANT_URL", raising=False)
    for kind, expected in (("exact", ExactIndex), ("qdrant", QdrantIndex), ("qdrant-edge", QdrantEdgeIndex)):
        monkeypatch.setenv("STORYLENS_VECTOR_INDEX", kind)
        assert type(new_vector_index(load_settings(tmp_path), DIMENSION)) is expected
    monkeypatch.setenv("STORYLENS_QDRANT_PATH", str(tmp_path / "shards"))
    index = new_vector_index(load_settings(tmp_path), DIMENSION)
    assert Path(index.folder).parent == tmp_path / "shards"


@pytest.mark.parametrize("url", ["http://127.0.0.1:9", "not a url at all"])
def test_a_qdrant_url_that_does_not_answer_is_one_clear_message(url):
    with pytest.raises(StoryLensError) as raised:
        QdrantIndex(DIMENSION, url=url)
    message = str(raised.value)
    assert "STORYLENS_QDRANT_URL" in message and repr(url) in message
    assert "STORYLENS_VECTOR_INDEX=exact" in message


def test_an_unwritable_qdrant_path_is_one_clear_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoryLensError, match="STORYLENS_QDRANT_PATH"):
        QdrantEdgeIndex(DIMENSION, path=blocker / "shards")


def test_the_cli_search_with_a_dead_qdrant_server_prints_one_line_and_exits_2(tmp_path):
    data = tmp_path / "data" / "articles"
    data.mkdir(parents=True)
    bundled = sorted((REPO_ROOT / "data" / "articles").glob("*.txt"))[0]
    (data / bundled.name).write_bytes(bundled.read_bytes())
    env = dict(
        os.environ,
        STORYLENS_VECTOR_INDEX="qdrant",
        STORYLENS_QDRANT_URL="http://127.0.0.1:9",
        HF_HUB_OFFLINE="1",
        PYTHONPATH=str(REPO_ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-m", "lib.cli", "search", "treaty", "--data", str(tmp_path / "data")],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]  # the ingest report of the copied article comes first
    assert last.startswith("error: Cannot reach the Qdrant server at STORYLENS_QDRANT_URL='http://127.0.0.1:9'"), result.stderr
    assert "Traceback" not in result.stderr


# -- same results as the exact index on real stories ------------------------------------------
def with_engine(corpus, kind: str):
    """The same corpus, its settings naming another vector index."""
    return replace(corpus, settings=replace(corpus.settings, vector_index=kind, qdrant_url=None))


def hits(passages) -> list[tuple[str, int]]:
    return [(p.hit.source_file, p.hit.sentence_index) for p in passages]


@pytest.fixture(scope="module")
def bundled_indexes(corpus, embedder):
    return {kind: build_search_index(with_engine(corpus, kind), embedder) for kind in ("exact", "qdrant", "qdrant-edge")}


def test_the_bundled_eval_questions_get_the_same_top_ten_on_every_engine(bundled_indexes, embedder):
    import json

    gold = json.loads((REPO_ROOT / "eval" / "gold" / "search_queries.json").read_text(encoding="utf-8"))["queries"]
    assert type(bundled_indexes["qdrant"].vectors) is QdrantIndex
    assert type(bundled_indexes["qdrant-edge"].vectors) is QdrantEdgeIndex
    for item in gold:
        expected = hits(search(bundled_indexes["exact"], item["query"], embedder, k=10))
        assert expected, item["query"]  # the bundled story is small: some questions have fewer than 10 passages
        for kind in ("qdrant", "qdrant-edge"):
            got = search(bundled_indexes[kind], item["query"], embedder, k=10)
            assert hits(got) == expected, (kind, item["query"])


def test_filtered_searches_get_the_same_top_ten_on_every_engine(bundled_indexes, embedder):
    exact = bundled_indexes["exact"]
    outlets = exact.outlets()
    filters = [
        SearchFilters(outlets=tuple(outlets[:2])),
        SearchFilters(date_from="2024-10-15", date_to="2024-11-30"),
        SearchFilters(date_to="2024-10-31", include_undated=True),
        SearchFilters(languages=tuple(exact.languages()[:1]), outlets=tuple(outlets[1:4])),
    ]
    for where in filters:
        for query in ("how many soldiers were sent?", "what did the ministry say about the treaty"):
            expected = hits(search(exact, query, embedder, k=10, filters=where))
            assert expected, where
            for kind in ("qdrant", "qdrant-edge"):
                assert hits(search(bundled_indexes[kind], query, embedder, k=10, filters=where)) == expected, (kind, where)


@pytest.mark.slow
@pytest.mark.parametrize("story", ["russia-dprk", "japan-rice"])
def test_the_coverage_dev_questions_get_the_same_top_ten_articles_on_every_engine(story, tmp_path, embedder):
    bench = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
    if not (bench / story).is_dir():
        pytest.skip(f"coverage-dev story {story} not available at {bench}")
    data = tmp_path / story / "articles"
    data.mkdir(parents=True)
    for page in sorted((bench / story).glob("*.txt")):
        (data / page.name).write_bytes(page.read_bytes())
    corpus = load_corpus(load_settings(tmp_path / story))
    gold = yaml.safe_load((bench / story / "gold.yaml").read_text(encoding="utf-8"))
    indexes = {kind: build_search_index(with_engine(corpus, kind), embedder) for kind in ("exact", "qdrant", "qdrant-edge")}
    for query in gold["queries"]:
        expected = [match.source_file for match in search_by_article(indexes["exact"], query["q"], embedder, k=10)]
        for kind in ("qdrant", "qdrant-edge"):
            got = [match.source_file for match in search_by_article(indexes[kind], query["q"], embedder, k=10)]
            assert got == expected, (kind, query["id"])


def test_the_default_engine_never_imports_qdrant(tmp_path):
    """The exact path (the app's default, Community Cloud) loads neither Qdrant package."""
    code = (
        "import sys\n"
        "from lib.core.settings import load_settings\n"
        "from lib.search.hybrid import build_search_index\n"
        "from lib.search.vectors import new_vector_index\n"
        f"index = new_vector_index(load_settings({str(tmp_path)!r}), 8)\n"
        "print(type(index).__name__, sorted(m for m in sys.modules if m.startswith('qdrant')))\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "STORYLENS_VECTOR_INDEX"}
    env["PYTHONPATH"] = str(REPO_ROOT)
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.strip() == "ExactIndex []", result.stderr
