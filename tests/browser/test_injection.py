"""No HTML injection: article text, titles and quotes are shown as text and never run, in a real browser.

A pasted .txt/.md article carries a <script>, an <img onerror>, a markdown
`javascript:` link and raw <b> tags in its title and body; an .html upload
carries the same inside real markup. They are ingested with the CLI into a
throwaway data folder, the app is started on it, and every page that shows
article text is opened in Chromium: `window.__pwned` must stay undefined, no
dialog may open, no element built from the article's markup may exist, and
the pasted text's tags must be visible as literal text.
"""

from __future__ import annotations

import json
import shutil

import pytest

from lib.core.settings import REPO_ROOT
from tests.browser.conftest import ingest_files, save_screenshot, wait_for_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MAIN = '[data-testid="stMain"]'

PASTED = """Tokyo <b>warns</b> Pyongyang <script>window.__pwned=1</script> over treaty

Japan's Chief Cabinet Secretary said on Thursday that the government was <b>seriously concerned</b> about the partnership treaty <script>window.__pwned=1</script> signed in Pyongyang.

Officials said the [full statement](javascript:window.__pwned=1) would be published <img src=x onerror="window.__pwned=1"> later that day by the ministry.

The ministry added that cooperation between Moscow and Pyongyang was a <a href="javascript:window.__pwned=1">grave concern</a> for security in the region around Japan.

Analysts said <iframe src="javascript:window.__pwned=1"></iframe> the deal marks a turning point, and <svg onload="window.__pwned=1"></svg> Tokyo would respond with its allies.
"""

HTML_PAGE = """<!doctype html><html><head><title>Seoul says troops moved &lt;b&gt;east&lt;/b&gt;</title>
<script>window.__pwned = 1;</script></head>
<body onload="window.__pwned=1"><nav><a href="javascript:window.__pwned=1">Home</a></nav>
<article><h1>Seoul says troops moved east</h1>
<p>South Korea's spy agency said on Friday that North Korea has sent about 3,000 troops to Russia this month.</p>
<img src="x" onerror="window.__pwned=1">
<p>The agency said the soldiers were being trained at bases in Russia's Far East <a href="javascript:window.__pwned=1">before deployment</a> to the front.</p>
<p>Officials in Tokyo said they were closely watching the situation <b>with their allies</b> in Washington and Seoul.</p>
</article><script>window.__pwned = 1;</script></body></html>"""

# Elements that only exist if article markup was rendered as HTML.
INJECTED = [
    f"{MAIN} script",
    f"{MAIN} img[onerror]",
    f"{MAIN} [onload]",
    f"{MAIN} iframe[src^='javascript']",
    f"{MAIN} a[href^='javascript']",
]


@pytest.fixture(scope="module")
def hostile_app(start_storylens, tmp_path_factory):
    """The app on the bundled corpus plus the two hostile articles (ingested before start)."""
    data_dir = tmp_path_factory.mktemp("hostile-data")
    shutil.copytree(REPO_ROOT / "data" / "articles", data_dir / "articles")
    inputs = tmp_path_factory.mktemp("hostile-inputs")
    (inputs / "hostile-paste.txt").write_text(PASTED, encoding="utf-8")
    (inputs / "hostile-page.html").write_text(HTML_PAGE, encoding="utf-8")
    result = ingest_files(data_dir, [inputs / "hostile-paste.txt", inputs / "hostile-page.html"])
    reports = json.loads(result.stdout)
    assert [report["status"] for report in reports] == ["added", "added"], reports
    return start_storylens(data_dir)


def assert_nothing_ran(page) -> None:
    assert page.evaluate("() => typeof window.__pwned") == "undefined", "article markup ran as script"
    assert page.dialogs == []
    for selector in INJECTED:
        assert page.locator(selector).count() == 0, f"article markup rendered as HTML: {selector}"


def open_and_wait(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(500)  # give an injected onerror/onload the chance to fire


def test_pasted_article_shows_its_tags_as_text_and_runs_nothing(hostile_app, page):
    open_and_wait(page, hostile_app + "/articles?article=hostile-paste.txt")
    save_screenshot(page, "injection-pasted-article")
    assert_nothing_ran(page)
    text = page.locator(MAIN).inner_text()
    assert "seriously concerned" in text
    # The tags are visible as the literal characters the article contains.
    assert "<script>window.__pwned=1</script>" in text
    assert "<b>seriously concerned</b>" in text
    assert page.locator(f"{MAIN} b", has_text="seriously concerned").count() == 0
    assert page.locator(f"{MAIN} b", has_text="warns").count() == 0


def test_html_upload_is_stripped_to_text_and_runs_nothing(hostile_app, page):
    open_and_wait(page, hostile_app + "/articles?article=hostile-page.html")
    save_screenshot(page, "injection-html-article")
    assert_nothing_ran(page)
    text = page.locator(MAIN).inner_text()
    assert "3,000 troops" in text
    assert "__pwned" not in text  # scripts and handlers were dropped by the extractor


@pytest.mark.parametrize(
    "path",
    ["/?q=Pyongyang+treaty+concerned", "/?q=troops+Far+East", "/timeline", "/compare"],
    ids=["search-pasted", "search-html", "timeline", "compare"],
)
def test_views_that_quote_articles_run_nothing(hostile_app, page, path):
    open_and_wait(page, hostile_app + path)
    save_screenshot(page, "injection-" + path.strip("/?").split("=")[0].replace("/", "") or "search")
    assert_nothing_ran(page)
