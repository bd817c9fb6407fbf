"""The Search overview's main topics, made from the stored topic headers alone (no claim read), are
those the whole claims view gives."""

from dataclasses import replace

import pytest

from lib.claims.build import build_claims
from lib.claims.grouping import TopicHeader
from lib.present.overview import main_topic_items
from lib.ui.search import _HEADER_COUNTS


@pytest.fixture(scope="module")
def claimset(corpus, embedder):
    return build_claims(corpus, embedder)


def test_the_main_topics_from_headers_are_those_of_the_whole_view(claimset):
    # What a stored view's `headers()` gives: each topic without its claims, and how many it has.
    headers = [TopicHeader(replace(topic, claims=()), len(topic.claims), ()) for topic in claimset.topics]
    for limit in (1, 3, 5):
        assert main_topic_items(headers, limit, **_HEADER_COUNTS) == main_topic_items(claimset.topics, limit)
    assert len(main_topic_items(headers, 3, **_HEADER_COUNTS)) == 3
    assert main_topic_items(headers[:0], 3, **_HEADER_COUNTS) == ()
