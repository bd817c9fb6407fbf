"""One colour per outlet, the same on every page and chart."""

from __future__ import annotations

import hashlib

# Okabe-Ito first (colour-blind friendly), ordered so that neighbours differ in hue; then Paul Tol's
# muted set and darker/lighter hues, so a story with up to 24 outlets gives each its own colour.
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#6A3D9A",
    "#56B4E9", "#8C564B", "#BCBD22", "#7F7F7F", "#17BECF", "#F0E442",
    "#332288", "#117733", "#882255", "#44AA99", "#999933", "#CC6677",
    "#AA4499", "#E31A1C", "#1B1B1B", "#B2DF8A", "#FDBF6F", "#A6CEE3",
)


def outlet_color(outlet: str) -> str:
    """A stable colour for `outlet` (same name, same colour, in every session)."""
    digest = int(hashlib.md5(outlet.encode("utf-8")).hexdigest(), 16)
    return PALETTE[digest % len(PALETTE)]


def outlet_colors(outlets) -> dict[str, str]:
    """Colours for a collection's outlets: distinct hues in palette order, by outlet name.

    Every page asks with the same collection, so an outlet has the same colour
    everywhere; past len(PALETTE) (24) outlets colours repeat.
    """
    return {outlet: PALETTE[index % len(PALETTE)] for index, outlet in enumerate(sorted(set(outlets)))}
