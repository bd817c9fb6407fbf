"""Batch ingest engines side by side: one process against Ray workers, against the model alone.

    .venv/bin/python -m bench.ingest_engines [--synthetic 0] [--runs local ray:1 ray:2 ray-actors:2]

The batch is the 40 coverage-dev pages and the 5 bundled ones (real pages:
extraction, dating and outlets take their real time), plus `--synthetic N`
synthetic pages (tests/support/synthetic.py) for a longer run. Every run
ingests the whole batch into a fresh data folder with `embed=True` (vectors
stored) and runs in its own process. Prints a table, never asserts:

* model alone: sentences/s of `Embedder.encode`, one call per article as the
  engines do (`lib.ingest.prepare.sentence_vectors`), and one call for all
  sentences (what `lib.text.embed.article_vectors` does at search time), with
  torch's default threads, then per article on one thread (a Ray worker's);
* per run: Ray cluster start (a local cluster with 2 CPUs, started before the
  clock), the ingest's wall time, articles/s and sentences/s, and peak RSS of
  the run's whole process tree (driver, Ray's own processes and its workers);
* `ray-actors:N` is the same work on N plain `ray.remote` actors
  (`ray.util.ActorPool`) instead of Ray Data, to weigh Ray Data's overhead;
* `uptime` before and after: the machine's load, which the figures depend on.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
COVERAGE_DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
RAY_CPUS = 2


def _batch(synthetic: int):
    from lib.ingest.prepare import IngestInput
    from tests.support.synthetic import synthetic_article

    paths = sorted(COVERAGE_DEV.glob("*/*.txt")) + sorted((REPO_ROOT / "data" / "articles").iterdir())
    items = [IngestInput(path.name, path.read_bytes()) for path in paths]
    items += [IngestInput(f"synthetic-{index:05d}.txt", synthetic_article(index)) for index in range(synthetic)]
    return items


def _tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and every process below it, from /proc (MB)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    total_kb = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


class _PeakRss:
    """Samples the process tree's RSS every 0.25 s while running."""

    def __init__(self):
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.wait(0.25):
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))


def run_model(synthetic: int) -> dict:
    """The model alone on the batch's sentences (articles built first, not timed)."""
    from lib.core.settings import load_settings
    from lib.ingest.prepare import prepare_input, sentence_vectors
    from lib.text.embed import embedder_for

    settings = load_settings(tempfile.mkdtemp())
    articles = [p.article for p in (prepare_input(item, settings) for item in _batch(synthetic)) if p.article]
    embedder = embedder_for(settings)
    embedder.encode(["warm up the model"])
    sentences = sum(len(article.sentences) for article in articles)
    import torch

    threads = torch.get_num_threads()
    with _PeakRss() as rss:
        started = time.perf_counter()
        for article in articles:
            sentence_vectors(article, embedder)
        per_article = time.perf_counter() - started
        started = time.perf_counter()
        embedder.encode([sentence.text for article in articles for sentence in article.sentences])
        one_call = time.perf_counter() - started
        torch.set_num_threads(1)  # what a Ray worker with one CPU runs on (OMP_NUM_THREADS=1)
        started = time.perf_counter()
        for article in articles:
            sentence_vectors(article, embedder)
        per_article_one_thread = time.perf_counter() - started
    return {"articles": len(articles), "sentences": sentences, "per_article_s": per_article, "threads": threads,
            "one_call_s": one_call, "per_article_one_thread_s": per_article_one_thread, "peak_rss_mb": rss.peak_mb}


