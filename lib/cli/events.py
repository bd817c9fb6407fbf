"""`events`: the timeline's events, sorted by date."""

from __future__ import annotations


from lib.cli.common import add_data_option, opened_for, print_json
from lib.core.errors import StoryLensError
from lib.core.user_dates import parse_date_range
from lib.events.build import EventFilter, EventsInMemory, build_events, event_to_json, stored_events_view
from lib.core.store import DamagedViewError
from lib.present.extend import extend_stored
from lib.present.timeline_chart import event_date_label
from lib.text.embed import embedder_for


def cmd_events(args) -> int:
    if args.story_only and args.context:
        raise StoryLensError("--story-only and --context contradict each other; use one of them.")
    date_from, date_to = parse_date_range(args.date_from, args.date_to)
    opened = opened_for(args, quiet=args.json)
    summary = opened.store.catalogue_summary()
    outlets = args.outlet or []
    known = [outlet for outlet, _count in summary.outlet_counts]
    unknown = [outlet for outlet in outlets if outlet not in known]
    if unknown:
        raise StoryLensError(f"No outlet named '{unknown[0]}'. Outlets in this collection: {', '.join(known) or 'none'}.")
    wanted = EventFilter(tuple(outlets), date_from, date_to, include_context=not args.story_only)
    events = load_events(opened, wanted)
    if args.json:
        print_json([event_to_json(event) for event in events])
        return 0
    if not events:
        print("No events found." if summary.article_count else "No articles yet. Add some with: python -m lib.cli ingest FILE ...")
    for event in events:
        context = " [background]" if event.is_context else ""
        print(
            f"{event.start}..{event.end}\t{event_date_label(event)}\t{event.summary}{context}\t"
            f"({len(event.sources)} source(s); dated by: {event.clue})"
        )
    return 0


def load_events(opened, wanted: EventFilter = EventFilter()):
    """The events `wanted` selects: read from the stored rows (filters applied in SQL, a keyset page at
    a time) when the store holds them for its current articles (no article is loaded), else built from
    the corpus (and stored), as the Timeline page does. A damaged stored row means a build."""
    from lib.ingest.corpus import load_corpus

    embedder = embedder_for(opened.settings)
    view = stored_events_view(opened.store, embedder.model_id)
    if view is None and extend_stored("events", opened.store, embedder, opened.settings):
        view = stored_events_view(opened.store, embedder.model_id)  # extended by the added articles
    if view is not None:
        try:
            return view.all(wanted)
        except DamagedViewError:
            pass
    corpus = load_corpus(opened.settings, sync=False)
    return EventsInMemory(build_events(corpus, embedder_for(corpus.settings))).all(wanted)


def register(subparsers) -> None:
    parser = subparsers.add_parser("events", help="timeline events found in the articles, sorted by date")
    parser.add_argument("--story-only", action="store_true", help="leave out background events before the story window")
    parser.add_argument(
        "--context", action="store_true",
        help="include background events (the default: they are always listed, flagged is_context=true)",
    )
    parser.add_argument("--outlet", action="append", metavar="OUTLET", help="only events reported by this outlet (repeatable)")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only events that may fall on or after this day")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only events that may fall on or before this day")
    add_data_option(parser)
    parser.set_defaults(func=cmd_events)
