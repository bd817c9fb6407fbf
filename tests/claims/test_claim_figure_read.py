"""A claim records where its figure is written and whether it is planned when it is made, so a row's
judgement reads them instead of parsing every quote again: the recorded answers must be exactly what
reading the quote gives, and claims must survive the store's JSON unchanged."""

import json
from dataclasses import replace

import pytest

from lib.claims.build import build_claims
from lib.claims.figures import claim_quantity, is_planned_claim, without_figure
from lib.claims.topics import Topic, claim_to_json
from lib.core.models import Claim, record_from_json, record_to_json


@pytest.fixture(scope="module")
def claimset(corpus, embedder):
    return build_claims(corpus, embedder)


def _read_again(claim: Claim) -> Claim:
    return replace(claim, figure_at=None, planned=None)


def _shape(quantity):
    if quantity is None:
        return None
    return (quantity.value, quantity.value_high, quantity.unit, quantity.qualifier, quantity.text, quantity.start,
            quantity.end, quantity.is_vague, quantity.interval(), quantity.label())


def test_recorded_figure_and_plan_equal_what_the_quote_says(claimset):
    with_figures = [claim for claim in claimset.claims if claim.value is not None]
    assert len(with_figures) >= 5
    for claim in claimset.claims:
        assert claim.planned is not None, claim
        assert (claim.figure_at is not None) == (claim.value is not None), claim
        assert _shape(claim_quantity(claim)) == _shape(claim_quantity(_read_again(claim))), claim
        assert is_planned_claim(claim) == is_planned_claim(_read_again(claim)), claim
    for claim in with_figures:
        start, end = claim.figure_at
        assert claim.quote[start:end] == claim_quantity(claim).text
    # The bundled story has a planned figure ("intends to have around 10,000 troops by December"):
    # the recorded flag is not always False.
    assert any(claim.planned for claim in with_figures)


def test_a_figure_taken_away_takes_its_recorded_reading_with_it(claimset):
    claim = next(claim for claim in claimset.claims if claim.value is not None)
    bare = without_figure(claim)
    assert (bare.figure_at, bare.planned, claim_quantity(bare), is_planned_claim(bare)) == (None, False, None, False)


def test_claims_and_topics_come_back_from_stored_json_unchanged(claimset):
    for topic in claimset.topics:
        text = json.dumps(record_to_json(topic), ensure_ascii=False)
        assert record_from_json(Topic, text) == topic
        assert record_from_json(Topic, json.loads(text)) == topic
    claim = claimset.claims[0]
    assert record_from_json(Claim, json.dumps(record_to_json(claim))) == claim


def test_the_cli_json_of_a_claim_keeps_its_shape(claimset):
    data = claim_to_json(claimset.claims[0])
    assert "figure_at" not in data and "planned" not in data
    assert {"quote", "figure", "own_reporting", "reported_on"} <= set(data)


@pytest.mark.parametrize("payload", [
    '{"topic": 1}',  # a field of another type
    '{"topic": "t"}',  # fields missing
    "[1, 2]",  # not an object
    "{not json",
])
def test_a_stored_claim_of_another_shape_is_refused_as_a_value_error(payload):
    with pytest.raises(ValueError):
        record_from_json(Claim, payload)
