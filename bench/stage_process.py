"""One bench stage in a process of its own, so that its peak RSS is its own (shared by the bench scripts)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from lib.core.settings import REPO_ROOT


def run_stage(module: str, stage: str, size: int, data_dir: Path, *extra: str, timeout: int = 7200, with_load: bool = True) -> dict:
    """`python -m MODULE --stage STAGE --size SIZE --dir DATA_DIR EXTRA...` and the JSON its last line prints
    (with the machine's 1-minute load average at the start when `with_load`); {"error": ...} when it fails
    or runs past `timeout` seconds. Prints one progress line."""
    command = [sys.executable, "-m", module, "--stage", stage, "--size", str(size), "--dir", str(data_dir), *extra]
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO_ROOT))
    tick = time.perf_counter()
    load = os.getloadavg()[0]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO_ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout}s"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if with_load:
        result["load_avg"] = load
    print(f"  [{time.perf_counter() - tick:6.0f}s] {stage} {size:,}: {json.dumps(result)}", flush=True)
    return result


def sized_stores(root: Path, sizes, keep: bool = False):
    """(size, store folder under `root`) for each size in turn; each folder is removed after its
    turn, and `root` at the end, unless `keep` (to look at the stores, or run a stage again)."""
    try:
        for size in sizes:
            data_dir = root / f"store-{size}"
            yield size, data_dir
            if not keep:
                shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


def print_tables(tables: dict[str, dict[int, dict]], titles: dict[str, str]) -> None:
    """Each stage's figures per size, as one table titled by what the stage measures (stages that ran)."""
    from bench.scale import _print_table

    for name, results in tables.items():
        if results:
            _print_table(titles[name], results)
