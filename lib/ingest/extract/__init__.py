"""Turning an input page (pasted text or HTML) into article paragraphs plus an audit.

Both paths return the same `Extraction`, so nothing downstream cares where an
article came from:

- `lib.ingest.extract.text.clean_page_text(text)` for plain page text (select-all + copy,
  saved .txt/.md), the shape of the bundled corpus;
- `lib.ingest.extract.html.extract_html(html)` for saved HTML pages (trafilatura).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lib.core.models import RemovedBlock


@dataclass(frozen=True)
class Extraction:
    """The article part of a page and everything that was dropped, in page order.

    Guarantees: every paragraph is text of the input (whitespace inside a line
    may be normalised, nothing is rewritten); every dropped block is in
    `removed` with a kind (see `lib.core.models.REMOVED_KINDS`) and a reason; the
    title is not repeated as the first paragraph.
    """

    title: str
    paragraphs: tuple[str, ...]
    removed: tuple[RemovedBlock, ...]
    site_name: str = ""  # from page metadata (HTML) when present
    date_text: str = ""  # publication date from page metadata (HTML), raw text
    author: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)  # e.g. "fell back to ..."
    # Where each removed block sat, one per block of `removed` (pasted text; empty for HTML):
    # "top" above the headline, "head" between headline and body, "inside" the body, "foot" after it.
    zones: tuple[str, ...] = field(default_factory=tuple)
