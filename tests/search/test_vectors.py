"""The exact vector index: same answers as brute force, filters before the top-k cut."""

from __future__ import annotations

import numpy as np
import pytest

from lib.search.vectors import ExactIndex


def unit_vectors(count: int, dimension: int = 16, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    vectors = rng.standard_normal((count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def brute_force(vectors: np.ndarray, ids: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    scores = vectors @ query
    order = np.argsort(-scores, kind="stable")[:k]
    return ids[order].tolist()


@pytest.mark.parametrize("count,k", [(1, 1), (10, 3), (500, 10), (500, 500), (2000, 25)])
def test_search_matches_brute_force(count, k):
    vectors = unit_vectors(count)
    ids = np.arange(100, 100 + count)
    index = ExactIndex(16, capacity=4)  # small capacity: exercises growth
    index.add(ids, vectors)
    query = unit_vectors(1, seed=7)[0]
    found, scores = index.search(query, k)
    assert found.tolist() == brute_force(vectors, ids, query, k)
    assert np.all(np.diff(scores) <= 0), "scores must be sorted best first"


@pytest.mark.parametrize("allowed_fraction", [0.01, 0.3, 0.9])
def test_filter_applies_before_top_k_and_still_fills_k(allowed_fraction):
    vectors = unit_vectors(1000)
    ids = np.arange(1000)
    index = ExactIndex(16)
    index.add(ids, vectors)
    rng = np.random.default_rng(3)
    allowed = np.sort(rng.choice(1000, size=int(1000 * allowed_fraction), replace=False))
    query = unit_vectors(1, seed=11)[0]
    k = 5
    found, _ = index.search(query, k, allowed_ids=allowed)
    assert len(found) == min(k, len(allowed))
    assert set(found.tolist()) <= set(allowed.tolist())
    assert found.tolist() == brute_force(vectors[allowed], allowed, query, k)


def test_removed_ids_never_return_and_compaction_keeps_answers():
    vectors = unit_vectors(400)
    index = ExactIndex(16)
    index.add(np.arange(400), vectors)
    removed = np.arange(0, 400, 2)  # half: triggers compaction
    index.remove(removed)
    assert len(index) == 200
    query = vectors[0]  # the best match of a removed vector must not come back
    found, _ = index.search(query, 400)
    assert not set(found.tolist()) & set(removed.tolist())
    kept = np.arange(1, 400, 2)
    assert found.tolist() == brute_force(vectors[kept], kept, query, 400)


def test_adding_an_existing_id_replaces_its_vector():
    vectors = unit_vectors(3)
    index = ExactIndex(16)
    index.add([0, 1, 2], vectors)
    index.add([1], vectors[2:3])
    assert len(index) == 3
    found, scores = index.search(vectors[2], 2)
    assert set(found.tolist()) == {1, 2}
    assert np.allclose(scores, 1.0, atol=1e-5)


@pytest.mark.parametrize(
    "ids,allowed,k",
    [([], None, 5), ([1, 2], np.array([99]), 5), ([1, 2], None, 0)],
    ids=["empty index", "filter matches nothing", "k is zero"],
)
def test_search_returns_nothing_when_nothing_can_match(ids, allowed, k):
    index = ExactIndex(16)
    if ids:
        index.add(ids, unit_vectors(len(ids)))
    found, scores = index.search(unit_vectors(1)[0], k, allowed_ids=allowed)
    assert len(found) == 0 and len(scores) == 0


@pytest.mark.parametrize(
    "ids,vectors",
    [([0], np.zeros((1, 8), dtype=np.float32)), ([-1], unit_vectors(1))],
    ids=["wrong dimension", "negative id"],
)
def test_bad_additions_are_refused(ids, vectors):
    index = ExactIndex(16)
    with pytest.raises(ValueError):
        index.add(ids, vectors)
