"""Regenerate tests/golden/events.json from the bundled corpus (review the diff before committing).

    .venv/bin/python -m eval.make_golden_events [--check]

The golden file keeps what a reviewer checks line by line and what should not
drift silently: each event's dates, precision, clue, summary, whether it is
background, and its sources as (file, sentence) with the exact quote. It is
built on a throwaway copy of data/articles so the repo's store is untouched.
`--check` prints the differences and exits 1 instead of writing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from lib.core.settings import load_settings
from lib.events.build import build_events
from lib.ingest.corpus import load_corpus
from lib.text.embed import embedder_for

GOLDEN = REPO / "tests" / "golden" / "events.json"


def golden_view(events) -> list[dict]:
    """The reviewed projection of events (ids and article hashes left out: they change with cleaning)."""
    return [
        {
            "start": event.start,
            "end": event.end,
            "precision": event.precision,
            "clue": event.clue,
            "summary": event.summary,
            "is_context": event.is_context,
            "sources": [
                {"source_file": source.source_file, "outlet": source.outlet, "published": source.published.label(), "quote": source.quote}
                for source in event.sources
            ],
        }
        for event in events
    ]


def current_events() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(REPO / "data" / "articles", Path(folder) / "articles")
        settings = load_settings(folder)
        corpus = load_corpus(settings)
        events = build_events(corpus, embedder_for(settings))
        return golden_view(events)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the golden file instead of writing it")
    args = parser.parse_args(argv)
    events = current_events()
    if args.check:
        old = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else []
        if old == events:
            print(f"golden events up to date ({len(events)} events)")
            return 0
        old_keys = {(e["start"], e["end"], e["summary"]) for e in old}
        new_keys = {(e["start"], e["end"], e["summary"]) for e in events}
        for key in sorted(old_keys - new_keys):
            print("- ", *key)
        for key in sorted(new_keys - old_keys):
            print("+ ", *key)
        print("golden events differ (sources/quotes may differ too); rerun without --check to rewrite")
        return 1
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(events, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(events)} events to {GOLDEN.relative_to(REPO)}")
    for event in events:
        files = ", ".join(sorted({source["source_file"][:3] for source in event["sources"]}))
        print(f"  {event['start']}..{event['end']} {event['precision']:5} {event['summary'][:70]} [{files}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
