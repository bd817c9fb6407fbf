"""Batch ingest: many inputs, the per-file work on an engine, the store writes here, in input order.

Per input, `lib.ingest.prepare.prepare_input` does all the work that needs
no store: decode, extract, the article record, its near-duplicate (LSH)
bands and, with `embed`, its sentence vectors. An engine runs it over a batch and hands the
results back in input order: `LocalEngine` in this process (the default,
`STORYLENS_INGEST_ENGINE=local`), `RayEngine` on Ray workers
(`lib.ingest.ray_engine`, `STORYLENS_INGEST_ENGINE=ray`). `ingest_files` then
writes them one by one exactly as `ingest_bytes` would (duplicate checks,
raw bytes, record, vectors), so what is stored does not depend on the engine
or on the number of workers.
"""

from __future__ import annotations

from typing import Iterator, Protocol, Sequence

from lib.core.errors import SettingsError
from lib.core.models import IngestReport, ProgressCallback
from lib.core.settings import Settings
from lib.core.store import ArticleStore, sha256_bytes
from lib.ingest.pipeline import given_details_of, pipeline_fingerprint, store_built_article
from lib.ingest.prepare import IngestInput, PreparedInput, prepare_input
from lib.text.embed import embedder_for, embedding_cache_key
from lib.text.language import release_language_model

__all__ = ["IngestEngine", "IngestInput", "LocalEngine", "PreparedInput", "engine_for", "ingest_files"]


class IngestEngine(Protocol):
    """Runs `prepare_input` over a batch."""

    name: str

    def prepare(self, items: Sequence[IngestInput], settings: Settings, embed: bool) -> Iterator[PreparedInput]:
        """One result per item, in the items' order (yielded as soon as the next one is ready)."""
        ...


class LocalEngine:
    """Every input in this process, one after the other (today's ingest)."""

    name = "local"

    def prepare(self, items: Sequence[IngestInput], settings: Settings, embed: bool) -> Iterator[PreparedInput]:
        embedder = embedder_for(settings) if embed else None
        for item in items:
            yield prepare_input(item, settings, embedder)


def engine_for(settings: Settings, engine: str | None = None, workers: int | None = None) -> IngestEngine:
    """The engine `engine` (or `settings.ingest_engine`) names, with `workers` workers.

    Raises SettingsError for a worker count the engine cannot use, and (from
    lib.ingest.ray_engine) a StoryLensError naming the package when Ray is
    chosen but not installed.
    """
    name = (engine or settings.ingest_engine).strip().lower()
    if workers is not None and workers < 1:
        raise SettingsError(f"--workers {workers} is not usable: give 1 or more workers.")
    if name == "local":
        if workers not in (None, 1):
            raise SettingsError(
                f"--workers {workers} needs the ray engine (--engine ray or STORYLENS_INGEST_ENGINE=ray); "
                "the local engine is this one process."
            )
        return LocalEngine()
    if name == "ray":
        from lib.ingest.ray_engine import RayEngine  # the one module that imports ray

        return RayEngine(address=settings.ray_address, workers=workers)
    raise SettingsError(f"The ingest engine {name!r} is not usable: it must be one of local, ray.")


def ingest_files(
    store: ArticleStore,
    settings: Settings,
    items: Sequence[IngestInput],
    engine: IngestEngine | None = None,
    embed: bool = False,
    progress: ProgressCallback | None = None,
) -> list[IngestReport]:
    """Add a batch of inputs to the store; one report per input, in input order.

    The reports and the stored records are those `ingest_bytes` gives for the
    same inputs one after the other, whatever the engine. With `embed`, each
    added article's sentence vectors are stored too (`store.put_embeddings`,
    under the key `lib.text.embed.article_vectors` reads), so the search index
    does not embed them again.
    """
    engine = engine or engine_for(settings)
    pipeline = pipeline_fingerprint()
    # What a person stated for these bytes before is read here, not on a worker: workers see no store.
    items = [
        item if item.given is not None or item.origin != "upload"
        else IngestInput(item.name, item.data, item.origin, item.raw_path, given_details_of(store, sha256_bytes(item.data)))
        for item in items
    ]
    model_id = embedder_for(settings).model_id if embed else ""
    reports: list[IngestReport] = []
    try:
        for done, (item, prepared) in enumerate(zip(items, engine.prepare(items, settings, embed))):
            if progress:
                progress(done, len(items), item.name)
            if prepared.article is None:
                reports.append(prepared.rejection)
                continue
            article = prepared.article
            report = store_built_article(
                store, article, item.data, origin=item.origin, raw_path=item.raw_path,
                pipeline=pipeline, given=item.given, bands=list(prepared.bands),
            )
            if report.status == "added" and prepared.vectors is not None and article.sentences:
                store.put_embeddings(embedding_cache_key(model_id, article.sentences), article.article_id, prepared.vectors)
            reports.append(report)
    finally:
        release_language_model()  # a batch is over; the process must not hold the model until the next
    if len(reports) != len(items):
        raise RuntimeError(f"the {engine.name} engine returned {len(reports)} results for {len(items)} inputs")
    if progress and items:
        progress(len(items), len(items), "")
    return reports
