"""The vector index behind dense search: a small interface and an exact numpy backend.

`ExactIndex` keeps every unit vector in one float32 matrix and answers a query
with one matrix-vector product and `argpartition`: results are exact (no
recall loss) and a filter costs nothing extra. docs/search-index.md gives the
measured corpus size at which an approximate engine should take over; any
engine that implements `VectorIndex` can replace it without touching search.

Engines that filter inside their own index (Qdrant applies payload conditions
inside the HNSW search) say so with `filters_by_payload = True`: they are given
one payload per row at `add` and a `PayloadFilter` at `search`, which selects
exactly the rows `allowed_ids` would. `new_vector_index` picks the engine named
by the `STORYLENS_VECTOR_INDEX` setting; the Qdrant engines live in
`lib.search.qdrant_index` and are imported only when chosen.
"""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np

from lib.search.payload import PayloadFilter, day_number, is_iso_day, row_payload

__all__ = ["ExactIndex", "PayloadFilter", "SegmentedIndex", "VectorIndex", "day_number", "is_iso_day", "new_vector_index", "row_payload"]


class VectorIndex(Protocol):
    """Vectors keyed by non-negative integer ids; search returns (ids, scores) best first.

    Every engine keeps `ExactIndex`'s guarantees (k, order, filter before the
    top-k cut, replace on re-add, removed ids never return). An engine with
    `filters_by_payload` reads `payloads` at `add` and, when given, filters by
    `payload_filter` instead of `allowed_ids`; `ExactIndex` ignores both.
    """

    dimension: int
    filters_by_payload: bool

    def __len__(self) -> int: ...

    def add(
        self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray, payloads: Sequence[dict] | None = None
    ) -> None: ...

    def remove(self, ids: Sequence[int] | np.ndarray) -> None: ...

    def search(
        self,
        query: np.ndarray,
        k: int,
        allowed_ids: np.ndarray | None = None,
        payload_filter: PayloadFilter | None = None,
    ) -> tuple[np.ndarray, np.ndarray]: ...

    def vectors_of(self, ids: np.ndarray) -> np.ndarray: ...


def new_vector_index(settings, dimension: int, capacity: int = 1024) -> VectorIndex:
    """An empty index of the kind `settings.vector_index` names (see lib/core/settings.py)."""
    kind = getattr(settings, "vector_index", "exact")
    if kind == "exact":
        return ExactIndex(dimension, capacity=capacity)
    try:
        from lib.search.qdrant_index import QdrantEdgeIndex, QdrantIndex
    except ImportError as error:
        from lib.core.errors import StoryLensError

        raise StoryLensError(
            f"STORYLENS_VECTOR_INDEX={kind} needs the package {error.name or 'qdrant-client'}, which is not installed: "
            'pip install -e ".[test]" (or qdrant-client and qdrant-edge-py), or set STORYLENS_VECTOR_INDEX=exact.'
        ) from None

    if kind == "qdrant":
        return QdrantIndex(dimension, url=settings.qdrant_url)
    if kind == "qdrant-edge":
        return QdrantEdgeIndex(dimension, path=settings.qdrant_path)
    raise ValueError(f"unknown vector index {kind!r} (lib.core.settings.VECTOR_INDEX_KINDS lists the engines)")


