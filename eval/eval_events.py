"""Evaluate timeline events against hand-checked gold; prints figures, exits 1 below the floors.

    .venv/bin/python -m eval.eval_events [--data DIR] [--gold eval/gold/events_gold.json]
        [--floor-precision 0.8] [--floor-recall 0.8] [--floor-date 0.8] [--floor-merge 0.7]

Figures:
* recall     - gold events found (some event has a source sentence containing the gold quote)
* precision  - produced events that are gold events (their sources contain a gold quote or a
               gold 'also' quote); 'absent' items found are listed as errors
* date       - found gold events whose (start, end, precision) equal the gold exactly
* merge      - gold 'also' sentences that ended up in the same event as their gold sentence
* corpus-dates timing - infer_publication_dates on the loaded articles (cold and warm), in ms
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from eval.floors import add_floor_options, below_floors
from lib.core.models import PublishedDate
from lib.core.settings import load_settings
from lib.events.build import build_events
from lib.ingest.corpus import load_corpus
from lib.ingest.pubdate_inference import infer_publication_dates
from lib.text.embed import embedder_for

GOLD = Path(__file__).resolve().parent / "gold" / "events_gold.json"


def holds(event, source_file: str, quote: str) -> bool:
    return any(source.source_file == source_file and quote in source.quote for source in event.sources)


def evaluate(events, gold) -> dict:
    found, exact_dates, merges, merge_total, errors = 0, 0, 0, 0, []
    matched_events: set[str] = set()
    for item in gold["events"]:
        hits = [event for event in events if holds(event, item["source_file"], item["quote"])]
        if not hits:
            errors.append(f"MISSED  {item['id']}: '{item['quote']}' ({item['source_file']})")
            continue
        found += 1
        # A sentence can hold two events ("last week ... fighting ... where Ukraine launched a push on
        # August 6"): score the one whose dates match the gold, if any.
        want_dates = (item["start"], item["end"], item["precision"])
        event = next((hit for hit in hits if (hit.start, hit.end, hit.precision) == want_dates), hits[0])
        matched_events.add(event.event_id)
        want = (item["start"], item["end"], item["precision"])
        got = (event.start, event.end, event.precision)
        if want == got:
            exact_dates += 1
        else:
            errors.append(f"DATE    {item['id']}: got {got}, gold {want} (clue: {event.clue})")
        if event.is_context != item["context"]:
            errors.append(f"CONTEXT {item['id']}: is_context={event.is_context}, gold {item['context']}")
        for also in item.get("also", []):
            merge_total += 1
            if holds(event, also["source_file"], also["quote"]):
                merges += 1
            else:
                errors.append(f"SPLIT   {item['id']}: '{also['quote']}' is not in the same event")
    gold_quotes = [(item["source_file"], item["quote"]) for item in gold["events"]] + [
        (also["source_file"], also["quote"]) for item in gold["events"] for also in item.get("also", [])
    ]
    correct = 0
    for event in events:
        if event.event_id in matched_events or any(holds(event, name, quote) for name, quote in gold_quotes):
            correct += 1
        else:
            errors.append(f"EXTRA   {event.start}..{event.end} {event.summary!r} ({event.sources[0].source_file})")
    for item in gold.get("absent", []):
        for event in events:
            if any(item["quote"] in source.quote for source in event.sources):
                errors.append(f"ABSENT  '{item['quote']}' ({item['why']}) appears in event {event.summary!r}")
    total_gold = len(gold["events"])
    return {
        "events": len(events),
        "gold": total_gold,
        "recall": found / total_gold if total_gold else 1.0,
        "precision": correct / len(events) if events else 0.0,
        "date": exact_dates / found if found else 0.0,
        "merge": merges / merge_total if merge_total else 1.0,
        "errors": errors,
    }


def time_corpus_dates(articles) -> tuple[float, float]:
    """Milliseconds for infer_publication_dates on the stored (un-inferred) articles: cold, then warm."""
    from lib.text import dates

    undated = [article if article.published.stated else replace(article, published=PublishedDate.unknown()) for article in articles]
    dates.find_date_phrases.cache_clear()
    dates._dateparser_day.cache_clear()
    start = time.perf_counter()
    infer_publication_dates(undated)
    cold = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    infer_publication_dates(undated)
    warm = (time.perf_counter() - start) * 1000
    return cold, warm


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="data folder (default: the bundled corpus)")
    parser.add_argument("--gold", default=str(GOLD))
    add_floor_options(parser, "events")
    args = parser.parse_args(argv)

    settings = load_settings(args.data)
    corpus = load_corpus(settings)
    embedder = embedder_for(settings)
    start = time.perf_counter()
    events = build_events(corpus, embedder)
    build_seconds = time.perf_counter() - start
    from lib.events.build import extract_events
    from lib.text.embed import article_vectors

    vectors = article_vectors(corpus.store, corpus.articles, embedder)  # cached sentence vectors
    start = time.perf_counter()
    extract_events(corpus.articles, embedder, vectors, settings.story_start)
    extract_seconds = time.perf_counter() - start
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    result = evaluate(events, gold)

    print(f"events produced: {result['events']} (gold: {result['gold']}); build_events {build_seconds:.2f}s "
          f"(model load + cache), extraction without the events cache {extract_seconds:.2f}s")
    print(f"recall    {result['recall']:.3f}")
    print(f"precision {result['precision']:.3f}")
    print(f"date      {result['date']:.3f}  (exact start, end and precision of found gold events)")
    print(f"merge     {result['merge']:.3f}  (gold 'also' sentences merged into their event)")
    cold, warm = time_corpus_dates(corpus.store.articles())
    print(f"corpus-dates inference on {len(corpus.articles)} articles: {cold:.1f} ms cold, {warm:.2f} ms warm")
    for article in corpus.articles:
        if not article.published.stated:
            print(f"  {article.source_file}: {article.published.label()} [{article.published.earliest} .. {article.published.latest}]")
    for line in result["errors"]:
        print("  " + line)

    return below_floors(result, args, "events")


if __name__ == "__main__":
    sys.exit(main())
