"""What adding ONE article costs end to end at 100k articles, every stored view extended by it on ONE store.

The views (inferred dates, Timeline events, Compare's topics, the search index) are extended as the
Articles page does when a person pastes a page (`lib.ui.ingest.prepare_for_search`, without Streamlit).

    .venv/bin/python -m bench.add_article --sizes 2000                          # a quick look
    .venv/bin/python -m bench.add_article --sizes 100000 --keep DIR             # ~15 min at load 2, ~6 GB of disk
    .venv/bin/python -m bench.add_article --stage add --size N --dir DIR/store-N  # one stage again

The store is filled as `bench.claims_update` fills it (`bench.catalogue`: 600 articles through the real
pipeline, the rest clones over 40 outlets and 4 languages, stand-in inferred dates). Then, on that same
store, every base an addition extends is seeded by the functions the per-view benches seed theirs with
(imported, not copied), each in its own process:

- `views_dates`: the whole inference's kept evidence (`bench.dates_update.stage_whole`);
- `views_events`: the synthetic events view with its mention rows and story state (`bench.events_update.stage_seed`);
- `views_claims`: the claims of the first 120 articles built for real, scaled to the store
  (`bench.claims_update.stage_views`; its bases build is kept beside the store folders, `bases-build.json`,
  and built again when the claim code changed since);
- `views_search`: the base search index with RANDOM unit vectors (`bench.search_update.stage_base`).

The dates go first: every view is keyed by the store's contents including its inferred dates. Then, in a
fresh process each, an addition repeated ROUNDS times (the model loaded and warmed first, not timed: a
running app has it), each part timed as the page runs it:

- `ingest`: the page through the real pipeline (`ingest_bytes`, as a paste with no details given: decode,
  extraction, language, dates, near-duplicate check, stored) and the language model kept for the next paste as the page
  does; `add` pastes a new page of the synthetic generator the store's bases come from (it prints a date,
  which the pipeline mostly sets aside: the generator's bodies report later days), `add_undated` the same
  without its date line's date (so the dates step infers one), `add_clone` puts a clone of one
  of the articles whose claims were built for real instead (what `bench.claims_update` adds; `ingest` is
  then only the `put_article`);
- `embed`: `article_vectors` of the added article (encoded by the real model, cached);
- `dates`: `dates_current` (the inferred dates extended by the added article), timed on its own;
- `views`: `lib.present.extend.extend_views`, as the Articles page calls it: the views of
  `lib.present.extend.VIEWS` extended in turn; `events`, `claims`, `search` are each view's own time.

`add_series` pastes SERIES undated pages in a row in one process: how often each view refuses (a view
that refused is seeded again before the next round, untimed, standing for the whole build the app would
run; medians are over the rounds where every view was extended).

Before the first round, what the Articles page reads ahead when it opens (`warm_for_additions`: the
model run on a few sentences, the language identifier, Compare's stored rows) is done and timed apart
(`read_ahead_s`): the first round is then a first paste on an open page.

Every view's `extend_stored` must return True: a False means the page that next shows that view builds it whole.
Refusals (and what lib/ logged, INFO and up: Compare says why at INFO) are printed as figures, and the
bench exits 1. After each round (untimed) every view is checked to be the current one (`_current`: the
events and claims keys, the search index opened); peak RSS includes that check.
"""

from __future__ import annotations

import logging
import os
import random
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from bench.claims_update import _settings, first_clones, put_clone, stage_fill_store
from bench.claims_update import stage_views as claims_stage_views
from bench.dates_update import stage_whole
from bench.events_update import stage_seed
from bench.scale import _peak_rss_mb
from bench.search_update import stage_base
from bench.stage_process import answered_stage, print_tables, run_stage, sized_stores, staged_bench_arguments

ROUNDS = 3
SERIES = 15  # additions in a row in one process (add_series): how often a view refuses
PARTS = ("ingest", "embed", "dates", "events", "claims", "search", "views")


class _Kept(logging.Handler):
    """What lib/ logs while extending, INFO and up (why a view was not extended: Compare says it at
    INFO), kept to be printed."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def _pasted_page(index: int, undated: bool) -> bytes:
    """A new page of the synthetic generator (not a near-duplicate of any stored one); `undated`: its
    date line keeps the outlet only, so no publication date is printed."""
    from tests.support.synthetic import synthetic_article

    text = synthetic_article(index)
    if not undated:
        return text
    lines = text.decode("utf-8").split("\n")
    lines[1] = lines[1].split(" | ")[0]  # "Outlet line | Month d, yyyy" -> "Outlet line"
    return "\n".join(lines).encode("utf-8")


def _add_page(store, settings, index: int, undated: bool) -> str:
    """The page pasted as the Articles page adds it; its article id."""
    from lib.ingest.pipeline import ingest_bytes
    from lib.text.language import KEPT_BETWEEN_PASTES_S, release_language_model

    given = {"outlet": "", "title": "", "published": None}  # a paste with no detail typed in
    report = ingest_bytes(store, settings, f"added-{index}.txt", _pasted_page(index, undated), given=given)
    release_language_model(after_s=KEPT_BETWEEN_PASTES_S)  # as the page does
    if report.status != "added":
        raise RuntimeError(f"the pasted page was not added: {report.status}: {report.message}")
    return report.article_id


def _current(store, settings, model_id: str) -> dict[str, bool]:
    """Whether each stored view is now the one for the store's current contents (read after the clock)."""
    from bench.search_open import _open_stored
    from lib.claims.grouping import stored_claims_view
    from lib.claims.topics import seeds_file
    from lib.events.build import stored_events_view

    return {"events": stored_events_view(store, model_id) is not None,
            "claims": stored_claims_view(store, settings, model_id, seeds_file(settings)) is not None,
            "search": _open_stored(settings) is not None}


