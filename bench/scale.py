"""How StoryLens grows with the collection: ingest, store, index, query, timeline/claims, memory.

    .venv/bin/python -m bench.scale                 # 1k and 10k articles (+100k store-only), ~10 min
    .venv/bin/python -m bench.scale --quick         # 200 and 2k articles, ~1 min
    .venv/bin/python -m bench.scale --sizes 1000 10000 --store-sizes 100000
    .venv/bin/python -m bench.scale --only timeline,claims --sizes 100 300 1000 3000   # views on real vectors

The corpus is synthetic: pasted-page-like articles assembled from templates
(actors x verbs x objects x dates x numbers) with page furniture mixed in, so
it exercises the real cleaner, sentence splitter, dating and near-duplicate
check. Each stage runs in its own subprocess so peak RSS is per stage.
Nothing here is asserted; figures are printed (with the growth ratio per 10x
corpus size, which is 10 when a stage is linear).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tests.support.synthetic import OBJECTS, synthetic_article
from bench.stage_process import print_table, print_tables, run_stage

REPO_ROOT = Path(__file__).resolve().parent.parent

# -- stages (each run in a subprocess) ---------------------------------------------------
def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settings(data_dir: Path):
    from lib.core.settings import load_settings

    return load_settings(data_dir)


def stage_ingest(size: int, data_dir: Path) -> dict:
    """ingest_bytes for `size` articles one by one, as uploads (no embedding)."""
    from lib.ingest.corpus import open_store
    from lib.ingest.pipeline import ingest_bytes, pipeline_fingerprint

    settings = _settings(data_dir)
    store = open_store(settings)
    pipeline = pipeline_fingerprint()
    statuses: dict[str, int] = {}
    sentences = 0
    started = time.perf_counter()
    window = []  # seconds per article for the last articles (growth within the run)
    for index in range(size):
        tick = time.perf_counter()
        report = ingest_bytes(store, settings, f"synthetic-{index:06d}.txt", synthetic_article(index), pipeline=pipeline)
        window.append(time.perf_counter() - tick)
        statuses[report.status] = statuses.get(report.status, 0) + 1
    elapsed = time.perf_counter() - started
    articles = store.articles()
    sentences = sum(len(a.sentences) for a in articles)
    return {
        "articles": size,
        "statuses": statuses,
        "ingest_s": elapsed,
        "articles_per_s": size / elapsed,
        "sentences_per_s": sentences / elapsed,
        "sentences": sentences,
        "first_100_ms": 1000 * sum(window[:100]) / max(1, len(window[:100])),
        "last_100_ms": 1000 * sum(window[-100:]) / max(1, len(window[-100:])),
        "store_mb": _store_mb(store),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _store_mb(store) -> float:
    total = sum(path.stat().st_size for path in store.store_dir.rglob("*") if path.is_file())
    return total / 1048576


def _build_one(index: int):
    from lib.core.settings import load_settings
    from lib.ingest.pipeline import build_article

    settings = load_settings(os.environ["STORYLENS_BENCH_DIR"])
    return build_article(f"synthetic-{index:06d}.txt", synthetic_article(index), settings)


def _clone(base, index: int):
    """A distinct article with the record size of `base` (body gets a unique closing sentence)."""
    import dataclasses
    import hashlib

    body = base.body + f"\n\nReference number {index}."
    return dataclasses.replace(
        base,
        article_id=hashlib.sha256(body.encode()).hexdigest(),
        source_file=f"clone-{index:07d}.txt",
        body=body,
        raw_sha256=hashlib.sha256(f"raw-{index}".encode()).hexdigest(),
    )


def stage_store(size: int, data_dir: Path, bases: int = 600) -> dict:
    """The store alone at `size` articles, then per-call costs at that size.

    `bases` articles go through the real pipeline (worker pool); the rest are
    clones of them with a unique body and random LSH band keys (so they are
    not near-duplicates of each other), written in batches of 1000 per
    transaction. The pipeline's own cost per article is `stage_ingest`'s.
    """
    import multiprocessing

    from lib.ingest.corpus import load_corpus, open_store
    from lib.ingest.pipeline import (
        find_near_duplicate,
        ingest_bytes,
        lsh_bands,
        pipeline_fingerprint,
    )

    settings = _settings(data_dir)
    store = open_store(settings)
    pipeline = pipeline_fingerprint()
    os.environ["STORYLENS_BENCH_DIR"] = str(data_dir)
    bases = min(bases, size)
    with multiprocessing.Pool(max(1, (os.cpu_count() or 2))) as pool:
        base_articles = pool.map(_build_one, range(bases), chunksize=16)
    rng = random.Random(11)
    started = time.perf_counter()
    for start in range(0, size, 1000):
        with store.transaction():
            for index in range(start, min(size, start + 1000)):
                article = _clone(base_articles[index % bases], index)
                bands = [f"{band}:{rng.getrandbits(64):016x}" for band in range(16)]
                store.put_article(article, "bundled", f"articles/{article.source_file}", pipeline, bands)
    result = {"articles": store.count(), "bulk_put_s": time.perf_counter() - started}
    tick = time.perf_counter()
    for index in range(size, size + 100):  # one transaction each, as ingest does
        article = _clone(base_articles[index % bases], index)
        store.put_article(article, "bundled", f"articles/{article.source_file}", pipeline, [f"x:{index}"])
    result["put_one_ms"] = 1000 * (time.perf_counter() - tick) / 100

    def timed(label, fn, repeat=5):
        times = []
        value = None
        for _ in range(repeat):
            tick = time.perf_counter()
            value = fn()
            times.append(time.perf_counter() - tick)
        result[label] = 1000 * sorted(times)[len(times) // 2]
        return value

    sample = base_articles[0]
    bands = lsh_bands(sample.body)
    timed("fingerprint_ms", store.fingerprint)
    timed("count_ms", store.count)
    timed("rows_ms", store.rows, repeat=3)
    some_id = _clone(base_articles[1], 1).article_id
    timed("article_by_id_ms", lambda: store.article(some_id))
    timed("near_dup_candidates_ms", lambda: store.near_duplicate_candidates(bands))
    timed("find_near_duplicate_ms", lambda: find_near_duplicate(store, sample, bands))
    articles = timed("load_all_articles_ms", store.articles, repeat=1)
    last = articles[-1].article_id
    by_id = {a.article_id: a for a in articles}
    timed("corpus_by_id_linear_ms", lambda: next(a for a in articles if a.article_id == last))
    timed("corpus_by_id_dict_ms", lambda: by_id[last])
    del articles, by_id
    import lib.core.store as store_module

    def open_checked():
        """A first open in a new process of a file changed since its last check (the check runs whole)."""
        store_module._CHECKED.clear()
        (settings.store_dir / "store.sqlite.checked").unlink(missing_ok=True)
        return open_store(settings)

    timed("open_store_quick_check_ms", open_checked, repeat=1)
    timed("load_corpus_sync_ms", lambda: load_corpus(settings, sync=True), repeat=1)
    tick = time.perf_counter()
    for index in range(50):  # new, distinct articles through the whole pipeline, at this size
        ingest_bytes(store, settings, f"late-{index}.txt", synthetic_article(5_000_000 + index), pipeline=pipeline)
    result["ingest_one_more_ms"] = 1000 * (time.perf_counter() - tick) / 50
    result["store_mb"] = _store_mb(store)
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def stage_search(size: int, data_dir: Path, queries: int = 40, views: bool = True, embed_sample: int = 0) -> dict:
    """Search index build and query latency on a store of `size` (plus timeline/claims when `views`).

    The model is real (queries are encoded by it) but the corpus's sentence
    vectors are random unit vectors seeded into the embedding cache: embedding
    150k sentences on a shared 2-CPU machine takes hours, and latency does not
    depend on the values. `embed_sample` sentences are embedded for real to
    measure the model's throughput.
    """
    import numpy as np

    from lib.ingest.corpus import load_corpus
    from lib.text.embed import embedder_for, embedding_cache_key

    settings = _settings(data_dir)
    corpus = load_corpus(settings, sync=False)
    embedder = embedder_for(settings)
    tick = time.perf_counter()
    embedder.model
    result = {"articles": len(corpus.articles), "model_load_s": time.perf_counter() - tick}
    sentences = [s.text for a in corpus.articles for s in a.sentences]
    result["sentences"] = len(sentences)
    if embed_sample:
        sample = sentences[:embed_sample]
        tick = time.perf_counter()
        embedder.encode(sample)
        result["embed_sentences_per_s"] = len(sample) / (time.perf_counter() - tick)
    rng = np.random.default_rng(0)
    tick = time.perf_counter()
    with corpus.store.transaction():
        for article in corpus.articles:
            vectors = rng.standard_normal((len(article.sentences), embedder.dimension), dtype=np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            corpus.store.put_embeddings(embedding_cache_key(embedder.model_id, article.sentences), article.article_id, vectors)
    result["seed_vectors_s"] = time.perf_counter() - tick

    rng_q = random.Random(3)
    query_texts = [
        rng_q.choice(("how many", "did", "when were", "who said")) + " " + rng_q.choice(OBJECTS).format(n="").replace("  ", " ")
        for _ in range(queries)
    ]
    try:
        from lib.search.hybrid import build_search_index, search

        tick = time.perf_counter()
        index = build_search_index(corpus, embedder)
        result["index_build_s"] = time.perf_counter() - tick
        result["index_engine"] = "lib.search.hybrid"
        run = lambda text: search(index, text, embedder, k=10)
    except ImportError:
        result["index_engine"] = "numpy+bm25s direct"
        run = _direct_search(corpus, embedder, result)
    run(query_texts[0])  # warm-up
    times = []
    for text in query_texts:
        tick = time.perf_counter()
        run(text)
        times.append(time.perf_counter() - tick)
    times.sort()
    result["query_p50_ms"] = 1000 * times[len(times) // 2]
    result["query_p95_ms"] = 1000 * times[int(len(times) * 0.95) - 1]
    if views:
        from lib.claims.build import build_claims
        from lib.events.build import build_events

        for builder, label in ((build_events, "timeline"), (build_claims, "claims")):
            result[f"{label}_build_s"] = _build_view(builder, corpus, embedder)
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def _direct_search(corpus, embedder, result):
    import bm25s
    import numpy as np

    from lib.text.embed import article_vectors

    tick = time.perf_counter()
    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    matrix = np.vstack([vectors[a.article_id] for a in corpus.articles])
    texts = [s.text for a in corpus.articles for s in a.sentences]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, show_progress=False), show_progress=False)
    result["index_build_s"] = time.perf_counter() - tick

    def run(text):
        scores = matrix @ embedder.encode_query(text)
        top = np.argpartition(-scores, 50)[:50]
        retriever.retrieve(bm25s.tokenize([text], show_progress=False), k=50, show_progress=False)
        return top

    return run


def _build_view(builder, corpus, embedder) -> float | str:
    """Seconds to build one view with the shared builder signature, or why it was not measured."""
    tick = time.perf_counter()
    try:
        builder(corpus, embedder)
    except Exception as error:  # a bench reports, it does not crash
        return f"failed: {type(error).__name__}: {error}"[:120]
    return time.perf_counter() - tick


def stage_embed(size: int, data_dir: Path) -> dict:
    """Real sentence vectors for every article of the store, cached for the view stages that follow.

    The timeline merge and the claims clustering depend on which sentences are
    close, so they are measured on real vectors (random ones make every
    sentence unlike every other and hide the quadratic parts).
    """
    from lib.ingest.corpus import load_corpus
    from lib.text.embed import article_vectors, embedder_for

    settings = _settings(data_dir)
    corpus = load_corpus(settings, sync=False)
    embedder = embedder_for(settings)
    tick = time.perf_counter()
    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    elapsed = time.perf_counter() - tick
    sentences = sum(len(vectors[a.article_id]) for a in corpus.articles if a.article_id in vectors)
    return {"articles": len(corpus.articles), "sentences": sentences, "embed_s": elapsed,
            "embed_sentences_per_s": sentences / elapsed if elapsed else 0.0, "peak_rss_mb": _peak_rss_mb()}


def stage_view(size: int, data_dir: Path, view: str) -> dict:
    """One view built from scratch (no cached result) over real cached sentence vectors: time, work, peak RSS.

    Besides the total, it reports the quantities the superlinear parts used to
    depend on: mentions merged (timeline) and leftover sentences clustered
    (claims), with the time of that step alone.
    """
    from lib.ingest.corpus import load_corpus
    from lib.text.embed import article_vectors, embedder_for

    settings = _settings(data_dir)
    corpus = load_corpus(settings, sync=False)
    embedder = embedder_for(settings)
    embedder.encode(["warm-up"])
    article_vectors(corpus.store, corpus.articles, embedder)  # cached by stage_embed: a lookup
    result: dict = {"articles": len(corpus.articles)}
    rss_before = _peak_rss_mb()
    if view == "timeline":
        import lib.events.build as events

        original = events.merge_mentions

        def timed_merge(mentions, vectors):
            tick = time.perf_counter()
            clusters = original(mentions, vectors)
            result.update(mentions=len(mentions), merge_s=time.perf_counter() - tick, events=len(clusters))
            return clusters

        events.merge_mentions = timed_merge  # the bench wraps the step to time it; the code runs unchanged
        tick = time.perf_counter()
        events.build_events(corpus, embedder)
        result["timeline_build_s"] = time.perf_counter() - tick
    else:
        import lib.claims.grouping as claims

        original = claims.cluster_leftovers

        def timed_cluster(vectors, limit=None):
            tick = time.perf_counter()
            labels = original(vectors, limit)
            result.update(leftovers=len(vectors), cluster_s=time.perf_counter() - tick)
            return labels

        claims.cluster_leftovers = timed_cluster
        tick = time.perf_counter()
        claimset = claims.build_claims(corpus, embedder)
        result["claims_build_s"] = time.perf_counter() - tick
        result.update(topics=len(claimset.topics), claims=len(claimset.claims))
    result["peak_rss_mb"] = _peak_rss_mb()
    result["rss_before_build_mb"] = rss_before
    return result


def stage_vectors(rows: int, dim: int = 384, queries: int = 50) -> dict:
    """Exact dot-product search over `rows` random unit vectors (no model): the dense part alone."""
    import numpy as np

    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((rows, dim), dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    times = []
    for _ in range(queries):
        query = rng.standard_normal(dim, dtype=np.float32)
        query /= np.linalg.norm(query)
        tick = time.perf_counter()
        scores = matrix @ query
        np.argpartition(-scores, 100)[:100]
        times.append(time.perf_counter() - tick)
    times.sort()
    return {
        "rows": rows,
        "matrix_mb": matrix.nbytes / 1048576,
        "dense_p50_ms": 1000 * times[len(times) // 2],
        "dense_p95_ms": 1000 * times[int(len(times) * 0.95) - 1],
        "peak_rss_mb": _peak_rss_mb(),
    }


# -- driver -------------------------------------------------------------------------
def _run_stage(stage: str, size: int, data_dir: Path, timeout: int, *extra: str) -> dict:
    return run_stage("bench.scale", stage, size, data_dir, *extra, timeout=timeout, with_load=False)


def _run_views_only(sizes: list[int], views: list[str]) -> int:
    """Timeline and/or claims build at each size on real sentence vectors, one process per view."""
    print(f"StoryLens views bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}): {', '.join(views)}")
    root = Path(tempfile.mkdtemp(prefix="storylens-views-"))
    tables: dict[str, dict[int, dict]] = {"embed": {}, **{view: {} for view in views}}
    try:
        for size in sizes:
            data_dir = root / f"views-{size}"
            _run_stage("ingest", size, data_dir, 7200)
            tables["embed"][size] = _run_stage("embed", size, data_dir, 7200)
            for view in views:
                tables[view][size] = _run_stage("view", size, data_dir, 7200, "--view", view)
            shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        titles = {"embed": "real sentence embeddings (cached; not part of the view builds)",
                  "timeline": "timeline: lib.events.build.build_events from scratch (merge_s: merge_mentions alone)",
                  "claims": "claims: lib.claims.build.build_claims from scratch (cluster_s: cluster_leftovers alone)"}
        print_tables(tables, titles)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="ingest + search sizes")
    parser.add_argument("--view-sizes", type=int, nargs="*", default=[100, 300], help="timeline/claims build sizes (real model)")
    parser.add_argument("--store-sizes", type=int, nargs="*", default=[1000, 10000, 100000], help="store-only sizes")
    parser.add_argument("--vector-rows", type=int, nargs="*", default=[15_000, 150_000, 1_500_000])
    parser.add_argument("--quick", action="store_true", help="small sizes, a few minutes")
    parser.add_argument(
        "--only", help="comma-separated parts to run: ingest,search,views,store,vectors or timeline,claims "
        "(timeline/claims: each view on real vectors at --sizes, e.g. --only timeline,claims --sizes 100 300 1000 3000)",
    )
    parser.add_argument("--view", help=argparse.SUPPRESS)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--views", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--embed-sample", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        if args.stage == "vectors":
            result = stage_vectors(args.size)
        elif args.stage == "embed":
            result = stage_embed(args.size, Path(args.dir))
        elif args.stage == "view":
            result = stage_view(args.size, Path(args.dir), args.view)
        elif args.stage == "search":
            result = stage_search(args.size, Path(args.dir), views=args.views, embed_sample=args.embed_sample)
        else:
            result = {"ingest": stage_ingest, "store": stage_store}[args.stage](args.size, Path(args.dir))
        print(json.dumps(result))
        return 0
    if args.quick:
        args.sizes, args.view_sizes, args.store_sizes, args.vector_rows = [100, 1000], [30, 100], [1000, 10000], [15_000, 150_000]
    if args.only:
        parts = {part.strip() for part in args.only.split(",") if part.strip()}
        unknown = parts - {"ingest", "search", "views", "store", "vectors", "timeline", "claims"}
        if unknown:
            parser.error(f"unknown part(s) for --only: {', '.join(sorted(unknown))}")
        if parts & {"timeline", "claims"}:
            return _run_views_only(args.sizes, [view for view in ("timeline", "claims") if view in parts])
        if "ingest" not in parts and "search" not in parts:
            args.sizes = []
        if "views" not in parts:
            args.view_sizes = []
        if "store" not in parts:
            args.store_sizes = []
        if "vectors" not in parts:
            args.vector_rows = []
    print(f"StoryLens scale bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, python {sys.version.split()[0]})")
    root = Path(tempfile.mkdtemp(prefix="storylens-scale-"))
    tables = []
    try:
        ingest, search, views, store, vectors = {}, {}, {}, {}, {}
        for position, size in enumerate(args.sizes):
            data_dir = root / f"full-{size}"
            ingest[size] = _run_stage("ingest", size, data_dir, 7200)
            extra = ["--embed-sample", "500"] if position == 0 else []
            search[size] = _run_stage("search", size, data_dir, 3600, *extra)
            shutil.rmtree(data_dir, ignore_errors=True)
        tables.append(("ingest via ingest_bytes, one upload at a time (clean, split, date, dedupe, fsync, commit; no embedding)", ingest))
        tables.append(("search: lib.search.hybrid index build + query latency (real query model, seeded sentence vectors)", search))
        for size in args.view_sizes:
            data_dir = root / f"views-{size}"
            _run_stage("ingest", size, data_dir, 3600)
            views[size] = _run_stage("search", size, data_dir, 7200, "--views")
            shutil.rmtree(data_dir, ignore_errors=True)
        tables.append(("timeline (lib.events.build.build_events) and claims build, real model", views))
        for size in args.store_sizes:
            data_dir = root / f"store-{size}"
            store[size] = _run_stage("store", size, data_dir, 7200)
            shutil.rmtree(data_dir, ignore_errors=True)
        tables.append(("store at size (bulk-filled), then per-call costs", store))
        for rows in args.vector_rows:
            vectors[rows] = _run_stage("vectors", rows, root, 1200)
        tables.append(("exact dense search alone over random unit vectors (rows = sentences, 384-d)", vectors))
    finally:
        shutil.rmtree(root, ignore_errors=True)
        for title, results in tables:
            if results:
                print_table(title, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
