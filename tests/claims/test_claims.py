"""Claims on the bundled corpus (real model) and the agreement rules on hand-made records."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from lib.claims.build import build_claims
from lib.claims.questions import question_topic
from lib.claims.figures import is_planned_claim
from lib.claims.status import STATUSES, period_differences, topic_status, topic_verdict
from lib.claims.topics import build_topic, load_topic_seeds
from lib.cli import main
from lib.core.errors import StoryLensError
from lib.core.models import Claim, PublishedDate
from lib.present.compare_table import (
    NOT_MENTIONED,
    comparison_columns,
    topics_overview,
)
from lib.present.tables import comparison_csv

TROOPS = "troops-sent"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"


@pytest.fixture(scope="module")
def claimset(corpus, embedder):
    return build_claims(corpus, embedder)


def _claims(claimset, topic_id, source_prefix):
    return [claim for claim in claimset.topic(topic_id).claims if claim.source_file.startswith(source_prefix)]


# --------------------------------------------------------------------------- the bundled corpus


def test_troop_topic_compares_at_least_two_outlets(claimset):
    topic = claimset.topic(TROOPS)
    assert topic is not None
    assert len({claim.outlet for claim in topic.figures}) >= 2


def test_troop_topic_keeps_kyodo_3000_in_the_far_east_and_around_12000(claimset):
    figures = {(claim.value, claim.qualifier): claim for claim in _claims(claimset, TROOPS, "003") if claim.unit == "troops"}
    assert (3000, None) in figures
    assert "training in Russia’s Far East" in figures[(3000, None)].quote
    assert (12000, "around") in figures


def test_troop_topic_keeps_business_standard_up_to_12000(claimset):
    figures = [(claim.value, claim.qualifier, claim.unit) for claim in _claims(claimset, TROOPS, "004")]
    assert (12000, "up to", "troops") in figures


def test_troop_topic_is_agree_because_each_outlets_own_estimate_is_about_12000(claimset):
    # Kyodo (26 Oct) gives 3,000 training in the Far East *and* around 12,000 in total;
    # Business Standard (16 Nov) gives up to 12,000. Each source's own estimate (its
    # largest specific figure) is ~12,000, and "around 12,000" fits "up to 12,000",
    # so the rule is "agree" (not "evolving": no later report raised the estimate).
    # The 3,000 is named in the rule as a smaller figure of the same report.
    topic = claimset.topic(TROOPS)
    assert topic.status == "agree"
    assert "3,000 troops" in topic.rule and "up to 12,000 troops" in topic.rule


def test_hayashi_statements_are_attributed_to_hayashi(claimset):
    hayashi_quotes = [
        claim
        for claim in claimset.claims
        if ("Hayashi" in claim.quote and ("said" in claim.quote or "told" in claim.quote or "expressed" in claim.quote))
        or claim.quote.startswith("He further noted")
    ]
    assert len({claim.source_file for claim in hayashi_quotes}) >= 2
    for claim in hayashi_quotes:
        assert "Hayashi" in claim.attributed_to, claim.quote


def test_every_claim_quotes_a_body_sentence_exactly(claimset, articles_by_file):
    assert claimset.claims
    for claim in claimset.claims:
        article = articles_by_file[claim.source_file]
        assert article.sentences[claim.sentence_index].text == claim.quote
        assert claim.reported_on == article.published


FURNITURE = (
    "You know what the correct response is",  # reader comment (002)
    "A so-called superpower",  # reader comment (002)
    "Putin deserves to be put on trial",  # reader comment (002)
    "Turns out North Koreans knew",  # reader comment (002)
    "This is about actually sending North Korean troops",  # reader comment (002)
    "superlong bonds",  # related article (000)
    "tariff",  # related article (000)
    "Israel and Iran",  # related article (000)
    "Israel-Iran",  # related article (000)
    "Become a patron",  # donation appeal (003)
    "cost of one cup of coffee",  # donation appeal (003)
    "New York Times",  # subscription promo (004)
    "ASEAN",  # related articles (001)
)


@pytest.mark.parametrize("furniture", FURNITURE)
def test_no_claim_comes_from_comments_or_related_articles(claimset, furniture):
    assert not [claim.quote for claim in claimset.claims if furniture.lower() in claim.quote.lower()]


def test_statuses_and_rules_are_always_filled(claimset):
    for topic in claimset.topics:
        assert topic.status in STATUSES
        assert topic.rule.strip()
        assert topic.claims and set(topic.sources) == {claim.source_file for claim in topic.claims}


def test_claims_are_cached_in_the_store_after_the_first_build(corpus, claimset):
    again = build_claims(corpus)  # no embedder passed: served from the store cache
    assert [topic.topic_id for topic in again.topics] == [topic.topic_id for topic in claimset.topics]
    assert [claim.quote for claim in again.claims] == [claim.quote for claim in claimset.claims]


def test_golden_claims_match_the_bundled_corpus(claimset):
    """tests/golden/claims.json was reviewed by hand; regenerate with python -m eval.make_golden_claims."""
    golden = json.loads((GOLDEN / "claims.json").read_text(encoding="utf-8"))
    current = sorted(
        [c.topic, c.source_file, c.quote, c.attributed_to, c.value, c.unit, c.qualifier, c.hedged]
        for c in claimset.claims
    )
    expected = sorted(
        [c["topic"], c["source_file"], c["quote"], c["attributed_to"], c["value"], c["unit"], c["qualifier"], c["hedged"]]
        for c in golden
    )
    assert current == expected


def test_golden_topics_match_the_bundled_corpus(claimset):
    golden = json.loads((GOLDEN / "topics.json").read_text(encoding="utf-8"))
    current = [(t.topic_id, t.status, sorted(t.sources)) for t in claimset.topics]
    assert current == [(t["topic"], t["status"], sorted(t["sources"])) for t in golden]


# --------------------------------------------------------------------------- questions


def test_question_about_troops_builds_a_row_from_both_troop_reports(corpus, claimset, embedder):
    topic = question_topic(corpus, claimset, "How many North Korean troops were sent to Russia?", embedder)
    assert topic.unit == "troops"
    sources = {claim.source_file[:3] for claim in topic.claims}
    assert {"003", "004"} <= sources
    assert any(claim.value == 12000 for claim in topic.claims)


def test_question_keeps_one_best_sentence_per_source(corpus, claimset, embedder):
    topic = question_topic(corpus, claimset, "Japan's concern about military cooperation", embedder)
    files = [claim.source_file for claim in topic.claims]
    assert files and len(files) == len(set(files))


@pytest.mark.parametrize(
    "question, message",
    [("", "Type a topic or a question"), ("   ", "Type a topic or a question"), ("12345 ???", "no words"), ("x" * 301, "too long")],
)
def test_bad_question_explains_itself(corpus, claimset, embedder, question, message):
    with pytest.raises(StoryLensError, match=message):
        question_topic(corpus, claimset, question, embedder)


@pytest.mark.parametrize("question", ["死者は何人ですか", "Сколько погибших?", "사망자 수"])
def test_a_question_in_another_script_is_matched_not_refused(corpus, claimset, embedder, question):
    topic = question_topic(corpus, claimset, question, embedder)  # no "no words to match" error
    assert topic.label


# --------------------------------------------------------------------------- the agreement rules


def _date(day: str | None) -> PublishedDate:
    if day is None:
        return PublishedDate.unknown()
    return PublishedDate(day, "day", True, day, day, day)


def _claim(source, value, qualifier=None, day="2024-11-16", value_high=None, unit="troops", outlet=None) -> Claim:
    return Claim(
        topic="t", source_file=source, article_id=source, quote=f"{value} {unit}", sentence_index=0,
        attributed_to=outlet or source, value=value, value_high=value_high, unit=unit if value is not None else None,
        qualifier=qualifier, reported_on=_date(day), hedged=False, outlet=outlet or source,
    )


@pytest.mark.parametrize(
    "claims, status, words",
    [
        ([_claim("a", 12000, "up to"), _claim("b", 12000, "around", "2024-10-26")], "agree", "agree"),
        ([_claim("a", 12000, "up to"), _claim("b", 10000, None, "2024-11-15")], "agree", "qualifiers"),
        ([_claim("a", 3000, None, "2024-10-26"), _claim("b", 12000, "up to", "2024-11-16")], "evolving", "later"),
        ([_claim("a", 3000, None, "2024-11-15"), _claim("b", 12000, None, "2024-11-16")], "disagree", "same period"),
        ([_claim("a", 12000, None, "2024-10-01"), _claim("b", 3000, None, "2024-11-16")], "evolving", "later"),
        ([_claim("a", 3000, None, None), _claim("b", 12000, None, "2024-11-16")], "disagree", "unknown"),
        ([_claim("a", 3000), _claim("a", 12000)], "single-source", "Only"),
        ([_claim("a", None), _claim("b", None)], "no figures", "without a number"),
        ([_claim("a", 12000), _claim("b", None)], "single-source", "gives a figure"),
        ([_claim("a", 10000, None, value_high=12000), _claim("b", 11000, "around", "2024-11-17")], "agree", "agree"),
    ],
)
def test_topic_status_names_the_rule_that_fired(claims, status, words):
    found_status, rule = topic_status(claims, "troops")
    assert found_status == status
    assert words in rule


def _people(source, value, qualifier, day, role):
    return replace(_claim(source, value, qualifier, day, unit="people"), counted=f"people {role}")


def test_a_later_report_with_a_new_figure_is_evolving_even_when_qualifiers_overlap():
    # "more than 1,900 missing" and, a day later, "at least 89 missing" could both be true, but the
    # later report gives a new figure: the count moved (missing people are found), not agreement.
    claims = [_people("a", 1900, "more than", "2024-11-03", "missing"), _people("b", 89, "at least", "2024-11-04", "missing")]
    status, rule = topic_status(claims, "people", "people missing")
    assert status == "evolving"
    assert topic_verdict(status, rule, claims, "people missing").startswith("Fell from more than 1,900 people")
    # Reported the same day, the qualifiers decide: both can be true.
    same_day = [_people("a", 1900, "more than", "2024-11-03", "missing"), _people("b", 89, "at least", "2024-11-03", "missing")]
    assert topic_status(same_day, "people", "people missing")[0] == "agree"


def test_a_smaller_later_part_of_a_count_that_only_grows_is_no_change():
    claims = [_people("a", 1000, "more than", "2025-03-29", "killed"), _people("b", 144, "at least", "2025-03-30", "killed")]
    assert topic_status(claims, "people", "people killed")[0] == "agree"



def test_month_precision_report_is_ordered_by_its_whole_month():
    # A report dated only "Oct 2024" may be from 31 Oct: within a week of 2 Nov -> same period.
    october = replace(_claim("a", 3000), reported_on=PublishedDate("2024-10", "month", True, "Oct 2024", "2024-10-01", "2024-10-31"))
    status, _rule = topic_status([october, _claim("b", 12000, None, "2024-11-02")], "troops")
    assert status == "disagree"


def test_build_topic_orders_claims_by_report_date():
    topic = build_topic("t", "T", "troops", True, [_claim("late", 5, day="2024-12-01"), _claim("early", 5, day="2024-06-20")])
    assert topic.sources == ("early", "late")


# --------------------------------------------------------------------------- columns and export


def test_an_outlet_with_two_articles_gets_one_column_per_article(corpus):
    articles = list(corpus.articles)
    twin = replace(articles[0], source_file="copy.txt", outlet=articles[1].outlet)
    columns = comparison_columns([*articles[1:], twin])
    assert len(columns) == len(articles)
    doubled = [column for column in columns if column.outlet == articles[1].outlet]
    assert len(doubled) == 2 and doubled[0].label != doubled[1].label


def test_csv_export_has_an_explicit_empty_cell_for_silent_sources(corpus, claimset):
    columns = comparison_columns(corpus.articles)
    rows = list(csv.DictReader(io.StringIO(comparison_csv([claimset.topic(TROOPS)], columns))))
    assert {row["source_file"] for row in rows} == {article.source_file for article in corpus.articles}
    silent = [row for row in rows if row["quote"] == NOT_MENTIONED]
    assert silent and all(not row["attributed_to"] for row in silent)
    assert any(row["qualifier"] == "up to" and row["value"] == "12000.0" for row in rows)


# --------------------------------------------------------------------------- topics.json


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        ('{"topics": [{"label": "no id"}]}', "malformed"),
        ('{"topics": [{"id": "Bad Id!", "label": "x", "phrases": []}]}', "malformed"),
        ('{"threshold": 2, "topics": []}', "between 0 and 1"),
    ],
)
def test_broken_topic_list_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "topics.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoryLensError, match=message):
        load_topic_seeds(path)


def test_missing_topic_list_is_a_clear_error(tmp_path):
    with pytest.raises(StoryLensError, match="missing"):
        load_topic_seeds(tmp_path / "nope.json")


# --------------------------------------------------------------------------- CLI


def test_cli_prints_claims_as_json(bundled_data_dir, claimset, capsys):
    assert main(["claims", "--json", "--data", str(bundled_data_dir)]) == 0
    claims = json.loads(capsys.readouterr().out)
    required = {"topic", "source_file", "quote", "attributed_to", "value", "value_high", "unit", "qualifier",
                "reported_on", "hedged", "sentence_index", "outlet"}
    assert claims and all(required <= set(claim) for claim in claims)
    assert {"date", "precision", "stated", "clue"} <= set(claims[0]["reported_on"])


def test_cli_prints_topics_with_status_rule_and_sources(bundled_data_dir, claimset, capsys):
    assert main(["claims", "--topics", "--json", "--data", str(bundled_data_dir)]) == 0
    topics = {topic["topic"]: topic for topic in json.loads(capsys.readouterr().out)}
    assert topics[TROOPS]["status"] == "agree" and topics[TROOPS]["rule"]
    assert len(topics[TROOPS]["sources"]) >= 2 and topics[TROOPS]["claims"] >= 3
    troops = topics[TROOPS]
    assert troops["counted"] == "troops sent" and troops["verdict"].endswith(".") and troops["verdict"].count(". ") == 0
    days = [figure["reported_on"] or "9999" for figure in troops["figures"]]
    assert days == sorted(days), "figures in report-date order (undated last)"
    assert {"outlet", "figure", "value", "counted", "planned", "quote"} <= set(troops["figures"][0])
    assert troops["differences"] == []
    assert all({"outlet", "quote"} <= set(point) for topic in topics.values() for point in topic["lone_points"])


def test_cli_question_names_the_kind_it_compared(bundled_data_dir, claimset, capsys):
    question = "How many North Korean troops were killed or wounded?"
    assert main(["claims", "--json", "--data", str(bundled_data_dir), "--question", question]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["status"] == "no match" and row["counted"] == "troops killed or wounded"
    assert row["verdict"] == "The articles give no figures of troops killed or wounded."
    assert main(["claims", "--data", str(bundled_data_dir), "--question", question]) == 0
    assert "(compared: figures of troops killed or wounded)" in capsys.readouterr().out


def test_a_statement_row_names_points_only_one_source_makes_and_judges_no_agreement(claimset):
    rows = [topic for topic in claimset.topics if topic.status == "no figures" and topic.lone]
    assert rows, "some statement row has a point only one source makes"
    for topic in rows:
        assert "only one source makes" in topic.verdict and "not judged" in topic.verdict
        lone = [claim for claim in topic.claims if topic.is_lone(claim)]
        assert lone and all(claim.value is None for claim in lone)
        assert {claim.outlet for claim in lone} <= {claim.outlet for claim in topic.claims}
    # A point several sources make is not lone: the troop figures are echoed across outlets.
    assert not claimset.topic(TROOPS).lone or claimset.topic(TROOPS).status != "no figures"


def test_cli_question_builds_a_row(bundled_data_dir, claimset, capsys):
    assert main(["claims", "--json", "--data", str(bundled_data_dir), "--question", "drone attacks on Kyiv"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["topic"] == "question" and row["claims"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["claims", "--topic", "no-such-topic"], "No topic 'no-such-topic'"),
        (["claims", "--question", ""], "Type a topic or a question"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(bundled_data_dir, claimset, capsys, argv, message):
    assert main([*argv, "--data", str(bundled_data_dir)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


# --------------------------------------------------------------------------- end to end with a later report


LATER_REPORT = """North Korean troop numbers in Russia keep climbing, Seoul says

