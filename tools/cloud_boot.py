"""Community Cloud dress rehearsal: fresh venv from requirements.txt, headless boot, every page in Chromium.

What Streamlit Community Cloud does with this repo, replayed locally:

1. take the files a clone would have (`git ls-files` plus new, not-ignored files)
   into a temp folder, with no derived store (data/.storylens/);
2. check which dependency file Cloud would pick (the first of uv.lock, Pipfile,
   environment.yml, requirements.txt, pyproject.toml) — it must be requirements.txt;
3. create a FRESH venv with Python 3.11 and `pip install -r requirements.txt`
   (timed; on this machine the PyTorch CPU index is unreachable, so pip falls
   back to the local torch+cpu wheel after a few retries);
4. check torch is the CPU build and no nvidia-* CUDA package came along;
5. `streamlit run app.py --server.headless true` on a free port, from the copy,
   on its own data/ folder (first boot: articles read, embeddings computed);
6. GET /_stcore/health and each page URL (/, /timeline, /compare, /articles),
   then open each page in the system Chromium: its title is visible and no
   exception box is shown; a screenshot per page goes to
   test-artifacts/screenshots/cloud-<page>.png;
7. peak RSS of the server (and children) over the whole boot and browse.

    .venv/bin/python -m tools.cloud_boot              # prints figures; exit 1 if a check failed
    .venv/bin/python -m tools.cloud_boot --no-cache   # pip without its download cache (closer to Cloud)
    .venv/bin/python -m tools.cloud_boot --keep       # keep the temp folder (venv, logs) for inspection

It takes minutes (the install dominates). tests/test_cloud_boot.py runs it when
STORYLENS_CLOUD_BOOT=1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tools.app_server import (
    EXCEPTION_BOX,
    MAIN,
    MemorySampler,
    http_status,
    launch_chromium,
    streamlit_server,
    wait_for_health,
    wait_until_idle,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
# Community Cloud's documented order: it uses the first of these it finds.
CLOUD_DEPENDENCY_FILES = ("uv.lock", "Pipfile", "environment.yml", "requirements.txt", "pyproject.toml")
# Page URL path -> a short name (st.navigation derives the path from the file name).
# A deep link comes first, as when a colleague opens a shared link right after
# Cloud rebooted the app: the router (app.py) must still run and draw the sidebar.
PAGES = {"/timeline": "timeline", "/": "search", "/compare": "compare", "/articles": "articles"}
ROUTER_MARK = "This collection"  # the shared sidebar's heading, drawn by app.py


@dataclass
class PageCheck:
    path: str
    http_status: int
    title: str = ""
    seconds_to_title: float | None = None
    exception_shown: bool = False
    router_ran: bool = False  # the shared sidebar is there, so app.py (not the bare page script) ran
    error: str = ""

    @property
    def ok(self) -> bool:
        return (self.http_status == 200 and bool(self.title) and self.router_ran
                and not self.exception_shown and not self.error)


@dataclass
class CloudBootReport:
    dependency_file: str = ""
    python: str = ""
    install_seconds: float = 0.0
    install_ok: bool = False
    install_error: str = ""
    torch_index_reachable: bool = False
    venv_size_mb: float = 0.0
    torch_version: str = ""
    cuda_packages: list[str] = field(default_factory=list)
    health_seconds: float | None = None
    health_status: int = 0
    pages: list[PageCheck] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    peak_anon_mb: float = 0.0
    rss_after_mb: float = 0.0
    store_created: bool = False
    total_seconds: float = 0.0

    @property
    def failures(self) -> list[str]:
        problems = []
        if self.dependency_file != "requirements.txt":
            problems.append(f"Cloud would install from {self.dependency_file or 'nothing'}, not requirements.txt")
        if not self.install_ok:
            problems.append(f"pip install -r requirements.txt failed: {self.install_error}")
        if self.install_ok and not self.torch_version.endswith("+cpu"):
            problems.append(f"torch is not the CPU build: {self.torch_version or 'missing'}")
        if self.cuda_packages:
            problems.append(f"CUDA packages installed: {', '.join(self.cuda_packages)}")
        if self.install_ok and self.health_status != 200:
            problems.append(f"/_stcore/health answered {self.health_status}")
        problems.extend(f"page {page.path}: status {page.http_status}, title {page.title!r}, router ran {page.router_ran}, "
                        f"exception {page.exception_shown} {page.error}".strip()
                        for page in self.pages if not page.ok)
        return problems


def clone_like_copy(target: Path) -> Path:
    """Copies the files a fresh clone would have: tracked files plus new files git does not ignore."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO_ROOT, check=True, capture_output=True,
    ).stdout.decode("utf-8").split("\0")
    for name in filter(None, listing):
        source = REPO_ROOT / name
        if not source.is_file():
            continue  # deleted in the working tree but still tracked
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    return target


