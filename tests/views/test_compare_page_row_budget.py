"""'All topics' draws rows in full only up to FULL_ROWS_MAX_CLAIMS claims; the others stay one pick away."""

from lib.claims.topics import Topic
from lib.core.models import Claim, PublishedDate
from lib.ui.compare import FULL_ROWS_MAX_CLAIMS, rows_in_full


def _topic(number: int, claims: int) -> Topic:
    published = PublishedDate("2024-06-01", "day", True, "printed")
    made = tuple(Claim(f"t{number}", f"f{n}.txt", f"a{n}", "A quote.", 0, "officials", None, None, None, None,
                       published, False, f"Outlet {n}") for n in range(claims))
    return Topic(f"t{number}", f"Topic {number}", None, False, "no figures", "rule", made, tuple(c.source_file for c in made))


def test_small_collections_draw_every_row():
    topics = [_topic(number, 5) for number in range(10)]
    assert rows_in_full(topics) == topics


def test_rows_stop_at_the_claims_budget_but_the_first_is_always_drawn():
    topics = [_topic(number, FULL_ROWS_MAX_CLAIMS // 3) for number in range(10)]
    assert rows_in_full(topics) == topics[:3]
    huge = [_topic(0, FULL_ROWS_MAX_CLAIMS * 2), _topic(1, 1)]
    assert rows_in_full(huge) == huge[:1]
