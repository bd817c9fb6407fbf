"""Stated publication dates: read from the page's own date lines, never from comments or related lists."""

import pytest

from lib.core.models import RemovedBlock
from lib.ingest.pubdate import dates_in_line, find_stated_date


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Oct 26, 2024 - 00:00", "2024-10-26"),
        ("2 min read Last Updated : Nov 16 2024 | 3:57 PM IST", "2024-11-16"),
        ("First Published: Nov 16 2024 | 3:57 PM IST", "2024-11-16"),
        ("date 2024-06-20  Japan Today", "2024-06-20"),
        ("Published 3 March 2025, 10:02 GMT", "2025-03-03"),
        ("September 5th, 2024", "2024-09-05"),
        ("2024/12/01 08:00", "2024-12-01"),
        ("2025年1月15日 12時00分", "2025-01-15"),
    ],
)
def test_printed_dates_are_read_with_their_day(line, expected):
    found = dates_in_line(line)
    assert found and found[0][1].strftime("%Y-%m-%d") == expected


@pytest.mark.parametrize(
    "line",
    [
        "2 hours ago",  # relative: not a stated date
        "Ishiba is scheduled to visit the Netherlands next week",
        "Theresa May met Emmanuel Macron",
        "General Marchenko said 25,000 workers",
        "Turnout rose 12.5% in 2024",  # a year alone is not a day
        "On Wednesday, June 19",  # no year
        "Feb 30, 2024",  # impossible day
    ],
)
def test_lines_without_a_full_date_give_none(line):
    assert dates_in_line(line) == []


def test_published_line_beats_updated_line():
    removed = (
        RemovedBlock("metadata", "Last Updated : Nov 17 2024 | 9:00 AM IST", "metadata line"),
        RemovedBlock("metadata", "First Published: Nov 16 2024 | 3:57 PM IST", "metadata line"),
    )
    published = find_stated_date(removed)
    assert published.date == "2024-11-16"
    assert published.stated and published.precision == "day"
    assert "First Published" in published.clue


def test_dates_in_comments_and_related_lists_are_ignored():
    removed = (
        RemovedBlock("related", "Japan Times\nOct 3, 2025\nJapan surprises with plan", "related list"),
        RemovedBlock("comment", "Posted on Jan 1, 2025 by reader", "comment"),
    )
    assert find_stated_date(removed) is None


def test_page_metadata_date_is_used_first():
    published = find_stated_date((), metadata_date="2024-10-25")
    assert published.date == "2024-10-25" and published.stated
    assert "metadata" in published.clue


def test_only_an_update_time_is_said_in_the_clue():
    removed = (RemovedBlock("credit", "Updated March 4, 2025 at 10:15 a.m. ET", "x"),)
    published = find_stated_date(removed)
    assert published.date == "2025-03-04"
    assert "update" in published.clue


@pytest.mark.parametrize(
    "body, expected",
    [
        ("TOKYO, Oct 25, 2024 (Reuters) - Japan said on Friday it was concerned.", "2024-10-25"),
        ("SEOUL, November 12, 2024 — North Korea ratified the treaty.", "2024-11-12"),
    ],
)
def test_wire_dateline_with_a_year_is_a_stated_date(body, expected):
    published = find_stated_date((), body=body)
    assert published.date == expected and published.stated
    assert published.clue.startswith("dateline")


@pytest.mark.parametrize(
    "body",
    [
        "SEOUL, Oct 30 (Reuters) - No year in this dateline.",
        "Kim Jong Un, the leader, met Putin on June 19, 2024 - a landmark visit.",
    ],
)
def test_body_without_a_full_dateline_gives_no_date(body):
    assert find_stated_date((), body=body) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("입력 2024.10.25 18:30", "2024-10-25"),
        ("25 октября 2024, 18:30", "2024-10-25"),
        ("Опубліковано 3 листопада 2024", "2024-11-03"),
    ],
)
def test_korean_and_cyrillic_date_lines_are_read(line, expected):
    found = dates_in_line(line)
    assert found and found[0][1].strftime("%Y-%m-%d") == expected
