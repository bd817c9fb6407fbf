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


def test_a_sentence_opening_the_body_is_not_a_dateline():
    assert find_stated_date((), body="Kim Jong Un, the leader, met Putin on June 19, 2024 - a landmark visit.") is None


@pytest.mark.parametrize(
    "body, day_month",
    [
        ("SEOUL, Oct 30 (Reuters) - No year in this dateline.", "10-30"),
        ("Jan. 11 (UPI) -- Ukrainian forces have captured two soldiers.", "01-11"),
        ("BEIJING. Dec 5 (Interfax) - The treaty is now in force.", "12-05"),
        ("ПЕКИН, 3 сентября. /ТАСС/. Президент России поблагодарил.", "09-03"),
        ("New Delhi, Mar 29: India dispatched rescue teams.", "03-29"),
    ],
)
def test_a_dateline_without_a_year_gives_a_day_and_month_but_no_date(body, day_month):
    published = find_stated_date((), body=body, language="ru" if "ПЕКИН" in body else "en")
    assert (published.date, published.precision, published.stated, published.day_month) == (None, "unknown", False, day_month)


@pytest.mark.parametrize(
    "line, language, expected",
    [
        ("24.10.2024 | 13:45", "ru", "2024-10-24"),
        ("п'ятниця, 22 листопада 2024, 14:10", "uk", "2024-11-22"),
        ("Datum 27.12.2024", "de", "2024-12-27"),
        ("Stand: 02.04.2025 16:54 Uhr", "de", "2025-04-02"),
        ("입력 2025년 08월 30일(토) 14:37", "ko", "2025-08-30"),
        ("入力 2025-01-13 17:42 | 수정 2025-01-13 18:05", "ko", "2025-01-13"),
        ("2025/4/30 19:26", "ja", "2025-04-30"),
        ("4 พฤษภาคม 2568 ( 18:18 )", "th", "2025-05-04"),
        ("Publié le 28 mars 2025 à 10h", "fr", "2025-03-28"),
        ("By Tim Childers 2019-11-19T12:48:14Z", "en", "2019-11-19"),
        ("Published Wed, Nov 20 20194:29 AM EST", "en", "2019-11-20"),
        ("21/06/2014 Tony Carter All, Books", "en", "2014-06-21"),
        ("By Justine Coleman - 11/18/19 11:04 PM EST", "en", "2019-11-18"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "pt", "2010-10-22"),
        ("송고시간 2025-04-30 10:12", "ko", "2025-04-30"),
    ],
)
def test_date_lines_are_read_in_many_languages_and_formats(line, language, expected):
    published = find_stated_date((RemovedBlock("metadata", line, "date line"),), language=language)
    assert (published.date, published.precision, published.stated) == (expected, "day", True)


def test_a_slash_date_whose_order_is_unclear_is_not_a_day():
    assert dates_in_line("05/06/2019") == []


def test_a_masthead_showing_today_does_not_date_the_page():
    removed = (
        RemovedBlock("other", "November 20, 2019", "date line"),
        RemovedBlock("other", "Nov. 19, 2019 8:03 am ET", "date line"),
    )
    published = find_stated_date(removed, zones=("top", "inside"))
    assert published.date == "2019-11-19"


def test_embedded_posts_and_comments_never_date_the_page():
    removed = (
        RemovedBlock("other", "— Rep. Ilhan Omar (@Ilhan) November 19, 2019", "embedded post"),
        RemovedBlock("comment", "Stephanie September 17, 2014 - 1:01 pm", "reader comment"),
    )
    assert find_stated_date(removed, zones=("inside", "foot")) is None


def test_each_date_of_a_line_takes_its_own_label():
    removed = (RemovedBlock("metadata", "Updated Nov 19, 2019 9:41 AM; Posted Nov 18, 2019 8:19 PM", "date line"),)
    assert find_stated_date(removed).date == "2019-11-18"


def test_a_yearless_posted_line_takes_the_copyright_year():
    removed = (
        RemovedBlock("metadata", "Posted Nov 19, 6:51 AM", "date line"),
        RemovedBlock("credit", "© 2019 Advance Local Media LLC. All rights reserved", "copyright line"),
    )
    published = find_stated_date(removed, zones=("head", "foot"))
    assert (published.date, published.stated) == ("2019-11-19", True)
    assert "copyright" in published.clue


