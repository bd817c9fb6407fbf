"""`search`: passages that answer a question (hybrid semantic + keyword)."""

from __future__ import annotations

import sys

from lib.cli.common import add_data_option, opened_for, print_json
from lib.core.errors import StoryLensError
from lib.core.user_dates import parse_date_bound
from lib.present.extend import extend_stored
from lib.present.suggestions import suggest_questions
from lib.search.hybrid import (
    MAX_K,
    SearchFilters,
    SearchIndex,
    no_results_message,
    search,
    search_by_article,
    validate_k,
    validate_query,
)
from lib.text.embed import embedder_for


def index_for(opened) -> tuple[SearchIndex, object]:
    """(index, embedder) of an opened store: the index kept on disk for the store's current contents
    and model (no article loaded), else built from the corpus and kept for the next run."""
    from lib.core.store import catalogue_pages, store_contents_key
    from lib.ingest.corpus import load_corpus
    from lib.search.stored_index import build_and_keep_search_index, open_search_index

    settings = opened.settings
    embedder = embedder_for(settings)

    def stored():
        entries = [entry for page in catalogue_pages(opened.store, page_size=5000) for entry in page]
        return open_search_index(settings, store_contents_key(opened.store), embedder.model_id, entries, opened.store.article)

    index = None
    if settings.vector_index == "exact":
        index = stored()
        if index is None and extend_stored("search", opened.store, embedder, settings):
            index = stored()  # extended by the articles added since it was built
    if index is None:
        index = build_and_keep_search_index(load_corpus(settings, sync=False), embedder)
    return index, embedder


def filters_from_args(args) -> SearchFilters:
    return SearchFilters(
        outlets=tuple(args.outlet or ()),
        date_from=parse_date_bound(args.date_from, name="--from date"),
        date_to=parse_date_bound(args.date_to, end=True, name="--to date"),
        languages=tuple(args.lang or ()),
        include_undated=bool(args.include_undated),
    )


def cmd_suggest(args) -> int:
    """Print the example questions the Search page offers for this collection."""
    from lib.claims.build import build_claims
    from lib.claims.grouping import stored_claims
    from lib.ingest.corpus import load_corpus

    if args.query is not None:
        raise StoryLensError(
            f"--suggest lists example questions and takes no query (got '{args.query}'). "
            "Run either: python -m lib.cli search --suggest, or: python -m lib.cli search \"your question\"."
        )
    opened = opened_for(args, quiet=args.json)
    if not opened.store.count():
        raise StoryLensError("There are no articles yet, so no example questions. Add some with: python -m lib.cli ingest FILE ...")
    index, embedder = index_for(opened)
    claimset = stored_claims(opened.store, opened.settings, embedder.model_id)  # no article loaded when stored
    if claimset is None and extend_stored("claims", opened.store, embedder, opened.settings):
        claimset = stored_claims(opened.store, opened.settings, embedder.model_id)
    if claimset is None:
        claimset = build_claims(load_corpus(opened.settings, sync=False), embedder)
    suggestions = suggest_questions(claimset.topics, index, embedder)
    if args.json:
        print_json([suggestion.to_json() for suggestion in suggestions])
        return 0
    if not suggestions:
        print("No example questions for this collection: none of its topics gives a question its articles answer.",
              file=sys.stderr)
    for suggestion in suggestions:
        print(f"{suggestion.question}\n   answered by: {suggestion.answer} [{suggestion.source_file}]")
    return 0


def cmd_search(args) -> int:
    if args.suggest:
        return cmd_suggest(args)
    query = validate_query(args.query)
    validate_k(args.k)
    filters = filters_from_args(args)
    opened = opened_for(args, quiet=args.json)
    if not opened.store.count():
        raise StoryLensError("There are no articles to search yet. Add some with: python -m lib.cli ingest FILE ...")
    index, embedder = index_for(opened)
    if args.by_article:
        results = search_by_article(index, query, embedder, k=args.k, filters=filters)
        payload = [match.to_json() for match in results]
    else:
        results = search(index, query, embedder, k=args.k, filters=filters)
        payload = [passage.to_json() for passage in results]
    if args.json:
        print_json(payload)
        return 0
    if not results:
        print(no_results_message(query, filters, index), file=sys.stderr)
        return 0
    if args.by_article:
        for rank, match in enumerate(results, start=1):
            print(f"{rank}. {match.title} — {match.outlet}, {match.published.label()} [{match.source_file}]")
            for passage in match.passages:
                print(f"     #{passage.hit.sentence_index} ({passage.hit.matched_by}) {passage.hit.sentence}")
    else:
        for rank, passage in enumerate(results, start=1):
            hit = passage.hit
            print(f"{rank}. {hit.sentence}")
            print(f"   {hit.title} — {hit.outlet}, {hit.published.label()} [{hit.source_file} #{hit.sentence_index}, {hit.matched_by}]")
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser("search", help="find passages that answer a question (hybrid semantic + keyword)")
    parser.add_argument("query", nargs="?", default=None, help="a question or words to look for")
    parser.add_argument("--suggest", action="store_true",
                        help="instead of searching, list the example questions the Search page offers for this "
                        "collection (made from its own topics; each is answered by one of its passages)")
    parser.add_argument("--k", type=int, default=10, help=f"how many results (1-{MAX_K}, default 10)")
    parser.add_argument("--outlet", action="append", metavar="OUTLET", help="only this outlet (repeatable; exact name as in `articles`)")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only articles published on or after this date")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only articles published on or before this date")
    parser.add_argument("--lang", action="append", metavar="CODE", help="only sentences in this language (ISO code, repeatable)")
    parser.add_argument("--include-undated", action="store_true", help="with --from/--to, keep articles whose date is unknown")
    parser.add_argument("--by-article", action="store_true", help="group results by article, ranked by their best passage")
    add_data_option(parser)
    parser.set_defaults(func=cmd_search)
