"""Saved HTML page -> article paragraphs + audit, with trafilatura.

Guarantees:
- the body is trafilatura's main-text extraction (precision mode, comments
  excluded), one paragraph per line, then lines that are unmistakably
  furniture by their own shape (copyright line, vote count, comment button,
  date/byline line) are moved to `removed`;
- title, site name, date and author come from the page's metadata
  (trafilatura.extract_metadata, which uses htmldate for the date);
- `removed` lists the page's visible text lines (plain HTML-to-text) that are
  not in the body, each classified with the same kinds/reasons as the
  pasted-text path;
- when trafilatura finds no main text, the pasted-text cleaner runs over the
  page's visible text and `notes` says so.
"""

from __future__ import annotations

import logging
import re

from lib.core.models import RemovedBlock
from lib.ingest.extract import Extraction
from lib.ingest.extract import signals as sig
from lib.ingest.extract.blocks import (
    Block,
    block_language,
    build_context,
    other_language,
    split_blocks,
)
from lib.ingest.extract.kinds import classify_removed
from lib.ingest.extract.page_text import html_to_page_text
from lib.ingest.extract.score import shingles, tokens
from lib.ingest.extract.text import (
    MAX_PAGE_LINES,
    clean_page_text,
    count_page_lines,
    too_many_lines_note,
)

log = logging.getLogger(__name__)
_FALLBACK_NOTE = "trafilatura found no main text; used the pasted-text cleaner on the page's visible text"


def extract_html(html: str) -> Extraction:
    """Article of an HTML page; never raises on odd HTML (an empty page gives an empty Extraction with a note)."""
    import trafilatura

    page_text = html_to_page_text(html)
    try:
        body_text = trafilatura.extract(html, include_comments=False, favor_precision=True) or ""
        metadata = trafilatura.extract_metadata(html)
    except Exception as error:  # trafilatura/lxml can fail on broken markup; fall back, but say why
        log.warning("trafilatura failed on the page (%s); falling back to the text cleaner", error)
        body_text, metadata = "", None
    title = _displayed_headline(
        html, (metadata.title or "") if metadata else "", page_text, (metadata.sitename or "") if metadata else ""
    )
    site_name = _declared_site_name(html, (metadata.sitename or "") if metadata else "")
    date_text = (metadata.date or "") if metadata else ""
    author = (metadata.author or "") if metadata else ""

    lines = [line for line in (re.sub(r"\s+", " ", raw).strip() for raw in body_text.split("\n")) if line]
    if not lines:
        fallback = clean_page_text(page_text)
        return Extraction(
            title=title or fallback.title,
            paragraphs=fallback.paragraphs,
            removed=fallback.removed,
            site_name=site_name,
            date_text=date_text,
            author=author,
            notes=fallback.notes + (_FALLBACK_NOTE,),
        )

    paragraphs = [line for line in lines if not _is_shape_furniture(line) and line != title]
    paragraph_set = set(paragraphs)  # a set: `in` on the list was quadratic in the body's lines
    dropped_from_body = [line for line in lines if line not in paragraph_set]
    notes = []
    n_lines = count_page_lines(page_text)
    if n_lines > MAX_PAGE_LINES:
        # The audit of a page this long would cost minutes and list nothing a reader can check.
        removed: tuple[RemovedBlock, ...] = ()
        notes.append(too_many_lines_note(n_lines).replace("it was not read as an article", "removed lines are not listed"))
    else:
        removed = _removed_blocks(page_text, paragraphs, title)
    if dropped_from_body:
        notes.append(f"dropped {len(dropped_from_body)} furniture line(s) that trafilatura kept")
    return Extraction(
        title=title,
        paragraphs=tuple(paragraphs),
        removed=removed,
        site_name=site_name,
        date_text=date_text,
        author=author,
        notes=tuple(notes),
    )


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
_HANDLE = re.compile(r"^@?[A-Za-z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+$|^@\w+$")  # "SputnikInt", "@SPACEdotcom"


def _declared_site_name(html: str, extracted: str) -> str:
    """trafilatura's site name, or the <title>'s site part when that name is a social handle or an
    address that part spells.

    trafilatura falls back to the twitter:site handle ("SputnikInt") when a page declares no
    site name; the <title> part that spells the same name ("... - Sputnik International") is
    what readers see. (og:site_name read first was worse on the tuned pages: "TheHill", "WSJ".)
    """
    if extracted and _HANDLE.match(extracted):
        parts = _title_parts(html)
        handle = re.sub(r"\W", "", extracted).casefold()
        for part in parts[1:]:
            letters = re.sub(r"\W", "", part).casefold()
            if len(part.split()) <= 5 and len(handle) >= 4 and letters.startswith(handle):
                return part
    address = _ADDRESS_NAME.fullmatch(extracted.strip())
    if address:
        # A name taken from the page's address ("catchitkansas.com"): the <title>'s site part that
        # spells it ("Swim Results | Catch It Kansas") is the name readers see.
        label = address.group(1).casefold()
        for part in _title_parts(html)[1:]:
            letters = re.sub(r"\W", "", part).casefold()
            if 1 < len(part.split()) <= 5 and len(label) >= 4 and letters in (label, "the" + label):
                return part
    return extracted


