"""Showing article text safely in Streamlit markdown.

Article text is data, never markup: every character that Markdown, Streamlit
directives (":orange[...]", ":emoji:") or LaTeX ("$") could interpret is
backslash-escaped, and raw HTML is never enabled. Hand-written because
Streamlit has no public escape helper.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&\"'=^])")


def escape_markdown(text: str) -> str:
    """`text` escaped so st.markdown shows it literally (newlines kept as line breaks)."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def highlight_span(text: str, start: int, end: int, colour: str = "orange") -> str:
    """Escaped markdown of `text` with text[start:end] on a coloured background."""
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return escape_markdown(text)
    return (
        escape_markdown(text[:start])
        + f":{colour}-background[{escape_markdown(text[start:end])}]"
        + escape_markdown(text[end:])
    )
