"""What adding one article costs the stored search index at 10k and 100k articles now that the added
article is indexed as a small segment beside the stored base (`update_search_index`) instead of the
whole index being built again; then queries and the Search page's first render with that segment.

    .venv/bin/python -m bench.search_update                      # 10k and 100k, SQLite
    .venv/bin/python -m bench.search_update --sizes 2000         # a quick look
    .venv/bin/python -m bench.search_update --keep DIR           # keep (and reuse) the stores in DIR

Stores are filled as `bench.search_open` fills them (600 articles through the real pipeline, the rest
clones over 40 outlets and 4 languages, ~15 sentences each; inferred dates as stand-ins; Timeline and
Compare views synthetic under the real keys). The base index is seeded the way a full build stores it
(`keep_search_index`, with its write sequence and dates base), its rows and BM25 index made from the
stored articles by the real code, but **its sentence vectors are random unit vectors** written with it
(embedding 1.5M sentences with the model would take days here; timings do not depend on what they say).
The added article is a real page (a bundled article with one sentence more, so it is new), ingested
through the pipeline; its vectors are encoded by the real model. Each figure comes from a fresh process:

- `base`: the synthetic base (records read, rows, BM25 over every sentence, vectors, written): not a
  cost of adding an article, what a full build writes;
- `add`: the article ingested, its inferred date added as the dates step would (`add_inferred_dates`,
  a stand-in), and its sentence vectors cached (as the events update, run before search, leaves them);
- `update`: `update_search_index` with its vectors cached (the run-time order) and, for a second added
  article, with the model loaded and its sentences encoded in the same process (`update_encoding`);
- `open`, `queries`: as `bench.search_open`, with base + segments;
- `page`: the Search page's first render (AppTest, fresh process, the example questions kept), run
  twice (the first may make the examples); `profile` is the same render under cProfile (top entries
  by cumulative time written to `--profile-out`).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from bench.scale import _peak_rss_mb
from bench.search_open import _folder_mb, _settings, stage_open, stage_page, stage_queries, stage_views
from bench.stage_process import answered_stage, print_tables, run_stage, sized_stores, staged_bench_arguments

PAGES = Path(__file__).resolve().parents[1] / "data" / "articles"
DIMENSION = 384  # all-MiniLM-L6-v2, the default model
# Set (to 1) to write the base's vectors as a sparse file of zeros: at 100k the vectors are 2.2 GB.
SPARSE_VECTORS = "STORYLENS_BENCH_SPARSE_VECTORS"


def stage_base(size: int, data_dir: Path) -> dict:
    """The base index as a full build keeps it, with random vectors (see the module's docstring)."""
    import numpy as np

    from lib.core.store import catalogue_pages, store_contents_key
    from lib.ingest.corpus import open_store
    from lib.search.hybrid import SearchIndex, sentence_rows
    from lib.search.keyword import KeywordIndex
    from lib.search.stored_index import keep_search_index
    from lib.search.vectors import ExactIndex
    from lib.text.embed import embedder_for, is_multilingual

    settings = _settings(data_dir)
    store = open_store(settings)
    model = embedder_for(settings)
    sequence, contents, dates_base = store.write_sequence(), store_contents_key(store), store.inferred_dates_base()
    started = time.perf_counter()
    entries = {entry.article_id: entry for page in catalogue_pages(store, page_size=5000) for entry in page}
    articles = [article for article in store.articles() if article.sentences]
    read_s = time.perf_counter() - started
    tick = time.perf_counter()
    multilingual = is_multilingual(model.model_name)
    rows = sentence_rows(articles, multilingual)
    keywords = KeywordIndex.build(rows.text, rows.language)
    keywords_s = time.perf_counter() - tick
    if os.environ.get(SPARSE_VECTORS):
        # Disk-saving variant: the vectors file is written as a sparse file of zeros (no disk blocks), so
        # adding, opening and the page cost the same, but no sentence passes the dense side's floor:
        # query timings from such a store are not comparable and are not taken.
        _save = np.save

        def sparse_save(path, array, *args, **kwargs):
            if Path(path).name != "vectors.npy":
                return _save(path, array, *args, **kwargs)
            np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=array.shape).flush()

        np.save = sparse_save
        matrix = np.zeros((len(rows.article), DIMENSION), dtype=np.float32)
    else:
        rng = np.random.default_rng(3)
        matrix = rng.standard_normal((len(rows.article), DIMENSION), dtype=np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    index = SearchIndex([entries[article.article_id] for article in articles], np.asarray(rows.article),
                        np.asarray(rows.sentence), np.asarray(rows.language, dtype=object), np.asarray(rows.dense_ok),
                        ExactIndex.from_matrix(matrix), keywords, model.model_id, multilingual)
    tick = time.perf_counter()
    folder = keep_search_index(index, settings, contents, base_sequence=sequence, dates_base=dates_base)
    return {"rows": len(index), "read_records_s": read_s, "bm25_s": keywords_s, "write_s": time.perf_counter() - tick,
            "index_mb": _folder_mb(folder), "peak_rss_mb": _peak_rss_mb()}


def _pages():
    """Real pages (the bundled articles), each with one sentence more so it is new to the store."""
    stamp = time.time_ns()
    for path in sorted(PAGES.glob("*.txt")):
        text = path.read_text(encoding="utf-8").rstrip() + f"\n\nThe agency updated this report at {stamp} ticks.\n"
        yield f"added-{stamp}-{path.name}", text.encode("utf-8")


def stage_add(size: int, data_dir: Path, cache_vectors: bool = True) -> dict:
    """One new article ingested (the first bundled page not already added: a page added before is a
    near-duplicate of its copy); its date added as the dates step does; its vectors cached (or not)."""
    from lib.ingest.corpus import open_store
    from lib.ingest.pipeline import ingest_bytes
    from lib.text.embed import article_vectors, embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    for name, data in _pages():
        started = time.perf_counter()
        # Not put in the data folder: a sync by a page would then never take it in again.
        report = ingest_bytes(store, settings, name, data, origin="bundled", raw_path=f"articles/{name}")
        ingest_s = time.perf_counter() - started
        if report.status == "added":
            break
    else:
        raise RuntimeError("every bundled page was added already: use a fresh store")
    store.add_inferred_dates(store.fingerprint(), {})  # stand-in for the dates step (its own bench)
    result = {"ingest_s": ingest_s, "sentences": len(store.article(report.article_id).sentences)}
    if cache_vectors:
        embedder = embedder_for(settings)
        tick = time.perf_counter()
        article_vectors(store, [store.article(report.article_id)], embedder)
        result["encode_s_model_loaded_here"] = time.perf_counter() - tick
    return result


def stage_update(size: int, data_dir: Path, encoding: bool = False) -> dict:
    """`update_search_index` in a fresh process (the model loaded first when it must encode)."""
    from lib.core.store import store_contents_key
    from lib.ingest.corpus import open_store
    from lib.search.stored_index import update_search_index
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    started = time.perf_counter()
    store = open_store(settings)
    open_s = time.perf_counter() - started
    embedder = embedder_for(settings)
    result = {"store_open_s": open_s}
    if encoding:
        tick = time.perf_counter()
        embedder.encode(["warm up"])
        result["model_load_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    updated = update_search_index(store, embedder, settings)
    result["update_s"] = time.perf_counter() - tick
    if not updated:
        raise RuntimeError("update_search_index declined")
    from bench.search_open import _open_stored

    index = _open_stored(settings)
    if index is None:
        raise RuntimeError(f"no index opens for {store_contents_key(store)}")
    result.update(rows=len(index), peak_rss_mb=_peak_rss_mb())
    return result


def stage_profile(size: int, data_dir: Path, out: str | None = None) -> dict:
    """The Search page's first render (fresh process) under cProfile; the top entries written to `out`."""
    import cProfile
    import io
    import pstats
    import threading

    # AppTest runs the page in a thread of its own, which starts a profiler of its own (other threads,
    # such as the model loading in the background, are not profiled: that made the render minutes long).
    profilers = [cProfile.Profile()]

    def start_in_thread(*_args):
        import sys

        sys.setprofile(None)
        if threading.current_thread().name.startswith("ScriptRunner"):
            profiler = cProfile.Profile()
            profilers.append(profiler)
            profiler.enable()

    threading.setprofile(start_in_thread)
    profilers[0].enable()
    result = stage_page(size, data_dir, query=False)
    profilers[0].disable()
    threading.setprofile(None)
    text = io.StringIO()
    stats = pstats.Stats(profilers[0], stream=text)
    for profiler in profilers[1:]:
        try:
            stats.add(profiler)
        except (TypeError, ValueError):  # a thread whose profiler saw nothing
            continue
    stats.sort_stats("cumulative").print_stats(250)
    target = Path(out or data_dir.parent / f"page_profile-{size}.txt")  # not in the data folder: a sync would ingest it
    target.write_text(text.getvalue(), encoding="utf-8")
    result["profile"] = str(target)
    return result


STAGES = {
    "fill": lambda size, data_dir: __import__("bench.catalogue", fromlist=["stage_fill"]).stage_fill(size, data_dir, "sqlite"),
    "store_dates": lambda size, data_dir: __import__("bench.catalogue", fromlist=["x"]).stage_store_dates(size, data_dir, "sqlite"),
    "views": stage_views,
    "base": stage_base,
    "add": stage_add,
    "add_uncached": lambda size, data_dir: stage_add(size, data_dir, cache_vectors=False),
    "update": stage_update,
    "update_encoding": lambda size, data_dir: stage_update(size, data_dir, encoding=True),
    "open": stage_open,
    "queries": stage_queries,
    "page": lambda size, data_dir: stage_page(size, data_dir, query=False),
    "profile": stage_profile,
}


def _run(stage: str, size: int, data_dir: Path) -> dict:
    return run_stage("bench.search_update", stage, size, data_dir, timeout=7200)


def main(argv=None) -> int:
    args = staged_bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    if answered_stage(args, STAGES):
        return 0
    print(f"StoryLens search-update bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, SQLite); "
          "base index vectors are RANDOM unit vectors; Timeline/Compare views synthetic")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storylens-search-update-"))
    names = ("base", "add", "update", "add_uncached", "update_encoding", "open", "queries", "page", "page_again",
             "profile")
    tables: dict[str, dict[int, dict]] = {name: {} for name in names}
    try:
        for size, data_dir in sized_stores(root, args.sizes, keep=bool(args.keep)):
            if not (data_dir / ".storylens").exists():
                _run("fill", size, data_dir)
                _run("store_dates", size, data_dir)
            if not (data_dir / ".storylens" / "search-index").exists():
                tables["base"][size] = _run("base", size, data_dir)
            _run("views", size, data_dir)
            for stage in names[1:]:
                tables[stage][size] = _run("page" if stage == "page_again" else stage, size, data_dir)
    finally:
        titles = {
            "base": "base index seeded as a full build keeps it (records, rows, BM25, random vectors, written)",
            "add": "one article ingested, its date added (stand-in), its vectors cached by the model",
            "update": "fresh process: update_search_index with the added article's vectors cached",
            "add_uncached": "a second article ingested, its vectors not cached",
            "update_encoding": "fresh process: model loaded, then update_search_index encoding the article's sentences",
            "open": "fresh process: the stored index opened (base + 2 segments)",
            "queries": "fresh process: search p50/p99 (k=10) with 2 segments: no filter / one outlet / 3 months / English",
            "page": "Search page first render via AppTest (fresh process), base + 2 segments",
            "page_again": "the same again (example questions kept)",
            "profile": "the same under cProfile",
        }
        print_tables(tables, titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
