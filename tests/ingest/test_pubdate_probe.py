"""Publication dates read from pasted pages written for this test, not taken from any set.

Each fixture in tests/ingest/data/pubdate_probe/ is a pasted news page (invented outlet, general
facts) printing or implying its date one of the ways pages do, in one of the app's languages:
date lines with weekday, clock time and zone ("Publié le samedi 29 mars 2025 à 14h05",
"Stand: 29.03.2025, 14:05 Uhr", "2025/3/29(土) 14:05配信", "2025. 3. 29. 14:05", Buddhist-era
"29 มี.ค. 68", "السبت ٢٩ مارس ٢٠٢٥"), "Updated" before or after "Published", a byline with a date,
a URL line, a day word beside the date it names ("gestern, am Freitag, 28. März 2025"), the time
elapsed since an event another page of the collection dates ("three days after the earthquake"), and traps
that must never date the page (a masthead showing the day it was read, related-item and comment
dates, "last June" in the body, a future appointment, a date in a name, "yesterday" in a quote,
a weekday that contradicts its date).

Header lines give the expected reading and are stripped:
  "@date: 2025-03-29 day"  the page's day, at day precision;
  "@date: 2025-04-04 week" an inferred interval at that precision holding that day;
  "@date: unknown"         the text does not fix a day: the page must not be given one;
  "@group: name"           pages loaded together (the collection inference runs over them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.core.settings import load_settings
from lib.ingest.corpus import infer_missing_dates
from lib.ingest.pipeline import build_article
from tests.support.probe_pages import load_probe_page

PROBE_DIR = Path(__file__).parent / "data" / "pubdate_probe"
PAGES = sorted(path.stem for path in PROBE_DIR.glob("*.txt"))


def _load(name: str) -> tuple[bytes, dict[str, str]]:
    return load_probe_page(PROBE_DIR / f"{name}.txt")


@pytest.fixture(scope="module")
def read_pages(tmp_path_factory):
    """Every probe page built with the real pipeline, each group loaded together, by name."""
    settings = load_settings(tmp_path_factory.mktemp("pubdate-probe"))
    groups: dict[str, list[str]] = {}
    for name in PAGES:
        groups.setdefault(_load(name)[1].get("group", name), []).append(name)
    read = {}
    for names in groups.values():
        articles = infer_missing_dates([build_article(f"{name}.txt", _load(name)[0], settings) for name in names])
        read.update(zip(names, articles))
    return read


def test_the_probe_covers_the_languages_and_the_traps():
    languages = {name.split("_")[0] for name in PAGES}
    assert languages >= {"en", "fr", "de", "es", "it", "pt", "ja", "ko", "zh", "th", "ru", "uk", "ar"}
    assert sum(_load(name)[1]["date"] == "unknown" for name in PAGES) >= 8


@pytest.mark.parametrize("name", PAGES)
def test_publication_date_of_a_probe_page(name, read_pages):
    published = read_pages[name].published
    expected = _load(name)[1]["date"].split()
    shown = f"{published.date} {published.precision} — {published.clue}"
    if expected[0] == "unknown":
        assert published.precision != "day", shown
        return
    day, precision = expected
    if precision == "day":
        assert (published.date, published.precision) == (day, precision), shown
        assert published.earliest == published.latest == day, shown
    else:  # an honest interval at that precision, holding the day
        assert published.precision == precision and not published.stated, shown
        assert published.earliest <= day <= published.latest, shown
    assert published.clue, "a dated page says where its date comes from"


def test_a_day_word_beside_its_date_dates_the_page_and_says_so(read_pages):
    published = read_pages["de_gestern_dated_event"].published
    assert (published.date, published.stated) == ("2025-03-29", False)
    assert "gestern, am Freitag, 28. März 2025" in published.clue


def test_a_korean_yesterday_with_the_day_of_the_month_keeps_the_next_day_only(read_pages):
    # "어제(27일)": the page is of the 28th; "어제(28일)": of the 29th or the 1st of the next month.
    published = read_pages["ko_eoje_dom_mid_month"].published
    assert published.precision == "unknown" and published.day_month == "--28"
    assert "어제(27일" in published.clue
    published = read_pages["ko_eoje_dom"].published
    assert published.precision == "unknown" and not published.day_month


def test_an_update_given_as_an_age_leaves_the_date_before_it_the_publication_date(read_pages):
    # "October 31, 2024 10:42 AM GMT+1 Updated 3 hours ago": the update's value is its age.
    published = read_pages["en_date_then_updated_age"].published
    assert published.date == "2024-10-31" and "update" not in published.clue.replace("Updated 3 hours ago", "")
