"""Search quality on hand-checked gold: recall@k and MRR, with floors that must not drop.

    .venv/bin/python -m eval.eval_search [--data DIR] [--k 5] [--floor-recall 0.9] [--floor-mrr 0.7]
                                          [--mode hybrid|dense|keyword] [--min-similarity X]

A query counts as answered when a hit in the top k is a sentence of the
expected article containing the expected substring (eval/gold/search_queries.json).
Exit status 1 when recall or MRR falls below its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval.floors import add_floor_options, below_floors

GOLD = Path(__file__).resolve().parent / "gold" / "search_queries.json"


def answers_of(item: dict) -> list[tuple[str, str]]:
    return [(item["source_file"], item["substring"])] + [
        (alt["source_file"], alt["substring"]) for alt in item.get("alternatives", [])
    ]


def first_answer_rank(hits, answers) -> int | None:
    for rank, passage in enumerate(hits, start=1):
        for source_file, substring in answers:
            if passage.hit.source_file == source_file and substring in passage.hit.sentence:
                return rank
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="data folder (default: the bundled corpus)")
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--k", type=int, default=5)
    add_floor_options(parser, "search")
    parser.add_argument("--mode", choices=("hybrid", "dense", "keyword"), default="hybrid",
                        help="ablation: rank by one side only (for comparison)")
    parser.add_argument("--min-similarity", type=float, default=None, help="override lib.search.hybrid.MIN_SIMILARITY")
    parser.add_argument("--keyword-weight", type=float, default=None, help="override lib.search.hybrid.KEYWORD_WEIGHT")
    parser.add_argument("--rrf-k", type=int, default=None, help="override lib.search.hybrid.RRF_K")
    parser.add_argument("--verbose", action="store_true", help="print every query, not only misses")
    args = parser.parse_args(argv)

    import lib.search.hybrid as search_module
    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus
    from lib.text.embed import embedder_for

    if args.min_similarity is not None:
        search_module.MIN_SIMILARITY = args.min_similarity
    if args.keyword_weight is not None:
        search_module.KEYWORD_WEIGHT = args.keyword_weight
    if args.rrf_k is not None:
        search_module.RRF_K = args.rrf_k
    settings = load_settings(args.data)
    corpus = load_corpus(settings)
    embedder = embedder_for(settings)
    index = search_module.build_search_index(corpus, embedder)
    if args.mode == "keyword":
        index.dense_ok[:] = False  # ablation only: hide every sentence from the dense side
        index.all_dense = False
    if args.mode == "dense":
        from lib.search.keyword import KeywordIndex

        index.keywords = KeywordIndex(len(index), frozenset(), None)  # ablation only: no keyword side
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))["queries"]

    recalled, reciprocal, by_kind, latencies = 0, 0.0, {}, []
    for item in gold:
        started = time.perf_counter()
        hits = search_module.search(index, item["query"], embedder, k=10)
        latencies.append(time.perf_counter() - started)
        rank = first_answer_rank(hits, answers_of(item))
        hit_at_k = rank is not None and rank <= args.k
        recalled += hit_at_k
        reciprocal += 1.0 / rank if rank else 0.0
        kind = by_kind.setdefault(item.get("kind", "other"), [0, 0])
        kind[0] += hit_at_k
        kind[1] += 1
        if args.verbose or not hit_at_k:
            mark = "ok  " if hit_at_k else "MISS"
            top = hits[0].hit.sentence[:90] if hits else "(no hits)"
            print(f"{mark} rank={rank!s:>4}  {item['query']!r}\n       top: {top}")
    total = len(gold)
    recall = recalled / total
    mrr = reciprocal / total
    latencies.sort()
    print(f"queries: {total}  model: {embedder.model_id}  mode: {args.mode}  min_similarity: {search_module.MIN_SIMILARITY} "
          f"(on this model's scale {embedder.calibrated(search_module.MIN_SIMILARITY, query=True):.3f})  "
          f"keyword_weight: {search_module.KEYWORD_WEIGHT}  rrf_k: {search_module.RRF_K}")
    print(f"recall@{args.k}: {recall:.3f}  ({recalled}/{total})")
    print(f"MRR@10: {mrr:.3f}")
    for kind, (ok, count) in sorted(by_kind.items()):
        print(f"  {kind}: recall@{args.k} {ok}/{count}")
    print(f"query latency (corpus of {len(index)} sentences): p50 {1000 * latencies[len(latencies) // 2]:.1f} ms, "
          f"max {1000 * latencies[-1]:.1f} ms (first includes model warm-up)")
    return below_floors({"recall": recall, "mrr": mrr}, args, "search")


if __name__ == "__main__":
    sys.exit(main())
