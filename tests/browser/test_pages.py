"""Real-browser tests: what AppTest cannot see (plotly drawing, layout, links, first load of a deep link).

The app runs as `streamlit run app.py --server.headless true` on a free port
against a throwaway copy of the bundled corpus (fixtures `storylens_url`,
`start_storylens`, `chromium` from tests/browser/conftest.py); pages are opened in
the system Chromium (`/usr/bin/chromium`) through Playwright — never a
downloaded browser. Screenshots of every page go to
test-artifacts/screenshots/browser-*.png.
"""

from __future__ import annotations

import re
import sys

import pytest

from lib.core.settings import REPO_ROOT, load_settings
from lib.ingest.corpus import load_corpus
from tests.browser.conftest import APP_TIMEOUT_S, new_tab
from tools.app_server import (
    EXCEPTION_BOX,
    MAIN,
    QUERY,
    TROOP_FIGURE,
    copy_bundled_corpus,
    search_box,
    streamlit_server,
    wait_for_health,
    wait_until_idle,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
SIDEBAR = '[data-testid="stSidebar"]'
ROUTER_MARK = "This collection"  # the shared sidebar's heading: app.py ran, not the bare page script
PAGES = [
    ("/", "Search"),
    ("/timeline", "Timeline"),
    ("/compare", "Compare sources"),
    ("/articles", None),  # the Articles page (its title is the lead's call)
]


@pytest.fixture(scope="module")
def app_url(storylens_url, chromium):
    """The shared app, visited once through its landing page.

    A server that has only ever served a deep link used to run it without
    app.py; that case has its own test at the bottom (each page now starts the
    router itself, see lib/ui/router.py).
    """
    context = chromium.new_context()
    tab = context.new_page()
    tab.goto(storylens_url + "/")
    wait_until_idle(tab, APP_TIMEOUT_S)
    context.close()
    return storylens_url


@pytest.fixture
def open_page(open_tab, app_url):
    """Opens a path of the app in a fresh tab (desktop size unless told), waits for the run to finish."""
    return lambda path, width=1280, height=900: open_tab(app_url + path, width, height)


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"browser-{name}.png"), full_page=True)


@pytest.mark.parametrize("path, title", PAGES, ids=[name for name, _ in PAGES])
def test_page_opens_with_its_title_sidebar_and_no_error_box(open_page, path, title):
    page = open_page(path)
    screenshot(page, "page-" + (path.strip("/") or "search"))
    heading = page.locator(f"{MAIN} h1").first.inner_text().strip()
    if title is not None:
        assert heading == title
    assert page.locator(SIDEBAR).get_by_text(ROUTER_MARK).count() == 1
    assert page.locator(EXCEPTION_BOX).count() == 0, page.locator(EXCEPTION_BOX).first.inner_text()


def test_search_answers_the_troop_question_with_a_figure_and_its_source(open_page):
    page = open_page("/")
    box = search_box(page)
    box.fill(QUERY)
    box.press("Enter")
    hit = page.locator(MAIN).get_by_text(TROOP_FIGURE).first
    hit.wait_for(state="visible")
    wait_until_idle(page, APP_TIMEOUT_S)
    screenshot(page, "search-troops")
    # Faithful: the answer links to the article it came from, at its sentence.
    source_links = page.locator(f'{MAIN} a[href*="article="]')
    assert source_links.count() > 0
    assert "q=" in page.url  # the query is in the address bar, so the view can be shared


def test_timeline_chart_draws_a_point_per_dated_event(open_page):
    page = open_page("/timeline")
    chart = page.locator(f"{MAIN} .js-plotly-plot").first
    chart.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    screenshot(page, "timeline")
    drawn = page.locator(f"{MAIN} .js-plotly-plot .scatterlayer .point").count()
    assert drawn > 0


def test_compare_puts_two_outlets_side_by_side(open_page):
    page = open_page("/compare")
    screenshot(page, "compare")
    row = page.locator(f'{MAIN} [data-testid="stHorizontalBlock"]').filter(
        has=page.locator('[data-testid="stColumn"] >> nth=1')
    ).first
    columns = row.locator(':scope > [data-testid="stColumn"]')
    assert columns.count() >= 2
    left, right = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"] / 2
    headers = [columns.nth(i).locator("strong").first.inner_text().strip() for i in range(2)]
    assert headers[0] and headers[1] and headers[0] != headers[1]


def test_articles_page_offers_all_five_bundled_articles(open_page, tmp_path):
    titles = {article.title for article in load_corpus(load_settings(copy_bundled_corpus(tmp_path))).articles}
    assert len(titles) == 5
    page = open_page("/articles")
    screenshot(page, "articles")
    picker = page.locator(f'{MAIN} [data-testid="stSelectbox"]').first
    picker.click()
    options = " ".join(page.get_by_role("option").all_inner_texts())
    page.keyboard.press("Escape")
    missing = [title for title in titles if title not in options]
    assert not missing


def test_shared_timeline_link_reopens_the_same_filters(open_page):
    shared = "/timeline?from=2024-10-01&to=2024-12-31"
    page = open_page(shared)
    screenshot(page, "timeline-shared-link")
    date_boxes = page.locator(f'{MAIN} [data-testid="stTextInput"] input')  # typed dates apply on Enter
    assert [date_boxes.nth(i).input_value() for i in range(2)] == ["2024-10-01", "2024-12-31"]
    share_box = page.locator(f'{SIDEBAR} [data-testid="stCode"]').inner_text()
    assert "from=2024-10-01" in share_box and "to=2024-12-31" in share_box


def test_search_page_fits_a_phone_screen_without_sideways_scrolling(open_page):
    page = open_page("/", width=390, height=844)
    screenshot(page, "phone-search")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert page.locator(f"{MAIN} h1").first.bounding_box()["width"] <= 390


def test_shared_deep_link_on_a_just_started_server_shows_the_full_app(chromium, tmp_path):
    """A colleague opens a shared /timeline link right after Cloud (re)booted the app."""
    data_dir = copy_bundled_corpus(tmp_path / "data")
    contexts = []
    # A server of its own, stopped right after: the bug needs one nobody has visited yet.
    with streamlit_server(sys.executable, REPO_ROOT, data_dir, tmp_path / "streamlit.log") as server:
        wait_for_health(server, APP_TIMEOUT_S)
        try:
            page = new_tab(chromium, contexts, server.url + "/timeline")
            screenshot(page, "deep-link-first-visit")
            nav = page.locator(f'{SIDEBAR} [data-testid="stSidebarNav"]').inner_text()
            has_sidebar = page.locator(SIDEBAR).get_by_text(ROUTER_MARK).count() == 1
        finally:
            for context in contexts:
                context.close()
    assert has_sidebar and not re.search(r"^app$", nav, re.MULTILINE)
