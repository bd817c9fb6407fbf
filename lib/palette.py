"""One colour per outlet, the same on every page and chart."""

from __future__ import annotations

import hashlib

# Okabe-Ito + Tableau colours: distinguishable, colour-blind friendly first.
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
    "#8C564B", "#7F7F7F", "#BCBD22", "#17BECF", "#1F77B4", "#9467BD",
)


def outlet_color(outlet: str) -> str:
    """A stable colour for `outlet` (same name, same colour, in every session)."""
    digest = int(hashlib.md5(outlet.encode("utf-8")).hexdigest(), 16)
    return PALETTE[digest % len(PALETTE)]


def outlet_colors(outlets) -> dict[str, str]:
    """Colours for a set of outlets: stable, and distinct while there are fewer outlets than colours."""
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for outlet in sorted(set(outlets)):
        start = PALETTE.index(outlet_color(outlet))
        for step in range(len(PALETTE)):
            colour = PALETTE[(start + step) % len(PALETTE)]
            if colour not in used or len(used) >= len(PALETTE):
                break
        chosen[outlet] = colour
        used.add(colour)
    return chosen
