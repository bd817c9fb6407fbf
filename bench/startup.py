"""Startup benchmark: `streamlit run` to first page, first search answer, peak memory.

Drives the real app in headless Chromium (the system `/usr/bin/chromium`, never a
downloaded browser) against a throwaway copy of the bundled corpus, twice:

* **first boot**: an empty store, so the articles are read and the sentence
  embeddings are computed (what a Community Cloud app does once after deploy);
* **warm boot**: a new server process on the same data folder: the store and
  embeddings are cached, the model files are in the OS page cache.

For each boot it prints the seconds from process start to the health endpoint,
to the Search page's title being visible, and from pressing Enter on a query to
the first hit naming a troop figure; plus the peak resident memory (RSS) of the
server process and its children, sampled every 50 ms from /proc.

Targets (checked by a person, never asserted): warm page < 3 s, first answer
< 1 s after the page, peak RSS < 700 MB.

    .venv/bin/python -m bench.startup            # figures for both boots
    .venv/bin/python -m bench.startup --json     # the same figures as JSON

The helpers here (free port, server process, memory sampler, Chromium launch)
are reused by tools/cloud_boot.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from tools.app_server import (
    EXCEPTION_BOX,
    MAIN,
    QUERY,
    REPO_ROOT,
    TOUR,
    TROOP_FIGURE,
    MemorySampler,
    copy_bundled_corpus,
    launch_chromium,
    search_box,
    streamlit_server,
    wait_for_health,
    wait_until_idle,
)


@dataclass
class BootFigures:
    label: str
    health_s: float
    page_s: float | None  # spawn -> Search page's <h1> visible
    page_title: str
    box_s: float | None  # spawn -> the query box is visible (the page can be used)
    idle_s: float | None  # spawn -> the first script run has finished
    answer_s: float | None  # Enter pressed -> first hit naming a troop figure
    first_hit: str
    peak_rss_mb: float
    peak_anon_mb: float
    rss_after_mb: float
    exception_shown: bool
    tour_s: float | None = None  # after the answer: Timeline, Compare sources, Articles, each until idle
    tour_peak_rss_mb: float | None = None  # peak RSS including that tour (what a real visit costs)


def measure_boot(browser, label: str, python: str | Path, app_dir: Path, data_dir: Path | None, log_dir: Path,
                 timeout: float = 300.0, tour: bool = False) -> BootFigures:
    """One server start, measured from spawn to the first search answer in a real browser.

    With `tour`, the other pages are then opened in turn and the peak memory
    including them is reported separately (the search figures stay comparable).
    """
    with streamlit_server(python, app_dir, data_dir, log_dir / f"{label}.log") as server:
        sampler = MemorySampler(server.process.pid)
        sampler.start()
        try:
            health_s = wait_for_health(server, timeout)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(timeout * 1000)
            page.goto(server.url + "/")
            heading = page.locator(f"{MAIN} h1").first
            heading.wait_for(state="visible")
            page_s = time.perf_counter() - server.started_at
            page_title = heading.inner_text().strip()

            answer_s, first_hit, box_s, idle_s = None, "", None, None
            box = search_box(page)
            try:
                box.wait_for(state="visible", timeout=60_000)
            except Exception:  # the Search page has no query box (yet): report, don't crash
                first_hit = "(no search box on the Search page)"
            else:
                box_s = time.perf_counter() - server.started_at
                wait_until_idle(page, timeout)
                idle_s = time.perf_counter() - server.started_at
                box.fill(QUERY)
                pressed = time.perf_counter()
                box.press("Enter")
                hit = page.locator(MAIN).get_by_text(TROOP_FIGURE).first
                try:
                    hit.wait_for(state="visible", timeout=timeout * 1000)
                    answer_s = time.perf_counter() - pressed
                    first_hit = " ".join(hit.inner_text().split())[:160]
                except Exception:
                    first_hit = "(no hit naming 12,000 or 3,000 appeared)"
            exception_shown = page.locator(EXCEPTION_BOX).count() > 0
            time.sleep(0.2)  # one more sample after the answer
            search_peak, search_anon, search_last = sampler.peak_mb, sampler.peak_anon_mb, sampler.last_mb
            tour_s = None
            if tour:
                toured = time.perf_counter()
                for path in TOUR:
                    page.goto(server.url + path)
                    wait_until_idle(page, timeout)
                    exception_shown = exception_shown or page.locator(EXCEPTION_BOX).count() > 0
                tour_s = time.perf_counter() - toured
            page.close()
        finally:
            time.sleep(0.2)
            sampler.stop()
        return BootFigures(label, health_s, page_s, page_title, box_s, idle_s, answer_s, first_hit,
                           search_peak, search_anon, search_last, exception_shown,
                           tour_s, sampler.peak_mb if tour else None)


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} s"


def load_average() -> str:
    """The 1-minute load average and CPU count: timings on a busy machine are not comparable."""
    try:
        return f"load average {open('/proc/loadavg').read().split()[0]} on {os.cpu_count()} CPUs"
    except OSError:
        return f"{os.cpu_count()} CPUs"


def print_figures(figures: list[BootFigures], machine: str = "") -> None:
    print("seconds from `streamlit run`: health = /_stcore/health 200, title = Search <h1> visible, "
          "box = query box visible, idle = first run finished; answer = Enter -> first troop-figure hit")
    print(f"{'boot':<12} {'health':>8} {'title':>8} {'box':>8} {'idle':>8} {'answer':>8} {'peak RSS':>10} {'(anon)':>8} {'RSS after':>10}")
    for item in figures:
        print(
            f"{item.label:<12} {_seconds(item.health_s):>8} {_seconds(item.page_s):>8} {_seconds(item.box_s):>8} "
            f"{_seconds(item.idle_s):>8} {_seconds(item.answer_s):>8} {item.peak_rss_mb:>7.0f} MB {item.peak_anon_mb:>5.0f} MB {item.rss_after_mb:>7.0f} MB"
        )
    for item in figures:
        print(f"  {item.label}: title {item.page_title!r}; first hit: {item.first_hit!r}"
              + ("; AN EXCEPTION BOX WAS SHOWN" if item.exception_shown else ""))
    for item in figures:
        if item.tour_s is not None:
            print(f"  {item.label}: then Timeline, Compare sources and Articles in {item.tour_s:.1f} s; "
                  f"peak RSS with every page built {item.tour_peak_rss_mb:.0f} MB")
    print("targets: warm page < 3 s, answer < 1 s after the page, peak RSS < 700 MB")
    if machine:
        print(f"measured with {machine}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for each step")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    machine_before = load_average()
    with tempfile.TemporaryDirectory(prefix="storylens-startup-") as tmp:
        tmp_path = Path(tmp)
        data_dir = copy_bundled_corpus(tmp_path / "data")
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                figures = [
                    measure_boot(browser, label, sys.executable, REPO_ROOT, data_dir, tmp_path, args.timeout, tour=True)
                    for label in ("first boot", "warm boot")
                ]
            finally:
                browser.close()
    if args.json:
        print(json.dumps([asdict(item) for item in figures], indent=2))
    else:
        print_figures(figures, f"{machine_before} before, {load_average()} after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
