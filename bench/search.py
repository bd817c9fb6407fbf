"""Search performance figures: embedding throughput, query latency at scale, peak memory.

    .venv/bin/python -m bench.search [--sizes 10000,100000,1000000] [--bm25-sizes 10000,100000]
                                     [--queries 50] [--embed-sentences 1500] [--skip-embed] [--faiss-max 100000]

Prints (never asserts):
1. embedding throughput, sentences/s: our pipeline (`article_vectors`: cache
   lookups, length-sorted batches, store writes) vs the raw sentence-transformers
   model on the same sentences, interleaved in the same run;
2. query latency p50/p95 of the exact numpy index on random unit vectors
   (10k / 100k / 1M x 384), unfiltered and with a 10 % filter, and of FAISS
   HNSW on the same data when faiss-cpu is installed (the crossover for
   docs/search-index.md);
3. end-to-end hybrid search latency (query encoding + dense + BM25 + fusion) on
   synthetic corpora of 10k / 100k sentences built from the bundled corpus's
   vocabulary;
4. peak RSS of the process.
Targets (from the issue): ingest >= 90 % of raw throughput; index p50 < 30 ms
at 100k and < 150 ms at 1M sentences.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

DIMENSION = 384


def percentiles(samples: list[float]) -> tuple[float, float]:
    values = np.asarray(samples) * 1000
    return float(np.percentile(values, 50)), float(np.percentile(values, 95))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def random_units(count: int, seed: int, clusters: int = 0) -> np.ndarray:
    """`count` unit vectors; with `clusters`, grouped around that many centres like real
    sentence embeddings (uniform random vectors are all nearly orthogonal, a worst case
    for approximate indexes and unlike any real corpus)."""
    rng = np.random.default_rng(seed)
    centres = None
    if clusters:
        centres = rng.standard_normal((clusters, DIMENSION), dtype=np.float32)
        centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    out = np.empty((count, DIMENSION), dtype=np.float32)
    step = 100_000
    for start in range(0, count, step):  # chunked: never hold a float64 copy of 1M rows
        block = rng.standard_normal((min(step, count - start), DIMENSION), dtype=np.float32)
        if centres is not None:
            block = centres[rng.integers(0, clusters, size=len(block))] + 0.08 * block
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + len(block)] = block
    return out


# -- 1. embedding throughput ----------------------------------------------------------
def bench_embedding(target_sentences: int, rounds: int) -> None:
    from lib.core.settings import load_settings
    from lib.core.store import Store
    from lib.ingest.corpus import load_corpus
    from lib.text.embed import article_vectors, get_embedder

    corpus = load_corpus(load_settings())
    embedder = get_embedder()
    model = embedder.model
    base = [article for article in corpus.articles if article.sentences]
    per_copy = sum(len(article.sentences) for article in base)
    copies = max(1, target_sentences // per_copy)
    texts = [s.text for _ in range(copies) for a in base for s in a.sentences]
    print(f"\n== embedding throughput: {len(texts)} sentences ({copies} copies of the bundled corpus), "
          f"model {embedder.model_id}, batch {embedder.batch_size}")
    model.encode(texts[:64], batch_size=embedder.batch_size)  # warm-up

    def raw() -> float:
        started = time.perf_counter()
        model.encode(texts, batch_size=embedder.batch_size, convert_to_numpy=True,
                     normalize_embeddings=True, show_progress_bar=False)
        return time.perf_counter() - started

    def ours() -> float:
        folder = Path(tempfile.mkdtemp(prefix="storylens-bench-"))
        try:
            store = Store(folder, folder / ".storylens")
            articles = [replace(a, article_id=f"{a.article_id}-{copy}") for copy in range(copies) for a in base]
            started = time.perf_counter()
            article_vectors(store, articles, embedder)
            elapsed = time.perf_counter() - started
            started = time.perf_counter()
            article_vectors(store, articles, embedder)  # relaunch: everything cached
            cached = time.perf_counter() - started
            print(f"   relaunch with an unchanged corpus: {cached * 1000:.0f} ms (nothing embedded)")
            return elapsed
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    raw_times, our_times = [], []
    for _ in range(rounds):  # interleaved, so machine load affects both alike
        raw_times.append(raw())
        our_times.append(ours())
    raw_rate = len(texts) / float(np.median(raw_times))
    our_rate = len(texts) / float(np.median(our_times))
    print(f"raw model.encode        : {raw_rate:7.1f} sentences/s (median of {rounds}; all: "
          f"{', '.join(f'{len(texts) / t:.0f}' for t in raw_times)})")
    print(f"our pipeline (to store) : {our_rate:7.1f} sentences/s (median of {rounds}; all: "
          f"{', '.join(f'{len(texts) / t:.0f}' for t in our_times)})")
    print(f"ratio                   : {our_rate / raw_rate:.1%} of raw (target >= 90%)")


# -- 2. vector index latency ---------------------------------------------------------------
def bench_index(sizes: list[int], queries: int, faiss_max: int) -> None:
    from lib.search.vectors import ExactIndex

    try:
        import faiss  # optional: only to find the crossover to an approximate engine
    except ImportError:
        faiss = None
    print("\n== vector index: exact numpy (matrix @ query + argpartition), k=50, clustered unit vectors x 384")
    for size in sizes:
        vectors = random_units(size, seed=size, clusters=max(size // 1000, 10))
        query_vectors = vectors[np.random.default_rng(5).choice(size, queries, replace=False)] + 0.05 * random_units(queries, seed=98)
        query_vectors /= np.linalg.norm(query_vectors, axis=1, keepdims=True)
        index = ExactIndex(DIMENSION, capacity=size)
        started = time.perf_counter()
        index.add(np.arange(size), vectors)
        build = time.perf_counter() - started
        rng = np.random.default_rng(1)
        allowed = np.sort(rng.choice(size, size=size // 10, replace=False))
        full, filtered = [], []
        for query in query_vectors:
            started = time.perf_counter()
            index.search(query, 50)
            full.append(time.perf_counter() - started)
            started = time.perf_counter()
            index.search(query, 50, allowed_ids=allowed)
            filtered.append(time.perf_counter() - started)
        p50, p95 = percentiles(full)
        f50, f95 = percentiles(filtered)
        print(f"exact  {size:>9,}: p50 {p50:7.2f} ms  p95 {p95:7.2f} ms | 10% filter p50 {f50:7.2f} ms  "
              f"p95 {f95:7.2f} ms | add {build:5.2f} s | {vectors.nbytes / 2**20:6.0f} MB vectors")
        if faiss is not None and size <= faiss_max:
            bench_faiss(faiss, vectors, query_vectors, index, size)
        del index, vectors
    print(f"peak RSS after index bench: {peak_rss_mb():.0f} MB")


def bench_faiss(faiss, vectors: np.ndarray, query_vectors: np.ndarray, exact, size: int) -> None:
    """FAISS IVF-Flat (inverted lists, exact distances inside the probed lists): the engine
    that takes over from ExactIndex; built from a sample, so building stays fast at 1M."""
    lists = int(4 * np.sqrt(size))
    quantizer = faiss.IndexFlatIP(DIMENSION)
    ivf = faiss.IndexIVFFlat(quantizer, DIMENSION, lists, faiss.METRIC_INNER_PRODUCT)
    started = time.perf_counter()
    sample = vectors[np.random.default_rng(2).choice(size, min(size, 40 * lists), replace=False)]
    ivf.train(sample)
    ivf.add(vectors)
    build = time.perf_counter() - started
    for probes in (8, 32):
        ivf.nprobe = probes
        times, recalls = [], []
        for query in query_vectors:
            started = time.perf_counter()
            _scores, ids = ivf.search(query.reshape(1, -1), 50)
            times.append(time.perf_counter() - started)
            truth, _ = exact.search(query, 50)
            recalls.append(len(set(ids[0].tolist()) & set(truth.tolist())) / 50)
        p50, p95 = percentiles(times)
        print(f"  faiss IVF{lists} nprobe {probes:>2}: p50 {p50:7.2f} ms  p95 {p95:7.2f} ms | recall@50 vs exact "
              f"{np.mean(recalls):.3f} | build {build:5.1f} s")


# -- 3. end-to-end hybrid search -------------------------------------------------------------
def synthetic_index(size: int, embedder):
    """A SearchIndex of `size` synthetic English sentences (bundled vocabulary, random vectors)."""
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus
    from lib.search.hybrid import SearchIndex
    from lib.search.keyword import KeywordIndex, surface_tokens
    from lib.search.vectors import ExactIndex

    corpus = load_corpus(load_settings())
    vocabulary = sorted({t for a in corpus.articles for s in a.sentences for t in surface_tokens(s.text)})
    rng = np.random.default_rng(size)
    weights = 1.0 / np.arange(1, len(vocabulary) + 1)  # Zipf-like word frequencies
    weights /= weights.sum()
    lengths = rng.integers(8, 30, size=size)
    words = rng.choice(len(vocabulary), size=int(lengths.sum()), p=weights)
    texts, cursor = [], 0
    for length in lengths:
        texts.append(" ".join(vocabulary[i] for i in words[cursor : cursor + length]) + ".")
        cursor += length
    per_article = 20
    articles = []
    for number, start in enumerate(range(0, size, per_article)):
        chunk = texts[start : start + per_article]
        body, sentences, offset = "", [], 0
        for position, text in enumerate(chunk):
            sentences.append(Sentence(position, offset, offset + len(text), text, "en"))
            body += text + " "
            offset += len(text) + 1
        articles.append(Article(f"synthetic-{number}", f"synthetic_{number:06d}.txt", f"Synthetic {number}",
                                f"Outlet {number % 12}", PublishedDate("2024-10-01", "day", True, "synthetic",
                                "2024-10-01", "2024-10-01"), "en", body, (), tuple(sentences), "0", "text", "utf-8"))
    row_article = np.repeat(np.arange(len(articles)), [len(a.sentences) for a in articles])
    row_sentence = np.concatenate([np.arange(len(a.sentences)) for a in articles])
    vectors = ExactIndex(DIMENSION, capacity=size)
    vectors.add(np.arange(size), random_units(size, seed=7))
    started = time.perf_counter()
    keywords = KeywordIndex.build(texts, ["en"] * size)
    bm25_build = time.perf_counter() - started
    index = SearchIndex(articles, row_article, row_sentence, np.asarray(["en"] * size, dtype=object),
                        np.ones(size, dtype=bool), vectors, keywords, embedder.model_id, False)
    return index, bm25_build


def bench_hybrid(sizes: list[int], queries: int) -> None:
    from lib.search.hybrid import SearchFilters, search
    from lib.text.embed import get_embedder

    embedder = get_embedder()
    embedder.encode_query("warm-up")
    questions = ["how many soldiers did Pyongyang send?", "workers for a drone factory", "Alabuga",
                 "12,000 troops", "Japan concerned about military cooperation", "Sybiha Kyiv visit",
                 "artillery shells missiles supplied", "sanctions regime reviewed"]
    print("\n== end-to-end hybrid search (encode query + exact dense + BM25 + RRF), k=10, synthetic sentences")
    encode_times = []
    for question in questions * 3:
        started = time.perf_counter()
        embedder.encode_query(question)
        encode_times.append(time.perf_counter() - started)
    e50, e95 = percentiles(encode_times)
    print(f"query encoding alone : p50 {e50:6.1f} ms  p95 {e95:6.1f} ms")
    for size in sizes:
        index, bm25_build = synthetic_index(size, embedder)
        times, keyword_times = [], []
        for i in range(queries):
            question = questions[i % len(questions)]
            started = time.perf_counter()
            index.keywords.scores(question)
            keyword_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            search(index, question, embedder, k=10)
            times.append(time.perf_counter() - started)
        filtered = []
        for i in range(queries // 2):
            started = time.perf_counter()
            search(index, questions[i % len(questions)], embedder, k=10, filters=SearchFilters(outlets=("Outlet 3",)))
            filtered.append(time.perf_counter() - started)
        p50, p95 = percentiles(times)
        k50, k95 = percentiles(keyword_times)
        f50, f95 = percentiles(filtered)
        print(f"hybrid {size:>9,}: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms | BM25 alone p50 {k50:6.1f} ms "
              f"p95 {k95:6.1f} ms | 1-outlet filter p50 {f50:6.1f} ms | BM25 build {bm25_build:5.1f} s")
        del index
    print(f"peak RSS after hybrid bench: {peak_rss_mb():.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="vector-index corpus sizes")
    parser.add_argument("--bm25-sizes", default="10000,100000", help="end-to-end hybrid corpus sizes")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--embed-sentences", type=int, default=1000)
    parser.add_argument("--embed-rounds", type=int, default=3)
    parser.add_argument("--skip-embed", action="store_true")
    parser.add_argument("--faiss-max", type=int, default=100_000,
                        help="largest size to also run FAISS IVF on (training at 1M takes minutes)")
    args = parser.parse_args(argv)
    import os

    import torch

    started = time.perf_counter()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, torch threads {torch.get_num_threads()}, "
          f"numpy {np.__version__}")
    if not args.skip_embed:
        bench_embedding(args.embed_sentences, args.embed_rounds)
    bench_index([int(s) for s in args.sizes.split(",") if s], args.queries, args.faiss_max)
    bench_hybrid([int(s) for s in args.bm25_sizes.split(",") if s], args.queries)
    print(f"\npeak RSS: {peak_rss_mb():.0f} MB; bench took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