class ExactIndex:
    """Exact inner-product search over unit vectors (inner product == cosine).

    Guarantees: `search` returns at most `k` ids, sorted by score descending,
    drawn only from `allowed_ids` when given (the filter applies before the
    top-k cut, so a filtered search still fills k from inside the filter);
    adding an id that exists replaces its vector; removed ids never return.
    """

    # Below this fraction of allowed rows, score only the gathered rows
    # (a gather costs about as much as scoring the same rows in place).
    _GATHER_BELOW = 0.5
    # Filters come as `allowed_ids`; payloads and payload filters are not read.
    filters_by_payload = False

    def __init__(self, dimension: int, capacity: int = 1024):
        self.dimension = int(dimension)
        self._matrix = np.zeros((max(capacity, 1), self.dimension), dtype=np.float32)
        self._ids = np.zeros(max(capacity, 1), dtype=np.int64)
        self._count = 0  # rows in use (live or tombstoned)
        self._alive = np.zeros(max(capacity, 1), dtype=bool)
        self._live = 0  # ids in the index
        # id -> row as an array (-1: absent): filters map ids to rows without a Python loop, and a
        # million ids cost 8 MB here where a dict cost ~100 MB and a second to build.
        self._lookup = np.full(0, -1, dtype=np.int64)

    @classmethod
    def from_matrix(cls, matrix: np.ndarray) -> "ExactIndex":
        """An index whose id i is row i of `matrix`, without copying it (a memory-mapped file stays
        mapped: a stored index opens in milliseconds and pages in as it is searched)."""
        if matrix.ndim != 2 or matrix.dtype != np.float32:
            raise ValueError(f"a stored matrix must be 2-D float32, not {matrix.ndim}-D {matrix.dtype}")
        index = cls(matrix.shape[1], capacity=1)
        count = matrix.shape[0]
        index._matrix = matrix
        index._ids = np.arange(count, dtype=np.int64)
        index._alive = np.ones(count, dtype=bool)
        index._count = index._live = count
        index._lookup = np.arange(count, dtype=np.int64)
        return index

    def matrix(self) -> np.ndarray:
        """The vector of id i in row i (a read-only view), when the ids are exactly 0..n-1 in order;
        else None (such an index is not stored by `from_matrix`'s inverse)."""
        count = self._count
        if self._live != count or not np.array_equal(self._ids[:count], np.arange(count)):
            return None
        return self._matrix[:count]

    def __len__(self) -> int:
        return self._live

    def _known(self, ids: np.ndarray) -> np.ndarray:
        inside = ids[(ids >= 0) & (ids < len(self._lookup))]
        return inside[self._lookup[inside] >= 0]

    # -- writes ------------------------------------------------------------
    def _reserve(self, extra: int) -> None:
        needed = self._count + extra
        if needed <= self._matrix.shape[0]:
            return
        capacity = max(needed, self._matrix.shape[0] * 2)
        matrix = np.zeros((capacity, self.dimension), dtype=np.float32)
        matrix[: self._count] = self._matrix[: self._count]
        ids = np.zeros(capacity, dtype=np.int64)
        ids[: self._count] = self._ids[: self._count]
        alive = np.zeros(capacity, dtype=bool)
        alive[: self._count] = self._alive[: self._count]
        self._matrix, self._ids, self._alive = matrix, ids, alive

    def add(
        self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray, payloads: Sequence[dict] | None = None
    ) -> None:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        if vectors.shape[1] != self.dimension:
            raise ValueError(f"vectors have dimension {vectors.shape[1]}, index has {self.dimension}")
        if len(ids) and ids.min() < 0:
            raise ValueError("ids must be non-negative integers")
        self.remove(self._known(ids))
        self._reserve(len(ids))
        start, end = self._count, self._count + len(ids)
        self._matrix[start:end] = vectors
        self._ids[start:end] = ids
        self._alive[start:end] = True
        self._count = end
        if len(ids):
            top = int(ids.max()) + 1
            if top > len(self._lookup):
                grown = np.full(max(top, 2 * len(self._lookup)), -1, dtype=np.int64)
                grown[: len(self._lookup)] = self._lookup
                self._lookup = grown
            self._lookup[ids] = np.arange(start, end)
            # An id given twice in one call keeps its last vector; the earlier row is a tombstone.
            rows = np.arange(start, end)
            superseded = rows[self._lookup[ids] != rows]
            self._alive[superseded] = False
            self._live += len(ids) - len(superseded)

    def remove(self, ids: Sequence[int] | np.ndarray) -> None:
        known = np.unique(self._known(np.asarray(ids, dtype=np.int64).reshape(-1)))
        if len(known):
            self._alive[self._lookup[known]] = False
            self._lookup[known] = -1
            self._live -= len(known)
        # Compact when a quarter of the rows are tombstones, so scans stay tight.
        if self._count and (self._count - self._live) > self._count // 4:
            self._compact()

    def _compact(self) -> None:
        keep = np.flatnonzero(self._alive[: self._count])
        count = len(keep)
        if not self._matrix.flags.writeable:  # a mapped file: compact into memory
            self._matrix = np.array(self._matrix)
        self._matrix[:count] = self._matrix[keep]
        self._ids[:count] = self._ids[keep]
        self._alive[:count] = True
        self._alive[count:] = False
        self._count = count
        self._lookup[:] = -1
        self._lookup[self._ids[:count]] = np.arange(count)

    # -- reads -------------------------------------------------------------
    def rows_of(self, ids: np.ndarray) -> np.ndarray:
        """Row numbers of the given ids (ids not in the index are dropped)."""
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        ids = ids[(ids >= 0) & (ids < len(self._lookup))]
        rows = self._lookup[ids]
        return rows[rows >= 0]

    def search(
        self,
        query: np.ndarray,
        k: int,
        allowed_ids: np.ndarray | None = None,
        payload_filter: PayloadFilter | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        if k <= 0 or not self._live:
            return empty
        if allowed_ids is None:
            rows = None
            if self._live != self._count:
                rows = np.flatnonzero(self._alive[: self._count])
        else:
            rows = self.rows_of(allowed_ids)
            if len(rows) == 0:
                return empty
        if rows is None:
            scores = self._matrix[: self._count] @ query
            candidates = None
        elif len(rows) < self._GATHER_BELOW * self._count:
            scores = self._matrix[rows] @ query
            candidates = rows
        else:
            full = self._matrix[: self._count] @ query
            scores = full[rows]
            candidates = rows
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        chosen_rows = top if candidates is None else candidates[top]
        return self._ids[chosen_rows].copy(), scores[top].astype(np.float32)

    def vectors_of(self, ids: np.ndarray) -> np.ndarray:
        """The stored vectors of `ids` (missing ids dropped), in the given order."""
        return self._matrix[self.rows_of(ids)].copy()


class SegmentedIndex:
    """Exact search over a base `ExactIndex` and the small ones of rows added after it, as one index:
    id i of segment s is `offsets[s] + i` (the segments' rows follow one another). Read-only.

    Guarantees: `ExactIndex`'s (k, order, filter before the top-k cut). Each segment is searched for
    its own best k and the lists are merged by score, base first at equal scores, so when no added
    row is among the best k the result is the base's own, identical."""

    filters_by_payload = False

    def __init__(self, parts):
        self.parts = tuple(parts)
        self.dimension = self.parts[0].dimension
        sizes = [len(part) for part in self.parts]
        self.offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)

    def __len__(self) -> int:
        return int(self.offsets[-1])

    def add(self, ids, vectors, payloads=None) -> None:
        raise TypeError("a segmented index is read-only: added rows are a new segment")

    def remove(self, ids) -> None:
        raise TypeError("a segmented index is read-only")

    def matrix(self) -> None:
        """None: the rows are not one matrix (such an index is kept as its segments)."""
        return None

    def search(self, query, k: int, allowed_ids=None, payload_filter=None) -> tuple[np.ndarray, np.ndarray]:
        found_ids, found_scores = [], []
        allowed = None if allowed_ids is None else np.asarray(allowed_ids, dtype=np.int64).reshape(-1)
        for part, start, end in zip(self.parts, self.offsets[:-1], self.offsets[1:]):
            inside = None
            if allowed is not None:
                inside = allowed[(allowed >= start) & (allowed < end)] - start
                if not len(inside):
                    continue
            ids, scores = part.search(query, k, allowed_ids=inside)
            found_ids.append(ids + start)
            found_scores.append(scores)
        if not found_ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        ids, scores = np.concatenate(found_ids), np.concatenate(found_scores)
        best = np.argsort(-scores, kind="stable")[:k]  # stable: the base's order, and the base first at ties
        return ids[best], scores[best].astype(np.float32)

    def vectors_of(self, ids: np.ndarray) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        ids = ids[(ids >= 0) & (ids < len(self))]
        segment = np.searchsorted(self.offsets, ids, side="right") - 1
        rows = [self.parts[s].vectors_of(np.asarray([i - self.offsets[s]]))[0] for i, s in zip(ids.tolist(), segment.tolist())]
        return np.asarray(rows, dtype=np.float32).reshape(len(rows), self.dimension)
