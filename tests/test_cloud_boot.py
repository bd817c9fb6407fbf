"""Community Cloud dress rehearsal as a test: requirements.txt installs into a fresh venv and every page boots.

Slow (a fresh venv, ~3-7 minutes here), so it runs only when asked:

    STORYLENS_CLOUD_BOOT=1 .venv/bin/python -m pytest tests/test_cloud_boot.py -q

The cheap checks on requirements.txt itself always run.
"""

from __future__ import annotations

import ast
import concurrent.futures
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata

import pytest

from lib.core.settings import REPO_ROOT
from tools.cloud_boot import (
    CLOUD_DEPENDENCY_FILES,
    cloud_dependency_file,
    run_cloud_boot,
)

REQUIREMENTS = REPO_ROOT / "requirements.txt"


def _requirement_names(lines) -> dict[str, str]:
    names = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name = re.split(r"[<>=!~ \[;]", line, maxsplit=1)[0]
        names[name.lower().replace("_", "-")] = line
    return names


def test_cloud_would_install_from_requirements_txt():
    assert cloud_dependency_file(REPO_ROOT) == "requirements.txt", (
        f"Cloud uses the first of {CLOUD_DEPENDENCY_FILES} it finds; remove the others"
    )


def test_requirements_txt_takes_torch_cpu_build_from_the_pytorch_index():
    text = REQUIREMENTS.read_text()
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in text
    assert re.search(r"^torch==[\d.]+\+cpu$", text, re.MULTILINE)


def test_requirements_txt_lists_every_runtime_dependency_of_pyproject():
    declared = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    wanted = _requirement_names(declared)
    listed = _requirement_names(REQUIREMENTS.read_text().splitlines())
    missing = sorted(set(wanted) - set(listed))
    assert not missing, f"add to requirements.txt (pinned as in .venv): {missing}"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _installed_closure(names) -> set[str]:
    """The distributions `names` pull in when installed (extras not followed), as installed here."""
    seen: set[str] = set()
    pending = [_normalise(name) for name in names]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if "extra ==" in requirement:
                continue
            pending.append(_normalise(re.split(r"[<>=!~ \[;(]", requirement, maxsplit=1)[0]))
    return seen


def _imported_top_modules(paths) -> set[str]:
    modules = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules


# Packages for running StoryLens on a cluster, deliberately NOT in requirements.txt: Community
# Cloud is one 1 GB container, where Ray (hundreds of MB) has no second machine to use. Each is
# imported by one module only, lazily, reached only when a setting chooses it, and says which
# package to install when it is missing
# (test_cluster_only_packages_stay_in_their_module_and_are_named_when_missing).
CLUSTER_ONLY_MODULES = {"ray": "lib/ingest/ray_engine.py"}


def test_every_package_the_app_imports_is_installed_by_requirements_txt():
    """A module imported only in the dev venv (even lazily) would crash that page on Cloud."""
    sources = [REPO_ROOT / "app.py", *REPO_ROOT.glob("pages/*.py"), *REPO_ROOT.glob("lib/**/*.py")]
    local = {"lib", "pages", "bench", "eval", "tools", "tests"}
    third_party = sorted(_imported_top_modules(sources) - set(sys.stdlib_module_names) - local - set(CLUSTER_ONLY_MODULES))
    provided = _installed_closure(_requirement_names(REQUIREMENTS.read_text().splitlines()))
    distributions = metadata.packages_distributions()
    unprovided = {
        module: distributions.get(module, ["(not installed here)"])
        for module in third_party
        if not {_normalise(dist) for dist in distributions.get(module, [])} & provided
    }
    assert not unprovided, f"imported but not installed by requirements.txt: {unprovided}"


def _module_level_imports(path) -> set[str]:
    """Modules `path` imports outside any function or class body (run when it is imported)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_cluster_only_packages_stay_in_their_module_and_are_named_when_missing(tmp_path):
    sources = [REPO_ROOT / "app.py", *REPO_ROOT.glob("pages/*.py"), *REPO_ROOT.glob("lib/**/*.py")]
    for package, home in CLUSTER_ONLY_MODULES.items():
        home_module = home.removesuffix(".py").replace("/", ".")
        for path in sources:
            relative = path.relative_to(REPO_ROOT).as_posix()
            if relative == home:
                assert package not in {name.split(".")[0] for name in _module_level_imports(path)}, (
                    f"{home} must import {package} lazily (inside a function)")
                continue
            assert package not in _imported_top_modules([path]), f"{relative} imports {package}; only {home} may"
            if relative.startswith(("pages/", "app.py")):
                assert home_module not in _imported_modules(path), f"{relative} imports {home_module}"
            else:
                assert home_module not in _module_level_imports(path), (
                    f"{relative} imports {home_module} at module level; import it where the setting chooses it")
    # Without the package: importing the CLI and the batch ingest works, choosing the engine says what to install.
    script = (
        "import sys; sys.modules['ray'] = None\n"  # what a venv without ray does on `import ray`
        "import lib.cli, lib.ingest.batch\n"
        "from lib.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    article = REPO_ROOT / "data" / "articles" / "000_23855ce6f6a14ab7.txt"
    done = subprocess.run(
        [sys.executable, "-c", script, "ingest", "--engine", "ray", "--data", str(tmp_path), str(article)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert 'needs the package ray, which is not installed: pip install "ray[data]==2.60.0"' in done.stderr
    assert "STORYLENS_INGEST_ENGINE=local" in done.stderr
    assert not (tmp_path / ".storylens").exists()  # refused before the store was even opened


def _imported_modules(path) -> set[str]:
    """Every module `path` imports, at any depth."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("STORYLENS_CLOUD_BOOT") != "1", reason="set STORYLENS_CLOUD_BOOT=1 to run the fresh-venv boot (minutes)")
def test_fresh_venv_from_requirements_boots_every_page_without_error():
    # Playwright's sync API refuses to run where an asyncio loop is already running
    # (Streamlit's AppTest leaves one in the main thread), so the boot runs in a thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        report = pool.submit(run_cloud_boot).result()
    assert report.install_ok, report.install_error
    assert not report.failures, "\n".join(report.failures)
