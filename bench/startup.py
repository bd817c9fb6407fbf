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

    .venv/bin/python bench/startup.py            # figures for both boots
    .venv/bin/python bench/startup.py --json     # the same figures as JSON

The helpers here (free port, server process, memory sampler, Chromium launch)
are reused by bench/cloud_boot.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLES = REPO_ROOT / "data" / "articles"
CHROMIUM = "/usr/bin/chromium"
# Flags that keep a headless Chromium quiet and offline in containers and CI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERY = "how many soldiers did Pyongyang send?"
# A hit answers the query when it names one of the two troop figures in the corpus.
TROOP_FIGURE = re.compile(r"12,000|3,000")
MAIN = '[data-testid="stMain"]'
TOUR = ("/timeline", "/compare", "/corpus")  # the other pages, in the sidebar's order
EXCEPTION_BOX = '[data-testid="stException"]'


def free_port() -> int:
    """A TCP port that was free a moment ago (the OS picks it)."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children_by_parent() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read().decode("ascii", "replace")
        except OSError:
            continue  # the process ended while we were looking
        # Field 4 (ppid) follows the ")" that closes the command name.
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
    return children


def process_tree_memory_bytes(pid: int) -> tuple[int, int]:
    """(RSS, anonymous RSS) of `pid` plus all its descendants, from /proc ((0, 0) once it has exited).

    RSS counts shared pages once per process, so it errs on the high side; the
    anonymous part (heap, tensors) is what the kernel cannot drop under memory
    pressure, unlike file-backed pages of shared libraries.
    """
    children = _children_by_parent()
    total = anonymous = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        pending.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/status", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                    elif line.startswith("RssAnon:"):
                        anonymous += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total, anonymous


class MemorySampler(threading.Thread):
    """Samples a process tree's RSS in the background; `.peak_mb` is the highest seen."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_bytes = self.last_bytes = 0
        self.peak_anon_bytes = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.last_bytes, anonymous = process_tree_memory_bytes(self.pid)
            self.peak_bytes = max(self.peak_bytes, self.last_bytes)
            self.peak_anon_bytes = max(self.peak_anon_bytes, anonymous)
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=2)

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20

    @property
    def peak_anon_mb(self) -> float:
        return self.peak_anon_bytes / 2**20

    @property
    def last_mb(self) -> float:
        return self.last_bytes / 2**20


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    started_at: float  # time.perf_counter() just before the process was spawned
    log_path: Path

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@contextlib.contextmanager
def streamlit_server(python: str | Path, app_dir: Path, data_dir: Path | None, log_path: Path, port: int | None = None, env: dict | None = None):
    """Runs `python -m streamlit run app.py --server.headless true` in `app_dir`; stops it on exit.

    `data_dir` becomes STORYLENS_DATA (None: the app's own data/ folder, as on Cloud);
    `env` adds variables, a None value removes one.
    """
    port = port or free_port()
    environment = {**os.environ, "HF_HUB_OFFLINE": "1"}
    environment.pop("STORYLENS_DATA", None)
    for name, value in (env or {}).items():  # None removes a variable
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    if data_dir is not None:
        environment["STORYLENS_DATA"] = str(data_dir)
    command = [
        str(python), "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]
    log = open(log_path, "wb")
    started_at = time.perf_counter()
    process = subprocess.Popen(command, cwd=app_dir, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield Server(process, f"http://127.0.0.1:{port}", started_at, log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


def wait_for_health(server: Server, timeout: float = 180.0) -> float:
    """Seconds from spawn until /_stcore/health answers 200; raises if the server dies or times out."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - server.started_at
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"no /_stcore/health answer within {timeout:.0f} s:\n{server.log_tail()}")


def http_status(url: str) -> int:
    """HTTP status of a GET (0 when the connection fails)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def launch_chromium(playwright):
    """The system Chromium, headless (never a browser downloaded by Playwright)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def wait_until_idle(page, timeout_s: float = 300.0, quiet_s: float = 1.0) -> None:
    """Waits until the page's Streamlit script run has finished and no rerun followed for `quiet_s`.

    The app root carries `data-test-script-state` ("initial", "running",
    "notRunning"). A page that writes query params or calls st.rerun starts a
    new run right after the first one ends, and on a busy machine that can take
    a few hundred milliseconds: so the state must stay "notRunning" through
    several checks `quiet_s` apart in total.
    """
    script = "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state') === 'notRunning'"
    deadline = time.perf_counter() + timeout_s
    checks = 4
    while True:
        remaining = max(deadline - time.perf_counter(), 0.001)
        page.wait_for_function(script, timeout=remaining * 1000)
        for _ in range(checks):
            page.wait_for_timeout(quiet_s * 1000 / checks)
            if not page.evaluate(script):
                break
        else:
            return
        if time.perf_counter() > deadline:
            raise TimeoutError(f"the page kept rerunning for {timeout_s:.0f} s")


def copy_bundled_corpus(target: Path) -> Path:
    """A data folder holding a copy of the bundled articles (the repo's store is never touched)."""
    shutil.copytree(BUNDLED_ARTICLES, target / "articles")
    return target


def search_box(page):
    """The first text box in the main area (the Search page's query box)."""
    return page.locator(f'{MAIN} input[type="text"], {MAIN} textarea').first


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
    tour_s: float | None = None  # after the answer: Timeline, Compare sources, Corpus, each until idle
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
            print(f"  {item.label}: then Timeline, Compare sources and Corpus in {item.tour_s:.1f} s; "
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
