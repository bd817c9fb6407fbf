"""Floors for the accuracy evals: one `--floor-NAME X` option per figure, and the verdict."""

from __future__ import annotations


def add_floor_options(parser, names) -> None:
    """`--floor-NAME X` for each figure name (default 0.0: no floor)."""
    for name in names:
        parser.add_argument(f"--floor-{name}", type=float, default=0.0, metavar="X", help=f"exit 1 when {name} is below X")


def below_floors(figures: dict, args, names) -> int:
    """Prints the figures under their floors (if any) and returns the exit code: 1 then, else 0."""
    failed = [name for name in names if figures[name] < getattr(args, f"floor_{name}")]
    if failed:
        print(f"BELOW FLOOR: {', '.join(failed)}")
        return 1
    return 0
