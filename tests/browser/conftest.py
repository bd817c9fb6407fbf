"""Shared real-browser fixtures: a running StoryLens app and a Playwright page in the system Chromium.

How to use (every test in tests/browser/ is marked `browser` automatically):

    def test_something(storylens_url, page):           # the app on a copy of the bundled corpus
        page.goto(storylens_url + "/articles?article=002_f09298817ccba4f1.txt")
        wait_for_app(page)
        ...

    def test_other(start_storylens, page, tmp_path_factory):   # the app on your own data folder
        folder = tmp_path_factory.mktemp("mine")
        ingest_files(folder, [path1, path2])                  # python -m lib.cli ingest --data folder
        url = start_storylens(folder)
        ...

Fixtures:
- `chromium` (session): the system Chromium (/usr/bin/chromium) via Playwright, headless. Never
  `playwright install`. Missing Chromium: the tests are skipped with the reason, unless the
  environment variable CI is set, where they fail.
- `start_storylens` (session): `start_storylens(data_dir, stories_dir=None) -> base URL` starts
  `python -m streamlit run app.py --server.headless true` on a free port with
  STORYLENS_DATA=data_dir and STORYLENS_COLLECTIONS=stories_dir (default: a folder beside
  data_dir, so stories a test starts never land in the repository), waits for /_stcore/health, and stops every server it started at the
  end of the session (one server per data folder, reused).
- `storylens_url` (session): the app on a throwaway copy of the bundled corpus.
- `page` (function): a fresh tab (1280x900); `page.console_errors` and `page.dialogs` collect
  what the page logged / tried to show. Screenshots go to test-artifacts/ (gitignored) via
  `save_screenshot(page, name)`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from lib.core.settings import REPO_ROOT
from tools.app_server import (
    CHROMIUM,
    MAIN,
    copy_bundled_corpus,
    launch_chromium,
    streamlit_server,
    wait_for_health,
    wait_until_idle,
)

ARTIFACTS = REPO_ROOT / "test-artifacts"
# First visit builds the store, loads the model and embeds the corpus: slow on a busy CI machine.
APP_TIMEOUT_S = float(os.environ.get("STORYLENS_BROWSER_TIMEOUT", "300"))
# The two window sizes every page is checked at: a laptop and a phone.
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def wait_for_app(page, timeout_s: float = APP_TIMEOUT_S) -> None:
    """Block until the page's Streamlit script run (and any rerun it triggers) has finished."""
    wait_until_idle(page, timeout_s)


def save_screenshot(page, name: str) -> Path:
    """Full-page screenshot to test-artifacts/<name>.png (kept by CI as an artifact)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def ingest_files(data_dir: Path, files: list[Path]) -> subprocess.CompletedProcess:
    """`python -m lib.cli ingest --json --data data_dir FILES` (before starting a server on it)."""
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", "ingest", "--json", "--data", str(data_dir), *map(str, files)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600, env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        reason = f"real-browser tests need the system Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI is set, so this is a failure, not a skip")
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (never `playwright install`)")
    with sync_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def start_storylens(tmp_path_factory):
    """`start_storylens(data_dir) -> base URL`; servers stop at the end of the session."""
    servers: dict[Path, str] = {}
    logs = tmp_path_factory.mktemp("streamlit-logs")
    with ExitStack() as stack:

        def start(data_dir: Path, stories_dir: Path | None = None) -> str:
            data_dir = Path(data_dir).resolve()
            if data_dir not in servers:
                log = logs / f"streamlit-{len(servers)}.log"
                # New stories go beside the data folder, never into the repository's collections/.
                stories = Path(stories_dir or data_dir.parent / f"{data_dir.name}-stories")
                server = stack.enter_context(streamlit_server(sys.executable, REPO_ROOT, data_dir, log,
                                                              env={"STORYLENS_COLLECTIONS": str(stories)}))
                wait_for_health(server, APP_TIMEOUT_S)
                servers[data_dir] = server.url
            return servers[data_dir]

        yield start


@pytest.fixture(scope="session")
def storylens_url(start_storylens, tmp_path_factory) -> str:
    """Base URL of the app on a throwaway copy of the bundled corpus (the repo's store is untouched)."""
    return start_storylens(copy_bundled_corpus(tmp_path_factory.mktemp("browser-bundled")))


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.dialogs = []
    tab.on("console", lambda message: tab.console_errors.append(message.text) if message.type == "error" else None)

    def on_dialog(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    context.close()


def new_tab(chromium, contexts: list, url: str, width: int = 1280, height: int = 900):
    """A fresh tab of that window size on `url`, returned once the page's title shows and Streamlit
    has finished its run; its browser context is added to `contexts` for the caller to close."""
    context = chromium.new_context(viewport={"width": width, "height": height})
    contexts.append(context)
    tab = context.new_page()
    tab.set_default_timeout(APP_TIMEOUT_S * 1000)
    tab.goto(url)
    tab.locator(f"{MAIN} h1").first.wait_for(state="visible")
    wait_until_idle(tab, APP_TIMEOUT_S)
    return tab


@pytest.fixture
def open_tab(chromium):
    """`open_tab(url, width, height)`: `new_tab` for one test; its tabs are closed after it."""
    contexts = []
    yield lambda url, width=1280, height=900: new_tab(chromium, contexts, url, width, height)
    for context in contexts:
        context.close()
