"""One bench stage in a process of its own, so that its peak RSS is its own (shared by the bench scripts)."""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
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


def staged_bench_arguments(description: str, keep: bool = True) -> argparse.ArgumentParser:
    """The options of a bench whose stages run in their own process: --sizes (and --keep DIR to fill
    and keep the stores there), plus the hidden --stage/--size/--dir that `run_stage` starts a stage with."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    if keep:
        parser.add_argument("--keep", metavar="DIR", help="fill stores in DIR and keep them (reused when present)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    return parser


def answered_stage(args: argparse.Namespace, stages: dict, *extra) -> bool:
    """When this process was started for one stage (`run_stage`), runs it and prints its figures as the
    JSON line `run_stage` reads; True then, False for the bench's own run."""
    if not args.stage:
        return False
    print(json.dumps(stages[args.stage](args.size, Path(args.dir), *extra)))
    return True


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


def run_every_stage(module: str, stages: dict, titles: dict[str, str], args: argparse.Namespace, prefix: str) -> None:
    """Every stage of `stages`, in order, each in its own process (`run_stage` of `module`), for each size
    of `args.sizes` (stores under `args.keep` kept, a kept store not filled again: its "fill" stage is
    skipped), then their figures as tables titled by `titles`, printed even when a stage fails."""
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix=prefix))
    tables: dict[str, dict[int, dict]] = {name: {} for name in stages}
    try:
        for size, data_dir in sized_stores(root, args.sizes, keep=bool(args.keep)):
            for stage in stages:
                if stage == "fill" and (data_dir / ".storylens").exists():
                    continue  # a store kept by an earlier run (--keep)
                tables[stage][size] = run_stage(module, stage, size, data_dir)
    finally:
        print_tables(tables, titles)


def print_tables(tables: dict[str, dict[int, dict]], titles: dict[str, str]) -> None:
    """Each stage's figures per size, as one table titled by what the stage measures (stages that ran)."""
    for name, results in tables.items():
        if results:
            print_table(titles[name], results)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return str(value)


def print_table(title: str, results: dict[int, dict]) -> None:
    """One stage's figures: a row per figure, a column per size, and how it grows per 10x of size."""
    print(f"\n== {title}")
    sizes = sorted(results)
    keys = list(dict.fromkeys(key for size in sizes for key in results[size]))
    print(f"{'':28}" + "".join(f"{size:>14,}" for size in sizes) + "   growth per 10x")
    for key in keys:
        values = [results[size].get(key, "") for size in sizes]
        growth = ""
        numeric = [(size, value) for size, value in zip(sizes, values) if isinstance(value, (int, float)) and not isinstance(value, bool)]
        if len(numeric) >= 2 and numeric[0][1] > 0:
            (s0, v0), (s1, v1) = numeric[0], numeric[-1]
            growth = f"x{(v1 / v0) ** (1 / math.log10(s1 / s0)):.1f}"
        print(f"{key:28}" + "".join(f"{_fmt(value)[:13]:>14}" for value in values) + f"   {growth}")
