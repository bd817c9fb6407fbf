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


def below_floors(figures: dict, args, section: str) -> int:
    """Prints the figures under their floors (if any) and returns the exit code: 1 then, else 0.

    A figure has a floor when `--floor-NAME` was given, or with `--ci` from floors.json.
    """
    defaults = floors(section)
    failed = []
    for name, default in defaults.items():
        floor = getattr(args, f"floor_{name}", None)
        if floor is None and getattr(args, "ci", False):
            floor = default
        if floor is not None and figures[name] < floor:
            failed.append(f"{name} {figures[name]:.3f} < {floor}")
    if failed:
        print(f"BELOW FLOOR: {'; '.join(failed)}")
        return 1
    return 0
