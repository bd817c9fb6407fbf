"""Real-browser checks of issue 17 on the Search, Timeline and Articles pages at 1280x800 and 390x844:
a story started in the app and filled by paste shows only its own articles on every page; the
bundled story's overview, timeline labels and tables read as a person needs them.

Screenshots: $STORYLENS_SHOTS or test-artifacts/screenshots/stories-*.png (look at them after a change).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lib.core.settings import REPO_ROOT
from tests.browser.conftest import APP_TIMEOUT_S, SIZES, new_tab
from tools.app_server import MAIN, copy_bundled_corpus, search_box, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = Path(os.environ.get("STORYLENS_SHOTS") or REPO_ROOT / "test-artifacts" / "screenshots")
FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
SIDEBAR = '[data-testid="stSidebar"]'
STORY_NAME = "Harbour bridge 2025"
STORY_SLUG = "harbour-bridge-2025"
PASTED_TITLE = "Eastport harbour bridge closed after storm damage"
PASTED_OUTLET = "Coastal Times"
# A made-up report (no bundled story's words), with dated happenings for the timeline.
PASTED_TEXT = """Eastport harbour bridge closed after storm damage

Eastport, 14 March 2025 - The Eastport harbour bridge was closed on Thursday after a storm tore two of its support cables, the city's transport department said.

Engineers inspected the bridge on 12 March and found cracks in the north tower, officials said. Mayor Lena Ortiz announced on Friday that the repairs would cost about 40 million dollars and take at least six months.

The bridge carries about 60,000 vehicles a day, according to the transport department. Ferries will run every 20 minutes until it reopens, the port authority said.

The city council will vote on the repair budget on 2 April 2025. Shop owners on the waterfront said their takings fell by half in the first week of the closure.
"""


def shot(page, name: str, full_page: bool = True) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"stories-{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


@pytest.fixture(scope="module")
def bundled_dir(tmp_path_factory) -> Path:
    return copy_bundled_corpus(tmp_path_factory.mktemp("stories-bundled"))


@pytest.fixture(scope="module")
def app_url(start_storylens, bundled_dir) -> str:
    return start_storylens(bundled_dir)


@pytest.fixture(scope="module")
def bundled(bundled_dir):
    """What the bundled story holds, read with the CLI on the server's own folder."""

    def cli(*args):
        done = subprocess.run([sys.executable, "-m", "lib.cli", *args, "--json", "--data", str(bundled_dir)],
                              cwd=REPO_ROOT, capture_output=True, text=True, timeout=900,
                              env=dict(os.environ, HF_HUB_OFFLINE="1"))
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    articles = cli("articles")
    return {"titles": [a["title"] for a in articles], "events": cli("events")}


@pytest.fixture(scope="module")
def browser_pages(chromium):
    contexts = []

    def open_(url: str, size: str):
        return new_tab(chromium, contexts, url, *SIZES[size])

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def new_story(app_url, browser_pages) -> str:
    """Start a story in the app (sidebar -> New story -> name) and paste one article into it; its URL."""
    page = browser_pages(app_url + "/", "desktop")
    page.locator(SIDEBAR).get_by_role("button", name=re.compile("New story")).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox", name="Name of the story").fill(STORY_NAME)
    shot(page, "new-story-dialog", full_page=False)
    dialog.get_by_role("button", name="Start the story").click()
    page.wait_for_url(re.compile(rf"/articles\?.*collection={STORY_SLUG}"))
    page.locator(f"{MAIN} h1").get_by_text("Articles").wait_for(state="visible")
    wait_until_idle(page, APP_TIMEOUT_S)
    assert "no articles yet" in page.locator(MAIN).inner_text()
    page.get_by_role("textbox", name="…or paste an article's text").fill(PASTED_TEXT)
    page.get_by_role("textbox", name="Outlet", exact=True).fill(PASTED_OUTLET)
    page.get_by_role("button", name="Add to the collection").click()
    page.locator(f"{MAIN} h2").get_by_text(PASTED_TITLE).wait_for(state="visible")
    wait_until_idle(page, APP_TIMEOUT_S)
    shot(page, "new-story-filled")
    return f"{app_url}/?collection={STORY_SLUG}"