First Published: Dec 20 2024 | 3:57 PM IST

South Korea's spy agency said on Friday that North Korea has now sent more than 20,000 troops to Russia, far more than first reported.

The National Intelligence Service told lawmakers in Seoul that the deployment had grown steadily since October and that more units were being trained.

Lawmakers said the agency expects further rotations of North Korean soldiers early next year.
"""

SAME_WEEK_REPORT = """Only a few thousand North Koreans in Russia, Moscow-friendly outlet claims

First Published: Nov 17 2024 | 9:10 AM IST

A pro-Kremlin outlet said on Sunday that about 3,000 North Korean troops have been sent to Russia, far fewer than Western intelligence estimates.

The outlet said the soldiers were only in training camps and were not at the front.
"""


def _corpus_with(tmp_path, name: str, text: str):
    import shutil

    from lib.core.settings import load_settings
    from lib.ingest.corpus import load_corpus
    from tests.conftest import BUNDLED

    shutil.copytree(BUNDLED, tmp_path / "articles")
    (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    return load_corpus(load_settings(tmp_path))


def test_a_later_report_with_a_larger_figure_makes_the_troop_topic_evolving(tmp_path, embedder):
    corpus = _corpus_with(tmp_path, "900_later.txt", LATER_REPORT)
    topic = build_claims(corpus, embedder).topic(TROOPS)
    assert any(claim.source_file == "900_later.txt" and claim.value == 20000 for claim in topic.claims)
    assert topic.status == "evolving", topic.rule
    assert "changed over time" in topic.rule and "more than 20,000 troops" in topic.rule


def test_a_same_week_report_with_a_smaller_figure_makes_the_troop_topic_disagree(tmp_path, embedder):
    corpus = _corpus_with(tmp_path, "901_same_week.txt", SAME_WEEK_REPORT)
    topic = build_claims(corpus, embedder).topic(TROOPS)
    assert any(claim.source_file == "901_same_week.txt" and claim.value == 3000 for claim in topic.claims)
    assert topic.status == "disagree", topic.rule
    assert "same period" in topic.rule


def test_an_empty_collection_has_no_claims(empty_settings, capsys):
    assert main(["claims", "--json", "--data", str(empty_settings.data_dir)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["claims", "--topics", "--data", str(empty_settings.data_dir)]) == 0
    assert "No comparable claims" in capsys.readouterr().out


def test_question_that_matches_nothing_says_so(corpus, claimset, embedder):
    topic = question_topic(corpus, claimset, "weather forecast for Paris tomorrow", embedder)
    assert topic.claims == () and topic.status == "no match"
    assert "No source has a sentence close enough" in topic.rule


def test_question_row_leaves_out_weak_matches_from_unrelated_articles(corpus, claimset, embedder):
    topic = question_topic(corpus, claimset, "How many drones did Russia launch?", embedder)
    assert {claim.source_file[:3] for claim in topic.claims} == {"004"}


def test_sentences_that_fit_no_seed_form_automatic_topics_across_articles(corpus, embedder, tmp_path):
    only_troops = json.loads((Path("lib/claims/topics.json")).read_text(encoding="utf-8"))
    only_troops["topics"] = [topic for topic in only_troops["topics"] if topic["id"] == TROOPS]
    path = tmp_path / "topics.json"
    path.write_text(json.dumps(only_troops), encoding="utf-8")
    claimset = build_claims(corpus, embedder, topics_path=path)
    automatic = [topic for topic in claimset.topics if not topic.seeded]
    assert automatic, "the Japan/treaty/weapons statements should cluster into automatic topics"
    for topic in automatic:
        assert topic.topic_id.startswith("auto-") and topic.label.startswith("Also compared: ")
        assert len(topic.sources) >= 2  # a cluster from one article has nothing to compare
    assert claimset.topic(TROOPS).status == "agree"


def test_the_ministry_said_is_credited_to_the_ministry_named_earlier(claimset):
    agenda = [claim for claim in claimset.claims if claim.quote.startswith("High on the agenda")]
    assert agenda and all(claim.attributed_to == "Japan's Foreign Ministry" for claim in agenda)


def test_he_said_is_credited_to_the_speaker_of_the_previous_sentence(claimset):
    remarks = [claim for claim in claimset.claims if "totally unacceptable" in claim.quote]
    assert remarks and all(claim.attributed_to == "Japan's top government spokesman" for claim in remarks)


def test_overview_says_each_verdict_in_words(claimset):
    rows = {row["Topic"]: row for row in topics_overview(claimset.topics)}
    troops = rows[claimset.topic(TROOPS).label]
    assert troops["Verdict"] == "sources agree" and troops["Sources"] >= 2
    assert "up to 12,000 troops" in troops["Figures"]


@pytest.mark.parametrize(
    "topic_id, quote_start",
    [
        ("weapons-to-russia", "North Korea has been supplying Russia with artillery"),
        ("troops-in-combat", "These troops are expected to reinforce"),
    ],
)
def test_plain_statements_close_to_one_topic_are_claims_too(claimset, topic_id, quote_start):
    # No figure, speaker or stance word, but unmistakably on one seed topic (STRONG_MATCH).
    assert any(claim.quote.startswith(quote_start) for claim in claimset.topic(topic_id).claims)


# --------------------------------------------------------------------------- clustering at scale


@pytest.fixture(scope="module")
def sentence_matrix(corpus, embedder):
    """Real vectors of every body sentence of the bundled corpus (one row per sentence)."""
    import numpy as np

    from lib.text.embed import article_vectors

    vectors = article_vectors(corpus.store, corpus.articles, embedder)
    return np.vstack([vectors[article.article_id] for article in corpus.articles])


@pytest.mark.parametrize("limit", [8, 20])
def test_large_leftover_sets_are_split_into_bounded_cells_covering_every_sentence(sentence_matrix, limit):
    """Beyond the block size no all-pairs matrix is built: each exactly-clustered cell has at most `limit` rows."""
    from lib.claims.grouping import _coarse_cells

    positions = list(range(len(sentence_matrix)))
    cells = _coarse_cells(sentence_matrix, positions, limit)
    assert len(sentence_matrix) > 2 * limit
    assert all(0 < len(cell) <= limit for cell in cells)
    assert sorted(position for cell in cells for position in cell) == positions


def test_small_leftover_sets_are_clustered_exactly_as_before(sentence_matrix):
    """Up to CLUSTER_BLOCK rows the clustering is plain average linkage over all pairs."""
    from sklearn.cluster import AgglomerativeClustering

    from lib.claims.grouping import (
        AUTO_CLUSTER_SIMILARITY,
        CLUSTER_BLOCK,
        cluster_leftovers,
    )

    assert len(sentence_matrix) <= CLUSTER_BLOCK
    reference = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - AUTO_CLUSTER_SIMILARITY
    ).fit(sentence_matrix).labels_
    assert cluster_leftovers(sentence_matrix) == [int(label) for label in reference]


def test_near_identical_sentences_stay_together_when_the_set_is_split_into_cells(sentence_matrix):
    """Three slightly different copies of each bundled sentence, clustered in cells of 40:
    every sentence's copies share one automatic-topic cluster."""
    import numpy as np

    from lib.claims.grouping import _coarse_cells, cluster_leftovers

    copies = np.vstack([sentence_matrix] * 3)
    copies = copies + np.random.default_rng(0).normal(0, 0.01, copies.shape)
    copies = (copies / np.linalg.norm(copies, axis=1, keepdims=True)).astype(np.float32)
    assert len(_coarse_cells(copies, list(range(len(copies))), 40)) >= 3
    labels = cluster_leftovers(copies, limit=40)
    rows = len(sentence_matrix)
    split = [i for i in range(rows) if len({labels[i], labels[i + rows], labels[i + 2 * rows]}) > 1]
    assert not split, f"{len(split)} sentences had their copies put in different clusters"
    assert len(set(labels)) > 10  # and the bundled sentences are not lumped into a few clusters


