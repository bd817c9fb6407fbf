"""The house's rules, read from the code with `ast`: imports point one way and the engine stays headless."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from lib.core.settings import REPO_ROOT

# Floors of the house, bottom up: a module may import its own floor or lower ones.
LEVELS = {
    "lib.core": 0,
    "lib.text": 1,
    "lib.ingest": 2,
    "lib.search": 2,
    "lib.events": 2,
    "lib.claims": 2,
    "lib.present": 3,
    "lib.cli": 4,
    "lib.ui": 4,
}
ENGINE = ("lib.core", "lib.text", "lib.ingest", "lib.search", "lib.events", "lib.claims")
NEVER_IN_ENGINE = ("lib.cli", "lib.ui", "lib.present", "streamlit")
# The three views read articles through the corpus they are given, never by ingesting.
STAGES = ("lib.ingest", "lib.search", "lib.events", "lib.claims")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports (top level or inside functions), with its line number."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # `from lib.events import merge` imports the module lib.events.merge
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names
                         if (REPO_ROOT / Path(*node.module.split(".")) / f"{alias.name}.py").exists())
    return found


LIB_MODULES = {module_name(path): path for path in sorted((REPO_ROOT / "lib").rglob("*.py"))}


def package_of(name: str) -> str | None:
    return next((package for package in LEVELS if name == package or name.startswith(package + ".")), None)


def test_every_lib_module_belongs_to_a_package_of_the_house():
    loose = [name for name in LIB_MODULES if name != "lib" and package_of(name) is None]
    assert not loose, f"modules outside lib/'s packages: {loose}"


@pytest.mark.parametrize("name", [name for name in LIB_MODULES if package_of(name) in ENGINE])
def test_the_engine_never_imports_the_cli_the_ui_the_presentation_or_streamlit(name):
    bad = [(line, target) for line, target in imports_of(LIB_MODULES[name])
           if any(target == banned or target.startswith(banned + ".") for banned in NEVER_IN_ENGINE)]
    assert not bad, f"{name} imports {bad}"


@pytest.mark.parametrize("name", [name for name in LIB_MODULES if package_of(name)])
def test_imports_never_point_up_a_floor(name):
    own = package_of(name)
    upward = []
    for line, target in imports_of(LIB_MODULES[name]):
        other = package_of(target)
        if other is None or other == own:
            continue
        if LEVELS[other] > LEVELS[own] or (own in STAGES and other in STAGES and other != "lib.ingest"):
            upward.append((line, target))
        if own in STAGES and other == "lib.ingest" and own != "lib.ingest":
            upward.append((line, target))
    assert not upward, f"{name} ({own}, floor {LEVELS[own]}) imports {upward}"


def test_the_module_import_graph_has_no_cycles():
    graph = {name: {target for _, target in imports_of(path) if target in LIB_MODULES and target != name}
             for name, path in LIB_MODULES.items()}
    # A package's __init__ is not an edge target that matters for cycles of real modules.
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            pytest.fail(f"import cycle: {' -> '.join(cycle)}")


def test_pages_and_app_reach_the_engine_only_through_lib():
    for path in [REPO_ROOT / "app.py", *sorted((REPO_ROOT / "pages").glob("*.py"))]:
        for line, target in imports_of(path):
            assert not target.startswith(("bench", "eval", "tools", "tests")), f"{path.name}:{line} imports {target}"


def test_tests_never_import_the_benches():
    for path in sorted((REPO_ROOT / "tests").rglob("*.py")):
        for line, target in imports_of(path):
            assert not target.startswith("bench"), f"{path.relative_to(REPO_ROOT)}:{line} imports {target}"


def test_the_architecture_test_sees_a_planted_upward_import(tmp_path):
    """The checker itself can fail: an engine module importing the UI is caught."""
    planted = tmp_path / "planted.py"
    planted.write_text("from lib.ui.loaders import get_corpus\nimport streamlit as st\n", encoding="utf-8")
    targets = [target for _, target in imports_of(planted)]
    assert "lib.ui.loaders" in targets and "streamlit" in targets
    assert package_of("lib.ui.loaders") == "lib.ui" and LEVELS["lib.ui"] > LEVELS["lib.events"]
