"""Embedding batch size: seconds and peak memory to embed real news sentences.

Each batch size runs in its own process (peak memory is per process), on the
sentences of the first 40 true article bodies of the extraction benchmark
(`../shared/benchmarks/article-extraction-dev/ground-truth.json`), or of the
bundled corpus when the benchmark is not there. Prints one line per size:

    .venv/bin/python -m bench.embed_batch                 # sizes 64 32 16 8 4
    .venv/bin/python -m bench.embed_batch --sizes 8 16

"Peak" is the growth of the process's peak RSS (VmHWM) during the encode,
above its size with the model loaded; it is what a 1 GB Community Cloud
container has to hold on top of the app.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GROUND_TRUTH = REPO_ROOT.parent / "shared" / "benchmarks" / "article-extraction-dev" / "ground-truth.json"
BODIES = 40
SENTENCES_PER_BODY = 80


def _memory_mb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) // 1024
    return 0


def news_sentences() -> list[str]:
    """Real article sentences, split the way the app splits them."""
    from lib.text.sentences import split_sentences

    if GROUND_TRUTH.exists():
        pages = list(json.loads(GROUND_TRUTH.read_text()).values())[:BODIES]
        bodies = [page["articleBody"] for page in pages]
    else:
        bodies = [path.read_text(errors="replace") for path in sorted((REPO_ROOT / "data" / "articles").iterdir())]
    texts: list[str] = []
    for body in bodies:
        texts += [sentence.text for sentence in split_sentences(body, "en")][:SENTENCES_PER_BODY]
    return texts


def measure_one(batch_size: int) -> dict:
    """Encode the sentences once at `batch_size` in this process; seconds and peak growth."""
    from lib.text.embed import Embedder

    texts = news_sentences()
    embedder = Embedder(batch_size=batch_size)
    embedder.encode(texts[:3])  # load the model and warm up
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # reset VmHWM to the current RSS
    before = _memory_mb("VmRSS")
    started = time.perf_counter()
    embedder.encode(texts)
    seconds = time.perf_counter() - started
    return {"batch": batch_size, "sentences": len(texts), "seconds": round(seconds, 2), "peak_growth_mb": _memory_mb("VmHWM") - before}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[64, 32, 16, 8, 4])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process mode
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return 0
    for size in args.sizes:
        child = subprocess.run(
            [sys.executable, "-m", "bench.embed_batch", "--one", str(size)],
            cwd=REPO_ROOT, capture_output=True, text=True, check=True,
        )
        row = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"batch {row['batch']:3d}: {row['sentences']} sentences in {row['seconds']:6.2f} s, peak +{row['peak_growth_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