def test_an_empty_topic_list_gives_automatic_topics_only(corpus, embedder, tmp_path):
    path = tmp_path / "topics.json"
    path.write_text(json.dumps({"threshold": 0.5, "topics": []}), encoding="utf-8")
    claimset = build_claims(corpus, embedder, topics_path=path)
    assert claimset.topics and not any(topic.seeded for topic in claimset.topics)


def test_a_topic_where_thousands_of_sources_agree_is_agree():
    claims = [_claim(f"s{i}", 12000 + (i % 7) * 100, "around") for i in range(2000)]
    assert topic_status(claims, "troops")[0] == "agree"


@pytest.mark.parametrize("sources", [13, 300])
def test_a_rule_lists_a_bounded_number_of_clashing_pairs_and_counts_the_rest(sources):
    """Every two of these same-day figures clash (each is 1.2x the previous): the rule names
    MAX_LISTED_REASONS pairs in words and says how many more there are."""
    from lib.claims.status import MAX_LISTED_REASONS

    claims = [_claim(f"s{i:03d}", round(1000 * 1.2**i)) for i in range(sources)]
    status, rule = topic_status(claims, "troops")
    pairs = sources * (sources - 1) // 2
    assert status == "disagree"
    assert rule.count("from the same period") == MAX_LISTED_REASONS
    assert f"and {pairs - MAX_LISTED_REASONS} more such pairs" in rule


