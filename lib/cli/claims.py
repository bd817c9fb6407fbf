"""`claims`: side-by-side source claims, topic rows and question rows."""

from __future__ import annotations

from lib.claims.build import build_claims
from lib.claims.grouping import stored_claims
from lib.claims.questions import question_topic
from lib.claims.status import figure_phrase
from lib.claims.topics import Topic, claim_to_json, topic_to_json
from lib.cli.common import add_data_option, opened_for, print_json
from lib.core.errors import StoryLensError
from lib.present.extend import extend_stored
from lib.text.embed import embedder_for


def _load(args, need_corpus: bool):
    """(corpus or None, embedder, claims): the stored claims when the store holds them for its current
    articles and topic list and no corpus is needed (no article is loaded), else built from the corpus."""
    from lib.ingest.corpus import load_corpus

    opened = opened_for(args, quiet=args.json)
    embedder = embedder_for(opened.settings)
    claimset = None if need_corpus else stored_claims(opened.store, opened.settings, embedder.model_id)
    if claimset is None and not need_corpus and extend_stored("claims", opened.store, embedder, opened.settings):
        claimset = stored_claims(opened.store, opened.settings, embedder.model_id)  # extended by the added articles
    if claimset is not None:
        return None, embedder, claimset
    corpus = load_corpus(opened.settings, sync=False)
    return corpus, embedder, build_claims(corpus, embedder)


def cmd_claims(args) -> int:
    # A question row reads every candidate sentence: only then is the corpus loaded.
    corpus, embedder, claimset = _load(args, need_corpus=args.question is not None)
    if args.question is not None:
        topic = question_topic(corpus, claimset, args.question, embedder)
        if args.json:
            print_json(topic_to_json(topic, with_claims=True))
        else:
            _print_topic(topic)
        return 0
    topics = list(claimset.topics)
    if args.topic:
        chosen = claimset.topic(args.topic)
        if chosen is None:
            valid = ", ".join(topic.topic_id for topic in topics) or "none (no claims found)"
            raise StoryLensError(f"No topic '{args.topic}'. Topics in this collection: {valid}.")
        topics = [chosen]
    if args.topics:
        if args.json:
            print_json([topic_to_json(topic) for topic in topics])
        else:
            for topic in topics:
                print(
                    f"{topic.topic_id}\t{topic.status}\t{topic.counted or '-'}\t{len(topic.claims)} claims\t"
                    f"{len(topic.sources)} sources\t{topic.label}\t{topic.verdict}"
                )
            if not topics:
                print("No comparable claims found in this collection.")
        return 0
    claims = [claim for topic in topics for claim in topic.claims]
    if args.json:
        print_json([claim_to_json(claim) for claim in claims])
    else:
        for topic in topics:
            _print_topic(topic)
        if not topics:
            print("No comparable claims found in this collection.")
    return 0


def _print_topic(topic: Topic) -> None:
    compared = f" (compared: {topic.compared})" if topic.counted else " (no figures compared)"
    print(f"== {topic.label} [{topic.status}]{compared}")
    print(f"   {topic.verdict}")
    print(f"   Why: {topic.rule}")
    for claim in topic.claims:
        figure = f" [{figure_phrase(claim)}]" if claim.value is not None else ""
        print(f" - {claim.outlet} ({claim.reported_on.label()}), {claim.attributed_to}{figure}: {claim.quote}")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "claims", help="side-by-side source claims: who says what on each topic (JSON with --json)"
    )
    parser.add_argument("--topics", action="store_true", help="list topics with their status and rule instead of claims")
    parser.add_argument("--topic", metavar="ID", help="only this topic (see --topics for ids)")
    parser.add_argument("--question", metavar="TEXT", help="build one row for a topic or question of your own")
    add_data_option(parser)
    parser.set_defaults(func=cmd_claims)