_ADDRESS_NAME = re.compile(r"(?i)(?:www\.)?([a-z0-9-]+)\.(?:[a-z]{2,}\.)?[a-z]{2,}")


def _title_parts(html: str) -> list[str]:
    """The parts of the page's <title> between separators ("Headline | Site" -> ["Headline", "Site"])."""
    title = re.search(r"<title[^>]*>(.*?)</title>", html[:200_000], re.IGNORECASE | re.DOTALL)
    return [part.strip() for part in _TITLE_PARTS.split(re.sub(r"\s+", " ", title.group(1))) if part.strip()] if title else []


def _words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"\w+", text)}


def _displayed_headline(html: str, metadata_title: str, page_text: str, site_name: str = "") -> str:
    """The headline as the page displays it: its main <h1>, else the metadata title without the site's name.

    Metadata titles often carry the site ("Best tech gadgets of 2019 | ZDNet") or differ from the
    displayed headline (an SEO title); readers see the <h1>. A one- to three-word <h1> is usually
    the site's logo, so it is not taken.
    """
    import lxml.html
    from lxml import etree

    headings: list[str] = []
    try:
        root = lxml.html.document_fromstring(html)
        title_element = root.find(".//title")
        page_title = re.sub(r"\s+", " ", title_element.text_content()).strip() if title_element is not None else ""
        site = _words(site_name)
        if (len(metadata_title.split()) < 4 or (site and _words(metadata_title) == site)) and len(
            page_title.split()
        ) > len(metadata_title.split()):
            metadata_title = page_title  # trafilatura took the logo's <h1> or the site's name; the <title> says more
        for element in root.iter("h1"):
            text = re.sub(r"\s+", " ", element.text_content()).strip()
            if site and _words(text) == site:
                continue  # the site's name in an <h1>: its logo
            if 4 <= len(text.split()) <= 40 or (re.search(r"[\u3040-\u9fff\uac00-\ud7af]", text) and 8 <= len(text) <= 120):
                headings.append(text)
    except (etree.ParserError, ValueError):
        headings = []
    title_words = _words(metadata_title)
    if headings:
        def overlap(text: str) -> float:
            words = _words(text)
            return len(words & title_words) / max(1, min(len(words), len(title_words)))

        parts = [part.strip() for part in _TITLE_PARTS.split(metadata_title) if part.strip()]
        # An <h1> that is the site-name part of "Headline | Site" is the logo, not the headline.
        headings = [text for text in headings if not (len(parts) > 1 and text in parts and text != max(parts, key=len))]
    if headings:
        best = max(headings, key=overlap)
        if not metadata_title or overlap(best) >= 0.5 or len(set(headings)) == 1:
            return best
    parts = [part.strip() for part in _TITLE_PARTS.split(metadata_title) if part.strip()]
    if len(parts) > 1 and site_name:
        parts = [part for part in parts if _words(part) != _words(site_name)] or parts
    if len(parts) > 1:
        visible = {re.sub(r"\s+", " ", line).strip() for line in page_text.split("\n")}
        shown = [part for part in parts if part in visible and len(part.split()) >= 2]
        if shown:
            return max(shown, key=len)
        return max(parts, key=len)  # the site's name is the short part
    return parts[0] if len(parts) == 1 else metadata_title


def _is_shape_furniture(line: str) -> bool:
    """Lines whose own shape says they are not reporting (kept narrow: precision matters here)."""
    return bool(
        sig.is_vote_count(line)
        or (sig.is_comment_shape(line) and len(line) < 40)
        or (sig.is_copyright(line) and len(sig.words(line)) <= 12)
        or (sig.is_date_line(line) and len(sig.words(line)) <= 8)
        or sig.is_byline(line)
    )


def _removed_blocks(page_text: str, paragraphs: list[str], title: str) -> tuple[RemovedBlock, ...]:
    """Visible lines of the page that are not in the body, classified like the pasted-text path."""
    blocks = split_blocks(page_text)
    if not blocks:
        return ()
    body_shingles = set()
    for paragraph in paragraphs:
        body_shingles.update(shingles(paragraph))
    paragraph_set = set(paragraphs)
    keep = [_in_body(block, body_shingles, paragraph_set) for block in blocks]
    context = build_context(blocks)
    languages = [
        (block_language(block, context) or "another script") if not kept and other_language(block, context) else ""
        for block, kept in zip(blocks, keep)
    ]
    verdicts = classify_removed(blocks, keep, context, languages)
    title_seen = False
    removed = []
    for block, verdict in zip(blocks, verdicts):
        if verdict is None:
            continue
        if title and block.text == title and not title_seen:
            title_seen = True  # the headline itself is the title, not a dropped block
            continue
        removed.append(RemovedBlock(kind=verdict.kind, text=block.text, reason=verdict.reason))
    return tuple(removed)


def _in_body(block: Block, body_shingles: set, paragraph_set: set) -> bool:
    """A visible line is in the body when most of its 4-grams are (short lines: when it is a paragraph)."""
    if block.text in paragraph_set:
        return True
    if len(tokens(block.text)) < 4:
        return False
    own = shingles(block.text)
    return sum(count for shingle, count in own.items() if shingle in body_shingles) / sum(own.values()) >= 0.5
