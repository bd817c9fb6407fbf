"""The bundled corpus ingests exactly as reviewed (tests/golden/articles.json).

Regenerate deliberately with `python -m eval.make_golden_articles` and review the diff.
"""

import json

import pytest

from eval.make_golden_articles import GOLDEN, golden_view


@pytest.fixture(scope="module")
def golden():
    return {item["source_file"]: item for item in json.loads(GOLDEN.read_text(encoding="utf-8"))}


def test_the_same_five_articles_are_ingested(corpus, golden):
    assert sorted(a.source_file for a in corpus.articles) == sorted(golden)


@pytest.mark.parametrize("field", ["title", "outlet", "published", "language", "sentences", "body", "removed"])
def test_each_article_matches_the_reviewed_golden_file(corpus, golden, field):
    for item in golden_view(corpus.articles):
        assert item[field] == golden[item["source_file"]][field], (item["source_file"], field)
