"""Dense-search engines side by side: the exact numpy index against Qdrant's in-process engine.

    .venv/bin/python -m bench.index_engines [--sizes 10000 100000] [--queries 200] [--engines exact qdrant-edge]

Each (engine, size) runs in its own process, so peak RSS is per engine. Rows
are synthetic sentence vectors (384 unit floats grouped around 2,000 centres
like real embeddings; uniform random vectors are a worst case no corpus looks
like) with the payload StoryLens gives every row: an outlet among 50, a
language among 9, a publication day within two years, and whether the dense
model can read it. Queries are perturbed rows. Prints, never asserts:

* build: adding every row (and, for qdrant-edge, building the HNSW graph);
* query p50 / p99 (qdrant-edge at two HNSW search beams, EF_SEARCH) with no filter, with one language (~11 % of rows) and with
  5 outlets over six months (~2.5 %), k = 10;
* recall@10 of each engine against the exact index on the same queries and filters;
* peak RSS of the process (the vectors alone are 1.5 KB per row).

The figures and the machine's load are recorded in docs/scaling.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

DIMENSION = 384
OUTLETS = 50
LANGUAGES = ("en", "ja", "ko", "zh", "ru", "uk", "de", "fr", "th")
DAYS = 730
CLUSTERS = 2_000
K = 10
FILTERS = ("none", "language", "outlets+months")
# HNSW search beams measured on the same graph (Qdrant's default is 128).
EF_SEARCH = (128, 256)


def vectors_of(count: int, seed: int = 0) -> np.ndarray:
    """`count` unit vectors around CLUSTERS centres (chunked: no float64 copy of 1M rows)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((CLUSTERS, DIMENSION), dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    out = np.empty((count, DIMENSION), dtype=np.float32)
    for start in range(0, count, 100_000):
        block = rng.standard_normal((min(100_000, count - start), DIMENSION), dtype=np.float32)
        block = centres[rng.integers(0, CLUSTERS, size=len(block))] + 0.08 * block
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + len(block)] = block
    return out


def rows_of(count: int, seed: int = 1) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "outlet": rng.integers(0, OUTLETS, size=count),
        "language": rng.integers(0, len(LANGUAGES), size=count),
        "day": rng.integers(0, DAYS, size=count),
        "dense": rng.random(count) > 0.02,
    }


def iso_day(offset: int) -> str:
    return str(np.datetime64("2024-01-01") + int(offset))


def queries_of(vectors: np.ndarray, count: int) -> np.ndarray:
    rng = np.random.default_rng(2)
    picked = vectors[rng.integers(0, len(vectors), size=count)] + 0.05 * rng.standard_normal((count, DIMENSION), dtype=np.float32)
    return picked / np.linalg.norm(picked, axis=1, keepdims=True)


def filters_of(rows: dict[str, np.ndarray]):
    """name -> (PayloadFilter, allowed ids): the same rows said both ways."""
    from lib.search.vectors import PayloadFilter

    language = LANGUAGES[0]
    outlets = tuple(f"outlet-{i}" for i in range(5))
    start, end = 200, 380  # about six months
    in_outlets = rows["outlet"] < 5
    in_months = (rows["day"] >= start) & (rows["day"] <= end)
    return {
        "none": (None, None),
        "language": (PayloadFilter(languages=(language,)), np.flatnonzero(rows["language"] == 0)),
        "outlets+months": (
            PayloadFilter(outlets=outlets, day_from=iso_day(start), day_to=iso_day(end)),
            np.flatnonzero(in_outlets & in_months),
        ),
    }


def run_one(engine: str, size: int, queries: int) -> dict:
    """Build one engine over `size` rows and time its queries (run in a child process)."""
    from lib.search.qdrant_index import QdrantEdgeIndex
    from lib.search.vectors import ExactIndex, row_payload

    vectors = vectors_of(size)
    rows = rows_of(size)
    asked = queries_of(vectors, queries)
    started = time.perf_counter()
    if engine == "exact":
        index = ExactIndex(DIMENSION, capacity=size)
        index.add(np.arange(size), vectors)
    elif engine == "qdrant-edge":
        payloads = [
            row_payload(f"outlet-{outlet}", LANGUAGES[language], (iso_day(day), iso_day(day)), bool(dense))
            for outlet, language, day, dense in zip(
                rows["outlet"].tolist(), rows["language"].tolist(), rows["day"].tolist(), rows["dense"].tolist()
            )
        ]
        index = QdrantEdgeIndex(DIMENSION)
        index.add(np.arange(size), vectors, payloads)  # optimizes (builds HNSW) past EXACT_UP_TO rows
        del payloads
    else:
        raise SystemExit(f"unknown engine {engine!r}")
    build_s = time.perf_counter() - started
    del vectors
    results = []
    for ef in [None] if engine == "exact" else EF_SEARCH:
        if ef is not None:
            index.hnsw_ef = ef
        label = engine if ef is None else f"{engine} ef={ef}"
        result = {"engine": label, "size": size, "build_s": build_s, "latency_ms": {}, "ids": {}}
        for name, (where, allowed) in filters_of(rows).items():
            times, found = [], []
            for query in asked:
                started = time.perf_counter()
                if engine == "exact":
                    ids, _ = index.search(query, K, allowed_ids=allowed)
                else:
                    ids, _ = index.search(query, K, payload_filter=where)
                times.append(time.perf_counter() - started)
                found.append(ids.tolist())
            result["latency_ms"][name] = [float(np.percentile(times, 50) * 1000), float(np.percentile(times, 99) * 1000)]
            result["ids"][name] = found
            result.setdefault("selectivity", {})[name] = 1.0 if allowed is None else len(allowed) / size
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results.append(result)
    return results


def recall(found: list[list[int]], truth: list[list[int]]) -> float:
    hits = sum(len(set(f) & set(t)) for f, t in zip(found, truth))
    return hits / max(1, sum(len(t) for t in truth))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--engines", nargs="+", default=["exact", "qdrant-edge"])
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.queries)))
        return 0

    load = os.getloadavg()
    print(f"StoryLens index engines bench ({os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}), "
          f"{DIMENSION}-d vectors, k={K}, {args.queries} queries")
    results: dict[tuple[str, int], dict] = {}
    for size in args.sizes:
        for engine in args.engines:
            completed = subprocess.run(
                [sys.executable, "-m", "bench.index_engines", "--one", engine, str(size), "--queries", str(args.queries)],
                capture_output=True, text=True,
            )
            if completed.returncode:
                print(f"{engine} at {size}: failed\n{completed.stderr[-2000:]}")
                continue
            for result in json.loads(completed.stdout.strip().splitlines()[-1]):
                results[result["engine"], size] = result
    header = "| engine | rows | build | " + " | ".join(f"p50 / p99 ms, {name}" for name in FILTERS)
    header += " | " + " | ".join(f"recall@10, {name}" for name in FILTERS) + " | peak RSS |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for (engine, size), result in results.items():
        truth = results.get(("exact", size))
        latencies = " | ".join(f"{p50:.2f} / {p99:.2f}" for p50, p99 in (result["latency_ms"][name] for name in FILTERS))
        recalls = " | ".join(
            f"{recall(result['ids'][name], truth['ids'][name]):.3f}" if truth else "—" for name in FILTERS
        )
        print(f"| {engine} | {size:,} | {result['build_s']:.1f} s | {latencies} | {recalls} | {result['peak_rss_mb']:.0f} MB |")
    any_result = next(iter(results.values()), None)
    if any_result:
        print("filter selectivity: " + ", ".join(f"{name} {share:.1%}" for name, share in any_result["selectivity"].items()))
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
