"""What Timeline and Compare cost at 10k and 100k articles now that they read stored views as rows
(only what they show) and the catalogue instead of loading every article.

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

- `views`: generating the two views and storing them as rows (`put_view`: one transaction each);
- `read`: in a fresh process, opening the store and what the pages read of each view: the events'
  counts, the chart's 60 events and list pages (all events, then one outlet over half a year), the
  topic list and one topic's claims;
- `timeline` / `compare`: the page's first render through Streamlit's AppTest in a fresh process
  (app import, store open and check, sync, sidebar, page), then a rerun.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.catalogue import stage_fill, stage_store_dates
from bench.scale import REPO_ROOT, _peak_rss_mb
from bench.stage_process import answered_stage, print_tables, run_stage, sized_stores, staged_bench_arguments

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
    """Synthetic events and topics stored as rows under the keys a real build of this store would use."""
    from lib.claims.grouping import CLAIMSET_VIEW, _fingerprint, claims_view_rows
    from lib.claims.topics import seeds_file
    from lib.core.store import catalogue_pages, store_contents_key
    from lib.events.build import EVENTS_VIEW, event_view_rows, events_cache_key
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    model_id = embedder_for(settings).model_id
    entries = [entry for page in catalogue_pages(store, page_size=5000) for entry in page]
    languages = {entry.article_id: entry.language for entry in entries}
    rng = random.Random(5)
    contents = store_contents_key(store)
    events = synthetic_events(entries, size, rng)
    claimset = synthetic_claimset(entries, size, rng, model_id)
    started = time.perf_counter()
    event_rows = event_view_rows(events, languages)
    claims_payload, claim_rows = claims_view_rows(claimset)
    rows_s = time.perf_counter() - started
    started = time.perf_counter()
    store.put_view(EVENTS_VIEW, events_cache_key(contents, model_id), None, event_rows)
    events_s = time.perf_counter() - started
    started = time.perf_counter()
    store.put_view(f"{CLAIMSET_VIEW}:{model_id}", _fingerprint(contents, model_id, seeds_file(settings)), claims_payload, claim_rows)
    return {
        "events": len(events),
        "event_sources": sum(len(event.sources) for event in events),
        "event_payloads_mb": sum(len(row[1]) for row in event_rows["view_event_payloads"]) / 1048576,
        "topics": len(claimset.topics),
        "claims": len(claimset.claims),
        "claim_payloads_mb": sum(len(row[-1]) for row in claim_rows["view_claims"]) / 1048576,
        "make_rows_s": rows_s,
        "store_events_s": events_s,
        "store_claims_s": time.perf_counter() - started,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _views_current(data_dir: Path) -> None:
    """Stop unless both views are stored under the keys the pages compute now: the claims key includes
    the code of lib/claims and lib/text, so an edit there between stages would make a page build them."""
    from lib.claims.grouping import CLAIMSET_VIEW, _fingerprint
    from lib.claims.topics import seeds_file
    from lib.core.store import store_contents_key
    from lib.events.build import EVENTS_VIEW, events_cache_key
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    model_id = embedder_for(settings).model_id
    contents = store_contents_key(store)
    wanted = {EVENTS_VIEW: events_cache_key(contents, model_id),
              f"{CLAIMSET_VIEW}:{model_id}": _fingerprint(contents, model_id, seeds_file(settings))}
    for name, key in wanted.items():  # the synthetic views stay what they are under the code's new keys
        if store.view_key(name) not in (None, key):
            _rekey(store, name, key)
    stale = [name for name, key in wanted.items() if store.view_key(name) != key]
    if stale:
        raise RuntimeError(f"stored views not current ({', '.join(stale)}): the code changed since the views stage")


def _rekey(store, name: str, key: str) -> None:
    """Move the stored (synthetic) view `name` to `key`: the claims key hashes the code of lib/claims and
    lib/text and the events key the events code version, which other work changes between stages;
    storing 100k synthetic views again takes minutes."""
    import sqlite3

    from lib.core.store import view_row_key

    old = store.view_key(name)
    with sqlite3.connect(store.store_dir / "store.sqlite") as connection:
        for table in ("view_events", "view_event_payloads", "view_topics", "view_claims"):
            connection.execute(f"UPDATE {table} SET view_key = ? WHERE view_key = ?", (view_row_key(key), view_row_key(old)))
        connection.execute("UPDATE view_sets SET view_key = ? WHERE name = ?", (key, name))
    # (rows of another view are not touched: their row key is not the old key of this one)


def stage_read(size: int, data_dir: Path) -> dict:
    """What the two pages read of each stored view, in a fresh process: the Timeline's counts, chart
    events and first list page; Compare's topic list and the claims of its first rows."""
    from lib.claims.grouping import stored_claims_view
    from lib.events.build import EventFilter, stored_events_view
    from lib.ingest.corpus import open_store
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
    events = stored_events_view(store, model_id)
    claims = stored_claims_view(store, settings, model_id)
    result["view_keys_s"] = time.perf_counter() - tick
    assert events is not None and claims is not None, "the views are stored under the keys the pages read"
    story = EventFilter(include_context=False)
    tick = time.perf_counter()
    events.totals()
    result["events_matching"] = events.count(story)
    result["event_counts_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    charted = events.charted(story, 60)
    result["chart_events_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    page = events.page(story, limit=100)
    result["first_list_page_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    events.page(story, after=page.positions[-1], limit=100)
    result["next_list_page_s"] = time.perf_counter() - tick
    outlet = charted[0].sources[0].outlet
    tick = time.perf_counter()
    one_outlet = EventFilter(outlets=(outlet,), date_from="2024-06-01", date_to="2024-12-31", include_context=False)
    events.count(one_outlet), events.charted(one_outlet, 60), events.page(one_outlet, limit=100)
    result["one_outlet_half_year_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    headers = claims.headers()
    result["topic_list_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    claims.topics([headers[0].topic.topic_id])
    result["one_topic_claims_s"] = time.perf_counter() - tick
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
        result["rows_listed"] = len(at.dataframe[0].value)
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
    args = staged_bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    if answered_stage(args, STAGES):
        return 0
    print(f"StoryLens stored-views bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, SQLite); "
          "events and topics are SYNTHETIC payloads of the real builds' shapes, stored under the real keys")
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="storylens-views-"))
    names = ("fill", "views", "read", "timeline", "compare")
    tables: dict[str, dict[int, dict]] = {name: {} for name in names}
    try:
        for size, data_dir in sized_stores(root, args.sizes, keep=bool(args.keep)):
            if not (data_dir / ".storylens").exists():
                tables["fill"][size] = _run("fill", size, data_dir)
                tables["fill"][size].update(_run("store_dates", size, data_dir))
            for stage in names[2:]:  # views stored again right before each: code edits elsewhere change the claims key
                tables["views"][size] = _run("views", size, data_dir)
                tables[stage][size] = _run(stage, size, data_dir)
    finally:
        titles = {
            "fill": "bulk fill (as bench.catalogue) and inferred dates stored as stand-ins",
            "views": "synthetic events and topics stored as rows under the real keys",
            "read": "fresh process: open the store, the pages' reads of each stored view",
            "timeline": "Timeline page first render via AppTest (fresh process), then a rerun",
            "compare": "Compare page first render via AppTest (fresh process), then a rerun",
        }
        print_tables(tables, titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