def test_a_headline_naming_a_day_is_not_a_date_line():
    removed = (
        RemovedBlock("other", "Fox News Flash top entertainment headlines for Nov. 19", "related"),
        RemovedBlock("credit", "© 2019 FOX News Network, LLC", "copyright line"),
    )
    assert find_stated_date(removed, zones=("inside", "foot")) is None


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


@pytest.mark.parametrize(
    "line, metadata, expected",
    [
        # the page shows "First published" a day after the metadata's (UTC or extractor) day: the page wins
        ("First published on November 20, 2019 / 1:07 AM", "2019-11-19", "2019-11-20"),
        # a byline's date may be the last edit: the metadata's publication day stays
        ("By admin - 2018-09-16", "2018-09-15", "2018-09-15"),
        # far apart: the visible line is about something else
        ("Published November 2, 2019", "2019-11-19", "2019-11-19"),
    ],
)
def test_metadata_date_against_the_published_line_the_page_shows(line, metadata, expected):
    published = find_stated_date((RemovedBlock("metadata", line, "date line"),), metadata_date=metadata)
    assert (published.date, published.stated) == (expected, True)


def test_different_unlabelled_dates_under_the_headline_give_no_day():
    removed = (
        RemovedBlock("other", "November 12, 2019", "list item"),
        RemovedBlock("other", "October 30, 2019", "list item"),
    )
    published = find_stated_date(removed, zones=("foot", "foot"))
    assert published.precision == "unknown" and not published.stated


def test_one_unlabelled_date_under_the_headline_is_the_date():
    removed = (RemovedBlock("other", "Nov. 19, 2019 8:03 am ET", "date line"),)
    assert find_stated_date(removed, zones=("inside",)).date == "2019-11-19"


def test_an_unlabelled_date_older_than_what_the_article_reports_is_not_its_date():
    removed = (RemovedBlock("metadata", "April 5, 2018", "date line"),)
    body = "The theatre reopened on October 12, 2018 after a long renovation, its director said."
    published = find_stated_date(removed, body=body, zones=("head",))
    assert published.precision == "unknown" and "earlier than 2018-10-12" in published.clue


def test_a_labelled_date_is_kept_even_before_a_reported_day():
    removed = (RemovedBlock("metadata", "Published: April 5, 2018", "date line"),)
    body = "The theatre will reopen on October 12, 2018 after a long renovation, its director said."
    assert find_stated_date(removed, body=body, zones=("head",)).date == "2018-04-05"


def test_one_unlabelled_date_below_the_article_is_not_its_date():
    removed = (RemovedBlock("other", "November 20, 2019", "list item"),)
    published = find_stated_date(removed, zones=("foot",))
    assert published.precision == "unknown" and "below the article" in published.clue


def test_a_labelled_date_below_the_article_is_still_its_date():
    removed = (RemovedBlock("metadata", "First published on November 19, 2019 / 8:16 AM", "date line"),)
    assert find_stated_date(removed, zones=("foot",)).date == "2019-11-19"


@pytest.mark.parametrize("age", ["Published 1 day ago", "22 hours ago", "Monday 6:30PM"])
def test_a_page_dated_by_its_age_gets_no_day_from_other_dates(age):
    removed = (
        RemovedBlock("metadata", age, "date line"),
        RemovedBlock("other", "November 20, 2019", "masthead"),
    )
    published = find_stated_date(removed, zones=("head", "top"))
    assert published.precision == "unknown" and age in published.clue


def test_an_age_line_does_not_hide_a_labelled_date():
    removed = (
        RemovedBlock("metadata", "Updated 2 hours ago", "date line"),
        RemovedBlock("metadata", "Published: November 19, 2019", "date line"),
    )
    assert find_stated_date(removed, zones=("head", "head")).date == "2019-11-19"


def test_two_date_lines_that_disagree_give_their_interval_not_a_day():
    removed = (
        RemovedBlock("metadata", "November 2, 2019", "date line"),
        RemovedBlock("metadata", "November 19, 2019", "date line"),
    )
    published = find_stated_date(removed, zones=("head", "head"))
    assert (published.precision, published.date, published.earliest, published.latest) == ("month", "2019-11", "2019-11-02", "2019-11-19")
    assert not published.stated and "disagree" in published.clue


