"""What a row carries for an engine that filters by payload, and the filter it is given.

`lib.search.vectors` re-exports these; they live apart so that the engines
(`lib.search.qdrant_index`) and the interface can both import them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class PayloadFilter:
    """Which rows a search may return, as conditions on each row's payload (see `row_payload`).

    Empty tuples / None mean "no restriction". Days are "YYYY-MM-DD", inclusive;
    a row matches a day range when its [earliest, latest] interval overlaps it,
    and an undated row only when `include_undated` is set. `dense_only` keeps
    only rows the dense model can read. The same rule as
    `lib.search.hybrid.SearchIndex.row_mask`, so an engine that filters by
    payload returns what `ExactIndex` returns with the equivalent `allowed_ids`.
    """

    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    day_from: str | None = None
    day_to: str | None = None
    include_undated: bool = False
    dense_only: bool = False


def day_number(day: str) -> int:
    """"2024-10-05" -> 20241005: ISO days compare as integers in the same order."""
    if not _ISO_DAY.fullmatch(day or ""):
        raise ValueError(f"not a YYYY-MM-DD day: {day!r}")
    return int(day.replace("-", ""))


def is_iso_day(day: str | None) -> bool:
    return day is None or bool(_ISO_DAY.fullmatch(day))


def row_payload(outlet: str, language: str, interval: tuple[str, str] | None, dense: bool) -> dict:
    """The payload one row carries in an engine that filters by payload.

    Flags are 0/1 integers (an engine matches integers and keywords the same
    way everywhere); days are `day_number`s; an undated row has dated = 0.
    """
    payload = {"outlet": outlet, "language": language, "dense": int(bool(dense)), "dated": 0}
    if interval is not None:
        payload.update(dated=1, earliest=day_number(interval[0]), latest=day_number(interval[1]))
    return payload
