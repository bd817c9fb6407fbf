"""What Timeline, Compare and the Search overview cost at 10k and 100k articles now that they read
stored views and the catalogue instead of loading every article.

    .venv/bin/python -m bench.views                     # 10k and 100k, SQLite (~20 min)
    .venv/bin/python -m bench.views --sizes 2000        # a quick look

Stores are filled as `bench.catalogue` fills them (600 articles through the real pipeline, the rest
clones spread over 40 outlets and 4 languages), with inferred dates stored as stand-ins for the undated
pages (as `load_corpus` stores them). **The views are synthetic**: building real events and claims at
these sizes takes hours (the timeline build ran at ~40 s per 1,000 articles on real vectors, see
docs/scaling.md), so events and topics are generated with the shapes and sizes the real builds gave on
synthetic articles (at 3k articles: 2.9 events per article, 3.65 sources per event) and stored under
the keys a real build uses, so the pages find them exactly as they would. What is measured is reading
and showing them. Each measurement runs in its own process (peak RSS is that process's):

- `views`: generating and storing the two payloads (their JSON size);
- `read`: in a fresh process, opening the store and reading each view (`stored_events`,
  `stored_claims`), every catalogue row (`catalogue_pages`), and the Search page's overview and
  filter choices from them (what it shows above the box before its index is loaded);
- `timeline` / `compare`: the page's first render through Streamlit's AppTest in a fresh process
  (app import, store open and check, sync, sidebar, page), then a rerun.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.catalogue import stage_fill, stage_store_dates
from bench.scale import REPO_ROOT, _peak_rss_mb, _print_table
from bench.stage_process import run_stage

# Shapes of the real builds on synthetic articles (bench.scale, 3k articles: 31.5k mentions merged
# into 8,620 events); claims: about one comparable sentence per article over a few dozen topics.
EVENTS_PER_ARTICLE = 2.9
SOURCES_PER_EVENT = 3.65
CLAIMS_PER_ARTICLE = 1.0
TOPICS = 40
CANDIDATES_PER_CLAIM = 3
WORDS = ("talks", "troops", "minister", "visit", "treaty", "border", "aid", "vote", "strike", "summit", "price",
         "rescue", "sanctions", "ceasefire", "delegation", "exports", "election", "shipment", "report", "inquiry")


def _settings(data_dir: Path):
    from lib.core.settings import load_settings

    return load_settings(data_dir)


def _sentence(rng: random.Random, words: int = 24) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def synthetic_events(entries, size: int, rng: random.Random):
    """Events as the timeline build makes them, each source a real catalogue row (id, file, title, outlet, date)."""
    from lib.core.models import Event, PublishedDate, SourceRef

    start = date(2024, 1, 1)
    events = []
    for number in range(int(size * EVENTS_PER_ARTICLE)):
        day = start + timedelta(days=rng.randrange(730))
        loose = rng.random() < 0.1
        first, last = (day.replace(day=1), day.replace(day=28)) if loose else (day, day)
        sources = tuple(
            SourceRef(entry.source_file, entry.article_id, _sentence(rng), rng.randrange(15), entry.outlet, entry.title,
                      entry.published if entry.published.precision != "unknown" else
                      PublishedDate(None, "unknown", False, "no date printed"))
            for entry in rng.sample(entries, max(1, min(12, round(rng.expovariate(1 / SOURCES_PER_EVENT)))))
        )
        events.append(Event(f"e{number:07d}", first.isoformat(), last.isoformat(), "month" if loose else "day",
                            "a date phrase in the sentence", _sentence(rng, 12), sources, is_context=rng.random() < 0.05))
    return sorted(events, key=lambda event: (event.start, event.event_id))


def synthetic_claimset(entries, size: int, rng: random.Random, model_id: str):
    """Topics as the claims build makes them: claims quoting one sentence each, from real catalogue rows."""
    from lib.claims.topics import ClaimSet, Topic
    from lib.core.models import Claim

    per_topic: dict[int, list] = {}
    for _ in range(int(size * CLAIMS_PER_ARTICLE)):
        entry = rng.choice(entries)
        topic = rng.randrange(TOPICS)
        value = float(rng.randrange(1000, 20000, 500)) if rng.random() < 0.6 else None
        per_topic.setdefault(topic, []).append(Claim(
            f"topic-{topic}", entry.source_file, entry.article_id, _sentence(rng), rng.randrange(15),
            rng.choice(("the outlet's own reporting", "officials", "a ministry spokesman")), value, None,
            "troops" if value is not None else None, rng.choice((None, "about", "up to")), entry.published,
            rng.random() < 0.2, entry.outlet, "troops sent" if value is not None else None,
        ))
    topics = []
    for topic, claims in sorted(per_topic.items()):
        claims.sort(key=lambda claim: (claim.reported_on.date or "9999", claim.source_file))
        topics.append(Topic(f"topic-{topic}", f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {topic}", "troops",
                            topic < TOPICS // 4, rng.choice(("agree", "disagree", "evolving", "no figures")),
                            _sentence(rng, 40), tuple(claims), tuple(dict.fromkeys(claim.source_file for claim in claims)),
                            "troops sent", _sentence(rng, 12)))
    candidates = tuple((rng.choice(entries).article_id, rng.randrange(15))
                       for _ in range(int(size * CLAIMS_PER_ARTICLE * CANDIDATES_PER_CLAIM)))
    return ClaimSet(tuple(topics), candidates, model_id)


def stage_views(size: int, data_dir: Path) -> dict:
    """Synthetic events and topics stored under the keys a real build of this store would use."""
    from lib.claims.grouping import CLAIMSET_VIEW, _fingerprint
    from lib.claims.topics import seeds_file
    from lib.core.models import record_to_json
    from lib.core.store import catalogue_pages, store_contents_key
    from lib.events.build import event_to_json, events_cache_key
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    model_id = embedder_for(settings).model_id
    entries = [entry for page in catalogue_pages(store, page_size=5000) for entry in page]
    rng = random.Random(5)
    contents = store_contents_key(store)
    events = [event_to_json(event) for event in synthetic_events(entries, size, rng)]
    claimset = record_to_json(synthetic_claimset(entries, size, rng, model_id))
    started = time.perf_counter()
    store.put_cache("events", events_cache_key(contents, model_id), events)
    store.put_cache(f"{CLAIMSET_VIEW}:{model_id}", _fingerprint(contents, model_id, seeds_file(settings)), claimset)
    return {
        "events": len(events),
        "event_sources": sum(len(event["sources"]) for event in events),
        "events_json_mb": len(json.dumps(events, ensure_ascii=False)) / 1048576,
        "topics": len(claimset["topics"]),
        "claims": sum(len(topic["claims"]) for topic in claimset["topics"]),
        "claims_json_mb": len(json.dumps(claimset, ensure_ascii=False)) / 1048576,
        "store_views_s": time.perf_counter() - started,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _views_current(data_dir: Path) -> None:
    """Stop unless both views are stored under the keys the pages compute now: the claims key includes
    the code of lib/claims and lib/text, so an edit there between stages would make a page build them."""
    import sqlite3

    from lib.claims.grouping import CLAIMSET_VIEW, _fingerprint
    from lib.claims.topics import seeds_file
    from lib.core.store import store_contents_key
    from lib.events.build import events_cache_key
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    model_id = embedder_for(settings).model_id
    contents = store_contents_key(store)
    wanted = {"events": events_cache_key(contents, model_id),
              f"{CLAIMSET_VIEW}:{model_id}": _fingerprint(contents, model_id, seeds_file(settings))}
    with sqlite3.connect(store.store_dir / "store.sqlite") as connection:
        stored = dict(connection.execute("SELECT name, fingerprint FROM cache").fetchall())
    stale = [name for name, key in wanted.items() if stored.get(name) != key]
    if stale:
        raise RuntimeError(f"stored views not current ({', '.join(stale)}): the code changed since the views stage")


def stage_read(size: int, data_dir: Path) -> dict:
    """Each stored view and what the Search page shows above its box, read in a fresh process."""
    from lib.claims.grouping import stored_claims
    from lib.core.store import catalogue_pages
    from lib.events.build import stored_events
    from lib.ingest.corpus import open_store
    from lib.present.overview import story_at_a_glance
    from lib.text.embed import embedder_for

    _views_current(data_dir)
    import lib.core.store as store_module

    store_module._CHECKED.clear()  # time the open (and its integrity check) as a new process does it
    settings = _settings(data_dir)
    result: dict = {}
    tick = time.perf_counter()
    store = open_store(settings)
    result["open_s"] = time.perf_counter() - tick
    model_id = embedder_for(settings).model_id
    tick = time.perf_counter()
    events = stored_events(store, model_id)
    result["stored_events_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    claimset = stored_claims(store, settings, model_id)
    result["stored_claims_s"] = time.perf_counter() - tick
    assert events and claimset and claimset.topics, "the views are stored under the keys the pages read"
    tick = time.perf_counter()
    entries = [entry for page in catalogue_pages(store, page_size=5000) for entry in page]
    result["catalogue_rows_s"] = time.perf_counter() - tick
    from lib.ui.search import SearchFacets  # the page's own facets (imports streamlit, renders nothing)

    tick = time.perf_counter()
    story_at_a_glance(entries)
    SearchFacets(entries)
    result["search_overview_s"] = time.perf_counter() - tick
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def stage_page(size: int, data_dir: Path, page: str) -> dict:
    """A page's first render through AppTest in a fresh process (the store is opened and checked there)."""
    os.environ["STORYLENS_DATA"] = str(data_dir)
    from streamlit.testing.v1 import AppTest

    import lib.core.store as store_module

    _views_current(data_dir)  # else the page would build them from the corpus, which is not what is measured
    store_module._CHECKED.clear()  # the page's process opens (and checks) the store itself
    started = time.perf_counter()
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=1200)
    at.switch_page(f"pages/{page}.py")
    at.run()
    first = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    tick = time.perf_counter()
    at.run()
    result = {"first_render_s": first, "rerun_s": time.perf_counter() - tick}
    if page == "timeline":
        result["rows_shown"] = len(at.dataframe[0].value)
    else:
        result["topics_shown"] = len(at.subheader)
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