def _story_url(app_url: str, path: str) -> str:
    return f"{app_url}{path}?collection={STORY_SLUG}"


def _assert_only_the_new_story(page, bundled) -> str:
    text = page.locator(MAIN).inner_text() + page.locator(SIDEBAR).inner_text()
    shown = [title for title in bundled["titles"] if title in text]
    assert not shown, f"bundled articles shown in the new story: {shown}"
    for outlet in ("Business Standard", "Japan Today", "Kyodo", "Daily8", "AFP"):
        assert outlet not in text, outlet
    return text


# -- a story started in the app ------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_a_new_story_searches_only_its_own_articles(new_story, app_url, browser_pages, bundled, size):
    page = browser_pages(_story_url(app_url, "/"), size)
    box = search_box(page)
    box.fill("how much will the repairs cost?")
    box.press("Enter")
    page.locator(MAIN).get_by_text("40 million dollars").first.wait_for(state="visible")
    wait_until_idle(page, APP_TIMEOUT_S)
    shot(page, f"new-story-search-{size}")
    text = _assert_only_the_new_story(page, bundled)
    assert "1 report from Coastal Times" in text
    assert f"collection={STORY_SLUG}" in page.url
    assert f"collection={STORY_SLUG}" in page.locator(f'{SIDEBAR} [data-testid="stCode"]').inner_text() or size == "phone"


@pytest.mark.parametrize("size", SIZES)
def test_a_new_story_has_a_timeline_of_its_own_article(new_story, app_url, browser_pages, bundled, size):
    page = browser_pages(_story_url(app_url, "/timeline"), size)
    chart = page.locator(f"{MAIN} .js-plotly-plot").first
    chart.wait_for(state="visible")
    shot(page, f"new-story-timeline-{size}")
    text = _assert_only_the_new_story(page, bundled)
    assert "Coastal Times" in text
    labels = page.locator(f"{MAIN} .js-plotly-plot .annotation-text").all_text_contents()
    assert labels and all(not any(outlet in label for outlet in ("Kyodo", "Pyongyang")) for label in labels)


@pytest.mark.parametrize("size", SIZES)
def test_a_new_story_lists_only_its_own_article(new_story, app_url, browser_pages, bundled, size):
    page = browser_pages(_story_url(app_url, "/articles"), size)
    shot(page, f"new-story-articles-{size}", full_page=False)
    text = _assert_only_the_new_story(page, bundled)
    assert PASTED_TITLE in text and PASTED_OUTLET in text
    assert "given by the person who added it" in text or "Coastal Times" in text


def test_a_link_to_a_story_that_is_not_here_says_so_and_shows_the_bundled_one(app_url, browser_pages):
    page = browser_pages(f"{app_url}/timeline?collection=no-such-story", "desktop")
    text = page.locator(MAIN).inner_text()
    assert "There is no story 'no-such-story'" in text and "bundled story instead" in text
    assert not page.locator('[data-testid="stException"]').count()


# -- the bundled story, as a reader sees it --------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_the_overview_names_the_main_topics_and_the_latest_event(app_url, browser_pages, size):
    page = browser_pages(app_url + "/", size)
    main = page.locator(MAIN)
    main.locator('a[href*="timeline?event="]:visible').first.wait_for(state="visible")
    shot(page, f"landing-{size}", full_page=False)
    topic_links = main.locator('a[href*="compare?topic="]:visible')
    assert topic_links.count() >= 1
    assert any(verdict in main.inner_text() for verdict in ("sources agree", "sources disagree", "figure changed"))
    hrefs = [link.get_attribute("href") for link in main.locator('a[href*="timeline?event="]').all()]
    assert len(set(hrefs)) == 1, hrefs  # (a link with a tooltip carries its address twice)
    for link in topic_links.all() + [main.locator('a[href*="timeline?event="]:visible').first]:
        box = link.bounding_box()
        assert box["x"] + box["width"] <= SIZES[size][0], "an overview link runs off the screen"
    box = search_box(page).bounding_box()
    assert box["y"] + box["height"] <= SIZES[size][1], "the search box is below the first screen"