def test_date_lines_a_day_apart_still_give_the_day():
    removed = (
        RemovedBlock("metadata", "November 18, 2019", "date line"),
        RemovedBlock("metadata", "November 19, 2019", "date line"),
    )
    assert find_stated_date(removed, zones=("head", "head")).precision == "day"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("PUBLISHED: 10:48, Tue, Nov 19, 2019", "2019-11-19"),  # the weekday agrees
        ("PUBLISHED: 10:48, Tue, Nov 19, 2018", None),  # 19 Nov 2018 was a Monday: misprinted or misread
        ("Veröffentlicht am Freitag, 22. November 2024", "2024-11-22"),
        ("Veröffentlicht am Montag, 22. November 2024", None),
        ("입력 2025년 08월 30일(토) 14:37", "2025-08-30"),
        ("입력 2025년 08월 30일(일) 14:37", None),
    ],
)
def test_a_weekday_that_contradicts_the_date_gives_no_day(line, expected):
    language = "de" if "Veröffentlicht" in line else "ko" if "입력" in line else "en"
    published = find_stated_date((RemovedBlock("metadata", line, "date line"),), zones=("head",), language=language)
    assert (published.date if published and published.precision == "day" else None) == expected


def test_a_yearless_date_whose_weekday_contradicts_the_copyright_year_gets_no_day():
    removed = (
        RemovedBlock("metadata", "Posted Fri, Nov 19, 6:51 AM", "date line"),  # a Friday in 2021, not in 2019
        RemovedBlock("credit", "© 2019 Example Media", "copyright"),
    )
    published = find_stated_date(removed, zones=("head", "foot"))
    assert published.precision == "unknown" and published.day_month == "11-19"


def test_a_byline_date_below_the_article_is_another_items_not_the_pages():
    removed = (
        RemovedBlock("metadata", "By Jane Doe, March 3, 2018", "list item"),
        RemovedBlock("other", "October 2, 2019", "list item"),
    )
    published = find_stated_date(removed, zones=("foot", "foot"))
    assert published is None or published.precision != "day"


def test_a_dated_address_in_a_related_list_does_not_date_the_page():
    removed = (RemovedBlock("related", "Read more: https://example.com/2019/03/02/other-story/", "related"),)
    published = find_stated_date(removed, zones=("head",))
    assert published is None or published.precision != "day"


def test_the_pages_own_dated_address_above_the_headline_dates_it():
    removed = (RemovedBlock("other", "https://www.example.com/asia/2024/10/23/story/", "address"),)
    assert find_stated_date(removed, zones=("top",)).date == "2024-10-23"


@pytest.mark.parametrize(
    "line, language, expected",
    [
        ("29th of March, 2025", "en", "2025-03-29"),
        ("29-Mar-2025 14:05", "en", "2025-03-29"),
        ("03.29.2025", "en", "2025-03-29"),  # dotted, but only month-first can be read
        ("29-03-2025 14:05", "es", "2025-03-29"),
        ("05/03/2025 à 14h05", "fr", "2025-03-05"),  # day first in a day-first language
        ("2025. 3. 29. 14:05", "ko", "2025-03-29"),
        ("2568-03-29 14:05", "th", "2025-03-29"),  # Buddhist era
        ("29/03/2568", "th", "2025-03-29"),
        ("29.03.25, 14:05 Uhr", "de", "2025-03-29"),
    ],
)
def test_date_line_formats_of_other_conventions(line, language, expected):
    found = dates_in_line(line, language)
    assert found and found[0][1].strftime("%Y-%m-%d") == expected


@pytest.mark.parametrize("line", ["05/03/2025", "03-05-2025", "3197-03-29", "29.03.25"])
def test_numeric_dates_whose_order_or_era_cannot_be_told_give_none_on_an_english_page(line):
    assert dates_in_line(line, "en") == []


@pytest.mark.parametrize(
    "line, expected",
    [
        ("https://www.example.com/news/2025/03/29/slug/", "2025-03-29"),
        ("https://www.example.com/world/2025-03-29/slug", "2025-03-29"),
        ("http://paper.example.cn/n1/2025/0329/c1002-40449.html", "2025-03-29"),
        ("http://www.example.cn/2025-03/29/c_1131.htm", "2025-03-29"),
        ("https://www.example.co.kr/view/AKR20250329012345504", "2025-03-29"),
        ("https://www3.example.jp/news/html/20250329/k10014765431000.html", "2025-03-29"),
        ("https://cdn.example.com/images/2019/06/02/archive.jpg", None),  # an image's upload day
        ("https://example.com/article/2025/03/story", None),  # a month is not a day
        ("https://example.com/p/202503291405", None),  # a timestamp-like id, not a dated path
    ],
)
def test_a_page_address_gives_its_day_in_the_forms_sites_use(line, expected):
    from lib.ingest.pubdate import url_day

    found = url_day(line)
    assert (found[0].isoformat() if found else None) == expected
