"""What the Search page costs at 10k and 100k articles now that it opens a search index kept on disk
instead of loading every article and building the index.

    .venv/bin/python -m bench.search_open                    # 10k and 100k, SQLite (~40 min, ~8 GB of disk at 100k)
    .venv/bin/python -m bench.search_open --sizes 2000       # a quick look

Stores are filled as `bench.catalogue` fills them (600 articles through the real pipeline, the rest
clones spread over 40 outlets and 4 languages, ~15 sentences each) with inferred dates stored as
stand-ins, and the Timeline/Compare views stored as `bench.views` makes them (synthetic, under the real
keys), so the page's overview finds them. **The sentence vectors are random unit vectors** seeded into
the store's embedding cache under the real cache keys: embedding 1.5M sentences with the model would
take days here, and timing does not depend on what the vectors say (the query is still encoded by the
real model). Each measurement runs in its own process (peak RSS is that process's):

- `vectors`: seeding the random vectors (not a cost of the app);
- `build`: the index built from the corpus as a page does when none is stored (every record decoded,
  vectors read from the cache, bm25s over every sentence), then written to disk;
- `open`: in a fresh process, opening the stored index (the catalogue read, no article loaded);
- `queries`: p50/p99 of `search` (k=10, query encoded by the real model) without filters, with an
  outlet filter, with a date range, and with a language filter; each shown hit reads its one article;
- `page_first`: the Search page's first render through AppTest in a fresh process with the index
  stored but its example questions not yet made (they are then made and kept beside the index);
- `page`: the same in a fresh process once they are kept (what every restart costs), then a query;
- `page_recheck` and `page_typed` (run with `--stage`, not by default): the first render when the store's
  file changed since its last integrity check (checked again at open), and a query set once the
  background warm-up (catalogue entries, bm25s, model) has ended, as when a reader types.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from bench.catalogue import stage_fill, stage_store_dates
from bench.scale import REPO_ROOT, _peak_rss_mb
from bench.stage_process import answered_stage, print_tables, run_stage, sized_stores, staged_bench_arguments

QUERIES = ("How many troops were sent to the border?", "minister visit talks", "price of the shipment",
           "ceasefire agreed after the strike", "election report inquiry", "aid delivered to the region",
           "sanctions on exports", "summit delegation", "12,000", "rescue teams reached the town")


def _settings(data_dir: Path):
    from lib.core.settings import load_settings

    return load_settings(data_dir)


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return 1000 * ordered[len(ordered) // 2], 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _folder_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1048576


def stage_vectors(size: int, data_dir: Path) -> dict:
    """Random unit vectors in the embedding cache under the keys `article_vectors` reads (not the model's)."""
    import numpy as np

    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for, embedding_cache_key

    settings = _settings(data_dir)
    store = open_store(settings)
    embedder = embedder_for(settings)
    dimension = 384  # all-MiniLM-L6-v2, the default model
    rng = np.random.default_rng(3)
    started = time.perf_counter()
    sentences = 0
    articles = store.articles()
    for start in range(0, len(articles), 1000):
        with store.transaction():
            for article in articles[start : start + 1000]:
                vectors = rng.standard_normal((len(article.sentences), dimension)).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
                store.put_embeddings(embedding_cache_key(embedder.model_id, article.sentences), article.article_id, vectors)
                sentences += len(article.sentences)
    return {"sentences": sentences, "seed_vectors_s": time.perf_counter() - started, "peak_rss_mb": _peak_rss_mb()}


def stage_build(size: int, data_dir: Path) -> dict:
    """The index built from the corpus and kept on disk, as the page does when none is stored.

    The corpus is read as `load_corpus` reads it but with the stored stand-in dates instead of the
    collection-wide inference (minutes at these sizes, see bench.catalogue; the index does not depend on it)."""
    from dataclasses import replace

    from lib.core.store import catalogue_pages, store_contents_key
    from lib.ingest.corpus import Corpus, open_store
    from lib.search.hybrid import build_search_index
    from lib.search.stored_index import keep_search_index
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    embedder = embedder_for(settings)
    contents = store_contents_key(store)
    # The base `update_search_index` extends from, read before the articles (as a full build records it).
    sequence, dates_base = store.write_sequence(), store.inferred_dates_base()
    started = time.perf_counter()
    dates = {entry.article_id: entry.published for page in catalogue_pages(store, page_size=5000) for entry in page}
    articles = [replace(article, published=dates[article.article_id]) for article in store.articles()]
    corpus = Corpus(settings, store, articles, store.fingerprint())
    load_s = time.perf_counter() - started
    tick = time.perf_counter()
    index = build_search_index(corpus, embedder)
    build_s = time.perf_counter() - tick
    tick = time.perf_counter()
    folder = keep_search_index(index, settings, contents, base_sequence=sequence, dates_base=dates_base)
    return {"rows": len(index), "load_records_s": load_s, "build_s": build_s, "write_s": time.perf_counter() - tick,
            "index_mb": _folder_mb(folder), "vectors_mb": (folder / "vectors.npy").stat().st_size / 1048576,
            "peak_rss_mb": _peak_rss_mb()}


def _open_stored(settings):
    from lib.core.store import catalogue_pages, store_contents_key
    from lib.ingest.corpus import open_store
    from lib.search.stored_index import open_search_index
    from lib.text.embed import embedder_for

    store = open_store(settings)
    entries = [entry for page in catalogue_pages(store, page_size=5000) for entry in page]
    return open_search_index(settings, store_contents_key(store), embedder_for(settings).model_id, entries, store.article)


def stage_open(size: int, data_dir: Path) -> dict:
    settings = _settings(data_dir)
    started = time.perf_counter()
    index = _open_stored(settings)
    if index is None:
        raise RuntimeError("no current stored index")
    return {"open_s": time.perf_counter() - started, "rows": len(index), "peak_rss_mb": _peak_rss_mb()}


def stage_queries(size: int, data_dir: Path, rounds: int = 3) -> dict:
    from lib.search.hybrid import SearchFilters, search
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    index = _open_stored(settings)
    embedder = embedder_for(settings)
    embedder.encode_query("warm up")
    filters = {
        "none": None,
        "outlet": SearchFilters(outlets=(index.outlets()[0],)),
        "dates": SearchFilters(date_from="2024-06-01", date_to="2024-08-31"),
        "language": SearchFilters(languages=("en",)),
    }
    result: dict = {}
    search(index, QUERIES[0], embedder)  # the first query pages the matrix in from disk: timed apart
    for name, chosen in filters.items():
        times, hits = [], 0
        for _round in range(rounds):
            for query in QUERIES:
                tick = time.perf_counter()
                hits += len(search(index, query, embedder, k=10, filters=chosen))
                times.append(time.perf_counter() - tick)
        result[f"{name}_p50_ms"], result[f"{name}_p99_ms"] = _percentiles(times)
        result[f"{name}_hits"] = hits // rounds
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def stage_page(size: int, data_dir: Path, query: bool = True, recheck: bool = False, typed: bool = False) -> dict:
    """The Search page's first render (empty box) through AppTest in a fresh process, then a query.

    `recheck`: the store's file is taken as changed since its last check (its check marker removed), so
    the page's open checks it again, as after a restart that follows any write. `typed`: the query is
    set only once the background warm-up has ended (a reader typing), so it shows what a query then costs."""
    os.environ["STORYLENS_DATA"] = str(data_dir)
    from streamlit.testing.v1 import AppTest

    import lib.core.store as store_module
    from bench.views import _views_current

    # Else the page would build the views from the corpus (minutes at 100k), which is not what is measured.
    # Their keys follow the code of lib/claims, lib/text and lib/events: run the bench from a fixed checkout
    # (e.g. `git archive HEAD | tar -x -C DIR`) when that code is being edited.
    _views_current(data_dir)
    store_module._CHECKED.clear()  # the page's process opens the store itself (and checks it if it changed)
    if recheck:
        (data_dir / ".storylens" / "store.sqlite.checked").unlink(missing_ok=True)
    started = time.perf_counter()
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=3600)
    at.run()
    first = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    result = {"first_render_s": first,
              "examples": len([b for b in at.button if (b.help or "").startswith("Search for this.")])}
    if typed:
        import threading

        tick = time.perf_counter()
        for thread in threading.enumerate():
            if thread.name == "storylens-warm-model":
                thread.join()
        result["warm_up_s"] = time.perf_counter() - tick  # after the first render
    if query:
        tick = time.perf_counter()
        at.text_input(key="search_q").set_value(QUERIES[0]).run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)
        result["first_query_s"] = time.perf_counter() - tick  # includes the model load if the warm-up had not ended
        result["cards"] = len([m for m in at.markdown if ":orange-background[" in m.value])
        tick = time.perf_counter()
        at.text_input(key="search_q").set_value(QUERIES[1]).run()
        result["second_query_s"] = time.perf_counter() - tick
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def stage_views(size: int, data_dir: Path) -> dict:
    from bench.views import stage_views as store_views

    return store_views(size, data_dir)


