"""What extending the Timeline's events view by one added article costs at 10k and 100k articles
(`lib.events.incremental.update_events_view`), instead of building every event again.

    .venv/bin/python -m bench.events_update                  # 10k and 100k, SQLite
    .venv/bin/python -m bench.events_update --sizes 2000     # a quick look
    .venv/bin/python -m bench.events_update --keep /tmp/events-stores   # keep the filled stores (reused when present)

Stores are filled as `bench.catalogue` fills them (600 articles through the real pipeline, the rest clones),
with inferred dates stored as stand-ins for the undated pages (`bench.catalogue.stage_store_dates`). **The events
view is synthetic**, as `bench.views` makes it (2.9 events per article, 3.65 sources per event: a real build
takes hours at these sizes), stored under the key a real build uses, **with the base a full build keeps**: one
`view_event_mentions` row per source (its event's days, a random unit clause vector in float16, its sentence
named by offsets in its article's body, language "en" as the pipeline reads these English clones) and the
story-wide state of 50 pages of the generator the added pages come from (centroids of their real sentence
vectors, core actors, story days). Each measurement runs in its own process:

- `seed`: the synthetic view and its base stored (`put_view`, one transaction);
- `add_1..3`: a fresh process opens the store and loads the model (one warm-up encode), puts one new synthetic
  page (built by the pipeline, its date added as the dates step adds it; not timed), embeds its sentences
  (`embed_sentences_s`: what the first of the events, claims and search steps to run pays), then times
  `update_events_view` (`update_s`: the base, the added page's mentions, their clauses encoded, the stored
  mentions of overlapping days compared, the view changed in place in one transaction). Three additions in
  turn, each extending the view the one before left; the third process then adds one more and times it again.

What is not exercised here: joins into stored events (the random stored vectors are never close to an added
clause; the tests measure joins on real stories, where a join reads the joined events' mentions and their
articles' bodies), and reports in other languages dated to the same day, which the rules may join on evidence
read from their text: in a multilingual story each such same-day mention is read too.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from datetime import date
from functools import partial
from pathlib import Path

from bench.catalogue import stage_fill, stage_store_dates
from bench.scale import _peak_rss_mb
from bench.stage_process import answered_stage, run_every_stage, staged_bench_arguments
from bench.views import synthetic_events

STORY_PAGES = 50  # pages of the generator whose sentences give the synthetic base its centroids and actors


def _settings(data_dir: Path):
    from lib.core.settings import load_settings

    return load_settings(data_dir)


def _story_state(settings, embedder):
    """The story-wide state of STORY_PAGES synthetic pages (the generator the added pages come from)."""
    from lib.events.build import StoryState, story_centroids
    from lib.events.mentions import story_days_of
    from lib.events.merge import core_actors
    from lib.ingest.pipeline import build_article
    from tests.support.synthetic import synthetic_article

    articles = [build_article(f"story-{index}.txt", synthetic_article(800_000 + index), settings) for index in range(STORY_PAGES)]
    vectors = {article.article_id: embedder.encode([s.text for s in article.sentences]) for article in articles}
    centroid, language_centroids = story_centroids(articles, vectors)
    languages = {article.language for article in articles}
    return StoryState(story_days_of(articles), centroid, language_centroids, core_actors(articles),
                      {language: core_actors([a for a in articles if a.language == language]) for language in languages})


def synthetic_mention_rows(events, dimension: int, rng):
    """One `view_event_mentions` row per source of the synthetic events (a random unit clause vector),
    yielded one event's rows at a time."""
    import numpy as np

    generator = np.random.default_rng(7)
    for event in events:
        first, last = date.fromisoformat(event.start).toordinal(), date.fromisoformat(event.end).toordinal()
        dating = 0 if event.precision == "day" else 1
        vectors = generator.standard_normal((len(event.sources), dimension)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        for number, (source, vector) in enumerate(zip(event.sources, vectors)):
            mention = {"sentence": [source.sentence_index, 0, 40, "en"], "summary": event.summary, "start": event.start,
                       "end": event.end, "precision": event.precision, "clue": event.clue, "actors": [], "keywords": [],
                       "dated_by": "phrase", "statement": False, "speaker": [], "weekday": None}
            yield (event.event_id, number, source.article_id, first, last, dating, 1, "en", int(rng.random() < 0.3),
                   vector.astype(np.float16).tobytes(), json.dumps(mention))


def stage_seed(size: int, data_dir: Path) -> dict:
    """The synthetic events view stored under the key a real build uses, with its base (the mention rows
    written 50,000 at a time, in the same transaction as the view: memory stays bounded at 100k)."""
    from itertools import islice

    from lib.core.store import VIEW_COLUMNS, catalogue_pages, store_contents_key, view_row_key
    from lib.events.build import EVENT_SEQ_GAP, EVENTS_VIEW, EventsBase, event_view_rows, events_cache_key
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    store = open_store(settings)
    embedder = embedder_for(settings)
    base_sequence, dates_base = store.write_sequence(), store.inferred_dates_base()
    entries = [entry for page in catalogue_pages(store, page_size=5000) for entry in page]
    rng = random.Random(5)
    events = synthetic_events(entries, size, rng)
    story = _story_state(settings, embedder)
    contents = store_contents_key(store)
    key = events_cache_key(contents, embedder.model_id)
    base = EventsBase(contents, base_sequence, dates_base, len(entries), settings.story_start, story)
    started = time.perf_counter()
    rows = event_view_rows(events, {entry.article_id: entry.language for entry in entries}, EVENT_SEQ_GAP)
    mentions = synthetic_mention_rows(events, len(story.centroid), rng)
    count = 0
    columns = len(VIEW_COLUMNS["view_event_mentions"])
    with store.transaction() as connection:
        store.put_view(EVENTS_VIEW, key, base.to_payload(), rows)
        while chunk := list(islice(mentions, 50_000)):
            connection.executemany(f"INSERT INTO view_event_mentions VALUES ({', '.join('?' * columns)})",
                                   ((view_row_key(key), *row) for row in chunk))
            count += len(chunk)
    return {"events": len(events), "mention_rows": count, "store_view_s": time.perf_counter() - started,
            "store_mb": _store_mb(data_dir), "peak_rss_mb": _peak_rss_mb()}


def _store_mb(data_dir: Path) -> float:
    return sum(path.stat().st_size for path in (data_dir / ".storylens").glob("store.sqlite*")) / 1048576


def _put_new_article(store, settings, turn: int):
    """A new synthetic page put in the store and its date added as the dates step adds it."""
    from lib.core.models import PublishedDate
    from lib.ingest.pipeline import build_article, pipeline_fingerprint
    from tests.support.synthetic import synthetic_article

    index = 900_000 + store.count()  # a page no earlier run added (stores kept with --keep are reused)
    article = build_article(f"added-{index}.txt", synthetic_article(index), settings)
    rng = random.Random(turn)
    store.put_article(article, "upload", f"uploads/{article.source_file}", pipeline_fingerprint(),
                      [f"{band}:{rng.getrandbits(64):016x}" for band in range(16)])
    guess = PublishedDate("2024-06", "month", False, "inferred (bench stand-in)", "2024-06-01", "2024-06-30")
    store.add_inferred_dates(store.fingerprint(), {} if article.published.precision != "unknown" else {article.article_id: guess})
    return article


def _timed_update(store, settings, embedder, turn: int, prefix: str = "") -> dict:
    from lib.events.build import EVENTS_VIEW
    from lib.events.incremental import update_events_view
    from lib.text.embed import article_vectors

    article = _put_new_article(store, settings, turn)
    before = store.read_view("SELECT count(*) FROM {p}view_events WHERE view_key = ?",
                             [store.view_rows_key(EVENTS_VIEW, store.view_key(EVENTS_VIEW))])[0][0]
    tick = time.perf_counter()
    article_vectors(store, [article], embedder)
    result = {f"{prefix}embed_sentences_s": time.perf_counter() - tick}
    tick, cpu = time.perf_counter(), time.process_time()
    extended = update_events_view(store, embedder, settings)
    result[f"{prefix}update_s"] = time.perf_counter() - tick
    result[f"{prefix}update_cpu_s"] = time.process_time() - cpu  # this process's CPU: what the machine's load does not inflate
    after = store.read_view("SELECT count(*) FROM {p}view_events WHERE view_key = ?",
                            [store.view_rows_key(EVENTS_VIEW, store.view_key(EVENTS_VIEW))])[0][0]
    result.update({f"{prefix}extended": extended, f"{prefix}events_added": after - before})
    return result


def stage_add(size: int, data_dir: Path, turn: int) -> dict:
    """One new article put, then `update_events_view` timed (fresh process, model loaded and warm)."""
    from lib.events.build import stored_events_view
    from lib.ingest.corpus import open_store
    from lib.text.embed import embedder_for

    settings = _settings(data_dir)
    started = time.perf_counter()
    store = open_store(settings)
    result: dict = {"open_s": time.perf_counter() - started}
    embedder = embedder_for(settings)
    embedder.encode(["A warm-up sentence."])
    result.update(_timed_update(store, settings, embedder, turn))
    result["view_current"] = stored_events_view(store, embedder.model_id) is not None
    if turn == 3:
        result.update(_timed_update(store, settings, embedder, turn + 1, prefix="next_"))
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


STAGES = {"fill": partial(stage_fill, backend="sqlite"), "store_dates": partial(stage_store_dates, backend="sqlite"),
          "seed": stage_seed, **{f"add_{turn}": partial(stage_add, turn=turn) for turn in (1, 2, 3)}}


def main(argv=None) -> int:
    args = staged_bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    if answered_stage(args, STAGES):
        return 0
    print(f"StoryLens events-view update bench ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, SQLite); "
          "the stored events and their base are SYNTHETIC, of the real builds' shapes, under the real keys")
    titles = {
        "fill": "bulk fill (600 pipeline articles, the rest clones), 1,000 articles a transaction",
        "store_dates": "inferred dates stored as stand-ins (the whole inference's base)",
        "seed": "synthetic events view and its base (one mention row per source) stored as rows",
        **{f"add_{turn}": f"addition {turn}: one new article put and its sentences embedded, then update_events_view "
           "(fresh process)" + ("; then one more in the same process" if turn == 3 else "") for turn in (1, 2, 3)},
    }
    run_every_stage("bench.events_update", STAGES, titles, args, "storylens-events-update-")
    return 0


if __name__ == "__main__":
    sys.exit(main())