def _segments(settings, model_id: str) -> int:
    """How many added segments the stored search index holds beside its base (past MAX_SEGMENTS, the next
    addition merges them into one)."""
    from lib.search.stored_index import _latest_extension, index_root

    extension = _latest_extension(index_root(settings), model_id)
    return -1 if extension is None else len(extension.segments)


def stage_add(size: int, data_dir: Path, kind: str = "page", rounds: int = ROUNDS, reseed: bool = False) -> dict:
    """`rounds` additions in one process (the model loaded and warm first), each part timed; the figures
    of the first round, the median and the slowest of the rounds where every view was extended, which
    views refused (and why, as logged), peak RSS and the load average. `reseed`: a view that refused is
    seeded again (its `views_*` stage, in its own process, not timed: the stand-in for the whole build
    the app would then run), so the next rounds measure extensions again."""
    from bench.claims_update import _view_current
    from lib.ingest.corpus import open_store
    from lib.present.extend import VIEWS, dates_current, extend_views, warm_for_additions
    from lib.text.embed import article_vectors, embedder_for

    kept = _Kept()
    logging.getLogger("lib").addHandler(kept)
    logging.getLogger("lib").setLevel(logging.INFO)
    load_start = os.getloadavg()[0]
    settings = _settings(data_dir)
    tick = time.perf_counter()
    store = open_store(settings)
    result: dict = {"open_s": time.perf_counter() - tick}
    tick = time.perf_counter()
    embedder = embedder_for(settings)
    embedder.encode(["A warm-up sentence."])
    embedder.calibrated(0.5)  # the thresholds a running app has calibrated already (as bench.claims_update)
    result["model_load_s"] = time.perf_counter() - tick
    # What the Articles page reads ahead when it opens, before anything is pasted (not timed as an addition);
    # the stored claims view moved to the current code's key first, as before each round.
    _view_current(store, settings, embedder.model_id)
    tick = time.perf_counter()
    read_ahead = warm_for_additions(store, embedder, settings)
    result["read_ahead_s"] = time.perf_counter() - tick
    result["read_ahead_compare_s"] = read_ahead["compare"]
    rng = random.Random(size * 7 + len(kind))
    clones = first_clones(store) if kind == "clone" else {}
    times: dict[str, list[float]] = {part: [] for part in (*PARTS, "total", "total_cpu")}
    refused: list[str] = []
    clean: list[int] = []
    reseeded: list[str] = []
    added_dates: list[str] = []
    for round_number in range(rounds):
        # The claims key hashes the code of lib/claims and lib/text, which other work edits between stages
        # and even between rounds (a file saved mid-run made round 3 refuse once): the stored view is moved
        # to the current key before each round, not timed (a running app's code does not change under it).
        _view_current(store, settings, embedder.model_id)
        index = 900_000 + store.count()  # a page no earlier run added (kept stores are reused)
        started, cpu = time.perf_counter(), time.process_time()
        if kind == "clone":
            article_id = put_clone(store, clones, rng)
        else:
            article_id = _add_page(store, settings, index, undated=kind == "undated")
        times["ingest"].append(time.perf_counter() - started)
        tick = time.perf_counter()
        article_vectors(store, [store.article(article_id)], embedder)
        times["embed"].append(time.perf_counter() - tick)
        tick = time.perf_counter()
        refusing = [] if dates_current(store) else ["dates"]
        times["dates"].append(time.perf_counter() - tick)
        # The views as the Articles page extends them (`extend_views`).
        seconds: dict[str, float] = {}
        tick = time.perf_counter()
        current = extend_views(store, embedder, settings, seconds=seconds)
        times["views"].append(time.perf_counter() - tick)
        for view in VIEWS:
            if not current[view]:
                refusing.append(view)
            times[view].append(seconds.get(view, float("nan")))
        times["total"].append(time.perf_counter() - started)
        times["total_cpu"].append(time.process_time() - cpu)  # this process's CPU: what the load does not inflate
        (entry,) = store.catalogue_entries([article_id])
        added_dates.append(entry.published.precision)
        stale = [view for view, current in _current(store, settings, embedder.model_id).items() if not current]
        refused.extend(f"{view} r{round_number + 1}" for view in refusing)
        if stale:
            refused.append(f"not current r{round_number + 1}: {'+'.join(stale)}")
        if not refusing and not stale:
            clean.append(round_number)
        if reseed:
            # New dates (a whole inference) are a new base for every view: each is then seeded again.
            again = ["dates", *VIEWS] if "dates" in refusing else [*refusing, *stale]
            for view in dict.fromkeys(again):
                run_stage("bench.add_article", f"views_{view}", size, data_dir)
                reseeded.append(f"{view} after r{round_number + 1}")
    for part, values in times.items():
        kept_values = sorted(values[index] for index in clean) or [float("nan")]
        result[f"{part}_s_first"] = values[0]
        result[f"{part}_s_median"] = kept_values[len(kept_values) // 2]
        result[f"{part}_s_max"] = kept_values[-1]
    result.update(
        rounds=rounds, clean_rounds=len(clean), refused="; ".join(refused) or "none", reseeded="; ".join(reseeded) or "none",
        logged=" | ".join(kept.messages) or "none",
        added_date=",".join(added_dates), articles=store.count(), search_segments=_segments(settings, embedder.model_id),
        peak_rss_mb=_peak_rss_mb(),
        load_at_start=load_start, load_at_end=os.getloadavg()[0],
    )
    return result


def stage_seed_claims(size: int, data_dir: Path) -> dict:
    """`bench.claims_update.stage_views`, its kept bases build (`bases-build.json`) removed first when other
    claim code made it: the view would be stored under the current key with that code's recipe in its
    state, which `update_claims_view` rightly refuses to extend (and `_view_current`, seeing the key
    current, would not correct)."""
    import json

    from lib.claims.incremental import STATE_VERSION, _recipe
    from lib.claims.topics import seeds_file
    from lib.text.embed import embedder_for

    cache = data_dir.parent / "bases-build.json"
    settings = _settings(data_dir)
    if cache.is_file():
        state = json.loads(cache.read_text(encoding="utf-8"))["state"]
        if (state.get("version"), state.get("recipe")) != (STATE_VERSION, _recipe(embedder_for(settings).model_id,
                                                                                  seeds_file(settings))):
            cache.unlink()
    return claims_stage_views(size, data_dir)


STAGES = {
    "fill": stage_fill_store,
    "views_dates": stage_whole,
    "views_events": stage_seed,
    "views_claims": stage_seed_claims,
    "views_search": stage_base,
    "add": stage_add,
    "add_undated": partial(stage_add, kind="undated"),
    "add_clone": partial(stage_add, kind="clone"),
    "add_series": partial(stage_add, kind="undated", rounds=SERIES, reseed=True),
}
TITLES = {
    "fill": "store filled (bench.catalogue via bench.claims_update) with stand-in inferred dates",
    "views_dates": "inferred dates' base: the whole inference's evidence kept (bench.dates_update.stage_whole)",
    "views_events": "events view and its base, synthetic (bench.events_update.stage_seed)",
    "views_claims": "claims view: real build of 120 bases scaled to the store (bench.claims_update.stage_views)",
    "views_search": "search index base, random vectors (bench.search_update.stage_base)",
    "add": f"a new page pasted (real pipeline, dated), every view extended, {ROUNDS} rounds in one process",
    "add_undated": f"a new page pasted without its date (the dates step infers one), {ROUNDS} rounds",
    "add_clone": f"a clone of a built base put (bench.claims_update's addition), {ROUNDS} rounds",
    "add_series": f"{SERIES} pages pasted without their date in one process; a view that refuses is seeded again",
}


def main(argv=None) -> int:
    args = staged_bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    if answered_stage(args, STAGES):
        return 0
    print(f"StoryLens one-article addition bench ({os.cpu_count()} CPUs, load average {os.getloadavg()}, SQLite); "
          "events view synthetic, claims view scaled from a real build, search base vectors RANDOM")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storylens-add-article-"))
    tables: dict[str, dict[int, dict]] = {name: {} for name in STAGES}
    failed = False
    try:
        for size, data_dir in sized_stores(root, args.sizes, keep=bool(args.keep)):
            for stage in STAGES:
                done = root / f"store-{size}.{stage}.done"  # a kept store's seeded stages are not seeded again
                if stage == "fill" and (data_dir / ".storylens").exists() or stage.startswith("views") and done.exists():
                    continue
                tables[stage][size] = result = run_stage("bench.add_article", stage, size, data_dir)
                if "error" in result or result.get("refused", "none") != "none":
                    failed = True
                    if not stage.startswith("add"):
                        break  # a view not seeded: the additions would measure nothing
                elif stage.startswith("views"):
                    done.write_text("seeded\n", encoding="utf-8")
    finally:
        print_tables(tables, TITLES)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
