"""The accuracy floors (eval/floors.json) and the `--floor-NAME` / `--ci` options of every eval script."""

from __future__ import annotations

import json
from pathlib import Path

FLOORS_FILE = Path(__file__).with_name("floors.json")


def floors(section: str) -> dict[str, float]:
    """The floors of one eval (e.g. "events"): figure name -> lowest accepted value."""
    return dict(json.loads(FLOORS_FILE.read_text(encoding="utf-8"))[section])


def add_floor_options(parser, section: str) -> None:
    """`--ci` (apply this eval's floors from floors.json) and `--floor-NAME X` for each figure (overrides one)."""
    parser.add_argument("--ci", action="store_true", help=f"exit 1 below the floors in {FLOORS_FILE.name} [{section}]")
    for name in floors(section):
        parser.add_argument(f"--floor-{name}", type=float, default=None, metavar="X", help=f"exit 1 when {name} is below X")


def is_ceiling(name: str) -> bool:
    """Counts of mistakes ("late_max", "dates.text.tuned.wrong") have a most, not a least."""
    return name.endswith(("_max", ".wrong"))


def failures(figures: dict, limits: dict) -> list[str]:
    """One message per figure past its limit; a limit on a figure that was not measured fails too."""
    failed = []
    for name, limit in limits.items():
        if name.startswith("_"):
            continue
        if name not in figures:
            failed.append(f"{name}: no such figure (known: {', '.join(sorted(figures))})")
        elif is_ceiling(name) and figures[name] > limit:
            failed.append(f"{name} = {figures[name]:g} > at most {limit:g}")
        elif not is_ceiling(name) and figures[name] < limit:
            failed.append(f"{name} = {figures[name]:.3f} < floor {limit}")
    return failed


def below_floors(figures: dict, args, section: str) -> int:
    """Prints the figures past their limits (if any) and returns the exit code: 1 then, else 0.

    A figure has a limit when `--floor-NAME` was given, or with `--ci` from floors.json.
    """
    limits = {}
    for name, default in floors(section).items():
        limit = getattr(args, f"floor_{name}", None)
        if limit is None and getattr(args, "ci", False):
            limit = default
        if limit is not None:
            limits[name] = limit
    failed = failures(figures, limits)
    if failed:
        print(f"BELOW FLOOR: {'; '.join(failed)}")
        return 1
    return 0
