"""The reading eval's verdicts: a confident wrong day is wrong, an honest interval is not, floors and ceilings."""

import pytest

from eval.eval_reading import _date_verdict, _left_in_body, check_floors
from lib.core.models import PublishedDate


def published(date, precision, earliest=None, latest=None):
    return PublishedDate(date=date, precision=precision, stated=False, clue="t", earliest=earliest, latest=latest)


@pytest.mark.parametrize(
    "ours, gold, precision, verdict",
    [
        (published("2025-03-29", "day"), "2025-03-29", "day", (True, False)),
        (published("2025-03-30", "day"), "2025-03-29", "day", (False, True)),  # a confident wrong day
        (published("2025", "year", "2025-01-01", "2025-12-31"), "2025-03-29", "day", (False, False)),  # honest, not right
        (published("2024", "year", "2024-01-01", "2024-12-31"), "2025-03-29", "day", (False, True)),  # interval misses it
        (PublishedDate.unknown(), "2025-03-29", "day", (False, False)),
        (published("2019-11-19", "day"), None, "unknown", (False, True)),  # the text shows no date: never a day
        (PublishedDate.unknown(), None, "unknown", (True, False)),
    ],
)
def test_date_verdicts(ours, gold, precision, verdict):
    assert _date_verdict(ours, gold, precision) == verdict


def test_a_short_furniture_snippet_counts_only_as_a_line_of_its_own():
    assert _left_in_body("Interfax", "Top story\nInterfax\nThe treaty is in force.")
    assert not _left_in_body("Interfax", "BEIJING. Dec 5 (Interfax) - The treaty is in force, the agency said.")


def test_floors_and_wrong_count_ceilings():
    figures = {"dates.coverage.tuned": 0.8, "dates.coverage.tuned.wrong": 1}
    assert check_floors(figures, {"dates.coverage.tuned": 0.75}) == []
    assert check_floors(figures, {"dates.coverage.tuned": 0.9})
    assert check_floors(figures, {"dates.coverage.tuned.wrong": 0})
    assert check_floors(figures, {"no.such.figure": 0.5})
