"""Event-date resolution: relative to the publication date, with precision and the exact clue words."""

import pytest

from lib.core.models import PublishedDate
from lib.text.dates import (
    find_date_phrases,
    reference_interval,
    report_window,
    resolve_dates,
)


def day(iso: str) -> PublishedDate:
    return PublishedDate(date=iso, precision="day", stated=True, clue="test", earliest=iso, latest=iso)


def only(sentence: str, published: PublishedDate | None):
    resolved = resolve_dates(sentence, published)
    assert len(resolved) == 1, resolved
    return resolved[0]


@pytest.mark.parametrize(
    "sentence, published, start, end, precision, clue",
    [
        # weekdays: the most recent such day, the publication day itself included
        ("The Japanese government on Thursday expressed their concern.", "2024-06-20", "2024-06-20", "2024-06-20", "day", "on Thursday"),
        ("under the strategic partnership treaty signed Wednesday, noting the deal", "2024-06-20", "2024-06-19", "2024-06-19", "day", "Wednesday"),
        ("The minister spoke to reporters on Wednesday.", "2024-06-19", "2024-06-19", "2024-06-19", "day", "on Wednesday"),
        ("The minister spoke to reporters on Wednesday.", "2024-06-21", "2024-06-19", "2024-06-19", "day", "on Wednesday"),
        ("Japan's foreign minister arrived in Kyiv on Saturday to discuss the war.", "2024-11-16", "2024-11-16", "2024-11-16", "day", "on Saturday"),
        ("Russia attacked Ukraine in the early hours of Saturday morning.", "2024-11-16", "2024-11-16", "2024-11-16", "day", "Saturday morning"),
        ("The ministry said on Tuesday that talks had failed.", "2025-01-02", "2024-12-31", "2024-12-31", "day", "on Tuesday"),
        # weeks, including across a month end
        ("Last week, Ukrainian officials said troops engaged in fighting.", "2024-11-16", "2024-11-04", "2024-11-10", "week", "Last week"),
        ("Officials met last week in Seoul.", "2024-12-03", "2024-11-25", "2024-12-01", "week", "last week"),
        ("Officials met earlier this week in Seoul.", "2024-12-05", "2024-12-02", "2024-12-05", "week", "earlier this week"),
        # months, including year boundaries
        ("The two countries signed a treaty last June.", "2025-03-01", "2024-06-01", "2024-06-30", "month", "last June"),
        ("The two countries signed a treaty last June.", "2024-08-01", "2024-06-01", "2024-06-30", "month", "last June"),
        ("The pact was signed last December.", "2025-01-10", "2024-12-01", "2024-12-31", "month", "last December"),
        ("The pact was signed in January.", "2024-12-10", "2024-01-01", "2024-01-31", "month", "in January"),
        ("The minister will visit Seoul in January.", "2024-12-10", "2025-01-01", "2025-01-31", "month", "in January"),
        ("Troops crossed the border earlier this month.", "2024-12-03", "2024-12-01", "2024-12-03", "month", "earlier this month"),
        ("Prices rose last month.", "2024-03-15", "2024-02-01", "2024-02-29", "month", "last month"),
        # days without a year, and day words
        ("Ukraine launched a surprise push on August 6.", "2024-11-16", "2024-08-06", "2024-08-06", "day", "on August 6"),
        ("A bond auction is due on June 24.", "2025-06-20", "2025-06-24", "2025-06-24", "day", "on June 24"),
        ("The capital was attacked overnight by drones.", "2024-11-16", "2024-11-15", "2024-11-16", "day", "overnight"),
        ("The envoy arrived yesterday.", "2024-03-01", "2024-02-29", "2024-02-29", "day", "yesterday"),
        # "ago" with a qualifier is a span of the unit's size
        ("Ties grew after the war began nearly four years ago.", "2026-01-15", "2022-01-15", "2022-07-15", "year", "nearly four years ago"),
        ("The talks ended three days ago.", "2024-10-10", "2024-10-07", "2024-10-07", "day", "three days ago"),
    ],
)
def test_relative_phrases_resolve_against_the_publication_date(sentence, published, start, end, precision, clue):
    resolved = only(sentence, day(published))
    assert (resolved.start, resolved.end, resolved.precision, resolved.clue) == (start, end, precision, clue)
    assert sentence[resolved.char_start : resolved.char_end] == resolved.clue
    assert resolved.relative


@pytest.mark.parametrize(
    "sentence, start, end, precision",
    [
        ("The treaty was signed on June 19, 2024, in Pyongyang.", "2024-06-19", "2024-06-19", "day"),
        ("The treaty was signed on 19 June 2024 in Pyongyang.", "2024-06-19", "2024-06-19", "day"),
        ("Talks were held on Oct. 5, 2024.", "2024-10-05", "2024-10-05", "day"),
        ("The treaty took effect 2024-12-04.", "2024-12-04", "2024-12-04", "day"),
        ("Russia's war in Ukraine, which began in February 2022.", "2022-02-01", "2022-02-28", "month"),
        ("The plan was changed in 2009.", "2009-01-01", "2009-12-31", "year"),
        ("Troops moved in late 2024.", "2024-09-01", "2024-12-31", "year"),
    ],
)
def test_explicit_dates_resolve_without_a_publication_date(sentence, start, end, precision):
    resolved = only(sentence, None)
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)
    assert not resolved.relative


