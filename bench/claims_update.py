"""What adding one article costs Compare's stored topics at 10k and 100k articles, now that the view is
extended by that article alone (`lib.claims.incremental.update_claims_view`) instead of rebuilt.

    .venv/bin/python -m bench.claims_update                    # 10k and 100k, SQLite (~15 min)
    .venv/bin/python -m bench.claims_update --sizes 2000       # a quick look

Stores are filled as `bench.catalogue` fills them (600 articles through the real pipeline, the rest
clones with a unique closing sentence, spread over 40 outlets and 4 languages), with inferred dates
stored as stand-ins for the undated pages. **The view is a real build scaled up**: the claims of the
first BUILT (120) articles are built for real (`_assign`, the rows, the extension state), then every
claim of article b is repeated for each clone whose number is b modulo BUILT (the clones of b itself
have b's sentences; the others stand in for the other bases, which a build of all 600 would give
claims of their own), and the state's counts and vector sums are scaled the same way; it is stored
under the key a real build of the whole store uses. Each stage runs in
its own process:

- `fill`: the store (bench.catalogue's fill and stand-in dates);
- `views`: the real build over the first BUILT articles, scaled to the store and stored (`put_view`);
- `update`: three times in a row, one new clone put into the store (its dates brought current as
  `add_inferred_dates` does), then `update_claims_view` timed: reading the state and the touched
  topics, assigning the article's sentences, rebuilding the touched rows, and the write that copies
  the other rows inside the database. The embedding model is loaded before the clock starts.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from bench.catalogue import stage_fill, stage_store_dates
from bench.scale import _clone, _peak_rss_mb
from bench.stage_process import (
    answered_stage,
    print_tables,
    run_stage,
    sized_stores,
    staged_bench_arguments,
)

BASES = 600  # articles through the real pipeline in the fill (bench.catalogue)
# Articles whose claims are built for real (a build of all 600 bases takes ~15 min on a loaded 2-core
# machine): the claims of built base b stand for every clone whose number is b modulo BUILT.
BUILT = 120
CLAIMS_PER_ARTICLE = 1.0  # bench.views' shape (the 120 built articles give ~19 each: see the notes)


def _settings(data_dir: Path):
    from lib.core.settings import load_settings

    return replace(load_settings(data_dir), store_backend="sqlite", database_url=None)


def stage_fill_store(size: int, data_dir: Path) -> dict:
    filled = stage_fill(size, data_dir, "sqlite", bases=BASES)
    return {**filled, **stage_store_dates(size, data_dir, "sqlite")}


def _mark(source_file: str) -> str:
    """A word of consonants only, one per clone ("clone-0000511.txt" -> "bbbkkk"): each copy's quote is
    its own string, as every sentence of a real corpus is, so no cache keyed by the quote serves two
    claims (with one shared quote per base the bench hid the cost of reading each quote's figure)."""
    number, letters = int(source_file.split("-")[1].split(".")[0]), "bcdfghjk"
    return "".join(letters[(number >> (3 * place)) & 7] for place in reversed(range(6)))


def _scaled_state(state: dict, copies: float) -> dict:
    """The state of a build over `copies` times as many articles, each base repeated: counts and sums
    scaled, no topic small enough to list its sentences, no point only one source makes."""
    import numpy as np

    from lib.claims.incremental import _final_plan, _vector_of, _vector_text

    def times(value: int) -> int:
        return max(value, round(value * copies))

    state = json.loads(json.dumps(state))
    state["split_sources"] = {t: {k: times(n) for k, n in kinds.items()} for t, kinds in state["split_sources"].items()}
    state["members"] = {t: times(n) for t, n in state["members"].items()}
    state["small"], state["lone"] = {}, {}
    for row in state["split_rows"]:
        row["figure_sources"] = times(row["figure_sources"])
    for entry in state["groups"].values():
        entry["sources"], entry["size"] = times(entry["sources"]), times(entry["size"])
        entry["units"] = {u: times(n) for u, n in entry["units"].items()}
    for entry in state["auto"]:
        entry["count"] = times(entry["count"])
        entry["units"] = {u: times(n) for u, n in entry["units"].items()}
    for entry in state["subject"].values():
        entry["sum"] = _vector_text(_vector_of(entry["sum"]) * np.float32(copies))
        entry["count"], entry["members"] = times(entry["count"]), []
    for entry in state["place"].values():
        entry["reports"] = times(entry["reports"])
        entry["codes"] = {c: times(n) for c, n in entry["codes"].items()}
    plan = _final_plan(state["split_rows"], state["groups"])
    if [row["id"] for row in plan] != [row["id"] for row in state["plan"]]:
        raise RuntimeError("scaling the state changed the planned rows")
    state["plan"] = plan
    return state


def _bases_build(store, settings, embedder, entries, cache: Path) -> tuple[dict, dict]:
    """(the view's rows payload as `claims_view_rows` gives it, the extension state) of a real build over
    the first BUILT clones; kept in `cache` (the first clones are the same in every store this
    bench fills: same bases, same seeded outlets and languages), so each size builds it once at most."""
    from lib.claims.grouping import (
        _assign,
        _claimset_parts,
        claims_view_rows,
        load_topic_seeds,
    )
    from lib.claims.incremental import extension_state
    from lib.claims.topics import seeds_file
    from lib.core.store import store_contents_key
    from lib.ingest.corpus import Corpus

    if cache.is_file():
        saved = json.loads(cache.read_text(encoding="utf-8"))
        return saved["claimset"], saved["state"]
    dated = {entry.article_id: entry.published for entry in entries}
    bases = [replace(article, published=dated[article.article_id])
             for article in (store.article(entry.article_id) for entry in entries[:BUILT])]
    base = Corpus(settings, store, bases, "bench-bases")
    threshold, seeds = load_topic_seeds(seeds_file(settings))
    payload = _assign(base, embedder, threshold, seeds)
    parts = _claimset_parts(base, payload, seeds, embedder.model_id)
    state = extension_state(store, parts, payload, (store.write_sequence(), store.inferred_dates_base(), store.count()),
                            store_contents_key(store), embedder.model_id, seeds_file(settings))
    if state is None:
        raise RuntimeError("no extension state for the bases' build")
    view_payload, rows = claims_view_rows(parts.claimset)
    saved = {"claimset": {"payload": view_payload, "rows": rows}, "state": state}
    cache.write_text(json.dumps(saved), encoding="utf-8")
    return saved["claimset"], state


def stage_views(size: int, data_dir: Path) -> dict:
    """The claims of the first BUILT articles built for real, repeated for the clones they stand for, stored as a whole build would."""
    from lib.claims.grouping import (
        CANDIDATES_SEQ,
        CLAIMSET_VIEW,
        EXTENSION_KEY,
        _fingerprint,
        claims_view_rows,
    )
    from lib.claims.status import ordered_sources, report_span
    from lib.claims.topics import ClaimSet, Topic, seeds_file
    from lib.core.models import Claim, record_from_json
    from lib.core.store import catalogue_pages, store_contents_key
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    embedder = embedder_for(settings)
    entries = sorted((entry for page in catalogue_pages(store, page_size=5000) for entry in page),
                     key=lambda entry: int(entry.source_file.split("-")[1].split(".")[0]))
    started = time.perf_counter()
    built, state = _bases_build(store, settings, embedder, entries, data_dir.parent / "bases-build.json")
    build_s = time.perf_counter() - started
    contents = store_contents_key(store)
    claims_of: dict[int, list] = {}
    for seq, _number, _article_id, _date, payload in built["rows"]["view_claims"]:
        if seq != CANDIDATES_SEQ:
            claims_of.setdefault(seq, []).append(record_from_json(Claim, json.loads(payload)))
    # As many copies of each built claim as give CLAIMS_PER_ARTICLE claims per article (bench.views'
    # shape); each copy quotes a clone of the claim's article (or of one it stands for).
    copies = max(1, round(size * CLAIMS_PER_ARTICLE / sum(map(len, claims_of.values()))))
    state = _scaled_state(state, copies)
    state.update(base_sequence=store.write_sequence(), dates_base=store.inferred_dates_base(), articles=store.count(),
                 contents=contents)
    clones: dict[int, list] = {}
    for index, entry in enumerate(entries):
        clones.setdefault(index % BUILT, []).append(entry)
    position = {entry.article_id: index for index, entry in enumerate(entries[:BUILT])}
    topics = []
    for seq, *_columns, payload in built["rows"]["view_topics"]:
        topic = record_from_json(Topic, json.loads(payload))
        claims = []
        for claim in claims_of.get(seq, []):
            for entry in clones[position[claim.article_id]][:copies]:
                own = claim.attributed_to == claim.outlet
                claims.append(replace(claim, source_file=entry.source_file, article_id=entry.article_id, outlet=entry.outlet,
                                      reported_on=entry.published, attributed_to=entry.outlet if own else claim.attributed_to,
                                      quote=f"{claim.quote} ({_mark(entry.source_file)})"))
        # The built row's status and verdict are kept: judging rows of thousands of claims again here
        # would be the whole build's cost, not the update's (which rebuilds the rows it touches).
        claims.sort(key=lambda claim: ((report_span(claim.reported_on) or (date.max, date.max))[0], claim.source_file,
                                       claim.sentence_index))
        topics.append(replace(topic, claims=tuple(claims), sources=ordered_sources(claims)))
    candidates = tuple((entry.article_id, json.loads(index)) for seq, _number, article_id, _date, index in built["rows"]["view_claims"]
                       if seq == CANDIDATES_SEQ for entry in clones[position[article_id]][:copies])
    state["candidates"] = len(candidates)
    scaled = ClaimSet(tuple(topics), candidates, embedder.model_id)
    view_payload, rows = claims_view_rows(scaled)
    view_payload[EXTENSION_KEY] = state
    started = time.perf_counter()
    store.put_view(f"{CLAIMSET_VIEW}:{embedder.model_id}", _fingerprint(contents, embedder.model_id, seeds_file(settings)),
                   view_payload, rows)
    return {"bases_build_s": build_s, "topics": len(topics), "claims": len(scaled.claims), "candidates": len(candidates),
            "state_kb": len(json.dumps(state)) / 1024, "store_view_s": time.perf_counter() - started, "peak_rss_mb": _peak_rss_mb()}


def _view_current(store, settings, model_id: str) -> None:
    """The stored view moved to the key the code computes now (the claims key hashes the code of lib/claims
    and lib/text, which other work changes between stages), its state saying so too."""
    from lib.claims.grouping import CLAIMSET_VIEW, EXTENSION_KEY, _fingerprint
    from lib.claims.incremental import _recipe
    from lib.claims.topics import seeds_file
    from lib.core.store import encode_payload, view_row_key

    name = f"{CLAIMSET_VIEW}:{model_id}"
    old = store.view_key(name)
    payload = store.view_payload(name, old) if old else None
    if payload is None:
        raise RuntimeError("no claims view stored: run the views stage first")
    key = _fingerprint(payload[EXTENSION_KEY]["contents"], model_id, seeds_file(settings))
    if old == key:
        return
    payload[EXTENSION_KEY]["recipe"] = _recipe(model_id, seeds_file(settings))
    rows_key = store.view_rows_key(name, old)  # where an in-place extension left them (view_rows_at)
    with sqlite3.connect(store.store_dir / "store.sqlite") as connection:
        for table in ("view_topics", "view_claims"):
            connection.execute(f"UPDATE {table} SET view_key = ? WHERE view_key = ?", (view_row_key(key), rows_key))
        connection.execute("DELETE FROM view_rows_at WHERE name = ?", (name,))
        connection.execute("UPDATE view_sets SET view_key = ?, payload = ?, sha256 = ? WHERE name = ?",
                           (key, *encode_payload(payload), name))


def first_clones(store) -> dict[str, str]:
    """Article id of each of the first BUILT clones (those whose claims were built for real), by file name."""
    from lib.core.store import catalogue_pages

    return {entry.source_file: entry.article_id for page in catalogue_pages(store, page_size=5000) for entry in page
            if entry.source_file.startswith("clone-") and int(entry.source_file.split("-")[1].split(".")[0]) < BUILT}


def put_clone(store, clones: dict[str, str], rng) -> str:
    """A new clone of one of the first BUILT clones (`first_clones`) put into the store; its article id."""
    from lib.ingest.pipeline import pipeline_fingerprint

    article = _clone(store.article(clones[f"clone-{rng.randrange(BUILT):07d}.txt"]), 10_000_000 + store.count())
    store.put_article(article, "bundled", f"articles/{article.source_file}", pipeline_fingerprint(),
                      [f"{band}:{rng.getrandbits(64):016x}" for band in range(16)])
    return article.article_id


def stage_update(size: int, data_dir: Path, rounds: int = 3) -> dict:
    """One new clone put, its dates brought current, then the view extended by it (timed), `rounds` times."""
    import random

    import lib.core.store as store_module
    from lib.claims.grouping import stored_claims_view
    from lib.claims.incremental import update_claims_view
    from lib.claims.topics import seeds_file
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store_module._CHECKED.clear()
    store = open_store(settings)
    embedder = embedder_for(settings)
    _view_current(store, settings, embedder.model_id)
    embedder.encode(["warm up"])
    embedder.calibrated(0.5)
    rng = random.Random(size)
    clones = first_clones(store)
    times = []
    for round_number in range(rounds):
        put_clone(store, clones, rng)
        store.add_inferred_dates(store.fingerprint(), {})  # as update_inferred_dates leaves them (no date to infer here)
        started = time.perf_counter()
        done = update_claims_view(store, embedder, settings)
        times.append(time.perf_counter() - started)
        if not done:
            raise RuntimeError(f"update_claims_view refused round {round_number}")
        if stored_claims_view(store, settings, embedder.model_id, seeds_file(settings)) is None:
            raise RuntimeError("the extended view is not the current one")
    return {"update_s_first": times[0], "update_s_median": sorted(times)[len(times) // 2], "update_s_max": max(times),
            "peak_rss_mb": _peak_rss_mb()}


STAGES = {"fill": stage_fill_store, "views": stage_views, "update": stage_update}
TITLES = {"fill": "store filled (bench.catalogue) with stand-in inferred dates",
          "views": "claims view: real build of the 600 bases, scaled to the store and stored",
          "update": "one article added: update_claims_view (3 rounds)"}


def main(argv=None) -> int:
    parser = staged_bench_arguments(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    if answered_stage(args, STAGES):
        return 0
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storylens-claims-update-"))
    tables: dict[str, dict[int, dict]] = {name: {} for name in STAGES}
    print(f"load average at start: {os.getloadavg()}")
    for size, data_dir in sized_stores(root, args.sizes, keep=bool(args.keep)):
        if not (data_dir / ".storylens").exists():
            tables["fill"][size] = run_stage("bench.claims_update", "fill", size, data_dir)
        tables["views"][size] = run_stage("bench.claims_update", "views", size, data_dir)
        tables["update"][size] = run_stage("bench.claims_update", "update", size, data_dir)
    print_tables(tables, TITLES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
