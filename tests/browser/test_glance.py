"""Real-browser checks of issue 17 (the story at a glance, search without repeats, plain words,
the highlighted sentence scrolled into view) at desktop (1280x800) and phone (390x844) sizes.

Screenshots: test-artifacts/screenshots/glance-*.png (look at them after a change)."""

from __future__ import annotations

import re

import pytest

from lib.core.settings import REPO_ROOT
from tests.browser.conftest import APP_TIMEOUT_S, SIZES
from tools.app_server import MAIN, QUERY, search_box, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


@pytest.fixture
def open_at(open_tab, storylens_url):
    return lambda path, size: open_tab(storylens_url + path, *SIZES[size])


def shot(page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"glance-{name}.png"), full_page=full_page)


@pytest.mark.parametrize("size", SIZES)
def test_the_landing_page_says_what_the_story_is_and_keeps_the_box_in_the_first_screen(open_at, size):
    page = open_at("/", size)
    shot(page, f"landing-{size}", full_page=False)
    main = page.locator(MAIN)
    text = main.inner_text()
    assert "5 reports from" in text and "in English" in text and "Latest:" in text
    assert "(day)" not in text and "site not named" not in text and not FILE_NAME.search(text)
    assert main.locator('a[href*="timeline"]').count() >= 1
    box = search_box(page).bounding_box()
    assert box["y"] + box["height"] <= SIZES[size][1], "the search box is below the first screen"


@pytest.mark.parametrize("size", SIZES)
def test_search_top_ten_repeat_no_sentence_and_name_no_file(open_at, size):
    page = open_at("/", size)
    box = search_box(page)
    box.fill(QUERY)
    box.press("Enter")
    page.locator(f"{MAIN} mark, {MAIN} span").get_by_text(re.compile("12,000|3,000")).first.wait_for(state="visible")
    wait_until_idle(page, APP_TIMEOUT_S)
    shot(page, f"search-{size}")
    # the passage paragraphs: every long markdown block of the results (not the overview line)
    blocks = page.locator(f'{MAIN} [data-testid="stMarkdownContainer"]').all_inner_texts()
    texts = [text for text in blocks if len(text) > 120 and not text.startswith(("5 reports", "10 passages"))]
    sentences = [
        part.strip() for text in texts for line in text.splitlines() if " · " not in line  # not the source lines
        for part in re.split(r"(?<=[.!?])\s+", line) if len(part.strip()) > 30
    ]
    assert len(sentences) >= 10
    assert len(sentences) == len(set(sentences)), [s for s in set(sentences) if sentences.count(s) > 1]
    assert not FILE_NAME.search(page.locator(MAIN).inner_text())


def test_read_the_full_article_scrolls_to_the_highlighted_sentence(open_at):
    page = open_at("/articles?article=003_acf3f096cf1d3bac.txt&sentence=9", "desktop")
    highlighted = page.locator(f'{MAIN} [class*="st-key-highlighted-sentence"]')
    highlighted.wait_for(state="visible")
    page.wait_for_function(
        "() => { const el = document.querySelector('[class*=\"st-key-highlighted-sentence\"]');"
        " const r = el && el.getBoundingClientRect(); return r && r.top >= 0 && r.bottom <= window.innerHeight; }",
        timeout=10000,
    )
    shot(page, "article-highlight", full_page=False)
    assert page.evaluate("() => window.scrollY || document.querySelector('[data-testid=\"stMain\"]').scrollTop") >= 0


@pytest.mark.parametrize("size", SIZES)
def test_timeline_axis_is_not_stretched_by_a_loosely_dated_article(open_at, size):
    page = open_at("/timeline", size)
    chart = page.locator(f"{MAIN} .js-plotly-plot").first
    chart.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    shot(page, f"timeline-{size}", full_page=False)
    plot_area = page.locator(f"{MAIN} .js-plotly-plot .nsewdrag").first.bounding_box()
    assert plot_area["width"] >= min(300, SIZES[size][0] - 80), plot_area  # labels no longer eat the width
    ticks = " ".join(page.locator(f"{MAIN} .js-plotly-plot .xtick text").all_text_contents())
    assert "2026" not in ticks and "2025" not in ticks and ":" not in ticks, ticks
    assert "Dated only loosely" in page.locator(MAIN).inner_text()
