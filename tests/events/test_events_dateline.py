"""A wire dateline ("ORLEN, June 16 (ND) - ") dates the report, not what its lead tells when the lead has
a date of its own. Invented wire leads of general news."""

from __future__ import annotations

import pytest


def _lead_dates(language: str, text: str, page_day: str) -> set[tuple[str, str]]:
    from lib.core.models import Article, PublishedDate, Sentence
    from lib.events.mentions import find_event_mentions

    sentence = Sentence(0, 0, len(text), text, language)
    article = Article("id", "a.txt", "t", "o", PublishedDate(page_day, "day", True, "test"), language, text, (), (sentence,), "sha", "text", "utf-8")
    return {(m.start, m.end) for m in find_event_mentions(article)}


@pytest.mark.parametrize(
    ("language", "text", "page_day", "dates"),
    [
        ("en", "ORLEN, June 16 (ND) - Officials on Thursday raised the death toll from the crash to 57.", "2025-06-16", {("2025-06-12", "2025-06-12")}),
        ("fr", "PARIS, 16 juin (ND) - Les autorités ont relevé jeudi le bilan de l'accident à 57 morts.", "2025-06-16", {("2025-06-12", "2025-06-12")}),
        # a lead with no date of its own: the dateline's day is its day
        ("en", "ORLEN, June 16 (ND) - Officials raised the death toll from the crash to 57.", "2025-06-16", {("2025-06-16", "2025-06-16")}),
    ],
)
def test_a_wire_dateline_dates_the_report_not_a_lead_with_its_own_date(language, text, page_day, dates):
    assert _lead_dates(language, text, page_day) == dates


@pytest.mark.parametrize(
    ("language", "text", "start"),
    [
        ("de", "Mitte Juni traf ein schwerer Sturm die Küste.", "2025-06-11"),
        ("en", "A severe storm hit the coast in mid-June.", "2025-06-11"),
    ],
)
def test_a_past_interval_running_past_its_page_ends_on_the_page(language, text, start):
    """"Mitte Juni" in a report of 17 June: 11-17 June (what happened did so by the page), not 11-20."""
    dates = _lead_dates(language, text, "2025-06-17")
    assert dates and all(end <= "2025-06-17" for _start, end in dates), dates


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The storm hit the coast on Friday last week, officials said."),
        ("de", "Der Sturm traf die Küste am Freitag vergangener Woche."),
    ],
)
def test_a_day_written_with_its_week_is_one_event_of_that_day(language, text):
    assert _lead_dates(language, text, "2025-06-17") == {("2025-06-13", "2025-06-13")}