def test_an_undated_report_is_listed_but_does_not_decide_between_dated_ones():
    claims = [_claim("a", 3000, None, "2024-10-01"), _claim("b", 12000, None, "2024-11-16"), _claim("c", 50, None, None)]
    status, rule = topic_status(claims, "troops")
    assert status == "evolving"
    assert "unknown or vague date (c: 50 troops) are shown but do not decide" in rule


def test_an_evolving_verdict_is_one_sentence_naming_the_first_and_last_figure_with_dates():
    topic = build_topic(
        "t", "T", "troops", True,
        [replace(_claim("b", 12000, None, "2024-12-01"), counted="troops sent"),
         replace(_claim("a", 3000, None, "2024-10-01"), counted="troops sent")],
        "troops sent",
    )
    assert topic.status == "evolving"
    assert topic.verdict.count(". ") == 0 and topic.verdict.endswith(".")
    assert topic.verdict == "Rose from 3,000 troops (Oct 2024) to 12,000 troops (Dec 2024)."


def test_an_evolving_verdict_names_the_peak_the_latest_figure_and_a_same_period_difference():
    claims = [
        replace(_claim("a", 3000, "about", "2024-10-23"), counted="troops sent"),
        replace(_claim("b", 11000, None, "2024-12-20", outlet="Seoul"), counted="troops sent"),
        replace(_claim("c", 13000, "more than", "2024-12-27", outlet="Kyiv"), counted="troops sent"),
        replace(_claim("d", 15000, "about", "2025-04-30"), counted="troops sent"),
        replace(_claim("e", 10000, "about", "2025-11-04"), counted="troops sent"),
    ]
    topic = build_topic("t", "T", "troops", True, claims, "troops sent")
    assert topic.status == "evolving"
    assert topic.verdict == (
        "Rose from about 3,000 troops (Oct 2024) to about 15,000 troops (Apr 2025), latest about 10,000 troops "
        "(Nov 2025); in Dec 2024 Seoul and Kyiv differed: 11,000 troops vs more than 13,000 troops."
    )
    assert [(one.outlet, other.outlet) for one, other in period_differences(claims, "troops sent")] == [("Seoul", "Kyiv")]


