"""Example questions of the Search page, made from a collection's own topics (real corpus, real model)."""

from __future__ import annotations

import shutil

import pytest

from lib.claims.build import build_claims
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus
from lib.present.suggestions import (
    ANSWER_DEPTH,
    MIN_ANSWER_SIMILARITY,
    SUGGESTION_LIMIT,
    candidate_questions,
    kind_question,
    label_question,
    suggest_questions,
)
from lib.search.hybrid import build_search_index, search

COVERAGE_DEV = REPO_ROOT.parent / "shared" / "benchmarks" / "coverage-dev"
# Words of the bundled story (North Korean troops in Russia): a question offered on another
# story must name none of them.
BUNDLED_WORDS = ("north korea", "pyongyang", "russia", "troops", "soldiers", "treaty", "drone", "japan's stance")


@pytest.mark.parametrize(
    "kind,label,question",
    [
        ("people killed", "People killed", "How many people were killed?"),
        ("people missing", "People missing", "How many people were missing?"),
        ("troops killed or wounded", "North Korean soldiers killed or wounded",
         "How many North Korean soldiers were killed or wounded?"),
        # a name after the colon is what the sources share, not always where it happened: left out
        ("people killed", "People killed: Peru", "How many people were killed?"),
        ("price per 5 kg", "Price per 5 kg (JPY)", "What is the price per 5 kg?"),
        ("workers", "Workers", None),  # no role: no question says what was counted
        ("count", "Other counts", None),
        ("price change", "Also compared: price", None),
        (None, "Japan's stance", None),
    ],
)
def test_a_kind_of_figure_gives_the_question_it_answers(kind, label, question):
    assert kind_question(kind, label) == question


@pytest.mark.parametrize(
    "label,question",
    [
        ("How many North Korean troops were sent to Russia", "How many North Korean troops were sent to Russia?"),
        ("What the partnership treaty obliges", "What the partnership treaty obliges"),  # a phrase, not a question
        ("Japan's stance", "Japan's stance"),
        ("  Rescue   efforts.", "Rescue efforts"),
        ("東京の米価格", None),  # not in the interface's language
        ("Цены на рис", None),
        ("", None),
    ],
)
def test_a_hand_written_label_is_offered_as_the_reader_would_type_it(label, question):
    assert label_question(label) == question


@pytest.fixture(scope="module")
def bundled_views(corpus, embedder):
    return build_claims(corpus, embedder), build_search_index(corpus, embedder)


@pytest.fixture(scope="module")
def rice_folder(tmp_path_factory):
    """A collection on another story: the coverage-dev japan-rice pages (English, Japanese, Korean)."""
    story = COVERAGE_DEV / "japan-rice"
    if not story.is_dir():
        pytest.skip(f"needs the coverage-dev pages at {story}")
    folder = tmp_path_factory.mktemp("rice-data")
    (folder / "articles").mkdir()
    for page in sorted(story.glob("*.txt")):
        shutil.copy(page, folder / "articles" / page.name)
    return folder


@pytest.fixture(scope="module")
def rice_views(rice_folder, embedder):
    corpus = load_corpus(load_settings(rice_folder))
    return build_claims(corpus, embedder), build_search_index(corpus, embedder)


def assert_answered(suggestions, claimset, index, embedder):
    """Each question finds, in its first passages, its answer: a sentence of its own topic, close in meaning."""
    assert len({suggestion.question for suggestion in suggestions}) == len(suggestions)
    assert len({suggestion.answer for suggestion in suggestions}) == len(suggestions)
    for suggestion in suggestions:
        topic = claimset.topic(suggestion.topic_id)
        assert (suggestion.source_file, suggestion.sentence_index) in {(c.source_file, c.sentence_index) for c in topic.claims}
        passages = search(index, suggestion.question, embedder, k=ANSWER_DEPTH)
        found = [passage for passage in passages if passage.hit.sentence == suggestion.answer]
        assert found and found[0].similarity >= MIN_ANSWER_SIMILARITY, (suggestion.question, passages)
        assert suggestion.question.isascii()


def test_the_bundled_story_is_offered_questions_about_itself(bundled_views, embedder):
    claimset, index = bundled_views
    suggestions = suggest_questions(claimset.topics, index, embedder)
    assert 2 <= len(suggestions) <= SUGGESTION_LIMIT
    questions = [suggestion.question for suggestion in suggestions]
    assert questions[0] == "How many North Korean troops were sent to Russia?", questions  # the row that compares figures
    assert_answered(suggestions, claimset, index, embedder)


def test_another_story_is_offered_its_own_questions_never_the_bundled_ones(rice_views, embedder):
    claimset, index = rice_views
    suggestions = suggest_questions(claimset.topics, index, embedder)
    assert suggestions, "the rice collection compares prices: it has a question to offer"
    for suggestion in suggestions:
        assert not any(word in suggestion.question.lower() for word in BUNDLED_WORDS), suggestion.question
    assert any("price" in suggestion.question for suggestion in suggestions)
    assert_answered(suggestions, claimset, index, embedder)


def test_labels_made_of_quotes_or_key_words_give_no_question(rice_views):
    """The rice collection's automatic rows are labelled with Japanese quotes and key words."""
    claimset, _index = rice_views
    automatic = [topic.label for topic in claimset.topics if topic.label.startswith("Also compared")]
    assert automatic, [topic.label for topic in claimset.topics]
    questions = [question for question, _topic in candidate_questions(claimset.topics)]
    assert questions and all(question.isascii() and "Also compared" not in question for question in questions)


def test_questions_no_passage_answers_are_not_offered(bundled_views, rice_views, embedder):
    """The bundled story's topics against the rice collection's passages: a question sharing a
    name with a passage ("Japan's stance" and "Japan received a record 17.8 million visitors")
    is not answered by it."""
    bundled_claims, _ = bundled_views
    _, rice_index = rice_views
    assert candidate_questions(bundled_claims.topics)
    assert suggest_questions(bundled_claims.topics, rice_index, embedder) == ()


def test_a_collection_without_topics_is_offered_no_question(bundled_views, embedder):
    _claimset, index = bundled_views
    assert suggest_questions((), index, embedder) == ()


def test_with_a_multilingual_model_every_answer_is_an_english_sentence_sharing_a_word(rice_folder):
    """multilingual-e5-small scores any two sentences of one topic high, across languages: "Japan's
    stance" (a bundled-story seed some rice sentences join under this model) was offered with a
    Japanese sentence on a minister's resignation as its answer."""
    from lib.text.embed import get_embedder

    multilingual = get_embedder("multilingual-e5-small")
    corpus = load_corpus(load_settings(rice_folder))
    claimset = build_claims(corpus, multilingual)
    index = build_search_index(corpus, multilingual)
    suggestions = suggest_questions(claimset.topics, index, multilingual)
    assert suggestions and all("price" in suggestion.question for suggestion in suggestions), suggestions
    language = {(article.source_file, sentence.index): sentence.language or article.language
                for article in corpus.articles for sentence in article.sentences}
    assert all(language[(s.source_file, s.sentence_index)] == "en" for s in suggestions), suggestions
