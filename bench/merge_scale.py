"""Event merging alone at growing density: seconds and memory of `lib.events.build.merge_mentions`.

Builds the event mentions of N synthetic articles (`bench.scale.synthetic_article`,
the real cleaner, dater and summariser) and encodes their clauses with the real
model once; then merges 1x, 3x, 6x ... copies of them, each copy standing for
other outlets reporting the same days (new article ids, vectors jittered by
N(0, 0.03) and renormalised). Each size runs in its own process. Prints, per
size: mentions, which path ran (exact sweep, pair budget, or cells), seconds
(and per 1,000 mentions), events and peak RSS growth during the merge.

    .venv/bin/python -m bench.merge_scale                       # 1,000 articles x 1 3 6 10
    .venv/bin/python -m bench.merge_scale --articles 3000 --copies 1 3 6
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def build_mentions(articles: int, path: Path) -> None:
    """Mentions and clause vectors of `articles` synthetic articles, pickled to `path`."""
    from lib.core.settings import load_settings
    from lib.events.mentions import find_event_mentions
    from lib.ingest.pipeline import build_article
    from lib.text.embed import get_embedder
    from tests.support.synthetic import synthetic_article

    settings = load_settings(tempfile.mkdtemp(prefix="storylens-merge-"))
    mentions = []
    for index in range(articles):
        mentions += find_event_mentions(build_article(f"synthetic-{index:06d}.txt", synthetic_article(index), settings))
    vectors = get_embedder().encode([mention.summary for mention in mentions])
    path.write_bytes(pickle.dumps((mentions, vectors)))


def _memory_mb(field: str) -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith(field))


def merge_copies(path: Path, copies: int) -> dict:
    """Merge `copies` copies of the pickled mentions in this process."""
    from dataclasses import replace

    import numpy as np

    from lib.events import merge as events

    mentions, vectors = pickle.loads(path.read_bytes())
    renamed = [{m.article.article_id: replace(m.article, article_id=f"{m.article.article_id}-{n}") for m in mentions} for n in range(copies)]
    many = [replace(m, article=renamed[n][m.article.article_id]) for n in range(copies) for m in mentions]
    jittered = np.vstack([vectors] * copies)
    if copies > 1:
        jittered = jittered + np.random.default_rng(0).normal(0, 0.03, jittered.shape).astype(np.float32)
    jittered = (jittered / np.linalg.norm(jittered, axis=1, keepdims=True)).astype(np.float32)
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # peak RSS (VmHWM) starts again from the current RSS
    before = _memory_mb("VmRSS")
    started = time.perf_counter()
    clusters = events.merge_mentions(many, jittered)
    seconds = time.perf_counter() - started
    path_taken = "cells" if len(many) > events.MERGE_EXACT_MENTIONS else (
        "exact" if len(many) * (len(many) - 1) // 2 <= events.MERGE_PAIR_BUDGET else "exact sweep, pair budget checked")
    return {
        "copies": copies, "mentions": len(many), "path": path_taken, "merge_s": round(seconds, 2),
        "events": len(clusters), "largest_event": max(len(c) for c in clusters),
        "peak_rss_growth_mb": _memory_mb("VmHWM") - before,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 3, 6, 10])
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # child: PATH COPIES
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(merge_copies(Path(args.one[0]), int(args.one[1]))))
        return 0
    with tempfile.TemporaryDirectory(prefix="storylens-merge-") as folder:
        path = Path(folder) / "mentions.pickle"
        started = time.perf_counter()
        build_mentions(args.articles, path)
        print(f"{args.articles} synthetic articles: mentions and clause vectors in {time.perf_counter() - started:.0f} s")
        print(f"{'copies':>6} {'mentions':>9} {'path':<34} {'merge':>8} {'per 1k':>9} {'events':>7} {'largest':>7} {'+RSS':>7}")
        for copies in args.copies:
            child = subprocess.run([sys.executable, "-m", "bench.merge_scale", "--one", str(path), str(copies)],
                                   cwd=REPO_ROOT, capture_output=True, text=True, check=True)
            row = json.loads(child.stdout.strip().splitlines()[-1])
            print(f"{row['copies']:>6} {row['mentions']:>9,} {row['path']:<34} {row['merge_s']:>6.1f} s "
                  f"{1000 * 1000 * row['merge_s'] / row['mentions']:>6.0f} ms {row['events']:>7,} {row['largest_event']:>7} {row['peak_rss_growth_mb']:>4} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