def test_a_planned_figure_is_shown_but_does_not_decide():
    planned = replace(_claim("b", 10000, "around", "2024-10-24"), counted="troops sent",
                      quote="Pyongyang intends to have around 10,000 troops in Russia by December.")
    claims = [replace(_claim("a", 3000, "about", "2024-10-23"), counted="troops sent"), planned]
    assert is_planned_claim(planned) and not is_planned_claim(claims[0])
    status, rule = topic_status(claims, "troops", "troops sent")
    assert status == "single-source"
    assert period_differences(claims, "troops sent") == []
    assert topic_status(claims[:1] + [replace(planned, quote="Around 10,000 troops are in Russia.")], "troops", "troops sent")[0] == "disagree"


def test_only_figures_of_the_rows_kind_are_compared():
    killed = replace(_claim("b", 300, None, "2024-10-02"), counted="troops killed")
    sent = [replace(_claim("a", 12000, None, "2024-10-01"), counted="troops sent"), killed]
    status, _rule = topic_status(sent, "troops", "troops sent")
    assert status == "single-source"


def test_every_figure_in_a_topic_row_is_of_the_rows_kind(corpus, embedder):
    claimset = build_claims(corpus, embedder)
    figures = [(topic.counted, claim.counted) for topic in claimset.topics for claim in topic.figures]
    assert figures
    assert all(kind == counted for kind, counted in figures)
    assert claimset.topic(TROOPS).counted == "troops sent"


