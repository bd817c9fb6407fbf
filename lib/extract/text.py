"""Placeholder cleaner for pasted page text (replaced by the scored cleaner)."""

from __future__ import annotations

import re

from lib.extract import Extraction
from lib.models import RemovedBlock

_SENTENCE_END = re.compile(r"[.!?\"'”’)]\s*$")


def clean_page_text(text: str) -> Extraction:
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return Extraction(title="", paragraphs=(), removed=())
    title, rest = lines[0], lines[1:]
    paragraphs, removed = [], []
    for line in rest:
        if len(line) >= 60 and _SENTENCE_END.search(line) and line != title:
            paragraphs.append(line)
        else:
            removed.append(RemovedBlock(kind="other", text=line, reason="short or not a sentence"))
    return Extraction(title=title, paragraphs=tuple(paragraphs), removed=tuple(removed))
