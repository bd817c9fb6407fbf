"""A Compare row's clashing pairs are counted and named without listing them all (lib.claims.status
._ClashTable): on random rows, every count, every set of disputed sources and the first pairs named
equal those of the plain nested loop over the sources' estimates that the rule defines; and a row of
thousands of sources is judged as a small one is."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from lib.claims.status import (
    MAX_LISTED_REASONS,
    _ClashTable,
    figure_interval,
    period_differences,
    report_span,
    stated_interval,
    topic_status,
    topic_verdict,
)
from lib.core.models import Claim, PublishedDate

QUALIFIERS = (None, None, None, "more than", "at least", "up to", "around", "nearly")


def _claim(number: int, value: float, day: date | None, qualifier: str | None, span_days: int = 0) -> Claim:
    if day is None:
        published = PublishedDate.unknown()
    else:
        last = day + timedelta(days=span_days)
        shown, precision = (day.isoformat(), "day") if span_days == 0 else (f"{day:%Y-%m}", "month")
        published = PublishedDate(shown, precision, True, shown, day.isoformat(), last.isoformat())
    source = f"s{number:05d}"
    return Claim(topic="t", source_file=source, article_id=source, quote=f"{value:g} people", sentence_index=0,
                 attributed_to=source, value=value, value_high=None, unit="people", qualifier=qualifier,
                 reported_on=published, hedged=False, outlet=f"outlet {number % 7}", counted="people killed")


def _random_headlines(rng: random.Random, count: int) -> list[Claim]:
    start = date(2025, 3, 28)
    values = [rng.choice((20, 144, 1000, 1644, 1700, 2000, 3003, 3500, 12000)) for _ in range(6)]
    claims = []
    for number in range(count):
        day = None if rng.random() < 0.1 else start + timedelta(days=rng.randrange(40))
        claims.append(_claim(number, rng.choice(values), day, rng.choice(QUALIFIERS), rng.choice((0, 0, 0, 30))))
    claims.sort(key=lambda claim: (report_span(claim.reported_on) or (date.max, date.max))[0])
    return claims


def _nested_loop(headlines: list[Claim], period_days: int, cumulative: bool) -> dict[str, list]:
    """Every clashing pair by kind, as the rule defines them, by a plain loop over every pair."""
    pairs: dict[str, list] = {"evolving": [], "disagree": [], "falls": [], "changes": []}
    for i, earlier in enumerate(headlines):
        for later in headlines[i + 1:]:
            (low, high), (low_b, high_b) = figure_interval(earlier), figure_interval(later)
            (stated_low, stated_high), (stated_low_b, stated_high_b) = stated_interval(earlier), stated_interval(later)
            spans = report_span(earlier.reported_on), report_span(later.reported_on)
            over_time = None not in spans and (spans[1][0] - spans[0][1]).days > period_days
            new_figure = not (stated_low <= stated_high_b and stated_low_b <= stated_high)
            apart = not (low <= high_b and low_b <= high)
            below = high_b < low
            if over_time and new_figure and not (cumulative and stated_high_b < stated_low and not below):
                pairs["evolving"].append((earlier, later, "evolving"))
                pairs["falls" if cumulative and below else "changes"].append((earlier, later, "evolving"))
            elif not over_time and apart:
                pairs["disagree"].append((earlier, later, "disagree"))
    return pairs


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("period_days, cumulative", [(0, True), (14, False)])
def test_counts_members_and_first_pairs_equal_the_nested_loop(seed, period_days, cumulative):
    rng = random.Random(seed)
    headlines = _random_headlines(rng, rng.choice((2, 5, 30, 120)))
    table = _ClashTable(headlines, period_days, cumulative)
    expected = _nested_loop(headlines, period_days, cumulative)
    for kind, pairs in expected.items():
        assert table.count(kind) == len(pairs), kind
        assert table.first(kind) == pairs[:MAX_LISTED_REASONS], kind
        assert table.first(kind, limit=None) == pairs, kind
        in_pairs = {id(claim) for pair in pairs for claim in pair[:2]}
        members = table.members(kind)[table.class_of]
        assert {id(claim) for claim, member in zip(headlines, members) if member} == in_pairs, kind
    disputed = {id(claim) for pair in expected["disagree"] for claim in pair[:2]}
    assert table.any_moved() == any(id(later) not in disputed for _earlier, later, _kind in expected["changes"])
    among = [rng.random() < 0.5 for _ in headlines]
    kept = {id(claim) for claim, keep in zip(headlines, among) if keep}
    assert table.first("disagree", 3, among=among) == [
        pair for pair in expected["disagree"] if id(pair[0]) in kept and id(pair[1]) in kept][:3]


def test_a_row_of_thousands_of_sources_is_judged_like_a_small_one():
    """3,000 sources repeating the figures of five (same figure, same day): the same status, and the
    rule counts every clashing pair (a loop over 4.5M pairs is what the table avoids)."""
    small = [_claim(0, 1000, date(2025, 3, 29), "more than"), _claim(1, 1644, date(2025, 3, 29), None),
             _claim(2, 3003, date(2025, 4, 2), None), _claim(3, 2000, date(2025, 4, 2), None),
             _claim(4, 3500, date(2025, 4, 9), None)]
    many = [_claim(number, claim.value, report_span(claim.reported_on)[0], claim.qualifier)
            for number in range(3000) for claim in [small[number % 5]]]
    status_small, _rule = topic_status(small, "people", "people killed")
    status, rule = topic_status(many, "people", "people killed")
    assert status == status_small == "evolving"
    assert "Some reports of the same day also differ" in rule
    # 600 sources give each figure: 3003 vs 2000 on Apr 2 are 600 x 600 pairs that disagree.
    assert f"and {600 * 600 - MAX_LISTED_REASONS} more such pairs" in rule
    verdict = topic_verdict(status, rule, many, "people killed")
    assert verdict.startswith("Rose from more than 1,000 people (Mar 2025) to 3,500 people (Apr 2025)")
    assert f"(+{600 * 600 - 1} more)" in verdict
    assert len(period_differences(small, "people killed")) == 1