def test_a_question_for_killed_or_wounded_says_the_articles_give_no_such_figure(corpus, embedder):
    claimset = build_claims(corpus, embedder)
    topic = question_topic(corpus, claimset, "How many North Korean troops were killed or wounded?", embedder)
    assert topic.counted == "troops killed or wounded"
    assert not topic.figures
    assert topic.verdict == "The articles give no figures of troops killed or wounded."


def test_a_question_for_troops_sent_compares_figures_of_troops_sent(corpus, embedder):
    claimset = build_claims(corpus, embedder)
    topic = question_topic(corpus, claimset, "How many North Korean troops were sent to Russia?", embedder)
    assert topic.compared == "figures of troops sent"
    assert topic.figures and all(claim.counted == "troops sent" for claim in topic.figures)


def test_cli_topics_json_carries_kind_verdict_and_figures_in_time_order(bundled_data_dir, claimset, capsys):
    assert main(["claims", "--topics", "--json", "--data", str(bundled_data_dir)]) == 0
    rows = {row["topic"]: row for row in json.loads(capsys.readouterr().out)}
    troops = rows[TROOPS]
    assert troops["counted"] == "troops sent" and troops["compared"] == "figures of troops sent"
    assert troops["status"] == "agree" and troops["verdict"].startswith("2 sources agree on the figures of troops sent")
    days = [figure["reported_on"] for figure in troops["figures"]]
    assert days == sorted(days) and {figure["counted"] for figure in troops["figures"]} == {"troops sent"}


