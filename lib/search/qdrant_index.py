"""The passage vectors in Qdrant: a server (or its in-memory twin) and the in-process engine.

Both classes implement `lib.search.vectors.VectorIndex` with `ExactIndex`'s
guarantees: `search` returns at most k ids, best first; a filter is applied
inside the search, before the top-k cut, so a filtered search fills k from
inside the filter; adding an id again replaces its vector (and payload);
removed ids never return. Scores are inner products (Qdrant's `Dot`), the
cosine for the unit vectors StoryLens stores, as in `ExactIndex`.

* `QdrantIndex` talks to a Qdrant server through `qdrant-client`
  (`STORYLENS_VECTOR_INDEX=qdrant`, `STORYLENS_QDRANT_URL`); without a URL it
  uses `QdrantClient(location=":memory:")`, the same client API run in Python
  (exact, slow past a few thousand rows: tests and small stories only).
* `QdrantEdgeIndex` runs Qdrant's Rust engine in this process through
  `qdrant-edge-py` (`STORYLENS_VECTOR_INDEX=qdrant-edge`): an HNSW graph per
  segment, payload filters applied inside the graph search.

Filters arrive as a `PayloadFilter` (conditions on the payload every row got
at `add`, indexed by the engine) or, failing that, as `allowed_ids` (a
has-id condition: correct, but the id list travels with every query).
Collections of up to `EXACT_UP_TO` rows are searched exhaustively, so at the
sizes of a story file the results equal `ExactIndex`'s; above it the HNSW
search is approximate (recall@10 measured in docs/scaling.md).
Neither library is imported until one of these classes is built.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import weakref
from pathlib import Path
from typing import Sequence

import numpy as np

from lib.core.errors import StoryLensError
from lib.search.payload import PayloadFilter, day_number

# Collections up to this many rows are searched exhaustively (results equal
# ExactIndex's); 20k rows of 384 floats cost ~2 ms a query brute force.
EXACT_UP_TO = 20_000
# HNSW graph: edges per node, build beam, search beam (Qdrant's defaults are 16 / 100 / 128 ≈ k).
HNSW_M = 16
HNSW_EF_CONSTRUCT = 100
HNSW_EF = 128
# Points sent per upsert call.
UPLOAD_BATCH = 2_000
# Payload fields and how each is indexed.
KEYWORD_FIELDS = ("outlet", "language")
INTEGER_FIELDS = ("earliest", "latest", "dated", "dense")
SERVER_TIMEOUT_S = 10


def _checked(ids, vectors, dimension: int, payloads) -> tuple[list[int], np.ndarray, list[dict]]:
    ids = np.asarray(ids, dtype=np.int64).reshape(-1)
    vectors = np.asarray(vectors, dtype=np.float32).reshape(len(ids), -1)
    if vectors.shape[1] != dimension:
        raise ValueError(f"vectors have dimension {vectors.shape[1]}, index has {dimension}")
    if len(ids) and ids.min() < 0:
        raise ValueError("ids must be non-negative integers")
    payloads = list(payloads) if payloads is not None else [{} for _ in range(len(ids))]
    if len(payloads) != len(ids):
        raise ValueError(f"{len(payloads)} payloads for {len(ids)} ids")
    return ids.tolist(), vectors, payloads


def _filter(models, range_of, has_id, payload_filter: PayloadFilter | None, allowed_ids: np.ndarray | None):
    """The engine's Filter for a search (None: every row).

    `models` is the library's namespace (qdrant_client.models or qdrant_edge),
    `range_of(gte=, lte=)` its integer range condition, `has_id(ids)` its id condition.
    """
    if payload_filter is None:
        if allowed_ids is None:
            return None
        return models.Filter(must=[has_id(np.asarray(allowed_ids, dtype=np.int64).reshape(-1).tolist())])
    must, should = [], []
    if payload_filter.outlets:
        must.append(models.FieldCondition(key="outlet", match=models.MatchAny(any=list(payload_filter.outlets))))
    if payload_filter.languages:
        must.append(models.FieldCondition(key="language", match=models.MatchAny(any=list(payload_filter.languages))))
    if payload_filter.dense_only:
        must.append(models.FieldCondition(key="dense", match=models.MatchValue(value=1)))
    if payload_filter.day_from or payload_filter.day_to:
        inside = [models.FieldCondition(key="dated", match=models.MatchValue(value=1))]
        if payload_filter.day_from:
            inside.append(models.FieldCondition(key="latest", range=range_of(gte=day_number(payload_filter.day_from))))
        if payload_filter.day_to:
            inside.append(models.FieldCondition(key="earliest", range=range_of(lte=day_number(payload_filter.day_to))))
        if payload_filter.include_undated:
            should = [models.Filter(must=inside), models.FieldCondition(key="dated", match=models.MatchValue(value=0))]
        else:
            must.extend(inside)
    if not must and not should:
        return None
    return models.Filter(must=must or None, should=should or None)


def _nothing_to_find(k: int, allowed_ids: np.ndarray | None, payload_filter: PayloadFilter | None) -> bool:
    """True when a search can return nothing: no k, or an empty id filter and no payload filter."""
    return k <= 0 or (allowed_ids is not None and payload_filter is None and len(allowed_ids) == 0)


def _as_result(points) -> tuple[np.ndarray, np.ndarray]:
    ids = np.asarray([int(point.id) for point in points], dtype=np.int64)
    scores = np.asarray([point.score for point in points], dtype=np.float32)
    return ids, scores


class QdrantIndex:
    """Passage vectors in a Qdrant collection through `qdrant-client` (a server, or in memory).

    `url=None` runs the client's in-memory mode (same API, pure Python). A URL
    that does not answer raises StoryLensError naming the setting. The
    collection is created for this index (a fresh name) and dropped with it.
    """

    filters_by_payload = True

    def __init__(self, dimension: int, url: str | None = None, collection: str | None = None):
        from qdrant_client import QdrantClient, models

        self.dimension = int(dimension)
        self.url = url
        self._models = models
        self._size: int | None = 0  # rows, counted again after each write
        self.collection = collection or f"storylens-passages-{uuid.uuid4().hex[:12]}"
        try:
            if url:
                # get_collections() below checks the server answers; the client's own version probe only warns.
                self._client = QdrantClient(url=url, timeout=SERVER_TIMEOUT_S, check_compatibility=False)
            else:
                self._client = QdrantClient(location=":memory:")
            self._client.get_collections()
        except Exception as error:  # any transport or URL error: the message must name the setting
            raise StoryLensError(
                f"Cannot reach the Qdrant server at STORYLENS_QDRANT_URL={url!r} "
                f"({type(error).__name__}: {str(error).splitlines()[0] if str(error) else 'no answer'}). "
                "Start the server, correct the URL (e.g. http://localhost:6333), "
                "or set STORYLENS_VECTOR_INDEX=exact to search in this process."
            ) from None
        self._client.create_collection(
            self.collection,
            vectors_config=models.VectorParams(size=self.dimension, distance=models.Distance.DOT),
            hnsw_config=models.HnswConfigDiff(m=HNSW_M, ef_construct=HNSW_EF_CONSTRUCT),
        )
        if url:  # payload indexes exist only on a server (the in-memory mode scans payloads)
            for field in KEYWORD_FIELDS:
                self._client.create_payload_index(self.collection, field, models.PayloadSchemaType.KEYWORD)
            for field in INTEGER_FIELDS:
                self._client.create_payload_index(self.collection, field, models.PayloadSchemaType.INTEGER)
        weakref.finalize(self, _drop_collection, self._client, self.collection)

    def __len__(self) -> int:
        if self._size is None:
            self._size = int(self._client.count(self.collection, exact=True).count)
        return self._size

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray, payloads: Sequence[dict] | None = None) -> None:
        ids, vectors, payloads = _checked(ids, vectors, self.dimension, payloads)
        self._size = None
        for start in range(0, len(ids), UPLOAD_BATCH):
            end = start + UPLOAD_BATCH
            self._client.upsert(
                self.collection,
                points=self._models.Batch(
                    ids=ids[start:end], vectors=vectors[start:end].tolist(), payloads=payloads[start:end]
                ),
                wait=True,
            )

    def remove(self, ids: Sequence[int] | np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1).tolist()
        self._size = None
        if ids:
            self._client.delete(self.collection, points_selector=self._models.PointIdsList(points=ids), wait=True)

    def search(
        self,
        query: np.ndarray,
        k: int,
        allowed_ids: np.ndarray | None = None,
        payload_filter: PayloadFilter | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        models = self._models
        if _nothing_to_find(k, allowed_ids, payload_filter):
            return _as_result([])
        exact = len(self) <= EXACT_UP_TO if self.url else True
        response = self._client.query_points(
            self.collection,
            query=np.asarray(query, dtype=np.float32).reshape(-1).tolist(),
            query_filter=_filter(
                models, models.Range, lambda ids: models.HasIdCondition(has_id=ids), payload_filter, allowed_ids
            ),
            # The in-memory mode is always exhaustive and warns about search parameters.
            search_params=models.SearchParams(exact=exact, hnsw_ef=max(HNSW_EF, k)) if self.url else None,
            limit=int(k),
            with_payload=False,
        )
        return _as_result(response.points)

    def vectors_of(self, ids: np.ndarray) -> np.ndarray:
        """The stored vectors of `ids` (missing ids dropped), in the given order."""
        wanted = np.asarray(ids, dtype=np.int64).reshape(-1).tolist()
        records = self._client.retrieve(self.collection, ids=wanted, with_vectors=True, with_payload=False)
        by_id = {int(record.id): record.vector for record in records}
        rows = [by_id[i] for i in wanted if i in by_id]
        return np.asarray(rows, dtype=np.float32).reshape(len(rows), self.dimension)


def _drop_collection(client, collection: str) -> None:
    try:
        client.delete_collection(collection)
        client.close()
    except Exception:  # the server may be gone at interpreter exit; nothing to clean then
        pass


class QdrantEdgeIndex:
    """Passage vectors in Qdrant's engine run in this process (`qdrant-edge-py`).

    The shard lives in a fresh folder inside `path` (default: the system temp
    folder) and is removed with the index. After a bulk `add` of at least
    `EXACT_UP_TO` rows the optimizer builds the HNSW graph (minutes per
    million rows: see docs/scaling.md); smaller segments are searched exhaustively.
    """

    filters_by_payload = True

    def __init__(self, dimension: int, path: str | Path | None = None, hnsw_ef: int = HNSW_EF):
        import qdrant_edge as edge

        self.dimension = int(dimension)
        self.hnsw_ef = int(hnsw_ef)  # search beam: higher is slower and closer to exact
        self._edge = edge
        self._size: int | None = 0  # rows, counted again after each write
        if path is not None:
            try:
                Path(path).mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoryLensError(
                    f"The setting STORYLENS_QDRANT_PATH={str(path)!r} is not a folder StoryLens can write to "
                    f"({error.strerror}). Correct it or remove it (the default is a temporary folder)."
                ) from None
        self.folder = tempfile.mkdtemp(prefix="storylens-qdrant-", dir=None if path is None else str(path))
        # Thresholds are in KB of vectors: a segment past EXACT_UP_TO rows gets its HNSW graph.
        exhaustive_kb = max(1, EXACT_UP_TO * self.dimension * 4 // 1024)
        config = edge.EdgeConfig(
            vectors=edge.EdgeVectorParams(size=self.dimension, distance=edge.Distance.Dot),
            hnsw_config=edge.HnswIndexConfig(m=HNSW_M, ef_construct=HNSW_EF_CONSTRUCT, full_scan_threshold=exhaustive_kb),
            optimizers=edge.EdgeOptimizersConfig(indexing_threshold=exhaustive_kb),
            wal_enabled=False,  # rebuilt from the store whenever needed: no write-ahead log
        )
        self._shard = edge.EdgeShard.create(str(Path(self.folder) / "shard"), config)
        for field in KEYWORD_FIELDS:
            self._shard.update(edge.UpdateOperation.create_field_index(field, edge.PayloadSchemaType.Keyword))
        for field in INTEGER_FIELDS:
            self._shard.update(edge.UpdateOperation.create_field_index(field, edge.PayloadSchemaType.Integer))
        weakref.finalize(self, _close_shard, self._shard, self.folder)

    def __len__(self) -> int:
        if self._size is None:
            self._size = int(self._shard.count(self._edge.CountRequest(exact=True)))
        return self._size

    def add(self, ids: Sequence[int] | np.ndarray, vectors: np.ndarray, payloads: Sequence[dict] | None = None) -> None:
        edge = self._edge
        ids, vectors, payloads = _checked(ids, vectors, self.dimension, payloads)
        self._size = None
        for start in range(0, len(ids), UPLOAD_BATCH):
            rows = vectors[start : start + UPLOAD_BATCH].tolist()
            points = [
                edge.Point(identifier, row, payload)
                for identifier, row, payload in zip(ids[start : start + UPLOAD_BATCH], rows, payloads[start : start + UPLOAD_BATCH])
            ]
            self._shard.update(edge.UpdateOperation.upsert_points(points))
        if len(ids) >= EXACT_UP_TO:
            self.optimize()

    def optimize(self) -> None:
        """Build the HNSW graph of segments past the indexing threshold (blocks until done)."""
        self._shard.optimize()

    def remove(self, ids: Sequence[int] | np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1).tolist()
        self._size = None
        if ids:
            self._shard.update(self._edge.UpdateOperation.delete_points(ids))

    def search(
        self,
        query: np.ndarray,
        k: int,
        allowed_ids: np.ndarray | None = None,
        payload_filter: PayloadFilter | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        edge = self._edge
        if _nothing_to_find(k, allowed_ids, payload_filter):
            return _as_result([])
        exact = len(self) <= EXACT_UP_TO
        request = edge.QueryRequest(
            limit=int(k),
            query=edge.Query.Nearest(np.asarray(query, dtype=np.float32).reshape(-1).tolist()),
            filter=_filter(edge, edge.RangeFloat, lambda ids: edge.HasIdCondition(set(ids)), payload_filter, allowed_ids),
            params=edge.SearchParams(hnsw_ef=max(self.hnsw_ef, k), exact=exact),
            with_payload=False,
        )
        return _as_result(self._shard.query(request))

    def vectors_of(self, ids: np.ndarray) -> np.ndarray:
        """The stored vectors of `ids` (missing ids dropped), in the given order."""
        wanted = np.asarray(ids, dtype=np.int64).reshape(-1).tolist()
        records = self._shard.retrieve(wanted, False, True) if wanted else []
        by_id = {int(record.id): record.vector for record in records}
        rows = [by_id[i] for i in wanted if i in by_id]
        return np.asarray(rows, dtype=np.float32).reshape(len(rows), self.dimension)


def _close_shard(shard, folder: str) -> None:
    try:
        shard.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