STAGES = {
    "fill": lambda size, data_dir: stage_fill(size, data_dir, "sqlite"),
    "store_dates": lambda size, data_dir: stage_store_dates(size, data_dir, "sqlite"),
    "views": stage_views,
    "read": stage_read,
    "timeline": lambda size, data_dir: stage_page(size, data_dir, "timeline"),
    "compare": lambda size, data_dir: stage_page(size, data_dir, "compare"),
}


def _run(stage: str, size: int, data_dir: Path, timeout: int = 7200) -> dict:
    return run_stage("bench.views", stage, size, data_dir, timeout=timeout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--keep", metavar="DIR", help="fill stores in DIR and keep them (reused when present)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(STAGES[args.stage](args.size, Path(args.dir))))
        return 0
    print(f"StoryLens stored-views bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, SQLite); "
          "events and topics are SYNTHETIC payloads of the real builds' shapes, stored under the real keys")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storylens-views-"))
    names = ("fill", "views", "read", "timeline", "compare")
    tables: dict[str, dict[int, dict]] = {name: {} for name in names}
    try:
        for size in args.sizes:
            data_dir = root / f"store-{size}"
            if not (data_dir / ".storylens").exists():
                tables["fill"][size] = _run("fill", size, data_dir)
                tables["fill"][size].update(_run("store_dates", size, data_dir))
            for stage in names[2:]:  # views stored again right before each: code edits elsewhere change the claims key
                tables["views"][size] = _run("views", size, data_dir)
                tables[stage][size] = _run(stage, size, data_dir)
            if not args.keep:
                shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        titles = {
            "fill": "bulk fill (as bench.catalogue) and inferred dates stored as stand-ins",
            "views": "synthetic events and topics stored under the real keys",
            "read": "fresh process: open the store, read each stored view, every catalogue row, the Search overview",
            "timeline": "Timeline page first render via AppTest (fresh process), then a rerun",
            "compare": "Compare page first render via AppTest (fresh process), then a rerun",
        }
        for name, results in tables.items():
            if results:
                _print_table(titles[name], results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
