"""Launch StoryLens headless and drive it in the system Chromium: shared by the startup bench,
the Cloud rehearsal and the browser tests."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
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
TOUR = ("/timeline", "/compare", "/articles")  # the other pages, in the sidebar's order
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