def cloud_dependency_file(repo: Path) -> str:
    """The dependency file Community Cloud would use for an entrypoint at the repo root."""
    return next((name for name in CLOUD_DEPENDENCY_FILES if (repo / name).is_file()), "")


def _folder_size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink()) / 2**20


TORCH_INDEX = "https://download.pytorch.org/whl/cpu/torch/"


def torch_index_reachable() -> bool:
    """True when the PyTorch CPU index answers (it does on Cloud; not on an offline CI box)."""
    return http_status(TORCH_INDEX) == 200


def install_fresh_venv(repo: Path, venv: Path, python: str, no_cache: bool, report: CloudBootReport, log_path: Path) -> Path:
    """Creates `venv` with `python` and installs requirements.txt into it; fills the install figures."""
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    venv_python = venv / "bin" / "python"
    report.python = subprocess.run([str(venv_python), "--version"], capture_output=True, text=True).stdout.strip()
    command = [str(venv_python), "-m", "pip", "install", "--disable-pip-version-check", "-r", "requirements.txt"]
    if no_cache:
        command.append("--no-cache-dir")
    environment = dict(os.environ)
    report.torch_index_reachable = torch_index_reachable()
    if not report.torch_index_reachable:
        # pip would retry the dead index 5 times per package (~9 s each, ~90 packages);
        # one try is enough for it to fall back to PyPI and the local find-links wheel.
        environment["PIP_RETRIES"] = "0"
    started = time.perf_counter()
    with open(log_path, "wb") as log:
        result = subprocess.run(command, cwd=repo, stdout=log, stderr=subprocess.STDOUT, env=environment)
    report.install_seconds = time.perf_counter() - started
    report.install_ok = result.returncode == 0
    if not report.install_ok:
        report.install_error = " | ".join(log_path.read_text(errors="replace").strip().splitlines()[-3:])
        return venv_python
    frozen = subprocess.run([str(venv_python), "-m", "pip", "list", "--format=json"], capture_output=True, text=True, check=True).stdout
    installed = {item["name"].lower(): item["version"] for item in json.loads(frozen)}
    report.torch_version = installed.get("torch", "")
    report.cuda_packages = sorted(name for name in installed if name.startswith(("nvidia-", "triton")))
    report.venv_size_mb = _folder_size_mb(venv)
    return venv_python


def check_pages(browser, base_url: str, timeout: float, screenshots: Path | None) -> list[PageCheck]:
    """Each page answers 200 and, in Chromium, shows its title and no exception box."""
    checks = []
    for path, name in PAGES.items():
        check = PageCheck(path, http_status(base_url + path))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(timeout * 1000)
        try:
            started = time.perf_counter()
            page.goto(base_url + path)
            heading = page.locator(f"{MAIN} h1").first
            heading.wait_for(state="visible")
            check.seconds_to_title = time.perf_counter() - started
            check.title = heading.inner_text().strip()
            wait_until_idle(page, timeout)  # judge the finished page, not its spinners
            check.router_ran = page.locator('[data-testid="stSidebar"]').get_by_text(ROUTER_MARK).count() > 0
            check.exception_shown = page.locator(EXCEPTION_BOX).count() > 0
            if screenshots is not None:
                page.screenshot(path=str(screenshots / f"cloud-{name}.png"), full_page=True)
        except Exception as error:  # report the page as failed and go on with the others
            check.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        finally:
            page.close()
        checks.append(check)
    return checks