def _ray_actors_engine(workers: int):
    """The same per-file work on plain Ray actors (ray.util.ActorPool), results in input order."""
    import ray
    from ray.util import ActorPool

    from lib.ingest.prepare import prepare_input

    @ray.remote(num_cpus=min(1.0, RAY_CPUS / workers))
    class Worker:
        def __init__(self, settings, embed):
            from lib.text.embed import embedder_for

            self.settings, self.embedder = settings, (embedder_for(settings) if embed else None)

        def prepare(self, item):
            return prepare_input(item, self.settings, self.embedder)

    class ActorsEngine:
        name = "ray-actors"

        def prepare(self, items, settings, embed):
            runtime_env = {"env_vars": {"PYTHONPATH": str(REPO_ROOT), "HF_HUB_OFFLINE": "1"}}
            pool = ActorPool([Worker.options(runtime_env=runtime_env).remote(settings, embed) for _ in range(workers)])
            yield from pool.map(lambda actor, item: actor.prepare.remote(item), items)

    return ActorsEngine()


def run_engine(spec: str, synthetic: int) -> dict:
    """One ingest of the batch with the engine `spec` ("local", "ray:N", "ray-actors:N")."""
    import logging

    from lib.core.settings import load_settings
    from lib.ingest.batch import engine_for, ingest_files
    from lib.ingest.corpus import open_store

    kind, _, count = spec.partition(":")
    workers = int(count) if count else None
    settings = load_settings(tempfile.mkdtemp())
    store = open_store(settings)
    items = _batch(synthetic)
    with _PeakRss() as rss:
        started = time.perf_counter()
        cluster_start = 0.0
        if kind.startswith("ray"):
            import ray

            ray.init(num_cpus=RAY_CPUS, include_dashboard=False, object_store_memory=256 * 1024 * 1024,
                     logging_level=logging.WARNING, log_to_driver=False)
            cluster_start = time.perf_counter() - started
        engine = _ray_actors_engine(workers or RAY_CPUS) if kind == "ray-actors" else engine_for(settings, kind, workers)
        started = time.perf_counter()
        reports = ingest_files(store, settings, items, engine=engine, embed=True)
        elapsed = time.perf_counter() - started
        if kind.startswith("ray"):
            ray.shutdown()
    added = [report for report in reports if report.status == "added"]
    sentences = sum(len(article.sentences) for article in store.articles())
    return {"run": spec, "cluster_start_s": cluster_start, "ingest_s": elapsed, "added": len(added),
            "inputs": len(items), "articles_per_s": len(added) / elapsed, "sentences_per_s": sentences / elapsed,
            "sentences": sentences, "peak_rss_mb": rss.peak_mb}


def _in_subprocess(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.ingest_engines", "--child", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=3600)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=0, help="synthetic pages added to the 45 real ones")
    parser.add_argument("--runs", nargs="+", default=["local", "ray:1", "ray:2", "ray-actors:2"])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        what, synthetic = args.child[0], int(args.child[1])
        result = run_model(synthetic) if what == "model" else run_engine(what, synthetic)
        print(json.dumps(result))
        return 0
    print(f"before: {_uptime()}  (cores: {os.cpu_count()})")
    model = _in_subprocess("model", str(args.synthetic))
    if "error" in model:
        print(f"model alone: {model['error']}")
    else:
        print(f"model alone, {model['articles']} articles, {model['sentences']} sentences, {model['threads']} torch threads: "
              f"{model['sentences'] / model['per_article_s']:.1f} sentences/s one call per article, "
              f"{model['sentences'] / model['one_call_s']:.1f} sentences/s one call for all; on 1 thread: "
              f"{model['sentences'] / model['per_article_one_thread_s']:.1f} sentences/s one call per article; "
              f"peak RSS {model['peak_rss_mb']:.0f} MB")
    print("| run | cluster start s | ingest s | articles/s | sentences/s | added / inputs | peak RSS MB (tree) |")
    print("|---|---|---|---|---|---|---|")
    for spec in args.runs:
        row = _in_subprocess(spec, str(args.synthetic))
        if "error" in row:
            print(f"| {spec} | error: {row['error']} | | | | | |")
            continue
        print(f"| {spec} | {row['cluster_start_s']:.1f} | {row['ingest_s']:.1f} | {row['articles_per_s']:.2f} | "
              f"{row['sentences_per_s']:.1f} | {row['added']} / {row['inputs']} | {row['peak_rss_mb']:.0f} |", flush=True)
    print(f"after: {_uptime()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
