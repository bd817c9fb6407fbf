"""The Compare page in a real browser with six or more sources (issue 16), at 1280x800 and 390x844.

The app runs on a throwaway data folder holding the coverage-dev russia-dprk pages (20 reports in
six languages). Asserted: every source column at least MIN_COLUMN_PX wide, charts at least
MIN_CHART_PX wide on the phone with their axis titles inside the chart, one colour per outlet on
every chart, and the verdict a single short sentence with the reasoning behind an expander.

Screenshots: test-artifacts/screenshots/compare-*.png, or the folder named by STORYLENS_SHOTS.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eval.eval_coverage_views import BENCH
from lib.core.settings import REPO_ROOT
from tests.browser.conftest import APP_TIMEOUT_S, SIZES, ingest_files
from tools.app_server import MAIN, wait_until_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = Path(os.environ.get("STORYLENS_SHOTS", REPO_ROOT / "test-artifacts" / "screenshots"))
STORY = BENCH / "russia-dprk"
MIN_COLUMN_PX = 150
MIN_CHART_PX = 300


@pytest.fixture(scope="module")
def many_sources_url(start_storylens, tmp_path_factory):
    pages = sorted(STORY.glob("*.txt"))
    if len(pages) < 6:
        pytest.skip(f"needs the coverage-dev pages at {STORY}")
    folder = tmp_path_factory.mktemp("compare-many")
    result = ingest_files(folder, pages)
    assert result.returncode == 0, result.stderr[-2000:]
    return start_storylens(folder)


@pytest.fixture
def open_compare(open_tab, many_sources_url):
    def open_(size: str, query: str = ""):
        tab = open_tab(many_sources_url + "/compare" + query, *SIZES[size])
        tab.locator(".js-plotly-plot").first.wait_for(state="visible")
        wait_until_idle(tab, APP_TIMEOUT_S)
        return tab

    return open_


def _shot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so the viewport is made as tall as
    the content (same width, so the layout under test is the one shot) and then restored."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate(
        """() => Math.max(...Array.from(document.querySelectorAll('[data-testid="stMain"], section, .main'))
              .map(element => element.scrollHeight), document.body.scrollHeight)"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 50, 12000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(SHOTS / f"compare-{name}.png"), full_page=True)
    page.set_viewport_size(size)
    page.wait_for_timeout(300)


def _outlet_colours(page) -> list[dict]:
    """Per chart: {trace name: marker colour} of the plotted outlets."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot =>
            Object.fromEntries((plot.data || []).filter(t => t.name && t.marker && typeof t.marker.color === 'string')
                .map(t => [t.name, t.marker.color])))"""
    )


def _narrow_columns(page) -> list[tuple[float, str]]:
    """(width, first words) of every source column narrower than MIN_COLUMN_PX in the topic rows."""
    found = []
    for column in page.locator(f'{MAIN} [data-testid="stVerticalBlockBorderWrapper"] [data-testid="stColumn"]').all():
        box = column.bounding_box()
        if box and box["width"] < MIN_COLUMN_PX and column.inner_text().strip():
            found.append((box["width"], column.inner_text().strip()[:40]))
    return found


@pytest.mark.parametrize("size", SIZES)
def test_compare_with_many_sources_keeps_cells_readable_and_colours_consistent(open_compare, size):
    page = open_compare(size)
    _shot(page, f"all-{size}")
    main = page.locator(MAIN)
    assert _narrow_columns(page) == []
    if size == "desktop":  # the page uses the width the sidebar leaves, not Streamlit's 5rem margins
        content = page.locator(f"{MAIN} h1").first.bounding_box()  # block width inside the margins
        sidebar = page.locator('[data-testid="stSidebar"]').bounding_box() or {"width": 0}
        assert content["width"] >= 1280 - sidebar["width"] - 60, (content, sidebar)
    assert "Not mentioned by:" in main.inner_text()
    colours: dict[str, str] = {}
    charts = _outlet_colours(page)
    assert len(charts) >= 2
    for chart in charts:
        for outlet, colour in chart.items():
            assert colours.setdefault(outlet, colour) == colour, f"{outlet} has two colours"
    assert len(set(colours.values())) == len(colours), "two outlets share a colour"


@pytest.mark.parametrize("size", SIZES)
def test_the_main_figure_row_reads_in_one_sentence_with_a_wide_chart(open_compare, size):
    page = open_compare(size, "?topic=troops-sent")
    _shot(page, f"troops-{size}")
    text = page.locator(MAIN).inner_text()
    verdict = next(line for line in text.splitlines() if "The figure changed over time" in line)
    assert verdict.count(". ") == 0 and "Oct 2024" in verdict and len(verdict) < 300
    assert "Why this verdict" in text
    chart = page.locator(".js-plotly-plot").first
    box = chart.bounding_box()
    assert box["width"] >= (MIN_CHART_PX if size == "phone" else 600)
    for title in chart.locator(".g-xtitle, .g-ytitle").all():
        inner = title.bounding_box()
        if inner is None:
            continue
        assert inner["x"] >= box["x"] - 1 and inner["x"] + inner["width"] <= box["x"] + box["width"] + 1, "axis title cut"
        assert inner["y"] >= box["y"] - 1 and inner["y"] + inner["height"] <= box["y"] + box["height"] + 1, "axis title cut"
    assert _narrow_columns(page) == []
    # The outlets' key under the chart wraps to the width: a line or two on a laptop, more on a phone,
    # and never a reserved blank (a plotly legend fixed to a line per outlet left ~100 px on a laptop).
    key = page.locator(f"{MAIN} div[style*='flex-wrap']").first
    key_box = key.bounding_box()
    outlets = len(_outlet_colours(page)[0])
    assert key_box is not None and outlets >= 6
    assert key_box["height"] <= (60 if size == "desktop" else 24 * outlets), key_box
    assert key_box["y"] >= box["y"] + box["height"] - 1, "the key sits under the chart"


VERDICT_WORDS = ("Sources agree", "Sources disagree", "The figure changed over time", "Only one source",
                 "No figures to compare", "No source matches")


@pytest.mark.parametrize("size", SIZES)
def test_the_overview_shows_every_topics_verdict_without_a_sideways_scroll(open_compare, size):
    # At 390 px a table of topics showed only its Topic column; the verdict needed a sideways scroll.
    page = open_compare(size)
    width = SIZES[size][0]
    items = page.locator(f"{MAIN} [data-testid='stMarkdownContainer'] ul").first.locator(":scope > li")
    rows = page.locator(f"{MAIN} h3").count()
    assert items.count() == rows >= 6
    for item in items.all():
        box = item.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (box, item.inner_text()[:60])
        text = item.inner_text()
        verdict = next((words for words in VERDICT_WORDS if words in text), None)
        assert verdict, f"no verdict in the overview line {text[:80]!r}"
        badge = item.get_by_text(verdict).first.bounding_box()
        assert badge is not None and badge["x"] + badge["width"] <= width, "the verdict runs off the screen"
    # Each topic links to its row: a tap scrolls the row's heading into view.
    link = items.first.locator("a").first
    anchor = link.get_attribute("href")
    assert anchor and anchor.startswith("#topic-"), anchor
    heading = page.locator(f"{MAIN} [id='{anchor[1:]}']")
    assert heading.count() == 1
    link.click()
    page.wait_for_timeout(1000)
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] <= SIZES[size][1], box
