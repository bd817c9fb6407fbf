"""Stated publication dates: the date a page prints for itself.

Only page furniture that carries the article's own date is read (date lines,
"Published"/"Last Updated" lines, metadata); comments and related-article
lists are never read, so "2 hours ago" under a related story is never taken
for the article's date. A printed date needs a year to count as stated.

Candidates are found with a regex (dateparser's own `search_dates` matches
words like "may" and "March" inside names) and each candidate is parsed by
dateparser with `languages=["en"]` and a fixed `RELATIVE_BASE`, so the machine
clock never leaks in.
"""

from __future__ import annotations

import re
from datetime import datetime

from lib.core.models import PublishedDate, RemovedBlock

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_PATTERNS = [
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),  # ISO 2024-06-20
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.IGNORECASE),  # Oct 26, 2024
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b", re.IGNORECASE),  # 26 October 2024
    re.compile(r"\b\d{4}[/.]\d{1,2}[/.]\d{1,2}\b"),  # 2024/10/26, 2024.10.25 (Korean pages)
    re.compile(r"\b\d{1,2}\s+[а-яёіїє]{3,}\.?\s+\d{4}\b", re.IGNORECASE),  # 25 октября 2024
    re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"),  # 2024年10月26日
]
# Words that mark a line as the article's own date line, strongest first.
_PUBLISHED_WORDS = re.compile(r"\b(published|posted|date|dated|updated|last updated)\b", re.IGNORECASE)
_UPDATED_ONLY = re.compile(r"\bupdated\b", re.IGNORECASE)
READABLE_KINDS = ("metadata", "credit", "caption", "other")
_MAX_DATE_LINE = 160
_FIXED_BASE = datetime(2000, 1, 1)  # only explicit dates with a year are accepted here


def _parse_candidate(text: str) -> datetime | None:
    import dateparser

    if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", text):
        year, month, day = map(int, re.findall(r"\d+", text))
        try:
            return datetime(year, month, day)
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}\.\d{1,2}\.\d{1,2}", text):
        year, month, day = map(int, text.split("."))
        try:
            return datetime(year, month, day)
        except ValueError:
            return None
    # English unless the date is written in Cyrillic (Russian/Ukrainian month names).
    languages = ["ru", "uk"] if re.search(r"[а-яёіїє]", text, re.IGNORECASE) else ["en"]
    return dateparser.parse(
        text,
        languages=languages,
        settings={"RELATIVE_BASE": _FIXED_BASE, "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )


def dates_in_line(line: str) -> list[tuple[str, datetime]]:
    """Explicit day-precision dates (with a year) printed in `line`, in order."""
    found: list[tuple[int, str, datetime]] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(line):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            parsed = _parse_candidate(match.group())
            if parsed is not None:
                found.append((match.start(), match.group(), parsed))
                taken.append((match.start(), match.end()))
    return [(text, parsed) for _start, text, parsed in sorted(found)]


_DATELINE = re.compile(
    r"^\s*([A-Z][A-Za-z.'’ -]{1,40}),\s+"
    rf"({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"\s*(?:\([^)]{2,40}\))?\s*[-–—]"
)


def dateline_date(body: str) -> tuple[str, datetime] | None:
    """A wire dateline with a full date opening the body: "TOKYO, Oct 25, 2024 (Reuters) -"."""
    match = _DATELINE.match(body[:200])
    if not match:
        return None
    dates = dates_in_line(match.group(2))
    return (match.group(0).strip(), dates[0][1]) if dates else None


def find_stated_date(
    removed: tuple[RemovedBlock, ...] | list[RemovedBlock],
    metadata_date: str = "",
    title: str = "",
    body: str = "",
) -> PublishedDate | None:
    """The publication date the page prints for itself, or None.

    Preference: page metadata (HTML) > a line that says "published"/"date" >
    a bare date line or a wire dateline opening the body > a line that only
    says "updated". The clue is the line.
    """
    if metadata_date:
        parsed = _parse_candidate(metadata_date.strip()[:10]) or _parse_candidate(metadata_date.strip())
        if parsed:
            return PublishedDate(
                date=parsed.strftime("%Y-%m-%d"),
                precision="day",
                stated=True,
                clue=f"page metadata: {metadata_date.strip()}",
                earliest=parsed.strftime("%Y-%m-%d"),
                latest=parsed.strftime("%Y-%m-%d"),
            )
    ranked: list[tuple[int, int, str, datetime]] = []
    for position, block in enumerate(removed):
        if block.kind not in READABLE_KINDS:
            continue
        for line in block.text.splitlines():
            line = line.strip()
            if not line or len(line) > _MAX_DATE_LINE:
                continue
            dates = dates_in_line(line)
            if not dates:
                continue
            if _PUBLISHED_WORDS.search(line) and not _UPDATED_ONLY.search(line):
                rank = 0
            elif block.kind == "metadata" and len(line) <= 60:
                rank = 1
            elif _UPDATED_ONLY.search(line):
                rank = 2
            elif block.kind == "caption":
                continue  # a caption's date is when the photo was taken
            else:
                rank = 3
            ranked.append((rank, position, line, dates[0][1]))
    dateline = dateline_date(body) if body else None
    if dateline:
        ranked.append((1, len(removed), f"dateline: {dateline[0]}", dateline[1]))
    if not ranked:
        return None
    rank, _position, line, parsed = min(ranked)
    day = parsed.strftime("%Y-%m-%d")
    note = " (the page gives only an update time)" if rank == 2 else ""
    return PublishedDate(
        date=day, precision="day", stated=True, clue=f"{line}{note}", earliest=day, latest=day
    )
