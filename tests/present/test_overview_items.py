"""The landing overview's topic and event items, built from the bundled story's own views."""

import pytest

from lib.claims.build import build_claims
from lib.events.build import build_events
from lib.present.overview import STATUS_WORDS, latest_event_item, main_topic_items
from lib.present.timeline_chart import is_loose


@pytest.fixture(scope="module")
def claimset(corpus, embedder):
    return build_claims(corpus, embedder)


@pytest.fixture(scope="module")
def events(corpus, embedder):
    return build_events(corpus, embedder)


def test_main_topics_put_a_compared_figure_first_and_link_to_their_row(claimset):
    items = main_topic_items(claimset.topics)
    speaking = [topic for topic in claimset.topics if topic.claims and topic.status in STATUS_WORDS]
    assert len(speaking) > 3, "the bundled story has more topics than the overview shows"
    assert len(items) == 3  # the three main ones, no more, no fewer
    assert len(main_topic_items(claimset.topics, limit=1)) == 1
    first = claimset.topic(items[0].params["topic"])
    assert first.status in ("agree", "disagree", "evolving")  # the bundled story compares troop figures
    for item in items:
        topic = claimset.topic(item.params["topic"])
        assert item.page == "pages/compare.py"
        label, verdict = item.text.rsplit(": ", 1)
        assert verdict == STATUS_WORDS[topic.status] and len(label.rstrip("…").split()) <= 5
        assert topic.label.startswith(label.rstrip("…")) and topic.label in item.help
        assert (topic.verdict or topic.rule) in item.help


def test_no_topics_give_no_items():
    assert main_topic_items(()) == ()


def test_the_latest_event_is_the_last_one_dated_closely_and_links_to_it(events):
    item = latest_event_item(events)
    drawn = [event for event in events if not event.is_context and not is_loose(event)]
    latest = max(drawn, key=lambda event: event.end)
    chosen = next(event for event in events if event.event_id == item.params["event"])
    assert item.page == "pages/timeline.py"
    assert chosen.end == latest.end and not chosen.is_context and not is_loose(chosen)
    label = item.text.split(", ", 2)[-1]
    assert item.text.startswith("Latest: ") and len(label.rstrip("…").split()) <= 5


def test_no_events_give_no_latest_event():
    assert latest_event_item([]) is None


def test_the_compare_page_lists_compared_figures_then_single_source_then_statements_seeds_first_in_each():
    from lib.claims.topics import Topic
    from lib.present.compare_table import reading_order

    def topic(topic_id, status, seeded=False, sources=2):
        return Topic(topic_id, topic_id, None, seeded, status, "", (), tuple(f"s{n}" for n in range(sources)))

    topics = [
        topic("talk", "no figures", sources=5),
        topic("lone", "single-source", sources=4),
        topic("price", "evolving", sources=3),
        topic("seed", "no figures", seeded=True),
        topic("toll", "disagree", sources=6),
        topic("sent", "evolving", seeded=True),
    ]
    assert [t.topic_id for t in reading_order(topics)] == ["sent", "toll", "price", "lone", "seed", "talk"]