def run_cloud_boot(python: str = "python3.11", no_cache: bool = False, keep: bool = False, timeout: float = 600.0, screenshots: Path | None = SCREENSHOTS) -> CloudBootReport:
    """Replays a Community Cloud deploy locally; the report lists figures and failed checks."""
    from playwright.sync_api import sync_playwright

    report = CloudBootReport()
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="storylens-cloud-"))
    try:
        repo = clone_like_copy(workdir / "repo")
        report.dependency_file = cloud_dependency_file(repo)
        venv_python = install_fresh_venv(repo, workdir / "venv", python, no_cache, report, workdir / "pip-install.log")
        if not report.install_ok:
            return report
        if screenshots is not None:
            screenshots.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                # data_dir=None: the app opens its own data/ folder, as it does on Cloud,
                # and HF_HUB_OFFLINE is unset there too (the app must stay offline by itself).
                with streamlit_server(venv_python, repo, None, workdir / "streamlit.log", env={"HF_HUB_OFFLINE": None}) as server:
                    sampler = MemorySampler(server.process.pid)
                    sampler.start()
                    try:
                        report.health_seconds = wait_for_health(server, timeout)
                        report.health_status = http_status(server.url + "/_stcore/health")
                        report.pages = check_pages(browser, server.url, timeout, screenshots)
                    finally:
                        sampler.stop()
                    report.peak_rss_mb, report.rss_after_mb = sampler.peak_mb, sampler.last_mb
                    report.peak_anon_mb = sampler.peak_anon_mb
            finally:
                browser.close()
        report.store_created = (repo / "data" / ".storylens").is_dir()
    finally:
        report.total_seconds = time.perf_counter() - started
        if keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return report


def print_report(report: CloudBootReport) -> None:
    print(f"dependency file Cloud would use: {report.dependency_file or '(none)'}")
    print(f"python: {report.python}")
    print(f"PyTorch CPU index reachable: {report.torch_index_reachable}"
          + ("" if report.torch_index_reachable else " (pip retries set to 0; torch comes from the local wheel)"))
    print(f"pip install -r requirements.txt: {report.install_seconds:.0f} s ({'ok' if report.install_ok else 'FAILED'}); venv {report.venv_size_mb:.0f} MB")
    print(f"torch: {report.torch_version or '-'}; CUDA packages: {', '.join(report.cuda_packages) or 'none'}")
    if report.health_seconds is not None:
        print(f"streamlit run -> /_stcore/health 200: {report.health_seconds:.2f} s")
    for page in report.pages:
        seconds = "n/a" if page.seconds_to_title is None else f"{page.seconds_to_title:.2f} s"
        print(f"  {page.path:<10} HTTP {page.http_status}  title {page.title!r:<20} in {seconds:>8}  "
              f"{'sidebar ok' if page.router_ran else 'NO SIDEBAR (app.py did not run)'}  "
              f"{'EXCEPTION SHOWN ' if page.exception_shown else ''}{page.error}")
    print(f"store created on first boot (data/.storylens): {report.store_created}")
    print(f"peak RSS (server + children): {report.peak_rss_mb:.0f} MB (anonymous {report.peak_anon_mb:.0f} MB); after browsing: {report.rss_after_mb:.0f} MB (target < 700 MB)")
    print(f"total: {report.total_seconds:.0f} s")
    for problem in report.failures:
        print(f"FAILED: {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default="python3.11", help="interpreter for the fresh venv (Cloud: choose 3.11)")
    parser.add_argument("--no-cache", action="store_true", help="install without pip's download cache")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (venv, logs)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for the server and each page")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = run_cloud_boot(args.python, args.no_cache, args.keep, args.timeout)
    if args.json:
        print(json.dumps({**asdict(report), "failures": report.failures}, indent=2))
    else:
        print_report(report)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
