"""Article text shown through st.markdown is always literal text, never markup."""

import re

import pytest

from lib.present.markdown import escape_markdown, highlight_span


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "**not bold** and _not italic_",
        "Costs $5 and $6",  # would be LaTeX
        ":red[not red] :smile:",
        "# not a heading",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_escaped_text_has_no_live_markup(text):
    escaped = escape_markdown(text)
    # every markup character is preceded by a backslash
    for match in re.finditer(r"[<>\[\]()*_$:#]", escaped):
        assert escaped[match.start() - 1] == "\\", (text, escaped)


def test_unescaping_gives_back_the_original_text():
    text = "Hayashi said: \"Such remarks are totally unacceptable\" (Kyodo) — 12,000 troops."
    assert re.sub(r"\\(.)", r"\1", escape_markdown(text)) == text


def test_highlight_wraps_only_the_span():
    marked = highlight_span("One. Two. Three.", 5, 9)
    assert marked == "One\\. :orange-background[Two\\.] Three\\."


def test_empty_span_is_not_highlighted():
    assert "background" not in highlight_span("Text.", 3, 3)
