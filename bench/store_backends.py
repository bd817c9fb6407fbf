"""The store on SQLite (default) and on PostgreSQL, side by side: writes, reads, size.

    .venv/bin/python -m bench.store_backends                      # 10k and 100k articles, both backends
    .venv/bin/python -m bench.store_backends --sizes 2000          # quick look
    .venv/bin/python -m bench.store_backends --database-url postgresql://USER@HOST/DB   # a server of your own

Without --database-url a throwaway PostgreSQL server is started as the tests do
(tests/support/postgres.py: Debian binaries, 127.0.0.1, fsync off), so its writes
are faster than a durable server's; with a URL nothing is switched off.

Articles: a few hundred go through the real pipeline, the rest are clones with a
unique body and random LSH bands (as bench/scale.py's store stage), so records
have real sizes (~10 kB of JSON each). Each (backend, size) runs in its own
process: peak RSS is the client's (a PostgreSQL server's memory is its own).
Prints one table and `uptime` before and after; nothing is asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BASES = 300


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _clone(base, index: int):
    """A distinct article with the record size of `base` (body gets a unique closing sentence)."""
    body = base.body + f"\n\nReference number {index}."
    return dataclasses.replace(
        base,
        article_id=hashlib.sha256(body.encode()).hexdigest(),
        source_file=f"clone-{index:07d}.txt",
        body=body,
        raw_sha256=hashlib.sha256(f"raw-{index}".encode()).hexdigest(),
    )


def _base_articles(folder: Path) -> list:
    from lib.core.settings import load_settings
    from lib.ingest.pipeline import build_article
    from tests.support.synthetic import synthetic_article

    settings = load_settings(folder)
    return [build_article(f"synthetic-{index:06d}.txt", synthetic_article(index), settings) for index in range(BASES)]


def _median_ms(fn, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(repeat):
        tick = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - tick)
    return 1000 * sorted(times)[len(times) // 2], value


def stage(backend: str, size: int, folder: Path, database_url: str | None) -> dict:
    """Fill one store to `size` articles and time its calls (run in a subprocess)."""
    from lib.core.settings import load_settings
    from lib.ingest.corpus import open_store
    from lib.ingest.pipeline import pipeline_fingerprint

    settings = dataclasses.replace(load_settings(folder), store_backend=backend, database_url=database_url)
    store = open_store(settings)
    bases = _base_articles(folder)
    pipeline = pipeline_fingerprint()
    rng = random.Random(11)
    result: dict = {"backend": backend, "articles": size}
    started = time.perf_counter()
    for start in range(0, size, 1000):
        with store.transaction():
            for index in range(start, min(size, start + 1000)):
                article = _clone(bases[index % BASES], index)
                bands = [f"{band}:{rng.getrandbits(64):016x}" for band in range(16)]
                store.put_article(article, "bundled", f"articles/{article.source_file}", pipeline, bands)
    result["bulk_put_per_s"] = size / (time.perf_counter() - started)
    tick = time.perf_counter()
    for index in range(size, size + 200):  # one transaction each, under the write lock, as an ingest does
        article = _clone(bases[index % BASES], index)
        with store.write_lock():
            store.find_by_raw_sha(article.raw_sha256)
            store.near_duplicate_candidates([f"{band}:{rng.getrandbits(64):016x}" for band in range(16)])
            store.put_article(article, "bundled", f"articles/{article.source_file}", pipeline, [f"x:{index}"])
    result["locked_put_ms"] = 1000 * (time.perf_counter() - tick) / 200
    some_id = _clone(bases[1], 1).article_id
    result["fingerprint_ms"], _ = _median_ms(store.fingerprint, 20)
    result["article_ms"], _ = _median_ms(lambda: store.article(some_id), 20)
    result["near_dup_ms"], _ = _median_ms(lambda: store.near_duplicate_candidates([f"0:{i:016x}" for i in range(16)]), 20)
    result["count_ms"], _ = _median_ms(store.count, 5)
    result["rows_ms"], rows = _median_ms(store.rows, 3)
    result["rows_per_s"] = len(rows) / (result["rows_ms"] / 1000)
    del rows
    result["articles_ms"], articles = _median_ms(store.articles, 1)
    result["articles_per_s"] = len(articles) / (result["articles_ms"] / 1000)
    del articles
    result["size_mb"] = _size_mb(store)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _size_mb(store) -> float:
    """On disk: the SQLite file (and WAL), or the schema's tables with indexes and TOAST (pg_total_relation_size)."""
    if hasattr(store, "db_path"):
        return sum(path.stat().st_size for path in store.store_dir.glob("store.sqlite*")) / 1048576
    with store.reading() as connection:
        total = connection.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'r'",
            (store.schema,),
        ).fetchone()[0]
    return float(total) / 1048576


COLUMNS = [
    ("backend", "backend", "{}"),
    ("articles", "articles", "{:,}"),
    ("bulk put (1000 per transaction)", "bulk_put_per_s", "{:,.0f}/s"),
    ("one locked ingest write", "locked_put_ms", "{:.2f} ms"),
    ("article(id)", "article_ms", "{:.2f} ms"),
    ("near-dup lookup", "near_dup_ms", "{:.2f} ms"),
    ("fingerprint()", "fingerprint_ms", "{:.3f} ms"),
    ("count()", "count_ms", "{:.1f} ms"),
    ("rows()", "rows_ms", "{:,.0f} ms"),
    ("articles()", "articles_ms", "{:,.0f} ms"),
    ("articles() rate", "articles_per_s", "{:,.0f}/s"),
    ("size on disk", "size_mb", "{:,.0f} MB"),
    ("client peak RSS", "peak_rss_mb", "{:,.0f} MB"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--database-url", help="an existing PostgreSQL database (default: start a throwaway server)")
    parser.add_argument("--stage", nargs=4, metavar=("BACKEND", "SIZE", "FOLDER", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        backend, size, folder, url = args.stage
        print(json.dumps(stage(backend, int(size), Path(folder), None if url == "-" else url)))
        return
    print("before:", _uptime(), flush=True)
    server = None
    url = args.database_url
    if "postgres" in args.backends and not url:
        from tests.support.postgres import start_server

        server = start_server()
        url = server.url
    results = []
    try:
        for size in args.sizes:
            for backend in args.backends:
                folder = Path(tempfile.mkdtemp(prefix=f"store-bench-{backend}-"))
                env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO_ROOT))
                run = subprocess.run(
                    [sys.executable, "-m", "bench.store_backends", "--stage", backend, str(size), str(folder), url or "-"],
                    cwd=REPO_ROOT, capture_output=True, text=True, env=env,
                )
                shutil.rmtree(folder, ignore_errors=True)
                if run.returncode != 0:
                    print(f"{backend} at {size}: failed\n{run.stderr[-2000:]}", flush=True)
                    continue
                results.append(json.loads(run.stdout.strip().splitlines()[-1]))
                print(json.dumps(results[-1]), flush=True)
    finally:
        if server is not None:
            from tests.support.postgres import stop_server

            stop_server(server)
    print()
    print("| " + " | ".join(title for title, _key, _fmt in COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for row in results:
        print("| " + " | ".join(fmt.format(row[key]) for _title, key, fmt in COLUMNS) + " |")
    print("\nafter:", _uptime())


if __name__ == "__main__":
    main()
