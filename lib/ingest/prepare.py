"""The per-file work of a batch ingest, touching no store (run by any engine, on any machine).

`prepare_input` turns one input into its article record, near-duplicate (LSH)
bands and, when asked, sentence vectors, or into the rejection `ingest_bytes`
gives for it. `lib.ingest.batch` runs it through an engine and writes the
results to the store.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.core.models import Article, IngestReport
from lib.core.settings import Settings
from lib.ingest.pipeline import build_or_reject, lsh_bands
from lib.text.embed import Embedder


@dataclass(frozen=True)
class IngestInput:
    """One input of a batch, as `ingest_bytes` takes it (`given`: what the person stated)."""

    name: str
    data: bytes
    origin: str = "upload"
    raw_path: str | None = None
    given: dict | None = None


@dataclass(frozen=True)
class PreparedInput:
    """What one input became without touching a store: an article (with its bands and,
    when asked, one vector per sentence, row i for `article.sentences[i]`) or the
    "rejected" report `ingest_bytes` gives for it."""

    article: Article | None
    rejection: IngestReport | None = None
    bands: tuple[str, ...] = ()
    vectors: np.ndarray | None = None


def sentence_vectors(article: Article, embedder: Embedder) -> np.ndarray:
    """The article's sentence vectors from one encode call of its own sentences.

    One call per article, not per batch of articles: which texts share a model
    batch changes the padding and so the last bits of a vector, and a record
    must not depend on which worker or batch it landed in.
    """
    return embedder.encode([sentence.text for sentence in article.sentences])


def prepare_input(item: IngestInput, settings: Settings, embedder: Embedder | None = None) -> PreparedInput:
    """The per-file work for one input (pure: no store). Never raises for bad input."""
    built = build_or_reject(item.name, item.data, settings, item.given)
    if isinstance(built, IngestReport):
        return PreparedInput(article=None, rejection=built)
    vectors = sentence_vectors(built, embedder) if embedder is not None else None
    return PreparedInput(article=built, bands=tuple(lsh_bands(built.body)), vectors=vectors)
