"""HTML -> the page's visible text with line breaks, as a reader's select-all + copy gives it.

Guarantees: script/style/noscript/template/svg/head content never appears;
every block-level element starts a new line; text inside a line keeps its
order with runs of whitespace collapsed to one space. No boilerplate removal
happens here: this is the *input* of the pasted-text cleaner (and its fallback
for HTML), so it must stay a plain conversion. Hand-written over lxml because
html2text/inscriptis add markdown or layout we do not want and are not installed.
"""

from __future__ import annotations

import re

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select")
# Elements that start a new line in a browser's rendering (and so in copied text).
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure "
    "footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav noframes ol p pre section "
    "summary table tbody thead tfoot tr ul caption legend option button label".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2009\u202f]+")


def html_to_page_text(html: str) -> str:
    """Visible text of `html`, one rendered line per line (blank lines removed)."""
    import lxml.html
    from lxml import etree

    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    # `hidden` elements are not rendered, so a reader cannot copy them.
    for element in list(root.xpath("//*[@hidden] | //*[contains(translate(@style,' ',''),'display:none')]")):
        if element.getparent() is not None:
            element.drop_tree()

    pieces: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag == "br":
            pieces.append("\n")
        elif tag in _BLOCK_TAGS:
            pieces.append("\n")
        elif tag in _CELL_TAGS:
            pieces.append("\t")
        if isinstance(element.tag, str) and element.text:
            pieces.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if tag in _BLOCK_TAGS:
            pieces.append("\n")

    walk(root)
    lines = []
    for raw in "".join(pieces).split("\n"):
        line = _SPACES.sub(" ", raw.replace("\t", " ")).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)