def test_a_time_zone_after_the_date_does_not_shift_the_day():
    # dateparser reads "IST" as Israel time and can move a date; only the calendar text is parsed here.
    resolved = only("First Published: Nov 16 2024 | 3:57 PM IST", None)
    assert (resolved.start, resolved.end) == ("2024-11-16", "2024-11-16")


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May met Emmanuel Macron in Paris.",
        "The bill may pass before parliament breaks.",
        "May I ask what the minister meant?",
        "General Marchenko said the front was stable.",
        "Marching orders were given to the brigade.",
        "A total of 25,000 workers from North Korea are to be dispatched there.",
        "Japan's debt ratio of 232.7% is the highest among developed economies.",
        "Some 2000 troops crossed the river.",
        "The issuance of 20-year bonds will fall.",
        "The fund holds $2024 per person.",
        "Reports said 12,000 North Korean troops were sent.",
    ],
)
def test_words_and_numbers_that_look_like_dates_are_not_dates(sentence):
    assert find_date_phrases(sentence) == ()


@pytest.mark.parametrize(
    "sentence",
    ["The treaty was signed Wednesday.", "Officials met last week.", "The pact was signed last June.", "It happened overnight."],
)
def test_relative_phrases_are_not_guessed_without_a_publication_date(sentence):
    assert resolve_dates(sentence, None) == []
    assert resolve_dates(sentence, PublishedDate.unknown()) == []


def test_a_weekday_in_an_article_of_unknown_day_becomes_a_span():
    month = PublishedDate(date="2024-10", precision="month", stated=False, clue="inferred")
    resolved = only("Officials met on Friday.", month)
    assert resolved.start < resolved.end
    assert resolved.precision == "month"
    assert (resolved.start, resolved.end) == ("2024-09-27", "2024-10-25")


def test_an_interval_publication_date_is_inherited_by_the_event():
    between = PublishedDate(date="2025", precision="year", stated=False, clue="inferred", earliest="2025-08-01", latest="2026-02-28")
    resolved = only("KCNA said on Friday that Kim toured factories.", between)
    assert resolved.precision == "year"
    assert resolved.start <= "2025-08-01" and resolved.end >= "2026-02-27"


def test_an_uncertain_publication_date_can_still_give_a_month():
    # Any publication day from Jul 2024 to Jun 2025 puts "last June" in June 2024.
    between = PublishedDate(date="2024", precision="year", stated=False, clue="inferred", earliest="2024-07-01", latest="2025-06-30")
    resolved = only("The two countries signed a treaty last June.", between)
    assert (resolved.start, resolved.end, resolved.precision) == ("2024-06-01", "2024-06-30", "month")


@pytest.mark.parametrize(
    "sentence, role, future",
    [
        ("Kim ordered a major expansion of missile production for 2026.", "target", False),
        ("The ministry proposed cuts through the end of March 2026.", "target", False),
        ("Ties have grown closer since Moscow's invasion of Ukraine nearly four years ago.", "since", False),
        ("New plans are expected to be unveiled at the party congress in early 2026.", "event", True),
        ("The government on Thursday expressed concern that cooperation will be deepened.", "event", False),
        ("Ishiba is scheduled to visit the Netherlands next week.", "event", True),
        # a compound adjective is no past verb: the plan stays a plan
        ("The prime minister will visit the worst-hit islands on Thursday.", "event", True),
        ("The minister is expected to open the long-awaited bridge on Thursday.", "event", True),
        ("The storm hit the islands on Thursday.", "event", False),
        # "by" a past day in a past perfect clause: what was reached by then; a promise keeps its deadline
        ("By Sunday evening, the disaster agency had confirmed 112 deaths.", "event", False),
        ("Russia had promised to deliver the systems by Friday.", "target", False),
    ],
)
def test_each_phrase_says_what_it_dates(sentence, role, future):
    phrases = find_date_phrases(sentence)
    assert len(phrases) == 1, phrases
    assert (phrases[0].role, phrases[0].future) == (role, future)


def test_by_a_past_day_in_a_past_perfect_clause_is_that_day_not_the_next_one():
    """"By Sunday evening, the agency had confirmed 112 deaths" in a Wednesday report: the Sunday before."""
    page = PublishedDate(date="2025-04-09", precision="day", stated=True, clue="x")
    resolved = only("By Sunday evening, the disaster agency had confirmed 112 deaths.", page)
    assert (resolved.start, resolved.end, resolved.role) == ("2025-04-06", "2025-04-06", "event")


def test_reference_interval_of_a_month_is_the_whole_month():
    month = PublishedDate(date="2024-02", precision="month", stated=False, clue="x")
    assert [d.isoformat() for d in reference_interval(month)] == ["2024-02-01", "2024-02-29"]
    assert reference_interval(PublishedDate.unknown()) is None


def test_report_window_is_the_week_ending_on_a_known_publication_day():
    assert report_window(day("2024-10-26")) == ("2024-10-20", "2024-10-26", "reported on 26 Oct 2024 (no date in sentence)")
    assert report_window(PublishedDate(date="2024-10", precision="month", stated=False, clue="x")) is None
    assert report_window(PublishedDate.unknown()) is None