STAGES = {
    "fill": lambda size, data_dir: stage_fill(size, data_dir, "sqlite"),
    "store_dates": lambda size, data_dir: stage_store_dates(size, data_dir, "sqlite"),
    "views": stage_views,
    "vectors": stage_vectors,
    "build": stage_build,
    "open": stage_open,
    "queries": stage_queries,
    "page_first": lambda size, data_dir: stage_page(size, data_dir, query=False),
    "page": stage_page,
    # Run on their own (`--stage NAME --size N --dir DIR`): the first render when the store's file changed
    # since its last check, and the first query once the background warm-up has ended.
    "page_recheck": lambda size, data_dir: stage_page(size, data_dir, query=False, recheck=True),
    "page_typed": lambda size, data_dir: stage_page(size, data_dir, typed=True),
}


def _run(stage: str, size: int, data_dir: Path, timeout: int = 7200) -> dict:
    return run_stage("bench.search_open", stage, size, data_dir, timeout=timeout)


def main(argv=None) -> int:
    args = staged_bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    if answered_stage(args, STAGES):
        return 0
    print(f"StoryLens search-open bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, SQLite); "
          "sentence vectors are RANDOM unit vectors seeded into the embedding cache; Timeline/Compare views synthetic")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storylens-search-open-"))
    names = ("fill", "vectors", "build", "open", "queries", "page_first", "page")
    tables: dict[str, dict[int, dict]] = {name: {} for name in names}
    try:
        for size, data_dir in sized_stores(root, args.sizes, keep=bool(args.keep)):
            if not (data_dir / ".storylens").exists():
                tables["fill"][size] = _run("fill", size, data_dir)
                tables["fill"][size].update(_run("store_dates", size, data_dir))
                tables["vectors"][size] = _run("vectors", size, data_dir)
            _run("views", size, data_dir)  # again each run: the claims key follows the code
            for stage in names[2:]:
                tables[stage][size] = _run(stage, size, data_dir)
    finally:
        titles = {
            "fill": "bulk fill (as bench.catalogue) and inferred dates stored as stand-ins",
            "vectors": "random unit vectors seeded into the embedding cache (not an app cost)",
            "build": "index built from the corpus (records decoded, vectors from the cache, bm25s) and written",
            "open": "fresh process: the stored index opened (catalogue read, no article loaded)",
            "queries": "fresh process: search p50/p99 (k=10, real query model), no filter / one outlet of 40 / 3 months / sentences in English",
            "page_first": "Search page first render via AppTest (fresh process), example questions made and kept",
            "page": "Search page first render via AppTest (fresh process, everything kept), then two queries",
        }
        print_tables(tables, titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