def _chart_labels(page) -> list[tuple[str, float]]:
    """Every event label on the timeline chart with its x position on screen."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot .annotation')].map(
            a => [a.textContent, Math.round(a.getBoundingClientRect().x)])"""
    )


@pytest.mark.parametrize("size", SIZES)
def test_timeline_labels_are_whole_words_and_the_chart_keeps_its_width(app_url, browser_pages, bundled, size):
    page = browser_pages(app_url + "/timeline", size)
    chart = page.locator(f"{MAIN} .js-plotly-plot").first
    chart.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    shot(page, f"timeline-{size}", full_page=False)
    plot_area = page.locator(f"{MAIN} .js-plotly-plot .nsewdrag").first.bounding_box()
    assert plot_area["width"] >= 300, plot_area
    labels = _chart_labels(page)
    assert labels
    summaries = [event["summary"] for event in bundled["events"]]
    for label, _x in labels:
        words = label.rstrip("…").split()
        assert len(words) <= 8, label
        # whole words: the label is the start of an event's summary and stops where a word ends
        stem = label.rstrip("…").rstrip()
        assert any(s.startswith(stem) and (len(s) == len(stem) or not s[len(stem)].isalnum()) for s in summaries), label
    ticks = " ".join(page.locator(f"{MAIN} .js-plotly-plot .xtick text").all_text_contents())
    assert not re.search(r"\d:\d\d|\.\d{3}", ticks), ticks  # no hours or milliseconds on the date axis
    assert not FILE_NAME.search(page.locator(MAIN).inner_text())


def test_timeline_of_the_bundled_story_has_no_duplicate_event_rows(app_url, browser_pages):
    """issue 17: the same happening in one article must be one row. Event rows come from lib/events
    (another helper's area): a failure here is reported to them, not patched in the page."""
    page = browser_pages(app_url + "/timeline", "desktop")
    page.locator(f"{MAIN} .js-plotly-plot").first.wait_for(state="visible")
    labels = _chart_labels(page)
    repeated = sorted({row for row in labels if labels.count(row) > 1})
    assert not repeated, f"duplicate event rows (label, x): {repeated}"


def test_a_typed_date_applies_on_enter(app_url, browser_pages):
    page = browser_pages(app_url + "/timeline", "desktop")
    box = page.get_by_role("textbox", name="From", exact=True)
    box.fill("2024-10")
    box.press("Enter")
    page.wait_for_url(re.compile(r"from=2024-10-01"))  # Enter applied it: no click elsewhere
    wait_until_idle(page, APP_TIMEOUT_S)
    ticks = " ".join(page.locator(f"{MAIN} .js-plotly-plot .xtick text").all_text_contents())
    assert ticks and "Jul" not in ticks and "Aug" not in ticks, ticks


@pytest.mark.parametrize("size", SIZES)
def test_articles_table_keeps_title_outlet_and_date_and_names_no_file_outside_the_detail(app_url, browser_pages, size):
    page = browser_pages(app_url + "/articles", size)
    shot(page, f"articles-{size}", full_page=False)
    grid = page.locator(f'{MAIN} [data-testid="stDataFrame"]').first
    box = grid.bounding_box()
    assert box["x"] + box["width"] <= SIZES[size][0]
    # the grid's accessible header row lists the columns drawn in view
    page.wait_for_function("""() => document.querySelectorAll('[data-testid="stMain"] [data-testid="stDataFrame"] th').length > 0""")
    headers = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stDataFrame"] th')]
        .map(cell => cell.textContent)""")
    assert headers[:3] == ["Title", "Outlet", "Published"], headers
    if size == "phone":
        # the three key columns are drawn side by side within the screen
        assert page.evaluate("""() => { const g = document.querySelector('[data-testid="stMain"] [data-testid="stDataFrame"]');
            return g.getBoundingClientRect().right; }""") <= 390
    text = page.locator(MAIN).inner_text()
    outside_detail = "\n".join(line for line in text.splitlines() if not line.startswith("How the date was found"))
    assert not FILE_NAME.search(outside_detail), FILE_NAME.search(outside_detail).group(0)
