"""What the Articles page and the sidebar cost at 10k and 100k articles, now that they read the
store's catalogue instead of loading every article; the old whole load alongside.

    .venv/bin/python -m bench.catalogue                       # 10k and 100k, SQLite (~15 min)
    .venv/bin/python -m bench.catalogue --sizes 2000          # a quick look
    .venv/bin/python -m bench.catalogue --backend postgres    # against a throwaway PostgreSQL server

Stores are filled as `bench.scale`'s store stage fills them (600 articles through the real
pipeline, the rest clones with a unique body), with clones spread over 40 outlets and 4
languages so the filters select something. Each measurement runs in its own process, so
"peak RSS" is that process's alone:

- `fill`: the bulk fill (1,000 articles a transaction, catalogue rows included);
- `migrate`: a copy of the store taken back to the schema before the catalogue, then opened
  (the one-time fill of the catalogue from the records);
- `catalogue`: what the page and the sidebar build, in a fresh process: open + first page
  + summary; then page fetches at random keys (p50/p99) with and without filters;
- `app_*`: the Articles page's first render through Streamlit's AppTest in a fresh process
  (app import, store open and check, sync, sidebar, page), before the collection's inferred
  dates are stored (they are then computed in the background) and after, with the catalogue
  summary computed (as after any change) or kept (a restarted app);
- `load_corpus`: the old way, every article decoded, and the collection's date inference
  (only up to 2,000 articles: it grows faster than linearly); beyond, inferred dates are
  stored as stand-ins so the next stages read a store in its usual state.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.scale import REPO_ROOT, _build_one, _clone, _peak_rss_mb, _store_mb
from bench.stage_process import answered_stage, print_tables, run_stage, sized_stores, staged_bench_arguments

OUTLETS = tuple(f"Outlet {index:02d}" for index in range(40))
LANGUAGES = ("en", "fr", "de", "ja")


def _settings(data_dir: Path, backend: str):
    from lib.core.settings import load_settings

    settings = load_settings(data_dir)
    if backend == "postgres":
        return replace(settings, store_backend="postgres", database_url=os.environ["STORYLENS_BENCH_DATABASE_URL"])
    return settings


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return 1000 * ordered[len(ordered) // 2], 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def stage_fill(size: int, data_dir: Path, backend: str, bases: int = 600) -> dict:
    import multiprocessing

    from lib.ingest.corpus import open_store
    from lib.ingest.pipeline import pipeline_fingerprint

    settings = _settings(data_dir, backend)
    store = open_store(settings)
    pipeline = pipeline_fingerprint()
    os.environ["STORYLENS_BENCH_DIR"] = str(data_dir)
    bases = min(bases, size)
    with multiprocessing.Pool(max(1, os.cpu_count() or 2)) as pool:
        base_articles = pool.map(_build_one, range(bases), chunksize=16)
    rng = random.Random(11)
    started = time.perf_counter()
    for start in range(0, size, 1000):
        with store.transaction():
            for index in range(start, min(size, start + 1000)):
                article = replace(
                    _clone(base_articles[index % bases], index),
                    outlet=OUTLETS[rng.randrange(len(OUTLETS))],
                    language=LANGUAGES[rng.randrange(len(LANGUAGES))],
                )
                bands = [f"{band}:{rng.getrandbits(64):016x}" for band in range(16)]
                store.put_article(article, "bundled", f"articles/{article.source_file}", pipeline, bands)
    elapsed = time.perf_counter() - started
    return {"articles": store.count(), "fill_per_s": size / elapsed, "store_mb": _store_mb(store), "peak_rss_mb": _peak_rss_mb()}


def stage_migrate(size: int, data_dir: Path, backend: str) -> dict:
    """A copy of the SQLite store without the catalogue tables, then opened (the one-time fill)."""
    import lib.core.store as store_module
    from lib.ingest.corpus import open_store

    copy = data_dir.parent / f"{data_dir.name}-migrate"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(data_dir, copy)
    settings = _settings(copy, backend)
    store = open_store(settings)
    with store.transaction() as connection:
        for table in ("catalogue", "changes", "inferred_dates"):
            connection.execute(f"DROP TABLE {table}")
        connection.execute("DELETE FROM meta WHERE key IN ('catalogue_version', 'inferred_dates_fingerprint')")
    store.close()
    store_module._CHECKED.clear()
    started = time.perf_counter()
    reopened = open_store(settings)
    elapsed = time.perf_counter() - started
    rows = reopened.catalogue_summary().article_count
    shutil.rmtree(copy, ignore_errors=True)
    return {"migrate_open_s": elapsed, "catalogue_rows": rows, "peak_rss_mb": _peak_rss_mb()}


def stage_catalogue(size: int, data_dir: Path, backend: str, fetches: int = 200) -> dict:
    from lib.ingest.corpus import open_store
    from lib.present.catalogue import summary_words

    settings = _settings(data_dir, backend)
    result: dict = {}
    started = time.perf_counter()
    store = open_store(settings)
    result["open_ms"] = 1000 * (time.perf_counter() - started)
    tick = time.perf_counter()
    first = store.catalogue(limit=51)
    result["first_page_ms"] = 1000 * (time.perf_counter() - tick)
    tick = time.perf_counter()
    words = summary_words(store.catalogue_summary())  # computed here (the fill kept none), then kept
    result["summary_ms"] = 1000 * (time.perf_counter() - tick)
    result["page_and_sidebar_s"] = time.perf_counter() - started
    assert len(first) == 51 and words.article_count >= size
    keys = [(row[2], row[0]) for row in random.Random(3).sample(store.rows(), fetches)]
    cases = {
        "page": {},
        "page_outlet": {"outlet": OUTLETS[7]},
        "page_language": {"language": "ja"},
        "page_title": {"title_contains": "SEOUL"},
    }
    for name, filters in cases.items():
        times = []
        for key in keys:
            tick = time.perf_counter()
            page = store.catalogue(after=key, limit=51, **filters)
            times.append(time.perf_counter() - tick)
        result[f"{name}_p50_ms"], result[f"{name}_p99_ms"] = _percentiles(times)
        result[f"{name}_rows"] = len(page)
    for name, summary in (("summary_computed", store._catalogue_summary), ("summary_kept", store.catalogue_summary)):
        times = []
        for _ in range(5):
            tick = time.perf_counter()
            summary()
            times.append(time.perf_counter() - tick)
        result[f"{name}_p50_ms"] = _percentiles(times)[0]
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def stage_app(size: int, data_dir: Path, backend: str, keep_summary: bool = False) -> dict:
    """The Articles page's first render through AppTest, in a fresh process; unless `keep_summary`,
    the kept catalogue summary is dropped first (as after any change of the articles)."""
    os.environ["STORYLENS_DATA"] = str(data_dir)
    if backend == "postgres":
        os.environ["STORYLENS_STORE"] = "postgres"
        os.environ["STORYLENS_DATABASE_URL"] = os.environ["STORYLENS_BENCH_DATABASE_URL"]
    from streamlit.testing.v1 import AppTest

    from lib.ingest.corpus import open_store

    store = open_store(_settings(data_dir, backend))
    stored = store.inferred_dates_fingerprint() is not None
    if not keep_summary:
        from lib.core.store import SUMMARY_CACHE

        store.put_cache(SUMMARY_CACHE, "dropped by the bench", {})
    store.close()
    import lib.core.store as store_module

    store_module._CHECKED.clear()  # the page's process opens (and checks) the store itself
    started = time.perf_counter()
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=600)
    at.switch_page("pages/articles.py")
    at.run()
    first = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    rows = len(at.dataframe[0].value)
    tick = time.perf_counter()
    at.run()
    rerun = time.perf_counter() - tick
    return {"inferred_dates_stored": stored, "summary_kept": keep_summary, "first_render_s": first, "rerun_s": rerun, "rows_shown": rows,
            "peak_rss_mb": _peak_rss_mb()}


def stage_load_corpus(size: int, data_dir: Path, backend: str) -> dict:
    """The old start of every page: every record decoded (`articles()`), then the collection's
    date inference (`load_corpus`), the latter only up to LOAD_CORPUS_MAX articles (it grew
    faster than linearly: about a minute at 2,000 synthetic articles)."""
    from lib.ingest.corpus import load_corpus, open_store

    settings = _settings(data_dir, backend)
    started = time.perf_counter()
    articles = open_store(settings).articles()
    result = {"articles_decode_s": time.perf_counter() - started, "articles": len(articles)}
    undated = sum(1 for article in articles if article.published.precision == "unknown")
    result["undated_pages"] = undated
    del articles
    if size <= LOAD_CORPUS_MAX:
        started = time.perf_counter()
        load_corpus(settings, sync=False)
        result["load_corpus_s"] = time.perf_counter() - started
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


LOAD_CORPUS_MAX = 2_000


def stage_store_dates(size: int, data_dir: Path, backend: str) -> dict:
    """Inferred dates as `load_corpus` stores them, for every undated page, without running the
    inference (too slow at these sizes, see `stage_load_corpus`): a month-wide interval each."""
    from lib.core.models import PublishedDate
    from lib.core.store import catalogue_pages
    from lib.ingest.corpus import open_store

    store = open_store(_settings(data_dir, backend))
    guess = PublishedDate("2024-06", "month", False, "inferred (bench stand-in)", "2024-06-01", "2024-06-30")
    undated = [entry.article_id for page in catalogue_pages(store) for entry in page if entry.published.precision == "unknown"]
    started = time.perf_counter()
    store.put_inferred_dates(store.fingerprint(), dict.fromkeys(undated, guess))
    return {"dates_stored": len(undated), "put_inferred_dates_s": time.perf_counter() - started}


STAGES = {"fill": stage_fill, "migrate": stage_migrate, "catalogue": stage_catalogue, "app": stage_app,
          "app_restart": lambda size, data_dir, backend: stage_app(size, data_dir, backend, keep_summary=True),
          "load_corpus": stage_load_corpus, "store_dates": stage_store_dates}


def _run(stage: str, size: int, data_dir: Path, backend: str, timeout: int = 7200) -> dict:
    return run_stage("bench.catalogue", stage, size, data_dir, "--backend", backend, timeout=timeout)


def main(argv=None) -> int:
    parser = staged_bench_arguments(__doc__.splitlines()[0], keep=False)
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite",
                        help="postgres: STORYLENS_BENCH_DATABASE_URL names the server (the migrate stage is SQLite only)")
    args = parser.parse_args(argv)
    if answered_stage(args, STAGES, args.backend):
        return 0
    print(f"StoryLens catalogue bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, {args.backend})")
    root = Path(tempfile.mkdtemp(prefix="storylens-catalogue-"))
    tables: dict[str, dict[int, dict]] = {name: {} for name in ("fill", "migrate", "catalogue", "app_dates_missing", "load_corpus", "catalogue_dates_stored", "app_dates_stored", "app_restart")}
    try:
        for size, data_dir in sized_stores(root, args.sizes):
            tables["fill"][size] = _run("fill", size, data_dir, args.backend)
            if args.backend == "sqlite":
                tables["migrate"][size] = _run("migrate", size, data_dir, args.backend)
            tables["catalogue"][size] = _run("catalogue", size, data_dir, args.backend)
            tables["app_dates_missing"][size] = _run("app", size, data_dir, args.backend)
            tables["load_corpus"][size] = _run("load_corpus", size, data_dir, args.backend)
            if size > LOAD_CORPUS_MAX:
                tables["load_corpus"][size].update(_run("store_dates", size, data_dir, args.backend))
            tables["catalogue_dates_stored"][size] = _run("catalogue", size, data_dir, args.backend)
            tables["app_dates_stored"][size] = _run("app", size, data_dir, args.backend)
            tables["app_restart"][size] = _run("app_restart", size, data_dir, args.backend)
    finally:
        titles = {
            "fill": "bulk fill, 1,000 articles a transaction (records, LSH bands, catalogue rows, changes)",
            "migrate": "opening a store written before the catalogue (fills it once, by SQL)",
            "catalogue": "what the Articles page and the sidebar read (fresh process; pages at random keys)",
            "app_dates_missing": "Articles page first render via AppTest, inferred dates not stored yet",
            "load_corpus": "the old way: every record decoded (articles()), and load_corpus with the date inference "
            f"up to {LOAD_CORPUS_MAX:,} articles (beyond: inferred dates stored as stand-ins)",
            "catalogue_dates_stored": "the catalogue again, with inferred dates stored for every undated page",
            "app_dates_stored": "Articles page first render via AppTest, inferred dates stored, summary computed",
            "app_restart": "Articles page first render via AppTest, inferred dates and summary kept (a restarted app)",
        }
        print_tables(tables, titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
