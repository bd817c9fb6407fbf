"""The one reader of dates a person types (CLI options, URL parameters, date boxes)."""

from __future__ import annotations

import calendar
import datetime
import re

from lib.core.errors import StoryLensError

_ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_date_bound(text: str | None, end: bool = False, name: str = "date") -> str | None:
    """A date bound as "YYYY-MM-DD", or None when empty.

    "YYYY" or "YYYY-MM" widen to the first day (or, with `end`, the last day) of
    the year or month. Anything else raises StoryLensError naming `name` and the
    forms that are allowed.
    """
    if text is None or not str(text).strip():
        return None
    value = str(text).strip()
    match = _ISO_DAY.match(value)
    try:
        if not match:
            raise ValueError
        year = int(match.group(1))
        month = int(match.group(2) or (12 if end else 1))
        if match.group(3):
            day = int(match.group(3))
        else:
            day = calendar.monthrange(year, month)[1] if end else 1
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise StoryLensError(
            f"'{value}' is not a date for {name}. Use YYYY-MM-DD (e.g. 2024-10-26), YYYY-MM or YYYY."
        ) from None


def parse_date_range(date_from: str | None, date_to: str | None, names: tuple[str, str] = ("--from", "--to")):
    """(first day, last day) of a typed range; a range that runs backwards is a user error."""
    start = parse_date_bound(date_from, name=names[0])
    end = parse_date_bound(date_to, end=True, name=names[1])
    if start and end and start > end:
        raise StoryLensError(f"{names[0]} {start} is after {names[1]} {end}; swap them.")
    return start, end
