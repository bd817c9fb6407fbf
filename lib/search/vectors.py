"""The vector index behind dense search: a small interface and an exact numpy backend.

`ExactIndex` keeps every unit vector in one float32 matrix and answers a query
with one matrix-vector product and `argpartition`: results are exact (no
recall loss) and a filter costs nothing extra. docs/search-index.md gives the
measured corpus size at which an approximate engine should take over; any
engine that implements `VectorIndex` can replace it without touching search.
"""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np


class VectorIndex(Protocol):
    """Vectors keyed by non-negative integer ids; search returns (ids, scores) best first."""

    dimension: int

    def __len__(self) -> int: ...

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None: ...

    def remove(self, ids: Sequence[int] | np.ndarray) -> None: ...

    def search(
        self, query: np.ndarray, k: int, allowed_ids: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]: ...


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

    def __init__(self, dimension: int, capacity: int = 1024):
        self.dimension = int(dimension)
        self._matrix = np.zeros((max(capacity, 1), self.dimension), dtype=np.float32)
        self._ids = np.zeros(max(capacity, 1), dtype=np.int64)
        self._count = 0  # rows in use (live or tombstoned)
        self._alive = np.zeros(max(capacity, 1), dtype=bool)
        self._row_of: dict[int, int] = {}
        # id -> row as an array (-1: absent), so filters map ids to rows without a Python loop.
        self._lookup = np.full(0, -1, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._row_of)

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

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
        if vectors.shape[1] != self.dimension:
            raise ValueError(f"vectors have dimension {vectors.shape[1]}, index has {self.dimension}")
        if len(ids) and ids.min() < 0:
            raise ValueError("ids must be non-negative integers")
        self.remove([i for i in ids.tolist() if i in self._row_of])
        self._reserve(len(ids))
        start, end = self._count, self._count + len(ids)
        self._matrix[start:end] = vectors
        self._ids[start:end] = ids
        self._alive[start:end] = True
        self._row_of.update(zip(ids.tolist(), range(start, end)))
        self._count = end
        if len(ids):
            top = int(ids.max()) + 1
            if top > len(self._lookup):
                grown = np.full(max(top, 2 * len(self._lookup)), -1, dtype=np.int64)
                grown[: len(self._lookup)] = self._lookup
                self._lookup = grown
            self._lookup[ids] = np.arange(start, end)

    def remove(self, ids: Sequence[int] | np.ndarray) -> None:
        for identifier in np.asarray(ids, dtype=np.int64).reshape(-1).tolist():
            row = self._row_of.pop(identifier, None)
            if row is not None:
                self._alive[row] = False
                self._lookup[identifier] = -1
        # Compact when a quarter of the rows are tombstones, so scans stay tight.
        if self._count and (self._count - len(self._row_of)) > self._count // 4:
            self._compact()

    def _compact(self) -> None:
        keep = np.flatnonzero(self._alive[: self._count])
        count = len(keep)
        self._matrix[:count] = self._matrix[keep]
        self._ids[:count] = self._ids[keep]
        self._alive[:count] = True
        self._alive[count:] = False
        self._count = count
        self._row_of = dict(zip(self._ids[:count].tolist(), range(count)))
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
        self, query: np.ndarray, k: int, allowed_ids: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        if k <= 0 or not self._row_of:
            return empty
        if allowed_ids is None:
            rows = None
            if len(self._row_of) != self._count:
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