def test_cli_question_says_which_kind_it_compared(bundled_data_dir, claimset, capsys):
    question = "How many North Korean troops were killed or wounded?"
    assert main(["claims", "--data", str(bundled_data_dir), "--question", question]) == 0
    out = capsys.readouterr().out
    assert "(compared: figures of troops killed or wounded)" in out
    assert "The articles give no figures of troops killed or wounded." in out


def test_a_row_without_figures_says_who_each_source_credits_and_does_not_judge(claimset):
    topic = claimset.topic("japan-stance")
    assert topic.status == "no figures"
    assert "does not judge whether they agree" in topic.rule
    assert "Business Standard (AP) cites Japan's Foreign Ministry" in topic.rule


def test_columns_name_outlets_as_a_reader_says_them_and_keep_same_day_reports_apart(corpus):
    from lib.present.compare_table import comparison_columns

    articles = list(corpus.articles)
    twin = replace(articles[0], source_file="twin.txt", article_id="twin")
    labels = [column.label for column in comparison_columns([*articles, twin])]
    assert not any("site not named" in label or ".txt" in label for label in labels)
    assert len(set(labels)) == len(labels)


def test_seed_topics_belong_to_their_data_folder(tmp_path):
    from lib.claims.topics import TOPICS_FILE, seeds_file
    from lib.core.settings import load_settings

    stories = tmp_path / "stories"
    story = stories / "rice"
    story.mkdir(parents=True)
    main_folder = tmp_path / "main"
    main_folder.mkdir()
    settings = replace(load_settings(main_folder), collections_dir=stories)
    # The main data folder (the bundled story by default) keeps the shipped seeds ...
    assert seeds_file(settings) == TOPICS_FILE
    # ... a story started under the stories folder has none: another story's rows are never offered there ...
    assert seeds_file(replace(settings, data_dir=story)) is None
    assert load_topic_seeds(None)[1] == []
    # ... unless it has its own file, which wins everywhere.
    own = story / "topics.json"
    own.write_text('{"threshold": 0.6, "topics": [{"id": "price", "label": "Price", "phrases": ["price"]}]}', encoding="utf-8")
    assert seeds_file(replace(settings, data_dir=story)) == own
    threshold, seeds = load_topic_seeds(seeds_file(replace(settings, data_dir=story)))
    assert threshold == 0.6 and [seed.topic_id for seed in seeds] == ["price"]


def test_a_forecast_whose_subject_comes_from_the_sentence_before_is_planned():
    # The quote alone counts "1万人" as people; the claim counts troops (named in the sentence before).
    # Its figure is still found in the quote, so the forecast wording makes it planned, never a count.
    claim = Claim(
        topic="t", source_file="a05.txt", article_id="a05", quote="12月ごろまでには合計で1万人ほどになるとみている。",
        sentence_index=3, attributed_to="国情院", value=10000.0, value_high=None, unit="troops", qualifier="around",
        reported_on=_date("2024-10-23"), hedged=False, outlet="聯合ニュース", counted="troops sent",
    )
    assert is_planned_claim(claim)
