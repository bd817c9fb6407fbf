"""eval.eval_compare derives the gold's disagreements and main-figure ends with the page's own rules, and says
why a gold figure reaches no row."""

from __future__ import annotations

from datetime import date

import pytest

from eval.eval_compare import MISS_CAUSES, gold_disagreements, gold_ends, kind_sources, miss_cause
from lib.claims.build import build_claims


def _figure(page: str, outlet: str, day: str, kind: str, value: float, counted: str = "", low=None, high=None) -> dict:
    return {"page": page, "outlet": outlet, "day": date.fromisoformat(day), "kind": kind, "value": value,
            "low": value if low is None else low, "high": value if high is None else high, "planned": False,
            "counted": counted}


def test_a_tally_is_a_gold_disagreement_only_on_one_report_day():
    figures = [
        _figure("p1", "A", "2025-03-29", "people killed", 1644),
        _figure("p2", "B", "2025-04-02", "people killed", 3003),
        _figure("p3", "C", "2025-03-29", "people wounded", 2376, low=2138, high=2614),
        _figure("p4", "D", "2025-03-29", "people wounded", 3408),
    ]
    assert gold_disagreements(figures) == {("people wounded", "p3", "p4")}
    # the definition before tallies were told apart: 14 days for every kind
    assert gold_disagreements(figures, fixed_period=True) == {("people killed", "p1", "p2"), ("people wounded", "p3", "p4")}


def test_troops_sent_a_week_apart_are_a_gold_disagreement():
    figures = [
        _figure("p1", "A", "2024-10-23", "troops sent", 3000, low=2700, high=3300),
        _figure("p2", "B", "2024-10-29", "troops sent", 10000, low=9000, high=11000),
    ]
    assert gold_disagreements(figures) == {("troops sent", "p1", "p2")}


def test_the_main_figures_ends_leave_out_other_counts_of_its_kind():
    figures = [
        _figure("p1", "A", "2025-03-29", "people killed", 1000, "people killed by the earthquake in Myanmar"),
        _figure("p2", "B", "2025-04-04", "people killed", 3145, "people killed by the earthquake in Myanmar"),
        _figure("p3", "C", "2025-05-04", "people killed", 86, "people killed in the Bangkok tower collapse"),
    ]
    first, last = gold_ends(figures, "people killed", "in Myanmar")
    assert [f["page"] for f in first] == ["p1"] and [f["page"] for f in last] == ["p2"]
    assert [f["page"] for f in gold_ends(figures, "people killed")[1]] == ["p3"]


@pytest.fixture(scope="module")
def bundled_claims(corpus, embedder):
    return build_claims(corpus, embedder)


@pytest.mark.parametrize(
    "source, hint, number, cause",
    [
        # a part named beside the source's total: the sentence is in the troop row with its total
        ("003_", "the number of transferred North Korean troops currently stands at around 12,000", 500, "same sentence"),
        ("004_", "Of those, 55 were shot down", 55, "kind not compared"),  # a bare count says not what it counts
        ("004_", "Of those, 55 were shot down", 7, "not read"),
    ],
)
def test_a_figure_reaching_no_row_is_told_why(corpus, bundled_claims, source, hint, number, cause):
    article = next(article for article in corpus.articles if article.source_file.startswith(source))
    sources_of = kind_sources(corpus, bundled_claims)
    assert miss_cause({"hint": hint}, {float(number)}, article, bundled_claims, sources_of) == cause
    assert cause in MISS_CAUSES
