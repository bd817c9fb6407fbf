"""Placeholder HTML path (replaced by the trafilatura-based extractor)."""

from __future__ import annotations

from lib.extract import Extraction


def extract_html(html: str) -> Extraction:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False) or ""
    metadata = trafilatura.extract_metadata(html)
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    return Extraction(
        title=(metadata.title if metadata and metadata.title else ""),
        paragraphs=paragraphs,
        removed=(),
        site_name=(metadata.sitename if metadata and metadata.sitename else ""),
        date_text=(metadata.date if metadata and metadata.date else ""),
    )
